//! The environment every build and test command runs in, as decided by `setup`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where things are and which toolchain builds wasm.
pub struct Env {
    /// The repository root.
    pub root: PathBuf,
    /// A rustup toolchain to use for every cargo command, when the default one cannot
    /// build wasm32 (see `toolchain`).
    pub toolchain: Option<String>,
}

impl Env {
    pub fn new(root: PathBuf, toolchain: Option<String>) -> Self {
        Self { root, toolchain }
    }

    /// `tests/node_modules/.bin`: wrangler, wasm-opt, esbuild.
    pub fn node_bin(&self) -> PathBuf {
        self.root.join("tests/node_modules/.bin")
    }

    pub fn target(&self) -> PathBuf {
        self.root.join("target")
    }

    /// A command with the project's environment: the chosen toolchain, the npm tools on
    /// PATH, the browser driver, and telemetry switched off.
    pub fn cmd(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.root);
        cmd.env("PATH", self.path());
        if let Some(name) = &self.toolchain {
            cmd.env("RUSTUP_TOOLCHAIN", name);
        }
        let bin = self.node_bin();
        cmd.env("WASM_OPT_BIN", bin.join("wasm-opt"));
        cmd.env("ESBUILD_BIN", bin.join("esbuild"));
        if let Some(path) = which("wasm-bindgen") {
            cmd.env("WASM_BINDGEN_BIN", path);
        }
        if Path::new("/usr/bin/chromedriver").exists() {
            cmd.env("CHROMEDRIVER", "/usr/bin/chromedriver");
        }
        cmd.env("WRANGLER_SEND_METRICS", "false");
        cmd.env("NEXT_TELEMETRY_DISABLED", "1");
        cmd.env("CARGO_TERM_COLOR", "never");
        cmd
    }

    /// A cargo command under the chosen toolchain.
    pub fn cargo(&self) -> Command {
        self.cmd("cargo")
    }

    /// `cargo run --release` of one of the core's examples (`bench`, `report`).
    pub fn core_example(&self, name: &str) -> Command {
        let mut cmd = self.cargo();
        cmd.args([
            "run",
            "--quiet",
            "--release",
            "-p",
            "turntable-core",
            "--example",
            name,
        ]);
        cmd.arg("--");
        cmd
    }

    fn path(&self) -> OsString {
        let mut dirs = vec![self.node_bin(), cargo_bin()];
        dirs.extend(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        ));
        std::env::join_paths(dirs).unwrap_or_default()
    }
}

/// `~/.cargo/bin` (or `$CARGO_HOME/bin`), where `cargo install` puts tools.
pub fn cargo_bin() -> PathBuf {
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        return PathBuf::from(home).join("bin");
    }
    let home = std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .unwrap_or_default();
    PathBuf::from(home).join(".cargo/bin")
}

/// Finds `program` on PATH or in cargo's bin directory.
pub fn which(program: &str) -> Option<PathBuf> {
    let exe = if cfg!(windows) {
        format!("{program}.exe")
    } else {
        program.to_owned()
    };
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(std::iter::once(cargo_bin()))
        .map(|dir| dir.join(&exe))
        .find(|p| p.is_file())
}

/// The repository root: the parent of the xtask crate.
pub fn repo_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}
