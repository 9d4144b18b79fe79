//! `Studio`: generates a series through the Turntable worker, every shot at once.

use std::rc::Rc;

use futures::StreamExt;
use futures::future::{Either, select};
use futures::stream::FuturesUnordered;
use js_sys::{Function, Promise, Reflect};
use serde::Serialize;
use turntable_core::{Enrichment, PlannedShot};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;
use web_sys::AbortSignal;

use crate::error::{abort_error, js_error, spec_error};
use crate::fetch::{ImageRequest, fetch_image, search_logo};
use crate::series::{Series, Shot, ShotError};
use crate::timer::{now, sleep};
use crate::types::{PlanInput, current_year, to_js};

/// A client of one Turntable worker.
#[wasm_bindgen]
pub struct Studio {
    endpoint: Rc<str>,
}

#[wasm_bindgen]
impl Studio {
    /// `new Studio({ endpoint: "https://turntable.example.workers.dev" })`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "StudioOptions")] options: JsValue,
    ) -> Result<Studio, JsValue> {
        let endpoint = get(&options, "endpoint").as_string().unwrap_or_default();
        let endpoint = endpoint.trim().trim_end_matches('/');
        let web = endpoint.starts_with("http://") || endpoint.starts_with("https://");
        if !web || endpoint.contains(['?', '#']) {
            let message = format!(
                "endpoint {} is not an http(s) URL without query",
                turntable_core::preview(endpoint, 200)
            );
            return Err(js_error("invalid_endpoint", Some("endpoint"), &message));
        }
        Ok(Studio {
            endpoint: endpoint.into(),
        })
    }

    /// The worker this studio talks to.
    #[wasm_bindgen(getter)]
    pub fn endpoint(&self) -> String {
        self.endpoint.to_string()
    }

    /// Generates the series of `spec`: resolves with every shot, each `ok`, `fallback` or
    /// `failed`; rejects only for an invalid spec or an abort.
    #[wasm_bindgen(unchecked_return_type = "Promise<Series>")]
    pub fn generate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SpecInput")] spec: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "GenerateOptions")] options: Option<JsValue>,
    ) -> Promise {
        let endpoint = self.endpoint.clone();
        let options = options.unwrap_or(JsValue::UNDEFINED);
        future_to_promise(async move {
            let run = Run::new(endpoint, spec, &options)?;
            run.series().await
        })
    }
}

/// One call of `generate`: its inputs, callbacks and the progress so far.
struct Run {
    endpoint: Rc<str>,
    input: PlanInput,
    session: Option<String>,
    on_shot: Option<Function>,
    on_progress: Option<Function>,
    signal: Option<AbortSignal>,
    deadline_ms: Option<f64>,
    size: (u32, u32),
    done: std::cell::Cell<u32>,
    started: f64,
}

impl Run {
    fn new(endpoint: Rc<str>, spec: JsValue, options: &JsValue) -> Result<Self, JsValue> {
        let input = PlanInput::read(&spec)?;
        let session = get(options, "sessionId")
            .as_string()
            .or_else(|| input.session_id.clone());
        let dimension = |key, default| get(options, key).as_f64().map_or(default, |v| v as u32);
        Ok(Self {
            endpoint,
            input,
            session,
            on_shot: get(options, "onShot").dyn_into().ok(),
            on_progress: get(options, "onProgress").dyn_into().ok(),
            signal: get(options, "signal").dyn_into().ok(),
            deadline_ms: get(options, "deadlineMs").as_f64().filter(|ms| *ms > 0.0),
            size: (dimension("width", 1024), dimension("height", 768)),
            done: std::cell::Cell::new(0),
            started: now(),
        })
    }

