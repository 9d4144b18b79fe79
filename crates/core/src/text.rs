//! Text hygiene shared by every field: Unicode normalisation, control characters, spacing
//! and length limits that never split a character.

use unicode_normalization::UnicodeNormalization;

/// Normalises free text typed by a person: NFC, control characters dropped, runs of
/// whitespace collapsed to one space, trimmed.
pub fn clean(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;

    for ch in raw.nfc() {
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
        } else if !ch.is_control() && !is_invisible_format(ch) {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(ch);
        }
    }
    out
}

/// Bidirectional overrides and similar format characters can reorder what a prompt says
/// without being visible, so they are removed along with control characters.
fn is_invisible_format(ch: char) -> bool {
    matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}' | '\u{FEFF}')
}

/// A lower-case key for catalogue look-ups: letters and digits only, accents folded.
pub fn fold_key(text: &str) -> String {
    text.nfd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(fold_letter)
        .collect()
}

/// Folds the few letters that NFD does not split into base letter and accent.
fn fold_letter(ch: char) -> char {
    match ch {
        'ø' => 'o',
        'ł' => 'l',
        'đ' => 'd',
        'ß' => 's',
        'æ' => 'a',
        'œ' => 'o',
        _ => ch,
    }
}

/// Number of characters (not bytes) in `text`.
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// Cuts `text` to at most `max` characters at a word boundary, never inside a character.
pub fn cut_at_word(text: &str, max: usize) -> &str {
    if char_len(text) <= max {
        return text;
    }
    let end = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    match head.rfind(' ') {
        Some(space) => head[..space].trim_end(),
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_normalises_and_strips() {
        let cases = [
            ("  Mazda \t CX-30 ", "Mazda CX-30"),
            ("Sko\u{0301}da", "Skóda"),
            ("a\u{0000}b\u{0007}c", "abc"),
            ("\u{202E}evil", "evil"),
            ("Лада Нива", "Лада Нива"),
            ("🚗 red", "🚗 red"),
            ("", ""),
        ];
        for (raw, want) in cases {
            assert_eq!(clean(raw), want, "clean({raw:?})");
        }
    }

    #[test]
    fn fold_key_removes_case_accents_and_punctuation() {
        let cases = [("Škoda", "skoda"), ("Citroën", "citroen"), ("Mercedes-Benz", "mercedesbenz")];
        for (raw, want) in cases {
            assert_eq!(fold_key(raw), want);
        }
    }

    #[test]
    fn cut_at_word_keeps_whole_words_and_chars() {
        assert_eq!(cut_at_word("alpha beta gamma", 12), "alpha beta");
        assert_eq!(cut_at_word("alpha beta", 50), "alpha beta");
        assert_eq!(cut_at_word("ééé ééé", 5), "ééé");
        assert_eq!(cut_at_word("🚗🚗🚗", 2), "");
    }
}
