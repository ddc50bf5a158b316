//! The TUI's update logic without a terminal or a ledger: key sequences in,
//! state and effects out.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use jatebo::domain::access::Role;
use jatebo::domain::ledger::{EntryNumber, PostedEntry, PostedLine, Side};
use jatebo::domain::money::Fcfa;
use jatebo::service::{Actor, OrgKind};
use jatebo::store::{AccountRow, EntryView, OrgRow, UserRow};
use jatebo::tui::app::{
    App, Done, Effect, LoginForm, Mode, Msg, OrgAccess, PAGE, Place, Popup, Screen, Session,
    WizStep, Wizard,
};
use jatebo::tui::keymap::Keymap;
use jatebo::tui::layout;
use jatebo::tui::theme::{Theme, ThemeName};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

fn app(mode: Mode) -> App {
    let mut a = App::new(
        mode,
        Keymap::default(),
        Theme::new(ThemeName::Default, false),
        today(),
        "test".into(),
    );
    a.update(Msg::Resize(100, 30));
    a
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Types text; returns every effect it caused.
fn typed(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| app.update(key(KeyCode::Char(c))))
        .collect()
}

fn org_row(code: &str, name: &str) -> OrgRow {
    OrgRow {
        id: 1,
        code: code.into(),
        name: name.into(),
        kind: "coop".into(),
        template: "coop".into(),
        created_at: "2026-01-01T00:00:00Z".into(),
        closed_through: None,
        entries: 0,
        head_number: String::new(),
        head_hash: String::new(),
        genesis: String::new(),
    }
}

fn session(role: Role) -> Session {
    Session {
        actor: Actor {
            name: "Awa Traoré".into(),
            user_id: Some(1),
        },
        user: UserRow {
            id: 1,
            name: "Awa Traoré".into(),
            lang: "fr".into(),
            created_at: String::new(),
            disabled: false,
            has_pin: true,
            roles: vec![("*".into(), role)],
        },
        orgs: vec![
            OrgAccess {
                org: org_row("savon", "Coopérative des savonnières"),
                role,
            },
            OrgAccess {
                org: org_row("ton-sabali", "Ton Sabali"),
                role,
            },
        ],
    }
}

/// An app logged in with `role`, on the home screen.
fn main_app(role: Role) -> App {
    let mut a = app(Mode::Login(LoginForm::new()));
    let fx = a.update(Msg::Done(Done::Session(Box::new(session(role)))));
    // The chart comes along once (entry details name their accounts).
    assert_eq!(
        fx,
        vec![
            Effect::Accounts {
                org: "savon".into()
            },
            Effect::Overview {
                org: "savon".into()
            }
        ]
    );
    a.update(Msg::Done(Done::Accounts(chart())));
    a
}

fn account(number: &str, name: &str) -> AccountRow {
    AccountRow {
        number: number.into(),
        name: name.into(),
        name_fr: name.into(),
        name_en: name.into(),
        class: number[..1].parse().unwrap(),
        closed: false,
        debit: Fcfa::ZERO,
        credit: Fcfa::ZERO,
        balance: Fcfa::ZERO,
        used: false,
    }
}

fn entry(id: i64, seq: i64) -> EntryView {
    EntryView {
        id,
        entry: PostedEntry {
            number: EntryNumber { year: 2026, seq },
            chain_no: seq,
            date: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(seq as u64 / 10),
            recorded_at: "2026-01-01T10:00:00.000Z".into(),
            doc_ref: format!("R-{seq}"),
            memo: "Vente de savon".into(),
            author: "Mariam Keïta".into(),
            idem_key: String::new(),
            reverses: None,
            source: None,
            lines: vec![
                PostedLine {
                    line_no: 1,
                    account: "5711".into(),
                    side: Side::Debit,
                    amount: Fcfa::new(1000),
                    label: String::new(),
                },
                PostedLine {
                    line_no: 2,
                    account: "7011".into(),
                    side: Side::Credit,
                    amount: Fcfa::new(1000),
                    label: String::new(),
                },
            ],
            prev_hash: "0".repeat(64),
            hash: "1".repeat(64),
        },
        reversed_by: None,
        balanced: true,
    }
}

