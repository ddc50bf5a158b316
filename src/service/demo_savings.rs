//! The demo savings group, `ton-sabali`, run the way a facilitator runs it:
//! every meeting opened on the count of the box, its grid read from the
//! meeting sheet the secretary filled on paper, the social fund's grants and
//! loans, the close on the computed counts (a coin missing now and then);
//! one meeting reopened and corrected, a member joining and one leaving, a
//! share-out, then a second cycle still running in November 2026.
//! Deterministic: a fixed seed, fixed dates, the service's own keys.
//!
//! Cycle 1 (8 January – 30 July 2026): 20 members, 15 meetings every
//! 14 days, loans from the second meeting that fall due before the last one,
//! two members repaying late, a member whose last loan is netted at the
//! share-out. Cycle 2 (from 6 August 2026): 8 meetings up to 12 November,
//! loans running (one overdue); the loan of a member who died is written
//! off by two users (see [`after_users`]).

use chrono::{Duration, Months, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::demo::Rng;
use super::savings::{
    CloseInput, CycleInput, MeetingView, OpenInput, SgMemberInput, SocialInput, accounts,
};
use super::{Actor, Books, OrgKind};
use crate::domain::money::Fcfa;
use crate::domain::savings::{Attendance, Constitution, LoanStatus, MemberRole, RowInput};
use crate::error::Result;
use crate::store::OrgRow;

pub(super) const CODE: &str = "ton-sabali";
const NAME: &str = "Groupe d'épargne Sabali";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid demo date")
}

/// The founding members: name, office, phone, and the shares she usually
/// buys at a meeting.
#[rustfmt::skip]
const MEMBERS: [(&str, MemberRole, &str, u32); 20] = [
    ("Awa Traoré",          MemberRole::President,    "+223 76 41 22 08", 4),
    ("Aïcha Coulibaly",     MemberRole::Secretary,    "+223 66 18 90 35", 3),
    ("Kadiatou Fané",       MemberRole::BoxKeeper,    "+223 79 02 55 61", 3),
    ("Oumou Sangaré",       MemberRole::MoneyCounter, "",                 4),
    ("Rokia Konaté",        MemberRole::MoneyCounter, "+223 65 30 11 47", 2),
    ("Assétou Dembélé",     MemberRole::KeyHolder,    "",                 2),
    ("Salimata Sidibé",     MemberRole::KeyHolder,    "+223 78 84 06 12", 3),
    ("Djénéba Touré",       MemberRole::KeyHolder,    "",                 2),
    ("Mariam Keïta",        MemberRole::Member,       "+223 76 95 27 80", 5),
    ("Hawa Camara",         MemberRole::Member,       "",                 3),
    ("Fanta Koné",          MemberRole::Member,       "+223 69 12 73 04", 3),
    ("Bintou Sissoko",      MemberRole::Member,       "",                 2),
    ("Aminata Coulibaly",   MemberRole::Member,       "+223 75 60 48 19", 1),
    ("Nana Cissé",          MemberRole::Member,       "",                 4),
    ("Korotoumou Bagayoko", MemberRole::Member,       "+223 74 27 91 66", 4),
    ("Sata Diallo",         MemberRole::Member,       "",                 3),
    ("Ramata Maïga",        MemberRole::Member,       "+223 66 73 05 28", 2),
    ("Safiatou Togola",     MemberRole::Member,       "",                 1),
    ("Maïmouna Samaké",     MemberRole::Member,       "+223 79 58 14 93", 5),
    ("Adiaratou Dao",       MemberRole::Member,       "",                 2),
];

/// Joins at the sixth meeting of cycle 1.
const JOINER_1: (&str, &str, u32) = ("Kadidia Guindo", "+223 65 88 21 70", 2);
/// Joins when cycle 2 starts.
const JOINER_2: (&str, &str, u32) = ("Aïssata Kanté", "+223 76 03 64 52", 3);
/// Leaves after the ninth meeting of cycle 1 (moves to Ségou).
const LEAVER: i64 = 17;
/// Died in November, during cycle 2: her loan is written off.
const DECEASED: i64 = 14;

/// The standard constitution, shares rounded to 25 F at the share-out.
fn constitution() -> Constitution {
    Constitution {
        rounding_unit: 25,
        ..Constitution::standard()
    }
}

