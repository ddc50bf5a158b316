//! Keys as data. One table says which key runs which command in which
//! scope; the same table dispatches keys, draws the hint bar and fills the
//! help overlay, so help never drifts from what the keys do. The table can
//! be changed from the config file; clashes are reported, never guessed.
//!
//! Screens are reached by F-keys and by letters, never by the number row
//! alone (on an AZERTY keyboard the digits need Shift).

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cmd {
    Help,
    Quit,
    Lock,
    SwitchOrg,
    Home,
    Accounts,
    Journal,
    NewEntry,
    Periods,
    NextTab,
    PrevTab,
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Open,
    Back,
    Filter,
    FilterPanel,
    ClearFilter,
    Refresh,
    Reverse,
    NextField,
    PrevField,
    Post,
    AddLine,
    DeleteLine,
    Balance,
    ClosePeriod,
    Confirm,
    Users,
    UserAdd,
    UserRole,
    UserPassphrase,
    UserPin,
    Shop,
    CoopStock,
    CoopProduction,
    CoopReceipts,
    CoopCustomers,
    CoopDayClose,
    ItemNew,
    Purchase,
    Adjust,
    StockCount,
    RunNew,
    SaleAdd,
    SaleVoid,
    PayCash,
    PayOrange,
    PayMoov,
    PayWave,
    PayBank,
    PayCredit,
    SaleReturn,
    CustomerNew,
    CustomerEdit,
    CustomerPay,
    AgingView,
    SealDay,
    GroupLoans,
    GroupShareout,
    GroupPassbook,
    GroupIndicators,
    GroupMembers,
    SgSaveRow,
    SgFill,
    SgSocial,
    SgClose,
    SgOpen,
    SgReopen,
    SgPrevMeeting,
    SgNextMeeting,
    SgStartCycle,
    SgPostShareout,
    SgWriteOff,
    SgMemberAdd,
    SgMemberLeave,
    Reports,
    RepBalance,
    RepLedger,
    RepSmt,
    RepIncome,
    RepSheet,
    RepStock,
    RepAging,
    RepIndicators,
    RepPrevPeriod,
    RepNextPeriod,
    RepYear,
    RepColumns,
    RepExport,
    RepAllOrgs,
}

/// Command names as written in the config file.
const CMD_CODES: [(Cmd, &str); 95] = [
    (Cmd::Help, "help"),
    (Cmd::Quit, "quit"),
    (Cmd::Lock, "lock"),
    (Cmd::SwitchOrg, "switch-org"),
    (Cmd::Home, "home"),
    (Cmd::Accounts, "accounts"),
    (Cmd::Journal, "journal"),
    (Cmd::NewEntry, "new-entry"),
    (Cmd::Periods, "periods"),
    (Cmd::NextTab, "next-tab"),
    (Cmd::PrevTab, "prev-tab"),
    (Cmd::Up, "up"),
    (Cmd::Down, "down"),
    (Cmd::PageUp, "page-up"),
    (Cmd::PageDown, "page-down"),
    (Cmd::First, "first"),
    (Cmd::Last, "last"),
    (Cmd::Open, "open"),
    (Cmd::Back, "back"),
    (Cmd::Filter, "filter"),
    (Cmd::FilterPanel, "filter-panel"),
    (Cmd::ClearFilter, "clear-filter"),
    (Cmd::Refresh, "refresh"),
    (Cmd::Reverse, "reverse"),
    (Cmd::NextField, "next-field"),
    (Cmd::PrevField, "prev-field"),
    (Cmd::Post, "post"),
    (Cmd::AddLine, "add-line"),
    (Cmd::DeleteLine, "delete-line"),
    (Cmd::Balance, "balance"),
    (Cmd::ClosePeriod, "close-period"),
    (Cmd::Confirm, "confirm"),
    (Cmd::Users, "users"),
    (Cmd::UserAdd, "user-add"),
    (Cmd::UserRole, "user-role"),
    (Cmd::UserPassphrase, "user-passphrase"),
    (Cmd::UserPin, "user-pin"),
    (Cmd::Shop, "shop"),
    (Cmd::CoopStock, "coop-stock"),
    (Cmd::CoopProduction, "coop-production"),
    (Cmd::CoopReceipts, "coop-receipts"),
    (Cmd::CoopCustomers, "coop-customers"),
    (Cmd::CoopDayClose, "coop-day-close"),
    (Cmd::ItemNew, "item-new"),
    (Cmd::Purchase, "purchase"),
    (Cmd::Adjust, "adjust"),
    (Cmd::StockCount, "stock-count"),
    (Cmd::RunNew, "run-new"),
    (Cmd::SaleAdd, "sale-add"),
    (Cmd::SaleVoid, "sale-void"),
    (Cmd::PayCash, "pay-cash"),
    (Cmd::PayOrange, "pay-orange"),
    (Cmd::PayMoov, "pay-moov"),
    (Cmd::PayWave, "pay-wave"),
    (Cmd::PayBank, "pay-bank"),
    (Cmd::PayCredit, "pay-credit"),
    (Cmd::SaleReturn, "sale-return"),
    (Cmd::CustomerNew, "customer-new"),
    (Cmd::CustomerEdit, "customer-edit"),
    (Cmd::CustomerPay, "customer-pay"),
    (Cmd::AgingView, "aging"),
    (Cmd::SealDay, "seal-day"),
    (Cmd::GroupLoans, "group-loans"),
    (Cmd::GroupShareout, "group-shareout"),
    (Cmd::GroupPassbook, "group-passbook"),
    (Cmd::GroupIndicators, "group-indicators"),
    (Cmd::GroupMembers, "group-members"),
    (Cmd::SgSaveRow, "meeting-save-row"),
    (Cmd::SgFill, "meeting-fill"),
    (Cmd::SgSocial, "meeting-social"),
    (Cmd::SgClose, "meeting-close"),
    (Cmd::SgOpen, "meeting-open"),
    (Cmd::SgReopen, "meeting-reopen"),
    (Cmd::SgPrevMeeting, "meeting-previous"),
    (Cmd::SgNextMeeting, "meeting-next"),
    (Cmd::SgStartCycle, "cycle-start"),
    (Cmd::SgPostShareout, "shareout-post"),
    (Cmd::SgWriteOff, "loan-write-off"),
    (Cmd::SgMemberAdd, "member-add"),
    (Cmd::SgMemberLeave, "member-leave"),
    (Cmd::Reports, "reports"),
    (Cmd::RepBalance, "report-balance"),
    (Cmd::RepLedger, "report-ledger"),
    (Cmd::RepSmt, "report-smt"),
    (Cmd::RepIncome, "report-income"),
    (Cmd::RepSheet, "report-sheet"),
    (Cmd::RepStock, "report-stock"),
    (Cmd::RepAging, "report-aging"),
    (Cmd::RepIndicators, "report-indicators"),
    (Cmd::RepPrevPeriod, "report-previous"),
    (Cmd::RepNextPeriod, "report-next"),
    (Cmd::RepYear, "report-year"),
    (Cmd::RepColumns, "report-columns"),
    (Cmd::RepExport, "report-export"),
    (Cmd::RepAllOrgs, "report-all-orgs"),
];

