//! The store: migrations with their automatic backup, and the pragmas money
//! needs, checked on a real file.

use std::path::Path;

use jatebo::service::{Actor, Books};
use jatebo::store::{OpenMode, SCHEMA_VERSION};

fn make_ledger(path: &Path) {
    let mut books = Books::open(path, OpenMode::CreateIfMissing).unwrap();
    let actor = Actor::new("awa").unwrap();
    jatebo::service::demo::build(&mut books, &actor).unwrap();
}

#[test]
fn a_ledger_of_the_previous_version_is_backed_up_then_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("registre.db");
    make_ledger(&path);
    // Take the file back to version 1: later versions added an index, the
    // users' tables, the cooperative's and the savings group's.
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            "DROP INDEX account_month_by_account;
             DROP TABLE sg_shareouts; DROP TABLE sg_nettings; DROP TABLE sg_leaves;
             DROP TABLE sg_writeoffs; DROP TABLE sg_reopens; DROP TABLE sg_social;
             DROP TABLE sg_rows; DROP TABLE sg_loans; DROP TABLE sg_closes;
             DROP TABLE sg_draft_social; DROP TABLE sg_drafts; DROP TABLE sg_meetings;
             DROP TABLE sg_members; DROP TABLE sg_cycles;
             DROP TABLE user_roles; DROP TABLE login_failures; DROP TABLE users;
             DROP TABLE surplus_allocations; DROP TABLE member_dealings; DROP TABLE member_parts;
             DROP TABLE coop_members; DROP TABLE day_closes; DROP TABLE payment_allocations;
             DROP TABLE payments; DROP TABLE sale_lines; DROP TABLE sales; DROP TABLE customers;
             DROP TABLE stock_docs; DROP TABLE doc_numbers; DROP TABLE recipe_lines;
             DROP TABLE recipes; DROP TABLE stock_moves; DROP TABLE items;
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let books = Books::open(&path, OpenMode::Existing).unwrap();
    let c = books.store().raw_connection();
    let version: i32 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let index: i64 = c
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'account_month_by_account'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(index, 1);
    assert!(books.verify(None).unwrap().ok());

    // The backup taken before migrating is a complete version-1 ledger.
    let backup = dir
        .path()
        .join(format!("registre.pre-v{SCHEMA_VERSION}.backup"));
    assert!(backup.exists(), "no backup beside the ledger");
    let b = rusqlite::Connection::open(&backup).unwrap();
    let v: i32 = b
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 1);
    let entries: i64 = b
        .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .unwrap();
    let now: i64 = c
        .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .unwrap();
    assert_eq!(entries, now);
    assert!(entries > 300);
}

#[test]
fn every_connection_runs_wal_with_full_sync_and_foreign_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("registre.db");
    let books = Books::open(&path, OpenMode::CreateIfMissing).unwrap();
    let c = books.store().raw_connection();
    let mode: String = c
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let sync: i64 = c
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .unwrap();
    assert_eq!(sync, 2, "synchronous must be FULL (2)");
    let fk: i64 = c
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let app: i32 = c
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(app, jatebo::store::APPLICATION_ID);
}

#[cfg(unix)]
#[test]
fn the_ledger_directory_is_created_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jatebo").join("registre.db");
    Books::open(&path, OpenMode::CreateIfMissing).unwrap();
    let mode = std::fs::metadata(path.parent().unwrap())
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o700);
}

#[test]
fn a_trial_balance_sees_one_state_of_the_books() {
    // The reader's snapshot: inside it, a commit by another connection is
    // not seen, so a report made of several queries stays consistent.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("registre.db");
    make_ledger(&path);
    let reader = Books::open(&path, OpenMode::Existing).unwrap();
    let r = reader.store().read();
    let snap = r.snapshot().unwrap();
    assert!(snap.is_some());
    let count = |c: &rusqlite::Connection| -> i64 {
        c.query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
            .unwrap()
    };
    let before = count(reader.store().raw_connection());
    let mut writer = Books::open(&path, OpenMode::Existing).unwrap();
    let org = writer.org("savon").unwrap();
    let actor = writer
        .login("Mariam Keïta", jatebo::service::demo::DEMO_PASSPHRASE)
        .unwrap();
    let entry = jatebo::domain::ledger::NewEntry {
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        doc_ref: "VTE-X".into(),
        memo: "vente".into(),
        idem_key: "snap-1".into(),
        lines: jatebo::domain::ledger::parse_lines("5711;D;500\n70211;C;500\n").unwrap(),
        source: None,
    };
    writer.post(&actor, &org, entry).unwrap();
    assert_eq!(
        count(reader.store().raw_connection()),
        before,
        "snapshot moved"
    );
    drop(snap);
    assert_eq!(count(reader.store().raw_connection()), before + 1);
}

fn jatebo(db: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_jatebo"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("JATEBO_DB")
        .env_remove("JATEBO_ORG")
        .env_remove("JATEBO_LANG")
        .output()
        .unwrap()
}

fn no_checkpoint_on_close(c: &rusqlite::Connection) {
    c.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
        true,
    )
    .unwrap();
}

