//! Drawing the reports tab: its row of screens, the period, each report
//! (the trial balance's six columns, or the groups of them that fit), and
//! the drill-down (an account's ledger, the entry, the document).

use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::super::app::App;
use super::super::keymap::Scope;
use super::super::layout::list_area;
use super::super::theme::Role;
use super::super::view::{
    amount_or_blank, balance, balance_words, date, draw_entry_scrolled, fit, flex, header,
    key_name, loading, rfit, row_line, timestamp,
};
use super::{Document, Level, RepTab, Row, at_date, period, rows, tabs};
use crate::domain::money::Fcfa;
use crate::domain::report::TrialTotals;
use crate::i18n::{lang, tr};
use crate::service::savings::MeetingView;
use crate::t;

// ---- shared pieces ---------------------------------------------------------------

/// An amount, blank for zero (the lang's grouping).
fn amt(f: Fcfa) -> String {
    amount_or_blank(f)
}

/// An amount, `0` for zero.
fn amt0(f: Fcfa) -> String {
    f.format_grouped(lang())
}

fn plus(a: Fcfa, b: Fcfa) -> Fcfa {
    Fcfa::new(a.francs().saturating_add(b.francs()))
}

/// The widest of these amounts, at least `min` columns.
fn widest(values: &[Fcfa], min: usize) -> usize {
    values
        .iter()
        .map(|v| amt0(*v).width())
        .max()
        .unwrap_or(0)
        .max(min)
}

fn muted(app: &App, text: String) -> Line<'static> {
    Line::styled(format!(" {text}"), app.theme.style(Role::Muted))
}

fn check_line(app: &App, ok: bool, text: String) -> Line<'static> {
    let (sign, role) = if ok {
        ("✓", Role::Success)
    } else {
        ("✗", Role::Alert)
    };
    Line::styled(format!(" {sign} {text}"), app.theme.style(role))
}

/// The key shown for a screen of the row.
fn tab_key(app: &App, tab: RepTab) -> String {
    app.keymap
        .keys_for(&[Scope::Reports], tab.cmd())
        .iter()
        .find(|k| matches!(k.code, KeyCode::Char(_)))
        .map(key_name)
        .unwrap_or_default()
}

/// The row of screens; when they do not all fit, the others keep only
/// their key, from the right.
fn draw_row(f: &mut Frame, app: &App, current: RepTab, r: Rect) {
    let th = app.theme;
    let list = tabs(app);
    let mut labels: Vec<String> = list
        .iter()
        .map(|t| format!(" {} {} ", tab_key(app, *t), tr(t.title_key())))
        .collect();
    let total = |l: &[String]| l.iter().map(|x| x.width()).sum::<usize>();
    if total(&labels) > r.width as usize {
        // Closer together first.
        for l in &mut labels {
            *l = format!(" {}", l.trim());
        }
    }
    for i in (0..list.len()).rev() {
        if total(&labels) <= r.width as usize {
            break;
        }
        if list[i] != current {
            labels[i] = format!(" {} ", tab_key(app, list[i]));
        }
    }
    let spans: Vec<Span> = list
        .iter()
        .zip(labels)
        .map(|(t, l)| {
            Span::styled(
                l,
                if *t == current {
                    th.style(Role::Selected)
                } else {
                    th.style(Role::Muted)
                },
            )
        })
        .collect();
    f.render_widget(
        Paragraph::new(Line::from(spans)),
        Rect::new(r.x, r.y, r.width, 1.min(r.height)),
    );
}

/// The screen's title with its period: `Balance générale · novembre 2026
/// (01/11/2026 – 30/11/2026)`, or `Bilan au 30/11/2026 · novembre 2026`.
fn title(app: &App, tab: RepTab) -> String {
    let p = period(app);
    if super::consolidated(app, tab) {
        // Every organisation together: how many, without the dates (the
        // period says them, and the line has more to say).
        let orgs = t!(
            "rep-title-orgs",
            count = super::readable_orgs(app).len() as i64
        );
        return if tab.over_range() {
            t!(
                "rep-title-all-range",
                title = tr(tab.heading_all_key()),
                orgs = orgs,
                period = p.label()
            )
        } else {
            t!(
                "rep-title-all-at",
                title = tr(tab.heading_all_key()),
                orgs = orgs,
                period = p.label(),
                at = date(at_date(app, tab))
            )
        };
    }
    if tab.over_range() {
        let r = p.range();
        t!(
            "rep-title-range",
            title = tr(tab.heading_key()),
            period = p.label(),
            from = date(r.from),
            to = date(r.to)
        )
    } else {
        t!(
            "rep-title-at",
            title = tr(tab.heading_key()),
            period = p.label(),
            at = date(at_date(app, tab))
        )
    }
}

fn line_at(f: &mut Frame, r: Rect, y: u16, line: Line<'static>) {
    if y < r.y + r.height {
        f.render_widget(Paragraph::new(line), Rect::new(r.x, y, r.width, 1));
    }
}

pub fn draw(f: &mut Frame, app: &App, tab: RepTab, r: Rect) {
    if !app.reports.drill.is_empty() {
        draw_drill(f, app, tab, r);
        return;
    }
    draw_row(f, app, tab, r);
    let th = app.theme;
    line_at(
        f,
        r,
        r.y + 1,
        Line::styled(format!(" {}", title(app, tab)), th.style(Role::Key)),
    );
    let body = Rect::new(r.x, r.y + 2, r.width, r.height.saturating_sub(2));
    if let Some(e) = &app.reports.error {
        f.render_widget(
            Paragraph::new(Line::styled(format!(" ✗ {e}"), th.style(Role::Error)))
                .wrap(Wrap { trim: false }),
            body,
        );
        return;
    }
    match tab {
        RepTab::Balance => draw_trial(f, app, r),
        RepTab::Aging => {
            let nav = app.reports.navs[tab.index()];
            // The table has its title (with its date) on our title's line.
            f.render_widget(ratatui::widgets::Clear, Rect::new(r.x, r.y + 1, r.width, 1));
            super::super::coop::customers::draw_aging_table(
                f,
                app,
                app.reports.aging.as_ref(),
                nav,
                r,
                tr("rep-aging-footer"),
            );
        }
        RepTab::Indicators => {
            // Their title (with the date) on our title's line.
            f.render_widget(ratatui::widgets::Clear, Rect::new(r.x, r.y + 1, r.width, 1));
            super::super::savings::indicators::draw_state(f, app, &app.reports.indicators, r);
        }
        _ => draw_list(f, app, tab, r),
    }
}

