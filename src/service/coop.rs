//! A cooperative's trade, one function per user action: items, purchases
//! and donations, production runs, adjustments and counts, sales and
//! returns, customers and their payments, the daily close (Z) and the
//! month and year closes of a sales point, members and their parts.
//!
//! Each action is one write transaction: the document, its rows of the
//! stock ledger and its balanced entry, posted through `WriteTx::post`,
//! are committed together or not at all. Document entries carry the
//! document in `source` (`sale:12`) and the document keeps its entry.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use super::{Actor, Books, authorize, clean, now};
use crate::domain::access::Action;
use crate::domain::account::AccountNumber;
use crate::domain::coop::{
    CashCount, CoopError, Discount, ItemKind, MoveKind, PayMethod, Qty, StockLevel, Unit, accounts,
    age_bucket, check_code, line_amount, value_at,
};
use crate::domain::ledger::{
    EntryNumber, INTERNAL_KEY_PREFIX, LedgerError, LineInput, NewEntry, Side, check_user_key,
};
use crate::domain::money::Fcfa;
use crate::domain::period::Month;
use crate::domain::text::fold;
use crate::error::{Error, Result};
use crate::store::{
    CustomerRow, DayCloseRow, InvoiceRow, ItemRow, MemberRow, MoveRow, NewDayClose, NewItemRow,
    NewMove, NewSale, NewSaleLine, NewStockDoc, OrgRow, PaymentRow, PostOutcome, Reader, RecipeRow,
    SaleRow, StockDocRow, WriteTx,
};

/// Sources of the entries documents post (`sale:12`). Such an entry is
/// corrected through its document (a return, an adjustment), never by a
/// bare reversal, so the stock ledger and the accounts stay together.
pub const DOC_SOURCES: &[&str] = &[
    "purchase:",
    "donation:",
    "run:",
    "adjust:",
    "count:",
    "sale:",
    "return:",
    "payment:",
    "dayclose:",
    "parts:",
    "surplus:",
];

/// The sales point used when none is named.
pub const DEFAULT_POINT: &str = "boutique";

/// The result of recording a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocOutcome {
    /// `sale`, `return`, `purchase`, `donation`, `run`, `adjust`, `count`, `payment`.
    pub kind: String,
    pub number: i64,
    /// The entry it posted (none when no franc moved: a donation at zero).
    pub entry: Option<String>,
    pub total: Fcfa,
    /// True when the same idempotency key had already recorded it.
    pub already: bool,
}

impl DocOutcome {
    /// `VTE-000012`: the document reference entries and receipts carry.
    pub fn reference(&self) -> String {
        doc_ref(&self.kind, self.number)
    }
}

/// The printed reference of a document.
pub fn doc_ref(kind: &str, number: i64) -> String {
    let prefix = match kind {
        "sale" => "VTE",
        "return" => "RET",
        "purchase" => "ACH",
        "donation" => "DON",
        "run" => "FAB",
        "adjust" => "AJU",
        "count" => "INV",
        "payment" => "ENC",
        _ => "DOC",
    };
    format!("{prefix}-{number:06}")
}

#[derive(Clone, Debug)]
pub struct NewItem {
    pub code: String,
    pub name: String,
    pub kind: ItemKind,
    pub unit: Unit,
    pub price: Option<Fcfa>,
    pub reorder: Qty,
    pub stock_account: String,
    /// Sales account (product) or purchase account (material); defaults:
    /// none for a product (must be given), 6021 for a material.
    pub flow_account: Option<String>,
    pub variation_account: Option<String>,
}

/// One line bought or given: an item, a quantity and what it cost in all.
#[derive(Clone, Debug)]
pub struct StockLineInput {
    pub item: String,
    pub qty: Qty,
    pub amount: Fcfa,
}

#[derive(Clone, Debug)]
pub struct PurchaseInput {
    pub date: NaiveDate,
    pub supplier: String,
    /// The supplier's invoice or receipt number.
    pub reference: String,
    pub method: PayMethod,
    pub lines: Vec<StockLineInput>,
    pub idem_key: String,
}

#[derive(Clone, Debug)]
pub struct DonationInput {
    pub date: NaiveDate,
    pub donor: String,
    pub reference: String,
    /// Each line at zero or at the stated value.
    pub lines: Vec<StockLineInput>,
    pub idem_key: String,
}

#[derive(Clone, Debug)]
pub struct RunInput {
    pub date: NaiveDate,
    pub recipe: String,
    pub batches: Qty,
    pub note: String,
    pub idem_key: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RunOutcome {
    pub doc: DocOutcome,
    pub product: String,
    pub produced: Qty,
    pub cost: Fcfa,
    /// Cost of one unit produced, to the hundredth of a franc.
    pub unit_cost: Option<Decimal>,
    /// `(material, quantity, cost)` consumed.
    pub consumed: Vec<(String, Qty, Fcfa)>,
}

#[derive(Clone, Debug)]
pub struct AdjustInput {
    pub date: NaiveDate,
    pub item: String,
    pub qty: Qty,
    pub reason: crate::domain::coop::AdjustReason,
    /// Unit cost for stock found when the item has none to average on.
    pub unit_cost: Option<Decimal>,
    pub note: String,
    pub idem_key: String,
}

/// A counted quantity against the books.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CountLine {
    pub item: String,
    pub name: String,
    pub book: Qty,
    pub counted: Qty,
    /// counted − book.
    pub difference: Qty,
    /// The value the adjustment moves (signed like the difference).
    pub value: Fcfa,
}

#[derive(Clone, Debug)]
pub struct SaleLineInput {
    pub item: String,
    pub qty: Qty,
    /// A price other than the list price (needs a reason).
    pub price: Option<Fcfa>,
    pub price_reason: String,
    pub discount: Discount,
}

#[derive(Clone, Debug)]
pub struct SaleInput {
    pub date: NaiveDate,
    pub point: String,
    pub customer: Option<String>,
    pub method: PayMethod,
    pub lines: Vec<SaleLineInput>,
    pub idem_key: String,
}

#[derive(Clone, Debug)]
pub struct ReturnInput {
    pub date: NaiveDate,
    pub point: String,
    /// Receipt number of the sale.
    pub receipt: i64,
    pub lines: Vec<(String, Qty)>,
    pub reason: String,
    pub idem_key: String,
}

#[derive(Clone, Debug)]
pub struct PaymentInput {
    pub date: NaiveDate,
    pub point: String,
    pub customer: String,
    pub method: PayMethod,
    pub amount: Fcfa,
    /// Pay this invoice; otherwise the oldest first.
    pub invoice: Option<i64>,
    pub idem_key: String,
}

/// What a customer owes, by age of the invoice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AgingRow {
    pub customer: String,
    pub name: String,
    pub credit_limit: Fcfa,
    /// 0–30, 31–60, 61–90, over 90 days.
    pub buckets: [Fcfa; 4],
    pub total: Fcfa,
    pub oldest_days: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Aging {
    pub as_of: NaiveDate,
    pub rows: Vec<AgingRow>,
    pub totals: [Fcfa; 4],
    pub total: Fcfa,
    /// Balance of account 4111 Clients: equals `total` when the books agree.
    pub ledger_balance: Fcfa,
}

/// Totals of one item over a day (or month), sales less returns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemTotal {
    pub item: String,
    pub name: String,
    pub qty: Qty,
    pub amount: Fcfa,
}

/// Totals of one way of paying.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MethodTotal {
    pub method: Option<PayMethod>,
    pub sales: Fcfa,
    pub returns: Fcfa,
    /// Payments received on invoices.
    pub payments: Fcfa,
}

/// The Z of a sales point for a day, a month or a year, before or after
/// it is sealed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SalesSummary {
    pub point: String,
    /// `day`, `month` or `year`.
    pub kind: String,
    pub period: String,
    pub sales_count: i64,
    pub returns_count: i64,
    pub sales_total: Fcfa,
    pub returns_total: Fcfa,
    pub payments_total: Fcfa,
    pub by_item: Vec<ItemTotal>,
    pub by_method: Vec<MethodTotal>,
    /// Cash that should be in the drawer from this period's takings.
    pub cash_expected: Fcfa,
    /// Perpetual total of the point before and after this period.
    pub grand_total_before: Fcfa,
    pub grand_total: Fcfa,
    /// The recorded close, once sealed.
    pub close: Option<DayCloseRow>,
}

/// Stock accounts against the stock ledger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StockCheck {
    pub account: String,
    /// Balance of the account in the ledger.
    pub ledger: Fcfa,
    /// Sum of the values of the items that post to it.
    pub stock: Fcfa,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MemberDealing {
    pub member: MemberRow,
    pub dealings: Fcfa,
}

fn key_conflict(key: &str, kind: &str, number: i64) -> Error {
    Error::Coop(CoopError::KeyUsed {
        key: key.to_string(),
        doc: doc_ref(kind, number),
    })
}

/// Adds `amount` on `side` of `account` to a list of lines, merging with a
/// line already there for the same account and side.
fn add_line(
    lines: &mut Vec<LineInput>,
    account: &str,
    side: Side,
    amount: Fcfa,
    label: &str,
) -> Result<()> {
    if amount.is_zero() {
        return Ok(());
    }
    let acc = AccountNumber::parse(account)?;
    if let Some(l) = lines
        .iter_mut()
        .find(|l| l.account == acc && l.side == side)
    {
        l.amount = l.amount.checked_add(amount)?;
        return Ok(());
    }
    lines.push(LineInput {
        account: acc,
        side,
        amount,
        label: label.to_string(),
    });
    Ok(())
}

/// Posts a document's entry and returns its id and number; `None` when the
/// lines are empty (no franc moved).
#[allow(clippy::too_many_arguments)]
fn post_doc(
    tx: &mut WriteTx<'_>,
    org: &OrgRow,
    actor: &Actor,
    now: &str,
    kind: &str,
    number: i64,
    date: NaiveDate,
    memo: String,
    lines: Vec<LineInput>,
) -> Result<Option<(i64, EntryNumber)>> {
    if lines.is_empty() {
        return Ok(None);
    }
    let memo = clean("memo", &memo, crate::domain::ledger::MAX_MEMO, true)?;
    let entry = NewEntry {
        date,
        doc_ref: doc_ref(kind, number),
        memo,
        idem_key: format!("{INTERNAL_KEY_PREFIX}{kind}:{number}"),
        lines,
        source: Some(format!("{kind}:{number}")),
    };
    let out = tx.post(org, &entry, None, &actor.name, now)?;
    let PostOutcome::Posted(e) = out else {
        // A fresh document number can never have been posted before.
        return Err(Error::Refused {
            detail: format!("{kind}:{number}"),
        });
    };
    let id = tx
        .read()
        .entry_id(org.id, e.number)?
        .ok_or(Error::CorruptEntry { number: e.number })?;
    tx.audit(
        &actor.name,
        &format!("{kind}.record"),
        &org.code,
        &format!("{} {}", doc_ref(kind, number), e.number),
        now,
    )?;
    Ok(Some((id, e.number)))
}

