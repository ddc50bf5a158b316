//! A savings group's books, one function per user action: cycles and their
//! constitution, members, meetings (open, the grid, social fund movements,
//! close, reopen), the CSV meeting sheet, loans and write-offs, members
//! leaving, the share-out, passbooks and indicators.
//!
//! Money moves only at a close (and at a share-out, a departure or a
//! write-off): the grid is a draft, saved row by row so a power cut loses
//! nothing, checked as it is typed and posted at the close in one write
//! transaction, one balanced entry per member through `WriteTx::post`.
//! Reopening the last meeting reverses those entries (linked reversals)
//! and puts the rows back in the grid; a close is never edited.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::{Actor, Books, authorize, clean, now, reverse_in};
use crate::domain::access::Action;
use crate::domain::account::AccountNumber;
use crate::domain::ledger::{EntryNumber, INTERNAL_KEY_PREFIX, LineInput, NewEntry, Side};
use crate::domain::money::Fcfa;
use crate::domain::savings::{
    Attendance, Constitution, IndicatorInput, Indicators, LoanStatus, LoanTerms, MemberRole,
    MemberState, RowCheck, RowInput, SavingsError, ShareoutInput, ShareoutMember, ShareoutPlan,
    check_row, indicators, parse_social_kind, parse_social_reason, plan_shareout, shares_value,
};
use crate::domain::text::fold;
use crate::error::{Error, Result};
use crate::store::{
    CycleRow, DraftSocialRow, LoanRow, MeetingRow, NewCycle, NewLoan, NewRecordedRow, OrgRow,
    PostOutcome, Reader, RecordedRow, SgCloseRow, SgMemberRow, WriteTx,
};

/// Accounts the savings-group documents post to.
pub mod accounts {
    pub const LOAN_CASH: &str = "5711";
    pub const SOCIAL_CASH: &str = "5721";
    pub const SOCIAL_FUND: &str = "1121";
    pub const SAVINGS: &str = "4621";
    pub const LOANS: &str = "2712";
    pub const SOCIAL_LOANS: &str = "2718";
    pub const FINES_DUE: &str = "4711";
    pub const INTEREST: &str = "7712";
    pub const FINES: &str = "75883";
    pub const SHORTAGE: &str = "65882";
    pub const OVERAGE: &str = "75882";
    pub const BAD_DEBT: &str = "6515";
    /// Return on members' savings paid at the share-out.
    pub const RETURN: &str = "6742";
    /// Loss borne by members at a share-out.
    pub const LOSS_BORNE: &str = "7588";
    /// Remainder of a share-out moved to the social fund.
    pub const TO_SOCIAL: &str = "6588";
}

/// Sources of savings-group entries; such an entry is corrected through its
/// document (reopening the meeting), never by a bare reversal.
pub const SG_SOURCES: &[&str] = &["sgopen:", "sgclose:", "sgshare:", "sgleave:", "sgwriteoff:"];

/// What a new cycle is started with.
#[derive(Clone, Debug)]
pub struct CycleInput {
    pub start: NaiveDate,
    pub planned_end: NaiveDate,
    pub constitution: Constitution,
}

/// A member to add.
#[derive(Clone, Debug)]
pub struct SgMemberInput {
    /// None: the next free number.
    pub number: Option<i64>,
    pub name: String,
    pub phone: String,
    pub role: MemberRole,
    pub joined: NaiveDate,
}

/// The counts at the opening of a meeting.
#[derive(Clone, Debug)]
pub struct OpenInput {
    pub date: NaiveDate,
    pub loan_cash: Fcfa,
    pub social_cash: Fcfa,
    /// Required when a count differs from the books.
    pub reason: String,
}

/// The counts at the close.
#[derive(Clone, Debug)]
pub struct CloseInput {
    pub loan_cash: Fcfa,
    pub social_cash: Fcfa,
    pub reason: String,
}

/// A social fund movement at a meeting.
#[derive(Clone, Debug)]
pub struct SocialInput {
    pub member: String,
    /// `grant`, `loan` or `repay`.
    pub kind: String,
    pub amount: Fcfa,
    /// `health`, `funeral` or `other`.
    pub reason: String,
    pub note: String,
    /// Months, for a loan (the constitution's maximum when 0).
    pub term: u32,
}

/// One member's line of the meeting grid.
#[derive(Clone, Debug, Serialize)]
pub struct GridRow {
    pub member: SgMemberRow,
    pub input: RowInput,
    /// A row was saved for her (or recorded, once closed).
    pub saved: bool,
    /// What the row will post, when it passes the checks.
    pub check: Option<RowCheck>,
    /// Why it does not, translated.
    pub error: Option<String>,
    pub shares_before: i64,
    pub savings_before: Fcfa,
    /// Her loan before this meeting: number, balance, interest due, payoff.
    pub loan: Option<(i64, LoanStatus)>,
    pub fines_owed: Fcfa,
    /// The entry her row posted (closed meeting).
    pub entry: Option<String>,
}

/// The meeting's running totals.
#[derive(Clone, Debug, Default, Serialize)]
pub struct MeetingTotals {
    pub present: i64,
    pub represented: i64,
    pub absent: i64,
    pub social: Fcfa,
    pub shares: i64,
    pub share_value: Fcfa,
    pub repay_principal: Fcfa,
    pub repay_interest: Fcfa,
    pub fines_levied: Fcfa,
    pub fines_paid: Fcfa,
    pub new_loans: Fcfa,
    pub upfront_interest: Fcfa,
    pub social_out: Fcfa,
    pub social_in: Fcfa,
}

/// A social fund movement of the meeting (draft or recorded).
#[derive(Clone, Debug, Serialize)]
pub struct SocialView {
    pub id: i64,
    pub member: i64,
    pub name: String,
    pub kind: String,
    pub amount: Fcfa,
    pub reason: String,
    pub note: String,
    pub entry: Option<String>,
}

/// A meeting as the grid shows it.
#[derive(Clone, Debug, Serialize)]
pub struct MeetingView {
    pub cycle: i64,
    pub constitution: Constitution,
    pub meeting: MeetingRow,
    pub closed: bool,
    pub rows: Vec<GridRow>,
    pub social: Vec<SocialView>,
    pub totals: MeetingTotals,
    /// Cash counted at the opening.
    pub opening_loan: Fcfa,
    pub opening_social: Fcfa,
    /// What the boxes should hold after the meeting.
    pub closing_loan: Fcfa,
    pub closing_social: Fcfa,
    /// Every close, reopened ones included.
    pub closes: Vec<SgCloseRow>,
}

impl MeetingView {
    /// Members with no saved row yet.
    pub fn missing(&self) -> Vec<i64> {
        self.rows
            .iter()
            .filter(|r| !r.saved)
            .map(|r| r.member.number)
            .collect()
    }
}

/// The result of closing a meeting.
#[derive(Clone, Debug, Serialize)]
pub struct CloseOutcome {
    pub meeting: i64,
    pub date: NaiveDate,
    pub entries: usize,
    pub closing_loan: Fcfa,
    pub closing_social: Fcfa,
    pub difference_loan: Fcfa,
    pub difference_social: Fcfa,
    /// Last entry number and the first characters of its chain hash: the
    /// secretary writes it in the notebook.
    pub code: String,
}

/// A loan in the register.
#[derive(Clone, Debug, Serialize)]
pub struct LoanView {
    pub loan: LoanRow,
    pub member: i64,
    pub name: String,
    pub status: LoanStatus,
    pub schedule: Vec<crate::domain::savings::Instalment>,
    pub payments: Vec<crate::domain::savings::Repayment>,
}

/// A share-out, planned or recorded.
#[derive(Clone, Debug, Serialize)]
pub struct ShareoutView {
    pub cycle: i64,
    pub date: NaiveDate,
    pub plan: ShareoutPlan,
    /// Member number and name, line by line of the plan.
    pub names: Vec<(i64, String)>,
    pub remainder_to: String,
    pub entry: Option<String>,
}

/// What a member takes when she leaves.
#[derive(Clone, Debug, Serialize)]
pub struct LeavePlan {
    pub member: i64,
    pub name: String,
    pub date: NaiveDate,
    pub shares: i64,
    pub savings: Fcfa,
    /// Savings, or her shares at today's value, rounded down to the unit.
    pub amount: Fcfa,
    pub debt: Fcfa,
    pub payout: Fcfa,
    pub entry: Option<String>,
}

/// One line of a passbook.
#[derive(Clone, Debug, Serialize)]
pub struct PassbookLine {
    pub date: NaiveDate,
    /// Meeting number, 0 for a share-out, a departure or a write-off.
    pub meeting: i64,
    /// `meeting`, `reversal`, `social`, `netting`, `shareout`, `leave`, `writeoff`.
    pub kind: String,
    pub attendance: Option<Attendance>,
    pub shares: i64,
    pub savings: Fcfa,
    pub social: Fcfa,
    pub repay_principal: Fcfa,
    pub repay_interest: Fcfa,
    pub fine_levied: Fcfa,
    pub fine_paid: Fcfa,
    pub new_loan: Fcfa,
    pub payout: Fcfa,
    /// Shares and savings of the cycle after this line.
    pub shares_total: i64,
    pub savings_total: Fcfa,
    pub loan_balance: Fcfa,
    pub entry: Option<String>,
    pub note: String,
}

/// A member's statement.
#[derive(Clone, Debug, Serialize)]
pub struct Passbook {
    pub org: String,
    pub member: SgMemberRow,
    pub share_price: Fcfa,
    pub lines: Vec<PassbookLine>,
    pub shares: i64,
    pub savings: Fcfa,
    /// Her savings account in the ledger (equals `savings`).
    pub ledger_savings: Fcfa,
    pub loan_balance: Fcfa,
    pub fines_owed: Fcfa,
    pub loans: Vec<LoanView>,
}

/// Indicators of a group on a date.
#[derive(Clone, Debug, Serialize)]
pub struct IndicatorsView {
    pub org: String,
    pub cycle: i64,
    pub date: NaiveDate,
    pub meetings: i64,
    #[serde(flatten)]
    pub indicators: Indicators,
}

fn err(e: SavingsError) -> Error {
    Error::Savings(e)
}

fn savings_org(org: &OrgRow) -> Result<()> {
    if org.kind != "savings" {
        return Err(err(SavingsError::NotASavingsGroup));
    }
    Ok(())
}

fn acct(s: &str) -> Result<AccountNumber> {
    Ok(AccountNumber::parse(s)?)
}

fn line(
    lines: &mut Vec<LineInput>,
    account: &str,
    side: Side,
    amount: Fcfa,
    label: String,
) -> Result<()> {
    if amount.francs() > 0 {
        lines.push(LineInput {
            account: acct(account)?,
            side,
            amount,
            label,
        });
    }
    Ok(())
}

fn meeting_ref(cycle: i64, number: i64) -> String {
    format!("REU-{cycle}-{number:02}")
}

/// Posts one document entry and returns its id and number.
#[allow(clippy::too_many_arguments)]
fn post_sg(
    tx: &mut WriteTx<'_>,
    org: &OrgRow,
    actor: &Actor,
    now: &str,
    source: &str,
    key: &str,
    doc_ref: &str,
    date: NaiveDate,
    memo: String,
    lines: Vec<LineInput>,
) -> Result<Option<(i64, EntryNumber)>> {
    if lines.is_empty() {
        return Ok(None);
    }
    let memo = clean("memo", &memo, crate::domain::ledger::MAX_MEMO, true)?;
    let entry = NewEntry {
        date,
        doc_ref: doc_ref.to_string(),
        memo,
        idem_key: format!("{INTERNAL_KEY_PREFIX}{key}"),
        lines,
        source: Some(source.to_string()),
    };
    let number = match tx.post(org, &entry, None, &actor.name, now)? {
        PostOutcome::Posted(e) => e.number,
        PostOutcome::AlreadyRecorded(n) => n,
    };
    let id = tx
        .read()
        .entry_id(org.id, number)?
        .ok_or(Error::CorruptEntry { number })?;
    Ok(Some((id, number)))
}

/// Everything a meeting's checks need, read once.
struct Ledger {
    cycle: CycleRow,
    members: Vec<SgMemberRow>,
    rows: Vec<RecordedRow>,
    loans: Vec<LoanRow>,
    nettings: Vec<crate::store::NettingRow>,
    social: Vec<crate::store::SocialRow>,
}

