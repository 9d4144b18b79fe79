//! Requests to the Turntable worker: the logo search and one image per shot.

use gloo_net::http::{Request, Response};
use turntable_core::PlannedShot;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Blob, Url};

use crate::series::{Shot, ShotError, Status};

/// What one image request needs.
pub struct ImageRequest<'a> {
    pub endpoint: &'a str,
    pub session: String,
    pub planned: &'a PlannedShot,
    pub negative: &'a str,
    pub body_type: &'a str,
    pub color: &'a str,
    pub size: (u32, u32),
    pub signal: Option<&'a AbortSignal>,
}

/// An image that arrived, before it becomes a [`Shot`].
pub struct Landed {
    url: String,
    provider: Option<String>,
    cache: Option<String>,
}

impl Landed {
    pub fn into_shot(self, planned: PlannedShot, ms: f64) -> Shot {
        let status = match self.provider.as_deref() {
            Some("embedded") => Status::Fallback,
            _ => Status::Ok,
        };
        Shot {
            image: Some(self.url),
            provider: self.provider,
            cache: self.cache,
            ..Shot::ended(planned, status, ms)
        }
    }
}

/// Requests one shot's image and turns it into an object URL.
pub async fn fetch_image(req: ImageRequest<'_>) -> Result<Landed, ShotError> {
    let (width, height) = (req.size.0.to_string(), req.size.1.to_string());
    let seed = req.planned.seed.to_string();
    let url = format!("{}/v1/image", req.endpoint);
    let query = [
        ("prompt", req.planned.prompt.as_str()),
        ("negative", req.negative),
        ("seed", &seed),
        ("angle", req.planned.angle),
        ("bodyType", req.body_type),
        ("color", req.color),
        ("width", &width),
        ("height", &height),
        ("session", &req.session),
    ];

    let response = Request::get(&url)
        .query(query)
        .abort_signal(req.signal)
        .send()
        .await
        .map_err(network)?;
    if !response.ok() {
        return Err(http_error(response).await);
    }

    let header = |name: &str| response.headers().get(name);
    let (provider, cache) = (header("x-turntable-provider"), header("x-turntable-cache"));
    let content_type = header("content-type").unwrap_or_default();
    if provider.is_none() || !content_type.starts_with("image/") {
        let message = format!(
            "the endpoint answered {}, not a Turntable image",
            turntable_core::preview(&content_type, 80)
        );
        return Err(ShotError::new("not_an_image", message));
    }
    let raw: web_sys::Response = response.into();
    let blob = JsFuture::from(raw.blob().map_err(js_failure)?)
        .await
        .map_err(js_failure)?;
    let blob: Blob = blob.dyn_into().map_err(js_failure)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(js_failure)?;
    Ok(Landed {
        url,
        provider,
        cache,
    })
}

/// The badge description of `brand` from the worker's search, if it has one.
pub async fn search_logo(
    endpoint: &str,
    brand: &str,
    signal: Option<&AbortSignal>,
) -> Option<String> {
    let url = format!("{endpoint}/v1/search/logo");
    let response = Request::get(&url)
        .query([("brand", brand)])
        .abort_signal(signal)
        .send()
        .await
        .ok()?;
    if !response.ok() {
        return None;
    }
    let answer = read_json(response).await?;
    string_at(&answer, &["badge"]).filter(|b| !b.trim().is_empty())
}

/// The worker's JSON error, or a generic one naming the status.
async fn http_error(response: Response) -> ShotError {
    let status = response.status();
    let body = read_json(response).await.unwrap_or_default();
    let code = string_at(&body, &["error", "code"]);
    let message = string_at(&body, &["error", "message"]);
    match (code, message) {
        (Some(code), Some(message)) => ShotError { code, message },
        _ => ShotError::new("upstream_status", format!("the worker answered {status}")),
    }
}

/// A JSON body, parsed by the browser (`Response.json()`), so that the module carries no
/// JSON parser of its own; `None` if the body is not JSON.
async fn read_json(response: Response) -> Option<JsValue> {
    let raw: web_sys::Response = response.into();
    JsFuture::from(raw.json().ok()?).await.ok()
}

/// The string at `path` in a parsed JSON value, such as `["error", "code"]`.
fn string_at(value: &JsValue, path: &[&str]) -> Option<String> {
    path.iter()
        .try_fold(value.clone(), |value, key| {
            js_sys::Reflect::get(&value, &(*key).into()).ok()
        })?
        .as_string()
}

fn network(err: gloo_net::Error) -> ShotError {
    ShotError::new("network", format!("the worker could not be reached: {err}"))
}

fn js_failure(value: wasm_bindgen::JsValue) -> ShotError {
    let text = value
        .as_string()
        .or_else(|| js_sys::JSON::stringify(&value).ok()?.as_string());
    ShotError::new(
        "image_unreadable",
        format!("the image could not be read: {}", text.unwrap_or_default()),
    )
}
