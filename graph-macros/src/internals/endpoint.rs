//! `graph_endpoint!`: parsing the invocation and checking each endpoint into
//! a model that generation can trust (a valid path, known method, ...).
//!
//! Each endpoint is parsed and checked on its own, collecting all of its
//! problems, so one bad endpoint neither hides the problems of another nor
//! stops the others from being generated. An endpoint with problems is still
//! modelled (and generated, next to its errors) when the problems do not
//! change the struct it becomes, so its uses elsewhere in the crate, and
//! rust-analyzer, keep working while, say, a path is being fixed.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{braced, Attribute, Ident, LitInt, LitStr, Token, Type, Visibility};

use super::{to_lower_camel, to_snake, Ctxt};

/// A whole `graph_endpoint! { ... }` invocation.
pub struct Invocation {
    /// `crate = "path";`: where generated code finds graph-core.
    pub krate: Option<syn::Path>,
    /// The endpoints to generate: those that passed every check, and those
    /// whose problems do not change their struct (the build fails anyway).
    pub endpoints: Vec<Endpoint>,
    /// Every problem found, as `compile_error!`s.
    pub errors: TokenStream,
}

/// One checked endpoint.
pub struct Endpoint {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub method: Method,
    /// The path as written (a string literal), kept for `PATH_TEMPLATE`.
    pub path: LitStr,
    /// The path parameters in path order.
    pub params: Vec<Param>,
    pub body: Option<Type>,
    /// `None` for no content: `response` left out or written `()`.
    pub response: Option<Type>,
    pub status: u16,
}

/// A `{name}` segment of the path.
pub struct Param {
    /// The name as written in the path (`managedDeviceMobileAppConfigurationId`).
    pub name: String,
    /// The struct field (`managed_device_mobile_app_configuration_id`).
    pub field: Ident,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Patch,
    Put,
    Delete,
}