impl Ledger {
    fn read(r: &Reader<'_>, org: &OrgRow, cycle: CycleRow) -> Result<Ledger> {
        Ok(Ledger {
            cycle,
            members: r.sg_members(org.id)?,
            rows: r.sg_rows(org.id, None, true)?,
            loans: r.sg_loans(org.id)?,
            nettings: r.sg_nettings(org.id)?,
            social: r.sg_social(org.id, None)?,
        })
    }

    /// Repayments of a loan recorded before `before` (interest taken at
    /// disbursement included; nettings too).
    fn payments(
        &self,
        loan: &LoanRow,
        before: NaiveDate,
    ) -> Vec<crate::domain::savings::Repayment> {
        let mut out = Vec::new();
        for r in &self.rows {
            if r.new_loan_id == Some(loan.id) && !r.upfront_interest.is_zero() {
                out.push(crate::domain::savings::Repayment {
                    date: r.date,
                    principal: Fcfa::ZERO,
                    interest: r.upfront_interest,
                });
            }
            if r.loan_id == Some(loan.id) && r.date < before {
                out.push(crate::domain::savings::Repayment {
                    date: r.date,
                    principal: r.repay_principal,
                    interest: r.repay_interest,
                });
            }
        }
        for s in &self.social {
            if s.live && s.kind == "repay" && s.loan_id == Some(loan.id) && s.date < before {
                out.push(crate::domain::savings::Repayment {
                    date: s.date,
                    principal: s.amount,
                    interest: Fcfa::ZERO,
                });
            }
        }
        for n in &self.nettings {
            if n.loan_id == Some(loan.id) && n.date < before {
                out.push(crate::domain::savings::Repayment {
                    date: n.date,
                    principal: n.principal,
                    interest: n.interest,
                });
            }
        }
        out
    }

    fn terms(loan: &LoanRow) -> LoanTerms {
        LoanTerms {
            principal: loan.principal,
            mode: loan.mode,
            rate: loan.rate,
            term_months: loan.term,
            disbursed: loan.disbursed,
            late: loan.late,
        }
    }

    /// Her live loan of `fund` still owed when a meeting dated `date`
    /// starts (what was paid before that day counted).
    fn open_loan(
        &self,
        member_id: i64,
        fund: &str,
        date: NaiveDate,
    ) -> Option<(&LoanRow, LoanStatus)> {
        self.loan_on(member_id, fund, date, false)
    }

    /// Her live loan of `fund` on `date`; `through` counts what was paid
    /// on that day too (a share-out, a departure, a write-off).
    fn loan_on(
        &self,
        member_id: i64,
        fund: &str,
        date: NaiveDate,
        through: bool,
    ) -> Option<(&LoanRow, LoanStatus)> {
        let before = if through {
            date.succ_opt().unwrap_or(date)
        } else {
            date
        };
        self.loans
            .iter()
            .filter(|l| {
                l.member_id == member_id
                    && l.fund == fund
                    && l.live
                    && l.written_off.is_none()
                    && l.disbursed < before
            })
            .map(|l| (l, Self::terms(l).status(&self.payments(l, before), date)))
            .find(|(_, s)| !s.closed)
    }

    fn shares_before(&self, member_id: i64, date: NaiveDate) -> i64 {
        self.rows
            .iter()
            .filter(|r| r.member_id == member_id && r.cycle_id == self.cycle.id && r.date < date)
            .map(|r| r.shares)
            .sum()
    }

    fn fines_owed(&self, member_id: i64, date: NaiveDate) -> Fcfa {
        let levied: i64 = self
            .rows
            .iter()
            .filter(|r| r.member_id == member_id && r.date < date)
            .map(|r| r.fine_levied.francs() - r.fine_paid.francs())
            .sum();
        let netted: i64 = self
            .nettings
            .iter()
            .filter(|n| n.member_id == member_id && n.date < date)
            .map(|n| n.fines.francs())
            .sum();
        Fcfa::new(levied - netted)
    }

    fn state(&self, m: &SgMemberRow, date: NaiveDate) -> MemberState {
        MemberState {
            shares_before: self.shares_before(m.id, date),
            loan: self
                .open_loan(m.id, "loan", date)
                .map(|(l, _)| (Self::terms(l), self.payments(l, date))),
            fines_owed: self.fines_owed(m.id, date),
            inactive: !m.active_on(date),
        }
    }
}

/// Finds a member by number or by name (accents and case ignored).
pub(crate) fn find_member<'a>(members: &'a [SgMemberRow], query: &str) -> Result<&'a SgMemberRow> {
    let q = query.trim();
    if let Ok(n) = q.trim_start_matches('#').parse::<i64>() {
        return members.iter().find(|m| m.number == n).ok_or_else(|| {
            err(SavingsError::UnknownMember {
                input: q.to_string(),
            })
        });
    }
    let key = fold(q);
    if key.is_empty() {
        return Err(err(SavingsError::UnknownMember {
            input: q.to_string(),
        }));
    }
    let exact: Vec<&SgMemberRow> = members.iter().filter(|m| fold(&m.name) == key).collect();
    let found: Vec<&SgMemberRow> = if exact.is_empty() {
        members
            .iter()
            .filter(|m| fold(&m.name).contains(&key))
            .collect()
    } else {
        exact
    };
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(err(SavingsError::UnknownMember {
            input: q.to_string(),
        })),
        many => Err(err(SavingsError::AmbiguousMember {
            input: q.to_string(),
            matches: many
                .iter()
                .map(|m| format!("{} {}", m.number, m.name))
                .collect::<Vec<_>>()
                .join(", "),
        })),
    }
}

impl Books {
    // ---- cycles -------------------------------------------------------

    pub fn cycles(&self, org: &OrgRow) -> Result<Vec<CycleRow>> {
        savings_org(org)?;
        self.store.read().sg_cycles(org.id)
    }

    /// The last cycle, shared out or not.
    pub fn cycle(&self, org: &OrgRow) -> Result<CycleRow> {
        self.cycles(org)?
            .pop()
            .ok_or_else(|| err(SavingsError::NoCycle))
    }

