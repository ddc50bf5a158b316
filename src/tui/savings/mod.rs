//! A savings group's own screens: the meeting grid (the heart: a row per
//! member, typed fast, checked as it is typed, closed with a code for the
//! notebook), the loan register, the share-out, the passbooks, the
//! indicators and the members. They sit under one tab of the main bar (the
//! shop's key, F11 or `v`) with a row of their own, like a cooperative's
//! shop. Nothing here does IO: keys become effects (`SgEffect`), which the
//! driver (`driver.rs`) runs through the service layer and feeds back as
//! `SgDone`.

pub mod dialog;
pub mod driver;
pub mod indicators;
pub mod loans;
pub mod meeting;
pub mod members;
pub mod passbook;
pub mod shareout;
pub mod view;

use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use rust_decimal::Decimal;
use serde::Serialize;

use super::app::{App, Effect, FilterKey, Level, Popup, Screen, Status};
use super::keymap::{Cmd, Scope};
use crate::domain::access::Action;
use crate::domain::money::Fcfa;
use crate::domain::savings::{
    Constitution, FineType, InterestMode, MemberRole, RowCheck, RowInput,
};
use crate::service::savings::{
    CloseOutcome, IndicatorsView, LeavePlan, LoanView, MeetingView, Passbook, ShareoutView,
};
use crate::store::{CycleRow, MeetingRow, SgMemberRow};
use dialog::Dialog;

/// A savings group's screens, in the order of their row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SgTab {
    Meeting,
    Loans,
    Shareout,
    Passbook,
    Indicators,
    Members,
}

impl SgTab {
    pub const ALL: [SgTab; 6] = [
        SgTab::Meeting,
        SgTab::Loans,
        SgTab::Shareout,
        SgTab::Passbook,
        SgTab::Indicators,
        SgTab::Members,
    ];

    pub fn cmd(self) -> Cmd {
        match self {
            SgTab::Meeting => Cmd::Shop,
            SgTab::Loans => Cmd::GroupLoans,
            SgTab::Shareout => Cmd::GroupShareout,
            SgTab::Passbook => Cmd::GroupPassbook,
            SgTab::Indicators => Cmd::GroupIndicators,
            SgTab::Members => Cmd::GroupMembers,
        }
    }

    pub fn from_cmd(cmd: Cmd) -> Option<SgTab> {
        SgTab::ALL.into_iter().find(|t| t.cmd() == cmd)
    }

    pub fn title_key(self) -> &'static str {
        match self {
            SgTab::Meeting => "sg-tui-tab-meeting",
            SgTab::Loans => "sg-tui-tab-loans",
            SgTab::Shareout => "sg-tui-tab-shareout",
            SgTab::Passbook => "sg-tui-tab-passbook",
            SgTab::Indicators => "sg-tui-tab-indicators",
            SgTab::Members => "sg-tui-tab-members",
        }
    }
}

/// A value from the service that has no `Eq` of its own (a meeting, a
/// share-out): results compare by their serialized form.
#[derive(Clone, Debug)]
pub struct Data<T>(pub T);

impl<T: Serialize> PartialEq for Data<T> {
    fn eq(&self, other: &Self) -> bool {
        serde_json::to_value(&self.0).ok() == serde_json::to_value(&other.0).ok()
    }
}

impl<T: Serialize> Eq for Data<T> {}

/// Everything a savings group's screens hold.
#[derive(Clone, Debug, Default)]
pub struct SgState {
    /// The group (cycle, meetings, members) was read.
    pub loaded: bool,
    /// The last cycle, shared out or not.
    pub cycle: Option<CycleRow>,
    /// Meetings of the last cycle.
    pub meetings: Vec<MeetingRow>,
    pub members: Vec<SgMemberRow>,
    /// What the books say the two boxes hold: the loan fund, the social
    /// fund.
    pub expected: (Fcfa, Fcfa),
    pub meeting: meeting::MeetingState,
    pub loans: loans::LoansState,
    pub shareout: shareout::ShareoutState,
    pub passbook: passbook::PassbookState,
    pub indicators: indicators::IndicatorsState,
    pub members_tab: members::MembersState,
}

