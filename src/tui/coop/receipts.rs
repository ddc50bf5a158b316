//! The day's receipts (sales and returns): Enter shows a receipt as it
//! prints; `x` (or F8) takes goods back on the selected receipt.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::super::app::{App, Effect, Level};
use super::super::input::ListNav;
use super::super::keymap::Cmd;
use super::super::theme::Role;
use super::super::view::{fit, flex, header, loading, rfit, row_line};
use super::dialog::{After, Dialog};
use super::{
    CoopEffect, ReceiptUse, doc_ref, method_name, open_dialog, org_code, refuse_read_only,
    set_status,
};
use crate::i18n::{lang, tr};
use crate::store::SaleRow;
use crate::t;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReceiptsState {
    pub rows: Vec<SaleRow>,
    pub nav: ListNav,
    pub loaded: bool,
    pub date: Option<chrono::NaiveDate>,
}

fn selected(app: &App) -> Option<&SaleRow> {
    let r = &app.coop.receipts;
    r.rows.get(r.nav.cursor)
}

pub fn run(app: &mut App, cmd: Cmd) -> Option<Vec<Effect>> {
    match cmd {
        Cmd::SaleReturn => {
            let Some(s) = selected(app) else {
                return Some(vec![]);
            };
            if s.kind != "sale" {
                set_status(app, Level::Warn, tr("rcpt-return-of-return"));
                return Some(vec![]);
            }
            let n = s.number;
            Some(start_return(app, n))
        }
        _ => None,
    }
}

/// Loads a receipt to take goods back on it.
pub fn start_return(app: &mut App, number: i64) -> Vec<Effect> {
    if refuse_read_only(app) {
        return vec![];
    }
    let Some(org) = org_code(app) else {
        return vec![];
    };
    vec![Effect::Coop(CoopEffect::Receipt {
        org,
        kind: "sale".into(),
        number,
        then: ReceiptUse::Return,
    })]
}

/// Enter: the receipt as it prints.
pub fn open(app: &mut App) -> Vec<Effect> {
    let Some(org) = org_code(app) else {
        return vec![];
    };
    match selected(app) {
        Some(s) => vec![Effect::Coop(CoopEffect::Receipt {
            org,
            kind: s.kind.clone(),
            number: s.number,
            then: ReceiptUse::Show,
        })],
        None => vec![],
    }
}

/// A receipt arrived: shown, or a return dialog on it.
pub fn receipt_loaded(app: &mut App, sale: SaleRow, text: String, then: ReceiptUse) {
    let reference = doc_ref(&sale.kind, sale.number);
    match then {
        ReceiptUse::Show => {
            let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
            let after = if sale.kind == "sale" && super::can_post(app) {
                lines.push(String::new());
                lines.push(tr("rcpt-view-help-return"));
                After::Return {
                    number: sale.number,
                }
            } else {
                lines.push(String::new());
                lines.push(tr("rcpt-view-help"));
                After::Nothing
            };
            open_dialog(
                app,
                Dialog::info(t!("rcpt-title", receipt = reference), lines, after),
            );
        }
        ReceiptUse::Return => {
            let key = app.fresh_key();
            let d = Dialog::ret(app.today, key, &sale);
            open_dialog(app, d);
        }
    }
}

// ---- drawing -------------------------------------------------------------------

/// The day's receipts as a table: its head, and `height` rows from
/// `offset` (the selected one marked).
pub fn table(
    app: &App,
    w: usize,
    offset: usize,
    height: usize,
    cursor: Option<usize>,
) -> (Line<'static>, Vec<Line<'static>>) {
    let rc = &app.coop.receipts;
    let lg = lang();
    let (nw, tw, mw, aw, ew) = (10, 5, 13, 12, 11);
    let wide = w >= 100;
    let mut fixed = vec![nw, tw, mw, aw];
    if wide {
        fixed.push(ew);
    }
    let who_w = flex(w, &fixed);
    let mut head = format!(
        " {} {} {} {} {}",
        fit(&tr("rcpt-col-receipt"), nw),
        fit(&tr("rcpt-col-time"), tw),
        fit(&tr("rcpt-col-method"), mw),
        fit(&tr("rcpt-col-what"), who_w),
        rfit(&tr("rcpt-col-total"), aw),
    );
    if wide {
        head.push_str(&format!(" {}", fit(&tr("col-number"), ew)));
    }
    let mut lines = vec![];
    for (i, s) in rc.rows.iter().enumerate().skip(offset).take(height) {
        let time = chrono::DateTime::parse_from_rfc3339(&s.recorded_at)
            .map(|t| t.with_timezone(&chrono::Utc).format("%H:%M").to_string())
            .unwrap_or_default();
        let what = {
            let items: Vec<String> = s
                .lines
                .iter()
                .map(|l| format!("{} × {}", l.qty.format(lg), l.item_name))
                .collect();
            let mut t = match &s.customer_name {
                Some(n) => n.clone(),
                None => String::new(),
            };
            if s.kind == "return" {
                t = format!("↩ {} {}", tr("rcpt-return"), s.reason);
            }
            if !items.is_empty() {
                if !t.is_empty() {
                    t.push_str(" · ");
                }
                t.push_str(&items.join(", "));
            }
            t
        };
        let total = if s.kind == "return" {
            format!("-{}", s.total.format_grouped(lg))
        } else {
            s.total.format_grouped(lg)
        };
        let mut text = format!(
            "{} {} {} {} {}",
            fit(&doc_ref(&s.kind, s.number), nw),
            fit(&time, tw),
            fit(&method_name(s.method), mw),
            fit(&what, who_w),
            rfit(&total, aw),
        );
        if wide {
            text.push_str(&format!(" {}", fit(&s.entry, ew)));
        }
        lines.push(row_line(app, text, Some(i) == cursor));
    }
    (header(app, head), lines)
}

pub fn draw(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let rc = &app.coop.receipts;
    let lg = lang();
    let body = Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1));
    if !rc.loaded {
        f.render_widget(Paragraph::new(loading(app)), body);
        return;
    }
    let w = r.width as usize;
    let day = rc.date.unwrap_or(app.today);
    let sales: Vec<&SaleRow> = rc.rows.iter().filter(|s| s.kind == "sale").collect();
    let returns = rc.rows.len() - sales.len();
    let net: i64 = rc
        .rows
        .iter()
        .map(|s| {
            if s.kind == "sale" {
                s.total.francs()
            } else {
                -s.total.francs()
            }
        })
        .sum();
    let list = super::super::layout::list_area(app);
    let (head, rows) = table(
        app,
        w,
        rc.nav.offset,
        list.height as usize,
        Some(rc.nav.cursor),
    );
    let mut lines = vec![
        Line::styled(
            format!(
                " {}",
                t!(
                    "rcpt-summary",
                    date = crate::i18n::date(day, lg),
                    sales = sales.len() as i64,
                    returns = returns as i64,
                    net = crate::domain::money::Fcfa::new(net).format(lg)
                )
            ),
            th.style(Role::Key),
        ),
        head,
    ];
    lines.extend(rows);
    if rc.rows.is_empty() {
        lines.push(Line::styled(
            format!(" {}", tr("rcpt-empty")),
            th.style(Role::Muted),
        ));
    }
    f.render_widget(
        Paragraph::new(lines),
        Rect::new(body.x, body.y, body.width, body.height.saturating_sub(1)),
    );
    f.render_widget(
        Paragraph::new(format!(" {}", tr("rcpt-footer"))).style(th.style(Role::Muted)),
        Rect::new(r.x, r.y + r.height.saturating_sub(1), r.width, 1),
    );
}
