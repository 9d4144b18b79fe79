//! Provider keys. A key is read from a secret (or, so that `wrangler dev --var` works in
//! tests, from a plain var of the same name) and can only be written into an upstream
//! request header: it has no `Display`, and its `Debug` prints a placeholder.

use std::fmt;

use worker::Env;

/// A provider key.
#[derive(Clone)]
pub struct ApiKey(String);

impl ApiKey {
    /// The key named `name`, if set and not blank.
    pub fn from_env(env: &Env, name: &str) -> Option<Self> {
        let secret = env.secret(name).map(|s| s.to_string());
        let value = secret
            .or_else(|_| env.var(name).map(|v| v.to_string()))
            .ok()?;
        let value = value.trim();
        (!value.is_empty()).then(|| Self(value.to_owned()))
    }

    /// The key as a header value: `Bearer <key>` or the bare key.
    pub fn header_value(&self, bearer: bool) -> String {
        if bearer {
            format!("Bearer {}", self.0)
        } else {
            self.0.clone()
        }
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(redacted)")
    }
}
