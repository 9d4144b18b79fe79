//! Text hygiene shared by every field: Unicode normalisation, control characters, spacing,
//! look-up keys, and length limits that never split a character or a word.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Normalises free text typed by a person: NFC, control characters dropped, runs of
/// whitespace collapsed to one space, trimmed.
pub fn clean(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    if is_nfc_quick(raw.chars()) == IsNormalized::Yes {
        push_clean(&mut out, raw.chars());
    } else {
        push_clean(&mut out, raw.nfc());
    }
    out
}

/// Appends the printable characters of `chars` to `out`, one space between words.
fn push_clean(out: &mut String, chars: impl Iterator<Item = char>) {
    let mut pending_space = false;
    for ch in chars {
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
}

/// Bidirectional overrides and similar format characters can reorder what a prompt says
/// without being visible, so they are removed along with control characters.
fn is_invisible_format(ch: char) -> bool {
    matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}' | '\u{FEFF}')
}

/// A lower-case key for catalogue look-ups: letters and digits only, accents folded.
pub fn fold_key(text: &str) -> String {
    if text.is_ascii() {
        return text
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
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
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// Cuts `text` to at most `max` characters at a word boundary, never inside a character.
pub fn cut_at_word(text: &str, max: usize) -> &str {
    if char_len(text) <= max {
        return text;
    }
    let end = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    if text[end..].starts_with(' ') {
        return text[..end].trim_end();
    }
    match text[..end].rfind(' ') {
        Some(space) => text[..space].trim_end(),
        None => "",
    }
}

/// A short, quoted preview of a value for error messages: at most `max` characters of
/// escaped text between the quotes, with an ellipsis when cut, however strange the value.
pub fn preview(text: &str, max: usize) -> String {
    let mut shown = String::from("\"");
    let mut width = 0;
    for ch in text.chars() {
        let escaped = ch.escape_debug();
        width += escaped.len();
        if width > max {
            shown.push_str("\"…");
            return shown;
        }
        shown.extend(escaped);
    }
    shown.push('"');
    shown
}

/// Whether `a` and `b` differ by at most one edit: one character inserted, deleted or
/// replaced, or two neighbouring characters swapped.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }

    let head = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if head == short.len() {
        return true;
    }
    if short.len() < long.len() {
        return short[head..] == long[head + 1..];
    }
    let replaced = short[head + 1..] == long[head + 1..];
    let swapped = head + 1 < short.len()
        && short[head] == long[head + 1]
        && short[head + 1] == long[head]
        && short[head + 2..] == long[head + 2..];
    replaced || swapped
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
            ("line\nbreak\r\nhere", "line break here"),
            ("\u{200B}\u{FEFF}", ""),
            ("", ""),
        ];
        for (raw, want) in cases {
            assert_eq!(clean(raw), want, "clean({raw:?})");
        }
    }

    #[test]
    fn fold_key_removes_case_accents_and_punctuation() {
        let cases = [
            ("Škoda", "skoda"),
            ("Citroën", "citroen"),
            ("Mercedes-Benz", "mercedesbenz"),
            ("  Land  Rover ", "landrover"),
            ("ID.4", "id4"),
            ("Лада", "лада"),
            ("Łada Ø", "ladao"),
            ("🚗", ""),
        ];
        for (raw, want) in cases {
            assert_eq!(fold_key(raw), want, "fold_key({raw:?})");
        }
    }

    #[test]
    fn cut_at_word_keeps_whole_words_and_chars() {
        let cases = [
            ("alpha beta gamma", 12, "alpha beta"),
            ("alpha beta gamma", 10, "alpha beta"),
            ("alpha beta gamma", 11, "alpha beta"),
            ("alpha beta", 50, "alpha beta"),
            ("ééé ééé", 5, "ééé"),
            ("🚗🚗🚗", 2, ""),
            ("alpha", 0, ""),
        ];
        for (text, max, want) in cases {
            assert_eq!(cut_at_word(text, max), want, "cut_at_word({text:?}, {max})");
        }
    }

    #[test]
    fn preview_quotes_and_shortens() {
        assert_eq!(preview("Mazda", 10), "\"Mazda\"");
        assert_eq!(preview("abcdef", 3), "\"abc\"…");
        assert_eq!(preview("a\u{0}b", 10), "\"a\\0b\"");
        assert_eq!(preview("\u{3347a}\u{3347a}", 12), "\"\\u{3347a}\"…");
        assert_eq!(preview("Škoda", 5), "\"Škoda\"");
    }

    #[test]
    fn one_edit_covers_the_four_kinds_of_typo() {
        let cases = [
            ("mazda", "maxda", true),
            ("toyota", "toyouta", true),
            ("toyota", "toyta", true),
            ("chevrolet", "chevroelt", true),
            ("mazda", "mazda", true),
            ("mazda", "madaz", false),
            ("mazda", "mazdaxx", false),
            ("skoda", "šcoda", false),
            ("", "a", true),
        ];
        for (a, b, want) in cases {
            assert_eq!(within_one_edit(a, b), want, "{a} / {b}");
            assert_eq!(within_one_edit(b, a), want, "{b} / {a}");
        }
    }
}
