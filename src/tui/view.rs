//! Drawing. Everything here reads the app and never changes it; every word
//! comes from the translation files.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::app::{App, Confirm, Level, Mode, Popup, Screen, WizStep, Wizard};
use super::form::{Col, Focus};
use super::input::Input;
use super::layout::{self, areas, list_area};
use super::theme::{Role, Theme};
use crate::domain::Lang;
use crate::domain::money::Fcfa;
use crate::i18n::{self, lang, tr};
use crate::service::OrgKind;
use crate::service::overview::Warning;
use crate::t;

// ---- text helpers ------------------------------------------------------------

/// `s` cut or padded to exactly `w` columns (cut text ends with `…`).
/// The footer of a filtered list: `/ text` (lit while it has the keyboard)
/// and how many rows of how many are shown.
pub fn filter_line(
    th: Theme,
    filter: &super::app::ListFilter,
    shown: usize,
    total: usize,
) -> Line<'static> {
    Line::from(vec![
        Span::styled(" / ", th.style(Role::Key)),
        Span::styled(
            fit(&filter.input.value, 30),
            th.style(if filter.active {
                Role::InputFocus
            } else {
                Role::Input
            }),
        ),
        Span::raw(format!(
            "  {}",
            t!("list-count", shown = shown as i64, total = total as i64)
        )),
    ])
}

pub fn fit(s: &str, w: usize) -> String {
    let width = s.width();
    if width <= w {
        let mut out = s.to_string();
        out.push_str(&" ".repeat(w - width));
        return out;
    }
    if w == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw > w - 1 {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    used += 1;
    out.push_str(&" ".repeat(w.saturating_sub(used)));
    out
}

/// `s` right-aligned in `w` columns.
pub fn rfit(s: &str, w: usize) -> String {
    let width = s.width();
    if width >= w {
        return fit(s, w);
    }
    format!("{}{}", " ".repeat(w - width), s)
}

pub(crate) fn amount(f: Fcfa) -> String {
    f.format_grouped(lang())
}

/// A balance without a sign: `150 000 C` (credit) or `95 000 D` (debit).
pub fn balance(f: Fcfa) -> String {
    if f.is_zero() {
        // Units under units: the zero leaves room for the side letter.
        let pad = t!("balance-debit").width() + 1;
        return format!("0{}", " ".repeat(pad));
    }
    let side = if f.is_negative() {
        t!("balance-credit")
    } else {
        t!("balance-debit")
    };
    format!("{} {side}", amount(f.checked_abs().unwrap_or(f)))
}

/// `447 250 F CFA (débiteur)`.
pub(crate) fn balance_words(f: Fcfa) -> String {
    if f.is_zero() {
        return money(f);
    }
    let side = if f.is_negative() {
        t!("balance-credit-word")
    } else {
        t!("balance-debit-word")
    };
    format!("{} ({side})", money(f.checked_abs().unwrap_or(f)))
}

pub(crate) fn amount_or_blank(f: Fcfa) -> String {
    if f.is_zero() {
        String::new()
    } else {
        amount(f)
    }
}

pub(crate) fn money(f: Fcfa) -> String {
    f.format(lang())
}

pub(crate) fn date(d: chrono::NaiveDate) -> String {
    i18n::date(d, lang())
}

/// A key as the user's language names it (`Entrée`, `Échap`, `Maj+Tab`);
/// the settings file keeps the English names.
pub fn key_name(k: &super::keymap::Chord) -> String {
    use crossterm::event::{KeyCode, KeyModifiers};
    let name = match k.code {
        KeyCode::Enter => Some("keyname-enter"),
        KeyCode::Esc => Some("keyname-esc"),
        KeyCode::BackTab => Some("keyname-backtab"),
        KeyCode::PageUp => Some("keyname-pgup"),
        KeyCode::PageDown => Some("keyname-pgdn"),
        KeyCode::Home => Some("keyname-home"),
        KeyCode::End => Some("keyname-end"),
        KeyCode::Char(' ') => Some("keyname-space"),
        _ => None,
    };
    match name {
        Some(key) if k.mods == KeyModifiers::NONE => tr(key),
        _ => k.to_string(),
    }
}

/// A recording time (RFC 3339, UTC) as the language writes it, to the
/// minute: `21/11/2026 09:30`.
pub fn timestamp(rfc3339: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(rfc3339) {
        Ok(t) => format!("{} {}", date(t.date_naive()), t.format("%H:%M")),
        Err(_) => rfc3339.to_string(),
    }
}

/// A close's period (`2026-06` or `2026`) in words: `juin 2026`.
fn period_name(p: &str) -> String {
    crate::domain::period::Month::parse(p)
        .map(i18n::month)
        .unwrap_or_else(|_| p.to_string())
}

fn role_name(r: crate::domain::access::Role) -> String {
    tr(&format!("role-{}", r.code()))
}

// ---- the frame ---------------------------------------------------------------

pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    let th = app.theme;
    f.render_widget(Block::default().style(th.base()), area);
    if app.too_small() {
        let msg = t!(
            "tui-too-small",
            width = app.size.0 as i64,
            height = app.size.1 as i64,
            min_width = super::app::MIN_SIZE.0 as i64,
            min_height = super::app::MIN_SIZE.1 as i64
        );
        let y = area.height / 2;
        let p = Paragraph::new(msg)
            .style(th.style(Role::Warn))
            .wrap(ratatui::widgets::Wrap { trim: true });
        f.render_widget(
            p,
            Rect::new(0, y.saturating_sub(1), area.width, 3.min(area.height)),
        );
        return;
    }
    match &app.mode {
        Mode::Wizard(w) => draw_wizard(f, app, w),
        Mode::Login(l) => {
            let mut lines = vec![
                Line::from(""),
                field_line(app, &t!("login-name"), &l.name, l.field == 0, 18),
                field_line(app, &t!("login-passphrase"), &l.pass, l.field == 1, 18),
                Line::from(""),
            ];
            if let Some(e) = &l.error {
                lines.push(err_line(app, e));
            }
            if let Some(h) = &l.hint {
                lines.push(Line::from(""));
                for part in h.lines() {
                    lines.push(Line::styled(part.to_string(), th.style(Role::Muted)));
                }
            }
            lines.push(Line::from(""));
            lines.push(Line::styled(t!("login-help"), th.style(Role::Muted)));
            let h = lines.len() as u16 + 5;
            let r = panel(f, app, &t!("login-title"), 70, h);
            f.render_widget(
                Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
                r,
            );
            set_cursor(
                f,
                r,
                if l.field == 0 { 1 } else { 2 },
                20,
                if l.field == 0 { &l.name } else { &l.pass },
            );
        }
        Mode::Locked(u) => {
            let who = app
                .session
                .as_ref()
                .map(|s| s.user.name.clone())
                .unwrap_or_default();
            let mut lines = vec![
                field_line(app, &t!("lock-secret"), &u.secret, true, 24),
                Line::from(""),
                Line::from(t!("lock-who", name = who)),
                Line::from(""),
            ];
            if let Some(e) = &u.error {
                lines.push(err_line(app, e));
            }
            lines.push(Line::styled(t!("lock-help"), th.style(Role::Muted)));
            let h = lines.len() as u16 + 5;
            let r = panel(f, app, &t!("lock-title"), 70, h);
            f.render_widget(
                Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
                r,
            );
            set_cursor(f, r, 0, 26, &u.secret);
        }
        Mode::Main => draw_main(f, app),
    }
}

