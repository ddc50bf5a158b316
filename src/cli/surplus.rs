//! `jatebo surplus preview|post`: the year-end allocation of a
//! cooperative's net surplus (AUSCOOP), as the general assembly decides it.

use clap::{Args, Subcommand};
use rust_decimal::Decimal;

use super::{Context, amt, fit, json_out, parse_business_date, right};
use crate::domain::coop::CoopError;
use crate::domain::money::Fcfa;
use crate::domain::period::parse_year;
use crate::domain::surplus::SurplusPolicy;
use crate::error::Result;
use crate::i18n::tr;
use crate::service::coop::SurplusPreview;
use crate::t;

#[derive(Args, Debug)]
pub struct PolicyArgs {
    #[arg(help = tr("cli-surplus-year"))]
    pub year: String,
    #[arg(long, default_value = "20", help = tr("cli-surplus-general"))]
    pub general: String,
    #[arg(long, default_value = "20", help = tr("cli-surplus-training"))]
    pub training: String,
    #[arg(long, default_value = "0", help = tr("cli-surplus-optional"))]
    pub optional: String,
    #[arg(long, default_value = "0", help = tr("cli-surplus-interest"))]
    pub interest: String,
    #[arg(long, default_value = "0", help = tr("cli-surplus-carry"))]
    pub carry: String,
}

#[derive(Subcommand, Debug)]
pub enum SurplusCmd {
    #[command(about = tr("cli-surplus-preview"))]
    Preview(PolicyArgs),
    #[command(about = tr("cli-surplus-post"))]
    Post {
        #[command(flatten)]
        policy: PolicyArgs,
        #[arg(long, help = tr("cli-surplus-date"))]
        date: Option<String>,
    },
    #[command(about = tr("cli-surplus-show"))]
    Show {
        #[arg(help = tr("cli-surplus-year"))]
        year: String,
    },
}

/// `20`, `20 %`, `12,5` → 0.20, 0.125.
fn percent(input: &str) -> Result<Decimal> {
    let s = input.trim().trim_end_matches('%').trim().replace(',', ".");
    s.parse::<Decimal>()
        .ok()
        .filter(|d| *d >= Decimal::ZERO && *d <= Decimal::from(100))
        .map(|d| d / Decimal::from(100))
        .ok_or_else(|| {
            CoopError::BadPercent {
                input: input.trim().to_string(),
            }
            .into()
        })
}

fn policy(a: &PolicyArgs) -> Result<(i32, SurplusPolicy)> {
    Ok((
        parse_year(&a.year)?,
        SurplusPolicy {
            general_pct: percent(&a.general)?,
            training_pct: percent(&a.training)?,
            optional_pct: percent(&a.optional)?,
            interest_rate: percent(&a.interest)?,
            carried_forward: crate::domain::money::parse(&a.carry)?,
        },
    ))
}

fn print(p: &SurplusPreview) {
    let a = &p.allocation;
    outln!("{}", t!("cli-surplus-title", year = i64::from(p.year)));
    let row = |key: &str, v: Fcfa| {
        outln!("  {} {}", fit(&tr(key), 34), right(&amt(v), 14));
    };
    row("cli-surplus-row-surplus", a.surplus);
    row("cli-surplus-row-capital", a.capital);
    row("cli-surplus-row-general", a.general_reserve);
    row("cli-surplus-row-training", a.training_reserve);
    row("cli-surplus-row-optional", a.optional_reserve);
    row("cli-surplus-row-interest", a.interest);
    row("cli-surplus-row-carried", a.carried_forward);
    row("cli-surplus-row-ristourne", a.ristourne);
    outln!(
        "{}",
        t!(
            "cli-surplus-minimums",
            general = a.general_minimum,
            training = a.training_minimum
        )
    );
    outln!(
        "{} {} {} {} {} {}",
        fit(&tr("cli-surplus-col-member"), 26),
        right(&tr("cli-surplus-col-capital"), 10),
        right(&tr("cli-surplus-col-dealings"), 11),
        right(&tr("cli-surplus-col-interest"), 9),
        right(&tr("cli-surplus-col-ristourne"), 10),
        right(&tr("cli-surplus-col-total"), 10)
    );
    for m in &p.members {
        outln!(
            "{} {} {} {} {} {}",
            fit(&format!("{:>3} {}", m.number, m.name), 26),
            right(&amt(m.capital), 10),
            right(&amt(m.dealings), 11),
            right(&amt(m.interest), 9),
            right(&amt(m.ristourne), 10),
            right(&amt(m.total), 10)
        );
    }
    match &p.entry {
        Some(n) => outln!("{}", t!("cli-surplus-posted", number = n.clone())),
        None => outln!("{}", tr("cli-surplus-not-posted")),
    }
}

pub fn cmd_surplus(ctx: &Context, c: SurplusCmd) -> Result<i32> {
    let mut books = ctx.open()?;
    let org = ctx.org(&books)?;
    let p = match c {
        SurplusCmd::Preview(a) => {
            let (year, pol) = policy(&a)?;
            books.surplus_preview(&org, year, &pol)?
        }
        SurplusCmd::Post { policy: a, date } => {
            let (year, pol) = policy(&a)?;
            let date = match date {
                Some(d) => parse_business_date(&d)?,
                None => crate::tui::today(),
            };
            let actor = ctx.actor(&mut books)?;
            books.allocate_surplus(&actor, &org, year, &pol, date)?
        }
        SurplusCmd::Show { year } => {
            let year = parse_year(&year)?;
            match books.surplus_recorded(&org, year)? {
                Some(p) => p,
                None => {
                    outln!("{}", t!("cli-surplus-none", year = i64::from(year)));
                    return Ok(super::EXIT_PROBLEMS);
                }
            }
        }
    };
    if ctx.json {
        return json_out(&p).map(|_| 0);
    }
    print(&p);
    Ok(0)
}