impl SgState {
    /// A row typed and not saved.
    pub fn dirty(&self) -> bool {
        self.meeting.dirty()
    }

    /// A cycle is running (started, not shared out).
    pub fn cycle_open(&self) -> bool {
        self.cycle.as_ref().is_some_and(|c| c.shared_on.is_none())
    }

    /// The meeting open now, if one is.
    pub fn open_meeting(&self) -> Option<&MeetingRow> {
        self.meetings.last().filter(|m| !m.is_closed())
    }

    pub fn member(&self, number: i64) -> Option<&SgMemberRow> {
        self.members.iter().find(|m| m.number == number)
    }
}

// ---- effects and results ---------------------------------------------------

/// A social fund movement, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SocialDraft {
    pub member: String,
    pub kind: String,
    pub amount: Fcfa,
    pub reason: String,
    pub note: String,
    pub term: u32,
}

/// A new member, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberDraft {
    pub number: Option<i64>,
    pub name: String,
    pub phone: String,
    pub role: MemberRole,
    pub joined: NaiveDate,
}

/// A new cycle, as typed: the standard constitution with what the dialog
/// lets change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CycleDraft {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub frequency_days: u32,
    pub share_price: Fcfa,
    pub min_shares: u32,
    pub max_shares: u32,
    pub social_fee: Fcfa,
    pub mode: InterestMode,
    pub rate: Decimal,
    pub multiple: Decimal,
    pub max_term: u32,
    pub fines: Vec<(String, Fcfa)>,
}

impl CycleDraft {
    pub fn constitution(&self) -> Constitution {
        Constitution {
            frequency_days: self.frequency_days,
            share_price: self.share_price,
            min_shares: self.min_shares,
            max_shares: self.max_shares,
            social_fee: self.social_fee,
            interest_mode: self.mode,
            monthly_rate: self.rate,
            max_loan_multiple: self.multiple,
            max_term_months: self.max_term,
            fines: self
                .fines
                .iter()
                .map(|(code, amount)| FineType {
                    code: code.clone(),
                    amount: *amount,
                })
                .collect(),
            ..Constitution::standard()
        }
    }
}

/// What the driver must do for a savings group's screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SgEffect {
    /// The cycle, its meetings, the members, the cash in the books.
    Group {
        org: String,
    },
    /// A meeting of the last cycle (the last one when `number` is None).
    Meeting {
        org: String,
        number: Option<i64>,
    },
    /// A row checked as it is typed, not saved.
    Check {
        org: String,
        member: i64,
        row: RowInput,
    },
    SaveRow {
        org: String,
        member: i64,
        row: RowInput,
    },
    Fill {
        org: String,
    },
    Open {
        org: String,
        date: NaiveDate,
        loan: Fcfa,
        social: Fcfa,
        reason: String,
    },
    Social {
        org: String,
        social: SocialDraft,
    },
    RemoveSocial {
        org: String,
        id: i64,
    },
    Close {
        org: String,
        loan: Fcfa,
        social: Fcfa,
        reason: String,
    },
    Reopen {
        org: String,
        number: i64,
        reason: String,
    },
    Loans {
        org: String,
        at: NaiveDate,
    },
    WriteOff {
        org: String,
        number: i64,
        date: NaiveDate,
        reason: String,
        approvers: Vec<String>,
    },
    Shareout {
        org: String,
        date: NaiveDate,
    },
    PostShareout {
        org: String,
        date: NaiveDate,
    },
    Passbook {
        org: String,
        member: i64,
        at: NaiveDate,
    },
    Indicators {
        org: String,
        at: NaiveDate,
    },
    AddMember {
        org: String,
        member: MemberDraft,
    },
    LeavePreview {
        org: String,
        member: i64,
        date: NaiveDate,
    },
    Leave {
        org: String,
        member: i64,
        date: NaiveDate,
    },
    StartCycle {
        org: String,
        cycle: CycleDraft,
    },
}

