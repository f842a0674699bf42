//! Memory of the client reading one large answer: starts a server on
//! 127.0.0.1 that streams `MB` megabytes (generated on the fly, so the
//! server holds none of it) with the given status, and GETs it once with
//! graph-core's client (`--features client`). Run under `/usr/bin/time -f
//! %M` to see the peak RSS:
//!
//! ```sh
//! cargo build --release --example large_body --features client
//! /usr/bin/time -f '%M KB' target/release/examples/large_body 200 200 256
//! /usr/bin/time -f '%M KB' target/release/examples/large_body 200 200
//! /usr/bin/time -f '%M KB' target/release/examples/large_body 200 500
//! ```
//!
//! Arguments: megabytes, status, and the client's body-size cap in MiB
//! (default: the client's own default, `DEFAULT_MAX_BODY_SIZE`).
//!
//! Nothing leaves loopback.

use std::convert::Infallible;

use bytes::Bytes;
use graph_core::client::{Client, ReqwestClientBuilder};
use graph_core::graph_endpoint;
use http_body_util::StreamBody;
use hyper::body::Frame;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

graph_endpoint! {
    /// An answer whose body is read and ignored.
    pub GetLarge { method: GET, path: "/large" }
}

const CHUNK: usize = 64 * 1024;
static ZEROS: [u8; CHUNK] = [b' '; CHUNK];

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let megabytes: usize = args.next().as_deref().unwrap_or("200").parse()?;
    let status: u16 = args.next().as_deref().unwrap_or("200").parse()?;
    let cap: Option<usize> = args.next().map(|cap| cap.parse()).transpose()?;

    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let root = format!("http://{}/v1.0", listener.local_addr()?);
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let service = service_fn(move |_request| async move {
                let chunks = megabytes * 1024 * 1024 / CHUNK;
                let frames = futures_util::stream::iter(
                    (0..chunks)
                        .map(|_| Ok::<_, Infallible>(Frame::data(Bytes::from_static(&ZEROS)))),
                );
                let response = hyper::Response::builder()
                    .status(status)
                    .header("content-length", chunks * CHUNK)
                    .body(StreamBody::new(frames))
                    .unwrap();
                Ok::<_, Infallible>(response)
            });
            tokio::spawn(async move {
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });

    let mut client =
        Client::builder(root, "token".to_string()).reqwest(ReqwestClientBuilder::new().no_proxy());
    if let Some(cap) = cap {
        client = client.max_body_size(cap * 1024 * 1024);
    }
    let client = client.build()?;
    match client.send(&GetLarge::new()).await {
        Ok(()) => println!("read {megabytes} MB answered {status}"),
        Err(error) => println!("error: {}", graph_core::Shortened::new(&error.to_string())),
    }
    Ok(())
}
