use graph_core::graph_enum;

#[graph_enum("channels", flags, flags)]
pub enum Channel {
    Email,
    #[graph(rename = "sms,text")]
    Sms,
}

#[graph_enum("color", flag)]
pub enum Color {
    Red,
}

fn main() {}
