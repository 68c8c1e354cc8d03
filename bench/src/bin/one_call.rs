//! The smallest useful program: one `DescribePhysicalConnections` call with the generated Vpc
//! client. scripts/bench measures its release binary size; run with an endpoint URL to call.

use specgen_bench::BoxError;

fn main() -> Result<(), BoxError> {
    let endpoint = std::env::args()
        .nth(1)
        .ok_or("usage: one_call ENDPOINT_URL")?;
    let client = specgen_bench::vpc_client(&endpoint)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let output = runtime.block_on(
        client
            .describe_physical_connections()
            .region_id("cn-hangzhou")
            .send(),
    )?;
    println!("{output:?}");
    Ok(())
}
