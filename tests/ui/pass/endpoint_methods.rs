//! Every method, with and without body and response, several endpoints per
//! invocation, `$ref`/`$value`/`$count` segments, and docs and attributes
//! passed through to the generated structs (which `missing_docs` checks).
#![deny(missing_docs)]
#![forbid(unsafe_code)]

use graph_core::{graph_endpoint, Endpoint, JsonValue, Reference};

/// A user, as far as these endpoints care.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct User;

// A plain serde type would do as well; `JsonValue` keeps this file free of a
// direct serde dependency, as a user's crate is.
graph_endpoint! {
    /// Get a user.
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    pub GetUser {
        method: GET,
        path: "/users/{userId}",
        response: JsonValue,
    }

    /// Update a user.
    #[derive(Debug, Clone)]
    pub UpdateUser {
        method: PATCH,
        path: "/users/{userId}",
        body: JsonValue,
    }

    /// Replace a user's manager.
    pub SetManager {
        method: PUT,
        path: "/users/{userId}/manager/$ref",
        body: Reference,
    }

    /// Remove a group member.
    pub RemoveMember {
        method: DELETE,
        path: "/groups/{groupId}/members/{directoryObjectId}/$ref",
    }

    /// Add a group member.
    pub AddMember {
        method: POST,
        path: "/groups/{groupId}/members/$ref",
        body: Reference,
    }

    /// Download a profile photo.
    pub GetPhoto {
        method: GET,
        path: "/users/{userId}/photo/$value",
    }

    /// Count users.
    pub CountUsers {
        method: GET,
        path: "/users/$count",
        response: u64,
    }

    /// Send mail: `202 Accepted`.
    pub SendMail {
        method: POST,
        path: "/users/{userId}/sendMail",
        body: JsonValue,
        status: 202,
    }

    /// Functions and casts are literal segments.
    pub Delta {
        method: GET,
        path: "/users/microsoft.graph.delta()",
        response: JsonValue,
    }

    /// A parameter named like a keyword becomes a raw identifier.
    pub GetByType {
        method: GET,
        path: "/things/{type}/{match}",
    }

    /// Private endpoints work too.
    pub(crate) ListUsers {
        method: GET,
        path: "/users",
        response: JsonValue,
    }
}

#[allow(dead_code)]
mod private {
    graph_core::graph_endpoint! {
        /// `#[cfg]` removes the whole endpoint, impls included.
        #[cfg(any())]
        pub Configured {
            method: GET,
            path: "/never/compiled",
            response: DoesNotExist,
        }

        NotPublic {
            method: GET,
            path: "/me",
        }
    }
}

fn assert_status<E: Endpoint>(expected: u16) {
    assert_eq!(E::SUCCESS_STATUS, expected, "{}", E::PATH_TEMPLATE);
}

fn main() {
    const ROOT: &str = "https://graph.microsoft.com/v1.0";
    let get = GetUser::new("1");
    assert_eq!(get.clone(), get);
    assert_eq!(get.to_request(ROOT, "t").unwrap().uri(), "https://graph.microsoft.com/v1.0/users/1");
    let update = UpdateUser::new(String::from("1"), JsonValue::Null);
    let _ = format!("{update:?}");
    let _ = SetManager::new("1", Reference::new("https://graph.microsoft.com/v1.0/users/2"));
    let _ = AddMember::new("g", Reference::new("https://graph.microsoft.com/v1.0/users/2"));
    let remove = RemoveMember::new("g", "m");
    assert_eq!(remove.path().unwrap(), "/groups/g/members/m/$ref");
    let by_type = GetByType::new("a", "b");
    assert_eq!((by_type.r#type.as_str(), by_type.r#match.as_str()), ("a", "b"));
    assert_eq!(GetPhoto::new("1").path().unwrap(), "/users/1/photo/$value");
    let _: u64 = CountUsers::parse_response(graph_core::http::Response::new("3")).unwrap();
    let _ = (SendMail::new("1", JsonValue::Null), Delta, ListUsers::new());

    assert_status::<GetUser>(200);
    assert_status::<UpdateUser>(204);
    assert_status::<SetManager>(204);
    assert_status::<RemoveMember>(204);
    assert_status::<AddMember>(204);
    assert_status::<SendMail>(202);
    let _ = User;
}
