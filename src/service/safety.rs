//! Keeping the ledger file safe: backups (by hand and automatic, rotated),
//! restoring one, the heads file that catches a ledger put back to an
//! earlier state, and `doctor`, which explains a ledger file and its
//! surroundings without changing anything.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::Serialize;

use super::users::authorize;
use super::{Actor, Books, now};
use crate::domain::Message;
use crate::domain::access::Action;
use crate::domain::safety::{
    HeadFinding, Heads, PlaceWarning, SafetyError, backups_to_prune, daily_backup_due,
    parse_mounts, place_warnings, same_books,
};
use crate::domain::verify::Problem;
use crate::error::{Error, Result};
use crate::store::{
    OpenMode, Store, create_private_dir, heads_path, local_now, read_heads_file, with_suffix,
};

/// The folder of a ledger's backups: `backups/` beside it.
pub fn backups_dir(ledger: &Path) -> PathBuf {
    ledger
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

/// The ledger's file name without its extension (`jatebo.db` → `jatebo`).
fn stem(ledger: &Path) -> String {
    ledger
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "jatebo".to_string())
}

const STAMP: &str = "%Y-%m-%d-%H%M%S";

/// `jatebo-2026-11-21-184500.db`, or `jatebo-auto-…` for an automatic one.
fn backup_name(ledger: &Path, auto: bool, at: NaiveDateTime, n: u32) -> String {
    let kind = if auto { "auto-" } else { "" };
    let extra = if n > 1 {
        format!("-{n}")
    } else {
        String::new()
    };
    format!("{}-{kind}{}{extra}.db", stem(ledger), at.format(STAMP))
}

/// A backup file found in a ledger's backup folder.
#[derive(Clone, Debug, Serialize)]
pub struct BackupFile {
    pub path: PathBuf,
    pub auto: bool,
    pub at: NaiveDateTime,
    /// 1, or the `N` of a name taken twice in one second (`…-N.db`).
    pub seq: u32,
    pub bytes: u64,
}

/// Reads a backup's kind and time from its name; None for other files.
fn parse_backup_name(ledger: &Path, name: &str) -> Option<(bool, NaiveDateTime, u32)> {
    let rest = name.strip_prefix(&format!("{}-", stem(ledger)))?;
    let rest = rest.strip_suffix(".db")?;
    let (auto, rest) = match rest.strip_prefix("auto-") {
        Some(r) => (true, r),
        None => (false, rest),
    };
    // The stamp is 17 characters; a `-N` may follow.
    let stamp = rest.get(..17)?;
    let tail = &rest[17..];
    let seq = if tail.is_empty() {
        1
    } else {
        tail.strip_prefix('-')?.parse::<u32>().ok()?
    };
    NaiveDateTime::parse_from_str(stamp, STAMP)
        .ok()
        .map(|t| (auto, t, seq))
}

/// The backups of a ledger in its backup folder, oldest first.
pub fn list_backups(ledger: &Path) -> Result<Vec<BackupFile>> {
    let dir = backups_dir(ledger);
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(Error::Io {
                path: dir,
                detail: e.to_string(),
            });
        }
    };
    let mut out = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if let Some((auto, at, seq)) = parse_backup_name(ledger, &name)
            && let Ok(meta) = e.metadata()
            && meta.is_file()
        {
            out.push(BackupFile {
                path: e.path(),
                auto,
                at,
                seq,
                bytes: meta.len(),
            });
        }
    }
    out.sort_by_key(|b| (b.at, b.seq));
    Ok(out)
}

/// What a backup wrote.
#[derive(Clone, Debug, Serialize)]
pub struct BackupReport {
    pub path: PathBuf,
    pub bytes: u64,
    pub organisations: usize,
    pub entries: i64,
    pub audit_records: i64,
    /// Old automatic backups deleted by the rotation.
    pub pruned: Vec<PathBuf>,
}

impl BackupReport {
    fn new(info: crate::store::BackupInfo) -> BackupReport {
        BackupReport {
            organisations: info.heads.orgs.len(),
            entries: info.heads.orgs.values().map(|h| h.chain_no).sum(),
            audit_records: info.heads.audit_count,
            path: info.path,
            bytes: info.bytes,
            pruned: Vec::new(),
        }
    }
}

/// When an automatic backup is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AutoBackup {
    /// The first time the ledger is used on a day.
    Daily,
    /// Leaving the TUI, when the books changed since the last one.
    Quit,
}

