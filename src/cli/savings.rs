//! A savings group (AVEC / VSLA) on the command line: the cycle and its
//! constitution, members, meetings (open, the grid row by row or from a
//! CSV sheet, the social fund, close with its closing code, reopen), the
//! loan register, the share-out, passbooks and indicators.
//!
//! The commands only read what was typed and print what the service
//! answers; every rule (shares within the limits, a loan within the
//! multiple of her savings and the cash in the box, counts that match…)
//! is the service's, and so is every refusal.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use rust_decimal::Decimal;
use serde::Serialize;

use super::{Context, amt, date_fmt, fit, json_out, parse_business_date, right};
use crate::domain::Message;
use crate::domain::money::Fcfa;
use crate::domain::savings::{
    Attendance, Constitution, FineType, InterestMode, LatePolicy, LeavingPayout, MemberRole,
    RemainderTo, RowInput, SavingsError, ShareoutRule, format_pct, parse_multiple, parse_rate,
};
use crate::domain::text::fold;
use crate::error::{Error, Result};
use crate::i18n::{lang, tr};
use crate::service::Books;
use crate::service::passbook::{loan_state_label, mode_label, role_label};
use crate::service::savings::{
    CloseInput, CycleInput, GridRow, LeavePlan, LoanView, MeetingView, OpenInput, SgMemberInput,
    ShareoutView, SocialInput,
};
use crate::store::{CycleRow, OrgRow, SgMemberRow};
use crate::t;

/// A line of output without trailing blanks (tables end with columns that
/// may be empty).
macro_rules! rowln {
    ($($arg:tt)*) => {
        outln!("{}", format!($($arg)*).trim_end())
    };
}

// ---- the command line ------------------------------------------------------

/// A whole number typed on the command line (shares, months, days…).
fn count_arg(s: &str) -> std::result::Result<u32, String> {
    s.trim()
        .parse::<u32>()
        .map_err(|_| t!("cli-sg-bad-count", input = s.trim()))
}

/// A number (of a member, a meeting, a loan, a movement).
fn number_arg(s: &str) -> std::result::Result<i64, String> {
    s.trim()
        .trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| t!("cli-sg-bad-count", input = s.trim()))
}

/// `on`/`off` (`oui`/`non`, `yes`/`no`).
fn on_off(s: &str) -> std::result::Result<bool, String> {
    match fold(s.trim()).as_str() {
        "on" | "oui" | "yes" | "1" | "true" | "vrai" => Ok(true),
        "off" | "non" | "no" | "0" | "false" | "faux" => Ok(false),
        _ => Err(t!("cli-sg-bad-on-off", input = s.trim())),
    }
}

#[derive(Subcommand, Debug)]
pub enum GroupCmd {
    #[command(about = tr("cli-sg-group-start"))]
    Start(Box<StartArgs>),
    #[command(about = tr("cli-sg-group-show"))]
    Show,
    #[command(about = tr("cli-sg-group-cycles"))]
    Cycles,
}

