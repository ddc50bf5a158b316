//! The TUI's state and its one update function. `update` takes a message (a
//! key, a click, a loaded result) and returns effects as data (load this,
//! post that); it does no IO, so a key sequence can be tested without a
//! terminal or a ledger. The driver runs the effects and feeds the results
//! back as messages.

use chrono::{Datelike, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::coop::{self, CoopState, CoopTab};
use super::form::{Col, EntryForm, Focus};
use super::input::{Input, ListNav};
use super::keymap::{Cmd, Keymap, Scope};
use super::layout;
use super::reports::{self, RepTab, ReportsState};
use super::savings::{self, SgState, SgTab};
use super::theme::Theme;
use crate::domain::Lang;
use crate::domain::access::{self, Action, Role, check_passphrase};
use crate::domain::account::AccountNumber;
use crate::domain::ledger::{EntryNumber, NewEntry};
use crate::domain::money::Fcfa;
use crate::domain::period::{DateRange, Month, parse_date, parse_year};
use crate::domain::text::fold;
use crate::service::OrgKind;
use crate::service::overview::Overview;
use crate::store::{AccountRow, CloseRow, EntryView, JournalQuery, LedgerLine, OrgRow, UserRow};

/// Entries fetched per journal page.
pub const PAGE: usize = 200;
/// The journal keeps at most this many entries in memory.
pub const WINDOW: usize = 3 * PAGE;
/// Smallest usable terminal.
pub const MIN_SIZE: (u16, u16) = (80, 24);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Home,
    Accounts,
    Journal,
    NewEntry,
    Periods,
    Users,
    /// A cooperative's own screens (stock, production, sales…), under one
    /// tab.
    Coop(CoopTab),
    /// A savings group's own screens (the meeting, loans, share-out…),
    /// under one tab.
    Savings(SgTab),
    /// The reports (trial balance, statements, drill-down, export), for
    /// every kind of organisation.
    Reports(RepTab),
}

impl Screen {
    pub const TABS: [Screen; 6] = [
        Screen::Home,
        Screen::Accounts,
        Screen::Journal,
        Screen::NewEntry,
        Screen::Periods,
        Screen::Users,
    ];

    pub fn cmd(self) -> Cmd {
        match self {
            Screen::Home => Cmd::Home,
            Screen::Accounts => Cmd::Accounts,
            Screen::Journal => Cmd::Journal,
            Screen::NewEntry => Cmd::NewEntry,
            Screen::Periods => Cmd::Periods,
            Screen::Users => Cmd::Users,
            Screen::Coop(t) => t.cmd(),
            Screen::Savings(t) => t.cmd(),
            Screen::Reports(_) => Cmd::Reports,
        }
    }

    /// The tabs of an organisation of this kind (`coop`, `savings`): the
    /// accounting screens every kind has, and the kind's own.
    pub fn tabs_for(kind: Option<&str>) -> Vec<Screen> {
        let mut v = Screen::TABS[..5].to_vec();
        if kind == Some("coop") {
            v.push(Screen::Coop(CoopTab::Sales));
        }
        if kind == Some("savings") {
            v.push(Screen::Savings(SgTab::Meeting));
        }
        v.push(Screen::Reports(RepTab::Balance));
        v.push(Screen::Users);
        v
    }

    /// Whether two screens are under the same tab.
    pub fn same_tab(self, other: Screen) -> bool {
        matches!(
            (self, other),
            (Screen::Coop(_), Screen::Coop(_))
                | (Screen::Savings(_), Screen::Savings(_))
                | (Screen::Reports(_), Screen::Reports(_))
        ) || self == other
    }

    pub fn title_key(self) -> &'static str {
        match self {
            Screen::Home => "tab-home",
            Screen::Accounts => "tab-accounts",
            Screen::Journal => "tab-journal",
            Screen::NewEntry => "tab-new-entry",
            Screen::Periods => "tab-periods",
            Screen::Users => "tab-users",
            Screen::Coop(_) => "tab-shop",
            Screen::Savings(_) => "sg-tui-tab",
            Screen::Reports(_) => "rep-tab",
        }
    }
}

/// An organisation the user may open, with the role there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgAccess {
    pub org: OrgRow,
    pub role: Role,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub actor: crate::service::Actor,
    pub user: UserRow,
    pub orgs: Vec<OrgAccess>,
}

// ---- first run -----------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WizStep {
    Lang,
    Choice,
    Admin,
    Org,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wizard {
    pub step: WizStep,
    /// Highlighted choice on the list steps (language, create or demo, kind).
    pub pick: usize,
    pub lang: Lang,
    pub name: Input,
    pub pass: Input,
    pub pass2: Input,
    pub kind: OrgKind,
    pub code: Input,
    pub org_name: Input,
    /// Focused field on the form steps.
    pub field: usize,
    pub error: Option<String>,
    /// False when the ledger already has organisations (made by the CLI).
    pub needs_org: bool,
}

impl Wizard {
    pub fn new(needs_org: bool) -> Wizard {
        Wizard {
            step: WizStep::Lang,
            pick: 0,
            lang: Lang::Fr,
            name: Input::new(100),
            pass: Input::secret(200),
            pass2: Input::secret(200),
            kind: OrgKind::Coop,
            code: Input::new(32),
            org_name: Input::new(100),
            field: 0,
            error: None,
            needs_org,
        }
    }

