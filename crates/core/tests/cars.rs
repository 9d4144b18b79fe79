//! Real data: every car of the classic cars data set must plan, and score full marks.
//!
//! The data set comes from the npm package vega-datasets, installed by `cargo xtask setup`.
//! Its path is `TURNTABLE_CARS_JSON`, or by default `tests/node_modules/vega-datasets/data/
//! cars.json` at the top of the repository. A missing file fails the test: it is not skipped.

#[path = "support/cars_json.rs"]
mod cars_json;

use std::collections::BTreeMap;

use turntable_core::{
    BrandMatch, Enrichment, PromptLimit, SessionId, plan_with_session, resolve_brand,
};

fn cars() -> Vec<cars_json::Car> {
    let path = cars_json::data_path();
    cars_json::load(&path).unwrap_or_else(|e| panic!("real car data missing: {e}"))
}

#[test]
fn every_car_plans_at_full_marks() {
    let session = SessionId::parse("0b7e1c52-8f0d-4a43-9d6e-3c2a1f4b5e60").unwrap();
    let enrichment = Enrichment::default();
    let cars = cars();
    assert_eq!(cars.len(), 406);

    let mut failures = Vec::new();
    for (i, car) in cars.iter().enumerate() {
        let input = cars_json::spec(i, car);
        let limit = PromptLimit::SHORT;
        match plan_with_session(&input, session, cars_json::CURRENT_YEAR, &enrichment, limit) {
            Ok(plan) if plan.score.total == 100 => {}
            Ok(plan) => failures.push(format!(
                "{}: {} {:?}",
                car.name, plan.score.total, plan.score
            )),
            Err(e) => failures.push(format!("{}: {e}", car.name)),
        }
    }
    assert!(
        failures.is_empty(),
        "{} cars failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn data_set_makes_resolve_with_exact_corrections() {
    let mut corrections: BTreeMap<String, usize> = BTreeMap::new();
    for car in cars() {
        let (typed, _) = cars_json::split_name(&car.name);
        let found = resolve_brand(&typed).unwrap_or_else(|| panic!("unknown make {typed:?}"));
        if found.matched != BrandMatch::Name {
            *corrections
                .entry(format!("{typed} -> {}", found.brand.name))
                .or_default() += 1;
        }
    }

    let want: BTreeMap<String, usize> = [
        ("chevroelt -> Chevrolet", 1),
        ("chevy -> Chevrolet", 3),
        ("hi -> International Harvester", 1),
        ("maxda -> Mazda", 2),
        ("toyouta -> Toyota", 1),
        ("vokswagen -> Volkswagen", 1),
        ("vw -> Volkswagen", 6),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    assert_eq!(corrections, want);
}

#[test]
fn names_split_into_make_and_model() {
    let cases = [
        (
            "chevrolet chevelle malibu",
            ("chevrolet", "chevelle malibu"),
        ),
        ("mercedes benz 300d", ("mercedes benz", "300d")),
        ("mercedes-benz 240d", ("mercedes-benz", "240d")),
        ("mercury capri 2000", ("mercury", "capri 2000")),
        ("plymouth 'cuda 340", ("plymouth", "'cuda 340")),
        ("ford pinto (sw)", ("ford", "pinto (sw)")),
        ("subaru", ("subaru", cars_json::UNNAMED_MODEL)),
    ];
    for (name, (make, model)) in cases {
        assert_eq!(
            cars_json::split_name(name),
            (make.to_owned(), model.to_owned()),
            "{name}"
        );
    }
}
