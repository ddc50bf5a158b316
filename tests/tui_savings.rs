//! A savings group's screens driven by keys, through the same driver the
//! TUI uses, against a ledger in memory: a row typed with Tab and Enter is
//! saved through the service; a loan above the limit shows the ledger's
//! refusal as it is typed and nothing is saved; the close shows the
//! closing code; reopening needs a reason; the counts at the opening; the
//! roll call keys; the social fund; a new cycle; what a role that only
//! reads can do.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use jatebo::domain::Lang;
use jatebo::domain::access::Role;
use jatebo::domain::money::Fcfa;
use jatebo::domain::savings::{Attendance, Constitution, MemberRole, RowInput};
use jatebo::i18n;
use jatebo::service::savings::{CloseInput, CycleInput, OpenInput, SgMemberInput};
use jatebo::service::{Actor, Books, OrgKind};
use jatebo::store::OrgRow;
use jatebo::tui::app::{Effect, Msg, Popup, Screen};
use jatebo::tui::config::Config;
use jatebo::tui::keymap::{Cmd, Scope};
use jatebo::tui::savings::dialog::DKind;
use jatebo::tui::savings::meeting::{COL_ATT, COL_LOAN, COL_SHARES};
use jatebo::tui::savings::{SgEffect, SgTab};
use jatebo::tui::{Headless, Options, initial_app};

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

const PASS: &str = "savon et karité";

const NAMES: [&str; 5] = [
    "Aminata Traoré",
    "Fatoumata Diarra",
    "Kadiatou Coulibaly",
    "Awa Keïta",
    "Mariam Sangaré",
];

struct Fixture {
    books: Books,
    org: OrgRow,
}

/// A group of five, a cycle started in September, one meeting closed
/// (everyone bought two shares), and — when `open` — the second meeting
/// open today. The treasurer is Mariam Keïta; an auditor reads.
fn fixture(open: bool) -> Fixture {
    let mut b = Books::in_memory().expect("ledger");
    let admin = Actor::new("Awa Traoré").expect("actor");
    b.add_user(&admin, "Awa Traoré", PASS, Lang::Fr)
        .expect("admin");
    let admin = b.login("Awa Traoré", PASS).expect("login");
    let org = b
        .add_org(&admin, "sabali", "Groupe Sabali", OrgKind::Savings)
        .expect("org");
    for (name, role) in [
        ("Mariam Keïta", Role::Treasurer),
        ("NGO Auditor", Role::Auditor),
        ("Fanta Cissé", Role::Facilitator),
    ] {
        b.add_user(&admin, name, PASS, Lang::Fr).expect("user");
        b.set_role(&admin, name, Some(&org), Some(role))
            .expect("role");
    }
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
    for (i, n) in NAMES.iter().enumerate() {
        b.add_sg_member(
            &admin,
            &org,
            SgMemberInput {
                number: None,
                name: n.to_string(),
                phone: String::new(),
                role: if i == 0 {
                    MemberRole::President
                } else {
                    MemberRole::Member
                },
                joined: d("2026-09-01"),
            },
        )
        .expect("member");
    }
    b.open_meeting(
        &admin,
        &org,
        OpenInput {
            date: d("2026-10-24"),
            loan_cash: Fcfa::ZERO,
            social_cash: Fcfa::ZERO,
            reason: String::new(),
        },
    )
    .expect("open");
    for m in 1..=5 {
        b.record_row(
            &admin,
            &org,
            &m.to_string(),
            RowInput {
                shares: 2,
                ..RowInput::default_for(&Constitution::standard())
            },
        )
        .expect("row");
    }
    let v = b.meeting_view(&org, None).expect("view");
    b.close_meeting(
        &admin,
        &org,
        CloseInput {
            loan_cash: v.closing_loan,
            social_cash: v.closing_social,
            reason: String::new(),
        },
    )
    .expect("close");
    if open {
        b.open_meeting(
            &admin,
            &org,
            OpenInput {
                date: today(),
                loan_cash: v.closing_loan,
                social_cash: v.closing_social,
                reason: String::new(),
            },
        )
        .expect("open");
    }
    Fixture { books: b, org }
}