// ---- the trial balance -------------------------------------------------------------

/// How the trial balance is laid out at this width.
pub struct TrialLayout {
    pub nw: usize,
    pub name_w: usize,
    pub aw: usize,
    /// The column groups shown: 0 opening, 1 movements, 2 closing.
    pub groups: Vec<usize>,
    /// Groups left out for want of room.
    pub hidden: Vec<usize>,
}

fn totals_values(t: &TrialTotals) -> [Fcfa; 6] {
    [
        t.opening_debit,
        t.opening_credit,
        t.debit,
        t.credit,
        t.closing_debit,
        t.closing_credit,
    ]
}

pub fn trial_layout(app: &App) -> TrialLayout {
    let w = app.size.0 as usize;
    let s = &app.reports;
    let (aw, nw) = match &s.trial {
        Some(t) => (
            widest(&totals_values(&t.totals), 9),
            t.rows
                .iter()
                .map(|r| r.account.width())
                .max()
                .unwrap_or(4)
                .max(tr("col-account").width()),
        ),
        None => (11, 6),
    };
    // The cursor's column, the account, then each group's two columns.
    let min_name = 16;
    let fixed = 1 + nw + 1 + min_name;
    let per_group = 2 * (aw + 1);
    let fit = (w.saturating_sub(fixed) / per_group).clamp(1, 3);
    let groups: Vec<usize> = match fit {
        3 => vec![0, 1, 2],
        2 => [vec![1, 2], vec![0, 1], vec![0, 2]][s.cols % 3].clone(),
        _ => [vec![2], vec![0], vec![1]][s.cols % 3].clone(),
    };
    let hidden = (0..3).filter(|g| !groups.contains(g)).collect();
    let name_w = w.saturating_sub(1 + nw + 1 + groups.len() * per_group);
    TrialLayout {
        nw,
        name_w,
        aw,
        groups,
        hidden,
    }
}

/// Whether the columns key has something to switch.
pub fn columns_switch(app: &App) -> bool {
    !trial_layout(app).hidden.is_empty()
}

fn group_name(g: usize) -> String {
    tr(match g {
        0 => "rep-col-opening",
        1 => "rep-col-movements",
        _ => "rep-col-closing",
    })
}

fn centre(s: &str, w: usize) -> String {
    let sw = s.width();
    if sw >= w {
        return fit(s, w);
    }
    let left = (w - sw) / 2;
    format!("{}{}{}", " ".repeat(left), s, " ".repeat(w - sw - left))
}

fn draw_trial(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let s = &app.reports;
    let Some(t) = &s.trial else {
        line_at(f, r, r.y + 2, loading(app));
        return;
    };
    let l = trial_layout(app);
    let gw = 2 * l.aw + 1;
    let mut groups = format!(" {} ", " ".repeat(l.nw + l.name_w));
    let mut cols = format!(
        " {} {}",
        fit(&tr("col-account"), l.nw),
        fit(&tr("col-name"), l.name_w)
    );
    for g in &l.groups {
        groups.push_str(&format!(
            " {}",
            centre(&format!("─ {} ─", group_name(*g)), gw)
        ));
        cols.push_str(&format!(
            " {} {}",
            rfit(&tr("col-debit"), l.aw),
            rfit(&tr("col-credit"), l.aw)
        ));
    }
    line_at(f, r, r.y + 2, Line::styled(groups, th.style(Role::Muted)));
    line_at(f, r, r.y + 3, header(app, cols));
    let list = list_area(app);
    let nav = s.navs[RepTab::Balance.index()];
    let pick = |row: &crate::domain::report::TrialRow, g: usize| match g {
        0 => (row.opening_debit, row.opening_credit),
        1 => (row.debit, row.credit),
        _ => (row.closing_debit, row.closing_credit),
    };
    let mut lines = vec![];
    for (i, row) in t
        .rows
        .iter()
        .enumerate()
        .skip(nav.offset)
        .take(list.height as usize)
    {
        let mut text = format!("{} {}", fit(&row.account, l.nw), fit(&row.name, l.name_w));
        for g in &l.groups {
            let (d, c) = pick(row, *g);
            text.push_str(&format!(" {} {}", rfit(&amt(d), l.aw), rfit(&amt(c), l.aw)));
        }
        lines.push(row_line(app, text, i == nav.cursor));
    }
    if t.rows.is_empty() {
        lines.push(muted(app, tr("rep-trial-empty")));
    }
    f.render_widget(Paragraph::new(lines), list);
    // Totals, and whether each pair of columns agrees.
    let tv = totals_values(&t.totals);
    let mut totals = format!(" {} {}", fit("", l.nw), fit(&tr("rep-totals"), l.name_w));
    for g in &l.groups {
        totals.push_str(&format!(
            " {} {}",
            rfit(&amt0(tv[2 * g]), l.aw),
            rfit(&amt0(tv[2 * g + 1]), l.aw)
        ));
    }
    let y = r.y + r.height.saturating_sub(2);
    line_at(f, r, y, Line::styled(totals, th.style(Role::Title)));
    let ok = t.totals.balanced();
    let mut text = if ok {
        tr("rep-trial-balanced")
    } else {
        let diffs: Vec<String> = (0..3)
            .filter(|g| tv[2 * g] != tv[2 * g + 1])
            .map(|g| {
                t!(
                    "rep-trial-diff",
                    columns = group_name(g),
                    amount = amt0(Fcfa::new(
                        tv[2 * g].francs().saturating_sub(tv[2 * g + 1].francs())
                    ))
                )
            })
            .collect();
        t!("rep-trial-unbalanced", diffs = diffs.join(" · "))
    };
    if !l.hidden.is_empty() {
        let hidden: Vec<String> = l.hidden.iter().map(|g| group_name(*g)).collect();
        text.push_str(&format!(
            " · {}",
            t!("rep-trial-hidden", columns = hidden.join(", "))
        ));
    }
    line_at(f, r, y + 1, check_line(app, ok, text));
}

