//! Tokens into endpoints as written ([`RawEndpoint`]): syntax only; what the
//! values mean is checked in `check`.
//!
//! Every problem goes to the `Ctxt`. A function that cannot read what it
//! expects reports it and returns `None`; its caller recovers by skipping to
//! the next `,` inside an endpoint's braces, or stops between endpoints,
//! where the boundaries are lost.

use std::fmt::Display;

use proc_macro2::TokenTree;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseBuffer, ParseStream};
use syn::punctuated::Punctuated;
use syn::{braced, Attribute, Field, Ident, LitInt, LitStr, Token, Type, Visibility};

use super::keyword::{closest, code, listed, Key, Method};
use crate::internals::Ctxt;

/// An endpoint as written: each value as read, not yet checked.
pub struct RawEndpoint {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub method: Option<MethodWord>,
    pub path: Option<LitStr>,
    /// `parameters: { name: Type, ... }`, with the key.
    pub parameters: Option<(Ident, Vec<(Ident, Type)>)>,
    /// With the `body` key, where a body that is not allowed is reported.
    pub body: Option<(Ident, BodyDecl)>,
    pub response: Option<Type>,
    pub status: Option<LitInt>,
    /// The keys written, even those whose value could not be read: a key
    /// with a bad value is not also reported missing.
    pub keys: Vec<Key>,
    /// Whether the struct's shape (fields, `new`'s arguments, types) is
    /// known despite any problem, so that it can still be generated.
    pub shape_known: bool,
}

/// The value of `body`: a type, or an action's parameters written inline.
pub enum BodyDecl {
    /// `body: Message`.
    Type(Box<Type>),
    /// `body: { message: Message, save_to_sent_items: Option<bool> }`.
    Inline {
        /// The braces, where problems with the whole list are reported.
        braces: proc_macro2::Span,
        fields: Vec<Field>,
    },
}

/// The value of `method`: a word, or (wrongly) a string.
pub enum MethodWord {
    Ident(Ident),
    Quoted(LitStr),
}

/// `crate = "path";`: where generated code finds graph-core.
pub fn crate_path(cx: &mut Ctxt, input: ParseStream) -> Option<syn::Path> {
    read_token::<Token![crate]>(cx, input)?;
    read_token::<Token![=]>(cx, input)?;
    let lit = read_token::<LitStr>(cx, input)?;
    read_token::<Token![;]>(cx, input)?;
    match lit.parse::<syn::Path>() {
        Ok(path) => Some(path),
        Err(_) => {
            cx.error_spanned_by(
                &lit,
                "expected the path of the graph-core crate, such as `crate = \"::my_sdk::graph_core\";`",
            );
            None
        }
    }
}

/// `#[attrs] vis Name { key: value, ... }`. Problems inside the braces are
/// recovered from; `None` when the endpoint itself is malformed.
pub fn endpoint(cx: &mut Ctxt, input: ParseStream) -> Option<RawEndpoint> {
    let attrs = read_token_with(cx, input, Attribute::parse_outer)?;
    let vis = read_token::<Visibility>(cx, input)?;
    if input.peek(Token![struct]) {
        cx.syn_error(input.error(
            "remove `struct`: an endpoint is written `pub Name { method: ..., path: \"...\" }`",
        ));
        return None;
    }
    let ident = read::<Ident>(
        cx,
        input,
        "expected the name of an endpoint, such as `pub CreateUserStatus { method: POST, ... }`",
    )?;
    if !input.peek(syn::token::Brace) {
        cx.syn_error(input.error(format!(
            "expected `{{` after `{ident}`: an endpoint is written \
             `{ident} {{ method: ..., path: \"...\", ... }}` (generic endpoints are not supported)"
        )));
        return None;
    }
    let content = read_token_with(cx, input, braces)?;
    let mut raw = RawEndpoint {
        attrs,
        vis,
        ident,
        method: None,
        path: None,
        parameters: None,
        body: None,
        response: None,
        status: None,
        keys: Vec::new(),
        shape_known: true,
    };
    while !content.is_empty() {
        let keys_before = raw.keys.len();
        if entry(cx, &content, &mut raw).is_none() {
            // A `method` or `status` that cannot be read leaves the struct
            // as it is; anything else may not.
            if !matches!(raw.keys.get(keys_before), Some(key) if !shapes_struct(*key)) {
                raw.shape_known = false;
            }
            skip_past_comma(&content);
        }
    }
    Some(raw)
}

/// `{ name: Type, ... }`: an action's parameters.
fn inline_body(input: ParseStream) -> syn::Result<BodyDecl> {
    let content;
    let braces = braced!(content in input);
    let fields =
        Punctuated::<Field, Token![,]>::parse_terminated_with(&content, Field::parse_named)?;
    Ok(BodyDecl::Inline {
        braces: braces.span.join(),
        fields: fields.into_iter().collect(),
    })
}

/// The contents of a `{ ... }`.
pub(super) fn braces<'a>(input: ParseStream<'a>) -> syn::Result<ParseBuffer<'a>> {
    let content;
    braced!(content in input);
    Ok(content)
}

