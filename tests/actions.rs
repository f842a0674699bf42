//! Actions: parameters declared inline as the body (`body: { ... }`), the
//! struct the macro generates for them, and OData's wrapped returns
//! (`ODataValue`), each checked against the example of its page in the
//! Microsoft Graph API reference (v1.0): the request line and body the page
//! shows, and the documented response parsed.

use graph_core::http::{self, Method};
use graph_core::{
    graph_complex, graph_endpoint, graph_entity, Endpoint, GraphError, JsonValue, ODataValue,
    RequestOptions,
};
use serde_json::json;

const ROOT: &str = "https://graph.microsoft.com/v1.0";
const TOKEN: &str = "eyJ0eXAi.token";

#[graph_complex("itemBody")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ItemBody {
    pub content_type: Option<String>,
    pub content: Option<String>,
}

#[graph_complex("emailAddress")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmailAddress {
    pub name: Option<String>,
    pub address: Option<String>,
}

#[graph_complex("recipient")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Recipient {
    pub email_address: Option<EmailAddress>,
}

#[graph_entity("message")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Message {
    pub subject: Option<String>,
    pub body: Option<ItemBody>,
    pub to_recipients: Option<Vec<Recipient>>,
    pub cc_recipients: Option<Vec<Recipient>>,
}

#[graph_complex("dateTimeTimeZone")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DateTimeTimeZone {
    pub date_time: Option<String>,
    pub time_zone: Option<String>,
}

#[graph_complex("scheduleInformation")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScheduleInformation {
    pub schedule_id: Option<String>,
    pub availability_view: Option<String>,
    pub schedule_items: Option<Vec<JsonValue>>,
    pub working_hours: Option<JsonValue>,
}

graph_endpoint! {
    /// Send mail as the signed-in user.
    #[derive(Debug, Clone, PartialEq)]
    pub SendMyMail {
        method: POST,
        path: "/me/sendMail",
        body: {
            /// The message to send.
            message: Message,
            /// Whether to save the message in Sent Items (default true).
            save_to_sent_items: Option<bool>,
        },
        status: 202,
    }

    /// Send mail as a user.
    pub SendMail {
        method: POST,
        path: "/users/{userId}/sendMail",
        body: { message: Message, save_to_sent_items: Option<bool> },
        status: 202,
    }

    /// Free/busy information of users, lists or rooms.
    pub GetSchedule {
        method: POST,
        path: "/me/calendar/getSchedule",
        body: {
            schedules: Vec<String>,
            start_time: DateTimeTimeZone,
            end_time: DateTimeTimeZone,
            availability_view_interval: Option<i32>,
        },
        response: ODataValue<Vec<ScheduleInformation>>,
        status: 200,
    }

    /// Wipe a device.
    pub WipeManagedDevice {
        method: POST,
        path: "/deviceManagement/managedDevices/{managedDeviceId}/wipe",
        body: {
            keep_enrollment_data: Option<bool>,
            keep_user_data: Option<bool>,
            mac_os_unlock_code: Option<String>,
            persist_esim_data_plan: Option<bool>,
            obliteration_behavior: Option<String>,
        },
    }

    /// A body type written out still works.
    pub SendMailNamed {
        method: POST,
        path: "/me/sendMail",
        body: JsonValue,
        status: 202,
    }

    /// `#[graph(rename)]`: a `snake_case` field sent as the metadata spells
    /// the parameter.
    pub ForwardEvent {
        method: POST,
        path: "/me/events/{id}/forward",
        body: {
            #[graph(rename = "ToRecipients")]
            to_recipients: Option<Vec<Recipient>>,
            /// The comment.
            #[graph(rename = "Comment")]
            comment: Option<String>,
        },
        status: 202,
    }

    /// Parameters Graph spells with capitals are written as Graph spells them.
    pub CamelParameters {
        method: POST,
        path: "/a",
        body: {
            StartDateTime: String,
            #[cfg(any())]
            never_sent: String,
        },
    }
}

