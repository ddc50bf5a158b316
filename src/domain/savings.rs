//! The rules of a savings group (AVEC / VSLA, Saving for Change, SILC):
//! the cycle's constitution, loan interest in each of the four modes in
//! use, the checks of a meeting row and the end-of-cycle share-out.
//!
//! Pure: no IO, no SQL. The service feeds these functions what the store
//! read and posts what they return.
//!
//! # Loan interest
//!
//! A loan runs in months from its disbursement date `d`: month `k` starts
//! on `d + (k−1) months` and ends on `d + k months`. The interest of a
//! month is the monthly rate applied to
//!
//! - **flat**: the original principal, every month the loan is still out;
//! - **declining**: the principal still owed when the month starts;
//! - **first month at disbursement** (`upfront`): like declining, but the
//!   first month's interest is taken when the loan is handed over;
//! - **none**: nothing (social-fund loans are always interest-free).
//!
//! Each month's interest is rounded once, half away from zero, to the franc
//! (the crate's one rounding rule): it is the amount due, so no residue is
//! left to post. A repayment pays the interest of the months that have
//! ended first, then principal. To clear the loan, the month in progress is
//! owed too (a started month counts). Past its term a loan either keeps
//! accruing (rollover) or stops accruing and is flagged overdue.
//!
//! 50 000 F at 10 %/month for 3 months, repaid a third at each monthly
//! date: flat 15 000 F of interest; declining 5 000 + 3 333 + 1 667 =
//! 10 000 F; upfront 5 000 at disbursement + 3 333 + 1 667 = 10 000 F.
//!
//! # Share-out
//!
//! What is shared is the cash of the loan fund at the share-out, plus the
//! debts netted against payouts when the constitution nets loans. Each
//! member's gross amount is computed from the exact fraction, then rounded
//! **down** to the rounding unit (1, 5 or 25 F): rounding up could pay out
//! more than the box holds. What the rounding leaves is the remainder,
//! recorded and carried to the next cycle or to the social fund; so the
//! payouts plus the remainder are exactly the cash of the loan fund.

use std::collections::BTreeSet;

use chrono::{Months, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::domain::money::{Fcfa, round_decimal};
use crate::domain::{Message, MsgArg};

/// The monthly rate above which a constitution is warned about (10 %).
pub const HIGH_RATE: Decimal = Decimal::from_parts(10, 0, 0, false, 2);

/// The largest number of members a group's grid is built for.
pub const MAX_MEMBERS: usize = 60;

/// How the interest of a loan is computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InterestMode {
    /// Monthly rate × original principal, every month.
    Flat,
    /// Monthly rate × principal still owed at the start of the month.
    Declining,
    /// Declining, with the first month's interest taken at disbursement.
    Upfront,
    /// No interest.
    None,
}

impl InterestMode {
    pub const ALL: [InterestMode; 4] = [
        InterestMode::Flat,
        InterestMode::Declining,
        InterestMode::Upfront,
        InterestMode::None,
    ];

    pub fn code(self) -> &'static str {
        match self {
            InterestMode::Flat => "flat",
            InterestMode::Declining => "declining",
            InterestMode::Upfront => "upfront",
            InterestMode::None => "none",
        }
    }

    /// `flat`/`fixe`, `declining`/`degressif`, `upfront`/`avance`, `none`/`aucun`.
    pub fn parse(s: &str) -> Result<InterestMode, SavingsError> {
        match crate::domain::text::fold(s.trim()).as_str() {
            "flat" | "fixe" | "forfaitaire" => Ok(InterestMode::Flat),
            "declining" | "degressif" => Ok(InterestMode::Declining),
            "upfront" | "avance" | "premier-mois" => Ok(InterestMode::Upfront),
            "none" | "aucun" | "sans" => Ok(InterestMode::None),
            _ => Err(SavingsError::BadChoice {
                what: "interest-mode",
                input: s.to_string(),
            }),
        }
    }
}

/// What happens to a loan not repaid at the end of its term.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LatePolicy {
    /// It rolls over: interest goes on accruing every month.
    Rollover,
    /// It is flagged overdue and accrues no more interest.
    Overdue,
}

impl LatePolicy {
    pub fn code(self) -> &'static str {
        match self {
            LatePolicy::Rollover => "rollover",
            LatePolicy::Overdue => "overdue",
        }
    }

    pub fn parse(s: &str) -> Result<LatePolicy, SavingsError> {
        match crate::domain::text::fold(s.trim()).as_str() {
            "rollover" | "reconduction" | "reconduit" => Ok(LatePolicy::Rollover),
            "overdue" | "retard" | "en-retard" => Ok(LatePolicy::Overdue),
            _ => Err(SavingsError::BadChoice {
                what: "late-policy",
                input: s.to_string(),
            }),
        }
    }
}

/// How the loan fund is shared out at the end of the cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ShareoutRule {
    /// The standard VSLA rule: fund ÷ shares, times her shares.
    Proportional,
    /// Her savings back, plus an equal part of the profit per member.
    EqualProfit,
    /// Her savings and the interest she paid back, plus the rest of the
    /// profit (fines, other income, less expenses) in proportion to shares.
    OwnInterest,
}

impl ShareoutRule {
    /// The stable code (`proportional`, `equal-profit`, `own-interest`).
    pub fn code(self) -> &'static str {
        const CODES: [&str; 3] = ["proportional", "equal-profit", "own-interest"];
        CODES[self as usize]
    }

    pub fn parse(s: &str) -> Result<ShareoutRule, SavingsError> {
        match crate::domain::text::fold(s.trim()).as_str() {
            "proportional" | "proportionnel" | "parts" => Ok(ShareoutRule::Proportional),
            "equal-profit" | "egal" | "benefice-egal" => Ok(ShareoutRule::EqualProfit),
            "own-interest" | "propres-interets" | "interets" => Ok(ShareoutRule::OwnInterest),
            _ => Err(SavingsError::BadChoice {
                what: "shareout-rule",
                input: s.to_string(),
            }),
        }
    }
}

/// Where the remainder the share-out's rounding leaves goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RemainderTo {
    /// Stays in the loan fund for the next cycle.
    NextCycle,
    /// Moves to the social fund.
    SocialFund,
}

impl RemainderTo {
    /// The stable code (`next-cycle`, `social-fund`).
    pub fn code(self) -> &'static str {
        const CODES: [&str; 2] = ["next-cycle", "social-fund"];
        CODES[self as usize]
    }

    pub fn parse(s: &str) -> Result<RemainderTo, SavingsError> {
        match crate::domain::text::fold(s.trim()).as_str() {
            "next-cycle" | "cycle-suivant" | "report" => Ok(RemainderTo::NextCycle),
            "social-fund" | "fonds-social" | "social" => Ok(RemainderTo::SocialFund),
            _ => Err(SavingsError::BadChoice {
                what: "remainder-to",
                input: s.to_string(),
            }),
        }
    }
}

/// What a member who leaves during the cycle takes with her.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LeavingPayout {
    /// Her savings only; her part of the profit stays with the group.
    Savings,
    /// Her shares at the value a share has that day.
    Value,
}

impl LeavingPayout {
    pub fn code(self) -> &'static str {
        match self {
            LeavingPayout::Savings => "savings",
            LeavingPayout::Value => "value",
        }
    }

    pub fn parse(s: &str) -> Result<LeavingPayout, SavingsError> {
        match crate::domain::text::fold(s.trim()).as_str() {
            "savings" | "epargne" => Ok(LeavingPayout::Savings),
            "value" | "valeur" => Ok(LeavingPayout::Value),
            _ => Err(SavingsError::BadChoice {
                what: "leaving-payout",
                input: s.to_string(),
            }),
        }
    }
}

/// A kind of fine the constitution names, with its amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FineType {
    /// Short code typed in the grid: `retard`, `absence`, `bruit`.
    pub code: String,
    pub amount: Fcfa,
}

impl FineType {
    /// `retard=100`.
    pub fn parse(s: &str) -> Result<FineType, SavingsError> {
        let bad = || SavingsError::BadFine {
            input: s.to_string(),
        };
        let (code, amount) = s.split_once('=').ok_or_else(bad)?;
        let code = crate::domain::text::fold(code.trim());
        if code.is_empty()
            || code.chars().count() > 20
            || !code
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        {
            return Err(bad());
        }
        let amount = Fcfa::parse_positive(amount).map_err(|_| bad())?;
        Ok(FineType { code, amount })
    }
}

/// The rules a group adopted for one cycle. Fixed when the cycle starts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Constitution {
    /// Days between meetings (14 for twice a month, 7 for weekly).
    pub frequency_days: u32,
    /// Price of one share, fixed for the cycle.
    pub share_price: Fcfa,
    /// Shares a member present buys at each meeting, at least and at most.
    /// A fixed equal contribution (Saving for Change) is 1 and 1.
    pub min_shares: u32,
    pub max_shares: u32,
    /// Social fund contribution per member and meeting.
    pub social_fee: Fcfa,
    pub interest_mode: InterestMode,
    /// Monthly interest rate, as a fraction (0.10 for 10 %).
    pub monthly_rate: Decimal,
    /// A loan is at most this many times the member's savings.
    pub max_loan_multiple: Decimal,
    /// Longest loan term, in months.
    pub max_term_months: u32,
    pub late: LatePolicy,
    pub fines: Vec<FineType>,
    pub rule: ShareoutRule,
    /// Unpaid loans are deducted from payouts at the share-out.
    pub netting: bool,
    /// Share-out amounts are multiples of this (1, 5 or 25 F).
    pub rounding_unit: i64,
    pub remainder_to: RemainderTo,
    pub leaving: LeavingPayout,
}

