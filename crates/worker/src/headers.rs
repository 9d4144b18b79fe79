//! Response headers that tell the caller who served it and how.

use worker::Response;

/// Marks a response with its provider, cache result and request id.
pub fn served(mut response: Response, provider: &str, cache: &str, request_id: &str) -> Response {
    let headers = response.headers_mut();
    let _ = headers.set("x-turntable-provider", provider);
    let _ = headers.set("x-turntable-cache", cache);
    let _ = headers.set("x-request-id", request_id);
    response
}
