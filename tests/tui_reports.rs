//! The reports tab's update logic without a terminal or a ledger: key
//! sequences in, state and effects out (the period keys, the screens, the
//! drill-down and back, the export dialog).

use std::path::PathBuf;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jatebo::domain::access::Role;
use jatebo::domain::ledger::{EntryNumber, PostedEntry, PostedLine, Side};
use jatebo::domain::money::Fcfa;
use jatebo::domain::period::{DateRange, Month};
use jatebo::domain::report::{TrialBalance, TrialRow, TrialTotals};
use jatebo::service::Actor;
use jatebo::store::{EntryView, LedgerLine, OrgRow, UserRow};
use jatebo::tui::app::{
    App, Done, Effect, LoginForm, Mode, Msg, OrgAccess, Popup, Screen, Session,
};
use jatebo::tui::keymap::{Cmd, Keymap, Scope};
use jatebo::tui::reports::export::{ExportSummary, Stage};
use jatebo::tui::reports::{Document, Level, Period, RepDone, RepEffect, RepTab};
use jatebo::tui::theme::{Theme, ThemeName};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ch(c: char) -> Msg {
    key(KeyCode::Char(c))
}

fn org_row(id: i64, code: &str, kind: &str) -> OrgRow {
    OrgRow {
        id,
        code: code.into(),
        name: format!("Organisation {code}"),
        kind: kind.into(),
        template: kind.into(),
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
            name: "Mariam Keïta".into(),
            user_id: Some(2),
        },
        user: UserRow {
            id: 2,
            name: "Mariam Keïta".into(),
            lang: "fr".into(),
            created_at: String::new(),
            disabled: false,
            has_pin: false,
            roles: vec![("savon".into(), role)],
        },
        orgs: vec![
            OrgAccess {
                org: org_row(1, "savon", "coop"),
                role,
            },
            OrgAccess {
                org: org_row(2, "sabali", "savings"),
                role,
            },
        ],
    }
}

/// An app logged in with `role` on the cooperative, at `w`×`h`, with the
/// chart loaded.
fn main_app(role: Role, w: u16, h: u16) -> App {
    let mut a = App::new(
        Mode::Login(LoginForm::new()),
        Keymap::default(),
        Theme::new(ThemeName::Default, false),
        today(),
        "test".into(),
    );
    a.update(Msg::Resize(w, h));
    a.update(Msg::Done(Done::Session(Box::new(session(role)))));
    a.update(Msg::Done(Done::Accounts(vec![])));
    a
}

fn fx(e: RepEffect) -> Vec<Effect> {
    vec![Effect::Reports(e)]
}

fn month(y: i32, m: u32) -> DateRange {
    DateRange::month(Month::new(y, m).unwrap())
}

fn done(a: &mut App, d: RepDone) -> Vec<Effect> {
    a.update(Msg::Done(Done::Reports(Box::new(d))))
}

fn row(account: &str, name: &str, closing: i64) -> TrialRow {
    TrialRow {
        account: account.into(),
        name: name.into(),
        opening_debit: Fcfa::ZERO,
        opening_credit: Fcfa::ZERO,
        debit: Fcfa::new(closing.max(0)),
        credit: Fcfa::new((-closing).max(0)),
        closing_debit: Fcfa::new(closing.max(0)),
        closing_credit: Fcfa::new((-closing).max(0)),
    }
}

fn trial() -> TrialBalance {
    TrialBalance {
        rows: vec![
            row("4111", "Clients", 5_000),
            row("5711", "Caisse", 20_000),
            row("7011", "Ventes", -25_000),
        ],
        totals: TrialTotals {
            debit: Fcfa::new(25_000),
            credit: Fcfa::new(25_000),
            closing_debit: Fcfa::new(25_000),
            closing_credit: Fcfa::new(25_000),
            ..TrialTotals::default()
        },
    }
}

fn number(seq: i64) -> EntryNumber {
    EntryNumber { year: 2026, seq }
}

