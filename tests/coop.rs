//! A cooperative's trade through the service layer: valuation at weighted
//! average cost, the never-negative rule, sales, returns, credit and
//! payments, the day seal, and the stock ledger against the stock accounts
//! after random sequences of movements.

use chrono::NaiveDate;
use jatebo::domain::coop::{
    AdjustReason, CashCount, CoopError, Discount, ItemKind, PayMethod, Qty, Unit,
};
use jatebo::domain::money::Fcfa;
use jatebo::error::Error;
use jatebo::service::coop::{
    AdjustInput, NewItem, PaymentInput, PurchaseInput, ReturnInput, RunInput, SaleInput,
    SaleLineInput, StockLineInput,
};
use jatebo::service::{Actor, Books, OrgKind};
use jatebo::store::OrgRow;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

struct Coop {
    books: Books,
    actor: Actor,
    org: OrgRow,
    key: u32,
}

impl Coop {
    fn new() -> Coop {
        let mut books = Books::in_memory().unwrap();
        let actor = Actor::new("Mariam").unwrap();
        let org = books
            .add_org(&actor, "masques", "Coopérative Benkadi", OrgKind::Coop)
            .unwrap();
        let mut c = Coop {
            books,
            actor,
            org,
            key: 0,
        };
        c.item("tissu", ItemKind::Material, Unit::Metre, None, "3221", None);
        c.item(
            "elastique",
            ItemKind::Material,
            Unit::Metre,
            None,
            "3222",
            None,
        );
        c.item(
            "masque-adulte",
            ItemKind::Product,
            Unit::Piece,
            Some(1000),
            "362",
            Some("70212"),
        );
        c.item(
            "masque-enfant",
            ItemKind::Product,
            Unit::Piece,
            Some(600),
            "362",
            Some("70212"),
        );
        c
    }

    fn key(&mut self) -> String {
        self.key += 1;
        format!("k{}", self.key)
    }

    fn item(
        &mut self,
        code: &str,
        kind: ItemKind,
        unit: Unit,
        price: Option<i64>,
        stock: &str,
        flow: Option<&str>,
    ) {
        self.books
            .add_item(
                &self.actor,
                &self.org,
                NewItem {
                    code: code.into(),
                    name: code.replace('-', " "),
                    kind,
                    unit,
                    price: price.map(Fcfa::new),
                    reorder: Qty::units(5),
                    stock_account: stock.into(),
                    flow_account: flow.map(str::to_string),
                    variation_account: None,
                },
            )
            .unwrap();
    }

    fn buy(&mut self, item: &str, qty: Qty, amount: i64, method: PayMethod) -> Result<(), Error> {
        let k = self.key();
        self.books
            .purchase(
                &self.actor,
                &self.org,
                PurchaseInput {
                    date: d("2026-11-02"),
                    supplier: "Marché de Médine".into(),
                    reference: String::new(),
                    method,
                    lines: vec![StockLineInput {
                        item: item.into(),
                        qty,
                        amount: Fcfa::new(amount),
                    }],
                    idem_key: k,
                },
            )
            .map(|_| ())
    }

    fn sale(
        &mut self,
        date: &str,
        method: PayMethod,
        customer: Option<&str>,
        lines: &[(&str, i64)],
    ) -> Result<i64, Error> {
        let k = self.key();
        self.books
            .sell(
                &self.actor,
                &self.org,
                SaleInput {
                    date: d(date),
                    point: String::new(),
                    customer: customer.map(str::to_string),
                    method,
                    lines: lines
                        .iter()
                        .map(|(i, q)| SaleLineInput {
                            item: (*i).into(),
                            qty: Qty::units(*q),
                            price: None,
                            price_reason: String::new(),
                            discount: Discount::None,
                        })
                        .collect(),
                    idem_key: k,
                },
            )
            .map(|o| o.number)
    }