impl Constitution {
    /// The rules most groups in Bamako start with.
    pub fn standard() -> Constitution {
        Constitution {
            frequency_days: 14,
            share_price: Fcfa::new(500),
            min_shares: 1,
            max_shares: 5,
            social_fee: Fcfa::new(100),
            interest_mode: InterestMode::Flat,
            monthly_rate: Decimal::new(10, 2),
            max_loan_multiple: Decimal::from(3),
            max_term_months: 3,
            late: LatePolicy::Overdue,
            fines: vec![
                FineType {
                    code: "retard".into(),
                    amount: Fcfa::new(100),
                },
                FineType {
                    code: "absence".into(),
                    amount: Fcfa::new(200),
                },
            ],
            rule: ShareoutRule::Proportional,
            netting: true,
            rounding_unit: 5,
            remainder_to: RemainderTo::NextCycle,
            leaving: LeavingPayout::Savings,
        }
    }

    /// A fixed equal contribution (one share of `share_price` per meeting).
    pub fn equal_contribution(&self) -> bool {
        self.min_shares == 1 && self.max_shares == 1
    }

    /// Refuses rules that cannot work.
    pub fn validate(&self) -> Result<(), SavingsError> {
        let bad = |field: &'static str| SavingsError::BadConstitution { field };
        if !(1..=62).contains(&self.frequency_days) {
            return Err(bad("frequency"));
        }
        if self.share_price.francs() <= 0 || self.share_price.francs() > 1_000_000 {
            return Err(bad("share-price"));
        }
        if self.max_shares == 0 || self.min_shares > self.max_shares || self.max_shares > 100 {
            return Err(bad("shares"));
        }
        if self.social_fee.francs() < 0 || self.social_fee.francs() > 1_000_000 {
            return Err(bad("social-fee"));
        }
        if self.monthly_rate < Decimal::ZERO || self.monthly_rate > Decimal::ONE {
            return Err(bad("rate"));
        }
        if self.interest_mode == InterestMode::None && !self.monthly_rate.is_zero() {
            return Err(bad("rate"));
        }
        if self.max_loan_multiple < Decimal::ZERO || self.max_loan_multiple > Decimal::from(20) {
            return Err(bad("max-multiple"));
        }
        if !(1..=24).contains(&self.max_term_months) {
            return Err(bad("max-term"));
        }
        if ![1, 5, 10, 25, 50, 100].contains(&self.rounding_unit) {
            return Err(bad("rounding-unit"));
        }
        let mut seen = BTreeSet::new();
        for f in &self.fines {
            if !seen.insert(f.code.as_str()) {
                return Err(SavingsError::BadFine {
                    input: f.code.clone(),
                });
            }
        }
        Ok(())
    }

    /// The amount of a fine type (`retard`), accents and case ignored.
    pub fn fine(&self, code: &str) -> Option<Fcfa> {
        let c = crate::domain::text::fold(code.trim());
        self.fines.iter().find(|f| f.code == c).map(|f| f.amount)
    }

    /// Fines typed in a grid cell: an amount (`300`) or fine codes joined
    /// by `+` (`retard+bruit`), each optionally times a count (`2*retard`).
    /// The total is at most [`crate::domain::money::MAX_AMOUNT`].
    pub fn parse_fines(&self, input: &str) -> Result<Fcfa, SavingsError> {
        let t = input.trim();
        if t.is_empty() {
            return Ok(Fcfa::ZERO);
        }
        if let Ok(a) = Fcfa::parse(t) {
            if a.francs() < 0 {
                return Err(SavingsError::Negative { field: "fine" });
            }
            return Ok(a);
        }
        let mut total = 0i64;
        for part in t.split('+') {
            let part = part.trim();
            let (n, code) = match part.split_once('*') {
                Some((n, c)) => (
                    n.trim().parse::<i64>().map_err(|_| SavingsError::BadFine {
                        input: part.to_string(),
                    })?,
                    c,
                ),
                None => (1, part),
            };
            let amount = self.fine(code).ok_or_else(|| SavingsError::UnknownFine {
                input: code.trim().to_string(),
            })?;
            if !(1..=100).contains(&n) {
                return Err(SavingsError::BadFine {
                    input: part.to_string(),
                });
            }
            // An amount like any other: never above the cap, never overflowing.
            total = n
                .checked_mul(amount.francs())
                .and_then(|v| total.checked_add(v))
                .filter(|t| *t <= crate::domain::money::MAX_AMOUNT)
                .ok_or(SavingsError::TooLarge { field: "fine" })?;
        }
        Ok(Fcfa::new(total))
    }

    /// Warnings about rules that are allowed but unusual.
    pub fn warnings(&self) -> Vec<SavingsWarning> {
        let mut w = Vec::new();
        if self.monthly_rate > HIGH_RATE {
            w.push(SavingsWarning::HighRate {
                rate: self.monthly_rate,
            });
        }
        w
    }
}

/// Attendance at a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Attendance {
    Present,
    Absent,
    /// Someone came in her name, with her money.
    Represented,
}

impl Attendance {
    pub fn code(self) -> &'static str {
        match self {
            Attendance::Present => "present",
            Attendance::Absent => "absent",
            Attendance::Represented => "represented",
        }
    }

    /// `p`/`present`/`présente`, `a`/`absent(e)`, `r`/`represented`/`représentée`.
    pub fn parse(s: &str) -> Result<Attendance, SavingsError> {
        match crate::domain::text::fold(s.trim()).as_str() {
            "p" | "present" | "presente" | "1" | "oui" | "yes" => Ok(Attendance::Present),
            "a" | "absent" | "absente" | "0" | "non" | "no" => Ok(Attendance::Absent),
            "r" | "represented" | "representee" | "represente" => Ok(Attendance::Represented),
            _ => Err(SavingsError::BadChoice {
                what: "attendance",
                input: s.to_string(),
            }),
        }
    }

    /// Present or represented: money may move for her.
    pub fn counts(self) -> bool {
        self != Attendance::Absent
    }
}

/// A member's office in the group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MemberRole {
    Member,
    President,
    Secretary,
    BoxKeeper,
    MoneyCounter,
    KeyHolder,
}

impl MemberRole {
    pub const ALL: [MemberRole; 6] = [
        MemberRole::Member,
        MemberRole::President,
        MemberRole::Secretary,
        MemberRole::BoxKeeper,
        MemberRole::MoneyCounter,
        MemberRole::KeyHolder,
    ];

    /// The stable code (`member`, `president`, `secretary`, `box-keeper`,
    /// `money-counter`, `key-holder`).
    pub fn code(self) -> &'static str {
        const CODES: [&str; 6] = [
            "member",
            "president",
            "secretary",
            "box-keeper",
            "money-counter",
            "key-holder",
        ];
        CODES[self as usize]
    }

    pub fn parse(s: &str) -> Result<MemberRole, SavingsError> {
        match crate::domain::text::fold(s.trim()).as_str() {
            "" | "member" | "membre" => Ok(MemberRole::Member),
            "president" | "presidente" => Ok(MemberRole::President),
            "secretary" | "secretaire" => Ok(MemberRole::Secretary),
            "box-keeper" | "gardienne" | "gardienne-de-caisse" | "tresoriere" => {
                Ok(MemberRole::BoxKeeper)
            }
            "money-counter" | "compteuse" => Ok(MemberRole::MoneyCounter),
            "key-holder" | "porteuse-de-cle" | "cle" => Ok(MemberRole::KeyHolder),
            _ => Err(SavingsError::BadChoice {
                what: "member-role",
                input: s.to_string(),
            }),
        }
    }
}

/// A social fund movement: `grant`/`aide`, `loan`/`prêt`, `repay`/`remboursement`.
pub fn parse_social_kind(s: &str) -> Result<&'static str, SavingsError> {
    match crate::domain::text::fold(s.trim()).as_str() {
        "grant" | "aide" | "don" => Ok("grant"),
        "loan" | "pret" => Ok("loan"),
        "repay" | "remboursement" => Ok("repay"),
        _ => Err(SavingsError::BadSocialKind {
            input: s.to_string(),
        }),
    }
}

/// Why the social fund pays: `health`/`santé`, `funeral`/`funérailles`,
/// `other`/`autre` (the default).
pub fn parse_social_reason(s: &str) -> Result<&'static str, SavingsError> {
    match crate::domain::text::fold(s.trim()).as_str() {
        "health" | "sante" | "soins" => Ok("health"),
        "funeral" | "funerailles" | "deces" => Ok("funeral"),
        "" | "other" | "autre" => Ok("other"),
        _ => Err(SavingsError::BadChoice {
            what: "social-reason",
            input: s.to_string(),
        }),
    }
}

/// Parses a monthly rate typed as a percentage: `10`, `10 %`, `2,5`.
pub fn parse_rate(input: &str) -> Result<Decimal, SavingsError> {
    let t = input.trim().trim_end_matches('%').trim().replace(',', ".");
    let bad = || SavingsError::BadRate {
        input: input.to_string(),
    };
    let pct: Decimal = t.parse().map_err(|_| bad())?;
    if pct < Decimal::ZERO || pct > Decimal::from(100) || pct.scale() > 4 {
        return Err(bad());
    }
    Ok(pct / Decimal::from(100))
}

