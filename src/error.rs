//! The one error type users see. Every variant maps to a translated message
//! (see `assets/i18n/`), so the same failure reads in French or English.

use std::fmt;
use std::path::PathBuf;

use crate::domain::account::AccountError;
use crate::domain::chart::ChartError;
use crate::domain::coop::CoopError;
use crate::domain::ledger::{EntryNumber, LedgerError};
use crate::domain::money::MoneyError;
use crate::domain::period::PeriodError;
use crate::domain::text::TextError;
use crate::domain::{Message, MsgArg};

#[derive(Debug)]
pub enum Error {
    Money(MoneyError),
    Text {
        field: &'static str,
        error: TextError,
    },
    Account(AccountError),
    Chart(ChartError),
    Period(PeriodError),
    Ledger(LedgerError),
    Coop(CoopError),
    Surplus(crate::domain::surplus::SurplusError),
    Savings(crate::domain::savings::SavingsError),
    /// No ledger file where one was expected.
    NoLedger {
        path: PathBuf,
    },
    /// The file exists but is not a jatebo ledger; it was not touched.
    NotALedger {
        path: PathBuf,
    },
    /// The ledger was written by a newer jatebo; it was not touched.
    TooNew {
        path: PathBuf,
        found: i32,
        supported: i32,
    },
    /// SQLite refused to run the ledger in WAL mode.
    NoWal {
        mode: String,
    },
    /// Another process holds the write lock longer than the busy timeout.
    Busy,
    DiskFull,
    ReadOnly {
        path: PathBuf,
    },
    Corrupt {
        detail: String,
    },
    /// A guard of the schema (trigger, constraint) refused a write.
    Refused {
        detail: String,
    },
    Database {
        detail: String,
    },
    Io {
        path: PathBuf,
        detail: String,
    },
    UnknownOrg {
        code: String,
    },
    OrgExists {
        code: String,
    },
    BadOrgCode {
        code: String,
    },
    /// Several organisations and none chosen.
    OrgRequired {
        codes: String,
    },
    AccountExists {
        number: String,
    },
    AccountHasBalance {
        number: String,
        balance: i64,
    },
    AccountAlreadyClosed {
        number: String,
    },
    AccountNotClosed {
        number: String,
    },
    /// A charge or income account that moves in a year not yet closed.
    AccountMovesInOpenYear {
        number: String,
        year: i32,
    },
    /// An account may be created only under a class the chart knows.
    MissingResultAccount {
        number: String,
    },
    AlreadyClosed {
        period: String,
    },
    /// December closes with the year.
    DecemberWithYear {
        year: i32,
    },
    /// An earlier fiscal year must be closed first.
    EarlierYearOpen {
        year: i32,
    },
    /// The ledger already holds books; the demo is only made in an empty one.
    DemoNeedsEmpty {
        path: PathBuf,
    },
    /// A meeting sheet's line (or, `member`, a member's row at the close)
    /// that does not pass; nothing was recorded.
    Sheet {
        line: usize,
        detail: String,
        member: bool,
    },
    /// Bad line in a lines file.
    LinesFile {
        line: usize,
        detail: String,
    },
    BadLineArg {
        arg: String,
    },
    /// An entry failed its re-check on read.
    CorruptEntry {
        number: EntryNumber,
    },
    /// The ledger has users: this needs one to log in.
    LoginRequired,
    /// Unknown name, wrong passphrase or too many attempts: one answer.
    LoginRefused,
    /// No passphrase given and no terminal to ask on.
    PassphraseRequired,
    PassphraseMismatch,
    UnknownUser {
        name: String,
    },
    UserExists {
        name: String,
    },
    /// Every organisation must keep an administrator.
    LastAdmin,
    Access(crate::domain::access::AccessError),
    Secret(crate::domain::access::SecretError),
    /// The ledger failed the checks made before an export; nothing was
    /// written.
    ExportRefused {
        detail: String,
    },
    /// An export goes into a new or empty folder only.
    ExportDirNotEmpty {
        path: PathBuf,
    },
    /// `--json` output could not be produced.
    Json {
        detail: String,
    },
    /// The ledger could not be written (a failed write: the disk is full, a
    /// file-size limit, a failing medium). Nothing of the operation was
    /// recorded.
    WriteFailed {
        detail: String,
    },
    /// The disk did not confirm a commit (fsync failed). The operation was
    /// rolled back, but its data may have reached the log file and can
    /// reappear when the ledger is next opened (see docs/reliability.md).
    SyncFailed {
        detail: String,
    },
    /// An export could not be written (`full`: no space left, or a file-size
    /// limit); the files it had started were removed.
    ExportWriteFailed {
        dir: PathBuf,
        detail: String,
        full: bool,
    },
    /// A backup or a restore refused (see domain::safety).
    Safety(crate::domain::safety::SafetyError),
    /// The clock looks wrong; a user must confirm the business date.
    Clock(crate::domain::clock::ClockProblem),
    /// A business date confirmed while the clock looks wrong must not be
    /// before the last record.
    ClockDate {
        date: chrono::NaiveDate,
    },
}

