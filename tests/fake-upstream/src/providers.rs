//! The fake providers and the control API: routing, each provider's answers in every
//! mode, and the log entry of each request (auth headers reduced to whether they matched).

use std::net::TcpStream;
use std::sync::{Mutex, MutexGuard};
use std::thread;
use std::time::Duration;

use serde_json::{Map, Value, json};

use crate::encode::{base64, http_date_in, percent_decode, query_pairs};
use crate::http::{self, Reply, Request};
use crate::png;
use crate::state::{Admission, Behaviour, FAKE_KEY, HintFormat, Mode, PROVIDERS, State};

/// Headers never written to the log.
const SECRET_HEADERS: [&str; 3] = ["authorization", "x-subscription-token", "cookie"];

pub fn answer(stream: &mut TcpStream, request: &Request, state: &Mutex<State>) {
    if let Some(rest) = request.path.strip_prefix("/_control/") {
        // Browser tests drive the fakes from their own page, so control answers are CORS-open.
        let reply = control(rest, request, state).with_header("access-control-allow-origin", "*");
        return http::write(stream, &reply);
    }
    if request.path.starts_with("/portal/") {
        // A captive portal or a misrouted proxy: 200 with a page, whatever was asked.
        let page = Reply::new(
            200,
            "text/html; charset=utf-8",
            b"<html>sign in</html>".to_vec(),
        );
        return http::write(
            stream,
            &page.with_header("access-control-allow-origin", "*"),
        );
    }
    if request.path.starts_with("/images/") {
        return http::write(
            stream,
            &Reply::new(200, "image/png", png::solid(4, 4, [90, 90, 90])),
        );
    }
    let Some(provider) = route(request) else {
        return http::write(stream, &Reply::text(404, "no such fake"));
    };

    let (seq, admission) = {
        let mut state = lock(state);
        let started = state.now_ms();
        let seq = state.record(entry(provider, request, started));
        (seq, state.enter(provider))
    };
    let reply = match admission {
        Admission::Limited => limited(provider, &Behaviour::default()),
        Admission::Go(behaviour) => {
            thread::sleep(Duration::from_millis(behaviour.delay_ms));
            reply(provider, request, &behaviour)
        }
    };
    {
        // Counted out before the answer leaves, so a caller that starts its next call the
        // moment this answer arrives is never seen as one too many.
        let mut state = lock(state);
        state.leave(provider);
        state.finish(seq, reply.status);
    }
    http::write(stream, &reply);
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn route(request: &Request) -> Option<&'static str> {
    match (request.method.as_str(), request.path.as_str()) {
        ("GET", "/" | "/i.js") => Some("duckduckgo"),
        ("GET", "/res/v1/images/search") => Some("brave"),
        ("POST", "/v1/images/generations") => Some("openai"),
        ("GET", path) if path.starts_with("/prompt/") => Some("pollinations"),
        _ => None,
    }
}

fn control(rest: &str, request: &Request, state: &Mutex<State>) -> Reply {
    match (request.method.as_str(), rest) {
        ("GET", "log") => Reply::json(200, &lock(state).snapshot()),
        ("GET", "health") => Reply::json(200, &json!({ "ok": true })),
        ("POST", "reset") => {
            lock(state).reset();
            Reply::json(200, &json!({ "ok": true }))
        }
        ("POST", name) => match PROVIDERS.iter().find(|p| **p == name) {
            Some(provider) => configure(provider, &request.body, state),
            None => Reply::json(
                404,
                &json!({ "error": format!("unknown provider {name:?}") }),
            ),
        },
        _ => Reply::json(404, &json!({ "error": "unknown control route" })),
    }
}

fn configure(provider: &'static str, body: &[u8], state: &Mutex<State>) -> Reply {
    let value: Value = serde_json::from_slice(body).unwrap_or_else(|_| json!({}));
    match Behaviour::from_json(&value) {
        Ok(behaviour) => {
            lock(state).set(provider, behaviour);
            Reply::json(200, &json!({ "ok": true }))
        }
        Err(message) => Reply::json(400, &json!({ "error": message })),
    }
}