/// A centred, bordered panel; returns its inside.
pub(crate) fn panel(f: &mut Frame, app: &App, title: &str, w: u16, h: u16) -> Rect {
    let area = f.area();
    let w = w.min(area.width);
    let h = h.min(area.height);
    let r = Rect::new((area.width - w) / 2, (area.height - h) / 2, w, h);
    f.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.style(Role::Border))
        .title(Span::styled(
            format!(" {title} "),
            app.theme.style(Role::Title),
        ))
        .style(app.theme.base());
    let inner = block.inner(r);
    f.render_widget(block, r);
    Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    )
}

pub(crate) fn field_line<'a>(
    app: &App,
    label: &str,
    input: &Input,
    focused: bool,
    label_w: usize,
) -> Line<'a> {
    let th = app.theme;
    let marker = if focused { "▸ " } else { "  " };
    let style = if focused {
        th.style(Role::InputFocus)
    } else {
        th.style(Role::Input)
    };
    Line::from(vec![
        Span::styled(marker.to_string(), th.style(Role::Key)),
        Span::raw(fit(label, label_w)),
        Span::styled(field_text(input, FIELD_W, focused), style),
    ])
}

/// A field's text: scrolled to the cursor while it has the keyboard, from
/// its start otherwise.
pub(crate) fn field_text(input: &Input, width: usize, focused: bool) -> String {
    if focused {
        input.window(width).0
    } else {
        fit(&input.shown(), width)
    }
}

/// Width of a text field in dialogs and forms of the wizard and login.
pub(crate) const FIELD_W: usize = 36;

pub(crate) fn set_cursor(f: &mut Frame, r: Rect, row: u16, col: u16, input: &Input) {
    set_cursor_w(f, r, row, col, input, FIELD_W)
}

pub(crate) fn set_cursor_w(
    f: &mut Frame,
    r: Rect,
    row: u16,
    col: u16,
    input: &Input,
    width: usize,
) {
    let x = r.x + col + input.window(width).1;
    let y = r.y + row;
    if x < r.x + r.width && y < r.y + r.height {
        f.set_cursor_position(Position::new(x, y));
    }
}

pub(crate) fn err_line<'a>(app: &App, text: &str) -> Line<'a> {
    Line::styled(format!(" ✗ {text}"), app.theme.style(Role::Error))
}

fn status_prefix(level: Level) -> (&'static str, Role) {
    match level {
        Level::Info => ("ℹ", Role::Normal),
        Level::Success => ("✓", Role::Success),
        Level::Warn => ("⚠", Role::Warn),
        Level::Error => ("✗", Role::Error),
    }
}

fn draw_wizard(f: &mut Frame, app: &App, w: &Wizard) {
    let th = app.theme;
    let step_no = match w.step {
        WizStep::Lang => 1,
        WizStep::Choice => 2,
        WizStep::Admin => 3,
        WizStep::Org => 4,
    };
    let total = if w.needs_org { 4 } else { 3 };
    let title = if w.step == WizStep::Lang {
        format!(
            "{} · {}",
            i18n::tr_in(Lang::Fr, "wizard-title-first"),
            i18n::tr_in(Lang::En, "wizard-title-first")
        )
    } else {
        t!("wizard-title", step = step_no as i64, steps = total as i64)
    };
    let choice = |i: usize, text: String| {
        let sel = w.pick == i;
        Line::from(vec![
            Span::styled(if sel { "▸ " } else { "  " }, th.style(Role::Key)),
            Span::styled(
                text,
                if sel {
                    th.style(Role::Selected)
                } else {
                    th.base()
                },
            ),
        ])
    };
    let mut lines = vec![];
    let mut cursor: Option<(u16, &Input)> = None;
    match w.step {
        WizStep::Lang => {
            // Before a language is chosen, both speak.
            lines.push(Line::from(i18n::tr_in(Lang::Fr, "wizard-welcome")));
            lines.push(Line::from(i18n::tr_in(Lang::En, "wizard-welcome")));
            lines.push(Line::from(""));
            lines.push(choice(0, i18n::tr_in(Lang::Fr, "lang-name")));
            lines.push(choice(1, i18n::tr_in(Lang::En, "lang-name")));
        }
        WizStep::Choice => {
            lines.push(Line::from(t!("wizard-choice-intro")));
            lines.push(Line::from(""));
            lines.push(choice(0, t!("wizard-create")));
            lines.push(choice(1, t!("wizard-demo")));
        }
        WizStep::Admin => {
            lines.push(Line::from(t!("wizard-admin-intro")));
            lines.push(Line::from(""));
            lines.push(field_line(
                app,
                &t!("wizard-name"),
                &w.name,
                w.field == 0,
                20,
            ));
            lines.push(field_line(
                app,
                &t!("wizard-passphrase"),
                &w.pass,
                w.field == 1,
                20,
            ));
            lines.push(field_line(
                app,
                &t!("wizard-confirm"),
                &w.pass2,
                w.field == 2,
                20,
            ));
            lines.push(Line::from(""));
            lines.push(Line::styled(
                t!("wizard-passphrase-rule"),
                th.style(Role::Muted),
            ));
            let input = [&w.name, &w.pass, &w.pass2][w.field.min(2)];
            cursor = Some((2 + w.field as u16, input));
        }
        WizStep::Org => {
            lines.push(Line::from(t!("wizard-org-intro")));
            lines.push(Line::from(""));
            lines.push(field_line(
                app,
                &t!("wizard-org-code"),
                &w.code,
                w.field == 0,
                20,
            ));
            lines.push(field_line(
                app,
                &t!("wizard-org-name"),
                &w.org_name,
                w.field == 1,
                20,
            ));
            let kind = |k: OrgKind, key: &str| {
                let on = w.kind == k;
                Span::styled(
                    format!("{} {}  ", if on { "(•)" } else { "( )" }, tr(key)),
                    if on && w.field == 2 {
                        th.style(Role::Selected)
                    } else {
                        th.base()
                    },
                )
            };
            lines.push(Line::from(vec![
                Span::styled(if w.field == 2 { "▸ " } else { "  " }, th.style(Role::Key)),
                Span::raw(fit(&t!("wizard-org-kind"), 20)),
                kind(OrgKind::Coop, "org-kind-coop"),
                kind(OrgKind::Savings, "org-kind-savings"),
            ]));
            lines.push(Line::from(""));
            lines.push(Line::styled(t!("wizard-org-rule"), th.style(Role::Muted)));
            if w.field < 2 {
                cursor = Some((2 + w.field as u16, [&w.code, &w.org_name][w.field]));
            }
        }
    }
    lines.push(Line::from(""));
    if let Some(e) = &w.error {
        lines.push(err_line(app, e));
    }
    let help = match w.step {
        WizStep::Lang => format!(
            "↑↓ · {} / {}",
            i18n::tr_in(Lang::Fr, "keyname-enter"),
            i18n::tr_in(Lang::En, "keyname-enter")
        ),
        WizStep::Choice => t!("wizard-list-help"),
        _ => t!("wizard-help"),
    };
    lines.push(Line::styled(help, th.style(Role::Muted)));
    let h = lines.len() as u16 + 5;
    let r = panel(f, app, &title, 76, h);
    let intro = lines.first().map(|l| l.width()).unwrap_or(0);
    f.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
        r,
    );
    if let Some((row, input)) = cursor {
        // The intro above the fields may wrap onto more than one row.
        let extra = (intro.max(1).div_ceil(r.width.max(1) as usize) as u16).saturating_sub(1);
        set_cursor(f, r, row + extra, 22, input);
    }
}