fn item_of(r: &Reader<'_>, org: &OrgRow, code: &str) -> Result<ItemRow> {
    let c = check_code(code).map_err(|_| CoopError::UnknownItem {
        code: code.trim().to_string(),
    })?;
    r.item(org.id, &c)?.ok_or_else(|| {
        CoopError::UnknownItem {
            code: code.trim().to_string(),
        }
        .into()
    })
}

fn not_enough(item: &ItemRow, e: CoopError) -> Error {
    match e {
        CoopError::NotEnough {
            available, wanted, ..
        } => CoopError::NotEnough {
            item: format!("{} ({})", item.name, item.code),
            available,
            wanted,
        }
        .into(),
        other => other.into(),
    }
}

/// A row of the stock ledger a document is about to write: quantity and
/// value signed (negative out), and the item's level after it.
struct StockRow {
    item_id: i64,
    kind: MoveKind,
    qty: Qty,
    value: Fcfa,
    after: StockLevel,
}

/// Writes a document's rows of the stock ledger, each pointing at the
/// document and at its entry (none when no franc moved).
#[allow(clippy::too_many_arguments)]
fn write_moves(
    tx: &mut WriteTx<'_>,
    org: &OrgRow,
    actor: &Actor,
    now: &str,
    date: NaiveDate,
    doc: &str,
    reason: &str,
    entry_id: Option<i64>,
    rows: &[StockRow],
) -> Result<()> {
    for r in rows {
        tx.insert_move(
            org.id,
            &NewMove {
                item_id: r.item_id,
                date,
                kind: r.kind,
                qty: r.qty,
                value: r.value,
                after: r.after,
                doc,
                reason,
                entry_id,
            },
            &actor.name,
            now,
        )?;
    }
    Ok(())
}

/// Saves the header of a purchase, donation, run, adjustment or count once
/// its rows are written. `post_doc` logs a document with an entry; one that
/// moved no franc is logged here.
fn save_stock_doc(
    tx: &mut WriteTx<'_>,
    org: &OrgRow,
    actor: &Actor,
    now: &str,
    d: &NewStockDoc<'_>,
    entry: Option<(i64, EntryNumber)>,
) -> Result<DocOutcome> {
    if entry.is_none() {
        tx.audit(
            &actor.name,
            &format!("{}.record", d.kind),
            &org.code,
            &doc_ref(d.kind, d.number),
            now,
        )?;
    }
    tx.insert_stock_doc(org.id, d, &actor.name, now)?;
    Ok(DocOutcome {
        kind: d.kind.to_string(),
        number: d.number,
        entry: entry.map(|e| e.1.to_string()),
        total: d.total,
        already: false,
    })
}

/// Levels of the items a document touches, as the document goes.
#[derive(Default)]
struct Levels {
    items: HashMap<i64, (ItemRow, StockLevel)>,
    order: Vec<i64>,
}

impl Levels {
    fn get(&mut self, item: &ItemRow) -> StockLevel {
        if !self.items.contains_key(&item.id) {
            self.order.push(item.id);
            self.items.insert(item.id, (item.clone(), item.level()));
        }
        self.items[&item.id].1
    }
    fn set(&mut self, id: i64, l: StockLevel) {
        if let Some(v) = self.items.get_mut(&id) {
            v.1 = l;
        }
    }
}

/// The sales point named, or when none is: the one this organisation
/// used last, or `boutique` for its first sale.
fn check_point(r: &Reader<'_>, org: &OrgRow, point: &str) -> Result<String> {
    if point.trim().is_empty() {
        return Ok(r
            .last_point(org.id)?
            .unwrap_or_else(|| DEFAULT_POINT.to_string()));
    }
    Ok(check_code(point)?)
}

fn refuse_sealed(r: &Reader<'_>, org: &OrgRow, point: &str, date: NaiveDate) -> Result<()> {
    if r.is_sealed(org.id, point, date)? {
        return Err(CoopError::DaySealed {
            point: point.to_string(),
            date,
        }
        .into());
    }
    Ok(())
}

fn method_name(m: PayMethod) -> String {
    crate::i18n::tr(&format!("coop-method-{}", m.code()))
}

impl Books {
    // ---- items ----------------------------------------------------------

    pub fn items(&self, org: &OrgRow) -> Result<Vec<ItemRow>> {
        self.store.read().items(org.id)
    }

    pub fn item(&self, org: &OrgRow, code: &str) -> Result<ItemRow> {
        item_of(&self.store.read(), org, code)
    }

