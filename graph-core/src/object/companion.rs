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
/// derived from it embeds in its own. `#[graph_entity]` implements it unless
/// the entity says `no_request_types`; a derived entity with request types
/// names its base's through this trait, so a base without them is reported
/// here, with the fix, rather than as missing serde impls.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an entity with create and update types, which those of a type derived from it embed",
    label = "a base with create and update types is needed here",
    note = "if `{Self}` is a #[graph_entity] with `no_request_types`, remove that option, or add `no_request_types` to this derived type too; otherwise declare it with #[graph_entity(\"typeName\")]"
)]
pub trait RequestTypes: crate::Entity {
    /// The create type, as `Entity::Create` names it.
    type Create;
    /// The update type, as `Entity::Update` names it.
    type Update;
}
