//! `GET /v1/search/logo?brand=…`: facts about a make's badge for the prompts, and reference
//! images as data. Answers come from the cache, or from the first search upstream of the
//! chain that finds something. When a search upstream is rate-limited and none answers, an
//! older answer kept for that case is served as stale before the embedded catalogue is
//! asked; other failures fall through to the catalogue, which is curated and always there.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use worker::{Response, Url};

use crate::cache;
use crate::chain::{Call, Trace};
use crate::clock::{self, Deadline};
use crate::config::Config;
use crate::error::ApiError;
use crate::log::{self, RequestLog};
use crate::merge::{self, Flights, Role};
use crate::params::Params;
use crate::text;
use crate::upstream::{Provider, Reference, brave, duckduckgo, embedded};

/// Longest brand accepted in a search, in characters.
const MAX_BRAND: usize = 100;
/// Longest badge taken from a result title, in characters.
const MAX_BADGE: usize = 120;

/// The answer of a logo search.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LogoAnswer {
    pub brand: String,
    /// A short description of the badge.
    pub badge: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub provider: String,
    /// Reference images found; data for the caller, never fetched by the worker.
    #[serde(default)]
    pub references: Vec<Reference>,
}

/// A brand to search for.
#[derive(Debug, Clone)]
struct Query {
    /// The catalogue's name for the make, or the text as typed.
    brand: String,
    country: Option<String>,
    /// What the search upstreams are asked.
    text: String,
    /// The normalised query: equal for "vw", "VW" and "Volkswagen".
    key: String,
}

impl Query {
    fn parse(url: &Url) -> Result<Self, ApiError> {
        let typed = Params::new(url)?.text("brand", MAX_BRAND)?;
        let typed = typed.split_whitespace().collect::<Vec<_>>().join(" ");
        let known = turntable_core::brand_by_name(&typed);
        let brand = known.map_or(typed, |b| b.name.to_owned());
        Ok(Self {
            country: known.map(|b| b.country.to_owned()),
            text: format!("{brand} car logo"),
            key: brand.to_lowercase(),
            brand,
        })
    }
}

/// What searching came to, shared by every merged request.
#[derive(Clone)]
struct Outcome {
    answer: Result<LogoAnswer, ApiError>,
    cache: &'static str,
    trace: Trace,
}

thread_local! {
    static FLIGHTS: Flights<Outcome> = Flights::default();
}

pub async fn logo(
    url: &Url,
    config: &Rc<Config>,
    log: &mut RequestLog,
) -> Result<Response, ApiError> {
    let query = Query::parse(url)?;

    let started = clock::now_ms();
    let hit = read(&fresh_key(&query)).await;
    log.time("cache", clock::now_ms() - started);
    if let Some(answer) = hit {
        return respond(answer, "hit", log);
    }

    let key = query.key.clone();
    let work = search(Rc::clone(config), query, log.id.clone());
    let (outcome, role) = merge::run(&FLIGHTS, key, config.search.budget_ms, work).await;
    let outcome =
        outcome.ok_or_else(|| ApiError::Upstream("the merged request did not finish".into()))?;
    log.merged = role == Role::Follower;
    if role == Role::Leader {
        outcome.trace.record(log);
    }
    respond(outcome.answer?, outcome.cache, log)
}

/// Tries the chain in order. A web answer is cached twice: fresh, and long-lived for when
/// the upstreams are rate-limited later.
async fn search(config: Rc<Config>, query: Query, request_id: String) -> Outcome {
    let call = Call {
        request_id: &request_id,
        limits: config.search,
        policy: config.retry,
        deadline: Deadline::after(config.search.budget_ms),
        gate: &config.gate,
    };
    let mut trace = Trace::default();
    let mut failed = Failures::default();

    for &provider in &config.search_providers {
        let found = match provider {
            Provider::Embedded => fallback(&query, failed.throttled).await,
            _ => web(&config, &call, provider, &query, &mut trace)
                .await
                .map(|a| (a, "miss")),
        };
        match found {
            Ok((answer, cache)) => {
                if cache == "miss" {
                    store(&config, &query, &answer, &request_id).await;
                }
                return Outcome {
                    answer: Ok(answer),
                    cache,
                    trace,
                };
            }
            Err(err) => failed.add(&request_id, provider, err),
        }
    }

    let stale = if failed.throttled {
        read(&stale_key(&query)).await
    } else {
        None
    };
    let answer = stale.ok_or_else(|| failed.into_error(&query));
    Outcome {
        answer,
        cache: "stale",
        trace,
    }
}

