//! Amounts in francs CFA (ISO 4217 XOF): whole francs, no centimes.
//!
//! An amount is an [`Fcfa`], a signed count of whole francs kept in an `i64`.
//! XOF has 0 decimals, so there is nothing smaller than a franc to store.
//! Every amount a person types or a line posts is capped at [`MAX_AMOUNT`]
//! (one thousand billion francs), which keeps the sum of millions of lines
//! far from `i64` overflow; arithmetic is still checked everywhere.
//!
//! # Rounding rule (one rule for the whole application)
//!
//! Rates, unit costs and values per share can be fractional (10 000 F for a
//! batch of 37 soap bars is 270,27… F a bar). They are computed with
//! [`Decimal`] and brought back to the franc by **rounding half away from
//! zero** (arrondi commercial: 0,5 → 1, 1,5 → 2, −0,5 → −1;
//! `RoundingStrategy::MidpointAwayFromZero`). It is the rule treasurers and
//! auditors apply by hand, it is symmetric for debits and credits (a negative
//! amount rounds to the opposite of the positive one), and it does not depend
//! on whether the franc below is even, unlike banker's rounding, which people
//! checking a cash book would not reproduce.
//!
//! Rounding never makes a franc disappear: [`round_decimal`] and
//! [`Fcfa::mul_rate`] return a [`Rounded`] whose `difference` (rounded amount
//! minus exact value) callers must post to the rounding account.
//! [`allocate`] splits a total into parts that add up exactly to it, and
//! [`round_to_unit`] returns the remainder it takes off.
//!
//! # Typed amounts
//!
//! [`parse`], [`parse_positive`] and [`parse_signed`] accept what people write
//! in Mali: `1500`, `1 500`, `1.500`, `1,500`, `1 234 567 F CFA`, `1500FCFA`…
//! and refuse anything ambiguous with a precise [`MoneyError`] (a decimal
//! part, an exponent, digits from another script, bad grouping).

use std::fmt;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::{Lang, Message, MsgArg};

/// The largest amount, in francs, that one typed or posted amount may have
/// (one thousand billion F CFA).
pub const MAX_AMOUNT: i64 = 1_000_000_000_000;

/// A signed amount of whole francs CFA.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Fcfa(i64);

/// Why an amount could not be read or computed. Shown to users through
/// [`Message`] (keys `money-…` in `assets/i18n/*/money.ftl`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoneyError {
    /// Nothing was typed (or only a currency name).
    Empty,
    /// A minus sign where only amounts ≥ 0 are allowed.
    Negative,
    /// Zero where an amount > 0 is required.
    Zero,
    /// A decimal part (`1,5`, `1.50`, `1500,00`): francs CFA have no centimes.
    Decimal,
    /// Scientific notation (`1e9`).
    Exponent,
    /// A digit from another script (Arabic-Indic, fullwidth…).
    NonAsciiDigit(char),
    /// A character that has no place in an amount.
    InvalidChar(char),
    /// Digit groups of the wrong size, or doubled/trailing separators.
    BadGrouping,
    /// The number or the calculation does not fit in 64 bits.
    Overflow,
    /// The amount is larger than [`MAX_AMOUNT`].
    AboveCap { max: i64 },
    /// [`allocate`] was given no weights, or only zero weights.
    NoWeights,
}

impl Message for MoneyError {
    fn key(&self) -> &'static str {
        match self {
            MoneyError::Empty => "money-empty",
            MoneyError::Negative => "money-negative",
            MoneyError::Zero => "money-zero",
            MoneyError::Decimal => "money-decimal",
            MoneyError::Exponent => "money-exponent",
            MoneyError::NonAsciiDigit(_) => "money-non-ascii-digit",
            MoneyError::InvalidChar(_) => "money-invalid-char",
            MoneyError::BadGrouping => "money-bad-grouping",
            MoneyError::Overflow => "money-overflow",
            MoneyError::AboveCap { .. } => "money-above-cap",
            MoneyError::NoWeights => "money-no-weights",
        }
    }

    fn args(&self) -> Vec<(&'static str, MsgArg)> {
        match self {
            MoneyError::NonAsciiDigit(c) | MoneyError::InvalidChar(c) => vec![
                ("char", MsgArg::Text(printable_char(*c))),
                ("codepoint", MsgArg::Text(codepoint(*c))),
            ],
            MoneyError::AboveCap { max } => vec![
                ("max", MsgArg::Int(*max)),
                // Fluent does not group digits; spaces read well in both languages.
                (
                    "max_grouped",
                    MsgArg::Text(group_digits(max.unsigned_abs(), ' ')),
                ),
            ],
            _ => Vec::new(),
        }
    }
}

/// `U+0661` for `'١'`.
fn codepoint(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// The character itself if it can be shown safely in a terminal, otherwise
/// its code point (a tab, an escape or an invisible mark would garble the
/// message or be invisible).
fn printable_char(c: char) -> String {
    if c.is_control() || c.is_whitespace() || is_invisible_format(c) {
        codepoint(c)
    } else {
        c.to_string()
    }
}

fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E0FFF}'
    ) || unicode_normalization::char::is_combining_mark(c)
}

impl Fcfa {
    /// Zero francs.
    pub const ZERO: Fcfa = Fcfa(0);

    /// An amount of `francs` francs CFA.
    pub const fn new(francs: i64) -> Fcfa {
        Fcfa(francs)
    }

    /// The amount as a number of francs.
    pub const fn francs(self) -> i64 {
        self.0
    }

