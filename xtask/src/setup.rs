//! `cargo xtask setup`: brings a bare machine to a working state, one line per step, and a
//! prepared machine through in seconds. Every step checks before it installs.

use std::path::Path;
use std::process::Command;

use crate::Result;
use crate::env::{Env, cargo_bin, repo_root, which};
use crate::process::{output, run};
use crate::toolchain::{self, apt_install};

/// Runs every set-up step and returns the environment later steps build in.
pub fn run_setup() -> Result<Env> {
    let root = repo_root();
    require("node", "Node.js 20 or newer")?;
    require("npm", "npm (comes with Node.js)")?;

    let toolchain = toolchain::ensure(&root.join("target"))?;
    let env = Env::new(root, toolchain);

    let bindgen = locked_version(&env, "wasm-bindgen")?;
    cargo_tool("wasm-bindgen", "wasm-bindgen-cli", Some(&bindgen))?;
    cargo_tool("wasm-pack", "wasm-pack", None)?;
    let worker = locked_version(&env, "worker")?;
    cargo_tool("worker-build", "worker-build", Some(&worker))?;

    npm_install(&env, &env.root.join("tests"))?;
    browser()?;
    println!("xtask: setup complete");
    Ok(env)
}

fn require(program: &str, what: &str) -> Result {
    match which(program) {
        Some(_) => Ok(()),
        None => Err(format!("{what} is required but `{program}` is not on PATH")),
    }
}

/// The version of `package` in Cargo.lock (creating the lock file if there is none).
fn locked_version(env: &Env, package: &str) -> Result<String> {
    let lock = env.root.join("Cargo.lock");
    if !lock.exists() {
        run(env.cargo().arg("generate-lockfile"))?;
    }
    let text = std::fs::read_to_string(&lock).map_err(|e| format!("Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = text
        .find(&needle)
        .ok_or(format!("{package} is not in Cargo.lock"))?
        + needle.len();
    let end = text[start..].find('"').ok_or("Cargo.lock is malformed")? + start;
    Ok(text[start..end].to_owned())
}

/// Installs a cargo tool unless the one on PATH already has the wanted version.
fn cargo_tool(program: &str, krate: &str, version: Option<&str>) -> Result {
    let found = which(program).and_then(|p| output(Command::new(p).arg("--version")));
    let fits = match (&found, version) {
        (Some(text), Some(v)) => text.split_whitespace().any(|word| word == v),
        (Some(_), None) => true,
        (None, _) => false,
    };
    if fits {
        println!("xtask: {program}: {}", found.unwrap_or_default());
        return Ok(());
    }

    println!(
        "xtask: {program}: installing {krate} {}",
        version.unwrap_or("(latest)")
    );
    let mut cmd = Command::new("cargo");
    cmd.env_remove("RUSTUP_TOOLCHAIN")
        .args(["install", "--quiet", krate]);
    if let Some(v) = version {
        cmd.args(["--version", v]);
    }
    run(&mut cmd).map_err(|e| format!("{e}; {program} is needed in {}", cargo_bin().display()))
}

/// `npm ci` in `dir` when its node_modules is missing or older than its lock file.
pub fn npm_install(env: &Env, dir: &Path) -> Result {
    let stamp = dir.join("node_modules/.package-lock.json");
    let lock = dir.join("package-lock.json");
    let modified = |p: &Path| p.metadata().and_then(|m| m.modified()).ok();
    if matches!((modified(&stamp), modified(&lock)), (Some(s), Some(l)) if s >= l) {
        println!("xtask: npm packages of {}: up to date", dir.display());
        return Ok(());
    }
    run(env
        .cmd("npm")
        .current_dir(dir)
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]))
}

/// Chromium and ChromeDriver for the browser tests.
fn browser() -> Result {
    let chromium = which("chromium").or_else(|| which("google-chrome"));
    let driver = which("chromedriver");
    if let (Some(c), Some(d)) = (&chromium, &driver) {
        println!("xtask: browser: {} and {}", c.display(), d.display());
        return Ok(());
    }
    if !Path::new("/usr/bin/apt-get").exists() {
        return Err(
            "Chromium and ChromeDriver are required for the browser tests; install both".into(),
        );
    }
    apt_install(&["chromium", "chromium-driver"])
}
