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

use chrono::{Days, NaiveDate};
use common::{Ledger, describe, env_u64, sidecar};
use jatebo::domain::ledger::{PostedEntry, Side};
use jatebo::service::Books;
use jatebo::service::demo::Rng;
use jatebo::store::OrgRow;
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
    sent: Sent,
    /// The entry as first read back after it was acknowledged; it must never
    /// change afterwards (hash included).
    seen: Option<PostedEntry>,
}

#[derive(Clone, Debug)]
enum Sent {
    /// An entry of the loop's cooperative: what was typed.
    Post {
        memo: String,
        key: String,
        lines: usize,
        debits: i64,
    },
    /// An entry posted by an acknowledged meeting close of the savings
    /// group: its document (`REU-1-05`); memo and lines are the program's.
    Meeting { doc_ref: String },
}

/// Acknowledged entries, by organisation and number.
type ExpectedMap = BTreeMap<(String, String), Expected>;

/// A meeting close of the savings group that was acknowledged (its
/// `… fermée : N écriture(s) enregistrée(s).` line printed whole), or found
/// committed after a kill: from then on it must stay closed, with the same
/// code and entries.
#[derive(Clone, Debug)]
struct ClosedMeeting {
    date: NaiveDate,
    /// Entries its close posted.
    entries: usize,
    /// `2026-000012-3FA9C1`: printed by the program, or read from the
    /// ledger the first time it is checked.
    code: Option<String>,
}

/// The savings group of the loop, and its members.
const GROUP: &str = "ton";
const MEMBERS: [&str; 3] = ["Aminata Traoré", "Fatoumata Diarra", "Awa Keïta"];
/// The first meeting; each next one is one or two days after the last.
const CYCLE_START: &str = "2026-01-05";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Post,
    Bulk,
    Close,
    Export,
    /// A meeting of the savings group: opened and filled (not killed), then
    /// its close is the process killed.
    Meeting,
    /// `jatebo backup --out FILE`.
    Backup,
}