/// Parses a multiple of savings: `3`, `2,5`.
pub fn parse_multiple(input: &str) -> Result<Decimal, SavingsError> {
    let t = input
        .trim()
        .trim_end_matches(['x', '×'])
        .trim()
        .replace(',', ".");
    let m: Decimal = t.parse().map_err(|_| SavingsError::BadRate {
        input: input.to_string(),
    })?;
    if m < Decimal::ZERO || m > Decimal::from(20) || m.scale() > 2 {
        return Err(SavingsError::BadRate {
            input: input.to_string(),
        });
    }
    Ok(m)
}

/// Formats a fraction as a percentage with up to two decimals (`0.1` → `10`,
/// `0.208333` → `20,83` in French).
pub fn format_pct(rate: Decimal, lang: crate::domain::Lang) -> String {
    let pct = (rate * Decimal::from(100))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    let s = pct.to_string();
    match lang {
        crate::domain::Lang::Fr => s.replace('.', ","),
        crate::domain::Lang::En => s,
    }
}

// ---------------------------------------------------------------------------
// Loans
// ---------------------------------------------------------------------------

/// What a loan was granted on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LoanTerms {
    pub principal: Fcfa,
    pub mode: InterestMode,
    pub rate: Decimal,
    pub term_months: u32,
    pub disbursed: NaiveDate,
    pub late: LatePolicy,
}

/// A repayment as the books recorded it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Repayment {
    pub date: NaiveDate,
    pub principal: Fcfa,
    pub interest: Fcfa,
}

/// One line of a loan's planned schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Instalment {
    pub date: NaiveDate,
    pub principal: Fcfa,
    pub interest: Fcfa,
    /// Principal still owed after this instalment.
    pub balance: Fcfa,
}

/// Where a loan stands on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LoanStatus {
    pub principal_paid: Fcfa,
    pub interest_paid: Fcfa,
    /// Principal still owed.
    pub balance: Fcfa,
    /// Interest of the months that have ended, not yet paid.
    pub interest_due: Fcfa,
    /// What clears the loan today: balance + unpaid interest of every
    /// month that has started.
    pub payoff: Fcfa,
    /// End of the term.
    pub due: NaiveDate,
    /// Days past the end of the term with principal still owed.
    pub days_overdue: i64,
    /// Past its term under a rollover constitution.
    pub rolled_over: bool,
    pub closed: bool,
}

fn month_start(disbursed: NaiveDate, k: u32) -> NaiveDate {
    disbursed
        .checked_add_months(Months::new(k - 1))
        .expect("dates within the ledger's range")
}

impl LoanTerms {
    /// End of the term.
    pub fn due(&self) -> NaiveDate {
        self.disbursed
            .checked_add_months(Months::new(self.term_months))
            .expect("dates within the ledger's range")
    }

    fn charge(&self, on: Fcfa) -> Fcfa {
        round_decimal(on.to_decimal() * self.rate)
            .map(|r| r.amount)
            .unwrap_or(Fcfa::ZERO)
    }

    /// Interest taken when the loan is handed over (upfront mode only).
    pub fn interest_at_disbursement(&self) -> Fcfa {
        match self.mode {
            InterestMode::Upfront => self.charge(self.principal),
            _ => Fcfa::ZERO,
        }
    }

    /// The interest of each month `k` that has started before `until`
    /// (`started`) or ended by `until` (`ended`), given the repayments.
    /// Returns `(ended, started)`.
    fn accrued(&self, payments: &[Repayment], until: NaiveDate) -> (i64, i64) {
        let (mut ended, mut started) = (0i64, 0i64);
        let mut k = 1u32;
        loop {
            if self.late == LatePolicy::Overdue && k > self.term_months {
                break;
            }
            let s = month_start(self.disbursed, k);
            let e = month_start(self.disbursed, k + 1);
            let upfront_first = self.mode == InterestMode::Upfront && k == 1;
            let has_started = if upfront_first { s <= until } else { s < until };
            if !has_started {
                break;
            }
            let paid_by_start: i64 = payments
                .iter()
                .filter(|p| p.date <= s)
                .map(|p| p.principal.francs())
                .sum();
            let balance = self.principal.francs() - paid_by_start;
            if balance <= 0 {
                break;
            }
            let amount = match self.mode {
                InterestMode::None => 0,
                InterestMode::Flat => self.charge(self.principal).francs(),
                InterestMode::Declining | InterestMode::Upfront => {
                    self.charge(Fcfa::new(balance)).francs()
                }
            };
            started += amount;
            if upfront_first || e <= until {
                ended += amount;
            }
            k += 1;
            if k > 1200 {
                break; // a century of months: the dates end first
            }
        }
        (ended, started)
    }

    /// The loan on `at`, after `payments` (all dated on or before `at`).
    pub fn status(&self, payments: &[Repayment], at: NaiveDate) -> LoanStatus {
        let principal_paid: i64 = payments.iter().map(|p| p.principal.francs()).sum();
        let interest_paid: i64 = payments.iter().map(|p| p.interest.francs()).sum();
        let balance = self.principal.francs() - principal_paid;
        let (ended, started) = self.accrued(payments, at);
        let (interest_due, payoff) = if balance <= 0 {
            (0, 0)
        } else {
            (
                (ended - interest_paid).max(0),
                balance + (started - interest_paid).max(0),
            )
        };
        let due = self.due();
        let late = balance > 0 && at > due;
        LoanStatus {
            principal_paid: Fcfa::new(principal_paid),
            interest_paid: Fcfa::new(interest_paid),
            balance: Fcfa::new(balance.max(0)),
            interest_due: Fcfa::new(interest_due),
            payoff: Fcfa::new(payoff),
            due,
            days_overdue: if late { (at - due).num_days() } else { 0 },
            rolled_over: late && self.late == LatePolicy::Rollover,
            closed: balance <= 0,
        }
    }

    /// Splits a repayment of `amount` on `at` into principal and interest:
    /// the interest of ended months first, then principal. Clearing the
    /// loan takes the interest of the month in progress too.
    pub fn split(
        &self,
        payments: &[Repayment],
        at: NaiveDate,
        amount: Fcfa,
    ) -> Result<Repayment, SavingsError> {
        if amount.francs() <= 0 {
            return Err(SavingsError::Negative { field: "repay" });
        }
        let st = self.status(payments, at);
        if st.closed {
            return Err(SavingsError::NoLoan);
        }
        if amount == st.payoff {
            let principal = st.balance;
            return Ok(Repayment {
                date: at,
                principal,
                interest: Fcfa::new(amount.francs() - principal.francs()),
            });
        }
        if amount > st.payoff {
            return Err(SavingsError::RepayAbovePayoff {
                amount,
                payoff: st.payoff,
            });
        }
        let interest = amount.min(st.interest_due);
        let principal = Fcfa::new(amount.francs() - interest.francs());
        if principal >= st.balance {
            // Would clear the principal without the current month's interest.
            return Err(SavingsError::RepayAbovePayoff {
                amount,
                payoff: st.payoff,
            });
        }
        Ok(Repayment {
            date: at,
            principal,
            interest,
        })
    }

    /// The planned schedule: the principal in equal monthly parts (the
    /// odd francs on the first months), each paid with the interest then
    /// due on its monthly date. An upfront loan shows the interest taken at
    /// disbursement as a first line with no principal.
    pub fn schedule(&self) -> Vec<Instalment> {
        let n = self.term_months.max(1) as usize;
        let parts = crate::domain::money::allocate(self.principal, &vec![1; n])
            .unwrap_or_else(|_| vec![self.principal]);
        let mut out = Vec::new();
        let mut paid: Vec<Repayment> = Vec::new();
        let upfront = self.interest_at_disbursement();
        if upfront.francs() > 0 {
            let r = Repayment {
                date: self.disbursed,
                principal: Fcfa::ZERO,
                interest: upfront,
            };
            paid.push(r);
            out.push(Instalment {
                date: self.disbursed,
                principal: Fcfa::ZERO,
                interest: upfront,
                balance: self.principal,
            });
        }
        for (k, p) in parts.iter().enumerate() {
            let date = month_start(self.disbursed, k as u32 + 2);
            let st = self.status(&paid, date);
            let interest = if k + 1 == n {
                Fcfa::new(st.payoff.francs() - st.balance.francs())
            } else {
                st.interest_due
            };
            let r = Repayment {
                date,
                principal: *p,
                interest,
            };
            paid.push(r);
            let balance =
                self.principal.francs() - paid.iter().map(|x| x.principal.francs()).sum::<i64>();
            out.push(Instalment {
                date,
                principal: *p,
                interest,
                balance: Fcfa::new(balance),
            });
        }
        out
    }
}

// ---------------------------------------------------------------------------
// A meeting row
// ---------------------------------------------------------------------------

/// What the facilitator typed for one member at one meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowInput {
    pub attendance: Attendance,
    pub social: Fcfa,
    pub shares: u32,
    pub repay: Fcfa,
    pub fine_levied: Fcfa,
    pub fine_paid: Fcfa,
    pub new_loan: Fcfa,
    /// Term of the new loan in months (the constitution's maximum when 0).
    pub loan_term: u32,
}

