//! The AWS twin of bench/src/bin/client_overhead.rs: aws-sdk-directconnect `DescribeConnections`
//! (build, sign SigV4, send, decode) against a bare reqwest loop, both against the same loopback
//! server as ours. Same usage and output lines.

use specgen_bench::{bare_call, measure, report, BoxError};

const WARMUP: u32 = 300;

/// A `DescribeConnections` response with one connection, in the awsJson1_1 protocol.
const RESPONSE_BODY: &str = r#"{"connections":[{"ownerAccount":"123456789012","connectionId":"dxcon-fg5678gh","connectionName":"bench","connectionState":"available","region":"us-east-1","location":"EqDC2","bandwidth":"1Gbps","vlan":0,"partnerName":"","loaIssueTime":1623154855,"awsDevice":"EqDC2-123h49s71dabc","awsDeviceV2":"EqDC2-123h49s71dabc","jumboFrameCapable":false,"hasLogicalRedundancy":"no","providerName":"","macSecCapable":false,"encryptionMode":"no_encrypt","tags":[{"key":"team","value":"bench"}]}]}"#;

fn main() -> Result<(), BoxError> {
    use aws_sdk_directconnect::config::{BehaviorVersion, Credentials, Region};
    let (requests, rounds) = specgen_bench::rounds_from_args()?;
    let addr = specgen_bench::spawn_server(RESPONSE_BODY, "application/x-amz-json-1.1")?;
    let endpoint = format!("http://{addr}");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let config = aws_sdk_directconnect::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(Region::new("us-east-1"))
            .credentials_provider(Credentials::new(
                "benchid",
                "benchsecret",
                None,
                None,
                "bench",
            ))
            .endpoint_url(&endpoint)
            .build();
        let sdk = aws_sdk_directconnect::Client::from_conf(config);
        let bare = reqwest::Client::new();
        let url = format!("{endpoint}/");
        for _ in 0..WARMUP {
            sdk_call(&sdk).await?;
            bare_call(&bare, &url).await?;
        }
        for _ in 0..rounds {
            let (wall, cpu) = measure(requests, || sdk_call(&sdk)).await?;
            report("aws-sdk-directconnect", requests, wall, cpu);
            let (wall, cpu) = measure(requests, || bare_call(&bare, &url)).await?;
            report("reqwest-floor", requests, wall, cpu);
        }
        Ok(())
    })
}

async fn sdk_call(client: &aws_sdk_directconnect::Client) -> Result<(), BoxError> {
    let output = client.describe_connections().send().await?;
    if output.connections().len() != 1 {
        return Err(format!("unexpected response decoded: {output:?}").into());
    }
    Ok(())
}
