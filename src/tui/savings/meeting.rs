//! The meeting: one grid, a row per member, typed as fast as on paper.
//! Attendance (`p`, `a`, `r`), social fund, shares, repayment, fines levied
//! and paid, new loan and its term: type a number, Tab to the next cell,
//! Enter saves the row and goes to the next member (same column). Rows not
//! saved yet show the common case dimmed; Ctrl+F saves it for all of them.
//! Each change is checked by the ledger as it is typed (nothing is saved):
//! the error or the warning shows under the grid, with her savings, her
//! loan and the repayment's split. The totals of the meeting and the
//! expected cash of both boxes stay on screen. F8 closes the meeting
//! (counts, then the closing code); a closed meeting shows read-only, and
//! the last one can be reopened (`x`, with a reason).

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::super::app::{App, Effect, Level};
use super::super::input::Input;
use super::super::keymap::Cmd;
use super::super::theme::Role;
use super::super::view::{field_text, fit, header, loading, rfit, set_cursor_w};
use super::dialog::Dialog;
use super::{
    SgEffect, amt, amt0, can_post, go_home, open_dialog, org_code, refuse_read_only, set_status,
    short_date,
};
use crate::domain::ledger::EntryNumber;
use crate::domain::money::{self, Fcfa};
use crate::domain::savings::{Attendance, Constitution, RowCheck, RowInput};
use crate::domain::text::fold;
use crate::i18n::{lang, tr};
use crate::service::savings::{GridRow, MeetingView};
use crate::t;

/// The typed columns, in Tab order.
pub const COL_ATT: usize = 0;
pub const COL_SOCIAL: usize = 1;
pub const COL_SHARES: usize = 2;
pub const COL_REPAY: usize = 3;
pub const COL_FINE: usize = 4;
pub const COL_PAID: usize = 5;
pub const COL_LOAN: usize = 6;
pub const COL_TERM: usize = 7;
pub const NCOLS: usize = 8;
/// Where the cursor starts in a new meeting: the roll call.
pub const FIRST_COL: usize = COL_ATT;

/// A member's row as it is being typed (kept until saved or dropped with
/// Esc, even when the cursor goes to another row).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowEdit {
    pub attendance: Attendance,
    /// Social, shares, repayment, fine, fine paid, loan, term.
    pub cells: Vec<Input>,
    /// Something was typed.
    pub dirty: bool,
    /// The row last sent to be checked, and the answer.
    pub checked: Option<RowInput>,
    pub check: Option<Result<RowCheck, String>>,
    /// A cell does not read: which, and why.
    pub invalid: Option<(usize, String)>,
    /// The ledger refused to save it.
    pub error: Option<String>,
}

fn plain(f: Fcfa) -> String {
    if f.is_zero() {
        String::new()
    } else {
        f.francs().to_string()
    }
}

impl RowEdit {
    pub fn from_input(r: &RowInput) -> RowEdit {
        let texts = [
            plain(r.social),
            if r.shares == 0 {
                String::new()
            } else {
                r.shares.to_string()
            },
            plain(r.repay),
            plain(r.fine_levied),
            plain(r.fine_paid),
            plain(r.new_loan),
            if r.loan_term == 0 {
                String::new()
            } else {
                r.loan_term.to_string()
            },
        ];
        RowEdit {
            attendance: r.attendance,
            cells: texts.iter().map(|t| Input::offer(t, 40)).collect(),
            dirty: false,
            checked: None,
            check: None,
            invalid: None,
            error: None,
        }
    }

    /// The text of a typed column (not the attendance).
    pub fn text(&self, col: usize) -> &str {
        self.cells
            .get(col.wrapping_sub(1))
            .map_or("", |i| i.value.as_str())
    }

    /// The row as the service receives it, or the column that does not
    /// read and why.
    pub fn parse(&self, c: &Constitution) -> Result<RowInput, (usize, String)> {
        let msg = |e: &dyn crate::domain::Message| crate::i18n::message(e);
        let money_at = |col: usize| -> Result<Fcfa, (usize, String)> {
            let t = self.text(col).trim();
            if t.is_empty() {
                return Ok(Fcfa::ZERO);
            }
            money::parse(t).map_err(|e| (col, msg(&e)))
        };
        let fines_at = |col: usize| -> Result<Fcfa, (usize, String)> {
            c.parse_fines(self.text(col)).map_err(|e| (col, msg(&e)))
        };
        let count_at = |col: usize, key: &str| -> Result<u32, (usize, String)> {
            let t = self.text(col).trim();
            if t.is_empty() {
                return Ok(0);
            }
            t.parse::<u32>()
                .map_err(|_| (col, crate::t!(key, value = t.to_string())))
        };
        Ok(RowInput {
            attendance: self.attendance,
            social: money_at(COL_SOCIAL)?,
            shares: count_at(COL_SHARES, "sg-tui-bad-shares")?,
            repay: money_at(COL_REPAY)?,
            fine_levied: fines_at(COL_FINE)?,
            fine_paid: fines_at(COL_PAID)?,
            new_loan: money_at(COL_LOAN)?,
            loan_term: count_at(COL_TERM, "sg-tui-bad-term")?,
        })
    }

