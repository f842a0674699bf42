// TEMPORARY placeholder so the crate builds; replaced by the real type.
use serde::{Deserialize, Serialize};

/// `Edm.DateTimeOffset`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateTimeOffset(String);