fn ledger_line(seq: i64, amount: i64, balance: i64) -> LedgerLine {
    LedgerLine {
        date: d("2026-11-03"),
        number: number(seq),
        doc_ref: format!("VTE-{seq:06}"),
        memo: "Vente".into(),
        label: String::new(),
        debit: Fcfa::new(amount),
        credit: Fcfa::ZERO,
        balance: Fcfa::new(balance),
    }
}

fn entry(seq: i64) -> EntryView {
    EntryView {
        id: seq,
        entry: PostedEntry {
            number: number(seq),
            chain_no: seq,
            date: d("2026-11-03"),
            recorded_at: "2026-11-03T10:00:00.000Z".into(),
            doc_ref: format!("VTE-{seq:06}"),
            memo: "Vente".into(),
            author: "Awa".into(),
            idem_key: String::new(),
            reverses: None,
            source: Some(format!("sale:{seq}")),
            lines: vec![
                PostedLine {
                    line_no: 1,
                    account: "5711".into(),
                    side: Side::Debit,
                    amount: Fcfa::new(1_000),
                    label: String::new(),
                },
                PostedLine {
                    line_no: 2,
                    account: "7011".into(),
                    side: Side::Credit,
                    amount: Fcfa::new(1_000),
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

// ---- the tab and its screens ---------------------------------------------------------

#[test]
fn the_tab_opens_on_the_trial_balance_of_the_current_month_for_every_role() {
    for role in [Role::Treasurer, Role::Auditor, Role::Facilitator] {
        let mut a = main_app(role, 100, 30);
        assert!(a.tabs().contains(&Screen::Reports(RepTab::Balance)));
        let e = a.update(ch('E'));
        assert_eq!(a.screen, Screen::Reports(RepTab::Balance), "{role:?}");
        assert_eq!(
            e,
            fx(RepEffect::Trial {
                org: "savon".into(),
                range: month(2026, 11)
            })
        );
        // Ctrl+E too, as from a form.
        a.update(key(KeyCode::F(2)));
        let e = a.update(Msg::Key(KeyEvent::new(
            KeyCode::Char('e'),
            KeyModifiers::CONTROL,
        )));
        assert_eq!(a.screen, Screen::Reports(RepTab::Balance));
        assert_eq!(e.len(), 1);
    }
}

#[test]
fn the_period_keys_move_by_month_and_switch_to_the_year() {
    let mut a = main_app(Role::Treasurer, 100, 30);
    a.update(ch('E'));
    let trial_of = |range| {
        fx(RepEffect::Trial {
            org: "savon".into(),
            range,
        })
    };
    assert_eq!(a.update(ch('<')), trial_of(month(2026, 10)));
    assert_eq!(a.update(ch('>')), trial_of(month(2026, 11)));
    assert_eq!(a.update(ch('>')), trial_of(month(2026, 12)));
    assert_eq!(a.update(ch('y')), trial_of(DateRange::year(2026)));
    assert_eq!(a.reports.period, Some(Period::Year(2026)));
    assert_eq!(a.update(ch('<')), trial_of(DateRange::year(2025)));
    // Back to a month: December of a past year, today's month this year.
    assert_eq!(a.update(ch('y')), trial_of(month(2025, 12)));
    a.update(ch('y'));
    a.update(ch('>'));
    assert_eq!(a.update(ch('y')), trial_of(month(2026, 11)));
    // The period stays when changing screens; screens at a date take its
    // end (today while it runs).
    a.update(ch('<'));
    assert_eq!(
        a.update(ch('f')),
        fx(RepEffect::Sheet {
            org: "savon".into(),
            at: d("2026-10-31")
        })
    );
    a.update(ch('>'));
    assert_eq!(
        a.update(ch('d')),
        fx(RepEffect::Aging {
            org: "savon".into(),
            at: today()
        })
    );
    assert_eq!(
        a.update(ch('m')),
        fx(RepEffect::Stock {
            org: "savon".into(),
            at: d("2026-11-30")
        })
    );
    assert_eq!(
        a.update(ch('t')),
        fx(RepEffect::Smt {
            org: "savon".into(),
            range: month(2026, 11)
        })
    );
    assert_eq!(
        a.update(ch('r')),
        fx(RepEffect::Income {
            org: "savon".into(),
            range: month(2026, 11)
        })
    );
    assert_eq!(
        a.update(ch('n')),
        fx(RepEffect::GeneralLedger {
            org: "savon".into(),
            range: month(2026, 11)
        })
    );
    // A cooperative has no indicators; a savings group no stock.
    assert_eq!(a.update(ch('i')), vec![]);
    assert_eq!(a.screen, Screen::Reports(RepTab::Ledger));
}

#[test]
fn a_savings_group_has_indicators_and_no_stock_or_debtors() {
    let mut a = main_app(Role::Facilitator, 100, 30);
    a.update(ch('E'));
    a.update(ch('m'));
    assert_eq!(a.screen, Screen::Reports(RepTab::Stock));
    // Switching to the group: its reports have no stock screen.
    a.update(key(KeyCode::F(7)));
    a.update(key(KeyCode::Down));
    let e = a.update(key(KeyCode::Enter));
    assert_eq!(a.screen, Screen::Reports(RepTab::Balance));
    assert!(e.contains(&Effect::Reports(RepEffect::Trial {
        org: "sabali".into(),
        range: month(2026, 11)
    })));
    assert_eq!(a.update(ch('m')), vec![]);
    assert_eq!(a.update(ch('d')), vec![]);
    let e = a.update(ch('i'));
    assert!(e.contains(&Effect::Reports(RepEffect::Indicators {
        org: "sabali".into(),
        at: today()
    })));
}

#[test]
fn no_reports_key_clashes_and_every_screen_has_a_letter() {
    let km = Keymap::default();
    assert_eq!(km.conflicts(), vec![]);
    for cmd in [
        Cmd::RepBalance,
        Cmd::RepLedger,
        Cmd::RepSmt,
        Cmd::RepIncome,
        Cmd::RepSheet,
        Cmd::RepStock,
        Cmd::RepAging,
        Cmd::RepIndicators,
        Cmd::RepPrevPeriod,
        Cmd::RepNextPeriod,
        Cmd::RepYear,
        Cmd::RepExport,
        Cmd::RepAllOrgs,
    ] {
        let keys = km.keys_for(&[Scope::Reports], cmd);
        assert!(
            keys.iter()
                .any(|k| matches!(k.code, KeyCode::Char(c) if !c.is_ascii_digit())),
            "{cmd:?}"
        );
    }
    let keys = km.keys_for(&[Scope::Global], Cmd::Reports);
    assert!(!keys.is_empty());
    assert!(
        !keys
            .iter()
            .any(|k| matches!(k.code, KeyCode::Char(c) if c.is_ascii_digit()))
    );
}

// ---- every organisation together ----------------------------------------------------

#[test]
fn the_all_organisations_key_toggles_the_statements_over_every_readable_organisation() {
    let mut a = main_app(Role::Auditor, 100, 30);
    a.update(ch('E'));
    assert!(!a.reports.all);
    // Offered on the trial balance, named for what it does.
    assert!(!a.idle_commands().contains(&Cmd::RepAllOrgs));
    let all = vec!["savon".to_string(), "sabali".to_string()];
    let e = a.update(ch('A'));
    assert!(a.reports.all);
    assert_eq!(
        e,
        fx(RepEffect::TrialAll {
            orgs: all.clone(),
            range: month(2026, 11)
        })
    );
    // The period keys and the other consolidating screens keep to it.
    let e = a.update(ch('<'));
    assert_eq!(
        e,
        fx(RepEffect::TrialAll {
            orgs: all.clone(),
            range: month(2026, 10)
        })
    );
    a.update(ch('>'));
    let e = a.update(ch('t'));
    assert_eq!(
        e,
        fx(RepEffect::SmtAll {
            orgs: all.clone(),
            range: month(2026, 11)
        })
    );
    let e = a.update(ch('r'));
    assert_eq!(
        e,
        fx(RepEffect::IncomeAll {
            orgs: all.clone(),
            range: month(2026, 11)
        })
    );
    let e = a.update(ch('f'));
    assert_eq!(
        e,
        fx(RepEffect::SheetAll {
            orgs: all.clone(),
            at: d("2026-11-30")
        })
    );
    // The general ledger and the stock stay the organisation's, and the
    // key does nothing there (nor is it offered).
    let e = a.update(ch('n'));
    assert_eq!(
        e,
        fx(RepEffect::GeneralLedger {
            org: "savon".into(),
            range: month(2026, 11)
        })
    );
    assert!(a.idle_commands().contains(&Cmd::RepAllOrgs));
    assert_eq!(a.update(ch('A')), vec![]);
    assert!(a.reports.all);
    let e = a.update(ch('m'));
    assert_eq!(
        e,
        fx(RepEffect::Stock {
            org: "savon".into(),
            at: d("2026-11-30")
        })
    );
    // Back to one organisation.
    a.update(ch('b'));
    let e = a.update(ch('A'));
    assert!(!a.reports.all);
    assert_eq!(
        e,
        fx(RepEffect::Trial {
            org: "savon".into(),
            range: month(2026, 11)
        })
    );
}

#[test]
fn only_the_organisations_the_user_has_a_role_for_are_consolidated() {
    // The session lists what the ledger granted: here one organisation.
    let mut s = session(Role::Treasurer);
    s.orgs.truncate(1);
    let mut a = App::new(
        Mode::Login(LoginForm::new()),
        Keymap::default(),
        Theme::new(ThemeName::Default, false),
        today(),
        "test".into(),
    );
    a.update(Msg::Resize(100, 30));
    a.update(Msg::Done(Done::Session(Box::new(s))));
    a.update(Msg::Done(Done::Accounts(vec![])));
    a.update(ch('E'));
    let e = a.update(ch('A'));
    assert_eq!(
        e,
        fx(RepEffect::TrialAll {
            orgs: vec!["savon".into()],
            range: month(2026, 11)
        })
    );
}

#[test]
fn enter_on_a_consolidated_row_gives_a_notice_and_opens_nothing() {
    let mut a = main_app(Role::Auditor, 100, 30);
    a.update(ch('E'));
    a.update(ch('A'));
    done(
        &mut a,
        RepDone::Trial {
            range: month(2026, 11),
            tb: trial(),
        },
    );
    a.update(key(KeyCode::Down));
    let e = a.update(key(KeyCode::Enter));
    assert_eq!(e, vec![]);
    assert!(a.reports.drill.is_empty());
    let status = a.status.as_ref().expect("a notice");
    assert!(!status.text.is_empty());
    assert!(!status.text.contains("rep-"), "{}", status.text);
    assert!(!status.text.contains('\n'));
    // The cursor stayed; back on one organisation, Enter opens the account.
    assert_eq!(jatebo::tui::reports::cursor(&a), Some(1));
    a.update(ch('A'));
    done(
        &mut a,
        RepDone::Trial {
            range: month(2026, 11),
            tb: trial(),
        },
    );
    a.update(key(KeyCode::Down));
    let e = a.update(key(KeyCode::Enter));
    assert_eq!(
        e,
        fx(RepEffect::Ledger {
            org: "savon".into(),
            account: "5711".into(),
            range: month(2026, 11)
        })
    );
}

// ---- the drill-down ----------------------------------------------------------------

#[test]
fn enter_goes_down_to_the_document_and_esc_comes_back_keeping_the_cursor() {
    let mut a = main_app(Role::Auditor, 100, 30);
    a.update(ch('E'));
    done(
        &mut a,
        RepDone::Trial {
            range: month(2026, 11),
            tb: trial(),
        },
    );
    // The row of 5711.
    a.update(key(KeyCode::Down));
    let e = a.update(key(KeyCode::Enter));
    assert_eq!(
        e,
        fx(RepEffect::Ledger {
            org: "savon".into(),
            account: "5711".into(),
            range: month(2026, 11)
        })
    );
    done(
        &mut a,
        RepDone::Ledger {
            account: "5711".into(),
            range: month(2026, 11),
            opening: Fcfa::new(10_000),
            lines: vec![ledger_line(7, 4_000, 14_000), ledger_line(9, 6_000, 20_000)],
        },
    );
    assert!(matches!(
        a.reports.drill.last(),
        Some(Level::Ledger { lines: Some(l), .. }) if l.len() == 2
    ));
    // The period follows in the ledger: it is read again.
    let e = a.update(ch('<'));
    assert!(e.contains(&Effect::Reports(RepEffect::Ledger {
        org: "savon".into(),
        account: "5711".into(),
        range: month(2026, 10)
    })));
    a.update(ch('>'));
    done(
        &mut a,
        RepDone::Ledger {
            account: "5711".into(),
            range: month(2026, 11),
            opening: Fcfa::new(10_000),
            lines: vec![ledger_line(7, 4_000, 14_000), ledger_line(9, 6_000, 20_000)],
        },
    );
    a.update(key(KeyCode::Down));
    let e = a.update(key(KeyCode::Enter));
    assert_eq!(
        e,
        fx(RepEffect::Entry {
            org: "savon".into(),
            number: number(9)
        })
    );
    // Enter before the entry is read does nothing.
    assert_eq!(a.update(key(KeyCode::Enter)), vec![]);
    done(&mut a, RepDone::Entry(entry(9)));
    // The label of Enter says where it leads.
    assert_eq!(a.cmd_label(Cmd::Open), "rep-key-document");
    let e = a.update(key(KeyCode::Enter));
    assert_eq!(
        e,
        fx(RepEffect::Document {
            org: "savon".into(),
            number: number(9)
        })
    );
    done(
        &mut a,
        RepDone::Document {
            number: number(9),
            doc: Document::Manual {
                doc_ref: "VTE-000009".into(),
            },
        },
    );
    assert_eq!(a.reports.drill.len(), 3);
    // Nothing below the document; the period keys wait.
    assert_eq!(a.update(key(KeyCode::Enter)), vec![]);
    assert_eq!(a.update(ch('<')), vec![]);
    assert!(a.idle_commands().contains(&Cmd::Open));
    // Esc: the entry, the ledger with its cursor, the trial balance with its.
    assert_eq!(a.update(key(KeyCode::Esc)), vec![]);
    assert!(matches!(a.reports.drill.last(), Some(Level::Entry { .. })));
    a.update(key(KeyCode::Esc));
    assert!(matches!(
        a.reports.drill.last(),
        Some(Level::Ledger { nav, .. }) if nav.cursor == 1
    ));
    a.update(key(KeyCode::Esc));
    assert!(a.reports.drill.is_empty());
    assert_eq!(a.reports.navs[RepTab::Balance.index()].cursor, 1);
    assert_eq!(a.screen, Screen::Reports(RepTab::Balance));
    // From the screen itself, Esc goes home.
    a.update(key(KeyCode::Esc));
    assert_eq!(a.screen, Screen::Home);
}

#[test]
fn a_general_ledger_line_opens_its_entry_and_a_heading_its_account() {
    use jatebo::domain::statements::{GeneralLedger, GlAccount, GlLine};
    let mut a = main_app(Role::Treasurer, 100, 30);
    a.update(ch('E'));
    a.update(ch('n'));
    let gl = GeneralLedger {
        from: d("2026-11-01"),
        to: d("2026-11-30"),
        accounts: vec![GlAccount {
            account: "5711".into(),
            name: "Caisse".into(),
            opening: Fcfa::new(1_000),
            lines: vec![GlLine {
                date: d("2026-11-03"),
                number: number(4),
                doc_ref: "VTE-000004".into(),
                memo: "Vente".into(),
                label: String::new(),
                debit: Fcfa::new(500),
                credit: Fcfa::ZERO,
                balance: Fcfa::new(1_500),
            }],
            debit: Fcfa::new(500),
            credit: Fcfa::ZERO,
            closing: Fcfa::new(1_500),
        }],
        totals: TrialTotals::default(),
        balanced: true,
    };
    done(&mut a, RepDone::GeneralLedger(gl));
    assert_eq!(
        a.update(key(KeyCode::Enter)),
        fx(RepEffect::Ledger {
            org: "savon".into(),
            account: "5711".into(),
            range: month(2026, 11)
        })
    );
    a.update(key(KeyCode::Esc));
    a.update(key(KeyCode::Down));
    assert_eq!(
        a.update(key(KeyCode::Enter)),
        fx(RepEffect::Entry {
            org: "savon".into(),
            number: number(4)
        })
    );
    // Leaving the tab and coming back finds the drill-down as it was,
    // read again.
    a.update(key(KeyCode::F(2)));
    let e = a.update(ch('E'));
    assert_eq!(a.screen, Screen::Reports(RepTab::Ledger));
    assert!(matches!(a.reports.drill.last(), Some(Level::Entry { .. })));
    assert!(e.contains(&Effect::Reports(RepEffect::Entry {
        org: "savon".into(),
        number: number(4)
    })));
    // A screen's key starts at its top.
    a.update(ch('n'));
    assert!(a.reports.drill.is_empty());
    a.update(key(KeyCode::Down));
    a.update(key(KeyCode::Enter));
    a.update(ch('b'));
    assert!(a.reports.drill.is_empty());
    assert_eq!(a.screen, Screen::Reports(RepTab::Balance));
}

#[test]
fn the_columns_key_switches_groups_only_when_they_do_not_all_fit() {
    let mut a = main_app(Role::Treasurer, 80, 24);
    a.update(ch('E'));
    done(
        &mut a,
        RepDone::Trial {
            range: month(2026, 11),
            tb: trial(),
        },
    );
    let l = jatebo::tui::reports::view::trial_layout(&a);
    assert_eq!(l.groups, vec![1, 2], "movements and closing at 80 columns");
    assert!(!a.idle_commands().contains(&Cmd::RepColumns));
    a.update(ch(' '));
    assert_eq!(
        jatebo::tui::reports::view::trial_layout(&a).groups,
        vec![0, 1]
    );
    a.update(Msg::Resize(120, 40));
    assert_eq!(
        jatebo::tui::reports::view::trial_layout(&a).groups,
        vec![0, 1, 2]
    );
    assert!(a.idle_commands().contains(&Cmd::RepColumns));
}

#[test]
fn a_failed_level_is_left_with_the_reason() {
    let mut a = main_app(Role::Treasurer, 100, 30);
    a.update(ch('E'));
    done(
        &mut a,
        RepDone::Trial {
            range: month(2026, 11),
            tb: trial(),
        },
    );
    let e = a.update(key(KeyCode::Enter));
    a.update(Msg::Failed {
        effect: Box::new(e[0].clone()),
        message: "Compte inconnu".into(),
        busy: false,
    });
    assert!(a.reports.drill.is_empty());
    assert_eq!(
        a.status.as_ref().map(|s| s.text.as_str()),
        Some("Compte inconnu")
    );
}

// ---- the export dialog -------------------------------------------------------------

fn summary() -> ExportSummary {
    ExportSummary {
        dir: PathBuf::from("/data/exports/savon-2026-10"),
        month: "octobre 2026".into(),
        closed: true,
        files: vec![],
        entries: 12,
        lines: 30,
        accounts: 8,
        debit: Fcfa::new(90_000),
        credit: Fcfa::new(90_000),
        head_position: 40,
        head_number: Some("2026-000040".into()),
        head_hash: "ab".repeat(32),
    }
}

fn export_dialog(a: &App) -> &jatebo::tui::reports::export::ExportDialog {
    match &a.popup {
        Some(Popup::Export(d)) => d,
        other => panic!("no export dialog: {other:?}"),
    }
}

#[test]
fn the_export_dialog_proposes_last_month_beside_the_ledger_and_runs_with_progress() {
    // An auditor may export: it only reads.
    let mut a = main_app(Role::Auditor, 100, 30);
    a.update(ch('E'));
    assert_eq!(
        a.update(ch('x')),
        fx(RepEffect::ExportPrepare {
            org: "savon".into()
        })
    );
    done(
        &mut a,
        RepDone::ExportReady {
            dir: PathBuf::from("/data"),
        },
    );
    let dlg = export_dialog(&a);
    assert_eq!(dlg.month.value, "10/2026");
    assert_eq!(
        PathBuf::from(&dlg.folder.value),
        PathBuf::from("/data/exports/savon-2026-10")
    );
    assert!(!dlg.bom);
    // A new month moves the proposed folder with it.
    a.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    for c in "09/2026".chars() {
        a.update(ch(c));
    }
    assert_eq!(
        PathBuf::from(&export_dialog(&a).folder.value),
        PathBuf::from("/data/exports/savon-2026-09")
    );
    // Tab to the byte-order mark; Space turns it on.
    a.update(key(KeyCode::Tab));
    a.update(key(KeyCode::Tab));
    a.update(ch(' '));
    assert!(export_dialog(&a).bom);
    // A month that is none: said in the dialog, which stays.
    a.update(key(KeyCode::BackTab));
    a.update(key(KeyCode::BackTab));
    a.update(ch('x'));
    assert_eq!(a.update(key(KeyCode::F(8))), vec![]);
    assert!(export_dialog(&a).error.is_some());
    assert_eq!(export_dialog(&a).focus, 0);
    a.update(key(KeyCode::Backspace));
    let e = a.update(key(KeyCode::F(8)));
    assert_eq!(
        e,
        fx(RepEffect::Export {
            org: "savon".into(),
            month: Month::new(2026, 9).unwrap(),
            dir: PathBuf::from("/data/exports/savon-2026-09"),
            bom: true
        })
    );
    assert!(export_dialog(&a).running());
    // Keys wait while it runs.
    assert_eq!(a.update(key(KeyCode::Esc)), vec![]);
    assert!(export_dialog(&a).running());
    done(
        &mut a,
        RepDone::Progress {
            step: 3,
            steps: 9,
            file: "balance.csv".into(),
        },
    );
    assert_eq!(
        export_dialog(&a).stage,
        Stage::Running {
            step: 3,
            steps: 9,
            file: "balance.csv".into()
        }
    );
    done(&mut a, RepDone::Exported(summary()));
    assert!(matches!(export_dialog(&a).stage, Stage::Done(_)));
    a.update(key(KeyCode::Enter));
    assert!(a.popup.is_none());
}

#[test]
fn a_refused_export_is_shown_in_the_dialog_with_the_choices_kept() {
    let mut a = main_app(Role::Treasurer, 100, 30);
    a.update(ch('E'));
    a.update(key(KeyCode::F(8)));
    done(
        &mut a,
        RepDone::ExportReady {
            dir: PathBuf::from("/data"),
        },
    );
    let e = a.update(key(KeyCode::F(8)));
    assert_eq!(e.len(), 1);
    a.update(Msg::Failed {
        effect: Box::new(e[0].clone()),
        message: "Le dossier n'est pas vide".into(),
        busy: false,
    });
    let dlg = export_dialog(&a);
    assert_eq!(dlg.stage, Stage::Form);
    assert_eq!(dlg.error.as_deref(), Some("Le dossier n'est pas vide"));
    assert_eq!(dlg.month.value, "10/2026");
    assert_eq!(dlg.focus, 1, "the folder, to change");
    assert!(a.status.is_none());
    a.update(key(KeyCode::Esc));
    assert!(a.popup.is_none());
}
