//! The quality score of a planned series, 0 to 100, with a reason for every point lost.
//!
//! Points: relevance 40 (the identity block and each prompt name brand, model, year, colour
//! (as the prompt words it: "Soul Red Crystal (red)", or "blue" for `#1f4ea8`) and body type), consistency 30 (every prompt carries the identity block and the
//! consistency clause, seeds are distinct and in range, no prompt leaks the session id, the
//! negative prompt names the make), angles 15 (each prompt carries its own camera wording
//! and no other's), length 10 (within the provider limit) and enrichment 5 (used when there
//! was some).
//!
//! Each criterion checks units: one per shot, plus one for the whole series where it says
//! so. A failing unit costs its share of the criterion's points rounded up, so no failure is
//! free, and a series without shots fails every shot check.

use std::sync::OnceLock;

use serde::Serialize;

use crate::angle::{ANGLES, angle_by_id};
use crate::plan::Plan;
use crate::prompt::{CONSISTENCY, ENRICHMENT_MARK, Enrichment, PromptLimit};

/// One scored criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreItem {
    pub criterion: &'static str,
    pub points: u32,
    pub max: u32,
    /// Why points were lost; empty when the criterion scored in full.
    pub lost: Vec<String>,
}

/// A series' score and its breakdown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Score {
    pub total: u32,
    pub items: Vec<ScoreItem>,
}

/// Scores a planned series against the rubric above.
pub fn score(plan: &Plan, enrichment: &Enrichment, limit: PromptLimit) -> Score {
    score_plan(plan, enrichment.section().is_some(), limit)
}

/// Scores a planned series, told whether search gave any enrichment.
pub(crate) fn score_plan(plan: &Plan, had_enrichment: bool, limit: PromptLimit) -> Score {
    let identity = Phrase::new(&plan.identity);
    let holds_identity: Vec<bool> = plan
        .shots
        .iter()
        .map(|s| identity.is_in(&s.prompt))
        .collect();
    let items = vec![
        relevance(plan, &holds_identity),
        consistency(plan, &holds_identity),
        angles(plan),
        length(plan, limit),
        enrichment_used(plan, had_enrichment),
    ];
    let total = items.iter().map(|i| i.points).sum();
    Score { total, items }
}

/// Searches for the fixed phrases of every prompt, prepared once.
struct Fixed {
    cameras: Vec<Phrase<'static>>,
    consistency: Phrase<'static>,
    enrichment: Phrase<'static>,
}

fn fixed() -> &'static Fixed {
    static FIXED: OnceLock<Fixed> = OnceLock::new();
    FIXED.get_or_init(|| Fixed {
        cameras: ANGLES.iter().map(|a| Phrase::new(a.camera)).collect(),
        consistency: Phrase::new(CONSISTENCY),
        enrichment: Phrase::new(ENRICHMENT_MARK),
    })
}

/// A fixed phrase looked for in many prompts. Natively it is prepared once for memchr's
/// fast substring search, which keeps planning fast; in wasm the standard library's search
/// does, which keeps memchr's code out of the browser module.
#[cfg(not(target_arch = "wasm32"))]
struct Phrase<'a>(memchr::memmem::Finder<'a>);

#[cfg(not(target_arch = "wasm32"))]
impl<'a> Phrase<'a> {
    fn new(phrase: &'a str) -> Self {
        Self(memchr::memmem::Finder::new(phrase))
    }

    fn is_in(&self, text: &str) -> bool {
        self.0.find(text.as_bytes()).is_some()
    }
}

#[cfg(target_arch = "wasm32")]
struct Phrase<'a>(&'a str);

#[cfg(target_arch = "wasm32")]
impl<'a> Phrase<'a> {
    fn new(phrase: &'a str) -> Self {
        Self(phrase)
    }

    fn is_in(&self, text: &str) -> bool {
        text.contains(self.0)
    }
}

/// Which units of one criterion failed, and why.
struct Tally {
    failed: Vec<bool>,
    lost: Vec<String>,
}

