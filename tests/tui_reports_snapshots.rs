//! Snapshots of the reports tab (États) on the demo ledger, in French and
//! in English, at 80×24 and 120×40: the trial balance, its drill-down (an
//! account's ledger, an entry, the receipt of a sale, a savings meeting, a
//! stock document), the general ledger, the SMT, the income statement, the
//! balance sheet, the stock, the debtors, a group's indicators, the export
//! dialog with its progress bar and its result. The app is driven only by
//! keys and resizes through the same driver the TUI uses; each frame is kept
//! as plain text.
//!
//! What depends on the clock (entries are stamped with the time they were
//! recorded, and their hashes and closing codes follow) is replaced by fixed
//! values in a copy of the state before drawing.

mod common;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

use jatebo::domain::Lang;
use jatebo::domain::money::Fcfa;
use jatebo::i18n;
use jatebo::service::{Actor, Books, demo};
use jatebo::tui::app::{App, Msg, Popup, Screen};
use jatebo::tui::config::Config;
use jatebo::tui::reports::export::Stage;
use jatebo::tui::reports::{Document, Level, RepTab};
use jatebo::tui::{Headless, Options, initial_app, view};

static LANG: Mutex<()> = Mutex::new(());

fn lang_lock() -> MutexGuard<'static, ()> {
    LANG.lock().unwrap_or_else(|e| e.into_inner())
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("date")
}

/// The demo, as built in French (its memos are in the language it is built
/// in); call with the language lock held.
fn demo_books() -> Books {
    i18n::set_lang(Lang::Fr);
    let mut b = Books::in_memory().expect("ledger");
    demo::build(&mut b, &Actor::new("jatebo").expect("actor")).expect("demo");
    b
}

// ---- driving the app -----------------------------------------------------------

struct Ui {
    h: Headless,
    prefix: String,
    keys_seen: Vec<String>,
    /// Where exports go (a temporary folder, shown as `/tmp/jatebo`).
    out: PathBuf,
}

impl Ui {
    fn new(books: Books, lang: Lang, w: u16, h: u16, out: &Path) -> Ui {
        let db = PathBuf::from("jatebo-demo.db");
        let opts = Options {
            db: db.clone(),
            db_is_default: false,
            lang_fixed: true,
        };
        i18n::set_lang(lang);
        let (app, issues) = initial_app(&books, &opts, &Config::default(), today()).expect("app");
        assert!(issues.is_empty(), "{issues:?}");
        let mut ui = Ui {
            h: Headless::new(books, db, app),
            prefix: format!("{}_{w}x{h}", code(lang)),
            keys_seen: vec![],
            out: out.to_path_buf(),
        };
        ui.h.send(Msg::Resize(w, h));
        ui
    }

    fn send(&mut self, code: KeyCode, mods: KeyModifiers) {
        self.h.send(Msg::Key(KeyEvent::new(code, mods)));
    }

    fn key(&mut self, code: KeyCode) {
        self.send(code, KeyModifiers::NONE);
    }

    fn keys(&mut self, code: KeyCode, n: usize) {
        for _ in 0..n {
            self.key(code);
        }
    }

    fn ch(&mut self, c: char) {
        self.key(KeyCode::Char(c));
    }

    fn typ(&mut self, s: &str) {
        for c in s.chars() {
            self.ch(c);
        }
    }

    fn login(&mut self, name: &str) {
        self.typ(name);
        self.key(KeyCode::Tab);
        self.typ(demo::DEMO_PASSPHRASE);
        self.key(KeyCode::Enter);
        assert!(self.h.app.session.is_some(), "logged in as {name}");
    }

    fn org(&mut self, code: &str) {
        self.key(KeyCode::F(7));
        self.typ(code);
        self.key(KeyCode::Enter);
        assert_eq!(
            self.h.app.current_org().map(|o| o.org.code.as_str()),
            Some(code)
        );
    }

    fn text(&self) -> String {
        render(&self.h.app, &self.out)
    }

    fn snap(&mut self, name: &str) {
        let text = self.text();
        let full = format!("{}_{name}", self.prefix);
        for k in message_keys(&text) {
            self.keys_seen.push(format!("{full}: {k}"));
        }
        insta::assert_snapshot!(full, text);
    }

