//! A parameter the metadata spells with a capital, sent as spelled.
use graph_core::graph_endpoint;

graph_endpoint! {
    #[derive(Debug, Clone)]
    pub ForwardEvent {
        method: POST,
        path: "/me/events/{id}/forward",
        body: {
            /// Who to forward it to.
            #[graph(rename = "ToRecipients")]
            to_recipients: Vec<String>,
            #[graph(rename = "Comment")]
            comment: Option<String>,
        },
        status: 202,
    }
}

fn main() {
    let body = ForwardEventBody {
        to_recipients: vec!["dana@contoso.com".into()],
        comment: Some("Hope you can make it.".into()),
    };
    let _ = ForwardEvent::new("1", body).clone();
}
