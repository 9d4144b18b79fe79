//! Configuration from `wrangler.toml` vars and secrets: which upstreams serve and where
//! they live, how long and how often they may be called, what is cached for how long, and
//! which origins may call.

use std::rc::Rc;

use worker::{Env, ObjectNamespace, RateLimiter, Url};

use crate::key::ApiKey;
use crate::retry::Policy;
use crate::upstream::Provider;

/// Everything the worker reads from its environment, once per request.
#[derive(Debug, Clone)]
pub struct Config {
    /// Provider chain for search, tried in order.
    pub search_providers: Vec<Provider>,
    /// Provider chain for images, tried in order.
    pub image_providers: Vec<Provider>,
    /// Origins allowed to call from a browser (exact match).
    pub allowed_origins: Vec<String>,
    /// Whether any loopback origin is allowed (local development only).
    pub allow_loopback: bool,
    pub openai: Upstream,
    pub pollinations: Upstream,
    pub brave: Upstream,
    pub duckduckgo: Upstream,
    pub image: Limits,
    pub search: Limits,
    pub retry: Policy,
    pub gate: GateScope,
    pub ttl: Ttl,
    pub client: ClientLimit,
    /// Cloudflare's rate-limiting binding `CLIENT_LIMITER`, which counts each caller across
    /// every isolate; `None` when it is not bound.
    pub client_limiter: Option<Rc<RateLimiter>>,
}

/// Where one provider lives, its key and its model.
#[derive(Debug, Clone)]
pub struct Upstream {
    /// `None` when the configured base URL is missing or not allowed.
    pub base: Option<Url>,
    pub key: Option<ApiKey>,
    pub model: String,
    /// Image sizes the provider accepts, if it accepts only some; empty means any.
    pub sizes: Vec<(u32, u32)>,
}

/// Time and traffic limits of one kind of upstream call.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// One attempt's timeout, in milliseconds.
    pub timeout_ms: u64,
    /// Everything one downstream request may spend, in milliseconds.
    pub budget_ms: u64,
    /// Calls in flight to one provider at once.
    pub max_concurrency: u32,
    /// Calls started per second to one provider.
    pub rate_per_second: f64,
}

/// Where the per-provider gate keeps its counts.
#[derive(Debug, Clone)]
pub enum GateScope {
    /// In this isolate.
    Isolate,
    /// In one Durable Object per provider, shared by every isolate.
    Durable(ObjectNamespace),
}

/// How long answers stay in the cache, in seconds.
#[derive(Debug, Clone, Copy)]
pub struct Ttl {
    pub search: u64,
    /// The long-lived copy of a search answer, served when its upstreams fail.
    pub search_stale: u64,
    pub image: u64,
}

/// The per-client token bucket of each isolate; `per_minute == 0` turns it off.
#[derive(Debug, Clone, Copy)]
pub struct ClientLimit {
    pub per_minute: u32,
    pub burst: u32,
}

