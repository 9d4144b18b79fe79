//! What the fakes remember: how each provider should behave, counters of what it did, and
//! a bounded log of the requests it got.

use std::collections::{HashMap, VecDeque};
use std::time::Instant;

use serde_json::{Value, json};

/// The providers faked, by the names the control API uses.
pub const PROVIDERS: [&str; 4] = ["duckduckgo", "brave", "openai", "pollinations"];
/// The key the worker must send to the providers that take one. Not a secret.
pub const FAKE_KEY: &str = "fake-test-key-0000";
/// Requests kept in the log; older ones are dropped.
const MAX_LOG: usize = 2000;
/// The longest delay a test may ask for, in milliseconds.
const MAX_DELAY_MS: u64 = 30_000;

/// How a provider answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Ok,
    /// Answers normally after `delay_ms` (5 s unless set).
    Slow,
    /// 429 with a Retry-After hint (DuckDuckGo: 202, as it does).
    RateLimit,
    /// 500, with a body that echoes the key, as a careless upstream might.
    Fail,
    /// 200 with a body that is not what the API promises.
    Garbage,
    /// Announces more bytes than it sends, then closes.
    Truncated,
}

/// Where a rate-limited answer puts its hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HintFormat {
    /// `Retry-After: <seconds>`.
    Seconds,
    /// `Retry-After: <HTTP date>`.
    Date,
    /// `{"retry_after": <seconds>}` in the JSON body, no header.
    Body,
}

/// One provider's behaviour, as set by `POST /_control/{provider}`.
#[derive(Debug, Clone, Copy)]
pub struct Behaviour {
    pub mode: Mode,
    pub delay_ms: u64,
    pub retry_after: u64,
    pub hint: HintFormat,
    pub max_concurrency: Option<u32>,
    pub rate_per_second: Option<u32>,
    /// How many requests get `mode`; after them the provider answers normally.
    pub times: Option<u32>,
}

impl Default for Behaviour {
    fn default() -> Self {
        Self {
            mode: Mode::Ok,
            delay_ms: 0,
            retry_after: 1,
            hint: HintFormat::Seconds,
            max_concurrency: None,
            rate_per_second: None,
            times: None,
        }
    }
}

impl Behaviour {
    pub fn from_json(value: &Value) -> Result<Self, String> {
        let mode = match value.get("mode").and_then(Value::as_str).unwrap_or("ok") {
            "ok" => Mode::Ok,
            "slow" => Mode::Slow,
            "rate_limit" => Mode::RateLimit,
            "fail" => Mode::Fail,
            "garbage" => Mode::Garbage,
            "truncated" => Mode::Truncated,
            other => return Err(format!("unknown mode {other:?}")),
        };
        let hint = match value
            .get("retryAfterFormat")
            .and_then(Value::as_str)
            .unwrap_or("seconds")
        {
            "seconds" => HintFormat::Seconds,
            "date" => HintFormat::Date,
            "body" => HintFormat::Body,
            other => return Err(format!("unknown retryAfterFormat {other:?}")),
        };
        let number = |name: &str| value.get(name).and_then(Value::as_u64);
        let default_delay = if mode == Mode::Slow { 5000 } else { 0 };
        Ok(Self {
            mode,
            delay_ms: number("delayMs").unwrap_or(default_delay).min(MAX_DELAY_MS),
            retry_after: number("retryAfter").unwrap_or(1).min(60),
            hint,
            max_concurrency: number("maxConcurrency").map(|n| n as u32),
            rate_per_second: number("ratePerSecond").map(|n| n as u32),
            times: number("times").map(|n| n as u32),
        })
    }
}

/// What a provider did since the last reset.
#[derive(Debug, Default)]
struct Counters {
    calls: u64,
    in_flight: u32,
    max_concurrent: u32,
    rate_limited: u64,
    /// When recent calls started, for `ratePerSecond`.
    starts: VecDeque<Instant>,
}

/// Whether a call may go on, and how.
pub enum Admission {
    Go(Behaviour),
    /// Over the configured concurrency or rate: answer 429.
    Limited,
}

pub struct State {
    started: Instant,
    seq: u64,
    behaviours: HashMap<&'static str, Behaviour>,
    counters: HashMap<&'static str, Counters>,
    log: VecDeque<Value>,
}

impl State {
    pub fn new() -> Self {
        Self {
            started: Instant::now(),
            seq: 0,
            behaviours: HashMap::new(),
            counters: HashMap::new(),
            log: VecDeque::new(),
        }
    }

    /// Milliseconds since the fakes started.
    pub fn now_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    pub fn set(&mut self, provider: &'static str, behaviour: Behaviour) {
        self.behaviours.insert(provider, behaviour);
    }