impl Tally {
    /// One unit per shot of `plan` and `series` units for the series as a whole.
    fn new(plan: &Plan, series: usize) -> Self {
        let mut tally = Self {
            failed: vec![false; plan.shots.len() + series],
            lost: Vec::new(),
        };
        if plan.shots.is_empty() {
            tally.failed.push(true);
            tally.lost.push("series has no shots".to_owned());
        }
        tally
    }

    fn fail(&mut self, unit: usize, reason: String) {
        self.failed[unit] = true;
        self.lost.push(reason);
    }

    fn finish(self, criterion: &'static str, max: u32) -> ScoreItem {
        let units = self.failed.len() as u32;
        let failed = self.failed.iter().filter(|f| **f).count() as u32;
        let lost = if units == 0 {
            0
        } else {
            (max * failed).div_ceil(units)
        };
        ScoreItem {
            criterion,
            points: max - lost,
            max,
            lost: self.lost,
        }
    }
}

fn relevance(plan: &Plan, holds_identity: &[bool]) -> ScoreItem {
    let spec = &plan.spec;
    let year = spec.year.to_string();
    let color = spec.color.phrase();
    let words = [
        &spec.brand[..],
        &spec.model[..],
        &year[..],
        &color[..],
        spec.body_type.phrase(),
    ];
    let in_identity = words.map(|w| plan.identity.contains(w));

    let mut tally = Tally::new(plan, 1);
    for (unit, shot) in plan.shots.iter().enumerate() {
        // A word of the identity block is in every prompt that holds the whole block.
        let known = |i: usize| holds_identity[unit] && in_identity[i];
        let absent = words
            .iter()
            .enumerate()
            .filter(|(i, w)| !known(*i) && !shot.prompt.contains(*w));
        let lacks: Vec<&str> = absent.map(|(_, w)| *w).collect();
        if !lacks.is_empty() {
            tally.fail(
                unit,
                format!("{} prompt lacks {}", shot.angle, lacks.join(", ")),
            );
        }
    }
    let lacks: Vec<&str> = words
        .iter()
        .zip(in_identity)
        .filter(|(_, i)| !i)
        .map(|(w, _)| *w)
        .collect();
    if !lacks.is_empty() {
        tally.fail(
            plan.shots.len(),
            format!("identity block lacks {}", lacks.join(", ")),
        );
    }
    tally.finish("relevance", 40)
}

fn consistency(plan: &Plan, holds_identity: &[bool]) -> ScoreItem {
    let session = plan.session_id.to_string();
    let session = Phrase::new(&session);
    let mut tally = Tally::new(plan, 1);
    for (unit, shot) in plan.shots.iter().enumerate() {
        let angle = shot.angle;
        if !holds_identity[unit] {
            tally.fail(unit, format!("{angle} prompt lacks the identity block"));
        }
        if !fixed().consistency.is_in(&shot.prompt) {
            tally.fail(unit, format!("{angle} prompt lacks the consistency clause"));
        }
        if let Some(earlier) = plan.shots[..unit].iter().find(|s| s.seed == shot.seed) {
            tally.fail(
                unit,
                format!("{angle} repeats the seed of {}", earlier.angle),
            );
        }
        if shot.seed > 0x7fff_ffff {
            tally.fail(unit, format!("{angle} seed {} is out of range", shot.seed));
        }
        if session.is_in(&shot.prompt) {
            tally.fail(unit, format!("{angle} prompt contains the session id"));
        }
    }
    series_consistency(plan, &mut tally);
    tally.finish("consistency", 30)
}

/// The series-wide consistency checks: a real identity block and a negative prompt that
/// keeps other makes out.
fn series_consistency(plan: &Plan, tally: &mut Tally) {
    let unit = plan.shots.len();
    if plan.identity.trim().is_empty() {
        tally.fail(unit, "identity block is empty".to_owned());
    }
    if !plan.negative_prompt.contains(&plan.spec.brand) {
        tally.fail(
            unit,
            format!("negative prompt does not name {}", plan.spec.brand),
        );
    }
}

