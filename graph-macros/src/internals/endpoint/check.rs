//! An endpoint as written ([`RawEndpoint`]) into the model generation trusts
//! ([`Endpoint`]): the values' meaning, the keys together, and the Rust
//! fields the path's parameters become.

use proc_macro2::Span;
use syn::{Ident, LitInt, LitStr};

use super::body::{self, InlineBody};
use super::keyword::{closest, listed, Key, Method};
use super::parameters;
use super::parse::{BodyDecl, MethodWord, RawEndpoint};
use super::path::{self, ParamKind, PathTemplate};
use super::{Endpoint, Param};
use crate::internals::types::is_unit;
use crate::internals::{to_snake, Ctxt};

/// Checks everything that reading alone does not, reporting every problem.
/// `None` when the endpoint has problems that leave its struct unknown.
pub fn endpoint(cx: &mut Ctxt, raw: RawEndpoint) -> Option<Endpoint> {
    let method = raw.method.as_ref().and_then(|word| method(cx, word));
    let status = raw.status.as_ref().and_then(|lit| success_status(cx, lit));
    report_missing_keys(cx, &raw);
    if let (Some(method), Some((key, _))) = (method, &raw.body) {
        if !method.has_body() {
            let with_body = Method::ALL.iter().filter(|method| method.has_body());
            cx.error_spanned_by(
                key,
                format!(
                    "a {} request has no body; remove `body`, or use {}",
                    method.as_str(),
                    listed(with_body.map(|method| method.as_str()), "or")
                ),
            );
        }
    }
    let params = raw.path.as_ref().and_then(|lit| {
        let template = path::parse(cx, lit);
        let mut params = param_fields(cx, lit, &template, raw.body.is_some());
        // Matching declared types with the path's parameters needs both
        // read: otherwise each side would be reported missing from the other.
        let parameters_read = raw.parameters.is_some() || !raw.keys.contains(&Key::Parameters);
        let typed = match &mut params {
            Some(params) if template.params_known && parameters_read => {
                parameters::assign_types(cx, lit, params, raw.parameters.as_ref())
            }
            _ => false,
        };
        params.filter(|_| template.params_known && typed)
    });

    let (body, inline_body) = match raw.body {
        None => (None, None),
        Some((_, BodyDecl::Type(ty))) => (Some(*ty), None),
        Some((_, BodyDecl::Inline { braces, fields })) => {
            let inline: InlineBody = body::check(cx, &raw.ident, braces, fields)?;
            (Some(inline.ty()), Some(inline))
        }
    };

    let (true, Some(path), Some(params)) = (raw.shape_known, raw.path, params) else {
        return None;
    };
    let method = match method {
        Some(method) => method,
        // The missing or invalid method has been reported, so the build
        // fails anyway: any method will do for the struct. Asking `cx`
        // keeps a GET from ever being generated silently.
        None if cx.has_errors() => Method::Get,
        None => return None,
    };
    // `response: ()` says "no content", as leaving `response` out does: a
    // 2xx body is then ignored (a 204 has none, and `()` reads no JSON at
    // all), and the default status is the one without content.
    let response = raw.response.filter(|ty| !is_unit(ty));
    let status = status.unwrap_or_else(|| method.default_status(response.is_some()));
    Some(Endpoint {
        attrs: raw.attrs,
        vis: raw.vis,
        ident: raw.ident,
        method,
        path,
        params,
        body,
        inline_body,
        response,
        status,
    })
}

/// The method `word` names, or `None` after saying what to write instead.
fn method(cx: &mut Ctxt, word: &MethodWord) -> Option<Method> {
    let ident = match word {
        MethodWord::Ident(ident) => ident,
        MethodWord::Quoted(lit) => {
            cx.error_spanned_by(
                lit,
                format!("write the method without quotes: `method: {}`", lit.value()),
            );
            return None;
        }
    };
    let text = ident.to_string();
    if let Some(method) = Method::from_word(&text) {
        return Some(method);
    }
    let upper = text.to_ascii_uppercase();
    let message = if Method::from_word(&upper).is_some() {
        format!("write the method in upper case: `{upper}`")
    } else if let Some(close) = closest(&upper, Method::words()) {
        format!("unknown method `{text}`; did you mean `{close}`?")
    } else {
        format!(
            "unknown method `{text}`; expected {}",
            listed(Method::words(), "or")
        )
    };
    cx.error_spanned_by(ident, message);
    None
}

