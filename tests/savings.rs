//! A savings group through the service layer: meetings with shares, the
//! social fund, repayments, fines and loans; the checks as typed; closing,
//! reopening and closing again; the share-out of the worked example; a
//! member leaving; write-offs; passbooks and indicators against the ledger.

use chrono::NaiveDate;
use jatebo::domain::money::Fcfa;
use jatebo::domain::savings::{
    Attendance, Constitution, InterestMode, MemberRole, RowInput, SavingsError,
};
use jatebo::error::Error;
use jatebo::service::savings::{CloseInput, CycleInput, OpenInput, SgMemberInput, SocialInput};
use jatebo::service::{Actor, Books, OrgKind};
use jatebo::store::OrgRow;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn f(n: i64) -> Fcfa {
    Fcfa::new(n)
}

const NAMES: [&str; 5] = [
    "Aminata Traoré",
    "Fatoumata Diarra",
    "Kadiatou Coulibaly",
    "Awa Keïta",
    "Mariam Sangaré",
];

struct Group {
    books: Books,
    actor: Actor,
    org: OrgRow,
}

impl Group {
    fn new(c: Constitution) -> Group {
        let mut books = Books::in_memory().unwrap();
        let actor = Actor::new("Oumou").unwrap();
        let org = books
            .add_org(&actor, "sabali", "Groupe Sabali", OrgKind::Savings)
            .unwrap();
        books
            .start_cycle(
                &actor,
                &org,
                CycleInput {
                    start: d("2026-01-05"),
                    planned_end: d("2026-12-31"),
                    constitution: c,
                },
            )
            .unwrap();
        for (i, n) in NAMES.iter().enumerate() {
            books
                .add_sg_member(
                    &actor,
                    &org,
                    SgMemberInput {
                        number: None,
                        name: n.to_string(),
                        phone: String::new(),
                        role: if i == 0 {
                            MemberRole::President
                        } else {
                            MemberRole::Member
                        },
                        joined: d("2026-01-05"),
                    },
                )
                .unwrap();
        }
        Group { books, actor, org }
    }

    fn open(&mut self, date: &str) {
        let cash = self
            .books
            .store()
            .read()
            .account_net(self.org.id, "5711")
            .unwrap();
        let social = self
            .books
            .store()
            .read()
            .account_net(self.org.id, "5721")
            .unwrap();
        self.books
            .open_meeting(
                &self.actor,
                &self.org,
                OpenInput {
                    date: d(date),
                    loan_cash: f(cash),
                    social_cash: f(social),
                    reason: String::new(),
                },
            )
            .unwrap();
    }

    fn row(&mut self, member: &str, r: RowInput) -> Result<(), Error> {
        self.books
            .record_row(&self.actor, &self.org, member, r)
            .map(|_| ())
    }

    fn close(&mut self) -> jatebo::service::savings::CloseOutcome {
        let v = self.books.meeting_view(&self.org, None).unwrap();
        self.books
            .close_meeting(
                &self.actor,
                &self.org,
                CloseInput {
                    loan_cash: v.closing_loan,
                    social_cash: v.closing_social,
                    reason: String::new(),
                },
            )
            .unwrap()
    }

    fn net(&self, account: &str) -> i64 {
        self.books
            .store()
            .read()
            .account_net(self.org.id, account)
            .unwrap()
    }

    fn verify(&self) {
        let report = self.books.verify(None).unwrap();
        assert!(report.ok(), "{report:?}");
    }
}

fn shares(n: u32) -> RowInput {
    RowInput {
        shares: n,
        ..RowInput::default_for(&Constitution::standard())
    }
}