// ---- login, lock -------------------------------------------------------------

#[test]
fn login_sends_name_and_passphrase_once_and_forgets_the_passphrase() {
    let mut a = app(Mode::Login(LoginForm::new()));
    assert!(typed(&mut a, "Awa Traoré").is_empty());
    a.update(key(KeyCode::Tab));
    assert!(
        typed(&mut a, "secret phrase").is_empty(),
        "letters are typed, not commands"
    );
    let fx = a.update(key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Login {
            name: "Awa Traoré".into(),
            pass: "secret phrase".into()
        }]
    );
    let Mode::Login(l) = &a.mode else {
        panic!("still on the login screen until the ledger answers")
    };
    assert!(
        l.pass.value.is_empty(),
        "the passphrase is not kept in memory"
    );
}

#[test]
fn a_refused_login_shows_the_message_it_was_given_and_stays_put() {
    let mut a = app(Mode::Login(LoginForm::new()));
    typed(&mut a, "Awa");
    a.update(key(KeyCode::Tab));
    typed(&mut a, "wrong");
    let fx = a.update(key(KeyCode::Enter));
    a.update(Msg::Failed {
        effect: Box::new(fx[0].clone()),
        message: "Connexion refusée.".into(),
        busy: false,
    });
    match &a.mode {
        Mode::Login(l) => assert_eq!(l.error.as_deref(), Some("Connexion refusée.")),
        other => panic!("{other:?}"),
    }
    assert!(a.session.is_none());
}

#[test]
fn idle_locks_the_session_and_the_pin_unlocks_it() {
    let mut a = main_app(Role::Treasurer);
    a.update(key(KeyCode::F(5)));
    a.update(ctrl('u'));
    typed(&mut a, "05/11/2026");
    a.update(Msg::Idle);
    assert!(matches!(a.mode, Mode::Locked(_)));
    // Keys now only reach the unlock field: F4 does not open the journal.
    assert!(a.update(key(KeyCode::F(4))).is_empty());
    typed(&mut a, "4321");
    let fx = a.update(key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Unlock {
            secret: "4321".into()
        }]
    );
    let fx = a.update(Msg::Done(Done::Unlocked));
    assert!(matches!(a.mode, Mode::Main));
    assert_eq!(a.screen, Screen::NewEntry);
    assert_eq!(a.form.date.value, "05/11/2026", "the form survives a lock");
    assert_eq!(
        fx,
        vec![Effect::Accounts {
            org: "savon".into()
        }]
    );
}

#[test]
fn escape_on_the_lock_screen_ends_the_session_and_drops_the_form() {
    let mut a = main_app(Role::Treasurer);
    a.update(key(KeyCode::F(5)));
    a.update(key(KeyCode::Tab));
    typed(&mut a, "R-9");
    a.update(ctrl('l'));
    assert!(matches!(a.mode, Mode::Locked(_)));
    a.update(key(KeyCode::Esc));
    assert!(matches!(a.mode, Mode::Login(_)));
    assert!(a.session.is_none());
    assert!(a.form.doc.value.is_empty());
}

// ---- first run ---------------------------------------------------------------