    /// Moves the list's cursor to the first row for which `pick` is true.
    fn select_row(&mut self, pick: impl Fn(&App, usize) -> bool) {
        let n = jatebo::tui::reports::list_len(&self.h.app);
        let Some(i) = (0..n).find(|i| pick(&self.h.app, *i)) else {
            panic!("no such row\n{}", self.text());
        };
        self.key(KeyCode::Home);
        self.keys(KeyCode::Down, i);
    }

    fn done(self) {
        assert!(
            self.keys_seen.is_empty(),
            "message keys shown instead of text: {:#?}",
            self.keys_seen
        );
    }
}

fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    }
}

fn render(app: &App, out: &Path) -> String {
    let (w, hgt) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, hgt)).expect("terminal");
    terminal
        .draw(|f| view::draw(f, &stable(app, out)))
        .expect("draw");
    let buf = terminal.backend().buffer();
    let ruler = "-".repeat(w as usize);
    let mut lines = vec![ruler.clone()];
    for y in 0..hgt {
        let mut line = String::new();
        let mut skip = 0usize;
        for x in 0..w {
            let s = buf[(x, y)].symbol();
            if skip == 0 {
                line.push_str(s);
            }
            skip = skip.max(s.width()).saturating_sub(1);
        }
        lines.push(line.trim_end().to_string());
    }
    lines.push(ruler);
    lines.join("\n") + "\n"
}

