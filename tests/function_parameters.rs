//! Functions with parameters in the URL (`range(address='A1:B2')`): the
//! request lines of Graph's documentation, their documented responses, and
//! a property test that any values read back, by a parser written here,
//! exactly as given, with the path's shape unchanged.

use graph_core::{
    graph_complex, graph_endpoint, graph_entity, graph_enum, Collection, Date, DateTimeOffset,
    Duration, Endpoint, GraphError, Guid, UrlLiteral,
};
use proptest::prelude::*;
use url::Url;

mod url_text;
use url_text::{arguments, decode, ok, request_line, url_text};

const ROOT: &str = "https://graph.microsoft.com/v1.0";

#[graph_complex("dateTimeTimeZone")]
#[derive(Debug, Clone, PartialEq)]
pub struct DateTimeTimeZone {
    pub date_time: Option<String>,
    pub time_zone: Option<String>,
}

#[graph_complex("location")]
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    pub display_name: Option<String>,
}

#[graph_complex("reminder")]
#[derive(Debug, Clone, PartialEq)]
pub struct Reminder {
    pub event_id: Option<String>,
    pub change_key: Option<String>,
    pub event_subject: Option<String>,
    pub event_web_link: Option<String>,
    pub event_start_time: Option<DateTimeTimeZone>,
    pub event_end_time: Option<DateTimeTimeZone>,
    pub event_location: Option<Location>,
    pub reminder_fire_time: Option<DateTimeTimeZone>,
}

#[graph_entity("workbookRange")]
#[derive(Debug, Clone, PartialEq)]
pub struct WorkbookRange {
    pub address: Option<String>,
    pub address_local: Option<String>,
    pub cell_count: Option<i32>,
    pub column_count: Option<i32>,
    pub column_index: Option<i32>,
    pub value_types: Option<graph_core::JsonValue>,
}

#[graph_entity("user")]
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub display_name: Option<String>,
    pub given_name: Option<String>,
    pub surname: Option<String>,
    pub user_principal_name: Option<String>,
}

graph_endpoint! {
    /// <https://learn.microsoft.com/graph/api/reportroot-getemailactivityuserdetail>
    pub GetEmailActivityUserDetail {
        method: GET,
        path: "/reports/getEmailActivityUserDetail(period={period})",
        parameters: { period: String },
    }

    /// The other overload, by date.
    pub GetEmailActivityUserDetailByDate {
        method: GET,
        path: "/reports/getEmailActivityUserDetail(date={date})",
        parameters: { date: Date },
    }

    /// <https://learn.microsoft.com/graph/api/worksheet-range>
    pub GetWorksheetRange {
        method: GET,
        path: "/me/drive/items/{id}/workbook/worksheets/{worksheet}/range(address={address})",
        parameters: { address: String },
        response: WorkbookRange,
    }

    /// The issue's form, addressing the drive.
    pub GetDriveWorksheetRange {
        method: GET,
        path: "/drives/{driveId}/items/{itemId}/workbook/worksheets/{worksheetId}/range(address={address})",
        parameters: { address: String },
        response: WorkbookRange,
    }

    /// <https://learn.microsoft.com/graph/api/user-reminderview>
    pub ReminderView {
        method: GET,
        path: "/me/reminderView(startDateTime={startDateTime},endDateTime={endDateTime})",
        parameters: { start_date_time: String, end_date_time: String },
        response: Collection<Reminder>,
    }

    /// <https://learn.microsoft.com/graph/api/user-delta>, as a function
    /// call without parameters.
    pub UsersDelta {
        method: GET,
        path: "/users/delta()",
        response: Collection<User>,
    }
}

