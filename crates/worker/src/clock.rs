//! Time and chance, from the JavaScript host: the current time, timers and jitter.

use std::time::Duration;

use worker::Delay;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A number in `0.0..1.0`, for jitter; not for anything secret.
pub fn random() -> f64 {
    js_sys::Math::random()
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: u64) {
    Delay::from(Duration::from_millis(ms)).await;
}

/// A point in time by which a request must be answered.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    end_ms: f64,
}

impl Deadline {
    /// The deadline `budget_ms` from now.
    pub fn after(budget_ms: u64) -> Self {
        Self {
            end_ms: now_ms() + budget_ms as f64,
        }
    }

    /// Milliseconds left, zero once passed.
    pub fn remaining_ms(&self) -> u64 {
        (self.end_ms - now_ms()).max(0.0) as u64
    }
}
