//! Generates the `GraphEnum`, `Display`, `FromStr`, `Serialize` and
//! `Deserialize` impls of a `#[graph_enum]`, and its inherent `as_str`.

use proc_macro2::TokenStream;
use quote::quote;

use crate::expansion::{self, Bodies};
use crate::internals::enumeration::{self, Enumeration, OtherVariant};
use crate::tokens::{at_user, respan};

pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    expansion::expand(enumeration::parse(args, item), generate)
}

/// The items of `GraphEnum` that map members to names and back.
struct Members {
    /// `MEMBERS`.
    names: TokenStream,
    /// The body of `from_wire`.
    from_wire: TokenStream,
    /// The body of `as_str`.
    as_str: TokenStream,
}

impl Members {
    fn new(graph_enum: &Enumeration) -> Members {
        let krate = &graph_enum.krate;
        let private = quote!(#krate::__private);
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
                let span = at_user(ty);
                let from_wire = respan(
                    quote!(<#ty as ::core::convert::From<#private::String>>::from(
                        <#private::String as ::core::convert::From<&::core::primitive::str>>::from(__name),
                    )),
                    span,
                );
                let as_str = respan(
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
        Members {
            names: quote!(&[#(#cfgs #wire_names),*]),
            from_wire: quote! {
                match __name {
                    #(#cfgs #wire_names => ::core::option::Option::Some(Self::#variants),)*
                    #unknown_from_wire
                }
            },
            // `*self`, so that an enum without variants matches nothing.
            as_str: quote! {
                match *self {
                    #(#cfgs Self::#variants => #wire_names,)*
                    #other_as_str
                }
            },
        }
    }

    /// For an enum whose macro reported errors (see [`Bodies::Fallback`]):
    /// which variants are members, and under which names, is unclear.
    fn fallback() -> Members {
        Members {
            names: quote!(&[]),
            from_wire: expansion::unreachable(),
            as_str: expansion::unreachable(),
        }
    }
}

fn generate(graph_enum: &Enumeration, bodies: Bodies) -> TokenStream {
    let krate = &graph_enum.krate;
    let private = quote!(#krate::__private);
    let item = &graph_enum.item;
    let ident = &item.ident;
    let graph_name = &graph_enum.graph_name;
    let Members {
        names,
        from_wire,
        as_str,
    } = match bodies {
        Bodies::Working => Members::new(graph_enum),
        Bodies::Fallback => Members::fallback(),
    };

    let flags = graph_enum.flags.then(|| {
        quote! {
            #[automatically_derived]
            impl #krate::FlagsEnum for #ident {}
        }
    });

    let serde_impls = expansion::serde_impls(
        &private,
        ident,
        quote!(),
        quote!(__serializer.serialize_str(<Self as #krate::GraphEnum>::as_str(self))),
        quote!(#private::deserialize_enum(__deserializer)),
    );
    let impls = quote! {
        #flags

        #[automatically_derived]
        impl #krate::GraphEnum for #ident {
            const NAME: &'static ::core::primitive::str = #graph_name;
            const MEMBERS: &'static [&'static ::core::primitive::str] = #names;

            // Inlined where members are read (the JSON visitor, `FromStr`):
            // the value then skips a copy through memory, which was about a
            // tenth of reading a member from JSON.
            #[inline]
            fn from_wire(__name: &::core::primitive::str) -> ::core::option::Option<Self> {
                #from_wire
            }

            fn as_str(&self) -> &::core::primitive::str {
                #as_str
            }
        }

        impl #ident {
            /// The member's name as Graph writes it.
            pub fn as_str(&self) -> &::core::primitive::str {
                <Self as #krate::GraphEnum>::as_str(self)
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                __f.write_str(<Self as #krate::GraphEnum>::as_str(self))
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for #ident {
            type Err = #krate::GraphError;

            fn from_str(__text: &::core::primitive::str) -> ::core::result::Result<Self, Self::Err> {
                #private::parse_enum(__text)
            }
        }

        #serde_impls
    };
    let impls = expansion::wrap_impls(item, impls);
    let gated_errors = &graph_enum.gated_errors;

    quote! {
        #item
        #impls
        #gated_errors
    }
}
