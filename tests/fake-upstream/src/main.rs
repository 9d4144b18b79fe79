//! Loopback fakes of every upstream provider Turntable's worker calls: DuckDuckGo image
//! search (token page and `i.js`), Brave's image search API, OpenAI-compatible image
//! generation and a pollinations-style image server, all on one address. A control API on
//! the same address sets how each provider misbehaves and reports what it was asked.
//!
//! Usage: `fake-upstream 127.0.0.1:8790`. Only loopback addresses are accepted.

mod encode;
mod http;
mod png;
mod providers;
mod state;

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use crate::state::State;

/// Connections served at once; more are answered 503 at once.
const MAX_CONNECTIONS: usize = 256;

fn main() {
    let addr = match parse_addr(std::env::args().nth(1)) {
        Ok(addr) => addr,
        Err(message) => {
            eprintln!("fake-upstream: {message}");
            std::process::exit(2);
        }
    };
    let listener = match TcpListener::bind(addr) {
        Ok(listener) => listener,
        Err(err) => {
            eprintln!("fake-upstream: cannot listen on {addr}: {err}");
            std::process::exit(1);
        }
    };
    println!("fake-upstream: listening on http://{addr}");
    serve(listener);
}

fn parse_addr(arg: Option<String>) -> Result<SocketAddr, String> {
    let text = arg.ok_or("usage: fake-upstream <loopback address:port>")?;
    let addr: SocketAddr = text
        .parse()
        .map_err(|_| format!("not a socket address: {text:?}"))?;
    if !addr.ip().is_loopback() {
        return Err(format!(
            "refusing to listen on {addr}: only loopback addresses are allowed"
        ));
    }
    Ok(addr)
}

fn serve(listener: TcpListener) {
    let state = Arc::new(Mutex::new(State::new()));
    let active = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming().flatten() {
        if active.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            active.fetch_sub(1, Ordering::SeqCst);
            http::busy(stream);
            continue;
        }
        let (state, active) = (Arc::clone(&state), Arc::clone(&active));
        thread::spawn(move || {
            handle(stream, &state);
            active.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

fn handle(mut stream: TcpStream, state: &Mutex<State>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(10)));
    match http::read_request(&mut stream) {
        Ok(request) => providers::answer(&mut stream, &request, state),
        Err(err) => http::write(
            &mut stream,
            &http::Reply::text(400, &format!("bad request: {err}")),
        ),
    }
}