impl Cmd {
    pub const ALL: [Cmd; 95] = [
        Cmd::Help,
        Cmd::Quit,
        Cmd::Lock,
        Cmd::SwitchOrg,
        Cmd::Home,
        Cmd::Accounts,
        Cmd::Journal,
        Cmd::NewEntry,
        Cmd::Periods,
        Cmd::NextTab,
        Cmd::PrevTab,
        Cmd::Up,
        Cmd::Down,
        Cmd::PageUp,
        Cmd::PageDown,
        Cmd::First,
        Cmd::Last,
        Cmd::Open,
        Cmd::Back,
        Cmd::Filter,
        Cmd::FilterPanel,
        Cmd::ClearFilter,
        Cmd::Refresh,
        Cmd::Reverse,
        Cmd::NextField,
        Cmd::PrevField,
        Cmd::Post,
        Cmd::AddLine,
        Cmd::DeleteLine,
        Cmd::Balance,
        Cmd::ClosePeriod,
        Cmd::Confirm,
        Cmd::Users,
        Cmd::UserAdd,
        Cmd::UserRole,
        Cmd::UserPassphrase,
        Cmd::UserPin,
        Cmd::Shop,
        Cmd::CoopStock,
        Cmd::CoopProduction,
        Cmd::CoopReceipts,
        Cmd::CoopCustomers,
        Cmd::CoopDayClose,
        Cmd::ItemNew,
        Cmd::Purchase,
        Cmd::Adjust,
        Cmd::StockCount,
        Cmd::RunNew,
        Cmd::SaleAdd,
        Cmd::SaleVoid,
        Cmd::PayCash,
        Cmd::PayOrange,
        Cmd::PayMoov,
        Cmd::PayWave,
        Cmd::PayBank,
        Cmd::PayCredit,
        Cmd::SaleReturn,
        Cmd::CustomerNew,
        Cmd::CustomerEdit,
        Cmd::CustomerPay,
        Cmd::AgingView,
        Cmd::SealDay,
        Cmd::GroupLoans,
        Cmd::GroupShareout,
        Cmd::GroupPassbook,
        Cmd::GroupIndicators,
        Cmd::GroupMembers,
        Cmd::SgSaveRow,
        Cmd::SgFill,
        Cmd::SgSocial,
        Cmd::SgClose,
        Cmd::SgOpen,
        Cmd::SgReopen,
        Cmd::SgPrevMeeting,
        Cmd::SgNextMeeting,
        Cmd::SgStartCycle,
        Cmd::SgPostShareout,
        Cmd::SgWriteOff,
        Cmd::SgMemberAdd,
        Cmd::SgMemberLeave,
        Cmd::Reports,
        Cmd::RepBalance,
        Cmd::RepLedger,
        Cmd::RepSmt,
        Cmd::RepIncome,
        Cmd::RepSheet,
        Cmd::RepStock,
        Cmd::RepAging,
        Cmd::RepIndicators,
        Cmd::RepPrevPeriod,
        Cmd::RepNextPeriod,
        Cmd::RepYear,
        Cmd::RepColumns,
        Cmd::RepExport,
        Cmd::RepAllOrgs,
    ];

