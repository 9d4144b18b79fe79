//! The gate kept in a Durable Object, one per provider, so that every isolate of the worker
//! shares one count. A slot is a lease that expires on its own after the call's timeout,
//! so a request that dies holding one cannot shut the gate for good. The object keeps its
//! counts in memory: if it is evicted (only when idle), it starts again from zero.

use std::cell::RefCell;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use worker::{
    DurableObject, Env, ObjectNamespace, Request, Response, Result, State, Stub, durable_object,
};

use super::{Bucket, RECHECK_MS};
use crate::clock::{self, Deadline};
use crate::config::Limits;
use crate::error::ApiError;
use crate::log;
use crate::upstream::Provider;

/// Added to a call's timeout to make its lease: time to read the answer and give it back.
const LEASE_MARGIN_MS: u64 = 5_000;

/// A slot held in a provider's gate object.
pub struct Lease {
    stub: Stub,
    id: u64,
    pub waited_ms: f64,
}

/// What the worker asks the object.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
enum Ask {
    Enter {
        max_concurrency: u32,
        rate_per_second: f64,
        lease_ms: u64,
    },
    Leave {
        lease: u64,
    },
}

/// What the object answers to `Enter`.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
enum Answer {
    Granted { lease: u64 },
    Wait { ms: u64 },
}

pub async fn enter(
    gates: &ObjectNamespace,
    provider: Provider,
    limits: &Limits,
    deadline: Deadline,
) -> Result<Lease, ApiError> {
    let started = clock::now_ms();
    let stub = gates.get_by_name(provider.name())?;
    let ask = Ask::Enter {
        max_concurrency: limits.max_concurrency,
        rate_per_second: limits.rate_per_second,
        lease_ms: limits.timeout_ms + LEASE_MARGIN_MS,
    };
    loop {
        let answer: Answer = send(&stub, &ask).await?.json().await?;
        let wait_ms = match answer {
            Answer::Granted { lease } => {
                return Ok(Lease {
                    stub,
                    id: lease,
                    waited_ms: clock::now_ms() - started,
                });
            }
            Answer::Wait { ms } => ms.min(RECHECK_MS),
        };
        if deadline.remaining_ms() <= wait_ms {
            return Err(ApiError::Busy(provider));
        }
        clock::sleep(wait_ms).await;
    }
}

/// Gives the lease back; if that fails, the lease expires on its own.
pub async fn leave(lease: Lease) {
    let ask = Ask::Leave { lease: lease.id };
    if let Err(err) = send(&lease.stub, &ask).await {
        log::warn("-", "gate_leave_failed", &err.to_string());
    }
}

async fn send(stub: &Stub, ask: &Ask) -> Result<Response, ApiError> {
    let mut init = worker::RequestInit::new();
    let body = serde_json::to_string(ask).map_err(worker::Error::from)?;
    init.with_method(worker::Method::Post)
        .with_body(Some(body.into()));
    let request = Request::new_with_init("https://gate.turntable.invalid/", &init)?;
    Ok(stub.fetch_with_request(request).await?)
}

/// The Durable Object holding one provider's gate.
#[durable_object]
pub struct ProviderGate {
    bucket: RefCell<Bucket>,
    /// Leases held, by id, with when they expire.
    leases: RefCell<HashMap<u64, f64>>,
    next: RefCell<u64>,
}

impl DurableObject for ProviderGate {
    fn new(_state: State, _env: Env) -> Self {
        Self {
            bucket: RefCell::default(),
            leases: RefCell::default(),
            next: RefCell::new(0),
        }
    }

    async fn fetch(&self, mut req: Request) -> Result<Response> {
        let answer = match req.json::<Ask>().await? {
            Ask::Enter {
                max_concurrency,
                rate_per_second,
                lease_ms,
            } => {
                let limits = Limits {
                    timeout_ms: 0,
                    budget_ms: 0,
                    max_concurrency,
                    rate_per_second,
                };
                self.enter(&limits, lease_ms)
            }
            Ask::Leave { lease } => {
                self.leases.borrow_mut().remove(&lease);
                Answer::Wait { ms: 0 }
            }
        };
        Response::from_json(&answer)
    }
}

impl ProviderGate {
    fn enter(&self, limits: &Limits, lease_ms: u64) -> Answer {
        let now = clock::now_ms();
        let mut leases = self.leases.borrow_mut();
        leases.retain(|_, expires| *expires > now);

        let mut bucket = self.bucket.borrow_mut();
        bucket.in_flight = leases.len() as u32;
        match bucket.try_enter(limits, now) {
            Ok(()) => {
                let mut next = self.next.borrow_mut();
                *next += 1;
                leases.insert(*next, now + lease_ms as f64);
                Answer::Granted { lease: *next }
            }
            Err(ms) => Answer::Wait { ms },
        }
    }
}
