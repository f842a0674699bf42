//! A crate whose only dependency is graph-core, using the macros where
//! prelude names are missing or shadowed. It compiling is most of the test.

/// No prelude at all: generated code must spell out every path.
pub mod without_prelude {
    #![no_implicit_prelude]

    use ::graph_core::{graph_complex, graph_entity, graph_enum, graph_polymorphic};

    #[graph_enum("runState")]
    #[derive(::core::fmt::Debug, ::core::cmp::PartialEq)]
    pub enum RunState {
        Running,
        #[graph(other)]
        Other(::std::string::String),
    }

    #[graph_entity("microsoft.graph.security.alert")]
    #[derive(::core::fmt::Debug, ::core::cmp::PartialEq)]
    pub struct Alert {
        pub title: ::core::option::Option<::std::string::String>,
        #[graph(required)]
        pub state: ::core::option::Option<RunState>,
        #[graph(read_only)]
        pub created_date_time: ::core::option::Option<::graph_core::DateTimeOffset>,
        pub count: i64,
    }

    #[graph_complex("microsoft.graph.security.evidence", abstract)]
    #[derive(::core::fmt::Debug, ::core::cmp::PartialEq)]
    pub struct Evidence {
        pub remediation: ::core::option::Option<::std::string::String>,
    }

    #[graph_complex("microsoft.graph.security.fileEvidence", base = "Evidence")]
    #[derive(::core::fmt::Debug, ::core::cmp::PartialEq)]
    pub struct FileEvidence {
        pub file_name: ::core::option::Option<::std::string::String>,
    }

    #[graph_polymorphic]
    #[derive(::core::fmt::Debug, ::core::cmp::PartialEq)]
    pub enum AnyEvidence {
        File(FileEvidence),
        #[graph(other)]
        Other(Evidence),
    }

    #[graph_entity("microsoft.graph.security.incidentAlert", base = "Alert")]
    #[derive(::core::fmt::Debug, ::core::cmp::PartialEq)]
    pub struct IncidentAlert {
        pub evidence: ::core::option::Option<::std::vec::Vec<AnyEvidence>>,
    }
}

/// Prelude names shadowed by the user's own items.
#[allow(dead_code)]
pub mod shadowed {
    use graph_core::{graph_complex, graph_entity, graph_enum, graph_polymorphic};

    pub struct Option;
    pub struct String;
    pub struct Box;
    pub struct Vec;
    pub type Result = ();
    pub trait Default {}
    pub trait Serialize {}
    pub trait Deserialize {}
    pub enum Some {}
    pub enum None {}
    pub enum Ok {}
    pub enum Err {}
    pub mod serde {}
    pub mod core {}
    pub mod std {}
    pub trait Deref {}
    pub trait From {}
    pub struct A;
    pub struct M;
    pub struct X;
    // Unit structs named like generated locals and parameters: a pattern
    // binding cannot shadow them, so generated code must not use the names.
    #[allow(non_camel_case_types)]
    pub mod locals {
        pub struct map;
        pub struct key;
        pub struct rule;
        pub struct extension;
        pub struct base;
        pub struct object;
        pub struct value;
        pub struct odata_type;
        pub struct additional_data;
        pub struct serializer;
        pub struct deserializer;
        pub struct name;
        pub struct text;
        pub struct f;
    }
    #[allow(unused_imports)]
    use locals::*;

    #[graph_complex("noteBody")]
    #[derive(Debug, PartialEq)]
    pub struct NoteBody {
        pub content: ::std::option::Option<::std::string::String>,
    }

    #[graph_entity("linkedTask", base = "TodoTask")]
    #[derive(Debug, PartialEq)]
    pub struct LinkedTask {
        pub body: ::std::option::Option<NoteBody>,
    }

    #[graph_polymorphic]
    #[derive(Debug, PartialEq)]
    pub enum AnyTask {
        Linked(LinkedTask),
        #[graph(other)]
        Task(TodoTask),
    }

    #[graph_enum]
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub enum Importance {
        Low,
        High,
    }

    #[graph_entity("todoTask")]
    #[derive(Debug, PartialEq)]
    pub struct TodoTask {
        pub title: ::std::option::Option<::std::string::String>,
        pub importance: ::std::option::Option<Importance>,
        pub r#type: ::std::option::Option<::std::string::String>,
    }

