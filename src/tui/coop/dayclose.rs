//! The daily close (Z) of a sales point: the day's totals by product and by
//! way of paying, the cash the till should hold, the cash counted (as a sum
//! or note by note), the difference with its sign and a reason when there
//! is one; F8 asks, then seals the day. Days not sealed yet and past closes
//! are listed too.

use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::app::{App, Effect, Level};
use super::super::input::Input;
use super::super::keymap::Cmd;
use super::super::theme::Role;
use super::super::view::{err_line, field_text, fit, header, rfit, set_cursor_w, timestamp};
use super::dialog::Dialog;
use super::{
    CoopEffect, can_post, method_name, open_dialog, org_code, refuse_read_only, set_status,
};
use crate::domain::coop::{CashCount, CoopError, DENOMINATIONS, check_code};
use crate::domain::money::{self, Fcfa};
use crate::i18n::{lang, tr};
use crate::service::coop::{DEFAULT_POINT, SalesSummary};
use crate::store::DayCloseRow;
use crate::t;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ZFocus {
    Point,
    #[default]
    Day,
    /// A note or coin, by its index in `DENOMINATIONS`.
    Denom(usize),
    Sum,
    Reason,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayCloseState {
    pub point: Input,
    pub day: Input,
    pub counts: Vec<Input>,
    /// The counted cash as one sum (instead of note by note).
    pub sum: Input,
    pub reason: Input,
    pub focus: ZFocus,
    pub summary: Option<SalesSummary>,
    pub unsealed: Vec<(String, NaiveDate)>,
    pub closes: Vec<DayCloseRow>,
    /// The point and day the summary is for.
    pub shown: Option<(String, NaiveDate)>,
    pub error: Option<String>,
}

impl Default for DayCloseState {
    fn default() -> Self {
        DayCloseState {
            // Empty: the point used last (the ledger says which).
            point: Input::new(32),
            day: Input::new(10),
            counts: DENOMINATIONS.iter().map(|_| Input::new(7)).collect(),
            sum: Input::new(16),
            reason: Input::new(300),
            focus: ZFocus::Denom(0),
            summary: None,
            unsealed: vec![],
            closes: vec![],
            shown: None,
            error: None,
        }
    }
}

impl DayCloseState {
    /// The sales point typed (the default one if it does not read); empty
    /// until known, which the ledger reads as the point used last.
    pub fn point_code(&self) -> String {
        if self.point.is_empty() {
            return String::new();
        }
        check_code(&self.point.value).unwrap_or_else(|_| DEFAULT_POINT.to_string())
    }

    fn sealed(&self) -> bool {
        self.summary.as_ref().is_some_and(|s| s.close.is_some())
    }

    /// The cash counted as typed: a sum, or the notes and coins; and
    /// whether everything typed reads.
    pub fn counted(&self) -> (Option<CashCount>, bool) {
        if !self.sum.is_empty() {
            return match money::parse(&self.sum.value) {
                Ok(t) if !t.is_negative() => (
                    Some(CashCount {
                        total: t,
                        by_denomination: vec![],
                    }),
                    true,
                ),
                _ => (None, false),
            };
        }
        let mut by = Vec::new();
        let mut ok = true;
        for (d, inp) in DENOMINATIONS.iter().zip(&self.counts) {
            let v = inp.value.trim();
            if v.is_empty() {
                continue;
            }
            match v.parse::<i64>() {
                Ok(n) if (0..=1_000_000).contains(&n) => {
                    if n > 0 {
                        by.push((*d, n));
                    }
                }
                _ => ok = false,
            }
        }
        let any = self.counts.iter().any(|c| !c.is_empty());
        if !any {
            return (None, ok);
        }
        let total = by.iter().map(|(d, n)| d * n).sum();
        (
            Some(CashCount {
                total: Fcfa::new(total),
                by_denomination: by,
            }),
            ok,
        )
    }

    fn order(&self, write: bool) -> Vec<ZFocus> {
        let mut v = vec![ZFocus::Point, ZFocus::Day];
        if write && !self.sealed() {
            // Down the first column of notes, then the second.
            v.extend((0..DENOMINATIONS.len()).map(ZFocus::Denom));
            v.push(ZFocus::Sum);
            v.push(ZFocus::Reason);
        }
        v
    }

    fn input(&mut self, f: ZFocus) -> &mut Input {
        match f {
            ZFocus::Point => &mut self.point,
            ZFocus::Day => &mut self.day,
            ZFocus::Denom(i) => &mut self.counts[i.min(DENOMINATIONS.len() - 1)],
            ZFocus::Sum => &mut self.sum,
            ZFocus::Reason => &mut self.reason,
        }
    }

    fn clear_count(&mut self) {
        for c in &mut self.counts {
            c.clear();
        }
        self.sum.clear();
        self.reason.clear();
        self.focus = ZFocus::Denom(0);
    }
}

/// Fields take the keys on this screen (the point and day for everyone,
/// the count for those who may write).
pub fn typing(_app: &App) -> bool {
    true
}

fn day_of(app: &App) -> Result<NaiveDate, String> {
    let d = &app.coop.day;
    if d.day.is_empty() {
        return Ok(app.today);
    }
    super::parse_day(&d.day.value)
}

/// Loads the Z of the point and day typed.
pub fn load(app: &mut App, org: String) -> Vec<CoopEffect> {
    if app.coop.day.day.is_empty() {
        let t = crate::i18n::date(app.today, lang());
        app.coop.day.day = Input::offer(&t, 10);
    }
    if !can_post(app)
        && matches!(
            app.coop.day.focus,
            ZFocus::Denom(_) | ZFocus::Sum | ZFocus::Reason
        )
    {
        app.coop.day.focus = ZFocus::Day;
    }
    match day_of(app) {
        Ok(day) => {
            let point = app.coop.day.point_code();
            vec![CoopEffect::DayClose { org, point, day }]
        }
        Err(m) => {
            app.coop.day.error = Some(m);
            vec![]
        }
    }
}

pub fn loaded(
    app: &mut App,
    summary: SalesSummary,
    unsealed: Vec<(String, NaiveDate)>,
    closes: Vec<DayCloseRow>,
) {
    let d = &mut app.coop.day;
    if d.point.is_empty() {
        d.point = Input::offer(&summary.point, 32);
    }
    let day = NaiveDate::parse_from_str(&summary.period, "%Y-%m-%d").ok();
    d.shown = day.map(|x| (summary.point.clone(), x));
    d.summary = Some(summary);
    d.unsealed = unsealed;
    d.closes = closes;
    d.error = None;
    if d.sealed() && !matches!(d.focus, ZFocus::Point | ZFocus::Day) {
        d.focus = ZFocus::Day;
    }
}

/// The day was sealed.
pub fn closed(app: &mut App, s: SalesSummary, org: &str) -> Vec<Effect> {
    let day = NaiveDate::parse_from_str(&s.period, "%Y-%m-%d")
        .map(|d| crate::i18n::date(d, lang()))
        .unwrap_or(s.period.clone());
    set_status(
        app,
        Level::Success,
        t!("zday-sealed", date = day, point = s.point.clone()),
    );
    app.coop.day.clear_count();
    app.coop.day.focus = ZFocus::Day;
    let mut v: Vec<Effect> = load(app, org.to_string())
        .into_iter()
        .map(Effect::Coop)
        .collect();
    app.journal.loaded = false;
    v.push(Effect::Coop(CoopEffect::Items {
        org: org.to_string(),
    }));
    v
}

/// Leaving the point or day field: the Z of what they now say.
fn reload_if_moved(app: &mut App) -> Vec<Effect> {
    let Some(org) = org_code(app) else {
        return vec![];
    };
    let want = day_of(app).ok().map(|d| (app.coop.day.point_code(), d));
    if want.is_some() && want == app.coop.day.shown {
        return vec![];
    }
    load(app, org).into_iter().map(Effect::Coop).collect()
}

fn seal(app: &mut App) -> Vec<Effect> {
    if refuse_read_only(app) {
        return vec![];
    }
    let d = &app.coop.day;
    let Ok(day) = day_of(app) else {
        return reload_if_moved(app);
    };
    if d.shown != Some((d.point_code(), day)) {
        return reload_if_moved(app);
    }
    let Some(s) = &d.summary else {
        return vec![];
    };
    let lg = lang();
    if s.close.is_some() {
        let m = crate::i18n::message(&CoopError::AlreadySealed {
            point: s.point.clone(),
            date: day,
        });
        app.coop.day.error = Some(m);
        return vec![];
    }
    let (counted, ok) = d.counted();
    let Some(counted) = counted.filter(|_| ok) else {
        let m = crate::i18n::message(&CoopError::CountRequired);
        let d = &mut app.coop.day;
        d.error = Some(m);
        d.focus = if d.sum.is_empty() {
            ZFocus::Denom(0)
        } else {
            ZFocus::Sum
        };
        return vec![];
    };
    let diff = Fcfa::new(counted.total.francs() - s.cash_expected.francs());
    let reason = d.reason.value.trim().to_string();
    if !diff.is_zero() && reason.is_empty() {
        let d = &mut app.coop.day;
        d.error = Some(crate::i18n::message(&CoopError::DifferenceNeedsReason));
        d.focus = ZFocus::Reason;
        return vec![];
    }
    let mut lines = vec![
        t!(
            "zday-confirm",
            date = crate::i18n::date(day, lg),
            point = s.point.clone()
        ),
        String::new(),
        t!("zday-expected", amount = s.cash_expected.format(lg)),
        t!("zday-counted", amount = counted.total.format(lg)),
        diff_text(diff),
    ];
    if !reason.is_empty() {
        lines.push(t!("zday-reason-is", reason = reason.clone()));
    }
    lines.push(String::new());
    lines.push(tr("zday-confirm-note"));
    lines.push(tr("confirm-help"));
    let point = s.point.clone();
    app.coop.day.error = None;
    open_dialog(app, Dialog::close_day(point, day, counted, reason, lines));
    vec![]
}

/// `✓ No difference`, `✗ Short: -100 F CFA`, `✗ Over: +100 F CFA`.
fn diff_text(diff: Fcfa) -> String {
    let lg = lang();
    if diff.is_zero() {
        format!("✓ {}", tr("zday-no-difference"))
    } else if diff.is_negative() {
        format!("✗ {}", t!("zday-short", amount = diff.format(lg)))
    } else {
        format!(
            "✗ {}",
            t!("zday-over", amount = format!("+{}", diff.format(lg)))
        )
    }
}

pub fn run(app: &mut App, cmd: Cmd) -> Option<Vec<Effect>> {
    let write = can_post(app);
    let d = &mut app.coop.day;
    let order = d.order(write);
    let pos = order.iter().position(|f| *f == d.focus).unwrap_or(0);
    let leaving = matches!(d.focus, ZFocus::Point | ZFocus::Day);
    let half = DENOMINATIONS.len().div_ceil(2);
    let fx = match cmd {
        Cmd::NextField | Cmd::PrevField => {
            let n = order.len();
            d.focus = if cmd == Cmd::NextField {
                order[(pos + 1) % n]
            } else {
                order[(pos + n - 1) % n]
            };
            if leaving {
                reload_if_moved(app)
            } else {
                vec![]
            }
        }
        Cmd::Up | Cmd::Down => {
            let down = cmd == Cmd::Down;
            d.focus = match (d.focus, down) {
                // The notes are in two columns: ↑↓ move within a column.
                (ZFocus::Denom(i), true) if i + 1 < DENOMINATIONS.len() && i + 1 != half => {
                    ZFocus::Denom(i + 1)
                }
                (ZFocus::Denom(_), true) => ZFocus::Sum,
                (ZFocus::Denom(i), false) if i != 0 && i != half => ZFocus::Denom(i - 1),
                (ZFocus::Denom(_), false) => ZFocus::Day,
                (ZFocus::Sum, true) => ZFocus::Reason,
                (ZFocus::Sum, false) => ZFocus::Denom(half - 1),
                (ZFocus::Reason, false) => ZFocus::Sum,
                (ZFocus::Point, true) => ZFocus::Day,
                (ZFocus::Day, true) if order.len() > 2 => ZFocus::Denom(0),
                (ZFocus::Day, false) => ZFocus::Point,
                (f, _) => f,
            };
            if leaving {
                reload_if_moved(app)
            } else {
                vec![]
            }
        }
        Cmd::SealDay => seal(app),
        Cmd::Back if !matches!(d.focus, ZFocus::Denom(0)) && write && !d.sealed() => {
            d.focus = ZFocus::Denom(0);
            vec![]
        }
        _ => return None,
    };
    Some(fx)
}

pub fn text_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    let d = &mut app.coop.day;
    d.error = None;
    let f = d.focus;
    d.input(f).handle(key);
    vec![]
}