impl SgEffect {
    pub fn writes(&self) -> bool {
        matches!(
            self,
            SgEffect::SaveRow { .. }
                | SgEffect::Fill { .. }
                | SgEffect::Open { .. }
                | SgEffect::Social { .. }
                | SgEffect::RemoveSocial { .. }
                | SgEffect::Close { .. }
                | SgEffect::Reopen { .. }
                | SgEffect::WriteOff { .. }
                | SgEffect::PostShareout { .. }
                | SgEffect::AddMember { .. }
                | SgEffect::Leave { .. }
                | SgEffect::StartCycle { .. }
        )
    }

    /// For the log.
    pub fn name(&self) -> &'static str {
        match self {
            SgEffect::Group { .. } => "sg_group",
            SgEffect::Meeting { .. } => "sg_meeting",
            SgEffect::Check { .. } => "sg_check_row",
            SgEffect::SaveRow { .. } => "sg_save_row",
            SgEffect::Fill { .. } => "sg_fill",
            SgEffect::Open { .. } => "sg_open_meeting",
            SgEffect::Social { .. } => "sg_social",
            SgEffect::RemoveSocial { .. } => "sg_remove_social",
            SgEffect::Close { .. } => "sg_close_meeting",
            SgEffect::Reopen { .. } => "sg_reopen_meeting",
            SgEffect::Loans { .. } => "sg_loans",
            SgEffect::WriteOff { .. } => "sg_write_off",
            SgEffect::Shareout { .. } => "sg_shareout",
            SgEffect::PostShareout { .. } => "sg_post_shareout",
            SgEffect::Passbook { .. } => "sg_passbook",
            SgEffect::Indicators { .. } => "sg_indicators",
            SgEffect::AddMember { .. } => "sg_add_member",
            SgEffect::LeavePreview { .. } => "sg_leave_preview",
            SgEffect::Leave { .. } => "sg_leave",
            SgEffect::StartCycle { .. } => "sg_start_cycle",
        }
    }
}

/// What the driver brings back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SgDone {
    Group {
        cycle: Option<Data<CycleRow>>,
        meetings: Vec<MeetingRow>,
        members: Vec<SgMemberRow>,
        expected: (Fcfa, Fcfa),
    },
    /// None: no meeting in the cycle (or no cycle).
    Meeting(Option<Data<MeetingView>>),
    Checked {
        member: i64,
        row: RowInput,
        result: Result<RowCheck, String>,
    },
    Saved {
        member: i64,
        view: Data<MeetingView>,
    },
    Filled(Data<MeetingView>),
    Opened(Data<MeetingView>),
    SocialChanged(Data<MeetingView>),
    Closed(Data<CloseOutcome>),
    Reopened(Data<MeetingView>),
    Loans(Data<Vec<LoanView>>),
    WrittenOff(Data<LoanView>),
    /// A preview, or why there is none (a meeting open, a loss…).
    Shareout(Result<Data<ShareoutView>, String>),
    SharedOut(Data<ShareoutView>),
    Passbook(Data<Passbook>),
    Indicators(Result<Data<IndicatorsView>, String>),
    MemberAdded(SgMemberRow),
    LeavePreview(Data<LeavePlan>),
    Left(Data<LeavePlan>),
    CycleStarted(Data<CycleRow>),
}

// ---- helpers shared by the screens ------------------------------------------

pub(crate) fn set_status(app: &mut App, level: Level, text: String) {
    app.status = Some(Status { level, text });
}

pub(crate) fn org_code(app: &App) -> Option<String> {
    app.current_org().map(|o| o.org.code.clone())
}

pub(crate) fn can_post(app: &App) -> bool {
    app.can(Action::Post)
}

pub(crate) fn can_manage(app: &App) -> bool {
    app.can(Action::ManageAccounts)
}

/// Refuses a write to a role that may only read.
pub(crate) fn refuse_read_only(app: &mut App) -> bool {
    if can_post(app) {
        return false;
    }
    set_status(app, Level::Error, crate::t!("tui-read-only"));
    true
}

/// Opens a dialog over the screen.
pub(crate) fn open_dialog(app: &mut App, d: Dialog) {
    app.popup = Some(Popup::Savings(Box::new(d)));
}

fn close_dialog(app: &mut App) {
    if matches!(app.popup, Some(Popup::Savings(_))) {
        app.popup = None;
    }
}