fn reply(provider: &'static str, request: &Request, behaviour: &Behaviour) -> Reply {
    match behaviour.mode {
        Mode::Ok | Mode::Slow => normal(provider, request),
        Mode::RateLimit => limited(provider, behaviour),
        Mode::Fail => Reply::json(
            500,
            &json!({ "error": { "message": format!("internal failure for key {FAKE_KEY}") } }),
        ),
        Mode::Garbage => garbage(provider),
        Mode::Truncated => {
            let mut reply = normal(provider, request);
            let half = reply.body.len() / 2;
            reply.short_by = reply.body.len() - half + 100;
            reply.body.truncate(half);
            reply
        }
    }
}

/// The answer of a provider that works.
fn normal(provider: &'static str, request: &Request) -> Reply {
    if matches!(provider, "openai" | "brave") && !key_matched(request) {
        return Reply::json(401, &json!({ "error": { "message": "invalid key" } }));
    }
    match (provider, request.path.as_str()) {
        ("duckduckgo", "/") => token_page(request),
        ("duckduckgo", _) => ddg_results(request),
        ("brave", _) => brave_results(request),
        ("openai", _) => openai_image(request),
        _ => Reply::new(
            200,
            "image/png",
            png::solid(8, 6, colour(&prompt(provider, request))),
        ),
    }
}

fn limited(provider: &str, behaviour: &Behaviour) -> Reply {
    if provider == "duckduckgo" {
        return Reply::text(202, "Ratelimit");
    }
    let seconds = behaviour.retry_after;
    match behaviour.hint {
        HintFormat::Seconds => {
            rate_limit_body(None).with_header("retry-after", &seconds.to_string())
        }
        HintFormat::Date => {
            rate_limit_body(None).with_header("retry-after", &http_date_in(seconds))
        }
        HintFormat::Body => rate_limit_body(Some(seconds)),
    }
}

fn rate_limit_body(retry_after: Option<u64>) -> Reply {
    let mut body = json!({ "error": { "message": "rate limit reached", "type": "rate_limit" } });
    if let Some(seconds) = retry_after {
        body["retry_after"] = json!(seconds);
    }
    Reply::json(429, &body)
}

fn garbage(provider: &str) -> Reply {
    match provider {
        "duckduckgo" => Reply::new(200, "text/html", b"<html>no token here</html>".to_vec()),
        "brave" => Reply::new(200, "application/json", b"{\"results\": 12".to_vec()),
        "openai" => Reply::json(
            200,
            &json!({ "data": [{ "b64_json": base64(b"<html>garbage</html>") }] }),
        ),
        _ => Reply::new(200, "image/png", b"<html>garbage</html>".to_vec()),
    }
}