    pub fn reset(&mut self) {
        self.behaviours.clear();
        self.counters.clear();
        self.log.clear();
    }

    /// Counts a call starting and decides how it is answered.
    pub fn enter(&mut self, provider: &'static str) -> Admission {
        let behaviour = self.take_behaviour(provider);
        let counters = self.counters.entry(provider).or_default();
        counters.calls += 1;
        counters.in_flight += 1;
        counters.max_concurrent = counters.max_concurrent.max(counters.in_flight);

        let now = Instant::now();
        counters
            .starts
            .retain(|t| now.duration_since(*t).as_millis() < 1000);
        counters.starts.push_back(now);
        let too_many = behaviour
            .max_concurrency
            .is_some_and(|max| counters.in_flight > max);
        let too_fast = behaviour
            .rate_per_second
            .is_some_and(|max| counters.starts.len() as u32 > max);
        if too_many || too_fast {
            counters.rate_limited += 1;
            return Admission::Limited;
        }
        if behaviour.mode == Mode::RateLimit {
            counters.rate_limited += 1;
        }
        Admission::Go(behaviour)
    }

    /// Counts a call ending.
    pub fn leave(&mut self, provider: &'static str) {
        let counters = self.counters.entry(provider).or_default();
        counters.in_flight = counters.in_flight.saturating_sub(1);
    }

    /// The behaviour for the next call; a behaviour limited by `times` runs out.
    fn take_behaviour(&mut self, provider: &'static str) -> Behaviour {
        let Some(behaviour) = self.behaviours.get_mut(provider) else {
            return Behaviour::default();
        };
        let current = *behaviour;
        match behaviour.times {
            Some(0) => {
                let limits = (behaviour.max_concurrency, behaviour.rate_per_second);
                *behaviour = Behaviour {
                    max_concurrency: limits.0,
                    rate_per_second: limits.1,
                    ..Behaviour::default()
                };
                *behaviour
            }
            Some(n) => {
                behaviour.times = Some(n - 1);
                current
            }
            None => current,
        }
    }

    /// Logs a request as it arrives; returns its number for [`State::finish`].
    pub fn record(&mut self, mut entry: Value) -> u64 {
        self.seq += 1;
        entry["seq"] = json!(self.seq);
        if self.log.len() >= MAX_LOG {
            self.log.pop_front();
        }
        self.log.push_back(entry);
        self.seq
    }

    /// Adds how request `seq` was answered, and when.
    pub fn finish(&mut self, seq: u64, status: u16) {
        let ended = self.now_ms();
        if let Some(entry) = self.log.iter_mut().rev().find(|e| e["seq"] == seq) {
            entry["status"] = json!(status);
            entry["endedMs"] = json!(ended);
        }
    }

    /// The log and the counters, as `GET /_control/log` answers them.
    pub fn snapshot(&self) -> Value {
        let counters: serde_json::Map<String, Value> = PROVIDERS
            .iter()
            .map(|p| {
                let c = self.counters.get(p);
                let value = json!({
                    "calls": c.map_or(0, |c| c.calls),
                    "inFlight": c.map_or(0, |c| c.in_flight),
                    "maxConcurrent": c.map_or(0, |c| c.max_concurrent),
                    "rateLimited": c.map_or(0, |c| c.rate_limited),
                });
                (p.to_string(), value)
            })
            .collect();
        json!({ "requests": self.log, "counters": counters })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_runs_out() {
        let mut state = State::new();
        let behaviour = Behaviour::from_json(&json!({ "mode": "fail", "times": 2 })).unwrap();
        state.set("openai", behaviour);
        let modes: Vec<Mode> = (0..4)
            .map(|_| match state.enter("openai") {
                Admission::Go(b) => b.mode,
                Admission::Limited => Mode::RateLimit,
            })
            .collect();
        assert_eq!(modes, [Mode::Fail, Mode::Fail, Mode::Ok, Mode::Ok]);
    }

    #[test]
    fn concurrency_limit() {
        let mut state = State::new();
        state.set(
            "openai",
            Behaviour::from_json(&json!({ "maxConcurrency": 1 })).unwrap(),
        );
        assert!(matches!(state.enter("openai"), Admission::Go(_)));
        assert!(matches!(state.enter("openai"), Admission::Limited));
        state.leave("openai");
        state.leave("openai");
        assert!(matches!(state.enter("openai"), Admission::Go(_)));
        assert_eq!(state.snapshot()["counters"]["openai"]["maxConcurrent"], 2);
    }

    #[test]
    fn unknown_mode_is_refused() {
        assert!(Behaviour::from_json(&json!({ "mode": "explode" })).is_err());
    }
}
