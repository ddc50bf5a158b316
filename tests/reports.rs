//! The financial statements (`service::reports`, `jatebo report …`) on the
//! demo ledger and on a small ledger built by hand, with figures checked
//! against the ledger itself (account ledgers, trial balances, the year
//! close, the items' levels) and against amounts worked out in the test.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;
use jatebo::domain::Lang;
use jatebo::domain::coop::{AdjustReason, ItemKind, PayMethod, Qty, Unit};
use jatebo::domain::ledger::{NewEntry, Side, parse_lines};
use jatebo::domain::money::Fcfa;
use jatebo::domain::period::{DateRange, Month};
use jatebo::domain::statements::{SmtAccount, SmtLine, StatementLine, is_treasury};
use jatebo::service::coop::{AdjustInput, NewItem, PurchaseInput, StockLineInput};
use jatebo::service::{Actor, Books, OrgKind, demo};
use jatebo::store::{JournalQuery, OpenMode, OrgRow};

use common::{Ledger, describe};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn range(from: &str, to: &str) -> DateRange {
    DateRange::new(d(from), d(to)).expect("range")
}

fn one(org: &OrgRow) -> &[OrgRow] {
    std::slice::from_ref(org)
}

// ---- the demo ledger, built once ---------------------------------------------

/// The demo ledger's file, built once per test process; each test works on
/// its own copy.
fn demo_bytes() -> &'static [u8] {
    static DEMO: OnceLock<Vec<u8>> = OnceLock::new();
    DEMO.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("demo.db");
        let mut books = Books::open(&path, OpenMode::CreateIfMissing).expect("open demo");
        demo::build(&mut books, &Actor::new("jatebo").expect("actor")).expect("build demo");
        drop(books);
        std::fs::read(&path).expect("read demo")
    })
}

fn demo_at(path: &Path) -> Books {
    std::fs::write(path, demo_bytes()).expect("copy demo");
    Books::open(path, OpenMode::Existing).expect("open copy")
}

/// A copy of the demo ledger (the directory must outlive the books).
fn demo_books() -> (tempfile::TempDir, Books) {
    let dir = tempfile::tempdir().expect("temp dir");
    let books = demo_at(&dir.path().join("jatebo.db"));
    (dir, books)
}

/// The months of the demo, a range cut inside months, and the whole year.
fn demo_ranges() -> Vec<DateRange> {
    let mut out: Vec<DateRange> = (6..=11)
        .map(|m| DateRange::month(Month::new(2026, m).expect("month")))
        .collect();
    out.push(range("2026-06-10", "2026-09-17"));
    out.push(range("2026-07-01", "2026-10-15"));
    out.push(DateRange::year(2026));
    out
}

fn net(debit: Fcfa, credit: Fcfa) -> i64 {
    debit.francs() - credit.francs()
}

fn line<'a>(lines: &'a [StatementLine], code: &str) -> &'a StatementLine {
    lines
        .iter()
        .find(|l| l.code == code)
        .unwrap_or_else(|| panic!("no line {code}"))
}

// ---- SMT ------------------------------------------------------------------------

