//! Creates an Express Connect Router with the generated ExpressConnectRouter client; a dry run
//! (the service only checks the request) unless `--execute` is given.
//!
//! Credentials come from the environment (`ALIBABA_CLOUD_ACCESS_KEY_ID`,
//! `ALIBABA_CLOUD_ACCESS_KEY_SECRET`, optional `ALIBABA_CLOUD_SECURITY_TOKEN`), else from the
//! aliyun CLI profile. Against the local mock server (see README.md):
//!
//! ```sh
//! cargo run -p specgen-e2e --example create_express_connect_router -- \
//!     --endpoint http://127.0.0.1:PORT cn-hangzhou 45104
//! ```

use alibabacloud_expressconnectrouter20230901::{Client, Config};
use clap::Parser;

/// Creates an Express Connect Router (a dry run unless --execute).
#[derive(Parser)]
struct Args {
    /// Region, e.g. cn-hangzhou.
    region: String,
    /// ASN of the Alibaba Cloud side: 45104, 64512 to 65534, or 4200000000 to 4294967294.
    asn: i64,
    /// Name of the router.
    #[arg(long)]
    name: Option<String>,
    /// Send requests here instead of the product endpoint (a proxy or the local mock server).
    #[arg(long)]
    endpoint: Option<String>,
    /// Really create the router (it is a dry run otherwise).
    #[arg(long)]
    execute: bool,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let mut config = Config::builder().region(&args.region);
    if let Some(url) = &args.endpoint {
        config = config.endpoint_url(url);
    }
    let client = Client::new(config.build()?);
    let output = client
        .create_express_connect_router()
        .alibaba_side_asn(args.asn)
        .set_name(args.name)
        .dry_run(!args.execute)
        .send()
        .await?;
    println!(
        "router {} (request id {})",
        output.ecr_id.as_deref().unwrap_or("- (dry run)"),
        output.request_id.as_deref().unwrap_or("-")
    );
    Ok(())
}
