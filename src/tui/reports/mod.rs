//! The reports tab (États): the six-column trial balance with its
//! drill-down (an account's ledger, an entry, the document that posted
//! it), the general ledger, the SMT statement of receipts and payments, the
//! income statement, the balance sheet, a cooperative's stock valuation
//! and its customers by age, a savings group's indicators; and the monthly
//! export for the auditor. Every screen has a period (a month, by default
//! the current one, or a year).
//!
//! Nothing here does IO: keys become effects (`RepEffect`), which the
//! driver (`driver.rs`) runs through the service layer and feeds back as
//! `RepDone`. Everything here only reads the books, so every role has it.

pub mod driver;
pub mod export;
pub mod view;

use std::path::PathBuf;

use chrono::NaiveDate;

use super::app::{App, Effect, Level as StatusLevel, Popup, Screen, Status};
use super::input::ListNav;
use super::keymap::{Cmd, Scope};
use super::savings::Data;
use super::savings::indicators::IndicatorsState;
use crate::domain::ledger::EntryNumber;
use crate::domain::money::Fcfa;
use crate::domain::period::{DateRange, Month};
use crate::domain::report::TrialBalance;
use crate::domain::statements::{
    BalanceSheet, GeneralLedger, IncomeStatement, Smt, StockValuation,
};
use crate::service::coop::Aging;
use crate::service::savings::{IndicatorsView, MeetingView};
use crate::store::{
    DayCloseRow, EntryView, LedgerLine, MoveRow, PaymentRow, SaleRow, SgCloseRow, StockDocRow,
};
use export::{ExportDialog, ExportSummary};

/// The screens of the reports tab, in the order of their row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RepTab {
    /// The trial balance (balance générale), where the drill-down starts.
    Balance,
    /// The general ledger (grand livre): every account, line by line.
    Ledger,
    /// The SMT statement of receipts and payments, per cash box, bank and
    /// wallet.
    Smt,
    /// The income statement (compte de résultat).
    Income,
    /// The balance sheet (bilan).
    Sheet,
    /// A cooperative's stock, item by item, against the stock accounts.
    Stock,
    /// A cooperative's customers by age of what they owe.
    Aging,
    /// A savings group's indicators.
    Indicators,
}

impl RepTab {
    pub const ALL: [RepTab; 8] = [
        RepTab::Balance,
        RepTab::Ledger,
        RepTab::Smt,
        RepTab::Income,
        RepTab::Sheet,
        RepTab::Stock,
        RepTab::Aging,
        RepTab::Indicators,
    ];

    /// The screens an organisation of this kind has.
    pub fn for_kind(kind: Option<&str>) -> Vec<RepTab> {
        RepTab::ALL
            .into_iter()
            .filter(|t| match t {
                RepTab::Stock | RepTab::Aging => kind == Some("coop"),
                RepTab::Indicators => kind == Some("savings"),
                _ => true,
            })
            .collect()
    }

    pub fn index(self) -> usize {
        RepTab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub fn cmd(self) -> Cmd {
        match self {
            RepTab::Balance => Cmd::RepBalance,
            RepTab::Ledger => Cmd::RepLedger,
            RepTab::Smt => Cmd::RepSmt,
            RepTab::Income => Cmd::RepIncome,
            RepTab::Sheet => Cmd::RepSheet,
            RepTab::Stock => Cmd::RepStock,
            RepTab::Aging => Cmd::RepAging,
            RepTab::Indicators => Cmd::RepIndicators,
        }
    }

    pub fn from_cmd(cmd: Cmd) -> Option<RepTab> {
        RepTab::ALL.into_iter().find(|t| t.cmd() == cmd)
    }

    pub fn title_key(self) -> &'static str {
        match self {
            RepTab::Balance => "rep-tab-balance",
            RepTab::Ledger => "rep-tab-ledger",
            RepTab::Smt => "rep-tab-smt",
            RepTab::Income => "rep-tab-income",
            RepTab::Sheet => "rep-tab-sheet",
            RepTab::Stock => "rep-tab-stock",
            RepTab::Aging => "rep-tab-aging",
            RepTab::Indicators => "rep-tab-indicators",
        }
    }

    /// The screen's full name, above its figures.
    pub fn heading_key(self) -> &'static str {
        match self {
            RepTab::Balance => "rep-title-balance",
            RepTab::Ledger => "rep-title-ledger",
            RepTab::Smt => "rep-title-smt",
            RepTab::Income => "rep-title-income",
            RepTab::Sheet => "rep-title-sheet",
            RepTab::Stock => "rep-title-stock",
            RepTab::Aging => "rep-title-aging",
            RepTab::Indicators => "rep-title-indicators",
        }
    }

    /// Whether the screen can show every organisation the user may read
    /// together (the others are one organisation's).
    pub fn consolidates(self) -> bool {
        matches!(
            self,
            RepTab::Balance | RepTab::Smt | RepTab::Income | RepTab::Sheet
        )
    }

    /// The screen's full name when it covers every organisation.
    pub fn heading_all_key(self) -> &'static str {
        match self {
            RepTab::Smt => "rep-title-all-smt",
            RepTab::Income => "rep-title-all-income",
            RepTab::Sheet => "rep-title-all-sheet",
            _ => "rep-title-all-balance",
        }
    }

    /// Whether the screen covers a range (the others are at a date: the
    /// end of the period, or today when the period is not over).
    pub fn over_range(self) -> bool {
        matches!(
            self,
            RepTab::Balance | RepTab::Ledger | RepTab::Smt | RepTab::Income
        )
    }
}

