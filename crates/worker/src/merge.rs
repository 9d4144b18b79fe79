//! Merging identical requests in flight: while one request is working on a key, others
//! with the same key wait for its outcome instead of calling the upstream again.
//!
//! Only requests in the same isolate merge; `wrangler dev` runs one.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::pin::pin;
use std::thread::LocalKey;

use futures::FutureExt;
use futures::future::{Either, LocalBoxFuture, Shared, select};

use crate::clock;
use crate::wake;

/// Work in flight, by key.
pub struct Flights<T: Clone + 'static> {
    map: RefCell<HashMap<String, Flight<T>>>,
}

struct Flight<T: Clone + 'static> {
    id: u64,
    started_ms: f64,
    work: Shared<LocalBoxFuture<'static, T>>,
}

/// Whether a request did the work or joined another's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Leader,
    Follower,
}

impl<T: Clone + 'static> Default for Flights<T> {
    fn default() -> Self {
        Self {
            map: RefCell::new(HashMap::new()),
        }
    }
}

/// Runs `work` for `key`, or joins the identical work already in flight. Work older than
/// `max_age_ms` (its request may have gone) is not joined; a follower waits at most
/// `max_age_ms` and then gets `None`.
pub async fn run<T, F>(
    flights: &'static LocalKey<Flights<T>>,
    key: String,
    max_age_ms: u64,
    work: F,
) -> (Option<T>, Role)
where
    T: Clone + 'static,
    F: Future<Output = T> + 'static,
{
    let now = clock::now_ms();
    let joined = flights.with(|f| {
        let map = f.map.borrow();
        let flight = map
            .get(&key)
            .filter(|fl| now - fl.started_ms < max_age_ms as f64);
        flight.map(|fl| fl.work.clone())
    });
    if let Some(shared) = joined {
        return (follow(shared, max_age_ms).await, Role::Follower);
    }

    let id = next_id();
    let done_key = key.clone();
    let work = async move {
        let out = work.await;
        flights.with(|f| {
            f.map
                .borrow_mut()
                .retain(|k, fl| k != &done_key || fl.id != id)
        });
        out
    };
    let shared = work.boxed_local().shared();
    let flight = Flight {
        id,
        started_ms: now,
        work: shared.clone(),
    };
    flights.with(|f| f.map.borrow_mut().insert(key, flight));
    (Some(shared.await), Role::Leader)
}

async fn follow<T: Clone + 'static>(
    shared: Shared<LocalBoxFuture<'static, T>>,
    max_age_ms: u64,
) -> Option<T> {
    let joined = pin!(wake::resume_here(shared));
    match select(joined, pin!(clock::sleep(max_age_ms))).await {
        Either::Left((out, _)) => out,
        Either::Right(_) => None,
    }
}

fn next_id() -> u64 {
    thread_local!(static NEXT: RefCell<u64> = const { RefCell::new(0) });
    NEXT.with_borrow_mut(|n| {
        *n += 1;
        *n
    })
}