    async fn series(self) -> Result<JsValue, JsValue> {
        let year = current_year();
        self.input
            .plan_with(year, &Enrichment::default(), self.session.as_deref())
            .map_err(spec_error)?;
        self.check_abort()?;

        let extra = self.enrichment().await;
        let plan = self
            .input
            .plan_with(year, &extra, self.session.as_deref())
            .map_err(spec_error)?;
        self.check_abort()?;

        let total = plan.shots.len() as u32;
        self.report_progress(total);
        // Every shot in flight at once; each lands in its own slot, so the series keeps the
        // plan's order whatever order the shots finish in. (`join_all` does the same, but
        // carries a second path for long lists that a series of at most 12 never takes.)
        let mut slots: Vec<Option<Shot>> = plan.shots.iter().map(|_| None).collect();
        {
            let (run, plan) = (&self, &plan);
            let mut in_flight: FuturesUnordered<_> = (plan.shots.iter().enumerate())
                .map(|(i, planned)| async move { (i, run.shot(plan, planned, total).await) })
                .collect();
            while let Some((i, shot)) = in_flight.next().await {
                slots[i] = Some(shot);
            }
        }
        let shots = slots.into_iter().flatten().collect();
        self.check_abort()?;

        to_js(&Series::new(plan, shots, now() - self.started))
    }

    /// Logo facts from the worker's search, once per series. A failed search leaves the
    /// prompts without enrichment rather than failing the series.
    async fn enrichment(&self) -> Enrichment {
        let known = turntable_core::brand_by_name(&self.input.spec.brand);
        match search_logo(&self.endpoint, &self.input.spec.brand, self.signal.as_ref()).await {
            Some(logo) if known.is_none_or(|b| b.badge != logo) => Enrichment {
                logo: Some(logo),
                captions: Vec::new(),
            },
            _ => Enrichment::default(),
        }
    }

    async fn shot(&self, plan: &turntable_core::Plan, planned: &PlannedShot, total: u32) -> Shot {
        let started = now();
        let request = ImageRequest {
            endpoint: &self.endpoint,
            session: plan.session_id.to_string(),
            planned,
            negative: &plan.negative_prompt,
            body_type: plan.spec.body_type.id(),
            color: &plan.spec.color.hex,
            size: self.size,
            signal: self.signal.as_ref(),
        };

        let fetch = Box::pin(fetch_image(request));
        let shot = match self.deadline_ms {
            None => fetch.await,
            Some(ms) => match select(fetch, Box::pin(sleep(ms - (started - self.started)))).await {
                Either::Left((shot, _)) => shot,
                Either::Right(_) => {
                    let error = ShotError::new(
                        "timeout",
                        format!("no image within the deadline of {} ms", ms.ceil() as u64),
                    );
                    Err(error)
                }
            },
        };

        let shot = match shot {
            Ok(landed) => landed.into_shot(planned.clone(), now() - started),
            Err(error) => Shot::failed(planned.clone(), now() - started, error),
        };
        self.report_shot(&shot, total);
        shot
    }

    fn report_shot(&self, shot: &Shot, total: u32) {
        if self.signal.as_ref().is_some_and(AbortSignal::aborted) {
            return;
        }
        self.done.set(self.done.get() + 1);
        if let (Some(callback), Ok(value)) = (&self.on_shot, to_js(shot)) {
            let _ = callback.call1(&JsValue::NULL, &value);
        }
        self.report_progress(total);
    }

    fn report_progress(&self, total: u32) {
        #[derive(Serialize)]
        struct Progress {
            done: u32,
            total: u32,
        }
        let progress = Progress {
            done: self.done.get(),
            total,
        };
        if let (Some(callback), Ok(value)) = (&self.on_progress, to_js(&progress)) {
            let _ = callback.call1(&JsValue::NULL, &value);
        }
    }

    fn check_abort(&self) -> Result<(), JsValue> {
        match &self.signal {
            Some(signal) if signal.aborted() => Err(abort_error()),
            _ => Ok(()),
        }
    }
}

/// `options[key]`, or `undefined` when `options` is not an object.
fn get(options: &JsValue, key: &str) -> JsValue {
    if !options.is_object() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(options, &key.into()).unwrap_or(JsValue::UNDEFINED)
}
