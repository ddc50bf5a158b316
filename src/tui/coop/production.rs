//! The production screen: past runs, and a new run (`n` or F8) — a recipe,
//! a number of batches, what it will consume against what is in stock;
//! recorded, it says the run's number, the quantity made, its cost and its
//! unit cost.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::super::app::{App, Effect, Level};
use super::super::input::ListNav;
use super::super::keymap::Cmd;
use super::super::theme::Role;
use super::super::view::{fit, flex, header, loading, rfit, row_line};
use super::dialog::Dialog;
use super::{doc_ref, open_dialog, org_code, qty_unit, refuse_read_only, set_status};
use crate::domain::coop::{Qty, format_unit_cost};
use crate::domain::ledger::EntryNumber;
use crate::i18n::{lang, tr};
use crate::service::coop::RunOutcome;
use crate::store::{RecipeRow, StockDocRow};
use crate::t;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProductionState {
    pub runs: Vec<StockDocRow>,
    pub nav: ListNav,
    pub loaded: bool,
}

pub fn run(app: &mut App, cmd: Cmd) -> Option<Vec<Effect>> {
    match cmd {
        Cmd::RunNew => {
            if refuse_read_only(app) {
                return Some(vec![]);
            }
            if app.coop.recipes.is_empty() {
                set_status(app, Level::Warn, tr("prod-no-recipe"));
                return Some(vec![]);
            }
            let key = app.fresh_key();
            let d = Dialog::run(app.today, key, &app.coop.recipes);
            open_dialog(app, d);
            Some(vec![])
        }
        _ => None,
    }
}

/// Enter on a run: its entry.
pub fn open(app: &mut App) -> Vec<Effect> {
    let Some(org) = org_code(app) else {
        return vec![];
    };
    let p = &app.coop.production;
    match p
        .runs
        .get(p.nav.cursor)
        .and_then(|r| r.entry.as_deref())
        .and_then(EntryNumber::parse)
    {
        Some(number) => vec![Effect::Entry { org, number }],
        None => vec![],
    }
}

/// The recipe a run used (the document keeps its code).
fn recipe_of<'a>(app: &'a App, code: Option<&str>) -> Option<&'a RecipeRow> {
    let code = code?;
    app.coop.recipes.iter().find(|r| r.code == code)
}

/// What a recorded run says.
pub fn ran_lines(app: &App, out: &RunOutcome) -> Vec<String> {
    let lg = lang();
    let reference = out.doc.reference();
    let entry = out.doc.entry.clone().unwrap_or_else(|| "—".into());
    let (name, unit) = app
        .coop
        .item(&out.product)
        .map(|i| (i.name.clone(), i.unit))
        .unwrap_or((out.product.clone(), crate::domain::coop::Unit::Piece));
    let mut v = vec![
        format!("✓ {}", t!("prod-done", run = reference, entry = entry)),
        t!(
            "prod-done-made",
            qty = qty_unit(out.produced, unit),
            product = name,
            cost = out.cost.format(lg)
        ),
    ];
    if let Some(u) = out.unit_cost {
        v.push(t!("prod-done-unit-cost", cost = format_unit_cost(u, lg)));
    }
    v.push(tr("prod-done-consumed"));
    for (code, q, c) in &out.consumed {
        let (n, u) = app
            .coop
            .item(code)
            .map(|i| (i.name.clone(), i.unit))
            .unwrap_or((code.clone(), crate::domain::coop::Unit::Piece));
        v.push(format!(
            "  {} {} {}",
            fit(&n, 28),
            rfit(&qty_unit(*q, u), 12),
            rfit(&c.format(lg), 16)
        ));
    }
    v.push(String::new());
    v.push(tr("notice-help"));
    v
}

/// What a run of `batches` of `recipe` will consume, against the stock:
/// (material, needed, in stock, enough).
pub fn needs(app: &App, recipe: &RecipeRow, batches: Qty) -> Vec<(String, String, String, bool)> {
    recipe
        .lines
        .iter()
        .map(|(code, per)| {
            let need = per.times(batches).unwrap_or(*per);
            match app.coop.item(code) {
                Some(i) => (
                    i.name.clone(),
                    qty_unit(need, i.unit),
                    qty_unit(i.qty, i.unit),
                    need <= i.qty,
                ),
                None => (code.clone(), need.format(lang()), "—".into(), false),
            }
        })
        .collect()
}

