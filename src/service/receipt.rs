//! The printable receipt of a sale or a return: plain text, 40 columns (a
//! small receipt printer or a phone screen), in the language asked for.
//! Used by `jatebo sale receipt` and by the interface's sales screen.

use crate::domain::Lang;
use crate::domain::coop::PayMethod;
use crate::domain::money::Fcfa;
use crate::i18n::tr_in;
use crate::store::{OrgRow, SaleRow};

/// Width of a receipt, in characters.
pub const RECEIPT_WIDTH: usize = 40;

/// The name of a way of paying, in `lang`.
pub fn method_label(m: PayMethod, lang: Lang) -> String {
    let tr = |key: &str| tr_in(lang, key);
    match m {
        PayMethod::Cash => tr("coop-method-cash"),
        PayMethod::Orange => tr("coop-method-orange"),
        PayMethod::Moov => tr("coop-method-moov"),
        PayMethod::Wave => tr("coop-method-wave"),
        PayMethod::Bank => tr("coop-method-bank"),
        PayMethod::Credit => tr("coop-method-credit"),
    }
}

fn width(s: &str) -> usize {
    s.chars().count()
}

/// `left` and `right` on one line of the receipt, right aligned.
fn spread(left: &str, right: &str) -> String {
    let room = RECEIPT_WIDTH
        .saturating_sub(width(left) + width(right))
        .max(1);
    format!("{left}{}{right}", " ".repeat(room))
}

fn centred(s: &str) -> String {
    let pad = RECEIPT_WIDTH.saturating_sub(width(s)) / 2;
    format!("{}{s}", " ".repeat(pad))
}

/// Cuts a long text into lines of the receipt's width, at spaces.
fn wrap(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        if !line.is_empty() && width(&line) + 1 + width(word) > RECEIPT_WIDTH {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}

/// The receipt of `sale` (a sale or a return) of `org`: the organisation,
/// the receipt number (`VTE-000012`), the date and sales point, each line
/// with quantity × price and its discount, the total, the way of paying,
/// the customer and the entry that recorded it.
pub fn receipt_text(org: &OrgRow, sale: &SaleRow, lang: Lang) -> String {
    let tr = |key: &str| tr_in(lang, key);
    let money = |v: Fcfa| v.format_grouped(lang);
    let rule = "-".repeat(RECEIPT_WIDTH);
    let mut out: Vec<String> = Vec::new();
    for l in wrap(&org.name) {
        out.push(centred(&l));
    }
    out.push(rule.clone());
    let reference = super::coop::doc_ref(&sale.kind, sale.number);
    let title = if sale.kind == "return" {
        tr("cli-receipt-return")
    } else {
        tr("cli-receipt-sale")
    };
    out.push(format!("{title} {reference}"));
    out.push(spread(
        &format!(
            "{} {}",
            tr("cli-receipt-date"),
            crate::i18n::date(sale.date, lang)
        ),
        &format!("{} {}", tr("cli-receipt-point"), sale.point),
    ));
    out.push(rule.clone());
    for l in &sale.lines {
        for w in wrap(&l.item_name) {
            out.push(w);
        }
        let qty_price = format!("  {} × {}", l.qty.format(lang), money(l.unit_price));
        let gross = Fcfa::new(l.amount.francs() + l.discount.francs());
        out.push(spread(&qty_price, &money(gross)));
        if l.unit_price != l.list_price {
            let mut note = format!("  {} {}", tr("cli-receipt-list-price"), money(l.list_price));
            if !l.price_reason.is_empty() {
                note.push_str(&format!(" — {}", l.price_reason));
            }
            out.extend(wrap(&note).into_iter().map(|s| format!("  {s}")));
        }
        if !l.discount.is_zero() {
            out.push(spread(
                &format!("  {}", tr("cli-receipt-discount")),
                &format!("-{}", money(l.discount)),
            ));
        }
    }
    out.push(rule.clone());
    out.push(spread(&tr("cli-receipt-total"), &sale.total.format(lang)));
    out.push(format!(
        "{} {}",
        tr("cli-receipt-method"),
        method_label(sale.method, lang)
    ));
    if let Some(code) = &sale.customer {
        let name = sale.customer_name.clone().unwrap_or_default();
        out.extend(wrap(&format!(
            "{} {name} ({code})",
            tr("cli-receipt-customer")
        )));
    }
    if sale.kind == "return" && !sale.reason.is_empty() {
        out.extend(wrap(&format!(
            "{} {}",
            tr("cli-receipt-reason"),
            sale.reason
        )));
    }
    out.push(format!("{} {}", tr("cli-receipt-entry"), sale.entry));
    out.push(format!("{} {}", tr("cli-receipt-by"), sale.author));
    out.push(rule);
    out.push(centred(&tr("cli-receipt-thanks")));
    let mut s = out.join("\n");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::coop::Qty;
    use crate::store::SaleLineRow;

    fn org() -> OrgRow {
        OrgRow {
            id: 1,
            code: "masques".into(),
            name: "Coopérative des couturières de Ségou".into(),
            kind: "coop".into(),
            template: "coop".into(),
            created_at: String::new(),
            closed_through: None,
            entries: 0,
            head_number: String::new(),
            head_hash: String::new(),
            genesis: String::new(),
        }
    }

    #[test]
    fn a_receipt_has_every_line_and_fits_the_width() {
        let sale = SaleRow {
            id: 1,
            kind: "sale".into(),
            number: 12,
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            point: "boutique".into(),
            customer: None,
            customer_name: None,
            method: PayMethod::Cash,
            total: Fcfa::new(4_080),
            discount: Fcfa::new(120),
            cost: Fcfa::ZERO,
            return_of: None,
            reason: String::new(),
            entry: "2026-000007".into(),
            recorded_at: String::new(),
            author: "awa".into(),
            lines: vec![
                SaleLineRow {
                    line_no: 1,
                    item: "adult".into(),
                    item_name: "Masque adulte".into(),
                    qty: Qty::units(3),
                    list_price: Fcfa::new(1_000),
                    unit_price: Fcfa::new(1_000),
                    price_reason: String::new(),
                    discount: Fcfa::ZERO,
                    amount: Fcfa::new(3_000),
                    cost: Fcfa::ZERO,
                },
                SaleLineRow {
                    line_no: 2,
                    item: "child".into(),
                    item_name: "Masque enfant".into(),
                    qty: Qty::units(2),
                    list_price: Fcfa::new(600),
                    unit_price: Fcfa::new(600),
                    price_reason: String::new(),
                    discount: Fcfa::new(120),
                    amount: Fcfa::new(1_080),
                    cost: Fcfa::ZERO,
                },
            ],
        };
        let text = receipt_text(&org(), &sale, Lang::Fr);
        assert!(text.contains("VTE-000012"), "{text}");
        assert!(text.contains("20/11/2026"), "{text}");
        assert!(text.contains("3 × 1 000"), "{text}");
        assert!(text.contains("-120"), "{text}");
        assert!(text.contains("4 080 F CFA"), "{text}");
        assert!(text.contains("2026-000007"), "{text}");
        for line in text.lines() {
            assert!(line.chars().count() <= RECEIPT_WIDTH, "too wide: {line:?}");
        }
        let en = receipt_text(&org(), &sale, Lang::En);
        assert!(en.contains("4,080 F CFA"), "{en}");
        assert!(en.contains("2026-11-20"), "{en}");
    }
}
