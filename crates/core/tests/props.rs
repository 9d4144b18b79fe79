//! Property tests: no input of any kind (emoji, right-to-left text, NUL and other control
//! characters, combining marks, 100 KB strings, numbers out of any range) makes planning
//! panic, and every plan that comes back is valid.

use proptest::prelude::*;
use proptest::sample::select;
use turntable_core::{
    ANGLES, BRANDS, Enrichment, ErrorCode, Plan, PromptLimit, SessionId, SpecError, SpecInput,
    YearInput, plan, plan_with_session, resolve_brand,
};

/// Text chosen to break naive handling.
const TRICKY: &[&str] = &[
    "",
    " ",
    "\u{0}",
    "\u{0}\u{1}\u{7f}\u{9f}",
    "\u{202E}Mazda\u{202C}",
    "\u{2067}مرسيدس\u{2069}",
    "מאזדה",
    "🚗🚓🚕",
    "👨‍👩‍👧‍👦",
    "Škoda",
    "Citroën",
    "Citroe\u{0308}n",
    "z\u{0301}\u{0301}\u{0301}",
    "\u{FEFF}\u{200B}",
    "\r\n\t",
    "Лада Нива",
    "%00%0a",
    "\"quoted\" 'text' <b>",
    "\u{10FFFF}\u{E000}",
];

/// Makes that the catalogue knows, as people type them.
const MAKES: &[&str] = &[
    "maxda",
    "vw",
    "Škoda",
    "citroen",
    "Mercedes Benz",
    "toyotta",
    "Zastava",
];

/// Models, colours and body types that are valid.
const MODELS: &[&str] = &[
    "ID.4", "C-HR", "500X", "Series 3", "CX-30", "T-Roc", "Golf", "Civic",
];
const COLORS: &[&str] = &["red", "#1f4ea8", "Soul Red Crystal", "🦄 shimmer", "синий"];
const BODIES: &[&str] = &["sedan", "estate", "SUV", "Coupé", "pick-up", "MPV"];

fn long_text() -> impl Strategy<Value = String> {
    (any::<char>(), 1usize..=100_000).prop_map(|(c, n)| std::iter::repeat_n(c, n).collect())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        2 => "\\PC{0,30}",
        2 => select(TRICKY).prop_map(str::to_owned),
        1 => long_text(),
    ]
}

/// Text that is usually valid for the field and sometimes anything at all.
fn field(valid: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![3 => select(valid).prop_map(str::to_owned), 2 => text()]
}

fn year() -> impl Strategy<Value = YearInput> {
    prop_oneof![
        3 => (1886u16..=2027).prop_map(|y| YearInput::Number(f64::from(y))),
        1 => any::<f64>().prop_map(YearInput::Number),
        1 => (0u32..100_000).prop_map(|y| YearInput::Text(y.to_string())),
        1 => text().prop_map(YearInput::Text),
    ]
}

fn angle_ids() -> impl Strategy<Value = Vec<String>> {
    let ids: Vec<String> = ANGLES.iter().map(|a| a.id.to_owned()).collect();
    prop_oneof![
        4 => prop::sample::subsequence(ids.clone(), 1..=ids.len()).prop_shuffle(),
        1 => prop::collection::vec(prop_oneof![select(ids), text()], 0..16),
    ]
}

fn spec_input() -> impl Strategy<Value = SpecInput> {
    (
        field(MAKES),
        field(MODELS),
        year(),
        field(COLORS),
        field(BODIES),
        angle_ids(),
    )
        .prop_map(|(brand, model, year, color, body_type, angles)| SpecInput {
            brand,
            model,
            year,
            color,
            body_type,
            angles,
        })
}

/// Short text that stays valid once cleaned, however odd: visible characters of any script,
/// wrapped in characters that cleaning removes.
fn odd_but_valid() -> impl Strategy<Value = String> {
    let wrap = select(
        &[
            "", " ", "\u{0}", "\u{202E}", "\u{FEFF}", "\t\r\n", "\u{200B}",
        ][..],
    );
    let core = "\\PC{0,12}[\\p{L}\\p{N}\\p{So}]\\PC{0,12}";
    (wrap.clone(), core, wrap).prop_map(|(a, core, b)| format!("{a}{core}{b}"))
}

fn valid_spec_input() -> impl Strategy<Value = SpecInput> {
    let ids: Vec<String> = ANGLES.iter().map(|a| a.id.to_owned()).collect();
    let angles = prop::sample::subsequence(ids.clone(), 1..=ids.len()).prop_shuffle();
    let brand = prop_oneof![select(MAKES).prop_map(str::to_owned), odd_but_valid()];
    let year = (1886u16..=2027).prop_map(|y| YearInput::Number(f64::from(y)));
    let body = select(BODIES).prop_map(str::to_owned);
    (brand, odd_but_valid(), year, odd_but_valid(), body, angles).prop_map(
        |(brand, model, year, color, body_type, angles)| SpecInput {
            brand,
            model,
            year,
            color,
            body_type,
            angles,
        },
    )
}

fn enrichment() -> impl Strategy<Value = Enrichment> {
    let logo = prop::option::of(text());
    let captions = prop::collection::vec(text(), 0..4);
    prop_oneof![
        1 => Just(Enrichment::default()),
        2 => (logo, captions).prop_map(|(logo, captions)| Enrichment { logo, captions }),
    ]
}

