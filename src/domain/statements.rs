//! Financial statements built from account totals and entry lines, with no
//! IO: the statement of receipts and payments of the *système minimal de
//! trésorerie* (SMT), the income statement (compte de résultat) and the
//! balance sheet (bilan) in a simplified SYSCOHADA layout, the general
//! ledger (grand livre), the stock valuation at a date, and the
//! consolidation of several organisations' totals.
//!
//! Statement lines carry their official SYSCOHADA reference (`TA`, `XA`,
//! `AD`, `DZ`…) as a code; the words are the reader's language's, filled in
//! by the service from the translation files (see [`line_key`]).
//!
//! Every figure is in whole francs. Sums run in `i128` and are checked back
//! into francs; when one amount has to be shared between several lines (an
//! entry with several cash lines or several counterparts), the shares come
//! from [`allocate`] (largest remainder), so they always add up to the
//! amount: no franc is dropped or made up.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::coop::{ItemKind, Qty, Unit};
use super::ledger::{EntryNumber, PostedLine, Side};
use super::money::{Fcfa, MoneyError, allocate};
use super::period::DateRange;
use super::report::{AccountTotals, TrialTotals};

// ---- common ------------------------------------------------------------------

fn to_fcfa(v: i128) -> Result<Fcfa, MoneyError> {
    i64::try_from(v)
        .map(Fcfa::new)
        .map_err(|_| MoneyError::Overflow)
}

fn to_i64(v: i128) -> Result<i64, MoneyError> {
    i64::try_from(v).map_err(|_| MoneyError::Overflow)
}

/// Debits positive, credits negative.
fn signed(side: Side, amount: Fcfa) -> i128 {
    match side {
        Side::Debit => i128::from(amount.francs()),
        Side::Credit => -i128::from(amount.francs()),
    }
}

/// Balance (debits − credits) at the end of the totals' range.
fn closing_net(t: &AccountTotals) -> i128 {
    i128::from(t.opening_net) + i128::from(t.debit) - i128::from(t.credit)
}

/// One account's part of a statement line: its contribution to the line's
/// figure, with the sign the line is read with (a depreciation account
/// lowers an asset line, so its amount there is negative).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AccountAmount {
    pub account: String,
    pub name: String,
    pub amount: Fcfa,
}

/// The Fluent key naming a statement line (`report-line-xa`…). Every code
/// used by the layouts below has one.
pub fn line_key(code: &str) -> &'static str {
    match code {
        // Income statement.
        "TA" => "report-line-ta",
        "RA" => "report-line-ra",
        "RB" => "report-line-rb",
        "XA" => "report-line-xa",
        "TB" => "report-line-tb",
        "TC" => "report-line-tc",
        "TD" => "report-line-td",
        "XB" => "report-line-xb",
        "TE" => "report-line-te",
        "TF" => "report-line-tf",
        "TG" => "report-line-tg",
        "TH" => "report-line-th",
        "TI" => "report-line-ti",
        "RC" => "report-line-rc",
        "RD" => "report-line-rd",
        "RE" => "report-line-re",
        "RF" => "report-line-rf",
        "RG" => "report-line-rg",
        "RH" => "report-line-rh",
        "RI" => "report-line-ri",
        "RJ" => "report-line-rj",
        "XC" => "report-line-xc",
        "RK" => "report-line-rk",
        "XD" => "report-line-xd",
        "TJ" => "report-line-tj",
        "RL" => "report-line-rl",
        "XE" => "report-line-xe",
        "TK" => "report-line-tk",
        "TL" => "report-line-tl",
        "TM" => "report-line-tm",
        "RM" => "report-line-rm",
        "RN" => "report-line-rn",
        "XF" => "report-line-xf",
        "XG" => "report-line-xg",
        "TN" => "report-line-tn",
        "TO" => "report-line-to",
        "RO" => "report-line-ro",
        "RP" => "report-line-rp",
        "XH" => "report-line-xh",
        "RQ" => "report-line-rq",
        "RS" => "report-line-rs",
        "XI" => "report-line-xi",
        // Balance sheet, assets.
        "AD" => "report-line-ad",
        "AI" => "report-line-ai",
        "AP" => "report-line-ap",
        "AQ" => "report-line-aq",
        "AZ" => "report-line-az",
        "BB" => "report-line-bb",
        "BH" => "report-line-bh",
        "BI" => "report-line-bi",
        "BJ" => "report-line-bj",
        "BG" => "report-line-bg",
        "BK" => "report-line-bk",
        "BQ" => "report-line-bq",
        "BR" => "report-line-br",
        "BS" => "report-line-bs",
        "BT" => "report-line-bt",
        "BZ" => "report-line-bz",
        // Balance sheet, equity and liabilities.
        "CA" => "report-line-ca",
        "CF" => "report-line-cf",
        "CG" => "report-line-cg",
        "CH" => "report-line-ch",
        "CJ" => "report-line-cj",
        "CL" => "report-line-cl",
        "CM" => "report-line-cm",
        "CP" => "report-line-cp",
        "DA" => "report-line-da",
        "DB" => "report-line-db",
        "DC" => "report-line-dc",
        "DD" => "report-line-dd",
        "DF" => "report-line-df",
        "DI" => "report-line-di",
        "DJ" => "report-line-dj",
        "DK" => "report-line-dk",
        "DM" => "report-line-dm",
        "DP" => "report-line-dp",
        "DQ" => "report-line-dq",
        "DR" => "report-line-dr",
        "DT" => "report-line-dt",
        "DZ" => "report-line-dz",
        _ => "report-line-unknown",
    }
}

// ---- consolidation -------------------------------------------------------------

/// Sums several organisations' totals account by account (same number, same
/// account). The name is the first organisation's. Nothing is eliminated:
/// the organisations of a ledger do not hold each other's accounts.
pub fn consolidate<I>(per_org: I) -> Result<Vec<AccountTotals>, MoneyError>
where
    I: IntoIterator<Item = Vec<AccountTotals>>,
{
    let add = |a: i64, b: i64| a.checked_add(b).ok_or(MoneyError::Overflow);
    let mut by: BTreeMap<String, AccountTotals> = BTreeMap::new();
    for totals in per_org {
        for t in totals {
            match by.get_mut(&t.account) {
                None => {
                    by.insert(t.account.clone(), t);
                }
                Some(s) => {
                    s.opening_net = add(s.opening_net, t.opening_net)?;
                    s.debit = add(s.debit, t.debit)?;
                    s.credit = add(s.credit, t.credit)?;
                }
            }
        }
    }
    Ok(by.into_values().collect())
}

// ---- SMT: receipts and payments --------------------------------------------------

/// Treasury accounts: banks (52…), electronic money (55…), cash boxes (57…).
pub const TREASURY_PREFIXES: [&str; 3] = ["52", "55", "57"];

/// Transfers of funds in transit between treasury accounts (585…).
pub const TRANSIT_PREFIX: &str = "58";

pub fn is_treasury(account: &str) -> bool {
    TREASURY_PREFIXES.iter().any(|p| account.starts_with(p))
}

pub fn is_transit(account: &str) -> bool {
    account.starts_with(TRANSIT_PREFIX)
}

/// A part of a treasury account's movement in one entry, attributed to one
/// counterpart account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attribution {
    pub treasury: String,
    /// The counterpart account; empty only for the part of an entry that
    /// does not balance (a damaged ledger), so that it still shows.
    pub counterpart: String,
    /// Positive: money in (a receipt); negative: money out (a payment).
    pub amount: Fcfa,
    /// An internal transfer: the counterpart is another treasury account or
    /// a transfer account (58…).
    pub internal: bool,
}

/// Splits `amount` over `caps` in proportion to what is left of each and
/// takes the parts off; returns the parts and what the caps could not take.
/// Parts never exceed what is left, and when `amount` equals what is left in
/// all, each cap is taken exactly.
fn take(amount: i64, caps: &mut [i64]) -> Result<(Vec<i64>, i64), MoneyError> {
    let room: i128 = caps.iter().map(|&c| i128::from(c)).sum();
    let give = to_i64(i128::from(amount).min(room))?;
    if give <= 0 {
        return Ok((vec![0; caps.len()], amount));
    }
    let weights: Vec<u64> = caps.iter().map(|&c| c.max(0) as u64).collect();
    let parts: Vec<i64> = allocate(Fcfa::new(give), &weights)?
        .into_iter()
        .map(Fcfa::francs)
        .collect();
    for (c, p) in caps.iter_mut().zip(&parts) {
        *c -= p;
    }
    Ok((parts, amount - give))
}