#[test]
fn smt_closing_is_the_ledger_balance_of_every_treasury_account() {
    let (_dir, books) = demo_books();
    let orgs = books.orgs().unwrap();
    assert_eq!(orgs.len(), 3);
    let (mut transfers_seen, mut accounts_seen) = (false, 0);
    for org in &orgs {
        for r in demo_ranges() {
            let s = books.smt(one(org), r, Lang::Fr).unwrap();
            assert!(s.balanced, "{} {r:?}: {s:#?}", org.code);
            assert_eq!((s.from, s.to), (r.from, r.to));
            let tb = books.trial_balance(org, r, Lang::Fr, false).unwrap();
            for row in tb.rows.iter().filter(|row| is_treasury(&row.account)) {
                assert!(
                    s.accounts.iter().any(|a| a.account == row.account),
                    "{} {r:?}: {} missing",
                    org.code,
                    row.account
                );
            }
            for a in &s.accounts {
                accounts_seen += 1;
                // The account's own ledger, line by line.
                let (opening, lines) = books.account_ledger(org, &a.account, r).unwrap();
                let closing = lines.last().map(|l| l.balance).unwrap_or(opening);
                assert_eq!(a.opening, opening, "{} {} {r:?}", org.code, a.account);
                assert_eq!(a.closing, closing, "{} {} {r:?}", org.code, a.account);
                assert_eq!(a.ledger_closing, closing);
                // closing = opening + receipts − payments (transfers apart).
                assert_eq!(
                    a.closing.francs(),
                    a.opening.francs() + a.receipts.francs() - a.payments.francs()
                        + a.transfers_in.francs()
                        - a.transfers_out.francs()
                );
                let sum = |v: &[SmtLine], f: fn(&SmtLine) -> Fcfa| -> i64 {
                    v.iter().map(|l| f(l).francs()).sum()
                };
                assert_eq!(sum(&a.lines, |l| l.receipts), a.receipts.francs());
                assert_eq!(sum(&a.lines, |l| l.payments), a.payments.francs());
                assert_eq!(sum(&a.transfers, |l| l.receipts), a.transfers_in.francs());
                assert_eq!(sum(&a.transfers, |l| l.payments), a.transfers_out.francs());
                // Gross movements of the ledger: every franc is attributed.
                let debits: i64 = lines.iter().map(|l| l.debit.francs()).sum();
                let credits: i64 = lines.iter().map(|l| l.credit.francs()).sum();
                assert_eq!(
                    a.receipts.francs() + a.transfers_in.francs()
                        - a.payments.francs()
                        - a.transfers_out.francs(),
                    debits - credits
                );
                transfers_seen |= !a.transfers.is_empty();
            }
            let opening: i64 = s.accounts.iter().map(|a| a.opening.francs()).sum();
            assert_eq!(s.summary.opening.francs(), opening);
            assert!(s.summary.balanced);
        }
    }
    assert!(accounts_seen > 30, "{accounts_seen}");
    assert!(transfers_seen, "the demo moves money through 585");

    // A cash sale is a receipt from the sales account, never from the
    // stock that left in the same entry.
    let year = DateRange::year(2026);
    for code in ["savon", "masques"] {
        let s = books
            .smt(one(&books.org(code).unwrap()), year, Lang::Fr)
            .unwrap();
        let sales: i64 = s
            .summary
            .lines
            .iter()
            .filter(|l| l.account.starts_with("70"))
            .map(|l| l.receipts.francs())
            .sum();
        assert!(sales > 0, "{code}");
        for l in &s.summary.lines {
            assert!(
                !l.account.starts_with('3') && !l.account.starts_with("603"),
                "{code}: {l:?}"
            );
            assert!(!l.account.starts_with("73"), "{code}: {l:?}");
        }
    }
    // A savings group's box: members' savings in, loans out, in the same
    // meeting entries.
    let sg = books.org("ton-sabali").unwrap();
    let s = books.smt(one(&sg), year, Lang::Fr).unwrap();
    let cash = s.accounts.iter().find(|a| a.account == "5711").unwrap();
    let (mut savings, mut loans_out) = (0, 0);
    for l in &cash.lines {
        if l.account.starts_with("4621") {
            savings += l.receipts.francs();
        }
        if l.account.starts_with("2712") {
            loans_out += l.payments.francs();
        }
    }
    assert!(savings > 0 && loans_out > 0, "{savings} {loans_out}");
}

// ---- balance sheet ----------------------------------------------------------------

#[test]
fn balance_sheet_actif_equals_passif_for_every_org_at_several_dates() {
    let (_dir, books) = demo_books();
    let orgs = books.orgs().unwrap();
    for at in [
        "2026-05-31",
        "2026-06-01",
        "2026-06-30",
        "2026-08-15",
        "2026-09-30",
        "2026-11-05",
        "2026-11-30",
        "2026-12-31",
    ] {
        let at = d(at);
        for org in &orgs {
            let bs = books.balance_sheet(one(org), at, Lang::Fr).unwrap();
            assert!(bs.balanced, "{} {at}: {bs:#?}", org.code);
            assert_eq!(bs.total_actif, bs.total_passif);
            assert!(bs.difference.is_zero());
            assert!(bs.unclassified.is_empty());
            if at >= d("2026-06-30") {
                assert!(bs.total_actif.is_positive(), "{} {at}", org.code);
            }
            // No year is closed in the demo: the result not yet closed is
            // the income statement from 1 January to the date, and is in CJ.
            let is = books
                .income_statement(one(org), range("2026-01-01", &at.to_string()), Lang::Fr)
                .unwrap();
            assert_eq!(bs.result_not_closed, is.net_result, "{} {at}", org.code);
            let cj = bs.passif.iter().find(|l| l.code == "CJ").unwrap();
            assert_eq!(cj.net, is.net_result);
            // Cash and bank on the assets side are the debit balances of
            // class 5 in the trial balance.
            let tb = books
                .trial_balance(
                    org,
                    range(&at.to_string(), &at.to_string()),
                    Lang::Fr,
                    false,
                )
                .unwrap();
            let class5: i64 = tb
                .rows
                .iter()
                .filter(|r| r.account.starts_with('5'))
                .map(|r| r.closing_debit.francs())
                .sum();
            let bt = bs.actif.iter().find(|l| l.code == "BT").unwrap();
            assert_eq!(bt.net.francs(), class5);
            // Every line carries its label in French.
            assert!(bs.actif.iter().all(|l| !l.label.is_empty()));
        }
        let all = books.balance_sheet(&orgs, at, Lang::En).unwrap();
        assert!(all.balanced, "all {at}");
    }
}

// ---- income statement -----------------------------------------------------------