fn draw_main(f: &mut Frame, app: &App) {
    let th = app.theme;
    let a = areas(app.size.0, app.size.1);
    // Title bar.
    let (org, role) = match app.current_org() {
        Some(o) => (o.org.name.clone(), role_name(o.role)),
        None => (t!("tui-no-org-short"), String::new()),
    };
    let user = app
        .session
        .as_ref()
        .map(|s| s.user.name.clone())
        .unwrap_or_default();
    let right = format!(" {user} · {role} · {} ", date(app.today));
    let left = format!(" jatebo │ {org}");
    let w = a.title.width as usize;
    let rw = right.width().min(w);
    let title = format!("{}{}", fit(&left, w - rw), fit(&right, rw));
    f.render_widget(Paragraph::new(title).style(th.style(Role::Title)), a.title);

    // Tabs.
    let mut spans = vec![];
    for (s, label, _, _) in layout::tab_labels(app) {
        let on = app.screen.same_tab(s);
        spans.push(Span::styled(
            label,
            if on {
                th.style(Role::TabActive)
            } else {
                th.style(Role::Tab)
            },
        ));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), a.tabs);

    // Body.
    if app.current_org().is_none() {
        f.render_widget(
            Paragraph::new(t!("tui-no-org")).style(th.style(Role::Warn)),
            a.body,
        );
    } else if let Some(e) = &app.detail {
        draw_entry(f, app, e, a.body);
    } else {
        match app.screen {
            Screen::Home => draw_home(f, app, a.body),
            Screen::Accounts => match &app.accounts.ledger {
                Some(_) => draw_ledger(f, app, a.body),
                None => draw_accounts(f, app, a.body),
            },
            Screen::Journal => draw_journal(f, app, a.body),
            Screen::NewEntry => draw_form(f, app, a.body),
            Screen::Periods => draw_periods(f, app, a.body),
            Screen::Users => draw_users(f, app, a.body),
            Screen::Coop(t) => super::coop::view::draw(f, app, t, a.body),
            Screen::Savings(t) => super::savings::view::draw(f, app, t, a.body),
            Screen::Reports(t) => super::reports::view::draw(f, app, t, a.body),
        }
    }

    // Status.
    if let Some(s) = &app.status {
        let (sign, role) = status_prefix(s.level);
        f.render_widget(
            Paragraph::new(fit(&format!(" {sign} {}", s.text), a.status.width as usize))
                .style(th.style(role)),
            a.status,
        );
    }

    // Hints, from the keymap.
    let mut spans = vec![];
    let mut used = 0usize;
    let idle = app.idle_commands();
    for (chord, cmd) in app
        .keymap
        .hints(&app.hint_scopes(), app.typing())
        .into_iter()
        .filter(|(_, c)| !idle.contains(c))
    {
        let k = key_name(&chord);
        let label = tr(app.cmd_label(cmd));
        let wdt = k.width() + label.width() + 3;
        if used + wdt > a.hints.width as usize {
            break;
        }
        used += wdt;
        spans.push(Span::styled(format!(" {k}"), th.style(Role::Key)));
        spans.push(Span::raw(format!(" {label} ")));
    }
    f.render_widget(
        Paragraph::new(Line::from(spans)).style(th.style(Role::Muted)),
        a.hints,
    );

    if let Some(p) = &app.popup {
        draw_popup(f, app, p);
    }
}

pub(crate) fn header(app: &App, text: String) -> Line<'static> {
    Line::styled(text, app.theme.style(Role::Title))
}

pub(crate) fn row_line(app: &App, text: String, selected: bool) -> Line<'static> {
    if selected {
        Line::styled(format!("▸{text}"), app.theme.style(Role::Selected))
    } else {
        Line::raw(format!(" {text}"))
    }
}

pub(crate) fn loading(app: &App) -> Line<'static> {
    Line::styled(t!("tui-loading"), app.theme.style(Role::Muted))
}

fn draw_home(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let w = r.width as usize;
    let Some(o) = &app.home else {
        f.render_widget(Paragraph::new(loading(app)), r);
        return;
    };
    let name_w = w.saturating_sub(2 + 10 + 20);
    let mut lines = vec![header(
        app,
        format!(
            " {}{}{}",
            fit(&t!("home-money"), 10 + name_w),
            " ",
            rfit(&t!("home-balance"), 19)
        ),
    )];
    for a in &o.money {
        lines.push(Line::raw(format!(
            " {}{} {}",
            fit(&a.number, 10),
            fit(&a.name, name_w),
            rfit(&money(a.balance), 19)
        )));
    }
    if o.money.is_empty() {
        lines.push(Line::styled(
            format!(" {}", t!("home-no-money")),
            th.style(Role::Muted),
        ));
    }
    lines.push(
        Line::raw(format!(
            " {}{} {}",
            fit("", 10),
            fit(&t!("home-total"), name_w),
            rfit(&money(o.money_total), 19)
        ))
        .style(th.style(Role::Key)),
    );
    lines.push(Line::from(""));
    lines.push(header(
        app,
        format!(" {}", t!("home-today", date = date(o.today))),
    ));
    lines.push(Line::raw(format!(
        " {}",
        t!(
            "home-activity",
            count = o.today_entries as i64,
            received = money(o.today_in),
            paid = money(o.today_out)
        )
    )));
    lines.push(Line::from(""));
    lines.push(header(app, format!(" {}", t!("home-attention"))));
    if o.warnings.is_empty() {
        lines.push(Line::styled(
            format!(" ✓ {}", t!("home-all-good")),
            th.style(Role::Success),
        ));
    }
    for wn in &o.warnings {
        let text = warning_text(wn);
        lines.push(Line::styled(format!(" ⚠ {text}"), th.style(Role::Warn)));
    }
    f.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
        r,
    );
}

