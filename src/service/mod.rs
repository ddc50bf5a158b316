//! Use-cases: one function per user action, one write transaction each,
//! every entry posted through `WriteTx::post`. Called by the CLI (and the
//! TUI); never speaks SQL itself.

mod clock;
pub mod coop;
pub mod demo;
mod demo_coop;
mod demo_savings;
mod export;
pub mod overview;
pub mod passbook;
pub mod receipt;
pub mod reports;
pub mod safety;
pub mod savings;
mod sheet;
pub mod users;

pub use users::authorize;

use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::Lang;
use crate::domain::access::Action;
use crate::domain::account::{AccountNumber, is_income_statement};
use crate::domain::chart::{RESULT_LOSS, RESULT_PROFIT, Template};
use crate::domain::ledger::{
    EntryNumber, INTERNAL_KEY_PREFIX, LedgerError, LineInput, NewEntry, Side, check_user_key,
    genesis_hash,
};
use crate::domain::money::Fcfa;
use crate::domain::period::{DateRange, Month};
use crate::domain::report::{TrialBalance, trial_balance};
use crate::domain::text;
use crate::domain::verify::{ChainChecker, Problem, check_audit, mirrors};
use crate::error::{Error, Result};
use crate::store::{
    AccountRow, CloseRow, EntryView, JournalQuery, LedgerLine, OpenMode, OrgRow, PostOutcome,
    Reader, Store, schema::GUARD_TRIGGERS,
};

/// The `source` of the result entry posted by a year close.
pub const YEAR_CLOSE_SOURCE: &str = "year-close:";

/// Who is acting: recorded as the author of entries and in the audit log.
/// A logged-in user has an id (from `Books::login`); on a ledger that has no
/// user yet, a name alone is enough.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    pub user_id: Option<i64>,
}

impl Actor {
    /// An actor that has not logged in: allowed to write only while the
    /// ledger has no user at all.
    pub fn new(name: &str) -> Result<Actor> {
        Ok(Actor {
            name: clean("user", name, 100, true)?,
            user_id: None,
        })
    }
}

/// The kind of organisation, which also picks its chart template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OrgKind {
    Coop,
    Savings,
}

impl OrgKind {
    pub fn code(self) -> &'static str {
        match self {
            OrgKind::Coop => "coop",
            OrgKind::Savings => "savings",
        }
    }
    pub fn template(self) -> Template {
        match self {
            OrgKind::Coop => Template::Coop,
            OrgKind::Savings => Template::Savings,
        }
    }
}

/// Cleans a text field (NFC, no control or invisible characters, length).
pub fn clean(field: &'static str, input: &str, max: usize, required: bool) -> Result<String> {
    text::clean(input, max, required).map_err(|error| Error::Text { field, error })
}

/// The system time of recording, UTC. Kept apart from business dates.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Result of `verify`.
#[derive(Clone, Debug, Serialize)]
pub struct VerifyReport {
    pub organisations: usize,
    pub entries: i64,
    pub problems: Vec<Problem>,
}

impl VerifyReport {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// An open ledger file and the use-cases on it.
pub struct Books {
    store: Store,
}

impl Books {
    pub fn open(path: &Path, mode: OpenMode) -> Result<Books> {
        Ok(Books {
            store: Store::open(path, mode)?,
        })
    }

