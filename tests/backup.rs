//! Backups, restore, the heads file beside the ledger and `doctor`
//! (issue 7, parts 4 and 5), through the real binary.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{Ledger, code, describe, sidecar, stderr, stdout};
use jatebo::service::Books;
use jatebo::service::safety::{AutoBackup, list_backups};
use jatebo::store::{OpenMode, Store};
use rusqlite::Connection;

const PASS: &str = "jatebo-demo";
const ADMIN: &str = "Awa Traoré";
const AUDITOR: &str = "NGO Auditor";
const TREASURER: &str = "Mariam Keïta";

/// Runs a command as a demo user.
fn as_user(l: &Ledger, user: &str, args: &[&str]) -> std::process::Output {
    l.command(args)
        .env("JATEBO_USER", user)
        .env("JATEBO_PASSPHRASE", PASS)
        .output()
        .expect("run jatebo")
}

fn ok_as(l: &Ledger, user: &str, args: &[&str]) -> String {
    let o = as_user(l, user, args);
    assert_eq!(code(&o), 0, "{}", describe(args, &o));
    stdout(&o)
}

/// Every file under a folder with its size and SHA-256: to show nothing
/// changed.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (usize, String)> {
    use sha2::Digest;
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let bytes = std::fs::read(&p).unwrap();
                let hash = format!("{:x}", sha2::Sha256::digest(&bytes));
                out.insert(p.clone(), (bytes.len(), hash));
            }
        }
    }
    out
}

