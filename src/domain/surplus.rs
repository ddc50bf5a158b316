//! Year-end allocation of a cooperative's net surplus (excédent net), under
//! the OHADA Uniform Act on cooperatives (AUSCOOP, 2010).
//!
//! Before anything is distributed, the net surplus of the year is split in
//! this order:
//!
//! 1. **General reserve** (réserve générale, account 1111): at least 20 % of
//!    the surplus, until the reserve equals the capital.
//! 2. **Training reserve** (réserve de formation / d'éducation, account
//!    1112): at least 20 % of the surplus, until it equals the capital.
//! 3. **Optional reserves** (réserves facultatives, account 1181): at most
//!    20 % of the surplus.
//! 4. **Interest on parts sociales**: capital × rate, shared among members in
//!    proportion to their paid-up capital. (The law caps the rate at the
//!    central bank's rate; that cap is the caller's policy, not checked here.)
//! 5. An optional amount **carried forward** (report à nouveau, account 121).
//! 6. The rest is the **ristourne pool**, returned to members in proportion
//!    to their dealings (opérations) with the cooperative during the year.
//!
//! "Until it equals the capital" makes the legal minimum of a reserve
//! `min(20 % × surplus, max(0, capital − current balance))`: a reserve that
//! already equals the capital needs nothing more, and a reserve close to it
//! needs only what is missing. A policy may always give more than the
//! minimum.
//!
//! # Rounding
//!
//! Every amount is the crate's one rounding rule applied to its exact value
//! ([`round_decimal`]: half away from zero, to the franc): each reserve is
//! `round(pct × surplus)`, the interest is `round(capital × rate)`. The
//! ristourne pool is **what is left**, so it absorbs the rounding of the
//! other lines and
//! `general + training + optional + interest + carried_forward + ristourne`
//! equals the surplus exactly: no franc is lost or created. The interest and
//! the pool are then split among members with [`allocate`]
//! (largest remainder), whose parts add up exactly to what is split and are
//! each within 1 F of the exact proportion.
//!
//! A loss (surplus ≤ 0) is not allocated: it is carried forward.
//!
//! Worked example (DOMAIN.md §4): surplus 1 000 000 F, capital 500 000 F,
//! reserves 20 % + 20 % + 10 %, interest 5 % → 200 000 + 200 000 + 100 000,
//! interest 25 000, ristourne pool 475 000; a member who made 20 % of the
//! dealings receives 95 000 F.

use std::collections::HashSet;

use rust_decimal::Decimal;

use crate::domain::money::{Fcfa, allocate, round_decimal};
use crate::domain::{Message, MsgArg};

/// The share of the surplus the law requires for the general reserve and for
/// the training reserve (20 %), each until the reserve equals the capital.
pub const LEGAL_RESERVE_PCT: Decimal = Decimal::from_parts(20, 0, 0, false, 2);

/// The most the optional reserves may take (20 % of the surplus).
pub const MAX_OPTIONAL_PCT: Decimal = Decimal::from_parts(20, 0, 0, false, 2);

/// How a cooperative chose to allocate its surplus (decided by the general
/// assembly, within the law). Percentages and the rate are fractions:
/// `0.20` is 20 %, `0.05` is 5 %.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurplusPolicy {
    /// Share of the surplus for the general reserve (≥ 20 % unless the
    /// reserve is close to or at the capital).
    pub general_pct: Decimal,
    /// Share of the surplus for the training reserve (same rule).
    pub training_pct: Decimal,
    /// Share of the surplus for optional reserves (≤ 20 %).
    pub optional_pct: Decimal,
    /// Yearly interest rate on the parts sociales (paid-up capital).
    pub interest_rate: Decimal,
    /// An amount left undistributed, carried forward to next year (≥ 0).
    pub carried_forward: Fcfa,
}

/// One member's stake for the year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberStake {
    /// The member's id (unique within the input).
    pub member: i64,
    /// Paid-up capital: value of the member's parts sociales (≥ 0).
    pub capital: Fcfa,
    /// The member's dealings with the cooperative in the year: what she sold
    /// through it, bought from it, or worked for it (≥ 0).
    pub dealings: Fcfa,
}

/// What is to be allocated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurplusInput {
    /// Net surplus of the year (excédent net).
    pub surplus: Fcfa,
    /// Balance of the general reserve (1111) before this allocation.
    pub general_reserve: Fcfa,
    /// Balance of the training reserve (1112) before this allocation.
    pub training_reserve: Fcfa,
    /// The members. The cooperative's capital is the sum of their capital.
    pub members: Vec<MemberStake>,
}

/// What one member receives.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct MemberPayout {
    pub member: i64,
    /// Interest on her parts sociales.
    pub interest: Fcfa,
    /// Her ristourne (share of the pool, by dealings).
    pub ristourne: Fcfa,
}

impl MemberPayout {
    /// Interest plus ristourne.
    pub fn total(&self) -> Fcfa {
        Fcfa::new(self.interest.francs() + self.ristourne.francs())
    }
}

