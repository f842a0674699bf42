//! Generates a `#[graph_entity]` struct, its create- and update-request types,
//! and their `ODataType`, `Entity` (and for a derived entity, `Derived`)
//! impls; the serde impls come from [`crate::object`].

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::spanned::Spanned;
use syn::Type;

use crate::internals::attrs::{self, Cfg};
use crate::internals::graph_struct::{self, GraphStruct, Kind, Property};
use crate::object::{self, BaseType, Missing, ObjectType, WireField};

pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    match graph_struct::parse(Kind::Entity, args, item) {
        Ok(entity) => generate(&entity),
        Err(tokens) => tokens,
    }
}

fn generate(entity: &GraphStruct) -> TokenStream {
    let krate = &entity.krate;
    let entity_ident = &entity.item.ident;
    let create_ident = &entity.create_ident;
    let update_ident = &entity.update_ident;
    let odata_type = &entity.odata_type;
    let vis = &entity.item.vis;
    let attrs = &entity.item.attrs;
    // The user's derives and other attributes apply to all three structs;
    // docs describe the entity only.
    let companion_attrs: Vec<_> = attrs
        .iter()
        .filter(|attr| !attr.path().is_ident("doc"))
        .collect();

    // A derived entity embeds its base (and the base's create and update
    // types in its own); errors about the base point at `base = "..."`.
    let base = entity.base.as_ref().map(|base| {
        let name = BaseType::name(base);
        let base = BaseType::new(base);
        let entity_trait = quote!(#krate::Entity);
        let create = base.projection(entity_trait.clone(), "Create");
        let update = base.projection(entity_trait, "Update");
        (base, name, create, update)
    });
    let base_field = |ty: &BaseType, part: &str| {
        base.as_ref().map(|(_, name, _, _)| {
            let doc = format!(
                "The properties of [`{name}`]'s {part}-request type, which also read through `Deref`."
            );
            object::base_field(vis, ty, &doc)
        })
    };
    let root_tail = base.is_none().then(|| {
        quote! {
            /// Properties and annotations this struct does not declare, kept so that
            /// parsing and serializing again loses nothing.
            pub additional_data: #krate::AdditionalData,
        }
    });

    // The entity: `id` for a root entity (a derived one inherits it).
    let fields = entity.properties.iter().map(|property| &property.field);
    let entity_head = match &base {
        Some((base_ty, name, _, _)) => object::base_field(
            vis,
            base_ty,
            &format!(
                "The properties inherited from [`{name}`], which also read through `Deref` \
                 (`value.id`, `value.additional_data`)."
            ),
        ),
        None => quote! {
            /// The unique identifier, assigned by the server (inherited from `entity`).
            pub id: ::core::option::Option<#krate::__private::String>,
        },
    };
    let id = format_ident!("id");
    let unconditional = Cfg::default();
    let id_field = base.is_none().then(|| WireField {
        ident: &id,
        wire_name: "id",
        ty: quote!(::core::option::Option<#krate::__private::String>),
        missing: Missing::Field,
        span: Span::call_site(),
        cfg: &unconditional,
    });
    let entity_object = ObjectType {
        ident: entity_ident,
        fields: id_field
            .into_iter()
            .chain(
                entity
                    .properties
                    .iter()
                    .map(|property| WireField::property(property, &property.field.ty)),
            )
            .collect(),
        base: base.as_ref().map(|(base_ty, ..)| base_ty.clone()),
        writes_type: entity.writes_type,
        is_abstract: entity.is_abstract,
    };

    // The create type: no read-only properties; `required` unwraps `Option<T>`.
    let create_properties: Vec<(&Property, &Type)> = entity
        .properties
        .iter()
        .filter(|property| !property.read_only)
        .map(
            |property| match (&property.option_inner, property.required) {
                (Some(inner), true) => (property, inner),
                _ => (property, &property.field.ty),
            },
        )
        .collect();
    let create_fields = create_properties
        .iter()
        .map(|(property, ty)| companion_field(property, ty));
    let create_base = base.as_ref().map(|(_, _, create, _)| create.clone());
    let create_head = create_base.as_ref().and_then(|ty| base_field(ty, "create"));
    let create_object = ObjectType {
        ident: create_ident,
        fields: create_properties
            .iter()
            .map(|(property, ty)| WireField::property(property, ty))
            .collect(),
        base: create_base,
        writes_type: entity.writes_type,
        is_abstract: entity.is_abstract,
    };
    let create_doc = format!(
        "The body of a request that creates a [`{entity_ident}`]: no `id`, no read-only properties."
    );

    // The update type: every writable property as a `Patch`, which tells
    // "leave unchanged" (omitted) from "clear" (null) and "set".
    let update_properties: Vec<(&Property, TokenStream)> = entity
        .properties
        .iter()
        .filter(|property| !property.read_only)
        .map(|property| {
            let inner = property.option_inner.as_ref().unwrap_or(&property.field.ty);
            let span = Span::call_site().located_at(inner.span());
            (
                property,
                object::respan(quote!(#krate::Patch<#inner>), span),
            )
        })
        .collect();
    let update_fields = update_properties
        .iter()
        .map(|(property, ty)| companion_field(property, ty));
    let update_base = base.as_ref().map(|(_, _, _, update)| update.clone());
    let update_head = update_base.as_ref().and_then(|ty| base_field(ty, "update"));
    let update_object = ObjectType {
        ident: update_ident,
        fields: update_properties
            .iter()
            .map(|(property, ty)| WireField {
                ident: property.ident(),
                wire_name: &property.wire_name,
                ty: ty.clone(),
                missing: Missing::Unchanged,
                span: Span::call_site().located_at(property.field.ty.span()),
                cfg: &property.cfg,
            })
            .collect(),
        base: update_base.clone(),
        writes_type: entity.writes_type,
        is_abstract: entity.is_abstract,
    };
    let update_doc = format!(
        "The body of a PATCH request that updates a [`{entity_ident}`]: each property is \
         left unchanged, cleared or set, and only what changes is sent."
    );
    // `..Default::default()` is how an update is written; derive it unless
    // the user's derives already do.
    let update_default = (!object::derives(attrs, "Default")).then(|| {
        let defaults = update_properties.iter().map(|(property, _)| {
            let (ident, cfg) = (property.ident(), &property.cfg);
            quote!(#cfg #ident: #krate::Patch::Unchanged,)
        });
        let rest = match &update_base {
            Some(_) => quote!(base: ::core::default::Default::default(),),
            None => quote!(additional_data: #krate::AdditionalData::new(),),
        };
        let default = quote! {
            impl ::core::default::Default for #update_ident {
                fn default() -> Self {
                    #update_ident {
                        #(#defaults)*
                        #rest
                    }
                }
            }
        };
        default
    });

    // The companions repeat the user's fields and base: a deprecated one is
    // reported once, where the user wrote it.
    let allow_deprecated = attrs::allow_deprecated(&entity.item);
    let create_struct = companion_struct(
        quote!(#(#companion_attrs)* #[doc = #create_doc] #allow_deprecated #vis struct #create_ident),
        quote!(#create_ident: #krate::__private::CreateNameFree<Self, #entity_ident>),
        quote!({
            #create_head
            #(#create_fields,)*
            #root_tail
        }),
    );
    let update_struct = companion_struct(
        quote!(#(#companion_attrs)* #[doc = #update_doc] #allow_deprecated #vis struct #update_ident),
        quote!(#update_ident: #krate::__private::UpdateNameFree<Self, #entity_ident>),
        quote!({
            #update_head
            #(#update_fields,)*
            #root_tail
        }),
    );
    let (id_body, derived) = match &base {
        Some((base_ty, name, _, _)) => (
            quote!(#krate::Entity::id(&self.base)),
            Some(object::derived_impls(entity, base_ty, name)),
        ),
        None => (quote!(::core::option::Option::as_deref(&self.id)), None),
    };
    let companion_odata_types = quote! {
        impl #krate::ODataType for #create_ident {
            const ODATA_TYPE: &'static ::core::primitive::str = #odata_type;
        }

        impl #krate::ODataType for #update_ident {
            const ODATA_TYPE: &'static ::core::primitive::str = #odata_type;
        }
    };
    let entity_impl = quote! {
        impl #krate::Entity for #entity_ident {
            type Create = #create_ident;
            type Update = #update_ident;

            fn id(&self) -> ::core::option::Option<&::core::primitive::str> {
                #id_body
            }
        }
    };
    let entity_impls = object::impls(krate, &entity_object);
    let create_impls = object::impls(krate, &create_object);
    let update_impls = object::impls(krate, &update_object);
    let impls = object::wrap_impls(
        &entity.item,
        &entity.cfg,
        quote! {
            #update_default

            impl #krate::ODataType for #entity_ident {
                const ODATA_TYPE: &'static ::core::primitive::str = #odata_type;
            }

            #companion_odata_types

            #entity_impl

            #derived
            #entity_impls
            #create_impls
            #update_impls
        },
    );
    let gated_errors = &entity.gated_errors;

    quote! {
        #(#attrs)*
        #vis struct #entity_ident {
            #entity_head
            #(#fields,)*
            #root_tail
        }

        #create_struct
        #update_struct

        #impls
        #gated_errors
    }
}

/// A property's field in the create or update type, with type `ty`. It keeps
/// the user's attributes (docs, `#[cfg]`, `#[deprecated]`, ...); one the user
/// left undocumented gets a doc line, so that `missing_docs` reports it once,
/// at the user's field, rather than once per companion too.
fn companion_field(property: &Property, ty: &impl quote::ToTokens) -> TokenStream {
    let field = &property.field;
    let (field_attrs, field_vis, ident) = (&field.attrs, &field.vis, &field.ident);
    let doc = (!field_attrs.iter().any(|attr| attr.path().is_ident("doc"))).then(|| {
        let doc = format!(" The Graph property `{}`.", property.wire_name);
        quote!(#[doc = #doc])
    });
    quote!(#(#field_attrs)* #doc #field_vis #ident: #ty)
}

/// A create or update struct: `head` (attributes to the name), `body` (the
/// braced fields), and `name_free`, a bound that holds unless the user already
/// has a type of that name. That type then wins name lookup, rustc reports the
/// duplicate (E0428) in words that cannot say `create = "..."`, and the bound,
/// naming the user's type and `Self`, fails with a message that does. Rustdoc
/// would show the bound on every such type, so documentation gets the struct
/// without it.
fn companion_struct(head: TokenStream, name_free: TokenStream, body: TokenStream) -> TokenStream {
    // At the attribute, where `create = "..."` goes.
    let name_free = object::respan(name_free, Span::call_site());
    quote! {
        #[cfg(not(doc))]
        #head where #name_free #body
        #[cfg(doc)]
        #head #body
    }
}
