//! The demo cooperatives' trade, June–November 2026, recorded through the
//! same documents a treasurer uses: purchases at the market, production
//! runs by recipe, receipts at the sales point, institutional invoices paid
//! late, daily closes with the odd cash difference, a damaged batch and a
//! physical count. Deterministic (fixed seed, dates and keys).

use chrono::{Datelike, Duration, NaiveDate};

use super::coop::{
    AdjustInput, NewItem, PaymentInput, PurchaseInput, RunInput, SaleInput, SaleLineInput,
    StockLineInput,
};
use super::demo::Rng;
use super::{Actor, Books};
use crate::domain::coop::{
    AdjustReason, CashCount, CoopError, Discount, ItemKind, PayMethod, Qty, Unit,
};
use crate::domain::ledger::NewEntry;
use crate::domain::money::Fcfa;
use crate::error::{Error, Result};
use crate::store::OrgRow;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid demo date")
}

const START: (i32, u32, u32) = (2026, 6, 1);
const END: (i32, u32, u32) = (2026, 11, 20);

fn days() -> impl Iterator<Item = NaiveDate> {
    let start = day(START.0, START.1, START.2);
    let end = day(END.0, END.1, END.2);
    (0..=(end - start).num_days()).map(move |i| start + Duration::days(i))
}

/// A demo sale line: item, quantity, and a price other than the list's
/// with its reason.
type DemoLine<'a> = (&'a str, i64, Option<(i64, &'a str)>);

/// One cooperative's books being written.
struct Shop<'a> {
    books: &'a mut Books,
    actor: &'a Actor,
    org: OrgRow,
    point: &'static str,
    rng: Rng,
    n: u32,
}

