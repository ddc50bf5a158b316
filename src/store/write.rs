//! The write transaction. `WriteTx::post` is the single path by which every
//! entry of every screen and command reaches the books.

use std::collections::{BTreeMap, HashMap};

use chrono::Datelike;
use rusqlite::{OptionalExtension, Transaction, params};

use super::read::{OrgRow, Reader};
use crate::domain::access::{LoginState, Role};
use crate::domain::account::{AccountNumber, is_countable_money};
use crate::domain::ledger::{
    EntryNumber, LedgerError, NewEntry, PostedEntry, PostedLine, Side, check_open,
};
use crate::domain::period::Month;
use crate::domain::text::fold;
use crate::domain::verify::{AUDIT_GENESIS, AuditRecord};
use crate::error::{Error, Result};

/// What posting an entry did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PostOutcome {
    /// Newly recorded.
    Posted(Box<PostedEntry>),
    /// The idempotency key was already used for the same content: nothing new
    /// was written; this is the entry that holds it.
    AlreadyRecorded(EntryNumber),
}

impl PostOutcome {
    pub fn number(&self) -> EntryNumber {
        match self {
            PostOutcome::Posted(e) => e.number,
            PostOutcome::AlreadyRecorded(n) => *n,
        }
    }
}

#[derive(Clone, Debug)]
struct Head {
    chain: i64,
    hash: String,
    closed_through: Option<Month>,
}

/// One open `BEGIN IMMEDIATE` transaction. Dropped without `commit`, it rolls
/// back and leaves the ledger as it was.
pub struct WriteTx<'c> {
    pub(super) tx: Transaction<'c>,
    heads: HashMap<i64, Head>,
    accounts: HashMap<(i64, String), (i64, bool)>,
    seqs: HashMap<(i64, i32), i64>,
    audit_head: Option<(i64, String)>,
    /// A user confirmed the business date although the clock looked wrong
    /// (see [`crate::domain::clock`]); entries may then be recorded.
    pub(super) clock_confirmed: bool,
}

impl<'c> WriteTx<'c> {
    pub(super) fn new(tx: Transaction<'c>) -> WriteTx<'c> {
        WriteTx {
            tx,
            heads: HashMap::new(),
            accounts: HashMap::new(),
            seqs: HashMap::new(),
            audit_head: None,
            clock_confirmed: false,
        }
    }

    pub(super) fn commit(self) -> Result<()> {
        self.tx.commit()?;
        Ok(())
    }

    /// Reads inside this transaction (they see its own writes).
    pub fn read(&self) -> Reader<'_> {
        Reader::new(&self.tx)
    }

    pub fn insert_org(
        &mut self,
        code: &str,
        name: &str,
        kind: &str,
        template: &str,
        now: &str,
        genesis: &str,
    ) -> Result<i64> {
        self.tx.execute(
            "INSERT INTO orgs (code, name, kind, template, created_at, genesis, head_hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![code, name, kind, template, now, genesis],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn insert_account(
        &mut self,
        org_id: i64,
        number: &AccountNumber,
        name_fr: &str,
        name_en: &str,
        now: &str,
    ) -> Result<()> {
        self.tx.execute(
            "INSERT INTO accounts (org_id, number, class, name_fr, name_en, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                org_id,
                number.as_str(),
                i64::from(number.class()),
                name_fr,
                name_en,
                now
            ],
        )?;
        Ok(())
    }

    pub fn rename_account(
        &mut self,
        org_id: i64,
        number: &AccountNumber,
        name_fr: &str,
        name_en: &str,
    ) -> Result<()> {
        // Names are not part of the hash chain: entries refer to numbers.
        self.tx.execute(
            "UPDATE accounts SET name_fr = ?3, name_en = ?4 WHERE org_id = ?1 AND number = ?2",
            params![org_id, number.as_str(), name_fr, name_en],
        )?;
        Ok(())
    }