impl Method {
    const ALL: [(&'static str, Method); 5] = [
        ("GET", Method::Get),
        ("POST", Method::Post),
        ("PATCH", Method::Patch),
        ("PUT", Method::Put),
        ("DELETE", Method::Delete),
    ];

    /// The name of the `http::Method` constant.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }

    /// The status Graph documents for success when `status` is not given.
    fn default_status(self, has_response: bool) -> u16 {
        match (self, has_response) {
            (Method::Get, _) => 200,
            (Method::Post, true) => 201,
            (Method::Patch | Method::Put, true) => 200,
            (Method::Post | Method::Patch | Method::Put, false) | (Method::Delete, _) => 204,
        }
    }
}

const KEYS: [&str; 5] = ["method", "path", "body", "response", "status"];

/// Parses and checks an invocation. Never fails: problems end up in
/// `errors`, and the endpoints that have none are still returned.
pub fn parse(input: TokenStream) -> Invocation {
    let mut invocation = Invocation {
        krate: None,
        endpoints: Vec::new(),
        errors: TokenStream::new(),
    };
    let parser = |input: ParseStream| -> syn::Result<()> {
        parse_invocation(input, &mut invocation);
        Ok(())
    };
    // `parse_invocation` reports its own errors; the closure never fails.
    let _ = parser.parse2(input);
    invocation
}

fn parse_invocation(input: ParseStream, invocation: &mut Invocation) {
    if input.is_empty() {
        invocation.errors.extend(
            syn::Error::new(
                Span::call_site(),
                "no endpoint declared; write one such as \
                 `pub GetUser { method: GET, path: \"/users/{userId}\", response: User }`",
            )
            .to_compile_error(),
        );
        return;
    }
    if input.peek(Token![crate]) {
        match parse_crate_path(input) {
            Ok(path) => invocation.krate = Some(path),
            Err(error) => {
                invocation.errors.extend(error.to_compile_error());
                return;
            }
        }
    }
    while !input.is_empty() {
        let mut ctxt = Ctxt::new();
        match parse_endpoint(input, &mut ctxt) {
            Ok(raw) => {
                invocation.endpoints.extend(check(raw, &mut ctxt));
                invocation.errors.extend(ctxt.into_compile_errors());
            }
            Err(error) => {
                // The endpoints' boundaries are lost: report and stop.
                invocation.errors.extend(ctxt.into_compile_errors());
                invocation.errors.extend(error.to_compile_error());
                return;
            }
        }
    }
}

/// `crate = "path";`
fn parse_crate_path(input: ParseStream) -> syn::Result<syn::Path> {
    input.parse::<Token![crate]>()?;
    input.parse::<Token![=]>()?;
    let lit: LitStr = input.parse()?;
    input.parse::<Token![;]>()?;
    lit.parse::<syn::Path>().map_err(|_| {
        syn::Error::new(
            lit.span(),
            "expected the path of the graph-core crate, such as `crate = \"::my_sdk::graph_core\";`",
        )
    })
}

/// An endpoint as written, before checking.
struct RawEndpoint {
    attrs: Vec<Attribute>,
    vis: Visibility,
    ident: Ident,
    method: Option<(Ident, Method)>,
    path: Option<LitStr>,
    body: Option<(Ident, Type)>,
    response: Option<Type>,
    status: Option<(LitInt, u16)>,
    /// The keys written, even those whose value is wrong: a key with a bad
    /// value is not also reported missing.
    keys: Vec<String>,
    /// Whether the struct's shape (fields, `new`'s arguments, types) is
    /// known despite any problem, so that it can still be generated.
    shape_known: bool,
}

/// `#[attrs] vis Name { key: value, ... }`. Problems inside the braces are
/// reported in `ctxt`; an `Err` means the invocation itself is malformed.
fn parse_endpoint(input: ParseStream, ctxt: &mut Ctxt) -> syn::Result<RawEndpoint> {
    let attrs = Attribute::parse_outer(input)?;
    let vis: Visibility = input.parse()?;
    if input.peek(Token![struct]) {
        return Err(input.error(
            "remove `struct`: an endpoint is written `pub Name { method: ..., path: \"...\" }`",
        ));
    }
    let ident: Ident = input.parse().map_err(|error| {
        syn::Error::new(
            error.span(),
            "expected the name of an endpoint, such as `pub CreateUserStatus { method: POST, ... }`",
        )
    })?;
    if !input.peek(syn::token::Brace) {
        return Err(input.error(format!(
            "expected `{{` after `{ident}`: an endpoint is written \
             `{ident} {{ method: ..., path: \"...\", ... }}` (generic endpoints are not supported)"
        )));
    }
    let content;
    braced!(content in input);
    let mut raw = RawEndpoint {
        attrs,
        vis,
        ident,
        method: None,
        path: None,
        body: None,
        response: None,
        status: None,
        keys: Vec::new(),
        shape_known: true,
    };
    while !content.is_empty() {
        let keys_before = raw.keys.len();
        if let Err(error) = parse_entry(&content, &mut raw, ctxt) {
            ctxt.syn_error(error);
            // A bad `method` or `status` leaves the struct as it is; a bad
            // key, path, body or response type does not.
            let key = raw.keys.get(keys_before).map(String::as_str);
            if !matches!(key, Some("method" | "status")) {
                raw.shape_known = false;
            }
            skip_past_comma(&content);
        }
    }
    Ok(raw)
}

/// One `key: value` and the `,` after it.
fn parse_entry(input: ParseStream, raw: &mut RawEndpoint, ctxt: &mut Ctxt) -> syn::Result<()> {
    let key = Ident::parse_any(input).map_err(|error| {
        syn::Error::new(
            error.span(),
            "expected a key: `method`, `path`, `body`, `response` or `status`",
        )
    })?;
    let name = key.to_string();
    raw.keys.push(name.clone());
    if !input.peek(Token![:]) {
        return Err(input.error(format!("expected `:` after `{name}`")));
    }
    input.parse::<Token![:]>()?;
    let duplicate = match name.as_str() {
        "method" => {
            let method = parse_method(input, ctxt)?;
            let duplicate = raw.method.is_some();
            if let (false, Some(method)) = (duplicate, method) {
                raw.method = Some((key.clone(), method));
            }
            duplicate
        }
        "path" => {
            let lit = input.parse::<LitStr>().map_err(|error| {
                syn::Error::new(
                    error.span(),
                    "expected the path as a string literal, such as `path: \"/users/{userId}\"`",
                )
            })?;
            replace(&mut raw.path, lit)
        }
        "body" => {
            let ty = parse_type(
                input,
                "body",
                "ManagedDeviceMobileAppConfigurationUserStatus",
            )?;
            replace(&mut raw.body, (key.clone(), ty))
        }
        "response" => {
            let ty = parse_type(input, "response", "User")?;
            replace(&mut raw.response, ty)
        }
        "status" => {
            let lit = input.parse::<LitInt>().map_err(|error| {
                syn::Error::new(
                    error.span(),
                    "expected the HTTP status of success as an integer, such as `status: 202`",
                )
            })?;
            match lit.base10_parse::<u16>() {
                // `status` is the status of success; anything else is an error
                // response, which parse_response reports as such.
                Ok(code) if (200..=299).contains(&code) => replace(&mut raw.status, (lit, code)),
                _ => {
                    ctxt.error_spanned_by(
                        &lit,
                        "`status` is the status of success, from 200 to 299, such as `status: 202`",
                    );
                    raw.status.is_some()
                }
            }
        }
        _ => {
            let hint = match closest(&name.to_ascii_lowercase(), KEYS) {
                Some(key) => format!("did you mean `{key}`?"),
                None => "expected `method`, `path`, `body`, `response` or `status`".to_owned(),
            };
            ctxt.error_spanned_by(&key, format!("unknown key `{name}`; {hint}"));
            // Most likely a misspelled `body` or `response`.
            raw.shape_known = false;
            skip_value(input);
            false
        }
    };
    if duplicate {
        ctxt.error_spanned_by(
            &key,
            format!("`{name}` is given twice; keep one `{name}: ...`"),
        );
    }
    if input.peek(Token![,]) {
        input.parse::<Token![,]>()?;
    } else if !input.is_empty() {
        // Report the missing comma but keep going: what follows is most
        // likely the next `key: value`.
        ctxt.syn_error(input.error(format!("expected `,` after the value of `{name}`")));
    }
    Ok(())
}

/// Stores `value` unless one is already there; tells whether it was.
fn replace<T>(slot: &mut Option<T>, value: T) -> bool {
    if slot.is_some() {
        return true;
    }
    *slot = Some(value);
    false
}

fn parse_method(input: ParseStream, ctxt: &mut Ctxt) -> syn::Result<Option<Method>> {
    if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        ctxt.error_spanned_by(
            &lit,
            format!("write the method without quotes: `method: {}`", lit.value()),
        );
        return Ok(None);
    }
    let ident = Ident::parse_any(input).map_err(|error| {
        syn::Error::new(
            error.span(),
            "expected an HTTP method: GET, POST, PATCH, PUT or DELETE",
        )
    })?;
    let text = ident.to_string();
    if let Some((_, method)) = Method::ALL.iter().find(|(name, _)| *name == text) {
        return Ok(Some(*method));
    }
    let upper = text.to_ascii_uppercase();
    let message = if Method::ALL.iter().any(|(name, _)| *name == upper) {
        format!("write the method in upper case: `{upper}`")
    } else if let Some(close) = closest(&upper, Method::ALL.map(|(name, _)| name)) {
        format!("unknown method `{text}`; did you mean `{close}`?")
    } else {
        format!("unknown method `{text}`; expected GET, POST, PATCH, PUT or DELETE")
    };
    ctxt.error_spanned_by(&ident, message);
    Ok(None)
}

