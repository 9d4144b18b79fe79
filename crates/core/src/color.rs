//! Colours: free text as typed, mapped where possible to a canonical colour word for the
//! prompt and an sRGB value for the embedded renderer.

use std::sync::OnceLock;

use serde::Serialize;

use crate::text::fold_key;

/// Canonical colours with their sRGB value and the words, in several languages, that mean
/// them or are commonly used for them in paint names.
static PALETTE: &[(&str, [u8; 3], &[&str])] = &[
    (
        "white",
        [0xf2, 0xf2, 0xf0],
        &[
            "pearl",
            "ivory",
            "snow",
            "alpine",
            "glacier",
            "cream",
            "weiss",
            "weiß",
            "blanc",
            "blanco",
            "bianco",
            "branco",
            "biały",
            "белый",
        ],
    ),
    (
        "black",
        [0x16, 0x16, 0x18],
        &[
            "onyx",
            "obsidian",
            "jet",
            "ebony",
            "midnight",
            "schwarz",
            "noir",
            "negro",
            "nero",
            "preto",
            "czarny",
            "черный",
        ],
    ),
    (
        "silver",
        [0xb8, 0xbc, 0xc2],
        &[
            "platinum",
            "chrome",
            "aluminium",
            "aluminum",
            "silber",
            "argent",
            "plata",
            "argento",
            "prata",
            "серебристый",
        ],
    ),
    (
        "grey",
        [0x6e, 0x72, 0x78],
        &[
            "gray",
            "graphite",
            "gunmetal",
            "titanium",
            "slate",
            "charcoal",
            "nardo",
            "grau",
            "gris",
            "grigio",
            "cinza",
            "szary",
            "серый",
        ],
    ),
    (
        "red",
        [0xb3, 0x12, 0x1b],
        &[
            "crimson",
            "scarlet",
            "ruby",
            "cherry",
            "maroon",
            "burgundy",
            "soulred",
            "rot",
            "rouge",
            "rojo",
            "rosso",
            "vermelho",
            "czerwony",
            "красный",
        ],
    ),
    (
        "blue",
        [0x1f, 0x4e, 0xa8],
        &[
            "navy",
            "azure",
            "cobalt",
            "sapphire",
            "teal",
            "cyan",
            "blau",
            "bleu",
            "azul",
            "blu",
            "niebieski",
            "синий",
            "голубой",
        ],
    ),
    (
        "green",
        [0x2b, 0x6e, 0x3a],
        &[
            "olive",
            "emerald",
            "lime",
            "racinggreen",
            "forest",
            "grün",
            "vert",
            "verde",
            "zielony",
            "зеленый",
        ],
    ),
    (
        "yellow",
        [0xf0, 0xc4, 0x1b],
        &[
            "gold",
            "golden",
            "mustard",
            "gelb",
            "jaune",
            "amarillo",
            "giallo",
            "amarelo",
            "żółty",
            "желтый",
        ],
    ),
    (
        "orange",
        [0xe8, 0x6a, 0x17],
        &[
            "amber",
            "copper",
            "tangerine",
            "arancione",
            "naranja",
            "laranja",
            "оранжевый",
        ],
    ),
    (
        "brown",
        [0x6b, 0x45, 0x2b],
        &[
            "bronze",
            "chocolate",
            "mocha",
            "braun",
            "marron",
            "marrone",
            "marrom",
            "brązowy",
            "коричневый",
        ],
    ),
    (
        "beige",
        [0xd8, 0xc8, 0xa8],
        &["sand", "champagne", "tan", "khaki", "бежевый"],
    ),
    (
        "purple",
        [0x5b, 0x2a, 0x86],
        &[
            "violet",
            "plum",
            "magenta",
            "lila",
            "violett",
            "viola",
            "morado",
            "roxo",
            "фиолетовый",
        ],
    ),
    (
        "pink",
        [0xe8, 0x8c, 0xb4],
        &["rose", "fuchsia", "rosa", "różowy", "розовый"],
    ),
];

/// The grey the renderer uses for a colour it cannot place.
const UNKNOWN_RGB: [u8; 3] = [0x8a, 0x8f, 0x96];

/// A colour as the user typed it, with the canonical word and sRGB value when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Color {
    /// The colour as typed (cleaned of control characters).
    pub original: String,
    /// The canonical colour word, when the text names or resembles one.
    pub canonical: Option<&'static str>,
    /// `#rrggbb` used by the embedded renderer.
    pub hex: String,
}

/// A folded palette word: which palette entry it means and whether it is the entry's name.
struct Word {
    key: String,
    entry: usize,
    is_name: bool,
}

/// Every palette name and synonym, folded and sorted; built on first use.
fn words() -> &'static [Word] {
    static WORDS: OnceLock<Vec<Word>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = Vec::new();
        for (entry, (name, _, synonyms)) in PALETTE.iter().enumerate() {
            words.push(Word {
                key: fold_key(name),
                entry,
                is_name: true,
            });
            for s in *synonyms {
                words.push(Word {
                    key: fold_key(s),
                    entry,
                    is_name: false,
                });
            }
        }
        // Every word is unique (a test checks it), so the cheaper unstable sort will do.
        words.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        words
    })
}