    /// Starts a cycle (the first, or the next once the last was shared
    /// out). Members carry over: they are the group's, not the cycle's.
    pub fn start_cycle(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        input: CycleInput,
    ) -> Result<CycleRow> {
        savings_org(org)?;
        input.constitution.validate()?;
        if input.planned_end <= input.start {
            return Err(err(SavingsError::CycleDates));
        }
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::ManageAccounts)?;
            let cycles = tx.read().sg_cycles(org.id)?;
            if let Some(last) = cycles.last() {
                match last.shared_on {
                    None => {
                        return Err(err(SavingsError::CycleNotShared {
                            number: last.number,
                        }));
                    }
                    Some(d) if input.start < d => {
                        return Err(err(SavingsError::MeetingBefore { last: d }));
                    }
                    _ => {}
                }
            }
            ensure_accounts(tx, org, &now)?;
            let number = cycles.last().map_or(1, |c| c.number + 1);
            tx.insert_cycle(
                org.id,
                &NewCycle {
                    number,
                    start: input.start,
                    planned_end: input.planned_end,
                    constitution: &input.constitution,
                },
                &actor.name,
                &now,
            )?;
            tx.audit(
                &actor.name,
                "cycle.start",
                &org.code,
                &number.to_string(),
                &now,
            )?;
            Ok(())
        })?;
        self.cycle(org)
    }

    // ---- members ------------------------------------------------------

    pub fn sg_members(&self, org: &OrgRow) -> Result<Vec<SgMemberRow>> {
        savings_org(org)?;
        self.store.read().sg_members(org.id)
    }

    pub fn sg_member(&self, org: &OrgRow, query: &str) -> Result<SgMemberRow> {
        let all = self.sg_members(org)?;
        find_member(&all, query).cloned()
    }

    /// Adds a member with her savings and loan accounts.
    pub fn add_sg_member(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        input: SgMemberInput,
    ) -> Result<SgMemberRow> {
        savings_org(org)?;
        let name = clean("name", &input.name, 200, true)?;
        let phone = clean("phone", &input.phone, 40, false)?;
        let now = now();
        let number = self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::ManageAccounts)?;
            let members = tx.read().sg_members(org.id)?;
            let number = match input.number {
                Some(n) => {
                    if !(1..=999).contains(&n) {
                        return Err(err(SavingsError::UnknownMember {
                            input: n.to_string(),
                        }));
                    }
                    if members.iter().any(|m| m.number == n) {
                        return Err(err(SavingsError::MemberExists { number: n }));
                    }
                    n
                }
                None => members.iter().map(|m| m.number).max().unwrap_or(0) + 1,
            };
            if number > 999 {
                return Err(err(SavingsError::MemberExists { number }));
            }
            ensure_accounts(tx, org, &now)?;
            let account = format!("{}{number:03}", accounts::SAVINGS);
            let loan_account = format!("{}{number:03}", accounts::LOANS);
            for (acc, fr, en) in [
                (&account, "Épargne", "Savings"),
                (&loan_account, "Prêt", "Loan"),
            ] {
                let n = acct(acc)?;
                if tx
                    .read()
                    .account(org.id, acc, crate::domain::Lang::Fr)?
                    .is_none()
                {
                    tx.insert_account(
                        org.id,
                        &n,
                        &format!("{fr} – {name}"),
                        &format!("{en} – {name}"),
                        &now,
                    )?;
                }
            }
            tx.insert_sg_member(
                org.id,
                number,
                &name,
                &fold(&name),
                &phone,
                input.role.code(),
                input.joined,
                &account,
                &loan_account,
                &now,
            )?;
            tx.audit(
                &actor.name,
                "member.add",
                &org.code,
                &format!("{number} {name}"),
                &now,
            )?;
            Ok(number)
        })?;
        self.sg_member(org, &number.to_string())
    }

    /// Changes a member's name, phone or office.
    pub fn edit_sg_member(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        query: &str,
        name: Option<&str>,
        phone: Option<&str>,
        role: Option<MemberRole>,
    ) -> Result<SgMemberRow> {
        let m = self.sg_member(org, query)?;
        let name = match name {
            Some(n) => clean("name", n, 200, true)?,
            None => m.name.clone(),
        };
        let phone = match phone {
            Some(p) => clean("phone", p, 40, false)?,
            None => m.phone.clone(),
        };
        let role = role.map_or(m.role.clone(), |r| r.code().to_string());
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::ManageAccounts)?;
            tx.update_sg_member(m.id, &name, &fold(&name), &phone, &role)?;
            tx.audit(
                &actor.name,
                "member.edit",
                &org.code,
                &m.number.to_string(),
                &now,
            )
        })?;
        self.sg_member(org, &m.number.to_string())
    }

    // ---- meetings -----------------------------------------------------

    /// Meetings of the last cycle.
    pub fn meetings(&self, org: &OrgRow) -> Result<Vec<MeetingRow>> {
        let c = self.cycle(org)?;
        self.store.read().sg_meetings(org.id, Some(c.id))
    }

    fn open_cycle(r: &Reader<'_>, org: &OrgRow) -> Result<CycleRow> {
        let c = r
            .sg_cycles(org.id)?
            .pop()
            .ok_or_else(|| err(SavingsError::NoCycle))?;
        if c.shared_on.is_some() {
            return Err(err(SavingsError::CycleShared { number: c.number }));
        }
        Ok(c)
    }

    /// Opens a meeting: the counted cash must equal the books, or the
    /// difference is recorded with a reason before anything else.
    pub fn open_meeting(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        input: OpenInput,
    ) -> Result<MeetingView> {
        savings_org(org)?;
        let reason = clean("reason", &input.reason, 300, false)?;
        if input.loan_cash.francs() < 0 || input.social_cash.francs() < 0 {
            return Err(err(SavingsError::Negative { field: "count" }));
        }
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            let cycle = Self::open_cycle(&tx.read(), org)?;
            if input.date < cycle.start {
                return Err(err(SavingsError::MeetingBeforeCycle { start: cycle.start }));
            }
            let all = tx.read().sg_meetings(org.id, None)?;
            if let Some(last) = all.last() {
                if !last.is_closed() {
                    return Err(err(SavingsError::MeetingOpen {
                        number: last.number,
                        date: last.date,
                    }));
                }
                if input.date <= last.date {
                    return Err(err(SavingsError::MeetingBefore { last: last.date }));
                }
            }
            let number = all.iter().filter(|m| m.cycle_id == cycle.id).count() as i64 + 1;
            let expected_loan = Fcfa::new(tx.read().account_net(org.id, accounts::LOAN_CASH)?);
            let expected_social = Fcfa::new(tx.read().account_net(org.id, accounts::SOCIAL_CASH)?);
            let mut lines = Vec::new();
            for (fund, cash, expected, counted) in [
                ("loan", accounts::LOAN_CASH, expected_loan, input.loan_cash),
                (
                    "social",
                    accounts::SOCIAL_CASH,
                    expected_social,
                    input.social_cash,
                ),
            ] {
                if counted != expected && reason.is_empty() {
                    return Err(err(SavingsError::CountMismatch {
                        fund,
                        expected,
                        counted,
                    }));
                }
                diff_lines(&mut lines, cash, expected, counted, &reason)?;
            }
            let doc = meeting_ref(cycle.number, number);
            let memo = crate::t!(
                "sg-memo-open-diff",
                number = number,
                date = input.date,
                reason = reason.clone()
            );
            let source = format!("sgopen:{}-{number}", cycle.id);
            let entry = post_sg(
                tx, org, actor, &now, &source, &source, &doc, input.date, memo, lines,
            )?;
            tx.insert_meeting(
                org.id,
                cycle.id,
                number,
                input.date,
                (expected_loan, expected_social),
                (input.loan_cash, input.social_cash),
                &reason,
                entry.map(|e| e.0),
                &actor.name,
                &now,
            )?;
            tx.audit(&actor.name, "meeting.open", &org.code, &doc, &now)?;
            Ok(())
        })?;
        self.meeting_view(org, None)
    }

    /// A meeting of the last cycle (the last one when `number` is None).
    pub fn meeting_view(&self, org: &OrgRow, number: Option<i64>) -> Result<MeetingView> {
        savings_org(org)?;
        let r = self.store.read();
        let cycle = r
            .sg_cycles(org.id)?
            .pop()
            .ok_or_else(|| err(SavingsError::NoCycle))?;
        let meetings = r.sg_meetings(org.id, Some(cycle.id))?;
        let meeting = match number {
            Some(n) => meetings.into_iter().find(|m| m.number == n),
            None => meetings.into_iter().last(),
        }
        .ok_or_else(|| {
            err(SavingsError::UnknownMeeting {
                number: number.unwrap_or(0),
            })
        })?;
        view_of(&r, org, cycle, meeting)
    }

    /// Saves one member's row of the open meeting, after checking it.
    pub fn record_row(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        member: &str,
        row: RowInput,
    ) -> Result<MeetingView> {
        savings_org(org)?;
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            let (meeting, led) = open_meeting_of(&tx.read(), org)?;
            let m = find_member(&led.members, member)?.clone();
            save_row(tx, org, &meeting, &led, &m, &row, &now)
        })?;
        self.meeting_view(org, None)
    }

    /// Checks a row without saving it (for the grid, as it is typed).
    pub fn check_meeting_row(
        &self,
        org: &OrgRow,
        member: &str,
        row: &RowInput,
    ) -> Result<RowCheck> {
        savings_org(org)?;
        let r = self.store.read();
        let (meeting, led) = open_meeting_of(&r, org)?;
        let m = find_member(&led.members, member)?;
        let drafts: HashMap<i64, RowInput> = r.sg_drafts(meeting.id)?.into_iter().collect();
        let cash = cash_for_row(&led, &meeting, &drafts, m.id)?;
        Ok(check_row(
            &led.cycle.constitution,
            row,
            &led.state(m, meeting.date),
            meeting.date,
            cash,
        )?)
    }

    /// Saves the default row (present, the social fee, the minimum shares)
    /// for every member who has none yet; absent members keep theirs.
    pub fn fill_default_rows(&mut self, actor: &Actor, org: &OrgRow) -> Result<MeetingView> {
        savings_org(org)?;
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            let (meeting, led) = open_meeting_of(&tx.read(), org)?;
            let drafts: HashMap<i64, RowInput> =
                tx.read().sg_drafts(meeting.id)?.into_iter().collect();
            let row = RowInput::default_for(&led.cycle.constitution);
            for m in led.members.iter().filter(|m| m.active_on(meeting.date)) {
                if !drafts.contains_key(&m.id) {
                    save_row(tx, org, &meeting, &led, m, &row, &now)?;
                }
            }
            Ok(())
        })?;
        self.meeting_view(org, None)
    }

    /// Adds a social fund movement to the open meeting.
    pub fn add_social(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        s: SocialInput,
    ) -> Result<MeetingView> {
        savings_org(org)?;
        let kind = parse_social_kind(&s.kind)?;
        let reason = parse_social_reason(&s.reason)?;
        let note = clean("note", &s.note, 200, false)?;
        if s.amount.francs() <= 0 {
            return Err(err(SavingsError::Negative { field: "amount" }));
        }
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            let (meeting, led) = open_meeting_of(&tx.read(), org)?;
            let m = find_member(&led.members, &s.member)?.clone();
            if !m.active_on(meeting.date) {
                return Err(err(SavingsError::InactiveMember));
            }
            let c = &led.cycle.constitution;
            let term = if s.term == 0 {
                c.max_term_months
            } else {
                s.term
            };
            if kind == "loan" && term > c.max_term_months {
                return Err(err(SavingsError::TermTooLong {
                    term,
                    max: c.max_term_months,
                }));
            }
            let drafts = tx.read().sg_draft_social(meeting.id)?;
            if kind == "repay" {
                let owed = led
                    .open_loan(m.id, "social", meeting.date)
                    .map(|(_, st)| st.balance)
                    .ok_or_else(|| err(SavingsError::NoSocialLoan))?;
                let already: i64 = drafts
                    .iter()
                    .filter(|d| d.member_id == m.id && d.kind == "repay")
                    .map(|d| d.amount.francs())
                    .sum();
                if s.amount.francs() + already > owed.francs() {
                    return Err(err(SavingsError::RepayAbovePayoff {
                        amount: s.amount,
                        payoff: Fcfa::new(owed.francs() - already),
                    }));
                }
            } else {
                let rows: HashMap<i64, RowInput> =
                    tx.read().sg_drafts(meeting.id)?.into_iter().collect();
                let cash = social_cash(&meeting, &rows, &drafts);
                if s.amount.francs() > cash {
                    return Err(err(SavingsError::SocialCashShort {
                        amount: s.amount,
                        cash: Fcfa::new(cash),
                    }));
                }
            }
            tx.insert_draft_social(
                meeting.id,
                m.id,
                kind,
                s.amount,
                reason,
                &note,
                i64::from(term),
                &now,
            )?;
            Ok(())
        })?;
        self.meeting_view(org, None)
    }

    /// Removes a social fund movement typed at the open meeting.
    pub fn remove_social(&mut self, actor: &Actor, org: &OrgRow, id: i64) -> Result<MeetingView> {
        savings_org(org)?;
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            let (meeting, _) = open_meeting_of(&tx.read(), org)?;
            if !tx.delete_draft_social(meeting.id, id)? {
                return Err(err(SavingsError::UnknownSocial { id }));
            }
            Ok(())
        })?;
        self.meeting_view(org, None)
    }

    /// Closes the open meeting: posts every row, the social fund movements
    /// and any cash difference, then shows the closing code.
    pub fn close_meeting(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        input: CloseInput,
    ) -> Result<CloseOutcome> {
        savings_org(org)?;
        let reason = clean("reason", &input.reason, 300, false)?;
        if input.loan_cash.francs() < 0 || input.social_cash.francs() < 0 {
            return Err(err(SavingsError::Negative { field: "count" }));
        }
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            let (meeting, led) = open_meeting_of(&tx.read(), org)?;
            let drafts: HashMap<i64, RowInput> =
                tx.read().sg_drafts(meeting.id)?.into_iter().collect();
            let social = tx.read().sg_draft_social(meeting.id)?;
            let missing: Vec<String> = led
                .members
                .iter()
                .filter(|m| m.active_on(meeting.date) && !drafts.contains_key(&m.id))
                .map(|m| m.number.to_string())
                .collect();
            if !missing.is_empty() {
                return Err(err(SavingsError::RowsMissing {
                    members: missing.join(", "),
                }));
            }
            // What the boxes must hold once everything is posted.
            let (closing_loan, closing_social) = closing_cash(&led, &meeting, &drafts, &social)?;
            for (fund, expected, counted) in [
                ("loan", closing_loan, input.loan_cash),
                ("social", closing_social, input.social_cash),
            ] {
                if counted != expected && reason.is_empty() {
                    return Err(err(SavingsError::CountMismatch {
                        fund,
                        expected,
                        counted,
                    }));
                }
            }
            let seq = meeting.closes + 1;
            let close_id = tx.insert_sg_close(
                meeting.id,
                seq,
                (closing_loan, closing_social),
                (input.loan_cash, input.social_cash),
                &reason,
                &actor.name,
                &now,
            )?;
            let source = format!("sgclose:{close_id}");
            let doc = meeting_ref(led.cycle.number, meeting.number);
            let c = &led.cycle.constitution;
            let mut entries = 0;
            let mut members: Vec<&SgMemberRow> = led
                .members
                .iter()
                .filter(|m| drafts.contains_key(&m.id))
                .collect();
            // Rows that bring cash in are posted before those that take it
            // out (a loan paid for by the meeting's shares), so the box
            // never shows below zero between two entries; then by number.
            let net = |m: &SgMemberRow| {
                let row = &drafts[&m.id];
                row.loan_fund_in(c, upfront_of(c, row, meeting.date)) - row.new_loan.francs()
            };
            // Loans are numbered in the order of the members' numbers.
            let mut loan_numbers: HashMap<i64, i64> = HashMap::new();
            for m in &members {
                if !drafts[&m.id].new_loan.is_zero() {
                    loan_numbers.insert(m.id, tx.next_doc_number(org.id, "loan")?);
                }
            }
            members.sort_by_key(|m| (std::cmp::Reverse(net(m)), m.number));
            for m in members {
                let row = &drafts[&m.id];
                let cash = cash_for_row(&led, &meeting, &drafts, m.id)?;
                let state = led.state(m, meeting.date);
                let check = check_row(c, row, &state, meeting.date, cash)
                    .map_err(|e| member_error(m, err(e)))?;
                let loan = led.open_loan(m.id, "loan", meeting.date).map(|(l, _)| l.id);
                let new_loan_id = if row.new_loan.is_zero() {
                    None
                } else {
                    let number = loan_numbers[&m.id];
                    Some((
                        tx.insert_sg_loan(
                            org.id,
                            &NewLoan {
                                number,
                                member_id: m.id,
                                close_id,
                                fund: "loan",
                                principal: row.new_loan,
                                mode: c.interest_mode,
                                rate: c.monthly_rate,
                                term: check.loan_term,
                                disbursed: meeting.date,
                                late: c.late,
                            },
                        )?,
                        number,
                    ))
                };
                let lines = row_lines(c, m, row, &check, new_loan_id.map(|l| l.1))?;
                let memo = crate::t!(
                    "sg-memo-row",
                    number = meeting.number,
                    date = meeting.date,
                    name = m.name.clone()
                );
                let key = format!("{source}:{}", m.id);
                let entry = post_sg(
                    tx,
                    org,
                    actor,
                    &now,
                    &source,
                    &key,
                    &doc,
                    meeting.date,
                    memo,
                    lines,
                )?;
                if entry.is_some() {
                    entries += 1;
                }
                tx.insert_sg_row(
                    close_id,
                    &NewRecordedRow {
                        member_id: m.id,
                        attendance: row.attendance,
                        social: row.social,
                        shares: i64::from(row.shares),
                        loan_id: loan.filter(|_| !row.repay.is_zero()),
                        repay_principal: check.repayment.principal,
                        repay_interest: check.repayment.interest,
                        fine_levied: row.fine_levied,
                        fine_paid: row.fine_paid,
                        new_loan_id: new_loan_id.map(|l| l.0),
                        new_loan: row.new_loan,
                        upfront_interest: check.upfront_interest,
                        entry_id: entry.map(|e| e.0),
                    },
                )?;
            }
            // Repayments into the social fund before what it pays out.
            let mut social = social;
            social.sort_by_key(|s| (s.kind != "repay", s.id));
            for (i, s) in social.iter().enumerate() {
                let m = led
                    .members
                    .iter()
                    .find(|m| m.id == s.member_id)
                    .ok_or_else(|| {
                        err(SavingsError::UnknownMember {
                            input: s.member_id.to_string(),
                        })
                    })?;
                let mut lines = Vec::new();
                let label = m.name.clone();
                let mut loan_id = None;
                match s.kind.as_str() {
                    "grant" => {
                        line(
                            &mut lines,
                            accounts::SOCIAL_FUND,
                            Side::Debit,
                            s.amount,
                            label.clone(),
                        )?;
                        line(
                            &mut lines,
                            accounts::SOCIAL_CASH,
                            Side::Credit,
                            s.amount,
                            label,
                        )?;
                    }
                    "loan" => {
                        let number = tx.next_doc_number(org.id, "loan")?;
                        loan_id = Some(tx.insert_sg_loan(
                            org.id,
                            &NewLoan {
                                number,
                                member_id: m.id,
                                close_id,
                                fund: "social",
                                principal: s.amount,
                                mode: crate::domain::savings::InterestMode::None,
                                rate: Decimal::ZERO,
                                term: u32::try_from(s.term).unwrap_or(1).max(1),
                                disbursed: meeting.date,
                                late: crate::domain::savings::LatePolicy::Overdue,
                            },
                        )?);
                        line(
                            &mut lines,
                            accounts::SOCIAL_LOANS,
                            Side::Debit,
                            s.amount,
                            label.clone(),
                        )?;
                        line(
                            &mut lines,
                            accounts::SOCIAL_CASH,
                            Side::Credit,
                            s.amount,
                            label,
                        )?;
                    }
                    _ => {
                        loan_id = led
                            .open_loan(m.id, "social", meeting.date)
                            .map(|(l, _)| l.id);
                        line(
                            &mut lines,
                            accounts::SOCIAL_CASH,
                            Side::Debit,
                            s.amount,
                            label.clone(),
                        )?;
                        line(
                            &mut lines,
                            accounts::SOCIAL_LOANS,
                            Side::Credit,
                            s.amount,
                            label,
                        )?;
                    }
                }
                let memo = crate::t!(
                    "sg-memo-social",
                    kind = crate::i18n::tr(&format!("sg-social-{}", s.kind)),
                    reason = crate::i18n::tr(&format!("sg-reason-{}", s.reason)),
                    name = m.name.clone(),
                    number = meeting.number
                );
                let key = format!("{source}:social:{i}");
                let (entry_id, _) = post_sg(
                    tx,
                    org,
                    actor,
                    &now,
                    &source,
                    &key,
                    &doc,
                    meeting.date,
                    memo,
                    lines,
                )?
                .ok_or_else(|| err(SavingsError::Negative { field: "amount" }))?;
                entries += 1;
                tx.insert_sg_social(
                    close_id, m.id, &s.kind, s.amount, &s.reason, &s.note, loan_id, entry_id,
                )?;
            }
            let mut lines = Vec::new();
            diff_lines(
                &mut lines,
                accounts::LOAN_CASH,
                closing_loan,
                input.loan_cash,
                &reason,
            )?;
            diff_lines(
                &mut lines,
                accounts::SOCIAL_CASH,
                closing_social,
                input.social_cash,
                &reason,
            )?;
            let memo = crate::t!(
                "sg-memo-close-diff",
                number = meeting.number,
                date = meeting.date,
                reason = reason.clone()
            );
            if post_sg(
                tx,
                org,
                actor,
                &now,
                &source,
                &format!("{source}:diff"),
                &doc,
                meeting.date,
                memo,
                lines,
            )?
            .is_some()
            {
                entries += 1;
            }
            tx.clear_drafts(meeting.id)?;
            let head = tx.read().org(&org.code)?.ok_or_else(|| Error::UnknownOrg {
                code: org.code.clone(),
            })?;
            let code = closing_code(&head.head_number, &head.head_hash);
            tx.finish_sg_close(close_id, &head.head_number, &code)?;
            tx.audit(
                &actor.name,
                "meeting.close",
                &org.code,
                &format!("{doc} {code}"),
                &now,
            )?;
            Ok(CloseOutcome {
                meeting: meeting.number,
                date: meeting.date,
                entries,
                closing_loan: input.loan_cash,
                closing_social: input.social_cash,
                difference_loan: Fcfa::new(input.loan_cash.francs() - closing_loan.francs()),
                difference_social: Fcfa::new(input.social_cash.francs() - closing_social.francs()),
                code,
            })
        })
    }

    /// Reopens the last meeting: reverses every entry its close posted
    /// and puts its rows back in the grid, to be changed and closed again.
    pub fn reopen_meeting(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        number: Option<i64>,
        reason: &str,
    ) -> Result<MeetingView> {
        savings_org(org)?;
        let reason = clean("reason", reason, 300, true)?;
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            let cycle = Self::open_cycle(&tx.read(), org)?;
            let all = tx.read().sg_meetings(org.id, None)?;
            let last = all.last().ok_or_else(|| {
                err(SavingsError::UnknownMeeting {
                    number: number.unwrap_or(0),
                })
            })?;
            if let Some(n) = number
                && (last.number != n || last.cycle_id != cycle.id)
            {
                if !all.iter().any(|m| m.cycle_id == cycle.id && m.number == n) {
                    return Err(err(SavingsError::UnknownMeeting { number: n }));
                }
                return Err(err(SavingsError::NotLastMeeting {
                    number: n,
                    last: last.number,
                }));
            }
            if last.cycle_id != cycle.id {
                return Err(err(SavingsError::UnknownMeeting {
                    number: number.unwrap_or(0),
                }));
            }
            let close_id = last.live_close.ok_or_else(|| {
                err(SavingsError::MeetingNotClosed {
                    number: last.number,
                })
            })?;
            let r = tx.read();
            let blocked = r.sg_leaves(org.id)?.iter().any(|l| l.date >= last.date)
                || r.sg_writeoffs(org.id)?.iter().any(|w| w.date >= last.date);
            if blocked {
                return Err(err(SavingsError::ReopenBlocked));
            }
            let rows: Vec<RecordedRow> = r
                .sg_rows(org.id, None, true)?
                .into_iter()
                .filter(|x| x.close_id == close_id)
                .collect();
            let social: Vec<crate::store::SocialRow> = r
                .sg_social(org.id, None)?
                .into_iter()
                .filter(|s| s.close_id == close_id)
                .collect();
            let loans = r.sg_loans(org.id)?;
            let entries = r.sg_close_entries(org.id, close_id)?;
            let memo = crate::t!(
                "sg-memo-reopen",
                number = last.number,
                reason = reason.clone()
            );
            let memo = clean("memo", &memo, crate::domain::ledger::MAX_MEMO, true)?;
            let mut reversals = Vec::new();
            // Newest first: the close's last entries took cash its first
            // ones brought in (a loan paid for by the meeting's shares).
            for (i, e) in entries.iter().enumerate().rev() {
                let n =
                    EntryNumber::parse(e).ok_or_else(|| Error::Refused { detail: e.clone() })?;
                let original = tx
                    .read()
                    .entry(org.id, n)?
                    .ok_or(Error::CorruptEntry { number: n })?;
                let key = format!("{INTERNAL_KEY_PREFIX}sgreopen:{close_id}:{i}");
                match reverse_in(
                    tx,
                    org,
                    &original,
                    n,
                    last.date,
                    &memo,
                    &key,
                    &actor.name,
                    &now,
                )? {
                    PostOutcome::Posted(p) => reversals.push(p.number.to_string()),
                    PostOutcome::AlreadyRecorded(p) => reversals.push(p.to_string()),
                }
            }
            tx.insert_reopen(close_id, &reason, &reversals.join(" "), &actor.name, &now)?;
            // The rows go back to the grid as they were typed.
            for x in rows {
                let term = x
                    .new_loan_id
                    .and_then(|id| loans.iter().find(|l| l.id == id))
                    .map_or(0, |l| l.term);
                let row = RowInput {
                    attendance: x.attendance,
                    social: x.social,
                    shares: u32::try_from(x.shares).unwrap_or(0),
                    repay: Fcfa::new(x.repay_principal.francs() + x.repay_interest.francs()),
                    fine_levied: x.fine_levied,
                    fine_paid: x.fine_paid,
                    new_loan: x.new_loan,
                    loan_term: term,
                };
                tx.put_draft(last.id, x.member_id, &row, &now)?;
            }
            for s in social {
                let term = s
                    .loan_id
                    .and_then(|id| loans.iter().find(|l| l.id == id))
                    .map_or(0, |l| i64::from(l.term));
                let term = if s.kind == "loan" { term } else { 0 };
                tx.insert_draft_social(
                    last.id,
                    s.member_id,
                    &s.kind,
                    s.amount,
                    &s.reason,
                    &s.note,
                    term,
                    &now,
                )?;
            }
            tx.audit(
                &actor.name,
                "meeting.reopen",
                &org.code,
                &format!(
                    "{} {}: {reason}",
                    meeting_ref(cycle.number, last.number),
                    reversals.join(" ")
                ),
                &now,
            )?;
            Ok(())
        })?;
        self.meeting_view(org, None)
    }

    /// Reads a meeting sheet (CSV a facilitator filled on paper) into the
    /// open meeting's grid: every row is checked, and one bad row saves
    /// nothing.
    pub fn import_sheet(&mut self, actor: &Actor, org: &OrgRow, text: &str) -> Result<MeetingView> {
        savings_org(org)?;
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            let (meeting, led) = open_meeting_of(&tx.read(), org)?;
            let rows = super::sheet::parse_sheet(text, &led.cycle.constitution)?;
            // First save every row, then check them all: a loan may rely on
            // shares bought further down the sheet.
            let mut found = Vec::new();
            for (line_no, member, row) in &rows {
                let m = match member.split_once('\u{1f}') {
                    Some((number, name)) => {
                        let m = find_member(&led.members, number)
                            .map_err(|e| sheet_error(*line_no, &e))?;
                        if !fold(&m.name).contains(&fold(name))
                            && !fold(name).contains(&fold(&m.name))
                        {
                            return Err(sheet_error(
                                *line_no,
                                &err(SavingsError::UnknownMember {
                                    input: format!("{number} {name}"),
                                }),
                            ));
                        }
                        m
                    }
                    None => {
                        find_member(&led.members, member).map_err(|e| sheet_error(*line_no, &e))?
                    }
                };
                if !m.active_on(meeting.date) && !row.is_empty() {
                    return Err(sheet_error(*line_no, &err(SavingsError::InactiveMember)));
                }
                tx.put_draft(meeting.id, m.id, row, &now)?;
                found.push((*line_no, m.clone(), row.clone()));
            }
            let drafts: HashMap<i64, RowInput> =
                tx.read().sg_drafts(meeting.id)?.into_iter().collect();
            for (line_no, m, row) in &found {
                let cash = cash_for_row(&led, &meeting, &drafts, m.id)?;
                check_row(
                    &led.cycle.constitution,
                    row,
                    &led.state(m, meeting.date),
                    meeting.date,
                    cash,
                )
                .map_err(|e| sheet_error(*line_no, &err(e)))?;
            }
            tx.audit(
                &actor.name,
                "meeting.import",
                &org.code,
                &format!("{} rows", found.len()),
                &now,
            )?;
            Ok(())
        })?;
        self.meeting_view(org, None)
    }

    // ---- loans --------------------------------------------------------

    /// The loan register on `at` (void loans of reopened meetings left out),
    /// loans still owed first.
    pub fn loans(&self, org: &OrgRow, at: NaiveDate) -> Result<Vec<LoanView>> {
        savings_org(org)?;
        let r = self.store.read();
        let cycle = r
            .sg_cycles(org.id)?
            .pop()
            .ok_or_else(|| err(SavingsError::NoCycle))?;
        let led = Ledger::read(&r, org, cycle)?;
        // Loans still owed first, then those repaid or written off; each
        // part by number.
        let mut out: Vec<LoanView> = led
            .loans
            .iter()
            .filter(|l| l.live)
            .map(|l| loan_view(&led, l, at))
            .collect();
        out.sort_by_key(|v| {
            (
                v.status.closed || v.loan.written_off.is_some(),
                v.loan.number,
            )
        });
        Ok(out)
    }

    pub fn loan(&self, org: &OrgRow, number: i64, at: NaiveDate) -> Result<LoanView> {
        self.loans(org, at)?
            .into_iter()
            .find(|l| l.loan.number == number)
            .ok_or_else(|| err(SavingsError::UnknownLoan { number }))
    }

    /// Writes off what is still owed on a loan, posted to losses with the
    /// reason and the names of at least two users who approved it.
    pub fn write_off(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        number: i64,
        date: NaiveDate,
        reason: &str,
        approvers: &[String],
    ) -> Result<LoanView> {
        savings_org(org)?;
        let reason = clean("reason", reason, 300, true)?;
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            let users = tx.read().users()?;
            let mut names: Vec<String> = Vec::new();
            for a in approvers {
                let a = a.trim();
                if a.is_empty() {
                    continue;
                }
                // A ledger kept without user accounts takes the names as
                // written; otherwise each must be one of its users.
                let name = if users.is_empty() {
                    a.to_string()
                } else {
                    users
                        .iter()
                        .find(|u| fold(&u.name) == fold(a))
                        .map(|u| u.name.clone())
                        .ok_or_else(|| {
                            err(SavingsError::UnknownApprover {
                                name: a.to_string(),
                            })
                        })?
                };
                if !names.iter().any(|n| fold(n) == fold(&name)) {
                    names.push(name);
                }
            }
            if names.len() < 2 {
                return Err(err(SavingsError::ApproversNeeded));
            }
            let r = tx.read();
            let cycle = r
                .sg_cycles(org.id)?
                .pop()
                .ok_or_else(|| err(SavingsError::NoCycle))?;
            let led = Ledger::read(&r, org, cycle)?;
            let loan = led
                .loans
                .iter()
                .find(|l| l.number == number && l.live)
                .ok_or_else(|| err(SavingsError::UnknownLoan { number }))?;
            let next_day = date.succ_opt().unwrap_or(date);
            let st = Ledger::terms(loan).status(&led.payments(loan, next_day), date);
            if st.closed || loan.written_off.is_some() {
                return Err(err(SavingsError::LoanClosed { number }));
            }
            if date < loan.disbursed {
                return Err(err(SavingsError::MeetingBefore {
                    last: loan.disbursed,
                }));
            }
            let m = led
                .members
                .iter()
                .find(|m| m.id == loan.member_id)
                .ok_or_else(|| err(SavingsError::UnknownLoan { number }))?;
            let mut lines = Vec::new();
            let (loss, asset) = if loan.fund == "social" {
                (accounts::SOCIAL_FUND, accounts::SOCIAL_LOANS.to_string())
            } else {
                (accounts::BAD_DEBT, m.loan_account.clone())
            };
            line(&mut lines, loss, Side::Debit, st.balance, m.name.clone())?;
            line(&mut lines, &asset, Side::Credit, st.balance, m.name.clone())?;
            let memo = crate::t!(
                "sg-memo-writeoff",
                number = number,
                name = m.name.clone(),
                reason = reason.clone(),
                approvers = names.join(", ")
            );
            let source = format!("sgwriteoff:{}", loan.id);
            let (entry_id, _) = post_sg(
                tx,
                org,
                actor,
                &now,
                &source,
                &source,
                &format!("PRT-{number:04}"),
                date,
                memo,
                lines,
            )?
            .ok_or_else(|| err(SavingsError::LoanClosed { number }))?;
            tx.insert_writeoff(
                loan.id,
                date,
                st.balance,
                &reason,
                &names.join(", "),
                entry_id,
                &actor.name,
                &now,
            )?;
            tx.audit(
                &actor.name,
                "loan.writeoff",
                &org.code,
                &format!("{number}: {reason}"),
                &now,
            )
        })?;
        self.loan(org, number, date)
    }

    // ---- leaving ------------------------------------------------------

    pub fn leave_preview(&self, org: &OrgRow, member: &str, date: NaiveDate) -> Result<LeavePlan> {
        savings_org(org)?;
        let r = self.store.read();
        let cycle = Self::open_cycle(&r, org)?;
        let led = Ledger::read(&r, org, cycle)?;
        let m = find_member(&led.members, member)?;
        let cash = Fcfa::new(r.account_net(org.id, accounts::LOAN_CASH)?);
        leave_plan(&led, m, date, cash)
    }

    /// A member leaves during the cycle: she takes her savings (or her
    /// shares at today's value, per the constitution), less what she owes.
    pub fn member_leave(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        member: &str,
        date: NaiveDate,
    ) -> Result<LeavePlan> {
        savings_org(org)?;
        let now = now();
        let mut plan = self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            let r = tx.read();
            let cycle = Self::open_cycle(&r, org)?;
            if let Some(last) = r.sg_meetings(org.id, None)?.last() {
                if !last.is_closed() {
                    return Err(err(SavingsError::MeetingOpen {
                        number: last.number,
                        date: last.date,
                    }));
                }
                if date < last.date {
                    return Err(err(SavingsError::MeetingBefore { last: last.date }));
                }
            }
            let led = Ledger::read(&r, org, cycle)?;
            let m = find_member(&led.members, member)?.clone();
            let cash = Fcfa::new(r.account_net(org.id, accounts::LOAN_CASH)?);
            let plan = leave_plan(&led, &m, date, cash)?;
            let mut lines = Vec::new();
            let source = format!("sgleave:{}", m.id);
            let settled = settle_lines(&led, &m, date, &mut lines)?;
            line(
                &mut lines,
                &m.account,
                Side::Debit,
                plan.savings,
                m.name.clone(),
            )?;
            line(
                &mut lines,
                accounts::LOAN_CASH,
                Side::Credit,
                plan.payout,
                m.name.clone(),
            )?;
            let profit = plan.amount.francs() - plan.savings.francs();
            if profit > 0 {
                line(
                    &mut lines,
                    accounts::RETURN,
                    Side::Debit,
                    Fcfa::new(profit),
                    m.name.clone(),
                )?;
            } else if profit < 0 {
                line(
                    &mut lines,
                    accounts::LOSS_BORNE,
                    Side::Credit,
                    Fcfa::new(-profit),
                    m.name.clone(),
                )?;
            }
            let memo = crate::t!("sg-memo-leave", name = m.name.clone(), number = m.number);
            let entry = post_sg(
                tx,
                org,
                actor,
                &now,
                &source,
                &source,
                &format!("DEP-{:03}", m.number),
                date,
                memo,
                lines,
            )?;
            if let Some((entry_id, _)) = entry {
                for s in settled {
                    tx.insert_netting(m.id, s.0, date, s.1, s.2, s.3, entry_id, &source)?;
                }
            }
            tx.insert_leave(
                m.id,
                led.cycle.id,
                date,
                plan.savings,
                plan.debt,
                plan.payout,
                entry.map(|e| e.0),
                &actor.name,
                &now,
            )?;
            tx.set_sg_member_left(m.id, date)?;
            tx.audit(
                &actor.name,
                "member.leave",
                &org.code,
                &format!("{} {}", m.number, m.name),
                &now,
            )?;
            Ok(plan)
        })?;
        plan.entry = self
            .store
            .read()
            .sg_leaves(org.id)?
            .into_iter()
            .rev()
            .find(|l| l.date == date)
            .and_then(|l| l.entry);
        Ok(plan)
    }

    // ---- share-out ----------------------------------------------------

    pub fn shareout_preview(&self, org: &OrgRow, date: NaiveDate) -> Result<ShareoutView> {
        savings_org(org)?;
        let r = self.store.read();
        let cycles = r.sg_cycles(org.id)?;
        let cycle = cycles
            .last()
            .cloned()
            .ok_or_else(|| err(SavingsError::NoCycle))?;
        if let Some(on) = cycle.shared_on
            && let Some((_, plan, entry)) = r.sg_shareout(cycle.id)?
        {
            let plan: ShareoutPlan = serde_json::from_str(&plan).map_err(|e| Error::Corrupt {
                detail: e.to_string(),
            })?;
            let members = r.sg_members(org.id)?;
            return Ok(ShareoutView {
                cycle: cycle.number,
                date: on,
                names: names_of(&members, &plan),
                remainder_to: cycle.constitution.remainder_to.code().into(),
                plan,
                entry: Some(entry),
            });
        }
        let cash = Fcfa::new(r.account_net(org.id, accounts::LOAN_CASH)?);
        let led = Ledger::read(&r, org, cycle)?;
        let plan = shareout_plan(&led, date, cash)?;
        Ok(ShareoutView {
            cycle: led.cycle.number,
            date,
            names: names_of(&led.members, &plan),
            remainder_to: led.cycle.constitution.remainder_to.code().into(),
            plan,
            entry: None,
        })
    }

    /// Posts the share-out and closes the cycle. The social fund stays.
    pub fn post_shareout(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        date: NaiveDate,
    ) -> Result<ShareoutView> {
        savings_org(org)?;
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            let r = tx.read();
            let cycle = Self::open_cycle(&r, org)?;
            if let Some(last) = r.sg_meetings(org.id, None)?.last() {
                if !last.is_closed() {
                    return Err(err(SavingsError::MeetingOpen {
                        number: last.number,
                        date: last.date,
                    }));
                }
                if date < last.date {
                    return Err(err(SavingsError::MeetingBefore { last: last.date }));
                }
            }
            let cash = Fcfa::new(r.account_net(org.id, accounts::LOAN_CASH)?);
            let led = Ledger::read(&r, org, cycle)?;
            let plan = shareout_plan(&led, date, cash)?;
            let source = format!("sgshare:{}", led.cycle.id);
            let mut lines = Vec::new();
            let mut settled_all = Vec::new();
            for l in &plan.lines {
                let m = led
                    .members
                    .iter()
                    .find(|m| m.id == l.member_id)
                    .expect("planned member");
                if !l.netted.is_zero() {
                    let settled = settle_lines(&led, m, date, &mut lines)?;
                    settled_all.extend(settled.into_iter().map(|s| (m.id, s)));
                }
                line(
                    &mut lines,
                    &m.account,
                    Side::Debit,
                    l.savings,
                    m.name.clone(),
                )?;
                line(
                    &mut lines,
                    accounts::LOAN_CASH,
                    Side::Credit,
                    l.payout,
                    m.name.clone(),
                )?;
            }
            let profit: i64 = plan.lines.iter().map(|l| l.profit.francs()).sum();
            let label = crate::t!("sg-line-return");
            if profit > 0 {
                line(
                    &mut lines,
                    accounts::RETURN,
                    Side::Debit,
                    Fcfa::new(profit),
                    label,
                )?;
            } else if profit < 0 {
                line(
                    &mut lines,
                    accounts::LOSS_BORNE,
                    Side::Credit,
                    Fcfa::new(-profit),
                    label,
                )?;
            }
            if led.cycle.constitution.remainder_to
                == crate::domain::savings::RemainderTo::SocialFund
            {
                let label = crate::t!("sg-line-remainder");
                line(
                    &mut lines,
                    accounts::SOCIAL_CASH,
                    Side::Debit,
                    plan.remainder,
                    label.clone(),
                )?;
                line(
                    &mut lines,
                    accounts::LOAN_CASH,
                    Side::Credit,
                    plan.remainder,
                    label.clone(),
                )?;
                line(
                    &mut lines,
                    accounts::TO_SOCIAL,
                    Side::Debit,
                    plan.remainder,
                    label.clone(),
                )?;
                line(
                    &mut lines,
                    accounts::SOCIAL_FUND,
                    Side::Credit,
                    plan.remainder,
                    label,
                )?;
            }
            let memo = crate::t!("sg-memo-shareout", cycle = led.cycle.number);
            let doc = format!("PTG-{}", led.cycle.number);
            let (entry_id, _) = post_sg(
                tx, org, actor, &now, &source, &source, &doc, date, memo, lines,
            )?
            .ok_or_else(|| err(SavingsError::NoShares))?;
            for (member_id, s) in settled_all {
                tx.insert_netting(member_id, s.0, date, s.1, s.2, s.3, entry_id, &source)?;
            }
            tx.insert_shareout(
                led.cycle.id,
                date,
                &plan,
                plan.remainder,
                entry_id,
                &actor.name,
                &now,
            )?;
            tx.audit(&actor.name, "shareout.post", &org.code, &doc, &now)
        })?;
        self.shareout_preview(org, date)
    }

    // ---- passbook and indicators -------------------------------------

    pub fn passbook(&self, org: &OrgRow, member: &str, at: NaiveDate) -> Result<Passbook> {
        savings_org(org)?;
        let r = self.store.read();
        let cycles = r.sg_cycles(org.id)?;
        let cycle = cycles
            .last()
            .cloned()
            .ok_or_else(|| err(SavingsError::NoCycle))?;
        let led = Ledger::read(&r, org, cycle)?;
        let m = find_member(&led.members, member)?.clone();
        let price_of: HashMap<i64, Fcfa> = cycles
            .iter()
            .map(|c| (c.id, c.constitution.share_price))
            .collect();
        let all_rows = r.sg_rows(org.id, Some(m.id), false)?;
        let social = r.sg_social(org.id, Some(m.id))?;
        let mut lines: Vec<PassbookLine> = Vec::new();
        let blank = |date: NaiveDate, meeting: i64, kind: &str| PassbookLine {
            date,
            meeting,
            kind: kind.to_string(),
            attendance: None,
            shares: 0,
            savings: Fcfa::ZERO,
            social: Fcfa::ZERO,
            repay_principal: Fcfa::ZERO,
            repay_interest: Fcfa::ZERO,
            fine_levied: Fcfa::ZERO,
            fine_paid: Fcfa::ZERO,
            new_loan: Fcfa::ZERO,
            payout: Fcfa::ZERO,
            shares_total: 0,
            savings_total: Fcfa::ZERO,
            loan_balance: Fcfa::ZERO,
            entry: None,
            note: String::new(),
        };
        // Events in date order: recorded rows (and their reversals),
        // social movements, nettings, departure, share-outs.
        let mut events: Vec<(NaiveDate, i64, PassbookLine)> = Vec::new();
        for x in &all_rows {
            let price = price_of.get(&x.cycle_id).copied().unwrap_or(Fcfa::ZERO);
            let mut l = blank(x.date, x.meeting, "meeting");
            l.attendance = Some(x.attendance);
            l.shares = x.shares;
            l.savings = Fcfa::new(x.shares * price.francs());
            l.social = x.social;
            l.repay_principal = x.repay_principal;
            l.repay_interest = Fcfa::new(x.repay_interest.francs() + x.upfront_interest.francs());
            l.fine_levied = x.fine_levied;
            l.fine_paid = x.fine_paid;
            l.new_loan = x.new_loan;
            l.entry = x.entry.clone();
            events.push((x.date, x.close_seq * 2, l.clone()));
            if let Some(rev) = &x.reversed_by {
                let mut v = l;
                v.kind = "reversal".into();
                v.shares = -v.shares;
                v.savings = Fcfa::new(-v.savings.francs());
                for f in [
                    &mut v.social,
                    &mut v.repay_principal,
                    &mut v.repay_interest,
                    &mut v.fine_levied,
                    &mut v.fine_paid,
                    &mut v.new_loan,
                ] {
                    *f = Fcfa::new(-f.francs());
                }
                v.note = x.entry.clone().unwrap_or_default();
                v.entry = Some(rev.clone());
                events.push((x.date, x.close_seq * 2 + 1, v));
            }
        }
        for s in &social {
            let mut l = blank(s.date, s.meeting, "social");
            l.note = format!(
                "{} {} ({})",
                crate::i18n::tr(&format!("sg-social-{}", s.kind)),
                s.amount.format_grouped(crate::i18n::lang()),
                crate::i18n::tr(&format!("sg-reason-{}", s.reason))
            );
            l.entry = Some(s.entry.clone());
            events.push((s.date, 100, l));
        }
        for n in led.nettings.iter().filter(|n| n.member_id == m.id) {
            let mut l = blank(n.date, 0, "netting");
            l.repay_principal = n.principal;
            l.repay_interest = n.interest;
            l.fine_paid = n.fines;
            l.entry = Some(n.entry.clone());
            events.push((n.date, 200, l));
        }
        for lv in r
            .sg_leaves(org.id)?
            .into_iter()
            .filter(|l| l.member_id == m.id)
        {
            let mut l = blank(lv.date, 0, "leave");
            l.payout = lv.payout;
            l.entry = lv.entry.clone();
            events.push((lv.date, 300, l));
        }
        for c in &cycles {
            if let Some((on, plan, entry)) = r.sg_shareout(c.id)? {
                let plan: ShareoutPlan =
                    serde_json::from_str(&plan).map_err(|e| Error::Corrupt {
                        detail: e.to_string(),
                    })?;
                if let Some(pl) = plan.lines.iter().find(|l| l.member_id == m.id) {
                    let mut l = blank(on, 0, "shareout");
                    l.payout = pl.payout;
                    l.note = pl.gross.format_grouped(crate::i18n::lang());
                    l.entry = Some(entry);
                    events.push((on, 300, l));
                }
            }
        }
        events.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        let (mut shares, mut savings) = (0i64, 0i64);
        let mut loan_principal = 0i64;
        for (_, _, mut l) in events {
            if l.kind == "shareout" || l.kind == "leave" {
                shares = 0;
                savings = 0;
            }
            shares += l.shares;
            savings += l.savings.francs();
            loan_principal += l.new_loan.francs() - l.repay_principal.francs();
            l.shares_total = shares;
            l.savings_total = Fcfa::new(savings);
            l.loan_balance = Fcfa::new(loan_principal.max(0));
            lines.push(l);
        }
        let loans: Vec<LoanView> = led
            .loans
            .iter()
            .filter(|l| l.member_id == m.id && l.live)
            .map(|l| loan_view(&led, l, at))
            .collect();
        let loan_balance = loans
            .iter()
            .filter(|l| l.loan.fund == "loan" && l.loan.written_off.is_none())
            .map(|l| l.status.balance.francs())
            .sum();
        let ledger_savings = Fcfa::new(-r.account_net(org.id, &m.account)?);
        let far = NaiveDate::from_ymd_opt(9999, 12, 31).expect("date");
        Ok(Passbook {
            org: org.name.clone(),
            share_price: led.cycle.constitution.share_price,
            shares,
            savings: Fcfa::new(savings),
            ledger_savings,
            loan_balance: Fcfa::new(loan_balance),
            fines_owed: led.fines_owed(m.id, far),
            loans,
            member: m,
            lines,
        })
    }

    pub fn sg_indicators(&self, org: &OrgRow, at: NaiveDate) -> Result<IndicatorsView> {
        savings_org(org)?;
        let r = self.store.read();
        let cycle = r
            .sg_cycles(org.id)?
            .pop()
            .ok_or_else(|| err(SavingsError::NoCycle))?;
        let meetings = r.sg_meetings(org.id, Some(cycle.id))?;
        let led = Ledger::read(&r, org, cycle)?;
        let c = &led.cycle;
        let rows: Vec<&RecordedRow> = led
            .rows
            .iter()
            .filter(|x| x.cycle_id == c.id && x.date <= at)
            .collect();
        let attended = rows.iter().filter(|x| x.attendance.counts()).count() as i64;
        let shares: i64 = rows
            .iter()
            .filter(|x| {
                led.members
                    .iter()
                    .find(|m| m.id == x.member_id)
                    .is_some_and(|m| m.left_on.is_none())
            })
            .map(|x| x.shares)
            .sum();
        let after = at.succ_opt().unwrap_or(at);
        let mut outstanding = 0i64;
        let mut overdue = 0i64;
        let mut loans_out = 0i64;
        let mut borrowers = std::collections::BTreeSet::new();
        for l in led
            .loans
            .iter()
            .filter(|l| l.live && l.fund == "loan" && l.written_off.is_none() && l.disbursed <= at)
        {
            let st = Ledger::terms(l).status(&led.payments(l, after), at);
            if !st.closed {
                loans_out += 1;
                outstanding += st.balance.francs();
                borrowers.insert(l.member_id);
                if st.days_overdue > 0 {
                    overdue += st.balance.francs();
                }
            }
        }
        let written_off: i64 = r
            .sg_writeoffs(org.id)?
            .iter()
            .filter(|w| w.date >= c.start && w.date <= at)
            .map(|w| w.amount.francs())
            .sum();
        let members = led.members.iter().filter(|m| m.active_on(at)).count() as i64;
        let input = IndicatorInput {
            members,
            expected: rows.len() as i64,
            attended,
            savings: Fcfa::new(shares * c.constitution.share_price.francs()),
            shares,
            loans_out,
            outstanding: Fcfa::new(outstanding),
            overdue_balance: Fcfa::new(overdue),
            borrowers: borrowers.len() as i64,
            loan_fund_cash: Fcfa::new(r.sg_net_on(org.id, accounts::LOAN_CASH, at)?),
            social_fund_cash: Fcfa::new(r.sg_net_on(org.id, accounts::SOCIAL_CASH, at)?),
            social_fund_reserve: Fcfa::new(-r.sg_net_on(org.id, accounts::SOCIAL_FUND, at)?),
            written_off: Fcfa::new(written_off),
            days: (at - c.start).num_days(),
        };
        Ok(IndicatorsView {
            org: org.code.clone(),
            cycle: c.number,
            date: at,
            meetings: meetings
                .iter()
                .filter(|m| m.is_closed() && m.date <= at)
                .count() as i64,
            indicators: indicators(&input),
        })
    }
}

