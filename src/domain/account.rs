//! Account numbers of the SYSCOHADA revised chart (2017) and the rules that
//! follow from the number alone: class, hierarchy, normal balance, whether
//! the account is closed into the result at year end.
//!
//! The number *is* the hierarchy: a sub-account extends its parent's number
//! with digits (`5711` is under `571`, `57` and class `5`). Names are data
//! (see `chart.rs` and `assets/charts/`); class names are user-facing text
//! and live in the Fluent files (`account-class-1` … `account-class-9`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{Message, MsgArg};

/// Fewest digits in an account number (a SYSCOHADA "compte principal" such
/// as `57`).
pub const MIN_DIGITS: usize = 2;
/// Most digits in an account number (room for per-member sub-accounts such
/// as `4621001` and then some).
pub const MAX_DIGITS: usize = 12;

/// A SYSCOHADA account number: ASCII digits only, `MIN_DIGITS`–`MAX_DIGITS`
/// long, first digit 1–9 (the class). Ordering is the string order, which is
/// the order of the chart (`57` < `571` < `5711` < `572`).
///
/// Serialised as a plain string; deserialising validates it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct AccountNumber(String);

/// Why a text is not an account number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccountError {
    /// Nothing (or only spaces) was given.
    Empty,
    /// Something other than the digits 0–9 (letters, inner spaces, dots…).
    NotDigits,
    /// Fewer than `MIN_DIGITS` digits.
    TooShort,
    /// More than `MAX_DIGITS` digits.
    TooLong,
    /// Starts with 0: there is no class 0.
    BadClass,
}

impl Message for AccountError {
    fn key(&self) -> &'static str {
        match self {
            AccountError::Empty => "account-empty",
            AccountError::NotDigits => "account-not-digits",
            AccountError::TooShort => "account-too-short",
            AccountError::TooLong => "account-too-long",
            AccountError::BadClass => "account-bad-class",
        }
    }

    fn args(&self) -> Vec<(&'static str, MsgArg)> {
        match self {
            AccountError::TooShort => vec![("min", MsgArg::from(MIN_DIGITS))],
            AccountError::TooLong => vec![("max", MsgArg::from(MAX_DIGITS))],
            AccountError::Empty | AccountError::NotDigits | AccountError::BadClass => Vec::new(),
        }
    }
}

impl AccountNumber {
    /// Parses an account number. Surrounding whitespace is ignored; anything
    /// else that is not a digit is refused (no silent clean-up of `57 11`
    /// or `5711.`: a wrong account is worse than an error).
    pub fn parse(s: &str) -> Result<AccountNumber, AccountError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(AccountError::Empty);
        }
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AccountError::NotDigits);
        }
        if s.starts_with('0') {
            return Err(AccountError::BadClass);
        }
        if s.len() < MIN_DIGITS {
            return Err(AccountError::TooShort);
        }
        if s.len() > MAX_DIGITS {
            return Err(AccountError::TooLong);
        }
        Ok(AccountNumber(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The class: the first digit, 1–9.
    pub fn class(&self) -> u8 {
        self.0.as_bytes()[0] - b'0'
    }

    /// `true` when `self` is `parent` or one of its sub-accounts, at any
    /// depth: its number starts with the parent's number. `5711` is under
    /// `57`, `571` and `5711`; `5711` is not under `572`. Use this to sum a
    /// parent's balance over its sub-accounts.
    pub fn is_under(&self, parent: &AccountNumber) -> bool {
        self.0.starts_with(parent.as_str())
    }

    /// Like [`is_under`](Self::is_under) but excludes the account itself:
    /// `5711` is strictly under `571`, not under `5711`.
    pub fn is_strictly_under(&self, parent: &AccountNumber) -> bool {
        self.0.len() > parent.0.len() && self.is_under(parent)
    }

    /// The Fluent key of this account's class name.
    pub fn class_key(&self) -> &'static str {
        class_key(self.class())
    }
}

