//! Two processes on one file, for a while (issue 7, part 3): a treasurer and
//! a second writer post entries, each through its own stream of real `jatebo`
//! processes, while an auditor exports the month and reads the trial balance,
//! all on the same ledger at the same time. Nothing may fail, nothing may say
//! the ledger is busy, every acknowledged entry must be in the file exactly
//! once, and nothing else.
//!
//! 20 seconds in CI; for a long run:
//!
//! ```text
//! JATEBO_SOAK_SECS=600 cargo test --test soak --release -- --nocapture
//! ```
//!
//! See docs/reliability.md.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Output;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::{Ledger, describe};
use jatebo::domain::ledger::Side;
use jatebo::service::Books;
use jatebo::store::{JournalQuery, OpenMode};
use serde_json::Value;

const DEFAULT_SECS: u64 = 20;
const MONTH: &str = "2026-03";

fn soak_secs() -> u64 {
    match std::env::var("JATEBO_SOAK_SECS") {
        Ok(v) => v
            .trim()
            .parse()
            .unwrap_or_else(|e| panic!("JATEBO_SOAK_SECS={v}: {e}")),
        Err(_) => DEFAULT_SECS,
    }
}

/// Runs `jatebo <args…>` to completion; it must exit 0 with nothing on
/// stderr (a busy or locked ledger would show there). Returns the output and
/// how long the process took, from spawn to exit.
fn run_ok(l: &Ledger, args: &[String]) -> Result<(Output, Duration), String> {
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let started = Instant::now();
    let out = l
        .command(&a)
        .output()
        .map_err(|e| format!("cannot run jatebo: {e}"))?;
    let took = started.elapsed();
    if out.status.code() != Some(0) || !out.stderr.is_empty() {
        return Err(format!("a process failed:\n{}", describe(&a, &out)));
    }
    let text = String::from_utf8_lossy(&out.stdout).to_lowercase();
    if text.contains("occupé") || text.contains("busy") || text.contains("locked") {
        return Err(format!(
            "a busy ledger reached the user:\n{}",
            describe(&a, &out)
        ));
    }
    Ok((out, took))
}

/// Numbers (`2026-000123`) from the `Écriture N° … enregistrée.` lines.
fn acknowledged_numbers(stdout: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(stdout)
        .lines()
        .filter(|line| line.contains("enregistrée"))
        .filter_map(|line| {
            let pos = line.find("N° ")?;
            let n: String = line[pos + "N° ".len()..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '-')
                .collect();
            (n.len() == "2026-000001".len()).then_some(n)
        })
        .collect()
}

/// What a writer was told it recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Posted {
    key: String,
    amount: i64,
}

#[derive(Default, Debug)]
struct WriterReport {
    processes: u64,
    acknowledged: BTreeMap<String, Posted>,
    max_latency: Duration,
    total_latency: Duration,
}

/// A writer: single posts, one process after another, until the deadline.
/// `prefix` makes its idempotency keys its own; `base` its amounts.
fn writer(
    l: &Ledger,
    prefix: &str,
    base: i64,
    deadline: Instant,
    stop: &AtomicBool,
) -> Result<WriterReport, String> {
    let mut r = WriterReport::default();
    let mut i = 0u64;
    while Instant::now() < deadline && !stop.load(Ordering::Relaxed) {
        i += 1;
        let key = format!("{prefix}-{i}");
        let amount = base + (i as i64 % 997);
        let date = format!("{MONTH}-{:02}", 1 + i % 28);
        let memo = format!("Soak {prefix} n° {i}");
        let args: Vec<String> = [
            "--org", "coop", "entry", "add", "--date", &date, "--ref", &key, "--memo", &memo,
            "--key", &key,
        ]
        .map(String::from)
        .into_iter()
        .chain([
            format!("--debit=5711={amount}"),
            format!("--credit=70211={amount}"),
        ])
        .collect();
        let (out, took) = run_ok(l, &args)?;
        r.processes += 1;
        r.max_latency = r.max_latency.max(took);
        r.total_latency += took;
        let numbers = acknowledged_numbers(&out.stdout);
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        if numbers.len() != 1 {
            return Err(format!(
                "expected exactly one acknowledged number:\n{}",
                describe(&a, &out)
            ));
        }
        let n = numbers.into_iter().next().expect("one number");
        if r.acknowledged
            .insert(n.clone(), Posted { key, amount })
            .is_some()
        {
            return Err(format!("{prefix}: number {n} acknowledged twice"));
        }
    }
    Ok(r)
}

