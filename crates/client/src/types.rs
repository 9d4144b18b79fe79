//! What crosses the JS boundary: inputs read with serde, results written as plain objects
//! with camelCase keys (never `Map` or `BigInt`), and the TypeScript types that describe them.

use serde::Deserialize;
use serde::Serialize;
use turntable_core::{Enrichment, Plan, PromptLimit, SessionId, SpecError, SpecInput};
use wasm_bindgen::prelude::*;

use crate::error::js_error;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export type AngleId = "front" | "front-three-quarter" | "front-three-quarter-right" | "side"
  | "side-right" | "rear" | "rear-three-quarter" | "rear-three-quarter-right" | "top"
  | "interior" | "rear-seats" | "wheel";

export interface SpecInput {
  brand: string;
  model: string;
  year: number | string;
  color: string;
  bodyType: string;
  angles: (AngleId | string)[];
  /** Replays the series of this session id: same seeds, same prompts. */
  sessionId?: string;
}

export interface Note { field: string; from: string; to: string }
export interface SpecError { code: string; field: string; message: string }
export interface SpecCheck { notes: Note[]; errors: SpecError[] }
export interface PlannedShot { angle: string; label: string; seed: number; prompt: string }
export interface ScoreItem { criterion: string; points: number; max: number; lost: string[] }
export interface Score { total: number; items: ScoreItem[] }
export interface Color { original: string; canonical: string | null; hex: string }
export interface Spec {
  brand: string; model: string; year: number; color: Color; bodyType: string; angles: string[];
  /** The model generation in that year, when the catalogue knows it. */
  generation?: string;
}
export interface Plan {
  sessionId: string; spec: Spec; identity: string; negativePrompt: string;
  shots: PlannedShot[]; notes: Note[]; score: Score;
}
export interface Angle { id: string; label: string; camera: string; exterior: boolean }
export interface Brand { name: string; country: string; badge: string }

export type ShotStatus = "pending" | "ok" | "fallback" | "failed";
export interface ShotError { code: string; message: string }
export interface Shot extends PlannedShot {
  status: ShotStatus;
  /** An object URL of the image, valid for the life of the page. */
  image: string | null;
  /** The upstream that drew the image ("embedded" for the built-in renderer). */
  provider: string | null;
  /** "hit", "miss" or "stale", as reported by the worker. */
  cache: string | null;
  ms: number;
  error: ShotError | null;
}
export interface Series {
  sessionId: string; spec: Spec; identity: string; negativePrompt: string;
  notes: Note[]; score: Score; shots: Shot[]; ms: number;
}
export interface StudioOptions { endpoint: string }
/** `generate`'s options may be left out. */
export interface Studio {
  generate(spec: SpecInput, options?: GenerateOptions): Promise<Series>;
}
export interface Progress { done: number; total: number }
export interface GenerateOptions {
  onShot?: (shot: Shot) => void;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
  /** Shots not done by then end as failed with code "timeout". */
  deadlineMs?: number;
  /** Replays the series of this session id. */
  sessionId?: string;
  width?: number;
  height?: number;
}
"#;

/// A spec plus the optional session id to replay.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanInput {
    #[serde(flatten)]
    pub spec: SpecInput,
    #[serde(default)]
    pub session_id: Option<String>,
}

impl PlanInput {
    /// Plans with the given session, or a fresh one.
    pub fn plan(&self, year: u16) -> Result<Plan, SpecError> {
        self.plan_with(year, &Enrichment::default(), self.session_id.as_deref())
    }

    /// Plans with enrichment from search and an explicit session to replay.
    pub fn plan_with(
        &self,
        year: u16,
        extra: &Enrichment,
        session: Option<&str>,
    ) -> Result<Plan, SpecError> {
        let limit = PromptLimit::default();
        match session {
            Some(id) => turntable_core::plan_with_session(
                &self.spec,
                SessionId::parse(id)?,
                year,
                extra,
                limit,
            ),
            None => turntable_core::plan(&self.spec, year, extra, limit),
        }
    }
}

/// Reads a JS value with serde, turning a shape error into an `Error` with code `invalid_input`.
pub fn from_js<T: for<'de> Deserialize<'de>>(value: JsValue) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| js_error("invalid_input", None, &format!("invalid input: {e}")))
}

/// Writes a value as plain JS objects and arrays.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|e| js_error("internal", None, &format!("cannot convert result: {e}")))
}

/// The calendar year now, which bounds the model year.
pub fn current_year() -> u16 {
    js_sys::Date::new_0().get_full_year() as u16
}
