//! What the runtime's integration tests share: a product, a read-only operation and a log
//! capture. Each test crate uses part of it.
#![allow(dead_code)]

use specgen_runtime::{OperationInfo, ParamLocation, ServiceInfo};

pub const VPC: ServiceInfo = ServiceInfo {
    product: "Vpc",
    version: "2016-04-28",
    endpoint_global: "vpc.aliyuncs.com",
    endpoint_regional: "vpc.{region}.aliyuncs.com",
    global_regions: &["cn-hangzhou"],
    location: ParamLocation::Query,
};

pub const DESCRIBE: OperationInfo = OperationInfo {
    action: "DescribePhysicalConnections",
    method: "POST",
    idempotency_param: None,
    read_only: true,
};

/// Captures every log line of the calls run inside `f`, at all levels.
pub async fn logs_of<F: std::future::Future<Output = ()>>(f: F) -> String {
    use std::sync::{Arc, Mutex};
    #[derive(Clone, Default)]
    struct Buf(Arc<Mutex<Vec<u8>>>);
    impl std::io::Write for Buf {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let buf = Buf::default();
    let writer = buf.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let guard = tracing::subscriber::set_default(subscriber);
    f.await;
    drop(guard);
    let bytes = buf.0.lock().unwrap().clone();
    String::from_utf8(bytes).unwrap()
}