impl Shop<'_> {
    fn key(&mut self) -> String {
        self.n += 1;
        format!("demo:{}:{}", self.org.code, self.n)
    }

    #[allow(clippy::too_many_arguments)]
    fn item(
        &mut self,
        code: &str,
        name: &str,
        kind: ItemKind,
        unit: Unit,
        price: Option<i64>,
        reorder: i64,
        stock: &str,
        flow: Option<&str>,
        variation: Option<&str>,
    ) -> Result<()> {
        self.books.add_item(
            self.actor,
            &self.org,
            NewItem {
                code: code.into(),
                name: name.into(),
                kind,
                unit,
                price: price.map(Fcfa::new),
                reorder: Qty::units(reorder),
                stock_account: stock.into(),
                flow_account: flow.map(str::to_string),
                variation_account: variation.map(str::to_string),
            },
        )?;
        Ok(())
    }

    fn entry(&mut self, date: NaiveDate, doc: &str, memo: &str, lines: &str) -> Result<()> {
        let key = self.key();
        let lines =
            crate::domain::ledger::parse_lines(lines).map_err(|(line, e)| Error::LinesFile {
                line,
                detail: crate::i18n::message(&e),
            })?;
        self.books.post(
            self.actor,
            &self.org,
            NewEntry {
                date,
                doc_ref: doc.into(),
                memo: memo.into(),
                idem_key: key,
                lines,
                source: None,
            },
        )?;
        Ok(())
    }

    fn buy(
        &mut self,
        date: NaiveDate,
        supplier: &str,
        method: PayMethod,
        lines: &[(&str, Qty, i64)],
    ) -> Result<Fcfa> {
        let key = self.key();
        let out = self.books.purchase(
            self.actor,
            &self.org,
            PurchaseInput {
                date,
                supplier: supplier.into(),
                reference: String::new(),
                method,
                lines: lines
                    .iter()
                    .map(|(i, q, a)| StockLineInput {
                        item: (*i).into(),
                        qty: *q,
                        amount: Fcfa::new(*a),
                    })
                    .collect(),
                idem_key: key,
            },
        )?;
        Ok(out.total)
    }

    fn stock(&self, code: &str) -> Result<i64> {
        Ok(self.books.item(&self.org, code)?.qty.milli() / 1000)
    }

    /// Cash when the box holds enough, else Orange Money, else on the
    /// supplier's credit.
    fn method_for(&self, amount: i64) -> Result<PayMethod> {
        let r = self.books.store().read();
        Ok(if r.account_net(self.org.id, "5711")? >= amount + 5_000 {
            PayMethod::Cash
        } else if r.account_net(self.org.id, "5521")? >= amount {
            PayMethod::Orange
        } else {
            PayMethod::Credit
        })
    }

    fn cash(&self) -> Result<i64> {
        self.books.store().read().account_net(self.org.id, "5711")
    }

    /// Runs as many batches (up to `max`) as the materials allow.
    fn produce(&mut self, date: NaiveDate, recipe: &str, max: i64) -> Result<i64> {
        let mut b = max;
        while b > 0 {
            let key = self.key();
            match self.books.produce(
                self.actor,
                &self.org,
                RunInput {
                    date,
                    recipe: recipe.into(),
                    batches: Qty::units(b),
                    note: String::new(),
                    idem_key: key,
                },
            ) {
                Ok(_) => return Ok(b),
                Err(Error::Coop(CoopError::NotEnough { .. })) => b -= 1,
                Err(e) => return Err(e),
            }
        }
        Ok(0)
    }

    /// A receipt; skipped when the stock is short (the customer leaves
    /// with what there is another day).
    fn sell(
        &mut self,
        date: NaiveDate,
        method: PayMethod,
        customer: Option<&str>,
        lines: &[DemoLine<'_>],
    ) -> Result<Option<i64>> {
        let lines: Vec<SaleLineInput> = lines
            .iter()
            .filter(|(_, q, _)| *q > 0)
            .map(|(i, q, p)| SaleLineInput {
                item: (*i).into(),
                qty: Qty::units(*q),
                price: p.map(|(v, _)| Fcfa::new(v)),
                price_reason: p.map(|(_, r)| r.to_string()).unwrap_or_default(),
                discount: Discount::None,
            })
            .collect();
        if lines.is_empty() {
            return Ok(None);
        }
        let key = self.key();
        match self.books.sell(
            self.actor,
            &self.org,
            SaleInput {
                date,
                point: self.point.into(),
                customer: customer.map(str::to_string),
                method,
                lines,
                idem_key: key,
            },
        ) {
            Ok(o) => Ok(Some(o.number)),
            Err(Error::Coop(CoopError::NotEnough { .. })) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn pay(
        &mut self,
        date: NaiveDate,
        customer: &str,
        method: PayMethod,
        amount: i64,
    ) -> Result<()> {
        let key = self.key();
        self.books.receive_payment(
            self.actor,
            &self.org,
            PaymentInput {
                date,
                point: self.point.into(),
                customer: customer.into(),
                method,
                amount: Fcfa::new(amount),
                invoice: None,
                idem_key: key,
            },
        )?;
        Ok(())
    }

    /// Seals the day at the sales point: the count is usually right, now
    /// and then a little short or over.
    fn close_day(&mut self, date: NaiveDate) -> Result<()> {
        let z = self
            .books
            .sales_summary(&self.org, self.point, &date.to_string())?;
        if z.sales_count == 0 && z.returns_count == 0 && z.payments_total.is_zero() {
            return Ok(());
        }
        let expected = z.cash_expected.francs();
        let roll = self.rng.below(100);
        let (diff, reason) = if roll < 6 && expected >= 500 {
            (-(self.rng.range(1, 5) * 100), "erreur de monnaie rendue")
        } else if roll < 9 {
            (
                self.rng.range(1, 2) * 100,
                "pièce oubliée dans la caisse la veille",
            )
        } else {
            (0, "")
        };
        let counted = CashCount::parse(&(expected + diff).to_string())?;
        self.books.close_day(
            self.actor, &self.org, self.point, date, date, &counted, reason,
        )?;
        Ok(())
    }

    fn deposit(&mut self, date: NaiveDate, keep: i64) -> Result<()> {
        let cash = self.cash()?;
        let amount = (cash - keep) / 5_000 * 5_000;
        if amount >= 5_000 {
            let doc = format!("DEP-{}", date.format("%Y%m"));
            self.entry(
                date,
                &doc,
                "Dépôt de la caisse à la banque (sortie de caisse)",
                &format!("585;D;{amount}\n5711;C;{amount}"),
            )?;
            self.entry(
                date,
                &doc,
                "Dépôt de la caisse à la banque (crédit du compte)",
                &format!("5211;D;{amount}\n585;C;{amount}"),
            )?;
        }
        Ok(())
    }

    fn members(&mut self, names: &[&str], date: NaiveDate, parts: i64, value: i64) -> Result<()> {
        for (i, name) in names.iter().enumerate() {
            let m = self.books.add_coop_member(
                self.actor,
                &self.org,
                name,
                &format!("7{}{:06}", 6 + i % 3, 120_000 + i * 7_919),
                date,
                parts,
                Fcfa::new(value),
                PayMethod::Cash,
            )?;
            let dealings = self.rng.range(40, 160) * 1_000;
            self.books.set_member_dealings(
                self.actor,
                &self.org,
                m.number,
                2026,
                Fcfa::new(dealings),
            )?;
        }
        Ok(())
    }

    fn month_closes(&mut self, date: NaiveDate) -> Result<()> {
        if date.day() == 1 && date > day(START.0, START.1, START.2) {
            let prev = date - Duration::days(1);
            let period = prev.format("%Y-%m").to_string();
            self.books
                .close_sales_period(self.actor, &self.org, self.point, &period, date)?;
        }
        Ok(())
    }
}

const SOAP_MEMBERS: [&str; 12] = [
    "Awa Traoré",
    "Aïcha Coulibaly",
    "Mariam Keïta",
    "Kadiatou Fané",
    "Oumou Sangaré",
    "Rokia Konaté",
    "Assétou Dembélé",
    "Salimata Sidibé",
    "Djénéba Touré",
    "Hawa Camara",
    "Fanta Koné",
    "Bintou Sissoko",
];

const MASK_MEMBERS: [&str; 10] = [
    "Aminata Doumbia",
    "Nana Cissé",
    "Korotoumou Bagayoko",
    "Sata Diallo",
    "Ramata Maïga",
    "Safiatou Togola",
    "Maïmouna Samaké",
    "Fatoumata Diarra",
    "Mariam Keïta",
    "Tenin Berthé",
];

/// The soap makers of Sabalibougou: Monday purchases at the Médine
/// market, Monday runs, sales at the market Tuesday, Thursday and
/// Saturday, a monthly invoice to the health centre paid a month later.
pub(super) fn soap(books: &mut Books, actor: &Actor, org: &OrgRow, seed: u64) -> Result<()> {
    let mut s = Shop {
        books,
        actor,
        org: org.clone(),
        point: "marche",
        rng: Rng(seed),
        n: 0,
    };
    use ItemKind::{Material, Product};
    s.item(
        "huile",
        "Huile de palme",
        Material,
        Unit::Litre,
        None,
        10,
        "3211",
        None,
        None,
    )?;
    s.item(
        "karite",
        "Beurre de karité",
        Material,
        Unit::Kg,
        None,
        4,
        "3211",
        None,
        None,
    )?;
    s.item(
        "soude",
        "Soude caustique",
        Material,
        Unit::Kg,
        None,
        2,
        "3212",
        None,
        None,
    )?;
    s.item(
        "parfum",
        "Parfum",
        Material,
        Unit::Litre,
        None,
        0,
        "3213",
        None,
        None,
    )?;
    s.item(
        "emballage",
        "Papier d'emballage",
        Material,
        Unit::Piece,
        None,
        50,
        "3351",
        Some("6081"),
        Some("6033"),
    )?;
    s.item(
        "savon",
        "Savon de ménage",
        Product,
        Unit::Piece,
        Some(300),
        40,
        "361",
        Some("70211"),
        None,
    )?;
    s.item(
        "savon-karite",
        "Savon au karité",
        Product,
        Unit::Piece,
        Some(500),
        20,
        "361",
        Some("70211"),
        None,
    )?;
    let l = |v: i64| Qty::from_milli(v);
    s.books.add_recipe(
        actor,
        org,
        "savon-40",
        "Savon de ménage, 40 pains",
        "savon",
        Qty::units(40),
        &[
            ("huile".into(), l(8_000)),
            ("soude".into(), l(1_200)),
            ("parfum".into(), l(200)),
            ("emballage".into(), l(40_000)),
        ],
    )?;
    s.books.add_recipe(
        actor,
        org,
        "karite-30",
        "Savon au karité, 30 pains",
        "savon-karite",
        Qty::units(30),
        &[
            ("karite".into(), l(4_000)),
            ("huile".into(), l(2_000)),
            ("soude".into(), l(900)),
            ("parfum".into(), l(200)),
            ("emballage".into(), l(30_000)),
        ],
    )?;
    s.books.save_customer(
        actor,
        org,
        "cscom",
        Some("CSCom de Sabalibougou"),
        Some("76 45 12 30"),
        Some(Fcfa::new(100_000)),
    )?;
    s.members(&SOAP_MEMBERS, day(2026, 6, 1), 2, 10_000)?;
    let mut invoices: Vec<(NaiveDate, i64)> = Vec::new();
    let mut om_month = 0i64;
    for d in days() {
        s.month_closes(d)?;
        let wd = d.weekday().num_days_from_monday();
        if wd == 0 {
            // Buy what the week's runs need, at this week's market price.
            let price = s.rng.range(85, 100) * 10;
            let oil = (36 - s.stock("huile")?).max(0);
            let soda = (6 - s.stock("soude")?).max(0);
            let wrap = (220 - s.stock("emballage")?).max(0);
            let mut lines = Vec::new();
            if oil > 0 {
                lines.push(("huile", Qty::units(oil), oil * price));
            }
            if soda > 0 {
                lines.push(("soude", Qty::units(soda), soda * 1_250));
            }
            if s.books.item(org, "parfum")?.qty.milli() < 800 {
                lines.push(("parfum", Qty::units(1), 3_000));
            }
            if wrap > 0 {
                lines.push(("emballage", Qty::units(wrap), wrap * 10));
            }
            if d.iso_week().week() % 2 == 0 {
                let k = (8 - s.stock("karite")?).max(0);
                if k > 0 {
                    lines.push(("karite", Qty::units(k), k * 1_500));
                }
            }
            if !lines.is_empty() {
                let total: i64 = lines.iter().map(|l| l.2).sum();
                let method = s.method_for(total)?;
                s.buy(d, "Marché de Médine", method, &lines)?;
            }
            let bars = s.stock("savon")?;
            s.produce(d, "savon-40", ((240 - bars) / 40).clamp(0, 4))?;
            let k = s.stock("savon-karite")?;
            s.produce(d, "karite-30", ((60 - k) / 30).clamp(0, 2))?;
        }
        if d.day() == 5 {
            s.entry(
                d,
                &format!("LOY-{}", d.format("%Y%m")),
                "Loyer de l'atelier",
                "6222;D;10000\n5711;C;10000",
            )?;
        }
        if matches!(wd, 1 | 3 | 5) {
            for _ in 0..s.rng.range(3, 6) {
                let method = if s.rng.chance(30) {
                    PayMethod::Orange
                } else {
                    PayMethod::Cash
                };
                let a = s.rng.range(1, 8);
                let b = s.rng.range(0, 2);
                let sold = s.sell(
                    d,
                    method,
                    None,
                    &[("savon", a, None), ("savon-karite", b, None)],
                )?;
                if sold.is_some() && method == PayMethod::Orange {
                    om_month += a * 300 + b * 500;
                }
            }
        }
        if d.day() == 12 {
            let bars = s.rng.range(60, 100);
            if let Some(n) = s.sell(
                d,
                PayMethod::Credit,
                Some("cscom"),
                &[("savon", bars, Some((250, "tarif du CSCom")))],
            )? {
                invoices.push((d, n));
            }
        }
        if d.day() == 28 {
            // Last month's invoice paid by transfer.
            if let Some(pos) = invoices
                .iter()
                .position(|(date, _)| date.month() + 1 == d.month())
            {
                invoices.remove(pos);
                let owed = s.books.invoices(org, Some("cscom"), false)?;
                if let Some(first) = owed.first() {
                    let amount = first.owed.francs();
                    s.pay(d, "cscom", PayMethod::Bank, amount)?;
                }
            }
        }
        if matches!(wd, 1 | 3 | 5) || d.day() == 12 || d.day() == 28 {
            s.close_day(d)?;
        }
        if d == day(2026, 10, 20) {
            s.entry(
                d,
                "LOY-DOUBLON",
                "Loyer de l'atelier (saisi en double par erreur)",
                "6222;D;10000\n5711;C;10000",
            )?;
            let n = s.books.org(&org.code)?.head_number;
            let n = crate::domain::ledger::EntryNumber::parse(&n).expect("entry number");
            s.books.reverse(
                actor,
                org,
                n,
                d,
                "loyer d'octobre saisi deux fois",
                Some("demo:savon:doublon:reverse"),
            )?;
        }
        let last_of_month = d.succ_opt().is_none_or(|n| n.month() != d.month());
        if last_of_month {
            if om_month > 0 {
                let fee = (om_month + 99) / 100;
                s.entry(
                    d,
                    &format!("OM-{}", d.format("%Y%m")),
                    "Frais Orange Money du mois",
                    &format!("6317;D;{fee}\n5521;C;{fee}"),
                )?;
                om_month = 0;
            }
            s.deposit(d, 30_000)?;
        }
        if d == day(2026, 9, 21) {
            let key = s.key();
            s.books.adjust(
                actor,
                org,
                AdjustInput {
                    date: d,
                    item: "savon".into(),
                    qty: Qty::units(12),
                    reason: AdjustReason::Damage,
                    unit_cost: None,
                    note: "pains fendus au démoulage".into(),
                    idem_key: key,
                },
            )?;
        }
    }
    Ok(())
}

/// The Benkadi sewing cooperative: fabric bought twice a month, runs on
/// Tuesdays and Thursdays, sales at the workshop Monday, Wednesday and
/// Friday, an NGO order of 500 masks paid five weeks late, a health centre
/// that paid part of its invoice, a school that has not paid yet.
pub(super) fn masks(books: &mut Books, actor: &Actor, org: &OrgRow, seed: u64) -> Result<()> {
    let mut s = Shop {
        books,
        actor,
        org: org.clone(),
        point: "atelier",
        rng: Rng(seed),
        n: 0,
    };
    use ItemKind::{Material, Product};
    s.item(
        "tissu",
        "Tissu de coton",
        Material,
        Unit::Metre,
        None,
        10,
        "3221",
        None,
        None,
    )?;
    s.item(
        "elastique",
        "Élastique",
        Material,
        Unit::Metre,
        None,
        20,
        "3222",
        None,
        None,
    )?;
    s.item(
        "fil",
        "Fil à coudre",
        Material,
        Unit::Metre,
        None,
        200,
        "3223",
        None,
        None,
    )?;
    s.item(
        "masque-adulte",
        "Masque adulte",
        Product,
        Unit::Piece,
        Some(1_000),
        30,
        "362",
        Some("70212"),
        None,
    )?;
    s.item(
        "masque-enfant",
        "Masque enfant",
        Product,
        Unit::Piece,
        Some(600),
        20,
        "362",
        Some("70212"),
        None,
    )?;
    let l = |v: i64| Qty::from_milli(v);
    s.books.add_recipe(
        actor,
        org,
        "adulte-10",
        "Masques adulte, lot de 10",
        "masque-adulte",
        Qty::units(10),
        &[
            ("tissu".into(), l(2_500)),
            ("elastique".into(), l(4_000)),
            ("fil".into(), l(60_000)),
        ],
    )?;
    s.books.add_recipe(
        actor,
        org,
        "enfant-10",
        "Masques enfant, lot de 10",
        "masque-enfant",
        Qty::units(10),
        &[
            ("tissu".into(), l(1_500)),
            ("elastique".into(), l(3_000)),
            ("fil".into(), l(40_000)),
        ],
    )?;
    for (code, name, phone, limit) in [
        ("cscom", "CSCom de Sabalibougou", "76 45 12 30", 150_000),
        ("ong-sante", "ONG Santé pour tous", "20 22 41 07", 600_000),
        (
            "ecole",
            "École fondamentale de Niamakoro",
            "66 10 84 52",
            60_000,
        ),
    ] {
        s.books.save_customer(
            actor,
            org,
            code,
            Some(name),
            Some(phone),
            Some(Fcfa::new(limit)),
        )?;
    }
    s.members(&MASK_MEMBERS, day(2026, 6, 2), 3, 5_000)?;
    s.entry(
        day(2026, 6, 8),
        "CONV-ONG-2026",
        "Subvention de fonctionnement de l'ONG santé (virement)",
        "5211;D;200000\n7182;C;200000",
    )?;
    s.entry(
        day(2026, 6, 15),
        "FAC-MAC-118",
        "Achat d'une machine à coudre (virement)",
        "2411;D;95000\n5211;C;95000",
    )?;
    let mut adult_target = 60;
    for d in days() {
        s.month_closes(d)?;
        let wd = d.weekday().num_days_from_monday();
        if d.day() == 3 || d.day() == 17 {
            let metres = s.rng.range(20, 35);
            let price = if d.month() >= 9 { 1_300 } else { 1_250 };
            let method = if s.cash()? > metres * price + 20_000 {
                PayMethod::Cash
            } else {
                PayMethod::Credit
            };
            s.buy(
                d,
                "Grand marché de Bamako",
                method,
                &[
                    ("tissu", Qty::units(metres), metres * price),
                    ("elastique", Qty::units(50), 5_000),
                    ("fil", Qty::units(1_000), 2_000),
                ],
            )?;
        }
        if d == day(2026, 8, 1) {
            // The NGO's order: fabric on the supplier's credit, paid by transfer.
            let total = s.buy(
                d,
                "Tissus Diarra & fils",
                PayMethod::Credit,
                &[
                    ("tissu", Qty::units(130), 130 * 1_200),
                    ("elastique", Qty::units(200), 18_000),
                    ("fil", Qty::units(3_000), 6_000),
                ],
            )?;
            s.entry(
                day(2026, 8, 20),
                "VIR-DIARRA-0820",
                "Règlement de Tissus Diarra & fils (virement)",
                &format!("4011;D;{}\n5211;C;{}", total.francs(), total.francs()),
            )?;
            adult_target = 560;
        }
        if matches!(wd, 1 | 3) || (d.month() == 8 && d.day() < 10) {
            let a = s.stock("masque-adulte")?;
            s.produce(d, "adulte-10", ((adult_target - a) / 10).clamp(0, 12))?;
            let c = s.stock("masque-enfant")?;
            s.produce(d, "enfant-10", ((40 - c) / 10).clamp(0, 3))?;
        }
        if d == day(2026, 8, 10) {
            s.sell(
                d,
                PayMethod::Credit,
                Some("ong-sante"),
                &[("masque-adulte", 500, None)],
            )?;
            adult_target = 60;
        }
        if d == day(2026, 9, 1) {
            s.sell(
                d,
                PayMethod::Credit,
                Some("cscom"),
                &[("masque-adulte", 40, None)],
            )?;
        }
        if d == day(2026, 9, 28) {
            s.produce(d, "enfant-10", 15)?;
        }
        if d == day(2026, 10, 6) {
            s.sell(
                d,
                PayMethod::Credit,
                Some("cscom"),
                &[("masque-enfant", 150, None)],
            )?;
        }
        if d == day(2026, 11, 2) {
            s.sell(
                d,
                PayMethod::Credit,
                Some("ecole"),
                &[("masque-adulte", 30, Some((900, "prix école")))],
            )?;
        }
        // Late payers: the NGO five weeks after its invoice, the CSCom in
        // cash at the workshop, then part of the October invoice.
        if d == day(2026, 9, 14) {
            s.pay(d, "ong-sante", PayMethod::Bank, 500_000)?;
        }
        if d == day(2026, 10, 19) {
            s.pay(d, "cscom", PayMethod::Cash, 40_000)?;
        }
        if d == day(2026, 11, 9) {
            s.pay(d, "cscom", PayMethod::Bank, 50_000)?;
        }
        if matches!(wd, 0 | 2 | 4) {
            for _ in 0..s.rng.range(2, 5) {
                let method = match s.rng.below(10) {
                    0 | 1 => PayMethod::Wave,
                    2 => PayMethod::Orange,
                    _ => PayMethod::Cash,
                };
                let a = s.rng.range(0, 4);
                let c = s.rng.range(0, 3);
                s.sell(
                    d,
                    method,
                    None,
                    &[("masque-adulte", a, None), ("masque-enfant", c, None)],
                )?;
            }
        }
        s.close_day(d)?;
        if d.day() == 25 {
            let power = s.rng.range(6, 11) * 1_000;
            s.entry(
                d,
                &format!("ELEC-{}", d.format("%Y%m")),
                "Électricité de l'atelier (EDM)",
                &format!("6052;D;{power}\n5711;C;{power}"),
            )?;
        }
        let last_of_month = d.succ_opt().is_none_or(|n| n.month() != d.month());
        if last_of_month {
            s.deposit(d, 30_000)?;
        }
        if d == day(2026, 10, 31) {
            let fabric = s.books.item(org, "tissu")?.qty;
            let counted = Qty::from_milli((fabric.milli() - 500).max(0));
            let key = s.key();
            s.books.count(
                actor,
                org,
                d,
                &[("tissu".into(), counted)],
                "inventaire de fin octobre : chute de tissu perdue",
                &key,
            )?;
        }
    }
    Ok(())
}
