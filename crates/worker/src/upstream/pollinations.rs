//! Pollinations-style image generation: `GET {base}/prompt/{prompt}?seed=&width=&height=`
//! answers with the image itself. The prompt is one path segment, so everything but the
//! unreserved characters is percent-encoded, exactly once: `/`, `?`, `#` and `%` included.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use worker::{Headers, Method, Url};

use super::{Picture, Provider, base, endpoint, picture, request, send_ok};
use crate::config::Upstream;
use crate::error::ApiError;
use crate::image::ImageRequest;

const PROVIDER: Provider = Provider::Pollinations;
/// Largest image read, in bytes.
const MAX_BODY: usize = 16 << 20;
/// What stays as it is in a path segment: the unreserved characters of RFC 3986.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// One attempt at drawing `shot`.
pub async fn generate(
    upstream: &Upstream,
    shot: &ImageRequest,
    timeout_ms: u64,
) -> Result<Picture, ApiError> {
    let url = url(base(PROVIDER, upstream)?, &upstream.model, shot)?;
    let headers = Headers::new();
    headers.set("accept", "image/*")?;
    if let Some(key) = &upstream.key {
        headers.set("authorization", &key.header_value(true))?;
    }
    let request = request(url.as_str(), Method::Get, headers, None)?;

    let fetched = send_ok(PROVIDER, request, timeout_ms, MAX_BODY).await?;
    picture(PROVIDER, fetched.body)
}

/// The request URL of `shot`.
fn url(base: &Url, model: &str, shot: &ImageRequest) -> Result<Url, ApiError> {
    let path = format!("/prompt/{}", utf8_percent_encode(&shot.prompt, SEGMENT));
    let mut url =
        Url::parse(&endpoint(base, &path)).map_err(|_| ApiError::NotConfigured(PROVIDER))?;
    url.query_pairs_mut()
        .append_pair("seed", &shot.seed.to_string())
        .append_pair("width", &shot.width.to_string())
        .append_pair("height", &shot.height.to_string())
        .append_pair("nologo", "true")
        .append_pair("model", model);
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompt_is_one_segment_encoded_once() {
        let encoded = utf8_percent_encode("Škoda — Лада 🚗 / ? # % a-b_c.d~e", SEGMENT).to_string();
        assert_eq!(
            encoded,
            "%C5%A0koda%20%E2%80%94%20%D0%9B%D0%B0%D0%B4%D0%B0%20%F0%9F%9A%97%20%2F%20%3F%20%23%20%25%20a-b_c.d~e"
        );
        let url = Url::parse(&format!("http://127.0.0.1:8790/prompt/{encoded}?seed=1")).unwrap();
        assert_eq!(url.path(), format!("/prompt/{encoded}"));
    }
}