    pub fn in_memory() -> Result<Books> {
        Ok(Books {
            store: Store::open_in_memory()?,
        })
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// For tests that need to look under the hood.
    #[doc(hidden)]
    pub fn store(&self) -> &Store {
        &self.store
    }

    // ---- organisations -------------------------------------------------

    pub fn orgs(&self) -> Result<Vec<OrgRow>> {
        self.store.read().orgs()
    }

    pub fn org(&self, code: &str) -> Result<OrgRow> {
        self.store
            .read()
            .org(code.trim())?
            .ok_or_else(|| Error::UnknownOrg {
                code: code.trim().to_string(),
            })
    }

    /// The organisation named, or the only one when none is named.
    pub fn resolve_org(&self, code: Option<&str>) -> Result<OrgRow> {
        if let Some(c) = code {
            return self.org(c);
        }
        let orgs = self.orgs()?;
        match orgs.len() {
            1 => Ok(orgs.into_iter().next().expect("one")),
            _ => Err(Error::OrgRequired {
                codes: orgs
                    .iter()
                    .map(|o| o.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }

    /// Creates an organisation with the chart of accounts of its template.
    pub fn add_org(
        &mut self,
        actor: &Actor,
        code: &str,
        name: &str,
        kind: OrgKind,
    ) -> Result<OrgRow> {
        let typed = code.trim();
        let code = typed.to_string();
        let code_ok = !code.is_empty()
            && code.len() <= 32
            && code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !code_ok {
            return Err(Error::BadOrgCode {
                code: typed.to_string(),
            });
        }
        let name = clean("name", name, 200, true)?;
        let now = now();
        let template = kind.template();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, None, Action::ManageOrgs)?;
            // Checked inside the transaction: two processes cannot both pass.
            if tx.read().org(&code)?.is_some() {
                return Err(Error::OrgExists { code: code.clone() });
            }
            let genesis = genesis_hash(&code, &now);
            let id = tx.insert_org(&code, &name, kind.code(), template.code(), &now, &genesis)?;
            for line in template.lines() {
                tx.insert_account(id, &line.number, &line.name_fr, &line.name_en, &now)?;
            }
            tx.audit(&actor.name, "org.add", &code, &name, &now)?;
            Ok(())
        })?;
        self.org(&code)
    }

    // ---- accounts --------------------------------------------------------

    pub fn accounts(&self, org: &OrgRow, lang: Lang) -> Result<Vec<AccountRow>> {
        self.store.read().accounts(org.id, lang)
    }

    pub fn add_account(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        number: &str,
        name_fr: &str,
        name_en: Option<&str>,
    ) -> Result<AccountRow> {
        let number = AccountNumber::parse(number)?;
        let name_fr = clean("name", name_fr, 200, true)?;
        let name_en = match name_en {
            Some(n) => clean("name", n, 200, true)?,
            None => name_fr.clone(),
        };
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::ManageAccounts)?;
            if tx
                .read()
                .account(org.id, number.as_str(), Lang::Fr)?
                .is_some()
            {
                return Err(Error::AccountExists {
                    number: number.as_str().to_string(),
                });
            }
            tx.insert_account(org.id, &number, &name_fr, &name_en, &now)?;
            tx.audit(&actor.name, "account.add", &org.code, number.as_str(), &now)
        })?;
        self.account(org, number.as_str())
    }

    fn account(&self, org: &OrgRow, number: &str) -> Result<AccountRow> {
        self.store
            .read()
            .account(org.id, number, crate::i18n::lang())?
            .ok_or_else(|| {
                Error::Ledger(LedgerError::UnknownAccount {
                    number: number.to_string(),
                })
            })
    }