/// A copy of the app with what depends on the clock (and the temporary
/// folder) fixed.
fn stable(app: &App, out: &Path) -> App {
    const AT: &str = "2026-11-21T09:30:00.000Z";
    let mut app = app.clone();
    for level in &mut app.reports.drill {
        match level {
            Level::Entry { view: Some(v), .. } => {
                v.entry.recorded_at = AT.to_string();
                v.entry.hash = "ab".repeat(32);
                v.entry.prev_hash = "cd".repeat(32);
            }
            Level::Document { doc: Some(d), .. } => {
                if let Document::Meeting { close: Some(c), .. } = d.as_mut() {
                    c.closed_at = AT.to_string();
                    if let Some((head, _)) = c.code.rsplit_once('-') {
                        c.code = format!("{head}-C0DE42");
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(Popup::Export(d)) = &mut app.popup {
        let real = out.display().to_string();
        d.folder.value = d.folder.value.replace(&real, "/tmp/jatebo");
        d.folder.cursor = d.folder.value.chars().count();
        if let Stage::Done(s) = &mut d.stage {
            s.dir = PathBuf::from(s.dir.display().to_string().replace(&real, "/tmp/jatebo"));
            s.head_hash = "ef".repeat(32);
            // Files carry the time of the export; their sizes move a little.
            for f in &mut s.files {
                f.bytes = 1_000;
            }
        }
    }
    app
}

/// Words on screen that look like translation keys, less the demo's item
/// codes and the command that checks an export.
fn message_keys(text: &str) -> Vec<String> {
    common::message_keys(text)
        .into_iter()
        .filter(|w| {
            let first = w.split('-').next().unwrap_or_default();
            !["masque", "savon", "ton"].contains(&first) && w != "verify-export"
        })
        .collect()
}

fn trial_row(app: &App, account: &str) -> Option<usize> {
    app.reports
        .trial
        .as_ref()?
        .rows
        .iter()
        .position(|r| r.account == account)
}

fn ledger_lines(app: &App) -> &[jatebo::store::LedgerLine] {
    match app.reports.drill.last() {
        Some(Level::Ledger { lines: Some(l), .. }) => l,
        _ => &[],
    }
}

// ---- the scenario ----------------------------------------------------------------

/// A treasurer reads the soap cooperative's November, goes down from the
/// cash box to a sale's receipt, reads every statement and exports October;
/// then the savings group's facilitator goes down to a meeting.
fn month_end(lang: Lang, w: u16, h: u16) {
    let _guard = lang_lock();
    let books = demo_books();
    let out = tempfile::tempdir().expect("temporary folder");
    let mut ui = Ui::new(books, lang, w, h, out.path());
    ui.login("Mariam Keïta");
    ui.org("savon");

    // The trial balance of the month.
    ui.ch('E');
    assert_eq!(ui.h.app.screen, Screen::Reports(RepTab::Balance));
    ui.snap("01_balance");
    ui.ch(' ');
    ui.snap("02_balance_other_columns");
    ui.ch(' ');
    ui.ch(' ');

    // Down from the cash box: its ledger, a sale's entry, the receipt.
    ui.select_row(|a, i| trial_row(a, "5711") == Some(i));
    ui.key(KeyCode::Enter);
    ui.snap("03_ledger_5711");
    let sale = ledger_lines(&ui.h.app)
        .iter()
        .position(|l| l.doc_ref.starts_with("VTE-"))
        .expect("a sale in the cash box");
    ui.keys(KeyCode::Down, sale);
    ui.key(KeyCode::Enter);
    ui.snap("04_entry_sale");
    ui.key(KeyCode::Enter);
    ui.snap("05_document_receipt");
    ui.keys(KeyCode::Esc, 2);

    // A stock document: down from the cotton's stock account.
    ui.key(KeyCode::Esc);
    ui.select_row(|a, i| {
        a.reports.trial.as_ref().is_some_and(|t| {
            let r = &t.rows[i];
            r.account.starts_with("32") && !r.debit.is_zero()
        })
    });
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Enter);
    ui.snap("06_document_stock");
    ui.keys(KeyCode::Esc, 3);

    // The other statements.
    ui.ch('n');
    ui.snap("07_general_ledger");
    ui.ch('t');
    ui.snap("08_smt");
    ui.ch('r');
    ui.snap("09_income");
    ui.ch(' ');
    ui.snap("10_income_accounts");
    ui.ch('f');
    ui.snap("11_balance_sheet");
    ui.ch('m');
    ui.snap("12_stock");
    ui.ch('d');
    ui.snap("13_debtors");
    ui.ch('b');
    ui.ch('y');
    ui.snap("14_balance_year");
    ui.ch('y');
    ui.key(KeyCode::F(1));
    ui.snap("15_help");
    ui.key(KeyCode::Esc);

    // The export of last month, its progress, what it wrote.
    ui.ch('x');
    ui.snap("16_export_dialog");
    let folder = out.path().join("exports").join("savon-2026-10");
    ui.key(KeyCode::Tab);
    ui.send(KeyCode::Char('u'), KeyModifiers::CONTROL);
    ui.typ(&folder.display().to_string());
    let mut frames: Vec<(u32, String)> = vec![];
    let outp = out.path().to_path_buf();
    ui.h.send_with(
        Msg::Key(KeyEvent::new(KeyCode::F(8), KeyModifiers::NONE)),
        &mut |a: &App| {
            if let Some(Popup::Export(d)) = &a.popup
                && let Stage::Running { step, .. } = d.stage
            {
                frames.push((step, render(a, &outp)));
            }
        },
    );
    assert!(frames.len() >= 8, "{} progress frames", frames.len());
    let steps: Vec<u32> = frames.iter().map(|(s, _)| *s).collect();
    assert!(steps.windows(2).all(|w| w[0] <= w[1]), "{steps:?}");
    let (_, mid) = frames
        .iter()
        .find(|(s, _)| *s == 3)
        .expect("the fourth step");
    insta::assert_snapshot!(format!("{}_17_export_progress", ui.prefix), mid.clone());
    ui.snap("18_export_done");
    assert!(folder.join("manifest.json").exists());
    ui.key(KeyCode::Enter);

    // The savings group's facilitator: the trial balance, the indicators,
    // down from the loan fund's box to a meeting.
    ui.key(KeyCode::F(9));
    ui.key(KeyCode::Esc);
    ui.login("Fatoumata Diarra");
    ui.ch('E');
    ui.snap("19_group_balance");
    ui.ch('i');
    ui.snap("20_group_indicators");
    ui.ch('b');
    ui.select_row(|a, i| trial_row(a, "5711") == Some(i));
    ui.key(KeyCode::Enter);
    let close = ledger_lines(&ui.h.app)
        .iter()
        .position(|l| l.doc_ref.starts_with("REU-"))
        .expect("a meeting in the box");
    ui.keys(KeyCode::Down, close);
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Enter);
    ui.snap("21_document_meeting");
    ui.done();
}

#[test]
fn french_80x24() {
    month_end(Lang::Fr, 80, 24);
}

#[test]
fn french_120x40() {
    month_end(Lang::Fr, 120, 40);
}

#[test]
fn english_80x24() {
    month_end(Lang::En, 80, 24);
}

#[test]
fn english_120x40() {
    month_end(Lang::En, 120, 40);
}

/// The trial balance, the account's ledger, the entry and its receipt say
/// the same thing: the closing balance of 5711, the sale's number.
#[test]
fn the_cash_box_from_the_trial_balance_down_to_the_receipt() {
    let _guard = lang_lock();
    let books = demo_books();
    let out = tempfile::tempdir().expect("temporary folder");
    let mut ui = Ui::new(books, Lang::Fr, 100, 30, out.path());
    ui.login("Mariam Keïta");
    ui.org("savon");
    ui.ch('E');
    let row = {
        let tb = ui.h.app.reports.trial.as_ref().expect("trial balance");
        tb.rows
            .iter()
            .find(|r| r.account == "5711")
            .expect("5711")
            .clone()
    };
    let closing = Fcfa::new(row.closing_debit.francs() - row.closing_credit.francs());
    assert!(closing.francs() > 0, "the cash box holds money");
    ui.select_row(|a, i| trial_row(a, "5711") == Some(i));
    ui.key(KeyCode::Enter);
    // The ledger ends on the trial balance's closing balance, and says so.
    let lines = ledger_lines(&ui.h.app).to_vec();
    assert!(!lines.is_empty());
    assert_eq!(lines.last().map(|l| l.balance), Some(closing));
    let opening = match ui.h.app.reports.drill.last() {
        Some(Level::Ledger { opening, .. }) => *opening,
        _ => panic!("no ledger"),
    };
    assert_eq!(
        opening,
        Fcfa::new(row.opening_debit.francs() - row.opening_credit.francs())
    );
    let screen = ui.text();
    let words = format!("{} (débiteur)", closing.format(Lang::Fr));
    assert!(screen.contains(&words), "{words} not in\n{screen}");
    // A sale's line, its entry, the receipt with the same number.
    let i = lines
        .iter()
        .position(|l| l.doc_ref.starts_with("VTE-"))
        .expect("a sale");
    let reference = lines[i].doc_ref.clone();
    ui.keys(KeyCode::Down, i);
    ui.key(KeyCode::Enter);
    match ui.h.app.reports.drill.last() {
        Some(Level::Entry { view: Some(v), .. }) => {
            assert_eq!(v.entry.doc_ref, reference);
            assert_eq!(v.entry.number, lines[i].number);
        }
        other => panic!("no entry: {other:?}"),
    }
    ui.key(KeyCode::Enter);
    match ui.h.app.reports.drill.last() {
        Some(Level::Document { doc: Some(d), .. }) => match d.as_ref() {
            Document::Receipt { sale, text } => {
                assert_eq!(format!("VTE-{:06}", sale.number), reference);
                assert!(text.contains(&reference), "{text}");
                assert!(text.contains(&lines[i].number.to_string()), "{text}");
            }
            other => panic!("not a receipt: {other:?}"),
        },
        other => panic!("no document: {other:?}"),
    }
    let screen = ui.text();
    assert!(screen.contains(&reference), "{screen}");
    // Back up: the cursor is still on 5711.
    ui.keys(KeyCode::Esc, 3);
    assert_eq!(
        jatebo::tui::reports::cursor(&ui.h.app),
        trial_row(&ui.h.app, "5711")
    );
}

// ---- every organisation together -------------------------------------------------

/// The NGO's auditor (a role over the whole ledger) reads November's trial
/// balance of every organisation together, then the balance sheet, and
/// tries to open an account.
fn consolidated(lang: Lang, w: u16, h: u16) {
    let _guard = lang_lock();
    let books = demo_books();
    let out = tempfile::tempdir().expect("temporary folder");
    let mut ui = Ui::new(books, lang, w, h, out.path());
    ui.login("NGO Auditor");
    ui.ch('E');
    ui.ch('A');
    assert!(ui.h.app.reports.all);
    ui.snap("30_balance_all");
    ui.select_row(|a, i| trial_row(a, "5711") == Some(i));
    ui.key(KeyCode::Enter);
    assert!(ui.h.app.reports.drill.is_empty());
    ui.snap("31_balance_all_enter");
    ui.ch('f');
    ui.snap("32_balance_sheet_all");
    ui.done();
}

#[test]
fn consolidated_french_80x24() {
    consolidated(Lang::Fr, 80, 24);
}

#[test]
fn consolidated_french_120x40() {
    consolidated(Lang::Fr, 120, 40);
}

#[test]
fn consolidated_english_80x24() {
    consolidated(Lang::En, 80, 24);
}

#[test]
fn consolidated_english_120x40() {
    consolidated(Lang::En, 120, 40);
}

/// The consolidated trial balance is the organisations' added up: the
/// service's consolidation, the movements' totals of each organisation
/// summed, and each account's opening and closing balances summed; a
/// treasurer's covers only her two cooperatives.
#[test]
fn the_consolidated_trial_balance_is_the_sum_of_the_organisations() {
    let _guard = lang_lock();
    let check = demo_books();
    let range = jatebo::domain::period::DateRange::month(
        jatebo::domain::period::Month::new(2026, 11).expect("month"),
    );
    let out = tempfile::tempdir().expect("temporary folder");
    for (user, expected) in [
        ("NGO Auditor", check.orgs().expect("orgs").len()),
        ("Mariam Keïta", 2),
    ] {
        let mut ui = Ui::new(demo_books(), Lang::Fr, 100, 30, out.path());
        ui.login(user);
        ui.ch('E');
        ui.ch('A');
        let codes: Vec<String> =
            ui.h.app
                .session
                .as_ref()
                .expect("session")
                .orgs
                .iter()
                .map(|o| o.org.code.clone())
                .collect();
        assert_eq!(codes.len(), expected, "{user}: {codes:?}");
        if user == "Mariam Keïta" {
            assert!(!codes.iter().any(|c| c == "ton-sabali"), "{codes:?}");
        }
        let orgs: Vec<_> = codes.iter().map(|c| check.org(c).expect("org")).collect();
        let shown = ui.h.app.reports.trial.clone().expect("trial balance");
        let service = check
            .consolidated_trial_balance(&orgs, range, Lang::Fr, false)
            .expect("consolidated");
        assert_eq!(shown, service, "{user}");
        let mut debit = 0i64;
        let mut credit = 0i64;
        let mut nets: std::collections::BTreeMap<String, (i64, i64)> = Default::default();
        for o in &orgs {
            let tb = check
                .trial_balance(o, range, Lang::Fr, false)
                .expect("trial balance");
            debit += tb.totals.debit.francs();
            credit += tb.totals.credit.francs();
            for r in &tb.rows {
                let n = nets.entry(r.account.clone()).or_default();
                n.0 += r.opening_debit.francs() - r.opening_credit.francs();
                n.1 += r.closing_debit.francs() - r.closing_credit.francs();
            }
        }
        assert!(debit > 0);
        assert_eq!(shown.totals.debit.francs(), debit, "{user}");
        assert_eq!(shown.totals.credit.francs(), credit, "{user}");
        assert!(shown.totals.balanced(), "{user}");
        for r in &shown.rows {
            let (opening, closing) = nets.get(&r.account).copied().unwrap_or_default();
            assert_eq!(
                r.opening_debit.francs() - r.opening_credit.francs(),
                opening,
                "{user} {}",
                r.account
            );
            assert_eq!(
                r.closing_debit.francs() - r.closing_credit.francs(),
                closing,
                "{user} {}",
                r.account
            );
        }
        // The screen says how many organisations it adds up.
        let screen = ui.text();
        let words = format!("Balance générale consolidée · {expected} organisations");
        assert!(screen.contains(&words), "{words} not in\n{screen}");
    }
}
