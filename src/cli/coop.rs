//! A cooperative's trade on the command line: items and stock, recipes and
//! production runs, sales and returns, customers and what they owe, the
//! daily close (Z) of a sales point, members and their parts.
//!
//! The commands only read what was typed and print what the service
//! answers; every rule (stock never below zero, sealed days, credit
//! limits…) is the service's, and so is every refusal.

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use rust_decimal::Decimal;

use super::savings::{SgMember, cmd_sg_member, refuse};
use super::{
    Context, EXIT_PROBLEMS, amt, date_fmt, fit, json_out, new_key, parse_business_date, right,
};
use crate::domain::coop::{
    AdjustReason, CashCount, CoopError, Discount, ItemKind, MoveKind, PayMethod, Qty, Unit,
    format_unit_cost,
};
use crate::domain::money::Fcfa;
use crate::domain::period::{DateRange, parse_year};
use crate::error::Result;
use crate::i18n::{lang, tr};
use crate::service::Books;
use crate::service::coop::{
    AdjustInput, DocOutcome, DonationInput, NewItem, PaymentInput, PurchaseInput, ReturnInput,
    RunInput, SaleInput, SaleLineInput, SalesSummary, StockLineInput, doc_ref,
};
use crate::service::receipt::{method_label, receipt_text};
use crate::store::{ItemRow, OrgRow, SaleRow};
use crate::t;

// ---- the command line ------------------------------------------------------

/// A `--line` as typed, cut at every `:` (a quantity may carry a decimal
/// comma, so nothing else separates). How many parts it must have depends
/// on the command; what they mean is read later, item by item.
#[derive(Clone, Debug)]
pub struct Line {
    pub parts: Vec<String>,
}

fn split_line(s: &str, min: usize, max: usize, key: &str) -> std::result::Result<Line, String> {
    let parts: Vec<String> = s.split(':').map(|p| p.trim().to_string()).collect();
    if parts.len() < min || parts.len() > max || parts[0].is_empty() || parts[1].is_empty() {
        return Err(t!(key, arg = s.trim()));
    }
    Ok(Line { parts })
}

/// `CODE:QTY` (a recipe's material, a return, a count).
fn line_qty(s: &str) -> std::result::Result<Line, String> {
    split_line(s, 2, 2, "cli-line-bad-qty")
}

/// `CODE:QTY:AMOUNT` (a purchase).
fn line_purchase(s: &str) -> std::result::Result<Line, String> {
    let l = split_line(s, 3, 3, "cli-line-bad-purchase")?;
    if l.parts[2].is_empty() {
        return Err(t!("cli-line-bad-purchase", arg = s.trim()));
    }
    Ok(l)
}

/// `CODE:QTY[:VALUE]` (a donation).
fn line_donation(s: &str) -> std::result::Result<Line, String> {
    split_line(s, 2, 3, "cli-line-bad-donation")
}

/// `CODE:QTY[:PRICE[:DISCOUNT]]` (a sale).
fn line_sale(s: &str) -> std::result::Result<Line, String> {
    split_line(s, 2, 4, "cli-line-bad-sale")
}

#[derive(Subcommand, Debug)]
pub enum ItemCmd {
    #[command(about = tr("cli-item-add"))]
    Add {
        #[arg(help = tr("cli-item-code"))]
        code: String,
        #[arg(long, help = tr("cli-item-name"))]
        name: String,
        #[arg(long, help = tr("cli-item-kind"))]
        kind: String,
        #[arg(long, help = tr("cli-item-unit"))]
        unit: String,
        #[arg(long, help = tr("cli-item-price"))]
        price: Option<String>,
        #[arg(long, help = tr("cli-item-reorder"))]
        reorder: Option<String>,
        #[arg(long, value_name = "COMPTE", help = tr("cli-item-stock"))]
        stock: String,
        #[arg(long, value_name = "COMPTE", help = tr("cli-item-account"))]
        account: Option<String>,
        #[arg(long, value_name = "COMPTE", help = tr("cli-item-variation"))]
        variation: Option<String>,
    },
    #[command(about = tr("cli-item-set"))]
    Set {
        #[arg(help = tr("cli-item-code"))]
        code: String,
        #[arg(long, help = tr("cli-item-name"))]
        name: Option<String>,
        #[arg(long, help = tr("cli-item-price"))]
        price: Option<String>,
        #[arg(long, help = tr("cli-item-reorder"))]
        reorder: Option<String>,
    },
    #[command(about = tr("cli-item-list"))]
    List,
    #[command(about = tr("cli-item-show"))]
    Show {
        #[arg(help = tr("cli-item-code"))]
        code: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum StockCmd {
    #[command(about = tr("cli-stock-purchase"))]
    Purchase {
        #[arg(long, help = tr("cli-stock-supplier"))]
        supplier: String,
        #[arg(long = "ref", help = tr("cli-stock-ref"))]
        reference: Option<String>,
        #[arg(long, help = tr("cli-purchase-method"))]
        method: String,
        #[arg(long, required = true, value_name = "ARTICLE:QTE:MONTANT",
              value_parser = line_purchase, help = tr("cli-purchase-line"))]
        line: Vec<Line>,
        #[arg(long, help = tr("cli-coop-date"))]
        date: Option<String>,
        #[arg(long, help = tr("cli-entry-key"))]
        key: Option<String>,
    },
    #[command(about = tr("cli-stock-donation"))]
    Donation {
        #[arg(long, help = tr("cli-stock-donor"))]
        donor: String,
        #[arg(long = "ref", help = tr("cli-stock-ref"))]
        reference: Option<String>,
        #[arg(long, required = true, value_name = "ARTICLE:QTE[:VALEUR]",
              value_parser = line_donation, help = tr("cli-donation-line"))]
        line: Vec<Line>,
        #[arg(long, help = tr("cli-coop-date"))]
        date: Option<String>,
        #[arg(long, help = tr("cli-entry-key"))]
        key: Option<String>,
    },
    #[command(about = tr("cli-stock-adjust"))]
    Adjust {
        #[arg(help = tr("cli-item-code"))]
        code: String,
        #[arg(allow_hyphen_values = true, help = tr("cli-adjust-qty"))]
        qty: String,
        #[arg(long, help = tr("cli-adjust-reason"))]
        reason: String,
        #[arg(long, help = tr("cli-adjust-unit-cost"))]
        unit_cost: Option<String>,
        #[arg(long, help = tr("cli-coop-note"))]
        note: Option<String>,
        #[arg(long, help = tr("cli-coop-date"))]
        date: Option<String>,
        #[arg(long, help = tr("cli-entry-key"))]
        key: Option<String>,
    },
    #[command(about = tr("cli-stock-count"))]
    Count {
        #[arg(long, required = true, value_name = "ARTICLE:COMPTE",
              value_parser = line_qty, help = tr("cli-count-line"))]
        line: Vec<Line>,
        #[arg(long, help = tr("cli-dry-run"))]
        dry_run: bool,
        #[arg(long, help = tr("cli-coop-note"))]
        note: Option<String>,
        #[arg(long, help = tr("cli-coop-date"))]
        date: Option<String>,
        #[arg(long, help = tr("cli-entry-key"))]
        key: Option<String>,
    },
    #[command(about = tr("cli-stock-moves"))]
    Moves {
        #[arg(long, help = tr("cli-item-code"))]
        item: Option<String>,
        #[arg(long, help = tr("cli-from"))]
        from: Option<String>,
        #[arg(long, help = tr("cli-to"))]
        to: Option<String>,
    },
    #[command(about = tr("cli-stock-check"))]
    Check,
}

#[derive(Subcommand, Debug)]
pub enum RecipeCmd {
    #[command(about = tr("cli-recipe-add"))]
    Add {
        #[arg(help = tr("cli-recipe-code"))]
        code: String,
        #[arg(long, help = tr("cli-recipe-name"))]
        name: String,
        #[arg(long, help = tr("cli-recipe-product"))]
        product: String,
        #[arg(long = "yield", help = tr("cli-recipe-yield"))]
        yields: String,
        #[arg(long, required = true, value_name = "MATIERE:QTE",
              value_parser = line_qty, help = tr("cli-recipe-line"))]
        line: Vec<Line>,
    },
    #[command(about = tr("cli-recipe-list"))]
    List,
}

#[derive(Args, Debug)]
pub struct ProductionArgs {
    #[arg(help = tr("cli-recipe-code"))]
    pub recipe: String,
    #[arg(long, help = tr("cli-production-batches"))]
    pub batches: String,
    #[arg(long, help = tr("cli-coop-note"))]
    pub note: Option<String>,
    #[arg(long, help = tr("cli-coop-date"))]
    pub date: Option<String>,
    #[arg(long, help = tr("cli-entry-key"))]
    pub key: Option<String>,
}

