//! The catalogue of camera angles a car listing uses. Each angle has a stable kebab-case id,
//! a label for people and the camera wording that goes into its prompt.

use serde::Serialize;

/// One camera angle of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Angle {
    /// Stable id used in specs, JSON and URLs.
    pub id: &'static str,
    /// Short label shown to people.
    pub label: &'static str,
    /// How the camera sees the car; this text appears in this angle's prompt and no other.
    pub camera: &'static str,
    /// Whether the shot shows the outside of the car.
    pub exterior: bool,
}

const fn angle(
    id: &'static str,
    label: &'static str,
    camera: &'static str,
    exterior: bool,
) -> Angle {
    Angle {
        id,
        label,
        camera,
        exterior,
    }
}

/// Every angle Turntable can plan, in the order a listing shows them.
pub static ANGLES: &[Angle] = &[
    angle(
        "front",
        "Front",
        "straight-on front view at headlight height, whole car centred",
        true,
    ),
    angle(
        "front-three-quarter",
        "Front three-quarter",
        "front three-quarter view from the front left corner, wheels turned slightly",
        true,
    ),
    angle(
        "front-three-quarter-right",
        "Front three-quarter (right)",
        "front three-quarter view from the front right corner",
        true,
    ),
    angle(
        "side",
        "Side",
        "full side profile from the left, camera level with the wheel hubs",
        true,
    ),
    angle(
        "side-right",
        "Side (right)",
        "full side profile from the right, camera level with the wheel hubs",
        true,
    ),
    angle(
        "rear",
        "Rear",
        "straight-on rear view at tail-light height, whole car centred",
        true,
    ),
    angle(
        "rear-three-quarter",
        "Rear three-quarter",
        "rear three-quarter view from the rear left corner",
        true,
    ),
    angle(
        "rear-three-quarter-right",
        "Rear three-quarter (right)",
        "rear three-quarter view from the rear right corner",
        true,
    ),
    angle(
        "top",
        "Top",
        "high overhead view looking down on the roof and bonnet",
        true,
    ),
    angle(
        "interior",
        "Interior",
        "interior view from the rear seat towards the dashboard, steering wheel and centre console",
        false,
    ),
    angle(
        "rear-seats",
        "Rear seats",
        "interior view of the rear seat row from the open rear door",
        false,
    ),
    angle(
        "wheel",
        "Wheel detail",
        "close-up of the front left wheel, tyre and brake caliper",
        true,
    ),
];

/// Looks an angle up by its id, accepting case and separator variants ("Front_Three_Quarter").
pub fn angle_by_id(id: &str) -> Option<&'static Angle> {
    let wanted = id.trim();
    ANGLES.iter().find(|a| same_id(a.id, wanted))
}

/// Whether `typed` spells `id`, ignoring ASCII case and reading `_` and ` ` as `-`.
fn same_id(id: &str, typed: &str) -> bool {
    let unify = |b: u8| {
        if b == b'_' || b == b' ' {
            b'-'
        } else {
            b.to_ascii_lowercase()
        }
    };
    id.len() == typed.len() && id.bytes().zip(typed.bytes()).all(|(a, b)| a == unify(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case() {
        for (i, a) in ANGLES.iter().enumerate() {
            assert!(
                a.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                a.id
            );
            assert!(
                ANGLES[i + 1..].iter().all(|b| b.id != a.id),
                "duplicate {}",
                a.id
            );
        }
    }

    #[test]
    fn camera_wording_is_unique_to_each_angle() {
        for a in ANGLES {
            for b in ANGLES.iter().filter(|b| b.id != a.id) {
                assert!(!b.camera.contains(a.camera), "{} inside {}", a.id, b.id);
            }
        }
    }

    #[test]
    fn lookup_accepts_variants() {
        assert_eq!(
            angle_by_id("Front_Three_Quarter").map(|a| a.id),
            Some("front-three-quarter")
        );
        assert_eq!(angle_by_id(" rear ").map(|a| a.id), Some("rear"));
        assert_eq!(angle_by_id("REAR seats").map(|a| a.id), Some("rear-seats"));
        assert_eq!(angle_by_id("roof"), None);
        assert_eq!(angle_by_id("frönt"), None);
        assert_eq!(angle_by_id(""), None);
    }
}