/// How a member repays her loans in a cycle.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Payer {
    /// The interest and a third of the principal when a month has ended;
    /// what remains at the last meeting before the due date.
    OnTime,
    /// Nothing until the loan is overdue, then half, then the rest.
    Late,
    /// Only the interest at the last meeting: the rest is netted at the
    /// share-out.
    Netted,
    /// One month's interest, then nothing: overdue at the end.
    Stops,
}

fn payer(cycle: i64, member: i64) -> Payer {
    match (cycle, member) {
        (1, 10 | 15) => Payer::Late,
        (1, 11) => Payer::Netted,
        (2, 16) => Payer::Stops,
        _ => Payer::OnTime,
    }
}

/// What happens at one meeting besides the ordinary rows.
#[derive(Default)]
struct Events {
    /// Borrowing whatever the draw: member, amount wished, term in months.
    loans: Vec<(i64, i64, u32)>,
    /// Social fund movements: member, kind, amount, reason, note, term.
    social: Vec<(i64, &'static str, i64, &'static str, &'static str, u32)>,
    /// Absent without a fine (in mourning).
    excused: Vec<i64>,
    /// Counted minus computed at the close, loan fund and social fund, and
    /// the reason written in the notebook.
    diff: (i64, i64, &'static str),
    /// The member who bought 4 shares and whom the secretary wrote down
    /// for 2: the meeting is reopened and corrected.
    miscopied: Option<i64>,
}

fn events(cycle: i64, meeting: usize) -> Events {
    let mut e = Events::default();
    match (cycle, meeting) {
        (1, 3) => e.loans.push((10, 10_000, 3)),
        (1, 4) => {
            e.loans.push((15, 15_000, 3));
            e.social.push((
                10,
                "grant",
                5_000,
                "health",
                "Consultation et médicaments au CSCom de Sabalibougou pour son fils",
                0,
            ));
        }
        (1, 6) => {
            e.miscopied = Some(4);
            e.diff = (1_000, 0, "1 000 F de plus que prévu au comptage");
        }
        (1, 7) => e.social.push((
            12,
            "loan",
            5_000,
            "health",
            "Hospitalisation de son mari au CSRéf de la commune V",
            2,
        )),
        (1, 8) => e.diff = (-100, 0, "Pièce de 100 F introuvable au comptage"),
        (1, 9) => e
            .social
            .push((12, "repay", 2_500, "health", "Premier remboursement", 0)),
        (1, 10) => e.social.push((
            16,
            "grant",
            7_500,
            "funeral",
            "Funérailles de sa mère à Kati",
            0,
        )),
        (1, 11) => e
            .social
            .push((12, "repay", 2_500, "health", "Solde du prêt", 0)),
        (1, 12) => e.loans.push((11, 7_500, 1)),
        (2, 2) => e.loans.push((16, 7_500, 2)),
        (2, 3) => {
            e.loans.push((DECEASED, 12_500, 3));
            e.social.push((
                5,
                "grant",
                5_000,
                "health",
                "Paludisme de sa fille, CSCom de Sabalibougou",
                0,
            ));
        }
        (2, 4) => {
            e.diff = (
                0,
                -200,
                "Erreur de rendu de monnaie sur les cotisations au fonds social",
            );
        }
        (2, 8) => {
            e.excused.push(DECEASED);
            e.social.push((
                DECEASED,
                "grant",
                10_000,
                "funeral",
                "Funérailles de Nana Cissé, remis à sa famille",
                0,
            ));
        }
        _ => {}
    }
    e
}

/// Amounts a member asks to borrow.
const WISHES: [i64; 8] = [
    7_500, 10_000, 12_500, 15_000, 15_000, 20_000, 25_000, 30_000,
];

fn round_up(amount: i64, unit: i64) -> i64 {
    (amount + unit - 1) / unit * unit
}

/// Her repayment at a meeting: `next` is the date of the next one, `last`
/// says it is the last before the share-out (every loan is cleared then, but
/// the one to be netted).
fn repayment(p: Payer, st: &LoanStatus, next: NaiveDate, last: bool) -> Fcfa {
    let part = |divisor: i64| {
        let principal = st.balance.francs() + st.principal_paid.francs();
        let p = round_up(principal / divisor, 500);
        if p >= st.balance.francs() {
            st.payoff
        } else {
            Fcfa::new(st.interest_due.francs() + p)
        }
    };
    match p {
        _ if last && p != Payer::Netted => st.payoff,
        Payer::OnTime => {
            if next > st.due {
                st.payoff
            } else if st.interest_due.is_positive() {
                part(3)
            } else {
                Fcfa::ZERO
            }
        }
        Payer::Late => match st.days_overdue {
            0 => Fcfa::ZERO,
            1..15 => part(2),
            _ => st.payoff,
        },
        Payer::Netted => st.interest_due,
        Payer::Stops => {
            if st.interest_paid.is_zero() {
                st.interest_due
            } else {
                Fcfa::ZERO
            }
        }
    }
}

/// The longest term (up to the constitution's) of a loan granted on
/// `date` that falls due by `by`; 0 when none does.
fn term_until(date: NaiveDate, by: Option<NaiveDate>, max: u32) -> u32 {
    let Some(by) = by else { return max };
    (1..=max)
        .rev()
        .find(|t| {
            date.checked_add_months(Months::new(*t))
                .is_some_and(|d| d <= by)
        })
        .unwrap_or(0)
}

struct Group<'a> {
    books: &'a mut Books,
    actor: &'a Actor,
    org: OrgRow,
    rng: Rng,
    cycle: i64,
    /// Shares usually bought, by member number.
    habit: Vec<u32>,
}

/// One member's row as the sheet will say it.
struct Line {
    number: i64,
    name: String,
    row: RowInput,
}

impl Group<'_> {
    fn add(
        &mut self,
        name: &str,
        role: MemberRole,
        phone: &str,
        shares: u32,
        joined: NaiveDate,
    ) -> Result<()> {
        let m = self.books.add_sg_member(
            self.actor,
            &self.org,
            SgMemberInput {
                number: None,
                name: name.into(),
                phone: phone.into(),
                role,
                joined,
            },
        )?;
        let n = usize::try_from(m.number).unwrap_or(0);
        if self.habit.len() <= n {
            self.habit.resize(n + 1, 1);
        }
        self.habit[n] = shares;
        Ok(())
    }

