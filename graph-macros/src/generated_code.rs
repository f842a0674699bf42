//! Conventions of the code the macros generate, in the working expansion and
//! in the fallback one after an error:
//!
//! - every trait impl carries `#[automatically_derived]`, as derives do
//!   (lints and coverage tools then treat it as generated); rustc refuses
//!   the attribute on inherent impls, which have none;
//! - every local and parameter it names is `__`-prefixed, so none shadows or
//!   is shadowed by a name of the user's; only an endpoint's `new` takes
//!   parameters named for the user (its path parameters and `body`).

use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// Each item-level `impl` in `tokens` (at any depth): the attributes written
/// before it and whether it implements a trait.
fn impls(tokens: TokenStream, found: &mut Vec<(Vec<String>, bool, String)>) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Group(group) => impls(group.stream(), found),
            TokenTree::Ident(ident) if ident == "impl" => {
                // `impl Trait` in a type (`fields: impl Into<String>`) is no item.
                let item_start = match i.checked_sub(1).map(|p| &trees[p]) {
                    None => true,
                    Some(TokenTree::Group(group)) => group.delimiter() != Delimiter::Parenthesis,
                    Some(TokenTree::Punct(punct)) => punct.as_char() == ';',
                    Some(_) => false,
                };
                if !item_start {
                    continue;
                }
                let mut attrs = Vec::new();
                let mut at = i;
                while at >= 2 {
                    match (&trees[at - 2], &trees[at - 1]) {
                        (TokenTree::Punct(pound), TokenTree::Group(group))
                            if pound.as_char() == '#'
                                && group.delimiter() == Delimiter::Bracket =>
                        {
                            attrs.push(group.stream().to_string());
                            at -= 2;
                        }
                        _ => break,
                    }
                }
                let header: Vec<&TokenTree> = trees[i..]
                    .iter()
                    .take_while(|tree| {
                        !matches!(tree, TokenTree::Group(group) if group.delimiter() == Delimiter::Brace)
                    })
                    .collect();
                let of_trait = header
                    .iter()
                    .any(|tree| matches!(tree, TokenTree::Ident(ident) if ident == "for"));
                let header = header
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" ");
                found.push((attrs, of_trait, header));
            }
            _ => {}
        }
    }
}

fn check(expansion: TokenStream, expected_trait_impls: usize) {
    let mut found = Vec::new();
    impls(expansion, &mut found);
    let trait_impls = found.iter().filter(|(_, of_trait, _)| *of_trait).count();
    assert!(
        trait_impls >= expected_trait_impls,
        "found {trait_impls} trait impls, expected at least {expected_trait_impls}: {found:?}"
    );
    for (attrs, of_trait, header) in &found {
        let marked = attrs.iter().any(|attr| attr == "automatically_derived");
        assert_eq!(marked, *of_trait, "`{header}` has attributes {attrs:?}");
    }
}

fn tokens(text: &str) -> TokenStream {
    text.parse().unwrap()
}

