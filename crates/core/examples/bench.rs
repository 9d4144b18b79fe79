//! Measures planning throughput on one thread: a six-angle series planned over and over for
//! about two seconds. Prints one line, `plans_per_second=<integer>`.
//!
//! Run with `cargo run --release -p turntable-core --example bench`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use turntable_core::{Enrichment, PromptLimit, SessionId, SpecInput, YearInput, plan_with_session};

/// How long to measure for.
const RUN: Duration = Duration::from_secs(2);

/// Plans between clock reads, so that reading the clock costs next to nothing.
const BATCH: u32 = 256;

fn main() {
    let input = spec();
    let session = SessionId::parse("6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f").expect("fixed session");
    let enrichment = Enrichment::default();
    let limit = PromptLimit::default();

    let start = Instant::now();
    let mut plans: u64 = 0;
    while start.elapsed() < RUN {
        for _ in 0..BATCH {
            let plan = plan_with_session(black_box(&input), session, 2026, &enrichment, limit);
            black_box(plan.expect("the bench spec is valid"));
        }
        plans += u64::from(BATCH);
    }

    let rate = plans as f64 / start.elapsed().as_secs_f64();
    println!("plans_per_second={}", rate.round() as u64);
}

/// A typical spec that exercises a typo correction and six angles.
fn spec() -> SpecInput {
    let angles = [
        "front",
        "front-three-quarter",
        "side",
        "rear-three-quarter",
        "rear",
        "interior",
    ];
    SpecInput {
        brand: "maxda".into(),
        model: "CX-30".into(),
        year: YearInput::Number(2021.0),
        color: "Soul Red Crystal".into(),
        body_type: "crossover".into(),
        angles: angles.iter().map(|a| a.to_string()).collect(),
    }
}
