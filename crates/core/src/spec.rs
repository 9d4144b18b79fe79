//! The car *spec*: what the user asked for, validated and normalised. Every correction made
//! on the way is reported as a [`Note`] so the caller can show it.

use serde::{Deserialize, Serialize};

use crate::angle::{Angle, angle_by_id};
use crate::body::BodyType;
use crate::brand::{Brand, resolve_brand};
use crate::color::Color;
use crate::error::{ErrorCode, SpecError};
use crate::generation::{Generation, generation_of};
use crate::text::{char_len, clean, fold_key, preview};

/// Longest brand, in characters.
pub const MAX_BRAND: usize = 40;
/// Longest model name, in characters.
pub const MAX_MODEL: usize = 60;
/// Longest colour, in characters.
pub const MAX_COLOR: usize = 40;
/// Longest body type, in characters.
pub const MAX_BODY: usize = 40;
/// Longest year given as text, in characters.
pub const MAX_YEAR: usize = 16;
/// Longest angle id, in characters.
pub const MAX_ANGLE: usize = 40;
/// Most angles in one series.
pub const MAX_ANGLES: usize = 12;
/// How much of an offending value an error message quotes, in characters.
const SHOWN: usize = 40;

/// A year as it arrives from JSON or a form: a number or text.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum YearInput {
    Number(f64),
    Text(String),
}

impl Default for YearInput {
    fn default() -> Self {
        Self::Text(String::new())
    }
}

/// A spec as typed by a person or sent by a program; nothing here has been checked yet.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SpecInput {
    pub brand: String,
    pub model: String,
    pub year: YearInput,
    pub color: String,
    pub body_type: String,
    pub angles: Vec<String>,
}

/// A correction made while reading a spec, e.g. that "maxda" was read as Mazda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Note {
    pub field: &'static str,
    pub from: String,
    pub to: String,
}

/// A validated, normalised spec.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Spec {
    /// The canonical make, or the make as typed when the catalogue does not know it.
    pub brand: String,
    /// Catalogue entry of the make, when known.
    #[serde(skip)]
    pub known_brand: Option<&'static Brand>,
    pub model: String,
    pub year: u16,
    /// The model's generation in that year, when the generation table knows it.
    #[serde(
        serialize_with = "generation_label",
        skip_serializing_if = "Option::is_none"
    )]
    pub generation: Option<&'static Generation>,
    pub color: Color,
    pub body_type: BodyType,
    /// Angles in the order asked, without duplicates.
    #[serde(serialize_with = "angle_ids")]
    pub angles: Vec<&'static Angle>,
}

fn generation_label<S: serde::Serializer>(
    generation: &Option<&'static Generation>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match generation {
        Some(g) => s.serialize_str(&g.label()),
        None => s.serialize_none(),
    }
}