/// A home-screen warning in the user's language (also `jatebo status`).
pub fn warning_text(w: &Warning) -> String {
    match w {
        Warning::MonthsOpen { from, to } => {
            let m = |s: &str| {
                crate::domain::period::Month::parse(s)
                    .map(i18n::month)
                    .unwrap_or_else(|_| s.to_string())
            };
            if from == to {
                t!("home-month-open", month = m(from))
            } else {
                t!("home-months-open", from = m(from), to = m(to))
            }
        }
        Warning::FutureEntries { count, first } => {
            t!("home-future", count = *count as i64, date = date(*first))
        }
        Warning::Unbalanced { number } => t!("home-unbalanced", number = number.clone()),
    }
}

/// Column widths for a table: fixed ones, and one that takes what is left.
pub(crate) fn flex(total: usize, fixed: &[usize]) -> usize {
    let used: usize = fixed.iter().sum::<usize>() + fixed.len() + 1;
    total.saturating_sub(used).max(6)
}

fn draw_accounts(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let st = &app.accounts;
    if !st.loaded {
        f.render_widget(Paragraph::new(loading(app)), r);
        return;
    }
    let w = r.width as usize;
    let (nw, aw) = (7, if w >= 100 { 14 } else { 12 });
    let name_w = flex(w, &[nw, aw, aw, aw + 1]);
    let mut lines = vec![header(
        app,
        format!(
            " {} {} {} {} {}",
            fit(&t!("col-account"), nw),
            fit(&t!("col-name"), name_w),
            rfit(&t!("col-debit"), aw),
            rfit(&t!("col-credit"), aw),
            rfit(&t!("col-balance"), aw + 1)
        ),
    )];
    let list = list_area(app);
    let vis = st.visible();
    for (i, &idx) in vis
        .iter()
        .enumerate()
        .skip(st.nav.offset)
        .take(list.height as usize)
    {
        let a = &st.rows[idx];
        let mut name = a.name.clone();
        if a.closed {
            name = format!("{name} [{}]", t!("account-closed-mark"));
        }
        let text = format!(
            "{} {} {} {} {}",
            fit(&a.number, nw),
            fit(&name, name_w),
            rfit(&amount_or_blank(a.debit), aw),
            rfit(&amount_or_blank(a.credit), aw),
            rfit(&balance(a.balance), aw + 1)
        );
        let line = row_line(app, text, i == st.nav.cursor);
        lines.push(if a.used || i == st.nav.cursor {
            line
        } else {
            line.style(th.style(Role::Muted))
        });
    }
    f.render_widget(
        Paragraph::new(lines),
        Rect::new(r.x, r.y, r.width, r.height.saturating_sub(1)),
    );
    let footer = if st.filter.active || !st.filter.input.is_empty() {
        filter_line(th, &st.filter, vis.len(), st.rows.len())
    } else {
        Line::styled(
            format!(" {}", t!("accounts-footer", count = st.rows.len() as i64)),
            th.style(Role::Muted),
        )
    };
    let fr = Rect::new(r.x, r.y + r.height.saturating_sub(1), r.width, 1);
    f.render_widget(Paragraph::new(footer), fr);
    if st.filter.active {
        set_cursor(
            f,
            Rect::new(fr.x + 3, fr.y, fr.width, 1),
            0,
            0,
            &st.filter.input,
        );
    }
}

fn draw_ledger(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let Some(l) = &app.accounts.ledger else {
        return;
    };
    let w = r.width as usize;
    let wide = w >= 100;
    // At 80 columns the entry number gives way to the description (Enter
    // on a line opens the entry, number and all).
    let (dw, nw, pw, aw) = (10, 11, 12, 12);
    let fixed: Vec<usize> = if wide {
        vec![dw, nw, pw, aw, aw, aw + 1]
    } else {
        vec![dw, aw, aw, aw + 1]
    };
    let memo_w = flex(w, &fixed);
    let mut lines = vec![
        {
            let suffix = t!(
                "tui-ledger-title",
                year = l.year as i64,
                opening = money(l.opening)
            );
            let name_w = w.saturating_sub(suffix.width() + l.account.number.width() + 6);
            Line::styled(
                format!(
                    " {} {} · {suffix}",
                    l.account.number,
                    fit(&l.account.name, name_w.min(l.account.name.width())).trim_end()
                ),
                th.style(Role::Key),
            )
        },
        header(app, {
            let mut s = format!(" {} ", fit(&t!("col-date"), dw));
            if wide {
                s.push_str(&format!(
                    "{} {} ",
                    fit(&t!("col-number"), nw),
                    fit(&t!("col-doc"), pw)
                ));
            }
            s.push_str(&format!(
                "{} {} {} {}",
                fit(&t!("col-memo"), memo_w),
                rfit(&t!("col-debit"), aw),
                rfit(&t!("col-credit"), aw),
                rfit(&t!("col-balance"), aw + 1)
            ));
            s
        }),
    ];
    let list = list_area(app);
    for (i, x) in l
        .lines
        .iter()
        .enumerate()
        .skip(l.nav.offset)
        .take(list.height as usize)
    {
        let memo = if x.label.is_empty() {
            x.memo.clone()
        } else {
            x.label.clone()
        };
        let mut s = format!("{} ", fit(&date(x.date), dw));
        if wide {
            s.push_str(&format!(
                "{} {} ",
                fit(&x.number.to_string(), nw),
                fit(&x.doc_ref, pw)
            ));
        }
        s.push_str(&format!(
            "{} {} {} {}",
            fit(&memo, memo_w),
            rfit(&amount_or_blank(x.debit), aw),
            rfit(&amount_or_blank(x.credit), aw),
            rfit(&balance(x.balance), aw + 1)
        ));
        lines.push(row_line(app, s, i == l.nav.cursor));
    }
    if l.lines.is_empty() {
        lines.push(Line::styled(
            format!(" {}", t!("ledger-empty")),
            th.style(Role::Muted),
        ));
    }
    f.render_widget(
        Paragraph::new(lines),
        Rect::new(r.x, r.y, r.width, r.height.saturating_sub(1)),
    );
    let closing = l.lines.last().map(|x| x.balance).unwrap_or(l.opening);
    let footer = t!(
        "ledger-footer",
        count = l.lines.len() as i64,
        closing = balance_words(closing)
    );
    f.render_widget(
        Paragraph::new(format!(" {footer}")).style(th.style(Role::Muted)),
        Rect::new(r.x, r.y + r.height.saturating_sub(1), r.width, 1),
    );
}