/// `jatebo sale --line …` records a sale; `jatebo sale show|receipt|list|return`
/// the rest.
#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct SaleArgs {
    #[command(subcommand)]
    pub cmd: Option<SaleCmd>,
    #[command(flatten)]
    pub new: NewSaleArgs,
}

#[derive(Args, Debug)]
pub struct NewSaleArgs {
    #[arg(long, required = true, value_name = "ARTICLE:QTE[:PRIX[:REMISE]]",
          value_parser = line_sale, help = tr("cli-sale-line"))]
    pub line: Vec<Line>,
    #[arg(long, help = tr("cli-sale-price-reason"))]
    pub price_reason: Option<String>,
    #[arg(long, help = tr("cli-sale-method"))]
    pub method: Option<String>,
    #[arg(long, help = tr("cli-sale-customer"))]
    pub customer: Option<String>,
    #[arg(long, help = tr("cli-coop-point"))]
    pub point: Option<String>,
    #[arg(long, help = tr("cli-coop-date"))]
    pub date: Option<String>,
    #[arg(long, help = tr("cli-entry-key"))]
    pub key: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum SaleCmd {
    #[command(about = tr("cli-sale-show"))]
    Show {
        #[arg(help = tr("cli-sale-number"))]
        number: String,
    },
    #[command(about = tr("cli-sale-receipt"))]
    Receipt {
        #[arg(help = tr("cli-sale-number"))]
        number: String,
    },
    #[command(about = tr("cli-sale-list"))]
    List {
        #[arg(long, help = tr("cli-from"))]
        from: Option<String>,
        #[arg(long, help = tr("cli-to"))]
        to: Option<String>,
    },
    #[command(about = tr("cli-sale-return"))]
    Return {
        #[arg(help = tr("cli-sale-number"))]
        number: String,
        #[arg(long, required = true, value_name = "ARTICLE:QTE",
              value_parser = line_qty, help = tr("cli-return-line"))]
        line: Vec<Line>,
        #[arg(long, help = tr("cli-return-reason"))]
        reason: String,
        #[arg(long, help = tr("cli-coop-date"))]
        date: Option<String>,
        #[arg(long, help = tr("cli-coop-point"))]
        point: Option<String>,
        #[arg(long, help = tr("cli-entry-key"))]
        key: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum CustomerCmd {
    #[command(about = tr("cli-customer-add"))]
    Add {
        #[arg(help = tr("cli-customer-code"))]
        code: String,
        #[arg(long, help = tr("cli-customer-name"))]
        name: String,
        #[arg(long, help = tr("cli-customer-phone"))]
        phone: Option<String>,
        #[arg(long, help = tr("cli-customer-limit"))]
        limit: Option<String>,
    },
    #[command(about = tr("cli-customer-set"))]
    Set {
        #[arg(help = tr("cli-customer-code"))]
        code: String,
        #[arg(long, help = tr("cli-customer-name"))]
        name: Option<String>,
        #[arg(long, help = tr("cli-customer-phone"))]
        phone: Option<String>,
        #[arg(long, help = tr("cli-customer-limit"))]
        limit: Option<String>,
    },
    #[command(about = tr("cli-customer-list"))]
    List,
    #[command(about = tr("cli-customer-pay"))]
    Pay {
        #[arg(help = tr("cli-customer-code"))]
        code: String,
        #[arg(help = tr("cli-customer-amount"))]
        amount: String,
        #[arg(long, help = tr("cli-customer-pay-method"))]
        method: String,
        #[arg(long, help = tr("cli-customer-invoice"))]
        invoice: Option<String>,
        #[arg(long, help = tr("cli-coop-date"))]
        date: Option<String>,
        #[arg(long, help = tr("cli-coop-point"))]
        point: Option<String>,
        #[arg(long, help = tr("cli-entry-key"))]
        key: Option<String>,
    },
    #[command(about = tr("cli-customer-invoices"))]
    Invoices {
        #[arg(help = tr("cli-customer-code"))]
        code: Option<String>,
        #[arg(long, help = tr("cli-customer-all"))]
        all: bool,
    },
    #[command(about = tr("cli-customer-aging"))]
    Aging {
        #[arg(long, help = tr("cli-aging-date"))]
        date: Option<String>,
    },
}

/// `jatebo close-day [--counted …]` closes (or previews) a day;
/// `jatebo close-day month|year|list` the rest.
#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub struct CloseDayArgs {
    #[command(subcommand)]
    pub cmd: Option<CloseCmd>,
    #[command(flatten)]
    pub day: DayCloseArgs,
}

#[derive(Args, Debug)]
pub struct DayCloseArgs {
    #[arg(long, help = tr("cli-coop-point"))]
    pub point: Option<String>,
    #[arg(long, help = tr("cli-close-date"))]
    pub date: Option<String>,
    #[arg(long, help = tr("cli-close-counted"))]
    pub counted: Option<String>,
    #[arg(long, help = tr("cli-close-reason"))]
    pub reason: Option<String>,
    #[arg(long, help = tr("cli-dry-run"))]
    pub dry_run: bool,
}

#[derive(Subcommand, Debug)]
pub enum CloseCmd {
    #[command(about = tr("cli-close-month"))]
    Month {
        #[arg(help = tr("cli-month"))]
        month: String,
        #[arg(long, help = tr("cli-coop-point"))]
        point: Option<String>,
        #[arg(long, help = tr("cli-dry-run"))]
        dry_run: bool,
    },
    #[command(about = tr("cli-close-year"))]
    Year {
        #[arg(help = tr("cli-year"))]
        year: String,
        #[arg(long, help = tr("cli-coop-point"))]
        point: Option<String>,
        #[arg(long, help = tr("cli-dry-run"))]
        dry_run: bool,
    },
    #[command(about = tr("cli-close-list"))]
    List {
        #[arg(long, help = tr("cli-coop-point"))]
        point: Option<String>,
    },
}

/// `jatebo member …`: one command for both kinds of organisation. A
/// cooperative's members hold parts sociales; a savings group's have an
/// office, join and leave during a cycle. Options of the other kind are
/// refused with a message saying so.
#[derive(Subcommand, Debug)]
pub enum MemberCmd {
    #[command(about = tr("cli-member-add"))]
    Add {
        #[arg(long, help = tr("cli-member-name"))]
        name: String,
        #[arg(long, help = tr("cli-customer-phone"))]
        phone: Option<String>,
        #[arg(long, requires = "part_value", help = tr("cli-member-parts"))]
        parts: Option<i64>,
        #[arg(long, requires = "parts", help = tr("cli-member-part-value"))]
        part_value: Option<String>,
        #[arg(long, help = tr("cli-member-method"))]
        method: Option<String>,
        #[arg(long, visible_alias = "joined", help = tr("cli-member-joined"))]
        date: Option<String>,
        #[arg(long, help = tr("cli-sg-member-role"))]
        role: Option<String>,
        #[arg(long, help = tr("cli-sg-member-number"))]
        number: Option<i64>,
    },
    #[command(about = tr("cli-member-buy-parts"))]
    Parts {
        #[arg(help = tr("cli-member-number"))]
        number: i64,
        #[arg(long, help = tr("cli-member-parts"))]
        parts: i64,
        #[arg(long, help = tr("cli-member-part-value"))]
        part_value: String,
        #[arg(long, help = tr("cli-member-method"))]
        method: Option<String>,
        #[arg(long, help = tr("cli-coop-date"))]
        date: Option<String>,
    },
    #[command(about = tr("cli-member-dealings"))]
    Dealings {
        #[arg(help = tr("cli-member-number"))]
        number: i64,
        #[arg(long, help = tr("cli-year"))]
        year: String,
        #[arg(long, help = tr("cli-member-amount"))]
        amount: String,
    },
    #[command(about = tr("cli-member-list"))]
    List {
        #[arg(long, help = tr("cli-member-list-year"))]
        year: Option<String>,
        #[arg(long, help = tr("cli-member-search"))]
        search: Option<String>,
    },
    #[command(about = tr("cli-sg-member-show"))]
    Show {
        #[arg(help = tr("cli-sg-member-arg"))]
        member: String,
    },
    #[command(about = tr("cli-sg-member-edit"))]
    Edit {
        #[arg(help = tr("cli-sg-member-arg"))]
        member: String,
        #[arg(long, help = tr("cli-member-name"))]
        name: Option<String>,
        #[arg(long, help = tr("cli-customer-phone"))]
        phone: Option<String>,
        #[arg(long, help = tr("cli-sg-member-role"))]
        role: Option<String>,
    },
    #[command(about = tr("cli-sg-member-leave"))]
    Leave {
        #[arg(help = tr("cli-sg-member-arg"))]
        member: String,
        #[arg(long, help = tr("cli-sg-leave-date"))]
        date: Option<String>,
        #[arg(long, help = tr("cli-sg-leave-preview"))]
        preview: bool,
    },
}

