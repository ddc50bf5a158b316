//! The cooperative's dialogs: a purchase, an adjustment, a physical count,
//! a new item, a production run, a return, a customer's payment, a
//! customer's card, the seal of a day, and plain messages (a receipt, a
//! recorded run). One small engine: fields (typed text, a choice, or a
//! picker over items or customers) and, for documents with lines, a grid.
//! A dialog turns keys into an effect; it stays open until the ledger
//! answers, so a refusal is shown in it and nothing typed is lost.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};

use super::super::app::{App, Effect};
use super::super::input::Input;
use super::super::keymap::Cmd;
use super::{
    AdjustDraft, CoopEffect, ItemDraft, PaymentDraft, PurchaseDraft, ReturnDraft, RunDraft,
    match_customers, match_items, parse_day, parse_unit_cost,
};
use crate::domain::coop::{AdjustReason, CashCount, ItemKind, PayMethod, Qty, Unit, check_code};
use crate::domain::money::{self, Fcfa};
use crate::domain::text::fold;
use crate::i18n::tr;
use crate::service::coop::CountLine;
use crate::store::{AccountRow, SaleRow};

/// What a picker field chooses among.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Products,
    Materials,
    Items,
    Customers,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FKind {
    Text,
    /// (code, label) pairs; ←→ or a first letter choose.
    Choice(Vec<(String, String)>),
    Pick(Source),
    /// Shown, not editable (the code of a customer being changed).
    Fixed,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// Translation key of the label.
    pub label: &'static str,
    pub kind: FKind,
    pub input: Input,
    /// The choice, or the highlighted suggestion of a picker.
    pub pick: usize,
}

impl Field {
    pub fn text(label: &'static str, max: usize) -> Field {
        Field {
            label,
            kind: FKind::Text,
            input: Input::new(max),
            pick: 0,
        }
    }

    pub fn with(label: &'static str, value: &str, max: usize) -> Field {
        Field {
            input: Input::with(value, max),
            ..Field::text(label, max)
        }
    }

    pub fn choice(label: &'static str, choices: Vec<(String, String)>, pick: usize) -> Field {
        Field {
            label,
            kind: FKind::Choice(choices),
            input: Input::default(),
            pick,
        }
    }

    /// A value offered: typing replaces it, the arrows keep it.
    pub fn offer(label: &'static str, value: &str, max: usize) -> Field {
        Field {
            input: Input::offer(value, max),
            ..Field::text(label, max)
        }
    }

    pub fn picker(label: &'static str, source: Source, value: &str) -> Field {
        Field {
            label,
            kind: FKind::Pick(source),
            input: Input::offer(value, 60),
            pick: 0,
        }
    }

    pub fn fixed(label: &'static str, value: &str) -> Field {
        Field {
            label,
            kind: FKind::Fixed,
            input: Input::with(value, 60),
            pick: 0,
        }
    }

    /// The code of the chosen choice.
    pub fn code(&self) -> &str {
        match &self.kind {
            FKind::Choice(c) => c.get(self.pick).map(|(k, _)| k.as_str()).unwrap_or(""),
            _ => self.input.value.trim(),
        }
    }

    pub fn label_of_choice(&self) -> String {
        match &self.kind {
            FKind::Choice(c) => c.get(self.pick).map(|(_, l)| l.clone()).unwrap_or_default(),
            _ => String::new(),
        }
    }

    fn value(&self) -> &str {
        self.input.value.trim()
    }

    fn is_blank(&self) -> bool {
        matches!(self.kind, FKind::Text | FKind::Pick(_)) && self.input.is_empty()
    }

    /// Handles an editing key.
    fn edit(&mut self, key: &KeyEvent) -> bool {
        match &self.kind {
            FKind::Choice(c) => {
                let n = c.len().max(1);
                match key.code {
                    KeyCode::Left => self.pick = (self.pick + n - 1) % n,
                    KeyCode::Right | KeyCode::Char(' ') => self.pick = (self.pick + 1) % n,
                    KeyCode::Char(ch) => {
                        // The first choice, after the current one, that
                        // starts with the letter typed.
                        let f = fold(&ch.to_string());
                        if let Some(i) = (1..=n)
                            .map(|k| (self.pick + k) % n)
                            .find(|&i| c.get(i).is_some_and(|(_, l)| fold(l).starts_with(&f)))
                        {
                            self.pick = i;
                        }
                    }
                    _ => return false,
                }
                true
            }
            FKind::Fixed => false,
            FKind::Text | FKind::Pick(_) => {
                self.pick = 0;
                self.input.handle(key)
            }
        }
    }
}