fn draw_journal(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let j = &app.journal;
    let w = r.width as usize;
    let filter = &j.filter;
    let summary = if filter.is_empty() {
        t!("journal-all")
    } else {
        let mut parts = vec![];
        if !filter.period.trim().is_empty() {
            parts.push(t!(
                "journal-filter-period",
                value = filter.period.trim().to_string()
            ));
        }
        if !filter.account.trim().is_empty() {
            parts.push(t!(
                "journal-filter-account",
                value = filter.account.trim().to_string()
            ));
        }
        if !filter.text.trim().is_empty() {
            parts.push(t!(
                "journal-filter-text",
                value = filter.text.trim().to_string()
            ));
        }
        t!("journal-filtered", filters = parts.join(" · "))
    };
    let (dw, nw, pw, aw, mw) = (10, 11, 12, 14, 2);
    let memo_w = flex(w, &[dw, nw, pw, aw, mw]);
    let mut lines = vec![
        Line::styled(format!(" {summary}"), th.style(Role::Key)),
        header(
            app,
            format!(
                " {} {} {} {} {} {}",
                fit(&t!("col-date"), dw),
                fit(&t!("col-number"), nw),
                fit(&t!("col-doc"), pw),
                fit(&t!("col-memo"), memo_w),
                rfit(&t!("col-amount"), aw),
                fit("", mw)
            ),
        ),
    ];
    let list = list_area(app);
    if !j.loaded {
        lines.push(loading(app));
    } else if j.rows.is_empty() {
        lines.push(Line::styled(
            format!(" {}", t!("journal-empty")),
            th.style(Role::Muted),
        ));
    }
    for (i, e) in j
        .rows
        .iter()
        .enumerate()
        .skip(j.nav.offset)
        .take(list.height as usize)
    {
        let total = e
            .entry
            .lines
            .iter()
            .filter(|l| l.side == crate::domain::ledger::Side::Debit)
            .fold(0i64, |acc, l| acc.saturating_add(l.amount.francs()));
        let mark = if e.reversed_by.is_some() {
            "↺"
        } else if e.entry.reverses.is_some() {
            "↩"
        } else if !e.balanced {
            "✗"
        } else {
            ""
        };
        let text = format!(
            "{} {} {} {} {} {}",
            fit(&date(e.entry.date), dw),
            fit(&e.entry.number.to_string(), nw),
            fit(&e.entry.doc_ref, pw),
            fit(&e.entry.memo, memo_w),
            rfit(&amount(Fcfa::new(total)), aw),
            fit(mark, mw)
        );
        lines.push(row_line(app, text, i == j.nav.cursor));
    }
    f.render_widget(
        Paragraph::new(lines),
        Rect::new(r.x, r.y, r.width, r.height.saturating_sub(1)),
    );
    let footer = if j.loading {
        t!("tui-loading")
    } else {
        let mut parts = vec![];
        if j.more_before {
            parts.push(t!("journal-more-before"));
        }
        if j.more_after {
            parts.push(t!("journal-more-after"));
        }
        parts.push(t!("journal-legend"));
        parts.join(" · ")
    };
    f.render_widget(
        Paragraph::new(format!(" {footer}")).style(th.style(Role::Muted)),
        Rect::new(r.x, r.y + r.height.saturating_sub(1), r.width, 1),
    );
}

fn account_name(app: &App, number: &str) -> String {
    app.accounts
        .rows
        .iter()
        .find(|a| a.number == number)
        .map(|a| a.name.clone())
        .unwrap_or_default()
}

fn draw_entry(f: &mut Frame, app: &App, v: &crate::store::EntryView, r: Rect) {
    draw_entry_scrolled(f, app, v, r, app.detail_scroll);
}

/// An entry as the journal shows it, scrolled down `scroll` lines (the
/// reports' drill-down draws it too).
pub(crate) fn draw_entry_scrolled(
    f: &mut Frame,
    app: &App,
    v: &crate::store::EntryView,
    r: Rect,
    scroll: u16,
) {
    let th = app.theme;
    let e = &v.entry;
    let w = r.width as usize;
    let dash = "—".to_string();
    let mut lines = vec![
        Line::styled(
            format!(
                " {}",
                t!(
                    "entry-title",
                    number = e.number.to_string(),
                    date = date(e.date)
                )
            ),
            th.style(Role::Title),
        ),
        Line::raw(format!(
            " {}",
            t!(
                "entry-doc",
                value = if e.doc_ref.is_empty() {
                    dash.clone()
                } else {
                    e.doc_ref.clone()
                }
            )
        )),
        Line::raw(format!(" {}", t!("entry-memo", value = e.memo.clone()))),
        Line::raw(format!(
            " {}",
            t!(
                "entry-author",
                name = e.author.clone(),
                at = timestamp(&e.recorded_at)
            )
        )),
        Line::raw(format!(
            " {}",
            t!(
                "entry-origin",
                source = e
                    .source
                    .clone()
                    .unwrap_or_else(|| t!("entry-source-manual"))
            )
        )),
    ];
    if let Some(n) = e.reverses {
        lines.push(Line::styled(
            format!(" ↩ {}", t!("entry-reverses", number = n.to_string())),
            th.style(Role::Warn),
        ));
    }
    if let Some(n) = v.reversed_by {
        lines.push(Line::styled(
            format!(" ↺ {}", t!("entry-reversed-by", number = n.to_string())),
            th.style(Role::Warn),
        ));
    }
    lines.push(Line::styled(
        format!(" {}", t!("entry-hash", hash = e.hash.clone())),
        th.style(Role::Muted),
    ));
    lines.push(Line::styled(
        format!(" {}", t!("entry-prev-hash", hash = e.prev_hash.clone())),
        th.style(Role::Muted),
    ));
    lines.push(Line::from(""));
    let (nw, aw) = (7, 14);
    let lw = if w >= 100 { 24 } else { 0 };
    let name_w = flex(w, &[nw, aw, aw, lw]);
    lines.push(header(
        app,
        format!(
            " {} {} {} {} {}",
            fit(&t!("col-account"), nw),
            fit(&t!("col-name"), name_w),
            rfit(&t!("col-debit"), aw),
            rfit(&t!("col-credit"), aw),
            fit(&t!("col-label"), lw)
        ),
    ));
    let (mut d, mut c) = (0i64, 0i64);
    for l in &e.lines {
        let (debit, credit) = match l.side {
            crate::domain::ledger::Side::Debit => {
                d = d.saturating_add(l.amount.francs());
                (amount(l.amount), String::new())
            }
            crate::domain::ledger::Side::Credit => {
                c = c.saturating_add(l.amount.francs());
                (String::new(), amount(l.amount))
            }
        };
        let name = if lw == 0 && !l.label.is_empty() {
            format!("{} — {}", account_name(app, l.account.as_str()), l.label)
        } else {
            account_name(app, l.account.as_str())
        };
        lines.push(Line::raw(format!(
            " {} {} {} {} {}",
            fit(l.account.as_str(), nw),
            fit(&name, name_w),
            rfit(&debit, aw),
            rfit(&credit, aw),
            fit(&l.label, lw)
        )));
    }
    let ok = v.balanced && d == c;
    let mark = if ok {
        format!("✓ {}", t!("entry-balanced"))
    } else {
        format!("✗ {}", t!("entry-unbalanced"))
    };
    lines.push(Line::styled(
        format!(
            " {} {} {} {}",
            fit("", nw),
            fit(&format!("{} {mark}", t!("form-totals")), name_w),
            rfit(&amount(Fcfa::new(d)), aw),
            rfit(&amount(Fcfa::new(c)), aw),
        ),
        th.style(if ok { Role::Key } else { Role::Alert }),
    ));
    f.render_widget(
        Paragraph::new(lines)
            .wrap(ratatui::widgets::Wrap { trim: false })
            .scroll((scroll, 0)),
        r,
    );
}