/// The accounts savings-group documents need, created when missing (a
/// ledger made before they were in the chart).
fn ensure_accounts(tx: &mut WriteTx<'_>, org: &OrgRow, now: &str) -> Result<()> {
    let needed: [(&str, &str, &str); 1] = [(
        accounts::RETURN,
        "Intérêts des comptes courants bloqués – rémunération de l'épargne au partage",
        "Interest on blocked current accounts – return on members' savings at share-out",
    )];
    for (n, fr, en) in needed {
        if tx
            .read()
            .account(org.id, n, crate::domain::Lang::Fr)?
            .is_none()
        {
            tx.insert_account(org.id, &acct(n)?, fr, en, now)?;
        }
    }
    Ok(())
}

fn closing_code(head_number: &str, head_hash: &str) -> String {
    let short: String = head_hash.chars().take(6).collect::<String>().to_uppercase();
    format!("{head_number}-{short}")
}

fn member_error(m: &SgMemberRow, e: Error) -> Error {
    Error::Sheet {
        line: usize::try_from(m.number).unwrap_or(0),
        detail: format!("{} {} : {}", m.number, m.name, e),
        member: true,
    }
}

fn sheet_error(line_no: usize, e: &Error) -> Error {
    Error::Sheet {
        line: line_no,
        detail: e.to_string(),
        member: false,
    }
}