#[test]
fn a_meeting_posts_every_franc_and_shows_a_closing_code() {
    let mut g = Group::new(Constitution::standard());
    g.open("2026-01-05");
    g.row("1", shares(2)).unwrap();
    g.row("fatoumata", shares(3)).unwrap();
    g.row("3", shares(1)).unwrap();
    g.row("4", RowInput::absent(&Constitution::standard()))
        .unwrap();
    // One row missing: the close is refused and names her.
    let v = g.books.meeting_view(&g.org, None).unwrap();
    let e = g
        .books
        .close_meeting(
            &g.actor,
            &g.org,
            CloseInput {
                loan_cash: v.closing_loan,
                social_cash: v.closing_social,
                reason: String::new(),
            },
        )
        .unwrap_err();
    assert!(
        matches!(e, Error::Savings(SavingsError::RowsMissing { ref members }) if members == "5")
    );
    g.row("Mariam Sangare", shares(4)).unwrap();
    let v = g.books.meeting_view(&g.org, None).unwrap();
    // 10 shares of 500 F; social 4 × 100 F.
    assert_eq!(v.totals.share_value, f(5_000));
    assert_eq!(v.closing_loan, f(5_000));
    assert_eq!(v.closing_social, f(400));
    assert_eq!(v.totals.fines_levied, f(200));
    let out = g.close();
    assert_eq!(out.entries, 5);
    assert!(out.code.starts_with("2026-000005-"), "{}", out.code);
    assert_eq!(g.net("5711"), 5_000);
    assert_eq!(g.net("5721"), 400);
    assert_eq!(g.net("1121"), -400);
    assert_eq!(g.net("4621002"), -1_500);
    assert_eq!(g.net("4711"), 200);
    g.verify();
    // A row slipped into the tables behind jatebo's back (three shares for
    // Awa, absent) is caught: the ledger does not show her savings.
    g.books
        .store()
        .raw_connection()
        .execute(
            "UPDATE sg_rows SET shares = 3 WHERE member_id = (SELECT id FROM sg_members WHERE number = 4)",
            [],
        )
        .unwrap_err();
    g.books
        .store()
        .raw_connection()
        .execute_batch(
            "DROP TRIGGER sg_rows_no_update;
             UPDATE sg_rows SET shares = 3 WHERE member_id = (SELECT id FROM sg_members WHERE number = 4);",
        )
        .unwrap();
    let report = g.books.verify(None).unwrap();
    let text = format!("{:?}", report.problems);
    assert!(
        text.contains("MemberMismatch") && text.contains("4621004"),
        "{text}"
    );
    assert!(text.contains("sg_rows_no_update"), "{text}");
}

