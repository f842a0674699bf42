//! The async client's `tracing` span, in a test binary of its own: tracing
//! caches whether a call site is wanted when it is first hit, so a send from
//! a parallel test (with no subscriber on its thread) could leave the span
//! unrecorded here, which made this test flaky when it shared a binary.

mod loopback;

use graph_core::{graph_endpoint, JsonValue};
use loopback::*;
use serde_json::json;

graph_endpoint! {
    pub GetUser { method: GET, path: "/users/{userId}", response: JsonValue }
}

/// Records the fields of every `graph.request` span.
#[derive(Default)]
struct SpanFields(std::sync::Mutex<Vec<Vec<(String, String)>>>);

impl SpanFields {
    fn visit(&self, id: usize, record: impl FnOnce(&mut dyn tracing::field::Visit)) {
        struct Fields<'a>(&'a mut Vec<(String, String)>);
        impl tracing::field::Visit for Fields<'_> {
            fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
                self.0.push((field.name().to_owned(), format!("{value:?}")));
            }
        }
        let mut spans = self.0.lock().unwrap();
        record(&mut Fields(&mut spans[id - 1]));
    }
}

impl tracing::Subscriber for SpanFields {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let id = {
            let mut spans = self.0.lock().unwrap();
            spans.push(vec![("name".to_owned(), span.metadata().name().to_owned())]);
            spans.len()
        };
        self.visit(id, |fields| span.record(fields));
        tracing::span::Id::from_u64(id as u64)
    }
    fn record(&self, span: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        self.visit(span.into_u64() as usize, |fields| values.record(fields));
    }
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, _: &tracing::Event<'_>) {}
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

#[tokio::test]
async fn each_send_is_a_span_with_method_path_template_attempt_status_and_request_id() {
    within_deadline(async {
        let log = new_log();
        let server = answering_u1_after(&log, || {
            json(
                503,
                &[("retry-after", "0"), ("request-id", "r-1")],
                json!({}),
            )
        })
        .await;
        let fields = std::sync::Arc::new(SpanFields::default());
        let _guard = tracing::dispatcher::set_default(&tracing::Dispatch::from(
            std::sync::Arc::clone(&fields),
        ));
        client(&server, &log)
            .send(&GetUser::new("u1"))
            .await
            .unwrap();
        let spans = fields.0.lock().unwrap().clone();
        let requests: Vec<_> = spans
            .iter()
            .filter(|span| span[0].1 == "graph.request")
            .map(|span| {
                let get = |name: &str| {
                    span.iter()
                        .find(|(key, _)| key == name)
                        .map(|(_, value)| value.clone())
                };
                (
                    get("method"),
                    get("path"),
                    get("attempt"),
                    get("status"),
                    get("request_id"),
                )
            })
            .collect();
        let some = |text: &str| Some(text.to_owned());
        assert_eq!(
            requests,
            [
                (
                    some("GET"),
                    some("\"/users/{userId}\""),
                    some("1"),
                    some("503"),
                    some("\"r-1\"")
                ),
                (
                    some("GET"),
                    some("\"/users/{userId}\""),
                    some("2"),
                    some("200"),
                    None
                ),
            ]
        );
    })
    .await;
}
