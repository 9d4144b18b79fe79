//! The embedded brand catalogue: canonical make names, the aliases and misspellings people
//! type, the country of origin and a factual description of the badge for prompts.

use serde::Serialize;

use crate::text::fold_key;

/// One make of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Brand {
    /// The name as the maker writes it.
    pub name: &'static str,
    /// Other names and common misspellings, matched after folding case and accents.
    #[serde(skip)]
    pub aliases: &'static [&'static str],
    /// Country of origin.
    pub country: &'static str,
    /// What the badge looks like, in words an image model can follow.
    pub badge: &'static str,
}

const fn brand(
    name: &'static str,
    aliases: &'static [&'static str],
    country: &'static str,
    badge: &'static str,
) -> Brand {
    Brand { name, aliases, country, badge }
}

/// Every make Turntable knows, alphabetically.
pub const BRANDS: &[Brand] = &[
    brand("Alfa Romeo", &["alfa"], "Italy", "round badge split into a red cross on white and a green serpent on blue"),
    brand("AMC", &["american motors", "amc"], "United States", "red, white and blue rectangular AMC emblem"),
    brand("Aston Martin", &["aston"], "United Kingdom", "pair of outstretched wings with the Aston Martin wordmark"),
    brand("Audi", &["audy"], "Germany", "four interlocking silver rings"),
    brand("Bentley", &[], "United Kingdom", "winged B badge"),
    brand("BMW", &["bmv", "beemer", "bimmer"], "Germany", "roundel quartered in blue and white with a black ring"),
    brand("Buick", &["buik"], "United States", "three shields in a circle"),
    brand("BYD", &[], "China", "BYD lettering in an oval"),
    brand("Cadillac", &["caddy", "cadilac"], "United States", "crest-shaped shield badge"),
    brand("Chevrolet", &["chevy", "chevroelt", "chevrolete", "chevrolt"], "United States", "gold bowtie badge"),
    brand("Chrysler", &["chrystler"], "United States", "silver winged Chrysler wordmark"),
    brand("Citroën", &["citroen", "citreon"], "France", "double chevron badge"),
    brand("Cupra", &[], "Spain", "copper tribal triangular badge"),
    brand("Dacia", &[], "Romania", "interlocking D and C chain badge"),
    brand("Datsun", &["datson"], "Japan", "Datsun wordmark across a blue and red disc"),
    brand("Dodge", &["dodg"], "United States", "Dodge wordmark with two red stripes"),
    brand("Ferrari", &["ferari"], "Italy", "black prancing horse on a yellow shield"),
    brand("Fiat", &["fiatt"], "Italy", "FIAT lettering in a red-rimmed roundel"),
    brand("Ford", &["frd"], "United States", "blue oval with the Ford script"),
    brand("Genesis", &[], "South Korea", "winged shield badge"),
    brand("GMC", &[], "United States", "red GMC block letters"),
    brand("Honda", &["hunda"], "Japan", "chrome upright H badge"),
    brand("Hyundai", &["hyndai", "hundai", "hyunday"], "South Korea", "slanted chrome H in an oval"),
    brand("Infiniti", &["infinity"], "Japan", "oval badge with a road vanishing to a point"),
    brand("Jaguar", &["jag"], "United Kingdom", "leaping jaguar and growler badge"),
    brand("Jeep", &[], "United States", "Jeep wordmark and seven-slot grille"),
    brand("Kia", &["kia motors"], "South Korea", "stylised KIA wordmark"),
    brand("Lada", &["лада", "vaz", "ваз"], "Russia", "sailing boat in an oval"),
    brand("Land Rover", &["landrover", "range rover"], "United Kingdom", "green oval with the Land Rover script"),
    brand("Lexus", &[], "Japan", "stylised L in an oval"),
    brand("Mazda", &["maxda", "madza", "mazada"], "Japan", "winged M in an oval"),
    brand("Mercedes-Benz", &["mercedes", "merc", "benz", "mercedes benz", "mercedez"], "Germany", "three-pointed star in a ring"),
    brand("Mercury", &["mercury"], "United States", "Mercury wordmark with a stylised split badge"),
    brand("Mini", &["mini cooper"], "United Kingdom", "MINI lettering between wings"),
    brand("Mitsubishi", &["mitsubishi motors", "mitsubushi"], "Japan", "three red diamonds"),
    brand("Nissan", &["nisan"], "Japan", "Nissan wordmark across a circle"),
    brand("Oldsmobile", &["olds"], "United States", "stylised rocket in an oval"),
    brand("Opel", &["vauxhall opel"], "Germany", "lightning bolt in a ring"),
    brand("Peugeot", &["pugeot", "peugot"], "France", "lion's head on a shield"),
    brand("Plymouth", &["plymoth"], "United States", "sailing ship emblem"),
    brand("Pontiac", &["pontiak"], "United States", "red downward arrowhead"),
    brand("Porsche", &["porshe", "porche"], "Germany", "crest with a prancing horse and antlers on a gold shield"),
    brand("Renault", &["renalut", "reanult"], "France", "hollow diamond badge"),
    brand("Saab", &[], "Sweden", "griffin head in a blue roundel"),
    brand("SEAT", &["seat"], "Spain", "stylised S badge"),
    brand("Škoda", &["skoda", "shkoda"], "Czech Republic", "winged arrow in a circle"),
    brand("Subaru", &["subura"], "Japan", "six stars of the Pleiades on a blue oval"),
    brand("Suzuki", &["suzuky"], "Japan", "red stylised S"),
    brand("Tesla", &[], "United States", "stylised T shaped like a motor cross-section"),
    brand("Toyota", &["toyouta", "toyta", "toyoda"], "Japan", "three overlapping ovals"),
    brand("Triumph", &["triumf"], "United Kingdom", "Triumph wordmark on a laurel badge"),
    brand("Volkswagen", &["vw", "vokswagen", "volkswagon", "volkswagen", "vw golf"], "Germany", "V over W in a circle"),
    brand("Volvo", &["volvo cars"], "Sweden", "iron mark: circle with an arrow, and a diagonal grille bar"),
];

/// Finds a make by its name, an alias or a common misspelling, ignoring case, spacing and
/// accents. Returns `None` for an unknown make rather than guessing.
pub fn brand_by_name(text: &str) -> Option<&'static Brand> {
    let key = fold_key(text);
    if key.is_empty() {
        return None;
    }
    BRANDS
        .iter()
        .find(|b| fold_key(b.name) == key || b.aliases.iter().any(|a| fold_key(a) == key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_aliases_and_typos() {
        let cases = [
            ("vw", "Volkswagen"),
            ("chevy", "Chevrolet"),
            ("mercedes", "Mercedes-Benz"),
            ("maxda", "Mazda"),
            ("toyouta", "Toyota"),
            ("vokswagen", "Volkswagen"),
            ("chevroelt", "Chevrolet"),
            ("Skoda", "Škoda"),
            ("ŠKODA", "Škoda"),
            ("citroen", "Citroën"),
            ("  land  rover ", "Land Rover"),
        ];
        for (text, want) in cases {
            assert_eq!(brand_by_name(text).map(|b| b.name), Some(want), "{text}");
        }
        assert_eq!(brand_by_name("Zastava Koral"), None);
        assert_eq!(brand_by_name(""), None);
    }

    #[test]
    fn names_are_unique_after_folding() {
        for (i, a) in BRANDS.iter().enumerate() {
            for b in &BRANDS[i + 1..] {
                assert_ne!(fold_key(a.name), fold_key(b.name));
            }
        }
    }
}