    /// The name used in the config file.
    pub fn code(self) -> &'static str {
        CMD_CODES
            .iter()
            .find(|(c, _)| *c == self)
            .map(|(_, s)| *s)
            .unwrap_or("")
    }

    pub fn from_code(s: &str) -> Option<Cmd> {
        Cmd::ALL.into_iter().find(|c| c.code() == s)
    }

    /// The translation key of the command's short label.
    pub fn label_key(self) -> &'static str {
        match self {
            Cmd::Help => "key-help",
            Cmd::Quit => "key-quit",
            Cmd::Lock => "key-lock",
            Cmd::SwitchOrg => "key-switch-org",
            Cmd::Home => "key-home",
            Cmd::Accounts => "key-accounts",
            Cmd::Journal => "key-journal",
            Cmd::NewEntry => "key-new-entry",
            Cmd::Periods => "key-periods",
            Cmd::NextTab => "key-next-tab",
            Cmd::PrevTab => "key-prev-tab",
            Cmd::Up => "key-up",
            Cmd::Down => "key-down",
            Cmd::PageUp => "key-page-up",
            Cmd::PageDown => "key-page-down",
            Cmd::First => "key-first",
            Cmd::Last => "key-last",
            Cmd::Open => "key-open",
            Cmd::Back => "key-back",
            Cmd::Filter => "key-filter",
            Cmd::FilterPanel => "key-filter-panel",
            Cmd::ClearFilter => "key-clear-filter",
            Cmd::Refresh => "key-refresh",
            Cmd::Reverse => "key-reverse",
            Cmd::NextField => "key-next-field",
            Cmd::PrevField => "key-prev-field",
            Cmd::Post => "key-post",
            Cmd::AddLine => "key-add-line",
            Cmd::DeleteLine => "key-delete-line",
            Cmd::Balance => "key-balance",
            Cmd::ClosePeriod => "key-close-period",
            Cmd::Confirm => "key-confirm",
            Cmd::Users => "key-users",
            Cmd::UserAdd => "key-user-add",
            Cmd::UserRole => "key-user-role",
            Cmd::UserPassphrase => "key-user-passphrase",
            Cmd::UserPin => "key-user-pin",
            Cmd::Shop => "key-shop",
            Cmd::CoopStock => "key-coop-stock",
            Cmd::CoopProduction => "key-coop-production",
            Cmd::CoopReceipts => "key-coop-receipts",
            Cmd::CoopCustomers => "key-coop-customers",
            Cmd::CoopDayClose => "key-coop-day-close",
            Cmd::ItemNew => "key-item-new",
            Cmd::Purchase => "key-purchase",
            Cmd::Adjust => "key-adjust",
            Cmd::StockCount => "key-stock-count",
            Cmd::RunNew => "key-run-new",
            Cmd::SaleAdd => "key-sale-add",
            Cmd::SaleVoid => "key-sale-void",
            Cmd::PayCash => "key-pay-cash",
            Cmd::PayOrange => "key-pay-orange",
            Cmd::PayMoov => "key-pay-moov",
            Cmd::PayWave => "key-pay-wave",
            Cmd::PayBank => "key-pay-bank",
            Cmd::PayCredit => "key-pay-credit",
            Cmd::SaleReturn => "key-sale-return",
            Cmd::CustomerNew => "key-customer-new",
            Cmd::CustomerEdit => "key-customer-edit",
            Cmd::CustomerPay => "key-customer-pay",
            Cmd::AgingView => "key-aging",
            Cmd::SealDay => "key-seal-day",
            Cmd::GroupLoans => "sg-tui-key-loans",
            Cmd::GroupShareout => "sg-tui-key-shareout",
            Cmd::GroupPassbook => "sg-tui-key-passbook",
            Cmd::GroupIndicators => "sg-tui-key-indicators",
            Cmd::GroupMembers => "sg-tui-key-members",
            Cmd::SgSaveRow => "sg-tui-key-save-row",
            Cmd::SgFill => "sg-tui-key-fill",
            Cmd::SgSocial => "sg-tui-key-social",
            Cmd::SgClose => "sg-tui-key-close",
            Cmd::SgOpen => "sg-tui-key-open",
            Cmd::SgReopen => "sg-tui-key-reopen",
            Cmd::SgPrevMeeting => "sg-tui-key-prev-meeting",
            Cmd::SgNextMeeting => "sg-tui-key-next-meeting",
            Cmd::SgStartCycle => "sg-tui-key-start-cycle",
            Cmd::SgPostShareout => "sg-tui-key-post-shareout",
            Cmd::SgWriteOff => "sg-tui-key-write-off",
            Cmd::SgMemberAdd => "sg-tui-key-member-add",
            Cmd::SgMemberLeave => "sg-tui-key-member-leave",
            Cmd::Reports => "rep-key-reports",
            Cmd::RepBalance => "rep-key-balance",
            Cmd::RepLedger => "rep-key-ledger",
            Cmd::RepSmt => "rep-key-smt",
            Cmd::RepIncome => "rep-key-income",
            Cmd::RepSheet => "rep-key-sheet",
            Cmd::RepStock => "rep-key-stock",
            Cmd::RepAging => "rep-key-aging",
            Cmd::RepIndicators => "rep-key-indicators",
            Cmd::RepPrevPeriod => "rep-key-prev",
            Cmd::RepNextPeriod => "rep-key-next",
            Cmd::RepYear => "rep-key-year",
            Cmd::RepColumns => "rep-key-columns",
            Cmd::RepExport => "rep-key-export",
            Cmd::RepAllOrgs => "rep-key-all-orgs",
        }
    }
}

/// Where a binding applies. Several scopes are active at once (the screen's
/// own, then `Browse` when no text is being typed, then `Global`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    Global,
    /// Moving around lists and screens.
    Browse,
    Journal,
    Entry,
    Form,
    Periods,
    Users,
    /// A dialog or popup: modal, only its own keys.
    Dialog,
    /// Moving between a cooperative's screens (on any of them).
    Coop,
    Stock,
    Production,
    /// The receipt being typed.
    Sales,
    Receipts,
    Customers,
    DayClose,
    /// Moving between a savings group's screens (on any of them).
    Group,
    /// The grid of the open meeting, being typed.
    Meeting,
    /// A meeting shown, not being typed (closed, or a role that reads).
    Meetings,
    /// A savings group with no open cycle (none yet, or shared out).
    Cycle,
    /// The loan register.
    Loans,
    /// The share-out.
    Shareout,
    /// The members of a savings group.
    GroupMembers,
    /// The reports tab (trial balance, statements, drill-down, export).
    Reports,
}

impl Scope {
    pub const ALL: [Scope; 23] = [
        Scope::Global,
        Scope::Browse,
        Scope::Journal,
        Scope::Entry,
        Scope::Form,
        Scope::Periods,
        Scope::Users,
        Scope::Dialog,
        Scope::Coop,
        Scope::Stock,
        Scope::Production,
        Scope::Sales,
        Scope::Receipts,
        Scope::Customers,
        Scope::DayClose,
        Scope::Group,
        Scope::Meeting,
        Scope::Meetings,
        Scope::Cycle,
        Scope::Loans,
        Scope::Shareout,
        Scope::GroupMembers,
        Scope::Reports,
    ];

    /// The scopes of a savings group's own screens.
    pub const GROUP_SCREENS: [Scope; 6] = [
        Scope::Meeting,
        Scope::Meetings,
        Scope::Cycle,
        Scope::Loans,
        Scope::Shareout,
        Scope::GroupMembers,
    ];