fn angle_ids<S: serde::Serializer>(angles: &[&'static Angle], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(angles.iter().map(|a| a.id))
}

/// The newest model year accepted: next calendar year, as makers sell next year's models.
/// Taken as a parameter so that planning stays pure and testable.
pub fn max_year(current_year: u16) -> u16 {
    current_year.saturating_add(1)
}

impl Spec {
    /// Validates and normalises `input`, recording every correction in `notes`.
    /// `current_year` bounds the model year (see [`max_year`]).
    pub fn parse(
        input: &SpecInput,
        current_year: u16,
        notes: &mut Vec<Note>,
    ) -> Result<Self, SpecError> {
        let (brand, known_brand) = parse_brand(&input.brand, notes)?;
        let model = required("model", &input.model, MAX_MODEL)?;
        let year = parse_year(&input.year, current_year)?;
        let color = Color::parse(&required("color", &input.color, MAX_COLOR)?);
        let body_type = parse_body(&input.body_type, notes)?;
        let angles = parse_angles(&input.angles)?;

        let generation = known_brand.and_then(|b| generation_of(b.name, &model, year));
        Ok(Self {
            brand,
            known_brand,
            model,
            year,
            generation,
            color,
            body_type,
            angles,
        })
    }
}

/// Checks every field of `input` on its own: the corrections that would be made and every
/// field's error at once (in field order), so a form can show them all together.
pub fn check(input: &SpecInput, current_year: u16) -> (Vec<Note>, Vec<SpecError>) {
    let mut notes = Vec::new();
    let results = [
        parse_brand(&input.brand, &mut notes).err(),
        required("model", &input.model, MAX_MODEL).err(),
        parse_year(&input.year, current_year).err(),
        required("color", &input.color, MAX_COLOR).err(),
        parse_body(&input.body_type, &mut notes).err(),
        parse_angles(&input.angles).err(),
    ];
    (notes, results.into_iter().flatten().collect())
}

fn required(field: &'static str, raw: &str, max: usize) -> Result<String, SpecError> {
    let text = clean(raw);
    if text.is_empty() {
        return Err(SpecError::new(
            ErrorCode::Missing,
            field,
            format!("{field} is required"),
        ));
    }
    let length = char_len(&text);
    if length > max {
        let shown = preview(&text, SHOWN);
        let message = format!("{field} {shown} has {length} characters, more than {max}");
        return Err(SpecError::new(ErrorCode::TooLong, field, message));
    }
    Ok(text)
}

fn parse_brand(
    raw: &str,
    notes: &mut Vec<Note>,
) -> Result<(String, Option<&'static Brand>), SpecError> {
    let typed = required("brand", raw, MAX_BRAND)?;
    let Some(known) = resolve_brand(&typed).map(|found| found.brand) else {
        return Ok((typed, None));
    };
    if known.name != typed {
        notes.push(Note {
            field: "brand",
            from: typed,
            to: known.name.to_owned(),
        });
    }
    Ok((known.name.to_owned(), Some(known)))
}

fn parse_year(raw: &YearInput, current_year: u16) -> Result<u16, SpecError> {
    let year = match raw {
        YearInput::Number(n) => year_from_number(*n)?,
        YearInput::Text(t) => year_from_text(t)?,
    };

    let newest = max_year(current_year);
    if !(1886..=newest).contains(&year) {
        let message = format!("year {year} is not between 1886 and {newest}");
        return Err(SpecError::new(ErrorCode::YearOutOfRange, "year", message));
    }
    Ok(year)
}

fn year_from_number(n: f64) -> Result<u16, SpecError> {
    if n.fract() == 0.0 && (1000.0..=9999.0).contains(&n) {
        return Ok(n as u16);
    }
    // Whole numbers are quoted; anything else is described, which keeps float formatting
    // (some 15 KB of wasm) out of the browser module.
    let message = if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("year {} is not a four-digit number", n as i64)
    } else if n.is_nan() {
        "year is not a number".to_owned()
    } else if n.abs() < 1e15 {
        "year is a fraction, not a four-digit number".to_owned()
    } else {
        "year is a number far too large for a year".to_owned()
    };
    Err(SpecError::new(ErrorCode::InvalidYear, "year", message))
}

fn year_from_text(raw: &str) -> Result<u16, SpecError> {
    let text = required("year", raw, MAX_YEAR)?;
    let four_digits = text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit());
    match text.parse::<u16>() {
        Ok(year) if four_digits && year >= 1000 => Ok(year),
        _ => {
            let message = format!("year {} is not a four-digit number", preview(&text, SHOWN));
            Err(SpecError::new(ErrorCode::InvalidYear, "year", message))
        }
    }
}

fn parse_body(raw: &str, notes: &mut Vec<Note>) -> Result<BodyType, SpecError> {
    let typed = required("bodyType", raw, MAX_BODY)?;
    let Some(body) = BodyType::parse(&typed) else {
        let message = format!("unknown body type {}", preview(&typed, SHOWN));
        return Err(SpecError::new(
            ErrorCode::UnknownBodyType,
            "bodyType",
            message,
        ));
    };
    if fold_key(&typed) != body.id() {
        notes.push(Note {
            field: "bodyType",
            from: typed,
            to: body.id().to_owned(),
        });
    }
    Ok(body)
}

