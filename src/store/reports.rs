//! Reads for the financial statements (`service::reports`): the entries
//! that move a set of accounts, streamed with their lines. The statements
//! themselves are built in `domain::statements`.

use chrono::NaiveDate;
use rusqlite::params_from_iter;

use crate::domain::ledger::{EntryNumber, PostedLine, Side};
use crate::domain::money::Fcfa;
use crate::domain::period::DateRange;
use crate::error::Result;

use super::Reader;
use super::read::date;

impl Reader<'_> {
    /// Calls `f` with every entry of an organisation dated in `range` that
    /// has a line on an account whose number begins with one of `prefixes`
    /// (digits only), with all its lines, in date then recording order.
    /// Streams: one entry in memory at a time.
    pub fn for_each_entry_touching(
        &self,
        org_id: i64,
        range: DateRange,
        prefixes: &[&str],
        mut f: impl FnMut(EntryNumber, NaiveDate, &[PostedLine]) -> Result<()>,
    ) -> Result<()> {
        if prefixes.is_empty() {
            return Ok(());
        }
        let mut args: Vec<rusqlite::types::Value> = vec![
            org_id.into(),
            range.from.to_string().into(),
            range.to.to_string().into(),
        ];
        let mut globs = Vec::with_capacity(prefixes.len());
        for p in prefixes {
            debug_assert!(p.bytes().all(|b| b.is_ascii_digit()));
            args.push(format!("{p}*").into());
            globs.push(format!("a2.number GLOB ?{}", args.len()));
        }
        let sql = format!(
            "SELECT e.id, e.fiscal_year, e.seq, e.date, l.line_no, a.number, l.side, l.amount,
                    l.label
             FROM entries e
             JOIN entry_lines l ON l.entry_id = e.id
             JOIN accounts a ON a.id = l.account_id
             WHERE e.org_id = ?1 AND e.date BETWEEN ?2 AND ?3
               AND e.id IN (SELECT l2.entry_id FROM entry_lines l2
                            JOIN accounts a2 ON a2.id = l2.account_id
                            WHERE a2.org_id = ?1 AND l2.date BETWEEN ?2 AND ?3
                              AND ({}))
             ORDER BY e.date, e.id, l.line_no",
            globs.join(" OR ")
        );
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query(params_from_iter(args))?;
        let mut current: Option<(i64, EntryNumber, NaiveDate)> = None;
        let mut lines: Vec<PostedLine> = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if current.is_none_or(|(cid, _, _)| cid != id) {
                if let Some((_, number, d)) = current.take() {
                    f(number, d, &lines)?;
                    lines.clear();
                }
                let number = EntryNumber {
                    year: r.get(1)?,
                    seq: r.get(2)?,
                };
                current = Some((id, number, date(&r.get::<_, String>(3)?)?));
            }
            lines.push(PostedLine {
                line_no: r.get(4)?,
                account: r.get(5)?,
                side: if r.get::<_, String>(6)? == "D" {
                    Side::Debit
                } else {
                    Side::Credit
                },
                amount: Fcfa::new(r.get(7)?),
                label: r.get(8)?,
            });
        }
        if let Some((_, number, d)) = current {
            f(number, d, &lines)?;
        }
        Ok(())
    }
}