fn parse_type(input: ParseStream, key: &str, example: &str) -> syn::Result<Type> {
    input.parse::<Type>().map_err(|error| {
        syn::Error::new(
            error.span(),
            format!("expected the {key} type, such as `{key}: {example}`"),
        )
    })
}

/// Skips the value of an unknown key: everything up to the next `,` that is
/// not inside a group (`<...>` is not a group, so `HashMap<K, V>` may leave
/// a stray error behind; that is fine for a key that is wrong anyway).
fn skip_value(input: ParseStream) {
    let _ = input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tree, next)) = rest.token_tree() {
            if matches!(&tree, TokenTree::Punct(punct) if punct.as_char() == ',') {
                return Ok(((), rest));
            }
            rest = next;
        }
        Ok(((), rest))
    });
}

/// After a syntax error: skips to just past the next top-level `,`.
fn skip_past_comma(input: ParseStream) {
    skip_value(input);
    let _ = input.parse::<Option<Token![,]>>();
}

/// The word a misspelling most likely meant, if any is close.
fn closest<const N: usize>(word: &str, words: [&'static str; N]) -> Option<&'static str> {
    words
        .into_iter()
        .map(|candidate| (edit_distance(word, candidate), candidate))
        .filter(|(distance, candidate)| *distance <= candidate.len() / 3 + 1)
        .min()
        .map(|(_, candidate)| candidate)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitute.min(previous + 1).min(row[j] + 1);
        }
    }
    row[b.len()]
}