#[test]
fn checks_refuse_bad_rows_and_nothing_is_half_recorded() {
    let mut g = Group::new(Constitution::standard());
    let generous = Constitution {
        max_loan_multiple: rust_decimal::Decimal::from(10),
        ..Constitution::standard()
    };
    g.open("2026-01-05");
    let e = g.row("1", shares(6)).unwrap_err();
    assert!(matches!(
        e,
        Error::Savings(SavingsError::SharesOutOfRange { shares: 6, .. })
    ));
    for i in 1..=5 {
        g.row(&i.to_string(), shares(5)).unwrap();
    }
    g.close();
    // The box holds 12 500 F. Member 1 has 2 500 F saved: at most 3 × (2 500
    // + today's) can be lent.
    g.open("2026-01-19");
    let big = RowInput {
        new_loan: f(20_000),
        ..shares(1)
    };
    let e = g.row("1", big).unwrap_err();
    assert!(
        matches!(e, Error::Savings(SavingsError::LoanAboveLimit { .. })),
        "{e:?}"
    );
    // A count that does not match cannot open a meeting without a reason.
    g.books.fill_default_rows(&g.actor, &g.org).unwrap();
    let out = g.close();
    assert!(!out.code.is_empty());
    let e = g
        .books
        .open_meeting(
            &g.actor,
            &g.org,
            OpenInput {
                date: d("2026-02-02"),
                loan_cash: f(1_000),
                social_cash: f(1_000),
                reason: String::new(),
            },
        )
        .unwrap_err();
    assert!(
        matches!(
            e,
            Error::Savings(SavingsError::CountMismatch { fund: "loan", .. })
        ),
        "{e:?}"
    );
    // A meeting dated before the last one is refused.
    let e = g
        .books
        .open_meeting(
            &g.actor,
            &g.org,
            OpenInput {
                date: d("2026-01-12"),
                loan_cash: f(g.net("5711")),
                social_cash: f(g.net("5721")),
                reason: String::new(),
            },
        )
        .unwrap_err();
    assert!(
        matches!(e, Error::Savings(SavingsError::MeetingBefore { .. })),
        "{e:?}"
    );
    // With a reason, the shortage is recorded before anything else.
    let before = g.net("5711");
    g.books
        .open_meeting(
            &g.actor,
            &g.org,
            OpenInput {
                date: d("2026-02-02"),
                loan_cash: f(before - 100),
                social_cash: f(g.net("5721")),
                reason: "pièce perdue".into(),
            },
        )
        .unwrap();
    assert_eq!(g.net("5711"), before - 100);
    assert_eq!(g.net("65882"), 100);
    let _ = generous;
    // Loan within 3 × her savings but above the cash in the box: member 2
    // has 3 000 saved + 2 500 today (limit 16 500); the box holds about
    // 17 400 once her shares are in. Take the box down first with loans.
    g.row(
        "1",
        RowInput {
            new_loan: f(9_000),
            ..shares(5)
        },
    )
    .unwrap();
    let e = g
        .row(
            "2",
            RowInput {
                new_loan: f(16_000),
                ..shares(5)
            },
        )
        .unwrap_err();
    assert!(
        matches!(e, Error::Savings(SavingsError::LoanAboveCash { .. })),
        "{e:?}"
    );
    // Nothing of the refused row was saved: her row is still the default.
    let v = g.books.meeting_view(&g.org, None).unwrap();
    assert!(!v.rows[1].saved);
    assert_eq!(v.totals.new_loans, f(9_000));
    g.verify();
}

#[test]
fn loans_repayments_reopen_and_passbook() {
    let mut g = Group::new(Constitution::standard());
    for (i, date) in ["2026-01-05", "2026-01-19"].iter().enumerate() {
        g.open(date);
        for m in 1..=5 {
            g.row(&m.to_string(), shares(5)).unwrap();
        }
        if i == 1 {
            // 12 500 saved after two meetings each: 3 × 5 000 = 15 000 max.
            g.row(
                "1",
                RowInput {
                    new_loan: f(15_000),
                    loan_term: 3,
                    ..shares(5)
                },
            )
            .unwrap();
        }
        g.close();
    }
    assert_eq!(g.net("2712001"), 15_000);
    // A month later: 1 500 F of interest (flat 10 %) then principal.
    g.open("2026-02-19");
    let v = g.books.meeting_view(&g.org, None).unwrap();
    let aminata = &v.rows[0];
    let (_, st) = aminata.loan.unwrap();
    assert_eq!(st.interest_due, f(1_500));
    g.row(
        "1",
        RowInput {
            repay: f(6_500),
            ..shares(2)
        },
    )
    .unwrap();
    g.row(
        "2",
        RowInput {
            fine_levied: f(100),
            fine_paid: f(100),
            ..shares(3)
        },
    )
    .unwrap();
    g.books.fill_default_rows(&g.actor, &g.org).unwrap();
    g.books
        .add_social(
            &g.actor,
            &g.org,
            SocialInput {
                member: "3".into(),
                kind: "grant".into(),
                amount: f(300),
                reason: "santé".into(),
                note: "CSCom".into(),
                term: 0,
            },
        )
        .unwrap();
    let first = g.close();
    assert_eq!(g.net("2712001"), 10_000);
    assert_eq!(g.net("7712"), -1_500);
    assert_eq!(g.net("75883"), -100);
    let social_after = g.net("5721");
    // Reopen, change member 2's shares, close again.
    let e = g
        .books
        .reopen_meeting(&g.actor, &g.org, Some(2), "erreur")
        .unwrap_err();
    assert!(
        matches!(
            e,
            Error::Savings(SavingsError::NotLastMeeting { number: 2, last: 3 })
        ),
        "{e:?}"
    );
    let v = g
        .books
        .reopen_meeting(&g.actor, &g.org, None, "parts de Fatoumata mal comptées")
        .unwrap();
    assert!(!v.closed);
    assert_eq!(v.social.len(), 1);
    // Everything the close posted was reversed.
    assert_eq!(g.net("2712001"), 15_000);
    assert_eq!(g.net("7712"), 0);
    g.row(
        "2",
        RowInput {
            fine_levied: f(100),
            fine_paid: f(100),
            ..shares(5)
        },
    )
    .unwrap();
    let second = g.close();
    assert_ne!(first.code, second.code);
    assert_eq!(g.net("2712001"), 10_000);
    assert_eq!(g.net("5721"), social_after);
    // Fatoumata: 5 + 5 + 5 shares once corrected.
    assert_eq!(g.net("4621002"), -7_500);
    g.verify();
    let pb = g.books.passbook(&g.org, "2", d("2026-02-19")).unwrap();
    assert_eq!(pb.shares, 15);
    assert_eq!(pb.savings, f(7_500));
    assert_eq!(pb.ledger_savings, f(7_500));
    let kinds: Vec<&str> = pb.lines.iter().map(|l| l.kind.as_str()).collect();
    assert_eq!(
        kinds,
        vec!["meeting", "meeting", "meeting", "reversal", "meeting"]
    );
    assert_eq!(pb.lines[3].shares, -3);
    let pb1 = g.books.passbook(&g.org, "1", d("2026-02-19")).unwrap();
    assert_eq!(pb1.loan_balance, f(10_000));
    let loans = g.books.loans(&g.org, d("2026-02-19")).unwrap();
    assert_eq!(loans.len(), 1);
    assert_eq!(loans[0].status.balance, f(10_000));
    assert_eq!(loans[0].status.interest_paid, f(1_500));
}

