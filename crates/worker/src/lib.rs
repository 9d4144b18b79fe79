//! Turntable's edge proxy, a Cloudflare Worker. The browser (downstream) asks it for logo
//! facts and shot images; it answers from upstream providers whose keys it keeps, or, with
//! no provider at all, from its embedded brand catalogue and embedded renderer.

mod config;
mod cors;
mod error;
mod headers;
mod image;
mod log;
mod params;
mod render;
mod search;

use worker::{Context, Env, Method, Request, Response, Result, event};

use crate::config::Config;
use crate::error::ApiError;
use crate::log::RequestLog;

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    let config = Config::from_env(&env);
    let origin = req.headers().get("origin").ok().flatten();
    let mut log = RequestLog::start(&req);

    let response = match cors::check(&config, origin.as_deref(), req.method()) {
        Err(err) => err.into_response(),
        Ok(cors::Verdict::Preflight) => cors::preflight(),
        Ok(cors::Verdict::Proceed) => match route(&req, &config, &mut log).await {
            Ok(response) => Ok(response),
            Err(err) => err.into_response(),
        },
    };

    let mut response = response?;
    cors::decorate(&config, origin.as_deref(), response.headers_mut());
    log.finish(response.status_code());
    Ok(response)
}

async fn route(req: &Request, config: &Config, log: &mut RequestLog) -> std::result::Result<Response, ApiError> {
    let url = req.url().map_err(|_| ApiError::BadRequest("request url is malformed".into()))?;
    match (req.method(), url.path()) {
        (Method::Get, "/v1/health") => Ok(health(config)?),
        (Method::Get, "/v1/search/logo") => search::logo(&url, config, log).await,
        (Method::Get, "/v1/image") => image::generate(&url, config, log).await,
        (_, "/v1/health" | "/v1/search/logo" | "/v1/image") => Err(ApiError::MethodNotAllowed),
        _ => Err(ApiError::NotFound),
    }
}

fn health(config: &Config) -> Result<Response> {
    Response::from_json(&serde_json::json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "upstreams": {
            "search": config.search_providers,
            "image": config.image_providers,
        },
    }))
}
