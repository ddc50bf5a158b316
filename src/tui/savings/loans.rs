//! The loan register: every loan of the cycle (number, member, principal,
//! mode, disbursed, due, paid, balance, days overdue); Enter shows its
//! schedule and its payments; `w` writes off what is still owed (a reason
//! and two approving users).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::super::app::{App, Effect, ListFilter};
use super::super::input::ListNav;
use super::super::keymap::Cmd;
use super::super::theme::Role;
use super::super::view::{filter_line, fit, flex, header, loading, rfit, row_line};
use super::dialog::Dialog;
use super::{SgState, amt, amt0, clamp, list_keys, mode_name, open_dialog, refuse_read_only};
use crate::i18n::{lang, tr};
use crate::service::savings::LoanView;
use crate::t;

#[derive(Clone, Debug, Default)]
pub struct LoansState {
    pub rows: Vec<LoanView>,
    pub loaded: bool,
    pub nav: ListNav,
    pub filter: ListFilter,
    /// The loan shown with its schedule (by number).
    pub detail: Option<i64>,
    pub detail_nav: ListNav,
}

/// Indices of the loans the filter lets through.
pub fn visible(sg: &SgState) -> Vec<usize> {
    (0..sg.loans.rows.len())
        .filter(|&i| {
            let l = &sg.loans.rows[i];
            sg.loans
                .filter
                .matches(&[&l.name, &l.loan.number.to_string(), &l.member.to_string()])
        })
        .collect()
}

fn selected(sg: &SgState) -> Option<&LoanView> {
    visible(sg)
        .get(sg.loans.nav.cursor)
        .map(|&i| &sg.loans.rows[i])
}

fn shown(sg: &SgState) -> Option<&LoanView> {
    let n = sg.loans.detail?;
    sg.loans.rows.iter().find(|l| l.loan.number == n)
}

/// The lines of a loan's detail: its schedule, then its payments.
pub fn detail_len(sg: &SgState) -> usize {
    shown(sg).map_or(0, |l| l.schedule.len() + l.payments.len() + 3)
}

pub fn loaded(app: &mut App, rows: Vec<LoanView>) {
    let fresh = !app.sg.loans.loaded;
    app.sg.loans.rows = rows;
    app.sg.loans.loaded = true;
    if fresh {
        app.sg.loans.nav = ListNav::default();
    }
    clamp(app);
}

pub fn run(app: &mut App, cmd: Cmd) -> Option<Vec<Effect>> {
    match cmd {
        Cmd::Filter if app.sg.loans.detail.is_none() => app.sg.loans.filter.active = true,
        Cmd::Open => return Some(open(app)),
        Cmd::Back => {
            let l = &mut app.sg.loans;
            if l.detail.is_some() {
                l.detail = None;
                clamp(app);
            } else if !l.filter.input.is_empty() {
                l.filter = ListFilter::default();
                clamp(app);
            } else {
                return None;
            }
        }
        Cmd::Up | Cmd::Down | Cmd::PageUp | Cmd::PageDown if app.sg.loans.detail.is_some() => {
            let h = app.list_height();
            let len = detail_len(&app.sg);
            let step = match cmd {
                Cmd::Up => -1,
                Cmd::Down => 1,
                Cmd::PageUp => -(h as isize),
                _ => h as isize,
            };
            let nav = &mut app.sg.loans.detail_nav;
            let top = len.saturating_sub(h) as isize;
            nav.offset = (nav.offset as isize + step).clamp(0, top.max(0)) as usize;
            nav.cursor = nav.offset;
        }
        Cmd::SgWriteOff => {
            if refuse_read_only(app) {
                return Some(vec![]);
            }
            let loan = match app.sg.loans.detail {
                Some(_) => shown(&app.sg).cloned(),
                None => selected(&app.sg).cloned(),
            };
            if let Some(l) = loan {
                if l.status.closed || l.loan.written_off.is_some() {
                    super::set_status(
                        app,
                        super::super::app::Level::Info,
                        t!("sg-tui-loan-closed", number = l.loan.number),
                    );
                } else {
                    let d = Dialog::write_off(app, &l);
                    open_dialog(app, d);
                }
            }
        }
        _ => return list_keys(app, cmd),
    }
    Some(vec![])
}