/// microsoft-graph-docs-contrib, api-reference/v1.0/api/reportroot-getemailactivityuserdetail.md
/// (the answer is a 302 to a CSV file, not JSON: nothing to parse here).
#[test]
fn email_activity_user_detail() {
    assert_eq!(
        request_line(&GetEmailActivityUserDetail::new("D7")),
        "GET https://graph.microsoft.com/v1.0/reports/getEmailActivityUserDetail(period='D7')"
    );
    // `GET /reports/getEmailActivityUserDetail(date={date_value})`: a Date
    // is an unquoted literal.
    let date: Date = "2017-09-01".parse().unwrap();
    assert_eq!(
        request_line(&GetEmailActivityUserDetailByDate::new(date)),
        "GET https://graph.microsoft.com/v1.0/reports/getEmailActivityUserDetail(date=2017-09-01)"
    );
}

/// microsoft-graph-docs-contrib, api-reference/v1.0/api/worksheet-range.md
#[test]
fn worksheet_range() {
    // The docs write the placeholders `{id}` and `{id|name}`; their
    // characters are percent-encoded like any value.
    assert_eq!(
        request_line(&GetWorksheetRange::new("{id}", "{id|name}", "A1:B2")),
        "GET https://graph.microsoft.com/v1.0/me/drive/items/%7Bid%7D/workbook/worksheets/%7Bid%7Cname%7D/range(address='A1:B2')"
    );
    assert_eq!(
        request_line(&GetWorksheetRange::new("01CYZLFJ", "Sheet1", "A1:B2")),
        "GET https://graph.microsoft.com/v1.0/me/drive/items/01CYZLFJ/workbook/worksheets/Sheet1/range(address='A1:B2')"
    );
    assert_eq!(
        request_line(&GetDriveWorksheetRange::new("b!x", "01CY", "Sheet 1", "Sheet1!A1:B2")),
        "GET https://graph.microsoft.com/v1.0/drives/b%21x/items/01CY/workbook/worksheets/Sheet%201/range(address='Sheet1%21A1:B2')"
    );
    let range = GetWorksheetRange::parse_response(ok(r#"{
  "address": "address-value",
  "addressLocal": "addressLocal-value",
  "cellCount": 99,
  "columnCount": 99,
  "columnIndex": 99,
  "valueTypes": "valueTypes-value"
}"#))
    .unwrap();
    assert_eq!(range.address.as_deref(), Some("address-value"));
    assert_eq!(range.cell_count, Some(99));
    assert_eq!(range.value_types, Some("valueTypes-value".into()));
}

/// microsoft-graph-docs-contrib, api-reference/v1.0/api/user-reminderview.md
#[test]
fn reminder_view() {
    let endpoint = ReminderView::new("2017-06-05T10:00:00.0000000", "2017-06-11T11:00:00.0000000");
    assert_eq!(
        request_line(&endpoint),
        "GET https://graph.microsoft.com/v1.0/me/reminderView(startDateTime='2017-06-05T10:00:00.0000000',endDateTime='2017-06-11T11:00:00.0000000')"
    );
    let page = ReminderView::parse_response(ok(r#"{
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.reminder)",
    "value": [
        {
            "eventId": "AAMkADNsvAAA=",
            "changeKey": "SuFHwDRP1EeXJUopWbSLlgAAmBvk2g==",
            "eventSubject": "Plan summer company picnic",
            "eventWebLink": "https://outlook.office365.com/owa/?itemid=AAMkADNsvAAA%3D&exvsurl=1&path=/calendar/item",
            "eventStartTime": {
                "dateTime": "2017-06-09T18:00:00.0000000",
                "timeZone": "UTC"
            },
            "eventEndTime": {
                "dateTime": "2017-06-09T19:00:00.0000000",
                "timeZone": "UTC"
            },
            "eventLocation": {
                "displayName": "Conf Room 3"
            },
            "reminderFireTime": {
                "dateTime": "2017-06-09T17:45:00.0000000",
                "timeZone": "UTC"
            }
        }
    ]
}"#))
    .unwrap();
    let reminder = &page.value[0];
    assert_eq!(
        reminder.event_subject.as_deref(),
        Some("Plan summer company picnic")
    );
    assert_eq!(
        reminder
            .event_location
            .as_ref()
            .unwrap()
            .display_name
            .as_deref(),
        Some("Conf Room 3")
    );
    assert_eq!(
        reminder
            .reminder_fire_time
            .as_ref()
            .unwrap()
            .date_time
            .as_deref(),
        Some("2017-06-09T17:45:00.0000000")
    );
}

/// microsoft-graph-docs-contrib, api-reference/v1.0/api/user-delta.md
/// (the docs write `/users/delta`; `delta()` is the same call with OData's
/// parentheses, which Graph accepts either way).
#[test]
fn users_delta() {
    assert_eq!(
        request_line(&UsersDelta::new()),
        "GET https://graph.microsoft.com/v1.0/users/delta()"
    );
    let page = UsersDelta::parse_response(ok(r#"{
  "@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users",
  "@odata.nextLink":"https://graph.microsoft.com/v1.0/users/delta?$skiptoken=pqwSUjGYvb3jQpbwVAwEL7yuI3dU1LecfkkfLPtnIjsXoYQp_dpA3cNJWc",
  "value": [
    {
      "businessPhones": [
          "businessPhones-value"
      ],
      "displayName": "displayName-value",
      "givenName": "givenName-value",
      "jobTitle": "jobTitle-value",
      "mail": "mail-value",
      "mobilePhone": "mobilePhone-value",
      "officeLocation": "officeLocation-value",
      "preferredLanguage": "preferredLanguage-value",
      "surname": "surname-value",
      "userPrincipalName": "userPrincipalName-value",
      "id": "id-value"
    }
  ]
}"#))
    .unwrap();
    assert_eq!(page.value[0].id.as_deref(), Some("id-value"));
    assert_eq!(
        page.value[0].display_name.as_deref(),
        Some("displayName-value")
    );
    assert!(page.next_link.is_some());
}

#[graph_enum("period")]
#[derive(Debug, Clone, PartialEq)]
pub enum Period {
    D7,
    D30,
    #[graph(other)]
    Other(String),
}

graph_endpoint! {
    /// One function parameter of each kind.
    pub Everything {
        method: GET,
        path: "/users/{userId}/f(s={s},n={n},flag={flag},id={id},day={day},at={at},span={span},maybe={maybe},period={period})/next",
        parameters: {
            s: String,
            n: i64,
            flag: bool,
            id: Guid,
            day: Date,
            at: DateTimeOffset,
            span: Duration,
            maybe: Option<String>,
            period: Period,
        },
    }
}

/// The text of a quoted literal (`'it''s'` is `it's`), after an optional
/// type prefix such as `duration`.
fn unquote<'a>(literal: &'a str, prefix: &str) -> String {
    let quoted: &'a str = literal
        .strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('\''))
        .and_then(|rest| rest.strip_suffix('\''))
        .unwrap_or_else(|| panic!("not a quoted literal: {literal}"));
    let mut text = String::new();
    let mut chars = quoted.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' {
            assert_eq!(chars.next(), Some('\''), "a lone quote in {literal}");
        }
        text.push(c);
    }
    text
}

