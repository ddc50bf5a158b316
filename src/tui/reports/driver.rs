//! Runs the reports tab's effects through the service layer (never SQL)
//! and brings back what its screens show: the statements, an account's
//! ledger, an entry, the document an entry came from, the export.

use std::path::{Path, PathBuf};

use super::export::{ExportSummary, ExportedFile};
use super::{Document, RepDone, RepEffect};
use crate::domain::ledger::Side;
use crate::domain::money::Fcfa;
use crate::domain::period::Month;
use crate::error::{Error, Result};
use crate::export::{ExportOptions, Progress, export_month};
use crate::i18n;
use crate::service::coop::DOC_SOURCES;
use crate::service::receipt::receipt_text;
use crate::service::savings::SgDocument;
use crate::service::{Actor, Books, YEAR_CLOSE_SOURCE};
use crate::store::{EntryView, OrgRow};
use crate::t;
use crate::tui::log;
use crate::tui::savings::Data;

/// The folder the ledger file is in.
fn ledger_dir(books: &Books) -> PathBuf {
    books
        .path()
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Runs an effect of the reports tab; the export tells `progress` before
/// each file it writes.
pub fn run(
    books: &Books,
    actor: Option<&Actor>,
    effect: &RepEffect,
    progress: &mut dyn FnMut(RepDone),
) -> Result<RepDone> {
    let lang = i18n::lang();
    Ok(match effect {
        RepEffect::Trial { org, range } => RepDone::Trial {
            range: *range,
            tb: books.trial_balance(&books.org(org)?, *range, lang, false)?,
        },
        RepEffect::GeneralLedger { org, range } => {
            RepDone::GeneralLedger(books.general_ledger(&books.org(org)?, *range, lang)?)
        }
        RepEffect::Smt { org, range } => {
            RepDone::Smt(books.smt(&[books.org(org)?], *range, lang)?)
        }
        RepEffect::Income { org, range } => {
            RepDone::Income(books.income_statement(&[books.org(org)?], *range, lang)?)
        }
        RepEffect::Sheet { org, at } => {
            RepDone::Sheet(books.balance_sheet(&[books.org(org)?], *at, lang)?)
        }
        RepEffect::Stock { org, at } => {
            RepDone::Stock(books.stock_valuation(&books.org(org)?, *at)?)
        }
        RepEffect::Aging { org, at } => RepDone::Aging(books.aging(&books.org(org)?, *at)?),
        RepEffect::Indicators { org, at } => RepDone::Indicators(
            books
                .sg_indicators(&books.org(org)?, *at)
                .map(Data)
                .map_err(|e| i18n::message(&e)),
        ),
        RepEffect::TrialAll { orgs, range } => RepDone::Trial {
            range: *range,
            tb: books.consolidated_trial_balance(
                &readable(books, actor, orgs)?,
                *range,
                lang,
                false,
            )?,
        },
        RepEffect::SmtAll { orgs, range } => {
            RepDone::Smt(books.smt(&readable(books, actor, orgs)?, *range, lang)?)
        }
        RepEffect::IncomeAll { orgs, range } => {
            RepDone::Income(books.income_statement(&readable(books, actor, orgs)?, *range, lang)?)
        }
        RepEffect::SheetAll { orgs, at } => {
            RepDone::Sheet(books.balance_sheet(&readable(books, actor, orgs)?, *at, lang)?)
        }
        RepEffect::Ledger {
            org,
            account,
            range,
        } => {
            let (opening, lines) = books.account_ledger(&books.org(org)?, account, *range)?;
            RepDone::Ledger {
                account: account.clone(),
                range: *range,
                opening,
                lines,
            }
        }
        RepEffect::Entry { org, number } => RepDone::Entry(books.entry(&books.org(org)?, *number)?),
        RepEffect::Document { org, number } => {
            let o = books.org(org)?;
            let e = books.entry(&o, *number)?;
            RepDone::Document {
                number: *number,
                doc: document(books, &o, &e)?,
            }
        }
        RepEffect::ExportPrepare { .. } => RepDone::ExportReady {
            dir: ledger_dir(books),
        },
        RepEffect::Export {
            org,
            month,
            dir,
            bom,
        } => export(books, actor, org, *month, dir, *bom, progress)?,
    })
}

/// The organisations `codes`, each of which the actor must have a role
/// for (an organisation the user may not read is as good as unknown).
fn readable(books: &Books, actor: Option<&Actor>, codes: &[String]) -> Result<Vec<OrgRow>> {
    let actor = actor.ok_or(Error::LoginRequired)?;
    let access = books.org_access(actor)?;
    codes
        .iter()
        .map(|c| {
            access
                .iter()
                .find(|(o, _)| o.code == *c)
                .map(|(o, _)| o.clone())
                .ok_or_else(|| Error::UnknownOrg { code: c.clone() })
        })
        .collect()
}

/// Runs the export, telling `progress` before each file.
fn export(
    books: &Books,
    actor: Option<&Actor>,
    org: &str,
    month: Month,
    dir: &Path,
    bom: bool,
    progress: &mut dyn FnMut(RepDone),
) -> Result<RepDone> {
    let actor = actor.ok_or(Error::LoginRequired)?;
    let o = books.org(org)?;
    let opts = ExportOptions { bom };
    let m = export_month(books, actor, &o, month, dir, &opts, &mut |p: Progress| {
        progress(RepDone::Progress {
            step: p.step,
            steps: p.steps,
            file: p.file.to_string(),
        })
    })?;
    log::info(&format!(
        "export of {} {} into {}",
        o.code,
        month.key(),
        dir.display()
    ));
    Ok(RepDone::Exported(ExportSummary {
        dir: dir.to_path_buf(),
        month: i18n::month(month),
        closed: m.period.closed,
        files: m
            .files
            .iter()
            .map(|f| ExportedFile {
                name: f.name.clone(),
                bytes: f.bytes,
                rows: f.rows,
            })
            .collect(),
        entries: m.counts.entries,
        lines: m.counts.lines,
        accounts: m.counts.accounts,
        debit: m.totals.debit,
        credit: m.totals.credit,
        head_position: m.chain.end.position,
        head_number: m.chain.end.number.map(|n| n.to_string()),
        head_hash: m.chain.end.hash.clone(),
    }))
}

/// The amount an entry moved (its debits).
fn moved(e: &EntryView) -> Fcfa {
    Fcfa::new(
        e.entry
            .lines
            .iter()
            .filter(|l| l.side == Side::Debit)
            .fold(0i64, |a, l| a.saturating_add(l.amount.francs())),
    )
}

/// The document behind an entry, from its `source`.
fn document(books: &Books, org: &OrgRow, e: &EntryView) -> Result<Document> {
    let lang = i18n::lang();
    let doc_ref = e.entry.doc_ref.clone();
    let Some(source) = e.entry.source.clone() else {
        return Ok(Document::Manual { doc_ref });
    };
    let (kind, id) = source.split_once(':').unwrap_or((source.as_str(), ""));
    let number: Option<i64> = id.parse().ok();
    let facts = |title: String, rows: Vec<(String, String)>| Document::Facts {
        title,
        rows,
        note: None,
    };
    if source.starts_with(YEAR_CLOSE_SOURCE) {
        return Ok(facts(
            t!("rep-doc-year-close", year = id.to_string()),
            vec![
                (t!("rep-doc-amount"), moved(e).format(lang)),
                (t!("rep-doc-memo"), e.entry.memo.clone()),
            ],
        )
        .with_note(t!("rep-doc-year-close-note")));
    }
    if DOC_SOURCES.iter().any(|p| source.starts_with(p)) {
        match (kind, number) {
            ("sale" | "return", Some(n)) => {
                let sale = books.receipt(org, kind, n)?;
                let text = receipt_text(org, &sale, lang);
                return Ok(Document::Receipt {
                    sale: Box::new(sale),
                    text,
                });
            }
            ("purchase" | "donation" | "run" | "adjust" | "count", Some(n)) => {
                if let Some(doc) = books
                    .stock_docs(org, Some(kind))?
                    .into_iter()
                    .find(|d| d.number == n)
                {
                    let moves = books
                        .stock_moves(org, None, Some(doc.date), Some(doc.date))?
                        .into_iter()
                        .filter(|m| m.doc == source)
                        .collect();
                    let items = books
                        .items(org)?
                        .into_iter()
                        .map(|i| (i.code, i.name, i.unit))
                        .collect();
                    return Ok(Document::Stock {
                        doc: Box::new(doc),
                        moves,
                        items,
                    });
                }
            }
            ("payment", Some(n)) => {
                if let Some(p) = books
                    .payments(org, None)?
                    .into_iter()
                    .find(|p| p.number == n)
                {
                    return Ok(Document::Payment(Box::new(p)));
                }
            }
            ("dayclose", _) => {
                // dayclose:<point>:<period>
                if let Some((point, period)) = id.rsplit_once(':')
                    && let Some(c) = books
                        .day_closes(org, Some(point), None)?
                        .into_iter()
                        .find(|c| c.period == period)
                {
                    return Ok(Document::DayClose(Box::new(c)));
                }
            }
            ("parts", _) => {
                return Ok(facts(
                    t!("rep-doc-parts", reference = doc_ref.clone()),
                    vec![
                        (t!("rep-doc-memo"), e.entry.memo.clone()),
                        (t!("rep-doc-amount"), moved(e).format(lang)),
                    ],
                ));
            }
            ("surplus", _) => {
                if let Ok(year) = id.parse::<i32>()
                    && let Some(s) = books.surplus_recorded(org, year)?
                {
                    let mut rows = vec![(t!("rep-doc-memo"), e.entry.memo.clone())];
                    for m in &s.members {
                        rows.push((format!("{} {}", m.number, m.name), m.total.format(lang)));
                    }
                    return Ok(facts(t!("rep-doc-surplus", year = i64::from(year)), rows));
                }
            }
            _ => {}
        }
    }
    if let Some(d) = books.sg_document(org, &source)? {
        return Ok(match d {
            SgDocument::Meeting { view, close } => Document::Meeting {
                view: Box::new(Data(*view)),
                close,
            },
            SgDocument::Leave { member, leave } => facts(
                t!(
                    "rep-doc-leave",
                    number = member.number,
                    name = member.name.clone()
                ),
                vec![
                    (t!("rep-doc-date"), i18n::date(leave.date, lang)),
                    (t!("rep-doc-savings"), leave.savings.format(lang)),
                    (t!("rep-doc-netted"), leave.netted.format(lang)),
                    (t!("rep-doc-payout"), leave.payout.format(lang)),
                ],
            ),
            SgDocument::WriteOff {
                loan,
                member,
                writeoff,
            } => facts(
                t!("rep-doc-writeoff", number = loan, name = member),
                vec![
                    (t!("rep-doc-date"), i18n::date(writeoff.date, lang)),
                    (t!("rep-doc-amount"), writeoff.amount.format(lang)),
                    (t!("rep-doc-reason"), writeoff.reason.clone()),
                    (t!("rep-doc-approved"), writeoff.approved_by.clone()),
                ],
            ),
            SgDocument::Shareout { cycle, date, entry } => facts(
                t!("rep-doc-shareout", cycle = cycle),
                vec![
                    (t!("rep-doc-date"), i18n::date(date, lang)),
                    (t!("rep-doc-amount"), moved(e).format(lang)),
                    (t!("rep-doc-entry"), entry),
                ],
            ),
        });
    }
    Ok(facts(
        t!("rep-doc-unknown", reference = doc_ref),
        vec![
            (t!("rep-doc-source"), source.clone()),
            (t!("rep-doc-memo"), e.entry.memo.clone()),
        ],
    ))
}

impl Document {
    fn with_note(self, n: String) -> Document {
        match self {
            Document::Facts { title, rows, .. } => Document::Facts {
                title,
                rows,
                note: Some(n),
            },
            d => d,
        }
    }
}
