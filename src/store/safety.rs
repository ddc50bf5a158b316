//! The ledger file's safety outside the database: the heads file beside it,
//! backups through SQLite's online backup API, opening a file read-only to
//! look at it, and the files and mounts around it.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::{Reader, Store};
use crate::domain::safety::{
    HEADS_FORMAT, HeadFinding, Heads, HeadsFile, OrgHead, SafetyError, compare_heads,
};
use crate::error::{Error, Result};

impl Reader<'_> {
    /// The tips of every chain, read from the entries and the audit log
    /// themselves (not from the cached heads of the organisations).
    pub fn heads(&self) -> Result<Heads> {
        let mut heads = Heads::default();
        let mut st = self.conn.prepare_cached(
            "SELECT o.code, o.genesis,
                    (SELECT e.chain_no FROM entries e WHERE e.org_id = o.id
                     ORDER BY e.chain_no DESC LIMIT 1),
                    (SELECT e.hash FROM entries e WHERE e.org_id = o.id
                     ORDER BY e.chain_no DESC LIMIT 1)
             FROM orgs o ORDER BY o.code",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        for row in rows {
            let (code, genesis, n, hash) = row?;
            heads.orgs.insert(
                code,
                OrgHead {
                    hash: hash.unwrap_or_else(|| genesis.clone()),
                    genesis,
                    chain_no: n.unwrap_or(0),
                },
            );
        }
        if let Some((id, hash)) = self
            .conn
            .prepare_cached("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")?
            .query_row([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .optional()?
        {
            heads.audit_count = id;
            heads.audit_hash = hash;
        }
        Ok(heads)
    }

    /// Hash of an organisation's entry at a chain position.
    pub fn entry_hash_at(&self, org_code: &str, chain_no: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT e.hash FROM entries e JOIN orgs o ON o.id = e.org_id
                 WHERE o.code = ?1 AND e.chain_no = ?2",
            )?
            .query_row(rusqlite::params![org_code, chain_no], |r| r.get(0))
            .optional()?)
    }

    /// The latest time recorded in the ledger (UTC): of the last entry or
    /// the last audit record, whichever is later.
    pub fn last_recorded_at(&self) -> Result<Option<chrono::NaiveDateTime>> {
        let entry: Option<String> = self
            .conn
            .prepare_cached("SELECT recorded_at FROM entries ORDER BY id DESC LIMIT 1")?
            .query_row([], |r| r.get(0))
            .optional()?;
        let audit: Option<String> = self
            .conn
            .prepare_cached("SELECT at FROM audit_log ORDER BY id DESC LIMIT 1")?
            .query_row([], |r| r.get(0))
            .optional()?;
        Ok([entry, audit]
            .into_iter()
            .flatten()
            .filter_map(|s| chrono::DateTime::parse_from_rfc3339(&s).ok())
            .map(|t| t.naive_utc())
            .max())
    }

    /// Hash of the audit record at a position.
    pub fn audit_hash_at(&self, position: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT hash FROM audit_log WHERE id = ?1")?
            .query_row([position], |r| r.get(0))
            .optional()?)
    }

    /// What is wrong with this ledger compared with heads known earlier.
    pub fn compare_with(&self, known: &Heads) -> Result<Vec<HeadFinding>> {
        Ok(self.compare_heads(known, &self.heads()?))
    }

    /// [`compare_heads`] of `known` and `now`, looking up in this ledger the
    /// entries and audit records at the known positions. Lookups that fail
    /// read as "not found": the comparison then reports the position as
    /// rewritten, which `verify` explains.
    pub fn compare_heads(&self, known: &Heads, now: &Heads) -> Vec<HeadFinding> {
        compare_heads(
            known,
            now,
            |org, n| self.entry_hash_at(org, n).ok().flatten(),
            |n| self.audit_hash_at(n).ok().flatten(),
        )
    }
}

/// The heads file of a ledger: `<ledger>.heads`, beside it.
pub fn heads_path(ledger: &Path) -> PathBuf {
    with_suffix(ledger, ".heads")
}

