//! The sales screen: the receipt a treasurer builds all day. Type an item's
//! code or part of its name, Enter, the quantity (1 if left empty), Enter:
//! the line is added at the list price. Lines stay editable (quantity,
//! price with its reason, discount `10%` or an amount); the total is always
//! shown; the way of paying is one key (Alt+e, Alt+o, Alt+m, Alt+w, Alt+c);
//! F8 records. A refusal is shown and the receipt stays as it was typed.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::super::app::{App, Effect, Level};
use super::super::input::Input;
use super::super::keymap::{Cmd, Scope};
use super::super::theme::Role;
use super::super::view::{err_line, field_text, fit, header, rfit, set_cursor_w};
use super::dialog::{After, Dialog};
use super::{
    CoopEffect, SaleDraft, SaleLineDraft, can_post, match_customers, match_items, method_name,
    open_dialog, qty_unit, refuse_read_only, set_status,
};
use crate::domain::coop::{CoopError, Discount, ItemKind, PayMethod, Qty, Unit, line_amount};
use crate::domain::money::{self, Fcfa};
use crate::domain::text::fold;
use crate::i18n::{lang, tr};
use crate::service::coop::DocOutcome;
use crate::t;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineCol {
    Qty,
    Price,
    Discount,
    Reason,
}

impl LineCol {
    const ORDER: [LineCol; 4] = [
        LineCol::Qty,
        LineCol::Price,
        LineCol::Discount,
        LineCol::Reason,
    ];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SaleFocus {
    /// The item being added (code or part of the name).
    #[default]
    Item,
    Qty,
    Line(usize, LineCol),
    Method,
    Customer,
}

/// A line of the receipt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaleLine {
    pub item: String,
    pub name: String,
    pub unit: Unit,
    /// The list price when the line was added.
    pub list: Fcfa,
    pub qty: Input,
    pub price: Input,
    pub discount: Input,
    pub reason: Input,
}

impl SaleLine {
    fn field(&mut self, c: LineCol) -> &mut Input {
        match c {
            LineCol::Qty => &mut self.qty,
            LineCol::Price => &mut self.price,
            LineCol::Discount => &mut self.discount,
            LineCol::Reason => &mut self.reason,
        }
    }

    fn price(&self) -> Option<Fcfa> {
        money::parse(&self.price.value)
            .ok()
            .filter(|p| !p.is_negative())
    }

    /// The line's amount as typed now, if it reads.
    pub fn amount(&self) -> Option<Fcfa> {
        let q = Qty::parse(&self.qty.value, self.unit).ok()?;
        let d = Discount::parse(&self.discount.value).ok()?;
        line_amount(q, self.price()?, d).ok().map(|(a, _)| a)
    }

