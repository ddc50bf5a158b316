//! The share-out: what each member would take today (shares, savings,
//! profit, loan netted, payout), the value of a share, the return, the
//! remainder and where it goes; F8 posts it (after a confirmation) and the
//! cycle is closed. Once posted, the share-out recorded is shown.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::super::app::{App, Effect};
use super::super::input::ListNav;
use super::super::keymap::Cmd;
use super::super::theme::Role;
use super::super::view::{fit, flex, header, loading, rfit, row_line};
use super::dialog::Dialog;
use super::{amt, amt0, decimal, list_keys, open_dialog, pct, refuse_read_only};
use crate::i18n::{lang, tr};
use crate::service::savings::ShareoutView;
use crate::t;

#[derive(Clone, Debug, Default)]
pub struct ShareoutState {
    pub view: Option<ShareoutView>,
    /// Why there is no preview (a meeting open, a loss…).
    pub error: Option<String>,
    pub loaded: bool,
    pub nav: ListNav,
}

pub fn run(app: &mut App, cmd: Cmd) -> Option<Vec<Effect>> {
    match cmd {
        Cmd::SgPostShareout => {
            if refuse_read_only(app) {
                return Some(vec![]);
            }
            match &app.sg.shareout.view {
                Some(v) if v.entry.is_none() => {
                    let d = Dialog::post_shareout(v);
                    open_dialog(app, d);
                }
                _ => {}
            }
            Some(vec![])
        }
        _ => list_keys(app, cmd),
    }
}

pub fn draw(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let s = &app.sg.shareout;
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
    let p = &v.plan;
    let w = r.width as usize;
    let state = match &v.entry {
        Some(e) => t!(
            "sg-tui-shareout-posted",
            date = crate::i18n::date(v.date, lg),
            entry = e.clone()
        ),
        None => t!(
            "sg-tui-shareout-preview",
            date = crate::i18n::date(v.date, lg)
        ),
    };
    let remainder_to = tr(&format!("sg-tui-remainder-{}", v.remainder_to));
    let top = vec![
        Line::styled(
            format!(
                " {}",
                t!("sg-tui-shareout-title", cycle = v.cycle, state = state)
            ),
            th.style(if v.entry.is_some() {
                Role::Success
            } else {
                Role::Title
            }),
        ),
        Line::raw(format!(
            " {}",
            t!(
                "sg-tui-shareout-fund",
                amount = p.distributable.format(lg),
                shares = p.total_shares,
                savings = amt0(p.total_savings)
            )
        )),
        Line::styled(
            format!(
                " {}",
                t!(
                    "sg-tui-shareout-value",
                    value = decimal(p.value_per_share, 4),
                    rate = pct(p.return_on_savings)
                )
            ),
            th.style(Role::Key),
        ),
        Line::raw(format!(
            " {}",
            t!(
                "sg-tui-shareout-remainder",
                amount = p.remainder.format(lg),
                to = remainder_to
            )
        )),
    ];
    f.render_widget(
        Paragraph::new(top),
        Rect::new(body.x, body.y, body.width, 4),
    );
    let aw = if w >= 100 { 11 } else { 8 };
    let name_w = flex(w, &[4, 6, aw, aw, aw, aw, aw]);
    let head = format!(
        " {} {} {} {} {} {} {} {}",
        rfit(&tr("sg-tui-col-no"), 4),
        fit(&tr("sg-tui-col-name"), name_w),
        rfit(&tr("sg-tui-col-shares"), 6),
        rfit(&tr("sg-tui-col-savings"), aw),
        rfit(&tr("sg-tui-col-gross"), aw),
        rfit(&tr("sg-tui-col-profit"), aw),
        rfit(&tr("sg-tui-col-netted"), aw),
        rfit(&tr("sg-tui-col-payout"), aw)
    );
    f.render_widget(
        Paragraph::new(header(app, head)),
        Rect::new(body.x, body.y + 4, body.width, 1),
    );
    let list = super::super::layout::list_area(app);
    let mut lines = vec![];
    for (k, (l, (no, name))) in p
        .lines
        .iter()
        .zip(&v.names)
        .enumerate()
        .skip(s.nav.offset)
        .take(list.height as usize)
    {
        let text = format!(
            "{} {} {} {} {} {} {} {}",
            rfit(&no.to_string(), 4),
            fit(name, name_w),
            rfit(&l.shares.to_string(), 6),
            rfit(&amt(l.savings), aw),
            rfit(&amt(l.gross), aw),
            rfit(&amt(l.profit), aw),
            rfit(&amt(l.netted), aw),
            rfit(&amt0(l.payout), aw)
        );
        lines.push(row_line(app, text, k == s.nav.cursor));
    }
    f.render_widget(Paragraph::new(lines), list);
    let bottom = Rect::new(r.x, r.y + r.height.saturating_sub(2), r.width, 2);
    let mut foot = vec![Line::styled(
        format!(
            " {}",
            t!(
                "sg-tui-shareout-totals",
                payout = p.total_payout.format(lg),
                netted = amt0(p.total_netted),
                count = p.lines.len() as i64
            )
        ),
        th.style(Role::Key),
    )];
    foot.push(Line::styled(
        format!(
            " {}",
            if v.entry.is_some() {
                tr("sg-tui-shareout-next-cycle")
            } else {
                tr("sg-tui-shareout-hint")
            }
        ),
        th.style(Role::Muted),
    ));
    f.render_widget(Paragraph::new(foot), bottom);
}
