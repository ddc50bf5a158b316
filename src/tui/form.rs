//! The manual entry form: its fields, the live totals, the account picker
//! and the checks made before anything is sent to the ledger (which checks
//! everything again).

use chrono::NaiveDate;

use super::input::Input;
use crate::domain::account::AccountNumber;
use crate::domain::ledger::{LineInput, NewEntry, Side};
use crate::domain::money::{self, Fcfa};
use crate::domain::period::parse_date;
use crate::domain::text::fold;
use crate::store::AccountRow;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    Account,
    Debit,
    Credit,
    Label,
}

impl Col {
    const ORDER: [Col; 4] = [Col::Account, Col::Debit, Col::Credit, Col::Label];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Date,
    Doc,
    Memo,
    Line(usize, Col),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormLine {
    pub account: Input,
    pub debit: Input,
    pub credit: Input,
    pub label: Input,
}

impl FormLine {
    pub fn new() -> FormLine {
        FormLine {
            account: Input::new(12),
            debit: Input::new(24),
            credit: Input::new(24),
            label: Input::new(120),
        }
    }

    pub fn is_blank(&self) -> bool {
        self.account.is_empty()
            && self.debit.is_empty()
            && self.credit.is_empty()
            && self.label.is_empty()
    }

    pub fn field(&mut self, col: Col) -> &mut Input {
        match col {
            Col::Account => &mut self.account,
            Col::Debit => &mut self.debit,
            Col::Credit => &mut self.credit,
            Col::Label => &mut self.label,
        }
    }
}

impl Default for FormLine {
    fn default() -> Self {
        FormLine::new()
    }
}

/// What is wrong with the form, as a translation key and arguments, with the
/// field to put the cursor on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormError {
    pub focus: Focus,
    pub key: &'static str,
    pub detail: String,
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryForm {
    pub date: Input,
    pub doc: Input,
    pub memo: Input,
    pub lines: Vec<FormLine>,
    pub focus: Focus,
    /// Idempotency key: posting the same form twice records it once.
    pub key: String,
    /// Highlighted account suggestion while the account field is focused.
    pub pick: usize,
    pub error: Option<FormError>,
}

/// How many account suggestions are shown.
pub const SUGGESTIONS: usize = 6;

impl EntryForm {
    pub fn new(today: NaiveDate, key: String) -> EntryForm {
        EntryForm {
            date: Input::with(&crate::i18n::date(today, crate::i18n::lang()), 10),
            doc: Input::new(60),
            memo: Input::new(200),
            lines: vec![FormLine::new(), FormLine::new()],
            focus: Focus::Date,
            key,
            pick: 0,
            error: None,
        }
    }

    pub fn field(&mut self, focus: Focus) -> &mut Input {
        match focus {
            Focus::Date => &mut self.date,
            Focus::Doc => &mut self.doc,
            Focus::Memo => &mut self.memo,
            Focus::Line(i, c) => {
                let i = i.min(self.lines.len() - 1);
                self.lines[i].field(c)
            }
        }
    }

    pub fn focused(&mut self) -> &mut Input {
        self.field(self.focus)
    }

    /// Tab order: date, document, memo, then each line's account, debit,
    /// credit, label. Past the last line, a new line is added when the last
    /// one is in use.
    pub fn next_field(&mut self) {
        self.pick = 0;
        self.focus = match self.focus {
            Focus::Date => Focus::Doc,
            Focus::Doc => Focus::Memo,
            Focus::Memo => Focus::Line(0, Col::Account),
            Focus::Line(i, c) => {
                let pos = Col::ORDER.iter().position(|x| *x == c).unwrap_or(0);
                if pos + 1 < Col::ORDER.len() {
                    Focus::Line(i, Col::ORDER[pos + 1])
                } else if i + 1 < self.lines.len() {
                    Focus::Line(i + 1, Col::Account)
                } else if !self.lines[i].is_blank() {
                    self.lines.push(FormLine::new());
                    Focus::Line(i + 1, Col::Account)
                } else {
                    Focus::Date
                }
            }
        };
    }

