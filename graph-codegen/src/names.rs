//! Rust names for Graph names.
//!
//! Every rule depends only on the name itself and on the other names of the
//! same scope (a type's properties, an enum's members, a namespace's types),
//! never on document order, so that a metadata update that adds a type or a
//! property does not rename anything else.

use std::collections::{BTreeMap, BTreeSet};

use heck::{ToLowerCamelCase, ToSnakeCase};

/// Rust's strict and reserved keywords (2021 edition) and the weak ones
/// that cannot be field names.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super", "_"];

/// A Graph name made of ASCII letters, digits and `_`, the only ones
/// graph-macros takes in a name it derives (a CSDL name may hold any
/// letter, and a property name `-`): `-` becomes `_`, any other character
/// outside ASCII `u` and its code point in hex (`café` is `cafu00e9`),
/// which a `rename` then maps back to the Graph name.
pub fn ascii(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            c if c.is_ascii_alphanumeric() || c == '_' => out.push(c),
            '-' => out.push('_'),
            c => {
                use std::fmt::Write as _;
                let _ = write!(out, "u{:04x}", c as u32);
            }
        }
    }
    out
}

/// Whether no identifier, not even a raw one, can be `ident` (`self`,
/// `Self`, `super`, `crate`, `_`).
pub fn cannot_be_raw(ident: &str) -> bool {
    NOT_RAW.contains(&ident)
}

/// A Rust identifier as written in source: `r#type`, `self_`, `display_name`.
pub fn escape(ident: &str) -> String {
    if NOT_RAW.contains(&ident) {
        format!("{ident}_")
    } else if KEYWORDS.contains(&ident) {
        format!("r#{ident}")
    } else {
        ident.to_owned()
    }
}

/// The name without a raw prefix: what the macros read as the Rust name.
pub fn unraw(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

/// The Graph name graph-macros gives a field by default (the inverse of how
/// a user transcribes a Graph property): `snake_case` is lowerCamel-cased,
/// anything with an uppercase letter is kept.
pub fn default_property_name(field: &str) -> String {
    let field = unraw(field);
    if field.chars().any(char::is_uppercase) {
        field.to_owned()
    } else {
        field.to_lower_camel_case()
    }
}

/// The Graph name graph-macros gives a variant or type by default: its first
/// letter lowered.
pub fn default_member_name(ident: &str) -> String {
    let ident = unraw(ident);
    let mut chars = ident.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A type's or a variant's name: its first letter raised and nothing else
/// changed (`iOSVersion` -> `IOSVersion`, `macOS` -> `MacOS`), as a user
/// transcribes a Graph name, so graph-macros' default maps it back.
pub fn upper_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A module's name for a namespace: `microsoft.graph` is `graph`,
/// `microsoft.graph.callRecords` is `call_records`, and
/// `microsoft.graph.partners.billing` is `partners_billing`.
pub fn module_name(namespace: &str) -> String {
    let relative = namespace
        .strip_prefix("microsoft.graph.")
        .or_else(|| namespace.strip_prefix("microsoft."))
        .unwrap_or(namespace);
    let snake = relative
        .split('.')
        .map(|part| ascii(part).to_snake_case())
        .collect::<Vec<_>>()
        .join("_");
    escape(&snake)
}

/// Module names of all the namespaces, keyed by namespace, told apart
/// (`callRecords` and `call_records` would both be `call_records`: the
/// first by namespace name keeps it, the next is `call_records_2`) and
/// kept off the names of the crate's own files (`lib`, `main`), of
/// `endpoints` and of the crates generated code names (`std`, `core`,
/// `alloc`, `graph_core`, `serde`), which take `_ns`
/// (`microsoft.graph.lib` is `lib_ns`).
pub fn module_names<'a>(namespaces: impl IntoIterator<Item = &'a str>) -> BTreeMap<String, String> {
    const RESERVED: &[&str] = &[
        "lib",
        "main",
        "endpoints",
        "std",
        "core",
        "alloc",
        "graph_core",
        "serde",
    ];
    apart(namespaces, RESERVED, "_ns", |namespace| {
        unraw(&module_name(namespace)).to_owned()
    })
    .into_iter()
    .map(|(namespace, module)| (namespace, escape(&module)))
    .collect()
}

/// The cargo feature of each entity set and singleton: its `snake_case`
/// name (`deviceAppManagement` is `device_app_management`), told apart
/// when two meet (`users`, `Users`: `users_2` for the second by name) and
/// kept off the features cargo or the generator give a meaning: `default`
/// and `full` take `_area`, and so does `other_types` (beside
/// `other-types`).
pub fn feature_names<'a>(roots: impl IntoIterator<Item = &'a str>) -> BTreeMap<String, String> {
    const RESERVED: &[&str] = &["default", "full", "other_types", "other-types"];
    apart(roots, RESERVED, "_area", |root| ascii(root).to_snake_case())
}

