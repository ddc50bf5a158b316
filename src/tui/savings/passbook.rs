//! The passbook: pick a member (`/` filters by name, accents and case
//! aside), Enter shows her statement: each meeting's shares, social fund,
//! repayment, fines and loan, the reversals of a reopened meeting marked
//! as such, social fund movements, nettings and share-outs; then her
//! totals. Esc goes back to the members.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::super::app::{App, Effect, ListFilter};
use super::super::input::ListNav;
use super::super::keymap::Cmd;
use super::super::theme::Role;
use super::super::view::{filter_line, fit, flex, header, loading, rfit, row_line};
use super::{SgEffect, SgState, amt, amt0, clamp, list_keys, org_code, role_name, short_date};
use crate::domain::money::Fcfa;
use crate::i18n::{lang, tr};
use crate::service::savings::PassbookLine;
use crate::t;

#[derive(Clone, Debug, Default)]
pub struct PassbookState {
    /// The members' list.
    pub nav: ListNav,
    pub filter: ListFilter,
    /// The member whose passbook is shown.
    pub member: Option<i64>,
    pub book: Option<crate::service::savings::Passbook>,
    pub lines_nav: ListNav,
    pub error: Option<String>,
}

/// Indices of the members the filter lets through.
pub fn visible(sg: &SgState) -> Vec<usize> {
    (0..sg.members.len())
        .filter(|&i| {
            let m = &sg.members[i];
            sg.passbook
                .filter
                .matches(&[&m.name, &m.number.to_string(), &m.phone])
        })
        .collect()
}

pub fn run(app: &mut App, cmd: Cmd) -> Option<Vec<Effect>> {
    match cmd {
        Cmd::Filter if app.sg.passbook.book.is_none() => {
            app.sg.passbook.filter.active = true;
            Some(vec![])
        }
        Cmd::Open => Some(open(app)),
        Cmd::Back => {
            let p = &mut app.sg.passbook;
            if p.member.is_some() {
                p.member = None;
                p.book = None;
                p.error = None;
                clamp(app);
                Some(vec![])
            } else if !p.filter.input.is_empty() {
                p.filter = ListFilter::default();
                clamp(app);
                Some(vec![])
            } else {
                None
            }
        }
        _ => list_keys(app, cmd),
    }
}

/// Enter on a member: her passbook.
pub fn open(app: &mut App) -> Vec<Effect> {
    if app.sg.passbook.member.is_some() {
        return vec![];
    }
    let Some(org) = org_code(app) else {
        return vec![];
    };
    let vis = visible(&app.sg);
    let Some(&i) = vis.get(app.sg.passbook.nav.cursor) else {
        return vec![];
    };
    let member = app.sg.members[i].number;
    let p = &mut app.sg.passbook;
    p.member = Some(member);
    p.book = None;
    p.error = None;
    p.lines_nav = ListNav::default();
    vec![Effect::Savings(SgEffect::Passbook {
        org,
        member,
        at: app.today,
    })]
}

pub fn draw(f: &mut Frame, app: &App, r: Rect) {
    let p = &app.sg.passbook;
    if p.member.is_some() {
        draw_book(f, app, r);
    } else {
        draw_members(f, app, r);
    }
}

fn draw_members(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let sg = &app.sg;
    let body = Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1));
    if !sg.loaded {
        f.render_widget(Paragraph::new(loading(app)), body);
        return;
    }
    let w = r.width as usize;
    let name_w = flex(w, &[4, 22, 12]).min(30);
    let mut lines = vec![header(
        app,
        format!(
            " {} {} {} {}",
            rfit(&tr("sg-tui-col-no"), 4),
            fit(&tr("sg-tui-col-name"), name_w),
            fit(&tr("sg-tui-col-role"), 22),
            fit(&tr("sg-tui-col-left"), 12)
        ),
    )];
    let list = super::super::layout::list_area(app);
    let vis = visible(sg);
    for (k, &i) in vis
        .iter()
        .enumerate()
        .skip(sg.passbook.nav.offset)
        .take(list.height as usize)
    {
        let m = &sg.members[i];
        let s = format!(
            "{} {} {} {}",
            rfit(&m.number.to_string(), 4),
            fit(&m.name, name_w),
            fit(&role_name(&m.role), 22),
            fit(&m.left_on.map(short_date).unwrap_or_default(), 12)
        );
        lines.push(row_line(app, s, k == sg.passbook.nav.cursor));
    }
    if sg.members.is_empty() {
        lines.push(Line::styled(
            format!(" {}", tr("sg-tui-members-empty")),
            th.style(Role::Muted),
        ));
    }
    f.render_widget(
        Paragraph::new(lines),
        Rect::new(body.x, body.y, body.width, body.height.saturating_sub(1)),
    );
    let fr = Rect::new(r.x, r.y + r.height.saturating_sub(1), r.width, 1);
    let st = &sg.passbook;
    let footer = if st.filter.active || !st.filter.input.is_empty() {
        filter_line(th, &st.filter, vis.len(), sg.members.len())
    } else {
        Line::styled(
            format!(" {}", tr("sg-tui-passbook-pick")),
            th.style(Role::Muted),
        )
    };
    f.render_widget(Paragraph::new(footer), fr);
}

/// The kind of a line, in words (a reversal clearly marked).
fn kind_text(l: &PassbookLine) -> String {
    match l.kind.as_str() {
        "meeting" => t!("sg-tui-pb-meeting", number = l.meeting),
        "reversal" => t!("sg-tui-pb-reversal", number = l.meeting),
        other => tr(&format!("sg-tui-pb-{other}")),
    }
}