impl Books {
    /// The tips of every chain of the ledger now.
    pub fn heads(&self) -> Result<Heads> {
        self.store.read().heads()
    }

    /// What is wrong with the ledger compared with its heads file (none
    /// when there is no such file, as for a ledger in memory).
    pub fn known_heads_problems(&self) -> Result<Vec<Problem>> {
        if self.path() == Path::new(":memory:") {
            return Ok(Vec::new());
        }
        let path = heads_path(self.path());
        match read_heads_file(&path) {
            Ok(None) => Ok(Vec::new()),
            Ok(Some(known)) => Ok(self
                .store
                .read()
                .compare_with(&known.heads)?
                .into_iter()
                .map(|finding| Problem::KnownHeads { finding })
                .collect()),
            Err(Error::Io { detail, .. }) => Ok(vec![Problem::HeadsFile { detail }]),
            Err(e) => Err(e),
        }
    }

    /// Accepts the ledger as it is after it was found behind its heads file
    /// (no newer copy exists): the old heads file is kept aside as
    /// `<ledger>.heads.replaced-<time>`, a new one is written from the
    /// ledger, and the decision is logged. Needs the administrator's role.
    /// Returns the old file's new name, None when there was nothing to accept.
    pub fn accept_heads(&mut self, actor: &Actor) -> Result<Option<PathBuf>> {
        authorize(&self.store.read(), actor, None, Action::Restore)?;
        let problems = self.known_heads_problems()?;
        if problems.is_empty() {
            return Ok(None);
        }
        let hp = heads_path(self.path());
        let stamp = chrono::Local::now().format("%Y-%m-%d-%H%M%S");
        let aside = with_suffix(&hp, &format!(".replaced-{stamp}"));
        std::fs::rename(&hp, &aside).map_err(|e| Error::Io {
            path: hp.clone(),
            detail: e.to_string(),
        })?;
        let detail = problems
            .iter()
            .map(|p| crate::i18n::message(p))
            .collect::<Vec<_>>()
            .join(" | ");
        let now = now();
        // The audit record is written first; the commit then writes the new
        // heads file (there is none now), which includes that record.
        self.store
            .write(|tx| tx.audit(&actor.name, "heads.accept", "", &detail, &now))?;
        if !hp.exists() {
            crate::store::write_heads_file(&hp, &self.heads()?, &local_now())?;
        }
        Ok(Some(aside))
    }

    /// Backs up the whole ledger, by hand: into `out` (a file, or a folder
    /// where the file is named by the time), or the ledger's backup folder.
    /// Backups made by hand are never deleted by the rotation.
    pub fn backup(&mut self, actor: &Actor, out: Option<&Path>) -> Result<BackupReport> {
        authorize(&self.store.read(), actor, None, Action::Backup)?;
        let at = chrono::Local::now().naive_local();
        let dest = match out {
            Some(p) if p.is_dir() => free_name(p, self.path(), false, at),
            Some(p) => p.to_path_buf(),
            None => {
                let dir = backups_dir(self.path());
                create_private_dir(&dir)?;
                free_name(&dir, self.path(), false, at)
            }
        };
        if dest.exists() {
            return Err(SafetyError::Exists {
                path: dest.display().to_string(),
            }
            .into());
        }
        if same_file(&dest, self.path()) {
            return Err(SafetyError::RestoreSelf.into());
        }
        let info = self.store.backup(&dest)?;
        let report = BackupReport::new(info);
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let now = now();
        self.store
            .write(|tx| tx.audit(&actor.name, "backup", "", &name, &now))?;
        Ok(report)
    }

    /// Makes an automatic backup in the ledger's backup folder when one is
    /// due, then deletes the automatic backups the rotation no longer keeps
    /// (see [`crate::domain::safety::backups_to_prune`]). None when none was
    /// due. Needs no login: the copy stays beside the ledger, in a folder
    /// private to the user.
    pub fn auto_backup(&self, when: AutoBackup) -> Result<Option<BackupReport>> {
        if self.path() == Path::new(":memory:") {
            return Ok(None);
        }
        let all = list_backups(self.path())?;
        let autos: Vec<&BackupFile> = all.iter().filter(|b| b.auto).collect();
        let newest = autos.last();
        let local = chrono::Local::now().naive_local();
        let due = match when {
            AutoBackup::Daily => daily_backup_due(newest.map(|b| b.at), local),
            AutoBackup::Quit => match newest {
                None => true,
                Some(b) => match Store::open_read_only(&b.path).and_then(|s| s.read().heads()) {
                    Ok(h) => h != self.heads()?,
                    Err(_) => true,
                },
            },
        };
        if !due {
            return Ok(None);
        }
        let dir = backups_dir(self.path());
        create_private_dir(&dir)?;
        remove_stale_parts(&dir);
        let dest = free_name(&dir, self.path(), true, local);
        let mut report = BackupReport::new(self.store.backup(&dest)?);
        // The rotation, over the automatic backups including the new one.
        let autos: Vec<BackupFile> = list_backups(self.path())?
            .into_iter()
            .filter(|b| b.auto)
            .collect();
        let times: Vec<NaiveDateTime> = autos.iter().map(|b| b.at).collect();
        for i in backups_to_prune(&times, local.date()) {
            if autos[i].path != dest && std::fs::remove_file(&autos[i].path).is_ok() {
                report.pruned.push(autos[i].path.clone());
            }
        }
        Ok(Some(report))
    }
}

