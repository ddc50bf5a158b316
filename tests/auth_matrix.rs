//! Security on a shared laptop: who may run which command.
//!
//! One row per CLI command (every leaf of `jatebo --help`, checked by
//! `every_command_has_a_row`), one column per actor. Each cell runs the real
//! binary on its own copy of one ledger built once, so cells are independent
//! and run in parallel. A refused cell must exit 1 with the refusal in French
//! on stderr and leave the books exactly as they were (every table but the
//! audit log and the failed-login counters, which a login attempt writes by
//! design); a command that only reads must leave them unchanged whoever runs it.

mod common;

use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::CommandFactory;
use common::{bin, code, stderr, stdout};

const PASS: &str = "jatebo-demo";
/// The savings group's boxes as the demo leaves them.
const LOAN_CASH: &str = "68975";
const SOCIAL_CASH: &str = "17300";
const ADMIN: &str = "Awa Traoré";
const AUDITOR: &str = "NGO Auditor";
/// Treasurer of both cooperatives (demo).
const COOP_TREASURER: &str = "Mariam Keïta";
/// Added here: facilitator of both cooperatives.
const COOP_FACILITATOR: &str = "Fanta Sidibé";
/// Facilitator of the savings group (demo).
const SG_FACILITATOR: &str = "Fatoumata Diarra";
/// Added here: treasurer of the savings group only.
const SG_TREASURER: &str = "Oumar Traoré";

/// The columns: who runs the command.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Admin,
    /// Treasurer of the organisation the row works on.
    Treasurer,
    /// Facilitator of that organisation.
    Facilitator,
    /// Auditor of every organisation.
    Auditor,
    /// Treasurer of another organisation only.
    OtherTreasurer,
    /// No `--user` at all (the passphrase is there).
    NoUser,
    /// The organisation's treasurer with a wrong passphrase.
    WrongPass,
}

const COLUMNS: [Who; 7] = [
    Who::Admin,
    Who::Treasurer,
    Who::Facilitator,
    Who::Auditor,
    Who::OtherTreasurer,
    Who::NoUser,
    Who::WrongPass,
];

/// Which organisation's people the row's columns are.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Scope {
    /// The cooperatives `savon` and `masques`.
    Coop,
    /// The savings group `ton-sabali`.
    Sg,
}

/// Which ledger a cell starts from.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Base {
    /// The demo ledger with two more users.
    Books,
    /// The same with a meeting of the savings group open.
    OpenMeeting,
    /// No ledger at all (`demo` makes one).
    Fresh,
}

struct Row {
    /// The command path as clap names it (`report smt`).
    path: &'static str,
    scope: Scope,
    base: Base,
    args: &'static [&'static str],
    /// One letter per column: A allowed (exit 0, or 3 when the command ran
    /// and reports problems), R refused, G gets past the permission check
    /// (the command may then fail for a reason of the books, never with a
    /// refusal), for a command whose success needs a state this ledger
    /// cannot offer in one step; N not allowed (exit 1, books unchanged),
    /// where a check of the books may answer before the permission does
    /// (an auditor asking for something the books refuse anyway).
    expect: &'static str,
    /// Whether an allowed run may change the books.
    writes: bool,
}

const fn r(
    path: &'static str,
    scope: Scope,
    args: &'static [&'static str],
    expect: &'static str,
    writes: bool,
) -> Row {
    Row {
        path,
        scope,
        base: Base::Books,
        args,
        expect,
        writes,
    }
}