fn post(l: &Ledger, user: &str, org: &str, memo: &str, amount: u32) -> String {
    let d = format!("--debit=5711={amount}");
    let c = format!("--credit=70211={amount}");
    let o = as_user(
        l,
        user,
        &[
            "--json",
            "--org",
            org,
            "entry",
            "add",
            "--date",
            "2026-11-20",
            "--ref",
            "PJ",
            "--memo",
            memo,
            &d,
            &c,
        ],
    );
    assert_eq!(code(&o), 0, "{}", describe(&["entry", "add"], &o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["entry"]["number"].as_str().unwrap().to_string()
}

fn entries(l: &Ledger, org: &str) -> usize {
    let o = as_user(l, AUDITOR, &["--json", "--org", org, "journal"]);
    assert_eq!(code(&o), 0, "{}", describe(&["journal"], &o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v.as_array().unwrap().len()
}

/// Opens a backup (a copy of it, so that nothing is written beside the
/// backup itself) and verifies it whole.
fn verify_copy(backup: &Path) -> jatebo::service::VerifyReport {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.db");
    std::fs::copy(backup, &copy).unwrap();
    let b = Books::open(&copy, OpenMode::Existing).unwrap();
    b.verify(None).unwrap()
}

#[cfg(unix)]
/// No staging copy of a restore (nor its log files or lock) left in `dir`.
fn assert_no_staging_left(dir: &Path) {
    let names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.contains("restore.part")),
        "the staging copy of a restore was left: {names:?}"
    );
}

fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_backup_by_hand_is_a_verified_private_copy_and_never_overwrites() {
    let l = Ledger::demo();
    let out = ok_as(&l, ADMIN, &["backup"]);
    assert!(out.starts_with("Sauvegarde écrite et vérifiée : "), "{out}");
    assert!(out.contains("3 organisations, 1365 écritures"), "{out}");
    let manual: Vec<_> = list_backups(&l.path)
        .unwrap()
        .into_iter()
        .filter(|b| !b.auto)
        .collect();
    assert_eq!(manual.len(), 1);
    let file = &manual[0].path;
    assert!(file.starts_with(l.dir.path().join("backups")));
    assert!(out.contains(&file.display().to_string()), "{out}");
    #[cfg(unix)]
    {
        assert_eq!(mode(file), 0o600);
        assert_eq!(mode(&l.dir.path().join("backups")), 0o700);
    }
    // The copy holds the same books: it verifies, with the same heads.
    let r = verify_copy(file);
    assert!(r.ok(), "{:?}", r.problems);
    assert_eq!(r.entries, 1365);
    let ledger_heads = Books::open(&l.path, OpenMode::Existing)
        .unwrap()
        .heads()
        .unwrap();
    let copy_heads = Store::open_read_only(file).unwrap().read().heads().unwrap();
    assert_eq!(ledger_heads.orgs, copy_heads.orgs);
    // No write-ahead log beside a backup: it is one standalone file.
    assert!(!sidecar(file, "-wal").exists());

    // Into a named file, then the same name again: refused, untouched.
    let usb = tempfile::tempdir().unwrap();
    let target = usb.path().join("cle.db");
    let target_s = target.to_str().unwrap();
    let json = ok_as(&l, AUDITOR, &["--json", "backup", "--out", target_s]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["entries"], 1365);
    assert_eq!(v["organisations"], 3);
    let before = std::fs::read(&target).unwrap();
    let o = as_user(&l, ADMIN, &["backup", "--out", target_s]);
    assert_eq!(code(&o), 1, "{}", describe(&["backup"], &o));
    assert!(stderr(&o).contains("existe déjà"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&target).unwrap(), before);
    // Into a folder: named by the time.
    ok_as(
        &l,
        ADMIN,
        &["backup", "--out", usb.path().to_str().unwrap()],
    );
    let names: Vec<String> = std::fs::read_dir(usb.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names.iter().any(|n| n.starts_with("registre-20")),
        "{names:?}"
    );
    assert!(!names.iter().any(|n| n.ends_with(".part")), "{names:?}");

    // A backup holds every organisation: a treasurer of two of them may not
    // make one; nothing is written.
    let o = as_user(
        &l,
        TREASURER,
        &["backup", "--out", usb.path().to_str().unwrap()],
    );
    assert_eq!(code(&o), 1, "{}", describe(&["backup"], &o));
    assert_eq!(std::fs::read_dir(usb.path()).unwrap().count(), 2);
    // The action log says who made the backups.
    let audit = ok_as(&l, ADMIN, &["--json", "audit"]);
    let audit: serde_json::Value = serde_json::from_str(&audit).unwrap();
    let backups: Vec<_> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["action"] == "backup")
        .collect();
    assert_eq!(backups.len(), 3, "{backups:?}");
    assert!(
        backups
            .iter()
            .any(|r| r["actor"] == AUDITOR && r["detail"] == "cle.db")
    );
}

#[test]
fn the_daily_backup_is_made_once_a_day_and_rotated() {
    let l = Ledger::with_coop();
    let autos = || -> Vec<_> {
        list_backups(&l.path)
            .unwrap()
            .into_iter()
            .filter(|b| b.auto)
            .collect()
    };
    // `init` was the day's first command: one automatic backup.
    assert_eq!(autos().len(), 1);
    l.post("coop", "2026-03-02", "Vente", "5711=1000", "70211=1000");
    l.ok(&["journal"]);
    assert_eq!(autos().len(), 1, "one a day");

    // Forty days of older automatic backups (three a day), then today's
    // is removed so that the next command makes one and rotates.
    let today = autos().remove(0);
    let dir = l.dir.path().join("backups");
    let now = chrono::Local::now().naive_local();
    for d in 1..=40 {
        for h in [8, 12, 18] {
            let at = (now.date() - chrono::Duration::days(d))
                .and_hms_opt(h, 0, 0)
                .unwrap();
            let name = format!("registre-auto-{}.db", at.format("%Y-%m-%d-%H%M%S"));
            std::fs::copy(&today.path, dir.join(name)).unwrap();
        }
    }
    // A backup made by hand long ago is never rotated away.
    std::fs::copy(&today.path, dir.join("registre-2020-01-01-080000.db")).unwrap();
    std::fs::remove_file(&today.path).unwrap();
    assert_eq!(autos().len(), 120);
    l.ok(&["journal"]);
    let kept = autos();
    // The new one, the nine newest before it, then the newest of each of
    // the older days back to 29 days ago.
    let newest_nine_days = 3; // 9 backups = the 3 newest days, 3 each
    assert_eq!(kept.len(), 1 + 9 + (29 - newest_nine_days), "{kept:#?}");
    assert!(
        kept.iter()
            .all(|b| (now.date() - b.at.date()).num_days() < 30)
    );
    assert!(dir.join("registre-2020-01-01-080000.db").exists());
}

#[test]
fn a_ledger_put_back_to_an_older_copy_is_caught_and_can_be_accepted() {
    let l = Ledger::demo();
    let old = l.dir.path().join("old-copy.db");
    std::fs::copy(&l.path, &old).unwrap();
    post(&l, TREASURER, "savon", "Vente du 20", 1000);
    post(&l, TREASURER, "savon", "Vente du 20 (2)", 500);
    // The laptop's file is replaced by the copy made before.
    std::fs::copy(&old, &l.path).unwrap();
    for s in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(sidecar(&l.path, s));
    }
    let o = as_user(&l, AUDITOR, &["verify"]);
    assert_eq!(code(&o), 3, "{}", describe(&["verify"], &o));
    let text = stdout(&o);
    assert!(
        text.contains(
            "savon : ce registre a 435 écritures alors qu'il en avait déjà 437 : il manque les 2 dernières"
        ),
        "{text}"
    );
    let o = as_user(&l, AUDITOR, &["--json", "verify"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let kinds: Vec<&str> = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p["finding"]["kind"]
                .as_str()
                .unwrap_or(p["kind"].as_str().unwrap())
        })
        .collect();
    assert_eq!(kinds, ["behind", "audit_behind"], "{v}");
    // Every command says it before anything else.
    let o = as_user(&l, AUDITOR, &["--org", "savon", "balance"]);
    assert_eq!(code(&o), 0);
    assert!(
        stderr(&o).starts_with("Attention : ce registre est en retard"),
        "{}",
        stderr(&o)
    );
    // doctor explains it, exit 3, and changes nothing.
    let before = snapshot(l.dir.path());
    let o = l.run(&["doctor"]);
    assert_eq!(code(&o), 3, "{}", describe(&["doctor"], &o));
    assert!(
        stdout(&o).contains("remplacé par une copie plus ancienne"),
        "{}",
        stdout(&o)
    );
    assert_eq!(snapshot(l.dir.path()), before, "doctor wrote something");

    // Posting again on the old copy forks the chain: the known entry 437
    // is another one now.
    post(&l, TREASURER, "savon", "Autre vente", 700);
    post(&l, TREASURER, "savon", "Autre vente (2)", 800);
    let o = as_user(&l, AUDITOR, &["--json", "verify"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v["problems"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["finding"]["kind"] == "rewritten" && p["finding"]["chain_no"] == 437),
        "{v}"
    );

    // No newer copy exists: the administrator accepts the books as they
    // are. A treasurer may not.
    let o = as_user(&l, TREASURER, &["doctor", "--accept-current"]);
    assert_eq!(code(&o), 1, "{}", describe(&["doctor"], &o));
    let out = ok_as(&l, ADMIN, &["doctor", "--accept-current"]);
    assert!(out.contains("Registre accepté"), "{out}");
    let o = as_user(&l, AUDITOR, &["verify"]);
    assert_eq!(code(&o), 0, "{}", describe(&["verify"], &o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    let kept: Vec<_> = std::fs::read_dir(l.dir.path())
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("registre.db.heads.replaced-")
        })
        .collect();
    assert_eq!(kept.len(), 1, "the old heads file is kept aside");
    // (The last record is this command's own login.)
    let audit = ok_as(&l, ADMIN, &["--json", "audit", "--limit", "3"]);
    assert!(audit.contains("heads.accept"), "{audit}");
}

#[test]
fn restore_checks_first_keeps_the_replaced_ledger_and_resets_the_heads() {
    let l = Ledger::demo();
    let usb = tempfile::tempdir().unwrap();
    let backup = usb.path().join("sauvegarde.db");
    ok_as(&l, ADMIN, &["backup", "--out", backup.to_str().unwrap()]);
    post(&l, TREASURER, "savon", "Vente après la sauvegarde", 1000);
    assert_eq!(entries(&l, "savon"), 436);
    let b = backup.to_str().unwrap();

    // Without --yes: the plan, nothing changed (the books: logging in is
    // itself recorded in the action log).
    let files = |l: &Ledger| snapshot(l.dir.path()).into_keys().collect::<Vec<_>>();
    let heads = |l: &Ledger| {
        Books::open(&l.path, OpenMode::Existing)
            .unwrap()
            .heads()
            .unwrap()
            .orgs
    };
    let before = (files(&l), heads(&l));
    let out = ok_as(&l, ADMIN, &["restore", b]);
    assert!(
        out.contains("contient : masques 402, savon 435, ton-sabali 528"),
        "{out}"
    );
    assert!(
        out.contains("Le registre actuel contient : masques 402, savon 436"),
        "{out}"
    );
    assert!(out.contains("la sauvegarde n'a pas (savon 1)"), "{out}");
    assert!(out.contains("Rien n'a été changé"), "{out}");
    assert_eq!(
        (files(&l), heads(&l)),
        before,
        "a check-only restore changed the books"
    );
    // Only the administrator restores.
    let o = as_user(&l, AUDITOR, &["restore", b, "--yes"]);
    assert_eq!(code(&o), 1, "{}", describe(&["restore"], &o));
    assert_eq!((files(&l), heads(&l)), before);

    let out = ok_as(&l, ADMIN, &["restore", b, "--yes"]);
    assert!(out.contains("Registre restauré"), "{out}");
    assert_eq!(entries(&l, "savon"), 435);
    let o = as_user(&l, AUDITOR, &["verify"]);
    assert_eq!(code(&o), 0, "{}", describe(&["verify"], &o));
    assert!(
        stderr(&o).is_empty(),
        "the heads now describe the restored books"
    );
    // The replaced ledger is kept whole beside it, with the entry.
    let aside: Vec<PathBuf> = std::fs::read_dir(l.dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().into_owned();
            n.starts_with("registre.db.replaced-")
                && !n.ends_with(".heads")
                && !n.ends_with("-wal")
                && !n.ends_with("-shm")
        })
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(out.contains(&aside[0].display().to_string()), "{out}");
    let r = verify_copy(&aside[0]);
    assert!(r.ok(), "{:?}", r.problems);
    assert_eq!(r.entries, 1366);
    // No staging file left; the restore is in the action log.
    assert_no_staging_left(l.dir.path());
    let audit = ok_as(&l, ADMIN, &["--json", "audit", "--limit", "10"]);
    assert!(
        audit.contains("\"restore\"") && audit.contains("sauvegarde.db"),
        "{audit}"
    );
    // The backup itself was only read.
    assert!(!sidecar(&backup, "-wal").exists() && !sidecar(&backup, ".heads").exists());
}