/// The allocation of the surplus. The six amounts from `general_reserve` to
/// `ristourne` add up exactly to `surplus`; the members' interest adds up to
/// `interest` and their ristournes to `ristourne`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Allocation {
    pub surplus: Fcfa,
    /// The cooperative's capital (sum of the members' capital).
    pub capital: Fcfa,
    /// To the general reserve (1111).
    pub general_reserve: Fcfa,
    /// To the training reserve (1112).
    pub training_reserve: Fcfa,
    /// To optional reserves (1181).
    pub optional_reserve: Fcfa,
    /// Interest on parts sociales, all members.
    pub interest: Fcfa,
    /// Carried forward (121).
    pub carried_forward: Fcfa,
    /// The ristourne pool: what is left; it absorbs the rounding of the other
    /// lines.
    pub ristourne: Fcfa,
    /// The legal minimum for the general reserve this year.
    pub general_minimum: Fcfa,
    /// The legal minimum for the training reserve this year.
    pub training_minimum: Fcfa,
    /// Per member, in the order of the input.
    pub members: Vec<MemberPayout>,
}

impl Allocation {
    /// General + training + optional reserves.
    pub fn reserves(&self) -> Fcfa {
        Fcfa::new(
            self.general_reserve.francs()
                + self.training_reserve.francs()
                + self.optional_reserve.francs(),
        )
    }
}

/// Which legal reserve an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reserve {
    /// Réserve générale (1111).
    General,
    /// Réserve de formation (1112).
    Training,
}

impl Reserve {
    /// The selector value the messages use: `general` or `training`.
    pub fn code(self) -> &'static str {
        match self {
            Reserve::General => "general",
            Reserve::Training => "training",
        }
    }
}

/// Which percentage or rate of a [`SurplusPolicy`] an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rate {
    General,
    Training,
    Optional,
    Interest,
}

impl Rate {
    /// The selector value the messages use.
    pub fn code(self) -> &'static str {
        match self {
            Rate::General => "general",
            Rate::Training => "training",
            Rate::Optional => "optional",
            Rate::Interest => "interest",
        }
    }
}

/// Why a surplus cannot be allocated as asked. Shown to users through
/// [`Message`] (keys `surplus-…` in `assets/i18n/*/surplus.ftl`).
///
/// Percentages are passed to the messages twice, as text, because the
/// domain does not know the language: `pct` with a decimal point (`12.5`)
/// and `pct_comma` with a decimal comma (`12,5`), both already × 100.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SurplusError {
    /// The surplus is zero: nothing to allocate.
    NoSurplus,
    /// The year ended with a loss: it is carried forward, not allocated.
    Loss { loss: Fcfa },
    /// A percentage or rate is negative or above 100 %.
    RateOutOfRange { rate: Rate, value: Decimal },
    /// The optional reserves would take more than 20 % of the surplus.
    OptionalAboveMax { value: Decimal },
    /// The amount to carry forward is negative.
    NegativeCarriedForward { amount: Fcfa },
    /// A reserve's balance before allocation is negative (a debit balance):
    /// the books need checking first.
    NegativeReserveBalance { reserve: Reserve, balance: Fcfa },
    /// Two stakes carry the same member id.
    DuplicateMember { member: i64 },
    /// A member's capital is negative.
    NegativeCapital { member: i64, capital: Fcfa },
    /// A member's dealings are negative.
    NegativeDealings { member: i64, dealings: Fcfa },
    /// A reserve would receive less than its legal minimum.
    ReserveBelowMinimum {
        reserve: Reserve,
        /// What the policy gives it.
        amount: Fcfa,
        /// The percentage the policy gives.
        pct: Decimal,
        /// The legal minimum.
        minimum: Fcfa,
        /// The surplus and the capital, to explain the minimum.
        surplus: Fcfa,
        capital: Fcfa,
        /// Whether the minimum is what the reserve lacks to equal the capital
        /// (less than 20 % of the surplus).
        capped: bool,
    },
    /// Reserves, interest and the amount carried forward exceed the surplus.
    PoolNegative {
        surplus: Fcfa,
        reserves: Fcfa,
        interest: Fcfa,
        carried_forward: Fcfa,
    },
    /// There is a ristourne pool but no member has any dealings recorded.
    NoDealings { pool: Fcfa },
    /// The amounts are too large to compute.
    Overflow,
}

/// `0.125` → (`"12.5"`, `"12,5"`).
fn percent_texts(fraction: Decimal) -> (String, String) {
    let pct = (fraction * Decimal::ONE_HUNDRED).normalize().to_string();
    let comma = pct.replace('.', ",");
    (pct, comma)
}

fn yes_no(b: bool) -> MsgArg {
    MsgArg::Text(if b { "yes" } else { "no" }.to_string())
}