// ---- drawing -------------------------------------------------------------------

pub fn draw(f: &mut Frame, app: &App, r: Rect) {
    let th = app.theme;
    let p = &app.coop.production;
    let lg = lang();
    let body = Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1));
    if !p.loaded {
        f.render_widget(Paragraph::new(loading(app)), body);
        return;
    }
    let w = r.width as usize;
    let (dw, nw, bw, qw, cw, uw, ew) = (10, 10, 8, 12, 12, 10, 11);
    let wide = w >= 100;
    let mut fixed = vec![dw, nw, bw, qw, cw];
    if wide {
        fixed.extend([uw, ew]);
    }
    let recipe_w = flex(w, &fixed);
    let mut head = format!(
        " {} {} {} {} {} {}",
        fit(&tr("col-date"), dw),
        fit(&tr("col-doc"), nw),
        fit(&tr("prod-col-recipe"), recipe_w),
        rfit(&tr("prod-col-batches"), bw),
        rfit(&tr("prod-col-made"), qw),
        rfit(&tr("prod-col-cost"), cw),
    );
    if wide {
        head.push_str(&format!(
            " {} {}",
            rfit(&tr("prod-col-unit-cost"), uw),
            fit(&tr("col-number"), ew)
        ));
    }
    let mut lines = vec![header(app, head)];
    let list = super::super::layout::list_area(app);
    for (i, d) in p
        .runs
        .iter()
        .enumerate()
        .skip(p.nav.offset)
        .take(list.height as usize)
    {
        let recipe = recipe_of(app, d.recipe.as_deref());
        let batches = d.batches.unwrap_or(Qty::units(1));
        let (name, made) = match recipe {
            Some(rc) => {
                let made = rc.yields.times(batches).unwrap_or(rc.yields);
                let unit = app
                    .coop
                    .item(&rc.product)
                    .map(|i| i.unit)
                    .unwrap_or(crate::domain::coop::Unit::Piece);
                (rc.name.clone(), Some((made, unit)))
            }
            None => (d.recipe.clone().unwrap_or_default(), None),
        };
        let made_text = made
            .map(|(q, u)| qty_unit(q, u))
            .unwrap_or_else(|| "—".into());
        let mut s = format!(
            "{} {} {} {} {} {}",
            fit(&crate::i18n::date(d.date, lg), dw),
            fit(&doc_ref("run", d.number), nw),
            fit(&name, recipe_w),
            rfit(&batches.format(lg), bw),
            rfit(&made_text, qw),
            rfit(&d.total.format_grouped(lg), cw),
        );
        if wide {
            let unit_cost = made
                .and_then(|(q, _)| {
                    crate::domain::coop::StockLevel {
                        qty: q,
                        value: d.total,
                    }
                    .unit_cost()
                })
                .map(|u| format_unit_cost(u, lg))
                .unwrap_or_else(|| "—".into());
            s.push_str(&format!(
                " {} {}",
                rfit(&unit_cost, uw),
                fit(d.entry.as_deref().unwrap_or("—"), ew)
            ));
        }
        lines.push(row_line(app, s, i == p.nav.cursor));
    }
    if p.runs.is_empty() {
        lines.push(Line::styled(
            format!(" {}", tr("prod-empty")),
            th.style(Role::Muted),
        ));
    }
    f.render_widget(
        Paragraph::new(lines),
        Rect::new(body.x, body.y, body.width, body.height.saturating_sub(1)),
    );
    let recipes: Vec<String> = app.coop.recipes.iter().map(|r| r.code.clone()).collect();
    let footer = if recipes.is_empty() {
        tr("prod-no-recipe")
    } else {
        t!(
            "prod-footer",
            count = p.runs.len() as i64,
            recipes = recipes.join(", ")
        )
    };
    f.render_widget(
        Paragraph::new(format!(" {}", fit(&footer, w.saturating_sub(2))))
            .style(th.style(Role::Muted)),
        Rect::new(r.x, r.y + r.height.saturating_sub(1), r.width, 1),
    );
}