#[test]
fn restore_is_refused_while_another_jatebo_has_the_ledger_open() {
    let l = Ledger::demo();
    let usb = tempfile::tempdir().unwrap();
    let backup = usb.path().join("sauvegarde.db");
    ok_as(&l, ADMIN, &["backup", "--out", backup.to_str().unwrap()]);
    post(&l, TREASURER, "savon", "Vente après la sauvegarde", 1000);
    let b = backup.to_str().unwrap();
    let args = ["restore", b, "--yes"];

    // Another jatebo (the treasurer's window, here this test process) has
    // the ledger open: the restore is refused and nothing moves.
    let elsewhere = Books::open(&l.path, OpenMode::Existing).unwrap();
    let out = ok_as(&l, ADMIN, &["doctor"]);
    assert!(
        out.contains("· Un autre jatebo a ce registre ouvert en ce moment"),
        "{out}"
    );
    let before = snapshot(l.dir.path());
    let o = as_user(&l, ADMIN, &args);
    assert_eq!(code(&o), 1, "{}", describe(&args, &o));
    assert!(
        stderr(&o).contains("est ouvert par un autre jatebo")
            && stderr(&o).contains("Rien n'a été changé"),
        "{}",
        describe(&args, &o)
    );
    assert!(o.stdout.is_empty(), "{}", describe(&args, &o));
    assert_eq!(
        snapshot(l.dir.path()),
        before,
        "a refused restore moved or left files"
    );
    let o = as_user(&l, ADMIN, &["--lang", "en", "restore", b, "--yes"]);
    assert!(
        stderr(&o).contains("is open in another jatebo"),
        "{}",
        describe(&args, &o)
    );
    assert_eq!(entries(&l, "savon"), 436);

    // Closed there, the same command restores.
    drop(elsewhere);
    let out = ok_as(&l, ADMIN, &["doctor"]);
    assert!(!out.contains("Un autre jatebo"), "{out}");
    let out = ok_as(&l, ADMIN, &args);
    assert!(out.contains("Registre restauré"), "{out}");
    assert_eq!(entries(&l, "savon"), 435);
    assert_no_staging_left(l.dir.path());
}