#[test]
fn the_worked_share_out_to_the_franc() {
    // 20 members, 500 F a share; one meeting where each buys her shares
    // (2 400 in all), then the income of the cycle: 240 000 interest,
    // 12 000 fines, 2 000 of expenses → 1 450 000 in the loan fund.
    let c = Constitution {
        max_shares: 10,
        social_fee: f(0),
        rounding_unit: 1,
        frequency_days: 7,
        ..Constitution::standard()
    };
    let mut g = Group::new(c.clone());
    for i in 6..=20 {
        g.books
            .add_sg_member(
                &g.actor,
                &g.org,
                SgMemberInput {
                    number: None,
                    name: format!("Membre {i}"),
                    phone: String::new(),
                    role: MemberRole::Member,
                    joined: d("2026-01-05"),
                },
            )
            .unwrap();
    }
    // Shares a meeting, 20 meetings: 200, 120, 14 × 120 and 4 × 100.
    let mut per = vec![10u32, 6];
    per.extend([6; 14]);
    per.extend([5; 4]);
    assert_eq!(per.iter().sum::<u32>() * 20, 2_400);
    for k in 0..20 {
        let date = d("2026-01-05") + chrono::Duration::days(7 * k);
        g.open(&date.to_string());
        for (i, s) in per.iter().enumerate() {
            g.row(
                &(i + 1).to_string(),
                RowInput {
                    social: f(0),
                    ..shares(*s)
                },
            )
            .unwrap();
        }
        g.close();
    }
    assert_eq!(g.net("5711"), 1_200_000);
    let income = [("7712", 240_000), ("75883", 12_000)];
    for (acc, amount) in income {
        g.books
            .post(
                &g.actor,
                &g.org,
                jatebo::domain::ledger::NewEntry {
                    date: d("2026-06-30"),
                    doc_ref: "X".into(),
                    memo: format!("produits {acc}"),
                    idem_key: format!("k-{acc}"),
                    lines: jatebo::domain::ledger::parse_lines(&format!(
                        "5711;D;{amount}\n{acc};C;{amount}"
                    ))
                    .unwrap(),
                    source: None,
                },
            )
            .unwrap();
    }
    g.books
        .post(
            &g.actor,
            &g.org,
            jatebo::domain::ledger::NewEntry {
                date: d("2026-06-30"),
                doc_ref: "X".into(),
                memo: "registre".into(),
                idem_key: "k-exp".into(),
                lines: jatebo::domain::ledger::parse_lines("6055;D;2000\n5711;C;2000").unwrap(),
                source: None,
            },
        )
        .unwrap();
    assert_eq!(g.net("5711"), 1_450_000);
    let p = g.books.shareout_preview(&g.org, d("2026-12-20")).unwrap();
    assert_eq!(p.plan.value_per_share.to_string(), "604.1667");
    assert_eq!(p.plan.lines[0].payout, f(120_833));
    assert_eq!(p.plan.lines[1].payout, f(72_500));
    assert_eq!(p.plan.lines[19].payout, f(60_416));
    assert_eq!(p.plan.total_savings, f(1_200_000));
    assert_eq!(
        p.plan.total_payout.francs() + p.plan.remainder.francs(),
        1_450_000
    );
    let posted = g
        .books
        .post_shareout(&g.actor, &g.org, d("2026-12-20"))
        .unwrap();
    assert!(posted.entry.is_some());
    assert_eq!(g.net("5711"), p.plan.remainder.francs());
    assert_eq!(g.net("4621001"), 0);
    assert_eq!(g.net("6742"), 250_000 - p.plan.remainder.francs());
    g.verify();
    // The cycle is closed; the next starts with the same members.
    let e = g.books.open_meeting(
        &g.actor,
        &g.org,
        OpenInput {
            date: d("2026-12-27"),
            loan_cash: f(g.net("5711")),
            social_cash: f(0),
            reason: String::new(),
        },
    );
    assert!(matches!(
        e,
        Err(Error::Savings(SavingsError::CycleShared { number: 1 }))
    ));
    g.books
        .start_cycle(
            &g.actor,
            &g.org,
            CycleInput {
                start: d("2027-01-04"),
                planned_end: d("2027-12-20"),
                constitution: Constitution::standard(),
            },
        )
        .unwrap();
    g.open("2027-01-04");
    let v = g.books.meeting_view(&g.org, None).unwrap();
    assert_eq!(v.rows.len(), 20);
    assert_eq!(v.rows[0].shares_before, 0);
}

