//! Generates a `#[graph_entity]` struct, its create-request type, and their
//! `ODataType`, `Entity`, `Serialize` and `Deserialize` impls.
//!
//! The impls are thin: the per-field work is a call into a generic helper in
//! `graph_core::__private`, so thousands of entities expand to little code.

use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::{format_ident, quote};
use syn::spanned::Spanned;
use syn::{Ident, Type};

use crate::internals::entity::{self, Entity, Property};

pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    match entity::parse(args, item) {
        Ok(entity) => generate(&entity),
        Err(tokens) => tokens,
    }
}

/// One JSON object type to generate impls for: the entity or its create type.
struct ObjectType<'a> {
    ident: &'a Ident,
    fields: Vec<WireField<'a>>,
}

/// What a property that was not sent becomes.
#[derive(Clone, Copy)]
enum Missing {
    /// `None` for an `Option`, an error for anything else (`take_field`).
    Field,
    /// `Patch::Unchanged`: an update leaves out what it does not change.
    Unchanged,
}

/// A property as one object type writes and reads it.
struct WireField<'a> {
    ident: &'a Ident,
    wire_name: &'a str,
    /// The field's type here: a required field is unwrapped in the create type.
    ty: TokenStream,
    /// How the value is taken once the object has been read.
    missing: Missing,
    /// Where errors about the type point: at the user's type, with call-site
    /// hygiene so generated locals stay visible when the struct comes from a
    /// `macro_rules!` expansion.
    span: Span,
}

impl<'a> WireField<'a> {
    fn property(property: &'a Property, ty: &Type) -> Self {
        WireField {
            ident: property.ident(),
            wire_name: &property.wire_name,
            ty: quote!(#ty),
            missing: Missing::Field,
            span: Span::call_site().located_at(ty.span()),
        }
    }
}

fn generate(entity: &Entity) -> TokenStream {
    let krate = &entity.krate;
    let entity_ident = &entity.item.ident;
    let create_ident = &entity.create_ident;
    let odata_type = &entity.odata_type;
    let vis = &entity.item.vis;
    let attrs = &entity.item.attrs;
    // The user's derives and other attributes apply to both structs; docs
    // describe the entity only.
    let create_attrs = attrs.iter().filter(|attr| !attr.path().is_ident("doc"));
    let create_doc = format!(
        "The body of a request that creates a [`{entity_ident}`]: no `id`, no read-only properties."
    );

    let fields = entity.properties.iter().map(|property| &property.field);
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
    let create_fields = create_properties.iter().map(|(property, ty)| {
        let field = &property.field;
        let (field_attrs, field_vis, ident) = (&field.attrs, &field.vis, &field.ident);
        quote!(#(#field_attrs)* #field_vis #ident: #ty)
    });

    let id = format_ident!("id");
    let id_field = WireField {
        ident: &id,
        wire_name: "id",
        ty: quote!(::core::option::Option<#krate::__private::String>),
        missing: Missing::Field,
        span: Span::call_site(),
    };
    let entity_object = ObjectType {
        ident: entity_ident,
        fields: std::iter::once(id_field)
            .chain(
                entity
                    .properties
                    .iter()
                    .map(|property| WireField::property(property, &property.field.ty)),
            )
            .collect(),
    };
    let create_object = ObjectType {
        ident: create_ident,
        fields: create_properties
            .iter()
            .map(|(property, ty)| WireField::property(property, ty))
            .collect(),
    };
    let entity_serde = serde_impls(krate, &entity_object);
    let create_serde = serde_impls(krate, &create_object);

    // The update type: every writable property as a `Patch`, which tells
    // "leave unchanged" (omitted) from "clear" (null) and "set".
    let update_ident = &entity.update_ident;
    let update_properties: Vec<(&Property, TokenStream)> = entity
        .properties
        .iter()
        .filter(|property| !property.read_only)
        .map(|property| {
            let inner = property.option_inner.as_ref().unwrap_or(&property.field.ty);
            let span = Span::call_site().located_at(inner.span());
            (property, respan(quote!(#krate::Patch<#inner>), span))
        })
        .collect();
    let update_fields = update_properties.iter().map(|(property, ty)| {
        let field = &property.field;
        let (field_attrs, field_vis, ident) = (&field.attrs, &field.vis, &field.ident);
        quote!(#(#field_attrs)* #field_vis #ident: #ty)
    });
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
            })
            .collect(),
    };
    let update_serde = serde_impls(krate, &update_object);
    let update_doc = format!(
        "The body of a PATCH request that updates a [`{entity_ident}`]: each property is \
         left unchanged, cleared or set, and only what changes is sent."
    );
    let update_attrs = attrs.iter().filter(|attr| !attr.path().is_ident("doc"));
    // `..Default::default()` is how an update is written; derive it unless
    // the user's derives already do.
    let update_default = (!derives(attrs, "Default")).then(|| {
        let defaults = update_properties.iter().map(|(property, _)| {
            let ident = property.ident();
            quote!(#ident: #krate::Patch::Unchanged,)
        });
        quote! {
            impl ::core::default::Default for #update_ident {
                fn default() -> Self {
                    #update_ident {
                        #(#defaults)*
                        additional_data: #krate::AdditionalData::new(),
                    }
                }
            }
        }
    });

    quote! {
        #(#attrs)*
        #vis struct #entity_ident {
            /// The unique identifier, assigned by the server (inherited from `entity`).
            pub id: ::core::option::Option<#krate::__private::String>,
            #(#fields,)*
            /// Properties and annotations this struct does not declare, kept so that
            /// parsing and serializing again loses nothing.
            pub additional_data: #krate::AdditionalData,
        }

        #(#create_attrs)*
        #[doc = #create_doc]
        #vis struct #create_ident {
            #(#create_fields,)*
            /// Properties this struct does not declare, sent as they are.
            pub additional_data: #krate::AdditionalData,
        }

        impl #krate::ODataType for #entity_ident {
            const ODATA_TYPE: &'static ::core::primitive::str = #odata_type;
        }

        impl #krate::ODataType for #create_ident {
            const ODATA_TYPE: &'static ::core::primitive::str = #odata_type;
        }