    pub fn prev_field(&mut self) {
        self.pick = 0;
        self.focus = match self.focus {
            Focus::Date => Focus::Line(self.lines.len() - 1, Col::Label),
            Focus::Doc => Focus::Date,
            Focus::Memo => Focus::Doc,
            Focus::Line(i, c) => {
                let pos = Col::ORDER.iter().position(|x| *x == c).unwrap_or(0);
                if pos > 0 {
                    Focus::Line(i, Col::ORDER[pos - 1])
                } else if i > 0 {
                    Focus::Line(i - 1, Col::Label)
                } else {
                    Focus::Memo
                }
            }
        };
    }

    /// Moves to the same column on the line above or below.
    pub fn move_line(&mut self, delta: isize) {
        if let Focus::Line(i, c) = self.focus {
            let j = (i as isize + delta).clamp(0, self.lines.len() as isize - 1) as usize;
            self.focus = Focus::Line(j, c);
        }
    }

    pub fn add_line(&mut self) {
        self.lines.push(FormLine::new());
        self.focus = Focus::Line(self.lines.len() - 1, Col::Account);
    }

    pub fn delete_line(&mut self) {
        if let Focus::Line(i, c) = self.focus {
            if self.lines.len() > 2 {
                self.lines.remove(i);
            } else {
                self.lines[i] = FormLine::new();
            }
            self.focus = Focus::Line(i.min(self.lines.len() - 1), c);
        }
    }

    /// Live totals: what parses now (a field being typed that does not
    /// parse yet counts as nothing and is flagged on posting).
    pub fn totals(&self) -> (Fcfa, Fcfa) {
        let sum = |pick: fn(&FormLine) -> &Input| {
            self.lines
                .iter()
                .filter_map(|l| money::parse(&pick(l).value).ok())
                .fold(0i128, |acc, a| acc + a.francs() as i128)
        };
        let clamp = |v: i128| Fcfa::new(v.clamp(i64::MIN as i128, i64::MAX as i128) as i64);
        (clamp(sum(|l| &l.debit)), clamp(sum(|l| &l.credit)))
    }

    /// Debit total minus credit total.
    pub fn difference(&self) -> i128 {
        let (d, c) = self.totals();
        d.francs() as i128 - c.francs() as i128
    }

    /// Puts the amount that balances the entry on the focused line (debit or
    /// credit as needed), if that line has no amount yet.
    pub fn fill_balance(&mut self) {
        let Focus::Line(i, _) = self.focus else {
            return;
        };
        let diff = self.difference();
        let line = &mut self.lines[i];
        if diff == 0 || !line.debit.is_empty() || !line.credit.is_empty() {
            return;
        }
        let amount = diff.unsigned_abs().to_string();
        if diff > 0 {
            line.credit.set(&amount);
            self.focus = Focus::Line(i, Col::Credit);
        } else {
            line.debit.set(&amount);
            self.focus = Focus::Line(i, Col::Debit);
        }
    }

