//! Runtime for typed Microsoft Graph bindings.
//!
//! Annotate plain structs and enums, declare endpoints, and send the resulting
//! [`http::Request`] with whatever HTTP client you already use:
//!
//! * [`graph_entity`] turns a struct into a Graph entity: `@odata.type`
//!   handling, the `id` inherited from `entity`, unknown properties kept in
//!   [`AdditionalData`], and a create-request type.
//! * [`graph_complex`] turns a struct into a Graph complex type (no `id`).
//!   Either may derive from another type of its kind (`base = "..."`),
//!   as `user` derives from `directoryObject`: see [`Derived`].
//! * [`graph_polymorphic`] reads a value that may be one of several types
//!   derived from one base, by its `@odata.type`.
//! * [`graph_enum`] models a Graph enumeration that may gain members later.
//! * [`graph_endpoint!`] declares an endpoint whose path is checked at compile
//!   time and which implements [`Endpoint`].
//!
//! Sending is yours, with help that does no I/O: [`retry::RetryPolicy`]
//! says when to send again, [`Pager`] pages through a collection (and
//! [`StoredLink`] keeps its delta link), [`batch::Batch`] builds a `$batch`.
//! The `client` feature adds an async client applying all three
//! (`graph_core::client`, on reqwest and tokio).
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

mod action;
pub mod batch;
#[cfg(feature = "client")]
pub mod client;
mod collection;
mod const_text;
mod content;
mod edm;
pub mod endpoint;
mod enum_member;
mod error;
mod fields;
mod flags;
mod held;
mod json;
mod kept;
mod no_request_type;
mod object;
mod odata;
mod paging;
mod patch;
pub mod path_template;
mod polymorphic;
mod reference;
mod request_body;
mod request_headers;
mod request_options;
mod response_body;
pub mod retry;
mod url_literal;

pub use collection::Collection;
pub use content::{Content, Download};
pub use edm::{Binary, Date, DateTimeOffset, Decimal, Double, Duration, Guid, TimeOfDay};
pub use endpoint::Endpoint;
pub use error::{ApiError, GraphError, RetryAfter, Shortened};
pub use flags::{Flags, FlagsEnum};
pub use json::{from_json, to_json};
pub use no_request_type::NoRequestType;
pub use odata::{AdditionalData, ComplexType, Derived, Entity, GraphEnum, ODataType, Polymorphic};
pub use paging::{Pager, StoredLink};
pub use patch::Patch;
pub use reference::Reference;
pub use request_body::RequestBody;
pub use request_headers::PreferReturn;
pub use request_options::RequestOptions;
pub use response_body::{Accepted, ODataValue, ResponseBody, Returned};
pub use url_literal::UrlLiteral;