/// Whether the daily automatic backup of this ledger is still to be made
/// today (looks at the backup folder only).
pub fn daily_backup_is_due(ledger: &Path) -> bool {
    let newest = list_backups(ledger)
        .unwrap_or_default()
        .into_iter()
        .filter(|b| b.auto)
        .map(|b| b.at)
        .max();
    daily_backup_due(newest, chrono::Local::now().naive_local())
}

/// A name in `dir` not taken yet.
fn free_name(dir: &Path, ledger: &Path, auto: bool, at: NaiveDateTime) -> PathBuf {
    let mut n = 1;
    loop {
        let p = dir.join(backup_name(ledger, auto, at, n));
        if !p.exists() && !with_suffix(&p, ".part").exists() {
            return p;
        }
        n += 1;
    }
}

/// Removes temporary files of automatic backups that were interrupted (a
/// crash, a power cut) more than an hour ago; a backup being written now by
/// another jatebo is younger than that.
fn remove_stale_parts(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !(name.contains("-auto-") && name.ends_with(".db.part")) {
            continue;
        }
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 3600);
        if old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

impl From<SafetyError> for Error {
    fn from(e: SafetyError) -> Error {
        Error::Safety(e)
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

// ---- restore ---------------------------------------------------------------

/// What a restore found and did.
#[derive(Clone, Debug, Serialize)]
pub struct RestorePlan {
    pub backup: PathBuf,
    /// The backup's heads, by organisation: entries.
    pub backup_entries: Vec<(String, i64)>,
    /// The ledger's entries now, by organisation (None when it cannot be
    /// opened or does not exist).
    pub ledger_entries: Option<Vec<(String, i64)>>,
    /// Entries in the ledger that the backup does not have, by organisation.
    pub entries_lost: Vec<(String, i64)>,
    /// Where the replaced ledger was put (after the restore).
    pub kept_aside: Option<PathBuf>,
}

/// Restores `backup` as the ledger at `ledger`, after checking it whole:
/// the file is copied beside the ledger, opened, brought to this version's
/// schema and verified (integrity, every chain, totals); a damaged backup
/// or one with another ledger's books is refused. The ledger it replaces is
/// renamed `<ledger>.replaced-<time>` (with its log files), never deleted.
/// Without `confirm`, only checks and returns the plan.
///
/// `login` gives the acting user: checked against the ledger when it opens,
/// else against the backup (the restore path of a damaged ledger). Restoring
/// needs the administrator's role when the books have users.
pub fn restore(
    ledger: &Path,
    backup: &Path,
    login: &dyn Fn(&mut Books) -> Result<Actor>,
    confirm: bool,
) -> Result<RestorePlan> {
    if same_file(ledger, backup) {
        return Err(SafetyError::RestoreSelf.into());
    }
    // Refused at once, before any login is recorded, when another jatebo
    // has the ledger open; the hold taken before the ledger moves is what
    // guarantees it.
    if confirm && crate::store::in_use(ledger) {
        return Err(SafetyError::LedgerInUse {
            path: ledger.display().to_string(),
        }
        .into());
    }
    // A look at the backup before copying anything: ours, readable.
    Store::open_read_only(backup)?;
    let stage = with_suffix(ledger, ".restore.part");
    remove_db_files(&stage);
    if let Some(dir) = ledger.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir)?;
    }
    let result = stage_and_check(ledger, backup, &stage, login, confirm);
    if result.is_err() || !confirm {
        remove_db_files(&stage);
    }
    result
}

