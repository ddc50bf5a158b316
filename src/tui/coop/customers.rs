//! Customers and what they owe: the list (credit limit, owed), the aged
//! list (`i`: 0–30, 31–60, 61–90, over 90 days, totals, and account 4111
//! against them); a payment (`y` or F8), a new customer (`n`), a change
//! (`m`).

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
use super::{CoopState, clamp, open_dialog, refuse_read_only};
use crate::domain::money::Fcfa;
use crate::i18n::{lang, tr};
use crate::store::CustomerRow;
use crate::t;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CustomersState {
    pub nav: ListNav,
    pub filter: ListFilter,
    /// The aged list instead of the customers.
    pub aging_view: bool,
    pub aging: Option<crate::service::coop::Aging>,
}

/// Indices of the customers the filter lets through.
pub fn visible(c: &CoopState) -> Vec<usize> {
    (0..c.customers.len())
        .filter(|&i| {
            let x = &c.customers[i];
            c.cust.filter.matches(&[&x.code, &x.name, &x.phone])
        })
        .collect()
}

/// Rows of the list on screen.
pub fn len(c: &CoopState) -> usize {
    if c.cust.aging_view {
        c.cust.aging.as_ref().map(|a| a.rows.len()).unwrap_or(0)
    } else {
        visible(c).len()
    }
}

fn selected(app: &App) -> Option<CustomerRow> {
    let c = &app.coop;
    if c.cust.aging_view {
        let code = &c.cust.aging.as_ref()?.rows.get(c.cust.nav.cursor)?.customer;
        return c.customer(code).cloned();
    }
    visible(c)
        .get(c.cust.nav.cursor)
        .map(|&i| c.customers[i].clone())
}

pub fn run(app: &mut App, cmd: Cmd) -> Option<Vec<Effect>> {
    match cmd {
        Cmd::Filter => {
            if !app.coop.cust.aging_view {
                app.coop.cust.filter.active = true;
            }
        }
        Cmd::AgingView => {
            app.coop.cust.aging_view = !app.coop.cust.aging_view;
            app.coop.cust.nav = ListNav::default();
            clamp(app);
        }
        Cmd::CustomerPay | Cmd::CustomerNew | Cmd::CustomerEdit => {
            if refuse_read_only(app) {
                return Some(vec![]);
            }
            let key = app.fresh_key();
            let sel = selected(app);
            let d = match cmd {
                Cmd::CustomerPay => Dialog::payment(app.today, key, sel.as_ref()),
                Cmd::CustomerNew => Dialog::customer(key, None),
                _ => match &sel {
                    Some(c) => Dialog::customer(key, Some(c)),
                    None => return Some(vec![]),
                },
            };
            open_dialog(app, d);
        }
        _ => return None,
    }
    Some(vec![])
}

/// Enter on a customer: her card, to change.
pub fn open(app: &mut App) -> Vec<Effect> {
    run(app, Cmd::CustomerEdit).unwrap_or_default()
}

// ---- drawing -------------------------------------------------------------------

pub fn draw(f: &mut Frame, app: &App, r: Rect) {
    if app.coop.cust.aging_view {
        draw_aging(f, app, r);
    } else {
        draw_list(f, app, r);
    }
}

