//! The meeting sheet: a CSV file a facilitator filled on paper (or in a
//! spreadsheet), one line per member, read into the open meeting's grid.
//!
//! Separator `;` (French spreadsheets) or `,`, UTF-8 with or without BOM.
//! The first line names the columns, in French or English, accents and
//! case ignored, in any order:
//!
//! | column | French names | English names | empty cell |
//! |---|---|---|---|
//! | member | `numero`, `n°`, `membre`, `nom` | `number`, `member`, `name` | required |
//! | attendance | `presence` | `attendance` | present |
//! | social fund | `fonds_social`, `social` | `social` | 0 |
//! | shares | `parts` | `shares` | 0 |
//! | repayment | `remboursement` | `repay`, `repayment` | 0 |
//! | fines levied | `amende`, `amendes` | `fine`, `fines` | 0 (an amount or codes: `retard+bruit`) |
//! | fines paid | `amende_payee` | `fine_paid` | 0 |
//! | new loan | `pret` | `loan` | 0 |
//! | term (months) | `duree` | `term` | the constitution's maximum |
//!
//! When both a number and a name column are present, the number finds the
//! member and the name must match it.

use crate::domain::money::Fcfa;
use crate::domain::savings::{Attendance, Constitution, RowInput, SavingsError};
use crate::domain::text::fold;
use crate::error::{Error, Result};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Col {
    Number,
    Name,
    Attendance,
    Social,
    Shares,
    Repay,
    Fine,
    FinePaid,
    Loan,
    Term,
}

fn column(header: &str) -> Option<Col> {
    let h = fold(header.trim()).replace([' ', '-', '.'], "_");
    Some(match h.as_str() {
        "numero" | "n°" | "no" | "n" | "number" | "num" => Col::Number,
        "membre" | "nom" | "member" | "name" => Col::Name,
        "presence" | "attendance" => Col::Attendance,
        "fonds_social" | "social" | "social_fund" => Col::Social,
        "parts" | "shares" => Col::Shares,
        "remboursement" | "repay" | "repayment" => Col::Repay,
        "amende" | "amendes" | "fine" | "fines" => Col::Fine,
        "amende_payee" | "amendes_payees" | "fine_paid" | "fines_paid" => Col::FinePaid,
        "pret" | "loan" | "nouveau_pret" | "new_loan" => Col::Loan,
        "duree" | "term" => Col::Term,
        _ => return None,
    })
}

fn line_error(line: usize, e: Error) -> Error {
    Error::Sheet {
        line,
        detail: e.to_string(),
        member: false,
    }
}

fn amount(cell: &str, field: &'static str) -> std::result::Result<Fcfa, Error> {
    if cell.trim().is_empty() {
        return Ok(Fcfa::ZERO);
    }
    let a = Fcfa::parse(cell)?;
    if a.francs() < 0 {
        return Err(SavingsError::Negative { field }.into());
    }
    Ok(a)
}

fn count(cell: &str, field: &'static str) -> std::result::Result<u32, Error> {
    let t = cell.trim();
    if t.is_empty() {
        return Ok(0);
    }
    t.parse::<u32>().map_err(|_| {
        SavingsError::BadChoice {
            what: field,
            input: t.to_string(),
        }
        .into()
    })
}