// An endpoint's `#[cfg]` gates its body's struct too: this one names a type
// that does not exist, so the file compiles only if the struct is gone.
graph_endpoint! {
    #[cfg(any())]
    pub NeverCompiled {
        method: POST,
        path: "/x",
        body: { value: DoesNotExist },
    }
}

fn body_json(request: &http::Request<Vec<u8>>) -> JsonValue {
    serde_json::from_slice(request.body()).unwrap()
}

fn response(status: u16, body: &str) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(body.as_bytes().to_vec())
        .unwrap()
}

fn lunch_message() -> Message {
    let recipient = |address: &str| Recipient {
        email_address: Some(EmailAddress {
            address: Some(address.into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    Message {
        subject: Some("Meet for lunch?".into()),
        body: Some(ItemBody {
            content_type: Some("Text".into()),
            content: Some("The new cafeteria is open.".into()),
            ..Default::default()
        }),
        to_recipients: Some(vec![recipient("frannis@contoso.com")]),
        cc_recipients: Some(vec![recipient("danas@contoso.com")]),
        ..Default::default()
    }
}

// Source: https://learn.microsoft.com/en-us/graph/api/user-sendmail?view=graph-rest-1.0
// (microsoftgraph/microsoft-graph-docs-contrib,
// api-reference/v1.0/api/user-sendmail.md), "Example 1".
#[test]
fn send_mail_sends_the_documented_request() {
    let send = SendMyMail::new(SendMyMailBody {
        message: lunch_message(),
        save_to_sent_items: Some(false),
    });
    let request = send.to_request(ROOT, TOKEN).unwrap();
    assert_eq!(request.method(), Method::POST);
    assert_eq!(
        request.uri(),
        "https://graph.microsoft.com/v1.0/me/sendMail"
    );
    assert_eq!(request.headers()["content-type"], "application/json");

    let mut documented = json!({
        "message": {
            "subject": "Meet for lunch?",
            "body": {"contentType": "Text", "content": "The new cafeteria is open."},
            "toRecipients": [{"emailAddress": {"address": "frannis@contoso.com"}}],
            "ccRecipients": [{"emailAddress": {"address": "danas@contoso.com"}}]
        },
        "saveToSentItems": "false"
    });
    // Two differences, both on purpose: the page's body quotes `"false"`
    // although its parameter table types `saveToSentItems` as Boolean, and
    // a `#[graph_entity]` always writes its `@odata.type` (nested, which
    // Graph accepts; the parameters object itself has none).
    documented["saveToSentItems"] = json!(false);
    documented["message"]["@odata.type"] = json!("#microsoft.graph.message");
    assert_eq!(body_json(&request), documented);
    assert!(
        request.body().starts_with(br#"{"message":"#),
        "no @odata.type at the top"
    );

    // "If successful, this method returns 202 Accepted response code. It
    // doesn't return anything in the response body."
    SendMyMail::parse_response(response(202, "")).unwrap();
    assert_eq!(SendMyMail::SUCCESS_STATUS, 202);
}

#[test]
fn the_generated_body_leaves_out_none_and_takes_the_endpoint_derives() {
    let body = SendMyMailBody {
        message: Message::default(),
        save_to_sent_items: None,
    };
    let send = SendMyMail::new(body.clone());
    // Derived on the endpoint, so on its body too.
    assert_eq!(send.clone(), send);
    assert!(format!("{:?}", send.body).contains("save_to_sent_items: None"));
    let request = send.to_request(ROOT, TOKEN).unwrap();
    assert_eq!(
        request.body(),
        br##"{"message":{"@odata.type":"#microsoft.graph.message"}}"##
    );

    let request = SendMail::new(
        "jo@contoso.com",
        SendMailBody {
            message: Message::default(),
            save_to_sent_items: Some(true),
        },
    )
    .to_request(ROOT, TOKEN)
    .unwrap();
    assert_eq!(
        request.uri(),
        "https://graph.microsoft.com/v1.0/users/jo%40contoso.com/sendMail"
    );
    assert_eq!(body_json(&request)["saveToSentItems"], json!(true));
}

#[test]
fn a_body_type_written_out_keeps_working() {
    let request = SendMailNamed::new(json!({"message": {}}))
        .to_request(ROOT, TOKEN)
        .unwrap();
    assert_eq!(request.body(), br#"{"message":{}}"#);
}

#[test]
fn parameter_names_follow_the_entity_field_rules() {
    let request = CamelParameters::new(CamelParametersBody {
        StartDateTime: "2024-01-01T00:00:00".into(),
    })
    .to_request(ROOT, TOKEN)
    .unwrap();
    assert_eq!(
        request.body(),
        br#"{"StartDateTime":"2024-01-01T00:00:00"}"#
    );
}

/// The request of "Forward an event" (event-forward.md in
/// microsoftgraph/microsoft-graph-docs-contrib, v1.0), whose keys are
/// spelled as the metadata's parameters (`ToRecipients`, `Comment`).
#[test]
fn renamed_parameters_are_sent_as_spelled() {
    let body = ForwardEventBody {
        to_recipients: Some(vec![Recipient {
            email_address: Some(EmailAddress {
                name: Some("Dana Swope".into()),
                address: Some("danas@contoso.com".into()),
                ..Default::default()
            }),
            ..Default::default()
        }]),
        comment: Some("Dana, hope you can make this meeting.".into()),
    };
    let request = ForwardEvent::new("{id}", body)
        .to_request(ROOT, TOKEN)
        .unwrap();
    assert_eq!(
        body_json(&request),
        json!({
            "ToRecipients": [{"emailAddress": {"name": "Dana Swope", "address": "danas@contoso.com"}}],
            "Comment": "Dana, hope you can make this meeting."
        })
    );
    // `None` is left out under its renamed key too.
    let request = ForwardEvent::new("{id}", ForwardEventBody::default_for_test())
        .to_request(ROOT, TOKEN)
        .unwrap();
    assert_eq!(request.body(), b"{}");
}

impl ForwardEventBody {
    fn default_for_test() -> Self {
        ForwardEventBody {
            to_recipients: None,
            comment: None,
        }
    }
}

// Source: https://learn.microsoft.com/en-us/graph/api/calendar-getschedule?view=graph-rest-1.0
// (microsoftgraph/microsoft-graph-docs-contrib,
// api-reference/v1.0/api/calendar-getschedule.md), "Example".
const SCHEDULE_RESPONSE: &str = r##"{
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)",
    "value": [
        {
            "scheduleId": "adelev@contoso.onmicrosoft.com",
            "availabilityView": "000220000",
            "scheduleItems": [
                {
                    "isPrivate": false,
                    "status": "busy",
                    "subject": "Let's go for lunch",
                    "location": "Harry's Bar",
                    "start": {"dateTime": "2019-03-15T12:00:00.0000000", "timeZone": "Pacific Standard Time"},
                    "end": {"dateTime": "2019-03-15T14:00:00.0000000", "timeZone": "Pacific Standard Time"}
                }
            ],
            "workingHours": {
                "daysOfWeek": ["monday", "tuesday", "wednesday", "thursday", "friday"],
                "startTime": "08:00:00.0000000",
                "endTime": "17:00:00.0000000",
                "timeZone": {"name": "Pacific Standard Time"}
            }
        },
        {
            "scheduleId": "meganb@contoso.onmicrosoft.com",
            "availabilityView": "200220010",
            "scheduleItems": [
                {
                    "status": "busy",
                    "start": {"dateTime": "2019-03-15T08:30:00.0000000", "timeZone": "Pacific Standard Time"},
                    "end": {"dateTime": "2019-03-15T09:30:00.0000000", "timeZone": "Pacific Standard Time"}
                },
                {
                    "status": "tentative",
                    "start": {"dateTime": "2019-03-15T16:00:00.0000000", "timeZone": "Pacific Standard Time"},
                    "end": {"dateTime": "2019-03-15T17:00:00.0000000", "timeZone": "Pacific Standard Time"}
                }
            ],
            "workingHours": {
                "daysOfWeek": ["monday", "tuesday", "wednesday", "thursday", "friday"],
                "startTime": "08:00:00.0000000",
                "endTime": "17:00:00.0000000",
                "timeZone": {
                    "@odata.type": "#microsoft.graph.customTimeZone",
                    "bias": 480,
                    "name": "Customized Time Zone",
                    "standardOffset": {"time": "02:00:00.0000000", "dayOccurrence": 1, "dayOfWeek": "sunday", "month": 11, "year": 0},
                    "daylightOffset": {"daylightBias": -60, "time": "02:00:00.0000000", "dayOccurrence": 2, "dayOfWeek": "sunday", "month": 3, "year": 0}
                }
            }
        }
    ]
}"##;

#[test]
fn get_schedule_sends_the_documented_request_and_reads_the_wrapped_return() {
    let pacific = |date_time: &str| DateTimeTimeZone {
        date_time: Some(date_time.into()),
        time_zone: Some("Pacific Standard Time".into()),
        ..Default::default()
    };
    let get = GetSchedule::new(GetScheduleBody {
        schedules: vec![
            "adelev@contoso.onmicrosoft.com".into(),
            "meganb@contoso.onmicrosoft.com".into(),
        ],
        start_time: pacific("2019-03-15T09:00:00"),
        end_time: pacific("2019-03-15T18:00:00"),
        availability_view_interval: Some(60),
    });
    // The page's request also sends this preference, as an extra header.
    let options = RequestOptions::new()
        .header("Prefer", r#"outlook.timezone="Pacific Standard Time""#)
        .unwrap();
    let request = get.to_request_with(ROOT, TOKEN, &options).unwrap();
    assert_eq!(request.method(), Method::POST);
    assert_eq!(
        request.uri(),
        "https://graph.microsoft.com/v1.0/me/calendar/getSchedule"
    );
    let prefer: Vec<_> = request.headers().get_all("prefer").iter().collect();
    assert!(
        prefer.contains(&&http::HeaderValue::from_static(
            r#"outlook.timezone="Pacific Standard Time""#
        )),
        "{prefer:?}"
    );
    assert_eq!(
        body_json(&request),
        json!({
            "schedules": ["adelev@contoso.onmicrosoft.com", "meganb@contoso.onmicrosoft.com"],
            "startTime": {"dateTime": "2019-03-15T09:00:00", "timeZone": "Pacific Standard Time"},
            "endTime": {"dateTime": "2019-03-15T18:00:00", "timeZone": "Pacific Standard Time"},
            "availabilityViewInterval": 60
        })
    );

    let schedule = GetSchedule::parse_response(response(200, SCHEDULE_RESPONSE)).unwrap();
    assert_eq!(
        schedule.context.as_deref(),
        Some("https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)")
    );
    let views: Vec<_> = schedule
        .value
        .iter()
        .map(|info| {
            (
                info.schedule_id.as_deref().unwrap(),
                info.availability_view.as_deref().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        views,
        [
            ("adelev@contoso.onmicrosoft.com", "000220000"),
            ("meganb@contoso.onmicrosoft.com", "200220010")
        ]
    );
    assert_eq!(
        schedule.value[1].working_hours.as_ref().unwrap()["timeZone"]["@odata.type"],
        "#microsoft.graph.customTimeZone"
    );
    // Lossless: written back, it is the documented response.
    let written: JsonValue =
        serde_json::from_slice(&graph_core::to_json(&schedule).unwrap()).unwrap();
    assert_eq!(
        written,
        serde_json::from_str::<JsonValue>(SCHEDULE_RESPONSE).unwrap()
    );
}

#[test]
fn wrapped_primitive_returns_and_their_errors() {
    let value: ODataValue<bool> = graph_core::from_json(
        br#"{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean", "value": false, "x": 1}"#,
    )
    .unwrap();
    assert!(!value.value);
    assert_eq!(value.additional_data["x"], 1);

    let error =
        graph_core::from_json::<ODataValue<bool>>(br#"{"@odata.context": "c"}"#).unwrap_err();
    assert!(error.to_string().contains("value"), "{error}");
    let error =
        graph_core::from_json::<ODataValue<Vec<String>>>(br#"{"value": ["a", 2]}"#).unwrap_err();
    match error {
        GraphError::Decode { path, .. } => assert_eq!(path, "value[1]"),
        other => panic!("{other:?}"),
    }
    let error =
        graph_core::from_json::<ODataValue<i32>>(br#"{"value": 1, "value": 2}"#).unwrap_err();
    assert!(error.to_string().contains("duplicate"), "{error}");
}

// Source: https://learn.microsoft.com/en-us/graph/api/intune-devices-manageddevice-wipe?view=graph-rest-1.0
// (microsoftgraph/microsoft-graph-docs-contrib,
// api-reference/v1.0/api/intune-devices-manageddevice-wipe.md), "Example".
// The page writes the id as the placeholder `{managedDeviceId}`; a real id
// stands in for it here.
#[test]
fn wipe_sends_the_documented_body_and_reads_204() {
    let wipe = WipeManagedDevice::new(
        "705c034c-034c-705c-4c03-5c704c035c70",
        WipeManagedDeviceBody {
            keep_enrollment_data: Some(true),
            keep_user_data: Some(true),
            mac_os_unlock_code: Some("Mac Os Unlock Code value".into()),
            persist_esim_data_plan: Some(true),
            obliteration_behavior: None,
        },
    );
    let request = wipe.to_request(ROOT, TOKEN).unwrap();
    assert_eq!(request.method(), Method::POST);
    assert_eq!(
        request.uri(),
        "https://graph.microsoft.com/v1.0/deviceManagement/managedDevices/705c034c-034c-705c-4c03-5c704c035c70/wipe"
    );
    assert_eq!(request.headers()["content-type"], "application/json");
    // The documented body, byte for byte (as the page writes it, minus the
    // indentation): parameters in declaration order, `None` left out.
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        r#"{"keepEnrollmentData":true,"keepUserData":true,"macOsUnlockCode":"Mac Os Unlock Code value","persistEsimDataPlan":true}"#
    );
    // "If successful, this action returns a 204 No Content response code."
    assert_eq!(WipeManagedDevice::SUCCESS_STATUS, 204);
    WipeManagedDevice::parse_response(response(204, "")).unwrap();
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the values, the body is a JSON object holding exactly
        /// the parameters that are `Some`, under their Graph names, with
        /// their values, and nothing else (no `@odata.type`).
        #[test]
        fn the_body_holds_exactly_the_given_parameters(
            keep_enrollment_data in any::<Option<bool>>(),
            keep_user_data in any::<Option<bool>>(),
            mac_os_unlock_code in any::<Option<String>>(),
            obliteration_behavior in proptest::option::of("[a-zA-Z\"\\\\{}:,]{0,12}"),
        ) {
            let body = WipeManagedDeviceBody {
                keep_enrollment_data,
                keep_user_data,
                mac_os_unlock_code: mac_os_unlock_code.clone(),
                persist_esim_data_plan: None,
                obliteration_behavior: obliteration_behavior.clone(),
            };
            let request = WipeManagedDevice::new("d", body).to_request(ROOT, TOKEN).unwrap();
            let sent: serde_json::Map<String, JsonValue> =
                serde_json::from_slice(request.body()).unwrap();
            let mut expected = serde_json::Map::new();
            let mut put = |name: &str, value: Option<JsonValue>| {
                if let Some(value) = value {
                    expected.insert(name.to_owned(), value);
                }
            };
            put("keepEnrollmentData", keep_enrollment_data.map(JsonValue::from));
            put("keepUserData", keep_user_data.map(JsonValue::from));
            put("macOsUnlockCode", mac_os_unlock_code.map(JsonValue::from));
            put("obliterationBehavior", obliteration_behavior.map(JsonValue::from));
            prop_assert_eq!(sent, expected);
        }
    }
}
