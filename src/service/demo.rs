//! The demo ledger: a soap cooperative and a mask cooperative with
//! June–November 2026 of realistic activity, and a savings group with a
//! cycle shared out in July and a second running in November (see
//! `demo_savings`), posted through the same ledger path as everything else.
//! Deterministic: the same ledger every time (a fixed-seed generator, fixed
//! dates, fixed idempotency keys).

use serde::Serialize;

use super::{Actor, Books, OrgKind};
use crate::domain::Lang;
use crate::domain::access::Role;
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
    // The savings group, through its meetings; its month close leaves
    // November open (its last meeting, the write-off and the departure).
    let sabali = super::demo_savings::savings(books, actor, rng.next_u64())?;
    books.close_month(actor, &sabali, Month::new(2026, 10).expect("valid month"))?;
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
    super::demo_savings::after_users(books, &admin, &["Awa Traoré", "Fatoumata Diarra"])?;
    let org = books.org(super::demo_savings::CODE)?;
    summary.entries += org.entries as usize;
    summary.organisations.push(org);
    summary.users = books.users()?.len();
    Ok(summary)
}
