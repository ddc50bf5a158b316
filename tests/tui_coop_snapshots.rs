//! Snapshots of a cooperative's screens (the Shop tab: sales, receipts,
//! customers, daily close, stock, production, and their dialogs), in French
//! and in English, at 80×24 and 120×40. A mask cooperative is set up through
//! the service layer, then the app is driven only by keys and resizes
//! through the same driver the TUI uses; each frame is kept as plain text.
//!
//! What depends on the clock (the time a receipt or a close was recorded)
//! is replaced by fixed values in a copy of the state before drawing.

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
use jatebo::domain::coop::{ItemKind, PayMethod, Qty, Unit};
use jatebo::domain::money::Fcfa;
use jatebo::i18n;
use jatebo::service::coop::{
    NewItem, PurchaseInput, RunInput, SaleInput, SaleLineInput, StockLineInput,
};
use jatebo::service::{Actor, Books, OrgKind};
use jatebo::tui::app::{App, Msg, Screen};
use jatebo::tui::config::Config;
use jatebo::tui::coop::CoopTab;
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

const PASS: &str = "savon et karité";

/// The mask cooperative: fabric and elastic bought, two runs of masks, a
/// sale the day before, two customers owing on credit (one for months).
fn coop_books() -> Books {
    let mut b = Books::in_memory().expect("ledger");
    let admin = Actor::new("Awa Traoré").expect("actor");
    b.add_user(&admin, "Awa Traoré", PASS, Lang::Fr)
        .expect("admin");
    let admin = b.login("Awa Traoré", PASS).expect("login");
    let org = b
        .add_org(
            &admin,
            "masques",
            "Coopérative de couture Benkadi",
            OrgKind::Coop,
        )
        .expect("org");
    b.add_user(&admin, "Mariam Keïta", PASS, Lang::Fr)
        .expect("user");
    b.set_role(&admin, "Mariam Keïta", Some(&org), Some(Role::Treasurer))
        .expect("role");
    b.add_user(&admin, "NGO Auditor", PASS, Lang::En)
        .expect("user");
    b.set_role(&admin, "NGO Auditor", Some(&org), Some(Role::Auditor))
        .expect("role");
    let item = |code: &str,
                name: &str,
                kind,
                unit,
                price: Option<i64>,
                reorder,
                stock: &str,
                flow: Option<&str>| NewItem {
        code: code.into(),
        name: name.into(),
        kind,
        unit,
        price: price.map(Fcfa::new),
        reorder: Qty::units(reorder),
        stock_account: stock.into(),
        flow_account: flow.map(str::to_string),
        variation_account: None,
    };
    for i in [
        item(
            "fabric",
            "Tissu coton",
            ItemKind::Material,
            Unit::Metre,
            None,
            0,
            "3221",
            None,
        ),
        item(
            "elastic",
            "Élastique",
            ItemKind::Material,
            Unit::Piece,
            None,
            50,
            "3222",
            None,
        ),
        item(
            "adult",
            "Masque adulte",
            ItemKind::Product,
            Unit::Piece,
            Some(1000),
            10,
            "362",
            Some("70212"),
        ),
        item(
            "child",
            "Masque enfant",
            ItemKind::Product,
            Unit::Piece,
            Some(600),
            5,
            "362",
            Some("70212"),
        ),
    ] {
        b.add_item(&admin, &org, i).expect("item");
    }
    b.add_recipe(
        &admin,
        &org,
        "masks-adult",
        "Fournée masques adultes",
        "adult",
        Qty::units(10),
        &[
            ("fabric".into(), Qty::from_milli(2_500)),
            ("elastic".into(), Qty::units(20)),
        ],
    )
    .expect("recipe");
    b.add_recipe(
        &admin,
        &org,
        "masks-child",
        "Fournée masques enfants",
        "child",
        Qty::units(10),
        &[
            ("fabric".into(), Qty::from_milli(1_500)),
            ("elastic".into(), Qty::units(20)),
        ],
    )
    .expect("recipe");
    b.purchase(
        &admin,
        &org,
        PurchaseInput {
            date: d("2026-07-01"),
            supplier: "Tissus Ségou".into(),
            reference: "F-88".into(),
            method: PayMethod::Credit,
            lines: vec![
                StockLineInput {
                    item: "fabric".into(),
                    qty: Qty::units(20),
                    amount: Fcfa::new(25_000),
                },
                StockLineInput {
                    item: "elastic".into(),
                    qty: Qty::units(200),
                    amount: Fcfa::new(4_000),
                },
            ],
            idem_key: "p1".into(),
        },
    )
    .expect("purchase");
    for (recipe, batches, key) in [("masks-adult", 3, "r1"), ("masks-child", 1, "r2")] {
        b.produce(
            &admin,
            &org,
            RunInput {
                date: d("2026-07-02"),
                recipe: recipe.into(),
                batches: Qty::units(batches),
                note: String::new(),
                idem_key: key.into(),
            },
        )
        .expect("run");
    }
    b.save_customer(
        &admin,
        &org,
        "cscom",
        Some("CSCom de Sabalibougou"),
        Some("76 00 00 00"),
        Some(Fcfa::new(50_000)),
    )
    .expect("customer");
    b.save_customer(
        &admin,
        &org,
        "ecole",
        Some("École de Missira"),
        None,
        Some(Fcfa::new(20_000)),
    )
    .expect("customer");
    let sale =
        |date: &str, method, customer: Option<&str>, lines: &[(&str, i64)], key: &str| SaleInput {
            date: d(date),
            point: "boutique".into(),
            customer: customer.map(str::to_string),
            method,
            lines: lines
                .iter()
                .map(|(i, q)| SaleLineInput {
                    item: (*i).into(),
                    qty: Qty::units(*q),
                    price: None,
                    price_reason: String::new(),
                    discount: jatebo::domain::coop::Discount::None,
                })
                .collect(),
            idem_key: key.into(),
        };
    for s in [
        sale(
            "2026-07-10",
            PayMethod::Credit,
            Some("ecole"),
            &[("child", 5)],
            "s1",
        ),
        sale(
            "2026-10-05",
            PayMethod::Credit,
            Some("cscom"),
            &[("adult", 8)],
            "s2",
        ),
        sale("2026-11-20", PayMethod::Cash, None, &[("adult", 4)], "s3"),
    ] {
        b.sell(&admin, &org, s).expect("sale");
    }
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
        let books = coop_books();
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

/// A copy of the app with the recording times fixed.
fn stable(app: &App) -> App {
    const AT: &str = "2026-11-21T09:30:00.000Z";
    let mut app = app.clone();
    for r in &mut app.coop.receipts.rows {
        r.recorded_at = AT.to_string();
    }
    if let Some(s) = &mut app.coop.day.summary
        && let Some(c) = &mut s.close
    {
        c.closed_at = AT.to_string();
    }
    for c in &mut app.coop.day.closes {
        c.closed_at = AT.to_string();
    }
    if let Some(e) = &mut app.detail {
        e.entry.recorded_at = AT.to_string();
        e.entry.hash = "ab".repeat(32);
        e.entry.prev_hash = "cd".repeat(32);
    }
    app
}

// ---- the scenario ----------------------------------------------------------------

/// A treasurer's day at the shop, then what an auditor sees.
fn shop_day(lang: Lang, w: u16, h: u16) {
    let _guard = lang_lock();
    let mut ui = Ui::new(lang, w, h);
    ui.login("Mariam Keïta");

    // The receipt: 3 adult masks and 2 child masks.
    ui.key(KeyCode::F(11));
    assert_eq!(ui.h.app.screen, Screen::Coop(CoopTab::Sales));
    ui.snap("01_sales_empty");
    ui.typ("adu");
    ui.snap("02_sales_picker");
    ui.key(KeyCode::Enter);
    ui.typ("3");
    ui.key(KeyCode::Enter);
    ui.typ("enf");
    ui.key(KeyCode::Enter);
    ui.typ("2");
    ui.key(KeyCode::Enter);
    ui.snap("03_sales_two_lines");
    // Too many: refused, with the quantity available; nothing is lost.
    ui.key(KeyCode::Up);
    ui.key(KeyCode::Up);
    ui.typ("40");
    ui.key(KeyCode::F(8));
    ui.snap("04_sales_refused");
    ui.send(KeyCode::Char('u'), KeyModifiers::CONTROL);
    ui.typ("3");
    ui.key(KeyCode::F(8));
    ui.snap("05_sales_recorded");
    ui.key(KeyCode::F(8));
    ui.snap("06_receipt");
    ui.key(KeyCode::Enter);

    // Today's receipts and a return on the receipt.
    ui.alt('r');
    assert_eq!(ui.h.app.screen, Screen::Coop(CoopTab::Receipts));
    ui.snap("07_receipts");
    ui.key(KeyCode::Char('x'));
    ui.typ("1");
    ui.key(KeyCode::Tab);
    ui.key(KeyCode::Tab);
    ui.typ("couture défaite");
    ui.snap("08_return");
    ui.key(KeyCode::F(8));
    ui.snap("09_receipts_after_return");

    // Customers, the aged list, a payment.
    ui.key(KeyCode::Char('d'));
    ui.snap("10_customers");
    ui.key(KeyCode::Char('i'));
    ui.snap("11_aging");
    ui.key(KeyCode::Char('y'));
    ui.typ("3000");
    ui.keys(KeyCode::Right, 1);
    ui.snap("12_payment");
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Char('i'));

    // Stock, an item's ledger, the dialogs.
    ui.key(KeyCode::Char('t'));
    ui.snap("13_stock");
    ui.key(KeyCode::Enter);
    ui.snap("14_stock_ledger");
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Char('b'));
    ui.typ("Marché de Médine");
    ui.keys(KeyCode::Tab, 4);
    ui.typ("tis");
    ui.key(KeyCode::Tab);
    ui.typ("4");
    ui.key(KeyCode::Tab);
    ui.typ("5000");
    ui.snap("15_purchase");
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Char('i'));
    ui.typ("26");
    ui.key(KeyCode::Down);
    ui.typ("4");
    ui.key(KeyCode::F(8));
    ui.snap("16_count_preview");
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Char('n'));
    ui.typ("savon-karite");
    ui.key(KeyCode::Tab);
    ui.typ("Savon au karité");
    ui.snap("17_new_item");
    ui.key(KeyCode::Esc);

    // Production: a run of two batches.
    ui.key(KeyCode::Char('f'));
    ui.snap("18_production");
    ui.key(KeyCode::Char('n'));
    ui.key(KeyCode::Tab);
    ui.typ("2");
    ui.snap("19_run");
    ui.key(KeyCode::F(8));
    ui.snap("20_run_recorded");
    ui.key(KeyCode::Enter);

    // The day's close, 100 F short.
    ui.key(KeyCode::Char('z'));
    ui.snap("21_day_close");
    ui.keys(KeyCode::Tab, 3);
    ui.typ("3");
    ui.keys(KeyCode::Tab, 4);
    ui.typ("1");
    ui.key(KeyCode::F(8));
    ui.snap("22_day_close_short");
    ui.typ("monnaie mal rendue");
    ui.key(KeyCode::F(8));
    ui.snap("23_day_close_confirm");
    ui.key(KeyCode::Enter);
    ui.snap("24_day_closed");

    // The keys of the sales screen.
    ui.alt('v');
    ui.key(KeyCode::F(1));
    ui.snap("25_help_sales");
    ui.key(KeyCode::Esc);

    // An auditor: every screen, no receipt to type, no writing key.
    ui.key(KeyCode::F(9));
    ui.key(KeyCode::Esc);
    ui.login("NGO Auditor");
    ui.key(KeyCode::F(11));
    ui.snap("26_auditor_sales");
    ui.key(KeyCode::Char('t'));
    ui.snap("27_auditor_stock");
    ui.done();
}

#[test]
fn french_80x24() {
    shop_day(Lang::Fr, 80, 24);
}

#[test]
fn french_120x40() {
    shop_day(Lang::Fr, 120, 40);
}

#[test]
fn english_80x24() {
    shop_day(Lang::En, 80, 24);
}

#[test]
fn english_120x40() {
    shop_day(Lang::En, 120, 40);
}
