// TEMPORARY placeholder so the crate builds; replaced by the real type.
use serde::{Deserialize, Serialize};

/// `Edm.DateTimeOffset`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateTimeOffset(String);

impl std::str::FromStr for DateTimeOffset {
    type Err = crate::GraphError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(DateTimeOffset(s.to_owned()))
    }
}

impl std::fmt::Display for DateTimeOffset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