    fn level(&self, code: &str) -> (Qty, Fcfa) {
        let i = self.books.item(&self.org, code).unwrap();
        (i.qty, i.value)
    }

    fn net(&self, account: &str) -> i64 {
        self.books
            .store()
            .read()
            .account_net(self.org.id, account)
            .unwrap()
    }

    fn entries(&self) -> i64 {
        self.books.org(&self.org.code).unwrap().entries
    }

    fn assert_books_agree(&self) {
        for c in self.books.stock_check(&self.org).unwrap() {
            assert_eq!(c.ledger, c.stock, "stock account {}", c.account);
        }
        let v = self.books.verify(None).unwrap();
        assert!(v.ok(), "{:?}", v.problems);
    }

    /// Makes `batches` runs' worth of masks: a recipe of 0,25 m of fabric
    /// and 0,5 m of elastic for 1 mask.
    fn recipe(&mut self) {
        self.books
            .add_recipe(
                &self.actor,
                &self.org,
                "masque-a",
                "Masque adulte",
                "masque-adulte",
                Qty::units(1),
                &[
                    ("tissu".into(), Qty::from_milli(250)),
                    ("elastique".into(), Qty::from_milli(500)),
                ],
            )
            .unwrap();
    }

    fn run(&mut self, batches: i64) -> Result<jatebo::service::coop::RunOutcome, Error> {
        let k = self.key();
        self.books.produce(
            &self.actor,
            &self.org,
            RunInput {
                date: d("2026-11-03"),
                recipe: "masque-a".into(),
                batches: Qty::units(batches),
                note: String::new(),
                idem_key: k,
            },
        )
    }
}

fn coop_err(e: Error) -> CoopError {
    match e {
        Error::Coop(c) => c,
        other => panic!("expected a cooperative error, got {other:?}"),
    }
}

#[test]
fn weighted_average_across_purchases_runs_and_returns() {
    let mut c = Coop::new();
    // 10 m at 1 000 F and 10 m at 1 400 F: 1 200 F a metre.
    c.buy("tissu", Qty::units(10), 10_000, PayMethod::Cash)
        .unwrap_err(); // the cash box is empty
    c.buy("tissu", Qty::units(10), 10_000, PayMethod::Credit)
        .unwrap();
    c.buy("tissu", Qty::units(10), 14_000, PayMethod::Credit)
        .unwrap();
    c.buy("elastique", Qty::units(20), 2_000, PayMethod::Credit)
        .unwrap();
    assert_eq!(c.level("tissu"), (Qty::units(20), Fcfa::new(24_000)));
    assert_eq!(c.net("4011"), -26_000);
    c.recipe();
    // 12 masks: 3 m of fabric at 1 200 = 3 600, 6 m of elastic at 100 = 600.
    let run = c.run(12).unwrap();
    assert_eq!(run.produced, Qty::units(12));
    assert_eq!(run.cost, Fcfa::new(4_200));
    assert_eq!(run.unit_cost, Some(rust_decimal::Decimal::from(350)));
    assert_eq!(c.level("tissu"), (Qty::units(17), Fcfa::new(20_400)));
    assert_eq!(c.level("masque-adulte"), (Qty::units(12), Fcfa::new(4_200)));
    // Sell 3, bring 1 back: it comes back at the cost it left at.
    let n = c
        .sale("2026-11-04", PayMethod::Cash, None, &[("masque-adulte", 3)])
        .unwrap();
    assert_eq!(c.level("masque-adulte"), (Qty::units(9), Fcfa::new(3_150)));
    assert_eq!(c.net("5711"), 3_000);
    let k = c.key();
    c.books
        .return_sale(
            &c.actor,
            &c.org,
            ReturnInput {
                date: d("2026-11-04"),
                point: String::new(),
                receipt: n,
                lines: vec![("masque-adulte".into(), Qty::units(1))],
                reason: "couture défaite".into(),
                idem_key: k,
            },
        )
        .unwrap();
    assert_eq!(c.level("masque-adulte"), (Qty::units(10), Fcfa::new(3_500)));
    assert_eq!(c.net("5711"), 2_000);
    assert_eq!(c.net("70212"), -2_000);
    c.assert_books_agree();
}

