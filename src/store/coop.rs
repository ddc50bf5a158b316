//! SQL for a cooperative's trade: items and the stock ledger, recipes,
//! stock documents, customers, sales and returns, payments, sealed days,
//! members and the surplus allocation. The rules (valuation, limits, seals)
//! are in `domain::coop` and `service::coop`; this file only reads and
//! writes rows.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;

use crate::domain::coop::{ItemKind, MoveKind, PayMethod, Qty, StockLevel, Unit};
use crate::domain::money::Fcfa;
use crate::error::Result;

use super::read::date;
use super::{Reader, WriteTx};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemRow {
    #[serde(skip)]
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: ItemKind,
    pub unit: Unit,
    /// Default sale price of a product, in francs.
    pub price: Option<Fcfa>,
    pub reorder: Qty,
    pub stock_account: String,
    /// Sales account of a product, purchase account of a material.
    pub flow_account: String,
    pub variation_account: String,
    pub qty: Qty,
    pub value: Fcfa,
}

impl ItemRow {
    pub fn level(&self) -> StockLevel {
        StockLevel {
            qty: self.qty,
            value: self.value,
        }
    }
    /// At or below its reorder level (and a level is set).
    pub fn is_low(&self) -> bool {
        self.reorder.milli() > 0 && self.qty <= self.reorder
    }
}

#[derive(Clone, Debug)]
pub struct NewItemRow<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub search_key: &'a str,
    pub kind: ItemKind,
    pub unit: Unit,
    pub price: Option<Fcfa>,
    pub reorder: Qty,
    pub stock_account: &'a str,
    pub flow_account: &'a str,
    pub variation_account: &'a str,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MoveRow {
    pub id: i64,
    pub item: String,
    pub date: NaiveDate,
    pub kind: MoveKind,
    pub qty: Qty,
    pub value: Fcfa,
    pub qty_after: Qty,
    pub value_after: Fcfa,
    pub doc: String,
    pub reason: String,
    pub entry: Option<String>,
    pub author: String,
}

