//! When to call an upstream again: only after a failure that may pass (rate limit, server
//! error, broken connection), after the wait the upstream asked for or else an exponential
//! backoff with jitter, and only while the request's time budget allows it.

use std::time::{Duration, UNIX_EPOCH};

/// How many attempts one provider gets and how long to wait between them.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// Attempts per provider, the first included.
    pub max_attempts: u32,
    /// The backoff before the second attempt, in milliseconds; it doubles after that.
    pub base_ms: u64,
    /// The longest wait, in milliseconds; an upstream asking for more is not waited for.
    pub max_delay_ms: u64,
}

/// The wait before attempt `attempt + 1`, given the failure of attempt `attempt` (counted
/// from 1): `None` when no further attempt should be made. `hint` is the upstream's own
/// Retry-After, `jitter` a number in `0.0..1.0`.
pub fn next_delay(
    policy: &Policy,
    attempt: u32,
    retryable: bool,
    hint: Option<u64>,
    remaining_ms: u64,
    jitter: f64,
) -> Option<u64> {
    if !retryable || attempt >= policy.max_attempts {
        return None;
    }
    let wait = match hint {
        Some(ms) if ms > policy.max_delay_ms => return None,
        Some(ms) => ms,
        None => backoff(policy, attempt, jitter),
    };
    (wait < remaining_ms).then_some(wait)
}

/// Exponential backoff with "equal jitter": half the step is fixed, half is random, so
/// callers that failed together do not come back together.
fn backoff(policy: &Policy, attempt: u32, jitter: f64) -> u64 {
    let step = policy
        .base_ms
        .saturating_mul(1 << attempt.saturating_sub(1).min(16));
    let step = step.min(policy.max_delay_ms);
    step / 2 + (step as f64 / 2.0 * jitter.clamp(0.0, 1.0)) as u64
}

/// The wait an upstream asked for, in milliseconds: a `Retry-After` header (seconds or an
/// HTTP date) or else a `retry_after` field, in seconds, of a JSON body (at the top level
/// or inside `error`). `now_ms` is the current time since the Unix epoch.
pub fn wait_hint(header: Option<&str>, body: &[u8], now_ms: f64) -> Option<u64> {
    header
        .and_then(|h| parse_retry_after(h, now_ms))
        .or_else(|| body_retry_after(body))
}

/// A `Retry-After` value: delta seconds (fractions allowed) or an HTTP date.
pub fn parse_retry_after(value: &str, now_ms: f64) -> Option<u64> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<f64>() {
        return (seconds.is_finite() && seconds >= 0.0).then_some((seconds * 1000.0) as u64);
    }
    let at = httpdate::parse_http_date(value).ok()?;
    let at_ms = at
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_millis() as f64;
    Some((at_ms - now_ms).max(0.0) as u64)
}

fn body_retry_after(body: &[u8]) -> Option<u64> {
    let json: serde_json::Value = serde_json::from_slice(body).ok()?;
    let field = json
        .get("retry_after")
        .or_else(|| json.get("error")?.get("retry_after"))?;
    let seconds = field
        .as_f64()
        .or_else(|| field.as_str()?.trim().parse().ok())?;
    (seconds.is_finite() && seconds >= 0.0).then_some((seconds * 1000.0) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: Policy = Policy {
        max_attempts: 3,
        base_ms: 200,
        max_delay_ms: 5000,
    };
    /// 2015-10-21 07:28:00 GMT.
    const NOW: f64 = 1_445_412_480_000.0;

    #[test]
    fn retry_after_values() {
        let cases: &[(&str, Option<u64>)] = &[
            ("2", Some(2000)),
            (" 0 ", Some(0)),
            ("1.5", Some(1500)),
            ("-1", None),
            ("soon", None),
            ("Wed, 21 Oct 2015 07:28:03 GMT", Some(3000)),
            ("Wed, 21 Oct 2015 07:27:00 GMT", Some(0)),
        ];
        for (value, want) in cases {
            assert_eq!(parse_retry_after(value, NOW), *want, "{value:?}");
        }
    }

    #[test]
    fn hint_from_header_or_body() {
        assert_eq!(
            wait_hint(Some("3"), br#"{"retry_after":9}"#, NOW),
            Some(3000)
        );
        assert_eq!(wait_hint(None, br#"{"retry_after":2}"#, NOW), Some(2000));
        assert_eq!(
            wait_hint(None, br#"{"error":{"retry_after":"0.5"}}"#, NOW),
            Some(500)
        );
        assert_eq!(wait_hint(None, b"not json", NOW), None);
    }

    /// One row of the delay table: the failed attempt, what failed, and the wait wanted.
    struct Case {
        attempt: u32,
        retryable: bool,
        hint: Option<u64>,
        remaining: u64,
        jitter: f64,
        want: Option<u64>,
    }

    const fn case(
        attempt: u32,
        hint: Option<u64>,
        remaining: u64,
        jitter: f64,
        want: Option<u64>,
    ) -> Case {
        Case {
            attempt,
            retryable: true,
            hint,
            remaining,
            jitter,
            want,
        }
    }

    #[test]
    fn delays() {
        let cases = [
            case(1, None, 10_000, 0.0, Some(100)),
            case(1, None, 10_000, 1.0, Some(200)),
            case(2, None, 10_000, 0.0, Some(200)),
            case(2, None, 10_000, 1.0, Some(400)),
            case(3, None, 10_000, 0.5, None),
            Case {
                retryable: false,
                ..case(1, None, 10_000, 0.5, None)
            },
            case(1, Some(1000), 10_000, 0.5, Some(1000)),
            case(1, Some(6000), 10_000, 0.5, None),
            case(1, Some(1000), 900, 0.5, None),
        ];
        for c in cases {
            let got = next_delay(
                &POLICY,
                c.attempt,
                c.retryable,
                c.hint,
                c.remaining,
                c.jitter,
            );
            assert_eq!(
                got, c.want,
                "attempt {} hint {:?} remaining {}",
                c.attempt, c.hint, c.remaining
            );
        }
    }

    #[test]
    fn backoff_is_capped() {
        assert_eq!(backoff(&POLICY, 30, 1.0), 5000);
    }
}