fn diff_lines(
    lines: &mut Vec<LineInput>,
    cash: &str,
    expected: Fcfa,
    counted: Fcfa,
    reason: &str,
) -> Result<()> {
    let d = counted.francs() - expected.francs();
    let label = reason.to_string();
    if d < 0 {
        line(
            lines,
            accounts::SHORTAGE,
            Side::Debit,
            Fcfa::new(-d),
            label.clone(),
        )?;
        line(lines, cash, Side::Credit, Fcfa::new(-d), label)?;
    } else if d > 0 {
        line(lines, cash, Side::Debit, Fcfa::new(d), label.clone())?;
        line(lines, accounts::OVERAGE, Side::Credit, Fcfa::new(d), label)?;
    }
    Ok(())
}

fn row_lines(
    c: &Constitution,
    m: &SgMemberRow,
    row: &RowInput,
    check: &RowCheck,
    loan_number: Option<i64>,
) -> Result<Vec<LineInput>> {
    let mut l = Vec::new();
    let t = |key: &str| crate::i18n::tr(key);
    let shares = Fcfa::new(i64::from(row.shares) * c.share_price.francs());
    let n = loan_number.unwrap_or(0);
    let loan_label = crate::t!("sg-line-loan", number = n);
    let upfront_label = crate::t!("sg-line-upfront", number = n);
    line(
        &mut l,
        accounts::SOCIAL_CASH,
        Side::Debit,
        row.social,
        t("sg-line-social"),
    )?;
    line(
        &mut l,
        accounts::SOCIAL_FUND,
        Side::Credit,
        row.social,
        t("sg-line-social"),
    )?;
    let shares_label = crate::t!("sg-line-shares", count = i64::from(row.shares));
    line(
        &mut l,
        accounts::LOAN_CASH,
        Side::Debit,
        shares,
        shares_label.clone(),
    )?;
    line(&mut l, &m.account, Side::Credit, shares, shares_label)?;
    let p = check.repayment.principal;
    let i = check.repayment.interest;
    line(
        &mut l,
        accounts::LOAN_CASH,
        Side::Debit,
        p,
        t("sg-line-principal"),
    )?;
    line(
        &mut l,
        &m.loan_account,
        Side::Credit,
        p,
        t("sg-line-principal"),
    )?;
    line(
        &mut l,
        accounts::LOAN_CASH,
        Side::Debit,
        i,
        t("sg-line-interest"),
    )?;
    line(
        &mut l,
        accounts::INTEREST,
        Side::Credit,
        i,
        t("sg-line-interest"),
    )?;
    line(
        &mut l,
        accounts::FINES_DUE,
        Side::Debit,
        row.fine_levied,
        t("sg-line-fine"),
    )?;
    line(
        &mut l,
        accounts::FINES,
        Side::Credit,
        row.fine_levied,
        t("sg-line-fine"),
    )?;
    line(
        &mut l,
        accounts::LOAN_CASH,
        Side::Debit,
        row.fine_paid,
        t("sg-line-fine-paid"),
    )?;
    line(
        &mut l,
        accounts::FINES_DUE,
        Side::Credit,
        row.fine_paid,
        t("sg-line-fine-paid"),
    )?;
    line(
        &mut l,
        &m.loan_account,
        Side::Debit,
        row.new_loan,
        loan_label.clone(),
    )?;
    line(
        &mut l,
        accounts::LOAN_CASH,
        Side::Credit,
        row.new_loan,
        loan_label,
    )?;
    let u = check.upfront_interest;
    line(
        &mut l,
        accounts::LOAN_CASH,
        Side::Debit,
        u,
        upfront_label.clone(),
    )?;
    line(&mut l, accounts::INTEREST, Side::Credit, u, upfront_label)?;
    Ok(l)
}