#[test]
fn income_statement_of_a_closed_year_is_what_the_close_posted_to_131_or_139() {
    let (_dir, mut books) = demo_books();
    let admin = books.login("Awa Traoré", demo::DEMO_PASSPHRASE).unwrap();
    let year = DateRange::year(2026);
    for org in books.orgs().unwrap() {
        let before = books.income_statement(one(&org), year, Lang::Fr).unwrap();
        assert!(before.balanced);
        assert!(!before.net_result.is_zero(), "{}", org.code);
        // −(net of classes 6–8) from the trial balance.
        let tb = books.trial_balance(&org, year, Lang::Fr, true).unwrap();
        let nets: i64 = tb
            .rows
            .iter()
            .filter(|r| matches!(r.account.as_bytes()[0], b'6'..=b'8'))
            .map(|r| net(r.debit, r.credit))
            .sum();
        assert_eq!(before.net_result.francs(), -nets, "{}", org.code);
        assert_eq!(before.classes_6_8_net.francs(), nets);
        // The lines add up to XI.
        let details: i64 = before
            .lines
            .iter()
            .filter(|l| !l.total)
            .map(|l| l.amount.francs())
            .sum();
        assert_eq!(details, before.net_result.francs());

        books.close_year(&admin, &org, 2026).unwrap();
        let org = books.org(&org.code).unwrap();
        let after = books.income_statement(one(&org), year, Lang::Fr).unwrap();
        assert_eq!(
            after, before,
            "{}: a closed year keeps its result",
            org.code
        );

        // The result entry dated 31 December.
        let q = JournalQuery {
            range: Some(range("2026-12-31", "2026-12-31")),
            ..Default::default()
        };
        let close = books
            .journal(&org, &q)
            .unwrap()
            .into_iter()
            .find(|e| e.entry.source.as_deref() == Some("year-close:2026"))
            .expect("year-close entry");
        let result_lines: Vec<_> = close
            .entry
            .lines
            .iter()
            .filter(|l| l.account == "131" || l.account == "139")
            .collect();
        assert_eq!(result_lines.len(), 1);
        let r = result_lines[0];
        if before.net_result.is_positive() {
            assert_eq!((r.account.as_str(), r.side), ("131", Side::Credit));
        } else {
            assert_eq!((r.account.as_str(), r.side), ("139", Side::Debit));
        }
        assert_eq!(r.amount, before.net_result.abs(), "{}", org.code);

        // At year end classes 6–8 are settled: the result sits in CJ as
        // 131/139, and the balance sheet still balances.
        let bs = books
            .balance_sheet(one(&org), d("2026-12-31"), Lang::Fr)
            .unwrap();
        assert!(bs.balanced);
        assert!(bs.result_not_closed.is_zero());
        let cj = bs.passif.iter().find(|l| l.code == "CJ").unwrap();
        assert_eq!(cj.net, before.net_result);
        // Without `before_closing` the year reads zero.
        let closed = books.trial_balance(&org, year, Lang::Fr, false).unwrap();
        let left: i64 = closed
            .rows
            .iter()
            .filter(|r| matches!(r.account.as_bytes()[0], b'6'..=b'8'))
            .map(|r| net(r.debit, r.credit))
            .sum();
        assert_eq!(left, 0);
    }
}

// ---- stock ------------------------------------------------------------------------

#[test]
fn stock_valuation_today_is_the_items_and_earlier_the_stock_ledger() {
    let (_dir, books) = demo_books();
    let mut items_seen = 0;
    for code in ["savon", "masques"] {
        let org = books.org(code).unwrap();
        let items = books.items(&org).unwrap();
        assert!(!items.is_empty());
        let now = books.stock_valuation(&org, d("2026-12-31")).unwrap();
        assert!(now.balanced, "{code}: {now:#?}");
        assert_eq!(now.items.len(), items.len());
        for i in &items {
            let v = now.items.iter().find(|v| v.item == i.code).unwrap();
            assert_eq!((v.qty, v.value), (i.qty, i.value), "{code} {}", i.code);
            items_seen += 1;
        }
        let total: i64 = items.iter().map(|i| i.value.francs()).sum();
        assert_eq!(now.total_value.francs(), total);
        assert_eq!(now.total_ledger, now.total_value);
        // Earlier: the level after the last movement dated on or before
        // the day, and the stock accounts agree on every one of them.
        let moves = books.stock_moves(&org, None, None, None).unwrap();
        for at in [
            "2026-05-31",
            "2026-06-15",
            "2026-07-31",
            "2026-09-10",
            "2026-10-31",
        ] {
            let at = d(at);
            let v = books.stock_valuation(&org, at).unwrap();
            assert!(v.balanced, "{code} {at}: {v:#?}");
            for i in &items {
                let last = moves
                    .iter()
                    .filter(|m| m.item == i.code && m.date <= at)
                    .max_by_key(|m| (m.date, m.id));
                let (q, val) = last
                    .map(|m| (m.qty_after, m.value_after))
                    .unwrap_or((Qty::ZERO, Fcfa::ZERO));
                let got = v.items.iter().find(|x| x.item == i.code).unwrap();
                assert_eq!((got.qty, got.value), (q, val), "{code} {} {at}", i.code);
            }
        }
    }
    assert!(items_seen >= 6, "{items_seen}");
}

