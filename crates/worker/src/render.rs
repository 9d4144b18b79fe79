//! The embedded renderer: draws one shot as SVG from the body type, colour and angle, so
//! that every shot of a series shows the same car even with no image provider at all.
//!
//! Drawings use an 800×600 view box; the requested size only sets the SVG's own size.

use std::fmt::Write;

use turntable_core::{Angle, BodyType};

/// What the renderer needs of one shot.
pub struct Scene<'a> {
    pub angle: &'static Angle,
    pub body: BodyType,
    /// `#rrggbb`.
    pub color: &'a str,
    /// A short line naming the car, drawn as a caption.
    pub caption: &'a str,
    pub seed: u32,
    pub width: u32,
    pub height: u32,
}

/// The side silhouette of a body type, facing right.
struct Profile {
    rear: f32,
    front: f32,
    belt: f32,
    roof: f32,
    c_base: f32,
    roof_rear: f32,
    roof_front: f32,
    a_base: f32,
    wheel: f32,
    open_top: bool,
    bed: bool,
}

const GROUND: f32 = 430.0;
const GLASS: &str = "#27313d";
const TYRE: &str = "#1b1b1d";

fn profile(body: BodyType) -> Profile {
    let p = |rear, front, belt, roof, c_base, roof_rear, roof_front, a_base, wheel| Profile {
        rear,
        front,
        belt,
        roof,
        c_base,
        roof_rear,
        roof_front,
        a_base,
        wheel,
        open_top: false,
        bed: false,
    };
    match body {
        BodyType::Sedan => p(110.0, 690.0, 335.0, 255.0, 215.0, 300.0, 455.0, 525.0, 46.0),
        BodyType::Hatchback => p(170.0, 660.0, 335.0, 250.0, 180.0, 225.0, 440.0, 515.0, 45.0),
        BodyType::Wagon => p(110.0, 690.0, 335.0, 252.0, 120.0, 140.0, 455.0, 525.0, 46.0),
        BodyType::Coupe => p(120.0, 690.0, 340.0, 272.0, 190.0, 320.0, 440.0, 530.0, 47.0),
        BodyType::Convertible => Profile {
            open_top: true,
            ..p(120.0, 690.0, 340.0, 290.0, 300.0, 330.0, 470.0, 530.0, 47.0)
        },
        BodyType::Suv => p(115.0, 690.0, 305.0, 200.0, 125.0, 140.0, 470.0, 540.0, 56.0),
        BodyType::Crossover => p(125.0, 685.0, 318.0, 222.0, 140.0, 165.0, 460.0, 535.0, 52.0),
        BodyType::Pickup => Profile {
            bed: true,
            ..p(100.0, 700.0, 305.0, 205.0, 330.0, 340.0, 470.0, 540.0, 56.0)
        },
        BodyType::Van => p(115.0, 690.0, 320.0, 175.0, 118.0, 120.0, 590.0, 640.0, 48.0),
        BodyType::Minivan => p(115.0, 690.0, 322.0, 200.0, 122.0, 135.0, 500.0, 585.0, 48.0),
    }
}

/// Draws the shot as a complete SVG document.
pub fn svg(scene: &Scene) -> String {
    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 800 600" role="img">"##,
        scene.width, scene.height
    );
    let _ = write!(
        out,
        "<title>{}</title>",
        escape(&format!("{} – {}", scene.caption, scene.angle.label))
    );
    out.push_str(r##"<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f4f5f7"/><stop offset="1" stop-color="#d9dce1"/></linearGradient></defs><rect width="800" height="600" fill="url(#bg)"/>"##);

    match scene.angle.id {
        "front" => face(&mut out, scene, true),
        "rear" => face(&mut out, scene, false),
        "side" => side(&mut out, scene, false),
        "side-right" => side(&mut out, scene, true),
        "front-three-quarter" => three_quarter(&mut out, scene, true, false),
        "front-three-quarter-right" => three_quarter(&mut out, scene, true, true),
        "rear-three-quarter" => three_quarter(&mut out, scene, false, false),
        "rear-three-quarter-right" => three_quarter(&mut out, scene, false, true),
        "top" => top(&mut out, scene),
        "interior" => interior(&mut out, scene),
        "rear-seats" => rear_seats(&mut out, scene),
        _ => wheel_detail(&mut out, scene),
    }

    caption(&mut out, scene);
    out.push_str("</svg>");
    out
}

fn shadow(out: &mut String, cx: f32, rx: f32) {
    let _ = write!(
        out,
        r##"<ellipse cx="{cx}" cy="{}" rx="{rx}" ry="18" fill="#000" opacity="0.18"/>"##,
        GROUND + 4.0
    );
}

