//! Turntable's browser module. `plan(spec)` turns a car spec into a series of shots without
//! touching the network; `new Studio({ endpoint }).generate(spec, options)` requests every
//! shot's image from the Turntable worker at once and reports each shot as it lands.

mod error;
mod fetch;
mod series;
mod studio;
mod timer;
mod types;

use wasm_bindgen::prelude::*;

pub use studio::Studio;

use crate::error::spec_error;
use crate::types::{PlanInput, current_year, to_js};

/// Talc instead of Rust's default wasm allocator: the module is about 2.6 KB smaller gzipped.
#[cfg(target_family = "wasm")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(start)]
fn start() {
    prepare();
}

/// Panics reported on the console, and Unicode work done with the browser's own tables.
/// Both are set once; every input also passes through here (see `PlanInput::read`), so the
/// module is ready even where the start function does not run, as in test harnesses.
pub(crate) fn prepare() {
    console_error_panic_hook::set_once();
    turntable_core::set_unicode_host(unicode);
}

/// `String.prototype.normalize` and `toLowerCase`, so the module need not carry the tables.
fn unicode(text: &str, how: turntable_core::Transform) -> String {
    use turntable_core::Transform;
    let text = js_sys::JsString::from(text);
    let done = match how {
        Transform::Nfc => text.normalize("NFC"),
        Transform::Nfd => text.normalize("NFD"),
        Transform::Lowercase => text.to_lower_case(),
    };
    String::from(done)
}

/// Plans a series: session id, and for each angle its seed and prompt. No network.
#[wasm_bindgen(unchecked_return_type = "Plan")]
pub fn plan(
    #[wasm_bindgen(unchecked_param_type = "SpecInput")] spec: JsValue,
) -> Result<JsValue, JsValue> {
    let input = PlanInput::read(&spec)?;
    let plan = input.plan(current_year()).map_err(spec_error)?;
    to_js(&plan)
}

/// Checks every field of a spec at once, for forms: `{ notes, errors: [{ code, field,
/// message }] }`. Never throws for a bad spec; `plan` is what refuses one.
#[wasm_bindgen(js_name = checkSpec, unchecked_return_type = "SpecCheck")]
pub fn check_spec(
    #[wasm_bindgen(unchecked_param_type = "SpecInput")] spec: JsValue,
) -> Result<JsValue, JsValue> {
    #[derive(serde::Serialize)]
    struct SpecCheck {
        notes: Vec<turntable_core::Note>,
        errors: Vec<turntable_core::SpecError>,
    }
    let input = PlanInput::read(&spec)?;
    let (notes, errors) = turntable_core::check(&input.spec, current_year());
    to_js(&SpecCheck { notes, errors })
}

/// The catalogue of camera angles: id, label, camera wording and whether it is exterior.
#[wasm_bindgen(unchecked_return_type = "Angle[]")]
pub fn angles() -> Result<JsValue, JsValue> {
    to_js(turntable_core::ANGLES)
}

/// The embedded brand catalogue, for suggestions: name, country and badge.
#[wasm_bindgen(unchecked_return_type = "Brand[]")]
pub fn brands() -> Result<JsValue, JsValue> {
    to_js(turntable_core::BRANDS)
}

/// The supported body type ids.
#[wasm_bindgen(js_name = bodyTypes, unchecked_return_type = "string[]")]
pub fn body_types() -> Result<JsValue, JsValue> {
    let ids: Vec<&str> = turntable_core::BODY_TYPES
        .iter()
        .map(|(_, id, _)| *id)
        .collect();
    to_js(&ids)
}
