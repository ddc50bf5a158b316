//! Entries, their validation, their numbering and their hash chain.
//!
//! An entry is the unit of double-entry bookkeeping: a business date, a
//! supporting-document reference, a memo and at least two lines whose debits
//! equal their credits. Once posted it is numbered `AAAA-NNNNNN` (fiscal year
//! and a gapless sequence within it, per organisation), chained by SHA-256 to
//! the previous entry of the same organisation, and never changed again.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::account::AccountNumber;
use super::money::{Fcfa, MAX_AMOUNT};
use super::period::{MAX_YEAR, MIN_YEAR, Month};
use super::{Message, MsgArg};

/// Limits on the free-text fields of an entry (characters, after NFC).
pub const MAX_DOC_REF: usize = 100;
pub const MAX_MEMO: usize = 500;
pub const MAX_LABEL: usize = 200;
pub const MAX_KEY: usize = 100;
pub const MAX_LINES: usize = 1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    #[serde(rename = "D")]
    Debit,
    #[serde(rename = "C")]
    Credit,
}

impl Side {
    pub fn code(self) -> &'static str {
        match self {
            Side::Debit => "D",
            Side::Credit => "C",
        }
    }

    /// `D`, `C`, and the words people use: débit/crédit, debit/credit.
    pub fn parse(s: &str) -> Option<Side> {
        match super::text::fold(s.trim()).as_str() {
            "d" | "debit" | "dt" => Some(Side::Debit),
            "c" | "credit" | "ct" | "cr" => Some(Side::Credit),
            _ => None,
        }
    }

    pub fn opposite(self) -> Side {
        match self {
            Side::Debit => Side::Credit,
            Side::Credit => Side::Debit,
        }
    }
}

/// A line as submitted: the account is given by its number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineInput {
    pub account: AccountNumber,
    pub side: Side,
    pub amount: Fcfa,
    #[serde(default)]
    pub label: String,
}

/// An entry as submitted, before it has a number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewEntry {
    /// Business date, confirmed by the user; not the system clock.
    pub date: NaiveDate,
    /// Supporting document (pièce justificative): receipt, invoice, meeting…
    pub doc_ref: String,
    pub memo: String,
    /// Client-generated idempotency key: the same key posted twice records once.
    pub idem_key: String,
    pub lines: Vec<LineInput>,
    /// The business document that produced this entry (`sale:42`), if any.
    #[serde(default)]
    pub source: Option<String>,
}

/// `2026-000123`: fiscal year and gapless sequence within it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntryNumber {
    pub year: i32,
    pub seq: i64,
}

impl fmt::Display for EntryNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:06}", self.year, self.seq)
    }
}

impl Serialize for EntryNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for EntryNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        EntryNumber::parse(&s).ok_or_else(|| serde::de::Error::custom("bad entry number"))
    }
}

impl EntryNumber {
    /// Accepts `2026-000123`, `2026-123` and `2026/123`; `N°` prefix tolerated.
    pub fn parse(s: &str) -> Option<EntryNumber> {
        let t = s.trim();
        let t = t
            .strip_prefix("N°")
            .or_else(|| t.strip_prefix("n°"))
            .unwrap_or(t)
            .trim();
        let (y, n) = t.split_once(['-', '/'])?;
        if y.len() != 4 || n.is_empty() || n.len() > 9 {
            return None;
        }
        if !y.bytes().chain(n.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let seq: i64 = n.parse().ok()?;
        (seq >= 1 && (MIN_YEAR..=MAX_YEAR).contains(&year)).then_some(EntryNumber { year, seq })
    }
}

/// Why an entry was refused. Nothing is written when any of these is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LedgerError {
    TooFewLines,
    TooManyLines,
    /// A line with a zero amount (1-based line number).
    ZeroAmount {
        line: usize,
    },
    AmountAboveCap {
        line: usize,
    },
    Unbalanced {
        debit: Fcfa,
        credit: Fcfa,
    },
    Overflow,
    EmptyKey,
    KeyTooLong,
    DateOutOfRange {
        date: NaiveDate,
    },
    /// The date falls in a closed month.
    PeriodClosed {
        date: NaiveDate,
        closed_through: Month,
    },
    UnknownAccount {
        number: String,
    },
    ClosedAccount {
        number: String,
    },
    /// Same idempotency key, other content.
    KeyConflict {
        key: String,
        number: EntryNumber,
    },
    UnknownEntry {
        number: String,
    },
    AlreadyReversed {
        number: EntryNumber,
        by: EntryNumber,
    },
    ReversalOfReversal {
        number: EntryNumber,
    },
    /// The same account is on both sides with nothing else (a no-op entry).
    SameAccountBothSides,
    /// A cash box or wallet would hold less than nothing on `date`.
    NegativeCash {
        number: String,
        balance: Fcfa,
        date: NaiveDate,
    },
    /// A key in the namespace jatebo keeps for its own entries.
    ReservedKey {
        key: String,
    },
    /// The result entry of a closed year is part of the year close.
    ReverseClosingEntry {
        number: EntryNumber,
    },
    /// A reversal cannot be dated before the entry it cancels.
    ReversalBeforeOriginal {
        number: EntryNumber,
        date: NaiveDate,
    },
}

