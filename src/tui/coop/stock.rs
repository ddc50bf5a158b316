//! The stock screen: every item with its quantity, average cost, value and
//! reorder level (⚠ at or below it), a `/` filter, and an item's stock
//! ledger (Enter); purchases (`b`), adjustments (`m`), a physical count
//! (`i`) and new items (`n`) open their dialogs.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::super::app::{App, Effect, ListFilter};
use super::super::input::ListNav;
use super::super::keymap::Cmd;
use super::super::theme::Role;
use super::super::view::{filter_line, fit, flex, header, loading, rfit, row_line, set_cursor};
use super::dialog::Dialog;
use super::{CoopEffect, CoopState, move_doc, open_dialog, org_code, qty_unit, refuse_read_only};
use crate::domain::access::Action;
use crate::domain::coop::{AdjustReason, ItemKind, MoveKind, format_unit_cost};
use crate::domain::ledger::EntryNumber;
use crate::i18n::{lang, tr};
use crate::store::{ItemRow, MoveRow};
use crate::t;

/// An item's stock ledger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemLedger {
    pub item: ItemRow,
    pub rows: Vec<MoveRow>,
    pub nav: ListNav,
    pub loaded: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StockState {
    pub nav: ListNav,
    pub filter: ListFilter,
    pub ledger: Option<ItemLedger>,
}

/// Indices of the items the filter lets through.
pub fn visible(c: &CoopState) -> Vec<usize> {
    (0..c.items.len())
        .filter(|&i| {
            let it = &c.items[i];
            c.stock.filter.matches(&[&it.code, &it.name])
        })
        .collect()
}

fn selected(app: &App) -> Option<ItemRow> {
    let c = &app.coop;
    if let Some(l) = &c.stock.ledger {
        return Some(l.item.clone());
    }
    let vis = visible(c);
    vis.get(c.stock.nav.cursor).map(|&i| c.items[i].clone())
}

pub fn run(app: &mut App, cmd: Cmd) -> Option<Vec<Effect>> {
    match cmd {
        Cmd::Filter => {
            if app.coop.stock.ledger.is_none() {
                app.coop.stock.filter.active = true;
            }
        }
        Cmd::Refresh => return None,
        Cmd::Purchase | Cmd::Adjust | Cmd::StockCount => {
            if refuse_read_only(app) {
                return Some(vec![]);
            }
            let key = app.fresh_key();
            let d = match cmd {
                Cmd::Purchase => Dialog::purchase(app.today, key),
                Cmd::Adjust => {
                    let code = selected(app).map(|i| i.code).unwrap_or_default();
                    Dialog::adjust(app.today, key, &code)
                }
                _ => Dialog::count(app.today, key, &app.coop.items),
            };
            open_dialog(app, d);
        }
        Cmd::ItemNew => {
            if !app.can(Action::ManageAccounts) {
                super::set_status(app, super::super::app::Level::Error, tr("tui-read-only"));
                return Some(vec![]);
            }
            let key = app.fresh_key();
            let d = Dialog::new_item(key, &app.accounts.rows);
            open_dialog(app, d);
        }
        _ => return None,
    }
    Some(vec![])
}

/// Enter: an item's ledger; on a movement, its entry.
pub fn open(app: &mut App) -> Vec<Effect> {
    let Some(org) = org_code(app) else {
        return vec![];
    };
    if let Some(l) = &app.coop.stock.ledger {
        return match l
            .rows
            .get(l.nav.cursor)
            .and_then(|m| m.entry.as_deref())
            .and_then(EntryNumber::parse)
        {
            Some(number) => vec![Effect::Entry { org, number }],
            None => vec![],
        };
    }
    let Some(item) = selected(app) else {
        return vec![];
    };
    let code = item.code.clone();
    app.coop.stock.ledger = Some(ItemLedger {
        item,
        rows: vec![],
        nav: ListNav::default(),
        loaded: false,
    });
    vec![Effect::Coop(CoopEffect::Moves { org, item: code })]
}