/// A line of a document with lines: its item, what is shown about it, and
/// what is typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub key: String,
    pub info: Vec<String>,
    pub cells: Vec<Field>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grid {
    /// Columns shown before the typed ones: label key, width (0 takes what
    /// is left), right-aligned.
    pub info_cols: Vec<(&'static str, usize, bool)>,
    /// Typed columns: label key and width.
    pub cols: Vec<(&'static str, usize)>,
    pub rows: Vec<Row>,
    /// Lines can be added (a purchase) or are given (a count, a return).
    pub growable: bool,
    /// A blank line for a growable grid.
    pub template: Vec<Field>,
}

impl Grid {
    fn blank(&self) -> Row {
        Row {
            key: String::new(),
            info: vec![],
            cells: self.template.clone(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Field(usize),
    Cell(usize, usize),
}

/// What F8 does on a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum After {
    Nothing,
    /// A sale was recorded: F8 shows its receipt.
    ShowReceipt {
        title: String,
        text: String,
    },
    /// A receipt is shown: F8 starts a return on it.
    Return {
        number: i64,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DKind {
    Purchase,
    Adjust,
    Count {
        preview: Option<Vec<CountLine>>,
        /// The counts the preview was made for.
        previewed: Vec<(String, Qty)>,
    },
    NewItem,
    Run,
    Return {
        receipt: i64,
        point: String,
    },
    Payment,
    Customer {
        /// The code of the customer being changed; none for a new one.
        code: Option<String>,
    },
    CloseDay {
        point: String,
        day: NaiveDate,
        counted: CashCount,
        reason: String,
    },
    VoidReceipt,
    Info,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dialog {
    pub kind: DKind,
    pub title: String,
    pub fields: Vec<Field>,
    pub grid: Option<Grid>,
    pub focus: Focus,
    pub error: Option<String>,
    /// Sent to the ledger, waiting for its answer.
    pub pending: bool,
    /// Idempotency key: sending the same dialog twice records it once.
    pub key: String,
    /// A message's lines (a receipt, a recorded run) or a confirmation.
    pub lines: Vec<String>,
    pub scroll: usize,
    pub after: After,
}

/// What a key did to a dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Keep,
    Cancel,
    Submit(CoopEffect),
    Replace(Box<Dialog>),
    /// Close, and do these.
    Then(Vec<Effect>),
}

fn methods(with_credit: bool) -> Vec<(String, String)> {
    PayMethod::ALL
        .iter()
        .filter(|m| with_credit || **m != PayMethod::Credit)
        .map(|m| (m.code().to_string(), super::method_name(*m)))
        .collect()
}

fn today_text(today: NaiveDate) -> String {
    crate::i18n::date(today, crate::i18n::lang())
}

/// Accounts of the chart under `prefixes` that have no sub-account (where
/// entries go), open ones only.
pub fn leaf_accounts(chart: &[AccountRow], prefixes: &[&str]) -> Vec<(String, String)> {
    chart
        .iter()
        .filter(|a| !a.closed && prefixes.iter().any(|p| a.number.starts_with(p)))
        .filter(|a| {
            !chart
                .iter()
                .any(|b| b.number.len() > a.number.len() && b.number.starts_with(&a.number))
        })
        .map(|a| (a.number.clone(), format!("{} {}", a.number, a.name)))
        .collect()
}

fn index_of(choices: &[(String, String)], code: &str) -> usize {
    choices.iter().position(|(c, _)| c == code).unwrap_or(0)
}

impl Dialog {
    fn new(kind: DKind, title: String, fields: Vec<Field>, key: String) -> Dialog {
        Dialog {
            kind,
            title,
            fields,
            grid: None,
            focus: Focus::Field(0),
            error: None,
            pending: false,
            key,
            lines: vec![],
            scroll: 0,
            after: After::Nothing,
        }
    }

    /// A message to read (and maybe act on with F8).
    pub fn info(title: String, lines: Vec<String>, after: After) -> Dialog {
        Dialog {
            lines,
            after,
            ..Dialog::new(DKind::Info, title, vec![], String::new())
        }
    }

    pub fn purchase(today: NaiveDate, key: String) -> Dialog {
        let mut d = Dialog::new(
            DKind::Purchase,
            tr("dlg-purchase-title"),
            vec![
                Field::text("dlg-supplier", 200),
                Field::text("dlg-reference", 100),
                Field::choice("dlg-method", methods(true), 0),
                Field::offer("dlg-date", &today_text(today), 10),
            ],
            key,
        );
        let template = vec![
            Field::picker("dlg-col-item", Source::Materials, ""),
            Field::text("dlg-col-qty", 12),
            Field::text("dlg-col-amount", 16),
        ];
        let grid = Grid {
            info_cols: vec![],
            cols: vec![
                ("dlg-col-item", 0),
                ("dlg-col-qty", 9),
                ("dlg-col-amount", 11),
            ],
            rows: vec![],
            growable: true,
            template,
        };
        let first = grid.blank();
        d.grid = Some(Grid {
            rows: vec![first],
            ..grid
        });
        d
    }

    pub fn adjust(today: NaiveDate, key: String, item: &str) -> Dialog {
        let reasons: Vec<(String, String)> = AdjustReason::ALL
            .iter()
            .filter(|r| **r != AdjustReason::Count)
            .map(|r| {
                (
                    r.code().to_string(),
                    tr(&format!("coop-reason-{}", r.code())),
                )
            })
            .collect();
        let mut d = Dialog::new(
            DKind::Adjust,
            tr("dlg-adjust-title"),
            vec![
                Field::picker("dlg-item", Source::Items, item),
                Field::choice("dlg-reason", reasons, 0),
                Field::text("dlg-qty", 12),
                Field::text("dlg-unit-cost", 16),
                Field::text("dlg-note", 300),
                Field::offer("dlg-date", &today_text(today), 10),
            ],
            key,
        );
        if !item.is_empty() {
            d.focus = Focus::Field(1);
        }
        d
    }

    pub fn count(today: NaiveDate, key: String, items: &[crate::store::ItemRow]) -> Dialog {
        let mut d = Dialog::new(
            DKind::Count {
                preview: None,
                previewed: vec![],
            },
            tr("dlg-count-title"),
            vec![
                Field::text("dlg-note", 300),
                Field::offer("dlg-date", &today_text(today), 10),
            ],
            key,
        );
        let rows = items
            .iter()
            .map(|i| Row {
                key: i.code.clone(),
                info: vec![
                    i.code.clone(),
                    i.name.clone(),
                    super::qty_unit(i.qty, i.unit),
                ],
                cells: vec![Field::text("dlg-col-counted", 12)],
            })
            .collect();
        d.grid = Some(Grid {
            info_cols: vec![
                ("dlg-col-code", 12, false),
                ("dlg-col-name", 0, false),
                ("dlg-col-book", 11, true),
            ],
            cols: vec![("dlg-col-counted", 9)],
            rows,
            growable: false,
            template: vec![],
        });
        d.focus = Focus::Cell(0, 0);
        d
    }

    /// A new item; the accounts offered follow the kind.
    pub fn new_item(key: String, chart: &[AccountRow]) -> Dialog {
        let kinds = vec![
            ("product".to_string(), tr("coop-kind-product")),
            ("material".to_string(), tr("coop-kind-material")),
        ];
        let units: Vec<(String, String)> = Unit::ALL
            .iter()
            .map(|u| (u.code().to_string(), tr(&format!("coop-unit-{}", u.code()))))
            .collect();
        let mut d = Dialog::new(
            DKind::NewItem,
            tr("dlg-item-title"),
            vec![
                Field::text("dlg-code", 32),
                Field::text("dlg-name", 200),
                Field::choice("dlg-kind", kinds, 0),
                Field::choice("dlg-unit", units, 0),
                Field::text("dlg-price", 16),
                Field::text("dlg-reorder", 12),
                Field::choice("dlg-stock-account", vec![], 0),
                Field::choice("dlg-flow-account", vec![], 0),
            ],
            key,
        );
        d.item_accounts(chart);
        d
    }

    /// The stock and sales (or purchase) accounts a kind of item posts to,
    /// with the usual ones chosen.
    fn item_accounts(&mut self, chart: &[AccountRow]) {
        let product = self.fields[2].code() == "product";
        let (stock, flow, s_def, f_def) = if product {
            (vec!["36"], vec!["70"], "361", "70211")
        } else {
            (vec!["32", "33"], vec!["60"], "3211", "6021")
        };
        let s = leaf_accounts(chart, &stock);
        let f = leaf_accounts(chart, &flow);
        let (sp, fp) = (index_of(&s, s_def), index_of(&f, f_def));
        self.fields[6] = Field::choice("dlg-stock-account", s, sp);
        self.fields[7] = Field::choice(
            if product {
                "dlg-sales-account"
            } else {
                "dlg-purchase-account"
            },
            f,
            fp,
        );
    }

    pub fn run(today: NaiveDate, key: String, recipes: &[crate::store::RecipeRow]) -> Dialog {
        let choices = recipes
            .iter()
            .map(|r| (r.code.clone(), format!("{} — {}", r.code, r.name)))
            .collect();
        Dialog::new(
            DKind::Run,
            tr("dlg-run-title"),
            vec![
                Field::choice("dlg-recipe", choices, 0),
                Field::offer("dlg-batches", "1", 12),
                Field::text("dlg-note", 300),
                Field::offer("dlg-date", &today_text(today), 10),
            ],
            key,
        )
    }

    pub fn ret(today: NaiveDate, key: String, sale: &SaleRow) -> Dialog {
        let mut d = Dialog::new(
            DKind::Return {
                receipt: sale.number,
                point: sale.point.clone(),
            },
            crate::t!(
                "dlg-return-title",
                receipt = super::doc_ref("sale", sale.number)
            ),
            vec![
                Field::text("dlg-reason", 300),
                Field::offer("dlg-date", &today_text(today), 10),
            ],
            key,
        );
        let lang = crate::i18n::lang();
        let rows = sale
            .lines
            .iter()
            .map(|l| Row {
                key: l.item.clone(),
                info: vec![l.item_name.clone(), l.qty.format(lang)],
                cells: vec![Field::text("dlg-col-back", 12)],
            })
            .collect();
        d.grid = Some(Grid {
            info_cols: vec![("dlg-col-name", 0, false), ("dlg-col-sold", 8, true)],
            cols: vec![("dlg-col-back", 9)],
            rows,
            growable: false,
            template: vec![],
        });
        d.focus = Focus::Cell(0, 0);
        d
    }

    pub fn payment(
        today: NaiveDate,
        key: String,
        customer: Option<&crate::store::CustomerRow>,
    ) -> Dialog {
        let lang = crate::i18n::lang();
        let (code, owed) = match customer {
            Some(c) if c.owed.is_positive() => (c.code.clone(), c.owed.format_grouped(lang)),
            Some(c) => (c.code.clone(), String::new()),
            None => (String::new(), String::new()),
        };
        let mut d = Dialog::new(
            DKind::Payment,
            tr("dlg-payment-title"),
            vec![
                Field::picker("dlg-customer", Source::Customers, &code),
                Field::offer("dlg-amount", &owed, 16),
                Field::choice("dlg-method", methods(false), 0),
                Field::text("dlg-invoice", 12),
                Field::offer("dlg-date", &today_text(today), 10),
            ],
            key,
        );
        if !code.is_empty() {
            d.focus = Focus::Field(1);
        }
        d
    }

    pub fn customer(key: String, existing: Option<&crate::store::CustomerRow>) -> Dialog {
        let lang = crate::i18n::lang();
        match existing {
            Some(c) => Dialog::new(
                DKind::Customer {
                    code: Some(c.code.clone()),
                },
                crate::t!("dlg-customer-edit-title", name = c.name.clone()),
                vec![
                    Field::fixed("dlg-code", &c.code),
                    Field::with("dlg-name", &c.name, 200),
                    Field::with("dlg-phone", &c.phone, 40),
                    Field::offer("dlg-limit", &c.credit_limit.format_grouped(lang), 16),
                ],
                key,
            )
            .focus_on(1),
            None => Dialog::new(
                DKind::Customer { code: None },
                tr("dlg-customer-new-title"),
                vec![
                    Field::text("dlg-code", 32),
                    Field::text("dlg-name", 200),
                    Field::text("dlg-phone", 40),
                    Field::offer("dlg-limit", "0", 16),
                ],
                key,
            ),
        }
    }

    pub fn close_day(
        point: String,
        day: NaiveDate,
        counted: CashCount,
        reason: String,
        lines: Vec<String>,
    ) -> Dialog {
        Dialog {
            lines,
            ..Dialog::new(
                DKind::CloseDay {
                    point,
                    day,
                    counted,
                    reason,
                },
                tr("zday-confirm-title"),
                vec![],
                String::new(),
            )
        }
    }

    pub fn void_receipt() -> Dialog {
        Dialog {
            lines: vec![tr("sale-void-confirm")],
            ..Dialog::new(
                DKind::VoidReceipt,
                tr("confirm-title"),
                vec![],
                String::new(),
            )
        }
    }

    fn focus_on(mut self, i: usize) -> Dialog {
        self.focus = Focus::Field(i);
        self
    }

    /// A dialog that only shows text (and confirms).
    pub fn is_message(&self) -> bool {
        matches!(
            self.kind,
            DKind::Info | DKind::CloseDay { .. } | DKind::VoidReceipt
        )
    }

    // ---- focus ----------------------------------------------------------

    /// Focus order: the grid first for a count or a return, the head
    /// fields first otherwise; fixed fields are skipped.
    fn order(&self) -> Vec<Focus> {
        let fields: Vec<Focus> = (0..self.fields.len())
            .filter(|&i| self.fields[i].kind != FKind::Fixed)
            .map(Focus::Field)
            .collect();
        let cells: Vec<Focus> = self
            .grid
            .iter()
            .flat_map(|g| {
                g.rows
                    .iter()
                    .enumerate()
                    .flat_map(|(r, row)| (0..row.cells.len()).map(move |c| Focus::Cell(r, c)))
            })
            .collect();
        let grid_first = matches!(self.kind, DKind::Count { .. } | DKind::Return { .. });
        if grid_first {
            cells.into_iter().chain(fields).collect()
        } else {
            fields.into_iter().chain(cells).collect()
        }
    }

    pub fn focused(&self) -> Option<&Field> {
        match self.focus {
            Focus::Field(i) => self.fields.get(i),
            Focus::Cell(r, c) => self.grid.as_ref()?.rows.get(r)?.cells.get(c),
        }
    }

    fn focused_mut(&mut self) -> Option<&mut Field> {
        match self.focus {
            Focus::Field(i) => self.fields.get_mut(i),
            Focus::Cell(r, c) => self.grid.as_mut()?.rows.get_mut(r)?.cells.get_mut(c),
        }
    }

    fn is_last(&self) -> bool {
        self.order().last() == Some(&self.focus)
    }

    fn next(&mut self) {
        // Past the last cell of a growable grid, a new line (when the last
        // one is in use).
        if let (Some(g), Focus::Cell(r, c)) = (&mut self.grid, self.focus)
            && g.growable
            && r + 1 == g.rows.len()
            && c + 1 == g.template.len()
            && g.rows[r].cells.iter().any(|f| !f.is_blank())
        {
            let b = g.blank();
            g.rows.push(b);
            self.focus = Focus::Cell(r + 1, 0);
            return;
        }
        let order = self.order();
        if let Some(i) = order.iter().position(|f| *f == self.focus) {
            self.focus = order[(i + 1) % order.len()];
        }
    }

    fn prev(&mut self) {
        let order = self.order();
        if let Some(i) = order.iter().position(|f| *f == self.focus) {
            self.focus = order[(i + order.len() - 1) % order.len()];
        }
    }

    /// ↑↓ in a grid: the same column on the line above or below.
    fn vertical(&mut self, delta: isize) -> bool {
        let (Some(g), Focus::Cell(r, c)) = (&self.grid, self.focus) else {
            return false;
        };
        let n = g.rows.len() as isize;
        let to = r as isize + delta;
        if to < 0 || to >= n {
            return false;
        }
        self.focus = Focus::Cell(to as usize, c);
        true
    }

    // ---- pickers --------------------------------------------------------

    /// The suggestions of the focused picker: (code, text).
    pub fn suggestions(&self, app: &App) -> Vec<(String, String)> {
        let Some(f) = self.focused() else {
            return vec![];
        };
        let FKind::Pick(src) = f.kind else {
            return vec![];
        };
        suggestions(app, src, &f.input.value)
    }

    fn accept(&mut self, app: &App) {
        let sugg = self.suggestions(app);
        if let Some(f) = self.focused_mut()
            && !sugg.is_empty()
        {
            let i = f.pick.min(sugg.len() - 1);
            f.input.set(&sugg[i].0);
            f.pick = 0;
        }
    }

    // ---- keys -----------------------------------------------------------

    pub fn key(&mut self, app: &mut App, cmd: Option<Cmd>, key: &KeyEvent) -> Outcome {
        let f8 = matches!(key.code, KeyCode::F(_));
        if self.is_message() {
            return self.message_key(app, cmd, f8);
        }
        if self.pending {
            // Waiting for the ledger: only Esc (which closes).
            return if cmd == Some(Cmd::Back) {
                Outcome::Cancel
            } else {
                Outcome::Keep
            };
        }
        let sugg = self.suggestions(app);
        let picking = !sugg.is_empty();
        match cmd {
            Some(Cmd::Back) => return Outcome::Cancel,
            Some(Cmd::NextField) => {
                if picking {
                    self.accept(app);
                }
                self.next();
            }
            Some(Cmd::PrevField) => self.prev(),
            Some(Cmd::Down) => {
                if picking {
                    if let Some(f) = self.focused_mut() {
                        f.pick = (f.pick + 1).min(sugg.len() - 1);
                    }
                } else if !self.vertical(1) {
                    self.next();
                }
            }
            Some(Cmd::Up) => {
                if picking {
                    if let Some(f) = self.focused_mut() {
                        f.pick = f.pick.saturating_sub(1);
                    }
                } else if !self.vertical(-1) {
                    self.prev();
                }
            }
            Some(Cmd::AddLine) => {
                if let Some(g) = &mut self.grid
                    && g.growable
                {
                    let b = g.blank();
                    g.rows.push(b);
                    self.focus = Focus::Cell(g.rows.len() - 1, 0);
                }
            }
            Some(Cmd::DeleteLine) => {
                if let (Some(g), Focus::Cell(r, c)) = (&mut self.grid, self.focus)
                    && g.growable
                {
                    if g.rows.len() > 1 {
                        g.rows.remove(r);
                    } else {
                        g.rows[0] = g.blank();
                    }
                    self.focus = Focus::Cell(r.min(g.rows.len() - 1), c);
                }
                self.edited();
            }
            Some(Cmd::Confirm) => {
                if picking {
                    self.accept(app);
                }
                // Enter moves on; on the last field of a dialog without
                // lines, and F8 anywhere, it sends.
                if !f8 && (self.grid.is_some() || !self.is_last()) {
                    self.next();
                    return Outcome::Keep;
                }
                return match self.submit(app) {
                    Ok(e) => Outcome::Submit(e),
                    Err(msg) => {
                        self.error = Some(msg);
                        Outcome::Keep
                    }
                };
            }
            _ => {
                let kind_before = self.fields.get(2).map(|f| f.pick);
                if let Some(f) = self.focused_mut()
                    && f.edit(key)
                {
                    self.error = None;
                    self.edited();
                }
                if self.kind == DKind::NewItem && self.fields.get(2).map(|f| f.pick) != kind_before
                {
                    let chart = app.accounts.rows.clone();
                    self.item_accounts(&chart);
                }
            }
        }
        Outcome::Keep
    }

    /// Something was typed: a count's preview no longer holds.
    fn edited(&mut self) {
        if let DKind::Count { preview, .. } = &mut self.kind {
            *preview = None;
        }
    }

    fn message_key(&mut self, app: &mut App, cmd: Option<Cmd>, f8: bool) -> Outcome {
        match cmd {
            Some(Cmd::Back) => Outcome::Cancel,
            Some(Cmd::Down) => {
                self.scroll = (self.scroll + 1).min(self.lines.len().saturating_sub(1));
                Outcome::Keep
            }
            Some(Cmd::Up) => {
                self.scroll = self.scroll.saturating_sub(1);
                Outcome::Keep
            }
            Some(Cmd::Confirm) => match (&self.kind, f8) {
                (DKind::CloseDay { .. }, _) => match self.submit(app) {
                    Ok(e) => Outcome::Submit(e),
                    Err(m) => {
                        self.error = Some(m);
                        Outcome::Keep
                    }
                },
                (DKind::VoidReceipt, _) => {
                    app.coop.sales.void(app.today);
                    Outcome::Cancel
                }
                (DKind::Info, true) => match &self.after {
                    After::ShowReceipt { title, text } => Outcome::Replace(Box::new(Dialog::info(
                        title.clone(),
                        text.lines().map(str::to_string).collect(),
                        After::Nothing,
                    ))),
                    After::Return { number } => {
                        let number = *number;
                        Outcome::Then(super::receipts::start_return(app, number))
                    }
                    After::Nothing => Outcome::Cancel,
                },
                _ => Outcome::Cancel,
            },
            _ => Outcome::Keep,
        }
    }

    /// The preview of a count arrived.
    pub fn set_preview(&mut self, lines: Vec<CountLine>) {
        if let DKind::Count { preview, .. } = &mut self.kind {
            *preview = Some(lines);
        }
    }

    // ---- checks and the effect ------------------------------------------

    fn fail<T>(&mut self, focus: Focus, msg: String) -> Result<T, String> {
        self.focus = focus;
        Err(msg)
    }

    fn date_at(&mut self, i: usize) -> Result<NaiveDate, String> {
        let v = self.fields[i].input.value.clone();
        parse_day(&v).or_else(|m| self.fail(Focus::Field(i), m))
    }

    fn submit(&mut self, app: &mut App) -> Result<CoopEffect, String> {
        let org = super::org_code(app).unwrap_or_default();
        let msg = |e: &dyn crate::domain::Message| crate::i18n::message(e);
        match self.kind.clone() {
            DKind::Purchase => {
                let supplier = self.fields[0].value().to_string();
                if supplier.is_empty() {
                    return self.fail(Focus::Field(0), tr("dlg-supplier-required"));
                }
                let method = PayMethod::from_code(self.fields[2].code()).unwrap_or(PayMethod::Cash);
                let date = self.date_at(3)?;
                let mut lines = Vec::new();
                let rows = self
                    .grid
                    .as_ref()
                    .map(|g| g.rows.clone())
                    .unwrap_or_default();
                for (r, row) in rows.iter().enumerate() {
                    if row.cells.iter().all(|f| f.is_blank()) {
                        continue;
                    }
                    let code = fold(row.cells[0].value());
                    let Some(item) = app
                        .coop
                        .items
                        .iter()
                        .find(|i| i.code == code && i.kind == ItemKind::Material)
                    else {
                        return self.fail(
                            Focus::Cell(r, 0),
                            crate::t!(
                                "dlg-unknown-material",
                                code = row.cells[0].value().to_string()
                            ),
                        );
                    };
                    let qty = Qty::parse(row.cells[1].value(), item.unit)
                        .or_else(|e| self.fail(Focus::Cell(r, 1), msg(&e)))?;
                    let amount = money::parse_positive(row.cells[2].value())
                        .or_else(|e| self.fail(Focus::Cell(r, 2), msg(&e)))?;
                    lines.push((item.code.clone(), qty, amount));
                }
                if lines.is_empty() {
                    return self.fail(
                        Focus::Cell(0, 0),
                        crate::i18n::message(&crate::domain::coop::CoopError::EmptySale),
                    );
                }
                Ok(CoopEffect::Purchase {
                    org,
                    purchase: PurchaseDraft {
                        date,
                        supplier,
                        reference: self.fields[1].value().to_string(),
                        method,
                        lines,
                        key: self.key.clone(),
                    },
                })
            }
            DKind::Adjust => {
                let code = fold(self.fields[0].value());
                let Some(item) = app.coop.item(&code).cloned() else {
                    return self.fail(
                        Focus::Field(0),
                        crate::t!(
                            "dlg-unknown-item",
                            code = self.fields[0].value().to_string()
                        ),
                    );
                };
                let reason =
                    AdjustReason::parse(self.fields[1].code()).unwrap_or(AdjustReason::Loss);
                let qty = Qty::parse(self.fields[2].value(), item.unit)
                    .or_else(|e| self.fail(Focus::Field(2), msg(&e)))?;
                let cost_text = self.fields[3].value().to_string();
                let unit_cost = if cost_text.is_empty() {
                    None
                } else {
                    match parse_unit_cost(&cost_text) {
                        Some(c) => Some(c),
                        None => {
                            return self.fail(
                                Focus::Field(3),
                                crate::t!("dlg-bad-unit-cost", value = cost_text),
                            );
                        }
                    }
                };
                let date = self.date_at(5)?;
                Ok(CoopEffect::Adjust {
                    org,
                    adjust: AdjustDraft {
                        date,
                        item: item.code,
                        qty,
                        reason,
                        unit_cost,
                        note: self.fields[4].value().to_string(),
                        key: self.key.clone(),
                    },
                })
            }
            DKind::Count { preview, previewed } => {
                let date = self.date_at(1)?;
                let rows = self
                    .grid
                    .as_ref()
                    .map(|g| g.rows.clone())
                    .unwrap_or_default();
                let mut counts = Vec::new();
                for (r, row) in rows.iter().enumerate() {
                    let v = row.cells[0].value();
                    if v.is_empty() {
                        continue;
                    }
                    let unit = app
                        .coop
                        .item(&row.key)
                        .map(|i| i.unit)
                        .unwrap_or(Unit::Piece);
                    // Zero is a count too (nothing left).
                    let q = if v == "0" {
                        Qty::ZERO
                    } else {
                        Qty::parse(v, unit).or_else(|e| self.fail(Focus::Cell(r, 0), msg(&e)))?
                    };
                    counts.push((row.key.clone(), q));
                }
                if counts.is_empty() {
                    return self.fail(Focus::Cell(0, 0), tr("dlg-count-empty"));
                }
                if preview.is_some() && previewed == counts {
                    return Ok(CoopEffect::Count {
                        org,
                        date,
                        counts,
                        note: self.fields[0].value().to_string(),
                        key: self.key.clone(),
                    });
                }
                self.kind = DKind::Count {
                    preview: None,
                    previewed: counts.clone(),
                };
                Ok(CoopEffect::CountPreview { org, counts })
            }
            DKind::NewItem => {
                let code = check_code(self.fields[0].value())
                    .or_else(|e| self.fail(Focus::Field(0), msg(&e)))?;
                let name = self.fields[1].value().to_string();
                if name.is_empty() {
                    return self.fail(Focus::Field(1), tr("dlg-name-required"));
                }
                let kind = ItemKind::parse(self.fields[2].code()).unwrap_or(ItemKind::Product);
                let unit = Unit::parse(self.fields[3].code()).unwrap_or(Unit::Piece);
                let price_text = self.fields[4].value().to_string();
                let price = if price_text.is_empty() {
                    if kind == ItemKind::Product {
                        return self.fail(Focus::Field(4), tr("dlg-price-required"));
                    }
                    None
                } else {
                    Some(
                        money::parse_positive(&price_text)
                            .or_else(|e| self.fail(Focus::Field(4), msg(&e)))?,
                    )
                };
                let reorder_text = self.fields[5].value().to_string();
                let reorder = if reorder_text.is_empty() || reorder_text == "0" {
                    Qty::ZERO
                } else {
                    Qty::parse(&reorder_text, unit)
                        .or_else(|e| self.fail(Focus::Field(5), msg(&e)))?
                };
                let stock_account = self.fields[6].code().to_string();
                let flow_account = self.fields[7].code().to_string();
                if stock_account.is_empty() || flow_account.is_empty() {
                    return self.fail(Focus::Field(6), tr("dlg-no-account"));
                }
                Ok(CoopEffect::AddItem {
                    org,
                    item: ItemDraft {
                        code,
                        name,
                        kind,
                        unit,
                        price,
                        reorder,
                        stock_account,
                        flow_account,
                    },
                })
            }
            DKind::Run => {
                let recipe = self.fields[0].code().to_string();
                if recipe.is_empty() {
                    return self.fail(Focus::Field(0), tr("prod-no-recipe"));
                }
                // Batches may be fractional (half a batch).
                let batches = Qty::parse(self.fields[1].value(), Unit::Kg)
                    .or_else(|e| self.fail(Focus::Field(1), msg(&e)))?;
                let date = self.date_at(3)?;
                Ok(CoopEffect::Produce {
                    org,
                    run: RunDraft {
                        date,
                        recipe,
                        batches,
                        note: self.fields[2].value().to_string(),
                        key: self.key.clone(),
                    },
                })
            }
            DKind::Return { receipt, point } => {
                let reason = self.fields[0].value().to_string();
                let date = self.date_at(1)?;
                let rows = self
                    .grid
                    .as_ref()
                    .map(|g| g.rows.clone())
                    .unwrap_or_default();
                let mut lines = Vec::new();
                for (r, row) in rows.iter().enumerate() {
                    let v = row.cells[0].value();
                    if v.is_empty() {
                        continue;
                    }
                    let unit = app
                        .coop
                        .item(&row.key)
                        .map(|i| i.unit)
                        .unwrap_or(Unit::Piece);
                    let q =
                        Qty::parse(v, unit).or_else(|e| self.fail(Focus::Cell(r, 0), msg(&e)))?;
                    // The same item twice on a receipt comes back once.
                    match lines
                        .iter_mut()
                        .find(|(c, _): &&mut (String, Qty)| *c == row.key)
                    {
                        Some(l) => l.1 = l.1.checked_add(q).unwrap_or(l.1),
                        None => lines.push((row.key.clone(), q)),
                    }
                }
                if lines.is_empty() {
                    return self.fail(Focus::Cell(0, 0), tr("dlg-return-empty"));
                }
                if reason.is_empty() {
                    return self.fail(Focus::Field(0), tr("dlg-reason-required"));
                }
                Ok(CoopEffect::Return {
                    org,
                    ret: ReturnDraft {
                        date,
                        point,
                        receipt,
                        lines,
                        reason,
                        key: self.key.clone(),
                    },
                })
            }
            DKind::Payment => {
                let code = fold(self.fields[0].value());
                let Some(c) = app.coop.customer(&code).cloned() else {
                    return self.fail(
                        Focus::Field(0),
                        crate::t!(
                            "dlg-unknown-customer",
                            code = self.fields[0].value().to_string()
                        ),
                    );
                };
                let amount = money::parse_positive(self.fields[1].value())
                    .or_else(|e| self.fail(Focus::Field(1), msg(&e)))?;
                let method = PayMethod::from_code(self.fields[2].code()).unwrap_or(PayMethod::Cash);
                let inv_text = self.fields[3].value().to_string();
                let invoice = if inv_text.is_empty() {
                    None
                } else {
                    let digits = inv_text
                        .rsplit('-')
                        .next()
                        .unwrap_or("")
                        .trim_start_matches('0');
                    match digits.parse::<i64>() {
                        Ok(n) if n > 0 => Some(n),
                        _ => {
                            return self.fail(
                                Focus::Field(3),
                                crate::t!("dlg-bad-invoice", value = inv_text),
                            );
                        }
                    }
                };
                let date = self.date_at(4)?;
                Ok(CoopEffect::Pay {
                    org,
                    pay: PaymentDraft {
                        date,
                        point: app.coop.point(),
                        customer: c.code,
                        method,
                        amount,
                        invoice,
                        key: self.key.clone(),
                    },
                })
            }
            DKind::Customer { code } => {
                let new = code.is_none();
                let code = check_code(self.fields[0].value())
                    .or_else(|e| self.fail(Focus::Field(0), msg(&e)))?;
                let name = self.fields[1].value().to_string();
                if name.is_empty() {
                    return self.fail(Focus::Field(1), tr("dlg-name-required"));
                }
                let limit_text = self.fields[3].value().to_string();
                let limit = if limit_text.is_empty() {
                    Fcfa::ZERO
                } else {
                    money::parse(&limit_text).or_else(|e| self.fail(Focus::Field(3), msg(&e)))?
                };
                Ok(CoopEffect::SaveCustomer {
                    org,
                    code,
                    name,
                    phone: self.fields[2].value().to_string(),
                    limit,
                    new,
                })
            }
            DKind::CloseDay {
                point,
                day,
                counted,
                reason,
            } => Ok(CoopEffect::CloseDay {
                org,
                point,
                day,
                counted,
                reason,
            }),
            DKind::VoidReceipt | DKind::Info => Err(String::new()),
        }
    }
}

/// Suggestions for a picker over `src`: (code, text).
pub fn suggestions(app: &App, src: Source, typed: &str) -> Vec<(String, String)> {
    let lang = crate::i18n::lang();
    match src {
        Source::Customers => match_customers(&app.coop.customers, typed)
            .into_iter()
            .filter(|c| c.code != fold(typed.trim()))
            .take(super::PICKS)
            .map(|c| {
                let owed = if c.owed.is_positive() {
                    format!(
                        " · {}",
                        crate::t!("cust-owes", amount = c.owed.format(lang))
                    )
                } else {
                    String::new()
                };
                (c.code.clone(), format!("{} — {}{owed}", c.code, c.name))
            })
            .collect(),
        _ => {
            let kind = match src {
                Source::Products => Some(ItemKind::Product),
                Source::Materials => Some(ItemKind::Material),
                _ => None,
            };
            match_items(&app.coop.items, typed, kind)
                .into_iter()
                .filter(|i| i.code != fold(typed.trim()))
                .take(super::PICKS)
                .map(|i| {
                    (
                        i.code.clone(),
                        format!(
                            "{} — {} · {}",
                            i.code,
                            i.name,
                            super::qty_unit(i.qty, i.unit)
                        ),
                    )
                })
                .collect()
        }
    }
}
