//! Requests per second and CPU time per request: the generated Vpc client
//! (`DescribePhysicalConnections`: build, validate, sign, send, decode) against a bare reqwest
//! loop (send, read the body) — the floor — both against the same loopback server.
//!
//! Usage: `client_overhead [REQUESTS_PER_ROUND] [ROUNDS]`. Prints one tab-separated line per
//! round and mode: `mode  requests  wall_seconds  client_thread_cpu_seconds`.

use std::time::{Duration, Instant};

type BoxError = Box<dyn std::error::Error>;

const WARMUP: u32 = 300;

fn main() -> Result<(), BoxError> {
    let mut args = std::env::args().skip(1);
    let requests: u32 = args.next().map_or(Ok(5000), |a| a.parse())?;
    let rounds: u32 = args.next().map_or(Ok(5), |a| a.parse())?;

    let addr = specgen_bench::spawn_server()?;
    let endpoint = format!("http://{addr}");
    // The whole client (and its connection tasks) runs on this one thread, so this thread's
    // CPU clock is the client's CPU cost.
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

async fn bare_call(client: &reqwest::Client, url: &str) -> Result<(), BoxError> {
    let body = client.post(url).send().await?.bytes().await?;
    std::hint::black_box(body);
    Ok(())
}

async fn measure<F, Fut>(requests: u32, mut call: F) -> Result<(Duration, Duration), BoxError>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<(), BoxError>>,
{
    let (start, cpu_start) = (Instant::now(), thread_cpu_time()?);
    for _ in 0..requests {
        call().await?;
    }
    Ok((start.elapsed(), thread_cpu_time()? - cpu_start))
}

fn report(mode: &str, requests: u32, wall: Duration, cpu: Duration) {
    println!(
        "{mode}\t{requests}\t{:.6}\t{:.6}",
        wall.as_secs_f64(),
        cpu.as_secs_f64()
    );
}

/// CPU time consumed by the calling thread.
fn thread_cpu_time() -> std::io::Result<Duration> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Err(std::io::Error::last_os_error());
    }
    let secs = u64::try_from(ts.tv_sec).unwrap_or(0);
    let nanos = u32::try_from(ts.tv_nsec).unwrap_or(0);
    Ok(Duration::new(secs, nanos))
}
