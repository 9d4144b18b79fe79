//! `GET /v1/image`: one shot's image, from the cache, or from the first upstream of the
//! chain that can draw it; identical requests in flight share one upstream call.

use std::rc::Rc;

use futures::future::join_all;
use turntable_core::{BodyType, Color, angle_by_id};
use worker::{Context, Headers, Response, Url};

use crate::cache;
use crate::chain::{Call, Trace};
use crate::clock::{self, Deadline};
use crate::config::Config;
use crate::error::ApiError;
use crate::log::{self, RequestLog};
use crate::merge::{self, Flights, Role};
use crate::params::Params;
use crate::upstream::{Picture, Provider, embedded, openai, pollinations};

/// Longest prompt accepted (the most generous provider limit), in characters.
pub const MAX_PROMPT: usize = 4000;
/// Longest negative prompt, in characters.
pub const MAX_NEGATIVE: usize = 1000;
/// Longest session id, in characters.
const MAX_SESSION: usize = 80;
/// Image sides allowed, in pixels.
const SIDE: std::ops::RangeInclusive<u32> = 256..=2048;

/// One validated image request.
#[derive(Debug)]
pub struct ImageRequest {
    pub prompt: String,
    pub seed: u32,
    pub angle: &'static turntable_core::Angle,
    pub body: BodyType,
    pub color: String,
    pub width: u32,
    pub height: u32,
    /// The series this shot belongs to; only logged.
    pub session: Option<String>,
}

impl ImageRequest {
    pub fn parse(url: &Url) -> Result<Self, ApiError> {
        let params = Params::new(url)?;
        let angle_id = params.text("angle", 40)?;
        let angle = angle_by_id(&angle_id)
            .ok_or_else(|| ApiError::BadRequest(format!("unknown angle {angle_id:?}")))?;
        let body_text = params.text("bodyType", 40)?;
        let body = BodyType::parse(&body_text)
            .ok_or_else(|| ApiError::BadRequest(format!("unknown body type {body_text:?}")))?;
        let color = Color::parse(&params.text("color", 40)?).hex;
        // Checked, not sent: no provider here takes a negative prompt.
        params.optional_text("negative", MAX_NEGATIVE)?;

        Ok(Self {
            prompt: params.text("prompt", MAX_PROMPT)?,
            seed: params.number("seed", 0..=2_147_483_647, None)?,
            angle,
            body,
            color,
            width: params.number("width", SIDE, Some(1024))?,
            height: params.number("height", SIDE, Some(768))?,
            session: params.optional_text("session", MAX_SESSION)?,
        })
    }

    /// The first sentence of the prompt, which names the car: the renderer's caption.
    pub fn caption(&self) -> String {
        let first = self.prompt.split(". ").next().unwrap_or_default();
        let first = first.strip_prefix("A ").unwrap_or(first);
        first
            .split(',')
            .next()
            .unwrap_or(first)
            .chars()
            .take(60)
            .collect()
    }

    /// The cache key of this shot as drawn by `provider` with `model`.
    fn cache_key(&self, provider: Provider, model: &str) -> String {
        let size = format!("{}x{}", self.width, self.height);
        let seed = self.seed.to_string();
        cache::key(
            &format!("image/{provider}"),
            &[model, &self.prompt, &seed, &size],
        )
    }

    /// What makes two requests identical for this chain, for merging.
    fn flight_key(&self, chain: &[Provider]) -> String {
        let chain: Vec<&str> = chain.iter().map(|p| p.name()).collect();
        let numbers = format!("{} {} {}", self.seed, self.width, self.height);
        let parts = [
            &chain.join(","),
            &self.prompt,
            &numbers,
            self.angle.id,
            self.body.id(),
            &self.color,
        ];
        cache::key("image/flight", &parts)
    }
}

/// What drawing one shot came to, shared by every merged request.
#[derive(Clone)]
struct Outcome {
    picture: Result<(Provider, Picture), ApiError>,
    trace: Trace,
}

thread_local! {
    static FLIGHTS: Flights<Outcome> = Flights::default();
}

