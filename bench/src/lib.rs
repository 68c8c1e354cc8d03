//! Shared pieces of the benchmark programs: a loopback server answering every request with a
//! fixed `DescribePhysicalConnections` response, and the client configuration pointing at it.

use std::convert::Infallible;
use std::net::SocketAddr;

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;

/// The fixed response body: one physical connection, as the API reference shows it.
pub const RESPONSE_BODY: &str = r#"{"RequestId":"B3B2F4A0-4E2F-4F3C-9E1A-6C7F2D1E0A11","PageNumber":1,"PageSize":10,"TotalCount":1,"PhysicalConnectionSet":{"PhysicalConnectionType":[{"PhysicalConnectionId":"pc-bp1ciz7ekd2grn1as****","AccessPointId":"ap-cn-hangzhou-yh-B","Type":"VPC","Status":"Enabled","BusinessStatus":"Normal","CreationTime":"2021-06-08T12:20:55Z","EnabledTime":"2021-06-08T12:20:55Z","LineOperator":"CT","Spec":"1G","PeerLocation":"Hangzhou","PortType":"1000Base-LX","Bandwidth":1000,"Name":"pc-name","Description":"bench","ChargeType":"Prepaid","LoaStatus":"Available","HasReservationData":"false","ProductType":"VirtualPhysicalConnection"}]}}"#;

/// Starts the server on a free loopback port in its own thread (one current-thread runtime,
/// so it never competes with the client's thread for a scheduler) and returns its address.
pub fn spawn_server() -> std::io::Result<SocketAddr> {
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
                    let service = service_fn(|_req: Request<hyper::body::Incoming>| async {
                        Ok::<_, Infallible>(
                            Response::builder()
                                .header("content-type", "application/json;charset=utf-8")
                                .body(Full::new(Bytes::from_static(RESPONSE_BODY.as_bytes())))
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
