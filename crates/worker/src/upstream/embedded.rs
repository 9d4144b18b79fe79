//! The embedded provider: the brand catalogue answers searches and the renderer draws
//! shots, with no network and no key, so the worker serves even with no upstream at all.

use super::Picture;
use crate::image::ImageRequest;
use crate::render::{Scene, svg};
use crate::search::LogoAnswer;

/// The catalogue's answer for `brand`, if the catalogue knows it.
pub fn logo(brand: &str) -> Option<LogoAnswer> {
    let known = turntable_core::brand_by_name(brand)?;
    Some(LogoAnswer {
        brand: known.name.to_owned(),
        badge: known.badge.to_owned(),
        country: Some(known.country.to_owned()),
        provider: "embedded".to_owned(),
        references: Vec::new(),
    })
}

/// The shot drawn by the renderer, as SVG.
pub fn picture(shot: &ImageRequest) -> Picture {
    let caption = shot.caption();
    let scene = Scene {
        angle: shot.angle,
        body: shot.body,
        color: &shot.color,
        caption: &caption,
        seed: shot.seed,
        width: shot.width,
        height: shot.height,
    };
    Picture {
        bytes: svg(&scene).into_bytes(),
        content_type: "image/svg+xml; charset=utf-8".to_owned(),
    }
}
