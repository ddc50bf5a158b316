//! `jatebo report …`: the financial statements on the command line — the
//! SMT statement of receipts and payments, the income statement, the
//! balance sheet, the stock valuation, the general ledger and the
//! (consolidated) trial balance. Text fits 80 columns, with separate Débit
//! and Crédit columns; `--json` gives the service's structures as they are.
//!
//! The commands only pick the organisations and the dates and print what
//! the service answers. Like `balance` and `journal`, reports are reads and
//! need no login. A report whose check fails (closing ≠ ledger, actif ≠
//! passif, stock ≠ its accounts, books that do not balance) exits with
//! status 3, whatever the output format.

use chrono::NaiveDate;
use clap::Subcommand;
use serde::Serialize;

use super::{
    Context, EXIT_PROBLEMS, PeriodArgs, amt, date_fmt, fit, json_out, parse_business_date, right,
};
use crate::domain::coop::{Unit, format_unit_cost};
use crate::domain::money::Fcfa;
use crate::domain::report::{TrialBalance, TrialTotals};
use crate::domain::statements::{
    BalanceSheet, GlAccount, IncomeStatement, SheetLine, Smt, SmtLine, StockValuation,
};
use crate::error::{Error, Result};
use crate::i18n::{lang, tr};
use crate::service::Books;
use crate::store::OrgRow;
use crate::t;

/// A line of output without trailing blanks (tables end with columns that
/// may be empty).
macro_rules! rowln {
    ($($arg:tt)*) => {{
        let line = format!($($arg)*);
        outln!("{}", line.trim_end());
    }};
}

#[derive(Subcommand, Debug)]
pub enum ReportCmd {
    #[command(about = tr("cli-report-smt"))]
    Smt {
        #[command(flatten)]
        period: PeriodArgs,
        #[arg(long, help = tr("cli-report-all-orgs"))]
        all_orgs: bool,
    },
    #[command(about = tr("cli-report-income"))]
    Income {
        #[command(flatten)]
        period: PeriodArgs,
        #[arg(long, help = tr("cli-report-all-orgs"))]
        all_orgs: bool,
    },
    #[command(about = tr("cli-report-balance-sheet"))]
    BalanceSheet {
        #[arg(long, conflicts_with_all = ["from", "to", "month", "year"], help = tr("cli-report-at"))]
        at: Option<String>,
        #[command(flatten)]
        period: PeriodArgs,
        #[arg(long, help = tr("cli-report-all-orgs"))]
        all_orgs: bool,
    },
    #[command(about = tr("cli-report-stock"))]
    Stock {
        #[arg(long, help = tr("cli-report-at"))]
        at: Option<String>,
    },
    #[command(about = tr("cli-report-ledger"))]
    Ledger {
        #[command(flatten)]
        period: PeriodArgs,
        #[arg(long, help = tr("cli-report-account"))]
        account: Option<String>,
    },
    #[command(about = tr("cli-report-trial"))]
    Trial {
        #[command(flatten)]
        period: PeriodArgs,
        #[arg(long, help = tr("cli-report-all-orgs"))]
        all_orgs: bool,
        #[arg(long, help = tr("cli-before-closing"))]
        before_closing: bool,
    },
}