#[test]
fn stock_valuation_at_earlier_dates_of_a_hand_built_stock() {
    let mut books = Books::in_memory().unwrap();
    let actor = Actor::new("Mariam").unwrap();
    let org = books
        .add_org(&actor, "savon", "Coop savon", OrgKind::Coop)
        .unwrap();
    books
        .add_item(
            &actor,
            &org,
            NewItem {
                code: "huile".into(),
                name: "Huile de palme".into(),
                kind: ItemKind::Material,
                unit: Unit::Kg,
                price: None,
                reorder: Qty::ZERO,
                stock_account: "3211".into(),
                flow_account: None,
                variation_account: None,
            },
        )
        .unwrap();
    let buy = |books: &mut Books, date: &str, kg: i64, amount: i64, key: &str| {
        books
            .purchase(
                &actor,
                &org,
                PurchaseInput {
                    date: d(date),
                    supplier: "Grossiste".into(),
                    reference: key.into(),
                    method: PayMethod::Credit,
                    lines: vec![StockLineInput {
                        item: "huile".into(),
                        qty: Qty::units(kg),
                        amount: Fcfa::new(amount),
                    }],
                    idem_key: key.into(),
                },
            )
            .unwrap();
    };
    // Recorded out of date order: the valuation sums by date, not by
    // recording.
    buy(&mut books, "2026-03-20", 5, 5_000, "achat-2");
    buy(&mut books, "2026-03-02", 10, 8_000, "achat-1");
    books
        .adjust(
            &actor,
            &org,
            AdjustInput {
                date: d("2026-04-10"),
                item: "huile".into(),
                qty: Qty::units(3),
                reason: AdjustReason::Loss,
                unit_cost: None,
                note: "bidon percé".into(),
                idem_key: "perte-1".into(),
            },
        )
        .unwrap();
    let at = |day: &str| {
        let v = books.stock_valuation(&org, d(day)).unwrap();
        assert!(v.balanced, "{day}: {v:#?}");
        assert_eq!(v.accounts.len(), 1);
        assert_eq!(v.accounts[0].account, "3211");
        assert_eq!(v.accounts[0].ledger_balance, v.total_value);
        let i = &v.items[0];
        (i.qty, i.value.francs(), i.unit_cost.map(|c| c.to_string()))
    };
    assert_eq!(at("2026-03-01"), (Qty::ZERO, 0, None));
    // 10 kg for 8 000 F: 800 F a kg.
    assert_eq!(
        at("2026-03-02"),
        (Qty::units(10), 8_000, Some("800".into()))
    );
    assert_eq!(
        at("2026-03-19"),
        (Qty::units(10), 8_000, Some("800".into()))
    );
    // + 5 kg for 5 000 F: 15 kg, 13 000 F, 866,67 F a kg.
    assert_eq!(
        at("2026-03-31"),
        (Qty::units(15), 13_000, Some("866.67".into()))
    );
    // − 3 kg lost at the average cost (13 000 × 3 / 15 = 2 600 F).
    assert_eq!(
        at("2026-04-30"),
        (Qty::units(12), 10_400, Some("866.67".into()))
    );
    let item = books.item(&org, "huile").unwrap();
    assert_eq!((item.qty, item.value), (Qty::units(12), Fcfa::new(10_400)));
}

// ---- general ledger -------------------------------------------------------------

#[test]
fn general_ledger_closing_per_account_is_the_trial_balance_closing() {
    let (_dir, books) = demo_books();
    for org in books.orgs().unwrap() {
        for r in [
            DateRange::year(2026),
            range("2026-07-01", "2026-10-15"),
            DateRange::month(Month::new(2026, 11).unwrap()),
        ] {
            let gl = books.general_ledger(&org, r, Lang::Fr).unwrap();
            let tb = books.trial_balance(&org, r, Lang::Fr, false).unwrap();
            assert!(gl.balanced);
            assert_eq!(gl.totals, tb.totals, "{} {r:?}", org.code);
            assert_eq!(gl.accounts.len(), tb.rows.len(), "{} {r:?}", org.code);
            for (a, row) in gl.accounts.iter().zip(&tb.rows) {
                assert_eq!(a.account, row.account);
                assert_eq!(a.name, row.name);
                assert_eq!(
                    a.opening.francs(),
                    net(row.opening_debit, row.opening_credit)
                );
                assert_eq!((a.debit, a.credit), (row.debit, row.credit));
                assert_eq!(
                    a.closing.francs(),
                    net(row.closing_debit, row.closing_credit),
                    "{} {} {r:?}",
                    org.code,
                    a.account
                );
                let last = a.lines.last().map(|l| l.balance).unwrap_or(a.opening);
                assert_eq!(last, a.closing);
                assert!(a.lines.windows(2).all(|w| w[0].date <= w[1].date));
                assert!(a.lines.iter().all(|l| r.from <= l.date && l.date <= r.to));
            }
        }
    }
}

