//! Reads. A `Reader` works on the store's connection or inside a write
//! transaction (where it sees that transaction's own writes).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use crate::domain::Lang;
use crate::domain::access::{Grant, LoginState, Role};
use crate::domain::ledger::{EntryNumber, PostedEntry, PostedLine, Side};
use crate::domain::money::Fcfa;
use crate::domain::period::{DateRange, Month};
use crate::domain::report::AccountTotals;
use crate::domain::verify::{AuditRecord, ChainHead, CloseRecord, MonthTotals};
use crate::error::{Error, Result};

use super::Store;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrgRow {
    #[serde(skip)]
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub template: String,
    pub created_at: String,
    pub closed_through: Option<String>,
    pub entries: i64,
    pub head_number: String,
    pub head_hash: String,
    #[serde(skip)]
    pub genesis: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AccountRow {
    pub number: String,
    pub name: String,
    pub name_fr: String,
    pub name_en: String,
    pub class: i64,
    pub closed: bool,
    pub debit: Fcfa,
    pub credit: Fcfa,
    /// Debits − credits, all time.
    pub balance: Fcfa,
    pub used: bool,
}

/// A posted entry with what the store knows around it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntryView {
    #[serde(skip)]
    pub id: i64,
    #[serde(flatten)]
    pub entry: PostedEntry,
    pub reversed_by: Option<EntryNumber>,
    /// Re-checked on read: false means the stored lines do not balance.
    pub balanced: bool,
}

/// Filters for the journal.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JournalQuery {
    pub range: Option<DateRange>,
    pub account: Option<String>,
    /// Accent- and case-folded text to find in document, memo and labels.
    pub text: Option<String>,
    /// Keyset paging: only entries after this (date, id).
    pub after: Option<(NaiveDate, i64)>,
    /// Keyset paging backwards: only entries before this (date, id).
    pub before: Option<(NaiveDate, i64)>,
    /// With `limit`, take the last `limit` matching entries instead of the
    /// first (still returned in date order): the page before `before`, or
    /// the end of the journal.
    pub backward: bool,
    pub limit: Option<usize>,
}

/// One line of an account's general ledger, with the running balance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LedgerLine {
    pub date: NaiveDate,
    pub number: EntryNumber,
    pub doc_ref: String,
    pub memo: String,
    pub label: String,
    pub debit: Fcfa,
    pub credit: Fcfa,
    pub balance: Fcfa,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CloseRow {
    #[serde(skip)]
    pub id: i64,
    pub period: String,
    pub kind: String,
    pub closed_at: String,
    pub closed_by: String,
    pub head_chain: i64,
    pub head_hash: String,
    pub total_debit: Fcfa,
    pub total_credit: Fcfa,
}

/// A recorded close, the months it covers and its row id.
#[derive(Clone, Debug)]
pub struct CloseInfo {
    pub record: CloseRecord,
    pub months: (Month, Month),
    pub id: i64,
}

/// A user as listed (never with secrets).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UserRow {
    #[serde(skip)]
    pub id: i64,
    pub name: String,
    pub lang: String,
    pub created_at: String,
    pub disabled: bool,
    pub has_pin: bool,
    /// (organisation code, or "*" for all, role).
    pub roles: Vec<(String, Role)>,
}

/// What a login needs: the user and the secrets to check.
#[derive(Clone, Debug)]
pub struct UserAuth {
    pub user: UserRow,
    pub pass_hash: String,
    pub pin_hash: Option<String>,
}

pub struct Reader<'a> {
    pub(super) conn: &'a Connection,
}

fn side(s: &str) -> Side {
    if s == "D" { Side::Debit } else { Side::Credit }
}

pub(super) fn date(s: &str) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn org_row(r: &Row<'_>) -> rusqlite::Result<OrgRow> {
    Ok(OrgRow {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        kind: r.get(3)?,
        template: r.get(4)?,
        created_at: r.get(5)?,
        closed_through: r.get(6)?,
        entries: r.get(7)?,
        head_number: r.get(8)?,
        head_hash: r.get(9)?,
        genesis: r.get(10)?,
    })
}

const ORG_COLS: &str = "id, code, name, kind, template, created_at, closed_through, head_chain,
                        head_number, head_hash, genesis";

const ENTRY_COLS: &str = "e.id, e.fiscal_year, e.seq, e.chain_no, e.date, e.recorded_at, e.doc_ref,
    e.memo, e.author, e.idem_key, r.fiscal_year, r.seq, e.source, e.prev_hash, e.hash";

impl Store {
    pub fn read(&self) -> Reader<'_> {
        Reader { conn: &self.conn }
    }
}

