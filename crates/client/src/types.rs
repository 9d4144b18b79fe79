//! What crosses the JS boundary: inputs read field by field, results written as plain objects
//! with camelCase keys (never `Map` or `BigInt`), and the TypeScript types that describe them.

use js_sys::{Array, Reflect};
use serde::Serialize;
use turntable_core::{Enrichment, Plan, PromptLimit, SessionId, SpecError, SpecInput, YearInput};
use wasm_bindgen::prelude::*;

use crate::error::js_error;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export type AngleId = "front" | "front-three-quarter" | "front-three-quarter-right" | "side"
  | "side-right" | "rear" | "rear-three-quarter" | "rear-three-quarter-right" | "top"
  | "interior" | "rear-seats" | "wheel";

/** A field left out or null counts as empty, for `checkSpec` to name (handy for forms). */
export interface SpecInput {
  brand?: string | null;
  model?: string | null;
  year?: number | string | null;
  color?: string | null;
  bodyType?: string | null;
  angles?: (AngleId | string)[] | null;
  /** Replays the series of this session id: same seeds, same prompts. `generate`'s
   * `sessionId` option, when given, wins over it. */
  sessionId?: string | null;
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

export type ShotStatus = "ok" | "fallback" | "failed";
export interface ShotError { code: string; message: string }
export interface Shot extends PlannedShot {
  status: ShotStatus;
  /** An object URL of the image, valid for the life of the page. */
  image: string | null;
  /** The upstream that drew the image ("embedded" for the built-in renderer). */
  provider: string | null;
  /** "hit" or "miss" in the worker's cache; "none" for the embedded renderer, never cached. */
  cache: string | null;
  ms: number;
  error: ShotError | null;
}
export interface Series {
  sessionId: string; spec: Spec; identity: string; negativePrompt: string;
  notes: Note[]; score: Score; shots: Shot[]; ms: number;
}
export interface StudioOptions { endpoint: string }
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
pub struct PlanInput {
    pub spec: SpecInput,
    pub session_id: Option<String>,
}

impl PlanInput {
    /// Reads a spec object field by field. A field left out (or `null`) is empty, for the
    /// spec's own checks to name; a field of the wrong type is an `invalid_input` error
    /// naming it. Read by hand rather than with serde, which keeps a deserializer and its
    /// number formatting out of the module.
    pub fn read(value: &JsValue) -> Result<Self, JsValue> {
        crate::prepare();
        if !value.is_object() {
            return Err(js_error(
                "invalid_input",
                None,
                "the spec must be an object",
            ));
        }
        let text = |key| read_text(value, key).map(Option::unwrap_or_default);
        let spec = SpecInput {
            brand: text("brand")?,
            model: text("model")?,
            year: read_year(value)?,
            color: text("color")?,
            body_type: text("bodyType")?,
            angles: read_angles(value)?,
        };
        let session_id = read_text(value, "sessionId")?;
        Ok(Self { spec, session_id })
    }

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

/// `object[key]`, or `None` when it is absent or `null`.
fn field(object: &JsValue, key: &str) -> Option<JsValue> {
    let value = Reflect::get(object, &key.into()).ok()?;
    (!value.is_undefined() && !value.is_null()).then_some(value)
}

fn wrong_type(key: &str, wanted: &str) -> JsValue {
    js_error(
        "invalid_input",
        Some(key),
        &format!("{key} must be {wanted}"),
    )
}

fn read_text(object: &JsValue, key: &str) -> Result<Option<String>, JsValue> {
    field(object, key)
        .map(|value| value.as_string().ok_or_else(|| wrong_type(key, "a string")))
        .transpose()
}

fn read_year(object: &JsValue) -> Result<YearInput, JsValue> {
    let Some(value) = field(object, "year") else {
        return Ok(YearInput::default());
    };
    if let Some(number) = value.as_f64() {
        return Ok(YearInput::Number(number));
    }
    value
        .as_string()
        .map(YearInput::Text)
        .ok_or_else(|| wrong_type("year", "a number or a string"))
}

fn read_angles(object: &JsValue) -> Result<Vec<String>, JsValue> {
    let Some(value) = field(object, "angles") else {
        return Ok(Vec::new());
    };
    let wanted = || wrong_type("angles", "an array of strings");
    if !Array::is_array(&value) {
        return Err(wanted());
    }
    Array::from(&value)
        .iter()
        .map(|angle| angle.as_string().ok_or_else(wanted))
        .collect()
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
