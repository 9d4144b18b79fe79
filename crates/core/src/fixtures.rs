//! Inputs shared by the unit tests of several modules.

use crate::spec::{SpecInput, YearInput};

/// A real spec with a misspelt make: "maxda" CX-30, 2021, four angles.
pub fn maxda_input() -> SpecInput {
    SpecInput {
        brand: "maxda".into(),
        model: "CX-30".into(),
        year: YearInput::Number(2021.0),
        color: "Soul Red Crystal".into(),
        body_type: "crossover".into(),
        angles: vec![
            "front".into(),
            "side".into(),
            "rear".into(),
            "interior".into(),
        ],
    }
}
