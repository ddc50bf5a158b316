//! A savings-group member's passbook as plain text, 80 columns: every
//! meeting (attendance, shares bought and the running totals, social fund,
//! repayment split into principal and interest, fines, new loan, what is
//! still owed), social fund movements, debts netted, the share-out, and
//! her loans. A meeting that was reopened keeps its line, marked as
//! cancelled by the reversal, and the reversal has its own line with the
//! amounts negated: nothing is hidden.
//!
//! Used by `jatebo passbook`; labels come from the translation files
//! (`cli-sg-pb-…`), amounts are grouped the way the current language
//! writes them.

use chrono::NaiveDate;

use crate::domain::money::Fcfa;
use crate::domain::savings::{Attendance, InterestMode, format_pct};
use crate::i18n::{lang, tr};
use crate::service::savings::{LoanView, Passbook, PassbookLine};
use crate::t;

/// Width of a passbook, in characters.
pub const PASSBOOK_WIDTH: usize = 80;

fn width(s: &str) -> usize {
    s.chars().count()
}

fn fit(s: &str, w: usize) -> String {
    if width(s) <= w {
        format!("{s}{}", " ".repeat(w - width(s)))
    } else {
        let mut out: String = s.chars().take(w.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

fn right(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(width(s))))
}

/// Cuts a long text into lines of at most `w` characters, at spaces; the
/// lines after the first start with `indent`.
fn wrap(s: &str, w: usize, indent: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let room = if out.is_empty() { w } else { w - width(indent) };
        if !line.is_empty() && width(&line) + 1 + width(word) > room {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push(line);
    }
    out.into_iter()
        .enumerate()
        .map(|(i, l)| if i == 0 { l } else { format!("{indent}{l}") })
        .collect()
}

fn date(d: NaiveDate) -> String {
    crate::i18n::date(d, lang())
}

fn grouped(v: Fcfa) -> String {
    v.format_grouped(lang())
}

/// Blank for zero: a passbook line shows what moved.
fn cell(v: Fcfa) -> String {
    if v.is_zero() {
        String::new()
    } else {
        grouped(v)
    }
}

/// A member's office, in words.
pub fn role_label(code: &str) -> String {
    match code {
        "president" => tr("cli-sg-role-president"),
        "secretary" => tr("cli-sg-role-secretary"),
        "box-keeper" => tr("cli-sg-role-box-keeper"),
        "money-counter" => tr("cli-sg-role-money-counter"),
        "key-holder" => tr("cli-sg-role-key-holder"),
        _ => tr("cli-sg-role-member"),
    }
}

/// The name of an interest mode.
pub fn mode_label(m: InterestMode) -> String {
    match m {
        InterestMode::Flat => tr("cli-sg-mode-flat"),
        InterestMode::Declining => tr("cli-sg-mode-declining"),
        InterestMode::Upfront => tr("cli-sg-mode-upfront"),
        InterestMode::None => tr("cli-sg-mode-none"),
    }
}

/// Where a loan stands, in words: open, late (days), rolled over, repaid,
/// written off.
pub fn loan_state_label(l: &LoanView) -> String {
    if let Some(w) = l.loan.written_off {
        t!("cli-sg-loan-state-written-off", amount = w)
    } else if l.status.closed {
        tr("cli-sg-loan-state-closed")
    } else if l.status.rolled_over {
        t!("cli-sg-loan-state-rolled", days = l.status.days_overdue)
    } else if l.status.days_overdue > 0 {
        t!("cli-sg-loan-state-overdue", days = l.status.days_overdue)
    } else {
        tr("cli-sg-loan-state-open")
    }
}

fn attendance_mark(a: Option<Attendance>) -> String {
    match a {
        Some(Attendance::Present) => tr("cli-sg-att-short-present"),
        Some(Attendance::Absent) => tr("cli-sg-att-short-absent"),
        Some(Attendance::Represented) => tr("cli-sg-att-short-represented"),
        None => String::new(),
    }
}

/// Column widths: date, attendance, shares, total shares, savings, social
/// fund, principal repaid, interest, fine, new loan, still owed.
const W: [usize; 11] = [10, 1, 6, 5, 8, 6, 7, 6, 6, 7, 7];

fn row(cells: [String; 11]) -> String {
    let mut s = String::new();
    for (i, (c, w)) in cells.iter().zip(W).enumerate() {
        if i > 0 {
            s.push(' ');
        }
        if i < 2 {
            s.push_str(&fit(c, w));
        } else {
            s.push_str(&right(c, w));
        }
    }
    s.trim_end().to_string()
}

/// A line about something other than a meeting row: its date, a text in
/// the middle, and what she still owes in the last column.
fn text_row(d: NaiveDate, text: &str, owed: Fcfa) -> Vec<String> {
    let owed = cell(owed);
    let room = PASSBOOK_WIDTH - 1 - W[0] - 1 - W[10] - 1;
    let mut lines = wrap(text, room, "  ");
    if lines.is_empty() {
        lines.push(String::new());
    }
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let d = if i == 0 { date(d) } else { String::new() };
        let o = if i + 1 == lines.len() {
            owed.clone()
        } else {
            String::new()
        };
        let s = format!("{} {} {}", fit(&d, W[0]), fit(l, room), right(&o, W[10]));
        out.push(s.trim_end().to_string());
    }
    out
}