    /// Adds an item with the accounts it posts to. The stock account must
    /// be a class 3 account of the organisation; a product needs its sales
    /// account (class 7), a material its purchase account (class 6).
    pub fn add_item(&mut self, actor: &Actor, org: &OrgRow, i: NewItem) -> Result<ItemRow> {
        let code = check_code(&i.code)?;
        let name = clean("name", &i.name, 200, true)?;
        let flow = match (&i.flow_account, i.kind) {
            (Some(f), _) => f.trim().to_string(),
            (None, ItemKind::Material) => "6021".to_string(),
            (None, ItemKind::Product) => {
                return Err(CoopError::SalesAccountRequired {
                    code: i.code.trim().to_string(),
                }
                .into());
            }
        };
        let variation = i
            .variation_account
            .clone()
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|| i.kind.default_variation().to_string());
        let stock = i.stock_account.trim().to_string();
        let flow_class = if i.kind == ItemKind::Product {
            "7"
        } else {
            "6"
        };
        let var_class = if i.kind == ItemKind::Product {
            "7"
        } else {
            "6"
        };
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::ManageAccounts)?;
            for (number, class) in [(&stock, "3"), (&flow, flow_class), (&variation, var_class)] {
                AccountNumber::parse(number)?;
                let found = tx.read().account(org.id, number, crate::domain::Lang::Fr)?;
                match found {
                    None => {
                        return Err(LedgerError::UnknownAccount {
                            number: number.clone(),
                        }
                        .into());
                    }
                    Some(_) if !number.starts_with(class) => {
                        return Err(CoopError::WrongAccountClass {
                            number: number.clone(),
                            expected: class,
                        }
                        .into());
                    }
                    Some(_) => {}
                }
            }
            if tx.read().item(org.id, &code)?.is_some() {
                return Err(CoopError::ItemExists { code: code.clone() }.into());
            }
            let key = fold(&name);
            tx.insert_item(
                org.id,
                &NewItemRow {
                    code: &code,
                    name: &name,
                    search_key: &key,
                    kind: i.kind,
                    unit: i.unit,
                    price: i.price,
                    reorder: i.reorder,
                    stock_account: &stock,
                    flow_account: &flow,
                    variation_account: &variation,
                },
                &now,
            )?;
            tx.audit(&actor.name, "item.add", &org.code, &code, &now)?;
            item_of(&tx.read(), org, &code)
        })
    }

    /// Changes an item's name, list price or reorder level (never its
    /// accounts or unit once it has moved).
    pub fn set_item(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        code: &str,
        name: Option<&str>,
        price: Option<Fcfa>,
        reorder: Option<Qty>,
    ) -> Result<ItemRow> {
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::ManageAccounts)?;
            let item = item_of(&tx.read(), org, code)?;
            let name = match name {
                Some(n) => clean("name", n, 200, true)?,
                None => item.name.clone(),
            };
            let price = price.or(item.price);
            let reorder = reorder.unwrap_or(item.reorder);
            tx.update_item_settings(item.id, &name, &fold(&name), price, reorder)?;
            let detail = format!(
                "{} price={} reorder={}",
                item.code,
                price.map(|p| p.francs()).unwrap_or(0),
                reorder.milli()
            );
            tx.audit(&actor.name, "item.set", &org.code, &detail, &now)?;
            item_of(&tx.read(), org, code)
        })
    }

    pub fn stock_moves(
        &self,
        org: &OrgRow,
        item: Option<&str>,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<MoveRow>> {
        let r = self.store.read();
        let id = match item {
            Some(c) => Some(item_of(&r, org, c)?.id),
            None => None,
        };
        r.stock_moves(org.id, id, from, to)
    }

    pub fn stock_docs(&self, org: &OrgRow, kind: Option<&str>) -> Result<Vec<StockDocRow>> {
        self.store.read().stock_docs(org.id, kind)
    }

    /// Stock accounts in the ledger against the items' values: they agree
    /// at every moment, or something went wrong.
    pub fn stock_check(&self, org: &OrgRow) -> Result<Vec<StockCheck>> {
        let r = self.store.read();
        let _snap = r.snapshot()?;
        let mut by_account: BTreeMap<String, i64> = BTreeMap::new();
        for i in r.items(org.id)? {
            *by_account.entry(i.stock_account.clone()).or_default() += i.value.francs();
        }
        let mut out = Vec::new();
        for (account, stock) in by_account {
            out.push(StockCheck {
                ledger: Fcfa::new(r.account_net(org.id, &account)?),
                account,
                stock: Fcfa::new(stock),
            });
        }
        Ok(out)
    }

    // ---- recipes and runs ------------------------------------------------

    pub fn recipes(&self, org: &OrgRow) -> Result<Vec<RecipeRow>> {
        self.store.read().recipes(org.id)
    }

    /// A recipe (bill of materials): the materials one batch consumes and
    /// the units of product it yields. Recipes are not edited: a changed
    /// recipe is a new one.
    #[allow(clippy::too_many_arguments)]
    pub fn add_recipe(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        code: &str,
        name: &str,
        product: &str,
        yields: Qty,
        lines: &[(String, Qty)],
    ) -> Result<RecipeRow> {
        let code = check_code(code)?;
        let name = clean("name", name, 200, true)?;
        if lines.is_empty() {
            return Err(CoopError::EmptyRecipe.into());
        }
        if yields.milli() <= 0 || lines.iter().any(|(_, q)| q.milli() <= 0) {
            return Err(CoopError::QtyNotPositive.into());
        }
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::ManageAccounts)?;
            let r = tx.read();
            if r.recipes(org.id)?.iter().any(|x| x.code == code) {
                return Err(CoopError::RecipeExists { code: code.clone() }.into());
            }
            let p = item_of(&r, org, product)?;
            if p.kind != ItemKind::Product {
                return Err(CoopError::NotAProduct { code: p.code }.into());
            }
            if !p.unit.fractional() && !yields.is_whole() {
                return Err(CoopError::WholeUnitsOnly {
                    input: yields.format(crate::i18n::lang()),
                }
                .into());
            }
            let mut ids = Vec::new();
            for (m, q) in lines {
                let it = item_of(&r, org, m)?;
                if it.kind != ItemKind::Material {
                    return Err(CoopError::NotAMaterial { code: it.code }.into());
                }
                ids.push((it.id, *q));
            }
            tx.insert_recipe(org.id, &code, &name, p.id, yields, &ids, &now)?;
            tx.audit(&actor.name, "recipe.add", &org.code, &code, &now)?;
            Ok(tx
                .read()
                .recipes(org.id)?
                .into_iter()
                .find(|x| x.code == code)
                .expect("just inserted"))
        })
    }

    /// A production run: `batches` of a recipe consume their materials at
    /// weighted average cost and put the product into stock at the sum of
    /// those costs. Refused, with the quantity available, when a material
    /// is short.
    pub fn produce(&mut self, actor: &Actor, org: &OrgRow, run: RunInput) -> Result<RunOutcome> {
        check_user_key(&run.idem_key)?;
        if run.batches.milli() <= 0 {
            return Err(CoopError::QtyNotPositive.into());
        }
        let note = clean("note", &run.note, 300, false)?;
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            let recipe = tx
                .read()
                .recipes(org.id)?
                .into_iter()
                .find(|r| check_code(&run.recipe).is_ok_and(|c| c == r.code))
                .ok_or_else(|| CoopError::UnknownRecipe {
                    code: run.recipe.trim().to_string(),
                })?;
            if let Some((kind, n)) = tx.read().doc_by_key(org.id, &run.idem_key)? {
                if kind == "run" {
                    return run_outcome_again(tx, org, n);
                }
                return Err(key_conflict(&run.idem_key, &kind, n));
            }
            let product = item_of(&tx.read(), org, &recipe.product)?;
            let produced = recipe.yields.times(run.batches)?;
            if produced.milli() <= 0 {
                return Err(CoopError::QtyNotPositive.into());
            }
            if !product.unit.fractional() && !produced.is_whole() {
                return Err(CoopError::WholeUnitsOnly {
                    input: produced.format(crate::i18n::lang()),
                }
                .into());
            }
            let mut levels = Levels::default();
            let mut consumed = Vec::new();
            let mut lines = Vec::new();
            let mut cost = Fcfa::ZERO;
            for (code, per_batch) in &recipe.lines {
                let m = item_of(&tx.read(), org, code)?;
                let need = per_batch.times(run.batches)?;
                let level = levels.get(&m);
                let (after, c) = level.issue(need).map_err(|e| not_enough(&m, e))?;
                levels.set(m.id, after);
                cost = cost.checked_add(c)?;
                add_line(&mut lines, &m.variation_account, Side::Debit, c, &m.name)?;
                add_line(&mut lines, &m.stock_account, Side::Credit, c, &m.name)?;
                consumed.push((m, need, c, after));
            }
            add_line(
                &mut lines,
                &product.stock_account,
                Side::Debit,
                cost,
                &product.name,
            )?;
            add_line(
                &mut lines,
                &product.variation_account,
                Side::Credit,
                cost,
                &product.name,
            )?;
            let number = tx.next_doc_number(org.id, "run")?;
            let memo = crate::t!(
                "coop-run-memo",
                recipe = recipe.name.clone(),
                qty = produced.format(crate::i18n::lang()),
                product = product.name.clone()
            );
            let entry = post_doc(tx, org, actor, &now, "run", number, run.date, memo, lines)?;
            let mut rows: Vec<StockRow> = consumed
                .iter()
                .map(|(m, need, c, after)| StockRow {
                    item_id: m.id,
                    kind: MoveKind::Consume,
                    qty: need.negated(),
                    value: Fcfa::new(-c.francs()),
                    after: *after,
                })
                .collect();
            rows.push(StockRow {
                item_id: product.id,
                kind: MoveKind::Produce,
                qty: produced,
                value: cost,
                after: product.level().receive(produced, cost)?,
            });
            let doc = format!("run:{number}");
            write_moves(
                tx,
                org,
                actor,
                &now,
                run.date,
                &doc,
                "",
                entry.map(|e| e.0),
                &rows,
            )?;
            let doc = save_stock_doc(
                tx,
                org,
                actor,
                &now,
                &NewStockDoc {
                    kind: "run",
                    number,
                    date: run.date,
                    party: "",
                    reference: "",
                    method: None,
                    recipe_id: Some(recipe.id),
                    batches: Some(run.batches),
                    total: cost,
                    note: &note,
                    entry_id: entry.map(|e| e.0),
                    idem_key: &run.idem_key,
                },
                entry,
            )?;
            Ok(RunOutcome {
                doc,
                product: product.code.clone(),
                produced,
                cost,
                unit_cost: StockLevel {
                    qty: produced,
                    value: cost,
                }
                .unit_cost(),
                consumed: consumed
                    .into_iter()
                    .map(|(m, q, c, _)| (m.code, q, c))
                    .collect(),
            })
        })
    }

    // ---- purchases, donations, adjustments, counts -------------------------

    /// Materials bought, paid in cash, by mobile money or on the supplier's
    /// credit (4011). SYSCOHADA with a perpetual inventory: the purchase
    /// goes to its purchase account (6021) and straight into stock against
    /// the variation account (6032).
    pub fn purchase(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        p: PurchaseInput,
    ) -> Result<DocOutcome> {
        check_user_key(&p.idem_key)?;
        let supplier = clean("supplier", &p.supplier, 200, true)?;
        let reference = clean("reference", &p.reference, 100, false)?;
        self.stock_in(
            actor,
            org,
            "purchase",
            p.date,
            &supplier,
            &reference,
            Some(p.method),
            &p.lines,
            &p.idem_key,
        )
    }

    /// Materials given (by the NGO…), at zero or at their stated value. A
    /// valued gift is an operating grant in kind (7182).
    pub fn donation(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        d: DonationInput,
    ) -> Result<DocOutcome> {
        check_user_key(&d.idem_key)?;
        let donor = clean("donor", &d.donor, 200, true)?;
        let reference = clean("reference", &d.reference, 100, false)?;
        self.stock_in(
            actor,
            org,
            "donation",
            d.date,
            &donor,
            &reference,
            None,
            &d.lines,
            &d.idem_key,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn stock_in(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        kind: &str,
        date: NaiveDate,
        party: &str,
        reference: &str,
        method: Option<PayMethod>,
        input: &[StockLineInput],
        idem_key: &str,
    ) -> Result<DocOutcome> {
        if input.is_empty() {
            return Err(CoopError::EmptySale.into());
        }
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            if let Some((k, n)) = tx.read().doc_by_key(org.id, idem_key)? {
                if k == kind {
                    return doc_again(tx, org, kind, n);
                }
                return Err(key_conflict(idem_key, &k, n));
            }
            let mut levels = Levels::default();
            let mut lines = Vec::new();
            let mut moves = Vec::new();
            let mut total = Fcfa::ZERO;
            for l in input {
                let it = item_of(&tx.read(), org, &l.item)?;
                if it.kind != ItemKind::Material {
                    return Err(CoopError::NotAMaterial { code: it.code }.into());
                }
                if l.qty.milli() <= 0 {
                    return Err(CoopError::QtyNotPositive.into());
                }
                if !it.unit.fractional() && !l.qty.is_whole() {
                    return Err(CoopError::WholeUnitsOnly {
                        input: l.qty.format(crate::i18n::lang()),
                    }
                    .into());
                }
                if l.amount.is_negative() || (kind == "purchase" && l.amount.is_zero()) {
                    return Err(CoopError::BadPrice {
                        input: l.amount.francs().to_string(),
                    }
                    .into());
                }
                let level = levels.get(&it);
                let after = level.receive(l.qty, l.amount)?;
                levels.set(it.id, after);
                total = total.checked_add(l.amount)?;
                let counter = match method {
                    Some(m) => m.purchase_account(),
                    None => accounts::DONATION_INCOME,
                };
                add_line(
                    &mut lines,
                    &it.flow_account,
                    Side::Debit,
                    l.amount,
                    &it.name,
                )?;
                add_line(&mut lines, counter, Side::Credit, l.amount, party)?;
                add_line(
                    &mut lines,
                    &it.stock_account,
                    Side::Debit,
                    l.amount,
                    &it.name,
                )?;
                add_line(
                    &mut lines,
                    &it.variation_account,
                    Side::Credit,
                    l.amount,
                    &it.name,
                )?;
                moves.push(StockRow {
                    item_id: it.id,
                    kind: if kind == "purchase" {
                        MoveKind::Purchase
                    } else {
                        MoveKind::Donation
                    },
                    qty: l.qty,
                    value: l.amount,
                    after,
                });
            }
            let number = tx.next_doc_number(org.id, kind)?;
            let memo = match method {
                Some(m) => crate::t!(
                    "coop-purchase-memo",
                    supplier = party.to_string(),
                    method = method_name(m)
                ),
                None => crate::t!("coop-donation-memo", donor = party.to_string()),
            };
            let entry = post_doc(tx, org, actor, &now, kind, number, date, memo, lines)?;
            let doc = format!("{kind}:{number}");
            write_moves(
                tx,
                org,
                actor,
                &now,
                date,
                &doc,
                "",
                entry.map(|e| e.0),
                &moves,
            )?;
            save_stock_doc(
                tx,
                org,
                actor,
                &now,
                &NewStockDoc {
                    kind,
                    number,
                    date,
                    party,
                    reference,
                    method,
                    recipe_id: None,
                    batches: None,
                    total,
                    note: "",
                    entry_id: entry.map(|e| e.0),
                    idem_key,
                },
                entry,
            )
        })
    }

    /// Stock adjusted by hand: a loss, damage, gift or theft takes it out
    /// at weighted average cost; stock found adds it at the average cost
    /// (or the unit cost given when the item has none).
    pub fn adjust(&mut self, actor: &Actor, org: &OrgRow, a: AdjustInput) -> Result<DocOutcome> {
        check_user_key(&a.idem_key)?;
        if a.reason == crate::domain::coop::AdjustReason::Count {
            // A count goes through `count`, which works out the difference.
            return Err(CoopError::BadReason {
                input: a.reason.code().to_string(),
            }
            .into());
        }
        let note = clean("note", &a.note, 300, false)?;
        let delta = if a.reason.removes() {
            a.qty.negated()
        } else {
            a.qty
        };
        self.adjust_many(
            actor,
            org,
            "adjust",
            a.date,
            &[(a.item.clone(), delta, a.unit_cost)],
            a.reason.code(),
            &note,
            &a.idem_key,
        )
    }

    /// What a physical count would change: for each item counted, the
    /// book quantity, the counted one and the value the adjustment moves.
    pub fn count_preview(&self, org: &OrgRow, counts: &[(String, Qty)]) -> Result<Vec<CountLine>> {
        let r = self.store.read();
        let mut out = Vec::new();
        for (code, counted) in counts {
            let it = item_of(&r, org, code)?;
            if counted.milli() < 0 {
                return Err(CoopError::QtyNotPositive.into());
            }
            let diff = Qty::from_milli(counted.milli() - it.qty.milli());
            let value = if diff.milli() < 0 {
                Fcfa::new(-it.level().cost_of(diff.negated())?.francs())
            } else if diff.milli() > 0 {
                match it.level().unit_cost() {
                    Some(c) => value_at(diff, c)?,
                    None => Fcfa::ZERO,
                }
            } else {
                Fcfa::ZERO
            };
            out.push(CountLine {
                item: it.code.clone(),
                name: it.name.clone(),
                book: it.qty,
                counted: *counted,
                difference: diff,
                value,
            });
        }
        Ok(out)
    }

    /// Records a physical count: every difference becomes an adjustment
    /// (reason: count) in one document.
    pub fn count(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        date: NaiveDate,
        counts: &[(String, Qty)],
        note: &str,
        idem_key: &str,
    ) -> Result<DocOutcome> {
        check_user_key(idem_key)?;
        let note = clean("note", note, 300, false)?;
        let preview = self.count_preview(org, counts)?;
        // Stock found on an item that has no cost to average on enters at
        // zero, as the preview showed (like a donation at zero).
        let r = self.store.read();
        let mut changes: Vec<(String, Qty, Option<Decimal>)> = Vec::new();
        for c in preview.iter().filter(|c| !c.difference.is_zero()) {
            let no_cost = r.item(org.id, &c.item)?.is_none_or(|i| i.qty.is_zero());
            let cost = (no_cost && c.difference.milli() > 0).then_some(Decimal::ZERO);
            changes.push((c.item.clone(), c.difference, cost));
        }
        self.adjust_many(
            actor, org, "count", date, &changes, "count", &note, idem_key,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn adjust_many(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        kind: &str,
        date: NaiveDate,
        changes: &[(String, Qty, Option<Decimal>)],
        reason: &str,
        note: &str,
        idem_key: &str,
    ) -> Result<DocOutcome> {
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            if let Some((k, n)) = tx.read().doc_by_key(org.id, idem_key)? {
                if k == kind {
                    return doc_again(tx, org, kind, n);
                }
                return Err(key_conflict(idem_key, &k, n));
            }
            let mut levels = Levels::default();
            let mut lines = Vec::new();
            let mut moves = Vec::new();
            let mut total = Fcfa::ZERO;
            let reason_text = crate::i18n::tr(&format!("coop-reason-{reason}"));
            for (code, delta, unit_cost) in changes {
                let it = item_of(&tx.read(), org, code)?;
                if delta.is_zero() {
                    return Err(CoopError::QtyNotPositive.into());
                }
                let level = levels.get(&it);
                let (after, value) = if delta.milli() < 0 {
                    let (after, c) = level
                        .issue(delta.negated())
                        .map_err(|e| not_enough(&it, e))?;
                    add_line(
                        &mut lines,
                        &it.variation_account,
                        Side::Debit,
                        c,
                        &reason_text,
                    )?;
                    add_line(&mut lines, &it.stock_account, Side::Credit, c, &reason_text)?;
                    (after, Fcfa::new(-c.francs()))
                } else {
                    let cost = match (level.unit_cost(), unit_cost) {
                        (_, Some(u)) => *u,
                        (Some(avg), None) => avg,
                        (None, None) => {
                            return Err(CoopError::CostRequired { code: it.code }.into());
                        }
                    };
                    let v = value_at(*delta, cost)?;
                    add_line(&mut lines, &it.stock_account, Side::Debit, v, &reason_text)?;
                    add_line(
                        &mut lines,
                        &it.variation_account,
                        Side::Credit,
                        v,
                        &reason_text,
                    )?;
                    (level.receive(*delta, v)?, v)
                };
                levels.set(it.id, after);
                total = total.checked_add(value.abs())?;
                moves.push(StockRow {
                    item_id: it.id,
                    kind: MoveKind::Adjust,
                    qty: *delta,
                    value,
                    after,
                });
            }
            let number = tx.next_doc_number(org.id, kind)?;
            let memo = crate::t!("coop-adjust-memo", reason = reason_text.clone());
            let entry = post_doc(tx, org, actor, &now, kind, number, date, memo, lines)?;
            let doc = format!("{kind}:{number}");
            write_moves(
                tx,
                org,
                actor,
                &now,
                date,
                &doc,
                reason,
                entry.map(|e| e.0),
                &moves,
            )?;
            save_stock_doc(
                tx,
                org,
                actor,
                &now,
                &NewStockDoc {
                    kind,
                    number,
                    date,
                    party: "",
                    reference: reason,
                    method: None,
                    recipe_id: None,
                    batches: None,
                    total,
                    note,
                    entry_id: entry.map(|e| e.0),
                    idem_key,
                },
                entry,
            )
        })
    }

    // ---- customers ---------------------------------------------------------

    pub fn customers(&self, org: &OrgRow) -> Result<Vec<CustomerRow>> {
        self.store.read().customers(org.id)
    }

    pub fn customer(&self, org: &OrgRow, code: &str) -> Result<CustomerRow> {
        customer_of(&self.store.read(), org, code)
    }

    /// Adds a named customer; refused when the code is taken.
    pub fn add_customer(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        code: &str,
        name: &str,
        phone: &str,
        limit: Fcfa,
    ) -> Result<CustomerRow> {
        self.write_customer(
            actor,
            org,
            code,
            Some(name),
            Some(phone),
            Some(limit),
            Some(true),
        )
    }

    /// Adds a named customer (a health centre, the NGO, a school) or, when
    /// the code exists, changes her name, phone or credit limit.
    pub fn save_customer(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        code: &str,
        name: Option<&str>,
        phone: Option<&str>,
        limit: Option<Fcfa>,
    ) -> Result<CustomerRow> {
        self.write_customer(actor, org, code, name, phone, limit, None)
    }

    /// `create`: Some(true) only adds, Some(false) only changes, None either.
    #[allow(clippy::too_many_arguments)]
    fn write_customer(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        code: &str,
        name: Option<&str>,
        phone: Option<&str>,
        limit: Option<Fcfa>,
        create: Option<bool>,
    ) -> Result<CustomerRow> {
        let code = check_code(code)?;
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            let existing = tx.read().customer(org.id, &code)?;
            match (create, &existing) {
                (Some(true), Some(_)) => {
                    return Err(CoopError::CustomerExists { code: code.clone() }.into());
                }
                (Some(false), None) => {
                    return Err(CoopError::UnknownCustomer { code: code.clone() }.into());
                }
                _ => {}
            }
            let limit = limit.unwrap_or(
                existing
                    .as_ref()
                    .map(|c| c.credit_limit)
                    .unwrap_or(Fcfa::ZERO),
            );
            if limit.is_negative() {
                return Err(CoopError::BadPrice {
                    input: limit.francs().to_string(),
                }
                .into());
            }
            let phone = clean(
                "phone",
                phone.unwrap_or(existing.as_ref().map(|c| c.phone.as_str()).unwrap_or("")),
                40,
                false,
            )?;
            match existing {
                Some(c) => {
                    let name = clean("name", name.unwrap_or(&c.name), 200, true)?;
                    tx.update_customer(c.id, &name, &fold(&name), &phone, limit)?;
                    tx.audit(&actor.name, "customer.set", &org.code, &code, &now)?;
                }
                None => {
                    let name = clean("name", name.unwrap_or(""), 200, true)?;
                    tx.insert_customer(org.id, &code, &name, &fold(&name), &phone, limit, &now)?;
                    tx.audit(&actor.name, "customer.add", &org.code, &code, &now)?;
                }
            }
            customer_of(&tx.read(), org, &code)
        })
    }

    pub fn invoices(
        &self,
        org: &OrgRow,
        customer: Option<&str>,
        all: bool,
    ) -> Result<Vec<InvoiceRow>> {
        let r = self.store.read();
        let id = match customer {
            Some(c) => Some(customer_of(&r, org, c)?.id),
            None => None,
        };
        r.invoices(org.id, id, all)
    }

    pub fn payments(&self, org: &OrgRow, customer: Option<&str>) -> Result<Vec<PaymentRow>> {
        let r = self.store.read();
        let id = match customer {
            Some(c) => Some(customer_of(&r, org, c)?.id),
            None => None,
        };
        r.payments(org.id, id)
    }

    /// What customers owe on `as_of`, by age of the invoice: 0–30, 31–60,
    /// 61–90 and over 90 days.
    pub fn aging(&self, org: &OrgRow, as_of: NaiveDate) -> Result<Aging> {
        let r = self.store.read();
        let _snap = r.snapshot()?;
        let customers = r.customers(org.id)?;
        let mut rows: BTreeMap<String, AgingRow> = BTreeMap::new();
        for inv in r.invoices(org.id, None, false)? {
            let days = (as_of - inv.date).num_days();
            let row = rows.entry(inv.customer.clone()).or_insert_with(|| {
                let c = customers.iter().find(|c| c.code == inv.customer);
                AgingRow {
                    customer: inv.customer.clone(),
                    name: inv.customer_name.clone(),
                    credit_limit: c.map(|c| c.credit_limit).unwrap_or(Fcfa::ZERO),
                    buckets: [Fcfa::ZERO; 4],
                    total: Fcfa::ZERO,
                    oldest_days: 0,
                }
            });
            let b = age_bucket(days);
            row.buckets[b] = row.buckets[b].checked_add(inv.owed)?;
            row.total = row.total.checked_add(inv.owed)?;
            row.oldest_days = row.oldest_days.max(days);
        }
        let rows: Vec<AgingRow> = rows.into_values().collect();
        let mut totals = [Fcfa::ZERO; 4];
        let mut total = Fcfa::ZERO;
        for row in &rows {
            for (t, b) in totals.iter_mut().zip(row.buckets) {
                *t = t.checked_add(b)?;
            }
            total = total.checked_add(row.total)?;
        }
        Ok(Aging {
            as_of,
            rows,
            totals,
            total,
            ledger_balance: Fcfa::new(r.account_net(org.id, accounts::CUSTOMERS)?),
        })
    }

    // ---- sales -------------------------------------------------------------

    pub fn sales(
        &self,
        org: &OrgRow,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<SaleRow>> {
        self.store.read().sales(org.id, None, from, to, None, false)
    }

    /// A receipt (or return) with its lines.
    pub fn receipt(&self, org: &OrgRow, kind: &str, number: i64) -> Result<SaleRow> {
        self.store
            .read()
            .sales(org.id, Some(kind), None, None, Some(number), true)?
            .into_iter()
            .next()
            .ok_or_else(|| CoopError::UnknownReceipt { number }.into())
    }

    /// Prices a sale without recording it: the receipt as it would be, or
    /// the reason it would be refused.
    pub fn price_sale(&self, org: &OrgRow, s: &SaleInput) -> Result<(Vec<NewSaleLine>, Fcfa)> {
        let r = self.store.read();
        let (lines, total, _, _) = price_lines(&r, org, s)?;
        Ok((lines, total))
    }

    /// Records a sale: a receipt of one or more lines, paid in cash, by
    /// mobile money or on credit to a named customer within her limit.
    /// Stock goes out at weighted average cost; a sale beyond stock, in a
    /// sealed day or in a closed period is refused and nothing is written.
    pub fn sell(&mut self, actor: &Actor, org: &OrgRow, s: SaleInput) -> Result<DocOutcome> {
        check_user_key(&s.idem_key)?;
        if s.lines.is_empty() {
            return Err(CoopError::EmptySale.into());
        }
        let point = check_point(&self.store.read(), org, &s.point)?;
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            if let Some((k, n)) = tx.read().doc_by_key(org.id, &s.idem_key)? {
                if k == "sale" {
                    return doc_again(tx, org, "sale", n);
                }
                return Err(key_conflict(&s.idem_key, &k, n));
            }
            refuse_sealed(&tx.read(), org, &point, s.date)?;
            let (priced, total, customer, items) = price_lines(&tx.read(), org, &s)?;
            let mut lines = Vec::new();
            let mut levels = Levels::default();
            let mut after_levels = Vec::new();
            let mut discount = Fcfa::ZERO;
            let mut cost = Fcfa::ZERO;
            let mut priced = priced;
            for (l, it) in priced.iter_mut().zip(&items) {
                let level = levels.get(it);
                let (after, c) = level.issue(l.qty).map_err(|e| not_enough(it, e))?;
                levels.set(it.id, after);
                l.cost = c;
                cost = cost.checked_add(c)?;
                discount = discount.checked_add(l.discount)?;
                add_line(
                    &mut lines,
                    &it.flow_account,
                    Side::Credit,
                    l.amount,
                    &it.name,
                )?;
                add_line(&mut lines, &it.variation_account, Side::Debit, c, &it.name)?;
                add_line(&mut lines, &it.stock_account, Side::Credit, c, &it.name)?;
                after_levels.push(StockRow {
                    item_id: it.id,
                    kind: MoveKind::Sale,
                    qty: l.qty.negated(),
                    value: Fcfa::new(-c.francs()),
                    after,
                });
            }
            let label = customer
                .as_ref()
                .map(|c| c.name.clone())
                .unwrap_or_default();
            add_line(&mut lines, s.method.account(), Side::Debit, total, &label)?;
            let number = tx.next_doc_number(org.id, "sale")?;
            let memo = match &customer {
                Some(c) => crate::t!(
                    "coop-sale-memo-customer",
                    number = number,
                    method = method_name(s.method),
                    customer = c.name.clone()
                ),
                None => crate::t!(
                    "coop-sale-memo",
                    number = number,
                    method = method_name(s.method)
                ),
            };
            let entry = post_doc(tx, org, actor, &now, "sale", number, s.date, memo, lines)?
                .expect("a sale above zero posts an entry");
            tx.insert_sale(
                org.id,
                &NewSale {
                    kind: "sale",
                    number,
                    date: s.date,
                    point: &point,
                    customer_id: customer.as_ref().map(|c| c.id),
                    method: s.method,
                    total,
                    discount,
                    cost,
                    return_of: None,
                    reason: "",
                    entry_id: entry.0,
                    idem_key: &s.idem_key,
                    lines: &priced,
                },
                &actor.name,
                &now,
            )?;
            let doc = format!("sale:{number}");
            write_moves(
                tx,
                org,
                actor,
                &now,
                s.date,
                &doc,
                "",
                Some(entry.0),
                &after_levels,
            )?;
            Ok(DocOutcome {
                kind: "sale".into(),
                number,
                entry: Some(entry.1.to_string()),
                total,
                already: false,
            })
        })
    }

    /// Goods a customer brings back from a receipt: the money goes back the
    /// way it came (for a credit sale, off what she owes on that invoice),
    /// and the goods return to stock at the cost they left at.
    pub fn return_sale(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        ret: ReturnInput,
    ) -> Result<DocOutcome> {
        check_user_key(&ret.idem_key)?;
        let reason = clean("reason", &ret.reason, 300, true)?;
        let point = check_point(&self.store.read(), org, &ret.point)?;
        if ret.lines.is_empty() {
            return Err(CoopError::EmptySale.into());
        }
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            if let Some((k, n)) = tx.read().doc_by_key(org.id, &ret.idem_key)? {
                if k == "return" {
                    return doc_again(tx, org, "return", n);
                }
                return Err(key_conflict(&ret.idem_key, &k, n));
            }
            refuse_sealed(&tx.read(), org, &point, ret.date)?;
            let sale = tx
                .read()
                .sales(org.id, Some("sale"), None, None, Some(ret.receipt), true)?
                .into_iter()
                .next()
                .ok_or(CoopError::UnknownReceipt {
                    number: ret.receipt,
                })?;
            let mut priced = Vec::new();
            let mut lines = Vec::new();
            let mut moves = Vec::new();
            let mut levels = Levels::default();
            let (mut total, mut cost) = (Fcfa::ZERO, Fcfa::ZERO);
            for (code, qty) in &ret.lines {
                let it = item_of(&tx.read(), org, code)?;
                let on_receipt: Vec<_> = sale.lines.iter().filter(|l| l.item == it.code).collect();
                if on_receipt.is_empty() {
                    return Err(CoopError::ItemNotOnReceipt {
                        code: it.code,
                        number: sale.number,
                    }
                    .into());
                }
                if qty.milli() <= 0 {
                    return Err(CoopError::QtyNotPositive.into());
                }
                let sold = Qty::from_milli(on_receipt.iter().map(|l| l.qty.milli()).sum());
                let sold_amount: i64 = on_receipt.iter().map(|l| l.amount.francs()).sum();
                let sold_cost: i64 = on_receipt.iter().map(|l| l.cost.francs()).sum();
                let (back_qty, back_amount, back_cost) = tx.read().returned(sale.id, it.id)?;
                let back_qty = back_qty
                    .checked_add(Qty::from_milli(
                        priced
                            .iter()
                            .filter(|p: &&NewSaleLine| p.item_id == it.id)
                            .map(|p| p.qty.milli())
                            .sum(),
                    ))
                    .ok_or(CoopError::QtyTooLarge)?;
                let left = Qty::from_milli(sold.milli() - back_qty.milli());
                if *qty > left {
                    return Err(CoopError::ReturnTooMuch {
                        item: format!("{} ({})", it.name, it.code),
                        sold,
                        returned: back_qty,
                    }
                    .into());
                }
                // What is left of the line's amount and cost goes back in
                // proportion; the last unit takes what remains, so a line
                // brought back whole returns exactly what it was sold for.
                let rest = StockLevel {
                    qty: left,
                    value: Fcfa::new(sold_amount - back_amount.francs()),
                };
                let amount = rest.cost_of(*qty)?;
                let rest_cost = StockLevel {
                    qty: left,
                    value: Fcfa::new(sold_cost - back_cost.francs()),
                };
                let c = rest_cost.cost_of(*qty)?;
                let level = levels.get(&it);
                let after = level.receive(*qty, c)?;
                levels.set(it.id, after);
                total = total.checked_add(amount)?;
                cost = cost.checked_add(c)?;
                add_line(&mut lines, &it.flow_account, Side::Debit, amount, &reason)?;
                add_line(&mut lines, &it.stock_account, Side::Debit, c, &it.name)?;
                add_line(&mut lines, &it.variation_account, Side::Credit, c, &it.name)?;
                let unit = on_receipt[0].unit_price;
                priced.push(NewSaleLine {
                    item_id: it.id,
                    qty: *qty,
                    list_price: on_receipt[0].list_price,
                    unit_price: unit,
                    price_reason: String::new(),
                    discount: Fcfa::ZERO,
                    amount,
                    cost: c,
                });
                moves.push(StockRow {
                    item_id: it.id,
                    kind: MoveKind::Return,
                    qty: *qty,
                    value: c,
                    after,
                });
            }
            if total.is_zero() {
                return Err(CoopError::ZeroSale.into());
            }
            if sale.method == PayMethod::Credit {
                let inv = tx
                    .read()
                    .invoices(org.id, None, true)?
                    .into_iter()
                    .find(|i| i.number == sale.number)
                    .ok_or(CoopError::UnknownReceipt {
                        number: sale.number,
                    })?;
                if total > inv.owed {
                    return Err(CoopError::ReturnAboveOwed {
                        owed: inv.owed,
                        amount: total,
                    }
                    .into());
                }
            }
            add_line(
                &mut lines,
                sale.method.account(),
                Side::Credit,
                total,
                &reason,
            )?;
            let number = tx.next_doc_number(org.id, "return")?;
            let memo = crate::t!(
                "coop-return-memo",
                number = sale.number,
                reason = reason.clone()
            );
            let entry = post_doc(
                tx, org, actor, &now, "return", number, ret.date, memo, lines,
            )?
            .expect("a return above zero posts an entry");
            let customer_id = match &sale.customer {
                Some(c) => Some(customer_of(&tx.read(), org, c)?.id),
                None => None,
            };
            tx.insert_sale(
                org.id,
                &NewSale {
                    kind: "return",
                    number,
                    date: ret.date,
                    point: &point,
                    customer_id,
                    method: sale.method,
                    total,
                    discount: Fcfa::ZERO,
                    cost,
                    return_of: Some(sale.id),
                    reason: &reason,
                    entry_id: entry.0,
                    idem_key: &ret.idem_key,
                    lines: &priced,
                },
                &actor.name,
                &now,
            )?;
            let doc = format!("return:{number}");
            write_moves(
                tx,
                org,
                actor,
                &now,
                ret.date,
                &doc,
                &reason,
                Some(entry.0),
                &moves,
            )?;
            Ok(DocOutcome {
                kind: "return".into(),
                number,
                entry: Some(entry.1.to_string()),
                total,
                already: false,
            })
        })
    }

    /// A customer pays what she owes, in full or in part: against one
    /// invoice, or the oldest first.
    pub fn receive_payment(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        p: PaymentInput,
    ) -> Result<DocOutcome> {
        check_user_key(&p.idem_key)?;
        if p.method == PayMethod::Credit {
            return Err(CoopError::PayByCredit.into());
        }
        if !p.amount.is_positive() {
            return Err(crate::domain::money::MoneyError::Zero.into());
        }
        let point = check_point(&self.store.read(), org, &p.point)?;
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            if let Some((k, n)) = tx.read().doc_by_key(org.id, &p.idem_key)? {
                if k == "payment" {
                    return doc_again(tx, org, "payment", n);
                }
                return Err(key_conflict(&p.idem_key, &k, n));
            }
            refuse_sealed(&tx.read(), org, &point, p.date)?;
            let c = customer_of(&tx.read(), org, &p.customer)?;
            let open = tx.read().invoices(org.id, Some(c.id), false)?;
            let open: Vec<InvoiceRow> = match p.invoice {
                Some(n) => {
                    let inv = tx
                        .read()
                        .invoices(org.id, Some(c.id), true)?
                        .into_iter()
                        .find(|i| i.number == n)
                        .ok_or(CoopError::UnknownReceipt { number: n })?;
                    vec![inv]
                }
                None => open,
            };
            let owed: i64 = open.iter().map(|i| i.owed.francs()).sum();
            if owed <= 0 {
                return Err(CoopError::NothingOwed { customer: c.name }.into());
            }
            if p.amount.francs() > owed {
                return Err(CoopError::PaymentAboveOwed {
                    owed: Fcfa::new(owed),
                    paid: p.amount,
                }
                .into());
            }
            let mut left = p.amount.francs();
            let mut allocations = Vec::new();
            for inv in &open {
                if left == 0 {
                    break;
                }
                let a = left.min(inv.owed.francs());
                if a > 0 {
                    allocations.push((inv.sale_id, Fcfa::new(a)));
                    left -= a;
                }
            }
            let number = tx.next_doc_number(org.id, "payment")?;
            let mut lines = Vec::new();
            add_line(
                &mut lines,
                p.method.account(),
                Side::Debit,
                p.amount,
                &c.name,
            )?;
            add_line(
                &mut lines,
                accounts::CUSTOMERS,
                Side::Credit,
                p.amount,
                &c.name,
            )?;
            let invoices: Vec<String> = allocations
                .iter()
                .filter_map(|(id, _)| open.iter().find(|i| i.sale_id == *id))
                .map(|i| doc_ref("sale", i.number))
                .collect();
            let memo = crate::t!(
                "coop-payment-memo",
                customer = c.name.clone(),
                invoices = invoices.join(", "),
                method = method_name(p.method)
            );
            let entry = post_doc(tx, org, actor, &now, "payment", number, p.date, memo, lines)?
                .expect("a payment above zero posts an entry");
            tx.insert_payment(
                org.id,
                number,
                p.date,
                &point,
                c.id,
                p.method,
                p.amount,
                &allocations,
                entry.0,
                &p.idem_key,
                &actor.name,
                &now,
            )?;
            Ok(DocOutcome {
                kind: "payment".into(),
                number,
                entry: Some(entry.1.to_string()),
                total: p.amount,
                already: false,
            })
        })
    }

    // ---- daily, monthly and yearly closes ------------------------------------

    /// The Z of a sales point for a day (`2026-11-21`), a month
    /// (`2026-11`) or a year (`2026`): totals by product and by way of
    /// paying, what should be in the drawer, and the perpetual total.
    pub fn sales_summary(&self, org: &OrgRow, point: &str, period: &str) -> Result<SalesSummary> {
        let point = check_point(&self.store.read(), org, point)?;
        let r = self.store.read();
        let _snap = r.snapshot()?;
        summary(&r, org, &point, period)
    }

    /// Seals a sales day: the cash counted (by denomination or as a sum)
    /// against what the day's takings say should be there; a difference
    /// needs a reason and is posted to cash shortages (65882) or overages
    /// (75882). Nothing more can be sold, returned or paid at that point on
    /// that day.
    #[allow(clippy::too_many_arguments)]
    pub fn close_day(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        point: &str,
        day: NaiveDate,
        today: NaiveDate,
        counted: &CashCount,
        reason: &str,
    ) -> Result<SalesSummary> {
        let point = check_point(&self.store.read(), org, point)?;
        let reason = clean("reason", reason, 300, false)?;
        if day > today {
            return Err(CoopError::DayInFuture { date: day }.into());
        }
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            if tx.read().is_sealed(org.id, &point, day)? {
                return Err(CoopError::AlreadySealed {
                    point: point.clone(),
                    date: day,
                }
                .into());
            }
            let s = summary(&tx.read(), org, &point, &day.to_string())?;
            let difference = Fcfa::new(counted.total.francs() - s.cash_expected.francs());
            if !difference.is_zero() && reason.is_empty() {
                return Err(CoopError::DifferenceNeedsReason.into());
            }
            let mut lines = Vec::new();
            if difference.is_negative() {
                add_line(
                    &mut lines,
                    accounts::CASH_SHORT,
                    Side::Debit,
                    difference.abs(),
                    &reason,
                )?;
                add_line(
                    &mut lines,
                    accounts::CASH,
                    Side::Credit,
                    difference.abs(),
                    &reason,
                )?;
            } else {
                add_line(&mut lines, accounts::CASH, Side::Debit, difference, &reason)?;
                add_line(
                    &mut lines,
                    accounts::CASH_OVER,
                    Side::Credit,
                    difference,
                    &reason,
                )?;
            }
            let key = format!("{point}:{day}");
            let entry = if lines.is_empty() {
                None
            } else {
                let memo = crate::t!(
                    "coop-dayclose-memo",
                    point = point.clone(),
                    date = day,
                    reason = reason.clone()
                );
                let memo = clean("memo", &memo, crate::domain::ledger::MAX_MEMO, true)?;
                let e = NewEntry {
                    date: day,
                    doc_ref: format!("Z-{point}-{day}"),
                    memo,
                    idem_key: format!("{INTERNAL_KEY_PREFIX}dayclose:{key}"),
                    lines,
                    source: Some(format!("dayclose:{key}")),
                };
                let out = tx.post(org, &e, None, &actor.name, &now)?;
                let n = out.number();
                Some((
                    tx.read()
                        .entry_id(org.id, n)?
                        .ok_or(Error::CorruptEntry { number: n })?,
                    n,
                ))
            };
            let detail = serde_json::json!({
                "by_item": s.by_item,
                "by_method": s.by_method,
                "returns_count": s.returns_count,
                "payments_total": s.payments_total,
                "denominations": counted.by_denomination,
            })
            .to_string();
            tx.insert_day_close(
                org.id,
                &NewDayClose {
                    point: &point,
                    kind: "day",
                    period: &day.to_string(),
                    sales_count: s.sales_count,
                    sales_total: s.sales_total,
                    returns_total: s.returns_total,
                    cash_expected: s.cash_expected,
                    cash_counted: counted.total,
                    difference,
                    reason: &reason,
                    detail: &detail,
                    grand_total: s.grand_total,
                    entry_id: entry.map(|e| e.0),
                },
                &actor.name,
                &now,
            )?;
            tx.audit(
                &actor.name,
                "day.close",
                &org.code,
                &format!("{point} {day}"),
                &now,
            )?;
            summary(&tx.read(), org, &point, &day.to_string())
        })
    }

    /// Closes a month (`2026-11`) or a year (`2026`) of a sales point once it
    /// is over and every day in it with sales is sealed: its totals and the
    /// perpetual grand total are recorded.
    pub fn close_sales_period(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        point: &str,
        period: &str,
        today: NaiveDate,
    ) -> Result<SalesSummary> {
        let point = check_point(&self.store.read(), org, point)?;
        let period = period.trim();
        let (kind, from, to) = period_range(period)?;
        if kind == "day" || to >= today {
            return Err(CoopError::MonthNotOver {
                month: period.to_string(),
            }
            .into());
        }
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            if let Some((p, d)) = tx
                .read()
                .unsealed_days(org.id, Some(&point), from, to)?
                .into_iter()
                .next()
            {
                return Err(CoopError::DaysOpen { point: p, date: d }.into());
            }
            if !tx
                .read()
                .day_closes(org.id, Some(&point), Some(kind))?
                .iter()
                .all(|c| c.period != period)
            {
                return Err(CoopError::MonthAlreadyClosed {
                    point: point.clone(),
                    month: period.to_string(),
                }
                .into());
            }
            let s = summary(&tx.read(), org, &point, period)?;
            let detail = serde_json::json!({
                "by_item": s.by_item,
                "by_method": s.by_method,
                "returns_count": s.returns_count,
                "payments_total": s.payments_total,
            })
            .to_string();
            let days = tx.read().day_closes(org.id, Some(&point), Some("day"))?;
            let in_period = |p: &str| p.starts_with(period);
            let expected: i64 = days
                .iter()
                .filter(|d| in_period(&d.period))
                .map(|d| d.cash_expected.francs())
                .sum();
            let counted: i64 = days
                .iter()
                .filter(|d| in_period(&d.period))
                .map(|d| d.cash_counted.francs())
                .sum();
            tx.insert_day_close(
                org.id,
                &NewDayClose {
                    point: &point,
                    kind,
                    period,
                    sales_count: s.sales_count,
                    sales_total: s.sales_total,
                    returns_total: s.returns_total,
                    cash_expected: Fcfa::new(expected),
                    cash_counted: Fcfa::new(counted),
                    difference: Fcfa::new(counted - expected),
                    reason: "",
                    detail: &detail,
                    grand_total: s.grand_total,
                    entry_id: None,
                },
                &actor.name,
                &now,
            )?;
            tx.audit(
                &actor.name,
                &format!("{kind}.close"),
                &org.code,
                &format!("{point} {period}"),
                &now,
            )?;
            summary(&tx.read(), org, &point, period)
        })
    }

    pub fn day_closes(
        &self,
        org: &OrgRow,
        point: Option<&str>,
        kind: Option<&str>,
    ) -> Result<Vec<DayCloseRow>> {
        self.store.read().day_closes(org.id, point, kind)
    }

    /// Days with sales or payments not sealed yet, up to `to`.
    pub fn unsealed_days(&self, org: &OrgRow, to: NaiveDate) -> Result<Vec<(String, NaiveDate)>> {
        let from = NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid date");
        self.store.read().unsealed_days(org.id, None, from, to)
    }

    // ---- members and their parts ------------------------------------------

    pub fn coop_members(&self, org: &OrgRow) -> Result<Vec<MemberRow>> {
        self.store.read().members(org.id)
    }

    /// A member joins; her parts sociales, if any, are paid now.
    #[allow(clippy::too_many_arguments)]
    pub fn add_coop_member(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        name: &str,
        phone: &str,
        joined: NaiveDate,
        parts: i64,
        part_value: Fcfa,
        method: PayMethod,
    ) -> Result<MemberRow> {
        let name = clean("name", name, 200, true)?;
        let phone = clean("phone", phone, 40, false)?;
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            let number = tx
                .read()
                .members(org.id)?
                .iter()
                .map(|m| m.number)
                .max()
                .unwrap_or(0)
                + 1;
            let id = tx.insert_member(org.id, number, &name, &fold(&name), &phone, joined, &now)?;
            tx.audit(
                &actor.name,
                "member.add",
                &org.code,
                &number.to_string(),
                &now,
            )?;
            if parts > 0 {
                pay_parts(
                    tx, org, actor, &now, id, number, &name, joined, parts, part_value, method,
                )?;
            }
            member_of(&tx.read(), org, number)
        })
    }

    /// A member pays for more parts sociales (equal value: AUSCOOP).
    #[allow(clippy::too_many_arguments)]
    pub fn buy_parts(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        member: i64,
        date: NaiveDate,
        parts: i64,
        part_value: Fcfa,
        method: PayMethod,
    ) -> Result<MemberRow> {
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            let m = member_of(&tx.read(), org, member)?;
            pay_parts(
                tx, org, actor, &now, m.id, m.number, &m.name, date, parts, part_value, method,
            )?;
            member_of(&tx.read(), org, member)
        })
    }

    /// Records a member's dealings with the cooperative over a year (what
    /// she sold through it, or produced for it): the key of the ristourne.
    pub fn set_member_dealings(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        member: i64,
        year: i32,
        amount: Fcfa,
    ) -> Result<()> {
        if amount.is_negative() {
            return Err(crate::domain::money::MoneyError::Negative.into());
        }
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            let m = member_of(&tx.read(), org, member)?;
            tx.set_dealings(m.id, year, amount)?;
            tx.audit(
                &actor.name,
                "member.dealings",
                &org.code,
                &format!("{} {year} {}", m.number, amount.francs()),
                &now,
            )?;
            Ok(())
        })
    }

    pub fn member_dealings(&self, org: &OrgRow, year: i32) -> Result<Vec<MemberDealing>> {
        let r = self.store.read();
        let d = r.dealings(org.id, year)?;
        Ok(r.members(org.id)?
            .into_iter()
            .map(|m| MemberDealing {
                dealings: d
                    .iter()
                    .find(|(id, _)| *id == m.id)
                    .map(|x| x.1)
                    .unwrap_or(Fcfa::ZERO),
                member: m,
            })
            .collect())
    }
}