impl RowInput {
    /// The common case: present, the social fee, the minimum of shares.
    pub fn default_for(c: &Constitution) -> RowInput {
        RowInput {
            attendance: Attendance::Present,
            social: c.social_fee,
            shares: c.min_shares,
            repay: Fcfa::ZERO,
            fine_levied: Fcfa::ZERO,
            fine_paid: Fcfa::ZERO,
            new_loan: Fcfa::ZERO,
            loan_term: 0,
        }
    }

    /// An absent member: nothing but the absence fine, when there is one.
    pub fn absent(c: &Constitution) -> RowInput {
        RowInput {
            attendance: Attendance::Absent,
            social: Fcfa::ZERO,
            shares: 0,
            repay: Fcfa::ZERO,
            fine_levied: c.fine("absence").unwrap_or(Fcfa::ZERO),
            fine_paid: Fcfa::ZERO,
            new_loan: Fcfa::ZERO,
            loan_term: 0,
        }
    }

    /// Nothing typed that moves money or levies a fine.
    pub fn is_empty(&self) -> bool {
        self.social.is_zero()
            && self.shares == 0
            && self.repay.is_zero()
            && self.fine_levied.is_zero()
            && self.fine_paid.is_zero()
            && self.new_loan.is_zero()
    }

    /// Cash this row brings into the loan-fund box (shares, repayment,
    /// fines paid, interest taken at disbursement) and takes out (loan).
    pub fn loan_fund_in(&self, c: &Constitution, upfront_interest: Fcfa) -> i64 {
        i64::from(self.shares) * c.share_price.francs()
            + self.repay.francs()
            + self.fine_paid.francs()
            + upfront_interest.francs()
    }
}

/// What the books know about a member when her row is checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemberState {
    /// Shares bought this cycle before this meeting.
    pub shares_before: i64,
    /// Her loan from the loan fund, if one is still owed.
    pub loan: Option<(LoanTerms, Vec<Repayment>)>,
    /// Fines levied and not paid before this meeting.
    pub fines_owed: Fcfa,
    /// She left the group or had not joined on the meeting's date.
    pub inactive: bool,
}

/// The outcome of checking a row: what it will post and what to warn about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowCheck {
    /// Her repayment split (zero when none).
    pub repayment: Repayment,
    /// Interest taken when the new loan is handed over.
    pub upfront_interest: Fcfa,
    /// The new loan's term, in months.
    pub loan_term: u32,
    pub warnings: Vec<SavingsWarning>,
}

/// Checks one member's row at a meeting dated `date`. `cash_before` is the
/// loan-fund cash in the box before this row's new loan goes out (opening
/// cash plus everything the meeting took in so far, less loans already
/// given). Refuses what the constitution does not allow.
pub fn check_row(
    c: &Constitution,
    row: &RowInput,
    m: &MemberState,
    date: NaiveDate,
    cash_before: Fcfa,
) -> Result<RowCheck, SavingsError> {
    let mut warnings = Vec::new();
    if m.inactive && !row.is_empty() {
        return Err(SavingsError::InactiveMember);
    }
    for (field, v) in [
        ("social", row.social),
        ("repay", row.repay),
        ("fine", row.fine_levied),
        ("fine-paid", row.fine_paid),
        ("loan", row.new_loan),
    ] {
        if v.francs() < 0 {
            return Err(SavingsError::Negative { field });
        }
        if v.francs() > 100_000_000 {
            return Err(SavingsError::TooLarge { field });
        }
    }
    if !row.attendance.counts() {
        if row.shares > 0
            || !row.social.is_zero()
            || !row.repay.is_zero()
            || !row.fine_paid.is_zero()
            || !row.new_loan.is_zero()
        {
            return Err(SavingsError::AbsentNoMoney);
        }
    } else if row.shares < c.min_shares || row.shares > c.max_shares {
        return Err(SavingsError::SharesOutOfRange {
            shares: row.shares,
            min: c.min_shares,
            max: c.max_shares,
        });
    }
    if row.attendance.counts() && row.social != c.social_fee {
        warnings.push(SavingsWarning::SocialFeeDiffers {
            paid: row.social,
            fee: c.social_fee,
        });
    }
    let owed = m.fines_owed.francs() + row.fine_levied.francs();
    if row.fine_paid.francs() > owed {
        return Err(SavingsError::FinePaidAboveOwed {
            paid: row.fine_paid,
            owed: Fcfa::new(owed),
        });
    }
    // The repayment.
    let mut repayment = Repayment {
        date,
        principal: Fcfa::ZERO,
        interest: Fcfa::ZERO,
    };
    let mut balance_after = Fcfa::ZERO;
    match &m.loan {
        Some((terms, paid)) => {
            let st = terms.status(paid, date);
            if st.days_overdue > 0 {
                warnings.push(SavingsWarning::Overdue {
                    days: st.days_overdue,
                    balance: st.balance,
                });
            }
            if !row.repay.is_zero() {
                repayment = terms.split(paid, date, row.repay)?;
            }
            balance_after = Fcfa::new(st.balance.francs() - repayment.principal.francs());
        }
        None => {
            if !row.repay.is_zero() {
                return Err(SavingsError::NoLoan);
            }
        }
    }
    // The new loan.
    let mut upfront = Fcfa::ZERO;
    let mut term = 0;
    if !row.new_loan.is_zero() {
        if balance_after.francs() > 0 {
            return Err(SavingsError::LoanOutstanding {
                balance: balance_after,
            });
        }
        term = if row.loan_term == 0 {
            c.max_term_months
        } else {
            row.loan_term
        };
        if term > c.max_term_months {
            return Err(SavingsError::TermTooLong {
                term,
                max: c.max_term_months,
            });
        }
        let savings = (m.shares_before + i64::from(row.shares)) * c.share_price.francs();
        let limit = (Decimal::from(savings) * c.max_loan_multiple)
            .floor()
            .to_i64()
            .unwrap_or(0);
        if row.new_loan.francs() > limit {
            return Err(SavingsError::LoanAboveLimit {
                amount: row.new_loan,
                limit: Fcfa::new(limit),
                savings: Fcfa::new(savings),
            });
        }
        let terms = LoanTerms {
            principal: row.new_loan,
            mode: c.interest_mode,
            rate: c.monthly_rate,
            term_months: term,
            disbursed: date,
            late: c.late,
        };
        upfront = terms.interest_at_disbursement();
        let cash = cash_before.francs() + row.loan_fund_in(c, upfront) - row.new_loan.francs();
        if cash < 0 {
            return Err(SavingsError::LoanAboveCash {
                amount: row.new_loan,
                cash: Fcfa::new(cash_before.francs() + row.loan_fund_in(c, upfront)),
            });
        }
    }
    Ok(RowCheck {
        repayment,
        upfront_interest: upfront,
        loan_term: term,
        warnings,
    })
}

// ---------------------------------------------------------------------------
// Share-out
// ---------------------------------------------------------------------------