pub fn move_by(_app: &mut App, _delta: isize) -> Vec<Effect> {
    vec![]
}

// ---- drawing -------------------------------------------------------------------

pub fn draw(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let d = &app.coop.day;
    let lg = lang();
    let w = r.width as usize;
    let body = Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1));
    let focus_style = |on: bool| {
        if on {
            th.style(Role::InputFocus)
        } else {
            th.style(Role::Input)
        }
    };
    let mut cursor: Option<(u16, u16, &Input, usize)> = None;
    // The point and the day.
    let pl = tr("zday-point");
    let dl = tr("zday-day");
    let on_p = d.focus == ZFocus::Point;
    let on_d = d.focus == ZFocus::Day;
    let state = match &d.summary {
        Some(s) if s.close.is_some() => (format!("✓ {}", tr("zday-state-sealed")), Role::Success),
        Some(_) => (format!("⚠ {}", tr("zday-state-open")), Role::Warn),
        None => (tr("tui-loading"), Role::Muted),
    };
    let x_p = 1 + pl.width() as u16 + 1;
    let x_d = x_p + 12 + 2 + dl.width() as u16 + 1;
    let head = Line::from(vec![
        Span::raw(format!(" {pl} ")),
        Span::styled(field_text(&d.point, 12, on_p), focus_style(on_p)),
        Span::raw(format!("  {dl} ")),
        Span::styled(field_text(&d.day, 11, on_d), focus_style(on_d)),
        Span::raw("  "),
        Span::styled(state.0, th.style(state.1)),
    ]);
    if on_p {
        cursor = Some((0, x_p, &d.point, 12));
    } else if on_d {
        cursor = Some((0, x_d, &d.day, 11));
    }
    let open_days = if d.unsealed.is_empty() {
        Line::styled(
            format!(" ✓ {}", tr("zday-all-sealed")),
            th.style(Role::Success),
        )
    } else {
        let days: Vec<String> = d
            .unsealed
            .iter()
            .map(|(p, x)| format!("{p} {}", crate::i18n::date(*x, lg)))
            .collect();
        Line::styled(
            fit(
                &format!(
                    " ⚠ {}",
                    t!(
                        "zday-unsealed",
                        count = d.unsealed.len() as i64,
                        days = days.join(", ")
                    )
                ),
                w,
            ),
            th.style(Role::Warn),
        )
    };
    f.render_widget(Paragraph::new(vec![head, open_days]), body);
    let top = body.y + 2;
    let avail = body.height.saturating_sub(2);
    let Some(s) = &d.summary else {
        if let Some(e) = &d.error {
            f.render_widget(
                Paragraph::new(err_line(app, e)),
                Rect::new(body.x, top, body.width, 1),
            );
        }
        if let Some((row, x, inp, cw)) = cursor {
            set_cursor_w(f, body, row, x, inp, cw);
        }
        return;
    };
    // Past closes at the bottom when the window is tall enough.
    let history = if avail >= 24 {
        (d.closes.len() as u16 + 2)
            .min(avail.saturating_sub(18))
            .max(3)
    } else {
        0
    };
    let main_h = avail.saturating_sub(history);
    let left_w = (w / 2).min(48) as u16;
    let left = Rect::new(body.x, top, left_w, main_h);
    let right = Rect::new(
        body.x + left_w,
        top,
        body.width.saturating_sub(left_w),
        main_h,
    );
    // Left: the Z.
    let lw = left_w as usize;
    let aw = 13;
    let nw = lw.saturating_sub(aw + 3);
    let amount_line = |label: String, v: Fcfa, role: Role| {
        Line::styled(
            format!(" {} {}", fit(&label, nw), rfit(&v.format_grouped(lg), aw)),
            th.style(role),
        )
    };
    let mut l = vec![
        amount_line(
            t!("zday-sales", count = s.sales_count),
            s.sales_total,
            Role::Normal,
        ),
        amount_line(
            t!("zday-returns", count = s.returns_count),
            Fcfa::new(-s.returns_total.francs()),
            Role::Normal,
        ),
        amount_line(tr("zday-payments"), s.payments_total, Role::Normal),
        header(app, format!(" {}", tr("zday-by-item"))),
    ];
    for it in &s.by_item {
        let unit = app
            .coop
            .item(&it.item)
            .map(|i| super::unit_short(i.unit))
            .unwrap_or_default();
        let label = format!("{} · {} {unit}", it.name, it.qty.format(lg));
        l.push(Line::raw(format!(
            "  {} {}",
            fit(&label, nw.saturating_sub(1)),
            rfit(&it.amount.format_grouped(lg), aw)
        )));
    }
    if s.by_item.is_empty() {
        l.push(Line::styled(
            format!("  {}", tr("zday-no-sales")),
            th.style(Role::Muted),
        ));
    }
    l.push(header(app, format!(" {}", tr("zday-by-method"))));
    for m in &s.by_method {
        let name = m.method.map(method_name).unwrap_or_default();
        let net = Fcfa::new(m.sales.francs() - m.returns.francs() + m.payments.francs());
        l.push(Line::raw(format!(
            "  {} {}",
            fit(&name, nw.saturating_sub(1)),
            rfit(&net.format_grouped(lg), aw)
        )));
    }
    l.push(amount_line(
        tr("zday-cash-expected"),
        s.cash_expected,
        Role::Key,
    ));
    l.push(amount_line(
        tr("zday-grand-total"),
        s.grand_total,
        Role::Muted,
    ));
    f.render_widget(Paragraph::new(l), left);
    // Right: the count, or the recorded close.
    let mut rl: Vec<Line> = Vec::new();
    let rw = right.width as usize;
    if let Some(c) = &s.close {
        rl.push(header(app, format!(" {}", tr("zday-recorded"))));
        rl.push(Line::raw(format!(
            " {}",
            t!("zday-counted", amount = c.cash_counted.format(lg))
        )));
        rl.push(Line::styled(
            format!(" {}", diff_text(c.difference)),
            th.style(if c.difference.is_zero() {
                Role::Success
            } else {
                Role::Alert
            }),
        ));
        if !c.reason.is_empty() {
            rl.push(Line::raw(format!(
                " {}",
                t!("zday-reason-is", reason = c.reason.clone())
            )));
        }
        rl.push(Line::styled(
            format!(
                " {}",
                t!(
                    "zday-closed-by",
                    name = c.closed_by.clone(),
                    at = timestamp(&c.closed_at)
                )
            ),
            th.style(Role::Muted),
        ));
        if let Some(e) = &c.entry {
            rl.push(Line::styled(
                format!(" {}", t!("zday-entry", entry = e.clone())),
                th.style(Role::Muted),
            ));
        }
    } else if can_post(app) {
        rl.push(header(app, format!(" {}", tr("zday-count-title"))));
        let half = DENOMINATIONS.len().div_ceil(2);
        let cw = 6usize;
        let dw = 6usize;
        let col_w = dw + 3 + cw + 2;
        for row in 0..half {
            let mut spans = vec![Span::raw(" ")];
            for (col, i) in [row, row + half].into_iter().enumerate() {
                let Some(den) = DENOMINATIONS.get(i) else {
                    continue;
                };
                let on = d.focus == ZFocus::Denom(i);
                let x = 1 + (col * col_w) as u16 + dw as u16 + 3;
                if on {
                    cursor = Some((rl.len() as u16, x, &d.counts[i], cw));
                }
                spans.push(Span::raw(format!(
                    "{} × ",
                    rfit(&Fcfa::new(*den).format_grouped(lg), dw)
                )));
                spans.push(Span::styled(
                    field_text(&d.counts[i], cw, on),
                    focus_style(on),
                ));
                spans.push(Span::raw("  "));
            }
            rl.push(Line::from(spans));
        }
        let sl = tr("zday-or-sum");
        let on_s = d.focus == ZFocus::Sum;
        if on_s {
            cursor = Some((rl.len() as u16, 1 + sl.width() as u16 + 1, &d.sum, 12));
        }
        rl.push(Line::from(vec![
            Span::raw(format!(" {sl} ")),
            Span::styled(field_text(&d.sum, 12, on_s), focus_style(on_s)),
        ]));
        let (counted, ok) = d.counted();
        match counted {
            Some(c) if ok => {
                let diff = Fcfa::new(c.total.francs() - s.cash_expected.francs());
                rl.push(Line::styled(
                    format!(" {}", t!("zday-counted", amount = c.total.format(lg))),
                    th.style(Role::Key),
                ));
                rl.push(Line::styled(
                    format!(" {}", diff_text(diff)),
                    th.style(if diff.is_zero() {
                        Role::Success
                    } else {
                        Role::Alert
                    }),
                ));
            }
            Some(_) | None if !ok => rl.push(Line::styled(
                format!(" ✗ {}", tr("zday-count-unreadable")),
                th.style(Role::Alert),
            )),
            _ => {
                rl.push(Line::styled(
                    format!(" {}", tr("zday-count-hint")),
                    th.style(Role::Muted),
                ));
                rl.push(Line::from(""));
            }
        }
        let rlab = tr("zday-reason");
        let on_r = d.focus == ZFocus::Reason;
        let rfw = rw.saturating_sub(rlab.width() + 3).max(8);
        if on_r {
            cursor = Some((rl.len() as u16, 1 + rlab.width() as u16 + 1, &d.reason, rfw));
        }
        rl.push(Line::from(vec![
            Span::raw(format!(" {rlab} ")),
            Span::styled(field_text(&d.reason, rfw, on_r), focus_style(on_r)),
        ]));
    } else {
        rl.push(Line::styled(
            format!(" {}", tr("zday-read-only")),
            th.style(Role::Muted),
        ));
    }
    if let Some(e) = &d.error {
        rl.push(err_line(app, e));
    }
    f.render_widget(
        Paragraph::new(rl).wrap(ratatui::widgets::Wrap { trim: false }),
        right,
    );
    if history > 0 {
        draw_history(f, app, Rect::new(body.x, top + main_h, body.width, history));
    }
    if let Some((row, x, inp, cw)) = cursor {
        let area = if matches!(d.focus, ZFocus::Point | ZFocus::Day) {
            body
        } else {
            right
        };
        set_cursor_w(f, area, row, x, inp, cw);
    }
}

