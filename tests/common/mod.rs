//! Shared helpers for the end-to-end tests: run the real `jatebo` binary
//! against a ledger in a private temporary directory, with a controlled
//! environment (French unless `--lang` says otherwise, user `test`, no
//! `JATEBO_DB` / `JATEBO_ORG` inherited from the machine running the tests).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The binary under test, built by Cargo for these tests.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_jatebo")
}

/// A `jatebo --db <db> <args…>` command with a clean environment, not yet run.
pub fn command(db: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(bin());
    c.arg("--db")
        .arg(db)
        .args(args)
        .env_remove("JATEBO_DB")
        .env_remove("JATEBO_ORG")
        .env_remove("JATEBO_LANG")
        .env("JATEBO_USER", "test")
        .stdin(Stdio::null());
    c
}

/// Runs `jatebo --db <db> <args…>` to completion.
pub fn run(db: &Path, args: &[&str]) -> Output {
    command(db, args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", bin()))
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The exit code; a process killed by a signal counts as -1.
pub fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// Everything about a run, for assertion messages.
pub fn describe(args: &[&str], o: &Output) -> String {
    format!(
        "jatebo {}\n  exit: {:?}\n  stdout: {}\n  stderr: {}",
        args.join(" "),
        o.status.code(),
        stdout(o),
        stderr(o)
    )
}

/// A ledger path in its own temporary directory (removed when dropped).
pub struct Ledger {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    /// Who commands log in as, once the ledger has users (the demo's
    /// administrator for the demo ledger); a test's own `JATEBO_USER` /
    /// `JATEBO_PASSPHRASE` set on a command replaces it.
    pub login: Option<(&'static str, &'static str)>,
}

impl Ledger {
    /// A path where no file exists yet.
    pub fn new() -> Ledger {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("registre.db");
        Ledger {
            dir,
            path,
            login: None,
        }
    }

    /// An empty ledger made by `jatebo init`.
    pub fn init() -> Ledger {
        let l = Ledger::new();
        l.ok(&["init"]);
        l
    }

    /// The demo ledger (three organisations, June–November 2026).
    pub fn demo() -> Ledger {
        let mut l = Ledger::new();
        l.ok(&["demo"]);
        l.login = Some(("Awa Traoré", "jatebo-demo"));
        l
    }

    /// An initialised ledger with one cooperative, `coop`.
    pub fn with_coop() -> Ledger {
        let l = Ledger::init();
        l.ok(&[
            "org",
            "add",
            "--code",
            "coop",
            "--name",
            "Coop Savon",
            "--kind",
            "coop",
        ]);
        l
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = command(&self.path, args);
        if let Some((user, pass)) = self.login {
            c.env("JATEBO_USER", user).env("JATEBO_PASSPHRASE", pass);
        }
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args)
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", bin()))
    }

    /// Runs a command that must succeed (exit 0, nothing on stderr); returns
    /// its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert_eq!(code(&o), 0, "expected success:\n{}", describe(args, &o));
        assert!(
            o.stderr.is_empty(),
            "unexpected stderr:\n{}",
            describe(args, &o)
        );
        stdout(&o)
    }

    /// Runs a command that must be refused: exit 1, stdout empty, the
    /// message on stderr. Returns stderr.
    pub fn fail(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert_eq!(code(&o), 1, "expected a refusal:\n{}", describe(args, &o));
        assert!(
            o.stdout.is_empty(),
            "a refusal must print nothing on stdout:\n{}",
            describe(args, &o)
        );
        let err = stderr(&o);
        assert!(
            err.contains("erreur") || err.contains("error"),
            "the refusal must say it is an error:\n{}",
            describe(args, &o)
        );
        err
    }

    /// Runs `jatebo --json <args…>`, which must succeed, and parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.ok(&all);
        serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("invalid JSON from jatebo {}: {e}\n{out}", all.join(" ")))
    }

    /// The journal of an organisation (`None`: the only one), as JSON.
    pub fn journal(&self, org: Option<&str>) -> Value {
        let mut args = vec!["journal"];
        if let Some(o) = org {
            args.extend(["--org", o]);
        }
        self.json(&args)
    }

    /// The entry numbers of the journal of an organisation, in journal order.
    pub fn numbers(&self, org: Option<&str>) -> Vec<String> {
        numbers(&self.journal(org))
    }

    /// Posts a two-line entry through the CLI; returns its number.
    pub fn post(&self, org: &str, date: &str, memo: &str, debit: &str, credit: &str) -> String {
        let d = format!("--debit={debit}");
        let c = format!("--credit={credit}");
        let v = self.json(&[
            "--org", org, "entry", "add", "--date", date, "--ref", "PJ-1", "--memo", memo, &d, &c,
        ]);
        assert_eq!(v["status"], "recorded", "{v}");
        v["entry"]["number"]
            .as_str()
            .expect("entry number")
            .to_string()
    }

    /// `jatebo --json verify`.
    pub fn verify_json(&self) -> (i32, Value) {
        let args = ["--json", "verify"];
        let o = self.run(&args);
        let v = serde_json::from_slice(&o.stdout)
            .unwrap_or_else(|e| panic!("invalid JSON ({e}):\n{}", describe(&args, &o)));
        (code(&o), v)
    }

    /// Asserts that `jatebo verify` finds nothing wrong.
    pub fn assert_verified(&self) {
        let out = self.ok(&["verify"]);
        assert!(out.contains("tout est en ordre"), "{out}");
    }

    pub fn bytes(&self) -> Vec<u8> {
        std::fs::read(&self.path).expect("ledger file")
    }
}