/// The presence lock of a ledger: `<ledger>.lock`, beside it. Every process
/// that opens the ledger holds a shared lock on this file for as long as it
/// has it open; a restore takes it exclusively, so it never replaces the file
/// under a jatebo running in another window or session. The file itself is
/// empty and stays (it is never a sign of trouble).
pub fn lock_path(ledger: &Path) -> PathBuf {
    with_suffix(ledger, ".lock")
}

/// Opens (creating it private if needed) the presence lock of `ledger`.
fn open_lock_file(ledger: &Path) -> std::io::Result<std::fs::File> {
    let lp = lock_path(ledger);
    match super::create_private_file(&lp) {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            std::fs::OpenOptions::new().read(true).open(&lp)
        }
        other => other,
    }
}

/// A shared hold on the presence lock, for as long as the ledger is open.
/// Waits while a restore holds it (a few renames), so that a process never
/// opens the file a restore is about to move aside. `None` when the lock
/// file cannot be made (a read-only folder): the ledger still opens, and a
/// restore elsewhere just cannot see this process.
pub(super) fn hold_shared(ledger: &Path) -> Option<std::fs::File> {
    let f = open_lock_file(ledger).ok()?;
    f.lock_shared().ok()?;
    Some(f)
}

/// The ledger for this process alone, for a restore: refused when another
/// process holds it open. Released when the file returned is dropped.
/// `None` where the filesystem has no file locks (some network or FUSE
/// mounts, which `doctor` warns against): the restore then goes on as if
/// nobody else had it open, as before the lock existed.
pub fn hold_exclusive(ledger: &Path) -> Result<Option<std::fs::File>> {
    let f = open_lock_file(ledger).map_err(io_err(ledger))?;
    match f.try_lock() {
        Ok(()) => Ok(Some(f)),
        Err(std::fs::TryLockError::WouldBlock) => Err(SafetyError::LedgerInUse {
            path: ledger.display().to_string(),
        }
        .into()),
        Err(std::fs::TryLockError::Error(_)) => Ok(None),
    }
}

/// Whether another process has the ledger open right now, for `doctor`:
/// looks at an existing presence lock without creating anything.
pub fn in_use(ledger: &Path) -> bool {
    let Ok(f) = std::fs::File::open(lock_path(ledger)) else {
        return false;
    };
    match f.try_lock() {
        Ok(()) => {
            let _ = f.unlock();
            false
        }
        Err(std::fs::TryLockError::WouldBlock) => true,
        Err(std::fs::TryLockError::Error(_)) => false,
    }
}

/// `path` with `suffix` appended to its file name (`a.db` → `a.db.part`).
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::Io {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}

/// Reads a heads file: None when there is none; an error when it is there
/// but unreadable (which says something happened to it).
pub fn read_heads_file(path: &Path) -> Result<Option<HeadsFile>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_err(path)(e)),
    };
    let file: HeadsFile = serde_json::from_str(&text).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })?;
    if file.format != HEADS_FORMAT {
        return Err(Error::Io {
            path: path.to_path_buf(),
            detail: format!("format {}", file.format),
        });
    }
    Ok(Some(file))
}

/// Writes a file so that it is either the old one or the whole new one:
/// a temporary name, synced, renamed over. The folder is not synced: this
/// writes the heads file after every commit, and a rename lost in a power
/// cut leaves the previous heads, which only lag behind the ledger (never a
/// false alarm); the content itself is synced before the rename, so the
/// file is never found torn. (Measured with `jatebo-bench coop-day`: the
/// folder's fsync took a sale's median from 1.9 ms to 3.2 ms.)
pub fn write_file_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    // A name of this process's own: two processes committing at the same
    // moment must not write into one temporary file.
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = with_suffix(path, &format!(".{}-{n}.part", std::process::id()));
    let result = (|| {
        let mut f = super::create_private_file(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        Ok(())
    })();
    result.map_err(|e: std::io::Error| {
        let _ = std::fs::remove_file(&tmp);
        io_err(path)(e)
    })
}

/// Makes a rename in the file's folder durable (best effort: not every
/// system lets a folder be synced).
pub fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(d) = std::fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
}

