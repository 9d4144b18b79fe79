//! Text hygiene shared by every field: Unicode normalisation, control characters, spacing,
//! look-up keys, and length limits that never split a character or a word.

use std::borrow::Cow;
use std::sync::OnceLock;

/// The Unicode work that needs Unicode's data tables: the two normal forms Turntable uses
/// (NFC for text it keeps, NFD, accents split from their letters, for look-up keys) and
/// lower case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transform {
    Nfc,
    Nfd,
    Lowercase,
}

/// Does a [`Transform`] with tables the host already has. A browser has them
/// (`String.prototype.normalize`, `toLowerCase`), so the browser module leaves the
/// `unicode-tables` feature off and supplies one: some 70 KB less wasm.
pub type UnicodeHost = fn(&str, Transform) -> String;

static HOST: OnceLock<UnicodeHost> = OnceLock::new();

/// Installs the host every later call uses; `false` if one was installed already.
/// Without one, the `unicode-tables` feature's tables are used or, with that feature off,
/// text keeps the form it came in and only ASCII letters change case.
pub fn set_unicode_host(host: UnicodeHost) -> bool {
    HOST.set(host).is_ok()
}

/// `text` transformed, borrowed when nothing would change.
fn transform(text: &str, how: Transform) -> Cow<'_, str> {
    // No character below U+0300 is changed by NFC, and no ASCII one by NFD.
    let unchanged = match how {
        Transform::Nfc => text.chars().all(|c| c < '\u{0300}'),
        Transform::Nfd => text.is_ascii(),
        Transform::Lowercase => false,
    };
    if unchanged {
        return Cow::Borrowed(text);
    }
    if let Some(host) = HOST.get() {
        return Cow::Owned(host(text, how));
    }
    builtin(text, how)
}

#[cfg(feature = "unicode-tables")]
fn builtin(text: &str, how: Transform) -> Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    match how {
        Transform::Nfc if is_nfc_quick(text.chars()) == IsNormalized::Yes => text.into(),
        Transform::Nfc => text.nfc().collect::<String>().into(),
        Transform::Nfd => text.nfd().collect::<String>().into(),
        Transform::Lowercase => text.to_lowercase().into(),
    }
}

#[cfg(not(feature = "unicode-tables"))]
fn builtin(text: &str, how: Transform) -> Cow<'_, str> {
    match how {
        Transform::Nfc | Transform::Nfd => text.into(),
        Transform::Lowercase => text.to_ascii_lowercase().into(),
    }
}

/// Normalises free text typed by a person: NFC, control characters dropped, runs of
/// whitespace collapsed to one space, trimmed.
pub fn clean(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    push_clean(&mut out, transform(raw, Transform::Nfc).chars());
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
    let decomposed = transform(text, Transform::Nfd);
    transform(&decomposed, Transform::Lowercase)
        .chars()
        .filter(|c| c.is_alphanumeric())
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
        // Whole-string lower-casing writes a word-final sigma as ς; keys use one sigma.
        'ς' => 'σ',
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
            ("ΣΟΦΙΑΣ", "σοφιασ"),
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
