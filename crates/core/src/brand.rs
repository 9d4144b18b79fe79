//! Makes: the catalogue entry type and how typed text is matched to it. Exact names,
//! aliases and listed misspellings match after folding case, spacing and accents; failing
//! those, a single-edit typo of a longer name matches when only one make is that close.

use std::sync::OnceLock;

use serde::Serialize;

pub use crate::brands::BRANDS;
use crate::text::{char_len, fold_key, within_one_edit};

/// Shortest folded name that the typo fallback corrects; shorter names are too easy to hit
/// by accident ("fiat" and "fist").
pub const MIN_TYPO_LEN: usize = 5;

/// One make of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Brand {
    /// The name as the maker writes it.
    pub name: &'static str,
    /// Other names people use for the make ("vw", "chevy").
    #[serde(skip)]
    pub aliases: &'static [&'static str],
    /// Common misspellings ("maxda", "toyouta").
    #[serde(skip)]
    pub misspellings: &'static [&'static str],
    /// Country of origin.
    pub country: &'static str,
    /// What the badge looks like, in words an image model can follow.
    pub badge: &'static str,
}

/// How typed text was matched to a make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum BrandMatch {
    /// The make's own name, perhaps in other case, spacing or accents ("skoda").
    Name,
    /// Another name for the make ("vw").
    Alias,
    /// A misspelling the catalogue lists ("maxda").
    Misspelling,
    /// A single-edit typo of a name or alias, unambiguous in the catalogue ("toyotta").
    Typo,
}

impl BrandMatch {
    /// The kind of match as it appears in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Alias => "alias",
            Self::Misspelling => "misspelling",
            Self::Typo => "typo",
        }
    }
}

/// A make found for typed text, and how it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BrandLookup {
    pub brand: &'static Brand,
    pub matched: BrandMatch,
}

/// One folded key of the catalogue.
struct Key {
    key: String,
    brand: &'static Brand,
    matched: BrandMatch,
}

/// Every folded name, alias and misspelling, sorted by key; built on first use.
fn keys() -> &'static [Key] {
    static KEYS: OnceLock<Vec<Key>> = OnceLock::new();
    KEYS.get_or_init(build_keys)
}

fn build_keys() -> Vec<Key> {
    let mut keys = Vec::new();
    for brand in BRANDS {
        let texts = std::iter::once((brand.name, BrandMatch::Name))
            .chain(brand.aliases.iter().map(|a| (*a, BrandMatch::Alias)))
            .chain(
                brand
                    .misspellings
                    .iter()
                    .map(|m| (*m, BrandMatch::Misspelling)),
            );
        for (text, matched) in texts {
            keys.push(Key {
                key: fold_key(text),
                brand,
                matched,
            });
        }
    }
    // Every key is unique (a test checks it), so the cheaper unstable sort will do.
    keys.sort_unstable_by(|a, b| a.key.cmp(&b.key));
    keys
}

/// Finds a make by its name, an alias or a listed misspelling, ignoring case, spacing and
/// accents. Returns `None` for anything else rather than guessing.
pub fn brand_by_name(text: &str) -> Option<&'static Brand> {
    exact(&fold_key(text)).map(|found| found.brand)
}

/// Finds a make as [`brand_by_name`] does and, failing that, by the conservative typo
/// fallback; says which of the two matched.
pub fn resolve_brand(text: &str) -> Option<BrandLookup> {
    let key = fold_key(text);
    exact(&key).or_else(|| typo(&key))
}

fn exact(key: &str) -> Option<BrandLookup> {
    if key.is_empty() {
        return None;
    }
    let keys = keys();
    let at = keys.binary_search_by(|k| k.key.as_str().cmp(key)).ok()?;
    Some(BrandLookup {
        brand: keys[at].brand,
        matched: keys[at].matched,
    })
}

