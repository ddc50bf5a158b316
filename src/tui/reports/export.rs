//! The monthly export for the auditor, as a dialog: the month (the last
//! one by default), the folder (beside the ledger file), a byte-order mark
//! for spreadsheets that need one; then a progress bar while the files are
//! written, and what was written (files, entries, totals, the chain's head)
//! or why not.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Wrap};

use super::super::app::{App, Effect};
use super::super::input::Input;
use super::super::keymap::Cmd;
use super::super::theme::Role;
use super::super::view::{err_line, field_text, fit, panel, rfit, set_cursor_w};
use super::{RepEffect, org_code};
use crate::domain::money::Fcfa;
use crate::domain::period::Month;
use crate::i18n::{lang, tr};
use crate::t;

/// One file written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportedFile {
    pub name: String,
    pub bytes: u64,
    pub rows: u64,
}

/// What an export wrote, from its manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportSummary {
    pub dir: PathBuf,
    pub month: String,
    /// The month was closed when exported.
    pub closed: bool,
    pub files: Vec<ExportedFile>,
    pub entries: u64,
    pub lines: u64,
    pub accounts: u64,
    pub debit: Fcfa,
    pub credit: Fcfa,
    /// The chain's head at the end of the month: its position, the entry
    /// number and its hash.
    pub head_position: i64,
    pub head_number: Option<String>,
    pub head_hash: String,
}