pub fn cmd_report(ctx: &Context, c: ReportCmd) -> Result<i32> {
    let books = ctx.open()?;
    match c {
        ReportCmd::Smt { period, all_orgs } => {
            let orgs = pick(ctx, &books, all_orgs)?;
            let range = period.range()?;
            let s = books.smt(&orgs, range, lang())?;
            let exit = status(s.balanced);
            if ctx.json {
                return out_json(&orgs, &s).map(|_| exit);
            }
            print_smt(&orgs, &s);
            Ok(exit)
        }
        ReportCmd::Income { period, all_orgs } => {
            let orgs = pick(ctx, &books, all_orgs)?;
            let range = period.range()?;
            let s = books.income_statement(&orgs, range, lang())?;
            let exit = status(s.balanced);
            if ctx.json {
                return out_json(&orgs, &s).map(|_| exit);
            }
            print_income(&orgs, &s);
            Ok(exit)
        }
        ReportCmd::BalanceSheet {
            at,
            period,
            all_orgs,
        } => {
            let orgs = pick(ctx, &books, all_orgs)?;
            let at = match at {
                Some(a) => parse_business_date(&a)?,
                None if period.is_set() => period.range()?.to,
                None => crate::tui::today(),
            };
            let s = books.balance_sheet(&orgs, at, lang())?;
            let exit = status(s.balanced);
            if ctx.json {
                return out_json(&orgs, &s).map(|_| exit);
            }
            print_balance_sheet(&orgs, &s);
            Ok(exit)
        }
        ReportCmd::Stock { at } => {
            let org = ctx.org(&books)?;
            let at = date_or_today(at)?;
            let s = books.stock_valuation(&org, at)?;
            let exit = status(s.balanced);
            if ctx.json {
                return out_json(std::slice::from_ref(&org), &s).map(|_| exit);
            }
            print_stock(&org, &s);
            Ok(exit)
        }
        ReportCmd::Ledger { period, account } => {
            let org = ctx.org(&books)?;
            let range = period.range()?;
            let prefix = account
                .as_deref()
                .map(crate::domain::account::AccountNumber::parse)
                .transpose()?
                .map(|n| n.as_str().to_string());
            let keep = |a: &GlAccount| prefix.as_deref().is_none_or(|p| a.account.starts_with(p));
            if ctx.json {
                let mut gl = books.general_ledger(&org, range, lang())?;
                let exit = status(gl.balanced);
                if prefix.is_some() {
                    gl.accounts.retain(keep);
                }
                return out_json(std::slice::from_ref(&org), &gl).map(|_| exit);
            }
            rowln!(
                "{}",
                t!(
                    "report-ledger-title",
                    org = org.name.clone(),
                    from = date_fmt(range.from),
                    to = date_fmt(range.to)
                )
            );
            let totals = books.general_ledger_each(&org, range, lang(), |a| {
                if keep(&a) {
                    print_gl_account(&a);
                }
                Ok(())
            })?;
            let exit = status(totals.balanced());
            if prefix.is_none() {
                outln!();
                print_six(&tr("report-ledger-totals"), &totals);
                check_line(totals.balanced(), "report-ledger-ok", "report-ledger-bad");
            }
            Ok(exit)
        }
        ReportCmd::Trial {
            period,
            all_orgs,
            before_closing,
        } => {
            let orgs = pick(ctx, &books, all_orgs)?;
            let range = period.range()?;
            let tb = books.consolidated_trial_balance(&orgs, range, lang(), before_closing)?;
            let exit = status(tb.totals.balanced());
            if ctx.json {
                #[derive(Serialize)]
                struct Trial<'a> {
                    from: NaiveDate,
                    to: NaiveDate,
                    #[serde(flatten)]
                    tb: &'a TrialBalance,
                    balanced: bool,
                }
                let v = Trial {
                    from: range.from,
                    to: range.to,
                    tb: &tb,
                    balanced: tb.totals.balanced(),
                };
                return out_json(&orgs, &v).map(|_| exit);
            }
            print_trial(&orgs, range.from, range.to, &tb);
            Ok(exit)
        }
    }
}

// ---- choosing -------------------------------------------------------------------

/// The organisations a report covers: all of them with `--all-orgs` (which
/// then wins over `--org`), else the one named or the only one.
fn pick(ctx: &Context, books: &Books, all: bool) -> Result<Vec<OrgRow>> {
    if all {
        ctx.may_read_all(books)?;
        let orgs = books.orgs()?;
        if orgs.is_empty() {
            return Err(Error::OrgRequired {
                codes: String::new(),
            });
        }
        Ok(orgs)
    } else {
        Ok(vec![ctx.org(books)?])
    }
}

fn date_or_today(d: Option<String>) -> Result<NaiveDate> {
    match d {
        Some(s) => parse_business_date(&s),
        None => Ok(crate::tui::today()),
    }
}

fn status(ok: bool) -> i32 {
    if ok { 0 } else { EXIT_PROBLEMS }
}

/// The report as JSON, with the codes of the organisations it covers.
fn out_json<T: Serialize>(orgs: &[OrgRow], report: &T) -> Result<()> {
    let json = |e: serde_json::Error| Error::Json {
        detail: e.to_string(),
    };
    let mut v = serde_json::to_value(report).map_err(json)?;
    if let Some(map) = v.as_object_mut() {
        let codes: Vec<&str> = orgs.iter().map(|o| o.code.as_str()).collect();
        map.insert("orgs".into(), serde_json::to_value(codes).map_err(json)?);
    }
    json_out(&v)
}

/// Who the report is about: the organisation's name, or "all N
/// organisations".
fn who(orgs: &[OrgRow]) -> String {
    match orgs {
        [one] => one.name.clone(),
        _ => t!("report-all-orgs", count = orgs.len()),
    }
}

// ---- printing -------------------------------------------------------------------

const W: usize = 15;
/// Amount columns of the income statement.
const WI: usize = 14;

