//! The group's indicators, SAVIX-style: attendance, savings, loans
//! outstanding, portfolio at risk (healthy, to watch, alarming), fund
//! utilisation, returns, social fund, write-offs, members with a loan and
//! the projected value of a share.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::app::App;
use super::super::theme::Role;
use super::super::view::{fit, loading};
use super::{amt0, decimal, pct};
use crate::i18n::{lang, tr};
use crate::service::savings::IndicatorsView;
use crate::t;

#[derive(Clone, Debug, Default)]
pub struct IndicatorsState {
    pub view: Option<IndicatorsView>,
    pub error: Option<String>,
    pub loaded: bool,
}

pub fn draw(f: &mut Frame, app: &App, r: Rect) {
    draw_state(f, app, &app.sg.indicators, r);
}

/// The indicators as read into `s`, under a row of screens (the group's
/// tab and the reports draw them).
pub(crate) fn draw_state(f: &mut Frame, app: &App, s: &IndicatorsState, r: Rect) {
    let th = app.theme;
    let lg = lang();
    let body = Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1));
    if !s.loaded {
        f.render_widget(Paragraph::new(loading(app)), body);
        return;
    }
    let Some(v) = &s.view else {
        let mut lines = vec![Line::from("")];
        if let Some(e) = &s.error {
            lines.push(Line::styled(format!(" {e}"), th.style(Role::Warn)));
        }
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
        return;
    };
    let i = &v.indicators;
    let par_role = match i.par_level {
        "healthy" => Role::Success,
        "watch" => Role::Warn,
        _ => Role::Error,
    };
    let par_sign = match i.par_level {
        "healthy" => "✓",
        "watch" => "⚠",
        _ => "✗",
    };
    let rows: Vec<(&str, String, Role)> = vec![
        ("sg-tui-ind-members", i.members.to_string(), Role::Normal),
        (
            "sg-tui-ind-attendance",
            pct(i.attendance_rate),
            Role::Normal,
        ),
        (
            "sg-tui-ind-savings",
            t!(
                "sg-tui-ind-savings-value",
                amount = i.savings.format(lg),
                shares = i.shares
            ),
            Role::Normal,
        ),
        (
            "sg-tui-ind-loans",
            t!(
                "sg-tui-ind-loans-value",
                count = i.loans_out,
                amount = i.outstanding.format(lg)
            ),
            Role::Normal,
        ),
        (
            "sg-tui-ind-par",
            format!(
                "{} {} {}",
                pct(i.portfolio_at_risk),
                par_sign,
                tr(&format!("sg-tui-par-{}", i.par_level))
            ),
            par_role,
        ),
        (
            "sg-tui-ind-utilisation",
            pct(i.fund_utilisation),
            Role::Normal,
        ),
        (
            "sg-tui-ind-fund",
            t!(
                "sg-tui-ind-fund-value",
                cash = i.loan_fund_cash.format(lg),
                value = i.fund_value.format(lg)
            ),
            Role::Normal,
        ),
        (
            "sg-tui-ind-return",
            t!(
                "sg-tui-ind-return-value",
                cycle = pct(i.return_cycle),
                year = pct(i.return_annualised)
            ),
            Role::Normal,
        ),
        (
            "sg-tui-ind-social",
            t!(
                "sg-tui-ind-social-value",
                cash = i.social_fund_cash.format(lg),
                reserve = amt0(i.social_fund_reserve)
            ),
            Role::Normal,
        ),
        (
            "sg-tui-ind-written-off",
            i.written_off.format(lg),
            if i.written_off.is_zero() {
                Role::Normal
            } else {
                Role::Warn
            },
        ),
        (
            "sg-tui-ind-with-loan",
            pct(i.members_with_loan),
            Role::Normal,
        ),
        (
            "sg-tui-ind-projected",
            t!(
                "sg-tui-ind-projected-value",
                value = decimal(i.projected_value_per_share, 2)
            ),
            Role::Key,
        ),
    ];
    let mut lines = vec![Line::styled(
        format!(
            " {}",
            t!(
                "sg-tui-ind-title",
                cycle = v.cycle,
                date = crate::i18n::date(v.date, lg),
                meetings = v.meetings
            )
        ),
        th.style(Role::Title),
    )];
    let lw = 34.min((r.width as usize).saturating_sub(20));
    for (k, value, role) in rows {
        lines.push(Line::from(vec![
            Span::raw(format!(" {} ", fit(&tr(k), lw))),
            Span::styled(value, th.style(role)),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        format!(" {}", tr("sg-tui-ind-note")),
        th.style(Role::Muted),
    ));
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
}
