use graph_core::{graph_enum, Flags};

/// Not declared `flags`: it cannot be a set of members.
#[graph_enum("weekday")]
pub enum Weekday {
    Monday,
}

fn main() {
    let _days: Flags<Weekday> = "monday".parse().unwrap();
}