// ---- reading what was typed ----------------------------------------------------

/// The business date: the one given, or today (`JATEBO_TODAY` fixes it).
fn date_or_today(d: &Option<String>) -> Result<NaiveDate> {
    match d {
        Some(s) => parse_business_date(s),
        None => Ok(crate::tui::today()),
    }
}

fn key_or_new(k: Option<String>) -> String {
    k.map(|k| k.trim().to_string()).unwrap_or_else(new_key)
}

/// The point named, or empty: the service then takes the organisation's
/// last-used point (`boutique` at first).
fn point_or_default(p: Option<String>) -> String {
    p.unwrap_or_default()
}

/// A price or an amount in francs (`1000`, `1 000`, `1 000 F`); a text that
/// is not one is refused as a bad price.
fn price(input: &str) -> Result<Fcfa> {
    crate::domain::money::parse(input).map_err(|_| {
        CoopError::BadPrice {
            input: input.trim().to_string(),
        }
        .into()
    })
}

fn positive_amount(input: &str) -> Result<Fcfa> {
    Ok(crate::domain::money::parse_positive(input)?)
}

/// A quantity of `item`, in its unit.
fn qty_of(item: &ItemRow, input: &str) -> Result<Qty> {
    Ok(Qty::parse(input, item.unit)?)
}

/// A quantity that may be zero (a count that found nothing, no reorder level).
fn qty_or_zero(input: &str, unit: Unit) -> Result<Qty> {
    match Qty::parse(input, unit) {
        Err(CoopError::QtyNotPositive) if !input.trim().starts_with('-') => Ok(Qty::ZERO),
        other => Ok(other?),
    }
}

/// A unit cost with up to two decimals (`250`, `270,27`).
fn unit_cost(input: &str) -> Result<Decimal> {
    let bad = || -> crate::error::Error {
        CoopError::BadPrice {
            input: input.trim().to_string(),
        }
        .into()
    };
    let s: String = input
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let d: Decimal = s.parse().map_err(|_| bad())?;
    if d.is_sign_negative() || d.is_zero() || d.scale() > 2 {
        return Err(bad());
    }
    Ok(d)
}

/// A receipt number as printed (`VTE-000012`, `RET-000003`) or plain (`12`);
/// the kind comes from the prefix, `sale` without one.
fn receipt_number(input: &str) -> Result<(&'static str, i64)> {
    let s = input.trim();
    let upper = s.to_uppercase();
    let (kind, digits) = if let Some(d) = upper.strip_prefix("VTE-") {
        ("sale", d.to_string())
    } else if let Some(d) = upper.strip_prefix("RET-") {
        ("return", d.to_string())
    } else {
        ("sale", upper.clone())
    };
    match digits.parse::<i64>() {
        Ok(n) if n > 0 => Ok((kind, n)),
        _ => Err(CoopError::BadCode {
            input: s.to_string(),
        }
        .into()),
    }
}

fn invoice_number(input: &str) -> Result<i64> {
    match receipt_number(input)? {
        ("sale", n) => Ok(n),
        _ => Err(CoopError::BadCode {
            input: input.trim().to_string(),
        }
        .into()),
    }
}

// ---- words ---------------------------------------------------------------------

fn unit_name(u: Unit) -> String {
    match u {
        Unit::Piece => tr("coop-unit-piece"),
        Unit::Kg => tr("coop-unit-kg"),
        Unit::Litre => tr("coop-unit-litre"),
        Unit::Metre => tr("coop-unit-metre"),
    }
}

fn kind_name(k: ItemKind) -> String {
    match k {
        ItemKind::Product => tr("coop-kind-product"),
        ItemKind::Material => tr("coop-kind-material"),
    }
}

fn move_name(k: MoveKind) -> String {
    match k {
        MoveKind::Purchase => tr("coop-move-purchase"),
        MoveKind::Donation => tr("coop-move-donation"),
        MoveKind::Produce => tr("coop-move-produce"),
        MoveKind::Consume => tr("coop-move-consume"),
        MoveKind::Sale => tr("coop-move-sale"),
        MoveKind::Return => tr("coop-move-return"),
        MoveKind::Adjust => tr("coop-move-adjust"),
    }
}

fn reason_name(code: &str) -> String {
    match code {
        "loss" => tr("coop-reason-loss"),
        "damage" => tr("coop-reason-damage"),
        "gift" => tr("coop-reason-gift"),
        "theft" => tr("coop-reason-theft"),
        "found" => tr("coop-reason-found"),
        "count" => tr("coop-reason-count"),
        other => other.to_string(),
    }
}

fn method_name(m: PayMethod) -> String {
    method_label(m, lang())
}

/// `2,5 mètres`, `1 pièce`, `12 pièces`.
fn qty_unit(q: Qty, u: Unit) -> String {
    let abs = q.milli().abs();
    t!(
        "cli-qty-unit",
        qty = q.format(lang()),
        unit = u.code(),
        whole = abs / 1000,
        one = if abs == 1000 { "yes" } else { "no" }
    )
}

/// `sale:12` → `VTE-000012`.
fn doc_label(doc: &str) -> String {
    match doc.split_once(':') {
        Some((kind, n)) => match n.parse::<i64>() {
            Ok(n) => doc_ref(kind, n),
            Err(_) => doc.to_string(),
        },
        None => doc.to_string(),
    }
}

fn money(v: Fcfa) -> String {
    v.format(lang())
}

// ---- output --------------------------------------------------------------------

fn json_value<T: serde::Serialize>(v: &T) -> Result<serde_json::Value> {
    serde_json::to_value(v).map_err(|e| crate::error::Error::Json {
        detail: e.to_string(),
    })
}

fn doc_json(out: &DocOutcome) -> Result<serde_json::Value> {
    let mut v = json_value(out)?;
    v["reference"] = out.reference().into();
    v["status"] = if out.already {
        "already_recorded"
    } else {
        "recorded"
    }
    .into();
    Ok(v)
}

/// What a recorded document says: its reference, total and entry.
fn print_doc(ctx: &Context, out: &DocOutcome) -> Result<()> {
    if ctx.json {
        return json_out(&doc_json(out)?);
    }
    let doc = out.reference();
    if out.already {
        outln!("{}", t!("cli-doc-already", doc = doc));
        return Ok(());
    }
    match &out.entry {
        Some(e) => outln!(
            "{}",
            t!(
                "cli-doc-recorded",
                doc = doc,
                total = out.total,
                entry = e.clone()
            )
        ),
        None => outln!(
            "{}",
            t!("cli-doc-recorded-no-entry", doc = doc, total = out.total)
        ),
    }
    Ok(())
}

fn item_json(i: &ItemRow) -> Result<serde_json::Value> {
    let mut v = json_value(i)?;
    v["unit_cost"] = json_value(&i.level().unit_cost())?;
    v["low"] = i.is_low().into();
    Ok(v)
}

// ---- items -----------------------------------------------------------------------

pub fn cmd_item(ctx: &Context, c: ItemCmd) -> Result<i32> {
    let mut books = ctx.open()?;
    let org = ctx.org(&books)?;
    match c {
        ItemCmd::Add {
            code,
            name,
            kind,
            unit,
            price: p,
            reorder,
            stock,
            account,
            variation,
        } => {
            let kind = ItemKind::parse(&kind)?;
            let unit = Unit::parse(&unit)?;
            let new = NewItem {
                code,
                name,
                kind,
                unit,
                price: p.as_deref().map(price).transpose()?,
                reorder: match &reorder {
                    Some(r) => qty_or_zero(r, unit)?,
                    None => Qty::ZERO,
                },
                stock_account: stock,
                flow_account: account,
                variation_account: variation,
            };
            let actor = ctx.actor(&mut books)?;
            let item = books.add_item(&actor, &org, new)?;
            if ctx.json {
                return json_out(&item_json(&item)?).map(|_| 0);
            }
            outln!(
                "{}",
                t!(
                    "cli-item-added",
                    code = item.code.clone(),
                    name = item.name.clone(),
                    kind = kind_name(item.kind),
                    unit = unit_name(item.unit),
                    stock = item.stock_account.clone(),
                    account = item.flow_account.clone()
                )
            );
        }
        ItemCmd::Set {
            code,
            name,
            price: p,
            reorder,
        } => {
            let item = books.item(&org, &code)?;
            let p = p.as_deref().map(price).transpose()?;
            let reorder = reorder
                .as_deref()
                .map(|r| qty_or_zero(r, item.unit))
                .transpose()?;
            let actor = ctx.actor(&mut books)?;
            let item = books.set_item(&actor, &org, &code, name.as_deref(), p, reorder)?;
            if ctx.json {
                return json_out(&item_json(&item)?).map(|_| 0);
            }
            outln!(
                "{}",
                t!(
                    "cli-item-updated",
                    code = item.code.clone(),
                    name = item.name.clone()
                )
            );
        }
        ItemCmd::List => {
            let items = books.items(&org)?;
            if ctx.json {
                let v = items.iter().map(item_json).collect::<Result<Vec<_>>>()?;
                return json_out(&v).map(|_| 0);
            }
            print_items(&items);
        }
        ItemCmd::Show { code } => {
            let item = books.item(&org, &code)?;
            let moves = books.stock_moves(&org, Some(&code), None, None)?;
            if ctx.json {
                return json_out(&serde_json::json!({
                    "item": item_json(&item)?,
                    "moves": moves,
                }))
                .map(|_| 0);
            }
            print_item(&item);
            outln!();
            print_moves(&moves, false);
        }
    }
    Ok(0)
}