/// The period the reports cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Month(Month),
    Year(i32),
}

impl Period {
    pub fn range(self) -> DateRange {
        match self {
            Period::Month(m) => DateRange::month(m),
            Period::Year(y) => DateRange::year(y),
        }
    }

    /// `novembre 2026`, `exercice 2026`.
    pub fn label(self) -> String {
        match self {
            Period::Month(m) => crate::i18n::month(m),
            Period::Year(y) => crate::t!("rep-period-year", year = i64::from(y)),
        }
    }

    pub fn prev(self) -> Period {
        match self {
            Period::Month(m) if m.year > 2000 || m.month > 1 => Period::Month(m.prev()),
            Period::Year(y) if y > 2000 => Period::Year(y - 1),
            p => p,
        }
    }

    pub fn next(self) -> Period {
        match self {
            Period::Month(m) if m.year < 2099 || m.month < 12 => Period::Month(m.next()),
            Period::Year(y) if y < 2099 => Period::Year(y + 1),
            p => p,
        }
    }

    /// A month becomes its year; a year becomes today's month when it is
    /// this year, its last month otherwise.
    pub fn toggle(self, today: NaiveDate) -> Period {
        match self {
            Period::Month(m) => Period::Year(m.year),
            Period::Year(y) => {
                let now = Month::of(today);
                if now.year == y {
                    Period::Month(now)
                } else {
                    Period::Month(Month { year: y, month: 12 })
                }
            }
        }
    }
}

/// Where Enter on a row leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The account's ledger over the period.
    Account { number: String, name: String },
    /// The entry.
    Entry(EntryNumber),
}

/// One level of the drill-down, over the screen it started from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Level {
    /// An account's ledger over the period: the opening balance, then each
    /// line with the running balance.
    Ledger {
        account: String,
        name: String,
        range: DateRange,
        opening: Fcfa,
        /// None until the ledger answers.
        lines: Option<Vec<LedgerLine>>,
        nav: ListNav,
    },
    /// An entry, as the journal shows it.
    Entry {
        number: EntryNumber,
        view: Option<Box<EntryView>>,
        scroll: u16,
    },
    /// The document that posted the entry.
    Document {
        number: EntryNumber,
        doc: Option<Box<Document>>,
        scroll: u16,
    },
}

/// The document an entry came from, as the drill-down shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Document {
    /// Typed by hand: nothing but its reference.
    Manual { doc_ref: String },
    /// A sale or a return, as its receipt prints.
    Receipt { sale: Box<SaleRow>, text: String },
    /// A purchase, a donation, a production run, an adjustment or a stock
    /// count, with its stock movements.
    Stock {
        doc: Box<StockDocRow>,
        moves: Vec<MoveRow>,
        /// Item codes, names and units.
        items: Vec<(String, String, crate::domain::coop::Unit)>,
    },
    /// A customer's payment and the invoices it settled.
    Payment(Box<PaymentRow>),
    /// A day's close (Z) of a sales point.
    DayClose(Box<DayCloseRow>),
    /// A savings group's meeting; `close` is the close that posted the
    /// entry.
    Meeting {
        view: Box<Data<MeetingView>>,
        close: Option<SgCloseRow>,
    },
    /// Any other document: a title and what it says, already in words.
    Facts {
        title: String,
        rows: Vec<(String, String)>,
        note: Option<String>,
    },
}

/// Everything the reports tab holds.
#[derive(Clone, Debug, Default)]
pub struct ReportsState {
    /// The screen the tab key comes back to.
    pub last: Option<RepTab>,
    /// None: the current month.
    pub period: Option<Period>,
    pub trial: Option<TrialBalance>,
    pub gl: Option<GeneralLedger>,
    pub smt: Option<Smt>,
    pub income: Option<IncomeStatement>,
    pub sheet: Option<BalanceSheet>,
    pub stock: Option<StockValuation>,
    pub aging: Option<Aging>,
    pub indicators: IndicatorsState,
    /// Why the screen's figures could not be read.
    pub error: Option<String>,
    /// The group of trial balance columns shown when not all six fit.
    pub cols: usize,
    /// The statements list the accounts under each line.
    pub details: bool,
    /// One list cursor per screen.
    pub navs: [ListNav; 8],
    /// The drill-down, deepest last.
    pub drill: Vec<Level>,
    /// The screens that can (`RepTab::consolidates`) show every
    /// organisation the user may read, together.
    pub all: bool,
}