#[test]
fn stock_never_goes_negative_and_nothing_is_written() {
    let mut c = Coop::new();
    c.buy("tissu", Qty::units(1), 1_000, PayMethod::Credit)
        .unwrap();
    c.buy("elastique", Qty::units(10), 1_000, PayMethod::Credit)
        .unwrap();
    c.recipe();
    let before = c.entries();
    // 8 masks need 2 m of fabric; there is 1.
    match coop_err(c.run(8).unwrap_err()) {
        CoopError::NotEnough {
            item,
            available,
            wanted,
        } => {
            assert!(item.contains("tissu"), "{item}");
            assert_eq!(available, Qty::units(1));
            assert_eq!(wanted, Qty::units(2));
        }
        e => panic!("{e:?}"),
    }
    c.run(4).unwrap();
    match coop_err(
        c.sale(
            "2026-11-04",
            PayMethod::Cash,
            None,
            &[("masque-adulte", 3), ("masque-adulte", 2)],
        )
        .unwrap_err(),
    ) {
        // Two lines of the same item count together.
        CoopError::NotEnough {
            available, wanted, ..
        } => {
            assert_eq!((available, wanted), (Qty::units(1), Qty::units(2)));
        }
        e => panic!("{e:?}"),
    }
    assert_eq!(c.entries(), before + 1);
    assert_eq!(c.level("masque-adulte").0, Qty::units(4));
    let k = c.key();
    let e = c
        .books
        .adjust(
            &c.actor,
            &c.org,
            AdjustInput {
                date: d("2026-11-05"),
                item: "tissu".into(),
                qty: Qty::units(5),
                reason: AdjustReason::Loss,
                unit_cost: None,
                note: String::new(),
                idem_key: k,
            },
        )
        .unwrap_err();
    assert!(matches!(coop_err(e), CoopError::NotEnough { .. }));
    c.assert_books_agree();
}

