//! The financial statements: the SMT statement of receipts and payments,
//! the income statement, the balance sheet, the consolidated trial balance,
//! the stock valuation at a date and the general ledger.
//!
//! Each report reads one snapshot of the file (so another process
//! committing meanwhile cannot make it disagree with itself), asks the
//! store for totals and lines, and lets `domain::statements` build it.
//! Those that take `orgs` sum the organisations account by account (one
//! organisation is a one-element slice). Reports are reads: like the
//! journal and the trial balance, they need no login.

use chrono::NaiveDate;

use super::Books;
use crate::domain::Lang;
use crate::domain::period::DateRange;
use crate::domain::report::{AccountTotals, TrialBalance, TrialTotals, trial_balance};
use crate::domain::statements::{
    BalanceSheet, GeneralLedger, GlAccount, GlAccountBuilder, GlLine, GlTotals, IncomeStatement,
    Smt, SmtBuilder, StockItemInfo, StockValuation, TREASURY_PREFIXES, balance_sheet, consolidate,
    income_statement, line_key, stock_valuation,
};
use crate::error::Result;
use crate::i18n::tr_in;
use crate::store::{OrgRow, Reader};

/// The totals of every account of `orgs` over `range`, summed account by
/// account.
fn totals_of(
    r: &Reader<'_>,
    orgs: &[OrgRow],
    range: DateRange,
    lang: Lang,
    before_closing: bool,
) -> Result<Vec<AccountTotals>> {
    let mut per_org = Vec::with_capacity(orgs.len());
    for org in orgs {
        per_org.push(r.account_totals(org.id, range, lang, before_closing)?);
    }
    Ok(consolidate(per_org)?)
}

/// The totals of a range that ends on `at` and starts the same day: their
/// opening plus movements are every account's balance at the end of `at`.
fn day(at: NaiveDate) -> DateRange {
    DateRange { from: at, to: at }
}

impl Books {
    /// The SMT statement (état des recettes et des dépenses) of every
    /// treasury account (57 cash, 52 bank, 55 electronic money) over
    /// `range`: opening balance, receipts and payments by counterpart
    /// account, internal transfers apart, closing balance checked against
    /// the ledger.
    pub fn smt(&self, orgs: &[OrgRow], range: DateRange, lang: Lang) -> Result<Smt> {
        let r = self.store.read();
        let _snap = r.snapshot()?;
        let totals = totals_of(&r, orgs, range, lang, false)?;
        let mut b = SmtBuilder::new(range, &totals);
        for org in orgs {
            r.for_each_entry_touching(org.id, range, &TREASURY_PREFIXES, |_, _, lines| {
                Ok(b.add_entry(lines)?)
            })?;
        }
        Ok(b.finish()?)
    }

    /// The income statement over `range`, without the year-end result
    /// entries (so that a closed year still shows its result).
    pub fn income_statement(
        &self,
        orgs: &[OrgRow],
        range: DateRange,
        lang: Lang,
    ) -> Result<IncomeStatement> {
        let r = self.store.read();
        let _snap = r.snapshot()?;
        let totals = totals_of(&r, orgs, range, lang, true)?;
        let mut s = income_statement(range, &totals)?;
        for l in &mut s.lines {
            l.label = tr_in(lang, line_key(l.code));
        }
        Ok(s)
    }

    /// The balance sheet at the end of `at`; the result of a year not yet
    /// closed (classes 6–8) is in the equity, line CJ.
    pub fn balance_sheet(
        &self,
        orgs: &[OrgRow],
        at: NaiveDate,
        lang: Lang,
    ) -> Result<BalanceSheet> {
        let r = self.store.read();
        let _snap = r.snapshot()?;
        let totals = totals_of(&r, orgs, day(at), lang, false)?;
        let mut s = balance_sheet(at, &totals)?;
        for l in s.actif.iter_mut().chain(s.passif.iter_mut()) {
            l.label = tr_in(lang, line_key(l.code));
        }
        Ok(s)
    }

    /// The six-column trial balance of several organisations summed account
    /// by account. `before_closing` leaves out the year-end result entries.
    pub fn consolidated_trial_balance(
        &self,
        orgs: &[OrgRow],
        range: DateRange,
        lang: Lang,
        before_closing: bool,
    ) -> Result<TrialBalance> {
        let r = self.store.read();
        let _snap = r.snapshot()?;
        let totals = totals_of(&r, orgs, range, lang, before_closing)?;
        Ok(trial_balance(totals, false))
    }

    /// The stock of an organisation at the end of `at`, item by item (the
    /// sums of the stock ledger up to that day), against the stock
    /// accounts' balances in the ledger.
    pub fn stock_valuation(&self, org: &OrgRow, at: NaiveDate) -> Result<StockValuation> {
        let r = self.store.read();
        let _snap = r.snapshot()?;
        let items = r
            .items(org.id)?
            .into_iter()
            .map(|i| StockItemInfo {
                code: i.code,
                name: i.name,
                kind: i.kind,
                unit: i.unit,
                stock_account: i.stock_account,
            })
            .collect();
        let moves = r
            .stock_moves(org.id, None, None, Some(at))?
            .into_iter()
            .map(|m| (m.item, m.qty, m.value));
        let ledger = r.account_totals(org.id, day(at), crate::i18n::lang(), false)?;
        Ok(stock_valuation(at, items, moves, &ledger)?)
    }

    /// The general ledger of an organisation over `range`: every account
    /// with a balance or a movement, handed to `f` one at a time (the
    /// lines of one account in memory at a time); returns the six-column
    /// totals.
    pub fn general_ledger_each(
        &self,
        org: &OrgRow,
        range: DateRange,
        lang: Lang,
        mut f: impl FnMut(GlAccount) -> Result<()>,
    ) -> Result<TrialTotals> {
        let r = self.store.read();
        let _snap = r.snapshot()?;
        let mut accounts = r.account_totals(org.id, range, lang, false)?;
        accounts.sort_by(|a, b| a.account.cmp(&b.account));
        let mut totals = GlTotals::default();
        for t in accounts {
            if t.opening_net == 0 && t.debit == 0 && t.credit == 0 {
                continue;
            }
            let Some((opening, lines)) = r.account_ledger(org.id, &t.account, range)? else {
                continue;
            };
            let mut b = GlAccountBuilder::new(&t.account, &t.name, opening);
            for l in lines {
                b.push(GlLine {
                    date: l.date,
                    number: l.number,
                    doc_ref: l.doc_ref,
                    memo: l.memo,
                    label: l.label,
                    debit: l.debit,
                    credit: l.credit,
                    balance: l.balance,
                })?;
            }
            let account = b.finish()?;
            totals.add(&account);
            f(account)?;
        }
        Ok(totals.finish()?)
    }

    /// The general ledger (grand livre) of an organisation over `range`.
    pub fn general_ledger(
        &self,
        org: &OrgRow,
        range: DateRange,
        lang: Lang,
    ) -> Result<GeneralLedger> {
        let mut accounts = Vec::new();
        let totals = self.general_ledger_each(org, range, lang, |a| {
            accounts.push(a);
            Ok(())
        })?;
        Ok(GeneralLedger {
            from: range.from,
            to: range.to,
            accounts,
            balanced: totals.balanced(),
            totals,
        })
    }
}
