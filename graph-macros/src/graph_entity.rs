//! Generates a `#[graph_entity]` struct, its create-request type, and their
//! `ODataType`, `Entity`, `Serialize` and `Deserialize` impls.
//!
//! The impls are thin: the per-field work is a call into a generic helper in
//! `graph_core::__private`, so thousands of entities expand to little code.

use proc_macro2::Span;
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
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
    has_id: bool,
    members: Vec<Member<'a>>,
}

/// A property as it appears in one object type.
struct Member<'a> {
    property: &'a Property,
    /// The field's type here: a required field is unwrapped in the create type.
    ty: Type,
    /// `Option<_>` here, so `None` is left out when serializing.
    optional: bool,
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
    let create_members: Vec<Member> = entity
        .properties
        .iter()
        .filter(|property| !property.read_only)
        .map(
            |property| match (&property.option_inner, property.required) {
                (Some(inner), true) => Member {
                    property,
                    ty: inner.clone(),
                    optional: false,
                },
                _ => Member::as_declared(property),
            },
        )
        .collect();
    let create_fields: Vec<TokenStream> = create_members
        .iter()
        .map(|member| {
            let field = &member.property.field;
            let (field_attrs, field_vis, ident) = (&field.attrs, &field.vis, &field.ident);
            let ty = &member.ty;
            quote!(#(#field_attrs)* #field_vis #ident: #ty)
        })
        .collect();

    let entity_object = ObjectType {
        ident: entity_ident,
        has_id: true,
        members: entity.properties.iter().map(Member::as_declared).collect(),
    };
    let create_object = ObjectType {
        ident: create_ident,
        has_id: false,
        members: create_members,
    };
    let entity_serde = serde_impls(krate, &entity_object);
    let create_serde = serde_impls(krate, &create_object);

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
            const ODATA_TYPE: &'static str = #odata_type;
        }

        impl #krate::ODataType for #create_ident {
            const ODATA_TYPE: &'static str = #odata_type;
        }

        impl #krate::Entity for #entity_ident {
            type Create = #create_ident;

            fn id(&self) -> ::core::option::Option<&str> {
                ::core::option::Option::as_deref(&self.id)
            }
        }

        #entity_serde
        #create_serde
    }
}

impl<'a> Member<'a> {
    fn as_declared(property: &'a Property) -> Self {
        Member {
            property,
            ty: property.field.ty.clone(),
            optional: property.option_inner.is_some(),
        }
    }
}

fn serde_impls(krate: &syn::Path, object: &ObjectType) -> TokenStream {
    let ident = object.ident;
    let private = quote!(#krate::__private);

    let id = object.has_id.then(|| format_ident!("id"));
    let members = &object.members;
    let idents: Vec<&Ident> = id
        .iter()
        .chain(members.iter().map(|member| member.property.ident()))
        .collect();
    let wire_names: Vec<&str> = id
        .iter()
        .map(|_| "id")
        .chain(
            members
                .iter()
                .map(|member| member.property.wire_name.as_str()),
        )
        .collect();
    let optional: Vec<bool> = id
        .iter()
        .map(|_| true)
        .chain(members.iter().map(|member| member.optional))
        .collect();
    // Calls that need the field's type to be Serialize/Deserialize carry the
    // type's span, so a missing impl is reported on the user's field.
    let spans: Vec<Span> = id
        .iter()
        .map(|_| Span::call_site())
        .chain(members.iter().map(|member| member.ty.span()))
        .collect();

    let write_entries = (0..idents.len()).map(|i| {
        let (ident, wire) = (idents[i], wire_names[i]);
        if optional[i] {
            quote_spanned!(spans[i]=> #private::optional_entry(&mut object, #wire, &self.#ident);)
        } else {
            quote_spanned!(spans[i]=> #private::entry(&mut object, #wire, &self.#ident);)
        }
    });
    let slots: Vec<Ident> = (0..idents.len())
        .map(|i| format_ident!("__slot{}", i))
        .collect();
    let read_entries = (0..idents.len()).map(|i| {
        let (slot, wire) = (&slots[i], wire_names[i]);
        quote_spanned!(spans[i]=> #wire => #private::next_field(&mut map, &mut #slot, #wire),)
    });
    // A missing `Option` property is `None`: no call, no `?`. Other fields
    // go through `take_field`, which reports them missing.
    let take_fields = (0..idents.len()).map(|i| {
        let (ident, slot, wire) = (idents[i], &slots[i], wire_names[i]);
        if optional[i] {
            quote!(#ident: ::core::option::Option::flatten(#slot),)
        } else {
            quote_spanned!(spans[i]=> #ident: #private::take_field(#slot, #wire)?,)
        }
    });

    quote! {
        impl #private::serde::Serialize for #ident {
            fn serialize<S: #private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
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
                #(let mut #slots = ::core::option::Option::None;)*
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