fn draw_form(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let form = &app.form;
    if !app.can(crate::domain::access::Action::Post) {
        f.render_widget(
            Paragraph::new(format!(" {}", t!("tui-read-only"))).style(th.style(Role::Warn)),
            r,
        );
        return;
    }
    let w = r.width as usize;
    let focus_style = |on: bool| {
        if on {
            th.style(Role::InputFocus)
        } else {
            th.style(Role::Input)
        }
    };
    let mut cursor: Option<(u16, u16, &Input, usize)> = None;
    // Head fields.
    let dl = t!("form-date");
    let pl = t!("form-doc");
    let ml = t!("form-memo");
    let memo_w = w
        .saturating_sub(dl.width() + pl.width() + ml.width() + 11 + 12 + 9)
        .max(8);
    let head = Line::from(vec![
        Span::raw(format!(" {dl} ")),
        Span::styled(
            field_text(&form.date, 11, form.focus == Focus::Date),
            focus_style(form.focus == Focus::Date),
        ),
        Span::raw(format!("  {pl} ")),
        Span::styled(
            field_text(&form.doc, 12, form.focus == Focus::Doc),
            focus_style(form.focus == Focus::Doc),
        ),
        Span::raw(format!("  {ml} ")),
        Span::styled(
            field_text(&form.memo, memo_w, form.focus == Focus::Memo),
            focus_style(form.focus == Focus::Memo),
        ),
    ]);
    let x_date = 1 + dl.width() as u16 + 1;
    let x_doc = x_date + 11 + 2 + pl.width() as u16 + 1;
    let x_memo = x_doc + 12 + 2 + ml.width() as u16 + 1;
    match form.focus {
        Focus::Date => cursor = Some((0, x_date, &form.date, 11)),
        Focus::Doc => cursor = Some((0, x_doc, &form.doc, 12)),
        Focus::Memo => cursor = Some((0, x_memo, &form.memo, memo_w)),
        _ => {}
    }
    let (nw, accw, aw) = (3, 8, 13);
    let label_w = if w >= 100 { 24 } else { 12 };
    let name_w = flex(w, &[nw, accw, aw, aw, label_w]).min(40);
    let mut lines = vec![
        head,
        Line::from(""),
        header(
            app,
            format!(
                " {} {} {} {} {} {}",
                fit("", nw),
                fit(&t!("col-account"), accw),
                fit(&t!("col-name"), name_w),
                fit(&t!("col-debit"), aw),
                fit(&t!("col-credit"), aw),
                fit(&t!("col-label"), label_w)
            ),
        ),
    ];
    let lines_h = (r.height as usize).saturating_sub(8).max(2);
    let focus_line = match form.focus {
        Focus::Line(i, _) => i,
        _ => 0,
    };
    let start = focus_line.saturating_sub(lines_h.saturating_sub(1));
    let x_acc = 1 + nw as u16 + 1;
    let x_debit = x_acc + accw as u16 + 1 + name_w as u16 + 1;
    let x_credit = x_debit + aw as u16 + 1;
    let x_label = x_credit + aw as u16 + 1;
    for (i, l) in form.lines.iter().enumerate().skip(start).take(lines_h) {
        let on = |c: Col| form.focus == Focus::Line(i, c);
        let name = account_name(app, l.account.value.trim());
        let row = lines.len() as u16;
        for (c, x, inp, cw) in [
            (Col::Account, x_acc, &l.account, accw),
            (Col::Debit, x_debit, &l.debit, aw),
            (Col::Credit, x_credit, &l.credit, aw),
            (Col::Label, x_label, &l.label, label_w),
        ] {
            if on(c) {
                cursor = Some((row, x, inp, cw));
            }
        }
        lines.push(Line::from(vec![
            Span::raw(format!(" {} ", rfit(&(i + 1).to_string(), nw))),
            Span::styled(
                field_text(&l.account, accw, on(Col::Account)),
                focus_style(on(Col::Account)),
            ),
            Span::raw(format!(" {} ", fit(&name, name_w))),
            Span::styled(
                field_text(&l.debit, aw, on(Col::Debit)),
                focus_style(on(Col::Debit)),
            ),
            Span::raw(" "),
            Span::styled(
                field_text(&l.credit, aw, on(Col::Credit)),
                focus_style(on(Col::Credit)),
            ),
            Span::raw(" "),
            Span::styled(
                field_text(&l.label, label_w, on(Col::Label)),
                focus_style(on(Col::Label)),
            ),
        ]));
    }
    if start + lines_h < form.lines.len() {
        lines.push(Line::styled(
            format!(
                " … {}",
                t!(
                    "form-more-lines",
                    count = (form.lines.len() - start - lines_h) as i64
                )
            ),
            th.style(Role::Muted),
        ));
    }
    lines.push(Line::from(""));
    let (d, c) = form.totals();
    let diff = form.difference();
    let balanced = diff == 0 && !d.is_zero();
    let diff_text = Fcfa::new(diff.clamp(i64::MIN as i128, i64::MAX as i128) as i64);
    lines.push(Line::from(vec![
        Span::raw(format!(" {}  ", t!("form-total-debit", amount = money(d)))),
        Span::raw(format!("{}  ", t!("form-total-credit", amount = money(c)))),
        Span::styled(
            if d.is_zero() && c.is_zero() {
                String::new()
            } else if balanced {
                format!("✓ {}", t!("form-balanced"))
            } else {
                format!(
                    "✗ {}",
                    t!("form-difference", amount = money(diff_text.abs()))
                )
            },
            th.style(if balanced { Role::Success } else { Role::Alert }),
        ),
    ]));
    if let Some(e) = &form.error {
        let text = match e.key {
            "form-unbalanced" => t!("form-unbalanced", amount = money(diff_text.abs())),
            k => i18n::tr_args(
                k,
                &[
                    ("value", e.detail.clone().into()),
                    ("line", (e.line as i64).into()),
                ],
            ),
        };
        lines.push(err_line(app, &text));
    }
    f.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
        r,
    );
    // Account suggestions under the focused line.
    if let Focus::Line(i, Col::Account) = form.focus {
        let sugg = form.suggestions(&app.accounts.rows);
        if !sugg.is_empty() {
            let row = 3 + (i - start) as u16 + 1;
            let h = sugg.len() as u16 + 2;
            let y = if r.y + row + h <= r.y + r.height {
                r.y + row
            } else {
                (r.y + row).saturating_sub(h + 1)
            };
            let sw = 50.min(r.width.saturating_sub(x_acc));
            let sr = Rect::new(r.x + x_acc, y, sw, h);
            f.render_widget(Clear, sr);
            let items: Vec<Line> = sugg
                .iter()
                .enumerate()
                .map(|(k, a)| {
                    let text = format!("{} {}", fit(&a.number, 7), a.name);
                    let text = fit(&text, sw as usize - 3);
                    if k == form.pick {
                        Line::styled(format!("▸{text}"), th.style(Role::Selected))
                    } else {
                        Line::raw(format!(" {text}"))
                    }
                })
                .collect();
            f.render_widget(
                Paragraph::new(items).block(
                    Block::default()
                        .borders(Borders::ALL)
                        .border_style(th.style(Role::Border))
                        .style(th.base()),
                ),
                sr,
            );
        }
    }
    if let Some((row, x, inp, cw)) = cursor {
        set_cursor_w(f, r, row, x, inp, cw);
    }
}

