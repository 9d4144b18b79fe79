//! Prompts: one identity block per series, repeated verbatim in every shot's prompt, the
//! angle's camera wording, and optional enrichment from search in a marked, bounded section.

use serde::{Deserialize, Serialize};

use crate::angle::Angle;
use crate::spec::Spec;
use crate::text::{char_len, clean, cut_at_word};

/// The clause that ties every prompt of a series to the same car.
pub const CONSISTENCY: &str = "Keep this exact car in every view of the series: same make, model, year, colour, body and trim, same wheels and badges.";

/// The style every shot shares, so that lighting and background do not vary between angles.
pub const STYLE: &str = "Professional automotive photograph, soft studio lighting, plain light-grey background, photorealistic, sharp focus.";

/// Marks the start of the optional enrichment section.
pub const ENRICHMENT_MARK: &str = "Reference notes:";

/// Longest enrichment section before any provider limit applies, in characters.
pub const MAX_ENRICHMENT: usize = 600;

/// Facts found by search that may sharpen the prompts; all optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Enrichment {
    /// A description of the make's logo from a search.
    pub logo: Option<String>,
    /// Captions of reference photos of the model.
    pub captions: Vec<String>,
}

impl Enrichment {
    /// The bounded, marked section, or `None` when there is nothing to add.
    pub fn section(&self) -> Option<String> {
        let mut parts: Vec<String> = Vec::new();
        if let Some(logo) = self.logo.as_deref().map(clean).filter(|s| !s.is_empty()) {
            parts.push(format!("logo: {logo}."));
        }
        for caption in self
            .captions
            .iter()
            .map(|c| clean(c))
            .filter(|c| !c.is_empty())
        {
            parts.push(format!("photo: {caption}."));
        }
        let joined = parts.join(" ");
        let body = whole_items(cut_at_word(&joined, MAX_ENRICHMENT));
        (!body.is_empty()).then(|| format!("{ENRICHMENT_MARK} {body}"))
    }
}

/// Drops labels left with nothing after them ("logo:") at the end of cut enrichment.
fn whole_items(mut text: &str) -> &str {
    while text.ends_with(':') {
        text = text.rfind(' ').map_or("", |space| text[..space].trim_end());
    }
    text
}

/// The longest prompt a target provider accepts, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PromptLimit(pub usize);

impl PromptLimit {
    /// 1,000 characters: the tightest limit among the supported image providers.
    pub const SHORT: Self = Self(1000);
    /// 4,000 characters: providers that read long prompts.
    pub const LONG: Self = Self(4000);
}

impl Default for PromptLimit {
    /// The tightest limit, so that a plan suits every provider.
    fn default() -> Self {
        Self::SHORT
    }
}

/// The identity block of a series: built once from the spec and repeated verbatim.
pub fn identity(spec: &Spec) -> String {
    let mut text = format!(
        "A {} {} {}, a {} painted {}.",
        spec.year,
        spec.brand,
        spec.model,
        spec.body_type.phrase(),
        spec.color.phrase()
    );
    if let Some(generation) = spec.generation {
        text.push_str(&format!(" This is the {}.", generation.label()));
    }
    if let Some(brand) = spec.known_brand {
        text.push_str(&format!(" {} badge: {}.", brand.name, brand.badge));
    }
    text
}

/// The prompt of one shot: identity, consistency clause, the angle's camera wording, the
/// shared style and the enrichment, in that order. To stay within `limit`, the enrichment is
/// cut first (at a word boundary), then the style is left out. The identity, the clause and
/// the angle are never cut: when they alone pass the limit, the prompt is exactly those three
/// and the plan's score reports the excess.
pub fn shot_prompt(
    identity: &str,
    angle: &Angle,
    enrichment: Option<&str>,
    limit: PromptLimit,
) -> String {
    let extra_len = enrichment.map_or(0, str::len);
    let mut prompt = String::with_capacity(identity.len() + 400 + extra_len);
    for part in [identity, " ", CONSISTENCY, " View: ", angle.camera, "."] {
        prompt.push_str(part);
    }

    let used = char_len(&prompt) + 1 + char_len(STYLE);
    if used > limit.0 {
        return prompt;
    }
    prompt.push(' ');
    prompt.push_str(STYLE);

    let Some(extra) = enrichment else {
        return prompt;
    };
    let kept = whole_items(cut_at_word(extra, limit.0.saturating_sub(used + 1)));
    if kept.len() > ENRICHMENT_MARK.len() {
        prompt.push(' ');
        prompt.push_str(kept);
    }
    prompt
}

