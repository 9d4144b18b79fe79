//! The per-client rate limit, keyed by the caller's address (`cf-connecting-ip`), in two
//! layers: a token bucket in this isolate, which absorbs a burst before it costs anything,
//! and, when it is bound, Cloudflare's rate-limiting binding `CLIENT_LIMITER`, which counts
//! the caller across every isolate. A caller over either gets 429 with `Retry-After`.

use std::cell::RefCell;
use std::collections::HashMap;

use worker::RateLimiter;

use crate::config::ClientLimit;
use crate::error::ApiError;
use crate::log;

/// Buckets kept at most; past it, full buckets (idle callers) are forgotten.
const MAX_CLIENTS: usize = 10_000;

thread_local! {
    static BUCKETS: RefCell<HashMap<String, Bucket>> = RefCell::new(HashMap::new());
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at_ms: f64,
}

impl Bucket {
    /// Refills for the time passed and takes one token, or says how many seconds until one.
    fn take(&mut self, limit: &ClientLimit, now_ms: f64) -> Result<(), u32> {
        let per_ms = f64::from(limit.per_minute) / 60_000.0;
        let refill = (now_ms - self.at_ms).max(0.0) * per_ms;
        self.tokens = (self.tokens + refill).min(f64::from(limit.burst));
        self.at_ms = now_ms;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            return Ok(());
        }
        Err((((1.0 - self.tokens) / per_ms) / 1000.0).ceil().max(1.0) as u32)
    }
}

/// Lets a request of `client` through, or answers how long it must wait.
pub fn admit(client: &str, limit: &ClientLimit, now_ms: f64) -> Result<(), ApiError> {
    if limit.per_minute == 0 {
        return Ok(());
    }
    let full = Bucket {
        tokens: f64::from(limit.burst),
        at_ms: now_ms,
    };
    BUCKETS.with_borrow_mut(|buckets| {
        if buckets.len() >= MAX_CLIENTS && !buckets.contains_key(client) {
            forget_idle(buckets, limit, now_ms);
        }
        let bucket = buckets.entry(client.to_owned()).or_insert(full);
        bucket
            .take(limit, now_ms)
            .map_err(|retry_after| ApiError::RateLimited { retry_after })
    })
}

/// What a caller refused by the shared limiter is told to wait, in seconds: the longest
/// window the binding counts over, so the wait always outlasts the window that refused it.
const SHARED_RETRY_AFTER_S: u32 = 60;

/// Asks the shared limiter about `client`. A limiter that cannot be asked lets the request
/// through: the isolate's bucket still stands, and an outage of the limiter must not become
/// an outage of the worker.
pub async fn admit_shared(
    limiter: &RateLimiter,
    client: &str,
    request_id: &str,
) -> Result<(), ApiError> {
    match limiter.limit(client.to_owned()).await {
        Ok(outcome) if !outcome.success => Err(ApiError::RateLimited {
            retry_after: SHARED_RETRY_AFTER_S,
        }),
        Ok(_) => Ok(()),
        Err(err) => {
            log::warn(request_id, "client_limiter_failed", &err.to_string());
            Ok(())
        }
    }
}

fn forget_idle(buckets: &mut HashMap<String, Bucket>, limit: &ClientLimit, now_ms: f64) {
    let per_ms = f64::from(limit.per_minute) / 60_000.0;
    let full = f64::from(limit.burst);
    buckets.retain(|_, b| b.tokens + (now_ms - b.at_ms) * per_ms < full);
    if buckets.len() >= MAX_CLIENTS {
        buckets.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_drains_and_refills() {
        let limit = ClientLimit {
            per_minute: 60,
            burst: 2,
        };
        let mut bucket = Bucket {
            tokens: 2.0,
            at_ms: 0.0,
        };
        assert_eq!(bucket.take(&limit, 0.0), Ok(()));
        assert_eq!(bucket.take(&limit, 0.0), Ok(()));
        assert_eq!(bucket.take(&limit, 0.0), Err(1));
        assert_eq!(bucket.take(&limit, 500.0), Err(1));
        assert_eq!(bucket.take(&limit, 1000.0), Ok(()));
    }
}
