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
