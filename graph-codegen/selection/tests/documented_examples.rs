//! Documented requests and responses (vendored in `documented_examples.json`,
//! see `graph-codegen/metadata/SOURCES.md`) through the generated types and
//! endpoints: each request body reads into the endpoint's body type and is
//! sent as documented, and each response reads into the response type and
//! writes back unchanged.

use graph_core::{from_json, http, to_json, Endpoint, JsonValue};
use graph_selection::endpoints as ep;
use graph_selection::graph::{
    AnyManagedDeviceMobileAppConfiguration, ComplianceStatus,
    ManagedDeviceMobileAppConfigurationUserStatus,
};

const SERVICE_ROOT: &str = "https://graph.microsoft.com/v1.0";

/// The examples of one documentation page.
fn examples(page: &str) -> Vec<JsonValue> {
    let all: JsonValue = from_json(include_bytes!("documented_examples.json")).unwrap();
    let found: Vec<JsonValue> = all["examples"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["page"].as_str().unwrap().ends_with(page))
        .cloned()
        .collect();
    assert!(!found.is_empty(), "no example from {page}");
    found
}

/// The documented body and the written one, both in the form graph-core
/// writes, which differs in one way that loses no value: a type name may
/// gain its `#` (an assignment example writes
/// `"microsoft.graph.allLicensedUsersAssignmentTarget"`). Nothing else is
/// normalised: what was read without `@odata.type` is written without it
/// (the group examples leave it out), and a declared property received as
/// `null` is written back as `null` (the group responses send
/// `"classification": null`).
fn as_written(documented: &JsonValue, written: &JsonValue) -> (JsonValue, JsonValue) {
    fn normalise(value: &mut JsonValue) {
        match value {
            JsonValue::Object(map) => {
                for (key, member) in map.iter_mut() {
                    match member {
                        JsonValue::String(name)
                            if key == "@odata.type" && !name.starts_with('#') =>
                        {
                            name.insert(0, '#');
                        }
                        _ => normalise(member),
                    }
                }
            }
            JsonValue::Array(items) => items.iter_mut().for_each(normalise),
            _ => {}
        }
    }
    let mut expected = documented.clone();
    normalise(&mut expected);
    let mut actual = written.clone();
    normalise(&mut actual);
    (actual, expected)
}

/// Sends the documented request body through `$endpoint` (built by
/// `$new`) and reads the documented response back; returns the response
/// as the endpoint's type. A macro, not a generic function: the body and
/// response types are the endpoint's own, and this crate names serde only
/// through graph-core.
macro_rules! round_trip {
    ($example:expr, $endpoint:ty, $new:expr) => {{
        let example: &JsonValue = $example;
        let request = &example["request"];
        let body: <$endpoint as Endpoint>::Body =
            from_json(&to_json(&request["body"]).unwrap()).unwrap();
        let endpoint: $endpoint = $new(body);
        let sent = endpoint.to_request(SERVICE_ROOT, "token").unwrap();
        assert_eq!(sent.method().as_str(), request["method"]);
        // A parameter value is percent-encoded; the documented URL shows
        // the template's own `{name}`.
        let uri = sent
            .uri()
            .to_string()
            .replace("%7B", "{")
            .replace("%7D", "}");
        assert_eq!(uri, request["url"].as_str().unwrap());
        let sent_body: JsonValue = from_json(sent.body()).unwrap();
        let (sent_body, expected) = as_written(&request["body"], &sent_body);
        assert_eq!(sent_body, expected, "request body of {}", example["page"]);

        let response = &example["response"];
        let status = response["status"].as_u64().unwrap() as u16;
        assert_eq!(status, <$endpoint as Endpoint>::SUCCESS_STATUS);
        let answer = http::Response::builder()
            .status(status)
            .body(to_json(&response["body"]).unwrap())
            .unwrap();
        let parsed = <$endpoint>::parse_response(answer).unwrap();
        let written: JsonValue = from_json(&to_json(&parsed).unwrap()).unwrap();
        let (written, expected) = as_written(&response["body"], &written);
        assert_eq!(written, expected, "response body of {}", example["page"]);
        parsed
    }};
}

