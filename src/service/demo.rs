//! The demo ledger: a soap cooperative, a mask cooperative and a savings
//! group with June–November 2026 of realistic activity, posted through the
//! same ledger path as everything else. Deterministic: the same ledger every
//! time (a fixed-seed generator, fixed dates, fixed idempotency keys).

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

use super::{Actor, Books, OrgKind};
use crate::domain::Lang;
use crate::domain::access::Role;
use crate::domain::account::AccountNumber;
use crate::domain::ledger::{EntryNumber, LineInput, NewEntry, Side};
use crate::domain::money::{Fcfa, allocate};
use crate::domain::period::Month;
use crate::error::Result;
use crate::store::OrgRow;

#[derive(Clone, Debug, Serialize)]
pub struct DemoSummary {
    pub organisations: Vec<OrgRow>,
    pub entries: usize,
    pub users: usize,
}

/// Small deterministic generator (SplitMix64): the demo (and the benchmark
/// ledger) must not change from one run to the next, on any platform.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid demo date")
}

fn acc(n: &str) -> AccountNumber {
    AccountNumber::parse(n).expect("demo account")
}

fn dr(account: &str, amount: i64) -> LineInput {
    LineInput {
        account: acc(account),
        side: Side::Debit,
        amount: Fcfa::new(amount),
        label: String::new(),
    }
}

fn cr(account: &str, amount: i64) -> LineInput {
    LineInput {
        account: acc(account),
        side: Side::Credit,
        amount: Fcfa::new(amount),
        label: String::new(),
    }
}

/// Entries being prepared for one organisation.
struct Batch {
    org: String,
    entries: Vec<NewEntry>,
}

impl Batch {
    fn new(org: &str) -> Batch {
        Batch {
            org: org.to_string(),
            entries: Vec::new(),
        }
    }

    fn add(&mut self, date: NaiveDate, doc: &str, memo: &str, lines: Vec<LineInput>) {
        let n = self.entries.len() + 1;
        self.entries.push(NewEntry {
            date,
            doc_ref: doc.to_string(),
            memo: memo.to_string(),
            idem_key: format!("demo:{}:{n}", self.org),
            lines,
            source: None,
        });
    }
}

const START: (i32, u32, u32) = (2026, 6, 1);
const END: (i32, u32, u32) = (2026, 11, 20);

fn days() -> impl Iterator<Item = NaiveDate> {
    let start = day(START.0, START.1, START.2);
    let end = day(END.0, END.1, END.2);
    (0..=(end - start).num_days()).map(move |i| start + Duration::days(i))
}

fn soap(rng: &mut Rng) -> Batch {
    let mut b = Batch::new("savon");
    b.add(
        day(2026, 6, 1),
        "AG-2026-01",
        "Libération des parts sociales : 25 membres × 10 000 F",
        vec![dr("5711", 250_000), cr("1013", 250_000)],
    );
    let mut receipt = 0;
    let mut month_sales_om = 0i64;
    for d in days() {
        let wd = d.weekday().num_days_from_monday();
        // Materials bought at the Médine market every Monday.
        if wd == 0 {
            let oil = rng.range(2, 4) * 4_500;
            let soda = rng.range(1, 2) * 2_500;
            let scent = rng.range(1, 2) * 1_500;
            b.add(
                d,
                &format!("ACH-{}", d.format("%Y%m%d")),
                "Achat huile de palme, soude caustique et parfum au marché",
                vec![
                    LineInput {
                        label: "huile de palme".into(),
                        ..dr("6021", oil)
                    },
                    LineInput {
                        label: "soude caustique".into(),
                        ..dr("6021", soda)
                    },
                    LineInput {
                        label: "parfum".into(),
                        ..dr("6021", scent)
                    },
                    cr("5711", oil + soda + scent),
                ],
            );
        }
        // Market days: Tuesday, Thursday, Saturday.
        if matches!(wd, 1 | 3 | 5) {
            receipt += 1;
            let bars = rng.range(12, 40);
            let big = rng.range(0, 8);
            let cash = bars * 300 + big * 500;
            b.add(
                d,
                &format!("VTE-{receipt:04}"),
                &format!("Ventes du jour au comptant : {bars} savons à 300 F, {big} à 500 F"),
                vec![dr("5711", cash), cr("70211", cash)],
            );
            if rng.chance(60) {
                receipt += 1;
                let om = rng.range(3, 12) * 300;
                month_sales_om += om;
                b.add(
                    d,
                    &format!("VTE-{receipt:04}"),
                    "Ventes payées par Orange Money",
                    vec![dr("5521", om), cr("70211", om)],
                );
            }
        }
        let last_of_month = d.succ_opt().is_none_or(|n| n.month() != d.month());
        if d.day() == 5 {
            b.add(
                d,
                &format!("LOY-{}", d.format("%Y%m")),
                "Loyer de l'atelier",
                vec![dr("6222", 10_000), cr("5711", 10_000)],
            );
        }
        if d.day() == 12 {
            let bars = rng.range(80, 150);
            b.add(
                d,
                &format!("FAC-S-{}", d.format("%Y%m")),
                &format!("Facture CSCom de Sabalibougou : {bars} savons à 250 F (à crédit)"),
                vec![dr("4111", bars * 250), cr("70211", bars * 250)],
            );
        }
        if d.day() == 28 && d.month() > 6 {
            // Last month's invoice paid by the CSCom into the bank.
            let prev = b
                .entries
                .iter()
                .rev()
                .find(|e| e.doc_ref.starts_with("FAC-S-") && e.date.month() == d.month() - 1)
                .map(|e| e.lines[0].amount.francs());
            if let Some(amount) = prev {
                b.add(
                    d,
                    &format!("VIR-CSCOM-{}", d.format("%Y%m")),
                    "Règlement de la facture du mois précédent par le CSCom (virement)",
                    vec![dr("5211", amount), cr("4111", amount)],
                );
            }
        }
        if last_of_month {
            if month_sales_om > 0 {
                let fee = (month_sales_om + 99) / 100;
                b.add(
                    d,
                    &format!("OM-{}", d.format("%Y%m")),
                    "Frais Orange Money du mois",
                    vec![dr("6317", fee), cr("5521", fee)],
                );
                month_sales_om = 0;
            }
            b.add(
                d,
                &format!("DEP-{}", d.format("%Y%m")),
                "Dépôt de la caisse à la banque (sortie de caisse)",
                vec![dr("585", 40_000), cr("5711", 40_000)],
            );
            b.add(
                d,
                &format!("DEP-{}", d.format("%Y%m")),
                "Dépôt de la caisse à la banque (crédit du compte)",
                vec![dr("5211", 40_000), cr("585", 40_000)],
            );
        }
    }
    b
}