fn print_items(items: &[ItemRow]) {
    if items.is_empty() {
        outln!("{}", tr("cli-item-none"));
        return;
    }
    // 79 columns: fits an 80-column terminal.
    outln!(
        "{} {} {} {} {} {} {}",
        fit(&tr("cli-col-item"), 12),
        fit(&tr("cli-col-name"), 17),
        right(&tr("cli-col-qty"), 14),
        right(&tr("cli-col-value"), 10),
        right(&tr("cli-col-unit-cost"), 9),
        right(&tr("cli-col-price"), 7),
        tr("cli-col-low")
    );
    for i in items {
        let uc = i
            .level()
            .unit_cost()
            .map(|c| format_unit_cost(c, lang()))
            .unwrap_or_default();
        let low = if i.is_low() {
            tr("cli-item-low-mark")
        } else {
            String::new()
        };
        outln!(
            "{} {} {} {} {} {} {}",
            fit(&i.code, 12),
            fit(&i.name, 17),
            right(&qty_unit(i.qty, i.unit), 14),
            right(&i.value.format_grouped(lang()), 10),
            right(&uc, 9),
            right(&i.price.map(amt).unwrap_or_default(), 7),
            low
        );
    }
}

fn print_item(i: &ItemRow) {
    outln!("{} — {} ({})", i.code, i.name, kind_name(i.kind));
    outln!(
        "  {}",
        t!(
            "cli-item-stock-line",
            qty = qty_unit(i.qty, i.unit),
            value = i.value
        )
    );
    if let Some(c) = i.level().unit_cost() {
        outln!(
            "  {}",
            t!(
                "cli-item-unit-cost",
                cost = format_unit_cost(c, lang()),
                unit = unit_name(i.unit)
            )
        );
    }
    if let Some(p) = i.price {
        outln!("  {}", t!("cli-item-price-line", price = p));
    }
    if i.reorder.milli() > 0 {
        outln!(
            "  {}",
            t!("cli-item-reorder-line", qty = qty_unit(i.reorder, i.unit))
        );
    }
    if i.is_low() {
        outln!("  ! {}", tr("cli-item-is-low"));
    }
    outln!(
        "  {}",
        t!(
            "cli-item-accounts-line",
            stock = i.stock_account.clone(),
            account = i.flow_account.clone(),
            variation = i.variation_account.clone()
        )
    );
}

/// The stock ledger: each movement with what is left after it.
fn print_moves(moves: &[crate::store::MoveRow], with_item: bool) {
    if moves.is_empty() {
        outln!("{}", tr("cli-moves-none"));
        return;
    }
    // 80 columns with the item, 70 without.
    let head_item = if with_item {
        format!("{} ", fit(&tr("cli-col-item"), 9))
    } else {
        String::new()
    };
    outln!(
        "{} {}{} {} {} {} {} {}",
        fit(&tr("col-date"), 10),
        head_item,
        fit(&tr("cli-col-move"), 13),
        fit(&tr("cli-col-doc"), 10),
        right(&tr("cli-col-qty"), 8),
        right(&tr("cli-col-value"), 8),
        right(&tr("cli-col-qty-after"), 8),
        right(&tr("cli-col-value-after"), 9)
    );
    for m in moves {
        let mut kind = move_name(m.kind);
        if !m.reason.is_empty() && m.kind == MoveKind::Adjust {
            kind = reason_name(&m.reason);
        }
        let item = if with_item {
            format!("{} ", fit(&m.item, 9))
        } else {
            String::new()
        };
        outln!(
            "{} {}{} {} {} {} {} {}",
            date_fmt(m.date),
            item,
            fit(&kind, 13),
            fit(&doc_label(&m.doc), 10),
            right(&m.qty.format(lang()), 8),
            right(&m.value.format_grouped(lang()), 8),
            right(&m.qty_after.format(lang()), 8),
            right(&m.value_after.format_grouped(lang()), 9)
        );
    }
}

// ---- stock ---------------------------------------------------------------------

pub fn cmd_stock(ctx: &Context, c: StockCmd) -> Result<i32> {
    let mut books = ctx.open()?;
    let org = ctx.org(&books)?;
    match c {
        StockCmd::Purchase {
            supplier,
            reference,
            method,
            line,
            date,
            key,
        } => {
            let mut lines = Vec::new();
            for l in &line {
                let item = books.item(&org, &l.parts[0])?;
                lines.push(StockLineInput {
                    item: item.code.clone(),
                    qty: qty_of(&item, &l.parts[1])?,
                    amount: price(&l.parts[2])?,
                });
            }
            let input = PurchaseInput {
                date: date_or_today(&date)?,
                supplier,
                reference: reference.unwrap_or_default(),
                method: PayMethod::parse(&method)?,
                lines,
                idem_key: key_or_new(key),
            };
            let actor = ctx.actor(&mut books)?;
            let out = books.purchase(&actor, &org, input)?;
            print_doc(ctx, &out)?;
        }
        StockCmd::Donation {
            donor,
            reference,
            line,
            date,
            key,
        } => {
            let mut lines = Vec::new();
            for l in &line {
                let item = books.item(&org, &l.parts[0])?;
                let value = match l.parts.get(2).filter(|v| !v.is_empty()) {
                    Some(v) => price(v)?,
                    None => Fcfa::ZERO,
                };
                lines.push(StockLineInput {
                    item: item.code.clone(),
                    qty: qty_of(&item, &l.parts[1])?,
                    amount: value,
                });
            }
            let input = DonationInput {
                date: date_or_today(&date)?,
                donor,
                reference: reference.unwrap_or_default(),
                lines,
                idem_key: key_or_new(key),
            };
            let actor = ctx.actor(&mut books)?;
            let out = books.donation(&actor, &org, input)?;
            print_doc(ctx, &out)?;
        }
        StockCmd::Adjust {
            code,
            qty,
            reason,
            unit_cost: uc,
            note,
            date,
            key,
        } => {
            let item = books.item(&org, &code)?;
            let input = AdjustInput {
                date: date_or_today(&date)?,
                item: item.code.clone(),
                qty: qty_of(&item, &qty)?,
                reason: AdjustReason::parse(&reason)?,
                unit_cost: uc.as_deref().map(unit_cost).transpose()?,
                note: note.unwrap_or_default(),
                idem_key: key_or_new(key),
            };
            let actor = ctx.actor(&mut books)?;
            let out = books.adjust(&actor, &org, input)?;
            print_doc(ctx, &out)?;
        }
        StockCmd::Count {
            line,
            dry_run,
            note,
            date,
            key,
        } => {
            let mut counts = Vec::new();
            for l in &line {
                let item = books.item(&org, &l.parts[0])?;
                counts.push((item.code.clone(), qty_or_zero(&l.parts[1], item.unit)?));
            }
            if dry_run {
                let preview = books.count_preview(&org, &counts)?;
                if ctx.json {
                    return json_out(&preview).map(|_| 0);
                }
                outln!(
                    "{} {} {} {} {} {}",
                    fit(&tr("cli-col-item"), 12),
                    fit(&tr("cli-col-name"), 18),
                    right(&tr("cli-col-book"), 10),
                    right(&tr("cli-col-counted"), 10),
                    right(&tr("cli-col-difference"), 10),
                    right(&tr("cli-col-value"), 10)
                );
                for c in &preview {
                    outln!(
                        "{} {} {} {} {} {}",
                        fit(&c.item, 12),
                        fit(&c.name, 18),
                        right(&c.book.format(lang()), 10),
                        right(&c.counted.format(lang()), 10),
                        right(&c.difference.format(lang()), 10),
                        right(&c.value.format_grouped(lang()), 10)
                    );
                }
                outln!("{}", tr("cli-count-dry-run"));
                return Ok(0);
            }
            let actor = ctx.actor(&mut books)?;
            let out = books.count(
                &actor,
                &org,
                date_or_today(&date)?,
                &counts,
                &note.unwrap_or_default(),
                &key_or_new(key),
            )?;
            print_doc(ctx, &out)?;
        }
        StockCmd::Moves { item, from, to } => {
            let from = from
                .as_deref()
                .map(|f| DateRange::parse_bound(f, false))
                .transpose()?;
            let to = to
                .as_deref()
                .map(|t| DateRange::parse_bound(t, true))
                .transpose()?;
            let moves = books.stock_moves(&org, item.as_deref(), from, to)?;
            if ctx.json {
                return json_out(&moves).map(|_| 0);
            }
            print_moves(&moves, item.is_none());
        }
        StockCmd::Check => {
            let checks = books.stock_check(&org)?;
            let ok = checks.iter().all(|c| c.ledger == c.stock);
            let exit = if ok { 0 } else { EXIT_PROBLEMS };
            if ctx.json {
                return json_out(&serde_json::json!({ "ok": ok, "accounts": checks }))
                    .map(|_| exit);
            }
            outln!(
                "{} {} {}",
                fit(&tr("col-account"), 8),
                right(&tr("cli-col-ledger"), 14),
                right(&tr("cli-col-stock"), 14)
            );
            for c in &checks {
                let mark = if c.ledger == c.stock {
                    String::new()
                } else {
                    format!("  ! {}", tr("cli-stock-check-differs"))
                };
                outln!(
                    "{} {} {}{}",
                    fit(&c.account, 8),
                    right(&c.ledger.format_grouped(lang()), 14),
                    right(&c.stock.format_grouped(lang()), 14),
                    mark
                );
            }
            if ok {
                outln!("{}", tr("cli-stock-check-ok"));
            } else {
                outln!("{}", tr("cli-stock-check-failed"));
            }
            return Ok(exit);
        }
    }
    Ok(0)
}

