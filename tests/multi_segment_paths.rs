//! Path addressing with multi-segment parameters (`root:/{+path}:/content`):
//! the request lines of Graph's documentation, their documented responses,
//! and a property test that any path keeps exactly its segments, each
//! percent-encoded on its own, and cannot address anything outside its
//! place.

use graph_core::{graph_endpoint, graph_entity, Collection, DateTimeOffset, Endpoint, GraphError};
use proptest::prelude::*;
use url::Url;

mod url_text;
use url_text::{decode, ok, request_line, url_text};

const ROOT: &str = "https://graph.microsoft.com/v1.0";

#[graph_entity("site")]
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    pub display_name: Option<String>,
    pub is_personal_site: Option<bool>,
    pub name: Option<String>,
    pub created_date_time: Option<DateTimeOffset>,
    pub last_modified_date_time: Option<DateTimeOffset>,
    pub web_url: Option<String>,
}

#[graph_entity("driveItem")]
#[derive(Debug, Clone, PartialEq)]
pub struct DriveItem {
    pub name: Option<String>,
    pub size: Option<i64>,
}

graph_endpoint! {
    /// <https://learn.microsoft.com/graph/api/site-getbypath>
    pub GetSiteByPath {
        method: GET,
        path: "/sites/{hostname}:/{+serverRelativePath}",
        response: Site,
    }

    /// <https://learn.microsoft.com/graph/api/driveitem-get-content>: the
    /// answer is a 302 to the file (raw content is not read as JSON).
    pub GetItemContentByPath {
        method: GET,
        path: "/me/drive/root:/{+path}:/content",
    }

    /// <https://learn.microsoft.com/graph/api/driveitem-list-children>
    pub ListChildrenByPath {
        method: GET,
        path: "/drives/{driveId}/root:/{+path}:/children",
        response: Collection<DriveItem>,
    }
}

/// microsoft-graph-docs-contrib, api-reference/v1.0/api/site-getbypath.md:
/// `GET https://graph.microsoft.com/v1.0/sites/{hostname}:/{relative-path}`,
/// filled in with the site of the documented response.
#[test]
fn site_by_path() {
    assert_eq!(
        request_line(&GetSiteByPath::new(
            "contoso.sharepoint.com",
            "teams/1drvteam"
        )),
        "GET https://graph.microsoft.com/v1.0/sites/contoso.sharepoint.com:/teams/1drvteam"
    );
    let site = GetSiteByPath::parse_response(ok(r#"{
  "id": "contoso.sharepoint.com,2C712604-1370-44E7-A1F5-426573FDA80A,2D2244C3-251A-49EA-93A8-39E1C3A060FE",
  "displayName": "OneDrive Team Site",
  "isPersonalSite": false,
  "name": "1drvteam",
  "createdDateTime": "2017-05-09T20:56:00Z",
  "lastModifiedDateTime": "2017-05-09T20:56:01Z",
  "webUrl": "https://contoso.sharepoint.com/teams/1drvteam"
}"#))
    .unwrap();
    assert_eq!(site.name.as_deref(), Some("1drvteam"));
    assert_eq!(site.is_personal_site, Some(false));
    assert_eq!(
        site.created_date_time.unwrap().as_str(),
        "2017-05-09T20:56:00Z"
    );
}

/// microsoft-graph-docs-contrib, api-reference/v1.0/api/driveitem-get-content.md:
/// `GET /me/drive/root:/{item-path}:/content`.
#[test]
fn item_content_by_path() {
    assert_eq!(
        request_line(&GetItemContentByPath::new("Documents/Q3 report #2.docx")),
        "GET https://graph.microsoft.com/v1.0/me/drive/root:/Documents/Q3%20report%20%232.docx:/content"
    );
}

/// microsoft-graph-docs-contrib, api-reference/v1.0/api/driveitem-list-children.md:
/// `GET https://graph.microsoft.com/v1.0/drives/{drive-id}/root:/{path-relative-to-root}:/children`.
#[test]
fn children_by_path() {
    assert_eq!(
        request_line(&ListChildrenByPath::new("b!t18F", "Photos/2024: Ferien")),
        "GET https://graph.microsoft.com/v1.0/drives/b%21t18F/root:/Photos/2024%3A%20Ferien:/children"
    );
    let page = ListChildrenByPath::parse_response(ok(r#"{
  "value": [
    {"name": "myfile.jpg", "size": 2048, "file": {} },
    {"name": "Documents", "folder": { "childCount": 4} },
    {"name": "Photos", "folder": { "childCount": 203} },
    {"name": "my sheet(1).xlsx", "size": 197 }
  ],
  "@odata.nextLink": "https://..."
}"#))
    .unwrap();
    let names: Vec<_> = page
        .value
        .iter()
        .filter_map(|item| item.name.as_deref())
        .collect();
    assert_eq!(
        names,
        ["myfile.jpg", "Documents", "Photos", "my sheet(1).xlsx"]
    );
    assert!(page.value[1].additional_data.contains_key("folder"));
}

#[test]
fn paths_that_leave_their_place_are_refused() {
    for path in [
        "",
        "/Documents",
        "Documents/",
        "a//b",
        "../secret",
        "a/./b",
        "a/..",
    ] {
        let error = GetItemContentByPath::new(path)
            .to_request(ROOT, "token")
            .unwrap_err();
        assert!(
            matches!(error, GraphError::InvalidPathParameter { name: "path", .. }),
            "{path:?}: {error:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn multi_segment_paths_keep_exactly_their_segments(
        hostname in url_text(),
        parts in prop::collection::vec(url_text(), 1..5),
    ) {
        let path = parts.join("/");
        let built = GetSiteByPath::new(hostname.as_str(), path.as_str()).to_request(ROOT, "token");
        let refused = |value: &str| matches!(value, "" | "." | "..");
        // A part may itself hold `/`: the segments are what `/` splits.
        let segments: Vec<&str> = path.split('/').collect();
        if refused(&hostname) || segments.iter().any(|segment| refused(segment)) {
            let name = if refused(&hostname) { "hostname" } else { "serverRelativePath" };
            match built {
                Err(GraphError::InvalidPathParameter { name: got, .. }) => prop_assert_eq!(got, name),
                other => prop_assert!(false, "{hostname:?} {path:?}: {other:?}"),
            }
            return Ok(());
        }
        let text = built.unwrap().uri().to_string();
        let url = Url::parse(&text).unwrap();
        prop_assert_eq!(url.host_str(), Some("graph.microsoft.com"));
        prop_assert_eq!(url.query(), None);
        prop_assert_eq!(url.fragment(), None);
        let got: Vec<&str> = url.path_segments().unwrap().collect();
        prop_assert_eq!(got.len(), 3 + segments.len(), "{}", text);
        prop_assert_eq!(&got[..2], ["v1.0", "sites"]);
        // `hostname:` keeps Graph's `:` outside the value.
        let host_segment = got[2].strip_suffix(':').expect("`:` after the hostname");
        prop_assert_eq!(decode(host_segment), hostname);
        let read: Vec<String> = got[3..].iter().map(|segment| decode(segment)).collect();
        prop_assert_eq!(read, segments);
    }
}