/// A signed figure in the Débit column (negative) or the Crédit column
/// (positive), the way an income statement or a liability reads.
fn dc(v: Fcfa) -> (Fcfa, Fcfa) {
    if v.is_negative() {
        (v.abs(), Fcfa::ZERO)
    } else {
        (Fcfa::ZERO, v)
    }
}

fn check_line(ok: bool, good: &str, bad: &str) {
    if ok {
        rowln!("{}", tr(good));
    } else {
        rowln!("{}", tr(bad));
    }
}

fn print_smt(orgs: &[OrgRow], s: &Smt) {
    rowln!(
        "{}",
        t!(
            "report-smt-title",
            org = who(orgs),
            from = date_fmt(s.from),
            to = date_fmt(s.to)
        )
    );
    if s.accounts.is_empty() {
        rowln!("{}", tr("report-smt-none"));
        return;
    }
    let header = || {
        rowln!(
            "  {}  {}  {} {}",
            fit(&tr("col-account"), 8),
            fit(&tr("col-name"), 34),
            right(&tr("report-col-receipts"), W),
            right(&tr("report-col-payments"), W)
        );
    };
    let row = |l: &SmtLine| {
        let name = if l.account.is_empty() {
            tr("report-smt-unbalanced-entry")
        } else {
            l.name.clone()
        };
        rowln!(
            "  {}  {}  {} {}",
            fit(&l.account, 8),
            fit(&name, 34),
            right(&amt(l.receipts), W),
            right(&amt(l.payments), W)
        );
    };
    let figure = |key: &str, v: Fcfa| {
        rowln!(
            "  {}  {}",
            fit(&tr(key), 44 + W),
            right(&v.format_grouped(lang()), W)
        );
    };
    let totals = |r: Fcfa, p: Fcfa| {
        rowln!(
            "  {}  {} {}",
            fit(&tr("col-totals"), 44),
            right(&amt(r), W),
            right(&amt(p), W)
        );
    };
    for a in &s.accounts {
        outln!();
        rowln!("{}  {}", a.account, fit(&a.name, 70));
        figure("report-smt-opening", a.opening);
        header();
        for l in &a.lines {
            row(l);
        }
        totals(a.receipts, a.payments);
        if !a.transfers.is_empty() {
            rowln!("  {}", tr("report-smt-transfers"));
            for l in &a.transfers {
                row(l);
            }
            totals(a.transfers_in, a.transfers_out);
        }
        figure("report-smt-closing", a.closing);
        figure("report-smt-ledger", a.ledger_closing);
        if !a.balanced {
            rowln!("  ! {}", tr("report-smt-account-bad"));
        }
    }
    if s.accounts.len() > 1 {
        let m = &s.summary;
        outln!();
        rowln!("{}", tr("report-smt-summary"));
        figure("report-smt-opening", m.opening);
        header();
        for l in &m.lines {
            row(l);
        }
        totals(m.receipts, m.payments);
        if !(m.transfers_in.is_zero() && m.transfers_out.is_zero()) {
            rowln!("  {}", tr("report-smt-transfers"));
            totals(m.transfers_in, m.transfers_out);
        }
        figure("report-smt-closing", m.closing);
        figure("report-smt-ledger", m.ledger_closing);
    }
    outln!();
    check_line(s.balanced, "report-smt-ok", "report-smt-bad");
}

fn print_income(orgs: &[OrgRow], s: &IncomeStatement) {
    rowln!(
        "{}",
        t!(
            "report-income-title",
            org = who(orgs),
            from = date_fmt(s.from),
            to = date_fmt(s.to)
        )
    );
    rowln!(
        "{}  {}  {} {}",
        fit(&tr("report-col-ref"), 4),
        fit(&tr("col-name"), 42),
        right(&tr("col-debit"), WI),
        right(&tr("col-credit"), WI)
    );
    for l in &s.lines {
        if !l.total && l.amount.is_zero() && l.accounts.is_empty() {
            continue;
        }
        let (d, c) = dc(l.amount);
        let label = if l.total {
            l.label.to_uppercase()
        } else {
            l.label.clone()
        };
        rowln!(
            "{}  {}  {} {}",
            fit(l.code, 4),
            fit(&label, 42),
            right(&amt(d), WI),
            right(&amt(c), WI)
        );
        for a in &l.accounts {
            let (d, c) = dc(a.amount);
            rowln!(
                "      {} {}  {} {}",
                fit(&a.account, 8),
                fit(&a.name, 33),
                right(&amt(d), WI),
                right(&amt(c), WI)
            );
        }
    }
    outln!();
    let r = s.net_result;
    let key = if r.is_negative() {
        "report-income-loss"
    } else {
        "report-income-profit"
    };
    rowln!("{}", t!(key, amount = r.abs().format_grouped(lang())));
    check_line(s.balanced, "report-income-ok", "report-income-bad");
}