fn open_meeting_of(r: &Reader<'_>, org: &OrgRow) -> Result<(MeetingRow, Ledger)> {
    let cycle = Books::open_cycle(r, org)?;
    let meeting = r
        .sg_meetings(org.id, Some(cycle.id))?
        .into_iter()
        .last()
        .filter(|m| !m.is_closed())
        .ok_or_else(|| err(SavingsError::NoOpenMeeting))?;
    Ok((meeting, Ledger::read(r, org, cycle)?))
}

fn save_row(
    tx: &mut WriteTx<'_>,
    _org: &OrgRow,
    meeting: &MeetingRow,
    led: &Ledger,
    m: &SgMemberRow,
    row: &RowInput,
    now: &str,
) -> Result<()> {
    let drafts: HashMap<i64, RowInput> = tx.read().sg_drafts(meeting.id)?.into_iter().collect();
    let cash = cash_for_row(led, meeting, &drafts, m.id)?;
    check_row(
        &led.cycle.constitution,
        row,
        &led.state(m, meeting.date),
        meeting.date,
        cash,
    )?;
    tx.put_draft(meeting.id, m.id, row, now)
}

/// The loan-fund cash before a member's new loan: the opening count, plus
/// what every other row brings in, less the loans they take out.
fn cash_for_row(
    led: &Ledger,
    meeting: &MeetingRow,
    drafts: &HashMap<i64, RowInput>,
    member_id: i64,
) -> Result<Fcfa> {
    let c = &led.cycle.constitution;
    let mut cash = meeting.counted_loan.francs();
    for (id, row) in drafts {
        if *id == member_id {
            continue;
        }
        let upfront = upfront_of(c, row, meeting.date);
        cash += row.loan_fund_in(c, upfront) - row.new_loan.francs();
    }
    Ok(Fcfa::new(cash))
}

