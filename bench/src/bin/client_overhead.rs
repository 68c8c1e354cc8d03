//! Requests per second and CPU time per request: the generated Vpc client
//! (`DescribePhysicalConnections`: build, validate, sign, send, decode) against a bare reqwest
//! loop (send, read the body) — the floor — both against the same loopback server.
//!
//! Usage: `client_overhead [REQUESTS_PER_ROUND] [ROUNDS]`. Prints one tab-separated line per
//! round and mode: `mode  requests  wall_seconds  client_thread_cpu_seconds`.

use specgen_bench::{bare_call, measure, report, BoxError};

const WARMUP: u32 = 300;

fn main() -> Result<(), BoxError> {
    let (requests, rounds) = specgen_bench::rounds_from_args()?;
    let addr =
        specgen_bench::spawn_server(specgen_bench::RESPONSE_BODY, specgen_bench::ALIBABA_JSON)?;
    let endpoint = format!("http://{addr}");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let sdk = specgen_bench::vpc_client(&endpoint)?;
        let bare = reqwest::Client::new();
        let url = format!("{endpoint}/?Action=DescribePhysicalConnections&RegionId=cn-hangzhou");
        for _ in 0..WARMUP {
            sdk_call(&sdk).await?;
            bare_call(&bare, &url).await?;
        }
        // Rounds alternate between the modes so that load from other processes hits both.
        for _ in 0..rounds {
            let (wall, cpu) = measure(requests, || sdk_call(&sdk)).await?;
            report("generated", requests, wall, cpu);
            let (wall, cpu) = measure(requests, || bare_call(&bare, &url)).await?;
            report("reqwest-floor", requests, wall, cpu);
        }
        Ok(())
    })
}

async fn sdk_call(client: &alibabacloud_vpc20160428::Client) -> Result<(), BoxError> {
    let output = client
        .describe_physical_connections()
        .region_id("cn-hangzhou")
        .page_size(10)
        .send()
        .await?;
    if output.total_count != Some(1) {
        return Err(format!("unexpected response decoded: {output:?}").into());
    }
    Ok(())
}