const ENTITY: &str = "pub struct User { pub display_name: Option<String>, #[graph(required)] pub mail: Option<String> }";
const DERIVED: &str = "pub struct Group { pub team: Option<String> }";
const COMPLEX: &str = "pub struct Address { pub city: Option<String> }";
const ENUM: &str = "pub enum Status { Unknown, #[graph(other)] Other(String) }";
const ENDPOINTS: &str = "CreateUser { method: POST, path: \"/groups/{id}/members\", body: User, response: User }
     SendMail { method: POST, path: \"/me/sendMail\", body: { message: Message, save: Option<bool> } }";
const POLYMORPHIC: &str =
    "pub enum AnyObject { Group(Group), User(Box<User>), #[graph(other)] Other(DirectoryObject) }";

#[test]
fn every_generated_trait_impl_is_marked_automatically_derived() {
    // ODataType, ObjectFields, Serialize, Deserialize for the three structs;
    // Entity, RequestType (on the create type); Default for the update type.
    check(
        crate::graph_entity::expand(tokens("\"user\""), tokens(ENTITY)),
        15,
    );
    // And Derived, Deref and DerefMut, three times each but Derived.
    let derived =
        crate::graph_entity::expand(tokens("\"group\", base = \"Base\""), tokens(DERIVED));
    check(derived, 22);
    // Without request types: the entity's four, and Entity.
    let args = tokens("\"user\", no_request_types");
    check(crate::graph_entity::expand(args, tokens(ENTITY)), 5);
    let args = tokens("\"group\", base = \"Base\", no_request_types");
    check(crate::graph_entity::expand(args, tokens(DERIVED)), 8);
    check(
        crate::graph_complex::expand(tokens("\"address\""), tokens(COMPLEX)),
        5,
    );
    let derived =
        crate::graph_complex::expand(tokens("\"address\", base = \"Base\""), tokens(COMPLEX));
    check(derived, 8);
    // GraphEnum, FlagsEnum, Display, FromStr, Serialize, Deserialize.
    check(
        crate::graph_enum::expand(tokens("\"status\", flags"), tokens(ENUM)),
        6,
    );
    // Serialize, Deserialize, ReadVariant, Polymorphic, From three times.
    check(
        crate::graph_polymorphic::expand(TokenStream::new(), tokens(POLYMORPHIC)),
        7,
    );
    // Endpoint twice, and Serialize for an action's inline body.
    check(crate::graph_endpoint::expand(tokens(ENDPOINTS)), 3);
}

/// `expansion`, which must be a fallback one: it reports an error.
fn fallback(expansion: TokenStream) -> TokenStream {
    assert!(
        expansion.to_string().contains("compile_error"),
        "{expansion}"
    );
    expansion
}

#[test]
fn fallback_trait_impls_are_marked_too() {
    check(
        fallback(crate::graph_entity::expand(
            tokens("\"user\", creat = \"X\""),
            tokens(ENTITY),
        )),
        15,
    );
    let derived =
        crate::graph_entity::expand(tokens("\"group\", base = \"Base\", x"), tokens(DERIVED));
    check(fallback(derived), 22);
    // `create` beside `no_request_types`: the entity without request types.
    let conflict = tokens("\"user\", create = \"X\", no_request_types");
    check(
        fallback(crate::graph_entity::expand(conflict, tokens(ENTITY))),
        5,
    );
    check(
        fallback(crate::graph_complex::expand(
            tokens("\"address\", x"),
            tokens(COMPLEX),
        )),
        5,
    );
    check(
        fallback(crate::graph_enum::expand(
            tokens("\"status\", flags, x"),
            tokens(ENUM),
        )),
        6,
    );
    check(
        fallback(crate::graph_polymorphic::expand(
            tokens("\"named\""),
            tokens(POLYMORPHIC),
        )),
        7,
    );
}

/// Each name a `let`, a closure or a function's parameter list binds in
/// `tokens` (at any depth), but those of `new`.
fn bound_names(tokens: TokenStream, found: &mut Vec<String>) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let ident = |at: usize| match trees.get(at) {
        Some(TokenTree::Ident(ident)) => Some(ident.to_string()),
        _ => None,
    };
    let punct =
        |at: usize, c: char| matches!(trees.get(at), Some(TokenTree::Punct(p)) if p.as_char() == c);
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(keyword) if keyword == "let" => {
                let at = if ident(i + 1).as_deref() == Some("mut") {
                    i + 2
                } else {
                    i + 1
                };
                found.extend(ident(at));
            }
            TokenTree::Ident(keyword) if keyword == "fn" => {
                // `fn name<...>(params)`: the parameters are `name:` at the
                // group's top level.
                let params = trees[i..].iter().find_map(|tree| match tree {
                    TokenTree::Group(group) if group.delimiter() == Delimiter::Parenthesis => {
                        Some(group.stream())
                    }
                    _ => None,
                });
                if ident(i + 1).as_deref() != Some("new") {
                    let params: Vec<TokenTree> = params.into_iter().flatten().collect();
                    for (j, param) in params.iter().enumerate() {
                        let starts = j == 0
                            || matches!(&params[j - 1], TokenTree::Punct(p) if p.as_char() == ',')
                            || matches!(&params[j - 1], TokenTree::Ident(m) if m == "mut");
                        let typed = matches!(params.get(j + 1), Some(TokenTree::Punct(p)) if p.as_char() == ':')
                            && !matches!(params.get(j + 2), Some(TokenTree::Punct(p)) if p.as_char() == ':');
                        if let (true, true, TokenTree::Ident(name)) = (starts, typed, param) {
                            found.push(name.to_string());
                        }
                    }
                }
            }
            // `|name| ...` and `|name: Type, ...| ...`.
            TokenTree::Punct(bar) if bar.as_char() == '|' && (i == 0 || !punct(i - 1, '|')) => {
                if let Some(name) = ident(i + 1) {
                    if punct(i + 2, '|') || (punct(i + 2, ':') && !punct(i + 3, ':')) {
                        found.push(name);
                    }
                }
            }
            TokenTree::Group(group) => bound_names(group.stream(), found),
            _ => {}
        }
    }
}

fn check_names(expansion: TokenStream) {
    let mut names = Vec::new();
    bound_names(expansion, &mut names);
    assert!(!names.is_empty());
    for name in names {
        assert!(
            name.starts_with("__") || name == "self",
            "`{name}` is not `__`-prefixed"
        );
    }
}

#[test]
fn every_generated_local_and_parameter_is_double_underscored() {
    check_names(crate::graph_entity::expand(
        tokens("\"user\""),
        tokens(ENTITY),
    ));
    check_names(crate::graph_entity::expand(
        tokens("\"group\", base = \"Base\""),
        tokens("pub struct Group { #[cfg(a)] pub team: Option<String> }"),
    ));
    check_names(crate::graph_complex::expand(
        tokens("\"address\""),
        tokens(COMPLEX),
    ));
    check_names(crate::graph_enum::expand(
        tokens("\"status\""),
        tokens(ENUM),
    ));
    check_names(crate::graph_polymorphic::expand(
        TokenStream::new(),
        tokens(POLYMORPHIC),
    ));
    check_names(crate::graph_endpoint::expand(tokens(ENDPOINTS)));
}
