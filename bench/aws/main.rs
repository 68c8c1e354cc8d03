//! The AWS twin of bench/src/bin/one_call.rs: one `DescribeConnections` call with
//! aws-sdk-directconnect. scripts/bench measures its release binary size.

type BoxError = Box<dyn std::error::Error>;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), BoxError> {
    use aws_sdk_directconnect::config::{BehaviorVersion, Credentials, Region};
    let endpoint = std::env::args()
        .nth(1)
        .ok_or("usage: aws_one_call ENDPOINT_URL")?;
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
        .endpoint_url(endpoint)
        .build();
    let client = aws_sdk_directconnect::Client::from_conf(config);
    let output = client.describe_connections().send().await?;
    println!("{output:?}");
    Ok(())
}