impl ReportsState {
    fn clear_figures(&mut self) {
        self.trial = None;
        self.gl = None;
        self.smt = None;
        self.income = None;
        self.sheet = None;
        self.stock = None;
        self.aging = None;
        self.indicators = IndicatorsState::default();
        self.error = None;
    }
}

// ---- effects and results ---------------------------------------------------

/// What the driver must do for the reports tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RepEffect {
    Trial {
        org: String,
        range: DateRange,
    },
    GeneralLedger {
        org: String,
        range: DateRange,
    },
    Smt {
        org: String,
        range: DateRange,
    },
    Income {
        org: String,
        range: DateRange,
    },
    Sheet {
        org: String,
        at: NaiveDate,
    },
    Stock {
        org: String,
        at: NaiveDate,
    },
    Aging {
        org: String,
        at: NaiveDate,
    },
    Indicators {
        org: String,
        at: NaiveDate,
    },
    /// The trial balance, SMT, income statement and balance sheet of
    /// several organisations summed account by account (`orgs`: codes).
    TrialAll {
        orgs: Vec<String>,
        range: DateRange,
    },
    SmtAll {
        orgs: Vec<String>,
        range: DateRange,
    },
    IncomeAll {
        orgs: Vec<String>,
        range: DateRange,
    },
    SheetAll {
        orgs: Vec<String>,
        at: NaiveDate,
    },
    /// An account's ledger over the range.
    Ledger {
        org: String,
        account: String,
        range: DateRange,
    },
    Entry {
        org: String,
        number: EntryNumber,
    },
    /// The document that posted an entry.
    Document {
        org: String,
        number: EntryNumber,
    },
    /// Where the ledger file is, to propose an export folder beside it.
    ExportPrepare {
        org: String,
    },
    /// The month's export for the auditor, into `dir`.
    Export {
        org: String,
        month: Month,
        dir: PathBuf,
        bom: bool,
    },
}

impl RepEffect {
    /// For the log.
    pub fn name(&self) -> &'static str {
        match self {
            RepEffect::Trial { .. } => "rep_trial_balance",
            RepEffect::GeneralLedger { .. } => "rep_general_ledger",
            RepEffect::Smt { .. } => "rep_smt",
            RepEffect::Income { .. } => "rep_income_statement",
            RepEffect::Sheet { .. } => "rep_balance_sheet",
            RepEffect::Stock { .. } => "rep_stock_valuation",
            RepEffect::Aging { .. } => "rep_aging",
            RepEffect::Indicators { .. } => "rep_indicators",
            RepEffect::TrialAll { .. } => "rep_trial_balance_all",
            RepEffect::SmtAll { .. } => "rep_smt_all",
            RepEffect::IncomeAll { .. } => "rep_income_statement_all",
            RepEffect::SheetAll { .. } => "rep_balance_sheet_all",
            RepEffect::Ledger { .. } => "rep_ledger",
            RepEffect::Entry { .. } => "rep_entry",
            RepEffect::Document { .. } => "rep_document",
            RepEffect::ExportPrepare { .. } => "rep_export_prepare",
            RepEffect::Export { .. } => "rep_export",
        }
    }
}

/// What the driver brings back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RepDone {
    Trial {
        range: DateRange,
        tb: TrialBalance,
    },
    GeneralLedger(GeneralLedger),
    Smt(Smt),
    Income(IncomeStatement),
    Sheet(BalanceSheet),
    Stock(StockValuation),
    Aging(Aging),
    Indicators(Result<Data<IndicatorsView>, String>),
    Ledger {
        account: String,
        range: DateRange,
        opening: Fcfa,
        lines: Vec<LedgerLine>,
    },
    Entry(EntryView),
    Document {
        number: EntryNumber,
        doc: Document,
    },
    /// The folder beside the ledger file.
    ExportReady {
        dir: PathBuf,
    },
    /// The export is under way: `step` of `steps` done, `file` next.
    Progress {
        step: u32,
        steps: u32,
        file: String,
    },
    Exported(ExportSummary),
}

// ---- helpers -------------------------------------------------------------

fn org_code(app: &App) -> Option<String> {
    app.current_org().map(|o| o.org.code.clone())
}

fn set_status(app: &mut App, level: StatusLevel, text: String) {
    app.status = Some(Status { level, text });
}

fn tab_of(app: &App) -> Option<RepTab> {
    match app.screen {
        Screen::Reports(t) => Some(t),
        _ => None,
    }
}

/// The codes of every organisation the user may read (the session lists
/// only those the user has a role for, every one for a global role).
pub fn readable_orgs(app: &App) -> Vec<String> {
    app.session
        .as_ref()
        .map(|s| s.orgs.iter().map(|o| o.org.code.clone()).collect())
        .unwrap_or_default()
}

/// Whether the screen shows every organisation together.
pub fn consolidated(app: &App, tab: RepTab) -> bool {
    app.reports.all && tab.consolidates()
}

/// The screens of the current organisation.
pub fn tabs(app: &App) -> Vec<RepTab> {
    RepTab::for_kind(app.current_org().map(|o| o.org.kind.as_str()))
}