    pub const fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub const fn is_positive(self) -> bool {
        self.0 > 0
    }

    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// The absolute value.
    ///
    /// # Panics
    /// On `i64::MIN` francs, which no capped amount or sum of capped amounts
    /// can reach; use [`Fcfa::checked_abs`] where that is not certain.
    pub const fn abs(self) -> Fcfa {
        Fcfa(self.0.abs())
    }

    pub const fn checked_abs(self) -> Result<Fcfa, MoneyError> {
        match self.0.checked_abs() {
            Some(v) => Ok(Fcfa(v)),
            None => Err(MoneyError::Overflow),
        }
    }

    /// Whether `|self| ≤ MAX_AMOUNT`, the cap on one typed or posted amount.
    pub const fn is_within_cap(self) -> bool {
        -MAX_AMOUNT <= self.0 && self.0 <= MAX_AMOUNT
    }

    pub const fn checked_add(self, other: Fcfa) -> Result<Fcfa, MoneyError> {
        match self.0.checked_add(other.0) {
            Some(v) => Ok(Fcfa(v)),
            None => Err(MoneyError::Overflow),
        }
    }

    pub const fn checked_sub(self, other: Fcfa) -> Result<Fcfa, MoneyError> {
        match self.0.checked_sub(other.0) {
            Some(v) => Ok(Fcfa(v)),
            None => Err(MoneyError::Overflow),
        }
    }

    /// The amount times a whole number (a quantity, a number of shares).
    pub const fn checked_mul(self, factor: i64) -> Result<Fcfa, MoneyError> {
        match self.0.checked_mul(factor) {
            Some(v) => Ok(Fcfa(v)),
            None => Err(MoneyError::Overflow),
        }
    }

    pub const fn checked_neg(self) -> Result<Fcfa, MoneyError> {
        match self.0.checked_neg() {
            Some(v) => Ok(Fcfa(v)),
            None => Err(MoneyError::Overflow),
        }
    }

    /// Reads an amount ≥ 0 as typed by a person; same as [`parse`].
    pub fn parse(input: &str) -> Result<Fcfa, MoneyError> {
        parse(input)
    }

    /// Reads an amount > 0 (a posting line); same as [`parse_positive`].
    pub fn parse_positive(input: &str) -> Result<Fcfa, MoneyError> {
        parse_positive(input)
    }

    /// Reads an amount that may be negative; same as [`parse_signed`].
    pub fn parse_signed(input: &str) -> Result<Fcfa, MoneyError> {
        parse_signed(input)
    }

    /// The exact amount as a decimal, for computing with rates.
    pub fn to_decimal(self) -> Decimal {
        Decimal::from(self.0)
    }

    /// The amount times a fractional rate (an interest rate, a price per
    /// unit, `1/37` of a batch cost…), rounded half away from zero to the
    /// franc. The caller posts `difference` to the rounding account.
    ///
    /// 50 000 F × 0,10 = 5 000 F exactly (difference 0);
    /// 10 000 F × (1/37) = 270,27… → 270 F (difference −0,27…).
    pub fn mul_rate(self, rate: Decimal) -> Result<Rounded, MoneyError> {
        let exact = self
            .to_decimal()
            .checked_mul(rate)
            .ok_or(MoneyError::Overflow)?;
        round_decimal(exact)
    }

    /// `1 500 F CFA` (French) or `1,500 F CFA` (English); `-1 500 F CFA` for
    /// negative amounts. Ordinary spaces only, so terminals align it.
    pub fn format(self, lang: Lang) -> String {
        let mut s = self.format_grouped(lang);
        s.push_str(" F CFA");
        s
    }

    /// The digits with thousands grouped, without currency: `1 500`
    /// (French, ordinary space) or `1,500` (English).
    pub fn format_grouped(self, lang: Lang) -> String {
        let sep = match lang {
            Lang::Fr => ' ',
            Lang::En => ',',
        };
        let digits = group_digits(self.0.unsigned_abs(), sep);
        if self.0 < 0 {
            format!("-{digits}")
        } else {
            digits
        }
    }
}