// ---- consolidation -----------------------------------------------------------------

#[test]
fn consolidated_reports_are_the_sums_of_the_orgs() {
    let (_dir, books) = demo_books();
    let orgs = books.orgs().unwrap();
    for r in [DateRange::year(2026), range("2026-08-10", "2026-10-20")] {
        let all = books
            .consolidated_trial_balance(&orgs, r, Lang::Fr, false)
            .unwrap();
        assert!(all.totals.balanced());
        // Per account: (opening net, debit, credit, closing net).
        let mut sum: BTreeMap<String, [i64; 4]> = BTreeMap::new();
        let (mut debit, mut credit) = (0i64, 0i64);
        for org in &orgs {
            let tb = books.trial_balance(org, r, Lang::Fr, false).unwrap();
            debit += tb.totals.debit.francs();
            credit += tb.totals.credit.francs();
            for row in &tb.rows {
                let s = sum.entry(row.account.clone()).or_default();
                s[0] += net(row.opening_debit, row.opening_credit);
                s[1] += row.debit.francs();
                s[2] += row.credit.francs();
                s[3] += net(row.closing_debit, row.closing_credit);
            }
            // One organisation consolidated is its own trial balance.
            let alone = books
                .consolidated_trial_balance(one(org), r, Lang::Fr, false)
                .unwrap();
            assert_eq!(alone, tb);
        }
        sum.retain(|_, v| v.iter().any(|x| *x != 0));
        assert_eq!(all.rows.len(), sum.len());
        for row in &all.rows {
            let s = sum[&row.account];
            assert_eq!(
                [
                    net(row.opening_debit, row.opening_credit),
                    row.debit.francs(),
                    row.credit.francs(),
                    net(row.closing_debit, row.closing_credit),
                ],
                s,
                "{}",
                row.account
            );
        }
        assert_eq!(all.totals.debit.francs(), debit);
        assert_eq!(all.totals.credit.francs(), credit);

        // SMT and income statement: the sums of the organisations'.
        let smt = books.smt(&orgs, r, Lang::Fr).unwrap();
        assert!(smt.balanced);
        let is = books.income_statement(&orgs, r, Lang::Fr).unwrap();
        let (mut closing, mut receipts, mut result) = (0, 0, 0);
        for org in &orgs {
            let s = books.smt(one(org), r, Lang::Fr).unwrap();
            closing += s.summary.closing.francs();
            receipts += s.summary.receipts.francs();
            result += books
                .income_statement(one(org), r, Lang::Fr)
                .unwrap()
                .net_result
                .francs();
        }
        assert_eq!(smt.summary.closing.francs(), closing);
        assert_eq!(smt.summary.receipts.francs(), receipts);
        assert_eq!(is.net_result.francs(), result);
        assert!(books.balance_sheet(&orgs, r.to, Lang::Fr).unwrap().balanced);
    }
}

// ---- a small ledger with every figure worked out by hand -------------------------

fn post(books: &mut Books, actor: &Actor, org: &OrgRow, date: &str, key: &str, lines: &str) {
    let entry = NewEntry {
        date: d(date),
        doc_ref: key.to_uppercase(),
        memo: format!("écriture {key}"),
        idem_key: key.into(),
        lines: parse_lines(lines).expect("lines"),
        source: None,
    };
    books.post(actor, org, entry).expect("posted");
}

fn smt_line(a: &SmtAccount, counterpart: &str) -> (i64, i64) {
    a.lines
        .iter()
        .chain(&a.transfers)
        .find(|l| l.account == counterpart)
        .map(|l| (l.receipts.francs(), l.payments.francs()))
        .unwrap_or_else(|| panic!("{}: no line {counterpart}", a.account))
}