    /// Accounts matching the focused account field: by number prefix, or by
    /// name (accent- and case-insensitive). Closed accounts are left out.
    pub fn suggestions<'a>(&self, accounts: &'a [AccountRow]) -> Vec<&'a AccountRow> {
        let Focus::Line(i, Col::Account) = self.focus else {
            return Vec::new();
        };
        let typed = self.lines[i].account.value.trim();
        if typed.is_empty() {
            return Vec::new();
        }
        let folded = fold(typed);
        let exact = accounts.iter().any(|a| a.number == typed);
        if exact {
            return Vec::new();
        }
        accounts
            .iter()
            .filter(|a| !a.closed)
            .filter(|a| {
                a.number.starts_with(typed)
                    || [&a.name, &a.name_fr, &a.name_en]
                        .iter()
                        .any(|n| fold(n).contains(&folded))
            })
            .take(SUGGESTIONS)
            .collect()
    }

    /// Takes the highlighted suggestion into the account field.
    pub fn accept_suggestion(&mut self, accounts: &[AccountRow]) -> bool {
        let sugg = self.suggestions(accounts);
        let Some(a) = sugg.get(self.pick.min(sugg.len().saturating_sub(1))) else {
            return false;
        };
        let number = a.number.clone();
        if let Focus::Line(i, _) = self.focus {
            self.lines[i].account.set(&number);
        }
        self.pick = 0;
        true
    }

    /// Checks the form and builds the entry. Blank lines are ignored.
    pub fn build(&self, accounts: &[AccountRow]) -> Result<NewEntry, FormError> {
        let err = |focus, key, detail: String, line| FormError {
            focus,
            key,
            detail,
            line,
        };
        let date = parse_date(&self.date.value)
            .map_err(|_| err(Focus::Date, "form-bad-date", self.date.value.clone(), 0))?;
        // Every entry has its supporting document and a description (the
        // command line asks for both too).
        if self.doc.is_empty() {
            return Err(err(Focus::Doc, "form-doc-required", String::new(), 0));
        }
        if self.memo.is_empty() {
            return Err(err(Focus::Memo, "form-memo-required", String::new(), 0));
        }
        let mut lines = Vec::new();
        for (i, l) in self.lines.iter().enumerate() {
            if l.is_blank() {
                continue;
            }
            let n = i + 1;
            let acc = l.account.value.trim();
            let number = AccountNumber::parse(acc).map_err(|_| {
                err(
                    Focus::Line(i, Col::Account),
                    "form-bad-account",
                    acc.to_string(),
                    n,
                )
            })?;
            let Some(row) = accounts.iter().find(|a| a.number == number.as_str()) else {
                return Err(err(
                    Focus::Line(i, Col::Account),
                    "form-unknown-account",
                    acc.to_string(),
                    n,
                ));
            };
            if row.closed {
                return Err(err(
                    Focus::Line(i, Col::Account),
                    "form-closed-account",
                    acc.to_string(),
                    n,
                ));
            }
            let amount = |input: &Input, col| -> Result<Option<Fcfa>, FormError> {
                if input.is_empty() {
                    return Ok(None);
                }
                money::parse_positive(&input.value).map(Some).map_err(|e| {
                    err(
                        Focus::Line(i, col),
                        "form-bad-amount",
                        crate::i18n::message(&e),
                        n,
                    )
                })
            };
            let (side, amount) = match (
                amount(&l.debit, Col::Debit)?,
                amount(&l.credit, Col::Credit)?,
            ) {
                (Some(d), None) => (Side::Debit, d),
                (None, Some(c)) => (Side::Credit, c),
                (Some(_), Some(_)) => {
                    return Err(err(
                        Focus::Line(i, Col::Credit),
                        "form-both-sides",
                        String::new(),
                        n,
                    ));
                }
                (None, None) => {
                    return Err(err(
                        Focus::Line(i, Col::Debit),
                        "form-no-amount",
                        String::new(),
                        n,
                    ));
                }
            };
            lines.push(LineInput {
                account: number,
                side,
                amount,
                label: l.label.value.trim().to_string(),
            });
        }
        if lines.len() < 2 {
            return Err(err(
                Focus::Line(0, Col::Account),
                "form-two-lines",
                String::new(),
                0,
            ));
        }
        let diff = self.difference();
        if diff != 0 {
            return Err(err(self.focus, "form-unbalanced", diff.to_string(), 0));
        }
        Ok(NewEntry {
            date,
            doc_ref: self.doc.value.trim().to_string(),
            memo: self.memo.value.trim().to_string(),
            idem_key: self.key.clone(),
            lines,
            source: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acc(number: &str, name: &str) -> AccountRow {
        AccountRow {
            number: number.into(),
            name: name.into(),
            name_fr: name.into(),
            name_en: name.into(),
            class: number[..1].parse().unwrap_or(0),
            closed: false,
            debit: Fcfa::ZERO,
            credit: Fcfa::ZERO,
            balance: Fcfa::ZERO,
            used: false,
        }
    }

    fn chart() -> Vec<AccountRow> {
        vec![
            acc("5711", "Caisse"),
            acc("7011", "Ventes de savon"),
            acc("7012", "Ventes de masques"),
            acc("4111", "Clients – Centre de santé Fanta Traoré"),
        ]
    }

    fn form() -> EntryForm {
        let mut f = EntryForm::new(NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(), "k1".into());
        f.doc.set("R-1");
        f.memo.set("Vente");
        f
    }

    #[test]
    fn document_and_description_are_required() {
        let mut f = form();
        f.lines[0].account.set("5711");
        f.lines[0].debit.set("100");
        f.lines[1].account.set("7011");
        f.lines[1].credit.set("100");
        f.doc.clear();
        assert_eq!(f.build(&chart()).unwrap_err().key, "form-doc-required");
        f.doc.set("R-1");
        f.memo.set("  ");
        let e = f.build(&chart()).unwrap_err();
        assert_eq!((e.key, e.focus), ("form-memo-required", Focus::Memo));
    }

    #[test]
    fn builds_a_balanced_entry_from_what_people_type() {
        let mut f = form();
        f.lines[0].account.set("5711");
        f.lines[0].debit.set("1 500");
        f.lines[1].account.set("7012");
        f.lines[1].credit.set("1.500 F CFA");
        assert_eq!(f.totals(), (Fcfa::new(1500), Fcfa::new(1500)));
        let e = f.build(&chart()).expect("balanced");
        assert_eq!(e.lines.len(), 2);
        assert_eq!(e.lines[1].side, Side::Credit);
        assert_eq!(e.date, NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
        assert_eq!(e.idem_key, "k1");
    }

    #[test]
    fn refuses_until_balanced_and_says_why() {
        let mut f = form();
        f.lines[0].account.set("5711");
        f.lines[0].debit.set("1000");
        f.lines[1].account.set("7012");
        f.lines[1].credit.set("600");
        let e = f.build(&chart()).unwrap_err();
        assert_eq!(e.key, "form-unbalanced");
        assert_eq!(e.detail, "400");
        f.lines[1].debit.set("5");
        assert_eq!(f.build(&chart()).unwrap_err().key, "form-both-sides");
        f.lines[1].debit.clear();
        f.lines[1].account.set("9999");
        assert_eq!(f.build(&chart()).unwrap_err().key, "form-unknown-account");
        f.lines[1].account.set("7012");
        f.lines[1].credit.set("-600");
        assert_eq!(f.build(&chart()).unwrap_err().key, "form-bad-amount");
        f.date.set("31/02/2026");
        assert_eq!(f.build(&chart()).unwrap_err().key, "form-bad-date");
    }

    #[test]
    fn balance_key_fills_the_difference_on_the_right_side() {
        let mut f = form();
        f.lines[0].account.set("5711");
        f.lines[0].debit.set("1600");
        f.focus = Focus::Line(1, Col::Account);
        f.fill_balance();
        assert_eq!(f.lines[1].credit.value, "1600");
        assert_eq!(f.focus, Focus::Line(1, Col::Credit));
        assert_eq!(f.difference(), 0);
    }

    #[test]
    fn picker_finds_accounts_by_number_or_name_without_accents() {
        let mut f = form();
        f.focus = Focus::Line(0, Col::Account);
        f.lines[0].account.set("traore");
        let chart = chart();
        let s = f.suggestions(&chart);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].number, "4111");
        f.lines[0].account.set("701");
        assert_eq!(f.suggestions(&chart).len(), 2);
        f.pick = 1;
        assert!(f.accept_suggestion(&chart));
        assert_eq!(f.lines[0].account.value, "7012");
        assert!(f.suggestions(&chart).is_empty(), "exact number: no list");
    }

    #[test]
    fn tab_walks_the_fields_and_adds_a_line_after_the_last_used_one() {
        let mut f = form();
        for _ in 0..3 {
            f.next_field();
        }
        assert_eq!(f.focus, Focus::Line(0, Col::Account));
        f.lines[1].account.set("7012");
        for _ in 0..8 {
            f.next_field();
        }
        assert_eq!(f.lines.len(), 3);
        assert_eq!(f.focus, Focus::Line(2, Col::Account));
        f.prev_field();
        assert_eq!(f.focus, Focus::Line(1, Col::Label));
        f.delete_line();
        assert_eq!(f.lines.len(), 2);
    }
}
