//! The plain-Rust heart of Turntable: what a car *spec* is, how it is validated and
//! normalised, the catalogue of camera *angles*, and how a *series* of *shots* is planned
//! (session id, one seed per shot, and prompts that describe the same car in every angle).
//!
//! Nothing here touches the network, the browser or the Worker runtime, so the same code
//! runs natively in tests and as wasm32 in both the browser module and the edge Worker.

mod angle;
mod body;
mod brand;
mod brands;
mod color;
mod error;
#[cfg(test)]
mod fixtures;
mod generation;
mod plan;
mod prompt;
mod score;
mod seed;
mod spec;
mod text;

pub use angle::{ANGLES, Angle, angle_by_id};
pub use body::{BODY_TYPES, BodyType};
pub use brand::{
    BRANDS, Brand, BrandLookup, BrandMatch, MIN_TYPO_LEN, brand_by_name, resolve_brand,
};
pub use color::Color;
pub use error::{ErrorCode, SpecError};
pub use generation::{GENERATIONS, Generation, generation_of};
pub use plan::{Plan, PlannedShot, plan, plan_with_session};
pub use prompt::{Enrichment, PromptLimit};
pub use score::{Score, ScoreItem, score};
pub use seed::{SessionId, seed_for};
pub use spec::{
    MAX_ANGLE, MAX_ANGLES, MAX_BODY, MAX_BRAND, MAX_COLOR, MAX_MODEL, MAX_YEAR, Note, Spec,
    SpecInput, YearInput, check, max_year,
};
pub use text::{Transform, UnicodeHost, preview, set_unicode_host};