#[test]
fn wizard_checks_the_passphrase_then_asks_for_the_organisation() {
    let mut a = app(Mode::Wizard(Box::new(Wizard::new(true))));
    a.update(key(KeyCode::Down));
    assert_eq!(
        a.update(key(KeyCode::Enter)),
        vec![Effect::SetLang(jatebo::domain::Lang::En)]
    );
    a.update(key(KeyCode::Enter)); // create my books
    typed(&mut a, "Awa Traoré");
    a.update(key(KeyCode::Tab));
    typed(&mut a, "short");
    a.update(key(KeyCode::Tab));
    typed(&mut a, "short");
    assert!(a.update(key(KeyCode::Enter)).is_empty());
    let Mode::Wizard(w) = &a.mode else { panic!() };
    assert_eq!(w.step, WizStep::Admin);
    assert!(
        w.error.is_some(),
        "a passphrase under 8 characters is refused"
    );
    assert_eq!(w.field, 1);

    // Fix it, but confirm it wrongly.
    a.update(ctrl('u'));
    typed(&mut a, "long enough");
    a.update(key(KeyCode::Tab));
    a.update(ctrl('u'));
    typed(&mut a, "long enougH");
    a.update(key(KeyCode::Enter));
    let Mode::Wizard(w) = &a.mode else { panic!() };
    assert_eq!(w.step, WizStep::Admin);
    assert!(w.error.is_some());
    assert!(w.pass2.value.is_empty());

    typed(&mut a, "long enough");
    a.update(key(KeyCode::Enter));
    let Mode::Wizard(w) = &a.mode else { panic!() };
    assert_eq!(w.step, WizStep::Org);
    typed(&mut a, "savon");
    a.update(key(KeyCode::Tab));
    typed(&mut a, "Coopérative des savonnières");
    a.update(key(KeyCode::Tab));
    a.update(key(KeyCode::Char(' '))); // kind: savings group
    let fx = a.update(key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Setup {
            lang: jatebo::domain::Lang::En,
            name: "Awa Traoré".into(),
            pass: "long enough".into(),
            org: Some((
                "savon".into(),
                "Coopérative des savonnières".into(),
                OrgKind::Savings
            )),
        }]
    );
}

#[test]
fn wizard_offers_the_demo_ledger() {
    let mut a = app(Mode::Wizard(Box::new(Wizard::new(true))));
    a.update(key(KeyCode::Enter));
    a.update(key(KeyCode::Down));
    assert_eq!(a.update(key(KeyCode::Enter)), vec![Effect::OpenDemo]);
    a.update(Msg::Done(Done::DemoReady {
        hint: "Awa Traoré…".into(),
    }));
    match &a.mode {
        Mode::Login(l) => assert_eq!(l.hint.as_deref(), Some("Awa Traoré…")),
        other => panic!("{other:?}"),
    }
}

// ---- navigation -------------------------------------------------------------

#[test]
fn screens_open_by_f_key_by_letter_and_by_tab() {
    let mut a = main_app(Role::Treasurer);
    let fx = a.update(key(KeyCode::Char('e')));
    assert_eq!(a.screen, Screen::Journal);
    assert!(
        matches!(&fx[..], [Effect::Journal { place: Place::End, query, .. }] if query.backward && query.limit == Some(PAGE))
    );
    a.update(key(KeyCode::F(3)));
    assert_eq!(a.screen, Screen::Accounts);
    a.update(key(KeyCode::Tab));
    assert_eq!(a.screen, Screen::Journal);
    a.update(Msg::Key(KeyEvent::new(
        KeyCode::BackTab,
        KeyModifiers::SHIFT,
    )));
    assert_eq!(a.screen, Screen::Accounts);
    a.update(key(KeyCode::Char('a')));
    assert_eq!(a.screen, Screen::Home);
    // In the entry form, letters are typed into the field, F-keys still move.
    a.update(key(KeyCode::F(5)));
    a.update(ctrl('u'));
    assert!(typed(&mut a, "ea").is_empty());
    assert_eq!(a.screen, Screen::NewEntry);
    assert_eq!(a.form.date.value, "ea");
    a.update(key(KeyCode::F(4)));
    assert_eq!(a.screen, Screen::Journal);
}

#[test]
fn accounts_filter_ignores_accents_and_case_and_enter_opens_the_ledger() {
    let mut a = main_app(Role::Auditor);
    a.update(key(KeyCode::Char('c')));
    a.update(Msg::Done(Done::Accounts(vec![
        account("4111", "Clients – Centre de santé Fanta Traoré"),
        account("5711", "Caisse"),
        account("7011", "Ventes de savon"),
    ])));
    a.update(key(KeyCode::Char('/')));
    typed(&mut a, "TRAORE");
    assert_eq!(a.accounts.visible(), vec![0]);
    a.update(key(KeyCode::Enter)); // leaves the filter
    let fx = a.update(key(KeyCode::Enter)); // opens the account
    assert_eq!(
        fx,
        vec![Effect::Ledger {
            org: "savon".into(),
            account: "4111".into(),
            year: 2026
        }]
    );
    a.update(key(KeyCode::Esc));
    assert!(a.accounts.ledger.is_none());
    a.update(key(KeyCode::Esc));
    assert_eq!(a.accounts.visible().len(), 3, "Esc clears the filter");
}

