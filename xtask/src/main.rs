//! Turntable's one entry point: `cargo xtask <command>`.
//!
//! Every command prepares what it needs first (see `setup`), so that a fresh clone on a
//! bare machine reaches a working state with `cargo xtask demo` or `cargo xtask test` alone.

mod bench;
mod build;
mod demo;
mod env;
mod process;
mod services;
mod setup;
mod test;
mod toolchain;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  setup    install and check everything the project needs (safe to repeat)
  build    build the wasm package, the worker and the page
  demo     build, then serve the worker on 127.0.0.1:8787 and the page on 127.0.0.1:3000
  test     formatting, lints, unit, browser, worker and end-to-end tests
  bench    measure the figures and write target/bench/results.json
  report   plan a series for every car of the real data set and summarise";

fn main() -> ExitCode {
    // Ctrl-C only sets a flag: the services of `demo` and `test` are then stopped on the
    // way out instead of being left running.
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, std::sync::atomic::Ordering::SeqCst));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::run_setup().map(|_| ()),
        Some("build") => setup::run_setup().and_then(|env| build::all(&env)),
        Some("demo") => setup::run_setup().and_then(|env| demo::run(&env)),
        Some("test") => setup::run_setup().and_then(|env| test::run_all(&env)),
        Some("bench") => setup::run_setup().and_then(|env| bench::run_all(&env)),
        Some("report") => setup::run_setup().and_then(|env| build::report(&env)),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };

    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("xtask: error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Set when the user pressed Ctrl-C.
pub static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The error of every step: a message that names what failed and what to do.
pub type Result<T = ()> = std::result::Result<T, String>;
