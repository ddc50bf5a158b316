//! `jatebo-bench`: builds a large, realistic ledger through the real posting
//! path and measures the read paths on it (trial balance, journal, general
//! ledger, verify), with peak memory. See `docs/benchmarks.md`.
//!
//! ```text
//! jatebo-bench generate --db /tmp/bench.db --entries 1000000
//! jatebo-bench run --db /tmp/bench.db
//! jatebo-bench cli-balance --db /tmp/bench.db
//! jatebo-bench tui-journal --db /tmp/bench.db
//! jatebo-bench coop-day --db /tmp/day.db
//! jatebo-bench meeting --db /tmp/meeting.db --members 25
//! jatebo-bench shareout --db /tmp/shareout.db --members 50 --meetings 24
//! jatebo-bench export --db /tmp/bench.db --month 2026-10
//! ```
//!
//! `generate` and `run` are separate invocations on purpose: peak memory
//! (VmHWM) is a process-wide high-water mark, and generation must not count
//! against the query phases.

use std::path::{Path, PathBuf};
use std::process::{Command as Process, ExitCode, Stdio};
use std::time::Instant;

use chrono::{Datelike, Duration, NaiveDate};
use clap::{Parser, Subcommand};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use jatebo::domain::Lang;
use jatebo::domain::account::AccountNumber;
use jatebo::domain::ledger::{EntryNumber, LineInput, NewEntry, Side};
use jatebo::domain::money::Fcfa;
use jatebo::domain::period::{DateRange, Month};
use jatebo::service::demo::Rng;
use jatebo::service::{Actor, Books, OrgKind};
use jatebo::store::{EntryView, JournalQuery, OpenMode, OrgRow, PostOutcome, UserRow};
use jatebo::tui::Headless;
use jatebo::tui::app::{
    App, JournalState, Level, Mode, Msg, OrgAccess, PAGE, Screen, Session, WINDOW,
};

type R<T> = std::result::Result<T, String>;

fn err(e: jatebo::Error) -> String {
    format!("{e} ({e:?})")
}

// ---- command line ----------------------------------------------------------

#[derive(Parser, Debug)]
#[command(
    name = "jatebo-bench",
    about = "Generates a large jatebo ledger and measures its read paths"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Creates a new ledger of N entries through `Books::post_many`.
    Generate {
        /// Ledger file to create (must not exist).
        #[arg(long)]
        db: PathBuf,
        /// Number of business entries, over all organisations.
        #[arg(long)]
        entries: u64,
        /// Organisations: every third one is a savings group, the others coops.
        #[arg(long, default_value_t = 3)]
        orgs: usize,
        #[arg(long, default_value_t = 20_260_101)]
        seed: u64,
        /// Entries per `post_many` call (one write transaction each).
        #[arg(long, default_value_t = 10_000)]
        batch: usize,
        /// Member sub-accounts (4621001…) per savings group.
        #[arg(long, default_value_t = 40)]
        members: usize,
        /// Credit purchases cancelled with `Books::reverse` afterwards.
        #[arg(long, default_value_t = 100)]
        reversals: usize,
        /// Leave every fiscal year open (by default 2022–2025 are closed).
        #[arg(long)]
        no_close: bool,
    },
    /// Measures the read paths on an existing ledger.
    Run {
        #[arg(long)]
        db: PathBuf,
        /// Timed repetitions of each query, after one warm-up call.
        #[arg(long, default_value_t = 30)]
        iterations: usize,
        /// Repetitions of the whole-ledger `verify` (0: skip it).
        #[arg(long, default_value_t = 3)]
        verify_iterations: usize,
        /// Organisation to query (default: the first coop).
        #[arg(long)]
        org: Option<String>,
        /// Fiscal year the period queries use.
        #[arg(long, default_value_t = 2025)]
        year: i32,
        /// Only the measurements whose name contains this text.
        #[arg(long)]
        only: Option<String>,
    },
    /// Times the real `jatebo balance` process end to end.
    CliBalance {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, default_value_t = 10)]
        iterations: usize,
        /// Organisation (default: the first coop).
        #[arg(long)]
        org: Option<String>,
        #[arg(long, default_value_t = 2025)]
        year: i32,
        /// The `jatebo` binary (default: next to this one).
        #[arg(long)]
        jatebo: Option<PathBuf>,
    },
    /// Times the TUI journal screen, headless: the key, the SQL page load
    /// and one full draw on a test terminal.
    TuiJournal {
        #[arg(long)]
        db: PathBuf,
        /// Timed repetitions of each step, after the first one.
        #[arg(long, default_value_t = 30)]
        iterations: usize,
        /// Timed repetitions of each filtered step (a text search may be slow).
        #[arg(long, default_value_t = 10)]
        filter_iterations: usize,
        /// Organisation (default: the first coop).
        #[arg(long)]
        org: Option<String>,
        /// Terminal sizes, WIDTHxHEIGHT, comma-separated.
        #[arg(long, value_delimiter = ',', default_value = "120x40,80x24")]
        sizes: Vec<String>,
        /// A word of many entries' memos, for the common text filter.
        #[arg(long, default_value = "Médine")]
        text: String,
    },
    /// Times a cooperative's sales day on a new ledger file: each receipt
    /// recorded (one write transaction with its fsync), then the Z preview
    /// and the daily close of all of them.
    CoopDay {
        /// Ledger file to create (must not exist).
        #[arg(long)]
        db: PathBuf,
        /// Receipts in the day.
        #[arg(long, default_value_t = 500)]
        sales: usize,
        /// Days of earlier trade (sealed) before the timed day.
        #[arg(long, default_value_t = 0)]
        history_days: usize,
    },
    /// Times a savings group's meeting on a new ledger file: the meeting
    /// sheet (CSV, a row per member) read into the grid with
    /// `Books::import_sheet`, then `Books::close_meeting`, each one write
    /// transaction with its fsync; then the same through the `jatebo`
    /// binary (`jatebo meeting import`, `jatebo meeting close`).
    Meeting {
        /// Ledger file to create (must not exist).
        #[arg(long)]
        db: PathBuf,
        #[arg(long, default_value_t = 25)]
        members: usize,
        /// Timed meetings, through the service and through the binary each.
        #[arg(long, default_value_t = 20)]
        runs: usize,
        /// Meetings held before the timed ones (loans to repay), built with
        /// fsync relaxed.
        #[arg(long, default_value_t = 4)]
        warmup: usize,
        /// The `jatebo` binary (default: next to this one).
        #[arg(long)]
        jatebo: Option<PathBuf>,
        /// Only the service path.
        #[arg(long)]
        no_binary: bool,
    },
    /// Times the share-out of a savings group on a new ledger file: the
    /// cycle's meetings are built first (fsync relaxed), then
    /// `Books::shareout_preview` and `Books::post_shareout` (durable).
    Shareout {
        /// Ledger file to create (must not exist).
        #[arg(long)]
        db: PathBuf,
        #[arg(long, default_value_t = 50)]
        members: usize,
        /// Closed meetings in the cycle.
        #[arg(long, default_value_t = 24)]
        meetings: usize,
        /// Timed repetitions of the preview, after the first one.
        #[arg(long, default_value_t = 20)]
        iterations: usize,
    },
    /// Times the auditor's monthly export of one organisation-month on an
    /// existing ledger: reading it (with the checks made before writing),
    /// the whole export into a new folder, `verify-export` of that folder,
    /// and `jatebo export` as a separate process.
    Export {
        #[arg(long)]
        db: PathBuf,
        /// Organisation (default: the first coop).
        #[arg(long)]
        org: Option<String>,
        #[arg(long, default_value = "2026-10")]
        month: String,
        /// Timed repetitions of each step, after the first one.
        #[arg(long, default_value_t = 10)]
        iterations: usize,
        /// Folder for the exports (default: a temporary one, removed).
        #[arg(long)]
        out: Option<PathBuf>,
        /// The `jatebo` binary (default: next to this one).
        #[arg(long)]
        jatebo: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Cmd::Generate {
            db,
            entries,
            orgs,
            seed,
            batch,
            members,
            reversals,
            no_close,
        } => generate(&GenOptions {
            db,
            entries,
            orgs,
            seed,
            batch,
            members,
            reversals,
            close: !no_close,
        }),
        Cmd::Run {
            db,
            iterations,
            verify_iterations,
            org,
            year,
            only,
        } => run(
            &db,
            iterations,
            verify_iterations,
            org.as_deref(),
            year,
            only.as_deref(),
        ),
        Cmd::CliBalance {
            db,
            iterations,
            org,
            year,
            jatebo,
        } => cli_balance(&db, iterations, org.as_deref(), year, jatebo),
        Cmd::TuiJournal {
            db,
            iterations,
            filter_iterations,
            org,
            sizes,
            text,
        } => tui_journal(&TuiOptions {
            db,
            n: iterations,
            filter_n: filter_iterations,
            org,
            sizes,
            text,
        }),
        Cmd::CoopDay {
            db,
            sales,
            history_days,
        } => coop_day(&db, sales, history_days),
        Cmd::Meeting {
            db,
            members,
            runs,
            warmup,
            jatebo,
            no_binary,
        } => sg_meeting(&db, members, runs, warmup, jatebo, no_binary),
        Cmd::Shareout {
            db,
            members,
            meetings,
            iterations,
        } => sg_shareout(&db, members, meetings, iterations),
        Cmd::Export {
            db,
            org,
            month,
            iterations,
            out,
            jatebo,
        } => export_bench(&db, org.as_deref(), &month, iterations, out, jatebo),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jatebo-bench: error: {e}");
            ExitCode::FAILURE
        }
    }
}

// ---- process facts ---------------------------------------------------------

/// A `kB` field of `/proc/self/status` (VmHWM, VmRSS), in kB.
fn proc_status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find_map(|l| {
        let rest = l.strip_prefix(field)?.strip_prefix(':')?;
        rest.trim().trim_end_matches("kB").trim().parse().ok()
    })
}

/// Resets VmHWM to the current RSS (Linux ≥ 4.0), so each phase gets its own
/// peak. False when the kernel does not allow it.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn mib(kb: Option<u64>) -> String {
    kb.map(|k| format!("{:.1} MiB", k as f64 / 1024.0))
        .unwrap_or_else(|| "n/a".into())
}

