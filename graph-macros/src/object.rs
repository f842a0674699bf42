//! The impls every `#[graph_entity]` and `#[graph_complex]` struct (and an
//! entity's create and update types) has: `ObjectFields`, through which a
//! derived type composes with its base, and the `Serialize`/`Deserialize`
//! impls that delegate to it.
//!
//! The impls are thin: the per-field work is a call into a generic helper in
//! `graph_core::__private`, so thousands of types expand to little code.

use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::{format_ident, quote};
use syn::spanned::Spanned;
use syn::{Ident, Type};

use crate::internals::attrs::{self, Cfg};
use crate::internals::graph_struct::{GraphStruct, Property};

/// One JSON object type to generate impls for.
pub struct ObjectType<'a> {
    pub ident: &'a Ident,
    /// The properties it declares itself.
    pub fields: Vec<WireField<'a>>,
    /// The embedded `base` field, for a derived type; a root type holds
    /// `additional_data` itself.
    pub base: Option<BaseType>,
    pub writes_type: bool,
    pub is_abstract: bool,
}

/// The type a derived type embeds as `base`: the base itself, or for an
/// entity's create and update types, the base's.
#[derive(Clone)]
pub struct BaseType {
    /// Every token carries `span`.
    pub ty: TokenStream,
    /// Where every error about the base points (`base = "..."`): one span,
    /// so that rustc reports each missing trait once rather than once per use.
    pub span: Span,
}