/// Checks everything that parsing alone does not, reporting every problem.
/// `None` when the endpoint has problems that leave its struct unknown.
fn check(raw: RawEndpoint, ctxt: &mut Ctxt) -> Option<Endpoint> {
    let name = &raw.ident;
    let has_method = raw.keys.iter().any(|key| key == "method");
    let has_path = raw.keys.iter().any(|key| key == "path");
    if !has_method && !has_path {
        ctxt.error_spanned_by(
            name,
            format!(
                "endpoint `{name}` needs a `method` and a `path`, such as \
                 `method: GET, path: \"/users/{{userId}}\",`"
            ),
        );
    } else if !has_method {
        ctxt.error_spanned_by(
            name,
            format!("endpoint `{name}` needs a `method`: add `method: GET,` (or POST, PATCH, PUT, DELETE)"),
        );
    } else if !has_path {
        ctxt.error_spanned_by(
            name,
            format!("endpoint `{name}` needs a `path`, such as `path: \"/users/{{userId}}\",`"),
        );
    }
    if let (Some((_, method)), Some((key, _))) = (&raw.method, &raw.body) {
        if matches!(method, Method::Get | Method::Delete) {
            ctxt.error_spanned_by(
                key,
                format!(
                    "a {} request has no body; remove `body`, or use POST, PATCH or PUT",
                    method.as_str()
                ),
            );
        }
    }
    let (params, params_known) = match &raw.path {
        Some(path) => check_path(path, raw.body.is_some(), ctxt),
        None => (Vec::new(), false),
    };
    if !(raw.shape_known && params_known) {
        return None;
    }
    let path = raw.path?;
    let method = match raw.method {
        Some((_, method)) => method,
        // The missing or invalid method has been reported, so the build
        // fails anyway: any method will do for the struct. Never generate a
        // GET silently, though.
        None if ctxt.has_errors() => Method::Get,
        None => return None,
    };
    // `response: ()` says "no content", as leaving `response` out does: a
    // 2xx body is then ignored (a 204 has none, and `()` reads no JSON at
    // all), and the default status is the one without content.
    let response = raw.response.filter(|ty| !is_unit(ty));
    let status = match raw.status {
        Some((_, status)) => status,
        None => method.default_status(response.is_some()),
    };
    Some(Endpoint {
        attrs: raw.attrs,
        vis: raw.vis,
        ident: raw.ident,
        method,
        path,
        params,
        body: raw.body.map(|(_, ty)| ty),
        response,
        status,
    })
}

/// `()`, also in parentheses or in the invisible group of a `macro_rules!`
/// `$t:ty`.
fn is_unit(ty: &Type) -> bool {
    match ty {
        Type::Tuple(tuple) => tuple.elems.is_empty(),
        Type::Paren(paren) => is_unit(&paren.elem),
        Type::Group(group) => is_unit(&group.elem),
        _ => false,
    }
}

/// The system segments a path may contain, which are kept as written.
const SYSTEM_SEGMENTS: [&str; 3] = ["$ref", "$value", "$count"];

/// OData query options, which belong in a query string, not a path.
const QUERY_OPTIONS: [&str; 11] = [
    "$select",
    "$expand",
    "$filter",
    "$orderby",
    "$top",
    "$skip",
    "$search",
    "$format",
    "$skiptoken",
    "$deltatoken",
    "$levels",
];

