//! The only place that speaks SQL. Opening a ledger file (with the pragmas
//! money needs), migrations, reads, and the write transaction through which
//! every entry is posted.

mod coop;
mod export;
mod read;
mod reports;
mod safety;
mod savings;
pub mod schema;
mod write;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::error::{Error, Result};
pub use coop::*;
pub use read::*;
pub use safety::{
    BackupInfo, heads_path, hold_exclusive, in_use, local_now, lock_path, read_heads_file,
    sync_dir, with_suffix, write_file_atomic, write_heads_file,
};
pub use savings::*;
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};
pub use write::*;

/// How long a writer waits for another process's transaction before giving
/// up. Posting transactions last milliseconds; this covers an export or a
/// long bulk import in the other process.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Whether a missing file may be created.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenMode {
    Existing,
    CreateIfMissing,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Whether commits keep the heads file beside the ledger up to date
    /// (not for in-memory ledgers, read-only looks or relaxed builds).
    heads_file: bool,
    /// The business date was confirmed by a user although the clock looked
    /// wrong: posting may go on (see [`crate::domain::clock`]).
    clock_confirmed: bool,
    /// The shared hold on `<ledger>.lock` while the ledger is open (see
    /// [`safety::lock_path`]). Last, so that it is released after the
    /// connection has closed.
    _presence: Option<std::fs::File>,
}

/// What a look at a file found.
#[derive(Debug, PartialEq, Eq)]
enum Probe {
    Missing,
    /// An empty SQLite file (or zero bytes): may become a ledger.
    Empty,
    Ledger,
}

/// Whose file it is, from its `application_id`, `user_version` and whether
/// it has any schema: ours (of a version we read), an empty database that
/// may become ours, or refused.
fn classify(path: &Path, app_id: i32, version: i32, has_schema: bool) -> Result<Probe> {
    if app_id == APPLICATION_ID {
        if version > SCHEMA_VERSION {
            return Err(Error::TooNew {
                path: path.to_path_buf(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        return Ok(Probe::Ledger);
    }
    if app_id == 0 && version == 0 && !has_schema {
        return Ok(Probe::Empty);
    }
    Err(Error::NotALedger {
        path: path.to_path_buf(),
    })
}

/// Looks at a file without opening it with SQLite, so that a file we refuse
/// is left exactly as it was (SQLite would create `-wal`/`-shm` files beside
/// a WAL database even when opening it read-only). Reads the 100-byte SQLite
/// header: magic string, schema cookie (offset 40), `user_version` (60) and
/// `application_id` (68), all big-endian.
fn probe(path: &Path) -> Result<Probe> {
    use std::io::Read;
    let io = |e: std::io::Error| Error::Io {
        path: path.to_path_buf(),
        detail: e.to_string(),
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Probe::Missing),
        Err(e) => return Err(io(e)),
    };
    let not_ledger = || Error::NotALedger {
        path: path.to_path_buf(),
    };
    if !meta.is_file() {
        return Err(not_ledger());
    }
    if meta.len() == 0 {
        return Ok(Probe::Empty);
    }
    let mut header = [0u8; 100];
    let mut f = std::fs::File::open(path).map_err(io)?;
    f.read_exact(&mut header).map_err(|_| not_ledger())?;
    if &header[..16] != b"SQLite format 3\0" {
        return Err(not_ledger());
    }
    let be = |at: usize| i32::from_be_bytes(header[at..at + 4].try_into().expect("4 bytes"));
    let (schema_cookie, version, app_id) = (be(40), be(60), be(68));
    classify(path, app_id, version, schema_cookie != 0)
}

/// Creates a folder (and those above it) readable by its owner only: the
/// ledger's, its backups'.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    let made = {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
    };
    #[cfg(not(unix))]
    let made = std::fs::create_dir_all(dir);
    made.map_err(|e| Error::Io {
        path: dir.to_path_buf(),
        detail: e.to_string(),
    })
}

/// Creates an empty file readable and writable by its owner only, whatever
/// the umask, before SQLite opens it: SQLite would make it 0644, and gives
/// the `-wal` and `-shm` files beside it the permissions of the database
/// file, so they are private too. Fails if the file exists.
#[cfg(unix)]
fn create_private_file(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    // `mode` is filtered by the umask, which can only remove bits: set it
    // exactly all the same.
    f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    Ok(f)
}

#[cfg(not(unix))]
fn create_private_file(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::NoWal { mode });
    }
    // FULL: with NORMAL a committed entry can vanish in a power cut.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "trusted_schema", "OFF")?;
    conn.set_prepared_statement_cache_capacity(64);
    // Query-planner stability: plans do not depend on bound values, so a
    // cached statement is not re-prepared each time it is reused (measured:
    // the account-month journal went from ~100 ms to ~40 ms on 1 M entries).
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )?;
    Ok(())
}

