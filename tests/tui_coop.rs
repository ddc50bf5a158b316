//! The cooperative's screens without a terminal or a ledger: key sequences
//! in, state and effects out (the receipt of a sale, a refusal that keeps
//! it, the daily close, what a read-only role is offered).

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jatebo::domain::access::Role;
use jatebo::domain::coop::{CashCount, Discount, ItemKind, PayMethod, Qty, Unit};
use jatebo::domain::money::Fcfa;
use jatebo::service::Actor;
use jatebo::service::coop::{DocOutcome, SalesSummary};
use jatebo::store::{ItemRow, OrgRow, UserRow};
use jatebo::tui::app::{
    App, Done, Effect, LoginForm, Mode, Msg, OrgAccess, Popup, Screen, Session,
};
use jatebo::tui::coop::dialog::DKind;
use jatebo::tui::coop::{CoopDone, CoopEffect, CoopTab};
use jatebo::tui::keymap::{Cmd, Keymap};
use jatebo::tui::theme::{Theme, ThemeName};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn alt(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT))
}

fn typed(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| app.update(key(KeyCode::Char(c))))
        .collect()
}

fn org(code: &str, kind: &str) -> OrgRow {
    OrgRow {
        id: 1,
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
            user_id: Some(1),
        },
        user: UserRow {
            id: 1,
            name: "Mariam Keïta".into(),
            lang: "fr".into(),
            created_at: String::new(),
            disabled: false,
            has_pin: false,
            roles: vec![("*".into(), role)],
        },
        orgs: vec![
            OrgAccess {
                org: org("masques", "coop"),
                role,
            },
            OrgAccess {
                org: org("ton-sabali", "savings"),
                role,
            },
        ],
    }
}

fn item(code: &str, name: &str, kind: ItemKind, price: Option<i64>, qty: i64) -> ItemRow {
    ItemRow {
        id: 0,
        code: code.into(),
        name: name.into(),
        kind,
        unit: Unit::Piece,
        price: price.map(Fcfa::new),
        reorder: Qty::units(10),
        stock_account: "362".into(),
        flow_account: "70212".into(),
        variation_account: "736".into(),
        qty: Qty::units(qty),
        value: Fcfa::new(qty * 350),
    }
}

fn items() -> Vec<ItemRow> {
    vec![
        item("adult", "Masque adulte", ItemKind::Product, Some(1000), 20),
        item("child", "Masque enfant", ItemKind::Product, Some(600), 10),
        item("elastic", "Élastique", ItemKind::Material, None, 200),
    ]
}

/// Logged in with `role`, on the shop's sales screen, items loaded.
fn shop(role: Role) -> App {
    let mut a = App::new(
        Mode::Login(LoginForm::new()),
        Keymap::default(),
        Theme::new(ThemeName::Default, false),
        today(),
        "test".into(),
    );
    a.update(Msg::Resize(80, 24));
    a.update(Msg::Done(Done::Session(Box::new(session(role)))));
    let fx = a.update(key(KeyCode::F(11)));
    assert_eq!(a.screen, Screen::Coop(CoopTab::Sales));
    assert!(
        fx.contains(&Effect::Coop(CoopEffect::Items {
            org: "masques".into()
        })),
        "{fx:?}"
    );
    a.update(Msg::Done(Done::Coop(Box::new(CoopDone::Items(items())))));
    a
}

/// Types a line of the receipt: the item (part of its name), Enter, the
/// quantity, Enter.
fn add_line(a: &mut App, item: &str, qty: &str) {
    assert!(typed(a, item).is_empty());
    assert!(a.update(key(KeyCode::Enter)).is_empty());
    typed(a, qty);
    assert!(a.update(key(KeyCode::Enter)).is_empty());
}

fn sell_effect(fx: &[Effect]) -> jatebo::service::coop::SaleInput {
    match fx {
        [Effect::Coop(CoopEffect::Sell { org, sale })] => {
            assert_eq!(org, "masques");
            sale.input()
        }
        other => panic!("expected a sale, got {other:?}"),
    }
}