fn angles(plan: &Plan) -> ScoreItem {
    let mut tally = Tally::new(plan, 0);
    for (unit, shot) in plan.shots.iter().enumerate() {
        let id = shot.angle;
        if angle_by_id(id).is_none_or(|a| a.id != id) {
            tally.fail(unit, format!("{id} is not a catalogue angle"));
        }
        if plan.shots[..unit].iter().any(|s| s.angle == id) {
            tally.fail(unit, format!("{id} appears twice in the series"));
        }
        for (angle, camera) in ANGLES.iter().zip(&fixed().cameras) {
            let present = camera.is_in(&shot.prompt);
            if angle.id == id && !present {
                tally.fail(unit, format!("{id} prompt lacks its camera wording"));
            } else if angle.id != id && present {
                tally.fail(
                    unit,
                    format!("{id} prompt carries the {} wording", angle.id),
                );
            }
        }
    }
    tally.finish("angles", 15)
}

fn length(plan: &Plan, limit: PromptLimit) -> ScoreItem {
    let mut tally = Tally::new(plan, 0);
    for (unit, shot) in plan.shots.iter().enumerate() {
        let n = shot.prompt.chars().count();
        if n > limit.0 {
            tally.fail(
                unit,
                format!("{} prompt has {n} characters, over {}", shot.angle, limit.0),
            );
        }
    }
    tally.finish("length", 10)
}

