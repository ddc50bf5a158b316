//! The crash loop (issue 7, part 1): the real `jatebo` binary writes to a
//! ledger and is killed with SIGKILL at random moments; after every kill the
//! ledger is reopened the normal way and must be intact, and every entry the
//! program said it had recorded must be there, unchanged.
//!
//! Seeded and reproducible as far as a kill can be (the sequence of
//! operations and delays is; where in its work each process is when the
//! signal lands depends on the machine):
//!
//! ```text
//! JATEBO_CRASH_KILLS=2000 JATEBO_CRASH_SEED=42 cargo test --test crash --release
//! ```
//!
//! See docs/reliability.md.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

use common::{Ledger, describe, env_u64};
use jatebo::domain::ledger::{PostedEntry, Side};
use jatebo::service::Books;
use jatebo::service::demo::Rng;
use jatebo::store::{JournalQuery, OpenMode};

/// Kills in CI (processes actually killed, not those that finished first).
const DEFAULT_KILLS: u64 = 150;
const DEFAULT_SEED: u64 = 0x4A54_424F_2026_0007;
/// A kill lands after 0 to this many microseconds.
const MAX_DELAY_US: u64 = 40_000;
/// Lines of the bulk entry (half debits, half credits).
const BULK_LINES: usize = 200;

/// Prints how to reproduce a failing run, whatever assertion failed.
struct SeedOnPanic {
    seed: u64,
    kills: u64,
}

impl Drop for SeedOnPanic {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!(
                "crash loop failed: reproduce with JATEBO_CRASH_SEED={:#x} JATEBO_CRASH_KILLS={} \
                 cargo test --test crash",
                self.seed, self.kills
            );
        }
    }
}

/// What the program said it recorded: enough to recognise the entry.
#[derive(Clone, Debug)]
struct Expected {
    date: String,
    memo: String,
    key: String,
    lines: usize,
    debits: i64,
    /// The entry as first read back after it was acknowledged; it must never
    /// change afterwards (hash included).
    seen: Option<PostedEntry>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Post,
    Bulk,
    Close,
    Export,
}

impl Op {
    fn pick(rng: &mut Rng) -> Op {
        match rng.below(100) {
            0..=69 => Op::Post,
            70..=84 => Op::Bulk,
            85..=91 => Op::Export,
            _ => Op::Close,
        }
    }
}

#[derive(Default, Debug)]
struct Counts {
    rounds: u64,
    kills: u64,
    finished: u64,
    posts: u64,
    bulks: u64,
    closes: u64,
    exports: u64,
    exports_checked: u64,
    acknowledged: u64,
    /// Acknowledged by a process that was then killed (its number line was
    /// printed in full before the signal).
    acknowledged_by_killed: u64,
    /// Committed, but the process died before saying so: allowed.
    unacknowledged_committed: u64,
    lost: u64,
    corruptions: u64,
}

/// Extracts `2026-000123` from `Écriture N° 2026-000123 enregistrée.`; only
/// whole lines count (a line cut by the kill acknowledges nothing).
fn acknowledged_numbers(stdout: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(stdout);
    let mut out = Vec::new();
    let mut rest: &str = &text;
    while let Some(end) = rest.find('\n') {
        let line = &rest[..end];
        rest = &rest[end + 1..];
        if !line.contains("enregistrée") {
            continue;
        }
        if let Some(pos) = line.find("N° ") {
            let n: String = line[pos + "N° ".len()..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '-')
                .collect();
            if n.len() == "2026-000001".len() {
                out.push(n);
            }
        }
    }
    out
}

/// Spawns `jatebo` with piped output.
fn spawn(l: &Ledger, args: &[String]) -> Child {
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    l.command(&a)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn jatebo")
}

