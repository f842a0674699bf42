//! A scripted HTTP/1.1 server on 127.0.0.1 (hyper), answering like Graph,
//! for the client tests; and a sleeper that records the waits it is asked
//! for in the same log as the requests, so a test sees their order.

#![allow(dead_code)] // each test binary uses part of it

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use graph_core::client::{BoxFuture, Client, Sleeper, TokenSource};
use graph_core::http;
use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full, StreamBody};
use hyper::body::{Frame, Incoming};
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

/// What the server and the sleeper saw, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// `METHOD /path?query` on the server at that port.
    Request(u16, String),
    /// The client waited this long.
    Sleep(Duration),
}

pub type Log = Arc<Mutex<Vec<Event>>>;

pub fn new_log() -> Log {
    Arc::new(Mutex::new(Vec::new()))
}

/// A request as the server received it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    /// Path and query.
    pub target: String,
    pub authorization: Option<String>,
    pub body: Vec<u8>,
}

/// What the script answers.
pub enum Reply {
    /// A whole response.
    Full(http::Response<Vec<u8>>),
    /// Headers declaring `declared` bytes, `sent` of them, then the
    /// connection is dropped: a connection lost in the middle of a body.
    Cut { declared: usize, sent: Vec<u8> },
    /// No answer at all: the connection stays open and silent.
    Never,
    /// `chunks` copies of `chunk` with `status`, made one at a time as the
    /// client reads (so the server holds none of it), without a
    /// `Content-Length` unless `declare_length`; `made` counts the chunks
    /// made.
    Stream {
        status: u16,
        chunk: Bytes,
        chunks: usize,
        declare_length: bool,
        made: Arc<std::sync::atomic::AtomicUsize>,
    },
}

/// A JSON answer.
pub fn json(status: u16, headers: &[(&str, &str)], body: serde_json::Value) -> Reply {
    let mut builder = http::Response::builder()
        .status(status)
        .header("content-type", "application/json");
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    Reply::Full(builder.body(body.to_string().into_bytes()).unwrap())
}

/// User `id`, as `GET /users/{id}` answers it.
pub fn user(id: &str) -> Reply {
    json(
        200,
        &[],
        serde_json::json!({"id": id, "displayName": "Adele Vance"}),
    )
}

/// A server answering `first` to the first request and user u1 after.
pub async fn answering_u1_after(
    log: &Log,
    first: impl Fn() -> Reply + Send + Sync + 'static,
) -> Server {
    Server::start(log, move |_, count| match count {
        0 => first(),
        _ => user("u1"),
    })
    .await
}

pub struct Server {
    pub addr: SocketAddr,
    seen: Arc<Mutex<Vec<Seen>>>,
}

type Body = BoxBody<Bytes, std::io::Error>;

impl Server {
    /// Starts a server on an ephemeral port of 127.0.0.1; `script` gets each
    /// request and how many came before it. It stops with the test's runtime.
    pub async fn start(
        log: &Log,
        script: impl Fn(&Seen, usize) -> Reply + Send + Sync + 'static,
    ) -> Server {
        Server::start_knowing_root(log, move |_, seen, count| script(seen, count)).await
    }