fn word(key: &str) -> Option<&'static Word> {
    let words = words();
    words
        .binary_search_by(|w| w.key.as_str().cmp(key))
        .ok()
        .map(|i| &words[i])
}

impl Color {
    /// Reads a colour from free text: a palette word, a `#rgb` / `#rrggbb` code mapped to the
    /// nearest palette colour, or a paint name containing palette words ("Soul Red Crystal",
    /// "Midnight Blue"), where a colour's own name beats a synonym and the last word wins.
    pub fn parse(original: &str) -> Self {
        if let Some(rgb) = parse_hex(original) {
            return Self::new(original, Some(nearest(rgb)), rgb);
        }
        match word(&fold_key(original))
            .map(|w| w.entry)
            .or_else(|| entry_in_words(original))
        {
            Some(entry) => Self::new(original, Some(PALETTE[entry].0), PALETTE[entry].1),
            None => Self::new(original, None, UNKNOWN_RGB),
        }
    }

    fn new(original: &str, canonical: Option<&'static str>, rgb: [u8; 3]) -> Self {
        let hex = format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]);
        Self {
            original: original.to_owned(),
            canonical,
            hex,
        }
    }

    /// The words a prompt uses: "Soul Red Crystal (red)", or the text alone when it already
    /// is the canonical word or none is known; a hex code gives the canonical word.
    pub fn phrase(&self) -> String {
        match self.canonical {
            Some(name) if fold_key(&self.original) != name && !self.original.starts_with('#') => {
                format!("{} ({name})", self.original)
            }
            Some(name) => name.to_owned(),
            None => self.original.clone(),
        }
    }
}

/// The palette entry named by the words of a paint name, if any.
fn entry_in_words(text: &str) -> Option<usize> {
    let found: Vec<&Word> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| word(&fold_key(w)))
        .collect();
    let name = found.iter().rev().find(|w| w.is_name);
    name.or_else(|| found.last()).map(|w| w.entry)
}

fn parse_hex(text: &str) -> Option<[u8; 3]> {
    let digits = text.trim().strip_prefix('#')?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let value = |s: &str| u8::from_str_radix(s, 16).ok();
    match digits.len() {
        6 => Some([
            value(&digits[0..2])?,
            value(&digits[2..4])?,
            value(&digits[4..6])?,
        ]),
        3 => Some([
            value(&digits[0..1])? * 17,
            value(&digits[1..2])? * 17,
            value(&digits[2..3])? * 17,
        ]),
        _ => None,
    }
}

/// The palette colour closest to `rgb`.
fn nearest(rgb: [u8; 3]) -> &'static str {
    let distance = |p: [u8; 3]| -> i32 {
        (0..3)
            .map(|i| (i32::from(p[i]) - i32::from(rgb[i])).pow(2))
            .sum()
    };
    PALETTE
        .iter()
        .min_by_key(|(_, p, _)| distance(*p))
        .map_or("grey", |(name, _, _)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words are sorted without regard to order among equals, so none may repeat.
    #[test]
    fn every_word_is_unique() {
        for pair in words().windows(2) {
            assert_ne!(pair[0].key, pair[1].key);
        }
    }

    #[test]
    fn maps_names_synonyms_and_hex() {
        let cases = [
            ("red", Some("red"), "red"),
            ("Soul Red Crystal", Some("red"), "Soul Red Crystal (red)"),
            ("Gray", Some("grey"), "Gray (grey)"),
            ("Nardo Grey", Some("grey"), "Nardo Grey (grey)"),
            ("Midnight Blue", Some("blue"), "Midnight Blue (blue)"),
            ("Pearl White", Some("white"), "Pearl White (white)"),
            ("Black Cherry", Some("black"), "Black Cherry (black)"),
            (
                "British Racing Green",
                Some("green"),
                "British Racing Green (green)",
            ),
            ("Blue-Grey", Some("grey"), "Blue-Grey (grey)"),
            ("Obsidian", Some("black"), "Obsidian (black)"),
            ("Rosso Corsa", Some("red"), "Rosso Corsa (red)"),
            ("Weiß", Some("white"), "Weiß (white)"),
            ("#ffffff", Some("white"), "white"),
            ("#00f", Some("blue"), "blue"),
            ("#e0529c", Some("pink"), "pink"),
            ("синий", Some("blue"), "синий (blue)"),
            ("#12345", None, "#12345"),
            ("#ééé", None, "#ééé"),
            ("🦄 shimmer", None, "🦄 shimmer"),
        ];
        for (text, canonical, phrase) in cases {
            let color = Color::parse(text);
            assert_eq!(color.canonical, canonical, "{text}");
            assert_eq!(color.phrase(), phrase, "{text}");
        }
    }

    #[test]
    fn hex_keeps_exact_value_for_rendering() {
        let cases = [
            ("#12AB34", "#12ab34"),
            ("#abc", "#aabbcc"),
            ("red", "#b3121b"),
            ("plaid", "#8a8f96"),
        ];
        for (text, hex) in cases {
            assert_eq!(Color::parse(text).hex, hex, "{text}");
        }
    }

    #[test]
    fn every_word_means_one_colour() {
        for pair in words().windows(2) {
            assert_ne!(pair[0].key, pair[1].key);
        }
    }
}
