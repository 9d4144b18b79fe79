//! Upstreams: the providers the worker calls, one adapter each, and what they share:
//! one bounded HTTP exchange under a timeout, and turning an answer's status into an error.
//!
//! Requests go only to the base URL configured for a provider, never to a URL taken from a
//! downstream request or from an upstream answer; redirects are not followed.

pub mod brave;
pub mod duckduckgo;
pub mod embedded;
pub mod openai;
pub mod pollinations;

use std::fmt;
use std::pin::pin;

use futures::future::{Either, select};
use worker::{AbortController, Fetch, Headers, Method, Request, RequestInit, RequestRedirect};

use crate::clock;
use crate::error::ApiError;
use crate::retry;

/// A provider the worker knows how to call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Provider {
    OpenAi,
    Pollinations,
    Brave,
    DuckDuckGo,
    /// The embedded catalogue (search) or renderer (images): no network, no key.
    Embedded,
}

impl Provider {
    /// The provider of a name in a chain, such as `openai`.
    pub fn parse(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "openai" => Some(Self::OpenAi),
            "pollinations" => Some(Self::Pollinations),
            "brave" => Some(Self::Brave),
            "duckduckgo" | "ddg" => Some(Self::DuckDuckGo),
            "embedded" => Some(Self::Embedded),
            _ => None,
        }
    }

    /// The name used in config, headers, JSON and logs.
    pub fn name(self) -> &'static str {
        match self {
            Self::OpenAi => "openai",
            Self::Pollinations => "pollinations",
            Self::Brave => "brave",
            Self::DuckDuckGo => "duckduckgo",
            Self::Embedded => "embedded",
        }
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An upstream's answer, read whole.
pub struct Fetched {
    pub status: u16,
    pub retry_after: Option<String>,
    pub body: Vec<u8>,
}

/// A request to an upstream: method, headers and body, redirects left unfollowed.
pub fn request(
    url: &str,
    method: Method,
    headers: Headers,
    body: Option<String>,
) -> Result<Request, ApiError> {
    let mut init = RequestInit::new();
    init.with_method(method)
        .with_headers(headers)
        .with_redirect(RequestRedirect::Manual);
    init.with_body(body.map(Into::into));
    Ok(Request::new_with_init(url, &init)?)
}

/// Sends `request` and reads its answer of at most `max_body` bytes, all within `timeout_ms`.
pub async fn send(
    provider: Provider,
    request: Request,
    timeout_ms: u64,
    max_body: usize,
) -> Result<Fetched, ApiError> {
    let controller = AbortController::default();
    let signal = controller.signal();
    let exchange = pin!(async {
        let response = Fetch::Request(request).send_with_signal(&signal).await;
        read(
            provider,
            response.map_err(|_| ApiError::Unreachable(provider))?,
            max_body,
        )
        .await
    });
    let timer = pin!(clock::sleep(timeout_ms));

    match select(exchange, timer).await {
        Either::Left((fetched, _)) => fetched,
        Either::Right(((), _)) => {
            controller.abort();
            Err(ApiError::Timeout(provider))
        }
    }
}

async fn read(
    provider: Provider,
    mut response: worker::Response,
    max_body: usize,
) -> Result<Fetched, ApiError> {
    let header = |name: &str| response.headers().get(name).ok().flatten();
    let declared = header("content-length").and_then(|v| v.trim().parse::<usize>().ok());
    if declared.is_some_and(|len| len > max_body) {
        return Err(ApiError::Unreadable(provider));
    }
    let retry_after = header("retry-after");

    let body = response
        .bytes()
        .await
        .map_err(|_| ApiError::Unreachable(provider))?;
    if body.len() > max_body {
        return Err(ApiError::Unreadable(provider));
    }
    Ok(Fetched {
        status: response.status_code(),
        retry_after,
        body,
    })
}

/// Passes a success through; turns any other status into its error, with the wait the
/// upstream asked for (a `Retry-After` header or a `retry_after` field of a JSON body).
/// [`send`], then [`check`]: the answer of a call that only a 2xx status completes.
pub async fn send_ok(
    provider: Provider,
    request: Request,
    timeout_ms: u64,
    max_body: usize,
) -> Result<Fetched, ApiError> {
    check(
        provider,
        send(provider, request, timeout_ms, max_body).await?,
    )
}