/// A member as the share-out sees her.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ShareoutMember {
    pub member_id: i64,
    pub shares: i64,
    pub savings: Fcfa,
    /// Interest she paid this cycle (for the own-interest rule).
    pub interest_paid: Fcfa,
    /// What clears her loan and unpaid fines today (0 when none).
    pub debt: Fcfa,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ShareoutInput {
    /// Cash of the loan fund (the box) at the share-out.
    pub cash: Fcfa,
    pub rule: ShareoutRule,
    pub netting: bool,
    pub unit: i64,
    pub members: Vec<ShareoutMember>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareoutLine {
    pub member_id: i64,
    pub shares: i64,
    pub savings: Fcfa,
    /// Her part of the fund, rounded down to the unit.
    pub gross: Fcfa,
    /// `gross − savings`: her profit (negative after a loss).
    pub profit: Fcfa,
    /// Her debt deducted from her part.
    pub netted: Fcfa,
    /// Cash handed to her.
    pub payout: Fcfa,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareoutPlan {
    /// Cash plus the debts netted: what is shared.
    pub distributable: Fcfa,
    pub total_shares: i64,
    pub total_savings: Fcfa,
    /// `distributable ÷ total_shares`, to 4 decimals (for display; parts
    /// are computed from the exact fraction).
    pub value_per_share: Decimal,
    /// `(distributable − savings) ÷ savings`.
    pub return_on_savings: Decimal,
    pub lines: Vec<ShareoutLine>,
    pub total_payout: Fcfa,
    pub total_netted: Fcfa,
    /// What rounding left: `cash − total_payout`.
    pub remainder: Fcfa,
}

fn floor_unit(exact: Decimal, unit: i64) -> Result<i64, SavingsError> {
    let u = Decimal::from(unit);
    (exact / u)
        .floor()
        .checked_mul(u)
        .and_then(|d| d.to_i64())
        .ok_or(SavingsError::TooLarge { field: "shareout" })
}

/// What `shares` of `total` are worth in a fund, rounded down to the unit
/// like a share-out part (a member leaving at the value of her shares).
pub fn shares_value(fund: Fcfa, shares: i64, total: i64, unit: i64) -> Result<Fcfa, SavingsError> {
    if total <= 0 || unit <= 0 {
        return Err(SavingsError::NoShares);
    }
    let exact = Decimal::from(fund.francs()) * Decimal::from(shares) / Decimal::from(total);
    floor_unit(exact, unit).map(Fcfa::new)
}

/// Shares out the loan fund under the constitution's rule.
pub fn plan_shareout(input: &ShareoutInput) -> Result<ShareoutPlan, SavingsError> {
    if input.unit <= 0 {
        return Err(SavingsError::BadConstitution {
            field: "rounding-unit",
        });
    }
    let members: Vec<&ShareoutMember> = input.members.iter().filter(|m| m.shares > 0).collect();
    // A member with a debt and no shares cannot be netted.
    if let Some(m) = input
        .members
        .iter()
        .find(|m| m.shares == 0 && m.debt.francs() > 0)
    {
        return Err(SavingsError::DebtAboveShare {
            member_id: m.member_id,
            debt: m.debt,
            gross: Fcfa::ZERO,
        });
    }
    if !input.netting
        && let Some(m) = input.members.iter().find(|m| m.debt.francs() > 0)
    {
        return Err(SavingsError::DebtNotNetted {
            member_id: m.member_id,
            debt: m.debt,
        });
    }
    let total_shares: i64 = members.iter().map(|m| m.shares).sum();
    if total_shares == 0 {
        return Err(SavingsError::NoShares);
    }
    let netted_total: i64 = members.iter().map(|m| m.debt.francs()).sum();
    let distributable = input.cash.francs() + netted_total;
    let total_savings: i64 = members.iter().map(|m| m.savings.francs()).sum();
    let d = Decimal::from(distributable);
    let ts = Decimal::from(total_shares);
    let profit = d - Decimal::from(total_savings);
    let interest_total: i64 = members.iter().map(|m| m.interest_paid.francs()).sum();
    let mut lines = Vec::with_capacity(members.len());
    for m in &members {
        let sh = Decimal::from(m.shares);
        let exact = match input.rule {
            ShareoutRule::Proportional => d * sh / ts,
            ShareoutRule::EqualProfit => {
                Decimal::from(m.savings.francs()) + profit / Decimal::from(members.len() as i64)
            }
            ShareoutRule::OwnInterest => {
                let rest = profit - Decimal::from(interest_total);
                Decimal::from(m.savings.francs() + m.interest_paid.francs()) + rest * sh / ts
            }
        };
        let gross = floor_unit(exact, input.unit)?.max(0);
        if m.debt.francs() > gross {
            return Err(SavingsError::DebtAboveShare {
                member_id: m.member_id,
                debt: m.debt,
                gross: Fcfa::new(gross),
            });
        }
        lines.push(ShareoutLine {
            member_id: m.member_id,
            shares: m.shares,
            savings: m.savings,
            gross: Fcfa::new(gross),
            profit: Fcfa::new(gross - m.savings.francs()),
            netted: m.debt,
            payout: Fcfa::new(gross - m.debt.francs()),
        });
    }
    let gross_total: i64 = lines.iter().map(|l| l.gross.francs()).sum();
    if gross_total > distributable {
        // Only a loss shared equally can floor members to zero and overshoot.
        return Err(SavingsError::Loss);
    }
    let total_payout: i64 = lines.iter().map(|l| l.payout.francs()).sum();
    Ok(ShareoutPlan {
        distributable: Fcfa::new(distributable),
        total_shares,
        total_savings: Fcfa::new(total_savings),
        value_per_share: (d / ts).round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero),
        return_on_savings: if total_savings > 0 {
            (profit / Decimal::from(total_savings))
                .round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero)
        } else {
            Decimal::ZERO
        },
        lines,
        total_payout: Fcfa::new(total_payout),
        total_netted: Fcfa::new(netted_total),
        remainder: Fcfa::new(input.cash.francs() - total_payout),
    })
}

// ---------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------

/// What the indicators are computed from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndicatorInput {
    pub members: i64,
    /// Member-meetings expected and attended (present or represented).
    pub expected: i64,
    pub attended: i64,
    pub savings: Fcfa,
    pub shares: i64,
    pub loans_out: i64,
    pub outstanding: Fcfa,
    pub overdue_balance: Fcfa,
    pub borrowers: i64,
    pub loan_fund_cash: Fcfa,
    pub social_fund_cash: Fcfa,
    pub social_fund_reserve: Fcfa,
    pub written_off: Fcfa,
    /// Days from the cycle's start to the date the indicators are for.
    pub days: i64,
}

/// SAVIX-style group indicators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Indicators {
    pub members: i64,
    pub attendance_rate: Decimal,
    pub savings: Fcfa,
    pub shares: i64,
    pub loans_out: i64,
    pub outstanding: Fcfa,
    pub portfolio_at_risk: Decimal,
    pub fund_utilisation: Decimal,
    pub loan_fund_cash: Fcfa,
    /// Value of the fund if shared today: cash + outstanding principal.
    pub fund_value: Fcfa,
    pub return_cycle: Decimal,
    pub return_annualised: Decimal,
    pub social_fund_cash: Fcfa,
    pub social_fund_reserve: Fcfa,
    pub written_off: Fcfa,
    pub members_with_loan: Decimal,
    pub projected_value_per_share: Decimal,
    /// `healthy` (< 5 %), `watch` or `alarming` (≥ 20 %).
    pub par_level: &'static str,
}

fn ratio(a: i64, b: i64) -> Decimal {
    if b == 0 {
        Decimal::ZERO
    } else {
        (Decimal::from(a) / Decimal::from(b))
            .round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero)
    }
}

pub fn indicators(i: &IndicatorInput) -> Indicators {
    let fund_value = i.loan_fund_cash.francs() + i.outstanding.francs();
    let par = ratio(i.overdue_balance.francs(), i.outstanding.francs());
    let return_cycle = ratio(fund_value - i.savings.francs(), i.savings.francs());
    let return_annualised = if i.days > 0 {
        (return_cycle * Decimal::from(365) / Decimal::from(i.days))
            .round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero)
    } else {
        Decimal::ZERO
    };
    Indicators {
        members: i.members,
        attendance_rate: ratio(i.attended, i.expected),
        savings: i.savings,
        shares: i.shares,
        loans_out: i.loans_out,
        outstanding: i.outstanding,
        portfolio_at_risk: par,
        fund_utilisation: ratio(i.outstanding.francs(), fund_value),
        loan_fund_cash: i.loan_fund_cash,
        fund_value: Fcfa::new(fund_value),
        return_cycle,
        return_annualised,
        social_fund_cash: i.social_fund_cash,
        social_fund_reserve: i.social_fund_reserve,
        written_off: i.written_off,
        members_with_loan: ratio(i.borrowers, i.members),
        projected_value_per_share: if i.shares > 0 {
            (Decimal::from(fund_value) / Decimal::from(i.shares))
                .round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero)
        } else {
            Decimal::ZERO
        },
        par_level: if par >= Decimal::new(20, 2) {
            "alarming"
        } else if par >= Decimal::new(5, 2) {
            "watch"
        } else {
            "healthy"
        },
    }
}

// ---------------------------------------------------------------------------
// Errors and warnings
// ---------------------------------------------------------------------------

/// Something held back, not refused: shown next to the row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "warning", rename_all = "kebab-case")]
pub enum SavingsWarning {
    Overdue { days: i64, balance: Fcfa },
    SocialFeeDiffers { paid: Fcfa, fee: Fcfa },
    HighRate { rate: Decimal },
}

