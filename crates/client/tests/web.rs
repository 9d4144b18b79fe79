//! Browser tests of the JS surface, run by `wasm-pack test --headless --chrome` against a
//! Turntable worker whose address is given in `TURNTABLE_ENDPOINT` when the tests are built.

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, JSON, Reflect};
use turntable::{Studio, plan};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn endpoint() -> &'static str {
    match option_env!("TURNTABLE_ENDPOINT") {
        Some(endpoint) => endpoint,
        None => panic!("TURNTABLE_ENDPOINT is not set: run these tests with `cargo xtask test`"),
    }
}

fn fakes() -> &'static str {
    match option_env!("TURNTABLE_FAKE_UPSTREAM") {
        Some(address) => address,
        None => {
            panic!("TURNTABLE_FAKE_UPSTREAM is not set: run these tests with `cargo xtask test`")
        }
    }
}

/// Sets how one fake provider behaves (`tests/fake-upstream`), or resets them all.
async fn control(route: &str, behaviour: &str) {
    let url = format!("{}/_control/{route}", fakes());
    let request = gloo_net::http::Request::post(&url)
        .body(behaviour.to_owned())
        .unwrap();
    let response = request.send().await.expect("the fakes answer");
    assert!(response.ok(), "control {route}: {}", response.status());
}

