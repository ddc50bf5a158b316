//! What the monthly export carries, read from the ledger in one snapshot.
//! The files are made by `crate::export`; this only reads.

use crate::domain::Lang;
use crate::domain::export::{
    Body, ChainLink, ExportEntry, OrgInfo, PeriodInfo, check_content, general_ledger,
};
use crate::domain::period::{DateRange, Month};
use crate::domain::report::trial_balance;
use crate::error::{Error, Result};
use crate::store::{JournalQuery, OrgRow};

use super::{Actor, Books, authorize};
use crate::domain::access::Action;

impl Books {
    /// One organisation-month as the export writes it: the month's entries,
    /// the trial balance and general ledger, and the chain from the link
    /// before the month's first entry to the month's last. The content is checked
    /// before it is handed over (every hash recomputed, the chain followed,
    /// the trial balance rebuilt): a ledger that fails is not exported.
    pub fn export_body(
        &self,
        actor: &Actor,
        org: &OrgRow,
        month: Month,
        lang: Lang,
    ) -> Result<Body> {
        let r = self.store.read();
        let _snap = r.snapshot()?;
        authorize(&r, actor, Some(org.id), Action::Read)?;
        // The organisation as it is now, inside the snapshot (its head).
        let org = r.org(&org.code)?.ok_or_else(|| Error::UnknownOrg {
            code: org.code.clone(),
        })?;
        let range = DateRange::month(month);
        let entries: Vec<ExportEntry> = r
            .journal(
                org.id,
                &JournalQuery {
                    range: Some(range),
                    ..Default::default()
                },
            )?
            .into_iter()
            .map(|v| ExportEntry {
                entry: v.entry,
                reversed_by: v.reversed_by,
            })
            .collect();
        let trial = trial_balance(r.account_totals(org.id, range, lang, false)?, false);
        // The chain from the link before the first entry dated in the month
        // or later (the head as the month began, for books kept in order)
        // to the last entry dated up to its end (the head as it ended): every
        // entry of the month lies between, and the next month's export starts
        // at or before this one's end, so the two overlap.
        let head = org.entries;
        let start = r
            .first_position_from(org.id, range.from)?
            .map_or(head, |p| p - 1);
        let end = r
            .last_position_through(org.id, range.to)?
            .unwrap_or(0)
            .max(start);
        let mut chain = Vec::new();
        if start == 0 {
            chain.push(ChainLink {
                position: 0,
                number: None,
                date: None,
                recorded_at: org.created_at.clone(),
                prev_hash: String::new(),
                hash: org.genesis.clone(),
            });
        }
        chain.extend(r.chain_links(org.id, start.max(1), end)?);
        let closed = org
            .closed_through
            .as_deref()
            .and_then(|m| Month::parse(m).ok())
            .is_some_and(|c| c >= month);
        let body = Body {
            org: OrgInfo {
                code: org.code.clone(),
                name: org.name.clone(),
                kind: org.kind.clone(),
                genesis: org.genesis.clone(),
            },
            period: PeriodInfo {
                month: month.key(),
                from: range.from,
                to: range.to,
                closed,
            },
            general_ledger: general_ledger(&trial, &entries),
            entries,
            trial_balance: trial,
            chain,
        };
        if let Some(p) = check_content(&body).first() {
            return Err(Error::ExportRefused {
                detail: crate::i18n::message(p),
            });
        }
        Ok(body)
    }
}
