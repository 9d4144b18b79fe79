//! The quality score of a planned series, 0 to 100, with a reason for every point lost.
//!
//! Points: relevance 40 (each prompt names brand, model, year, colour and body type),
//! consistency 30 (one identity block in every prompt, distinct seeds), angles 15 (each
//! prompt carries its own camera wording and no other's), length 10 (within the provider
//! limit) and enrichment 5 (used when there was some).

use serde::Serialize;

use crate::angle::ANGLES;
use crate::plan::Plan;
use crate::prompt::{ENRICHMENT_MARK, Enrichment, PromptLimit};

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
    let items = vec![
        relevance(plan),
        consistency(plan),
        angles(plan),
        length(plan, limit),
        enrichment_used(plan, enrichment),
    ];
    let total = items.iter().map(|i| i.points).sum();
    Score { total, items }
}

/// Points for a criterion given how many of `checks` failed, with their reasons.
fn item(criterion: &'static str, max: u32, checks: usize, lost: Vec<String>) -> ScoreItem {
    let failed = lost.len().min(checks) as u32;
    let points = if checks == 0 { max } else { max - max * failed / checks as u32 };
    ScoreItem { criterion, points, max, lost }
}

fn relevance(plan: &Plan) -> ScoreItem {
    let spec = &plan.spec;
    let year = spec.year.to_string();
    let color = spec.color.original.as_str();
    let words = [&spec.brand[..], &spec.model[..], &year[..], color, spec.body_type.phrase()];

    let mut lost = Vec::new();
    for shot in &plan.shots {
        let missing: Vec<&str> = words.iter().copied().filter(|w| !shot.prompt.contains(w)).collect();
        if !missing.is_empty() {
            lost.push(format!("{} prompt lacks {}", shot.angle, missing.join(", ")));
        }
    }
    item("relevance", 40, plan.shots.len(), lost)
}

fn consistency(plan: &Plan) -> ScoreItem {
    let mut lost = Vec::new();
    for shot in plan.shots.iter().filter(|s| !s.prompt.contains(&plan.identity)) {
        lost.push(format!("{} prompt lacks the identity block", shot.angle));
    }
    for (i, shot) in plan.shots.iter().enumerate() {
        if plan.shots[..i].iter().any(|s| s.seed == shot.seed) {
            lost.push(format!("{} repeats an earlier seed", shot.angle));
        }
        if shot.seed > 0x7fff_ffff {
            lost.push(format!("{} seed is out of range", shot.angle));
        }
        if shot.prompt.contains(&plan.session_id.to_string()) {
            lost.push(format!("{} prompt contains the session id", shot.angle));
        }
    }
    item("consistency", 30, plan.shots.len(), lost)
}

fn angles(plan: &Plan) -> ScoreItem {
    let mut lost = Vec::new();
    for shot in &plan.shots {
        for angle in ANGLES {
            let present = shot.prompt.contains(angle.camera);
            if angle.id == shot.angle && !present {
                lost.push(format!("{} prompt lacks its camera wording", shot.angle));
            } else if angle.id != shot.angle && present {
                lost.push(format!("{} prompt carries the {} wording", shot.angle, angle.id));
            }
        }
    }
    item("angles", 15, plan.shots.len(), lost)
}

fn length(plan: &Plan, limit: PromptLimit) -> ScoreItem {
    let lost = plan
        .shots
        .iter()
        .map(|s| (s.angle, s.prompt.chars().count()))
        .filter(|(_, n)| *n > limit.0)
        .map(|(angle, n)| format!("{angle} prompt has {n} characters, over {}", limit.0))
        .collect();
    item("length", 10, plan.shots.len(), lost)
}

fn enrichment_used(plan: &Plan, enrichment: &Enrichment) -> ScoreItem {
    if enrichment.section().is_none() {
        return item("enrichment", 5, 0, Vec::new());
    }
    let lost = plan
        .shots
        .iter()
        .filter(|s| !s.prompt.contains(ENRICHMENT_MARK))
        .map(|s| format!("{} prompt leaves out the search enrichment", s.angle))
        .collect();
    item("enrichment", 5, plan.shots.len(), lost)
}
