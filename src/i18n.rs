//! Translations. Every user-facing string comes from the Fluent files under
//! `assets/i18n/<lang>/`, embedded in the binary. French is the default.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::domain::{Lang, Message, MsgArg};

macro_rules! ftl_files {
    ($lang:literal) => {
        &[
            include_str!(concat!("../assets/i18n/", $lang, "/main.ftl")),
            include_str!(concat!("../assets/i18n/", $lang, "/cli.ftl")),
            include_str!(concat!("../assets/i18n/", $lang, "/money.ftl")),
            include_str!(concat!("../assets/i18n/", $lang, "/chart.ftl")),
            include_str!(concat!("../assets/i18n/", $lang, "/tui.ftl")),
            include_str!(concat!("../assets/i18n/", $lang, "/coop.ftl")),
            include_str!(concat!("../assets/i18n/", $lang, "/surplus.ftl")),
            include_str!(concat!("../assets/i18n/", $lang, "/savings.ftl")),
            include_str!(concat!("../assets/i18n/", $lang, "/reports.ftl")),
            include_str!(concat!("../assets/i18n/", $lang, "/reports-tui.ftl")),
            include_str!(concat!("../assets/i18n/", $lang, "/export.ftl")),
            include_str!(concat!("../assets/i18n/", $lang, "/safety.ftl")),
        ]
    };
}

/// The embedded sources, per language (exposed for the key-parity test).
pub const SOURCES_FR: &[&str] = ftl_files!("fr");
pub const SOURCES_EN: &[&str] = ftl_files!("en");

static CURRENT: AtomicU8 = AtomicU8::new(0);
static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();

fn build(lang: Lang, sources: &[&str]) -> FluentBundle<FluentResource> {
    let id = lang.code().parse().expect("valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Bidi isolation marks would show up as garbage in a terminal.
    bundle.set_use_isolating(false);
    for src in sources {
        let res = FluentResource::try_new(src.to_string())
            .unwrap_or_else(|(_, errs)| panic!("bad translation file: {errs:?}"));
        bundle
            .add_resource(res)
            .unwrap_or_else(|errs| panic!("duplicate translation key: {errs:?}"));
    }
    bundle
}

fn bundles() -> &'static [FluentBundle<FluentResource>; 2] {
    BUNDLES.get_or_init(|| [build(Lang::Fr, SOURCES_FR), build(Lang::En, SOURCES_EN)])
}

pub fn set_lang(lang: Lang) {
    CURRENT.store(
        match lang {
            Lang::Fr => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

pub fn lang() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Fr,
    }
}

/// Picks the language from an explicit choice (`--lang`), then
/// `JATEBO_LANG`; French when nothing says otherwise (the system locale of a
/// shared laptop says little about who sits at it).
pub fn detect(explicit: Option<&str>) -> Lang {
    if let Some(l) = explicit.and_then(Lang::from_tag) {
        return l;
    }
    if let Some(l) = std::env::var("JATEBO_LANG")
        .ok()
        .as_deref()
        .and_then(Lang::from_tag)
    {
        return l;
    }
    Lang::Fr
}

fn format(lang: Lang, key: &str, args: &[(&str, MsgArg)]) -> Option<String> {
    let idx = match lang {
        Lang::Fr => 0,
        Lang::En => 1,
    };
    let bundle = &bundles()[idx];
    let msg = bundle.get_message(key)?;
    let pattern = msg.value()?;
    let mut fargs = FluentArgs::new();
    for (name, value) in args {
        match value {
            MsgArg::Text(s) => fargs.set(*name, FluentValue::from(s.clone())),
            MsgArg::Int(n) => fargs.set(*name, FluentValue::from(*n)),
            MsgArg::Amount(n) => fargs.set(
                *name,
                FluentValue::from(crate::domain::money::Fcfa::new(*n).format_grouped(lang)),
            ),
            MsgArg::Date(d) => fargs.set(*name, FluentValue::from(date(*d, lang))),
            MsgArg::Qty(m) => fargs.set(
                *name,
                FluentValue::from(crate::domain::coop::Qty::from_milli(*m).format(lang)),
            ),
            MsgArg::Pct(r) => fargs.set(
                *name,
                FluentValue::from(crate::domain::savings::format_pct(*r, lang)),
            ),
        }
    }
    let mut errors = Vec::new();
    let s = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
    Some(s.into_owned())
}

/// A date the way the language writes it.
pub fn date(d: chrono::NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => d.format("%d/%m/%Y").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
}

/// A month the way the language writes it: `octobre 2026`, `October 2026`.
pub fn month(m: crate::domain::period::Month) -> String {
    let name = tr(&format!("month-{}", m.month));
    format!("{name} {}", m.year)
}

/// Whether a key exists in both languages.
pub fn has_key(key: &str) -> bool {
    let b = bundles();
    b[0].has_message(key) && b[1].has_message(key)
}

/// The message `key` in the current language, with arguments. A missing key
/// falls back to the other language, then to the key itself (a test makes
/// sure that never happens).
pub fn tr_args(key: &str, args: &[(&str, MsgArg)]) -> String {
    let l = lang();
    let other = if l == Lang::Fr { Lang::En } else { Lang::Fr };
    format(l, key, args)
        .or_else(|| format(other, key, args))
        .unwrap_or_else(|| key.to_string())
}

/// The message `key` in a given language, whatever the current one (the
/// first-run screen speaks both before one is chosen).
pub fn tr_in(lang: Lang, key: &str) -> String {
    format(lang, key, &[]).unwrap_or_else(|| key.to_string())
}

pub fn tr(key: &str) -> String {
    tr_args(key, &[])
}

/// The message for an error or notice from the domain.
pub fn message(m: &dyn Message) -> String {
    tr_args(m.key(), &m.args())
}

/// `t!("key")` or `t!("key", name = value, …)`.
#[macro_export]
macro_rules! t {
    ($key:expr) => {
        $crate::i18n::tr($key)
    };
    ($key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args(
            $key,
            &[$((stringify!($name), $crate::domain::MsgArg::from($value))),+],
        )
    };
}