    fn fields(&mut self) -> Vec<&mut Input> {
        match self.step {
            WizStep::Admin => vec![&mut self.name, &mut self.pass, &mut self.pass2],
            WizStep::Org => vec![&mut self.code, &mut self.org_name],
            _ => vec![],
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoginForm {
    pub name: Input,
    pub pass: Input,
    pub field: usize,
    pub error: Option<String>,
    /// Shown under the form (the demo ledger's users and passphrase).
    pub hint: Option<String>,
}

impl LoginForm {
    pub fn new() -> LoginForm {
        LoginForm {
            name: Input::new(100),
            pass: Input::secret(200),
            ..Default::default()
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnlockForm {
    pub secret: Input,
    pub error: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    Wizard(Box<Wizard>),
    Login(LoginForm),
    /// Idle or asked for: nothing of the books is drawn.
    Locked(UnlockForm),
    Main,
}

// ---- screens -------------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListFilter {
    pub input: Input,
    /// The filter field has the keyboard.
    pub active: bool,
}

impl Default for ListFilter {
    fn default() -> Self {
        ListFilter {
            input: Input::new(60),
            active: false,
        }
    }
}

/// What a key did to a list filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterKey {
    /// The filter does not have the keyboard (or gave it back for ↑↓).
    NotMine,
    /// Enter or Esc: taken.
    Taken,
    /// The text changed: the list starts again from its top.
    Typed,
}

impl ListFilter {
    /// A key while the filter may have the keyboard: Enter keeps the
    /// text, Esc clears it, ↑↓ hand the keyboard back to the list.
    pub fn key(&mut self, key: &crossterm::event::KeyEvent) -> FilterKey {
        use crossterm::event::KeyCode;
        if !self.active {
            return FilterKey::NotMine;
        }
        match key.code {
            KeyCode::Enter => self.active = false,
            KeyCode::Esc => *self = ListFilter::default(),
            KeyCode::Up | KeyCode::Down => {
                self.active = false;
                return FilterKey::NotMine;
            }
            _ => {
                self.input.handle(key);
                return FilterKey::Typed;
            }
        }
        FilterKey::Taken
    }

    pub fn matches(&self, texts: &[&str]) -> bool {
        let f = fold(self.input.value.trim());
        f.is_empty() || texts.iter().any(|t| fold(t).contains(&f))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LedgerView {
    pub account: AccountRow,
    pub year: i32,
    pub opening: Fcfa,
    pub lines: Vec<LedgerLine>,
    pub nav: ListNav,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccountsState {
    pub rows: Vec<AccountRow>,
    pub loaded: bool,
    pub nav: ListNav,
    pub filter: ListFilter,
    pub ledger: Option<LedgerView>,
}

impl AccountsState {
    /// Indices of the rows the filter lets through.
    pub fn visible(&self) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|&i| {
                let r = &self.rows[i];
                self.filter.matches(&[&r.number, &r.name])
            })
            .collect()
    }
}

/// Journal filters as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JournalFilter {
    pub period: String,
    pub account: String,
    pub text: String,
}

impl JournalFilter {
    pub fn is_empty(&self) -> bool {
        self.period.trim().is_empty()
            && self.account.trim().is_empty()
            && self.text.trim().is_empty()
    }

    /// The query these filters stand for, or the translation key of what
    /// is wrong with them.
    pub fn query(&self) -> Result<JournalQuery, (&'static str, String)> {
        let mut q = JournalQuery::default();
        let p = self.period.trim();
        if !p.is_empty() {
            q.range = Some(parse_period(p).ok_or(("filter-bad-period", p.to_string()))?);
        }
        let a = self.account.trim();
        if !a.is_empty() {
            let n = AccountNumber::parse(a).map_err(|_| ("filter-bad-account", a.to_string()))?;
            q.account = Some(n.as_str().to_string());
        }
        let t = self.text.trim();
        if !t.is_empty() {
            q.text = Some(t.to_string());
        }
        Ok(q)
    }
}

/// `2026-10`, `10/2026`, `2026`, or one day.
pub fn parse_period(s: &str) -> Option<DateRange> {
    if let Ok(m) = Month::parse(s) {
        return Some(DateRange::month(m));
    }
    if let Some((m, y)) = s.split_once('/')
        && m.len() <= 2
        && y.len() == 4
        && let Ok(m) = Month::parse(&format!("{y}-{m:0>2}"))
    {
        return Some(DateRange::month(m));
    }
    if let Ok(d) = parse_date(s) {
        return DateRange::new(d, d).ok();
    }
    if s.len() == 4
        && let Ok(y) = parse_year(s)
    {
        return Some(DateRange::year(y));
    }
    None
}

/// Where a journal page goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Start,
    End,
    After,
    Before,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JournalState {
    pub rows: Vec<EntryView>,
    pub nav: ListNav,
    pub more_before: bool,
    pub more_after: bool,
    pub loaded: bool,
    pub loading: bool,
    pub filter: JournalFilter,
    /// Rows to move once the page being fetched arrives.
    pub pending: isize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PeriodsState {
    pub closes: Vec<CloseRow>,
    pub nav: ListNav,
    /// Fresh organisation row (closed-through month).
    pub org: Option<OrgRow>,
    /// The next month that can be closed (finished and not closed yet).
    pub next: Option<Month>,
    pub loaded: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UsersState {
    pub rows: Vec<UserRow>,
    pub nav: ListNav,
    pub loaded: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirm {
    ClosePeriod(Month),
    QuitUnsaved,
    /// Switch to the organisation at this index, dropping the entry being
    /// typed (its accounts belong to the current organisation).
    SwitchOrg(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Popup {
    Help,
    OrgSwitch {
        filter: Input,
        nav: ListNav,
    },
    Reverse {
        number: EntryNumber,
        date: Input,
        reason: Input,
        field: usize,
        error: Option<String>,
    },
    Filter {
        period: Input,
        account: Input,
        text: Input,
        field: usize,
        error: Option<String>,
    },
    Confirm(Confirm),
    User(Box<super::users::UserForm>),
    /// A cooperative's dialog (a purchase, a count, a payment…).
    Coop(Box<coop::dialog::Dialog>),
    /// A savings group's dialog (open or close a meeting, a loan's
    /// write-off, a new member…).
    Savings(Box<savings::dialog::Dialog>),
    /// The monthly export for the auditor, and its progress.
    Export(Box<reports::export::ExportDialog>),
    /// A message to acknowledge (a posted entry's number…).
    Notice {
        title: String,
        text: String,
    },
    /// The computer's clock looks wrong: nothing is recorded until the
    /// business date is confirmed (see `domain::clock`).
    ClockDate {
        /// What is wrong with the clock, in the user's language.
        message: String,
        date: Input,
        error: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Success,
    Warn,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub level: Level,
    pub text: String,
}

// ---- messages and effects --------------------------------------------------

/// What the driver must do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    SetLang(Lang),
    /// Confirms the business date while the clock looks wrong.
    ConfirmDate(NaiveDate),
    /// First run: the administrator and, if needed, the first organisation.
    Setup {
        lang: Lang,
        name: String,
        pass: String,
        org: Option<(String, String, OrgKind)>,
    },
    OpenDemo,
    Login {
        name: String,
        pass: String,
    },
    /// Re-unlock the locked session: a PIN, or the passphrase.
    Unlock {
        secret: String,
    },
    Overview {
        org: String,
    },
    Accounts {
        org: String,
    },
    Ledger {
        org: String,
        account: String,
        year: i32,
    },
    Journal {
        org: String,
        query: JournalQuery,
        place: Place,
    },
    Entry {
        org: String,
        number: EntryNumber,
    },
    Post {
        org: String,
        entry: NewEntry,
    },
    Reverse {
        org: String,
        number: EntryNumber,
        date: NaiveDate,
        reason: String,
    },
    Closes {
        org: String,
    },
    Close {
        org: String,
        month: Month,
    },
    Users,
    AddUser {
        name: String,
        pass: String,
        lang: Lang,
        role: Role,
        /// None: every organisation.
        org: Option<String>,
    },
    SetRole {
        name: String,
        /// None: take the role away.
        role: Option<Role>,
        org: Option<String>,
    },
    SetPassphrase {
        name: String,
        pass: String,
    },
    SetPin {
        pin: Option<String>,
    },
    /// A cooperative's read or write (stock, sales, customers, closes).
    Coop(coop::CoopEffect),
    /// A savings group's read or write (meetings, loans, share-out…).
    Savings(savings::SgEffect),
    /// A report, a drill-down, the export.
    Reports(reports::RepEffect),
    Quit,
}

impl Effect {
    fn writes(&self) -> bool {
        matches!(
            self,
            Effect::Setup { .. }
                | Effect::Post { .. }
                | Effect::Reverse { .. }
                | Effect::Close { .. }
        ) || matches!(self, Effect::Coop(e) if e.writes())
            || matches!(self, Effect::Savings(e) if e.writes())
    }
}

/// A result the driver feeds back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Done {
    Session(Box<Session>),
    /// The business date was confirmed: it is "today" from now on.
    DateConfirmed(NaiveDate),
    /// The demo ledger is open: log in as one of its users.
    DemoReady {
        hint: String,
    },
    Unlocked,
    Overview(Box<Overview>),
    Accounts(Vec<AccountRow>),
    Ledger {
        account: String,
        year: i32,
        opening: Fcfa,
        lines: Vec<LedgerLine>,
    },
    Journal {
        rows: Vec<EntryView>,
        place: Place,
    },
    Entry(Box<EntryView>),
    Posted {
        number: EntryNumber,
        already: bool,
    },
    Reversed {
        original: EntryNumber,
        reversal: EntryNumber,
    },
    Closes {
        org: Box<OrgRow>,
        closes: Vec<CloseRow>,
        next: Option<Month>,
    },
    Closed {
        through: Month,
    },
    Users(Vec<UserRow>),
    /// A user change went through; the message says which.
    UserSaved(String),
    Coop(Box<coop::CoopDone>),
    Savings(Box<savings::SgDone>),
    Reports(Box<reports::RepDone>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// No key for the configured time.
    Idle,
    Done(Done),
    /// The clock looks wrong (found at login, or a post refused because of
    /// it); `message` is in the user's language.
    ClockWrong {
        message: String,
    },
    /// An effect failed; `message` is already in the user's language.
    Failed {
        effect: Box<Effect>,
        message: String,
        busy: bool,
    },
}

// ---- the app ---------------------------------------------------------------

#[derive(Clone, Debug)]
pub struct App {
    pub mode: Mode,
    pub session: Option<Session>,
    /// Index into the session's organisations.
    pub org: usize,
    pub screen: Screen,
    pub home: Option<Overview>,
    pub accounts: AccountsState,
    pub journal: JournalState,
    pub form: EntryForm,
    pub periods: PeriodsState,
    pub users: UsersState,
    /// A cooperative's screens.
    pub coop: CoopState,
    /// A savings group's screens.
    pub sg: SgState,
    /// The reports tab.
    pub reports: ReportsState,
    /// An entry opened from the journal or a ledger, drawn over the screen.
    pub detail: Option<EntryView>,
    pub detail_scroll: u16,
    pub popup: Option<Popup>,
    pub status: Option<Status>,
    pub size: (u16, u16),
    pub keymap: Keymap,
    pub theme: Theme,
    pub mouse: bool,
    pub today: NaiveDate,
    /// `--lang` was given: the user's own language does not replace it.
    pub lang_fixed: bool,
    /// Unique per run; with `counter`, makes each form's idempotency key.
    pub nonce: String,
    pub counter: u64,
    /// A write refused because the ledger was busy, to try again.
    pub retry: Option<Effect>,
    /// Problems in the settings file, shown again once logged in.
    pub startup_warning: Option<Status>,
    /// The clock looked wrong while a dialog was open: the date is asked
    /// for once that dialog is closed.
    pub clock_pending: Option<String>,
    pub quit: bool,
}

impl App {
    pub fn new(mode: Mode, keymap: Keymap, theme: Theme, today: NaiveDate, nonce: String) -> App {
        App {
            mode,
            session: None,
            org: 0,
            screen: Screen::Home,
            home: None,
            accounts: AccountsState::default(),
            journal: JournalState::default(),
            form: EntryForm::new(today, format!("tui-{nonce}-0")),
            periods: PeriodsState::default(),
            users: UsersState::default(),
            coop: CoopState::default(),
            sg: SgState::default(),
            reports: ReportsState::default(),
            detail: None,
            detail_scroll: 0,
            popup: None,
            status: None,
            size: MIN_SIZE,
            keymap,
            theme,
            mouse: true,
            today,
            lang_fixed: false,
            nonce,
            counter: 0,
            retry: None,
            startup_warning: None,
            clock_pending: None,
            quit: false,
        }
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_SIZE.0 || self.size.1 < MIN_SIZE.1
    }

    pub fn current_org(&self) -> Option<&OrgAccess> {
        self.session.as_ref().and_then(|s| s.orgs.get(self.org))
    }

    fn org_code(&self) -> Option<String> {
        self.current_org().map(|o| o.org.code.clone())
    }

    pub fn role(&self) -> Option<Role> {
        self.current_org().map(|o| o.role)
    }

    /// Whether the session's user administers the whole ledger (users).
    pub fn is_admin(&self) -> bool {
        self.session.as_ref().is_some_and(|s| {
            s.user
                .roles
                .iter()
                .any(|(o, r)| o == "*" && *r == Role::Admin)
        })
    }

    /// Whether the session may do `action` in the current organisation (the
    /// ledger checks again on every write).
    pub fn can(&self, action: Action) -> bool {
        self.role().is_some_and(|r| access::allowed(r, action))
    }

    /// A new idempotency key for a form of this run.
    pub fn fresh_key(&mut self) -> String {
        self.counter += 1;
        format!("tui-{}-{}", self.nonce, self.counter)
    }

    /// The tabs of the current organisation's kind.
    pub fn tabs(&self) -> Vec<Screen> {
        Screen::tabs_for(self.current_org().map(|o| o.org.kind.as_str()))
    }

    /// Whether the current organisation is a cooperative.
    pub fn is_coop(&self) -> bool {
        self.current_org().is_some_and(|o| o.org.kind == "coop")
    }

    /// Whether the current organisation is a savings group.
    pub fn is_savings(&self) -> bool {
        self.current_org().is_some_and(|o| o.org.kind == "savings")
    }

    /// The translation key of a command's label here (the shop's key opens
    /// a savings group's meeting).
    pub fn cmd_label(&self, cmd: Cmd) -> &'static str {
        if cmd == Cmd::Shop && self.is_savings() {
            return "sg-tui-key-group";
        }
        if self.popup.is_none()
            && self.detail.is_none()
            && let Some(k) = reports::cmd_label(self, cmd)
        {
            return k;
        }
        cmd.label_key()
    }

    fn fresh_form(&mut self) {
        self.counter += 1;
        self.form = EntryForm::new(self.today, format!("tui-{}-{}", self.nonce, self.counter));
    }

    fn form_dirty(&self) -> bool {
        !self.form.doc.is_empty()
            || !self.form.memo.is_empty()
            || self.form.lines.iter().any(|l| !l.is_blank())
            || self.coop.dirty()
            || self.sg.dirty()
    }

    /// Rows of the list area on the current screen.
    pub fn list_height(&self) -> usize {
        layout::list_height(self)
    }

    /// The key scopes in force, most specific first.
    pub fn scopes(&self) -> Vec<Scope> {
        if self.popup.is_some() {
            return vec![Scope::Dialog];
        }
        self.scopes_without_popup()
    }

    /// The scopes as they are under any popup (for the help overlay).
    pub fn scopes_without_popup(&self) -> Vec<Scope> {
        if self.detail.is_some() {
            return vec![Scope::Entry, Scope::Global];
        }
        match self.screen {
            Screen::Journal => vec![Scope::Journal, Scope::Browse, Scope::Global],
            Screen::NewEntry => vec![Scope::Form, Scope::Global],
            Screen::Periods => vec![Scope::Periods, Scope::Browse, Scope::Global],
            Screen::Users => vec![Scope::Users, Scope::Browse, Scope::Global],
            Screen::Home | Screen::Accounts => vec![Scope::Browse, Scope::Global],
            Screen::Coop(t) => coop::scopes(self, t),
            Screen::Savings(t) => savings::scopes(self, t),
            Screen::Reports(t) => reports::scopes(self, t),
        }
    }

    /// The scopes whose keys the hint bar shows (on the home screen the
    /// list keys do nothing worth showing).
    pub fn hint_scopes(&self) -> Vec<Scope> {
        let mut s = self.scopes();
        if self.popup.is_none()
            && self.detail.is_none()
            && matches!(self.screen, Screen::Home | Screen::Periods | Screen::Users)
        {
            s.retain(|x| *x != Scope::Browse);
        }
        s
    }

    /// Commands whose keys do nothing in the current state, left out of the
    /// hint bar.
    pub fn idle_commands(&self) -> Vec<Cmd> {
        if self.popup.is_none()
            && self.detail.is_none()
            && self.screen == Screen::Accounts
            && self.accounts.ledger.is_some()
        {
            return vec![Cmd::Filter];
        }
        if let Screen::Coop(t) = self.screen
            && self.popup.is_none()
            && self.detail.is_none()
        {
            let mut v = coop::idle_commands(self, t);
            v.extend(self.withheld_commands());
            return v;
        }
        if let Screen::Savings(t) = self.screen
            && self.popup.is_none()
            && self.detail.is_none()
        {
            let mut v = savings::idle_commands(self, t);
            v.extend(self.withheld_commands());
            return v;
        }
        if let Screen::Reports(t) = self.screen
            && self.popup.is_none()
            && self.detail.is_none()
        {
            return reports::idle_commands(self, t);
        }
        vec![]
    }

    /// Commands the user's role may not use on this screen: neither in the
    /// hint bar nor in the help.
    pub fn withheld_commands(&self) -> Vec<Cmd> {
        let mut v = match self.screen {
            Screen::Coop(t) if self.detail.is_none() => coop::withheld_commands(self, t),
            Screen::Savings(t) if self.detail.is_none() => savings::withheld_commands(self, t),
            _ => vec![],
        };
        // The shop is a cooperative's (the same key opens a savings
        // group's meeting).
        if !self.is_coop() && !self.is_savings() {
            v.push(Cmd::Shop);
        }
        v
    }

    /// Whether a text field has the keyboard (letters then type, not
    /// command).
    pub fn typing(&self) -> bool {
        match &self.mode {
            Mode::Main => {}
            _ => return true,
        }
        if self.popup.is_some() {
            return true;
        }
        self.typing_without_popup()
    }

    pub fn typing_without_popup(&self) -> bool {
        if self.detail.is_some() {
            return false;
        }
        match self.screen {
            Screen::NewEntry => self.can(Action::Post),
            Screen::Accounts => self.accounts.filter.active,
            Screen::Coop(t) => coop::typing(self, t),
            Screen::Savings(t) => savings::typing(self, t),
            _ => false,
        }
    }

    fn set_status(&mut self, level: Level, text: String) {
        self.status = Some(Status { level, text });
    }

    // ---- update ---------------------------------------------------------

    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Resize(w, h) => {
                self.size = (w, h);
                self.clamp_lists();
                vec![]
            }
            Msg::Idle => self.lock(),
            Msg::ClockWrong { message } => {
                self.ask_date(message);
                vec![]
            }
            Msg::Key(k) => {
                let effects = self.on_key(k);
                if self.popup.is_none()
                    && matches!(self.mode, Mode::Main)
                    && let Some(message) = self.clock_pending.take()
                {
                    self.ask_date(message);
                }
                effects
            }
            Msg::Mouse(m) => self.on_mouse(m),
            Msg::Done(d) => self.on_done(d),
            Msg::Failed {
                effect,
                message,
                busy,
            } => self.on_failed(*effect, message, busy),
        }
    }

    fn clamp_lists(&mut self) {
        let h = self.list_height();
        let n = self.accounts.visible().len();
        self.accounts.nav.clamp(n, h);
        if let Some(l) = &mut self.accounts.ledger {
            l.nav.clamp(l.lines.len(), h);
        }
        self.journal.nav.clamp(self.journal.rows.len(), h);
        self.periods.nav.clamp(self.periods.closes.len(), h);
        self.users.nav.clamp(self.users.rows.len(), h);
        coop::clamp(self);
        savings::clamp(self);
        reports::clamp(self);
    }

    /// Asks for the business date because the clock looks wrong, now if
    /// nothing else is open, else once the open dialog is closed.
    fn ask_date(&mut self, message: String) {
        if self.popup.is_some() || !matches!(self.mode, Mode::Main) {
            self.clock_pending = Some(message);
            return;
        }
        self.popup = Some(Popup::ClockDate {
            message,
            date: Input::new(10),
            error: None,
        });
    }

    /// Locks the session: nothing of the books stays on screen.
    pub fn lock(&mut self) -> Vec<Effect> {
        match &mut self.mode {
            Mode::Main => {
                self.mode = Mode::Locked(UnlockForm {
                    secret: Input::secret(200),
                    error: None,
                });
                self.popup = None;
                self.status = None;
            }
            Mode::Login(l) => {
                l.pass.clear();
            }
            Mode::Locked(u) => u.secret.clear(),
            Mode::Wizard(_) => {}
        }
        vec![]
    }

    fn on_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            // Like Quit: an entry being typed is not dropped without asking;
            // a second Ctrl+C (or Enter) then quits.
            let asking = matches!(self.popup, Some(Popup::Confirm(Confirm::QuitUnsaved)));
            if matches!(self.mode, Mode::Main) && self.form_dirty() && !asking {
                self.popup = Some(Popup::Confirm(Confirm::QuitUnsaved));
                return vec![];
            }
            self.quit = true;
            return vec![Effect::Quit];
        }
        match self.mode {
            Mode::Wizard(_) => self.wizard_key(key),
            Mode::Login(_) => self.login_key(key),
            Mode::Locked(_) => self.unlock_key(key),
            Mode::Main => self.main_key(key),
        }
    }

    fn wizard_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let Mode::Wizard(w) = &mut self.mode else {
            return vec![];
        };
        let list_len = match w.step {
            WizStep::Lang | WizStep::Choice => 2,
            _ => 0,
        };
        match key.code {
            KeyCode::Esc => {
                w.error = None;
                w.field = 0;
                w.step = match w.step {
                    WizStep::Lang | WizStep::Choice => WizStep::Lang,
                    WizStep::Admin => WizStep::Choice,
                    WizStep::Org => WizStep::Admin,
                };
                w.pick = 0;
                return vec![];
            }
            KeyCode::Up if list_len > 0 => w.pick = w.pick.saturating_sub(1),
            KeyCode::Down if list_len > 0 => w.pick = (w.pick + 1).min(list_len - 1),
            KeyCode::Tab | KeyCode::Down if list_len == 0 => {
                let n = w.fields().len() + usize::from(w.step == WizStep::Org);
                w.field = (w.field + 1) % n;
            }
            KeyCode::BackTab | KeyCode::Up if list_len == 0 => {
                let n = w.fields().len() + usize::from(w.step == WizStep::Org);
                w.field = (w.field + n - 1) % n;
            }
            KeyCode::Enter => return self.wizard_next(),
            _ => {
                if w.step == WizStep::Org && w.field == 2 {
                    // The kind: any letter or space toggles it.
                    if matches!(
                        key.code,
                        KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right
                    ) {
                        w.kind = match w.kind {
                            OrgKind::Coop => OrgKind::Savings,
                            OrgKind::Savings => OrgKind::Coop,
                        };
                    }
                    return vec![];
                }
                let field = w.field;
                if let Some(f) = w.fields().into_iter().nth(field)
                    && f.handle(&key)
                {
                    w.error = None;
                }
            }
        }
        vec![]
    }

    fn wizard_next(&mut self) -> Vec<Effect> {
        let Mode::Wizard(w) = &mut self.mode else {
            return vec![];
        };
        w.error = None;
        match w.step {
            WizStep::Lang => {
                w.lang = if w.pick == 1 { Lang::En } else { Lang::Fr };
                w.step = WizStep::Choice;
                w.pick = 0;
                vec![Effect::SetLang(w.lang)]
            }
            WizStep::Choice => {
                if w.pick == 1 {
                    return vec![Effect::OpenDemo];
                }
                w.step = WizStep::Admin;
                w.field = 0;
                vec![]
            }
            WizStep::Admin => {
                // Enter moves through the fields, then checks them.
                if w.field < 2 {
                    w.field += 1;
                    return vec![];
                }
                if w.name.is_empty() {
                    w.error = Some(crate::t!("wizard-name-required"));
                    w.field = 0;
                } else if let Err(e) = check_passphrase(&w.pass.value) {
                    w.error = Some(crate::i18n::message(&e));
                    w.field = 1;
                } else if w.pass.value != w.pass2.value {
                    w.error = Some(crate::t!("wizard-pass-mismatch"));
                    w.pass2.clear();
                    w.field = 2;
                } else if w.needs_org {
                    w.step = WizStep::Org;
                    w.field = 0;
                } else {
                    return vec![setup(w, None)];
                }
                vec![]
            }
            WizStep::Org => {
                if w.field < 2 {
                    w.field += 1;
                    return vec![];
                }
                if w.code.is_empty() || w.org_name.is_empty() {
                    w.error = Some(crate::t!("wizard-org-required"));
                    w.field = if w.code.is_empty() { 0 } else { 1 };
                    return vec![];
                }
                let org = (
                    w.code.value.trim().to_string(),
                    w.org_name.value.trim().to_string(),
                    w.kind,
                );
                vec![setup(w, Some(org))]
            }
        }
    }

    fn login_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let Mode::Login(l) = &mut self.mode else {
            return vec![];
        };
        match key.code {
            KeyCode::Tab | KeyCode::BackTab | KeyCode::Up | KeyCode::Down => {
                l.field = 1 - l.field.min(1)
            }
            KeyCode::Enter if l.field == 0 => l.field = 1,
            KeyCode::Enter => {
                let name = l.name.value.trim().to_string();
                let pass = std::mem::take(&mut l.pass.value);
                l.pass.clear();
                l.error = None;
                if name.is_empty() {
                    l.field = 0;
                    return vec![];
                }
                return vec![Effect::Login { name, pass }];
            }
            KeyCode::F(10) | KeyCode::Esc => {
                self.quit = true;
                return vec![Effect::Quit];
            }
            _ => {
                if l.field == 0 {
                    l.name.handle(&key);
                } else {
                    l.pass.handle(&key);
                }
            }
        }
        vec![]
    }

    fn unlock_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let Mode::Locked(u) = &mut self.mode else {
            return vec![];
        };
        match key.code {
            KeyCode::Enter => {
                let secret = std::mem::take(&mut u.secret.value);
                u.secret.clear();
                u.error = None;
                if secret.is_empty() {
                    return vec![];
                }
                vec![Effect::Unlock { secret }]
            }
            KeyCode::Esc => {
                // Someone else takes the laptop: back to the login, and the
                // previous user's unsaved form goes.
                self.end_session();
                vec![]
            }
            _ => {
                u.secret.handle(&key);
                vec![]
            }
        }
    }

    fn end_session(&mut self) {
        self.session = None;
        self.home = None;
        self.accounts = AccountsState::default();
        self.journal = JournalState::default();
        self.periods = PeriodsState::default();
        self.users = UsersState::default();
        self.coop = CoopState::default();
        self.sg = SgState::default();
        self.reports = ReportsState::default();
        self.detail = None;
        self.popup = None;
        self.status = None;
        self.fresh_form();
        self.mode = Mode::Login(LoginForm::new());
    }

    fn main_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if self.popup.is_some() {
            return self.popup_key(key);
        }
        // A list filter being typed keeps the keyboard until Enter or Esc.
        if self.screen == Screen::Accounts
            && self.detail.is_none()
            && self.accounts.ledger.is_none()
        {
            match self.accounts.filter.key(&key) {
                FilterKey::NotMine => {}
                FilterKey::Taken => return vec![],
                FilterKey::Typed => {
                    self.accounts.nav = ListNav::default();
                    return vec![];
                }
            }
        }
        if let Some(fx) = coop::filter_key(self, &key) {
            return fx;
        }
        if let Some(fx) = savings::filter_key(self, &key) {
            return fx;
        }
        let scopes = self.scopes();
        let typing = self.typing();
        match self.keymap.lookup(&scopes, &key, typing) {
            Some(cmd) => self.run(cmd),
            None => {
                if let Screen::Coop(_) = self.screen
                    && self.detail.is_none()
                {
                    return coop::text_key(self, &key);
                }
                if let Screen::Savings(_) = self.screen
                    && self.detail.is_none()
                {
                    return savings::text_key(self, &key);
                }
                if self.screen == Screen::NewEntry && self.detail.is_none() && typing {
                    self.form.pick = 0;
                    self.form.focused().handle(&key);
                    self.form.error = None;
                }
                vec![]
            }
        }
    }

