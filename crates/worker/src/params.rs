//! Query parameters, decoded once and checked against their limits.

use worker::Url;

use crate::error::ApiError;

/// The decoded query of one request.
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Decodes the query, refusing a value that is not UTF-8 once decoded (rather than
    /// passing replacement characters on to a prompt or a cache key).
    pub fn new(url: &Url) -> Result<Self, ApiError> {
        let query = url.query().unwrap_or_default();
        let pairs = query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                Ok((decode(key)?, decode(value)?))
            })
            .collect::<Result<_, ApiError>>()?;
        Ok(Self { pairs })
    }

    /// The value of `name`, if present (the first one when repeated).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A required, non-empty text of at most `max` characters.
    pub fn text(&self, name: &str, max: usize) -> Result<String, ApiError> {
        let value = self.get(name).map(str::trim).unwrap_or_default();
        if value.is_empty() {
            return Err(ApiError::BadRequest(format!(
                "parameter {name} is required"
            )));
        }
        self.check_len(name, value, max)?;
        Ok(value.to_owned())
    }

    /// An optional text of at most `max` characters.
    pub fn optional_text(&self, name: &str, max: usize) -> Result<Option<String>, ApiError> {
        match self.get(name).map(str::trim).filter(|v| !v.is_empty()) {
            Some(value) => self
                .check_len(name, value, max)
                .map(|_| Some(value.to_owned())),
            None => Ok(None),
        }
    }

    /// An integer in `range`, or `default` when absent.
    pub fn number(
        &self,
        name: &str,
        range: std::ops::RangeInclusive<u32>,
        default: Option<u32>,
    ) -> Result<u32, ApiError> {
        let Some(raw) = self.get(name) else {
            return default
                .ok_or_else(|| ApiError::BadRequest(format!("parameter {name} is required")));
        };
        let value: u32 = raw.trim().parse().map_err(|_| {
            ApiError::BadRequest(format!(
                "parameter {name} must be a whole number, got {:?}",
                short(raw)
            ))
        })?;
        if !range.contains(&value) {
            let (lo, hi) = (range.start(), range.end());
            return Err(ApiError::BadRequest(format!(
                "parameter {name} must be in {lo}..={hi}, got {value}"
            )));
        }
        Ok(value)
    }

    fn check_len(&self, name: &str, value: &str, max: usize) -> Result<(), ApiError> {
        if value.chars().count() > max {
            return Err(ApiError::TooLarge(format!(
                "parameter {name} is longer than {max} characters"
            )));
        }
        Ok(())
    }
}

/// One form-encoded component: `+` is a space, `%XX` a byte, and the bytes must be UTF-8.
fn decode(component: &str) -> Result<String, ApiError> {
    let spaced = component.replace('+', " ");
    let bytes: Vec<u8> = percent_encoding::percent_decode_str(&spaced).collect();
    String::from_utf8(bytes).map_err(|_| {
        let shown: String = component.chars().take(40).collect();
        ApiError::BadRequest(format!("query component {shown:?} is not valid UTF-8"))
    })
}

/// At most 40 characters of a value, for error messages.
fn short(value: &str) -> String {
    value.chars().take(40).collect()
}