    /// A new attendance: to or from absent, the row takes that case's
    /// usual values; present and represented keep what was typed.
    fn set_attendance(&mut self, a: Attendance, c: &Constitution) {
        if a == self.attendance {
            return;
        }
        let was = self.attendance;
        if a.counts() != was.counts() {
            let base = if a.counts() {
                RowInput::default_for(c)
            } else {
                RowInput::absent(c)
            };
            let fresh = RowEdit::from_input(&RowInput {
                attendance: a,
                ..base
            });
            self.cells = fresh.cells;
        }
        self.attendance = a;
    }

    fn has_error(&self) -> bool {
        self.invalid.is_some() || self.error.is_some() || matches!(self.check, Some(Err(_)))
    }
}

#[derive(Clone, Debug, Default)]
pub struct MeetingState {
    pub view: Option<MeetingView>,
    pub loaded: bool,
    /// The meeting shown: None for the last one.
    pub number: Option<i64>,
    /// The row (an index into the view's rows) and the column of the cursor.
    pub row: usize,
    pub col: usize,
    /// The first row on screen.
    pub offset: usize,
    /// Rows being typed, by member number.
    pub edits: BTreeMap<i64, RowEdit>,
    /// A row sent to be saved, waiting for the ledger.
    pub saving: Option<i64>,
    /// The default rows sent to be saved.
    pub busy: bool,
    /// What went wrong with the whole grid.
    pub error: Option<String>,
}

impl MeetingState {
    pub fn dirty(&self) -> bool {
        self.edits.values().any(|e| e.dirty)
    }

    fn current(&self) -> Option<&GridRow> {
        self.view.as_ref()?.rows.get(self.row)
    }

    /// The member number of the row under the cursor.
    pub fn current_member(&self) -> Option<i64> {
        self.current().map(|r| r.member.number)
    }
}

/// The open meeting's grid has the keyboard.
pub fn editing(app: &App) -> bool {
    can_post(app) && app.sg.meeting.view.as_ref().is_some_and(|v| !v.closed)
}

// ---- geometry -----------------------------------------------------------------

/// Lines under the grid: the selected row (one line of who she is, two of
/// what the row does) and the totals.
const DETAIL_ROWS: u16 = 3;

/// Rows above the grid (the screens' row, the title, the column heads) and
/// below it.
pub fn list_rows(app: &App) -> (u16, u16) {
    match &app.sg.meeting.view {
        Some(v) => {
            let totals = totals_lines(v, app.size.0 as usize).len() as u16;
            (3, DETAIL_ROWS + totals)
        }
        None => (1, 0),
    }
}

pub fn clamp(app: &mut App) {
    let h = app.list_height();
    let m = &mut app.sg.meeting;
    let n = m.view.as_ref().map_or(0, |v| v.rows.len());
    if n == 0 {
        m.row = 0;
        m.offset = 0;
        return;
    }
    m.row = m.row.min(n - 1);
    if m.row < m.offset {
        m.offset = m.row;
    }
    if m.row >= m.offset + h {
        m.offset = m.row + 1 - h;
    }
    m.offset = m.offset.min(n.saturating_sub(h));
    m.col = m.col.min(NCOLS - 1);
}

/// The cell under the cursor offers its value again: typing replaces it.
fn reoffer(app: &mut App) {
    let m = &mut app.sg.meeting;
    let col = m.col;
    if let Some(member) = m.current_member()
        && let Some(e) = m.edits.get_mut(&member)
        && col > 0
        && let Some(i) = e.cells.get_mut(col - 1)
    {
        i.offered = true;
        i.cursor = i.value.chars().count();
    }
}

pub fn move_by(app: &mut App, delta: isize) -> Vec<Effect> {
    let n = app.sg.meeting.view.as_ref().map_or(0, |v| v.rows.len());
    if n == 0 {
        return vec![];
    }
    let m = &mut app.sg.meeting;
    m.row = (m.row as isize + delta).clamp(0, n as isize - 1) as usize;
    clamp(app);
    reoffer(app);
    vec![]
}

// ---- results ---------------------------------------------------------------------

/// A meeting read from the ledger (None: none in the cycle).
pub fn loaded(app: &mut App, v: Option<MeetingView>) {
    let m = &mut app.sg.meeting;
    let same = match (&m.view, &v) {
        (Some(a), Some(b)) => a.cycle == b.cycle && a.meeting.number == b.meeting.number,
        _ => false,
    };
    if !same {
        m.edits.clear();
        m.row = 0;
        m.offset = 0;
        m.col = FIRST_COL;
    }
    // Edits of rows the view no longer has go.
    if let Some(view) = &v {
        m.edits
            .retain(|n, _| view.rows.iter().any(|r| r.member.number == *n));
        if view.closed {
            m.edits.clear();
        }
    }
    m.view = v;
    m.loaded = true;
    m.error = None;
    clamp(app);
}

pub fn checked(app: &mut App, member: i64, row: RowInput, result: Result<RowCheck, String>) {
    if let Some(e) = app.sg.meeting.edits.get_mut(&member)
        && e.checked.as_ref() == Some(&row)
    {
        e.check = Some(result);
    }
}

