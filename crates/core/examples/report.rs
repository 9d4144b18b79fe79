//! Plans every car of the classic cars data set and reports how the planner fared: how many
//! cars planned, how many scored full marks, which makes were corrected and how often, and
//! which makes were kept as typed. Exits with failure if any car fails to plan or scores
//! below 100.
//!
//! Run with `cargo run -p turntable-core --example report -- PATH_TO/cars.json`; without a
//! path it reads `TURNTABLE_CARS_JSON` or the copy that `cargo xtask setup` installs.

#[path = "../tests/support/cars_json.rs"]
mod cars_json;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use turntable_core::{
    BrandMatch, Enrichment, Plan, PromptLimit, SessionId, plan_with_session, resolve_brand,
};

/// What the run found, counted as it goes.
#[derive(Default)]
struct Tally {
    planned: usize,
    full_marks: usize,
    corrected: BTreeMap<(BrandMatch, String), usize>,
    restyled: usize,
    unknown: BTreeMap<String, usize>,
    generations: usize,
    failures: Vec<String>,
}

fn main() -> ExitCode {
    let path = std::env::args_os()
        .nth(1)
        .map_or_else(cars_json::data_path, PathBuf::from);
    let cars = match cars_json::load(&path) {
        Ok(cars) => cars,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };

    let mut tally = Tally::default();
    for (i, car) in cars.iter().enumerate() {
        plan_car(i, car, &mut tally);
    }
    print_report(cars.len(), &tally);

    for failure in &tally.failures {
        eprintln!("failed: {failure}");
    }
    if tally.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Plans one car under a fixed session and counts what happened.
fn plan_car(index: usize, car: &cars_json::Car, tally: &mut Tally) {
    let session = SessionId::parse("0b7e1c52-8f0d-4a43-9d6e-3c2a1f4b5e60").expect("fixed session");
    let input = cars_json::spec(index, car);
    let planned = plan_with_session(
        &input,
        session,
        cars_json::CURRENT_YEAR,
        &Enrichment::default(),
        PromptLimit::SHORT,
    );

    match planned {
        Ok(plan) => count_plan(car, &plan, tally),
        Err(e) => tally.failures.push(format!("{}: {e}", car.name)),
    }
}

fn count_plan(car: &cars_json::Car, plan: &Plan, tally: &mut Tally) {
    tally.planned += 1;
    if plan.score.total == 100 {
        tally.full_marks += 1;
    } else {
        let lost: Vec<&str> = plan
            .score
            .items
            .iter()
            .flat_map(|i| &i.lost)
            .map(|s| &s[..])
            .collect();
        tally.failures.push(format!(
            "{}: score {} ({})",
            car.name,
            plan.score.total,
            lost.join("; ")
        ));
    }
    if plan.spec.generation.is_some() {
        tally.generations += 1;
    }

    if plan.spec.known_brand.is_none() {
        *tally.unknown.entry(plan.spec.brand.clone()).or_default() += 1;
    }
    for note in plan.notes.iter().filter(|n| n.field == "brand") {
        match resolve_brand(&note.from).map(|found| found.matched) {
            Some(BrandMatch::Name) => tally.restyled += 1,
            Some(matched) => {
                let key = (matched, format!("{} -> {}", note.from, note.to));
                *tally.corrected.entry(key).or_default() += 1;
            }
            None => {}
        }
    }
}

fn print_report(total: usize, tally: &Tally) {
    println!("cars planned: {}/{total}", tally.planned);
    println!("cars at 100: {}/{total}", tally.full_marks);
    println!("model generations named: {}", tally.generations);

    let corrected: usize = tally.corrected.values().sum();
    println!("makes corrected (alias, misspelling or typo): {corrected}");
    for ((matched, correction), count) in &tally.corrected {
        println!("  {correction}: {count} ({})", matched.as_str());
    }
    println!(
        "makes only re-cased or re-accented (\"ford\" -> \"Ford\"): {}",
        tally.restyled
    );

    let unknown: usize = tally.unknown.values().sum();
    println!("unknown makes kept as typed: {unknown}");
    for (make, count) in &tally.unknown {
        println!("  {make}: {count}");
    }
}
