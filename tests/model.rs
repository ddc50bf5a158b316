//! The books against a model. Random sequences of valid and invalid postings,
//! re-submissions, reversals, month and year closes are applied both to a
//! real ledger (through the service layer, the same path as the CLI) and to
//! a deliberately simple in-memory model. After every operation the outcome
//! (entry number, or which refusal) and the balances over a random date range
//! must agree, and a refused operation must have changed nothing. At the end
//! `verify` must find the books intact.
//!
//! `JATEBO_MODEL_CASES` raises the number of sequences (default 48; each has
//! up to 80 operations).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use jatebo::domain::Lang;
use jatebo::domain::Message;
use jatebo::domain::account::AccountNumber;
use jatebo::domain::ledger::{EntryNumber, LineInput, NewEntry, Side};
use jatebo::domain::money::{Fcfa, MAX_AMOUNT};
use jatebo::domain::period::{DateRange, Month};
use jatebo::service::{Actor, Books, OrgKind};
use jatebo::store::PostOutcome;
use proptest::prelude::*;

const ACCOUNTS: [&str; 8] = [
    "5711", "5521", "4111", "6021", "70211", "1013", "6222", "5211",
];

fn is_cash(a: &str) -> bool {
    a.starts_with("57") || a.starts_with("552")
}

fn is_income(a: &str) -> bool {
    matches!(a.as_bytes()[0], b'6' | b'7' | b'8')
}

#[derive(Clone, Debug)]
enum Mutation {
    None,
    Unbalance,
    Zero,
    DropToOne,
    SameAccount,
    AboveCap,
}

#[derive(Clone, Debug)]
enum Op {
    Post {
        date: NaiveDate,
        debits: Vec<(usize, i64)>,
        credit_accounts: Vec<usize>,
        mutation: Mutation,
    },
    /// Re-submit the n-th submitted entry under the same key, unchanged or
    /// with other amounts.
    Repost {
        pick: usize,
        changed: bool,
    },
    Reverse {
        pick: usize,
        date: NaiveDate,
    },
    CloseMonth(Month),
    CloseYear(i32),
}

fn date_strategy() -> impl Strategy<Value = NaiveDate> {
    (2025i32..=2026, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).expect("valid"))
}

fn op_strategy() -> impl Strategy<Value = Op> {
    let mutation = prop_oneof![
        12 => Just(Mutation::None),
        1 => Just(Mutation::Unbalance),
        1 => Just(Mutation::Zero),
        1 => Just(Mutation::DropToOne),
        1 => Just(Mutation::SameAccount),
        1 => Just(Mutation::AboveCap),
    ];
    let post = (
        date_strategy(),
        prop::collection::vec((0..ACCOUNTS.len(), 1i64..60_000), 1..=3),
        prop::collection::vec(0..ACCOUNTS.len(), 1..=2),
        mutation,
    )
        .prop_map(|(date, debits, credit_accounts, mutation)| Op::Post {
            date,
            debits,
            credit_accounts,
            mutation,
        });
    prop_oneof![
        20 => post,
        3 => ((0usize..1000), prop::bool::weighted(0.35))
            .prop_map(|(pick, changed)| Op::Repost { pick, changed }),
        3 => ((0usize..1000), date_strategy()).prop_map(|(pick, date)| Op::Reverse { pick, date }),
        1 => (2025i32..=2026, 1u32..=12).prop_map(|(y, m)| Op::CloseMonth(Month::new(y, m).expect("valid"))),
        1 => (2025i32..=2026).prop_map(Op::CloseYear),
    ]
}

/// One posted entry, as the model keeps it.
#[derive(Clone, Debug)]
struct MEntry {
    number: EntryNumber,
    date: NaiveDate,
    lines: Vec<(String, Side, i64)>,
    is_reversal: bool,
    reversed: bool,
    /// The result entry of a year close.
    closing: bool,
}

#[derive(Default, Clone, Debug)]
struct Model {
    entries: Vec<MEntry>,
    /// Keys already used: key → (content signature, number).
    keys: BTreeMap<String, (String, EntryNumber)>,
    closed_through: Option<Month>,
}

/// What the model expects an operation to do.
#[derive(Debug, PartialEq, Eq)]
enum Expect {
    Posted(EntryNumber),
    Already(EntryNumber),
    Refused(&'static str),
    Closed,
}

impl Model {
    fn next_number(&self, year: i32) -> EntryNumber {
        let seq = self
            .entries
            .iter()
            .filter(|e| e.number.year == year)
            .count() as i64
            + 1;
        EntryNumber { year, seq }
    }

