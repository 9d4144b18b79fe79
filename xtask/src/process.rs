//! Running commands: one line saying what runs, a clear error naming what failed, and
//! services that are stopped when their guard is dropped (also on Ctrl-C or a failed step).

use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::Result;

/// Runs `cmd` to completion, inheriting output; fails with the command's name.
pub fn run(cmd: &mut Command) -> Result {
    let shown = describe(cmd);
    println!("xtask: $ {shown}");
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs `cmd` quietly and returns its trimmed stdout when it succeeds.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// Runs `cmd` but gives up after `limit`, killing it. Returns whether it succeeded in time.
pub fn run_bounded(cmd: &mut Command, limit: Duration) -> bool {
    let shown = describe(cmd);
    println!("xtask: $ {shown}   (at most {}s)", limit.as_secs());
    let Ok(mut child) = cmd.stdout(Stdio::null()).stderr(Stdio::null()).spawn() else {
        return false;
    };
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return status.success(),
            Ok(None) if start.elapsed() < limit => std::thread::sleep(Duration::from_millis(200)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return false;
            }
        }
    }
}

fn describe(cmd: &Command) -> String {
    let mut text = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// A background process (worker, page, fake upstream) stopped when dropped.
pub struct Service {
    name: &'static str,
    child: Child,
}

impl Service {
    /// Starts `cmd` in its own process group, with output appended to `log`.
    pub fn start(name: &'static str, cmd: &mut Command, log: &Path) -> Result<Self> {
        let file = std::fs::File::create(log)
            .map_err(|e| format!("cannot write {}: {e}", log.display()))?;
        let err = file.try_clone().map_err(|e| e.to_string())?;
        cmd.stdout(file).stderr(err).stdin(Stdio::null());
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            cmd.process_group(0);
        }
        println!(
            "xtask: starting {name}: {}   (log: {})",
            describe(cmd),
            log.display()
        );
        let child = cmd
            .spawn()
            .map_err(|e| format!("cannot start {name}: {e}"))?;
        Ok(Self { name, child })
    }

    /// Waits until `addr` accepts connections, failing early if the process exits.
    pub fn wait_for(&mut self, addr: SocketAddr, limit: Duration, log: &Path) -> Result {
        let start = Instant::now();
        while start.elapsed() < limit {
            if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
                println!(
                    "xtask: {} is up on {addr} after {:.1}s",
                    self.name,
                    start.elapsed().as_secs_f32()
                );
                return Ok(());
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!(
                    "{} exited ({status}); see {}",
                    self.name,
                    log.display()
                ));
            }
            std::thread::sleep(Duration::from_millis(250));
        }
        Err(format!(
            "{} did not listen on {addr} within {}s; see {}",
            self.name,
            limit.as_secs(),
            log.display()
        ))
    }

    /// Whether the process is still running.
    pub fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            // The whole group: wrangler and next start children of their own.
            let _ = Command::new("kill")
                .arg("--")
                .arg(format!("-{}", self.child.id()))
                .status();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        println!("xtask: stopped {}", self.name);
    }
}

/// Fails when something already listens on `addr`, naming the port.
pub fn ensure_free(addr: SocketAddr) -> Result {
    match TcpStream::connect_timeout(&addr, Duration::from_millis(200)) {
        Ok(_) => Err(format!(
            "{addr} is already in use; stop whatever listens there and retry"
        )),
        Err(_) => Ok(()),
    }
}
