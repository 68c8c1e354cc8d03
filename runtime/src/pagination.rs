//! Paginators: a listing operation (`PageNumber`/`PageSize` in, `TotalCount` out) as a
//! [`Stream`] of pages ([`Paginator`]) or of the items on them ([`Items`]), one request per
//! page, sent only when the stream is polled for it.
//!
//! A stream ends after the last page (the service's `TotalCount` reached, or a page without
//! items) and after the first error, which it yields. Both types also offer `next()` and
//! `try_collect()`, so no stream utility crate is needed; with one (`futures::StreamExt`),
//! `take`, `filter` and the rest work as on any stream.

use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::task::{ready, Context, Poll};

pub use futures_core::Stream;

use crate::error::SdkError;

/// What the paginator needs from a paginated operation's fluent builder; implemented by
/// generated code.
pub trait Paged: Clone + Send + Unpin + 'static {
    /// One page: the operation's output.
    type Output: Send + 'static;
    /// The operation's error.
    type Error: Send + 'static;
    /// The page number set on the builder (the first page requested).
    fn page_number(&self) -> Option<i64>;
    /// The page size set on the builder.
    fn page_size(&self) -> Option<i64>;
    /// The request for page `page`, or `None` when `page` does not fit the parameter's type.
    fn with_page_number(self, page: i64) -> Option<Self>;
    /// Sends the request.
    fn fetch(self) -> impl Future<Output = Result<Self::Output, SdkError<Self::Error>>> + Send;
    /// The `TotalCount` a page reports.
    fn total_count(page: &Self::Output) -> Option<i64>;
    /// How many items a page holds; `None` when its list is absent.
    fn item_count(page: &Self::Output) -> Option<usize>;
}

/// A [`Paged`] operation whose pages hold a list of items.
pub trait PagedItems: Paged {
    /// One item of a page's list.
    type Item: Send + 'static;
    /// The items of a page (none when its list is absent).
    fn items(page: Self::Output) -> Vec<Self::Item>;
}

/// The page after `page`, or `None` when `page` was the last: the service reported
/// `total` items and `page * page_size` reached it, or the page held no items.
/// `page_size` falls back to the number of items on the page.
fn next_page(
    page: i64,
    page_size: Option<i64>,
    total: Option<i64>,
    items_on_page: Option<usize>,
) -> Option<i64> {
    let on_page = items_on_page.map(|n| i64::try_from(n).unwrap_or(i64::MAX));
    if matches!(on_page, None | Some(0)) {
        return None;
    }
    let size = page_size.or(on_page)?;
    match total {
        Some(total) if page.saturating_mul(size) >= total => None,
        _ => page.checked_add(1),
    }
}

type PageResult<B> = Result<<B as Paged>::Output, SdkError<<B as Paged>::Error>>;
type PageFuture<B> = Pin<Box<dyn Future<Output = PageResult<B>> + Send>>;

/// The pages of a listing, as a [`Stream`] of `Result<Output, SdkError<Error>>`; from a
/// paginated operation's `into_paginator()`.
#[must_use = "a paginator sends nothing until it is polled"]
pub struct Paginator<B: Paged> {
    builder: B,
    /// The page to request next; `None` once the listing ended.
    next: Option<i64>,
    /// The page being fetched and its request.
    in_flight: Option<(i64, PageFuture<B>)>,
}

impl<B: Paged> Paginator<B> {
    /// Pages through `builder`'s listing from the page number it sets, else page 1.
    pub fn new(builder: B) -> Self {
        let next = Some(builder.page_number().unwrap_or(1));
        Self {
            builder,
            next,
            in_flight: None,
        }
    }

    /// The next page, or `None` after the last one (or after an error).
    pub async fn next(&mut self) -> Option<PageResult<B>> {
        poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }

    /// Every remaining page, or the first error.
    pub async fn try_collect(mut self) -> Result<Vec<B::Output>, SdkError<B::Error>> {
        let mut pages = Vec::new();
        while let Some(page) = self.next().await {
            pages.push(page?);
        }
        Ok(pages)
    }

    /// The items of every page, one at a time.
    pub fn items(self) -> Items<B>
    where
        B: PagedItems,
    {
        Items {
            pages: self,
            buffered: Vec::new().into_iter(),
        }
    }
}

impl<B: Paged> Stream for Paginator<B> {
    type Item = PageResult<B>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        let (page, request) = match &mut this.in_flight {
            Some(in_flight) => in_flight,
            None => {
                let Some(page) = this.next.take() else {
                    return Poll::Ready(None);
                };
                let Some(request) = this.builder.clone().with_page_number(page) else {
                    return Poll::Ready(None);
                };
                this.in_flight.insert((page, Box::pin(request.fetch())))
            }
        };
        let result = ready!(request.as_mut().poll(cx));
        let page = *page;
        this.in_flight = None;
        if let Ok(output) = &result {
            this.next = next_page(
                page,
                this.builder.page_size(),
                B::total_count(output),
                B::item_count(output),
            );
        }
        Poll::Ready(Some(result))
    }
}