/// Parses a sheet into `(line number, member number or name, row)`.
pub fn parse_sheet(text: &str, c: &Constitution) -> Result<Vec<(usize, String, RowInput)>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() >= first.matches(',').count() {
        b';'
    } else {
        b','
    };
    // Line by line, so an error names the line a person sees in her
    // editor (blank lines included).
    let split = |raw: &str| -> std::result::Result<Vec<String>, String> {
        let mut r = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(raw.as_bytes());
        match r.records().next() {
            Some(Ok(rec)) => Ok(rec.iter().map(str::to_string).collect()),
            Some(Err(e)) => Err(e.to_string()),
            None => Ok(Vec::new()),
        }
    };
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    let headers = match lines.next() {
        Some((_, l)) => split(l).map_err(|detail| line_error(1, Error::Refused { detail }))?,
        None => Vec::new(),
    };
    let mut cols = Vec::new();
    for h in headers.iter() {
        let col = column(h).ok_or_else(|| {
            line_error(
                1,
                SavingsError::BadChoice {
                    what: "sheet-column",
                    input: h.to_string(),
                }
                .into(),
            )
        })?;
        if cols.contains(&Some(col)) {
            return Err(line_error(
                1,
                SavingsError::BadChoice {
                    what: "sheet-column",
                    input: h.to_string(),
                }
                .into(),
            ));
        }
        cols.push(Some(col));
    }
    if !cols.contains(&Some(Col::Number)) && !cols.contains(&Some(Col::Name)) {
        return Err(line_error(
            1,
            SavingsError::BadChoice {
                what: "sheet-column",
                input: headers.join(";"),
            }
            .into(),
        ));
    }
    let mut out: Vec<(usize, String, RowInput)> = Vec::new();
    for (line, raw) in lines {
        let record = split(raw).map_err(|detail| line_error(line, Error::Refused { detail }))?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut row = RowInput {
            attendance: Attendance::Present,
            social: Fcfa::ZERO,
            shares: 0,
            repay: Fcfa::ZERO,
            fine_levied: Fcfa::ZERO,
            fine_paid: Fcfa::ZERO,
            new_loan: Fcfa::ZERO,
            loan_term: 0,
        };
        let (mut number, mut name) = (String::new(), String::new());
        for (cell, col) in record.iter().zip(&cols) {
            let Some(col) = col else { continue };
            let r: std::result::Result<(), Error> = (|| {
                match col {
                    Col::Number => number = cell.trim().to_string(),
                    Col::Name => name = cell.trim().to_string(),
                    Col::Attendance => {
                        if !cell.trim().is_empty() {
                            row.attendance = Attendance::parse(cell)?;
                        }
                    }
                    Col::Social => row.social = amount(cell, "social")?,
                    Col::Shares => row.shares = count(cell, "shares")?,
                    Col::Repay => row.repay = amount(cell, "repay")?,
                    Col::Fine => row.fine_levied = c.parse_fines(cell)?,
                    Col::FinePaid => row.fine_paid = amount(cell, "fine-paid")?,
                    Col::Loan => row.new_loan = amount(cell, "loan")?,
                    Col::Term => row.loan_term = count(cell, "term")?,
                }
                Ok(())
            })();
            r.map_err(|e| line_error(line, e))?;
        }
        let member = if number.is_empty() {
            name.clone()
        } else {
            number.clone()
        };
        if member.is_empty() {
            return Err(line_error(
                line,
                SavingsError::UnknownMember {
                    input: String::new(),
                }
                .into(),
            ));
        }
        if out.iter().any(|(_, m, _)| fold(m) == fold(&member)) {
            return Err(line_error(
                line,
                SavingsError::MemberExists {
                    number: number.parse().unwrap_or(0),
                }
                .into(),
            ));
        }
        // A name next to a number is checked by the caller against the register.
        if !number.is_empty() && !name.is_empty() {
            out.push((line, format!("{number}\u{1f}{name}"), row));
        } else {
            out.push((line, member, row));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_french_sheet_with_bom() {
        let c = Constitution::standard();
        let text = "\u{feff}Numéro;Nom;Présence;Fonds social;Parts;Remboursement;Amende;Amende payée;Prêt;Durée\n\
                    1;Aminata Traoré;p;100;2;;retard;100;;\n\
                    2;Fatoumata Diarra;a;;;;absence;;;\n\
                    \n\
                    3;Kadiatou Coulibaly;r;100;1;21 667;;;15000;2\n";
        let rows = parse_sheet(text, &c).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].0, 2);
        assert_eq!(rows[0].1, "1\u{1f}Aminata Traoré");
        assert_eq!(rows[0].2.shares, 2);
        assert_eq!(rows[0].2.fine_levied, Fcfa::new(100));
        assert_eq!(rows[1].2.attendance, Attendance::Absent);
        assert_eq!(rows[1].2.fine_levied, Fcfa::new(200));
        assert_eq!(rows[2].0, 5);
        assert_eq!(rows[2].2.repay, Fcfa::new(21_667));
        assert_eq!(rows[2].2.new_loan, Fcfa::new(15_000));
        assert_eq!(rows[2].2.loan_term, 2);
    }

    #[test]
    fn bad_cells_name_their_line() {
        let c = Constitution::standard();
        let e = parse_sheet("number,shares\n1,2\n2,deux\n", &c).unwrap_err();
        assert!(matches!(e, Error::Sheet { line: 3, .. }), "{e:?}");
        let e = parse_sheet("numero;parts;couleur\n1;2;rouge\n", &c).unwrap_err();
        assert!(matches!(e, Error::Sheet { line: 1, .. }), "{e:?}");
        let e = parse_sheet("numero;parts\n1;2\n1;3\n", &c).unwrap_err();
        assert!(matches!(e, Error::Sheet { line: 3, .. }), "{e:?}");
        let e = parse_sheet("numero;pret\n1;-5\n", &c).unwrap_err();
        assert!(matches!(e, Error::Sheet { line: 2, .. }), "{e:?}");
    }
}