/// An amount without the currency (`1 500`), blank for zero.
pub(crate) fn amt(f: Fcfa) -> String {
    if f.is_zero() {
        String::new()
    } else {
        f.format_grouped(crate::i18n::lang())
    }
}

/// An amount without the currency, `0` for zero.
pub(crate) fn amt0(f: Fcfa) -> String {
    f.format_grouped(crate::i18n::lang())
}

/// A decimal as the language writes it, to `dp` places at most.
pub(crate) fn decimal(d: Decimal, dp: u32) -> String {
    let s = d
        .round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string();
    match crate::i18n::lang() {
        crate::domain::Lang::Fr => s.replace('.', ","),
        crate::domain::Lang::En => s,
    }
}

/// A fraction as a percentage (`0,2083` → `20,83 %`).
pub(crate) fn pct(d: Decimal) -> String {
    format!(
        "{} %",
        crate::domain::savings::format_pct(d, crate::i18n::lang())
    )
}

/// A short date (`21/11/26`).
pub(crate) fn short_date(d: NaiveDate) -> String {
    match crate::i18n::lang() {
        crate::domain::Lang::Fr => d.format("%d/%m/%y").to_string(),
        crate::domain::Lang::En => d.format("%d %b %y").to_string(),
    }
}

pub(crate) fn role_name(code: &str) -> String {
    crate::i18n::tr(&format!("sg-tui-role-{code}"))
}

pub(crate) fn mode_name(m: InterestMode) -> String {
    crate::i18n::tr(&format!("sg-tui-mode-{}", m.code()))
}

/// A date as typed (`21/11/2026` or `2026-11-21`), or what is wrong.
pub(crate) fn parse_day(s: &str) -> Result<NaiveDate, String> {
    crate::domain::period::parse_date(s.trim())
        .map_err(|_| crate::t!("form-bad-date", value = s.trim().to_string()))
}

fn tab_of(app: &App) -> Option<SgTab> {
    match app.screen {
        Screen::Savings(t) => Some(t),
        _ => None,
    }
}

// ---- the hooks app.rs calls -------------------------------------------------

/// The key scopes of a savings group's screen. A role that only reads gets
/// the screens and their lists, not their writing keys.
pub fn scopes(app: &App, tab: SgTab) -> Vec<Scope> {
    let write = can_post(app);
    let sg = &app.sg;
    let mut v = vec![];
    let no_cycle = sg.loaded && !sg.cycle_open();
    match tab {
        SgTab::Meeting => {
            if meeting::editing(app) {
                return vec![Scope::Meeting, Scope::Group, Scope::Global];
            }
            if write && no_cycle {
                v.push(Scope::Cycle);
            } else if write {
                v.push(Scope::Meetings);
            }
        }
        SgTab::Shareout if write && no_cycle => v.push(Scope::Cycle),
        SgTab::Shareout if write => v.push(Scope::Shareout),
        SgTab::Loans if write => v.push(Scope::Loans),
        SgTab::Members if write => v.push(Scope::GroupMembers),
        _ => {}
    }
    v.push(Scope::Group);
    v.push(Scope::Browse);
    v.push(Scope::Global);
    v
}

/// The writing commands, withheld from a role that only reads.
pub fn withheld_commands(app: &App, _tab: SgTab) -> Vec<Cmd> {
    let mut v = vec![];
    if !can_post(app) {
        v.extend([
            Cmd::SgSaveRow,
            Cmd::SgFill,
            Cmd::SgSocial,
            Cmd::SgClose,
            Cmd::SgOpen,
            Cmd::SgReopen,
            Cmd::SgPostShareout,
            Cmd::SgWriteOff,
            Cmd::SgMemberLeave,
        ]);
    }
    if !can_manage(app) {
        v.extend([Cmd::SgMemberAdd, Cmd::SgStartCycle]);
    }
    v
}

/// Whether a field of the screen has the keyboard.
pub fn typing(app: &App, tab: SgTab) -> bool {
    match tab {
        SgTab::Meeting => meeting::editing(app),
        SgTab::Passbook => app.sg.passbook.book.is_none() && app.sg.passbook.filter.active,
        SgTab::Members => app.sg.members_tab.filter.active,
        SgTab::Loans => app.sg.loans.detail.is_none() && app.sg.loans.filter.active,
        _ => false,
    }
}