const fn open(path: &'static str, args: &'static [&'static str], expect: &'static str) -> Row {
    Row {
        path,
        scope: Scope::Sg,
        base: Base::OpenMeeting,
        args,
        expect,
        writes: true,
    }
}

use Scope::{Coop as C, Sg as S};

// Columns: admin, treasurer, facilitator, auditor, other org's treasurer,
// no --user, wrong passphrase.
const READ: &str = "AAAARRR";
const POST: &str = "AAARRRR";
const ADMIN_ONLY: &str = "ARRRRRR";
/// Every organisation's books at once: admin and the global auditor.
const READ_ALL: &str = "ARRARRR";
/// Any logged-in user.
const LOGGED_IN: &str = "AAAAARR";
const ANYONE: &str = "AAAAAAA";
const GATE_POST: &str = "GGGNRRR";
const GATE_READ: &str = "GGGGRRR";
const GATE_ADMIN: &str = "GNNNNRR";

const ROWS: &[Row] = &[
    // The ledger and its users.
    r("init", C, &["init"], ANYONE, false),
    Row {
        path: "demo",
        scope: C,
        base: Base::Fresh,
        args: &["demo"],
        expect: ANYONE,
        writes: true,
    },
    r("keys", C, &["keys"], ANYONE, false),
    r(
        "verify-export",
        C,
        &["verify-export", "{xp}"],
        ANYONE,
        false,
    ),
    r(
        "org add",
        C,
        &[
            "org", "add", "--code", "neuve", "--name", "Nouvelle", "--kind", "coop",
        ],
        ADMIN_ONLY,
        true,
    ),
    r("org list", C, &["org", "list"], LOGGED_IN, false),
    r(
        "user add",
        C,
        &["user", "add", "Nouvelle Personne", "--role", "auditor"],
        ADMIN_ONLY,
        true,
    ),
    r("user list", C, &["user", "list"], ADMIN_ONLY, false),
    r("user passwd", C, &["user", "passwd"], LOGGED_IN, true),
    r(
        "user role",
        C,
        &["user", "role", AUDITOR, "treasurer", "--for", "savon"],
        ADMIN_ONLY,
        true,
    ),
    r("user pin", C, &["user", "pin"], LOGGED_IN, true),
    r("audit", C, &["audit", "--limit", "5"], READ_ALL, false),
    r("verify", C, &["verify"], READ_ALL, false),
    r("verify", C, &["--org", "savon", "verify"], READ, false),
    r("status", C, &["--org", "savon", "status"], READ, false),
    // Backups and restores (whole file).
    r(
        "backup",
        C,
        &["backup", "--out", "{out}.db"],
        READ_ALL,
        false,
    ),
    r("doctor", C, &["doctor"], ANYONE, false),
    r("restore", C, &["restore", "{backup}"], GATE_ADMIN, false),
    r(
        "export",
        C,
        &[
            "--org", "savon", "export", "--month", "2026-09", "--out", "{out}",
        ],
        READ,
        false,
    ),
    // General ledger.
    r(
        "account add",
        C,
        &["--org", "savon", "account", "add", "4718", "Compte d'essai"],
        POST,
        true,
    ),
    r(
        "account list",
        C,
        &["--org", "savon", "account", "list"],
        READ,
        false,
    ),
    r(
        "account rename",
        C,
        &[
            "--org",
            "savon",
            "account",
            "rename",
            "5711",
            "--fr",
            "Caisse du bureau",
        ],
        POST,
        true,
    ),
    r(
        "account close",
        C,
        &["--org", "savon", "account", "close", "4718"],
        GATE_POST,
        true,
    ),
    r(
        "account reopen",
        C,
        &["--org", "savon", "account", "reopen", "4718"],
        GATE_POST,
        true,
    ),
    r(
        "account ledger",
        C,
        &[
            "--org", "savon", "account", "ledger", "5711", "--year", "2026",
        ],
        READ,
        false,
    ),
    r(
        "entry add",
        C,
        &[
            "--org",
            "savon",
            "entry",
            "add",
            "--date",
            "2026-11-20",
            "--ref",
            "T-1",
            "--memo",
            "Essai",
            "--debit",
            "5711=100",
            "--credit",
            "1013=100",
        ],
        POST,
        true,
    ),
    r(
        "entry show",
        C,
        &["--org", "savon", "entry", "show", "2026-000001"],
        READ,
        false,
    ),
    r(
        "entry reverse",
        C,
        &[
            "--org",
            "savon",
            "entry",
            "reverse",
            "{last_savon}",
            "--date",
            "2026-11-21",
            "--reason",
            "Erreur de saisie",
        ],
        POST,
        true,
    ),
    r(
        "journal",
        C,
        &["--org", "savon", "journal", "--limit", "3"],
        READ,
        false,
    ),
    r(
        "balance",
        C,
        &["--org", "savon", "balance", "--year", "2026"],
        READ,
        false,
    ),
    // Without --org: the organisations the user may read.
    r(
        "balance",
        C,
        &["balance", "--year", "2026"],
        LOGGED_IN,
        false,
    ),
    r(
        "period close",
        C,
        &["--org", "savon", "period", "close", "--month", "2026-10"],
        "AARRRRR",
        true,
    ),
    r(
        "period list",
        C,
        &["--org", "savon", "period", "list"],
        READ,
        false,
    ),
    // Reports.
    r(
        "report smt",
        C,
        &["--org", "savon", "report", "smt", "--year", "2026"],
        READ,
        false,
    ),
    r(
        "report smt",
        C,
        &["report", "smt", "--year", "2026", "--all-orgs"],
        READ_ALL,
        false,
    ),
    r(
        "report income",
        C,
        &["--org", "savon", "report", "income", "--year", "2026"],
        READ,
        false,
    ),
    r(
        "report balance-sheet",
        C,
        &[
            "--org",
            "savon",
            "report",
            "balance-sheet",
            "--at",
            "2026-11-20",
        ],
        READ,
        false,
    ),
    r(
        "report stock",
        C,
        &["--org", "masques", "report", "stock", "--at", "2026-11-20"],
        READ,
        false,
    ),
    r(
        "report ledger",
        C,
        &["--org", "savon", "report", "ledger", "--year", "2026"],
        READ,
        false,
    ),
    r(
        "report trial",
        C,
        &["--org", "savon", "report", "trial", "--year", "2026"],
        READ,
        false,
    ),
    // The cooperative's shop.
    r(
        "item add",
        C,
        &[
            "--org",
            "masques",
            "item",
            "add",
            "bonnet",
            "--name",
            "Bonnet",
            "--kind",
            "product",
            "--unit",
            "piece",
            "--price",
            "500",
            "--stock",
            "{stock_account}",
            "--account",
            "70212",
        ],
        POST,
        true,
    ),
    r(
        "item set",
        C,
        &["--org", "masques", "item", "set", "fil", "--reorder", "100"],
        POST,
        true,
    ),
    r(
        "item list",
        C,
        &["--org", "masques", "item", "list"],
        READ,
        false,
    ),
    r(
        "item show",
        C,
        &["--org", "masques", "item", "show", "fil"],
        READ,
        false,
    ),
    r(
        "stock purchase",
        C,
        &[
            "--org",
            "masques",
            "stock",
            "purchase",
            "--supplier",
            "Marché",
            "--method",
            "cash",
            "--line",
            "fil:100:200",
            "--date",
            "2026-11-20",
        ],
        POST,
        true,
    ),
    r(
        "stock donation",
        C,
        &[
            "--org",
            "masques",
            "stock",
            "donation",
            "--donor",
            "ONG",
            "--line",
            "fil:10",
            "--date",
            "2026-11-20",
        ],
        POST,
        true,
    ),
    r(
        "stock adjust",
        C,
        &[
            "--org",
            "masques",
            "stock",
            "adjust",
            "fil",
            "10",
            "--reason",
            "loss",
            "--date",
            "2026-11-20",
        ],
        POST,
        true,
    ),
    r(
        "stock count",
        C,
        &[
            "--org",
            "masques",
            "stock",
            "count",
            "--line",
            "fil:5000",
            "--date",
            "2026-11-20",
        ],
        POST,
        true,
    ),
    r(
        "stock moves",
        C,
        &["--org", "masques", "stock", "moves"],
        READ,
        false,
    ),
    r(
        "stock check",
        C,
        &["--org", "masques", "stock", "check"],
        READ,
        false,
    ),
    r(
        "recipe add",
        C,
        &[
            "--org",
            "masques",
            "recipe",
            "add",
            "essai",
            "--name",
            "Essai",
            "--product",
            "masque-adulte",
            "--yield",
            "1",
            "--line",
            "fil:1",
        ],
        POST,
        true,
    ),
    r(
        "recipe list",
        C,
        &["--org", "masques", "recipe", "list"],
        READ,
        false,
    ),
    r(
        "production",
        C,
        &[
            "--org",
            "masques",
            "production",
            "enfant-10",
            "--batches",
            "1",
            "--date",
            "2026-11-20",
        ],
        POST,
        true,
    ),
    r(
        "sale",
        C,
        &[
            "--org",
            "masques",
            "sale",
            "--line",
            "masque-adulte:1",
            "--point",
            "atelier",
            "--date",
            "2026-11-21",
        ],
        POST,
        true,
    ),
    r(
        "sale show",
        C,
        &["--org", "masques", "sale", "show", "VTE-000271"],
        READ,
        false,
    ),
    r(
        "sale receipt",
        C,
        &["--org", "masques", "sale", "receipt", "VTE-000271"],
        READ,
        false,
    ),
    r(
        "sale list",
        C,
        &["--org", "masques", "sale", "list"],
        READ,
        false,
    ),
    r(
        "sale return",
        C,
        &[
            "--org",
            "masques",
            "sale",
            "return",
            "VTE-000271",
            "--line",
            "{sold_item}:1",
            "--reason",
            "Défaut",
            "--point",
            "atelier",
            "--date",
            "2026-11-21",
        ],
        POST,
        true,
    ),
    r(
        "customer add",
        C,
        &[
            "--org", "masques", "customer", "add", "mairie", "--name", "Mairie",
        ],
        POST,
        true,
    ),
    r(
        "customer set",
        C,
        &[
            "--org",
            "masques",
            "customer",
            "set",
            "cscom",
            "--phone",
            "76 00 00 00",
        ],
        POST,
        true,
    ),
    r(
        "customer list",
        C,
        &["--org", "masques", "customer", "list"],
        READ,
        false,
    ),
    r(
        "customer pay",
        C,
        &[
            "--org",
            "masques",
            "customer",
            "pay",
            "cscom",
            "1000",
            "--method",
            "cash",
            "--point",
            "atelier",
            "--date",
            "2026-11-21",
        ],
        POST,
        true,
    ),
    r(
        "customer invoices",
        C,
        &["--org", "masques", "customer", "invoices"],
        READ,
        false,
    ),
    r(
        "customer aging",
        C,
        &["--org", "masques", "customer", "aging"],
        READ,
        false,
    ),
    r(
        "close-day",
        C,
        &[
            "--org",
            "masques",
            "close-day",
            "--point",
            "atelier",
            "--date",
            "2026-11-21",
            "--counted",
            "{atelier_cash}",
        ],
        GATE_POST,
        true,
    ),
    r(
        "close-day month",
        C,
        &["--org", "masques", "close-day", "month", "2026-10"],
        GATE_POST,
        true,
    ),
    r(
        "close-day year",
        C,
        &["--org", "masques", "close-day", "year", "2026"],
        GATE_POST,
        true,
    ),
    r(
        "close-day list",
        C,
        &["--org", "masques", "close-day", "list"],
        READ,
        false,
    ),
    r(
        "member add",
        C,
        &[
            "--org",
            "savon",
            "member",
            "add",
            "--name",
            "Bintou Coulibaly",
            "--parts",
            "1",
            "--part-value",
            "5000",
            "--date",
            "2026-11-20",
        ],
        POST,
        true,
    ),
    r(
        "member parts",
        C,
        &[
            "--org",
            "savon",
            "member",
            "parts",
            "1",
            "--parts",
            "1",
            "--part-value",
            "5000",
            "--date",
            "2026-11-20",
        ],
        GATE_POST,
        true,
    ),
    r(
        "member dealings",
        C,
        &[
            "--org", "savon", "member", "dealings", "1", "--year", "2026", "--amount", "10000",
        ],
        POST,
        true,
    ),
    r(
        "member list",
        C,
        &["--org", "savon", "member", "list"],
        READ,
        false,
    ),
    // show, edit and leave are the savings group's.
    r(
        "member show",
        S,
        &["--org", "ton-sabali", "member", "show", "5"],
        READ,
        false,
    ),
    r(
        "member edit",
        S,
        &[
            "--org",
            "ton-sabali",
            "member",
            "edit",
            "5",
            "--phone",
            "76 11 22 33",
        ],
        POST,
        true,
    ),
    r(
        "member leave",
        S,
        &[
            "--org",
            "ton-sabali",
            "member",
            "leave",
            "5",
            "--preview",
            "--date",
            "2026-11-21",
        ],
        GATE_READ,
        false,
    ),
    r(
        "surplus preview",
        C,
        &["--org", "savon", "surplus", "preview", "2026"],
        GATE_READ,
        false,
    ),
    r(
        "surplus post",
        C,
        &[
            "--org",
            "savon",
            "surplus",
            "post",
            "2026",
            "--date",
            "2027-01-15",
        ],
        GATE_POST,
        true,
    ),
    r(
        "surplus show",
        C,
        &["--org", "savon", "surplus", "show", "2026"],
        GATE_READ,
        false,
    ),
    // The savings group.
    r(
        "group start",
        S,
        &[
            "--org",
            "ton-sabali",
            "group",
            "start",
            "--start",
            "2027-03-01",
            "--end",
            "2027-12-31",
        ],
        GATE_POST,
        true,
    ),
    r(
        "group show",
        S,
        &["--org", "ton-sabali", "group", "show"],
        READ,
        false,
    ),
    r(
        "group cycles",
        S,
        &["--org", "ton-sabali", "group", "cycles"],
        READ,
        false,
    ),
    r(
        "meeting open",
        S,
        &[
            "--org",
            "ton-sabali",
            "meeting",
            "open",
            "--date",
            "2026-11-21",
            "--loan-cash",
            "{loan_cash}",
            "--social-cash",
            "{social_cash}",
        ],
        POST,
        true,
    ),
    r(
        "meeting show",
        S,
        &["--org", "ton-sabali", "meeting", "show"],
        READ,
        false,
    ),
    r(
        "meeting list",
        S,
        &["--org", "ton-sabali", "meeting", "list"],
        READ,
        false,
    ),
    r(
        "meeting reopen",
        S,
        &[
            "--org",
            "ton-sabali",
            "meeting",
            "reopen",
            "--reason",
            "Oubli",
        ],
        GATE_POST,
        true,
    ),
    open(
        "meeting record",
        &[
            "--org",
            "ton-sabali",
            "meeting",
            "record",
            "--member",
            "5",
            "--attendance",
            "p",
        ],
        GATE_POST,
    ),
    open(
        "meeting fill",
        &["--org", "ton-sabali", "meeting", "fill"],
        GATE_POST,
    ),
    open(
        "meeting social",
        &[
            "--org",
            "ton-sabali",
            "meeting",
            "social",
            "--member",
            "5",
            "--kind",
            "grant",
            "--amount",
            "500",
            "--reason",
            "health",
        ],
        GATE_POST,
    ),
    open(
        "meeting social-remove",
        &["--org", "ton-sabali", "meeting", "social-remove", "1"],
        GATE_POST,
    ),
    open(
        "meeting import",
        &[
            "--org",
            "ton-sabali",
            "meeting",
            "import",
            "{xp}/absent.csv",
        ],
        GATE_POST,
    ),
    open(
        "meeting close",
        &[
            "--org",
            "ton-sabali",
            "meeting",
            "close",
            "--loan-cash",
            "{loan_cash}",
            "--social-cash",
            "{social_cash}",
        ],
        GATE_POST,
    ),
    r(
        "loan list",
        S,
        &["--org", "ton-sabali", "loan", "list"],
        READ,
        false,
    ),
    r(
        "loan show",
        S,
        &["--org", "ton-sabali", "loan", "show", "43"],
        READ,
        false,
    ),
    r(
        "loan writeoff",
        S,
        &[
            "--org",
            "ton-sabali",
            "loan",
            "writeoff",
            "43",
            "--reason",
            "Décès",
        ],
        GATE_POST,
        true,
    ),
    r(
        "shareout preview",
        S,
        &["--org", "ton-sabali", "shareout", "preview"],
        GATE_READ,
        false,
    ),
    r(
        "shareout post",
        S,
        &["--org", "ton-sabali", "shareout", "post"],
        GATE_POST,
        true,
    ),
    r(
        "passbook",
        S,
        &["--org", "ton-sabali", "passbook", "--member", "5"],
        READ,
        false,
    ),
    r(
        "indicators",
        S,
        &["--org", "ton-sabali", "indicators"],
        READ,
        false,
    ),
];

/// The refusals a cell may show, in French.
const REFUSALS: &[&str] = &[
    "Vous n'avez pas de rôle",
    "Votre rôle (",
    "Ce registre a des utilisateurs",
    "Connexion refusée",
    "Phrase de passe nécessaire",
];

fn refusal(err: &str) -> Option<&'static str> {
    REFUSALS.iter().copied().find(|m| err.contains(m))
}

