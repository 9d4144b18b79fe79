//! The worker's one error type. Every error becomes a JSON body
//! `{ "error": { "code", "message" } }` with a stable code; nothing upstream is echoed.
//!
//! Upstream variants describe one failed call to one provider; they decide whether a retry
//! may help and carry any Retry-After hint. A caller sees them only summed up as
//! [`ApiError::Upstream`] once the whole chain has failed.

use std::fmt;
use std::rc::Rc;

use serde_json::json;
use worker::{Response, Result};

use crate::upstream::Provider;

#[derive(Debug, Clone)]
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
    /// The caller sent more requests than its rate allows; it may retry after `retry_after`
    /// seconds.
    RateLimited {
        retry_after: u32,
    },
    /// The provider is in the chain but has no key or no usable base URL.
    NotConfigured(Provider),
    /// The provider's gate admitted no call within the request's time budget.
    Busy(Provider),
    /// An upstream took longer than its timeout.
    Timeout(Provider),
    /// An upstream could not be reached, or its answer broke off.
    Unreachable(Provider),
    /// An upstream said the caller is over its rate limit; `retry_after` in milliseconds.
    Throttled {
        provider: Provider,
        retry_after: Option<u64>,
    },
    /// An upstream answered with another unexpected status; `retry_after` in milliseconds.
    Status {
        provider: Provider,
        status: u16,
        retry_after: Option<u64>,
    },
    /// An upstream's answer was not what its API promises.
    Unreadable(Provider),
    /// A search upstream answered, but with no usable result.
    Empty(Provider),
    /// Every upstream of the chain failed; the message says how, without their bodies.
    Upstream(String),
    /// A platform call failed; logged, never shown in detail.
    Internal(Rc<worker::Error>),
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
            Self::RateLimited { .. } => "rate_limited",
            Self::NotConfigured(_) => "upstream_not_configured",
            Self::Busy(_) => "upstream_busy",
            Self::Timeout(_) => "upstream_timeout",
            Self::Unreachable(_) => "upstream_unreachable",
            Self::Throttled { .. } => "upstream_rate_limited",
            Self::Status { .. } => "upstream_status",
            Self::Unreadable(_) => "upstream_unreadable",
            Self::Empty(_) => "upstream_empty",
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
            Self::RateLimited { .. } => 429,
            Self::Busy(_) | Self::Throttled { .. } | Self::NotConfigured(_) => 503,
            Self::Timeout(_) => 504,
            Self::Internal(_) => 500,
            _ => 502,
        }
    }

    /// Whether calling the same upstream again may succeed: rate limits, server errors and
    /// broken connections. A timeout is not retried: the chain's next provider is a better
    /// use of the remaining time than another long wait on a slow one.
    pub fn retryable(&self) -> bool {
        match self {
            Self::Throttled { .. } | Self::Unreachable(_) => true,
            Self::Status { status, .. } => *status >= 500,
            _ => false,
        }
    }

    /// How long the upstream asked us to wait before the next call, in milliseconds.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            Self::Throttled { retry_after, .. } | Self::Status { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// The JSON error response; a rate-limited caller also gets `Retry-After`.
    pub fn into_response(self) -> Result<Response> {
        let body = json!({ "error": { "code": self.code(), "message": self.to_string() } });
        let mut response = Response::from_json(&body)?.with_status(self.status());
        if let Self::RateLimited { retry_after } = self {
            response
                .headers_mut()
                .set("retry-after", &retry_after.to_string())?;
        }
        if let Self::MethodNotAllowed = self {
            response.headers_mut().set("allow", "GET, OPTIONS")?;
        }
        Ok(response)
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
            Self::RateLimited { retry_after } => {
                write!(f, "too many requests, retry after {retry_after} s")
            }
            Self::NotConfigured(p) => write!(f, "{p} is not configured"),
            Self::Busy(p) => write!(f, "{p} had no free slot in time"),
            Self::Timeout(p) => write!(f, "{p} timed out"),
            Self::Unreachable(p) => write!(f, "{p} could not be reached"),
            Self::Throttled { provider, .. } => write!(f, "{provider} is rate limited"),
            Self::Status {
                provider, status, ..
            } => write!(f, "{provider} answered {status}"),
            Self::Unreadable(p) => write!(f, "{p} sent an unreadable answer"),
            Self::Empty(p) => write!(f, "{p} found nothing"),
            Self::Upstream(m) => write!(f, "no upstream could answer: {m}"),
            Self::Internal(_) => f.write_str("internal error"),
        }
    }
}

impl std::error::Error for ApiError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Internal(e) => Some(e.as_ref()),
            _ => None,
        }
    }
}

impl From<worker::Error> for ApiError {
    fn from(err: worker::Error) -> Self {
        Self::Internal(Rc::new(err))
    }
}