        #(#update_attrs)*
        #[doc = #update_doc]
        #vis struct #update_ident {
            #(#update_fields,)*
            /// Properties this struct does not declare, sent as they are.
            pub additional_data: #krate::AdditionalData,
        }

        #update_default

        impl #krate::ODataType for #update_ident {
            const ODATA_TYPE: &'static ::core::primitive::str = #odata_type;
        }

        impl #krate::Entity for #entity_ident {
            type Create = #create_ident;
            type Update = #update_ident;

            fn id(&self) -> ::core::option::Option<&::core::primitive::str> {
                ::core::option::Option::as_deref(&self.id)
            }
        }

        #entity_serde
        #create_serde
        #update_serde
    }
}

fn serde_impls(krate: &syn::Path, object: &ObjectType) -> TokenStream {
    let ident = object.ident;
    let private = quote!(#krate::__private);

    let wire_names = object.fields.iter().map(|field| field.wire_name);
    let slots: Vec<Ident> = (0..object.fields.len())
        .map(|i| format_ident!("__slot{}", i))
        .collect();
    let mut write_entries = Vec::new();
    let mut declare_slots = Vec::new();
    let mut read_entries = Vec::new();
    let mut take_fields = Vec::new();
    for (field, slot) in object.fields.iter().zip(&slots) {
        let WireField {
            ident,
            wire_name,
            ty,
            missing,
            span,
        } = field;
        let take = match missing {
            Missing::Field => quote!(#private::take_field(#slot, #wire_name)?),
            Missing::Unchanged => quote!(::core::option::Option::unwrap_or_default(#slot)),
        };
        // Every token of these calls carries the field type's span, or rustc
        // reports a missing impl on a span joined from the attribute to the
        // field. Whether `None` is left out follows from the type itself (see
        // `__private::Entry`), so an `Option` behind an alias is one too.
        write_entries.push(respan(
            quote!(
                (&#private::Entry(&self.#ident)).write_entry(&mut object, #wire_name);
            ),
            *span,
        ));
        declare_slots.push(respan(
            quote!(
                let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None;
            ),
            *span,
        ));
        read_entries.push(respan(
            quote!(
                #wire_name => #private::next_field(&mut map, &mut #slot, #wire_name),
            ),
            *span,
        ));
        take_fields.push(respan(
            quote!(
                #ident: #take,
            ),
            *span,
        ));
    }

    quote! {
        impl #private::serde::Serialize for #ident {
            fn serialize<S: #private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                use #private::{WriteEntry as _, WriteOptionalEntry as _};
                let mut object = #private::begin_object(
                    serializer,
                    <Self as #krate::ODataType>::ODATA_TYPE,
                );
                #(#write_entries)*
                #private::end_object(object, &self.additional_data, &[#(#wire_names),*])
            }
        }

        impl<'de> #private::serde::Deserialize<'de> for #ident {
            fn deserialize<D: #private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                #private::deserialize_object(deserializer)
            }
        }

        impl<'de> #private::VisitObject<'de> for #ident {
            fn visit_object<A: #private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> ::core::result::Result<Self, A::Error> {
                #(#declare_slots)*
                let mut additional_data = #krate::AdditionalData::new();
                while let ::core::option::Option::Some(key) =
                    #private::serde::de::MapAccess::next_key::<#private::Key<'de>>(&mut map)?
                {
                    // One `?` for all arms keeps the expansion small.
                    match key.as_str() {
                        "@odata.type" => #private::check_odata_type(
                            &mut map,
                            <Self as #krate::ODataType>::ODATA_TYPE,
                        ),
                        #(#read_entries)*
                        _ => #private::unknown_field(&mut map, key, &mut additional_data),
                    }?;
                }
                ::core::result::Result::Ok(#ident {
                    #(#take_fields)*
                    additional_data,
                })
            }
        }
    }
}

/// `tokens` with every span set to `span`.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let TokenTree::Group(group) = &tree {
                let mut respanned = Group::new(group.delimiter(), respan(group.stream(), span));
                respanned.set_span(span);
                tree = respanned.into();
            } else {
                tree.set_span(span);
            }
            tree
        })
        .collect()
}

/// Whether `attrs` has a `#[derive(...)]` naming `name`.
fn derives(attrs: &[syn::Attribute], name: &str) -> bool {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("derive"))
        .any(|attr| {
            let mut found = false;
            // A derive list that does not parse is rustc's to report.
            let _ = attr.parse_nested_meta(|meta| {
                found |= meta
                    .path
                    .segments
                    .last()
                    .is_some_and(|segment| segment.ident == name);
                Ok(())
            });
            found
        })
}