/// Keys starting with this are made by jatebo itself (year closes, default
/// reversal keys); a user's key may not use it.
pub const INTERNAL_KEY_PREFIX: &str = "jatebo:";

/// A key typed by a user or sent by a script.
pub fn check_user_key(key: &str) -> Result<(), LedgerError> {
    if key
        .trim()
        .to_ascii_lowercase()
        .starts_with(INTERNAL_KEY_PREFIX)
    {
        return Err(LedgerError::ReservedKey {
            key: key.to_string(),
        });
    }
    Ok(())
}

impl Message for LedgerError {
    fn key(&self) -> &'static str {
        use LedgerError::*;
        match self {
            TooFewLines => "ledger-too-few-lines",
            TooManyLines => "ledger-too-many-lines",
            ZeroAmount { .. } => "ledger-zero-amount",
            AmountAboveCap { .. } => "ledger-amount-above-cap",
            Unbalanced { .. } => "ledger-unbalanced",
            Overflow => "ledger-overflow",
            EmptyKey => "ledger-empty-key",
            KeyTooLong => "ledger-key-too-long",
            DateOutOfRange { .. } => "ledger-date-out-of-range",
            PeriodClosed { .. } => "ledger-period-closed",
            UnknownAccount { .. } => "ledger-unknown-account",
            ClosedAccount { .. } => "ledger-closed-account",
            KeyConflict { .. } => "ledger-key-conflict",
            UnknownEntry { .. } => "ledger-unknown-entry",
            AlreadyReversed { .. } => "ledger-already-reversed",
            ReversalOfReversal { .. } => "ledger-reversal-of-reversal",
            SameAccountBothSides => "ledger-same-account-both-sides",
            NegativeCash { .. } => "ledger-negative-cash",
            ReservedKey { .. } => "ledger-reserved-key",
            ReverseClosingEntry { .. } => "ledger-reverse-closing-entry",
            ReversalBeforeOriginal { .. } => "ledger-reversal-before-original",
        }
    }

    fn args(&self) -> Vec<(&'static str, MsgArg)> {
        use LedgerError::*;
        match self {
            TooManyLines => vec![("max", MAX_LINES.into())],
            ZeroAmount { line } | AmountAboveCap { line } => vec![
                ("line", (*line).into()),
                ("cap", MsgArg::Amount(MAX_AMOUNT)),
            ],
            Unbalanced { debit, credit } => vec![
                ("debit", (*debit).into()),
                ("credit", (*credit).into()),
                (
                    "difference",
                    MsgArg::Amount((debit.francs() - credit.francs()).abs()),
                ),
            ],
            KeyTooLong => vec![("max", MAX_KEY.into())],
            DateOutOfRange { date } => vec![
                ("date", (*date).into()),
                ("min", i64::from(MIN_YEAR).into()),
                ("max", i64::from(MAX_YEAR).into()),
            ],
            PeriodClosed {
                date,
                closed_through,
            } => vec![
                ("date", (*date).into()),
                ("month", closed_through.to_string().into()),
            ],
            UnknownAccount { number } | ClosedAccount { number } | UnknownEntry { number } => {
                vec![("number", number.clone().into())]
            }
            KeyConflict { key, number } => vec![
                ("key", key.clone().into()),
                ("number", number.to_string().into()),
            ],
            AlreadyReversed { number, by } => vec![
                ("number", number.to_string().into()),
                ("by", by.to_string().into()),
            ],
            ReversalOfReversal { number } => vec![("number", number.to_string().into())],
            NegativeCash {
                number,
                balance,
                date,
            } => vec![
                ("number", number.clone().into()),
                ("balance", (*balance).into()),
                ("date", (*date).into()),
            ],
            ReservedKey { key } => vec![
                ("key", key.clone().into()),
                ("prefix", INTERNAL_KEY_PREFIX.into()),
            ],
            ReverseClosingEntry { number } => vec![("number", number.to_string().into())],
            ReversalBeforeOriginal { number, date } => vec![
                ("number", number.to_string().into()),
                ("date", (*date).into()),
            ],
            TooFewLines | Overflow | EmptyKey | SameAccountBothSides => vec![],
        }
    }
}