/// Commands whose keys do nothing on the screen as it is.
pub fn idle_commands(app: &App, tab: SgTab) -> Vec<Cmd> {
    let sg = &app.sg;
    let mut v = vec![];
    let filter = match tab {
        SgTab::Passbook => sg.passbook.book.is_some(),
        SgTab::Members => false,
        SgTab::Loans => sg.loans.detail.is_some(),
        _ => true,
    };
    if filter {
        v.push(Cmd::Filter);
    }
    match tab {
        SgTab::Meeting => v.extend(meeting::idle(app)),
        SgTab::Loans if sg.loans.rows.is_empty() || sg.loans.detail.is_some() => {
            v.push(Cmd::SgWriteOff)
        }
        SgTab::Shareout if sg.shareout.view.is_none() => v.push(Cmd::SgPostShareout),
        SgTab::Members if sg.members.is_empty() => v.push(Cmd::SgMemberLeave),
        _ => {}
    }
    let no_open = match tab {
        SgTab::Indicators | SgTab::Shareout | SgTab::Members => true,
        SgTab::Loans => sg.loans.detail.is_some(),
        SgTab::Passbook => sg.passbook.member.is_some(),
        SgTab::Meeting => false,
    };
    if no_open {
        v.push(Cmd::Open);
    }
    v
}

/// The first lines of the body above a screen's list, and the last ones
/// below it.
pub fn list_rows(app: &App, tab: SgTab) -> (u16, u16) {
    match tab {
        SgTab::Meeting => meeting::list_rows(app),
        SgTab::Loans if app.sg.loans.detail.is_some() => (4, 1),
        SgTab::Loans => (2, 1),
        SgTab::Shareout => (6, 2),
        SgTab::Passbook if app.sg.passbook.book.is_some() => (3, 3),
        SgTab::Passbook => (2, 1),
        SgTab::Indicators => (1, 0),
        SgTab::Members => (2, 1),
    }
}

/// The list on screen: its cursor, its scroll and its length.
fn nav_of(app: &mut App) -> Option<(&mut super::input::ListNav, usize)> {
    let tab = tab_of(app)?;
    let sg = &mut app.sg;
    Some(match tab {
        SgTab::Loans => match sg.loans.detail {
            Some(_) => {
                let n = loans::detail_len(sg);
                (&mut sg.loans.detail_nav, n)
            }
            None => {
                let n = loans::visible(sg).len();
                (&mut sg.loans.nav, n)
            }
        },
        SgTab::Shareout => {
            let n = sg.shareout.view.as_ref().map_or(0, |v| v.plan.lines.len());
            (&mut sg.shareout.nav, n)
        }
        SgTab::Passbook => match &sg.passbook.book {
            Some(b) => {
                let n = b.lines.len();
                (&mut sg.passbook.lines_nav, n)
            }
            None => {
                let n = passbook::visible(sg).len();
                (&mut sg.passbook.nav, n)
            }
        },
        SgTab::Members => {
            let n = members::visible(sg).len();
            (&mut sg.members_tab.nav, n)
        }
        SgTab::Meeting | SgTab::Indicators => return None,
    })
}