/// Turns a struct with named fields into a Microsoft Graph entity type.
///
/// `#[graph_entity("typeName")]` gives the type the `@odata.type`
/// `#microsoft.graph.typeName`; a dotted name (`"microsoft.graph.security.alert"`)
/// is taken as fully qualified. The macro:
///
/// * adds `pub id: Option<String>` (inherited from `entity`) as the first field
///   and `pub additional_data: AdditionalData` as the last, which keeps every
///   property and annotation the struct does not declare;
/// * maps each field to its Graph name as you would transcribe it: a
///   `snake_case` field (no uppercase letter) is `lowerCamel`-cased
///   (`last_reported_date_time` is `lastReportedDateTime`, `sha256_hash` is
///   `sha256Hash`, `r#type` is `type`), and any other field is taken as
///   Graph's own spelling and kept as written (`azureADDeviceId`, under
///   `#[allow(non_snake_case)]`, is `azureADDeviceId`, which no `lowerCamel`
///   of a `snake_case` name gives);
/// * implements [`ODataType`], [`Entity`], `serde::Serialize` (with
///   `@odata.type` first and `None` fields left out) and `serde::Deserialize`
///   (`@odata.type` optional, with or without `#`; another type is an error).
///   A round trip writes back what it read: a value read without
///   `@odata.type` is written without one (one built in code writes it), and
///   an `Option` property received as `null` is written back as `null` (see
///   [`AdditionalData`]);
/// * generates the create-request type `{Struct}Create`: no `id`, no
///   read-only fields, required fields unwrapped;
/// * generates the update-request type `{Struct}Update` for PATCH: no `id`,
///   no read-only fields, each property a [`Patch`] (left out, `null`, or a
///   value), so a PATCH sends exactly what changed;
/// * with `no_request_types`, generates neither (for an entity only read);
///   [`Entity::Create`] and [`Entity::Update`] are then [`NoRequestType`].
///
/// Derives written below the attribute apply to both generated structs, so
/// they must hold for the create type too: `#[derive(Default)]` with a
/// `required` field needs that field's inner type to be `Default`.
///
/// Whether a `None` field is left out follows from its type, so an `Option`
/// behind an alias (`type Maybe<T> = Option<T>`) is left out as well; only
/// `required` needs `Option<T>` spelled out, since it changes the type.
///
/// Field options, in `#[graph(...)]`:
///
/// | option | meaning |
/// |---|---|
/// | `rename = "iOSVersion"` | the Graph name, where the field's name does not map to it |
/// | `read_only` | set by the service: left out of the create type |
/// | `required` | an `Option<T>` field that is a plain `T` in the create type |
///
/// Other attributes on a field stay on it and on its copies in the create
/// and update types: docs, `#[deprecated]` (using a deprecated property in a
/// create or update warns too), and `#[cfg(...)]` (also inside
/// `#[cfg_attr(pred, cfg(...))]`), which removes the field from every
/// generated type and impl; a property it removes is then kept in
/// `additional_data` like any undeclared one. Fields that never exist
/// together may share a Rust or Graph name (one property typed differently in
/// v1.0 and beta bindings). `#[graph(...)]` cannot sit inside `#[cfg_attr]`:
/// declare the field twice under opposite `#[cfg]`s instead. The generated
/// code raises no `deprecated` warning of its own, and `missing_docs` reports
/// an undocumented field once, at the field (its copies get a doc line).
///
/// Arguments after the type name: `create = "Name"` and `update = "Name"`
/// name the create and update types;
/// `crate = "path"` points generated code at graph-core when it is renamed or
/// re-exported.
///
/// Base types: `base = "DirectoryObject"` declares an entity derived from
/// another `#[graph_entity]` (`user` from `directoryObject`) instead of
/// directly from `entity`. The struct then embeds its base as the first field,
/// `pub base: DirectoryObject`, in place of `id` and `additional_data`, which
/// it inherits; both, and every base property, read through `Deref`
/// (`user.id`, `user.deleted_date_time`), and [`Derived`] gives the base to
/// generic code. The JSON stays one flat object: `@odata.type` of the derived
/// type first, then the base's properties (the root's first), then its own,
/// then the kept ones. Its create and update types embed the base's create and
/// update types the same way, and it implements [`Entity`]. Declaring a
/// property the base already has is a compile error. `abstract` declares a
/// type that is only ever received as one of its derived types
/// (`deviceConfiguration`): reading it keeps whatever `@odata.type` arrives,
/// and it writes that back. To read a value that may be any of several
/// derived types, use [`graph_polymorphic`].
///
/// ```
/// use graph_core::{graph_entity, Entity, ODataType};
///
/// #[graph_entity("mobileAppCategory")]
/// #[derive(Debug, Default)]
/// pub struct MobileAppCategory {
///     #[graph(required)]
///     pub display_name: Option<String>,
///     #[graph(read_only)]
///     pub last_modified_date_time: Option<graph_core::DateTimeOffset>,
/// }
///
/// let create = MobileAppCategoryCreate {
///     display_name: "Tools".to_string(),
///     additional_data: Default::default(),
/// };
/// assert_eq!(
///     graph_core::to_json(&create).unwrap(),
///     br##"{"@odata.type":"#microsoft.graph.mobileAppCategory","displayName":"Tools"}"##,
/// );
///
/// let category: MobileAppCategory = graph_core::from_json(br#"{
///     "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#deviceAppManagement/mobileAppCategories/$entity",
///     "id": "f1a8a0f4",
///     "displayName": "Tools",
///     "lastModifiedDateTime": "2017-01-01T00:00:35.1329464-08:00"
/// }"#).unwrap();
/// assert_eq!(category.id(), Some("f1a8a0f4"));
/// assert!(category.additional_data.contains_key("@odata.context"));
/// ```
///
/// A derived entity:
///
/// ```
/// use graph_core::graph_entity;
///
/// #[graph_entity("directoryObject")]
/// #[derive(Debug, Default)]
/// pub struct DirectoryObject {
///     pub deleted_date_time: Option<graph_core::DateTimeOffset>,
/// }
///
/// #[graph_entity("user", base = "DirectoryObject")]
/// #[derive(Debug, Default)]
/// pub struct User {
///     pub display_name: Option<String>,
/// }
///
/// let mut user = User { display_name: Some("Adele Vance".into()), ..Default::default() };
/// user.id = Some("87d349ed".into()); // the base's field, through `DerefMut`
/// assert_eq!(
///     graph_core::to_json(&user).unwrap(),
///     br##"{"@odata.type":"#microsoft.graph.user","id":"87d349ed","displayName":"Adele Vance"}"##,
/// );
/// ```
pub use graph_macros::graph_entity;