#[test]
fn a_receipt_of_three_adult_and_two_child_masks_is_typed_and_recorded() {
    let mut a = shop(Role::Treasurer);
    assert!(a.typing(), "the item field has the keyboard");
    // Part of the name, accents and case aside; Enter takes the suggestion.
    add_line(&mut a, "adu", "3");
    add_line(&mut a, "ENF", "2");
    let s = &a.coop.sales;
    assert_eq!(s.lines.len(), 2);
    assert_eq!(s.total(), (Fcfa::new(4_200), true));
    let fx = a.update(key(KeyCode::F(8)));
    let sale = sell_effect(&fx);
    assert_eq!(sale.date, today());
    // No point chosen: the ledger takes the point used last.
    assert_eq!(sale.point, "");
    assert_eq!(sale.method, PayMethod::Cash);
    assert_eq!(sale.customer, None);
    assert_eq!(sale.lines.len(), 2);
    assert_eq!(sale.lines[0].item, "adult");
    assert_eq!(sale.lines[0].qty, Qty::units(3));
    assert_eq!(sale.lines[0].price, None, "the list price");
    assert_eq!(sale.lines[0].discount, Discount::None);
    assert_eq!(sale.lines[1].item, "child");
    assert_eq!(sale.lines[1].qty, Qty::units(2));
    assert!(!sale.idem_key.is_empty());
    assert!(a.coop.sales.pending);

    // Recorded: a fresh receipt with a new key, and what was recorded.
    let first_key = sale.idem_key.clone();
    let fx = a.update(Msg::Done(Done::Coop(Box::new(CoopDone::Sold {
        outcome: DocOutcome {
            kind: "sale".into(),
            number: 12,
            entry: Some("2026-000045".into()),
            total: Fcfa::new(4_200),
            already: false,
        },
        receipt: Some("RECEIPT TEXT".into()),
    }))));
    assert!(
        fx.contains(&Effect::Coop(CoopEffect::Items {
            org: "masques".into()
        })),
        "the stock is read again: {fx:?}"
    );
    assert!(a.coop.sales.lines.is_empty());
    let last = a.coop.sales.last.clone().unwrap_or_default();
    assert!(
        last.contains("VTE-000012") && last.contains("2026-000045"),
        "{last}"
    );
    // F8 on the message shows the receipt to print; Enter closes it.
    match &a.popup {
        Some(Popup::Coop(d)) => assert!(d.lines.iter().any(|l| l.contains("VTE-000012"))),
        other => panic!("{other:?}"),
    }
    a.update(key(KeyCode::F(8)));
    match &a.popup {
        Some(Popup::Coop(d)) => assert_eq!(d.lines, vec!["RECEIPT TEXT".to_string()]),
        other => panic!("{other:?}"),
    }
    a.update(key(KeyCode::Enter));
    assert!(a.popup.is_none());
    add_line(&mut a, "adult", "");
    let sale = sell_effect(&a.update(key(KeyCode::F(8))));
    assert_eq!(sale.lines[0].qty, Qty::units(1), "an empty quantity is one");
    assert_ne!(sale.idem_key, first_key, "a new receipt, a new key");
}

#[test]
fn the_same_item_twice_adds_up_and_lines_stay_editable() {
    let mut a = shop(Role::Treasurer);
    add_line(&mut a, "adult", "2");
    add_line(&mut a, "adult", "1");
    assert_eq!(a.coop.sales.lines.len(), 1);
    assert_eq!(a.coop.sales.lines[0].qty.value, "3");
    add_line(&mut a, "child", "1");
    // Up to the last line's quantity, then its price: a price other than
    // the list price needs a reason.
    a.update(key(KeyCode::Up));
    a.update(key(KeyCode::Tab));
    typed(&mut a, "500");
    assert_eq!(
        a.coop.sales.lines[1].price.value, "500",
        "typing replaces the list price"
    );
    a.update(key(KeyCode::Tab));
    typed(&mut a, "10%");
    assert_eq!(a.coop.sales.total(), (Fcfa::new(3_450), true));
    assert!(a.update(key(KeyCode::F(8))).is_empty());
    let err = a.coop.sales.error.clone().unwrap_or_default();
    assert!(err.contains("raison"), "{err}");
    // The cursor is on the reason.
    typed(&mut a, "fin de série");
    let sale = sell_effect(&a.update(key(KeyCode::F(8))));
    assert_eq!(sale.lines[1].price, Some(Fcfa::new(500)));
    assert_eq!(sale.lines[1].price_reason, "fin de série");
    assert_eq!(sale.lines[1].discount, Discount::Percent(10));
}

#[test]
fn a_refused_sale_keeps_the_receipt_and_says_why() {
    let mut a = shop(Role::Treasurer);
    add_line(&mut a, "adult", "30");
    let fx = a.update(key(KeyCode::F(8)));
    let key1 = sell_effect(&fx).idem_key;
    let message = "Stock insuffisant pour Masque adulte (adult) : 20 disponible(s), 30 demandé(s). Rien n'a été enregistré.";
    a.update(Msg::Failed {
        effect: Box::new(fx[0].clone()),
        message: message.into(),
        busy: false,
    });
    let s = &a.coop.sales;
    assert_eq!(s.error.as_deref(), Some(message));
    assert!(!s.pending);
    assert_eq!(s.lines.len(), 1);
    assert_eq!(s.lines[0].qty.value, "30");
    // Corrected and sent again: the same receipt, the same key.
    a.update(key(KeyCode::Up));
    a.update(key(KeyCode::Backspace));
    typed(&mut a, "20");
    let sale = sell_effect(&a.update(key(KeyCode::F(8))));
    assert_eq!(sale.lines[0].qty, Qty::units(20));
    assert_eq!(sale.idem_key, key1);
}