    fn goto(&mut self, screen: Screen) -> Vec<Effect> {
        self.detail = None;
        // A message is about what was on screen; it does not follow.
        self.status = None;
        self.screen = screen;
        self.load_screen()
    }

    /// Loads what the current screen shows, fresh from the ledger.
    pub fn load_screen(&mut self) -> Vec<Effect> {
        let Some(org) = self.org_code() else {
            return vec![];
        };
        // Entry details name their accounts: the chart comes along once.
        let mut chart = vec![];
        if !self.accounts.loaded && !matches!(self.screen, Screen::Accounts | Screen::NewEntry) {
            chart.push(Effect::Accounts { org: org.clone() });
        }
        let mut v = self.load_screen_of(org);
        chart.append(&mut v);
        chart
    }

    fn load_screen_of(&mut self, org: String) -> Vec<Effect> {
        match self.screen {
            Screen::Home => vec![Effect::Overview { org }],
            Screen::Accounts => {
                let mut v = vec![Effect::Accounts { org: org.clone() }];
                if let Some(l) = &self.accounts.ledger {
                    v.push(Effect::Ledger {
                        org,
                        account: l.account.number.clone(),
                        year: l.year,
                    });
                }
                v
            }
            Screen::Journal => self.journal_load(Place::End, 0),
            Screen::NewEntry => vec![Effect::Accounts { org }],
            Screen::Periods => vec![Effect::Closes { org }],
            Screen::Users => vec![Effect::Users],
            Screen::Coop(t) => coop::load(self, t, org),
            Screen::Savings(t) => savings::load(self, t, org),
            Screen::Reports(t) => reports::load(self, t, org),
        }
    }