impl Message for SavingsWarning {
    fn key(&self) -> &'static str {
        match self {
            SavingsWarning::Overdue { .. } => "sg-warn-overdue",
            SavingsWarning::SocialFeeDiffers { .. } => "sg-warn-social-fee",
            SavingsWarning::HighRate { .. } => "sg-warn-high-rate",
        }
    }

    fn args(&self) -> Vec<(&'static str, MsgArg)> {
        match self {
            SavingsWarning::Overdue { days, balance } => vec![
                ("days", MsgArg::Int(*days)),
                ("balance", MsgArg::Amount(balance.francs())),
            ],
            SavingsWarning::SocialFeeDiffers { paid, fee } => vec![
                ("paid", MsgArg::Amount(paid.francs())),
                ("fee", MsgArg::Amount(fee.francs())),
            ],
            SavingsWarning::HighRate { rate } => vec![("rate", MsgArg::Pct(*rate))],
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SavingsError {
    BadChoice {
        what: &'static str,
        input: String,
    },
    BadConstitution {
        field: &'static str,
    },
    BadFine {
        input: String,
    },
    UnknownFine {
        input: String,
    },
    BadRate {
        input: String,
    },
    Negative {
        field: &'static str,
    },
    TooLarge {
        field: &'static str,
    },
    InactiveMember,
    AbsentNoMoney,
    SharesOutOfRange {
        shares: u32,
        min: u32,
        max: u32,
    },
    FinePaidAboveOwed {
        paid: Fcfa,
        owed: Fcfa,
    },
    NoLoan,
    RepayAbovePayoff {
        amount: Fcfa,
        payoff: Fcfa,
    },
    LoanOutstanding {
        balance: Fcfa,
    },
    TermTooLong {
        term: u32,
        max: u32,
    },
    LoanAboveLimit {
        amount: Fcfa,
        limit: Fcfa,
        savings: Fcfa,
    },
    LoanAboveCash {
        amount: Fcfa,
        cash: Fcfa,
    },
    DebtAboveShare {
        member_id: i64,
        debt: Fcfa,
        gross: Fcfa,
    },
    DebtNotNetted {
        member_id: i64,
        debt: Fcfa,
    },
    NoShares,
    Loss,
    NotASavingsGroup,
    NoCycle,
    CycleNotShared {
        number: i64,
    },
    CycleShared {
        number: i64,
    },
    CycleDates,
    UnknownMember {
        input: String,
    },
    AmbiguousMember {
        input: String,
        matches: String,
    },
    MemberExists {
        number: i64,
    },
    MeetingOpen {
        number: i64,
        date: NaiveDate,
    },
    NoOpenMeeting,
    MeetingBefore {
        last: NaiveDate,
    },
    MeetingBeforeCycle {
        start: NaiveDate,
    },
    CountMismatch {
        fund: &'static str,
        expected: Fcfa,
        counted: Fcfa,
    },
    RowsMissing {
        members: String,
    },
    UnknownMeeting {
        number: i64,
    },
    NotLastMeeting {
        number: i64,
        last: i64,
    },
    MeetingNotClosed {
        number: i64,
    },
    ReopenBlocked,
    UnknownLoan {
        number: i64,
    },
    LoanClosed {
        number: i64,
    },
    ApproversNeeded,
    UnknownApprover {
        name: String,
    },
    SocialCashShort {
        amount: Fcfa,
        cash: Fcfa,
    },
    AlreadyLeft {
        date: NaiveDate,
    },
    DebtAboveSavings {
        debt: Fcfa,
        amount: Fcfa,
    },
    BadSocialKind {
        input: String,
    },
    NoSocialLoan,
    UnknownSocial {
        id: i64,
    },
}

impl Message for SavingsError {
    fn key(&self) -> &'static str {
        use SavingsError::*;
        match self {
            BadChoice { .. } => "sg-bad-choice",
            BadConstitution { .. } => "sg-bad-constitution",
            BadFine { .. } => "sg-bad-fine",
            UnknownFine { .. } => "sg-unknown-fine",
            BadRate { .. } => "sg-bad-rate",
            Negative { .. } => "sg-negative",
            TooLarge { .. } => "sg-too-large",
            InactiveMember => "sg-inactive-member",
            AbsentNoMoney => "sg-absent-no-money",
            SharesOutOfRange { .. } => "sg-shares-out-of-range",
            FinePaidAboveOwed { .. } => "sg-fine-paid-above-owed",
            NoLoan => "sg-no-loan",
            RepayAbovePayoff { .. } => "sg-repay-above-payoff",
            LoanOutstanding { .. } => "sg-loan-outstanding",
            TermTooLong { .. } => "sg-term-too-long",
            LoanAboveLimit { .. } => "sg-loan-above-limit",
            LoanAboveCash { .. } => "sg-loan-above-cash",
            DebtAboveShare { .. } => "sg-debt-above-share",
            DebtNotNetted { .. } => "sg-debt-not-netted",
            NoShares => "sg-no-shares",
            Loss => "sg-loss",
            NotASavingsGroup => "sg-not-a-group",
            NoCycle => "sg-no-cycle",
            CycleNotShared { .. } => "sg-cycle-not-shared",
            CycleShared { .. } => "sg-cycle-shared",
            CycleDates => "sg-cycle-dates",
            UnknownMember { .. } => "sg-unknown-member",
            AmbiguousMember { .. } => "sg-ambiguous-member",
            MemberExists { .. } => "sg-member-exists",
            MeetingOpen { .. } => "sg-meeting-open",
            NoOpenMeeting => "sg-no-open-meeting",
            MeetingBefore { .. } => "sg-meeting-before",
            MeetingBeforeCycle { .. } => "sg-meeting-before-cycle",
            CountMismatch { .. } => "sg-count-mismatch",
            RowsMissing { .. } => "sg-rows-missing",
            UnknownMeeting { .. } => "sg-unknown-meeting",
            NotLastMeeting { .. } => "sg-not-last-meeting",
            MeetingNotClosed { .. } => "sg-meeting-not-closed",
            ReopenBlocked => "sg-reopen-blocked",
            UnknownLoan { .. } => "sg-unknown-loan",
            LoanClosed { .. } => "sg-loan-closed",
            ApproversNeeded => "sg-approvers-needed",
            UnknownApprover { .. } => "sg-unknown-approver",
            SocialCashShort { .. } => "sg-social-cash-short",
            AlreadyLeft { .. } => "sg-already-left",
            DebtAboveSavings { .. } => "sg-debt-above-savings",
            BadSocialKind { .. } => "sg-bad-social-kind",
            NoSocialLoan => "sg-no-social-loan",
            UnknownSocial { .. } => "sg-unknown-social",
        }
    }

    fn args(&self) -> Vec<(&'static str, MsgArg)> {
        use SavingsError::*;
        let amt = |f: &Fcfa| MsgArg::Amount(f.francs());
        match self {
            BadChoice { what, input } => {
                vec![
                    ("what", MsgArg::from(*what)),
                    ("input", input.as_str().into()),
                ]
            }
            BadConstitution { field } | Negative { field } | TooLarge { field } => {
                vec![("field", MsgArg::from(*field))]
            }
            BadFine { input } | UnknownFine { input } | BadRate { input } => {
                vec![("input", input.as_str().into())]
            }
            SharesOutOfRange { shares, min, max } => vec![
                ("shares", MsgArg::Int(i64::from(*shares))),
                ("min", MsgArg::Int(i64::from(*min))),
                ("max", MsgArg::Int(i64::from(*max))),
            ],
            FinePaidAboveOwed { paid, owed } => vec![("paid", amt(paid)), ("owed", amt(owed))],
            RepayAbovePayoff { amount, payoff } => {
                vec![("amount", amt(amount)), ("payoff", amt(payoff))]
            }
            LoanOutstanding { balance } => vec![("balance", amt(balance))],
            TermTooLong { term, max } => vec![
                ("term", MsgArg::Int(i64::from(*term))),
                ("max", MsgArg::Int(i64::from(*max))),
            ],
            LoanAboveLimit {
                amount,
                limit,
                savings,
            } => vec![
                ("amount", amt(amount)),
                ("limit", amt(limit)),
                ("savings", amt(savings)),
            ],
            LoanAboveCash { amount, cash } => vec![("amount", amt(amount)), ("cash", amt(cash))],
            DebtAboveShare {
                member_id,
                debt,
                gross,
            } => vec![
                ("member", MsgArg::Int(*member_id)),
                ("debt", amt(debt)),
                ("gross", amt(gross)),
            ],
            DebtNotNetted { member_id, debt } => {
                vec![("member", MsgArg::Int(*member_id)), ("debt", amt(debt))]
            }
            CycleNotShared { number }
            | CycleShared { number }
            | UnknownMeeting { number }
            | MeetingNotClosed { number }
            | UnknownLoan { number }
            | LoanClosed { number }
            | MemberExists { number } => vec![("number", MsgArg::Int(*number))],
            UnknownMember { input } | UnknownApprover { name: input } | BadSocialKind { input } => {
                vec![("input", input.as_str().into())]
            }
            AmbiguousMember { input, matches } => vec![
                ("input", input.as_str().into()),
                ("matches", matches.as_str().into()),
            ],
            MeetingOpen { number, date } => {
                vec![
                    ("number", MsgArg::Int(*number)),
                    ("date", MsgArg::Date(*date)),
                ]
            }
            MeetingBefore { last } => vec![("last", MsgArg::Date(*last))],
            MeetingBeforeCycle { start } => vec![("start", MsgArg::Date(*start))],
            CountMismatch {
                fund,
                expected,
                counted,
            } => vec![
                ("fund", MsgArg::from(*fund)),
                ("expected", amt(expected)),
                ("counted", amt(counted)),
                (
                    "difference",
                    MsgArg::Amount(counted.francs() - expected.francs()),
                ),
            ],
            RowsMissing { members } => vec![("members", members.as_str().into())],
            NotLastMeeting { number, last } => {
                vec![
                    ("number", MsgArg::Int(*number)),
                    ("last", MsgArg::Int(*last)),
                ]
            }
            SocialCashShort { amount, cash } => vec![("amount", amt(amount)), ("cash", amt(cash))],
            AlreadyLeft { date } => vec![("date", MsgArg::Date(*date))],
            DebtAboveSavings { debt, amount } => {
                vec![("debt", amt(debt)), ("amount", amt(amount))]
            }
            UnknownSocial { id } => vec![("id", MsgArg::Int(*id))],
            InactiveMember | AbsentNoMoney | NoLoan | NoShares | Loss | NotASavingsGroup
            | NoCycle | CycleDates | NoOpenMeeting | ReopenBlocked | ApproversNeeded
            | NoSocialLoan => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn f(n: i64) -> Fcfa {
        Fcfa::new(n)
    }

    fn loan(mode: InterestMode) -> LoanTerms {
        LoanTerms {
            principal: f(50_000),
            mode,
            rate: Decimal::new(10, 2),
            term_months: 3,
            disbursed: d(2026, 1, 5),
            late: LatePolicy::Overdue,
        }
    }

    /// Repays a third of the principal with the interest due at each
    /// monthly date; returns the total interest paid.
    fn repay_on_schedule(t: &LoanTerms) -> i64 {
        let mut paid = Vec::new();
        let up = t.interest_at_disbursement();
        if !up.is_zero() {
            paid.push(Repayment {
                date: t.disbursed,
                principal: Fcfa::ZERO,
                interest: up,
            });
        }
        for (k, p) in [16_667, 16_667, 16_666].iter().enumerate() {
            let date = t
                .disbursed
                .checked_add_months(Months::new(k as u32 + 1))
                .unwrap();
            let st = t.status(&paid, date);
            let amount = if k == 2 {
                st.payoff
            } else {
                f(st.interest_due.francs() + p)
            };
            let r = t.split(&paid, date, amount).unwrap();
            assert_eq!(r.principal, f(*p), "month {}", k + 1);
            paid.push(r);
        }
        let st = t.status(&paid, d(2026, 6, 1));
        assert!(st.closed);
        assert_eq!(st.payoff, Fcfa::ZERO);
        paid.iter().map(|r| r.interest.francs()).sum()
    }

    #[test]
    fn the_50_000_example_in_every_mode() {
        assert_eq!(repay_on_schedule(&loan(InterestMode::Flat)), 15_000);
        assert_eq!(repay_on_schedule(&loan(InterestMode::Declining)), 10_000);
        assert_eq!(repay_on_schedule(&loan(InterestMode::Upfront)), 10_000);
        let mut none = loan(InterestMode::None);
        none.rate = Decimal::ZERO;
        assert_eq!(repay_on_schedule(&none), 0);
    }

    #[test]
    fn declining_months_are_5000_3333_1667() {
        let s = loan(InterestMode::Declining).schedule();
        let i: Vec<i64> = s.iter().map(|x| x.interest.francs()).collect();
        assert_eq!(i, vec![5_000, 3_333, 1_667]);
        let p: Vec<i64> = s.iter().map(|x| x.principal.francs()).collect();
        assert_eq!(p, vec![16_667, 16_667, 16_666]);
        assert_eq!(s.last().unwrap().balance, Fcfa::ZERO);
        assert_eq!(s[0].date, d(2026, 2, 5));
    }

    #[test]
    fn flat_and_upfront_schedules() {
        let flat = loan(InterestMode::Flat).schedule();
        assert_eq!(
            flat.iter().map(|x| x.interest.francs()).collect::<Vec<_>>(),
            vec![5_000, 5_000, 5_000]
        );
        let up = loan(InterestMode::Upfront).schedule();
        assert_eq!(
            up.iter()
                .map(|x| (x.principal.francs(), x.interest.francs()))
                .collect::<Vec<_>>(),
            // Month 1 was taken at disbursement; months 2 and 3 are paid when
            // they end, on what was owed when they started.
            vec![(0, 5_000), (16_667, 0), (16_667, 3_333), (16_666, 1_667)]
        );
        assert_eq!(up[0].date, d(2026, 1, 5));
    }

    #[test]
    fn a_started_month_is_owed_to_clear_the_loan() {
        let t = loan(InterestMode::Flat);
        // Two weeks after disbursement: no month has ended, one has started.
        let st = t.status(&[], d(2026, 1, 19));
        assert_eq!(st.interest_due, Fcfa::ZERO);
        assert_eq!(st.payoff, f(55_000));
        // A partial payment then is all principal.
        let r = t.split(&[], d(2026, 1, 19), f(10_000)).unwrap();
        assert_eq!((r.principal, r.interest), (f(10_000), Fcfa::ZERO));
        // Paying 50 000 without the month's interest is refused.
        assert_eq!(
            t.split(&[], d(2026, 1, 19), f(50_000)),
            Err(SavingsError::RepayAbovePayoff {
                amount: f(50_000),
                payoff: f(55_000)
            })
        );
        // More than the payoff is refused too.
        assert!(t.split(&[], d(2026, 1, 19), f(55_001)).is_err());
        let r = t.split(&[], d(2026, 1, 19), f(55_000)).unwrap();
        assert_eq!((r.principal, r.interest), (f(50_000), f(5_000)));
    }

    #[test]
    fn declining_interest_follows_what_is_still_owed() {
        let t = loan(InterestMode::Declining);
        // 30 000 of principal repaid two weeks in: month 2 is on 20 000.
        let paid = vec![Repayment {
            date: d(2026, 1, 19),
            principal: f(30_000),
            interest: Fcfa::ZERO,
        }];
        // Month 1 was on 50 000 (balance at its start).
        let st = t.status(&paid, d(2026, 2, 5));
        assert_eq!(st.interest_due, f(5_000));
        let st = t.status(&paid, d(2026, 3, 5));
        assert_eq!(st.interest_due, f(7_000));
        assert_eq!(st.balance, f(20_000));
    }

    #[test]
    fn overdue_stops_interest_and_rollover_goes_on() {
        let mut t = loan(InterestMode::Flat);
        let late = d(2026, 6, 20);
        let st = t.status(&[], late);
        assert_eq!(st.due, d(2026, 4, 5));
        assert_eq!(st.days_overdue, 76);
        assert_eq!(st.interest_due, f(15_000));
        assert!(!st.rolled_over);
        t.late = LatePolicy::Rollover;
        let st = t.status(&[], late);
        // Months 4 and 5 ended (May 5, June 5), month 6 has started.
        assert_eq!(st.interest_due, f(25_000));
        assert_eq!(st.payoff, f(80_000));
        assert!(st.rolled_over);
    }

    #[test]
    fn rates_fines_and_choices_parse() {
        assert_eq!(parse_rate("10"), Ok(Decimal::new(10, 2)));
        assert_eq!(parse_rate("2,5 %"), Ok(Decimal::new(25, 3)));
        assert!(parse_rate("-1").is_err());
        assert!(parse_rate("abc").is_err());
        let c = Constitution::standard();
        assert_eq!(c.parse_fines("retard+absence"), Ok(f(300)));
        assert_eq!(c.parse_fines("2*Retard"), Ok(f(200)));
        assert_eq!(c.parse_fines("250"), Ok(f(250)));
        assert!(matches!(
            c.parse_fines("bavardage"),
            Err(SavingsError::UnknownFine { .. })
        ));
        assert_eq!(
            Attendance::parse("Représentée"),
            Ok(Attendance::Represented)
        );
        assert_eq!(
            InterestMode::parse("dégressif"),
            Ok(InterestMode::Declining)
        );
        assert_eq!(MemberRole::parse("Secrétaire"), Ok(MemberRole::Secretary));
        assert!(c.validate().is_ok());
        let mut bad = c.clone();
        bad.rounding_unit = 3;
        assert!(bad.validate().is_err());
        bad = c.clone();
        bad.monthly_rate = Decimal::new(15, 2);
        assert_eq!(bad.warnings().len(), 1);
    }

    /// Found by `tests/fuzz_parsers.rs`: with a constitution whose fine is
    /// 11 111 111 112 F (a valid amount), `84*f0+6*f0` was read as
    /// 1 000 000 000 080 F, above the cap of an amount; and enough parts at
    /// the largest fine overflowed the total (a panic).
    #[test]
    fn fines_total_stops_at_the_cap() {
        let mut c = Constitution::standard();
        c.fines = vec![FineType {
            code: "f0".into(),
            amount: f(11_111_111_112),
        }];
        assert_eq!(
            c.parse_fines("84*f0+6*f0"),
            Err(SavingsError::TooLarge { field: "fine" })
        );
        assert_eq!(c.parse_fines("89*f0"), Ok(f(988_888_888_968)));
        c.fines[0].amount = f(crate::domain::money::MAX_AMOUNT);
        assert_eq!(c.parse_fines("f0"), Ok(f(crate::domain::money::MAX_AMOUNT)));
        let huge = vec!["100*f0"; 100_000].join("+");
        assert_eq!(
            c.parse_fines(&huge),
            Err(SavingsError::TooLarge { field: "fine" })
        );
    }

    fn member_state(shares: i64) -> MemberState {
        MemberState {
            shares_before: shares,
            ..MemberState::default()
        }
    }

    #[test]
    fn rows_are_checked_against_the_constitution() {
        let c = Constitution::standard();
        let date = d(2026, 3, 5);
        let mut row = RowInput::default_for(&c);
        assert!(check_row(&c, &row, &member_state(10), date, f(100_000)).is_ok());
        row.shares = 6;
        assert_eq!(
            check_row(&c, &row, &member_state(10), date, f(100_000)),
            Err(SavingsError::SharesOutOfRange {
                shares: 6,
                min: 1,
                max: 5
            })
        );
        // Savings 10 shares + 2 today = 6 000 F; limit 3 × = 18 000.
        row.shares = 2;
        row.new_loan = f(18_500);
        assert!(matches!(
            check_row(&c, &row, &member_state(10), date, f(100_000)),
            Err(SavingsError::LoanAboveLimit { .. })
        ));
        row.new_loan = f(18_000);
        assert!(check_row(&c, &row, &member_state(10), date, f(100_000)).is_ok());
        // The box holds 10 000 + her 1 000 of shares: not enough.
        assert_eq!(
            check_row(&c, &row, &member_state(10), date, f(10_000)),
            Err(SavingsError::LoanAboveCash {
                amount: f(18_000),
                cash: f(11_000)
            })
        );
        row.loan_term = 4;
        assert!(matches!(
            check_row(&c, &row, &member_state(10), date, f(100_000)),
            Err(SavingsError::TermTooLong { term: 4, max: 3 })
        ));
        let absent = RowInput {
            shares: 1,
            ..RowInput::absent(&c)
        };
        assert_eq!(
            check_row(&c, &absent, &member_state(10), date, f(0)),
            Err(SavingsError::AbsentNoMoney)
        );
        assert_eq!(RowInput::absent(&c).fine_levied, f(200));
    }

    #[test]
    fn a_row_splits_the_repayment_and_warns_when_late() {
        let c = Constitution::standard();
        let m = MemberState {
            shares_before: 20,
            loan: Some((loan(InterestMode::Flat), Vec::new())),
            ..MemberState::default()
        };
        let row = RowInput {
            repay: f(21_667),
            ..RowInput::default_for(&c)
        };
        let ok = check_row(&c, &row, &m, d(2026, 2, 5), f(0)).unwrap();
        assert_eq!(ok.repayment.interest, f(5_000));
        assert_eq!(ok.repayment.principal, f(16_667));
        let late = check_row(&c, &RowInput::default_for(&c), &m, d(2026, 4, 15), f(0)).unwrap();
        assert_eq!(
            late.warnings,
            vec![SavingsWarning::Overdue {
                days: 10,
                balance: f(50_000)
            }]
        );
        // A new loan while the old one is still owed.
        let row = RowInput {
            new_loan: f(1_000),
            ..RowInput::default_for(&c)
        };
        assert!(matches!(
            check_row(&c, &row, &m, d(2026, 2, 5), f(100_000)),
            Err(SavingsError::LoanOutstanding { .. })
        ));
    }

    fn worked_example_members() -> Vec<ShareoutMember> {
        // 20 members, 2 400 shares: two with 200, eighteen sharing 2 000.
        let mut shares = vec![200, 200];
        shares.extend([112; 10]);
        shares.extend([110; 8]);
        shares
            .into_iter()
            .enumerate()
            .map(|(i, s)| ShareoutMember {
                member_id: i as i64 + 1,
                shares: s,
                savings: f(s * 500),
                interest_paid: Fcfa::ZERO,
                debt: Fcfa::ZERO,
            })
            .collect()
    }

    #[test]
    fn the_worked_share_out() {
        // 1 200 000 saved + 240 000 interest + 12 000 fines − 2 000 expenses.
        let mut members = worked_example_members();
        members[2].shares = 120;
        members[2].savings = f(60_000);
        members[3].shares = 104;
        members[3].savings = f(52_000);
        assert_eq!(members.iter().map(|m| m.shares).sum::<i64>(), 2_400);
        let plan = plan_shareout(&ShareoutInput {
            cash: f(1_450_000),
            rule: ShareoutRule::Proportional,
            netting: true,
            unit: 1,
            members,
        })
        .unwrap();
        assert_eq!(plan.value_per_share, Decimal::new(6_041_667, 4));
        assert_eq!(plan.total_savings, f(1_200_000));
        assert_eq!(plan.lines[0].payout, f(120_833));
        assert_eq!(plan.lines[2].payout, f(72_500));
        assert_eq!(
            format_pct(plan.return_on_savings, crate::domain::Lang::Fr),
            "20,83"
        );
        assert_eq!(
            plan.total_payout.francs() + plan.remainder.francs(),
            1_450_000
        );
        assert!(plan.remainder.francs() >= 0 && plan.remainder.francs() < 20);
    }

    #[test]
    fn a_leaving_member_s_shares_are_valued_down_to_the_unit() {
        // 10 000 × 3 / 7 = 4 285,71 → 4 275 in 25 F coins.
        assert_eq!(shares_value(f(10_000), 3, 7, 25), Ok(f(4_275)));
        assert_eq!(shares_value(f(10_000), 3, 7, 1), Ok(f(4_285)));
        assert_eq!(
            shares_value(f(10_000), 3, 0, 1),
            Err(SavingsError::NoShares)
        );
    }

    #[test]
    fn netting_and_the_other_rules() {
        let members = vec![
            ShareoutMember {
                member_id: 1,
                shares: 10,
                savings: f(5_000),
                interest_paid: f(1_000),
                debt: f(2_000),
            },
            ShareoutMember {
                member_id: 2,
                shares: 30,
                savings: f(15_000),
                interest_paid: Fcfa::ZERO,
                debt: Fcfa::ZERO,
            },
        ];
        let input = ShareoutInput {
            cash: f(22_000),
            rule: ShareoutRule::Proportional,
            netting: true,
            unit: 25,
            members,
        };
        // Fund 24 000 over 40 shares = 600: 6 000 (− 2 000 netted) and 18 000.
        let p = plan_shareout(&input).unwrap();
        assert_eq!(p.lines[0].payout, f(4_000));
        assert_eq!(p.lines[1].payout, f(18_000));
        assert_eq!(p.remainder, Fcfa::ZERO);
        // Equal profit: profit 4 000, 2 000 each.
        let p = plan_shareout(&ShareoutInput {
            rule: ShareoutRule::EqualProfit,
            ..input.clone()
        })
        .unwrap();
        assert_eq!((p.lines[0].gross, p.lines[1].gross), (f(7_000), f(17_000)));
        // Own interest: 1 000 back to member 1, the 3 000 rest by shares.
        let p = plan_shareout(&ShareoutInput {
            rule: ShareoutRule::OwnInterest,
            ..input.clone()
        })
        .unwrap();
        assert_eq!((p.lines[0].gross, p.lines[1].gross), (f(6_750), f(17_250)));
        // Without netting, her loan must be repaid first.
        assert!(matches!(
            plan_shareout(&ShareoutInput {
                netting: false,
                ..input
            }),
            Err(SavingsError::DebtNotNetted { member_id: 1, .. })
        ));
    }

    proptest! {
        /// For any cycle, the payouts plus the recorded remainder are the
        /// cash of the loan fund, to the franc, and nobody gets more than
        /// her exact part.
        #[test]
        fn payouts_plus_remainder_are_the_fund(
            shares in prop::collection::vec(0i64..300, 1..50),
            debts in prop::collection::vec(0i64..20_000, 50),
            profit in -50_000i64..2_000_000,
            rule in 0u8..3,
            unit in prop::sample::select(vec![1i64, 5, 25]),
            price in prop::sample::select(vec![100i64, 250, 500, 1_000]),
        ) {
            let members: Vec<ShareoutMember> = shares
                .iter()
                .enumerate()
                .map(|(i, &s)| ShareoutMember {
                    member_id: i as i64,
                    shares: s,
                    savings: f(s * price),
                    interest_paid: f(s * 7),
                    debt: if s > 0 { f(debts[i].min(s * price / 2)) } else { Fcfa::ZERO },
                })
                .collect();
            let savings: i64 = members.iter().map(|m| m.savings.francs()).sum();
            let netted: i64 = members.iter().map(|m| m.debt.francs()).sum();
            let cash = (savings + profit - netted).max(0);
            let input = ShareoutInput {
                cash: f(cash),
                rule: [ShareoutRule::Proportional, ShareoutRule::EqualProfit, ShareoutRule::OwnInterest][rule as usize],
                netting: true,
                unit,
                members,
            };
            match plan_shareout(&input) {
                Ok(p) => {
                    prop_assert_eq!(p.total_payout.francs() + p.remainder.francs(), cash);
                    prop_assert!(p.remainder.francs() >= 0);
                    let gross: i64 = p.lines.iter().map(|l| l.gross.francs()).sum();
                    prop_assert_eq!(gross + p.remainder.francs(), p.distributable.francs());
                    for l in &p.lines {
                        prop_assert_eq!(l.gross.francs() % unit, 0);
                        prop_assert_eq!(l.payout.francs() + l.netted.francs(), l.gross.francs());
                        prop_assert!(l.payout.francs() >= 0);
                    }
                    if input.rule == ShareoutRule::Proportional {
                        // Rounding down loses less than one unit per member.
                        prop_assert!(p.remainder.francs() < unit * p.lines.len() as i64);
                    }
                }
                Err(SavingsError::NoShares | SavingsError::DebtAboveShare { .. } | SavingsError::Loss) => {}
                Err(e) => prop_assert!(false, "unexpected {:?}", e),
            }
        }

        /// Whatever the repayments, the interest paid on a schedule-following
        /// loan never exceeds the flat total, and the loan closes.
        #[test]
        fn schedules_repay_the_principal(
            principal in 1_000i64..1_000_000,
            term in 1u32..12,
            rate_bp in 0i64..2_000,
            mode in 0u8..3,
        ) {
            let t = LoanTerms {
                principal: f(principal),
                mode: [InterestMode::Flat, InterestMode::Declining, InterestMode::Upfront][mode as usize],
                rate: Decimal::new(rate_bp, 4),
                term_months: term,
                disbursed: d(2026, 1, 31),
                late: LatePolicy::Overdue,
            };
            let s = t.schedule();
            let principal_sum: i64 = s.iter().map(|x| x.principal.francs()).sum();
            prop_assert_eq!(principal_sum, principal);
            prop_assert_eq!(s.last().unwrap().balance, Fcfa::ZERO);
            let interest: i64 = s.iter().map(|x| x.interest.francs()).sum();
            let flat = t.charge(f(principal)).francs() * i64::from(term);
            prop_assert!(interest <= flat);
            if t.mode == InterestMode::Flat {
                prop_assert_eq!(interest, flat);
            }
        }
    }
}