#[test]
fn the_way_of_paying_is_one_key_and_credit_needs_a_customer() {
    let mut a = shop(Role::Treasurer);
    add_line(&mut a, "child", "1");
    a.update(alt('o'));
    assert_eq!(a.coop.sales.method, PayMethod::Orange);
    a.update(alt('c'));
    assert_eq!(a.coop.sales.method, PayMethod::Credit);
    assert!(a.update(key(KeyCode::F(8))).is_empty());
    assert!(a.coop.sales.error.is_some(), "credit without a customer");
    a.update(alt('e'));
    let sale = sell_effect(&a.update(key(KeyCode::F(8))));
    assert_eq!(sale.method, PayMethod::Cash);
}

#[test]
fn a_material_is_not_offered_on_a_receipt() {
    let mut a = shop(Role::Treasurer);
    typed(&mut a, "elastic");
    a.update(key(KeyCode::Enter));
    assert!(a.coop.sales.lines.is_empty());
    assert!(a.coop.sales.error.is_some());
}

#[test]
fn the_day_is_closed_with_a_counted_sum_a_difference_and_its_reason() {
    let mut a = shop(Role::Treasurer);
    let fx = a.update(alt('z'));
    assert_eq!(a.screen, Screen::Coop(CoopTab::DayClose));
    assert!(
        fx.contains(&Effect::Coop(CoopEffect::DayClose {
            org: "masques".into(),
            point: String::new(),
            day: today(),
        })),
        "{fx:?}"
    );
    let summary = SalesSummary {
        point: "boutique".into(),
        kind: "day".into(),
        period: "2026-11-21".into(),
        sales_count: 1,
        returns_count: 0,
        sales_total: Fcfa::new(4_200),
        returns_total: Fcfa::ZERO,
        payments_total: Fcfa::ZERO,
        by_item: vec![],
        by_method: vec![],
        cash_expected: Fcfa::new(4_200),
        grand_total_before: Fcfa::ZERO,
        grand_total: Fcfa::new(4_200),
        close: None,
    };
    a.update(Msg::Done(Done::Coop(Box::new(CoopDone::DayClose {
        summary,
        unsealed: vec![("boutique".into(), today())],
        closes: vec![],
    }))));
    assert!(a.typing());
    // Four 1 000 notes and one 100 coin: 100 short.
    typed(&mut a, "");
    a.update(key(KeyCode::Tab));
    a.update(key(KeyCode::Tab));
    a.update(key(KeyCode::Tab));
    typed(&mut a, "4");
    for _ in 0..4 {
        a.update(key(KeyCode::Tab));
    }
    typed(&mut a, "1");
    let (counted, ok) = a.coop.day.counted();
    assert!(ok);
    assert_eq!(counted.as_ref().map(|c| c.total), Some(Fcfa::new(4_100)));
    // A difference needs its reason.
    assert!(a.update(key(KeyCode::F(8))).is_empty());
    assert!(a.coop.day.error.is_some());
    assert!(a.popup.is_none());
    typed(&mut a, "monnaie mal rendue");
    assert!(a.update(key(KeyCode::F(8))).is_empty(), "asks first");
    assert!(matches!(&a.popup, Some(Popup::Coop(d)) if matches!(d.kind, DKind::CloseDay { .. })));
    let fx = a.update(key(KeyCode::Enter));
    match &fx[..] {
        [
            Effect::Coop(CoopEffect::CloseDay {
                point,
                day,
                counted,
                reason,
                ..
            }),
        ] => {
            assert_eq!(point, "boutique");
            assert_eq!(*day, today());
            assert_eq!(
                *counted,
                CashCount {
                    total: Fcfa::new(4_100),
                    by_denomination: vec![(1000, 4), (100, 1)],
                }
            );
            assert_eq!(reason, "monnaie mal rendue");
        }
        other => panic!("{other:?}"),
    }
}

/// Every key of the hint bar on each of the cooperative's screens.
fn hinted(a: &App) -> Vec<Cmd> {
    let idle = a.idle_commands();
    a.keymap
        .hints(&a.hint_scopes(), a.typing())
        .into_iter()
        .map(|(_, c)| c)
        .filter(|c| !idle.contains(c))
        .collect()
}

