//! Paging with the async client (`--features client`) against a server on
//! 127.0.0.1: every page once, in order, the delta link at the end, and no
//! next link followed to another host.

mod loopback;

use futures_util::{StreamExt, TryStreamExt};
use graph_core::client::Error;
use graph_core::{graph_endpoint, Collection, GraphError, JsonValue, Pager, RequestOptions};
use loopback::*;
use serde_json::json;

graph_endpoint! {
    pub UsersDelta { method: GET, path: "/users/delta", response: Collection<JsonValue> }
}

fn page(ids: std::ops::Range<u32>, next: Option<String>, delta: Option<String>) -> Reply {
    let mut body =
        json!({"value": ids.map(|id| json!({"id": id.to_string()})).collect::<Vec<_>>()});
    if let Some(next) = next {
        body["@odata.nextLink"] = next.into();
    }
    if let Some(delta) = delta {
        body["@odata.deltaLink"] = delta.into();
    }
    json(200, &[], body)
}

fn ids(pages: &[Collection<JsonValue>]) -> Vec<u32> {
    pages
        .iter()
        .flat_map(|page| {
            page.value
                .iter()
                .map(|user| user["id"].as_str().unwrap().parse().unwrap())
        })
        .collect()
}

#[tokio::test]
async fn three_pages_on_one_host_are_streamed_once_each_with_the_delta_link_last() {
    within_deadline(async {
        let log = new_log();
        let server = Server::start_knowing_root(&log, |root, seen, _| match seen.target.as_str() {
            "/v1.0/users/delta?$select=id" => {
                page(0..3, Some(format!("{root}/users/delta?$skiptoken=a")), None)
            }
            "/v1.0/users/delta?$skiptoken=a" => {
                page(3..6, Some(format!("{root}/users/delta?$skiptoken=b")), None)
            }
            "/v1.0/users/delta?$skiptoken=b" => page(
                6..8,
                None,
                Some(format!("{root}/users/delta?$deltatoken=c")),
            ),
            "/v1.0/users/delta?$deltatoken=c" => page(
                8..9,
                None,
                Some(format!("{root}/users/delta?$deltatoken=d")),
            ),
            other => panic!("unexpected request {other}"),
        })
        .await;
        let client = client(&server, &log);
        let pages: Vec<_> = client
            .pages(UsersDelta::new(), RequestOptions::new().select(["id"]))
            .try_collect()
            .await
            .unwrap();
        assert_eq!(pages.len(), 3);
        assert_eq!(ids(&pages), (0..8).collect::<Vec<_>>());
        assert_eq!(
            pages[2].delta_link.as_deref(),
            Some(format!("{}/users/delta?$deltatoken=c", server.root()).as_str())
        );
        assert_eq!(server.requests().len(), 3);

        // The delta link, stored, resumes in a later run with the changes since.
        let stored = graph_core::to_json(&pages[2].stored_delta_link().unwrap()).unwrap();
        let delta = graph_core::from_json(&stored).unwrap();
        let changes: Vec<_> = client
            .pages_from(Pager::resume(delta, server.root(), RequestOptions::new()))
            .try_collect()
            .await
            .unwrap();
        assert_eq!(ids(&changes), [8]);
        assert_eq!(server.requests().len(), 4);
    })
    .await;
}

#[tokio::test]
async fn a_throttled_page_is_retried_and_neither_lost_nor_repeated() {
    within_deadline(async {
        let log = new_log();
        let server = Server::start_knowing_root(&log, |root, seen, count| {
            match (seen.target.as_str(), count) {
                ("/v1.0/users/delta", _) => {
                    page(0..2, Some(format!("{root}/users/delta?$skiptoken=a")), None)
                }
                (_, 1) => json(
                    429,
                    &[("retry-after", "1")],
                    json!({"error": {"code": "TooManyRequests"}}),
                ),
                ("/v1.0/users/delta?$skiptoken=a", _) => page(
                    2..4,
                    None,
                    Some(format!("{root}/users/delta?$deltatoken=z")),
                ),
                (other, _) => panic!("unexpected request {other}"),
            }
        })
        .await;
        let client = client(&server, &log);
        let mut pager = Pager::new(UsersDelta::new(), server.root(), RequestOptions::new());
        let mut pages = Vec::new();
        for _ in 0..10 {
            match client.next_page(&mut pager).await.unwrap() {
                Some(page) => pages.push(page),
                None => break,
            }
        }
        assert_eq!(ids(&pages), [0, 1, 2, 3]);
        assert_eq!(server.requests().len(), 3);
        assert!(waits(&log).contains(&std::time::Duration::from_secs(1)));
        assert_eq!(
            pager.delta_link().unwrap().as_str(),
            format!("{}/users/delta?$deltatoken=z", server.root())
        );
        // After the last page nothing more is sent.
        assert!(client.next_page(&mut pager).await.unwrap().is_none());
        assert_eq!(server.requests().len(), 3);
    })
    .await;
}

#[tokio::test]
async fn a_next_link_to_another_host_is_refused_and_nothing_is_sent_there() {
    within_deadline(async {
        let log = new_log();
        let elsewhere = Server::start(&log, |_, _| page(100..101, None, None)).await;
        let link = format!("{}/users/delta?$skiptoken=a", elsewhere.root());
        let server = Server::start(&log, move |_, _| page(0..2, Some(link.clone()), None)).await;
        let client = client(&server, &log);
        let results: Vec<_> = client
            .pages(UsersDelta::new(), RequestOptions::new())
            .take(10)
            .collect()
            .await;
        assert_eq!(results.len(), 2, "{results:?}");
        assert_eq!(ids(&[results[0].as_ref().unwrap().clone()]), [0, 1]);
        let Err(Error::Graph(GraphError::InvalidRequest { reason })) = &results[1] else {
            panic!("{:?}", results[1])
        };
        assert!(
            reason.contains("not on the service root's scheme and host"),
            "{reason}"
        );
        assert_eq!(server.requests().len(), 1);
        assert!(elsewhere.requests().is_empty());
    })
    .await;
}