/// How the providers of a chain failed so far.
#[derive(Default)]
struct Failures {
    messages: Vec<String>,
    /// Whether a web upstream failed.
    web: bool,
    /// Whether a web upstream was rate-limited.
    throttled: bool,
}

impl Failures {
    fn add(&mut self, request_id: &str, provider: Provider, err: ApiError) {
        if provider != Provider::Embedded {
            log::warn(request_id, "upstream_failed", &err.to_string());
            self.web = true;
            self.throttled |= matches!(err, ApiError::Throttled { .. });
        }
        self.messages.push(err.to_string());
    }

    /// The error of the whole chain: a brand unknown to the catalogue, if nothing else was
    /// tried; else what every provider said.
    fn into_error(self, query: &Query) -> ApiError {
        if self.web {
            ApiError::Upstream(self.messages.join("; "))
        } else {
            ApiError::UnknownBrand(query.brand.clone())
        }
    }
}

/// The chain's embedded step: when a web upstream was rate-limited, the stale answer if
/// there is one; else the catalogue's.
async fn fallback(query: &Query, throttled: bool) -> Result<(LogoAnswer, &'static str), ApiError> {
    if throttled && let Some(stale) = read(&stale_key(query)).await {
        return Ok((stale, "stale"));
    }
    let answer =
        embedded::logo(&query.brand).ok_or_else(|| ApiError::UnknownBrand(query.brand.clone()));
    answer.map(|a| (a, "none"))
}

async fn web(
    config: &Config,
    call: &Call<'_>,
    provider: Provider,
    query: &Query,
    trace: &mut Trace,
) -> Result<LogoAnswer, ApiError> {
    let text = query.text.as_str();
    let refs = match provider {
        Provider::Brave => {
            let upstream = &config.brave;
            call.run(provider, trace, |timeout| {
                brave::search(upstream, text, timeout)
            })
            .await?
        }
        Provider::DuckDuckGo => {
            let upstream = &config.duckduckgo;
            call.run(provider, trace, |timeout| {
                duckduckgo::search(upstream, text, timeout)
            })
            .await?
        }
        _ => return Err(ApiError::NotConfigured(provider)),
    };
    let top = refs.first().ok_or(ApiError::Empty(provider))?;
    Ok(LogoAnswer {
        brand: query.brand.clone(),
        badge: badge(&top.title),
        country: query.country.clone(),
        provider: provider.name().to_owned(),
        references: refs,
    })
}

/// A badge description from a result title: the title without the site's name after it.
fn badge(title: &str) -> String {
    let head = [" | ", " - ", " – ", " — ", " :: "]
        .iter()
        .filter_map(|sep| title.split_once(sep).map(|(head, _)| head.trim()))
        .filter(|head| head.chars().count() >= 3)
        .min_by_key(|head| head.len());
    text::cut(head.unwrap_or(title), MAX_BADGE)
}

fn fresh_key(query: &Query) -> String {
    cache::key("search/fresh", &[&query.key])
}

fn stale_key(query: &Query) -> String {
    cache::key("search/stale", &[&query.key])
}

async fn read(key: &str) -> Option<LogoAnswer> {
    serde_json::from_slice(&cache::get(key).await?.body).ok()
}

async fn store(config: &Config, query: &Query, answer: &LogoAnswer, request_id: &str) {
    let Ok(body) = serde_json::to_vec(answer) else {
        return;
    };
    let json = "application/json";
    cache::put(
        &fresh_key(query),
        body.clone(),
        json,
        config.ttl.search,
        request_id,
    )
    .await;
    cache::put(
        &stale_key(query),
        body,
        json,
        config.ttl.search_stale,
        request_id,
    )
    .await;
}

fn respond(
    answer: LogoAnswer,
    cache: &'static str,
    log: &mut RequestLog,
) -> Result<Response, ApiError> {
    let provider = Provider::parse(&answer.provider).map_or("embedded", Provider::name);
    log.upstream = Some(provider);
    log.cache = Some(cache);
    let mut response = Response::from_json(&answer)?;
    response
        .headers_mut()
        .set("cache-control", "public, max-age=300")?;
    Ok(crate::headers::served(response, provider, cache, &log.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badges_from_titles() {
        let cases: &[(&str, &str)] = &[
            (
                "Škoda logo, winged arrow | Wikipedia",
                "Škoda logo, winged arrow",
            ),
            ("Lada emblem - Free PNG - Site", "Lada emblem"),
            ("Plain title", "Plain title"),
            ("A - B", "A - B"),
        ];
        for (title, want) in cases {
            assert_eq!(badge(title), *want, "{title:?}");
        }
    }
}
