//! The full-screen interface as a person uses it: the real `jatebo` binary in
//! a pseudo-terminal, its screen read back through a terminal emulator
//! (vt100), keys sent as a keyboard sends them. Each step waits for what the
//! person would wait for on screen, and fails with the whole screen.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use serde_json::Value;

const F4: &str = "\x1b[14~";
const F5: &str = "\x1b[15~";
const F8: &str = "\x1b[19~";
const F10: &str = "\x1b[21~";
const TAB: &str = "\t";
const ENTER: &str = "\r";
const ESC: &str = "\x1b";

const ROWS: u16 = 30;
const COLS: u16 = 100;
/// Generous: CI is a slow two-core machine.
const WAIT: Duration = Duration::from_secs(20);
const PASS: &str = "savon et karité";

/// Device status report: the program asks where the cursor is.
const CURSOR_QUERY: &[u8] = b"\x1b[6n";

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_jatebo")
}

/// Environment variables of the machine running the tests that would change
/// what jatebo does.
const SCRUB: [&str; 10] = [
    "NO_COLOR",
    "JATEBO_DB",
    "JATEBO_ORG",
    "JATEBO_LANG",
    "JATEBO_USER",
    "JATEBO_PASSPHRASE",
    "JATEBO_NEW_PASSPHRASE",
    "JATEBO_LOCK_SECONDS",
    "JATEBO_TODAY",
    "JATEBO_CONFIG",
];

/// A plain (non-terminal) run of `jatebo --db <db> <args…>`.
fn cli(db: &Path, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut c = Command::new(bin());
    c.arg("--db").arg(db).args(args);
    for k in SCRUB {
        c.env_remove(k);
    }
    c.env("JATEBO_TODAY", "2026-11-21");
    for (k, v) in env {
        c.env(k, v);
    }
    c.stdin(std::process::Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", bin()))
}

/// `cli` that must exit 0; returns standard output.
fn cli_ok(db: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let o = cli(db, args, env);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(
        o.status.code(),
        Some(0),
        "jatebo {}\nstdout: {out}\nstderr: {}",
        args.join(" "),
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

/// The binary running in a pseudo-terminal, its screen kept up to date by a
/// reader thread.
struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Tui {
    /// `jatebo --db <db>` in a 100×30 terminal, business date 21/11/2026,
    /// no settings file, colours on, plus `env`.
    fn spawn(dir: &Path, db: &Path, env: &[(&str, &str)]) -> Tui {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(bin());
        cmd.arg("--db");
        cmd.arg(db);
        cmd.cwd(dir);
        for k in SCRUB {
            cmd.env_remove(k);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env("JATEBO_TODAY", "2026-11-21");
        cmd.env("JATEBO_CONFIG", dir.join("none.conf"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("start jatebo");
        // Only the child holds the terminal's other end: reading ends when it exits.
        drop(pty.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(ROWS).unwrap(),
            NonZeroU16::new(COLS).unwrap(),
            0,
        )));
        let mut from_pty = pty.master.try_clone_reader().expect("pty reader");
        let writer: Arc<Mutex<Box<dyn Write + Send>>> =
            Arc::new(Mutex::new(pty.master.take_writer().expect("pty writer")));
        let (screen, answer) = (Arc::clone(&parser), Arc::clone(&writer));
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // The last bytes of the previous read (already shown), in case a
            // query was cut in two; too short to hold a whole one.
            let mut recent: Vec<u8> = Vec::new();
            loop {
                let n = match from_pty.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                };
                let mut seen = std::mem::take(&mut recent);
                let mut shown = seen.len();
                seen.extend_from_slice(&buf[..n]);
                let mut parser = screen.lock().unwrap();
                let mut from = 0;
                // Like a real terminal, answer "where is the cursor?" (ratatui
                // asks when it clears the screen).
                while let Some(i) = find(&seen[from..], CURSOR_QUERY) {
                    let end = from + i + CURSOR_QUERY.len();
                    parser.process(&seen[shown..end]);
                    shown = end;
                    from = end;
                    let (row, col) = parser.screen().cursor_position();
                    let reply = format!("\x1b[{};{}R", row + 1, col + 1);
                    let mut w = answer.lock().unwrap();
                    let _ = w.write_all(reply.as_bytes());
                    let _ = w.flush();
                }
                parser.process(&seen[shown..]);
                recent = seen[seen.len().saturating_sub(CURSOR_QUERY.len() - 1)..].to_vec();
            }
        });
        Tui {
            parser,
            writer,
            child,
            reader: Some(reader),
            _master: pty.master,
        }
    }

    /// What the terminal shows now, as text.
    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Types `keys` as raw bytes. A lone Esc is followed by a pause so that it
    /// is not read together with the next key as an escape sequence.
    fn send(&mut self, keys: &str) {
        let mut w = self.writer.lock().unwrap();
        w.write_all(keys.as_bytes()).expect("write keys");
        w.flush().expect("flush keys");
        drop(w);
        let pause = if keys == ESC { 150 } else { 40 };
        thread::sleep(Duration::from_millis(pause));
    }

    /// Waits until `pred` holds for the screen; fails with the screen.
    fn wait_until(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if start.elapsed() > WAIT {
                panic!("waited {WAIT:?} for {what}; the screen is:\n{s}");
            }
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen shows `text`.
    fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text))
    }

    /// Waits until the screen no longer shows `text`.
    fn wait_gone(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to go"), |s| !s.contains(text))
    }

    /// Waits for the process to end; returns its exit code.
    fn wait_exit(mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                if let Some(r) = self.reader.take() {
                    let _ = r.join();
                }
                return status.exit_code();
            }
            if start.elapsed() > WAIT {
                let s = self.screen();
                let _ = self.child.kill();
                panic!("jatebo did not exit within {WAIT:?}; the screen is:\n{s}");
            }
            thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        // A failed test must not leave the binary running.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Whether the journal lists entry `number` dated 21/11/2026 as a row (the