    pub fn rename_account(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        number: &str,
        name_fr: Option<&str>,
        name_en: Option<&str>,
    ) -> Result<AccountRow> {
        let number = AccountNumber::parse(number)?;
        let current = self.account(org, number.as_str())?;
        let name_fr = match name_fr {
            Some(n) => clean("name", n, 200, true)?,
            None => current.name_fr.clone(),
        };
        let name_en = match name_en {
            Some(n) => clean("name", n, 200, true)?,
            None => current.name_en.clone(),
        };
        let now = now();
        let detail = format!("{}: {} / {}", number.as_str(), name_fr, name_en);
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::ManageAccounts)?;
            tx.rename_account(org.id, &number, &name_fr, &name_en)?;
            tx.audit(&actor.name, "account.rename", &org.code, &detail, &now)
        })?;
        self.account(org, number.as_str())
    }

    /// Closes an account to new postings. Its history stays; an account with
    /// a balance cannot be closed (move the balance first).
    pub fn close_account(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        number: &str,
    ) -> Result<AccountRow> {
        let number = AccountNumber::parse(number)?;
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::ManageAccounts)?;
            let current = existing_account(&tx.read(), org, &number)?;
            if current.closed {
                return Err(Error::AccountAlreadyClosed {
                    number: current.number,
                });
            }
            if !current.balance.is_zero() {
                return Err(Error::AccountHasBalance {
                    number: current.number,
                    balance: current.balance.francs(),
                });
            }
            // An income-statement account still moving in an open year must
            // stay open: the year close will bring it to zero.
            if is_income_statement(&number) {
                let closed = closed_through(&fresh_org(&tx.read(), org)?);
                for (year, net) in tx.read().account_year_nets(org.id, number.as_str())? {
                    let year_open = closed.is_none_or(|c| c < Month::new(year, 12).expect("valid"));
                    if year_open && net != 0 {
                        return Err(Error::AccountMovesInOpenYear {
                            number: number.as_str().to_string(),
                            year,
                        });
                    }
                }
            }
            tx.close_account(org.id, &number, &now)?;
            tx.audit(
                &actor.name,
                "account.close",
                &org.code,
                number.as_str(),
                &now,
            )
        })?;
        self.account(org, number.as_str())
    }

    /// Opens a closed account again (recorded in the audit log).
    pub fn reopen_account(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        number: &str,
    ) -> Result<AccountRow> {
        let number = AccountNumber::parse(number)?;
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::ManageAccounts)?;
            let current = existing_account(&tx.read(), org, &number)?;
            if !current.closed {
                return Err(Error::AccountNotClosed {
                    number: current.number,
                });
            }
            tx.reopen_account(org.id, &number)?;
            tx.audit(
                &actor.name,
                "account.reopen",
                &org.code,
                number.as_str(),
                &now,
            )
        })?;
        self.account(org, number.as_str())
    }

    // ---- entries ---------------------------------------------------------

    /// Posts one entry (one transaction). Returns whether it was recorded now
    /// or had already been recorded under the same idempotency key.
    pub fn post(&mut self, actor: &Actor, org: &OrgRow, entry: NewEntry) -> Result<PostOutcome> {
        check_user_key(&entry.idem_key)?;
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            refuse_managed(&tx.read(), org, std::slice::from_ref(&entry))?;
            let out = tx.post(org, &entry, None, &actor.name, &now)?;
            if let PostOutcome::Posted(e) = &out {
                tx.audit(
                    &actor.name,
                    "entry.post",
                    &org.code,
                    &e.number.to_string(),
                    &now,
                )?;
            }
            Ok(out)
        })
    }

    /// Posts many entries in one transaction: all or none.
    pub fn post_many(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        entries: &[NewEntry],
    ) -> Result<Vec<PostOutcome>> {
        for e in entries {
            check_user_key(&e.idem_key)?;
        }
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            refuse_managed(&tx.read(), org, entries)?;
            let mut out = Vec::with_capacity(entries.len());
            for e in entries {
                out.push(tx.post(org, e, None, &actor.name, &now)?);
            }
            let posted: Vec<&PostOutcome> = out
                .iter()
                .filter(|o| matches!(o, PostOutcome::Posted(_)))
                .collect();
            if let (Some(first), Some(last)) = (posted.first(), posted.last()) {
                let detail = format!("{}..{} ({})", first.number(), last.number(), posted.len());
                tx.audit(&actor.name, "entry.import", &org.code, &detail, &now)?;
            }
            Ok(out)
        })
    }

    /// Cancels a posted entry by its mirror (contre-passation), dated `date`
    /// in an open period, linked to the original. An entry is reversed once
    /// at most, and a reversal is never itself reversed: post the correct
    /// entry instead.
    pub fn reverse(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        number: EntryNumber,
        date: NaiveDate,
        reason: &str,
        idem_key: Option<&str>,
    ) -> Result<PostOutcome> {
        let reason = clean("reason", reason, 300, true)?;
        let idem_key = match idem_key {
            Some(k) => {
                check_user_key(k)?;
                k.to_string()
            }
            None => format!("{INTERNAL_KEY_PREFIX}reverse:{number}"),
        };
        let memo = crate::t!(
            "entry-reversal-memo",
            number = number.to_string(),
            reason = reason.clone()
        );
        let memo = clean("memo", &memo, crate::domain::ledger::MAX_MEMO, true)?;
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            let original =
                tx.read()
                    .entry(org.id, number)?
                    .ok_or_else(|| LedgerError::UnknownEntry {
                        number: number.to_string(),
                    })?;
            if original.entry.reverses.is_some() {
                return Err(LedgerError::ReversalOfReversal { number }.into());
            }
            if original
                .entry
                .source
                .as_deref()
                .is_some_and(|s| s.starts_with(YEAR_CLOSE_SOURCE))
            {
                return Err(LedgerError::ReverseClosingEntry { number }.into());
            }
            if let Some(source) = original.entry.source.as_deref().filter(|s| {
                coop::DOC_SOURCES
                    .iter()
                    .chain(savings::SG_SOURCES)
                    .any(|p| s.starts_with(p))
            }) {
                return Err(crate::domain::coop::CoopError::DocumentEntry {
                    source: source.to_string(),
                }
                .into());
            }
            if let Some(by) = original.reversed_by {
                // The very same reversal asked again (same key, date and
                // reason, in whatever language) is a retry; anything else is
                // a second reversal.
                let existing = tx.read().entry(org.id, by)?;
                let tail = format!(": {reason}");
                let retry = existing.is_some_and(|r| {
                    r.entry.idem_key == idem_key
                        && r.entry.date == date
                        && r.entry.memo.ends_with(&tail)
                });
                return if retry {
                    Ok(PostOutcome::AlreadyRecorded(by))
                } else {
                    Err(LedgerError::AlreadyReversed { number, by }.into())
                };
            }
            let out = reverse_in(
                tx,
                org,
                &original,
                number,
                date,
                &memo,
                &idem_key,
                &actor.name,
                &now,
            )?;
            if let PostOutcome::Posted(e) = &out {
                let detail = format!("{} -> {}: {}", number, e.number, reason);
                tx.audit(&actor.name, "entry.reverse", &org.code, &detail, &now)?;
            }
            Ok(out)
        })
    }

    pub fn entry(&self, org: &OrgRow, number: EntryNumber) -> Result<EntryView> {
        let v =
            self.store
                .read()
                .entry(org.id, number)?
                .ok_or_else(|| LedgerError::UnknownEntry {
                    number: number.to_string(),
                })?;
        if !v.balanced {
            return Err(Error::CorruptEntry { number });
        }
        Ok(v)
    }

    pub fn journal(&self, org: &OrgRow, q: &JournalQuery) -> Result<Vec<EntryView>> {
        if let Some(a) = &q.account
            && self.store.read().account(org.id, a, Lang::Fr)?.is_none()
        {
            return Err(LedgerError::UnknownAccount { number: a.clone() }.into());
        }
        let mut q = q.clone();
        q.text = q.text.map(|t| text::fold(&t));
        self.store.read().journal(org.id, &q)
    }

    pub fn account_ledger(
        &self,
        org: &OrgRow,
        number: &str,
        range: DateRange,
    ) -> Result<(Fcfa, Vec<LedgerLine>)> {
        let number = AccountNumber::parse(number)?;
        self.store
            .read()
            .account_ledger(org.id, number.as_str(), range)?
            .ok_or_else(|| {
                LedgerError::UnknownAccount {
                    number: number.as_str().to_string(),
                }
                .into()
            })
    }

    // ---- reports -------------------------------------------------------

    /// The six-column trial balance. `before_closing` leaves out the
    /// year-end result entries, to read the year's income statement.
    pub fn trial_balance(
        &self,
        org: &OrgRow,
        range: DateRange,
        lang: Lang,
        before_closing: bool,
    ) -> Result<TrialBalance> {
        let totals = self
            .store
            .read()
            .account_totals(org.id, range, lang, before_closing)?;
        Ok(trial_balance(totals, false))
    }

    // ---- periods -------------------------------------------------------

    pub fn closes(&self, org: &OrgRow) -> Result<Vec<CloseRow>> {
        self.store.read().closes(org.id)
    }

    /// Closes `month` (and any open month of the same year before it). No
    /// entry dated in a closed month is accepted afterwards. December closes
    /// with the year. Every check is made inside the write transaction, on
    /// the organisation as it is then.
    pub fn close_month(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        month: Month,
    ) -> Result<Vec<CloseRow>> {
        if month.month == 12 {
            return Err(Error::DecemberWithYear { year: month.year });
        }
        let now = now();
        let before = self.closes(org)?.len();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::ClosePeriod)?;
            let org = fresh_org(&tx.read(), org)?;
            let closed = closed_through(&org);
            if closed.is_some_and(|c| c >= month) {
                return Err(Error::AlreadyClosed {
                    period: month.to_string(),
                });
            }
            let first = first_month(&tx.read(), &org)?;
            check_earlier_years(closed, first, month.year)?;
            let jan = Month::new(month.year, 1).expect("valid");
            let start = match closed {
                Some(c) => c.next(),
                None => first.unwrap_or(month).min(month).max(jan),
            };
            // Never close a December as a month: an earlier year closes
            // with its own year close.
            if start.year < month.year {
                return Err(Error::EarlierYearOpen { year: start.year });
            }
            let mut m = start;
            while m <= month {
                tx.record_close(&org, &m.to_string(), "month", (m, m), &actor.name, &now)?;
                tx.audit(&actor.name, "period.close", &org.code, &m.to_string(), &now)?;
                m = m.next();
            }
            Ok(())
        })?;
        Ok(self.closes(org)?.split_off(before))
    }

    /// Closes fiscal year `year`: posts the result entry (income-statement
    /// accounts, classes 6–8, settled into 131 profit or 139 loss) dated
    /// 31 December, closes every open month of the year, and records the
    /// year with its totals. All in one transaction, computed from the books
    /// as they are inside it.
    pub fn close_year(&mut self, actor: &Actor, org: &OrgRow, year: i32) -> Result<Vec<CloseRow>> {
        let december = Month::new(year, 12).expect("valid");
        let memo = crate::t!("year-close-memo", year = i64::from(year));
        let now = now();
        let before = self.closes(org)?.len();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::ClosePeriod)?;
            let org = fresh_org(&tx.read(), org)?;
            let closed = closed_through(&org);
            if closed.is_some_and(|c| c >= december) {
                return Err(Error::AlreadyClosed {
                    period: year.to_string(),
                });
            }
            check_earlier_years(closed, first_month(&tx.read(), &org)?, year)?;
            let totals =
                tx.read()
                    .account_totals(org.id, DateRange::year(year), Lang::Fr, false)?;
            let lines = result_lines(&totals)?;
            if lines.len() >= 2 {
                let entry = NewEntry {
                    date: december.last_day(),
                    doc_ref: format!("CLOTURE-{year}"),
                    memo: memo.clone(),
                    idem_key: format!("{INTERNAL_KEY_PREFIX}year-close:{year}"),
                    lines,
                    source: Some(format!("{YEAR_CLOSE_SOURCE}{year}")),
                };
                let out = tx
                    .post(&org, &entry, None, &actor.name, &now)
                    .map_err(|e| match e {
                        Error::Ledger(LedgerError::UnknownAccount { number })
                        | Error::Ledger(LedgerError::ClosedAccount { number }) => {
                            Error::MissingResultAccount { number }
                        }
                        other => other,
                    })?;
                tx.audit(
                    &actor.name,
                    "entry.post",
                    &org.code,
                    &out.number().to_string(),
                    &now,
                )?;
            }
            let mut m = match closed {
                Some(c) => c.next(),
                None => Month::new(year, 1).expect("valid"),
            };
            if m.year < year {
                return Err(Error::EarlierYearOpen { year: m.year });
            }
            while m < december {
                tx.record_close(&org, &m.to_string(), "month", (m, m), &actor.name, &now)?;
                tx.audit(&actor.name, "period.close", &org.code, &m.to_string(), &now)?;
                m = m.next();
            }
            let first = Month::new(year, 1).expect("valid");
            tx.record_close(
                &org,
                &year.to_string(),
                "year",
                (first, december),
                &actor.name,
                &now,
            )?;
            tx.audit(
                &actor.name,
                "period.close",
                &org.code,
                &year.to_string(),
                &now,
            )?;
            Ok(())
        })?;
        Ok(self.closes(org)?.split_off(before))
    }

    // ---- verification and audit ---------------------------------------

    /// Checks every invariant of the books: file integrity, the guards of
    /// the schema, every entry balanced, numbering gapless, the hash chain
    /// unbroken up to the recorded head, cached totals equal to the lines,
    /// reversals mirroring their originals, no entry slipped into a closed
    /// period, stored close totals unchanged, and the audit chain.
    pub fn verify(&self, only: Option<&OrgRow>) -> Result<VerifyReport> {
        let r = self.store.read();
        // Everything below reads one consistent state of the file.
        let _snapshot = r.snapshot()?;
        let mut problems = Vec::new();
        for detail in r.integrity_check()? {
            problems.push(Problem::Integrity { detail });
        }
        if r.application_id()? != crate::store::APPLICATION_ID {
            problems.push(Problem::Schema {
                detail: "application_id".into(),
            });
        }
        // Every guard trigger present, and doing what it did when created
        // (not replaced by one of the same name that does nothing).
        let found = r.trigger_sql()?;
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let expected = crate::store::schema::expected_triggers()?;
        for t in GUARD_TRIGGERS {
            let want = expected
                .iter()
                .find(|(n, _)| n == t)
                .map(|(_, s)| squash(s));
            let have = found.iter().find(|(n, _)| n == t).map(|(_, s)| squash(s));
            if have.is_none() || have != want {
                problems.push(Problem::Schema {
                    detail: format!("trigger {t}"),
                });
            }
        }
        let orgs: Vec<OrgRow> = match only {
            Some(o) => vec![o.clone()],
            None => r.orgs()?,
        };
        let mut entries = 0i64;
        for org in &orgs {
            let closes = r.close_records(org.id)?;
            let mut checker = ChainChecker::new(
                &org.code,
                r.chain_head(org),
                closes.iter().map(|c| c.record.clone()).collect(),
            );
            r.for_each_entry(org.id, |e, consistent| {
                entries += 1;
                checker.feed(&e, consistent);
            })?;
            checker.finish_chain();
            checker.check_cache(&r.cached_totals(org.id)?);
            let headers: std::collections::HashMap<String, (i128, i128)> = r
                .closes(org.id)?
                .into_iter()
                .map(|c| {
                    let t = (
                        i128::from(c.total_debit.francs()),
                        i128::from(c.total_credit.francs()),
                    );
                    (c.period, t)
                })
                .collect();
            for c in &closes {
                let header = headers.get(&c.record.period).copied().unwrap_or((0, 0));
                checker.check_close_totals(
                    &c.record.period,
                    c.months,
                    &r.close_totals(c.id)?,
                    header,
                );
            }
            problems.append(&mut checker.problems);
            // The stock ledger against the items' levels and the stock
            // accounts.
            let items = r.items(org.id)?;
            for (code, qty, value) in r.stock_ledger_sums(org.id)? {
                let cached = items.iter().find(|i| i.code == code);
                if cached.is_none_or(|i| i.qty.milli() != qty || i.value.francs() != value) {
                    problems.push(Problem::StockLedger {
                        org: org.code.clone(),
                        item: code,
                    });
                }
            }
            let mut by_account: std::collections::BTreeMap<&str, i64> = Default::default();
            for i in &items {
                *by_account.entry(i.stock_account.as_str()).or_default() += i.value.francs();
            }
            for (account, stock) in by_account {
                let ledger = r.account_net(org.id, account)?;
                if ledger != stock {
                    problems.push(Problem::StockMismatch {
                        org: org.code.clone(),
                        account: account.to_string(),
                        ledger,
                        stock,
                    });
                }
            }
            savings::verify_group(&r, org, &mut problems)?;
            for (original, reversal) in r.reversal_pairs(org.id)? {
                if !mirrors(&original.entry, &reversal.entry) {
                    problems.push(Problem::BadReversal {
                        org: org.code.clone(),
                        number: reversal.entry.number,
                    });
                }
            }
        }
        if only.is_none()
            && let Some(p) = check_audit(&r.audit(None)?)
        {
            problems.push(p);
        }
        if only.is_none() {
            // Behind the heads recorded beside the file: put back to an
            // earlier copy, or truncated, since.
            problems.extend(self.known_heads_problems()?);
        }
        Ok(VerifyReport {
            organisations: orgs.len(),
            entries,
            problems,
        })
    }

    pub fn audit_log(
        &self,
        limit: Option<usize>,
    ) -> Result<Vec<crate::domain::verify::AuditRecord>> {
        self.store.read().audit(limit)
    }

    /// Commits without waiting for the disk while building a throw-away
    /// ledger (a benchmark's history); `false` makes it durable again.
    #[doc(hidden)]
    pub fn store_relaxed(&mut self, relaxed: bool) -> Result<()> {
        self.store.relaxed_durability(relaxed)
    }

    pub fn is_empty(&self) -> Result<bool> {
        self.store.read().is_empty()
    }
}