struct Ui {
    h: Headless,
    org: OrgRow,
    effects: Vec<Effect>,
}

impl Ui {
    fn new(open: bool, user: &str) -> Ui {
        let f = fixture(open);
        i18n::set_lang(Lang::Fr);
        let db = PathBuf::from("jatebo.db");
        let opts = Options {
            db: db.clone(),
            db_is_default: false,
            lang_fixed: true,
        };
        let (app, _) = initial_app(&f.books, &opts, &Config::default(), today()).expect("app");
        let mut ui = Ui {
            h: Headless::new(f.books, db, app),
            org: f.org,
            effects: vec![],
        };
        ui.h.send(Msg::Resize(100, 30));
        ui.typ(user);
        ui.key(KeyCode::Tab);
        ui.typ(PASS);
        ui.key(KeyCode::Enter);
        assert!(ui.h.app.session.is_some(), "logged in");
        ui.key(KeyCode::F(11));
        assert_eq!(ui.h.app.screen, Screen::Savings(SgTab::Meeting));
        ui
    }

    fn send(&mut self, code: KeyCode, mods: KeyModifiers) {
        // What the key asks for, before the driver runs it.
        let msg = Msg::Key(KeyEvent::new(code, mods));
        let mut probe = self.h.app.clone();
        self.effects = probe.update(msg.clone());
        self.h.send(msg);
    }

    fn key(&mut self, code: KeyCode) {
        self.send(code, KeyModifiers::NONE);
    }

    fn keys(&mut self, code: KeyCode, n: usize) {
        for _ in 0..n {
            self.key(code);
        }
    }

    fn ctrl(&mut self, c: char) {
        self.send(KeyCode::Char(c), KeyModifiers::CONTROL);
    }

