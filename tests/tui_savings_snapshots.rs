//! Snapshots of a savings group's screens (the Group tab: the meeting grid
//! and its dialogs, the loan register, the share-out, the passbook, the
//! indicators, the members), in French and in English, at 80×24 and
//! 120×40. A group of eight women is set up through the service layer (two
//! closed meetings, two loans — one late —, a meeting open today with some
//! rows saved), then the app is driven only by keys and resizes through
//! the same driver the TUI uses; each frame is kept as plain text.
//!
//! What depends on the clock (the closing codes, made from the chain hash
//! of entries stamped with the time they were recorded) is replaced by
//! fixed values in a copy of the state before drawing.

mod common;

use common::message_keys;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

use jatebo::domain::Lang;
use jatebo::domain::access::Role;
use jatebo::domain::money::Fcfa;
use jatebo::domain::savings::{Attendance, Constitution, MemberRole, RowInput};
use jatebo::i18n;
use jatebo::service::savings::{CloseInput, CycleInput, OpenInput, SgMemberInput};
use jatebo::service::{Actor, Books, OrgKind};
use jatebo::store::OrgRow;
use jatebo::tui::app::{App, Msg, Popup, Screen};
use jatebo::tui::config::Config;
use jatebo::tui::savings::SgTab;
use jatebo::tui::savings::dialog::DKind;
use jatebo::tui::{Headless, Options, initial_app, view};

static LANG: Mutex<()> = Mutex::new(());

fn lang_lock() -> MutexGuard<'static, ()> {
    LANG.lock().unwrap_or_else(|e| e.into_inner())
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("date")
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn f(n: i64) -> Fcfa {
    Fcfa::new(n)
}

const PASS: &str = "savon et karité";

const MEMBERS: [(&str, MemberRole); 8] = [
    ("Aminata Traoré", MemberRole::President),
    ("Fatoumata Diarra", MemberRole::Secretary),
    ("Awa Keïta", MemberRole::BoxKeeper),
    ("Kadiatou Coulibaly", MemberRole::Member),
    ("Mariam Sangaré", MemberRole::MoneyCounter),
    ("Oumou Diallo", MemberRole::Member),
    ("Salimata Dembélé", MemberRole::KeyHolder),
    ("Hawa Koné", MemberRole::Member),
];

fn row(shares: u32) -> RowInput {
    RowInput {
        shares,
        ..RowInput::default_for(&Constitution::standard())
    }
}

fn open(b: &mut Books, a: &Actor, org: &OrgRow, date: &str) {
    let accounts = b.accounts(org, Lang::Fr).expect("accounts");
    let bal = |n: &str| {
        accounts
            .iter()
            .find(|x| x.number == n)
            .map_or(Fcfa::ZERO, |x| x.balance)
    };
    b.open_meeting(
        a,
        org,
        OpenInput {
            date: d(date),
            loan_cash: bal("5711"),
            social_cash: bal("5721"),
            reason: String::new(),
        },
    )
    .expect("open");
}

fn close(b: &mut Books, a: &Actor, org: &OrgRow) {
    let v = b.meeting_view(org, None).expect("view");
    b.close_meeting(
        a,
        org,
        CloseInput {
            loan_cash: v.closing_loan,
            social_cash: v.closing_social,
            reason: String::new(),
        },
    )
    .expect("close");
}

