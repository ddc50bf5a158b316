//! Drawing what a savings group's screens share: their row of screens under
//! the main tabs, and their dialogs (the closing code big and clear).

use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::super::app::App;
use super::super::keymap::{Chord, Scope};
use super::super::theme::Role;
use super::super::view::{err_line, field_text, fit, key_name, panel, set_cursor_w};
use super::SgTab;
use super::dialog::{DKind, Dialog, FKind};
use crate::i18n::tr;

/// The key shown for a screen of the row: its letter, or (while a field has
/// the keyboard) the key that works then.
fn tab_key(app: &App, tab: SgTab, typing: bool) -> Option<Chord> {
    let mut keys: Vec<Chord> = app.keymap.keys_for(&[Scope::Group], tab.cmd());
    keys.extend(app.keymap.keys_for(&[Scope::Global], tab.cmd()));
    keys.iter()
        .find(|k| {
            if typing {
                !k.types_text() && !matches!(k.code, KeyCode::F(_))
            } else {
                k.types_text()
            }
        })
        .or(keys.first())
        .copied()
}

pub fn draw(f: &mut Frame, app: &App, tab: SgTab, r: Rect) {
    let th = app.theme;
    let typing = app.typing_without_popup();
    let keys: Vec<Option<Chord>> = SgTab::ALL
        .iter()
        .map(|t| tab_key(app, *t, typing))
        .collect();
    let all_alt = typing
        && keys.iter().all(|k| {
            k.is_some_and(|k| k.mods == KeyModifiers::ALT && matches!(k.code, KeyCode::Char(_)))
        });
    let mut spans = vec![];
    if all_alt {
        spans.push(Span::styled(" Alt+", th.style(Role::Key)));
    }
    for (t, k) in SgTab::ALL.into_iter().zip(keys) {
        let key = match (k, all_alt) {
            (
                Some(Chord {
                    code: KeyCode::Char(c),
                    ..
                }),
                true,
            ) => c.to_string(),
            (Some(k), _) => key_name(&k),
            (None, _) => String::new(),
        };
        spans.push(Span::styled(
            format!(" {key} {} ", tr(t.title_key())),
            if t == tab {
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
        SgTab::Meeting => super::meeting::draw(f, app, r),
        SgTab::Loans => super::loans::draw(f, app, r),
        SgTab::Shareout => super::shareout::draw(f, app, r),
        SgTab::Passbook => super::passbook::draw(f, app, r),
        SgTab::Indicators => super::indicators::draw(f, app, r),
        SgTab::Members => super::members::draw(f, app, r),
    }
}

/// Width of the labels in dialogs.
const LABEL_W: usize = 26;

pub fn draw_dialog(f: &mut Frame, app: &App, d: &Dialog) {
    let th = app.theme;
    let (sw, sh) = app.size;
    let width: u16 = 76.min(sw);
    let inner_w = width.saturating_sub(4) as usize;
    let mut lines: Vec<Line> = vec![];
    for (text, role) in &d.lines {
        lines.push(Line::styled(format!(" {text}"), th.style(*role)));
    }
    // The closing code, in a box of its own.
    if let DKind::Code { code } = &d.kind {
        let spaced: String = code.chars().map(|c| format!("{c} ")).collect();
        let spaced = spaced.trim_end().to_string();
        let shown = if spaced.width() + 6 <= inner_w {
            spaced
        } else {
            code.clone()
        };
        let bw = shown.width() + 6;
        let pad = inner_w.saturating_sub(bw) / 2;
        lines.push(Line::from(""));
        lines.push(Line::raw(format!(
            "{}┏{}┓",
            " ".repeat(pad),
            "━".repeat(bw - 2)
        )));
        lines.push(Line::from(vec![
            Span::raw(format!("{}┃  ", " ".repeat(pad))),
            Span::styled(shown.clone(), th.style(Role::Selected)),
            Span::raw("  ┃"),
        ]));
        lines.push(Line::raw(format!(
            "{}┗{}┛",
            " ".repeat(pad),
            "━".repeat(bw - 2)
        )));
        lines.push(Line::from(""));
        lines.push(Line::styled(
            format!(" {}", tr("sg-tui-dlg-code-copy")),
            th.style(Role::Key),
        ));
        lines.push(Line::styled(
            format!(" {}", tr("sg-tui-dlg-code-help")),
            th.style(Role::Muted),
        ));
        let h = (super::super::coop::view::wrapped_height(&lines, inner_w) as u16 + 2)
            .min(sh.saturating_sub(2));
        let r = panel(f, app, &d.title, width, h);
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), r);
        return;
    }
    if !d.lines.is_empty() && !d.fields.is_empty() {
        lines.push(Line::from(""));
    }
    let field_w = inner_w.saturating_sub(LABEL_W + 2).min(36);
    let mut cursor = None;
    for (i, fld) in d.fields.iter().enumerate() {
        let on = d.focus == i;
        let style = if on {
            th.style(Role::InputFocus)
        } else {
            th.style(Role::Input)
        };
        let note = d.field_note(app, i);
        let room = inner_w.saturating_sub(LABEL_W + 2);
        let fw = match &note {
            Some((n, _)) => room.saturating_sub(n.width() + 2).clamp(12, field_w),
            None => field_w,
        };
        let value = match &fld.kind {
            FKind::Choice(_) => {
                Span::styled(fit(&format!("◂ {} ▸", fld.choice_label()), fw), style)
            }
            FKind::Text => {
                if on {
                    cursor = Some((lines.len() as u16, (2 + LABEL_W) as u16, &fld.input, fw));
                }
                Span::styled(field_text(&fld.input, fw, on), style)
            }
        };
        let mut spans = vec![
            Span::styled(if on { "▸ " } else { "  " }, th.style(Role::Key)),
            Span::raw(format!("{} ", fit(&tr(fld.label), LABEL_W - 1))),
            value,
        ];
        if let Some((n, role)) = note {
            let nw = room.saturating_sub(fw + 2);
            spans.push(Span::styled(
                format!("  {}", fit(&n, nw).trim_end()),
                th.style(role),
            ));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(""));
    if let Some(e) = &d.error {
        lines.push(err_line(app, e));
    } else if d.pending {
        lines.push(Line::styled(
            format!(" {}", tr("tui-loading")),
            th.style(Role::Muted),
        ));
    }
    let help = match d.kind {
        DKind::Social { last: Some(_) } => "sg-tui-dlg-help-social",
        _ if d.is_message() => "sg-tui-dlg-help-confirm",
        _ => "sg-tui-dlg-help",
    };
    lines.push(Line::styled(
        format!(" {}", tr(help)),
        th.style(Role::Muted),
    ));
    let h = (super::super::coop::view::wrapped_height(&lines, inner_w) as u16 + 2)
        .min(sh.saturating_sub(2));
    let r = panel(f, app, &d.title, width, h);
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), r);
    if let Some((row, x, inp, w)) = cursor {
        set_cursor_w(f, r, row, x, inp, w);
    }
}
