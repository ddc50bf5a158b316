//! The TUI's log: a plain text file beside the ledger (`jatebo.log`),
//! never the screen. It says what happened (logins, posts, errors), never a
//! passphrase or an amount typed in a form. Kept under 1 MiB: the old file
//! becomes `jatebo.log.1`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

static FILE: Mutex<Option<PathBuf>> = Mutex::new(None);

const MAX_BYTES: u64 = 1024 * 1024;

/// Starts logging into `dir/jatebo.log`.
pub fn init(dir: &Path) {
    if let Ok(mut f) = FILE.lock() {
        *f = Some(dir.join("jatebo.log"));
    }
}

fn write(level: &str, msg: &str) {
    let Ok(guard) = FILE.lock() else {
        return;
    };
    let Some(path) = guard.as_ref() else {
        return;
    };
    if std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_BYTES) {
        let _ = std::fs::rename(path, path.with_extension("log.1"));
    }
    let line = format!(
        "{} {level} {}\n",
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        msg.replace('\n', " ")
    );
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = f.write_all(line.as_bytes());
    }
}

pub fn info(msg: &str) {
    write("INFO", msg);
}

pub fn warn(msg: &str) {
    write("WARN", msg);
}

pub fn error(msg: &str) {
    write("ERROR", msg);
}