/// What no shot of the series should show.
pub fn negative_prompt(spec: &Spec) -> String {
    format!(
        "other car makes or models, badges or logos of brands other than {}, text, captions, watermarks, licence plate numbers, people, distorted or mismatched wheels, extra doors, a different colour than {}",
        spec.brand,
        spec.color.phrase()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::angle::angle_by_id;
    use crate::spec::{Note, SpecInput, YearInput};

    const IDENTITY: &str = "A 2021 Mazda CX-30.";
    const EXTRA: &str = "Reference notes: logo: winged M. photo: red CX-30 parked.";

    fn spec(brand: &str, model: &str, year: f64) -> Spec {
        let input = SpecInput {
            brand: brand.into(),
            model: model.into(),
            year: YearInput::Number(year),
            color: "Soul Red Crystal".into(),
            body_type: "crossover".into(),
            angles: vec!["front".into()],
        };
        Spec::parse(&input, 2026, &mut Vec::<Note>::new()).unwrap()
    }

    #[test]
    fn identity_names_the_car_its_era_and_badge() {
        let cases = [
            (
                "maxda",
                "CX-30",
                2021.0,
                "A 2021 Mazda CX-30, a crossover SUV painted Soul Red Crystal (red). This is the first-generation CX-30 (2019–present). Mazda badge: winged M in an oval.",
            ),
            (
                "Mazda",
                "CX-5",
                2021.0,
                "A 2021 Mazda CX-5, a crossover SUV painted Soul Red Crystal (red). Mazda badge: winged M in an oval.",
            ),
            (
                "Zastava",
                "Koral",
                1988.0,
                "A 1988 Zastava Koral, a crossover SUV painted Soul Red Crystal (red).",
            ),
        ];
        for (brand, model, year, want) in cases {
            assert_eq!(identity(&spec(brand, model, year)), want);
        }
    }

    #[test]
    fn limit_drops_enrichment_then_style_and_never_the_core() {
        let front = angle_by_id("front").unwrap();
        let core = format!("{IDENTITY} {CONSISTENCY} View: {}.", front.camera);
        let full = format!("{core} {STYLE}");
        let logo_only = format!("{full} Reference notes: logo: winged M.");
        let (core_len, full_len) = (core.chars().count(), full.chars().count());

        let cases = [
            (PromptLimit::LONG.0, format!("{full} {EXTRA}")),
            (full_len + 1 + EXTRA.len(), format!("{full} {EXTRA}")),
            (
                full_len + EXTRA.len(),
                format!("{full} Reference notes: logo: winged M. photo: red CX-30"),
            ),
            (logo_only.chars().count(), logo_only),
            (full_len + 1 + ENRICHMENT_MARK.len() + 5, full.clone()),
            (full_len + 1 + ENRICHMENT_MARK.len() + 6, full.clone()),
            (full_len + 1 + ENRICHMENT_MARK.len() + 12, full.clone()),
            (
                full_len + 1 + ENRICHMENT_MARK.len() + 13,
                format!("{full} Reference notes: logo: winged"),
            ),
            (full_len, full.clone()),
            (full_len - 1, core.clone()),
            (core_len, core.clone()),
            (core_len - 1, core.clone()),
            (0, core.clone()),
        ];
        for (limit, want) in cases {
            let got = shot_prompt(IDENTITY, front, Some(EXTRA), PromptLimit(limit));
            assert_eq!(got, want, "limit {limit}");
        }
    }

    #[test]
    fn cut_enrichment_keeps_whole_words_and_characters() {
        let front = angle_by_id("front").unwrap();
        let extra = "Reference notes: photo: Škoda Octavia 🚗🚗 in Praha.";
        let full = shot_prompt(IDENTITY, front, None, PromptLimit::LONG);
        let full_len = full.chars().count();
        let cases = [
            (
                full_len + 1 + 37,
                format!("{full} Reference notes: photo: Škoda Octavia"),
            ),
            (
                full_len + 1 + 39,
                format!("{full} Reference notes: photo: Škoda Octavia"),
            ),
            (
                full_len + 1 + 40,
                format!("{full} Reference notes: photo: Škoda Octavia 🚗🚗"),
            ),
            (
                full_len + 1 + 42,
                format!("{full} Reference notes: photo: Škoda Octavia 🚗🚗"),
            ),
        ];
        for (limit, want) in cases {
            assert_eq!(
                shot_prompt(IDENTITY, front, Some(extra), PromptLimit(limit)),
                want,
                "{limit}"
            );
        }
    }

    #[test]
    fn enrichment_section_is_marked_cleaned_and_bounded() {
        let cases = [
            (Enrichment::default(), None),
            (
                Enrichment {
                    logo: Some(" \u{0} ".into()),
                    captions: vec![String::new()],
                },
                None,
            ),
            (
                Enrichment {
                    logo: Some(" winged\u{7} M ".into()),
                    captions: vec![String::new(), "red\nCX-30".into()],
                },
                Some("Reference notes: logo: winged M. photo: red CX-30.".to_owned()),
            ),
        ];
        for (enrichment, want) in cases {
            assert_eq!(enrichment.section(), want);
        }

        let unbroken = Enrichment {
            logo: Some("x".repeat(700)),
            captions: vec![],
        };
        assert_eq!(unbroken.section(), None);
        let dangling = Enrichment {
            logo: Some("winged M".into()),
            captions: vec!["y".repeat(700)],
        };
        assert_eq!(
            dangling.section().as_deref(),
            Some("Reference notes: logo: winged M.")
        );

        let long = Enrichment {
            logo: None,
            captions: vec!["word ".repeat(500)],
        };
        let section = long.section().unwrap();
        assert_eq!(
            section.chars().count(),
            ENRICHMENT_MARK.len() + 1 + 7 + 118 * 5 - 1
        );
        assert!(section.ends_with(" word"));
    }
}