// ---- the other reports: rows of a list -------------------------------------------------

/// Widths of the list's amount columns.
fn list_aw(app: &App, tab: RepTab) -> usize {
    let s = &app.reports;
    match tab {
        RepTab::Ledger => s.gl.as_ref().map_or(11, |g| {
            widest(
                &[
                    g.totals.debit,
                    g.totals.credit,
                    g.totals.opening_debit,
                    g.totals.closing_debit,
                    g.totals.closing_credit,
                ],
                10,
            )
        }),
        RepTab::Smt => s.smt.as_ref().map_or(11, |m| {
            widest(
                &[
                    m.summary.receipts,
                    m.summary.payments,
                    m.summary.opening,
                    m.summary.closing,
                ],
                10,
            )
        }),
        RepTab::Income => s.income.as_ref().map_or(12, |i| {
            widest(&i.lines.iter().map(|l| l.amount).collect::<Vec<_>>(), 11)
        }),
        RepTab::Sheet => s
            .sheet
            .as_ref()
            .map_or(12, |b| widest(&[b.total_actif, b.total_passif], 11)),
        RepTab::Stock => s
            .stock
            .as_ref()
            .map_or(12, |st| widest(&[st.total_value, st.total_ledger], 11)),
        _ => 11,
    }
}

/// The column headings of a list report.
fn list_header(app: &App, tab: RepTab, w: usize, aw: usize) -> String {
    match tab {
        RepTab::Ledger => {
            let wide = w >= 100;
            let memo_w = gl_memo_w(w, aw, wide);
            let mut s = format!(" {} ", fit(&tr("col-date"), 10));
            if wide {
                s.push_str(&format!(
                    "{} {} ",
                    fit(&tr("col-number"), 11),
                    fit(&tr("col-doc"), 12)
                ));
            }
            s.push_str(&format!(
                "{} {} {} {}",
                fit(&tr("col-memo"), memo_w),
                rfit(&tr("col-debit"), aw),
                rfit(&tr("col-credit"), aw),
                rfit(&tr("col-balance"), aw + 2)
            ));
            s
        }
        RepTab::Smt => format!(
            " {} {} {} {}",
            fit(&tr("col-account"), 8),
            fit(&tr("col-name"), flex(w, &[8, aw, aw])),
            rfit(&tr("rep-col-receipts"), aw),
            rfit(&tr("rep-col-payments"), aw)
        ),
        RepTab::Income => format!(
            " {} {} {}",
            fit(&tr("rep-col-ref"), 3),
            fit(&tr("rep-col-heading"), flex(w, &[3, aw])),
            rfit(&tr("rep-col-amount"), aw)
        ),
        RepTab::Sheet => {
            let (lw, three) = sheet_widths(w, aw);
            let mut s = format!(
                " {} {}",
                fit(&tr("rep-col-ref"), 3),
                fit(&tr("rep-col-heading"), lw)
            );
            if three {
                s.push_str(&format!(
                    " {} {}",
                    rfit(&tr("rep-col-gross"), aw),
                    rfit(&tr("rep-col-depreciation"), aw)
                ));
            }
            s.push_str(&format!(" {}", rfit(&tr("rep-col-net"), aw)));
            s
        }
        RepTab::Stock => {
            let (cw, qw, uw) = stock_widths(app);
            format!(
                " {} {} {} {} {}",
                fit(&tr("rep-col-item"), cw),
                fit(&tr("col-name"), flex(w, &[cw, qw, uw, aw])),
                rfit(&tr("rep-col-qty"), qw),
                rfit(&tr("rep-col-unit-cost"), uw),
                rfit(&tr("rep-col-value"), aw)
            )
        }
        _ => String::new(),
    }
}

/// Widths of the stock's item code, quantity and unit cost columns.
fn stock_widths(app: &App) -> (usize, usize, usize) {
    let cw = app
        .reports
        .stock
        .as_ref()
        .and_then(|s| s.items.iter().map(|i| i.item.width()).max())
        .unwrap_or(8)
        .clamp(tr("rep-col-item").width(), 16);
    (cw, 11, 10)
}

fn gl_memo_w(w: usize, aw: usize, wide: bool) -> usize {
    if wide {
        flex(w, &[10, 11, 12, aw, aw, aw + 2])
    } else {
        flex(w, &[10, aw, aw, aw + 2])
    }
}

fn sheet_widths(w: usize, aw: usize) -> (usize, bool) {
    let three = w >= 1 + 4 + 24 + 3 * (aw + 1);
    let lw = if three {
        flex(w, &[3, aw, aw, aw])
    } else {
        flex(w, &[3, aw])
    };
    (lw, three)
}

