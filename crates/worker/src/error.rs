//! The worker's one error type. Every error becomes a JSON body
//! `{ "error": { "code", "message" } }` with a stable code; nothing upstream is echoed.

use std::fmt;

use serde_json::json;
use worker::{Response, Result};

#[derive(Debug)]
#[non_exhaustive]
pub enum ApiError {
    /// A parameter is missing or malformed; the message names it.
    BadRequest(String),
    /// A value is larger than its limit.
    TooLarge(String),
    /// The brand is not in the catalogue and no search upstream knew it.
    UnknownBrand(String),
    /// The origin is not on the allow-list.
    OriginDenied,
    NotFound,
    MethodNotAllowed,
    /// Every upstream of the chain failed; the message says how, without their bodies.
    Upstream(String),
    /// A platform call failed; logged, never shown in detail.
    Internal(worker::Error),
}

impl ApiError {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::BadRequest(_) => "bad_request",
            Self::TooLarge(_) => "too_large",
            Self::UnknownBrand(_) => "unknown_brand",
            Self::OriginDenied => "origin_denied",
            Self::NotFound => "not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::Upstream(_) => "upstream_failed",
            Self::Internal(_) => "internal",
        }
    }

    pub fn status(&self) -> u16 {
        match self {
            Self::BadRequest(_) => 400,
            Self::TooLarge(_) => 413,
            Self::UnknownBrand(_) | Self::NotFound => 404,
            Self::OriginDenied => 403,
            Self::MethodNotAllowed => 405,
            Self::Upstream(_) => 502,
            Self::Internal(_) => 500,
        }
    }

    /// The JSON error response.
    pub fn into_response(self) -> Result<Response> {
        let body = json!({ "error": { "code": self.code(), "message": self.to_string() } });
        Ok(Response::from_json(&body)?.with_status(self.status()))
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadRequest(m) | Self::TooLarge(m) => f.write_str(m),
            Self::UnknownBrand(b) => write!(f, "brand {b:?} is not in the catalogue"),
            Self::OriginDenied => f.write_str("origin is not allowed"),
            Self::NotFound => f.write_str("no such route"),
            Self::MethodNotAllowed => f.write_str("method is not allowed on this route"),
            Self::Upstream(m) => write!(f, "no upstream could answer: {m}"),
            Self::Internal(_) => f.write_str("internal error"),
        }
    }
}

impl std::error::Error for ApiError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Internal(e) => Some(e),
            _ => None,
        }
    }
}

impl From<worker::Error> for ApiError {
    fn from(err: worker::Error) -> Self {
        Self::Internal(err)
    }
}