#[derive(Default, Debug)]
struct AuditorReport {
    exports: u64,
    balances: u64,
}

/// The auditor: exports the month into a new folder (which must verify) and
/// reads the trial balance (which must be balanced and never shrink), in turn.
fn auditor(l: &Ledger, deadline: Instant, stop: &AtomicBool) -> Result<AuditorReport, String> {
    let mut r = AuditorReport::default();
    let mut last_debit = 0i64;
    let mut i = 0u64;
    while Instant::now() < deadline && !stop.load(Ordering::Relaxed) {
        i += 1;
        let dir: PathBuf = l.dir.path().join(format!("export-{i}"));
        let args: Vec<String> = [
            "--org",
            "coop",
            "export",
            "--month",
            MONTH,
            "--out",
            &dir.display().to_string(),
        ]
        .map(String::from)
        .to_vec();
        run_ok(l, &args)?;
        let check = jatebo::export::verify_export(&dir, None)
            .map_err(|e| format!("verify_export {}: {e:?}", dir.display()))?;
        if !check.ok() {
            return Err(format!(
                "export {} does not verify: {check:#?}",
                dir.display()
            ));
        }
        r.exports += 1;

        let args: Vec<String> = ["--org", "coop", "--json", "balance"]
            .map(String::from)
            .to_vec();
        let (out, _) = run_ok(l, &args)?;
        let v: Value = serde_json::from_slice(&out.stdout)
            .map_err(|e| format!("invalid balance JSON ({e}): {}", common::stdout(&out)))?;
        let reports = v
            .as_array()
            .ok_or_else(|| format!("balance: not an array: {v}"))?;
        for b in reports {
            let t = &b["totals"];
            let (d, c) = (t["debit"].as_i64(), t["credit"].as_i64());
            let (cd, cc) = (t["closing_debit"].as_i64(), t["closing_credit"].as_i64());
            if b["balanced"] != true || d.is_none() || d != c || cd != cc {
                return Err(format!("unbalanced trial balance: {b}"));
            }
            let d = d.expect("debit");
            if d < last_debit {
                return Err(format!(
                    "the trial balance went backwards: {last_debit} then {d}"
                ));
            }
            last_debit = d;
        }
        r.balances += 1;
    }
    Ok(r)
}

/// The first failure stops the other roles (no point soaking on).
fn stop_on_error<T>(stop: &AtomicBool, r: Result<T, String>) -> Result<T, String> {
    if r.is_err() {
        stop.store(true, Ordering::Relaxed);
    }
    r
}

