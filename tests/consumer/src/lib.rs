//! An inventory of Express Connect physical connections: the kind of code a user writes over
//! the generated Vpc client, tested in `tests/` without network or Python.

use alibabacloud_vpc20160428 as vpc;
use futures_util::TryStreamExt;
use vpc::operation::delete_physical_connection::DeletePhysicalConnectionError;
use vpc::operation::describe_physical_connections::{
    DescribePhysicalConnectionsError, DescribePhysicalConnectionsOutput,
};
use vpc::{Client, Config, ConfigError, ProvideErrorMetadata, RetryConfig, SdkError};

/// A client for `region` with credentials from the environment's default chain, retrying
/// at most twice.
pub fn client(region: &str) -> Result<Client, ConfigError> {
    let retry = RetryConfig {
        max_attempts: 2,
        ..RetryConfig::default()
    };
    let config = Config::builder().region(region).retry(retry).build()?;
    Ok(Client::new(config))
}

/// The IDs of every physical connection in the client's region, `page_size` per request.
pub async fn connection_ids(
    client: &Client,
    page_size: i32,
) -> Result<Vec<String>, SdkError<DescribePhysicalConnectionsError>> {
    client
        .describe_physical_connections()
        .page_size(page_size)
        .into_paginator()
        .items()
        .try_filter_map(|pc| async move { Ok(pc.physical_connection_id) })
        .try_collect()
        .await
}

/// One line about a page of the listing.
pub fn summary(page: &DescribePhysicalConnectionsOutput) -> String {
    let on_page = page
        .physical_connection_set
        .as_ref()
        .and_then(|set| set.physical_connection_type.as_ref())
        .map_or(0, Vec::len);
    match page.total_count {
        Some(total) => format!("{on_page} of {total} physical connection(s)"),
        None => format!("{on_page} physical connection(s)"),
    }
}

/// What became of a deletion.
#[derive(Debug, PartialEq, Eq)]
pub enum Deletion {
    /// Deleted.
    Deleted,
    /// Already gone: nothing to do.
    AlreadyGone,
    /// Refused by the service: its code and request id, for a support ticket.
    Refused {
        /// The service's error code.
        code: String,
        /// The request id.
        request_id: Option<String>,
    },
}

/// Deletes a physical connection; one that does not exist counts as deleted already.
pub async fn delete(
    client: &Client,
    id: &str,
) -> Result<Deletion, SdkError<DeletePhysicalConnectionError>> {
    match client
        .delete_physical_connection()
        .physical_connection_id(id)
        .send()
        .await
    {
        Ok(_) => Ok(Deletion::Deleted),
        // The metadata trait on `SdkError` reads the code whatever the error's shape.
        Err(err) if err.code().is_none() => Err(err),
        Err(err) => {
            let request_id = err.request_id().map(str::to_owned);
            let err = err.into_service_error();
            if err.is_invalid_physical_connection_id_not_found() {
                Ok(Deletion::AlreadyGone)
            } else {
                Ok(Deletion::Refused {
                    code: err.code().unwrap_or_default().to_owned(),
                    request_id,
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vpc::operation::describe_physical_connections::PhysicalConnectionSet;

    /// An output built by hand, as a unit test of code that reads one does.
    #[test]
    fn summary_reads_a_built_output() {
        // Outputs are `#[non_exhaustive]` (a field the docs add later is not a breaking
        // change), so tests start from `Default` and set what they need.
        let mut set = PhysicalConnectionSet::default();
        set.physical_connection_type = Some(Vec::new());
        let mut page = DescribePhysicalConnectionsOutput::default();
        page.physical_connection_set = Some(set);
        page.total_count = Some(7);
        page.page_number = Some(1);
        page.page_size = Some(10);
        page.request_id = Some("r-1".into());
        assert_eq!(summary(&page), "0 of 7 physical connection(s)");
        let mut bare = page.clone();
        bare.physical_connection_set = None;
        bare.total_count = None;
        assert_eq!(summary(&bare), "0 physical connection(s)");
    }

    #[test]
    fn client_configures_without_network() {
        let client = client("cn-shanghai").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(client.runtime().config().region(), Some("cn-shanghai"));
        assert_eq!(client.runtime().config().retry().max_attempts, 2);
    }
}