impl Message for SurplusError {
    fn key(&self) -> &'static str {
        use SurplusError::*;
        match self {
            NoSurplus => "surplus-none",
            Loss { .. } => "surplus-loss",
            RateOutOfRange { .. } => "surplus-rate-out-of-range",
            OptionalAboveMax { .. } => "surplus-optional-above-max",
            NegativeCarriedForward { .. } => "surplus-negative-carried-forward",
            NegativeReserveBalance { .. } => "surplus-negative-reserve-balance",
            DuplicateMember { .. } => "surplus-duplicate-member",
            NegativeCapital { .. } => "surplus-negative-capital",
            NegativeDealings { .. } => "surplus-negative-dealings",
            ReserveBelowMinimum { .. } => "surplus-reserve-below-minimum",
            PoolNegative { .. } => "surplus-pool-negative",
            NoDealings { .. } => "surplus-no-dealings",
            Overflow => "surplus-overflow",
        }
    }

    fn args(&self) -> Vec<(&'static str, MsgArg)> {
        use SurplusError::*;
        match self {
            NoSurplus | Overflow => Vec::new(),
            Loss { loss } => vec![("loss", (*loss).into())],
            RateOutOfRange { rate, value } => {
                let (pct, comma) = percent_texts(*value);
                vec![
                    ("rate", rate.code().into()),
                    ("pct", pct.into()),
                    ("pct_comma", comma.into()),
                ]
            }
            OptionalAboveMax { value } => {
                let (pct, comma) = percent_texts(*value);
                let (max, max_comma) = percent_texts(MAX_OPTIONAL_PCT);
                vec![
                    ("pct", pct.into()),
                    ("pct_comma", comma.into()),
                    ("max", max.into()),
                    ("max_comma", max_comma.into()),
                ]
            }
            NegativeCarriedForward { amount } => vec![("amount", (*amount).into())],
            NegativeReserveBalance { reserve, balance } => vec![
                ("reserve", reserve.code().into()),
                ("balance", (*balance).into()),
            ],
            DuplicateMember { member } => vec![("member", (*member).into())],
            NegativeCapital { member, capital } => {
                vec![("member", (*member).into()), ("capital", (*capital).into())]
            }
            NegativeDealings { member, dealings } => vec![
                ("member", (*member).into()),
                ("dealings", (*dealings).into()),
            ],
            ReserveBelowMinimum {
                reserve,
                amount,
                pct,
                minimum,
                surplus,
                capital,
                capped,
            } => {
                let (pct, comma) = percent_texts(*pct);
                let (legal, legal_comma) = percent_texts(LEGAL_RESERVE_PCT);
                vec![
                    ("reserve", reserve.code().into()),
                    ("amount", (*amount).into()),
                    ("pct", pct.into()),
                    ("pct_comma", comma.into()),
                    ("legal", legal.into()),
                    ("legal_comma", legal_comma.into()),
                    ("minimum", (*minimum).into()),
                    ("surplus", (*surplus).into()),
                    ("capital", (*capital).into()),
                    ("capped", yes_no(*capped)),
                ]
            }
            PoolNegative {
                surplus,
                reserves,
                interest,
                carried_forward,
            } => {
                let needed = reserves.francs() as i128
                    + interest.francs() as i128
                    + carried_forward.francs() as i128;
                let excess = needed - surplus.francs() as i128;
                vec![
                    ("surplus", (*surplus).into()),
                    ("reserves", (*reserves).into()),
                    ("interest", (*interest).into()),
                    ("carried_forward", (*carried_forward).into()),
                    (
                        "excess",
                        MsgArg::Amount(i64::try_from(excess).unwrap_or(i64::MAX)),
                    ),
                ]
            }
            NoDealings { pool } => vec![("pool", (*pool).into())],
        }
    }
}

impl From<crate::domain::money::MoneyError> for SurplusError {
    fn from(_: crate::domain::money::MoneyError) -> Self {
        SurplusError::Overflow
    }
}

/// `round(pct × amount)` with the crate's rounding rule.
fn share(amount: Fcfa, pct: Decimal) -> Result<Fcfa, SurplusError> {
    let exact = amount
        .to_decimal()
        .checked_mul(pct)
        .ok_or(SurplusError::Overflow)?;
    Ok(round_decimal(exact)?.amount)
}

/// The legal minimum for a reserve: 20 % of the surplus, but no more than
/// what the reserve lacks to equal the capital. Returns the minimum and
/// whether the capital cap is what set it.
fn reserve_minimum(
    surplus: Fcfa,
    capital: Fcfa,
    balance: Fcfa,
) -> Result<(Fcfa, bool), SurplusError> {
    let legal = share(surplus, LEGAL_RESERVE_PCT)?;
    let lacking = capital.checked_sub(balance)?.max(Fcfa::ZERO);
    if lacking < legal {
        Ok((lacking, true))
    } else {
        Ok((legal, false))
    }
}

fn check_rate(rate: Rate, value: Decimal) -> Result<(), SurplusError> {
    if value.is_sign_negative() && !value.is_zero() || value > Decimal::ONE {
        return Err(SurplusError::RateOutOfRange { rate, value });
    }
    Ok(())
}

fn weights(amounts: impl Iterator<Item = Fcfa>) -> Vec<u64> {
    // Callers have checked that every amount is ≥ 0.
    amounts.map(|a| a.francs().unsigned_abs()).collect()
}