fn user_for(who: Who, scope: Scope) -> Option<&'static str> {
    Some(match (who, scope) {
        (Who::Admin, _) => ADMIN,
        (Who::Auditor, _) => AUDITOR,
        (Who::Treasurer | Who::WrongPass, Scope::Coop) => COOP_TREASURER,
        (Who::Treasurer | Who::WrongPass, Scope::Sg) => SG_TREASURER,
        (Who::Facilitator, Scope::Coop) => COOP_FACILITATOR,
        (Who::Facilitator, Scope::Sg) => SG_FACILITATOR,
        (Who::OtherTreasurer, Scope::Coop) => SG_TREASURER,
        (Who::OtherTreasurer, Scope::Sg) => COOP_TREASURER,
        (Who::NoUser, _) => return None,
    })
}

fn jatebo(db: &Path, user: Option<&str>, pass: &str, args: &[&str]) -> Output {
    let mut c = Command::new(bin());
    c.arg("--db").arg(db);
    if let Some(u) = user {
        c.arg("--user").arg(u);
    }
    c.args(args)
        .env_remove("JATEBO_DB")
        .env_remove("JATEBO_ORG")
        .env_remove("JATEBO_LANG")
        .env_remove("JATEBO_USER")
        .env("JATEBO_PASSPHRASE", pass)
        .env("JATEBO_NEW_PASSPHRASE", "nouvelle phrase")
        .env("JATEBO_NEW_PIN", "4321")
        .stdin(Stdio::null());
    // Another build may be replacing the binary at this very moment.
    for _ in 0..50 {
        match c.output() {
            Ok(o) => return o,
            Err(e) if matches!(e.raw_os_error(), Some(2 | 26)) => {
                std::thread::sleep(std::time::Duration::from_millis(200))
            }
            Err(e) => panic!("run jatebo: {e}"),
        }
    }
    panic!("cannot run {}", bin())
}