#[test]
fn a_sealed_day_refuses_sales_returns_and_payments() {
    let mut c = Coop::new();
    c.buy("tissu", Qty::units(4), 4_000, PayMethod::Credit)
        .unwrap();
    c.buy("elastique", Qty::units(8), 800, PayMethod::Credit)
        .unwrap();
    c.recipe();
    c.run(16).unwrap();
    c.sale("2026-11-10", PayMethod::Cash, None, &[("masque-adulte", 3)])
        .unwrap();
    c.sale(
        "2026-11-10",
        PayMethod::Orange,
        None,
        &[("masque-adulte", 1)],
    )
    .unwrap();
    c.books
        .save_customer(
            &c.actor,
            &c.org,
            "cscom",
            Some("CSCom de Sabalibougou"),
            None,
            Some(Fcfa::new(20_000)),
        )
        .unwrap();
    c.sale(
        "2026-11-10",
        PayMethod::Credit,
        Some("cscom"),
        &[("masque-adulte", 5)],
    )
    .unwrap();
    let z = c.books.sales_summary(&c.org, "", "2026-11-10").unwrap();
    assert_eq!(z.sales_count, 3);
    assert_eq!(z.sales_total, Fcfa::new(9_000));
    assert_eq!(z.cash_expected, Fcfa::new(3_000));
    // 100 F short needs a reason.
    let short = CashCount::parse("2900").unwrap();
    let e = c
        .books
        .close_day(
            &c.actor,
            &c.org,
            "",
            d("2026-11-10"),
            d("2026-11-21"),
            &short,
            "",
        )
        .unwrap_err();
    assert_eq!(coop_err(e), CoopError::DifferenceNeedsReason);
    let z = c
        .books
        .close_day(
            &c.actor,
            &c.org,
            "",
            d("2026-11-10"),
            d("2026-11-21"),
            &short,
            "erreur de monnaie",
        )
        .unwrap();
    let close = z.close.unwrap();
    assert_eq!(close.difference, Fcfa::new(-100));
    assert_eq!(c.net("65882"), 100);
    assert_eq!(c.net("5711"), 2_900);
    assert_eq!(z.grand_total, Fcfa::new(9_000));
    let before = c.entries();
    let e = c
        .sale("2026-11-10", PayMethod::Cash, None, &[("masque-adulte", 1)])
        .unwrap_err();
    assert!(matches!(coop_err(e), CoopError::DaySealed { .. }));
    let k = c.key();
    let e = c
        .books
        .receive_payment(
            &c.actor,
            &c.org,
            PaymentInput {
                date: d("2026-11-10"),
                point: String::new(),
                customer: "cscom".into(),
                method: PayMethod::Cash,
                amount: Fcfa::new(1_000),
                invoice: None,
                idem_key: k,
            },
        )
        .unwrap_err();
    assert!(matches!(coop_err(e), CoopError::DaySealed { .. }));
    let e = c
        .books
        .close_day(
            &c.actor,
            &c.org,
            "",
            d("2026-11-10"),
            d("2026-11-21"),
            &short,
            "encore",
        )
        .unwrap_err();
    assert!(matches!(coop_err(e), CoopError::AlreadySealed { .. }));
    assert_eq!(c.entries(), before);
    // Another day at the same point is open; a future day cannot close.
    c.sale("2026-11-11", PayMethod::Cash, None, &[("masque-adulte", 1)])
        .unwrap();
    let e = c
        .books
        .close_day(
            &c.actor,
            &c.org,
            "",
            d("2026-11-22"),
            d("2026-11-21"),
            &short,
            "x",
        )
        .unwrap_err();
    assert!(matches!(coop_err(e), CoopError::DayInFuture { .. }));
    // The month cannot close while the 11th is open.
    let e = c
        .books
        .close_sales_period(&c.actor, &c.org, "", "2026-11", d("2026-12-02"))
        .unwrap_err();
    assert!(matches!(coop_err(e), CoopError::DaysOpen { .. }));
    c.books
        .close_day(
            &c.actor,
            &c.org,
            "",
            d("2026-11-11"),
            d("2026-11-21"),
            &CashCount::parse("1000").unwrap(),
            "",
        )
        .unwrap();
    let m = c
        .books
        .close_sales_period(&c.actor, &c.org, "", "2026-11", d("2026-12-02"))
        .unwrap();
    assert_eq!(m.sales_total, Fcfa::new(10_000));
    assert_eq!(m.grand_total, Fcfa::new(10_000));
    assert_eq!(m.close.unwrap().difference, Fcfa::new(-100));
    c.assert_books_agree();
}

