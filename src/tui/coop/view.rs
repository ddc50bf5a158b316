//! Drawing what the cooperative's screens share: their row of screens under
//! the main tabs, and their dialogs.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::app::App;
use super::super::keymap::{Chord, Scope};
use super::super::theme::Role;
use super::super::view::{err_line, field_text, fit, key_name, panel, rfit, set_cursor_w};
use super::dialog::{DKind, Dialog, FKind, Focus};
use super::{CoopTab, production, qty_unit};
use crate::domain::coop::{ItemKind, PayMethod, Qty};
use crate::domain::money::{self, Fcfa};
use crate::domain::text::fold;
use crate::i18n::{lang, tr};
use crate::t;

/// The key shown for a screen of the row: its letter, or (while a field has
/// the keyboard) the key that works then.
fn tab_key(app: &App, tab: CoopTab, typing: bool) -> Option<Chord> {
    let mut keys: Vec<Chord> = app.keymap.keys_for(&[Scope::Coop], tab.cmd());
    keys.extend(app.keymap.keys_for(&[Scope::Global], tab.cmd()));
    keys.iter()
        .find(|k| {
            if typing {
                !k.types_text() && !matches!(k.code, crossterm::event::KeyCode::F(_))
            } else {
                k.types_text()
            }
        })
        .or(keys.first())
        .copied()
}

/// Message lines as they wrap in `width` columns.
pub(crate) fn wrapped_height(lines: &[Line], width: usize) -> usize {
    lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(width.max(1)))
        .sum()
}

pub fn draw(f: &mut Frame, app: &App, tab: CoopTab, r: Rect) {
    let th = app.theme;
    // The row of the cooperative's screens. While a field has the keyboard
    // the letters type, and Alt+letter moves: said once, at the start.
    let typing = app.typing_without_popup();
    let keys: Vec<Option<Chord>> = CoopTab::ALL
        .iter()
        .map(|t| tab_key(app, *t, typing))
        .collect();
    let all_alt = typing
        && keys.iter().all(|k| {
            k.is_some_and(|k| {
                k.mods == crossterm::event::KeyModifiers::ALT
                    && matches!(k.code, crossterm::event::KeyCode::Char(_))
            })
        });
    let mut spans = vec![];
    if all_alt {
        spans.push(Span::styled(" Alt+", th.style(Role::Key)));
    }
    for (t, k) in CoopTab::ALL.into_iter().zip(keys) {
        let on = t == tab;
        let key = match (k, all_alt) {
            (
                Some(Chord {
                    code: crossterm::event::KeyCode::Char(c),
                    ..
                }),
                true,
            ) => c.to_string(),
            (Some(k), _) => key_name(&k),
            (None, _) => String::new(),
        };
        let label = format!(" {key} {} ", tr(t.title_key()));
        spans.push(Span::styled(
            label,
            if on {
                th.style(Role::Selected)
            } else {
                th.style(Role::Muted)
            },
        ));
    }
    f.render_widget(
        Paragraph::new(Line::from(spans)),
        Rect::new(r.x, r.y, r.width, 1.min(r.height)),
    );
    match tab {
        CoopTab::Sales => super::sales::draw(f, app, r),
        CoopTab::Receipts => super::receipts::draw(f, app, r),
        CoopTab::Customers => super::customers::draw(f, app, r),
        CoopTab::DayClose => super::dayclose::draw(f, app, r),
        CoopTab::Stock => super::stock::draw(f, app, r),
        CoopTab::Production => super::production::draw(f, app, r),
    }
}

/// Label column width in dialogs.
const LABEL_W: usize = 22;

