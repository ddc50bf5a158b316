//! The home screen's figures for one organisation (and `jatebo status`):
//! money balances, the day's activity and what needs attention.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Books, closed_through, first_month};
use crate::domain::Lang;
use crate::domain::ledger::Side;
use crate::domain::money::Fcfa;
use crate::domain::period::{DateRange, Month};
use crate::error::Result;
use crate::store::{AccountRow, JournalQuery, OrgRow};

/// Something the treasurer should look at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Warning {
    /// Months before the current one hold entries but are not closed.
    MonthsOpen { from: String, to: String },
    /// Entries dated after today (often a typing slip in the year).
    FutureEntries { count: usize, first: NaiveDate },
    /// An entry whose stored lines do not balance (the file was damaged).
    Unbalanced { number: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Overview {
    pub org: OrgRow,
    pub today: NaiveDate,
    /// Cash boxes, bank and mobile-money accounts (class 5), open or with a
    /// balance.
    pub money: Vec<AccountRow>,
    pub money_total: Fcfa,
    /// Entries dated today.
    pub today_entries: usize,
    /// Money received and paid out today (debits and credits to class 5).
    pub today_in: Fcfa,
    pub today_out: Fcfa,
    pub warnings: Vec<Warning>,
}

/// How many future entries are counted before the warning says "at least".
const FUTURE_SCAN: usize = 100;

/// Whether an account holds money: cash (57), banks (52), mobile money and
/// other wallets (55).
pub fn is_money(number: &str) -> bool {
    ["52", "55", "57"].iter().any(|p| number.starts_with(p))
}

impl Books {
    pub fn overview(&self, org: &OrgRow, today: NaiveDate, lang: Lang) -> Result<Overview> {
        let reader = self.store.read();
        let _snapshot = reader.snapshot()?;
        let accounts = reader.accounts(org.id, lang)?;
        // Parent accounts that hold sub-accounts are listed through them.
        let money: Vec<AccountRow> = accounts
            .iter()
            .filter(|a| is_money(&a.number))
            .filter(|a| {
                !accounts
                    .iter()
                    .any(|b| b.number != a.number && b.number.starts_with(&a.number))
            })
            .filter(|a| !a.closed || a.balance != Fcfa::ZERO)
            .cloned()
            .collect();
        let money_total = money
            .iter()
            .try_fold(Fcfa::ZERO, |acc, a| acc.checked_add(a.balance))
            .map_err(crate::error::Error::Money)?;

        let day = DateRange::new(today, today).map_err(crate::error::Error::Period)?;
        let todays = reader.journal(
            org.id,
            &JournalQuery {
                range: Some(day),
                ..Default::default()
            },
        )?;
        let (mut din, mut dout) = (0i64, 0i64);
        for e in &todays {
            for l in &e.entry.lines {
                if is_money(l.account.as_str()) {
                    match l.side {
                        Side::Debit => din += l.amount.francs(),
                        Side::Credit => dout += l.amount.francs(),
                    }
                }
            }
        }

        let mut warnings = Vec::new();
        let current = Month::of(today);
        if let Some(first) = first_month(&reader, org)? {
            let from = closed_through(org)
                .map(Month::next)
                .unwrap_or(first)
                .max(first);
            let to = current.prev();
            if from <= to {
                warnings.push(Warning::MonthsOpen {
                    from: from.key(),
                    to: to.key(),
                });
            }
        }
        if let Some(tomorrow) = today.succ_opt() {
            let far = NaiveDate::from_ymd_opt(9999, 12, 31).expect("valid date");
            let future = reader.journal(
                org.id,
                &JournalQuery {
                    range: Some(
                        DateRange::new(tomorrow, far).map_err(crate::error::Error::Period)?,
                    ),
                    limit: Some(FUTURE_SCAN),
                    ..Default::default()
                },
            )?;
            if let Some(f) = future.first() {
                warnings.push(Warning::FutureEntries {
                    count: future.len(),
                    first: f.entry.date,
                });
            }
        }
        for e in &todays {
            if !e.balanced {
                warnings.push(Warning::Unbalanced {
                    number: e.entry.number.to_string(),
                });
            }
        }
        Ok(Overview {
            org: org.clone(),
            today,
            money,
            money_total,
            today_entries: todays.len(),
            today_in: Fcfa::new(din),
            today_out: Fcfa::new(dout),
            warnings,
        })
    }
}

impl Books {
    /// The next month that can be closed: the first one after the last close
    /// (or the month of the first entry), if it is over by `today`.
    pub fn next_close(&self, org: &OrgRow, today: NaiveDate) -> Result<Option<Month>> {
        let reader = self.store.read();
        let org = reader.org(&org.code)?.unwrap_or_else(|| org.clone());
        let next = match closed_through(&org) {
            Some(m) => Some(m.next()),
            None => first_month(&reader, &org)?,
        };
        Ok(next.filter(|m| *m < Month::of(today)))
    }
}