/// Checks the path template and returns its parameters, and whether they
/// are known for sure (no problem with braces or names).
fn check_path(lit: &LitStr, has_body: bool, ctxt: &mut Ctxt) -> (Vec<Param>, bool) {
    let text = lit.value();
    let mut problems = Vec::new();
    let mut params: Vec<String> = Vec::new();

    if text.is_empty() {
        ctxt.error_spanned_by(
            lit,
            "the path is empty; write the path after the service root, such as \"/users/{userId}\"",
        );
        return (Vec::new(), false);
    }
    let mut path = text.as_str();
    if let Some(at) = path.find(['?', '#']) {
        let (kept, dropped) = path.split_at(at);
        problems.push(if dropped.starts_with('?') {
            format!(
                "the path cannot have a query string; remove `{dropped}` \
                 (query options are not part of an endpoint's path)"
            )
        } else {
            format!("the path cannot have a fragment; remove `{dropped}` (it is never sent to the server)")
        });
        path = kept;
    }
    let relative = match path.strip_prefix('/') {
        Some(relative) => relative,
        None => {
            problems.push(format!(
                "the path must start with `/`, relative to the service root: write \"/{path}\""
            ));
            path
        }
    };

    let balanced = check_braces(relative, &mut problems);
    let mut params_known = balanced;
    let segments: Vec<&str> = relative.split('/').collect();
    let last = segments.len() - 1;
    let mut reported_empty = false;
    for (index, segment) in segments.iter().enumerate() {
        if segment.is_empty() {
            if index == last {
                if relative.is_empty() {
                    problems.push(
                        "the path has no segment; write the path after the service root, \
                         such as \"/users/{userId}\""
                            .to_owned(),
                    );
                } else {
                    problems.push("the path cannot end with `/`; remove the last `/`".to_owned());
                }
            } else if !reported_empty {
                reported_empty = true;
                problems
                    .push("the path has an empty segment (`//`); remove the extra `/`".to_owned());
            }
        } else if segment.contains(['{', '}']) {
            if balanced {
                params_known &= check_param_segment(segment, &mut params, &mut problems);
            }
        } else {
            check_literal_segment(segment, index == last, &mut problems);
        }
    }

    let before = problems.len();
    check_param_names(&params, has_body, &mut problems);
    params_known &= problems.len() == before;
    for problem in problems {
        ctxt.error_spanned_by(lit, problem);
    }
    let params: Vec<Param> = params
        .into_iter()
        .filter_map(|name| {
            let field = field_ident(&name, lit.span())?;
            Some(Param { name, field })
        })
        .collect();
    (params, params_known)
}