impl fmt::Display for AccountNumber {
    /// The digits, as written in the books (numbers are the same in every
    /// language).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for AccountNumber {
    type Err = AccountError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AccountNumber::parse(s)
    }
}

impl TryFrom<String> for AccountNumber {
    type Error = AccountError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        AccountNumber::parse(&s)
    }
}

impl From<AccountNumber> for String {
    fn from(n: AccountNumber) -> String {
        n.0
    }
}

impl<'de> Deserialize<'de> for AccountNumber {
    /// Validates like [`AccountNumber::parse`]; the serde error names the
    /// Fluent key of the reason (serde errors are for developers).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        AccountNumber::parse(&s).map_err(|e| {
            serde::de::Error::custom(format_args!("invalid account number {s:?}: {}", e.key()))
        })
    }
}

impl AsRef<str> for AccountNumber {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// The Fluent key naming a SYSCOHADA class (`account-class-1` …
/// `account-class-9`); `account-class-unknown` for anything else.
pub fn class_key(class: u8) -> &'static str {
    match class {
        1 => "account-class-1",
        2 => "account-class-2",
        3 => "account-class-3",
        4 => "account-class-4",
        5 => "account-class-5",
        6 => "account-class-6",
        7 => "account-class-7",
        8 => "account-class-8",
        9 => "account-class-9",
        _ => "account-class-unknown",
    }
}

/// The side on which an account's balance normally stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NormalBalance {
    Debit,
    Credit,
}

/// Exceptions to the class default, by number prefix; the longest matching
/// prefix wins. See [`normal_balance`].
const BALANCE_EXCEPTIONS: &[(&str, NormalBalance)] = &[
    // Class 1 (credit): contra-equity and losses.
    ("109", NormalBalance::Debit), // Apporteurs, capital souscrit, non appelé
    ("129", NormalBalance::Debit), // Report à nouveau débiteur
    ("1309", NormalBalance::Debit), // Résultat en instance d'affectation : perte
    ("139", NormalBalance::Debit), // Résultat net : perte
    // Class 2 (debit): depreciation and impairment.
    ("28", NormalBalance::Credit),
    ("29", NormalBalance::Credit),
    // Class 3 (debit): impairment.
    ("39", NormalBalance::Credit),
    // Class 4 (credit): receivables and other debit-side third parties.
    ("409", NormalBalance::Debit),  // Fournisseurs débiteurs
    ("41", NormalBalance::Debit),   // Clients
    ("419", NormalBalance::Credit), // Clients créditeurs
    ("421", NormalBalance::Debit),  // Personnel, avances et acomptes
    ("445", NormalBalance::Debit),  // État, TVA récupérable
    ("4449", NormalBalance::Debit), // État, crédit de TVA à reporter
    ("4492", NormalBalance::Debit), // État, avances et acomptes versés sur impôts
    ("4493", NormalBalance::Debit), // État, … à recevoir
    ("4494", NormalBalance::Debit),
    ("4495", NormalBalance::Debit),
    ("4496", NormalBalance::Debit),
    ("458", NormalBalance::Debit), // Organismes internationaux, … à recevoir
    ("461", NormalBalance::Debit), // Apporteurs, opérations sur le capital
    ("467", NormalBalance::Debit), // Apporteurs restant dû sur capital appelé
    ("469", NormalBalance::Debit), // Entité, dividendes à recevoir
    ("4711", NormalBalance::Debit), // Débiteurs divers
    ("4717", NormalBalance::Debit), // Débiteurs divers – retenues de garantie
    ("476", NormalBalance::Debit), // Charges constatées d'avance
    ("478", NormalBalance::Debit), // Écarts de conversion – actif
    ("485", NormalBalance::Debit), // Créances sur cessions d'immobilisations
    ("486", NormalBalance::Debit), // Créances sur cessions de titres de placement
    ("488", NormalBalance::Debit), // Autres créances HAO
    // Class 5 (debit): bank credit lines and impairment.
    ("56", NormalBalance::Credit),
    ("59", NormalBalance::Credit),
    // Class 6 (debit): rebates obtained (6xx9, "non ventilés").
    ("6019", NormalBalance::Credit),
    ("6029", NormalBalance::Credit),
    ("6049", NormalBalance::Credit),
    ("6059", NormalBalance::Credit),
    ("6089", NormalBalance::Credit),
    // Class 7 (credit): rebates granted (70x9, "non ventilés").
    ("7019", NormalBalance::Debit),
    ("7029", NormalBalance::Debit),
    ("7039", NormalBalance::Debit),
    ("7049", NormalBalance::Debit),
    ("7059", NormalBalance::Debit),
    ("7069", NormalBalance::Debit),
    // Class 8: odd second digit = charges, even = products.
    ("81", NormalBalance::Debit),
    ("82", NormalBalance::Credit),
    ("83", NormalBalance::Debit),
    ("84", NormalBalance::Credit),
    ("85", NormalBalance::Debit),
    ("86", NormalBalance::Credit),
    ("87", NormalBalance::Debit),
    ("88", NormalBalance::Credit),
    ("89", NormalBalance::Debit),
    ("899", NormalBalance::Credit), // Dégrèvements et annulations d'impôts
];