/// One `key: value` and the `,` after it.
fn entry(cx: &mut Ctxt, input: ParseStream, raw: &mut RawEndpoint) -> Option<()> {
    let key_ident = read_with(
        cx,
        input,
        Ident::parse_any,
        format!("expected a key: {}", listed(Key::words().map(code), "or")),
    )?;
    let name = key_ident.to_string();
    let Some(key) = Key::from_word(&name) else {
        let hint = match closest(&name.to_ascii_lowercase(), Key::words()) {
            Some(key) => format!("did you mean `{key}`?"),
            None => format!("expected {}", listed(Key::words().map(code), "or")),
        };
        cx.error_spanned_by(&key_ident, format!("unknown key `{name}`; {hint}"));
        // Most likely a misspelled `body` or `response`.
        raw.shape_known = false;
        skip_value(input);
        return comma_after_value(cx, input, &name);
    };
    let first = !raw.keys.contains(&key);
    raw.keys.push(key);
    if !input.peek(Token![:]) {
        cx.syn_error(input.error(format!("expected `:` after `{name}`")));
        return None;
    }
    read_token::<Token![:]>(cx, input)?;
    let expected = expected_value(key);
    match key {
        Key::Method if input.peek(LitStr) => {
            keep_first(&mut raw.method, MethodWord::Quoted(read_token(cx, input)?));
        }
        Key::Method => {
            let ident = read_with(cx, input, Ident::parse_any, expected)?;
            keep_first(&mut raw.method, MethodWord::Ident(ident));
        }
        Key::Path => keep_first(&mut raw.path, read::<LitStr>(cx, input, expected)?),
        Key::Body if input.peek(syn::token::Brace) => {
            let expected = "expected the action's parameters as `name: Type` pairs, such as \
                            `body: { message: Message, save_to_sent_items: Option<bool> }`";
            let body = read_with(cx, input, inline_body, expected)?;
            keep_first(&mut raw.body, (key_ident.clone(), body));
        }
        Key::Parameters => {
            let list = super::parameters::read(cx, input, expected)?;
            keep_first(&mut raw.parameters, (key_ident.clone(), list));
        }
        Key::Body => {
            let ty = read::<Type>(cx, input, expected)?;
            keep_first(
                &mut raw.body,
                (key_ident.clone(), BodyDecl::Type(Box::new(ty))),
            );
        }
        Key::Response => keep_first(&mut raw.response, read::<Type>(cx, input, expected)?),
        Key::Status => keep_first(&mut raw.status, read::<LitInt>(cx, input, expected)?),
    }
    if !first {
        cx.error_spanned_by(
            &key_ident,
            format!("`{name}` is given twice; keep one `{name}: ...`"),
        );
    }
    comma_after_value(cx, input, &name)
}

/// Stores `value` unless `slot` already holds one: the first value written
/// is the one used (a second is reported as given twice).
fn keep_first<T>(slot: &mut Option<T>, value: T) {
    if slot.is_none() {
        *slot = Some(value);
    }
}

/// What the value of `key` looks like, for when it does not.
fn expected_value(key: Key) -> String {
    match key {
        Key::Method => format!("expected an HTTP method: {}", listed(Method::words(), "or")),
        Key::Path => {
            "expected the path as a string literal, such as `path: \"/users/{userId}\"`".to_owned()
        }
        Key::Parameters => "expected the function parameters' types in braces, such as \
                            `parameters: { period: String, date: graph_core::Date }`"
            .to_owned(),
        Key::Body => "expected the body type, such as \
                      `body: ManagedDeviceMobileAppConfigurationUserStatus`, or an action's \
                      parameters as `name: Type` pairs, such as \
                      `body: { message: Message, save_to_sent_items: Option<bool> }`"
            .to_owned(),
        Key::Response => "expected the response type, such as `response: User`".to_owned(),
        Key::Status => {
            "expected the HTTP status of success as an integer, such as `status: 202`".to_owned()
        }
    }
}

/// Whether the value of `key` shapes the generated struct (its fields,
/// `new`'s arguments, its types): when such a value cannot be read, the
/// struct is not generated.
fn shapes_struct(key: Key) -> bool {
    matches!(key, Key::Path | Key::Parameters | Key::Body | Key::Response)
}

/// The `,` after a value, or the end of the braces.
fn comma_after_value(cx: &mut Ctxt, input: ParseStream, name: &str) -> Option<()> {
    if input.peek(Token![,]) {
        read_token::<Token![,]>(cx, input)?;
    } else if !input.is_empty() {
        // Report the missing comma but keep going: what follows is most
        // likely the next `key: value`.
        cx.syn_error(input.error(format!("expected `,` after the value of `{name}`")));
    }
    Some(())
}

/// Reads a `T`; where that fails, reports `expected` at the token it failed
/// on.
pub(super) fn read<T: Parse>(
    cx: &mut Ctxt,
    input: ParseStream,
    expected: impl Display,
) -> Option<T> {
    read_with(cx, input, T::parse, expected)
}

/// [`read`] with `parser`.
pub(super) fn read_with<'a, T>(
    cx: &mut Ctxt,
    input: ParseStream<'a>,
    parser: fn(ParseStream<'a>) -> syn::Result<T>,
    expected: impl Display,
) -> Option<T> {
    match parser(input) {
        Ok(value) => Some(value),
        Err(error) => {
            cx.error_at(error.span(), expected);
            None
        }
    }
}

/// Reads a `T`; where that fails, reports syn's own message (such as
/// "expected `=`").
fn read_token<T: Parse>(cx: &mut Ctxt, input: ParseStream) -> Option<T> {
    read_token_with(cx, input, T::parse)
}

/// [`read_token`] with `parser`.
fn read_token_with<'a, T>(
    cx: &mut Ctxt,
    input: ParseStream<'a>,
    parser: fn(ParseStream<'a>) -> syn::Result<T>,
) -> Option<T> {
    match parser(input) {
        Ok(value) => Some(value),
        Err(error) => {
            cx.syn_error(error);
            None
        }
    }
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

/// After a value that could not be read: skips to just past the next
/// top-level `,`.
fn skip_past_comma(input: ParseStream) {
    skip_value(input);
    let _ = input.parse::<Option<Token![,]>>();
}