/// One row's text and style (`None`: the plain style, the cursor's when
/// selected).
fn row_text(app: &App, row: Row, w: usize, aw: usize) -> (String, Option<Role>) {
    let s = &app.reports;
    let name_w = flex(w, &[8, aw, aw]);
    match row {
        Row::Blank => (String::new(), Some(Role::Normal)),
        // ---- general ledger
        Row::GlHead(i) => {
            let a = &s.gl.as_ref().expect("gl").accounts[i];
            let wide = w >= 100;
            let lead = 10 + 1 + if wide { 25 } else { 0 } + gl_memo_w(w, aw, wide);
            (
                format!(
                    "{} {} {} {}",
                    fit(
                        &t!(
                            "rep-gl-head",
                            account = a.account.clone(),
                            name = {
                                let room = lead.saturating_sub(
                                    t!("rep-gl-head", account = a.account.clone(), name = "")
                                        .width(),
                                );
                                fit(&a.name, room.min(a.name.width()))
                                    .trim_end()
                                    .to_string()
                            }
                        ),
                        lead
                    ),
                    fit("", aw),
                    fit("", aw),
                    rfit(&balance(a.opening), aw + 2)
                ),
                Some(Role::Key),
            )
        }
        Row::GlLine(i, j) => {
            let x = &s.gl.as_ref().expect("gl").accounts[i].lines[j];
            let wide = w >= 100;
            let memo_w = gl_memo_w(w, aw, wide);
            let memo = if x.label.is_empty() {
                x.memo.clone()
            } else {
                x.label.clone()
            };
            let mut t = format!("{} ", fit(&date(x.date), 10));
            if wide {
                t.push_str(&format!(
                    "{} {} ",
                    fit(&x.number.to_string(), 11),
                    fit(&x.doc_ref, 12)
                ));
            }
            t.push_str(&format!(
                "{} {} {} {}",
                fit(&memo, memo_w),
                rfit(&amt(x.debit), aw),
                rfit(&amt(x.credit), aw),
                rfit(&balance(x.balance), aw + 2)
            ));
            (t, None)
        }
        Row::GlTotal(i) => {
            let a = &s.gl.as_ref().expect("gl").accounts[i];
            let wide = w >= 100;
            let lead = 10 + 1 + if wide { 25 } else { 0 } + gl_memo_w(w, aw, wide);
            (
                format!(
                    "{} {} {} {}",
                    fit(&t!("rep-gl-total", account = a.account.clone()), lead),
                    rfit(&amt0(a.debit), aw),
                    rfit(&amt0(a.credit), aw),
                    rfit(&balance(a.closing), aw + 2)
                ),
                Some(Role::Title),
            )
        }
        // ---- SMT
        Row::SmtHead(i) => {
            let a = &s.smt.as_ref().expect("smt").accounts[i];
            (
                t!(
                    "rep-smt-head",
                    account = a.account.clone(),
                    name = a.name.clone(),
                    opening = amt0(a.opening)
                ),
                Some(Role::Key),
            )
        }
        Row::SmtLine(i, j) | Row::SmtTransfer(i, j) => {
            let a = &s.smt.as_ref().expect("smt").accounts[i];
            let transfer = matches!(row, Row::SmtTransfer(..));
            let l = if transfer {
                &a.transfers[j]
            } else {
                &a.lines[j]
            };
            let name = if transfer {
                t!("rep-smt-transfer", name = l.name.clone())
            } else {
                l.name.clone()
            };
            (
                format!(
                    "{} {} {} {}",
                    fit(&l.account, 8),
                    fit(&name, name_w),
                    rfit(&amt(l.receipts), aw),
                    rfit(&amt(l.payments), aw)
                ),
                None,
            )
        }
        Row::SmtClosing(i) => {
            let a = &s.smt.as_ref().expect("smt").accounts[i];
            let sign = if a.balanced { "✓" } else { "✗" };
            (
                format!(
                    "{} {} {} {}",
                    fit("", 8),
                    fit(
                        &format!("{} {sign}", t!("rep-smt-closing", amount = amt0(a.closing))),
                        name_w
                    ),
                    rfit(&amt0(plus(a.receipts, a.transfers_in)), aw),
                    rfit(&amt0(plus(a.payments, a.transfers_out)), aw)
                ),
                Some(if a.balanced { Role::Title } else { Role::Alert }),
            )
        }
        Row::SmtAllHead => {
            let m = &s.smt.as_ref().expect("smt").summary;
            (
                t!("rep-smt-all-head", opening = amt0(m.opening)),
                Some(Role::Key),
            )
        }
        Row::SmtAllLine(i) => {
            let l = &s.smt.as_ref().expect("smt").summary.lines[i];
            (
                format!(
                    "{} {} {} {}",
                    fit(&l.account, 8),
                    fit(&l.name, name_w),
                    rfit(&amt(l.receipts), aw),
                    rfit(&amt(l.payments), aw)
                ),
                None,
            )
        }
        Row::SmtAllClosing => {
            let m = &s.smt.as_ref().expect("smt").summary;
            let sign = if m.balanced { "✓" } else { "✗" };
            (
                format!(
                    "{} {} {} {}",
                    fit("", 8),
                    fit(
                        &format!("{} {sign}", t!("rep-smt-closing", amount = amt0(m.closing))),
                        name_w
                    ),
                    rfit(&amt0(m.receipts), aw),
                    rfit(&amt0(m.payments), aw)
                ),
                Some(if m.balanced { Role::Title } else { Role::Alert }),
            )
        }
        // ---- income statement
        Row::Income(i) => {
            let l = &s.income.as_ref().expect("income").lines[i];
            (
                format!(
                    "{} {} {}",
                    fit(l.code, 3),
                    fit(&l.label, flex(w, &[3, aw])),
                    rfit(&amt0(l.amount), aw)
                ),
                l.total.then_some(Role::Title),
            )
        }
        Row::IncomeAccount(i, j) => {
            let a = &s.income.as_ref().expect("income").lines[i].accounts[j];
            (
                format!(
                    "{} {} {}",
                    fit("", 3),
                    fit(&format!("  {} {}", a.account, a.name), flex(w, &[3, aw])),
                    rfit(&amt0(a.amount), aw)
                ),
                Some(Role::Muted),
            )
        }
        // ---- balance sheet
        Row::SheetHead(side) => (
            tr(if side {
                "rep-sheet-assets"
            } else {
                "rep-sheet-liabilities"
            }),
            Some(Role::Key),
        ),
        Row::Sheet(side, i) | Row::SheetAccount(side, i, _) => {
            let b = s.sheet.as_ref().expect("sheet");
            let l = if side { &b.actif[i] } else { &b.passif[i] };
            let (lw, three) = sheet_widths(w, aw);
            let (code, label, g, d, n, role) = match row {
                Row::SheetAccount(_, _, j) => {
                    let a = &l.accounts[j];
                    (
                        "",
                        format!("  {} {}", a.account, a.name),
                        String::new(),
                        String::new(),
                        amt0(a.amount),
                        Some(Role::Muted),
                    )
                }
                _ => (
                    l.code,
                    l.label.clone(),
                    amt(l.gross),
                    amt(l.depreciation),
                    amt0(l.net),
                    l.total.then_some(Role::Title),
                ),
            };
            let mut t = format!("{} {}", fit(code, 3), fit(&label, lw));
            if three {
                t.push_str(&format!(" {} {}", rfit(&g, aw), rfit(&d, aw)));
            }
            t.push_str(&format!(" {}", rfit(&n, aw)));
            (t, role)
        }
        // ---- stock
        Row::StockItem(i) => {
            let it = &s.stock.as_ref().expect("stock").items[i];
            let (cw, qw, uw) = stock_widths(app);
            let cost = it
                .unit_cost
                .map(|c| crate::domain::coop::format_unit_cost(c, lang()))
                .unwrap_or_default();
            (
                format!(
                    "{} {} {} {} {}",
                    fit(&it.item, cw),
                    fit(&it.name, flex(w, &[cw, qw, uw, aw])),
                    rfit(&super::super::coop::qty_unit(it.qty, it.unit), qw),
                    rfit(&cost, uw),
                    rfit(&amt0(it.value), aw)
                ),
                None,
            )
        }
        Row::StockHead => (
            format!(
                "{} {} {} {} {}",
                fit(&tr("col-account"), 8),
                fit(&tr("rep-stock-accounts"), flex(w, &[8, aw, aw, aw])),
                rfit(&tr("rep-col-items-value"), aw),
                rfit(&tr("rep-col-ledger"), aw),
                rfit(&tr("rep-col-difference"), aw)
            ),
            Some(Role::Title),
        ),
        Row::StockAccount(i) => {
            let a = &s.stock.as_ref().expect("stock").accounts[i];
            let diff = if a.balanced {
                "✓".to_string()
            } else {
                amt0(a.difference)
            };
            (
                format!(
                    "{} {} {} {} {}",
                    fit(&a.account, 8),
                    fit(&a.name, flex(w, &[8, aw, aw, aw])),
                    rfit(&amt0(a.items_value), aw),
                    rfit(&amt0(a.ledger_balance), aw),
                    rfit(&diff, aw)
                ),
                Some(if a.balanced {
                    Role::Normal
                } else {
                    Role::Alert
                }),
            )
        }
        Row::Trial(_) | Row::Aging(_) => (String::new(), None),
    }
}