/// The side on which the account's balance normally stands. A display hint
/// only (which column a balance "should" be in, a warning colour): the books
/// never depend on it, and any account may stand on either side.
///
/// Rules (SYSCOHADA revised), by class, then exceptions by prefix (longest
/// wins):
/// - 1 credit, except 109, 129, 1309, 139 (losses, uncalled capital): debit;
/// - 2 and 3 debit, except 28, 29, 39 (depreciation, impairment): credit;
/// - 4 credit (suppliers, staff, State, members, sundry creditors), except
///   the receivable side: 409, 41 (but 419 credit), 421, 445, 4449,
///   4492–4496, 458, 461, 467, 469, 4711, 4717, 476, 478, 485, 486, 488:
///   debit; 49 (impairment) stays credit;
/// - 5 debit, except 56 (bank credit lines) and 59: credit;
/// - 6 debit, except 6019/6029/6049/6059/6089 (rebates obtained): credit;
/// - 7 credit, except 7019…7069 (rebates granted): debit;
/// - 8: second digit odd (81, 83, 85, 87, 89 — charges) debit, even
///   (82, 84, 86, 88 — products) credit; 899 (tax relief) credit;
/// - 9 (off-balance-sheet, management accounting): debit, by convention.
pub fn normal_balance(number: &AccountNumber) -> NormalBalance {
    let s = number.as_str();
    let exception = BALANCE_EXCEPTIONS
        .iter()
        .filter(|(prefix, _)| s.starts_with(prefix))
        .max_by_key(|(prefix, _)| prefix.len());
    if let Some((_, side)) = exception {
        return *side;
    }
    match number.class() {
        1 | 4 | 7 => NormalBalance::Credit,
        _ => NormalBalance::Debit,
    }
}

/// `true` for the income-statement classes 6, 7 and 8: their balances are
/// closed into 131 (Résultat net : bénéfice) or 139 (Résultat net : perte)
/// at year end.
pub fn is_income_statement(number: &AccountNumber) -> bool {
    matches!(number.class(), 6..=8)
}

