//! The credential chain against local fakes (scripts/mock_server.py): STS AssumeRole (our V1
//! signature checked with the official Python library), AssumeRoleWithOIDC, the ECS metadata
//! service (IMDSv2 session token required) and a credentials URI. Each source is driven
//! through a refresh before expiry and a concurrent burst that fetches once, and the
//! temporary credentials it yields sign API calls the server accepts. Every service address
//! is a loopback port: nothing reaches 100.100.100.200 or any other host.

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use common::{logs_of, DESCRIBE, VPC};
use serde_json::json;
use specgen_runtime::testing::{MockServer, RecordedRequest};
use specgen_runtime::{
    CallOptions, Client, Config, DefaultCredentialsChain, Environment, Params, RetryConfig,
    SdkError, SignatureVersion,
};

const OIDC_TOKEN: &str = "eyJhbGciOiJSUzI1NiJ9.oidc-token-value.sig";

/// A home directory with files, and the environment the chain sees.
struct Home {
    dir: tempfile::TempDir,
    vars: HashMap<String, String>,
}

impl Home {
    fn new() -> Self {
        let mut vars = HashMap::new();
        vars.insert("ALIBABA_CLOUD_ECS_METADATA_DISABLED".into(), "true".into());
        Home {
            dir: tempfile::tempdir().unwrap(),
            vars,
        }
    }

    fn file(self, path: &str, content: &str) -> Self {
        let full = self.dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, content).unwrap();
        self
    }

    fn var(mut self, name: &str, value: &str) -> Self {
        self.vars.insert(name.into(), value.into());
        self
    }

    fn path(&self, rel: &str) -> String {
        self.dir.path().join(rel).display().to_string()
    }

    fn chain(&self, server: &MockServer) -> DefaultCredentialsChain {
        let env = Environment::new(self.vars.clone(), Some(self.dir.path().to_path_buf()));
        DefaultCredentialsChain::new(env)
            .sts_endpoint(server.url())
            .metadata_endpoint(server.url())
    }
}

fn server() -> MockServer {
    MockServer::start().unwrap_or_else(|e| panic!("{e}"))
}

fn client(
    server: &MockServer,
    chain: DefaultCredentialsChain,
    version: SignatureVersion,
) -> Client {
    let config = Config::builder()
        .region("cn-hangzhou")
        .endpoint_url(server.url())
        .credentials_provider(chain)
        .signature_version(version)
        .retry(RetryConfig::disabled())
        .build()
        .unwrap();
    Client::new(config)
}

async fn describe(
    c: &Client,
) -> Result<specgen_runtime::Bytes, SdkError<specgen_runtime::ServiceError>> {
    c.invoke(&VPC, &DESCRIBE, Params::new(), &CallOptions::default())
        .await
}

fn count(requests: &[RecordedRequest], is: &dyn Fn(&RecordedRequest) -> bool) -> usize {
    requests.iter().filter(|r| is(r)).count()
}

/// A burst of 16 concurrent calls fetches once; calls while fresh fetch nothing; once inside
/// the 15-minute margin (but 15 minutes before expiry) the next call fetches again. Every
/// API call is signed with the temporary credentials and accepted.
async fn burst_then_refresh(
    server: &MockServer,
    home: &Home,
    fetches: &dyn Fn(&RecordedRequest) -> bool,
    version: SignatureVersion,
    imds_v2_required: bool,
) {
    server.reset().await.unwrap();
    // Expires 15 min + 2 s from now: refreshed within 2 s, long before it expires.
    server
        .scenario(
            json!({"credentials_expire_in": 902, "oidc_token": OIDC_TOKEN,
                         "imds_v2_required": imds_v2_required}),
        )
        .await
        .unwrap();
    let c = client(server, home.chain(server), version);
    let burst: Vec<_> = (0..16)
        .map(|_| {
            let c = c.clone();
            tokio::spawn(async move { describe(&c).await })
        })
        .collect();
    for call in burst {
        call.await.unwrap().unwrap();
    }
    describe(&c).await.unwrap();
    let seen = server.requests().await.unwrap();
    assert_eq!(
        count(&seen, fetches),
        1,
        "one fetch for the burst: {seen:#?}"
    );
    tokio::time::sleep(Duration::from_millis(2500)).await;
    describe(&c).await.unwrap();
    describe(&c).await.unwrap();
    let seen = server.requests().await.unwrap();
    assert_eq!(count(&seen, fetches), 2, "refreshed once, before expiry");
    let api: Vec<_> = seen
        .iter()
        .filter(|r| r.action.as_deref() == Some(DESCRIBE.action))
        .collect();
    assert_eq!(api.len(), 19);
    for r in &api {
        assert!(r.signature_ok, "{r:?}");
        assert!(r.security_token_present);
        assert!(r.access_key_id.as_deref().unwrap().starts_with("STS.mock"));
    }
    assert_ne!(
        api[0].access_key_id, api[18].access_key_id,
        "new credentials after refresh"
    );
}

