//! Wake-ups that resume a waiting request in its own I/O context.
//!
//! In workerd every request has an I/O context, and objects such as response bodies and
//! subrequests belong to the context that created them. A Rust future woken by another
//! request's event runs inside that other request's context. So a request that waits on
//! another (a merged duplicate, a queued upstream call) waits on a JavaScript promise it
//! created itself: whoever settles it may run in any context, and the runtime delivers the
//! continuation back to the waiting request.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use js_sys::futures::{JsFuture, spawn_local};
use js_sys::{Function, Promise};
use wasm_bindgen::JsValue;

/// The settling half of a wake-up; firing it twice, or after the waiter left, does nothing.
pub struct Wake {
    resolve: Function,
}

impl Wake {
    pub fn fire(&self) {
        let _ = self.resolve.call0(&JsValue::NULL);
    }
}

/// A wake-up and the future that completes when it fires, made in the current context.
pub fn pair() -> (Wake, JsFuture) {
    let mut resolve = None;
    let promise = Promise::new(&mut |res, _rej| resolve = Some(res));
    let resolve = resolve.unwrap_or_else(|| Function::new_no_args(""));
    (Wake { resolve }, JsFuture::from(promise))
}

/// Awaits `future` (usually one driven by another request) and resumes in this request's
/// context; `None` if the future was dropped before it finished.
pub async fn resume_here<T: 'static>(future: impl Future<Output = T> + 'static) -> Option<T> {
    let slot = Rc::new(RefCell::new(None));
    let (wake, woken) = pair();
    let out = Rc::clone(&slot);
    spawn_local(async move {
        let value = future.await;
        *out.borrow_mut() = Some(value);
        wake.fire();
    });
    let _ = woken.await;
    slot.borrow_mut().take()
}