fn signed(f: Fcfa) -> String {
    amt(f)
}

fn draw_book(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let lg = lang();
    let p = &app.sg.passbook;
    let body = Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1));
    let Some(b) = &p.book else {
        let line = match &p.error {
            Some(e) => Line::styled(format!(" ✗ {e}"), th.style(Role::Error)),
            None => loading(app),
        };
        f.render_widget(Paragraph::new(line).wrap(Wrap { trim: false }), body);
        return;
    };
    let w = r.width as usize;
    let wide = w >= 110;
    let aw = 8;
    let dw = if wide {
        10
    } else {
        short_date(NaiveDate::default()).width()
    };
    let mut fixed = vec![dw, 4, aw, 5, aw, 6, aw, aw];
    if wide {
        fixed.extend([6, aw, aw]);
    }
    let kind_w = flex(w, &fixed).min(if wide { 28 } else { 20 });
    let title = t!(
        "sg-tui-pb-title",
        number = b.member.number,
        name = b.member.name.clone(),
        price = b.share_price.format(lg)
    );
    let mut head = format!(
        " {} {} {} {} {} {} {} {} {}",
        fit(&tr("sg-tui-col-date"), dw),
        fit(&tr("sg-tui-col-what"), kind_w),
        rfit(&tr("sg-tui-col-shares-short"), 4),
        rfit(&tr("sg-tui-col-savings"), aw),
        rfit(&tr("sg-tui-col-social-short"), 5),
        rfit(&tr("sg-tui-col-repay"), aw),
        rfit(&tr("sg-tui-col-fine"), 6),
        rfit(&tr("sg-tui-col-loan"), aw),
        rfit(&tr("sg-tui-col-payout"), aw)
    );
    if wide {
        head.push_str(&format!(
            " {} {} {}",
            rfit(&tr("sg-tui-col-total-shares"), 6),
            rfit(&tr("sg-tui-col-total-savings"), aw),
            rfit(&tr("sg-tui-col-owes"), aw)
        ));
    }
    f.render_widget(
        Paragraph::new(vec![
            Line::styled(format!(" {title}"), th.style(Role::Title)),
            header(app, head),
        ]),
        Rect::new(body.x, body.y, body.width, 2),
    );
    let list = super::super::layout::list_area(app);
    let mut lines = vec![];
    for (k, l) in b
        .lines
        .iter()
        .enumerate()
        .skip(p.lines_nav.offset)
        .take(list.height as usize)
    {
        let date = if wide {
            crate::i18n::date(l.date, lg)
        } else {
            short_date(l.date)
        };
        let repay = Fcfa::new(l.repay_principal.francs() + l.repay_interest.francs());
        let fine = if l.fine_levied.is_zero() {
            l.fine_paid
        } else {
            l.fine_levied
        };
        let mut what = kind_text(l);
        if l.kind == "social" && !l.note.is_empty() {
            what = format!("{what} {}", l.note);
        }
        let shares = if l.shares == 0 {
            String::new()
        } else {
            l.shares.to_string()
        };
        let mut s = format!(
            "{} {} {} {} {} {} {} {} {}",
            fit(&date, dw),
            fit(&what, kind_w),
            rfit(&shares, 4),
            rfit(&signed(l.savings), aw),
            rfit(&signed(l.social), 5),
            rfit(&signed(repay), aw),
            rfit(&signed(fine), 6),
            rfit(&signed(l.new_loan), aw),
            rfit(&signed(l.payout), aw)
        );
        if wide {
            s.push_str(&format!(
                " {} {} {}",
                rfit(&l.shares_total.to_string(), 6),
                rfit(&amt0(l.savings_total), aw),
                rfit(&amt(l.loan_balance), aw)
            ));
        }
        let here = k == p.lines_nav.cursor;
        let line = row_line(app, s, here);
        lines.push(if !here && l.kind == "reversal" {
            line.style(th.style(Role::Warn))
        } else {
            line
        });
    }
    if b.lines.is_empty() {
        lines.push(Line::styled(
            format!(" {}", tr("sg-tui-pb-empty")),
            th.style(Role::Muted),
        ));
    }
    f.render_widget(Paragraph::new(lines), list);
    let mut foot = vec![Line::styled(
        format!(
            " {}",
            t!(
                "sg-tui-pb-totals",
                shares = b.shares,
                savings = b.savings.format(lg),
                loan = amt0(b.loan_balance),
                fines = amt0(b.fines_owed)
            )
        ),
        th.style(Role::Key),
    )];
    if b.ledger_savings != b.savings {
        foot.push(Line::styled(
            format!(
                " ⚠ {}",
                t!(
                    "sg-tui-pb-ledger-differs",
                    amount = b.ledger_savings.format(lg)
                )
            ),
            th.style(Role::Warn),
        ));
    } else {
        foot.push(Line::styled(
            format!(
                " {}",
                t!("sg-tui-pb-ledger-ok", account = b.member.account.clone())
            ),
            th.style(Role::Muted),
        ));
    }
    if let Some(sel) = b.lines.get(p.lines_nav.cursor) {
        let mut s = String::new();
        if let Some(e) = &sel.entry {
            s = t!("sg-tui-row-entry", entry = e.clone());
        }
        if sel.kind == "reversal" && !sel.note.is_empty() {
            s.push_str(" · ");
            s.push_str(&t!("sg-tui-pb-reverses", entry = sel.note.clone()));
        }
        foot.push(Line::styled(format!(" {s}"), th.style(Role::Muted)));
    }
    let bottom = Rect::new(r.x, r.y + r.height.saturating_sub(3), r.width, 3);
    f.render_widget(Paragraph::new(foot), bottom);
}