fn stage_and_check(
    ledger: &Path,
    backup: &Path,
    stage: &Path,
    login: &dyn Fn(&mut Books) -> Result<Actor>,
    confirm: bool,
) -> Result<RestorePlan> {
    copy_synced(backup, stage)?;
    let mut staged = Books::open(stage, OpenMode::Existing)?;
    let report = staged.verify(None)?;
    // The staged copy has no heads file of its own history; only the
    // problems of the books themselves count.
    let problems: Vec<&Problem> = report
        .problems
        .iter()
        .filter(|p| !matches!(p, Problem::KnownHeads { .. } | Problem::HeadsFile { .. }))
        .collect();
    if let Some(first) = problems.first() {
        return Err(SafetyError::BackupDamaged {
            path: backup.display().to_string(),
            problems: problems.len(),
            first: crate::i18n::message(*first),
        }
        .into());
    }
    let theirs = staged.heads()?;
    let mut current = if ledger.exists() {
        Books::open(ledger, OpenMode::Existing).ok()
    } else {
        None
    };
    let ours = match &current {
        Some(b) => Some(b.heads()?),
        None => None,
    };
    if let Some(ours) = &ours
        && !same_books(ours, &theirs)
    {
        return Err(SafetyError::BackupForeign {
            path: backup.display().to_string(),
        }
        .into());
    }
    // Who may restore: the ledger's administrator, or the backup's when
    // the ledger cannot be opened.
    let actor = match current.as_mut() {
        Some(b) => {
            let a = login(b)?;
            authorize(&b.store.read(), &a, None, Action::Restore)?;
            a
        }
        None => {
            let a = login(&mut staged)?;
            authorize(&staged.store.read(), &a, None, Action::Restore)?;
            a
        }
    };
    let counts = |h: &Heads| -> Vec<(String, i64)> {
        h.orgs
            .iter()
            .map(|(c, o)| (c.clone(), o.chain_no))
            .collect()
    };
    let entries_lost: Vec<(String, i64)> = match &ours {
        Some(o) => o
            .orgs
            .iter()
            .map(|(c, h)| {
                let kept = theirs.orgs.get(c).map(|t| t.chain_no).unwrap_or(0);
                (c.clone(), (h.chain_no - kept).max(0))
            })
            .filter(|(_, n)| *n > 0)
            .collect(),
        None => Vec::new(),
    };
    let mut plan = RestorePlan {
        backup: backup.to_path_buf(),
        backup_entries: counts(&theirs),
        ledger_entries: ours.as_ref().map(counts),
        entries_lost,
        kept_aside: None,
    };
    if !confirm {
        return Ok(plan);
    }
    // From here no other process has the ledger open, and none can open
    // it until the restored books are in place.
    if let Some(b) = &current {
        b.store.checkpoint()?;
    }
    drop(current);
    let _alone = crate::store::hold_exclusive(ledger)?;
    let stamp = chrono::Local::now().format("%Y-%m-%d-%H%M%S");
    let aside = with_suffix(ledger, &format!(".replaced-{stamp}"));
    // The restore is recorded in the restored books before they replace
    // anything.
    let detail = format!(
        "{} -> {}",
        backup
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        aside
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    );
    let now = now();
    staged
        .store
        .write(|tx| tx.audit(&actor.name, "restore", "", &detail, &now))?;
    staged.store.checkpoint()?;
    let heads = staged.heads()?;
    drop(staged);
    remove_sidecars(stage);
    if ledger.exists() {
        keep_aside(ledger, &aside)?;
        plan.kept_aside = Some(aside.clone());
    }
    // Without a heads file, whichever books are at the ledger's path when
    // jatebo next opens it (these, or the old ones if the restore is cut
    // short) get a new one: no false "ledger behind".
    let hp = heads_path(ledger);
    if hp.exists() {
        let _ = std::fs::rename(&hp, heads_path(&aside));
    }
    // One rename puts the restored books in place of the old ones: the
    // ledger's path always holds one of them whole.
    std::fs::rename(stage, ledger).map_err(|e| Error::Io {
        path: ledger.to_path_buf(),
        detail: e.to_string(),
    })?;
    crate::store::sync_dir(ledger);
    crate::store::write_heads_file(&hp, &heads, &local_now())?;
    Ok(plan)
}