#[test]
fn restore_refuses_damaged_foreign_and_unreadable_files() {
    let l = Ledger::demo();
    let usb = tempfile::tempdir().unwrap();
    let good = usb.path().join("bonne.db");
    ok_as(&l, ADMIN, &["backup", "--out", good.to_str().unwrap()]);
    let before = snapshot(l.dir.path());
    let refused = |file: &Path, says: &str| {
        let args = ["restore", file.to_str().unwrap(), "--yes"];
        let o = as_user(&l, ADMIN, &args);
        assert_eq!(code(&o), 1, "{}", describe(&args, &o));
        assert!(stderr(&o).contains(says), "{}", describe(&args, &o));
        assert!(o.stdout.is_empty(), "{}", describe(&args, &o));
        assert_eq!(snapshot(l.dir.path()), before, "a refused restore wrote");
    };
    // Not a ledger at all.
    let text = usb.path().join("notes.db");
    std::fs::write(&text, "pas une base").unwrap();
    refused(&text, "n'est pas un registre jatebo");
    // A backup whose entry was altered (triggers dropped to do it).
    let damaged = usb.path().join("abimee.db");
    std::fs::copy(&good, &damaged).unwrap();
    {
        let c = Connection::open(&damaged).unwrap();
        let sql: String = c
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE name = 'entries_no_update'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        c.execute_batch("DROP TRIGGER entries_no_update;").unwrap();
        c.execute_batch("UPDATE entries SET memo = 'modifié' WHERE id = 10;")
            .unwrap();
        c.execute_batch(&sql).unwrap();
    }
    refused(&damaged, "est endommagée");
    // Another ledger's books.
    let other = Ledger::demo();
    refused(&other.path, "les livres d'un autre registre");
    // The backup's file untouched by the checks.
    assert!(!sidecar(&damaged, ".heads").exists());

    // The ledger itself ruined: the good backup restores it, logging in
    // against the backup's users; the ruined file is kept aside.
    std::fs::write(&l.path, vec![0x55u8; 8192]).unwrap();
    let o = as_user(&l, AUDITOR, &["verify"]);
    assert_eq!(code(&o), 1, "{}", describe(&["verify"], &o));
    let out = ok_as(&l, ADMIN, &["restore", good.to_str().unwrap(), "--yes"]);
    assert!(
        out.contains("Le registre actuel est absent ou illisible"),
        "{out}"
    );
    assert_eq!(entries(&l, "savon"), 435);
    let ruined: Vec<_> = std::fs::read_dir(l.dir.path())
        .unwrap()
        .flatten()
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with("registre.db.replaced-") && !n.ends_with(".heads")
        })
        .collect();
    assert_eq!(ruined.len(), 1);
    assert_eq!(std::fs::read(ruined[0].path()).unwrap(), vec![0x55u8; 8192]);
}