/// A member's share of the year's surplus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SurplusMember {
    pub number: i64,
    pub name: String,
    pub capital: Fcfa,
    pub dealings: Fcfa,
    pub interest: Fcfa,
    pub ristourne: Fcfa,
    pub total: Fcfa,
}

/// The allocation of a year's surplus as the general assembly sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SurplusPreview {
    pub year: i32,
    pub allocation: crate::domain::surplus::Allocation,
    pub members: Vec<SurplusMember>,
    /// The entry that recorded it, once posted.
    pub entry: Option<String>,
}

impl Books {
    /// The allocation of `year`'s net surplus (the credit balance of 131
    /// once the year is closed) by `policy`, member by member, without
    /// recording it.
    pub fn surplus_preview(
        &self,
        org: &OrgRow,
        year: i32,
        policy: &crate::domain::surplus::SurplusPolicy,
    ) -> Result<SurplusPreview> {
        let r = self.store.read();
        let _snap = r.snapshot()?;
        surplus_of(&r, org, year, policy)
    }

    /// Records the allocation decided by the general assembly: 131 is
    /// debited; the reserves (1111, 1112, 1181), the members' interest and
    /// ristournes (465) and what is carried forward (121) are credited. Once
    /// per year.
    pub fn allocate_surplus(
        &mut self,
        actor: &Actor,
        org: &OrgRow,
        year: i32,
        policy: &crate::domain::surplus::SurplusPolicy,
        date: NaiveDate,
    ) -> Result<SurplusPreview> {
        let now = now();
        self.store.write(|tx| {
            authorize(&tx.read(), actor, Some(org.id), Action::Post)?;
            if tx.read().allocation(org.id, year)?.is_some() {
                return Err(CoopError::AlreadyAllocated { year }.into());
            }
            let p = surplus_of(&tx.read(), org, year, policy)?;
            let a = &p.allocation;
            let label = |k: &str| crate::i18n::tr(k);
            let mut lines = vec![LineInput {
                account: AccountNumber::parse(accounts::RESULT_PROFIT)?,
                side: Side::Debit,
                amount: a.surplus,
                label: String::new(),
            }];
            for (account, amount, key) in [
                (
                    accounts::GENERAL_RESERVE,
                    a.general_reserve,
                    "coop-surplus-general",
                ),
                (
                    accounts::TRAINING_RESERVE,
                    a.training_reserve,
                    "coop-surplus-training",
                ),
                (
                    accounts::OPTIONAL_RESERVE,
                    a.optional_reserve,
                    "coop-surplus-optional",
                ),
                (
                    accounts::MEMBERS_PAYABLE,
                    a.interest,
                    "coop-surplus-interest",
                ),
                (
                    accounts::MEMBERS_PAYABLE,
                    a.ristourne,
                    "coop-surplus-ristourne",
                ),
                (
                    accounts::RETAINED,
                    a.carried_forward,
                    "coop-surplus-carried",
                ),
            ] {
                if amount.is_positive() {
                    lines.push(LineInput {
                        account: AccountNumber::parse(account)?,
                        side: Side::Credit,
                        amount,
                        label: label(key),
                    });
                }
            }
            let memo = crate::t!("coop-surplus-memo", year = i64::from(year));
            let e = NewEntry {
                date,
                doc_ref: format!("AG-{year}"),
                memo: clean("memo", &memo, crate::domain::ledger::MAX_MEMO, true)?,
                idem_key: format!("{INTERNAL_KEY_PREFIX}surplus:{year}"),
                lines,
                source: Some(format!("surplus:{year}")),
            };
            if date.year() <= year {
                return Err(CoopError::AllocationInYear { year, date }.into());
            }
            let out = tx.post(org, &e, None, &actor.name, &now)?;
            let n = out.number();
            let id = tx
                .read()
                .entry_id(org.id, n)?
                .ok_or(Error::CorruptEntry { number: n })?;
            let detail = serde_json::to_string(&p).map_err(|e| Error::Json {
                detail: e.to_string(),
            })?;
            tx.insert_allocation(org.id, year, &detail, id, &actor.name, &now)?;
            tx.audit(
                &actor.name,
                "surplus.allocate",
                &org.code,
                &format!("{year} {n}"),
                &now,
            )?;
            Ok(SurplusPreview {
                entry: Some(n.to_string()),
                ..p
            })
        })
    }