#[test]
fn treasurer_second_writer_and_auditor_for_a_while() {
    let secs = soak_secs();
    let l = Ledger::with_coop();
    let started = Instant::now();
    let deadline = started + Duration::from_secs(secs);
    let stop = AtomicBool::new(false);

    let (treasurer, second, audit) = std::thread::scope(|s| {
        let t = s.spawn(|| stop_on_error(&stop, writer(&l, "tresorier", 1_000, deadline, &stop)));
        let w = s.spawn(|| stop_on_error(&stop, writer(&l, "second", 50_000, deadline, &stop)));
        let a = s.spawn(|| stop_on_error(&stop, auditor(&l, deadline, &stop)));
        (
            t.join().expect("treasurer thread"),
            w.join().expect("second writer thread"),
            a.join().expect("auditor thread"),
        )
    });
    let elapsed = started.elapsed();
    let errors: Vec<String> = [
        treasurer.as_ref().err(),
        second.as_ref().err(),
        audit.as_ref().err(),
    ]
    .into_iter()
    .flatten()
    .cloned()
    .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n\n"));
    let (treasurer, second, audit) = (
        treasurer.expect("ok"),
        second.expect("ok"),
        audit.expect("ok"),
    );

    // No number given to both writers.
    let mut acknowledged = treasurer.acknowledged.clone();
    let mut duplicates = Vec::new();
    for (n, p) in &second.acknowledged {
        if let Some(other) = acknowledged.insert(n.clone(), p.clone()) {
            duplicates.push(format!("{n}: {other:?} and {p:?}"));
        }
    }
    assert!(
        duplicates.is_empty(),
        "numbers given twice: {duplicates:#?}"
    );

    // The file: intact, one chain, and exactly the acknowledged entries.
    let books = Books::open(&l.path, OpenMode::Existing).expect("the ledger opens");
    let integrity = books
        .store()
        .read()
        .integrity_check()
        .expect("integrity_check");
    assert!(
        integrity.is_empty(),
        "PRAGMA integrity_check: {integrity:?}"
    );
    let report = books.verify(None).expect("verify runs");
    assert!(report.ok(), "verify: {:#?}", report.problems);
    let org = books.org("coop").expect("org coop");
    let journal = books
        .journal(&org, &JournalQuery::default())
        .expect("journal");
    assert_eq!(journal.len() as i64, org.entries, "journal vs chain head");
    let mut in_file: BTreeMap<String, Posted> = BTreeMap::new();
    for v in &journal {
        let e = &v.entry;
        let debit: i64 = e
            .lines
            .iter()
            .filter(|l| l.side == Side::Debit)
            .map(|l| l.amount.francs())
            .sum();
        let previous = in_file.insert(
            e.number.to_string(),
            Posted {
                key: e.idem_key.clone(),
                amount: debit,
            },
        );
        assert!(previous.is_none(), "number {} twice in the file", e.number);
    }
    let missing: Vec<_> = acknowledged
        .iter()
        .filter(|(n, p)| in_file.get(*n) != Some(*p))
        .collect();
    let extra: Vec<_> = in_file
        .keys()
        .filter(|n| !acknowledged.contains_key(*n))
        .collect();
    assert!(
        missing.is_empty(),
        "acknowledged but missing or different: {missing:#?}"
    );
    assert!(
        extra.is_empty(),
        "in the file but never acknowledged: {extra:#?}"
    );
    // Gapless: 2026-000001 … 2026-N, in order.
    let want: Vec<String> = (1..=acknowledged.len())
        .map(|i| format!("2026-{i:06}"))
        .collect();
    let got: Vec<String> = in_file.keys().cloned().collect();
    assert_eq!(got, want, "numbering is not gapless");

    let posts = treasurer.processes + second.processes;
    let max_latency = treasurer.max_latency.max(second.max_latency);
    let mean_latency = (treasurer.total_latency + second.total_latency) / posts.max(1) as u32;
    eprintln!(
        "soak: {:.1}s treasurer={} posts, second writer={} posts, auditor={} exports + {} balances; \
         acknowledged={} in-file={} exports verified={} duplicates=0 missing=0 failures=0 \
         max post latency={} ms (mean {} ms)",
        elapsed.as_secs_f64(),
        treasurer.processes,
        second.processes,
        audit.exports,
        audit.balances,
        acknowledged.len(),
        journal.len(),
        audit.exports,
        max_latency.as_millis(),
        mean_latency.as_millis(),
    );
    assert!(
        treasurer.processes > 0 && second.processes > 0 && audit.exports > 0,
        "a role never ran"
    );
}
