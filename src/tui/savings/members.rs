//! The members: number, name, phone, office, joined and left; `/`
//! filters (accents and case aside); `n` adds a member; `d` shows what a
//! member takes if she leaves today, then records her leaving.

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
use super::{
    SgEffect, SgState, can_manage, clamp, list_keys, open_dialog, org_code, refuse_read_only,
    role_name, set_status, short_date,
};
use crate::i18n::tr;
use crate::t;

#[derive(Clone, Debug, Default)]
pub struct MembersState {
    pub nav: ListNav,
    pub filter: ListFilter,
}

/// Indices of the members the filter lets through.
pub fn visible(sg: &SgState) -> Vec<usize> {
    (0..sg.members.len())
        .filter(|&i| {
            let m = &sg.members[i];
            sg.members_tab
                .filter
                .matches(&[&m.name, &m.number.to_string(), &m.phone])
        })
        .collect()
}

pub fn run(app: &mut App, cmd: Cmd) -> Option<Vec<Effect>> {
    match cmd {
        Cmd::Filter => app.sg.members_tab.filter.active = true,
        Cmd::Back => {
            if app.sg.members_tab.filter.input.is_empty() {
                return None;
            }
            app.sg.members_tab.filter = ListFilter::default();
            clamp(app);
        }
        Cmd::SgMemberAdd => {
            if refuse_read_only(app) {
                return Some(vec![]);
            }
            if !can_manage(app) {
                set_status(app, super::super::app::Level::Error, tr("tui-not-allowed"));
                return Some(vec![]);
            }
            // Before the cycle's first meeting, members join at its start.
            let joined = match &app.sg.cycle {
                Some(c) if app.sg.cycle_open() && app.sg.meetings.is_empty() => c.start,
                _ => app.today,
            };
            open_dialog(app, Dialog::add_member(joined));
        }
        Cmd::SgMemberLeave => {
            if refuse_read_only(app) {
                return Some(vec![]);
            }
            let vis = visible(&app.sg);
            let Some(&i) = vis.get(app.sg.members_tab.nav.cursor) else {
                return Some(vec![]);
            };
            let m = &app.sg.members[i];
            if let Some(d) = m.left_on {
                let text = t!(
                    "sg-tui-already-left",
                    name = m.name.clone(),
                    date = short_date(d)
                );
                set_status(app, super::super::app::Level::Info, text);
                return Some(vec![]);
            }
            let member = m.number;
            let Some(org) = org_code(app) else {
                return Some(vec![]);
            };
            return Some(vec![Effect::Savings(SgEffect::LeavePreview {
                org,
                member,
                date: app.today,
            })]);
        }
        _ => return list_keys(app, cmd),
    }
    Some(vec![])
}

pub fn draw(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let sg = &app.sg;
    let body = Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1));
    if !sg.loaded {
        f.render_widget(Paragraph::new(loading(app)), body);
        return;
    }
    let w = r.width as usize;
    let wide = w >= 100;
    let (pw, rw, dw) = (14, if wide { 22 } else { 15 }, if wide { 10 } else { 9 });
    let name_w = flex(w, &[4, pw, rw, dw, dw]);
    let date = |d| {
        if wide {
            crate::i18n::date(d, crate::i18n::lang())
        } else {
            short_date(d)
        }
    };
    let mut lines = vec![header(
        app,
        format!(
            " {} {} {} {} {} {}",
            rfit(&tr("sg-tui-col-no"), 4),
            fit(&tr("sg-tui-col-name"), name_w),
            fit(&tr("sg-tui-col-phone"), pw),
            fit(&tr("sg-tui-col-role"), rw),
            fit(&tr("sg-tui-col-joined"), dw),
            fit(&tr("sg-tui-col-left"), dw)
        ),
    )];
    let list = super::super::layout::list_area(app);
    let vis = visible(sg);
    for (k, &i) in vis
        .iter()
        .enumerate()
        .skip(sg.members_tab.nav.offset)
        .take(list.height as usize)
    {
        let m = &sg.members[i];
        let s = format!(
            "{} {} {} {} {} {}",
            rfit(&m.number.to_string(), 4),
            fit(&m.name, name_w),
            fit(&m.phone, pw),
            fit(&role_name(&m.role), rw),
            fit(&date(m.joined), dw),
            fit(&m.left_on.map(date).unwrap_or_default(), dw)
        );
        let here = k == sg.members_tab.nav.cursor;
        let line = row_line(app, s, here);
        lines.push(if !here && m.left_on.is_some() {
            line.style(th.style(Role::Muted))
        } else {
            line
        });
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
    let st = &sg.members_tab;
    let footer = if st.filter.active || !st.filter.input.is_empty() {
        filter_line(th, &st.filter, vis.len(), sg.members.len())
    } else {
        let active = sg.members.iter().filter(|m| m.left_on.is_none()).count();
        Line::styled(
            format!(
                " {}",
                t!(
                    "sg-tui-members-footer",
                    count = active as i64,
                    left = (sg.members.len() - active) as i64
                )
            ),
            th.style(Role::Muted),
        )
    };
    f.render_widget(Paragraph::new(footer), fr);
}