    /// The allocation recorded for a year, if any.
    pub fn surplus_recorded(&self, org: &OrgRow, year: i32) -> Result<Option<SurplusPreview>> {
        let Some((detail, entry)) = self.store.read().allocation(org.id, year)? else {
            return Ok(None);
        };
        let v: serde_json::Value = serde_json::from_str(&detail).map_err(|e| Error::Json {
            detail: e.to_string(),
        })?;
        let mut p: SurplusPreview = SurplusPreview {
            year,
            allocation: crate::domain::surplus::Allocation {
                surplus: fcfa(&v["allocation"]["surplus"]),
                capital: fcfa(&v["allocation"]["capital"]),
                general_reserve: fcfa(&v["allocation"]["general_reserve"]),
                training_reserve: fcfa(&v["allocation"]["training_reserve"]),
                optional_reserve: fcfa(&v["allocation"]["optional_reserve"]),
                interest: fcfa(&v["allocation"]["interest"]),
                carried_forward: fcfa(&v["allocation"]["carried_forward"]),
                ristourne: fcfa(&v["allocation"]["ristourne"]),
                general_minimum: fcfa(&v["allocation"]["general_minimum"]),
                training_minimum: fcfa(&v["allocation"]["training_minimum"]),
                members: Vec::new(),
            },
            members: Vec::new(),
            entry: Some(entry),
        };
        if let Some(ms) = v["members"].as_array() {
            for m in ms {
                p.members.push(SurplusMember {
                    number: m["number"].as_i64().unwrap_or(0),
                    name: m["name"].as_str().unwrap_or("").to_string(),
                    capital: fcfa(&m["capital"]),
                    dealings: fcfa(&m["dealings"]),
                    interest: fcfa(&m["interest"]),
                    ristourne: fcfa(&m["ristourne"]),
                    total: fcfa(&m["total"]),
                });
            }
        }
        Ok(Some(p))
    }
}

