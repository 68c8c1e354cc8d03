//! The client against misbehaving servers on loopback (raw TCP, no mock server): bodies that
//! never end or are huge, redirects to another host. Each test checks the error, that the
//! client stopped reading (the server's writes fail once the client drops the connection:
//! what it managed to write bounds what the client could have buffered), and what reached
//! which server.

mod common;

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use common::{DESCRIBE, VPC};
use specgen_runtime::{
    CallOptions, Client, Config, Credentials, OperationInfo, Params, RetryConfig, SdkError,
    SignatureVersion,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A create without a token, the operation a replay hurts most.
const CREATE: OperationInfo = OperationInfo {
    action: "CreateVirtualBorderRouter",
    method: "POST",
    idempotency_param: None,
    read_only: false,
};

const LIMIT: usize = 1 << 20;
const SECRET: &str = "hostile-secret";
const TOKEN: &str = "hostile-sts-token";

#[derive(Clone, Copy)]
enum Behaviour {
    /// `200`, chunked, 64 KiB chunks until the client goes away.
    EndlessChunks,
    /// `200` with `Content-Length: 2 GiB`, then bytes until the client goes away.
    HugeBody,
    /// `307` to the given port on loopback.
    RedirectTo(u16),
    /// `200 {"RequestId":"r"}` and keeps the request head.
    Answer,
}

/// A loopback server: counts connections and the bytes it managed to write; keeps what it
/// received.
#[derive(Clone)]
struct Hostile {
    port: u16,
    connections: Arc<AtomicUsize>,
    written: Arc<AtomicU64>,
    received: Arc<std::sync::Mutex<Vec<String>>>,
}

impl Hostile {
    async fn start(behaviour: Behaviour) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let server = Hostile {
            port: listener.local_addr().unwrap().port(),
            connections: Arc::default(),
            written: Arc::default(),
            received: Arc::default(),
        };
        let s = server.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                s.connections.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(s.clone().serve(stream, behaviour));
            }
        });
        server
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    async fn serve(self, mut stream: TcpStream, behaviour: Behaviour) {
        let mut head = Vec::new();
        let mut buf = [0u8; 8192];
        while !head.windows(4).any(|w| w == b"\r\n\r\n") {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => head.extend_from_slice(&buf[..n]),
            }
        }
        self.received
            .lock()
            .unwrap()
            .push(String::from_utf8_lossy(&head).into_owned());
        let chunk = vec![b' '; 64 << 10];
        match behaviour {
            Behaviour::EndlessChunks => {
                let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";
                if stream.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                let framed =
                    [format!("{:x}\r\n", chunk.len()).as_bytes(), &chunk, b"\r\n"].concat();
                while stream.write_all(&framed).await.is_ok() {
                    self.written.fetch_add(chunk.len() as u64, Ordering::SeqCst);
                }
            }
            Behaviour::HugeBody => {
                let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2147483648\r\n\r\n";
                if stream.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                while stream.write_all(&chunk).await.is_ok() {
                    self.written.fetch_add(chunk.len() as u64, Ordering::SeqCst);
                }
            }
            Behaviour::RedirectTo(port) => {
                let head = format!("HTTP/1.1 307 Temporary Redirect\r\nlocation: http://127.0.0.1:{port}/steal\r\ncontent-length: 0\r\n\r\n");
                let _ = stream.write_all(head.as_bytes()).await;
            }
            Behaviour::Answer => {
                let body = r#"{"RequestId":"r"}"#;
                let head = format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}", body.len());
                let _ = stream.write_all(head.as_bytes()).await;
            }
        }
    }
}

fn client(url: &str, version: SignatureVersion) -> Client {
    let config = Config::builder()
        .region("cn-hangzhou")
        .endpoint_url(url)
        .credentials(Credentials::new("hostile-id", SECRET).with_security_token(TOKEN))
        .signature_version(version)
        .max_response_bytes(LIMIT)
        // Long enough that only the body limit can end these calls.
        .read_timeout(Duration::from_secs(120))
        .retry(RetryConfig {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(1),
            max_backoff: Duration::from_millis(2),
            max_elapsed: Duration::from_secs(60),
        })
        .build()
        .unwrap();
    Client::new(config)
}

async fn call(
    url: &str,
    op: &OperationInfo,
    version: SignatureVersion,
) -> SdkError<specgen_runtime::ServiceError> {
    client(url, version)
        .invoke(&VPC, op, Params::new(), &CallOptions::default())
        .await
        .unwrap_err()
}

/// Waits until the server's writes stop (the client dropped the connection), then returns
/// how much it wrote.
async fn settled(server: &Hostile) -> u64 {
    let mut last = u64::MAX;
    loop {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let now = server.written.load(Ordering::SeqCst);
        if now == last {
            return now;
        }
        last = now;
    }
}

/// What the server may have written beyond the limit: socket buffers on both sides.
const SLACK: u64 = 16 << 20;

#[tokio::test]
async fn an_endless_chunked_body_stops_at_the_limit() {
    let server = Hostile::start(Behaviour::EndlessChunks).await;
    let err = call(&server.url(), &DESCRIBE, SignatureVersion::V3).await;
    assert!(
        matches!(
            err,
            SdkError::ResponseTooLarge {
                http_status: 200,
                limit: LIMIT
            }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("exceeds the limit of 1048576 bytes"),
        "{err}"
    );
    let written = settled(&server).await;
    assert!(
        written < LIMIT as u64 + SLACK,
        "server wrote {written} bytes"
    );
    assert_eq!(
        server.connections.load(Ordering::SeqCst),
        1,
        "never retried"
    );
}

#[tokio::test]
async fn a_huge_body_is_refused_from_its_length() {
    let server = Hostile::start(Behaviour::HugeBody).await;
    let err = call(&server.url(), &DESCRIBE, SignatureVersion::V1).await;
    assert!(
        matches!(
            err,
            SdkError::ResponseTooLarge {
                http_status: 200,
                limit: LIMIT
            }
        ),
        "{err:?}"
    );
    let written = settled(&server).await;
    assert!(written < SLACK, "server wrote {written} bytes");
    assert_eq!(server.connections.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_redirect_is_an_error_and_nothing_reaches_the_other_host() {
    for version in [SignatureVersion::V1, SignatureVersion::V3] {
        let other = Hostile::start(Behaviour::Answer).await;
        let server = Hostile::start(Behaviour::RedirectTo(other.port)).await;
        let err = call(&server.url(), &CREATE, version).await;
        let location = format!("http://127.0.0.1:{}/steal", other.port);
        match &err {
            SdkError::Redirect {
                http_status: 307,
                location: Some(l),
            } => assert_eq!(l, &location),
            other => panic!("{version:?}: {other:?}"),
        }
        let shown = err.to_string();
        assert!(
            shown.contains("307") && shown.contains(&location),
            "{shown}"
        );
        assert_eq!(other.connections.load(Ordering::SeqCst), 0, "{version:?}");
        assert_eq!(server.connections.load(Ordering::SeqCst), 1, "{version:?}");
        // The first host did get the signed request: the secret itself never travels.
        let received = server.received.lock().unwrap().join("\n");
        assert!(received.contains("hostile-id"), "{received}");
        assert!(!received.contains(SECRET), "{received}");
    }
}
