//! CORS: an allow-list of origins from config, any loopback origin in local development,
//! preflight answered before anything else, and never credentials.

use worker::{Headers, Method, Response, Result, Url};

use crate::config::Config;
use crate::error::ApiError;

/// What to do with a request after the origin check.
pub enum Verdict {
    /// Answer the preflight and stop.
    Preflight,
    /// Route the request.
    Proceed,
}

/// Lets through requests without an `Origin` (not from a browser) and from allowed origins.
pub fn check(
    config: &Config,
    origin: Option<&str>,
    method: Method,
) -> std::result::Result<Verdict, ApiError> {
    if let Some(origin) = origin
        && !allowed(config, origin)
    {
        return Err(ApiError::OriginDenied);
    }
    Ok(if method == Method::Options {
        Verdict::Preflight
    } else {
        Verdict::Proceed
    })
}

pub fn preflight() -> Result<Response> {
    let headers = Headers::new();
    headers.set("access-control-allow-methods", "GET, OPTIONS")?;
    headers.set("access-control-allow-headers", "content-type")?;
    headers.set("access-control-max-age", "86400")?;
    Ok(Response::empty()?.with_status(204).with_headers(headers))
}

/// Adds the CORS headers of an allowed origin to a response.
pub fn decorate(config: &Config, origin: Option<&str>, headers: &mut Headers) {
    // Every answer depends on the origin, so a cache never hands one origin's to another.
    let _ = headers.append("vary", "Origin");
    let Some(origin) = origin.filter(|o| allowed(config, o)) else {
        return;
    };
    let _ = headers.set("access-control-allow-origin", origin);
    let exposed = "x-turntable-provider, x-turntable-cache, x-request-id, server-timing";
    let _ = headers.set("access-control-expose-headers", exposed);
}

fn allowed(config: &Config, origin: &str) -> bool {
    config.allowed_origins.iter().any(|o| o == origin)
        || (config.allow_loopback && is_loopback(origin))
}

/// `http(s)://127.0.0.1:*`, `localhost` or `[::1]`.
fn is_loopback(origin: &str) -> bool {
    let Ok(url) = Url::parse(origin) else {
        return false;
    };
    let web = matches!(url.scheme(), "http" | "https");
    web && matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"))
}
