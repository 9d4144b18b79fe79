//! The services that the demo, the tests and the benchmarks start on loopback.

use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use crate::Result;
use crate::env::Env;
use crate::process::{Service, ensure_free};

/// Where `wrangler dev` serves the worker.
pub const WORKER: &str = "127.0.0.1:8787";
/// Where the fake upstream providers listen during tests and benchmarks.
pub const FAKE_UPSTREAM: &str = "127.0.0.1:8790";
/// Where `next start` serves the page.
pub const PAGE: &str = "127.0.0.1:3000";

fn addr(text: &str) -> SocketAddr {
    text.parse().expect("constant socket address")
}

/// The worker under `wrangler dev`, with loopback origins allowed and `vars` added.
pub fn worker(env: &Env, log_dir: &Path, vars: &[(String, String)]) -> Result<Service> {
    ensure_free(addr(WORKER))?;
    let log = log_dir.join("worker.log");
    let mut cmd = env.cmd("wrangler");
    cmd.args([
        "dev",
        "--ip",
        "127.0.0.1",
        "--port",
        "8787",
        "--inspector-port",
        "0",
        "--show-interactive-dev-session=false",
    ]);
    cmd.args(["--var", "ALLOW_LOOPBACK_ORIGINS:true"]);
    // A fresh local state each start: no cache entry of an earlier run can answer this one.
    let state = log_dir.join("wrangler-state");
    let _ = std::fs::remove_dir_all(&state);
    cmd.arg("--persist-to").arg(&state);
    for (name, value) in vars {
        cmd.arg("--var").arg(format!("{name}:{value}"));
    }
    let mut service = Service::start("worker", &mut cmd, &log)?;
    service.wait_for_ok(addr(WORKER), "/v1/health", Duration::from_secs(240), &log)?;
    Ok(service)
}

/// The built page under `next start`.
pub fn page(env: &Env, log_dir: &Path) -> Result<Service> {
    ensure_free(addr(PAGE))?;
    let log = log_dir.join("page.log");
    let mut cmd = env.cmd("npm");
    cmd.current_dir(env.root.join("www"))
        .args(["run", "start", "--silent"]);
    let mut service = Service::start("page", &mut cmd, &log)?;
    service.wait_for(addr(PAGE), Duration::from_secs(60), &log)?;
    Ok(service)
}

/// The loopback fakes of every upstream provider (`tests/fake-upstream`).
pub fn fake_upstream(env: &Env, log_dir: &Path) -> Result<Service> {
    ensure_free(addr(FAKE_UPSTREAM))?;
    let log = log_dir.join("fake-upstream.log");
    let mut cmd = env.cargo();
    cmd.args([
        "run",
        "--quiet",
        "--release",
        "-p",
        "fake-upstream",
        "--",
        FAKE_UPSTREAM,
    ]);
    let mut service = Service::start("fake upstream", &mut cmd, &log)?;
    service.wait_for_ok(
        addr(FAKE_UPSTREAM),
        "/_control/log",
        Duration::from_secs(300),
        &log,
    )?;
    Ok(service)
}

/// The worker variables a suite runs with: `KEY=VALUE` lines of `file`, `#` comments and
/// blank lines skipped. They point the upstream chains at the fakes.
pub fn vars_file(file: &Path) -> Result<Vec<(String, String)>> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let vars = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    Ok(vars)
}