fn fcfa(v: &serde_json::Value) -> Fcfa {
    Fcfa::new(v.as_i64().unwrap_or(0))
}

fn surplus_of(
    r: &Reader<'_>,
    org: &OrgRow,
    year: i32,
    policy: &crate::domain::surplus::SurplusPolicy,
) -> Result<SurplusPreview> {
    let closed =
        super::closed_through(org).is_some_and(|m| m >= Month::new(year, 12).expect("valid month"));
    let surplus = -r.account_net(org.id, accounts::RESULT_PROFIT)?;
    if !closed || surplus <= 0 {
        return Err(CoopError::NoResult { year }.into());
    }
    let year_end = NaiveDate::from_ymd_opt(year, 12, 31).ok_or(CoopError::NoResult { year })?;
    let capital = r.capital_at(org.id, year_end)?;
    let dealings = r.dealings(org.id, year)?;
    let members = r.members(org.id)?;
    let stakes: Vec<crate::domain::surplus::MemberStake> = capital
        .iter()
        .map(|(id, c)| crate::domain::surplus::MemberStake {
            member: *id,
            capital: *c,
            dealings: dealings
                .iter()
                .find(|d| d.0 == *id)
                .map(|d| d.1)
                .unwrap_or(Fcfa::ZERO),
        })
        .collect();
    let input = crate::domain::surplus::SurplusInput {
        surplus: Fcfa::new(surplus),
        general_reserve: Fcfa::new(-r.account_net(org.id, accounts::GENERAL_RESERVE)?),
        training_reserve: Fcfa::new(-r.account_net(org.id, accounts::TRAINING_RESERVE)?),
        members: stakes.clone(),
    };
    let allocation = crate::domain::surplus::allocate_surplus(&input, policy)?;
    let mut out = Vec::new();
    for (stake, pay) in stakes.iter().zip(&allocation.members) {
        let m = members.iter().find(|m| m.id == stake.member);
        out.push(SurplusMember {
            number: m.map(|m| m.number).unwrap_or(0),
            name: m.map(|m| m.name.clone()).unwrap_or_default(),
            capital: stake.capital,
            dealings: stake.dealings,
            interest: pay.interest,
            ristourne: pay.ristourne,
            total: pay.total(),
        });
    }
    Ok(SurplusPreview {
        year,
        allocation,
        members: out,
        entry: None,
    })
}