/// Names for `keys` (taken in sorted order) by `name`, kept off `reserved`
/// (which take `suffix`) and off each other (`_2`, `_3`, ...).
fn apart<'a>(
    keys: impl IntoIterator<Item = &'a str>,
    reserved: &[&str],
    suffix: &str,
    name: impl Fn(&str) -> String,
) -> BTreeMap<String, String> {
    let sorted: BTreeSet<&str> = keys.into_iter().collect();
    let mut taken: BTreeSet<String> = reserved.iter().map(|r| (*r).to_owned()).collect();
    let mut out = BTreeMap::new();
    for key in sorted {
        let mut plain = name(key);
        if reserved.contains(&plain.as_str()) {
            plain.push_str(suffix);
        }
        let mut chosen = plain.clone();
        let mut n = 2;
        while !taken.insert(chosen.clone()) {
            chosen = format!("{plain}_{n}");
            n += 1;
        }
        out.insert(key.to_owned(), chosen);
    }
    out
}

/// One field of a struct: its identifier and, when graph-macros' default
/// would not give it, the Graph name to write in `#[graph(rename)]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldName {
    pub ident: String,
    pub rename: Option<String>,
}

/// Field names that graph-macros adds or reserves itself.
fn reserved_field(snake: &str, derived: bool, entity: bool) -> bool {
    matches!(snake, "additional_data") || (derived && snake == "base") || (entity && snake == "id")
}

/// Names every property of one struct: `snake_case` (`r#type`, `self_`);
/// `additionalData` becomes `additional_data_property`; a derived type's
/// `base` becomes `base_property`; two properties whose snake forms
/// collide (`remoteControlSoftware`, `remote_Control_Software`) keep the
/// form for the one that is its own lowerCamel spelling, and the others
/// get `_2`, `_3`, in the order of their Graph names.
pub fn field_names(properties: &[&str], derived: bool) -> BTreeMap<String, FieldName> {
    entity_field_names(properties, derived, false)
}

/// [`field_names`] for an entity's own properties, `id` aside: the macros
/// add `id`, so another property that would be `id` (`ID`, `Id`) is
/// `id_property`.
pub fn entity_field_names(
    properties: &[&str],
    derived: bool,
    entity: bool,
) -> BTreeMap<String, FieldName> {
    let mut by_snake: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for property in properties {
        let mut snake = ascii(property).to_snake_case();
        if snake.is_empty() || snake.starts_with(|c: char| c.is_ascii_digit()) {
            snake = format!("p_{snake}");
        }
        if reserved_field(&snake, derived, entity) {
            snake.push_str("_property");
        }
        by_snake.entry(snake).or_default().push(property);
    }
    let mut taken: BTreeSet<String> = by_snake.keys().cloned().collect();
    let mut names = BTreeMap::new();
    for (snake, mut group) in by_snake {
        // Its own lowerCamel spelling first, then by Graph name.
        group.sort_by_key(|name| (default_property_name(&snake) != **name, name.to_string()));
        for (i, property) in group.iter().enumerate() {
            let ident = if i == 0 {
                snake.clone()
            } else {
                let mut n = i + 1;
                while taken.contains(&format!("{snake}_{n}")) {
                    n += 1;
                }
                let ident = format!("{snake}_{n}");
                taken.insert(ident.clone());
                ident
            };
            let ident = escape(&ident);
            let rename = (default_property_name(&ident) != *property).then(|| property.to_string());
            names.insert(property.to_string(), FieldName { ident, rename });
        }
    }
    names
}