// ---- recipes and production runs ---------------------------------------------------

pub fn cmd_recipe(ctx: &Context, c: RecipeCmd) -> Result<i32> {
    let mut books = ctx.open()?;
    let org = ctx.org(&books)?;
    match c {
        RecipeCmd::Add {
            code,
            name,
            product,
            yields,
            line,
        } => {
            let p = books.item(&org, &product)?;
            let yields = qty_of(&p, &yields)?;
            let mut lines = Vec::new();
            for l in &line {
                let m = books.item(&org, &l.parts[0])?;
                lines.push((m.code.clone(), qty_of(&m, &l.parts[1])?));
            }
            let actor = ctx.actor(&mut books)?;
            let r = books.add_recipe(&actor, &org, &code, &name, &p.code, yields, &lines)?;
            if ctx.json {
                return json_out(&r).map(|_| 0);
            }
            outln!(
                "{}",
                t!(
                    "cli-recipe-added",
                    code = r.code.clone(),
                    name = r.name.clone(),
                    qty = qty_unit(r.yields, p.unit),
                    product = p.name.clone()
                )
            );
        }
        RecipeCmd::List => {
            let recipes = books.recipes(&org)?;
            if ctx.json {
                return json_out(&recipes).map(|_| 0);
            }
            if recipes.is_empty() {
                outln!("{}", tr("cli-recipe-none"));
            }
            let items = books.items(&org)?;
            let describe = |code: &str, q: Qty| match items.iter().find(|i| i.code == code) {
                Some(i) => format!("{} {}", qty_unit(q, i.unit), i.name),
                None => format!("{} {code}", q.format(lang())),
            };
            for r in &recipes {
                outln!(
                    "{} — {} : {}",
                    r.code,
                    r.name,
                    t!("cli-recipe-yields", what = describe(&r.product, r.yields))
                );
                for (m, q) in &r.lines {
                    outln!("    {}", describe(m, *q));
                }
            }
        }
    }
    Ok(0)
}

pub fn cmd_production(ctx: &Context, a: ProductionArgs) -> Result<i32> {
    let mut books = ctx.open()?;
    let org = ctx.org(&books)?;
    // Batches may be fractional (half a batch of soap).
    let batches = Qty::parse(&a.batches, Unit::Kg)?;
    let input = RunInput {
        date: date_or_today(&a.date)?,
        recipe: a.recipe,
        batches,
        note: a.note.unwrap_or_default(),
        idem_key: key_or_new(a.key),
    };
    let actor = ctx.actor(&mut books)?;
    let out = books.produce(&actor, &org, input)?;
    if ctx.json {
        let mut v = json_value(&out)?;
        v["reference"] = out.doc.reference().into();
        v["status"] = if out.doc.already {
            "already_recorded"
        } else {
            "recorded"
        }
        .into();
        return json_out(&v).map(|_| 0);
    }
    let items = books.items(&org)?;
    let find = |code: &str| items.iter().find(|i| i.code == code);
    if out.doc.already {
        outln!("{}", t!("cli-doc-already", doc = out.doc.reference()));
    }
    let entry = out.doc.entry.clone().unwrap_or_else(|| "—".to_string());
    outln!(
        "{}",
        t!("cli-run-recorded", doc = out.doc.reference(), entry = entry)
    );
    let (pname, punit) = find(&out.product)
        .map(|i| (i.name.clone(), i.unit))
        .unwrap_or((out.product.clone(), Unit::Piece));
    outln!(
        "  {}",
        t!(
            "cli-run-produced",
            qty = qty_unit(out.produced, punit),
            product = pname,
            cost = out.cost
        )
    );
    if let Some(c) = out.unit_cost {
        outln!(
            "  {}",
            t!(
                "cli-run-unit-cost",
                cost = format_unit_cost(c, lang()),
                unit = unit_name(punit)
            )
        );
    }
    outln!("  {}", tr("cli-run-consumed"));
    for (code, q, c) in &out.consumed {
        let (name, unit) = find(code)
            .map(|i| (i.name.clone(), i.unit))
            .unwrap_or((code.clone(), Unit::Piece));
        outln!(
            "    {} {} {}",
            fit(&name, 24),
            right(&qty_unit(*q, unit), 14),
            right(&money(*c), 16)
        );
    }
    Ok(0)
}

// ---- sales ---------------------------------------------------------------------------

pub fn cmd_sale(ctx: &Context, a: SaleArgs) -> Result<i32> {
    let mut books = ctx.open()?;
    let org = ctx.org(&books)?;
    let Some(cmd) = a.cmd else {
        return record_sale(ctx, &mut books, &org, a.new);
    };
    match cmd {
        SaleCmd::Show { number } => {
            let (kind, n) = receipt_number(&number)?;
            let s = books.receipt(&org, kind, n)?;
            if ctx.json {
                return json_out(&sale_json(&s)?).map(|_| 0);
            }
            print_sale(&s);
        }
        SaleCmd::Receipt { number } => {
            let (kind, n) = receipt_number(&number)?;
            let s = books.receipt(&org, kind, n)?;
            if ctx.json {
                return json_out(&serde_json::json!({
                    "reference": doc_ref(&s.kind, s.number),
                    "text": receipt_text(&org, &s, lang()),
                }))
                .map(|_| 0);
            }
            let text = receipt_text(&org, &s, lang());
            for l in text.lines() {
                outln!("{l}");
            }
        }
        SaleCmd::List { from, to } => {
            let from = from
                .as_deref()
                .map(|f| DateRange::parse_bound(f, false))
                .transpose()?;
            let to = to
                .as_deref()
                .map(|t| DateRange::parse_bound(t, true))
                .transpose()?;
            let sales = books.sales(&org, from, to)?;
            if ctx.json {
                let v = sales.iter().map(sale_json).collect::<Result<Vec<_>>>()?;
                return json_out(&v).map(|_| 0);
            }
            if sales.is_empty() {
                outln!("{}", tr("cli-sale-none"));
            }
            // 79 columns.
            outln!(
                "{} {} {} {} {} {} {}",
                fit(&tr("cli-col-receipt"), 10),
                fit(&tr("col-date"), 10),
                fit(&tr("cli-col-point"), 9),
                fit(&tr("cli-col-method"), 12),
                fit(&tr("cli-col-customer"), 12),
                right(&tr("cli-col-total"), 9),
                fit(&tr("cli-col-entry"), 11)
            );
            for s in &sales {
                let total = if s.kind == "return" {
                    Fcfa::new(-s.total.francs())
                } else {
                    s.total
                };
                outln!(
                    "{} {} {} {} {} {} {}",
                    fit(&doc_ref(&s.kind, s.number), 10),
                    date_fmt(s.date),
                    fit(&s.point, 9),
                    fit(&method_name(s.method), 12),
                    fit(s.customer.as_deref().unwrap_or(""), 12),
                    right(&total.format_grouped(lang()), 9),
                    s.entry
                );
            }
        }
        SaleCmd::Return {
            number,
            line,
            reason,
            date,
            point,
            key,
        } => {
            let n = invoice_number(&number)?;
            let mut lines = Vec::new();
            for l in &line {
                let item = books.item(&org, &l.parts[0])?;
                lines.push((item.code.clone(), qty_of(&item, &l.parts[1])?));
            }
            let input = ReturnInput {
                date: date_or_today(&date)?,
                point: point_or_default(point),
                receipt: n,
                lines,
                reason,
                idem_key: key_or_new(key),
            };
            let actor = ctx.actor(&mut books)?;
            let out = books.return_sale(&actor, &org, input)?;
            print_doc(ctx, &out)?;
        }
    }
    Ok(0)
}