/// Where the dialog is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The choices being made.
    Form,
    /// The files being written: `step` of `steps` done, `file` next.
    Running {
        step: u32,
        steps: u32,
        file: String,
    },
    Done(Box<ExportSummary>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportDialog {
    pub org: String,
    pub org_name: String,
    pub month: Input,
    pub folder: Input,
    pub bom: bool,
    /// 0 month, 1 folder, 2 byte-order mark.
    pub focus: usize,
    /// The ledger's folder: the default export folder is under it.
    pub base: PathBuf,
    /// The folder is the default one (it follows the month).
    pub folder_auto: bool,
    pub stage: Stage,
    pub error: Option<String>,
}

/// `exports/<org>-<YYYY-MM>` under `base`.
pub fn default_dir(base: &Path, org: &str, month: Month) -> PathBuf {
    base.join("exports").join(format!("{org}-{}", month.key()))
}

/// A month as typed: `2026-10`, `10/2026` or `10-2026`.
pub fn parse_month(s: &str) -> Option<Month> {
    let s = s.trim();
    if let Ok(m) = Month::parse(s) {
        return Some(m);
    }
    let (m, y) = s.split_once(['/', '-', '.'])?;
    if m.is_empty() || m.len() > 2 || y.len() != 4 {
        return None;
    }
    Month::parse(&format!("{y}-{m:0>2}")).ok()
}

/// A month as people write it (`10/2026`).
fn month_text(m: Month) -> String {
    format!("{:02}/{}", m.month, m.year)
}

impl ExportDialog {
    pub fn new(org: &str, org_name: &str, today: NaiveDate, base: &Path) -> ExportDialog {
        let month = Month::of(today).prev();
        ExportDialog {
            org: org.to_string(),
            org_name: org_name.to_string(),
            month: Input::with(&month_text(month), 10),
            folder: Input::with(&default_dir(base, org, month).display().to_string(), 400),
            bom: false,
            focus: 0,
            base: base.to_path_buf(),
            folder_auto: true,
            stage: Stage::Form,
            error: None,
        }
    }

    pub fn running(&self) -> bool {
        matches!(self.stage, Stage::Running { .. })
    }

    pub fn progress(&mut self, step: u32, steps: u32, file: String) {
        self.stage = Stage::Running { step, steps, file };
    }

    pub fn done(&mut self, s: ExportSummary) {
        self.error = None;
        self.stage = Stage::Done(Box::new(s));
    }

    /// The export was refused: the choices stay, the folder (what is
    /// usually to change: not empty, not writable, full) has the keyboard.
    pub fn failed(&mut self, message: String) {
        self.stage = Stage::Form;
        self.error = Some(message);
        self.focus = 1;
    }

    /// The month and folder, or what is wrong (and the field to fix).
    fn check(&self) -> Result<(Month, PathBuf), (usize, String)> {
        let m = parse_month(&self.month.value).ok_or_else(|| {
            (
                0,
                t!(
                    "rep-export-bad-month",
                    value = self.month.value.trim().to_string()
                ),
            )
        })?;
        let dir = self.folder.value.trim();
        if dir.is_empty() {
            return Err((1, tr("rep-export-no-folder")));
        }
        Ok((m, PathBuf::from(dir)))
    }

    /// A key: whether the dialog stays open, and the effects.
    pub fn key(&mut self, cmd: Option<Cmd>, key: &KeyEvent) -> (bool, Vec<Effect>) {
        match &self.stage {
            // The export runs inside the driver; nothing is read meanwhile.
            Stage::Running { .. } => return (true, vec![]),
            Stage::Done(_) => return (!matches!(cmd, Some(Cmd::Confirm | Cmd::Back)), vec![]),
            Stage::Form => {}
        }
        let fkey = matches!(key.code, KeyCode::F(_));
        match cmd {
            Some(Cmd::Back) => return (false, vec![]),
            Some(Cmd::NextField | Cmd::Down) => self.focus = (self.focus + 1) % 3,
            Some(Cmd::PrevField | Cmd::Up) => self.focus = (self.focus + 2) % 3,
            Some(Cmd::Confirm) => {
                if !fkey && self.focus < 2 {
                    self.focus += 1;
                    return (true, vec![]);
                }
                match self.check() {
                    Ok((month, dir)) => {
                        self.error = None;
                        self.stage = Stage::Running {
                            step: 0,
                            steps: 0,
                            file: String::new(),
                        };
                        return (
                            true,
                            vec![Effect::Reports(RepEffect::Export {
                                org: self.org.clone(),
                                month,
                                dir,
                                bom: self.bom,
                            })],
                        );
                    }
                    Err((field, e)) => {
                        self.focus = field;
                        self.error = Some(e);
                    }
                }
            }
            _ => match self.focus {
                0 => {
                    if self.month.handle(key) {
                        self.error = None;
                        if self.folder_auto
                            && let Some(m) = parse_month(&self.month.value)
                        {
                            self.folder
                                .set(&default_dir(&self.base, &self.org, m).display().to_string());
                        }
                    }
                }
                1 => {
                    if self.folder.handle(key) {
                        self.error = None;
                        self.folder_auto = false;
                    }
                }
                _ => {
                    if matches!(
                        key.code,
                        KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right
                    ) {
                        self.bom = !self.bom;
                    }
                }
            },
        }
        (true, vec![])
    }
}

/// The export key: the folder beside the ledger is asked of the driver,
/// then the dialog opens.
pub fn start(app: &mut App) -> Vec<Effect> {
    match org_code(app) {
        Some(org) => vec![Effect::Reports(RepEffect::ExportPrepare { org })],
        None => vec![],
    }
}

/// A key in the export dialog.
pub fn dialog_key(
    _app: &mut App,
    d: &mut ExportDialog,
    cmd: Option<Cmd>,
    key: &KeyEvent,
) -> (bool, Vec<Effect>) {
    d.key(cmd, key)
}

/// Width of the labels.
const LABEL_W: usize = 24;

pub fn draw(f: &mut Frame, app: &App, d: &ExportDialog) {
    let th = app.theme;
    let (sw, sh) = app.size;
    let width: u16 = 78.min(sw);
    let inner_w = width.saturating_sub(4) as usize;
    let title = t!("rep-export-title", org = d.org_name.clone());
    let mut lines: Vec<Line> = vec![];
    let mut cursor = None;
    let mut gauge_row = None;
    match &d.stage {
        Stage::Form | Stage::Running { .. } => {
            lines.push(Line::styled(
                format!(" {}", tr("rep-export-intro")),
                th.style(Role::Muted),
            ));
            lines.push(Line::from(""));
            let fw = inner_w.saturating_sub(LABEL_W + 2);
            let form = matches!(d.stage, Stage::Form);
            for (i, (label, input)) in [
                ("rep-export-month", &d.month),
                ("rep-export-folder", &d.folder),
            ]
            .into_iter()
            .enumerate()
            {
                let on = form && d.focus == i;
                if on {
                    cursor = Some((lines.len(), (2 + LABEL_W) as u16, input, fw));
                }
                lines.push(Line::from(vec![
                    Span::styled(if on { "▸ " } else { "  " }, th.style(Role::Key)),
                    Span::raw(format!("{} ", fit(&tr(label), LABEL_W - 1))),
                    Span::styled(
                        field_text(input, fw, on),
                        th.style(if on { Role::InputFocus } else { Role::Input }),
                    ),
                ]));
            }
            let on = form && d.focus == 2;
            let choice = if d.bom {
                tr("rep-export-bom-yes")
            } else {
                tr("rep-export-bom-no")
            };
            lines.push(Line::from(vec![
                Span::styled(if on { "▸ " } else { "  " }, th.style(Role::Key)),
                Span::raw(format!("{} ", fit(&tr("rep-export-bom"), LABEL_W - 1))),
                Span::styled(
                    format!("◂ {choice} ▸"),
                    th.style(if on { Role::InputFocus } else { Role::Input }),
                ),
            ]));
            lines.push(Line::styled(
                format!("  {}", tr("rep-export-bom-help")),
                th.style(Role::Muted),
            ));
            lines.push(Line::from(""));
            if let Stage::Running { step, steps, file } = &d.stage {
                lines.push(Line::raw(format!(
                    " {}",
                    if file.is_empty() {
                        tr("rep-export-starting")
                    } else {
                        t!(
                            "rep-export-writing",
                            file = file.clone(),
                            step = i64::from(*step) + 1,
                            steps = i64::from(*steps)
                        )
                    }
                )));
                gauge_row = Some(lines.len());
                lines.push(Line::from(""));
            } else if let Some(e) = &d.error {
                lines.push(err_line(app, e));
                lines.push(Line::from(""));
            }
            lines.push(Line::styled(
                format!(
                    " {}",
                    tr(if form {
                        "rep-export-help"
                    } else {
                        "rep-export-wait"
                    })
                ),
                th.style(Role::Muted),
            ));
        }
        Stage::Done(s) => {
            let lg = lang();
            lines.push(Line::styled(
                format!(
                    " ✓ {}",
                    t!(
                        "rep-export-done",
                        month = s.month.clone(),
                        count = s.files.len() as i64
                    )
                ),
                th.style(Role::Success),
            ));
            lines.push(Line::raw(format!(
                "   {}",
                t!("rep-export-where", dir = s.dir.display().to_string())
            )));
            lines.push(Line::styled(
                format!(
                    "   {}",
                    tr(if s.closed {
                        "rep-export-closed"
                    } else {
                        "rep-export-open"
                    })
                ),
                th.style(if s.closed { Role::Muted } else { Role::Warn }),
            ));
            lines.push(Line::from(""));
            let nw = inner_w.saturating_sub(2 + 12 + 10 + 2).min(34);
            lines.push(Line::styled(
                format!(
                    "   {} {} {}",
                    fit(&tr("rep-export-col-file"), nw),
                    rfit(&tr("rep-export-col-rows"), 10),
                    rfit(&tr("rep-export-col-bytes"), 12)
                ),
                th.style(Role::Title),
            ));
            for file in &s.files {
                lines.push(Line::raw(format!(
                    "   {} {} {}",
                    fit(&file.name, nw),
                    rfit(&Fcfa::new(file.rows as i64).format_grouped(lg), 10),
                    rfit(&Fcfa::new(file.bytes as i64).format_grouped(lg), 12)
                )));
            }
            lines.push(Line::from(""));
            lines.push(Line::raw(format!(
                "   {}",
                t!(
                    "rep-export-counts",
                    entries = s.entries as i64,
                    lines = s.lines as i64,
                    accounts = s.accounts as i64
                )
            )));
            let ok = s.debit == s.credit;
            lines.push(Line::styled(
                format!(
                    "   {} {}",
                    if ok { "✓" } else { "✗" },
                    t!(
                        "rep-export-totals",
                        debit = s.debit.format(lg),
                        credit = s.credit.format(lg)
                    )
                ),
                th.style(if ok { Role::Normal } else { Role::Alert }),
            ));
            lines.push(Line::raw(format!(
                "   {}",
                t!(
                    "rep-export-head",
                    position = s.head_position,
                    number = s.head_number.clone().unwrap_or_else(|| "—".into())
                )
            )));
            lines.push(Line::styled(
                format!("   {}", s.head_hash),
                th.style(Role::Muted),
            ));
            lines.push(Line::from(""));
            lines.push(Line::styled(
                format!(" {}", tr("rep-export-done-help")),
                th.style(Role::Muted),
            ));
        }
    }
    let wrapped = |n: usize| super::super::coop::view::wrapped_height(&lines[..n], inner_w) as u16;
    let h = (wrapped(lines.len()) + 2).min(sh.saturating_sub(2));
    // Rows as drawn: the lines above may have wrapped.
    let gauge_row = gauge_row.map(wrapped);
    let cursor = cursor.map(|(i, x, inp, w)| (wrapped(i), x, inp, w));
    let r = panel(f, app, &title, width, h);
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), r);
    if let (Some(row), Stage::Running { step, steps, .. }) = (gauge_row, &d.stage) {
        let ratio = if *steps == 0 {
            0.0
        } else {
            (f64::from(*step) / f64::from(*steps)).clamp(0.0, 1.0)
        };
        let label = format!("{} %", (ratio * 100.0).round() as i64);
        let gr = Rect::new(r.x + 1, r.y + row, r.width.saturating_sub(2), 1);
        if gr.y < r.y + r.height {
            f.render_widget(
                Gauge::default()
                    .gauge_style(th.style(Role::Success))
                    .ratio(ratio)
                    .label(Span::styled(label, th.style(Role::Title))),
                gr,
            );
        }
    }
    if let Some((row, x, inp, w)) = cursor {
        set_cursor_w(f, r, row, x, inp, w);
    }
}