/// The items of a listing's pages, as a [`Stream`] of `Result<Item, SdkError<Error>>`;
/// from [`Paginator::items`].
#[must_use = "a paginator sends nothing until it is polled"]
pub struct Items<B: PagedItems> {
    pages: Paginator<B>,
    buffered: std::vec::IntoIter<B::Item>,
}

// Nothing inside is pinned in place (the page stream is `Unpin`, items are only moved out).
impl<B: PagedItems> Unpin for Items<B> {}

impl<B: PagedItems> Items<B> {
    /// The next item, or `None` after the last one (or after an error).
    pub async fn next(&mut self) -> Option<Result<B::Item, SdkError<B::Error>>> {
        poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }

    /// Every remaining item, or the first error.
    pub async fn try_collect(mut self) -> Result<Vec<B::Item>, SdkError<B::Error>> {
        let mut items = Vec::new();
        while let Some(item) = self.next().await {
            items.push(item?);
        }
        Ok(items)
    }
}

impl<B: PagedItems> Stream for Items<B> {
    type Item = Result<B::Item, SdkError<B::Error>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.buffered.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            match ready!(Pin::new(&mut this.pages).poll_next(cx)) {
                Some(Ok(page)) => this.buffered = B::items(page).into_iter(),
                Some(Err(e)) => return Poll::Ready(Some(Err(e))),
                None => return Poll::Ready(None),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ServiceError;

    /// A listing of `total` numbered items served `size` per page, failing on page `fail_on`.
    #[derive(Clone)]
    struct Listing {
        page: Option<i64>,
        size: i64,
        total: i64,
        fail_on: Option<i64>,
    }

    impl Paged for Listing {
        type Output = Vec<i64>;
        type Error = ServiceError;
        fn page_number(&self) -> Option<i64> {
            self.page
        }
        fn page_size(&self) -> Option<i64> {
            Some(self.size)
        }
        fn with_page_number(self, page: i64) -> Option<Self> {
            // As an `i32` page number does, the listing ends where the type does.
            (page <= 3).then_some(Self {
                page: Some(page),
                ..self
            })
        }
        async fn fetch(self) -> PageResult<Self> {
            let page = self.page.unwrap_or(1);
            if Some(page) == self.fail_on {
                return Err(SdkError::Service(ServiceError {
                    http_status: 503,
                    code: "ServiceUnavailable".into(),
                    message: String::new(),
                    request_id: None,
                    host_id: None,
                    recommend: None,
                    access_denied_detail: None,
                }));
            }
            let first = (page - 1) * self.size + 1;
            Ok((first..=self.total.min(page * self.size)).collect())
        }
        fn total_count(_: &Vec<i64>) -> Option<i64> {
            None
        }
        fn item_count(page: &Vec<i64>) -> Option<usize> {
            Some(page.len())
        }
    }

    impl PagedItems for Listing {
        type Item = i64;
        fn items(page: Vec<i64>) -> Vec<i64> {
            page
        }
    }

    fn listing(total: i64, fail_on: Option<i64>) -> Listing {
        Listing {
            page: None,
            size: 2,
            total,
            fail_on,
        }
    }

    #[test]
    fn next_page_stops_at_the_total_or_an_empty_page() {
        assert_eq!(next_page(1, Some(2), Some(3), Some(2)), Some(2));
        assert_eq!(next_page(2, Some(2), Some(3), Some(1)), None);
        assert_eq!(next_page(1, None, None, Some(0)), None);
        assert_eq!(next_page(1, None, None, None), None);
        assert_eq!(next_page(1, None, Some(10), Some(5)), Some(2));
        assert_eq!(next_page(i64::MAX, None, None, Some(1)), None);
    }

    #[tokio::test]
    async fn pages_and_items_without_a_total_end_at_an_empty_page() {
        let pages = Paginator::new(listing(3, None))
            .try_collect()
            .await
            .unwrap();
        assert_eq!(pages, [vec![1, 2], vec![3], vec![]]);
        let items = Paginator::new(listing(3, None))
            .items()
            .try_collect()
            .await
            .unwrap();
        assert_eq!(items, [1, 2, 3]);
    }

    #[tokio::test]
    async fn a_page_number_past_the_type_ends_the_listing() {
        let items = Paginator::new(listing(100, None))
            .items()
            .try_collect()
            .await
            .unwrap();
        assert_eq!(items, [1, 2, 3, 4, 5, 6]);
    }

    #[tokio::test]
    async fn an_error_is_yielded_once_and_ends_the_stream() {
        let mut items = Paginator::new(listing(10, Some(2))).items();
        assert_eq!(items.next().await.map(Result::ok), Some(Some(1)));
        assert_eq!(items.next().await.map(Result::ok), Some(Some(2)));
        assert!(matches!(
            items.next().await,
            Some(Err(SdkError::Service(_)))
        ));
        assert!(items.next().await.is_none());
    }

    #[tokio::test]
    async fn starts_at_the_builders_page_number() {
        let start = Listing {
            page: Some(2),
            ..listing(5, None)
        };
        let items = Paginator::new(start).items().try_collect().await.unwrap();
        assert_eq!(items, [3, 4, 5]);
    }
}
