//! `GET /v1/image`: one shot's image, from the first upstream of the chain that can draw it.

use turntable_core::{BodyType, Color, angle_by_id};
use worker::{Headers, Response, Url};

use crate::config::Config;
use crate::error::ApiError;
use crate::log::RequestLog;
use crate::params::Params;
use crate::render::{Scene, svg};

/// Longest prompt accepted (the most generous provider limit), in characters.
pub const MAX_PROMPT: usize = 4000;
/// Longest negative prompt, in characters.
pub const MAX_NEGATIVE: usize = 1000;
/// Image sides allowed, in pixels.
const SIDE: std::ops::RangeInclusive<u32> = 256..=2048;

/// One validated image request.
pub struct ImageRequest {
    pub prompt: String,
    pub negative: Option<String>,
    pub seed: u32,
    pub angle: &'static turntable_core::Angle,
    pub body: BodyType,
    pub color: String,
    pub width: u32,
    pub height: u32,
}

impl ImageRequest {
    pub fn parse(url: &Url) -> Result<Self, ApiError> {
        let params = Params::new(url);
        let angle_id = params.text("angle", 40)?;
        let angle = angle_by_id(&angle_id)
            .ok_or_else(|| ApiError::BadRequest(format!("unknown angle {angle_id:?}")))?;
        let body_text = params.text("bodyType", 40)?;
        let body = BodyType::parse(&body_text)
            .ok_or_else(|| ApiError::BadRequest(format!("unknown body type {body_text:?}")))?;
        let color = Color::parse(&params.text("color", 40)?).hex;

        Ok(Self {
            prompt: params.text("prompt", MAX_PROMPT)?,
            negative: params.optional_text("negative", MAX_NEGATIVE)?,
            seed: params.number("seed", 0..=2_147_483_647, None)?,
            angle,
            body,
            color,
            width: params.number("width", SIDE, Some(1024))?,
            height: params.number("height", SIDE, Some(768))?,
        })
    }

    /// The first sentence of the prompt, which names the car: the renderer's caption.
    fn caption(&self) -> String {
        let first = self.prompt.split(". ").next().unwrap_or_default();
        let first = first.strip_prefix("A ").unwrap_or(first);
        first.split(',').next().unwrap_or(first).chars().take(60).collect()
    }
}

pub async fn generate(url: &Url, config: &Config, log: &mut RequestLog) -> Result<Response, ApiError> {
    let request = ImageRequest::parse(url)?;

    let mut failures = Vec::new();
    for provider in &config.image_providers {
        log.attempts += 1;
        match provider.as_str() {
            "embedded" => {
                log.upstream = Some("embedded".into());
                return embedded(&request, &log.id);
            }
            other => failures.push(format!("{other}: not configured")),
        }
    }
    Err(ApiError::Upstream(failures.join("; ")))
}

fn embedded(request: &ImageRequest, request_id: &str) -> Result<Response, ApiError> {
    let caption = request.caption();
    let scene = Scene {
        angle: request.angle,
        body: request.body,
        color: &request.color,
        caption: &caption,
        seed: request.seed,
        width: request.width,
        height: request.height,
    };
    let headers = Headers::new();
    headers.set("content-type", "image/svg+xml; charset=utf-8")?;
    headers.set("cache-control", "public, max-age=31536000, immutable")?;
    let response = Response::ok(svg(&scene))?.with_headers(headers);
    Ok(crate::headers::served(response, "embedded", "none", request_id))
}