    pub fn price_changed(&self) -> bool {
        self.price().is_some_and(|p| p != self.list)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SalesState {
    pub item: Input,
    pub qty: Input,
    pub lines: Vec<SaleLine>,
    pub method: PayMethod,
    pub customer: Input,
    pub focus: SaleFocus,
    /// Highlighted suggestion of the item or customer picker.
    pub pick: usize,
    /// Idempotency key of this receipt (made when it is first sent).
    pub key: String,
    pub error: Option<String>,
    /// Sent, waiting for the ledger.
    pub pending: bool,
    /// The last receipt recorded, in words.
    pub last: Option<String>,
}

impl Default for SalesState {
    fn default() -> Self {
        SalesState {
            item: Input::new(60),
            qty: Input::new(12),
            lines: vec![],
            method: PayMethod::Cash,
            customer: Input::new(60),
            focus: SaleFocus::Item,
            pick: 0,
            key: String::new(),
            error: None,
            pending: false,
            last: None,
        }
    }
}

impl SalesState {
    pub fn dirty(&self) -> bool {
        !self.lines.is_empty() || !self.item.is_empty()
    }

    /// Drops the receipt being typed (a fresh one starts, with a new key).
    pub fn void(&mut self, _today: NaiveDate) {
        let last = self.last.take();
        *self = SalesState::default();
        self.last = last;
    }

    /// The total as typed now, and whether every line reads.
    pub fn total(&self) -> (Fcfa, bool) {
        let mut sum = 0i64;
        let mut ok = true;
        for l in &self.lines {
            match l.amount() {
                Some(a) => sum = sum.saturating_add(a.francs()),
                None => ok = false,
            }
        }
        (Fcfa::new(sum), ok)
    }

    fn input(&mut self, f: SaleFocus) -> Option<&mut Input> {
        Some(match f {
            SaleFocus::Item => &mut self.item,
            SaleFocus::Qty => &mut self.qty,
            SaleFocus::Customer => &mut self.customer,
            SaleFocus::Line(i, c) => self.lines.get_mut(i)?.field(c),
            SaleFocus::Method => return None,
        })
    }

    /// Tab order: the item, its quantity, every line's cells, the way of
    /// paying, the customer.
    fn order(&self) -> Vec<SaleFocus> {
        let mut v = vec![SaleFocus::Item, SaleFocus::Qty];
        for i in 0..self.lines.len() {
            for c in LineCol::ORDER {
                v.push(SaleFocus::Line(i, c));
            }
        }
        v.push(SaleFocus::Method);
        v.push(SaleFocus::Customer);
        v
    }

    fn step(&mut self, delta: isize) {
        let o = self.order();
        let i = o.iter().position(|f| *f == self.focus).unwrap_or(0) as isize;
        let n = o.len() as isize;
        self.focus = o[((i + delta) % n + n) as usize % o.len()];
        self.pick = 0;
    }
}

/// A way of paying in a word, for the receipt's line of choices.
pub fn method_short(m: PayMethod) -> String {
    tr(&format!("sale-method-{}", m.code()))
}

/// Products (or customers) matching the focused field.
pub fn suggestions(app: &App) -> Vec<(String, String)> {
    let s = &app.coop.sales;
    match s.focus {
        SaleFocus::Item => match_items(&app.coop.items, &s.item.value, Some(ItemKind::Product))
            .into_iter()
            .filter(|i| i.code != fold(s.item.value.trim()))
            .take(super::PICKS)
            .map(|i| {
                let price = i
                    .price
                    .map(|p| p.format(lang()))
                    .unwrap_or_else(|| "—".into());
                (
                    i.code.clone(),
                    format!(
                        "{} — {} · {price} · {}",
                        i.code,
                        i.name,
                        qty_unit(i.qty, i.unit)
                    ),
                )
            })
            .collect(),
        SaleFocus::Customer => {
            super::dialog::suggestions(app, super::dialog::Source::Customers, &s.customer.value)
        }
        _ => vec![],
    }
}

/// The product the item field names: its exact code, or the highlighted
/// suggestion.
fn resolve_item(app: &App) -> Option<String> {
    let s = &app.coop.sales;
    let typed = fold(s.item.value.trim());
    if let Some(i) = app
        .coop
        .items
        .iter()
        .find(|i| i.code == typed && i.kind == ItemKind::Product)
    {
        return Some(i.code.clone());
    }
    let sugg = match_items(&app.coop.items, &s.item.value, Some(ItemKind::Product));
    sugg.get(s.pick.min(sugg.len().saturating_sub(1)))
        .map(|i| i.code.clone())
}

fn resolve_customer(app: &App) -> Option<String> {
    let s = &app.coop.sales;
    let sugg = match_customers(&app.coop.customers, &s.customer.value);
    sugg.get(s.pick.min(sugg.len().saturating_sub(1)))
        .map(|c| c.code.clone())
}

/// Takes the highlighted suggestion into the focused field.
fn accept(app: &mut App) {
    let code = match app.coop.sales.focus {
        SaleFocus::Item if !app.coop.sales.item.is_empty() => resolve_item(app),
        SaleFocus::Customer if !app.coop.sales.customer.is_empty() => resolve_customer(app),
        _ => None,
    };
    let s = &mut app.coop.sales;
    if let Some(code) = code
        && let Some(inp) = s.input(s.focus)
    {
        inp.set(&code);
    }
    s.pick = 0;
}

/// Adds the item and quantity typed as a line (to the same line when the
/// item is already on the receipt at the list price).
fn add_entry(app: &mut App) -> Result<(), String> {
    let Some(code) = resolve_item(app) else {
        let typed = app.coop.sales.item.value.trim().to_string();
        app.coop.sales.focus = SaleFocus::Item;
        return Err(t!("dlg-unknown-product", code = typed));
    };
    let Some(item) = app.coop.item(&code).cloned() else {
        return Err(t!("dlg-unknown-product", code = code));
    };
    let s = &mut app.coop.sales;
    let qty_text = if s.qty.is_empty() {
        "1".to_string()
    } else {
        s.qty.value.clone()
    };
    let qty = match Qty::parse(&qty_text, item.unit) {
        Ok(q) => q,
        Err(e) => {
            s.item.set(&code);
            s.focus = SaleFocus::Qty;
            return Err(crate::i18n::message(&e));
        }
    };
    let list = item.price.unwrap_or(Fcfa::ZERO);
    let same = s
        .lines
        .iter_mut()
        .find(|l| l.item == item.code && !l.price_changed() && l.discount.is_empty());
    match same.and_then(|l| Qty::parse(&l.qty.value, l.unit).ok().map(|q| (l, q))) {
        Some((l, q)) => {
            let sum = q.checked_add(qty).unwrap_or(q);
            l.qty.set(&sum.format(lang()));
        }
        None => s.lines.push(SaleLine {
            item: item.code.clone(),
            name: item.name.clone(),
            unit: item.unit,
            list,
            qty: Input::offer(&qty.format(lang()), 12),
            price: Input::offer(&list.format_grouped(lang()), 16),
            discount: Input::new(16),
            reason: Input::new(200),
        }),
    }
    s.item.clear();
    s.qty.clear();
    s.focus = SaleFocus::Item;
    s.pick = 0;
    Ok(())
}

/// Checks the receipt and builds what the service receives.
pub fn build(app: &mut App) -> Result<SaleDraft, String> {
    let s = &app.coop.sales;
    let msg = |e: &dyn crate::domain::Message| crate::i18n::message(e);
    if s.lines.is_empty() {
        return Err(msg(&CoopError::EmptySale));
    }
    let mut lines = Vec::new();
    let mut fail = None;
    for (i, l) in s.lines.iter().enumerate() {
        let at = |c| SaleFocus::Line(i, c);
        let qty = match Qty::parse(&l.qty.value, l.unit) {
            Ok(q) => q,
            Err(e) => {
                fail = Some((at(LineCol::Qty), msg(&e)));
                break;
            }
        };
        let price = match money::parse(&l.price.value) {
            Ok(p) if !p.is_negative() => p,
            _ => {
                fail = Some((
                    at(LineCol::Price),
                    msg(&CoopError::BadPrice {
                        input: l.price.value.trim().to_string(),
                    }),
                ));
                break;
            }
        };
        let discount = match Discount::parse(&l.discount.value) {
            Ok(d) => d,
            Err(e) => {
                fail = Some((at(LineCol::Discount), msg(&e)));
                break;
            }
        };
        if let Err(e) = line_amount(qty, price, discount) {
            fail = Some((at(LineCol::Discount), msg(&e)));
            break;
        }
        if price != l.list && l.reason.is_empty() {
            fail = Some((at(LineCol::Reason), msg(&CoopError::PriceReasonRequired)));
            break;
        }
        lines.push(SaleLineDraft {
            item: l.item.clone(),
            qty,
            price: (price != l.list).then_some(price),
            price_reason: if price != l.list {
                l.reason.value.trim().to_string()
            } else {
                String::new()
            },
            discount,
        });
    }
    if let Some((focus, m)) = fail {
        app.coop.sales.focus = focus;
        return Err(m);
    }
    let typed_raw = s.customer.value.trim().to_string();
    let method = s.method;
    let typed = fold(&typed_raw);
    let customer = if typed.is_empty() {
        None
    } else {
        match app.coop.customer(&typed) {
            Some(c) => Some(c.code.clone()),
            None => {
                app.coop.sales.focus = SaleFocus::Customer;
                return Err(msg(&CoopError::UnknownCustomer { code: typed_raw }));
            }
        }
    };
    if method == PayMethod::Credit && customer.is_none() {
        app.coop.sales.focus = SaleFocus::Customer;
        return Err(msg(&CoopError::CreditNeedsCustomer));
    }
    if app.coop.sales.key.is_empty() {
        app.coop.sales.key = app.fresh_key();
    }
    Ok(SaleDraft {
        date: app.today,
        point: app.coop.point(),
        customer,
        method,
        lines,
        key: app.coop.sales.key.clone(),
    })
}

fn record(app: &mut App) -> Vec<Effect> {
    if refuse_read_only(app) || app.coop.sales.pending {
        return vec![];
    }
    // An item typed and not added yet goes on the receipt first.
    if !app.coop.sales.item.is_empty()
        && let Err(m) = add_entry(app)
    {
        app.coop.sales.error = Some(m);
        return vec![];
    }
    match build(app) {
        Ok(sale) => {
            let Some(org) = super::org_code(app) else {
                return vec![];
            };
            app.coop.sales.error = None;
            app.coop.sales.pending = true;
            vec![Effect::Coop(CoopEffect::Sell { org, sale })]
        }
        Err(m) => {
            app.coop.sales.error = Some(m);
            vec![]
        }
    }
}

fn set_method(app: &mut App, m: PayMethod) {
    let s = &mut app.coop.sales;
    s.method = m;
    s.error = None;
    if m == PayMethod::Credit {
        s.focus = SaleFocus::Customer;
    } else if s.focus == SaleFocus::Method {
        s.focus = SaleFocus::Item;
    }
    s.pick = 0;
}

/// The receipt's commands; `None` leaves the command to the rest.
pub fn run(app: &mut App, cmd: Cmd) -> Option<Vec<Effect>> {
    if !can_post(app) {
        return match cmd {
            Cmd::Post | Cmd::SaleAdd | Cmd::DeleteLine | Cmd::SaleVoid => {
                refuse_read_only(app);
                Some(vec![])
            }
            Cmd::PayCash
            | Cmd::PayOrange
            | Cmd::PayMoov
            | Cmd::PayWave
            | Cmd::PayBank
            | Cmd::PayCredit => {
                refuse_read_only(app);
                Some(vec![])
            }
            _ => None,
        };
    }
    let sugg = suggestions(app);
    let picking = !sugg.is_empty();
    let s = &mut app.coop.sales;
    match cmd {
        Cmd::SaleAdd => {
            s.error = None;
            match s.focus {
                SaleFocus::Item if s.item.is_empty() => {
                    if !s.lines.is_empty() {
                        s.focus = SaleFocus::Method;
                    }
                }
                SaleFocus::Item => {
                    let code = resolve_item(app);
                    let s = &mut app.coop.sales;
                    match code {
                        Some(code) => {
                            s.item.set(&code);
                            s.pick = 0;
                            s.focus = SaleFocus::Qty;
                        }
                        None => {
                            let typed = s.item.value.trim().to_string();
                            s.error = Some(t!("dlg-unknown-product", code = typed));
                        }
                    }
                }
                SaleFocus::Qty => {
                    if let Err(m) = add_entry(app) {
                        app.coop.sales.error = Some(m);
                    }
                }
                SaleFocus::Line(i, LineCol::Reason) => {
                    s.focus = if i + 1 < s.lines.len() {
                        SaleFocus::Line(i + 1, LineCol::Qty)
                    } else {
                        SaleFocus::Item
                    };
                }
                SaleFocus::Line(..) => s.step(1),
                SaleFocus::Method => {
                    s.focus = if s.method == PayMethod::Credit {
                        SaleFocus::Customer
                    } else {
                        SaleFocus::Item
                    }
                }
                SaleFocus::Customer => {
                    accept(app);
                    app.coop.sales.focus = SaleFocus::Item;
                }
            }
        }
        Cmd::NextField => {
            if picking {
                accept(app);
            }
            app.coop.sales.step(1);
        }
        Cmd::PrevField => s.step(-1),
        Cmd::Up | Cmd::Down => {
            let down = cmd == Cmd::Down;
            if picking {
                let n = sugg.len();
                s.pick = if down {
                    (s.pick + 1).min(n - 1)
                } else {
                    s.pick.saturating_sub(1)
                };
                return Some(vec![]);
            }
            let n = s.lines.len();
            s.focus = match (s.focus, down) {
                (SaleFocus::Item | SaleFocus::Qty, false) if n > 0 => {
                    SaleFocus::Line(n - 1, LineCol::Qty)
                }
                (SaleFocus::Item | SaleFocus::Qty, true) => SaleFocus::Method,
                (SaleFocus::Line(i, c), false) => SaleFocus::Line(i.saturating_sub(1), c),
                (SaleFocus::Line(i, c), true) if i + 1 < n => SaleFocus::Line(i + 1, c),
                (SaleFocus::Line(..), true) => SaleFocus::Item,
                (SaleFocus::Method, false) => SaleFocus::Item,
                (SaleFocus::Method, true) => SaleFocus::Customer,
                (SaleFocus::Customer, false) => SaleFocus::Method,
                (f, _) => f,
            };
        }
        Cmd::Post => return Some(record(app)),
        Cmd::DeleteLine => {
            if let SaleFocus::Line(i, c) = s.focus {
                s.lines.remove(i);
                s.focus = if s.lines.is_empty() {
                    SaleFocus::Item
                } else {
                    SaleFocus::Line(i.min(s.lines.len() - 1), c)
                };
            }
        }
        Cmd::SaleVoid => {
            if s.dirty() {
                open_dialog(app, Dialog::void_receipt());
            }
        }
        Cmd::PayCash => set_method(app, PayMethod::Cash),
        Cmd::PayOrange => set_method(app, PayMethod::Orange),
        Cmd::PayMoov => set_method(app, PayMethod::Moov),
        Cmd::PayWave => set_method(app, PayMethod::Wave),
        Cmd::PayBank => set_method(app, PayMethod::Bank),
        Cmd::PayCredit => set_method(app, PayMethod::Credit),
        Cmd::Back => {
            // Esc closes the picker, then leaves the field, then the screen
            // (the receipt stays as typed).
            if picking && let Some(inp) = s.input(s.focus) {
                inp.clear();
                return Some(vec![]);
            }
            if s.focus != SaleFocus::Item {
                s.focus = SaleFocus::Item;
                return Some(vec![]);
            }
            return None;
        }
        _ => return None,
    }
    Some(vec![])
}

/// A key typed into the focused field.
pub fn text_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    let s = &mut app.coop.sales;
    s.error = None;
    if s.focus == SaleFocus::Method {
        // The way of paying: ←→ or Space, or the first letter of its name.
        let all = PayMethod::ALL;
        let i = all.iter().position(|m| *m == s.method).unwrap_or(0);
        let n = all.len();
        let next = match key.code {
            KeyCode::Left => Some(all[(i + n - 1) % n]),
            KeyCode::Right | KeyCode::Char(' ') => Some(all[(i + 1) % n]),
            KeyCode::Char(c) => {
                let f = fold(&c.to_string());
                (1..=n)
                    .map(|k| all[(i + k) % n])
                    .find(|m| fold(&method_short(*m)).starts_with(&f))
            }
            _ => None,
        };
        if let Some(m) = next {
            s.method = m;
        }
        return vec![];
    }
    let focus = s.focus;
    if let Some(inp) = s.input(focus) {
        inp.handle(key);
    }
    s.pick = 0;
    vec![]
}

pub fn move_by(_app: &mut App, _delta: isize) -> Vec<Effect> {
    vec![]
}

/// The sale went through: a fresh receipt, and what was recorded.
pub fn sold(app: &mut App, outcome: DocOutcome, receipt: Option<String>, org: &str) -> Vec<Effect> {
    let reference = outcome.reference();
    let entry = outcome.entry.clone().unwrap_or_default();
    let done = if outcome.already {
        t!("shop-already", doc = reference.clone())
    } else {
        t!("sale-recorded", receipt = reference.clone(), entry = entry)
    };
    let method = method_name(app.coop.sales.method);
    let total = outcome.total.format(lang());
    let today = app.today;
    app.coop.sales.void(today);
    app.coop.sales.last = Some(done.clone());
    set_status(app, Level::Success, done.clone());
    let mut lines = vec![
        format!("✓ {done}"),
        t!("sale-recorded-total", amount = total, method = method),
        String::new(),
    ];
    let after = match receipt {
        Some(text) => {
            lines.push(tr("sale-recorded-help"));
            After::ShowReceipt {
                title: t!("rcpt-title", receipt = reference),
                text,
            }
        }
        None => {
            lines.push(tr("notice-help"));
            After::Nothing
        }
    };
    open_dialog(app, Dialog::info(tr("sale-recorded-title"), lines, after));
    super::reload_after(app, "sale", org)
}

// ---- drawing -------------------------------------------------------------------

pub fn draw(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let s = &app.coop.sales;
    let lg = lang();
    if !can_post(app) {
        let lines = vec![
            Line::styled(format!(" {}", tr("tui-read-only")), th.style(Role::Warn)),
            Line::styled(
                format!(" {}", tr("sale-read-only-hint")),
                th.style(Role::Muted),
            ),
        ];
        f.render_widget(
            Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
            Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1)),
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
    let (nw, qw, pw, dw, aw) = (3, 7, 9, 8, 10);
    let rw = if w >= 110 { 24 } else { 12 };
    let name_w = w
        .saturating_sub(1 + nw + 1 + qw + 1 + pw + 1 + dw + 1 + aw + 1 + rw + 1)
        .max(10);
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor: Option<(u16, u16, &Input, usize)> = None;
    let (total, all_ok) = s.total();
    let title = t!(
        "sale-title",
        point = app.coop.point(),
        date = crate::i18n::date(app.today, lg)
    );
    let count = t!("sale-count", count = s.lines.len() as i64);
    lines.push(Line::from(vec![
        Span::styled(
            fit(&format!(" {title}"), w.saturating_sub(count.width() + 1)),
            th.style(Role::Key),
        ),
        Span::styled(count, th.style(Role::Muted)),
    ]));
    lines.push(header(
        app,
        format!(
            " {} {} {} {} {} {} {}",
            rfit(&tr("sale-col-no"), nw),
            fit(&tr("sale-col-item"), name_w),
            rfit(&tr("sale-col-qty"), qw),
            rfit(&tr("sale-col-price"), pw),
            rfit(&tr("sale-col-discount"), dw),
            rfit(&tr("sale-col-amount"), aw),
            fit(&tr("sale-col-reason"), rw),
        ),
    ));
    // Rows left for lines: the body less the head, the entry row, the
    // payment block and the messages.
    let fixed = 1 + 2 + 1 + 5;
    let room = (r.height as usize).saturating_sub(fixed).max(1);
    let focus_line = match s.focus {
        SaleFocus::Line(i, _) => i,
        _ => s.lines.len().saturating_sub(1),
    };
    let start = (focus_line + 1).saturating_sub(room);
    let x_qty = (1 + nw + 1 + name_w + 1) as u16;
    let x_price = x_qty + qw as u16 + 1;
    let x_disc = x_price + pw as u16 + 1;
    let x_reason = x_disc + dw as u16 + 1 + aw as u16 + 1;
    if s.lines.is_empty() {
        lines.push(Line::styled(
            format!(" {}", tr("sale-empty")),
            th.style(Role::Muted),
        ));
    }
    for (i, l) in s.lines.iter().enumerate().skip(start).take(room) {
        let on = |c| s.focus == SaleFocus::Line(i, c);
        let row = lines.len() as u16 + 1;
        for (c, x, inp, cw) in [
            (LineCol::Qty, x_qty, &l.qty, qw),
            (LineCol::Price, x_price, &l.price, pw),
            (LineCol::Discount, x_disc, &l.discount, dw),
            (LineCol::Reason, x_reason, &l.reason, rw),
        ] {
            if on(c) {
                cursor = Some((row, x, inp, cw));
            }
        }
        let stock = app.coop.item(&l.item).map(|it| it.qty);
        let short = match (stock, Qty::parse(&l.qty.value, l.unit)) {
            (Some(have), Ok(q)) => q > have,
            _ => false,
        };
        let mut name = l.name.clone();
        if short {
            name = format!("⚠ {name}");
        }
        let amount = match l.amount() {
            Some(a) => a.format_grouped(lg),
            None => "✗".to_string(),
        };
        let cell = |inp: &Input, width: usize, on: bool, right: bool| {
            if on {
                Span::styled(field_text(inp, width, true), focus_style(true))
            } else if right {
                Span::raw(rfit(inp.value.trim(), width))
            } else {
                Span::raw(fit(inp.value.trim(), width))
            }
        };
        let needs_reason = l.price_changed() && l.reason.is_empty();
        lines.push(Line::from(vec![
            Span::raw(format!(" {} ", rfit(&(i + 1).to_string(), nw))),
            Span::styled(
                format!("{} ", fit(&name, name_w)),
                if short {
                    th.style(Role::Warn)
                } else {
                    th.base()
                },
            ),
            cell(&l.qty, qw, on(LineCol::Qty), true),
            Span::raw(" "),
            cell(&l.price, pw, on(LineCol::Price), true),
            Span::raw(" "),
            cell(&l.discount, dw, on(LineCol::Discount), true),
            Span::raw(" "),
            Span::styled(
                rfit(&amount, aw),
                if l.amount().is_some() {
                    th.style(Role::Normal)
                } else {
                    th.style(Role::Alert)
                },
            ),
            Span::raw(" "),
            if needs_reason && !on(LineCol::Reason) {
                Span::styled(fit(&tr("sale-reason-needed"), rw), th.style(Role::Alert))
            } else {
                cell(&l.reason, rw, on(LineCol::Reason), false)
            },
        ]));
    }
    // The entry row: item and quantity.
    let entry_row = lines.len() as u16 + 1;
    let il = tr("sale-add-item");
    let ql = tr("sale-add-qty");
    let iw = (name_w + nw).saturating_sub(il.width() + 1).clamp(10, 40);
    let x_item = 1 + il.width() as u16 + 1 + 2;
    let x_q = x_item + iw as u16 + 2 + ql.width() as u16 + 1;
    let on_item = s.focus == SaleFocus::Item;
    let on_qty = s.focus == SaleFocus::Qty;
    lines.push(Line::from(vec![
        Span::styled(
            if on_item || on_qty { " ▸ " } else { "   " },
            th.style(Role::Key),
        ),
        Span::raw(format!("{il} ")),
        Span::styled(field_text(&s.item, iw, on_item), focus_style(on_item)),
        Span::raw(format!("  {ql} ")),
        Span::styled(
            if s.qty.is_empty() && !on_qty {
                fit("1", 6)
            } else {
                field_text(&s.qty, 6, on_qty)
            },
            focus_style(on_qty),
        ),
    ]));
    if on_item {
        cursor = Some((entry_row, x_item, &s.item, iw));
    } else if on_qty {
        cursor = Some((entry_row, x_q, &s.qty, 6));
    }
    lines.push(Line::from(""));
    // The way of paying and the customer.
    let ml = tr("sale-method");
    let mut spans = vec![
        Span::styled(
            if s.focus == SaleFocus::Method {
                " ▸ "
            } else {
                "   "
            },
            th.style(Role::Key),
        ),
        Span::raw(format!("{ml} ")),
    ];
    for (k, m) in PayMethod::ALL.into_iter().enumerate() {
        let on = m == s.method;
        if k > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(
            format!("{} {}", if on { "(•)" } else { "( )" }, method_short(m)),
            if on && s.focus == SaleFocus::Method {
                th.style(Role::InputFocus)
            } else if on {
                th.style(Role::Selected)
            } else {
                th.base()
            },
        ));
    }
    lines.push(Line::from(spans));
    let keys: Vec<String> = [
        Cmd::PayCash,
        Cmd::PayOrange,
        Cmd::PayMoov,
        Cmd::PayWave,
        Cmd::PayBank,
        Cmd::PayCredit,
    ]
    .iter()
    .filter_map(|c| {
        app.keymap
            .keys_for(&[Scope::Sales], *c)
            .first()
            .map(super::super::view::key_name)
    })
    .collect();
    lines.push(Line::styled(
        format!("     {}", t!("sale-method-keys", keys = keys.join(" · "))),
        th.style(Role::Muted),
    ));
    let cl = if s.method == PayMethod::Credit {
        tr("sale-customer-required")
    } else {
        tr("sale-customer")
    };
    let on_c = s.focus == SaleFocus::Customer;
    let cust_row = lines.len() as u16 + 1;
    let cust_name = app
        .coop
        .customer(&fold(s.customer.value.trim()))
        .map(|c| {
            let owed = c.owed.format(lg);
            let limit = c.credit_limit.format(lg);
            t!(
                "sale-customer-credit",
                name = c.name.clone(),
                owed = owed,
                limit = limit
            )
        })
        .unwrap_or_default();
    lines.push(Line::from(vec![
        Span::styled(if on_c { " ▸ " } else { "   " }, th.style(Role::Key)),
        Span::raw(format!("{cl} ")),
        Span::styled(field_text(&s.customer, 24, on_c), focus_style(on_c)),
        Span::styled(
            fit(
                &format!("  {cust_name}"),
                w.saturating_sub(3 + cl.width() + 1 + 24 + 1),
            )
            .trim_end()
            .to_string(),
            th.style(Role::Muted),
        ),
    ]));
    if on_c {
        cursor = Some((cust_row, 3 + cl.width() as u16 + 1, &s.customer, 24));
    }
    // The total, always in sight.
    let total_text = format!("{} {}", tr("sale-total"), total.format(lg));
    lines.push(Line::styled(
        format!(
            "{}{}",
            rfit(&total_text, w.saturating_sub(2)),
            if all_ok { "  " } else { " ✗" }
        ),
        th.style(if all_ok { Role::Title } else { Role::Alert }),
    ));
    if let Some(e) = &s.error {
        lines.push(err_line(app, e));
    } else if s.pending {
        lines.push(Line::styled(
            format!(" {}", tr("tui-loading")),
            th.style(Role::Muted),
        ));
    } else {
        let rc = &app.coop.receipts;
        let n = rc.rows.iter().filter(|x| x.kind == "sale").count();
        let sum: i64 = rc
            .rows
            .iter()
            .map(|x| {
                if x.kind == "sale" {
                    x.total.francs()
                } else {
                    -x.total.francs()
                }
            })
            .sum();
        lines.push(Line::styled(
            format!(
                " {}",
                t!(
                    "sale-today",
                    count = n as i64,
                    amount = Fcfa::new(sum).format(lg)
                )
            ),
            th.style(Role::Muted),
        ));
    }
    let body = Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1));
    let used = super::view::wrapped_height(&lines, w) as u16;
    f.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
        body,
    );
    // In a tall window, the day's last receipts under the one being typed.
    let free = body.height.saturating_sub(used + 1);
    if free >= 6 && !app.coop.receipts.rows.is_empty() {
        let n = app.coop.receipts.rows.len();
        let rows = (free - 2) as usize;
        let (head, table) = super::receipts::table(app, w, n.saturating_sub(rows), rows, None);
        let mut l = vec![
            Line::styled(format!(" {}", tr("sale-today-title")), th.style(Role::Key)),
            head,
        ];
        l.extend(table);
        f.render_widget(
            Paragraph::new(l),
            Rect::new(body.x, body.y + used + 1, body.width, free),
        );
    }
    // The picker under the field it completes.
    let sugg = suggestions(app);
    let anchor = match s.focus {
        SaleFocus::Item => Some((entry_row, x_item)),
        SaleFocus::Customer => Some((cust_row, 3 + cl.width() as u16 + 1)),
        _ => None,
    };
    if let Some((row, x)) = anchor
        && !sugg.is_empty()
    {
        draw_picker(f, app, body, row, x, &sugg, s.pick);
    }
    if let Some((row, x, inp, cw)) = cursor {
        set_cursor_w(f, body, row - 1, x, inp, cw);
    }
}

/// Suggestions in a small box under (or above) a field.
pub fn draw_picker(
    f: &mut Frame,
    app: &App,
    area: Rect,
    row: u16,
    x: u16,
    sugg: &[(String, String)],
    pick: usize,
) {
    let th = app.theme;
    let h = sugg.len() as u16 + 2;
    let below = area.y + row;
    let y = if below + h <= area.y + area.height {
        below
    } else {
        (area.y + row).saturating_sub(h + 1)
    };
    let sw = 64.min(area.width.saturating_sub(x));
    let sr = Rect::new(area.x + x, y, sw, h);
    f.render_widget(Clear, sr);
    let items: Vec<Line> = sugg
        .iter()
        .enumerate()
        .map(|(k, (_, text))| {
            let text = fit(text, (sw as usize).saturating_sub(3));
            if k == pick.min(sugg.len() - 1) {
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