fn draw_periods(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let p = &app.periods;
    if !p.loaded {
        f.render_widget(Paragraph::new(loading(app)), r);
        return;
    }
    let through = p
        .org
        .as_ref()
        .and_then(|o| o.closed_through.as_deref())
        .and_then(|m| crate::domain::period::Month::parse(m).ok())
        .map(i18n::month)
        .unwrap_or_else(|| t!("periods-none-closed"));
    let next = match p.next {
        Some(m) => t!("periods-next", month = i18n::month(m)),
        None => t!("periods-nothing-to-close"),
    };
    let w = r.width as usize;
    let (pw, kw, cw, aw) = (14, 8, 16, 12);
    let by_w = flex(w, &[pw, kw, cw, aw, aw]);
    let mut lines = vec![
        Line::raw(format!(" {}", t!("periods-through", month = through))),
        Line::styled(format!(" {next}"), th.style(Role::Key)),
        header(
            app,
            format!(
                " {} {} {} {} {} {}",
                fit(&t!("col-period"), pw),
                fit(&t!("col-kind"), kw),
                fit(&t!("col-closed-at"), cw),
                fit(&t!("col-closed-by"), by_w),
                rfit(&t!("col-debit"), aw),
                rfit(&t!("col-credit"), aw)
            ),
        ),
    ];
    let list = list_area(app);
    for (i, c) in p
        .closes
        .iter()
        .enumerate()
        .skip(p.nav.offset)
        .take(list.height as usize)
    {
        let kind = if c.kind == "year" {
            t!("close-kind-year")
        } else {
            t!("close-kind-month")
        };
        let at = timestamp(&c.closed_at);
        let text = format!(
            "{} {} {} {} {} {}",
            fit(&period_name(&c.period), pw),
            fit(&kind, kw),
            fit(&at, cw),
            fit(&c.closed_by, by_w),
            rfit(&amount(c.total_debit), aw),
            rfit(&amount(c.total_credit), aw)
        );
        lines.push(row_line(app, text, i == p.nav.cursor));
    }
    if p.closes.is_empty() {
        lines.push(Line::styled(
            format!(" {}", t!("periods-empty")),
            th.style(Role::Muted),
        ));
    }
    f.render_widget(Paragraph::new(lines), r);
}

fn draw_users(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let u = &app.users;
    if !u.loaded {
        f.render_widget(Paragraph::new(loading(app)), r);
        return;
    }
    let w = r.width as usize;
    let (lw, pw) = (6, 5);
    let name_w = 24.min(w / 3);
    let roles_w = flex(w, &[name_w, lw, pw]);
    let mut lines = vec![header(
        app,
        format!(
            " {} {} {} {}",
            fit(&t!("users-col-name"), name_w),
            fit(&t!("users-col-lang"), lw),
            fit(&t!("users-col-pin"), pw),
            fit(&t!("users-col-roles"), roles_w)
        ),
    )];
    let list = list_area(app);
    for (i, user) in u
        .rows
        .iter()
        .enumerate()
        .skip(u.nav.offset)
        .take(list.height as usize)
    {
        let roles: Vec<String> = user
            .roles
            .iter()
            .map(|(o, r)| {
                let scope = if o == "*" {
                    t!("users-all-orgs")
                } else {
                    o.clone()
                };
                t!("users-role-in", scope = scope, role = role_name(*r))
            })
            .collect();
        let mut name = user.name.clone();
        if user.disabled {
            name = format!("{name} [{}]", t!("users-disabled"));
        }
        let text = format!(
            "{} {} {} {}",
            fit(&name, name_w),
            fit(&user.lang, lw),
            fit(
                &if user.has_pin {
                    t!("users-yes")
                } else {
                    t!("users-no")
                },
                pw
            ),
            fit(&roles.join(" · "), roles_w)
        );
        lines.push(row_line(app, text, i == u.nav.cursor));
    }
    f.render_widget(
        Paragraph::new(lines),
        Rect::new(r.x, r.y, r.width, r.height.saturating_sub(1)),
    );
    let footer = t!("users-count", count = u.rows.len() as i64);
    f.render_widget(
        Paragraph::new(format!(" {footer}")).style(th.style(Role::Muted)),
        Rect::new(r.x, r.y + r.height.saturating_sub(1), r.width, 1),
    );
}