pub fn draw_dialog(f: &mut Frame, app: &App, d: &Dialog) {
    let th = app.theme;
    let lg = lang();
    let (sw, sh) = app.size;
    if d.is_message() {
        let widest = d.lines.iter().map(|l| l.width()).max().unwrap_or(0);
        let width = ((widest + 6) as u16).clamp(48, 76).min(sw);
        let room = sh.saturating_sub(4) as usize;
        let inner = room.saturating_sub(3);
        let mut lines: Vec<Line> = vec![Line::from("")];
        let shown: Vec<&String> = d.lines.iter().skip(d.scroll).take(inner.max(1)).collect();
        for l in &shown {
            let role = if l.starts_with('✓') {
                Role::Success
            } else if l.starts_with('✗') {
                Role::Alert
            } else {
                Role::Normal
            };
            lines.push(Line::styled(l.to_string(), th.style(role)));
        }
        if d.scroll + shown.len() < d.lines.len() {
            lines.push(Line::styled("…", th.style(Role::Muted)));
        }
        if let Some(e) = &d.error {
            lines.push(err_line(app, e));
        }
        let h = (wrapped_height(&lines, width as usize - 4) as u16 + 2).min(sh.saturating_sub(2));
        let r = panel(f, app, &d.title, width, h);
        f.render_widget(
            Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
            r,
        );
        return;
    }
    let width: u16 = if d.grid.is_some() {
        (sw.saturating_sub(4)).min(100)
    } else {
        76.min(sw)
    };
    let inner_w = width.saturating_sub(4) as usize;
    let focus_style = |on: bool| {
        if on {
            th.style(Role::InputFocus)
        } else {
            th.style(Role::Input)
        }
    };
    let field_w = inner_w.saturating_sub(LABEL_W + 2).min(44);
    let mut lines: Vec<Line> = vec![];
    let mut cursor = None;
    let mut picker_at = None;
    for (i, fld) in d.fields.iter().enumerate() {
        let on = d.focus == Focus::Field(i);
        let marker = if on { "▸ " } else { "  " };
        let label = fit(&tr(fld.label), LABEL_W);
        // A note after the field shortens it (down to 16 columns).
        let note = field_note(app, d, i);
        let room = inner_w.saturating_sub(LABEL_W + 2);
        let field_w = match &note {
            Some(n) => room.saturating_sub(n.width() + 2).clamp(16, field_w),
            None => field_w,
        };
        let note_w = room.saturating_sub(field_w + 2);
        let value = match &fld.kind {
            FKind::Choice(c) => {
                let text = if c.is_empty() {
                    tr("dlg-none")
                } else {
                    format!("◂ {} ▸", fld.label_of_choice())
                };
                Span::styled(fit(&text, field_w), focus_style(on))
            }
            FKind::Fixed => Span::raw(fld.input.value.clone()),
            _ => {
                if on {
                    cursor = Some((
                        lines.len() as u16,
                        (2 + LABEL_W) as u16,
                        &fld.input,
                        field_w,
                    ));
                    if matches!(fld.kind, FKind::Pick(_)) {
                        picker_at = Some((lines.len() as u16 + 1, (2 + LABEL_W) as u16));
                    }
                }
                Span::styled(field_text(&fld.input, field_w, on), focus_style(on))
            }
        };
        let mut spans = vec![
            Span::styled(marker, th.style(Role::Key)),
            Span::raw(label),
            value,
        ];
        if let Some(extra) = note {
            spans.push(Span::styled(
                format!("  {}", fit(&extra, note_w).trim_end()),
                th.style(Role::Muted),
            ));
        }
        lines.push(Line::from(spans));
    }
    // The lines of a document.
    let mut grid_top = 0;
    if let Some(g) = &d.grid {
        if !d.fields.is_empty() {
            lines.push(Line::from(""));
        }
        let typed_w: usize = g.cols.iter().map(|(_, w)| w + 1).sum();
        let fixed_info: usize = g.info_cols.iter().map(|(_, w, _)| w + 1).sum();
        let has_flex_info = g.info_cols.iter().any(|(_, w, _)| *w == 0);
        let preview = match &d.kind {
            DKind::Count {
                preview: Some(p), ..
            } => Some(p),
            _ => None,
        };
        let extra_w = if preview.is_some() { 21 } else { 0 };
        let flex_w = inner_w
            .saturating_sub(4 + typed_w + fixed_info + extra_w)
            .max(8);
        let flex_typed = if has_flex_info { 0 } else { flex_w };
        let widths = |w: usize| if w == 0 { flex_w } else { w };
        let mut head = String::from("    ");
        for (l, w, right) in &g.info_cols {
            let w = widths(*w);
            head.push_str(&if *right {
                rfit(&tr(l), w)
            } else {
                fit(&tr(l), w)
            });
            head.push(' ');
        }
        for (l, w) in &g.cols {
            let w = if *w == 0 { flex_typed } else { *w };
            head.push_str(&fit(&tr(l), w));
            head.push(' ');
        }
        if preview.is_some() {
            head.push_str(&rfit(&tr("dlg-col-difference"), 10));
            head.push_str(&rfit(&tr("dlg-col-value"), 10));
        }
        lines.push(Line::styled(head, th.style(Role::Title)));
        grid_top = lines.len();
        // Rows that fit: the panel less the fields, the head and the notes.
        let room = (sh as usize).saturating_sub(lines.len() + 12).max(3);
        let focus_row = match d.focus {
            Focus::Cell(r, _) => r,
            _ => 0,
        };
        let start = (focus_row + 1).saturating_sub(room);
        for (ri, row) in g.rows.iter().enumerate().skip(start).take(room) {
            let mut spans = vec![Span::styled(
                format!("{} ", rfit(&(ri + 1).to_string(), 3)),
                th.style(Role::Muted),
            )];
            let mut x = 4usize;
            for (k, (_, w, right)) in g.info_cols.iter().enumerate() {
                let w = widths(*w);
                let v = row.info.get(k).cloned().unwrap_or_default();
                spans.push(Span::raw(format!(
                    "{} ",
                    if *right { rfit(&v, w) } else { fit(&v, w) }
                )));
                x += w + 1;
            }
            for (c, (_, w)) in g.cols.iter().enumerate() {
                let w = if *w == 0 { flex_typed } else { *w };
                let on = d.focus == Focus::Cell(ri, c);
                let cell = &row.cells[c];
                if on {
                    cursor = Some((lines.len() as u16, x as u16, &cell.input, w));
                    if matches!(cell.kind, FKind::Pick(_)) {
                        picker_at = Some((lines.len() as u16 + 1, x as u16));
                    }
                }
                spans.push(Span::styled(
                    field_text(&cell.input, w, on),
                    focus_style(on),
                ));
                spans.push(Span::raw(" "));
                x += w + 1;
            }
            if let Some(p) = preview
                && let Some(pl) = p.iter().find(|pl| pl.item == row.key)
            {
                let role = if pl.difference.is_zero() {
                    Role::Normal
                } else {
                    Role::Warn
                };
                let sign = |n: i64, s: String| if n > 0 { format!("+{s}") } else { s };
                spans.push(Span::styled(
                    rfit(&sign(pl.difference.milli(), pl.difference.format(lg)), 10),
                    th.style(role),
                ));
                spans.push(Span::styled(
                    rfit(&sign(pl.value.francs(), pl.value.format_grouped(lg)), 10),
                    th.style(role),
                ));
            }
            lines.push(Line::from(spans));
        }
        if start + room < g.rows.len() {
            lines.push(Line::styled(
                format!(
                    "    … {}",
                    t!(
                        "form-more-lines",
                        count = (g.rows.len() - start - room) as i64
                    )
                ),
                th.style(Role::Muted),
            ));
        }
    }
    let _ = grid_top;
    lines.push(Line::from(""));
    for (text, role) in notes(app, d) {
        lines.push(Line::styled(format!(" {text}"), th.style(role)));
    }
    if let Some(e) = &d.error {
        lines.push(err_line(app, e));
    } else if d.pending {
        lines.push(Line::styled(
            format!(" {}", tr("tui-loading")),
            th.style(Role::Muted),
        ));
    }
    lines.push(Line::styled(
        format!(
            " {}",
            match &d.grid {
                Some(g) if g.growable => tr("dlg-help-lines"),
                Some(_) => tr("dlg-help-grid"),
                None => tr("dlg-help"),
            }
        ),
        th.style(Role::Muted),
    ));
    let h = (wrapped_height(&lines, inner_w) as u16 + 2).min(sh.saturating_sub(2));
    let r = panel(f, app, &d.title, width, h);
    f.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
        r,
    );
    let sugg = d.suggestions(app);
    if let Some((row, x)) = picker_at
        && !sugg.is_empty()
    {
        let pick = d.focused().map(|f| f.pick).unwrap_or(0);
        super::sales::draw_picker(f, app, r, row, x, &sugg, pick);
    }
    if let Some((row, x, inp, w)) = cursor {
        set_cursor_w(f, r, row, x, inp, w);
    }
}