fn masks(rng: &mut Rng) -> Batch {
    let mut b = Batch::new("masques");
    b.add(
        day(2026, 6, 2),
        "AG-2026-01",
        "Libération des parts sociales : 30 membres × 5 000 F",
        vec![dr("5711", 150_000), cr("1013", 150_000)],
    );
    b.add(
        day(2026, 6, 8),
        "CONV-ONG-2026",
        "Subvention de fonctionnement de l'ONG santé (virement)",
        vec![dr("5211", 200_000), cr("7182", 200_000)],
    );
    b.add(
        day(2026, 6, 15),
        "FAC-MAC-118",
        "Achat d'une machine à coudre (virement)",
        vec![dr("2411", 95_000), cr("5211", 95_000)],
    );
    let mut receipt = 0;
    for d in days() {
        let wd = d.weekday().num_days_from_monday();
        if d.day() == 3 || d.day() == 17 {
            let metres = rng.range(20, 40);
            let elastic = rng.range(2, 5) * 1_000;
            b.add(
                d,
                &format!("ACH-T-{}", d.format("%Y%m%d")),
                &format!("Achat de {metres} m de tissu de coton, élastique et fil"),
                vec![
                    LineInput {
                        label: "tissu".into(),
                        ..dr("6021", metres * 1_250)
                    },
                    LineInput {
                        label: "élastique et fil".into(),
                        ..dr("6021", elastic)
                    },
                    cr("5711", metres * 1_250 + elastic),
                ],
            );
        }
        if matches!(wd, 0 | 2 | 4) {
            receipt += 1;
            let adult = rng.range(3, 15);
            let child = rng.range(0, 10);
            let total = adult * 1_000 + child * 600;
            b.add(
                d,
                &format!("VTE-{receipt:04}"),
                &format!(
                    "Ventes du jour : {adult} masques adulte à 1 000 F, {child} enfant à 600 F"
                ),
                vec![dr("5711", total), cr("70212", total)],
            );
            if rng.chance(35) {
                receipt += 1;
                let wave = rng.range(2, 6) * 1_000;
                b.add(
                    d,
                    &format!("VTE-{receipt:04}"),
                    "Ventes payées par Wave",
                    vec![dr("5523", wave), cr("70212", wave)],
                );
            }
        }
        if d == day(2026, 8, 10) {
            b.add(
                d,
                "FAC-M-2026-001",
                "Commande de l'ONG : 500 masques adulte à 1 000 F (à crédit)",
                vec![dr("4111", 500_000), cr("70212", 500_000)],
            );
        }
        if d == day(2026, 9, 14) {
            b.add(
                d,
                "VIR-ONG-0914",
                "Règlement de la facture FAC-M-2026-001 par l'ONG",
                vec![dr("5211", 500_000), cr("4111", 500_000)],
            );
        }
        if d == day(2026, 10, 6) {
            b.add(
                d,
                "FAC-M-2026-002",
                "CSCom : 150 masques enfant à 600 F (à crédit)",
                vec![dr("4111", 90_000), cr("70212", 90_000)],
            );
        }
        if d == day(2026, 11, 9) {
            b.add(
                d,
                "VIR-CSCOM-1109",
                "Acompte du CSCom sur FAC-M-2026-002",
                vec![dr("5211", 50_000), cr("4111", 50_000)],
            );
        }
        if d.day() == 25 {
            let power = rng.range(6, 11) * 1_000;
            b.add(
                d,
                &format!("ELEC-{}", d.format("%Y%m")),
                "Électricité de l'atelier (EDM)",
                vec![dr("6052", power), cr("5711", power)],
            );
        }
    }
    b
}