/// Total debits and credits of a set of lines, with overflow checked.
pub fn totals(lines: &[LineInput]) -> Result<(Fcfa, Fcfa), LedgerError> {
    let mut debit = Fcfa::ZERO;
    let mut credit = Fcfa::ZERO;
    for l in lines {
        let slot = match l.side {
            Side::Debit => &mut debit,
            Side::Credit => &mut credit,
        };
        *slot = slot
            .checked_add(l.amount)
            .map_err(|_| LedgerError::Overflow)?;
    }
    Ok((debit, credit))
}

impl NewEntry {
    /// The rules that need nothing but the entry itself: at least two lines,
    /// every amount strictly positive and under the cap, debits = credits,
    /// a date in range and an idempotency key. Text fields are cleaned by
    /// the caller (see `text::clean`) before the entry is built.
    pub fn validate(&self) -> Result<(), LedgerError> {
        if self.idem_key.trim().is_empty() {
            return Err(LedgerError::EmptyKey);
        }
        if self.idem_key.chars().count() > MAX_KEY {
            return Err(LedgerError::KeyTooLong);
        }
        if !(MIN_YEAR..=MAX_YEAR).contains(&self.date.year()) {
            return Err(LedgerError::DateOutOfRange { date: self.date });
        }
        if self.lines.len() < 2 {
            return Err(LedgerError::TooFewLines);
        }
        if self.lines.len() > MAX_LINES {
            return Err(LedgerError::TooManyLines);
        }
        for (i, l) in self.lines.iter().enumerate() {
            if !l.amount.is_positive() {
                return Err(LedgerError::ZeroAmount { line: i + 1 });
            }
            if l.amount.francs() > MAX_AMOUNT {
                return Err(LedgerError::AmountAboveCap { line: i + 1 });
            }
        }
        let (debit, credit) = totals(&self.lines)?;
        if debit != credit {
            return Err(LedgerError::Unbalanced { debit, credit });
        }
        let first = &self.lines[0].account;
        if self.lines.iter().all(|l| &l.account == first) {
            return Err(LedgerError::SameAccountBothSides);
        }
        Ok(())
    }

    /// Digest of what the entry says (date, document, memo, lines, source),
    /// used to tell a retried submission from a different one under the
    /// same idempotency key. Author and recording time are not part of it.
    pub fn content_hash(&self, reverses: Option<EntryNumber>) -> String {
        let mut enc = Canonical::new("jatebo/content/v1");
        enc.str(&self.date.to_string())
            .str(&self.doc_ref)
            .str(&self.memo)
            .str(&reverses.map(|n| n.to_string()).unwrap_or_default())
            .str(self.source.as_deref().unwrap_or(""))
            .int(self.lines.len() as i64);
        for l in &self.lines {
            enc.str(l.account.as_str())
                .str(l.side.code())
                .int(l.amount.francs())
                .str(&l.label);
        }
        enc.digest_hex()
    }