fn record_sale(ctx: &Context, books: &mut Books, org: &OrgRow, a: NewSaleArgs) -> Result<i32> {
    let reason = a.price_reason.clone().unwrap_or_default();
    let mut lines = Vec::new();
    for l in &a.line {
        let item = books.item(org, &l.parts[0])?;
        let qty = qty_of(&item, &l.parts[1])?;
        let unit_price = match l.parts.get(2).filter(|p| !p.is_empty()) {
            Some(p) => Some(price(p)?),
            None => None,
        };
        let discount = match l.parts.get(3) {
            Some(d) => Discount::parse(d)?,
            None => Discount::None,
        };
        lines.push(SaleLineInput {
            item: item.code.clone(),
            qty,
            price: unit_price,
            price_reason: reason.clone(),
            discount,
        });
    }
    let method = match &a.method {
        Some(m) => PayMethod::parse(m)?,
        None => PayMethod::Cash,
    };
    let input = SaleInput {
        date: date_or_today(&a.date)?,
        point: point_or_default(a.point),
        customer: a.customer,
        method,
        lines,
        idem_key: key_or_new(a.key),
    };
    let actor = ctx.actor(books)?;
    let out = books.sell(&actor, org, input)?;
    if ctx.json {
        json_out(&doc_json(&out)?)?;
        return Ok(0);
    }
    if out.already {
        outln!("{}", t!("cli-doc-already", doc = out.reference()));
        return Ok(0);
    }
    outln!(
        "{}",
        t!(
            "cli-sale-recorded",
            doc = out.reference(),
            total = out.total,
            method = method_name(method),
            entry = out.entry.clone().unwrap_or_default()
        )
    );
    Ok(0)
}

fn sale_json(s: &SaleRow) -> Result<serde_json::Value> {
    let mut v = json_value(s)?;
    v["reference"] = doc_ref(&s.kind, s.number).into();
    Ok(v)
}

fn print_sale(s: &SaleRow) {
    let title = if s.kind == "return" {
        tr("cli-receipt-return")
    } else {
        tr("cli-receipt-sale")
    };
    outln!(
        "{} {} — {} — {}",
        title,
        doc_ref(&s.kind, s.number),
        date_fmt(s.date),
        s.point
    );
    outln!("  {} {}", tr("cli-receipt-method"), method_name(s.method));
    if let Some(c) = &s.customer {
        outln!(
            "  {} {} ({c})",
            tr("cli-receipt-customer"),
            s.customer_name.clone().unwrap_or_default()
        );
    }
    if !s.reason.is_empty() {
        outln!("  {} {}", tr("cli-receipt-reason"), s.reason);
    }
    outln!(
        "  {} {} {} {} {} {} {}",
        fit(&tr("cli-col-item"), 12),
        fit(&tr("cli-col-name"), 18),
        right(&tr("cli-col-qty"), 7),
        right(&tr("cli-col-price"), 7),
        right(&tr("cli-col-discount"), 7),
        right(&tr("cli-col-amount"), 9),
        right(&tr("cli-col-cost"), 8)
    );
    for l in &s.lines {
        outln!(
            "  {} {} {} {} {} {} {}",
            fit(&l.item, 12),
            fit(&l.item_name, 18),
            right(&l.qty.format(lang()), 7),
            right(&l.unit_price.format_grouped(lang()), 7),
            right(&amt(l.discount), 7),
            right(&l.amount.format_grouped(lang()), 9),
            right(&l.cost.format_grouped(lang()), 8)
        );
        if l.unit_price != l.list_price {
            outln!(
                "      {}",
                t!(
                    "cli-sale-price-changed",
                    list = l.list_price,
                    reason = l.price_reason.clone()
                )
            );
        }
    }
    outln!("  {} {}", tr("cli-receipt-total"), money(s.total));
    if !s.discount.is_zero() {
        outln!("  {} {}", tr("cli-receipt-discount"), money(s.discount));
    }
    outln!(
        "  {}",
        t!(
            "cli-sale-margin",
            cost = s.cost,
            margin = Fcfa::new(s.total.francs() - s.cost.francs())
        )
    );
    outln!("  {} {}", tr("cli-receipt-entry"), s.entry);
    outln!(
        "  {}",
        t!(
            "entry-meta",
            author = s.author.clone(),
            recorded = s.recorded_at.clone()
        )
    );
}

// ---- customers -----------------------------------------------------------------------

pub fn cmd_customer(ctx: &Context, c: CustomerCmd) -> Result<i32> {
    let mut books = ctx.open()?;
    let org = ctx.org(&books)?;
    match c {
        CustomerCmd::Add {
            code,
            name,
            phone,
            limit,
        } => {
            let limit = limit.as_deref().map(price).transpose()?;
            let actor = ctx.actor(&mut books)?;
            let c = books.add_customer(
                &actor,
                &org,
                &code,
                &name,
                phone.as_deref().unwrap_or(""),
                limit.unwrap_or(Fcfa::ZERO),
            )?;
            if ctx.json {
                return json_out(&c).map(|_| 0);
            }
            outln!(
                "{}",
                t!(
                    "cli-customer-added",
                    code = c.code.clone(),
                    name = c.name.clone(),
                    limit = c.credit_limit
                )
            );
        }
        CustomerCmd::Set {
            code,
            name,
            phone,
            limit,
        } => {
            books.customer(&org, &code)?;
            let limit = limit.as_deref().map(price).transpose()?;
            let actor = ctx.actor(&mut books)?;
            let c = books.save_customer(
                &actor,
                &org,
                &code,
                name.as_deref(),
                phone.as_deref(),
                limit,
            )?;
            if ctx.json {
                return json_out(&c).map(|_| 0);
            }
            outln!(
                "{}",
                t!(
                    "cli-customer-updated",
                    code = c.code.clone(),
                    name = c.name.clone(),
                    limit = c.credit_limit
                )
            );
        }
        CustomerCmd::List => {
            let customers = books.customers(&org)?;
            if ctx.json {
                return json_out(&customers).map(|_| 0);
            }
            if customers.is_empty() {
                outln!("{}", tr("cli-customer-none"));
                return Ok(0);
            }
            outln!(
                "{} {} {} {} {}",
                fit(&tr("cli-col-customer"), 12),
                fit(&tr("cli-col-name"), 26),
                fit(&tr("cli-col-phone"), 14),
                right(&tr("cli-col-limit"), 11),
                right(&tr("cli-col-owed"), 11)
            );
            for c in &customers {
                outln!(
                    "{} {} {} {} {}",
                    fit(&c.code, 12),
                    fit(&c.name, 26),
                    fit(&c.phone, 14),
                    right(&c.credit_limit.format_grouped(lang()), 11),
                    right(&c.owed.format_grouped(lang()), 11)
                );
            }
        }
        CustomerCmd::Pay {
            code,
            amount,
            method,
            invoice,
            date,
            point,
            key,
        } => {
            let input = PaymentInput {
                date: date_or_today(&date)?,
                point: point_or_default(point),
                customer: code,
                method: PayMethod::parse(&method)?,
                amount: positive_amount(&amount)?,
                invoice: invoice.as_deref().map(invoice_number).transpose()?,
                idem_key: key_or_new(key),
            };
            let actor = ctx.actor(&mut books)?;
            let out = books.receive_payment(&actor, &org, input)?;
            print_doc(ctx, &out)?;
        }
        CustomerCmd::Invoices { code, all } => {
            let invoices = books.invoices(&org, code.as_deref(), all)?;
            if ctx.json {
                return json_out(&invoices).map(|_| 0);
            }
            if invoices.is_empty() {
                outln!("{}", tr("cli-invoice-none"));
                return Ok(0);
            }
            // 79 columns.
            outln!(
                "{} {} {} {} {} {} {}",
                fit(&tr("cli-col-receipt"), 10),
                fit(&tr("col-date"), 10),
                fit(&tr("cli-col-customer"), 14),
                right(&tr("cli-col-total"), 10),
                right(&tr("cli-col-returned"), 9),
                right(&tr("cli-col-paid"), 10),
                right(&tr("cli-col-owed"), 10)
            );
            let mut owed = Fcfa::ZERO;
            for i in &invoices {
                owed = owed.checked_add(i.owed)?;
                outln!(
                    "{} {} {} {} {} {} {}",
                    fit(&doc_ref("sale", i.number), 10),
                    date_fmt(i.date),
                    fit(&i.customer_name, 14),
                    right(&i.total.format_grouped(lang()), 10),
                    right(&amt(i.returned), 9),
                    right(&amt(i.paid), 10),
                    right(&i.owed.format_grouped(lang()), 10)
                );
            }
            outln!("{}", t!("cli-invoice-total-owed", owed = owed));
        }
        CustomerCmd::Aging { date } => {
            let as_of = date_or_today(&date)?;
            let a = books.aging(&org, as_of)?;
            let ok = a.total == a.ledger_balance;
            if ctx.json {
                let mut v = json_value(&a)?;
                v["balanced"] = ok.into();
                return json_out(&v).map(|_| 0);
            }
            outln!("{}", t!("cli-aging-title", date = date_fmt(a.as_of)));
            let w = 10;
            outln!(
                "{} {} {} {} {} {}",
                fit(&tr("cli-col-customer"), 18),
                right(&tr("cli-col-age-0-30"), w),
                right(&tr("cli-col-age-31-60"), w),
                right(&tr("cli-col-age-61-90"), w),
                right(&tr("cli-col-age-90"), w),
                right(&tr("cli-col-total"), w)
            );
            for r in &a.rows {
                let mark = if r.total > r.credit_limit {
                    format!(" ! {}", tr("cli-aging-over-limit"))
                } else {
                    String::new()
                };
                outln!(
                    "{} {} {} {} {} {}{}",
                    fit(&r.name, 18),
                    right(&amt(r.buckets[0]), w),
                    right(&amt(r.buckets[1]), w),
                    right(&amt(r.buckets[2]), w),
                    right(&amt(r.buckets[3]), w),
                    right(&r.total.format_grouped(lang()), w),
                    mark
                );
            }
            outln!(
                "{} {} {} {} {} {}",
                fit(&tr("col-totals"), 18),
                right(&a.totals[0].format_grouped(lang()), w),
                right(&a.totals[1].format_grouped(lang()), w),
                right(&a.totals[2].format_grouped(lang()), w),
                right(&a.totals[3].format_grouped(lang()), w),
                right(&a.total.format_grouped(lang()), w)
            );
            if ok {
                outln!("{}", t!("cli-aging-ledger-ok", balance = a.ledger_balance));
            } else {
                outln!(
                    "{}",
                    t!(
                        "cli-aging-ledger-differs",
                        balance = a.ledger_balance,
                        total = a.total
                    )
                );
                return Ok(EXIT_PROBLEMS);
            }
        }
    }
    Ok(0)
}