/// A short note after a field: the unit of the item chosen, what a
/// customer owes.
fn field_note(app: &App, d: &Dialog, i: usize) -> Option<String> {
    let fld = &d.fields[i];
    match (&d.kind, &fld.kind) {
        (_, FKind::Pick(src)) => {
            let code = fold(fld.input.value.trim());
            match src {
                super::dialog::Source::Customers => app.coop.customer(&code).map(|c| {
                    if c.owed.is_positive() {
                        t!("cust-owes", amount = c.owed.format(lang()))
                    } else {
                        c.name.clone()
                    }
                }),
                _ => app
                    .coop
                    .item(&code)
                    .map(|it| format!("{} · {}", it.name, qty_unit(it.qty, it.unit))),
            }
        }
        (DKind::Adjust, _) if fld.label == "dlg-unit-cost" => Some(tr("dlg-unit-cost-hint")),
        (DKind::Payment, _) if fld.label == "dlg-invoice" => Some(tr("dlg-invoice-hint")),
        (DKind::Run, _) if fld.label == "dlg-batches" => {
            let r = app
                .coop
                .recipes
                .iter()
                .find(|r| r.code == d.fields[0].code())?;
            let unit = app.coop.item(&r.product).map(|i| i.unit)?;
            Some(t!("dlg-batch-yields", qty = qty_unit(r.yields, unit)))
        }
        _ => None,
    }
}