/// memo of a reversal names its original, so a bare number is not enough).
fn lists(screen: &str, number: &str) -> bool {
    screen.contains(&format!("21/11/2026 {number}"))
}

#[test]
fn first_run_post_reverse_filter_and_quit() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = dir.path().join("j.db");
    cli_ok(&db, &["init"], &[]);

    let mut t = Tui::spawn(dir.path(), &db, &[]);

    // First run: language, what to do, the administrator, the organisation.
    t.wait_for("Français");
    t.send(ENTER);
    t.wait_for("Créer mes comptes");
    t.send(ENTER);
    t.wait_for("Phrase de passe");
    t.send("Awa Traoré");
    t.send(TAB);
    t.send(PASS);
    t.send(TAB);
    t.send(PASS);
    t.send(ENTER);
    t.wait_for("Code court");
    t.send("savon");
    t.send(TAB);
    t.send("Coopérative des savonnières");
    t.send(ENTER);
    t.send(ENTER);
    let home = t.wait_for("Trésorerie");
    assert!(home.contains("Coopérative des savonnières"), "{home}");

    // A balanced entry by hand: 50 000 F of member shares into the cash box.
    t.send(F5);
    t.wait_for("Pièce");
    t.send(TAB);
    t.send("R-001");
    t.send(TAB);
    t.send("Apport des parts sociales");
    t.send(TAB);
    t.send("5711");
    t.send(TAB);
    t.send("50 000");
    t.send(TAB);
    t.send(TAB);
    t.send(TAB);
    t.send("1013");
    t.send(TAB);
    t.send(TAB);
    t.send("50000");
    t.send(F8);
    t.wait_for("Écriture enregistrée sous le N° 2026-000001");
    t.send(ENTER);
    t.wait_gone("Écriture enregistrée sous le N°");

    // The journal, the entry, its reversal.
    t.send(F4);
    t.wait_until("the journal listing 2026-000001", |s| {
        lists(s, "2026-000001")
    });
    t.send(ENTER);
    t.wait_for("Écriture N° 2026-000001 du 21/11/2026");
    t.send("r");
    t.send("erreur de caisse");
    t.send(ENTER);
    t.wait_for("contre-passée par N° 2026-000002");
    t.send(ESC);
    t.wait_until("the journal listing both entries", |s| {
        lists(s, "2026-000001") && lists(s, "2026-000002")
    });

    // Filter the journal by text: only the reversal is left.
    t.send("/");
    t.send("contre");
    t.send(ENTER);
    t.wait_until("only 2026-000002 listed, under the filter", |s| {
        s.contains("texte « contre »") && lists(s, "2026-000002") && !lists(s, "2026-000001")
    });

    // Letters reach the screens too (AZERTY: digits need Shift).
    t.send("c");
    t.wait_for("comptes · Entrée : grand livre");
    t.send("a");
    t.wait_for("Trésorerie");

    t.send(F10);
    assert_eq!(t.wait_exit(), 0);

    // The books the interface wrote are sound, and say what was done.
    let awa = [("JATEBO_USER", "Awa Traoré"), ("JATEBO_PASSPHRASE", PASS)];
    let out = cli_ok(&db, &["verify"], &awa);
    assert!(out.contains("tout est en ordre"), "{out}");
    let out = cli_ok(&db, &["--org", "savon", "journal", "--json"], &awa);
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let entries = v.as_array().unwrap_or_else(|| panic!("not a list: {v}"));
    assert_eq!(entries.len(), 2, "{v}");
    let (original, reversal) = (&entries[0], &entries[1]);
    assert_eq!(original["number"], "2026-000001", "{v}");
    assert_eq!(original["doc_ref"], "R-001", "{v}");
    assert_eq!(original["memo"], "Apport des parts sociales", "{v}");
    assert_eq!(original["author"], "Awa Traoré", "{v}");
    assert_eq!(original["reversed_by"], "2026-000002", "{v}");
    assert_eq!(reversal["number"], "2026-000002", "{v}");
    assert_eq!(reversal["date"], "2026-11-21", "{v}");
    assert_eq!(reversal["reverses"], "2026-000001", "{v}");
    assert_eq!(
        reversal["memo"], "Contre-passation de N° 2026-000001 : erreur de caisse",
        "{v}"
    );
    let lines = |e: &Value| -> Vec<(String, String, i64)> {
        e["lines"]
            .as_array()
            .unwrap_or_else(|| panic!("no lines in {e}"))
            .iter()
            .map(|l| {
                (
                    l["account"].as_str().unwrap_or_default().to_string(),
                    l["side"].as_str().unwrap_or_default().to_string(),
                    l["amount"].as_i64().unwrap_or_default(),
                )
            })
            .collect()
    };
    let line = |a: &str, s: &str| (a.to_string(), s.to_string(), 50_000);
    assert_eq!(lines(original), [line("5711", "D"), line("1013", "C")]);
    assert_eq!(lines(reversal), [line("5711", "C"), line("1013", "D")]);
}