    graph_core::graph_endpoint! {
        /// An action whose parameters' struct is generated among shadowed
        /// names (`object`, `serializer`, `Option`, ...).
        #[derive(Debug, PartialEq)]
        pub CompleteTask {
            method: POST,
            path: "/me/todo/lists/{listId}/tasks/{taskId}/complete",
            body: {
                note: ::std::option::Option<NoteBody>,
                importance: Importance,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{shadowed, without_prelude};
    use graph_core::{from_json, to_json, AdditionalData, JsonValue};

    fn json(text: &str) -> JsonValue {
        from_json(text.as_bytes()).unwrap()
    }

    #[test]
    fn entities_round_trip_without_serde_in_scope() {
        let text = r##"{"@odata.type":"#microsoft.graph.security.alert","id":"a1","title":"t","state":"paused","createdDateTime":"2020-01-01T00:00:00Z","count":3}"##;
        let alert: without_prelude::Alert = from_json(text.as_bytes()).unwrap();
        assert_eq!(
            alert.state,
            Some(without_prelude::RunState::Other("paused".into()))
        );
        assert_eq!(
            json(std::str::from_utf8(&to_json(&alert).unwrap()).unwrap()),
            json(text)
        );

        let create = without_prelude::AlertCreate {
            title: None,
            state: without_prelude::RunState::Running,
            count: 1,
            additional_data: AdditionalData::new(),
        };
        assert_eq!(
            to_json(&create).unwrap(),
            br##"{"@odata.type":"#microsoft.graph.security.alert","state":"running","count":1}"##
        );
    }

    #[test]
    fn derived_complex_and_polymorphic_types_without_prelude() {
        let text = r##"{"@odata.type":"#microsoft.graph.security.incidentAlert","id":"a2","title":"t","count":1,"evidence":[{"@odata.type":"#microsoft.graph.security.fileEvidence","remediation":"none","fileName":"a.exe"},{"@odata.type":"#microsoft.graph.security.ipEvidence","ipAddress":"10.0.0.1"}]}"##;
        let alert: without_prelude::IncidentAlert = from_json(text.as_bytes()).unwrap();
        assert_eq!(alert.title.as_deref(), Some("t"));
        let evidence = alert.evidence.as_deref().unwrap();
        assert!(
            matches!(&evidence[0], without_prelude::AnyEvidence::File(file) if file.remediation.as_deref() == Some("none"))
        );
        assert!(matches!(
            &evidence[1],
            without_prelude::AnyEvidence::Other(_)
        ));
        assert_eq!(
            json(std::str::from_utf8(&to_json(&alert).unwrap()).unwrap()),
            json(text)
        );
    }

    #[test]
    fn shadowed_names_do_not_leak_into_derived_and_polymorphic_code() {
        let text =
            r##"{"@odata.type":"#microsoft.graph.linkedTask","title":"x","body":{"content":"c"}}"##;
        let task: shadowed::AnyTask = from_json(text.as_bytes()).unwrap();
        let shadowed::AnyTask::Linked(linked) = &task else {
            panic!("{task:?}")
        };
        assert_eq!(linked.title.as_deref(), Some("x"));
        assert_eq!(
            json(std::str::from_utf8(&to_json(&task).unwrap()).unwrap()),
            json(text)
        );
    }

    #[test]
    fn shadowed_names_do_not_leak_into_generated_code() {
        let text = r##"{"@odata.type":"#microsoft.graph.todoTask","title":"x","importance":"high","type":"t"}"##;
        let task: shadowed::TodoTask = from_json(text.as_bytes()).unwrap();
        assert_eq!(task.importance, Some(shadowed::Importance::High));
        assert_eq!(task.r#type.as_deref(), Some("t"));
        assert_eq!(
            json(std::str::from_utf8(&to_json(&task).unwrap()).unwrap()),
            json(text)
        );
    }

    #[test]
    fn an_inline_body_among_shadowed_names() {
        use graph_core::Endpoint;
        let complete = shadowed::CompleteTask::new(
            "l1",
            "t1",
            shadowed::CompleteTaskBody {
                note: None,
                importance: shadowed::Importance::Low,
            },
        );
        let request = complete
            .to_request("https://graph.microsoft.com/v1.0", "token")
            .unwrap();
        assert_eq!(request.body(), br#"{"importance":"low"}"#);
    }
}
