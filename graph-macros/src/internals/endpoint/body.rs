//! An action's parameters written inline, `body: { message: Message, ... }`,
//! checked into the struct generation makes of them.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::{Attribute, Field, Ident, Type, Visibility};

use crate::internals::attrs::Cfg;
use crate::internals::graph_attr::{self, Position};
use crate::internals::Ctxt;

/// The parameters' struct: `{Endpoint}Body`, one `pub` field each.
pub struct InlineBody {
    pub ident: Ident,
    pub fields: Vec<BodyField>,
}

pub struct BodyField {
    /// Docs, `#[cfg]`, `#[deprecated]`, lints: kept on the field.
    pub attrs: Vec<Attribute>,
    pub ident: Ident,
    pub ty: Type,
    /// The parameter's name in the JSON body.
    pub wire_name: String,
}

impl InlineBody {
    /// The struct, as the endpoint's body type.
    pub fn ty(&self) -> Type {
        let ident = &self.ident;
        syn::parse_quote!(#ident)
    }
}

/// Checks the parameters of `endpoint`, reporting every problem; `None`
/// when there are problems.
pub fn check(
    cx: &mut Ctxt,
    endpoint: &Ident,
    braces: Span,
    fields: Vec<Field>,
) -> Option<InlineBody> {
    if fields.is_empty() {
        cx.error_at(
            braces,
            "an action without parameters sends no body; remove `body: {}`",
        );
        return None;
    }
    let mut valid = true;
    let mut checked: Vec<BodyField> = Vec::with_capacity(fields.len());
    for field in fields {
        let Some(ident) = field.ident else { continue };
        if !matches!(field.vis, Visibility::Inherited) {
            cx.error_spanned_by(
                &field.vis,
                "remove the visibility: the parameters of a body written inline are always `pub`",
            );
            valid = false;
        }
        // `#[graph(rename = "Comment")]`, as on an entity's field: the
        // parameter's name when the field's default (`comment`) is not it.
        let attr = graph_attr::parse(cx, &field.attrs, Position::Parameter);
        let wire_name = graph_attr::wire_name(
            cx,
            attr.rename.as_ref(),
            &ident.to_string(),
            "the parameter name is empty: write the name as Graph's metadata spells it, e.g. rename = \"Comment\"",
        )
        .unwrap_or_else(|| {
            valid = false;
            String::new()
        });
        let mut attrs = field.attrs;
        graph_attr::strip(&mut attrs);
        // Fields under `#[cfg]` may be alternatives (v1.0 and beta bindings)
        // sharing a name; only unconditional ones certainly clash.
        let unconditional = |attrs: &[Attribute]| Cfg::of(attrs).is_unconditional();
        if let Some(other) = checked.iter().find(|other| {
            other.wire_name == wire_name && unconditional(&attrs) && unconditional(&other.attrs)
        }) {
            cx.error_spanned_by(
                &ident,
                format!(
                    "`{ident}` and `{}` are both sent as the parameter `{wire_name}`; remove one, or give one another #[graph(rename = \"...\")]",
                    other.ident
                ),
            );
            valid = false;
        }
        checked.push(BodyField {
            attrs,
            ident,
            ty: field.ty,
            wire_name,
        });
    }
    // `r#type` names `typeBody`: `r#typeBody` is no identifier.
    let ident = Ident::new(&format!("{}Body", endpoint.unraw()), endpoint.span());
    valid.then_some(InlineBody {
        ident,
        fields: checked,
    })
}