/// Largest peak RSS of any waited-for child, in kB (`getrusage`).
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn children_max_rss_kb() -> Option<u64> {
    #[repr(C)]
    struct Rusage {
        utime: [i64; 2],
        stime: [i64; 2],
        maxrss: i64,
        rest: [i64; 13],
    }
    unsafe extern "C" {
        fn getrusage(who: i32, usage: *mut Rusage) -> i32;
    }
    const RUSAGE_CHILDREN: i32 = -1;
    let mut u = Rusage {
        utime: [0; 2],
        stime: [0; 2],
        maxrss: 0,
        rest: [0; 13],
    };
    // SAFETY: `Rusage` has the layout of `struct rusage` on 64-bit Linux
    // (two `struct timeval`, then 14 `long`), and `u` outlives the call.
    let rc = unsafe { getrusage(RUSAGE_CHILDREN, &mut u) };
    (rc == 0).then(|| u64::try_from(u.maxrss).unwrap_or(0))
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn children_max_rss_kb() -> Option<u64> {
    None
}

/// Size of the ledger file plus its WAL, if any.
fn ledger_size(db: &Path) -> u64 {
    let len = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    len(db) + len(Path::new(&wal))
}

fn fmt_bytes(n: u64) -> String {
    format!("{:.1} MiB ({n} bytes)", n as f64 / (1024.0 * 1024.0))
}

// ---- deterministic generator -------------------------------------------------

/// The library's SplitMix64 (`jatebo::service::demo::Rng`), plus what the
/// benchmark needs on top.
trait RngExt {
    fn amount(&mut self, lo: i64, hi: i64) -> i64;
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T;
}

impl RngExt for Rng {
    /// An amount in `lo..=hi` francs, a multiple of 25 F: the decade is
    /// picked first, then a value in it, so small and large amounts are
    /// both common (as in real books). Integers only: deterministic.
    fn amount(&mut self, lo: i64, hi: i64) -> i64 {
        let mut bands = Vec::with_capacity(6);
        let mut a = lo;
        while a <= hi {
            let b = (a * 10 - 1).min(hi);
            bands.push((a, b));
            a *= 10;
        }
        let (a, b) = bands[self.below(bands.len() as u64) as usize];
        let v = self.range(a, b);
        (v - v % 25).max(lo)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const FIRST_NAMES: &[&str] = &[
    "Aminata",
    "Fatoumata",
    "Awa",
    "Mariam",
    "Kadiatou",
    "Oumou",
    "Assitan",
    "Djeneba",
    "Salimata",
    "Rokia",
    "Hawa",
    "Nana",
    "Bintou",
    "Korotoumou",
    "Sitan",
    "Maïmouna",
];
const LAST_NAMES: &[&str] = &[
    "Traoré",
    "Diarra",
    "Coulibaly",
    "Keïta",
    "Koné",
    "Sangaré",
    "Diallo",
    "Touré",
    "Dembélé",
    "Sissoko",
    "Camara",
    "Doumbia",
];

fn acc(n: &str) -> AccountNumber {
    AccountNumber::parse(n).expect("bench account number")
}

fn dr(account: &str, amount: i64, label: &str) -> LineInput {
    LineInput {
        account: acc(account),
        side: Side::Debit,
        amount: Fcfa::new(amount),
        label: label.to_string(),
    }
}

fn cr(account: &str, amount: i64, label: &str) -> LineInput {
    LineInput {
        account: acc(account),
        side: Side::Credit,
        amount: Fcfa::new(amount),
        label: label.to_string(),
    }
}

/// Splits `total` in two positive parts, the first 30–70 % of it.
fn split2(rng: &mut Rng, total: i64) -> (i64, i64) {
    let a = (total * rng.range(30, 70) / 100).clamp(1, total - 1);
    (a, total - a)
}

/// What the generator must know of an organisation to stay within the rules
/// (cash boxes never below zero) and to look like real books.
struct OrgGen {
    org: OrgRow,
    kind: OrgKind,
    rng: Rng,
    /// Entries generated so far, out of `total`.
    done: u64,
    total: u64,
    /// Receipt counter for document references.
    doc: u64,
    cash: i64,
    wallet: i64,
    social_cash: i64,
    loans: i64,
    /// Savings groups: member account number, name and savings balance.
    members: Vec<(String, String, i64)>,
    /// Two-line credit purchases generated but not yet posted (position).
    pending_reversible: Vec<u64>,
    /// Two-line credit purchases posted: candidates for a reversal.
    reversible: Vec<(EntryNumber, NaiveDate)>,
}

const FIRST_DAY: (i32, u32, u32) = (2022, 1, 1);
const LAST_DAY: (i32, u32, u32) = (2026, 12, 31);

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(FIRST_DAY.0, FIRST_DAY.1, FIRST_DAY.2).expect("valid")
}

fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(LAST_DAY.0, LAST_DAY.1, LAST_DAY.2).expect("valid")
}

impl OrgGen {
    /// Date of the k-th entry: spread evenly, in order, over 2022–2026.
    fn date(&self, k: u64) -> NaiveDate {
        let days = (last_day() - first_day()).num_days() as u64 + 1;
        first_day() + Duration::days((k * days / self.total) as i64)
    }

    fn entry(
        &mut self,
        date: NaiveDate,
        prefix: &str,
        memo: &str,
        lines: Vec<LineInput>,
    ) -> NewEntry {
        self.doc += 1;
        NewEntry {
            date,
            doc_ref: format!("{prefix}-{}-{:06}", date.year(), self.doc),
            memo: memo.to_string(),
            idem_key: format!("bench:{}:{}", self.org.code, self.done),
            lines,
            source: None,
        }
    }

    /// Tracks the cash boxes the entry moves.
    fn apply(&mut self, e: &NewEntry) {
        for l in &e.lines {
            let signed = match l.side {
                Side::Debit => l.amount.francs(),
                Side::Credit => -l.amount.francs(),
            };
            match l.account.as_str() {
                "5711" => self.cash += signed,
                "5521" => self.wallet += signed,
                "5721" => self.social_cash += signed,
                "2712" => self.loans += signed,
                _ => {}
            }
        }
        debug_assert!(self.cash >= 0 && self.wallet >= 0 && self.social_cash >= 0);
    }

    fn next_entry(&mut self) -> NewEntry {
        let date = self.date(self.done);
        let e = match self.kind {
            OrgKind::Coop => self.coop_entry(date),
            OrgKind::Savings => self.savings_entry(date),
        };
        self.apply(&e);
        self.done += 1;
        e
    }

    fn coop_entry(&mut self, date: NaiveDate) -> NewEntry {
        let roll = self.rng.below(100);
        match roll {
            // Cash sales at the workshop: 2 or 3 lines.
            0..28 => {
                let a = self.rng.amount(100, 150_000);
                if self.rng.chance(20) && a >= 200 {
                    let (s, m) = split2(&mut self.rng, a);
                    self.entry(
                        date,
                        "RC",
                        "Vente au comptant — savon et masques",
                        vec![dr("5711", a, ""), cr("70211", s, ""), cr("70212", m, "")],
                    )
                } else {
                    let product = if self.rng.chance(70) {
                        "70211"
                    } else {
                        "70212"
                    };
                    self.entry(
                        date,
                        "RC",
                        "Vente au comptant",
                        vec![dr("5711", a, ""), cr(product, a, "")],
                    )
                }
            }
            // Sales paid by Orange Money.
            28..42 => {
                let a = self.rng.amount(100, 200_000);
                let product = if self.rng.chance(50) {
                    "70211"
                } else {
                    "70212"
                };
                self.entry(
                    date,
                    "OM",
                    "Vente payée par Orange Money",
                    vec![dr("5521", a, ""), cr(product, a, "")],
                )
            }
            // Sales on credit to a shop: 3 lines.
            42..50 => {
                let a = self.rng.amount(1_000, 500_000).max(200);
                let (s, m) = split2(&mut self.rng, a);
                let client = format!("Boutique {}", self.rng.pick(LAST_NAMES));
                self.entry(
                    date,
                    "FV",
                    "Vente à crédit à une boutique de Bamako",
                    vec![
                        dr("4111", a, &client),
                        cr("70211", s, ""),
                        cr("70212", m, ""),
                    ],
                )
            }
            // Weekly market: cash, wallet and credit against two products: 5 lines.
            50..55 => {
                let a = self.rng.amount(100, 100_000);
                let b = self.rng.amount(100, 100_000);
                let c = self.rng.amount(100, 100_000);
                let (s, m) = split2(&mut self.rng, a + b + c);
                self.entry(
                    date,
                    "MH",
                    "Foire hebdomadaire : ventes du jour",
                    vec![
                        dr("5711", a, "Espèces"),
                        dr("5521", b, "Orange Money"),
                        dr("4111", c, "Crédit clients"),
                        cr("70211", s, ""),
                        cr("70212", m, ""),
                    ],
                )
            }
            // Customers pay what they owe.
            55..65 => {
                let a = self.rng.amount(500, 300_000);
                let into = if self.rng.chance(70) { "5711" } else { "5521" };
                self.entry(
                    date,
                    "RC",
                    "Règlement client",
                    vec![dr(into, a, ""), cr("4111", a, "")],
                )
            }
            // Raw materials (oil, soda, fabric): 2 to 6 lines.
            65..80 => {
                let mut debits = vec![dr("6021", self.rng.amount(500, 400_000), "")];
                if self.rng.chance(50) {
                    debits.push(dr("6025", self.rng.amount(100, 20_000), "Transport"));
                }
                if self.rng.chance(30) {
                    debits.push(dr("6081", self.rng.amount(100, 50_000), "Emballages"));
                }
                let total: i64 = debits.iter().map(|l| l.amount.francs()).sum();
                let mode = self.rng.below(100);
                let mut credits = Vec::new();
                let mut left = total;
                if mode < 40 && self.cash >= 100 {
                    let c = left.min(self.cash);
                    credits.push(cr("5711", c, ""));
                    left -= c;
                }
                if mode < 60 && left > 0 && self.wallet >= 100 {
                    let w = left.min(self.wallet);
                    credits.push(cr("5521", w, ""));
                    left -= w;
                }
                if left > 0 {
                    credits.push(cr("4011", left, "Fournisseur Médine"));
                }
                let reversible = debits.len() == 1 && credits.len() == 1 && left > 0;
                let mut lines = debits;
                lines.append(&mut credits);
                let e = self.entry(
                    date,
                    "FA",
                    "Achat de matières premières au marché de Médine",
                    lines,
                );
                if reversible {
                    // Its number is known once posted.
                    self.pending_reversible.push(self.done);
                }
                e
            }
            // Paying suppliers, from the cash box or the wallet.
            80..88 if self.cash >= 1_000 || self.wallet >= 1_000 => {
                let from = if self.cash >= self.wallet {
                    "5711"
                } else {
                    "5521"
                };
                let available = self.cash.max(self.wallet);
                let a = self.rng.amount(1_000, 300_000).min(available);
                self.entry(
                    date,
                    "PF",
                    "Règlement fournisseur",
                    vec![dr("4011", a, ""), cr(from, a, "")],
                )
            }
            // Overheads: water, electricity, charcoal, telephone, rent.
            88..94 => {
                let (account, memo) = *self.rng.pick(&[
                    ("6051", "Facture d'eau"),
                    ("6052", "Facture d'électricité"),
                    ("6053", "Charbon pour la cuisson du savon"),
                    ("6281", "Crédit téléphone"),
                    ("6222", "Loyer de l'atelier"),
                ]);
                let a = self.rng.amount(100, 150_000);
                let from = if self.cash >= a {
                    "5711"
                } else if self.wallet >= a {
                    "5521"
                } else {
                    "4011"
                };
                self.entry(date, "PC", memo, vec![dr(account, a, ""), cr(from, a, "")])
            }
            // Members pay up their shares (parts sociales).
            _ => {
                let a = self.rng.range(1, 20) * 5_000;
                let member = format!(
                    "{} {}",
                    self.rng.pick(FIRST_NAMES),
                    self.rng.pick(LAST_NAMES)
                );
                self.entry(
                    date,
                    "PS",
                    "Libération de parts sociales",
                    vec![dr("5711", a, &member), cr("1013", a, &member)],
                )
            }
        }
    }

    fn savings_entry(&mut self, date: NaiveDate) -> NewEntry {
        let roll = self.rng.below(100);
        match roll {
            // Savings at the weekly meeting: 1 to 5 members, 2 to 6 lines.
            0..40 => self.savings_meeting(date),
            // Social fund contributions, kept in their own box.
            40..50 => {
                let a = self.rng.range(4, 200) * 25;
                self.entry(
                    date,
                    "FS",
                    "Cotisations au fonds social",
                    vec![dr("5721", a, ""), cr("1121", a, "")],
                )
            }
            // A loan from the loan fund.
            50..62 if self.cash >= 5_000 => {
                let a = self.rng.amount(5_000, 500_000).min(self.cash);
                let m = self.rng.below(self.members.len() as u64) as usize;
                let name = self.members[m].1.clone();
                self.entry(
                    date,
                    "PR",
                    "Décaissement de prêt",
                    vec![dr("2712", a, &name), cr("5711", a, &name)],
                )
            }
            // A repayment with interest: 3 lines.
            62..80 if self.loans >= 1_000 => {
                let p = self.rng.amount(1_000, 100_000).min(self.loans);
                let i = (p / 10 - (p / 10) % 25).max(25);
                let m = self.rng.below(self.members.len() as u64) as usize;
                let name = self.members[m].1.clone();
                self.entry(
                    date,
                    "RB",
                    "Remboursement de prêt avec intérêts",
                    vec![
                        dr("5711", p + i, &name),
                        cr("2712", p, &name),
                        cr("7712", i, &name),
                    ],
                )
            }
            // Fines for lateness or absence.
            80..88 => {
                let a = self.rng.range(4, 100) * 25;
                self.entry(
                    date,
                    "AM",
                    "Amendes (retards, absences)",
                    vec![dr("5711", a, ""), cr("75883", a, "")],
                )
            }
            // A member takes part of her savings out.
            88..95 => {
                let m = self.rng.below(self.members.len() as u64) as usize;
                let want = self.rng.amount(500, 50_000);
                let a = want.min(self.members[m].2).min(self.cash);
                if a < 100 {
                    return self.savings_meeting(date);
                }
                self.members[m].2 -= a;
                let (number, name) = (self.members[m].0.clone(), self.members[m].1.clone());
                self.entry(
                    date,
                    "RE",
                    "Retrait d'épargne",
                    vec![dr(&number, a, &name), cr("5711", a, &name)],
                )
            }
            // Solidarity payout from the social fund.
            95..97 if self.social_cash >= 1_000 => {
                let a = self
                    .rng
                    .range(40, 800)
                    .saturating_mul(25)
                    .min(self.social_cash);
                self.entry(
                    date,
                    "FS",
                    "Aide de solidarité (naissance, décès)",
                    vec![dr("1121", a, ""), cr("5721", a, "")],
                )
            }
            // Small expenses: passbooks, padlocks, telephone.
            97..100 if self.cash >= 100 => {
                let (account, memo) = *self.rng.pick(&[
                    ("6055", "Achat de livrets et registres"),
                    ("6056", "Achat de cadenas pour la caisse"),
                    ("6281", "Crédit téléphone de la présidente"),
                ]);
                let a = self.rng.amount(100, 25_000).min(self.cash);
                self.entry(
                    date,
                    "PC",
                    memo,
                    vec![dr(account, a, ""), cr("5711", a, "")],
                )
            }
            _ => self.savings_meeting(date),
        }
    }

    fn savings_meeting(&mut self, date: NaiveDate) -> NewEntry {
        let n = self.rng.range(1, 5) as usize;
        let mut lines = vec![dr("5711", 1, "")];
        let mut total = 0;
        let start = self.rng.below(self.members.len() as u64) as usize;
        for j in 0..n {
            let m = (start + j * 7) % self.members.len();
            let a = self.rng.amount(100, 25_000);
            self.members[m].2 += a;
            total += a;
            let label = format!("Épargne — {}", self.members[m].1);
            lines.push(cr(&self.members[m].0.clone(), a, &label));
        }
        lines[0].amount = Fcfa::new(total);
        self.entry(
            date,
            "RE",
            "Réunion hebdomadaire : épargne des membres",
            lines,
        )
    }
}

struct GenOptions {
    db: PathBuf,
    entries: u64,
    orgs: usize,
    seed: u64,
    batch: usize,
    members: usize,
    reversals: usize,
    close: bool,
}

fn org_identity(i: usize) -> (String, String, OrgKind) {
    const COOPS: &[(&str, &str)] = &[
        ("savon", "Coopérative des savonnières de Kati"),
        ("karite", "Coopérative du karité de Siby"),
    ];
    const SAVINGS: &[(&str, &str)] = &[("benkadi", "Groupe d'épargne Benkadi de Sikasso")];
    let (kind, list, n) = if i % 3 == 2 {
        (OrgKind::Savings, SAVINGS, i / 3)
    } else {
        (OrgKind::Coop, COOPS, i - i / 3)
    };
    let (code, name) = list[n % list.len()];
    let round = n / list.len();
    if round == 0 {
        (code.to_string(), name.to_string(), kind)
    } else {
        (
            format!("{code}-{}", round + 1),
            format!("{name} ({})", round + 1),
            kind,
        )
    }
}

fn generate(o: &GenOptions) -> R<()> {
    if o.db.exists() {
        return Err(format!(
            "{} already exists: generate makes a new ledger, remove it first",
            o.db.display()
        ));
    }
    if o.orgs == 0 || o.entries < o.orgs as u64 || o.batch == 0 || o.members == 0 {
        return Err("need at least one org, one entry per org, a batch and a member".into());
    }
    jatebo::i18n::set_lang(Lang::Fr);
    let t_all = Instant::now();
    let mut books = Books::open(&o.db, OpenMode::CreateIfMissing).map_err(err)?;
    let actor = Actor::new("bench").map_err(err)?;
    let mut gens = Vec::new();
    for i in 0..o.orgs {
        let (code, name, kind) = org_identity(i);
        let org = books.add_org(&actor, &code, &name, kind).map_err(err)?;
        let mut members = Vec::new();
        if kind == OrgKind::Savings {
            for m in 0..o.members {
                let number = format!("4621{:03}", m + 1);
                let name = format!(
                    "{} {}",
                    FIRST_NAMES[m % FIRST_NAMES.len()],
                    LAST_NAMES[(m * 5 + m / FIRST_NAMES.len()) % LAST_NAMES.len()]
                );
                books
                    .add_account(&actor, &org, &number, &format!("Épargne de {name}"), None)
                    .map_err(err)?;
                members.push((number, name, 0));
            }
        }
        let total = o.entries / o.orgs as u64 + u64::from((i as u64) < o.entries % o.orgs as u64);
        gens.push(OrgGen {
            org,
            kind,
            rng: Rng(o.seed ^ (0xA076_1D64_78BD_642F_u64.wrapping_mul(i as u64 + 1))),
            done: 0,
            total,
            doc: 0,
            cash: 0,
            wallet: 0,
            social_cash: 0,
            loans: 0,
            members,
            pending_reversible: Vec::new(),
            reversible: Vec::new(),
        });
    }
    eprintln!(
        "generating {} entries for {} organisations into {} (batches of {})",
        o.entries,
        o.orgs,
        o.db.display(),
        o.batch
    );

    // Posting, batch by batch, organisations in turn.
    let t_post = Instant::now();
    let mut posted = 0u64;
    let mut lines = 0u64;
    let mut last_report = Instant::now();
    loop {
        let mut any = false;
        for g in gens.iter_mut() {
            if g.done == g.total {
                continue;
            }
            any = true;
            let n = (g.total - g.done).min(o.batch as u64);
            let first = g.done;
            let batch: Vec<NewEntry> = (0..n).map(|_| g.next_entry()).collect();
            lines += batch.iter().map(|e| e.lines.len() as u64).sum::<u64>();
            let out = books.post_many(&actor, &g.org, &batch).map_err(|e| {
                format!(
                    "posting entries {first}..{} of {}: {}",
                    first + n,
                    g.org.code,
                    err(e)
                )
            })?;
            for (k, outcome) in out.iter().enumerate() {
                if !matches!(outcome, PostOutcome::Posted(_)) {
                    return Err(format!(
                        "entry {} of {} was not posted ({outcome:?}): is the file new?",
                        first + k as u64,
                        g.org.code
                    ));
                }
            }
            // Now the numbers of the reversible purchases are known.
            for k in std::mem::take(&mut g.pending_reversible) {
                let e = &batch[(k - first) as usize];
                g.reversible
                    .push((out[(k - first) as usize].number(), e.date));
            }
            posted += n;
            if last_report.elapsed().as_secs_f64() >= 5.0 || posted == o.entries {
                let s = t_post.elapsed().as_secs_f64();
                eprintln!(
                    "  {posted:>9} / {} entries  {:>6.1} s  {:>7.0} entries/s  {}",
                    o.entries,
                    s,
                    posted as f64 / s,
                    fmt_bytes(ledger_size(&o.db))
                );
                last_report = Instant::now();
            }
        }
        if !any {
            break;
        }
    }
    let post_s = t_post.elapsed().as_secs_f64();

    // Reversals of credit purchases, through the reversal use-case.
    let t_rev = Instant::now();
    let coops: Vec<usize> = (0..gens.len())
        .filter(|&i| gens[i].kind == OrgKind::Coop)
        .collect();
    let mut reversed = 0usize;
    if !coops.is_empty() && o.reversals > 0 {
        for (j, &i) in coops.iter().enumerate() {
            let share = o.reversals / coops.len() + usize::from(j < o.reversals % coops.len());
            let g = &gens[i];
            if share == 0 || g.reversible.is_empty() {
                continue;
            }
            let step = (g.reversible.len() / share).max(1);
            for (number, date) in g.reversible.iter().step_by(step).take(share) {
                let when = (*date + Duration::days(3)).min(last_day());
                let when = if when.year() == date.year() {
                    when
                } else {
                    *date
                };
                books
                    .reverse(
                        &actor,
                        &g.org,
                        *number,
                        when,
                        "Facture saisie en double",
                        Some(&format!("bench-reverse:{}:{number}", g.org.code)),
                    )
                    .map_err(|e| format!("reversing {number} of {}: {}", g.org.code, err(e)))?;
                reversed += 1;
            }
        }
    }
    let rev_s = t_rev.elapsed().as_secs_f64();

    // Year-end closes of every year but the last, through `close_year`.
    let t_close = Instant::now();
    let mut closed = 0;
    if o.close {
        for g in &gens {
            for year in FIRST_DAY.0..LAST_DAY.0 {
                let org = books.org(&g.org.code).map_err(err)?;
                books
                    .close_year(&actor, &org, year)
                    .map_err(|e| format!("closing {year} of {}: {}", g.org.code, err(e)))?;
                closed += 1;
            }
        }
    }
    let close_s = t_close.elapsed().as_secs_f64();
    let orgs = books.orgs().map_err(err)?;
    let total_entries: i64 = orgs.iter().map(|o| o.entries).sum();
    drop(books); // last connection: checkpoints and removes the WAL.
    let all_s = t_all.elapsed().as_secs_f64();
    let size = ledger_size(&o.db);

    println!("## Generation\n");
    println!("| | |\n|---|---|");
    println!("| ledger | `{}` |", o.db.display());
    println!(
        "| organisations | {} ({}) |",
        orgs.len(),
        orgs.iter()
            .map(|o| format!("{} {}: {} entries", o.kind, o.code, o.entries))
            .collect::<Vec<_>>()
            .join("; ")
    );
    println!("| business entries posted | {posted} ({lines} lines) |");
    println!("| reversals | {reversed} |");
    println!("| years closed | {closed} |");
    println!("| entries in the ledger | {total_entries} |");
    println!(
        "| posting time | {post_s:.1} s ({:.0} entries/s, batches of {}) |",
        posted as f64 / post_s,
        o.batch
    );
    println!("| reversals time | {rev_s:.2} s |");
    println!("| year closes time | {close_s:.2} s |");
    println!("| total time | {all_s:.1} s |");
    println!("| file size | {} |", fmt_bytes(size));
    println!(
        "| peak RSS of the generator (VmHWM) | {} |",
        mib(proc_status_kb("VmHWM"))
    );
    Ok(())
}

// ---- measurements --------------------------------------------------------------

struct Measure {
    name: String,
    /// What it returned (rows, entries).
    rows: String,
    first_ms: f64,
    samples: Vec<f64>,
    target_ms: Option<f64>,
}

impl Measure {
    fn sorted(&self) -> Vec<f64> {
        let mut s = self.samples.clone();
        s.sort_by(f64::total_cmp);
        s
    }

    /// Nearest-rank percentile.
    fn pct(&self, p: f64) -> f64 {
        let s = self.sorted();
        let rank = ((p * s.len() as f64).ceil() as usize).clamp(1, s.len());
        s[rank - 1]
    }

    fn median(&self) -> f64 {
        median(&self.samples)
    }

    /// The target and the verdict columns (on p95 and max).
    fn verdict(&self) -> (String, String) {
        let s = self.sorted();
        let max = s[s.len() - 1];
        let p95 = self.pct(0.95);
        match self.target_ms {
            None => ("—".to_string(), "—".to_string()),
            Some(t) => {
                let v = if p95 < t && max < t {
                    "met".to_string()
                } else if p95 < t {
                    format!("met at p95 (max {max:.1} ms over)")
                } else {
                    format!("**not met** (p95 {:.1}×)", p95 / t)
                };
                (format!("< {t:.0} ms"), v)
            }
        }
    }

    fn row(&self) -> String {
        let s = self.sorted();
        let (min, max) = (s[0], s[s.len() - 1]);
        let (target, verdict) = self.verdict();
        format!(
            "| {} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {} | {} |",
            self.name,
            self.rows,
            self.first_ms,
            min,
            self.median(),
            self.pct(0.95),
            max,
            target,
            verdict
        )
    }
}

/// Median (mean of the two middle values for an even count).
fn median(samples: &[f64]) -> f64 {
    let mut s = samples.to_vec();
    s.sort_by(f64::total_cmp);
    if s.is_empty() {
        return f64::NAN;
    }
    if s.len() % 2 == 1 {
        s[s.len() / 2]
    } else {
        (s[s.len() / 2 - 1] + s[s.len() / 2]) / 2.0
    }
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

/// One warm-up call (reported as "first"), then `n` timed calls.
fn measure<T>(
    name: &str,
    n: usize,
    target_ms: Option<f64>,
    mut f: impl FnMut() -> R<T>,
    rows: impl Fn(&T) -> String,
) -> R<Measure> {
    let t = Instant::now();
    let first = f()?;
    let first_ms = ms(t);
    let mut samples = Vec::with_capacity(n);
    for _ in 0..n.max(1) {
        let t = Instant::now();
        let v = f()?;
        samples.push(ms(t));
        std::hint::black_box(&v);
    }
    let m = Measure {
        name: name.to_string(),
        rows: rows(&first),
        first_ms,
        samples,
        target_ms,
    };
    eprintln!("  {}", m.row());
    Ok(m)
}

const VERIFY_NAME: &str = "verify, whole ledger (all orgs)";

/// The measurements a run makes, filtered by `--only`.
struct Plan<'a> {
    n: usize,
    only: Option<&'a str>,
}

impl Plan<'_> {
    fn wants(&self, name: &str) -> bool {
        self.only.is_none_or(|o| name.contains(o))
    }

    fn measure<T>(
        &self,
        name: &str,
        target_ms: Option<f64>,
        f: impl FnMut() -> R<T>,
        rows: impl Fn(&T) -> String,
    ) -> R<Option<Measure>> {
        if !self.wants(name) {
            return Ok(None);
        }
        measure(name, self.n, target_ms, f, rows).map(Some)
    }
}