/// The side silhouette facing right, without shadow or transform.
fn silhouette(out: &mut String, p: &Profile, color: &str) {
    let bottom = GROUND - p.wheel * 0.55;
    let _ = write!(
        out,
        r##"<path d="M{r},{b} L{r},{rb} Q{r},{belt} {rs},{belt} L{fb},{belt} Q{f},{fh} {f},{fl} L{f},{b} Z" fill="{color}" stroke="#0006" stroke-width="2"/>"##,
        r = p.rear,
        b = bottom,
        rb = p.belt + 18.0,
        belt = p.belt,
        rs = p.rear + 25.0,
        fb = p.front - 60.0,
        f = p.front,
        fh = p.belt + 8.0,
        fl = p.belt + 40.0,
    );
    if p.open_top {
        let _ = write!(
            out,
            r##"<path d="M{a},{belt} L{rf},{roof} L{rf2},{roof} L{a2},{belt} Z" fill="{GLASS}" opacity="0.85"/>"##,
            a = p.a_base,
            belt = p.belt,
            rf = p.roof_front,
            roof = p.roof,
            rf2 = p.roof_front + 8.0,
            a2 = p.a_base + 10.0
        );
    } else {
        let _ = write!(
            out,
            r##"<path d="M{c},{belt} L{rr},{roof} L{rf},{roof} L{a},{belt} Z" fill="{color}" stroke="#0006" stroke-width="2"/>"##,
            c = p.c_base,
            belt = p.belt,
            rr = p.roof_rear,
            roof = p.roof,
            rf = p.roof_front,
            a = p.a_base
        );
        let inset = 10.0;
        let _ = write!(
            out,
            r##"<path d="M{c},{bl} L{rr},{rt} L{rf},{rt} L{a},{bl} Z" fill="{GLASS}" opacity="0.9"/>"##,
            c = p.c_base + inset * 1.6,
            bl = p.belt - 4.0,
            rr = p.roof_rear + inset,
            rt = p.roof + inset,
            rf = p.roof_front - inset * 0.6,
            a = p.a_base - inset * 1.6
        );
        let pillar = (p.roof_rear + p.roof_front) / 2.0 + 10.0;
        let _ = write!(
            out,
            r##"<line x1="{pillar}" y1="{}" x2="{pillar}" y2="{}" stroke="{color}" stroke-width="9"/>"##,
            p.roof + 4.0,
            p.belt
        );
    }
    if p.bed {
        let _ = write!(
            out,
            r##"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="#0007" stroke-width="3"/>"##,
            p.belt,
            p.belt + 60.0,
            x = p.c_base - 12.0
        );
    }
    let _ = write!(
        out,
        r##"<rect x="{}" y="{}" width="22" height="10" rx="4" fill="#fff6c8" stroke="#0005"/>"##,
        p.front - 24.0,
        p.belt + 14.0
    );
    let _ = write!(
        out,
        r##"<rect x="{}" y="{}" width="14" height="12" rx="3" fill="#c0262d"/>"##,
        p.rear,
        p.belt + 12.0
    );
    let span = p.front - p.rear;
    for x in [p.rear + span * 0.2, p.front - span * 0.2] {
        wheel(out, x, GROUND - p.wheel, p.wheel);
    }
}

fn wheel(out: &mut String, cx: f32, cy: f32, r: f32) {
    let _ = write!(
        out,
        r##"<circle cx="{cx}" cy="{cy}" r="{r}" fill="{TYRE}"/><circle cx="{cx}" cy="{cy}" r="{}" fill="#aeb3ba" stroke="#6d737b" stroke-width="3"/><circle cx="{cx}" cy="{cy}" r="{}" fill="#6d737b"/>"##,
        r * 0.6,
        r * 0.15
    );
}

/// The attribute that mirrors a drawing left to right, for the right-hand angles.
fn mirror(on: bool) -> &'static str {
    if on {
        r#" transform="translate(800,0) scale(-1,1)""#
    } else {
        ""
    }
}

fn side(out: &mut String, scene: &Scene, mirrored: bool) {
    let p = profile(scene.body);
    shadow(out, 400.0, 300.0);
    let _ = write!(out, "<g{}>", mirror(mirrored));
    silhouette(out, &p, scene.color);
    out.push_str("</g>");
}

/// How much the receding side is compressed in a three-quarter view.
const RECEDE: f32 = 0.74;
/// How wide the near end (nose or tail) is drawn in a three-quarter view.
const END_WIDTH: f32 = 150.0;

