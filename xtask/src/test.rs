//! `cargo xtask test`: every check the project has, in one command, the one CI runs.
//!
//! Order: formatting and lints, native unit tests, builds, then the cross-layer suites
//! against a worker under `wrangler dev` and the built page under `next start`.

use crate::Result;
use crate::build;
use crate::env::Env;
use crate::process::run;
use crate::services::{self, FAKE_UPSTREAM, PAGE, WORKER};

/// One named step and whether it passed.
struct Outcome {
    name: &'static str,
    passed: bool,
}

pub fn run_all(env: &Env) -> Result {
    let mut outcomes = Vec::new();
    let mut step = |name: &'static str, result: Result| {
        if let Err(err) = &result {
            eprintln!("xtask: step `{name}` failed: {err}");
        }
        outcomes.push(Outcome {
            name,
            passed: result.is_ok(),
        });
        result
    };

    step("format", run(env.cargo().args(["fmt", "--all", "--check"])))?;
    step("clippy (native)", clippy_native(env))?;
    step("clippy (wasm32)", clippy_wasm(env))?;
    step(
        "unit tests",
        run(env
            .cargo()
            .args(["test", "-p", "turntable-core", "-p", "turntable-worker"])
            .args(["-p", "fake-upstream"])),
    )?;
    step("build", build::all(env))?;

    let logs = env.target().join("test");
    std::fs::create_dir_all(&logs).map_err(|e| e.to_string())?;
    let fakes = services::fake_upstream(env, &logs)?;
    let vars = services::vars_file(&env.root.join("tests/worker/vars.env"))?;
    let worker = services::worker(env, &logs, &vars)?;
    let endpoint = format!("http://{WORKER}");

    let _ = step("worker tests", node_tests(env, "tests/worker", &endpoint));
    let _ = step("browser tests", browser_tests(env, &endpoint));
    let page = services::page(env, &logs)?;
    let _ = step("end-to-end tests", node_tests(env, "tests/e2e", &endpoint));
    drop(page);
    drop(worker);
    drop(fakes);

    summary(&outcomes)
}

fn clippy_native(env: &Env) -> Result {
    run(env
        .cargo()
        .args([
            "clippy",
            "-p",
            "turntable-core",
            "-p",
            "xtask",
            "-p",
            "fake-upstream",
        ])
        .args(["--all-targets", "--", "-D", "warnings"]))
}

/// The browser module and the Worker are checked apart: together, Cargo would build the
/// core once with the Worker's features, and the module's own build would go unchecked.
fn clippy_wasm(env: &Env) -> Result {
    for package in ["turntable", "turntable-worker"] {
        run(env
            .cargo()
            .args(["clippy", "-p", package, "--all-targets"])
            .args(["--target", "wasm32-unknown-unknown", "--", "-D", "warnings"]))?;
    }
    Ok(())
}

/// `wasm-pack test` in headless Chromium, against the running worker.
fn browser_tests(env: &Env, endpoint: &str) -> Result {
    run(env
        .cmd("wasm-pack")
        .env("TURNTABLE_ENDPOINT", endpoint)
        .env("TURNTABLE_FAKE_UPSTREAM", format!("http://{FAKE_UPSTREAM}"))
        .args(["test", "--headless", "--chrome", "crates/client"]))
}

/// The Node test runner on every `*.test.mjs` in `dir`.
fn node_tests(env: &Env, dir: &str, endpoint: &str) -> Result {
    let files = test_files(&env.root.join(dir))?;
    run(env
        .cmd("node")
        .env("TURNTABLE_ENDPOINT", endpoint)
        .env("TURNTABLE_PAGE", format!("http://{PAGE}"))
        .env("TURNTABLE_FAKE_UPSTREAM", format!("http://{FAKE_UPSTREAM}"))
        .env("TURNTABLE_ARTIFACTS", env.target().join("e2e"))
        .args(["--test", "--test-concurrency=1"])
        .args(files))
}

fn test_files(dir: &std::path::Path) -> Result<Vec<std::path::PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no *.test.mjs files in {}", dir.display()));
    }
    Ok(files)
}

fn summary(outcomes: &[Outcome]) -> Result {
    println!();
    for o in outcomes {
        println!(
            "xtask: {:<20} {}",
            o.name,
            if o.passed { "passed" } else { "FAILED" }
        );
    }
    let failed = outcomes.iter().filter(|o| !o.passed).count();
    println!(
        "suites: {} passed, {failed} failed",
        outcomes.len() - failed
    );
    if failed == 0 {
        Ok(())
    } else {
        Err(format!("{failed} test step(s) failed"))
    }
}
