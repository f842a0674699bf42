use serde::{Deserialize, Serialize};

/// The body of a `$ref` request: a link to an existing object by its URL,
/// written `{"@odata.id": "<url>"}`.
///
/// Graph uses it to add a reference to a collection (`POST .../members/$ref`)
/// or to set a single-valued one (`PUT .../manager/$ref`).
///
/// ```
/// use graph_core::Reference;
///
/// let member = Reference::new("https://graph.microsoft.com/v1.0/directoryObjects/42");
/// let json = graph_core::to_json(&member).unwrap();
/// assert_eq!(json, br#"{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/42"}"#);
/// assert_eq!(graph_core::from_json::<Reference>(&json).unwrap(), member);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Reference {
    /// The URL of the referenced object, such as
    /// `https://graph.microsoft.com/v1.0/directoryObjects/{id}`.
    #[serde(rename = "@odata.id")]
    pub odata_id: String,
}

impl Reference {
    /// A reference to the object at `odata_id` (its full URL).
    pub fn new(odata_id: impl Into<String>) -> Self {
        Reference {
            odata_id: odata_id.into(),
        }
    }
}