fn three_quarter(out: &mut String, scene: &Scene, front: bool, mirrored: bool) {
    let p = profile(scene.body);
    shadow(out, 400.0, 290.0);

    // The side recedes to the left, compressed, and ends where the near end begins; for a
    // rear view the side is turned round so that its tail meets the near end.
    let joint = 560.0;
    let side = if front {
        format!(
            "translate({},0) scale({RECEDE},1)",
            joint - RECEDE * p.front
        )
    } else {
        format!(
            "translate({},0) scale(-{RECEDE},1)",
            joint + RECEDE * p.rear
        )
    };
    let _ = write!(out, "<g{}><g transform=\"{side}\">", mirror(mirrored));
    silhouette(out, &p, scene.color);
    out.push_str("</g>");
    near_end(out, &p, scene.color, joint, front);
    out.push_str("</g>");
}

/// The nose or tail of a three-quarter view, joined to the side at `x0`.
fn near_end(out: &mut String, p: &Profile, color: &str, x0: f32, front: bool) {
    let x1 = x0 + END_WIDTH;
    let bottom = GROUND - p.wheel * 0.55;
    let (top, drop) = (p.belt + 6.0, 12.0);

    // The far wheel shows under the near end.
    let _ = write!(
        out,
        r##"<ellipse cx="{}" cy="{}" rx="{}" ry="{}" fill="{TYRE}"/>"##,
        x1 - 28.0,
        GROUND - p.wheel * 0.75,
        p.wheel * 0.45,
        p.wheel * 0.75
    );
    let _ = write!(
        out,
        r##"<path d="M{x0},{top} L{x1},{t1} L{x1},{b1} L{x0},{bottom} Z" fill="{color}" stroke="#0006" stroke-width="2"/><path d="M{x0},{top} L{x1},{t1} L{x1},{b1} L{x0},{bottom} Z" fill="#000" opacity="0.16"/>"##,
        t1 = top + drop,
        b1 = bottom + drop,
    );

    let lamp = if front { "#fff6c8" } else { "#c0262d" };
    let _ = write!(
        out,
        r##"<rect x="{}" y="{}" width="44" height="16" rx="6" fill="{lamp}" stroke="#0005"/>"##,
        x1 - 52.0,
        top + drop + 8.0
    );
    let (mid_x, mid_y) = (x0 + 26.0, top + 36.0);
    let detail = if front {
        format!(r##"<rect x="{mid_x}" y="{mid_y}" width="56" height="24" rx="6" fill="#2a2d31"/>"##)
    } else {
        format!(
            r##"<rect x="{mid_x}" y="{mid_y}" width="48" height="18" rx="2" fill="#f5f5f5" stroke="#333"/>"##
        )
    };
    out.push_str(&detail);
}

fn face(out: &mut String, scene: &Scene, front: bool) {
    let p = profile(scene.body);
    shadow(out, 400.0, 250.0);
    face_shapes(out, &p, scene.color, front);
}

/// The car seen square-on from the front or the rear, centred on x = 400.
fn face_shapes(out: &mut String, p: &Profile, color: &str, front: bool) {
    let half = 215.0 + (p.wheel - 46.0) * 2.0;
    let (left, right) = (400.0 - half, 400.0 + half);
    let bottom = GROUND - p.wheel * 0.35;
    let roof_half = half * if p.open_top { 0.0 } else { 0.72 };

    for x in [left + 10.0, right - 50.0] {
        let _ = write!(
            out,
            r##"<rect x="{x}" y="{}" width="40" height="{}" rx="8" fill="{TYRE}"/>"##,
            bottom - 30.0,
            p.wheel * 0.55 + 30.0
        );
    }
    let _ = write!(
        out,
        r##"<path d="M{l},{b} L{l},{bl} Q{l},{belt} {l2},{belt} L{r2},{belt} Q{r},{belt} {r},{bl} L{r},{b} Z" fill="{color}" stroke="#0006" stroke-width="2"/>"##,
        l = left,
        r = right,
        b = bottom,
        bl = p.belt + 20.0,
        belt = p.belt,
        l2 = left + 25.0,
        r2 = right - 25.0
    );
    if roof_half > 0.0 {
        let _ = write!(
            out,
            r##"<path d="M{},{belt} L{},{roof} L{},{roof} L{},{belt} Z" fill="{color}" stroke="#0006" stroke-width="2"/>"##,
            left + 30.0,
            400.0 - roof_half,
            400.0 + roof_half,
            right - 30.0,
            belt = p.belt,
            roof = p.roof
        );
        let _ = write!(
            out,
            r##"<path d="M{},{} L{},{} L{},{} L{},{} Z" fill="{GLASS}"/>"##,
            left + 48.0,
            p.belt - 4.0,
            400.0 - roof_half + 14.0,
            p.roof + 12.0,
            400.0 + roof_half - 14.0,
            p.roof + 12.0,
            right - 48.0,
            p.belt - 4.0
        );
    } else {
        let _ = write!(
            out,
            r##"<rect x="{}" y="{}" width="{}" height="30" fill="{GLASS}" opacity="0.8"/>"##,
            left + 60.0,
            p.belt - 40.0,
            2.0 * half - 120.0
        );
    }
    let lamp = if front { "#fff6c8" } else { "#c0262d" };
    for x in [left + 22.0, right - 92.0] {
        let _ = write!(
            out,
            r##"<rect x="{x}" y="{}" width="70" height="20" rx="8" fill="{lamp}" stroke="#0005"/>"##,
            p.belt + 16.0
        );
    }
    if front {
        let _ = write!(
            out,
            r##"<rect x="330" y="{}" width="140" height="34" rx="8" fill="#2a2d31"/>"##,
            p.belt + 22.0
        );
    } else {
        let _ = write!(
            out,
            r##"<rect x="355" y="{}" width="90" height="26" rx="3" fill="#f5f5f5" stroke="#333"/>"##,
            p.belt + 40.0
        );
    }
}

fn top(out: &mut String, scene: &Scene) {
    let p = profile(scene.body);
    let length = p.front - p.rear;
    let (x, y) = (400.0 - length / 2.0, 200.0);
    let _ = write!(
        out,
        r##"<rect x="{x}" y="{y}" width="{length}" height="210" rx="60" fill="{}" stroke="#0006" stroke-width="2"/>"##,
        scene.color
    );
    if !p.open_top {
        let roof = p.roof_front - p.c_base;
        let _ = write!(
            out,
            r##"<rect x="{}" y="{}" width="{roof}" height="170" rx="30" fill="{GLASS}"/><rect x="{}" y="{}" width="{}" height="150" rx="20" fill="{}"/>"##,
            x + (p.c_base - p.rear),
            y + 20.0,
            x + (p.roof_rear - p.rear),
            y + 30.0,
            (p.roof_front - p.roof_rear).max(40.0),
            scene.color
        );
    }
}

fn interior(out: &mut String, scene: &Scene) {
    let _ = write!(
        out,
        r##"<rect x="0" y="40" width="800" height="200" fill="#cfe3f3"/><path d="M0,260 Q400,170 800,260 L800,600 L0,600 Z" fill="#2b2e33"/><path d="M0,300 Q400,230 800,300 L800,330 Q400,265 0,330 Z" fill="{}"/>"##,
        scene.color
    );
    let _ = write!(
        out,
        r##"<circle cx="260" cy="400" r="110" fill="none" stroke="#15171a" stroke-width="26"/><circle cx="260" cy="400" r="30" fill="#15171a"/><rect x="430" y="320" width="150" height="90" rx="10" fill="#0d1b2a" stroke="#555"/>"##
    );
}

fn rear_seats(out: &mut String, scene: &Scene) {
    out.push_str(r##"<rect x="0" y="0" width="800" height="600" fill="#3a3d42"/>"##);
    for x in [120.0, 330.0, 540.0] {
        let _ = write!(
            out,
            r##"<rect x="{x}" y="170" width="150" height="230" rx="30" fill="#55585e"/><rect x="{}" y="190" width="110" height="20" rx="8" fill="{}"/>"##,
            x + 20.0,
            scene.color
        );
    }
    out.push_str(r##"<rect x="90" y="380" width="620" height="110" rx="30" fill="#4a4d52"/>"##);
}

fn wheel_detail(out: &mut String, scene: &Scene) {
    let _ = write!(
        out,
        r##"<path d="M0,0 L800,0 L800,150 Q400,60 0,150 Z" fill="{}"/>"##,
        scene.color
    );
    out.push_str(r##"<circle cx="400" cy="330" r="230" fill="#1b1b1d"/><circle cx="400" cy="330" r="150" fill="#aeb3ba" stroke="#6d737b" stroke-width="6"/><rect x="470" y="230" width="60" height="120" rx="18" fill="#c0262d"/>"##);
    for i in 0..5 {
        let _ = write!(
            out,
            r##"<rect x="388" y="190" width="24" height="140" rx="10" fill="#8a9099" transform="rotate({} 400 330)"/>"##,
            i * 72
        );
    }
    out.push_str(r##"<circle cx="400" cy="330" r="34" fill="#5a6068"/>"##);
}

fn caption(out: &mut String, scene: &Scene) {
    let _ = write!(
        out,
        r##"<text x="24" y="40" font-family="system-ui, sans-serif" font-size="24" fill="#1d232b">{}</text><text x="24" y="580" font-family="system-ui, sans-serif" font-size="18" fill="#4a5260">{} · seed {} · embedded renderer</text>"##,
        escape(scene.caption),
        escape(scene.angle.label),
        scene.seed
    );
}

/// Escapes text for SVG character data and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
