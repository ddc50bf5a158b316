//! Backups, restore and doctor on the command line.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{Context, EXIT_PROBLEMS, json_out};
use crate::error::Result;
use crate::i18n::tr;
use crate::service::safety::{self, AutoBackup, BackupReport};
use crate::service::{Actor, Books};
use crate::store::OpenMode;
use crate::t;

#[derive(Args, Debug)]
pub struct BackupArgs {
    #[arg(long, value_name = "FICHIER", help = tr("cli-backup-out"))]
    pub out: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct DoctorArgs {
    #[arg(long, help = tr("cli-doctor-accept"))]
    pub accept_current: bool,
}

#[derive(Args, Debug)]
pub struct RestoreArgs {
    #[arg(value_name = "SAUVEGARDE", help = tr("cli-restore-file"))]
    pub file: PathBuf,
    #[arg(long, help = tr("cli-restore-yes"))]
    pub yes: bool,
}

fn kib(bytes: u64) -> i64 {
    bytes.div_ceil(1024) as i64
}

fn print_backup(r: &BackupReport) {
    outln!(
        "{}",
        t!(
            "backup-done",
            path = r.path.display().to_string(),
            orgs = r.organisations as i64,
            entries = r.entries,
            kib = kib(r.bytes)
        )
    );
    for p in &r.pruned {
        outln!("{}", t!("backup-pruned", path = p.display().to_string()));
    }
}

pub fn cmd_backup(ctx: &Context, a: BackupArgs) -> Result<i32> {
    let mut books = ctx.open()?;
    let actor = ctx.actor(&mut books)?;
    let report = books.backup(&actor, a.out.as_deref())?;
    if ctx.json {
        return json_out(&report).map(|_| 0);
    }
    print_backup(&report);
    Ok(0)
}

pub fn cmd_restore(ctx: &Context, a: RestoreArgs) -> Result<i32> {
    let login = |books: &mut Books| -> Result<Actor> { ctx.actor(books) };
    let plan = safety::restore(&ctx.db, &a.file, &login, a.yes)?;
    if ctx.json {
        return json_out(&plan).map(|_| 0);
    }
    let list = |v: &[(String, i64)]| {
        v.iter()
            .map(|(c, n)| format!("{c} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    outln!(
        "{}",
        t!(
            "restore-backup-holds",
            path = a.file.display().to_string(),
            entries = list(&plan.backup_entries)
        )
    );
    match &plan.ledger_entries {
        Some(v) => outln!("{}", t!("restore-ledger-holds", entries = list(v))),
        None => outln!("{}", tr("restore-no-ledger")),
    }
    if !plan.entries_lost.is_empty() {
        outln!(
            "{}",
            t!("restore-entries-lost", entries = list(&plan.entries_lost))
        );
    }
    if !a.yes {
        outln!("{}", tr("restore-check-only"));
        return Ok(0);
    }
    outln!(
        "{}",
        t!("restore-done", path = ctx.db.display().to_string())
    );
    if let Some(aside) = &plan.kept_aside {
        outln!(
            "{}",
            t!("restore-kept-aside", path = aside.display().to_string())
        );
    }
    Ok(0)
}

pub fn cmd_doctor(ctx: &Context, a: DoctorArgs) -> Result<i32> {
    if a.accept_current {
        let mut books = ctx.open()?;
        let actor = ctx.actor(&mut books)?;
        match books.accept_heads(&actor)? {
            Some(aside) => outln!(
                "{}",
                t!("doctor-accepted", path = aside.display().to_string())
            ),
            None => outln!("{}", tr("doctor-nothing-to-accept")),
        }
        return Ok(0);
    }
    let report = safety::doctor(&ctx.db);
    let code = if report.has_problems() {
        EXIT_PROBLEMS
    } else {
        0
    };
    if ctx.json {
        return json_out(&report).map(|_| code);
    }
    for f in &report.findings {
        let mark = match f.level {
            "ok" => "✓",
            "info" => "·",
            "warn" => "!",
            _ => "✗",
        };
        outln!("{mark} {}", f.text);
    }
    outln!(
        "{}",
        tr(if report.has_problems() {
            "doctor-verdict-problems"
        } else {
            "doctor-verdict-ok"
        })
    );
    Ok(code)
}

/// The daily automatic backup, after a command that used the ledger
/// succeeded: the first one of the day copies the ledger into its backup
/// folder. A failure is said on standard error and changes nothing else.
pub fn daily_backup(db: &Path) {
    if !db.is_file() || !safety::daily_backup_is_due(db) {
        return;
    }
    let result = Books::open(db, OpenMode::Existing).and_then(|b| b.auto_backup(AutoBackup::Daily));
    if let Err(e) = result {
        eprintln!(
            "{}",
            t!("backup-auto-failed", detail = crate::i18n::message(&e))
        );
    }
}