/// A row was saved: the next member's row comes up, same column.
pub fn saved(app: &mut App, member: i64, view: MeetingView) -> Vec<Effect> {
    let m = &mut app.sg.meeting;
    m.saving = None;
    m.edits.remove(&member);
    let here = m.current_member() == Some(member);
    let name = view
        .rows
        .iter()
        .find(|r| r.member.number == member)
        .map(|r| r.member.name.clone())
        .unwrap_or_default();
    loaded(app, Some(view));
    if here {
        move_by(app, 1);
    }
    set_status(
        app,
        Level::Success,
        t!("sg-tui-row-saved", number = member, name = name),
    );
    vec![]
}

pub fn save_failed(app: &mut App, member: i64, text: String) {
    let m = &mut app.sg.meeting;
    m.saving = None;
    let input = m
        .view
        .as_ref()
        .and_then(|v| v.rows.iter().find(|r| r.member.number == member))
        .map(|r| r.input.clone());
    if let Some(input) = input {
        let e = m
            .edits
            .entry(member)
            .or_insert_with(|| RowEdit::from_input(&input));
        e.error = Some(text);
    } else {
        m.error = Some(text);
    }
}

// ---- keys -----------------------------------------------------------------------

/// The row under the cursor, being typed (made from what it shows when the
/// first key comes).
fn edit_here(app: &mut App) -> Option<(i64, &mut RowEdit)> {
    let m = &mut app.sg.meeting;
    let row = m.current()?;
    let member = row.member.number;
    let input = row.input.clone();
    let e = m
        .edits
        .entry(member)
        .or_insert_with(|| RowEdit::from_input(&input));
    Some((member, e))
}

/// Reads the row being typed and asks the ledger to check it.
fn revalidate(app: &mut App, member: i64) -> Vec<Effect> {
    let Some(c) = app.sg.meeting.view.as_ref().map(|v| v.constitution.clone()) else {
        return vec![];
    };
    let Some(org) = org_code(app) else {
        return vec![];
    };
    let Some(e) = app.sg.meeting.edits.get_mut(&member) else {
        return vec![];
    };
    match e.parse(&c) {
        Err(bad) => {
            e.invalid = Some(bad);
            e.checked = None;
            e.check = None;
            vec![]
        }
        Ok(row) => {
            e.invalid = None;
            if e.checked.as_ref() == Some(&row) {
                return vec![];
            }
            e.checked = Some(row.clone());
            e.check = None;
            vec![Effect::Savings(SgEffect::Check { org, member, row })]
        }
    }
}

/// A key typed into the cell under the cursor.
pub fn text_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    let col = app.sg.meeting.col;
    let Some(c) = app.sg.meeting.view.as_ref().map(|v| v.constitution.clone()) else {
        return vec![];
    };
    let Some((member, e)) = edit_here(app) else {
        return vec![];
    };
    if col == COL_ATT {
        let order = [
            Attendance::Present,
            Attendance::Absent,
            Attendance::Represented,
        ];
        let i = order.iter().position(|a| *a == e.attendance).unwrap_or(0);
        let next = match key.code {
            KeyCode::Char(ch) => match fold(&ch.to_string()).as_str() {
                "p" => Some(Attendance::Present),
                "a" => Some(Attendance::Absent),
                "r" => Some(Attendance::Represented),
                " " => Some(order[(i + 1) % 3]),
                _ => None,
            },
            KeyCode::Right => Some(order[(i + 1) % 3]),
            KeyCode::Left => Some(order[(i + 2) % 3]),
            _ => None,
        };
        let Some(a) = next else {
            return vec![];
        };
        e.set_attendance(a, &c);
    } else {
        let Some(inp) = e.cells.get_mut(col - 1) else {
            return vec![];
        };
        let before = inp.value.clone();
        if !inp.handle(key) || inp.value == before {
            return vec![];
        }
    }
    e.dirty = true;
    e.error = None;
    app.sg.meeting.error = None;
    revalidate(app, member)
}

/// Enter: saves the row under the cursor (as typed, or as shown).
fn save(app: &mut App) -> Vec<Effect> {
    if refuse_read_only(app) || app.sg.meeting.saving.is_some() {
        return vec![];
    }
    let Some(org) = org_code(app) else {
        return vec![];
    };
    let m = &mut app.sg.meeting;
    let Some(v) = &m.view else {
        return vec![];
    };
    let Some(row) = v.rows.get(m.row) else {
        return vec![];
    };
    let member = row.member.number;
    let input = match m.edits.get_mut(&member) {
        Some(e) => match e.parse(&v.constitution) {
            Ok(r) => r,
            Err((col, msg)) => {
                e.invalid = Some((col, msg));
                m.col = col;
                return vec![];
            }
        },
        None => row.input.clone(),
    };
    m.saving = Some(member);
    vec![Effect::Savings(SgEffect::SaveRow {
        org,
        member,
        row: input,
    })]
}

fn fill(app: &mut App) -> Vec<Effect> {
    if refuse_read_only(app) || app.sg.meeting.busy {
        return vec![];
    }
    let Some(org) = org_code(app) else {
        return vec![];
    };
    let missing = app
        .sg
        .meeting
        .view
        .as_ref()
        .map_or(0, |v| v.rows.iter().filter(|r| !r.saved).count());
    if missing == 0 {
        set_status(app, Level::Info, tr("sg-tui-nothing-to-fill"));
        return vec![];
    }
    app.sg.meeting.busy = true;
    vec![Effect::Savings(SgEffect::Fill { org })]
}