    fn journal_load(&mut self, place: Place, pending: isize) -> Vec<Effect> {
        let Some(org) = self.org_code() else {
            return vec![];
        };
        let mut query = match self.journal.filter.query() {
            Ok(q) => q,
            Err((key, value)) => {
                let text = crate::i18n::tr_args(key, &[("value", value.into())]);
                self.set_status(Level::Error, text);
                return vec![];
            }
        };
        query.limit = Some(PAGE);
        let key = |e: &EntryView| (e.entry.date, e.id);
        match place {
            Place::Start => {}
            Place::End => query.backward = true,
            Place::After => query.after = self.journal.rows.last().map(key),
            Place::Before => {
                query.before = self.journal.rows.first().map(key);
                query.backward = true;
            }
        }
        self.journal.loading = true;
        self.journal.pending = pending;
        vec![Effect::Journal { org, query, place }]
    }

    fn run(&mut self, cmd: Cmd) -> Vec<Effect> {
        if let Some(fx) = reports::run(self, cmd) {
            return fx;
        }
        if let Some(fx) = coop::run(self, cmd) {
            return fx;
        }
        if let Some(fx) = savings::run(self, cmd) {
            return fx;
        }
        let h = self.list_height();
        match cmd {
            Cmd::Help => {
                self.popup = Some(Popup::Help);
                vec![]
            }
            Cmd::Quit => {
                if self.form_dirty() {
                    self.popup = Some(Popup::Confirm(Confirm::QuitUnsaved));
                    return vec![];
                }
                self.quit = true;
                vec![Effect::Quit]
            }
            Cmd::Lock => self.lock(),
            Cmd::SwitchOrg => {
                let current = self.org;
                self.popup = Some(Popup::OrgSwitch {
                    filter: Input::new(40),
                    nav: ListNav {
                        cursor: current,
                        offset: 0,
                    },
                });
                vec![]
            }
            Cmd::Home => self.goto(Screen::Home),
            Cmd::Accounts => self.goto(Screen::Accounts),
            Cmd::Journal => self.goto(Screen::Journal),
            Cmd::NewEntry => self.goto(Screen::NewEntry),
            Cmd::Periods => self.goto(Screen::Periods),
            Cmd::Users => self.goto(Screen::Users),
            Cmd::UserAdd | Cmd::UserRole | Cmd::UserPassphrase | Cmd::UserPin => {
                self.user_dialog(cmd)
            }
            Cmd::NextTab | Cmd::PrevTab => {
                let tabs = self.tabs();
                let i = tabs
                    .iter()
                    .position(|s| s.same_tab(self.screen))
                    .unwrap_or(0);
                let n = tabs.len();
                let j = if cmd == Cmd::NextTab {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                self.goto(tabs[j])
            }
            Cmd::Up => self.move_by(-1),
            Cmd::Down => self.move_by(1),
            Cmd::PageUp => self.move_by(-(h.max(1) as isize)),
            Cmd::PageDown => self.move_by(h.max(1) as isize),
            Cmd::First => self.move_to_end(false),
            Cmd::Last => self.move_to_end(true),
            Cmd::Open => self.open(),
            Cmd::Back => self.back(),
            Cmd::Filter => {
                match self.screen {
                    Screen::Accounts if self.accounts.ledger.is_none() => {
                        self.accounts.filter.active = true;
                    }
                    Screen::Journal => return self.open_filter(2),
                    _ => {}
                }
                vec![]
            }
            Cmd::FilterPanel => self.open_filter(0),
            Cmd::ClearFilter => {
                self.journal.filter = JournalFilter::default();
                self.journal_load(Place::End, 0)
            }
            Cmd::Refresh => {
                if let Some(e) = self.retry.take() {
                    self.status = None;
                    return vec![e];
                }
                self.load_screen()
            }
            Cmd::Reverse => self.start_reverse(),
            Cmd::ClosePeriod => {
                if !self.can(Action::ClosePeriod) {
                    self.set_status(Level::Error, crate::t!("tui-not-allowed"));
                    return vec![];
                }
                match self.periods.next {
                    Some(m) => self.popup = Some(Popup::Confirm(Confirm::ClosePeriod(m))),
                    None => self.set_status(Level::Info, crate::t!("periods-nothing-to-close")),
                }
                vec![]
            }
            Cmd::NextField => {
                if self.form_suggesting() {
                    let rows = self.accounts.rows.clone();
                    self.form.accept_suggestion(&rows);
                }
                self.form.next_field();
                vec![]
            }
            Cmd::PrevField => {
                self.form.prev_field();
                vec![]
            }
            Cmd::Post => self.post(),
            Cmd::AddLine => {
                self.form.add_line();
                vec![]
            }
            Cmd::DeleteLine => {
                self.form.delete_line();
                vec![]
            }
            Cmd::Balance => {
                self.form.fill_balance();
                vec![]
            }
            Cmd::Confirm => vec![],
            // A cooperative's commands, when its screens are not open (or
            // the organisation is not a cooperative): nothing to do.
            Cmd::Shop
            | Cmd::CoopStock
            | Cmd::CoopProduction
            | Cmd::CoopReceipts
            | Cmd::CoopCustomers
            | Cmd::CoopDayClose
            | Cmd::ItemNew
            | Cmd::Purchase
            | Cmd::Adjust
            | Cmd::StockCount
            | Cmd::RunNew
            | Cmd::SaleAdd
            | Cmd::SaleVoid
            | Cmd::PayCash
            | Cmd::PayOrange
            | Cmd::PayMoov
            | Cmd::PayWave
            | Cmd::PayBank
            | Cmd::PayCredit
            | Cmd::SaleReturn
            | Cmd::CustomerNew
            | Cmd::CustomerEdit
            | Cmd::CustomerPay
            | Cmd::AgingView
            | Cmd::SealDay => vec![],
            // A savings group's commands, off its screens.
            Cmd::GroupLoans
            | Cmd::GroupShareout
            | Cmd::GroupPassbook
            | Cmd::GroupIndicators
            | Cmd::GroupMembers
            | Cmd::SgSaveRow
            | Cmd::SgFill
            | Cmd::SgSocial
            | Cmd::SgClose
            | Cmd::SgOpen
            | Cmd::SgReopen
            | Cmd::SgPrevMeeting
            | Cmd::SgNextMeeting
            | Cmd::SgStartCycle
            | Cmd::SgPostShareout
            | Cmd::SgWriteOff
            | Cmd::SgMemberAdd
            | Cmd::SgMemberLeave => vec![],
            // The reports' commands, off their tab.
            Cmd::Reports
            | Cmd::RepBalance
            | Cmd::RepLedger
            | Cmd::RepSmt
            | Cmd::RepIncome
            | Cmd::RepSheet
            | Cmd::RepStock
            | Cmd::RepAging
            | Cmd::RepIndicators
            | Cmd::RepPrevPeriod
            | Cmd::RepNextPeriod
            | Cmd::RepYear
            | Cmd::RepColumns
            | Cmd::RepExport
            | Cmd::RepAllOrgs => vec![],
        }
    }

    fn user_dialog(&mut self, cmd: Cmd) -> Vec<Effect> {
        use super::users::UserForm;
        if self.screen != Screen::Users {
            return vec![];
        }
        let orgs: Vec<(String, String)> = self
            .session
            .as_ref()
            .map(|s| {
                s.orgs
                    .iter()
                    .map(|o| (o.org.code.clone(), o.org.name.clone()))
                    .collect()
            })
            .unwrap_or_default();
        let me = self
            .session
            .as_ref()
            .map(|s| s.user.name.clone())
            .unwrap_or_default();
        let selected = self
            .users
            .rows
            .get(self.users.nav.cursor)
            .map(|u| u.name.clone())
            .unwrap_or_else(|| me.clone());
        let admin = self.is_admin();
        let form = match cmd {
            Cmd::UserPin => UserForm::pin(),
            Cmd::UserPassphrase if admin => UserForm::passphrase(&selected),
            Cmd::UserPassphrase => UserForm::passphrase(&me),
            Cmd::UserAdd if admin => UserForm::add(&orgs),
            Cmd::UserRole if admin => UserForm::role(&selected, &orgs),
            _ => {
                self.set_status(Level::Error, crate::t!("users-admin-only"));
                return vec![];
            }
        };
        self.popup = Some(Popup::User(Box::new(form)));
        vec![]
    }

    fn form_suggesting(&self) -> bool {
        self.screen == Screen::NewEntry
            && matches!(self.form.focus, Focus::Line(_, Col::Account))
            && !self.form.suggestions(&self.accounts.rows).is_empty()
    }

    fn move_by(&mut self, delta: isize) -> Vec<Effect> {
        let h = self.list_height();
        if self.detail.is_some() {
            self.detail_scroll = (self.detail_scroll as isize + delta).clamp(0, 500) as u16;
            return vec![];
        }
        match self.screen {
            Screen::NewEntry => {
                if self.form_suggesting() {
                    let n = self.form.suggestions(&self.accounts.rows).len();
                    self.form.pick =
                        (self.form.pick as isize + delta).clamp(0, n as isize - 1) as usize;
                } else {
                    self.form.move_line(delta.signum());
                }
            }
            Screen::Accounts => match &mut self.accounts.ledger {
                Some(l) => l.nav.move_by(delta, l.lines.len(), h),
                None => {
                    let n = self.accounts.visible().len();
                    self.accounts.nav.move_by(delta, n, h);
                }
            },
            Screen::Periods => self
                .periods
                .nav
                .move_by(delta, self.periods.closes.len(), h),
            Screen::Users => self.users.nav.move_by(delta, self.users.rows.len(), h),
            Screen::Journal => {
                if self.journal.loading {
                    return vec![];
                }
                let len = self.journal.rows.len();
                let target = self.journal.nav.cursor as isize + delta;
                if target >= len as isize && self.journal.more_after {
                    return self.journal_load(Place::After, target - len as isize + 1);
                }
                if target < 0 && self.journal.more_before {
                    return self.journal_load(Place::Before, target);
                }
                self.journal.nav.move_by(delta, len, h);
            }
            Screen::Home => {}
            Screen::Coop(_) => return coop::move_by(self, delta),
            Screen::Savings(_) => return savings::move_by(self, delta),
            Screen::Reports(_) => return reports::move_by(self, delta),
        }
        vec![]
    }

    fn move_to_end(&mut self, last: bool) -> Vec<Effect> {
        let h = self.list_height();
        match self.screen {
            Screen::Journal if self.detail.is_none() => {
                let more = if last {
                    self.journal.more_after
                } else {
                    self.journal.more_before
                };
                if more {
                    return self.journal_load(if last { Place::End } else { Place::Start }, 0);
                }
                let n = self.journal.rows.len();
                if last {
                    self.journal.nav.last(n, h)
                } else {
                    self.journal.nav.first(n, h)
                }
                vec![]
            }
            _ => self.move_by(if last {
                isize::MAX / 4
            } else {
                -(isize::MAX / 4)
            }),
        }
    }

    fn open(&mut self) -> Vec<Effect> {
        let Some(org) = self.org_code() else {
            return vec![];
        };
        if self.detail.is_some() {
            return vec![];
        }
        match self.screen {
            Screen::Accounts => match &self.accounts.ledger {
                Some(l) => match l.lines.get(l.nav.cursor) {
                    Some(line) => vec![Effect::Entry {
                        org,
                        number: line.number,
                    }],
                    None => vec![],
                },
                None => {
                    let vis = self.accounts.visible();
                    let Some(&i) = vis.get(self.accounts.nav.cursor) else {
                        return vec![];
                    };
                    let account = self.accounts.rows[i].clone();
                    let year = self.today.year();
                    let number = account.number.clone();
                    self.accounts.ledger = Some(LedgerView {
                        account,
                        year,
                        opening: Fcfa::ZERO,
                        lines: vec![],
                        nav: ListNav::default(),
                    });
                    vec![Effect::Ledger {
                        org,
                        account: number,
                        year,
                    }]
                }
            },
            Screen::Journal => match self.journal.rows.get(self.journal.nav.cursor) {
                Some(e) => vec![Effect::Entry {
                    org,
                    number: e.entry.number,
                }],
                None => vec![],
            },
            Screen::Coop(_) => coop::open(self),
            Screen::Savings(_) => savings::open(self),
            Screen::Reports(_) => reports::open(self),
            _ => vec![],
        }
    }

    fn back(&mut self) -> Vec<Effect> {
        if self.detail.take().is_some() {
            self.detail_scroll = 0;
            return vec![];
        }
        match self.screen {
            Screen::Accounts if self.accounts.ledger.is_some() => {
                self.accounts.ledger = None;
                vec![]
            }
            Screen::Accounts if !self.accounts.filter.input.is_empty() => {
                self.accounts.filter = ListFilter::default();
                vec![]
            }
            Screen::Journal if !self.journal.filter.is_empty() => {
                self.journal.filter = JournalFilter::default();
                self.journal_load(Place::End, 0)
            }
            Screen::Home => vec![],
            _ => self.goto(Screen::Home),
        }
    }

    fn open_filter(&mut self, field: usize) -> Vec<Effect> {
        if self.screen != Screen::Journal {
            return vec![];
        }
        let f = &self.journal.filter;
        self.popup = Some(Popup::Filter {
            period: Input::with(&f.period, 30),
            account: Input::with(&f.account, 12),
            text: Input::with(&f.text, 100),
            field,
            error: None,
        });
        vec![]
    }

    fn start_reverse(&mut self) -> Vec<Effect> {
        let Some(e) = &self.detail else {
            return vec![];
        };
        if !self.can(Action::Post) {
            self.set_status(Level::Error, crate::t!("tui-read-only"));
            return vec![];
        }
        if let Some(by) = e.reversed_by {
            self.set_status(
                Level::Warn,
                crate::t!(
                    "reverse-already",
                    number = e.entry.number.to_string(),
                    by = by.to_string()
                ),
            );
            return vec![];
        }
        let date = self.today.max(e.entry.date);
        self.popup = Some(Popup::Reverse {
            number: e.entry.number,
            date: Input::with(&crate::i18n::date(date, crate::i18n::lang()), 10),
            reason: Input::new(300),
            field: 1,
            error: None,
        });
        vec![]
    }

    fn post(&mut self) -> Vec<Effect> {
        let Some(org) = self.org_code() else {
            return vec![];
        };
        if !self.can(Action::Post) {
            self.set_status(Level::Error, crate::t!("tui-read-only"));
            return vec![];
        }
        match self.form.build(&self.accounts.rows) {
            Ok(entry) => {
                self.form.error = None;
                vec![Effect::Post { org, entry }]
            }
            Err(e) => {
                self.form.focus = e.focus;
                self.form.error = Some(e);
                vec![]
            }
        }
    }

    fn popup_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let Some(mut popup) = self.popup.take() else {
            return vec![];
        };
        let cmd = self.keymap.lookup(&[Scope::Dialog], &key, true);
        let mut effects = vec![];
        let keep = match &mut popup {
            Popup::Help => false,
            Popup::User(form) => match form.key(cmd, &key) {
                super::users::Outcome::Keep => true,
                super::users::Outcome::Cancel => false,
                super::users::Outcome::Submit(e) => {
                    effects.push(e);
                    false
                }
            },
            Popup::Notice { .. } => !matches!(cmd, Some(Cmd::Confirm | Cmd::Back)),
            Popup::Coop(d) => {
                let (keep, fx) = coop::dialog_key(self, d, cmd, &key);
                effects = fx;
                keep
            }
            Popup::Savings(d) => {
                let (keep, fx) = savings::dialog_key(self, d, cmd, &key);
                effects = fx;
                keep
            }
            Popup::Export(d) => {
                let (keep, fx) = reports::export::dialog_key(self, d, cmd, &key);
                effects = fx;
                keep
            }
            Popup::Confirm(what) => match cmd {
                Some(Cmd::Confirm) => {
                    match what {
                        Confirm::ClosePeriod(m) => {
                            if let Some(org) = self.org_code() {
                                effects.push(Effect::Close { org, month: *m });
                            }
                        }
                        Confirm::QuitUnsaved => {
                            self.quit = true;
                            effects.push(Effect::Quit);
                        }
                        Confirm::SwitchOrg(i) => {
                            let i = *i;
                            self.fresh_form();
                            effects = self.switch_org(i);
                        }
                    }
                    false
                }
                Some(Cmd::Back) => false,
                _ => true,
            },
            Popup::OrgSwitch { filter, nav } => {
                let orgs: Vec<usize> = self.visible_orgs(&filter.value);
                match cmd {
                    Some(Cmd::Back) => false,
                    Some(Cmd::Up) => {
                        nav.move_by(-1, orgs.len(), 10);
                        true
                    }
                    Some(Cmd::Down) => {
                        nav.move_by(1, orgs.len(), 10);
                        true
                    }
                    Some(Cmd::Confirm) => {
                        if let Some(&i) = orgs.get(nav.cursor) {
                            if i != self.org && self.form_dirty() {
                                self.popup = Some(Popup::Confirm(Confirm::SwitchOrg(i)));
                                return vec![];
                            }
                            effects = self.switch_org(i);
                        }
                        false
                    }
                    _ => {
                        filter.handle(&key);
                        nav.clamp(self.visible_orgs(&filter.value).len(), 10);
                        true
                    }
                }
            }
            Popup::Filter {
                period,
                account,
                text,
                field,
                error,
            } => match cmd {
                Some(Cmd::Back) => false,
                Some(Cmd::NextField | Cmd::Down) => {
                    *field = (*field + 1) % 3;
                    true
                }
                Some(Cmd::PrevField | Cmd::Up) => {
                    *field = (*field + 2) % 3;
                    true
                }
                Some(Cmd::Confirm) => {
                    let f = JournalFilter {
                        period: period.value.clone(),
                        account: account.value.clone(),
                        text: text.value.clone(),
                    };
                    match f.query() {
                        Ok(_) => {
                            self.journal.filter = f;
                            self.journal.rows.clear();
                            effects = self.journal_load(Place::End, 0);
                            false
                        }
                        Err((k, v)) => {
                            *error = Some(crate::i18n::tr_args(k, &[("value", v.into())]));
                            *field = if k == "filter-bad-period" { 0 } else { 1 };
                            true
                        }
                    }
                }
                _ => {
                    [period, account, text][*field].handle(&key);
                    *error = None;
                    true
                }
            },
            Popup::ClockDate {
                message,
                date,
                error,
                ..
            } => match cmd {
                Some(Cmd::Back) => {
                    // Later: posting stays refused until it is confirmed.
                    self.set_status(Level::Warn, message.clone());
                    false
                }
                Some(Cmd::Confirm) => match parse_date(&date.value) {
                    Ok(d) => {
                        effects.push(Effect::ConfirmDate(d));
                        true
                    }
                    Err(_) => {
                        *error = Some(crate::t!("form-bad-date", value = date.value.clone()));
                        true
                    }
                },
                _ => {
                    date.handle(&key);
                    *error = None;
                    true
                }
            },
            Popup::Reverse {
                number,
                date,
                reason,
                field,
                error,
            } => match cmd {
                Some(Cmd::Back) => false,
                Some(Cmd::NextField | Cmd::PrevField | Cmd::Up | Cmd::Down) => {
                    *field = 1 - *field;
                    true
                }
                Some(Cmd::Confirm) => match (parse_date(&date.value), reason.is_empty()) {
                    (Err(_), _) => {
                        *error = Some(crate::t!("form-bad-date", value = date.value.clone()));
                        *field = 0;
                        true
                    }
                    (Ok(_), true) => {
                        *error = Some(crate::t!("reverse-reason-required"));
                        *field = 1;
                        true
                    }
                    (Ok(d), false) => match self.org_code() {
                        Some(org) => {
                            effects.push(Effect::Reverse {
                                org,
                                number: *number,
                                date: d,
                                reason: reason.value.trim().to_string(),
                            });
                            false
                        }
                        None => false,
                    },
                },
                _ => {
                    if *field == 0 {
                        date.handle(&key);
                    } else {
                        reason.handle(&key);
                    }
                    *error = None;
                    true
                }
            },
        };
        if keep {
            self.popup = Some(popup);
        }
        effects
    }

