//! Calling one provider of a chain: through its gate, with retries, inside the request's
//! time budget; and the trace of what every call did, for the log line and the headers.

use std::future::Future;

use crate::clock::{self, Deadline};
use crate::config::{GateScope, Limits};
use crate::error::ApiError;
use crate::gate;
use crate::log::{self, RequestLog};
use crate::retry::{self, Policy};
use crate::upstream::Provider;

/// What calling a chain did.
#[derive(Debug, Clone, Default)]
pub struct Trace {
    pub attempts: u32,
    /// Each failed call, as `provider:code`.
    pub failures: Vec<String>,
    pub queue_ms: f64,
    pub upstream_ms: f64,
}

impl Trace {
    /// Adds this trace to the request's log.
    pub fn record(&self, log: &mut RequestLog) {
        log.attempts += self.attempts;
        log.failures.extend(self.failures.iter().cloned());
        if self.queue_ms > 0.0 {
            log.time("queue", self.queue_ms);
        }
        if self.upstream_ms > 0.0 {
            log.time("upstream", self.upstream_ms);
        }
    }
}

/// Everything a call needs besides the provider's own request.
pub struct Call<'a> {
    pub request_id: &'a str,
    pub limits: Limits,
    pub policy: Policy,
    pub deadline: Deadline,
    pub gate: &'a GateScope,
}

impl Call<'_> {
    /// Calls `provider` through its gate until it answers, a failure is final, its attempts
    /// are spent or the budget is. `attempt` gets the timeout of one try in milliseconds.
    pub async fn run<T, F, Fut>(
        &self,
        provider: Provider,
        trace: &mut Trace,
        mut attempt: F,
    ) -> Result<T, ApiError>
    where
        F: FnMut(u64) -> Fut,
        Fut: Future<Output = Result<T, ApiError>>,
    {
        let mut tries = 0;
        loop {
            tries += 1;
            let err = match self.once(provider, trace, &mut attempt).await {
                Ok(value) => return Ok(value),
                Err(err) => err,
            };
            trace.failures.push(format!("{provider}:{}", err.code()));

            let remaining = self.deadline.remaining_ms();
            let hint = err.retry_after();
            let delay = retry::next_delay(
                &self.policy,
                tries,
                err.retryable(),
                hint,
                remaining,
                clock::random(),
            );
            let Some(delay) = delay else { return Err(err) };
            let detail = format!("{err} (attempt {tries}), retry in {delay} ms");
            log::warn(self.request_id, "upstream_retry", &detail);
            clock::sleep(delay).await;
        }
    }

    async fn once<T, F, Fut>(
        &self,
        provider: Provider,
        trace: &mut Trace,
        attempt: &mut F,
    ) -> Result<T, ApiError>
    where
        F: FnMut(u64) -> Fut,
        Fut: Future<Output = Result<T, ApiError>>,
    {
        let permit = gate::enter(self.gate, provider, &self.limits, self.deadline).await?;
        trace.queue_ms += permit.waited_ms();
        let timeout = self
            .limits
            .timeout_ms
            .min(self.deadline.remaining_ms())
            .max(1);

        trace.attempts += 1;
        let started = clock::now_ms();
        let result = attempt(timeout).await;
        trace.upstream_ms += clock::now_ms() - started;
        gate::leave(permit).await;
        result
    }
}
