//! The wasm32 target. The normal route is `rustup target add`; where that cannot download
//! (an offline machine), Debian's Rust toolchain with its standard-library source is used to
//! build a wasm32 standard library once, and that toolchain is linked into rustup under
//! [`FALLBACK`] and used for every cargo command after that.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::Result;
use crate::process::{output, run, run_bounded};

pub const WASM: &str = "wasm32-unknown-unknown";

/// The rustup name of the locally built toolchain.
pub const FALLBACK: &str = "turntable-wasm";

const DEBIAN_PACKAGES: &[&str] = &[
    "rustc-web",
    "cargo-web",
    "rust-web-clippy",
    "rustfmt-web",
    "rust-web-src",
    "lld-22",
];
const SYSROOT: &str = "/usr";
const LIBRARY_SRC: &str = "/usr/lib/rustlib/src/rust/library";
const HOST_BIN: &str = "/usr/lib/rustlib/x86_64-unknown-linux-gnu/bin";
const LLD: &str = "/usr/lib/llvm-22/bin/lld";

/// Makes sure some toolchain can build wasm32 and returns its name (`None`: the default).
///
/// `TURNTABLE_WASM_ROUTE=local` skips rustup and takes the local route, for checking it on a
/// machine where rustup would succeed.
pub fn ensure(target_dir: &Path) -> Result<Option<String>> {
    let local_only = std::env::var("TURNTABLE_WASM_ROUTE").is_ok_and(|v| v == "local");
    if local_only {
        return local(target_dir);
    }
    if has_wasm_std(None) {
        println!("xtask: wasm32 target: present in the default toolchain");
        return Ok(None);
    }
    if has_wasm_std(Some(FALLBACK)) {
        println!("xtask: wasm32 target: using the local toolchain `{FALLBACK}`");
        return Ok(Some(FALLBACK.to_owned()));
    }

    println!("xtask: wasm32 target: missing; trying rustup");
    let added = run_bounded(
        Command::new("rustup").args(["target", "add", WASM]),
        Duration::from_secs(60),
    );
    if added && has_wasm_std(None) {
        println!("xtask: wasm32 target: installed by rustup");
        return Ok(None);
    }

    println!("xtask: wasm32 target: rustup could not install it; building it locally");
    local(target_dir)
}

/// The local route: Debian's toolchain with a wasm32 standard library built here.
fn local(target_dir: &Path) -> Result<Option<String>> {
    if has_wasm_std(Some(FALLBACK)) {
        println!("xtask: wasm32 target: using the local toolchain `{FALLBACK}`");
        return Ok(Some(FALLBACK.to_owned()));
    }
    build_fallback(target_dir)?;
    if !has_wasm_std(Some(FALLBACK)) {
        return Err(format!(
            "the local toolchain `{FALLBACK}` still has no {WASM} standard library"
        ));
    }
    Ok(Some(FALLBACK.to_owned()))
}

/// Whether `toolchain` has a wasm32 standard library where rustc looks for it.
fn has_wasm_std(toolchain: Option<&str>) -> bool {
    let mut cmd = Command::new("rustc");
    cmd.args(["--print", "target-libdir", "--target", WASM]);
    match toolchain {
        Some(name) => cmd.env("RUSTUP_TOOLCHAIN", name),
        None => cmd.env_remove("RUSTUP_TOOLCHAIN"),
    };
    let Some(dir) = output(&mut cmd) else {
        return false;
    };
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("libcore-"))
    })
}

fn build_fallback(target_dir: &Path) -> Result {
    if !cfg!(target_os = "linux") || !Path::new("/usr/bin/apt-get").exists() {
        return Err(format!(
            "cannot install the {WASM} target: `rustup target add {WASM}` failed and the local \
             fallback needs Debian's apt-get; install the target with rustup and retry"
        ));
    }
    install_debian_toolchain()?;
    let std_dir = build_std(target_dir)?;
    install_std(&std_dir)?;
    link_lld()?;
    run(Command::new("rustup").args(["toolchain", "link", FALLBACK, SYSROOT]))
}

fn install_debian_toolchain() -> Result {
    let ready = Path::new(LIBRARY_SRC).is_dir()
        && output(Command::new("/usr/bin/rustc").arg("--version")).is_some()
        && Path::new(LLD).exists();
    if ready {
        println!("xtask: Debian Rust toolchain and library source: present");
        return Ok(());
    }
    apt_install(DEBIAN_PACKAGES)
}

/// Installs Debian packages non-interactively (after one index update).
pub fn apt_install(packages: &[&str]) -> Result {
    println!("xtask: installing Debian packages: {}", packages.join(" "));
    let apt = || {
        let mut cmd = Command::new("apt-get");
        cmd.env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    run(apt().args(["update", "-qq"]))?;
    run(apt()
        .args(["install", "-y", "-qq", "--no-install-recommends"])
        .args(packages))
    .map_err(|e| format!("{e}; these packages are needed: {}", packages.join(" ")))
}

/// Builds the wasm32 standard library in a throwaway crate and returns its deps directory.
fn build_std(target_dir: &Path) -> Result<std::path::PathBuf> {
    let dir = target_dir.join("wasm-std");
    std::fs::create_dir_all(dir.join("src")).map_err(|e| e.to_string())?;
    let manifest = "[package]\nname = \"wasm-std-seed\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[workspace]\n";
    std::fs::write(dir.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("src/lib.rs"), "").map_err(|e| e.to_string())?;

    run(Command::new("/usr/bin/cargo")
        .current_dir(&dir)
        .env("RUSTC", "/usr/bin/rustc")
        .env("RUSTC_BOOTSTRAP", "1")
        .env_remove("RUSTUP_TOOLCHAIN")
        .args(["build", "--release", "--target", WASM])
        .arg("-Zbuild-std=std,panic_abort,panic_unwind,proc_macro,test"))?;
    Ok(dir.join("target").join(WASM).join("release/deps"))
}

fn install_std(deps: &Path) -> Result {
    let dest = Path::new(SYSROOT)
        .join("lib/rustlib")
        .join(WASM)
        .join("lib");
    std::fs::create_dir_all(&dest).map_err(|e| format!("cannot create {}: {e}", dest.display()))?;

    let entries = std::fs::read_dir(deps).map_err(|e| format!("{}: {e}", deps.display()))?;
    let mut copied = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("lib")
            && name.ends_with(".rlib")
            && !name.starts_with("libwasm_std_seed")
        {
            std::fs::copy(entry.path(), dest.join(&name)).map_err(|e| format!("{name}: {e}"))?;
            copied += 1;
        }
    }
    println!(
        "xtask: installed {copied} wasm32 standard-library crates in {}",
        dest.display()
    );
    Ok(())
}

fn link_lld() -> Result {
    let link = Path::new(HOST_BIN).join("rust-lld");
    if link.exists() {
        return Ok(());
    }
    std::fs::create_dir_all(HOST_BIN).map_err(|e| e.to_string())?;
    #[cfg(unix)]
    std::os::unix::fs::symlink(LLD, &link).map_err(|e| format!("cannot link rust-lld: {e}"))?;
    println!("xtask: linked {} -> {LLD}", link.display());
    Ok(())
}
