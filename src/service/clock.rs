//! The clock check before recording (issue 7, part 6): when the computer's
//! clock is before the last record of the ledger or implausible, entries
//! wait until a user who may post confirms the business date; the
//! confirmation is written to the action log.

use chrono::NaiveDate;

use super::{Actor, Books, now};
use crate::domain::access::{Action, allowed};
use crate::domain::clock::{ClockProblem, confirmable, judge};
use crate::error::{Error, Result};

impl Books {
    /// What is wrong with the clock now, if anything (None once confirmed).
    pub fn clock_problem(&self) -> Result<Option<ClockProblem>> {
        if self.store.clock_confirmed() {
            return Ok(None);
        }
        let last = self.store.read().last_recorded_at()?;
        Ok(judge(chrono::Utc::now().naive_utc(), last))
    }

    /// A user who may post confirms the business date while the clock looks
    /// wrong: recording may go on for as long as this ledger stays open,
    /// and the action log keeps what the clock said, the date confirmed and
    /// the last record. The date must not be before the last record.
    /// Does nothing (and logs nothing) when the clock is fine.
    pub fn confirm_business_date(&mut self, actor: &Actor, date: NaiveDate) -> Result<bool> {
        let Some(problem) = self.clock_problem()? else {
            return Ok(false);
        };
        let may_post = self
            .org_access(actor)?
            .iter()
            .any(|(_, role)| allowed(*role, Action::Post));
        if !may_post {
            return Err(Error::Access(crate::domain::access::AccessError::Denied {
                action: Action::Post,
                role: None,
            }));
        }
        let last = self.store.read().last_recorded_at()?;
        if !confirmable(date, last) {
            return Err(Error::ClockDate { date });
        }
        let system = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let detail = format!(
            "system={system} business={date} last={} ({})",
            last.map(|l| l.format("%Y-%m-%dT%H:%M:%SZ").to_string())
                .unwrap_or_default(),
            match problem {
                ClockProblem::Behind { .. } => "behind",
                ClockProblem::Implausible { .. } => "implausible",
                ClockProblem::FarAhead { .. } => "far_ahead",
            }
        );
        let at = now();
        self.store
            .write(|tx| tx.audit(&actor.name, "clock.confirm", "", &detail, &at))?;
        self.store.confirm_clock();
        Ok(true)
    }
}