/// `true` for money you can count: cash boxes (57) and mobile-money wallets
/// (552). Their balance can never be in credit, so the ledger refuses a
/// posting that would take it below zero.
pub fn is_countable_money(number: &AccountNumber) -> bool {
    let n = number.as_str();
    n.starts_with("57") || n.starts_with("552")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn countable_money_accounts() {
        let p = |s| AccountNumber::parse(s).unwrap();
        assert!(is_countable_money(&p("5711")));
        assert!(is_countable_money(&p("5721")));
        assert!(is_countable_money(&p("5521")));
        assert!(!is_countable_money(&p("5211")));
        assert!(!is_countable_money(&p("585")));
    }

    fn n(s: &str) -> AccountNumber {
        AccountNumber::parse(s).unwrap()
    }

    #[test]
    fn parses_valid_numbers() {
        assert_eq!(n("5711").as_str(), "5711");
        assert_eq!(n("57").as_str(), "57");
        assert_eq!(n("  4621001\t").as_str(), "4621001");
        assert_eq!(n("999999999999").as_str(), "999999999999");
        assert_eq!(n("10").as_str(), "10");
    }

    #[test]
    fn rejects_bad_numbers() {
        use AccountError::*;
        let cases = [
            ("", Empty),
            ("   ", Empty),
            ("\t\n", Empty),
            ("57a1", NotDigits),
            ("57 11", NotDigits),
            ("5711.", NotDigits),
            ("-5711", NotDigits),
            ("+5711", NotDigits),
            ("５７１１", NotDigits), // full-width digits
            ("٥٧١١", NotDigits),     // Arabic-Indic digits
            ("5", TooShort),
            ("9", TooShort),
            ("1234567890123", TooLong),
            ("0", BadClass),
            ("05711", BadClass),
            ("00", BadClass),
            ("0123456789012", BadClass),
        ];
        for (input, want) in cases {
            assert_eq!(AccountNumber::parse(input), Err(want), "input {input:?}");
        }
    }

    #[test]
    fn class_and_class_key() {
        assert_eq!(n("5711").class(), 5);
        assert_eq!(n("131").class(), 1);
        assert_eq!(n("99").class(), 9);
        assert_eq!(n("5711").class_key(), "account-class-5");
        assert_eq!(class_key(1), "account-class-1");
        assert_eq!(class_key(9), "account-class-9");
        assert_eq!(class_key(0), "account-class-unknown");
        assert_eq!(class_key(10), "account-class-unknown");
    }

    #[test]
    fn hierarchy() {
        assert!(n("5711").is_under(&n("57")));
        assert!(n("5711").is_under(&n("571")));
        assert!(n("5711").is_under(&n("5711")));
        assert!(!n("5711").is_under(&n("572")));
        assert!(!n("57").is_under(&n("5711")));
        assert!(n("4621001").is_under(&n("4621")));
        assert!(!n("4622").is_under(&n("4621")));
        assert!(n("5711").is_strictly_under(&n("571")));
        assert!(!n("5711").is_strictly_under(&n("5711")));
        assert!(!n("571").is_strictly_under(&n("5711")));
    }

    #[test]
    fn ordering_follows_the_chart() {
        let mut v = [n("572"), n("5711"), n("57"), n("571"), n("131")];
        v.sort();
        let s: Vec<&str> = v.iter().map(|a| a.as_str()).collect();
        assert_eq!(s, ["131", "57", "571", "5711", "572"]);
    }

    #[test]
    fn normal_balances() {
        use NormalBalance::*;
        let cases = [
            ("1013", Credit),
            ("1111", Credit),
            ("121", Credit),
            ("129", Debit),
            ("131", Credit),
            ("139", Debit),
            ("1309", Debit),
            ("1301", Credit),
            ("109", Debit),
            ("2411", Debit),
            ("2712", Debit),
            ("2841", Credit),
            ("2971", Credit),
            ("3211", Debit),
            ("361", Debit),
            ("391", Credit),
            ("4011", Credit),
            ("4091", Debit),
            ("4111", Debit),
            ("4191", Credit),
            ("4211", Debit),
            ("422", Credit),
            ("4613", Debit),
            ("4621", Credit),
            ("4621001", Credit),
            ("465", Credit),
            ("4711", Debit),
            ("4712", Credit),
            ("491", Credit),
            ("5211", Debit),
            ("5521", Debit),
            ("561", Credit),
            ("5711", Debit),
            ("585", Debit),
            ("6021", Debit),
            ("6029", Credit),
            ("65881", Debit),
            ("7021", Credit),
            ("70211", Credit),
            ("7029", Debit),
            ("75881", Credit),
            ("7712", Credit),
            ("812", Debit),
            ("822", Credit),
            ("891", Debit),
            ("8991", Credit),
            ("901", Debit),
        ];
        for (s, want) in cases {
            assert_eq!(normal_balance(&n(s)), want, "account {s}");
        }
    }

    #[test]
    fn exception_prefixes_are_valid_numbers() {
        for (prefix, _) in BALANCE_EXCEPTIONS {
            assert!(AccountNumber::parse(prefix).is_ok(), "{prefix}");
        }
    }

    #[test]
    fn income_statement_classes() {
        for (s, want) in [
            ("1013", false),
            ("131", false),
            ("139", false),
            ("2412", false),
            ("361", false),
            ("4621", false),
            ("5711", false),
            ("6021", true),
            ("65881", true),
            ("7021", true),
            ("7712", true),
            ("822", true),
            ("891", true),
            ("901", false),
        ] {
            assert_eq!(is_income_statement(&n(s)), want, "account {s}");
        }
    }

    #[test]
    fn error_keys_and_args() {
        assert_eq!(AccountError::Empty.key(), "account-empty");
        assert_eq!(AccountError::NotDigits.key(), "account-not-digits");
        assert_eq!(AccountError::BadClass.key(), "account-bad-class");
        assert_eq!(
            AccountError::TooShort.args(),
            vec![("min", MsgArg::Int(MIN_DIGITS as i64))]
        );
        assert_eq!(
            AccountError::TooLong.args(),
            vec![("max", MsgArg::Int(MAX_DIGITS as i64))]
        );
        assert!(AccountError::Empty.args().is_empty());
    }

    #[test]
    fn display_fromstr_and_conversions() {
        let a: AccountNumber = " 5711 ".parse().unwrap();
        assert_eq!(a.to_string(), "5711");
        assert_eq!(String::from(a.clone()), "5711");
        assert_eq!(AccountNumber::try_from("5711".to_string()), Ok(a));
        assert_eq!(
            AccountNumber::try_from("0".to_string()),
            Err(AccountError::BadClass)
        );
    }

    #[test]
    fn deserialising_validates() {
        use serde::de::IntoDeserializer;
        use serde::de::value::{Error, StringDeserializer};
        let ok: StringDeserializer<Error> = "5711".to_string().into_deserializer();
        assert_eq!(AccountNumber::deserialize(ok).unwrap(), n("5711"));
        let bad: StringDeserializer<Error> = "57x".to_string().into_deserializer();
        assert!(AccountNumber::deserialize(bad).is_err());
    }

    proptest! {
        #[test]
        fn valid_numbers_round_trip(s in "[1-9][0-9]{1,11}") {
            let a = AccountNumber::parse(&s).unwrap();
            prop_assert_eq!(a.as_str(), s.as_str());
            prop_assert_eq!(a.class(), s.as_bytes()[0] - b'0');
            prop_assert!(a.is_under(&a));
            prop_assert!(!a.is_strictly_under(&a));
            // Every proper prefix of at least MIN_DIGITS digits is a parent.
            for len in MIN_DIGITS..s.len() {
                let parent = AccountNumber::parse(&s[..len]).unwrap();
                prop_assert!(a.is_strictly_under(&parent));
                prop_assert!(parent < a);
            }
        }

        #[test]
        fn parse_never_panics_and_accepts_only_valid(s in "\\PC{0,16}") {
            if let Ok(a) = AccountNumber::parse(&s) {
                let t = a.as_str();
                prop_assert!(t.len() >= MIN_DIGITS && t.len() <= MAX_DIGITS);
                prop_assert!(t.bytes().all(|b| b.is_ascii_digit()));
                prop_assert!(!t.starts_with('0'));
                prop_assert_eq!(t, s.trim());
                let _ = normal_balance(&a);
            }
        }
    }
}