    /// [`start`](Self::start) for a script that also gets the server's own
    /// service root, for the links it answers with.
    pub async fn start_knowing_root(
        log: &Log,
        script: impl Fn(&str, &Seen, usize) -> Reply + Send + Sync + 'static,
    ) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let root = root_of(addr);
        let script = Arc::new(move |seen: &Seen, count: usize| script(&root, seen, count));
        let (log, seen_by_server) = (Arc::clone(log), Arc::clone(&seen));
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (log, seen, script) = (
                    Arc::clone(&log),
                    Arc::clone(&seen_by_server),
                    Arc::clone(&script),
                );
                let service = service_fn(move |request: http::Request<Incoming>| {
                    let (log, seen, script) =
                        (Arc::clone(&log), Arc::clone(&seen), Arc::clone(&script));
                    async move {
                        let (parts, body) = request.into_parts();
                        let body = body.collect().await.map(|body| body.to_bytes().to_vec());
                        let request = Seen {
                            method: parts.method.to_string(),
                            target: parts.uri.to_string(),
                            authorization: parts
                                .headers
                                .get("authorization")
                                .map(|value| value.to_str().unwrap().to_owned()),
                            body: body.unwrap_or_default(),
                        };
                        log.lock().unwrap().push(Event::Request(
                            addr.port(),
                            format!("{} {}", request.method, request.target),
                        ));
                        let count = {
                            let mut seen = seen.lock().unwrap();
                            seen.push(request.clone());
                            seen.len() - 1
                        };
                        let reply = script(&request, count);
                        if let Reply::Never = reply {
                            std::future::pending::<()>().await;
                        }
                        Ok::<_, Infallible>(respond(reply))
                    }
                });
                tokio::spawn(async move {
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        Server { addr, seen }
    }

    /// The service root on this server.
    pub fn root(&self) -> String {
        root_of(self.addr)
    }

    pub fn requests(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

fn root_of(addr: SocketAddr) -> String {
    format!("http://{addr}/v1.0")
}

fn respond(reply: Reply) -> http::Response<Body> {
    match reply {
        Reply::Full(response) => response.map(|body| {
            Full::new(Bytes::from(body))
                .map_err(|never| match never {})
                .boxed()
        }),
        Reply::Cut { declared, sent } => {
            let frames = futures_util::stream::iter([
                Ok(Frame::data(Bytes::from(sent))),
                Err(std::io::Error::other("connection dropped mid-body")),
            ]);
            http::Response::builder()
                .status(200)
                .header("content-type", "application/json")
                .header("content-length", declared)
                .body(StreamBody::new(frames).boxed())
                .unwrap()
        }
        Reply::Never => unreachable!("never answered"),
        Reply::Stream {
            status,
            chunk,
            chunks,
            declare_length,
            made,
        } => {
            let length = chunk.len() * chunks;
            let frames = futures_util::stream::iter((0..chunks).map(move |_| {
                made.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                Ok(Frame::data(chunk.clone()))
            }));
            let mut builder = http::Response::builder().status(status);
            if declare_length {
                builder = builder.header("content-length", length);
            }
            builder.body(StreamBody::new(frames).boxed()).unwrap()
        }
    }
}

/// A sleeper that logs each wait and returns at once.
pub struct RecordingSleeper(pub Log);

impl Sleeper for RecordingSleeper {
    fn sleep(&self, wait: Duration) -> BoxFuture<'static, ()> {
        self.0.lock().unwrap().push(Event::Sleep(wait));
        Box::pin(std::future::ready(()))
    }
}

/// A client for `server` that records its waits in `log` and uses no
/// proxy, so nothing leaves loopback.
pub fn client(server: &Server, log: &Log) -> Client {
    recording_client_at(server.root(), "token".to_string(), log)
}

/// A client for `root` with `tokens` that records its waits in `log`.
pub fn recording_client_at(root: String, tokens: impl TokenSource + 'static, log: &Log) -> Client {
    client_at(root, tokens).with_sleeper(RecordingSleeper(Arc::clone(log)))
}

/// A client for `root` with `tokens`, waiting with tokio's own timer, and
/// no proxy, so nothing leaves loopback.
pub fn client_at(root: String, tokens: impl TokenSource + 'static) -> Client {
    let no_proxy = graph_core::client::ReqwestClientBuilder::new().no_proxy();
    Client::with_reqwest(root, tokens, no_proxy).unwrap()
}

/// The events in `log` so far.
pub fn events(log: &Log) -> Vec<Event> {
    log.lock().unwrap().clone()
}

/// The waits in `log` so far, in order.
pub fn waits(log: &Log) -> Vec<Duration> {
    events(log)
        .into_iter()
        .filter_map(|event| match event {
            Event::Sleep(wait) => Some(wait),
            Event::Request(..) => None,
        })
        .collect()
}

/// Runs a test body with a deadline, so no test can hang.
pub async fn within_deadline<F: std::future::Future>(body: F) -> F::Output {
    tokio::time::timeout(Duration::from_secs(30), body)
        .await
        .expect("the test did not finish in 30 s")
}