#[test]
fn doctor_explains_the_place_and_leftovers_and_never_writes() {
    let base = tempfile::tempdir().unwrap();
    let dir = base.path().join("Dropbox").join("compta");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("registre.db");
    let o = common::run(&path, &["init"]);
    assert_eq!(code(&o), 0, "{}", describe(&["init"], &o));
    std::fs::write(sidecar(&path, "-journal"), b"").unwrap();
    std::fs::write(sidecar(&path, ".restore.part"), b"x").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let before = snapshot(base.path());
    let o = common::run(&path, &["doctor"]);
    assert_eq!(code(&o), 0, "{}", describe(&["doctor"], &o));
    let out = stdout(&o);
    for says in [
        "! Ce registre est dans un dossier synchronisé (Dropbox)",
        "! Un fichier -journal est à côté du registre",
        "! Fichier temporaire laissé par une opération interrompue",
        "✓ Registre vérifié : 0 organisation, 0 écriture,",
        "Diagnostic : rien d'anormal.",
    ] {
        assert!(out.contains(says), "missing «{says}»:\n{out}");
    }
    #[cfg(unix)]
    assert!(out.contains("(droits 644)"), "{out}");
    let o = common::run(&path, &["--json", "doctor"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let keys: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["key"].as_str().unwrap())
        .collect();
    assert!(
        keys.contains(&"place-synced") && keys.contains(&"doctor-journal"),
        "{keys:?}"
    );
    let o = common::run(&path, &["--lang", "en", "doctor"]);
    assert!(
        stdout(&o).contains("This ledger is in a synced folder (Dropbox)"),
        "{}",
        stdout(&o)
    );
    assert_eq!(snapshot(base.path()), before, "doctor wrote something");

    // A ledger that does not open: a problem, exit 3, the restore path.
    let ruined = base.path().join("ruine.db");
    let mut bytes = std::fs::read(&path).unwrap();
    for b in bytes.iter_mut().skip(100).take(4000) {
        *b ^= 0xA5;
    }
    std::fs::write(&ruined, &bytes).unwrap();
    let o = common::run(&ruined, &["doctor"]);
    assert_eq!(code(&o), 3, "{}", describe(&["doctor"], &o));
    assert!(stdout(&o).contains("jatebo restore"), "{}", stdout(&o));
    assert_eq!(std::fs::read(&ruined).unwrap(), bytes);
}

#[test]
fn the_backup_on_quit_is_made_only_when_the_books_changed() {
    let l = Ledger::with_coop();
    let books = Books::open(&l.path, OpenMode::Existing).unwrap();
    let count = || {
        list_backups(&l.path)
            .unwrap()
            .iter()
            .filter(|b| b.auto)
            .count()
    };
    // The organisation was added after the day's first backup (made by
    // `init`): leaving makes one, leaving again does not.
    let made = books
        .auto_backup(AutoBackup::Quit)
        .unwrap()
        .expect("a backup");
    assert_eq!(made.organisations, 1);
    let first = count();
    assert!(books.auto_backup(AutoBackup::Quit).unwrap().is_none());
    assert!(books.auto_backup(AutoBackup::Daily).unwrap().is_none());
    assert_eq!(count(), first);
    drop(books);
    l.post("coop", "2026-03-02", "Vente", "5711=1000", "70211=1000");
    let books = Books::open(&l.path, OpenMode::Existing).unwrap();
    let made = books
        .auto_backup(AutoBackup::Quit)
        .unwrap()
        .expect("a backup");
    assert_eq!(made.entries, 1);
    assert_eq!(count(), first + 1);
    assert!(books.auto_backup(AutoBackup::Quit).unwrap().is_none());
}
