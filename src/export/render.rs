//! The text files of an export, made from its body. Rendering is
//! deterministic (same body, language and BOM choice → same bytes), which is
//! how `verify-export` checks that a CSV file or the journal still says what
//! the JSON file says.

use std::collections::BTreeMap;
use std::convert::Infallible;

use chrono::NaiveDate;

use crate::domain::Lang;
use crate::domain::export::{Body, neutralise};
use crate::domain::ledger::Side;
use crate::domain::money::Fcfa;
use crate::i18n::tr_in;

pub const JOURNAL_CSV: &str = "journal.csv";
pub const LEDGER_CSV: &str = "grand-livre.csv";
pub const TRIAL_CSV: &str = "balance.csv";
pub const CHAIN_CSV: &str = "chaine.csv";
pub const WORKBOOK: &str = "livres.xlsx";
pub const BODY_JSON: &str = "livres.json";
pub const JOURNAL_TEXT: &str = "journal.hledger";
pub const MANIFEST: &str = "manifest.json";

/// The files made from the body that `verify-export` re-renders and compares.
pub const TEXT_FILES: [&str; 5] = [JOURNAL_CSV, LEDGER_CSV, TRIAL_CSV, CHAIN_CSV, JOURNAL_TEXT];

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A file's bytes and its count of data rows.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub rows: u64,
}

/// A cell of a row, as both the CSV files and the workbook write it: text
/// (neutralised in CSV), an amount (a plain integer) or a date (ISO in CSV, a
/// date cell in the workbook).
pub enum Cell<'a> {
    Text(&'a str),
    Int(i64),
    Date(NaiveDate),
}

struct Csv {
    w: csv::Writer<Vec<u8>>,
    rows: u64,
}

impl Csv {
    fn new(bom: bool, lang: Lang, headers: &[&str]) -> Csv {
        let mut buf = Vec::new();
        if bom {
            buf.extend_from_slice(BOM);
        }
        let w = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(buf);
        let mut c = Csv { w, rows: 0 };
        let h: Vec<String> = headers.iter().map(|k| tr_in(lang, k)).collect();
        c.raw(h.iter().map(|s| s.as_str()));
        c
    }

    fn raw<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) {
        // Writing to memory cannot fail.
        self.w
            .write_record(cells.into_iter().map(|s| neutralise(s).into_owned()))
            .expect("CSV into memory");
    }

    fn row(&mut self, cells: &[Cell<'_>]) {
        let v: Vec<String> = cells
            .iter()
            .map(|c| match c {
                Cell::Text(s) => neutralise(s).into_owned(),
                Cell::Int(n) => n.to_string(),
                Cell::Date(d) => d.to_string(),
            })
            .collect();
        self.w.write_record(&v).expect("CSV into memory");
        self.rows += 1;
    }

    fn done(self) -> Rendered {
        Rendered {
            rows: self.rows,
            bytes: self.w.into_inner().expect("CSV into memory"),
        }
    }
}

fn dc(side: Side, amount: Fcfa) -> (i64, i64) {
    match side {
        Side::Debit => (amount.francs(), 0),
        Side::Credit => (0, amount.francs()),
    }
}

/// Account names of the month, from the trial balance.
fn names(body: &Body) -> BTreeMap<&str, &str> {
    body.trial_balance
        .rows
        .iter()
        .map(|r| (r.account.as_str(), r.name.as_str()))
        .collect()
}

pub const JOURNAL_HEADERS: [&str; 15] = [
    "xp-col-number",
    "xp-col-date",
    "xp-col-doc",
    "xp-col-memo",
    "xp-col-line",
    "xp-col-account",
    "xp-col-account-name",
    "xp-col-label",
    "xp-col-debit",
    "xp-col-credit",
    "xp-col-reverses",
    "xp-col-reversed-by",
    "xp-col-source",
    "xp-col-author",
    "xp-col-recorded",
];