#[allow(clippy::too_many_arguments)]
fn pay_parts(
    tx: &mut WriteTx<'_>,
    org: &OrgRow,
    actor: &Actor,
    now: &str,
    member_id: i64,
    number: i64,
    name: &str,
    date: NaiveDate,
    parts: i64,
    part_value: Fcfa,
    method: PayMethod,
) -> Result<()> {
    if parts <= 0 || !part_value.is_positive() {
        return Err(CoopError::QtyNotPositive.into());
    }
    if method == PayMethod::Credit {
        return Err(CoopError::PayByCredit.into());
    }
    let amount = part_value.checked_mul(parts)?;
    let mut lines = Vec::new();
    add_line(&mut lines, method.account(), Side::Debit, amount, name)?;
    add_line(&mut lines, accounts::CAPITAL, Side::Credit, amount, name)?;
    let seq = tx.next_doc_number(org.id, "parts")?;
    let memo = crate::t!(
        "coop-parts-memo",
        name = name.to_string(),
        parts = parts,
        number = number
    );
    let memo = clean("memo", &memo, crate::domain::ledger::MAX_MEMO, true)?;
    let e = NewEntry {
        date,
        doc_ref: format!("PS-{seq:06}"),
        memo,
        idem_key: format!("{INTERNAL_KEY_PREFIX}parts:{seq}"),
        lines,
        source: Some(format!("parts:{seq}")),
    };
    let out = tx.post(org, &e, None, &actor.name, now)?;
    let n = out.number();
    let id = tx
        .read()
        .entry_id(org.id, n)?
        .ok_or(Error::CorruptEntry { number: n })?;
    tx.insert_member_parts(member_id, date, parts, amount, id)?;
    tx.audit(
        &actor.name,
        "member.parts",
        &org.code,
        &format!("{number} {parts} {n}"),
        now,
    )?;
    Ok(())
}

