//! The car *spec*: what the user asked for, validated and normalised. Every correction made
//! on the way is reported as a [`Note`] so the caller can show it.

use serde::{Deserialize, Serialize};

use crate::angle::{Angle, angle_by_id};
use crate::body::BodyType;
use crate::brand::{Brand, brand_by_name};
use crate::color::Color;
use crate::error::{ErrorCode, SpecError};
use crate::text::{char_len, clean, fold_key};

/// Longest brand, in characters.
pub const MAX_BRAND: usize = 40;
/// Longest model name, in characters.
pub const MAX_MODEL: usize = 60;
/// Longest colour, in characters.
pub const MAX_COLOR: usize = 40;
/// Most angles in one series.
pub const MAX_ANGLES: usize = 12;

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
    pub color: Color,
    pub body_type: BodyType,
    /// Angles in the order asked, without duplicates.
    #[serde(serialize_with = "angle_ids")]
    pub angles: Vec<&'static Angle>,
}

fn angle_ids<S: serde::Serializer>(angles: &[&'static Angle], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(angles.iter().map(|a| a.id))
}

/// The newest model year accepted: next calendar year, as makers sell next year's models.
/// Taken as a parameter so that planning stays pure and testable.
pub fn max_year(current_year: u16) -> u16 {
    current_year + 1
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

        Ok(Self { brand, known_brand, model, year, color, body_type, angles })
    }
}

fn required(field: &'static str, raw: &str, max: usize) -> Result<String, SpecError> {
    let text = clean(raw);
    if text.is_empty() {
        return Err(SpecError::new(ErrorCode::Missing, field, format!("{field} is required")));
    }
    if char_len(&text) > max {
        let message = format!("{field} is longer than {max} characters");
        return Err(SpecError::new(ErrorCode::TooLong, field, message));
    }
    Ok(text)
}

fn parse_brand(
    raw: &str,
    notes: &mut Vec<Note>,
) -> Result<(String, Option<&'static Brand>), SpecError> {
    let typed = required("brand", raw, MAX_BRAND)?;
    let Some(known) = brand_by_name(&typed) else {
        return Ok((typed, None));
    };
    if known.name != typed {
        notes.push(Note { field: "brand", from: typed, to: known.name.to_owned() });
    }
    Ok((known.name.to_owned(), Some(known)))
}

fn parse_year(raw: &YearInput, current_year: u16) -> Result<u16, SpecError> {
    let value = match raw {
        YearInput::Number(n) if n.fract() == 0.0 && (0.0..=9999.0).contains(n) => Some(*n as u16),
        YearInput::Number(_) => None,
        YearInput::Text(t) => {
            let t = clean(t);
            if t.is_empty() {
                return Err(SpecError::new(ErrorCode::Missing, "year", "year is required"));
            }
            t.parse::<u16>().ok().filter(|_| t.len() == 4)
        }
    };
    let Some(year) = value.filter(|y| *y >= 1000) else {
        return Err(SpecError::new(ErrorCode::InvalidYear, "year", "year must be a four-digit number"));
    };

    let newest = max_year(current_year);
    if !(1886..=newest).contains(&year) {
        let message = format!("year {year} is outside 1886..={newest}");
        return Err(SpecError::new(ErrorCode::YearOutOfRange, "year", message));
    }
    Ok(year)
}

fn parse_body(raw: &str, notes: &mut Vec<Note>) -> Result<BodyType, SpecError> {
    let typed = required("bodyType", raw, MAX_BRAND)?;
    let Some(body) = BodyType::parse(&typed) else {
        let message = format!("unknown body type {typed:?}");
        return Err(SpecError::new(ErrorCode::UnknownBodyType, "bodyType", message));
    };
    if fold_key(&typed) != body.id() {
        notes.push(Note { field: "bodyType", from: typed, to: body.id().to_owned() });
    }
    Ok(body)
}