impl Store {
    /// Opens (or creates) a ledger. A file that is not a jatebo ledger, or
    /// comes from a newer jatebo, is refused before anything is written to it.
    pub fn open(path: &Path, mode: OpenMode) -> Result<Store> {
        let found = probe(path)?;
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        match found {
            Probe::Missing if mode == OpenMode::Existing => {
                return Err(Error::NoLedger {
                    path: path.to_path_buf(),
                });
            }
            Probe::Missing => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    create_private_dir(dir)?;
                }
                // Another process may have created it meanwhile: then
                // SQLite opens theirs, as before.
                match create_private_file(path) {
                    Ok(_) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                    Err(e) => {
                        return Err(Error::Io {
                            path: path.to_path_buf(),
                            detail: e.to_string(),
                        });
                    }
                }
                flags |= OpenFlags::SQLITE_OPEN_CREATE;
            }
            Probe::Empty | Probe::Ledger => {}
        }
        // Before SQLite opens the file: a restore waits for no one.
        let presence = safety::hold_shared(path);
        let read_only = |e: rusqlite::Error| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ReadOnly => {
                Error::ReadOnly {
                    path: path.to_path_buf(),
                }
            }
            other => Error::from(other),
        };
        let conn = Connection::open_with_flags(path, flags).map_err(read_only)?;
        // Until the file is known to be ours, closing the connection must not
        // checkpoint a write-ahead log into it: a refused file stays as it was.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // The header can lag behind a log that was never checkpointed: ask
        // SQLite, which reads through the log.
        let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version = Self::user_version(&conn)?;
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        let owner = classify(path, app_id, version, tables > 0)?;
        if owner == Probe::Empty && mode == OpenMode::Existing {
            return Err(Error::NoLedger {
                path: path.to_path_buf(),
            });
        }
        configure(&conn).map_err(|e| match e {
            Error::ReadOnly { .. } => Error::ReadOnly {
                path: path.to_path_buf(),
            },
            other => other,
        })?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            heads_file: true,
            clock_confirmed: false,
            _presence: presence,
        };
        store.migrate()?;
        store
            .conn
            .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;
        // A ledger without a heads file (new, or from before they existed)
        // gets one now; an existing one only moves forward.
        let heads = store.read().heads()?;
        store.advance_heads_file(&heads);
        Ok(store)
    }

    /// A private in-memory ledger, for tests and previews.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )?;
        conn.pragma_update(None, "trusted_schema", "OFF")?;
        let mut store = Store {
            conn,
            path: PathBuf::from(":memory:"),
            heads_file: false,
            clock_confirmed: false,
            _presence: None,
        };
        store.migrate()?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn user_version(conn: &Connection) -> Result<i32> {
        Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Brings the schema up to date, in one transaction, after a verified
    /// backup of an existing ledger.
    fn migrate(&mut self) -> Result<()> {
        let before = Self::user_version(&self.conn)?;
        if before == SCHEMA_VERSION {
            return Ok(());
        }
        if before > 0 && self.path != Path::new(":memory:") {
            let backup = self
                .path
                .with_extension(format!("pre-v{}.backup", SCHEMA_VERSION));
            self.backup_to(&backup)?;
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have migrated while we waited for the lock.
        let v = Self::user_version(&tx)?;
        if v > SCHEMA_VERSION {
            return Err(Error::TooNew {
                path: self.path.clone(),
                found: v,
                supported: SCHEMA_VERSION,
            });
        }
        if v == 0 {
            // An "empty" file must really be empty: never add our tables to
            // somebody else's database.
            let tables: i64 =
                tx.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
            if tables > 0 {
                return Err(Error::NotALedger {
                    path: self.path.clone(),
                });
            }
        }
        for m in &schema::MIGRATIONS[v as usize..] {
            tx.execute_batch(m)?;
        }
        if v == 0 {
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('created_by', ?1)",
                [concat!("jatebo ", env!("CARGO_PKG_VERSION"))],
            )?;
        }
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        tx.commit()?;
        Ok(())
    }

    /// Copies the ledger with SQLite's online backup API to a temporary
    /// name, checks the copy, syncs it and renames it into place (the copy
    /// kept before a migration; [`Store::backup`] is the user's backup).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        let tmp = with_suffix(dest, ".part");
        let result = (|| {
            self.online_copy(&tmp)?;
            let copy = Store::open_read_only(&tmp)?;
            let problems = copy.read().integrity_check()?;
            drop(copy);
            if !problems.is_empty() {
                return Err(Error::Corrupt {
                    detail: problems.join("; "),
                });
            }
            safety::sync_and_rename(&tmp, dest)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }

    /// Lets entries be recorded although the clock looks wrong, once a user
    /// confirmed the business date (for the life of this open ledger).
    pub fn confirm_clock(&mut self) {
        self.clock_confirmed = true;
    }

    pub fn clock_confirmed(&self) -> bool {
        self.clock_confirmed
    }

    /// While building a throw-away ledger (the demo, a benchmark), commits
    /// need not wait for the disk: `true` sets `synchronous = OFF`. `false`
    /// puts `FULL` back and checkpoints, which syncs everything written so
    /// far. Never used for a real ledger.
    pub fn relaxed_durability(&mut self, relaxed: bool) -> Result<()> {
        if relaxed {
            self.conn.pragma_update(None, "synchronous", "OFF")?;
            self.heads_file = false;
        } else {
            self.conn.pragma_update(None, "synchronous", "FULL")?;
            self.conn
                .query_row("PRAGMA wal_checkpoint(FULL)", [], |_| Ok(()))?;
            self.heads_file = self.path != Path::new(":memory:");
            if self.heads_file {
                let heads = self.read().heads()?;
                self.advance_heads_file(&heads);
            }
        }
        Ok(())
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction: all of it is
    /// committed, or none of it.
    pub fn write<T>(&mut self, f: impl FnOnce(&mut WriteTx<'_>) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        let named = move |e: Error| match e {
            Error::ReadOnly { .. } => Error::ReadOnly { path: path.clone() },
            other => other,
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| named(e.into()))?;
        let mut w = WriteTx::new(tx);
        w.clock_confirmed = self.clock_confirmed;
        let value = f(&mut w).map_err(&named)?;
        // The heads as this transaction leaves them, for the heads file.
        let heads = if self.heads_file {
            w.read().heads().ok()
        } else {
            None
        };
        w.commit().map_err(named)?;
        if let Some(h) = heads {
            self.advance_heads_file(&h);
        }
        Ok(value)
    }

    /// Direct access for tests that tamper with a ledger behind the app's
    /// back. Not used by the application.
    #[doc(hidden)]
    pub fn raw_connection(&self) -> &Connection {
        &self.conn
    }
}