fn admin_ok(db: &Path, args: &[&str]) -> String {
    let o = jatebo(db, Some(ADMIN), PASS, args);
    assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
    stdout(&o)
}

/// Everything in the books: every row of every table but the audit log and
/// the failed-login counters.
pub fn books_fingerprint(db: &Path) -> u64 {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open ledger");
    let mut tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    tables.retain(|t| t != "audit_log" && t != "login_failures");
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for t in &tables {
        t.hash(&mut h);
        let mut st = c.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = st.column_count();
        let mut rows = st.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..n {
                use rusqlite::types::ValueRef::*;
                match row.get_ref(i).unwrap() {
                    Null => 0u8.hash(&mut h),
                    Integer(v) => (1u8, v).hash(&mut h),
                    Real(v) => (2u8, v.to_bits()).hash(&mut h),
                    Text(v) => (3u8, v).hash(&mut h),
                    Blob(v) => (4u8, v).hash(&mut h),
                }
            }
        }
    }
    h.finish()
}

struct Setup {
    dir: tempfile::TempDir,
    books: PathBuf,
    open_meeting: PathBuf,
    vars: Vec<(&'static str, String)>,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let books = dir.path().join("livres.db");
    let o = jatebo(&books, None, PASS, &["demo"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let add = |name: &str, role: &str, org: &str| {
        let o = Command::new(bin())
            .arg("--db")
            .arg(&books)
            .args([
                "--user", ADMIN, "user", "add", name, "--role", role, "--for", org,
            ])
            .env_remove("JATEBO_USER")
            .env("JATEBO_PASSPHRASE", PASS)
            .env("JATEBO_NEW_PASSPHRASE", PASS)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(code(&o), 0, "{}", stderr(&o));
    };
    add(COOP_FACILITATOR, "facilitator", "savon");
    admin_ok(
        &books,
        &[
            "user",
            "role",
            COOP_FACILITATOR,
            "facilitator",
            "--for",
            "masques",
        ],
    );
    add(SG_TREASURER, "treasurer", "ton-sabali");

    // What some rows need, read from the books.
    let xp = dir.path().join("export");
    admin_ok(
        &books,
        &[
            "--org",
            "savon",
            "export",
            "--month",
            "2026-09",
            "--out",
            xp.to_str().unwrap(),
        ],
    );
    // An entry typed by hand, to reverse (a document's entries are
    // corrected by another document, not reversed alone).
    let posted: serde_json::Value = serde_json::from_str(&admin_ok(
        &books,
        &[
            "--json",
            "--org",
            "savon",
            "entry",
            "add",
            "--date",
            "2026-11-21",
            "--ref",
            "T-0",
            "--memo",
            "Apport",
            "--debit",
            "5711=500",
            "--credit",
            "1013=500",
        ],
    ))
    .unwrap();
    let last = posted["entry"]["number"].as_str().unwrap().to_string();
    let backup = dir.path().join("copie.db");
    admin_ok(&books, &["backup", "--out", backup.to_str().unwrap()]);
    let item: serde_json::Value = serde_json::from_str(&admin_ok(
        &books,
        &[
            "--json",
            "--org",
            "masques",
            "item",
            "show",
            "masque-adulte",
        ],
    ))
    .unwrap();
    let stock = item["item"]["stock_account"]
        .as_str()
        .or_else(|| item["stock_account"].as_str())
        .unwrap_or("3221")
        .to_string();
    let sale: serde_json::Value = serde_json::from_str(&admin_ok(
        &books,
        &["--json", "--org", "masques", "sale", "show", "VTE-000271"],
    ))
    .unwrap();
    let sold = sale.to_string();
    let sold_item = ["masque-enfant", "masque-adulte"]
        .into_iter()
        .find(|c| sold.contains(c))
        .unwrap_or("masque-adulte")
        .to_string();

    let open_meeting = dir.path().join("reunion.db");
    std::fs::copy(&books, &open_meeting).unwrap();
    admin_ok(
        &open_meeting,
        &[
            "--org",
            "ton-sabali",
            "meeting",
            "open",
            "--date",
            "2026-11-21",
            "--loan-cash",
            LOAN_CASH,
            "--social-cash",
            SOCIAL_CASH,
        ],
    );

    Setup {
        books,
        open_meeting,
        vars: vec![
            ("{xp}", xp.to_str().unwrap().to_string()),
            ("{backup}", backup.to_str().unwrap().to_string()),
            ("{last_savon}", last),
            ("{stock_account}", stock),
            ("{sold_item}", sold_item),
            ("{atelier_cash}", "0".to_string()),
            ("{loan_cash}", LOAN_CASH.to_string()),
            ("{social_cash}", SOCIAL_CASH.to_string()),
        ],
        dir,
    }
}

/// Runs one cell; returns a complaint if it did not go as the table says.
fn cell(s: &Setup, base_prints: (u64, u64), row: &Row, col: usize, n: usize) -> Option<String> {
    let who = COLUMNS[col];
    let want = row.expect.as_bytes()[col];
    let cell_dir = s.dir.path().join(format!("cell-{n}-{col}"));
    std::fs::create_dir(&cell_dir).unwrap();
    let db = cell_dir.join("livres.db");
    let before = match row.base {
        Base::Books => {
            std::fs::copy(&s.books, &db).unwrap();
            Some(base_prints.0)
        }
        Base::OpenMeeting => {
            std::fs::copy(&s.open_meeting, &db).unwrap();
            Some(base_prints.1)
        }
        Base::Fresh => None,
    };
    let out = cell_dir.join("export");
    let args: Vec<String> = row
        .args
        .iter()
        .map(|a| {
            let mut a = a.replace("{out}", out.to_str().unwrap());
            for (k, v) in &s.vars {
                a = a.replace(k, v);
            }
            a
        })
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let pass = if who == Who::WrongPass {
        "mauvaise phrase"
    } else {
        PASS
    };
    let o = jatebo(&db, user_for(who, row.scope), pass, &args);
    let err = stderr(&o);
    let tag = format!(
        "[{} | {:?} {:?}] jatebo {}",
        row.path,
        who,
        user_for(who, row.scope),
        args.join(" ")
    );
    let unchanged = || before.is_none_or(|b| books_fingerprint(&db) == b);
    let complaint = match want {
        b'A' if !matches!(code(&o), 0 | 3) => {
            Some(format!("expected allowed, got exit {}: {err}", code(&o)))
        }
        b'G' if refusal(&err).is_some() => Some(format!("expected past the check, refused: {err}")),
        b'N' if code(&o) != 1 => Some(format!(
            "expected not allowed (exit 1), got exit {}: {err}",
            code(&o)
        )),
        b'N' if !unchanged() => Some("not allowed, but the books changed".to_string()),
        b'R' if code(&o) != 1 => Some(format!(
            "expected refused (exit 1), got exit {}: {err}",
            code(&o)
        )),
        b'R' if refusal(&err).is_none() => {
            Some(format!("expected a refusal in French, got: {err}"))
        }
        b'R' if !unchanged() => Some("refused, but the books changed".to_string()),
        _ if !row.writes && before.is_some() && !unchanged() => {
            Some("a command that reads changed the books".to_string())
        }
        _ => None,
    };
    let _ = std::fs::remove_dir_all(&cell_dir);
    complaint.map(|c| format!("{tag}\n    {c}"))
}

#[test]
fn the_authorisation_matrix() {
    let s = setup();
    let prints = (
        books_fingerprint(&s.books),
        books_fingerprint(&s.open_meeting),
    );
    let cells: Vec<(usize, usize)> = (0..ROWS.len())
        .flat_map(|r| (0..COLUMNS.len()).map(move |c| (r, c)))
        .collect();
    for row in ROWS {
        assert_eq!(row.expect.len(), COLUMNS.len(), "{}", row.path);
    }
    let next = AtomicUsize::new(0);
    let complaints = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(2, 8)
        * 2;
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&(r, c)) = cells.get(i) else { break };
                    if let Some(msg) = cell(&s, prints, &ROWS[r], c, r) {
                        complaints.lock().unwrap().push(msg);
                    }
                }
            });
        }
    });
    let mut complaints = complaints.into_inner().unwrap();
    complaints.sort();
    let counts = ROWS.iter().fold([0usize; 3], |mut n, row| {
        for b in row.expect.bytes() {
            n[match b {
                b'A' => 0,
                b'R' | b'N' => 1,
                _ => 2,
            }] += 1;
        }
        n
    });
    eprintln!(
        "authorisation matrix: {} rows × {} columns = {} cells ({} allowed, {} refused, {} past the check)",
        ROWS.len(),
        COLUMNS.len(),
        cells.len(),
        counts[0],
        counts[1],
        counts[2]
    );
    assert!(
        complaints.is_empty(),
        "{} cell(s) of {} differ from the table:\n{}",
        complaints.len(),
        cells.len(),
        complaints.join("\n")
    );
}