/// Reports `{` and `}` that do not pair up within a segment. Returns whether
/// they all do.
fn check_braces(path: &str, problems: &mut Vec<String>) -> bool {
    let before = problems.len();
    let mut open: Option<usize> = None;
    for (at, c) in path.char_indices() {
        match (c, open) {
            ('{', Some(_)) => {
                problems.push(
                    "`{` inside a parameter; write parameters as `{name}` (`{{` is not an escape)"
                        .to_owned(),
                );
                return false;
            }
            ('{', None) => open = Some(at),
            ('}', None) => {
                problems
                    .push("`}` without a `{` before it; write parameters as `{name}`".to_owned());
                break;
            }
            ('}', Some(_)) => open = None,
            ('/', Some(start)) => {
                problems.push(format!(
                    "`{}` is not closed; write `{}}}`",
                    &path[start..at],
                    &path[start..at]
                ));
                open = None;
                break;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        problems.push(format!(
            "`{}` is not closed; write `{}}}`",
            &path[start..],
            &path[start..]
        ));
    }
    problems.len() == before
}

/// A segment with braces (balanced): it must be exactly `{name}`. Returns
/// whether it is.
fn check_param_segment(
    segment: &str,
    params: &mut Vec<String>,
    problems: &mut Vec<String>,
) -> bool {
    let inner = segment
        .strip_prefix('{')
        .and_then(|rest| rest.strip_suffix('}'))
        .filter(|inner| !inner.contains(['{', '}']));
    let Some(name) = inner else {
        problems.push(format!(
            "`{segment}` mixes text and parameters; a parameter must be a whole segment, \
             such as `/users/{{userId}}/` (implement `graph_core::Endpoint` by hand for \
             other paths)"
        ));
        return false;
    };
    if name.is_empty() {
        problems.push("`{}` has no name; name the parameter, such as `{userId}`".to_owned());
        false
    } else if !is_identifier(name) {
        let suggestion = to_lower_camel(
            &name
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect::<String>(),
        );
        let suggestion = if is_identifier(&suggestion) {
            format!("such as `{{{suggestion}}}`")
        } else {
            "such as `{userId}`".to_owned()
        };
        problems.push(format!(
            "`{{{name}}}` is not a valid parameter name; use letters, digits and `_`, \
             not starting with a digit, {suggestion}"
        ));
        false
    } else {
        params.push(name.to_owned());
        true
    }
}

/// An ASCII identifier: what a parameter name may be.
fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name.chars().any(|c| c.is_ascii_alphanumeric())
}

/// A segment without parameters: sent as written, so it must be valid in a
/// URL and mean what it says.
fn check_literal_segment(segment: &str, is_last: bool, problems: &mut Vec<String>) {
    if segment == "." || segment == ".." {
        problems.push(format!(
            "the path has a `{segment}` segment, which clients and proxies resolve away; remove it"
        ));
        return;
    }
    if let Some(option) = segment.strip_prefix('$') {
        let lower = segment.to_ascii_lowercase();
        if QUERY_OPTIONS.contains(&lower.as_str()) {
            problems.push(format!(
                "`{segment}` is a query option, not a path segment; an endpoint's path has no query"
            ));
            return;
        }
        if !SYSTEM_SEGMENTS.contains(&segment) {
            problems.push(format!(
                "`${option}` cannot be part of an endpoint path; of the `$` segments, only \
                 `$ref`, `$value` and `$count` are (as the last segment)"
            ));
            return;
        }
        if !is_last {
            problems.push(format!("`{segment}` must be the last segment of the path"));
        }
        return;
    }
    let bytes = segment.as_bytes();
    let mut at = 0;
    while at < segment.len() {
        let c = segment[at..].chars().next().unwrap_or_default();
        let is_pchar = c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@".contains(c);
        if c == '%' {
            let hex = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_hexdigit);
            if !(hex(at + 1) && hex(at + 2)) {
                problems.push(
                    "`%` must start a percent-encoded byte such as `%20`; write `%25` for `%` itself"
                        .to_owned(),
                );
                return;
            }
        } else if !is_pchar {
            let mut buffer = [0; 4];
            let encoded: String = c
                .encode_utf8(&mut buffer)
                .bytes()
                .map(|byte| format!("%{byte:02X}"))
                .collect();
            let shown = if c == ' ' {
                "a space".to_owned()
            } else if c.is_control() {
                format!("{c:?}")
            } else {
                format!("`{c}`")
            };
            problems.push(format!(
                "{shown} cannot appear as is in a URL path; percent-encode it as `{encoded}`"
            ));
            return;
        }
        at += c.len_utf8();
    }
}

/// Parameters must be unique, and so must the fields they become.
fn check_param_names(params: &[String], has_body: bool, problems: &mut Vec<String>) {
    for (index, name) in params.iter().enumerate() {
        let earlier = &params[..index];
        let field = to_snake(name);
        if earlier.contains(name) {
            problems.push(format!(
                "the parameter `{{{name}}}` appears twice; give each parameter its own name, \
                 such as `{{groupId}}` and `{{memberId}}`"
            ));
        } else if let Some(other) = earlier.iter().find(|other| to_snake(other) == field) {
            problems.push(format!(
                "the parameters `{{{other}}}` and `{{{name}}}` would both be the field \
                 `{field}`; rename one of them"
            ));
        }
        if has_body && field == "body" {
            problems.push(format!(
                "the parameter `{{{name}}}` would be a field named `body`, like the request \
                 body; rename it, such as `{{{name}Id}}`"
            ));
        }
        if matches!(field.as_str(), "self" | "super" | "crate" | "_" | "") {
            problems.push(format!(
                "the parameter `{{{name}}}` cannot be a Rust field (`{field}`); rename it"
            ));
        } else if field.starts_with(|c: char| c.is_ascii_digit()) {
            problems.push(format!(
                "the parameter `{{{name}}}` would be the field `{field}`, which starts with a \
                 digit; rename it"
            ));
        }
    }
}