/// An account that must exist in the organisation.
fn existing_account(r: &Reader<'_>, org: &OrgRow, number: &AccountNumber) -> Result<AccountRow> {
    r.account(org.id, number.as_str(), Lang::Fr)?
        .ok_or_else(|| {
            LedgerError::UnknownAccount {
                number: number.as_str().to_string(),
            }
            .into()
        })
}

/// The organisation as it is now (another process may have closed a period).
fn fresh_org(r: &Reader<'_>, org: &OrgRow) -> Result<OrgRow> {
    r.org(&org.code)?.ok_or_else(|| Error::UnknownOrg {
        code: org.code.clone(),
    })
}

/// Stock accounts are kept by the stock ledger: an entry typed by hand
/// that moves one would part the accounts from the items' values.
fn refuse_managed(r: &Reader<'_>, org: &OrgRow, entries: &[NewEntry]) -> Result<()> {
    let managed = r.stock_accounts(org.id)?;
    if managed.is_empty() {
        return Ok(());
    }
    for e in entries {
        for l in &e.lines {
            if managed.iter().any(|m| m == l.account.as_str()) {
                return Err(crate::domain::coop::CoopError::ManagedStockAccount {
                    number: l.account.as_str().to_string(),
                }
                .into());
            }
        }
    }
    Ok(())
}

