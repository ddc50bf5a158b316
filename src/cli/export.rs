//! The auditor's monthly export and its check, on the command line.

use std::path::PathBuf;

use clap::Args;

use super::{Context, EXIT_PROBLEMS, json_out};
use crate::domain::Message;
use crate::domain::period::Month;
use crate::error::Result;
use crate::export::{ExportOptions, export_month, verify_export};
use crate::i18n::{lang, message, tr};
use crate::t;

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[arg(long, value_name = "AAAA-MM", help = tr("cli-export-month"))]
    pub month: String,
    #[arg(long, value_name = "DOSSIER", help = tr("cli-export-out"))]
    pub out: PathBuf,
    #[arg(long, help = tr("cli-export-bom"))]
    pub bom: bool,
}

#[derive(Args, Debug)]
pub struct VerifyExportArgs {
    #[arg(value_name = "DOSSIER", help = tr("cli-verify-export-dir"))]
    pub dir: PathBuf,
    #[arg(value_name = "PRECEDENT", help = tr("cli-verify-export-prev"))]
    pub previous: Option<PathBuf>,
}

pub fn cmd_export(ctx: &Context, a: ExportArgs) -> Result<i32> {
    let mut books = ctx.open()?;
    let org = ctx.org(&books)?;
    let month = Month::parse(&a.month)?;
    let actor = ctx.actor(&mut books)?;
    let m = export_month(
        &books,
        &actor,
        &org,
        month,
        &a.out,
        &ExportOptions { bom: a.bom },
        &mut |_| {},
    )?;
    if ctx.json {
        return json_out(&m).map(|_| 0);
    }
    let l = lang();
    outln!(
        "{}",
        t!(
            "xp-done",
            org = m.org.code.clone(),
            month = m.period.month.clone(),
            dir = a.out.display().to_string(),
            files = (m.files.len() + 1) as i64,
            entries = m.counts.entries as i64,
            lines = m.counts.lines as i64
        )
    );
    outln!(
        "{}",
        t!(
            "xp-done-totals",
            debit = m.totals.debit.format(l),
            credit = m.totals.credit.format(l)
        )
    );
    outln!(
        "{}",
        t!(
            "xp-done-chain",
            start = m.chain.start.position,
            end = m.chain.end.position,
            head = m.chain.end.hash[..16.min(m.chain.end.hash.len())].to_string()
        )
    );
    for f in &m.files {
        outln!(
            "  {}",
            t!(
                "xp-file-line",
                file = f.name.clone(),
                rows = f.rows as i64,
                sha = f.sha256.clone()
            )
        );
    }
    if !m.period.closed {
        outln!("{}", t!("xp-done-open", month = m.period.month.clone()));
    }
    Ok(0)
}

pub fn cmd_verify_export(ctx: &Context, a: VerifyExportArgs) -> Result<i32> {
    let check = verify_export(&a.dir, a.previous.as_deref())?;
    let status = if check.ok() { 0 } else { EXIT_PROBLEMS };
    if ctx.json {
        let problems: Vec<_> = check
            .problems
            .iter()
            .map(|p| serde_json::json!({ "code": p.key(), "message": message(p) }))
            .collect();
        json_out(&serde_json::json!({
            "ok": check.ok(),
            "dir": check.dir,
            "manifest": check.manifest,
            "previous": check.previous.as_ref().map(|m| &m.period.month),
            "problems": problems,
        }))?;
        return Ok(status);
    }
    match (&check.manifest, check.ok()) {
        (Some(m), true) => {
            outln!(
                "{}",
                t!(
                    "xp-ok",
                    org = m.org.code.clone(),
                    month = m.period.month.clone(),
                    files = (m.files.len() + 1) as i64,
                    entries = m.counts.entries as i64,
                    debit = m.totals.debit.format(lang()),
                    end = m.chain.end.position
                )
            );
            if let Some(p) = &check.previous {
                outln!(
                    "{}",
                    t!(
                        "xp-ok-prev",
                        month = m.period.month.clone(),
                        prev = p.period.month.clone()
                    )
                );
            }
        }
        _ => {
            outln!(
                "{}",
                t!(
                    "xp-failed",
                    count = check.problems.len() as i64,
                    dir = a.dir.display().to_string()
                )
            );
            for p in &check.problems {
                outln!("  - {}", message(p));
            }
        }
    }
    Ok(status)
}
