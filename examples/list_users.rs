//! Lists users page by page and sends a `$batch` with graph-core's async
//! client (`--features client`).
//!
//! ```sh
//! GRAPH_ACCESS_TOKEN=eyJ0... cargo run --example list_users --features client
//! ```
//!
//! Without `GRAPH_ACCESS_TOKEN` it prints the requests it would send and
//! touches no network.

use futures_util::TryStreamExt;
use graph_core::batch::Batch;
use graph_core::client::Client;
use graph_core::{graph_endpoint, Collection, Endpoint, JsonValue, RequestOptions};

graph_endpoint! {
    /// `GET /users`: every user of the tenant, a page at a time.
    pub ListUsers { method: GET, path: "/users", response: Collection<JsonValue> }
    /// `GET /me`: the signed-in user.
    pub GetMe { method: GET, path: "/me", response: JsonValue }
    /// `GET /users/{id}/memberOf`: the groups and roles of a user.
    pub ListMemberOf { method: GET, path: "/users/{userId}/memberOf", response: Collection<JsonValue> }
}

const ROOT: &str = "https://graph.microsoft.com/v1.0";

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let options = RequestOptions::new().select(["id", "displayName"]).top(25);
    let Ok(token) = std::env::var("GRAPH_ACCESS_TOKEN") else {
        // No token: show what would be sent, and send nothing.
        let first = ListUsers::new().to_request_with(ROOT, "<token>", &options)?;
        println!("would page through: {} {}", first.method(), first.uri());
        let mut batch = Batch::new(ROOT);
        let me = batch.add(&GetMe::new())?;
        batch.add_with(
            &ListMemberOf::new("me-id"),
            &RequestOptions::new(),
            &[me.id()],
        )?;
        let request = batch.to_request("<token>")?;
        println!("would send: {} {}", request.method(), request.uri());
        println!("{}", String::from_utf8_lossy(request.body()));
        println!("set GRAPH_ACCESS_TOKEN to send them");
        return Ok(());
    };

    let client = Client::new(ROOT, token)?;
    let mut pages = std::pin::pin!(client.pages(ListUsers::new(), options));
    let mut count = 0;
    while let Some(page) = pages.try_next().await? {
        for user in &page.value {
            count += 1;
            println!("{count:>5}  {}  {}", user["id"], user["displayName"]);
        }
    }

    let mut batch = Batch::new(ROOT);
    let me = batch.add(&GetMe::new())?;
    let answers = client.batch(&batch).await?;
    let me = answers.get(&me)?;
    println!("signed in as {}", me["displayName"]);
    // A second batch, depending on the first's answer.
    if let Some(id) = me["id"].as_str() {
        let mut batch = Batch::new(ROOT);
        let groups = batch.add(&ListMemberOf::new(id))?;
        let answers = client.batch(&batch).await?;
        println!(
            "member of {} groups or roles",
            answers.get(&groups)?.value.len()
        );
    }
    Ok(())
}