const MEMBERS: [&str; 20] = [
    "Awa Traoré",
    "Aïcha Coulibaly",
    "Fatoumata Diarra",
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
    "Aminata Doumbia",
    "Nana Cissé",
    "Korotoumou Bagayoko",
    "Sata Diallo",
    "Ramata Maïga",
    "Safiatou Togola",
    "Maïmouna Samaké",
];

fn member_account(i: usize) -> String {
    format!("4621{:03}", i + 1)
}

struct Loan {
    member: usize,
    principal: i64,
    instalments: Vec<i64>,
    paid: usize,
}

fn savings(rng: &mut Rng) -> Batch {
    let mut b = Batch::new("ton-sabali");
    let share = 500;
    let social = 100;
    let mut cash = 0i64; // loan-fund cash box
    let mut loans: Vec<Loan> = Vec::new();
    let first = day(2026, 6, 4);
    // Opening levy of 400 F a member, spent at once on the group's kit.
    b.add(
        first,
        "REG-2026",
        "Cotisation d'ouverture (20 × 400 F) dépensée pour le registre, les livrets et les cadenas",
        vec![dr("6055", 3_500), dr("6056", 4_500), cr("7588", 8_000)],
    );
    for k in 0..13 {
        let d = first + Duration::days(14 * k);
        let label = d.format("%d/%m/%Y").to_string();
        let doc = format!("REU-{:02}", k + 1);
        // Shares: each member buys 1 to 4 shares of 500 F.
        let mut lines = Vec::new();
        let mut total = 0;
        for (i, name) in MEMBERS.iter().enumerate() {
            if rng.chance(5) {
                continue; // absent, bought nothing
            }
            let n = rng.range(1, 4);
            total += n * share;
            lines.push(LineInput {
                label: format!("{name} : {n} part(s)"),
                ..cr(&member_account(i), n * share)
            });
        }
        lines.insert(0, dr("5711", total));
        cash += total;
        b.add(
            d,
            &doc,
            &format!("Réunion du {label} : achat de parts"),
            lines,
        );
        b.add(
            d,
            &doc,
            &format!("Réunion du {label} : cotisations au fonds social"),
            vec![dr("5721", social * 20), cr("1121", social * 20)],
        );
        // Repayments of loans due at this meeting (every second meeting).
        let mut repay_lines = Vec::new();
        let mut repaid_cash = 0;
        for loan in loans.iter_mut() {
            if loan.paid < loan.instalments.len() && (k as usize).is_multiple_of(2) {
                let principal = loan.instalments[loan.paid];
                let interest = loan.principal / 10; // 10 % a month, flat
                loan.paid += 1;
                repaid_cash += principal + interest;
                let who = MEMBERS[loan.member];
                repay_lines.push(LineInput {
                    label: format!("{who} : capital"),
                    ..cr("2712", principal)
                });
                repay_lines.push(LineInput {
                    label: format!("{who} : intérêts"),
                    ..cr("7712", interest)
                });
            }
        }
        if repaid_cash > 0 {
            repay_lines.insert(0, dr("5711", repaid_cash));
            cash += repaid_cash;
            b.add(
                d,
                &doc,
                &format!("Réunion du {label} : remboursements de prêts"),
                repay_lines,
            );
        }
        // Fines for lateness.
        let late = rng.range(0, 3);
        if late > 0 {
            b.add(
                d,
                &doc,
                &format!("Réunion du {label} : amendes de retard ({late} × 200 F)"),
                vec![dr("5711", late * 200), cr("75883", late * 200)],
            );
            cash += late * 200;
        }
        // New loans from the second meeting, never more than the box holds.
        if k >= 1 {
            for _ in 0..rng.range(1, 3) {
                let member = rng.range(0, 19) as usize;
                if loans.iter().any(|l| l.member == member && l.paid < 3) {
                    continue;
                }
                let principal = rng.range(2, 10) * 5_000;
                if principal > cash {
                    continue;
                }
                let parts = allocate(Fcfa::new(principal), &[1, 1, 1]).expect("weights");
                loans.push(Loan {
                    member,
                    principal,
                    instalments: parts.iter().map(|p| p.francs()).collect(),
                    paid: 0,
                });
                cash -= principal;
                b.add(
                    d,
                    &doc,
                    &format!(
                        "Réunion du {label} : prêt à {} (3 mois, 10 %/mois)",
                        MEMBERS[member]
                    ),
                    vec![
                        LineInput {
                            label: MEMBERS[member].to_string(),
                            ..dr("2712", principal)
                        },
                        cr("5711", principal),
                    ],
                );
            }
        }
        if k == 7 {
            b.add(
                d,
                &doc,
                "Aide du fonds social : soins au CSCom pour l'enfant de Hawa Camara",
                vec![dr("1121", 5_000), cr("5721", 5_000)],
            );
        }
    }
    b
}