fn pick_org(books: &Books, code: Option<&str>) -> R<OrgRow> {
    match code {
        Some(c) => books.org(c).map_err(err),
        None => books
            .orgs()
            .map_err(err)?
            .into_iter()
            .find(|o| o.kind == "coop")
            .ok_or_else(|| "no coop in this ledger: name one with --org".to_string()),
    }
}

fn date(y: i32, m: u32, d: u32) -> R<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("bad date {y}-{m}-{d}"))
}

fn range(from: NaiveDate, to: NaiveDate) -> R<DateRange> {
    DateRange::new(from, to).map_err(|e| format!("{e:?}"))
}

struct Phase {
    name: &'static str,
    peak_kb: Option<u64>,
}

fn run(
    db: &Path,
    n: usize,
    verify_n: usize,
    org: Option<&str>,
    year: i32,
    only: Option<&str>,
) -> R<()> {
    let plan = Plan { n, only };
    jatebo::i18n::set_lang(Lang::Fr);
    if !db.exists() {
        return Err(format!(
            "{} does not exist: run `generate` first",
            db.display()
        ));
    }
    let size = ledger_size(db);
    let mut phases = Vec::new();
    let t = Instant::now();
    let books = Books::open(db, OpenMode::Existing).map_err(err)?;
    let open_ms = ms(t);
    let org = pick_org(&books, org)?;
    let orgs = books.orgs().map_err(err)?;
    let total_entries: i64 = orgs.iter().map(|o| o.entries).sum();
    phases.push(Phase {
        name: "open",
        peak_kb: proc_status_kb("VmHWM"),
    });
    let resettable = reset_peak();
    let end_phase = |name: &'static str, phases: &mut Vec<Phase>| {
        phases.push(Phase {
            name,
            peak_kb: proc_status_kb("VmHWM"),
        });
        reset_peak();
    };
    eprintln!(
        "ledger {} ({}), {} entries; org {} ({} entries); {} timed iterations",
        db.display(),
        fmt_bytes(size),
        total_entries,
        org.code,
        org.entries,
        n
    );

    let june = Month::new(year, 6).ok_or("bad --year")?;
    let mut results = Vec::new();

    // 1. Trial balances.
    let tb_ranges: Vec<(String, DateRange)> = vec![
        (format!("trial balance, year {year}"), DateRange::year(year)),
        (
            format!("trial balance, month {june}"),
            DateRange::month(june),
        ),
        (
            format!("trial balance, {year}-03-15 → {year}-09-14 (partial months)"),
            range(date(year, 3, 15)?, date(year, 9, 14)?)?,
        ),
        (
            format!("trial balance, {year}-03-02 → {year}-04-29 (worst case: all from lines)"),
            range(date(year, 3, 2)?, date(year, 4, 29)?)?,
        ),
        (
            "trial balance, all time (2000 → 2099)".to_string(),
            range(date(2000, 1, 1)?, date(2099, 12, 31)?)?,
        ),
    ];
    for (name, r) in &tb_ranges {
        results.extend(plan.measure(
            name,
            Some(50.0),
            || {
                let tb = books
                    .trial_balance(&org, *r, Lang::Fr, false)
                    .map_err(err)?;
                if !tb.totals.balanced() {
                    return Err(format!("{name}: the trial balance does not balance"));
                }
                Ok(tb)
            },
            |tb| format!("{} accounts", tb.rows.len()),
        )?);
    }
    end_phase("trial balances", &mut phases);

    // 2. One account-month.
    let month = DateRange::month(june);
    results.extend(plan.measure(
        &format!("journal, account 5711, month {june} (full entries)"),
        Some(20.0),
        || {
            books
                .journal(
                    &org,
                    &JournalQuery {
                        account: Some("5711".into()),
                        range: Some(month),
                        ..Default::default()
                    },
                )
                .map_err(err)
        },
        |v| format!("{} entries", v.len()),
    )?);
    results.extend(plan.measure(
        &format!("general ledger (grand livre), 5711, month {june}"),
        Some(20.0),
        || books.account_ledger(&org, "5711", month).map_err(err),
        |(_, lines)| format!("{} lines", lines.len()),
    )?);
    end_phase("account-month", &mut phases);

    // 3. Journal pages.
    results.extend(plan.measure(
        "journal, first page (limit 50)",
        None,
        || {
            books
                .journal(
                    &org,
                    &JournalQuery {
                        limit: Some(50),
                        ..Default::default()
                    },
                )
                .map_err(err)
        },
        |v| format!("{} entries", v.len()),
    )?);
    let middle = Month::new(year - 1, 7).ok_or("bad --year")?;
    let anchor = books
        .journal(
            &org,
            &JournalQuery {
                range: Some(DateRange::month(middle)),
                limit: Some(1),
                ..Default::default()
            },
        )
        .map_err(err)?
        .into_iter()
        .next()
        .ok_or_else(|| format!("no entry in {middle} to page from"))?;
    let after = (anchor.entry.date, anchor.id);
    results.extend(plan.measure(
        &format!(
            "journal, page of 50 after {} (keyset, mid-ledger)",
            anchor.entry.number
        ),
        None,
        || {
            books
                .journal(
                    &org,
                    &JournalQuery {
                        after: Some(after),
                        limit: Some(50),
                        ..Default::default()
                    },
                )
                .map_err(err)
        },
        |v| format!("{} entries", v.len()),
    )?);
    end_phase("journal pages", &mut phases);

    // 4. Verify the whole ledger.
    let mut verify_samples = Vec::new();
    let mut verify_entries = 0;
    let verify_n = if plan.wants(VERIFY_NAME) { verify_n } else { 0 };
    for i in 0..verify_n {
        let t = Instant::now();
        let report = books.verify(None).map_err(err)?;
        let took = ms(t);
        eprintln!(
            "  verify #{}: {:.0} ms, {} entries, {} problems",
            i + 1,
            took,
            report.entries,
            report.problems.len()
        );
        if !report.ok() {
            return Err(format!(
                "verify found {} problems, first: {:?}",
                report.problems.len(),
                report.problems.first()
            ));
        }
        verify_entries = report.entries;
        verify_samples.push(took);
    }
    let verify = (!verify_samples.is_empty()).then(|| Measure {
        name: VERIFY_NAME.into(),
        rows: format!("{verify_entries} entries"),
        first_ms: verify_samples[0],
        samples: verify_samples,
        target_ms: None,
    });
    end_phase("verify", &mut phases);
    drop(books);

    // 5. Report.
    let peak = phases.iter().filter_map(|p| p.peak_kb).max();
    println!("## Query benchmark\n");
    println!(
        "Ledger `{}`: {}, {} entries in {} organisations; queries on `{}` ({} entries). \
         Open: {:.1} ms. Each query: one warm-up call (\"first\"), then {} timed calls; \
         times in ms. Verdict on p95 and max.\n",
        db.display(),
        fmt_bytes(size),
        total_entries,
        orgs.len(),
        org.code,
        org.entries,
        open_ms,
        n
    );
    println!(
        "| Measurement | Returns | first | min | median | p95 | max | Target | Verdict |\n\
         |---|---|--:|--:|--:|--:|--:|---|---|"
    );
    for m in &results {
        println!("{}", m.row());
    }
    if let Some(verify) = &verify {
        let sorted = verify.sorted();
        println!(
            "| {} | {} | {:.0} | {:.0} | {:.0} | — | {:.0} | — | — |",
            verify.name,
            verify.rows,
            verify.first_ms,
            sorted[0],
            verify.pct(0.5),
            sorted[sorted.len() - 1]
        );
        println!(
            "\n({} verify run{}, no warm-up; its median column is the nearest-rank median.)",
            verify.samples.len(),
            if verify.samples.len() == 1 { "" } else { "s" }
        );
    }
    println!();
    println!("| Phase | Peak RSS (VmHWM) |\n|---|--:|");
    for p in &phases {
        println!("| {} | {} |", p.name, mib(p.peak_kb));
    }
    let verdict = match peak {
        Some(k) if k < 100 * 1024 => "met",
        Some(_) => "**not met**",
        None => "n/a",
    };
    println!(
        "| **whole run (max)** | **{}** (target < 100 MB: {verdict}) |",
        mib(peak)
    );
    if !resettable {
        println!(
            "\n(VmHWM could not be reset between phases: each figure is the peak since \
             the process started.)"
        );
    }
    Ok(())
}