/// Names an enum's members: UpperCamel (`notApplicable` ->
/// `NotApplicable`, `iOS` -> `IOS`), underscores next to letters dropped
/// (`remote_Control_Software` -> `RemoteControlSoftware`) and kept between
/// digits (`windows10_1803`). Members that normalise to the same name keep
/// their underscores (`Remote_Control_Software`), and if that is still
/// taken, get `2`, `3`, in the order of their Graph names. The returned map
/// is keyed by Graph name; the flag says whether a name had to keep
/// underscores (the enum then needs `allow(non_camel_case_types)`).
pub fn variant_names(members: &[&str]) -> (BTreeMap<String, FieldName>, bool) {
    let mut by_ident: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for member in members {
        let mut ident = camel_variant(member);
        if ident == "Self" {
            // Escaped before names are told apart, so that a member `Self_`
            // does not meet it.
            ident = "Self_".to_owned();
        }
        by_ident.entry(ident).or_default().push(member);
    }
    let mut taken: BTreeSet<String> = by_ident.keys().cloned().collect();
    let mut names = BTreeMap::new();
    let mut uncamel = false;
    for (ident, mut group) in by_ident {
        // The member the macros' default reads back from `ident` keeps it.
        group.sort_by_key(|name| (default_member_name(&ident) != *name, name.to_string()));
        for (i, member) in group.iter().enumerate() {
            let chosen = if i == 0 {
                ident.clone()
            } else {
                let mut raised = upper_first(&ascii(member));
                if raised == "Self" {
                    raised.push('_');
                }
                let mut candidate = raised.clone();
                let mut n = 2;
                while taken.contains(&candidate) {
                    candidate = format!("{raised}{n}");
                    n += 1;
                }
                taken.insert(candidate.clone());
                uncamel |= candidate.contains('_');
                candidate
            };
            let chosen = if chosen == "Self" {
                "Self_".to_owned()
            } else {
                chosen
            };
            let rename = (default_member_name(&chosen) != *member).then(|| member.to_string());
            names.insert(
                member.to_string(),
                FieldName {
                    ident: chosen,
                    rename,
                },
            );
        }
    }
    (names, uncamel)
}

/// UpperCamel, dropping underscores next to letters (`alerts_v2` ->
/// `AlertsV2`) and keeping those between digits (`windows10_1803` ->
/// `Windows10_1803`), which `non_camel_case_types` accepts.
pub fn camel_variant(member: &str) -> String {
    let chars: Vec<char> = ascii(member).chars().collect();
    let mut out = String::new();
    let mut upper_next = true;
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            let digit_before = i > 0 && chars[i - 1].is_ascii_digit();
            let digit_after = chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if digit_before && digit_after {
                out.push('_');
            } else {
                upper_next = true;
            }
            continue;
        }
        if upper_next {
            out.extend(c.to_uppercase());
            upper_next = false;
        } else {
            out.push(c);
        }
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    out
}

/// Names the types of one namespace: the first letter raised; two names
/// that raise to the same identifier get `2`, `3` in the order of their
/// Graph names (the one that already starts uppercase keeps it).
pub fn type_names(types: &[&str]) -> BTreeMap<String, String> {
    let mut by_ident: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for ty in types {
        let mut ident = upper_first(&ascii(ty));
        if ident == "Self" {
            // The one keyword a type name can raise to; `Self_` would give
            // `Self_Create`, which is not CamelCase.
            ident = "SelfType".to_owned();
        }
        by_ident.entry(ident).or_default().push(ty);
    }
    let mut taken: BTreeSet<String> = by_ident.keys().cloned().collect();
    let mut names = BTreeMap::new();
    for (ident, mut group) in by_ident {
        group.sort_by_key(|name| (upper_first(name) != **name, name.to_string()));
        for (i, ty) in group.iter().enumerate() {
            let chosen = if i == 0 {
                ident.clone()
            } else {
                let mut n = i + 1;
                while taken.contains(&format!("{ident}{n}")) {
                    n += 1;
                }
                format!("{ident}{n}")
            };
            taken.insert(chosen.clone());
            names.insert(ty.to_string(), escape(&chosen));
        }
    }
    names
}

/// The fields of an action's inline body (`graph_endpoint!`'s `body: {
/// ... }`), keyed by parameter name: named as [`field_names`] names a
/// struct's properties, with `#[graph(rename)]` wherever the macro's
/// default would not send the metadata's spelling (`Comment`,
/// `AttachmentItem`, `SaveToSentItems`: Graph's metadata spells many of the
/// Outlook actions' parameters with a capital).
pub fn body_field_names(parameters: &[&str]) -> BTreeMap<String, FieldName> {
    field_names(parameters, false)
}