/// Stock accounts and their variation accounts (perpetual inventory: class
/// 3 against 603… and 73…). Their movements inside an entry that also moves
/// money are not money, as long as they balance among themselves.
pub fn is_stock_movement(account: &str) -> bool {
    account.starts_with('3') || account.starts_with("603") || account.starts_with("73")
}

/// Sums per account, in the order accounts first appear.
fn add_to(list: &mut Vec<(String, i64)>, account: &str, amount: i64) -> Result<(), MoneyError> {
    match list.iter_mut().find(|(a, _)| a == account) {
        Some((_, v)) => *v = v.checked_add(amount).ok_or(MoneyError::Overflow)?,
        None => list.push((account.to_string(), amount)),
    }
    Ok(())
}

/// Attributes the treasury lines of one entry to its other lines.
///
/// The lines are first cut, in the order they were posted, into the
/// shortest runs that balance on their own: an entry made of several
/// operations (a savings meeting: each member's savings, a loan paid out,
/// the social fund) is read operation by operation. Each run is then read
/// as follows (see [`attribute_run`]).
pub fn attribute(lines: &[PostedLine]) -> Result<Vec<Attribution>, MoneyError> {
    let mut out = Vec::new();
    let (mut start, mut running) = (0, 0i128);
    for (i, l) in lines.iter().enumerate() {
        running += signed(l.side, l.amount);
        if running == 0 {
            out.extend(attribute_run(&lines[start..=i])?);
            start = i + 1;
        }
    }
    if start < lines.len() {
        out.extend(attribute_run(&lines[start..])?);
    }
    Ok(out)
}

/// Attributes the treasury lines of a run of lines to its other lines.
///
/// Amounts are summed per account and side (a cash box debited and credited
/// in the same entry, as at a savings meeting that collects savings and
/// pays out a loan, shows both the receipts and the payment). Stock
/// movements (class 3 against 603… / 73…) that balance among themselves
/// are left out: a cash sale is a receipt from the sales account, not from
/// the finished goods that left the store in the same entry.
///
/// Then, for each treasury account in turn:
/// 1. money that comes from (or goes to) another treasury account of the
///    entry is an internal transfer;
/// 2. what is left is shared among the counterparts on the other side only
///    (a receipt among the accounts credited, a payment among the accounts
///    debited), in proportion to what each has left: a 9 800 F payment of a
///    10 000 F invoice with a 200 F discount is 9 800 F paid to the
///    supplier.
///
/// Each share is made with [`allocate`] against what the other side has
/// left, so both each treasury account's parts and each counterpart's
/// parts add up exactly. Money in and out of the same account that nothing
/// else explains cancels out; what an unbalanced entry (a damaged ledger)
/// leaves unexplained is kept on a line without counterpart.
pub fn attribute_run(lines: &[PostedLine]) -> Result<Vec<Attribution>, MoneyError> {
    let mut out = Vec::new();
    if !lines.iter().any(|l| is_treasury(&l.account)) {
        return Ok(out);
    }
    let stock_net: i128 = lines
        .iter()
        .filter(|l| is_stock_movement(&l.account))
        .map(|l| signed(l.side, l.amount))
        .sum();
    let (mut inflows, mut outflows, mut sources, mut uses) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for l in lines {
        if stock_net == 0 && is_stock_movement(&l.account) {
            continue;
        }
        let list = match (is_treasury(&l.account), l.side) {
            (true, Side::Debit) => &mut inflows,
            (true, Side::Credit) => &mut outflows,
            (false, Side::Debit) => &mut uses,
            (false, Side::Credit) => &mut sources,
        };
        add_to(list, &l.account, l.amount.francs())?;
    }
    let mut in_left: Vec<i64> = inflows.iter().map(|f| f.1).collect();
    let mut out_left: Vec<i64> = outflows.iter().map(|f| f.1).collect();
    // 1. Internal transfers, inflow by inflow, from the other accounts.
    for (i, (to, _)) in inflows.iter().enumerate() {
        let mut caps: Vec<i64> = outflows
            .iter()
            .zip(&out_left)
            .map(|((from, _), &left)| if from == to { 0 } else { left })
            .collect();
        let (parts, left) = take(in_left[i], &mut caps)?;
        in_left[i] = left;
        for (j, p) in parts.into_iter().enumerate() {
            if p > 0 {
                out_left[j] -= p;
                let from = &outflows[j].0;
                out.push(Attribution {
                    treasury: to.clone(),
                    counterpart: from.clone(),
                    amount: Fcfa::new(p),
                    internal: true,
                });
                out.push(Attribution {
                    treasury: from.clone(),
                    counterpart: to.clone(),
                    amount: Fcfa::new(-p),
                    internal: true,
                });
            }
        }
    }
    // 2. Receipts from the accounts credited, payments to the accounts
    // debited.
    for (flows, left, counterparts, sign) in [
        (&inflows, &mut in_left, &sources, 1i64),
        (&outflows, &mut out_left, &uses, -1i64),
    ] {
        let mut caps: Vec<i64> = counterparts.iter().map(|c| c.1).collect();
        for ((account, _), rest) in flows.iter().zip(left.iter_mut()) {
            let (given, unexplained) = take(*rest, &mut caps)?;
            *rest = unexplained;
            for ((counterpart, _), p) in counterparts.iter().zip(given) {
                if p > 0 {
                    out.push(Attribution {
                        treasury: account.clone(),
                        counterpart: counterpart.clone(),
                        amount: Fcfa::new(sign * p),
                        internal: is_transit(counterpart),
                    });
                }
            }
        }
    }
    // 3. What is left: in and out of the same account cancel; the rest has
    // no counterpart.
    for (i, (account, _)) in inflows.iter().enumerate() {
        for (j, (other, _)) in outflows.iter().enumerate() {
            if account == other {
                let both = in_left[i].min(out_left[j]);
                in_left[i] -= both;
                out_left[j] -= both;
            }
        }
    }
    for (flows, left, sign) in [(&inflows, &in_left, 1i64), (&outflows, &out_left, -1i64)] {
        for ((account, _), &rest) in flows.iter().zip(left) {
            if rest > 0 {
                out.push(Attribution {
                    treasury: account.clone(),
                    counterpart: String::new(),
                    amount: Fcfa::new(sign * rest),
                    internal: false,
                });
            }
        }
    }
    Ok(out)
}

/// Receipts and payments with one counterpart account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SmtLine {
    pub account: String,
    pub name: String,
    pub receipts: Fcfa,
    pub payments: Fcfa,
}

/// One treasury account (a cash box, a bank account, a wallet) over the
/// range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SmtAccount {
    pub account: String,
    pub name: String,
    pub opening: Fcfa,
    /// Receipts and payments by counterpart account (internal transfers
    /// apart).
    pub lines: Vec<SmtLine>,
    /// Internal transfers, by the other treasury (or transfer) account.
    pub transfers: Vec<SmtLine>,
    pub receipts: Fcfa,
    pub payments: Fcfa,
    pub transfers_in: Fcfa,
    pub transfers_out: Fcfa,
    /// opening + receipts − payments + transfers in − transfers out.
    pub closing: Fcfa,
    /// The account's balance in the ledger at the end of the range.
    pub ledger_closing: Fcfa,
    pub balanced: bool,
}

/// All treasury accounts together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SmtSummary {
    pub opening: Fcfa,
    /// Receipts and payments by counterpart account, over all treasury
    /// accounts.
    pub lines: Vec<SmtLine>,
    pub receipts: Fcfa,
    pub payments: Fcfa,
    pub transfers_in: Fcfa,
    pub transfers_out: Fcfa,
    pub closing: Fcfa,
    pub ledger_closing: Fcfa,
    pub balanced: bool,
}

/// The statement of receipts and payments (état des recettes et des
/// dépenses) of the système minimal de trésorerie.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Smt {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub accounts: Vec<SmtAccount>,
    pub summary: SmtSummary,
    /// Every account's closing equals its ledger balance.
    pub balanced: bool,
}