/// The passphrase of every demo user: for trying jatebo only.
pub const DEMO_PASSPHRASE: &str = "jatebo-demo";

/// Builds the demo into an empty ledger; returns what it made.
pub fn build(books: &mut Books, actor: &Actor) -> Result<DemoSummary> {
    let mut rng = Rng(0x6A61_7465_626F); // "jatebo"
    let mut summary = DemoSummary {
        organisations: Vec::new(),
        entries: 0,
        users: 0,
    };
    let plans: [(&str, &str, OrgKind, Batch, Option<Month>); 3] = [
        (
            "savon",
            "Coopérative des savonnières de Sabalibougou",
            OrgKind::Coop,
            soap(&mut rng),
            Month::new(2026, 9),
        ),
        (
            "masques",
            "Coopérative de couture Benkadi (masques)",
            OrgKind::Coop,
            masks(&mut rng),
            Month::new(2026, 9),
        ),
        (
            "ton-sabali",
            "Groupe d'épargne Sabali",
            OrgKind::Savings,
            savings(&mut rng),
            Month::new(2026, 10),
        ),
    ];
    for (code, name, kind, batch, close_through) in plans {
        let org = books.add_org(actor, code, name, kind)?;
        if kind == OrgKind::Savings {
            for (i, member) in MEMBERS.iter().enumerate() {
                books.add_account(
                    actor,
                    &org,
                    &member_account(i),
                    &format!("Épargne – {member}"),
                    Some(&format!("Savings – {member}")),
                )?;
            }
        }
        let outcomes = books.post_many(actor, &org, &batch.entries)?;
        summary.entries += outcomes.len();
        if code == "savon" {
            summary.entries += correction(books, actor, &org)?;
        }
        if let Some(m) = close_through {
            books.close_month(actor, &org, m)?;
        }
        summary.organisations.push(books.org(code)?);
    }
    // The people who keep these books.
    books.add_user(actor, "Awa Traoré", DEMO_PASSPHRASE, Lang::Fr)?;
    let admin = books.login("Awa Traoré", DEMO_PASSPHRASE)?;
    let grants: [(&str, Lang, &[&str], Role); 3] = [
        (
            "Mariam Keïta",
            Lang::Fr,
            &["savon", "masques"],
            Role::Treasurer,
        ),
        (
            "Fatoumata Diarra",
            Lang::Fr,
            &["ton-sabali"],
            Role::Facilitator,
        ),
        ("NGO Auditor", Lang::En, &[], Role::Auditor),
    ];
    for (name, lang, orgs, role) in grants {
        books.add_user(&admin, name, DEMO_PASSPHRASE, lang)?;
        if orgs.is_empty() {
            books.set_role(&admin, name, None, Some(role))?;
        }
        for code in orgs {
            let org = books.org(code)?;
            books.set_role(&admin, name, Some(&org), Some(role))?;
        }
    }
    summary.users = books.users()?.len();
    Ok(summary)
}

/// A sale entered twice by mistake, then corrected by a reversal: the way
/// mistakes are fixed in these books.
fn correction(books: &mut Books, actor: &Actor, org: &OrgRow) -> Result<usize> {
    let d = day(2026, 10, 20);
    let dup = NewEntry {
        date: d,
        doc_ref: "VTE-DOUBLON".into(),
        memo: "Ventes du jour au comptant (saisie en double par erreur)".into(),
        idem_key: "demo:savon:doublon".into(),
        lines: vec![dr("5711", 7_500), cr("70211", 7_500)],
        source: None,
    };
    let posted = books.post(actor, org, dup)?;
    let number: EntryNumber = posted.number();
    books.reverse(
        actor,
        org,
        number,
        d,
        "saisie en double de la vente du 20/10",
        Some("demo:savon:doublon:reverse"),
    )?;
    Ok(2)
}