#[test]
fn declining_loans_netted_at_the_share_out_and_a_member_leaving() {
    let c = Constitution {
        interest_mode: InterestMode::Declining,
        ..Constitution::standard()
    };
    let mut g = Group::new(c);
    g.open("2026-01-05");
    for m in 1..=5 {
        g.row(&m.to_string(), shares(5)).unwrap();
    }
    g.close();
    g.open("2026-01-19");
    for m in 1..=5 {
        g.row(&m.to_string(), shares(5)).unwrap();
    }
    g.row(
        "2",
        RowInput {
            new_loan: f(3_000),
            ..shares(5)
        },
    )
    .unwrap();
    g.close();
    // Member 5 leaves with her savings.
    let plan = g
        .books
        .member_leave(&g.actor, &g.org, "5", d("2026-01-25"))
        .unwrap();
    assert_eq!(plan.payout, f(5_000));
    assert_eq!(g.net("4621005"), 0);
    // Share-out two months after the loan: 300 + 300 of interest are netted.
    let p = g.books.shareout_preview(&g.org, d("2026-03-19")).unwrap();
    let fat = p
        .plan
        .lines
        .iter()
        .zip(&p.names)
        .find(|(_, n)| n.0 == 2)
        .unwrap()
        .0;
    assert_eq!(fat.netted, f(3_600));
    g.books
        .post_shareout(&g.actor, &g.org, d("2026-03-19"))
        .unwrap();
    assert_eq!(g.net("2712002"), 0);
    assert_eq!(g.net("7712"), -600);
    let loans = g.books.loans(&g.org, d("2026-03-20")).unwrap();
    assert!(loans[0].status.closed);
    g.verify();
    let _ = Attendance::Present;
}

