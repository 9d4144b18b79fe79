//! The gate kept in this isolate. Waiters are woken when a slot is given back, each in its
//! own request's context, and look again at least every [`RECHECK_MS`](super::RECHECK_MS)
//! in case their wake-up went to a request that had already left.

use std::cell::RefCell;
use std::collections::HashMap;
use std::pin::pin;

use futures::future::select;

use super::{Bucket, RECHECK_MS};
use crate::clock::{self, Deadline};
use crate::config::Limits;
use crate::error::ApiError;
use crate::upstream::Provider;
use crate::wake::{self, Wake};

/// One provider's counts and the calls waiting on them.
#[derive(Default)]
struct Gate {
    bucket: Bucket,
    waiters: Vec<Wake>,
}

thread_local! {
    static GATES: RefCell<HashMap<Provider, Gate>> = RefCell::new(HashMap::new());
}

/// A slot in this isolate's gate, given back when dropped.
pub struct Permit {
    provider: Provider,
    pub waited_ms: f64,
}

impl Drop for Permit {
    fn drop(&mut self) {
        let waiters = GATES.with_borrow_mut(|gates| {
            let gate = gates.entry(self.provider).or_default();
            gate.bucket.in_flight = gate.bucket.in_flight.saturating_sub(1);
            std::mem::take(&mut gate.waiters)
        });
        waiters.iter().for_each(Wake::fire);
    }
}

pub async fn enter(
    provider: Provider,
    limits: &Limits,
    deadline: Deadline,
) -> Result<Permit, ApiError> {
    let started = clock::now_ms();
    loop {
        let attempt = GATES.with_borrow_mut(|gates| {
            gates
                .entry(provider)
                .or_default()
                .bucket
                .try_enter(limits, clock::now_ms())
        });
        let wait_ms = match attempt {
            Ok(()) => {
                return Ok(Permit {
                    provider,
                    waited_ms: clock::now_ms() - started,
                });
            }
            Err(wait_ms) => wait_ms.min(RECHECK_MS),
        };
        if deadline.remaining_ms() <= wait_ms {
            return Err(ApiError::Busy(provider));
        }

        let (wake, woken) = wake::pair();
        GATES.with_borrow_mut(|gates| gates.entry(provider).or_default().waiters.push(wake));
        select(woken, pin!(clock::sleep(wait_ms))).await;
    }
}