/// The meeting's commands; `None` leaves the command to the rest.
pub fn run(app: &mut App, cmd: Cmd) -> Option<Vec<Effect>> {
    if editing(app) {
        let h = app.list_height() as isize;
        return Some(match cmd {
            Cmd::NextField | Cmd::PrevField => {
                let m = &mut app.sg.meeting;
                m.col = if cmd == Cmd::NextField {
                    (m.col + 1) % NCOLS
                } else {
                    (m.col + NCOLS - 1) % NCOLS
                };
                reoffer(app);
                vec![]
            }
            Cmd::Up => move_by(app, -1),
            Cmd::Down => move_by(app, 1),
            Cmd::PageUp => move_by(app, -h.max(1)),
            Cmd::PageDown => move_by(app, h.max(1)),
            Cmd::SgSaveRow => save(app),
            Cmd::SgFill => fill(app),
            Cmd::SgSocial => {
                let d = Dialog::social(app);
                open_dialog(app, d);
                vec![]
            }
            Cmd::SgClose => {
                let d = Dialog::close(app);
                if let Some(d) = d {
                    open_dialog(app, d);
                }
                vec![]
            }
            Cmd::Back => {
                let m = &mut app.sg.meeting;
                match m.current_member() {
                    Some(n) if m.edits.get(&n).is_some_and(|e| e.dirty || e.has_error()) => {
                        m.edits.remove(&n);
                        set_status(app, Level::Info, tr("sg-tui-row-dropped"));
                        vec![]
                    }
                    _ => go_home(app),
                }
            }
            _ => return None,
        });
    }
    let h = app.list_height() as isize;
    Some(match cmd {
        Cmd::Up => move_by(app, -1),
        Cmd::Down => move_by(app, 1),
        Cmd::PageUp => move_by(app, -h.max(1)),
        Cmd::PageDown => move_by(app, h.max(1)),
        Cmd::First => move_by(app, -(isize::MAX / 4)),
        Cmd::Last => move_by(app, isize::MAX / 4),
        Cmd::SgOpen => open_meeting(app),
        Cmd::SgReopen => {
            if refuse_read_only(app) {
                return Some(vec![]);
            }
            let last = app.sg.meetings.last().map(|m| m.number);
            match &app.sg.meeting.view {
                Some(v) if v.closed && Some(v.meeting.number) == last && app.sg.cycle_open() => {
                    let d = Dialog::reopen(v.meeting.number, v.meeting.date);
                    open_dialog(app, d);
                }
                Some(v) if v.closed => set_status(
                    app,
                    Level::Error,
                    t!(
                        "sg-tui-reopen-last-only",
                        number = v.meeting.number,
                        last = last.unwrap_or(0)
                    ),
                ),
                _ => {}
            }
            vec![]
        }
        Cmd::SgPrevMeeting | Cmd::SgNextMeeting => {
            let Some(v) = &app.sg.meeting.view else {
                return Some(vec![]);
            };
            let last = app.sg.meetings.last().map_or(0, |m| m.number);
            let n = v.meeting.number + if cmd == Cmd::SgNextMeeting { 1 } else { -1 };
            if n < 1 || n > last {
                return Some(vec![]);
            }
            app.sg.meeting.number = if n == last { None } else { Some(n) };
            let Some(org) = org_code(app) else {
                return Some(vec![]);
            };
            vec![Effect::Savings(SgEffect::Meeting {
                org,
                number: app.sg.meeting.number,
            })]
        }
        _ => return None,
    })
}

/// `n` or F8: the dialog to open the next meeting (or back to the one
/// open).
fn open_meeting(app: &mut App) -> Vec<Effect> {
    if refuse_read_only(app) {
        return vec![];
    }
    if !app.sg.cycle_open() {
        return vec![];
    }
    if app.sg.open_meeting().is_some() {
        app.sg.meeting.number = None;
        let Some(org) = org_code(app) else {
            return vec![];
        };
        return vec![Effect::Savings(SgEffect::Meeting { org, number: None })];
    }
    let (loan, social) = app.sg.expected;
    open_dialog(app, Dialog::open(app.today, loan, social));
    vec![]
}

/// Enter on a row of a closed meeting: the entry it posted.
pub fn open(app: &mut App) -> Vec<Effect> {
    if editing(app) {
        return vec![];
    }
    let Some(org) = org_code(app) else {
        return vec![];
    };
    match app
        .sg
        .meeting
        .current()
        .and_then(|r| r.entry.as_deref())
        .and_then(EntryNumber::parse)
    {
        Some(number) => vec![Effect::Entry { org, number }],
        None => vec![],
    }
}

/// Commands that do nothing on the meeting screen as it is.
pub fn idle(app: &App) -> Vec<Cmd> {
    let sg = &app.sg;
    let m = &sg.meeting;
    let mut v = vec![];
    if editing(app) {
        if m.view
            .as_ref()
            .is_some_and(|v| v.rows.iter().all(|r| r.saved))
        {
            v.push(Cmd::SgFill);
        }
        return v;
    }
    let last = sg.meetings.last().map(|x| x.number);
    let shown = m.view.as_ref().map(|v| v.meeting.number);
    if !sg.cycle_open() || (sg.open_meeting().is_some() && shown == last) {
        v.push(Cmd::SgOpen);
    }
    if !(m.view.as_ref().is_some_and(|v| v.closed) && shown == last && sg.cycle_open()) {
        v.push(Cmd::SgReopen);
    }
    if shown.is_none_or(|n| n <= 1) {
        v.push(Cmd::SgPrevMeeting);
    }
    if shown.is_none() || shown == last {
        v.push(Cmd::SgNextMeeting);
    }
    if m.current().is_none_or(|r| r.entry.is_none()) {
        v.push(Cmd::Open);
    }
    v
}