fn action(name: &'static str) -> impl Fn(&RecordedRequest) -> bool {
    move |r| r.action.as_deref() == Some(name)
}

const RAM_ROLE_PROFILE: &str = r#"{"current":"role","profiles":[
    {"name":"ak","mode":"AK","access_key_id":"testid","access_key_secret":"testsecret"},
    {"name":"role","mode":"RamRoleArn","access_key_id":"testid","access_key_secret":"testsecret",
     "ram_role_arn":"acs:ram::123:role/app","ram_session_name":"sess","expired_seconds":1800},
    {"name":"chained","mode":"ChainableRamRoleArn","source_profile":"role","ram_role_arn":"acs:ram::123:role/next"},
    {"name":"ecs","mode":"EcsRamRole","ram_role_name":"mock-role"}]}"#;

#[tokio::test]
async fn ram_role_arn_profile_assumes_the_role_with_a_signature_sts_accepts() {
    let server = server();
    let home = Home::new().file(".aliyun/config.json", RAM_ROLE_PROFILE);
    for version in [SignatureVersion::V3, SignatureVersion::V1] {
        burst_then_refresh(&server, &home, &action("AssumeRole"), version, false).await;
    }
    let seen = server.requests().await.unwrap();
    let sts: Vec<_> = seen.iter().filter(|r| action("AssumeRole")(r)).collect();
    for r in &sts {
        assert!(r.signature_ok, "STS checked our signature: {r:?}");
        assert_eq!((r.scheme.as_str(), r.method.as_str()), ("V1", "POST"));
        assert_eq!(r.access_key_id.as_deref(), Some("testid"));
        assert_eq!(r.param("RoleArn"), Some("acs:ram::123:role/app"));
        assert_eq!(r.param("RoleSessionName"), Some("sess"));
        assert_eq!(r.param("DurationSeconds"), Some("1800"));
    }
}

#[tokio::test]
async fn chainable_ram_role_arn_assumes_each_role_in_turn() {
    let server = server();
    let home = Home::new()
        .file(".aliyun/config.json", RAM_ROLE_PROFILE)
        .var("ALIBABA_CLOUD_PROFILE", "chained");
    let c = client(&server, home.chain(&server), SignatureVersion::V3);
    describe(&c).await.unwrap();
    let seen = server.requests().await.unwrap();
    let sts: Vec<_> = seen.iter().filter(|r| action("AssumeRole")(r)).collect();
    assert_eq!(sts.len(), 2);
    assert_eq!(sts[0].param("RoleArn"), Some("acs:ram::123:role/app"));
    assert_eq!(sts[0].access_key_id.as_deref(), Some("testid"));
    // The second role is assumed with the first one's temporary credentials.
    assert_eq!(sts[1].param("RoleArn"), Some("acs:ram::123:role/next"));
    assert!(sts[1]
        .access_key_id
        .as_deref()
        .unwrap()
        .starts_with("STS.mock"));
    assert!(sts[1].security_token_present && sts.iter().all(|r| r.signature_ok));
}

#[tokio::test]
async fn rrsa_environment_assumes_the_role_with_the_oidc_token() {
    let server = server();
    let home = Home::new().file("token", &format!("{OIDC_TOKEN}\n"));
    let token_file = home.path("token");
    let home = home
        .var("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::123:role/pod")
        .var(
            "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
            "acs:ram::123:oidc-provider/ack",
        )
        .var("ALIBABA_CLOUD_OIDC_TOKEN_FILE", &token_file);
    burst_then_refresh(
        &server,
        &home,
        &action("AssumeRoleWithOIDC"),
        SignatureVersion::V3,
        false,
    )
    .await;
    let seen = server.requests().await.unwrap();
    let sts: Vec<_> = seen
        .iter()
        .filter(|r| action("AssumeRoleWithOIDC")(r))
        .collect();
    for r in &sts {
        assert!(r.signature_ok, "{r:?}");
        assert_eq!(r.param("OIDCToken"), Some(OIDC_TOKEN));
        assert!(
            r.query.iter().all(|(k, _)| k != "OIDCToken"),
            "token never in the URL"
        );
        assert_eq!(
            r.param("OIDCProviderArn"),
            Some("acs:ram::123:oidc-provider/ack")
        );
    }
    // A wrong token is the service's error, named.
    std::fs::write(Path::new(&token_file), "stale").unwrap();
    let c = client(&server, home.chain(&server), SignatureVersion::V3);
    let err = describe(&c).await.unwrap_err().to_string();
    assert!(
        err.contains("AuthenticationFail.OIDCToken.Invalid"),
        "{err}"
    );
    assert!(!err.contains(OIDC_TOKEN));
}

