//! A cooperative's own screens: stock, production, sales (the receipt being
//! typed, and the day's receipts), customers and what they owe, and the
//! daily close (Z). They sit under one tab of the main bar (F11 or `v`) with
//! a row of their own; each screen keeps its state, its update and its view
//! in its file. Like the rest of the interface, nothing here does IO: keys
//! become effects (`CoopEffect`), which the driver (`driver.rs`) runs
//! through the service layer and feeds back as `CoopDone`.

pub mod customers;
pub mod dayclose;
pub mod dialog;
pub mod driver;
pub mod production;
pub mod receipts;
pub mod sales;
pub mod stock;
pub mod view;

use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use rust_decimal::Decimal;

use super::app::{App, Effect, FilterKey, Level, Popup, Screen, Status};
use super::keymap::{Cmd, Scope};
use crate::domain::access::Action;
use crate::domain::coop::{AdjustReason, CashCount, Discount, ItemKind, PayMethod, Qty, Unit};
use crate::domain::money::Fcfa;
use crate::domain::text::fold;
use crate::service::coop::{
    AdjustInput, Aging, CountLine, DocOutcome, NewItem, PaymentInput, PurchaseInput, ReturnInput,
    RunInput, RunOutcome, SaleInput, SaleLineInput, SalesSummary, StockLineInput,
};
use crate::store::{CustomerRow, DayCloseRow, ItemRow, MoveRow, RecipeRow, SaleRow, StockDocRow};
use dialog::Dialog;

/// The cooperative's screens, in the order of their row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoopTab {
    Sales,
    Receipts,
    Customers,
    DayClose,
    Stock,
    Production,
}

impl CoopTab {
    pub const ALL: [CoopTab; 6] = [
        CoopTab::Sales,
        CoopTab::Receipts,
        CoopTab::Customers,
        CoopTab::DayClose,
        CoopTab::Stock,
        CoopTab::Production,
    ];

    pub fn cmd(self) -> Cmd {
        match self {
            CoopTab::Sales => Cmd::Shop,
            CoopTab::Receipts => Cmd::CoopReceipts,
            CoopTab::Customers => Cmd::CoopCustomers,
            CoopTab::DayClose => Cmd::CoopDayClose,
            CoopTab::Stock => Cmd::CoopStock,
            CoopTab::Production => Cmd::CoopProduction,
        }
    }

    pub fn from_cmd(cmd: Cmd) -> Option<CoopTab> {
        CoopTab::ALL.into_iter().find(|t| t.cmd() == cmd)
    }

    pub fn title_key(self) -> &'static str {
        match self {
            CoopTab::Sales => "shop-tab-sales",
            CoopTab::Receipts => "shop-tab-receipts",
            CoopTab::Customers => "shop-tab-customers",
            CoopTab::DayClose => "shop-tab-day-close",
            CoopTab::Stock => "shop-tab-stock",
            CoopTab::Production => "shop-tab-production",
        }
    }

    pub fn scope(self) -> Scope {
        match self {
            CoopTab::Sales => Scope::Sales,
            CoopTab::Receipts => Scope::Receipts,
            CoopTab::Customers => Scope::Customers,
            CoopTab::DayClose => Scope::DayClose,
            CoopTab::Stock => Scope::Stock,
            CoopTab::Production => Scope::Production,
        }
    }
}

/// Everything the cooperative's screens hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CoopState {
    /// Items with their stock (shared by every screen: pickers, levels).
    pub items: Vec<ItemRow>,
    pub items_loaded: bool,
    pub customers: Vec<CustomerRow>,
    pub customers_loaded: bool,
    pub recipes: Vec<RecipeRow>,
    pub stock: stock::StockState,
    pub production: production::ProductionState,
    pub sales: sales::SalesState,
    pub receipts: receipts::ReceiptsState,
    pub cust: customers::CustomersState,
    pub day: dayclose::DayCloseState,
}

impl CoopState {
    /// Something typed and not recorded (a receipt, a cash count).
    pub fn dirty(&self) -> bool {
        self.sales.dirty()
    }

    pub fn item(&self, code: &str) -> Option<&ItemRow> {
        self.items.iter().find(|i| i.code == code)
    }

    pub fn customer(&self, code: &str) -> Option<&CustomerRow> {
        self.customers.iter().find(|c| c.code == code)
    }

    /// The sales point the screens work on.
    pub fn point(&self) -> String {
        self.day.point_code()
    }
}

// ---- effects and results ---------------------------------------------------

/// Where a loaded receipt goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReceiptUse {
    Show,
    Return,
}

