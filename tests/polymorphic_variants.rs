//! `#[graph_polymorphic]` as generated bindings use it: boxed variants (what
//! clippy's `large_enum_variant` asks for), variants behind `#[cfg]`, types
//! passed through `macro_rules!`, and every kind of variant read back exactly
//! as it was written.

use graph_core::{graph_complex, graph_entity, graph_polymorphic, Polymorphic};
use serde_json::{json, Value};

#[graph_entity("directoryObject", abstract)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DirectoryObject {
    pub deleted_date_time: Option<String>,
}

#[graph_entity("user", base = "DirectoryObject")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct User {
    pub display_name: Option<String>,
    pub account_enabled: Option<bool>,
}

#[graph_entity("drive")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Drive {
    pub drive_type: Option<String>,
}

/// A complex type that derives from nothing: on its own it does not write its
/// `@odata.type`.
#[graph_complex("keyValue")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KeyValue {
    pub key: Option<String>,
    pub value: Option<String>,
}

#[graph_complex("identity")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Identity {
    pub display_name: Option<String>,
}

#[graph_complex("userIdentity", base = "Identity")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UserIdentity {
    pub ip_address: Option<String>,
}

/// One variant of every kind, the large ones boxed.
#[graph_polymorphic]
#[derive(Debug, Clone, PartialEq)]
pub enum AnyValue {
    Drive(Drive),
    User(Box<User>),
    KeyValue(KeyValue),
    UserIdentity(std::boxed::Box<UserIdentity>),
    #[graph(other)]
    Other(Box<DirectoryObject>),
}

/// `AnyValue` without boxes: what the boxed one must read and write exactly as.
#[graph_polymorphic]
#[derive(Debug, Clone, PartialEq)]
pub enum AnyValueUnboxed {
    Drive(Drive),
    User(User),
    KeyValue(KeyValue),
    UserIdentity(UserIdentity),
    #[graph(other)]
    Other(DirectoryObject),
}

/// No fallback: a variant written without its type could not be read at all.
#[graph_polymorphic]
#[derive(Debug, Clone, PartialEq)]
pub enum KnownComplex {
    KeyValue(KeyValue),
    Identity(Identity),
    UserIdentity(UserIdentity),
}

fn unbox(value: AnyValue) -> AnyValueUnboxed {
    match value {
        AnyValue::Drive(drive) => AnyValueUnboxed::Drive(drive),
        AnyValue::User(user) => AnyValueUnboxed::User(*user),
        AnyValue::KeyValue(pair) => AnyValueUnboxed::KeyValue(pair),
        AnyValue::UserIdentity(identity) => AnyValueUnboxed::UserIdentity(*identity),
        AnyValue::Other(other) => AnyValueUnboxed::Other(*other),
    }
}

fn user() -> User {
    User {
        base: DirectoryObject {
            id: Some("u1".into()),
            ..Default::default()
        },
        display_name: Some("Adele".into()),
        account_enabled: Some(true),
    }
}

/// A value of every variant kind, built in code or read from Graph's JSON.
fn every_kind() -> Vec<AnyValue> {
    let read = |json: Value| -> AnyValue { serde_json::from_value(json).unwrap() };
    vec![
        AnyValue::from(Drive {
            id: Some("d1".into()),
            drive_type: Some("business".into()),
            ..Default::default()
        }),
        AnyValue::from(user()),
        AnyValue::from(KeyValue {
            key: Some("k".into()),
            value: Some("v".into()),
            ..Default::default()
        }),
        // Read with its type, as Graph sends it, and spelt without `#`.
        read(json!({"@odata.type": "#microsoft.graph.keyValue", "key": "k"})),
        read(json!({"@odata.type": "microsoft.graph.keyValue", "key": "k"})),
        AnyValue::from(UserIdentity {
            base: Identity {
                display_name: Some("Adele".into()),
                ..Default::default()
            },
            ip_address: Some("10.0.0.1".into()),
        }),
        // The fallback built without a type, received with another type, and
        // received with its own.
        AnyValue::from(DirectoryObject {
            id: Some("o1".into()),
            ..Default::default()
        }),
        read(json!({"@odata.type": "#microsoft.graph.device", "id": "o2", "deviceId": "x"})),
        read(json!({"@odata.type": "#microsoft.graph.directoryObject", "id": "o3"})),
        read(json!({"id": "o4"})),
    ]
}