#[test]
fn hand_built_ledger_exact_smt_income_statement_and_balance_sheet() {
    let mut books = Books::in_memory().unwrap();
    let actor = Actor::new("Awa").unwrap();
    let org = books
        .add_org(&actor, "coop", "Coop Savon", OrgKind::Coop)
        .unwrap();
    books
        .add_account(&actor, &org, "6318", "Autres frais bancaires", None)
        .unwrap();
    let b = &mut books;
    post(
        b,
        &actor,
        &org,
        "2026-01-05",
        "capital",
        "5711;D;100000\n1013;C;100000",
    );
    post(
        b,
        &actor,
        &org,
        "2026-01-08",
        "vers-om-1",
        "585;D;15000\n5711;C;15000",
    );
    post(
        b,
        &actor,
        &org,
        "2026-01-08",
        "vers-om-2",
        "5521;D;15000\n585;C;15000",
    );
    post(
        b,
        &actor,
        &org,
        "2026-01-10",
        "vente-1",
        "5711;D;30000\n70211;C;30000",
    );
    // Raw materials paid 12 000 in cash and 8 000 by Orange Money.
    post(
        b,
        &actor,
        &org,
        "2026-01-12",
        "achat-1",
        "6021;D;20000\n5711;C;12000\n5521;C;8000",
    );
    post(
        b,
        &actor,
        &org,
        "2026-01-15",
        "depot",
        "5211;D;50000\n5711;C;50000",
    );
    post(
        b,
        &actor,
        &org,
        "2026-01-25",
        "loyer",
        "6222;D;10000\n6318;D;500\n5211;C;10500",
    );
    post(
        b,
        &actor,
        &org,
        "2026-01-28",
        "facture",
        "4111;D;9000\n70212;C;9000",
    );
    post(
        b,
        &actor,
        &org,
        "2026-01-30",
        "reglement",
        "5711;D;5000\n5521;D;4000\n4111;C;9000",
    );
    // 1 000 F of soap and masks paid half in cash, half by Orange Money:
    // 333 and 667 F shared 500/500 between the two, largest remainder.
    post(
        b,
        &actor,
        &org,
        "2026-01-31",
        "vente-2",
        "5711;D;500\n5521;D;500\n70211;C;333\n70212;C;667",
    );
    post(
        b,
        &actor,
        &org,
        "2026-01-31",
        "frais-om",
        "6317;D;100\n5521;C;100",
    );
    post(
        b,
        &actor,
        &org,
        "2026-02-03",
        "loyer-2",
        "6222;D;10000\n5711;C;10000",
    );

    let january = DateRange::month(Month::new(2026, 1).unwrap());
    let s = books.smt(one(&org), january, Lang::Fr).unwrap();
    assert!(s.balanced, "{s:#?}");
    let codes: Vec<&str> = s.accounts.iter().map(|a| a.account.as_str()).collect();
    assert_eq!(codes, ["5211", "5521", "5711"]);
    let (bank, om, cash) = (&s.accounts[0], &s.accounts[1], &s.accounts[2]);

    assert_eq!(cash.opening, Fcfa::ZERO);
    assert_eq!(smt_line(cash, "1013"), (100_000, 0));
    assert_eq!(smt_line(cash, "70211"), (30_167, 0));
    assert_eq!(smt_line(cash, "70212"), (333, 0));
    assert_eq!(smt_line(cash, "4111"), (5_000, 0));
    assert_eq!(smt_line(cash, "6021"), (0, 12_000));
    assert_eq!(smt_line(cash, "585"), (0, 15_000));
    assert_eq!(smt_line(cash, "5211"), (0, 50_000));
    assert_eq!(cash.receipts, Fcfa::new(135_500));
    assert_eq!(cash.payments, Fcfa::new(12_000));
    assert_eq!(cash.transfers_out, Fcfa::new(65_000));
    assert_eq!(cash.closing, Fcfa::new(58_500));

    assert_eq!(smt_line(om, "585"), (15_000, 0));
    assert_eq!(smt_line(om, "4111"), (4_000, 0));
    assert_eq!(smt_line(om, "70211"), (166, 0));
    assert_eq!(smt_line(om, "70212"), (334, 0));
    assert_eq!(smt_line(om, "6021"), (0, 8_000));
    assert_eq!(smt_line(om, "6317"), (0, 100));
    assert_eq!(
        (om.receipts, om.payments),
        (Fcfa::new(4_500), Fcfa::new(8_100))
    );
    assert_eq!(om.closing, Fcfa::new(11_400));

    assert_eq!(smt_line(bank, "5711"), (50_000, 0));
    assert_eq!(smt_line(bank, "6222"), (0, 10_000));
    assert_eq!(smt_line(bank, "6318"), (0, 500));
    assert_eq!(bank.closing, Fcfa::new(39_500));

    let m = &s.summary;
    assert_eq!(
        (m.receipts, m.payments),
        (Fcfa::new(140_000), Fcfa::new(30_600))
    );
    assert_eq!(m.transfers_in, Fcfa::new(65_000));
    assert_eq!(m.transfers_out, Fcfa::new(65_000));
    assert_eq!(m.closing, Fcfa::new(109_400));
    let by: BTreeMap<&str, (i64, i64)> = m
        .lines
        .iter()
        .map(|l| {
            (
                l.account.as_str(),
                (l.receipts.francs(), l.payments.francs()),
            )
        })
        .collect();
    // Each counterpart's parts add up to its own movement.
    assert_eq!(by["70211"], (30_333, 0));
    assert_eq!(by["70212"], (667, 0));
    assert_eq!(by["4111"], (9_000, 0));
    assert_eq!(by["6021"], (0, 20_000));
    assert_eq!(
        cash.lines[0].name,
        "Capital souscrit, appelé, versé, non amorti (parts sociales)"
    );

    // February opens where January closed.
    let feb = books
        .smt(
            one(&org),
            DateRange::month(Month::new(2026, 2).unwrap()),
            Lang::Fr,
        )
        .unwrap();
    assert_eq!(feb.accounts.len(), 3);
    assert_eq!(feb.accounts[2].opening, Fcfa::new(58_500));
    assert_eq!(smt_line(&feb.accounts[2], "6222"), (0, 10_000));
    assert_eq!(feb.accounts[2].closing, Fcfa::new(48_500));

    // Income statement for January.
    let is = books
        .income_statement(one(&org), january, Lang::Fr)
        .unwrap();
    let v = |code: &str| line(&is.lines, code).amount.francs();
    assert_eq!(v("TB"), 40_000);
    assert_eq!(v("XA"), 0);
    assert_eq!(v("XB"), 40_000);
    assert_eq!(v("RC"), -20_000);
    assert_eq!(v("RH"), -10_600);
    assert_eq!(v("XC"), 9_400);
    assert_eq!(v("XD"), 9_400);
    assert_eq!(v("XE"), 9_400);
    assert_eq!(v("XF"), 0);
    assert_eq!(v("XI"), 9_400);
    assert_eq!(is.net_result, Fcfa::new(9_400));
    assert!(is.balanced);
    assert_eq!(line(&is.lines, "TB").label, "Ventes de produits fabriqués");
    assert_eq!(line(&is.lines, "RH").accounts.len(), 3);
    let en = books
        .income_statement(one(&org), january, Lang::En)
        .unwrap();
    assert_eq!(line(&en.lines, "XC").label, "Value added");

    // Balance sheet at the end of January.
    let bs = books
        .balance_sheet(one(&org), d("2026-01-31"), Lang::Fr)
        .unwrap();
    assert!(bs.balanced);
    let net_of = |lines: &[jatebo::domain::statements::SheetLine], code: &str| {
        lines.iter().find(|l| l.code == code).unwrap().net.francs()
    };
    assert_eq!(net_of(&bs.actif, "BS"), 109_400);
    assert_eq!(net_of(&bs.actif, "BI"), 0);
    assert_eq!(net_of(&bs.passif, "CA"), 100_000);
    assert_eq!(net_of(&bs.passif, "CJ"), 9_400);
    assert_eq!(bs.total_actif, Fcfa::new(109_400));

    // Close 2026: the year's result is 40 000 − 20 000 − 10 600 − 10 000
    // = −600, a loss posted to 139; the income statement still shows it.
    books.close_year(&actor, &org, 2026).unwrap();
    let org = books.org("coop").unwrap();
    let year = books
        .income_statement(one(&org), DateRange::year(2026), Lang::Fr)
        .unwrap();
    assert_eq!(year.net_result, Fcfa::new(-600));
    let (_, loss) = books
        .account_ledger(&org, "139", DateRange::year(2026))
        .unwrap();
    assert_eq!(loss.len(), 1);
    assert_eq!(loss[0].debit, Fcfa::new(600));
    let bs = books
        .balance_sheet(one(&org), d("2026-12-31"), Lang::Fr)
        .unwrap();
    assert!(bs.balanced);
    assert!(bs.result_not_closed.is_zero());
    assert_eq!(net_of(&bs.passif, "CJ"), -600);
    assert_eq!(bs.total_actif, Fcfa::new(99_400));
}

