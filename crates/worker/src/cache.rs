//! The Cache API as the worker uses it: answers stored under synthetic keys (a hash of what
//! makes them unique) with a time to live. A cache failure is logged and treated as a miss;
//! it never fails a request.

use sha2::{Digest, Sha256};
use worker::{Cache, Headers, Response};

/// The origin of every cache key; no request ever goes there.
const ORIGIN: &str = "https://cache.turntable.invalid";

/// An answer read back from the cache.
pub struct Cached {
    pub body: Vec<u8>,
    pub content_type: String,
}

/// The cache key of `kind` (such as `image/openai`) for the parts that make an answer unique.
pub fn key(kind: &str, parts: &[&str]) -> String {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update((part.len() as u64).to_le_bytes());
        hash.update(part.as_bytes());
    }
    let hex: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    format!("{ORIGIN}/v1/{kind}/{hex}")
}

/// The answer stored under `key`, if there is one still fresh.
pub async fn get(key: &str) -> Option<Cached> {
    let mut response = Cache::default().get(key, true).await.ok()??;
    let content_type = response.headers().get("content-type").ok()??;
    let body = response.bytes().await.ok()?;
    Some(Cached { body, content_type })
}

/// Stores `body` under `key` for `ttl_s` seconds; failures are only logged.
pub async fn put(key: &str, body: Vec<u8>, content_type: &str, ttl_s: u64, request_id: &str) {
    if let Err(err) = try_put(key, body, content_type, ttl_s).await {
        crate::log::warn(request_id, "cache_put_failed", &err.to_string());
    }
}

async fn try_put(key: &str, body: Vec<u8>, content_type: &str, ttl_s: u64) -> worker::Result<()> {
    let headers = Headers::new();
    headers.set("content-type", content_type)?;
    headers.set("cache-control", &format!("public, max-age={ttl_s}"))?;
    let response = Response::from_bytes(body)?.with_headers(headers);
    Cache::default().put(key, response).await
}