/// What a dialog shows under its fields: a purchase's total, what a run
/// will consume, a count's preview.
fn notes(app: &App, d: &Dialog) -> Vec<(String, Role)> {
    let lg = lang();
    let mut v = vec![];
    match &d.kind {
        DKind::Purchase => {
            let total: i64 = d
                .grid
                .iter()
                .flat_map(|g| &g.rows)
                .filter_map(|r| money::parse_positive(&r.cells[2].input.value).ok())
                .map(|a| a.francs())
                .sum();
            let method = PayMethod::from_code(d.fields[2].code()).unwrap_or(PayMethod::Cash);
            v.push((
                t!(
                    "dlg-purchase-total",
                    amount = Fcfa::new(total).format(lg),
                    account = method.purchase_account().to_string()
                ),
                Role::Key,
            ));
        }
        DKind::Run => {
            let Some(r) = app
                .coop
                .recipes
                .iter()
                .find(|r| r.code == d.fields[0].code())
            else {
                return v;
            };
            let batches = Qty::parse(&d.fields[1].input.value, crate::domain::coop::Unit::Kg);
            let Ok(b) = batches else {
                v.push((tr("dlg-batches-unreadable"), Role::Alert));
                return v;
            };
            let unit = app
                .coop
                .item(&r.product)
                .map(|i| i.unit)
                .unwrap_or(crate::domain::coop::Unit::Piece);
            let product = app
                .coop
                .item(&r.product)
                .map(|i| i.name.clone())
                .unwrap_or(r.product.clone());
            let made = r.yields.times(b).unwrap_or(r.yields);
            v.push((
                t!(
                    "prod-will-make",
                    qty = qty_unit(made, unit),
                    product = product
                ),
                Role::Key,
            ));
            v.push((
                format!(
                    "{} {} {}",
                    fit(&tr("prod-col-material"), 30),
                    rfit(&tr("prod-col-needed"), 12),
                    rfit(&tr("prod-col-in-stock"), 12)
                ),
                Role::Title,
            ));
            let mut short = false;
            for (name, need, have, ok) in production::needs(app, r, b) {
                short |= !ok;
                v.push((
                    format!(
                        "{} {} {} {}",
                        fit(&name, 30),
                        rfit(&need, 12),
                        rfit(&have, 12),
                        if ok { "✓" } else { "✗" }
                    ),
                    if ok { Role::Normal } else { Role::Alert },
                ));
            }
            if short {
                v.push((format!("⚠ {}", tr("prod-short")), Role::Warn));
            }
        }
        DKind::Count { preview, .. } => match preview {
            Some(p) => {
                let moved: i64 = p.iter().map(|l| l.value.francs()).sum();
                let n = p.iter().filter(|l| !l.difference.is_zero()).count();
                v.push((
                    t!(
                        "dlg-count-preview",
                        count = n as i64,
                        value = Fcfa::new(moved).format(lg)
                    ),
                    if n == 0 { Role::Success } else { Role::Warn },
                ));
                v.push((tr("dlg-count-confirm"), Role::Key));
            }
            None => v.push((tr("dlg-count-hint"), Role::Muted)),
        },
        DKind::Return { .. } => v.push((tr("dlg-return-hint"), Role::Muted)),
        DKind::NewItem => {
            let product = d.fields[2].code() == ItemKind::Product.code();
            v.push((
                if product {
                    tr("dlg-item-product-hint")
                } else {
                    tr("dlg-item-material-hint")
                },
                Role::Muted,
            ));
        }
        _ => {}
    }
    v
}