    /// A cash box or wallet never below zero on any day, counting the new
    /// entry at its date (after the entries already on that date).
    fn cash_ok(&self, date: NaiveDate, lines: &[(String, Side, i64)]) -> Option<&'static str> {
        for (a, side, _) in lines {
            if *side != Side::Credit || !is_cash(a) {
                continue;
            }
            let net = |ls: &[(String, Side, i64)]| -> i64 {
                ls.iter()
                    .filter(|l| &l.0 == a)
                    .map(|l| if l.1 == Side::Debit { l.2 } else { -l.2 })
                    .sum()
            };
            let mut moves: Vec<(NaiveDate, usize, i64)> = self
                .entries
                .iter()
                .enumerate()
                .map(|(i, e)| (e.date, i, net(&e.lines)))
                .collect();
            moves.push((date, usize::MAX, net(lines)));
            moves.sort();
            let mut running = 0;
            for (_, _, m) in moves {
                running += m;
                if running < 0 {
                    return Some("ledger-negative-cash");
                }
            }
        }
        None
    }

    fn is_closed(&self, d: NaiveDate) -> bool {
        self.closed_through.is_some_and(|c| Month::of(d) <= c)
    }

    /// Static rules, in the order the ledger checks them.
    fn static_check(lines: &[(String, Side, i64)]) -> Option<&'static str> {
        if lines.len() < 2 {
            return Some("ledger-too-few-lines");
        }
        if lines.iter().any(|l| l.2 <= 0) {
            return Some("ledger-zero-amount");
        }
        if lines.iter().any(|l| l.2 > MAX_AMOUNT) {
            return Some("ledger-amount-above-cap");
        }
        let net: i64 = lines
            .iter()
            .map(|l| if l.1 == Side::Debit { l.2 } else { -l.2 })
            .sum();
        if net != 0 {
            return Some("ledger-unbalanced");
        }
        if lines.iter().all(|l| l.0 == lines[0].0) {
            return Some("ledger-same-account-both-sides");
        }
        None
    }

    fn post(
        &mut self,
        date: NaiveDate,
        key: &str,
        sig: &str,
        lines: Vec<(String, Side, i64)>,
        reversal: bool,
    ) -> Expect {
        if let Some(k) = Self::static_check(&lines) {
            return Expect::Refused(k);
        }
        if let Some((s, n)) = self.keys.get(key) {
            return if s == sig {
                Expect::Already(*n)
            } else {
                Expect::Refused("ledger-key-conflict")
            };
        }
        if self.is_closed(date) {
            return Expect::Refused("ledger-period-closed");
        }
        if let Some(k) = self.cash_ok(date, &lines) {
            return Expect::Refused(k);
        }
        let number = self.next_number(date.year());
        self.keys.insert(key.to_string(), (sig.to_string(), number));
        self.entries.push(MEntry {
            number,
            date,
            lines,
            is_reversal: reversal,
            reversed: false,
            closing: false,
        });
        Expect::Posted(number)
    }

    fn first_month(&self) -> Option<Month> {
        self.entries.iter().map(|e| Month::of(e.date)).min()
    }

    fn earlier_year_open(&self, year: i32) -> Option<i32> {
        let first = self.first_month()?;
        if first.year >= year {
            return None;
        }
        let need = Month::new(year - 1, 12).expect("valid");
        if self.closed_through.is_none_or(|c| c < need) {
            return Some(
                self.closed_through
                    .map(|c| c.next().year)
                    .unwrap_or(first.year),
            );
        }
        None
    }

    fn close_month(&mut self, m: Month) -> Expect {
        if m.month == 12 {
            return Expect::Refused("error-december-with-year");
        }
        if self.closed_through.is_some_and(|c| c >= m) {
            return Expect::Refused("error-already-closed");
        }
        if self.earlier_year_open(m.year).is_some() {
            return Expect::Refused("error-earlier-year-open");
        }
        // Closing through a December of an earlier year is the year close's job.
        if self.closed_through.is_some_and(|c| c.next().year < m.year) {
            return Expect::Refused("error-earlier-year-open");
        }
        self.closed_through = Some(m);
        Expect::Closed
    }

    fn close_year(&mut self, year: i32) -> Expect {
        let dec = Month::new(year, 12).expect("valid");
        if self.closed_through.is_some_and(|c| c >= dec) {
            return Expect::Refused("error-already-closed");
        }
        if self.earlier_year_open(year).is_some() {
            return Expect::Refused("error-earlier-year-open");
        }
        if self.closed_through.is_some_and(|c| c.next().year < year) {
            return Expect::Refused("error-earlier-year-open");
        }
        let mut net: BTreeMap<String, i64> = BTreeMap::new();
        for e in self.entries.iter().filter(|e| e.date.year() == year) {
            for (a, s, v) in &e.lines {
                if is_income(a) {
                    *net.entry(a.clone()).or_default() += if *s == Side::Debit { *v } else { -*v };
                }
            }
        }
        let mut lines: Vec<(String, Side, i64)> = net
            .iter()
            .filter(|(_, v)| **v != 0)
            .map(|(a, v)| {
                (
                    a.clone(),
                    if *v > 0 { Side::Credit } else { Side::Debit },
                    v.abs(),
                )
            })
            .collect();
        let result: i64 = net.values().sum();
        if result > 0 {
            lines.push(("139".into(), Side::Debit, result));
        } else if result < 0 {
            lines.push(("131".into(), Side::Credit, -result));
        }
        if lines.len() >= 2 {
            let number = self.next_number(year);
            self.entries.push(MEntry {
                number,
                date: dec.last_day(),
                lines,
                is_reversal: false,
                reversed: false,
                closing: true,
            });
        }
        self.closed_through = Some(dec);
        Expect::Closed
    }

    /// account → (opening net, debit, credit) over a range.
    fn totals(&self, r: DateRange) -> BTreeMap<String, (i64, i64, i64)> {
        let mut out: BTreeMap<String, (i64, i64, i64)> = BTreeMap::new();
        for e in &self.entries {
            for (a, s, v) in &e.lines {
                let slot = out.entry(a.clone()).or_default();
                let signed = if *s == Side::Debit { *v } else { -*v };
                if e.date < r.from {
                    slot.0 += signed;
                } else if e.date <= r.to {
                    if *s == Side::Debit {
                        slot.1 += v;
                    } else {
                        slot.2 += v;
                    }
                }
            }
        }
        out.retain(|_, v| *v != (0, 0, 0));
        out
    }
}