pub(super) fn closed_through(org: &OrgRow) -> Option<Month> {
    org.closed_through
        .as_deref()
        .and_then(|m| Month::parse(m).ok())
}

/// Month of the earliest entry, if any.
pub(super) fn first_month(r: &Reader<'_>, org: &OrgRow) -> Result<Option<Month>> {
    let q = JournalQuery {
        limit: Some(1),
        ..Default::default()
    };
    Ok(r.journal(org.id, &q)?
        .first()
        .map(|e| Month::of(e.entry.date)))
}

/// Earlier fiscal years with entries must be closed first.
fn check_earlier_years(closed: Option<Month>, first: Option<Month>, year: i32) -> Result<()> {
    if let Some(first) = first
        && first.year < year
    {
        let need = Month::new(year - 1, 12).expect("valid");
        if closed.is_none_or(|c| c < need) {
            let open_year = closed.map(|c| c.next().year).unwrap_or(first.year);
            return Err(Error::EarlierYearOpen { year: open_year });
        }
    }
    Ok(())
}

/// The lines of the result entry: every income-statement account (classes
/// 6–8) brought to zero, the difference to 131 (profit) or 139 (loss).
fn result_lines(totals: &[crate::domain::report::AccountTotals]) -> Result<Vec<LineInput>> {
    let mut lines = Vec::new();
    let mut net_result: i64 = 0; // debits − credits of classes 6–8
    for t in totals {
        let number = AccountNumber::parse(&t.account)?;
        if !is_income_statement(&number) {
            continue;
        }
        let net = t.debit - t.credit;
        net_result += net;
        if net != 0 {
            lines.push(LineInput {
                account: number,
                side: if net > 0 { Side::Credit } else { Side::Debit },
                amount: Fcfa::new(net.abs()),
                label: String::new(),
            });
        }
    }
    if net_result != 0 {
        // Expenses exceed income: a loss, debited to 139.
        let (acc, side) = if net_result > 0 {
            (RESULT_LOSS, Side::Debit)
        } else {
            (RESULT_PROFIT, Side::Credit)
        };
        lines.push(LineInput {
            account: AccountNumber::parse(acc)?,
            side,
            amount: Fcfa::new(net_result.abs()),
            label: String::new(),
        });
    }
    Ok(lines)
}

/// Posts the linked reversal of `original` (already checked by the caller)
/// inside an open write transaction: the same lines on the other side,
/// the same document, dated `date`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn reverse_in(
    tx: &mut crate::store::WriteTx<'_>,
    org: &OrgRow,
    original: &EntryView,
    number: EntryNumber,
    date: NaiveDate,
    memo: &str,
    idem_key: &str,
    author: &str,
    now: &str,
) -> Result<PostOutcome> {
    if date < original.entry.date {
        return Err(LedgerError::ReversalBeforeOriginal { number, date }.into());
    }
    let lines = original
        .entry
        .lines
        .iter()
        .map(|l| {
            Ok(LineInput {
                account: AccountNumber::parse(&l.account)?,
                side: l.side.opposite(),
                amount: l.amount,
                label: l.label.clone(),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let entry = NewEntry {
        date,
        doc_ref: original.entry.doc_ref.clone(),
        memo: memo.to_string(),
        idem_key: idem_key.to_string(),
        lines,
        source: original.entry.source.clone(),
    };
    tx.post(org, &entry, Some((original.id, number)), author, now)
}
