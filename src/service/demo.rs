//! The demo ledger: a soap cooperative, a mask cooperative and a savings
//! group with June–November 2026 of realistic activity, posted through the
//! same ledger path as everything else. Deterministic: the same ledger every
//! time (a fixed-seed generator, fixed dates, fixed idempotency keys).

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::{Actor, Books, OrgKind};
use crate::domain::Lang;
use crate::domain::access::Role;
use crate::domain::account::AccountNumber;
use crate::domain::ledger::{LineInput, NewEntry, Side};
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
    // Built without waiting for the disk after every document (a demo is
    // rebuilt, never repaired); made durable at the end.
    books.store.relaxed_durability(true)?;
    let coops: [(&str, &str, u64); 2] = [
        (
            "savon",
            "Coopérative des savonnières de Sabalibougou",
            0x736176,
        ),
        (
            "masques",
            "Coopérative de couture Benkadi (masques)",
            0x6d6173,
        ),
    ];
    for (code, name, seed) in coops {
        let org = books.add_org(actor, code, name, OrgKind::Coop)?;
        if code == "savon" {
            super::demo_coop::soap(books, actor, &org, seed)?;
        } else {
            super::demo_coop::masks(books, actor, &org, seed)?;
        }
        books.close_month(actor, &org, Month::new(2026, 9).expect("valid month"))?;
        let org = books.org(code)?;
        summary.entries += org.entries as usize;
        summary.organisations.push(org);
    }
    {
        let (code, name) = ("ton-sabali", "Groupe d'épargne Sabali");
        let batch = savings(&mut rng);
        let org = books.add_org(actor, code, name, OrgKind::Savings)?;
        for (i, member) in MEMBERS.iter().enumerate() {
            books.add_account(
                actor,
                &org,
                &member_account(i),
                &format!("Épargne – {member}"),
                Some(&format!("Savings – {member}")),
            )?;
        }
        let outcomes = books.post_many(actor, &org, &batch.entries)?;
        summary.entries += outcomes.len();
        books.close_month(actor, &org, Month::new(2026, 10).expect("valid month"))?;
        summary.organisations.push(books.org(code)?);
    }
    books.store.relaxed_durability(false)?;
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