#[test]
fn login_refuses_a_wrong_passphrase_and_the_idle_session_locks() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = dir.path().join("j.db");
    cli_ok(&db, &["init"], &[]);
    cli_ok(
        &db,
        &["user", "add", "Awa Traoré"],
        &[("JATEBO_NEW_PASSPHRASE", PASS)],
    );
    cli_ok(
        &db,
        &[
            "--user",
            "Awa Traoré",
            "org",
            "add",
            "--code",
            "savon",
            "--name",
            "Coopérative des savonnières",
            "--kind",
            "coop",
        ],
        &[("JATEBO_PASSPHRASE", PASS)],
    );

    let mut t = Tui::spawn(dir.path(), &db, &[("JATEBO_LOCK_SECONDS", "2")]);

    // A wrong passphrase: the one answer that says nothing about why.
    t.wait_for("jatebo — connexion");
    t.send("Awa Traoré");
    t.send(TAB);
    t.send("mauvaise phrase");
    t.send(ENTER);
    let refused = t.wait_for("Connexion refusée");
    let generic = "Connexion refusée : nom ou phrase de passe incorrect, \
                   ou trop d'essais (attendez quelques minutes).";
    assert!(squeeze(&refused).contains(generic), "{refused}");
    assert!(!refused.contains("Trésorerie"), "{refused}");

    // The right one gets in (the name is kept, the passphrase field has the
    // keyboard again).
    t.send(PASS);
    t.send(ENTER);
    let home = t.wait_for("Trésorerie");
    assert!(home.contains("Coopérative des savonnières"), "{home}");

    // Idle: the session locks and nothing of the books stays on screen.
    thread::sleep(Duration::from_secs(3));
    let locked = t.wait_for("Session verrouillée");
    for secret in ["Coopérative des savonnières", "Trésorerie", "savon"] {
        assert!(
            !locked.contains(secret),
            "{secret:?} still shown:\n{locked}"
        );
    }

    // The passphrase opens it again, on the same books.
    t.send(PASS);
    t.send(ENTER);
    let home = t.wait_for("Trésorerie");
    assert!(home.contains("Coopérative des savonnières"), "{home}");
    assert!(!home.contains("Session verrouillée"), "{home}");

    t.send("q");
    assert_eq!(t.wait_exit(), 0);

    // The locked screen says whose session it is and that Esc drops the
    // entry being typed: both sentences whole, not cut at the panel's edge.
    for words in [
        "Rien n'est affiché avant le déverrouillage.",
        "(la saisie en cours est abandonnée)",
    ] {
        let shown = squeeze(&locked);
        assert!(
            shown.contains(words),
            "the locked screen cuts {words:?}:\n{locked}"
        );
    }
}

