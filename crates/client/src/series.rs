//! The result types of a generated series: one [`Shot`] per angle and the [`Series`].

use serde::Serialize;
use turntable_core::{Note, Plan, PlannedShot, Score, Spec};

/// How one shot ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Drawn by an image provider.
    Ok,
    /// Drawn by the worker's embedded renderer because no provider could.
    Fallback,
    /// No image; `error` says why.
    Failed,
}

/// Why a shot failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShotError {
    pub code: String,
    pub message: String,
}

impl ShotError {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Self {
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

/// One angle's prompt, seed and result.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Shot {
    // The planned shot's fields, written out: serde writes a flattened struct through its
    // map path, which would cost the module a kilobyte of code.
    pub angle: &'static str,
    pub label: &'static str,
    pub seed: u32,
    pub prompt: String,
    pub status: Status,
    pub image: Option<String>,
    pub provider: Option<String>,
    pub cache: Option<String>,
    pub ms: f64,
    pub error: Option<ShotError>,
}

impl Shot {
    /// The planned shot with how it ended, and nothing else yet.
    pub fn ended(planned: PlannedShot, status: Status, ms: f64) -> Self {
        let PlannedShot {
            angle,
            label,
            seed,
            prompt,
        } = planned;
        Self {
            angle,
            label,
            seed,
            prompt,
            status,
            image: None,
            provider: None,
            cache: None,
            ms,
            error: None,
        }
    }

    /// A shot that ended without an image.
    pub fn failed(planned: PlannedShot, ms: f64, error: ShotError) -> Self {
        Self {
            error: Some(error),
            ..Self::ended(planned, Status::Failed, ms)
        }
    }
}

/// Every shot of one session, with the plan they came from.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Series {
    pub session_id: String,
    pub spec: Spec,
    pub identity: String,
    pub negative_prompt: String,
    pub notes: Vec<Note>,
    pub score: Score,
    pub shots: Vec<Shot>,
    pub ms: f64,
}

impl Series {
    pub fn new(plan: Plan, shots: Vec<Shot>, ms: f64) -> Self {
        Self {
            session_id: plan.session_id.to_string(),
            spec: plan.spec,
            identity: plan.identity,
            negative_prompt: plan.negative_prompt,
            notes: plan.notes,
            score: plan.score,
            shots,
            ms,
        }
    }
}
