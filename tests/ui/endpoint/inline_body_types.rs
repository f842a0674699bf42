use graph_core::graph_endpoint;

pub struct NotSerialize;

graph_endpoint! {
    pub SendMail {
        method: POST,
        path: "/me/sendMail",
        body: { message: NotSerialize, save_to_sent_items: Option<bool>, attachment: Option<NotSerialize> },
    }
}

fn main() {
    // The generated struct is named after the endpoint.
    let _ = SendMailBdy { message: NotSerialize, save_to_sent_items: None, attachment: None };
}
