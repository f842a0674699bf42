//! A derived type may not declare a property its base (at any level) declares.
use graph_core::{graph_complex, graph_entity};

#[graph_entity("outlookItem", abstract)]
pub struct OutlookItem {
    pub change_key: Option<String>,
    pub categories: Option<Vec<String>>,
}

#[graph_entity("message", base = "OutlookItem")]
pub struct Message {
    pub subject: Option<String>,
    // Same property as the base.
    pub change_key: Option<String>,
}

#[graph_entity("eventMessage", base = "Message")]
pub struct EventMessage {
    // Declared two levels up, under another Rust name.
    #[graph(rename = "categories")]
    pub tags: Option<Vec<String>>,
    pub is_delegated: Option<bool>,
}

#[graph_complex("identity")]
pub struct Identity {
    pub display_name: Option<String>,
}

#[graph_complex("userIdentity", base = "Identity")]
pub struct UserIdentity {
    pub display_name: Option<String>,
}

fn main() {}