fn print_balance_sheet(orgs: &[OrgRow], s: &BalanceSheet) {
    rowln!(
        "{}",
        t!("report-bs-title", org = who(orgs), at = date_fmt(s.at))
    );
    outln!();
    rowln!(
        "{} {} {} {}",
        fit(&tr("report-bs-assets"), 37),
        right(&tr("report-col-gross"), 13),
        right(&tr("report-col-depreciation"), 13),
        right(&tr("report-col-net"), 13)
    );
    let sheet_row = |l: &SheetLine, three: bool| {
        let label = if l.total {
            l.label.to_uppercase()
        } else {
            l.label.clone()
        };
        if three {
            rowln!(
                "{}  {} {} {} {}",
                fit(l.code, 4),
                fit(&label, 31),
                right(&amt(l.gross), 13),
                right(&amt(l.depreciation), 13),
                right(&amt(l.net), 13)
            );
        } else {
            rowln!(
                "{}  {} {}",
                fit(l.code, 4),
                fit(&label, 59),
                right(&amt(l.net), 13)
            );
        }
        for a in &l.accounts {
            rowln!(
                "      {} {} {}",
                fit(&a.account, 8),
                fit(&a.name, 49),
                right(&amt(a.amount), 13)
            );
        }
    };
    for l in &s.actif {
        if l.total || !l.accounts.is_empty() {
            sheet_row(l, true);
        }
    }
    outln!();
    rowln!(
        "{} {}",
        fit(&tr("report-bs-liabilities"), 65),
        right(&tr("report-col-net"), 13)
    );
    for l in &s.passif {
        let open_result = l.code == "CJ" && !s.result_not_closed.is_zero();
        if l.total || !l.accounts.is_empty() || open_result {
            sheet_row(l, false);
        }
        if open_result {
            rowln!(
                "      {} {}",
                fit(&tr("report-bs-open-result"), 58),
                right(&amt(s.result_not_closed), 13)
            );
        }
    }
    if !s.unclassified.is_empty() {
        outln!();
        rowln!("{}", tr("report-bs-unclassified"));
        for a in &s.unclassified {
            rowln!(
                "      {} {} {}",
                fit(&a.account, 8),
                fit(&a.name, 49),
                right(&amt(a.amount), 13)
            );
        }
    }
    outln!();
    if s.balanced {
        rowln!(
            "{}",
            t!(
                "report-bs-ok",
                amount = s.total_actif.format_grouped(lang())
            )
        );
    } else {
        rowln!(
            "{}",
            t!(
                "report-bs-bad",
                actif = s.total_actif.format_grouped(lang()),
                passif = s.total_passif.format_grouped(lang()),
                difference = s.difference.format_grouped(lang())
            )
        );
    }
}

fn unit_name(u: Unit) -> String {
    match u {
        Unit::Piece => tr("coop-unit-piece"),
        Unit::Kg => tr("coop-unit-kg"),
        Unit::Litre => tr("coop-unit-litre"),
        Unit::Metre => tr("coop-unit-metre"),
    }
}

fn print_stock(org: &OrgRow, s: &StockValuation) {
    rowln!(
        "{}",
        t!(
            "report-stock-title",
            org = org.name.clone(),
            at = date_fmt(s.at)
        )
    );
    if s.items.is_empty() {
        rowln!("{}", tr("report-stock-none"));
        return;
    }
    rowln!(
        "{} {} {} {} {} {}",
        fit(&tr("cli-col-item"), 12),
        fit(&tr("col-name"), 23),
        right(&tr("cli-col-qty"), 12),
        fit(&tr("report-col-unit"), 6),
        right(&tr("cli-col-unit-cost"), 9),
        right(&tr("cli-col-value"), 12)
    );
    for i in &s.items {
        rowln!(
            "{} {} {} {} {} {}",
            fit(&i.item, 12),
            fit(&i.name, 23),
            right(&i.qty.format(lang()), 12),
            fit(&unit_name(i.unit), 6),
            right(
                &i.unit_cost
                    .map(|c| format_unit_cost(c, lang()))
                    .unwrap_or_default(),
                9
            ),
            right(&amt(i.value), 12)
        );
    }
    outln!();
    rowln!(
        "{}  {} {} {} {}",
        fit(&tr("col-account"), 8),
        fit(&tr("col-name"), 24),
        right(&tr("cli-col-stock"), 14),
        right(&tr("cli-col-ledger"), 14),
        right(&tr("cli-col-difference"), 14)
    );
    for a in &s.accounts {
        rowln!(
            "{}  {} {} {} {}",
            fit(&a.account, 8),
            fit(&a.name, 24),
            right(&a.items_value.format_grouped(lang()), 14),
            right(&a.ledger_balance.format_grouped(lang()), 14),
            right(&amt(a.difference), 14)
        );
    }
    rowln!(
        "{}  {} {} {}",
        fit("", 8),
        fit(&tr("col-totals"), 24),
        right(&s.total_value.format_grouped(lang()), 14),
        right(&s.total_ledger.format_grouped(lang()), 14)
    );
    outln!();
    check_line(s.balanced, "report-stock-ok", "report-stock-bad");
}

