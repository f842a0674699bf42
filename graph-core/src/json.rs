use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::{GraphError, Shortened};

/// Parses JSON into `T`, naming the JSON path of the first problem.
///
/// Prefer this over `serde_json::from_slice` for payloads from the network:
/// the error says where the payload went wrong (`lastReportedDateTime`,
/// `value[3].status`), not only the line and column.
///
/// ```
/// let err = graph_core::from_json::<Vec<i32>>(br#"[1, "2"]"#).unwrap_err();
/// assert!(err.to_string().contains("[1]"), "{err}");
/// ```
pub fn from_json<T: DeserializeOwned>(json: &[u8]) -> Result<T, GraphError> {
    // Tracking the path costs 60-75% on every parse (benches/serde.rs), and
    // it only matters for an error: parse plainly, and parse again with the
    // path only to describe a failure.
    match serde_json::from_slice(json) {
        Ok(value) => Ok(value),
        Err(_) => from_json_with_path(json),
    }
}

/// The slow path of [`from_json`]: the same parse, tracking where it is.
fn from_json_with_path<T: DeserializeOwned>(json: &[u8]) -> Result<T, GraphError> {
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        GraphError::Decode {
            path: error.path().to_string(),
            message: Shortened::message(error.into_inner().to_string()),
        }
    })?;
    // Trailing bytes after the document are an error, as in `serde_json::from_slice`.
    deserializer.end().map_err(|error| GraphError::Decode {
        path: ".".to_owned(),
        message: Shortened::message(error.to_string()),
    })?;
    Ok(value)
}

/// Writes `value` as compact JSON.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, GraphError> {
    serde_json::to_vec(value).map_err(|error| GraphError::Encode {
        message: error.to_string(),
    })
}