#[test]
fn credit_sales_limits_partial_payments_and_ageing() {
    let mut c = Coop::new();
    c.buy("tissu", Qty::units(10), 10_000, PayMethod::Credit)
        .unwrap();
    c.buy("elastique", Qty::units(20), 2_000, PayMethod::Credit)
        .unwrap();
    c.recipe();
    c.run(40).unwrap();
    c.books
        .save_customer(
            &c.actor,
            &c.org,
            "cscom",
            Some("CSCom"),
            None,
            Some(Fcfa::new(25_000)),
        )
        .unwrap();
    let e = c
        .sale(
            "2026-09-01",
            PayMethod::Credit,
            None,
            &[("masque-adulte", 1)],
        )
        .unwrap_err();
    assert_eq!(coop_err(e), CoopError::CreditNeedsCustomer);
    let first = c
        .sale(
            "2026-09-01",
            PayMethod::Credit,
            Some("cscom"),
            &[("masque-adulte", 20)],
        )
        .unwrap();
    let e = c
        .sale(
            "2026-09-02",
            PayMethod::Credit,
            Some("cscom"),
            &[("masque-adulte", 6)],
        )
        .unwrap_err();
    match coop_err(e) {
        CoopError::CreditLimit {
            owed,
            limit,
            wanted,
            ..
        } => {
            assert_eq!(
                (owed, limit, wanted),
                (Fcfa::new(20_000), Fcfa::new(25_000), Fcfa::new(6_000))
            );
        }
        e => panic!("{e:?}"),
    }
    c.sale(
        "2026-11-01",
        PayMethod::Credit,
        Some("cscom"),
        &[("masque-adulte", 5)],
    )
    .unwrap();
    let aging = c.books.aging(&c.org, d("2026-11-21")).unwrap();
    assert_eq!(aging.rows.len(), 1);
    // 81 days old and 20 days old.
    assert_eq!(
        aging.rows[0].buckets,
        [Fcfa::new(5_000), Fcfa::ZERO, Fcfa::new(20_000), Fcfa::ZERO]
    );
    assert_eq!(aging.total, Fcfa::new(25_000));
    assert_eq!(aging.ledger_balance, aging.total);
    let pay = |c: &mut Coop, amount: i64, invoice: Option<i64>| {
        let k = c.key();
        c.books.receive_payment(
            &c.actor,
            &c.org,
            PaymentInput {
                date: d("2026-11-20"),
                point: String::new(),
                customer: "cscom".into(),
                method: PayMethod::Wave,
                amount: Fcfa::new(amount),
                invoice,
                idem_key: k,
            },
        )
    };
    let e = pay(&mut c, 30_000, None).unwrap_err();
    assert!(matches!(coop_err(e), CoopError::PaymentAboveOwed { .. }));
    // A partial payment goes to the oldest invoice first.
    pay(&mut c, 12_000, None).unwrap();
    let inv = c.books.invoices(&c.org, Some("cscom"), false).unwrap();
    assert_eq!(inv[0].number, first);
    assert_eq!(inv[0].owed, Fcfa::new(8_000));
    assert_eq!(c.net("5523"), 12_000);
    assert_eq!(c.net("4111"), 13_000);
    pay(&mut c, 13_000, None).unwrap();
    assert!(c.books.invoices(&c.org, None, false).unwrap().is_empty());
    let e = pay(&mut c, 1, None).unwrap_err();
    assert!(matches!(coop_err(e), CoopError::NothingOwed { .. }));
    c.assert_books_agree();
}

#[test]
fn the_same_key_records_once_and_a_retry_says_so() {
    let mut c = Coop::new();
    c.buy("tissu", Qty::units(4), 4_000, PayMethod::Credit)
        .unwrap();
    c.buy("elastique", Qty::units(8), 800, PayMethod::Credit)
        .unwrap();
    c.recipe();
    c.run(4).unwrap();
    let input = SaleInput {
        date: d("2026-11-04"),
        point: String::new(),
        customer: None,
        method: PayMethod::Cash,
        lines: vec![SaleLineInput {
            item: "masque-adulte".into(),
            qty: Qty::units(2),
            price: Some(Fcfa::new(900)),
            price_reason: "fin de journée".into(),
            discount: Discount::parse("10%").unwrap(),
        }],
        idem_key: "vente-1".into(),
    };
    let a = c.books.sell(&c.actor, &c.org, input.clone()).unwrap();
    let b = c.books.sell(&c.actor, &c.org, input.clone()).unwrap();
    assert!(!a.already && b.already);
    assert_eq!((a.number, a.total), (b.number, b.total));
    // 2 × 900 − 10 % = 1 620.
    assert_eq!(a.total, Fcfa::new(1_620));
    assert_eq!(c.level("masque-adulte").0, Qty::units(2));
    let receipt = c.books.receipt(&c.org, "sale", a.number).unwrap();
    assert_eq!(receipt.lines[0].list_price, Fcfa::new(1_000));
    assert_eq!(receipt.lines[0].unit_price, Fcfa::new(900));
    assert_eq!(receipt.lines[0].discount, Fcfa::new(180));
    // Another price without a reason is refused.
    let mut no_reason = input;
    no_reason.idem_key = "vente-2".into();
    no_reason.lines[0].price_reason.clear();
    let e = c.books.sell(&c.actor, &c.org, no_reason).unwrap_err();
    assert_eq!(coop_err(e), CoopError::PriceReasonRequired);
}