#[derive(Default)]
struct SmtAcc {
    opening: i128,
    ledger_closing: i128,
    lines: BTreeMap<String, (i128, i128)>,
    transfers: BTreeMap<String, (i128, i128)>,
}

/// Builds the SMT statement entry by entry (any number of entries, in any
/// order, from one or several organisations).
pub struct SmtBuilder {
    range: DateRange,
    names: BTreeMap<String, String>,
    accounts: BTreeMap<String, SmtAcc>,
}

impl SmtBuilder {
    /// Starts from the totals of every account over the range: the
    /// treasury accounts with an opening balance or a movement, their
    /// opening and closing balances, and the names of all accounts.
    pub fn new(range: DateRange, totals: &[AccountTotals]) -> SmtBuilder {
        let mut names = BTreeMap::new();
        let mut accounts = BTreeMap::new();
        for t in totals {
            names.insert(t.account.clone(), t.name.clone());
            if is_treasury(&t.account) && (t.opening_net != 0 || t.debit != 0 || t.credit != 0) {
                accounts.insert(
                    t.account.clone(),
                    SmtAcc {
                        opening: i128::from(t.opening_net),
                        ledger_closing: closing_net(t),
                        ..Default::default()
                    },
                );
            }
        }
        SmtBuilder {
            range,
            names,
            accounts,
        }
    }

    /// Adds one entry dated in the range (entries without a treasury line
    /// change nothing).
    pub fn add_entry(&mut self, lines: &[PostedLine]) -> Result<(), MoneyError> {
        for a in attribute(lines)? {
            let acc = self.accounts.entry(a.treasury).or_default();
            let map = if a.internal {
                &mut acc.transfers
            } else {
                &mut acc.lines
            };
            let slot = map.entry(a.counterpart).or_default();
            let v = i128::from(a.amount.francs());
            if v > 0 {
                slot.0 += v;
            } else {
                slot.1 -= v;
            }
        }
        Ok(())
    }

    pub fn finish(self) -> Result<Smt, MoneyError> {
        let name = |a: &str| self.names.get(a).cloned().unwrap_or_default();
        let lines_of = |m: &BTreeMap<String, (i128, i128)>| -> Result<Vec<SmtLine>, MoneyError> {
            m.iter()
                .filter(|(_, (r, p))| *r != 0 || *p != 0)
                .map(|(a, (r, p))| {
                    Ok(SmtLine {
                        account: a.clone(),
                        name: name(a),
                        receipts: to_fcfa(*r)?,
                        payments: to_fcfa(*p)?,
                    })
                })
                .collect()
        };
        let sums = |m: &BTreeMap<String, (i128, i128)>| {
            m.values()
                .fold((0i128, 0i128), |(r, p), (a, b)| (r + a, p + b))
        };
        let mut accounts = Vec::with_capacity(self.accounts.len());
        let mut all_lines: BTreeMap<String, (i128, i128)> = BTreeMap::new();
        let mut t = [0i128; 6]; // opening, receipts, payments, in, out, ledger
        for (account, acc) in &self.accounts {
            let (receipts, payments) = sums(&acc.lines);
            let (tin, tout) = sums(&acc.transfers);
            let closing = acc.opening + receipts - payments + tin - tout;
            for (c, (r, p)) in &acc.lines {
                let slot = all_lines.entry(c.clone()).or_default();
                slot.0 += r;
                slot.1 += p;
            }
            for (slot, v) in t.iter_mut().zip([
                acc.opening,
                receipts,
                payments,
                tin,
                tout,
                acc.ledger_closing,
            ]) {
                *slot += v;
            }
            accounts.push(SmtAccount {
                account: account.clone(),
                name: name(account),
                opening: to_fcfa(acc.opening)?,
                lines: lines_of(&acc.lines)?,
                transfers: lines_of(&acc.transfers)?,
                receipts: to_fcfa(receipts)?,
                payments: to_fcfa(payments)?,
                transfers_in: to_fcfa(tin)?,
                transfers_out: to_fcfa(tout)?,
                closing: to_fcfa(closing)?,
                ledger_closing: to_fcfa(acc.ledger_closing)?,
                balanced: closing == acc.ledger_closing,
            });
        }
        let closing = t[0] + t[1] - t[2] + t[3] - t[4];
        let summary = SmtSummary {
            opening: to_fcfa(t[0])?,
            lines: lines_of(&all_lines)?,
            receipts: to_fcfa(t[1])?,
            payments: to_fcfa(t[2])?,
            transfers_in: to_fcfa(t[3])?,
            transfers_out: to_fcfa(t[4])?,
            closing: to_fcfa(closing)?,
            ledger_closing: to_fcfa(t[5])?,
            balanced: closing == t[5],
        };
        Ok(Smt {
            from: self.range.from,
            to: self.range.to,
            balanced: summary.balanced && accounts.iter().all(|a| a.balanced),
            accounts,
            summary,
        })
    }
}

// ---- income statement --------------------------------------------------------------

/// A line of the income statement or of the balance sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatementLine {
    /// The SYSCOHADA reference: `TA`, `RA`… for lines of accounts, `XA`…
    /// for intermediate totals.
    pub code: &'static str,
    /// In the reader's language (filled in by the service).
    pub label: String,
    /// An intermediate total rather than a line of accounts.
    pub total: bool,
    /// Signed as SYSCOHADA prints it: positive for income (a credit
    /// balance), negative for expenses (a debit balance); a total is a
    /// surplus when positive, a deficit when negative.
    pub amount: Fcfa,
    pub accounts: Vec<AccountAmount>,
}

/// The income statement (compte de résultat) over a range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IncomeStatement {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub lines: Vec<StatementLine>,
    /// XI: profit when positive, loss when negative.
    pub net_result: Fcfa,
    /// Net movement (debits − credits) of every account of classes 6–8.
    pub classes_6_8_net: Fcfa,
    /// `net_result == −classes_6_8_net`.
    pub balanced: bool,
}

/// The layout of the income statement (SYSCOHADA revised 2017, système
/// normal): lines of accounts, and totals as sums of earlier lines.
const INCOME_LAYOUT: &[(&str, &[&str])] = &[
    ("TA", &[]),
    ("RA", &[]),
    ("RB", &[]),
    ("XA", &["TA", "RA", "RB"]),
    ("TB", &[]),
    ("TC", &[]),
    ("TD", &[]),
    ("XB", &["TA", "TB", "TC", "TD"]),
    ("TE", &[]),
    ("TF", &[]),
    ("TG", &[]),
    ("TH", &[]),
    ("TI", &[]),
    ("RC", &[]),
    ("RD", &[]),
    ("RE", &[]),
    ("RF", &[]),
    ("RG", &[]),
    ("RH", &[]),
    ("RI", &[]),
    ("RJ", &[]),
    (
        "XC",
        &[
            "XB", "RA", "RB", "TE", "TF", "TG", "TH", "TI", "RC", "RD", "RE", "RF", "RG", "RH",
            "RI", "RJ",
        ],
    ),
    ("RK", &[]),
    ("XD", &["XC", "RK"]),
    ("TJ", &[]),
    ("RL", &[]),
    ("XE", &["XD", "TJ", "RL"]),
    ("TK", &[]),
    ("TL", &[]),
    ("TM", &[]),
    ("RM", &[]),
    ("RN", &[]),
    ("XF", &["TK", "TL", "TM", "RM", "RN"]),
    ("XG", &["XE", "XF"]),
    ("TN", &[]),
    ("TO", &[]),
    ("RO", &[]),
    ("RP", &[]),
    ("XH", &["TN", "TO", "RO", "RP"]),
    ("RQ", &[]),
    ("RS", &[]),
    ("XI", &["XG", "XH", "RQ", "RS"]),
];