/// Syncs a finished temporary file, renames it to its final name and makes
/// the rename durable.
pub(super) fn sync_and_rename(tmp: &Path, dest: &Path) -> Result<()> {
    std::fs::File::open(tmp)
        .and_then(|f| f.sync_all())
        .map_err(io_err(tmp))?;
    std::fs::rename(tmp, dest).map_err(io_err(dest))?;
    sync_dir(dest);
    Ok(())
}

pub fn write_heads_file(path: &Path, heads: &Heads, written_at: &str) -> Result<()> {
    let file = HeadsFile {
        format: HEADS_FORMAT.to_string(),
        written_at: written_at.to_string(),
        heads: heads.clone(),
    };
    let mut json = serde_json::to_string_pretty(&file).expect("heads serialise");
    json.push('\n');
    write_file_atomic(path, json.as_bytes())
}

/// What a backup holds.
#[derive(Clone, Debug)]
pub struct BackupInfo {
    pub path: PathBuf,
    pub bytes: u64,
    pub heads: Heads,
}

impl Store {
    /// Writes the heads file after a commit, from heads read inside the
    /// transaction. It only moves forward: when the file on disk knows more
    /// (another process committed since) or disagrees with the ledger (a
    /// roll-back to be reported), it is left as it is.
    pub(super) fn advance_heads_file(&self, heads: &Heads) {
        let path = heads_path(&self.path);
        let known = match read_heads_file(&path) {
            Ok(k) => k,
            // Unreadable: leave it for `doctor` to show.
            Err(_) => return,
        };
        if let Some(k) = &known {
            if k.heads == *heads {
                return;
            }
            // Behind what the file knows (another process committed and
            // wrote it since), or disagreeing with it: leave it.
            if !self.read().compare_heads(&k.heads, heads).is_empty() {
                return;
            }
        }
        // A failure here loses nothing: the heads file only lags.
        let _ = write_heads_file(&path, heads, &local_now());
    }

    /// Copies the ledger to `dest` with SQLite's online backup API: into
    /// `dest.part`, as one consistent state of the file, then checked
    /// (integrity, ours, the same chain heads as the ledger at that state),
    /// synced and renamed to `dest`. On any failure nothing is left at
    /// `dest` and the temporary file is removed.
    pub fn backup(&self, dest: &Path) -> Result<BackupInfo> {
        let tmp = with_suffix(dest, ".part");
        let result = self.backup_into(&tmp, dest);
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
            let _ = std::fs::remove_file(with_suffix(&tmp, "-journal"));
        }
        result
    }

    fn backup_into(&self, tmp: &Path, dest: &Path) -> Result<BackupInfo> {
        if dest.exists() {
            return Err(Error::Io {
                path: dest.to_path_buf(),
                detail: "exists".into(),
            });
        }
        // One read transaction: the heads and the pages copied are the
        // same state of the file.
        let snapshot = self.conn.unchecked_transaction()?;
        let heads = self.read().heads()?;
        self.online_copy(tmp)?;
        drop(snapshot);
        // Reopen the copy the way a restore would, and check it.
        let copy_heads = {
            let copy = Store::open_read_only(tmp)?;
            let problems = copy.read().integrity_check()?;
            if !problems.is_empty() {
                return Err(Error::Corrupt {
                    detail: problems.join("; "),
                });
            }
            copy.read().heads()?
        };
        if copy_heads != heads {
            return Err(Error::Corrupt {
                detail: "backup heads differ from the ledger".into(),
            });
        }
        sync_and_rename(tmp, dest)?;
        let bytes = std::fs::metadata(dest).map_err(io_err(dest))?.len();
        Ok(BackupInfo {
            path: dest.to_path_buf(),
            bytes,
            heads,
        })
    }

    /// Copies every page of the ledger into a new private file `tmp` with
    /// SQLite's online backup API, in one step (within the caller's read
    /// transaction, if any), as a standalone file (no write-ahead log).
    pub(super) fn online_copy(&self, tmp: &Path) -> Result<()> {
        use rusqlite::backup::{Backup, StepResult};
        let _ = std::fs::remove_file(tmp);
        super::create_private_file(tmp).map_err(io_err(tmp))?;
        let mut out = Connection::open(tmp)?;
        {
            let b = Backup::new(&self.conn, &mut out)?;
            let mut tries = 0;
            loop {
                match b.step(-1)? {
                    StepResult::Done => break,
                    StepResult::More => {}
                    _ if tries < 300 => {
                        tries += 1;
                        std::thread::sleep(std::time::Duration::from_millis(100));
                    }
                    _ => return Err(Error::Busy),
                }
            }
        }
        let mode: String = out.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(Error::NoWal { mode });
        }
        Ok(())
    }

    /// Opens a file to look at it and never write to it: a backup, or a
    /// ledger `doctor` explains. Refuses a file that is not a jatebo ledger
    /// or is too new, as [`Store::open`] does; does not migrate.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        match super::probe(path)? {
            super::Probe::Missing => {
                return Err(Error::NoLedger {
                    path: path.to_path_buf(),
                });
            }
            super::Probe::Empty => {
                return Err(Error::NoLedger {
                    path: path.to_path_buf(),
                });
            }
            super::Probe::Ledger => {}
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        // A write-ahead-log ledger with no log beside it is open nowhere
        // and has nothing outside the file: read it as immutable, so that
        // looking at it does not create the -wal and -shm files. With a log
        // there, read through it (another jatebo may be using the file).
        let conn = if is_wal_file(path) && !with_suffix(path, "-wal").exists() {
            Connection::open_with_flags(
                format!("file:{}?immutable=1", uri_path(path)),
                flags | OpenFlags::SQLITE_OPEN_URI,
            )?
        } else {
            Connection::open_with_flags(path, flags)?
        };
        conn.busy_timeout(super::BUSY_TIMEOUT)?;
        conn.pragma_update(None, "trusted_schema", "OFF")?;
        let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version = Self::user_version(&conn)?;
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        super::classify(path, app_id, version, tables > 0)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            heads_file: false,
            clock_confirmed: false,
            _presence: None,
        })
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i32> {
        Self::user_version(&self.conn)
    }

    /// Checkpoints the write-ahead log into the file and empties it, so the
    /// file alone holds everything (before it is moved aside).
    pub fn checkpoint(&self) -> Result<()> {
        let busy: i64 = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        if busy != 0 {
            return Err(Error::Busy);
        }
        Ok(())
    }
}

