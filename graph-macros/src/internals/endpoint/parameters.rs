//! `parameters: { period: String, date: graph_core::Date }`: the Rust types
//! of the function parameters written in the path
//! (`getEmailActivityUserDetail(period={period})`), read, then matched with
//! the path's parameters, each way round.

use std::fmt::Display;

use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::{Ident, LitStr, Token, Type};

use super::keyword::closest;
use super::parse::{braces, read_with};
use super::{Param, ParamKind};
use crate::internals::Ctxt;

/// The `{ name: Type, ... }` after `parameters:`; `None` after reporting
/// when it cannot be read.
pub fn read(
    cx: &mut Ctxt,
    input: ParseStream,
    expected: impl Display,
) -> Option<Vec<(Ident, Type)>> {
    let content = read_with(cx, input, braces, expected)?;
    let mut declared = Vec::new();
    while !content.is_empty() {
        match entry(&content) {
            Ok(entry) => declared.push(entry),
            Err(error) => {
                cx.error_at(
                    error.span(),
                    "expected a function parameter and its type, such as `period: String`",
                );
                return None;
            }
        }
    }
    Some(declared)
}

fn entry(input: ParseStream) -> syn::Result<(Ident, Type)> {
    let name = Ident::parse_any(input)?;
    input.parse::<Token![:]>()?;
    let ty = input.parse::<Type>()?;
    if !input.is_empty() {
        input.parse::<Token![,]>()?;
    }
    Ok((name, ty))
}

/// Gives each function parameter of `params` its declared type, reporting
/// every parameter without a type and every type without a parameter;
/// `false` when any is missing.
pub fn assign_types(
    cx: &mut Ctxt,
    lit: &LitStr,
    params: &mut [Param],
    parameters: Option<&(Ident, Vec<(Ident, Type)>)>,
) -> bool {
    let declared: &[(Ident, Type)] = parameters.map_or(&[], |(_, list)| list);
    let mut all_typed = true;
    for (index, (name, _)) in declared.iter().enumerate() {
        let text = name.unraw().to_string();
        if declared[..index]
            .iter()
            .any(|(other, _)| other.unraw() == text)
        {
            cx.error_spanned_by(
                name,
                format!("`{text}` is declared twice; keep one `{text}: Type`"),
            );
            all_typed = false;
        }
    }
    let field_of = |param: &Param| param.field.unraw().to_string();
    for param in params.iter_mut() {
        if param.kind != ParamKind::Function {
            continue;
        }
        let field = field_of(param);
        match declared.iter().find(|(name, _)| name.unraw() == field) {
            Some((_, ty)) => param.ty = Some(ty.clone()),
            None => {
                all_typed = false;
                let name = &param.name;
                let wrong_case = declared
                    .iter()
                    .find(|(declared, _)| declared.unraw() == name.as_str());
                let message = match (parameters, wrong_case) {
                    (_, Some((declared, _))) => {
                        cx.error_spanned_by(
                            declared,
                            format!(
                                "write `{field}`: the function parameter `{{{name}}}` is the \
                                 field `{field}`, in snake_case"
                            ),
                        );
                        continue;
                    }
                    (None, _) => format!(
                        "the function parameter `{{{name}}}` needs a type; add \
                         `parameters: {{ {field}: String }}` (or its Edm type, such as \
                         `graph_core::Date`) after `path`"
                    ),
                    (Some(_), None) => format!(
                        "the function parameter `{{{name}}}` needs a type; add `{field}: String` \
                         (or its Edm type, such as `graph_core::Date`) to `parameters`"
                    ),
                };
                cx.error_spanned_by(lit, message);
            }
        }
    }
    for (name, _) in declared {
        let text = name.unraw().to_string();
        let matched = params.iter().find(|param| field_of(param) == text);
        match matched {
            Some(param) if param.kind == ParamKind::Function => {}
            Some(param) => {
                all_typed = false;
                cx.error_spanned_by(
                    name,
                    format!(
                        "`{{{}}}` is a path parameter, which is always a `String`; remove \
                         `{text}` from `parameters` (only the parameters between a function's \
                         parentheses are typed)",
                        param.name
                    ),
                );
            }
            None if params
                .iter()
                .any(|param| param.kind == ParamKind::Function && param.name == text) => {}
            None => {
                all_typed = false;
                let functions: Vec<String> = params
                    .iter()
                    .filter(|param| param.kind == ParamKind::Function)
                    .map(field_of)
                    .collect();
                let close = closest(&text, functions.iter().map(String::as_str));
                let hint = match close {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => {
                        let camel = crate::internals::to_lower_camel(&text);
                        format!(
                            "write it in the path, such as `function({camel}={{{camel}}})`, or \
                             remove it"
                        )
                    }
                };
                cx.error_spanned_by(
                    name,
                    format!("`{text}` is not a function parameter of the path; {hint}"),
                );
            }
        }
    }
    all_typed
}