/// The Sabali group: eight members, two meetings closed (a loan of 2 000 F
/// to Aminata for one month, now late; 3 000 F to Awa for three months),
/// the third meeting open today with two rows saved. A second group, new,
/// has no cycle yet.
fn group_books() -> Books {
    let mut b = Books::in_memory().expect("ledger");
    let admin = Actor::new("Awa Traoré").expect("actor");
    b.add_user(&admin, "Awa Traoré", PASS, Lang::Fr)
        .expect("admin");
    let admin = b.login("Awa Traoré", PASS).expect("login");
    let org = b
        .add_org(
            &admin,
            "sabali",
            "Groupe d'épargne Sabali",
            OrgKind::Savings,
        )
        .expect("org");
    b.add_org(&admin, "benkan", "Groupe Benkan", OrgKind::Savings)
        .expect("org");
    b.add_user(&admin, "Mariam Keïta", PASS, Lang::Fr)
        .expect("user");
    b.set_role(&admin, "Mariam Keïta", None, Some(Role::Facilitator))
        .expect("role");
    b.add_user(&admin, "NGO Auditor", PASS, Lang::En)
        .expect("user");
    b.set_role(&admin, "NGO Auditor", Some(&org), Some(Role::Auditor))
        .expect("role");
    b.start_cycle(
        &admin,
        &org,
        CycleInput {
            start: d("2026-09-01"),
            planned_end: d("2027-08-31"),
            constitution: Constitution::standard(),
        },
    )
    .expect("cycle");
    for (name, role) in MEMBERS {
        b.add_sg_member(
            &admin,
            &org,
            SgMemberInput {
                number: None,
                name: name.into(),
                phone: if role == MemberRole::President {
                    "76 12 34 56".into()
                } else {
                    String::new()
                },
                role,
                joined: d("2026-09-01"),
            },
        )
        .expect("member");
    }
    let rec = |b: &mut Books, m: &str, r: RowInput| {
        b.record_row(&admin, &org, m, r).expect("row");
    };
    // Meeting 1: everyone present; Aminata borrows 2 000 F for a month.
    open(&mut b, &admin, &org, "2026-09-12");
    for (m, s) in [
        ("2", 2),
        ("3", 5),
        ("4", 2),
        ("5", 4),
        ("6", 3),
        ("7", 2),
        ("8", 3),
    ] {
        rec(&mut b, m, row(s));
    }
    rec(
        &mut b,
        "1",
        RowInput {
            new_loan: f(2_000),
            loan_term: 1,
            ..row(5)
        },
    );
    close(&mut b, &admin, &org);
    // Meeting 2: Fatoumata absent, Kadiatou late; Aminata repays 1 000 F;
    // Awa borrows 3 000 F.
    open(&mut b, &admin, &org, "2026-10-10");
    rec(
        &mut b,
        "1",
        RowInput {
            repay: f(1_000),
            ..row(2)
        },
    );
    rec(&mut b, "2", RowInput::absent(&Constitution::standard()));
    rec(
        &mut b,
        "4",
        RowInput {
            fine_levied: f(100),
            fine_paid: f(100),
            ..row(1)
        },
    );
    for (m, s) in [("5", 3), ("6", 2), ("7", 2), ("8", 4)] {
        rec(&mut b, m, row(s));
    }
    rec(
        &mut b,
        "3",
        RowInput {
            new_loan: f(3_000),
            ..row(4)
        },
    );
    close(&mut b, &admin, &org);
    // Meeting 3, today: two rows saved so far.
    open(&mut b, &admin, &org, "2026-11-21");
    rec(&mut b, "2", row(3));
    rec(
        &mut b,
        "3",
        RowInput {
            repay: f(1_300),
            ..row(2)
        },
    );
    let _ = Attendance::Present;
    b
}

// ---- driving the app -----------------------------------------------------------

struct Ui {
    h: Headless,
    prefix: String,
    keys_seen: Vec<String>,
}

impl Ui {
    fn new(lang: Lang, w: u16, h: u16) -> Ui {
        let books = group_books();
        let db = PathBuf::from("jatebo.db");
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

    fn alt(&mut self, c: char) {
        self.send(KeyCode::Char(c), KeyModifiers::ALT);
    }

    fn ctrl(&mut self, c: char) {
        self.send(KeyCode::Char(c), KeyModifiers::CONTROL);
    }

    fn typ(&mut self, s: &str) {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    fn login(&mut self, name: &str) {
        self.typ(name);
        self.key(KeyCode::Tab);
        self.typ(PASS);
        self.key(KeyCode::Enter);
        assert!(self.h.app.session.is_some(), "logged in as {name}");
    }

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

fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    }
}

fn render(h: &Headless) -> String {
    let (w, hgt) = h.app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, hgt)).expect("terminal");
    terminal
        .draw(|f| view::draw(f, &stable(&h.app)))
        .expect("draw");
    let buf = terminal.backend().buffer();
    let ruler = "-".repeat(w as usize);
    let mut out = vec![ruler.clone()];
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
        out.push(line.trim_end().to_string());
    }
    out.push(ruler);
    out.join("\n") + "\n"
}

/// A closing code with its hash part fixed (`2026-000042-C0DE42`).
fn stable_code(code: &str) -> String {
    match code.rsplit_once('-') {
        Some((head, _)) => format!("{head}-C0DE42"),
        None => code.to_string(),
    }
}

/// A copy of the app with what depends on the clock fixed.
fn stable(app: &App) -> App {
    const AT: &str = "2026-11-21T09:30:00.000Z";
    let mut app = app.clone();
    let mut codes: Vec<(String, String)> = vec![];
    let mut fix = |c: &mut Option<String>| {
        if let Some(x) = c {
            let s = stable_code(x);
            codes.push((x.clone(), s.clone()));
            *x = s;
        }
    };
    for m in &mut app.sg.meetings {
        fix(&mut m.code);
    }
    if let Some(v) = &mut app.sg.meeting.view {
        fix(&mut v.meeting.code);
        for c in &mut v.closes {
            c.closed_at = AT.to_string();
            let s = stable_code(&c.code);
            codes.push((c.code.clone(), s.clone()));
            c.code = s;
        }
    }
    if let Some(Popup::Savings(dlg)) = &mut app.popup
        && let DKind::Code { code } = &mut dlg.kind
    {
        let s = stable_code(code);
        codes.push((code.clone(), s.clone()));
        *code = s;
    }
    for (from, to) in &codes {
        if let Some(s) = &mut app.status {
            s.text = s.text.replace(from, to);
        }
    }
    if let Some(e) = &mut app.detail {
        e.entry.recorded_at = AT.to_string();
        e.entry.hash = "ab".repeat(32);
        e.entry.prev_hash = "cd".repeat(32);
    }
    app
}