#[test]
fn stock_accounts_and_document_entries_are_kept_by_their_documents() {
    let mut c = Coop::new();
    c.buy("tissu", Qty::units(4), 4_000, PayMethod::Credit)
        .unwrap();
    // A hand-typed entry on a stock account is refused…
    let entry = jatebo::domain::ledger::NewEntry {
        date: d("2026-11-05"),
        doc_ref: "OD-1".into(),
        memo: "correction".into(),
        idem_key: "od-1".into(),
        lines: jatebo::domain::ledger::parse_lines("3221;D;500\n6032;C;500").unwrap(),
        source: None,
    };
    let e = c.books.post(&c.actor, &c.org, entry).unwrap_err();
    assert!(matches!(coop_err(e), CoopError::ManagedStockAccount { .. }));
    // …and so is a bare reversal of a document's entry.
    let n = jatebo::domain::ledger::EntryNumber::parse("2026-000001").unwrap();
    let e = c
        .books
        .reverse(&c.actor, &c.org, n, d("2026-11-05"), "erreur", None)
        .unwrap_err();
    assert!(matches!(coop_err(e), CoopError::DocumentEntry { .. }));
    c.assert_books_agree();
}

#[test]
fn a_count_proposes_and_records_the_differences() {
    let mut c = Coop::new();
    c.buy("tissu", Qty::units(10), 12_000, PayMethod::Credit)
        .unwrap();
    let counts = vec![("tissu".to_string(), Qty::from_milli(9_500))];
    let p = c.books.count_preview(&c.org, &counts).unwrap();
    assert_eq!(p[0].difference, Qty::from_milli(-500));
    assert_eq!(p[0].value, Fcfa::new(-600));
    c.books
        .count(
            &c.actor,
            &c.org,
            d("2026-11-30"),
            &counts,
            "inventaire de fin de mois",
            "inv-1",
        )
        .unwrap();
    assert_eq!(
        c.level("tissu"),
        (Qty::from_milli(9_500), Fcfa::new(11_400))
    );
    assert_eq!(c.net("6032"), 600 - 12_000);
    c.assert_books_agree();
}

