//! Configuration from `wrangler.toml` vars: which upstreams serve, and which origins may call.

use worker::Env;

/// Everything the worker reads from its environment, once per request.
pub struct Config {
    /// Provider chain for search, tried in order; `embedded` is the built-in catalogue.
    pub search_providers: Vec<String>,
    /// Provider chain for images, tried in order; `embedded` is the built-in renderer.
    pub image_providers: Vec<String>,
    /// Origins allowed to call from a browser (exact match).
    pub allowed_origins: Vec<String>,
    /// Whether any loopback origin is allowed (local development only).
    pub allow_loopback: bool,
}

impl Config {
    pub fn from_env(env: &Env) -> Self {
        let var = |name: &str| env.var(name).map(|v| v.to_string()).unwrap_or_default();
        Self {
            search_providers: list(&var("SEARCH_PROVIDERS"), "embedded"),
            image_providers: list(&var("IMAGE_PROVIDERS"), "embedded"),
            allowed_origins: list(&var("ALLOWED_ORIGINS"), ""),
            allow_loopback: var("ALLOW_LOOPBACK_ORIGINS") == "true",
        }
    }
}

/// A comma-separated list, trimmed, without empty items; `default` when nothing is left.
fn list(text: &str, default: &str) -> Vec<String> {
    let items: Vec<String> =
        text.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect();
    if items.is_empty() && !default.is_empty() { vec![default.to_owned()] } else { items }
}
