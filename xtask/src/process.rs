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

/// Whether `GET path` on `addr` answers with status 200.
fn http_ok(addr: SocketAddr, path: &str) -> bool {
    use std::io::{Read, Write};

    let Ok(mut stream) = TcpStream::connect_timeout(&addr, Duration::from_secs(1)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    let mut head = [0u8; 12];
    stream.write_all(request.as_bytes()).is_ok()
        && stream.read_exact(&mut head).is_ok()
        && head.starts_with(b"HTTP/1.1 200")
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
        let listening = || TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok();
        self.wait_until(listening, &format!("listen on {addr}"), limit, log)
    }

    /// Waits until `GET path` on `addr` answers 200: a port can be open before the service
    /// behind it is ready (wrangler listens while its build still runs).
    pub fn wait_for_ok(
        &mut self,
        addr: SocketAddr,
        path: &str,
        limit: Duration,
        log: &Path,
    ) -> Result {
        self.wait_until(
            || http_ok(addr, path),
            &format!("answer GET {path} on {addr}"),
            limit,
            log,
        )
    }

    /// Polls `ready` until it holds, the process exits, or `limit` passes.
    fn wait_until(
        &mut self,
        ready: impl Fn() -> bool,
        what: &str,
        limit: Duration,
        log: &Path,
    ) -> Result {
        let start = Instant::now();
        while start.elapsed() < limit {
            if ready() {
                let waited = start.elapsed().as_secs_f32();
                println!("xtask: {} is up ({what}) after {waited:.1}s", self.name);
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
        let seconds = limit.as_secs();
        Err(format!(
            "{} did not {what} within {seconds}s; see {}",
            self.name,
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

/// Fails when something still listens on `addr` after a few seconds (a service that was just
/// stopped may take a moment to let its port go), naming the port.
pub fn ensure_free(addr: SocketAddr) -> Result {
    let start = Instant::now();
    while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
        if start.elapsed() > Duration::from_secs(15) {
            return Err(format!(
                "{addr} is already in use; stop whatever listens there and retry"
            ));
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    Ok(())
}