pub fn check(provider: Provider, fetched: Fetched) -> Result<Fetched, ApiError> {
    if (200..300).contains(&fetched.status) {
        return Ok(fetched);
    }
    let retry_after = retry::wait_hint(
        fetched.retry_after.as_deref(),
        &fetched.body,
        clock::now_ms(),
    );
    Err(match fetched.status {
        429 => ApiError::Throttled {
            provider,
            retry_after,
        },
        status => ApiError::Status {
            provider,
            status,
            retry_after,
        },
    })
}

/// An image an upstream drew.
#[derive(Debug, Clone)]
pub struct Picture {
    pub bytes: Vec<u8>,
    pub content_type: String,
}

/// One web search result, returned to the caller as data; the worker never fetches it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Reference {
    pub title: String,
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<String>,
}

/// Longest reference URL kept, in bytes.
const MAX_URL: usize = 2048;
/// Longest reference title kept, in characters.
const MAX_TITLE: usize = 200;

impl Reference {
    /// A result with a title and an `http(s)` URL, cleaned; `None` if it has neither.
    pub fn new(title: &str, url: &str, thumbnail: Option<&str>) -> Option<Self> {
        let title = crate::text::plain(title, MAX_TITLE);
        let url = web_url(url)?;
        (!title.is_empty()).then(|| Self {
            title,
            url,
            thumbnail: thumbnail.and_then(web_url),
        })
    }
}

fn web_url(text: &str) -> Option<String> {
    let url = worker::Url::parse(text.trim()).ok()?;
    let ok = matches!(url.scheme(), "http" | "https") && url.as_str().len() <= MAX_URL;
    ok.then(|| url.to_string())
}

/// `path` under a provider's base URL.
pub fn endpoint(base: &worker::Url, path: &str) -> String {
    format!("{}{path}", base.as_str().trim_end_matches('/'))
}

/// The base URL of a provider that needs one, or why it cannot be called.
pub fn base(
    provider: Provider,
    upstream: &crate::config::Upstream,
) -> Result<&worker::Url, ApiError> {
    upstream
        .base
        .as_ref()
        .ok_or(ApiError::NotConfigured(provider))
}

/// The media type of image bytes, told by their first bytes rather than by any header.
pub fn image_type(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, ..] => Some("image/png"),
        [0xff, 0xd8, 0xff, ..] => Some("image/jpeg"),
        [
            b'R',
            b'I',
            b'F',
            b'F',
            _,
            _,
            _,
            _,
            b'W',
            b'E',
            b'B',
            b'P',
            ..,
        ] => Some("image/webp"),
        [b'G', b'I', b'F', b'8', ..] => Some("image/gif"),
        _ => None,
    }
}

/// Image bytes as a picture, if they are an image.
pub fn picture(provider: Provider, bytes: Vec<u8>) -> Result<Picture, ApiError> {
    let content_type = image_type(&bytes).ok_or(ApiError::Unreadable(provider))?;
    Ok(Picture {
        bytes,
        content_type: content_type.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_types() {
        assert_eq!(image_type(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(image_type(b"\xff\xd8\xff\xe0"), Some("image/jpeg"));
        assert_eq!(image_type(b"RIFF\0\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(image_type(b"<html>"), None);
        assert_eq!(image_type(b""), None);
    }

    #[test]
    fn references_keep_only_web_urls() {
        let r = Reference::new(
            "<b>Škoda</b> logo",
            "https://example.com/a.png",
            Some("javascript:x"),
        );
        assert_eq!(
            r,
            Some(Reference {
                title: "Škoda logo".into(),
                url: "https://example.com/a.png".into(),
                thumbnail: None
            })
        );
        assert_eq!(Reference::new("x", "ftp://example.com/a", None), None);
        assert_eq!(Reference::new("  ", "https://example.com/", None), None);
    }
}