/// The field for a parameter name, raw (`r#type`) when it is a keyword.
/// `None` for names `check_param_names` has already rejected.
fn field_ident(name: &str, span: Span) -> Option<Ident> {
    let field = to_snake(name);
    let valid = !field.is_empty()
        && !field.starts_with(|c: char| c.is_ascii_digit())
        && field.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !matches!(field.as_str(), "self" | "super" | "crate" | "_" | "Self");
    if !valid {
        return None;
    }
    // Resolve like the rest of the generated code, but point at the path.
    let span = Span::call_site().located_at(span);
    Some(
        if syn::parse_str::<Ident>(&field).is_ok() && !is_reserved(&field) {
            Ident::new(&field, span)
        } else {
            Ident::new_raw(&field, span)
        },
    )
}

/// Keywords of newer editions that `syn` still accepts as identifiers.
fn is_reserved(field: &str) -> bool {
    matches!(field, "gen" | "async" | "await" | "dyn" | "try")
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn parse_one(input: TokenStream) -> (Option<Endpoint>, String) {
        let mut invocation = parse(input);
        let errors = invocation.errors.to_string();
        (invocation.endpoints.pop(), errors)
    }

    fn path_errors(path: &str) -> String {
        let lit = LitStr::new(path, Span::call_site());
        parse_one(quote!(pub E { method: GET, path: #lit, })).1
    }

    #[test]
    fn the_worked_example() {
        let (endpoint, errors) = parse_one(quote! {
            /// Add userStatuses.
            pub CreateUserStatus {
                method: POST,
                path: "/deviceAppManagement/mobileAppConfigurations/{managedDeviceMobileAppConfigurationId}/userStatuses",
                body: ManagedDeviceMobileAppConfigurationUserStatusCreate,
                response: ManagedDeviceMobileAppConfigurationUserStatus,
            }
        });
        assert_eq!(errors, "");
        let endpoint = endpoint.unwrap();
        assert_eq!(endpoint.ident, "CreateUserStatus");
        assert!(endpoint.method == Method::Post);
        assert_eq!(endpoint.status, 201);
        assert_eq!(endpoint.attrs.len(), 1);
        let params: Vec<_> = endpoint
            .params
            .iter()
            .map(|param| (param.name.as_str(), param.field.to_string()))
            .collect();
        assert_eq!(
            params,
            [(
                "managedDeviceMobileAppConfigurationId",
                "managed_device_mobile_app_configuration_id".to_owned()
            )]
        );
    }

    #[test]
    fn default_statuses() {
        let cases = [
            (quote!(GET), false, 200),
            (quote!(GET), true, 200),
            (quote!(POST), true, 201),
            (quote!(POST), false, 204),
            (quote!(PATCH), true, 200),
            (quote!(PATCH), false, 204),
            (quote!(PUT), true, 200),
            (quote!(PUT), false, 204),
            (quote!(DELETE), false, 204),
            (quote!(DELETE), true, 204),
        ];
        for (method, response, status) in cases {
            let response = response.then(|| quote!(response: R,));
            let (endpoint, errors) =
                parse_one(quote!(E { method: #method, path: "/a", #response }));
            assert_eq!(errors, "");
            assert_eq!(endpoint.unwrap().status, status, "{method} {response:?}");
        }
        let (endpoint, _) = parse_one(quote!(E {
            method: DELETE,
            path: "/a",
            status: 200
        }));
        assert_eq!(endpoint.unwrap().status, 200);
    }

    #[test]
    fn keyword_parameters_become_raw_identifiers() {
        let (endpoint, errors) = parse_one(quote!(E {
            method: GET,
            path: "/a/{type}/{matchId}/{gen}"
        }));
        assert_eq!(errors, "");
        let fields: Vec<String> = endpoint
            .unwrap()
            .params
            .iter()
            .map(|param| param.field.to_string())
            .collect();
        assert_eq!(fields, ["r#type", "match_id", "r#gen"]);
    }

    #[test]
    fn valid_paths() {
        for path in [
            "/me",
            "/users/{userId}",
            "/users/$count",
            "/users/{id}/photo/$value",
            "/groups/{groupId}/members/{memberId}/$ref",
            "/users/microsoft.graph.delta()",
            "/drives/{driveId}/root:",
            "/sites/contoso.sharepoint.com:",
            "/a/%20b/~c/!$&'()*+,;=:@",
            "/users/{userID}/x/{_id2}",
        ] {
            assert_eq!(path_errors(path), "", "{path}");
        }
    }

    #[test]
    fn invalid_paths_are_reported() {
        for (path, expected) in [
            ("users", "must start with `/`"),
            ("/a//b", "empty segment"),
            ("/a/", "cannot end with `/`"),
            ("/a?b", "query string"),
            ("/a#b", "fragment"),
            ("/a/{b", "not closed"),
            ("/a/b}", "without a `{`"),
            ("/a/{}", "no name"),
            ("/a/{b-c}", "such as `{bC}`"),
            ("/a/x{b}", "mixes text"),
            ("/a/{b}/{b}", "appears twice"),
            ("/a/{bC}/{b_c}", "both be the field `b_c`"),
            ("/a/$filter", "query option"),
            ("/a/$batch", "only `$ref`"),
            ("/a/$value/b", "last segment"),
            ("/a/./b", "`.` segment"),
            ("/a/\u{7f}", "percent-encode it as `%7F`"),
            ("/a/\"b\"", "`%22`"),
            ("/a/%zz", "percent-encoded byte"),
        ] {
            let errors = path_errors(path);
            assert!(errors.contains(expected), "{path}: {errors}");
        }
    }

    #[test]
    fn every_problem_of_an_endpoint_is_reported() {
        let (_, errors) = parse_one(quote! {
            E { method: HEAD, path: "a//{b", body: X, bdy: Y, status: 7 }
        });
        for expected in [
            "unknown method `HEAD`",
            "must start with `/`",
            "empty segment",
            "not closed",
            "did you mean `body`",
            "from 200 to 299",
        ] {
            assert!(errors.contains(expected), "{expected}: {errors}");
        }
    }

    /// Every short path made of the characters that matter parses without
    /// panicking, and is either accepted or rejected with a message.
    #[test]
    fn no_path_panics() {
        let alphabet = [
            '/', '{', '}', 'a', 'B', '_', '.', '$', '?', ' ', 'é', '%', '1',
        ];
        let mut paths = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = paths
                .iter()
                .filter(|path| path.chars().count() == paths.last().unwrap().chars().count())
                .flat_map(|path| alphabet.iter().map(move |c| format!("{path}{c}")))
                .collect();
            paths.extend(longer);
        }
        assert!(paths.len() > 20_000);
        for path in &paths {
            let errors = path_errors(path);
            let valid = errors.is_empty();
            // Anything accepted is a path the runtime can expand.
            if valid {
                assert!(
                    path.starts_with('/') && !path.contains(['?', '#', ' ']),
                    "{path}"
                );
            }
        }
    }

    /// Malformed entries are reported and skipped; parsing always ends.
    #[test]
    fn garbage_inside_the_braces_terminates_with_errors() {
        for input in [
            quote!(E { , , 42 method GET path: , body: , }),
            quote!(E { method: GET GET, path: "/a" "/b", body: Vec<u8, }),
            quote!(E { method: GET, path: "/a", response: <, status: 2.5, }),
            quote!(E { ::: , method }),
            quote!(E { method: GET, path: "/a" } F),
            quote!(E { method: GET, path: "/a" } crate = "x";),
        ] {
            let (_, errors) = parse_one(input.clone());
            assert!(errors.contains("compile_error"), "{input}: {errors}");
        }
    }

    #[test]
    fn closest_words() {
        assert_eq!(closest("responce", KEYS), Some("response"));
        assert_eq!(closest("bdy", KEYS), Some("body"));
        assert_eq!(closest("query", KEYS), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
