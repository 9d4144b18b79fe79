//! DuckDuckGo image search the way its own page does it: the search page carries a `vqd`
//! token, and `GET {base}/i.js?q=…&vqd=…&o=json` answers the results as JSON. When it
//! rate-limits, it answers 202 or 403 instead.

use serde::Deserialize;
use worker::{Headers, Method, Url};

use super::{Fetched, Provider, Reference, base, check, endpoint, request, send};
use crate::config::Upstream;
use crate::error::ApiError;

const PROVIDER: Provider = Provider::DuckDuckGo;
const MAX_BODY: usize = 2 << 20;
const MAX_RESULTS: usize = super::brave::MAX_RESULTS;
/// DuckDuckGo answers an unknown client with an error page, so the worker names itself.
const USER_AGENT: &str = "Mozilla/5.0 (compatible; Turntable/0.1)";

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
    image: String,
    thumbnail: Option<String>,
}

/// One attempt at searching images for `query`: the token page, then the results.
pub async fn search(
    upstream: &Upstream,
    query: &str,
    timeout_ms: u64,
) -> Result<Vec<Reference>, ApiError> {
    let base = base(PROVIDER, upstream)?;
    let page = get(
        base,
        "/",
        &[("q", query), ("iax", "images"), ("ia", "images")],
        timeout_ms,
    )
    .await?;
    let text = String::from_utf8_lossy(&page.body);
    let vqd = vqd(&text).ok_or(ApiError::Unreadable(PROVIDER))?;

    let params = [
        ("l", "us-en"),
        ("o", "json"),
        ("q", query),
        ("vqd", vqd),
        ("f", ",,,,,"),
        ("p", "1"),
    ];
    let answer = get(base, "/i.js", &params, timeout_ms).await?;
    references(&answer.body)
}

async fn get(
    base: &Url,
    path: &str,
    params: &[(&str, &str)],
    timeout_ms: u64,
) -> Result<Fetched, ApiError> {
    let mut url =
        Url::parse(&endpoint(base, path)).map_err(|_| ApiError::NotConfigured(PROVIDER))?;
    url.query_pairs_mut().extend_pairs(params);
    let headers = Headers::new();
    headers.set("accept", "application/json, text/html;q=0.9")?;
    headers.set("referer", &endpoint(base, "/"))?;
    headers.set("user-agent", USER_AGENT)?;

    let fetched = send(
        PROVIDER,
        request(url.as_str(), Method::Get, headers, None)?,
        timeout_ms,
        MAX_BODY,
    )
    .await?;
    if matches!(fetched.status, 202 | 403) {
        return Err(ApiError::Throttled {
            provider: PROVIDER,
            retry_after: None,
        });
    }
    check(PROVIDER, fetched)
}

/// The `vqd` token of a search page: `vqd="4-…"`, `vqd='4-…'`, `vqd=4-…&` or `"vqd":"4-…"`.
fn vqd(page: &str) -> Option<&str> {
    page.match_indices("vqd").find_map(|(at, _)| {
        let rest = page[at + 3..].trim_start_matches(['"', '\'']).trim_start();
        let rest = rest
            .strip_prefix(['=', ':'])?
            .trim_start()
            .trim_start_matches(['"', '\'']);
        let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        let token = &rest[..end.unwrap_or(rest.len())];
        (token.len() >= 5).then_some(token)
    })
}

fn references(body: &[u8]) -> Result<Vec<Reference>, ApiError> {
    let answer: Answer =
        serde_json::from_slice(body).map_err(|_| ApiError::Unreadable(PROVIDER))?;
    let refs = answer
        .results
        .iter()
        .filter_map(|i| Reference::new(&i.title, &i.image, i.thumbnail.as_deref()));
    Ok(refs.take(MAX_RESULTS).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_vqd() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                r#"<script>vqd="4-123456789012345";</script>"#,
                Some("4-123456789012345"),
            ),
            (
                "nrj('/d.js?q=x&vqd=4-98765_4321&p=1')",
                Some("4-98765_4321"),
            ),
            (r#"{"vqd":"4-1111122222"}"#, Some("4-1111122222")),
            ("vqd = '4-abcdef'", Some("4-abcdef")),
            ("no token here, vqd=", None),
        ];
        for (page, want) in cases {
            assert_eq!(vqd(page), *want, "{page}");
        }
    }

    #[test]
    fn reads_results() {
        let body = br#"{"results":[{"title":"Skoda logo","image":"https://i.example/s.png","thumbnail":"https://t.example/s.jpg","url":"https://p.example/"}]}"#;
        let refs = references(body).unwrap();
        assert_eq!(refs[0].title, "Skoda logo");
        assert_eq!(refs[0].url, "https://i.example/s.png");
    }
}