/// The `number` of every entry of a journal, in order.
pub fn numbers(journal: &Value) -> Vec<String> {
    journal
        .as_array()
        .expect("journal is an array")
        .iter()
        .map(|e| e["number"].as_str().expect("number").to_string())
        .collect()
}

/// `2026-000001` … `2026-00000n`.
pub fn expected_numbers(year: i32, n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("{year}-{i:06}")).collect()
}

/// `path` with `suffix` appended to its file name (`x.db` → `x.db-wal`).
pub fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// `inner` run under another program: `program <before…> <inner's program>
/// <inner's arguments>`, with inner's environment and no input (a shell
/// that limits it, strace, faketime).
#[allow(dead_code)]
pub fn under(program: &str, before: &[&str], inner: &Command) -> Command {
    let mut c = Command::new(program);
    c.args(before)
        .arg(inner.get_program())
        .args(inner.get_args());
    for (k, v) in inner.get_envs() {
        match v {
            Some(v) => c.env(k, v),
            None => c.env_remove(k),
        };
    }
    c.stdin(Stdio::null());
    c
}

/// A count or seed from the environment (decimal, or hexadecimal with
/// `0x`), for the long runs of the fault loops; `default` otherwise.
pub fn env_u64(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => {
            let t = v.trim();
            let parsed = match t.strip_prefix("0x") {
                Some(hex) => u64::from_str_radix(hex, 16),
                None => t.parse(),
            };
            parsed.unwrap_or_else(|e| panic!("{name}={v}: {e}"))
        }
        Err(_) => default,
    }
}

/// Families of translation keys (`journal`, `coop`…): the part before the
/// first hyphen of every key in the translation files.
fn key_families() -> &'static std::collections::BTreeSet<String> {
    static FAMILIES: std::sync::OnceLock<std::collections::BTreeSet<String>> =
        std::sync::OnceLock::new();
    FAMILIES.get_or_init(|| {
        let mut out = std::collections::BTreeSet::new();
        for src in jatebo::i18n::SOURCES_FR
            .iter()
            .chain(jatebo::i18n::SOURCES_EN)
        {
            for line in src.lines() {
                if let Some((k, _)) = line.split_once(" =")
                    && let Some((family, _)) = k.split_once('-')
                    && !family.is_empty()
                    && family.chars().all(|c| c.is_ascii_lowercase())
                {
                    out.insert(family.to_string());
                }
            }
        }
        out
    })
}

/// Words on screen that look like translation keys: a missing translation
/// shows its key (`journal-footer`), an existing one should never show.
pub fn message_keys(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
        .filter(|w| {
            let parts: Vec<&str> = w.split('-').collect();
            parts.len() > 1
                && parts.iter().all(|p| !p.is_empty())
                && (jatebo::i18n::has_key(w) || key_families().contains(parts[0]))
        })
        .map(str::to_string)
        .collect()
}