/// The command paths of the CLI: every leaf, and every command that also
/// runs without a subcommand (`sale`, `close-day`).
fn command_paths(c: &clap::Command, prefix: &str, out: &mut BTreeSet<String>) {
    for sub in c.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        let path = if prefix.is_empty() {
            sub.get_name().to_string()
        } else {
            format!("{prefix} {}", sub.get_name())
        };
        let has_subs = sub.get_subcommands().any(|s| s.get_name() != "help");
        if !has_subs || !sub.is_subcommand_required_set() {
            out.insert(path.clone());
        }
        command_paths(sub, &path, out);
    }
}

#[test]
fn every_command_has_a_row() {
    let mut paths = BTreeSet::new();
    command_paths(&jatebo::cli::Cli::command(), "", &mut paths);
    let rows: BTreeSet<String> = ROWS.iter().map(|r| r.path.to_string()).collect();
    let missing: Vec<&String> = paths.difference(&rows).collect();
    let unknown: Vec<&String> = rows.difference(&paths).collect();
    assert!(
        missing.is_empty(),
        "commands without a row in the authorisation matrix: {missing:?}"
    );
    assert!(unknown.is_empty(), "rows for no command: {unknown:?}");
}

// ---- failed logins: the lock survives a restart ------------------------------

fn login_state(db: &Path, name: &str) -> jatebo::domain::access::LoginState {
    let store = jatebo::store::Store::open(db, jatebo::store::OpenMode::Existing).unwrap();
    store
        .read()
        .login_state(&jatebo::domain::text::fold(name))
        .unwrap()
}