#[test]
fn journal_pages_by_keyset_in_both_directions() {
    let mut a = main_app(Role::Treasurer);
    a.update(key(KeyCode::F(4)));
    let page: Vec<EntryView> = (1000..1000 + PAGE as i64).map(|i| entry(i, i)).collect();
    a.update(Msg::Done(Done::Journal {
        rows: page,
        place: Place::End,
    }));
    assert_eq!(a.journal.nav.cursor, PAGE - 1);
    assert!(a.journal.more_before && !a.journal.more_after);
    // Up to the top of what is loaded, then one more fetches the page before.
    for _ in 0..PAGE - 1 {
        assert!(a.update(key(KeyCode::Up)).is_empty());
    }
    assert_eq!(a.journal.nav.cursor, 0);
    let fx = a.update(key(KeyCode::Up));
    let Some(Effect::Journal { query, place, .. }) = fx.first() else {
        panic!("{fx:?}")
    };
    assert_eq!(*place, Place::Before);
    assert!(query.backward);
    assert_eq!(query.before.map(|(_, id)| id), Some(1000));
    // The earlier page arrives; the cursor lands on the entry just before.
    let earlier: Vec<EntryView> = (800..1000).map(|i| entry(i, i)).collect();
    a.update(Msg::Done(Done::Journal {
        rows: earlier,
        place: Place::Before,
    }));
    assert_eq!(a.journal.rows.len(), 2 * PAGE);
    assert_eq!(a.journal.rows[a.journal.nav.cursor].id, 999);
    // End reloads the last page (more lies after only if the window was cut).
    let fx = a.update(key(KeyCode::End));
    assert!(fx.is_empty(), "the last page is already here");
    assert_eq!(a.journal.rows[a.journal.nav.cursor].id, 1199);
    // Home asks for the very start with a fresh query.
    let fx = a.update(key(KeyCode::Home));
    assert!(
        matches!(&fx[..], [Effect::Journal { place: Place::Start, query, .. }] if !query.backward && query.after.is_none())
    );
}

#[test]
fn journal_keeps_a_bounded_window_when_paging_forward() {
    let mut a = main_app(Role::Treasurer);
    a.update(key(KeyCode::F(4)));
    let mut next = 0i64;
    let mut page = || {
        let rows: Vec<EntryView> = (next..next + PAGE as i64)
            .map(|i| entry(i + 1, i + 1))
            .collect();
        next += PAGE as i64;
        rows
    };
    a.update(Msg::Done(Done::Journal {
        rows: page(),
        place: Place::Start,
    }));
    for _ in 0..5 {
        let fx: Vec<Effect> = (0..a.journal.rows.len() - a.journal.nav.cursor)
            .flat_map(|_| a.update(key(KeyCode::Down)))
            .collect();
        assert!(
            matches!(
                fx.first(),
                Some(Effect::Journal {
                    place: Place::After,
                    ..
                })
            ),
            "{fx:?}"
        );
        a.update(Msg::Done(Done::Journal {
            rows: page(),
            place: Place::After,
        }));
        assert!(a.journal.rows.len() <= jatebo::tui::app::WINDOW);
    }
    let last = a.journal.rows.last().unwrap().id;
    assert_eq!(last, next);
    assert!(a.journal.more_before);
}

#[test]
fn mouse_clicks_tabs_and_rows_and_can_be_turned_off() {
    let mut a = main_app(Role::Treasurer);
    let spans = layout::tab_spans(&a);
    let (screen, x, _) = spans[2];
    let click = |x: u16, y: u16| {
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        })
    };
    a.update(click(x + 1, 1));
    assert_eq!(a.screen, screen);
    a.update(Msg::Done(Done::Journal {
        rows: (1..=5).map(|i| entry(i, i)).collect(),
        place: Place::Start,
    }));
    let top = layout::list_area(&a).y;
    a.update(click(5, top + 3));
    assert_eq!(a.journal.nav.cursor, 3);
    let fx = a.update(click(5, top + 3));
    assert!(matches!(&fx[..], [Effect::Entry { number, .. }] if number.seq == 4));
    a.mouse = false;
    a.update(click(spans[0].1 + 1, 1));
    assert_eq!(a.screen, Screen::Journal);
}