#[derive(Args, Debug)]
pub struct StartArgs {
    #[arg(long, help = tr("cli-sg-start"))]
    pub start: Option<String>,
    #[arg(long, help = tr("cli-sg-end"))]
    pub end: String,
    #[arg(long, value_name = "JOURS", value_parser = count_arg, help = tr("cli-sg-frequency"))]
    pub frequency: Option<u32>,
    #[arg(long, value_name = "F", help = tr("cli-sg-share-price"))]
    pub share_price: Option<String>,
    #[arg(long, value_name = "N", value_parser = count_arg, help = tr("cli-sg-min-shares"))]
    pub min_shares: Option<u32>,
    #[arg(long, value_name = "N", value_parser = count_arg, help = tr("cli-sg-max-shares"))]
    pub max_shares: Option<u32>,
    #[arg(long, value_name = "F", help = tr("cli-sg-social-fee"))]
    pub social_fee: Option<String>,
    #[arg(long, value_name = "MODE", help = tr("cli-sg-interest"))]
    pub interest: Option<String>,
    #[arg(long, value_name = "%", help = tr("cli-sg-rate"))]
    pub rate: Option<String>,
    #[arg(long, value_name = "X", help = tr("cli-sg-max-multiple"))]
    pub max_multiple: Option<String>,
    #[arg(long, value_name = "MOIS", value_parser = count_arg, help = tr("cli-sg-max-term"))]
    pub max_term: Option<u32>,
    #[arg(long, value_name = "overdue|rollover", help = tr("cli-sg-late"))]
    pub late: Option<String>,
    #[arg(long, value_name = "CODE=MONTANT", help = tr("cli-sg-fine-type"))]
    pub fine: Vec<String>,
    #[arg(long, value_name = "REGLE", help = tr("cli-sg-rule"))]
    pub rule: Option<String>,
    #[arg(long, value_name = "on|off", value_parser = on_off, help = tr("cli-sg-netting"))]
    pub netting: Option<bool>,
    #[arg(long, value_name = "F", value_parser = count_arg, help = tr("cli-sg-rounding"))]
    pub rounding: Option<u32>,
    #[arg(long, value_name = "next-cycle|social-fund", help = tr("cli-sg-remainder"))]
    pub remainder: Option<String>,
    #[arg(long, value_name = "savings|value", help = tr("cli-sg-leaving"))]
    pub leaving: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum MeetingCmd {
    #[command(about = tr("cli-sg-meeting-open"))]
    Open {
        #[arg(long, help = tr("cli-sg-meeting-date"))]
        date: Option<String>,
        #[arg(long, value_name = "F", help = tr("cli-sg-loan-cash"))]
        loan_cash: String,
        #[arg(long, value_name = "F", help = tr("cli-sg-social-cash"))]
        social_cash: String,
        #[arg(long, help = tr("cli-sg-count-reason"))]
        reason: Option<String>,
    },
    #[command(about = tr("cli-sg-meeting-show"))]
    Show {
        #[arg(long, value_parser = number_arg, help = tr("cli-sg-meeting-number"))]
        number: Option<i64>,
    },
    #[command(about = tr("cli-sg-meeting-record"))]
    Record(RecordArgs),
    #[command(about = tr("cli-sg-meeting-fill"))]
    Fill,
    #[command(about = tr("cli-sg-meeting-social"))]
    Social {
        #[arg(long, help = tr("cli-sg-member-arg"))]
        member: String,
        #[arg(long, value_name = "grant|loan|repay", help = tr("cli-sg-social-kind"))]
        kind: String,
        #[arg(long, value_name = "F", help = tr("cli-sg-social-amount"))]
        amount: String,
        #[arg(long, value_name = "health|funeral|other", help = tr("cli-sg-social-reason"))]
        reason: Option<String>,
        #[arg(long, help = tr("cli-sg-social-note"))]
        note: Option<String>,
        #[arg(long, value_name = "MOIS", value_parser = count_arg, help = tr("cli-sg-term"))]
        term: Option<u32>,
    },
    #[command(about = tr("cli-sg-meeting-social-remove"))]
    SocialRemove {
        #[arg(value_parser = number_arg, help = tr("cli-sg-social-id"))]
        id: i64,
    },
    #[command(about = tr("cli-sg-meeting-import"))]
    Import {
        #[arg(help = tr("cli-sg-sheet-file"))]
        file: PathBuf,
    },
    #[command(about = tr("cli-sg-meeting-close"))]
    Close {
        #[arg(long, value_name = "F", help = tr("cli-sg-loan-cash-close"))]
        loan_cash: String,
        #[arg(long, value_name = "F", help = tr("cli-sg-social-cash-close"))]
        social_cash: String,
        #[arg(long, help = tr("cli-sg-count-reason"))]
        reason: Option<String>,
    },
    #[command(about = tr("cli-sg-meeting-reopen"))]
    Reopen {
        #[arg(long, value_parser = number_arg, help = tr("cli-sg-meeting-number"))]
        number: Option<i64>,
        #[arg(long, help = tr("cli-sg-reopen-reason"))]
        reason: String,
    },
    #[command(about = tr("cli-sg-meeting-list"))]
    List,
}

#[derive(Args, Debug)]
pub struct RecordArgs {
    #[arg(long, help = tr("cli-sg-member-arg"))]
    pub member: String,
    #[arg(long, value_name = "p|a|r", help = tr("cli-sg-attendance"))]
    pub attendance: Option<String>,
    #[arg(long, value_name = "F", help = tr("cli-sg-social-paid"))]
    pub social: Option<String>,
    #[arg(long, value_name = "N", value_parser = count_arg, help = tr("cli-sg-shares"))]
    pub shares: Option<u32>,
    #[arg(long, value_name = "F", help = tr("cli-sg-repay"))]
    pub repay: Option<String>,
    #[arg(long, value_name = "F|CODES", help = tr("cli-sg-fine"))]
    pub fine: Option<String>,
    #[arg(long, value_name = "F", help = tr("cli-sg-fine-paid"))]
    pub fine_paid: Option<String>,
    #[arg(long, value_name = "F", help = tr("cli-sg-loan"))]
    pub loan: Option<String>,
    #[arg(long, value_name = "MOIS", value_parser = count_arg, help = tr("cli-sg-term"))]
    pub term: Option<u32>,
}

#[derive(Subcommand, Debug)]
pub enum LoanCmd {
    #[command(about = tr("cli-sg-loan-list"))]
    List {
        #[arg(long, help = tr("cli-sg-as-of"))]
        as_of: Option<String>,
    },
    #[command(about = tr("cli-sg-loan-show"))]
    Show {
        #[arg(value_parser = number_arg, help = tr("cli-sg-loan-number"))]
        number: i64,
        #[arg(long, help = tr("cli-sg-as-of"))]
        as_of: Option<String>,
    },
    #[command(about = tr("cli-sg-loan-writeoff"))]
    Writeoff {
        #[arg(value_parser = number_arg, help = tr("cli-sg-loan-number"))]
        number: i64,
        #[arg(long, help = tr("cli-sg-writeoff-date"))]
        date: Option<String>,
        #[arg(long, help = tr("cli-sg-writeoff-reason"))]
        reason: String,
        #[arg(long = "approved-by", value_name = "NOM", help = tr("cli-sg-approved-by"))]
        approved_by: Vec<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum ShareoutCmd {
    #[command(about = tr("cli-sg-shareout-preview"))]
    Preview {
        #[arg(long, help = tr("cli-sg-shareout-date"))]
        date: Option<String>,
    },
    #[command(about = tr("cli-sg-shareout-post"))]
    Post {
        #[arg(long, help = tr("cli-sg-shareout-date"))]
        date: Option<String>,
    },
}

#[derive(Args, Debug)]
pub struct PassbookArgs {
    #[arg(long, help = tr("cli-sg-member-arg"))]
    pub member: String,
    #[arg(long, help = tr("cli-sg-as-of"))]
    pub as_of: Option<String>,
}

#[derive(Args, Debug)]
pub struct IndicatorsArgs {
    #[arg(long, help = tr("cli-sg-as-of"))]
    pub as_of: Option<String>,
}

// ---- reading what was typed ----------------------------------------------------

/// The business date: the one given, or today (`JATEBO_TODAY` fixes it).
fn date_or_today(d: &Option<String>) -> Result<NaiveDate> {
    match d {
        Some(s) => parse_business_date(s),
        None => Ok(crate::tui::today()),
    }
}

/// An amount that may be zero (a count, a cell of the grid).
fn amount(s: &str) -> Result<Fcfa> {
    Ok(crate::domain::money::parse(s)?)
}

/// A refusal made by the command line itself (an option that does not fit
/// this kind of organisation): said on standard error like every refusal,
/// exit 1, nothing written.
pub(super) fn refuse(message: String) -> Result<i32> {
    eprintln!("{}", t!("error-prefix", message = message));
    Ok(1)
}

// ---- words ---------------------------------------------------------------------

fn money(v: Fcfa) -> String {
    v.format(lang())
}

fn grouped(v: Fcfa) -> String {
    v.format_grouped(lang())
}

fn pct(rate: Decimal) -> String {
    t!("cli-sg-pct", value = format_pct(rate, lang()))
}

/// A decimal amount (a share's value): `604,1667` in French, `604.1667` in
/// English, thousands grouped.
fn decimal(d: Decimal) -> String {
    let s = d.normalize().abs().to_string();
    let (int, frac) = s.split_once('.').unwrap_or((s.as_str(), ""));
    let int: i64 = int.parse().unwrap_or(0);
    let mut out = String::new();
    if d.is_sign_negative() && !d.is_zero() {
        out.push('-');
    }
    out.push_str(&Fcfa::new(int).format_grouped(lang()));
    if !frac.is_empty() {
        out.push(match lang() {
            crate::domain::Lang::Fr => ',',
            crate::domain::Lang::En => '.',
        });
        out.push_str(frac);
    }
    out
}

fn attendance_name(a: Attendance) -> String {
    match a {
        Attendance::Present => tr("cli-sg-att-present"),
        Attendance::Absent => tr("cli-sg-att-absent"),
        Attendance::Represented => tr("cli-sg-att-represented"),
    }
}

fn attendance_short(a: Attendance) -> String {
    match a {
        Attendance::Present => tr("cli-sg-att-short-present"),
        Attendance::Absent => tr("cli-sg-att-short-absent"),
        Attendance::Represented => tr("cli-sg-att-short-represented"),
    }
}

fn late_name(l: LatePolicy) -> String {
    match l {
        LatePolicy::Rollover => tr("cli-sg-late-rollover"),
        LatePolicy::Overdue => tr("cli-sg-late-overdue"),
    }
}

fn rule_name(r: ShareoutRule) -> String {
    match r {
        ShareoutRule::Proportional => tr("cli-sg-rule-proportional"),
        ShareoutRule::EqualProfit => tr("cli-sg-rule-equal-profit"),
        ShareoutRule::OwnInterest => tr("cli-sg-rule-own-interest"),
    }
}

fn remainder_name(code: &str) -> String {
    match code {
        "social-fund" => tr("cli-sg-remainder-social-fund"),
        _ => tr("cli-sg-remainder-next-cycle"),
    }
}

fn leaving_name(l: LeavingPayout) -> String {
    match l {
        LeavingPayout::Savings => tr("cli-sg-leaving-savings"),
        LeavingPayout::Value => tr("cli-sg-leaving-value"),
    }
}

fn social_kind_name(kind: &str) -> String {
    match kind {
        "grant" => tr("sg-social-grant"),
        "loan" => tr("sg-social-loan"),
        _ => tr("sg-social-repay"),
    }
}

fn social_reason_name(reason: &str) -> String {
    match reason {
        "health" => tr("sg-reason-health"),
        "funeral" => tr("sg-reason-funeral"),
        _ => tr("sg-reason-other"),
    }
}

fn fund_name(fund: &str) -> String {
    match fund {
        "social" => tr("cli-sg-fund-social"),
        _ => tr("cli-sg-fund-loan"),
    }
}

/// A fund's name at the start of a line.
fn fund_title(fund: &str) -> String {
    match fund {
        "social" => tr("cli-sg-fund-social-title"),
        _ => tr("cli-sg-fund-loan-title"),
    }
}

fn yes_no(b: bool) -> String {
    if b { tr("cli-sg-yes") } else { tr("cli-sg-no") }
}

fn member_label(number: i64, name: &str) -> String {
    format!("{number:>3} {name}")
}

// ---- group and cycles ----------------------------------------------------------

pub fn cmd_group(ctx: &Context, c: GroupCmd) -> Result<i32> {
    let mut books = ctx.open()?;
    let org = ctx.org(&books)?;
    match c {
        GroupCmd::Start(a) => {
            let previous = books.cycles(&org)?;
            let mut cons = previous
                .last()
                .map(|c| c.constitution.clone())
                .unwrap_or_else(Constitution::standard);
            apply_constitution(&mut cons, &a)?;
            let start = date_or_today(&a.start)?;
            let end = parse_business_date(&a.end)?;
            let actor = ctx.actor(&mut books)?;
            let cycle = books.start_cycle(
                &actor,
                &org,
                CycleInput {
                    start,
                    planned_end: end,
                    constitution: cons,
                },
            )?;
            if ctx.json {
                return json_out(&group_json(&books, &org, &cycle)?).map(|_| 0);
            }
            rowln!(
                "{}",
                t!(
                    "cli-sg-cycle-started",
                    number = cycle.number,
                    start = date_fmt(cycle.start),
                    end = date_fmt(cycle.planned_end)
                )
            );
            print_constitution(&cycle.constitution);
        }
        GroupCmd::Show => {
            let cycle = books.cycle(&org)?;
            if ctx.json {
                return json_out(&group_json(&books, &org, &cycle)?).map(|_| 0);
            }
            let members = books.sg_members(&org)?;
            let active = members
                .iter()
                .filter(|m| m.left_on.is_none() && m.joined <= crate::tui::today())
                .count();
            let meetings = books.meetings(&org)?;
            rowln!("{} ({})", org.name, org.code);
            let state = match cycle.shared_on {
                Some(d) => t!("cli-sg-cycle-shared", date = date_fmt(d)),
                None => tr("cli-sg-cycle-running"),
            };
            rowln!(
                "{}",
                t!(
                    "cli-sg-cycle-line",
                    number = cycle.number,
                    start = date_fmt(cycle.start),
                    end = date_fmt(cycle.planned_end),
                    state = state
                )
            );
            rowln!(
                "{}",
                t!(
                    "cli-sg-group-counts",
                    members = active,
                    meetings = meetings.len()
                )
            );
            print_constitution(&cycle.constitution);
        }
        GroupCmd::Cycles => {
            let cycles = books.cycles(&org)?;
            if ctx.json {
                return json_out(&cycles).map(|_| 0);
            }
            if cycles.is_empty() {
                rowln!("{}", message(&SavingsError::NoCycle));
                return Ok(0);
            }
            rowln!(
                "{} {} {} {} {} {}",
                right(&tr("cli-sg-col-cycle"), 5),
                fit(&tr("cli-sg-col-start"), 10),
                fit(&tr("cli-sg-col-end"), 10),
                fit(&tr("cli-sg-col-shared"), 10),
                right(&tr("cli-sg-col-share-price"), 8),
                tr("cli-sg-col-interest")
            );
            for c in &cycles {
                let k = &c.constitution;
                rowln!(
                    "{} {} {} {} {} {}",
                    right(&c.number.to_string(), 5),
                    date_fmt(c.start),
                    date_fmt(c.planned_end),
                    fit(&c.shared_on.map(date_fmt).unwrap_or_default(), 10),
                    right(&grouped(k.share_price), 8),
                    t!(
                        "cli-sg-interest-short",
                        mode = mode_label(k.interest_mode),
                        rate = pct(k.monthly_rate)
                    )
                );
            }
        }
    }
    Ok(0)
}

fn message(m: &dyn Message) -> String {
    crate::i18n::message(m)
}

/// What `group show --json` and `group start --json` answer.
fn group_json(books: &Books, org: &OrgRow, cycle: &CycleRow) -> Result<serde_json::Value> {
    let members = books.sg_members(org)?;
    let meetings = books.meetings(org)?;
    let warnings: Vec<String> = cycle
        .constitution
        .warnings()
        .iter()
        .map(|w| message(w))
        .collect();
    Ok(serde_json::json!({
        "org": org.code,
        "name": org.name,
        "cycle": cycle,
        "members": members.iter().filter(|m| m.left_on.is_none()).count(),
        "meetings": meetings.len(),
        "warnings": warnings,
    }))
}

fn apply_constitution(c: &mut Constitution, a: &StartArgs) -> Result<()> {
    if let Some(v) = a.frequency {
        c.frequency_days = v;
    }
    if let Some(v) = &a.share_price {
        c.share_price = crate::domain::money::parse_positive(v)?;
    }
    if let Some(v) = a.min_shares {
        c.min_shares = v;
    }
    if let Some(v) = a.max_shares {
        c.max_shares = v;
    }
    if let Some(v) = &a.social_fee {
        c.social_fee = amount(v)?;
    }
    if let Some(v) = &a.interest {
        c.interest_mode = InterestMode::parse(v)?;
        // No interest means a zero rate, unless one is typed (and refused).
        if c.interest_mode == InterestMode::None && a.rate.is_none() {
            c.monthly_rate = Decimal::ZERO;
        }
    }
    if let Some(v) = &a.rate {
        c.monthly_rate = parse_rate(v)?;
    }
    if let Some(v) = &a.max_multiple {
        c.max_loan_multiple = parse_multiple(v)?;
    }
    if let Some(v) = a.max_term {
        c.max_term_months = v;
    }
    if let Some(v) = &a.late {
        c.late = LatePolicy::parse(v)?;
    }
    if !a.fine.is_empty() {
        let none = a.fine.len() == 1
            && matches!(
                fold(a.fine[0].trim()).as_str(),
                "none" | "aucune" | "aucun" | ""
            );
        c.fines = if none {
            Vec::new()
        } else {
            a.fine
                .iter()
                .map(|f| FineType::parse(f))
                .collect::<std::result::Result<Vec<_>, _>>()?
        };
    }
    if let Some(v) = &a.rule {
        c.rule = ShareoutRule::parse(v)?;
    }
    if let Some(v) = a.netting {
        c.netting = v;
    }
    if let Some(v) = a.rounding {
        c.rounding_unit = i64::from(v);
    }
    if let Some(v) = &a.remainder {
        c.remainder_to = RemainderTo::parse(v)?;
    }
    if let Some(v) = &a.leaving {
        c.leaving = LeavingPayout::parse(v)?;
    }
    c.validate()?;
    Ok(())
}

fn print_constitution(c: &Constitution) {
    rowln!("{}", tr("cli-sg-constitution"));
    let row = |key: &str, value: String| {
        rowln!("  {} {}", fit(&tr(key), 28), value);
    };
    row(
        "cli-sg-c-frequency",
        t!("cli-sg-every-days", days = i64::from(c.frequency_days)),
    );
    row("cli-sg-c-share-price", money(c.share_price));
    row(
        "cli-sg-c-shares",
        if c.equal_contribution() {
            tr("cli-sg-equal-contribution")
        } else {
            t!(
                "cli-sg-shares-range",
                min = i64::from(c.min_shares),
                max = i64::from(c.max_shares)
            )
        },
    );
    row(
        "cli-sg-c-social-fee",
        t!("cli-sg-per-meeting", amount = c.social_fee),
    );
    row(
        "cli-sg-c-interest",
        t!(
            "cli-sg-interest-monthly",
            mode = mode_label(c.interest_mode),
            rate = pct(c.monthly_rate)
        ),
    );
    row(
        "cli-sg-c-max-loan",
        t!(
            "cli-sg-max-loan",
            multiple = decimal(c.max_loan_multiple),
            months = i64::from(c.max_term_months)
        ),
    );
    row("cli-sg-c-late", late_name(c.late));
    let fines = if c.fines.is_empty() {
        tr("cli-sg-no-fines")
    } else {
        c.fines
            .iter()
            .map(|f| format!("{} {}", f.code, money(f.amount)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    row("cli-sg-c-fines", fines);
    row(
        "cli-sg-c-rule",
        t!(
            "cli-sg-rule-netting",
            rule = rule_name(c.rule),
            netting = yes_no(c.netting)
        ),
    );
    row(
        "cli-sg-c-rounding",
        t!(
            "cli-sg-rounding-to",
            unit = Fcfa::new(c.rounding_unit),
            to = remainder_name(c.remainder_to.code())
        ),
    );
    row("cli-sg-c-leaving", leaving_name(c.leaving));
    for w in c.warnings() {
        rowln!("  ! {}", message(&w));
    }
}

// ---- members -------------------------------------------------------------------

/// What `member …` does for a savings group (the cooperative's commands
/// are in `coop.rs`; `cmd_member` sends a group here).
pub enum SgMember {
    Add {
        name: String,
        phone: Option<String>,
        role: Option<String>,
        joined: Option<String>,
        number: Option<i64>,
    },
    List {
        search: Option<String>,
    },
    Show {
        member: String,
    },
    Edit {
        member: String,
        name: Option<String>,
        phone: Option<String>,
        role: Option<String>,
    },
    Leave {
        member: String,
        date: Option<String>,
        preview: bool,
    },
}

#[derive(Serialize)]
struct MemberSummary<'a> {
    #[serde(flatten)]
    member: &'a SgMemberRow,
    role_name: String,
    cycle: Option<i64>,
    shares: Option<i64>,
    savings: Option<Fcfa>,
    loan_balance: Option<Fcfa>,
    fines_owed: Option<Fcfa>,
}

pub(super) fn cmd_sg_member(
    ctx: &Context,
    books: &mut Books,
    org: &OrgRow,
    c: SgMember,
) -> Result<i32> {
    match c {
        SgMember::Add {
            name,
            phone,
            role,
            joined,
            number,
        } => {
            let role = match &role {
                Some(r) => MemberRole::parse(r)?,
                None => MemberRole::Member,
            };
            let joined = date_or_today(&joined)?;
            let actor = ctx.actor(books)?;
            let m = books.add_sg_member(
                &actor,
                org,
                SgMemberInput {
                    number,
                    name,
                    phone: phone.unwrap_or_default(),
                    role,
                    joined,
                },
            )?;
            if ctx.json {
                return json_out(&m).map(|_| 0);
            }
            rowln!(
                "{}",
                t!(
                    "cli-sg-member-added",
                    number = m.number,
                    name = m.name.clone(),
                    role = role_label(&m.role),
                    joined = date_fmt(m.joined),
                    account = m.account.clone()
                )
            );
        }
        SgMember::List { search } => {
            let key = search.as_deref().map(|s| fold(s.trim()));
            let members: Vec<SgMemberRow> = books
                .sg_members(org)?
                .into_iter()
                .filter(|m| match &key {
                    None => true,
                    Some(k) => {
                        fold(&m.name).contains(k.as_str())
                            || m.number.to_string() == *k
                            || (!k.is_empty()
                                && m.phone.replace(' ', "").contains(&k.replace(' ', "")))
                    }
                })
                .collect();
            if ctx.json {
                return json_out(&members).map(|_| 0);
            }
            if members.is_empty() {
                rowln!("{}", tr("cli-member-none"));
                return Ok(0);
            }
            rowln!(
                "{} {} {} {} {} {}",
                right(&tr("col-number"), 3),
                fit(&tr("cli-col-name"), 24),
                fit(&tr("cli-col-phone"), 12),
                fit(&tr("cli-sg-col-role"), 14),
                fit(&tr("cli-col-joined"), 10),
                tr("cli-sg-col-left")
            );
            for m in &members {
                rowln!(
                    "{} {} {} {} {} {}",
                    right(&m.number.to_string(), 3),
                    fit(&m.name, 24),
                    fit(&m.phone, 12),
                    fit(&role_label(&m.role), 14),
                    date_fmt(m.joined),
                    m.left_on.map(date_fmt).unwrap_or_default()
                );
            }
            rowln!("{}", t!("cli-sg-member-count", count = members.len()));
        }
        SgMember::Show { member } => {
            let m = books.sg_member(org, &member)?;
            let pb = match books.passbook(org, &m.number.to_string(), crate::tui::today()) {
                Ok(p) => Some(p),
                Err(Error::Savings(SavingsError::NoCycle)) => None,
                Err(e) => return Err(e),
            };
            let cycle = books.cycles(org)?.last().map(|c| c.number);
            if ctx.json {
                return json_out(&MemberSummary {
                    member: &m,
                    role_name: role_label(&m.role),
                    cycle,
                    shares: pb.as_ref().map(|p| p.shares),
                    savings: pb.as_ref().map(|p| p.savings),
                    loan_balance: pb.as_ref().map(|p| p.loan_balance),
                    fines_owed: pb.as_ref().map(|p| p.fines_owed),
                })
                .map(|_| 0);
            }
            rowln!(
                "{}",
                t!(
                    "cli-sg-member-title",
                    number = m.number,
                    name = m.name.clone()
                )
            );
            let row = |key: &str, value: String| {
                rowln!("  {} {}", fit(&tr(key), 16), value);
            };
            row("cli-sg-col-role", role_label(&m.role));
            row("cli-col-phone", m.phone.clone());
            row("cli-col-joined", date_fmt(m.joined));
            if let Some(l) = m.left_on {
                row("cli-sg-col-left", date_fmt(l));
            }
            row(
                "cli-sg-col-accounts",
                t!(
                    "cli-sg-member-accounts",
                    savings = m.account.clone(),
                    loan = m.loan_account.clone()
                ),
            );
            if let (Some(p), Some(n)) = (&pb, cycle) {
                rowln!(
                    "{}",
                    t!(
                        "cli-sg-member-cycle",
                        cycle = n,
                        shares = p.shares,
                        savings = p.savings,
                        loan = p.loan_balance,
                        fines = p.fines_owed
                    )
                );
            }
        }
        SgMember::Edit {
            member,
            name,
            phone,
            role,
        } => {
            let role = role.as_deref().map(MemberRole::parse).transpose()?;
            let actor = ctx.actor(books)?;
            let m = books.edit_sg_member(
                &actor,
                org,
                &member,
                name.as_deref(),
                phone.as_deref(),
                role,
            )?;
            if ctx.json {
                return json_out(&m).map(|_| 0);
            }
            rowln!(
                "{}",
                t!(
                    "cli-sg-member-edited",
                    number = m.number,
                    name = m.name.clone(),
                    role = role_label(&m.role),
                    phone = m.phone.clone()
                )
            );
        }
        SgMember::Leave {
            member,
            date,
            preview,
        } => {
            let date = date_or_today(&date)?;
            let plan = if preview {
                books.leave_preview(org, &member, date)?
            } else {
                let actor = ctx.actor(books)?;
                books.member_leave(&actor, org, &member, date)?
            };
            if ctx.json {
                return json_out(&plan).map(|_| 0);
            }
            let leaving = books.cycle(org)?.constitution.leaving;
            print_leave(&plan, leaving, preview);
        }
    }
    Ok(0)
}

fn print_leave(p: &LeavePlan, leaving: LeavingPayout, preview: bool) {
    let key = if preview {
        "cli-sg-leave-preview-title"
    } else {
        "cli-sg-leave-title"
    };
    rowln!(
        "{}",
        t!(
            key,
            number = p.member,
            name = p.name.clone(),
            date = date_fmt(p.date)
        )
    );
    let row = |key: &str, value: String| {
        rowln!("  {} {}", fit(&tr(key), 30), right(&value, 16));
    };
    row("cli-sg-leave-shares", p.shares.to_string());
    row("cli-sg-leave-savings", money(p.savings));
    row("cli-sg-leave-amount", money(p.amount));
    row("cli-sg-leave-debt", money(p.debt));
    row("cli-sg-leave-payout", money(p.payout));
    rowln!("{}", t!("cli-sg-leave-rule", rule = leaving_name(leaving)));
    match (&p.entry, preview) {
        (_, true) => rowln!("{}", tr("cli-sg-leave-not-posted")),
        (Some(e), false) => rowln!("{}", t!("cli-sg-posted-entry", number = e.clone())),
        (None, false) => rowln!("{}", tr("cli-sg-nothing-posted")),
    }
}

// ---- meetings ------------------------------------------------------------------

/// The open meeting, or the refusal that there is none.
fn open_view(books: &Books, org: &OrgRow) -> Result<MeetingView> {
    let meetings = books.meetings(org)?;
    match meetings.last() {
        Some(m) if !m.is_closed() => books.meeting_view(org, None),
        _ => Err(Error::Savings(SavingsError::NoOpenMeeting)),
    }
}

/// The cash both boxes should hold once the meeting is posted, and who is
/// still to be entered.
fn print_cash_line(v: &MeetingView) {
    rowln!(
        "{}",
        t!(
            "cli-sg-expected-close",
            loan = v.closing_loan,
            social = v.closing_social
        )
    );
    let missing = v.missing();
    if missing.is_empty() {
        rowln!("{}", tr("cli-sg-all-rows-in"));
    } else {
        rowln!(
            "{}",
            t!(
                "cli-sg-rows-to-enter",
                count = missing.len(),
                members = missing
                    .iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        );
    }
}

#[derive(Serialize)]
struct RecordJson<'a> {
    meeting: i64,
    row: &'a GridRow,
    totals: &'a crate::service::savings::MeetingTotals,
    closing_loan: Fcfa,
    closing_social: Fcfa,
    missing: Vec<i64>,
}

pub fn cmd_meeting(ctx: &Context, c: MeetingCmd) -> Result<i32> {
    let mut books = ctx.open()?;
    let org = ctx.org(&books)?;
    match c {
        MeetingCmd::Open {
            date,
            loan_cash,
            social_cash,
            reason,
        } => {
            let input = OpenInput {
                date: date_or_today(&date)?,
                loan_cash: amount(&loan_cash)?,
                social_cash: amount(&social_cash)?,
                reason: reason.unwrap_or_default(),
            };
            let actor = ctx.actor(&mut books)?;
            let v = books.open_meeting(&actor, &org, input)?;
            if ctx.json {
                return json_out(&v).map(|_| 0);
            }
            let m = &v.meeting;
            rowln!(
                "{}",
                t!(
                    "cli-sg-meeting-opened",
                    number = m.number,
                    date = date_fmt(m.date),
                    cycle = v.cycle
                )
            );
            for (fund, expected, counted) in [
                ("loan", m.expected_loan, m.counted_loan),
                ("social", m.expected_social, m.counted_social),
            ] {
                let diff = Fcfa::new(counted.francs() - expected.francs());
                rowln!(
                    "  {}",
                    t!(
                        "cli-sg-opening-count",
                        fund = fund_title(fund),
                        counted = counted,
                        expected = expected,
                        difference = diff,
                        matches = if diff.is_zero() { "yes" } else { "no" }
                    )
                );
            }
            if !m.reason.is_empty() {
                rowln!(
                    "  {}",
                    t!("cli-sg-difference-reason", reason = m.reason.clone())
                );
            }
            rowln!("{}", tr("cli-sg-meeting-next"));
        }
        MeetingCmd::Show { number } => {
            let v = books.meeting_view(&org, number)?;
            if ctx.json {
                return json_out(&v).map(|_| 0);
            }
            print_grid(&v);
        }
        MeetingCmd::Record(a) => {
            let v = open_view(&books, &org)?;
            let m = books.sg_member(&org, &a.member)?;
            let row = record_row_input(&v, &m, &a)?;
            let actor = ctx.actor(&mut books)?;
            let v = books.record_row(&actor, &org, &m.number.to_string(), row)?;
            let Some(g) = v.rows.iter().find(|r| r.member.number == m.number) else {
                return Err(Error::Savings(SavingsError::InactiveMember));
            };
            if ctx.json {
                return json_out(&RecordJson {
                    meeting: v.meeting.number,
                    row: g,
                    totals: &v.totals,
                    closing_loan: v.closing_loan,
                    closing_social: v.closing_social,
                    missing: v.missing(),
                })
                .map(|_| 0);
            }
            rowln!(
                "{}",
                t!(
                    "cli-sg-row-recorded",
                    number = m.number,
                    name = m.name.clone(),
                    meeting = v.meeting.number
                )
            );
            print_row_detail(&v, g);
            print_cash_line(&v);
        }
        MeetingCmd::Fill => {
            let before = open_view(&books, &org)?;
            let actor = ctx.actor(&mut books)?;
            let v = books.fill_default_rows(&actor, &org)?;
            if ctx.json {
                return json_out(&v).map(|_| 0);
            }
            let filled = before.missing().len() - v.missing().len();
            let c = &v.constitution;
            rowln!(
                "{}",
                t!(
                    "cli-sg-filled",
                    count = filled,
                    social = c.social_fee,
                    shares = i64::from(c.min_shares)
                )
            );
            print_cash_line(&v);
        }
        MeetingCmd::Social {
            member,
            kind,
            amount: a,
            reason,
            note,
            term,
        } => {
            let input = SocialInput {
                member,
                kind,
                amount: amount(&a)?,
                reason: reason.unwrap_or_default(),
                note: note.unwrap_or_default(),
                term: term.unwrap_or(0),
            };
            let actor = ctx.actor(&mut books)?;
            let v = books.add_social(&actor, &org, input)?;
            if ctx.json {
                return json_out(&v.social).map(|_| 0);
            }
            if let Some(s) = v.social.iter().max_by_key(|s| s.id) {
                rowln!(
                    "{}",
                    t!(
                        "cli-sg-social-added",
                        id = s.id,
                        kind = social_kind_name(&s.kind),
                        amount = s.amount,
                        number = s.member,
                        name = s.name.clone(),
                        reason = social_reason_name(&s.reason)
                    )
                );
            }
            print_cash_line(&v);
        }
        MeetingCmd::SocialRemove { id } => {
            let actor = ctx.actor(&mut books)?;
            let v = books.remove_social(&actor, &org, id)?;
            if ctx.json {
                return json_out(&v.social).map(|_| 0);
            }
            rowln!("{}", t!("cli-sg-social-removed", id = id));
            print_cash_line(&v);
        }
        MeetingCmd::Import { file } => {
            let text = read_sheet(&file)?;
            let actor = ctx.actor(&mut books)?;
            let v = books.import_sheet(&actor, &org, &text)?;
            if ctx.json {
                return json_out(&v).map(|_| 0);
            }
            rowln!(
                "{}",
                t!(
                    "cli-sg-imported",
                    file = file.display().to_string(),
                    count = sheet_rows(&text),
                    meeting = v.meeting.number
                )
            );
            for g in &v.rows {
                if let Some(e) = &g.error {
                    rowln!(
                        "  ! {} : {e}",
                        member_label(g.member.number, &g.member.name)
                    );
                }
                if let Some(ch) = &g.check {
                    for w in &ch.warnings {
                        rowln!(
                            "  ! {} : {}",
                            member_label(g.member.number, &g.member.name),
                            message(w)
                        );
                    }
                }
            }
            print_cash_line(&v);
        }
        MeetingCmd::Close {
            loan_cash,
            social_cash,
            reason,
        } => {
            let input = CloseInput {
                loan_cash: amount(&loan_cash)?,
                social_cash: amount(&social_cash)?,
                reason: reason.unwrap_or_default(),
            };
            let actor = ctx.actor(&mut books)?;
            let out = books.close_meeting(&actor, &org, input)?;
            if ctx.json {
                return json_out(&out).map(|_| 0);
            }
            rowln!(
                "{}",
                t!(
                    "cli-sg-meeting-closed",
                    number = out.meeting,
                    date = date_fmt(out.date),
                    entries = out.entries
                )
            );
            rowln!(
                "{}",
                t!(
                    "cli-sg-closing-cash",
                    loan = out.closing_loan,
                    social = out.closing_social
                )
            );
            for (fund, d) in [
                ("loan", out.difference_loan),
                ("social", out.difference_social),
            ] {
                if !d.is_zero() {
                    rowln!(
                        "{}",
                        t!(
                            "cli-sg-closing-difference",
                            fund = fund_title(fund),
                            difference = d
                        )
                    );
                }
            }
            outln!();
            rowln!("   {}", t!("cli-sg-closing-code", code = out.code.clone()));
            outln!();
        }
        MeetingCmd::Reopen { number, reason } => {
            let actor = ctx.actor(&mut books)?;
            let v = books.reopen_meeting(&actor, &org, number, &reason)?;
            if ctx.json {
                return json_out(&v).map(|_| 0);
            }
            let reversed = v.closes.last().map(|c| c.code.clone()).unwrap_or_default();
            rowln!(
                "{}",
                t!(
                    "cli-sg-meeting-reopened",
                    number = v.meeting.number,
                    date = date_fmt(v.meeting.date),
                    reason = reason.trim(),
                    code = reversed
                )
            );
            rowln!("{}", tr("cli-sg-reopen-next"));
            print_cash_line(&v);
        }
        MeetingCmd::List => {
            let meetings = books.meetings(&org)?;
            if ctx.json {
                return json_out(&meetings).map(|_| 0);
            }
            if meetings.is_empty() {
                rowln!("{}", tr("cli-sg-no-meeting"));
                return Ok(0);
            }
            rowln!(
                "{} {} {} {} {} {}",
                right(&tr("col-number"), 3),
                fit(&tr("cli-sg-col-date"), 10),
                right(&tr("cli-sg-col-loan-fund"), 10),
                right(&tr("cli-sg-col-social-fund"), 10),
                fit(&tr("cli-sg-col-state"), 24),
                tr("cli-sg-col-code")
            );
            for m in &meetings {
                let state = match (m.is_closed(), m.closes) {
                    (true, n) if n > 1 => t!("cli-sg-state-closed-again", times = n - 1),
                    (true, _) => tr("cli-sg-state-closed"),
                    (false, n) if n > 0 => tr("cli-sg-state-reopened"),
                    (false, _) => tr("cli-sg-state-open"),
                };
                rowln!(
                    "{} {} {} {} {} {}",
                    right(&m.number.to_string(), 3),
                    date_fmt(m.date),
                    right(&grouped(m.counted_loan), 10),
                    right(&grouped(m.counted_social), 10),
                    fit(&state, 24),
                    if m.is_closed() {
                        m.code.clone().unwrap_or_default()
                    } else {
                        String::new()
                    }
                );
            }
            rowln!("{}", tr("cli-sg-list-counts-note"));
        }
    }
    Ok(0)
}

/// A member's row from what was typed: her saved row (or the default one),
/// the options given replacing its cells.
fn record_row_input(v: &MeetingView, m: &SgMemberRow, a: &RecordArgs) -> Result<RowInput> {
    let c = &v.constitution;
    let saved = v
        .rows
        .iter()
        .find(|r| r.member.number == m.number && r.saved)
        .map(|r| r.input.clone());
    let mut row = saved.unwrap_or_else(|| RowInput::default_for(c));
    if let Some(att) = &a.attendance {
        let att = Attendance::parse(att)?;
        if att != row.attendance {
            // Changing her presence starts from that presence's usual row.
            if att == Attendance::Absent {
                row = RowInput::absent(c);
            } else if row.attendance == Attendance::Absent {
                row = RowInput::default_for(c);
            }
            row.attendance = att;
        }
    }
    if let Some(s) = &a.social {
        row.social = amount(s)?;
    }
    if let Some(n) = a.shares {
        row.shares = n;
    }
    if let Some(s) = &a.repay {
        row.repay = amount(s)?;
    }
    if let Some(s) = &a.fine {
        row.fine_levied = c.parse_fines(s)?;
    }
    if let Some(s) = &a.fine_paid {
        row.fine_paid = amount(s)?;
    }
    if let Some(s) = &a.loan {
        row.new_loan = amount(s)?;
    }
    if let Some(n) = a.term {
        row.loan_term = n;
    }
    Ok(row)
}

/// A sheet's text: UTF-8, or Windows-1252 / Latin-1 as a French
/// spreadsheet saves it.
fn read_sheet(path: &std::path::Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| cp1252(b)).collect(),
    })
}

/// A byte of Windows-1252 (Latin-1 with typographic signs in 0x80–0x9F).
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Lines of a sheet that carry a member (the header and blank lines left out).
fn sheet_rows(text: &str) -> usize {
    text.lines()
        .skip(1)
        .filter(|l| {
            l.chars()
                .any(|c| !matches!(c, ';' | ',' | '"') && !c.is_whitespace())
        })
        .count()
}

/// One member's row in words, with the split of her repayment.
fn print_row_detail(v: &MeetingView, g: &GridRow) {
    let c = &v.constitution;
    let r = &g.input;
    let share_value = Fcfa::new(i64::from(r.shares) * c.share_price.francs());
    rowln!(
        "  {}",
        t!(
            "cli-sg-row-main",
            attendance = attendance_name(r.attendance),
            social = r.social,
            shares = i64::from(r.shares),
            value = share_value
        )
    );
    rowln!(
        "  {}",
        t!(
            "cli-sg-row-before",
            shares = g.shares_before,
            savings = g.savings_before
        )
    );
    if let Some((number, st)) = &g.loan {
        rowln!(
            "  {}",
            t!(
                "cli-sg-row-loan-before",
                number = *number,
                balance = st.balance,
                due = st.interest_due,
                payoff = st.payoff
            )
        );
    }
    if let Some(ch) = &g.check {
        if !r.repay.is_zero() {
            let left = g
                .loan
                .as_ref()
                .map(|(_, st)| Fcfa::new(st.balance.francs() - ch.repayment.principal.francs()))
                .unwrap_or(Fcfa::ZERO);
            rowln!(
                "  {}",
                t!(
                    "cli-sg-row-repay",
                    amount = r.repay,
                    principal = ch.repayment.principal,
                    interest = ch.repayment.interest,
                    left = left
                )
            );
        }
        if !r.new_loan.is_zero() {
            rowln!(
                "  {}",
                t!(
                    "cli-sg-row-new-loan",
                    amount = r.new_loan,
                    months = i64::from(ch.loan_term),
                    upfront = ch.upfront_interest
                )
            );
        }
    }
    if !r.fine_levied.is_zero() || !r.fine_paid.is_zero() || !g.fines_owed.is_zero() {
        rowln!(
            "  {}",
            t!(
                "cli-sg-row-fines",
                levied = r.fine_levied,
                paid = r.fine_paid,
                owed = g.fines_owed
            )
        );
    }
    if let Some(e) = &g.error {
        rowln!("  ! {e}");
    }
    if let Some(ch) = &g.check {
        for w in &ch.warnings {
            rowln!("  ! {}", message(w));
        }
    }
}

/// The meeting grid: a row per member, the totals and both boxes.
fn print_grid(v: &MeetingView) {
    let m = &v.meeting;
    let state = if v.closed {
        tr("cli-sg-state-closed")
    } else if m.closes > 0 {
        tr("cli-sg-state-reopened")
    } else {
        tr("cli-sg-state-open")
    };
    rowln!(
        "{}",
        t!(
            "cli-sg-grid-title",
            number = m.number,
            date = date_fmt(m.date),
            cycle = v.cycle,
            state = state
        )
    );
    let w = [3usize, 18, 2, 5, 5, 7, 6, 6, 6, 7];
    let line = |cells: [String; 10], flag: &str| {
        rowln!(
            "{} {} {} {} {} {} {} {} {} {} {}",
            right(&cells[0], w[0]),
            fit(&cells[1], w[1]),
            fit(&cells[2], w[2]),
            right(&cells[3], w[3]),
            right(&cells[4], w[4]),
            right(&cells[5], w[5]),
            right(&cells[6], w[6]),
            right(&cells[7], w[7]),
            right(&cells[8], w[8]),
            right(&cells[9], w[9]),
            flag
        );
    };
    line(
        [
            tr("col-number"),
            tr("cli-sg-col-member"),
            tr("cli-sg-col-att"),
            tr("cli-sg-col-social"),
            tr("cli-sg-col-shares"),
            tr("cli-sg-col-repay"),
            tr("cli-sg-col-interest-short"),
            tr("cli-sg-col-fine"),
            tr("cli-sg-col-fine-paid"),
            tr("cli-sg-col-loan"),
        ],
        "",
    );
    let mut notes: Vec<String> = Vec::new();
    for g in &v.rows {
        let r = &g.input;
        let interest = g
            .check
            .as_ref()
            .map(|c| Fcfa::new(c.repayment.interest.francs() + c.upfront_interest.francs()))
            .unwrap_or(Fcfa::ZERO);
        let flag = if g.error.is_some() {
            "!"
        } else if !g.saved {
            "*"
        } else {
            ""
        };
        line(
            [
                g.member.number.to_string(),
                g.member.name.clone(),
                attendance_short(r.attendance),
                amt(r.social),
                if r.shares == 0 {
                    String::new()
                } else {
                    r.shares.to_string()
                },
                amt(r.repay),
                amt(interest),
                amt(r.fine_levied),
                amt(r.fine_paid),
                amt(r.new_loan),
            ],
            flag,
        );
        let who = member_label(g.member.number, &g.member.name);
        if let Some(e) = &g.error {
            notes.push(format!("! {} : {e}", who.trim_start()));
        }
        if let Some(c) = &g.check {
            for wn in &c.warnings {
                notes.push(format!("! {} : {}", who.trim_start(), message(wn)));
            }
        }
    }
    let t = &v.totals;
    line(
        [
            String::new(),
            tr("col-totals"),
            String::new(),
            amt(t.social),
            t.shares.to_string(),
            amt(Fcfa::new(
                t.repay_principal.francs() + t.repay_interest.francs(),
            )),
            amt(Fcfa::new(
                t.repay_interest.francs() + t.upfront_interest.francs(),
            )),
            amt(t.fines_levied),
            amt(t.fines_paid),
            amt(t.new_loans),
        ],
        "",
    );
    if v.rows.iter().any(|g| !g.saved) {
        rowln!("{}", tr("cli-sg-grid-default-mark"));
    }
    for n in &notes {
        rowln!("{n}");
    }
    rowln!(
        "{}",
        t!(
            "cli-sg-attendance-totals",
            present = t.present,
            represented = t.represented,
            absent = t.absent
        )
    );
    outln!();
    // Both boxes.
    let loan_in = t.share_value.francs()
        + t.repay_principal.francs()
        + t.repay_interest.francs()
        + t.fines_paid.francs()
        + t.upfront_interest.francs();
    let social_in = t.social.francs() + t.social_in.francs();
    rowln!(
        "{} {} {}",
        fit(&tr("cli-sg-box"), 34),
        right(&tr("cli-sg-fund-loan-title"), 16),
        right(&tr("cli-sg-fund-social-title"), 16)
    );
    let boxrow = |key: &str, a: Fcfa, b: Fcfa| {
        rowln!(
            "  {} {} {}",
            fit(&tr(key), 32),
            right(&grouped(a), 16),
            right(&grouped(b), 16)
        );
    };
    boxrow("cli-sg-box-opening", v.opening_loan, v.opening_social);
    boxrow("cli-sg-box-in", Fcfa::new(loan_in), Fcfa::new(social_in));
    boxrow("cli-sg-box-out", t.new_loans, t.social_out);
    boxrow("cli-sg-box-closing", v.closing_loan, v.closing_social);
    if let Some(last) = v.closes.last().filter(|_| v.closed) {
        boxrow("cli-sg-box-counted", last.counted_loan, last.counted_social);
        if !last.reason.is_empty() {
            rowln!(
                "  {}",
                t!("cli-sg-difference-reason", reason = last.reason.clone())
            );
        }
    }
    rowln!(
        "  {}",
        t!(
            "cli-sg-box-detail",
            shares = t.share_value,
            principal = t.repay_principal,
            interest = Fcfa::new(t.repay_interest.francs() + t.upfront_interest.francs()),
            fines = t.fines_paid
        )
    );
    if !v.social.is_empty() {
        outln!();
        rowln!("{}", tr("cli-sg-social-title"));
        for s in &v.social {
            let id = if v.closed {
                String::new()
            } else {
                format!("#{}", s.id)
            };
            rowln!(
                "  {} {} {} {} {}",
                right(&id, 4),
                fit(&member_label(s.member, &s.name), 24),
                fit(&social_kind_name(&s.kind), 16),
                right(&grouped(s.amount), 9),
                fit(
                    &format!(
                        "{}{}",
                        social_reason_name(&s.reason),
                        if s.note.is_empty() {
                            String::new()
                        } else {
                            format!(" – {}", s.note)
                        }
                    ),
                    20
                )
            );
        }
    }
    outln!();
    for (i, c) in v.closes.iter().enumerate() {
        match &c.reopen_reason {
            Some(reason) => rowln!(
                "{}",
                t!(
                    "cli-sg-close-history-reopened",
                    seq = i + 1,
                    code = c.code.clone(),
                    reason = reason.clone(),
                    by = c.reopened_by.clone().unwrap_or_default()
                )
            ),
            None => rowln!(
                "{}",
                t!(
                    "cli-sg-close-history",
                    seq = i + 1,
                    code = c.code.clone(),
                    by = c.closed_by.clone()
                )
            ),
        }
    }
    if v.closed {
        if let Some(code) = &m.code {
            rowln!("   {}", t!("cli-sg-closing-code", code = code.clone()));
        }
    } else {
        print_cash_line(v);
    }
}

// ---- loans ---------------------------------------------------------------------

pub fn cmd_loan(ctx: &Context, c: LoanCmd) -> Result<i32> {
    let mut books = ctx.open()?;
    let org = ctx.org(&books)?;
    match c {
        LoanCmd::List { as_of } => {
            let at = date_or_today(&as_of)?;
            let loans = books.loans(&org, at)?;
            if ctx.json {
                return json_out(&loans).map(|_| 0);
            }
            if loans.is_empty() {
                rowln!("{}", tr("cli-sg-no-loan"));
                return Ok(0);
            }
            rowln!("{}", t!("cli-sg-loans-title", date = date_fmt(at)));
            // Member, principal, interest, dates, paid, owed, state (days
            // overdue in the state).
            let w = [3usize, 18, 9, 12, 10, 10, 8, 8];
            rowln!(
                "{} {} {} {} {} {} {} {} {}",
                right(&tr("col-number"), w[0]),
                fit(&tr("cli-sg-col-member"), w[1]),
                right(&tr("cli-sg-col-principal"), w[2]),
                fit(&tr("cli-sg-col-mode"), w[3]),
                fit(&tr("cli-sg-col-disbursed"), w[4]),
                fit(&tr("cli-sg-col-due"), w[5]),
                right(&tr("cli-sg-col-paid"), w[6]),
                right(&tr("cli-sg-col-balance"), w[7]),
                tr("cli-sg-col-state")
            );
            let (mut principal, mut balance, mut paid) = (0i64, 0i64, 0i64);
            for l in &loans {
                let p = l.status.principal_paid.francs() + l.status.interest_paid.francs();
                let open = !l.status.closed && l.loan.written_off.is_none();
                principal += l.loan.principal.francs();
                paid += p;
                if open {
                    balance += l.status.balance.francs();
                }
                rowln!(
                    "{} {} {} {} {} {} {} {} {}",
                    right(&l.loan.number.to_string(), w[0]),
                    fit(&format!("{} {}", l.member, l.name), w[1]),
                    right(&grouped(l.loan.principal), w[2]),
                    fit(
                        &t!(
                            "cli-sg-interest-short",
                            mode = mode_label(l.loan.mode),
                            rate = pct(l.loan.rate)
                        ),
                        w[3]
                    ),
                    date_fmt(l.loan.disbursed),
                    date_fmt(l.status.due),
                    right(&amt(Fcfa::new(p)), w[6]),
                    right(&amt(if open { l.status.balance } else { Fcfa::ZERO }), w[7]),
                    loan_state_label(l)
                );
            }
            rowln!(
                "{} {} {} {} {} {}",
                right("", w[0]),
                fit(&tr("col-totals"), w[1]),
                right(&grouped(Fcfa::new(principal)), w[2]),
                fit("", w[3] + w[4] + w[5] + 2),
                right(&grouped(Fcfa::new(paid)), w[6]),
                right(&grouped(Fcfa::new(balance)), w[7])
            );
            rowln!("{}", tr("cli-sg-loans-note"));
        }
        LoanCmd::Show { number, as_of } => {
            let at = date_or_today(&as_of)?;
            let l = books.loan(&org, number, at)?;
            if ctx.json {
                return json_out(&l).map(|_| 0);
            }
            print_loan(&l, at);
        }
        LoanCmd::Writeoff {
            number,
            date,
            reason,
            approved_by,
        } => {
            let date = date_or_today(&date)?;
            let actor = ctx.actor(&mut books)?;
            let l = books.write_off(&actor, &org, number, date, &reason, &approved_by)?;
            if ctx.json {
                return json_out(&l).map(|_| 0);
            }
            rowln!(
                "{}",
                t!(
                    "cli-sg-written-off",
                    number = l.loan.number,
                    name = l.name.clone(),
                    amount = l.loan.written_off.unwrap_or(l.status.balance),
                    approvers = approved_by
                        .iter()
                        .map(|s| s.trim().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            );
        }
    }
    Ok(0)
}

fn print_loan(l: &LoanView, at: NaiveDate) {
    rowln!(
        "{}",
        t!(
            "cli-sg-loan-title",
            number = l.loan.number,
            member = l.member,
            name = l.name.clone(),
            fund = fund_name(&l.loan.fund)
        )
    );
    let row = |key: &str, value: String| {
        rowln!("  {} {}", fit(&tr(key), 26), value);
    };
    row("cli-sg-col-principal", money(l.loan.principal));
    row(
        "cli-sg-col-interest",
        t!(
            "cli-sg-interest-monthly",
            mode = mode_label(l.loan.mode),
            rate = pct(l.loan.rate)
        ),
    );
    row(
        "cli-sg-loan-term",
        t!(
            "cli-sg-loan-term-value",
            months = i64::from(l.loan.term),
            disbursed = date_fmt(l.loan.disbursed),
            due = date_fmt(l.status.due)
        ),
    );
    row("cli-sg-c-late", late_name(l.loan.late));
    row(
        "cli-sg-col-paid",
        t!(
            "cli-sg-loan-paid",
            principal = l.status.principal_paid,
            interest = l.status.interest_paid
        ),
    );
    row("cli-sg-col-balance", money(l.status.balance));
    row("cli-sg-loan-interest-due", money(l.status.interest_due));
    row(
        "cli-sg-loan-payoff",
        t!(
            "cli-sg-loan-payoff-on",
            amount = l.status.payoff,
            date = date_fmt(at)
        ),
    );
    row("cli-sg-col-state", loan_state_label(l));
    outln!();
    rowln!("{}", tr("cli-sg-schedule"));
    rowln!(
        "  {} {} {} {}",
        fit(&tr("cli-sg-col-date"), 10),
        right(&tr("cli-sg-col-principal"), 10),
        right(&tr("cli-sg-col-interest"), 10),
        right(&tr("cli-sg-col-left-owed"), 10)
    );
    for i in &l.schedule {
        rowln!(
            "  {} {} {} {}",
            date_fmt(i.date),
            right(&grouped(i.principal), 10),
            right(&grouped(i.interest), 10),
            right(&grouped(i.balance), 10)
        );
    }
    outln!();
    rowln!("{}", tr("cli-sg-payments"));
    if l.payments.is_empty() {
        rowln!("  {}", tr("cli-sg-no-payment"));
    }
    for p in &l.payments {
        rowln!(
            "  {} {} {}",
            date_fmt(p.date),
            right(&grouped(p.principal), 10),
            right(&grouped(p.interest), 10)
        );
    }
}

// ---- share-out -----------------------------------------------------------------

pub fn cmd_shareout(ctx: &Context, c: ShareoutCmd) -> Result<i32> {
    let mut books = ctx.open()?;
    let org = ctx.org(&books)?;
    let v = match c {
        ShareoutCmd::Preview { date } => books.shareout_preview(&org, date_or_today(&date)?)?,
        ShareoutCmd::Post { date } => {
            let date = date_or_today(&date)?;
            let actor = ctx.actor(&mut books)?;
            books.post_shareout(&actor, &org, date)?
        }
    };
    if ctx.json {
        return json_out(&v).map(|_| 0);
    }
    print_shareout(&v);
    Ok(0)
}

fn print_shareout(v: &ShareoutView) {
    let p = &v.plan;
    rowln!(
        "{}",
        t!(
            "cli-sg-shareout-title",
            cycle = v.cycle,
            date = date_fmt(v.date)
        )
    );
    rowln!(
        "{} {} {} {} {} {} {}",
        fit(&tr("cli-sg-col-member"), 24),
        right(&tr("cli-sg-col-shares"), 6),
        right(&tr("cli-sg-col-savings"), 10),
        right(&tr("cli-sg-col-profit"), 9),
        right(&tr("cli-sg-col-netted"), 9),
        right(&tr("cli-sg-col-payout"), 10),
        ""
    );
    for (l, (number, name)) in p.lines.iter().zip(&v.names) {
        rowln!(
            "{} {} {} {} {} {}",
            fit(&member_label(*number, name), 24),
            right(&l.shares.to_string(), 6),
            right(&grouped(l.savings), 10),
            right(&grouped(l.profit), 9),
            right(&amt(l.netted), 9),
            right(&grouped(l.payout), 10)
        );
    }
    let profit: i64 = p.lines.iter().map(|l| l.profit.francs()).sum();
    rowln!(
        "{} {} {} {} {} {}",
        fit(&tr("col-totals"), 24),
        right(&p.total_shares.to_string(), 6),
        right(&grouped(p.total_savings), 10),
        right(&grouped(Fcfa::new(profit)), 9),
        right(&amt(p.total_netted), 9),
        right(&grouped(p.total_payout), 10)
    );
    outln!();
    let row = |key: &str, value: String| {
        rowln!("  {} {}", fit(&tr(key), 34), value);
    };
    row("cli-sg-so-distributable", money(p.distributable));
    row(
        "cli-sg-so-value-per-share",
        t!("cli-sg-per-share", value = decimal(p.value_per_share)),
    );
    row("cli-sg-so-return", pct(p.return_on_savings));
    row("cli-sg-so-netted", money(p.total_netted));
    row("cli-sg-so-payout", money(p.total_payout));
    row(
        "cli-sg-so-remainder",
        t!(
            "cli-sg-remainder-goes",
            amount = p.remainder,
            to = remainder_name(&v.remainder_to)
        ),
    );
    rowln!("{}", tr("cli-sg-so-social-stays"));
    match &v.entry {
        Some(e) => rowln!(
            "{}",
            t!(
                "cli-sg-shareout-posted",
                number = e.clone(),
                cycle = v.cycle
            )
        ),
        None => rowln!("{}", tr("cli-sg-shareout-not-posted")),
    }
}

// ---- passbook and indicators ------------------------------------------------

pub fn cmd_passbook(ctx: &Context, a: PassbookArgs) -> Result<i32> {
    let books = ctx.open()?;
    let org = ctx.org(&books)?;
    let at = date_or_today(&a.as_of)?;
    let p = books.passbook(&org, &a.member, at)?;
    if ctx.json {
        return json_out(&p).map(|_| 0);
    }
    let text = crate::service::passbook::passbook_text_on(&p, Some(at));
    for l in text.lines() {
        rowln!("{l}");
    }
    Ok(0)
}

pub fn cmd_indicators(ctx: &Context, a: IndicatorsArgs) -> Result<i32> {
    let books = ctx.open()?;
    let org = ctx.org(&books)?;
    let at = date_or_today(&a.as_of)?;
    let v = books.sg_indicators(&org, at)?;
    if ctx.json {
        return json_out(&v).map(|_| 0);
    }
    let i = &v.indicators;
    rowln!(
        "{}",
        t!(
            "cli-sg-ind-title",
            name = org.name.clone(),
            cycle = v.cycle,
            date = date_fmt(v.date),
            meetings = v.meetings
        )
    );
    let row = |key: &str, value: String| {
        rowln!("  {} {}", fit(&tr(key), 40), value);
    };
    row("cli-sg-ind-members", i.members.to_string());
    row("cli-sg-ind-attendance", pct(i.attendance_rate));
    row(
        "cli-sg-ind-savings",
        t!(
            "cli-sg-ind-savings-value",
            amount = i.savings,
            shares = i.shares
        ),
    );
    row(
        "cli-sg-ind-loans",
        t!(
            "cli-sg-ind-loans-value",
            count = i.loans_out,
            amount = i.outstanding
        ),
    );
    let level = match i.par_level {
        "alarming" => tr("cli-sg-par-alarming"),
        "watch" => tr("cli-sg-par-watch"),
        _ => tr("cli-sg-par-healthy"),
    };
    row(
        "cli-sg-ind-par",
        format!("{} ({level})", pct(i.portfolio_at_risk)),
    );
    row("cli-sg-ind-utilisation", pct(i.fund_utilisation));
    row("cli-sg-ind-loan-cash", money(i.loan_fund_cash));
    row("cli-sg-ind-fund-value", money(i.fund_value));
    row("cli-sg-ind-return-cycle", pct(i.return_cycle));
    row("cli-sg-ind-return-annual", pct(i.return_annualised));
    row("cli-sg-ind-social-cash", money(i.social_fund_cash));
    row("cli-sg-ind-social-reserve", money(i.social_fund_reserve));
    row("cli-sg-ind-written-off", money(i.written_off));
    row("cli-sg-ind-with-loan", pct(i.members_with_loan));
    row(
        "cli-sg-ind-projected",
        t!(
            "cli-sg-per-share",
            value = decimal(i.projected_value_per_share)
        ),
    );
    Ok(0)
}