/// Keeps the ledger about to be replaced as `aside`, with any log files:
/// a second name for the same file (a hard link), so that the ledger's own
/// name keeps it until the restored books replace it in one rename; where
/// the filesystem has no hard links, a rename (the ledger's name is then
/// empty for a moment). Its log files move under the new name: they belong
/// to it, not to the restored books.
fn keep_aside(ledger: &Path, aside: &Path) -> Result<()> {
    let io = |p: &Path, e: std::io::Error| Error::Io {
        path: p.to_path_buf(),
        detail: e.to_string(),
    };
    for suffix in ["-wal", "-shm", "-journal"] {
        let from = with_suffix(ledger, suffix);
        if from.exists() {
            std::fs::rename(&from, with_suffix(aside, suffix)).map_err(|e| io(&from, e))?;
        }
    }
    if std::fs::hard_link(ledger, aside).is_err() {
        std::fs::rename(ledger, aside).map_err(|e| io(ledger, e))?;
    }
    crate::store::sync_dir(ledger);
    Ok(())
}

/// Copies a file and syncs the copy.
fn copy_synced(from: &Path, to: &Path) -> Result<()> {
    let io = |p: &Path, e: std::io::Error| Error::Io {
        path: p.to_path_buf(),
        detail: e.to_string(),
    };
    std::fs::copy(from, to).map_err(|e| io(from, e))?;
    std::fs::File::open(to)
        .and_then(|f| f.sync_all())
        .map_err(|e| io(to, e))?;
    Ok(())
}

/// Removes the files a staging database has beside it (only ever ours).
fn remove_sidecars(path: &Path) {
    for suffix in ["-wal", "-shm", "-journal", ".heads", ".lock"] {
        let _ = std::fs::remove_file(with_suffix(path, suffix));
    }
}

/// Removes a staging database and the files beside it.
fn remove_db_files(path: &Path) {
    let _ = std::fs::remove_file(path);
    remove_sidecars(path);
}

// ---- doctor -----------------------------------------------------------------

/// One thing `doctor` says about a ledger file.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    /// `ok`, `info`, `warn` or `problem`.
    pub level: &'static str,
    /// The translation key of the message.
    pub key: String,
    /// The message in the user's language.
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct DoctorReport {
    pub ledger: PathBuf,
    pub findings: Vec<Finding>,
}

impl DoctorReport {
    /// Whether something is damaged or missing (as opposed to advice).
    pub fn has_problems(&self) -> bool {
        self.findings.iter().any(|f| f.level == "problem")
    }
}