// ---- entry form, reversal, roles --------------------------------------------

fn chart() -> Vec<AccountRow> {
    vec![
        account("5711", "Caisse"),
        account("7011", "Ventes de savon"),
        account("4111", "Clients – CSCom de Sabalibougou"),
    ]
}

#[test]
fn entry_form_refuses_until_balanced_then_posts_once() {
    let mut a = main_app(Role::Treasurer);
    a.update(key(KeyCode::F(5)));
    a.update(Msg::Done(Done::Accounts(chart())));
    a.update(key(KeyCode::Tab));
    typed(&mut a, "T-12");
    a.update(key(KeyCode::Tab));
    typed(&mut a, "Vente au CSCom");
    a.update(key(KeyCode::Tab));
    typed(&mut a, "cscom"); // the picker finds 4111 by name
    a.update(key(KeyCode::Tab)); // accepts it, moves to the debit
    assert_eq!(a.form.lines[0].account.value, "4111");
    typed(&mut a, "6 000");
    for _ in 0..3 {
        a.update(key(KeyCode::Tab));
    }
    typed(&mut a, "7011");
    a.update(key(KeyCode::Tab));
    a.update(key(KeyCode::Tab));
    typed(&mut a, "5000");
    assert!(a.update(key(KeyCode::F(8))).is_empty(), "1 000 F short");
    assert_eq!(
        a.form.error.as_ref().map(|e| e.key),
        Some("form-unbalanced")
    );
    // Ctrl+B on a new line puts the difference where it belongs.
    a.update(ctrl('n'));
    typed(&mut a, "7011");
    a.update(ctrl('b'));
    assert_eq!(a.form.lines[2].credit.value, "1000");
    let fx = a.update(ctrl('s'));
    let [Effect::Post { org, entry }] = &fx[..] else {
        panic!("{fx:?}")
    };
    assert_eq!(org, "savon");
    assert_eq!(entry.lines.len(), 3);
    assert_eq!(entry.doc_ref, "T-12");
    assert_eq!(entry.date, today());
    let key1 = entry.idem_key.clone();
    a.update(Msg::Done(Done::Posted {
        number: EntryNumber { year: 2026, seq: 7 },
        already: false,
    }));
    assert!(matches!(&a.popup, Some(Popup::Notice { text, .. }) if text.contains("2026-000007")));
    assert!(a.form.lines.iter().all(|l| l.is_blank()), "a fresh form");
    assert_ne!(
        a.form.key, key1,
        "the next entry gets its own idempotency key"
    );
}

#[test]
fn reversal_requires_a_reason() {
    let mut a = main_app(Role::Treasurer);
    a.update(key(KeyCode::F(4)));
    a.update(Msg::Done(Done::Entry(Box::new(entry(5, 5)))));
    a.update(key(KeyCode::Char('r')));
    assert!(matches!(a.popup, Some(Popup::Reverse { .. })));
    assert!(a.update(key(KeyCode::Enter)).is_empty());
    assert!(matches!(
        &a.popup,
        Some(Popup::Reverse { error: Some(_), .. })
    ));
    typed(&mut a, "Erreur de montant");
    let fx = a.update(key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Reverse {
            org: "savon".into(),
            number: EntryNumber { year: 2026, seq: 5 },
            date: today(),
            reason: "Erreur de montant".into(),
        }]
    );
    assert!(a.popup.is_none());
    let fx = a.update(Msg::Done(Done::Reversed {
        original: EntryNumber { year: 2026, seq: 5 },
        reversal: EntryNumber { year: 2026, seq: 9 },
    }));
    assert!(fx.contains(&Effect::Entry {
        org: "savon".into(),
        number: EntryNumber { year: 2026, seq: 5 }
    }));
}

