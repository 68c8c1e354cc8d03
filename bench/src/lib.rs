//! Shared pieces of the benchmark programs: a loopback server answering every request with a
//! fixed response, the generated client configured for it, and the timed request loop. The AWS
//! programs in `bench/aws/` use the same server and loop.

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;

/// Errors of the benchmark programs, reported by `main`.
pub type BoxError = Box<dyn std::error::Error>;

/// Content type of Alibaba Cloud RPC responses.
pub const ALIBABA_JSON: &str = "application/json;charset=utf-8";

/// The fixed `DescribePhysicalConnections` body: one connection, as the API reference shows it.
pub const RESPONSE_BODY: &str = r#"{"RequestId":"B3B2F4A0-4E2F-4F3C-9E1A-6C7F2D1E0A11","PageNumber":1,"PageSize":10,"TotalCount":1,"PhysicalConnectionSet":{"PhysicalConnectionType":[{"PhysicalConnectionId":"pc-bp1ciz7ekd2grn1as****","AccessPointId":"ap-cn-hangzhou-yh-B","Type":"VPC","Status":"Enabled","BusinessStatus":"Normal","CreationTime":"2021-06-08T12:20:55Z","EnabledTime":"2021-06-08T12:20:55Z","LineOperator":"CT","Spec":"1G","PeerLocation":"Hangzhou","PortType":"1000Base-LX","Bandwidth":1000,"Name":"pc-name","Description":"bench","ChargeType":"Prepaid","LoaStatus":"Available","HasReservationData":"false","ProductType":"VirtualPhysicalConnection"}]}}"#;

/// Starts a server answering every request with `body` on a free loopback port, in its own
/// thread (one current-thread runtime, so it never shares a scheduler with the client), and
/// returns its address.
pub fn spawn_server(body: &'static str, content_type: &'static str) -> std::io::Result<SocketAddr> {
    let std_listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    std_listener.set_nonblocking(true)?;
    let addr = std_listener.local_addr()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()?;
    std::thread::spawn(move || {
        runtime.block_on(async move {
            let Ok(listener) = tokio::net::TcpListener::from_std(std_listener) else {
                eprintln!("bench server: cannot register the listener");
                return;
            };
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(async move {
                    let service =
                        service_fn(move |_req: Request<hyper::body::Incoming>| async move {
                            Ok::<_, Infallible>(
                                Response::builder()
                                    .header("content-type", content_type)
                                    .body(Full::new(Bytes::from_static(body.as_bytes())))
                                    .unwrap_or_default(),
                            )
                        });
                    // A dropped client connection ends this task; nothing to report.
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
    });
    Ok(addr)
}

/// A generated Vpc client sending to `endpoint` with fixed test credentials.
pub fn vpc_client(
    endpoint: &str,
) -> Result<alibabacloud_vpc20160428::Client, specgen_runtime::ConfigError> {
    let config = specgen_runtime::Config::builder()
        .endpoint_url(endpoint)
        .region("cn-hangzhou")
        .credentials(specgen_runtime::Credentials::new("benchid", "benchsecret"))
        .build()?;
    Ok(alibabacloud_vpc20160428::Client::new(config))
}

/// Runs `call` `requests` times in sequence; returns the wall time and this thread's CPU time.
/// Callers run their whole client on one current-thread runtime, so the thread's CPU clock is
/// the client's CPU cost.
pub async fn measure<F, Fut>(requests: u32, mut call: F) -> Result<(Duration, Duration), BoxError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<(), BoxError>>,
{
    let (start, cpu_start) = (Instant::now(), thread_cpu_time()?);
    for _ in 0..requests {
        call().await?;
    }
    Ok((start.elapsed(), thread_cpu_time()? - cpu_start))
}

/// One result line, as scripts/bench reads it: `mode  requests  wall_s  cpu_s`, tab-separated.
pub fn report(mode: &str, requests: u32, wall: Duration, cpu: Duration) {
    println!(
        "{mode}\t{requests}\t{:.6}\t{:.6}",
        wall.as_secs_f64(),
        cpu.as_secs_f64()
    );
}

/// `[REQUESTS_PER_ROUND] [ROUNDS]` from the command line (defaults 1000 and 41, as
/// scripts/bench runs them).
pub fn rounds_from_args() -> Result<(u32, u32), BoxError> {
    let mut args = std::env::args().skip(1);
    let requests = args.next().map_or(Ok(1000), |a| a.parse())?;
    let rounds = args.next().map_or(Ok(41), |a| a.parse())?;
    Ok((requests, rounds))
}

/// A bare reqwest POST whose body is read and dropped: the floor every client is compared to.
pub async fn bare_call(client: &reqwest::Client, url: &str) -> Result<(), BoxError> {
    let body = client.post(url).send().await?.bytes().await?;
    std::hint::black_box(body);
    Ok(())
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
