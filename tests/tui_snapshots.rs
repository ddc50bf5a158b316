//! Snapshots of every TUI screen as a user sees it, in French and in
//! English, at the smallest supported size (80×24) and at a comfortable one
//! (120×40). The app is driven only by the messages a terminal would send
//! (keys and resizes) through the same driver the TUI uses, and each frame is
//! drawn into a test backend and kept as plain text (styles are not part of
//! the snapshot).
//!
//! What changes from one run to the next (the wall-clock time an entry was
//! recorded or a period closed, and the hashes that cover it) is replaced by
//! fixed values in a copy of the state just before drawing: recorded at
//! `2026-11-21T09:30:00.000Z`, hashes `abab…` and `cdcd…`.

mod common;

use common::message_keys;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock};

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

use jatebo::domain::Lang;
use jatebo::i18n;
use jatebo::service::{Actor, Books, demo};
use jatebo::store::OpenMode;
use jatebo::tui::app::{App, Msg, Screen};
use jatebo::tui::config::Config;
use jatebo::tui::{Headless, Options, initial_app, view};

/// The language is one setting for the whole process: one scenario at a
/// time.
static LANG: Mutex<()> = Mutex::new(());

fn lang_lock() -> MutexGuard<'static, ()> {
    LANG.lock().unwrap_or_else(|e| e.into_inner())
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("date")
}

fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    }
}

// ---- the demo ledger, built once ---------------------------------------------

/// The demo ledger's file, built once per test process (kept in memory so
/// that nothing is left behind); each scenario works on its own copy.
fn demo_bytes() -> &'static [u8] {
    static DEMO: OnceLock<Vec<u8>> = OnceLock::new();
    DEMO.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("demo.db");
        let mut books = Books::open(&path, OpenMode::CreateIfMissing).expect("open demo");
        demo::build(&mut books, &Actor::new("jatebo").expect("actor")).expect("build demo");
        drop(books);
        std::fs::read(&path).expect("read demo")
    })
}

fn demo_copy(dir: &Path) -> PathBuf {
    let path = dir.join("jatebo.db");
    std::fs::write(&path, demo_bytes()).expect("copy demo");
    path
}

// ---- driving the app ---------------------------------------------------------

struct Ui {
    h: Headless,
    prefix: String,
    /// Message keys seen on screen, with the snapshot they were in.
    keys_seen: Vec<String>,
}

fn key_event(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

impl Ui {
    fn new(books: Books, db: PathBuf, lang_fixed: bool, prefix: String) -> Ui {
        let opts = Options {
            db: db.clone(),
            db_is_default: false,
            lang_fixed,
        };
        let (app, issues) =
            initial_app(&books, &opts, &Config::default(), today()).expect("initial app");
        assert!(issues.is_empty(), "{issues:?}");
        Ui {
            h: Headless::new(books, db, app),
            prefix,
            keys_seen: Vec::new(),
        }
    }

    fn key(&mut self, code: KeyCode) {
        self.h.send(Msg::Key(key_event(code)));
    }

    fn keys(&mut self, code: KeyCode, times: usize) {
        for _ in 0..times {
            self.key(code);
        }
    }

    fn ch(&mut self, c: char) {
        self.key(KeyCode::Char(c));
    }

    fn ctrl(&mut self, c: char) {
        self.h.send(Msg::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        )));
    }

    fn typ(&mut self, s: &str) {
        for c in s.chars() {
            self.ch(c);
        }
    }

    fn resize(&mut self, w: u16, h: u16) {
        self.h.send(Msg::Resize(w, h));
    }

    /// Draws the screen and compares it with the stored snapshot.
    fn snap(&mut self, name: &str) {
        let text = render(&self.h);
        let full = format!("{}_{name}", self.prefix);
        for k in message_keys(&text) {
            self.keys_seen.push(format!("{full}: {k}"));
        }
        insta::assert_snapshot!(full, text);
    }

    fn done(self) {
        assert!(
            self.keys_seen.is_empty(),
            "message keys shown instead of text: {:#?}",
            self.keys_seen
        );
    }
}

/// The frame as text: a ruler the width of the window above and below (so
/// blank rows at the top and bottom stay visible), then each row with its
/// trailing spaces trimmed.
fn render(h: &Headless) -> String {
    let (w, hgt) = h.app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, hgt)).expect("terminal");
    terminal
        .draw(|f| view::draw(f, &stable(&h.app)))
        .expect("draw the frame");
    let buf = terminal.backend().buffer();
    let ruler = "-".repeat(w as usize);
    let mut out = vec![ruler.clone()];
    for y in 0..hgt {
        let mut line = String::new();
        // A wide character hides the cells it covers.
        let mut skip = 0usize;
        for x in 0..w {
            let s = buf[(x, y)].symbol();
            if skip == 0 {
                line.push_str(s);
            }
            skip = skip.max(s.width()).saturating_sub(1);
        }
        out.push(line.trim_end().to_string());
    }
    out.push(ruler);
    out.join("\n") + "\n"
}