fn nav_info(app: &App) -> Option<(super::input::ListNav, usize)> {
    let sg = &app.sg;
    Some(match tab_of(app)? {
        SgTab::Loans => match sg.loans.detail {
            Some(_) => (sg.loans.detail_nav, loans::detail_len(sg)),
            None => (sg.loans.nav, loans::visible(sg).len()),
        },
        SgTab::Shareout => (
            sg.shareout.nav,
            sg.shareout.view.as_ref().map_or(0, |v| v.plan.lines.len()),
        ),
        SgTab::Passbook => match &sg.passbook.book {
            Some(b) => (sg.passbook.lines_nav, b.lines.len()),
            None => (sg.passbook.nav, passbook::visible(sg).len()),
        },
        SgTab::Members => (sg.members_tab.nav, members::visible(sg).len()),
        SgTab::Meeting => {
            let m = &sg.meeting;
            let n = m.view.as_ref().map_or(0, |v| v.rows.len());
            (
                super::input::ListNav {
                    cursor: m.row,
                    offset: m.offset,
                },
                n,
            )
        }
        SgTab::Indicators => return None,
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
    meeting::clamp(app);
}

pub fn move_by(app: &mut App, delta: isize) -> Vec<Effect> {
    if tab_of(app) == Some(SgTab::Meeting) {
        return meeting::move_by(app, delta);
    }
    let h = app.list_height();
    if let Some((nav, len)) = nav_of(app) {
        nav.move_by(delta, len, h);
    }
    vec![]
}

/// Loads what a savings group's screen shows.
pub fn load(app: &mut App, tab: SgTab, org: String) -> Vec<Effect> {
    let mut v = vec![SgEffect::Group { org: org.clone() }];
    let today = app.today;
    match tab {
        SgTab::Meeting => v.push(SgEffect::Meeting {
            org,
            number: app.sg.meeting.number,
        }),
        SgTab::Loans => v.push(SgEffect::Loans { org, at: today }),
        SgTab::Shareout => v.push(SgEffect::Shareout { org, date: today }),
        SgTab::Passbook => {
            if let Some(m) = app.sg.passbook.member {
                v.push(SgEffect::Passbook {
                    org,
                    member: m,
                    at: today,
                });
            }
        }
        SgTab::Indicators => v.push(SgEffect::Indicators { org, at: today }),
        SgTab::Members => {}
    }
    v.into_iter().map(Effect::Savings).collect()
}

/// The commands a savings group's screen handles; `None` leaves the
/// command to the rest of the interface.
pub fn run(app: &mut App, cmd: Cmd) -> Option<Vec<Effect>> {
    // Moving between the group's screens.
    if let Some(tab) = SgTab::from_cmd(cmd) {
        if !app.is_savings() {
            return None;
        }
        app.detail = None;
        app.status = None;
        app.screen = Screen::Savings(tab);
        return Some(app.load_screen());
    }
    let tab = tab_of(app)?;
    if app.detail.is_some() {
        return None;
    }
    if cmd == Cmd::SgStartCycle {
        return Some(start_cycle(app));
    }
    match tab {
        SgTab::Meeting => meeting::run(app, cmd),
        SgTab::Loans => loans::run(app, cmd),
        SgTab::Shareout => shareout::run(app, cmd),
        SgTab::Passbook => passbook::run(app, cmd),
        SgTab::Indicators => list_keys(app, cmd),
        SgTab::Members => members::run(app, cmd),
    }
}

/// The list keys every list screen shares.
pub(crate) fn list_keys(app: &mut App, cmd: Cmd) -> Option<Vec<Effect>> {
    let h = app.list_height() as isize;
    Some(match cmd {
        Cmd::Up => move_by(app, -1),
        Cmd::Down => move_by(app, 1),
        Cmd::PageUp => move_by(app, -h.max(1)),
        Cmd::PageDown => move_by(app, h.max(1)),
        Cmd::First => move_by(app, -(isize::MAX / 4)),
        Cmd::Last => move_by(app, isize::MAX / 4),
        _ => return None,
    })
}

/// The dialog to start a cycle (the standard constitution, to adjust).
fn start_cycle(app: &mut App) -> Vec<Effect> {
    if refuse_read_only(app) {
        return vec![];
    }
    if app.sg.cycle_open() {
        set_status(app, Level::Info, crate::t!("sg-tui-cycle-running"));
        return vec![];
    }
    let start = match &app.sg.cycle {
        Some(c) => c.shared_on.map_or(app.today, |d| d.max(app.today)),
        None => app.today,
    };
    open_dialog(app, Dialog::start_cycle(start));
    vec![]
}

/// Enter (or a second click) on a row.
pub fn open(app: &mut App) -> Vec<Effect> {
    match tab_of(app) {
        Some(SgTab::Meeting) => meeting::open(app),
        Some(SgTab::Loans) => loans::open(app),
        Some(SgTab::Passbook) => passbook::open(app),
        _ => vec![],
    }
}

/// Leaves the screen for the home screen.
pub(crate) fn go_home(app: &mut App) -> Vec<Effect> {
    app.status = None;
    app.screen = Screen::Home;
    app.load_screen()
}

/// A list filter being typed keeps the keyboard until Enter or Esc.
pub fn filter_key(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    if app.detail.is_some() || app.popup.is_some() {
        return None;
    }
    let filter = match app.screen {
        Screen::Savings(SgTab::Passbook) if app.sg.passbook.book.is_none() => {
            &mut app.sg.passbook.filter
        }
        Screen::Savings(SgTab::Members) => &mut app.sg.members_tab.filter,
        Screen::Savings(SgTab::Loans) if app.sg.loans.detail.is_none() => &mut app.sg.loans.filter,
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
        Some(SgTab::Meeting) if meeting::editing(app) => meeting::text_key(app, key),
        _ => vec![],
    }
}

/// A key in a savings group's dialog: whether it stays open, and the
/// effects.
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
            (true, vec![Effect::Savings(e)])
        }
    }
}

