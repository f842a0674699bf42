//! `graph_endpoint!`: the invocation read and checked into a model that
//! generation can trust (a valid path, a known method, ...), one job a file:
//!
//! - `parse`: tokens into endpoints as written;
//! - `check`: what the values mean, into [`Endpoint`];
//! - `path`: the grammar of path templates, on their text, with
//!   `function_call` for segments such as `range(address={address})`;
//! - `parameters`: the types of function parameters (`parameters: {...}`);
//! - `keyword`: the words of the syntax, each kind in one list.
//!
//! Every problem is reported to the one `Ctxt` of the invocation. Each
//! endpoint is read and checked on its own, collecting all of its problems,
//! so one bad endpoint neither hides the problems of another nor stops the
//! others from being generated. An endpoint with problems is still modelled
//! (and generated, next to its errors) when the problems do not change the
//! struct it becomes, so its uses elsewhere in the crate, and rust-analyzer,
//! keep working while, say, a path is being fixed.

mod body;
mod check;
mod function_call;
mod keyword;
mod parameters;
mod parse;
mod path;

use proc_macro2::{Span, TokenStream};
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, Ident, LitStr, Token, Type, Visibility};

pub use body::InlineBody;
pub use keyword::Method;
pub use path::ParamKind;

use super::Ctxt;

/// A whole `graph_endpoint! { ... }` invocation.
pub struct Invocation {
    /// `crate = "path";`: where generated code finds graph-core.
    pub krate: Option<syn::Path>,
    /// The endpoints to generate: those that passed every check, and those
    /// whose problems do not change their struct (the build fails anyway).
    pub endpoints: Vec<Endpoint>,
}

/// One checked endpoint.
pub struct Endpoint {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub method: Method,
    /// The path as written (a string literal), kept for `PATH_TEMPLATE`.
    pub path: LitStr,
    /// The parameters in path order: path parameters and function
    /// parameters.
    pub params: Vec<Param>,
    /// The body's type: as written, or the struct of `inline_body`.
    pub body: Option<Type>,
    /// An action's parameters written inline, to generate a struct of.
    pub inline_body: Option<InlineBody>,
    /// `None` for no content: `response` left out or written `()`.
    pub response: Option<Type>,
    pub status: u16,
}

/// A `{name}` of the path.
pub struct Param {
    /// The name as written in the path (`managedDeviceMobileAppConfigurationId`).
    pub name: String,
    /// The struct field (`managed_device_mobile_app_configuration_id`).
    pub field: Ident,
    pub kind: ParamKind,
    /// A function parameter's type, from `parameters: { ... }`; `None` for
    /// path parameters, which are `String`s.
    pub ty: Option<Type>,
}

/// Reads and checks an invocation, reporting every problem to `cx`. What
/// could be modelled is returned even when there are problems.
pub fn parse(cx: &mut Ctxt, input: TokenStream) -> Invocation {
    let mut invocation = Invocation {
        krate: None,
        endpoints: Vec::new(),
    };
    let parser = |input: ParseStream| {
        read_invocation(cx, input, &mut invocation);
        Ok(())
    };
    // Everything has been reported to `cx`; syn would only add that tokens
    // are left after an endpoint whose end was lost, a knock-on error.
    let _ = parser.parse2(input);
    invocation
}

fn read_invocation(cx: &mut Ctxt, input: ParseStream, invocation: &mut Invocation) {
    if input.is_empty() {
        cx.error_at(
            Span::call_site(),
            "no endpoint declared; write one such as \
             `pub GetUser { method: GET, path: \"/users/{userId}\", response: User }`",
        );
        return;
    }
    if input.peek(Token![crate]) {
        match parse::crate_path(cx, input) {
            Some(path) => invocation.krate = Some(path),
            None => return,
        }
    }
    while !input.is_empty() {
        // Without an endpoint's end, where the next one starts is unknown.
        let Some(raw) = parse::endpoint(cx, input) else {
            return;
        };
        // Checked before the next is read, so that errors come in the order
        // of the endpoints.
        invocation.endpoints.extend(check::endpoint(cx, raw));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn parse_one(input: TokenStream) -> (Option<Endpoint>, String) {
        let mut cx = Ctxt::new();
        let mut invocation = parse(&mut cx, input);
        let errors = cx.into_compile_errors().to_string();
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
            "/a/%20b/~c/!$&'*+,;=:@",
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

    /// The first value of a key written twice is the one used, whether or
    /// not it is valid, and the second is reported: one of them must go.
    #[test]
    fn a_key_given_twice_is_reported_whatever_its_first_value() {
        for (input, first_problem) in [
            (
                quote!(E {
                    method: get,
                    method: GET,
                    path: "/a"
                }),
                "upper case",
            ),
            (
                quote!(E {
                    method: GET,
                    path: 5,
                    path: "/a"
                }),
                "string literal",
            ),
            (
                quote!(E {
                    method: GET,
                    path: "/a",
                    status: 42,
                    status: 202
                }),
                "from 200 to 299",
            ),
        ] {
            let (_, errors) = parse_one(input.clone());
            assert!(errors.contains(first_problem), "{input}: {errors}");
            assert!(errors.contains("is given twice"), "{input}: {errors}");
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
}
