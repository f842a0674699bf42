//! The expansion functions, called on `proc_macro2` tokens as rustc would call
//! the macros, must return tokens (code or spanned `compile_error!`s) for any
//! input, never panic: a macro panic is an unreadable error for the user.

use proc_macro2::{TokenStream, TokenTree};
use proptest::prelude::*;

const ENTITY_ARGS: &str = r#""managedDeviceMobileAppConfigurationUserStatus", create = "NewStatus", crate = "::graph_core""#;
const ENTITY: &str = r#"
    #[derive(Debug, Clone)]
    pub struct UserStatus {
        /// Docs.
        pub user_display_name: Option<String>,
        #[graph(rename = "iOSVersion")]
        pub ios_version: Option<String>,
        #[graph(read_only)]
        pub created: Option<graph_core::DateTimeOffset>,
        #[graph(required)]
        pub r#type: std::option::Option<i32>,
        pub count: i64,
    }
"#;
const DERIVED_ARGS: &str =
    r#""windows10GeneralConfiguration", base = "DeviceConfiguration", abstract, no_request_types"#;
const POLYMORPHIC: &str = r#"
    #[derive(Debug)]
    pub enum AnyDeviceConfiguration {
        Windows10(Windows10GeneralConfiguration),
        Ios(crate::IosGeneralDeviceConfiguration),
        #[graph(other)]
        Other(DeviceConfiguration),
    }
"#;
const ENUM_ARGS: &str = r#""complianceStatus", crate = "graph_core""#;
const ENUM: &str = r#"
    #[derive(Debug)]
    pub enum ComplianceStatus {
        Unknown,
        #[graph(rename = "notApplicable")]
        NotApplicable,
        #[graph(other)]
        Other(String),
    }
"#;
const ENDPOINTS: &str = r#"
    crate = "::graph_core";
    /// Docs.
    #[derive(Debug)]
    pub CreateUserStatus {
        method: POST,
        path: "/deviceAppManagement/mobileAppConfigurations/{managedDeviceMobileAppConfigurationId}/userStatuses",
        body: UserStatusCreate,
        response: UserStatus,
        status: 201,
    }
    GetCount { method: GET, path: "/users/$count", response: u64 }
    SendMail {
        method: POST,
        path: "/me/sendMail",
        body: { /// The message.
            message: Message, #[cfg(x)] save_to_sent_items: Option<bool> },
    }
    GetRange {
        method: GET,
        path: "/sites/{hostname}:/{+path}:/workbook/worksheets/{sheet}/range(address={address},n={nRows})",
        parameters: { address: String, n_rows: Option<i64> },
        response: Range,
    }
"#;

/// Tokens that appear in the macros' inputs, and some that should not.
const TOKEN_POOL: &[&str] = &[
    "#",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "graph",
    "graph_entity",
    "rename",
    "read_only",
    "required",
    "other",
    "base",
    "abstract",
    "write_type",
    "\"Base\"",
    "create",
    "crate",
    "=",
    ",",
    ";",
    ":",
    "::",
    "<",
    ">",
    "pub",
    "struct",
    "enum",
    "union",
    "fn",
    "Option",
    "String",
    "r#type",
    "id",
    "additional_data",
    "method",
    "path",
    "body",
    "response",
    "status",
    "GET",
    "POST",
    "DELETE",
    "\"\"",
    "\"/users/{id}\"",
    "\"/a//b\"",
    "\"{\"",
    "\"}\"",
    "\"#x\"",
    "\"a.b\"",
    "\"é\"",
    "42",
    "1e9",
    "'a",
    "&",
    "*",
    "$",
    "?",
    "!",
    "@",
    ".",
    "..",
    "T",
    "where",
    "impl",
    "dyn",
    "self",
    "Self",
    "_",
    "-1",
];

/// The pool without delimiters, so that random picks form token streams.
fn unbracketed_pool() -> Vec<&'static str> {
    TOKEN_POOL
        .iter()
        .copied()
        .filter(|t| !matches!(*t, "[" | "]" | "(" | ")" | "{" | "}"))
        .collect()
}