fn parse_angles(raw: &[String]) -> Result<Vec<&'static Angle>, SpecError> {
    if raw.is_empty() {
        return Err(SpecError::new(ErrorCode::Missing, "angles", "at least one angle is required"));
    }
    if raw.len() > MAX_ANGLES {
        let message = format!("at most {MAX_ANGLES} angles per series");
        return Err(SpecError::new(ErrorCode::InvalidAngles, "angles", message));
    }

    let mut angles: Vec<&'static Angle> = Vec::with_capacity(raw.len());
    for id in raw {
        let Some(angle) = angle_by_id(id) else {
            let shown: String = clean(id).chars().take(40).collect();
            let message = format!("unknown angle {shown:?}");
            return Err(SpecError::new(ErrorCode::UnknownAngle, "angles", message));
        };
        if angles.iter().any(|a| a.id == angle.id) {
            let message = format!("angle {:?} appears twice", angle.id);
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

    fn parse(i: &SpecInput) -> Result<(Spec, Vec<Note>), SpecError> {
        let mut notes = Vec::new();
        Spec::parse(i, 2026, &mut notes).map(|s| (s, notes))
    }

    #[test]
    fn corrects_brand_and_body_with_notes() {
        let (spec, notes) = parse(&input("maxda", YearInput::Number(2021.0), "estate", &["front"])).unwrap();
        assert_eq!(spec.brand, "Mazda");
        assert_eq!(spec.body_type, BodyType::Wagon);
        assert_eq!(
            notes,
            vec![
                Note { field: "brand", from: "maxda".into(), to: "Mazda".into() },
                Note { field: "bodyType", from: "estate".into(), to: "wagon".into() },
            ]
        );
    }

    #[test]
    fn keeps_unknown_brand_as_typed() {
        let (spec, notes) = parse(&input(" Zastava\u{0}", YearInput::Number(1988.0), "hatchback", &["front"])).unwrap();
        assert_eq!(spec.brand, "Zastava");
        assert!(spec.known_brand.is_none());
        assert!(notes.is_empty());
    }

    #[test]
    fn rejects_bad_years_with_codes() {
        let cases = [
            (YearInput::Text("21".into()), ErrorCode::InvalidYear),
            (YearInput::Number(1885.0), ErrorCode::YearOutOfRange),
            (YearInput::Number(2028.0), ErrorCode::YearOutOfRange),
            (YearInput::Number(2020.5), ErrorCode::InvalidYear),
            (YearInput::Text("".into()), ErrorCode::Missing),
            (YearInput::Text("abcd".into()), ErrorCode::InvalidYear),
        ];
        for (year, code) in cases {
            let err = parse(&input("Mazda", year.clone(), "suv", &["front"])).unwrap_err();
            assert_eq!((err.code, err.field), (code, "year"), "{year:?}");
        }
        let ok = parse(&input("Mazda", YearInput::Text("2027".into()), "suv", &["front"]));
        assert_eq!(ok.unwrap().0.year, 2027);
    }

    #[test]
    fn rejects_bad_angles_and_fields() {
        let cases: [(SpecInput, ErrorCode, &str); 5] = [
            (input("Mazda", YearInput::Number(2021.0), "suv", &[]), ErrorCode::Missing, "angles"),
            (input("Mazda", YearInput::Number(2021.0), "suv", &["roof"]), ErrorCode::UnknownAngle, "angles"),
            (input("Mazda", YearInput::Number(2021.0), "suv", &["front", "Front"]), ErrorCode::InvalidAngles, "angles"),
            (input("Mazda", YearInput::Number(2021.0), "boat", &["front"]), ErrorCode::UnknownBodyType, "bodyType"),
            (input(&"x".repeat(41), YearInput::Number(2021.0), "suv", &["front"]), ErrorCode::TooLong, "brand"),
        ];
        for (i, code, field) in cases {
            let err = parse(&i).unwrap_err();
            assert_eq!((err.code, err.field), (code, field));
        }
    }
}
