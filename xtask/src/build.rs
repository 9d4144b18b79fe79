//! Builds: the wasm package for the browser, the Worker bundle, and the Next.js page.

use crate::Result;
use crate::env::Env;
use crate::process::run;
use crate::setup::npm_install;

/// Builds everything `demo` and the tests need.
pub fn all(env: &Env) -> Result {
    client(env)?;
    worker(env)?;
    www(env)
}

/// `crates/client/pkg`: the npm package `turntable` (wasm-pack, `--target web`).
pub fn client(env: &Env) -> Result {
    run(env
        .cmd("wasm-pack")
        .args(["build", "--target", "web", "--release", "crates/client"]))
}

/// `crates/worker/build`: the Worker bundle that `wrangler dev` and `wrangler deploy` serve.
pub fn worker(env: &Env) -> Result {
    run(env
        .cmd("worker-build")
        .current_dir(env.root.join("crates/worker"))
        .arg("--release"))
}

/// `www/.next`: the production build of the page, against the freshly built wasm package.
pub fn www(env: &Env) -> Result {
    let dir = env.root.join("www");
    npm_install(env, &dir)?;
    run(env
        .cmd("npm")
        .current_dir(&dir)
        .args(["run", "build", "--silent"]))
}

/// Plans a series for each car of the real data set and prints what was normalised.
pub fn report(env: &Env) -> Result {
    let cars = env
        .root
        .join("tests/node_modules/vega-datasets/data/cars.json");
    run(env.core_example("report").arg(cars))
}