fn move_kind(k: MoveKind) -> String {
    tr(&format!("coop-move-{}", k.code()))
}

// ---- drawing -------------------------------------------------------------------

pub fn draw(f: &mut Frame, app: &App, r: Rect) {
    if app.coop.stock.ledger.is_some() {
        draw_ledger(f, app, r);
    } else {
        draw_items(f, app, r);
    }
}

fn draw_items(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let c = &app.coop;
    let lg = lang();
    let body = Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1));
    if !c.items_loaded {
        f.render_widget(Paragraph::new(loading(app)), body);
        return;
    }
    let w = r.width as usize;
    let wide = w >= 100;
    let (cw, kw, qw, uw, vw, rw) = (14, 9, 11, 10, 12, 9);
    let mut fixed = vec![cw, qw, uw, vw, rw, 1];
    if wide {
        fixed.push(kw);
    }
    let name_w = flex(w, &fixed);
    let mut head = format!(
        " {} {} ",
        fit(&tr("stock-col-code"), cw),
        fit(&tr("stock-col-name"), name_w)
    );
    if wide {
        head.push_str(&format!("{} ", fit(&tr("stock-col-kind"), kw)));
    }
    head.push_str(&format!(
        "{} {} {} {} ",
        rfit(&tr("stock-col-qty"), qw),
        rfit(&tr("stock-col-unit-cost"), uw),
        rfit(&tr("stock-col-value"), vw),
        rfit(&tr("stock-col-reorder"), rw),
    ));
    let mut lines = vec![header(app, head)];
    let list = super::super::layout::list_area(app);
    let vis = visible(c);
    for (k, &i) in vis
        .iter()
        .enumerate()
        .skip(c.stock.nav.offset)
        .take(list.height as usize)
    {
        let it = &c.items[i];
        let mut s = format!("{} {} ", fit(&it.code, cw), fit(&it.name, name_w));
        if wide {
            s.push_str(&format!(
                "{} ",
                fit(&tr(&format!("coop-kind-{}", it.kind.code())), kw)
            ));
        }
        let cost = it
            .level()
            .unit_cost()
            .map(|u| format_unit_cost(u, lg))
            .unwrap_or_else(|| "—".into());
        let reorder = if it.reorder.is_zero() {
            String::new()
        } else {
            it.reorder.format(lg)
        };
        s.push_str(&format!(
            "{} {} {} {} {}",
            rfit(&qty_unit(it.qty, it.unit), qw),
            rfit(&cost, uw),
            rfit(&it.value.format_grouped(lg), vw),
            rfit(&reorder, rw),
            if it.is_low() { "⚠" } else { " " }
        ));
        let line = row_line(app, s, k == c.stock.nav.cursor);
        lines.push(if it.is_low() && k != c.stock.nav.cursor {
            line.style(th.style(Role::Warn))
        } else {
            line
        });
    }
    if c.items.is_empty() {
        lines.push(Line::styled(
            format!(" {}", tr("stock-empty")),
            th.style(Role::Muted),
        ));
    }
    f.render_widget(
        Paragraph::new(lines),
        Rect::new(body.x, body.y, body.width, body.height.saturating_sub(1)),
    );
    let fr = Rect::new(r.x, r.y + r.height.saturating_sub(1), r.width, 1);
    let st = &c.stock;
    let footer = if st.filter.active || !st.filter.input.is_empty() {
        filter_line(th, &st.filter, vis.len(), c.items.len())
    } else {
        let low = c.items.iter().filter(|i| i.is_low()).count();
        let value: i64 = c.items.iter().map(|i| i.value.francs()).sum();
        let products = c
            .items
            .iter()
            .filter(|i| i.kind == ItemKind::Product)
            .count();
        Line::styled(
            format!(
                " {}",
                t!(
                    "stock-footer",
                    count = c.items.len() as i64,
                    products = products as i64,
                    value = crate::domain::money::Fcfa::new(value).format(lg),
                    low = low as i64
                )
            ),
            th.style(Role::Muted),
        )
    };
    f.render_widget(Paragraph::new(footer), fr);
    if st.filter.active {
        set_cursor(
            f,
            Rect::new(fr.x + 3, fr.y, fr.width, 1),
            0,
            0,
            &st.filter.input,
        );
    }
}