const CONFIGURATION_ID: &str = "{managedDeviceMobileAppConfigurationId}";

#[test]
fn add_user_statuses() {
    let example = &examples("manageddevicemobileappconfigurationuserstatus-create.md")[0];
    let created: ManagedDeviceMobileAppConfigurationUserStatus = round_trip!(
        example,
        ep::CreateDeviceAppManagementMobileAppConfigurationsUserStatuses,
        |body| ep::CreateDeviceAppManagementMobileAppConfigurationsUserStatuses::new(
            CONFIGURATION_ID,
            body
        )
    );
    assert_eq!(created.status, Some(ComplianceStatus::NotApplicable));
    assert_eq!(created.devices_count, Some(12));
    assert_eq!(
        created.id.as_deref(),
        Some("44960944-0944-4496-4409-964444099644")
    );
    assert!(created.additional_data.is_empty());
}

#[test]
fn create_an_ios_app_configuration_through_the_polymorphic_enum() {
    let example = &examples("iosmobileappconfiguration-create.md")[0];
    let created = round_trip!(
        example,
        ep::CreateDeviceAppManagementMobileAppConfigurations,
        ep::CreateDeviceAppManagementMobileAppConfigurations::new
    );
    let AnyManagedDeviceMobileAppConfiguration::IosMobileAppConfiguration(ios) = &created else {
        panic!("read as {created:?}");
    };
    assert!(ios.settings.as_ref().is_some_and(|s| !s.is_empty()));
    assert!(ios.additional_data.is_empty());
}

#[test]
fn create_assignments_device_statuses_and_categories() {
    use ep::CreateDeviceAppManagementMobileAppCategories as Category;
    use ep::CreateDeviceAppManagementMobileAppConfigurationsAssignments as Assignment;
    use ep::CreateDeviceAppManagementMobileAppConfigurationsDeviceStatuses as DeviceStatus;
    use ep::CreateDeviceManagementDeviceConfigurationsUserStatuses as ConfigurationUserStatus;
    round_trip!(
        &examples("manageddevicemobileappconfigurationassignment-create.md")[0],
        Assignment,
        |body| Assignment::new(CONFIGURATION_ID, body)
    );
    round_trip!(
        &examples("manageddevicemobileappconfigurationdevicestatus-create.md")[0],
        DeviceStatus,
        |body| DeviceStatus::new(CONFIGURATION_ID, body)
    );
    round_trip!(
        &examples("mobileappcategory-create.md")[0],
        Category,
        Category::new
    );
    round_trip!(
        &examples("deviceconfigurationuserstatus-create.md")[0],
        ConfigurationUserStatus,
        |body| ConfigurationUserStatus::new("{deviceConfigurationId}", body)
    );
}

#[test]
fn create_groups() {
    for example in examples("group-post-groups.md") {
        let group = round_trip!(&example, ep::CreateGroups, ep::CreateGroups::new);
        assert!(group.display_name.is_some());
    }
}

