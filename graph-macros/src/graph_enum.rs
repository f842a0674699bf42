//! Generates the `GraphEnum`, `Display`, `FromStr`, `Serialize` and
//! `Deserialize` impls of a `#[graph_enum]`, and its inherent `as_str`.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::spanned::Spanned;

use crate::internals::enumeration::{self, GraphEnum, OtherVariant};
use crate::object;

pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    match enumeration::parse(args, item) {
        Ok(graph_enum) => generate(&graph_enum),
        Err(tokens) => tokens,
    }
}

fn generate(graph_enum: &GraphEnum) -> TokenStream {
    let krate = &graph_enum.krate;
    let private = quote!(#krate::__private);
    let item = &graph_enum.item;
    let ident = &item.ident;
    let graph_name = &graph_enum.graph_name;
    let variants: Vec<_> = graph_enum.members.iter().map(|m| &m.ident).collect();
    let wire_names: Vec<_> = graph_enum.members.iter().map(|m| &m.wire_name).collect();
    let cfgs: Vec<_> = graph_enum.members.iter().map(|m| &m.cfg).collect();
    let (unknown_from_wire, other_as_str) = match &graph_enum.other {
        // Without the `other` variant (when its `#[cfg]` removes it), an
        // unknown member is not read.
        Some(OtherVariant {
            ident: other,
            ty,
            cfg,
        }) => {
            // Through `String`, which every owned string type is built from:
            // `From<&str>` would tie the value to the borrowed name (E0521
            // for `Cow<'static, str>`). Trait errors point at the user's type.
            let span = Span::call_site().located_at(ty.span());
            let from_wire = object::respan(
                quote!(<#ty as ::core::convert::From<#private::String>>::from(
                    <#private::String as ::core::convert::From<&::core::primitive::str>>::from(__name),
                )),
                span,
            );
            let as_str = object::respan(
                quote!(<#ty as ::core::convert::AsRef<::core::primitive::str>>::as_ref(__name)),
                span,
            );
            let without = cfg.negated();
            (
                quote! {
                    #cfg
                    _ => ::core::option::Option::Some(Self::#other(#from_wire)),
                    #without
                    _ => ::core::option::Option::None,
                },
                quote!(#cfg Self::#other(ref __name) => #as_str,),
            )
        }
        None => (quote!(_ => ::core::option::Option::None,), quote!()),
    };

    let flags = graph_enum.flags.then(|| {
        quote! {
            impl #krate::FlagsEnum for #ident {}
        }
    });

    let impls = quote! {
        #flags

        impl #krate::GraphEnum for #ident {
            const NAME: &'static ::core::primitive::str = #graph_name;
            const MEMBERS: &'static [&'static ::core::primitive::str] = &[#(#cfgs #wire_names),*];

            fn from_wire(__name: &::core::primitive::str) -> ::core::option::Option<Self> {
                match __name {
                    #(#cfgs #wire_names => ::core::option::Option::Some(Self::#variants),)*
                    #unknown_from_wire
                }
            }

            fn as_str(&self) -> &::core::primitive::str {
                // `*self`, so that an enum without variants matches nothing.
                match *self {
                    #(#cfgs Self::#variants => #wire_names,)*
                    #other_as_str
                }
            }
        }

        impl #ident {
            /// The member's name as Graph writes it.
            pub fn as_str(&self) -> &::core::primitive::str {
                <Self as #krate::GraphEnum>::as_str(self)
            }
        }

        impl ::core::fmt::Display for #ident {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                __f.write_str(<Self as #krate::GraphEnum>::as_str(self))
            }
        }

        impl ::core::str::FromStr for #ident {
            type Err = #krate::GraphError;

            fn from_str(__text: &::core::primitive::str) -> ::core::result::Result<Self, Self::Err> {
                #private::parse_enum(__text)
            }
        }

        impl #private::serde::Serialize for #ident {
            fn serialize<__S: #private::serde::Serializer>(
                &self,
                __serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                __serializer.serialize_str(<Self as #krate::GraphEnum>::as_str(self))
            }
        }

        impl<'de> #private::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: #private::serde::Deserializer<'de>>(
                __deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                #private::deserialize_enum(__deserializer)
            }
        }
    };
    let impls = object::wrap_impls(item, &graph_enum.cfg, impls);
    let gated_errors = &graph_enum.gated_errors;

    quote! {
        #item
        #impls
        #gated_errors
    }
}