fn line(a: &str, side: Side, amount: i64) -> LineInput {
    LineInput {
        account: AccountNumber::parse(a).expect("account"),
        side,
        amount: Fcfa::new(amount),
        label: String::new(),
    }
}

fn signature(lines: &[LineInput], date: NaiveDate) -> String {
    let mut s = date.to_string();
    for l in lines {
        s.push_str(&format!(
            "|{}{}{}",
            l.account.as_str(),
            l.side.code(),
            l.amount.francs()
        ));
    }
    s
}

fn build_lines(
    debits: &[(usize, i64)],
    credit_accounts: &[usize],
    mutation: &Mutation,
) -> Vec<LineInput> {
    let mut lines: Vec<LineInput> = debits
        .iter()
        .map(|(a, v)| line(ACCOUNTS[*a], Side::Debit, *v))
        .collect();
    let total: i64 = debits.iter().map(|d| d.1).sum();
    let n = credit_accounts.len() as i64;
    for (i, a) in credit_accounts.iter().enumerate() {
        let share = if i as i64 == n - 1 {
            total - (total / n) * (n - 1)
        } else {
            total / n
        };
        lines.push(line(ACCOUNTS[*a], Side::Credit, share));
    }
    match mutation {
        Mutation::None => {}
        Mutation::Unbalance => lines[0].amount = Fcfa::new(lines[0].amount.francs() + 1),
        Mutation::Zero => {
            let last = lines.len() - 1;
            lines[last].amount = Fcfa::ZERO;
        }
        Mutation::DropToOne => lines.truncate(1),
        Mutation::SameAccount => {
            for l in &mut lines {
                l.account = AccountNumber::parse("5711").expect("account");
            }
        }
        Mutation::AboveCap => {
            lines[0].amount = Fcfa::new(MAX_AMOUNT + 1);
            let last = lines.len() - 1;
            lines[last].amount = Fcfa::new(MAX_AMOUNT + 1);
        }
    }
    lines
}

fn as_model_lines(lines: &[LineInput]) -> Vec<(String, Side, i64)> {
    lines
        .iter()
        .map(|l| (l.account.as_str().to_string(), l.side, l.amount.francs()))
        .collect()
}

fn outcome_of(r: jatebo::Result<PostOutcome>) -> Expect {
    match r {
        Ok(PostOutcome::Posted(e)) => Expect::Posted(e.number),
        Ok(PostOutcome::AlreadyRecorded(n)) => Expect::Already(n),
        Err(e) => Expect::Refused(e.key()),
    }
}

fn close_outcome(r: jatebo::Result<Vec<jatebo::store::CloseRow>>) -> Expect {
    match r {
        Ok(_) => Expect::Closed,
        Err(e) => Expect::Refused(e.key()),
    }
}