fn upfront_of(c: &Constitution, row: &RowInput, date: NaiveDate) -> Fcfa {
    if row.new_loan.is_zero() {
        return Fcfa::ZERO;
    }
    LoanTerms {
        principal: row.new_loan,
        mode: c.interest_mode,
        rate: c.monthly_rate,
        term_months: if row.loan_term == 0 {
            c.max_term_months
        } else {
            row.loan_term
        },
        disbursed: date,
        late: c.late,
    }
    .interest_at_disbursement()
}

fn social_cash(
    meeting: &MeetingRow,
    rows: &HashMap<i64, RowInput>,
    social: &[DraftSocialRow],
) -> i64 {
    let mut cash = meeting.counted_social.francs();
    cash += rows.values().map(|r| r.social.francs()).sum::<i64>();
    for s in social {
        if s.kind == "repay" {
            cash += s.amount.francs();
        } else {
            cash -= s.amount.francs();
        }
    }
    cash
}

fn closing_cash(
    led: &Ledger,
    meeting: &MeetingRow,
    drafts: &HashMap<i64, RowInput>,
    social: &[DraftSocialRow],
) -> Result<(Fcfa, Fcfa)> {
    let c = &led.cycle.constitution;
    let mut cash = meeting.counted_loan.francs();
    for row in drafts.values() {
        cash += row.loan_fund_in(c, upfront_of(c, row, meeting.date)) - row.new_loan.francs();
    }
    Ok((
        Fcfa::new(cash),
        Fcfa::new(social_cash(meeting, drafts, social)),
    ))
}

fn social_view(members: &[SgMemberRow], s: &DraftSocialRow) -> SocialView {
    let m = members.iter().find(|m| m.id == s.member_id);
    SocialView {
        id: s.id,
        member: m.map_or(0, |m| m.number),
        name: m.map(|m| m.name.clone()).unwrap_or_default(),
        kind: s.kind.clone(),
        amount: s.amount,
        reason: s.reason.clone(),
        note: s.note.clone(),
        entry: None,
    }
}

/// The view of `meeting` of `cycle` (any cycle, the last or an earlier one).
fn view_of(
    r: &Reader<'_>,
    org: &OrgRow,
    cycle: CycleRow,
    meeting: MeetingRow,
) -> Result<MeetingView> {
    let led = Ledger::read(r, org, cycle)?;
    let drafts: HashMap<i64, RowInput> = if meeting.is_closed() {
        HashMap::new()
    } else {
        r.sg_drafts(meeting.id)?.into_iter().collect()
    };
    let social = if meeting.is_closed() {
        r.sg_social(org.id, None)?
            .into_iter()
            .filter(|s| Some(s.close_id) == meeting.live_close)
            .map(|s| {
                let m = led.members.iter().find(|m| m.id == s.member_id);
                SocialView {
                    id: 0,
                    member: m.map_or(0, |m| m.number),
                    name: m.map(|m| m.name.clone()).unwrap_or_default(),
                    kind: s.kind,
                    amount: s.amount,
                    reason: s.reason,
                    note: s.note,
                    entry: Some(s.entry),
                }
            })
            .collect()
    } else {
        r.sg_draft_social(meeting.id)?
            .into_iter()
            .map(|s| social_view(&led.members, &s))
            .collect()
    };
    let closes = r.sg_closes(meeting.id)?;
    build_view(&led, meeting, &drafts, social, closes)
}

/// What posted an entry of a savings group, found from the entry's
/// `source`: the drill-down from a report to the document.
#[derive(Clone, Debug, Serialize)]
pub enum SgDocument {
    /// A meeting (its opening or one of its closes); `close` is the close
    /// that posted the entry, which a reopening may have replaced since.
    Meeting {
        view: Box<MeetingView>,
        close: Option<SgCloseRow>,
    },
    /// A member who left, and what she was paid.
    Leave {
        member: SgMemberRow,
        leave: crate::store::LeaveRow,
    },
    /// A loan written off.
    WriteOff {
        loan: i64,
        member: String,
        writeoff: crate::store::WriteoffRow,
    },
    /// The share-out of a cycle.
    Shareout {
        cycle: i64,
        date: NaiveDate,
        entry: String,
    },
}

impl Books {
    /// The document behind an entry whose source is `source` (`sgopen:`,
    /// `sgclose:`, `sgleave:`, `sgwriteoff:`, `sgshare:`), in any cycle;
    /// `None` when the source is not a savings group's or names nothing.
    pub fn sg_document(&self, org: &OrgRow, source: &str) -> Result<Option<SgDocument>> {
        let r = self.store.read();
        let _snap = r.snapshot()?;
        let Some((kind, id)) = source.split_once(':') else {
            return Ok(None);
        };
        let cycles = r.sg_cycles(org.id)?;
        Ok(match kind {
            "sgopen" => {
                let Some((c, n)) = id.split_once('-') else {
                    return Ok(None);
                };
                let (Ok(c), Ok(n)) = (c.parse::<i64>(), n.parse::<i64>()) else {
                    return Ok(None);
                };
                let Some(cycle) = cycles.into_iter().find(|x| x.id == c) else {
                    return Ok(None);
                };
                let meeting = r
                    .sg_meetings(org.id, Some(cycle.id))?
                    .into_iter()
                    .find(|m| m.number == n);
                match meeting {
                    Some(m) => Some(SgDocument::Meeting {
                        view: Box::new(view_of(&r, org, cycle, m)?),
                        close: None,
                    }),
                    None => None,
                }
            }
            "sgclose" => {
                let Ok(close_id) = id.parse::<i64>() else {
                    return Ok(None);
                };
                for cycle in cycles {
                    for m in r.sg_meetings(org.id, Some(cycle.id))? {
                        let close = r.sg_closes(m.id)?.into_iter().find(|c| c.id == close_id);
                        if let Some(close) = close {
                            return Ok(Some(SgDocument::Meeting {
                                view: Box::new(view_of(&r, org, cycle, m)?),
                                close: Some(close),
                            }));
                        }
                    }
                }
                None
            }
            "sgleave" => {
                let Ok(member_id) = id.parse::<i64>() else {
                    return Ok(None);
                };
                let member = r
                    .sg_members(org.id)?
                    .into_iter()
                    .find(|m| m.id == member_id);
                let leave = r
                    .sg_leaves(org.id)?
                    .into_iter()
                    .find(|l| l.member_id == member_id);
                match (member, leave) {
                    (Some(member), Some(leave)) => Some(SgDocument::Leave { member, leave }),
                    _ => None,
                }
            }
            "sgwriteoff" => {
                let Ok(loan_id) = id.parse::<i64>() else {
                    return Ok(None);
                };
                let loan = r.sg_loans(org.id)?.into_iter().find(|l| l.id == loan_id);
                let writeoff = r
                    .sg_writeoffs(org.id)?
                    .into_iter()
                    .find(|w| w.loan_id == loan_id);
                match (loan, writeoff) {
                    (Some(loan), Some(writeoff)) => {
                        let member = r
                            .sg_members(org.id)?
                            .into_iter()
                            .find(|m| m.id == loan.member_id)
                            .map(|m| m.name)
                            .unwrap_or_default();
                        Some(SgDocument::WriteOff {
                            loan: loan.number,
                            member,
                            writeoff,
                        })
                    }
                    _ => None,
                }
            }
            "sgshare" => {
                let Ok(cycle_id) = id.parse::<i64>() else {
                    return Ok(None);
                };
                let Some(cycle) = cycles.into_iter().find(|c| c.id == cycle_id) else {
                    return Ok(None);
                };
                r.sg_shareout(cycle.id)?
                    .map(|(date, _, entry)| SgDocument::Shareout {
                        cycle: cycle.number,
                        date,
                        entry,
                    })
            }
            _ => None,
        })
    }
}

