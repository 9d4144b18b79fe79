//! Reads the classic cars data set (`cars.json` of the npm package vega-datasets: 406 cars
//! from 1970 to 1982) into specs. Shared by the real-data test and the `report` example.

use std::path::{Path, PathBuf};

use turntable_core::{SpecInput, YearInput, brand_by_name};

/// Environment variable that points at `cars.json`, overriding the default location.
pub const PATH_VAR: &str = "TURNTABLE_CARS_JSON";

/// What to do when the data set is missing.
pub const SETUP_HINT: &str = "run `cargo xtask setup` to install it (npm package vega-datasets in tests/), or point TURNTABLE_CARS_JSON at cars.json";

/// Model year used as "now" when planning the data set, so the run never depends on the clock.
pub const CURRENT_YEAR: u16 = 2026;

/// The model given to rows whose name is only a make ("subaru").
pub const UNNAMED_MODEL: &str = "base model";

/// Colours given to the cars in turn: names, paint names, hex codes, Cyrillic and emoji.
pub const COLORS: &[&str] = &[
    "red",
    "Pearl White",
    "#1f4ea8",
    "Soul Red Crystal",
    "silver",
    "British Racing Green",
    "black",
    "Nardo Grey",
    "Жёлтый",
    "🦄 holographic",
];

/// Body types given to the cars in turn, ids and synonyms.
pub const BODIES: &[&str] = &[
    "sedan",
    "hatchback",
    "estate",
    "Coupé",
    "SUV",
    "pick-up",
    "convertible",
    "van",
    "MPV",
    "crossover",
];

/// The angles of every planned series.
pub const ANGLES: &[&str] = &[
    "front",
    "front-three-quarter",
    "side",
    "rear-three-quarter",
    "rear",
    "interior",
];

/// One car of the data set, as written there.
pub struct Car {
    /// "chevrolet chevelle malibu": make, then model.
    pub name: String,
    /// "1970-01-01": the model year as a date.
    pub year: String,
}

/// `TURNTABLE_CARS_JSON`, or `tests/node_modules/vega-datasets/data/cars.json` at the
/// repository's top level.
pub fn data_path() -> PathBuf {
    match std::env::var_os(PATH_VAR) {
        Some(path) => PathBuf::from(path),
        None => Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/node_modules/vega-datasets/data/cars.json"),
    }
}

/// Reads every car of the file at `path`.
pub fn load(path: &Path) -> Result<Vec<Car>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}; {SETUP_HINT}", path.display()))?;
    let rows: Vec<serde_json::Value> = serde_json::from_str(&text)
        .map_err(|e| format!("{} is not a JSON array of cars: {e}", path.display()))?;
    rows.iter()
        .enumerate()
        .map(|(i, row)| car(i, row))
        .collect()
}

fn car(index: usize, row: &serde_json::Value) -> Result<Car, String> {
    let field = |name: &str| {
        let value = row[name].as_str();
        value
            .map(str::to_owned)
            .ok_or_else(|| format!("car {index} has no text {name}"))
    };
    Ok(Car {
        name: field("Name")?,
        year: field("Year")?,
    })
}

/// The spec of the `index`-th car: make and model from the name, year from the date, and
/// colour and body type taken in turn from [`COLORS`] and [`BODIES`].
pub fn spec(index: usize, car: &Car) -> SpecInput {
    let (brand, model) = split_name(&car.name);
    let year = car.year.split('-').next().unwrap_or_default();
    SpecInput {
        brand,
        model,
        year: YearInput::Text(year.to_owned()),
        color: COLORS[index % COLORS.len()].to_owned(),
        body_type: BODIES[index % BODIES.len()].to_owned(),
        angles: ANGLES.iter().map(|a| a.to_string()).collect(),
    }
}

/// Make and model of a data-set name. The make is the first word, or the first two when
/// together they name a make of the catalogue ("mercedes benz", "alfa romeo").
pub fn split_name(name: &str) -> (String, String) {
    let words: Vec<&str> = name.split_whitespace().collect();
    let two_word_make = words.len() > 2 && brand_by_name(&words[..2].join(" ")).is_some();
    let make_words = if two_word_make { 2 } else { 1 };

    let make = words
        .iter()
        .take(make_words)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let model = words
        .iter()
        .skip(make_words)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    match model.is_empty() {
        true => (make, UNNAMED_MODEL.to_owned()),
        false => (make, model),
    }
}