/// The income-statement line of an account of classes 6–8 (`None` for the
/// other classes). Every number of these classes has a line: numbers the
/// layout does not name go to the nearest catch-all line (other purchases,
/// other income, other HAO expenses…).
pub fn income_line(account: &str) -> Option<&'static str> {
    let p = |prefix: &str| account.starts_with(prefix);
    let line = match account.as_bytes().first()? {
        b'6' => {
            if p("601") {
                "RA"
            } else if p("6031") {
                "RB"
            } else if p("602") {
                "RC"
            } else if p("6032") {
                "RD"
            } else if p("6033") {
                "RF"
            } else if p("60") {
                "RE"
            } else if p("61") {
                "RG"
            } else if p("62") || p("63") {
                "RH"
            } else if p("64") {
                "RI"
            } else if p("65") {
                "RJ"
            } else if p("66") {
                "RK"
            } else if p("67") {
                "RM"
            } else if p("687") || p("697") {
                "RN"
            } else {
                "RL"
            }
        }
        b'7' => {
            if p("701") {
                "TA"
            } else if p("702") || p("703") || p("704") {
                "TB"
            } else if p("705") || p("706") {
                "TC"
            } else if p("70") {
                "TD"
            } else if p("71") {
                "TG"
            } else if p("72") {
                "TF"
            } else if p("73") {
                "TE"
            } else if p("77") {
                "TK"
            } else if p("787") {
                "TM"
            } else if p("78") {
                "TI"
            } else if p("797") {
                "TL"
            } else if p("79") {
                "TJ"
            } else {
                "TH"
            }
        }
        b'8' => {
            if p("81") {
                "RO"
            } else if p("82") {
                "TN"
            } else if p("84") || p("86") || p("88") {
                "TO"
            } else if p("87") {
                "RQ"
            } else if p("89") {
                "RS"
            } else {
                "RP"
            }
        }
        _ => return None,
    };
    Some(line)
}

/// Lines of a layout from per-line figures of accounts: totals summed from
/// earlier lines, in layout order.
fn lay_out(
    layout: &[(&'static str, &[&str])],
    mut detail: BTreeMap<&'static str, (i128, Vec<AccountAmount>)>,
) -> Result<(Vec<StatementLine>, BTreeMap<&'static str, i128>), MoneyError> {
    let mut values: BTreeMap<&'static str, i128> = BTreeMap::new();
    let mut lines = Vec::with_capacity(layout.len());
    for &(code, parts) in layout {
        let (value, accounts) = if parts.is_empty() {
            detail.remove(code).unwrap_or_default()
        } else {
            let v = parts
                .iter()
                .map(|p| values.get(p).copied().unwrap_or(0))
                .sum();
            (v, Vec::new())
        };
        values.insert(code, value);
        lines.push(StatementLine {
            code,
            label: String::new(),
            total: !parts.is_empty(),
            amount: to_fcfa(value)?,
            accounts,
        });
    }
    Ok((lines, values))
}

/// The income statement from the totals of a range: the movements
/// (debits − credits) of classes 6–8 in the range. Give it totals without
/// the year-end result entry (`before_closing`), or a closed year would
/// read zero.
pub fn income_statement(
    range: DateRange,
    totals: &[AccountTotals],
) -> Result<IncomeStatement, MoneyError> {
    let mut sorted: Vec<&AccountTotals> = totals.iter().collect();
    sorted.sort_by(|a, b| a.account.cmp(&b.account));
    let mut detail: BTreeMap<&'static str, (i128, Vec<AccountAmount>)> = BTreeMap::new();
    let mut class_net = 0i128;
    for t in sorted {
        let Some(code) = income_line(&t.account) else {
            continue;
        };
        let net = i128::from(t.debit) - i128::from(t.credit);
        class_net += net;
        if net == 0 {
            continue;
        }
        let slot = detail.entry(code).or_default();
        slot.0 -= net;
        slot.1.push(AccountAmount {
            account: t.account.clone(),
            name: t.name.clone(),
            amount: to_fcfa(-net)?,
        });
    }
    let (lines, values) = lay_out(INCOME_LAYOUT, detail)?;
    let result = values.get("XI").copied().unwrap_or(0);
    Ok(IncomeStatement {
        from: range.from,
        to: range.to,
        lines,
        net_result: to_fcfa(result)?,
        classes_6_8_net: to_fcfa(class_net)?,
        balanced: result == -class_net,
    })
}

// ---- balance sheet -----------------------------------------------------------------

/// A line of the balance sheet. On the assets side, `gross` less
/// `depreciation` (amortissements et dépréciations, 28…, 29…, 39…) is
/// `net`; on the liabilities side there is no depreciation and the three
/// figures are the same.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SheetLine {
    pub code: &'static str,
    pub label: String,
    pub total: bool,
    pub gross: Fcfa,
    pub depreciation: Fcfa,
    pub net: Fcfa,
    /// Each account's contribution to `net`.
    pub accounts: Vec<AccountAmount>,
}

/// The balance sheet (bilan) at the end of a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BalanceSheet {
    pub at: NaiveDate,
    pub actif: Vec<SheetLine>,
    pub passif: Vec<SheetLine>,
    /// BZ, net.
    pub total_actif: Fcfa,
    /// DZ.
    pub total_passif: Fcfa,
    /// The result not yet closed into 131/139 (classes 6–8, credits −
    /// debits), included in CJ.
    pub result_not_closed: Fcfa,
    /// Accounts of no class of the balance sheet or the income statement
    /// (class 9), which the check then shows.
    pub unclassified: Vec<AccountAmount>,
    /// total_actif − total_passif.
    pub difference: Fcfa,
    pub balanced: bool,
}

const ACTIF_LAYOUT: &[(&str, &[&str])] = &[
    ("AD", &[]),
    ("AI", &[]),
    ("AP", &[]),
    ("AQ", &[]),
    ("AZ", &["AD", "AI", "AP", "AQ"]),
    ("BB", &[]),
    ("BH", &[]),
    ("BI", &[]),
    ("BJ", &[]),
    ("BG", &["BH", "BI", "BJ"]),
    ("BK", &["BB", "BG"]),
    ("BQ", &[]),
    ("BR", &[]),
    ("BS", &[]),
    ("BT", &["BQ", "BR", "BS"]),
    ("BZ", &["AZ", "BK", "BT"]),
];

const PASSIF_LAYOUT: &[(&str, &[&str])] = &[
    ("CA", &[]),
    ("CF", &[]),
    ("CG", &[]),
    ("CH", &[]),
    ("CJ", &[]),
    ("CL", &[]),
    ("CM", &[]),
    ("CP", &["CA", "CF", "CG", "CH", "CJ", "CL", "CM"]),
    ("DA", &[]),
    ("DB", &[]),
    ("DC", &[]),
    ("DD", &["DA", "DB", "DC"]),
    ("DF", &["CP", "DD"]),
    ("DI", &[]),
    ("DJ", &[]),
    ("DK", &[]),
    ("DM", &[]),
    ("DP", &["DI", "DJ", "DK", "DM"]),
    ("DQ", &[]),
    ("DR", &[]),
    ("DT", &["DQ", "DR"]),
    ("DZ", &["DF", "DP", "DT"]),
];

/// Where an account's balance goes on the balance sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetPlace {
    /// An assets line; `depreciation` for 28…, 29…, 39…
    Actif {
        line: &'static str,
        depreciation: bool,
    },
    Passif(&'static str),
    /// Classes 6–8: the result of the year not yet closed, in CJ.
    Result,
    Unclassified,
}

/// The assets line of an account of class 2 by its second digit.
fn fixed_asset_line(digit: u8) -> &'static str {
    match digit {
        b'2'..=b'4' => "AI",
        b'5' => "AP",
        b'6' | b'7' => "AQ",
        _ => "AD",
    }
}