/// A copy of the app with what depends on the clock replaced by fixed
/// values (only what is drawn changes; nothing is sent to the app).
fn stable(app: &App) -> App {
    const AT: &str = "2026-11-21T09:30:00.000Z";
    let mut app = app.clone();
    if let Some(d) = &mut app.detail {
        d.entry.recorded_at = AT.to_string();
        d.entry.hash = "ab".repeat(32);
        d.entry.prev_hash = "cd".repeat(32);
    }
    for c in &mut app.periods.closes {
        c.closed_at = AT.to_string();
        c.head_hash = "ef".repeat(32);
    }
    app
}

// ---- the scenarios -------------------------------------------------------------

/// Every screen of a session on the demo ledger, as Awa Traoré (administrator,
/// all three organisations) would go through them.
fn demo_session(lang: Lang, w: u16, h: u16) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_copy(dir.path());
    let books = Books::open(&db, OpenMode::Existing).expect("open copy");

    let _guard = lang_lock();
    i18n::set_lang(lang);
    // In French the user's own language (French) applies at login; in English
    // it is fixed, as `--lang en` does.
    let mut ui = Ui::new(
        books,
        db,
        lang == Lang::En,
        format!("{}_{w}x{h}", code(lang)),
    );
    ui.resize(w, h);

    // Login, with a wrong passphrase first.
    ui.snap("01_login");
    ui.typ("Awa Traoré");
    ui.key(KeyCode::Tab);
    ui.typ("mauvaise phrase");
    ui.key(KeyCode::Enter);
    ui.snap("02_login_error");
    ui.typ(demo::DEMO_PASSPHRASE);
    ui.key(KeyCode::Enter);
    assert!(ui.h.app.session.is_some(), "logged in");
    assert_eq!(i18n::lang(), lang);

    // Home of the first organisation, the switcher, the soap cooperative.
    ui.snap("03_home");
    ui.key(KeyCode::F(7));
    ui.snap("04_org_switch");
    ui.key(KeyCode::Down);
    ui.key(KeyCode::Enter);
    assert_eq!(
        ui.h.app.current_org().map(|o| o.org.code.as_str()),
        Some("savon")
    );
    ui.snap("05_home_savon");
    ui.ch('?');
    ui.snap("06_help_home");
    ui.key(KeyCode::Esc);

    // Chart of accounts, then the cash account's ledger.
    ui.ch('c');
    ui.snap("07_accounts");
    let at =
        ui.h.app
            .accounts
            .visible()
            .iter()
            .position(|&i| ui.h.app.accounts.rows[i].number == "5711")
            .expect("5711 in the chart");
    ui.keys(KeyCode::Down, at);
    ui.snap("08_accounts_on_5711");
    ui.key(KeyCode::Enter);
    ui.snap("09_ledger_5711");
    ui.key(KeyCode::Esc);

    // Journal, its filter, an entry and its reversal.
    ui.ch('e');
    ui.snap("10_journal");
    ui.ch('f');
    ui.typ("10/2026");
    ui.key(KeyCode::Tab);
    ui.typ("5711");
    ui.snap("11_journal_filter_popup");
    ui.key(KeyCode::Enter);
    ui.snap("12_journal_filtered");
    ui.key(KeyCode::Enter);
    ui.snap("13_entry_detail");
    ui.ch('r');
    ui.snap("14_reverse_popup");
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Esc);
    // The sale entered twice and its reversal.
    ui.ch('x');
    ui.ch('/');
    ui.typ("double");
    ui.key(KeyCode::Enter);
    ui.snap("15_journal_filtered_text");
    ui.key(KeyCode::Up);
    ui.key(KeyCode::Enter);
    ui.snap("16_entry_reversed");
    ui.ch('r');
    ui.snap("17_entry_already_reversed");
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::End);
    ui.key(KeyCode::Enter);
    ui.snap("18_entry_reversal");
    ui.key(KeyCode::Esc);

    // A manual entry: two lines, the account picker, the totals, posting.
    ui.ch('s');
    assert_eq!(ui.h.app.screen, Screen::NewEntry);
    ui.snap("19_form_empty");
    ui.key(KeyCode::Tab);
    ui.typ("REC-0042");
    ui.key(KeyCode::Tab);
    ui.typ("Vente de savons au CSCom de Sabalibougou");
    ui.key(KeyCode::Tab);
    // The picker searches the names in the language on screen.
    ui.typ(if lang == Lang::En { "cash" } else { "caisse" });
    ui.snap("20_form_suggest_cash");
    ui.key(KeyCode::Tab);
    ui.typ("1500");
    ui.keys(KeyCode::Tab, 2);
    ui.typ("vente à Fanta Koné");
    ui.key(KeyCode::Tab);
    ui.typ("70211");
    ui.keys(KeyCode::Tab, 2);
    ui.typ("1000");
    ui.snap("21_form_unbalanced");
    ui.key(KeyCode::F(8));
    ui.snap("22_form_unbalanced_refused");
    // Ctrl+B puts the difference on the emptied line.
    ui.keys(KeyCode::Backspace, 4);
    ui.ctrl('b');
    ui.snap("23_form_two_lines");
    // `?` types into the field here: help is F1.
    ui.key(KeyCode::F(1));
    ui.snap("24_help_form");
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::F(8));
    ui.snap("25_posted");
    ui.key(KeyCode::Enter);
    ui.snap("26_form_after_posting");

    // Periods and the close confirmation (not confirmed).
    ui.key(KeyCode::F(6));
    ui.snap("27_periods");
    ui.ch('m');
    ui.snap("28_close_confirm");
    ui.key(KeyCode::Esc);

    // The savings group (the switch keeps the screen): its periods, its
    // home, its members' accounts in the picker.
    ui.key(KeyCode::F(7));
    ui.key(KeyCode::Down);
    ui.key(KeyCode::Enter);
    assert_eq!(
        ui.h.app.current_org().map(|o| o.org.code.as_str()),
        Some("ton-sabali")
    );
    ui.snap("29_periods_savings_group");
    ui.ch('a');
    ui.snap("30_home_savings_group");
    ui.key(KeyCode::F(5));
    ui.keys(KeyCode::Tab, 3);
    ui.typ("traor");
    ui.snap("31_form_suggest_traor");

    // The users (the administrator's screen).
    ui.key(KeyCode::F(12));
    ui.snap("32_users");

    // Locked, and a wrong passphrase there.
    ui.key(KeyCode::F(9));
    ui.snap("33_locked");
    ui.typ("pas la bonne");
    ui.key(KeyCode::Enter);
    ui.snap("34_locked_error");

    if (w, h) == (80, 24) {
        // Too small a window.
        ui.prefix = code(lang).to_string();
        ui.resize(70, 20);
        ui.snap("70x20_too_small");
    }
    ui.done();
}

