//! Brave Search's image API: `GET {base}/res/v1/images/search?q=…` with the key in
//! `X-Subscription-Token`; JSON results with a title, the page, the image and a thumbnail.

use serde::Deserialize;
use worker::{Headers, Method, Url};

use super::{Provider, Reference, base, endpoint, request, send_ok};
use crate::config::Upstream;
use crate::error::ApiError;

const PROVIDER: Provider = Provider::Brave;
const MAX_BODY: usize = 2 << 20;
/// Results asked for and kept.
pub const MAX_RESULTS: usize = 8;

#[derive(Deserialize)]
struct Answer {
    #[serde(default)]
    results: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    #[serde(default)]
    title: String,
    #[serde(default)]
    url: String,
    thumbnail: Option<Src>,
    properties: Option<Properties>,
}

#[derive(Deserialize)]
struct Src {
    src: Option<String>,
}

#[derive(Deserialize)]
struct Properties {
    url: Option<String>,
}

/// One attempt at searching images for `query`.
pub async fn search(
    upstream: &Upstream,
    query: &str,
    timeout_ms: u64,
) -> Result<Vec<Reference>, ApiError> {
    let mut url = Url::parse(&endpoint(
        base(PROVIDER, upstream)?,
        "/res/v1/images/search",
    ))
    .map_err(|_| ApiError::NotConfigured(PROVIDER))?;
    url.query_pairs_mut()
        .append_pair("q", query)
        .append_pair("count", &MAX_RESULTS.to_string())
        .append_pair("safesearch", "strict");
    let key = upstream
        .key
        .as_ref()
        .ok_or(ApiError::NotConfigured(PROVIDER))?;

    let headers = Headers::new();
    headers.set("accept", "application/json")?;
    headers.set("x-subscription-token", &key.header_value(false))?;
    let request = request(url.as_str(), Method::Get, headers, None)?;

    let fetched = send_ok(PROVIDER, request, timeout_ms, MAX_BODY).await?;
    references(&fetched.body)
}

fn references(body: &[u8]) -> Result<Vec<Reference>, ApiError> {
    let answer: Answer =
        serde_json::from_slice(body).map_err(|_| ApiError::Unreadable(PROVIDER))?;
    let refs = answer.results.iter().filter_map(|item| {
        let image = item
            .properties
            .as_ref()
            .and_then(|p| p.url.as_deref())
            .unwrap_or(&item.url);
        let thumbnail = item.thumbnail.as_ref().and_then(|t| t.src.as_deref());
        Reference::new(&item.title, image, thumbnail)
    });
    Ok(refs.take(MAX_RESULTS).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_results() {
        let body = br#"{"type":"images","results":[
            {"title":"Lada logo","url":"https://a.example/page","thumbnail":{"src":"https://t.example/1.jpg"},"properties":{"url":"https://i.example/1.png"}},
            {"title":"","url":"https://b.example/"},
            {"title":"No image","url":"mailto:x@example.com"}]}"#;
        let refs = references(body).unwrap();
        assert_eq!(refs.len(), 1);
        assert_eq!(refs[0].url, "https://i.example/1.png");
        assert_eq!(
            refs[0].thumbnail.as_deref(),
            Some("https://t.example/1.jpg")
        );
        assert!(references(b"{").is_err());
    }
}