/// The place of an account with closing balance `net` (debits − credits):
/// classes 1–3 by number; classes 4 and 5 by the side of the balance
/// (a debit balance is a receivable or cash, a credit balance a debt).
pub fn sheet_place(account: &str, net: i128) -> SheetPlace {
    let p = |prefix: &str| account.starts_with(prefix);
    let b = account.as_bytes();
    match b.first() {
        Some(b'1') => SheetPlace::Passif(if p("10") {
            "CA"
        } else if p("118") {
            "CG"
        } else if p("11") {
            "CF"
        } else if p("12") {
            "CH"
        } else if p("13") {
            "CJ"
        } else if p("14") {
            "CL"
        } else if p("15") {
            "CM"
        } else if p("17") {
            "DB"
        } else if p("19") {
            "DC"
        } else {
            "DA"
        }),
        Some(b'2') => {
            if p("28") || p("29") {
                SheetPlace::Actif {
                    line: fixed_asset_line(b.get(2).copied().unwrap_or(b'1')),
                    depreciation: true,
                }
            } else {
                SheetPlace::Actif {
                    line: fixed_asset_line(b.get(1).copied().unwrap_or(b'1')),
                    depreciation: false,
                }
            }
        }
        Some(b'3') => SheetPlace::Actif {
            line: "BB",
            depreciation: p("39"),
        },
        Some(b'4') if net >= 0 => SheetPlace::Actif {
            line: if p("40") {
                "BH"
            } else if p("41") {
                "BI"
            } else {
                "BJ"
            },
            depreciation: false,
        },
        Some(b'4') => SheetPlace::Passif(if p("40") {
            "DJ"
        } else if p("41") {
            "DI"
        } else if p("42") || p("43") || p("44") {
            "DK"
        } else {
            "DM"
        }),
        Some(b'5') if net >= 0 => SheetPlace::Actif {
            line: if p("50") {
                "BQ"
            } else if p("51") {
                "BR"
            } else {
                "BS"
            },
            depreciation: false,
        },
        Some(b'5') => SheetPlace::Passif(if p("564") || p("565") { "DQ" } else { "DR" }),
        Some(b'6'..=b'8') => SheetPlace::Result,
        _ => SheetPlace::Unclassified,
    }
}

/// The balance sheet from the totals of a range ending on `at`: every
/// account's balance at the end of that day (opening + movements).
pub fn balance_sheet(at: NaiveDate, totals: &[AccountTotals]) -> Result<BalanceSheet, MoneyError> {
    let mut sorted: Vec<&AccountTotals> = totals.iter().collect();
    sorted.sort_by(|a, b| a.account.cmp(&b.account));
    // (gross, depreciation, accounts) per line.
    type Slot = (i128, i128, Vec<AccountAmount>);
    let mut actif: BTreeMap<&'static str, Slot> = BTreeMap::new();
    let mut passif: BTreeMap<&'static str, Slot> = BTreeMap::new();
    let mut result = 0i128;
    let mut unclassified = Vec::new();
    for t in sorted {
        let net = closing_net(t);
        if net == 0 {
            continue;
        }
        let amount = |v: i128| -> Result<AccountAmount, MoneyError> {
            Ok(AccountAmount {
                account: t.account.clone(),
                name: t.name.clone(),
                amount: to_fcfa(v)?,
            })
        };
        match sheet_place(&t.account, net) {
            SheetPlace::Actif { line, depreciation } => {
                let slot = actif.entry(line).or_default();
                if depreciation {
                    slot.1 -= net;
                } else {
                    slot.0 += net;
                }
                slot.2.push(amount(net)?);
            }
            SheetPlace::Passif(line) => {
                let slot = passif.entry(line).or_default();
                slot.0 -= net;
                slot.2.push(amount(-net)?);
            }
            SheetPlace::Result => result -= net,
            SheetPlace::Unclassified => unclassified.push(amount(net)?),
        }
    }
    passif.entry("CJ").or_default().0 += result;
    let actif_lines = sheet_lines(ACTIF_LAYOUT, actif)?;
    let passif_lines = sheet_lines(PASSIF_LAYOUT, passif)?;
    let total = |lines: &[SheetLine], code: &str| {
        lines
            .iter()
            .find(|l| l.code == code)
            .map(|l| l.net)
            .unwrap_or_default()
    };
    let total_actif = total(&actif_lines, "BZ");
    let total_passif = total(&passif_lines, "DZ");
    let difference = to_fcfa(i128::from(total_actif.francs()) - i128::from(total_passif.francs()))?;
    Ok(BalanceSheet {
        at,
        actif: actif_lines,
        passif: passif_lines,
        total_actif,
        total_passif,
        result_not_closed: to_fcfa(result)?,
        unclassified,
        difference,
        balanced: difference.is_zero(),
    })
}

fn sheet_lines(
    layout: &[(&'static str, &[&str])],
    mut detail: BTreeMap<&'static str, (i128, i128, Vec<AccountAmount>)>,
) -> Result<Vec<SheetLine>, MoneyError> {
    let mut values: BTreeMap<&'static str, (i128, i128)> = BTreeMap::new();
    let mut lines = Vec::with_capacity(layout.len());
    for &(code, parts) in layout {
        let (gross, dep, accounts) = if parts.is_empty() {
            detail.remove(code).unwrap_or_default()
        } else {
            let (g, d) = parts
                .iter()
                .map(|p| values.get(p).copied().unwrap_or((0, 0)))
                .fold((0, 0), |(g, d), (a, b)| (g + a, d + b));
            (g, d, Vec::new())
        };
        values.insert(code, (gross, dep));
        lines.push(SheetLine {
            code,
            label: String::new(),
            total: !parts.is_empty(),
            gross: to_fcfa(gross)?,
            depreciation: to_fcfa(dep)?,
            net: to_fcfa(gross - dep)?,
            accounts,
        });
    }
    Ok(lines)
}

// ---- general ledger ------------------------------------------------------------------

/// One line of an account in the general ledger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GlLine {
    pub date: NaiveDate,
    pub number: EntryNumber,
    pub doc_ref: String,
    pub memo: String,
    pub label: String,
    pub debit: Fcfa,
    pub credit: Fcfa,
    /// Running balance (debits − credits) after this line.
    pub balance: Fcfa,
}

/// One account of the general ledger over a range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GlAccount {
    pub account: String,
    pub name: String,
    /// Balance (debits − credits) before the range.
    pub opening: Fcfa,
    pub lines: Vec<GlLine>,
    pub debit: Fcfa,
    pub credit: Fcfa,
    /// Balance at the end of the range.
    pub closing: Fcfa,
}

/// Builds one account of the general ledger line by line.
pub struct GlAccountBuilder {
    account: String,
    name: String,
    opening: i128,
    running: i128,
    debit: i128,
    credit: i128,
    lines: Vec<GlLine>,
}

impl GlAccountBuilder {
    pub fn new(account: &str, name: &str, opening: Fcfa) -> GlAccountBuilder {
        GlAccountBuilder {
            account: account.to_string(),
            name: name.to_string(),
            opening: i128::from(opening.francs()),
            running: i128::from(opening.francs()),
            debit: 0,
            credit: 0,
            lines: Vec::new(),
        }
    }

    /// Adds a line (in date, then recording order); its `balance` is
    /// computed here.
    pub fn push(&mut self, mut line: GlLine) -> Result<(), MoneyError> {
        let (d, c) = (
            i128::from(line.debit.francs()),
            i128::from(line.credit.francs()),
        );
        self.debit += d;
        self.credit += c;
        self.running += d - c;
        line.balance = to_fcfa(self.running)?;
        self.lines.push(line);
        Ok(())
    }

    pub fn finish(self) -> Result<GlAccount, MoneyError> {
        Ok(GlAccount {
            account: self.account,
            name: self.name,
            opening: to_fcfa(self.opening)?,
            lines: self.lines,
            debit: to_fcfa(self.debit)?,
            credit: to_fcfa(self.credit)?,
            closing: to_fcfa(self.running)?,
        })
    }
}

/// The general ledger (grand livre) of one organisation over a range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GeneralLedger {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub accounts: Vec<GlAccount>,
    /// Opening, movements and closing in separate Débit and Crédit columns,
    /// as in the trial balance (each pair agrees when the books balance).
    pub totals: TrialTotals,
    pub balanced: bool,
}

/// Sums general-ledger accounts into the six columns of a trial balance.
#[derive(Default)]
pub struct GlTotals([i128; 6]);

impl GlTotals {
    pub fn add(&mut self, a: &GlAccount) {
        let split = |v: Fcfa| {
            let v = i128::from(v.francs());
            if v >= 0 { (v, 0) } else { (0, -v) }
        };
        let (od, oc) = split(a.opening);
        let (cd, cc) = split(a.closing);
        for (slot, v) in self.0.iter_mut().zip([
            od,
            oc,
            i128::from(a.debit.francs()),
            i128::from(a.credit.francs()),
            cd,
            cc,
        ]) {
            *slot += v;
        }
    }

    pub fn finish(&self) -> Result<TrialTotals, MoneyError> {
        let t = &self.0;
        Ok(TrialTotals {
            opening_debit: to_fcfa(t[0])?,
            opening_credit: to_fcfa(t[1])?,
            debit: to_fcfa(t[2])?,
            credit: to_fcfa(t[3])?,
            closing_debit: to_fcfa(t[4])?,
            closing_credit: to_fcfa(t[5])?,
        })
    }
}