fn build_view(
    led: &Ledger,
    meeting: MeetingRow,
    drafts: &HashMap<i64, RowInput>,
    social: Vec<SocialView>,
    closes: Vec<SgCloseRow>,
) -> Result<MeetingView> {
    let c = &led.cycle.constitution;
    let closed = meeting.is_closed();
    let recorded: HashMap<i64, &RecordedRow> = led
        .rows
        .iter()
        .filter(|x| Some(x.close_id) == meeting.live_close)
        .map(|x| (x.member_id, x))
        .collect();
    let mut rows = Vec::new();
    let mut totals = MeetingTotals::default();
    for m in &led.members {
        let rec = recorded.get(&m.id);
        if !m.active_on(meeting.date) && rec.is_none() && !drafts.contains_key(&m.id) {
            continue;
        }
        let state = led.state(m, meeting.date);
        let loan = led
            .open_loan(m.id, "loan", meeting.date)
            .map(|(l, s)| (l.number, s));
        let (input, saved, check, error, entry) = if let Some(x) = rec {
            let input = RowInput {
                attendance: x.attendance,
                social: x.social,
                shares: u32::try_from(x.shares).unwrap_or(0),
                repay: Fcfa::new(x.repay_principal.francs() + x.repay_interest.francs()),
                fine_levied: x.fine_levied,
                fine_paid: x.fine_paid,
                new_loan: x.new_loan,
                loan_term: 0,
            };
            let check = RowCheck {
                repayment: crate::domain::savings::Repayment {
                    date: x.date,
                    principal: x.repay_principal,
                    interest: x.repay_interest,
                },
                upfront_interest: x.upfront_interest,
                loan_term: 0,
                warnings: Vec::new(),
            };
            (input, true, Some(check), None, x.entry.clone())
        } else {
            let (input, saved) = match drafts.get(&m.id) {
                Some(r) => (r.clone(), true),
                None => (RowInput::default_for(c), false),
            };
            let cash = cash_for_row(led, &meeting, drafts, m.id)?;
            match check_row(c, &input, &state, meeting.date, cash) {
                Ok(ch) => (input, saved, Some(ch), None, None),
                Err(e) => (input, saved, None, Some(err(e).to_string()), None),
            }
        };
        if saved {
            match input.attendance {
                Attendance::Present => totals.present += 1,
                Attendance::Represented => totals.represented += 1,
                Attendance::Absent => totals.absent += 1,
            }
            totals.social = Fcfa::new(totals.social.francs() + input.social.francs());
            totals.shares += i64::from(input.shares);
            totals.fines_levied =
                Fcfa::new(totals.fines_levied.francs() + input.fine_levied.francs());
            totals.fines_paid = Fcfa::new(totals.fines_paid.francs() + input.fine_paid.francs());
            totals.new_loans = Fcfa::new(totals.new_loans.francs() + input.new_loan.francs());
            if let Some(ch) = &check {
                totals.repay_principal =
                    Fcfa::new(totals.repay_principal.francs() + ch.repayment.principal.francs());
                totals.repay_interest =
                    Fcfa::new(totals.repay_interest.francs() + ch.repayment.interest.francs());
                totals.upfront_interest =
                    Fcfa::new(totals.upfront_interest.francs() + ch.upfront_interest.francs());
            }
        }
        rows.push(GridRow {
            member: m.clone(),
            input,
            saved,
            check,
            error,
            shares_before: state.shares_before,
            savings_before: Fcfa::new(state.shares_before * c.share_price.francs()),
            loan,
            fines_owed: state.fines_owed,
            entry,
        });
    }
    totals.share_value = Fcfa::new(totals.shares * c.share_price.francs());
    for s in &social {
        if s.kind == "repay" {
            totals.social_in = Fcfa::new(totals.social_in.francs() + s.amount.francs());
        } else {
            totals.social_out = Fcfa::new(totals.social_out.francs() + s.amount.francs());
        }
    }
    let opening_loan = meeting.counted_loan;
    let opening_social = meeting.counted_social;
    let closing_loan = Fcfa::new(
        opening_loan.francs()
            + totals.share_value.francs()
            + totals.repay_principal.francs()
            + totals.repay_interest.francs()
            + totals.fines_paid.francs()
            + totals.upfront_interest.francs()
            - totals.new_loans.francs(),
    );
    let closing_social = Fcfa::new(
        opening_social.francs() + totals.social.francs() + totals.social_in.francs()
            - totals.social_out.francs(),
    );
    Ok(MeetingView {
        cycle: led.cycle.number,
        constitution: c.clone(),
        meeting,
        closed,
        rows,
        social,
        totals,
        opening_loan,
        opening_social,
        closing_loan,
        closing_social,
        closes,
    })
}

fn loan_view(led: &Ledger, l: &LoanRow, at: NaiveDate) -> LoanView {
    let after = at.succ_opt().unwrap_or(at);
    let payments = led.payments(l, after);
    let terms = Ledger::terms(l);
    let m = led.members.iter().find(|m| m.id == l.member_id);
    LoanView {
        loan: l.clone(),
        member: m.map_or(0, |m| m.number),
        name: m.map(|m| m.name.clone()).unwrap_or_default(),
        status: terms.status(&payments, at),
        schedule: terms.schedule(),
        payments,
    }
}

/// A debt settled out of a payout: loan id, principal, interest, fines.
type Settled = (Option<i64>, Fcfa, Fcfa, Fcfa);

/// What settles a member's debts out of a payout: for each loan and her
/// fines, `(loan id, principal, interest, fines)`; the lines are added.
fn settle_lines(
    led: &Ledger,
    m: &SgMemberRow,
    at: NaiveDate,
    lines: &mut Vec<LineInput>,
) -> Result<Vec<Settled>> {
    let mut out = Vec::new();
    if let Some((l, st)) = led.loan_on(m.id, "loan", at, true) {
        let interest = Fcfa::new(st.payoff.francs() - st.balance.francs());
        line(
            lines,
            &m.loan_account,
            Side::Credit,
            st.balance,
            m.name.clone(),
        )?;
        line(
            lines,
            accounts::INTEREST,
            Side::Credit,
            interest,
            m.name.clone(),
        )?;
        out.push((Some(l.id), st.balance, interest, Fcfa::ZERO));
    }
    let fines = led.fines_owed(m.id, at.succ_opt().unwrap_or(at));
    if fines.francs() > 0 {
        line(
            lines,
            accounts::FINES_DUE,
            Side::Credit,
            fines,
            m.name.clone(),
        )?;
        out.push((None, Fcfa::ZERO, Fcfa::ZERO, fines));
    }
    Ok(out)
}

/// What clears her loan and fines on `at`.
fn debt_of(led: &Ledger, m: &SgMemberRow, at: NaiveDate) -> Fcfa {
    let loan = led
        .loan_on(m.id, "loan", at, true)
        .map_or(0, |(_, s)| s.payoff.francs());
    let fines = led.fines_owed(m.id, at.succ_opt().unwrap_or(at));
    Fcfa::new(loan + fines.francs().max(0))
}

fn leave_plan(led: &Ledger, m: &SgMemberRow, date: NaiveDate, cash: Fcfa) -> Result<LeavePlan> {
    if let Some(l) = m.left_on {
        return Err(err(SavingsError::AlreadyLeft { date: l }));
    }
    let c = &led.cycle.constitution;
    let next_day = date.succ_opt().unwrap_or(date);
    let shares = led.shares_before(m.id, next_day);
    let savings = Fcfa::new(shares * c.share_price.francs());
    let amount = match c.leaving {
        crate::domain::savings::LeavingPayout::Savings => savings,
        crate::domain::savings::LeavingPayout::Value => {
            let total: i64 = led
                .members
                .iter()
                .filter(|x| x.left_on.is_none())
                .map(|x| led.shares_before(x.id, next_day))
                .sum();
            let outstanding: i64 = led
                .loans
                .iter()
                .filter(|l| l.live && l.fund == "loan" && l.written_off.is_none())
                .map(|l| {
                    Ledger::terms(l)
                        .status(&led.payments(l, next_day), date)
                        .balance
                        .francs()
                })
                .sum();
            if total == 0 {
                savings
            } else {
                shares_value(
                    Fcfa::new(cash.francs() + outstanding),
                    shares,
                    total,
                    c.rounding_unit,
                )?
            }
        }
    };
    let debt = debt_of(led, m, date);
    if debt > amount {
        return Err(err(SavingsError::DebtAboveSavings { debt, amount }));
    }
    Ok(LeavePlan {
        member: m.number,
        name: m.name.clone(),
        date,
        shares,
        savings,
        amount,
        debt,
        payout: Fcfa::new(amount.francs() - debt.francs()),
        entry: None,
    })
}

fn shareout_plan(led: &Ledger, date: NaiveDate, cash: Fcfa) -> Result<ShareoutPlan> {
    let c = &led.cycle.constitution;
    let mut members = Vec::new();
    let mut by_member: BTreeMap<i64, (i64, i64)> = BTreeMap::new();
    for x in led.rows.iter().filter(|x| x.cycle_id == led.cycle.id) {
        let e = by_member.entry(x.member_id).or_default();
        e.0 += x.shares;
        e.1 += x.repay_interest.francs() + x.upfront_interest.francs();
    }
    for m in led.members.iter().filter(|m| m.left_on.is_none()) {
        let (shares, interest) = by_member.get(&m.id).copied().unwrap_or((0, 0));
        members.push(ShareoutMember {
            member_id: m.id,
            shares,
            savings: Fcfa::new(shares * c.share_price.francs()),
            interest_paid: Fcfa::new(interest),
            debt: debt_of(led, m, date),
        });
    }
    plan_shareout(&ShareoutInput {
        cash,
        rule: c.rule,
        netting: c.netting,
        unit: c.rounding_unit,
        members,
    })
    .map_err(|e| match e {
        SavingsError::DebtAboveShare {
            member_id,
            debt,
            gross,
        } => {
            let n = led
                .members
                .iter()
                .find(|m| m.id == member_id)
                .map_or(0, |m| m.number);
            err(SavingsError::DebtAboveShare {
                member_id: n,
                debt,
                gross,
            })
        }
        SavingsError::DebtNotNetted { member_id, debt } => {
            let n = led
                .members
                .iter()
                .find(|m| m.id == member_id)
                .map_or(0, |m| m.number);
            err(SavingsError::DebtNotNetted { member_id: n, debt })
        }
        other => err(other),
    })
}

fn names_of(members: &[SgMemberRow], plan: &ShareoutPlan) -> Vec<(i64, String)> {
    plan.lines
        .iter()
        .map(|l| {
            members
                .iter()
                .find(|m| m.id == l.member_id)
                .map_or((0, String::new()), |m| (m.number, m.name.clone()))
        })
        .collect()
}

/// `verify` for a savings group: every member's savings and loan accounts
/// equal what the recorded meetings give, and every closing code still
/// matches the chain (the books were not rewritten after it was copied).
pub(crate) fn verify_group(
    r: &Reader<'_>,
    org: &OrgRow,
    problems: &mut Vec<crate::domain::verify::Problem>,
) -> Result<()> {
    use crate::domain::verify::Problem;
    if org.kind != "savings" {
        return Ok(());
    }
    let Some(cycle) = r.sg_cycles(org.id)?.pop() else {
        return Ok(());
    };
    let led = Ledger::read(r, org, cycle)?;
    let far = NaiveDate::from_ymd_opt(9999, 12, 30).expect("date");
    let price = led.cycle.constitution.share_price.francs();
    for m in &led.members {
        let book = if m.left_on.is_some() || led.cycle.shared_on.is_some() {
            0
        } else {
            led.shares_before(m.id, far) * price
        };
        let loans: i64 = led
            .loans
            .iter()
            .filter(|l| {
                l.member_id == m.id && l.fund == "loan" && l.live && l.written_off.is_none()
            })
            .map(|l| {
                Ledger::terms(l)
                    .status(&led.payments(l, far), far)
                    .balance
                    .francs()
            })
            .sum();
        for (account, ledger, book) in [
            (&m.account, -r.account_net(org.id, &m.account)?, book),
            (
                &m.loan_account,
                r.account_net(org.id, &m.loan_account)?,
                loans,
            ),
        ] {
            if ledger != book {
                problems.push(Problem::MemberMismatch {
                    org: org.code.clone(),
                    account: account.clone(),
                    ledger,
                    book,
                });
            }
        }
    }
    for (meeting, last, code) in r.sg_codes(org.id)? {
        let matches = match EntryNumber::parse(&last) {
            Some(n) => r
                .entry(org.id, n)?
                .is_some_and(|e| closing_code(&last, &e.entry.hash) == code),
            None => false,
        };
        if !matches {
            problems.push(Problem::MeetingCode {
                org: org.code.clone(),
                meeting,
                code,
            });
        }
    }
    Ok(())
}