#[test]
fn an_auditor_can_read_but_never_starts_a_write() {
    let mut a = main_app(Role::Auditor);
    a.update(key(KeyCode::F(4)));
    a.update(Msg::Done(Done::Entry(Box::new(entry(5, 5)))));
    assert!(a.update(key(KeyCode::Char('r'))).is_empty());
    assert!(a.popup.is_none());
    a.update(key(KeyCode::F(5)));
    a.update(Msg::Done(Done::Accounts(chart())));
    assert!(!a.typing(), "the form does not take input");
    assert!(a.update(key(KeyCode::F(8))).is_empty());
    a.update(key(KeyCode::F(6)));
    assert!(a.update(key(KeyCode::Char('m'))).is_empty());
    assert!(a.popup.is_none());
}

#[test]
fn period_close_asks_first() {
    let mut a = main_app(Role::Treasurer);
    a.update(key(KeyCode::F(6)));
    let m = jatebo::domain::period::Month::new(2026, 10).unwrap();
    a.update(Msg::Done(Done::Closes {
        org: Box::new(org_row("savon", "Coopérative des savonnières")),
        closes: vec![],
        next: Some(m),
    }));
    assert!(a.update(key(KeyCode::F(8))).is_empty());
    assert!(matches!(a.popup, Some(Popup::Confirm(_))));
    let fx = a.update(key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Close {
            org: "savon".into(),
            month: m
        }]
    );
}

#[test]
fn busy_ledger_is_explained_and_retried_on_request() {
    let mut a = main_app(Role::Treasurer);
    let post = Effect::Close {
        org: "savon".into(),
        month: jatebo::domain::period::Month::new(2026, 10).unwrap(),
    };
    a.update(Msg::Failed {
        effect: Box::new(post.clone()),
        message: "database is locked".into(),
        busy: true,
    });
    let status = a.status.clone().expect("a status line");
    assert!(
        !status.text.contains("database is locked"),
        "never the raw error"
    );
    assert_eq!(a.update(ctrl('r')), vec![post]);
}

#[test]
fn organisation_switcher_filters_and_reloads() {
    let mut a = main_app(Role::Treasurer);
    a.update(key(KeyCode::Char('o')));
    typed(&mut a, "sabali");
    let fx = a.update(key(KeyCode::Enter));
    assert_eq!(a.current_org().unwrap().org.code, "ton-sabali");
    assert_eq!(
        fx,
        vec![
            Effect::Accounts {
                org: "ton-sabali".into()
            },
            Effect::Overview {
                org: "ton-sabali".into()
            }
        ]
    );
}

#[test]
fn quitting_with_an_unsaved_entry_asks_first_even_with_ctrl_c() {
    let mut a = main_app(Role::Treasurer);
    a.update(key(KeyCode::F(5)));
    a.update(key(KeyCode::Tab));
    typed(&mut a, "R-1");
    assert!(a.update(key(KeyCode::F(10))).is_empty());
    assert!(matches!(a.popup, Some(Popup::Confirm(_))));
    a.update(key(KeyCode::Esc));
    assert!(!a.quit);
    // Ctrl+C asks too when an entry is being typed; a second one quits.
    assert!(a.update(ctrl('c')).is_empty());
    assert!(matches!(a.popup, Some(Popup::Confirm(_))));
    assert_eq!(a.update(ctrl('c')), vec![Effect::Quit]);
    assert!(a.quit);
}

fn user(id: i64, name: &str, role: Role) -> UserRow {
    UserRow {
        id,
        name: name.into(),
        lang: "fr".into(),
        created_at: String::new(),
        disabled: false,
        has_pin: false,
        roles: vec![("*".into(), role)],
    }
}