impl Config {
    pub fn from_env(env: &Env) -> Rc<Self> {
        let var = |name: &str| env.var(name).map(|v| v.to_string()).unwrap_or_default();
        let num = |name: &str, default: u64| number(&var(name), default);
        let upstream = |prefix: &str, base: &str, model: &str| Upstream {
            base: base_url(&var(&format!("{prefix}_BASE_URL")), base),
            key: ApiKey::from_env(env, &format!("{prefix}_API_KEY")),
            model: text(&var(&format!("{prefix}_MODEL")), model),
            sizes: list(&var(&format!("{prefix}_SIZES")))
                .iter()
                .filter_map(|s| size(s))
                .collect(),
        };
        let limits =
            |prefix: &str, timeout: u64, budget: u64, concurrency: u64, rate: u64| Limits {
                timeout_ms: num(&format!("{prefix}_TIMEOUT_MS"), timeout).max(1),
                budget_ms: num(&format!("{prefix}_BUDGET_MS"), budget).max(1),
                max_concurrency: num(&format!("{prefix}_MAX_CONCURRENCY"), concurrency).max(1)
                    as u32,
                rate_per_second: num(&format!("{prefix}_RATE_PER_SECOND"), rate).max(1) as f64,
            };

        Rc::new(Self {
            search_providers: providers(&var("SEARCH_PROVIDERS")),
            image_providers: providers(&var("IMAGE_PROVIDERS")),
            allowed_origins: list(&var("ALLOWED_ORIGINS")),
            allow_loopback: var("ALLOW_LOOPBACK_ORIGINS") == "true",
            openai: upstream("OPENAI", "https://api.openai.com", "dall-e-3"),
            pollinations: upstream("POLLINATIONS", "https://image.pollinations.ai", "flux"),
            brave: upstream("BRAVE", "https://api.search.brave.com", ""),
            duckduckgo: upstream("DUCKDUCKGO", "https://duckduckgo.com", ""),
            image: limits("IMAGE", 30_000, 60_000, 4, 10),
            search: limits("SEARCH", 5_000, 10_000, 4, 5),
            retry: Policy {
                max_attempts: num("RETRY_MAX_ATTEMPTS", 3).clamp(1, 10) as u32,
                base_ms: num("RETRY_BASE_MS", 250),
                max_delay_ms: num("RETRY_MAX_DELAY_MS", 10_000),
            },
            gate: gate_scope(env, &var("GATE")),
            ttl: Ttl {
                search: num("SEARCH_CACHE_SECONDS", 86_400).max(1),
                search_stale: num("SEARCH_STALE_SECONDS", 30 * 86_400).max(1),
                image: num("IMAGE_CACHE_SECONDS", 30 * 86_400).max(1),
            },
            client: ClientLimit {
                per_minute: num("CLIENT_RATE_PER_MINUTE", 600) as u32,
                burst: num("CLIENT_BURST", 200).max(1) as u32,
            },
            client_limiter: env.rate_limiter("CLIENT_LIMITER").ok().map(Rc::new),
        })
    }

    /// Where `provider` lives; `None` for the embedded one.
    pub fn upstream(&self, provider: Provider) -> Option<&Upstream> {
        match provider {
            Provider::OpenAi => Some(&self.openai),
            Provider::Pollinations => Some(&self.pollinations),
            Provider::Brave => Some(&self.brave),
            Provider::DuckDuckGo => Some(&self.duckduckgo),
            Provider::Embedded => None,
        }
    }
}

/// `durable` with a `GATES` Durable Object binding; else this isolate.
fn gate_scope(env: &Env, name: &str) -> GateScope {
    match env.durable_object("GATES") {
        Ok(gates) if name.trim() == "durable" => GateScope::Durable(gates),
        _ => GateScope::Isolate,
    }
}

/// A comma-separated list, trimmed, without empty items.
fn list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A provider chain; names the worker does not know are left out, and an empty chain is
/// the embedded provider alone.
fn providers(text: &str) -> Vec<Provider> {
    let chain: Vec<Provider> = list(text)
        .iter()
        .filter_map(|n| Provider::parse(n))
        .collect();
    if chain.is_empty() {
        vec![Provider::Embedded]
    } else {
        chain
    }
}

/// `1024x768` as `(1024, 768)`.
fn size(text: &str) -> Option<(u32, u32)> {
    let (w, h) = text.split_once('x')?;
    Some((w.trim().parse().ok()?, h.trim().parse().ok()?))
}

fn number(text: &str, default: u64) -> u64 {
    text.trim().parse().unwrap_or(default)
}

fn text(value: &str, default: &str) -> String {
    let value = value.trim();
    if value.is_empty() {
        default.to_owned()
    } else {
        value.to_owned()
    }
}

/// The base URL of a provider: `https`, or `http` on a loopback host for local tests; no
/// credentials, query or fragment. Anything else leaves the provider unconfigured.
fn base_url(value: &str, default: &str) -> Option<Url> {
    let url = Url::parse(&text(value, default)).ok()?;
    let loopback = matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
    let scheme_ok = url.scheme() == "https" || (url.scheme() == "http" && loopback);
    let plain = url.username().is_empty() && url.password().is_none();
    let plain = plain && url.query().is_none() && url.fragment().is_none();
    (scheme_ok && plain).then_some(url)
}