/// The period on screen.
pub fn period(app: &App) -> Period {
    app.reports
        .period
        .unwrap_or(Period::Month(Month::of(app.today)))
}

/// The date a screen at a date is at: the end of the period, or today
/// while the period runs.
pub fn at_date(app: &App, tab: RepTab) -> NaiveDate {
    let end = period(app).range().to;
    match tab {
        RepTab::Aging | RepTab::Indicators => end.min(app.today),
        _ => end,
    }
}

/// The screen the reports tab opens on.
pub fn first_tab(app: &App) -> RepTab {
    let t = app.reports.last.unwrap_or(RepTab::Balance);
    if tabs(app).contains(&t) {
        t
    } else {
        RepTab::Balance
    }
}

// ---- the rows of each screen ------------------------------------------------

/// One row of a report's list, as an index into its figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Trial(usize),
    /// The general ledger: an account's heading, one of its lines, its
    /// totals, a blank row between accounts.
    GlHead(usize),
    GlLine(usize, usize),
    GlTotal(usize),
    Blank,
    /// The SMT: a treasury account, one of its counterparts, one of its
    /// transfers, its closing; then all of them together.
    SmtHead(usize),
    SmtLine(usize, usize),
    SmtTransfer(usize, usize),
    SmtClosing(usize),
    SmtAllHead,
    SmtAllLine(usize),
    SmtAllClosing,
    /// A line of the income statement, and one of its accounts.
    Income(usize),
    IncomeAccount(usize, usize),
    /// The balance sheet: a side's heading (true for assets), a line, one
    /// of its accounts, the side's total.
    SheetHead(bool),
    Sheet(bool, usize),
    SheetAccount(bool, usize, usize),
    /// The stock: an item; the stock accounts' heading and each account.
    StockItem(usize),
    StockHead,
    StockAccount(usize),
    Aging(usize),
}

/// Whether a statement line is worth a row: totals always; lines with an
/// amount or accounts (the SYSCOHADA layout has many lines a small
/// organisation never uses).
fn shown(total: bool, amount: Fcfa, accounts: usize) -> bool {
    total || !amount.is_zero() || accounts > 0
}

/// The rows of a screen, in order.
pub fn rows(app: &App, tab: RepTab) -> Vec<Row> {
    let s = &app.reports;
    let details = s.details;
    let mut v = vec![];
    match tab {
        RepTab::Balance => {
            if let Some(t) = &s.trial {
                v.extend((0..t.rows.len()).map(Row::Trial));
            }
        }
        RepTab::Ledger => {
            if let Some(g) = &s.gl {
                for (i, a) in g.accounts.iter().enumerate() {
                    if i > 0 {
                        v.push(Row::Blank);
                    }
                    v.push(Row::GlHead(i));
                    v.extend((0..a.lines.len()).map(|j| Row::GlLine(i, j)));
                    v.push(Row::GlTotal(i));
                }
            }
        }
        RepTab::Smt => {
            if let Some(m) = &s.smt {
                for (i, a) in m.accounts.iter().enumerate() {
                    v.push(Row::SmtHead(i));
                    v.extend((0..a.lines.len()).map(|j| Row::SmtLine(i, j)));
                    v.extend((0..a.transfers.len()).map(|j| Row::SmtTransfer(i, j)));
                    v.push(Row::SmtClosing(i));
                    v.push(Row::Blank);
                }
                if m.accounts.len() > 1 {
                    v.push(Row::SmtAllHead);
                    v.extend((0..m.summary.lines.len()).map(Row::SmtAllLine));
                    v.push(Row::SmtAllClosing);
                } else if v.last() == Some(&Row::Blank) {
                    v.pop();
                }
            }
        }
        RepTab::Income => {
            if let Some(st) = &s.income {
                for (i, l) in st.lines.iter().enumerate() {
                    if !shown(l.total, l.amount, l.accounts.len()) {
                        continue;
                    }
                    v.push(Row::Income(i));
                    if details && !l.total {
                        v.extend((0..l.accounts.len()).map(|j| Row::IncomeAccount(i, j)));
                    }
                }
            }
        }
        RepTab::Sheet => {
            if let Some(b) = &s.sheet {
                for (side, lines) in [(true, &b.actif), (false, &b.passif)] {
                    if !side {
                        v.push(Row::Blank);
                    }
                    v.push(Row::SheetHead(side));
                    for (i, l) in lines.iter().enumerate() {
                        if !shown(l.total, l.net, l.accounts.len()) {
                            continue;
                        }
                        v.push(Row::Sheet(side, i));
                        if details && !l.total {
                            v.extend((0..l.accounts.len()).map(|j| Row::SheetAccount(side, i, j)));
                        }
                    }
                }
            }
        }
        RepTab::Stock => {
            if let Some(st) = &s.stock {
                v.extend((0..st.items.len()).map(Row::StockItem));
                v.push(Row::Blank);
                v.push(Row::StockHead);
                v.extend((0..st.accounts.len()).map(Row::StockAccount));
            }
        }
        RepTab::Aging => {
            if let Some(a) = &s.aging {
                v.extend((0..a.rows.len()).map(Row::Aging));
            }
        }
        RepTab::Indicators => {}
    }
    v
}