#[doc = include_str!("../doc/graph_complex.md")]
pub use graph_macros::graph_complex;

#[doc = include_str!("../doc/graph_polymorphic.md")]
pub use graph_macros::graph_polymorphic;

/// Turns a fieldless enum into a Microsoft Graph enumeration.
///
/// A variant's wire name is its name with only the first letter lowered, the
/// inverse of writing Graph's member name in `PascalCase`: `NotApplicable` is
/// `"notApplicable"`, `IOS` is `"iOS"`, `MacOS` is `"macOS"` (words are not
/// split again, so the capitals Graph writes survive);
/// `#[graph(rename = "...")]` overrides. Graph adds
/// members over time: one variant `#[graph(other)] Other(String)` keeps any
/// member the enum does not know and writes it back unchanged. Without it, an
/// unknown member is an error that lists the known ones. The `other` variant
/// may hold, instead of a `String`, any type built `From<String>` that reads
/// back as `AsRef<str>`: `Box<str>`, `Cow<'static, str>`, `Arc<str>`.
///
/// `Other` holding a known member's name (`Other("compliant".into())`) is
/// written as that name and so reads back as the member itself; build values
/// from wire names with [`GraphEnum::from_wire`] (or `FromStr`) to get the
/// normal form.
///
/// Implements [`GraphEnum`], `Serialize`, `Deserialize`, `Display`, `FromStr`
/// (with [`GraphError`]) and an inherent `as_str()`. The argument, the Graph
/// name of the enumeration, is optional and used in error messages;
/// `crate = "path"` works as for [`graph_entity`].
///
/// `#[cfg(...)]` on a variant (the `other` one included) removes it from
/// every generated impl: its name then reads as unknown. Other attributes,
/// such as `#[deprecated]`, stay on the variant, and the generated code
/// raises no `deprecated` warning of its own.
///
/// `#[graph_enum("name", flags)]` declares a flags enumeration (`IsFlags` in
/// Graph's metadata): a property of that type is a [`Flags<E>`](Flags), a set
/// of members written `"a,b"`.
///
/// ```
/// use graph_core::graph_enum;
///
/// #[graph_enum("complianceStatus")]
/// #[derive(Debug, PartialEq)]
/// pub enum ComplianceStatus {
///     Unknown,
///     NotApplicable,
///     #[graph(other)]
///     Other(String),
/// }
///
/// assert_eq!(ComplianceStatus::NotApplicable.as_str(), "notApplicable");
/// assert_eq!("unknown".parse::<ComplianceStatus>().unwrap(), ComplianceStatus::Unknown);
/// let newer: ComplianceStatus = graph_core::from_json(br#""inGracePeriod""#).unwrap();
/// assert_eq!(newer, ComplianceStatus::Other("inGracePeriod".into()));
/// ```
pub use graph_macros::graph_enum;

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