// ---- the command line -------------------------------------------------------------

fn demo_ledger() -> Ledger {
    let mut l = Ledger::new();
    std::fs::write(&l.path, demo_bytes()).expect("copy demo");
    l.login = Some(("Awa Traoré", "jatebo-demo"));
    l
}

#[test]
fn cli_report_json_of_every_report() {
    let l = demo_ledger();
    let books = Books::open(&l.path, OpenMode::Existing).unwrap();
    let savon = books.org("savon").unwrap();
    let year = DateRange::year(2026);

    let v = l.json(&["--org", "savon", "report", "smt", "--year", "2026"]);
    assert_eq!(v["balanced"], true, "{v}");
    assert_eq!(v["orgs"], serde_json::json!(["savon"]));
    assert_eq!(v["from"], "2026-01-01");
    let s = books.smt(one(&savon), year, Lang::Fr).unwrap();
    assert_eq!(v["accounts"].as_array().unwrap().len(), s.accounts.len());
    assert_eq!(v["summary"]["closing"], s.summary.closing.francs());
    assert_eq!(v["accounts"][0]["account"], s.accounts[0].account.as_str());

    let v = l.json(&["--org", "savon", "report", "income", "--year", "2026"]);
    let is = books.income_statement(one(&savon), year, Lang::Fr).unwrap();
    assert_eq!(v["net_result"], is.net_result.francs(), "{v}");
    assert_eq!(v["balanced"], true);
    assert_eq!(v["lines"][3]["code"], "XA");
    assert_eq!(v["lines"][3]["total"], true);
    assert_eq!(v["lines"][3]["label"], "Marge commerciale");

    let v = l.json(&[
        "report",
        "balance-sheet",
        "--all-orgs",
        "--at",
        "2026-11-30",
    ]);
    assert_eq!(v["balanced"], true, "{v}");
    assert_eq!(
        v["orgs"],
        serde_json::json!(["masques", "savon", "ton-sabali"])
    );
    assert_eq!(v["at"], "2026-11-30");
    assert_eq!(v["total_actif"], v["total_passif"]);
    let v = l.json(&[
        "--org",
        "savon",
        "report",
        "balance-sheet",
        "--month",
        "2026-10",
    ]);
    assert_eq!(v["at"], "2026-10-31");

    let v = l.json(&["--org", "savon", "report", "stock", "--at", "2026-12-31"]);
    assert_eq!(v["balanced"], true, "{v}");
    let items = books.items(&savon).unwrap();
    assert_eq!(v["items"].as_array().unwrap().len(), items.len());
    assert_eq!(
        v["total_value"],
        items.iter().map(|i| i.value.francs()).sum::<i64>()
    );

    let v = l.json(&["--org", "masques", "report", "ledger", "--month", "2026-10"]);
    assert_eq!(v["balanced"], true, "{v}");
    let masques = books.org("masques").unwrap();
    let gl = books
        .general_ledger(
            &masques,
            DateRange::month(Month::new(2026, 10).unwrap()),
            Lang::Fr,
        )
        .unwrap();
    assert_eq!(v["accounts"].as_array().unwrap().len(), gl.accounts.len());
    assert_eq!(v["totals"]["debit"], gl.totals.debit.francs());
    let v = l.json(&[
        "--org",
        "masques",
        "report",
        "ledger",
        "--month",
        "2026-10",
        "--account",
        "57",
    ]);
    assert!(
        v["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["account"].as_str().unwrap().starts_with("57"))
    );

    let v = l.json(&["report", "trial", "--all-orgs", "--year", "2026"]);
    assert_eq!(v["balanced"], true, "{v}");
    assert_eq!(v["orgs"].as_array().unwrap().len(), 3);
    let all = books
        .consolidated_trial_balance(&books.orgs().unwrap(), year, Lang::Fr, false)
        .unwrap();
    assert_eq!(v["rows"].as_array().unwrap().len(), all.rows.len());
    assert_eq!(v["totals"]["debit"], all.totals.debit.francs());
}

#[test]
fn cli_report_text_fits_80_columns() {
    let l = demo_ledger();
    for args in [
        &["--org", "savon", "report", "smt", "--month", "2026-10"][..],
        &["report", "smt", "--all-orgs", "--year", "2026"],
        &["--org", "masques", "report", "income", "--year", "2026"],
        &[
            "--org",
            "savon",
            "report",
            "balance-sheet",
            "--at",
            "2026-11-30",
        ],
        &["--org", "savon", "report", "stock", "--at", "2026-09-30"],
        &[
            "--org",
            "ton-sabali",
            "report",
            "ledger",
            "--month",
            "2026-11",
        ],
        &["report", "trial", "--all-orgs", "--month", "2026-11"],
        &[
            "--lang", "en", "--org", "savon", "report", "income", "--year", "2026",
        ],
    ] {
        let out = l.ok(args);
        assert!(out.lines().count() > 5, "{}", args.join(" "));
        // Titles carry the organisation's name and may wrap; tables not.
        for line in out.lines().filter(|s| !s.contains(" — ")) {
            assert!(
                line.chars().count() <= 80,
                "{}: {} columns:\n{line}",
                args.join(" "),
                line.chars().count()
            );
        }
    }
    let out = l.ok(&["--org", "savon", "report", "smt", "--month", "2026-10"]);
    assert!(
        out.contains("Recettes") && out.contains("Dépenses"),
        "{out}"
    );
    assert!(out.contains("Solde au grand livre"), "{out}");
    let out = l.ok(&[
        "--org",
        "savon",
        "report",
        "balance-sheet",
        "--at",
        "2026-11-30",
    ]);
    assert!(
        out.contains("Contrôle : total actif = total passif"),
        "{out}"
    );
    let out = l.ok(&[
        "--lang", "en", "--org", "savon", "report", "income", "--year", "2026",
    ]);
    assert!(out.contains("VALUE ADDED"), "{out}");
}

#[test]
fn cli_report_needs_an_org_when_there_are_several() {
    let l = demo_ledger();
    let o = l.run(&["report", "smt", "--year", "2026"]);
    assert_eq!(common::code(&o), 1, "{}", describe(&["report", "smt"], &o));
    // Reports are reads: no login, even on a ledger with users.
    l.ok(&["--org", "savon", "report", "trial", "--year", "2026"]);
}