/// The screen's text with the panel borders and line breaks taken out, so
/// that a sentence wrapped over several lines reads as one.
fn squeeze(screen: &str) -> String {
    screen
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '│'))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A panic in the interface leaves a normal terminal, writes a report beside
/// the ledger and says where, in the user's language.
#[test]
fn a_panic_restores_the_terminal_and_points_to_its_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    cli_ok(&db, &["init"], &[]);
    let t = Tui::spawn(dir.path(), &db, &[("JATEBO_TEST_PANIC", "1")]);
    let screen = t.wait_for("Un rapport a été écrit ici");
    let code = t.wait_exit();
    assert_ne!(code, 0, "a panic is not a normal exit");
    let reports: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("jatebo-crash-") && n.ends_with(".txt"))
        .collect();
    assert_eq!(reports.len(), 1, "{reports:?}");
    assert!(squeeze(&screen).contains(&reports[0]), "{screen}");
    let report = std::fs::read_to_string(dir.path().join(&reports[0])).unwrap();
    assert!(
        report.contains("panic requested by JATEBO_TEST_PANIC"),
        "{report}"
    );
    // The ledger is still whole.
    let out = cli_ok(&db, &["verify"], &[]);
    assert!(out.contains("tout est en ordre"), "{out}");
}

/// Alt+letter as a terminal sends it: Esc, then the letter.
fn alt(c: char) -> String {
    format!("\x1b{c}")
}