mod random_cycles {
    use super::*;
    use proptest::prelude::*;

    #[derive(Clone, Debug)]
    struct Plan {
        members: usize,
        meetings: Vec<Vec<(u32, u8, u8, u8)>>,
        unit: i64,
        mode: u8,
    }

    fn plan() -> impl Strategy<Value = Plan> {
        (
            2usize..7,
            2usize..7,
            prop::sample::select(vec![1i64, 5, 25]),
            0u8..4,
        )
            .prop_flat_map(|(members, meetings, unit, mode)| {
                prop::collection::vec(
                    prop::collection::vec((1u32..=5, 0u8..4, 0u8..4, 0u8..3), members),
                    meetings,
                )
                .prop_map(move |meetings| Plan {
                    members,
                    meetings,
                    unit,
                    mode,
                })
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

        /// Random cycles through the real service: shares, loans within the
        /// limits, repayments (some clearing, some partial), fines. At the
        /// share-out the payouts plus the recorded remainder are exactly the
        /// cash of the loan fund, every savings and loan account ends at
        /// zero, and `verify` passes.
        #[test]
        fn payouts_plus_remainder_are_the_loan_fund(p in plan()) {
            let mode = [InterestMode::Flat, InterestMode::Declining, InterestMode::Upfront, InterestMode::None][p.mode as usize];
            let c = Constitution {
                interest_mode: mode,
                monthly_rate: if mode == InterestMode::None { rust_decimal::Decimal::ZERO } else { rust_decimal::Decimal::new(10, 2) },
                rounding_unit: p.unit,
                ..Constitution::standard()
            };
            let mut g = Group::new(c.clone());
            let mut date = d("2026-01-05");
            for (k, rows) in p.meetings.iter().enumerate() {
                g.open(&date.to_string());
                for (i, &(sh, loan, repay, fine)) in rows.iter().enumerate().take(p.members.min(5)) {
                    let member = (i + 1).to_string();
                    let mut row = RowInput { shares: sh, ..RowInput::default_for(&c) };
                    if fine > 1 {
                        row.fine_levied = f(100);
                        row.fine_paid = if fine > 2 { f(100) } else { Fcfa::ZERO };
                    }
                    let v = g.books.meeting_view(&g.org, None).unwrap();
                    if let Some((_, st)) = v.rows[i].loan {
                        row.repay = match repay {
                            0 => Fcfa::ZERO,
                            1 => st.payoff,
                            _ => f(st.interest_due.francs() + st.balance.francs() / 3),
                        };
                    }
                    g.row(&member, row.clone()).unwrap();
                    if k > 0 && loan > 1 {
                        let with_loan = RowInput { new_loan: f(1_000 * i64::from(loan)), ..row };
                        // Refused when above the limits or the box: then the
                        // saved row stays as it was.
                        let _ = g.row(&member, with_loan);
                    }
                }
                g.books.fill_default_rows(&g.actor, &g.org).unwrap();
                g.close();
                g.verify();
                date += chrono::Duration::days(14);
            }
            let cash = g.net("5711");
            let out = date + chrono::Duration::days(7);
            match g.books.shareout_preview(&g.org, out) {
                Ok(view) => {
                    prop_assert_eq!(view.plan.total_payout.francs() + view.plan.remainder.francs(), cash);
                    g.books.post_shareout(&g.actor, &g.org, out).unwrap();
                    prop_assert_eq!(g.net("5711"), view.plan.remainder.francs());
                    for m in 1..=5 {
                        prop_assert_eq!(g.net(&format!("4621{m:03}")), 0);
                        prop_assert_eq!(g.net(&format!("2712{m:03}")), 0);
                    }
                    prop_assert_eq!(g.net("4711"), 0);
                    g.verify();
                }
                Err(Error::Savings(SavingsError::DebtAboveShare { .. })) => {}
                Err(e) => prop_assert!(false, "{e:?}"),
            }
        }
    }
}

#[test]
fn a_meeting_whose_loan_emptied_the_box_can_be_reopened() {
    let c = Constitution {
        max_loan_multiple: rust_decimal::Decimal::from(20),
        ..Constitution::standard()
    };
    let mut g = Group::new(c);
    g.open("2026-01-05");
    g.books.fill_default_rows(&g.actor, &g.org).unwrap();
    g.close();
    g.open("2026-01-19");
    g.books.fill_default_rows(&g.actor, &g.org).unwrap();
    // The box: 2 500 + today's 2 500; member 2 takes all of it.
    g.row(
        "2",
        RowInput {
            new_loan: f(5_000),
            ..shares(1)
        },
    )
    .unwrap();
    g.close();
    assert_eq!(g.net("5711"), 0);
    // The reversals go newest first, so the box never dips below zero.
    g.books
        .reopen_meeting(&g.actor, &g.org, None, "prêt mal noté")
        .unwrap();
    assert_eq!(g.net("5711"), 2_500);
    assert_eq!(g.net("2712002"), 0);
    g.verify();
}

#[test]
fn indicators_of_a_past_date_use_the_cash_of_that_date() {
    let mut g = Group::new(Constitution::standard());
    for date in ["2026-01-05", "2026-01-19"] {
        g.open(date);
        g.books.fill_default_rows(&g.actor, &g.org).unwrap();
        g.close();
    }
    let first = g.books.sg_indicators(&g.org, d("2026-01-05")).unwrap();
    assert_eq!(first.indicators.loan_fund_cash, f(2_500));
    assert_eq!(first.indicators.savings, f(2_500));
    assert_eq!(first.indicators.return_cycle, rust_decimal::Decimal::ZERO);
    let now = g.books.sg_indicators(&g.org, d("2026-01-20")).unwrap();
    assert_eq!(now.indicators.loan_fund_cash, f(5_000));
    assert_eq!(now.indicators.social_fund_cash, f(1_000));
    assert_eq!(now.meetings, 2);
}

#[test]
fn a_social_fund_loan_is_repaid_once() {
    let mut g = Group::new(Constitution::standard());
    g.open("2026-01-05");
    g.books.fill_default_rows(&g.actor, &g.org).unwrap();
    let social = |kind: &str, amount: i64| SocialInput {
        member: "3".into(),
        kind: kind.into(),
        amount: f(amount),
        reason: "santé".into(),
        note: String::new(),
        term: 0,
    };
    g.books
        .add_social(&g.actor, &g.org, social("loan", 300))
        .unwrap();
    g.close();
    g.open("2026-01-19");
    g.books.fill_default_rows(&g.actor, &g.org).unwrap();
    g.books
        .add_social(&g.actor, &g.org, social("repay", 300))
        .unwrap();
    g.close();
    assert_eq!(g.net("2718"), 0);
    let loans = g.books.loans(&g.org, d("2026-06-01")).unwrap();
    assert!(loans[0].status.closed, "{:?}", loans[0].status);
    assert_eq!(loans[0].status.days_overdue, 0);
    // A second repayment of the same loan is refused.
    g.open("2026-02-02");
    let e = g
        .books
        .add_social(&g.actor, &g.org, social("repay", 300))
        .unwrap_err();
    assert!(
        matches!(e, Error::Savings(SavingsError::NoSocialLoan)),
        "{e:?}"
    );
    g.verify();
}

#[test]
fn the_high_rate_warning_writes_the_rate_the_way_each_language_does() {
    let c = Constitution {
        monthly_rate: rust_decimal::Decimal::new(125, 3),
        ..Constitution::standard()
    };
    let w = &c.warnings()[0];
    jatebo::i18n::set_lang(jatebo::domain::Lang::En);
    let en = jatebo::i18n::message(w);
    jatebo::i18n::set_lang(jatebo::domain::Lang::Fr);
    let fr = jatebo::i18n::message(w);
    assert!(en.contains("12.5 %"), "{en}");
    assert!(fr.contains("12,5 %"), "{fr}");
}