fn imds_credentials(r: &RecordedRequest) -> bool {
    r.scheme == "IMDS"
        && r.action.as_deref() == Some("/latest/meta-data/ram/security-credentials/mock-role")
}

#[tokio::test]
async fn ecs_metadata_with_a_session_token() {
    let server = server();
    // Role name asked of the service (no ALIBABA_CLOUD_ECS_METADATA), token required.
    let home = Home::new().var("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "false");
    burst_then_refresh(
        &server,
        &home,
        &imds_credentials,
        SignatureVersion::V1,
        true,
    )
    .await;
    let seen = server.requests().await.unwrap();
    for r in seen.iter().filter(|r| r.scheme == "IMDS") {
        assert_eq!(r.error_code, None, "{r:?}");
        if r.method == "GET" {
            assert!(r.headers.contains_key("x-aliyun-ecs-metadata-token"));
        }
    }
    // The profile mode reaches the same service, with the role name it names.
    let home = Home::new()
        .file(".aliyun/config.json", RAM_ROLE_PROFILE)
        .var("ALIBABA_CLOUD_PROFILE", "ecs");
    server.reset().await.unwrap();
    describe(&client(&server, home.chain(&server), SignatureVersion::V3))
        .await
        .unwrap();
    let seen = server.requests().await.unwrap();
    assert_eq!(count(&seen, &imds_credentials), 1);
    assert!(seen
        .iter()
        .all(|r| r.action.as_deref() != Some("/latest/meta-data/ram/security-credentials/")));
}

#[tokio::test]
async fn credentials_uri_comes_last_after_an_unreachable_metadata_service() {
    let server = server();
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let home = Home::new()
        .var("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "false")
        .var(
            "ALIBABA_CLOUD_CREDENTIALS_URI",
            &format!("{}/_creds", server.url()),
        );
    let chain = home
        .chain(&server)
        .metadata_endpoint(format!("http://127.0.0.1:{closed}"));
    let c = client(&server, chain, SignatureVersion::V3);
    describe(&c).await.unwrap();
    let seen = server.requests().await.unwrap();
    assert_eq!(count(&seen, &|r| r.scheme == "URI"), 1);
    // Without the URI the chain reports every source it tried.
    let home = Home::new().var("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "false");
    let chain = home
        .chain(&server)
        .metadata_endpoint(format!("http://127.0.0.1:{closed}"));
    let err = describe(&client(&server, chain, SignatureVersion::V3))
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("not reachable") && err.contains("config.json not found"),
        "{err}"
    );

    burst_then_refresh(
        &server,
        &Home::new().var(
            "ALIBABA_CLOUD_CREDENTIALS_URI",
            &format!("{}/_creds", server.url()),
        ),
        &|r| r.scheme == "URI",
        SignatureVersion::V3,
        false,
    )
    .await;
}

#[tokio::test(flavor = "current_thread")]
async fn temporary_secrets_never_reach_logs_debug_or_errors() {
    let server = server();
    server
        .scenario(json!({"oidc_token": OIDC_TOKEN}))
        .await
        .unwrap();
    let home = Home::new()
        .file(".aliyun/config.json", RAM_ROLE_PROFILE)
        .file("token", OIDC_TOKEN);
    let token_file = home.path("token");
    let mut shown = String::new();
    let logs = logs_of(async {
        let chain = home.chain(&server);
        let c = client(&server, chain.clone(), SignatureVersion::V1);
        describe(&c).await.unwrap();
        shown.push_str(&format!("{chain:?} {:?}", c.config()));
        // An STS error and a profile error, shown every way.
        let rrsa = Home::new()
            .var("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::123:role/pod")
            .var("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "p")
            .var("ALIBABA_CLOUD_OIDC_TOKEN_FILE", &token_file);
        server
            .scenario(json!({"oidc_token": "another"}))
            .await
            .unwrap();
        let err = describe(&client(&server, rrsa.chain(&server), SignatureVersion::V3))
            .await
            .unwrap_err();
        shown.push_str(&format!("{err} {err:?}"));
    })
    .await;
    assert!(logs.contains("refreshing credentials"), "{logs}");
    for secret in [
        "testsecret",
        "temp-secret-",
        "temp-token-",
        OIDC_TOKEN,
        "Signature=",
    ] {
        assert!(!logs.contains(secret), "{secret} in logs: {logs}");
        assert!(!shown.contains(secret), "{secret} shown: {shown}");
    }
}
