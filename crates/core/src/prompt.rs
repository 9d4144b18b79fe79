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
        for caption in self.captions.iter().map(|c| clean(c)).filter(|c| !c.is_empty()) {
            parts.push(format!("photo: {caption}."));
        }
        if parts.is_empty() {
            return None;
        }
        let body = cut_at_word(&parts.join(" "), MAX_ENRICHMENT).to_owned();
        Some(format!("{ENRICHMENT_MARK} {body}"))
    }
}

/// The longest prompt a target provider accepts, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PromptLimit(pub usize);

impl Default for PromptLimit {
    /// 1,000 characters: the tightest limit among the supported image providers.
    fn default() -> Self {
        Self(1000)
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
    if let Some(brand) = spec.known_brand {
        text.push_str(&format!(" {} badge: {}.", brand.name, brand.badge));
    }
    text
}

/// The prompt of one shot. The identity block and the angle are always kept whole; when the
/// prompt would pass `limit`, the enrichment is cut first, at a word boundary.
pub fn shot_prompt(identity: &str, angle: &Angle, enrichment: Option<&str>, limit: PromptLimit) -> String {
    let core = format!("{identity} {CONSISTENCY} View: {}. {STYLE}", angle.camera);
    let Some(extra) = enrichment else {
        return core;
    };

    let room = limit.0.saturating_sub(char_len(&core) + 1);
    let kept = cut_at_word(extra, room);
    if kept.len() <= ENRICHMENT_MARK.len() {
        return core;
    }
    format!("{core} {kept}")
}

/// What no shot of the series should show.
pub fn negative_prompt(spec: &Spec) -> String {
    format!(
        "other car makes or models, badges or logos of brands other than {}, text, captions, watermarks, licence plate numbers, people, distorted or mismatched wheels, extra doors, a different colour than {}",
        spec.brand,
        spec.color.phrase()
    )
}
