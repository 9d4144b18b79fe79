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

/// Every body type with its id and the synonyms that map to it, all written as folded keys
/// (lower-case letters and digits) so that a look-up folds only the typed text.
pub static BODY_TYPES: &[(BodyType, &str, &[&str])] = &[
    (
        BodyType::Sedan,
        "sedan",
        &["saloon", "notchback", "fourdoor", "limousine", "berline"],
    ),
    (
        BodyType::Hatchback,
        "hatchback",
        &["hatch", "liftback", "fivedoor", "threedoor", "sportback"],
    ),
    (
        BodyType::Wagon,
        "wagon",
        &[
            "estate",
            "stationwagon",
            "touring",
            "avant",
            "kombi",
            "variant",
            "break",
            "shootingbrake",
        ],
    ),
    (
        BodyType::Coupe,
        "coupe",
        &["twodoor", "sportscar", "sports"],
    ),
    (
        BodyType::Convertible,
        "convertible",
        &[
            "cabriolet",
            "cabrio",
            "roadster",
            "spider",
            "spyder",
            "targa",
        ],
    ),
    (
        BodyType::Suv,
        "suv",
        &[
            "4x4",
            "offroader",
            "offroad",
            "jeep",
            "sportutility",
            "sportutilityvehicle",
        ],
    ),
    (BodyType::Crossover, "crossover", &["cuv", "compactsuv"]),
    (BodyType::Pickup, "pickup", &["truck", "pickuptruck", "ute"]),
    (
        BodyType::Van,
        "van",
        &["panelvan", "cargovan", "camper", "bus", "minibus"],
    ),
    (
        BodyType::Minivan,
        "minivan",
        &["mpv", "peoplecarrier", "peoplemover", "multivan"],
    ),
];

impl BodyType {
    /// The id used in specs and JSON.
    pub fn id(self) -> &'static str {
        BODY_TYPES
            .iter()
            .find(|(b, _, _)| *b == self)
            .map_or("sedan", |(_, id, _)| id)
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
            .find(|(_, id, synonyms)| *id == key || synonyms.contains(&key.as_str()))
            .map(|(body, _, _)| *body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ids_and_synonyms() {
        let cases = [
            ("SUV", Some(BodyType::Suv)),
            ("estate", Some(BodyType::Wagon)),
            ("Saloon", Some(BodyType::Sedan)),
            ("truck", Some(BodyType::Pickup)),
            ("Pick-up", Some(BodyType::Pickup)),
            ("MPV", Some(BodyType::Minivan)),
            ("Coupé", Some(BodyType::Coupe)),
            ("station wagon", Some(BodyType::Wagon)),
            ("Sport Utility Vehicle", Some(BodyType::Suv)),
            ("spaceship", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(BodyType::parse(text), want, "{text}");
        }
    }

    #[test]
    fn ids_round_trip() {
        for (body, id, _) in BODY_TYPES {
            assert_eq!(BodyType::parse(id), Some(*body));
            assert_eq!(body.id(), *id);
        }
    }

    #[test]
    fn ids_and_synonyms_are_folded_and_unique() {
        let all: Vec<&str> = BODY_TYPES
            .iter()
            .flat_map(|(_, id, s)| std::iter::once(*id).chain(s.iter().copied()))
            .collect();
        for (i, word) in all.iter().enumerate() {
            assert_eq!(fold_key(word), *word);
            assert!(!all[i + 1..].contains(word), "{word} twice");
        }
    }
}