pub type Result<T> = std::result::Result<T, Error>;

impl From<MoneyError> for Error {
    fn from(e: MoneyError) -> Self {
        Error::Money(e)
    }
}
impl From<AccountError> for Error {
    fn from(e: AccountError) -> Self {
        Error::Account(e)
    }
}
impl From<ChartError> for Error {
    fn from(e: ChartError) -> Self {
        Error::Chart(e)
    }
}
impl From<PeriodError> for Error {
    fn from(e: PeriodError) -> Self {
        Error::Period(e)
    }
}
impl From<crate::domain::surplus::SurplusError> for Error {
    fn from(e: crate::domain::surplus::SurplusError) -> Self {
        Error::Surplus(e)
    }
}
impl From<crate::domain::savings::SavingsError> for Error {
    fn from(e: crate::domain::savings::SavingsError) -> Self {
        Error::Savings(e)
    }
}
impl From<CoopError> for Error {
    fn from(e: CoopError) -> Self {
        Error::Coop(e)
    }
}
impl From<LedgerError> for Error {
    fn from(e: LedgerError) -> Self {
        Error::Ledger(e)
    }
}

// SQLite's extended I/O error codes (SQLITE_IOERR | n << 8).
const IOERR_WRITE: i32 = rusqlite::ffi::SQLITE_IOERR_WRITE;
const IOERR_FSYNC: i32 = rusqlite::ffi::SQLITE_IOERR_FSYNC;
const IOERR_DIR_FSYNC: i32 = rusqlite::ffi::SQLITE_IOERR_DIR_FSYNC;
const IOERR_TRUNCATE: i32 = rusqlite::ffi::SQLITE_IOERR_TRUNCATE;
const IOERR_SHMSIZE: i32 = rusqlite::ffi::SQLITE_IOERR_SHMSIZE;

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        if let rusqlite::Error::SqliteFailure(f, msg) = &e {
            let detail = msg.clone().unwrap_or_else(|| e.to_string());
            return match f.code {
                C::DatabaseBusy | C::DatabaseLocked => Error::Busy,
                C::DiskFull => Error::DiskFull,
                C::SystemIoFailure => match f.extended_code {
                    IOERR_FSYNC | IOERR_DIR_FSYNC => Error::SyncFailed { detail },
                    IOERR_WRITE | IOERR_TRUNCATE | IOERR_SHMSIZE => Error::WriteFailed { detail },
                    _ => Error::Database { detail },
                },
                C::ReadOnly => Error::ReadOnly {
                    path: PathBuf::new(),
                },
                C::DatabaseCorrupt | C::NotADatabase => Error::Corrupt { detail },
                C::ConstraintViolation => Error::Refused { detail },
                _ => Error::Database { detail },
            };
        }
        Error::Database {
            detail: e.to_string(),
        }
    }
}

fn p(path: &std::path::Path) -> MsgArg {
    MsgArg::Text(path.display().to_string())
}