    fn net(&self, account: &str) -> Result<Fcfa> {
        Ok(Fcfa::new(
            self.books
                .store()
                .read()
                .account_net(self.org.id, account)?,
        ))
    }

    fn shares(&mut self, number: i64) -> u32 {
        let base = self.habit[usize::try_from(number).unwrap_or(0)];
        let shift = [-1i64, 0, 0, 0, 1][self.rng.below(5) as usize];
        u32::try_from((i64::from(base) + shift).clamp(1, 5)).unwrap_or(1)
    }

    /// One meeting, from the opening count to the close. `first` and `last`
    /// of the cycle (no loan at the first; every loan cleared at the last);
    /// `lend_by`: new loans must fall due by then (None: any term).
    fn meeting(
        &mut self,
        date: NaiveDate,
        first: bool,
        last: bool,
        lend_by: Option<NaiveDate>,
        no_borrow: &[i64],
        ev: &Events,
    ) -> Result<()> {
        let open = OpenInput {
            date,
            loan_cash: self.net(accounts::LOAN_CASH)?,
            social_cash: self.net(accounts::SOCIAL_CASH)?,
            reason: String::new(),
        };
        let v = self.books.open_meeting(self.actor, &self.org, open)?;
        let c = v.constitution.clone();
        let next = date + Duration::days(i64::from(c.frequency_days));
        let price = c.share_price.francs();
        let mut lines: Vec<Line> = Vec::new();
        // Who may borrow today: (index in `lines`, the most she may take).
        let mut borrowers: Vec<(usize, i64)> = Vec::new();
        for r in &v.rows {
            let n = r.member.number;
            let forced = ev.loans.iter().any(|l| l.0 == n);
            let copied_short = ev.miscopied == Some(n);
            let must_come = forced || copied_short || (last && r.loan.is_some());
            let draw = self.rng.below(100);
            let mut row = RowInput::default_for(&c);
            if ev.excused.contains(&n) {
                row = RowInput {
                    fine_levied: Fcfa::ZERO,
                    ..RowInput::absent(&c)
                };
            } else if !must_come && draw < 4 {
                row = RowInput::absent(&c);
            } else {
                if !must_come && draw < 8 {
                    row.attendance = Attendance::Represented;
                }
                row.shares = if copied_short { 4 } else { self.shares(n) };
                if row.attendance == Attendance::Present && self.rng.chance(6) {
                    let late = c.fine("retard").unwrap_or(Fcfa::ZERO);
                    row.fine_levied = late;
                    row.fine_paid = late;
                }
                if r.fines_owed.is_positive() && self.rng.chance(80) {
                    row.fine_paid = Fcfa::new(row.fine_paid.francs() + r.fines_owed.francs());
                }
                let mut clears = r.loan.is_none();
                if let Some((_, st)) = &r.loan {
                    row.repay = if forced {
                        st.payoff
                    } else {
                        repayment(payer(self.cycle, n), st, next, last)
                    };
                    clears = row.repay == st.payoff;
                }
                let savings = r.savings_before.francs() + i64::from(row.shares) * price;
                let limit = (Decimal::from(savings) * c.max_loan_multiple)
                    .floor()
                    .to_i64()
                    .unwrap_or(0);
                if clears && !first && (forced || !no_borrow.contains(&n)) {
                    borrowers.push((lines.len(), limit));
                }
            }
            lines.push(Line {
                number: n,
                name: r.member.name.clone(),
                row,
            });
        }
        // New loans: the ones asked for first, then those the draw gives,
        // each within her limit and the cash in the box once every row of
        // the meeting is in.
        let mut cash = v.opening_loan.francs()
            + lines
                .iter()
                .map(|l| l.row.loan_fund_in(&c, Fcfa::ZERO))
                .sum::<i64>()
            - ev.miscopied.map_or(0, |_| 2 * price);
        for &(i, limit) in &borrowers {
            let n = lines[i].number;
            let Some(&(_, wish, term)) = ev.loans.iter().find(|l| l.0 == n) else {
                continue;
            };
            let amount = wish.min(limit).min(cash) / 2_500 * 2_500;
            if amount > 0 {
                lines[i].row.new_loan = Fcfa::new(amount);
                lines[i].row.loan_term = term;
                cash -= amount;
            }
        }
        let term = term_until(date, lend_by, c.max_term_months);
        let mut granted = 0;
        for &(i, limit) in &borrowers {
            if term == 0 || granted >= 6 || !lines[i].row.new_loan.is_zero() {
                continue;
            }
            if ev.loans.iter().any(|l| l.0 == lines[i].number) || !self.rng.chance(35) {
                continue;
            }
            let wish = WISHES[self.rng.below(WISHES.len() as u64) as usize];
            let amount = wish.min(limit).min(cash) / 2_500 * 2_500;
            if amount >= 5_000 {
                cash -= amount;
                lines[i].row.new_loan = Fcfa::new(amount);
                lines[i].row.loan_term = if term == 3 && self.rng.chance(25) {
                    2
                } else {
                    term
                };
                granted += 1;
            }
        }
        // The sheet as the secretary filled it.
        let mut sheet = String::from(
            "Numéro;Nom;Présence;Fonds social;Parts;Remboursement;Amende;Amende payée;Prêt;Durée\n",
        );
        for l in &lines {
            let r = &l.row;
            let shares = if ev.miscopied == Some(l.number) {
                r.shares.saturating_sub(2)
            } else {
                r.shares
            };
            let cell = |f: Fcfa| {
                if f.is_zero() {
                    String::new()
                } else {
                    f.francs().to_string()
                }
            };
            sheet.push_str(&format!(
                "{};{};{};{};{};{};{};{};{};{}\n",
                l.number,
                l.name,
                match r.attendance {
                    Attendance::Present => "p",
                    Attendance::Absent => "a",
                    Attendance::Represented => "r",
                },
                cell(r.social),
                if shares == 0 {
                    String::new()
                } else {
                    shares.to_string()
                },
                cell(r.repay),
                cell(r.fine_levied),
                cell(r.fine_paid),
                cell(r.new_loan),
                if r.new_loan.is_zero() {
                    String::new()
                } else {
                    r.loan_term.to_string()
                },
            ));
        }
        let mut v = self.books.import_sheet(self.actor, &self.org, &sheet)?;
        for &(member, kind, amount, reason, note, term) in &ev.social {
            v = self.books.add_social(
                self.actor,
                &self.org,
                SocialInput {
                    member: member.to_string(),
                    kind: kind.into(),
                    amount: Fcfa::new(amount),
                    reason: reason.into(),
                    note: note.into(),
                    term,
                },
            )?;
        }
        self.close(&v, ev.diff)?;
        if let Some(n) = ev.miscopied {
            // The secretary reads the sheet back: two shares were missing,
            // which is the cash found over. Reopened, corrected, closed.
            self.books.reopen_meeting(
                self.actor,
                &self.org,
                None,
                "Parts d'Oumou Sangaré mal recopiées : 4 et non 2 (l'excédent de 1 000 F au comptage)",
            )?;
            let line = lines
                .iter()
                .find(|l| l.number == n)
                .expect("miscopied member");
            let v =
                self.books
                    .record_row(self.actor, &self.org, &n.to_string(), line.row.clone())?;
            self.close(&v, (0, 0, ""))?;
        }
        Ok(())
    }