/// Enter on a loan: its schedule and payments.
pub fn open(app: &mut App) -> Vec<Effect> {
    if app.sg.loans.detail.is_some() {
        return vec![];
    }
    if let Some(n) = selected(&app.sg).map(|l| l.loan.number) {
        app.sg.loans.detail = Some(n);
        app.sg.loans.detail_nav = ListNav::default();
        clamp(app);
    }
    vec![]
}

fn status_text(l: &LoanView) -> (String, Role) {
    if l.loan.written_off.is_some() {
        (tr("sg-tui-loan-written-off"), Role::Muted)
    } else if l.status.closed {
        (tr("sg-tui-loan-repaid"), Role::Success)
    } else if l.status.days_overdue > 0 {
        (
            t!("sg-tui-days-late-short", days = l.status.days_overdue),
            Role::Warn,
        )
    } else if l.status.rolled_over {
        (tr("sg-tui-loan-rolled"), Role::Warn)
    } else {
        (String::new(), Role::Normal)
    }
}

pub fn draw(f: &mut Frame, app: &App, r: Rect) {
    let sg = &app.sg;
    let body = Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1));
    if !sg.loans.loaded {
        f.render_widget(Paragraph::new(loading(app)), body);
        return;
    }
    match shown(sg) {
        Some(l) => draw_detail(f, app, l, r),
        None => draw_list(f, app, r),
    }
}

fn draw_list(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let sg = &app.sg;
    let body = Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1));
    let w = r.width as usize;
    let wide = w >= 100;
    let dw = if wide { 10 } else { 9 };
    let (nw, aw, mw, sw) = (3, 8, if wide { 10 } else { 6 }, if wide { 12 } else { 6 });
    let name_w = flex(w, &[nw, aw, mw, dw, dw, aw, aw, sw]);
    let date = |d| {
        if wide {
            crate::i18n::date(d, lang())
        } else {
            super::short_date(d)
        }
    };
    let head = format!(
        " {} {} {} {} {} {} {} {} {}",
        rfit(&tr("sg-tui-col-loan-no"), nw),
        fit(&tr("sg-tui-col-name"), name_w),
        rfit(&tr("sg-tui-col-lent"), aw),
        fit(&tr("sg-tui-col-mode"), mw),
        fit(&tr("sg-tui-col-disbursed"), dw),
        fit(&tr("sg-tui-col-due"), dw),
        rfit(&tr("sg-tui-col-paid-total"), aw),
        rfit(&tr("sg-tui-col-balance"), aw),
        fit(&tr("sg-tui-col-late"), sw)
    );
    let mut lines = vec![header(app, head)];
    let list = super::super::layout::list_area(app);
    let vis = visible(sg);
    for (k, &i) in vis
        .iter()
        .enumerate()
        .skip(sg.loans.nav.offset)
        .take(list.height as usize)
    {
        let l = &sg.loans.rows[i];
        let (st, role) = status_text(l);
        let mode = if l.loan.fund == "social" {
            tr("sg-tui-loan-social")
        } else {
            mode_name(l.loan.mode)
        };
        let paid = crate::domain::money::Fcfa::new(
            l.status.principal_paid.francs() + l.status.interest_paid.francs(),
        );
        let s = format!(
            "{} {} {} {} {} {} {} {} {}",
            rfit(&l.loan.number.to_string(), nw),
            fit(
                &if wide {
                    format!("{} {}", l.member, l.name)
                } else {
                    l.name.clone()
                },
                name_w
            ),
            rfit(&amt0(l.loan.principal), aw),
            fit(&mode, mw),
            fit(&date(l.loan.disbursed), dw),
            fit(&date(l.status.due), dw),
            rfit(&amt(paid), aw),
            rfit(&amt(l.status.balance), aw),
            fit(&st, sw)
        );
        let here = k == sg.loans.nav.cursor;
        let line = row_line(app, s, here);
        lines.push(if !here && role != Role::Normal {
            line.style(th.style(role))
        } else {
            line
        });
    }
    if sg.loans.rows.is_empty() {
        lines.push(Line::styled(
            format!(" {}", tr("sg-tui-loans-empty")),
            th.style(Role::Muted),
        ));
    }
    f.render_widget(
        Paragraph::new(lines),
        Rect::new(body.x, body.y, body.width, body.height.saturating_sub(1)),
    );
    let fr = Rect::new(r.x, r.y + r.height.saturating_sub(1), r.width, 1);
    let st = &sg.loans;
    let footer = if st.filter.active || !st.filter.input.is_empty() {
        filter_line(th, &st.filter, vis.len(), st.rows.len())
    } else {
        let live: Vec<&LoanView> = st
            .rows
            .iter()
            .filter(|l| !l.status.closed && l.loan.written_off.is_none())
            .collect();
        let out: i64 = live.iter().map(|l| l.status.balance.francs()).sum();
        let late = live.iter().filter(|l| l.status.days_overdue > 0).count();
        Line::styled(
            format!(
                " {}",
                t!(
                    "sg-tui-loans-footer",
                    count = live.len() as i64,
                    amount = amt0(crate::domain::money::Fcfa::new(out)),
                    late = late as i64
                )
            ),
            th.style(Role::Muted),
        )
    };
    f.render_widget(Paragraph::new(footer), fr);
}