fn wal_of(path: &Path) -> std::path::PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push("-wal");
    s.into()
}

#[test]
fn a_foreign_database_whose_data_is_still_in_its_log_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("autre.db");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "journal_mode", "WAL").unwrap();
        no_checkpoint_on_close(&c);
        c.execute_batch("CREATE TABLE clients (nom TEXT); INSERT INTO clients VALUES ('Awa');")
            .unwrap();
    }
    let main_before = std::fs::read(&path).unwrap();
    let wal_before = std::fs::read(wal_of(&path)).unwrap();
    assert!(!wal_before.is_empty(), "the data must still be in the log");
    for args in [&["init"][..], &["verify"]] {
        let o = jatebo(&path, args);
        assert_eq!(o.status.code(), Some(1));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("n'est pas un registre jatebo"), "{err}");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            main_before,
            "main file changed"
        );
        assert_eq!(
            std::fs::read(wal_of(&path)).unwrap(),
            wal_before,
            "log changed"
        );
    }
}

#[test]
fn a_newer_version_still_in_the_log_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("registre.db");
    assert!(jatebo(&path, &["init"]).status.success());
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        no_checkpoint_on_close(&c);
        c.pragma_update(None, "user_version", 99).unwrap();
    }
    let main_before = std::fs::read(&path).unwrap();
    let wal_before = std::fs::read(wal_of(&path)).unwrap();
    let o = jatebo(&path, &["verify"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("schéma 99"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), main_before);
    assert_eq!(std::fs::read(wal_of(&path)).unwrap(), wal_before);
}

#[test]
fn a_ledger_cut_off_before_its_first_checkpoint_opens_with_its_entries() {
    // A power cut right after the first entries: everything is in the log,
    // the main file's header does not say "jatebo" yet.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("registre.db");
    {
        let mut books = Books::open(&path, OpenMode::CreateIfMissing).unwrap();
        no_checkpoint_on_close(books.store().raw_connection());
        let actor = Actor::new("awa").unwrap();
        let org = books
            .add_org(&actor, "savon", "Savon", jatebo::service::OrgKind::Coop)
            .unwrap();
        let entry = jatebo::domain::ledger::NewEntry {
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            doc_ref: "AG".into(),
            memo: "parts".into(),
            idem_key: "k1".into(),
            lines: jatebo::domain::ledger::parse_lines("5711;D;5000\n1013;C;5000\n").unwrap(),
            source: None,
        };
        books.post(&actor, &org, entry).unwrap();
    }
    assert!(wal_of(&path).exists());
    let o = jatebo(&path, &["verify"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(out.contains("1 écriture(s)"), "{out}");
}

/// Keyset pages of the journal, forward and backward, with and without an
/// account or a period, join up to exactly the unpaged journal.
#[test]
fn journal_pages_join_up_to_the_whole_journal() {
    use jatebo::domain::period::{DateRange, Month};
    use jatebo::store::JournalQuery;
    let mut books = Books::in_memory().unwrap();
    jatebo::service::demo::build(&mut books, &Actor::new("awa").unwrap()).unwrap();
    let org = books.org("savon").unwrap();
    let ids = |v: &[jatebo::store::EntryView]| v.iter().map(|e| e.id).collect::<Vec<_>>();
    let filters = [
        (None, None),
        (Some("5711"), None),
        (Some("70211"), None),
        (
            Some("5711"),
            Some(DateRange::month(Month::new(2026, 10).unwrap())),
        ),
        (None, Some(DateRange::month(Month::new(2026, 8).unwrap()))),
    ];
    for (account, range) in filters {
        let base = JournalQuery {
            account: account.map(str::to_string),
            range,
            ..Default::default()
        };
        let all = ids(&books.journal(&org, &base).unwrap());
        assert!(
            all.len() > 3,
            "{account:?} {range:?}: too few entries to page"
        );
        for size in [1, 2, 7, 50] {
            // Forward from the start.
            let mut got = Vec::new();
            let mut after = None;
            loop {
                let q = JournalQuery {
                    after,
                    limit: Some(size),
                    ..base.clone()
                };
                let page = books.journal(&org, &q).unwrap();
                got.extend(ids(&page));
                match page.last() {
                    Some(e) if page.len() == size => after = Some((e.entry.date, e.id)),
                    _ => break,
                }
            }
            assert_eq!(got, all, "forward {account:?} {range:?} by {size}");
            // Backward from the end.
            let mut got = Vec::new();
            let mut before = None;
            loop {
                let q = JournalQuery {
                    before,
                    backward: true,
                    limit: Some(size),
                    ..base.clone()
                };
                let page = books.journal(&org, &q).unwrap();
                assert!(
                    page.windows(2)
                        .all(|w| (w[0].entry.date, w[0].id) < (w[1].entry.date, w[1].id))
                );
                let mut p = ids(&page);
                p.extend(got);
                got = p;
                match page.first() {
                    Some(e) if page.len() == size => before = Some((e.entry.date, e.id)),
                    _ => break,
                }
            }
            assert_eq!(got, all, "backward {account:?} {range:?} by {size}");
        }
    }
}
