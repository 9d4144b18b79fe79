//! Colours: free text as typed, mapped where possible to a canonical colour word for the
//! prompt and an sRGB value for the embedded renderer.

use serde::Serialize;

use crate::text::fold_key;

/// Canonical colours with their sRGB value and the words that mean them.
const PALETTE: &[(&str, [u8; 3], &[&str])] = &[
    ("white", [0xf2, 0xf2, 0xf0], &["pearl", "ivory", "snow", "alpine", "glacier", "cream", "белый"]),
    ("black", [0x16, 0x16, 0x18], &["onyx", "obsidian", "jet", "ebony", "midnight", "черный", "чёрный"]),
    ("silver", [0xb8, 0xbc, 0xc2], &["platinum", "chrome", "aluminium", "aluminum", "серебристый"]),
    ("grey", [0x6e, 0x72, 0x78], &["gray", "graphite", "gunmetal", "titanium", "slate", "charcoal", "nardo", "серый"]),
    ("red", [0xb3, 0x12, 0x1b], &["crimson", "scarlet", "ruby", "cherry", "maroon", "burgundy", "rosso", "soulred", "красный"]),
    ("blue", [0x1f, 0x4e, 0xa8], &["navy", "azure", "cobalt", "sapphire", "teal", "cyan", "синий", "голубой"]),
    ("green", [0x2b, 0x6e, 0x3a], &["olive", "emerald", "lime", "racinggreen", "forest", "зеленый", "зелёный"]),
    ("yellow", [0xf0, 0xc4, 0x1b], &["gold", "golden", "mustard", "жёлтый", "желтый"]),
    ("orange", [0xe8, 0x6a, 0x17], &["amber", "copper", "tangerine", "оранжевый"]),
    ("brown", [0x6b, 0x45, 0x2b], &["bronze", "chocolate", "mocha", "коричневый"]),
    ("beige", [0xd8, 0xc8, 0xa8], &["sand", "champagne", "tan", "khaki", "бежевый"]),
    ("purple", [0x5b, 0x2a, 0x86], &["violet", "plum", "magenta", "фиолетовый"]),
];

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

impl Color {
    /// Reads a colour from free text: a palette word, a word containing one ("Soul Red
    /// Crystal"), or a `#rgb` / `#rrggbb` code mapped to the nearest palette colour.
    pub fn parse(original: &str) -> Self {
        if let Some(rgb) = parse_hex(original) {
            let (name, _) = nearest(rgb);
            return Self::new(original, Some(name), rgb);
        }

        let key = fold_key(original);
        let words: Vec<String> = original.split_whitespace().map(fold_key).collect();
        let found = PALETTE.iter().find(|(name, _, synonyms)| {
            *name == key
                || synonyms.iter().any(|s| fold_key(s) == key)
                || words.iter().any(|w| w == name || synonyms.iter().any(|s| fold_key(s) == *w))
        });

        match found {
            Some((name, rgb, _)) => Self::new(original, Some(name), *rgb),
            None => Self::new(original, None, [0x8a, 0x8f, 0x96]),
        }
    }

    fn new(original: &str, canonical: Option<&'static str>, rgb: [u8; 3]) -> Self {
        let hex = format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]);
        Self { original: original.to_owned(), canonical, hex }
    }

    /// The words a prompt uses: "Soul Red Crystal (red)", or the text alone when it already
    /// is the canonical word or none is known.
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

fn parse_hex(text: &str) -> Option<[u8; 3]> {
    let digits = text.trim().strip_prefix('#')?;
    let value = |s: &str| u8::from_str_radix(s, 16).ok();
    match digits.len() {
        6 if digits.is_ascii() => Some([value(&digits[0..2])?, value(&digits[2..4])?, value(&digits[4..6])?]),
        3 if digits.is_ascii() => {
            let d: Vec<u8> = digits.chars().map(|c| c.to_digit(16).map(|v| v as u8 * 17)).collect::<Option<_>>()?;
            Some([d[0], d[1], d[2]])
        }
        _ => None,
    }
}

fn nearest(rgb: [u8; 3]) -> (&'static str, [u8; 3]) {
    let distance = |p: [u8; 3]| -> i32 {
        (0..3).map(|i| (i32::from(p[i]) - i32::from(rgb[i])).pow(2)).sum()
    };
    PALETTE
        .iter()
        .min_by_key(|(_, p, _)| distance(*p))
        .map(|(name, p, _)| (*name, *p))
        .unwrap_or(("grey", rgb))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_names_synonyms_and_hex() {
        let cases = [
            ("red", Some("red"), "red"),
            ("Soul Red Crystal", Some("red"), "Soul Red Crystal (red)"),
            ("Gray", Some("grey"), "Gray (grey)"),
            ("#ffffff", Some("white"), "white"),
            ("#00f", Some("blue"), "blue"),
            ("синий", Some("blue"), "синий (blue)"),
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
        assert_eq!(Color::parse("#12AB34").hex, "#12ab34");
        assert_eq!(Color::parse("red").hex, "#b3121b");
    }
}