/// The footer of a list report: its check.
fn footer(app: &App, tab: RepTab) -> Option<Line<'static>> {
    let s = &app.reports;
    let lg = lang();
    Some(match tab {
        RepTab::Ledger => {
            let g = s.gl.as_ref()?;
            let t = &g.totals;
            check_line(
                app,
                g.balanced,
                t!(
                    "rep-gl-footer",
                    count = g.accounts.len() as i64,
                    debit = amt0(t.debit),
                    credit = amt0(t.credit)
                ),
            )
        }
        RepTab::Smt => {
            let m = s.smt.as_ref()?;
            check_line(
                app,
                m.balanced,
                if m.balanced {
                    t!("rep-smt-footer-ok", closing = m.summary.closing.format(lg))
                } else {
                    t!(
                        "rep-smt-footer-bad",
                        closing = m.summary.closing.format(lg),
                        ledger = m.summary.ledger_closing.format(lg)
                    )
                },
            )
        }
        RepTab::Income => {
            let i = s.income.as_ref()?;
            let key = if i.net_result.is_negative() {
                "rep-income-loss"
            } else {
                "rep-income-profit"
            };
            check_line(
                app,
                i.balanced,
                t!(
                    key,
                    amount = i
                        .net_result
                        .checked_abs()
                        .unwrap_or(i.net_result)
                        .format(lg)
                ),
            )
        }
        RepTab::Sheet => {
            let b = s.sheet.as_ref()?;
            let ok = b.total_actif == b.total_passif;
            let mut text = if ok {
                t!("rep-sheet-ok", amount = b.total_actif.format(lg))
            } else {
                t!(
                    "rep-sheet-bad",
                    assets = b.total_actif.format(lg),
                    liabilities = b.total_passif.format(lg)
                )
            };
            if !b.result_not_closed.is_zero() {
                text.push_str(&format!(
                    " · {}",
                    t!("rep-sheet-result", amount = amt0(b.result_not_closed))
                ));
            }
            check_line(app, ok && b.unclassified.is_empty(), text)
        }
        RepTab::Stock => {
            let st = s.stock.as_ref()?;
            check_line(
                app,
                st.balanced,
                if st.balanced {
                    t!("rep-stock-ok", amount = st.total_value.format(lg))
                } else {
                    t!(
                        "rep-stock-bad",
                        items = st.total_value.format(lg),
                        ledger = st.total_ledger.format(lg)
                    )
                },
            )
        }
        _ => return None,
    })
}

/// Whether the report was read.
fn loaded(app: &App, tab: RepTab) -> bool {
    let s = &app.reports;
    match tab {
        RepTab::Ledger => s.gl.is_some(),
        RepTab::Smt => s.smt.is_some(),
        RepTab::Income => s.income.is_some(),
        RepTab::Sheet => s.sheet.is_some(),
        RepTab::Stock => s.stock.is_some(),
        _ => true,
    }
}

fn draw_list(f: &mut Frame, app: &App, tab: RepTab, r: Rect) {
    let w = r.width as usize;
    if !loaded(app, tab) {
        line_at(f, r, r.y + 2, loading(app));
        return;
    }
    let aw = list_aw(app, tab);
    line_at(
        f,
        r,
        r.y + 2,
        header(app, list_header(app, tab, w.saturating_sub(1), aw)),
    );
    let list = list_area(app);
    let nav = app.reports.navs[tab.index()];
    let all = rows(app, tab);
    let mut lines = vec![];
    for (i, row) in all
        .iter()
        .enumerate()
        .skip(nav.offset)
        .take(list.height as usize)
    {
        let (text, role) = row_text(app, *row, w.saturating_sub(1), aw);
        let selected = i == nav.cursor;
        let line = row_line(app, text, selected);
        lines.push(match role {
            Some(role) if !selected => line.style(app.theme.style(role)),
            _ => line,
        });
    }
    if all.is_empty() {
        lines.push(muted(app, tr("rep-empty")));
    }
    f.render_widget(Paragraph::new(lines), list);
    if let Some(l) = footer(app, tab) {
        line_at(f, r, r.y + r.height.saturating_sub(1), l);
    }
}

// ---- the drill-down ---------------------------------------------------------------