fn draw_history(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let lg = lang();
    let d = &app.coop.day;
    let (dw, pw, aw) = (10, 10, 13);
    let mut lines = vec![
        header(app, format!(" {}", tr("zday-history"))),
        header(
            app,
            format!(
                " {} {} {} {} {} {} {}",
                fit(&tr("zday-col-period"), dw),
                fit(&tr("zday-col-point"), pw),
                rfit(&tr("zday-col-sales"), aw),
                rfit(&tr("zday-col-expected"), aw),
                rfit(&tr("zday-col-counted"), aw),
                rfit(&tr("zday-col-difference"), aw),
                tr("zday-col-by")
            ),
        ),
    ];
    let room = (r.height as usize).saturating_sub(2);
    let start = d.closes.len().saturating_sub(room);
    for c in d.closes.iter().skip(start) {
        let period = NaiveDate::parse_from_str(&c.period, "%Y-%m-%d")
            .map(|x| crate::i18n::date(x, lg))
            .unwrap_or(c.period.clone());
        let net = Fcfa::new(c.sales_total.francs() - c.returns_total.francs());
        let diff = if c.difference.is_zero() {
            "0".to_string()
        } else if c.difference.is_negative() {
            c.difference.format_grouped(lg)
        } else {
            format!("+{}", c.difference.format_grouped(lg))
        };
        lines.push(Line::styled(
            format!(
                " {} {} {} {} {} {} {}",
                fit(&period, dw),
                fit(&c.point, pw),
                rfit(&net.format_grouped(lg), aw),
                rfit(&c.cash_expected.format_grouped(lg), aw),
                rfit(&c.cash_counted.format_grouped(lg), aw),
                rfit(&diff, aw),
                c.closed_by
            ),
            if c.difference.is_zero() {
                th.base()
            } else {
                th.style(Role::Warn)
            },
        ));
    }
    if d.closes.is_empty() {
        lines.push(Line::styled(
            format!(" {}", tr("zday-history-empty")),
            th.style(Role::Muted),
        ));
    }
    f.render_widget(Paragraph::new(lines), r);
}
