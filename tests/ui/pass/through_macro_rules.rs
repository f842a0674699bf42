//! Library authors generate bindings with `macro_rules!`: tokens that come
//! from another hygiene context must expand just as well.
use graph_core::{graph_endpoint, graph_entity, graph_enum};

macro_rules! entity {
    ($name:literal, $item:item) => {
        #[graph_entity($name)]
        #[derive(Debug, Default)]
        $item
    };
}

macro_rules! entity_from_tokens {
    ($vis:vis struct $ident:ident { $($body:tt)* }) => {
        #[graph_entity("group")]
        #[derive(Debug, Default)]
        $vis struct $ident { $($body)* }
    };
}

macro_rules! enumeration {
    ($($body:tt)*) => {
        #[graph_enum]
        #[derive(Debug)]
        pub enum Color { $($body)* }
    };
}

macro_rules! endpoints {
    ($($tokens:tt)*) => {
        graph_endpoint! { $($tokens)* }
    };
}

entity!("user", pub struct User {
    pub display_name: Option<String>,
    pub age: i32,
});

entity_from_tokens!(pub struct Group {
    pub display_name: Option<String>,
    pub member_count: i64,
});

enumeration!(Red, Green, #[graph(other)] Other(String));

endpoints! {
    pub GetUser {
        method: GET,
        path: "/users/{userId}",
        response: User,
    }
    pub CreateGroup {
        method: POST,
        path: "/groups",
        body: GroupCreate,
        response: Group,
    }
}

fn main() {
    let _ = GetUser::new("1");
    let _ = CreateGroup::new(GroupCreate::default());
    let _ = Color::Red.as_str();
}