/// The keys of a JSON object, sorted.
fn keys(object: &JsonValue) -> Vec<&str> {
    let mut keys: Vec<&str> = object
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

/// An action's parameters with their names lowercased: Graph reads a
/// parameter name whatever its case (the pages write `Comment` for one
/// action and `comment` for the next), and the generated bodies send the
/// metadata's spelling, which not every page uses.
fn folded(parameters: &JsonValue) -> JsonValue {
    parameters
        .as_object()
        .unwrap()
        .iter()
        .map(|(key, value)| (key.to_lowercase(), value.clone()))
        .collect()
}

/// Reads one parameter of a documented action body into the type of the
/// generated body's field.
macro_rules! parameter {
    ($body:expr, $name:literal) => {
        from_json(&to_json(&$body[$name]).unwrap()).unwrap()
    };
}

/// `getSchedule`, a generated bound action: the documented parameters go
/// into the generated `{Endpoint}Body` and are sent as documented, and the
/// wrapped collection it returns (`ODataValue<Vec<ScheduleInformation>>`)
/// reads and writes back unchanged.
#[test]
fn get_schedule_through_the_generated_action() {
    use ep::{UsersCalendarGetSchedule as GetSchedule, UsersCalendarGetScheduleBody as Body};
    let example = &examples("calendar-getschedule.md")[0];
    let documented = &example["request"]["body"];
    let body = Body {
        schedules: parameter!(documented, "schedules"),
        start_time: parameter!(documented, "startTime"),
        end_time: parameter!(documented, "endTime"),
        availability_view_interval: parameter!(documented, "availabilityViewInterval"),
    };
    let request = GetSchedule::new("{userId}", body)
        .to_request(SERVICE_ROOT, "token")
        .unwrap();
    assert_eq!(request.method().as_str(), example["request"]["method"]);
    // The page asks `/me`; the generated path is the user's.
    assert_eq!(
        request.uri().path(),
        "/v1.0/users/%7BuserId%7D/calendar/getSchedule"
    );
    assert!(example["request"]["url"]
        .as_str()
        .unwrap()
        .ends_with("/calendar/getSchedule"));
    let sent: JsonValue = from_json(request.body()).unwrap();
    // Sent as the metadata spells the parameters; the page writes them
    // lowerCamel, which Graph reads too.
    assert_eq!(
        keys(&sent),
        [
            "AvailabilityViewInterval",
            "EndTime",
            "Schedules",
            "StartTime"
        ]
    );
    assert_eq!(folded(&sent), folded(documented));

    let response = &example["response"];
    let answer = http::Response::builder()
        .status(response["status"].as_u64().unwrap() as u16)
        .body(to_json(&response["body"]).unwrap())
        .unwrap();
    let schedule = GetSchedule::parse_response(answer).unwrap();
    assert_eq!(schedule.value.len(), 2);
    assert_eq!(
        schedule.value[0].availability_view.as_deref(),
        Some("000220000")
    );
    // Exactly: the time zones, values of a type with derived types read
    // without `@odata.type`, are written without it.
    let written: JsonValue = from_json(&to_json(&schedule).unwrap()).unwrap();
    assert_eq!(written, response["body"]);
}

/// `sendMail`, whose `message` parameter is an entity: sent as documented.
#[test]
fn send_mail_through_the_generated_action() {
    use ep::{UsersItemSendMail as SendMail, UsersItemSendMailBody as Body};
    let example = &examples("user-sendmail.md")[0];
    let mut documented = example["request"]["body"].clone();
    // The page quotes `"false"`, though its parameter table (and the
    // metadata) type `saveToSentItems` as Boolean.
    assert_eq!(documented["saveToSentItems"], "false");
    documented["saveToSentItems"] = JsonValue::Bool(false);
    let body = Body {
        message: parameter!(documented, "message"),
        save_to_sent_items: parameter!(documented, "saveToSentItems"),
    };
    let request = SendMail::new("{userId}", body)
        .to_request(SERVICE_ROOT, "token")
        .unwrap();
    assert_eq!(request.uri().path(), "/v1.0/users/%7BuserId%7D/sendMail");
    let sent: JsonValue = from_json(request.body()).unwrap();
    // The parameters object itself has no `@odata.type`, and the message in
    // it, read from the page without one, is sent without one. The
    // parameters are sent as the metadata spells them (`Message`,
    // `SaveToSentItems`); the page writes them lowerCamel.
    assert!(sent.get("@odata.type").is_none());
    assert_eq!(keys(&sent), ["Message", "SaveToSentItems"]);
    assert!(sent["Message"].get("@odata.type").is_none());
    assert_eq!(folded(&sent), folded(&documented));
    // "If successful, this method returns 202 Accepted": no body to read.
    let accepted = http::Response::builder()
        .status(example["response"]["status"].as_u64().unwrap() as u16)
        .body(Vec::new())
        .unwrap();
    SendMail::parse_response(accepted).unwrap();
}

/// A drive item's `content` (an `Edm.Stream` property, so no field):
/// replaced by a PUT of the file's bytes, answered with the item (the page
/// sends to `/me/drive/items/{item-id}/content`, which the generated
/// `/drives/{driveId}/items/{driveItemId}/content` is the drive form of).
#[test]
fn upload_a_file_through_the_generated_stream_endpoint() {
    use ep::UploadDrivesItemsItemContent as Upload;
    use graph_core::{Content, Returned};
    let example = &examples("driveitem-put-content.md")[0];
    let request = &example["request"];
    let text = request["text"].as_str().unwrap();
    let content_type = request["content_type"].as_str().unwrap();
    let sent = Upload::new(
        "{driveId}",
        "{driveItemId}",
        Content::new(content_type, text),
    )
    .to_request(SERVICE_ROOT, "token")
    .unwrap();
    assert_eq!(sent.method().as_str(), request["method"]);
    assert_eq!(
        sent.uri().path(),
        "/v1.0/drives/%7BdriveId%7D/items/%7BdriveItemId%7D/content"
    );
    assert!(request["url"].as_str().unwrap().ends_with("/content"));
    assert_eq!(sent.headers()["content-type"], content_type);
    assert_eq!(sent.body().as_slice(), text.as_bytes());

    let response = &example["response"];
    let answer = http::Response::builder()
        .status(response["status"].as_u64().unwrap() as u16)
        .body(to_json(&response["body"]).unwrap())
        .unwrap();
    let Returned::Content(item) = Upload::parse_response(answer).unwrap() else {
        panic!("a 201 with the item reads as its content");
    };
    assert_eq!(item.name.as_deref(), Some("FileB.txt"));
    assert_eq!(item.size, Some(35));
    let written: JsonValue = from_json(&to_json(&item).unwrap()).unwrap();
    let (documented, written) = as_written(&response["body"], &written);
    assert_eq!(written, documented, "the item writes back as received");
    // A service that answers 204 instead loses nothing either.
    let empty = http::Response::builder()
        .status(204)
        .body(Vec::new())
        .unwrap();
    assert_eq!(Upload::parse_response(empty).unwrap(), Returned::NoContent);
}

/// Downloading a drive item's content answers `302 Found` to a
/// pre-authenticated URL, which reaches the caller unfollowed.
#[test]
fn download_a_file_through_the_generated_stream_endpoint() {
    use ep::GetDrivesItemsItemContent as Get;
    use graph_core::Download;
    let example = &examples("driveitem-get-content.md")[0];
    let sent = Get::new("{driveId}", "{driveItemId}")
        .to_request(SERVICE_ROOT, "token")
        .unwrap();
    assert_eq!(sent.method().as_str(), example["request"]["method"]);
    assert_eq!(
        sent.uri().path(),
        "/v1.0/drives/%7BdriveId%7D/items/%7BdriveItemId%7D/content"
    );
    assert_eq!(sent.headers()["accept"], "*/*");
    let response = &example["response"];
    let location = response["headers"]["Location"].as_str().unwrap();
    let answer = http::Response::builder()
        .status(response["status"].as_u64().unwrap() as u16)
        .header("location", location)
        .body(Vec::new())
        .unwrap();
    assert_eq!(
        Get::parse_response(answer).unwrap(),
        Download::Redirect {
            location: location.to_owned()
        }
    );
}

/// "Forward an event": the page spells the parameters as the metadata does
/// (`ToRecipients`, `Comment`), and so are they sent. (The recipients'
/// members are spelled with capitals too, `EmailAddress`, where the
/// metadata says `emailAddress`: those are kept as members the type does
/// not declare, and written back as received.)
#[test]
fn forward_an_event_with_the_parameters_spelled_as_the_metadata() {
    use ep::{UsersEventsItemForward as Forward, UsersEventsItemForwardBody as Body};
    let example = &examples("event-forward.md")[0];
    let documented = &example["request"]["body"];
    let body = Body {
        to_recipients: parameter!(documented, "ToRecipients"),
        comment: parameter!(documented, "Comment"),
    };
    let request = Forward::new("{userId}", "{id}", body)
        .to_request(SERVICE_ROOT, "token")
        .unwrap();
    assert_eq!(request.method().as_str(), example["request"]["method"]);
    // The page forwards `/me/events/{id}`; the generated path is the user's.
    assert_eq!(
        request.uri().path(),
        "/v1.0/users/%7BuserId%7D/events/%7Bid%7D/forward"
    );
    assert!(example["request"]["url"]
        .as_str()
        .unwrap()
        .ends_with("/events/{id}/forward"));
    let sent: JsonValue = from_json(request.body()).unwrap();
    assert_eq!(sent, *documented);
    let accepted = http::Response::builder()
        .status(example["response"]["status"].as_u64().unwrap() as u16)
        .body(Vec::new())
        .unwrap();
    Forward::parse_response(accepted).unwrap();
}

/// "Decline an event": the page writes the parameters lowerCamel
/// (`comment`, `sendResponse`, `proposedNewTime`), the metadata with
/// capitals; they are sent as the metadata spells them.
#[test]
fn decline_an_event_sends_the_metadata_spelling() {
    use ep::{UsersEventsItemDecline as Decline, UsersEventsItemDeclineBody as Body};
    let example = &examples("event-decline.md")[0];
    let documented = &example["request"]["body"];
    let body = Body {
        comment: parameter!(documented, "comment"),
        send_response: parameter!(documented, "sendResponse"),
        proposed_new_time: parameter!(documented, "proposedNewTime"),
    };
    let request = Decline::new("{userId}", "{id}", body)
        .to_request(SERVICE_ROOT, "token")
        .unwrap();
    let sent: JsonValue = from_json(request.body()).unwrap();
    assert_eq!(keys(&sent), ["Comment", "ProposedNewTime", "SendResponse"]);
    assert_eq!(folded(&sent), folded(documented));
}

/// "Move a file or folder" is an update (`PATCH` of the item) that Graph
/// answers `200 OK` with the moved item, which the generated update
/// endpoint hands back (`Returned::Content`) rather than dropping.
#[test]
fn move_a_drive_item_reads_the_updated_item() {
    use ep::UpdateDrivesItemsItem as Update;
    use graph_core::Returned;
    let example = &examples("driveitem-move.md")[0];
    let request = &example["request"];
    let body: <Update as Endpoint>::Body = from_json(&to_json(&request["body"]).unwrap()).unwrap();
    let sent = Update::new("{driveId}", "{driveItemId}", body)
        .to_request(SERVICE_ROOT, "token")
        .unwrap();
    assert_eq!(sent.method().as_str(), request["method"]);
    // The page moves `/me/drive/items/{item-id}`, the drive form of which
    // is generated.
    assert_eq!(
        sent.uri().path(),
        "/v1.0/drives/%7BdriveId%7D/items/%7BdriveItemId%7D"
    );
    assert!(request["url"]
        .as_str()
        .unwrap()
        .ends_with("/items/{item-id}"));
    let sent_body: JsonValue = from_json(sent.body()).unwrap();
    let (sent_body, expected) = as_written(&request["body"], &sent_body);
    assert_eq!(sent_body, expected);

    let response = &example["response"];
    let answer = http::Response::builder()
        .status(response["status"].as_u64().unwrap() as u16)
        .body(to_json(&response["body"]).unwrap())
        .unwrap();
    let Returned::Content(item) = Update::parse_response(answer).unwrap() else {
        panic!("a 200 with the item reads as its content");
    };
    assert_eq!(item.name.as_deref(), Some("new-item-name.txt"));
    let written: JsonValue = from_json(&to_json(&item).unwrap()).unwrap();
    let (written, documented) = as_written(&response["body"], &written);
    assert_eq!(written, documented, "the item writes back as received");
    // The minimal answer reads too.
    let empty = http::Response::builder()
        .status(204)
        .body(Vec::new())
        .unwrap();
    assert_eq!(Update::parse_response(empty).unwrap(), Returned::NoContent);
}

/// "Create mobileAppCategory" documents two URLs: the entity set, and an
/// app's `categories`, a navigation property that does not contain its
/// items. The second is generated beside its `$ref` form, and sends and
/// reads the page's example as the first does.
#[test]
fn create_a_category_through_an_apps_categories() {
    use ep::CreateDeviceAppManagementMobileAppsCategories as Create;
    let mut example = examples("intune-apps-mobileappcategory-create.md")[0].clone();
    assert_eq!(
        example["request"]["url"],
        "https://graph.microsoft.com/v1.0/deviceAppManagement/mobileAppCategories"
    );
    // The page's "HTTP Request" section: `POST
    // /deviceAppManagement/mobileApps/{mobileAppId}/categories`.
    example["request"]["url"] =
        "https://graph.microsoft.com/v1.0/deviceAppManagement/mobileApps/{mobileAppId}/categories"
            .into();
    let created = round_trip!(&example, Create, |body| Create::new("{mobileAppId}", body));
    assert_eq!(created.display_name.as_deref(), Some("Display Name value"));
}

/// The report functions the metadata types as `microsoft.graph.report` (a
/// complex type holding only a stream) answer as those typed as streams
/// do: a `302` to the CSV, or the CSV itself. Both read as a `Download`.
#[test]
fn reports_typed_as_report_download_their_csv() {
    use ep::{
        ReportsGetOffice365GroupsActivityDetailWithPeriod as Groups,
        ReportsGetSharePointSiteUsageDetailWithPeriod as SharePoint,
        ReportsGetYammerActivityUserDetailWithDate as YammerByDate,
        ReportsGetYammerActivityUserDetailWithPeriod as Yammer,
    };
    use graph_core::{Content, Date, Download};

    /// The documented answer as an `http::Response`, and what it reads as.
    fn answer(example: &JsonValue) -> (http::Response<Vec<u8>>, Download) {
        let response = &example["response"];
        let headers = &response["headers"];
        let builder = http::Response::builder()
            .status(response["status"].as_u64().unwrap() as u16)
            .header("content-type", headers["Content-Type"].as_str().unwrap());
        match headers["Location"].as_str() {
            Some(location) => (
                builder
                    .header("location", location)
                    .body(Vec::new())
                    .unwrap(),
                Download::Redirect {
                    location: location.to_owned(),
                },
            ),
            None => {
                let text = response["text"].as_str().unwrap();
                (
                    builder.body(text.as_bytes().to_vec()).unwrap(),
                    Download::Content(Content::new("application/octet-stream", text)),
                )
            }
        }
    }

    let mut read = 0;
    for example in examples("reportroot-getyammeractivityuserdetail.md") {
        let url = example["request"]["url"].as_str().unwrap();
        let (request, downloaded) = if url.contains("(date=") {
            // The page quotes the date; an `Edm.Date` literal is unquoted,
            // as the page's own syntax section writes it (`date={date_value}`).
            let request = YammerByDate::new(Date::new(2018, 3, 5).unwrap())
                .to_request(SERVICE_ROOT, "token")
                .unwrap();
            assert_eq!(
                url.replace("'2018-03-05'", "2018-03-05"),
                request.uri().to_string()
            );
            let (response, expected) = answer(&example);
            (
                request,
                (YammerByDate::parse_response(response).unwrap(), expected),
            )
        } else {
            let request = Yammer::new("D7").to_request(SERVICE_ROOT, "token").unwrap();
            assert_eq!(url, request.uri().to_string());
            let (response, expected) = answer(&example);
            (
                request,
                (Yammer::parse_response(response).unwrap(), expected),
            )
        };
        assert_eq!(request.method().as_str(), example["request"]["method"]);
        assert_eq!(request.headers()["accept"], "*/*");
        assert_eq!(downloaded.0, downloaded.1);
        read += 1;
    }
    for example in examples("reportroot-getoffice365groupsactivitydetail.md") {
        let request = Groups::new("D7").to_request(SERVICE_ROOT, "token").unwrap();
        assert_eq!(example["request"]["url"], request.uri().to_string());
        let (response, expected) = answer(&example);
        assert_eq!(Groups::parse_response(response).unwrap(), expected);
        read += 1;
    }
    for example in examples("reportroot-getsharepointsiteusagedetail.md") {
        let request = SharePoint::new("D7")
            .to_request(SERVICE_ROOT, "token")
            .unwrap();
        assert_eq!(example["request"]["url"], request.uri().to_string());
        let (response, expected) = answer(&example);
        assert_eq!(SharePoint::parse_response(response).unwrap(), expected);
        read += 1;
    }
    assert_eq!(read, 7);
}
