//! placeholder

use crate::Result;
use crate::env::Env;

pub fn run(_env: &Env) -> Result {
    Err("not yet".into())
}
