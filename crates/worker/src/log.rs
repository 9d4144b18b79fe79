//! One structured, ASCII-safe log line per request: request id, route, upstream, attempts,
//! cache result, status and time. Never a key, never a whole prompt.

use serde_json::json;
use worker::{Date, Request, console_log};

/// What one request did, written as a single JSON line when it ends.
pub struct RequestLog {
    pub id: String,
    route: String,
    started: u64,
    pub upstream: Option<String>,
    pub attempts: u32,
    pub cache: Option<&'static str>,
}

impl RequestLog {
    pub fn start(req: &Request) -> Self {
        let id = uuid_fragment();
        let route = format!("{} {}", req.method(), req.path());
        Self { id, route, started: Date::now().as_millis(), upstream: None, attempts: 0, cache: None }
    }

    pub fn finish(&self, status: u16) {
        let line = json!({
            "level": if status >= 500 { "error" } else { "info" },
            "requestId": self.id,
            "route": ascii(&self.route),
            "status": status,
            "upstream": self.upstream,
            "attempts": self.attempts,
            "cache": self.cache,
            "ms": Date::now().as_millis().saturating_sub(self.started),
        });
        console_log!("{line}");
    }
}

/// Escapes anything outside printable ASCII, so no console can fail on a log line.
pub fn ascii(text: &str) -> String {
    text.chars()
        .take(200)
        .map(|c| if c.is_ascii_graphic() || c == ' ' { c.to_string() } else { c.escape_unicode().to_string() })
        .collect()
}

fn uuid_fragment() -> String {
    let session = turntable_core::SessionId::random().to_string();
    session.split('-').next().unwrap_or_default().to_owned()
}