fn draw_ledger(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let Some(l) = &app.coop.stock.ledger else {
        return;
    };
    let lg = lang();
    let body = Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1));
    let w = r.width as usize;
    let wide = w >= 100;
    let it = &l.item;
    let cost = it
        .level()
        .unit_cost()
        .map(|u| format_unit_cost(u, lg))
        .unwrap_or_else(|| "—".into());
    let title = t!(
        "stock-ledger-title",
        code = it.code.clone(),
        name = it.name.clone(),
        qty = qty_unit(it.qty, it.unit),
        value = it.value.format(lg),
        cost = cost
    );
    let (dw, kw, docw, qw, vw, ew) = (10, 11, 10, 9, 10, 11);
    let mut lines = vec![
        Line::styled(
            format!(" {}", fit(&title, w.saturating_sub(1)).trim_end()),
            th.style(Role::Key),
        ),
        header(app, {
            let mut s = format!(
                " {} {} {} {} {} {} {}",
                fit(&tr("col-date"), dw),
                fit(&tr("stock-col-move"), kw),
                fit(&tr("col-doc"), docw),
                rfit(&tr("stock-col-qty-move"), qw),
                rfit(&tr("stock-col-value-move"), vw),
                rfit(&tr("stock-col-qty-after"), qw),
                rfit(&tr("stock-col-value-after"), vw),
            );
            if wide {
                s.push_str(&format!(" {}", fit(&tr("col-number"), ew)));
                s.push_str(&format!(" {}", tr("stock-col-reason")));
            }
            s
        }),
    ];
    let list = super::super::layout::list_area(app);
    let signed = |v: i64, s: String| if v > 0 { format!("+{s}") } else { s };
    for (i, m) in l
        .rows
        .iter()
        .enumerate()
        .skip(l.nav.offset)
        .take(list.height as usize)
    {
        let mut s = format!(
            "{} {} {} {} {} {} {}",
            fit(&crate::i18n::date(m.date, lg), dw),
            fit(&move_kind(m.kind), kw),
            fit(&move_doc(&m.doc), docw),
            rfit(&signed(m.qty.milli(), m.qty.format(lg)), qw),
            rfit(&signed(m.value.francs(), m.value.format_grouped(lg)), vw),
            rfit(&m.qty_after.format(lg), qw),
            rfit(&m.value_after.format_grouped(lg), vw),
        );
        if wide {
            s.push_str(&format!(" {}", fit(m.entry.as_deref().unwrap_or("—"), ew)));
            // An adjustment's reason is a code; a return's, words.
            let reason = match AdjustReason::ALL.iter().find(|r| r.code() == m.reason) {
                Some(r) => tr(&format!("coop-reason-{}", r.code())),
                None => m.reason.clone(),
            };
            s.push_str(&format!(" {reason}"));
        }
        lines.push(row_line(app, s, i == l.nav.cursor));
    }
    if !l.loaded {
        lines.push(loading(app));
    } else if l.rows.is_empty() {
        lines.push(Line::styled(
            format!(" {}", tr("stock-ledger-empty")),
            th.style(Role::Muted),
        ));
    }
    f.render_widget(
        Paragraph::new(lines),
        Rect::new(body.x, body.y, body.width, body.height.saturating_sub(1)),
    );
    let footer = t!("stock-ledger-footer", count = l.rows.len() as i64);
    let fr = Rect::new(r.x, r.y + r.height.saturating_sub(1), r.width, 1);
    f.render_widget(
        Paragraph::new(format!(" {footer}")).style(th.style(Role::Muted)),
        fr,
    );
}
