//! Pure bookkeeping rules: no IO, no SQL, no terminal. Everything here is
//! deterministic and unit-testable.

pub mod access;
pub mod account;
pub mod chart;
pub mod clock;
pub mod coop;
pub mod export;
pub mod ledger;
pub mod money;
pub mod period;
pub mod report;
pub mod safety;
pub mod savings;
pub mod statements;
pub mod surplus;
pub mod text;
pub mod verify;

use serde::{Deserialize, Serialize};

/// A user-interface language. French is the default everywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parses `fr`, `fr-ML`, `fr_FR.UTF-8`, `en`, `en-US`… (case-insensitive).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase();
        let base = t.split(['-', '_', '.']).next().unwrap_or("");
        match base {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A value passed to a translated message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MsgArg {
    Text(String),
    /// A count or a year: printed as is.
    Int(i64),
    /// An amount in francs: grouped the way the language writes it.
    Amount(i64),
    /// A date: `31/10/2026` in French, `2026-10-31` in English.
    Date(chrono::NaiveDate),
    /// A quantity in thousandths of a unit: `2,5` in French, `2.5` in English.
    Qty(i64),
    /// A rate as a fraction, shown as a percentage: `0.105` → `10,5` / `10.5`.
    Pct(rust_decimal::Decimal),
}

impl From<&str> for MsgArg {
    fn from(s: &str) -> Self {
        MsgArg::Text(s.to_string())
    }
}
impl From<String> for MsgArg {
    fn from(s: String) -> Self {
        MsgArg::Text(s)
    }
}
impl From<i64> for MsgArg {
    fn from(n: i64) -> Self {
        MsgArg::Int(n)
    }
}
impl From<money::Fcfa> for MsgArg {
    fn from(v: money::Fcfa) -> Self {
        MsgArg::Amount(v.francs())
    }
}
impl From<chrono::NaiveDate> for MsgArg {
    fn from(d: chrono::NaiveDate) -> Self {
        MsgArg::Date(d)
    }
}
impl From<usize> for MsgArg {
    fn from(n: usize) -> Self {
        MsgArg::Int(n as i64)
    }
}

/// Something that is shown to a user as a translated message: a key in the
/// Fluent files under `assets/i18n/` and its arguments. Domain errors
/// implement this instead of `Display`, so the domain never formats French
/// or English itself.
pub trait Message {
    fn key(&self) -> &'static str;
    fn args(&self) -> Vec<(&'static str, MsgArg)> {
        Vec::new()
    }
}