// ---- the scenario ----------------------------------------------------------------

/// A facilitator runs the third meeting of the Sabali group, closes it,
/// reopens it; then the loans, the share-out, a passbook, the indicators,
/// the members; what an auditor sees; a group with no cycle yet.
fn meeting_day(lang: Lang, w: u16, h: u16) {
    let _guard = lang_lock();
    let mut ui = Ui::new(lang, w, h);
    ui.login("Mariam Keïta");
    ui.key(KeyCode::F(7));
    ui.typ("sabali");
    ui.key(KeyCode::Enter);

    // The meeting open today: two rows saved, the others dimmed.
    ui.key(KeyCode::F(11));
    assert_eq!(ui.h.app.screen, Screen::Savings(SgTab::Meeting));
    ui.snap("01_meeting_grid");

    // Kadiatou: 4 shares, a fine for being late (by its code).
    ui.keys(KeyCode::Down, 3);
    ui.keys(KeyCode::Tab, 2);
    ui.typ("4");
    ui.keys(KeyCode::Tab, 2);
    ui.typ("retard");
    ui.snap("02_meeting_typing");
    // A loan far above three times her savings: refused as typed.
    ui.keys(KeyCode::Tab, 2);
    ui.typ("90000");
    ui.snap("03_meeting_loan_refused");
    ui.ctrl('u');
    ui.typ("3000");
    ui.key(KeyCode::Enter);
    ui.snap("04_meeting_row_saved");

    // A grant from the social fund for Mariam's health care.
    ui.ctrl('o');
    ui.key(KeyCode::Tab);
    ui.key(KeyCode::Tab);
    ui.typ("1500");
    ui.key(KeyCode::Tab);
    ui.key(KeyCode::Tab);
    ui.typ("CSCom de Sabalibougou");
    ui.snap("05_social_dialog");
    ui.key(KeyCode::F(8));

    // Aminata, late on her loan, repays it; the rest get the defaults.
    ui.keys(KeyCode::Up, 4);
    ui.keys(KeyCode::BackTab, 3);
    ui.typ("1000");
    ui.snap("06_meeting_repayment");
    ui.key(KeyCode::Enter);
    ui.ctrl('f');
    ui.key(KeyCode::F(8));
    ui.snap("07_close_dialog");
    ui.key(KeyCode::F(8));
    ui.snap("08_closing_code");
    ui.key(KeyCode::Enter);
    ui.snap("09_meeting_closed");

    // Reopened, with a reason: the rows come back to the grid.
    ui.key(KeyCode::Char('x'));
    ui.typ("parts de Hawa mal comptées");
    ui.snap("10_reopen_dialog");
    ui.key(KeyCode::F(8));

    // The loans, one loan's schedule, the write-off dialog.
    ui.alt('r');
    assert_eq!(ui.h.app.screen, Screen::Savings(SgTab::Loans));
    ui.snap("11_loans");
    ui.key(KeyCode::Down);
    ui.key(KeyCode::Enter);
    ui.snap("12_loan_schedule");
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Char('w'));
    ui.typ("décédée");
    ui.snap("13_write_off_dialog");
    ui.key(KeyCode::Esc);

    // The share-out as it would be today.
    ui.alt('f');
    ui.snap("14_shareout");

    // A passbook, found without the accent.
    ui.alt('b');
    ui.key(KeyCode::Char('/'));
    ui.typ("keita");
    ui.snap("15_passbook_pick");
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Enter);
    ui.snap("16_passbook");
    ui.key(KeyCode::Esc);

    // The indicators, the members, a new member.
    ui.alt('i');
    ui.snap("17_indicators");
    ui.alt('m');
    ui.snap("18_members");
    ui.key(KeyCode::Char('n'));
    ui.typ("Nana Sissoko");
    ui.key(KeyCode::Tab);
    ui.typ("66 00 11 22");
    ui.snap("19_new_member");
    ui.key(KeyCode::Esc);

    // The keys of the grid.
    ui.alt('v');
    ui.key(KeyCode::F(1));
    ui.snap("20_help_meeting");
    ui.key(KeyCode::Esc);

    // A group with no cycle: the message, then the cycle's dialog.
    ui.key(KeyCode::F(7));
    ui.typ("benkan");
    ui.key(KeyCode::Enter);
    ui.snap("21_no_cycle");
    ui.key(KeyCode::F(8));
    ui.snap("22_start_cycle");
    ui.key(KeyCode::Esc);

    // An auditor: the meeting shown, no key to write.
    ui.key(KeyCode::F(9));
    ui.key(KeyCode::Esc);
    ui.login("NGO Auditor");
    ui.key(KeyCode::F(11));
    ui.snap("23_auditor_meeting");
    ui.done();
}

#[test]
fn french_80x24() {
    meeting_day(Lang::Fr, 80, 24);
}

#[test]
fn french_120x40() {
    meeting_day(Lang::Fr, 120, 40);
}

#[test]
fn english_80x24() {
    meeting_day(Lang::En, 80, 24);
}

#[test]
fn english_120x40() {
    meeting_day(Lang::En, 120, 40);
}