    /// The scopes of a cooperative's own screens.
    pub const COOP_SCREENS: [Scope; 6] = [
        Scope::Stock,
        Scope::Production,
        Scope::Sales,
        Scope::Receipts,
        Scope::Customers,
        Scope::DayClose,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Scope::Global => "global",
            Scope::Browse => "browse",
            Scope::Journal => "journal",
            Scope::Entry => "entry",
            Scope::Form => "form",
            Scope::Periods => "periods",
            Scope::Users => "users",
            Scope::Dialog => "dialog",
            Scope::Coop => "coop",
            Scope::Stock => "stock",
            Scope::Production => "production",
            Scope::Sales => "sales",
            Scope::Receipts => "receipts",
            Scope::Customers => "customers",
            Scope::DayClose => "dayclose",
            Scope::Group => "group",
            Scope::Meeting => "meeting",
            Scope::Meetings => "meetings",
            Scope::Cycle => "cycle",
            Scope::Loans => "loans",
            Scope::Shareout => "shareout",
            Scope::GroupMembers => "members",
            Scope::Reports => "reports",
        }
    }

    pub fn from_code(s: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|c| c.code() == s)
    }

    /// Whether two scopes can be active at the same moment (so that one key
    /// bound in both would be ambiguous).
    pub fn overlaps(self, other: Scope) -> bool {
        use Scope::*;
        if self == other {
            return true;
        }
        let pair = |a, b| (self == a && other == b) || (self == b && other == a);
        // The cooperative's screens: their own scope, the screen switcher
        // (Coop), the list keys on the list screens, and the global keys.
        for s in Scope::COOP_SCREENS {
            if pair(s, Global) || pair(s, Coop) {
                return true;
            }
            if s != Sales && s != DayClose && pair(s, Browse) {
                return true;
            }
        }
        // A savings group's screens, the same way (the grid being typed
        // has no list keys).
        for s in Scope::GROUP_SCREENS {
            if pair(s, Global) || pair(s, Group) {
                return true;
            }
            if s != Meeting && pair(s, Browse) {
                return true;
            }
        }
        pair(Global, Browse)
            || pair(Global, Group)
            || pair(Browse, Group)
            || pair(Global, Coop)
            || pair(Browse, Coop)
            || pair(Global, Journal)
            || pair(Global, Entry)
            || pair(Global, Form)
            || pair(Global, Periods)
            || pair(Global, Users)
            || pair(Browse, Users)
            || pair(Global, Dialog)
            || pair(Browse, Journal)
            || pair(Browse, Periods)
            || pair(Global, Reports)
            || pair(Browse, Reports)
    }
}