/// A treasurer's day at the mask cooperative's shop: a receipt of 3 adult
/// and 2 child masks, then the day closed 100 F short; the ledger agrees.
#[test]
fn a_sale_at_the_shop_and_the_day_closed_100_f_short() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = dir.path().join("j.db");
    let me = [
        ("JATEBO_USER", "Mariam Keïta"),
        ("JATEBO_PASSPHRASE", PASS),
        ("JATEBO_NEW_PASSPHRASE", PASS),
        ("JATEBO_ORG", "masques"),
    ];
    cli_ok(&db, &["init"], &[]);
    cli_ok(&db, &["user", "add", "Mariam Keïta"], &me);
    cli_ok(
        &db,
        &[
            "org",
            "add",
            "--code",
            "masques",
            "--name",
            "Coopérative Benkadi",
            "--kind",
            "coop",
        ],
        &me,
    );
    for args in [
        &[
            "item",
            "add",
            "fabric",
            "--name",
            "Tissu coton",
            "--kind",
            "material",
            "--unit",
            "metre",
            "--stock",
            "3221",
        ][..],
        &[
            "item",
            "add",
            "adult",
            "--name",
            "Masque adulte",
            "--kind",
            "product",
            "--unit",
            "piece",
            "--price",
            "1000",
            "--stock",
            "362",
            "--account",
            "70212",
        ],
        &[
            "item",
            "add",
            "child",
            "--name",
            "Masque enfant",
            "--kind",
            "product",
            "--unit",
            "piece",
            "--price",
            "600",
            "--stock",
            "362",
            "--account",
            "70212",
        ],
        &[
            "recipe",
            "add",
            "adult-run",
            "--name",
            "Masques adultes",
            "--product",
            "adult",
            "--yield",
            "10",
            "--line",
            "fabric:2,5",
        ],
        &[
            "recipe",
            "add",
            "child-run",
            "--name",
            "Masques enfants",
            "--product",
            "child",
            "--yield",
            "10",
            "--line",
            "fabric:1,5",
        ],
        &[
            "stock",
            "purchase",
            "--supplier",
            "Tissus Ségou",
            "--method",
            "credit",
            "--line",
            "fabric:10:12500",
            "--date",
            "2026-11-20",
        ],
        &[
            "production",
            "adult-run",
            "--batches",
            "1",
            "--date",
            "2026-11-20",
        ],
        &[
            "production",
            "child-run",
            "--batches",
            "1",
            "--date",
            "2026-11-20",
        ],
    ] {
        cli_ok(&db, args, &me);
    }

    let mut t = Tui::spawn(dir.path(), &db, &[]);
    t.wait_for("jatebo — connexion");
    t.send("Mariam Keïta");
    t.send(TAB);
    t.send(PASS);
    t.send(ENTER);
    t.wait_for("Trésorerie");

    // The shop: part of a name, Enter, the quantity, Enter; twice.
    t.send("\x1b[23~"); // F11
    t.wait_for("Reçu en cours");
    t.send("adu");
    t.wait_for("Masque adulte · 1 000 F CFA");
    t.send(ENTER);
    t.send("3");
    t.send(ENTER);
    t.send("enf");
    t.send(ENTER);
    t.send("2");
    t.send(ENTER);
    t.wait_for("TOTAL 4 200 F CFA");
    t.send(F8);
    let done = t.wait_for("Vente enregistrée");
    assert!(
        squeeze(&done).contains("Enregistré : reçu VTE-000001, écriture N° 2026-000004."),
        "{done}"
    );
    t.send(ENTER);
    t.wait_gone("Vente enregistrée");

    // The day's close: four 1 000 notes and a 100 coin is 4 100 F for
    // 4 200 expected.
    t.send(&alt('z'));
    t.wait_until("the cash expected", |s| {
        s.lines()
            .any(|l| l.contains("Espèces attendues") && l.contains("4 200"))
    });
    t.send(TAB);
    t.send(TAB);
    t.send(TAB);
    t.send("4"); // 4 × 1 000
    t.send(TAB);
    t.send("0"); // 0 × 500
    t.send(TAB);
    t.send(TAB);
    t.send(TAB);
    t.send("1"); // 1 × 100
    t.wait_for("Manquant : -100 F CFA");
    let s = t.wait_for("Espèces comptées : 4 100 F CFA");
    assert!(s.contains("✗ Manquant"), "{s}");
    t.send(F8);
    t.wait_for("indiquez la raison");
    t.send("monnaie mal rendue");
    t.send(F8);
    t.wait_for("Clôturer la journée du 21/11/2026");
    t.send(ENTER);
    t.wait_for("Journée du 21/11/2026 clôturée");
    t.send(F10);
    assert_eq!(t.wait_exit(), 0);

    // The ledger says the same.
    let closes = cli_ok(&db, &["--json", "close-day", "list"], &me);
    let closes: Value = serde_json::from_str(&closes).expect("json");
    let day = &closes.as_array().expect("closes")[0];
    assert_eq!(day["period"], "2026-11-21", "{closes}");
    assert_eq!(day["difference"], -100, "{closes}");
    assert_eq!(day["reason"], "monnaie mal rendue", "{closes}");
    let sales = cli_ok(&db, &["--json", "sale", "list"], &me);
    assert!(sales.contains("4200"), "{sales}");
}