    /// The mirror entry that cancels `self` (contre-passation): same accounts
    /// and amounts, sides swapped.
    pub fn mirrored_lines(lines: &[LineInput]) -> Vec<LineInput> {
        lines
            .iter()
            .map(|l| LineInput {
                side: l.side.opposite(),
                ..l.clone()
            })
            .collect()
    }
}

/// Length-prefixed binary encoding for hashing: unambiguous whatever the
/// fields contain (no separator can be forged inside a memo).
pub struct Canonical {
    hasher: Sha256,
}

impl Canonical {
    pub fn new(domain: &str) -> Canonical {
        let mut c = Canonical {
            hasher: Sha256::new(),
        };
        c.str(domain);
        c
    }

    pub fn str(&mut self, s: &str) -> &mut Self {
        self.hasher.update((s.len() as u64).to_be_bytes());
        self.hasher.update(s.as_bytes());
        self
    }

    pub fn int(&mut self, n: i64) -> &mut Self {
        self.hasher.update(n.to_be_bytes());
        self
    }

    pub fn digest_hex(self) -> String {
        hex(&self.hasher.finalize())
    }
}

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// The first link of an organisation's chain.
pub fn genesis_hash(org_code: &str, created_at: &str) -> String {
    let mut c = Canonical::new("jatebo/genesis/v1");
    c.str(org_code).str(created_at);
    c.digest_hex()
}

/// A posted line as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostedLine {
    pub line_no: i64,
    pub account: String,
    pub side: Side,
    pub amount: Fcfa,
    pub label: String,
}

/// A posted entry as stored: everything the hash covers, plus the hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostedEntry {
    pub number: EntryNumber,
    /// Position in the organisation's chain (1, 2, 3… across years).
    pub chain_no: i64,
    pub date: NaiveDate,
    /// System time of recording (UTC, RFC 3339), kept apart from `date`.
    pub recorded_at: String,
    pub doc_ref: String,
    pub memo: String,
    pub author: String,
    pub idem_key: String,
    pub reverses: Option<EntryNumber>,
    pub source: Option<String>,
    pub lines: Vec<PostedLine>,
    pub prev_hash: String,
    pub hash: String,
}

impl PostedEntry {
    /// The SHA-256 this entry must carry, given the previous link.
    pub fn compute_hash(&self) -> String {
        let mut enc = Canonical::new("jatebo/entry/v1");
        enc.str(&self.prev_hash)
            .int(self.chain_no)
            .int(i64::from(self.number.year))
            .int(self.number.seq)
            .str(&self.date.to_string())
            .str(&self.recorded_at)
            .str(&self.doc_ref)
            .str(&self.memo)
            .str(&self.author)
            .str(&self.idem_key)
            .str(&self.reverses.map(|n| n.to_string()).unwrap_or_default())
            .str(self.source.as_deref().unwrap_or(""))
            .int(self.lines.len() as i64);
        for l in &self.lines {
            enc.int(l.line_no)
                .str(&l.account)
                .str(l.side.code())
                .int(l.amount.francs())
                .str(&l.label);
        }
        enc.digest_hex()
    }

    pub fn totals(&self) -> (i128, i128) {
        let mut d = 0i128;
        let mut c = 0i128;
        for l in &self.lines {
            match l.side {
                Side::Debit => d += i128::from(l.amount.francs()),
                Side::Credit => c += i128::from(l.amount.francs()),
            }
        }
        (d, c)
    }

    /// Re-check on read: a stored entry must still balance.
    pub fn is_balanced(&self) -> bool {
        let (d, c) = self.totals();
        self.lines.len() >= 2 && d == c && self.lines.iter().all(|l| l.amount.is_positive())
    }