/// Where Enter on a row leads, if anywhere.
pub fn target(app: &App, row: Row) -> Option<Target> {
    let s = &app.reports;
    let acc = |number: &str, name: &str| {
        Some(Target::Account {
            number: number.to_string(),
            name: name.to_string(),
        })
    };
    match row {
        Row::Trial(i) => {
            let r = s.trial.as_ref()?.rows.get(i)?;
            acc(&r.account, &r.name)
        }
        Row::GlHead(i) | Row::GlTotal(i) => {
            let a = s.gl.as_ref()?.accounts.get(i)?;
            acc(&a.account, &a.name)
        }
        Row::GlLine(i, j) => Some(Target::Entry(
            s.gl.as_ref()?.accounts.get(i)?.lines.get(j)?.number,
        )),
        Row::SmtHead(i) | Row::SmtClosing(i) => {
            let a = s.smt.as_ref()?.accounts.get(i)?;
            acc(&a.account, &a.name)
        }
        Row::SmtLine(i, j) => {
            let l = s.smt.as_ref()?.accounts.get(i)?.lines.get(j)?;
            acc(&l.account, &l.name)
        }
        Row::SmtTransfer(i, j) => {
            let l = s.smt.as_ref()?.accounts.get(i)?.transfers.get(j)?;
            acc(&l.account, &l.name)
        }
        Row::SmtAllLine(i) => {
            let l = s.smt.as_ref()?.summary.lines.get(i)?;
            acc(&l.account, &l.name)
        }
        Row::Income(i) => {
            let l = s.income.as_ref()?.lines.get(i)?;
            match l.accounts.as_slice() {
                [a] if !l.total => acc(&a.account, &a.name),
                _ => None,
            }
        }
        Row::IncomeAccount(i, j) => {
            let a = s.income.as_ref()?.lines.get(i)?.accounts.get(j)?;
            acc(&a.account, &a.name)
        }
        Row::Sheet(side, i) => {
            let b = s.sheet.as_ref()?;
            let l = if side {
                b.actif.get(i)?
            } else {
                b.passif.get(i)?
            };
            match l.accounts.as_slice() {
                [a] if !l.total => acc(&a.account, &a.name),
                _ => None,
            }
        }
        Row::SheetAccount(side, i, j) => {
            let b = s.sheet.as_ref()?;
            let l = if side {
                b.actif.get(i)?
            } else {
                b.passif.get(i)?
            };
            let a = l.accounts.get(j)?;
            acc(&a.account, &a.name)
        }
        Row::StockAccount(i) => {
            let a = s.stock.as_ref()?.accounts.get(i)?;
            acc(&a.account, &a.name)
        }
        _ => None,
    }
}

// ---- the hooks app.rs calls -------------------------------------------------

/// The key scopes of the reports tab: its own keys, the list keys and the
/// global keys, whatever the role (every key here only reads).
pub fn scopes(_app: &App, _tab: RepTab) -> Vec<Scope> {
    vec![Scope::Reports, Scope::Browse, Scope::Global]
}

/// Commands whose keys do nothing on the screen as it is.
pub fn idle_commands(app: &App, tab: RepTab) -> Vec<Cmd> {
    let s = &app.reports;
    let mut v = vec![Cmd::Filter];
    if !tab.consolidates() || !s.drill.is_empty() {
        v.push(Cmd::RepAllOrgs);
    }
    match s.drill.last() {
        Some(Level::Ledger { .. }) => v.push(Cmd::RepColumns),
        Some(Level::Entry { .. }) => v.extend([
            Cmd::RepColumns,
            Cmd::RepPrevPeriod,
            Cmd::RepNextPeriod,
            Cmd::RepYear,
        ]),
        Some(Level::Document { .. }) => v.extend([
            Cmd::RepColumns,
            Cmd::RepPrevPeriod,
            Cmd::RepNextPeriod,
            Cmd::RepYear,
            Cmd::Open,
        ]),
        None => {
            let columns = match tab {
                RepTab::Balance => !view::columns_switch(app),
                RepTab::Income | RepTab::Sheet => false,
                _ => true,
            };
            if columns {
                v.push(Cmd::RepColumns);
            }
            if matches!(tab, RepTab::Indicators | RepTab::Aging) {
                v.push(Cmd::Open);
            }
        }
    }
    v
}

/// The translation key of a command's label here, when the tab names it
/// otherwise.
pub fn cmd_label(app: &App, cmd: Cmd) -> Option<&'static str> {
    let tab = tab_of(app)?;
    let s = &app.reports;
    Some(match cmd {
        Cmd::Open if matches!(s.drill.last(), Some(Level::Entry { .. })) => "rep-key-document",
        Cmd::RepYear if matches!(period(app), Period::Year(_)) => "rep-key-month",
        Cmd::RepAllOrgs if s.all => "rep-key-one-org",
        Cmd::RepColumns if matches!(tab, RepTab::Income | RepTab::Sheet) && s.drill.is_empty() => {
            if s.details {
                "rep-key-details-hide"
            } else {
                "rep-key-details"
            }
        }
        _ => return None,
    })
}