// ---- daily, monthly and yearly closes ---------------------------------------------------

pub fn cmd_close_day(ctx: &Context, a: CloseDayArgs) -> Result<i32> {
    let mut books = ctx.open()?;
    let org = ctx.org(&books)?;
    let today = crate::tui::today();
    match a.cmd {
        None => {
            let d = a.day;
            let point = point_or_default(d.point);
            let day = date_or_today(&d.date)?;
            let counted = d.counted.as_deref().map(CashCount::parse).transpose()?;
            let counted_sum = counted.as_ref().map(|c| c.total);
            let summary = match counted {
                Some(c) if !d.dry_run => {
                    let actor = ctx.actor(&mut books)?;
                    books.close_day(
                        &actor,
                        &org,
                        &point,
                        day,
                        today,
                        &c,
                        &d.reason.unwrap_or_default(),
                    )?
                }
                _ => books.sales_summary(&org, &point, &day.to_string())?,
            };
            if ctx.json {
                return json_out(&summary_json(&summary, counted_sum)?).map(|_| 0);
            }
            print_summary(&summary, counted_sum);
        }
        Some(CloseCmd::Month {
            month,
            point,
            dry_run,
        }) => {
            let m = crate::domain::period::Month::parse(&month)?;
            close_period(ctx, &mut books, &org, point, &m.key(), dry_run, today)?;
        }
        Some(CloseCmd::Year {
            year,
            point,
            dry_run,
        }) => {
            let y = parse_year(&year)?;
            close_period(ctx, &mut books, &org, point, &y.to_string(), dry_run, today)?;
        }
        Some(CloseCmd::List { point }) => {
            let closes = books.day_closes(&org, point.as_deref(), None)?;
            if ctx.json {
                return json_out(&closes).map(|_| 0);
            }
            if closes.is_empty() {
                outln!("{}", tr("cli-close-none"));
                return Ok(0);
            }
            // 79 columns.
            outln!(
                "{} {} {} {} {} {} {}",
                fit(&tr("cli-col-point"), 9),
                fit(&tr("cli-col-period"), 10),
                right(&tr("cli-col-sales"), 10),
                right(&tr("cli-col-expected"), 9),
                right(&tr("cli-col-counted"), 9),
                right(&tr("cli-col-difference"), 7),
                right(&tr("cli-col-grand-total"), 11),
            );
            for c in &closes {
                let period = match NaiveDate::parse_from_str(&c.period, "%Y-%m-%d") {
                    Ok(d) => date_fmt(d),
                    Err(_) => c.period.clone(),
                };
                outln!(
                    "{} {} {} {} {} {} {}",
                    fit(&c.point, 9),
                    fit(&period, 10),
                    right(
                        &Fcfa::new(c.sales_total.francs() - c.returns_total.francs())
                            .format_grouped(lang()),
                        10
                    ),
                    right(&c.cash_expected.format_grouped(lang()), 9),
                    right(&c.cash_counted.format_grouped(lang()), 9),
                    right(&amt(c.difference), 7),
                    right(&c.grand_total.format_grouped(lang()), 11),
                );
            }
        }
    }
    Ok(0)
}

fn close_period(
    ctx: &Context,
    books: &mut Books,
    org: &OrgRow,
    point: Option<String>,
    period: &str,
    dry_run: bool,
    today: NaiveDate,
) -> Result<()> {
    let point = point_or_default(point);
    let summary = if dry_run {
        books.sales_summary(org, &point, period)?
    } else {
        let actor = ctx.actor(books)?;
        books.close_sales_period(&actor, org, &point, period, today)?
    };
    if ctx.json {
        return json_out(&summary_json(&summary, None)?);
    }
    print_summary(&summary, None);
    Ok(())
}

fn summary_json(s: &SalesSummary, counted: Option<Fcfa>) -> Result<serde_json::Value> {
    let mut v = json_value(s)?;
    v["sealed"] = s.close.is_some().into();
    if s.close.is_none()
        && let Some(c) = counted
    {
        v["counted_preview"] = json_value(&c)?;
        v["difference_preview"] = (c.francs() - s.cash_expected.francs()).into();
    }
    Ok(v)
}

/// The Z: totals by product and by way of paying, what the drawer should
/// hold and, once sealed, what was counted and the difference.
fn print_summary(s: &SalesSummary, counted: Option<Fcfa>) {
    let period = match s.kind.as_str() {
        "day" => match NaiveDate::parse_from_str(&s.period, "%Y-%m-%d") {
            Ok(d) => date_fmt(d),
            Err(_) => s.period.clone(),
        },
        _ => s.period.clone(),
    };
    let title = match (s.kind.as_str(), s.close.is_some()) {
        ("day", true) => "cli-z-title-day-sealed",
        ("day", false) => "cli-z-title-day-preview",
        ("month", true) => "cli-z-title-month-closed",
        ("month", false) => "cli-z-title-month-preview",
        (_, true) => "cli-z-title-year-closed",
        (_, false) => "cli-z-title-year-preview",
    };
    outln!("{}", t!(title, point = s.point.clone(), period = period));
    outln!(
        "  {}",
        t!(
            "cli-z-counts",
            sales = s.sales_count,
            total = s.sales_total,
            returns = s.returns_count,
            returned = s.returns_total,
            payments = s.payments_total
        )
    );
    outln!();
    outln!("{}", tr("cli-z-by-item"));
    if s.by_item.is_empty() {
        outln!("  {}", tr("cli-z-nothing"));
    }
    for i in &s.by_item {
        outln!(
            "  {} {} {} {}",
            fit(&i.item, 12),
            fit(&i.name, 30),
            right(&i.qty.format(lang()), 10),
            right(&money(i.amount), 18)
        );
    }
    outln!();
    outln!("{}", tr("cli-z-by-method"));
    outln!(
        "  {} {} {} {}",
        fit("", 16),
        right(&tr("cli-col-sales"), 14),
        right(&tr("cli-col-returns"), 14),
        right(&tr("cli-col-payments"), 14)
    );
    for m in &s.by_method {
        let name = m.method.map(method_name).unwrap_or_default();
        outln!(
            "  {} {} {} {}",
            fit(&name, 16),
            right(&m.sales.format_grouped(lang()), 14),
            right(&amt(m.returns), 14),
            right(&amt(m.payments), 14)
        );
    }
    outln!();
    outln!("{}", t!("cli-z-cash-expected", amount = s.cash_expected));
    match &s.close {
        Some(c) => {
            outln!("{}", t!("cli-z-cash-counted", amount = c.cash_counted));
            if c.difference.is_zero() {
                outln!("{}", tr("cli-z-no-difference"));
            } else {
                let key = if c.difference.is_negative() {
                    "cli-z-short"
                } else {
                    "cli-z-over"
                };
                outln!(
                    "{}",
                    t!(key, amount = c.difference.abs(), reason = c.reason.clone())
                );
            }
            if let Some(e) = &c.entry {
                outln!("{}", t!("cli-z-entry", entry = e.clone()));
            }
            outln!(
                "{}",
                t!(
                    "cli-z-sealed-by",
                    by = c.closed_by.clone(),
                    at = c.closed_at.clone()
                )
            );
        }
        None => {
            if let Some(c) = counted {
                outln!("{}", t!("cli-z-cash-counted", amount = c));
                outln!(
                    "{}",
                    t!(
                        "cli-z-difference-preview",
                        amount = Fcfa::new(c.francs() - s.cash_expected.francs())
                    )
                );
            }
        }
    }
    outln!(
        "{}",
        t!(
            "cli-z-grand-total",
            before = s.grand_total_before,
            after = s.grand_total
        )
    );
    if s.close.is_none() {
        let hint = match s.kind.as_str() {
            "day" => "cli-z-preview-day",
            _ => "cli-z-preview-period",
        };
        outln!("{}", tr(hint));
    }
}