    pub fn reopen_account(&mut self, org_id: i64, number: &AccountNumber) -> Result<()> {
        self.tx.execute(
            "UPDATE accounts SET closed_at = NULL WHERE org_id = ?1 AND number = ?2",
            params![org_id, number.as_str()],
        )?;
        self.accounts.remove(&(org_id, number.as_str().to_string()));
        Ok(())
    }

    pub fn close_account(&mut self, org_id: i64, number: &AccountNumber, now: &str) -> Result<()> {
        self.tx.execute(
            "UPDATE accounts SET closed_at = ?3 WHERE org_id = ?1 AND number = ?2",
            params![org_id, number.as_str(), now],
        )?;
        self.accounts.remove(&(org_id, number.as_str().to_string()));
        Ok(())
    }

    fn head(&mut self, org_id: i64) -> Result<Head> {
        if let Some(h) = self.heads.get(&org_id) {
            return Ok(h.clone());
        }
        let (chain, hash, closed): (i64, String, Option<String>) = self.tx.query_row(
            "SELECT head_chain, head_hash, closed_through FROM orgs WHERE id = ?1",
            [org_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let h = Head {
            chain,
            hash,
            closed_through: closed.as_deref().and_then(|m| Month::parse(m).ok()),
        };
        self.heads.insert(org_id, h.clone());
        Ok(h)
    }

    fn account_id(&mut self, org_id: i64, number: &AccountNumber) -> Result<i64> {
        let key = (org_id, number.as_str().to_string());
        let found = match self.accounts.get(&key) {
            Some(v) => Some(*v),
            None => {
                let v: Option<(i64, bool)> = self
                    .tx
                    .prepare_cached(
                        "SELECT id, closed_at IS NOT NULL FROM accounts
                         WHERE org_id = ?1 AND number = ?2",
                    )?
                    .query_row(params![org_id, number.as_str()], |r| {
                        Ok((r.get(0)?, r.get(1)?))
                    })
                    .optional()?;
                if let Some(v) = v {
                    self.accounts.insert(key, v);
                }
                v
            }
        };
        match found {
            None => Err(LedgerError::UnknownAccount {
                number: number.as_str().to_string(),
            }
            .into()),
            Some((_, true)) => Err(LedgerError::ClosedAccount {
                number: number.as_str().to_string(),
            }
            .into()),
            Some((id, false)) => Ok(id),
        }
    }

    fn next_seq(&mut self, org_id: i64, year: i32) -> Result<i64> {
        let last = match self.seqs.get(&(org_id, year)) {
            Some(s) => *s,
            None => self
                .tx
                .prepare_cached(
                    "SELECT COALESCE(max(seq), 0) FROM entries WHERE org_id = ?1 AND fiscal_year = ?2",
                )?
                .query_row(params![org_id, year], |r| r.get(0))?,
        };
        self.seqs.insert((org_id, year), last + 1);
        Ok(last + 1)
    }

    /// Refuses to record while the clock looks wrong: before the last
    /// record of the ledger, or implausible. A retry of an entry already
    /// recorded does not come here (it records nothing).
    fn check_clock(&self, now: &str) -> Result<()> {
        let Ok(now) = chrono::DateTime::parse_from_rfc3339(now) else {
            return Ok(());
        };
        let last = self.read().last_recorded_at()?;
        match crate::domain::clock::judge(now.naive_utc(), last) {
            Some(problem) => Err(Error::Clock(problem)),
            None => Ok(()),
        }
    }

    /// The ledger path. Validates the entry, refuses a closed period, an
    /// unknown or closed account and a reused idempotency key with other
    /// content; numbers it gaplessly, chains its hash to the previous entry,
    /// inserts it, updates the cached monthly totals and the chain head, and
    /// re-checks from the database that what was written balances. Nothing is
    /// visible to anyone until the surrounding transaction commits.
    ///
    /// `reverses` is the id and number of the entry this one cancels.
    pub fn post(
        &mut self,
        org: &OrgRow,
        e: &NewEntry,
        reverses: Option<(i64, EntryNumber)>,
        author: &str,
        now: &str,
    ) -> Result<PostOutcome> {
        e.validate()?;
        let content = e.content_hash(reverses.map(|r| r.1));
        let existing: Option<(String, i32, i64)> = self
            .tx
            .prepare_cached(
                "SELECT content_hash, fiscal_year, seq FROM entries WHERE org_id = ?1 AND idem_key = ?2",
            )?
            .query_row(params![org.id, e.idem_key], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        if let Some((hash, year, seq)) = existing {
            let number = EntryNumber { year, seq };
            if hash == content {
                return Ok(PostOutcome::AlreadyRecorded(number));
            }
            return Err(LedgerError::KeyConflict {
                key: e.idem_key.clone(),
                number,
            }
            .into());
        }
        if !self.clock_confirmed {
            self.check_clock(now)?;
        }
        let head = self.head(org.id)?;
        check_open(e.date, head.closed_through)?;
        let mut account_ids = Vec::with_capacity(e.lines.len());
        for l in &e.lines {
            account_ids.push(self.account_id(org.id, &l.account)?);
        }
        let year = e.date.year();
        let seq = self.next_seq(org.id, year)?;
        let mut posted = PostedEntry {
            number: EntryNumber { year, seq },
            chain_no: head.chain + 1,
            date: e.date,
            recorded_at: now.to_string(),
            doc_ref: e.doc_ref.clone(),
            memo: e.memo.clone(),
            author: author.to_string(),
            idem_key: e.idem_key.clone(),
            reverses: reverses.map(|r| r.1),
            source: e.source.clone(),
            lines: e
                .lines
                .iter()
                .enumerate()
                .map(|(i, l)| PostedLine {
                    line_no: i as i64 + 1,
                    account: l.account.as_str().to_string(),
                    side: l.side,
                    amount: l.amount,
                    label: l.label.clone(),
                })
                .collect(),
            prev_hash: head.hash.clone(),
            hash: String::new(),
        };
        posted.hash = posted.compute_hash();

        let date = e.date.to_string();
        let mut search = format!("{} {}", e.doc_ref, e.memo);
        for l in &e.lines {
            if !l.label.is_empty() {
                search.push(' ');
                search.push_str(&l.label);
            }
        }
        self.tx
            .prepare_cached(
                "INSERT INTO entries (org_id, chain_no, fiscal_year, seq, date, recorded_at, doc_ref,
                   memo, author, idem_key, content_hash, reverses, source, search_key, prev_hash, hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            )?
            .execute(params![
                org.id,
                posted.chain_no,
                year,
                seq,
                date,
                now,
                posted.doc_ref,
                posted.memo,
                author,
                posted.idem_key,
                content,
                reverses.map(|r| r.0),
                posted.source,
                fold(&search),
                posted.prev_hash,
                posted.hash,
            ])?;
        let entry_id = self.tx.last_insert_rowid();
        let month = crate::domain::period::Month::of(e.date).key();
        let mut per_account: BTreeMap<i64, (i64, i64)> = BTreeMap::new();
        {
            let mut ins = self.tx.prepare_cached(
                "INSERT INTO entry_lines (entry_id, line_no, account_id, side, amount, label, date)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for (l, account_id) in posted.lines.iter().zip(&account_ids) {
                ins.execute(params![
                    entry_id,
                    l.line_no,
                    account_id,
                    l.side.code(),
                    l.amount.francs(),
                    l.label,
                    date
                ])?;
                let slot = per_account.entry(*account_id).or_insert((0, 0));
                match l.side {
                    Side::Debit => slot.0 += l.amount.francs(),
                    Side::Credit => slot.1 += l.amount.francs(),
                }
            }
        }
        {
            let mut up = self.tx.prepare_cached(
                "INSERT INTO account_month (org_id, month, account_id, debit, credit)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (org_id, month, account_id)
                 DO UPDATE SET debit = debit + excluded.debit, credit = credit + excluded.credit",
            )?;
            for (account_id, (d, c)) in &per_account {
                up.execute(params![org.id, month, account_id, d, c])?;
            }
        }
        // Cash boxes and wallets: what is in them can never be negative, on
        // the entry's date or on any later day (a backdated payment must not
        // empty the box before the money came in).
        for (l, account_id) in e.lines.iter().zip(&account_ids) {
            if l.side == Side::Credit && is_countable_money(&l.account) {
                let lowest = self
                    .read()
                    .lowest_balance_from(org.id, *account_id, e.date)?;
                if let Some((balance, date)) = lowest.filter(|(b, _)| *b < 0) {
                    return Err(LedgerError::NegativeCash {
                        number: l.account.as_str().to_string(),
                        balance: crate::domain::money::Fcfa::new(balance),
                        date,
                    }
                    .into());
                }
            }
        }
        self.tx
            .prepare_cached(
                "UPDATE orgs SET head_chain = ?2, head_hash = ?3, head_number = ?4 WHERE id = ?1",
            )?
            .execute(params![
                org.id,
                posted.chain_no,
                posted.hash,
                posted.number.to_string()
            ])?;
        // Re-check from what the database now holds, before commit.
        let (n, net): (i64, i64) = self
            .tx
            .prepare_cached(
                "SELECT count(*), sum(CASE side WHEN 'D' THEN amount ELSE -amount END)
                 FROM entry_lines WHERE entry_id = ?1",
            )?
            .query_row([entry_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        if n != posted.lines.len() as i64 || net != 0 {
            return Err(Error::CorruptEntry {
                number: posted.number,
            });
        }
        self.heads.insert(
            org.id,
            Head {
                chain: posted.chain_no,
                hash: posted.hash.clone(),
                closed_through: head.closed_through,
            },
        );
        Ok(PostOutcome::Posted(Box::new(posted)))
    }

    /// Records the close of `period` (a month `AAAA-MM` or a year `AAAA`)
    /// covering the months `from..=to`, with its per-account totals and the
    /// chain head, and moves the organisation's closed-through mark to `to`.
    pub fn record_close(
        &mut self,
        org: &OrgRow,
        period: &str,
        kind: &str,
        months: (Month, Month),
        by: &str,
        now: &str,
    ) -> Result<(i64, i64)> {
        let head = self.head(org.id)?;
        let totals: Vec<(i64, i64, i64)> = self
            .tx
            .prepare(
                "SELECT account_id, sum(debit), sum(credit) FROM account_month
                 WHERE org_id = ?1 AND month BETWEEN ?2 AND ?3
                 GROUP BY account_id ORDER BY account_id",
            )?
            .query_map(params![org.id, months.0.key(), months.1.key()], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let total_debit: i64 = totals.iter().map(|t| t.1).sum();
        let total_credit: i64 = totals.iter().map(|t| t.2).sum();
        self.tx.execute(
            "INSERT INTO period_closes (org_id, period, kind, closed_at, closed_by, head_chain,
               head_hash, total_debit, total_credit)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                org.id,
                period,
                kind,
                now,
                by,
                head.chain,
                head.hash,
                total_debit,
                total_credit
            ],
        )?;
        let close_id = self.tx.last_insert_rowid();
        {
            let mut ins = self.tx.prepare_cached(
                "INSERT INTO period_totals (close_id, account_id, debit, credit) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (account_id, d, c) in &totals {
                ins.execute(params![close_id, account_id, d, c])?;
            }
        }
        let through = months.1.max(head.closed_through.unwrap_or(months.1));
        self.tx.execute(
            "UPDATE orgs SET closed_through = ?2 WHERE id = ?1",
            params![org.id, through.key()],
        )?;
        self.heads.insert(
            org.id,
            Head {
                closed_through: Some(through),
                ..head
            },
        );
        Ok((total_debit, total_credit))
    }

    // ---- users -----------------------------------------------------

    pub fn insert_user(
        &mut self,
        name: &str,
        name_key: &str,
        pass_hash: &str,
        lang: &str,
        now: &str,
    ) -> Result<i64> {
        self.tx.execute(
            "INSERT INTO users (name, name_key, pass_hash, lang, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![name, name_key, pass_hash, lang, now],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn set_pass_hash(&mut self, user_id: i64, hash: &str) -> Result<()> {
        self.tx.execute(
            "UPDATE users SET pass_hash = ?2 WHERE id = ?1",
            params![user_id, hash],
        )?;
        Ok(())
    }

    pub fn set_pin_hash(&mut self, user_id: i64, hash: Option<&str>) -> Result<()> {
        self.tx.execute(
            "UPDATE users SET pin_hash = ?2 WHERE id = ?1",
            params![user_id, hash],
        )?;
        Ok(())
    }

    pub fn set_user_lang(&mut self, user_id: i64, lang: &str) -> Result<()> {
        self.tx.execute(
            "UPDATE users SET lang = ?2 WHERE id = ?1",
            params![user_id, lang],
        )?;
        Ok(())
    }

    /// Grants `role` in `org_id` (None: every organisation), or removes the
    /// grant when `role` is None.
    pub fn set_role(
        &mut self,
        user_id: i64,
        org_id: Option<i64>,
        role: Option<Role>,
    ) -> Result<()> {
        let scope = org_id.unwrap_or(0);
        match role {
            Some(r) => self.tx.execute(
                "INSERT INTO user_roles (user_id, org_scope, role) VALUES (?1, ?2, ?3)
                 ON CONFLICT (user_id, org_scope) DO UPDATE SET role = excluded.role",
                params![user_id, scope, r.code()],
            )?,
            None => self.tx.execute(
                "DELETE FROM user_roles WHERE user_id = ?1 AND org_scope = ?2",
                params![user_id, scope],
            )?,
        };
        Ok(())
    }

    pub fn save_login_state(&mut self, name_key: &str, s: LoginState) -> Result<()> {
        self.tx.execute(
            "INSERT INTO login_failures (name_key, failures, last_failure, locked_until)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (name_key) DO UPDATE SET failures = excluded.failures,
               last_failure = excluded.last_failure, locked_until = excluded.locked_until",
            params![name_key, s.failures, s.last_failure, s.locked_until],
        )?;
        Ok(())
    }

    pub fn clear_login_state(&mut self, name_key: &str) -> Result<()> {
        self.tx
            .execute("DELETE FROM login_failures WHERE name_key = ?1", [name_key])?;
        Ok(())
    }

    /// Appends to the audit log, chained by hash to the previous row.
    pub fn audit(
        &mut self,
        actor: &str,
        action: &str,
        org: &str,
        detail: &str,
        now: &str,
    ) -> Result<()> {
        let (last_id, prev) = match &self.audit_head {
            Some(h) => h.clone(),
            None => self
                .tx
                .query_row(
                    "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .unwrap_or((0, AUDIT_GENESIS.to_string())),
        };
        let mut rec = AuditRecord {
            id: last_id + 1,
            at: now.to_string(),
            actor: actor.to_string(),
            action: action.to_string(),
            org: org.to_string(),
            detail: detail.to_string(),
            prev_hash: prev,
            hash: String::new(),
        };
        rec.hash = rec.compute_hash();
        self.tx
            .prepare_cached(
                "INSERT INTO audit_log (id, at, actor, action, org, detail, prev_hash, hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                rec.id,
                rec.at,
                rec.actor,
                rec.action,
                rec.org,
                rec.detail,
                rec.prev_hash,
                rec.hash
            ])?;
        self.audit_head = Some((rec.id, rec.hash));
        Ok(())
    }
}
