//! The supported body types and the words people use for them.

use serde::Serialize;

use crate::text::fold_key;

/// A body type from the fixed set Turntable draws and prompts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BodyType {
    Sedan,
    Hatchback,
    Wagon,
    Coupe,
    Convertible,
    Suv,
    Crossover,
    Pickup,
    Van,
    Minivan,
}

/// Every body type with its id and the synonyms that map to it.
pub const BODY_TYPES: &[(BodyType, &str, &[&str])] = &[
    (BodyType::Sedan, "sedan", &["saloon", "notchback", "fourdoor"]),
    (BodyType::Hatchback, "hatchback", &["hatch", "liftback", "fivedoor", "threedoor"]),
    (BodyType::Wagon, "wagon", &["estate", "stationwagon", "touring", "avant", "kombi", "shootingbrake"]),
    (BodyType::Coupe, "coupe", &["coupé", "twodoor", "sportscar", "sports"]),
    (BodyType::Convertible, "convertible", &["cabriolet", "cabrio", "roadster", "spider", "spyder"]),
    (BodyType::Suv, "suv", &["4x4", "offroader", "jeep", "sportutility"]),
    (BodyType::Crossover, "crossover", &["cuv", "compactsuv"]),
    (BodyType::Pickup, "pickup", &["truck", "pickuptruck", "ute", "pick-up"]),
    (BodyType::Van, "van", &["panelvan", "cargovan", "camper", "bus"]),
    (BodyType::Minivan, "minivan", &["mpv", "peoplecarrier", "peoplemover", "multivan"]),
];

impl BodyType {
    /// The id used in specs and JSON.
    pub fn id(self) -> &'static str {
        BODY_TYPES.iter().find(|(b, _, _)| *b == self).map_or("sedan", |(_, id, _)| id)
    }

    /// The words a prompt uses for this body.
    pub fn phrase(self) -> &'static str {
        match self {
            Self::Sedan => "four-door sedan",
            Self::Hatchback => "hatchback",
            Self::Wagon => "estate wagon",
            Self::Coupe => "two-door coupe",
            Self::Convertible => "convertible",
            Self::Suv => "SUV",
            Self::Crossover => "crossover SUV",
            Self::Pickup => "pickup truck",
            Self::Van => "van",
            Self::Minivan => "minivan",
        }
    }

    /// Reads a body type from its id or a synonym, ignoring case, spaces and accents.
    pub fn parse(text: &str) -> Option<Self> {
        let key = fold_key(text);
        BODY_TYPES
            .iter()
            .find(|(_, id, synonyms)| *id == key || synonyms.iter().any(|s| fold_key(s) == key))
            .map(|(body, _, _)| *body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ids_and_synonyms() {
        let cases = [
            ("SUV", BodyType::Suv),
            ("estate", BodyType::Wagon),
            ("Saloon", BodyType::Sedan),
            ("truck", BodyType::Pickup),
            ("MPV", BodyType::Minivan),
            ("Coupé", BodyType::Coupe),
            ("station wagon", BodyType::Wagon),
        ];
        for (text, want) in cases {
            assert_eq!(BodyType::parse(text), Some(want), "{text}");
        }
        assert_eq!(BodyType::parse("spaceship"), None);
    }

    #[test]
    fn ids_round_trip() {
        for (body, id, _) in BODY_TYPES {
            assert_eq!(BodyType::parse(id), Some(*body));
            assert_eq!(body.id(), *id);
        }
    }
}
