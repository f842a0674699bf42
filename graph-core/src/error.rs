use std::fmt;

/// Everything that can go wrong at run time.
///
/// Each variant names the field, path or value concerned, never the access
/// token, and never echoes more than a few KB of a response body.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GraphError {
    /// JSON did not match the expected type. `path` is where, in the
    /// notation `value[3].lastReportedDateTime` (`.` for the document itself).
    #[error("invalid JSON at `{path}`: {message}")]
    Decode {
        /// Where in the document the problem is.
        path: String,
        /// What was wrong there and what was expected.
        message: String,
    },
    /// A value could not be written as JSON.
    #[error("cannot encode JSON: {message}")]
    Encode {
        /// What could not be written.
        message: String,
    },
    /// Text that should hold a value of some Graph type does not.
    #[error("invalid {kind} `{value}`: {reason}")]
    InvalidValue {
        /// The Graph type expected, such as `DateTimeOffset` or `complianceStatus`.
        kind: &'static str,
        /// The text received (shortened when long).
        value: Shortened,
        /// Why it is not valid.
        reason: String,
    },
}

/// Text kept for an error message, cut after a few hundred bytes so that an
/// error never echoes a whole payload.
#[derive(Clone, PartialEq, Eq)]
pub struct Shortened(String);

impl Shortened {
    const LIMIT: usize = 256;

    /// Keeps `text`, cut at a character boundary after [`Self::LIMIT`] bytes.
    pub fn new(text: &str) -> Self {
        if text.len() <= Self::LIMIT {
            return Shortened(text.to_owned());
        }
        let mut end = Self::LIMIT;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        Shortened(format!("{}… ({} bytes)", &text[..end], text.len()))
    }

    /// The kept text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Shortened {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Shortened {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}