/// The first-run wizard on an empty ledger, to the new organisation's home.
fn wizard(lang: Lang, w: u16, h: u16) {
    let books = Books::in_memory().expect("in-memory ledger");
    let _guard = lang_lock();
    i18n::set_lang(Lang::Fr);
    let mut ui = Ui::new(
        books,
        PathBuf::from("jatebo.db"),
        false,
        format!("{}_{w}x{h}_wizard", code(lang)),
    );
    ui.resize(w, h);
    if lang == Lang::En {
        ui.key(KeyCode::Down);
    }
    ui.snap("1_language");
    ui.key(KeyCode::Enter);
    assert_eq!(i18n::lang(), lang);
    ui.snap("2_choice");
    ui.key(KeyCode::Enter);
    ui.snap("3_admin_empty");
    ui.typ("Aminata Koné");
    ui.key(KeyCode::Tab);
    ui.typ("sabali-ségou-2026");
    ui.key(KeyCode::Tab);
    ui.typ("sabali-segou-2026");
    ui.key(KeyCode::Enter);
    ui.snap("4_admin_mismatch");
    ui.typ("sabali-ségou-2026");
    ui.snap("5_admin_filled");
    ui.key(KeyCode::Enter);
    ui.snap("6_org_empty");
    ui.typ("benkadi");
    ui.key(KeyCode::Tab);
    ui.typ("Coopérative des teinturières de Ségou");
    ui.key(KeyCode::Tab);
    ui.ch(' ');
    ui.snap("7_org_filled");
    ui.key(KeyCode::Enter);
    assert!(ui.h.app.session.is_some(), "set up and logged in");
    ui.snap("8_home_new_org");
    ui.ch('c');
    ui.snap("9_accounts_new_org");
    ui.done();
}

#[test]
fn french_80x24() {
    demo_session(Lang::Fr, 80, 24);
}

#[test]
fn french_120x40() {
    demo_session(Lang::Fr, 120, 40);
}

#[test]
fn english_80x24() {
    demo_session(Lang::En, 80, 24);
}

#[test]
fn english_120x40() {
    demo_session(Lang::En, 120, 40);
}

#[test]
fn wizard_french_80x24() {
    wizard(Lang::Fr, 80, 24);
}

#[test]
fn wizard_french_120x40() {
    wizard(Lang::Fr, 120, 40);
}

#[test]
fn wizard_english_80x24() {
    wizard(Lang::En, 80, 24);
}

#[test]
fn wizard_english_120x40() {
    wizard(Lang::En, 120, 40);
}

#[test]
fn message_keys_are_spotted_but_not_hyphenated_words() {
    let text = " journal-footer\n ↺ contre-passée · ton-sabali · VTE-0001 · home-total";
    assert_eq!(message_keys(text), vec!["journal-footer", "home-total"]);
}