/// The one make that has a key within one edit of `key`, if exactly one has.
fn typo(key: &str) -> Option<BrandLookup> {
    if char_len(key) < MIN_TYPO_LEN {
        return None;
    }
    let mut found: Option<&'static Brand> = None;
    let near = keys()
        .iter()
        .filter(|k| char_len(&k.key) >= MIN_TYPO_LEN && within_one_edit(&k.key, key));
    for candidate in near {
        match found {
            Some(brand) if brand.name != candidate.brand.name => return None,
            _ => found = Some(candidate.brand),
        }
    }
    found.map(|brand| BrandLookup {
        brand,
        matched: BrandMatch::Typo,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys are sorted without regard to order among equals, so none may repeat.
    #[test]
    fn every_key_is_unique() {
        for pair in keys().windows(2) {
            assert_ne!(
                pair[0].key, pair[1].key,
                "{} / {}",
                pair[0].brand.name, pair[1].brand.name
            );
        }
    }

    #[test]
    fn resolves_names_aliases_misspellings_and_variants() {
        let cases = [
            ("vw", "Volkswagen", BrandMatch::Alias),
            ("VW", "Volkswagen", BrandMatch::Alias),
            ("chevy", "Chevrolet", BrandMatch::Alias),
            ("mercedes", "Mercedes-Benz", BrandMatch::Alias),
            ("mercedes benz", "Mercedes-Benz", BrandMatch::Name),
            ("maxda", "Mazda", BrandMatch::Misspelling),
            ("toyouta", "Toyota", BrandMatch::Misspelling),
            ("vokswagen", "Volkswagen", BrandMatch::Misspelling),
            ("chevroelt", "Chevrolet", BrandMatch::Misspelling),
            ("Skoda", "Škoda", BrandMatch::Name),
            ("Škoda", "Škoda", BrandMatch::Name),
            ("ŠKODA", "Škoda", BrandMatch::Name),
            ("citroen", "Citroën", BrandMatch::Name),
            ("Citroën", "Citroën", BrandMatch::Name),
            ("  land  rover ", "Land Rover", BrandMatch::Name),
            ("LANDROVER", "Land Rover", BrandMatch::Name),
            ("hi", "International Harvester", BrandMatch::Alias),
            ("capri", "Capri", BrandMatch::Name),
            ("лада", "Lada", BrandMatch::Alias),
            ("toyotta", "Toyota", BrandMatch::Typo),
            ("Porshce", "Porsche", BrandMatch::Typo),
            ("Land Rovr", "Land Rover", BrandMatch::Typo),
            ("Volkswagan", "Volkswagen", BrandMatch::Typo),
        ];
        for (text, name, matched) in cases {
            let found = resolve_brand(text).unwrap_or_else(|| panic!("{text} not found"));
            assert_eq!((found.brand.name, found.matched), (name, matched), "{text}");
        }
    }

    #[test]
    fn leaves_unknown_short_and_ambiguous_names_alone() {
        let cases = [
            "Zastava Koral",
            "",
            "🚗",
            "Fiot",
            "Alpinx",
            "Hondaxx",
            "Tesl",
        ];
        for text in cases {
            assert_eq!(resolve_brand(text), None, "{text}");
        }
    }

    #[test]
    fn exact_lookup_never_guesses() {
        assert_eq!(brand_by_name("maxda").map(|b| b.name), Some("Mazda"));
        assert_eq!(brand_by_name("toyotta"), None);
        assert_eq!(
            brand_by_name("mercedes benz").map(|b| b.name),
            Some("Mercedes-Benz")
        );
        assert_eq!(brand_by_name("ford mustang"), None);
    }

    #[test]
    fn catalogue_is_large_alphabetical_and_described() {
        assert_eq!(BRANDS.len(), 95);
        for pair in BRANDS.windows(2) {
            assert!(
                fold_key(pair[0].name) < fold_key(pair[1].name),
                "{}",
                pair[1].name
            );
        }
        for brand in BRANDS {
            assert!(
                !brand.country.is_empty() && !brand.badge.is_empty(),
                "{}",
                brand.name
            );
            assert!(!brand.badge.ends_with('.'), "{}", brand.name);
        }
    }

    #[test]
    fn every_key_belongs_to_one_make_only() {
        let keys = keys();
        for pair in keys.windows(2) {
            let same_key = pair[0].key == pair[1].key;
            assert!(
                !same_key || pair[0].brand.name == pair[1].brand.name,
                "{}",
                pair[0].key
            );
        }
    }

    #[test]
    fn aliases_and_misspellings_are_not_the_name_again() {
        for brand in BRANDS {
            let name = fold_key(brand.name);
            for other in brand.aliases.iter().chain(brand.misspellings) {
                assert_ne!(fold_key(other), name, "{} lists {other}", brand.name);
            }
        }
    }
}