fn draw_list(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let c = &app.coop;
    let lg = lang();
    let body = Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1));
    if !c.customers_loaded {
        f.render_widget(Paragraph::new(loading(app)), body);
        return;
    }
    let w = r.width as usize;
    let (cw, pw, lw, ow) = (16, 14, 13, 13);
    let wide = w >= 100;
    let mut fixed = vec![cw, lw, ow, 1];
    if wide {
        fixed.push(pw);
    }
    let name_w = flex(w, &fixed);
    let mut head = format!(
        " {} {} ",
        fit(&tr("cust-col-code"), cw),
        fit(&tr("cust-col-name"), name_w)
    );
    if wide {
        head.push_str(&format!("{} ", fit(&tr("cust-col-phone"), pw)));
    }
    head.push_str(&format!(
        "{} {}",
        rfit(&tr("cust-col-limit"), lw),
        rfit(&tr("cust-col-owed"), ow)
    ));
    let mut lines = vec![header(app, head)];
    let list = super::super::layout::list_area(app);
    let vis = visible(c);
    for (k, &i) in vis
        .iter()
        .enumerate()
        .skip(c.cust.nav.offset)
        .take(list.height as usize)
    {
        let x = &c.customers[i];
        let over = x.owed > x.credit_limit;
        let mut s = format!("{} {} ", fit(&x.code, cw), fit(&x.name, name_w));
        if wide {
            s.push_str(&format!("{} ", fit(&x.phone, pw)));
        }
        s.push_str(&format!(
            "{} {} {}",
            rfit(&x.credit_limit.format_grouped(lg), lw),
            rfit(
                &if x.owed.is_zero() {
                    String::new()
                } else {
                    x.owed.format_grouped(lg)
                },
                ow
            ),
            if over { "⚠" } else { " " }
        ));
        let line = row_line(app, s, k == c.cust.nav.cursor);
        lines.push(if over && k != c.cust.nav.cursor {
            line.style(th.style(Role::Warn))
        } else {
            line
        });
    }
    if c.customers.is_empty() {
        lines.push(Line::styled(
            format!(" {}", tr("cust-empty")),
            th.style(Role::Muted),
        ));
    }
    f.render_widget(
        Paragraph::new(lines),
        Rect::new(body.x, body.y, body.width, body.height.saturating_sub(1)),
    );
    let fr = Rect::new(r.x, r.y + r.height.saturating_sub(1), r.width, 1);
    let st = &c.cust;
    let footer = if st.filter.active || !st.filter.input.is_empty() {
        filter_line(th, &st.filter, vis.len(), c.customers.len())
    } else {
        let owed: i64 = c.customers.iter().map(|x| x.owed.francs()).sum();
        Line::styled(
            format!(
                " {}",
                t!(
                    "cust-footer",
                    count = c.customers.len() as i64,
                    owed = Fcfa::new(owed).format(lg)
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

fn draw_aging(f: &mut Frame, app: &App, r: Rect) {
    let c = &app.coop;
    draw_aging_table(
        f,
        app,
        c.cust.aging.as_ref(),
        c.cust.nav,
        r,
        tr("cust-aging-footer"),
    );
}

/// Customers by age of what they owe, and account 4111 against them (the
/// customers screen and the reports draw it), under a row of screens.
pub(crate) fn draw_aging_table(
    f: &mut Frame,
    app: &App,
    aging: Option<&crate::service::coop::Aging>,
    nav: ListNav,
    r: Rect,
    footer: String,
) {
    let th = app.theme;
    let lg = lang();
    let body = Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1));
    let Some(a) = aging else {
        f.render_widget(Paragraph::new(loading(app)), body);
        return;
    };
    let w = r.width as usize;
    let bw = if w >= 100 { 12 } else { 9 };
    let tw = if w >= 100 { 13 } else { 10 };
    let name_w = flex(w, &[bw, bw, bw, bw, tw]);
    let mut lines = vec![
        Line::styled(
            format!(
                " {}",
                t!("cust-aging-title", date = crate::i18n::date(a.as_of, lg))
            ),
            th.style(Role::Key),
        ),
        header(
            app,
            format!(
                " {} {} {} {} {} {}",
                fit(&tr("cust-col-name"), name_w),
                rfit(&tr("cust-col-0-30"), bw),
                rfit(&tr("cust-col-31-60"), bw),
                rfit(&tr("cust-col-61-90"), bw),
                rfit(&tr("cust-col-90"), bw),
                rfit(&tr("cust-col-total"), tw),
            ),
        ),
    ];
    let list = super::super::layout::list_area(app);
    let amt = |f: Fcfa| {
        if f.is_zero() {
            String::new()
        } else {
            f.format_grouped(lg)
        }
    };
    for (i, row) in a
        .rows
        .iter()
        .enumerate()
        .skip(nav.offset)
        .take(list.height as usize)
    {
        let s = format!(
            "{} {} {} {} {} {}",
            fit(&row.name, name_w),
            rfit(&amt(row.buckets[0]), bw),
            rfit(&amt(row.buckets[1]), bw),
            rfit(&amt(row.buckets[2]), bw),
            rfit(&amt(row.buckets[3]), bw),
            rfit(&row.total.format_grouped(lg), tw),
        );
        let late = !row.buckets[3].is_zero();
        let line = row_line(app, s, i == nav.cursor);
        lines.push(if late && i != nav.cursor {
            line.style(th.style(Role::Warn))
        } else {
            line
        });
    }
    if a.rows.is_empty() {
        lines.push(Line::styled(
            format!(" {}", tr("cust-aging-empty")),
            th.style(Role::Muted),
        ));
    }
    f.render_widget(
        Paragraph::new(lines),
        Rect::new(body.x, body.y, body.width, body.height.saturating_sub(3)),
    );
    // Totals, and account 4111 against them.
    let ok = a.ledger_balance == a.total;
    let totals = format!(
        " {} {} {} {} {} {}",
        fit(&tr("cust-total"), name_w),
        rfit(&amt(a.totals[0]), bw),
        rfit(&amt(a.totals[1]), bw),
        rfit(&amt(a.totals[2]), bw),
        rfit(&amt(a.totals[3]), bw),
        rfit(&a.total.format_grouped(lg), tw),
    );
    let check = if ok {
        format!(
            " ✓ {}",
            t!("cust-ledger-ok", amount = a.ledger_balance.format(lg))
        )
    } else {
        format!(
            " ✗ {}",
            t!(
                "cust-ledger-differs",
                amount = a.ledger_balance.format(lg),
                total = a.total.format(lg)
            )
        )
    };
    let y = r.y + r.height.saturating_sub(3);
    f.render_widget(
        Paragraph::new(vec![
            Line::styled(totals, th.style(Role::Title)),
            Line::styled(
                check,
                th.style(if ok { Role::Success } else { Role::Alert }),
            ),
            Line::styled(format!(" {footer}"), th.style(Role::Muted)),
        ]),
        Rect::new(r.x, y, r.width, 3),
    );
}