/// Whether the file's header says it uses a write-ahead log (bytes 18 and
/// 19 are 2).
fn is_wal_file(path: &Path) -> bool {
    use std::io::Read;
    let mut h = [0u8; 20];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut h))
        .is_ok()
        && h[18] == 2
        && h[19] == 2
}

/// A path as the path part of an SQLite `file:` URI: every byte outside
/// the unreserved set and `/` percent-encoded.
fn uri_path(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::new();
    for b in abs.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Local time, to the second, as file names and the heads file show it.
pub fn local_now() -> String {
    chrono::Local::now().format("%Y-%m-%dT%H:%M:%S").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::OpenMode;

    #[test]
    fn the_presence_lock_keeps_a_restore_off_an_open_ledger() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("registre.db");
        assert!(!in_use(&path), "no lock file yet: nobody has it open");
        let store = Store::open(&path, OpenMode::CreateIfMissing).unwrap();
        assert!(in_use(&path));
        let refused = hold_exclusive(&path).unwrap_err();
        assert!(
            matches!(
                &refused,
                Error::Safety(SafetyError::LedgerInUse { path: p }) if p.ends_with("registre.db")
            ),
            "{refused:?}"
        );
        drop(store);
        assert!(!in_use(&path));
        // Read-only looks (doctor, a backup's check) do not hold it.
        let look = Store::open_read_only(&path).unwrap();
        let alone = hold_exclusive(&path).unwrap().expect("locks work here");
        assert!(in_use(&path), "the restore's own hold shows too");
        drop(alone);
        drop(look);
        // Many may have it open at once.
        let a = Store::open(&path, OpenMode::Existing).unwrap();
        let b = Store::open(&path, OpenMode::Existing).unwrap();
        assert!(hold_exclusive(&path).is_err());
        drop((a, b));
        assert!(hold_exclusive(&path).unwrap().is_some());
    }
}