fn enrichment_used(plan: &Plan, had_enrichment: bool) -> ScoreItem {
    if !had_enrichment {
        return ScoreItem {
            criterion: "enrichment",
            points: 5,
            max: 5,
            lost: Vec::new(),
        };
    }
    let mut tally = Tally::new(plan, 0);
    for (unit, shot) in plan.shots.iter().enumerate() {
        if !fixed().enrichment.is_in(&shot.prompt) {
            tally.fail(
                unit,
                format!("{} prompt leaves out the search enrichment", shot.angle),
            );
        }
    }
    tally.finish("enrichment", 5)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::plan_with_session;
    use crate::seed::SessionId;
    use crate::spec::SpecInput;

    use crate::fixtures::maxda_input as input;

    fn enrichment() -> Enrichment {
        Enrichment {
            logo: Some("winged M".into()),
            captions: vec!["red CX-30 in a car park".into()],
        }
    }

    fn good_plan() -> Plan {
        let session = SessionId::parse("6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f").unwrap();
        plan_with_session(&input(), session, 2026, &enrichment(), PromptLimit::SHORT).unwrap()
    }

    /// Points per criterion, in rubric order, and every reason given.
    fn breakdown(score: &Score) -> (Vec<u32>, Vec<String>) {
        let points = score.items.iter().map(|i| i.points).collect();
        let lost = score.items.iter().flat_map(|i| i.lost.clone()).collect();
        (points, lost)
    }

    #[test]
    fn a_sound_plan_scores_full_marks() {
        let plan = good_plan();
        assert_eq!(breakdown(&plan.score), (vec![40, 30, 15, 10, 5], vec![]));
        assert_eq!(plan.score.total, 100);
        assert_eq!(score(&plan, &enrichment(), PromptLimit::SHORT), plan.score);
    }

    /// A way to break a sound plan by hand.
    type Breakage = fn(&mut Plan);

    #[test]
    fn a_broken_plan_loses_points_with_exact_reasons() {
        let all = "Mazda, CX-30, 2021, Soul Red Crystal (red), crossover SUV";
        let cases: Vec<(Breakage, u32, Vec<u32>, Vec<String>)> = vec![
            (
                |p| p.shots[1].seed = p.shots[0].seed,
                94,
                vec![40, 24, 15, 10, 5],
                vec!["side repeats the seed of front".into()],
            ),
            (
                |p| p.shots[2].seed = 1 << 31,
                94,
                vec![40, 24, 15, 10, 5],
                vec!["rear seed 2147483648 is out of range".into()],
            ),
            (
                |p| p.shots[1].prompt = p.shots[0].prompt.clone(),
                96,
                vec![40, 30, 11, 10, 5],
                vec![
                    "side prompt carries the front wording".into(),
                    "side prompt lacks its camera wording".into(),
                ],
            ),
            (
                |p| p.shots[0].prompt = "A passenger car.".into(),
                80,
                vec![32, 24, 11, 10, 3],
                vec![
                    format!("front prompt lacks {all}"),
                    "front prompt lacks the identity block".into(),
                    "front prompt lacks the consistency clause".into(),
                    "front prompt lacks its camera wording".into(),
                    "front prompt leaves out the search enrichment".into(),
                ],
            ),
            (
                |p| p.identity.clear(),
                86,
                vec![32, 24, 15, 10, 5],
                vec![
                    format!("identity block lacks {all}"),
                    "identity block is empty".into(),
                ],
            ),
            (
                |p| p.negative_prompt.clear(),
                94,
                vec![40, 24, 15, 10, 5],
                vec!["negative prompt does not name Mazda".into()],
            ),
            (
                |p| {
                    p.shots[3]
                        .prompt
                        .push_str(" 6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f")
                },
                94,
                vec![40, 24, 15, 10, 5],
                vec!["interior prompt contains the session id".into()],
            ),
            (
                |p| p.shots[3].angle = "roof",
                96,
                vec![40, 30, 11, 10, 5],
                vec![
                    "roof is not a catalogue angle".into(),
                    "roof prompt carries the interior wording".into(),
                ],
            ),
            (
                |p| p.shots[2].angle = "front",
                96,
                vec![40, 30, 11, 10, 5],
                vec![
                    "front appears twice in the series".into(),
                    "front prompt lacks its camera wording".into(),
                    "front prompt carries the rear wording".into(),
                ],
            ),
            (
                |p| {
                    p.shots
                        .iter_mut()
                        .for_each(|s| s.prompt.truncate(s.prompt.find(" Reference").unwrap()))
                },
                95,
                vec![40, 30, 15, 10, 0],
                vec![
                    "front prompt leaves out the search enrichment".into(),
                    "side prompt leaves out the search enrichment".into(),
                    "rear prompt leaves out the search enrichment".into(),
                    "interior prompt leaves out the search enrichment".into(),
                ],
            ),
            (
                |p| p.shots.clear(),
                35,
                vec![20, 15, 0, 0, 0],
                vec!["series has no shots".into(); 5],
            ),
        ];
        for (i, (breaks, total, points, lost)) in cases.into_iter().enumerate() {
            let mut plan = good_plan();
            breaks(&mut plan);
            let got = score(&plan, &enrichment(), PromptLimit::SHORT);
            assert_eq!(
                (got.total, breakdown(&got)),
                (total, (points, lost)),
                "case {i}"
            );
        }
    }

    #[test]
    fn prompts_over_the_limit_lose_length_points() {
        let plan = good_plan();
        let front = plan.shots[0].prompt.chars().count();
        let got = score(&plan, &enrichment(), PromptLimit(0));
        let item = &got.items[3];
        assert_eq!(
            (item.criterion, item.points, item.lost.len()),
            ("length", 0, 4)
        );
        assert_eq!(
            item.lost[0],
            format!("front prompt has {front} characters, over 0")
        );
    }

    #[test]
    fn any_single_failure_costs_at_least_a_point() {
        let angles: Vec<String> = ANGLES.iter().map(|a| a.id.to_owned()).collect();
        let session = SessionId::parse("6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f").unwrap();
        let input = SpecInput { angles, ..input() };
        let mut plan =
            plan_with_session(&input, session, 2026, &enrichment(), PromptLimit::SHORT).unwrap();
        assert_eq!(plan.score.total, 100);

        let last = plan.shots.last_mut().unwrap();
        last.prompt
            .truncate(last.prompt.find(" Reference").unwrap());
        let got = score(&plan, &enrichment(), PromptLimit::SHORT);
        assert_eq!((got.total, got.items[4].points), (99, 4));
    }
}