/// The plain integer (`1500`, `-20`): for logs, files and debugging, not for
/// people — use [`Fcfa::format`] for them.
impl fmt::Display for Fcfa {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

fn group_digits(n: u64, sep: char) -> String {
    let plain = n.to_string();
    let len = plain.len();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in plain.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Adds amounts, failing instead of overflowing.
pub fn sum<I: IntoIterator<Item = Fcfa>>(amounts: I) -> Result<Fcfa, MoneyError> {
    amounts
        .into_iter()
        .try_fold(Fcfa::ZERO, |acc, x| acc.checked_add(x))
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

/// Reads an amount ≥ 0 as typed by a person (see the module doc for the
/// accepted forms). `0` is accepted.
pub fn parse(input: &str) -> Result<Fcfa, MoneyError> {
    parse_with(input, false)
}

/// Reads an amount > 0, as every posting line needs: zero is refused with
/// [`MoneyError::Zero`].
pub fn parse_positive(input: &str) -> Result<Fcfa, MoneyError> {
    let amount = parse_with(input, false)?;
    if amount.is_zero() {
        return Err(MoneyError::Zero);
    }
    Ok(amount)
}

/// Reads an amount that may be negative (a balance, an adjustment): like
/// [`parse`], with an optional leading `-` (or `−`, U+2212).
pub fn parse_signed(input: &str) -> Result<Fcfa, MoneyError> {
    parse_with(input, true)
}

/// Currency names accepted after the number, lowercase; a space in a pattern
/// stands for one or more spaces of any accepted kind. Longest first, so
/// `F CFA` is not read as `CFA` preceded by a stray `F`.
const SUFFIXES: &[&str] = &[
    "francs cfa",
    "franc cfa",
    "francs",
    "franc",
    "f.cfa",
    "f cfa",
    "fcfa",
    "cfa",
    "xof",
    "f",
];

/// Spaces people (and CLDR) put between digit groups: ordinary space,
/// no-break space, narrow no-break space, thin space.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// `s` without the currency name at its end, if it has one.
fn strip_currency(s: &str) -> &str {
    for pattern in SUFFIXES {
        if let Some(rest) = strip_suffix_pattern(s, pattern) {
            return rest;
        }
    }
    s
}

fn strip_suffix_pattern<'a>(s: &'a str, pattern: &str) -> Option<&'a str> {
    let mut rest = s;
    for p in pattern.chars().rev() {
        if p == ' ' {
            let trimmed = rest.trim_end_matches(is_group_space);
            if trimmed.len() == rest.len() {
                return None;
            }
            rest = trimmed;
        } else {
            let c = rest.chars().next_back()?;
            if c.to_ascii_lowercase() != p {
                return None;
            }
            rest = &rest[..rest.len() - c.len_utf8()];
        }
    }
    Some(rest)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Separator {
    Space,
    Dot,
    Comma,
}

fn parse_with(input: &str, allow_negative: bool) -> Result<Fcfa, MoneyError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(MoneyError::Empty);
    }
    let without_currency = strip_currency(trimmed).trim_end();

    let (negative, body) = match without_currency.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, without_currency),
    };
    if negative && !allow_negative {
        return Err(MoneyError::Negative);
    }
    if body.is_empty() {
        return Err(MoneyError::Empty);
    }

    // Characters first, left to right: the first one that cannot be part of
    // an amount is the one reported.
    let chars: Vec<char> = body.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_digit() || is_group_space(c) || c == '.' || c == ',' {
            continue;
        }
        if matches!(c, 'e' | 'E')
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_digit() || matches!(n, '+' | '-'))
        {
            return Err(MoneyError::Exponent);
        }
        if c.is_numeric() {
            return Err(MoneyError::NonAsciiDigit(c));
        }
        return Err(MoneyError::InvalidChar(c));
    }

    // Then the shape: digit groups between separators.
    let mut groups: Vec<&str> = Vec::new();
    let mut separators: Vec<Separator> = Vec::new();
    let mut start = 0;
    for (pos, c) in body.char_indices() {
        let sep = if is_group_space(c) {
            Separator::Space
        } else if c == '.' {
            Separator::Dot
        } else if c == ',' {
            Separator::Comma
        } else {
            continue;
        };
        groups.push(&body[start..pos]);
        separators.push(sep);
        start = pos + c.len_utf8();
    }
    groups.push(&body[start..]);

    if let Some(&last_sep) = separators.last() {
        // A doubled or trailing separator.
        if groups[1..].iter().any(|g| g.is_empty()) {
            return Err(MoneyError::BadGrouping);
        }
        // `1,5`, `1.50`, `1500,00`, `1 234,50`: a decimal part.
        let last_len = groups[groups.len() - 1].len();
        if last_sep != Separator::Space && last_len != 3 {
            return Err(MoneyError::Decimal);
        }
        if separators.iter().any(|&s| s != last_sep) {
            return Err(MoneyError::BadGrouping);
        }
        let first_len = groups[0].len();
        if !(1..=3).contains(&first_len) || groups[1..].iter().any(|g| g.len() != 3) {
            return Err(MoneyError::BadGrouping);
        }
    }

    let mut magnitude: i64 = 0;
    for d in groups.iter().flat_map(|g| g.bytes()) {
        magnitude = magnitude
            .checked_mul(10)
            .and_then(|m| m.checked_add(i64::from(d - b'0')))
            .ok_or(MoneyError::Overflow)?;
    }
    if magnitude > MAX_AMOUNT {
        return Err(MoneyError::AboveCap { max: MAX_AMOUNT });
    }
    Ok(Fcfa(if negative { -magnitude } else { magnitude }))
}

// ---------------------------------------------------------------------------
// Rounding and allocation
// ---------------------------------------------------------------------------

/// A decimal value rounded to the franc, and what the rounding added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rounded {
    /// The value rounded half away from zero to the franc.
    pub amount: Fcfa,
    /// `amount − exact`: positive when rounding added francs, negative when
    /// it took some off, never more than 0,5 either way. Post it to the
    /// rounding account; never drop it.
    pub difference: Decimal,
}

/// Rounds an exact value half away from zero to the franc
/// (270,27 → 270; 270,5 → 271; −270,5 → −271).
pub fn round_decimal(exact: Decimal) -> Result<Rounded, MoneyError> {
    let rounded = exact.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    let francs = rounded.to_i64().ok_or(MoneyError::Overflow)?;
    let difference = Decimal::from(francs)
        .checked_sub(exact)
        .ok_or(MoneyError::Overflow)?;
    Ok(Rounded {
        amount: Fcfa(francs),
        difference,
    })
}