impl Message for Error {
    fn key(&self) -> &'static str {
        use Error::*;
        match self {
            Money(e) => e.key(),
            Safety(e) => e.key(),
            Clock(e) => e.key(),
            ClockDate { .. } => "clock-date-refused",
            Text { error, .. } => error.key(),
            Account(e) => e.key(),
            Chart(e) => e.key(),
            Period(e) => e.key(),
            Ledger(e) => e.key(),
            Coop(e) => e.key(),
            Surplus(e) => e.key(),
            Savings(e) => e.key(),
            NoLedger { .. } => "error-no-ledger",
            NotALedger { .. } => "error-not-a-ledger",
            TooNew { .. } => "error-too-new",
            NoWal { .. } => "error-no-wal",
            Busy => "error-busy",
            DiskFull => "error-disk-full",
            ReadOnly { .. } => "error-read-only",
            Corrupt { .. } => "error-corrupt",
            ExportRefused { .. } => "error-export-refused",
            ExportDirNotEmpty { .. } => "error-export-dir-not-empty",
            Refused { .. } => "error-refused",
            Database { .. } => "error-database",
            Io { .. } => "error-io",
            UnknownOrg { .. } => "error-unknown-org",
            OrgExists { .. } => "error-org-exists",
            BadOrgCode { .. } => "error-bad-org-code",
            OrgRequired { .. } => "error-org-required",
            AccountExists { .. } => "error-account-exists",
            AccountHasBalance { .. } => "error-account-has-balance",
            AccountAlreadyClosed { .. } => "error-account-already-closed",
            AccountNotClosed { .. } => "error-account-not-closed",
            AccountMovesInOpenYear { .. } => "error-account-moves-in-open-year",
            MissingResultAccount { .. } => "error-missing-result-account",
            AlreadyClosed { .. } => "error-already-closed",
            DecemberWithYear { .. } => "error-december-with-year",
            EarlierYearOpen { .. } => "error-earlier-year-open",
            DemoNeedsEmpty { .. } => "error-demo-needs-empty",
            LinesFile { .. } => "error-lines-file",
            Sheet { member: false, .. } => "error-sheet-line",
            Sheet { member: true, .. } => "error-meeting-row",
            BadLineArg { .. } => "error-bad-line-arg",
            CorruptEntry { .. } => "error-corrupt-entry",
            Json { .. } => "error-json",
            WriteFailed { .. } => "error-write-failed",
            SyncFailed { .. } => "error-sync-failed",
            ExportWriteFailed { full: true, .. } => "error-export-disk-full",
            ExportWriteFailed { full: false, .. } => "error-export-write-failed",
            LoginRequired => "error-login-required",
            LoginRefused => "error-login-refused",
            PassphraseRequired => "error-passphrase-required",
            PassphraseMismatch => "error-passphrase-mismatch",
            UnknownUser { .. } => "error-unknown-user",
            UserExists { .. } => "error-user-exists",
            LastAdmin => "error-last-admin",
            Access(e) => e.key(),
            Secret(e) => e.key(),
        }
    }

    fn args(&self) -> Vec<(&'static str, MsgArg)> {
        use Error::*;
        let t = |s: &str| MsgArg::Text(s.to_string());
        match self {
            Money(e) => e.args(),
            Safety(e) => e.args(),
            Clock(e) => e.args(),
            ClockDate { date } => vec![("date", MsgArg::Date(*date))],
            Text { field, error } => {
                let mut a = error.args();
                a.push(("field", t(field)));
                a
            }
            Account(e) => e.args(),
            Chart(e) => e.args(),
            Period(e) => e.args(),
            Ledger(e) => e.args(),
            Coop(e) => e.args(),
            Surplus(e) => e.args(),
            Savings(e) => e.args(),
            NoLedger { path }
            | NotALedger { path }
            | ReadOnly { path }
            | DemoNeedsEmpty { path }
            | ExportDirNotEmpty { path } => {
                vec![("path", p(path))]
            }
            TooNew {
                path,
                found,
                supported,
            } => vec![
                ("path", p(path)),
                ("found", i64::from(*found).into()),
                ("supported", i64::from(*supported).into()),
            ],
            NoWal { mode } => vec![("mode", t(mode))],
            Busy | DiskFull => vec![],
            Corrupt { detail }
            | Refused { detail }
            | Database { detail }
            | Json { detail }
            | WriteFailed { detail }
            | SyncFailed { detail }
            | ExportRefused { detail } => {
                vec![("detail", t(detail))]
            }
            Io { path, detail } => vec![("path", p(path)), ("detail", t(detail))],
            ExportWriteFailed { dir, detail, .. } => {
                vec![("path", p(dir)), ("detail", t(detail))]
            }
            UnknownOrg { code } | OrgExists { code } | BadOrgCode { code } => {
                vec![("code", t(code))]
            }
            OrgRequired { codes } => vec![("codes", t(codes))],
            AccountMovesInOpenYear { number, year } => {
                vec![("number", t(number)), ("year", i64::from(*year).into())]
            }
            AccountExists { number }
            | AccountAlreadyClosed { number }
            | AccountNotClosed { number }
            | MissingResultAccount { number } => vec![("number", t(number))],
            AccountHasBalance { number, balance } => vec![
                ("number", t(number)),
                ("balance", MsgArg::Amount(balance.abs())),
                ("side", t(if *balance < 0 { "credit" } else { "debit" })),
            ],
            AlreadyClosed { period } => vec![("period", t(period))],
            DecemberWithYear { year } | EarlierYearOpen { year } => {
                vec![("year", i64::from(*year).into())]
            }
            LinesFile { line, detail } => vec![("line", (*line).into()), ("detail", t(detail))],
            Sheet { line, detail, .. } => vec![("line", (*line).into()), ("detail", t(detail))],
            BadLineArg { arg } => vec![("arg", t(arg))],
            CorruptEntry { number } => vec![("number", t(&number.to_string()))],
            LoginRequired | LoginRefused | PassphraseRequired | PassphraseMismatch | LastAdmin => {
                vec![]
            }
            UnknownUser { name } | UserExists { name } => vec![("name", t(name))],
            Access(e) => e.args(),
            Secret(e) => e.args(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::message(self))
    }
}

impl std::error::Error for Error {}
