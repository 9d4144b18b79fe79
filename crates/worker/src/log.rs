//! One structured, ASCII-safe log line per request: request id, route, upstream, attempts,
//! cache result, status and timings; plus a `warn` line for each failure that will be
//! retried or passed down the chain. Never a key, never a prompt.

use serde_json::json;
use worker::{Request, console_log};

use crate::clock;

/// What one request did, written as a single JSON line when it ends.
pub struct RequestLog {
    pub id: String,
    route: String,
    started_ms: f64,
    /// The provider that served the answer.
    pub upstream: Option<&'static str>,
    /// Upstream calls made for this request.
    pub attempts: u32,
    pub cache: Option<&'static str>,
    /// Whether the request joined an identical one in flight.
    pub merged: bool,
    /// The series a shot belongs to.
    pub session: Option<String>,
    /// Each failed upstream call, as `provider:code`.
    pub failures: Vec<String>,
    /// Named durations in milliseconds, also sent as `server-timing`.
    timings: Vec<(&'static str, f64)>,
}

impl RequestLog {
    pub fn start(req: &Request) -> Self {
        Self {
            id: request_id(),
            route: format!("{} {}", req.method(), req.path()),
            started_ms: clock::now_ms(),
            upstream: None,
            attempts: 0,
            cache: None,
            merged: false,
            session: None,
            failures: Vec::new(),
            timings: Vec::new(),
        }
    }

    /// Records that the step `name` took `ms` milliseconds (added up when repeated).
    pub fn time(&mut self, name: &'static str, ms: f64) {
        match self.timings.iter_mut().find(|(n, _)| *n == name) {
            Some((_, total)) => *total += ms,
            None => self.timings.push((name, ms)),
        }
    }

    /// The `server-timing` header value: each step and the total.
    pub fn server_timing(&self) -> String {
        let total = clock::now_ms() - self.started_ms;
        let steps = self
            .timings
            .iter()
            .map(|(name, ms)| format!("{name};dur={ms:.1}"));
        steps
            .chain([format!("total;dur={total:.1}")])
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The named durations as a JSON object, rounded to whole milliseconds.
    fn timings_ms(&self) -> serde_json::Map<String, serde_json::Value> {
        let rounded = self
            .timings
            .iter()
            .map(|(name, ms)| (name.to_string(), json!(ms.round())));
        rounded.collect()
    }

    pub fn finish(&self, status: u16, code: Option<&str>) {
        let line = json!({
            "level": if status >= 500 { "error" } else { "info" },
            "requestId": self.id,
            "route": ascii(&self.route),
            "status": status,
            "code": code,
            "upstream": self.upstream,
            "attempts": self.attempts,
            "failures": self.failures,
            "cache": self.cache,
            "merged": self.merged,
            "session": self.session.as_deref().map(ascii),
            "timings": self.timings_ms(),
            "ms": (clock::now_ms() - self.started_ms).round(),
        });
        console_log!("{line}");
    }
}

/// A `warn` line: something failed and will be retried or passed over.
pub fn warn(request_id: &str, event: &str, detail: &str) {
    let detail = ascii(detail);
    let line =
        json!({ "level": "warn", "requestId": request_id, "event": event, "detail": detail });
    console_log!("{line}");
}

/// Escapes anything outside printable ASCII, so no console can fail on a log line.
pub fn ascii(text: &str) -> String {
    text.chars()
        .take(200)
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c.to_string()
            } else {
                c.escape_unicode().to_string()
            }
        })
        .collect()
}

/// A short random id for this request's log lines and `x-request-id`.
fn request_id() -> String {
    let session = turntable_core::SessionId::random().to_string();
    session.split('-').next().unwrap_or_default().to_owned()
}