/// Where the drill-down is: `Balance › 5711 Caisse › N° 2026-000123 ›
/// Pièce`.
fn crumbs(app: &App, tab: RepTab, width: usize) -> String {
    let mut parts = vec![tr(tab.title_key())];
    // The account's name gives way first, so the levels after it show.
    let mut name_at = None;
    for level in &app.reports.drill {
        parts.push(match level {
            Level::Ledger { account, name, .. } => {
                name_at = Some((parts.len(), account.clone(), name.clone()));
                format!("{account} {name}")
            }
            Level::Entry { number, .. } => t!("rep-crumb-entry", number = number.to_string()),
            Level::Document { .. } => tr("rep-crumb-document"),
        });
    }
    let line = |p: &[String]| format!(" {}", p.join(" › "));
    let over = line(&parts).width().saturating_sub(width);
    if over > 0
        && let Some((i, account, name)) = name_at
    {
        let keep = name.width().saturating_sub(over).max(8);
        parts[i] = format!("{account} {}", fit(&name, keep).trim_end());
    }
    line(&parts)
}

fn draw_drill(f: &mut Frame, app: &App, tab: RepTab, r: Rect) {
    let th = app.theme;
    line_at(
        f,
        r,
        r.y,
        Line::styled(
            fit(&crumbs(app, tab, r.width as usize), r.width as usize),
            th.style(Role::Selected),
        ),
    );
    let body = Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1));
    match app.reports.drill.last() {
        Some(Level::Ledger { .. }) => draw_ledger(f, app, r),
        Some(Level::Entry { view, scroll, .. }) => match view {
            Some(v) => draw_entry_scrolled(f, app, v, body, *scroll),
            None => f.render_widget(Paragraph::new(loading(app)), body),
        },
        Some(Level::Document { doc, scroll, .. }) => match doc {
            Some(d) => {
                let entry = app.reports.drill.iter().rev().find_map(|l| match l {
                    Level::Entry { view: Some(v), .. } => Some(v.as_ref()),
                    _ => None,
                });
                let lines = document_lines(app, d, entry, body.width as usize);
                f.render_widget(
                    Paragraph::new(lines)
                        .wrap(Wrap { trim: false })
                        .scroll((*scroll, 0)),
                    body,
                );
            }
            None => f.render_widget(Paragraph::new(loading(app)), body),
        },
        None => {}
    }
}

fn draw_ledger(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let Some(Level::Ledger {
        account,
        name,
        range,
        opening,
        lines,
        nav,
    }) = app.reports.drill.last()
    else {
        return;
    };
    let w = r.width as usize;
    let p = period(app);
    line_at(
        f,
        r,
        r.y + 1,
        Line::styled(
            fit(
                &format!(
                    " {}",
                    t!(
                        "rep-ledger-title",
                        account = account.clone(),
                        name = name.clone(),
                        period = p.label(),
                        from = date(range.from),
                        opening = balance_words(*opening)
                    )
                ),
                w,
            ),
            th.style(Role::Key),
        ),
    );
    let Some(lines) = lines else {
        line_at(f, r, r.y + 2, loading(app));
        return;
    };
    let aw = widest(
        &lines
            .iter()
            .flat_map(|l| [l.debit, l.credit, l.balance])
            .chain([*opening])
            .collect::<Vec<_>>(),
        10,
    );
    let wide = w >= 100;
    let memo_w = gl_memo_w(w.saturating_sub(1), aw, wide);
    let mut head = format!(" {} ", fit(&tr("col-date"), 10));
    if wide {
        head.push_str(&format!(
            "{} {} ",
            fit(&tr("col-number"), 11),
            fit(&tr("col-doc"), 12)
        ));
    }
    head.push_str(&format!(
        "{} {} {} {}",
        fit(&tr("col-memo"), memo_w),
        rfit(&tr("col-debit"), aw),
        rfit(&tr("col-credit"), aw),
        rfit(&tr("col-balance"), aw + 2)
    ));
    line_at(f, r, r.y + 2, header(app, head));
    let list = list_area(app);
    let mut out = vec![];
    for (i, x) in lines
        .iter()
        .enumerate()
        .skip(nav.offset)
        .take(list.height as usize)
    {
        let memo = if x.label.is_empty() {
            x.memo.clone()
        } else {
            x.label.clone()
        };
        let mut s = format!("{} ", fit(&date(x.date), 10));
        if wide {
            s.push_str(&format!(
                "{} {} ",
                fit(&x.number.to_string(), 11),
                fit(&x.doc_ref, 12)
            ));
        }
        s.push_str(&format!(
            "{} {} {} {}",
            fit(&memo, memo_w),
            rfit(&amt(x.debit), aw),
            rfit(&amt(x.credit), aw),
            rfit(&balance(x.balance), aw + 2)
        ));
        out.push(row_line(app, s, i == nav.cursor));
    }
    if lines.is_empty() {
        out.push(muted(app, tr("rep-ledger-empty")));
    }
    f.render_widget(Paragraph::new(out), list);
    let closing = lines.last().map(|x| x.balance).unwrap_or(*opening);
    let (d, c) = lines.iter().fold((0i64, 0i64), |(d, c), l| {
        (
            d.saturating_add(l.debit.francs()),
            c.saturating_add(l.credit.francs()),
        )
    });
    line_at(
        f,
        r,
        r.y + r.height.saturating_sub(1),
        muted(
            app,
            t!(
                "rep-ledger-footer",
                count = lines.len() as i64,
                debit = amt0(Fcfa::new(d)),
                credit = amt0(Fcfa::new(c)),
                closing = balance_words(closing)
            ),
        ),
    );
}

// ---- documents ---------------------------------------------------------------------

fn fact(app: &App, label: &str, value: String, lw: usize) -> Line<'static> {
    Line::from(vec![
        Span::styled(
            format!(" {} ", fit(label, lw)),
            app.theme.style(Role::Muted),
        ),
        Span::raw(value),
    ])
}

fn title_line(app: &App, text: String) -> Line<'static> {
    Line::styled(format!(" {text}"), app.theme.style(Role::Title))
}