fn run_sequence(ops: Vec<Op>, ranges: Vec<(NaiveDate, NaiveDate)>) -> Result<(), TestCaseError> {
    let mut books = Books::in_memory().expect("ledger");
    let actor = Actor::new("modèle").expect("actor");
    books
        .add_org(&actor, "coop", "Coopérative modèle", OrgKind::Coop)
        .expect("org");
    let mut model = Model::default();
    let mut submitted: Vec<NewEntry> = Vec::new();
    for (i, op) in ops.into_iter().enumerate() {
        let org = books.org("coop").expect("org");
        let (got, want) = match op {
            Op::Post {
                date,
                debits,
                credit_accounts,
                mutation,
            } => {
                let lines = build_lines(&debits, &credit_accounts, &mutation);
                let entry = NewEntry {
                    date,
                    doc_ref: format!("P{i}"),
                    memo: "opération".into(),
                    idem_key: format!("k{i}"),
                    lines: lines.clone(),
                    source: None,
                };
                let sig = signature(&lines, date);
                let want = model.post(date, &entry.idem_key, &sig, as_model_lines(&lines), false);
                submitted.push(entry.clone());
                (outcome_of(books.post(&actor, &org, entry)), want)
            }
            Op::Repost { pick, changed } => {
                if submitted.is_empty() {
                    continue;
                }
                let mut entry = submitted[pick % submitted.len()].clone();
                if changed {
                    for l in &mut entry.lines {
                        l.amount = Fcfa::new(l.amount.francs() * 2);
                    }
                }
                let sig = signature(&entry.lines, entry.date);
                let want = model.post(
                    entry.date,
                    &entry.idem_key,
                    &sig,
                    as_model_lines(&entry.lines),
                    false,
                );
                (outcome_of(books.post(&actor, &org, entry)), want)
            }
            Op::Reverse { pick, date } => {
                if model.entries.is_empty() {
                    continue;
                }
                let idx = pick % model.entries.len();
                let original = model.entries[idx].clone();
                let key = format!("rev{i}");
                let want = if original.is_reversal {
                    Expect::Refused("ledger-reversal-of-reversal")
                } else if original.closing {
                    Expect::Refused("ledger-reverse-closing-entry")
                } else if original.reversed {
                    Expect::Refused("ledger-already-reversed")
                } else if date < original.date {
                    Expect::Refused("ledger-reversal-before-original")
                } else {
                    let mirrored: Vec<(String, Side, i64)> = original
                        .lines
                        .iter()
                        .map(|(a, s, v)| (a.clone(), s.opposite(), *v))
                        .collect();
                    let w = model.post(date, &key, "reversal", mirrored, true);
                    if matches!(w, Expect::Posted(_)) {
                        model.entries[idx].reversed = true;
                    }
                    w
                };
                let got = outcome_of(books.reverse(
                    &actor,
                    &org,
                    original.number,
                    date,
                    "erreur de saisie",
                    Some(&key),
                ));
                (got, want)
            }
            Op::CloseMonth(m) => {
                let want = model.close_month(m);
                (close_outcome(books.close_month(&actor, &org, m)), want)
            }
            Op::CloseYear(y) => {
                let want = model.close_year(y);
                (close_outcome(books.close_year(&actor, &org, y)), want)
            }
        };
        prop_assert_eq!(&got, &want, "operation {}", i);

        // Balances over a random range equal the model's.
        let (a, b) = ranges[i % ranges.len()];
        let range = DateRange::new(a.min(b), a.max(b)).expect("range");
        let org = books.org("coop").expect("org");
        let tb = books
            .trial_balance(&org, range, Lang::Fr, false)
            .expect("trial balance");
        let got_totals: BTreeMap<String, (i64, i64, i64)> = tb
            .rows
            .iter()
            .map(|r| {
                (
                    r.account.clone(),
                    (
                        r.opening_debit.francs() - r.opening_credit.francs(),
                        r.debit.francs(),
                        r.credit.francs(),
                    ),
                )
            })
            .collect();
        prop_assert_eq!(
            &got_totals,
            &model.totals(range),
            "balances after operation {} over {:?}",
            i,
            range
        );
        prop_assert!(tb.totals.balanced());
        prop_assert_eq!(org.entries as usize, model.entries.len());
    }
    let report = books.verify(None).expect("verify");
    prop_assert!(report.ok(), "verify: {:?}", report.problems);
    prop_assert_eq!(report.entries as usize, model.entries.len());
    Ok(())
}

fn cases() -> u32 {
    std::env::var("JATEBO_MODEL_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn books_agree_with_the_model(
        ops in prop::collection::vec(op_strategy(), 1..80),
        ranges in prop::collection::vec((date_strategy(), date_strategy()), 1..8),
    ) {
        run_sequence(ops, ranges)?;
    }
}