/// `status` is the status of success; anything else is an error response,
/// which `Endpoint::parse_response` reports as such.
fn success_status(cx: &mut Ctxt, lit: &LitInt) -> Option<u16> {
    match lit.base10_parse::<u16>() {
        Ok(code) if (200..=299).contains(&code) => Some(code),
        _ => {
            cx.error_spanned_by(
                lit,
                "`status` is the status of success, from 200 to 299, such as `status: 202`",
            );
            None
        }
    }
}

/// `method` and `path` are required; the others have defaults.
fn report_missing_keys(cx: &mut Ctxt, raw: &RawEndpoint) {
    let name = &raw.ident;
    let has_method = raw.keys.contains(&Key::Method);
    let has_path = raw.keys.contains(&Key::Path);
    let message = match (has_method, has_path) {
        (true, true) => return,
        (false, false) => format!(
            "endpoint `{name}` needs a `method` and a `path`, such as \
             `method: GET, path: \"/users/{{userId}}\",`"
        ),
        (false, true) => {
            let others: Vec<&str> = Method::ALL
                .iter()
                .filter(|method| **method != Method::Get)
                .map(|method| method.as_str())
                .collect();
            format!(
                "endpoint `{name}` needs a `method`: add `method: GET,` (or {})",
                others.join(", ")
            )
        }
        (true, false) => {
            format!("endpoint `{name}` needs a `path`, such as `path: \"/users/{{userId}}\",`")
        }
    };
    cx.error_spanned_by(name, message);
}

/// The struct fields of the template's parameters, which must be unique and
/// valid Rust fields; `None` after reporting when one is not.
fn param_fields(
    cx: &mut Ctxt,
    lit: &LitStr,
    template: &PathTemplate,
    has_body: bool,
) -> Option<Vec<Param>> {
    let parameters: Vec<(&str, ParamKind)> = template.parameters().collect();
    let names: Vec<&str> = parameters.iter().map(|(name, _)| *name).collect();
    let mut params = Vec::with_capacity(names.len());
    let mut all_valid = true;
    let mut problem = |message: String| {
        cx.error_spanned_by(lit, message);
        all_valid = false;
    };
    for (index, (name, kind)) in parameters.iter().copied().enumerate() {
        let earlier = &names[..index];
        let field = to_snake(name);
        if earlier.contains(&name) {
            problem(format!(
                "the parameter `{{{name}}}` appears twice; give each parameter its own name, \
                 such as `{{groupId}}` and `{{memberId}}`"
            ));
        } else if let Some(other) = earlier.iter().find(|other| to_snake(other) == field) {
            problem(format!(
                "the parameters `{{{other}}}` and `{{{name}}}` would both be the field \
                 `{field}`; rename one of them"
            ));
        }
        if has_body && field == "body" {
            problem(format!(
                "the parameter `{{{name}}}` would be a field named `body`, like the request \
                 body; rename it, such as `{{{name}Id}}`"
            ));
        }
        match field_ident(&field, lit.span()) {
            Some(field) => params.push(Param {
                name: name.to_owned(),
                field,
                kind,
                ty: None,
            }),
            None if field.starts_with(|c: char| c.is_ascii_digit()) => problem(format!(
                "the parameter `{{{name}}}` would be the field `{field}`, which starts with a \
                 digit; rename it"
            )),
            None => problem(format!(
                "the parameter `{{{name}}}` cannot be a Rust field (`{field}`); rename it"
            )),
        }
    }
    all_valid.then_some(params)
}

/// The field named `field`, raw (`r#type`) when it is a keyword; `None` when
/// no field can have that name.
fn field_ident(field: &str, span: Span) -> Option<Ident> {
    let valid = !field.is_empty()
        && !field.starts_with(|c: char| c.is_ascii_digit())
        && field.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !matches!(field, "self" | "super" | "crate" | "_" | "Self");
    if !valid {
        return None;
    }
    // Resolve like the rest of the generated code, but point at the path.
    let span = Span::call_site().located_at(span);
    Some(
        if syn::parse_str::<Ident>(field).is_ok() && !is_reserved(field) {
            Ident::new(field, span)
        } else {
            Ident::new_raw(field, span)
        },
    )
}

/// Keywords of newer editions that `syn` still accepts as identifiers.
fn is_reserved(field: &str) -> bool {
    matches!(field, "gen" | "async" | "await" | "dyn" | "try")
}