/// The closing code as the dialog shows it, spaced out in its box.
fn closing_code(screen: &str) -> String {
    let line = screen
        .lines()
        .find(|l| l.contains('┃'))
        .unwrap_or_else(|| panic!("no closing code on screen:\n{screen}"));
    let inside = line.split('┃').nth(1).unwrap_or_default();
    inside.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A facilitator's first two meetings of a new savings group, typed in the
/// grid: a cycle started and three members added from the Group tab; at the
/// first meeting Awa borrows 2 000 F; at the second, shares, the social
/// fund, a fine levied and paid and Awa's repayment. Each close shows its
/// code; the ledger has the entries and the chain verifies.
#[test]
fn a_savings_group_meeting_typed_in_the_grid_and_closed_with_its_code() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = dir.path().join("j.db");
    let me = [
        ("JATEBO_USER", "Mariam Keïta"),
        ("JATEBO_PASSPHRASE", PASS),
        ("JATEBO_NEW_PASSPHRASE", PASS),
        ("JATEBO_ORG", "sabali"),
    ];
    cli_ok(&db, &["init"], &[]);
    cli_ok(&db, &["user", "add", "Mariam Keïta"], &me);
    cli_ok(
        &db,
        &[
            "org",
            "add",
            "--code",
            "sabali",
            "--name",
            "Groupe Sabali",
            "--kind",
            "savings",
        ],
        &me,
    );

    let mut t = Tui::spawn(dir.path(), &db, &[]);
    t.wait_for("jatebo — connexion");
    t.send("Mariam Keïta");
    t.send(TAB);
    t.send(PASS);
    t.send(ENTER);
    t.wait_for("Trésorerie");

    // The Group tab: no cycle yet; start one on 1 November.
    t.send("\x1b[23~"); // F11
    t.wait_for("pas encore de cycle");
    t.send(F8);
    t.wait_for("Jours entre réunions");
    t.send("01/11/2026");
    t.send(F8);
    t.wait_for("Cycle 1 commencé le 01/11/2026");

    // Three members.
    t.send(&alt('m'));
    t.wait_for("Aucun membre");
    for (n, name) in ["Aminata Traoré", "Fatoumata Diarra", "Awa Keïta"]
        .iter()
        .enumerate()
    {
        t.send("n");
        t.wait_for("Entrée dans le groupe");
        t.send(name);
        t.send(F8);
        t.wait_for(&format!("Membre N° {} ajouté : {name}.", n + 1));
    }

    // Meeting 1, on 7 November: Awa buys 4 shares and borrows 2 000 F;
    // the others get the defaults.
    t.send(&alt('v'));
    t.wait_for("Aucune réunion dans ce cycle");
    t.send("n");
    t.wait_for("Caisse de crédit comptée");
    t.send("07/11/2026");
    t.send(F8);
    t.wait_for("Réunion N° 1 du 07/11/2026 ouverte.");
    t.send("\x1b[B"); // ↓
    t.send("\x1b[B");
    t.send(TAB);
    t.send(TAB);
    t.send("4");
    for _ in 0..4 {
        t.send(TAB);
    }
    t.send("2000");
    t.wait_for("Nouveau prêt de 2 000 sur 3 mois");
    t.send(ENTER);
    t.wait_for("Ligne du N° 3 Awa Keïta enregistrée.");
    t.send("\x06"); // Ctrl+F
    t.wait_for("2 lignes remplies par défaut");
    t.send(F8);
    t.wait_for("Fermer la réunion N° 1");
    t.send(F8);
    let s = t.wait_for("recopie ce code");
    let first = closing_code(&s);
    t.send(ENTER);
    t.wait_for(&format!("fermée · code {first}"));

    // Meeting 2, today: shares, a fine levied and paid, a repayment.
    t.send("n");
    t.wait_for("Caisse de crédit comptée");
    t.send(F8);
    t.wait_for("Réunion N° 2 du 21/11/2026 ouverte.");
    t.send(TAB);
    t.send(TAB);
    t.send("2");
    t.send(ENTER);
    t.wait_for("Ligne du N° 1 Aminata Traoré enregistrée.");
    t.send("3");
    t.send(TAB);
    t.send(TAB);
    t.send("retard");
    t.send(TAB);
    t.send("100");
    t.send(ENTER);
    t.wait_for("Ligne du N° 2 Fatoumata Diarra enregistrée.");
    t.send("\x1b[Z"); // Shift+Tab
    t.send("\x1b[Z");
    t.send("1000");
    t.wait_for("Remboursement : capital");
    t.send(ENTER);
    t.wait_for("Ligne du N° 3 Awa Keïta enregistrée.");
    t.wait_for("lignes 3/3");
    t.send(F8);
    t.wait_for("Fermer la réunion N° 2");
    t.send(F8);
    let s = t.wait_for("recopie ce code");
    let second = closing_code(&s);
    assert_ne!(first, second);
    t.send(ENTER);
    t.wait_for(&format!("fermée · code {second}"));
    t.send(F10);
    assert_eq!(t.wait_exit(), 0);

    // The ledger says the same: one entry per member and meeting.
    let journal = cli_ok(&db, &["--json", "journal"], &me);
    let journal: Value = serde_json::from_str(&journal).expect("json");
    let entries = journal.as_array().expect("entries");
    let of = |doc: &str| -> Vec<&Value> {
        entries
            .iter()
            .filter(|e| e["doc_ref"] == doc)
            .collect::<Vec<_>>()
    };
    let line = |e: &Value, account: &str, side: &str| -> i64 {
        e["lines"]
            .as_array()
            .expect("lines")
            .iter()
            .filter(|l| l["account"] == account && l["side"] == side)
            .map(|l| l["amount"].as_i64().expect("amount"))
            .sum()
    };
    let m1 = of("REU-1-01");
    let m2 = of("REU-1-02");
    assert_eq!(m1.len(), 3, "{journal}");
    assert_eq!(m2.len(), 3, "{journal}");
    let awa1 = m1
        .iter()
        .find(|e| line(e, "2712003", "D") == 2_000)
        .expect("Awa's loan");
    assert_eq!(line(awa1, "4621003", "C"), 2_000, "her 4 shares");
    let awa2 = m2
        .iter()
        .find(|e| line(e, "2712003", "C") > 0)
        .expect("Awa's repayment");
    assert_eq!(
        line(awa2, "2712003", "C") + line(awa2, "7712", "C"),
        1_000,
        "principal and interest: {awa2}"
    );
    let fatou = m2
        .iter()
        .find(|e| line(e, "4621002", "C") == 1_500)
        .expect("Fatoumata's 3 shares");
    assert_eq!(line(fatou, "75883", "C"), 100, "the fine: {fatou}");
    assert!(
        m2.iter().all(|e| line(e, "1121", "C") == 100),
        "everyone's social fund"
    );
    // The code names the last entry of the close.
    let last = entries
        .iter()
        .map(|e| e["number"].as_str().unwrap_or_default().to_string())
        .max()
        .expect("entries");
    assert!(
        second.starts_with(&format!("{last}-")),
        "{second} vs {last}"
    );
    let out = cli_ok(&db, &["verify"], &me);
    assert!(out.contains("tout est en ordre"), "{out}");
}