/// Explains a ledger file and what is around it: where it lives, leftover
/// log and temporary files, whether it opens and verifies, whether it is
/// behind its heads file or its newest backup, and its backups. Opens the
/// ledger read-only and never deletes, moves or writes anything.
pub fn doctor(ledger: &Path) -> DoctorReport {
    let mut out: Vec<Finding> = Vec::new();
    use crate::domain::MsgArg::{Int, Text};
    let shown = ledger.display().to_string();
    let Ok(meta) = std::fs::metadata(ledger) else {
        say(
            &mut out,
            "problem",
            "doctor-missing",
            vec![("path", Text(shown))],
        );
        return finish(ledger, out);
    };
    say(
        &mut out,
        "info",
        "doctor-file",
        vec![
            ("path", Text(shown.clone())),
            ("bytes", Int(meta.len() as i64)),
        ],
    );
    // Where it lives.
    let resolved = ledger
        .canonicalize()
        .unwrap_or_else(|_| ledger.to_path_buf());
    let mounts = std::fs::read_to_string("/proc/mounts")
        .map(|t| parse_mounts(&t))
        .unwrap_or_default();
    let syncthing = resolved.ancestors().any(|a| a.join(".stfolder").exists());
    for w in place_warnings(&resolved.to_string_lossy(), &mounts, syncthing) {
        let args = match &w {
            PlaceWarning::Removable { mount, fs_type }
            | PlaceWarning::Network { mount, fs_type } => {
                vec![
                    ("mount", Text(mount.clone())),
                    ("fs", Text(fs_type.clone())),
                ]
            }
            PlaceWarning::Synced { service } => vec![("service", Text(service.clone()))],
        };
        say(&mut out, "warn", w.key(), args);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            say(
                &mut out,
                "warn",
                "doctor-permissions",
                vec![("mode", Text(format!("{mode:o}")))],
            );
        }
    }
    // Files beside it.
    let wal = with_suffix(ledger, "-wal");
    if let Ok(m) = std::fs::metadata(&wal)
        && m.len() > 0
    {
        say(
            &mut out,
            "info",
            "doctor-wal",
            vec![("bytes", Int(m.len() as i64))],
        );
    }
    if with_suffix(ledger, "-journal").exists() {
        say(&mut out, "warn", "doctor-journal", vec![]);
    }
    if crate::store::in_use(ledger) {
        say(&mut out, "info", "doctor-in-use", vec![]);
    }
    for leftover in [".restore.part", ".part"] {
        let p = with_suffix(ledger, leftover);
        if p.exists() {
            say(
                &mut out,
                "warn",
                "doctor-leftover",
                vec![("path", Text(p.display().to_string()))],
            );
        }
    }
    if let Some(dir) = ledger.parent()
        && let Ok(entries) = std::fs::read_dir(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        })
    {
        let prefix = format!(
            "{}.replaced-",
            ledger
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        );
        let mut replaced: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| {
                n.starts_with(&prefix)
                    && !n.ends_with("-wal")
                    && !n.ends_with("-shm")
                    && !n.ends_with(".heads")
            })
            .collect();
        replaced.sort();
        for n in replaced {
            say(&mut out, "info", "doctor-replaced", vec![("name", Text(n))]);
        }
    }
    // Open and check, read-only.
    let unreadable = |out: &mut Vec<Finding>, e: &Error| {
        let detail = Text(crate::i18n::message(e));
        say(
            out,
            "problem",
            "doctor-unreadable",
            vec![("detail", detail)],
        );
    };
    let store = match Store::open_read_only(ledger) {
        Ok(s) => s,
        Err(e) => {
            unreadable(&mut out, &e);
            return finish(ledger, out);
        }
    };
    let books = Books { store };
    match books.verify(None) {
        Ok(r) if r.ok() => say(
            &mut out,
            "ok",
            "doctor-verified",
            vec![
                ("orgs", Int(r.organisations as i64)),
                ("entries", Int(r.entries)),
            ],
        ),
        Ok(r) => {
            let heads_only = r
                .problems
                .iter()
                .all(|p| matches!(p, Problem::KnownHeads { .. } | Problem::HeadsFile { .. }));
            for p in &r.problems {
                out.push(Finding {
                    level: "problem",
                    key: p.key().to_string(),
                    text: crate::i18n::message(p),
                });
            }
            if heads_only {
                say(&mut out, "problem", "doctor-rolled-back", vec![]);
            }
        }
        Err(e) => unreadable(&mut out, &e),
    }
    if !heads_path(ledger).exists() {
        say(&mut out, "info", "doctor-no-heads", vec![]);
    }
    behind_backups(ledger, &books, &mut out);
    finish(ledger, out)
}

/// Adds a finding with its message.
fn say(
    out: &mut Vec<Finding>,
    level: &'static str,
    key: &str,
    args: Vec<(&'static str, crate::domain::MsgArg)>,
) {
    out.push(Finding {
        level,
        key: key.to_string(),
        text: crate::i18n::tr_args(key, &args),
    });
}

/// Whether the ledger is behind its newest backup: a ledger put back to an
/// older copy, with its heads file, is still caught by its backups. (The
/// audit log is left out: the backup's own record follows it.)
fn behind_backups(ledger: &Path, books: &Books, out: &mut Vec<Finding>) {
    use crate::domain::MsgArg::Text;
    let Some(newest) = list_backups(ledger).ok().and_then(|mut all| all.pop()) else {
        return;
    };
    let Ok(found) = Store::open_read_only(&newest.path)
        .and_then(|b| b.read().heads())
        .and_then(|bh| books.store.read().compare_with(&bh))
    else {
        return;
    };
    for f in found.iter().filter(|f| {
        !matches!(
            f,
            HeadFinding::AuditBehind { .. } | HeadFinding::AuditRewritten { .. }
        )
    }) {
        say(
            out,
            "problem",
            "doctor-behind-backup",
            vec![
                ("backup", Text(newest.path.display().to_string())),
                ("detail", Text(crate::i18n::message(f))),
            ],
        );
    }
}

/// Ends the report with the backups.
fn finish(ledger: &Path, mut out: Vec<Finding>) -> DoctorReport {
    use crate::domain::MsgArg::{Date, Int, Text};
    let backups = list_backups(ledger).unwrap_or_default();
    match backups.last() {
        None => say(&mut out, "warn", "doctor-no-backup", vec![]),
        Some(b) => say(
            &mut out,
            "info",
            "doctor-backups",
            vec![
                ("count", Int(backups.len() as i64)),
                ("newest", Text(b.path.display().to_string())),
                ("at", Date(b.at.date())),
                ("time", Text(b.at.format("%H:%M").to_string())),
            ],
        ),
    }
    DoctorReport {
        ledger: ledger.to_path_buf(),
        findings: out,
    }
}