// ---- members -------------------------------------------------------------------------

/// The same command for a savings group: its members are not a
/// cooperative's (see `savings.rs`).
fn sg_member_cmd(c: MemberCmd) -> std::result::Result<SgMember, String> {
    Ok(match c {
        MemberCmd::Add {
            name,
            phone,
            parts,
            part_value,
            method,
            date,
            role,
            number,
        } => {
            if parts.is_some() || part_value.is_some() || method.is_some() {
                return Err(tr("cli-sg-coop-options"));
            }
            SgMember::Add {
                name,
                phone,
                role,
                joined: date,
                number,
            }
        }
        MemberCmd::Parts { .. } | MemberCmd::Dealings { .. } => {
            return Err(tr("cli-sg-coop-only"));
        }
        MemberCmd::List { year, search } => {
            if year.is_some() {
                return Err(tr("cli-sg-coop-options"));
            }
            SgMember::List { search }
        }
        MemberCmd::Show { member } => SgMember::Show { member },
        MemberCmd::Edit {
            member,
            name,
            phone,
            role,
        } => SgMember::Edit {
            member,
            name,
            phone,
            role,
        },
        MemberCmd::Leave {
            member,
            date,
            preview,
        } => SgMember::Leave {
            member,
            date,
            preview,
        },
    })
}

pub fn cmd_member(ctx: &Context, c: MemberCmd) -> Result<i32> {
    let mut books = ctx.open()?;
    let org = ctx.org(&books)?;
    if org.kind == "savings" {
        return match sg_member_cmd(c) {
            Ok(c) => cmd_sg_member(ctx, &mut books, &org, c),
            Err(message) => refuse(message),
        };
    }
    match c {
        MemberCmd::Show { .. } | MemberCmd::Edit { .. } | MemberCmd::Leave { .. } => {
            return refuse(tr("cli-sg-savings-only"));
        }
        MemberCmd::Add { role: Some(_), .. }
        | MemberCmd::Add {
            number: Some(_), ..
        } => {
            return refuse(tr("cli-sg-savings-options"));
        }
        MemberCmd::Add {
            name,
            phone,
            parts,
            part_value,
            method,
            date,
            ..
        } => {
            let joined = date_or_today(&date)?;
            let part_value = match &part_value {
                Some(v) => positive_amount(v)?,
                None => Fcfa::ZERO,
            };
            let method = match &method {
                Some(m) => PayMethod::parse(m)?,
                None => PayMethod::Cash,
            };
            let actor = ctx.actor(&mut books)?;
            let m = books.add_coop_member(
                &actor,
                &org,
                &name,
                &phone.unwrap_or_default(),
                joined,
                parts.unwrap_or(0),
                part_value,
                method,
            )?;
            if ctx.json {
                return json_out(&m).map(|_| 0);
            }
            outln!(
                "{}",
                t!(
                    "cli-member-added",
                    number = m.number,
                    name = m.name.clone(),
                    parts = m.parts,
                    capital = m.capital
                )
            );
        }
        MemberCmd::Parts {
            number,
            parts,
            part_value,
            method,
            date,
        } => {
            let date = date_or_today(&date)?;
            let part_value = positive_amount(&part_value)?;
            let method = match &method {
                Some(m) => PayMethod::parse(m)?,
                None => PayMethod::Cash,
            };
            let actor = ctx.actor(&mut books)?;
            let m = books.buy_parts(&actor, &org, number, date, parts, part_value, method)?;
            if ctx.json {
                return json_out(&m).map(|_| 0);
            }
            outln!(
                "{}",
                t!(
                    "cli-member-parts-bought",
                    number = m.number,
                    name = m.name.clone(),
                    parts = m.parts,
                    capital = m.capital
                )
            );
        }
        MemberCmd::Dealings {
            number,
            year,
            amount,
        } => {
            let year = parse_year(&year)?;
            let amount = price(&amount)?;
            let actor = ctx.actor(&mut books)?;
            books.set_member_dealings(&actor, &org, number, year, amount)?;
            if ctx.json {
                return json_out(&serde_json::json!({
                    "member": number, "year": year, "dealings": amount,
                }))
                .map(|_| 0);
            }
            outln!(
                "{}",
                t!(
                    "cli-member-dealings-set",
                    number = number,
                    year = i64::from(year),
                    amount = amount
                )
            );
        }
        MemberCmd::List { year, search } => {
            let year = year.as_deref().map(parse_year).transpose()?;
            let mut rows: Vec<(crate::store::MemberRow, Option<Fcfa>)> = match year {
                Some(y) => books
                    .member_dealings(&org, y)?
                    .into_iter()
                    .map(|d| (d.member, Some(d.dealings)))
                    .collect(),
                None => books
                    .coop_members(&org)?
                    .into_iter()
                    .map(|m| (m, None))
                    .collect(),
            };
            if let Some(s) = &search {
                let key = crate::domain::text::fold(s.trim());
                rows.retain(|(m, _)| {
                    crate::domain::text::fold(&m.name).contains(&key) || m.number.to_string() == key
                });
            }
            if ctx.json {
                let v = rows
                    .iter()
                    .map(|(m, d)| {
                        let mut v = json_value(m)?;
                        if let Some(d) = d {
                            v["dealings"] = json_value(d)?;
                        }
                        Ok(v)
                    })
                    .collect::<Result<Vec<_>>>()?;
                return json_out(&v).map(|_| 0);
            }
            if rows.is_empty() {
                outln!("{}", tr("cli-member-none"));
                return Ok(0);
            }
            let dealings_head = if year.is_some() {
                right(&tr("cli-col-dealings"), 12)
            } else {
                String::new()
            };
            outln!(
                "{} {} {} {} {} {} {}",
                right(&tr("col-number"), 4),
                fit(&tr("cli-col-name"), 24),
                fit(&tr("cli-col-phone"), 12),
                fit(&tr("cli-col-joined"), 10),
                right(&tr("cli-col-parts"), 6),
                right(&tr("cli-col-capital"), 10),
                dealings_head
            );
            let (mut parts, mut capital, mut dealings) = (0i64, 0i64, 0i64);
            for (m, d) in &rows {
                parts += m.parts;
                capital += m.capital.francs();
                dealings += d.map(|d| d.francs()).unwrap_or(0);
                outln!(
                    "{} {} {} {} {} {} {}",
                    right(&m.number.to_string(), 4),
                    fit(&m.name, 24),
                    fit(&m.phone, 12),
                    date_fmt(m.joined),
                    right(&m.parts.to_string(), 6),
                    right(&m.capital.format_grouped(lang()), 10),
                    d.map(|d| right(&d.format_grouped(lang()), 12))
                        .unwrap_or_default()
                );
            }
            outln!(
                "{} {} {} {} {}",
                right("", 4),
                fit(&tr("col-totals"), 48),
                right(&parts.to_string(), 6),
                right(&Fcfa::new(capital).format_grouped(lang()), 10),
                if year.is_some() {
                    right(&Fcfa::new(dealings).format_grouped(lang()), 12)
                } else {
                    String::new()
                }
            );
        }
    }
    Ok(0)
}