    /// Closes the meeting `v` shows (the grid as last saved) on its
    /// computed counts plus the differences found.
    fn close(&mut self, v: &MeetingView, (loan, social, reason): (i64, i64, &str)) -> Result<()> {
        self.books.close_meeting(
            self.actor,
            &self.org,
            CloseInput {
                loan_cash: Fcfa::new(v.closing_loan.francs() + loan),
                social_cash: Fcfa::new(v.closing_social.francs() + social),
                reason: reason.into(),
            },
        )?;
        Ok(())
    }
}

/// The group's two cycles. Returns the organisation.
pub(super) fn savings(books: &mut Books, actor: &Actor, seed: u64) -> Result<OrgRow> {
    let org = books.add_org(actor, CODE, NAME, OrgKind::Savings)?;
    let start = day(2026, 1, 8);
    let lend_by = day(2026, 7, 23);
    let shared = day(2026, 7, 30);
    books.start_cycle(
        actor,
        &org,
        CycleInput {
            start,
            planned_end: shared,
            constitution: constitution(),
        },
    )?;
    let mut g = Group {
        books,
        actor,
        org,
        rng: Rng(seed),
        cycle: 1,
        habit: Vec::new(),
    };
    for (name, role, phone, shares) in MEMBERS {
        g.add(name, role, phone, shares, start)?;
    }
    let dates: Vec<NaiveDate> = (0..15).map(|k| start + Duration::days(14 * k)).collect();
    for (k, &date) in dates.iter().enumerate() {
        let number = k + 1;
        if number == 6 {
            g.add(JOINER_1.0, MemberRole::Member, JOINER_1.1, JOINER_1.2, date)?;
        }
        let no_borrow: &[i64] = if number >= 6 { &[LEAVER] } else { &[] };
        g.meeting(
            date,
            k == 0,
            k + 1 == dates.len(),
            Some(lend_by),
            no_borrow,
            &events(1, number),
        )?;
        if number == 9 {
            g.books.member_leave(
                g.actor,
                &g.org,
                &LEAVER.to_string(),
                date + Duration::days(2),
            )?;
        }
    }
    g.books.post_shareout(g.actor, &g.org, shared)?;
    // Cycle 2: the same rules, the members carried over and one more.
    let start = day(2026, 8, 6);
    g.cycle = 2;
    g.books.start_cycle(
        g.actor,
        &g.org,
        CycleInput {
            start,
            planned_end: day(2027, 2, 25),
            constitution: constitution(),
        },
    )?;
    g.add(
        JOINER_2.0,
        MemberRole::Member,
        JOINER_2.1,
        JOINER_2.2,
        start,
    )?;
    let dates: Vec<NaiveDate> = (0..8).map(|k| start + Duration::days(14 * k)).collect();
    for (k, &date) in dates.iter().enumerate() {
        g.meeting(date, k == 0, false, None, &[DECEASED], &events(2, k + 1))?;
    }
    Ok(g.org)
}

/// Once the demo's users exist: the loan of the member who died is written
/// off, approved by the president and the facilitator, and her savings are
/// paid to her family.
pub(super) fn after_users(books: &mut Books, admin: &Actor, approvers: &[&str]) -> Result<()> {
    let org = books.org(CODE)?;
    let date = day(2026, 11, 13);
    let loan = books
        .loans(&org, date)?
        .into_iter()
        .find(|l| l.member == DECEASED && l.loan.fund == "loan" && !l.status.closed);
    if let Some(l) = loan {
        let approvers: Vec<String> = approvers.iter().map(|a| a.to_string()).collect();
        books.write_off(
            admin,
            &org,
            l.loan.number,
            date,
            "Décès de Nana Cissé : l'assemblée du 12/11 a décidé d'effacer le reste de son prêt",
            &approvers,
        )?;
    }
    books.member_leave(admin, &org, &DECEASED.to_string(), date)?;
    Ok(())
}
