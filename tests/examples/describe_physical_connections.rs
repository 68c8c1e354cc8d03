//! Lists the physical connections of a region with the generated Vpc client.
//!
//! Credentials come from the environment (`ALIBABA_CLOUD_ACCESS_KEY_ID`,
//! `ALIBABA_CLOUD_ACCESS_KEY_SECRET`, optional `ALIBABA_CLOUD_SECURITY_TOKEN`), else from the
//! aliyun CLI profile. Against the local mock server (see README.md):
//!
//! ```sh
//! cargo run -p specgen-e2e --example describe_physical_connections -- \
//!     --endpoint http://127.0.0.1:PORT cn-hangzhou
//! ```

use alibabacloud_vpc20160428::{Client, Config};
use clap::Parser;

/// Lists the physical connections of a region.
#[derive(Parser)]
struct Args {
    /// Region, e.g. cn-hangzhou.
    region: String,
    /// Send requests here instead of the product endpoint (a proxy or the local mock server).
    #[arg(long)]
    endpoint: Option<String>,
    /// Connections per page (1 to 50).
    #[arg(long, default_value_t = 10)]
    page_size: i32,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let mut config = Config::builder().region(&args.region);
    if let Some(url) = &args.endpoint {
        config = config.endpoint_url(url);
    }
    let client = Client::new(config.build()?);
    let connections = client
        .describe_physical_connections()
        .region_id(&args.region)
        .page_size(args.page_size)
        .into_paginator()
        .items()
        .try_collect()
        .await?;
    println!(
        "{} physical connection(s) in {}",
        connections.len(),
        args.region
    );
    for pc in &connections {
        let field = |v: Option<&str>| v.unwrap_or("-").to_owned();
        println!(
            "{}\t{}\t{}\t{} Mbit/s\t{}",
            field(pc.physical_connection_id.as_deref()),
            field(pc.name.as_deref()),
            pc.status.as_ref().map_or("-".into(), ToString::to_string),
            pc.bandwidth.map_or("-".into(), |b| b.to_string()),
            field(pc.access_point_id.as_deref()),
        );
    }
    Ok(())
}
