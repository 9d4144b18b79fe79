//! `cargo xtask bench`: measures the figures the project tracks, prints them and writes them
//! to `target/bench/results.json` as one JSON object of figure name to number.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use flate2::Compression;
use flate2::write::GzEncoder;

use crate::Result;
use crate::build;
use crate::env::Env;
use crate::process::run;
use crate::services;

type Figures = BTreeMap<String, f64>;

pub fn run_all(env: &Env) -> Result {
    build::client(env)?;
    build::worker(env)?;

    let mut figures = Figures::new();
    figures.insert("plans_per_second".into(), plans_per_second(env)?);
    figures.insert("client_gzip_bytes".into(), client_gzip_bytes(env)?);
    figures.insert("worker_gzip_bytes".into(), worker_gzip_bytes(env)?);
    figures.extend(service_figures(env)?);

    write(env, &figures)
}

/// The core's planning speed for a 6-angle series on one thread.
fn plans_per_second(env: &Env) -> Result<f64> {
    let out = env
        .core_example("bench")
        .output()
        .map_err(|e| format!("cannot run the core bench: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    figure_line(&text, "plans_per_second")
        .ok_or_else(|| format!("the core bench printed no figure: {text}"))
}

/// Reads `name=value` from a line of `text`.
fn figure_line(text: &str, name: &str) -> Option<f64> {
    text.lines().find_map(|l| {
        l.trim()
            .strip_prefix(name)?
            .strip_prefix('=')?
            .trim()
            .parse()
            .ok()
    })
}

/// The browser module as a page downloads it: the `.wasm` and its JS glue, gzipped.
fn client_gzip_bytes(env: &Env) -> Result<f64> {
    let pkg = env.root.join("crates/client/pkg");
    Ok(gzip_len(&pkg.join("turntable_bg.wasm"))? + gzip_len(&pkg.join("turntable.js"))?)
}

/// The Worker bundle as uploaded: its `.wasm` and JS, gzipped.
fn worker_gzip_bytes(env: &Env) -> Result<f64> {
    let build = env.root.join("crates/worker/build");
    Ok(gzip_len(&build.join("index_bg.wasm"))? + gzip_len(&build.join("index.js"))?)
}

fn gzip_len(file: &Path) -> Result<f64> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(&bytes).map_err(|e| e.to_string())?;
    let packed = encoder.finish().map_err(|e| e.to_string())?;
    Ok(packed.len() as f64)
}

/// Figures that need the worker and the fakes running. Each `tests/bench/NAME.mjs` runs
/// against a fresh worker started with the variables of `tests/bench/NAME.env` (also given
/// to it as JSON in `TURNTABLE_WORKER_VARS`), and writes its figures as one JSON object to
/// the file named by `TURNTABLE_BENCH_OUT`.
fn service_figures(env: &Env) -> Result<Figures> {
    let dir = env.root.join("tests/bench");
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut scripts: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "mjs") && p.with_extension("env").exists())
        .collect();
    scripts.sort();

    let logs = env.target().join("bench");
    std::fs::create_dir_all(&logs).map_err(|e| e.to_string())?;
    let _fakes = services::fake_upstream(env, &logs)?;

    let mut figures = Figures::new();
    for script in scripts {
        figures.extend(bench_script(env, &script, &logs)?);
    }
    Ok(figures)
}

fn bench_script(env: &Env, script: &Path, logs: &Path) -> Result<Figures> {
    let name = script
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let dir = logs.join(&name);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let vars = services::vars_file(&script.with_extension("env"))?;
    let _worker = services::worker(env, &dir, &vars)?;
    let out_file = dir.join("figures.json");
    // The same variables, for a script that starts a worker of its own (see workerd.mjs).
    let vars_json = serde_json::to_string(&vars.iter().cloned().collect::<BTreeMap<_, _>>())
        .map_err(|e| e.to_string())?;

    run(env
        .cmd("node")
        .arg(script)
        .env("TURNTABLE_ENDPOINT", format!("http://{}", services::WORKER))
        .env(
            "TURNTABLE_FAKE_UPSTREAM",
            format!("http://{}", services::FAKE_UPSTREAM),
        )
        .env("TURNTABLE_WORKER_VARS", vars_json)
        .env("TURNTABLE_BENCH_OUT", &out_file))?;
    let text =
        std::fs::read_to_string(&out_file).map_err(|e| format!("{}: {e}", out_file.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", out_file.display()))
}

fn write(env: &Env, figures: &Figures) -> Result {
    println!();
    for (name, value) in figures {
        println!("{name} = {value}");
    }
    let dir = env.target().join("bench");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let file = dir.join("results.json");
    let text = serde_json::to_string_pretty(figures).map_err(|e| e.to_string())?;
    std::fs::write(&file, text).map_err(|e| format!("{}: {e}", file.display()))?;
    println!("xtask: figures written to {}", file.display());
    Ok(())
}