// ---- drawing -----------------------------------------------------------------------

/// Column widths for a window `w` wide.
struct Cols {
    name: usize,
    /// Room for the repayment's split, her savings and her loan.
    wide: bool,
}

const W_NO: usize = 3;
const W_ATT: usize = 1;
const W_SOCIAL: usize = 6;
const W_SHARES: usize = 6;
const W_REPAY: usize = 7;
const W_FINE: usize = 8;
const W_PAID: usize = 6;
const W_LOAN: usize = 8;
const W_TERM: usize = 4;
const W_SPLIT: usize = 13;
const W_SAVINGS: usize = 8;
const W_OWES: usize = 8;
const W_FLAG: usize = 2;

impl Cols {
    fn for_width(w: usize) -> Cols {
        // The cursor mark, the number, the spaces around the name, each
        // typed column and its space, the signs.
        let typed: usize = (0..NCOLS).map(|c| Cols::width(c) + 1).sum();
        let base = 1 + W_NO + 1 + 1 + typed + W_FLAG;
        let extra = W_SPLIT + 1 + W_SAVINGS + 1 + W_OWES + 1;
        let wide = w >= base + extra + 16;
        let used = base + if wide { extra } else { 0 };
        Cols {
            name: w.saturating_sub(used).clamp(6, 24),
            wide,
        }
    }

    /// Width of a typed column.
    fn width(col: usize) -> usize {
        [
            W_ATT, W_SOCIAL, W_SHARES, W_REPAY, W_FINE, W_PAID, W_LOAN, W_TERM,
        ][col]
    }
}

fn att_letter(a: Attendance) -> String {
    tr(&format!("sg-tui-att-{}", a.code()))
}

/// The text of a typed column for a row not being typed.
fn cell_text(r: &RowInput, col: usize) -> String {
    match col {
        COL_ATT => att_letter(r.attendance),
        COL_SOCIAL => amt(r.social),
        COL_SHARES => {
            if r.shares == 0 {
                String::new()
            } else {
                r.shares.to_string()
            }
        }
        COL_REPAY => amt(r.repay),
        COL_FINE => amt(r.fine_levied),
        COL_PAID => amt(r.fine_paid),
        COL_LOAN => amt(r.new_loan),
        _ => {
            if r.loan_term == 0 {
                String::new()
            } else {
                r.loan_term.to_string()
            }
        }
    }
}

/// What the row under check does: the repayment's split, her warnings.
fn check_of<'a>(
    row: &'a GridRow,
    edit: Option<&'a RowEdit>,
) -> (Option<&'a RowCheck>, Option<String>) {
    match edit {
        Some(e) => {
            if let Some((_, m)) = &e.invalid {
                return (None, Some(m.clone()));
            }
            if let Some(m) = &e.error {
                return (None, Some(m.clone()));
            }
            match &e.check {
                Some(Ok(c)) => (Some(c), None),
                Some(Err(m)) => (None, Some(m.clone())),
                None => (None, None),
            }
        }
        None => (row.check.as_ref(), row.error.clone()),
    }
}

/// Segments of the totals, packed into lines of the window's width.
fn totals_lines(v: &MeetingView, w: usize) -> Vec<Vec<(String, Role)>> {
    let t = &v.totals;
    let saved = v.rows.iter().filter(|r| r.saved).count() as i64;
    let mut first: Vec<String> = vec![
        t!(
            "sg-tui-tot-attendance",
            present = t.present,
            represented = t.represented,
            absent = t.absent
        ),
        t!(
            "sg-tui-tot-rows",
            saved = saved,
            total = v.rows.len() as i64
        ),
        t!("sg-tui-tot-social", amount = amt0(t.social)),
        t!(
            "sg-tui-tot-shares",
            count = t.shares,
            amount = amt0(t.share_value)
        ),
        t!(
            "sg-tui-tot-repay",
            total = amt0(Fcfa::new(
                t.repay_principal.francs() + t.repay_interest.francs()
            )),
            principal = amt0(t.repay_principal),
            interest = amt0(t.repay_interest)
        ),
        t!(
            "sg-tui-tot-fines",
            levied = amt0(t.fines_levied),
            paid = amt0(t.fines_paid)
        ),
        t!("sg-tui-tot-loans", amount = amt0(t.new_loans)),
    ];
    if !t.upfront_interest.is_zero() {
        first.push(t!("sg-tui-tot-upfront", amount = amt0(t.upfront_interest)));
    }
    if !v.social.is_empty() {
        first.push(t!(
            "sg-tui-tot-social-moves",
            count = v.social.len() as i64,
            out = amt0(t.social_out),
            back = amt0(t.social_in)
        ));
    }
    let cash = vec![
        t!(
            "sg-tui-tot-loan-cash",
            opening = amt0(v.opening_loan),
            closing = amt0(v.closing_loan)
        ),
        t!(
            "sg-tui-tot-social-cash",
            opening = amt0(v.opening_social),
            closing = amt0(v.closing_social)
        ),
    ];
    let room = w.saturating_sub(2).max(20);
    let mut out = pack(&first, room, Role::Normal);
    out.extend(pack(&cash, room, Role::Key));
    out
}

