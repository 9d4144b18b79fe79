//! Errors at the JS boundary: real `Error` objects whose message is the Rust text, with a
//! stable `code` (and the spec `field` where one is at fault) for programs to branch on.

use js_sys::{Error, Reflect};
use turntable_core::SpecError;
use wasm_bindgen::JsValue;

/// A JS `Error` carrying `code` and, when given, `field`.
pub fn js_error(code: &str, field: Option<&str>, message: &str) -> JsValue {
    let error = Error::new(message);
    let _ = Reflect::set(&error, &"code".into(), &code.into());
    if let Some(field) = field {
        let _ = Reflect::set(&error, &"field".into(), &field.into());
    }
    error.into()
}

/// A spec that cannot be planned.
pub fn spec_error(err: SpecError) -> JsValue {
    js_error(err.code.as_str(), Some(err.field), &err.to_string())
}

/// An `AbortError`, as `fetch` rejects with when its signal fires.
pub fn abort_error() -> JsValue {
    let error = Error::new("the series was aborted");
    error.set_name("AbortError");
    let _ = Reflect::set(&error, &"code".into(), &"aborted".into());
    error.into()
}
