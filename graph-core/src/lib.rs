//! Runtime for typed Microsoft Graph bindings.
//!
//! Annotate plain structs and enums, declare endpoints, and send the resulting
//! [`http::Request`] with whatever HTTP client you already use:
//!
//! * [`graph_entity`] turns a struct into a Graph entity: `@odata.type`
//!   handling, the `id` inherited from `entity`, unknown properties kept in
//!   [`AdditionalData`], and a create-request type.
//! * [`graph_enum`] models a Graph enumeration that may gain members later.
//! * [`graph_endpoint!`] declares an endpoint whose path is checked at compile
//!   time and which implements [`Endpoint`].
//!
//! Everything generated code needs is reached through this crate, so a user
//! crate depends on `graph-core` alone (no direct `serde` dependency).
//!
//! ```
//! use graph_core::{graph_entity, graph_enum, DateTimeOffset, ODataType};
//!
//! #[graph_enum("complianceStatus")]
//! #[derive(Debug, Clone, PartialEq)]
//! pub enum ComplianceStatus {
//!     Unknown,
//!     Compliant,
//!     #[graph(other)]
//!     Other(String),
//! }
//!
//! #[graph_entity("managedDeviceMobileAppConfigurationUserStatus")]
//! #[derive(Debug, Clone, PartialEq, Default)]
//! pub struct UserStatus {
//!     pub user_display_name: Option<String>,
//!     pub status: Option<ComplianceStatus>,
//!     pub last_reported_date_time: Option<DateTimeOffset>,
//! }
//!
//! let status: UserStatus = graph_core::from_json(br#"{
//!     "id": "198a34e4",
//!     "status": "String",
//!     "lastReportedDateTime": "2016-12-31T23:57:57.7265241+03:00"
//! }"#).unwrap();
//! assert_eq!(status.status, Some(ComplianceStatus::Other("String".into())));
//! assert_eq!(
//!     UserStatus::ODATA_TYPE,
//!     "#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus"
//! );
//! ```
#![warn(missing_docs)]

mod edm;
pub mod endpoint;
mod error;
mod json;
mod odata;
mod reference;

pub use edm::DateTimeOffset;
pub use endpoint::Endpoint;
pub use error::GraphError;
pub use error::{ApiError, RetryAfter};
pub use json::{from_json, to_json};
pub use odata::{AdditionalData, Entity, GraphEnum, ODataType};
pub use reference::Reference;

/// The macros, re-exported so users depend on `graph-core` alone.
pub use graph_macros::{graph_entity, graph_enum};

#[doc = include_str!("../doc/graph_endpoint.md")]
pub use graph_macros::graph_endpoint;

/// The [`http`](https://docs.rs/http) crate, whose `Request` and `Response`
/// types endpoints build and read.
pub use http;

/// JSON values, as kept in [`AdditionalData`].
pub use serde_json::Value as JsonValue;

/// Not public API: what generated code reaches through `::graph_core`.
#[doc(hidden)]
pub mod __private;