fn date() -> impl Strategy<Value = Date> {
    (1u16..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn date_time_offset() -> impl Strategy<Value = DateTimeOffset> {
    let offset = prop_oneof![
        Just("Z".to_owned()),
        (prop::bool::ANY, 0u8..=14, 0u8..=59)
            .prop_map(|(minus, h, m)| format!("{}{h:02}:{m:02}", if minus { '-' } else { '+' })),
    ];
    let fraction = prop::option::of(1u32..=9_999_999).prop_map(|f| match f {
        Some(f) => format!(".{f:07}"),
        None => String::new(),
    });
    (date(), 0u8..24, 0u8..60, 0u8..60, fraction, offset).prop_map(
        |(day, h, m, s, fraction, offset)| {
            format!("{day}T{h:02}:{m:02}:{s:02}{fraction}{offset}")
                .parse()
                .unwrap()
        },
    )
}

fn duration() -> impl Strategy<Value = Duration> {
    (prop::bool::ANY, 0u32..400, 0u32..48, 0u32..120, 0u32..120).prop_map(|(minus, d, h, m, s)| {
        format!("{}P{d}DT{h}H{m}M{s}S", if minus { "-" } else { "" })
            .parse()
            .unwrap()
    })
}

fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        Just(Period::D7),
        Just(Period::D30),
        url_text().prop_map(|name| <Period as graph_core::GraphEnum>::from_wire(&name).unwrap()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn function_parameters_read_back_exactly(
        user in url_text(),
        s in url_text(),
        n in any::<i64>(),
        flag in any::<bool>(),
        id in any::<u128>(),
        day in date(),
        at in date_time_offset(),
        span in duration(),
        maybe in prop::option::of(url_text()),
        period in period(),
    ) {
        let hex = format!("{id:032x}");
        let id: Guid = format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
            .parse()
            .unwrap();
        let endpoint = Everything::new(
            user.as_str(), s.as_str(), n, flag, id, day, at.clone(), span.clone(),
            maybe.clone(), period.clone(),
        );
        let built = endpoint.to_request(ROOT, "token");
        if matches!(user.as_str(), "" | "." | "..") {
            prop_assert!(
                matches!(built, Err(GraphError::InvalidPathParameter { name: "userId", .. })),
                "{built:?}"
            );
            return Ok(());
        }
        let text = built.unwrap().uri().to_string();
        let url = Url::parse(&text).unwrap();
        prop_assert_eq!(url.host_str(), Some("graph.microsoft.com"));
        prop_assert_eq!(url.query(), None);
        prop_assert_eq!(url.fragment(), None);
        let segments: Vec<&str> = url.path_segments().unwrap().collect();
        prop_assert_eq!(segments.len(), 5, "{}", text);
        prop_assert_eq!(&segments[..2], ["v1.0", "users"]);
        prop_assert_eq!(decode(segments[2]), user);
        prop_assert_eq!(segments[4], "next");

        let args = arguments(&decode(segments[3])).expect("f(name=literal,...)");
        let names: Vec<&str> = args.iter().map(|(name, _)| name.as_str()).collect();
        prop_assert_eq!(names, ["s", "n", "flag", "id", "day", "at", "span", "maybe", "period"]);
        let literal = |index: usize| args[index].1.as_str();
        prop_assert_eq!(unquote(literal(0), ""), s);
        prop_assert_eq!(literal(1).parse::<i64>().unwrap(), n);
        prop_assert_eq!(literal(2).parse::<bool>().unwrap(), flag);
        prop_assert_eq!(literal(3).parse::<Guid>().unwrap(), id);
        prop_assert_eq!(literal(4).parse::<Date>().unwrap(), day);
        prop_assert_eq!(literal(5).parse::<DateTimeOffset>().unwrap(), at);
        prop_assert_eq!(unquote(literal(6), "duration").parse::<Duration>().unwrap(), span);
        let read_maybe = (literal(7) != "null").then(|| unquote(literal(7), ""));
        prop_assert_eq!(read_maybe, maybe);
        let read_period = <Period as graph_core::GraphEnum>::from_wire(&unquote(literal(8), ""));
        prop_assert_eq!(read_period, Some(period));
    }
}

/// A user type whose literal is not one OData literal is refused at run
/// time, naming the parameter, and never reaches the URL.
#[test]
fn a_broken_url_literal_is_refused() {
    struct Injection;
    impl UrlLiteral for Injection {
        fn write_url_literal(&self, out: &mut String) {
            out.push_str("'D7',date=2017-01-01");
        }
    }
    graph_endpoint! {
        pub Report {
            method: GET,
            path: "/reports/getEmailActivityUserDetail(period={period})",
            parameters: { period: Injection },
        }
    }
    let error = Report::new(Injection)
        .to_request(ROOT, "token")
        .unwrap_err();
    assert!(
        matches!(
            error,
            GraphError::InvalidPathParameter { name: "period", .. }
        ),
        "{error:?}"
    );
}