/// Everything the screens show, read again after a write.
fn reload(app: &mut App) -> Vec<Effect> {
    app.journal.loaded = false;
    app.home = None;
    match org_code(app) {
        Some(org) => match tab_of(app) {
            Some(t) => load(app, t, org),
            None => vec![Effect::Savings(SgEffect::Group { org })],
        },
        None => vec![],
    }
}

/// A result for a savings group's screen.
pub fn on_done(app: &mut App, done: SgDone) -> Vec<Effect> {
    let lg = crate::i18n::lang();
    match done {
        SgDone::Group {
            cycle,
            meetings,
            members,
            expected,
        } => {
            let sg = &mut app.sg;
            sg.cycle = cycle.map(|c| c.0);
            sg.meetings = meetings;
            sg.members = members;
            sg.expected = expected;
            sg.loaded = true;
            clamp(app);
            vec![]
        }
        SgDone::Meeting(v) => {
            meeting::loaded(app, v.map(|d| d.0));
            vec![]
        }
        SgDone::Checked {
            member,
            row,
            result,
        } => {
            meeting::checked(app, member, row, result);
            vec![]
        }
        SgDone::Saved { member, view } => meeting::saved(app, member, view.0),
        SgDone::Filled(v) => {
            let before = app
                .sg
                .meeting
                .view
                .as_ref()
                .map_or(0, |v| v.rows.iter().filter(|r| r.saved).count());
            let after = v.0.rows.iter().filter(|r| r.saved).count();
            app.sg.meeting.busy = false;
            meeting::loaded(app, Some(v.0));
            set_status(
                app,
                Level::Success,
                crate::t!("sg-tui-filled", count = after.saturating_sub(before) as i64),
            );
            vec![]
        }
        SgDone::Opened(v) => {
            close_dialog(app);
            let text = crate::t!(
                "sg-tui-opened",
                number = v.0.meeting.number,
                date = crate::i18n::date(v.0.meeting.date, lg)
            );
            app.sg.meeting.number = None;
            app.sg.meeting.row = 0;
            app.sg.meeting.col = meeting::FIRST_COL;
            meeting::loaded(app, Some(v.0));
            set_status(app, Level::Success, text);
            reload(app)
        }
        SgDone::SocialChanged(v) => {
            close_dialog(app);
            meeting::loaded(app, Some(v.0));
            set_status(app, Level::Success, crate::t!("sg-tui-social-saved"));
            vec![]
        }
        SgDone::Closed(out) => {
            close_dialog(app);
            let out = out.0;
            open_dialog(app, Dialog::code(&out));
            app.sg.meeting.edits.clear();
            set_status(
                app,
                Level::Success,
                crate::t!(
                    "sg-tui-closed",
                    number = out.meeting,
                    code = out.code.clone()
                ),
            );
            reload(app)
        }
        SgDone::Reopened(v) => {
            close_dialog(app);
            let text = crate::t!("sg-tui-reopened", number = v.0.meeting.number);
            app.sg.meeting.number = None;
            meeting::loaded(app, Some(v.0));
            set_status(app, Level::Success, text);
            reload(app)
        }
        SgDone::Loans(rows) => {
            loans::loaded(app, rows.0);
            vec![]
        }
        SgDone::WrittenOff(l) => {
            close_dialog(app);
            set_status(
                app,
                Level::Success,
                crate::t!(
                    "sg-tui-written-off",
                    number = l.0.loan.number,
                    name = l.0.name.clone(),
                    amount = l.0.loan.written_off.unwrap_or(Fcfa::ZERO).format(lg)
                ),
            );
            reload(app)
        }
        SgDone::Shareout(r) => {
            let s = &mut app.sg.shareout;
            s.loaded = true;
            match r {
                Ok(v) => {
                    s.view = Some(v.0);
                    s.error = None;
                }
                Err(e) => {
                    s.view = None;
                    s.error = Some(e);
                }
            }
            clamp(app);
            vec![]
        }
        SgDone::SharedOut(v) => {
            close_dialog(app);
            set_status(
                app,
                Level::Success,
                crate::t!(
                    "sg-tui-shared-out",
                    cycle = v.0.cycle,
                    amount = v.0.plan.total_payout.format(lg),
                    entry = v.0.entry.clone().unwrap_or_default()
                ),
            );
            app.sg.shareout.view = Some(v.0);
            reload(app)
        }
        SgDone::Passbook(b) => {
            let p = &mut app.sg.passbook;
            if p.member == Some(b.0.member.number) {
                let fresh = p.book.is_none();
                p.book = Some(b.0);
                p.error = None;
                let h = app.list_height();
                let p = &mut app.sg.passbook;
                let n = p.book.as_ref().map_or(0, |b| b.lines.len());
                if fresh {
                    p.lines_nav.last(n, h);
                } else {
                    p.lines_nav.clamp(n, h);
                }
            }
            vec![]
        }
        SgDone::Indicators(r) => {
            let s = &mut app.sg.indicators;
            s.loaded = true;
            match r {
                Ok(v) => {
                    s.view = Some(v.0);
                    s.error = None;
                }
                Err(e) => {
                    s.view = None;
                    s.error = Some(e);
                }
            }
            vec![]
        }
        SgDone::MemberAdded(m) => {
            close_dialog(app);
            set_status(
                app,
                Level::Success,
                crate::t!(
                    "sg-tui-member-added",
                    number = m.number,
                    name = m.name.clone()
                ),
            );
            reload(app)
        }
        SgDone::LeavePreview(plan) => {
            open_dialog(app, Dialog::leave(&plan.0));
            vec![]
        }
        SgDone::Left(plan) => {
            close_dialog(app);
            set_status(
                app,
                Level::Success,
                crate::t!(
                    "sg-tui-left",
                    name = plan.0.name.clone(),
                    amount = plan.0.payout.format(lg)
                ),
            );
            reload(app)
        }
        SgDone::CycleStarted(c) => {
            close_dialog(app);
            set_status(
                app,
                Level::Success,
                crate::t!(
                    "sg-tui-cycle-started",
                    number = c.0.number,
                    date = crate::i18n::date(c.0.start, lg)
                ),
            );
            app.sg.meeting = meeting::MeetingState::default();
            app.sg.shareout = shareout::ShareoutState::default();
            reload(app)
        }
    }
}

/// A refusal: shown where it was asked for, and nothing typed is lost.
/// Returns whether it was shown there (then the status line stays quiet).
pub fn on_failed(app: &mut App, effect: &SgEffect, message: &str, busy: bool) -> bool {
    let text = if busy {
        crate::t!("sg-tui-busy")
    } else {
        message.to_string()
    };
    if let Some(Popup::Savings(d)) = &mut app.popup
        && d.pending
    {
        d.pending = false;
        d.error = Some(text);
        return true;
    }
    match effect {
        SgEffect::SaveRow { member, .. } => {
            meeting::save_failed(app, *member, text);
            true
        }
        SgEffect::Fill { .. } => {
            app.sg.meeting.busy = false;
            app.sg.meeting.error = Some(text);
            true
        }
        SgEffect::Passbook { .. } => {
            app.sg.passbook.error = Some(text);
            true
        }
        _ => false,
    }
}
