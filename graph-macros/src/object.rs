//! The impls every `#[graph_entity]` and `#[graph_complex]` struct (and an
//! entity's create and update types) has: `ObjectFields`, through which a
//! derived type composes with its base, and the `Serialize`/`Deserialize`
//! impls that delegate to it.
//!
//! The impls are thin: the per-field work is a call into a generic helper in
//! `graph_core::__private`, so thousands of types expand to little code.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{Ident, Type};

use crate::expansion::{self, Bodies};
use crate::internals::attrs::Cfg;
use crate::internals::graph_struct::{GraphStruct, Property};
use crate::tokens::{at_user, respan};

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
        let span = at_user(base);
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
    /// Whether the type is written `Option<...>`: a `null` read into it is
    /// noted, to be written back. (An `Option` behind an alias reads `null`
    /// as `None` and writes it back absent.)
    pub optional: bool,
    /// Where errors about the type point: at the user's type, with call-site
    /// hygiene so generated locals stay visible when the struct comes from a
    /// `macro_rules!` expansion.
    pub span: Span,
    /// When the field exists (`#[cfg]`), for every use of it.
    pub cfg: &'a Cfg,
}

impl<'a> WireField<'a> {
    /// `property` with type `ty`: the field's own, or for a create type's
    /// `required` field, the type inside its `Option` (see [`Self::unwrapped`]).
    pub fn property(property: &'a Property, ty: &Type) -> Self {
        WireField {
            ident: property.ident(),
            wire_name: &property.wire_name,
            ty: quote!(#ty),
            missing: Missing::Field,
            optional: property.option_inner.is_some(),
            span: at_user(ty),
            cfg: &property.cfg,
        }
    }

    /// A `required` property in a create type: `ty` is the type inside the
    /// field's `Option`, and a `null` is no value of it.
    pub fn unwrapped(property: &'a Property, ty: &Type) -> Self {
        WireField {
            optional: false,
            ..WireField::property(property, ty)
        }
    }
}

/// `Serialize`, `Deserialize` and `ObjectFields` for `object`, and, for a
/// derived type, `Deref`/`DerefMut` to its base.
pub fn impls(krate: &syn::Path, object: &ObjectType, bodies: Bodies) -> TokenStream {
    let ident = object.ident;
    let private = quote!(#krate::__private);
    let composition = match (bodies, &object.base) {
        (Bodies::Fallback, _) => Composition::fallback(&private),
        (Bodies::Working, None) => Composition::root(krate, object),
        (Bodies::Working, Some(base)) => Composition::derived(krate, object, base),
    };
    let object_fields = object_fields(krate, object, composition);
    let deref = object.base.as_ref().map(|base| deref_impls(ident, base));
    let serde_impls = expansion::serde_impls(
        &private,
        ident,
        quote!(),
        quote!(#private::serialize_object(self, __serializer)),
        quote!(#private::deserialize_object(__deserializer)),
    );
    quote! {
        #object_fields
        #serde_impls
        #deref
    }
}

/// The `ObjectFields` impl, around the parts that differ between a root and
/// a derived type.
fn object_fields(krate: &syn::Path, object: &ObjectType, composition: Composition) -> TokenStream {
    let ident = object.ident;
    let private = quote!(#krate::__private);
    let own_names = object.fields.iter().map(|field| {
        let (cfg, wire_name) = (field.cfg, field.wire_name);
        quote!(#cfg #wire_name)
    });
    let (writes_type, is_abstract) = (object.writes_type, object.is_abstract);
    let Composition {
        base_names,
        write_fields,
        read_params,
        read_fields,
        additional_data,
    } = composition;
    quote! {
        #[automatically_derived]
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
                #write_fields
            }

            fn read_fields<'de, __A>(
                #read_params
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
    }
}

/// The parts of an `ObjectFields` impl that differ between a root type,
/// which runs the key loop and keeps what no type declares, and a derived
/// type, which lets its base run the loop and offers it its own members.
struct Composition {
    /// `PropertyNames::base`.
    base_names: TokenStream,
    /// The body of `write_fields`.
    write_fields: TokenStream,
    /// The parameters of `read_fields` (mutable where the body runs the loop).
    read_params: TokenStream,
    /// The body of `read_fields`.
    read_fields: TokenStream,
    /// The body of `additional_data`.
    additional_data: TokenStream,
}

impl Composition {
    /// A root type runs the key loop: its own members, `@odata.type`, then
    /// whatever the derived type being read takes, then the rest is kept.
    fn root(krate: &syn::Path, object: &ObjectType) -> Composition {
        let ident = object.ident;
        let private = quote!(#krate::__private);
        let fields = FieldCode::all(&private, object, quote!(&mut __additional_data));
        let declare_slots = fields.iter().map(|field| &field.declare_slot);
        let read_entries = fields.iter().map(|field| &field.read_entry);
        let take_fields = fields.iter().map(|field| &field.take_field);
        Composition {
            base_names: quote!(::core::option::Option::None),
            write_fields: write_fields(&private, TokenStream::new(), &fields),
            read_params: read_params(&private, quote!(mut)),
            read_fields: quote! {
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
                    additional_data: __rule.finish(__additional_data),
                })
            },
            additional_data: quote!(&self.additional_data),
        }
    }

    /// A derived type lets its base run the loop and offers it its own
    /// members, ahead of those of any type derived from it in turn.
    fn derived(krate: &syn::Path, object: &ObjectType, base: &BaseType) -> Composition {
        let ident = object.ident;
        let private = &quote!(#krate::__private);
        let base_ty = &base.ty;
        let fields = FieldCode::all(private, object, quote!(__kept));
        let declare_slots = fields.iter().map(|field| &field.declare_slot);
        let read_entries = fields.iter().map(|field| &field.read_entry);
        let read_checks = fields.iter().map(|field| &field.read_check);
        let take_fields = fields.iter().map(|field| &field.take_field);
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
                &mut |__key: &::core::primitive::str, __map: &mut __A, __kept: &mut #krate::AdditionalData| -> ::core::result::Result<::core::primitive::bool, __A::Error> {
                    #(#read_checks)*
                    #private::ReadExtension::read(__extension, __key, __map, __kept)
                }
            }
        } else {
            quote! {
                &mut |__key: &::core::primitive::str, __map: &mut __A, __kept: &mut #krate::AdditionalData| -> ::core::result::Result<::core::primitive::bool, __A::Error> {
                    match __key {
                        #(#read_entries)*
                        _ => return #private::ReadExtension::read(__extension, __key, __map, __kept),
                    }?;
                    ::core::result::Result::Ok(true)
                }
            }
        };
        let read_base =
            base.at(quote!(let __base = <#base_ty as #private::ObjectFields>::read_fields));
        let write_base =
            base.at(quote!(#private::ObjectFields::write_fields(&self.base, __object);));
        Composition {
            base_names: base.at(
                quote!(::core::option::Option::Some(&<#base_ty as #private::ObjectFields>::NAMES)),
            ),
            write_fields: write_fields(private, write_base, &fields),
            read_params: read_params(private, TokenStream::new()),
            read_fields: quote! {
                #(#declare_slots)*
                #read_base(__map, __rule, #extension)?;
                ::core::result::Result::Ok(#ident {
                    base: __base,
                    #(#take_fields)*
                })
            },
            additional_data: base.at(quote!(#private::ObjectFields::additional_data(&self.base))),
        }
    }

    /// For a type whose macro reported errors (see [`Bodies::Fallback`]):
    /// nothing that depends on its members.
    fn fallback(private: &TokenStream) -> Composition {
        let unreachable = expansion::unreachable();
        Composition {
            base_names: quote!(::core::option::Option::None),
            write_fields: unreachable.clone(),
            read_params: read_params(private, TokenStream::new()),
            read_fields: unreachable.clone(),
            additional_data: unreachable,
        }
    }
}

/// The parameters of `read_fields`, `mutability` (`mut` or nothing) on
/// those the body changes.
fn read_params(private: &TokenStream, mutability: TokenStream) -> TokenStream {
    quote! {
        #mutability __map: __A,
        #mutability __rule: #private::TypeRule,
        __extension: &mut dyn #private::ReadExtension<'de, __A>,
    }
}

/// The body of `write_fields`: `write_base`, then each field.
fn write_fields(
    private: &TokenStream,
    write_base: TokenStream,
    fields: &[FieldCode],
) -> TokenStream {
    let write_entries = fields.iter().map(|field| &field.write_entry);
    quote! {
        use #private::{WriteEntry as _, WriteOptionalEntry as _};
        #write_base
        #(#write_entries)*
    }
}

/// One field's pieces of the `ObjectFields` impl, each under the field's
/// `#[cfg]`.
///
/// Every token of them carries the field type's span, or rustc reports a
/// missing impl on a span joined from the attribute to the field. The
/// `#[cfg]` keeps the user's spans, so that rustc reports a problem in it
/// once, however many copies there are.
struct FieldCode {
    /// Writes the field (`write_fields`). Whether `None` is left out follows
    /// from the type itself (see `__private::Entry`), so an `Option` behind
    /// an alias is one too.
    write_entry: TokenStream,
    /// Declares the slot the field's value is read into.
    declare_slot: TokenStream,
    /// The arm of the key `match` that reads the field into its slot.
    read_entry: TokenStream,
    /// The same as an `if`, for a derived type all of whose fields are gated.
    read_check: TokenStream,
    /// Initializes the field from its slot, once the object is read.
    take_field: TokenStream,
}

impl FieldCode {
    /// `kept`: the root's `additional_data`, as a `&mut` expression.
    fn all(private: &TokenStream, object: &ObjectType, kept: TokenStream) -> Vec<FieldCode> {
        object
            .fields
            .iter()
            .enumerate()
            .map(|(i, field)| FieldCode::new(private, field, &format_ident!("__slot{}", i), &kept))
            .collect()
    }

    fn new(
        private: &TokenStream,
        field: &WireField,
        slot: &Ident,
        kept: &TokenStream,
    ) -> FieldCode {
        let WireField {
            ident,
            wire_name,
            ty,
            missing,
            optional,
            span,
            cfg,
        } = field;
        let take = match missing {
            Missing::Field => quote!(#private::take_field(#slot, #wire_name)?),
            Missing::Unchanged => quote!(::core::option::Option::unwrap_or_default(#slot)),
        };
        // An update's `Patch` reads `null` as `Clear`, which writes it back.
        let next_field = match missing {
            Missing::Field if *optional => {
                quote!(#private::next_optional_field(__map, &mut #slot, #wire_name, #kept))
            }
            _ => quote!(#private::next_field(__map, &mut #slot, #wire_name)),
        };
        let piece = |tokens: TokenStream| {
            let tokens = respan(tokens, *span);
            quote!(#cfg #tokens)
        };
        FieldCode {
            write_entry: piece(quote!(
                (&#private::Entry(&self.#ident)).write_entry(__object, #wire_name);
            )),
            declare_slot: piece(quote!(
                let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None;
            )),
            read_entry: piece(quote!(
                #wire_name => #next_field,
            )),
            read_check: piece(quote!(
                if __key == #wire_name {
                    return ::core::result::Result::map(#next_field, |()| true);
                }
            )),
            take_field: piece(quote!(
                #ident: #take,
            )),
        }
    }
}

/// `Deref` and `DerefMut` from a derived type to its base.
fn deref_impls(ident: &Ident, base: &BaseType) -> TokenStream {
    let base_ty = &base.ty;
    quote! {
        #[automatically_derived]
        impl ::core::ops::Deref for #ident {
            type Target = #base_ty;
            fn deref(&self) -> &#base_ty {
                &self.base
            }
        }

        #[automatically_derived]
        impl ::core::ops::DerefMut for #ident {
            fn deref_mut(&mut self) -> &mut #base_ty {
                &mut self.base
            }
        }
    }
}
/// The properties a struct declares: all of them, except in a fallback
/// expansion those named like a field the macro adds itself (`added`), which
/// the user was told to remove: the struct gets the macro's, declared once.
pub fn declared<'a>(
    properties: &'a [Property],
    added: &[&str],
    bodies: Bodies,
) -> Vec<&'a Property> {
    properties
        .iter()
        .filter(|property| {
            bodies == Bodies::Working || !added.iter().any(|name| property.ident() == name)
        })
        .collect()
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
/// constant of [`expansion::wrap_impls`]; a fallback has none, since the
/// macro has reported its problems with the fields already.
pub fn derived_impls(
    graph_struct: &GraphStruct,
    properties: &[&Property],
    base: &BaseType,
    base_name: &str,
    bodies: Bodies,
) -> TokenStream {
    let krate = &graph_struct.krate;
    let ident = &graph_struct.item.ident;
    let base_ty = &base.ty;
    let base_names = base.at(quote!(<#base_ty as #krate::__private::ObjectFields>::NAMES));
    // One check per type, in the constant that holds the impls (fewer items
    // for rustc than one per property); it stops at the first redeclared
    // property, at that property's span.
    let checks = properties.iter().map(|property| {
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
            at_user(property.ident()),
        );
        quote! {
            #cfg
            if __names.declares(#wire_name) {
                #panic
            }
        }
    });
    let check = (bodies == Bodies::Working && !properties.is_empty()).then(|| {
        quote! {
            {
                let __names = &#base_names;
                #(#checks)*
            }
        }
    });
    quote! {
        #[automatically_derived]
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