fn tokens(text: &str) -> TokenStream {
    text.parse()
        .expect("the test inputs are valid token streams")
}

fn flatten(stream: TokenStream, out: &mut Vec<String>) {
    for tree in stream {
        match tree {
            TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    proc_macro2::Delimiter::Parenthesis => ("(", ")"),
                    proc_macro2::Delimiter::Brace => ("{", "}"),
                    proc_macro2::Delimiter::Bracket => ("[", "]"),
                    proc_macro2::Delimiter::None => ("", ""),
                };
                out.push(open.to_owned());
                flatten(group.stream(), out);
                out.push(close.to_owned());
            }
            other => out.push(other.to_string()),
        }
    }
}

/// The input as a flat list of token texts, so that mutations can break
/// delimiters; lists that no longer form a token stream are skipped.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    flatten(tokens(text), &mut out);
    out
}

fn reassemble(words: &[String]) -> Option<TokenStream> {
    words.join(" ").parse().ok()
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    Delete(usize),
    Swap(usize, usize),
    Insert(usize, &'static str),
    Replace(usize, &'static str),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = 0..200usize;
    let pooled = proptest::sample::select(TOKEN_POOL);
    prop_oneof![
        index.clone().prop_map(Mutation::Truncate),
        index.clone().prop_map(Mutation::Delete),
        (index.clone(), index.clone()).prop_map(|(a, b)| Mutation::Swap(a, b)),
        (index.clone(), pooled.clone()).prop_map(|(a, t)| Mutation::Insert(a, t)),
        (index, pooled).prop_map(|(a, t)| Mutation::Replace(a, t)),
    ]
}

fn mutate(mut words: Vec<String>, mutations: &[Mutation]) -> Vec<String> {
    for mutation in mutations {
        let len = words.len().max(1);
        match *mutation {
            Mutation::Truncate(at) => words.truncate(at % len),
            Mutation::Delete(at) if !words.is_empty() => {
                words.remove(at % len);
            }
            Mutation::Swap(a, b) if !words.is_empty() => words.swap(a % len, b % len),
            Mutation::Insert(at, token) => words.insert(at % (words.len() + 1), token.to_owned()),
            Mutation::Replace(at, token) if !words.is_empty() => words[at % len] = token.to_owned(),
            _ => {}
        }
    }
    words
}

/// Every expansion of a mutated input either succeeds or reports errors;
/// none panics (proptest turns a panic into a failure with the input).
fn expand_all(args: &TokenStream, item: &TokenStream) {
    let _ = crate::graph_entity::expand(args.clone(), item.clone());
    let _ = crate::graph_complex::expand(args.clone(), item.clone());
    let _ = crate::graph_enum::expand(args.clone(), item.clone());
    let _ = crate::graph_polymorphic::expand(args.clone(), item.clone());
    let _ = crate::graph_endpoint::expand(item.clone());
}

#[test]
fn valid_inputs_expand_without_errors() {
    for expanded in [
        crate::graph_entity::expand(tokens(ENTITY_ARGS), tokens(ENTITY)),
        crate::graph_entity::expand(tokens(DERIVED_ARGS), tokens(ENTITY)),
        crate::graph_complex::expand(
            tokens(r#""emailAddress", write_type"#),
            tokens("pub struct EmailAddress { pub address: Option<String> }"),
        ),
        crate::graph_polymorphic::expand(TokenStream::new(), tokens(POLYMORPHIC)),
        crate::graph_enum::expand(tokens(ENUM_ARGS), tokens(ENUM)),
        crate::graph_endpoint::expand(tokens(ENDPOINTS)),
    ] {
        let text = expanded.to_string();
        assert!(!text.contains("compile_error"), "{text}");
    }
}

proptest! {
    // Mutations that break a delimiter are rejected; the cases still need
    // 512 inputs that form token streams, so the tests cannot pass empty.
    #![proptest_config(ProptestConfig { cases: 512, max_global_rejects: 8192, ..ProptestConfig::default() })]

    #[test]
    fn mutated_entities_never_panic(
        item_mutations in proptest::collection::vec(mutation(), 1..4),
        args_mutations in proptest::collection::vec(mutation(), 0..2),
    ) {
        let item = mutate(words(ENTITY), &item_mutations);
        let args = mutate(words(ENTITY_ARGS), &args_mutations);
        // Rejected inputs count against proptest's limit, so a strategy that
        // stopped producing token streams would fail rather than pass empty.
        let (Some(args), Some(item)) = (reassemble(&args), reassemble(&item)) else {
            return Err(TestCaseError::reject("not a token stream"));
        };
        expand_all(&args, &item);
    }

    #[test]
    fn mutated_derived_types_never_panic(
        item_mutations in proptest::collection::vec(mutation(), 1..4),
        args_mutations in proptest::collection::vec(mutation(), 0..3),
    ) {
        let item = mutate(words(ENTITY), &item_mutations);
        let args = mutate(words(DERIVED_ARGS), &args_mutations);
        let (Some(args), Some(item)) = (reassemble(&args), reassemble(&item)) else {
            return Err(TestCaseError::reject("not a token stream"));
        };
        expand_all(&args, &item);
    }

    #[test]
    fn mutated_polymorphic_enums_never_panic(
        item_mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let Some(item) = reassemble(&mutate(words(POLYMORPHIC), &item_mutations)) else {
            return Err(TestCaseError::reject("not a token stream"));
        };
        expand_all(&TokenStream::new(), &item);
    }

    #[test]
    fn mutated_enums_never_panic(
        item_mutations in proptest::collection::vec(mutation(), 1..4),
        args_mutations in proptest::collection::vec(mutation(), 0..2),
    ) {
        let item = mutate(words(ENUM), &item_mutations);
        let args = mutate(words(ENUM_ARGS), &args_mutations);
        // Rejected inputs count against proptest's limit, so a strategy that
        // stopped producing token streams would fail rather than pass empty.
        let (Some(args), Some(item)) = (reassemble(&args), reassemble(&item)) else {
            return Err(TestCaseError::reject("not a token stream"));
        };
        expand_all(&args, &item);
    }

    #[test]
    fn mutated_endpoints_never_panic(mutations in proptest::collection::vec(mutation(), 1..4)) {
        let Some(input) = reassemble(&mutate(words(ENDPOINTS), &mutations)) else {
            return Err(TestCaseError::reject("not a token stream"));
        };
        expand_all(&TokenStream::new(), &input);
    }

    #[test]
    fn random_tokens_never_panic(
        picks in proptest::collection::vec(proptest::sample::select(unbracketed_pool()), 0..40),
        split in 0..40usize,
    ) {
        let words: Vec<String> = picks.iter().map(|t| t.to_string()).collect();
        let split = split.min(words.len());
        let (Some(args), Some(item)) = (reassemble(&words[..split]), reassemble(&words[split..])) else {
            return Err(TestCaseError::reject("not a token stream"));
        };
        expand_all(&args, &item);
    }

    /// Keys swapped between endpoints' fields: every order and value mix-up
    /// gives an answer.
    #[test]
    fn swapped_endpoint_values_never_panic(a in 0..200usize, b in 0..200usize, c in 0..200usize) {
        let words = mutate(words(ENDPOINTS), &[Mutation::Swap(a, b), Mutation::Swap(b, c)]);
        let Some(input) = reassemble(&words) else {
            return Err(TestCaseError::reject("not a token stream"));
        };
        let _ = crate::graph_endpoint::expand(input);
    }
}

/// Found by `mutated_enums_never_panic`: a raw identifier as the struct name
/// made the create type's name `r#matchCreate`, which `Ident::new` rejects.
#[test]
fn raw_struct_names_get_a_valid_create_name() {
    let expanded =
        crate::graph_entity::expand(tokens("\"x\""), tokens("pub struct r#match { pub a: i32 }"))
            .to_string();
    assert!(expanded.contains("struct matchCreate"), "{expanded}");
    assert!(!expanded.contains("compile_error"), "{expanded}");
}