/// Segments joined by ` · `, a new line when the next does not fit.
fn pack(segments: &[String], room: usize, role: Role) -> Vec<Vec<(String, Role)>> {
    let mut lines: Vec<Vec<(String, Role)>> = vec![];
    let mut cur = String::new();
    for s in segments {
        if cur.is_empty() {
            cur = s.clone();
        } else if cur.width() + 3 + s.width() <= room {
            cur.push_str(" · ");
            cur.push_str(s);
        } else {
            lines.push(vec![(std::mem::take(&mut cur), role)]);
            cur = s.clone();
        }
    }
    if !cur.is_empty() {
        lines.push(vec![(cur, role)]);
    }
    lines
}

pub fn draw(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let sg = &app.sg;
    let m = &sg.meeting;
    let body = Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1));
    if !sg.loaded || !m.loaded {
        f.render_widget(Paragraph::new(loading(app)), body);
        return;
    }
    let Some(v) = &m.view else {
        draw_empty(f, app, body);
        return;
    };
    let w = r.width as usize;
    let lg = lang();
    let cols = Cols::for_width(w);
    let edit_mode = editing(app);

    // The title: which meeting, where it stands.
    let saved = v.rows.iter().filter(|x| x.saved).count() as i64;
    let date = crate::i18n::date(v.meeting.date, lg);
    let mut title = if v.closed {
        let mut s = t!(
            "sg-tui-meeting-closed",
            number = v.meeting.number,
            date = date,
            code = v.meeting.code.clone().unwrap_or_default()
        );
        if v.meeting.closes > 1 {
            s.push_str(" · ");
            s.push_str(&t!("sg-tui-reopened-times", count = v.meeting.closes - 1));
        }
        s
    } else {
        t!(
            "sg-tui-meeting-open",
            number = v.meeting.number,
            date = date,
            saved = saved,
            total = v.rows.len() as i64
        )
    };
    if let Some(c) = &sg.cycle
        && let Some(on) = c.shared_on
    {
        title.push_str(" · ");
        title.push_str(&t!(
            "sg-tui-cycle-shared",
            number = c.number,
            date = crate::i18n::date(on, lg)
        ));
    } else {
        let c = &v.constitution;
        let rules = t!(
            "sg-tui-rules",
            price = amt0(c.share_price),
            min = i64::from(c.min_shares),
            max = i64::from(c.max_shares),
            fee = amt0(c.social_fee)
        );
        if title.width() + 3 + rules.width() < w {
            title.push_str(" · ");
            title.push_str(&rules);
        }
    }
    let title_role = if v.closed { Role::Key } else { Role::Success };
    f.render_widget(
        Paragraph::new(Line::styled(format!(" {title}"), th.style(title_role))),
        Rect::new(body.x, body.y, body.width, 1),
    );

    // The column heads.
    let mut head = format!(
        " {} {} ",
        rfit(&tr("sg-tui-col-no"), W_NO),
        fit(&tr("sg-tui-col-name"), cols.name)
    );
    let heads = [
        "sg-tui-col-att",
        "sg-tui-col-social",
        "sg-tui-col-shares",
        "sg-tui-col-repay",
        "sg-tui-col-fine",
        "sg-tui-col-paid",
        "sg-tui-col-loan",
        "sg-tui-col-term",
    ];
    for (c, k) in heads.iter().enumerate() {
        let cw = Cols::width(c);
        if c == COL_ATT || c == COL_FINE {
            head.push_str(&fit(&tr(k), cw));
        } else {
            head.push_str(&rfit(&tr(k), cw));
        }
        head.push(' ');
    }
    if cols.wide {
        head.push_str(&format!(
            "{} {} {} ",
            rfit(&tr("sg-tui-col-split"), W_SPLIT),
            rfit(&tr("sg-tui-col-savings"), W_SAVINGS),
            rfit(&tr("sg-tui-col-owes"), W_OWES)
        ));
    }
    f.render_widget(
        Paragraph::new(header(app, head)),
        Rect::new(body.x, body.y + 1, body.width, 1),
    );

    // The rows.
    let list = super::super::layout::list_area(app);
    let mut lines: Vec<Line> = vec![];
    let mut cursor: Option<(u16, u16, &Input, usize)> = None;
    for (i, row) in v
        .rows
        .iter()
        .enumerate()
        .skip(m.offset)
        .take(list.height as usize)
    {
        let here = i == m.row;
        let edit = m.edits.get(&row.member.number);
        let base = if !row.saved && edit.is_none() {
            th.style(Role::Muted)
        } else {
            th.base()
        };
        let mut spans = vec![Span::styled(
            if here { "▸" } else { " " },
            th.style(Role::Key),
        )];
        spans.push(Span::styled(
            format!(
                "{} {} ",
                rfit(&row.member.number.to_string(), W_NO),
                fit(&row.member.name, cols.name)
            ),
            if here { th.style(Role::Selected) } else { base },
        ));
        let mut x = 1 + W_NO + 1 + cols.name + 1;
        for c in 0..NCOLS {
            let cw = Cols::width(c);
            let on = here && edit_mode && c == m.col;
            let (text, style) = match edit {
                Some(e) if c > COL_ATT => {
                    let inp = &e.cells[c - 1];
                    if on {
                        cursor = Some((lines.len() as u16, x as u16, inp, cw));
                    }
                    let bad = e.invalid.as_ref().is_some_and(|(bc, _)| *bc == c);
                    let style = if on {
                        th.style(Role::InputFocus)
                    } else if bad {
                        th.style(Role::Error)
                    } else if here && edit_mode {
                        th.style(Role::Input)
                    } else {
                        th.base()
                    };
                    let t = if on {
                        field_text(inp, cw, true)
                    } else if c == COL_FINE {
                        fit(&inp.value, cw)
                    } else {
                        rfit(&inp.value, cw)
                    };
                    (t, style)
                }
                _ => {
                    let input = edit.map_or(row.input.clone(), |e| RowInput {
                        attendance: e.attendance,
                        ..row.input.clone()
                    });
                    let text = cell_text(&input, c);
                    let style = if on {
                        th.style(Role::InputFocus)
                    } else if here && edit_mode {
                        th.style(Role::Input)
                    } else {
                        base
                    };
                    let t = if c == COL_ATT || c == COL_FINE {
                        fit(&text, cw)
                    } else {
                        rfit(&text, cw)
                    };
                    (t, style)
                }
            };
            spans.push(Span::styled(text, style));
            spans.push(Span::raw(" "));
            x += cw + 1;
        }
        if cols.wide {
            let (check, _) = check_of(row, edit);
            let split = check
                .filter(|c| !c.repayment.principal.is_zero() || !c.repayment.interest.is_zero())
                .map(|c| {
                    format!(
                        "{}+{}",
                        amt0(c.repayment.principal),
                        amt0(c.repayment.interest)
                    )
                })
                .unwrap_or_default();
            let owes = row
                .loan
                .as_ref()
                .map(|(_, s)| amt(s.balance))
                .unwrap_or_default();
            spans.push(Span::styled(
                format!(
                    "{} {} {} ",
                    rfit(&split, W_SPLIT),
                    rfit(&amt(row.savings_before), W_SAVINGS),
                    rfit(&owes, W_OWES)
                ),
                base,
            ));
        }
        // Saved (✓) or typed and not saved (✎); refused (✗) or a warning (⚠).
        let state = match edit {
            Some(e) if e.dirty => "✎",
            _ if row.saved && !v.closed => "✓",
            _ => " ",
        };
        let (check, error) = check_of(row, edit);
        let warn = check.is_some_and(|c| !c.warnings.is_empty())
            || row.loan.as_ref().is_some_and(|(_, s)| s.days_overdue > 0);
        let (sign, role) = if error.is_some() || edit.is_some_and(|e| e.has_error()) {
            ("✗", Role::Error)
        } else if warn {
            ("⚠", Role::Warn)
        } else {
            (" ", Role::Normal)
        };
        spans.push(Span::styled(state, th.style(Role::Success)));
        spans.push(Span::styled(sign, th.style(role)));
        lines.push(Line::from(spans));
    }
    if v.rows.is_empty() {
        lines.push(Line::styled(
            format!(" {}", tr("sg-tui-grid-empty")),
            th.style(Role::Warn),
        ));
    }
    f.render_widget(Paragraph::new(lines), list);
    if let Some((row, x, inp, cw)) = cursor {
        set_cursor_w(f, list, row, x, inp, cw);
    }

    // The row under the cursor, then the totals.
    let totals = totals_lines(v, w);
    let bottom = body.y + body.height;
    let detail_y = bottom.saturating_sub(DETAIL_ROWS + totals.len() as u16);
    if let Some(row) = m.current() {
        draw_detail(
            f,
            app,
            v,
            row,
            m.edits.get(&row.member.number),
            Rect::new(body.x, detail_y, body.width, DETAIL_ROWS),
        );
    }
    let tl: Vec<Line> = totals
        .into_iter()
        .map(|segs| {
            Line::from(
                segs.into_iter()
                    .map(|(s, role)| Span::styled(format!(" {s}"), th.style(role)))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let th_y = detail_y + DETAIL_ROWS;
    f.render_widget(
        Paragraph::new(tl),
        Rect::new(body.x, th_y, body.width, bottom.saturating_sub(th_y)),
    );
}

/// Who she is (savings, loan, fines owed) and what her row does.
fn draw_detail(
    f: &mut Frame,
    app: &App,
    v: &MeetingView,
    row: &GridRow,
    edit: Option<&RowEdit>,
    r: Rect,
) {
    let th = app.theme;
    // Who she is, then what fits of her loan and her fines.
    let mut info = t!(
        "sg-tui-row-info",
        number = row.member.number,
        name = row.member.name.clone(),
        savings = amt0(row.savings_before)
    );
    let mut more = vec![];
    let parts = t!("sg-tui-row-shares", shares = row.shares_before);
    if let Some((n, s)) = &row.loan {
        more.push(t!(
            "sg-tui-row-loan",
            number = *n,
            balance = amt0(s.balance),
            due = short_date(s.due)
        ));
        if s.payoff != s.balance {
            more.push(t!("sg-tui-row-payoff", amount = amt0(s.payoff)));
        }
    }
    if !row.fines_owed.is_zero() {
        more.push(t!("sg-tui-row-fines-owed", amount = amt0(row.fines_owed)));
    }
    more.push(parts);
    let room = (r.width as usize).saturating_sub(2);
    for m in more {
        if info.width() + 3 + m.width() > room {
            break;
        }
        info.push_str(" · ");
        info.push_str(&m);
    }
    let mut lines = vec![Line::styled(
        format!(" {}", fit(&info, room)),
        th.style(Role::Key),
    )];
    let (check, error) = check_of(row, edit);
    let mut what: Vec<(String, Role)> = vec![];
    if let Some(e) = error {
        what.push((format!("✗ {e}"), Role::Error));
    } else if let Some(m) = &app.sg.meeting.error {
        what.push((format!("✗ {m}"), Role::Error));
    } else {
        let input = match edit.and_then(|e| e.checked.as_ref()) {
            Some(r) => r.clone(),
            None => row.input.clone(),
        };
        if let Some(c) = check {
            let p = c.repayment.principal;
            let i = c.repayment.interest;
            if !p.is_zero() || !i.is_zero() {
                what.push((
                    t!("sg-tui-row-split", principal = amt0(p), interest = amt0(i)),
                    Role::Normal,
                ));
            }
            if !input.new_loan.is_zero() {
                let term = if c.loan_term == 0 {
                    input.loan_term
                } else {
                    c.loan_term
                };
                what.push((
                    t!(
                        "sg-tui-row-new-loan",
                        amount = amt0(input.new_loan),
                        months = i64::from(term)
                    ),
                    Role::Normal,
                ));
                if !c.upfront_interest.is_zero() {
                    what.push((
                        t!("sg-tui-row-upfront", amount = amt0(c.upfront_interest)),
                        Role::Normal,
                    ));
                }
            }
            for wn in &c.warnings {
                what.push((format!("⚠ {}", crate::i18n::message(wn)), Role::Warn));
            }
        } else if edit.is_some_and(|e| e.check.is_none() && e.checked.is_some()) {
            what.push((tr("sg-tui-checking"), Role::Muted));
        }
        if what.is_empty() {
            let (k, role) = if v.closed {
                ("sg-tui-row-closed", Role::Muted)
            } else if edit.is_some_and(|e| e.dirty) {
                ("sg-tui-row-typed", Role::Muted)
            } else if row.saved {
                ("sg-tui-row-is-saved", Role::Success)
            } else {
                ("sg-tui-row-not-saved", Role::Muted)
            };
            what.push((tr(k), role));
        }
        if v.closed
            && let Some(e) = &row.entry
        {
            what.push((t!("sg-tui-row-entry", entry = e.clone()), Role::Muted));
        }
    }
    let spans: Vec<Span> = what
        .iter()
        .enumerate()
        .flat_map(|(k, (s, role))| {
            let sep = if k == 0 { " " } else { " · " };
            [
                Span::raw(sep.to_string()),
                Span::styled(s.clone(), th.style(*role)),
            ]
        })
        .collect();
    lines.push(Line::from(spans));
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), r);
}

