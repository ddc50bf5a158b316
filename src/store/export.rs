//! Reads for the monthly export: the piece of an organisation's hash chain
//! that an export carries, so that a later export can be checked against it.

use crate::domain::export::ChainLink;
use crate::domain::ledger::EntryNumber;
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::Reader;
use super::read::date;

impl Reader<'_> {
    /// The lowest chain position of an entry dated on or after `from`, if
    /// any.
    pub fn first_position_from(&self, org_id: i64, from: NaiveDate) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached("SELECT min(chain_no) FROM entries WHERE org_id = ?1 AND date >= ?2")?
            .query_row(params![org_id, from.to_string()], |r| {
                r.get::<_, Option<i64>>(0)
            })
            .optional()?
            .flatten())
    }

    /// The highest chain position of an entry dated on or before `to`, if
    /// any.
    pub fn last_position_through(&self, org_id: i64, to: NaiveDate) -> Result<Option<i64>> {
        Ok(self
            .conn
            // Down the chain from the head (`+date` keeps SQLite on the
            // (org, chain position) index): for books kept in date order the
            // answer is among the last links, where a search by date would
            // read every entry up to `to`.
            .prepare_cached(
                "SELECT chain_no FROM entries WHERE org_id = ?1 AND +date <= ?2
                 ORDER BY chain_no DESC LIMIT 1",
            )?
            .query_row(params![org_id, to.to_string()], |r| r.get::<_, i64>(0))
            .optional()?)
    }

    /// The links at positions `from..=to` of an organisation's chain, in
    /// order (position 0, the genesis, is not stored as an entry and is left
    /// to the caller).
    pub fn chain_links(&self, org_id: i64, from: i64, to: i64) -> Result<Vec<ChainLink>> {
        let mut st = self.conn.prepare_cached(
            "SELECT chain_no, fiscal_year, seq, date, recorded_at, prev_hash, hash
             FROM entries WHERE org_id = ?1 AND chain_no BETWEEN ?2 AND ?3
             ORDER BY chain_no",
        )?;
        let rows = st.query_map(params![org_id, from, to], |r| {
            Ok(ChainLink {
                position: r.get(0)?,
                number: Some(EntryNumber {
                    year: r.get(1)?,
                    seq: r.get(2)?,
                }),
                date: Some(date(&r.get::<_, String>(3)?)?),
                recorded_at: r.get(4)?,
                prev_hash: r.get(5)?,
                hash: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