/// Allocates the year's net surplus following `policy` (see the module
/// documentation for the order, the legal limits and the rounding).
///
/// The checks come in this order, so the first thing to fix is reported
/// first: the surplus itself; the policy's rates and amount carried forward;
/// the reserve balances and the members (ids, capital, dealings); the legal
/// minimum of each reserve; then whether the surplus covers everything and
/// who the pool can go to. The number of members is not checked here.
pub fn allocate_surplus(
    input: &SurplusInput,
    policy: &SurplusPolicy,
) -> Result<Allocation, SurplusError> {
    let surplus = input.surplus;
    if surplus.is_zero() {
        return Err(SurplusError::NoSurplus);
    }
    if surplus.is_negative() {
        return Err(SurplusError::Loss {
            loss: surplus.checked_neg()?,
        });
    }

    check_rate(Rate::General, policy.general_pct)?;
    check_rate(Rate::Training, policy.training_pct)?;
    check_rate(Rate::Optional, policy.optional_pct)?;
    check_rate(Rate::Interest, policy.interest_rate)?;
    if policy.optional_pct > MAX_OPTIONAL_PCT {
        return Err(SurplusError::OptionalAboveMax {
            value: policy.optional_pct,
        });
    }
    if policy.carried_forward.is_negative() {
        return Err(SurplusError::NegativeCarriedForward {
            amount: policy.carried_forward,
        });
    }

    for (reserve, balance) in [
        (Reserve::General, input.general_reserve),
        (Reserve::Training, input.training_reserve),
    ] {
        if balance.is_negative() {
            return Err(SurplusError::NegativeReserveBalance { reserve, balance });
        }
    }

    let mut seen = HashSet::with_capacity(input.members.len());
    let mut capital = Fcfa::ZERO;
    for stake in &input.members {
        if !seen.insert(stake.member) {
            return Err(SurplusError::DuplicateMember {
                member: stake.member,
            });
        }
        if stake.capital.is_negative() {
            return Err(SurplusError::NegativeCapital {
                member: stake.member,
                capital: stake.capital,
            });
        }
        if stake.dealings.is_negative() {
            return Err(SurplusError::NegativeDealings {
                member: stake.member,
                dealings: stake.dealings,
            });
        }
        capital = capital.checked_add(stake.capital)?;
    }

    let general = share(surplus, policy.general_pct)?;
    let training = share(surplus, policy.training_pct)?;
    let optional = share(surplus, policy.optional_pct)?;
    let (general_minimum, general_capped) =
        reserve_minimum(surplus, capital, input.general_reserve)?;
    let (training_minimum, training_capped) =
        reserve_minimum(surplus, capital, input.training_reserve)?;
    for (reserve, amount, pct, minimum, capped) in [
        (
            Reserve::General,
            general,
            policy.general_pct,
            general_minimum,
            general_capped,
        ),
        (
            Reserve::Training,
            training,
            policy.training_pct,
            training_minimum,
            training_capped,
        ),
    ] {
        if amount < minimum {
            return Err(SurplusError::ReserveBelowMinimum {
                reserve,
                amount,
                pct,
                minimum,
                surplus,
                capital,
                capped,
            });
        }
    }

    // Capital is ≥ 0 and the rate ≤ 1, so the interest is at most the
    // capital; with no capital it is 0.
    let interest = share(capital, policy.interest_rate)?;
    let reserves = general.checked_add(training)?.checked_add(optional)?;
    let committed = reserves
        .checked_add(interest)?
        .checked_add(policy.carried_forward)?;
    let pool = surplus.checked_sub(committed)?;
    if pool.is_negative() {
        return Err(SurplusError::PoolNegative {
            surplus,
            reserves,
            interest,
            carried_forward: policy.carried_forward,
        });
    }

    let n = input.members.len();
    let interests = if interest.is_zero() {
        vec![Fcfa::ZERO; n]
    } else {
        // interest > 0 implies capital > 0: the weights are not all zero.
        allocate(interest, &weights(input.members.iter().map(|m| m.capital)))?
    };
    let dealing_weights = weights(input.members.iter().map(|m| m.dealings));
    let ristournes = if pool.is_zero() {
        vec![Fcfa::ZERO; n]
    } else if dealing_weights.iter().all(|&w| w == 0) {
        return Err(SurplusError::NoDealings { pool });
    } else {
        allocate(pool, &dealing_weights)?
    };

    let members = input
        .members
        .iter()
        .zip(interests)
        .zip(ristournes)
        .map(|((m, interest), ristourne)| MemberPayout {
            member: m.member,
            interest,
            ristourne,
        })
        .collect();

    Ok(Allocation {
        surplus,
        capital,
        general_reserve: general,
        training_reserve: training,
        optional_reserve: optional,
        interest,
        carried_forward: policy.carried_forward,
        ristourne: pool,
        general_minimum,
        training_minimum,
        members,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn f(n: i64) -> Fcfa {
        Fcfa::new(n)
    }

    fn stake(member: i64, capital: i64, dealings: i64) -> MemberStake {
        MemberStake {
            member,
            capital: f(capital),
            dealings: f(dealings),
        }
    }

    fn policy(general: &str, training: &str, optional: &str, rate: &str) -> SurplusPolicy {
        SurplusPolicy {
            general_pct: dec(general),
            training_pct: dec(training),
            optional_pct: dec(optional),
            interest_rate: dec(rate),
            carried_forward: Fcfa::ZERO,
        }
    }

    fn standard_policy() -> SurplusPolicy {
        policy("0.20", "0.20", "0.10", "0.05")
    }

    /// Five members holding parts of 5 000 F (20, 30, 10, 20, 20 parts =
    /// 500 000 F) and 20 / 30 / 25 / 15 / 10 % of the dealings.
    fn five_members() -> Vec<MemberStake> {
        vec![
            stake(1, 100_000, 2_000_000),
            stake(2, 150_000, 3_000_000),
            stake(3, 50_000, 2_500_000),
            stake(4, 100_000, 1_500_000),
            stake(5, 100_000, 1_000_000),
        ]
    }

    fn input(surplus: i64, members: Vec<MemberStake>) -> SurplusInput {
        SurplusInput {
            surplus: f(surplus),
            general_reserve: Fcfa::ZERO,
            training_reserve: Fcfa::ZERO,
            members,
        }
    }

    fn parts_sum(a: &Allocation) -> i64 {
        a.general_reserve.francs()
            + a.training_reserve.francs()
            + a.optional_reserve.francs()
            + a.interest.francs()
            + a.carried_forward.francs()
            + a.ristourne.francs()
    }

    fn check_sums(a: &Allocation) {
        assert_eq!(parts_sum(a), a.surplus.francs());
        let interest: i64 = a.members.iter().map(|m| m.interest.francs()).sum();
        let ristourne: i64 = a.members.iter().map(|m| m.ristourne.francs()).sum();
        assert_eq!(interest, a.interest.francs());
        assert_eq!(ristourne, a.ristourne.francs());
    }

    #[test]
    fn worked_example_from_the_domain_reference() {
        let a = allocate_surplus(&input(1_000_000, five_members()), &standard_policy()).unwrap();
        assert_eq!(a.surplus, f(1_000_000));
        assert_eq!(a.capital, f(500_000));
        assert_eq!(a.general_reserve, f(200_000));
        assert_eq!(a.training_reserve, f(200_000));
        assert_eq!(a.optional_reserve, f(100_000));
        assert_eq!(a.interest, f(25_000));
        assert_eq!(a.carried_forward, f(0));
        assert_eq!(a.ristourne, f(475_000));
        assert_eq!(a.general_minimum, f(200_000));
        assert_eq!(a.training_minimum, f(200_000));
        assert_eq!(a.reserves(), f(500_000));

        let expected = [
            (1, 5_000, 95_000),
            (2, 7_500, 142_500),
            (3, 2_500, 118_750),
            (4, 5_000, 71_250),
            (5, 5_000, 47_500),
        ];
        assert_eq!(a.members.len(), expected.len());
        for (m, (id, interest, ristourne)) in a.members.iter().zip(expected) {
            assert_eq!(m.member, id);
            assert_eq!(m.interest, f(interest), "interest of member {id}");
            assert_eq!(m.ristourne, f(ristourne), "ristourne of member {id}");
        }
        // The member with 20 % of the dealings receives 95 000 F.
        assert_eq!(a.members[0].ristourne, f(95_000));
        assert_eq!(a.members[0].total(), f(100_000));

        check_sums(&a);
        let members_total: i64 = a.members.iter().map(|m| m.total().francs()).sum();
        assert_eq!(members_total, 500_000);
        assert_eq!(
            a.reserves().francs() + a.carried_forward.francs() + members_total,
            1_000_000
        );
    }

    #[test]
    fn carried_forward_comes_out_of_the_pool() {
        let mut p = standard_policy();
        p.carried_forward = f(75_000);
        let a = allocate_surplus(&input(1_000_000, five_members()), &p).unwrap();
        assert_eq!(a.carried_forward, f(75_000));
        assert_eq!(a.ristourne, f(400_000));
        assert_eq!(a.members[0].ristourne, f(80_000));
        check_sums(&a);
    }

    #[test]
    fn reserve_at_its_cap_needs_nothing() {
        let mut i = input(1_000_000, five_members());
        i.general_reserve = f(500_000);
        i.training_reserve = f(650_000);
        let p = policy("0", "0", "0.10", "0.05");
        let a = allocate_surplus(&i, &p).unwrap();
        assert_eq!(a.general_minimum, f(0));
        assert_eq!(a.training_minimum, f(0));
        assert_eq!(a.general_reserve, f(0));
        assert_eq!(a.training_reserve, f(0));
        assert_eq!(a.ristourne, f(875_000));
        check_sums(&a);
    }

    #[test]
    fn reserve_near_its_cap_needs_only_what_is_missing() {
        let mut i = input(1_000_000, five_members());
        i.general_reserve = f(450_000);
        // 5 % of 1 000 000 = 50 000 = capital − balance: accepted.
        let a = allocate_surplus(&i, &policy("0.05", "0.20", "0.10", "0.05")).unwrap();
        assert_eq!(a.general_minimum, f(50_000));
        assert_eq!(a.training_minimum, f(200_000));
        assert_eq!(a.general_reserve, f(50_000));
        assert_eq!(a.ristourne, f(625_000));
        check_sums(&a);

        // 4 % is 40 000, less than the 50 000 still missing.
        let err = allocate_surplus(&i, &policy("0.04", "0.20", "0.10", "0.05")).unwrap_err();
        assert_eq!(
            err,
            SurplusError::ReserveBelowMinimum {
                reserve: Reserve::General,
                amount: f(40_000),
                pct: dec("0.04"),
                minimum: f(50_000),
                surplus: f(1_000_000),
                capital: f(500_000),
                capped: true,
            }
        );
        let args = err.args();
        assert!(args.contains(&("capped", MsgArg::Text("yes".into()))));
        assert!(args.contains(&("pct", MsgArg::Text("4".into()))));
        assert!(args.contains(&("minimum", MsgArg::Amount(50_000))));
    }

    #[test]
    fn a_policy_may_give_more_than_the_minimum() {
        let mut i = input(1_000_000, five_members());
        i.general_reserve = f(480_000);
        let a = allocate_surplus(&i, &standard_policy()).unwrap();
        assert_eq!(a.general_minimum, f(20_000));
        assert_eq!(a.general_reserve, f(200_000));
        check_sums(&a);
    }

    #[test]
    fn rounding_is_absorbed_by_the_pool() {
        // 20 % of 1 000 001 = 200 000,2 → 200 000 (twice); 15 % =
        // 150 000,15 → 150 000; 5 % of 300 001 = 15 000,05 → 15 000.
        // The pool takes the 0,55 F the rounding left: 435 001.
        let members = vec![
            stake(10, 100_000, 1),
            stake(11, 100_000, 1),
            stake(12, 100_001, 1),
        ];
        let a = allocate_surplus(
            &input(1_000_001, members),
            &policy("0.20", "0.20", "0.15", "0.05"),
        )
        .unwrap();
        assert_eq!(a.general_reserve, f(200_000));
        assert_eq!(a.training_reserve, f(200_000));
        assert_eq!(a.optional_reserve, f(150_000));
        assert_eq!(a.interest, f(15_000));
        assert_eq!(a.ristourne, f(435_001));
        // 435 001 / 3 = 145 000,33…: the extra franc goes to the first.
        let ristournes: Vec<i64> = a.members.iter().map(|m| m.ristourne.francs()).collect();
        assert_eq!(ristournes, vec![145_001, 145_000, 145_000]);
        // 15 000 × 100 000 / 300 001 = 4 999,98…; × 100 001 = 5 000,03…
        let interests: Vec<i64> = a.members.iter().map(|m| m.interest.francs()).collect();
        assert_eq!(interests, vec![5_000, 5_000, 5_000]);
        check_sums(&a);
    }

    #[test]
    fn rounding_half_away_from_zero() {
        // 20 % of 1 000 003 = 200 000,6 → 200 001; 10 % = 100 000,3 → 100 000.
        let a = allocate_surplus(&input(1_000_003, five_members()), &standard_policy()).unwrap();
        assert_eq!(a.general_reserve, f(200_001));
        assert_eq!(a.training_reserve, f(200_001));
        assert_eq!(a.optional_reserve, f(100_000));
        assert_eq!(
            a.ristourne,
            f(1_000_003 - 200_001 - 200_001 - 100_000 - 25_000)
        );
        check_sums(&a);
        // The minimum is rounded the same way, so exactly 20 % is accepted.
        assert_eq!(a.general_minimum, f(200_001));
    }

    #[test]
    fn no_interest_when_there_is_no_capital() {
        let members = vec![stake(1, 0, 600), stake(2, 0, 400)];
        let a = allocate_surplus(&input(100_000, members), &standard_policy()).unwrap();
        assert_eq!(a.capital, f(0));
        assert_eq!(a.interest, f(0));
        // Capital 0: the reserves already "equal the capital".
        assert_eq!(a.general_minimum, f(0));
        assert_eq!(a.ristourne, f(50_000));
        assert_eq!(a.members[0].ristourne, f(30_000));
        assert_eq!(a.members[1].ristourne, f(20_000));
        check_sums(&a);
    }

    #[test]
    fn nothing_left_needs_no_dealings() {
        let p = policy("0.40", "0.40", "0.20", "0");
        let members = vec![stake(1, 0, 0), stake(2, 0, 0)];
        let a = allocate_surplus(&input(10_000, members), &p).unwrap();
        assert_eq!(a.ristourne, f(0));
        check_sums(&a);
    }

    // --- errors ---------------------------------------------------------

    #[test]
    fn zero_surplus_or_loss_is_refused() {
        let p = standard_policy();
        assert_eq!(
            allocate_surplus(&input(0, five_members()), &p),
            Err(SurplusError::NoSurplus)
        );
        let err = allocate_surplus(&input(-250_000, five_members()), &p).unwrap_err();
        assert_eq!(err, SurplusError::Loss { loss: f(250_000) });
        assert_eq!(err.key(), "surplus-loss");
        assert_eq!(err.args(), vec![("loss", MsgArg::Amount(250_000))]);
    }

    #[test]
    fn general_reserve_below_minimum() {
        let err = allocate_surplus(
            &input(1_000_000, five_members()),
            &policy("0.10", "0.20", "0.10", "0.05"),
        )
        .unwrap_err();
        assert_eq!(
            err,
            SurplusError::ReserveBelowMinimum {
                reserve: Reserve::General,
                amount: f(100_000),
                pct: dec("0.10"),
                minimum: f(200_000),
                surplus: f(1_000_000),
                capital: f(500_000),
                capped: false,
            }
        );
        assert_eq!(err.key(), "surplus-reserve-below-minimum");
        let args = err.args();
        assert!(args.contains(&("reserve", MsgArg::Text("general".into()))));
        assert!(args.contains(&("pct", MsgArg::Text("10".into()))));
        assert!(args.contains(&("legal", MsgArg::Text("20".into()))));
        assert!(args.contains(&("capped", MsgArg::Text("no".into()))));
    }

    #[test]
    fn training_reserve_below_minimum() {
        let err = allocate_surplus(
            &input(1_000_000, five_members()),
            &policy("0.20", "0.195", "0.10", "0.05"),
        )
        .unwrap_err();
        match &err {
            SurplusError::ReserveBelowMinimum {
                reserve,
                amount,
                minimum,
                ..
            } => {
                assert_eq!(*reserve, Reserve::Training);
                assert_eq!(*amount, f(195_000));
                assert_eq!(*minimum, f(200_000));
            }
            other => panic!("unexpected {other:?}"),
        }
        let args = err.args();
        assert!(args.contains(&("pct", MsgArg::Text("19.5".into()))));
        assert!(args.contains(&("pct_comma", MsgArg::Text("19,5".into()))));
    }

    #[test]
    fn optional_above_twenty_percent() {
        let err = allocate_surplus(
            &input(1_000_000, five_members()),
            &policy("0.20", "0.20", "0.25", "0.05"),
        )
        .unwrap_err();
        assert_eq!(err, SurplusError::OptionalAboveMax { value: dec("0.25") });
        // Exactly 20 % is allowed.
        assert!(
            allocate_surplus(
                &input(1_000_000, five_members()),
                &policy("0.20", "0.20", "0.20", "0.05"),
            )
            .is_ok()
        );
    }

    #[test]
    fn rates_out_of_range() {
        let i = input(1_000_000, five_members());
        let cases = [
            (
                policy("-0.01", "0.20", "0.10", "0.05"),
                Rate::General,
                "-0.01",
            ),
            (policy("0.20", "1.5", "0.10", "0.05"), Rate::Training, "1.5"),
            (
                policy("0.20", "0.20", "-0.10", "0.05"),
                Rate::Optional,
                "-0.10",
            ),
            (
                policy("0.20", "0.20", "0.10", "-0.05"),
                Rate::Interest,
                "-0.05",
            ),
            (
                policy("0.20", "0.20", "0.10", "1.01"),
                Rate::Interest,
                "1.01",
            ),
        ];
        for (p, rate, value) in cases {
            assert_eq!(
                allocate_surplus(&i, &p),
                Err(SurplusError::RateOutOfRange {
                    rate,
                    value: dec(value)
                })
            );
        }
        // 100 % and a negative zero are within range.
        let mut p = policy("1", "0.20", "0.10", "0");
        p.interest_rate = dec("-0.00");
        assert!(matches!(
            allocate_surplus(&i, &p),
            Err(SurplusError::PoolNegative { .. })
        ));
        let err = SurplusError::RateOutOfRange {
            rate: Rate::Interest,
            value: dec("1.25"),
        };
        assert_eq!(
            err.args(),
            vec![
                ("rate", MsgArg::Text("interest".into())),
                ("pct", MsgArg::Text("125".into())),
                ("pct_comma", MsgArg::Text("125".into())),
            ]
        );
    }

    #[test]
    fn negative_carried_forward() {
        let mut p = standard_policy();
        p.carried_forward = f(-1);
        assert_eq!(
            allocate_surplus(&input(1_000_000, five_members()), &p),
            Err(SurplusError::NegativeCarriedForward { amount: f(-1) })
        );
    }

    #[test]
    fn negative_reserve_balance() {
        let mut i = input(1_000_000, five_members());
        i.training_reserve = f(-5_000);
        assert_eq!(
            allocate_surplus(&i, &standard_policy()),
            Err(SurplusError::NegativeReserveBalance {
                reserve: Reserve::Training,
                balance: f(-5_000)
            })
        );
    }

    #[test]
    fn pool_would_be_negative() {
        let mut p = standard_policy();
        p.carried_forward = f(500_000);
        let err = allocate_surplus(&input(1_000_000, five_members()), &p).unwrap_err();
        assert_eq!(
            err,
            SurplusError::PoolNegative {
                surplus: f(1_000_000),
                reserves: f(500_000),
                interest: f(25_000),
                carried_forward: f(500_000),
            }
        );
        assert!(err.args().contains(&("excess", MsgArg::Amount(25_000))));
    }

    #[test]
    fn pool_but_no_dealings() {
        let members = vec![stake(1, 250_000, 0), stake(2, 250_000, 0)];
        let err = allocate_surplus(&input(1_000_000, members), &standard_policy()).unwrap_err();
        assert_eq!(err, SurplusError::NoDealings { pool: f(475_000) });
        // No members at all: same error.
        let err = allocate_surplus(&input(1_000_000, vec![]), &standard_policy()).unwrap_err();
        assert_eq!(err, SurplusError::NoDealings { pool: f(500_000) });
        // Carrying the rest forward resolves it.
        let mut p = standard_policy();
        p.carried_forward = f(475_000);
        let members = vec![stake(1, 250_000, 0), stake(2, 250_000, 0)];
        let a = allocate_surplus(&input(1_000_000, members), &p).unwrap();
        assert_eq!(a.ristourne, f(0));
        check_sums(&a);
    }

    #[test]
    fn negative_capital_or_dealings() {
        let p = standard_policy();
        let mut members = five_members();
        members[2].capital = f(-1);
        assert_eq!(
            allocate_surplus(&input(1_000_000, members), &p),
            Err(SurplusError::NegativeCapital {
                member: 3,
                capital: f(-1)
            })
        );
        let mut members = five_members();
        members[4].dealings = f(-10);
        assert_eq!(
            allocate_surplus(&input(1_000_000, members), &p),
            Err(SurplusError::NegativeDealings {
                member: 5,
                dealings: f(-10)
            })
        );
    }

    #[test]
    fn duplicate_member() {
        let mut members = five_members();
        members[3].member = 2;
        assert_eq!(
            allocate_surplus(&input(1_000_000, members), &standard_policy()),
            Err(SurplusError::DuplicateMember { member: 2 })
        );
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let members = vec![stake(1, i64::MAX, 1), stake(2, 1, 1)];
        assert_eq!(
            allocate_surplus(&input(1_000_000, members), &standard_policy()),
            Err(SurplusError::Overflow)
        );
        let err = allocate_surplus(&input(i64::MIN, five_members()), &standard_policy());
        assert_eq!(err, Err(SurplusError::Overflow));
    }

    #[test]
    fn every_error_has_a_translated_message() {
        let errors = [
            SurplusError::NoSurplus,
            SurplusError::Loss { loss: f(1) },
            SurplusError::RateOutOfRange {
                rate: Rate::General,
                value: dec("2"),
            },
            SurplusError::OptionalAboveMax { value: dec("0.3") },
            SurplusError::NegativeCarriedForward { amount: f(-1) },
            SurplusError::NegativeReserveBalance {
                reserve: Reserve::General,
                balance: f(-1),
            },
            SurplusError::DuplicateMember { member: 1 },
            SurplusError::NegativeCapital {
                member: 1,
                capital: f(-1),
            },
            SurplusError::NegativeDealings {
                member: 1,
                dealings: f(-1),
            },
            SurplusError::ReserveBelowMinimum {
                reserve: Reserve::Training,
                amount: f(1),
                pct: dec("0.1"),
                minimum: f(2),
                surplus: f(10),
                capital: f(10),
                capped: false,
            },
            SurplusError::PoolNegative {
                surplus: f(1),
                reserves: f(1),
                interest: f(1),
                carried_forward: f(1),
            },
            SurplusError::NoDealings { pool: f(1) },
            SurplusError::Overflow,
        ];
        for e in errors {
            assert!(e.key().starts_with("surplus-"));
            assert!(crate::i18n::has_key(e.key()), "missing {}", e.key());
        }
    }

    // --- properties -----------------------------------------------------

    fn basis_points(lo: i64, hi: i64) -> impl Strategy<Value = Decimal> {
        (lo..=hi).prop_map(|bp| Decimal::new(bp, 4))
    }

    /// |part × total_weight − amount × weight| < total_weight, i.e. the part
    /// is within 1 F of `amount × weight / total_weight`.
    fn within_one_franc(part: Fcfa, amount: Fcfa, weight: i64, total_weight: i64) -> bool {
        let lhs = i128::from(part.francs()) * i128::from(total_weight);
        let rhs = i128::from(amount.francs()) * i128::from(weight);
        (lhs - rhs).abs() < i128::from(total_weight)
    }

    proptest! {
        #[test]
        fn parts_always_add_up_to_the_surplus(
            surplus in 1i64..=10_000_000_000,
            general_balance in 0i64..=20_000_000,
            training_balance in 0i64..=20_000_000,
            general in basis_points(2_000, 5_000),
            training in basis_points(2_000, 5_000),
            optional in basis_points(0, 2_000),
            rate in basis_points(0, 1_000),
            carried_forward in 0i64..=1_000_000,
            stakes in prop::collection::vec((0i64..=5_000_000, 0i64..=50_000_000), 1..12),
            dealer in 0usize..12,
        ) {
            let mut members: Vec<MemberStake> = stakes
                .iter()
                .enumerate()
                .map(|(i, &(c, d))| stake(i as i64 + 1, c, d))
                .collect();
            // At least one member has dealings.
            let k = dealer % members.len();
            if members[k].dealings.is_zero() {
                members[k].dealings = f(1);
            }
            let input = SurplusInput {
                surplus: f(surplus),
                general_reserve: f(general_balance),
                training_reserve: f(training_balance),
                members,
            };
            let p = SurplusPolicy {
                general_pct: general,
                training_pct: training,
                optional_pct: optional,
                interest_rate: rate,
                carried_forward: f(carried_forward),
            };
            match allocate_surplus(&input, &p) {
                Ok(a) => {
                    prop_assert_eq!(parts_sum(&a), surplus);
                    prop_assert!(!a.ristourne.is_negative());
                    prop_assert!(a.general_reserve >= a.general_minimum);
                    prop_assert!(a.training_reserve >= a.training_minimum);
                    let capital: i64 = input.members.iter().map(|m| m.capital.francs()).sum();
                    let dealings: i64 = input.members.iter().map(|m| m.dealings.francs()).sum();
                    prop_assert_eq!(a.capital.francs(), capital);
                    let mut interest = 0i64;
                    let mut ristourne = 0i64;
                    for (m, s) in a.members.iter().zip(&input.members) {
                        prop_assert_eq!(m.member, s.member);
                        interest += m.interest.francs();
                        ristourne += m.ristourne.francs();
                        if capital > 0 {
                            prop_assert!(within_one_franc(
                                m.interest, a.interest, s.capital.francs(), capital
                            ));
                        } else {
                            prop_assert!(m.interest.is_zero());
                        }
                        prop_assert!(within_one_franc(
                            m.ristourne, a.ristourne, s.dealings.francs(), dealings
                        ));
                    }
                    prop_assert_eq!(interest, a.interest.francs());
                    prop_assert_eq!(ristourne, a.ristourne.francs());
                }
                Err(SurplusError::PoolNegative { surplus: s, reserves, interest, carried_forward }) => {
                    prop_assert_eq!(s.francs(), surplus);
                    prop_assert!(
                        reserves.francs() + interest.francs() + carried_forward.francs() > surplus
                    );
                }
                Err(e) => prop_assert!(false, "unexpected error {:?}", e),
            }
        }
    }
}
