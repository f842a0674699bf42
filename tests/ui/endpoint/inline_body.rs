use graph_core::graph_endpoint;

graph_endpoint! {
    /// No parameters: no body.
    pub EmptyBody {
        method: POST,
        path: "/me/sendMail",
        body: {},
    }

    /// Inline parameters are always `pub`.
    pub Visibility {
        method: POST,
        path: "/me/sendMail",
        body: {
            pub message: String,
            #[graph(rename = "saveToSentItems")]
            save: Option<bool>,
        },
    }

    /// Two fields, one parameter.
    pub SameParameter {
        method: POST,
        path: "/me/sendMail",
        body: {
            save_to_sent_items: Option<bool>,
            #[allow(non_snake_case)]
            saveToSentItems: Option<bool>,
        },
    }

    /// A parameter without a type.
    pub MissingType {
        method: POST,
        path: "/me/sendMail",
        body: { message, save_to_sent_items: Option<bool> },
    }

    /// A GET has no body, inline or not.
    pub GetWithParameters {
        method: GET,
        path: "/me/calendar/getSchedule",
        body: { schedules: Vec<String> },
    }
}

fn main() {}