fn draw_popup(f: &mut Frame, app: &App, p: &Popup) {
    let th = app.theme;
    match p {
        Popup::Coop(d) => super::coop::view::draw_dialog(f, app, d),
        Popup::Savings(d) => super::savings::view::draw_dialog(f, app, d),
        Popup::Export(d) => super::reports::export::draw(f, app, d),
        Popup::Help => {
            let mut scopes = app.scopes_without_popup();
            scopes.dedup();
            let bindings = app.keymap.active(&scopes, app.typing_without_popup());
            let withheld = app.withheld_commands();
            let entries: Vec<(String, String)> = bindings
                .iter()
                .filter(|(_, cmd)| !withheld.contains(cmd))
                .map(|(keys, cmd)| {
                    let k = keys.iter().map(key_name).collect::<Vec<_>>().join(" / ");
                    (k, tr(app.cmd_label(*cmd)))
                })
                .collect();
            // One column when it fits the window's height, two otherwise.
            let room = app.size.1.saturating_sub(6) as usize;
            let two = entries.len() + 2 > room;
            let width: u16 = if two { 78 } else { 64 };
            let inner = width as usize - 4;
            let mut lines: Vec<Line> = Vec::new();
            if two {
                let half = entries.len().div_ceil(2);
                let cw = inner / 2;
                for i in 0..half {
                    let mut spans = vec![];
                    for (k, label) in [entries.get(i), entries.get(i + half)]
                        .into_iter()
                        .flatten()
                    {
                        let kw = 16.min(cw / 2);
                        spans.push(Span::styled(
                            format!("{} ", fit(k, kw - 1)),
                            th.style(Role::Key),
                        ));
                        spans.push(Span::raw(fit(label, cw - kw)));
                    }
                    lines.push(Line::from(spans));
                }
            } else {
                for (k, label) in &entries {
                    lines.push(Line::from(vec![
                        Span::styled(format!("{} ", fit(k, 21)), th.style(Role::Key)),
                        Span::raw(label.clone()),
                    ]));
                }
            }
            lines.push(Line::from(""));
            lines.push(Line::styled(t!("help-footer"), th.style(Role::Muted)));
            let h = (lines.len() as u16 + 4).min(app.size.1.saturating_sub(2));
            let r = panel(f, app, &t!("help-title"), width, h);
            f.render_widget(
                Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
                r,
            );
        }
        Popup::User(form) => {
            let mut lines = vec![Line::from("")];
            let mut cursor = None;
            for (i, fld) in form.fields.iter().enumerate() {
                let focused = i == form.focus;
                if fld.is_choice() {
                    let label = fld
                        .choices
                        .get(fld.pick)
                        .map(|(_, l)| l.clone())
                        .unwrap_or_default();
                    lines.push(Line::from(vec![
                        Span::styled(if focused { "▸ " } else { "  " }, th.style(Role::Key)),
                        Span::raw(fit(&tr(fld.label), 20)),
                        Span::styled(
                            format!("◂ {label} ▸"),
                            if focused {
                                th.style(Role::InputFocus)
                            } else {
                                th.style(Role::Input)
                            },
                        ),
                    ]));
                } else {
                    if focused {
                        cursor = Some((lines.len() as u16, &fld.input));
                    }
                    lines.push(field_line(app, &tr(fld.label), &fld.input, focused, 20));
                }
            }
            lines.push(Line::from(""));
            if let Some(e) = &form.error {
                lines.push(err_line(app, e));
            }
            lines.push(Line::styled(t!("users-dialog-help"), th.style(Role::Muted)));
            let h = lines.len() as u16 + 3;
            let r = panel(f, app, &form.title(), 70, h);
            f.render_widget(
                Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
                r,
            );
            if let Some((row, input)) = cursor {
                set_cursor(f, r, row, 22, input);
            }
        }
        Popup::ClockDate {
            message,
            date,
            error,
        } => {
            let mut lines = vec![
                field_line(app, &t!("tui-clock-field"), date, true, 27),
                Line::from(""),
                Line::styled(message.clone(), th.style(Role::Warn)),
                Line::from(""),
            ];
            if let Some(e) = error {
                lines.push(err_line(app, e));
            }
            lines.push(Line::styled(t!("tui-clock-help"), th.style(Role::Muted)));
            let r = panel(f, app, &t!("tui-clock-title"), 76, 14);
            f.render_widget(
                Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
                r,
            );
            set_cursor(f, r, 0, 29, date);
        }
        Popup::Notice { title, text } => {
            let lines = vec![
                Line::from(""),
                Line::styled(format!("✓ {text}"), th.style(Role::Success)),
                Line::from(""),
                Line::styled(t!("notice-help"), th.style(Role::Muted)),
            ];
            let r = panel(f, app, title, 66, 7);
            f.render_widget(
                Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
                r,
            );
        }
        Popup::Confirm(c) => {
            let text = match c {
                Confirm::ClosePeriod(m) => {
                    if m.month == 12 {
                        t!("confirm-close-year", year = m.year as i64)
                    } else {
                        t!("confirm-close-month", month = i18n::month(*m))
                    }
                }
                Confirm::QuitUnsaved => t!("confirm-quit-unsaved"),
                Confirm::SwitchOrg(_) => t!("confirm-switch-unsaved"),
            };
            let lines = vec![
                Line::from(""),
                Line::from(text),
                Line::from(""),
                Line::styled(t!("confirm-help"), th.style(Role::Muted)),
            ];
            let r = panel(f, app, &t!("confirm-title"), 66, 8);
            f.render_widget(
                Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
                r,
            );
        }
        Popup::OrgSwitch { filter, nav } => {
            let vis = app.visible_orgs(&filter.value);
            let mut lines = vec![
                field_line(app, &t!("org-filter"), filter, true, 10),
                Line::from(""),
            ];
            if let Some(s) = &app.session {
                for (k, &i) in vis.iter().enumerate().take(10) {
                    let o = &s.orgs[i];
                    let text = format!(
                        "{} {} {}",
                        fit(&o.org.code, 12),
                        fit(&o.org.name, 40),
                        role_name(o.role)
                    );
                    lines.push(row_line(app, text, k == nav.cursor));
                }
            }
            if vis.is_empty() {
                lines.push(Line::styled(t!("org-switch-none"), th.style(Role::Muted)));
            }
            lines.push(Line::from(""));
            lines.push(Line::styled(t!("org-help"), th.style(Role::Muted)));
            let r = panel(f, app, &t!("org-title"), 70, 17);
            f.render_widget(Paragraph::new(lines), r);
            set_cursor(f, r, 0, 12, filter);
        }
        Popup::Filter {
            period,
            account,
            text,
            field,
            error,
        } => {
            let mut lines = vec![
                Line::from(""),
                field_line(app, &t!("filter-period"), period, *field == 0, 14),
                field_line(app, &t!("filter-account"), account, *field == 1, 14),
                field_line(app, &t!("filter-text"), text, *field == 2, 14),
                Line::from(""),
                Line::styled(t!("filter-examples"), th.style(Role::Muted)),
            ];
            if let Some(e) = error {
                lines.push(err_line(app, e));
            }
            lines.push(Line::styled(t!("filter-help"), th.style(Role::Muted)));
            let r = panel(f, app, &t!("filter-title"), 66, 11);
            f.render_widget(
                Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
                r,
            );
            let inp = [period, account, text][(*field).min(2)];
            set_cursor(f, r, 1 + *field as u16, 16, inp);
        }
        Popup::Reverse {
            number,
            date: d,
            reason,
            field,
            error,
        } => {
            let mut lines = vec![
                field_line(app, &t!("reverse-date"), d, *field == 0, 14),
                field_line(app, &t!("reverse-reason"), reason, *field == 1, 14),
                Line::from(""),
                Line::from(t!("reverse-intro")),
                Line::from(""),
            ];
            if let Some(e) = error {
                lines.push(err_line(app, e));
            }
            lines.push(Line::styled(t!("reverse-help"), th.style(Role::Muted)));
            let r = panel(
                f,
                app,
                &t!("reverse-title", number = number.to_string()),
                70,
                10,
            );
            f.render_widget(
                Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
                r,
            );
            set_cursor(
                f,
                r,
                *field as u16,
                16,
                if *field == 0 { d } else { reason },
            );
        }
    }
}
