//! A small table of model generations for popular models, so the identity block can name
//! the era of the car ("first-generation Golf (Mk1, 1974–1983)") and an image model does not
//! mix the looks of different decades. Years are model years; a year shared by two
//! generations reads as the newer one.

use serde::Serialize;

use crate::text::fold_key;

/// One generation of one model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Generation {
    /// The make, as the brand catalogue names it.
    pub brand: &'static str,
    /// The model, as the maker names it.
    pub model: &'static str,
    /// Folded model names that mean this model ("golf", "rabbit").
    #[serde(skip)]
    pub keys: &'static [&'static str],
    /// "first", "second", …
    pub ordinal: &'static str,
    /// The maker's or the enthusiasts' code, when there is a common one ("Mk1", "E30").
    pub code: Option<&'static str>,
    /// First model year.
    pub from: u16,
    /// Last model year, or `None` while it is still built.
    pub to: Option<u16>,
}

impl Generation {
    /// How prompts name the generation: "first-generation Golf (Mk1, 1974–1983)".
    pub fn label(&self) -> String {
        let to = self
            .to
            .map_or_else(|| "present".to_owned(), |y| y.to_string());
        let years = format!("{}–{to}", self.from);
        match self.code {
            Some(code) => format!(
                "{}-generation {} ({code}, {years})",
                self.ordinal, self.model
            ),
            None => format!("{}-generation {} ({years})", self.ordinal, self.model),
        }
    }

    fn covers(&self, year: u16) -> bool {
        year >= self.from && self.to.is_none_or(|to| year <= to)
    }
}

/// Model names whose leading words are a key of the table but which are other cars.
const NOT_GENERATIONS: &[&str] = &["mustangmache"];

/// The generation of `model` of the make `brand` (canonical name) in `year`, when the table
/// knows it. The model matches when its first one, two or three words fold to a key.
pub fn generation_of(brand: &str, model: &str, year: u16) -> Option<&'static Generation> {
    if !GENERATIONS.iter().any(|g| g.brand == brand) {
        return None;
    }
    let folded = fold_key(model);
    if NOT_GENERATIONS.iter().any(|n| folded.starts_with(n)) {
        return None;
    }
    let heads = leading_keys(model);
    GENERATIONS
        .iter()
        .filter(|g| g.brand == brand && g.covers(year))
        .filter(|g| g.keys.iter().any(|k| heads.iter().any(|h| h == k)))
        .max_by_key(|g| g.from)
}

/// The folded first word, first two words and first three words of `model`.
fn leading_keys(model: &str) -> Vec<String> {
    let mut heads = Vec::with_capacity(3);
    let mut key = String::new();
    for word in model.split_whitespace().take(3) {
        key.push_str(&fold_key(word));
        heads.push(key.clone());
    }
    heads
}

const fn era(
    brand: &'static str,
    model: &'static str,
    keys: &'static [&'static str],
    ordinal: &'static str,
    code: Option<&'static str>,
    years: (u16, Option<u16>),
) -> Generation {
    Generation {
        brand,
        model,
        keys,
        ordinal,
        code,
        from: years.0,
        to: years.1,
    }
}

const GOLF: &[&str] = &["golf", "rabbit"];
const BEETLE: &[&str] = &["beetle", "superbeetle", "kafer"];
const MUSTANG: &[&str] = &["mustang"];
const CORVETTE: &[&str] = &["corvette"];
const CIVIC: &[&str] = &["civic"];
const MX5: &[&str] = &["mx5", "miata"];
const RX7: &[&str] = &["rx7"];
const CX30: &[&str] = &["cx30"];
const SERIES3: &[&str] = &[
    "3series", "series3", "3er", "318i", "320i", "320d", "325i", "328i", "330i", "330e",
];
const OCTAVIA: &[&str] = &["octavia"];
const ID4: &[&str] = &["id4"];
const CHR: &[&str] = &["chr"];
const MODEL3: &[&str] = &["model3"];