// ---- the real CLI, end to end ------------------------------------------------

fn cli_balance(
    db: &Path,
    n: usize,
    org: Option<&str>,
    year: i32,
    jatebo: Option<PathBuf>,
) -> R<()> {
    let exe = match jatebo {
        Some(p) => p,
        None => std::env::current_exe()
            .map_err(|e| e.to_string())?
            .parent()
            .ok_or("no directory for the bench binary")?
            .join(format!("jatebo{}", std::env::consts::EXE_SUFFIX)),
    };
    if !exe.exists() {
        return Err(format!(
            "{} not found: build it with `cargo build --release --bins` or pass --jatebo",
            exe.display()
        ));
    }
    let code = {
        let books = Books::open(db, OpenMode::Existing).map_err(err)?;
        pick_org(&books, org)?.code
    };
    let year_s = year.to_string();
    let args: Vec<&std::ffi::OsStr> = vec![
        "--db".as_ref(),
        db.as_os_str(),
        "--org".as_ref(),
        code.as_ref(),
        "balance".as_ref(),
        "--year".as_ref(),
        year_s.as_ref(),
    ];
    let once = || -> R<f64> {
        let t = Instant::now();
        let out = Process::new(&exe)
            .args(&args)
            .env("JATEBO_LANG", "fr")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .map_err(|e| format!("running {}: {e}", exe.display()))?;
        let took = ms(t);
        if !out.status.success() {
            return Err(format!(
                "jatebo balance failed ({}): {}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(took)
    };
    let m = measure(
        &format!("`jatebo --org {code} balance --year {year}` (process, end to end)"),
        n,
        Some(50.0),
        once,
        |_| "1 report".to_string(),
    )?;
    println!("## CLI, end to end\n");
    println!(
        "`{}` on `{}` ({}); one warm-up run, then {n} timed runs; times in ms.\n",
        exe.display(),
        db.display(),
        fmt_bytes(ledger_size(db))
    );
    println!(
        "| Measurement | Returns | first | min | median | p95 | max | Target | Verdict |\n\
         |---|---|--:|--:|--:|--:|--:|---|---|"
    );
    println!("{}", m.row());
    println!(
        "\nPeak RSS of the `jatebo` process (getrusage, largest child): {}",
        mib(children_max_rss_kb())
    );
    Ok(())
}

// ---- the TUI journal screen, headless ------------------------------------------

struct TuiOptions {
    db: PathBuf,
    n: usize,
    filter_n: usize,
    org: Option<String>,
    sizes: Vec<String>,
    text: String,
}

/// One step of the journal screen: a key through `Headless::send` (the
/// update and the effects it asks for, SQL included), then one draw.
struct TuiStep {
    name: String,
    rows: String,
    /// Sample 0 is the first run; the others are the timed ones.
    update: Vec<f64>,
    draw: Vec<f64>,
    target_ms: Option<f64>,
}

impl TuiStep {
    fn new(name: &str, target_ms: Option<f64>) -> TuiStep {
        TuiStep {
            name: name.to_string(),
            rows: String::new(),
            update: Vec::new(),
            draw: Vec::new(),
            target_ms,
        }
    }

    fn push(&mut self, (update, draw): (f64, f64)) {
        self.update.push(update);
        self.draw.push(draw);
    }

    fn len(&self) -> usize {
        self.update.len()
    }

    fn row(&self) -> String {
        if self.len() < 2 {
            return format!(
                "| {} | {} | — | — | — | — | — | — | — | — | not measured |",
                self.name, self.rows
            );
        }
        let total: Vec<f64> = self
            .update
            .iter()
            .zip(&self.draw)
            .map(|(u, d)| u + d)
            .collect();
        let m = Measure {
            name: self.name.clone(),
            rows: self.rows.clone(),
            first_ms: total[0],
            samples: total[1..].to_vec(),
            target_ms: self.target_ms,
        };
        let s = m.sorted();
        let (target, verdict) = m.verdict();
        format!(
            "| {} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {} | {} |",
            self.name,
            self.rows,
            m.first_ms,
            s[0],
            m.median(),
            m.pct(0.95),
            s[s.len() - 1],
            median(&self.update[1..]),
            median(&self.draw[1..]),
            target,
            verdict
        )
    }
}

/// The app, its driver and a test terminal of one size.
struct Tui {
    h: Headless,
    term: Terminal<TestBackend>,
}

impl Tui {
    fn key(&mut self, code: KeyCode) -> R<()> {
        self.h
            .send(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        self.check()
    }

    fn draw(&mut self) -> R<()> {
        let app = &self.h.app;
        self.term
            .draw(|f| jatebo::tui::view::draw(f, app))
            .map(|_| ())
            .map_err(|e| format!("draw: {e}"))
    }

    /// A failed effect shows as an error in the status line.
    fn check(&self) -> R<()> {
        match &self.h.app.status {
            Some(s) if s.level == Level::Error => Err(format!("the TUI reports: {}", s.text)),
            _ => Ok(()),
        }
    }

    /// Times one key (update + effects) and the draw that follows.
    fn timed(&mut self, code: KeyCode) -> R<(f64, f64)> {
        let t = Instant::now();
        self.h
            .send(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        let update = ms(t);
        let t = Instant::now();
        self.draw()?;
        let draw = ms(t);
        self.check()?;
        Ok((update, draw))
    }

    fn journal(&self) -> &JournalState {
        &self.h.app.journal
    }

    /// The selected entry's place in the journal's order.
    fn selected(&self) -> Option<(NaiveDate, i64)> {
        let j = self.journal();
        j.rows.get(j.nav.cursor).map(|e| (e.entry.date, e.id))
    }

    /// (first, last) entry numbers in memory, and how many.
    fn window(&self) -> (String, String, usize) {
        let j = self.journal();
        let num = |e: Option<&EntryView>| e.map(|e| e.entry.number.to_string()).unwrap_or_default();
        (num(j.rows.first()), num(j.rows.last()), j.rows.len())
    }

    fn expect(&self, what: &str, ok: bool) -> R<()> {
        if ok {
            Ok(())
        } else {
            let j = self.journal();
            Err(format!(
                "{what}: unexpected journal state (screen {:?}, loaded {}, {} rows, more before {}, \
                 more after {}, cursor {})",
                self.h.app.screen,
                j.loaded,
                j.rows.len(),
                j.more_before,
                j.more_after,
                j.nav.cursor
            ))
        }
    }
}

fn parse_size(s: &str) -> R<(u16, u16)> {
    let (w, h) = s
        .trim()
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("bad size {s:?}: want WIDTHxHEIGHT"))?;
    let p = |v: &str| {
        v.trim()
            .parse::<u16>()
            .map_err(|_| format!("bad size {s:?}"))
    };
    Ok((p(w)?, p(h)?))
}

/// A logged-in app on the home screen, without the password
/// login: on a ledger with no users, `org_access` opens every organisation
/// as admin, as the real login would after the first-run wizard.
fn bench_app(books: &Books, db: &Path, org_code: &str) -> R<App> {
    let opts = jatebo::tui::Options {
        db: db.to_path_buf(),
        db_is_default: false,
        lang_fixed: true,
    };
    let today = date(2026, 12, 31)?;
    let (mut app, _) =
        jatebo::tui::initial_app(books, &opts, &jatebo::tui::config::Config::default(), today)
            .map_err(err)?;
    let actor = Actor::new("bench").map_err(err)?;
    let orgs: Vec<OrgAccess> = books
        .org_access(&actor)
        .map_err(err)?
        .into_iter()
        .map(|(org, role)| OrgAccess { org, role })
        .collect();
    let user = match books.me(&actor) {
        Ok(u) => u,
        // Only displayed: the ledger has no such user.
        Err(_) => UserRow {
            id: 0,
            name: actor.name.clone(),
            lang: "fr".into(),
            created_at: String::new(),
            disabled: false,
            has_pin: false,
            roles: vec![("*".into(), jatebo::domain::access::Role::Admin)],
        },
    };
    app.org = orgs
        .iter()
        .position(|o| o.org.code == org_code)
        .ok_or_else(|| format!("bench user cannot open {org_code} (the ledger has users?)"))?;
    app.session = Some(Session { actor, user, orgs });
    app.mode = Mode::Main;
    app.screen = Screen::Home;
    Ok(app)
}

fn tui_journal(o: &TuiOptions) -> R<()> {
    jatebo::i18n::set_lang(Lang::Fr);
    let db = &o.db;
    if !db.exists() {
        return Err(format!(
            "{} does not exist: run `generate` first",
            db.display()
        ));
    }
    let sizes = o
        .sizes
        .iter()
        .map(|s| parse_size(s))
        .collect::<R<Vec<_>>>()?;
    let t = Instant::now();
    let books = Books::open(db, OpenMode::Existing).map_err(err)?;
    let open_ms = ms(t);
    let org = pick_org(&books, o.org.as_deref())?;
    let total_entries: i64 = books.orgs().map_err(err)?.iter().map(|o| o.entries).sum();
    // The organisation's first entry: its document reference is a text
    // filter that matches one entry, at the far end of a backward scan.
    let first = books
        .journal(
            &org,
            &JournalQuery {
                limit: Some(1),
                ..Default::default()
            },
        )
        .map_err(err)?
        .into_iter()
        .next()
        .ok_or("the organisation has no entry")?;
    let rare = first.entry.doc_ref.clone();
    let app = bench_app(&books, db, &org.code)?;
    let mut tui = Tui {
        h: Headless::new(books, db.clone(), app),
        term: Terminal::new(TestBackend::new(80, 24)).map_err(|e| format!("{e}"))?,
    };
    eprintln!(
        "ledger {} ({}), {} entries; org {} ({} entries); open {:.0} ms; page of {} entries",
        db.display(),
        fmt_bytes(ledger_size(db)),
        total_entries,
        org.code,
        org.entries,
        open_ms,
        PAGE
    );

    let mut tables = Vec::new();
    for &(w, h) in &sizes {
        eprintln!("{w}x{h}:");
        tui.term = Terminal::new(TestBackend::new(w, h)).map_err(|e| format!("{e}"))?;
        tui.h.send(Msg::Resize(w, h));
        tui.h.app.journal = JournalState::default();
        tui.h.app.screen = Screen::Home;
        tui.draw()?;
        let steps = tui_steps(&mut tui, o, &rare)?;
        let list = {
            let mut a = tui.h.app.clone();
            a.screen = Screen::Journal;
            a.list_height()
        };
        tables.push(((w, h), list, steps));
    }

    println!("## TUI journal screen, headless\n");
    println!(
        "Ledger `{}`: {}, {} entries; journal of `{}` ({} entries), pages of {} entries, \
         at most {} in memory. Each step: one key through `tui::Headless::send` (the update, \
         and the SQL it asks for), then one `Terminal<TestBackend>::draw` of `view::draw`. \
         \"first\" is the step's first run (not counted in the statistics), then {} timed \
         runs ({} for the filters); times in ms. Verdict on p95 and max.\n",
        db.display(),
        fmt_bytes(ledger_size(db)),
        total_entries,
        org.code,
        org.entries,
        PAGE,
        WINDOW,
        o.n,
        o.filter_n
    );
    for ((w, h), list, steps) in &tables {
        println!("### {w}×{h} ({list} rows on screen)\n");
        println!(
            "| Step | Shows | first | min | median | p95 | max | key + SQL (median) | draw (median) | Target | Verdict |\n\
             |---|---|--:|--:|--:|--:|--:|--:|--:|---|---|"
        );
        for s in steps {
            println!("{}", s.row());
        }
        println!();
    }
    println!(
        "Peak RSS of the process (VmHWM): {}",
        mib(proc_status_kb("VmHWM"))
    );
    Ok(())
}

/// Every step at the terminal's current size.
fn tui_steps(tui: &mut Tui, o: &TuiOptions, rare: &str) -> R<Vec<TuiStep>> {
    let n = o.n.max(1);
    let page = PAGE;
    let target = Some(50.0);
    let shows = |tui: &Tui| {
        let (a, b, len) = tui.window();
        match len {
            0 => "0 entries".to_string(),
            1 => format!("1 entry, {a}"),
            _ => format!("{len} entries, {a} … {b}"),
        }
    };

    // (a) Open the journal (F4) from the home screen: the last page.
    let mut open = TuiStep::new("open the journal (F4): last page", target);
    for _ in 0..=n {
        tui.h.app.screen = Screen::Home;
        tui.h.app.journal = JournalState::default();
        tui.draw()?;
        open.push(tui.timed(KeyCode::F(4))?);
        let j = tui.journal();
        tui.expect(
            "open",
            tui.h.app.screen == Screen::Journal
                && j.loaded
                && j.rows.len() == page
                && j.more_before,
        )?;
    }
    open.rows = shows(tui);
    eprintln!("  {}", open.row());

    // (b) Home: the first page; (d) End: back to the last page.
    let mut home = TuiStep::new("jump to the start (Home): first page", target);
    let mut end = TuiStep::new("jump to the end (End): last page", target);
    for _ in 0..=n {
        home.push(tui.timed(KeyCode::Home)?);
        let j = tui.journal();
        tui.expect("home", !j.more_before && j.more_after && j.nav.cursor == 0)?;
        home.rows = shows(tui);
        end.push(tui.timed(KeyCode::End)?);
        let j = tui.journal();
        tui.expect(
            "end",
            j.more_before && !j.more_after && j.nav.cursor + 1 == j.rows.len(),
        )?;
        end.rows = shows(tui);
    }
    eprintln!("  {}", home.row());
    eprintln!("  {}", end.row());

    // (c) Page down from the start: within the rows in memory, or across
    // into the next SQL page (keyset `after`).
    let mut down = TuiStep::new("page down (PgDn), rows in memory", target);
    let mut down_x = TuiStep::new("page down (PgDn), into a new SQL page (keyset)", target);
    tui.key(KeyCode::Home)?;
    let mut presses = 0;
    while down.len() <= n || down_x.len() <= n {
        let before = tui.journal().rows.last().map(|e| e.id);
        let selected = tui.selected();
        let sample = tui.timed(KeyCode::PageDown)?;
        tui.expect("page down", tui.selected() > selected)?;
        let j = tui.journal();
        if j.rows.last().map(|e| e.id) != before {
            down_x.push(sample);
            down_x.rows = format!("+{page} entries, window {}", j.rows.len());
        } else {
            down.push(sample);
            down.rows = format!("{} entries", j.rows.len());
        }
        presses += 1;
        if presses > 100 * (n + 1) {
            return Err("page down never left the rows in memory".into());
        }
    }
    eprintln!("  {}", down.row());
    eprintln!("  {}", down_x.row());

    // Page up from the end: across into the previous SQL page (keyset
    // `before`, backward), the way back from the journal's end.
    let mut up_x = TuiStep::new("page up (PgUp) from the end, into a new SQL page", target);
    tui.key(KeyCode::End)?;
    let mut presses = 0;
    while up_x.len() <= n {
        let before = tui.journal().rows.first().map(|e| e.id);
        let selected = tui.selected();
        let sample = tui.timed(KeyCode::PageUp)?;
        tui.expect("page up", tui.selected() < selected)?;
        let j = tui.journal();
        if j.rows.first().map(|e| e.id) != before {
            up_x.push(sample);
            up_x.rows = format!("+{page} entries, window {}", j.rows.len());
        }
        presses += 1;
        if presses > 100 * (n + 1) {
            return Err("page up never left the rows in memory".into());
        }
    }
    eprintln!("  {}", up_x.row());

    // (e) Filters, as typed in the filter popup, then Enter: the last page
    // of what matches. No target: reported as measured.
    let period = "2025-06";
    let filters: Vec<(String, Vec<Vec<KeyCode>>)> = {
        let t = |s: &str| s.chars().map(KeyCode::Char).collect::<Vec<_>>();
        vec![
            (
                format!("filter: text \"{}\" (common)", o.text),
                vec![t("/"), t(&o.text)],
            ),
            (
                format!("filter: text \"{rare}\" (one entry, the first)"),
                vec![t("/"), t(rare)],
            ),
            (format!("filter: period {period}"), vec![t("f"), t(period)]),
            (
                "filter: account 5711, all periods".to_string(),
                vec![t("f"), vec![KeyCode::Down], t("5711")],
            ),
            (
                format!("filter: account 5711 and period {period}"),
                vec![t("f"), t(period), vec![KeyCode::Down], t("5711")],
            ),
        ]
    };
    let mut out = vec![open, home, down, down_x, end, up_x];
    for (name, keys) in filters {
        let mut step = TuiStep::new(&name, None);
        for _ in 0..=o.filter_n.max(1) {
            tui.key(KeyCode::Char('x'))?;
            for k in keys.iter().flatten() {
                tui.key(*k)?;
            }
            tui.draw()?;
            step.push(tui.timed(KeyCode::Enter)?);
            let j = tui.journal();
            tui.expect(
                &name,
                j.loaded && !j.filter.is_empty() && tui.h.app.popup.is_none(),
            )?;
            step.rows = shows(tui);
        }
        eprintln!("  {}", step.row());
        out.push(step);
    }
    tui.key(KeyCode::Char('x'))?;
    Ok(out)
}

// ---- a cooperative's sales day ------------------------------------------------

fn coop_day(db: &Path, sales: usize, history_days: usize) -> Result<(), String> {
    use jatebo::domain::coop::{AdjustReason, CashCount, Discount, ItemKind, PayMethod, Qty, Unit};
    use jatebo::service::coop::{AdjustInput, NewItem, SaleInput, SaleLineInput};
    if db.exists() {
        return Err(format!("{} exists", db.display()));
    }
    jatebo::i18n::set_lang(Lang::Fr);
    let mut books = Books::open(db, OpenMode::CreateIfMissing).map_err(err)?;
    let actor = Actor::new("bench").map_err(err)?;
    let org = books
        .add_org(&actor, "masques", "Coopérative Benkadi", OrgKind::Coop)
        .map_err(err)?;
    for (code, price) in [("masque-adulte", 1_000), ("masque-enfant", 600)] {
        books
            .add_item(
                &actor,
                &org,
                NewItem {
                    code: code.into(),
                    name: code.replace('-', " "),
                    kind: ItemKind::Product,
                    unit: Unit::Piece,
                    price: Some(Fcfa::new(price)),
                    reorder: Qty::units(20),
                    stock_account: "362".into(),
                    flow_account: Some("70212".into()),
                    variation_account: None,
                },
            )
            .map_err(err)?;
        let need = (sales * (history_days + 1) * 3 + 100) as i64;
        books
            .adjust(
                &actor,
                &org,
                AdjustInput {
                    date: NaiveDate::from_ymd_opt(2026, 1, 2).expect("date"),
                    item: code.into(),
                    qty: Qty::units(need),
                    reason: AdjustReason::Found,
                    unit_cost: Some(rust_decimal::Decimal::from(price * 35 / 100)),
                    note: "stock de départ du banc d'essai".into(),
                    idem_key: format!("bench:stock:{code}"),
                },
            )
            .map_err(err)?;
    }
    let sale = |date: NaiveDate, k: String| SaleInput {
        date,
        point: "boutique".into(),
        customer: None,
        method: PayMethod::Cash,
        lines: vec![
            SaleLineInput {
                item: "masque-adulte".into(),
                qty: Qty::units(3),
                price: None,
                price_reason: String::new(),
                discount: Discount::None,
            },
            SaleLineInput {
                item: "masque-enfant".into(),
                qty: Qty::units(2),
                price: None,
                price_reason: String::new(),
                discount: Discount::None,
            },
        ],
        idem_key: k,
    };
    let start = NaiveDate::from_ymd_opt(2026, 2, 2).expect("date");
    let t_hist = Instant::now();
    books.store_relaxed(true).map_err(err)?;
    for d in 0..history_days {
        let date = start + Duration::days(d as i64);
        for i in 0..sales {
            books
                .sell(&actor, &org, sale(date, format!("h{d}-{i}")))
                .map_err(err)?;
        }
        let z = books
            .sales_summary(&org, "boutique", &date.to_string())
            .map_err(err)?;
        let counted = CashCount::parse(&z.cash_expected.francs().to_string())
            .map_err(|e| format!("{e:?}"))?;
        books
            .close_day(&actor, &org, "boutique", date, date, &counted, "")
            .map_err(err)?;
    }
    books.store_relaxed(false).map_err(err)?;
    let hist_s = t_hist.elapsed().as_secs_f64();
    let day = start + Duration::days(history_days as i64);
    let mut samples = Vec::with_capacity(sales);
    for i in 0..sales {
        let t = Instant::now();
        let out = books
            .sell(&actor, &org, sale(day, format!("d-{i}")))
            .map_err(err)?;
        samples.push(ms(t));
        assert_eq!(out.total, Fcfa::new(4_200));
    }
    let t = Instant::now();
    let z = books
        .sales_summary(&org, "boutique", &day.to_string())
        .map_err(err)?;
    let preview_ms = ms(t);
    let counted = CashCount::parse(&(z.cash_expected.francs() - 100).to_string())
        .map_err(|e| format!("{e:?}"))?;
    let t = Instant::now();
    let closed = books
        .close_day(
            &actor,
            &org,
            "boutique",
            day,
            day,
            &counted,
            "100 F manquants",
        )
        .map_err(err)?;
    let close_ms = ms(t);
    let report = books.verify(None).map_err(err)?;
    let mut s = samples.clone();
    s.sort_by(f64::total_cmp);
    let pct = |p: f64| s[((p * s.len() as f64).ceil() as usize).clamp(1, s.len()) - 1];
    println!(
        "ledger: {} ({} entries; {history_days} earlier sealed days built in {hist_s:.1} s)",
        fmt_bytes(ledger_size(db)),
        books.org("masques").map_err(err)?.entries
    );
    println!(
        "| record a sale (3 adult + 2 child masks, cash), {sales} receipts | median {:.2} ms | p95 {:.2} ms | max {:.2} ms |",
        median(&samples),
        pct(0.95),
        s[s.len() - 1]
    );
    println!(
        "| Z preview of the day ({} receipts, {} F) | {preview_ms:.2} ms |",
        z.sales_count,
        z.sales_total.francs()
    );
    println!(
        "| daily close (count 100 F short, entry posted, day sealed) | {close_ms:.2} ms | difference {} F |",
        closed
            .close
            .as_ref()
            .map(|c| c.difference.francs())
            .unwrap_or(0)
    );
    println!("verify: {}", if report.ok() { "ok" } else { "PROBLEMS" });
    Ok(())
}

// ---- savings group: a meeting, a share-out ------------------------------------

/// Nearest-rank percentile of samples.
fn pct_of(samples: &[f64], p: f64) -> f64 {
    let mut s = samples.to_vec();
    s.sort_by(f64::total_cmp);
    if s.is_empty() {
        return f64::NAN;
    }
    s[((p * s.len() as f64).ceil() as usize).clamp(1, s.len()) - 1]
}

fn max_of(samples: &[f64]) -> f64 {
    samples.iter().copied().fold(f64::NAN, f64::max)
}

fn timing_row(name: &str, samples: &[f64]) -> String {
    format!(
        "| {name} | {} | {:.2} ms | {:.2} ms | {:.2} ms |",
        samples.len(),
        median(samples),
        pct_of(samples, 0.95),
        max_of(samples)
    )
}

/// A savings group on a new ledger, and the meetings the benchmarks hold.
struct SgBench {
    books: Books,
    actor: Actor,
    org: OrgRow,
    rng: Rng,
    /// Shares each member usually buys, by member number.
    habit: Vec<u32>,
    next_date: NaiveDate,
}

/// The sheet of one meeting and what it holds.
struct SgSheet {
    csv: String,
    repayments: usize,
    loans: usize,
    fines: usize,
}

impl SgBench {
    fn create(db: &Path, members: usize) -> R<SgBench> {
        use jatebo::domain::savings::{Constitution, MemberRole};
        use jatebo::service::savings::{CycleInput, SgMemberInput};
        if db.exists() {
            return Err(format!("{} exists", db.display()));
        }
        jatebo::i18n::set_lang(Lang::Fr);
        let mut books = Books::open(db, OpenMode::CreateIfMissing).map_err(err)?;
        let actor = Actor::new("bench").map_err(err)?;
        let org = books
            .add_org(
                &actor,
                "sabali",
                "Groupe d'épargne Sabali",
                OrgKind::Savings,
            )
            .map_err(err)?;
        let start = NaiveDate::from_ymd_opt(2026, 1, 8).ok_or("date")?;
        books
            .start_cycle(
                &actor,
                &org,
                CycleInput {
                    start,
                    planned_end: start + Duration::days(14 * 60),
                    constitution: Constitution {
                        rounding_unit: 25,
                        ..Constitution::standard()
                    },
                },
            )
            .map_err(err)?;
        let mut rng = Rng(0x7361_6261_6c69); // "sabali"
        let mut habit = vec![0];
        for i in 0..members {
            let (a, b) = (i % FIRST_NAMES.len(), i / FIRST_NAMES.len());
            let name = format!(
                "{} {}",
                FIRST_NAMES[a],
                LAST_NAMES[(b * 5 + a) % LAST_NAMES.len()]
            );
            books
                .add_sg_member(
                    &actor,
                    &org,
                    SgMemberInput {
                        number: None,
                        name,
                        phone: String::new(),
                        role: if i == 0 {
                            MemberRole::President
                        } else {
                            MemberRole::Member
                        },
                        joined: start,
                    },
                )
                .map_err(err)?;
            habit.push(rng.range(1, 5) as u32);
        }
        Ok(SgBench {
            books,
            actor,
            org,
            rng,
            habit,
            next_date: start,
        })
    }

    /// Opens the next meeting on the books' counts.
    fn open(&mut self) -> R<jatebo::service::savings::MeetingView> {
        use jatebo::service::savings::{OpenInput, accounts};
        let (loan_cash, social_cash) = {
            let r = self.books.store().read();
            (
                Fcfa::new(
                    r.account_net(self.org.id, accounts::LOAN_CASH)
                        .map_err(err)?,
                ),
                Fcfa::new(
                    r.account_net(self.org.id, accounts::SOCIAL_CASH)
                        .map_err(err)?,
                ),
            )
        };
        let date = self.next_date;
        self.next_date = date + Duration::days(14);
        self.books
            .open_meeting(
                &self.actor,
                &self.org,
                OpenInput {
                    date,
                    loan_cash,
                    social_cash,
                    reason: String::new(),
                },
            )
            .map_err(err)
    }

    /// The sheet a secretary would fill for the open meeting: everyone
    /// present but one absent (absence fine), the social fund, 1–5 shares,
    /// the repayments due (interest and a third of the principal once a
    /// month has ended; the payoff before the due date or at the last
    /// meeting, but a fifth of them left to be netted at the share-out), a
    /// lateness fine, and up to `new_loans` loans, each within three
    /// quarters of her savings (so any debt can be netted) and all within
    /// the cash the box held at the opening.
    fn sheet(
        &mut self,
        v: &jatebo::service::savings::MeetingView,
        new_loans: usize,
        last: bool,
    ) -> SgSheet {
        let c = &v.constitution;
        let price = c.share_price.francs();
        let next = v.meeting.date + Duration::days(i64::from(c.frequency_days));
        let absent = 1 + self.rng.below(v.rows.len() as u64) as usize;
        let late = 1 + self.rng.below(v.rows.len() as u64) as usize;
        let mut room = v.opening_loan.francs();
        let mut out = SgSheet {
            csv: String::from(
                "numero;nom;presence;fonds_social;parts;remboursement;amende;amende_payee;pret;duree\n",
            ),
            repayments: 0,
            loans: 0,
            fines: 0,
        };
        // Member, name, attendance, shares, repayment, fine, fine paid,
        // new loan; and who may borrow (her row clears any loan) up to what.
        struct Row<'a> {
            n: i64,
            name: &'a str,
            present: bool,
            shares: i64,
            repay: i64,
            fine: &'static str,
            fine_paid: i64,
            loan: i64,
            may_borrow: Option<i64>,
        }
        let mut rows: Vec<Row<'_>> = Vec::with_capacity(v.rows.len());
        for (i, r) in v.rows.iter().enumerate() {
            let n = r.member.number;
            if i + 1 == absent && !last && r.loan.is_none() {
                out.fines += 1;
                rows.push(Row {
                    n,
                    name: &r.member.name,
                    present: false,
                    shares: 0,
                    repay: 0,
                    fine: "absence",
                    fine_paid: 0,
                    loan: 0,
                    may_borrow: None,
                });
                continue;
            }
            let base = self.habit[usize::try_from(n).unwrap_or(0)];
            let shares = (i64::from(base) + self.rng.range(-1, 1)).clamp(1, 5);
            let mut repay = 0;
            let mut clears = true;
            if let Some((_, st)) = &r.loan {
                let principal = st.balance.francs() + st.principal_paid.francs();
                let third = (principal / 3 + 499) / 500 * 500;
                repay = if last && self.rng.chance(20) {
                    // Left to be netted at the share-out.
                    st.interest_due.francs()
                } else if last || next > st.due || third >= st.balance.francs() {
                    st.payoff.francs()
                } else if st.interest_due.is_positive() {
                    st.interest_due.francs() + third
                } else {
                    0
                };
                clears = repay == st.payoff.francs();
                if repay > 0 {
                    out.repayments += 1;
                }
            }
            let (fine, fine_paid) = if i + 1 == late {
                out.fines += 1;
                ("retard", 100 + r.fines_owed.francs())
            } else {
                ("", r.fines_owed.francs())
            };
            let savings = r.savings_before.francs() + shares * price;
            rows.push(Row {
                n,
                name: &r.member.name,
                present: true,
                shares,
                repay,
                fine,
                fine_paid,
                loan: 0,
                may_borrow: (clears && !last).then_some(savings * 3 / 4),
            });
        }
        // New loans, from a member drawn at random onwards: the first who
        // may borrow gets one, the next ones by the draw.
        let from = self.rng.below(rows.len().max(1) as u64) as usize;
        for k in 0..rows.len() {
            let i = (from + k) % rows.len();
            let Some(limit) = rows[i].may_borrow else {
                continue;
            };
            if out.loans >= new_loans || (out.loans > 0 && !self.rng.chance(30)) {
                continue;
            }
            let wish = self.rng.range(2, 12) * 2_500;
            let amount = wish.min(limit).min(room) / 2_500 * 2_500;
            if amount >= 5_000 {
                rows[i].loan = amount;
                room -= amount;
                out.loans += 1;
            }
        }
        let cell = |a: i64| if a == 0 { String::new() } else { a.to_string() };
        for r in &rows {
            if r.present {
                out.csv.push_str(&format!(
                    "{};{};p;{};{};{};{};{};{};\n",
                    r.n,
                    r.name,
                    c.social_fee.francs(),
                    r.shares,
                    cell(r.repay),
                    r.fine,
                    cell(r.fine_paid),
                    cell(r.loan)
                ));
            } else {
                out.csv
                    .push_str(&format!("{};{};a;;;;{};;;\n", r.n, r.name, r.fine));
            }
        }
        out
    }

    /// Closes the open meeting on the computed counts.
    fn close(&mut self) -> R<jatebo::service::savings::CloseOutcome> {
        use jatebo::service::savings::CloseInput;
        let v = self.books.meeting_view(&self.org, None).map_err(err)?;
        self.books
            .close_meeting(
                &self.actor,
                &self.org,
                CloseInput {
                    loan_cash: v.closing_loan,
                    social_cash: v.closing_social,
                    reason: String::new(),
                },
            )
            .map_err(err)
    }

    /// A whole meeting, untimed.
    fn hold(&mut self, new_loans: usize, last: bool) -> R<()> {
        let v = self.open()?;
        let sheet = self.sheet(&v, new_loans, last);
        self.books
            .import_sheet(&self.actor, &self.org, &sheet.csv)
            .map_err(err)?;
        self.close()?;
        Ok(())
    }
}

fn find_jatebo(jatebo: Option<PathBuf>) -> R<PathBuf> {
    let exe = match jatebo {
        Some(p) => p,
        None => std::env::current_exe()
            .map_err(|e| e.to_string())?
            .parent()
            .ok_or("no directory for the bench binary")?
            .join(format!("jatebo{}", std::env::consts::EXE_SUFFIX)),
    };
    if !exe.exists() {
        return Err(format!(
            "{} not found: build it with `cargo build --release --bins` or pass --jatebo",
            exe.display()
        ));
    }
    Ok(exe)
}

/// Runs the `jatebo` binary on the ledger; its time end to end.
fn run_jatebo(exe: &Path, db: &Path, args: &[&str]) -> R<f64> {
    let t = Instant::now();
    let out = Process::new(exe)
        .arg("--db")
        .arg(db)
        .args(["--org", "sabali"])
        .args(args)
        .env("JATEBO_LANG", "fr")
        .env_remove("JATEBO_USER")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("running {}: {e}", exe.display()))?;
    let took = ms(t);
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        return Err(format!(
            "`jatebo {}` failed ({}): {}",
            args.join(" "),
            out.status,
            stderr.lines().next().unwrap_or("").trim()
        ));
    }
    Ok(took)
}

fn sg_meeting(
    db: &Path,
    members: usize,
    runs: usize,
    warmup: usize,
    jatebo: Option<PathBuf>,
    no_binary: bool,
) -> R<()> {
    let mut g = SgBench::create(db, members)?;
    let t = Instant::now();
    g.books.store_relaxed(true).map_err(err)?;
    for _ in 0..warmup {
        g.hold(2, false)?;
    }
    g.books.store_relaxed(false).map_err(err)?;
    let warm_s = t.elapsed().as_secs_f64();
    // Through the service, as the TUI and the CLI call it.
    let (mut import, mut close, mut both) = (Vec::new(), Vec::new(), Vec::new());
    let (mut repayments, mut loans, mut fines, mut entries) = (0, 0, 0, 0);
    for _ in 0..runs.max(1) {
        let v = g.open()?;
        let sheet = g.sheet(&v, 1, false);
        repayments += sheet.repayments;
        loans += sheet.loans;
        fines += sheet.fines;
        let t = Instant::now();
        let v = g
            .books
            .import_sheet(&g.actor, &g.org, &sheet.csv)
            .map_err(err)?;
        let import_ms = ms(t);
        if !v.missing().is_empty() {
            return Err(format!("rows missing after the import: {:?}", v.missing()));
        }
        let t = Instant::now();
        let out = g.close()?;
        let close_ms = ms(t);
        entries += out.entries;
        import.push(import_ms);
        close.push(close_ms);
        both.push(import_ms + close_ms);
    }
    let n = runs.max(1);
    println!(
        "ledger: {}; {members} members, {warmup} earlier meetings (built with fsync relaxed in {warm_s:.1} s)",
        db.display()
    );
    println!(
        "service path, {n} meetings: {:.1} repayments, {:.1} new loans, {:.1} fines and {:.1} entries posted a meeting on average\n",
        repayments as f64 / n as f64,
        loans as f64 / n as f64,
        fines as f64 / n as f64,
        entries as f64 / n as f64
    );
    println!("| Step | Meetings | median | p95 | max |\n|---|--:|--:|--:|--:|");
    println!(
        "{}",
        timing_row(
            &format!(
                "`Books::import_sheet`, {members} rows (parse, check every row, save the grid)"
            ),
            &import
        )
    );
    println!(
        "{}",
        timing_row(
            "`Books::close_meeting` (an entry per member, the code)",
            &close
        )
    );
    println!("{}", timing_row("import + close", &both));
    if !no_binary {
        match find_jatebo(jatebo) {
            Err(e) => println!("\nbinary path skipped: {e}"),
            Ok(exe) => {
                let file = db.with_extension("sheet.csv");
                let (mut import, mut close, mut both) = (Vec::new(), Vec::new(), Vec::new());
                let mut failed = None;
                for _ in 0..n {
                    let v = g.open()?;
                    let sheet = g.sheet(&v, 1, false);
                    std::fs::write(&file, &sheet.csv).map_err(|e| e.to_string())?;
                    let path = file.to_string_lossy().to_string();
                    let i = match run_jatebo(&exe, db, &["meeting", "import", &path]) {
                        Ok(t) => t,
                        Err(e) => {
                            failed = Some(e);
                            break;
                        }
                    };
                    let v = g.books.meeting_view(&g.org, None).map_err(err)?;
                    let (loan, social) = (
                        v.closing_loan.francs().to_string(),
                        v.closing_social.francs().to_string(),
                    );
                    let c = run_jatebo(
                        &exe,
                        db,
                        &[
                            "meeting",
                            "close",
                            "--loan-cash",
                            &loan,
                            "--social-cash",
                            &social,
                        ],
                    )?;
                    import.push(i);
                    close.push(c);
                    both.push(i + c);
                }
                let _ = std::fs::remove_file(&file);
                match failed {
                    Some(e) => println!("\nbinary path skipped: {e}"),
                    None => {
                        println!(
                            "\n`{}`, a process per command, end to end:\n",
                            exe.display()
                        );
                        println!(
                            "| Command | Meetings | median | p95 | max |\n|---|--:|--:|--:|--:|"
                        );
                        println!(
                            "{}",
                            timing_row(
                                &format!("`jatebo meeting import FILE` ({members} rows)"),
                                &import
                            )
                        );
                        println!(
                            "{}",
                            timing_row(
                                "`jatebo meeting close --loan-cash … --social-cash …`",
                                &close
                            )
                        );
                        println!("{}", timing_row("import + close", &both));
                    }
                }
            }
        }
    }
    let report = g.books.verify(None).map_err(err)?;
    println!(
        "\nledger after: {} entries, {}; verify: {}",
        g.books.org("sabali").map_err(err)?.entries,
        fmt_bytes(ledger_size(db)),
        if report.ok() { "ok" } else { "PROBLEMS" }
    );
    Ok(())
}

fn sg_shareout(db: &Path, members: usize, meetings: usize, iterations: usize) -> R<()> {
    let mut g = SgBench::create(db, members)?;
    let t = Instant::now();
    g.books.store_relaxed(true).map_err(err)?;
    for k in 0..meetings {
        g.hold(6, k + 1 == meetings)?;
    }
    g.books.store_relaxed(false).map_err(err)?;
    let build_s = t.elapsed().as_secs_f64();
    let date = g.next_date;
    let loans = g.books.loans(&g.org, date).map_err(err)?;
    let open_loans = loans.iter().filter(|l| !l.status.closed).count();
    let first = Instant::now();
    let p = g.books.shareout_preview(&g.org, date).map_err(err)?;
    let first_ms = ms(first);
    let mut preview = Vec::new();
    for _ in 0..iterations.max(1) {
        let t = Instant::now();
        let v = g.books.shareout_preview(&g.org, date).map_err(err)?;
        preview.push(ms(t));
        std::hint::black_box(&v);
    }
    let t = Instant::now();
    let posted = g.books.post_shareout(&g.actor, &g.org, date).map_err(err)?;
    let post_ms = ms(t);
    let entry = posted.entry.clone().unwrap_or_default();
    let lines = g
        .books
        .entry(
            &g.org,
            EntryNumber::parse(&entry).ok_or("no share-out entry")?,
        )
        .map_err(err)?
        .entry
        .lines
        .len();
    let report = g.books.verify(None).map_err(err)?;
    let plan = &p.plan;
    println!(
        "ledger: {}; {members} members, {meetings} closed meetings, {} loans ({} netted at the share-out), {} entries, {} (built with fsync relaxed in {build_s:.1} s)",
        db.display(),
        loans.len(),
        open_loans,
        g.books.org("sabali").map_err(err)?.entries,
        fmt_bytes(ledger_size(db))
    );
    println!(
        "plan: {} shares, savings {} F, loan fund {} F, {} F a share, return {:.1} %, {} members netted ({} F), payouts {} F, remainder {} F\n",
        plan.total_shares,
        plan.total_savings.francs(),
        plan.distributable.francs(),
        plan.value_per_share,
        plan.return_on_savings * rust_decimal::Decimal::from(100),
        plan.lines.iter().filter(|l| !l.netted.is_zero()).count(),
        plan.total_netted.francs(),
        plan.total_payout.francs(),
        plan.remainder.francs()
    );
    println!("| Step | Runs | first | median | p95 | max |\n|---|--:|--:|--:|--:|--:|");
    println!(
        "| `Books::shareout_preview` (read every row, loan and netting; plan) | {} | {first_ms:.2} ms | {:.2} ms | {:.2} ms | {:.2} ms |",
        preview.len(),
        median(&preview),
        pct_of(&preview, 0.95),
        max_of(&preview)
    );
    println!(
        "| `Books::post_shareout` (plan again, one entry of {lines} lines, nettings, cycle closed; fsync) | 1 | {post_ms:.2} ms | | | |"
    );
    println!("\nverify: {}", if report.ok() { "ok" } else { "PROBLEMS" });
    Ok(())
}

fn export_bench(
    db: &Path,
    org: Option<&str>,
    month: &str,
    n: usize,
    out: Option<PathBuf>,
    jatebo: Option<PathBuf>,
) -> R<()> {
    use jatebo::export::{ExportOptions, export_month, verify_export};
    let month = Month::parse(month).map_err(|e| format!("{e:?}"))?;
    let books = Books::open(db, OpenMode::Existing).map_err(err)?;
    let org = pick_org(&books, org)?;
    let actor = Actor::new("bench").map_err(err)?;
    let remove = out.is_none();
    let root = out.unwrap_or_else(|| {
        std::env::temp_dir().join(format!("jatebo-export-bench-{}", std::process::id()))
    });
    std::fs::create_dir_all(&root).map_err(|e| e.to_string())?;
    eprintln!(
        "export of {} {} from {} ({} entries in the organisation)",
        org.code,
        month.key(),
        db.display(),
        org.entries
    );
    eprintln!("| step | rows | first ms | min | median | p95 | max | target | verdict |");
    eprintln!("|---|---|---|---|---|---|---|---|---|");
    let mut rows = Vec::new();
    rows.push(measure(
        "read the month and check it (export_body)",
        n,
        None,
        || {
            books
                .export_body(&actor, &org, month, Lang::Fr)
                .map_err(err)
        },
        |b| format!("{} entries, {} links", b.entries.len(), b.chain.len()),
    )?);
    let mut i = 0;
    let mut last = root.clone();
    rows.push(measure(
        "export_month: all files, synced",
        n,
        Some(1000.0),
        || {
            i += 1;
            let dir = root.join(format!("run{i}"));
            let m = export_month(
                &books,
                &actor,
                &org,
                month,
                &dir,
                &ExportOptions { bom: true },
                &mut |_| {},
            )
            .map_err(err)?;
            last = dir;
            Ok(m)
        },
        |m| {
            let bytes: u64 = m.files.iter().map(|f| f.bytes).sum();
            format!(
                "{} files, {:.1} MiB",
                m.files.len() + 1,
                bytes as f64 / 1048576.0
            )
        },
    )?);
    // Where the time goes: one more export, timed between progress steps.
    let dir = root.join("steps");
    let mut marks: Vec<(String, Instant)> = Vec::new();
    export_month(
        &books,
        &actor,
        &org,
        month,
        &dir,
        &ExportOptions { bom: true },
        &mut |p| marks.push((p.file.to_string(), Instant::now())),
    )
    .map_err(err)?;
    let steps: Vec<String> = marks
        .windows(2)
        .map(|w| {
            let name = if w[0].0.is_empty() { "read" } else { &w[0].0 };
            format!("{name} {:.0} ms", (w[1].1 - w[0].1).as_secs_f64() * 1000.0)
        })
        .collect();
    let folder = last.clone();
    rows.push(measure(
        "verify-export of the folder",
        n,
        None,
        || {
            let c = verify_export(&folder, None).map_err(err)?;
            if c.ok() {
                Ok(c)
            } else {
                Err(format!("verify-export found {:?}", c.problems))
            }
        },
        |c| {
            format!(
                "{} files",
                c.manifest.as_ref().map_or(0, |m| m.files.len() + 1)
            )
        },
    )?);
    // The binary, end to end (a process per run).
    let exe = match jatebo {
        Some(p) => p,
        None => std::env::current_exe()
            .map_err(|e| e.to_string())?
            .parent()
            .ok_or("no directory for the bench binary")?
            .join(format!("jatebo{}", std::env::consts::EXE_SUFFIX)),
    };
    if exe.exists() {
        let mut k = 0;
        let key = month.key();
        rows.push(measure(
            "`jatebo export` (process)",
            n,
            None,
            || {
                k += 1;
                let dir = root.join(format!("cli{k}"));
                let t = Instant::now();
                let o = Process::new(&exe)
                    .arg("--db")
                    .arg(db)
                    .args(["--org", &org.code, "export", "--month", &key, "--out"])
                    .arg(&dir)
                    .env("JATEBO_LANG", "fr")
                    .env("JATEBO_USER", "bench")
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .output()
                    .map_err(|e| e.to_string())?;
                if !o.status.success() {
                    return Err(String::from_utf8_lossy(&o.stderr).into_owned());
                }
                Ok(ms(t))
            },
            |_| String::new(),
        )?);
    } else {
        eprintln!("({} not found: the process is not timed)", exe.display());
    }
    println!("| step | rows | first ms | min | median | p95 | max | target | verdict |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for r in &rows {
        println!("{}", r.row());
    }
    let sizes: Vec<String> = std::fs::read_dir(&last)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok())
        .map(|e| {
            let len = e.metadata().map(|m| m.len()).unwrap_or(0);
            format!(
                "{} {:.0} KiB",
                e.file_name().to_string_lossy(),
                len as f64 / 1024.0
            )
        })
        .collect();
    println!("\nfiles: {}", sizes.join(", "));
    println!("steps of one export: {}", steps.join(", "));
    if remove {
        let _ = std::fs::remove_dir_all(&root);
    }
    Ok(())
}
