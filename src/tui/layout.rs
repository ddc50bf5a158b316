//! Where things are on the screen. Drawing and mouse handling both ask this
//! module, so a click lands on what was drawn there.

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::app::{App, Screen};

/// The main screen's bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    pub title: Rect,
    pub tabs: Rect,
    pub body: Rect,
    pub status: Rect,
    pub hints: Rect,
}

pub fn areas(width: u16, height: u16) -> Areas {
    let row = |y: u16, h: u16| Rect::new(0, y, width, h);
    let body_h = height.saturating_sub(4);
    Areas {
        title: row(0, 1.min(height)),
        tabs: row(1.min(height), 1.min(height.saturating_sub(1))),
        body: row(2.min(height), body_h),
        status: row(height.saturating_sub(2), 1.min(height)),
        hints: row(height.saturating_sub(1), 1.min(height)),
    }
}

/// The label of a tab as drawn: its first key and its title.
pub fn tab_label(app: &App, screen: Screen) -> String {
    format!(
        " {} {} ",
        tab_key(app, screen),
        crate::i18n::tr(screen.title_key())
    )
}

fn tab_key(app: &App, screen: Screen) -> String {
    let keys = app
        .keymap
        .keys_for(&[super::keymap::Scope::Global], screen.cmd());
    keys.first().map(super::view::key_name).unwrap_or_default()
}

/// The tabs as drawn: each with its label, start column and width. When
/// they do not all fit the window, tabs other than the current one keep
/// only their key, from the right, until they do (the help overlay names
/// them all).
pub fn tab_labels(app: &App) -> Vec<(Screen, String, u16, u16)> {
    let tabs = app.tabs();
    let mut labels: Vec<String> = tabs.iter().map(|s| tab_label(app, *s)).collect();
    let width = |l: &[String]| l.iter().map(|x| x.width()).sum::<usize>();
    for i in (0..tabs.len()).rev() {
        if width(&labels) <= app.size.0 as usize {
            break;
        }
        if !tabs[i].same_tab(app.screen) {
            labels[i] = format!(" {} ", tab_key(app, tabs[i]));
        }
    }
    let mut x = 0u16;
    let mut out = Vec::new();
    for (s, l) in tabs.into_iter().zip(labels) {
        let w = l.width() as u16;
        out.push((s, l, x, w));
        x = x.saturating_add(w);
    }
    out
}

/// Tabs as (start column, width), in order.
pub fn tab_spans(app: &App) -> Vec<(Screen, u16, u16)> {
    tab_labels(app)
        .into_iter()
        .map(|(s, _, x, w)| (s, x, w))
        .collect()
}

pub fn tab_at(app: &App, col: u16, row: u16) -> Option<Screen> {
    let a = areas(app.size.0, app.size.1);
    if row != a.tabs.y {
        return None;
    }
    tab_spans(app)
        .into_iter()
        .find(|(_, x, w)| col >= *x && col < x + w)
        .map(|(s, _, _)| s)
}

/// The rows of the current screen's list (without its header and footer).
pub fn list_area(app: &App) -> Rect {
    let body = areas(app.size.0, app.size.1).body;
    let (top, bottom) = match app.screen {
        Screen::Accounts if app.accounts.ledger.is_some() => (2, 1),
        Screen::Accounts => (1, 1),
        Screen::Journal => (2, 1),
        Screen::Periods => (3, 0),
        Screen::Users => (1, 1),
        Screen::Home | Screen::NewEntry => (0, 0),
        Screen::Coop(t) => super::coop::list_rows(app, t),
        Screen::Savings(t) => super::savings::list_rows(app, t),
        Screen::Reports(t) => super::reports::list_rows(app, t),
    };
    Rect::new(
        body.x,
        body.y + top.min(body.height),
        body.width,
        body.height.saturating_sub(top + bottom),
    )
}

pub fn list_height(app: &App) -> usize {
    list_area(app).height.max(1) as usize
}

/// The list row under a click, as an index into the list's rows.
pub fn row_at(app: &App, col: u16, row: u16) -> Option<usize> {
    let area = list_area(app);
    if app.detail.is_some() || row < area.y || row >= area.y + area.height || col >= area.width {
        return None;
    }
    let offset = match app.screen {
        Screen::Accounts => match &app.accounts.ledger {
            Some(l) => l.nav.offset,
            None => app.accounts.nav.offset,
        },
        Screen::Journal => app.journal.nav.offset,
        Screen::Periods => app.periods.nav.offset,
        Screen::Users => app.users.nav.offset,
        Screen::Coop(_) => super::coop::list_offset(app)?,
        Screen::Savings(_) => super::savings::list_offset(app)?,
        Screen::Reports(_) => super::reports::list_offset(app)?,
        _ => return None,
    };
    let index = offset + (row - area.y) as usize;
    let len = match app.screen {
        Screen::Accounts => match &app.accounts.ledger {
            Some(l) => l.lines.len(),
            None => app.accounts.visible().len(),
        },
        Screen::Journal => app.journal.rows.len(),
        Screen::Periods => app.periods.closes.len(),
        Screen::Users => app.users.rows.len(),
        Screen::Coop(_) => super::coop::list_len(app),
        Screen::Savings(_) => super::savings::list_len(app),
        Screen::Reports(_) => super::reports::list_len(app),
        _ => 0,
    };
    (index < len).then_some(index)
}
