//! The bounds `#[graph_entity]` states on the create and update types it
//! generates, so that a name already taken is reported with its fix.

/// Holds for `T: CreateNameFree<T, E>` only. `#[graph_entity]` states
/// `UserCreate: CreateNameFree<Self, User>` on the create type it generates:
/// when the user already has a type of that name, the name resolves to the
/// user's type (rustc reports the duplicate, E0428, without saying how to
/// avoid it) and this bound fails with the fix.
#[diagnostic::on_unimplemented(
    message = "another type already has the name #[graph_entity] gives to the create-request type of `{E}`",
    label = "the create type of `{E}` is declared here",
    note = "name the create type otherwise: #[graph_entity(\"...\", create = \"OtherName\")]"
)]
pub trait CreateNameFree<T: ?Sized, E: ?Sized> {}
impl<T: ?Sized, E: ?Sized> CreateNameFree<T, E> for T {}

/// [`CreateNameFree`] for the update-request type.
#[diagnostic::on_unimplemented(
    message = "another type already has the name #[graph_entity] gives to the update-request type of `{E}`",
    label = "the update type of `{E}` is declared here",
    note = "name the update type otherwise: #[graph_entity(\"...\", update = \"OtherName\")]"
)]
pub trait UpdateNameFree<T: ?Sized, E: ?Sized> {}
impl<T: ?Sized, E: ?Sized> UpdateNameFree<T, E> for T {}

/// The create and update types of an entity that has them, which a type
/// derived from it embeds in its own: `<Base as RequestTypes>::Create`.
/// Every entity whose create type is a [`RequestType`] has them, so a base
/// that is no entity at all fails only the `Entity` bound (with its own
/// message), and a base declared `no_request_types` fails only
/// [`RequestType`], with the fix.
pub trait RequestTypes {
    /// The create type, as `Entity::Create` names it.
    type Create;
    /// The update type, as `Entity::Update` names it.
    type Update;
}

impl<T: crate::Entity> RequestTypes for T
where
    T::Create: RequestType,
{
    // Through `RequestType` rather than `T::Create` itself: for a base
    // without request types the projection then cannot resolve, so rustc
    // reports the one failed bound and not what `NoRequestType` lacks.
    type Create = <T::Create as RequestType>::Create;
    type Update = <T::Create as RequestType>::Update;
}

/// A create type `#[graph_entity]` generated, naming itself and its update
/// type; `NoRequestType`, what an entity declared `no_request_types` names
/// instead, is not one.
#[diagnostic::on_unimplemented(
    message = "the base entity is declared `no_request_types`, so it has no create and update types for those of a type derived from it to embed",
    label = "this base has no create and update types",
    note = "remove `no_request_types` from the base, or add `no_request_types` to this derived type too"
)]
pub trait RequestType {
    /// The create type: `Self`.
    type Create;
    /// The update type of the same entity.
    type Update;
}