    /// `AAAA-NNNNNN·abcdef12`: what a secretary writes in the notebook so the
    /// books can later be checked against paper.
    pub fn closing_code(&self) -> String {
        format!("{}·{}", self.number, &self.hash[..8.min(self.hash.len())])
    }
}

/// Whether a business date may receive a new entry, given the last closed
/// month of the organisation.
pub fn check_open(date: NaiveDate, closed_through: Option<Month>) -> Result<(), LedgerError> {
    match closed_through {
        Some(m) if Month::of(date) <= m => Err(LedgerError::PeriodClosed {
            date,
            closed_through: m,
        }),
        _ => Ok(()),
    }
}

/// Why a line of a lines file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinesError {
    /// Not `compte;D|C;montant[;libellé]`.
    Fields,
    Side(String),
    Account(super::account::AccountError),
    Money(super::money::MoneyError),
    Text(super::text::TextError),
}

impl Message for LinesError {
    fn key(&self) -> &'static str {
        match self {
            LinesError::Fields => "lines-fields",
            LinesError::Side(_) => "lines-side",
            LinesError::Account(e) => e.key(),
            LinesError::Money(e) => e.key(),
            LinesError::Text(e) => e.key(),
        }
    }
    fn args(&self) -> Vec<(&'static str, MsgArg)> {
        match self {
            LinesError::Fields => vec![],
            LinesError::Side(s) => vec![("side", s.clone().into())],
            LinesError::Account(e) => e.args(),
            LinesError::Money(e) => e.args(),
            LinesError::Text(e) => e.args(),
        }
    }
}