fn parse_angles(raw: &[String]) -> Result<Vec<&'static Angle>, SpecError> {
    if raw.is_empty() {
        return Err(SpecError::new(
            ErrorCode::Missing,
            "angles",
            "at least one angle is required",
        ));
    }
    if raw.len() > MAX_ANGLES {
        let message = format!(
            "{} angles asked, at most {MAX_ANGLES} per series",
            raw.len()
        );
        return Err(SpecError::new(ErrorCode::InvalidAngles, "angles", message));
    }

    let mut angles: Vec<&'static Angle> = Vec::with_capacity(raw.len());
    for id in raw {
        let Some(angle) = angle_by_id(id) else {
            let message = format!("unknown angle {}", preview(&clean(id), MAX_ANGLE));
            return Err(SpecError::new(ErrorCode::UnknownAngle, "angles", message));
        };
        if angles.iter().any(|a| a.id == angle.id) {
            let message = format!("angle \"{}\" appears twice", angle.id);
            return Err(SpecError::new(ErrorCode::InvalidAngles, "angles", message));
        }
        angles.push(angle);
    }
    Ok(angles)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(brand: &str, year: YearInput, body: &str, angles: &[&str]) -> SpecInput {
        SpecInput {
            brand: brand.into(),
            model: "CX-30".into(),
            year,
            color: "red".into(),
            body_type: body.into(),
            angles: angles.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn valid() -> SpecInput {
        input("Mazda", YearInput::Number(2021.0), "suv", &["front"])
    }

    fn parse(i: &SpecInput) -> Result<(Spec, Vec<Note>), SpecError> {
        let mut notes = Vec::new();
        Spec::parse(i, 2026, &mut notes).map(|s| (s, notes))
    }

    fn note(field: &'static str, from: &str, to: &str) -> Note {
        Note {
            field,
            from: from.into(),
            to: to.into(),
        }
    }

    #[test]
    fn check_reports_every_field_at_once() {
        let mut bad = input("maxda", YearInput::Text("21".into()), "boat", &["roof"]);
        bad.model = "  ".into();
        let (notes, errors) = check(&bad, 2026);
        let found: Vec<(&str, ErrorCode)> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            found,
            [
                ("model", ErrorCode::Missing),
                ("year", ErrorCode::InvalidYear),
                ("bodyType", ErrorCode::UnknownBodyType),
                ("angles", ErrorCode::UnknownAngle),
            ]
        );
        assert_eq!(
            notes,
            [Note {
                field: "brand",
                from: "maxda".into(),
                to: "Mazda".into()
            }]
        );

        let good = input("Mazda", YearInput::Number(2021.0), "suv", &["front"]);
        assert_eq!(check(&good, 2026), (Vec::new(), Vec::new()));
    }

    #[test]
    fn corrects_brand_and_body_with_notes() {
        let cases = [
            (
                "maxda",
                "estate",
                "Mazda",
                vec![
                    note("brand", "maxda", "Mazda"),
                    note("bodyType", "estate", "wagon"),
                ],
            ),
            (
                "Skoda",
                "SUV",
                "Škoda",
                vec![note("brand", "Skoda", "Škoda")],
            ),
            (
                " vw ",
                "suv",
                "Volkswagen",
                vec![note("brand", "vw", "Volkswagen")],
            ),
            (
                "Toyotta",
                "suv",
                "Toyota",
                vec![note("brand", "Toyotta", "Toyota")],
            ),
            ("Mazda", "suv", "Mazda", vec![]),
            ("Zastava", "suv", "Zastava", vec![]),
        ];
        for (brand, body, want, notes) in cases {
            let got = parse(&input(brand, YearInput::Number(2021.0), body, &["front"])).unwrap();
            assert_eq!((got.0.brand.as_str(), got.1), (want, notes), "{brand}");
        }
    }

    #[test]
    fn keeps_unknown_brand_as_typed_but_sanitised() {
        let (spec, notes) = parse(&input(
            " Zastava\u{0}\u{202E} ",
            YearInput::Number(1988.0),
            "hatchback",
            &["front"],
        ))
        .unwrap();
        assert_eq!(spec.brand, "Zastava");
        assert!(spec.known_brand.is_none());
        assert!(notes.is_empty());
    }

    #[test]
    fn keeps_model_names_intact() {
        let models = [
            ("ID.4", "ID.4"),
            ("C-HR", "C-HR"),
            ("500X", "500X"),
            ("Series 3", "Series 3"),
            ("CX-30", "CX-30"),
            ("T-Roc", "T-Roc"),
            ("  Golf \t GTI ", "Golf GTI"),
            ("Octavia\u{0}", "Octavia"),
            ("Cla\u{0301}sico", "Clásico"),
            ("Нива", "Нива"),
        ];
        for (typed, want) in models {
            let mut i = valid();
            i.model = typed.into();
            assert_eq!(parse(&i).unwrap().0.model, want, "{typed:?}");
        }
    }

    #[test]
    fn finds_the_generation_of_known_models() {
        let cases = [
            (
                "maxda",
                "CX-30",
                2021,
                Some("first-generation CX-30 (2019–present)"),
            ),
            (
                "vw",
                "Golf",
                1976,
                Some("first-generation Golf (Mk1, 1974–1983)"),
            ),
            ("Zastava", "Golf", 1976, None),
            ("Mazda", "CX-5", 2021, None),
        ];
        for (brand, model, year, want) in cases {
            let mut i = input(brand, YearInput::Number(f64::from(year)), "suv", &["front"]);
            i.model = model.into();
            let spec = parse(&i).unwrap().0;
            assert_eq!(
                spec.generation.map(|g| g.label()).as_deref(),
                want,
                "{brand} {model}"
            );
        }
    }

    #[test]
    fn rejects_bad_years_with_codes_and_values() {
        let cases = [
            (
                YearInput::Text("21".into()),
                ErrorCode::InvalidYear,
                "year \"21\" is not a four-digit number",
            ),
            (
                YearInput::Number(21.0),
                ErrorCode::InvalidYear,
                "year 21 is not a four-digit number",
            ),
            (
                YearInput::Number(1885.0),
                ErrorCode::YearOutOfRange,
                "year 1885 is not between 1886 and 2027",
            ),
            (
                YearInput::Number(2028.0),
                ErrorCode::YearOutOfRange,
                "year 2028 is not between 1886 and 2027",
            ),
            (
                YearInput::Number(2020.5),
                ErrorCode::InvalidYear,
                "year is a fraction, not a four-digit number",
            ),
            (
                YearInput::Number(f64::NAN),
                ErrorCode::InvalidYear,
                "year is not a number",
            ),
            (
                YearInput::Number(-1.5e300),
                ErrorCode::InvalidYear,
                "year is a number far too large for a year",
            ),
            (
                YearInput::Text("".into()),
                ErrorCode::Missing,
                "year is required",
            ),
            (
                YearInput::Text("abcd".into()),
                ErrorCode::InvalidYear,
                "year \"abcd\" is not a four-digit number",
            ),
            (
                YearInput::Text("+202".into()),
                ErrorCode::InvalidYear,
                "year \"+202\" is not a four-digit number",
            ),
            (
                YearInput::Text("0999".into()),
                ErrorCode::InvalidYear,
                "year \"0999\" is not a four-digit number",
            ),
            (
                YearInput::Text("1".repeat(17)),
                ErrorCode::TooLong,
                "year \"11111111111111111\" has 17 characters, more than 16",
            ),
        ];
        for (year, code, message) in cases {
            let err = parse(&input("Mazda", year.clone(), "suv", &["front"])).unwrap_err();
            assert_eq!(
                (err.code, err.field, err.message.as_str()),
                (code, "year", message),
                "{year:?}"
            );
        }
        let ok = [
            (YearInput::Text(" 2027 ".into()), 2027),
            (YearInput::Number(1886.0), 1886),
        ];
        for (year, want) in ok {
            assert_eq!(
                parse(&input("Mazda", year, "suv", &["front"]))
                    .unwrap()
                    .0
                    .year,
                want
            );
        }
    }

    /// Sets one field of a spec input.
    type Setter = fn(&mut SpecInput, String);

    #[test]
    fn every_field_has_a_length_limit() {
        let long = |n: usize| "x".repeat(n);
        let cases: [(Setter, usize, &str); 4] = [
            (|i, v| i.brand = v, MAX_BRAND, "brand"),
            (|i, v| i.model = v, MAX_MODEL, "model"),
            (|i, v| i.color = v, MAX_COLOR, "color"),
            (|i, v| i.body_type = v, MAX_BODY, "bodyType"),
        ];
        for (set, max, field) in cases {
            let mut i = valid();
            set(&mut i, long(max + 1));
            let err = parse(&i).unwrap_err();
            let shown = format!("\"{}\"…", long(40));
            let message = format!(
                "{field} {shown} has {} characters, more than {max}",
                max + 1
            );
            assert_eq!(
                (err.code, err.field, err.message),
                (ErrorCode::TooLong, field, message)
            );

            let mut i = valid();
            set(&mut i, format!("{}\u{0}\u{0}", long(max)));
            let code = parse(&i).err().map(|e| e.code);
            assert_ne!(code, Some(ErrorCode::TooLong), "{field} at its limit");
        }
    }

    #[test]
    fn rejects_bad_angles_and_fields() {
        let many: Vec<&str> = crate::angle::ANGLES
            .iter()
            .map(|a| a.id)
            .chain(["front"])
            .collect();
        let cases: [(SpecInput, ErrorCode, &str, &str); 8] = [
            (
                input("Mazda", YearInput::Number(2021.0), "suv", &[]),
                ErrorCode::Missing,
                "angles",
                "at least one angle is required",
            ),
            (
                input("Mazda", YearInput::Number(2021.0), "suv", &["roof"]),
                ErrorCode::UnknownAngle,
                "angles",
                "unknown angle \"roof\"",
            ),
            (
                input(
                    "Mazda",
                    YearInput::Number(2021.0),
                    "suv",
                    &["front", "Front"],
                ),
                ErrorCode::InvalidAngles,
                "angles",
                "angle \"front\" appears twice",
            ),
            (
                input("Mazda", YearInput::Number(2021.0), "suv", &many),
                ErrorCode::InvalidAngles,
                "angles",
                "13 angles asked, at most 12 per series",
            ),
            (
                input("Mazda", YearInput::Number(2021.0), "boat", &["front"]),
                ErrorCode::UnknownBodyType,
                "bodyType",
                "unknown body type \"boat\"",
            ),
            (
                input(" \u{0} ", YearInput::Number(2021.0), "suv", &["front"]),
                ErrorCode::Missing,
                "brand",
                "brand is required",
            ),
            (
                input("Mazda", YearInput::Number(2021.0), "", &["front"]),
                ErrorCode::Missing,
                "bodyType",
                "bodyType is required",
            ),
            (
                SpecInput {
                    model: "\u{200B}".into(),
                    ..valid()
                },
                ErrorCode::Missing,
                "model",
                "model is required",
            ),
        ];
        for (i, code, field, message) in cases {
            let err = parse(&i).unwrap_err();
            assert_eq!(
                (err.code, err.field, err.message.as_str()),
                (code, field, message)
            );
        }
    }
}