/// Every generation the table knows, by make and model.
#[rustfmt::skip]
pub static GENERATIONS: &[Generation] = &[
    era("BMW", "3 Series", SERIES3, "first", Some("E21"), (1975, Some(1982))),
    era("BMW", "3 Series", SERIES3, "second", Some("E30"), (1983, Some(1991))),
    era("BMW", "3 Series", SERIES3, "third", Some("E36"), (1992, Some(1998))),
    era("BMW", "3 Series", SERIES3, "fourth", Some("E46"), (1999, Some(2005))),
    era("BMW", "3 Series", SERIES3, "fifth", Some("E90"), (2006, Some(2011))),
    era("BMW", "3 Series", SERIES3, "sixth", Some("F30"), (2012, Some(2018))),
    era("BMW", "3 Series", SERIES3, "seventh", Some("G20"), (2019, None)),
    era("Chevrolet", "Corvette", CORVETTE, "first", Some("C1"), (1953, Some(1962))),
    era("Chevrolet", "Corvette", CORVETTE, "second", Some("C2"), (1963, Some(1967))),
    era("Chevrolet", "Corvette", CORVETTE, "third", Some("C3"), (1968, Some(1982))),
    era("Chevrolet", "Corvette", CORVETTE, "fourth", Some("C4"), (1984, Some(1996))),
    era("Chevrolet", "Corvette", CORVETTE, "fifth", Some("C5"), (1997, Some(2004))),
    era("Chevrolet", "Corvette", CORVETTE, "sixth", Some("C6"), (2005, Some(2013))),
    era("Chevrolet", "Corvette", CORVETTE, "seventh", Some("C7"), (2014, Some(2019))),
    era("Chevrolet", "Corvette", CORVETTE, "eighth", Some("C8"), (2020, None)),
    era("Ford", "Mustang", MUSTANG, "first", None, (1965, Some(1973))),
    era("Ford", "Mustang", MUSTANG, "second", None, (1974, Some(1978))),
    era("Ford", "Mustang", MUSTANG, "third", None, (1979, Some(1993))),
    era("Ford", "Mustang", MUSTANG, "fourth", None, (1994, Some(2004))),
    era("Ford", "Mustang", MUSTANG, "fifth", None, (2005, Some(2014))),
    era("Ford", "Mustang", MUSTANG, "sixth", None, (2015, Some(2023))),
    era("Ford", "Mustang", MUSTANG, "seventh", None, (2024, None)),
    era("Honda", "Civic", CIVIC, "first", None, (1973, Some(1979))),
    era("Honda", "Civic", CIVIC, "second", None, (1980, Some(1983))),
    era("Honda", "Civic", CIVIC, "third", None, (1984, Some(1987))),
    era("Honda", "Civic", CIVIC, "fourth", None, (1988, Some(1991))),
    era("Honda", "Civic", CIVIC, "fifth", None, (1992, Some(1995))),
    era("Honda", "Civic", CIVIC, "sixth", None, (1996, Some(2000))),
    era("Honda", "Civic", CIVIC, "seventh", None, (2001, Some(2005))),
    era("Honda", "Civic", CIVIC, "eighth", None, (2006, Some(2011))),
    era("Honda", "Civic", CIVIC, "ninth", None, (2012, Some(2015))),
    era("Honda", "Civic", CIVIC, "tenth", None, (2016, Some(2021))),
    era("Honda", "Civic", CIVIC, "eleventh", None, (2022, None)),
    era("Mazda", "MX-5", MX5, "first", Some("NA"), (1989, Some(1997))),
    era("Mazda", "MX-5", MX5, "second", Some("NB"), (1998, Some(2005))),
    era("Mazda", "MX-5", MX5, "third", Some("NC"), (2006, Some(2015))),
    era("Mazda", "MX-5", MX5, "fourth", Some("ND"), (2016, None)),
    era("Mazda", "RX-7", RX7, "first", Some("SA/FB"), (1979, Some(1985))),
    era("Mazda", "RX-7", RX7, "second", Some("FC"), (1986, Some(1992))),
    era("Mazda", "RX-7", RX7, "third", Some("FD"), (1993, Some(2002))),
    era("Mazda", "CX-30", CX30, "first", None, (2019, None)),
    era("Škoda", "Octavia", OCTAVIA, "first", Some("1U"), (1996, Some(2004))),
    era("Škoda", "Octavia", OCTAVIA, "second", Some("1Z"), (2005, Some(2012))),
    era("Škoda", "Octavia", OCTAVIA, "third", Some("5E"), (2013, Some(2019))),
    era("Škoda", "Octavia", OCTAVIA, "fourth", Some("NX"), (2020, None)),
    era("Tesla", "Model 3", MODEL3, "first", None, (2017, None)),
    era("Toyota", "C-HR", CHR, "first", None, (2016, Some(2023))),
    era("Toyota", "C-HR", CHR, "second", None, (2024, None)),
    era("Volkswagen", "Beetle", BEETLE, "first", Some("Type 1"), (1938, Some(2003))),
    era("Volkswagen", "Beetle", BEETLE, "second", Some("New Beetle"), (1998, Some(2010))),
    era("Volkswagen", "Beetle", BEETLE, "third", Some("A5"), (2011, Some(2019))),
    era("Volkswagen", "Golf", GOLF, "first", Some("Mk1"), (1974, Some(1983))),
    era("Volkswagen", "Golf", GOLF, "second", Some("Mk2"), (1984, Some(1991))),
    era("Volkswagen", "Golf", GOLF, "third", Some("Mk3"), (1992, Some(1997))),
    era("Volkswagen", "Golf", GOLF, "fourth", Some("Mk4"), (1998, Some(2003))),
    era("Volkswagen", "Golf", GOLF, "fifth", Some("Mk5"), (2004, Some(2008))),
    era("Volkswagen", "Golf", GOLF, "sixth", Some("Mk6"), (2009, Some(2012))),
    era("Volkswagen", "Golf", GOLF, "seventh", Some("Mk7"), (2013, Some(2019))),
    era("Volkswagen", "Golf", GOLF, "eighth", Some("Mk8"), (2020, None)),
    era("Volkswagen", "ID.4", ID4, "first", None, (2020, None)),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_generation_of_a_model_year() {
        let cases = [
            (
                "Mazda",
                "CX-30",
                2021,
                Some("first-generation CX-30 (2019–present)"),
            ),
            (
                "Volkswagen",
                "rabbit custom",
                1977,
                Some("first-generation Golf (Mk1, 1974–1983)"),
            ),
            (
                "Volkswagen",
                "Golf GTI",
                2015,
                Some("seventh-generation Golf (Mk7, 2013–2019)"),
            ),
            (
                "Volkswagen",
                "super beetle",
                1971,
                Some("first-generation Beetle (Type 1, 1938–2003)"),
            ),
            (
                "Volkswagen",
                "Beetle",
                2000,
                Some("second-generation Beetle (New Beetle, 1998–2010)"),
            ),
            (
                "Volkswagen",
                "ID.4",
                2023,
                Some("first-generation ID.4 (2020–present)"),
            ),
            (
                "Ford",
                "mustang ii 2+2",
                1977,
                Some("second-generation Mustang (1974–1978)"),
            ),
            ("Ford", "Mustang Mach-E", 2022, None),
            (
                "Honda",
                "civic cvcc",
                1978,
                Some("first-generation Civic (1973–1979)"),
            ),
            (
                "BMW",
                "Series 3",
                2020,
                Some("seventh-generation 3 Series (G20, 2019–present)"),
            ),
            (
                "BMW",
                "320i",
                1977,
                Some("first-generation 3 Series (E21, 1975–1982)"),
            ),
            (
                "Tesla",
                "Model 3 Performance",
                2024,
                Some("first-generation Model 3 (2017–present)"),
            ),
            (
                "Toyota",
                "C-HR",
                2020,
                Some("first-generation C-HR (2016–2023)"),
            ),
            ("Chevrolet", "Corvette", 1983, None),
            ("Mazda", "CX-30", 2018, None),
            ("Toyota", "CX-30", 2021, None),
            ("Mazda", "CX-3", 2021, None),
        ];
        for (brand, model, year, want) in cases {
            let got = generation_of(brand, model, year).map(|g| g.label());
            assert_eq!(got.as_deref(), want, "{brand} {model} {year}");
        }
    }

    #[test]
    fn keys_are_folded_and_makes_are_in_the_catalogue() {
        for g in GENERATIONS {
            assert!(crate::brand::brand_by_name(g.brand).is_some_and(|b| b.name == g.brand));
            for key in g.keys {
                assert_eq!(fold_key(key), *key, "{} {}", g.brand, g.model);
            }
        }
    }

    #[test]
    fn generations_of_a_model_follow_each_other() {
        for pair in GENERATIONS.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if a.brand == b.brand && a.model == b.model {
                let end = a.to.expect("only the newest generation is open");
                assert!(
                    a.from < b.from && a.from <= end,
                    "{} {}",
                    a.model,
                    a.ordinal
                );
                assert!(end < b.to.unwrap_or(u16::MAX), "{} {}", a.model, a.ordinal);
            }
        }
    }
}