/// The lines of a document, at width `w`.
pub fn document_lines(
    app: &App,
    d: &Document,
    entry: Option<&crate::store::EntryView>,
    w: usize,
) -> Vec<Line<'static>> {
    let th = app.theme;
    let lg = lang();
    let lw = 24;
    let mut out: Vec<Line<'static>> = vec![];
    match d {
        Document::Manual { doc_ref } => {
            out.push(title_line(app, tr("rep-doc-manual-title")));
            out.push(Line::from(""));
            out.push(Line::raw(format!(
                " {}",
                if doc_ref.is_empty() {
                    tr("rep-doc-manual-none")
                } else {
                    t!("rep-doc-manual", reference = doc_ref.clone())
                }
            )));
            if let Some(e) = entry {
                out.push(Line::from(""));
                out.push(fact(app, &tr("rep-doc-memo"), e.entry.memo.clone(), lw));
                out.push(fact(
                    app,
                    &tr("rep-doc-by"),
                    format!("{} · {}", e.entry.author, timestamp(&e.entry.recorded_at)),
                    lw,
                ));
            }
        }
        Document::Receipt { sale, text } => {
            let reference = super::super::coop::doc_ref(&sale.kind, sale.number);
            out.push(title_line(
                app,
                t!(
                    if sale.kind == "return" {
                        "rep-doc-return-title"
                    } else {
                        "rep-doc-receipt-title"
                    },
                    reference = reference,
                    date = date(sale.date)
                ),
            ));
            out.push(Line::from(""));
            let width = text.lines().map(|l| l.width()).max().unwrap_or(0);
            let pad = " ".repeat(w.saturating_sub(width + 4).min(4) + 2);
            for l in text.lines() {
                out.push(Line::raw(format!("{pad}│ {} │", fit(l, width))));
            }
        }
        Document::Stock { doc, moves, items } => {
            let reference = super::super::coop::doc_ref(&doc.kind, doc.number);
            out.push(title_line(
                app,
                t!(
                    "rep-doc-stock-title",
                    kind = tr(&format!("rep-doc-kind-{}", doc.kind)),
                    reference = reference,
                    date = date(doc.date)
                ),
            ));
            out.push(Line::from(""));
            if !doc.party.is_empty() {
                let label = if doc.kind == "donation" {
                    "rep-doc-donor"
                } else {
                    "rep-doc-supplier"
                };
                out.push(fact(app, &tr(label), doc.party.clone(), lw));
            }
            if !doc.reference.is_empty() {
                out.push(fact(
                    app,
                    &tr("rep-doc-their-ref"),
                    doc.reference.clone(),
                    lw,
                ));
            }
            if let Some(m) = doc.method {
                out.push(fact(
                    app,
                    &tr("rep-doc-method"),
                    super::super::coop::method_name(m),
                    lw,
                ));
            }
            if let Some(r) = &doc.recipe {
                let batches = doc.batches.map(|b| b.format(lg)).unwrap_or_default();
                out.push(fact(
                    app,
                    &tr("rep-doc-recipe"),
                    t!(
                        "rep-doc-recipe-value",
                        recipe = r.clone(),
                        batches = batches
                    ),
                    lw,
                ));
            }
            out.push(fact(app, &tr("rep-doc-total"), doc.total.format(lg), lw));
            if !doc.note.is_empty() {
                out.push(fact(app, &tr("rep-doc-note"), doc.note.clone(), lw));
            }
            out.push(fact(app, &tr("rep-doc-by"), doc.author.clone(), lw));
            out.push(Line::from(""));
            let (kw, qw, vw) = (12, 12, 12);
            let nw = flex(w, &[kw, qw, vw]);
            out.push(header(
                app,
                format!(
                    " {} {} {} {}",
                    fit(&tr("rep-col-item"), nw),
                    fit(&tr("rep-col-move"), kw),
                    rfit(&tr("rep-col-qty"), qw),
                    rfit(&tr("rep-col-value"), vw)
                ),
            ));
            for m in moves {
                let item = items.iter().find(|(c, _, _)| *c == m.item);
                let name = item.map_or_else(|| m.item.clone(), |(_, n, _)| n.clone());
                let qty = match item {
                    Some((_, _, u)) => super::super::coop::qty_unit(m.qty, *u),
                    None => m.qty.format(lg),
                };
                out.push(Line::raw(format!(
                    " {} {} {} {}",
                    fit(&name, nw),
                    fit(&tr(&format!("coop-move-{}", m.kind.code())), kw),
                    rfit(&qty, qw),
                    rfit(&amt0(m.value), vw)
                )));
            }
            if moves.is_empty() {
                out.push(muted(app, tr("rep-doc-no-moves")));
            }
        }
        Document::Payment(p) => {
            out.push(title_line(
                app,
                t!(
                    "rep-doc-payment-title",
                    reference = super::super::coop::doc_ref("payment", p.number),
                    date = date(p.date)
                ),
            ));
            out.push(Line::from(""));
            out.push(fact(app, &tr("rep-doc-customer"), p.customer.clone(), lw));
            out.push(fact(
                app,
                &tr("rep-doc-method"),
                super::super::coop::method_name(p.method),
                lw,
            ));
            out.push(fact(app, &tr("rep-doc-amount"), p.amount.format(lg), lw));
            out.push(fact(app, &tr("rep-doc-point"), p.point.clone(), lw));
            out.push(fact(app, &tr("rep-doc-by"), p.author.clone(), lw));
            out.push(Line::from(""));
            out.push(header(
                app,
                format!(
                    " {} {}",
                    fit(&tr("rep-doc-invoice"), 20),
                    rfit(&tr("rep-col-amount"), 14)
                ),
            ));
            for (inv, a) in &p.allocations {
                out.push(Line::raw(format!(
                    " {} {}",
                    fit(&super::super::coop::doc_ref("sale", *inv), 20),
                    rfit(&amt0(*a), 14)
                )));
            }
        }
        Document::DayClose(c) => {
            out.push(title_line(
                app,
                t!(
                    "rep-doc-dayclose-title",
                    period = c.period.clone(),
                    point = c.point.clone()
                ),
            ));
            out.push(Line::from(""));
            for (k, v) in [
                ("rep-doc-sales-count", c.sales_count.to_string()),
                ("rep-doc-sales-total", c.sales_total.format(lg)),
                ("rep-doc-returns-total", c.returns_total.format(lg)),
                ("rep-doc-cash-expected", c.cash_expected.format(lg)),
                ("rep-doc-cash-counted", c.cash_counted.format(lg)),
                ("rep-doc-difference", c.difference.format(lg)),
            ] {
                out.push(fact(app, &tr(k), v, lw));
            }
            if !c.reason.is_empty() {
                out.push(fact(app, &tr("rep-doc-reason"), c.reason.clone(), lw));
            }
            out.push(fact(
                app,
                &tr("rep-doc-closed"),
                format!("{} · {}", c.closed_by, timestamp(&c.closed_at)),
                lw,
            ));
        }
        Document::Meeting { view, close } => {
            meeting_lines(app, &view.0, close.as_ref(), w, &mut out)
        }
        Document::Facts { title, rows, note } => {
            out.push(title_line(app, title.clone()));
            out.push(Line::from(""));
            for (k, v) in rows {
                out.push(fact(app, k, v.clone(), lw));
            }
            if let Some(n) = note {
                out.push(Line::from(""));
                out.push(muted(app, n.clone()));
            }
        }
    }
    if let Some(e) = entry {
        out.push(Line::from(""));
        out.push(Line::styled(
            format!(
                " {}",
                t!(
                    "rep-doc-entry-footer",
                    number = e.entry.number.to_string(),
                    source = e
                        .entry
                        .source
                        .clone()
                        .unwrap_or_else(|| tr("entry-source-manual"))
                )
            ),
            th.style(Role::Muted),
        ));
    }
    out
}

