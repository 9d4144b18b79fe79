//! Response headers that tell the caller who served it, how, and how long it took.

use worker::Response;

use crate::log::RequestLog;

/// Marks a response with its provider, cache result and request id.
pub fn served(mut response: Response, provider: &str, cache: &str, request_id: &str) -> Response {
    let headers = response.headers_mut();
    let _ = headers.set("x-turntable-provider", provider);
    let _ = headers.set("x-turntable-cache", cache);
    let _ = headers.set("x-request-id", request_id);
    response
}

/// Adds `server-timing` and `x-request-id` to any response, errors included.
pub fn timed(response: &mut Response, log: &RequestLog) {
    let headers = response.headers_mut();
    let _ = headers.set("server-timing", &log.server_timing());
    let _ = headers.set("x-request-id", &log.id);
}