fn param(request: &Request, name: &str) -> Option<String> {
    query_pairs(&request.query)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// DuckDuckGo's token for a query: the same query always gets the same token.
fn vqd(query: &str) -> String {
    let hash = query.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    format!("4-{}", hash % 1_000_000_000_000)
}

fn token_page(request: &Request) -> Reply {
    let Some(query) = param(request, "q") else {
        return Reply::text(400, "q is required");
    };
    let html = format!(
        "<!DOCTYPE html><html><head><script>var x = {{ vqd=\"{}\" }};</script></head></html>",
        vqd(&query)
    );
    Reply::new(200, "text/html; charset=utf-8", html.into_bytes())
}

fn ddg_results(request: &Request) -> Reply {
    let query = param(request, "q").unwrap_or_default();
    if param(request, "vqd").as_deref() != Some(vqd(&query).as_str())
        || param(request, "o").as_deref() != Some("json")
    {
        return Reply::text(403, "Forbidden");
    }
    let results: Vec<Value> = (1..=3)
        .map(|n| {
            let (image, thumbnail) = image_urls(request, "duckduckgo", n);
            json!({
                "title": title(&query, n),
                "image": image,
                "thumbnail": thumbnail,
                "url": image,
                "source": "fake",
            })
        })
        .collect();
    Reply::json(200, &json!({ "results": results, "next": "i.js?p=2" }))
}

fn brave_results(request: &Request) -> Reply {
    let query = param(request, "q").unwrap_or_default();
    let results: Vec<Value> = (1..=3)
        .map(|n| {
            let (image, thumbnail) = image_urls(request, "brave", n);
            json!({
                "type": "image_result",
                "title": title(&query, n),
                "url": image,
                "thumbnail": { "src": thumbnail },
                "properties": { "url": image },
            })
        })
        .collect();
    Reply::json(200, &json!({ "type": "images", "results": results }))
}

fn title(query: &str, n: u32) -> String {
    format!("{query}: chrome emblem on the grille, picture {n} | Fake Images")
}

/// Reference URLs on the fakes' own address, so that nothing ever points elsewhere.
fn image_urls(request: &Request, provider: &str, n: u32) -> (String, String) {
    let host = request.header("host").unwrap_or("127.0.0.1");
    (
        format!("http://{host}/images/{provider}-{n}.png"),
        format!("http://{host}/images/{provider}-{n}-thumb.png"),
    )
}

fn openai_image(request: &Request) -> Reply {
    let Ok(body) = serde_json::from_slice::<Value>(&request.body) else {
        return Reply::json(400, &json!({ "error": { "message": "body is not JSON" } }));
    };
    let size_ok = body["size"]
        .as_str()
        .is_some_and(|s| s.split_once('x').is_some());
    let valid = body["prompt"].is_string() && body["model"].is_string() && body["n"] == 1;
    if !(valid && size_ok && body["response_format"] == "b64_json") {
        return Reply::json(
            400,
            &json!({ "error": { "message": "missing or invalid fields" } }),
        );
    }
    let image = png::solid(8, 6, colour(body["prompt"].as_str().unwrap_or_default()));
    Reply::json(
        200,
        &json!({ "created": 1, "data": [{ "b64_json": base64(&image) }] }),
    )
}

/// A colour that depends on the prompt, so different prompts give different images.
fn colour(prompt: &str) -> [u8; 3] {
    let h = prompt
        .bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    [(h >> 16) as u8, (h >> 8) as u8, h as u8]
}

fn key_matched(request: &Request) -> bool {
    let bearer = format!("Bearer {FAKE_KEY}");
    request.header("authorization") == Some(bearer.as_str())
        || request.header("x-subscription-token") == Some(FAKE_KEY)
}

/// What a provider was asked to draw or find, decoded once.
fn prompt(provider: &str, request: &Request) -> String {
    match provider {
        "openai" => serde_json::from_slice::<Value>(&request.body)
            .ok()
            .and_then(|b| b["prompt"].as_str().map(str::to_owned))
            .unwrap_or_default(),
        "pollinations" => percent_decode(
            request.path.strip_prefix("/prompt/").unwrap_or_default(),
            false,
        ),
        _ => param(request, "q").unwrap_or_default(),
    }
}

/// The log entry of a request; its status and end are added when it has been answered.
fn entry(provider: &str, request: &Request, started: u64) -> Value {
    let headers: Map<String, Value> = request
        .headers
        .iter()
        .filter(|(name, _)| !SECRET_HEADERS.contains(&name.as_str()))
        .map(|(name, value)| (name.clone(), json!(value)))
        .collect();
    let params: Map<String, Value> = query_pairs(&request.query)
        .into_iter()
        .map(|(k, v)| (k, json!(v)))
        .collect();
    let has_auth = request.header("authorization").is_some()
        || request.header("x-subscription-token").is_some();
    let body = serde_json::from_slice::<Value>(&request.body).unwrap_or(Value::Null);
    json!({
        "provider": provider,
        "method": request.method,
        "path": request.path,
        "query": request.query,
        "params": params,
        "headers": headers,
        "hasAuth": has_auth,
        "keyMatched": key_matched(request),
        "prompt": prompt(provider, request),
        "body": body,
        "status": null,
        "startedMs": started,
        "endedMs": null,
    })
}