    /// Session organisations matching a filter, by index.
    pub fn visible_orgs(&self, filter: &str) -> Vec<usize> {
        let f = fold(filter.trim());
        self.session
            .as_ref()
            .map(|s| {
                s.orgs
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| {
                        f.is_empty()
                            || fold(&o.org.name).contains(&f)
                            || fold(&o.org.code).contains(&f)
                    })
                    .map(|(i, _)| i)
                    .collect()
            })
            .unwrap_or_default()
    }

    fn switch_org(&mut self, i: usize) -> Vec<Effect> {
        if i != self.org {
            self.org = i;
            self.home = None;
            self.accounts = AccountsState::default();
            self.journal = JournalState::default();
            self.periods = PeriodsState::default();
            self.coop = CoopState::default();
            self.sg = SgState::default();
            self.reports = ReportsState::default();
            self.detail = None;
            self.status = None;
            self.fresh_form();
            if matches!(self.screen, Screen::Coop(_)) && !self.is_coop() {
                self.screen = Screen::Home;
            }
            if matches!(self.screen, Screen::Savings(_)) && !self.is_savings() {
                self.screen = Screen::Home;
            }
            if let Screen::Reports(t) = self.screen
                && !reports::tabs(self).contains(&t)
            {
                self.screen = Screen::Reports(RepTab::Balance);
            }
        }
        self.load_screen()
    }

    fn on_mouse(&mut self, m: MouseEvent) -> Vec<Effect> {
        if !self.mouse || !matches!(self.mode, Mode::Main) || self.popup.is_some() {
            return vec![];
        }
        match m.kind {
            MouseEventKind::ScrollDown => self.move_by(3),
            MouseEventKind::ScrollUp => self.move_by(-3),
            MouseEventKind::Down(MouseButton::Left) => {
                if let Some(tab) = layout::tab_at(self, m.column, m.row) {
                    return self.goto(tab);
                }
                if let Some(row) = layout::row_at(self, m.column, m.row) {
                    let nav_cursor = self.current_cursor();
                    if Some(row) == nav_cursor {
                        return self.open();
                    }
                    return self.move_by(row as isize - nav_cursor.unwrap_or(0) as isize);
                }
                vec![]
            }
            _ => vec![],
        }
    }

    /// The selected row of the list on screen, as an index into its rows.
    pub fn current_cursor(&self) -> Option<usize> {
        if self.detail.is_some() {
            return None;
        }
        match self.screen {
            Screen::Accounts => Some(match &self.accounts.ledger {
                Some(l) => l.nav.cursor,
                None => self.accounts.nav.cursor,
            }),
            Screen::Journal => Some(self.journal.nav.cursor),
            Screen::Periods => Some(self.periods.nav.cursor),
            Screen::Users => Some(self.users.nav.cursor),
            Screen::Coop(_) => coop::cursor(self),
            Screen::Savings(_) => savings::cursor(self),
            Screen::Reports(_) => reports::cursor(self),
            _ => None,
        }
    }

    fn on_done(&mut self, done: Done) -> Vec<Effect> {
        let h = self.list_height();
        match done {
            Done::Session(s) => {
                self.session = Some(*s);
                self.org = 0;
                self.mode = Mode::Main;
                self.screen = Screen::Home;
                self.status = self.startup_warning.take();
                if self.current_org().is_none() {
                    self.set_status(Level::Warn, crate::t!("tui-no-org"));
                }
                self.load_screen()
            }
            Done::DateConfirmed(d) => {
                self.today = d;
                self.popup = None;
                self.clock_pending = None;
                self.set_status(
                    Level::Success,
                    crate::t!(
                        "tui-clock-confirmed",
                        date = crate::i18n::date(d, crate::i18n::lang())
                    ),
                );
                self.load_screen()
            }
            Done::DemoReady { hint } => {
                let mut l = LoginForm::new();
                l.hint = Some(hint);
                self.mode = Mode::Login(l);
                vec![]
            }
            Done::Unlocked => {
                self.mode = Mode::Main;
                self.load_screen()
            }
            Done::Overview(o) => {
                self.home = Some(*o);
                vec![]
            }
            Done::Accounts(rows) => {
                self.accounts.rows = rows;
                self.accounts.loaded = true;
                let n = self.accounts.visible().len();
                self.accounts.nav.clamp(n, h);
                vec![]
            }
            Done::Ledger {
                account,
                year,
                opening,
                lines,
            } => {
                if let Some(l) = &mut self.accounts.ledger
                    && l.account.number == account
                {
                    let fresh = l.lines.is_empty();
                    l.year = year;
                    l.opening = opening;
                    l.lines = lines;
                    if fresh {
                        l.nav.last(l.lines.len(), h);
                    } else {
                        l.nav.clamp(l.lines.len(), h);
                    }
                }
                vec![]
            }
            Done::Journal { rows, place } => {
                self.journal_page(rows, place);
                vec![]
            }
            Done::Entry(e) => {
                self.detail = Some(*e);
                self.detail_scroll = 0;
                vec![]
            }
            Done::Posted { number, already } => {
                self.fresh_form();
                self.popup = Some(Popup::Notice {
                    title: crate::t!("posted-title"),
                    text: if already {
                        crate::t!("posted-already", number = number.to_string())
                    } else {
                        crate::t!("posted-number", number = number.to_string())
                    },
                });
                self.journal.loaded = false;
                vec![]
            }
            Done::Reversed { original, reversal } => {
                self.set_status(
                    Level::Success,
                    crate::t!(
                        "reversed-number",
                        number = original.to_string(),
                        by = reversal.to_string()
                    ),
                );
                let mut v = vec![];
                if let Some(org) = self.org_code() {
                    v.push(Effect::Entry {
                        org,
                        number: original,
                    });
                }
                if self.screen == Screen::Journal {
                    v.extend(self.journal_load(Place::End, 0));
                }
                v
            }
            Done::Closes { org, closes, next } => {
                self.periods.closes = closes;
                self.periods.next = next;
                if let Some(s) = &mut self.session
                    && let Some(o) = s.orgs.get_mut(self.org)
                    && o.org.code == org.code
                {
                    o.org = (*org).clone();
                }
                self.periods.org = Some(*org);
                self.periods.loaded = true;
                self.periods.nav.last(self.periods.closes.len(), h);
                vec![]
            }
            Done::Users(rows) => {
                let me = self.session.as_ref().map(|s| s.user.id);
                self.users.rows = if self.is_admin() {
                    rows
                } else {
                    rows.into_iter().filter(|u| Some(u.id) == me).collect()
                };
                self.users.loaded = true;
                self.users.nav.clamp(self.users.rows.len(), h);
                vec![]
            }
            Done::UserSaved(text) => {
                self.set_status(Level::Success, text);
                vec![Effect::Users]
            }
            Done::Coop(d) => coop::on_done(self, *d),
            Done::Savings(d) => savings::on_done(self, *d),
            Done::Reports(d) => reports::on_done(self, *d),
            Done::Closed { through } => {
                self.set_status(
                    Level::Success,
                    crate::t!("periods-closed", month = crate::i18n::month(through)),
                );
                self.load_screen()
            }
        }
    }

    fn journal_page(&mut self, rows: Vec<EntryView>, place: Place) {
        let h = self.list_height();
        let j = &mut self.journal;
        j.loading = false;
        j.loaded = true;
        let full = rows.len() == PAGE;
        let n = rows.len();
        match place {
            Place::Start => {
                j.rows = rows;
                j.more_before = false;
                j.more_after = full;
                j.nav = ListNav::default();
                j.nav.clamp(j.rows.len(), h);
            }
            Place::End => {
                j.rows = rows;
                j.more_after = false;
                j.more_before = full;
                j.nav.last(j.rows.len(), h);
            }
            Place::After => {
                j.more_after = full;
                let at = j.rows.len();
                j.rows.extend(rows);
                let mut cursor = (at as isize - 1 + j.pending.max(1)).max(0) as usize;
                if j.rows.len() > WINDOW {
                    let drop = j.rows.len() - WINDOW;
                    j.rows.drain(..drop);
                    j.more_before = true;
                    cursor = cursor.saturating_sub(drop);
                    j.nav.offset = j.nav.offset.saturating_sub(drop);
                }
                j.nav.cursor = cursor;
                j.nav.clamp(j.rows.len(), h);
            }
            Place::Before => {
                j.more_before = full;
                let mut rows = rows;
                rows.append(&mut j.rows);
                j.rows = rows;
                let cursor = (n as isize + j.pending.min(-1)).max(0) as usize;
                j.nav.offset += n;
                if j.rows.len() > WINDOW {
                    j.rows.truncate(WINDOW);
                    j.more_after = true;
                }
                j.nav.cursor = cursor;
                j.nav.clamp(j.rows.len(), h);
            }
        }
        j.pending = 0;
    }

    fn on_failed(&mut self, effect: Effect, message: String, busy: bool) -> Vec<Effect> {
        if let (Effect::ConfirmDate(_), Some(Popup::ClockDate { error, .. })) =
            (&effect, &mut self.popup)
        {
            *error = Some(message);
            return vec![];
        }
        match (&mut self.mode, &effect) {
            (Mode::Login(l), Effect::Login { .. }) => {
                l.error = Some(message);
                return vec![];
            }
            (Mode::Locked(u), Effect::Unlock { .. }) => {
                u.error = Some(message);
                return vec![];
            }
            (Mode::Wizard(w), _) => {
                w.error = Some(message);
                return vec![];
            }
            _ => {}
        }
        if let Effect::Journal { .. } = effect {
            self.journal.loading = false;
        }
        if let Effect::Coop(e) = &effect
            && coop::on_failed(self, e, &message, busy)
        {
            return vec![];
        }
        if let Effect::Savings(e) = &effect
            && savings::on_failed(self, e, &message, busy)
        {
            return vec![];
        }
        if let Effect::Reports(e) = &effect
            && !busy
            && reports::on_failed(self, e, &message)
        {
            return vec![];
        }
        if busy {
            self.retry = effect.writes().then_some(effect.clone());
            self.set_status(Level::Warn, crate::t!("tui-busy"));
            return vec![];
        }
        self.set_status(Level::Error, message);
        vec![]
    }
}

fn setup(w: &mut Wizard, org: Option<(String, String, OrgKind)>) -> Effect {
    let pass = std::mem::take(&mut w.pass.value);
    w.pass.clear();
    w.pass2.clear();
    Effect::Setup {
        lang: w.lang,
        name: w.name.value.trim().to_string(),
        pass,
        org,
    }
}