/// Parses entry lines from text, one per line: `compte;D|C;montant[;libellé]`
/// (`;` or tab separated). Blank lines, `#` comments and a header line
/// starting with `compte`/`account` are skipped. Errors carry the 1-based
/// line number.
pub fn parse_lines(text: &str) -> Result<Vec<LineInput>, (usize, LinesError)> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let sep = if line.contains(';') { ';' } else { '\t' };
        let fields: Vec<&str> = line.split(sep).map(str::trim).collect();
        let first = super::text::fold(fields[0]);
        if out.is_empty() && (first == "compte" || first == "account") {
            continue;
        }
        if !(3..=4).contains(&fields.len()) {
            return Err((n, LinesError::Fields));
        }
        let account = AccountNumber::parse(fields[0]).map_err(|e| (n, LinesError::Account(e)))?;
        let side = Side::parse(fields[1]).ok_or_else(|| (n, LinesError::Side(fields[1].into())))?;
        let amount =
            super::money::parse_positive(fields[2]).map_err(|e| (n, LinesError::Money(e)))?;
        let label = match fields.get(3) {
            Some(l) => {
                super::text::clean(l, MAX_LABEL, false).map_err(|e| (n, LinesError::Text(e)))?
            }
            None => String::new(),
        };
        out.push(LineInput {
            account,
            side,
            amount,
            label,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acc(s: &str) -> AccountNumber {
        AccountNumber::parse(s).unwrap()
    }

    fn line(a: &str, side: Side, amount: i64) -> LineInput {
        LineInput {
            account: acc(a),
            side,
            amount: Fcfa::new(amount),
            label: String::new(),
        }
    }

    fn entry(lines: Vec<LineInput>) -> NewEntry {
        NewEntry {
            date: NaiveDate::from_ymd_opt(2026, 10, 5).unwrap(),
            doc_ref: "REC-1".into(),
            memo: "Vente de savon".into(),
            idem_key: "k1".into(),
            lines,
            source: None,
        }
    }

    #[test]
    fn balanced_entry_is_valid() {
        let e = entry(vec![
            line("5711", Side::Debit, 1500),
            line("7021", Side::Credit, 1000),
            line("7021", Side::Credit, 500),
        ]);
        assert_eq!(e.validate(), Ok(()));
    }

    #[test]
    fn refusals() {
        let e = entry(vec![line("5711", Side::Debit, 1500)]);
        assert_eq!(e.validate(), Err(LedgerError::TooFewLines));

        let e = entry(vec![
            line("5711", Side::Debit, 1500),
            line("7021", Side::Credit, 1400),
        ]);
        assert_eq!(
            e.validate(),
            Err(LedgerError::Unbalanced {
                debit: Fcfa::new(1500),
                credit: Fcfa::new(1400)
            })
        );

        let e = entry(vec![
            line("5711", Side::Debit, 0),
            line("7021", Side::Credit, 0),
        ]);
        assert_eq!(e.validate(), Err(LedgerError::ZeroAmount { line: 1 }));

        let e = entry(vec![
            line("5711", Side::Debit, -5),
            line("7021", Side::Credit, -5),
        ]);
        assert_eq!(e.validate(), Err(LedgerError::ZeroAmount { line: 1 }));

        let e = entry(vec![
            line("5711", Side::Debit, MAX_AMOUNT + 1),
            line("7021", Side::Credit, MAX_AMOUNT + 1),
        ]);
        assert_eq!(e.validate(), Err(LedgerError::AmountAboveCap { line: 1 }));

        let e = entry(vec![
            line("5711", Side::Debit, 100),
            line("5711", Side::Credit, 100),
        ]);
        assert_eq!(e.validate(), Err(LedgerError::SameAccountBothSides));

        let mut e = entry(vec![
            line("5711", Side::Debit, 100),
            line("7021", Side::Credit, 100),
        ]);
        e.idem_key = "  ".into();
        assert_eq!(e.validate(), Err(LedgerError::EmptyKey));
    }

    #[test]
    fn entry_numbers() {
        let n = EntryNumber::parse("2026-000123").unwrap();
        assert_eq!(n.to_string(), "2026-000123");
        assert_eq!(EntryNumber::parse("2026-123"), Some(n));
        assert_eq!(EntryNumber::parse("N° 2026/123"), Some(n));
        assert_eq!(EntryNumber::parse("2026-0"), None);
        assert_eq!(EntryNumber::parse("26-12"), None);
        assert_eq!(EntryNumber::parse("2026-12a"), None);
    }

    #[test]
    fn content_hash_ignores_nothing_that_matters() {
        let a = entry(vec![
            line("5711", Side::Debit, 1500),
            line("7021", Side::Credit, 1500),
        ]);
        let mut b = a.clone();
        assert_eq!(a.content_hash(None), b.content_hash(None));
        b.lines[0].amount = Fcfa::new(1600);
        b.lines[1].amount = Fcfa::new(1600);
        assert_ne!(a.content_hash(None), b.content_hash(None));
        let mut c = a.clone();
        c.memo = "Vente de savon ".into();
        assert_ne!(a.content_hash(None), c.content_hash(None));
    }

    #[test]
    fn canonical_encoding_is_unambiguous() {
        // "ab" + "c" must not hash like "a" + "bc".
        let mut x = Canonical::new("t");
        x.str("ab").str("c");
        let mut y = Canonical::new("t");
        y.str("a").str("bc");
        assert_ne!(x.digest_hex(), y.digest_hex());
    }

    #[test]
    fn closed_period() {
        let m = Month::parse("2026-09").unwrap();
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(check_open(d("2026-09-30"), Some(m)).is_err());
        assert!(check_open(d("2025-01-01"), Some(m)).is_err());
        assert!(check_open(d("2026-10-01"), Some(m)).is_ok());
        assert!(check_open(d("2000-01-01"), None).is_ok());
    }

    #[test]
    fn lines_file() {
        let text =
            "compte;sens;montant;libellé\n# vente\n5711;D;1 500;caisse\n7021;crédit;1500\n\n";
        let lines = parse_lines(text).unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].amount, Fcfa::new(1500));
        assert_eq!(lines[0].label, "caisse");
        assert_eq!(lines[1].side, Side::Credit);
        assert_eq!(parse_lines("5711;D\n").unwrap_err().0, 1);
        assert!(matches!(
            parse_lines("5711;X;100\n"),
            Err((1, LinesError::Side(_)))
        ));
        assert!(matches!(
            parse_lines("5711;D;100\n7021;C;1,5\n"),
            Err((2, LinesError::Money(_)))
        ));
    }
}