/// No cycle, or no meeting yet in the cycle.
fn draw_empty(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let sg = &app.sg;
    let lg = lang();
    let write = can_post(app);
    let mut lines = vec![Line::from("")];
    match &sg.cycle {
        None => {
            lines.push(Line::styled(tr("sg-tui-no-cycle"), th.style(Role::Warn)));
            lines.push(Line::from(""));
            if write {
                lines.push(Line::styled(
                    tr("sg-tui-no-cycle-start"),
                    th.style(Role::Key),
                ));
            }
            lines.push(Line::styled(
                tr("sg-tui-no-cycle-cli"),
                th.style(Role::Muted),
            ));
        }
        Some(c) => {
            lines.push(Line::styled(
                t!(
                    "sg-tui-cycle-line",
                    number = c.number,
                    start = crate::i18n::date(c.start, lg),
                    end = crate::i18n::date(c.planned_end, lg)
                ),
                th.style(Role::Title),
            ));
            let k = &c.constitution;
            lines.push(Line::raw(t!(
                "sg-tui-rules-long",
                price = amt0(k.share_price),
                min = i64::from(k.min_shares),
                max = i64::from(k.max_shares),
                fee = amt0(k.social_fee),
                rate = super::pct(k.monthly_rate),
                mode = super::mode_name(k.interest_mode),
                multiple = super::decimal(k.max_loan_multiple, 2),
                term = i64::from(k.max_term_months)
            )));
            lines.push(Line::from(""));
            lines.push(Line::styled(
                tr("sg-tui-no-meeting"),
                th.style(Role::Normal),
            ));
            if sg.members.is_empty() {
                lines.push(Line::styled(
                    tr("sg-tui-no-members-yet"),
                    th.style(Role::Warn),
                ));
            } else {
                lines.push(Line::raw(t!(
                    "sg-tui-members-count",
                    count = sg.members.len() as i64
                )));
            }
            if write && sg.cycle_open() {
                lines.push(Line::styled(tr("sg-tui-open-first"), th.style(Role::Key)));
            }
        }
    }
    let inset = Rect::new(r.x + 1, r.y, r.width.saturating_sub(2), r.height);
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inset);
}
