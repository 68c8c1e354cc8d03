//! Production credentials through a generated client, configured with the generated crate's
//! re-exports alone: a `RamRoleArn` profile assumes its role at the fake STS (our signature
//! checked by the official library), and the temporary credentials sign calls the server
//! accepts, under both signature schemes. Nothing leaves loopback: the metadata service is
//! switched off and STS is the mock server.

use std::collections::HashMap;

use alibabacloud_vpc20160428 as vpc;
use serde_json::json;
use vpc::{
    Config, DefaultCredentialsChain, Environment, ProvideCredentials, RetryConfig, SignatureVersion,
};

use crate::support::{received, server};

const PROFILE: &str = r#"{"current":"role","profiles":[{"name":"role","mode":"RamRoleArn",
    "access_key_id":"testid","access_key_secret":"testsecret",
    "ram_role_arn":"acs:ram::123:role/e2e"}]}"#;

#[tokio::test]
async fn a_ram_role_profile_signs_generated_calls_with_temporary_credentials() {
    let server = server();
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join(".aliyun")).unwrap();
    std::fs::write(home.path().join(".aliyun/config.json"), PROFILE).unwrap();
    let vars = HashMap::from([(
        "ALIBABA_CLOUD_ECS_METADATA_DISABLED".to_string(),
        "true".to_string(),
    )]);
    let chain = DefaultCredentialsChain::new(Environment::new(vars, Some(home.path().into())))
        .sts_endpoint(server.url());
    let first = chain.provide_credentials().await.unwrap();
    assert!(first.access_key_id().starts_with("STS.mock"));
    for version in [SignatureVersion::V3, SignatureVersion::V1] {
        server
            .scenario(json!({"default": {"json": {"RequestId": "e2e", "PhysicalConnectionSet": {"PhysicalConnectionType": []}}}}))
            .await
            .unwrap();
        let config = Config::builder()
            .region("cn-hangzhou")
            .endpoint_url(server.url())
            .credentials_provider(chain.clone())
            .signature_version(version)
            .retry(RetryConfig::disabled())
            .build()
            .unwrap();
        vpc::Client::new(config)
            .describe_physical_connections()
            .region_id("cn-hangzhou")
            .send()
            .await
            .unwrap_or_else(|e| panic!("{version:?}: {e}"));
    }
    let requests = received(&server).await;
    let (sts, api): (Vec<_>, Vec<_>) = requests
        .iter()
        .partition(|r| r.action.as_deref() == Some("AssumeRole"));
    assert_eq!(sts.len(), 1, "cached across clients sharing the chain");
    assert!(sts[0].signature_ok && sts[0].access_key_id.as_deref() == Some("testid"));
    assert_eq!(api.len(), 2);
    for r in api {
        assert!(r.signature_ok, "{r:?}");
        assert_eq!(r.access_key_id.as_deref(), Some(first.access_key_id()));
        assert!(r.security_token_present);
    }
}
