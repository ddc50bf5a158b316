//! SQL for savings groups: cycles, the member register, meetings and their
//! drafts, closes with the rows and loans they recorded, reopenings,
//! write-offs, members leaving and share-outs. The rules are in
//! `domain::savings` and `service::savings`; this file only reads and
//! writes rows.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::domain::money::Fcfa;
use crate::domain::savings::{Attendance, Constitution, InterestMode, LatePolicy, RowInput};
use crate::error::{Error, Result};

use super::read::date;
use super::{Reader, WriteTx};

const ENTRY_NO: &str =
    "(SELECT printf('%04d-%06d', e.fiscal_year, e.seq) FROM entries e WHERE e.id = ";

fn json_err(e: serde_json::Error) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
}

fn opt_date(s: Option<String>) -> rusqlite::Result<Option<NaiveDate>> {
    s.map(|s| date(&s)).transpose()
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CycleRow {
    #[serde(skip)]
    pub id: i64,
    pub number: i64,
    pub start: NaiveDate,
    pub planned_end: NaiveDate,
    pub constitution: Constitution,
    /// Date of its share-out, once done.
    pub shared_on: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SgMemberRow {
    #[serde(skip)]
    pub id: i64,
    pub number: i64,
    pub name: String,
    pub phone: String,
    pub role: String,
    pub joined: NaiveDate,
    pub left_on: Option<NaiveDate>,
    pub account: String,
    pub loan_account: String,
}

impl SgMemberRow {
    /// A member of the group on `on`.
    pub fn active_on(&self, on: NaiveDate) -> bool {
        self.joined <= on && self.left_on.is_none_or(|l| l > on)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MeetingRow {
    #[serde(skip)]
    pub id: i64,
    #[serde(skip)]
    pub cycle_id: i64,
    pub number: i64,
    pub date: NaiveDate,
    pub expected_loan: Fcfa,
    pub expected_social: Fcfa,
    pub counted_loan: Fcfa,
    pub counted_social: Fcfa,
    pub reason: String,
    /// The close in force, when the meeting is closed.
    #[serde(skip)]
    pub live_close: Option<i64>,
    /// How many times it was closed (reopenings included).
    pub closes: i64,
    /// The closing code of the close in force.
    pub code: Option<String>,
}

impl MeetingRow {
    pub fn is_closed(&self) -> bool {
        self.live_close.is_some()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DraftSocialRow {
    pub id: i64,
    #[serde(skip)]
    pub member_id: i64,
    pub kind: String,
    pub amount: Fcfa,
    pub reason: String,
    pub note: String,
    pub term: i64,
}

/// A member's row as a close recorded it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecordedRow {
    #[serde(skip)]
    pub close_id: i64,
    pub close_seq: i64,
    #[serde(skip)]
    pub cycle_id: i64,
    pub meeting: i64,
    pub date: NaiveDate,
    #[serde(skip)]
    pub member_id: i64,
    pub attendance: Attendance,
    pub social: Fcfa,
    pub shares: i64,
    #[serde(skip)]
    pub loan_id: Option<i64>,
    pub repay_principal: Fcfa,
    pub repay_interest: Fcfa,
    pub fine_levied: Fcfa,
    pub fine_paid: Fcfa,
    #[serde(skip)]
    pub new_loan_id: Option<i64>,
    pub new_loan: Fcfa,
    pub upfront_interest: Fcfa,
    pub entry: Option<String>,
    /// Reopened: its entry was reversed by this one.
    pub reversed_by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LoanRow {
    #[serde(skip)]
    pub id: i64,
    pub number: i64,
    #[serde(skip)]
    pub member_id: i64,
    #[serde(skip)]
    pub close_id: i64,
    pub fund: String,
    pub principal: Fcfa,
    pub mode: InterestMode,
    pub rate: Decimal,
    pub term: u32,
    pub disbursed: NaiveDate,
    pub late: LatePolicy,
    /// False when the meeting that granted it was reopened.
    pub live: bool,
    pub written_off: Option<Fcfa>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SocialRow {
    #[serde(skip)]
    pub close_id: i64,
    pub meeting: i64,
    pub date: NaiveDate,
    #[serde(skip)]
    pub member_id: i64,
    pub kind: String,
    pub amount: Fcfa,
    pub reason: String,
    pub note: String,
    #[serde(skip)]
    pub loan_id: Option<i64>,
    pub entry: String,
    pub live: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SgCloseRow {
    #[serde(skip)]
    pub id: i64,
    pub seq: i64,
    pub counted_loan: Fcfa,
    pub counted_social: Fcfa,
    pub expected_loan: Fcfa,
    pub expected_social: Fcfa,
    pub reason: String,
    pub code: String,
    pub closed_by: String,
    pub closed_at: String,
    pub reopen_reason: Option<String>,
    pub reopened_by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LeaveRow {
    #[serde(skip)]
    pub member_id: i64,
    pub date: NaiveDate,
    pub savings: Fcfa,
    pub netted: Fcfa,
    pub payout: Fcfa,
    pub entry: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WriteoffRow {
    #[serde(skip)]
    pub loan_id: i64,
    pub date: NaiveDate,
    pub amount: Fcfa,
    pub reason: String,
    pub approved_by: String,
    pub entry: String,
}

fn cycle_row(r: &Row<'_>) -> rusqlite::Result<CycleRow> {
    let json: String = r.get(4)?;
    Ok(CycleRow {
        id: r.get(0)?,
        number: r.get(1)?,
        start: date(&r.get::<_, String>(2)?)?,
        planned_end: date(&r.get::<_, String>(3)?)?,
        constitution: serde_json::from_str(&json).map_err(json_err)?,
        shared_on: opt_date(r.get(5)?)?,
    })
}

fn member_row(r: &Row<'_>) -> rusqlite::Result<SgMemberRow> {
    Ok(SgMemberRow {
        id: r.get(0)?,
        number: r.get(1)?,
        name: r.get(2)?,
        phone: r.get(3)?,
        role: r.get(4)?,
        joined: date(&r.get::<_, String>(5)?)?,
        left_on: opt_date(r.get(6)?)?,
        account: r.get(7)?,
        loan_account: r.get(8)?,
    })
}

const MEMBER_COLS: &str = "id, number, name, phone, role, joined, left_on, account, loan_account";

const LIVE: &str = "NOT EXISTS (SELECT 1 FROM sg_reopens x WHERE x.close_id = c.id)";

fn parse_attendance(s: &str) -> rusqlite::Result<Attendance> {
    Attendance::parse(s).map_err(|_| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("attendance {s}").into(),
        )
    })
}

impl Reader<'_> {
    pub fn sg_cycles(&self, org_id: i64) -> Result<Vec<CycleRow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT c.id, c.number, c.start, c.planned_end, c.constitution, s.date
             FROM sg_cycles c LEFT JOIN sg_shareouts s ON s.cycle_id = c.id
             WHERE c.org_id = ?1 ORDER BY c.number",
        )?;
        let rows = st.query_map([org_id], cycle_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn sg_members(&self, org_id: i64) -> Result<Vec<SgMemberRow>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {MEMBER_COLS} FROM sg_members WHERE org_id = ?1 ORDER BY number"
        ))?;
        let rows = st.query_map([org_id], member_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn sg_meetings(&self, org_id: i64, cycle_id: Option<i64>) -> Result<Vec<MeetingRow>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT m.id, m.cycle_id, m.number, m.date, m.expected_loan, m.expected_social,
                    m.counted_loan, m.counted_social, m.reason,
                    (SELECT c.id FROM sg_closes c WHERE c.meeting_id = m.id AND {LIVE}),
                    (SELECT count(*) FROM sg_closes c WHERE c.meeting_id = m.id),
                    (SELECT c.code FROM sg_closes c WHERE c.meeting_id = m.id AND {LIVE})
             FROM sg_meetings m
             WHERE m.org_id = ?1 AND (?2 IS NULL OR m.cycle_id = ?2)
             ORDER BY m.date"
        ))?;
        let rows = st.query_map(params![org_id, cycle_id], |r| {
            Ok(MeetingRow {
                id: r.get(0)?,
                cycle_id: r.get(1)?,
                number: r.get(2)?,
                date: date(&r.get::<_, String>(3)?)?,
                expected_loan: Fcfa::new(r.get(4)?),
                expected_social: Fcfa::new(r.get(5)?),
                counted_loan: Fcfa::new(r.get(6)?),
                counted_social: Fcfa::new(r.get(7)?),
                reason: r.get(8)?,
                live_close: r.get(9)?,
                closes: r.get(10)?,
                code: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn sg_drafts(&self, meeting_id: i64) -> Result<Vec<(i64, RowInput)>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT member_id, row FROM sg_drafts WHERE meeting_id = ?1")?;
        let rows = st.query_map([meeting_id], |r| {
            let json: String = r.get(1)?;
            Ok((r.get(0)?, serde_json::from_str(&json).map_err(json_err)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn sg_draft_social(&self, meeting_id: i64) -> Result<Vec<DraftSocialRow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, member_id, kind, amount, reason, note, term FROM sg_draft_social
             WHERE meeting_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([meeting_id], |r| {
            Ok(DraftSocialRow {
                id: r.get(0)?,
                member_id: r.get(1)?,
                kind: r.get(2)?,
                amount: Fcfa::new(r.get(3)?),
                reason: r.get(4)?,
                note: r.get(5)?,
                term: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Rows recorded by closes, oldest first; `live_only` leaves out those
    /// of reopened closes.
    pub fn sg_rows(
        &self,
        org_id: i64,
        member_id: Option<i64>,
        live_only: bool,
    ) -> Result<Vec<RecordedRow>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT c.id, c.seq, m.cycle_id, m.number, m.date, r.member_id, r.attendance, r.social,
                    r.shares, r.loan_id, r.repay_principal, r.repay_interest, r.fine_levied,
                    r.fine_paid, r.new_loan_id, r.new_loan, r.upfront_interest,
                    {ENTRY_NO} r.entry_id),
                    (SELECT printf('%04d-%06d', e.fiscal_year, e.seq) FROM entries e
                     WHERE e.reverses = r.entry_id)
             FROM sg_rows r JOIN sg_closes c ON c.id = r.close_id
             JOIN sg_meetings m ON m.id = c.meeting_id
             WHERE m.org_id = ?1 AND (?2 IS NULL OR r.member_id = ?2)
               AND (?3 = 0 OR {LIVE})
             ORDER BY m.date, c.seq, r.member_id"
        ))?;
        let rows = st.query_map(params![org_id, member_id, live_only as i64], |r| {
            Ok(RecordedRow {
                close_id: r.get(0)?,
                close_seq: r.get(1)?,
                cycle_id: r.get(2)?,
                meeting: r.get(3)?,
                date: date(&r.get::<_, String>(4)?)?,
                member_id: r.get(5)?,
                attendance: parse_attendance(&r.get::<_, String>(6)?)?,
                social: Fcfa::new(r.get(7)?),
                shares: r.get(8)?,
                loan_id: r.get(9)?,
                repay_principal: Fcfa::new(r.get(10)?),
                repay_interest: Fcfa::new(r.get(11)?),
                fine_levied: Fcfa::new(r.get(12)?),
                fine_paid: Fcfa::new(r.get(13)?),
                new_loan_id: r.get(14)?,
                new_loan: Fcfa::new(r.get(15)?),
                upfront_interest: Fcfa::new(r.get(16)?),
                entry: r.get(17)?,
                reversed_by: r.get(18)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn sg_loans(&self, org_id: i64) -> Result<Vec<LoanRow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT l.id, l.number, l.member_id, l.close_id, l.fund, l.principal, l.mode, l.rate,
                    l.term, l.disbursed, l.late,
                    NOT EXISTS (SELECT 1 FROM sg_reopens x WHERE x.close_id = l.close_id),
                    (SELECT w.amount FROM sg_writeoffs w WHERE w.loan_id = l.id)
             FROM sg_loans l WHERE l.org_id = ?1 ORDER BY l.number",
        )?;
        let rows = st.query_map([org_id], |r| {
            let mode: String = r.get(6)?;
            let rate: String = r.get(7)?;
            let late: String = r.get(10)?;
            let conv = |what: String| {
                rusqlite::Error::FromSqlConversionFailure(
                    0,
                    rusqlite::types::Type::Text,
                    what.into(),
                )
            };
            Ok(LoanRow {
                id: r.get(0)?,
                number: r.get(1)?,
                member_id: r.get(2)?,
                close_id: r.get(3)?,
                fund: r.get(4)?,
                principal: Fcfa::new(r.get(5)?),
                mode: InterestMode::parse(&mode).map_err(|_| conv(mode.clone()))?,
                rate: rate.parse().map_err(|_| conv(rate.clone()))?,
                term: r.get(8)?,
                disbursed: date(&r.get::<_, String>(9)?)?,
                late: LatePolicy::parse(&late).map_err(|_| conv(late.clone()))?,
                live: r.get(11)?,
                written_off: r.get::<_, Option<i64>>(12)?.map(Fcfa::new),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn sg_social(&self, org_id: i64, member_id: Option<i64>) -> Result<Vec<SocialRow>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT c.id, m.number, m.date, s.member_id, s.kind, s.amount, s.reason, s.note,
                    s.loan_id, {ENTRY_NO} s.entry_id), {LIVE}
             FROM sg_social s JOIN sg_closes c ON c.id = s.close_id
             JOIN sg_meetings m ON m.id = c.meeting_id
             WHERE m.org_id = ?1 AND (?2 IS NULL OR s.member_id = ?2)
             ORDER BY m.date, c.seq, s.id"
        ))?;
        let rows = st.query_map(params![org_id, member_id], |r| {
            Ok(SocialRow {
                close_id: r.get(0)?,
                meeting: r.get(1)?,
                date: date(&r.get::<_, String>(2)?)?,
                member_id: r.get(3)?,
                kind: r.get(4)?,
                amount: Fcfa::new(r.get(5)?),
                reason: r.get(6)?,
                note: r.get(7)?,
                loan_id: r.get(8)?,
                entry: r.get(9)?,
                live: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn sg_closes(&self, meeting_id: i64) -> Result<Vec<SgCloseRow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT c.id, c.seq, c.counted_loan, c.counted_social, c.expected_loan,
                    c.expected_social, c.reason, c.code, c.closed_by, c.closed_at,
                    x.reason, x.reopened_by
             FROM sg_closes c LEFT JOIN sg_reopens x ON x.close_id = c.id
             WHERE c.meeting_id = ?1 ORDER BY c.seq",
        )?;
        let rows = st.query_map([meeting_id], |r| {
            Ok(SgCloseRow {
                id: r.get(0)?,
                seq: r.get(1)?,
                counted_loan: Fcfa::new(r.get(2)?),
                counted_social: Fcfa::new(r.get(3)?),
                expected_loan: Fcfa::new(r.get(4)?),
                expected_social: Fcfa::new(r.get(5)?),
                reason: r.get(6)?,
                code: r.get(7)?,
                closed_by: r.get(8)?,
                closed_at: r.get(9)?,
                reopen_reason: r.get(10)?,
                reopened_by: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Entries a close posted (its rows, social movements and cash
    /// difference), in the order they were posted.
    pub fn sg_close_entries(&self, org_id: i64, close_id: i64) -> Result<Vec<String>> {
        let mut st = self.conn.prepare_cached(
            "SELECT printf('%04d-%06d', fiscal_year, seq) FROM entries
             WHERE org_id = ?1 AND source = ?2 AND reverses IS NULL ORDER BY id",
        )?;
        let rows = st.query_map(params![org_id, format!("sgclose:{close_id}")], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn sg_leaves(&self, org_id: i64) -> Result<Vec<LeaveRow>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT l.member_id, l.date, l.savings, l.netted, l.payout, {ENTRY_NO} l.entry_id)
             FROM sg_leaves l JOIN sg_members m ON m.id = l.member_id
             WHERE m.org_id = ?1 ORDER BY l.date"
        ))?;
        let rows = st.query_map([org_id], |r| {
            Ok(LeaveRow {
                member_id: r.get(0)?,
                date: date(&r.get::<_, String>(1)?)?,
                savings: Fcfa::new(r.get(2)?),
                netted: Fcfa::new(r.get(3)?),
                payout: Fcfa::new(r.get(4)?),
                entry: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn sg_writeoffs(&self, org_id: i64) -> Result<Vec<WriteoffRow>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT w.loan_id, w.date, w.amount, w.reason, w.approved_by, {ENTRY_NO} w.entry_id)
             FROM sg_writeoffs w JOIN sg_loans l ON l.id = w.loan_id
             WHERE l.org_id = ?1 ORDER BY w.date"
        ))?;
        let rows = st.query_map([org_id], |r| {
            Ok(WriteoffRow {
                loan_id: r.get(0)?,
                date: date(&r.get::<_, String>(1)?)?,
                amount: Fcfa::new(r.get(2)?),
                reason: r.get(3)?,
                approved_by: r.get(4)?,
                entry: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The share-out recorded for a cycle: its plan (JSON) and entry.
    pub fn sg_shareout(&self, cycle_id: i64) -> Result<Option<(NaiveDate, String, String)>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT s.date, s.plan, {ENTRY_NO} s.entry_id) FROM sg_shareouts s
                 WHERE s.cycle_id = ?1"
            ))?
            .query_row([cycle_id], |r| {
                Ok((date(&r.get::<_, String>(0)?)?, r.get(1)?, r.get(2)?))
            })
            .optional()?)
    }

    /// Every close still in force: `(meeting reference, last entry, code)`.
    pub fn sg_codes(&self, org_id: i64) -> Result<Vec<(String, String, String)>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT 'REU-' || y.number || '-' || printf('%02d', m.number), c.last_entry, c.code
             FROM sg_closes c JOIN sg_meetings m ON m.id = c.meeting_id
             JOIN sg_cycles y ON y.id = m.cycle_id
             WHERE m.org_id = ?1 AND c.code <> '' AND {LIVE} ORDER BY c.id"
        ))?;
        let rows = st.query_map([org_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// An account's balance (debit − credit) at the end of `on`.
    pub fn sg_net_on(&self, org_id: i64, number: &str, on: NaiveDate) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT coalesce(sum(CASE WHEN l.side = 'D' THEN l.amount ELSE -l.amount END), 0)
                 FROM entry_lines l JOIN entries e ON e.id = l.entry_id
                 JOIN accounts a ON a.id = l.account_id
                 WHERE e.org_id = ?1 AND a.number = ?2 AND e.date <= ?3",
            )?
            .query_row(params![org_id, number, on.to_string()], |r| r.get(0))?)
    }

    /// The balance (debit − credit) of every account whose number starts
    /// with `prefix`, by account.
    pub fn sg_balances(&self, org_id: i64, prefix: &str) -> Result<Vec<(String, i64)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT a.number, coalesce(sum(m.debit - m.credit), 0) FROM accounts a
             LEFT JOIN account_month m ON m.account_id = a.id
             WHERE a.org_id = ?1 AND substr(a.number, 1, length(?2)) = ?2
             GROUP BY a.number ORDER BY a.number",
        )?;
        let rows = st.query_map(params![org_id, prefix], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NettingRow {
    #[serde(skip)]
    pub member_id: i64,
    #[serde(skip)]
    pub loan_id: Option<i64>,
    pub date: NaiveDate,
    pub principal: Fcfa,
    pub interest: Fcfa,
    pub fines: Fcfa,
    pub entry: String,
    pub source: String,
}

impl Reader<'_> {
    pub fn sg_nettings(&self, org_id: i64) -> Result<Vec<NettingRow>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT n.member_id, n.loan_id, n.date, n.principal, n.interest, n.fines,
                    {ENTRY_NO} n.entry_id), n.source
             FROM sg_nettings n JOIN sg_members m ON m.id = n.member_id
             WHERE m.org_id = ?1 ORDER BY n.date, n.id"
        ))?;
        let rows = st.query_map([org_id], |r| {
            Ok(NettingRow {
                member_id: r.get(0)?,
                loan_id: r.get(1)?,
                date: date(&r.get::<_, String>(2)?)?,
                principal: Fcfa::new(r.get(3)?),
                interest: Fcfa::new(r.get(4)?),
                fines: Fcfa::new(r.get(5)?),
                entry: r.get(6)?,
                source: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A new cycle.
pub struct NewCycle<'a> {
    pub number: i64,
    pub start: NaiveDate,
    pub planned_end: NaiveDate,
    pub constitution: &'a Constitution,
}

/// A member as recorded by a close.
pub struct NewRecordedRow {
    pub member_id: i64,
    pub attendance: Attendance,
    pub social: Fcfa,
    pub shares: i64,
    pub loan_id: Option<i64>,
    pub repay_principal: Fcfa,
    pub repay_interest: Fcfa,
    pub fine_levied: Fcfa,
    pub fine_paid: Fcfa,
    pub new_loan_id: Option<i64>,
    pub new_loan: Fcfa,
    pub upfront_interest: Fcfa,
    pub entry_id: Option<i64>,
}

/// A new loan.
pub struct NewLoan {
    pub number: i64,
    pub member_id: i64,
    pub close_id: i64,
    pub fund: &'static str,
    pub principal: Fcfa,
    pub mode: InterestMode,
    pub rate: Decimal,
    pub term: u32,
    pub disbursed: NaiveDate,
    pub late: LatePolicy,
}

fn json(v: &impl Serialize) -> Result<String> {
    serde_json::to_string(v).map_err(|e| Error::Refused {
        detail: e.to_string(),
    })
}

impl WriteTx<'_> {
    pub fn insert_cycle(
        &mut self,
        org_id: i64,
        c: &NewCycle<'_>,
        by: &str,
        now: &str,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO sg_cycles (org_id, number, start, planned_end, constitution,
                                        created_by, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                org_id,
                c.number,
                c.start.to_string(),
                c.planned_end.to_string(),
                json(c.constitution)?,
                by,
                now
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn insert_sg_member(
        &mut self,
        org_id: i64,
        number: i64,
        name: &str,
        search_key: &str,
        phone: &str,
        role: &str,
        joined: NaiveDate,
        account: &str,
        loan_account: &str,
        now: &str,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO sg_members (org_id, number, name, search_key, phone, role, joined,
                                         account, loan_account, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                org_id,
                number,
                name,
                search_key,
                phone,
                role,
                joined.to_string(),
                account,
                loan_account,
                now
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    /// The register's own fields (name, phone, office); money never lives here.
    pub fn update_sg_member(
        &mut self,
        id: i64,
        name: &str,
        search_key: &str,
        phone: &str,
        role: &str,
    ) -> Result<()> {
        self.tx.execute(
            "UPDATE sg_members SET name = ?2, search_key = ?3, phone = ?4, role = ?5 WHERE id = ?1",
            params![id, name, search_key, phone, role],
        )?;
        Ok(())
    }

    pub fn set_sg_member_left(&mut self, id: i64, on: NaiveDate) -> Result<()> {
        self.tx.execute(
            "UPDATE sg_members SET left_on = ?2 WHERE id = ?1",
            params![id, on.to_string()],
        )?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn insert_meeting(
        &mut self,
        org_id: i64,
        cycle_id: i64,
        number: i64,
        on: NaiveDate,
        expected: (Fcfa, Fcfa),
        counted: (Fcfa, Fcfa),
        reason: &str,
        entry_id: Option<i64>,
        by: &str,
        now: &str,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO sg_meetings (org_id, cycle_id, number, date, expected_loan,
                    expected_social, counted_loan, counted_social, reason, entry_id,
                    opened_by, opened_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?
            .execute(params![
                org_id,
                cycle_id,
                number,
                on.to_string(),
                expected.0.francs(),
                expected.1.francs(),
                counted.0.francs(),
                counted.1.francs(),
                reason,
                entry_id,
                by,
                now
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn put_draft(
        &mut self,
        meeting_id: i64,
        member_id: i64,
        row: &RowInput,
        now: &str,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO sg_drafts (meeting_id, member_id, row, updated_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (meeting_id, member_id) DO UPDATE SET row = ?3, updated_at = ?4",
            )?
            .execute(params![meeting_id, member_id, json(row)?, now])?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn insert_draft_social(
        &mut self,
        meeting_id: i64,
        member_id: i64,
        kind: &str,
        amount: Fcfa,
        reason: &str,
        note: &str,
        term: i64,
        now: &str,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO sg_draft_social (meeting_id, member_id, kind, amount, reason, note,
                                              term, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                meeting_id,
                member_id,
                kind,
                amount.francs(),
                reason,
                note,
                term,
                now
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn delete_draft_social(&mut self, meeting_id: i64, id: i64) -> Result<bool> {
        let n = self.tx.execute(
            "DELETE FROM sg_draft_social WHERE meeting_id = ?1 AND id = ?2",
            params![meeting_id, id],
        )?;
        Ok(n > 0)
    }

    /// Drafts are the grid being typed: once a close recorded them, they go.
    pub fn clear_drafts(&mut self, meeting_id: i64) -> Result<()> {
        self.tx
            .execute("DELETE FROM sg_drafts WHERE meeting_id = ?1", [meeting_id])?;
        self.tx.execute(
            "DELETE FROM sg_draft_social WHERE meeting_id = ?1",
            [meeting_id],
        )?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn insert_sg_close(
        &mut self,
        meeting_id: i64,
        seq: i64,
        expected: (Fcfa, Fcfa),
        counted: (Fcfa, Fcfa),
        reason: &str,
        by: &str,
        now: &str,
    ) -> Result<i64> {
        // The code is written once the entries are posted (`finish_sg_close`).
        self.tx
            .prepare_cached(
                "INSERT INTO sg_closes (meeting_id, seq, expected_loan, expected_social,
                    counted_loan, counted_social, reason, last_entry, code, closed_by, closed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '', '', ?8, ?9)",
            )?
            .execute(params![
                meeting_id,
                seq,
                expected.0.francs(),
                expected.1.francs(),
                counted.0.francs(),
                counted.1.francs(),
                reason,
                by,
                now
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Writes a close's code once its entries are posted (the only change
    /// a close row accepts, once).
    pub fn finish_sg_close(&mut self, id: i64, last_entry: &str, code: &str) -> Result<()> {
        self.tx.execute(
            "UPDATE sg_closes SET last_entry = ?2, code = ?3 WHERE id = ?1",
            params![id, last_entry, code],
        )?;
        Ok(())
    }

    pub fn insert_sg_loan(&mut self, org_id: i64, l: &NewLoan) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO sg_loans (org_id, number, member_id, close_id, fund, principal, mode,
                                       rate, term, disbursed, late)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?
            .execute(params![
                org_id,
                l.number,
                l.member_id,
                l.close_id,
                l.fund,
                l.principal.francs(),
                l.mode.code(),
                l.rate.to_string(),
                l.term,
                l.disbursed.to_string(),
                l.late.code()
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn insert_sg_row(&mut self, close_id: i64, r: &NewRecordedRow) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO sg_rows (close_id, member_id, attendance, social, shares, loan_id,
                    repay_principal, repay_interest, fine_levied, fine_paid, new_loan_id,
                    new_loan, upfront_interest, entry_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )?
            .execute(params![
                close_id,
                r.member_id,
                r.attendance.code(),
                r.social.francs(),
                r.shares,
                r.loan_id,
                r.repay_principal.francs(),
                r.repay_interest.francs(),
                r.fine_levied.francs(),
                r.fine_paid.francs(),
                r.new_loan_id,
                r.new_loan.francs(),
                r.upfront_interest.francs(),
                r.entry_id
            ])?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn insert_sg_social(
        &mut self,
        close_id: i64,
        member_id: i64,
        kind: &str,
        amount: Fcfa,
        reason: &str,
        note: &str,
        loan_id: Option<i64>,
        entry_id: i64,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO sg_social (close_id, member_id, kind, amount, reason, note, loan_id,
                                        entry_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                close_id,
                member_id,
                kind,
                amount.francs(),
                reason,
                note,
                loan_id,
                entry_id
            ])?;
        Ok(())
    }

    pub fn insert_reopen(
        &mut self,
        close_id: i64,
        reason: &str,
        reversals: &str,
        by: &str,
        now: &str,
    ) -> Result<()> {
        self.tx.execute(
            "INSERT INTO sg_reopens (close_id, reason, reversals, reopened_by, reopened_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![close_id, reason, reversals, by, now],
        )?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn insert_writeoff(
        &mut self,
        loan_id: i64,
        on: NaiveDate,
        amount: Fcfa,
        reason: &str,
        approved_by: &str,
        entry_id: i64,
        by: &str,
        now: &str,
    ) -> Result<()> {
        self.tx.execute(
            "INSERT INTO sg_writeoffs (loan_id, date, amount, reason, approved_by, entry_id,
                                       created_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                loan_id,
                on.to_string(),
                amount.francs(),
                reason,
                approved_by,
                entry_id,
                by,
                now
            ],
        )?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn insert_leave(
        &mut self,
        member_id: i64,
        cycle_id: i64,
        on: NaiveDate,
        savings: Fcfa,
        netted: Fcfa,
        payout: Fcfa,
        entry_id: Option<i64>,
        by: &str,
        now: &str,
    ) -> Result<()> {
        self.tx.execute(
            "INSERT INTO sg_leaves (member_id, cycle_id, date, savings, netted, payout, entry_id,
                                    created_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                member_id,
                cycle_id,
                on.to_string(),
                savings.francs(),
                netted.francs(),
                payout.francs(),
                entry_id,
                by,
                now
            ],
        )?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn insert_netting(
        &mut self,
        member_id: i64,
        loan_id: Option<i64>,
        on: NaiveDate,
        principal: Fcfa,
        interest: Fcfa,
        fines: Fcfa,
        entry_id: i64,
        source: &str,
    ) -> Result<()> {
        self.tx.execute(
            "INSERT INTO sg_nettings (member_id, loan_id, date, principal, interest, fines,
                                      entry_id, source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                member_id,
                loan_id,
                on.to_string(),
                principal.francs(),
                interest.francs(),
                fines.francs(),
                entry_id,
                source
            ],
        )?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn insert_shareout(
        &mut self,
        cycle_id: i64,
        on: NaiveDate,
        plan: &impl Serialize,
        remainder: Fcfa,
        entry_id: i64,
        by: &str,
        now: &str,
    ) -> Result<()> {
        self.tx.execute(
            "INSERT INTO sg_shareouts (cycle_id, date, plan, remainder, entry_id, created_by,
                                       created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                cycle_id,
                on.to_string(),
                json(plan)?,
                remainder.francs(),
                entry_id,
                by,
                now
            ],
        )?;
        Ok(())
    }
}
