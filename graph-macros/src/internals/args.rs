//! The arguments of `#[graph_entity(...)]` and `#[graph_enum(...)]`: an
//! optional Graph name as a string, then `key = "value"` options.

use proc_macro2::TokenStream;
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{Ident, LitStr, Token};

use super::Ctxt;

pub struct MacroArgs {
    /// The Graph name: `"managedDeviceMobileAppConfigurationUserStatus"`.
    pub graph_name: Option<LitStr>,
    /// Recognised `key = "value"` options, in the order written.
    pub options: Vec<(Ident, LitStr)>,
    /// Bare options, such as `flags`, in the order written.
    pub words: Vec<Ident>,
    /// Parsing stopped at an error already reported, so what is missing may
    /// just not have been reached.
    pub incomplete: bool,
}

/// Which options a macro takes.
pub struct Accepted<'a> {
    /// `key = "value"` options.
    pub keys: &'a [&'a str],
    /// Bare options, such as `flags`.
    pub words: &'a [&'a str],
    /// Keys a sibling macro takes and this one refuses, with the reason.
    pub refused: &'a [(&'a str, &'a str)],
}

/// Parses the arguments of `#[macro_name(...)]`. Every problem is reported to
/// `cx`; what could be read is returned.
pub fn parse(cx: &mut Ctxt, args: TokenStream, macro_name: &str, accepted: &Accepted) -> MacroArgs {
    let mut parsed = MacroArgs {
        graph_name: None,
        options: Vec::new(),
        words: Vec::new(),
        incomplete: false,
    };
    let parser = |input: ParseStream| {
        while !input.is_empty() {
            if let Err(error) = parse_one(cx, input, &mut parsed, macro_name, accepted) {
                // Report it and go on after the next comma, so that every
                // problem in the arguments is reported in one compile.
                cx.syn_error(error);
                parsed.incomplete = true;
                while !input.is_empty() && !input.peek(Token![,]) {
                    input.parse::<proc_macro2::TokenTree>()?;
                }
            }
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(())
    };
    if let Err(error) = parser.parse2(args) {
        cx.syn_error(error);
        parsed.incomplete = true;
    }
    parsed
}

fn parse_one(
    cx: &mut Ctxt,
    input: ParseStream,
    parsed: &mut MacroArgs,
    macro_name: &str,
    accepted: &Accepted,
) -> syn::Result<()> {
    let Accepted {
        keys,
        words,
        refused,
    } = accepted;
    let expected_keys = words
        .iter()
        .map(|word| format!("`{word}`"))
        .chain(keys.iter().map(|key| format!("`{key} = \"...\"`")))
        .collect::<Vec<_>>()
        .join(" or ");
    if input.peek(LitStr) {
        let name: LitStr = input.parse()?;
        if parsed.graph_name.is_some() || !parsed.options.is_empty() {
            cx.error_spanned_by(
                &name,
                format!("the Graph name comes once, first: #[{macro_name}(\"name\", ...)]"),
            );
        } else {
            parsed.graph_name = Some(name);
        }
        return Ok(());
    }
    if input.peek(Ident::peek_any) && input.peek2(Token![=]) {
        let key = input.call(Ident::parse_any)?;
        input.parse::<Token![=]>()?;
        let value: LitStr = input.parse().map_err(|error| {
            syn::Error::new(error.span(), format!("expected a string: {key} = \"...\""))
        })?;
        if let Some((_, reason)) = refused.iter().find(|(refused, _)| key == refused) {
            cx.error_spanned_by(&key, format!("`{key}` {reason}; remove it"));
        } else if !keys.iter().any(|known| key == known) {
            cx.error_spanned_by(
                &key,
                format!("unknown option `{key}`; expected {expected_keys}"),
            );
        } else if parsed.options.iter().any(|(seen, _)| *seen == key) {
            cx.error_spanned_by(&key, format!("`{key}` is given twice"));
        } else {
            parsed.options.push((key, value));
        }
        return Ok(());
    }
    if input.peek(Ident::peek_any) {
        let ident = input.call(Ident::parse_any)?;
        if words.iter().any(|word| ident == word) {
            if parsed.words.contains(&ident) {
                cx.error_spanned_by(&ident, format!("`{ident}` is given twice"));
            } else {
                parsed.words.push(ident);
            }
            return Ok(());
        }
        if parsed.graph_name.is_some() || !parsed.options.is_empty() || !parsed.words.is_empty() {
            return Err(syn::Error::new(
                ident.span(),
                format!("unknown option `{ident}`; expected {expected_keys}"),
            ));
        }
        return Err(syn::Error::new(
            ident.span(),
            format!(
                "expected the Graph name as a string: #[{macro_name}(\"{}\")]",
                super::member_name(&ident.to_string())
            ),
        ));
    }
    Err(input.error(format!(
        "expected the Graph name as a string, e.g. #[{macro_name}(\"user\")], or {expected_keys}"
    )))
}

impl MacroArgs {
    pub fn option(&self, key: &str) -> Option<&LitStr> {
        self.options
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }

    /// `crate = "path"`: where generated code finds graph-core (`::graph_core`
    /// unless renamed or re-exported).
    pub fn crate_path(&self, cx: &mut Ctxt) -> syn::Path {
        match self.option("crate") {
            Some(lit) => lit.parse().unwrap_or_else(|_| {
                cx.error_spanned_by(
                    lit,
                    "expected a path to graph-core: crate = \"my_crate::graph_core\"",
                );
                syn::parse_quote!(::graph_core)
            }),
            None => syn::parse_quote!(::graph_core),
        }
    }
}