#[derive(Clone, Debug)]
enum Op {
    Buy(u8, i64, i64),
    Run(i64),
    Sell(u8, i64, u8),
    Return(i64),
    Lose(u8, i64),
    Find(u8, i64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0u8..2, 1i64..20_000, 1i64..30_000).prop_map(|(i, q, a)| Op::Buy(i, q, a)),
        (1i64..6).prop_map(Op::Run),
        (0u8..2, 1i64..6, 0u8..3).prop_map(|(i, q, m)| Op::Sell(i, q, m)),
        (1i64..3).prop_map(Op::Return),
        (0u8..2, 1i64..3_000).prop_map(|(i, q)| Op::Lose(i, q)),
        (0u8..2, 1i64..3_000).prop_map(|(i, q)| Op::Find(i, q)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// After any sequence of purchases, runs, sales, returns and
    /// adjustments (refused ones included), the stock accounts equal the
    /// values of the items and every item's level is the sum of its stock
    /// ledger.
    #[test]
    fn stock_ledger_equals_stock_accounts(ops in prop::collection::vec(op(), 1..25)) {
        let mut c = Coop::new();
        c.recipe();
        let materials = ["tissu", "elastique"];
        let products = ["masque-adulte", "masque-enfant"];
        let mut receipts: Vec<i64> = Vec::new();
        for o in ops {
            let k = c.key();
            let r = match o {
                Op::Buy(i, q, a) => c.buy(materials[i as usize], Qty::from_milli(q), a, PayMethod::Credit),
                Op::Run(b) => c.run(b).map(|_| ()),
                Op::Sell(i, q, m) => {
                    let method = [PayMethod::Cash, PayMethod::Orange, PayMethod::Wave][m as usize];
                    c.sale("2026-11-04", method, None, &[(products[i as usize], q)]).map(|n| receipts.push(n))
                }
                Op::Return(q) => match receipts.last() {
                    Some(&n) => {
                        let item = c.books.receipt(&c.org, "sale", n).unwrap().lines[0].item.clone();
                        c.books.return_sale(&c.actor, &c.org, ReturnInput {
                            date: d("2026-11-04"), point: String::new(), receipt: n,
                            lines: vec![(item, Qty::units(q))], reason: "retour".into(), idem_key: k,
                        }).map(|_| ())
                    }
                    None => Ok(()),
                },
                Op::Lose(i, q) | Op::Find(i, q) => {
                    let reason = if matches!(o, Op::Lose(..)) { AdjustReason::Damage } else { AdjustReason::Found };
                    c.books.adjust(&c.actor, &c.org, AdjustInput {
                        date: d("2026-11-05"), item: materials[i as usize].into(), qty: Qty::from_milli(q),
                        reason, unit_cost: Some(rust_decimal::Decimal::from(90)), note: String::new(), idem_key: k,
                    }).map(|_| ())
                }
            };
            if let Err(e) = r {
                // Refusals are the expected ones, never a broken invariant.
                let e = coop_err(e);
                prop_assert!(matches!(e, CoopError::NotEnough { .. } | CoopError::ReturnTooMuch { .. }), "{e:?}");
            }
            for s in c.books.stock_check(&c.org).unwrap() {
                prop_assert_eq!(s.ledger, s.stock, "account {}", s.account);
            }
        }
        let v = c.books.verify(None).unwrap();
        prop_assert!(v.ok(), "{:?}", v.problems);
    }
}

/// DOMAIN.md §4: net surplus 1 000 000 F, capital 500 000 F → general
/// reserve 200 000, training reserve 200 000, optional reserve 100 000,
/// interest on parts at 5 % 25 000, ristourne pool 475 000; a member who made
/// 20 % of the dealings receives 95 000.
#[test]
fn the_surplus_allocation_reproduces_the_worked_example() {
    use jatebo::domain::surplus::SurplusPolicy;
    use rust_decimal::Decimal;
    let mut c = Coop::new();
    let names = ["Awa", "Aïcha", "Fatoumata", "Mariam", "Kadiatou"];
    let parts = [20, 30, 10, 20, 20]; // × 5 000 F = 500 000 F
    let dealings = [200_000, 300_000, 250_000, 150_000, 100_000];
    for (i, n) in names.iter().enumerate() {
        let m = c
            .books
            .add_coop_member(
                &c.actor,
                &c.org,
                n,
                "",
                d("2025-01-10"),
                parts[i],
                Fcfa::new(5_000),
                PayMethod::Cash,
            )
            .unwrap();
        c.books
            .set_member_dealings(&c.actor, &c.org, m.number, 2025, Fcfa::new(dealings[i]))
            .unwrap();
    }
    let grant = jatebo::domain::ledger::NewEntry {
        date: d("2025-06-30"),
        doc_ref: "CONV-1".into(),
        memo: "Subvention".into(),
        idem_key: "grant".into(),
        lines: jatebo::domain::ledger::parse_lines("5711;D;1000000\n7182;C;1000000").unwrap(),
        source: None,
    };
    c.books.post(&c.actor, &c.org, grant).unwrap();
    let policy = SurplusPolicy {
        general_pct: Decimal::new(20, 2),
        training_pct: Decimal::new(20, 2),
        optional_pct: Decimal::new(10, 2),
        interest_rate: Decimal::new(5, 2),
        carried_forward: Fcfa::ZERO,
    };
    // Not before the year is closed.
    let e = c.books.surplus_preview(&c.org, 2025, &policy).unwrap_err();
    assert_eq!(coop_err(e), CoopError::NoResult { year: 2025 });
    c.books.close_year(&c.actor, &c.org, 2025).unwrap();
    let org = c.books.org("masques").unwrap();
    let p = c.books.surplus_preview(&org, 2025, &policy).unwrap();
    let a = &p.allocation;
    assert_eq!(a.surplus, Fcfa::new(1_000_000));
    assert_eq!(a.capital, Fcfa::new(500_000));
    assert_eq!(
        [
            a.general_reserve,
            a.training_reserve,
            a.optional_reserve,
            a.interest,
            a.ristourne
        ],
        [200_000, 200_000, 100_000, 25_000, 475_000].map(Fcfa::new)
    );
    // Aïcha made 30 % of the dealings, Awa 20 %.
    assert_eq!(p.members[0].ristourne, Fcfa::new(95_000));
    assert_eq!(p.members[1].ristourne, Fcfa::new(142_500));
    assert_eq!(p.members[1].interest, Fcfa::new(7_500));
    // Dated in the year: refused; then posted once.
    let e = c
        .books
        .allocate_surplus(&c.actor, &org, 2025, &policy, d("2025-12-31"))
        .unwrap_err();
    assert!(matches!(coop_err(e), CoopError::AllocationInYear { .. }));
    let posted = c
        .books
        .allocate_surplus(&c.actor, &org, 2025, &policy, d("2026-03-14"))
        .unwrap();
    assert!(posted.entry.is_some());
    assert_eq!(c.net("131"), 0);
    assert_eq!(c.net("1111"), -200_000);
    assert_eq!(c.net("1112"), -200_000);
    assert_eq!(c.net("1181"), -100_000);
    assert_eq!(c.net("465"), -500_000);
    let e = c
        .books
        .allocate_surplus(&c.actor, &org, 2025, &policy, d("2026-03-15"))
        .unwrap_err();
    assert_eq!(coop_err(e), CoopError::AlreadyAllocated { year: 2025 });
    let recorded = c.books.surplus_recorded(&org, 2025).unwrap().unwrap();
    assert_eq!(recorded.members, posted.members);
    assert_eq!(recorded.allocation.ristourne, Fcfa::new(475_000));
    c.assert_books_agree();
}

#[test]
fn a_sale_without_a_point_goes_to_the_point_used_last() {
    let mut c = Coop::new();
    c.buy("tissu", Qty::units(4), 4_000, PayMethod::Credit)
        .unwrap();
    c.buy("elastique", Qty::units(8), 800, PayMethod::Credit)
        .unwrap();
    c.recipe();
    c.run(4).unwrap();
    // The very first sale with no point named goes to "boutique".
    c.sale("2026-11-04", PayMethod::Cash, None, &[("masque-adulte", 1)])
        .unwrap();
    let k = c.key();
    let mut at_market = SaleInput {
        date: d("2026-11-05"),
        point: "marche".into(),
        customer: None,
        method: PayMethod::Cash,
        lines: vec![SaleLineInput {
            item: "masque-adulte".into(),
            qty: Qty::units(1),
            price: None,
            price_reason: String::new(),
            discount: Discount::None,
        }],
        idem_key: k,
    };
    c.books.sell(&c.actor, &c.org, at_market.clone()).unwrap();
    at_market.point.clear();
    at_market.idem_key = c.key();
    c.books.sell(&c.actor, &c.org, at_market).unwrap();
    assert_eq!(
        c.books
            .sales_summary(&c.org, "boutique", "2026-11-04")
            .unwrap()
            .sales_count,
        1
    );
    let z = c.books.sales_summary(&c.org, "", "2026-11-05").unwrap();
    assert_eq!((z.point.as_str(), z.sales_count), ("marche", 2));
}