/// Splits `total` into parts proportional to `weights` (shares held, days
/// worked…), by the largest-remainder method: every part gets the whole
/// francs of its exact share, then the francs left over go one each to the
/// parts with the largest fractional remainders, ties to the earliest index.
/// The parts add up exactly to `total`, each is within 1 F of its exact
/// share, and a zero weight gets 0. A negative total is split like its
/// opposite, then negated.
pub fn allocate(total: Fcfa, weights: &[u64]) -> Result<Vec<Fcfa>, MoneyError> {
    let weight_sum: u128 = weights.iter().map(|&w| u128::from(w)).sum();
    if weight_sum == 0 {
        return Err(MoneyError::NoWeights);
    }
    let magnitude = u128::from(total.0.unsigned_abs());
    // magnitude < 2^64 and w < 2^64, so the products fit in u128.
    let mut parts: Vec<u128> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(u128, usize)> = Vec::with_capacity(weights.len());
    let mut given: u128 = 0;
    for (i, &w) in weights.iter().enumerate() {
        let product = magnitude * u128::from(w);
        let part = product / weight_sum;
        given += part;
        parts.push(part);
        remainders.push((product % weight_sum, i));
    }
    let left_over = magnitude - given;
    // Largest remainder first; equal remainders in index order.
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in remainders.iter().take(left_over as usize) {
        parts[i] += 1;
    }
    parts
        .into_iter()
        .map(|p| {
            let p = i128::try_from(p).map_err(|_| MoneyError::Overflow)?;
            let signed = if total.0 < 0 { -p } else { p };
            i64::try_from(signed)
                .map(Fcfa)
                .map_err(|_| MoneyError::Overflow)
        })
        .collect()
}