#[test]
fn every_kind_of_variant_reads_back_what_it_wrote() {
    let mut untyped = Vec::new();
    for value in every_kind() {
        let written = graph_core::to_json(&value).unwrap();
        let text = String::from_utf8(written.clone()).unwrap();
        // Written first, so that a reader finds it without holding anything;
        // only the fallback read without one is written without one.
        if !text.contains("@odata.type") {
            untyped.push(text.clone());
        } else {
            assert!(text.starts_with(r#"{"@odata.type":""#), "{text}");
        }
        let read: AnyValue = graph_core::from_json(&written).unwrap_or_else(|error| {
            panic!("{text} does not read back: {error}");
        });
        assert_eq!(read, value, "{text}");
        assert_eq!(read.odata_type(), value.odata_type(), "{text}");
    }
    assert_eq!(untyped, [r#"{"id":"o4"}"#]);
}

/// A complex fallback: on its own, its type writes no `@odata.type`.
#[graph_polymorphic]
#[derive(Debug, Clone, PartialEq)]
pub enum AnyIdentity {
    User(UserIdentity),
    #[graph(other)]
    Other(Identity),
}

#[test]
fn a_complex_fallback_reads_back_what_it_wrote() {
    let read = |json: Value| -> AnyIdentity { serde_json::from_value(json).unwrap() };
    for value in [
        AnyIdentity::from(Identity {
            display_name: Some("built".into()),
            ..Default::default()
        }),
        read(json!({"displayName": "untyped"})),
        read(json!({"@odata.type": "#microsoft.graph.identity", "displayName": "own"})),
        read(json!({"@odata.type": "microsoft.graph.identity", "displayName": "own"})),
        read(json!({"@odata.type": "#microsoft.graph.appIdentity", "appId": "a"})),
    ] {
        let written = graph_core::to_json(&value).unwrap();
        let text = String::from_utf8(written.clone()).unwrap();
        // The one read without a type is written without one.
        assert!(
            text.starts_with(r#"{"@odata.type":""#) || text == r#"{"displayName":"untyped"}"#,
            "{text}"
        );
        let read: AnyIdentity = graph_core::from_json(&written).unwrap();
        assert_eq!(read, value, "{text}");
    }
}

#[test]
fn a_complex_type_of_no_base_reads_back_without_a_fallback() {
    for value in [
        KnownComplex::from(KeyValue {
            key: Some("k".into()),
            ..Default::default()
        }),
        KnownComplex::from(Identity::default()),
        KnownComplex::from(UserIdentity::default()),
    ] {
        let written = graph_core::to_json(&value).unwrap();
        let read: KnownComplex = graph_core::from_json(&written).unwrap_or_else(|error| {
            panic!(
                "{} does not read back: {error}",
                String::from_utf8_lossy(&written)
            )
        });
        assert_eq!(read, value);
    }
    // The type is written as `ODATA_TYPE` spells it.
    assert_eq!(
        graph_core::to_json(&KnownComplex::from(Identity::default())).unwrap(),
        br##"{"@odata.type":"#microsoft.graph.identity"}"##
    );
}

#[test]
fn a_type_received_in_another_spelling_is_written_as_its_type_writes_it() {
    // As for entities, which always wrote their type: the enum writes the
    // type in its usual form, with `#`, and the value is the same.
    let read: AnyValue =
        graph_core::from_json(br#"{"@odata.type":"microsoft.graph.keyValue","key":"k"}"#).unwrap();
    assert_eq!(
        read,
        AnyValue::from(KeyValue {
            key: Some("k".into()),
            ..Default::default()
        })
    );
    assert_eq!(
        graph_core::to_json(&read).unwrap(),
        br##"{"@odata.type":"#microsoft.graph.keyValue","key":"k"}"##
    );
    // Read on its own, outside the enum, the complex type keeps the type it
    // was given, since it would not write one itself.
    let own: KeyValue =
        graph_core::from_json(br#"{"@odata.type":"microsoft.graph.keyValue","key":"k"}"#).unwrap();
    assert_eq!(
        graph_core::to_json(&own).unwrap(),
        br#"{"@odata.type":"microsoft.graph.keyValue","key":"k"}"#
    );
}

#[test]
fn boxed_variants_read_and_write_exactly_as_unboxed_ones() {
    for value in every_kind() {
        let unboxed = unbox(value.clone());
        let written = graph_core::to_json(&value).unwrap();
        assert_eq!(written, graph_core::to_json(&unboxed).unwrap());
        let read: AnyValueUnboxed = graph_core::from_json(&written).unwrap();
        assert_eq!(read, unboxed);
        assert_eq!(value.odata_type(), unboxed.odata_type());
    }
    let read: AnyValue = graph_core::from_json(
        br##"{"@odata.type":"#microsoft.graph.user","id":"u1","displayName":"Adele","accountEnabled":true}"##,
    )
    .unwrap();
    assert_eq!(read, AnyValue::User(Box::new(user())));
}

// A binding generator passes types through `macro_rules!`, where a `$t:ty`
// arrives wrapped in an invisible group.
macro_rules! polymorphic {
    ($name:ident { $($variant:ident($ty:ty),)* } other: $other:ident($other_ty:ty)) => {
        #[graph_polymorphic]
        #[derive(Debug, Clone, PartialEq)]
        pub enum $name {
            $($variant($ty),)*
            #[graph(other)]
            $other($other_ty),
        }
    };
}

polymorphic!(ThroughMacro {
    User(Box<User>),
    KeyValue(KeyValue),
} other: Other(Box<DirectoryObject>));

#[test]
fn boxed_types_passed_through_macro_rules_are_boxed_variants() {
    let value = ThroughMacro::from(user());
    assert_eq!(value, ThroughMacro::User(Box::new(user())));
    let written = graph_core::to_json(&value).unwrap();
    assert_eq!(
        written,
        graph_core::to_json(&AnyValue::from(user())).unwrap()
    );
    assert_eq!(
        graph_core::from_json::<ThroughMacro>(&written).unwrap(),
        value
    );
    let other: ThroughMacro = graph_core::from_json(br#"{"id":"o"}"#).unwrap();
    assert_eq!(
        other,
        ThroughMacro::Other(Box::new(DirectoryObject {
            id: Some("o".into()),
            ..Default::default()
        }))
    );
}

/// A second `user` type, only ever compiled out below.
#[graph_entity("user")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UserSlim {
    pub display_name: Option<String>,
}

#[graph_polymorphic]
#[derive(Debug, Clone, PartialEq)]
pub enum WithCfg {
    // Compiled out (integration tests build with `cfg(test)`), a variant may
    // name a type that does not exist, or one that shares its Graph name with
    // a variant that is compiled in.
    #[cfg(not(test))]
    Gone(NoSuchType),
    #[cfg(test)]
    User(User),
    #[cfg(not(test))]
    Slim(Box<UserSlim>),
    // `cfg` inside `cfg_attr` removes a variant as well.
    #[cfg_attr(test, cfg(any()))]
    Hidden(NoSuchTypeEither),
    #[cfg(test)]
    #[graph(other)]
    Other(DirectoryObject),
}

#[graph_polymorphic]
#[derive(Debug, Clone, PartialEq)]
pub enum WithoutFallback {
    User(User),
    #[cfg(not(test))]
    #[graph(other)]
    Other(DirectoryObject),
}

#[test]
fn variants_compiled_out_are_neither_read_nor_written() {
    let value = WithCfg::from(user());
    let written = graph_core::to_json(&value).unwrap();
    assert_eq!(graph_core::from_json::<WithCfg>(&written).unwrap(), value);
    let other: WithCfg =
        graph_core::from_json(br##"{"@odata.type":"#microsoft.graph.group"}"##).unwrap();
    assert!(matches!(other, WithCfg::Other(_)), "{other:?}");

    let value: WithoutFallback = graph_core::from_json(&written).unwrap();
    assert_eq!(value, WithoutFallback::User(user()));
    // Without its fallback, the enum reads as one that has none.
    let error =
        graph_core::from_json::<WithoutFallback>(br##"{"@odata.type":"#microsoft.graph.group"}"##)
            .unwrap_err()
            .to_string();
    assert!(
        error.contains(
            "unknown @odata.type `#microsoft.graph.group`, expected one of `#microsoft.graph.user`"
        ),
        "{error}"
    );
}