/// The journal's rows: one per line, in date order.
pub fn journal_rows<E>(
    body: &Body,
    mut row: impl FnMut(&[Cell<'_>]) -> Result<(), E>,
) -> Result<(), E> {
    let names = names(body);
    for x in &body.entries {
        let e = &x.entry;
        let number = e.number.to_string();
        let reverses = e.reverses.map(|n| n.to_string()).unwrap_or_default();
        let reversed_by = x.reversed_by.map(|n| n.to_string()).unwrap_or_default();
        for l in &e.lines {
            let (d, cr) = dc(l.side, l.amount);
            row(&[
                Cell::Text(&number),
                Cell::Date(e.date),
                Cell::Text(&e.doc_ref),
                Cell::Text(&e.memo),
                Cell::Int(l.line_no),
                Cell::Text(&l.account),
                Cell::Text(names.get(l.account.as_str()).copied().unwrap_or("")),
                Cell::Text(&l.label),
                Cell::Int(d),
                Cell::Int(cr),
                Cell::Text(&reverses),
                Cell::Text(&reversed_by),
                Cell::Text(e.source.as_deref().unwrap_or("")),
                Cell::Text(&e.author),
                Cell::Text(&e.recorded_at),
            ])?;
        }
    }
    Ok(())
}

fn csv_of(
    bom: bool,
    lang: Lang,
    headers: &[&str],
    rows: impl FnOnce(&mut dyn FnMut(&[Cell<'_>]) -> Result<(), Infallible>) -> Result<(), Infallible>,
) -> Rendered {
    let mut c = Csv::new(bom, lang, headers);
    let Ok(()) = rows(&mut |cells: &[Cell<'_>]| {
        c.row(cells);
        Ok(())
    });
    c.done()
}

/// The journal: one row per line, in date order.
pub fn journal_csv(body: &Body, lang: Lang, bom: bool) -> Rendered {
    csv_of(bom, lang, &JOURNAL_HEADERS, |row| journal_rows(body, row))
}

pub const LEDGER_HEADERS: [&str; 10] = [
    "xp-col-account",
    "xp-col-account-name",
    "xp-col-date",
    "xp-col-number",
    "xp-col-doc",
    "xp-col-label",
    "xp-col-debit",
    "xp-col-credit",
    "xp-col-balance-debit",
    "xp-col-balance-credit",
];

/// The general ledger's rows: per account, the opening balance, the lines
/// with the running balance, and the account's total.
pub fn ledger_rows<E>(
    body: &Body,
    lang: Lang,
    mut row: impl FnMut(&[Cell<'_>]) -> Result<(), E>,
) -> Result<(), E> {
    let opening = tr_in(lang, "xp-opening");
    let total = tr_in(lang, "xp-account-total");
    for a in &body.general_ledger {
        row(&[
            Cell::Text(&a.account),
            Cell::Text(&a.name),
            Cell::Date(body.period.from),
            Cell::Text(""),
            Cell::Text(""),
            Cell::Text(&opening),
            Cell::Int(0),
            Cell::Int(0),
            Cell::Int(a.opening_debit.francs()),
            Cell::Int(a.opening_credit.francs()),
        ])?;
        for l in &a.lines {
            let number = l.number.to_string();
            row(&[
                Cell::Text(&a.account),
                Cell::Text(&a.name),
                Cell::Date(l.date),
                Cell::Text(&number),
                Cell::Text(&l.doc_ref),
                Cell::Text(&l.label),
                Cell::Int(l.debit.francs()),
                Cell::Int(l.credit.francs()),
                Cell::Int(l.balance_debit.francs()),
                Cell::Int(l.balance_credit.francs()),
            ])?;
        }
        row(&[
            Cell::Text(&a.account),
            Cell::Text(&a.name),
            Cell::Date(body.period.to),
            Cell::Text(""),
            Cell::Text(""),
            Cell::Text(&total),
            Cell::Int(a.debit.francs()),
            Cell::Int(a.credit.francs()),
            Cell::Int(a.closing_debit.francs()),
            Cell::Int(a.closing_credit.francs()),
        ])?;
    }
    Ok(())
}

/// The general ledger as CSV.
pub fn ledger_csv(body: &Body, lang: Lang, bom: bool) -> Rendered {
    csv_of(bom, lang, &LEDGER_HEADERS, |row| {
        ledger_rows(body, lang, row)
    })
}

pub const TRIAL_HEADERS: [&str; 8] = [
    "xp-col-account",
    "xp-col-account-name",
    "xp-col-opening-debit",
    "xp-col-opening-credit",
    "xp-col-debit",
    "xp-col-credit",
    "xp-col-closing-debit",
    "xp-col-closing-credit",
];

/// The trial balance's rows, one per account (the totals apart).
pub fn trial_rows<E>(
    body: &Body,
    mut row: impl FnMut(&[Cell<'_>]) -> Result<(), E>,
) -> Result<(), E> {
    for r in &body.trial_balance.rows {
        row(&[
            Cell::Text(&r.account),
            Cell::Text(&r.name),
            Cell::Int(r.opening_debit.francs()),
            Cell::Int(r.opening_credit.francs()),
            Cell::Int(r.debit.francs()),
            Cell::Int(r.credit.francs()),
            Cell::Int(r.closing_debit.francs()),
            Cell::Int(r.closing_credit.francs()),
        ])?;
    }
    Ok(())
}

/// The six-column trial balance, with its totals as the last row.
pub fn trial_csv(body: &Body, lang: Lang, bom: bool) -> Rendered {
    let t = &body.trial_balance.totals;
    let label = tr_in(lang, "xp-totals");
    csv_of(bom, lang, &TRIAL_HEADERS, |row| {
        trial_rows(body, &mut *row)?;
        row(&[
            Cell::Text(""),
            Cell::Text(&label),
            Cell::Int(t.opening_debit.francs()),
            Cell::Int(t.opening_credit.francs()),
            Cell::Int(t.debit.francs()),
            Cell::Int(t.credit.francs()),
            Cell::Int(t.closing_debit.francs()),
            Cell::Int(t.closing_credit.francs()),
        ])
    })
}

pub const CHAIN_HEADERS: [&str; 6] = [
    "xp-col-position",
    "xp-col-number",
    "xp-col-date",
    "xp-col-recorded",
    "xp-col-prev-hash",
    "xp-col-hash",
];

/// The piece of the hash chain the export carries.
pub fn chain_csv(body: &Body, lang: Lang, bom: bool) -> Rendered {
    let mut c = Csv::new(bom, lang, &CHAIN_HEADERS);
    for l in &body.chain {
        let number = l.number.map(|n| n.to_string()).unwrap_or_default();
        let date = l.date.map(|d| d.to_string()).unwrap_or_default();
        c.row(&[
            Cell::Int(l.position),
            Cell::Text(&number),
            Cell::Text(&date),
            Cell::Text(&l.recorded_at),
            Cell::Text(&l.prev_hash),
            Cell::Text(&l.hash),
        ]);
    }
    c.done()
}

/// Text that a plain-text journal line can hold: a semicolon would start a
/// comment there, so it becomes a comma (the JSON and CSV files keep the
/// exact text).
fn plain(s: &str) -> String {
    s.replace(';', ",")
}

/// A double-entry journal in the plain-text format that hledger and ledger
/// read: an opening transaction on the first day of the month with every
/// opening balance, then the month's entries, amounts in XOF. Accounts are
/// their numbers; their names are declared with `account` directives.
pub fn journal_text(body: &Body, lang: Lang, exported_at: &str) -> Rendered {
    let mut s = String::new();
    let xof = |n: i64| format!("{n} XOF");
    s.push_str(&format!(
        "; {} — {} ({}) — {}\n; {}\n\n",
        plain(&tr_in(lang, "xp-journal-title")),
        plain(&body.org.name),
        body.org.code,
        body.period.month,
        plain(&exported_at.replace('\n', " ")),
    ));
    for r in &body.trial_balance.rows {
        s.push_str(&format!("account {}  ; {}\n", r.account, plain(&r.name)));
    }
    s.push('\n');
    let openings: Vec<_> = body
        .trial_balance
        .rows
        .iter()
        .filter(|r| r.opening_debit != r.opening_credit)
        .collect();
    if !openings.is_empty() {
        s.push_str(&format!(
            "{} * {}\n",
            body.period.from,
            plain(&tr_in(lang, "xp-opening"))
        ));
        for r in openings {
            let n = r.opening_debit.francs() - r.opening_credit.francs();
            s.push_str(&format!("    {}  {}\n", r.account, xof(n)));
        }
        s.push('\n');
    }
    for x in &body.entries {
        let e = &x.entry;
        let memo = if e.memo.is_empty() {
            &e.doc_ref
        } else {
            &e.memo
        };
        s.push_str(&format!("{} * ({}) {}", e.date, e.number, plain(memo)));
        if !e.doc_ref.is_empty() {
            s.push_str(&format!("  ; {}", plain(&e.doc_ref)));
        }
        s.push('\n');
        for l in &e.lines {
            let n = match l.side {
                Side::Debit => l.amount.francs(),
                Side::Credit => -l.amount.francs(),
            };
            s.push_str(&format!("    {}  {}", l.account, xof(n)));
            if !l.label.is_empty() {
                s.push_str(&format!("  ; {}", plain(&l.label)));
            }
            s.push('\n');
        }
        s.push('\n');
    }
    Rendered {
        bytes: s.into_bytes(),
        rows: body.entries.len() as u64,
    }
}

/// The text file `name`, rendered from the body.
pub fn text_file(name: &str, body: &Body, lang: Lang, bom: bool, exported_at: &str) -> Rendered {
    match name {
        JOURNAL_CSV => journal_csv(body, lang, bom),
        LEDGER_CSV => ledger_csv(body, lang, bom),
        TRIAL_CSV => trial_csv(body, lang, bom),
        CHAIN_CSV => chain_csv(body, lang, bom),
        _ => journal_text(body, lang, exported_at),
    }
}