/// Waits `delay`, then kills the child if it is still running. Returns its
/// output and whether it was killed (false: it finished first).
fn kill_after(mut child: Child, delay: Duration) -> (Output, bool) {
    if !delay.is_zero() {
        std::thread::sleep(delay);
    }
    let running = child.try_wait().expect("try_wait").is_none();
    if running {
        // SIGKILL on Unix.
        child.kill().expect("kill jatebo");
    }
    let out = child.wait_with_output().expect("wait for jatebo");
    // It may have exited on its own between try_wait and kill.
    let killed = running && out.status.code().is_none();
    (out, killed)
}

/// The month after `YYYY-MM`.
fn month_after(m: &str) -> (i32, u32) {
    let (y, mm) = m.split_once('-').expect("YYYY-MM");
    let (y, mm): (i32, u32) = (y.parse().expect("year"), mm.parse().expect("month"));
    if mm == 12 { (y + 1, 1) } else { (y, mm + 1) }
}

/// Reopens the ledger the normal way and checks everything; returns the
/// first open month, and the number of lost acknowledged entries and of
/// corruptions (each with a description).
fn check(
    path: &Path,
    expected: &mut BTreeMap<String, Expected>,
    counts: &mut Counts,
) -> (i32, u32) {
    let books = match Books::open(path, OpenMode::Existing) {
        Ok(b) => b,
        Err(e) => {
            counts.corruptions += 1;
            panic!("the ledger no longer opens: {e:?}");
        }
    };
    let integrity = books
        .store()
        .read()
        .integrity_check()
        .expect("integrity_check");
    if !integrity.is_empty() {
        counts.corruptions += 1;
        panic!("PRAGMA integrity_check: {integrity:?}");
    }
    let report = books.verify(None).expect("verify runs");
    if !report.ok() {
        counts.corruptions += 1;
        panic!("verify found problems: {:#?}", report.problems);
    }
    let org = books.org("coop").expect("org coop");
    let journal = books
        .journal(&org, &JournalQuery::default())
        .expect("journal");
    assert_eq!(
        journal.len() as i64,
        org.entries,
        "the journal and the chain head disagree on the number of entries"
    );
    let by_number: BTreeMap<String, &PostedEntry> = journal
        .iter()
        .map(|v| (v.entry.number.to_string(), &v.entry))
        .collect();
    let mut problems = Vec::new();
    for (number, want) in expected.iter_mut() {
        let Some(&got) = by_number.get(number) else {
            counts.lost += 1;
            problems.push(format!("acknowledged entry {number} is missing ({want:?})"));
            continue;
        };
        let debits: i64 = got
            .lines
            .iter()
            .filter(|l| l.side == Side::Debit)
            .map(|l| l.amount.francs())
            .sum();
        let same = got.date.to_string() == want.date
            && got.memo == want.memo
            && got.idem_key == want.key
            && got.lines.len() == want.lines
            && debits == want.debits;
        if !same {
            counts.lost += 1;
            problems.push(format!(
                "acknowledged entry {number} differs: expected {want:?}, found {got:?}"
            ));
            continue;
        }
        match &want.seen {
            Some(seen) if seen != got => {
                counts.lost += 1;
                problems.push(format!(
                    "entry {number} changed since it was first read: {seen:?} → {got:?}"
                ));
            }
            Some(_) => {}
            None => want.seen = Some(got.clone()),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    match &org.closed_through {
        Some(m) => month_after(m),
        None => (2026, 1),
    }
}

fn bulk_file(path: &Path, rng: &mut Rng) -> i64 {
    let mut s = String::from("compte;sens;montant;libellé\n");
    let mut total = 0;
    for i in 0..BULK_LINES / 2 {
        let a = 1 + rng.below(50_000) as i64;
        total += a;
        s.push_str(&format!("5711;D;{a};vente ticket {i}\n"));
        s.push_str(&format!("70211;C;{a};savons lot {i}\n"));
    }
    std::fs::write(path, s).expect("write lines file");
    total
}

#[test]
fn sigkill_at_random_moments_loses_nothing_acknowledged() {
    let seed = env_u64("JATEBO_CRASH_SEED", DEFAULT_SEED);
    let kills = env_u64("JATEBO_CRASH_KILLS", DEFAULT_KILLS);
    let _guard = SeedOnPanic { seed, kills };
    let mut rng = Rng(seed);
    let started = Instant::now();

    let l = Ledger::with_coop();
    let lines_file = l.dir.path().join("lignes.csv");
    let mut expected: BTreeMap<String, Expected> = BTreeMap::new();
    let mut counts = Counts::default();
    let mut month = (2026, 1);

    // Rounds go on until that many processes were actually killed (those
    // that finish first do not count), with a cap in case the machine is so
    // fast that nothing is ever caught.
    let mut round = 0u64;
    while counts.kills < kills {
        assert!(
            round < 20 * kills.max(1),
            "{round} rounds for {} kills: processes finish before any delay",
            counts.kills
        );
        round += 1;
        counts.rounds += 1;
        let op = Op::pick(&mut rng);
        let (year, m) = month;
        let date = format!("{year}-{m:02}-{:02}", 1 + rng.below(28));
        let key = format!("crash-{seed:x}-{round}");
        let memo = format!("Crash round {round}");
        // What this attempt would record, if it is acknowledged.
        let mut pending: Option<Expected> = None;
        let mut export_dir = None;
        let mut args: Vec<String> = vec!["--org".into(), "coop".into()];
        match op {
            Op::Post | Op::Bulk => {
                args.extend(
                    [
                        "entry", "add", "--date", &date, "--ref", &key, "--memo", &memo, "--key",
                        &key,
                    ]
                    .map(String::from),
                );
                let (lines, debits) = if op == Op::Post {
                    counts.posts += 1;
                    let a = 1 + rng.below(1_000_000) as i64;
                    args.push(format!("--debit=5711={a}"));
                    args.push(format!("--credit=70211={a}"));
                    (2, a)
                } else {
                    counts.bulks += 1;
                    let total = bulk_file(&lines_file, &mut rng);
                    args.push("--file".into());
                    args.push(lines_file.display().to_string());
                    (BULK_LINES, total)
                };
                pending = Some(Expected {
                    date: date.clone(),
                    memo: memo.clone(),
                    key: key.clone(),
                    lines,
                    debits,
                    seen: None,
                });
            }
            Op::Close => {
                counts.closes += 1;
                args.extend(["period", "close"].map(String::from));
                if m == 12 {
                    args.extend(["--year".to_string(), year.to_string()]);
                } else {
                    args.extend(["--month".to_string(), format!("{year}-{m:02}")]);
                }
            }
            Op::Export => {
                counts.exports += 1;
                let dir = l.dir.path().join(format!("export-{round}"));
                args.extend(
                    [
                        "export",
                        "--month",
                        &format!("{year}-{m:02}"),
                        "--out",
                        &dir.display().to_string(),
                    ]
                    .map(String::from),
                );
                export_dir = Some(dir);
            }
        }

        // Mostly within the life of a short process (a post takes 10-20 ms),
        // sometimes up to the whole range.
        let max = if rng.below(4) == 0 {
            MAX_DELAY_US
        } else {
            MAX_DELAY_US / 2
        };
        let delay = Duration::from_micros(rng.below(max + 1));
        let (out, killed) = kill_after(spawn(&l, &args), delay);
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        if killed {
            counts.kills += 1;
        } else {
            counts.finished += 1;
            assert_eq!(
                out.status.code(),
                Some(0),
                "round {round}: a process that was not killed failed:\n{}",
                describe(&a, &out)
            );
            if let Some(dir) = &export_dir {
                let c = jatebo::export::verify_export(dir, None).expect("verify_export runs");
                assert!(
                    c.ok(),
                    "round {round}: finished export does not verify: {c:#?}"
                );
                counts.exports_checked += 1;
            }
        }
        let numbers = acknowledged_numbers(&out.stdout);
        if let Some(want) = pending {
            assert!(
                numbers.len() <= 1,
                "round {round}: several numbers for one entry:\n{}",
                describe(&a, &out)
            );
            if let Some(n) = numbers.into_iter().next() {
                counts.acknowledged += 1;
                if killed {
                    counts.acknowledged_by_killed += 1;
                }
                let previous = expected.insert(n.clone(), want);
                assert!(previous.is_none(), "round {round}: number {n} given twice");
            } else if !killed {
                panic!(
                    "round {round}: finished without a number:\n{}",
                    describe(&a, &out)
                );
            }
        }

        month = check(&l.path, &mut expected, &mut counts);
    }

    // Entries in the file that nobody was told about: the kill landed
    // between the commit and the message. Allowed, only counted.
    let books = Books::open(&l.path, OpenMode::Existing).expect("open");
    let org = books.org("coop").expect("org");
    let journal = books
        .journal(&org, &JournalQuery::default())
        .expect("journal");
    let ours = journal
        .iter()
        .filter(|v| v.entry.idem_key.starts_with("crash-"))
        .count() as u64;
    counts.unacknowledged_committed = ours - counts.acknowledged;

    eprintln!(
        "crash loop: seed={seed:#x} rounds={} kills={} finished-before-kill={} \
         (posts={} bulk={} closes={} exports={}, exports verified={}) acknowledged={} \
         (of which printed by a killed process={}) committed-unacknowledged={} entries-in-file={} \
         lost={} corruptions={} time={:.1}s",
        counts.rounds,
        counts.kills,
        counts.finished,
        counts.posts,
        counts.bulks,
        counts.closes,
        counts.exports,
        counts.exports_checked,
        counts.acknowledged,
        counts.acknowledged_by_killed,
        counts.unacknowledged_committed,
        journal.len(),
        counts.lost,
        counts.corruptions,
        started.elapsed().as_secs_f64()
    );
    assert_eq!(counts.lost, 0);
    assert_eq!(counts.corruptions, 0);
}

#[test]
fn sigkill_right_after_spawn_leaves_a_ledger_that_opens_and_verifies() {
    let l = Ledger::with_coop();
    let lines_file = l.dir.path().join("lignes.csv");
    let mut rng = Rng(DEFAULT_SEED);
    bulk_file(&lines_file, &mut rng);
    let mut killed = 0;
    for round in 0..20 {
        let key = format!("early-{round}");
        let mut args: Vec<String> = [
            "--org",
            "coop",
            "entry",
            "add",
            "--date",
            "2026-03-10",
            "--ref",
            &key,
            "--memo",
            "Tuée au démarrage",
            "--key",
            &key,
        ]
        .map(String::from)
        .to_vec();
        if round % 2 == 0 {
            args.extend(["--debit=5711=1500".into(), "--credit=70211=1500".into()]);
        } else {
            args.extend(["--file".into(), lines_file.display().to_string()]);
        }
        let (_, k) = kill_after(spawn(&l, &args), Duration::ZERO);
        killed += u32::from(k);
        let books = Books::open(&l.path, OpenMode::Existing)
            .unwrap_or_else(|e| panic!("round {round}: the ledger no longer opens: {e:?}"));
        let integrity = books.store().read().integrity_check().expect("integrity");
        assert!(integrity.is_empty(), "round {round}: {integrity:?}");
        let report = books.verify(None).expect("verify runs");
        assert!(report.ok(), "round {round}: {:#?}", report.problems);
    }
    assert!(killed > 0, "no process was still running when killed");
    // And it still takes writes.
    let n = l.post(
        "coop",
        "2026-03-11",
        "Après les coups",
        "5711=700",
        "70211=700",
    );
    assert!(n.starts_with("2026-"), "{n}");
    l.assert_verified();
}