#[derive(Clone, Debug)]
pub struct NewMove<'a> {
    pub item_id: i64,
    pub date: NaiveDate,
    pub kind: MoveKind,
    /// Signed: positive in, negative out.
    pub qty: Qty,
    /// Signed like `qty`.
    pub value: Fcfa,
    pub after: StockLevel,
    pub doc: &'a str,
    pub reason: &'a str,
    pub entry_id: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecipeRow {
    #[serde(skip)]
    pub id: i64,
    pub code: String,
    pub name: String,
    pub product: String,
    /// Units of product a batch yields.
    pub yields: Qty,
    /// `(material code, quantity per batch)`.
    pub lines: Vec<(String, Qty)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StockDocRow {
    #[serde(skip)]
    pub id: i64,
    pub kind: String,
    pub number: i64,
    pub date: NaiveDate,
    pub party: String,
    pub reference: String,
    pub method: Option<PayMethod>,
    pub recipe: Option<String>,
    pub batches: Option<Qty>,
    pub total: Fcfa,
    pub note: String,
    pub entry: Option<String>,
    pub author: String,
}

#[derive(Clone, Debug)]
pub struct NewStockDoc<'a> {
    pub kind: &'a str,
    pub number: i64,
    pub date: NaiveDate,
    pub party: &'a str,
    pub reference: &'a str,
    pub method: Option<PayMethod>,
    pub recipe_id: Option<i64>,
    pub batches: Option<Qty>,
    pub total: Fcfa,
    pub note: &'a str,
    pub entry_id: Option<i64>,
    pub idem_key: &'a str,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CustomerRow {
    #[serde(skip)]
    pub id: i64,
    pub code: String,
    pub name: String,
    pub phone: String,
    pub credit_limit: Fcfa,
    /// What the customer owes now, on all her invoices.
    pub owed: Fcfa,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SaleLineRow {
    pub line_no: i64,
    pub item: String,
    pub item_name: String,
    pub qty: Qty,
    pub list_price: Fcfa,
    pub unit_price: Fcfa,
    pub price_reason: String,
    pub discount: Fcfa,
    pub amount: Fcfa,
    pub cost: Fcfa,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SaleRow {
    #[serde(skip)]
    pub id: i64,
    /// `sale` or `return`.
    pub kind: String,
    pub number: i64,
    pub date: NaiveDate,
    pub point: String,
    pub customer: Option<String>,
    pub customer_name: Option<String>,
    pub method: PayMethod,
    pub total: Fcfa,
    pub discount: Fcfa,
    pub cost: Fcfa,
    /// For a return: the receipt it brings back.
    pub return_of: Option<i64>,
    pub reason: String,
    pub entry: String,
    pub recorded_at: String,
    pub author: String,
    pub lines: Vec<SaleLineRow>,
}

#[derive(Clone, Debug)]
pub struct NewSaleLine {
    pub item_id: i64,
    pub qty: Qty,
    pub list_price: Fcfa,
    pub unit_price: Fcfa,
    pub price_reason: String,
    pub discount: Fcfa,
    pub amount: Fcfa,
    pub cost: Fcfa,
}

#[derive(Clone, Debug)]
pub struct NewSale<'a> {
    pub kind: &'a str,
    pub number: i64,
    pub date: NaiveDate,
    pub point: &'a str,
    pub customer_id: Option<i64>,
    pub method: PayMethod,
    pub total: Fcfa,
    pub discount: Fcfa,
    pub cost: Fcfa,
    pub return_of: Option<i64>,
    pub reason: &'a str,
    pub entry_id: i64,
    pub idem_key: &'a str,
    pub lines: &'a [NewSaleLine],
}

/// An invoice (credit sale) with what is still owed on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InvoiceRow {
    #[serde(skip)]
    pub sale_id: i64,
    pub number: i64,
    pub date: NaiveDate,
    pub customer: String,
    pub customer_name: String,
    pub total: Fcfa,
    pub returned: Fcfa,
    pub paid: Fcfa,
    pub owed: Fcfa,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PaymentRow {
    pub number: i64,
    pub date: NaiveDate,
    pub point: String,
    pub customer: String,
    pub method: PayMethod,
    pub amount: Fcfa,
    /// `(invoice number, amount)`.
    pub allocations: Vec<(i64, Fcfa)>,
    pub entry: String,
    pub author: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DayCloseRow {
    pub point: String,
    /// `day`, `month` or `year`.
    pub kind: String,
    /// `2026-11-21`, `2026-11` or `2026`.
    pub period: String,
    pub sales_count: i64,
    pub sales_total: Fcfa,
    pub returns_total: Fcfa,
    pub cash_expected: Fcfa,
    pub cash_counted: Fcfa,
    pub difference: Fcfa,
    pub reason: String,
    /// JSON: totals by product and by payment method, and the count.
    pub detail: String,
    pub grand_total: Fcfa,
    pub entry: Option<String>,
    pub closed_at: String,
    pub closed_by: String,
}

#[derive(Clone, Debug)]
pub struct NewDayClose<'a> {
    pub point: &'a str,
    pub kind: &'a str,
    pub period: &'a str,
    pub sales_count: i64,
    pub sales_total: Fcfa,
    pub returns_total: Fcfa,
    pub cash_expected: Fcfa,
    pub cash_counted: Fcfa,
    pub difference: Fcfa,
    pub reason: &'a str,
    pub detail: &'a str,
    pub grand_total: Fcfa,
    pub entry_id: Option<i64>,
}

/// One sale or return line of a day, for the totals of a close.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayLine {
    pub kind: String,
    pub sale_number: i64,
    pub method: PayMethod,
    pub item: String,
    pub item_name: String,
    pub qty: Qty,
    pub amount: Fcfa,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MemberRow {
    #[serde(skip)]
    pub id: i64,
    pub number: i64,
    pub name: String,
    pub phone: String,
    pub joined: NaiveDate,
    pub parts: i64,
    /// Paid-up capital (parts sociales), francs.
    pub capital: Fcfa,
}

fn kind_of(s: &str) -> ItemKind {
    if s == "product" {
        ItemKind::Product
    } else {
        ItemKind::Material
    }
}

fn unit_of(s: &str) -> Unit {
    match s {
        "kg" => Unit::Kg,
        "litre" => Unit::Litre,
        "metre" => Unit::Metre,
        _ => Unit::Piece,
    }
}

fn method_of(s: &str) -> PayMethod {
    PayMethod::from_code(s).unwrap_or(PayMethod::Cash)
}

const ITEM_COLS: &str = "id, code, name, kind, unit, price, reorder, stock_account, flow_account,
                         variation_account, qty, value";

fn item_row(r: &Row<'_>) -> rusqlite::Result<ItemRow> {
    Ok(ItemRow {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        kind: kind_of(&r.get::<_, String>(3)?),
        unit: unit_of(&r.get::<_, String>(4)?),
        price: r.get::<_, Option<i64>>(5)?.map(Fcfa::new),
        reorder: Qty::from_milli(r.get(6)?),
        stock_account: r.get(7)?,
        flow_account: r.get(8)?,
        variation_account: r.get(9)?,
        qty: Qty::from_milli(r.get(10)?),
        value: Fcfa::new(r.get(11)?),
    })
}

/// `2026-000123` from an entry's year and sequence columns.
const ENTRY_NO: &str =
    "(SELECT printf('%04d-%06d', e.fiscal_year, e.seq) FROM entries e WHERE e.id = ";

impl<'a> Reader<'a> {
    pub fn items(&self, org_id: i64) -> Result<Vec<ItemRow>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {ITEM_COLS} FROM items WHERE org_id = ?1 ORDER BY kind DESC, code"
        ))?;
        let rows = st.query_map([org_id], item_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn item(&self, org_id: i64, code: &str) -> Result<Option<ItemRow>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {ITEM_COLS} FROM items WHERE org_id = ?1 AND code = ?2"
        ))?;
        Ok(st.query_row(params![org_id, code], item_row).optional()?)
    }

    /// Accounts used as the stock account of an item of this organisation.
    pub fn stock_accounts(&self, org_id: i64) -> Result<Vec<String>> {
        let mut st = self.conn.prepare_cached(
            "SELECT DISTINCT stock_account FROM items WHERE org_id = ?1 ORDER BY 1",
        )?;
        let rows = st.query_map([org_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Net debit balance of an account from the cached monthly totals.
    pub fn account_net(&self, org_id: i64, number: &str) -> Result<i64> {
        let v: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT sum(m.debit - m.credit) FROM account_month m
                 JOIN accounts a ON a.id = m.account_id
                 WHERE a.org_id = ?1 AND a.number = ?2",
            )?
            .query_row(params![org_id, number], |r| r.get(0))?;
        Ok(v.unwrap_or(0))
    }

    /// The stock ledger: an item's movements, or all of an organisation's
    /// (optionally within dates), oldest first.
    pub fn stock_moves(
        &self,
        org_id: i64,
        item_id: Option<i64>,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<MoveRow>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT m.id, i.code, m.date, m.kind, m.qty, m.value, m.qty_after, m.value_after,
                    m.doc, m.reason, {ENTRY_NO} m.entry_id), m.author
             FROM stock_moves m JOIN items i ON i.id = m.item_id
             WHERE m.org_id = ?1 AND (?2 IS NULL OR m.item_id = ?2)
               AND (?3 IS NULL OR m.date >= ?3) AND (?4 IS NULL OR m.date <= ?4)
             ORDER BY m.id"
        ))?;
        let rows = st.query_map(
            params![
                org_id,
                item_id,
                from.map(|d| d.to_string()),
                to.map(|d| d.to_string())
            ],
            |r| {
                Ok(MoveRow {
                    id: r.get(0)?,
                    item: r.get(1)?,
                    date: date(&r.get::<_, String>(2)?)?,
                    kind: MoveKind::from_code(&r.get::<_, String>(3)?).unwrap_or(MoveKind::Adjust),
                    qty: Qty::from_milli(r.get(4)?),
                    value: Fcfa::new(r.get(5)?),
                    qty_after: Qty::from_milli(r.get(6)?),
                    value_after: Fcfa::new(r.get(7)?),
                    doc: r.get(8)?,
                    reason: r.get(9)?,
                    entry: r.get(10)?,
                    author: r.get(11)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Per item: the sum of its movements and its last `after` figures, to
    /// check the cached level against the stock ledger.
    pub fn stock_ledger_sums(&self, org_id: i64) -> Result<Vec<(String, i64, i64)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT i.code, coalesce(sum(m.qty), 0), coalesce(sum(m.value), 0)
             FROM items i LEFT JOIN stock_moves m ON m.item_id = i.id
             WHERE i.org_id = ?1 GROUP BY i.id ORDER BY i.code",
        )?;
        let rows = st.query_map([org_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn recipes(&self, org_id: i64) -> Result<Vec<RecipeRow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT r.id, r.code, r.name, i.code, r.yield FROM recipes r
             JOIN items i ON i.id = r.product_id WHERE r.org_id = ?1 ORDER BY r.code",
        )?;
        let mut out: Vec<RecipeRow> = st
            .query_map([org_id], |r| {
                Ok(RecipeRow {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    name: r.get(2)?,
                    product: r.get(3)?,
                    yields: Qty::from_milli(r.get(4)?),
                    lines: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut lines = self.conn.prepare_cached(
            "SELECT i.code, l.qty FROM recipe_lines l JOIN items i ON i.id = l.item_id
             WHERE l.recipe_id = ?1 ORDER BY l.line_no",
        )?;
        for r in &mut out {
            r.lines = lines
                .query_map([r.id], |row| {
                    Ok((row.get(0)?, Qty::from_milli(row.get(1)?)))
                })?
                .collect::<rusqlite::Result<_>>()?;
        }
        Ok(out)
    }

    pub fn stock_docs(&self, org_id: i64, kind: Option<&str>) -> Result<Vec<StockDocRow>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT d.id, d.kind, d.number, d.date, d.party, d.reference, d.method,
                    (SELECT code FROM recipes WHERE id = d.recipe_id), d.batches, d.total, d.note,
                    {ENTRY_NO} d.entry_id), d.author
             FROM stock_docs d WHERE d.org_id = ?1 AND (?2 IS NULL OR d.kind = ?2)
             ORDER BY d.date, d.id"
        ))?;
        let rows = st.query_map(params![org_id, kind], |r| {
            Ok(StockDocRow {
                id: r.get(0)?,
                kind: r.get(1)?,
                number: r.get(2)?,
                date: date(&r.get::<_, String>(3)?)?,
                party: r.get(4)?,
                reference: r.get(5)?,
                method: r.get::<_, Option<String>>(6)?.map(|m| method_of(&m)),
                recipe: r.get(7)?,
                batches: r.get::<_, Option<i64>>(8)?.map(Qty::from_milli),
                total: Fcfa::new(r.get(9)?),
                note: r.get(10)?,
                entry: r.get(11)?,
                author: r.get(12)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The document already recorded under an idempotency key, if any:
    /// `(table kind, number)`.
    pub fn doc_by_key(&self, org_id: i64, key: &str) -> Result<Option<(String, i64)>> {
        let found: Option<(String, i64)> = self
            .conn
            .prepare_cached(
                "SELECT kind, number FROM stock_docs WHERE org_id = ?1 AND idem_key = ?2
                 UNION ALL SELECT kind, number FROM sales WHERE org_id = ?1 AND idem_key = ?2
                 UNION ALL SELECT 'payment', number FROM payments WHERE org_id = ?1 AND idem_key = ?2",
            )?
            .query_row(params![org_id, key], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(found)
    }

    pub fn customers(&self, org_id: i64) -> Result<Vec<CustomerRow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT c.id, c.code, c.name, c.phone, c.credit_limit FROM customers c
             WHERE c.org_id = ?1 ORDER BY c.code",
        )?;
        let mut out: Vec<CustomerRow> = st
            .query_map([org_id], |r| {
                Ok(CustomerRow {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    name: r.get(2)?,
                    phone: r.get(3)?,
                    credit_limit: Fcfa::new(r.get(4)?),
                    owed: Fcfa::ZERO,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        for c in &mut out {
            c.owed = self.customer_owed(c.id)?;
        }
        Ok(out)
    }

    pub fn customer(&self, org_id: i64, code: &str) -> Result<Option<CustomerRow>> {
        Ok(self.customers(org_id)?.into_iter().find(|c| c.code == code))
    }

    fn customer_owed(&self, customer_id: i64) -> Result<Fcfa> {
        let v: i64 = self
            .conn
            .prepare_cached(
                "SELECT coalesce(sum(CASE WHEN kind = 'sale' THEN total ELSE -total END), 0)
                 FROM sales WHERE customer_id = ?1 AND method = 'credit'",
            )?
            .query_row([customer_id], |r| r.get(0))?;
        let paid: i64 = self
            .conn
            .prepare_cached("SELECT coalesce(sum(amount), 0) FROM payments WHERE customer_id = ?1")?
            .query_row([customer_id], |r| r.get(0))?;
        Ok(Fcfa::new(v - paid))
    }

    /// Credit sales with what is still owed on each, oldest first; only
    /// those with something owed unless `all`.
    pub fn invoices(
        &self,
        org_id: i64,
        customer_id: Option<i64>,
        all: bool,
    ) -> Result<Vec<InvoiceRow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT s.id, s.number, s.date, c.code, c.name, s.total,
                    (SELECT coalesce(sum(x.total), 0) FROM sales x
                     WHERE x.return_of = s.id AND x.method = 'credit'),
                    (SELECT coalesce(sum(a.amount), 0) FROM payment_allocations a WHERE a.sale_id = s.id)
             FROM sales s JOIN customers c ON c.id = s.customer_id
             WHERE s.org_id = ?1 AND s.kind = 'sale' AND s.method = 'credit'
               AND (?2 IS NULL OR s.customer_id = ?2)
             ORDER BY s.date, s.number",
        )?;
        let rows = st.query_map(params![org_id, customer_id], |r| {
            let total: i64 = r.get(5)?;
            let returned: i64 = r.get(6)?;
            let paid: i64 = r.get(7)?;
            Ok(InvoiceRow {
                sale_id: r.get(0)?,
                number: r.get(1)?,
                date: date(&r.get::<_, String>(2)?)?,
                customer: r.get(3)?,
                customer_name: r.get(4)?,
                total: Fcfa::new(total),
                returned: Fcfa::new(returned),
                paid: Fcfa::new(paid),
                owed: Fcfa::new(total - returned - paid),
            })
        })?;
        let v: Vec<InvoiceRow> = rows.collect::<rusqlite::Result<_>>()?;
        Ok(v.into_iter()
            .filter(|i| all || i.owed.is_positive())
            .collect())
    }

    fn sale_lines(&self, sale_id: i64) -> Result<Vec<SaleLineRow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT l.line_no, i.code, i.name, l.qty, l.list_price, l.unit_price, l.price_reason,
                    l.discount, l.amount, l.cost
             FROM sale_lines l JOIN items i ON i.id = l.item_id WHERE l.sale_id = ?1 ORDER BY l.line_no",
        )?;
        let rows = st.query_map([sale_id], |r| {
            Ok(SaleLineRow {
                line_no: r.get(0)?,
                item: r.get(1)?,
                item_name: r.get(2)?,
                qty: Qty::from_milli(r.get(3)?),
                list_price: Fcfa::new(r.get(4)?),
                unit_price: Fcfa::new(r.get(5)?),
                price_reason: r.get(6)?,
                discount: Fcfa::new(r.get(7)?),
                amount: Fcfa::new(r.get(8)?),
                cost: Fcfa::new(r.get(9)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Receipts and returns, newest last, within dates; with their lines
    /// when `lines`.
    pub fn sales(
        &self,
        org_id: i64,
        kind: Option<&str>,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        number: Option<i64>,
        lines: bool,
    ) -> Result<Vec<SaleRow>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT s.id, s.kind, s.number, s.date, s.point, c.code, c.name, s.method, s.total,
                    s.discount, s.cost, (SELECT number FROM sales o WHERE o.id = s.return_of),
                    s.reason, {ENTRY_NO} s.entry_id), s.recorded_at, s.author
             FROM sales s LEFT JOIN customers c ON c.id = s.customer_id
             WHERE s.org_id = ?1 AND (?2 IS NULL OR s.kind = ?2)
               AND (?3 IS NULL OR s.date >= ?3) AND (?4 IS NULL OR s.date <= ?4)
               AND (?5 IS NULL OR s.number = ?5)
             ORDER BY s.date, s.id"
        ))?;
        let rows = st.query_map(
            params![
                org_id,
                kind,
                from.map(|d| d.to_string()),
                to.map(|d| d.to_string()),
                number
            ],
            |r| {
                Ok(SaleRow {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    number: r.get(2)?,
                    date: date(&r.get::<_, String>(3)?)?,
                    point: r.get(4)?,
                    customer: r.get(5)?,
                    customer_name: r.get(6)?,
                    method: method_of(&r.get::<_, String>(7)?),
                    total: Fcfa::new(r.get(8)?),
                    discount: Fcfa::new(r.get(9)?),
                    cost: Fcfa::new(r.get(10)?),
                    return_of: r.get(11)?,
                    reason: r.get(12)?,
                    entry: r.get::<_, Option<String>>(13)?.unwrap_or_default(),
                    recorded_at: r.get(14)?,
                    author: r.get(15)?,
                    lines: Vec::new(),
                })
            },
        )?;
        let mut out: Vec<SaleRow> = rows.collect::<rusqlite::Result<_>>()?;
        if lines {
            for s in &mut out {
                s.lines = self.sale_lines(s.id)?;
            }
        }
        Ok(out)
    }

    /// What of an item on a receipt was already brought back: quantity,
    /// amount refunded and cost put back into stock.
    pub fn returned(&self, sale_id: i64, item_id: i64) -> Result<(Qty, Fcfa, Fcfa)> {
        let (q, a, c): (i64, i64, i64) = self
            .conn
            .prepare_cached(
                "SELECT coalesce(sum(l.qty), 0), coalesce(sum(l.amount), 0), coalesce(sum(l.cost), 0)
                 FROM sales s JOIN sale_lines l ON l.sale_id = s.id
                 WHERE s.return_of = ?1 AND l.item_id = ?2",
            )?
            .query_row(params![sale_id, item_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok((Qty::from_milli(q), Fcfa::new(a), Fcfa::new(c)))
    }

    pub fn payments(&self, org_id: i64, customer_id: Option<i64>) -> Result<Vec<PaymentRow>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT p.id, p.number, p.date, p.point, c.code, p.method, p.amount,
                    {ENTRY_NO} p.entry_id), p.author
             FROM payments p JOIN customers c ON c.id = p.customer_id
             WHERE p.org_id = ?1 AND (?2 IS NULL OR p.customer_id = ?2) ORDER BY p.date, p.id"
        ))?;
        let rows: Vec<(i64, PaymentRow)> = st
            .query_map(params![org_id, customer_id], |r| {
                Ok((
                    r.get(0)?,
                    PaymentRow {
                        number: r.get(1)?,
                        date: date(&r.get::<_, String>(2)?)?,
                        point: r.get(3)?,
                        customer: r.get(4)?,
                        method: method_of(&r.get::<_, String>(5)?),
                        amount: Fcfa::new(r.get(6)?),
                        allocations: Vec::new(),
                        entry: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
                        author: r.get(8)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut alloc = self.conn.prepare_cached(
            "SELECT s.number, a.amount FROM payment_allocations a JOIN sales s ON s.id = a.sale_id
             WHERE a.payment_id = ?1 ORDER BY s.number",
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, mut p) in rows {
            p.allocations = alloc
                .query_map([id], |r| Ok((r.get(0)?, Fcfa::new(r.get(1)?))))?
                .collect::<rusqlite::Result<_>>()?;
            out.push(p);
        }
        Ok(out)
    }

    /// Every sale and return line of a sales point between two days.
    pub fn period_lines(
        &self,
        org_id: i64,
        point: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<DayLine>> {
        let mut st = self.conn.prepare_cached(
            "SELECT s.kind, s.number, s.method, i.code, i.name, l.qty, l.amount
             FROM sales s JOIN sale_lines l ON l.sale_id = s.id JOIN items i ON i.id = l.item_id
             WHERE s.org_id = ?1 AND s.point = ?2 AND s.date >= ?3 AND s.date <= ?4
             ORDER BY s.id, l.line_no",
        )?;
        let rows = st.query_map(
            params![org_id, point, from.to_string(), to.to_string()],
            |r| {
                Ok(DayLine {
                    kind: r.get(0)?,
                    sale_number: r.get(1)?,
                    method: method_of(&r.get::<_, String>(2)?),
                    item: r.get(3)?,
                    item_name: r.get(4)?,
                    qty: Qty::from_milli(r.get(5)?),
                    amount: Fcfa::new(r.get(6)?),
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Payments received at a sales point between two days: `(method, amount)`.
    pub fn period_payments(
        &self,
        org_id: i64,
        point: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(PayMethod, Fcfa)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT method, sum(amount) FROM payments
             WHERE org_id = ?1 AND point = ?2 AND date >= ?3 AND date <= ?4
             GROUP BY method ORDER BY method",
        )?;
        let rows = st.query_map(
            params![org_id, point, from.to_string(), to.to_string()],
            |r| Ok((method_of(&r.get::<_, String>(0)?), Fcfa::new(r.get(1)?))),
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Days with a sale, return or payment at a point that are not sealed,
    /// within dates.
    pub fn unsealed_days(
        &self,
        org_id: i64,
        point: Option<&str>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(String, NaiveDate)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT DISTINCT u.point, u.date FROM (
                 SELECT point, date FROM sales WHERE org_id = ?1
                 UNION SELECT point, date FROM payments WHERE org_id = ?1) u
             WHERE (?2 IS NULL OR u.point = ?2) AND u.date >= ?3 AND u.date <= ?4
               AND NOT EXISTS (SELECT 1 FROM day_closes d WHERE d.org_id = ?1 AND d.kind = 'day'
                               AND d.point = u.point AND d.period = u.date)
             ORDER BY u.date, u.point",
        )?;
        let rows = st.query_map(
            params![org_id, point, from.to_string(), to.to_string()],
            |r| Ok((r.get(0)?, date(&r.get::<_, String>(1)?)?)),
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The sales point of the organisation's latest sale or payment: the
    /// one whose entry was posted last. Entry ids grow with every commit,
    /// so two sales in the same second (or a clock set back) cannot tie.
    pub fn last_point(&self, org_id: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT point FROM (
                     SELECT point, entry_id FROM sales WHERE org_id = ?1
                     UNION ALL SELECT point, entry_id FROM payments WHERE org_id = ?1)
                 ORDER BY entry_id DESC LIMIT 1",
            )?
            .query_row([org_id], |r| r.get(0))
            .optional()?)
    }

    pub fn is_sealed(&self, org_id: i64, point: &str, day: NaiveDate) -> Result<bool> {
        let n: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM day_closes WHERE org_id = ?1 AND point = ?2 AND kind = 'day'
                 AND period = ?3",
            )?
            .query_row(params![org_id, point, day.to_string()], |r| r.get(0))?;
        Ok(n > 0)
    }

    pub fn day_closes(
        &self,
        org_id: i64,
        point: Option<&str>,
        kind: Option<&str>,
    ) -> Result<Vec<DayCloseRow>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT d.point, d.kind, d.period, d.sales_count, d.sales_total, d.returns_total,
                    d.cash_expected, d.cash_counted, d.difference, d.reason, d.detail, d.grand_total,
                    {ENTRY_NO} d.entry_id), d.closed_at, d.closed_by
             FROM day_closes d WHERE d.org_id = ?1 AND (?2 IS NULL OR d.point = ?2)
               AND (?3 IS NULL OR d.kind = ?3)
             ORDER BY d.period, d.kind, d.point"
        ))?;
        let rows = st.query_map(params![org_id, point, kind], |r| {
            Ok(DayCloseRow {
                point: r.get(0)?,
                kind: r.get(1)?,
                period: r.get(2)?,
                sales_count: r.get(3)?,
                sales_total: Fcfa::new(r.get(4)?),
                returns_total: Fcfa::new(r.get(5)?),
                cash_expected: Fcfa::new(r.get(6)?),
                cash_counted: Fcfa::new(r.get(7)?),
                difference: Fcfa::new(r.get(8)?),
                reason: r.get(9)?,
                detail: r.get(10)?,
                grand_total: Fcfa::new(r.get(11)?),
                entry: r.get(12)?,
                closed_at: r.get(13)?,
                closed_by: r.get(14)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The perpetual grand total of a sales point: its last day close's.
    pub fn grand_total(&self, org_id: i64, point: &str) -> Result<Fcfa> {
        let v: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT grand_total FROM day_closes WHERE org_id = ?1 AND point = ?2 AND kind = 'day'
                 ORDER BY period DESC LIMIT 1",
            )?
            .query_row(params![org_id, point], |r| r.get(0))
            .optional()?;
        Ok(Fcfa::new(v.unwrap_or(0)))
    }

    pub fn members(&self, org_id: i64) -> Result<Vec<MemberRow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT m.id, m.number, m.name, m.phone, m.joined,
                    (SELECT coalesce(sum(parts), 0) FROM member_parts p WHERE p.member_id = m.id),
                    (SELECT coalesce(sum(amount), 0) FROM member_parts p WHERE p.member_id = m.id)
             FROM coop_members m WHERE m.org_id = ?1 ORDER BY m.number",
        )?;
        let rows = st.query_map([org_id], |r| {
            Ok(MemberRow {
                id: r.get(0)?,
                number: r.get(1)?,
                name: r.get(2)?,
                phone: r.get(3)?,
                joined: date(&r.get::<_, String>(4)?)?,
                parts: r.get(5)?,
                capital: Fcfa::new(r.get(6)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Each member's paid-up capital on a date: `(member id, francs)`.
    pub fn capital_at(&self, org_id: i64, on: NaiveDate) -> Result<Vec<(i64, Fcfa)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT m.id, coalesce(sum(p.amount), 0) FROM coop_members m
             LEFT JOIN member_parts p ON p.member_id = m.id AND p.date <= ?2
             WHERE m.org_id = ?1 GROUP BY m.id ORDER BY m.number",
        )?;
        let rows = st.query_map(params![org_id, on.to_string()], |r| {
            Ok((r.get(0)?, Fcfa::new(r.get(1)?)))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Each member's dealings for a year: `(member id, francs)`.
    pub fn dealings(&self, org_id: i64, year: i32) -> Result<Vec<(i64, Fcfa)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT d.member_id, d.amount FROM member_dealings d
             JOIN coop_members m ON m.id = d.member_id WHERE m.org_id = ?1 AND d.year = ?2",
        )?;
        let rows = st.query_map(params![org_id, year], |r| {
            Ok((r.get(0)?, Fcfa::new(r.get(1)?)))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The recorded allocation of a year: `(detail JSON, entry number)`.
    pub fn allocation(&self, org_id: i64, year: i32) -> Result<Option<(String, String)>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT s.detail, {ENTRY_NO} s.entry_id) FROM surplus_allocations s
                 WHERE s.org_id = ?1 AND s.year = ?2"
            ))?
            .query_row(params![org_id, year], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }
}

impl WriteTx<'_> {
    /// The next number of a kind of document, gapless per organisation
    /// (a rolled-back transaction gives its number back).
    pub fn next_doc_number(&mut self, org_id: i64, kind: &str) -> Result<i64> {
        let n: i64 = self
            .tx
            .prepare_cached(
                "INSERT INTO doc_numbers (org_id, kind, last) VALUES (?1, ?2, 1)
                 ON CONFLICT (org_id, kind) DO UPDATE SET last = last + 1 RETURNING last",
            )?
            .query_row(params![org_id, kind], |r| r.get(0))?;
        Ok(n)
    }

    pub fn insert_item(&mut self, org_id: i64, i: &NewItemRow<'_>, now: &str) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO items (org_id, code, name, search_key, kind, unit, price, reorder,
                    stock_account, flow_account, variation_account, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?
            .execute(params![
                org_id,
                i.code,
                i.name,
                i.search_key,
                i.kind.code(),
                i.unit.code(),
                i.price.map(|p| p.francs()),
                i.reorder.milli(),
                i.stock_account,
                i.flow_account,
                i.variation_account,
                now
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn update_item_settings(
        &mut self,
        item_id: i64,
        name: &str,
        search_key: &str,
        price: Option<Fcfa>,
        reorder: Qty,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE items SET name = ?2, search_key = ?3, price = ?4, reorder = ?5 WHERE id = ?1",
            )?
            .execute(params![
                item_id,
                name,
                search_key,
                price.map(|p| p.francs()),
                reorder.milli()
            ])?;
        Ok(())
    }

    /// Writes a row of the stock ledger and the item's new level.
    pub fn insert_move(
        &mut self,
        org_id: i64,
        m: &NewMove<'_>,
        author: &str,
        now: &str,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO stock_moves (org_id, item_id, date, kind, qty, value, qty_after,
                    value_after, doc, reason, entry_id, recorded_at, author)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?
            .execute(params![
                org_id,
                m.item_id,
                m.date.to_string(),
                m.kind.code(),
                m.qty.milli(),
                m.value.francs(),
                m.after.qty.milli(),
                m.after.value.francs(),
                m.doc,
                m.reason,
                m.entry_id,
                now,
                author
            ])?;
        self.tx
            .prepare_cached("UPDATE items SET qty = ?2, value = ?3 WHERE id = ?1")?
            .execute(params![
                m.item_id,
                m.after.qty.milli(),
                m.after.value.francs()
            ])?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn insert_recipe(
        &mut self,
        org_id: i64,
        code: &str,
        name: &str,
        product_id: i64,
        yields: Qty,
        lines: &[(i64, Qty)],
        now: &str,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO recipes (org_id, code, name, product_id, yield, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![org_id, code, name, product_id, yields.milli(), now])?;
        let id = self.tx.last_insert_rowid();
        let mut ins = self.tx.prepare_cached(
            "INSERT INTO recipe_lines (recipe_id, line_no, item_id, qty) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (i, (item, q)) in lines.iter().enumerate() {
            ins.execute(params![id, i as i64 + 1, item, q.milli()])?;
        }
        Ok(id)
    }

    pub fn insert_stock_doc(
        &mut self,
        org_id: i64,
        d: &NewStockDoc<'_>,
        author: &str,
        now: &str,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO stock_docs (org_id, kind, number, date, party, reference, method,
                    recipe_id, batches, total, note, entry_id, idem_key, recorded_at, author)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            )?
            .execute(params![
                org_id,
                d.kind,
                d.number,
                d.date.to_string(),
                d.party,
                d.reference,
                d.method.map(|m| m.code()),
                d.recipe_id,
                d.batches.map(|b| b.milli()),
                d.total.francs(),
                d.note,
                d.entry_id,
                d.idem_key,
                now,
                author
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn insert_customer(
        &mut self,
        org_id: i64,
        code: &str,
        name: &str,
        search_key: &str,
        phone: &str,
        limit: Fcfa,
        now: &str,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO customers (org_id, code, name, search_key, phone, credit_limit, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![org_id, code, name, search_key, phone, limit.francs(), now])?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn update_customer(
        &mut self,
        id: i64,
        name: &str,
        search_key: &str,
        phone: &str,
        limit: Fcfa,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE customers SET name = ?2, search_key = ?3, phone = ?4, credit_limit = ?5
                 WHERE id = ?1",
            )?
            .execute(params![id, name, search_key, phone, limit.francs()])?;
        Ok(())
    }

    pub fn insert_sale(
        &mut self,
        org_id: i64,
        s: &NewSale<'_>,
        author: &str,
        now: &str,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO sales (org_id, kind, number, date, point, customer_id, method, total,
                    discount, cost, return_of, reason, entry_id, idem_key, recorded_at, author)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            )?
            .execute(params![
                org_id,
                s.kind,
                s.number,
                s.date.to_string(),
                s.point,
                s.customer_id,
                s.method.code(),
                s.total.francs(),
                s.discount.francs(),
                s.cost.francs(),
                s.return_of,
                s.reason,
                s.entry_id,
                s.idem_key,
                now,
                author
            ])?;
        let id = self.tx.last_insert_rowid();
        let mut ins = self.tx.prepare_cached(
            "INSERT INTO sale_lines (sale_id, line_no, item_id, qty, list_price, unit_price,
                price_reason, discount, amount, cost)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        for (i, l) in s.lines.iter().enumerate() {
            ins.execute(params![
                id,
                i as i64 + 1,
                l.item_id,
                l.qty.milli(),
                l.list_price.francs(),
                l.unit_price.francs(),
                l.price_reason,
                l.discount.francs(),
                l.amount.francs(),
                l.cost.francs()
            ])?;
        }
        Ok(id)
    }

    #[allow(clippy::too_many_arguments)]
    pub fn insert_payment(
        &mut self,
        org_id: i64,
        number: i64,
        date: NaiveDate,
        point: &str,
        customer_id: i64,
        method: PayMethod,
        amount: Fcfa,
        allocations: &[(i64, Fcfa)],
        entry_id: i64,
        idem_key: &str,
        author: &str,
        now: &str,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO payments (org_id, number, date, point, customer_id, method, amount,
                    entry_id, idem_key, recorded_at, author)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?
            .execute(params![
                org_id,
                number,
                date.to_string(),
                point,
                customer_id,
                method.code(),
                amount.francs(),
                entry_id,
                idem_key,
                now,
                author
            ])?;
        let id = self.tx.last_insert_rowid();
        let mut ins = self.tx.prepare_cached(
            "INSERT INTO payment_allocations (payment_id, sale_id, amount) VALUES (?1, ?2, ?3)",
        )?;
        for (sale_id, a) in allocations {
            ins.execute(params![id, sale_id, a.francs()])?;
        }
        Ok(())
    }

    pub fn insert_day_close(
        &mut self,
        org_id: i64,
        d: &NewDayClose<'_>,
        author: &str,
        now: &str,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO day_closes (org_id, point, kind, period, sales_count, sales_total,
                    returns_total, cash_expected, cash_counted, difference, reason, detail,
                    grand_total, entry_id, closed_at, closed_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            )?
            .execute(params![
                org_id,
                d.point,
                d.kind,
                d.period,
                d.sales_count,
                d.sales_total.francs(),
                d.returns_total.francs(),
                d.cash_expected.francs(),
                d.cash_counted.francs(),
                d.difference.francs(),
                d.reason,
                d.detail,
                d.grand_total.francs(),
                d.entry_id,
                now,
                author
            ])?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn insert_member(
        &mut self,
        org_id: i64,
        number: i64,
        name: &str,
        search_key: &str,
        phone: &str,
        joined: NaiveDate,
        now: &str,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO coop_members (org_id, number, name, search_key, phone, joined, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![org_id, number, name, search_key, phone, joined.to_string(), now])?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn insert_member_parts(
        &mut self,
        member_id: i64,
        date: NaiveDate,
        parts: i64,
        amount: Fcfa,
        entry_id: i64,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO member_parts (member_id, date, parts, amount, entry_id)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                member_id,
                date.to_string(),
                parts,
                amount.francs(),
                entry_id
            ])?;
        Ok(())
    }

    pub fn set_dealings(&mut self, member_id: i64, year: i32, amount: Fcfa) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO member_dealings (member_id, year, amount) VALUES (?1, ?2, ?3)
                 ON CONFLICT (member_id, year) DO UPDATE SET amount = excluded.amount",
            )?
            .execute(params![member_id, year, amount.francs()])?;
        Ok(())
    }

    pub fn insert_allocation(
        &mut self,
        org_id: i64,
        year: i32,
        detail: &str,
        entry_id: i64,
        author: &str,
        now: &str,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO surplus_allocations (org_id, year, detail, entry_id, created_at, author)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![org_id, year, detail, entry_id, now, author])?;
        Ok(())
    }
}