impl BaseType {
    /// `base = "Name"`, with every token at the literal.
    pub fn new(base: &Type) -> BaseType {
        let span = Span::call_site().located_at(base.span());
        BaseType {
            ty: respan(quote!(#base), span),
            span,
        }
    }

    /// `<Base as Trait>::Item`, at the base's span.
    pub fn projection(&self, trait_path: TokenStream, item: &str) -> BaseType {
        let (ty, item) = (&self.ty, Ident::new(item, self.span));
        BaseType {
            ty: respan(quote!(<#ty as #trait_path>::#item), self.span),
            span: self.span,
        }
    }

    /// `tokens`, which use the base, at the base's span.
    pub fn at(&self, tokens: TokenStream) -> TokenStream {
        respan(tokens, self.span)
    }

    /// The Rust name, for docs and messages.
    pub fn name(base: &Type) -> String {
        quote!(#base).to_string().replace(' ', "")
    }
}

/// What a property that was not sent becomes.
#[derive(Clone, Copy)]
pub enum Missing {
    /// `None` for an `Option`, an error for anything else (`take_field`).
    Field,
    /// `Patch::Unchanged`: an update leaves out what it does not change.
    Unchanged,
}

/// A property as one object type writes and reads it.
pub struct WireField<'a> {
    pub ident: &'a Ident,
    pub wire_name: &'a str,
    /// The field's type here: a required field is unwrapped in the create type.
    pub ty: TokenStream,
    /// How the value is taken once the object has been read.
    pub missing: Missing,
    /// Where errors about the type point: at the user's type, with call-site
    /// hygiene so generated locals stay visible when the struct comes from a
    /// `macro_rules!` expansion.
    pub span: Span,
    /// When the field exists (`#[cfg]`), for every use of it.
    pub cfg: &'a Cfg,
}

impl<'a> WireField<'a> {
    pub fn property(property: &'a Property, ty: &Type) -> Self {
        WireField {
            ident: property.ident(),
            wire_name: &property.wire_name,
            ty: quote!(#ty),
            missing: Missing::Field,
            span: Span::call_site().located_at(ty.span()),
            cfg: &property.cfg,
        }
    }
}

/// `Serialize`, `Deserialize` and `ObjectFields` for `object`, and, for a
/// derived type, `Deref`/`DerefMut` to its base.
pub fn impls(krate: &syn::Path, object: &ObjectType) -> TokenStream {
    let ident = object.ident;
    let private = quote!(#krate::__private);

    let own_names = object.fields.iter().map(|field| {
        let (cfg, wire_name) = (field.cfg, field.wire_name);
        quote!(#cfg #wire_name)
    });
    let slots: Vec<Ident> = (0..object.fields.len())
        .map(|i| format_ident!("__slot{}", i))
        .collect();
    let mut write_entries = Vec::new();
    let mut declare_slots = Vec::new();
    let mut read_entries = Vec::new();
    let mut read_checks = Vec::new();
    let mut take_fields = Vec::new();
    for (field, slot) in object.fields.iter().zip(&slots) {
        let WireField {
            ident,
            wire_name,
            ty,
            missing,
            span,
            cfg,
        } = field;
        let take = match missing {
            Missing::Field => quote!(#private::take_field(#slot, #wire_name)?),
            Missing::Unchanged => quote!(::core::option::Option::unwrap_or_default(#slot)),
        };
        // Every token of these calls carries the field type's span, or rustc
        // reports a missing impl on a span joined from the attribute to the
        // field. Whether `None` is left out follows from the type itself (see
        // `__private::Entry`), so an `Option` behind an alias is one too.
        // The `#[cfg]` keeps the user's spans, so that rustc reports a
        // problem in it once, however many copies there are.
        let write_entry = respan(
            quote!(
                (&#private::Entry(&self.#ident)).write_entry(__object, #wire_name);
            ),
            *span,
        );
        write_entries.push(quote!(#cfg #write_entry));
        let declare_slot = respan(
            quote!(
                let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None;
            ),
            *span,
        );
        declare_slots.push(quote!(#cfg #declare_slot));
        let read_entry = respan(
            quote!(
                #wire_name => #private::next_field(__map, &mut #slot, #wire_name),
            ),
            *span,
        );
        read_entries.push(quote!(#cfg #read_entry));
        let read_check = respan(
            quote!(
                if __key == #wire_name {
                    return ::core::result::Result::map(#private::next_field(__map, &mut #slot, #wire_name), |()| true);
                }
            ),
            *span,
        );
        read_checks.push(quote!(#cfg #read_check));
        let take_field = respan(
            quote!(
                #ident: #take,
            ),
            *span,
        );
        take_fields.push(quote!(#cfg #take_field));
    }

    let writes_type = object.writes_type;
    let is_abstract = object.is_abstract;
    let (base_names, write_base, read_fields, additional_data, deref) = match &object.base {
        // A root type runs the key loop: its own members, `@odata.type`, then
        // whatever the derived type being read takes, then the rest is kept.
        None => (
            quote!(::core::option::Option::None),
            quote!(),
            quote! {
                #(#declare_slots)*
                let mut __additional_data = #krate::AdditionalData::new();
                let __map = &mut __map;
                while let ::core::option::Option::Some(__key) =
                    #private::serde::de::MapAccess::next_key::<#private::Key<'de>>(__map)?
                {
                    // One `?` for all arms keeps the expansion small.
                    match __key.as_str() {
                        "@odata.type" => #private::check_odata_type(__map, &mut __rule, &mut __additional_data),
                        #(#read_entries)*
                        _ => #private::other_field(__map, __key, __extension, &mut __additional_data),
                    }?;
                }
                ::core::result::Result::Ok(#ident {
                    #(#take_fields)*
                    additional_data: __additional_data,
                })
            },
            quote!(&self.additional_data),
            quote!(),
        ),
        // A derived type lets its base run the loop and offers it its own
        // members, ahead of those of any type derived from it in turn.
        Some(base) => {
            let base_ty = &base.ty;
            let extension = if object.fields.is_empty() {
                quote!(__extension)
            } else if object
                .fields
                .iter()
                .all(|field| !field.cfg.is_unconditional())
            {
                // Every arm of the `match` below may be removed, leaving one
                // that diverges, which rustc refuses to apply `?` to.
                quote! {
                    &mut |__key: &::core::primitive::str, __map: &mut __A| -> ::core::result::Result<::core::primitive::bool, __A::Error> {
                        #(#read_checks)*
                        #private::ReadExtension::read(__extension, __key, __map)
                    }
                }
            } else {
                quote! {
                    &mut |__key: &::core::primitive::str, __map: &mut __A| -> ::core::result::Result<::core::primitive::bool, __A::Error> {
                        match __key {
                            #(#read_entries)*
                            _ => return #private::ReadExtension::read(__extension, __key, __map),
                        }?;
                        ::core::result::Result::Ok(true)
                    }
                }
            };
            let read_base =
                base.at(quote!(let __base = <#base_ty as #private::ObjectFields>::read_fields));
            (
                base.at(quote!(::core::option::Option::Some(&<#base_ty as #private::ObjectFields>::NAMES))),
                base.at(quote!(#private::ObjectFields::write_fields(&self.base, __object);)),
                quote! {
                    #(#declare_slots)*
                    #read_base(__map, __rule, #extension)?;
                    ::core::result::Result::Ok(#ident {
                        base: __base,
                        #(#take_fields)*
                    })
                },
                base.at(quote!(#private::ObjectFields::additional_data(&self.base))),
                quote! {
                    impl ::core::ops::Deref for #ident {
                        type Target = #base_ty;
                        fn deref(&self) -> &#base_ty {
                            &self.base
                        }
                    }

                    impl ::core::ops::DerefMut for #ident {
                        fn deref_mut(&mut self) -> &mut #base_ty {
                            &mut self.base
                        }
                    }
                },
            )
        }
    };
    let (map_binding, rule_binding) = if object.base.is_none() {
        (quote!(mut __map), quote!(mut __rule))
    } else {
        (quote!(__map), quote!(__rule))
    };

    quote! {
        impl #private::ObjectFields for #ident {
            const NAMES: #private::PropertyNames = #private::PropertyNames {
                own: &[#(#own_names),*],
                base: #base_names,
            };
            const WRITES_TYPE: ::core::primitive::bool = #writes_type;
            const ABSTRACT: ::core::primitive::bool = #is_abstract;

            fn write_fields<__M: #private::serde::ser::SerializeMap>(
                &self,
                __object: &mut #private::ObjectWriter<__M>,
            ) {
                use #private::{WriteEntry as _, WriteOptionalEntry as _};
                #write_base
                #(#write_entries)*
            }

            fn read_fields<'de, __A>(
                #map_binding: __A,
                #rule_binding: #private::TypeRule,
                __extension: &mut dyn #private::ReadExtension<'de, __A>,
            ) -> ::core::result::Result<Self, __A::Error>
            where
                __A: #private::serde::de::MapAccess<'de>,
            {
                #read_fields
            }

            fn additional_data(&self) -> &#krate::AdditionalData {
                #additional_data
            }
        }

        impl #private::serde::Serialize for #ident {
            fn serialize<__S: #private::serde::Serializer>(
                &self,
                __serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                #private::serialize_object(self, __serializer)
            }
        }

        impl<'de> #private::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: #private::serde::Deserializer<'de>>(
                __deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                #private::deserialize_object(__deserializer)
            }
        }

        #deref
    }
}

/// The impls a macro generates for `item`, in one anonymous constant (whose
/// body also runs compile-time checks given as statements among them): under
/// the item's own `#[cfg]` when it is written below the macro's attribute
/// (rustc applies it only after the macro has run), and allowed to use what
/// the user deprecated (see [`attrs::allow_deprecated`]).
pub fn wrap_impls(item: &syn::DeriveInput, cfg: &Cfg, impls: TokenStream) -> TokenStream {
    let allow_deprecated = attrs::allow_deprecated(item);
    quote! {
        #cfg
        #allow_deprecated
        const _: () = {
            #impls
        };
    }
}

/// The embedded base of a derived type, as the first field, documented with
/// `doc`.
pub fn base_field(vis: &syn::Visibility, base: &BaseType, doc: &str) -> TokenStream {
    let base = &base.ty;
    quote! {
        #[doc = #doc]
        #vis base: #base,
    }
}

/// For a derived struct: `Derived`, and a compile-time check that it does not
/// declare a property its base already has (which would be read into one of
/// the two and never the other). The check is a statement, run by the
/// constant of [`wrap_impls`].
pub fn derived_impls(graph_struct: &GraphStruct, base: &BaseType, base_name: &str) -> TokenStream {
    let krate = &graph_struct.krate;
    let ident = &graph_struct.item.ident;
    let base_ty = &base.ty;
    let base_names = base.at(quote!(<#base_ty as #krate::__private::ObjectFields>::NAMES));
    // One check per type, in the constant that holds the impls (fewer items
    // for rustc than one per property); it stops at the first redeclared
    // property, at that property's span.
    let checks = graph_struct.properties.iter().map(|property| {
        let (wire_name, cfg) = (&property.wire_name, &property.cfg);
        let message = format!(
            "`{wire_name}` is already a property of `{base_name}` (or of a type it derives from), and reads through it; remove this field"
        )
        // `panic!` takes the message as a format string, and a wire name is
        // any text (`rename = "{0}"`).
        .replace('{', "{{")
        .replace('}', "}}");
        let panic = respan(
            quote!(::core::panic!(#message)),
            Span::call_site().located_at(property.ident().span()),
        );
        quote! {
            #cfg
            if __names.declares(#wire_name) {
                #panic
            }
        }
    });
    let check = (!graph_struct.properties.is_empty()).then(|| {
        quote! {
            {
                let __names = &#base_names;
                #(#checks)*
            }
        }
    });
    quote! {
        impl #krate::Derived for #ident {
            type Base = #base_ty;

            fn base(&self) -> &#base_ty {
                &self.base
            }

            fn base_mut(&mut self) -> &mut #base_ty {
                &mut self.base
            }
        }

        #check
    }
}

/// `tokens` with every span set to `span`.
pub fn respan(tokens: TokenStream, span: Span) -> TokenStream {
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
pub fn derives(attrs: &[syn::Attribute], name: &str) -> bool {
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
