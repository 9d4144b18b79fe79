//! Text taken from upstream answers, made safe to pass on: markup and control characters
//! removed, entities decoded, whitespace collapsed, length bounded.

/// `raw` as plain text of at most `max` characters, cut at a word when it can be.
pub fn plain(raw: &str, max: usize) -> String {
    let mut out = String::with_capacity(raw.len().min(max * 4));
    let mut in_tag = false;
    for c in decode_entities(raw).chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            c if c.is_control() || c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
    }
    let words: Vec<&str> = out.split_whitespace().collect();
    cut(&words.join(" "), max)
}

/// At most `max` characters of `text`, ending at a word boundary when one is near.
pub fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let head: String = text.chars().take(max).collect();
    match head.rfind(' ') {
        Some(space) if space > head.len() / 2 => head[..space].to_owned(),
        _ => head,
    }
}

fn decode_entities(raw: &str) -> String {
    const ENTITIES: &[(&str, &str)] = &[
        ("&amp;", "&"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&#x27;", "'"),
        ("&nbsp;", " "),
    ];
    let mut text = raw.replace("&lt;", "\u{2039}").replace("&gt;", "\u{203a}");
    for (entity, plain) in ENTITIES {
        text = text.replace(entity, plain);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text() {
        let cases: &[(&str, usize, &str)] = &[
            ("<b>Lada</b>  logo\n", 50, "Lada logo"),
            (
                "Citro&amp;ën &quot;chevrons&quot;",
                50,
                "Citro&ën \"chevrons\"",
            ),
            ("a\u{0}b\u{7}c", 50, "a b c"),
            ("one two three four", 12, "one two"),
            ("Лада 🚗", 50, "Лада 🚗"),
            ("&lt;script&gt;", 50, "\u{2039}script\u{203a}"),
        ];
        for (raw, max, want) in cases {
            assert_eq!(plain(raw, *max), *want, "{raw:?}");
        }
    }
}