fn limit() -> impl Strategy<Value = PromptLimit> {
    prop_oneof![Just(PromptLimit::SHORT), Just(PromptLimit::LONG)]
}

/// Everything a valid plan promises.
fn check_plan(plan: &Plan, input: &SpecInput, enrichment: &Enrichment, limit: PromptLimit) {
    assert_eq!(plan.shots.len(), input.angles.len());
    assert!(!plan.identity.is_empty());
    for word in [
        &plan.spec.brand,
        &plan.spec.model,
        &plan.spec.year.to_string(),
    ] {
        assert!(
            plan.identity.contains(word.as_str()),
            "{word} not in {}",
            plan.identity
        );
    }
    for (i, shot) in plan.shots.iter().enumerate() {
        assert!(shot.prompt.starts_with(&plan.identity), "{}", shot.prompt);
        assert!(
            shot.prompt.chars().count() <= limit.0,
            "{} chars",
            shot.prompt.len()
        );
        assert!(
            !shot.prompt.chars().any(char::is_control),
            "{:?}",
            shot.prompt
        );
        assert!(shot.seed <= 2_147_483_647);
        assert!(
            plan.shots[..i]
                .iter()
                .all(|s| s.seed != shot.seed && s.angle != shot.angle)
        );
    }

    let total: u32 = plan.score.items.iter().map(|i| i.points).sum();
    assert_eq!(plan.score.total, total);
    if enrichment.section().is_none() {
        assert_eq!(plan.score.total, 100, "{:?}", plan.score);
    }
    serde_json::to_string(plan).expect("a plan serialises");
}

/// Everything a refusal promises: a known code and field, and a short message.
fn check_error(err: &SpecError) {
    let fields = ["brand", "model", "year", "color", "bodyType", "angles"];
    assert!(fields.contains(&err.field), "{}", err.field);
    assert!(!err.code.as_str().is_empty());
    assert!(
        !err.message.is_empty() && err.message.chars().count() <= 160,
        "{}",
        err.message
    );
    assert_ne!(err.code, ErrorCode::InvalidSession);
    assert!(err.to_string().starts_with(err.field));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_input_plans_validly_or_fails_cleanly(
        input in spec_input(),
        enrichment in enrichment(),
        limit in limit(),
    ) {
        match plan(&input, 2026, &enrichment, limit) {
            Ok(plan) => check_plan(&plan, &input, &enrichment, limit),
            Err(err) => check_error(&err),
        }
    }

    #[test]
    fn odd_but_valid_specs_always_plan(
        input in valid_spec_input(),
        enrichment in enrichment(),
        limit in limit(),
    ) {
        match plan(&input, 2026, &enrichment, limit) {
            Ok(plan) => check_plan(&plan, &input, &enrichment, limit),
            Err(err) => panic!("{err} for {input:?}"),
        }
    }

    #[test]
    fn any_current_year_is_safe(input in spec_input(), current_year in any::<u16>()) {
        let _ = plan(&input, current_year, &Enrichment::default(), PromptLimit::SHORT);
    }

    #[test]
    fn a_series_replays_byte_for_byte(input in spec_input(), enrichment in enrichment()) {
        let session = SessionId::random();
        let a = plan_with_session(&input, session, 2026, &enrichment, PromptLimit::SHORT);
        let b = plan_with_session(&input, session, 2026, &enrichment, PromptLimit::SHORT);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn any_json_reads_without_panic(text in text()) {
        let _ = serde_json::from_str::<SpecInput>(&text);
    }

    #[test]
    fn json_with_any_values_plans_or_fails_cleanly(input in spec_input(), year in any::<i64>()) {
        let json = serde_json::json!({
            "brand": input.brand,
            "model": input.model,
            "year": year,
            "color": input.color,
            "bodyType": input.body_type,
            "angles": input.angles,
        });
        let input: SpecInput = serde_json::from_value(json).expect("well-formed spec JSON");
        if let Err(err) = plan(&input, 2026, &Enrichment::default(), PromptLimit::LONG) {
            check_error(&err);
        }
    }

    #[test]
    fn makes_resolve_under_case_spacing_and_accents(
        index in 0..BRANDS.len(),
        upper in prop::collection::vec(any::<bool>(), 30),
        spaces in "[ ]{0,3}",
    ) {
        let brand = &BRANDS[index];
        let typed: String = brand
            .name
            .chars()
            .zip(upper.iter().cycle())
            .map(|(c, up)| if *up { c.to_uppercase().to_string() } else { c.to_lowercase().to_string() })
            .collect();
        let typed = format!("{spaces}{typed}{spaces}");
        prop_assert_eq!(resolve_brand(&typed).map(|b| b.brand.name), Some(brand.name));
    }

    #[test]
    fn plain_models_survive_intact(model in "[A-Za-z0-9.+/-]{1,10}( [A-Za-z0-9.+/-]{1,10}){0,3}") {
        let input = SpecInput {
            brand: "Mazda".into(),
            model: model.clone(),
            year: YearInput::Number(2021.0),
            color: "red".into(),
            body_type: "suv".into(),
            angles: vec!["front".into()],
        };
        let plan = plan(&input, 2026, &Enrichment::default(), PromptLimit::SHORT).unwrap();
        prop_assert_eq!(&plan.spec.model, &model);
        let named = format!("Mazda {}", model);
        prop_assert!(plan.shots[0].prompt.contains(&named));
    }
}