/// The fakes' counters for one provider.
async fn counters(provider: &str) -> JsValue {
    let url = format!("{}/_control/log", fakes());
    let text = gloo_net::http::Request::get(&url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    get(&get(&json(&text), "counters"), provider)
}

fn json(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

fn text(value: &JsValue, key: &str) -> String {
    get(value, key).as_string().unwrap_or_default()
}

fn items(value: &JsValue, key: &str) -> Vec<JsValue> {
    get(value, key)
        .dyn_into::<Array>()
        .expect("an array")
        .iter()
        .collect()
}

fn studio() -> Studio {
    Studio::new(json(&format!(r#"{{"endpoint":"{}"}}"#, endpoint()))).expect("studio")
}

const MAZDA: &str = r#"{"brand":"maxda","model":"CX-30","year":2021,"color":"Soul Red Crystal",
    "bodyType":"crossover","angles":["front","side","rear"]}"#;

async fn generate(spec: &str, options: JsValue) -> Result<JsValue, JsValue> {
    JsFuture::from(studio().generate(json(spec), Some(options))).await
}

#[wasm_bindgen_test]
fn plan_returns_plain_objects_with_distinct_seeds() {
    let planned = plan(json(MAZDA)).expect("plan");
    assert_eq!(text(&planned, "sessionId").len(), 36);
    let shots = items(&planned, "shots");
    assert_eq!(shots.len(), 3);

    let identity = text(&planned, "identity");
    let seeds: Vec<f64> = shots
        .iter()
        .map(|s| get(s, "seed").as_f64().unwrap())
        .collect();
    for (i, shot) in shots.iter().enumerate() {
        assert!(text(shot, "prompt").contains(&identity));
        assert!(seeds[i] <= 2_147_483_647.0);
        assert!(!seeds[i + 1..].contains(&seeds[i]));
    }
    let notes = items(&planned, "notes");
    assert_eq!(text(&notes[0], "to"), "Mazda");
    assert_eq!(get(&get(&planned, "score"), "total").as_f64(), Some(100.0));
}

#[wasm_bindgen_test]
fn decomposed_text_is_normalised_by_the_browser() {
    // "S" + combining caron, and "e" + combining diaeresis: what some keyboards and
    // copy-pastes produce. The module normalises with the browser's own Unicode tables.
    let spec = r#"{"brand":"S\u030ckoda","model":"Citroe\u0308n C3","year":2020,
        "color":"red","bodyType":"hatchback","angles":["front"]}"#;
    let planned = plan(json(spec)).expect("plan");
    let spec = get(&planned, "spec");
    assert_eq!(text(&spec, "brand"), "\u{160}koda");
    assert_eq!(text(&spec, "model"), "Citro\u{eb}n C3");
    assert!(text(&planned, "identity").contains("\u{160}koda Citro\u{eb}n C3"));
}

#[wasm_bindgen_test]
fn invalid_spec_is_an_error_naming_the_field() {
    let err = plan(json(r#"{"brand":"Mazda","model":"3","year":21,"color":"red","bodyType":"sedan","angles":["front"]}"#))
        .expect_err("a two-digit year is rejected");
    let err: js_sys::Error = err.dyn_into().expect("a real Error");
    assert!(String::from(err.message()).contains("year"));
    assert_eq!(text(&err, "code"), "invalid_year");
    assert_eq!(text(&err, "field"), "year");
}

#[wasm_bindgen_test]
fn a_field_of_the_wrong_type_is_named() {
    let cases = [
        (
            r#"{"brand":7,"model":"3","year":2020,"color":"red","bodyType":"sedan"}"#,
            "brand",
        ),
        (
            r#"{"brand":"Mazda","model":"3","year":true,"color":"red"}"#,
            "year",
        ),
        (
            r#"{"brand":"Mazda","model":"3","year":2020,"angles":"front"}"#,
            "angles",
        ),
        (
            r#"{"brand":"Mazda","model":"3","year":2020,"angles":["front",3]}"#,
            "angles",
        ),
    ];
    for (spec, field) in cases {
        let err = plan(json(spec)).expect_err(spec);
        assert_eq!(text(&err, "code"), "invalid_input", "{spec}");
        assert_eq!(text(&err, "field"), field, "{spec}");
    }
    let err = plan(JsValue::from_str("Mazda 3")).expect_err("not an object");
    assert_eq!(text(&err, "code"), "invalid_input");
    // Left out or null is empty, for the spec's checks to name.
    let err = plan(json(r#"{"brand":null,"model":"3","year":2020,"color":"red","bodyType":"sedan","angles":["front"]}"#))
        .expect_err("no brand");
    assert_eq!(text(&err, "code"), "missing");
    assert_eq!(text(&err, "field"), "brand");
}

#[wasm_bindgen_test]
fn check_spec_lists_every_field_error() {
    let spec = json(
        r#"{"brand":"maxda","model":"","year":"21","color":"red","bodyType":"boat","angles":["front"]}"#,
    );
    let checked = turntable::check_spec(spec).expect("check");
    let fields: Vec<String> = items(&checked, "errors")
        .iter()
        .map(|e| text(e, "field"))
        .collect();
    assert_eq!(fields, ["model", "year", "bodyType"]);
    let codes: Vec<String> = items(&checked, "errors")
        .iter()
        .map(|e| text(e, "code"))
        .collect();
    assert_eq!(codes, ["missing", "invalid_year", "unknown_body_type"]);
    assert_eq!(text(&items(&checked, "notes")[0], "to"), "Mazda");
}

#[wasm_bindgen_test]
fn bad_endpoint_is_rejected() {
    let err = Studio::new(json(r#"{"endpoint":"ftp://example.invalid"}"#))
        .err()
        .expect("rejected");
    assert_eq!(text(&err, "code"), "invalid_endpoint");
}

#[wasm_bindgen_test]
async fn generate_reports_every_shot_as_it_lands() {
    let landed = Array::new();
    let sink = landed.clone();
    let on_shot = Closure::<dyn Fn(JsValue)>::new(move |shot: JsValue| {
        sink.push(&shot);
    });
    let options = js_sys::Object::new();
    Reflect::set(
        &options,
        &"onShot".into(),
        on_shot.as_ref().unchecked_ref::<Function>(),
    )
    .unwrap();

    let series = generate(MAZDA, options.into()).await.expect("series");
    let shots = items(&series, "shots");
    assert_eq!(shots.len(), 3);
    assert_eq!(landed.length(), 3);
    for shot in &shots {
        let status = text(shot, "status");
        assert!(status == "ok" || status == "fallback", "status {status}");
        assert!(text(shot, "image").starts_with("blob:"));
        assert!(!text(shot, "provider").is_empty());
    }
    assert_eq!(text(&series, "sessionId").len(), 36);
}

#[wasm_bindgen_test]
async fn replay_gives_the_same_shots() {
    let first = generate(MAZDA, JsValue::UNDEFINED).await.expect("first");
    let session = text(&first, "sessionId");
    let options = json(&format!(r#"{{"sessionId":"{session}"}}"#));
    let again = generate(MAZDA, options).await.expect("replay");

    assert_eq!(text(&again, "sessionId"), session);
    let seeds = |s: &JsValue| {
        items(s, "shots")
            .iter()
            .map(|x| get(x, "seed").as_f64())
            .collect::<Vec<_>>()
    };
    let prompts = |s: &JsValue| {
        items(s, "shots")
            .iter()
            .map(|x| text(x, "prompt"))
            .collect::<Vec<_>>()
    };
    assert_eq!(seeds(&first), seeds(&again));
    assert_eq!(prompts(&first), prompts(&again));
}

#[wasm_bindgen_test]
async fn unicode_spec_goes_through() {
    let spec = r#"{"brand":"Škoda","model":"Октавия RS — ‏עברית‏ 🚗 /?#%","year":"2020",
        "color":"🚗 red","bodyType":"estate","angles":["front-three-quarter","interior"]}"#;
    let series = generate(spec, JsValue::UNDEFINED).await.expect("series");
    let shots = items(&series, "shots");
    assert_eq!(shots.len(), 2);
    for shot in &shots {
        assert_ne!(text(shot, "status"), "failed", "{:?}", get(shot, "error"));
        assert!(text(shot, "prompt").contains("Октавия RS"));
    }
}

#[wasm_bindgen_test]
async fn abort_rejects_with_abort_error() {
    let controller = web_sys::AbortController::new().unwrap();
    let options = js_sys::Object::new();
    Reflect::set(&options, &"signal".into(), &controller.signal()).unwrap();
    let pending = generate(MAZDA, options.into());
    controller.abort();

    let err = pending.await.expect_err("aborted");
    let err: js_sys::Error = err.dyn_into().expect("a real Error");
    assert_eq!(String::from(err.name()), "AbortError");
}

#[wasm_bindgen_test]
async fn deadline_fails_late_shots_and_keeps_the_series() {
    let series = generate(MAZDA, json(r#"{"deadlineMs":1}"#))
        .await
        .expect("series resolves");
    let shots = items(&series, "shots");
    assert_eq!(shots.len(), 3);
    for shot in &shots {
        assert_eq!(text(shot, "status"), "failed");
        assert_eq!(text(&get(shot, "error"), "code"), "timeout");
    }
}

#[wasm_bindgen_test]
async fn one_failing_angle_degrades_alone() {
    control("reset", "").await;
    // The first image call gets a body that is no image; the next provider then fails for
    // longer than its retries last, so that one shot ends with the embedded renderer.
    control("openai", r#"{"mode":"garbage","times":1}"#).await;
    control("pollinations", r#"{"mode":"fail","times":10}"#).await;

    let series = generate(MAZDA, JsValue::UNDEFINED).await;
    control("reset", "").await;

    let shots = items(&series.expect("the series resolves"), "shots");
    let mut statuses: Vec<String> = shots.iter().map(|s| text(s, "status")).collect();
    statuses.sort();
    assert_eq!(statuses, ["fallback", "ok", "ok"]);
    for shot in &shots {
        assert!(text(shot, "image").starts_with("blob:"));
    }
}

#[wasm_bindgen_test]
async fn every_shot_is_in_flight_at_once() {
    control("reset", "").await;
    control("openai", r#"{"mode":"slow","delayMs":800}"#).await;

    let series = generate(MAZDA, JsValue::UNDEFINED).await;
    let seen = counters("openai").await;
    control("reset", "").await;

    assert_eq!(items(&series.expect("series"), "shots").len(), 3);
    assert_eq!(get(&seen, "calls").as_f64(), Some(3.0));
    assert_eq!(get(&seen, "maxConcurrent").as_f64(), Some(3.0));
}

#[wasm_bindgen_test]
async fn an_answer_that_is_not_an_image_fails_the_shot() {
    // A portal that answers 200 with a page: a shot must not count that as an image.
    let options = json(&format!(r#"{{"endpoint":"{}/portal"}}"#, fakes()));
    let studio = Studio::new(options).expect("studio");
    let series = JsFuture::from(studio.generate(json(MAZDA), None))
        .await
        .expect("series");
    for shot in items(&series, "shots") {
        assert_eq!(text(&shot, "status"), "failed");
        assert_eq!(text(&get(&shot, "error"), "code"), "not_an_image");
    }
}

#[wasm_bindgen_test]
fn endpoint_with_a_query_is_rejected() {
    let options = json(r#"{"endpoint":"http://127.0.0.1:8787/v1/health?x="}"#);
    let err = Studio::new(options).err().expect("rejected");
    assert_eq!(text(&err, "code"), "invalid_endpoint");
}
