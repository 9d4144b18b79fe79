//! `cargo xtask demo`: builds everything, then serves the worker and the page until Ctrl-C.

use std::sync::atomic::Ordering;
use std::time::Duration;

use crate::build;
use crate::env::Env;
use crate::services::{self, PAGE, WORKER};
use crate::{INTERRUPTED, Result};

pub fn run(env: &Env) -> Result {
    build::all(env)?;
    let log_dir = env.target().join("demo");
    std::fs::create_dir_all(&log_dir).map_err(|e| e.to_string())?;

    let mut worker = services::worker(env, &log_dir, &[])?;
    let mut page = services::page(env, &log_dir)?;

    println!();
    println!("  worker  http://{WORKER}   (try http://{WORKER}/v1/health)");
    println!("  page    http://{PAGE}");
    println!();
    println!("Press Ctrl-C to stop both.");

    while worker.running() && page.running() {
        if INTERRUPTED.load(Ordering::SeqCst) {
            println!("xtask: stopping");
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    Err("a service stopped; see the logs in target/demo".into())
}