#[test]
fn the_reports_tab_down_to_a_document_and_the_monthly_export() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = dir.path().join("j.db");
    cli_ok(&db, &["demo"], &[]);

    let mut t = Tui::spawn(dir.path(), &db, &[]);
    t.wait_for("jatebo — connexion");
    t.send("Mariam Keïta");
    t.send(TAB);
    t.send("jatebo-demo");
    t.send(ENTER);
    t.wait_for("Trésorerie");

    // The trial balance of November, down to the cash box.
    t.send("E");
    t.wait_for("Balance générale · novembre 2026");
    t.wait_for("✓ Balance équilibrée");
    for _ in 0..40 {
        if t.screen().contains("▸5711") {
            break;
        }
        t.send("\x1b[B"); // ↓
    }
    t.wait_for("▸5711");
    t.send(ENTER);
    t.wait_for("solde d'ouverture au 01/11/2026");
    t.send(ENTER);
    t.wait_for("Écriture N° 2026-");
    t.send(ENTER);
    t.wait_for("· origine : ");
    t.send(ESC);
    t.send(ESC);
    t.send(ESC);
    t.wait_for("▸5711");

    // October's export beside the ledger, with its progress bar, then what
    // it wrote.
    t.send("x");
    t.wait_for("Export mensuel");
    t.wait_for("10/2026");
    t.send(F8);
    t.wait_for("Export terminé pour octobre 2026");
    let folder = std::fs::read_dir(dir.path().join("exports"))
        .expect("the exports folder")
        .next()
        .expect("one export")
        .expect("entry")
        .path();
    assert!(folder.join("manifest.json").exists(), "{folder:?}");
    t.send(ENTER);
    t.wait_gone("Export mensuel");
    t.send(F10);
    assert_eq!(t.wait_exit(), 0);
    let out = cli(&db, &["verify-export", folder.to_str().expect("path")], &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
