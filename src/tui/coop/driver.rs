//! Runs the cooperative's effects through the service layer (never SQL)
//! and brings back what the screens show. The only module of the
//! cooperative's screens that touches the ledger.

use std::path::Path;

use chrono::NaiveDate;

use super::{CoopDone, CoopEffect};
use crate::error::{Error, Result};
use crate::i18n;
use crate::service::receipt::receipt_text;
use crate::service::{Actor, Books};
use crate::tui::log;

fn who(actor: Option<&Actor>) -> Result<&Actor> {
    actor.ok_or(Error::LoginRequired)
}

pub fn run(
    books: &mut Books,
    actor: Option<&Actor>,
    effect: &CoopEffect,
    today: NaiveDate,
    _data: &Path,
) -> Result<CoopDone> {
    let lang = i18n::lang();
    Ok(match effect {
        CoopEffect::Items { org: code } => CoopDone::Items(books.items(&books.org(code)?)?),
        CoopEffect::Customers { org: code } => {
            CoopDone::Customers(books.customers(&books.org(code)?)?)
        }
        CoopEffect::Recipes { org: code } => CoopDone::Recipes(books.recipes(&books.org(code)?)?),
        CoopEffect::Moves { org: code, item } => CoopDone::Moves {
            item: item.clone(),
            rows: books.stock_moves(&books.org(code)?, Some(item), None, None)?,
        },
        CoopEffect::Runs { org: code } => {
            CoopDone::Runs(books.stock_docs(&books.org(code)?, Some("run"))?)
        }
        CoopEffect::DaySales { org: code, date } => {
            let o = books.org(code)?;
            // The list has no lines; each receipt is read with its own.
            let mut rows = Vec::new();
            for s in books.sales(&o, Some(*date), Some(*date))? {
                rows.push(books.receipt(&o, &s.kind, s.number).unwrap_or(s));
            }
            CoopDone::DaySales { date: *date, rows }
        }
        CoopEffect::Receipt {
            org: code,
            kind,
            number,
            then,
        } => {
            let o = books.org(code)?;
            let sale = books.receipt(&o, kind, *number)?;
            CoopDone::Receipt {
                text: receipt_text(&o, &sale, lang),
                sale,
                then: *then,
            }
        }
        CoopEffect::Aging { org: code, as_of } => {
            CoopDone::Aging(books.aging(&books.org(code)?, *as_of)?)
        }
        CoopEffect::DayClose {
            org: code,
            point,
            day,
        } => {
            let o = books.org(code)?;
            let summary = books.sales_summary(&o, point, &day.to_string())?;
            let unsealed = books.unsealed_days(&o, today)?;
            let closes = books.day_closes(&o, None, Some("day"))?;
            CoopDone::DayClose {
                summary,
                unsealed,
                closes,
            }
        }
        CoopEffect::CountPreview { org: code, counts } => {
            CoopDone::CountPreview(books.count_preview(&books.org(code)?, counts)?)
        }
        CoopEffect::AddItem { org: code, item } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            let row = books.add_item(a, &o, item.input())?;
            log::info(&format!("item added: {} in {code}", row.code));
            CoopDone::ItemAdded(row)
        }
        CoopEffect::Purchase {
            org: code,
            purchase,
        } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            let out = books.purchase(a, &o, purchase.input())?;
            log::info(&format!("purchase {} in {code}", out.reference()));
            CoopDone::Recorded(out)
        }
        CoopEffect::Adjust { org: code, adjust } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            let out = books.adjust(a, &o, adjust.input())?;
            log::info(&format!("adjustment {} in {code}", out.reference()));
            CoopDone::Recorded(out)
        }
        CoopEffect::Count {
            org: code,
            date,
            counts,
            note,
            key,
        } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            let out = books.count(a, &o, *date, counts, note, key)?;
            log::info(&format!("count {} in {code}", out.reference()));
            CoopDone::Recorded(out)
        }
        CoopEffect::Produce { org: code, run } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            let out = books.produce(a, &o, run.input())?;
            log::info(&format!("run {} in {code}", out.doc.reference()));
            CoopDone::Ran(out)
        }
        CoopEffect::Sell { org: code, sale } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            let out = books.sell(a, &o, sale.input())?;
            log::info(&format!("sale {} in {code}", out.reference()));
            let receipt = books
                .receipt(&o, "sale", out.number)
                .ok()
                .map(|s| receipt_text(&o, &s, lang));
            CoopDone::Sold {
                outcome: out,
                receipt,
            }
        }
        CoopEffect::Return { org: code, ret } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            let out = books.return_sale(a, &o, ret.input())?;
            log::info(&format!("return {} in {code}", out.reference()));
            CoopDone::Recorded(out)
        }
        CoopEffect::Pay { org: code, pay } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            let out = books.receive_payment(a, &o, pay.input())?;
            log::info(&format!("payment {} in {code}", out.reference()));
            CoopDone::Recorded(out)
        }
        CoopEffect::SaveCustomer {
            org: code,
            code: customer,
            name,
            phone,
            limit,
            new,
        } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            let row = if *new {
                books.add_customer(a, &o, customer, name, phone, *limit)?
            } else {
                books.save_customer(a, &o, customer, Some(name), Some(phone), Some(*limit))?
            };
            log::info(&format!("customer saved: {} in {code}", row.code));
            CoopDone::CustomerSaved(row)
        }
        CoopEffect::CloseDay {
            org: code,
            point,
            day,
            counted,
            reason,
        } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            let s = books.close_day(a, &o, point, *day, today, counted, reason)?;
            log::info(&format!("day closed: {point} {day} in {code}"));
            CoopDone::DayClosed(s)
        }
    })
}