fn member_of(r: &Reader<'_>, org: &OrgRow, number: i64) -> Result<MemberRow> {
    r.members(org.id)?
        .into_iter()
        .find(|m| m.number == number)
        .ok_or_else(|| CoopError::UnknownMember { number }.into())
}

fn customer_of(r: &Reader<'_>, org: &OrgRow, code: &str) -> Result<CustomerRow> {
    let unknown = || CoopError::UnknownCustomer {
        code: code.trim().to_string(),
    };
    let c = check_code(code).map_err(|_| unknown())?;
    r.customer(org.id, &c)?.ok_or_else(|| unknown().into())
}

/// A document recorded earlier under the same key, as its outcome.
fn doc_again(tx: &mut WriteTx<'_>, org: &OrgRow, kind: &str, number: i64) -> Result<DocOutcome> {
    let r = tx.read();
    let (total, entry) = match kind {
        "sale" | "return" => {
            let s = r
                .sales(org.id, Some(kind), None, None, Some(number), false)?
                .into_iter()
                .next()
                .ok_or(CoopError::UnknownReceipt { number })?;
            (s.total, Some(s.entry))
        }
        "payment" => {
            let p = r
                .payments(org.id, None)?
                .into_iter()
                .find(|p| p.number == number)
                .ok_or(CoopError::UnknownReceipt { number })?;
            (p.amount, Some(p.entry))
        }
        _ => {
            let d = r
                .stock_docs(org.id, Some(kind))?
                .into_iter()
                .find(|d| d.number == number)
                .ok_or(CoopError::UnknownReceipt { number })?;
            (d.total, d.entry)
        }
    };
    Ok(DocOutcome {
        kind: kind.to_string(),
        number,
        entry,
        total,
        already: true,
    })
}

fn run_outcome_again(tx: &mut WriteTx<'_>, org: &OrgRow, number: i64) -> Result<RunOutcome> {
    let doc = doc_again(tx, org, "run", number)?;
    let moves = tx.read().stock_moves(org.id, None, None, None)?;
    let tag = format!("run:{number}");
    let mine: Vec<&MoveRow> = moves.iter().filter(|m| m.doc == tag).collect();
    let out = mine.iter().find(|m| m.kind == MoveKind::Produce);
    let produced = out.map(|m| m.qty).unwrap_or_default();
    Ok(RunOutcome {
        product: out.map(|m| m.item.clone()).unwrap_or_default(),
        produced,
        cost: doc.total,
        unit_cost: StockLevel {
            qty: produced,
            value: doc.total,
        }
        .unit_cost(),
        consumed: mine
            .iter()
            .filter(|m| m.kind == MoveKind::Consume)
            .map(|m| {
                (
                    m.item.clone(),
                    m.qty.negated(),
                    Fcfa::new(-m.value.francs()),
                )
            })
            .collect(),
        doc,
    })
}

/// Priced lines, total, the customer and the items of a sale.
type Priced = (Vec<NewSaleLine>, Fcfa, Option<CustomerRow>, Vec<ItemRow>);

/// Prices each line of a sale from the price list (or the price given
/// with its reason), with its discount; checks the customer and her credit
/// limit. Costs are filled in when the stock is taken.
fn price_lines(r: &Reader<'_>, org: &OrgRow, s: &SaleInput) -> Result<Priced> {
    let customer = match s
        .customer
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        Some(code) => Some(customer_of(r, org, code)?),
        None => None,
    };
    if s.method == PayMethod::Credit && customer.is_none() {
        return Err(CoopError::CreditNeedsCustomer.into());
    }
    let mut out = Vec::new();
    let mut items = Vec::new();
    let mut total = Fcfa::ZERO;
    for l in &s.lines {
        let it = item_of(r, org, &l.item)?;
        if it.kind != ItemKind::Product {
            return Err(CoopError::NotAProduct { code: it.code }.into());
        }
        if l.qty.milli() <= 0 {
            return Err(CoopError::QtyNotPositive.into());
        }
        if !it.unit.fractional() && !l.qty.is_whole() {
            return Err(CoopError::WholeUnitsOnly {
                input: l.qty.format(crate::i18n::lang()),
            }
            .into());
        }
        let list = it.price.unwrap_or(Fcfa::ZERO);
        let unit = l.price.unwrap_or(list);
        if unit.is_negative() {
            return Err(CoopError::BadPrice {
                input: unit.francs().to_string(),
            }
            .into());
        }
        let reason = clean("reason", &l.price_reason, 200, false)?;
        if unit != list && reason.is_empty() {
            return Err(CoopError::PriceReasonRequired.into());
        }
        let (amount, discount) = line_amount(l.qty, unit, l.discount)?;
        total = total.checked_add(amount)?;
        out.push(NewSaleLine {
            item_id: it.id,
            qty: l.qty,
            list_price: list,
            unit_price: unit,
            price_reason: reason,
            discount,
            amount,
            cost: Fcfa::ZERO,
        });
        items.push(it);
    }
    if !total.is_positive() {
        return Err(CoopError::ZeroSale.into());
    }
    if let (PayMethod::Credit, Some(c)) = (s.method, &customer) {
        let after = c.owed.checked_add(total)?;
        if after > c.credit_limit {
            return Err(CoopError::CreditLimit {
                customer: c.name.clone(),
                limit: c.credit_limit,
                owed: c.owed,
                wanted: total,
            }
            .into());
        }
    }
    Ok((out, total, customer, items))
}

/// `2026-11-21` (a day), `2026-11` (a month) or `2026` (a year), and its
/// first and last days.
pub fn period_range(period: &str) -> Result<(&'static str, NaiveDate, NaiveDate)> {
    let p = period.trim();
    if let Ok(d) = NaiveDate::parse_from_str(p, "%Y-%m-%d") {
        return Ok(("day", d, d));
    }
    if p.len() == 4
        && let Ok(y) = p.parse::<i32>()
        && let (Some(a), Some(b)) = (
            NaiveDate::from_ymd_opt(y, 1, 1),
            NaiveDate::from_ymd_opt(y, 12, 31),
        )
    {
        return Ok(("year", a, b));
    }
    let m = Month::parse(p)?;
    Ok(("month", m.first_day(), m.last_day()))
}

fn summary(r: &Reader<'_>, org: &OrgRow, point: &str, period: &str) -> Result<SalesSummary> {
    let (kind, from, to) = period_range(period)?;
    let period = match kind {
        "day" => from.to_string(),
        "month" => Month::of(from).key(),
        _ => from.year().to_string(),
    };
    let lines = r.period_lines(org.id, point, from, to)?;
    let mut by_item: Vec<ItemTotal> = Vec::new();
    let mut by_method: BTreeMap<&'static str, MethodTotal> = BTreeMap::new();
    let mut sales = std::collections::BTreeSet::new();
    let mut returns = std::collections::BTreeSet::new();
    let (mut sales_total, mut returns_total) = (0i64, 0i64);
    for l in &lines {
        let sign = if l.kind == "sale" { 1 } else { -1 };
        match by_item.iter_mut().find(|t| t.item == l.item) {
            Some(t) => {
                t.qty = Qty::from_milli(t.qty.milli() + sign * l.qty.milli());
                t.amount = Fcfa::new(t.amount.francs() + sign * l.amount.francs());
            }
            None => by_item.push(ItemTotal {
                item: l.item.clone(),
                name: l.item_name.clone(),
                qty: Qty::from_milli(sign * l.qty.milli()),
                amount: Fcfa::new(sign * l.amount.francs()),
            }),
        }
        let m = by_method
            .entry(l.method.code())
            .or_insert_with(|| MethodTotal {
                method: Some(l.method),
                ..Default::default()
            });
        if l.kind == "sale" {
            m.sales = Fcfa::new(m.sales.francs() + l.amount.francs());
            sales.insert(l.sale_number);
            sales_total += l.amount.francs();
        } else {
            m.returns = Fcfa::new(m.returns.francs() + l.amount.francs());
            returns.insert(l.sale_number);
            returns_total += l.amount.francs();
        }
    }
    let mut payments_total = 0;
    for (method, amount) in r.period_payments(org.id, point, from, to)? {
        let m = by_method
            .entry(method.code())
            .or_insert_with(|| MethodTotal {
                method: Some(method),
                ..Default::default()
            });
        m.payments = Fcfa::new(m.payments.francs() + amount.francs());
        payments_total += amount.francs();
    }
    let cash = by_method.get("cash").cloned().unwrap_or_default();
    let cash_expected = cash.sales.francs() - cash.returns.francs() + cash.payments.francs();
    let closes = r.day_closes(org.id, Some(point), None)?;
    let close = closes
        .iter()
        .find(|c| c.kind == kind && c.period == period)
        .cloned();
    // The perpetual total: every sealed day's net sales before this period,
    // then this period's.
    let before: i64 = closes
        .iter()
        .filter(|c| c.kind == "day" && c.period.as_str() < from.to_string().as_str())
        .map(|c| c.sales_total.francs() - c.returns_total.francs())
        .sum();
    by_item.sort_by(|a, b| a.item.cmp(&b.item));
    Ok(SalesSummary {
        point: point.to_string(),
        kind: kind.to_string(),
        period,
        sales_count: sales.len() as i64,
        returns_count: returns.len() as i64,
        sales_total: Fcfa::new(sales_total),
        returns_total: Fcfa::new(returns_total),
        payments_total: Fcfa::new(payments_total),
        by_item,
        by_method: by_method.into_values().collect(),
        cash_expected: Fcfa::new(cash_expected),
        grand_total_before: Fcfa::new(before),
        grand_total: Fcfa::new(before + sales_total - returns_total),
        close,
    })
}