/// Rounds `amount` down to a multiple of `unit` (1, 5, 25 F: the smallest
/// coin a share-out pays in) and returns `(rounded, remainder)`, with
/// `rounded + remainder == amount` and `0 ≤ remainder < unit` for amounts
/// ≥ 0. A negative amount is rounded towards zero (its remainder is ≤ 0).
///
/// # Panics
/// If `unit` is not positive: that is a programming or settings error.
pub fn round_to_unit(amount: Fcfa, unit: i64) -> (Fcfa, Fcfa) {
    assert!(unit > 0, "round_to_unit: unit must be positive, got {unit}");
    let remainder = amount.0 % unit;
    (Fcfa(amount.0 - remainder), Fcfa(remainder))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn ok(n: i64) -> Result<Fcfa, MoneyError> {
        Ok(Fcfa::new(n))
    }

    // --- accepted forms -------------------------------------------------

    #[test]
    fn parses_plain_digits() {
        assert_eq!(parse("1500"), ok(1500));
        assert_eq!(parse("0"), ok(0));
        assert_eq!(parse("7"), ok(7));
        assert_eq!(parse("0500"), ok(500));
        assert_eq!(parse("000"), ok(0));
        assert_eq!(parse("  1500\t"), ok(1500));
    }

    #[test]
    fn parses_grouped_with_each_separator() {
        assert_eq!(parse("1 500"), ok(1500));
        assert_eq!(parse("1.500"), ok(1500));
        assert_eq!(parse("1,500"), ok(1500));
        assert_eq!(parse("1 234 567"), ok(1_234_567));
        assert_eq!(parse("1.234.567"), ok(1_234_567));
        assert_eq!(parse("1,234,567"), ok(1_234_567));
        assert_eq!(parse("12 345"), ok(12_345));
        assert_eq!(parse("123 456"), ok(123_456));
        assert_eq!(parse("1\u{00A0}500"), ok(1500));
        assert_eq!(parse("1\u{202F}234\u{202F}567"), ok(1_234_567));
        assert_eq!(parse("1\u{2009}500"), ok(1500));
        // Kinds of spaces may mix.
        assert_eq!(parse("1 234\u{202F}567\u{00A0}890"), ok(1_234_567_890));
    }

    #[test]
    fn parses_currency_suffixes() {
        for s in [
            "1 500 F CFA",
            "1 500 FCFA",
            "1 500 F",
            "1 500 CFA",
            "1 500 XOF",
            "1 500 francs",
            "1 500 F.CFA",
            "1500F CFA",
            "1500FCFA",
            "1500F",
            "1500cfa",
            "1500xof",
            "1500 Francs",
            "1500f.cfa",
            "1.500 fcfa",
            "1,500 F CFA",
            "1 500 f cfa",
            "1 500 FRANCS CFA",
            "1 500 franc",
            "  1 500 F CFA  ",
            "1\u{202F}500\u{00A0}F\u{00A0}CFA",
            "1\u{202F}500\u{202F}F\u{202F}CFA",
        ] {
            assert_eq!(parse(s), ok(1500), "{s:?}");
        }
    }

    #[test]
    fn parse_signed_accepts_minus() {
        assert_eq!(parse_signed("-1500"), ok(-1500));
        assert_eq!(parse_signed("-1 500 F CFA"), ok(-1500));
        assert_eq!(parse_signed("\u{2212}1 500"), ok(-1500));
        assert_eq!(parse_signed("- 1 500"), ok(-1500));
        assert_eq!(parse_signed("-0"), ok(0));
        assert_eq!(parse_signed("1 500"), ok(1500));
        assert_eq!(parse_signed("-1,000,000,000,000"), ok(-MAX_AMOUNT));
    }

    #[test]
    fn parse_positive_accepts_positive() {
        assert_eq!(parse_positive("1"), ok(1));
        assert_eq!(parse_positive("1 000 F"), ok(1000));
    }

    #[test]
    fn associated_parsers_match_the_free_functions() {
        assert_eq!(Fcfa::parse("1 500 F CFA"), ok(1500));
        assert_eq!(Fcfa::parse_positive("0"), Err(MoneyError::Zero));
        assert_eq!(Fcfa::parse_signed("-1.500"), ok(-1500));
        assert_eq!(Fcfa::parse("-1"), Err(MoneyError::Negative));
    }

    #[test]
    fn accepts_the_cap_itself() {
        assert_eq!(parse("1000000000000"), ok(MAX_AMOUNT));
        assert_eq!(parse("1 000 000 000 000 F CFA"), ok(MAX_AMOUNT));
    }

    // --- rejections -----------------------------------------------------

    #[test]
    fn rejects_empty() {
        for s in ["", "   ", "\u{00A0}", "F CFA", "FCFA", " xof "] {
            assert_eq!(parse(s), Err(MoneyError::Empty), "{s:?}");
        }
        assert_eq!(parse_signed("-"), Err(MoneyError::Empty));
        assert_eq!(parse_positive(""), Err(MoneyError::Empty));
    }

    #[test]
    fn rejects_negative_where_not_allowed() {
        assert_eq!(parse("-1500"), Err(MoneyError::Negative));
        assert_eq!(parse("-1 500 F CFA"), Err(MoneyError::Negative));
        assert_eq!(parse("\u{2212}5"), Err(MoneyError::Negative));
        assert_eq!(parse_positive("-5"), Err(MoneyError::Negative));
        assert_eq!(parse_positive("-0"), Err(MoneyError::Negative));
    }

    #[test]
    fn rejects_misplaced_minus_as_invalid_char() {
        assert_eq!(parse_signed("15-00"), Err(MoneyError::InvalidChar('-')));
        assert_eq!(parse_signed("1500-"), Err(MoneyError::InvalidChar('-')));
        assert_eq!(parse_signed("--5"), Err(MoneyError::InvalidChar('-')));
    }

    #[test]
    fn rejects_zero_for_positive() {
        assert_eq!(parse_positive("0"), Err(MoneyError::Zero));
        assert_eq!(parse_positive("000 F CFA"), Err(MoneyError::Zero));
        assert_eq!(parse_positive("0 000"), Err(MoneyError::Zero));
    }

    #[test]
    fn rejects_decimals() {
        for s in [
            "1,5",
            "1.50",
            "1500,00",
            "1500.5",
            "1,5000",
            "1.2345",
            "1 234,50",
            "1.234,56",
            "1,234.56",
            "0,5",
            ",5",
            "1500,00 F CFA",
        ] {
            assert_eq!(parse(s), Err(MoneyError::Decimal), "{s:?}");
        }
        assert_eq!(parse_signed("-1,5"), Err(MoneyError::Decimal));
    }

    #[test]
    fn rejects_exponent() {
        for s in ["1e9", "1E3", "2e+5", "5e-1", "1 500e3"] {
            assert_eq!(parse(s), Err(MoneyError::Exponent), "{s:?}");
        }
    }

    #[test]
    fn rejects_non_ascii_digits_naming_the_char() {
        assert_eq!(
            parse("\u{661}\u{662}\u{663}"),
            Err(MoneyError::NonAsciiDigit('\u{661}'))
        );
        assert_eq!(parse("１５００"), Err(MoneyError::NonAsciiDigit('１')));
        assert_eq!(
            parse("15\u{0966}0"),
            Err(MoneyError::NonAsciiDigit('\u{966}'))
        );
        assert_eq!(parse("1²"), Err(MoneyError::NonAsciiDigit('²')));
    }

    #[test]
    fn rejects_other_chars_naming_the_char() {
        assert_eq!(parse("+1500"), Err(MoneyError::InvalidChar('+')));
        assert_eq!(parse("15O0"), Err(MoneyError::InvalidChar('O')));
        assert_eq!(parse("abc"), Err(MoneyError::InvalidChar('a')));
        assert_eq!(parse("1500 EUR"), Err(MoneyError::InvalidChar('E')));
        assert_eq!(parse("$1500"), Err(MoneyError::InvalidChar('$')));
        assert_eq!(parse("F 1500"), Err(MoneyError::InvalidChar('F')));
        assert_eq!(parse("1500 FF"), Err(MoneyError::InvalidChar('F')));
        assert_eq!(parse("1\t500"), Err(MoneyError::InvalidChar('\t')));
        assert_eq!(parse("1'500"), Err(MoneyError::InvalidChar('\'')));
        assert_eq!(parse("1500e"), Err(MoneyError::InvalidChar('e')));
        assert_eq!(parse("1_500"), Err(MoneyError::InvalidChar('_')));
    }

    #[test]
    fn rejects_bad_grouping() {
        for s in [
            "1 50",
            "15 00",
            "1  500",
            "1\u{00A0}\u{202F}500",
            "1 500 . F",
            "1 500.",
            "1.500.",
            "1,500,",
            "1..500",
            "1,,500",
            "1234 567",
            "1 5000",
            "1 234 56",
            "1 23 456",
            "1.500 000",
            "1 500.000",
            "1,500.000",
            "1.500,000",
            "1,50,000",
            ".500",
            "1500.000",
        ] {
            assert_eq!(parse(s), Err(MoneyError::BadGrouping), "{s:?}");
        }
    }

    #[test]
    fn rejects_overflow() {
        assert_eq!(parse("9223372036854775808"), Err(MoneyError::Overflow));
        assert_eq!(parse("99999999999999999999999"), Err(MoneyError::Overflow));
        assert_eq!(
            parse_signed("-9 223 372 036 854 775 808"),
            Err(MoneyError::Overflow)
        );
    }

    #[test]
    fn rejects_above_cap_with_the_cap() {
        let above = MoneyError::AboveCap { max: MAX_AMOUNT };
        assert_eq!(parse("1000000000001"), Err(above.clone()));
        assert_eq!(parse("9223372036854775807"), Err(above.clone()));
        assert_eq!(parse_signed("-1 000 000 000 001"), Err(above.clone()));
        assert_eq!(
            above.args(),
            vec![
                ("max", MsgArg::Int(MAX_AMOUNT)),
                ("max_grouped", MsgArg::Text("1 000 000 000 000".into())),
            ]
        );
    }

    #[test]
    fn char_args_are_safe_to_print() {
        assert_eq!(
            MoneyError::InvalidChar('$').args(),
            vec![
                ("char", MsgArg::Text("$".into())),
                ("codepoint", MsgArg::Text("U+0024".into())),
            ]
        );
        // A tab or an escape is shown as its code point, never raw.
        for c in ['\t', '\u{1B}', '\u{200B}', '\u{202E}', '\u{301}'] {
            let args = MoneyError::InvalidChar(c).args();
            assert_eq!(args[0].1, MsgArg::Text(codepoint(c)), "{c:?}");
        }
        assert_eq!(
            MoneyError::NonAsciiDigit('\u{661}').args()[0].1,
            MsgArg::Text("\u{661}".into())
        );
    }

    // --- formatting -----------------------------------------------------

    #[test]
    fn formats_french_and_english() {
        let cases: &[(i64, &str, &str)] = &[
            (0, "0", "0"),
            (5, "5", "5"),
            (999, "999", "999"),
            (1000, "1 000", "1,000"),
            (1500, "1 500", "1,500"),
            (1_234_567, "1 234 567", "1,234,567"),
            (-1500, "-1 500", "-1,500"),
            (-999, "-999", "-999"),
            (-1_234_567, "-1 234 567", "-1,234,567"),
            (MAX_AMOUNT, "1 000 000 000 000", "1,000,000,000,000"),
            (-MAX_AMOUNT, "-1 000 000 000 000", "-1,000,000,000,000"),
            (
                i64::MIN,
                "-9 223 372 036 854 775 808",
                "-9,223,372,036,854,775,808",
            ),
        ];
        for &(n, fr, en) in cases {
            let x = Fcfa::new(n);
            assert_eq!(x.format_grouped(Lang::Fr), fr);
            assert_eq!(x.format_grouped(Lang::En), en);
            assert_eq!(x.format(Lang::Fr), format!("{fr} F CFA"));
            assert_eq!(x.format(Lang::En), format!("{en} F CFA"));
        }
        assert_eq!(Fcfa::new(1500).format(Lang::Fr), "1 500 F CFA");
        assert_eq!(Fcfa::new(1500).format(Lang::En), "1,500 F CFA");
        assert_eq!(Fcfa::new(-1500).format(Lang::Fr), "-1 500 F CFA");
    }

    #[test]
    fn display_is_the_plain_integer() {
        assert_eq!(Fcfa::new(1500).to_string(), "1500");
        assert_eq!(Fcfa::new(-20).to_string(), "-20");
    }

    // --- arithmetic -----------------------------------------------------

    #[test]
    fn basic_accessors() {
        assert_eq!(Fcfa::ZERO, Fcfa::default());
        assert!(Fcfa::ZERO.is_zero());
        assert!(Fcfa::new(1).is_positive() && !Fcfa::new(1).is_negative());
        assert!(Fcfa::new(-1).is_negative() && !Fcfa::new(-1).is_positive());
        assert_eq!(Fcfa::new(-7).abs(), Fcfa::new(7));
        assert_eq!(Fcfa::new(i64::MIN).checked_abs(), Err(MoneyError::Overflow));
        assert_eq!(Fcfa::new(42).francs(), 42);
        assert!(Fcfa::new(MAX_AMOUNT).is_within_cap());
        assert!(!Fcfa::new(-MAX_AMOUNT - 1).is_within_cap());
    }

    #[test]
    fn checked_arithmetic() {
        let a = Fcfa::new(1500);
        assert_eq!(a.checked_add(Fcfa::new(500)), ok(2000));
        assert_eq!(a.checked_sub(Fcfa::new(2000)), ok(-500));
        assert_eq!(a.checked_mul(3), ok(4500));
        assert_eq!(a.checked_neg(), ok(-1500));
        let max = Fcfa::new(i64::MAX);
        let min = Fcfa::new(i64::MIN);
        assert_eq!(max.checked_add(Fcfa::new(1)), Err(MoneyError::Overflow));
        assert_eq!(min.checked_sub(Fcfa::new(1)), Err(MoneyError::Overflow));
        assert_eq!(max.checked_mul(2), Err(MoneyError::Overflow));
        assert_eq!(min.checked_neg(), Err(MoneyError::Overflow));
    }

    #[test]
    fn sums_or_reports_overflow() {
        assert_eq!(sum(Vec::new()), ok(0));
        assert_eq!(sum([1000, 600, -100].map(Fcfa::new)), ok(1500));
        assert_eq!(
            sum([Fcfa::new(i64::MAX), Fcfa::new(1)]),
            Err(MoneyError::Overflow)
        );
        // A million capped lines is nowhere near overflow.
        assert_eq!(
            sum(std::iter::repeat_n(Fcfa::new(MAX_AMOUNT), 1_000_000)),
            ok(MAX_AMOUNT * 1_000_000)
        );
    }

    // --- rounding -------------------------------------------------------

    #[test]
    fn rounds_half_away_from_zero() {
        let cases = [
            ("270.27", 270, "-0.27"),
            ("270.5", 271, "0.5"),
            ("271.5", 272, "0.5"),
            ("270.49", 270, "-0.49"),
            ("-270.5", -271, "-0.5"),
            ("-270.27", -270, "0.27"),
            ("0.5", 1, "0.5"),
            ("-0.5", -1, "-0.5"),
            ("0.4999", 0, "-0.4999"),
            ("5000", 5000, "0"),
        ];
        for (exact, amount, diff) in cases {
            let r = round_decimal(dec(exact)).unwrap();
            assert_eq!(r.amount, Fcfa::new(amount), "{exact}");
            assert_eq!(r.difference, dec(diff), "{exact}");
        }
        assert_eq!(round_decimal(Decimal::MAX), Err(MoneyError::Overflow));
    }

    #[test]
    fn mul_rate_examples() {
        let interest = Fcfa::new(50_000).mul_rate(dec("0.10")).unwrap();
        assert_eq!(interest.amount, Fcfa::new(5_000));
        assert!(interest.difference.is_zero());

        // 10 000 F for a batch of 37 bars.
        let per_bar = Fcfa::new(10_000)
            .mul_rate(Decimal::ONE / Decimal::from(37))
            .unwrap();
        assert_eq!(per_bar.amount, Fcfa::new(270));
        assert!(per_bar.difference < dec("-0.27") && per_bar.difference > dec("-0.28"));
        assert_eq!(
            per_bar.amount.to_decimal() - per_bar.difference,
            Decimal::from(10_000) * (Decimal::ONE / Decimal::from(37))
        );

        // Euro peg: 1 EUR = 655,957 XOF.
        let r = Fcfa::new(10).mul_rate(dec("655.957")).unwrap();
        assert_eq!(r.amount, Fcfa::new(6560));
        assert_eq!(r.difference, dec("0.43"));

        assert_eq!(
            Fcfa::new(i64::MAX).mul_rate(Decimal::MAX),
            Err(MoneyError::Overflow)
        );
    }

    #[test]
    fn allocate_examples() {
        let f = |v: &[i64]| v.iter().copied().map(Fcfa::new).collect::<Vec<_>>();
        assert_eq!(allocate(Fcfa::new(100), &[1, 1, 1]), Ok(f(&[34, 33, 33])));
        assert_eq!(
            allocate(Fcfa::new(-100), &[1, 1, 1]),
            Ok(f(&[-34, -33, -33]))
        );
        assert_eq!(allocate(Fcfa::new(10), &[1, 2, 3, 4]), Ok(f(&[1, 2, 3, 4])));
        assert_eq!(allocate(Fcfa::new(5), &[0, 3, 0, 2]), Ok(f(&[0, 3, 0, 2])));
        // 1000 / 7 = 142.857…: remainders 6/7 each, ties to the earliest.
        assert_eq!(
            allocate(Fcfa::new(1000), &[1; 7]),
            Ok(f(&[143, 143, 143, 143, 143, 143, 142]))
        );
        // Largest remainder wins over earlier index.
        // 10 × [1, 2] / 3 = 3.33, 6.67 → 3, 7.
        assert_eq!(allocate(Fcfa::new(10), &[1, 2]), Ok(f(&[3, 7])));
        assert_eq!(allocate(Fcfa::ZERO, &[1, 2]), Ok(f(&[0, 0])));
        assert_eq!(
            allocate(Fcfa::new(i64::MAX), &[u64::MAX, u64::MAX]),
            Ok(f(&[i64::MAX / 2 + 1, i64::MAX / 2]))
        );
        assert_eq!(allocate(Fcfa::new(i64::MIN), &[1]), Ok(f(&[i64::MIN])));
        assert_eq!(allocate(Fcfa::new(100), &[]), Err(MoneyError::NoWeights));
        assert_eq!(
            allocate(Fcfa::new(100), &[0, 0]),
            Err(MoneyError::NoWeights)
        );
    }

    #[test]
    fn round_to_unit_examples() {
        let r = |a: i64, u: i64| {
            let (x, y) = round_to_unit(Fcfa::new(a), u);
            (x.francs(), y.francs())
        };
        assert_eq!(r(1234, 25), (1225, 9));
        assert_eq!(r(1234, 5), (1230, 4));
        assert_eq!(r(1234, 1), (1234, 0));
        assert_eq!(r(1250, 25), (1250, 0));
        assert_eq!(r(24, 25), (0, 24));
        assert_eq!(r(0, 25), (0, 0));
        assert_eq!(r(-1234, 25), (-1225, -9));
    }

    #[test]
    #[should_panic(expected = "unit must be positive")]
    fn round_to_unit_refuses_zero_unit() {
        round_to_unit(Fcfa::new(10), 0);
    }

    // --- messages -------------------------------------------------------

    fn all_errors() -> Vec<MoneyError> {
        vec![
            MoneyError::Empty,
            MoneyError::Negative,
            MoneyError::Zero,
            MoneyError::Decimal,
            MoneyError::Exponent,
            MoneyError::NonAsciiDigit('\u{661}'),
            MoneyError::InvalidChar('x'),
            MoneyError::BadGrouping,
            MoneyError::Overflow,
            MoneyError::AboveCap { max: MAX_AMOUNT },
            MoneyError::NoWeights,
        ]
    }

    /// The message `key` in a Fluent file, with its continuation lines.
    fn ftl_message(ftl: &str, key: &str) -> Option<String> {
        let mut lines = ftl
            .lines()
            .skip_while(|l| !(l.starts_with(key) && l[key.len()..].trim_start().starts_with('=')));
        let first = lines.next()?;
        let mut text = first.to_string();
        for l in lines.take_while(|l| l.starts_with(' ') || l.is_empty()) {
            text.push('\n');
            text.push_str(l);
        }
        Some(text)
    }

    #[test]
    fn every_error_has_a_message_in_both_languages_using_its_args() {
        let files = [
            ("fr", include_str!("../../assets/i18n/fr/money.ftl")),
            ("en", include_str!("../../assets/i18n/en/money.ftl")),
        ];
        for e in all_errors() {
            assert!(e.key().starts_with("money-"));
            for (lang, ftl) in files {
                let msg = ftl_message(ftl, e.key())
                    .unwrap_or_else(|| panic!("{} missing in {lang}", e.key()));
                // Every variable the message uses is one the error gives.
                let names: Vec<&str> = e.args().iter().map(|(n, _)| *n).collect();
                for var in msg.split("{ $").skip(1) {
                    let var = var.split([' ', '}']).next().unwrap();
                    assert!(
                        names.contains(&var),
                        "{}: ${var} not given ({lang})",
                        e.key()
                    );
                }
            }
        }
    }

    // --- properties -----------------------------------------------------

    fn any_lang() -> impl Strategy<Value = Lang> {
        prop_oneof![Just(Lang::Fr), Just(Lang::En)]
    }

    proptest! {
        #[test]
        fn format_parse_round_trip(n in -MAX_AMOUNT..=MAX_AMOUNT, lang in any_lang()) {
            let x = Fcfa::new(n);
            prop_assert_eq!(parse_signed(&x.format(lang)), Ok(x));
            prop_assert_eq!(parse_signed(&x.format_grouped(lang)), Ok(x));
            if n >= 0 {
                prop_assert_eq!(parse(&x.format(lang)), Ok(x));
            }
        }

        #[test]
        fn round_trip_small_amounts(n in -100_000i64..=100_000, lang in any_lang()) {
            let x = Fcfa::new(n);
            prop_assert_eq!(parse_signed(&x.format(lang)), Ok(x));
            prop_assert_eq!(parse_signed(&x.format_grouped(lang)), Ok(x));
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,24}") {
            let _ = parse_signed(&s);
            let _ = parse_positive(&s);
        }

        #[test]
        fn parsed_amounts_are_within_cap(s in "[-0-9 .,]{1,20}") {
            if let Ok(x) = parse_signed(&s) {
                prop_assert!(x.is_within_cap());
            }
        }

        #[test]
        fn allocate_sums_exactly_and_stays_within_a_franc(
            total in -MAX_AMOUNT..=MAX_AMOUNT,
            weights in prop::collection::vec(0u64..1_000_000, 1..40),
        ) {
            let weight_sum: u128 = weights.iter().map(|&w| u128::from(w)).sum();
            prop_assume!(weight_sum > 0);
            let parts = allocate(Fcfa::new(total), &weights).unwrap();
            prop_assert_eq!(parts.len(), weights.len());
            prop_assert_eq!(sum(parts.iter().copied()), Ok(Fcfa::new(total)));
            for (part, &w) in parts.iter().zip(&weights) {
                // |part·W − total·w| < W  ⇔  part within 1 F of the exact share.
                let scaled = i128::from(part.francs()) * weight_sum as i128;
                let exact = i128::from(total) * i128::from(w);
                prop_assert!((scaled - exact).abs() < weight_sum as i128);
                if w == 0 {
                    prop_assert!(part.is_zero());
                }
            }
        }

        #[test]
        fn round_decimal_difference_is_at_most_half(
            mantissa in -(MAX_AMOUNT as i128) * 1_000_000..=(MAX_AMOUNT as i128) * 1_000_000,
            scale in 0u32..=6,
        ) {
            let exact = Decimal::from_i128_with_scale(mantissa, scale);
            let r = round_decimal(exact).unwrap();
            prop_assert!(r.difference.abs() <= dec("0.5"));
            prop_assert_eq!(r.amount.to_decimal() - r.difference, exact);
            // Half away from zero: a midpoint moves away from zero.
            if r.difference.abs() == dec("0.5") {
                prop_assert_eq!(r.difference.is_sign_positive(), exact.is_sign_positive());
            }
        }

        #[test]
        fn mul_rate_keeps_the_difference(
            amount in -MAX_AMOUNT..=MAX_AMOUNT,
            rate_mantissa in 0i64..10_000_000,
            scale in 4u32..=10,
        ) {
            let rate = Decimal::new(rate_mantissa, scale);
            let r = Fcfa::new(amount).mul_rate(rate).unwrap();
            prop_assert!(r.difference.abs() <= dec("0.5"));
            prop_assert_eq!(r.amount.to_decimal() - r.difference, Decimal::from(amount) * rate);
        }

        #[test]
        fn round_to_unit_invariants(
            amount in -MAX_AMOUNT..=MAX_AMOUNT,
            unit in prop_oneof![Just(1i64), Just(5), Just(25), Just(100), 1i64..1_000],
        ) {
            let (rounded, rest) = round_to_unit(Fcfa::new(amount), unit);
            prop_assert_eq!(rounded.checked_add(rest), Ok(Fcfa::new(amount)));
            prop_assert_eq!(rounded.francs() % unit, 0);
            prop_assert!(rest.francs().abs() < unit);
            prop_assert!(rounded.francs().abs() <= amount.abs());
            if amount >= 0 {
                prop_assert!(rest.francs() >= 0);
            }
        }
    }
}
