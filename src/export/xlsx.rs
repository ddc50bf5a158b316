//! The workbook of an export: a sheet each for the journal, the general
//! ledger and the trial balance, with frozen headings, filters,
//! amounts as numbers, dates as dates and totals as formulas (their values
//! stored too, so a reader that does not compute sees them).
//!
//! A text cell is always a string cell, which a spreadsheet never runs;
//! text that would look like a formula when retyped also gets the "quote
//! prefix" style, the spreadsheet's own mark for "this is text".

use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet, XlsxError};

use crate::domain::Lang;
use crate::domain::export::{Body, needs_neutralising};
use crate::i18n::tr_in;

use super::render::{
    Cell, JOURNAL_HEADERS, LEDGER_HEADERS, TRIAL_HEADERS, journal_rows, ledger_rows, trial_rows,
};

/// Date formats of the cells, the way each language writes a date.
const DATE_FR: &str = "dd/mm/yyyy";
const DATE_EN: &str = "yyyy-mm-dd";

struct Styles {
    head: Format,
    date: Format,
    amount: Format,
    quoted: Format,
    total: Format,
}

struct Sheet<'w> {
    ws: &'w mut Worksheet,
    row: u32,
}

impl Sheet<'_> {
    fn put(&mut self, st: &Styles, cells: &[Cell<'_>]) -> Result<(), XlsxError> {
        for (col, c) in cells.iter().enumerate() {
            let col = col as u16;
            match c {
                Cell::Text(s) if needs_neutralising(s) => {
                    self.ws
                        .write_string_with_format(self.row, col, *s, &st.quoted)?;
                }
                Cell::Text(s) => {
                    if !s.is_empty() {
                        self.ws.write_string(self.row, col, *s)?;
                    }
                }
                // Amounts are at most 10¹² F a line and sums stay far below
                // 2⁵³: exact in a spreadsheet's double.
                Cell::Int(n) => {
                    self.ws
                        .write_number_with_format(self.row, col, *n as f64, &st.amount)?;
                }
                Cell::Date(d) => {
                    let x =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    self.ws
                        .write_datetime_with_format(self.row, col, &x, &st.date)?;
                }
            }
        }
        self.row += 1;
        Ok(())
    }

    /// A totals row: `SUM` of each amount column above, with its value.
    fn totals(
        &mut self,
        st: &Styles,
        label_col: u16,
        label: &str,
        cols: &[(u16, i64)],
    ) -> Result<(), XlsxError> {
        self.ws
            .write_string_with_format(self.row, label_col, label, &st.total)?;
        for (col, value) in cols {
            let letter = rust_xlsxwriter::utility::column_number_to_name(*col);
            let f = Formula::new(format!("=SUM({letter}2:{letter}{})", self.row))
                .set_result(value.to_string());
            self.ws
                .write_formula_with_format(self.row, *col, f, &st.total)?;
        }
        self.row += 1;
        Ok(())
    }
}

fn sheet<'w>(
    wb: &'w mut Workbook,
    lang: Lang,
    name: &str,
    headers: &[&str],
    widths: &[f64],
    st: &Styles,
) -> Result<Sheet<'w>, XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(tr_in(lang, name))?;
    for (col, key) in headers.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, tr_in(lang, key), &st.head)?;
    }
    for (col, w) in widths.iter().enumerate() {
        ws.set_column_width(col as u16, *w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(Sheet { ws, row: 1 })
}

/// The workbook's bytes and its count of data rows over all sheets.
pub fn workbook(body: &Body, lang: Lang) -> Result<(Vec<u8>, u64), XlsxError> {
    let st = Styles {
        head: Format::new().set_bold(),
        date: Format::new().set_num_format(match lang {
            Lang::Fr => DATE_FR,
            Lang::En => DATE_EN,
        }),
        amount: Format::new().set_num_format("#,##0"),
        quoted: Format::new().set_quote_prefix(),
        total: Format::new().set_bold().set_num_format("#,##0"),
    };
    let mut wb = Workbook::new();
    // The fastest deflate level: the workbook is a few percent larger and
    // written about twice as fast (docs/benchmarks.md).
    wb.set_zip_compression_level(1);
    let mut rows = 0u64;

    // Journal.
    {
        let mut s = sheet(
            &mut wb,
            lang,
            "xp-sheet-journal",
            &JOURNAL_HEADERS,
            &[
                13., 11., 14., 36., 6., 9., 28., 28., 13., 13., 13., 13., 16., 14., 22.,
            ],
            &st,
        )?;
        let (mut td, mut tc) = (0i64, 0i64);
        journal_rows(body, |cells| {
            if let (Cell::Int(d), Cell::Int(c)) = (&cells[8], &cells[9]) {
                td += d;
                tc += c;
            }
            rows += 1;
            s.put(&st, cells)
        })?;
        let last = s.row;
        s.ws.autofilter(0, 0, last.saturating_sub(1).max(1), 14)?;
        s.totals(&st, 7, &tr_in(lang, "xp-totals"), &[(8, td), (9, tc)])?;
    }

    // General ledger.
    {
        let mut s = sheet(
            &mut wb,
            lang,
            "xp-sheet-ledger",
            &LEDGER_HEADERS,
            &[9., 28., 11., 13., 14., 36., 13., 13., 14., 14.],
            &st,
        )?;
        ledger_rows(body, lang, |cells| {
            rows += 1;
            s.put(&st, cells)
        })?;
        let last = s.row;
        s.ws.autofilter(0, 0, last.saturating_sub(1).max(1), 9)?;
    }

    // Trial balance.
    {
        let mut s = sheet(
            &mut wb,
            lang,
            "xp-sheet-trial",
            &TRIAL_HEADERS,
            &[9., 32., 14., 14., 14., 14., 14., 14.],
            &st,
        )?;
        trial_rows(body, |cells| {
            rows += 1;
            s.put(&st, cells)
        })?;
        let t = &body.trial_balance.totals;
        s.totals(
            &st,
            1,
            &tr_in(lang, "xp-totals"),
            &[
                (2, t.opening_debit.francs()),
                (3, t.opening_credit.francs()),
                (4, t.debit.francs()),
                (5, t.credit.francs()),
                (6, t.closing_debit.francs()),
                (7, t.closing_credit.francs()),
            ],
        )?;
        rows += 1;
    }

    Ok((wb.save_to_buffer()?, rows))
}