    fn typ(&mut self, s: &str) {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    fn books(&self) -> &Books {
        self.h.books()
    }

    fn view(&self) -> jatebo::service::savings::MeetingView {
        self.books().meeting_view(&self.org, None).expect("view")
    }

    fn grid_row(&self, member: i64) -> jatebo::service::savings::GridRow {
        self.view()
            .rows
            .into_iter()
            .find(|r| r.member.number == member)
            .expect("row")
    }

    fn status(&self) -> String {
        self.h
            .app
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }

    fn dialog(&self) -> &jatebo::tui::savings::dialog::Dialog {
        match &self.h.app.popup {
            Some(Popup::Savings(d)) => d,
            other => panic!("expected a dialog, got {other:?}"),
        }
    }
}

#[test]
fn a_row_typed_with_tab_and_enter_is_saved_and_the_next_member_comes_up() {
    let _g = lang_lock();
    let mut ui = Ui::new(true, "Mariam Keïta");
    assert!(ui.h.app.typing(), "the grid has the keyboard");
    let m = &ui.h.app.sg.meeting;
    assert_eq!((m.row, m.col), (0, COL_ATT));
    // Kadiatou (third row): Tab to the shares, 4, Enter.
    ui.keys(KeyCode::Down, 2);
    ui.keys(KeyCode::Tab, 2);
    assert_eq!(ui.h.app.sg.meeting.col, COL_SHARES);
    ui.typ("4");
    assert!(
        matches!(
            ui.effects.as_slice(),
            [Effect::Savings(SgEffect::Check { member: 3, row, .. })] if row.shares == 4
        ),
        "each change is checked, not saved: {:?}",
        ui.effects
    );
    assert!(!ui.grid_row(3).saved);
    ui.key(KeyCode::Enter);
    assert!(
        matches!(
            ui.effects.as_slice(),
            [Effect::Savings(SgEffect::SaveRow { member: 3, row, .. })]
                if row.shares == 4 && row.attendance == Attendance::Present
                    && row.social == Fcfa::new(100)
        ),
        "{:?}",
        ui.effects
    );
    let r = ui.grid_row(3);
    assert!(r.saved, "saved through the service");
    assert_eq!(r.input.shares, 4);
    // The next member, same column; the status says whose row was saved.
    let m = &ui.h.app.sg.meeting;
    assert_eq!((m.row, m.col), (3, COL_SHARES));
    assert!(m.edits.is_empty());
    assert!(
        ui.status().contains("Kadiatou Coulibaly"),
        "{}",
        ui.status()
    );
    // Enter on a row not typed saves it as shown (the defaults).
    ui.key(KeyCode::Enter);
    let r = ui.grid_row(4);
    assert!(r.saved);
    assert_eq!(r.input, RowInput::default_for(&Constitution::standard()));
}

#[test]
fn a_loan_above_the_limit_shows_the_refusal_and_nothing_is_saved() {
    let _g = lang_lock();
    let mut ui = Ui::new(true, "Mariam Keïta");
    // Aminata has 2 shares (1 000 F): 3 000 F at most, with today's share.
    ui.keys(KeyCode::Tab, COL_LOAN);
    ui.typ("50000");
    let e =
        ui.h.app
            .sg
            .meeting
            .edits
            .get(&1)
            .expect("row typed")
            .clone();
    let msg = match &e.check {
        Some(Err(m)) => m.clone(),
        other => panic!("expected a refusal as typed, got {other:?}"),
    };
    assert!(msg.contains("50 000") && msg.contains("4 500"), "{msg}");
    assert!(e.dirty);
    ui.key(KeyCode::Enter);
    let r = ui.grid_row(1);
    assert!(!r.saved, "nothing saved");
    let e = ui.h.app.sg.meeting.edits.get(&1).expect("kept as typed");
    assert_eq!(e.text(COL_LOAN), "50000", "what was typed stays");
    assert!(e.error.as_deref().is_some_and(|m| m.contains("refusé")));
    assert_eq!(ui.h.app.sg.meeting.row, 0, "the cursor stays on her row");
    // Within the limit it goes through.
    ui.ctrl('u');
    ui.typ("4500");
    ui.key(KeyCode::Enter);
    let r = ui.grid_row(1);
    assert!(r.saved);
    assert_eq!(r.input.new_loan, Fcfa::new(4_500));
    assert_eq!(ui.h.app.sg.meeting.row, 1);
}

#[test]
fn the_roll_call_keys_set_attendance_and_the_usual_values() {
    let _g = lang_lock();
    let mut ui = Ui::new(true, "Mariam Keïta");
    ui.key(KeyCode::Down);
    ui.typ("a");
    let e = ui.h.app.sg.meeting.edits.get(&2).expect("typed");
    assert_eq!(e.attendance, Attendance::Absent);
    assert_eq!(e.text(COL_SHARES), "", "an absent member buys nothing");
    ui.key(KeyCode::Enter);
    let r = ui.grid_row(2);
    assert_eq!(r.input, RowInput::absent(&Constitution::standard()));
    // Represented keeps the money of a present member.
    ui.typ("r");
    ui.key(KeyCode::Enter);
    let r = ui.grid_row(3);
    assert_eq!(r.input.attendance, Attendance::Represented);
    assert_eq!(r.input.shares, 1);
}

#[test]
fn closing_shows_the_code_and_the_meeting_is_then_read_only() {
    let _g = lang_lock();
    let mut ui = Ui::new(true, "Mariam Keïta");
    // A row typed and not saved: the close waits for it.
    ui.keys(KeyCode::Tab, COL_SHARES);
    ui.typ("3");
    ui.key(KeyCode::F(8));
    assert!(ui.h.app.popup.is_none());
    assert!(ui.status().contains("N° 1"), "{}", ui.status());
    ui.key(KeyCode::Enter);
    // The others get the defaults; the counts are offered as computed.
    ui.ctrl('f');
    assert!(ui.view().rows.iter().all(|r| r.saved));
    let expected = ui.view().closing_loan;
    ui.key(KeyCode::F(8));
    let dlg = ui.dialog();
    assert!(matches!(dlg.kind, DKind::Close { .. }));
    assert_eq!(dlg.fields[0].input.value, expected.francs().to_string());
    ui.key(KeyCode::F(8));
    let code = match &ui.dialog().kind {
        DKind::Code { code } => code.clone(),
        other => panic!("expected the closing code, got {other:?}"),
    };
    let meetings = ui.books().meetings(&ui.org).expect("meetings");
    let last = meetings.last().expect("meeting");
    assert!(last.is_closed());
    assert_eq!(last.code.as_deref(), Some(code.as_str()));
    assert!(ui.status().contains(&code));
    ui.key(KeyCode::Enter);
    assert!(ui.h.app.popup.is_none());
    let v = ui.h.app.sg.meeting.view.as_ref().expect("view");
    assert!(v.closed);
    assert!(!ui.h.app.typing(), "a closed meeting is read only");
}

#[test]
fn reopening_needs_a_reason_and_puts_the_rows_back() {
    let _g = lang_lock();
    let mut ui = Ui::new(false, "Mariam Keïta");
    assert!(ui.h.app.sg.meeting.view.as_ref().is_some_and(|v| v.closed));
    ui.key(KeyCode::Char('x'));
    assert!(matches!(ui.dialog().kind, DKind::Reopen { number: 1 }));
    ui.key(KeyCode::F(8));
    assert!(ui.effects.is_empty(), "{:?}", ui.effects);
    assert_eq!(
        ui.dialog().error.as_deref(),
        Some("Le motif est obligatoire.")
    );
    assert!(ui.books().meetings(&ui.org).unwrap()[0].is_closed());
    ui.typ("parts mal comptées");
    ui.key(KeyCode::F(8));
    assert!(
        matches!(ui.effects.as_slice(), [Effect::Savings(SgEffect::Reopen { number: 1, reason, .. })] if reason == "parts mal comptées"),
        "{:?}",
        ui.effects
    );
    assert!(ui.h.app.popup.is_none());
    let meetings = ui.books().meetings(&ui.org).unwrap();
    assert!(!meetings[0].is_closed());
    assert!(ui.h.app.typing(), "the grid is typed again");
    assert!(ui.view().rows.iter().all(|r| r.saved), "the rows are back");
}

#[test]
fn the_opening_counts_are_offered_and_a_difference_needs_a_reason() {
    let _g = lang_lock();
    let mut ui = Ui::new(false, "Mariam Keïta");
    ui.key(KeyCode::Char('n'));
    let dlg = ui.dialog();
    assert!(matches!(
        dlg.kind,
        DKind::Open {
            loan,
            social
        } if loan == Fcfa::new(5_000) && social == Fcfa::new(500)
    ));
    assert_eq!(dlg.fields[1].input.value, "5000");
    assert_eq!(dlg.fields[2].input.value, "500");
    // 4 900 counted in the loan fund's box: the ledger refuses it without
    // a reason, and says so in the dialog.
    ui.key(KeyCode::Tab);
    ui.typ("4900");
    ui.key(KeyCode::F(8));
    let err = ui.dialog().error.clone().unwrap_or_default();
    assert!(err.contains("4 900") && err.contains("5 000"), "{err}");
    assert!(ui.books().meetings(&ui.org).unwrap().len() == 1);
    ui.keys(KeyCode::Tab, 2);
    ui.typ("billet de 100 perdu");
    ui.key(KeyCode::F(8));
    assert!(ui.h.app.popup.is_none(), "{:?}", ui.h.app.popup);
    let meetings = ui.books().meetings(&ui.org).unwrap();
    assert_eq!(meetings.len(), 2);
    assert_eq!(meetings[1].counted_loan, Fcfa::new(4_900));
    assert_eq!(meetings[1].reason, "billet de 100 perdu");
    assert!(ui.h.app.typing());
}

#[test]
fn a_social_fund_grant_is_added_and_taken_back() {
    let _g = lang_lock();
    let mut ui = Ui::new(true, "Mariam Keïta");
    ui.keys(KeyCode::Down, 3);
    ui.ctrl('o');
    let dlg = ui.dialog();
    assert_eq!(
        dlg.fields[0].input.value, "4",
        "the member under the cursor"
    );
    ui.keys(KeyCode::Tab, 2);
    ui.typ("300");
    ui.key(KeyCode::F(8));
    assert!(ui.h.app.popup.is_none());
    let v = ui.view();
    assert_eq!(v.social.len(), 1);
    assert_eq!(v.social[0].name, "Awa Keïta");
    assert_eq!(v.social[0].kind, "grant");
    assert_eq!(v.social[0].reason, "health");
    // More than the social fund's box holds: refused in the dialog.
    ui.ctrl('o');
    ui.keys(KeyCode::Tab, 2);
    ui.typ("90000");
    ui.key(KeyCode::F(8));
    assert!(ui.dialog().error.is_some());
    // Ctrl+D takes back the last movement.
    ui.ctrl('d');
    assert!(ui.h.app.popup.is_none());
    assert!(ui.view().social.is_empty());
}

#[test]
fn a_group_without_a_cycle_starts_one_from_the_dialog() {
    let _g = lang_lock();
    let mut b = Books::in_memory().expect("ledger");
    let admin = Actor::new("Awa Traoré").expect("actor");
    b.add_user(&admin, "Awa Traoré", PASS, Lang::Fr)
        .expect("admin");
    let admin = b.login("Awa Traoré", PASS).expect("login");
    let org = b
        .add_org(&admin, "benkan", "Groupe Benkan", OrgKind::Savings)
        .expect("org");
    i18n::set_lang(Lang::Fr);
    let db = PathBuf::from("jatebo.db");
    let opts = Options {
        db: db.clone(),
        db_is_default: false,
        lang_fixed: true,
    };
    let (app, _) = initial_app(&b, &opts, &Config::default(), today()).expect("app");
    let mut h = Headless::new(b, db, app);
    h.send(Msg::Resize(80, 24));
    for c in "Awa Traoré".chars() {
        h.send(Msg::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
    h.send(Msg::Key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)));
    for c in PASS.chars() {
        h.send(Msg::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
    h.send(Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
    h.send(Msg::Key(KeyEvent::new(KeyCode::F(11), KeyModifiers::NONE)));
    assert!(h.app.sg.loaded && h.app.sg.cycle.is_none());
    assert!(h.app.scopes().contains(&Scope::Cycle));
    h.send(Msg::Key(KeyEvent::new(KeyCode::F(8), KeyModifiers::NONE)));
    assert!(matches!(
        &h.app.popup,
        Some(Popup::Savings(d)) if d.kind == DKind::StartCycle
    ));
    // The share price: 250 F.
    for _ in 0..3 {
        h.send(Msg::Key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)));
    }
    for c in "250".chars() {
        h.send(Msg::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
    h.send(Msg::Key(KeyEvent::new(KeyCode::F(8), KeyModifiers::NONE)));
    assert!(h.app.popup.is_none(), "{:?}", h.app.popup);
    let c = h.books().cycle(&org).expect("cycle");
    assert_eq!(c.start, today());
    assert_eq!(c.constitution.share_price, Fcfa::new(250));
    assert_eq!(c.constitution.social_fee, Fcfa::new(100));
    assert!(h.app.sg.cycle_open());
}

#[test]
fn a_role_that_only_reads_sees_the_meeting_and_gets_no_writing_key() {
    let _g = lang_lock();
    let mut ui = Ui::new(true, "NGO Auditor");
    assert!(!ui.h.app.typing(), "no grid to type");
    let scopes = ui.h.app.scopes();
    assert!(!scopes.contains(&Scope::Meeting) && !scopes.contains(&Scope::Meetings));
    let withheld = ui.h.app.withheld_commands();
    for c in [Cmd::SgSaveRow, Cmd::SgClose, Cmd::SgOpen, Cmd::SgReopen] {
        assert!(withheld.contains(&c), "{c:?}");
    }
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::F(8));
    ui.typ("3");
    assert!(ui.h.app.popup.is_none());
    assert!(!ui.grid_row(1).saved);
    // The other screens read.
    ui.key(KeyCode::Char('i'));
    assert_eq!(ui.h.app.screen, Screen::Savings(SgTab::Indicators));
    assert!(ui.h.app.sg.indicators.view.is_some());
    ui.key(KeyCode::Char('b'));
    ui.key(KeyCode::Char('/'));
    ui.typ("KEITA");
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Enter);
    let b = ui.h.app.sg.passbook.book.as_ref().expect("passbook");
    assert_eq!(b.member.name, "Awa Keïta", "found without the accent");
    assert_eq!(b.shares, 2);
}