/// The first lines of the body above a screen's list, and the last ones
/// below it.
pub fn list_rows(app: &App, tab: RepTab) -> (u16, u16) {
    match app.reports.drill.last() {
        Some(Level::Ledger { .. }) => return (3, 1),
        Some(_) => return (0, 0),
        None => {}
    }
    match tab {
        RepTab::Balance => (4, 2),
        RepTab::Aging => (3, 3),
        RepTab::Indicators => (0, 0),
        _ => (3, 1),
    }
}

/// The list on screen: its cursor and its length.
fn nav_of(app: &mut App) -> Option<(&mut ListNav, usize)> {
    let tab = tab_of(app)?;
    if !app.reports.drill.is_empty() {
        return match app.reports.drill.last_mut() {
            Some(Level::Ledger { lines, nav, .. }) => {
                let n = lines.as_ref().map_or(0, Vec::len);
                Some((nav, n))
            }
            _ => None,
        };
    }
    if tab == RepTab::Indicators {
        return None;
    }
    let n = rows(app, tab).len();
    Some((&mut app.reports.navs[tab.index()], n))
}

fn nav_info(app: &App) -> Option<(ListNav, usize)> {
    let tab = tab_of(app)?;
    if let Some(level) = app.reports.drill.last() {
        return match level {
            Level::Ledger { lines, nav, .. } => Some((*nav, lines.as_ref().map_or(0, Vec::len))),
            _ => None,
        };
    }
    if tab == RepTab::Indicators {
        return None;
    }
    Some((app.reports.navs[tab.index()], rows(app, tab).len()))
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
    // No rows yet (figures being read): the cursor waits for them.
    if let Some((nav, len)) = nav_of(app)
        && len > 0
    {
        nav.clamp(len, h);
    }
}

pub fn move_by(app: &mut App, delta: isize) -> Vec<Effect> {
    let h = app.list_height();
    if let Some(Level::Entry { scroll, .. } | Level::Document { scroll, .. }) =
        app.reports.drill.last_mut()
    {
        *scroll = (*scroll as isize + delta).clamp(0, 2000) as u16;
        return vec![];
    }
    if let Some((nav, len)) = nav_of(app) {
        nav.move_by(delta, len, h);
    }
    vec![]
}

/// Loads what a screen of the tab shows (the drill-down, when there is
/// one, is read again level by level).
pub fn load(app: &mut App, tab: RepTab, org: String) -> Vec<Effect> {
    let range = period(app).range();
    let mut v = vec![];
    for level in &app.reports.drill {
        v.push(match level {
            Level::Ledger { account, range, .. } => RepEffect::Ledger {
                org: org.clone(),
                account: account.clone(),
                range: *range,
            },
            Level::Entry { number, .. } => RepEffect::Entry {
                org: org.clone(),
                number: *number,
            },
            Level::Document { number, .. } => RepEffect::Document {
                org: org.clone(),
                number: *number,
            },
        });
    }
    app.reports.error = None;
    let at = at_date(app, tab);
    if consolidated(app, tab) {
        let orgs = readable_orgs(app);
        let top = match tab {
            RepTab::Smt => RepEffect::SmtAll { orgs, range },
            RepTab::Income => RepEffect::IncomeAll { orgs, range },
            RepTab::Sheet => RepEffect::SheetAll { orgs, at },
            _ => RepEffect::TrialAll { orgs, range },
        };
        // No drill-down across organisations.
        app.reports.drill.clear();
        return vec![Effect::Reports(top)];
    }
    let top = match tab {
        RepTab::Balance => RepEffect::Trial { org, range },
        RepTab::Ledger => RepEffect::GeneralLedger { org, range },
        RepTab::Smt => RepEffect::Smt { org, range },
        RepTab::Income => RepEffect::Income { org, range },
        RepTab::Sheet => RepEffect::Sheet { org, at },
        RepTab::Stock => RepEffect::Stock { org, at },
        RepTab::Aging => RepEffect::Aging { org, at },
        RepTab::Indicators => RepEffect::Indicators { org, at },
    };
    v.insert(0, top);
    v.into_iter().map(Effect::Reports).collect()
}

/// Opens a screen of the tab: at its top (`fresh`), or as it was left,
/// drill-down and all.
fn goto(app: &mut App, tab: RepTab, fresh: bool) -> Vec<Effect> {
    app.detail = None;
    app.status = None;
    if fresh || tab_of(app).is_some_and(|t| t != tab) {
        app.reports.drill.clear();
    }
    app.reports.last = Some(tab);
    app.screen = Screen::Reports(tab);
    app.load_screen()
}

