//! Planning a series: from a spec to one prompt and one seed per angle, under one session id.

use serde::Serialize;

use crate::error::SpecError;
use crate::prompt::{Enrichment, PromptLimit, identity, negative_prompt, shot_prompt};
use crate::score::{Score, score_plan};
use crate::seed::{SessionId, series_seeds};
use crate::spec::{Note, Spec, SpecInput};

/// One planned shot: the angle, its seed and its prompt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlannedShot {
    pub angle: &'static str,
    pub label: &'static str,
    pub seed: u32,
    pub prompt: String,
}

/// A planned series: everything needed to request its images, and nothing random left.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub session_id: SessionId,
    pub spec: Spec,
    pub identity: String,
    pub negative_prompt: String,
    pub shots: Vec<PlannedShot>,
    pub notes: Vec<Note>,
    pub score: Score,
}

/// Plans a new series under a fresh random session id.
pub fn plan(
    input: &SpecInput,
    current_year: u16,
    enrichment: &Enrichment,
    limit: PromptLimit,
) -> Result<Plan, SpecError> {
    plan_with_session(input, SessionId::random(), current_year, enrichment, limit)
}

/// Plans the series of `session`: the same input and session give the same plan, byte for
/// byte, which is how a series is replayed.
pub fn plan_with_session(
    input: &SpecInput,
    session: SessionId,
    current_year: u16,
    enrichment: &Enrichment,
    limit: PromptLimit,
) -> Result<Plan, SpecError> {
    let mut notes = Vec::new();
    let spec = Spec::parse(input, current_year, &mut notes)?;

    let identity = identity(&spec);
    let extra = enrichment.section();
    let ids: Vec<&str> = spec.angles.iter().map(|a| a.id).collect();
    let seeds = series_seeds(session, &ids);

    let shots = spec
        .angles
        .iter()
        .zip(seeds)
        .map(|(angle, seed)| PlannedShot {
            angle: angle.id,
            label: angle.label,
            seed,
            prompt: shot_prompt(&identity, angle, extra.as_deref(), limit),
        })
        .collect();

    let mut plan = Plan {
        session_id: session,
        negative_prompt: negative_prompt(&spec),
        spec,
        identity,
        shots,
        notes,
        score: Score::default(),
    };
    plan.score = score_plan(&plan, extra.is_some(), limit);
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prompt::CONSISTENCY;

    use crate::fixtures::maxda_input as input;

    #[test]
    fn every_prompt_names_the_car_and_shares_the_identity() {
        let plan = plan(
            &input(),
            2026,
            &Enrichment::default(),
            PromptLimit::default(),
        )
        .unwrap();
        assert_eq!(
            plan.identity,
            "A 2021 Mazda CX-30, a crossover SUV painted Soul Red Crystal (red). \
             This is the first-generation CX-30 (2019–present). Mazda badge: winged M in an oval."
        );
        for shot in &plan.shots {
            assert!(shot.prompt.starts_with(&plan.identity), "{}", shot.prompt);
            for word in ["Mazda", "CX-30", "2021", "Soul Red Crystal", "crossover"] {
                assert!(
                    shot.prompt.contains(word),
                    "{word} missing in {}",
                    shot.prompt
                );
            }
            assert!(!shot.prompt.contains(&plan.session_id.to_string()));
        }
        assert_eq!(plan.score.total, 100, "{:?}", plan.score);
    }

    #[test]
    fn exact_prompt_for_front() {
        let session = SessionId::parse("6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f").unwrap();
        let plan = plan_with_session(
            &input(),
            session,
            2026,
            &Enrichment::default(),
            PromptLimit::default(),
        )
        .unwrap();
        assert_eq!(plan.shots[0].seed, 1_394_493_403);
        assert_eq!(
            plan.shots[0].prompt,
            "A 2021 Mazda CX-30, a crossover SUV painted Soul Red Crystal (red). \
             This is the first-generation CX-30 (2019–present). Mazda badge: winged M in an oval. \
             Keep this exact car in every view of the series: same make, model, year, colour, body and trim, same wheels and badges. \
             View: straight-on front view at headlight height, whole car centred. \
             Professional automotive photograph, soft studio lighting, plain light-grey background, photorealistic, sharp focus."
        );
    }

    #[test]
    fn replay_is_byte_for_byte() {
        let session = SessionId::random();
        let e = Enrichment::default();
        let a = plan_with_session(&input(), session, 2026, &e, PromptLimit::default()).unwrap();
        let b = plan_with_session(&input(), session, 2026, &e, PromptLimit::default()).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn enrichment_is_cut_before_anything_else() {
        let e = Enrichment {
            logo: Some("winged M".into()),
            captions: vec!["word ".repeat(200)],
        };
        let limit = PromptLimit(700);
        let plan = plan(&input(), 2026, &e, limit).unwrap();
        for shot in &plan.shots {
            assert!(shot.prompt.chars().count() <= 700, "{}", shot.prompt.len());
            assert!(shot.prompt.starts_with(&plan.identity));
            assert!(shot.prompt.contains("Reference notes: logo: winged M."));
            assert!(shot.prompt.ends_with("word"), "{}", shot.prompt);
        }
    }

    #[test]
    fn a_limit_below_identity_and_angle_keeps_them_whole() {
        let e = Enrichment {
            logo: Some("winged M".into()),
            captions: vec![],
        };
        let plan = plan(&input(), 2026, &e, PromptLimit(50)).unwrap();
        for (shot, angle) in plan.shots.iter().zip(&plan.spec.angles) {
            let want = format!("{} {CONSISTENCY} View: {}.", plan.identity, angle.camera);
            assert_eq!(shot.prompt, want);
        }
        let points: Vec<u32> = plan.score.items.iter().map(|i| i.points).collect();
        assert_eq!((plan.score.total, points), (85, vec![40, 30, 15, 0, 0]));
    }

    #[test]
    fn serialises_in_camel_case() {
        let session = SessionId::parse("6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f").unwrap();
        let e = Enrichment::default();
        let plan = plan_with_session(&input(), session, 2026, &e, PromptLimit::SHORT).unwrap();
        let json = serde_json::to_value(&plan).unwrap();

        let keys = |v: &serde_json::Value| -> Vec<String> {
            v.as_object().unwrap().keys().cloned().collect()
        };
        let cases = [
            (
                &json,
                vec![
                    "identity",
                    "negativePrompt",
                    "notes",
                    "score",
                    "sessionId",
                    "shots",
                    "spec",
                ],
            ),
            (&json["shots"][0], vec!["angle", "label", "prompt", "seed"]),
            (&json["notes"][0], vec!["field", "from", "to"]),
            (&json["score"], vec!["items", "total"]),
            (
                &json["score"]["items"][0],
                vec!["criterion", "lost", "max", "points"],
            ),
            (
                &json["spec"],
                vec![
                    "angles",
                    "bodyType",
                    "brand",
                    "color",
                    "generation",
                    "model",
                    "year",
                ],
            ),
        ];
        for (value, want) in cases {
            assert_eq!(keys(value), want);
        }
        assert_eq!(json["sessionId"], "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f");
        assert_eq!(json["shots"][0]["angle"], "front");
        assert_eq!(json["shots"][0]["seed"], 1_394_493_403);
        assert_eq!(
            json["notes"][0],
            serde_json::json!({"field": "brand", "from": "maxda", "to": "Mazda"})
        );
        assert_eq!(
            json["spec"]["generation"],
            "first-generation CX-30 (2019–present)"
        );
        assert_eq!(json["spec"]["bodyType"], "crossover");
    }
}