fn print_gl_account(a: &GlAccount) {
    outln!();
    rowln!("{}  {}", a.account, fit(&a.name, 70));
    // 79 columns, like `account ledger`.
    rowln!(
        "{} {} {} {} {} {}",
        fit(&tr("col-date"), 10),
        fit(&tr("col-number"), 11),
        fit(&tr("col-document"), 21),
        right(&tr("col-debit"), 10),
        right(&tr("col-credit"), 10),
        right(&tr("col-balance"), 12)
    );
    rowln!(
        "{} {}",
        fit(&tr("col-opening"), 66),
        right(&a.opening.format_grouped(lang()), 12)
    );
    for l in &a.lines {
        let text = [l.doc_ref.as_str(), l.memo.as_str(), l.label.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        rowln!(
            "{} {} {} {} {} {}",
            date_fmt(l.date),
            l.number,
            fit(&text, 21),
            right(&amt(l.debit), 10),
            right(&amt(l.credit), 10),
            right(&l.balance.format_grouped(lang()), 12)
        );
    }
    rowln!(
        "{} {} {} {}",
        fit(&tr("report-ledger-account-totals"), 44),
        right(&amt(a.debit), 10),
        right(&amt(a.credit), 10),
        right(&a.closing.format_grouped(lang()), 12)
    );
}

/// The six columns on two lines: opening and movements, then closing.
fn print_six(title: &str, t: &TrialTotals) {
    let (d, c) = (tr("col-debit"), tr("col-credit"));
    rowln!("{title}");
    rowln!("  {} {} {}", fit("", 20), right(&d, 14), right(&c, 14));
    for (key, debit, credit) in [
        ("col-opening", t.opening_debit, t.opening_credit),
        ("col-movements", t.debit, t.credit),
        ("col-closing", t.closing_debit, t.closing_credit),
    ] {
        rowln!(
            "  {} {} {}",
            fit(&tr(key), 20),
            right(&debit.format_grouped(lang()), 14),
            right(&credit.format_grouped(lang()), 14)
        );
    }
}

fn print_trial(orgs: &[OrgRow], from: NaiveDate, to: NaiveDate, tb: &TrialBalance) {
    rowln!(
        "{}",
        t!(
            "balance-title",
            org = who(orgs),
            from = date_fmt(from),
            to = date_fmt(to)
        )
    );
    // Each account on two lines: number and name, then the six columns
    // (77 columns).
    let w = 12;
    let (d, c) = (tr("col-debit"), tr("col-credit"));
    rowln!(
        "  {} {} {}",
        fit(&tr("col-opening"), 2 * w + 1),
        fit(&tr("col-movements"), 2 * w + 1),
        fit(&tr("col-closing"), 2 * w + 1)
    );
    rowln!(
        "  {} {} {} {} {} {}",
        right(&d, w),
        right(&c, w),
        right(&d, w),
        right(&c, w),
        right(&d, w),
        right(&c, w)
    );
    let six = |v: [Fcfa; 6]| {
        rowln!(
            "  {} {} {} {} {} {}",
            right(&amt(v[0]), w),
            right(&amt(v[1]), w),
            right(&amt(v[2]), w),
            right(&amt(v[3]), w),
            right(&amt(v[4]), w),
            right(&amt(v[5]), w)
        );
    };
    for r in &tb.rows {
        rowln!("{}  {}", r.account, fit(&r.name, 70));
        six([
            r.opening_debit,
            r.opening_credit,
            r.debit,
            r.credit,
            r.closing_debit,
            r.closing_credit,
        ]);
    }
    let t = &tb.totals;
    rowln!("{}", tr("col-totals"));
    six([
        t.opening_debit,
        t.opening_credit,
        t.debit,
        t.credit,
        t.closing_debit,
        t.closing_credit,
    ]);
    check_line(t.balanced(), "balance-balanced", "balance-unbalanced");
}