const WRITES: [Cmd; 15] = [
    Cmd::Post,
    Cmd::SaleAdd,
    Cmd::Purchase,
    Cmd::Adjust,
    Cmd::StockCount,
    Cmd::ItemNew,
    Cmd::RunNew,
    Cmd::SaleReturn,
    Cmd::CustomerNew,
    Cmd::CustomerEdit,
    Cmd::CustomerPay,
    Cmd::SealDay,
    Cmd::PayCash,
    Cmd::PayCredit,
    Cmd::DeleteLine,
];

#[test]
fn an_auditor_sees_every_screen_and_is_offered_no_writing_key() {
    let mut a = shop(Role::Auditor);
    for (letter, tab) in [
        ('v', CoopTab::Sales),
        ('r', CoopTab::Receipts),
        ('d', CoopTab::Customers),
        ('z', CoopTab::DayClose),
        ('t', CoopTab::Stock),
        ('f', CoopTab::Production),
    ] {
        // On the close's screen the day field has the keyboard: Alt moves.
        a.update(if a.typing() {
            alt(letter)
        } else {
            key(KeyCode::Char(letter))
        });
        assert_eq!(a.screen, Screen::Coop(tab), "{letter}");
        let hints = hinted(&a);
        let help: Vec<Cmd> = a
            .keymap
            .active(&a.scopes_without_popup(), a.typing_without_popup())
            .into_iter()
            .map(|(_, c)| c)
            .filter(|c| !a.withheld_commands().contains(c))
            .collect();
        for w in WRITES {
            assert!(!hints.contains(&w), "{tab:?}: hint {w:?}");
            assert!(!help.contains(&w), "{tab:?}: help {w:?}");
        }
        // And the writing keys write nothing.
        for k in [
            key(KeyCode::F(8)),
            key(KeyCode::Char('b')),
            key(KeyCode::Char('n')),
            key(KeyCode::Char('x')),
            key(KeyCode::Char('y')),
            key(KeyCode::Char('m')),
            key(KeyCode::Char('i')),
        ] {
            let fx = a.update(k);
            assert!(
                !fx.iter()
                    .any(|e| matches!(e, Effect::Coop(c) if c.writes())),
                "{tab:?}: {fx:?}"
            );
            a.popup = None;
            if !matches!(a.screen, Screen::Coop(_)) {
                a.screen = Screen::Coop(tab);
            }
        }
    }
    // The sales screen says why there is no receipt to type.
    a.update(key(KeyCode::Char('v')));
    assert!(!a.typing());
    assert!(a.update(key(KeyCode::F(8))).is_empty());
}

#[test]
fn a_treasurer_is_offered_the_writing_keys() {
    let mut a = shop(Role::Treasurer);
    assert!(hinted(&a).contains(&Cmd::Post));
    a.update(alt('t'));
    assert!(hinted(&a).contains(&Cmd::Purchase));
    a.update(key(KeyCode::Char('d')));
    assert!(hinted(&a).contains(&Cmd::CustomerPay));
}

#[test]
fn the_shop_tab_is_a_cooperatives_own() {
    let mut a = shop(Role::Treasurer);
    assert!(a.tabs().contains(&Screen::Coop(CoopTab::Sales)));
    // A savings group has no shop: F11 and `v` open its own Group tab.
    a.update(key(KeyCode::F(2)));
    a.update(key(KeyCode::F(7)));
    a.update(key(KeyCode::Down));
    a.update(key(KeyCode::Enter));
    assert_eq!(
        a.current_org().map(|o| o.org.code.as_str()),
        Some("ton-sabali")
    );
    assert!(!a.tabs().iter().any(|s| matches!(s, Screen::Coop(_))));
    use jatebo::tui::savings::SgTab;
    a.update(key(KeyCode::F(11)));
    assert_eq!(a.screen, Screen::Savings(SgTab::Meeting));
    a.update(key(KeyCode::F(2)));
    a.update(key(KeyCode::Char('v')));
    assert_eq!(a.screen, Screen::Savings(SgTab::Meeting));
}

#[test]
fn a_receipt_being_typed_is_not_dropped_without_asking() {
    let mut a = shop(Role::Treasurer);
    add_line(&mut a, "adult", "1");
    // Leaving the screen keeps it.
    a.update(key(KeyCode::F(2)));
    a.update(key(KeyCode::F(11)));
    assert_eq!(a.coop.sales.lines.len(), 1);
    // Quitting asks.
    a.update(key(KeyCode::F(10)));
    assert!(!a.quit);
    assert!(a.popup.is_some());
}
