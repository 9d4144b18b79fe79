//! The per-provider gate: at most `max_concurrency` calls in flight to one provider, and at
//! most `rate_per_second` started in any one second (a sliding window, the strictest way an
//! upstream may count). A call that finds the gate shut waits until
//! a slot frees or a token refills, or until its request's deadline passes.
//!
//! Two scopes: `isolate` keeps the count in this isolate (what `wrangler dev` runs, one
//! isolate); `durable` keeps it in one Durable Object per provider, shared by every isolate
//! of the worker, at the price of a round trip to the object per call.

mod durable;
mod local;

pub use durable::ProviderGate;

use std::collections::VecDeque;

use crate::clock::Deadline;
use crate::config::{GateScope, Limits};
use crate::error::ApiError;
use crate::log;
use crate::upstream::Provider;

/// The longest a waiter sleeps before looking again.
const RECHECK_MS: u64 = 200;

/// The span over which `rate_per_second` starts are counted: a little over a second, so
/// that an upstream counting over any one second never sees more, whatever the network
/// adds to each call's way there.
const WINDOW_MS: f64 = 1050.0;

/// The counts behind one provider's gate: calls in flight, and when the recent ones started.
#[derive(Debug, Default)]
struct Bucket {
    in_flight: u32,
    starts: VecDeque<f64>,
}

impl Bucket {
    /// Takes a slot, or says how long to wait before trying again.
    fn try_enter(&mut self, limits: &Limits, now_ms: f64) -> Result<(), u64> {
        while self.starts.front().is_some_and(|t| now_ms - t >= WINDOW_MS) {
            self.starts.pop_front();
        }
        if self.in_flight >= limits.max_concurrency {
            return Err(RECHECK_MS);
        }
        let per_window = limits.rate_per_second.max(1.0) as usize;
        if let Some(oldest) = self
            .starts
            .front()
            .filter(|_| self.starts.len() >= per_window)
        {
            return Err((oldest + WINDOW_MS - now_ms).ceil().max(1.0) as u64);
        }
        self.in_flight += 1;
        self.starts.push_back(now_ms);
        Ok(())
    }
}

/// A slot in a provider's gate; give it back with [`leave`].
pub enum Permit {
    Local(local::Permit),
    Durable(durable::Lease),
}

impl Permit {
    /// How long the call waited for its slot, in milliseconds.
    pub fn waited_ms(&self) -> f64 {
        match self {
            Self::Local(permit) => permit.waited_ms,
            Self::Durable(lease) => lease.waited_ms,
        }
    }
}

/// Waits for a slot in `provider`'s gate, at most until `deadline`. If the gate object
/// cannot be reached, this isolate's gate stands in for it.
pub async fn enter(
    scope: &GateScope,
    provider: Provider,
    limits: &Limits,
    deadline: Deadline,
) -> Result<Permit, ApiError> {
    let GateScope::Durable(gates) = scope else {
        return local::enter(provider, limits, deadline)
            .await
            .map(Permit::Local);
    };
    match durable::enter(gates, provider, limits, deadline).await {
        Err(ApiError::Internal(err)) => {
            log::warn("-", "gate_object_failed", &err.to_string());
            local::enter(provider, limits, deadline)
                .await
                .map(Permit::Local)
        }
        other => other.map(Permit::Durable),
    }
}

/// Gives a slot back.
pub async fn leave(permit: Permit) {
    match permit {
        Permit::Local(permit) => drop(permit),
        Permit::Durable(lease) => durable::leave(lease).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        timeout_ms: 1000,
        budget_ms: 1000,
        max_concurrency: 2,
        rate_per_second: 4.0,
    };

    #[test]
    fn concurrency_and_rate() {
        let mut bucket = Bucket::default();
        assert_eq!(bucket.try_enter(&LIMITS, 1000.0), Ok(()));
        assert_eq!(bucket.try_enter(&LIMITS, 1000.0), Ok(()));
        assert_eq!(bucket.try_enter(&LIMITS, 1000.0), Err(RECHECK_MS));
        bucket.in_flight = 0;
        assert_eq!(bucket.try_enter(&LIMITS, 1000.0), Ok(()));
        assert_eq!(bucket.try_enter(&LIMITS, 1000.0), Ok(()));
        bucket.in_flight = 0;
        assert_eq!(bucket.try_enter(&LIMITS, 1500.0), Err(550));
        assert_eq!(bucket.try_enter(&LIMITS, 2049.0), Err(1));
        assert_eq!(bucket.try_enter(&LIMITS, 2050.0), Ok(()));
    }
}