pub async fn generate(
    url: &Url,
    config: &Rc<Config>,
    log: &mut RequestLog,
    ctx: &Context,
) -> Result<Response, ApiError> {
    let shot = ImageRequest::parse(url)?;
    log.session = shot.session.clone();

    let started = clock::now_ms();
    let hit = cached(config, &shot).await;
    log.time("cache", clock::now_ms() - started);
    if let Some((provider, picture)) = hit {
        return respond(picture, provider, "hit", log);
    }

    let key = shot.flight_key(&config.image_providers);
    let shot = Rc::new(shot);
    let work = draw(Rc::clone(config), Rc::clone(&shot), log.id.clone());
    let (outcome, role) = merge::run(&FLIGHTS, key, config.image.budget_ms, work).await;
    let outcome =
        outcome.ok_or_else(|| ApiError::Upstream("the merged request did not finish".into()))?;
    log.merged = role == Role::Follower;
    if role == Role::Leader {
        outcome.trace.record(log);
    }

    let (provider, picture) = outcome.picture?;
    if role == Role::Leader {
        store(config, provider, &shot, &picture, log, ctx);
    }
    let cache = if provider == Provider::Embedded {
        "none"
    } else {
        "miss"
    };
    respond(picture, provider, cache, log)
}

/// The shot as some provider of the chain already drew it, if cached. The look-ups run
/// together; the first provider of the chain that has it wins.
async fn cached(config: &Config, shot: &ImageRequest) -> Option<(Provider, Picture)> {
    let lookups = config.image_providers.iter().filter_map(|&provider| {
        let key = shot.cache_key(provider, &config.upstream(provider)?.model);
        Some(async move { cache::get(&key).await.map(|hit| (provider, hit)) })
    });
    let (provider, hit) = join_all(lookups).await.into_iter().flatten().next()?;
    let picture = Picture {
        bytes: hit.body,
        content_type: hit.content_type,
    };
    Some((provider, picture))
}

/// Tries the chain in order; the first picture is cached and returned.
async fn draw(config: Rc<Config>, shot: Rc<ImageRequest>, request_id: String) -> Outcome {
    let call = Call {
        request_id: &request_id,
        limits: config.image,
        policy: config.retry,
        deadline: Deadline::after(config.image.budget_ms),
        gate: &config.gate,
    };
    let mut trace = Trace::default();
    let mut failures = Vec::new();

    for &provider in &config.image_providers {
        match attempt(&config, &call, provider, &shot, &mut trace).await {
            Ok(picture) => {
                return Outcome {
                    picture: Ok((provider, picture)),
                    trace,
                };
            }
            Err(err) => {
                log::warn(
                    &request_id,
                    "upstream_failed",
                    &format!("{provider}: {err}"),
                );
                failures.push(err.to_string());
            }
        }
    }
    Outcome {
        picture: Err(ApiError::Upstream(failures.join("; "))),
        trace,
    }
}

async fn attempt(
    config: &Config,
    call: &Call<'_>,
    provider: Provider,
    shot: &ImageRequest,
    trace: &mut Trace,
) -> Result<Picture, ApiError> {
    match provider {
        Provider::Embedded => Ok(embedded::picture(shot)),
        Provider::OpenAi => {
            let upstream = &config.openai;
            call.run(provider, trace, |timeout| {
                openai::generate(upstream, shot, timeout)
            })
            .await
        }
        Provider::Pollinations => {
            let upstream = &config.pollinations;
            call.run(provider, trace, |timeout| {
                pollinations::generate(upstream, shot, timeout)
            })
            .await
        }
        Provider::Brave | Provider::DuckDuckGo => Err(ApiError::NotConfigured(provider)),
    }
}

/// Caches what the leader of a flight drew. The answer does not wait for the write: the
/// runtime keeps the request alive until it is done.
fn store(
    config: &Config,
    provider: Provider,
    shot: &ImageRequest,
    picture: &Picture,
    log: &RequestLog,
    ctx: &Context,
) {
    let Some(upstream) = config.upstream(provider) else {
        return;
    };
    let key = shot.cache_key(provider, &upstream.model);
    let (body, content_type) = (picture.bytes.clone(), picture.content_type.clone());
    let (ttl, request_id) = (config.ttl.image, log.id.clone());
    ctx.wait_until(async move {
        cache::put(&key, body, &content_type, ttl, &request_id).await;
    });
}

fn respond(
    picture: Picture,
    provider: Provider,
    cache: &'static str,
    log: &mut RequestLog,
) -> Result<Response, ApiError> {
    log.upstream = Some(provider.name());
    log.cache = Some(cache);
    let headers = Headers::new();
    headers.set("content-type", &picture.content_type)?;
    headers.set("x-content-type-options", "nosniff")?;
    headers.set("content-security-policy", "default-src 'none'")?;
    let max_age = if provider == Provider::Embedded {
        300
    } else {
        86_400
    };
    headers.set("cache-control", &format!("public, max-age={max_age}"))?;
    let response = Response::from_bytes(picture.bytes)?.with_headers(headers);
    Ok(crate::headers::served(
        response,
        provider.name(),
        cache,
        &log.id,
    ))
}
