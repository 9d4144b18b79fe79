//! The one error type of the core: a stable code, the field it concerns and a message.

use std::fmt;

use serde::Serialize;

/// Stable, machine-readable error codes. They are part of the public contract: the client
/// and the page map them to field messages, so a code is never renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// A required field is empty after trimming.
    Missing,
    /// A field is longer than its limit.
    TooLong,
    /// A year that is not a four-digit number.
    InvalidYear,
    /// A year before the first car or after next year.
    YearOutOfRange,
    /// A body type outside the supported set.
    UnknownBodyType,
    /// An angle id outside the catalogue.
    UnknownAngle,
    /// No angles, too many, or the same angle twice.
    InvalidAngles,
    /// A session id that is not a UUID.
    InvalidSession,
}

impl ErrorCode {
    /// The code as it appears in JSON and in JS errors.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Missing => "missing",
            Self::TooLong => "too_long",
            Self::InvalidYear => "invalid_year",
            Self::YearOutOfRange => "year_out_of_range",
            Self::UnknownBodyType => "unknown_body_type",
            Self::UnknownAngle => "unknown_angle",
            Self::InvalidAngles => "invalid_angles",
            Self::InvalidSession => "invalid_session",
        }
    }
}

/// Why a spec could not be planned: which field, which rule, and a message for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpecError {
    pub code: ErrorCode,
    pub field: &'static str,
    pub message: String,
}

impl SpecError {
    pub(crate) fn new(code: ErrorCode, field: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            field,
            message: message.into(),
        }
    }
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for SpecError {}