/// A note under a line (`↳ annulée par 2026-000123`).
fn note(text: &str) -> Vec<String> {
    let indent = " ".repeat(W[0] + 1);
    wrap(&format!("↳ {text}"), PASSBOOK_WIDTH - W[0] - 1, "  ")
        .into_iter()
        .map(|l| format!("{indent}{l}"))
        .collect()
}

fn meeting_row(l: &PassbookLine) -> String {
    let shares = if l.shares == 0 {
        String::new()
    } else {
        l.shares.to_string()
    };
    let mark = if l.kind == "reversal" {
        "-".to_string()
    } else {
        attendance_mark(l.attendance)
    };
    row([
        date(l.date),
        mark,
        shares,
        l.shares_total.to_string(),
        grouped(l.savings_total),
        cell(l.social),
        cell(l.repay_principal),
        cell(l.repay_interest),
        cell(l.fine_levied),
        cell(l.new_loan),
        cell(l.loan_balance),
    ])
}

/// The passbook of a member, as of the date the service computed it for.
pub fn passbook_text(p: &Passbook) -> String {
    passbook_text_on(p, None)
}

/// The passbook, with the date it stands on in its heading.
pub fn passbook_text_on(p: &Passbook, at: Option<NaiveDate>) -> String {
    let rule = "-".repeat(PASSBOOK_WIDTH);
    let mut out: Vec<String> = Vec::new();
    out.extend(wrap(
        &t!("cli-sg-pb-title", org = p.org.clone()),
        PASSBOOK_WIDTH,
        "",
    ));
    let m = &p.member;
    out.extend(wrap(
        &t!(
            "cli-sg-pb-member",
            number = m.number,
            name = m.name.clone(),
            role = role_label(&m.role),
            joined = date(m.joined)
        ),
        PASSBOOK_WIDTH,
        "  ",
    ));
    if let Some(left) = m.left_on {
        out.push(t!("cli-sg-pb-left", date = date(left)));
    }
    let price = t!("cli-sg-pb-share-price", price = p.share_price);
    out.push(match at {
        Some(d) => format!("{price} · {}", t!("cli-sg-pb-as-of", date = date(d))),
        None => price,
    });
    out.push(rule.clone());
    out.push(row([
        tr("cli-sg-pb-col-date"),
        tr("cli-sg-pb-col-att"),
        tr("cli-sg-pb-col-shares"),
        tr("cli-sg-pb-col-total"),
        tr("cli-sg-pb-col-savings"),
        tr("cli-sg-pb-col-social"),
        tr("cli-sg-pb-col-principal"),
        tr("cli-sg-pb-col-interest"),
        tr("cli-sg-pb-col-fine"),
        tr("cli-sg-pb-col-loan"),
        tr("cli-sg-pb-col-owed"),
    ]));
    out.push(rule.clone());
    if p.lines.is_empty() {
        out.push(tr("cli-sg-pb-empty"));
    }
    for l in &p.lines {
        match l.kind.as_str() {
            "meeting" | "reversal" => {
                out.push(meeting_row(l));
                if !l.fine_paid.is_zero() {
                    out.extend(note(&t!("cli-sg-pb-fine-paid", amount = l.fine_paid)));
                }
                if l.kind == "reversal" {
                    out.extend(note(&t!(
                        "cli-sg-pb-reversal",
                        meeting = l.meeting,
                        original = l.note.clone(),
                        entry = l.entry.clone().unwrap_or_default()
                    )));
                } else if let Some(entry) = &l.entry
                    && let Some(rev) = p
                        .lines
                        .iter()
                        .find(|r| r.kind == "reversal" && &r.note == entry)
                {
                    out.extend(note(&t!(
                        "cli-sg-pb-cancelled",
                        entry = rev.entry.clone().unwrap_or_default()
                    )));
                }
            }
            "social" => {
                out.extend(text_row(
                    l.date,
                    &t!("cli-sg-pb-social", text = l.note.clone()),
                    l.loan_balance,
                ));
            }
            "netting" => {
                out.extend(text_row(
                    l.date,
                    &t!(
                        "cli-sg-pb-netting",
                        principal = l.repay_principal,
                        interest = l.repay_interest,
                        fines = l.fine_paid
                    ),
                    l.loan_balance,
                ));
            }
            "shareout" => {
                out.extend(text_row(
                    l.date,
                    &t!(
                        "cli-sg-pb-shareout",
                        gross = l.note.clone(),
                        payout = l.payout
                    ),
                    l.loan_balance,
                ));
            }
            "leave" => {
                out.extend(text_row(
                    l.date,
                    &t!("cli-sg-pb-leave", payout = l.payout),
                    l.loan_balance,
                ));
            }
            _ => {
                out.extend(text_row(
                    l.date,
                    &format!("{} {}", l.kind, l.note),
                    l.loan_balance,
                ));
            }
        }
    }
    out.push(rule.clone());
    out.extend(wrap(
        &t!(
            "cli-sg-pb-totals",
            shares = p.shares,
            savings = p.savings,
            account = m.account.clone(),
            ledger = p.ledger_savings
        ),
        PASSBOOK_WIDTH,
        "  ",
    ));
    if p.ledger_savings != p.savings {
        out.extend(wrap(
            &t!(
                "cli-sg-pb-mismatch",
                ledger = p.ledger_savings,
                savings = p.savings
            ),
            PASSBOOK_WIDTH,
            "  ",
        ));
    }
    out.extend(wrap(
        &t!(
            "cli-sg-pb-owed",
            loan = p.loan_balance,
            fines = p.fines_owed
        ),
        PASSBOOK_WIDTH,
        "  ",
    ));
    if !p.loans.is_empty() {
        out.push(tr("cli-sg-pb-loans"));
        for l in &p.loans {
            let fund = if l.loan.fund == "social" {
                tr("cli-sg-fund-social")
            } else {
                tr("cli-sg-fund-loan")
            };
            out.extend(
                wrap(
                    &t!(
                        "cli-sg-pb-loan",
                        number = l.loan.number,
                        fund = fund,
                        principal = l.loan.principal,
                        mode = mode_label(l.loan.mode),
                        rate = format_pct(l.loan.rate, lang()),
                        months = i64::from(l.loan.term),
                        disbursed = date(l.loan.disbursed),
                        due = date(l.status.due)
                    ),
                    PASSBOOK_WIDTH - 2,
                    "    ",
                )
                .into_iter()
                .map(|s| format!("  {s}")),
            );
            out.extend(
                wrap(
                    &t!(
                        "cli-sg-pb-loan-status",
                        principal = l.status.principal_paid,
                        interest = l.status.interest_paid,
                        balance = if l.loan.written_off.is_some() {
                            Fcfa::ZERO
                        } else {
                            l.status.balance
                        },
                        state = loan_state_label(l)
                    ),
                    PASSBOOK_WIDTH - 4,
                    "    ",
                )
                .into_iter()
                .map(|s| format!("    {s}")),
            );
        }
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_within_the_width() {
        let lines = wrap(&"mot ".repeat(60), 30, "  ");
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| width(l) <= 30), "{lines:?}");
        assert!(lines[1].starts_with("  "));
    }

    #[test]
    fn a_row_fits_eighty_columns() {
        let r = row([
            "19/02/2026".into(),
            "P".into(),
            "-5".into(),
            "120".into(),
            "60 000".into(),
            "100".into(),
            "100 000".into(),
            "10 000".into(),
            "1 000".into(),
            "100 000".into(),
            "100 000".into(),
        ]);
        assert!(width(&r) <= PASSBOOK_WIDTH, "{r}");
    }
}