/// The commands the tab handles; `None` leaves the command to the rest of
/// the interface.
pub fn run(app: &mut App, cmd: Cmd) -> Option<Vec<Effect>> {
    if cmd == Cmd::Reports {
        if app.current_org().is_none() {
            return Some(vec![]);
        }
        let t = match tab_of(app) {
            Some(t) => t,
            None => first_tab(app),
        };
        return Some(goto(app, t, false));
    }
    if let Some(tab) = RepTab::from_cmd(cmd) {
        if tab_of(app).is_none() || !tabs(app).contains(&tab) {
            return Some(vec![]);
        }
        return Some(goto(app, tab, true));
    }
    let tab = tab_of(app)?;
    if app.detail.is_some() {
        return None;
    }
    let h = app.list_height() as isize;
    Some(match cmd {
        Cmd::RepPrevPeriod | Cmd::RepNextPeriod | Cmd::RepYear => {
            if matches!(
                app.reports.drill.last(),
                Some(Level::Entry { .. } | Level::Document { .. })
            ) {
                return Some(vec![]);
            }
            let p = period(app);
            let p = match cmd {
                Cmd::RepPrevPeriod => p.prev(),
                Cmd::RepNextPeriod => p.next(),
                _ => p.toggle(app.today),
            };
            set_period(app, tab, p)
        }
        Cmd::RepColumns => {
            if !app.reports.drill.is_empty() {
                return Some(vec![]);
            }
            match tab {
                RepTab::Balance => {
                    app.reports.cols += 1;
                }
                RepTab::Income | RepTab::Sheet => {
                    app.reports.details = !app.reports.details;
                    let n = rows(app, tab).len();
                    let nav = &mut app.reports.navs[tab.index()];
                    nav.clamp(n, h.max(1) as usize);
                }
                _ => {}
            }
            vec![]
        }
        Cmd::RepExport => export::start(app),
        Cmd::RepAllOrgs => toggle_all(app, tab),
        Cmd::Up => move_by(app, -1),
        Cmd::Down => move_by(app, 1),
        Cmd::PageUp => move_by(app, -h.max(1)),
        Cmd::PageDown => move_by(app, h.max(1)),
        Cmd::First => move_by(app, -(isize::MAX / 4)),
        Cmd::Last => move_by(app, isize::MAX / 4),
        Cmd::Open => open(app),
        Cmd::Back => back(app),
        Cmd::Filter => vec![],
        _ => return None,
    })
}

/// Every organisation together, or the current one again: on the screens
/// that can, from the screen itself (not inside a drill-down).
fn toggle_all(app: &mut App, tab: RepTab) -> Vec<Effect> {
    if !tab.consolidates() || !app.reports.drill.is_empty() {
        return vec![];
    }
    app.reports.all = !app.reports.all;
    app.status = None;
    // Other figures: the cursors start again at the top.
    app.reports.clear_figures();
    app.reports.navs = Default::default();
    match org_code(app) {
        Some(org) => load(app, tab, org),
        None => vec![],
    }
}

/// A new period: every figure is read again; an account's ledger being
/// read follows it.
fn set_period(app: &mut App, tab: RepTab, p: Period) -> Vec<Effect> {
    if p == period(app) {
        return vec![];
    }
    app.reports.period = Some(p);
    // The cursors stay where they were (the same accounts, mostly); they
    // are kept within the new rows as these come.
    app.reports.clear_figures();
    let range = p.range();
    for level in &mut app.reports.drill {
        if let Level::Ledger {
            range: r,
            lines,
            nav,
            ..
        } = level
        {
            *r = range;
            *lines = None;
            *nav = ListNav::default();
        }
    }
    match org_code(app) {
        Some(org) => load(app, tab, org),
        None => vec![],
    }
}

/// Enter on a row: down one level.
pub fn open(app: &mut App) -> Vec<Effect> {
    let Some(org) = org_code(app) else {
        return vec![];
    };
    let Some(tab) = tab_of(app) else {
        return vec![];
    };
    if consolidated(app, tab) && app.reports.drill.is_empty() {
        // An account's ledger belongs to one organisation: say so rather
        // than open one of them.
        let rows = rows(app, tab);
        let cursor = app.reports.navs[tab.index()].cursor;
        if rows.get(cursor).and_then(|r| target(app, *r)).is_some() {
            set_status(app, StatusLevel::Info, crate::t!("rep-all-no-drill"));
        }
        return vec![];
    }
    let range = period(app).range();
    let next = match app.reports.drill.last() {
        Some(Level::Ledger { lines, nav, .. }) => lines
            .as_ref()
            .and_then(|l| l.get(nav.cursor))
            .map(|l| Target::Entry(l.number)),
        Some(Level::Entry { number, view, .. }) => {
            if view.is_none() {
                return vec![];
            }
            let number = *number;
            app.reports.drill.push(Level::Document {
                number,
                doc: None,
                scroll: 0,
            });
            return vec![Effect::Reports(RepEffect::Document { org, number })];
        }
        Some(Level::Document { .. }) => None,
        None => {
            let rows = rows(app, tab);
            let cursor = app.reports.navs[tab.index()].cursor;
            rows.get(cursor).and_then(|r| target(app, *r))
        }
    };
    match next {
        Some(Target::Account { number, name }) => {
            app.reports.drill.push(Level::Ledger {
                account: number.clone(),
                name,
                range,
                opening: Fcfa::ZERO,
                lines: None,
                nav: ListNav::default(),
            });
            vec![Effect::Reports(RepEffect::Ledger {
                org,
                account: number,
                range,
            })]
        }
        Some(Target::Entry(number)) => {
            app.reports.drill.push(Level::Entry {
                number,
                view: None,
                scroll: 0,
            });
            vec![Effect::Reports(RepEffect::Entry { org, number })]
        }
        None => vec![],
    }
}