/// A new item, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemDraft {
    pub code: String,
    pub name: String,
    pub kind: ItemKind,
    pub unit: Unit,
    pub price: Option<Fcfa>,
    pub reorder: Qty,
    pub stock_account: String,
    pub flow_account: String,
}

impl ItemDraft {
    pub fn input(&self) -> NewItem {
        NewItem {
            code: self.code.clone(),
            name: self.name.clone(),
            kind: self.kind,
            unit: self.unit,
            price: self.price,
            reorder: self.reorder,
            stock_account: self.stock_account.clone(),
            flow_account: Some(self.flow_account.clone()),
            variation_account: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PurchaseDraft {
    pub date: NaiveDate,
    pub supplier: String,
    pub reference: String,
    pub method: PayMethod,
    /// (item, quantity, amount paid for the line).
    pub lines: Vec<(String, Qty, Fcfa)>,
    pub key: String,
}

impl PurchaseDraft {
    pub fn input(&self) -> PurchaseInput {
        PurchaseInput {
            date: self.date,
            supplier: self.supplier.clone(),
            reference: self.reference.clone(),
            method: self.method,
            lines: self
                .lines
                .iter()
                .map(|(item, qty, amount)| StockLineInput {
                    item: item.clone(),
                    qty: *qty,
                    amount: *amount,
                })
                .collect(),
            idem_key: self.key.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdjustDraft {
    pub date: NaiveDate,
    pub item: String,
    pub qty: Qty,
    pub reason: AdjustReason,
    pub unit_cost: Option<Decimal>,
    pub note: String,
    pub key: String,
}

impl AdjustDraft {
    pub fn input(&self) -> AdjustInput {
        AdjustInput {
            date: self.date,
            item: self.item.clone(),
            qty: self.qty,
            reason: self.reason,
            unit_cost: self.unit_cost,
            note: self.note.clone(),
            idem_key: self.key.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunDraft {
    pub date: NaiveDate,
    pub recipe: String,
    pub batches: Qty,
    pub note: String,
    pub key: String,
}

impl RunDraft {
    pub fn input(&self) -> RunInput {
        RunInput {
            date: self.date,
            recipe: self.recipe.clone(),
            batches: self.batches,
            note: self.note.clone(),
            idem_key: self.key.clone(),
        }
    }
}

/// One line of the receipt being typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaleLineDraft {
    pub item: String,
    pub qty: Qty,
    /// A price other than the list price, with its reason.
    pub price: Option<Fcfa>,
    pub price_reason: String,
    pub discount: Discount,
}

/// The receipt being typed, as the service will receive it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaleDraft {
    pub date: NaiveDate,
    pub point: String,
    pub customer: Option<String>,
    pub method: PayMethod,
    pub lines: Vec<SaleLineDraft>,
    pub key: String,
}

impl SaleDraft {
    pub fn input(&self) -> SaleInput {
        SaleInput {
            date: self.date,
            point: self.point.clone(),
            customer: self.customer.clone(),
            method: self.method,
            lines: self
                .lines
                .iter()
                .map(|l| SaleLineInput {
                    item: l.item.clone(),
                    qty: l.qty,
                    price: l.price,
                    price_reason: l.price_reason.clone(),
                    discount: l.discount,
                })
                .collect(),
            idem_key: self.key.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnDraft {
    pub date: NaiveDate,
    pub point: String,
    pub receipt: i64,
    pub lines: Vec<(String, Qty)>,
    pub reason: String,
    pub key: String,
}

impl ReturnDraft {
    pub fn input(&self) -> ReturnInput {
        ReturnInput {
            date: self.date,
            point: self.point.clone(),
            receipt: self.receipt,
            lines: self.lines.clone(),
            reason: self.reason.clone(),
            idem_key: self.key.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentDraft {
    pub date: NaiveDate,
    pub point: String,
    pub customer: String,
    pub method: PayMethod,
    pub amount: Fcfa,
    pub invoice: Option<i64>,
    pub key: String,
}

impl PaymentDraft {
    pub fn input(&self) -> PaymentInput {
        PaymentInput {
            date: self.date,
            point: self.point.clone(),
            customer: self.customer.clone(),
            method: self.method,
            amount: self.amount,
            invoice: self.invoice,
            idem_key: self.key.clone(),
        }
    }
}

/// What the driver must do for a cooperative's screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CoopEffect {
    Items {
        org: String,
    },
    Customers {
        org: String,
    },
    Recipes {
        org: String,
    },
    /// An item's stock ledger.
    Moves {
        org: String,
        item: String,
    },
    Runs {
        org: String,
    },
    /// The receipts (sales and returns) of a day.
    DaySales {
        org: String,
        date: NaiveDate,
    },
    Receipt {
        org: String,
        kind: String,
        number: i64,
        then: ReceiptUse,
    },
    Aging {
        org: String,
        as_of: NaiveDate,
    },
    /// The Z of a day, the days left open and the closes so far.
    DayClose {
        org: String,
        point: String,
        day: NaiveDate,
    },
    CountPreview {
        org: String,
        counts: Vec<(String, Qty)>,
    },
    AddItem {
        org: String,
        item: ItemDraft,
    },
    Purchase {
        org: String,
        purchase: PurchaseDraft,
    },
    Adjust {
        org: String,
        adjust: AdjustDraft,
    },
    Count {
        org: String,
        date: NaiveDate,
        counts: Vec<(String, Qty)>,
        note: String,
        key: String,
    },
    Produce {
        org: String,
        run: RunDraft,
    },
    Sell {
        org: String,
        sale: SaleDraft,
    },
    Return {
        org: String,
        ret: ReturnDraft,
    },
    Pay {
        org: String,
        pay: PaymentDraft,
    },
    SaveCustomer {
        org: String,
        code: String,
        name: String,
        phone: String,
        limit: Fcfa,
        /// A new customer: refused when the code exists.
        new: bool,
    },
    CloseDay {
        org: String,
        point: String,
        day: NaiveDate,
        counted: CashCount,
        reason: String,
    },
}

impl CoopEffect {
    pub fn writes(&self) -> bool {
        matches!(
            self,
            CoopEffect::AddItem { .. }
                | CoopEffect::Purchase { .. }
                | CoopEffect::Adjust { .. }
                | CoopEffect::Count { .. }
                | CoopEffect::Produce { .. }
                | CoopEffect::Sell { .. }
                | CoopEffect::Return { .. }
                | CoopEffect::Pay { .. }
                | CoopEffect::SaveCustomer { .. }
                | CoopEffect::CloseDay { .. }
        )
    }

    /// For the log.
    pub fn name(&self) -> &'static str {
        match self {
            CoopEffect::Items { .. } => "coop_items",
            CoopEffect::Customers { .. } => "coop_customers",
            CoopEffect::Recipes { .. } => "coop_recipes",
            CoopEffect::Moves { .. } => "coop_moves",
            CoopEffect::Runs { .. } => "coop_runs",
            CoopEffect::DaySales { .. } => "coop_day_sales",
            CoopEffect::Receipt { .. } => "coop_receipt",
            CoopEffect::Aging { .. } => "coop_aging",
            CoopEffect::DayClose { .. } => "coop_day_close",
            CoopEffect::CountPreview { .. } => "coop_count_preview",
            CoopEffect::AddItem { .. } => "coop_add_item",
            CoopEffect::Purchase { .. } => "coop_purchase",
            CoopEffect::Adjust { .. } => "coop_adjust",
            CoopEffect::Count { .. } => "coop_count",
            CoopEffect::Produce { .. } => "coop_produce",
            CoopEffect::Sell { .. } => "coop_sell",
            CoopEffect::Return { .. } => "coop_return",
            CoopEffect::Pay { .. } => "coop_pay",
            CoopEffect::SaveCustomer { .. } => "coop_save_customer",
            CoopEffect::CloseDay { .. } => "coop_close_day",
        }
    }
}

/// What the driver brings back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CoopDone {
    Items(Vec<ItemRow>),
    Customers(Vec<CustomerRow>),
    Recipes(Vec<RecipeRow>),
    Moves {
        item: String,
        rows: Vec<MoveRow>,
    },
    Runs(Vec<StockDocRow>),
    DaySales {
        date: NaiveDate,
        rows: Vec<SaleRow>,
    },
    Receipt {
        sale: SaleRow,
        text: String,
        then: ReceiptUse,
    },
    Aging(Aging),
    DayClose {
        summary: SalesSummary,
        unsealed: Vec<(String, NaiveDate)>,
        closes: Vec<DayCloseRow>,
    },
    CountPreview(Vec<CountLine>),
    /// A purchase, adjustment, count, return or payment.
    Recorded(DocOutcome),
    Ran(RunOutcome),
    Sold {
        outcome: DocOutcome,
        /// The receipt as printed (none if it could not be read back).
        receipt: Option<String>,
    },
    ItemAdded(ItemRow),
    CustomerSaved(CustomerRow),
    DayClosed(SalesSummary),
}

// ---- helpers shared by the screens ------------------------------------------

/// The printed reference of a document (`VTE-000012`).
pub fn doc_ref(kind: &str, number: i64) -> String {
    crate::service::coop::doc_ref(kind, number)
}

/// A stock movement's document (`sale:12`) as its reference.
pub fn move_doc(doc: &str) -> String {
    match doc.split_once(':') {
        Some((k, n)) => match n.parse::<i64>() {
            Ok(n) => doc_ref(k, n),
            Err(_) => doc.to_string(),
        },
        None => doc.to_string(),
    }
}

pub fn method_name(m: PayMethod) -> String {
    crate::i18n::tr(&format!("coop-method-{}", m.code()))
}

pub fn unit_short(u: Unit) -> String {
    crate::i18n::tr(&format!("shop-unit-{}", u.code()))
}

/// `12,5 m`, `3 pce`.
pub fn qty_unit(q: Qty, u: Unit) -> String {
    format!("{} {}", q.format(crate::i18n::lang()), unit_short(u))
}

/// Items matching what was typed: by code (start or part) or by name,
/// accents and case aside. An exact code gives that item alone.
pub fn match_items<'a>(
    items: &'a [ItemRow],
    typed: &str,
    kind: Option<ItemKind>,
) -> Vec<&'a ItemRow> {
    let t = typed.trim();
    if t.is_empty() {
        return Vec::new();
    }
    let f = fold(t);
    let pool = items.iter().filter(|i| kind.is_none_or(|k| i.kind == k));
    if let Some(exact) = pool.clone().find(|i| i.code == f) {
        return vec![exact];
    }
    let mut starts: Vec<&ItemRow> = pool.clone().filter(|i| i.code.starts_with(&f)).collect();
    starts.extend(
        pool.filter(|i| !i.code.starts_with(&f))
            .filter(|i| i.code.contains(&f) || fold(&i.name).contains(&f)),
    );
    starts
}

pub fn match_customers<'a>(rows: &'a [CustomerRow], typed: &str) -> Vec<&'a CustomerRow> {
    let t = typed.trim();
    if t.is_empty() {
        return Vec::new();
    }
    let f = fold(t);
    if let Some(exact) = rows.iter().find(|c| c.code == f) {
        return vec![exact];
    }
    rows.iter()
        .filter(|c| c.code.contains(&f) || fold(&c.name).contains(&f))
        .collect()
}

/// How many suggestions a picker shows.
pub const PICKS: usize = 6;

/// A date as typed (`21/11/2026` or `2026-11-21`), or the key of the error.
pub fn parse_day(s: &str) -> Result<NaiveDate, String> {
    crate::domain::period::parse_date(s.trim())
        .map_err(|_| crate::t!("form-bad-date", value = s.trim().to_string()))
}

/// A unit cost as typed (`1 250`, `352,50`).
pub fn parse_unit_cost(s: &str) -> Option<Decimal> {
    let t: String = s
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let t = t.trim_end_matches("FCFA").trim_end_matches('F').to_string();
    t.parse::<Decimal>().ok().filter(|d| *d >= Decimal::ZERO)
}

fn set_status(app: &mut App, level: Level, text: String) {
    app.status = Some(Status { level, text });
}

fn org_code(app: &App) -> Option<String> {
    app.current_org().map(|o| o.org.code.clone())
}

fn can_post(app: &App) -> bool {
    app.can(Action::Post)
}

// ---- the hooks app.rs calls -------------------------------------------------

/// The key scopes of a cooperative's screen. A role that only reads does
/// not get the screens' writing keys (the customers' and the close's
/// screens keep theirs for reading: the aged list, the day shown).
pub fn scopes(app: &App, tab: CoopTab) -> Vec<Scope> {
    let write = can_post(app);
    let own = match tab {
        CoopTab::Customers | CoopTab::DayClose => true,
        _ => write,
    };
    let mut v = vec![];
    if own {
        v.push(tab.scope());
    }
    v.push(Scope::Coop);
    let list = match tab {
        CoopTab::Sales => !write,
        CoopTab::DayClose => false,
        _ => true,
    };
    if list {
        v.push(Scope::Browse);
    }
    v.push(Scope::Global);
    v
}

/// The writing commands of a screen, withheld from a role that only reads.
pub fn withheld_commands(app: &App, tab: CoopTab) -> Vec<Cmd> {
    let mut v = vec![];
    if !can_post(app) {
        v.extend([
            Cmd::CustomerPay,
            Cmd::CustomerNew,
            Cmd::CustomerEdit,
            Cmd::SealDay,
        ]);
        if matches!(tab, CoopTab::Sales | CoopTab::Customers) {
            v.push(Cmd::Open);
        }
    }
    if tab == CoopTab::Stock && !app.can(Action::ManageAccounts) {
        v.push(Cmd::ItemNew);
    }
    v
}

/// Whether a field of the screen has the keyboard.
pub fn typing(app: &App, tab: CoopTab) -> bool {
    match tab {
        CoopTab::Sales => can_post(app),
        CoopTab::DayClose => dayclose::typing(app),
        CoopTab::Stock => app.coop.stock.filter.active,
        CoopTab::Customers => app.coop.cust.filter.active,
        _ => false,
    }
}

/// Commands whose keys do nothing on the screen as it is (left out of the
/// hint bar).
pub fn idle_commands(app: &App, tab: CoopTab) -> Vec<Cmd> {
    let mut v = vec![];
    let filter = match tab {
        CoopTab::Stock => app.coop.stock.ledger.is_some(),
        CoopTab::Customers => app.coop.cust.aging_view,
        _ => true,
    };
    if filter {
        v.push(Cmd::Filter);
    }
    if tab == CoopTab::DayClose
        && (!can_post(app)
            || app
                .coop
                .day
                .summary
                .as_ref()
                .is_some_and(|s| s.close.is_some()))
    {
        v.push(Cmd::SealDay);
    }
    v
}

/// The first lines of the body above a screen's list, and the last ones
/// below it.
pub fn list_rows(app: &App, tab: CoopTab) -> (u16, u16) {
    match tab {
        CoopTab::Stock if app.coop.stock.ledger.is_some() => (3, 1),
        CoopTab::Stock => (2, 1),
        CoopTab::Production => (2, 1),
        CoopTab::Receipts => (3, 1),
        CoopTab::Customers if app.coop.cust.aging_view => (3, 3),
        CoopTab::Customers => (2, 1),
        CoopTab::Sales | CoopTab::DayClose => (1, 0),
    }
}

fn tab_of(app: &App) -> Option<CoopTab> {
    match app.screen {
        Screen::Coop(t) => Some(t),
        _ => None,
    }
}

/// The list on screen: its cursor, its scroll and its length.
fn nav_of(app: &mut App) -> Option<(&mut super::input::ListNav, usize)> {
    let tab = tab_of(app)?;
    let n_items = stock::visible(&app.coop).len();
    let c = &mut app.coop;
    Some(match tab {
        CoopTab::Stock => match &mut c.stock.ledger {
            Some(l) => (&mut l.nav, l.rows.len()),
            None => (&mut c.stock.nav, n_items),
        },
        CoopTab::Production => (&mut c.production.nav, c.production.runs.len()),
        CoopTab::Receipts => (&mut c.receipts.nav, c.receipts.rows.len()),
        CoopTab::Customers => {
            let n = customers::len(c);
            (&mut c.cust.nav, n)
        }
        CoopTab::Sales | CoopTab::DayClose => return None,
    })
}

/// The list on screen, read only.
fn nav_info(app: &App) -> Option<(super::input::ListNav, usize)> {
    let c = &app.coop;
    Some(match tab_of(app)? {
        CoopTab::Stock => match &c.stock.ledger {
            Some(l) => (l.nav, l.rows.len()),
            None => (c.stock.nav, stock::visible(c).len()),
        },
        CoopTab::Production => (c.production.nav, c.production.runs.len()),
        CoopTab::Receipts => (c.receipts.nav, c.receipts.rows.len()),
        CoopTab::Customers => (c.cust.nav, customers::len(c)),
        CoopTab::Sales | CoopTab::DayClose => return None,
    })
}

pub fn list_offset(app: &App) -> Option<usize> {
    nav_info(app).map(|(n, _)| n.offset)
}

pub fn list_len(app: &App) -> usize {
    nav_info(app).map(|(_, l)| l).unwrap_or(0)
}

pub fn cursor(app: &App) -> Option<usize> {
    nav_info(app).map(|(n, _)| n.cursor)
}

pub fn clamp(app: &mut App) {
    let h = app.list_height();
    if let Some((nav, len)) = nav_of(app) {
        nav.clamp(len, h);
    }
}

pub fn move_by(app: &mut App, delta: isize) -> Vec<Effect> {
    let h = app.list_height();
    match tab_of(app) {
        Some(CoopTab::Sales) => return sales::move_by(app, delta),
        Some(CoopTab::DayClose) => return dayclose::move_by(app, delta),
        _ => {}
    }
    if let Some((nav, len)) = nav_of(app) {
        nav.move_by(delta, len, h);
    }
    vec![]
}

/// Loads what a cooperative's screen shows.
pub fn load(app: &mut App, tab: CoopTab, org: String) -> Vec<Effect> {
    let mut v = vec![CoopEffect::Items { org: org.clone() }];
    match tab {
        CoopTab::Sales => {
            v.push(CoopEffect::Customers { org: org.clone() });
            v.push(CoopEffect::DaySales {
                org: org.clone(),
                date: app.today,
            });
            // The sales point the receipt goes to (the one used last).
            if app.coop.day.shown.is_none() {
                v.extend(dayclose::load(app, org));
            }
        }
        CoopTab::Receipts => v.push(CoopEffect::DaySales {
            org,
            date: app.today,
        }),
        CoopTab::Customers => {
            v.push(CoopEffect::Customers { org: org.clone() });
            v.push(CoopEffect::Aging {
                org,
                as_of: app.today,
            });
        }
        CoopTab::DayClose => v.extend(dayclose::load(app, org)),
        CoopTab::Stock => {
            if let Some(l) = &app.coop.stock.ledger {
                v.push(CoopEffect::Moves {
                    org,
                    item: l.item.code.clone(),
                });
            }
        }
        CoopTab::Production => {
            v.push(CoopEffect::Recipes { org: org.clone() });
            v.push(CoopEffect::Runs { org });
        }
    }
    v.into_iter().map(Effect::Coop).collect()
}

/// The commands a cooperative's screen handles; `None` leaves the command
/// to the rest of the interface.
pub fn run(app: &mut App, cmd: Cmd) -> Option<Vec<Effect>> {
    // Moving between the cooperative's screens.
    if let Some(tab) = CoopTab::from_cmd(cmd) {
        if !app.is_coop() {
            return None;
        }
        app.detail = None;
        app.status = None;
        app.screen = Screen::Coop(tab);
        return Some(app.load_screen());
    }
    let tab = tab_of(app)?;
    if app.detail.is_some() {
        return None;
    }
    let h = app.list_height() as isize;
    let fx = match (tab, cmd) {
        (CoopTab::Sales, _) => return sales::run(app, cmd),
        (CoopTab::DayClose, _) => return dayclose::run(app, cmd),
        (_, Cmd::Up) => move_by(app, -1),
        (_, Cmd::Down) => move_by(app, 1),
        (_, Cmd::PageUp) => move_by(app, -h.max(1)),
        (_, Cmd::PageDown) => move_by(app, h.max(1)),
        (_, Cmd::First) => move_by(app, -(isize::MAX / 4)),
        (_, Cmd::Last) => move_by(app, isize::MAX / 4),
        (_, Cmd::Open) => open(app),
        (_, Cmd::Back) => back(app),
        (CoopTab::Stock, _) => return stock::run(app, cmd),
        (CoopTab::Production, _) => return production::run(app, cmd),
        (CoopTab::Receipts, _) => return receipts::run(app, cmd),
        (CoopTab::Customers, _) => return customers::run(app, cmd),
    };
    Some(fx)
}

/// Enter (or a second click) on a row.
pub fn open(app: &mut App) -> Vec<Effect> {
    match tab_of(app) {
        Some(CoopTab::Stock) => stock::open(app),
        Some(CoopTab::Production) => production::open(app),
        Some(CoopTab::Receipts) => receipts::open(app),
        Some(CoopTab::Customers) => customers::open(app),
        _ => vec![],
    }
}

/// Esc: closes what is open on the screen, then goes home.
fn back(app: &mut App) -> Vec<Effect> {
    match tab_of(app) {
        Some(CoopTab::Stock) if app.coop.stock.ledger.is_some() => {
            app.coop.stock.ledger = None;
            vec![]
        }
        Some(CoopTab::Stock) if !app.coop.stock.filter.input.is_empty() => {
            app.coop.stock.filter = Default::default();
            vec![]
        }
        Some(CoopTab::Customers) if !app.coop.cust.filter.input.is_empty() => {
            app.coop.cust.filter = Default::default();
            vec![]
        }
        Some(CoopTab::Customers) if app.coop.cust.aging_view => {
            app.coop.cust.aging_view = false;
            clamp(app);
            vec![]
        }
        _ => {
            app.status = None;
            app.screen = Screen::Home;
            app.load_screen()
        }
    }
}

/// A list filter being typed keeps the keyboard until Enter or Esc.
pub fn filter_key(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    if app.detail.is_some() || app.popup.is_some() {
        return None;
    }
    let filter = match app.screen {
        Screen::Coop(CoopTab::Stock) if app.coop.stock.ledger.is_none() => {
            &mut app.coop.stock.filter
        }
        Screen::Coop(CoopTab::Customers) => &mut app.coop.cust.filter,
        _ => return None,
    };
    match filter.key(key) {
        FilterKey::NotMine => return None,
        FilterKey::Taken => {}
        FilterKey::Typed => {
            if let Some((nav, _)) = nav_of(app) {
                *nav = Default::default();
            }
        }
    }
    Some(vec![])
}

/// A key no command took, on a screen where a field has the keyboard.
pub fn text_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    match tab_of(app) {
        Some(CoopTab::Sales) if can_post(app) => sales::text_key(app, key),
        Some(CoopTab::DayClose) if dayclose::typing(app) => dayclose::text_key(app, key),
        _ => vec![],
    }
}

/// Opens a dialog over the screen.
pub(crate) fn open_dialog(app: &mut App, d: Dialog) {
    app.popup = Some(Popup::Coop(Box::new(d)));
}

/// Refuses a write to a role that may only read.
pub(crate) fn refuse_read_only(app: &mut App) -> bool {
    if can_post(app) {
        return false;
    }
    set_status(app, Level::Error, crate::t!("tui-read-only"));
    true
}

/// A key in a cooperative's dialog: whether it stays open, and the effects.
pub fn dialog_key(
    app: &mut App,
    d: &mut Dialog,
    cmd: Option<Cmd>,
    key: &KeyEvent,
) -> (bool, Vec<Effect>) {
    if org_code(app).is_none() {
        return (false, vec![]);
    }
    match d.key(app, cmd, key) {
        dialog::Outcome::Keep => (true, vec![]),
        dialog::Outcome::Cancel => (false, vec![]),
        dialog::Outcome::Submit(e) => {
            d.pending = true;
            d.error = None;
            (true, vec![Effect::Coop(e)])
        }
        dialog::Outcome::Replace(next) => {
            *d = *next;
            (true, vec![])
        }
        dialog::Outcome::Then(fx) => (false, fx),
    }
}

/// A result for a cooperative's screen.
pub fn on_done(app: &mut App, done: CoopDone) -> Vec<Effect> {
    let h = app.list_height();
    let org = org_code(app).unwrap_or_default();
    match done {
        CoopDone::Items(rows) => {
            app.coop.items = rows;
            app.coop.items_loaded = true;
            if let Some(l) = &mut app.coop.stock.ledger
                && let Some(fresh) = app.coop.items.iter().find(|i| i.code == l.item.code)
            {
                l.item = fresh.clone();
            }
            clamp(app);
            vec![]
        }
        CoopDone::Customers(rows) => {
            app.coop.customers = rows;
            app.coop.customers_loaded = true;
            clamp(app);
            vec![]
        }
        CoopDone::Recipes(rows) => {
            app.coop.recipes = rows;
            vec![]
        }
        CoopDone::Moves { item, rows } => {
            if let Some(l) = &mut app.coop.stock.ledger
                && l.item.code == item
            {
                let fresh = !l.loaded;
                l.rows = rows;
                l.loaded = true;
                if fresh {
                    l.nav.last(l.rows.len(), h);
                } else {
                    l.nav.clamp(l.rows.len(), h);
                }
            }
            vec![]
        }
        CoopDone::Runs(rows) => {
            let p = &mut app.coop.production;
            let fresh = !p.loaded;
            p.runs = rows;
            p.loaded = true;
            if fresh {
                p.nav.last(p.runs.len(), h);
            } else {
                p.nav.clamp(p.runs.len(), h);
            }
            vec![]
        }
        CoopDone::DaySales { date, rows } => {
            let r = &mut app.coop.receipts;
            let fresh = !r.loaded;
            r.date = Some(date);
            r.rows = rows;
            r.loaded = true;
            if fresh {
                r.nav.last(r.rows.len(), h);
            } else {
                r.nav.clamp(r.rows.len(), h);
            }
            vec![]
        }
        CoopDone::Receipt { sale, text, then } => {
            receipts::receipt_loaded(app, sale, text, then);
            vec![]
        }
        CoopDone::Aging(a) => {
            app.coop.cust.aging = Some(a);
            clamp(app);
            vec![]
        }
        CoopDone::DayClose {
            summary,
            unsealed,
            closes,
        } => {
            dayclose::loaded(app, summary, unsealed, closes);
            vec![]
        }
        CoopDone::CountPreview(lines) => {
            if let Some(Popup::Coop(d)) = &mut app.popup {
                d.pending = false;
                d.set_preview(lines);
            }
            vec![]
        }
        CoopDone::Recorded(out) => {
            let text = recorded_text(&out);
            let reload = reload_after(app, &out.kind, &org);
            close_dialog(app);
            set_status(app, Level::Success, text);
            reload
        }
        CoopDone::Ran(out) => {
            close_dialog(app);
            let lines = production::ran_lines(app, &out);
            open_dialog(
                app,
                Dialog::info(crate::t!("prod-done-title"), lines, dialog::After::Nothing),
            );
            reload_after(app, "run", &org)
        }
        CoopDone::Sold { outcome, receipt } => sales::sold(app, outcome, receipt, &org),
        CoopDone::ItemAdded(item) => {
            close_dialog(app);
            set_status(
                app,
                Level::Success,
                crate::t!(
                    "stock-item-added",
                    code = item.code.clone(),
                    name = item.name.clone()
                ),
            );
            vec![Effect::Coop(CoopEffect::Items { org })]
        }
        CoopDone::CustomerSaved(c) => {
            close_dialog(app);
            set_status(
                app,
                Level::Success,
                crate::t!("cust-saved", code = c.code.clone(), name = c.name.clone()),
            );
            vec![
                Effect::Coop(CoopEffect::Customers { org: org.clone() }),
                Effect::Coop(CoopEffect::Aging {
                    org,
                    as_of: app.today,
                }),
            ]
        }
        CoopDone::DayClosed(s) => {
            close_dialog(app);
            dayclose::closed(app, s, &org)
        }
    }
}

fn close_dialog(app: &mut App) {
    if matches!(app.popup, Some(Popup::Coop(_))) {
        app.popup = None;
    }
}

/// The status line after a document is recorded.
fn recorded_text(out: &DocOutcome) -> String {
    let reference = out.reference();
    let amount = out.total.format(crate::i18n::lang());
    let mut s = match &out.entry {
        Some(e) => crate::t!(
            "shop-recorded-entry",
            doc = reference,
            amount = amount,
            entry = e.clone()
        ),
        None => crate::t!("shop-recorded", doc = reference, amount = amount),
    };
    if out.already {
        s = crate::t!("shop-already", doc = out.reference());
    }
    s
}

/// What to load again after a document of `kind` is recorded.
fn reload_after(app: &mut App, kind: &str, org: &str) -> Vec<Effect> {
    let org = org.to_string();
    let mut v = vec![CoopEffect::Items { org: org.clone() }];
    match kind {
        "payment" | "sale" | "return" => {
            app.coop.receipts.loaded = false;
            v.push(CoopEffect::Customers { org: org.clone() });
            v.push(CoopEffect::Aging {
                org: org.clone(),
                as_of: app.today,
            });
            v.push(CoopEffect::DaySales {
                org: org.clone(),
                date: app.today,
            });
        }
        "run" => {
            // The new run is the one to see.
            app.coop.production.loaded = false;
            v.push(CoopEffect::Runs { org: org.clone() });
        }
        _ => {}
    }
    if let Some(l) = &app.coop.stock.ledger {
        v.push(CoopEffect::Moves {
            org: org.clone(),
            item: l.item.code.clone(),
        });
    }
    if matches!(app.screen, Screen::Coop(CoopTab::DayClose)) {
        v.extend(dayclose::load(app, org));
    }
    app.journal.loaded = false;
    v.into_iter().map(Effect::Coop).collect()
}

/// A refusal: shown where it was asked for, and nothing typed is lost.
/// Returns whether it was shown there (then the status line stays quiet).
pub fn on_failed(app: &mut App, effect: &CoopEffect, message: &str, busy: bool) -> bool {
    let text = if busy {
        crate::t!("shop-busy")
    } else {
        message.to_string()
    };
    if let Some(Popup::Coop(d)) = &mut app.popup
        && d.pending
    {
        d.pending = false;
        d.error = Some(text);
        return true;
    }
    match effect {
        CoopEffect::Sell { .. } => {
            app.coop.sales.pending = false;
            app.coop.sales.error = Some(text);
            true
        }
        CoopEffect::CloseDay { .. } | CoopEffect::DayClose { .. } => {
            app.coop.day.error = Some(text);
            true
        }
        _ => false,
    }
}
