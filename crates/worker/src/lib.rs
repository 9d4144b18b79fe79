//! Turntable's edge proxy, a Cloudflare Worker. The browser (downstream) asks it for logo
//! facts and shot images; it answers from upstream providers whose keys it keeps, or, with
//! no provider at all, from its embedded brand catalogue and embedded renderer.
//!
//! Between the two sides it absorbs the upstreams' limits: a timeout on every call,
//! retries that honour Retry-After within a time budget, fallback down a chain of
//! providers, a cache, merging of identical requests in flight, and a gate on how many
//! calls each provider gets at once and per second.

mod cache;
mod chain;
mod clock;
mod config;
mod cors;
mod error;
mod gate;
mod headers;
mod image;
mod key;
mod limit;
mod log;
mod merge;
mod params;
mod render;
mod retry;
mod search;
mod text;
mod upstream;
mod wake;

use std::rc::Rc;

use worker::{Context, Env, Method, Request, Response, Result, event};

use crate::config::Config;
use crate::error::ApiError;
use crate::log::RequestLog;

/// The Durable Object class of the shared gate, exported to the runtime.
pub use crate::gate::ProviderGate;

/// Every route the worker answers; all of them are `GET` (and `OPTIONS` for preflight).
const ROUTES: [&str; 3] = ["/v1/health", "/v1/search/logo", "/v1/image"];

#[event(fetch)]
async fn fetch(req: Request, env: Env, ctx: Context) -> Result<Response> {
    let config = Config::from_env(&env);
    let origin = req.headers().get("origin").ok().flatten();
    let mut log = RequestLog::start(&req);

    let outcome = match cors::check(&config, origin.as_deref(), req.method()) {
        Err(err) => Err(err),
        Ok(cors::Verdict::Preflight) if ROUTES.contains(&req.path().as_str()) => {
            cors::preflight().map_err(ApiError::from)
        }
        Ok(cors::Verdict::Preflight) => Err(ApiError::NotFound),
        Ok(cors::Verdict::Proceed) => route(&req, &config, &mut log, &ctx).await,
    };
    let code = outcome.as_ref().err().map(ApiError::code);
    let mut response = outcome.or_else(ApiError::into_response)?;

    cors::decorate(&config, origin.as_deref(), response.headers_mut());
    headers::timed(&mut response, &log);
    log.finish(response.status_code(), code);
    Ok(response)
}

async fn route(
    req: &Request,
    config: &Rc<Config>,
    log: &mut RequestLog,
    ctx: &Context,
) -> std::result::Result<Response, ApiError> {
    let url = req
        .url()
        .map_err(|_| ApiError::BadRequest("request url is malformed".into()))?;
    match (req.method(), url.path()) {
        (Method::Get, "/v1/health") => Ok(health(config)?),
        (Method::Get, "/v1/search/logo") => {
            admit(req, config, log).await?;
            search::logo(&url, config, log).await
        }
        (Method::Get, "/v1/image") => {
            admit(req, config, log).await?;
            image::generate(&url, config, log, ctx).await
        }
        (_, path) if ROUTES.contains(&path) => Err(ApiError::MethodNotAllowed),
        _ => Err(ApiError::NotFound),
    }
}

/// The per-client rate limit, keyed by the caller's address as Cloudflare reports it: this
/// isolate's bucket first, then the shared limiter when it is bound.
async fn admit(
    req: &Request,
    config: &Config,
    log: &RequestLog,
) -> std::result::Result<(), ApiError> {
    let client = req.headers().get("cf-connecting-ip").ok().flatten();
    let client = client.as_deref().unwrap_or("unknown");
    limit::admit(client, &config.client, clock::now_ms())?;
    match &config.client_limiter {
        Some(limiter) => limit::admit_shared(limiter, client, &log.id).await,
        None => Ok(()),
    }
}

fn health(config: &Config) -> Result<Response> {
    let names = |chain: &[upstream::Provider]| chain.iter().map(|p| p.name()).collect::<Vec<_>>();
    Response::from_json(&serde_json::json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "upstreams": {
            "search": names(&config.search_providers),
            "image": names(&config.image_providers),
        },
    }))
}