// ---- stock valuation ---------------------------------------------------------------------

/// What the valuation needs to know of an item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StockItemInfo {
    pub code: String,
    pub name: String,
    pub kind: ItemKind,
    pub unit: Unit,
    pub stock_account: String,
}

/// One item at the date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StockItem {
    pub item: String,
    pub name: String,
    pub kind: ItemKind,
    pub unit: Unit,
    pub stock_account: String,
    pub qty: Qty,
    pub value: Fcfa,
    /// value / qty, rounded to the centime for display only (never used
    /// to compute a value); none when the quantity is zero.
    pub unit_cost: Option<Decimal>,
}

/// The items of one stock account against the account's ledger balance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StockAccountCheck {
    pub account: String,
    pub name: String,
    pub items_value: Fcfa,
    pub ledger_balance: Fcfa,
    /// items_value − ledger_balance.
    pub difference: Fcfa,
    pub balanced: bool,
}

/// The stock at the end of a day, item by item, and per stock account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StockValuation {
    pub at: NaiveDate,
    pub items: Vec<StockItem>,
    pub accounts: Vec<StockAccountCheck>,
    pub total_value: Fcfa,
    pub total_ledger: Fcfa,
    pub balanced: bool,
}

/// `value / qty` per whole unit (quantities are in thousandths), rounded
/// half away from zero to two decimals.
pub fn unit_cost(qty: Qty, value: Fcfa) -> Option<Decimal> {
    if qty.is_zero() {
        return None;
    }
    Decimal::from(value.francs())
        .checked_mul(Decimal::from(1000))?
        .checked_div(Decimal::from(qty.milli()))
        .map(|c| c.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

/// The stock at `at`: each item's quantity and value are the sums of its
/// movements dated on or before `at` (signed, so the order they were
/// recorded in does not matter); each stock account's items are compared
/// with the account's ledger balance in `ledger` (totals of a range ending
/// on `at`).
pub fn stock_valuation<M>(
    at: NaiveDate,
    items: Vec<StockItemInfo>,
    moves: M,
    ledger: &[AccountTotals],
) -> Result<StockValuation, MoneyError>
where
    M: IntoIterator<Item = (String, Qty, Fcfa)>,
{
    let mut sums: BTreeMap<String, (i128, i128)> = BTreeMap::new();
    for (code, qty, value) in moves {
        let s = sums.entry(code).or_default();
        s.0 += i128::from(qty.milli());
        s.1 += i128::from(value.francs());
    }
    let mut out = Vec::with_capacity(items.len());
    let mut by_account: BTreeMap<String, i128> = BTreeMap::new();
    for i in items {
        let (q, v) = sums.remove(&i.code).unwrap_or_default();
        let qty = Qty::from_milli(to_i64(q)?);
        let value = to_fcfa(v)?;
        *by_account.entry(i.stock_account.clone()).or_default() += v;
        out.push(StockItem {
            unit_cost: unit_cost(qty, value),
            item: i.code,
            name: i.name,
            kind: i.kind,
            unit: i.unit,
            stock_account: i.stock_account,
            qty,
            value,
        });
    }
    let mut accounts = Vec::with_capacity(by_account.len());
    let (mut total_value, mut total_ledger) = (0i128, 0i128);
    for (account, value) in by_account {
        let t = ledger.iter().find(|t| t.account == account);
        let balance = t.map(closing_net).unwrap_or(0);
        total_value += value;
        total_ledger += balance;
        accounts.push(StockAccountCheck {
            name: t.map(|t| t.name.clone()).unwrap_or_default(),
            account,
            items_value: to_fcfa(value)?,
            ledger_balance: to_fcfa(balance)?,
            difference: to_fcfa(value - balance)?,
            balanced: value == balance,
        });
    }
    Ok(StockValuation {
        at,
        items: out,
        balanced: accounts.iter().all(|a| a.balanced),
        accounts,
        total_value: to_fcfa(total_value)?,
        total_ledger: to_fcfa(total_ledger)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn line(account: &str, side: Side, amount: i64) -> PostedLine {
        PostedLine {
            line_no: 0,
            account: account.into(),
            side,
            amount: Fcfa::new(amount),
            label: String::new(),
        }
    }

    fn dr(account: &str, amount: i64) -> PostedLine {
        line(account, Side::Debit, amount)
    }

    fn cr(account: &str, amount: i64) -> PostedLine {
        line(account, Side::Credit, amount)
    }

    fn tot(account: &str, opening_net: i64, debit: i64, credit: i64) -> AccountTotals {
        AccountTotals {
            account: account.into(),
            name: format!("n{account}"),
            opening_net,
            debit,
            credit,
        }
    }

    fn attr(t: &str, c: &str, amount: i64, internal: bool) -> Attribution {
        Attribution {
            treasury: t.into(),
            counterpart: c.into(),
            amount: Fcfa::new(amount),
            internal,
        }
    }

    /// Per treasury account, the parts add up to its net movement; per
    /// counterpart, to the part of its movement that went through cash.
    fn sums_by_treasury(a: &[Attribution]) -> BTreeMap<String, i64> {
        let mut m = BTreeMap::new();
        for x in a {
            *m.entry(x.treasury.clone()).or_insert(0) += x.amount.francs();
        }
        m
    }

    #[test]
    fn a_sale_in_cash_is_a_receipt_from_the_sales_account() {
        let a = attribute(&[dr("5711", 1_000), cr("7021", 900), cr("4431", 100)]).unwrap();
        assert_eq!(
            a,
            vec![
                attr("5711", "7021", 900, false),
                attr("5711", "4431", 100, false)
            ]
        );
    }

    #[test]
    fn a_discount_does_not_become_a_receipt() {
        // 10 000 F invoice paid 9 800 F with a 200 F discount.
        let a = attribute(&[dr("4011", 10_000), cr("5711", 9_800), cr("7731", 200)]).unwrap();
        assert_eq!(a, vec![attr("5711", "4011", -9_800, false)]);
    }

    #[test]
    fn transfers_between_treasury_accounts_are_internal() {
        let a = attribute(&[dr("5211", 5_000), cr("5711", 5_000)]).unwrap();
        assert_eq!(
            a,
            vec![
                attr("5211", "5711", 5_000, true),
                attr("5711", "5211", -5_000, true)
            ]
        );
        // Through the transfer account 585.
        let a = attribute(&[dr("585", 5_000), cr("5711", 5_000)]).unwrap();
        assert_eq!(a, vec![attr("5711", "585", -5_000, true)]);
    }

    #[test]
    fn a_withdrawal_with_a_fee_is_a_transfer_and_a_payment() {
        let a = attribute(&[dr("5711", 1_000), dr("6318", 50), cr("5211", 1_050)]).unwrap();
        assert_eq!(
            a,
            vec![
                attr("5711", "5211", 1_000, true),
                attr("5211", "5711", -1_000, true),
                attr("5211", "6318", -50, false),
            ]
        );
    }

    #[test]
    fn several_treasury_lines_and_counterparts_split_exactly_both_ways() {
        // Half in cash, half by Orange Money, two products.
        let a = attribute(&[
            dr("5711", 500),
            dr("5521", 500),
            cr("70211", 333),
            cr("70212", 667),
        ])
        .unwrap();
        assert_eq!(
            a,
            vec![
                attr("5711", "70211", 167, false),
                attr("5711", "70212", 333, false),
                attr("5521", "70211", 166, false),
                attr("5521", "70212", 334, false),
            ]
        );
        // Each counterpart's parts add up to its amount.
        let s = |c: &str| -> i64 {
            a.iter()
                .filter(|x| x.counterpart == c)
                .map(|x| x.amount.francs())
                .sum()
        };
        assert_eq!((s("70211"), s("70212")), (333, 667));
    }

    #[test]
    fn uneven_split_over_seven_members_drops_no_franc() {
        let mut lines = vec![cr("5711", 1_000)];
        for i in 0..7 {
            lines.push(dr(&format!("462100{i}"), if i == 6 { 142 } else { 143 }));
        }
        let a = attribute(&lines).unwrap();
        assert_eq!(a.len(), 7);
        assert_eq!(sums_by_treasury(&a)["5711"], -1_000);
        // Three cash boxes sharing one 1 000 F expense paid 1/3 each.
        let a = attribute(&[
            dr("6055", 1_000),
            cr("5711", 334),
            cr("5721", 333),
            cr("5211", 333),
        ])
        .unwrap();
        let s = sums_by_treasury(&a);
        assert_eq!((s["5711"], s["5721"], s["5211"]), (-334, -333, -333));
    }

    #[test]
    fn mixed_entry_keeps_every_franc() {
        let lines = [
            dr("5711", 1_000),
            dr("6111", 200),
            cr("5211", 700),
            cr("7021", 500),
        ];
        let a = attribute(&lines).unwrap();
        let s = sums_by_treasury(&a);
        assert_eq!((s["5711"], s["5211"]), (1_000, -700));
        assert!(a.contains(&attr("5711", "5211", 700, true)));
        assert!(a.contains(&attr("5711", "7021", 300, false)));
    }

    #[test]
    fn an_entry_without_cash_attributes_nothing() {
        assert!(
            attribute(&[dr("6021", 100), cr("4011", 100)])
                .unwrap()
                .is_empty()
        );
        // A treasury account debited and credited by the same amount nets out.
        assert!(
            attribute(&[
                dr("5711", 100),
                cr("5711", 100),
                dr("6021", 5),
                cr("4011", 5)
            ])
            .unwrap()
            .is_empty()
        );
        // The same in one run: what nothing else explains cancels out.
        assert_eq!(
            attribute(&[
                dr("5711", 100),
                dr("6021", 5),
                cr("5711", 100),
                cr("4011", 5)
            ])
            .unwrap(),
            vec![
                attr("5711", "4011", 5, false),
                attr("5711", "6021", -5, false)
            ]
        );
    }

    #[test]
    fn an_unbalanced_entry_still_shows_its_cash() {
        let a = attribute(&[dr("5711", 1_000), cr("7021", 900)]).unwrap();
        assert_eq!(
            a,
            vec![
                attr("5711", "7021", 900, false),
                attr("5711", "", 100, false)
            ]
        );
    }

    #[test]
    fn stock_movements_in_a_cash_entry_are_not_money() {
        // A cash sale with the goods leaving the store (perpetual inventory).
        let a = attribute(&[
            cr("70211", 3_400),
            dr("736", 2_666),
            cr("361", 2_666),
            dr("5521", 3_400),
        ])
        .unwrap();
        assert_eq!(a, vec![attr("5521", "70211", 3_400, false)]);
        // A purchase paid in cash, the materials going into stock.
        let a = attribute(&[
            dr("6021", 24_740),
            cr("5711", 25_840),
            dr("3211", 16_740),
            cr("6032", 24_740),
            dr("3212", 8_000),
            dr("6081", 1_100),
            dr("3351", 1_100),
            cr("6033", 1_100),
        ])
        .unwrap();
        assert_eq!(
            a,
            vec![
                attr("5711", "6021", -24_740, false),
                attr("5711", "6081", -1_100, false)
            ]
        );
        // Stock bought straight into class 3 is a payment for it.
        let a = attribute(&[dr("3211", 5_000), cr("5711", 5_000)]).unwrap();
        assert_eq!(a, vec![attr("5711", "3211", -5_000, false)]);
    }

    #[test]
    fn a_meeting_shows_receipts_and_payments_of_the_same_box() {
        // Savings, a repayment and interest in; a loan out; the social fund.
        let a = attribute(&[
            dr("5721", 100),
            cr("1121", 100),
            dr("5711", 2_000),
            cr("4621004", 2_000),
            dr("5711", 5_000),
            cr("2712004", 5_000),
            dr("5711", 1_500),
            cr("7712", 1_500),
            dr("2712007", 10_000),
            cr("5711", 10_000),
        ])
        .unwrap();
        assert_eq!(
            a,
            vec![
                attr("5721", "1121", 100, false),
                attr("5711", "4621004", 2_000, false),
                attr("5711", "2712004", 5_000, false),
                attr("5711", "7712", 1_500, false),
                attr("5711", "2712007", -10_000, false),
            ]
        );
    }

    #[test]
    fn smt_closing_is_opening_plus_receipts_less_payments() {
        let range = DateRange::new(d("2026-01-01"), d("2026-01-31")).unwrap();
        let totals = vec![
            tot("5711", 10_000, 6_000, 3_500),
            tot("5211", 0, 2_000, 0),
            tot("7021", -10_000, 0, 6_000),
            tot("6021", 0, 1_500, 0),
            tot("585", 0, 2_000, 2_000),
        ];
        let mut b = SmtBuilder::new(range, &totals);
        b.add_entry(&[dr("5711", 6_000), cr("7021", 6_000)])
            .unwrap();
        b.add_entry(&[dr("6021", 1_500), cr("5711", 1_500)])
            .unwrap();
        b.add_entry(&[dr("585", 2_000), cr("5711", 2_000)]).unwrap();
        b.add_entry(&[dr("5211", 2_000), cr("585", 2_000)]).unwrap();
        let s = b.finish().unwrap();
        assert!(s.balanced, "{s:#?}");
        let cash = &s.accounts[1];
        assert_eq!(cash.account, "5711");
        assert_eq!(cash.opening, Fcfa::new(10_000));
        assert_eq!(cash.receipts, Fcfa::new(6_000));
        assert_eq!(cash.payments, Fcfa::new(1_500));
        assert_eq!(cash.transfers_out, Fcfa::new(2_000));
        assert_eq!(cash.closing, Fcfa::new(12_500));
        assert_eq!(cash.ledger_closing, Fcfa::new(12_500));
        assert_eq!(cash.lines.len(), 2);
        assert_eq!(cash.lines[0].name, "n6021");
        let bank = &s.accounts[0];
        assert_eq!(bank.transfers_in, Fcfa::new(2_000));
        assert_eq!(bank.closing, Fcfa::new(2_000));
        assert_eq!(s.summary.opening, Fcfa::new(10_000));
        assert_eq!(s.summary.closing, Fcfa::new(14_500));
        assert_eq!(s.summary.transfers_in, s.summary.transfers_out);
    }

    #[test]
    fn smt_shows_a_disagreement_with_the_ledger() {
        let range = DateRange::new(d("2026-01-01"), d("2026-01-31")).unwrap();
        let mut b = SmtBuilder::new(range, &[tot("5711", 0, 100, 0)]);
        b.add_entry(&[dr("5711", 90), cr("7021", 90)]).unwrap();
        let s = b.finish().unwrap();
        assert!(!s.balanced);
        assert_eq!(s.accounts[0].closing, Fcfa::new(90));
        assert_eq!(s.accounts[0].ledger_closing, Fcfa::new(100));
    }

    #[test]
    fn every_income_statement_account_has_a_line_with_a_translation_key() {
        for a in [
            "601", "6031", "602", "6032", "6033", "6055", "609", "61", "6222", "6317", "64",
            "6515", "66", "6712", "6813", "687", "6971", "691", "701", "70211", "7029", "705",
            "707", "709", "7182", "72", "736", "74", "75883", "7712", "781", "787", "797", "799",
            "81", "82", "83", "84", "85", "86", "87", "88", "89", "80",
        ] {
            let code = income_line(a).unwrap_or_else(|| panic!("{a}"));
            assert_ne!(line_key(code), "report-line-unknown", "{a} → {code}");
            assert!(
                INCOME_LAYOUT
                    .iter()
                    .any(|(c, p)| *c == code && p.is_empty())
            );
        }
        assert_eq!(income_line("5711"), None);
        assert_eq!(income_line("6031"), Some("RB"));
        assert_eq!(income_line("6032"), Some("RD"));
        assert_eq!(income_line("736"), Some("TE"));
        assert_eq!(income_line("7712"), Some("TK"));
        assert_eq!(income_line("6742"), Some("RM"));
        for (code, _) in INCOME_LAYOUT
            .iter()
            .chain(ACTIF_LAYOUT)
            .chain(PASSIF_LAYOUT)
        {
            assert_ne!(line_key(code), "report-line-unknown", "{code}");
        }
    }

    #[test]
    fn income_statement_intermediate_totals() {
        let range = DateRange::year(2026);
        let s = income_statement(
            range,
            &[
                tot("70211", 0, 0, 100_000),
                tot("7029", 0, 2_000, 0),
                tot("6021", 0, 40_000, 0),
                tot("6032", 0, 0, 5_000),
                tot("736", 0, 0, 3_000),
                tot("6222", 0, 12_000, 0),
                tot("6611", 0, 20_000, 0),
                tot("6813", 0, 4_000, 0),
                tot("7712", 0, 0, 1_500),
                tot("6712", 0, 500, 0),
                tot("82", 0, 0, 10_000),
                tot("81", 0, 8_000, 0),
                tot("89", 0, 6_000, 0),
                tot("5711", 0, 999, 0),
                tot("7182", 0, 0, 0),
            ],
        )
        .unwrap();
        let v = |code: &str| {
            s.lines
                .iter()
                .find(|l| l.code == code)
                .unwrap()
                .amount
                .francs()
        };
        assert_eq!(v("TB"), 98_000);
        assert_eq!(v("XA"), 0);
        assert_eq!(v("XB"), 98_000);
        assert_eq!(v("RC"), -40_000);
        assert_eq!(v("RD"), 5_000);
        assert_eq!(v("TE"), 3_000);
        // 98 000 + 3 000 − 40 000 + 5 000 − 12 000
        assert_eq!(v("XC"), 54_000);
        assert_eq!(v("XD"), 34_000);
        assert_eq!(v("XE"), 30_000);
        assert_eq!(v("XF"), 1_000);
        assert_eq!(v("XG"), 31_000);
        assert_eq!(v("XH"), 2_000);
        assert_eq!(v("XI"), 27_000);
        assert_eq!(s.net_result, Fcfa::new(27_000));
        assert_eq!(s.classes_6_8_net, Fcfa::new(-27_000));
        assert!(s.balanced);
        let tb = s.lines.iter().find(|l| l.code == "TB").unwrap();
        assert_eq!(tb.accounts.len(), 2);
        assert!(!tb.total);
        assert!(s.lines.iter().find(|l| l.code == "XI").unwrap().total);
    }

    #[test]
    fn balance_sheet_balances_with_the_open_result() {
        let at = d("2026-06-30");
        let totals = vec![
            tot("1013", -50_000, 0, 0),
            tot("2411", 95_000, 0, 0),
            tot("2841", -10_000, 0, 0),
            tot("3211", 20_000, 0, 0),
            tot("4111", 7_000, 0, 0),
            tot("4621001", 0, 0, 3_000),
            tot("4011", -30_000, 0, 0),
            tot("5711", 8_000, 0, 0),
            tot("5211", -2_000, 0, 0),
            tot("7021", -40_000, 0, 0),
            tot("6021", 5_000, 0, 0),
        ];
        let s = balance_sheet(at, &totals).unwrap();
        let a = |code: &str| s.actif.iter().find(|l| l.code == code).unwrap().clone();
        let p = |code: &str| {
            s.passif
                .iter()
                .find(|l| l.code == code)
                .unwrap()
                .net
                .francs()
        };
        assert_eq!(a("AI").gross, Fcfa::new(95_000));
        assert_eq!(a("AI").depreciation, Fcfa::new(10_000));
        assert_eq!(a("AI").net, Fcfa::new(85_000));
        assert_eq!(a("BB").net, Fcfa::new(20_000));
        assert_eq!(a("BI").net, Fcfa::new(7_000));
        assert_eq!(a("BS").net, Fcfa::new(8_000));
        assert_eq!(s.total_actif, Fcfa::new(120_000));
        assert_eq!(p("CA"), 50_000);
        assert_eq!(p("CJ"), 35_000);
        assert_eq!(s.result_not_closed, Fcfa::new(35_000));
        assert_eq!(p("DJ"), 30_000);
        assert_eq!(p("DM"), 3_000);
        assert_eq!(p("DR"), 2_000);
        assert_eq!(s.total_passif, Fcfa::new(120_000));
        assert!(s.balanced);
        assert!(s.difference.is_zero());
    }

    #[test]
    fn places_on_the_balance_sheet() {
        use SheetPlace::*;
        assert_eq!(
            sheet_place("2841", -1),
            Actif {
                line: "AI",
                depreciation: true
            }
        );
        assert_eq!(
            sheet_place("2712", 1),
            Actif {
                line: "AQ",
                depreciation: false
            }
        );
        assert_eq!(sheet_place("1181", -1), Passif("CG"));
        assert_eq!(sheet_place("1121", -1), Passif("CF"));
        assert_eq!(sheet_place("139", 1), Passif("CJ"));
        assert_eq!(sheet_place("162", -1), Passif("DA"));
        assert_eq!(sheet_place("4111", -1), Passif("DI"));
        assert_eq!(sheet_place("4431", -1), Passif("DK"));
        assert_eq!(sheet_place("565", -1), Passif("DQ"));
        assert_eq!(sheet_place("6021", 1), Result);
        assert_eq!(sheet_place("901", 1), Unclassified);
    }

    #[test]
    fn consolidation_sums_account_by_account() {
        let c = consolidate(vec![
            vec![tot("5711", 100, 10, 5), tot("7021", 0, 0, 10)],
            vec![tot("5711", -0, 3, 1), tot("4111", 7, 0, 0)],
        ])
        .unwrap();
        assert_eq!(c.len(), 3);
        assert_eq!(c[1], tot("5711", 100, 13, 6));
        assert_eq!(c[0].account, "4111");
    }

    #[test]
    fn general_ledger_running_balance_and_totals() {
        let mut b = GlAccountBuilder::new("5711", "Caisse", Fcfa::new(1_000));
        let l = |debit: i64, credit: i64| GlLine {
            date: d("2026-01-02"),
            number: EntryNumber { year: 2026, seq: 1 },
            doc_ref: String::new(),
            memo: String::new(),
            label: String::new(),
            debit: Fcfa::new(debit),
            credit: Fcfa::new(credit),
            balance: Fcfa::ZERO,
        };
        b.push(l(500, 0)).unwrap();
        b.push(l(0, 2_000)).unwrap();
        let a = b.finish().unwrap();
        assert_eq!(a.lines[0].balance, Fcfa::new(1_500));
        assert_eq!(a.lines[1].balance, Fcfa::new(-500));
        assert_eq!(a.closing, Fcfa::new(-500));
        let mut t = GlTotals::default();
        t.add(&a);
        let t = t.finish().unwrap();
        assert_eq!(t.opening_debit, Fcfa::new(1_000));
        assert_eq!(t.closing_credit, Fcfa::new(500));
        assert_eq!((t.debit, t.credit), (Fcfa::new(500), Fcfa::new(2_000)));
    }

    #[test]
    fn stock_valuation_sums_moves_in_any_order() {
        let info = |code: &str, account: &str| StockItemInfo {
            code: code.into(),
            name: code.into(),
            kind: ItemKind::Material,
            unit: Unit::Kg,
            stock_account: account.into(),
        };
        let moves = vec![
            (
                "huile".to_string(),
                Qty::from_milli(-2_500),
                Fcfa::new(-2_000),
            ),
            (
                "huile".to_string(),
                Qty::from_milli(10_000),
                Fcfa::new(8_000),
            ),
            (
                "soude".to_string(),
                Qty::from_milli(3_000),
                Fcfa::new(1_000),
            ),
        ];
        let s = stock_valuation(
            d("2026-07-01"),
            vec![
                info("huile", "3211"),
                info("soude", "3212"),
                info("vide", "3212"),
            ],
            moves,
            &[tot("3211", 6_000, 0, 0), tot("3212", 0, 1_000, 0)],
        )
        .unwrap();
        assert_eq!(s.items[0].qty, Qty::from_milli(7_500));
        assert_eq!(s.items[0].value, Fcfa::new(6_000));
        assert_eq!(s.items[0].unit_cost, Some(Decimal::from(800)));
        // 1 000 F for 3 kg: 333,33 F a kg.
        assert_eq!(s.items[1].unit_cost, Some(Decimal::new(33_333, 2)));
        assert_eq!(s.items[2].unit_cost, None);
        assert!(s.balanced);
        assert_eq!(s.total_value, Fcfa::new(7_000));
        assert_eq!(s.total_ledger, Fcfa::new(7_000));
    }
}