/// Failed passphrases are counted in the ledger file, not in the process:
/// each attempt below is a new `jatebo`, and after them the right passphrase,
/// in yet another process, is still refused (with the message that says to
/// wait). No clock is moved: the test waits out the short delays for real,
/// and stops at the 15-minute lock.
#[test]
fn failed_logins_lock_the_name_across_restarts() {
    use jatebo::domain::access::{FREE_ATTEMPTS, LOCK_AFTER, LOCK_SECONDS, delay_seconds};
    let l = common::Ledger::new();
    let o = jatebo(&l.path, None, PASS, &["demo"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let read = ["--org", "savon", "journal", "--limit", "1"];
    let try_login = |pass: &str| jatebo(&l.path, Some(COOP_TREASURER), pass, &read);
    let refused = |o: &Output, what: &str| {
        assert_eq!(code(o), 1, "{what}: {}", stderr(o));
        assert!(
            stderr(o).contains("Connexion refusée") && stderr(o).contains("attendez"),
            "{what}: {}",
            stderr(o)
        );
        assert!(
            stdout(o).is_empty(),
            "{what}: nothing of the books is shown"
        );
    };

    // The free attempts, then one more: from now on each attempt must wait.
    for i in 1..=FREE_ATTEMPTS + 1 {
        refused(&try_login("pas la bonne"), "wrong passphrase");
        assert_eq!(login_state(&l.path, COOP_TREASURER).failures, i);
    }
    let saved = login_state(&l.path, COOP_TREASURER);
    assert!(saved.last_failure > 0);
    // (The right passphrase during this first 1-second delay is not tried:
    // on a loaded machine starting the process takes longer than that. The
    // lock below shows the same thing with a 15-minute margin.)

    // Wait out each delay and fail again, up to the lock.
    while login_state(&l.path, COOP_TREASURER).failures < LOCK_AFTER {
        let s = login_state(&l.path, COOP_TREASURER);
        std::thread::sleep(std::time::Duration::from_millis(
            delay_seconds(s.failures) as u64 * 1000 + 300,
        ));
        refused(&try_login("pas la bonne"), "wrong passphrase");
        assert_eq!(
            login_state(&l.path, COOP_TREASURER).failures,
            s.failures + 1
        );
    }
    let locked = login_state(&l.path, COOP_TREASURER);
    assert!(
        locked.locked_until >= locked.last_failure + LOCK_SECONDS,
        "{locked:?}"
    );
    // Even after the longest delay, a new process with the right passphrase
    // is refused: the lock is in the file.
    std::thread::sleep(std::time::Duration::from_millis(
        delay_seconds(LOCK_AFTER) as u64 * 1000 + 300,
    ));
    refused(&try_login(PASS), "right passphrase while locked");
    assert_eq!(login_state(&l.path, COOP_TREASURER), locked);
    // The lock is on that name only.
    let o = jatebo(&l.path, Some(ADMIN), PASS, &read);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

// ---- private files ----------------------------------------------------------

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p)
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        .permissions()
        .mode()
        & 0o777
}

/// A ledger made where no folder exists yet gets a folder only its owner can
/// enter, and the file, its write-ahead log and shared-memory file are
/// readable by the owner only, whatever the umask lets through.
#[cfg(unix)]
#[test]
fn a_new_ledger_is_private() {
    let top = tempfile::tempdir().unwrap();
    let dir = top.path().join("jatebo").join("livres");
    let db = dir.join("registre.db");
    let o = jatebo(&db, None, PASS, &["init"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(mode(&top.path().join("jatebo")), 0o700);
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&db), 0o600);

    // While a connection writes, the -wal and -shm files exist beside it.
    let mut books = jatebo::service::Books::open(&db, jatebo::store::OpenMode::Existing).unwrap();
    let actor = jatebo::service::Actor::new("test").unwrap();
    books
        .add_org(&actor, "coop", "Coop", jatebo::service::OrgKind::Coop)
        .unwrap();
    for side in ["registre.db-wal", "registre.db-shm"] {
        let p = dir.join(side);
        assert!(p.exists(), "{side} should exist while the ledger is open");
        assert_eq!(mode(&p), 0o600, "{side}");
    }
    drop(books);
    assert_eq!(mode(&db), 0o600);
}