/// A key with its modifiers (Ctrl, Alt; Shift only matters for non-letters
/// like Tab, since `A` already says it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Chord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Chord {
    pub const fn plain(code: KeyCode) -> Chord {
        Chord {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    pub const fn ctrl(c: char) -> Chord {
        Chord {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    pub const fn alt(c: char) -> Chord {
        Chord {
            code: KeyCode::Char(c),
            mods: KeyModifiers::ALT,
        }
    }

    pub const fn ch(c: char) -> Chord {
        Chord::plain(KeyCode::Char(c))
    }

    /// The chord a key event stands for (Shift dropped where the character
    /// already carries it; Shift+Tab is `BackTab`).
    pub fn from_event(k: &KeyEvent) -> Chord {
        let mut mods = k.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match k.code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            KeyCode::Tab if k.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            other => other,
        };
        if matches!(code, KeyCode::Char(_)) && mods == KeyModifiers::ALT {
            // Alt+letter is kept as is.
            mods = KeyModifiers::ALT;
        }
        Chord { code, mods }
    }

    /// Whether this chord would type a character into a text field (so it
    /// is not a command while text is being typed).
    pub fn types_text(&self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && self.mods.is_empty()
    }

    /// Parses `F4`, `Ctrl+S`, `Shift+Tab`, `Enter`, `Esc`, `PageDown`, `?`,
    /// `a`, `Space`.
    pub fn parse(s: &str) -> Option<Chord> {
        let s = s.trim();
        if s.is_empty() {
            return None;
        }
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) = lower.strip_prefix("ctrl+") {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("alt+") {
                mods |= KeyModifiers::ALT;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("shift+") {
                if r == "tab" {
                    return Some(Chord {
                        code: KeyCode::BackTab,
                        mods,
                    });
                }
                return None;
            } else {
                break;
            }
        }
        let lower = rest.to_ascii_lowercase();
        let code = match lower.as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "space" => KeyCode::Char(' '),
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            f if f.starts_with('f')
                && f.len() > 1
                && f[1..].chars().all(|c| c.is_ascii_digit()) =>
            {
                let n: u8 = f[1..].parse().ok()?;
                if !(1..=12).contains(&n) {
                    return None;
                }
                KeyCode::F(n)
            }
            _ => {
                let mut chars = rest.chars();
                let c = chars.next()?;
                if chars.next().is_some() || c.is_control() {
                    return None;
                }
                if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
        };
        Some(Chord { code, mods })
    }
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl+")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("Alt+")?;
        }
        match self.code {
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.mods.contains(KeyModifiers::CONTROL) => {
                write!(f, "{}", c.to_ascii_uppercase())
            }
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift+Tab"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Del"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub cmd: Cmd,
    pub scope: Scope,
    pub keys: Vec<Chord>,
    /// Shown in the bottom hint bar (everything is in the help overlay).
    pub hint: bool,
}

/// A problem with the key configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyIssue {
    UnknownCommand {
        name: String,
    },
    BadKey {
        name: String,
        key: String,
    },
    /// One key, two commands in scopes active together.
    Conflict {
        key: String,
        first: (Scope, Cmd),
        second: (Scope, Cmd),
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        use KeyCode as K;
        let b = |cmd, scope, keys: &[Chord], hint| Binding {
            cmd,
            scope,
            keys: keys.to_vec(),
            hint,
        };
        let p = Chord::plain;
        let c = Chord::ch;
        Keymap {
            bindings: vec![
                b(Cmd::Help, Scope::Global, &[p(K::F(1)), c('?')], true),
                b(Cmd::Home, Scope::Global, &[p(K::F(2)), c('a')], false),
                b(Cmd::Accounts, Scope::Global, &[p(K::F(3)), c('c')], false),
                b(Cmd::Journal, Scope::Global, &[p(K::F(4)), c('e')], false),
                b(Cmd::NewEntry, Scope::Global, &[p(K::F(5)), c('s')], false),
                b(Cmd::Periods, Scope::Global, &[p(K::F(6)), c('p')], false),
                // A cooperative's shop (sales first); absent for other kinds.
                b(
                    Cmd::Shop,
                    Scope::Global,
                    &[p(K::F(11)), c('v'), Chord::alt('v')],
                    false,
                ),
                b(Cmd::SwitchOrg, Scope::Global, &[p(K::F(7)), c('o')], true),
                b(
                    Cmd::Lock,
                    Scope::Global,
                    &[p(K::F(9)), Chord::ctrl('l')],
                    false,
                ),
                // The reports (États): every F-key is taken, so a capital
                // letter, and Ctrl+E while a field has the keyboard.
                b(
                    Cmd::Reports,
                    Scope::Global,
                    &[c('E'), Chord::ctrl('e')],
                    false,
                ),
                b(Cmd::Users, Scope::Global, &[p(K::F(12)), c('u')], false),
                b(Cmd::Quit, Scope::Global, &[p(K::F(10)), c('q')], true),
                b(Cmd::NextTab, Scope::Browse, &[p(K::Tab)], false),
                b(Cmd::PrevTab, Scope::Browse, &[p(K::BackTab)], false),
                b(Cmd::Up, Scope::Browse, &[p(K::Up), c('k')], false),
                b(Cmd::Down, Scope::Browse, &[p(K::Down), c('j')], false),
                b(Cmd::PageUp, Scope::Browse, &[p(K::PageUp)], false),
                b(Cmd::PageDown, Scope::Browse, &[p(K::PageDown)], false),
                b(Cmd::First, Scope::Browse, &[p(K::Home), c('g')], false),
                b(Cmd::Last, Scope::Browse, &[p(K::End), c('G')], false),
                b(
                    Cmd::Open,
                    Scope::Browse,
                    &[p(K::Enter), p(K::Right), c('l')],
                    true,
                ),
                b(
                    Cmd::Back,
                    Scope::Browse,
                    &[p(K::Esc), p(K::Left), c('h')],
                    true,
                ),
                b(Cmd::Filter, Scope::Browse, &[c('/')], true),
                b(Cmd::Refresh, Scope::Browse, &[Chord::ctrl('r')], false),
                b(
                    Cmd::FilterPanel,
                    Scope::Journal,
                    &[c('f'), p(K::F(8))],
                    true,
                ),
                b(Cmd::ClearFilter, Scope::Journal, &[c('x')], false),
                b(Cmd::Reverse, Scope::Entry, &[c('r'), p(K::F(8))], true),
                b(
                    Cmd::Back,
                    Scope::Entry,
                    &[p(K::Esc), p(K::Left), c('h')],
                    true,
                ),
                b(Cmd::Up, Scope::Entry, &[p(K::Up), c('k')], false),
                b(Cmd::Down, Scope::Entry, &[p(K::Down), c('j')], false),
                b(Cmd::PageUp, Scope::Entry, &[p(K::PageUp)], false),
                b(Cmd::PageDown, Scope::Entry, &[p(K::PageDown)], false),
                b(
                    Cmd::ClosePeriod,
                    Scope::Periods,
                    &[c('m'), p(K::F(8))],
                    true,
                ),
                b(Cmd::UserAdd, Scope::Users, &[c('n'), p(K::F(8))], true),
                b(Cmd::UserRole, Scope::Users, &[c('r')], true),
                b(Cmd::UserPassphrase, Scope::Users, &[c('w')], true),
                b(Cmd::UserPin, Scope::Users, &[c('i')], true),
                b(Cmd::NextField, Scope::Form, &[p(K::Tab), p(K::Enter)], true),
                b(Cmd::PrevField, Scope::Form, &[p(K::BackTab)], false),
                b(Cmd::Up, Scope::Form, &[p(K::Up)], false),
                b(Cmd::Down, Scope::Form, &[p(K::Down)], false),
                b(
                    Cmd::Post,
                    Scope::Form,
                    &[p(K::F(8)), Chord::ctrl('s')],
                    true,
                ),
                b(Cmd::AddLine, Scope::Form, &[Chord::ctrl('n')], true),
                b(Cmd::DeleteLine, Scope::Form, &[Chord::ctrl('d')], false),
                b(Cmd::Balance, Scope::Form, &[Chord::ctrl('b')], true),
                b(Cmd::Back, Scope::Form, &[p(K::Esc)], true),
                b(
                    Cmd::Confirm,
                    Scope::Dialog,
                    &[p(K::Enter), p(K::F(8))],
                    true,
                ),
                b(Cmd::Back, Scope::Dialog, &[p(K::Esc)], true),
                b(Cmd::NextField, Scope::Dialog, &[p(K::Tab)], false),
                b(Cmd::PrevField, Scope::Dialog, &[p(K::BackTab)], false),
                b(Cmd::Up, Scope::Dialog, &[p(K::Up)], false),
                b(Cmd::Down, Scope::Dialog, &[p(K::Down)], false),
                b(Cmd::AddLine, Scope::Dialog, &[Chord::ctrl('n')], false),
                b(Cmd::DeleteLine, Scope::Dialog, &[Chord::ctrl('d')], false),
                // A cooperative's screens, from any of them (Alt+letter
                // while a field has the keyboard).
                b(
                    Cmd::CoopStock,
                    Scope::Coop,
                    &[c('t'), Chord::alt('t')],
                    false,
                ),
                b(
                    Cmd::CoopProduction,
                    Scope::Coop,
                    &[c('f'), Chord::alt('f')],
                    false,
                ),
                b(
                    Cmd::CoopReceipts,
                    Scope::Coop,
                    &[c('r'), Chord::alt('r')],
                    false,
                ),
                b(
                    Cmd::CoopCustomers,
                    Scope::Coop,
                    &[c('d'), Chord::alt('d')],
                    false,
                ),
                b(
                    Cmd::CoopDayClose,
                    Scope::Coop,
                    &[c('z'), Chord::alt('z')],
                    false,
                ),
                // Stock.
                b(Cmd::Purchase, Scope::Stock, &[c('b'), p(K::F(8))], true),
                b(Cmd::Adjust, Scope::Stock, &[c('m')], true),
                b(Cmd::StockCount, Scope::Stock, &[c('i')], true),
                b(Cmd::ItemNew, Scope::Stock, &[c('n')], true),
                // Production.
                b(Cmd::RunNew, Scope::Production, &[c('n'), p(K::F(8))], true),
                // The receipt being typed.
                b(Cmd::SaleAdd, Scope::Sales, &[p(K::Enter)], true),
                b(Cmd::NextField, Scope::Sales, &[p(K::Tab)], false),
                b(Cmd::PrevField, Scope::Sales, &[p(K::BackTab)], false),
                b(Cmd::Up, Scope::Sales, &[p(K::Up)], false),
                b(Cmd::Down, Scope::Sales, &[p(K::Down)], false),
                b(
                    Cmd::Post,
                    Scope::Sales,
                    &[p(K::F(8)), Chord::ctrl('s')],
                    true,
                ),
                b(Cmd::DeleteLine, Scope::Sales, &[Chord::ctrl('d')], false),
                b(Cmd::SaleVoid, Scope::Sales, &[Chord::ctrl('x')], false),
                b(Cmd::PayCash, Scope::Sales, &[Chord::alt('e')], false),
                b(Cmd::PayOrange, Scope::Sales, &[Chord::alt('o')], false),
                b(Cmd::PayMoov, Scope::Sales, &[Chord::alt('m')], false),
                b(Cmd::PayWave, Scope::Sales, &[Chord::alt('w')], false),
                b(Cmd::PayBank, Scope::Sales, &[Chord::alt('b')], false),
                b(Cmd::PayCredit, Scope::Sales, &[Chord::alt('c')], false),
                b(Cmd::Back, Scope::Sales, &[p(K::Esc)], true),
                // The day's receipts.
                b(
                    Cmd::SaleReturn,
                    Scope::Receipts,
                    &[c('x'), p(K::F(8))],
                    true,
                ),
                // Customers.
                b(
                    Cmd::CustomerPay,
                    Scope::Customers,
                    &[c('y'), p(K::F(8))],
                    true,
                ),
                b(Cmd::CustomerNew, Scope::Customers, &[c('n')], true),
                b(Cmd::CustomerEdit, Scope::Customers, &[c('m')], true),
                b(Cmd::AgingView, Scope::Customers, &[c('i')], true),
                // The daily close (Z).
                b(
                    Cmd::NextField,
                    Scope::DayClose,
                    &[p(K::Tab), p(K::Enter)],
                    false,
                ),
                b(Cmd::PrevField, Scope::DayClose, &[p(K::BackTab)], false),
                b(Cmd::Up, Scope::DayClose, &[p(K::Up)], false),
                b(Cmd::Down, Scope::DayClose, &[p(K::Down)], false),
                b(
                    Cmd::SealDay,
                    Scope::DayClose,
                    &[p(K::F(8)), Chord::ctrl('s')],
                    true,
                ),
                b(Cmd::Back, Scope::DayClose, &[p(K::Esc)], true),
                // A savings group's screens, from any of them (the meeting
                // is the Shop key, F11 or v; Alt+letter while the grid
                // has the keyboard).
                b(
                    Cmd::GroupLoans,
                    Scope::Group,
                    &[c('r'), Chord::alt('r')],
                    false,
                ),
                b(
                    Cmd::GroupShareout,
                    Scope::Group,
                    &[c('f'), Chord::alt('f')],
                    false,
                ),
                b(
                    Cmd::GroupPassbook,
                    Scope::Group,
                    &[c('b'), Chord::alt('b')],
                    false,
                ),
                b(
                    Cmd::GroupIndicators,
                    Scope::Group,
                    &[c('i'), Chord::alt('i')],
                    false,
                ),
                b(
                    Cmd::GroupMembers,
                    Scope::Group,
                    &[c('m'), Chord::alt('m')],
                    false,
                ),
                // The meeting grid being typed.
                b(Cmd::SgSaveRow, Scope::Meeting, &[p(K::Enter)], true),
                b(Cmd::NextField, Scope::Meeting, &[p(K::Tab)], false),
                b(Cmd::PrevField, Scope::Meeting, &[p(K::BackTab)], false),
                b(Cmd::Up, Scope::Meeting, &[p(K::Up)], false),
                b(Cmd::Down, Scope::Meeting, &[p(K::Down)], false),
                b(Cmd::PageUp, Scope::Meeting, &[p(K::PageUp)], false),
                b(Cmd::PageDown, Scope::Meeting, &[p(K::PageDown)], false),
                b(Cmd::SgClose, Scope::Meeting, &[p(K::F(8))], true),
                b(Cmd::SgSocial, Scope::Meeting, &[Chord::ctrl('o')], true),
                b(Cmd::SgFill, Scope::Meeting, &[Chord::ctrl('f')], true),
                b(Cmd::Refresh, Scope::Meeting, &[Chord::ctrl('r')], false),
                b(Cmd::Back, Scope::Meeting, &[p(K::Esc)], false),
                // A meeting shown (closed, or no meeting open).
                b(Cmd::SgOpen, Scope::Meetings, &[c('n'), p(K::F(8))], true),
                b(Cmd::SgReopen, Scope::Meetings, &[c('x')], true),
                b(Cmd::SgPrevMeeting, Scope::Meetings, &[c('<')], true),
                b(Cmd::SgNextMeeting, Scope::Meetings, &[c('>')], false),
                // No open cycle.
                b(Cmd::SgStartCycle, Scope::Cycle, &[c('n'), p(K::F(8))], true),
                // Loans, the share-out, the members.
                b(Cmd::SgWriteOff, Scope::Loans, &[c('w')], true),
                b(Cmd::SgPostShareout, Scope::Shareout, &[p(K::F(8))], true),
                b(
                    Cmd::SgMemberAdd,
                    Scope::GroupMembers,
                    &[c('n'), p(K::F(8))],
                    true,
                ),
                b(Cmd::SgMemberLeave, Scope::GroupMembers, &[c('d')], true),
                // The reports: their screens, the period, the export.
                b(Cmd::RepBalance, Scope::Reports, &[c('b')], false),
                b(Cmd::RepLedger, Scope::Reports, &[c('n')], false),
                b(Cmd::RepSmt, Scope::Reports, &[c('t')], false),
                b(Cmd::RepIncome, Scope::Reports, &[c('r')], false),
                b(Cmd::RepSheet, Scope::Reports, &[c('f')], false),
                b(Cmd::RepStock, Scope::Reports, &[c('m')], false),
                b(Cmd::RepAging, Scope::Reports, &[c('d')], false),
                b(Cmd::RepIndicators, Scope::Reports, &[c('i')], false),
                b(Cmd::RepPrevPeriod, Scope::Reports, &[c('<')], true),
                b(Cmd::RepNextPeriod, Scope::Reports, &[c('>')], true),
                b(Cmd::RepYear, Scope::Reports, &[c('y')], true),
                b(Cmd::RepColumns, Scope::Reports, &[c(' ')], true),
                b(Cmd::RepExport, Scope::Reports, &[c('x'), p(K::F(8))], true),
                // Every organisation the user may read, together (a is the
                // home screen).
                b(Cmd::RepAllOrgs, Scope::Reports, &[c('A')], true),
            ],
        }
    }
}

impl Keymap {
    /// The command for a key, looking through `scopes` in order. While text
    /// is being typed, keys that type characters are left to the field.
    pub fn lookup(&self, scopes: &[Scope], key: &KeyEvent, typing: bool) -> Option<Cmd> {
        let chord = Chord::from_event(key);
        if typing && chord.types_text() {
            return None;
        }
        for scope in scopes {
            for b in self.bindings.iter().filter(|b| b.scope == *scope) {
                if b.keys.contains(&chord) {
                    return Some(b.cmd);
                }
            }
        }
        None
    }

    /// The keys bound to `cmd` in the first of `scopes` that has it.
    pub fn keys_for(&self, scopes: &[Scope], cmd: Cmd) -> Vec<Chord> {
        scopes
            .iter()
            .find_map(|s| {
                self.bindings
                    .iter()
                    .find(|b| b.scope == *s && b.cmd == cmd)
                    .map(|b| b.keys.clone())
            })
            .unwrap_or_default()
    }

    /// Bindings active in `scopes`, each command once (the first scope
    /// wins), for the help overlay and the hint bar.
    pub fn active(&self, scopes: &[Scope], typing: bool) -> Vec<(Vec<Chord>, Cmd)> {
        let mut out: Vec<(Vec<Chord>, Cmd)> = Vec::new();
        for scope in scopes {
            for b in self.bindings.iter().filter(|b| b.scope == *scope) {
                if out.iter().any(|(_, c)| *c == b.cmd) {
                    continue;
                }
                let keys: Vec<Chord> = b
                    .keys
                    .iter()
                    .copied()
                    .filter(|k| !(typing && k.types_text()))
                    .collect();
                if !keys.is_empty() {
                    out.push((keys, b.cmd));
                }
            }
        }
        out
    }

    pub fn hints(&self, scopes: &[Scope], typing: bool) -> Vec<(Chord, Cmd)> {
        let hinted = |cmd: Cmd| {
            scopes.iter().any(|s| {
                self.bindings
                    .iter()
                    .any(|b| b.scope == *s && b.cmd == cmd && b.hint)
            })
        };
        self.active(scopes, typing)
            .into_iter()
            .filter(|(_, c)| hinted(*c))
            .map(|(k, c)| (k[0], c))
            .collect()
    }

    /// Applies `name = key, key` lines from the config file's `[keys]`
    /// section. `name` is a command (`journal`) or `scope.command`
    /// (`form.post`). Returns what could not be applied.
    pub fn apply(&mut self, settings: &[(String, String)]) -> Vec<KeyIssue> {
        let mut issues = Vec::new();
        for (name, value) in settings {
            let (scope, cmd) = match name.split_once('.') {
                Some((s, c)) => (Scope::from_code(s), Cmd::from_code(c)),
                None => (None, Cmd::from_code(name)),
            };
            let Some(cmd) = cmd else {
                issues.push(KeyIssue::UnknownCommand { name: name.clone() });
                continue;
            };
            if name.contains('.') && scope.is_none() {
                issues.push(KeyIssue::UnknownCommand { name: name.clone() });
                continue;
            }
            let mut keys = Vec::new();
            let mut bad = false;
            for k in value.split(',').map(str::trim).filter(|k| !k.is_empty()) {
                match Chord::parse(k) {
                    Some(c) => keys.push(c),
                    None => {
                        issues.push(KeyIssue::BadKey {
                            name: name.clone(),
                            key: k.to_string(),
                        });
                        bad = true;
                    }
                }
            }
            if bad || keys.is_empty() {
                if !bad {
                    issues.push(KeyIssue::BadKey {
                        name: name.clone(),
                        key: value.clone(),
                    });
                }
                continue;
            }
            let mut found = false;
            for b in self
                .bindings
                .iter_mut()
                .filter(|b| b.cmd == cmd && scope.is_none_or(|s| s == b.scope))
            {
                b.keys = keys.clone();
                found = true;
            }
            if !found {
                if let Some(s) = scope {
                    self.bindings.push(Binding {
                        cmd,
                        scope: s,
                        keys,
                        hint: false,
                    });
                } else {
                    issues.push(KeyIssue::UnknownCommand { name: name.clone() });
                }
            }
        }
        issues.extend(self.conflicts());
        issues
    }

    /// Keys bound to two commands in scopes that are active together.
    pub fn conflicts(&self) -> Vec<KeyIssue> {
        let mut out = Vec::new();
        for (i, a) in self.bindings.iter().enumerate() {
            for b in &self.bindings[i + 1..] {
                if a.cmd == b.cmd || !a.scope.overlaps(b.scope) {
                    continue;
                }
                for ka in &a.keys {
                    if b.keys.iter().any(|kb| kb == ka) {
                        out.push(KeyIssue::Conflict {
                            key: ka.to_string(),
                            first: (a.scope, a.cmd),
                            second: (b.scope, b.cmd),
                        });
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn default_keymap_has_no_conflicts() {
        assert_eq!(Keymap::default().conflicts(), vec![]);
    }

    #[test]
    fn every_screen_has_an_f_key_and_a_letter_never_a_digit() {
        let km = Keymap::default();
        for cmd in [
            Cmd::Home,
            Cmd::Accounts,
            Cmd::Journal,
            Cmd::NewEntry,
            Cmd::Periods,
            Cmd::Users,
            Cmd::SwitchOrg,
            Cmd::Help,
            Cmd::Quit,
        ] {
            let keys = km.keys_for(&[Scope::Global], cmd);
            assert!(
                keys.iter().any(|k| matches!(k.code, KeyCode::F(_))),
                "{cmd:?}"
            );
            assert!(
                keys.iter()
                    .any(|k| matches!(k.code, KeyCode::Char(c) if !c.is_ascii_digit())),
                "{cmd:?}"
            );
            assert!(
                !keys
                    .iter()
                    .any(|k| matches!(k.code, KeyCode::Char(c) if c.is_ascii_digit())),
                "{cmd:?} bound to a digit"
            );
        }
    }

    #[test]
    fn screen_scope_comes_before_global_and_typing_keeps_letters() {
        let km = Keymap::default();
        let scopes = [Scope::Entry, Scope::Global];
        assert_eq!(
            km.lookup(&scopes, &key(KeyCode::Char('r')), false),
            Some(Cmd::Reverse)
        );
        assert_eq!(
            km.lookup(&scopes, &key(KeyCode::F(4)), false),
            Some(Cmd::Journal)
        );
        let form = [Scope::Form, Scope::Global];
        assert_eq!(km.lookup(&form, &key(KeyCode::Char('e')), true), None);
        assert_eq!(
            km.lookup(&form, &key(KeyCode::F(4)), true),
            Some(Cmd::Journal)
        );
        assert_eq!(
            km.lookup(
                &form,
                &KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
                true
            ),
            Some(Cmd::Post)
        );
    }

    #[test]
    fn shift_tab_and_shifted_letters_are_recognised() {
        let km = Keymap::default();
        let scopes = [Scope::Browse, Scope::Global];
        let shift_tab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(km.lookup(&scopes, &shift_tab, false), Some(Cmd::PrevTab));
        let big_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(km.lookup(&scopes, &big_g, false), Some(Cmd::Last));
        let q = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(km.lookup(&scopes, &q, false), Some(Cmd::Help));
    }

    #[test]
    fn chords_parse_and_print_back() {
        for s in [
            "F4",
            "Ctrl+S",
            "Shift+Tab",
            "Enter",
            "Esc",
            "PgDn",
            "?",
            "a",
            "G",
            "Alt+x",
        ] {
            let c = Chord::parse(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(Chord::parse(&c.to_string()), Some(c), "{s}");
        }
        for bad in ["", "F13", "Ctrl+", "ab", "Shift+a", "F0"] {
            assert_eq!(Chord::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn remapping_moves_the_key_and_reports_clashes_and_mistakes() {
        let mut km = Keymap::default();
        let issues = km.apply(&[("journal".into(), "F4, J".into())]);
        assert_eq!(issues, vec![]);
        assert_eq!(
            km.lookup(&[Scope::Global], &key(KeyCode::Char('J')), false),
            Some(Cmd::Journal)
        );
        assert_eq!(
            km.lookup(&[Scope::Global], &key(KeyCode::Char('e')), false),
            None
        );

        let issues = km.apply(&[
            ("home".into(), "F3".into()),
            ("nonsense".into(), "x".into()),
            ("quit".into(), "F99".into()),
        ]);
        assert!(issues.contains(&KeyIssue::UnknownCommand {
            name: "nonsense".into()
        }));
        assert!(issues.contains(&KeyIssue::BadKey {
            name: "quit".into(),
            key: "F99".into()
        }));
        assert!(issues.iter().any(|i| matches!(i,
            KeyIssue::Conflict { key, first: (Scope::Global, Cmd::Home), second: (Scope::Global, Cmd::Accounts) } if key == "F3")));
    }

    #[test]
    fn hints_and_help_come_from_the_same_table() {
        let km = Keymap::default();
        let scopes = [Scope::Journal, Scope::Browse, Scope::Global];
        let help = km.active(&scopes, false);
        for (chord, cmd) in km.hints(&scopes, false) {
            assert!(help.iter().any(|(keys, c)| *c == cmd && keys[0] == chord));
            assert_eq!(
                km.lookup(&scopes, &KeyEvent::new(chord.code, chord.mods), false),
                Some(cmd)
            );
        }
        assert!(help.iter().any(|(_, c)| *c == Cmd::FilterPanel));
    }
}