/// A bound operation's part of an endpoint name: `sendMail` is `SendMail`;
/// one from another namespace than `microsoft.graph` leads with it
/// (`microsoft.graph.security` `runHuntingQuery` is
/// `SecurityRunHuntingQuery`); an overload of a name bound at the same
/// place adds its parameters (`getEmailActivityUserDetail(period)` is
/// `GetEmailActivityUserDetailWithPeriod`, the one without parameters
/// nothing), so each overload keeps its name whatever the others are.
pub fn operation_name(
    namespace: &str,
    name: &str,
    parameters: &[&str],
    overloaded: bool,
) -> String {
    let mut out = String::new();
    if namespace != "microsoft.graph" {
        out.push_str(&camel_variant(&module_name(namespace)));
    }
    out.push_str(&camel_variant(name));
    if overloaded && !parameters.is_empty() {
        out.push_str("With");
        for parameter in parameters {
            out.push_str(&camel_variant(parameter));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The identifier, and the Graph name the macros will use for it.
    fn field(names: &BTreeMap<String, FieldName>, graph: &str) -> (String, String) {
        let name = &names[graph];
        let wire = name
            .rename
            .clone()
            .unwrap_or_else(|| default_property_name(&name.ident));
        (name.ident.clone(), wire)
    }

    fn variant(names: &BTreeMap<String, FieldName>, graph: &str) -> (String, String) {
        let name = &names[graph];
        let wire = name
            .rename
            .clone()
            .unwrap_or_else(|| default_member_name(&name.ident));
        (name.ident.clone(), wire)
    }

    #[test]
    fn keywords_become_raw_identifiers_or_take_an_underscore() {
        let names = field_names(&["type", "self", "final", "move", "displayName"], false);
        assert_eq!(field(&names, "type"), ("r#type".into(), "type".into()));
        assert_eq!(field(&names, "final"), ("r#final".into(), "final".into()));
        assert_eq!(field(&names, "move"), ("r#move".into(), "move".into()));
        // `self` cannot be raw.
        assert_eq!(field(&names, "self"), ("self_".into(), "self".into()));
        assert_eq!(
            field(&names, "displayName"),
            ("display_name".into(), "displayName".into())
        );
        assert_eq!(names["displayName"].rename, None);
    }

    #[test]
    fn names_the_macros_would_misspell_are_renamed() {
        let names = field_names(
            &["azureADDeviceId", "accessedResources_v2", "iCalUId"],
            false,
        );
        for graph in ["azureADDeviceId", "accessedResources_v2", "iCalUId"] {
            assert_eq!(field(&names, graph).1, graph);
        }
        assert!(names["azureADDeviceId"].rename.is_some());
        assert!(names["accessedResources_v2"].rename.is_some());
        assert_eq!(names["azureADDeviceId"].ident, "azure_ad_device_id");
        assert_eq!(names["accessedResources_v2"].ident, "accessed_resources_v2");
    }

    #[test]
    fn additional_data_and_base_do_not_clash_with_what_the_macros_add() {
        let names = field_names(&["additionalData", "base"], true);
        assert_eq!(
            field(&names, "additionalData"),
            ("additional_data_property".into(), "additionalData".into())
        );
        assert_eq!(
            field(&names, "base"),
            ("base_property".into(), "base".into())
        );
        // Only a derived type embeds its base as `base`.
        assert_eq!(field_names(&["base"], false)["base"].ident, "base");
    }

    #[test]
    fn colliding_properties_are_told_apart_whatever_their_order() {
        let one = field_names(&["remoteControlSoftware", "remote_Control_Software"], false);
        let other = field_names(&["remote_Control_Software", "remoteControlSoftware"], false);
        assert_eq!(one, other);
        assert_eq!(
            field(&one, "remoteControlSoftware"),
            (
                "remote_control_software".into(),
                "remoteControlSoftware".into()
            )
        );
        assert_eq!(
            field(&one, "remote_Control_Software"),
            (
                "remote_control_software_2".into(),
                "remote_Control_Software".into()
            )
        );
    }

    #[test]
    fn enum_members_that_normalise_alike_stay_apart() {
        let (names, uncamel) = variant_names(&["remoteControlSoftware", "remote_Control_Software"]);
        assert_eq!(
            variant(&names, "remoteControlSoftware"),
            (
                "RemoteControlSoftware".into(),
                "remoteControlSoftware".into()
            )
        );
        assert_eq!(
            variant(&names, "remote_Control_Software"),
            (
                "Remote_Control_Software".into(),
                "remote_Control_Software".into()
            )
        );
        assert!(uncamel);
        let (names, _) = variant_names(&["BaseAttributeName", "baseAttributeName"]);
        assert_eq!(names["baseAttributeName"].ident, "BaseAttributeName");
        assert_eq!(
            variant(&names, "BaseAttributeName"),
            ("BaseAttributeName2".into(), "BaseAttributeName".into())
        );
    }

    #[test]
    fn enum_members_keep_graph_capitals_and_digit_underscores() {
        let members = ["iOS", "macOS", "windows10_1803", "self", "enum", "v10_0"];
        let (names, uncamel) = variant_names(&members);
        for member in members {
            assert_eq!(variant(&names, member).1, member);
        }
        assert_eq!(names["iOS"].ident, "IOS");
        assert_eq!(names["macOS"].ident, "MacOS");
        assert_eq!(names["windows10_1803"].ident, "Windows10_1803");
        assert_eq!(names["self"].ident, "Self_");
        assert_eq!(names["enum"].ident, "Enum");
        assert_eq!(names["v10_0"].ident, "V10_0");
        assert!(!uncamel);
    }

    #[test]
    fn types_raise_their_first_letter_and_collisions_are_numbered() {
        let names = type_names(&["user", "macOSLobApp", "Json", "json"]);
        assert_eq!(names["user"], "User");
        assert_eq!(names["macOSLobApp"], "MacOSLobApp");
        assert_eq!(names["Json"], "Json");
        assert_eq!(names["json"], "Json2");
    }

    #[test]
    fn modules_and_features_are_told_apart_and_kept_off_reserved_names() {
        let modules = module_names([
            "microsoft.graph.callRecords",
            "microsoft.graph.call_records",
            "microsoft.graph.lib",
            "microsoft.graph.endpoints",
            "microsoft.graph.type",
        ]);
        assert_eq!(modules["microsoft.graph.callRecords"], "call_records");
        assert_eq!(modules["microsoft.graph.call_records"], "call_records_2");
        assert_eq!(modules["microsoft.graph.lib"], "lib_ns");
        assert_eq!(modules["microsoft.graph.endpoints"], "endpoints_ns");
        assert_eq!(modules["microsoft.graph.type"], "r#type");
        let features = feature_names(["users", "Users", "default", "full", "café"]);
        assert_eq!(features["Users"], "users");
        assert_eq!(features["users"], "users_2");
        assert_eq!(features["default"], "default_area");
        assert_eq!(features["full"], "full_area");
        assert_eq!(features["café"], "cafu00e9");
    }

    #[test]
    fn namespaces_become_snake_case_modules() {
        assert_eq!(module_name("microsoft.graph"), "graph");
        assert_eq!(module_name("microsoft.graph.callRecords"), "call_records");
        assert_eq!(
            module_name("microsoft.graph.partners.billing"),
            "partners_billing"
        );
    }

    #[test]
    fn the_default_names_match_graph_macros() {
        assert_eq!(default_property_name("sha256_hash"), "sha256Hash");
        assert_eq!(default_property_name("r#type"), "type");
        assert_eq!(default_member_name("IOS"), "iOS");
    }

    #[test]
    fn action_parameters_are_snake_case_and_sent_as_the_metadata_spells_them() {
        let names = body_field_names(&[
            "Message",
            "SaveToSentItems",
            "azureADDeviceId",
            "remote_Control",
            "type",
            "comment",
        ]);
        let field = |graph: &str| field(&names, graph);
        assert_eq!(field("Message"), ("message".into(), "Message".into()));
        assert_eq!(
            field("SaveToSentItems"),
            ("save_to_sent_items".into(), "SaveToSentItems".into())
        );
        assert_eq!(
            field("azureADDeviceId"),
            ("azure_ad_device_id".into(), "azureADDeviceId".into())
        );
        assert_eq!(
            field("remote_Control"),
            ("remote_control".into(), "remote_Control".into())
        );
        assert_eq!(field("type"), ("r#type".into(), "type".into()));
        assert_eq!(names["comment"].rename, None);
        assert_eq!(names["Message"].rename.as_deref(), Some("Message"));
    }

    #[test]
    fn operation_names_lead_with_a_foreign_namespace_and_name_overloads() {
        assert_eq!(
            operation_name("microsoft.graph", "sendMail", &["Message"], false),
            "SendMail"
        );
        assert_eq!(
            operation_name("microsoft.graph.security", "runHuntingQuery", &[], false),
            "SecurityRunHuntingQuery"
        );
        assert_eq!(
            operation_name(
                "microsoft.graph",
                "reminderView",
                &["StartDateTime", "EndDateTime"],
                true
            ),
            "ReminderViewWithStartDateTimeEndDateTime"
        );
        assert_eq!(
            operation_name("microsoft.graph", "delta", &[], true),
            "Delta"
        );
    }
}
