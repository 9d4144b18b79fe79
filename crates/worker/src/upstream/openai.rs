//! OpenAI-compatible image generation: `POST {base}/v1/images/generations` with a bearer
//! key and `response_format: b64_json`; the image comes back base64-encoded inside JSON.
//! The API has no seed, so the seed only tells cached answers apart.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::Deserialize;
use serde_json::json;
use worker::{Headers, Method};

use super::{Picture, Provider, base, endpoint, picture, request, send_ok};
use crate::config::Upstream;
use crate::error::ApiError;
use crate::image::ImageRequest;

const PROVIDER: Provider = Provider::OpenAi;
/// Largest JSON answer read, in bytes (a base64 image of about 18 MB).
const MAX_BODY: usize = 24 << 20;

#[derive(Deserialize)]
struct Answer {
    data: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    b64_json: Option<String>,
}

/// One attempt at drawing `shot`.
pub async fn generate(
    upstream: &Upstream,
    shot: &ImageRequest,
    timeout_ms: u64,
) -> Result<Picture, ApiError> {
    let url = endpoint(base(PROVIDER, upstream)?, "/v1/images/generations");
    let key = upstream
        .key
        .as_ref()
        .ok_or(ApiError::NotConfigured(PROVIDER))?;
    let (width, height) = size(&upstream.sizes, shot.width, shot.height);
    let body = json!({
        "model": upstream.model,
        "prompt": shot.prompt,
        "n": 1,
        "size": format!("{width}x{height}"),
        "response_format": "b64_json",
    });

    let headers = Headers::new();
    headers.set("content-type", "application/json")?;
    headers.set("accept", "application/json")?;
    headers.set("authorization", &key.header_value(true))?;
    let request = request(&url, Method::Post, headers, Some(body.to_string()))?;

    let fetched = send_ok(PROVIDER, request, timeout_ms, MAX_BODY).await?;
    decode(&fetched.body)
}

/// The picture inside an answer.
fn decode(body: &[u8]) -> Result<Picture, ApiError> {
    let answer: Answer =
        serde_json::from_slice(body).map_err(|_| ApiError::Unreadable(PROVIDER))?;
    let b64 = answer.data.into_iter().find_map(|item| item.b64_json);
    let b64 = b64.ok_or(ApiError::Unreadable(PROVIDER))?;
    let bytes = STANDARD
        .decode(b64.trim())
        .map_err(|_| ApiError::Unreadable(PROVIDER))?;
    picture(PROVIDER, bytes)
}

/// The size to ask for: the requested one, or when the provider takes only some, the one
/// closest in aspect ratio (the larger on a tie).
pub fn size(allowed: &[(u32, u32)], width: u32, height: u32) -> (u32, u32) {
    let aspect = |(w, h): (u32, u32)| (f64::from(w) / f64::from(h)).ln();
    let wanted = aspect((width, height));
    let distance = |s: &(u32, u32)| ((aspect(*s) - wanted).abs() * 1e6) as u64;
    let best = allowed
        .iter()
        .min_by_key(|s| (distance(s), u64::MAX - u64::from(s.0) * u64::from(s.1)));
    best.copied().unwrap_or((width, height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_b64_json() {
        let png = STANDARD.encode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        let body = format!(r#"{{"created":1,"data":[{{"b64_json":"{png}"}}]}}"#);
        assert_eq!(
            decode(body.as_bytes()).map(|p| p.content_type).ok(),
            Some("image/png".into())
        );
        assert!(decode(br#"{"data":[{"url":"https://example.com/a.png"}]}"#).is_err());
        assert!(decode(br#"{"data":[{"b64_json":"PGh0bWw+"}]}"#).is_err());
        assert!(decode(b"<html>").is_err());
    }

    #[test]
    fn sizes() {
        let dalle = [(1024, 1024), (1792, 1024), (1024, 1792)];
        assert_eq!(size(&[], 1024, 768), (1024, 768));
        assert_eq!(size(&dalle, 1024, 768), (1792, 1024));
        assert_eq!(size(&dalle, 800, 800), (1024, 1024));
        assert_eq!(size(&dalle, 600, 1000), (1024, 1792));
    }
}
