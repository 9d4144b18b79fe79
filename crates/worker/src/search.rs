//! `GET /v1/search/logo?brand=…`: facts about a make's badge for the prompts.

use serde_json::json;
use worker::{Response, Url};

use crate::config::Config;
use crate::error::ApiError;
use crate::log::RequestLog;
use crate::params::Params;

/// Longest brand accepted in a search, in characters.
const MAX_BRAND: usize = 100;

pub async fn logo(url: &Url, config: &Config, log: &mut RequestLog) -> Result<Response, ApiError> {
    let params = Params::new(url);
    let brand = params.text("brand", MAX_BRAND)?;

    for provider in &config.search_providers {
        if provider == "embedded"
            && let Some(answer) = embedded(&brand)
        {
            log.upstream = Some("embedded".into());
            let response = Response::from_json(&answer)?;
            return Ok(crate::headers::served(response, "embedded", "none", &log.id));
        }
    }
    Err(ApiError::UnknownBrand(brand))
}

fn embedded(brand: &str) -> Option<serde_json::Value> {
    let known = turntable_core::brand_by_name(brand)?;
    Some(json!({
        "brand": known.name,
        "badge": known.badge,
        "country": known.country,
        "provider": "embedded",
    }))
}