fn draw_detail(f: &mut Frame, app: &App, l: &LoanView, r: Rect) {
    let th = app.theme;
    let lg = lang();
    let body = Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1));
    let (st, role) = status_text(l);
    let mut lines = vec![
        Line::styled(
            format!(
                " {}",
                t!(
                    "sg-tui-loan-title",
                    number = l.loan.number,
                    member = l.member,
                    name = l.name.clone(),
                    principal = l.loan.principal.format(lg)
                )
            ),
            th.style(Role::Title),
        ),
        Line::raw(format!(
            " {}{}",
            t!(
                "sg-tui-loan-terms",
                mode = mode_name(l.loan.mode),
                rate = super::pct(l.loan.rate),
                term = i64::from(l.loan.term),
                disbursed = crate::i18n::date(l.loan.disbursed, lg),
                due = crate::i18n::date(l.status.due, lg)
            ),
            if st.is_empty() {
                String::new()
            } else {
                format!(" · {st}")
            }
        ))
        .style(th.style(if role == Role::Normal {
            Role::Normal
        } else {
            role
        })),
    ];
    // Schedule, then payments, as one scrolled list.
    let mut rows: Vec<Line> = vec![header(
        app,
        format!(
            " {} {} {} {}",
            fit(&tr("sg-tui-loan-schedule"), 14),
            rfit(&tr("sg-tui-col-principal"), 10),
            rfit(&tr("sg-tui-col-interest"), 10),
            rfit(&tr("sg-tui-col-remaining"), 10)
        ),
    )];
    for s in &l.schedule {
        rows.push(Line::raw(format!(
            " {} {} {} {}",
            fit(&crate::i18n::date(s.date, lg), 14),
            rfit(&amt0(s.principal), 10),
            rfit(&amt0(s.interest), 10),
            rfit(&amt0(s.balance), 10)
        )));
    }
    rows.push(header(
        app,
        format!(
            " {} {} {}",
            fit(&tr("sg-tui-loan-payments"), 14),
            rfit(&tr("sg-tui-col-principal"), 10),
            rfit(&tr("sg-tui-col-interest"), 10)
        ),
    ));
    for p in &l.payments {
        rows.push(Line::raw(format!(
            " {} {} {}",
            fit(&crate::i18n::date(p.date, lg), 14),
            rfit(&amt0(p.principal), 10),
            rfit(&amt0(p.interest), 10)
        )));
    }
    if l.payments.is_empty() {
        rows.push(Line::styled(
            format!(" {}", tr("sg-tui-loan-no-payment")),
            th.style(Role::Muted),
        ));
    }
    let list = super::super::layout::list_area(app);
    let nav = app.sg.loans.detail_nav;
    lines.push(Line::from(""));
    f.render_widget(
        Paragraph::new(lines),
        Rect::new(body.x, body.y, body.width, 3),
    );
    let shown: Vec<Line> = rows
        .into_iter()
        .skip(nav.offset)
        .take(list.height as usize)
        .collect();
    f.render_widget(Paragraph::new(shown), list);
    let fr = Rect::new(r.x, r.y + r.height.saturating_sub(1), r.width, 1);
    f.render_widget(
        Paragraph::new(Line::styled(
            format!(
                " {}",
                t!(
                    "sg-tui-loan-footer",
                    paid = amt0(l.status.principal_paid),
                    interest = amt0(l.status.interest_paid),
                    balance = amt0(l.status.balance),
                    payoff = amt0(l.status.payoff)
                )
            ),
            th.style(Role::Muted),
        )),
        fr,
    );
}