impl Op {
    fn pick(rng: &mut Rng) -> Op {
        match rng.below(100) {
            0..=61 => Op::Post,
            62..=75 => Op::Bulk,
            76..=82 => Op::Export,
            83..=90 => Op::Close,
            91..=95 => Op::Meeting,
            _ => Op::Backup,
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
    /// Meeting closes attempted (the process that may be killed).
    meetings: u64,
    /// Closes that printed their `fermée` line (whole).
    meetings_acknowledged: u64,
    /// … of which by a process then killed.
    meetings_acknowledged_by_killed: u64,
    /// Killed before saying so, found closed at the check: allowed.
    meetings_closed_unacknowledged: u64,
    /// Killed and found still open: closed (not killed) before the next one
    /// is opened.
    meetings_left_open: u64,
    meetings_reclosed: u64,
    backups: u64,
    /// Finished (exit 0) and checked complete.
    backups_finished: u64,
    /// Killed, and the file is at its final name: checked complete.
    backups_complete_after_kill: u64,
    /// Killed, and nothing at the final name.
    backups_absent_after_kill: u64,
    /// … of which a `.part` was left.
    backups_part_left: u64,
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

/// What a meeting close printed, whole lines only: the meeting number and
/// the entries posted (`Réunion N° 4 du 11/01/2026 fermée : 3 écriture(s)
/// enregistrée(s).`), and the closing code (`Code de fermeture :
/// 2026-000012-3FA9C1 — …`) when that line was printed too.
fn acknowledged_close(stdout: &[u8]) -> Option<(i64, usize, Option<String>)> {
    let text = String::from_utf8_lossy(stdout);
    let whole = match text.rfind('\n') {
        Some(end) => &text[..end],
        None => return None,
    };
    let digits = |s: &str| -> String { s.chars().take_while(char::is_ascii_digit).collect() };
    let mut closed = None;
    let mut code = None;
    for line in whole.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("Réunion N° ")
            && let Some(pos) = line.find("fermée : ")
        {
            let number = digits(rest).parse().expect("meeting number");
            let entries = digits(&line[pos + "fermée : ".len()..])
                .parse()
                .expect("entries");
            closed = Some((number, entries));
        }
        if let Some(rest) = line.strip_prefix("Code de fermeture : ") {
            code = rest.split(' ').next().map(str::to_string);
        }
    }
    closed.map(|(n, e)| (n, e, code))
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

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| s.to_string()).collect()
}

/// Runs `jatebo --org ton <args>` to completion (not killed); it must
/// succeed. Returns stdout.
fn group_ok(l: &Ledger, args: &[&str]) -> String {
    let mut all = vec!["--org", GROUP];
    all.extend_from_slice(args);
    l.ok(&all)
}

/// The savings group's closing counts for the open meeting, as the books
/// compute them.
fn closing_counts(path: &Path) -> (String, String) {
    let books = Books::open(path, OpenMode::Existing).expect("open");
    let org = books.org(GROUP).expect("group");
    let v = books.meeting_view(&org, None).expect("meeting view");
    assert!(!v.closed, "no open meeting to close");
    (
        v.closing_loan.francs().to_string(),
        v.closing_social.francs().to_string(),
    )
}

/// `meeting close` of the open meeting, with the right counts.
fn close_args(path: &Path) -> Vec<String> {
    let (loan, social) = closing_counts(path);
    strings(&[
        "--org",
        GROUP,
        "meeting",
        "close",
        "--loan-cash",
        &loan,
        "--social-cash",
        &social,
    ])
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

/// The journal of one organisation, by number.
fn journal_of(books: &Books, org: &OrgRow) -> BTreeMap<String, PostedEntry> {
    let journal = books
        .journal(org, &JournalQuery::default())
        .expect("journal");
    assert_eq!(
        journal.len() as i64,
        org.entries,
        "{}: the journal and the chain head disagree on the number of entries",
        org.code
    );
    journal
        .into_iter()
        .map(|v| (v.entry.number.to_string(), v.entry))
        .collect()
}

/// Whether an entry read back is the one that was sent.
fn same_as_sent(date: &str, sent: &Sent, got: &PostedEntry) -> bool {
    if got.date.to_string() != date {
        return false;
    }
    match sent {
        Sent::Post {
            memo,
            key,
            lines,
            debits,
        } => {
            let d: i64 = got
                .lines
                .iter()
                .filter(|l| l.side == Side::Debit)
                .map(|l| l.amount.francs())
                .sum();
            got.memo == *memo && got.idem_key == *key && got.lines.len() == *lines && d == *debits
        }
        Sent::Meeting { doc_ref } => got.doc_ref == *doc_ref && got.reverses.is_none(),
    }
}

/// Reopens the ledger the normal way and checks everything; returns the
/// first open month of the cooperative. Lost acknowledged entries and
/// corruptions are counted, then fail the test with a description.
fn check(
    path: &Path,
    expected: &mut ExpectedMap,
    closed: &mut BTreeMap<i64, ClosedMeeting>,
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
    // Includes the closing codes of the savings group's meetings.
    let report = books.verify(None).expect("verify runs");
    if !report.ok() {
        counts.corruptions += 1;
        panic!("verify found problems: {:#?}", report.problems);
    }
    let org = books.org("coop").expect("org coop");
    let group = books.org(GROUP).expect("savings group");
    let mut journals: BTreeMap<String, BTreeMap<String, PostedEntry>> = BTreeMap::new();
    journals.insert("coop".into(), journal_of(&books, &org));
    journals.insert(GROUP.into(), journal_of(&books, &group));
    let mut problems = Vec::new();

    // Closed meetings stay closed, with their code and their entries.
    let meetings = books.meetings(&group).expect("meetings");
    let ton = &journals[GROUP];
    for (number, want) in closed.iter_mut() {
        let Some(m) = meetings.iter().find(|m| m.number == *number) else {
            counts.lost += 1;
            problems.push(format!("closed meeting {number} is missing"));
            continue;
        };
        if !m.is_closed() || m.closes != 1 || m.date != want.date {
            counts.lost += 1;
            problems.push(format!(
                "meeting {number} was closed ({want:?}), found {m:?}"
            ));
            continue;
        }
        let code = m.code.clone().unwrap_or_default();
        match &want.code {
            Some(c) if *c != code => {
                counts.lost += 1;
                problems.push(format!(
                    "meeting {number}: closing code {c} acknowledged, {code} in the ledger"
                ));
                continue;
            }
            Some(_) => {}
            None => want.code = Some(code.clone()),
        }
        // 2026-000012-3FA9C1: the last entry the close posted.
        let (last, short) = code.split_at("2026-000012".len());
        let short = short.trim_start_matches('-');
        let doc_ref = format!("REU-1-{number:02}");
        let posted: Vec<&PostedEntry> = ton
            .values()
            .filter(|e| e.doc_ref == doc_ref && e.reverses.is_none())
            .collect();
        let last_ok = ton
            .get(last)
            .is_some_and(|e| e.doc_ref == doc_ref && e.hash.to_uppercase().starts_with(short));
        if posted.len() != want.entries || !last_ok {
            counts.lost += 1;
            problems.push(format!(
                "meeting {number} (code {code}): {} entries {doc_ref} for {} posted, last one {:?}",
                posted.len(),
                want.entries,
                ton.get(last)
            ));
            continue;
        }
        for e in posted {
            expected
                .entry((GROUP.to_string(), e.number.to_string()))
                .or_insert_with(|| Expected {
                    date: want.date.to_string(),
                    sent: Sent::Meeting {
                        doc_ref: doc_ref.clone(),
                    },
                    seen: None,
                });
        }
    }

    for ((org_code, number), want) in expected.iter_mut() {
        let Some(got) = journals[org_code].get(number) else {
            counts.lost += 1;
            problems.push(format!(
                "{org_code}: acknowledged entry {number} is missing ({want:?})"
            ));
            continue;
        };
        if !same_as_sent(&want.date, &want.sent, got) {
            counts.lost += 1;
            problems.push(format!(
                "{org_code}: acknowledged entry {number} differs: expected {want:?}, found {got:?}"
            ));
            continue;
        }
        match &want.seen {
            Some(seen) if seen != got => {
                counts.lost += 1;
                problems.push(format!(
                    "{org_code}: entry {number} changed since it was first read: {seen:?} → {got:?}"
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

/// Checks a backup file whole: it opens (from a copy, so that nothing is
/// written beside it), passes `integrity_check` and `verify`, its chains
/// are not beyond the ledger's and every entry it holds is the ledger's,
/// and it holds every entry acknowledged before it was made (all of them:
/// the backup round posts nothing). Err says what is wrong.
fn check_backup(
    file: &Path,
    ledger: &Path,
    scratch: &Path,
    expected: &ExpectedMap,
) -> Result<(), String> {
    let copy = scratch.join("backup-check.db");
    let clean = || {
        for s in ["", "-wal", "-shm", "-journal", ".heads"] {
            let _ = std::fs::remove_file(sidecar(&copy, s));
        }
    };
    clean();
    std::fs::copy(file, &copy).map_err(|e| format!("cannot copy the backup: {e}"))?;
    let result = (|| {
        let b = Books::open(&copy, OpenMode::Existing)
            .map_err(|e| format!("the backup does not open: {e:?}"))?;
        let integrity = b
            .store()
            .read()
            .integrity_check()
            .map_err(|e| format!("{e:?}"))?;
        if !integrity.is_empty() {
            return Err(format!("backup: PRAGMA integrity_check: {integrity:?}"));
        }
        let report = b.verify(None).map_err(|e| format!("{e:?}"))?;
        if !report.ok() {
            return Err(format!("backup: verify: {:#?}", report.problems));
        }
        let books = Books::open(ledger, OpenMode::Existing).expect("open the ledger");
        let (bh, lh) = (
            b.heads().map_err(|e| format!("{e:?}"))?,
            books.heads().expect("ledger heads"),
        );
        if bh.orgs.keys().ne(lh.orgs.keys()) || bh.audit_count > lh.audit_count {
            return Err(format!("backup heads {bh:?}, ledger heads {lh:?}"));
        }
        for (code, h) in &bh.orgs {
            let l = &lh.orgs[code];
            if h.genesis != l.genesis || h.chain_no > l.chain_no {
                return Err(format!("{code}: backup head {h:?}, ledger head {l:?}"));
            }
            let ours = journal_of(&books, &books.org(code).expect("org"));
            let theirs = journal_of(&b, &b.org(code).map_err(|e| format!("{e:?}"))?);
            if theirs.len() as i64 != h.chain_no {
                return Err(format!(
                    "{code}: {} entries in the backup, head says {}",
                    theirs.len(),
                    h.chain_no
                ));
            }
            for (n, e) in &theirs {
                if ours.get(n) != Some(e) {
                    return Err(format!(
                        "{code}: backup entry {n} is not the ledger's: {e:?} / {:?}",
                        ours.get(n)
                    ));
                }
            }
            for ((org_code, n), want) in expected {
                if org_code == code && !theirs.contains_key(n) {
                    return Err(format!(
                        "{code}: acknowledged entry {n} missing from the backup ({want:?})"
                    ));
                }
            }
        }
        Ok(())
    })();
    clean();
    result
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

/// The last meeting of the savings group: number, date, whether it is
/// closed, and the cash its close counted (loan fund, social fund).
fn last_meeting(path: &Path) -> Option<(i64, NaiveDate, bool, i64, i64)> {
    let books = Books::open(path, OpenMode::Existing).expect("open");
    let org = books.org(GROUP).expect("group");
    let v = books.meeting_view(&org, None).ok()?;
    let (loan, social) = v
        .closes
        .last()
        .map(|c| (c.counted_loan.francs(), c.counted_social.francs()))
        .unwrap_or_default();
    Some((v.meeting.number, v.meeting.date, v.closed, loan, social))
}

/// Adds the savings group: a cycle from [`CYCLE_START`] with the standard
/// constitution, and its members.
fn add_group(l: &Ledger) {
    l.ok(&[
        "org",
        "add",
        "--code",
        GROUP,
        "--name",
        "Groupe Benkadi",
        "--kind",
        "savings",
    ]);
    group_ok(
        l,
        &[
            "group",
            "start",
            "--start",
            CYCLE_START,
            "--end",
            "2026-12-31",
        ],
    );
    for name in MEMBERS {
        group_ok(
            l,
            &["member", "add", "--name", name, "--joined", CYCLE_START],
        );
    }
}

/// Records a meeting close that finished or printed its `fermée` line
/// (`counted`: the close of a meeting round, not one closing a meeting left
/// open).
fn acknowledge_close(
    round: u64,
    out: &Output,
    killed: bool,
    counted: bool,
    date: NaiveDate,
    closed: &mut BTreeMap<i64, ClosedMeeting>,
    counts: &mut Counts,
) -> bool {
    let Some((number, entries, code)) = acknowledged_close(&out.stdout) else {
        assert!(
            killed,
            "round {round}: a finished meeting close printed no acknowledgement:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
        return false;
    };
    if !killed {
        assert!(code.is_some(), "round {round}: no closing code printed");
    }
    if counted {
        counts.meetings_acknowledged += 1;
        if killed {
            counts.meetings_acknowledged_by_killed += 1;
        }
    }
    let previous = closed.insert(
        number,
        ClosedMeeting {
            date,
            entries,
            code,
        },
    );
    assert!(
        previous.is_none(),
        "round {round}: meeting {number} closed twice"
    );
    true
}

/// Closes the group's meeting left open by a killed close (not killed this
/// time); false when there was none.
fn close_left_open(
    l: &Ledger,
    round: u64,
    closed: &mut BTreeMap<i64, ClosedMeeting>,
    counts: &mut Counts,
) -> bool {
    match last_meeting(&l.path) {
        Some((_, date, false, _, _)) => {
            let args = close_args(&l.path);
            let a: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = l.run(&a);
            assert_eq!(
                out.status.code(),
                Some(0),
                "round {round}: closing the meeting left open failed:\n{}",
                describe(&a, &out)
            );
            counts.meetings_reclosed += 1;
            acknowledge_close(round, &out, false, false, date, closed, counts);
            true
        }
        _ => false,
    }
}

#[test]
fn sigkill_at_random_moments_loses_nothing_acknowledged() {
    let seed = env_u64("JATEBO_CRASH_SEED", DEFAULT_SEED);
    let kills = env_u64("JATEBO_CRASH_KILLS", DEFAULT_KILLS);
    let _guard = SeedOnPanic { seed, kills };
    let mut rng = Rng(seed);
    let started = Instant::now();

    let l = Ledger::with_coop();
    add_group(&l);
    let lines_file = l.dir.path().join("lignes.csv");
    let mut expected: ExpectedMap = BTreeMap::new();
    let mut closed: BTreeMap<i64, ClosedMeeting> = BTreeMap::new();
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
        let mut backup_file = None;
        let mut meeting_date = None;
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
                    sent: Sent::Post {
                        memo: memo.clone(),
                        key: key.clone(),
                        lines,
                        debits,
                    },
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
            Op::Backup => {
                counts.backups += 1;
                let file = l.dir.path().join(format!("backup-{round}.db"));
                args = strings(&["backup", "--out", &file.display().to_string()]);
                backup_file = Some(file);
            }
            Op::Meeting => {
                // A close killed in an earlier round may have left its
                // meeting open: it must still close, before the next opens.
                close_left_open(&l, round, &mut closed, &mut counts);
                let step = 1 + rng.below(2);
                let (number, day, loan, social) = match last_meeting(&l.path) {
                    Some((n, d, true, loan, social)) => (n + 1, d + Days::new(step), loan, social),
                    Some(other) => panic!("round {round}: meeting still open: {other:?}"),
                    None => (1, CYCLE_START.parse().expect("date"), 0, 0),
                };
                let day_s = day.to_string();
                let out = group_ok(
                    &l,
                    &[
                        "meeting",
                        "open",
                        "--date",
                        &day_s,
                        "--loan-cash",
                        &loan.to_string(),
                        "--social-cash",
                        &social.to_string(),
                    ],
                );
                assert!(
                    out.contains(&format!("Réunion N° {number} du ")),
                    "round {round}: {out}"
                );
                // One member buys 1 to 5 shares, the others the default.
                let shares = (1 + rng.below(5)).to_string();
                group_ok(
                    &l,
                    &["meeting", "record", "--member", "1", "--shares", &shares],
                );
                group_ok(&l, &["meeting", "fill"]);
                counts.meetings += 1;
                args = close_args(&l.path);
                meeting_date = Some(day);
            }
        }

        // Mostly within the life of a short process (a post takes 10-20 ms),
        // sometimes up to the whole range. A meeting close and a backup do
        // more (a backup copies, syncs, reopens and checks the whole ledger,
        // longer as it grows): half the time their range is longer, so that
        // some finish and kills land all along their work.
        let long = rng.below(4) == 0;
        let max = match op {
            Op::Meeting if long || rng.below(2) == 0 => 2 * MAX_DELAY_US,
            Op::Backup if long || rng.below(2) == 0 => 8 * MAX_DELAY_US,
            Op::Meeting | Op::Backup => MAX_DELAY_US,
            _ if long => MAX_DELAY_US,
            _ => MAX_DELAY_US / 2,
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
                let previous = expected.insert(("coop".to_string(), n.clone()), want);
                assert!(previous.is_none(), "round {round}: number {n} given twice");
            } else if !killed {
                panic!(
                    "round {round}: finished without a number:\n{}",
                    describe(&a, &out)
                );
            }
        }
        let meeting_acknowledged = match meeting_date {
            Some(day) => {
                acknowledge_close(round, &out, killed, true, day, &mut closed, &mut counts)
            }
            None => false,
        };

        month = check(&l.path, &mut expected, &mut closed, &mut counts);

        if let (Some(day), false) = (meeting_date, meeting_acknowledged) {
            // Killed before it said anything: committed or not, whole.
            match last_meeting(&l.path) {
                Some((number, d, true, _, _)) if d == day => {
                    counts.meetings_closed_unacknowledged += 1;
                    closed.insert(
                        number,
                        ClosedMeeting {
                            date: day,
                            entries: MEMBERS.len(),
                            code: None,
                        },
                    );
                }
                Some((_, d, false, _, _)) if d == day => counts.meetings_left_open += 1,
                other => panic!("round {round}: meeting of {day} not found: {other:?}"),
            }
        }
        if let Some(file) = &backup_file {
            let part = sidecar(file, ".part");
            if file.exists() {
                if let Err(e) = check_backup(file, &l.path, l.dir.path(), &expected) {
                    panic!(
                        "round {round}: backup at its final name is not complete \
                         (killed: {killed}): {e}"
                    );
                }
                if killed {
                    counts.backups_complete_after_kill += 1;
                } else {
                    counts.backups_finished += 1;
                }
            } else {
                assert!(
                    killed,
                    "round {round}: backup finished but {} is absent:\n{}",
                    file.display(),
                    describe(&a, &out)
                );
                counts.backups_absent_after_kill += 1;
                if part.exists() {
                    counts.backups_part_left += 1;
                }
            }
            // Keep the temporary folder small.
            let _ = std::fs::remove_file(file);
            let _ = std::fs::remove_file(&part);
        }
    }

    // A meeting left open by the last kills must still close.
    if close_left_open(&l, round, &mut closed, &mut counts) {
        check(&l.path, &mut expected, &mut closed, &mut counts);
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
    let group_entries = books.org(GROUP).expect("group").entries;

    eprintln!(
        "crash loop: seed={seed:#x} rounds={} kills={} finished-before-kill={} \
         (posts={} bulk={} closes={} exports={}, exports verified={}; \
         meeting closes={}: acknowledged={} (by a killed process={}), \
         committed-unacknowledged={}, left open={}, closed again={}; \
         backups={}: finished+verified={}, complete after kill={}, absent after kill={} \
         (.part left={})) acknowledged={} \
         (of which printed by a killed process={}) committed-unacknowledged={} \
         entries-in-file={} (group: {} in {} meetings) lost={} corruptions={} time={:.1}s",
        counts.rounds,
        counts.kills,
        counts.finished,
        counts.posts,
        counts.bulks,
        counts.closes,
        counts.exports,
        counts.exports_checked,
        counts.meetings,
        counts.meetings_acknowledged,
        counts.meetings_acknowledged_by_killed,
        counts.meetings_closed_unacknowledged,
        counts.meetings_left_open,
        counts.meetings_reclosed,
        counts.backups,
        counts.backups_finished,
        counts.backups_complete_after_kill,
        counts.backups_absent_after_kill,
        counts.backups_part_left,
        counts.acknowledged,
        counts.acknowledged_by_killed,
        counts.unacknowledged_committed,
        journal.len(),
        group_entries,
        closed.len(),
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

/// The org chains of a ledger file, read without writing to it.
fn org_heads(path: &Path) -> BTreeMap<String, jatebo::domain::safety::OrgHead> {
    Books::open(path, OpenMode::Existing)
        .unwrap_or_else(|e| panic!("{} does not open: {e:?}", path.display()))
        .heads()
        .expect("heads")
        .orgs
}

/// A restore cut short at any moment leaves the ledger's path holding
/// either the old books or the restored ones, whole, and verifying (heads
/// file included: no false "ledger behind"); the old books are never lost;
/// once `restore` said it was done, the restored books are there.
#[test]
fn sigkill_during_a_restore_leaves_the_old_books_or_the_restored_ones() {
    let rounds = env_u64("JATEBO_CRASH_RESTORES", 60);
    let l = Ledger::with_coop();
    for i in 0..5 {
        l.post(
            "coop",
            "2026-03-02",
            &format!("Avant {i}"),
            "5711=500",
            "70211=500",
        );
    }
    let backup = l.dir.path().join("sauvegarde.db");
    l.ok(&["backup", "--out", backup.to_str().unwrap()]);
    for i in 0..7 {
        l.post(
            "coop",
            "2026-03-03",
            &format!("Après {i}"),
            "5711=700",
            "70211=700",
        );
    }
    let old = org_heads(&l.path);
    let restored = org_heads(&backup);
    assert_ne!(old, restored);
    // The old books, kept to put back before each round.
    let keep = tempfile::tempdir().unwrap();
    let files = |p: &Path| [p.to_path_buf(), sidecar(p, ".heads")];
    let kept = files(&keep.path().join("registre.db"));
    for (from, to) in files(&l.path).iter().zip(&kept) {
        std::fs::copy(from, to).unwrap();
    }
    let args = strings(&["restore", backup.to_str().unwrap(), "--yes"]);
    let aside = |dir: &Path| -> Vec<std::path::PathBuf> {
        std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                let n = p.file_name().unwrap().to_string_lossy().into_owned();
                n.contains(".replaced-")
                    && !n.ends_with(".heads")
                    && !n.contains("-wal")
                    && !n.contains("-shm")
            })
            .collect()
    };
    // How long a whole restore takes here: kills land within it.
    let started = Instant::now();
    let out = spawn(&l, &args)
        .wait_with_output()
        .expect("wait for jatebo");
    assert!(out.status.success(), "{}", describe(&["restore"], &out));
    let whole = started.elapsed().as_micros() as u64;
    let mut rng = Rng(DEFAULT_SEED ^ 0x5E57);
    let (mut killed, mut cut_old, mut cut_new) = (0, 0, 0);
    for round in 0..rounds {
        for p in aside(l.dir.path()) {
            for s in ["", ".heads", "-wal", "-shm"] {
                let _ = std::fs::remove_file(sidecar(&p, s));
            }
        }
        for s in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(sidecar(&l.path, s));
        }
        for (from, to) in kept.iter().zip(files(&l.path)) {
            std::fs::copy(from, to).unwrap();
        }
        // Half the kills anywhere in the restore, half in its last part,
        // where the files are put in place.
        let delay = Duration::from_micros(if round % 2 == 0 {
            rng.below(whole * 6 / 5 + 1)
        } else {
            whole * 3 / 5 + rng.below(whole / 2 + 1)
        });
        let (out, k) = kill_after(spawn(&l, &args), delay);
        killed += u32::from(k);
        let said_done = String::from_utf8_lossy(&out.stdout).contains("Registre restauré");
        let ctx = format!("round {round}, killed {k} after {delay:?}");
        // The path holds books that open, pass integrity and verify.
        let now = org_heads(&l.path);
        let books = Books::open(&l.path, OpenMode::Existing).unwrap();
        let integrity = books.store().read().integrity_check().expect("integrity");
        assert!(integrity.is_empty(), "{ctx}: {integrity:?}");
        let report = books.verify(None).expect("verify runs");
        assert!(report.ok(), "{ctx}: {:#?}", report.problems);
        drop(books);
        let set_aside = aside(l.dir.path());
        if now == old {
            assert!(!said_done, "{ctx}: said restored, the old books are there");
            cut_old += u32::from(k);
        } else {
            assert_eq!(
                now, restored,
                "{ctx}: neither the old books nor the backup's"
            );
            cut_new += u32::from(k);
            // The old books are kept aside, whole.
            assert_eq!(set_aside.len(), 1, "{ctx}: {set_aside:?}");
            assert_eq!(org_heads(&set_aside[0]), old, "{ctx}");
        }
        if !k {
            assert!(said_done, "{ctx}: {}", describe(&["restore"], &out));
        }
    }
    eprintln!(
        "restore: {rounds} rounds, {killed} killed ({cut_old} with the old books in place, \
         {cut_new} with the restored ones); a whole restore took {whole} µs"
    );
    assert!(killed > 0, "no restore was still running when killed");
}

/// What a savings-group operation changes, as the commands show it: the
/// group's journal, its meetings, the last meeting's grid.
fn group_state(l: &Ledger) -> String {
    let mut s = String::new();
    for args in [
        &["--org", GROUP, "--json", "journal"][..],
        &["--org", GROUP, "--json", "meeting", "list"],
        &["--org", GROUP, "--json", "meeting", "show"],
    ] {
        let o = l.run(args);
        assert_eq!(o.status.code(), Some(0), "{}", describe(args, &o));
        for line in String::from_utf8_lossy(&o.stdout).lines() {
            s.push_str(&without_time(line));
            s.push('\n');
        }
    }
    s
}

/// A line of JSON without what depends on the moment it was recorded: the
/// times, the hashes, and the hash part of a closing code. The rest must be
/// exactly as the whole operation leaves it.
fn without_time(line: &str) -> String {
    let t = line.trim_start();
    let Some((key, value)) = t.strip_prefix('"').and_then(|r| r.split_once("\": ")) else {
        return line.to_string();
    };
    let indent = &line[..line.len() - t.len()];
    if key.ends_with("_at") || key.ends_with("hash") {
        return format!("{indent}\"{key}\": …");
    }
    // `"2026-000012-3FA9C1",`: a closing code.
    let v = value.trim_end_matches(',').trim_matches('"');
    if key == "code" && v.len() == 18 && v.as_bytes()[11] == b'-' {
        return format!("{indent}\"{key}\": \"{}…\"", &v[..12]);
    }
    line.to_string()
}

/// Opens the group's next meeting (dated `date`) with the cash the last
/// close counted, one member buying `shares`, the others the default.
fn open_meeting(l: &Ledger, date: &str, shares: &str) {
    let (loan, social) = match last_meeting(&l.path) {
        Some((_, _, true, loan, social)) => (loan, social),
        _ => (0, 0),
    };
    group_ok(
        l,
        &[
            "meeting",
            "open",
            "--date",
            date,
            "--loan-cash",
            &loan.to_string(),
            "--social-cash",
            &social.to_string(),
        ],
    );
    group_ok(
        l,
        &["meeting", "record", "--member", "1", "--shares", shares],
    );
    group_ok(l, &["meeting", "fill"]);
}

fn close_meeting(l: &Ledger) {
    let args = close_args(&l.path);
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    l.ok(&a);
}

/// A savings-group operation killed at random: a meeting sheet imported, a
/// meeting reopened, the share-out recorded. Each must leave the group as
/// it was or as the whole operation leaves it, never in between; once the
/// command said it was done, as it leaves it.
#[test]
fn sigkill_during_a_meeting_import_a_reopen_or_the_share_out_is_all_or_nothing() {
    let rounds = env_u64("JATEBO_CRASH_GROUP_ROUNDS", 45);
    let l = Ledger::with_coop();
    add_group(&l);
    open_meeting(&l, CYCLE_START, "2");
    close_meeting(&l);
    open_meeting(&l, "2026-01-19", "4");
    close_meeting(&l);
    // Two closed meetings: a reopen of the second, or the share-out.
    let keep = tempfile::tempdir().unwrap();
    let files = |p: &Path| [p.to_path_buf(), sidecar(p, ".heads")];
    let save = |name: &str| -> [std::path::PathBuf; 2] {
        let to = files(&keep.path().join(name));
        for (from, to) in files(&l.path).iter().zip(&to) {
            std::fs::copy(from, to).unwrap();
        }
        to
    };
    let closed = save("closed.db");
    // A third meeting open, and its sheet.
    group_ok(
        &l,
        &[
            "meeting",
            "open",
            "--date",
            "2026-02-02",
            "--loan-cash",
            &last_meeting(&l.path).unwrap().3.to_string(),
            "--social-cash",
            &last_meeting(&l.path).unwrap().4.to_string(),
        ],
    );
    let open = save("open.db");
    let sheet = l.dir.path().join("reunion-3.csv");
    std::fs::write(&sheet, "numero;presence;parts\n1;p;3\n2;r;1\n3;p;5\n").unwrap();

    let ops: [(&str, &[std::path::PathBuf; 2], Vec<String>); 3] = [
        (
            "import",
            &open,
            strings(&["--org", GROUP, "meeting", "import", sheet.to_str().unwrap()]),
        ),
        (
            "reopen",
            &closed,
            strings(&[
                "--org",
                GROUP,
                "meeting",
                "reopen",
                "--reason",
                "Erreur de saisie des parts",
            ]),
        ),
        (
            "shareout",
            &closed,
            strings(&["--org", GROUP, "shareout", "post", "--date", "2026-01-26"]),
        ),
    ];
    let put_back = |snapshot: &[std::path::PathBuf; 2]| {
        for s in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(sidecar(&l.path, s));
        }
        for (from, to) in snapshot.iter().zip(files(&l.path)) {
            std::fs::copy(from, to).unwrap();
        }
    };
    // Each operation once, whole: the state before and after, how long it
    // takes, and the line that says it is done.
    let mut reference = Vec::new();
    for (name, snapshot, args) in &ops {
        put_back(snapshot);
        let before = group_state(&l);
        let started = Instant::now();
        let out = spawn(&l, args).wait_with_output().expect("wait for jatebo");
        let took = started.elapsed().as_micros() as u64;
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        assert!(out.status.success(), "{}", describe(&a, &out));
        let done = String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_else(|| panic!("{name}: printed nothing"))
            .to_string();
        let after = group_state(&l);
        assert_ne!(before, after, "{name} changed nothing");
        reference.push((before, after, took, done));
    }

    let mut rng = Rng(DEFAULT_SEED ^ 0x704E);
    let mut tally = [(0u32, 0u32, 0u32); 3];
    for round in 0..rounds {
        let i = (round % 3) as usize;
        let (name, snapshot, args) = &ops[i];
        let (before, after, took, done) = &reference[i];
        put_back(snapshot);
        let delay = Duration::from_micros(rng.below(took * 6 / 5 + 1));
        let (out, k) = kill_after(spawn(&l, args), delay);
        let ctx = format!("round {round}, {name}, killed {k} after {delay:?}");
        let books = Books::open(&l.path, OpenMode::Existing)
            .unwrap_or_else(|e| panic!("{ctx}: the ledger no longer opens: {e:?}"));
        let integrity = books.store().read().integrity_check().expect("integrity");
        assert!(integrity.is_empty(), "{ctx}: {integrity:?}");
        let report = books.verify(None).expect("verify runs");
        assert!(report.ok(), "{ctx}: {:#?}", report.problems);
        drop(books);
        let now = group_state(&l);
        let said_done = String::from_utf8_lossy(&out.stdout).contains(done.as_str());
        if now == *after {
            tally[i].2 += 1;
        } else {
            assert!(
                now == *before,
                "{ctx}: the group is neither as before nor as after the {name}; lines that differ \
                 from after:\n{}",
                now.lines()
                    .zip(after.lines())
                    .filter(|(a, b)| a != b)
                    .map(|(a, b)| format!("  now {a}\n  was {b}\n"))
                    .collect::<String>()
            );
            assert!(
                !said_done && k,
                "{ctx}: said done, or finished, but nothing is recorded"
            );
            tally[i].1 += 1;
        }
        tally[i].0 += u32::from(k);
    }
    for (i, (name, _, _)) in ops.iter().enumerate() {
        eprintln!(
            "{name}: {} killed; {} left as before, {} as after; a whole run took {} µs",
            tally[i].0, tally[i].1, tally[i].2, reference[i].2
        );
    }
    assert!(
        tally.iter().all(|t| t.0 > 0),
        "some operation was never killed: {tally:?}"
    );
}