impl<'a> Reader<'a> {
    pub(super) fn new(conn: &'a Connection) -> Reader<'a> {
        Reader { conn }
    }

    /// Holds one read snapshot until dropped, so that a report made of
    /// several queries cannot straddle another process's commit (a trial
    /// balance would then not balance). Inside a write transaction the
    /// snapshot already exists and nothing is started.
    pub fn snapshot(&self) -> Result<Option<rusqlite::Transaction<'a>>> {
        if self.conn.is_autocommit() {
            Ok(Some(self.conn.unchecked_transaction()?))
        } else {
            Ok(None)
        }
    }

    pub fn orgs(&self) -> Result<Vec<OrgRow>> {
        let mut st = self
            .conn
            .prepare(&format!("SELECT {ORG_COLS} FROM orgs ORDER BY code"))?;
        let rows = st.query_map([], org_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn org(&self, code: &str) -> Result<Option<OrgRow>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {ORG_COLS} FROM orgs WHERE code = ?1"),
                [code],
                org_row,
            )
            .optional()?)
    }

    /// Accounts of an organisation with their all-time totals.
    pub fn accounts(&self, org_id: i64, lang: Lang) -> Result<Vec<AccountRow>> {
        let mut st = self.conn.prepare(
            "SELECT a.number, a.name_fr, a.name_en, a.class, a.closed_at IS NOT NULL,
                    COALESCE(sum(m.debit), 0), COALESCE(sum(m.credit), 0),
                    EXISTS (SELECT 1 FROM entry_lines l WHERE l.account_id = a.id)
             FROM accounts a LEFT JOIN account_month m ON m.account_id = a.id
             WHERE a.org_id = ?1 GROUP BY a.id ORDER BY a.number",
        )?;
        let rows = st.query_map([org_id], |r| {
            let name_fr: String = r.get(1)?;
            let name_en: String = r.get(2)?;
            let debit: i64 = r.get(5)?;
            let credit: i64 = r.get(6)?;
            Ok(AccountRow {
                number: r.get(0)?,
                name: if lang == Lang::En {
                    name_en.clone()
                } else {
                    name_fr.clone()
                },
                name_fr,
                name_en,
                class: r.get(3)?,
                closed: r.get(4)?,
                debit: Fcfa::new(debit),
                credit: Fcfa::new(credit),
                balance: Fcfa::new(debit - credit),
                used: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn account(&self, org_id: i64, number: &str, lang: Lang) -> Result<Option<AccountRow>> {
        Ok(self
            .accounts(org_id, lang)?
            .into_iter()
            .find(|a| a.number == number))
    }

    fn lines_of(&self, entry_id: i64) -> Result<Vec<PostedLine>> {
        let mut st = self.conn.prepare_cached(
            "SELECT l.line_no, a.number, l.side, l.amount, l.label
             FROM entry_lines l JOIN accounts a ON a.id = l.account_id
             WHERE l.entry_id = ?1 ORDER BY l.line_no",
        )?;
        let rows = st.query_map([entry_id], |r| {
            Ok(PostedLine {
                line_no: r.get(0)?,
                account: r.get(1)?,
                side: side(&r.get::<_, String>(2)?),
                amount: Fcfa::new(r.get(3)?),
                label: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn entry_head(r: &Row<'_>) -> rusqlite::Result<(i64, PostedEntry)> {
        let rev_year: Option<i32> = r.get(10)?;
        let rev_seq: Option<i64> = r.get(11)?;
        Ok((
            r.get(0)?,
            PostedEntry {
                number: EntryNumber {
                    year: r.get(1)?,
                    seq: r.get(2)?,
                },
                chain_no: r.get(3)?,
                date: date(&r.get::<_, String>(4)?)?,
                recorded_at: r.get(5)?,
                doc_ref: r.get(6)?,
                memo: r.get(7)?,
                author: r.get(8)?,
                idem_key: r.get(9)?,
                reverses: rev_year
                    .zip(rev_seq)
                    .map(|(year, seq)| EntryNumber { year, seq }),
                source: r.get(12)?,
                lines: Vec::new(),
                prev_hash: r.get(13)?,
                hash: r.get(14)?,
            },
        ))
    }

    fn view(&self, id: i64, mut entry: PostedEntry) -> Result<EntryView> {
        entry.lines = self.lines_of(id)?;
        let reversed_by = self
            .conn
            .prepare_cached("SELECT fiscal_year, seq FROM entries WHERE reverses = ?1")?
            .query_row([id], |r| {
                Ok(EntryNumber {
                    year: r.get(0)?,
                    seq: r.get(1)?,
                })
            })
            .optional()?;
        let balanced = entry.is_balanced();
        Ok(EntryView {
            id,
            entry,
            reversed_by,
            balanced,
        })
    }

    pub fn entry(&self, org_id: i64, number: EntryNumber) -> Result<Option<EntryView>> {
        let _snapshot = self.snapshot()?;
        let head = self
            .conn
            .prepare_cached(&format!(
                "SELECT {ENTRY_COLS} FROM entries e LEFT JOIN entries r ON r.id = e.reverses
                 WHERE e.org_id = ?1 AND e.fiscal_year = ?2 AND e.seq = ?3"
            ))?
            .query_row(params![org_id, number.year, number.seq], Self::entry_head)
            .optional()?;
        match head {
            None => Ok(None),
            Some((id, e)) => Ok(Some(self.view(id, e)?)),
        }
    }

    /// Entries in date order (then recording order), filtered.
    pub fn journal(&self, org_id: i64, q: &JournalQuery) -> Result<Vec<EntryView>> {
        let mut sql = format!(
            "SELECT {ENTRY_COLS} FROM entries e LEFT JOIN entries r ON r.id = e.reverses
             WHERE e.org_id = ?1"
        );
        let mut args: Vec<rusqlite::types::Value> = vec![org_id.into()];
        let arg = |v: rusqlite::types::Value, args: &mut Vec<_>| {
            args.push(v);
            format!("?{}", args.len())
        };
        if let Some(r) = q.range {
            let a = arg(r.from.to_string().into(), &mut args);
            let b = arg(r.to.to_string().into(), &mut args);
            sql.push_str(&format!(" AND e.date BETWEEN {a} AND {b}"));
        }
        if let Some(acc) = &q.account {
            let a = arg(acc.clone().into(), &mut args);
            let (from, to) = q
                .range
                .map(|r| (r.from.to_string(), r.to.to_string()))
                .unwrap_or_else(|| ("0000-00-00".into(), "9999-99-99".into()));
            let f = arg(from.into(), &mut args);
            let t = arg(to.into(), &mut args);
            let lines = format!(
                "FROM entry_lines l
                 WHERE l.account_id = (SELECT id FROM accounts WHERE org_id = ?1 AND number = {a})
                 AND l.date BETWEEN {f} AND {t}"
            );
            match q.limit {
                // A page without a text filter: take it straight from the
                // account's lines, which the index keeps in (date, entry)
                // order, instead of listing every line of the account.
                // A line's date is its entry's date, so the keyset bounds
                // carry over.
                Some(n) if q.text.is_none() => {
                    let mut bounds = String::new();
                    if let Some((d, id)) = q.after {
                        let x = arg(d.to_string().into(), &mut args);
                        let y = arg(id.into(), &mut args);
                        bounds.push_str(&format!(" AND (l.date, l.entry_id) > ({x}, {y})"));
                    }
                    if let Some((d, id)) = q.before {
                        let x = arg(d.to_string().into(), &mut args);
                        let y = arg(id.into(), &mut args);
                        bounds.push_str(&format!(" AND (l.date, l.entry_id) < ({x}, {y})"));
                    }
                    let order = if q.backward { "DESC" } else { "ASC" };
                    let lim = arg((n as i64).into(), &mut args);
                    sql.push_str(&format!(
                        " AND e.id IN (SELECT entry_id FROM (SELECT DISTINCT l.date, l.entry_id
                           {lines}{bounds}
                           ORDER BY l.date {order}, l.entry_id {order} LIMIT {lim}))"
                    ));
                }
                _ => sql.push_str(&format!(" AND e.id IN (SELECT l.entry_id {lines})")),
            }
        }
        if let Some(text) = &q.text {
            let pattern = format!(
                "%{}%",
                text.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            );
            let a = arg(pattern.into(), &mut args);
            sql.push_str(&format!(" AND e.search_key LIKE {a} ESCAPE '\\'"));
        }
        if let Some((d, id)) = q.after {
            let a = arg(d.to_string().into(), &mut args);
            let b = arg(id.into(), &mut args);
            sql.push_str(&format!(" AND (e.date, e.id) > ({a}, {b})"));
        }
        if let Some((d, id)) = q.before {
            let a = arg(d.to_string().into(), &mut args);
            let b = arg(id.into(), &mut args);
            sql.push_str(&format!(" AND (e.date, e.id) < ({a}, {b})"));
        }
        if q.backward {
            sql.push_str(" ORDER BY e.date DESC, e.id DESC");
        } else {
            sql.push_str(" ORDER BY e.date, e.id");
        }
        if let Some(n) = q.limit {
            let a = arg((n as i64).into(), &mut args);
            sql.push_str(&format!(" LIMIT {a}"));
        }
        // One statement for the entries, their lines and their reversal
        // links: one snapshot, no query per entry.
        let full = format!(
            "WITH sel AS ({sql})
             SELECT sel.*, rb.fiscal_year, rb.seq, l.line_no, a.number, l.side, l.amount, l.label
             FROM sel
             LEFT JOIN entries rb ON rb.reverses = sel.id
             JOIN entry_lines l ON l.entry_id = sel.id
             JOIN accounts a ON a.id = l.account_id
             ORDER BY sel.date, sel.id, l.line_no"
        );
        let mut st = self.conn.prepare(&full)?;
        let mut rows = st.query(rusqlite::params_from_iter(args))?;
        let mut out: Vec<EntryView> = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if out.last().is_none_or(|v| v.id != id) {
                let (_, entry) = Self::entry_head(r)?;
                let by_year: Option<i32> = r.get(15)?;
                let by_seq: Option<i64> = r.get(16)?;
                out.push(EntryView {
                    id,
                    entry,
                    reversed_by: by_year
                        .zip(by_seq)
                        .map(|(year, seq)| EntryNumber { year, seq }),
                    balanced: false,
                });
            }
            let v = out.last_mut().expect("pushed above");
            v.entry.lines.push(PostedLine {
                line_no: r.get(17)?,
                account: r.get(18)?,
                side: side(&r.get::<_, String>(19)?),
                amount: Fcfa::new(r.get(20)?),
                label: r.get(21)?,
            });
        }
        for v in &mut out {
            v.balanced = v.entry.is_balanced();
        }
        Ok(out)
    }

    fn account_id(&self, org_id: i64, number: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached("SELECT id FROM accounts WHERE org_id = ?1 AND number = ?2")?
            .query_row(params![org_id, number], |r| r.get(0))
            .optional()?)
    }

    /// Net movement (debits − credits) of an account per fiscal year.
    pub fn account_year_nets(&self, org_id: i64, number: &str) -> Result<Vec<(i32, i64)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT CAST(substr(m.month, 1, 4) AS INTEGER), sum(m.debit - m.credit)
             FROM account_month m JOIN accounts a ON a.id = m.account_id
             WHERE m.org_id = ?1 AND a.number = ?2
             GROUP BY substr(m.month, 1, 4) ORDER BY 1",
        )?;
        let rows = st.query_map(params![org_id, number], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The lowest running balance of an account from `date` on (entries in
    /// date then recording order), and the date it is reached; `None` when
    /// nothing moves from that date on.
    pub fn lowest_balance_from(
        &self,
        org_id: i64,
        account_id: i64,
        from: NaiveDate,
    ) -> Result<Option<(i64, NaiveDate)>> {
        let mut running = self.balance_before(org_id, account_id, from)?;
        let mut st = self.conn.prepare_cached(
            "SELECT date, sum(CASE side WHEN 'D' THEN amount ELSE -amount END)
             FROM entry_lines WHERE account_id = ?1 AND date >= ?2
             GROUP BY date, entry_id ORDER BY date, entry_id",
        )?;
        let mut rows = st.query(params![account_id, from.to_string()])?;
        let mut lowest: Option<(i64, NaiveDate)> = None;
        while let Some(r) = rows.next()? {
            running += r.get::<_, i64>(1)?;
            if lowest.is_none_or(|(l, _)| running < l) {
                lowest = Some((running, date(&r.get::<_, String>(0)?)?));
            }
        }
        Ok(lowest)
    }

    /// Net balance (debits − credits) of an account before `date`.
    fn balance_before(&self, org_id: i64, account_id: i64, before: NaiveDate) -> Result<i64> {
        let m = Month::of(before);
        let whole: i64 = self
            .conn
            .prepare_cached(
                "SELECT COALESCE(sum(debit - credit), 0) FROM account_month
                 WHERE org_id = ?1 AND account_id = ?2 AND month < ?3",
            )?
            .query_row(params![org_id, account_id, m.key()], |r| r.get(0))?;
        let partial: i64 = self
            .conn
            .prepare_cached(
                "SELECT COALESCE(sum(CASE side WHEN 'D' THEN amount ELSE -amount END), 0)
                 FROM entry_lines WHERE account_id = ?1 AND date >= ?2 AND date < ?3",
            )?
            .query_row(
                params![account_id, m.first_day().to_string(), before.to_string()],
                |r| r.get(0),
            )?;
        Ok(whole + partial)
    }

    /// An account's general ledger (grand livre) over a range, with the
    /// opening balance and a running balance on every line.
    pub fn account_ledger(
        &self,
        org_id: i64,
        number: &str,
        range: DateRange,
    ) -> Result<Option<(Fcfa, Vec<LedgerLine>)>> {
        let _snapshot = self.snapshot()?;
        let Some(account_id) = self.account_id(org_id, number)? else {
            return Ok(None);
        };
        let opening = self.balance_before(org_id, account_id, range.from)?;
        let mut st = self.conn.prepare_cached(
            "SELECT l.date, e.fiscal_year, e.seq, e.doc_ref, e.memo, l.label, l.side, l.amount
             FROM entry_lines l JOIN entries e ON e.id = l.entry_id
             WHERE l.account_id = ?1 AND l.date BETWEEN ?2 AND ?3
             ORDER BY l.date, l.entry_id, l.line_no",
        )?;
        let mut running = opening;
        let rows = st.query_map(
            params![account_id, range.from.to_string(), range.to.to_string()],
            |r| {
                Ok((
                    date(&r.get::<_, String>(0)?)?,
                    EntryNumber {
                        year: r.get(1)?,
                        seq: r.get(2)?,
                    },
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    side(&r.get::<_, String>(6)?),
                    r.get::<_, i64>(7)?,
                ))
            },
        )?;
        let mut out = Vec::new();
        for row in rows {
            let (d, number, doc_ref, memo, label, s, amount) = row?;
            let (debit, credit) = match s {
                Side::Debit => (amount, 0),
                Side::Credit => (0, amount),
            };
            running += debit - credit;
            out.push(LedgerLine {
                date: d,
                number,
                doc_ref,
                memo,
                label,
                debit: Fcfa::new(debit),
                credit: Fcfa::new(credit),
                balance: Fcfa::new(running),
            });
        }
        Ok(Some((Fcfa::new(opening), out)))
    }

    /// Per-account totals for a trial balance: opening (everything before the
    /// range) and movements within it. Whole months come from the cached
    /// monthly totals; partial months at either end from the lines.
    ///
    /// `before_closing` leaves out the year-end result entries dated in the
    /// range (the income statement as it stood before the year close).
    pub fn account_totals(
        &self,
        org_id: i64,
        range: DateRange,
        lang: Lang,
        before_closing: bool,
    ) -> Result<Vec<AccountTotals>> {
        let _snapshot = self.snapshot()?;
        let name_col = if lang == Lang::En {
            "name_en"
        } else {
            "name_fr"
        };
        let mut by_id: BTreeMap<i64, AccountTotals> = BTreeMap::new();
        {
            let mut st = self.conn.prepare_cached(&format!(
                "SELECT id, number, {name_col} FROM accounts WHERE org_id = ?1"
            ))?;
            let rows = st.query_map([org_id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            for row in rows {
                let (id, account, name) = row?;
                by_id.insert(
                    id,
                    AccountTotals {
                        account,
                        name,
                        opening_net: 0,
                        debit: 0,
                        credit: 0,
                    },
                );
            }
        }
        let first_month = Month::of(range.from);
        // Opening: whole months before the range's first month…
        {
            let mut st = self.conn.prepare_cached(
                "SELECT account_id, sum(debit - credit) FROM account_month
                 WHERE org_id = ?1 AND month < ?2 GROUP BY account_id",
            )?;
            let rows = st.query_map(params![org_id, first_month.key()], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
            })?;
            for row in rows {
                let (id, net) = row?;
                if let Some(t) = by_id.get_mut(&id) {
                    t.opening_net += net;
                }
            }
        }
        let mut lines_between = |from: NaiveDate, to: NaiveDate, opening: bool| -> Result<()> {
            let mut st = self.conn.prepare_cached(
                "SELECT l.account_id,
                        sum(CASE l.side WHEN 'D' THEN l.amount ELSE 0 END),
                        sum(CASE l.side WHEN 'C' THEN l.amount ELSE 0 END)
                 FROM entries e JOIN entry_lines l ON l.entry_id = e.id
                 WHERE e.org_id = ?1 AND e.date BETWEEN ?2 AND ?3
                 GROUP BY l.account_id",
            )?;
            let rows = st.query_map(params![org_id, from.to_string(), to.to_string()], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })?;
            for row in rows {
                let (id, d, c) = row?;
                if let Some(t) = by_id.get_mut(&id) {
                    if opening {
                        t.opening_net += d - c;
                    } else {
                        t.debit += d;
                        t.credit += c;
                    }
                }
            }
            Ok(())
        };
        // …plus the days of that month before the range starts.
        if range.from > first_month.first_day() {
            let day_before = range.from.pred_opt().expect("in range");
            lines_between(first_month.first_day(), day_before, true)?;
        }
        let split = range.split();
        for p in &split.partial {
            lines_between(p.from, p.to, false)?;
        }
        if let Some((m1, m2)) = split.whole {
            let mut st = self.conn.prepare_cached(
                "SELECT account_id, sum(debit), sum(credit) FROM account_month
                 WHERE org_id = ?1 AND month BETWEEN ?2 AND ?3 GROUP BY account_id",
            )?;
            let rows = st.query_map(params![org_id, m1.key(), m2.key()], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })?;
            for row in rows {
                let (id, d, c) = row?;
                if let Some(t) = by_id.get_mut(&id) {
                    t.debit += d;
                    t.credit += c;
                }
            }
        }
        if before_closing {
            let mut st = self.conn.prepare_cached(
                "SELECT l.account_id,
                        sum(CASE l.side WHEN 'D' THEN l.amount ELSE 0 END),
                        sum(CASE l.side WHEN 'C' THEN l.amount ELSE 0 END)
                 FROM entries e JOIN entry_lines l ON l.entry_id = e.id
                 WHERE e.org_id = ?1 AND e.date BETWEEN ?2 AND ?3 AND e.source LIKE 'year-close:%'
                 GROUP BY l.account_id",
            )?;
            let rows = st.query_map(
                params![org_id, range.from.to_string(), range.to.to_string()],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, i64>(2)?,
                    ))
                },
            )?;
            for row in rows {
                let (id, d, c) = row?;
                if let Some(t) = by_id.get_mut(&id) {
                    t.debit -= d;
                    t.credit -= c;
                }
            }
        }
        Ok(by_id.into_values().collect())
    }

    pub fn closes(&self, org_id: i64) -> Result<Vec<CloseRow>> {
        let mut st = self.conn.prepare(
            "SELECT id, period, kind, closed_at, closed_by, head_chain, head_hash, total_debit,
                    total_credit
             FROM period_closes WHERE org_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([org_id], |r| {
            Ok(CloseRow {
                id: r.get(0)?,
                period: r.get(1)?,
                kind: r.get(2)?,
                closed_at: r.get(3)?,
                closed_by: r.get(4)?,
                head_chain: r.get(5)?,
                head_hash: r.get(6)?,
                total_debit: Fcfa::new(r.get(7)?),
                total_credit: Fcfa::new(r.get(8)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The audit log, newest last; `limit` keeps the newest rows only.
    pub fn audit(&self, limit: Option<usize>) -> Result<Vec<AuditRecord>> {
        let limit = limit.map(|n| n as i64).unwrap_or(-1);
        let mut st = self.conn.prepare(
            "SELECT * FROM (SELECT id, at, actor, action, org, detail, prev_hash, hash
             FROM audit_log ORDER BY id DESC LIMIT ?1) ORDER BY id",
        )?;
        let rows = st.query_map([limit], |r| {
            Ok(AuditRecord {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                action: r.get(3)?,
                org: r.get(4)?,
                detail: r.get(5)?,
                prev_hash: r.get(6)?,
                hash: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    // ---- users -----------------------------------------------------

    pub fn has_users(&self) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM users)", [], |r| r.get(0))?)
    }

    fn user_roles(&self, user_id: i64) -> Result<Vec<(String, Role)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT COALESCE(o.code, '*'), r.role FROM user_roles r
             LEFT JOIN orgs o ON o.id = r.org_scope
             WHERE r.user_id = ?1 ORDER BY r.org_scope",
        )?;
        let rows = st.query_map([user_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (org, role) = row?;
            if let Some(role) = Role::from_code(&role) {
                out.push((org, role));
            }
        }
        Ok(out)
    }

    pub fn grants(&self, user_id: i64) -> Result<Vec<Grant>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT org_scope, role FROM user_roles WHERE user_id = ?1")?;
        let rows = st.query_map([user_id], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (scope, role) = row?;
            if let Some(role) = Role::from_code(&role) {
                out.push(Grant {
                    org_id: (scope != 0).then_some(scope),
                    role,
                });
            }
        }
        Ok(out)
    }

    fn user_row(&self, r: &Row<'_>) -> rusqlite::Result<UserRow> {
        Ok(UserRow {
            id: r.get(0)?,
            name: r.get(1)?,
            lang: r.get(2)?,
            created_at: r.get(3)?,
            disabled: r.get(4)?,
            has_pin: r.get(5)?,
            roles: Vec::new(),
        })
    }

    pub fn users(&self) -> Result<Vec<UserRow>> {
        let mut st = self.conn.prepare(
            "SELECT id, name, lang, created_at, disabled_at IS NOT NULL, pin_hash IS NOT NULL
             FROM users ORDER BY name_key",
        )?;
        let rows: Vec<UserRow> = st
            .query_map([], |r| self.user_row(r))?
            .collect::<rusqlite::Result<_>>()?;
        rows.into_iter()
            .map(|mut u| {
                u.roles = self.user_roles(u.id)?;
                Ok(u)
            })
            .collect()
    }

    /// The user whose folded name is `name_key`, with the secrets to check.
    pub fn user_auth(&self, name_key: &str) -> Result<Option<UserAuth>> {
        let found = self
            .conn
            .query_row(
                "SELECT id, name, lang, created_at, disabled_at IS NOT NULL, pin_hash IS NOT NULL,
                        pass_hash, pin_hash
                 FROM users WHERE name_key = ?1",
                [name_key],
                |r| {
                    Ok((
                        self.user_row(r)?,
                        r.get::<_, String>(6)?,
                        r.get::<_, Option<String>>(7)?,
                    ))
                },
            )
            .optional()?;
        match found {
            None => Ok(None),
            Some((mut user, pass_hash, pin_hash)) => {
                user.roles = self.user_roles(user.id)?;
                Ok(Some(UserAuth {
                    user,
                    pass_hash,
                    pin_hash,
                }))
            }
        }
    }

    pub fn login_state(&self, name_key: &str) -> Result<LoginState> {
        Ok(self
            .conn
            .query_row(
                "SELECT failures, last_failure, locked_until FROM login_failures WHERE name_key = ?1",
                [name_key],
                |r| {
                    Ok(LoginState {
                        failures: r.get(0)?,
                        last_failure: r.get(1)?,
                        locked_until: r.get(2)?,
                    })
                },
            )
            .optional()?
            .unwrap_or_default())
    }

    pub fn is_empty(&self) -> Result<bool> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM orgs", [], |r| r.get(0))?;
        Ok(n == 0)
    }

    // ---- for `verify` -------------------------------------------------

    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut st = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        let v: Vec<String> = rows.collect::<rusqlite::Result<_>>()?;
        Ok(if v == ["ok"] { Vec::new() } else { v })
    }

    pub fn application_id(&self) -> Result<i32> {
        Ok(self
            .conn
            .pragma_query_value(None, "application_id", |r| r.get(0))?)
    }

    pub fn chain_head(&self, org: &OrgRow) -> ChainHead {
        ChainHead {
            genesis: org.genesis.clone(),
            head_chain: org.entries,
            head_hash: org.head_hash.clone(),
            head_number: org.head_number.clone(),
            closed_through: org
                .closed_through
                .as_deref()
                .and_then(|m| Month::parse(m).ok()),
        }
    }

    /// Calls `f` with every entry of an organisation in chain order, lines
    /// included, streaming (one pass, constant memory). The flag tells
    /// whether the rows are consistent with each other beyond what the hash
    /// covers: a readable date, every line carrying its entry's date, every
    /// account belonging to the entry's organisation. An unreadable date is
    /// replaced by 2000-01-01 so the walk goes on (and the hash then fails).
    pub fn for_each_entry(&self, org_id: i64, mut f: impl FnMut(PostedEntry, bool)) -> Result<()> {
        let cols = ENTRY_COLS.replacen(
            "e.date,",
            "CASE WHEN date(e.date) IS e.date THEN e.date ELSE '2000-01-01' END,",
            1,
        );
        let mut st = self.conn.prepare(&format!(
            "SELECT {cols}, l.line_no, a.number, l.side, l.amount, l.label,
                    date(e.date) IS e.date
                    AND (l.entry_id IS NULL OR (l.date IS e.date AND a.org_id IS e.org_id))
             FROM entries e LEFT JOIN entries r ON r.id = e.reverses
             LEFT JOIN entry_lines l ON l.entry_id = e.id
             LEFT JOIN accounts a ON a.id = l.account_id
             WHERE e.org_id = ?1 ORDER BY e.chain_no, e.id, l.line_no"
        ))?;
        let mut rows = st.query([org_id])?;
        let mut current: Option<(i64, PostedEntry, bool)> = None;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if current.as_ref().is_none_or(|(cid, _, _)| *cid != id) {
                if let Some((_, e, ok)) = current.take() {
                    f(e, ok);
                }
                let (_, e) = Self::entry_head(r)?;
                current = Some((id, e, true));
            }
            let line_no: Option<i64> = r.get(15)?;
            let consistent: bool = r.get(20)?;
            if let Some((_, e, ok)) = current.as_mut() {
                *ok &= consistent;
                if let Some(line_no) = line_no {
                    e.lines.push(PostedLine {
                        line_no,
                        account: r.get::<_, Option<String>>(16)?.unwrap_or_default(),
                        side: side(&r.get::<_, String>(17)?),
                        amount: Fcfa::new(r.get(18)?),
                        label: r.get(19)?,
                    });
                }
            }
        }
        if let Some((_, e, ok)) = current {
            f(e, ok);
        }
        Ok(())
    }

    /// The SQL text of every trigger in the file.
    pub fn trigger_sql(&self) -> Result<Vec<(String, String)>> {
        let mut st = self
            .conn
            .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn cached_totals(&self, org_id: i64) -> Result<MonthTotals> {
        let mut st = self.conn.prepare(
            "SELECT a.number, m.month, m.debit, m.credit FROM account_month m
             JOIN accounts a ON a.id = m.account_id WHERE m.org_id = ?1",
        )?;
        let rows = st.query_map([org_id], |r| {
            Ok((
                (r.get::<_, String>(0)?, r.get::<_, String>(1)?),
                (
                    i128::from(r.get::<_, i64>(2)?),
                    i128::from(r.get::<_, i64>(3)?),
                ),
            ))
        })?;
        let mut out = MonthTotals::new();
        for row in rows {
            let (k, v) = row?;
            if v != (0, 0) {
                out.insert(k, v);
            }
        }
        Ok(out)
    }

    /// Recorded closes as the checker needs them, with the months each covers.
    pub fn close_records(&self, org_id: i64) -> Result<Vec<CloseInfo>> {
        let mut out = Vec::new();
        for c in self.closes(org_id)? {
            let months = if c.kind == "year" {
                let y = crate::domain::period::parse_year(&c.period)?;
                (
                    Month::new(y, 1).expect("valid"),
                    Month::new(y, 12).expect("valid"),
                )
            } else {
                let m = Month::parse(&c.period)?;
                (m, m)
            };
            out.push(CloseInfo {
                record: CloseRecord {
                    period: c.period.clone(),
                    through: months.1,
                    head_chain: c.head_chain,
                    head_hash: c.head_hash.clone(),
                },
                months,
                id: c.id,
            });
        }
        Ok(out)
    }

    pub fn close_totals(&self, close_id: i64) -> Result<BTreeMap<String, (i128, i128)>> {
        let mut st = self.conn.prepare(
            "SELECT a.number, t.debit, t.credit FROM period_totals t
             JOIN accounts a ON a.id = t.account_id WHERE t.close_id = ?1",
        )?;
        let rows = st.query_map([close_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                (
                    i128::from(r.get::<_, i64>(1)?),
                    i128::from(r.get::<_, i64>(2)?),
                ),
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every (original, reversal) pair of an organisation.
    pub fn reversal_pairs(&self, org_id: i64) -> Result<Vec<(EntryView, EntryView)>> {
        let ids: Vec<(i64, i64)> = self
            .conn
            .prepare("SELECT reverses, id FROM entries WHERE org_id = ?1 AND reverses IS NOT NULL")?
            .query_map([org_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for (orig, rev) in ids {
            let (Some(a), Some(b)) = (self.entry_by_id(orig)?, self.entry_by_id(rev)?) else {
                continue;
            };
            out.push((a, b));
        }
        Ok(out)
    }

    pub fn entry_by_id(&self, id: i64) -> Result<Option<EntryView>> {
        let head = self
            .conn
            .prepare_cached(&format!(
                "SELECT {ENTRY_COLS} FROM entries e LEFT JOIN entries r ON r.id = e.reverses
                 WHERE e.id = ?1"
            ))?
            .query_row([id], Self::entry_head)
            .optional()?;
        match head {
            None => Ok(None),
            Some((id, e)) => Ok(Some(self.view(id, e)?)),
        }
    }

    /// The id of a posted entry, for reversal links.
    pub fn entry_id(&self, org_id: i64, number: EntryNumber) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id FROM entries WHERE org_id = ?1 AND fiscal_year = ?2 AND seq = ?3",
            )?
            .query_row(params![org_id, number.year, number.seq], |r| r.get(0))
            .optional()?)
    }
}

impl From<rusqlite::types::FromSqlError> for Error {
    fn from(e: rusqlite::types::FromSqlError) -> Self {
        Error::Database {
            detail: e.to_string(),
        }
    }
}