/// A savings group's meeting: who came, what each paid and borrowed, the
/// totals, the social fund, the cash counted.
fn meeting_lines(
    app: &App,
    v: &MeetingView,
    close: Option<&crate::store::SgCloseRow>,
    w: usize,
    out: &mut Vec<Line<'static>>,
) {
    let lg = lang();
    let lw = 24;
    out.push(title_line(
        app,
        t!(
            "rep-doc-meeting-title",
            number = v.meeting.number,
            date = date(v.meeting.date),
            cycle = v.cycle
        ),
    ));
    out.push(Line::from(""));
    if let Some(c) = close {
        out.push(fact(
            app,
            &tr("rep-doc-closed"),
            format!("{} · {}", c.closed_by, timestamp(&c.closed_at)),
            lw,
        ));
        if !c.code.is_empty() {
            out.push(fact(app, &tr("rep-doc-code"), c.code.clone(), lw));
        }
        out.push(fact(
            app,
            &tr("rep-doc-cash-counted"),
            t!(
                "rep-doc-boxes",
                loan = c.counted_loan.format(lg),
                social = c.counted_social.format(lg)
            ),
            lw,
        ));
        if let Some(reason) = &c.reopen_reason {
            out.push(Line::styled(
                format!(
                    " ↺ {}",
                    t!(
                        "rep-doc-reopened",
                        by = c.reopened_by.clone().unwrap_or_default(),
                        reason = reason.clone()
                    )
                ),
                app.theme.style(Role::Warn),
            ));
        }
    } else {
        out.push(fact(
            app,
            &tr("rep-doc-opened-cash"),
            t!(
                "rep-doc-boxes",
                loan = v.opening_loan.format(lg),
                social = v.opening_social.format(lg)
            ),
            lw,
        ));
    }
    out.push(Line::from(""));
    let (no, att, sh, cw) = (4, 3, 6, 9);
    let nw = flex(w, &[no, att, sh, cw, cw, cw, cw]).max(10);
    out.push(header(
        app,
        format!(
            " {} {} {} {} {} {} {} {}",
            rfit(&tr("sg-tui-col-no"), no),
            fit(&tr("sg-tui-col-name"), nw),
            fit(&tr("sg-tui-col-att"), att),
            rfit(&tr("sg-tui-col-shares"), sh),
            rfit(&tr("sg-tui-col-savings"), cw),
            rfit(&tr("sg-tui-col-repay"), cw),
            rfit(&tr("sg-tui-col-fine"), cw),
            rfit(&tr("sg-tui-col-loan"), cw),
        ),
    ));
    for row in v.rows.iter().filter(|r| r.saved) {
        let i = &row.input;
        let savings = Fcfa::new(
            v.constitution
                .share_price
                .francs()
                .saturating_mul(i64::from(i.shares)),
        );
        out.push(Line::raw(format!(
            " {} {} {} {} {} {} {} {}",
            rfit(&row.member.number.to_string(), no),
            fit(&row.member.name, nw),
            fit(&tr(&format!("sg-tui-att-{}", i.attendance.code())), att),
            rfit(&i.shares.to_string(), sh),
            rfit(&amt(savings), cw),
            rfit(&amt(i.repay), cw),
            rfit(&amt(i.fine_paid), cw),
            rfit(&amt(i.new_loan), cw),
        )));
    }
    let t = &v.totals;
    out.push(Line::styled(
        format!(
            " {} {} {} {} {} {} {} {}",
            fit("", no),
            fit(&tr("rep-totals"), nw),
            fit("", att),
            rfit(&t.shares.to_string(), sh),
            rfit(&amt0(t.share_value), cw),
            rfit(&amt0(plus(t.repay_principal, t.repay_interest)), cw),
            rfit(&amt0(t.fines_paid), cw),
            rfit(&amt0(t.new_loans), cw),
        ),
        app.theme.style(Role::Title),
    ));
    out.push(Line::from(""));
    out.push(fact(
        app,
        &tr("rep-doc-attendance"),
        t!(
            "rep-doc-attendance-value",
            present = t.present,
            represented = t.represented,
            absent = t.absent
        ),
        lw,
    ));
    out.push(fact(
        app,
        &tr("rep-doc-social"),
        t!(
            "rep-doc-social-value",
            fees = t.social.format(lg),
            out = t.social_out.format(lg),
            back = t.social_in.format(lg)
        ),
        lw,
    ));
    for s in &v.social {
        out.push(Line::raw(format!(
            "   · {} {} — {} {}",
            s.member,
            s.name,
            s.amount.format(lg),
            s.reason
        )));
    }
    out.push(fact(
        app,
        &tr("rep-doc-boxes-after"),
        t!(
            "rep-doc-boxes",
            loan = v.closing_loan.format(lg),
            social = v.closing_social.format(lg)
        ),
        lw,
    ));
}