/// Esc: up one level (the cursor stays where it was); from the screen
/// itself, the home screen.
pub fn back(app: &mut App) -> Vec<Effect> {
    if app.reports.drill.pop().is_some() {
        // The list below may have changed meanwhile (a new period).
        clamp(app);
        return vec![];
    }
    app.status = None;
    app.screen = Screen::Home;
    app.load_screen()
}

/// A result for the reports tab.
pub fn on_done(app: &mut App, done: RepDone) -> Vec<Effect> {
    let range = period(app).range();
    let h = app.list_height();
    let s = &mut app.reports;
    match done {
        RepDone::Trial { range: r, tb } => {
            if r == range {
                s.trial = Some(tb);
            }
        }
        RepDone::GeneralLedger(g) => {
            if g.from == range.from && g.to == range.to {
                s.gl = Some(g);
            }
        }
        RepDone::Smt(m) => {
            if m.from == range.from && m.to == range.to {
                s.smt = Some(m);
            }
        }
        RepDone::Income(i) => {
            if i.from == range.from && i.to == range.to {
                s.income = Some(i);
            }
        }
        RepDone::Sheet(b) => s.sheet = Some(b),
        RepDone::Stock(st) => s.stock = Some(st),
        RepDone::Aging(a) => s.aging = Some(a),
        RepDone::Indicators(r) => {
            s.indicators.loaded = true;
            match r {
                Ok(v) => {
                    s.indicators.view = Some(v.0);
                    s.indicators.error = None;
                }
                Err(e) => {
                    s.indicators.view = None;
                    s.indicators.error = Some(e);
                }
            }
        }
        RepDone::Ledger {
            account,
            range: r,
            opening: o,
            lines: l,
        } => {
            for level in &mut s.drill {
                if let Level::Ledger {
                    account: a,
                    range: lr,
                    opening,
                    lines,
                    nav,
                    ..
                } = level
                    && *a == account
                    && *lr == r
                {
                    let fresh = lines.is_none();
                    *opening = o;
                    let n = l.len();
                    *lines = Some(l.clone());
                    if fresh {
                        *nav = ListNav::default();
                    }
                    nav.clamp(n, h);
                }
            }
        }
        RepDone::Entry(e) => {
            for level in &mut s.drill {
                if let Level::Entry { number, view, .. } = level
                    && *number == e.entry.number
                {
                    *view = Some(Box::new(e.clone()));
                }
            }
        }
        RepDone::Document { number: n, doc: d } => {
            for level in &mut s.drill {
                if let Level::Document { number, doc, .. } = level
                    && *number == n
                {
                    *doc = Some(Box::new(d.clone()));
                }
            }
        }
        RepDone::ExportReady { dir } => {
            if let Some(o) = app.current_org() {
                let d = ExportDialog::new(&o.org.code, &o.org.name, app.today, &dir);
                app.popup = Some(Popup::Export(Box::new(d)));
            }
        }
        RepDone::Progress { step, steps, file } => {
            if let Some(Popup::Export(d)) = &mut app.popup {
                d.progress(step, steps, file);
            }
        }
        RepDone::Exported(summary) => {
            if let Some(Popup::Export(d)) = &mut app.popup {
                d.done(summary);
            }
        }
    }
    clamp(app);
    vec![]
}

/// A refusal: shown where it was asked for. Returns whether it was shown
/// there (then the status line stays quiet).
pub fn on_failed(app: &mut App, effect: &RepEffect, message: &str) -> bool {
    match effect {
        RepEffect::Export { .. } | RepEffect::ExportPrepare { .. } => {
            if let Some(Popup::Export(d)) = &mut app.popup {
                d.failed(message.to_string());
                return true;
            }
            false
        }
        RepEffect::Ledger { .. } | RepEffect::Entry { .. } | RepEffect::Document { .. } => {
            // The level that could not be read is left: the message says
            // why.
            if !app.reports.drill.is_empty() {
                app.reports.drill.pop();
            }
            set_status(app, StatusLevel::Error, message.to_string());
            true
        }
        RepEffect::Indicators { .. } => {
            let s = &mut app.reports.indicators;
            s.loaded = true;
            s.view = None;
            s.error = Some(message.to_string());
            true
        }
        _ => {
            app.reports.error = Some(message.to_string());
            true
        }
    }
}