#[test]
fn users_screen_admin_manages_others_see_only_themselves() {
    let everyone = vec![
        user(1, "Awa Traoré", Role::Admin),
        user(2, "Mariam Keïta", Role::Treasurer),
    ];
    let mut a = main_app(Role::Admin);
    assert_eq!(a.update(key(KeyCode::Char('u'))), vec![Effect::Users]);
    a.update(Msg::Done(Done::Users(everyone.clone())));
    assert_eq!(a.users.rows.len(), 2);
    a.update(key(KeyCode::Down));
    a.update(key(KeyCode::Char('r')));
    assert!(
        matches!(&a.popup, Some(Popup::User(f)) if f.title().contains("Mariam Keïta")),
        "the role dialog is for the selected user"
    );
    a.update(key(KeyCode::Esc));

    // A treasurer (not an administrator) sees her own line and may only
    // change her own passphrase and PIN.
    let mut t = main_app(Role::Treasurer);
    t.session.as_mut().unwrap().user = user(1, "Awa Traoré", Role::Treasurer);
    t.update(key(KeyCode::F(12)));
    t.update(Msg::Done(Done::Users(everyone)));
    assert_eq!(t.users.rows.len(), 1);
    assert!(t.update(key(KeyCode::Char('n'))).is_empty());
    assert!(t.popup.is_none());
    assert!(t.status.is_some());
    t.update(key(KeyCode::Char('i')));
    typed(&mut t, "2468");
    t.update(key(KeyCode::Tab));
    typed(&mut t, "2468");
    assert_eq!(
        t.update(key(KeyCode::Enter)),
        vec![Effect::SetPin {
            pin: Some("2468".into())
        }]
    );
}

// ---- the clock (issue 7, part 6) ---------------------------------------------

fn clock_popup(a: &App) -> Option<(&str, Option<&str>)> {
    match &a.popup {
        Some(Popup::ClockDate { message, error, .. }) => Some((message.as_str(), error.as_deref())),
        _ => None,
    }
}

#[test]
fn a_wrong_clock_asks_for_the_date_before_anything_is_recorded() {
    let mut a = main_app(Role::Treasurer);
    let said = "L'horloge de l'ordinateur indique le 01/01/2000…";
    assert!(
        a.update(Msg::ClockWrong {
            message: said.into()
        })
        .is_empty()
    );
    assert_eq!(clock_popup(&a), Some((said, None)));
    // Not a date: said in the dialog, nothing sent.
    assert!(typed(&mut a, "31/02/2026").is_empty());
    assert!(a.update(key(KeyCode::Enter)).is_empty());
    let (_, error) = clock_popup(&a).expect("still asking");
    assert!(error.unwrap().contains("31/02/2026"), "{error:?}");
    for _ in 0..10 {
        a.update(key(KeyCode::Backspace));
    }
    typed(&mut a, "22/11/2026");
    let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    assert_eq!(a.update(key(KeyCode::Enter)), vec![Effect::ConfirmDate(d)]);
    // The ledger refuses it (a date before the last record): said there.
    a.update(Msg::Failed {
        effect: Box::new(Effect::ConfirmDate(d)),
        message: "La date confirmée (22/11/2026) est avant la dernière opération".into(),
        busy: false,
    });
    assert!(
        clock_popup(&a)
            .unwrap()
            .1
            .unwrap()
            .contains("avant la dernière")
    );
    // Accepted: it is today from now on.
    a.update(Msg::Done(Done::DateConfirmed(d)));
    assert!(a.popup.is_none());
    assert_eq!(a.today, d);
    let status = a.status.clone().expect("status");
    assert!(status.text.contains("22/11/2026"), "{}", status.text);
}

#[test]
fn the_date_can_wait_and_is_asked_once_an_open_dialog_is_closed() {
    let mut a = main_app(Role::Treasurer);
    // Esc: later; the clock's message stays on the status line.
    a.update(Msg::ClockWrong {
        message: "horloge en retard".into(),
    });
    a.update(key(KeyCode::Esc));
    assert!(a.popup.is_none());
    assert_eq!(a.status.as_ref().unwrap().text, "horloge en retard");
    // A dialog is open (help): asked once it is closed, not on top of it.
    a.update(key(KeyCode::F(1)));
    assert!(matches!(a.popup, Some(Popup::Help)));
    a.update(Msg::ClockWrong {
        message: "horloge en retard".into(),
    });
    assert!(matches!(a.popup, Some(Popup::Help)));
    a.update(key(KeyCode::Esc));
    assert_eq!(clock_popup(&a), Some(("horloge en retard", None)));
}
