//! A savings group's dialogs: start a cycle, open a meeting (the counts of
//! both boxes), a social fund movement, close a meeting (the counts, then
//! the closing code), reopen the last meeting, write off a loan, add a
//! member, a member leaving, the share-out. Fields are typed text or a
//! choice (←→ or a first letter); Tab and Enter move on, Enter on the last
//! field or F8 anywhere sends. The dialog stays open until the ledger
//! answers, so a refusal is shown in it and nothing typed is lost.

use chrono::{Months, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent};

use super::super::app::App;
use super::super::input::Input;
use super::super::keymap::Cmd;
use super::super::theme::Role;
use super::{CycleDraft, MemberDraft, SgEffect, SocialDraft, amt0, org_code, parse_day};
use crate::domain::money::{self, Fcfa};
use crate::domain::savings::{
    Constitution, FineType, InterestMode, MemberRole, parse_multiple, parse_rate,
};
use crate::domain::text::fold;
use crate::i18n::{lang, tr};
use crate::service::savings::{CloseOutcome, LeavePlan};
use crate::store::SgMemberRow;
use crate::t;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FKind {
    Text,
    /// (code, label) pairs.
    Choice(Vec<(String, String)>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// Translation key of the label.
    pub label: &'static str,
    pub kind: FKind,
    pub input: Input,
    /// The choice made.
    pub pick: usize,
}

impl Field {
    fn text(label: &'static str, max: usize) -> Field {
        Field {
            label,
            kind: FKind::Text,
            input: Input::new(max),
            pick: 0,
        }
    }

    /// A value offered: typing replaces it, the arrows keep it.
    fn offer(label: &'static str, value: &str, max: usize) -> Field {
        Field {
            input: Input::offer(value, max),
            ..Field::text(label, max)
        }
    }

    fn choice(label: &'static str, choices: Vec<(String, String)>, pick: usize) -> Field {
        Field {
            label,
            kind: FKind::Choice(choices),
            input: Input::default(),
            pick,
        }
    }

    /// The code of the chosen choice, or the text typed.
    pub fn code(&self) -> &str {
        match &self.kind {
            FKind::Choice(c) => c.get(self.pick).map(|(k, _)| k.as_str()).unwrap_or(""),
            FKind::Text => self.input.value.trim(),
        }
    }

    pub fn choice_label(&self) -> String {
        match &self.kind {
            FKind::Choice(c) => c.get(self.pick).map(|(_, l)| l.clone()).unwrap_or_default(),
            FKind::Text => String::new(),
        }
    }

    fn value(&self) -> &str {
        self.input.value.trim()
    }

    fn edit(&mut self, key: &KeyEvent) -> bool {
        match &self.kind {
            FKind::Choice(c) => {
                let n = c.len().max(1);
                match key.code {
                    KeyCode::Left => self.pick = (self.pick + n - 1) % n,
                    KeyCode::Right | KeyCode::Char(' ') => self.pick = (self.pick + 1) % n,
                    KeyCode::Char(ch) => {
                        let f = fold(&ch.to_string());
                        if let Some(i) = (1..=n)
                            .map(|k| (self.pick + k) % n)
                            .find(|&i| c.get(i).is_some_and(|(_, l)| fold(l).starts_with(&f)))
                        {
                            self.pick = i;
                        }
                    }
                    _ => return false,
                }
                true
            }
            FKind::Text => self.input.handle(key),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DKind {
    StartCycle,
    Open {
        /// What the books say each box holds.
        loan: Fcfa,
        social: Fcfa,
    },
    Social {
        /// The movement Ctrl+D takes back (the last one typed).
        last: Option<i64>,
    },
    Close {
        /// What each box should hold after the meeting.
        loan: Fcfa,
        social: Fcfa,
    },
    Reopen {
        number: i64,
    },
    WriteOff {
        number: i64,
    },
    AddMember,
    Leave {
        member: i64,
        date: NaiveDate,
    },
    PostShareout {
        date: NaiveDate,
    },
    /// The closing code, for the secretary's notebook.
    Code {
        code: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dialog {
    pub kind: DKind,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<String>,
    /// Sent to the ledger, waiting for its answer.
    pub pending: bool,
    /// What the dialog says above its fields (or instead of them).
    pub lines: Vec<(String, Role)>,
}

/// What a key did to a dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Keep,
    Cancel,
    Submit(SgEffect),
}

fn today_text(d: NaiveDate) -> String {
    crate::i18n::date(d, lang())
}

/// An amount offered in a field: plain digits (`12500`), which every
/// language reads back.
fn offered_amount(f: Fcfa) -> String {
    f.francs().to_string()
}

fn member_line(m: &SgMemberRow) -> String {
    format!("{} {}", m.number, m.name)
}

impl Dialog {
    fn new(kind: DKind, title: String, fields: Vec<Field>) -> Dialog {
        Dialog {
            kind,
            title,
            fields,
            focus: 0,
            error: None,
            pending: false,
            lines: vec![],
        }
    }

    /// A dialog that only shows text (and confirms).
    pub fn is_message(&self) -> bool {
        self.fields.is_empty()
    }

    pub fn start_cycle(start: NaiveDate) -> Dialog {
        let c = Constitution::standard();
        let end = start
            .checked_add_months(Months::new(12))
            .and_then(|d| d.pred_opt())
            .unwrap_or(start);
        let modes: Vec<(String, String)> = InterestMode::ALL
            .iter()
            .map(|m| (m.code().to_string(), super::mode_name(*m)))
            .collect();
        let fines = c
            .fines
            .iter()
            .map(|f| format!("{}={}", f.code, f.amount.francs()))
            .collect::<Vec<_>>()
            .join(" ");
        let mut d = Dialog::new(
            DKind::StartCycle,
            tr("sg-tui-dlg-cycle-title"),
            vec![
                Field::offer("sg-tui-f-start", &today_text(start), 10),
                Field::offer("sg-tui-f-end", &today_text(end), 10),
                Field::offer("sg-tui-f-frequency", &c.frequency_days.to_string(), 3),
                Field::offer("sg-tui-f-share-price", &offered_amount(c.share_price), 12),
                Field::offer("sg-tui-f-min-shares", &c.min_shares.to_string(), 3),
                Field::offer("sg-tui-f-max-shares", &c.max_shares.to_string(), 3),
                Field::offer("sg-tui-f-social-fee", &offered_amount(c.social_fee), 12),
                Field::choice("sg-tui-f-mode", modes, 0),
                Field::offer(
                    "sg-tui-f-rate",
                    &super::decimal(c.monthly_rate * rust_decimal::Decimal::from(100), 4),
                    8,
                ),
                Field::offer(
                    "sg-tui-f-multiple",
                    &super::decimal(c.max_loan_multiple, 2),
                    6,
                ),
                Field::offer("sg-tui-f-max-term", &c.max_term_months.to_string(), 3),
                Field::offer("sg-tui-f-fines", &fines, 200),
            ],
        );
        d.lines = vec![(tr("sg-tui-dlg-cycle-intro"), Role::Muted)];
        d
    }

    pub fn open(today: NaiveDate, loan: Fcfa, social: Fcfa) -> Dialog {
        let mut d = Dialog::new(
            DKind::Open { loan, social },
            tr("sg-tui-dlg-open-title"),
            vec![
                Field::offer("sg-tui-f-date", &today_text(today), 10),
                Field::offer("sg-tui-f-loan-count", &offered_amount(loan), 16),
                Field::offer("sg-tui-f-social-count", &offered_amount(social), 16),
                Field::text("sg-tui-f-reason", 300),
            ],
        );
        d.lines = vec![(tr("sg-tui-dlg-open-intro"), Role::Muted)];
        d
    }

    /// A social fund movement for the member under the cursor.
    pub fn social(app: &App) -> Dialog {
        let m = &app.sg.meeting;
        let member = m
            .current_member()
            .map(|n| n.to_string())
            .unwrap_or_default();
        let kinds = ["grant", "loan", "repay"]
            .iter()
            .map(|k| (k.to_string(), tr(&format!("sg-social-{k}"))))
            .collect();
        let reasons = ["health", "funeral", "other"]
            .iter()
            .map(|k| (k.to_string(), tr(&format!("sg-reason-{k}"))))
            .collect();
        let mut d = Dialog::new(
            DKind::Social {
                last: m
                    .view
                    .as_ref()
                    .and_then(|v| v.social.last())
                    .map(|s| s.id)
                    .filter(|id| *id > 0),
            },
            tr("sg-tui-dlg-social-title"),
            vec![
                Field::offer("sg-tui-f-member", &member, 60),
                Field::choice("sg-tui-f-social-kind", kinds, 0),
                Field::text("sg-tui-f-amount", 16),
                Field::choice("sg-tui-f-social-reason", reasons, 0),
                Field::text("sg-tui-f-note", 200),
                Field::text("sg-tui-f-term", 3),
            ],
        );
        let lg = lang();
        if let Some(v) = &m.view {
            d.lines.push((
                t!(
                    "sg-tui-dlg-social-cash",
                    opening = amt0(v.opening_social),
                    closing = amt0(v.closing_social)
                ),
                Role::Key,
            ));
            for s in &v.social {
                d.lines.push((
                    format!(
                        "  {} {} · {} {} · {}{}",
                        s.member,
                        s.name,
                        tr(&format!("sg-social-{}", s.kind)),
                        s.amount.format(lg),
                        tr(&format!("sg-reason-{}", s.reason)),
                        if s.note.is_empty() {
                            String::new()
                        } else {
                            format!(" · {}", s.note)
                        }
                    ),
                    Role::Normal,
                ));
            }
            if v.social.is_empty() {
                d.lines.push((tr("sg-tui-dlg-social-none"), Role::Muted));
            }
        }
        d
    }

    /// The counts at the close, offered as the books compute them. None
    /// (and a message) while rows are typed and not saved.
    pub fn close(app: &mut App) -> Option<Dialog> {
        let m = &app.sg.meeting;
        let v = m.view.as_ref()?;
        let typed: Vec<String> = m
            .edits
            .iter()
            .filter(|(_, e)| e.dirty)
            .map(|(n, _)| n.to_string())
            .collect();
        if !typed.is_empty() {
            let text = t!("sg-tui-close-typed", members = typed.join(", "));
            super::set_status(app, crate::tui::app::Level::Error, text);
            return None;
        }
        let missing = v.missing();
        let mut d = Dialog::new(
            DKind::Close {
                loan: v.closing_loan,
                social: v.closing_social,
            },
            t!("sg-tui-dlg-close-title", number = v.meeting.number),
            vec![
                Field::offer("sg-tui-f-loan-count", &offered_amount(v.closing_loan), 16),
                Field::offer(
                    "sg-tui-f-social-count",
                    &offered_amount(v.closing_social),
                    16,
                ),
                Field::text("sg-tui-f-reason", 300),
            ],
        );
        d.lines.push((
            t!(
                "sg-tui-dlg-close-expected",
                loan = amt0(v.closing_loan),
                social = amt0(v.closing_social)
            ),
            Role::Key,
        ));
        if !missing.is_empty() {
            let list: Vec<String> = missing.iter().map(|n| n.to_string()).collect();
            d.lines.push((
                t!("sg-tui-dlg-close-missing", members = list.join(", ")),
                Role::Warn,
            ));
        }
        d.lines.push((tr("sg-tui-dlg-close-intro"), Role::Muted));
        Some(d)
    }

    pub fn reopen(number: i64, date: NaiveDate) -> Dialog {
        let mut d = Dialog::new(
            DKind::Reopen { number },
            t!("sg-tui-dlg-reopen-title", number = number),
            vec![Field::text("sg-tui-f-reason", 300)],
        );
        d.lines = vec![(
            t!(
                "sg-tui-dlg-reopen-intro",
                number = number,
                date = today_text(date)
            ),
            Role::Warn,
        )];
        d
    }

    pub fn write_off(app: &App, loan: &crate::service::savings::LoanView) -> Dialog {
        let lg = lang();
        let mut d = Dialog::new(
            DKind::WriteOff {
                number: loan.loan.number,
            },
            t!(
                "sg-tui-dlg-writeoff-title",
                number = loan.loan.number,
                name = loan.name.clone()
            ),
            vec![
                Field::text("sg-tui-f-reason", 300),
                Field::text("sg-tui-f-approver-1", 100),
                Field::text("sg-tui-f-approver-2", 100),
                Field::offer("sg-tui-f-date", &today_text(app.today), 10),
            ],
        );
        d.lines = vec![
            (
                t!(
                    "sg-tui-dlg-writeoff-intro",
                    amount = loan.status.balance.format(lg)
                ),
                Role::Warn,
            ),
            (tr("sg-tui-dlg-writeoff-approvers"), Role::Muted),
        ];
        d
    }

    pub fn add_member(joined: NaiveDate) -> Dialog {
        let roles = MemberRole::ALL
            .iter()
            .map(|r| (r.code().to_string(), super::role_name(r.code())))
            .collect();
        Dialog::new(
            DKind::AddMember,
            tr("sg-tui-dlg-member-title"),
            vec![
                Field::text("sg-tui-f-name", 200),
                Field::text("sg-tui-f-phone", 40),
                Field::choice("sg-tui-f-role", roles, 0),
                Field::offer("sg-tui-f-joined", &today_text(joined), 10),
                Field::text("sg-tui-f-number", 4),
            ],
        )
    }

    /// What she takes when she leaves, to confirm.
    pub fn leave(p: &LeavePlan) -> Dialog {
        let lg = lang();
        let mut d = Dialog::new(
            DKind::Leave {
                member: p.member,
                date: p.date,
            },
            t!("sg-tui-dlg-leave-title", name = p.name.clone()),
            vec![],
        );
        d.lines = vec![
            (
                t!(
                    "sg-tui-dlg-leave-savings",
                    shares = p.shares,
                    savings = p.savings.format(lg),
                    amount = p.amount.format(lg)
                ),
                Role::Normal,
            ),
            (
                t!("sg-tui-dlg-leave-debt", amount = p.debt.format(lg)),
                Role::Normal,
            ),
            (
                t!("sg-tui-dlg-leave-payout", amount = p.payout.format(lg)),
                Role::Key,
            ),
            (String::new(), Role::Normal),
            (
                t!("sg-tui-dlg-leave-confirm", date = today_text(p.date)),
                Role::Muted,
            ),
        ];
        d
    }

    pub fn post_shareout(v: &crate::service::savings::ShareoutView) -> Dialog {
        let lg = lang();
        let mut d = Dialog::new(
            DKind::PostShareout { date: v.date },
            t!("sg-tui-dlg-shareout-title", cycle = v.cycle),
            vec![],
        );
        d.lines = vec![
            (
                t!(
                    "sg-tui-dlg-shareout-intro",
                    amount = v.plan.total_payout.format(lg),
                    count = v.plan.lines.len() as i64,
                    date = today_text(v.date)
                ),
                Role::Normal,
            ),
            (tr("sg-tui-dlg-shareout-final"), Role::Warn),
            (String::new(), Role::Normal),
            (tr("confirm-help"), Role::Muted),
        ];
        d
    }

    /// The closing code, big and clear.
    pub fn code(out: &CloseOutcome) -> Dialog {
        let lg = lang();
        let mut d = Dialog::new(
            DKind::Code {
                code: out.code.clone(),
            },
            t!("sg-tui-dlg-code-title", number = out.meeting),
            vec![],
        );
        d.lines = vec![
            (
                t!(
                    "sg-tui-dlg-code-closed",
                    number = out.meeting,
                    date = today_text(out.date),
                    entries = out.entries as i64
                ),
                Role::Success,
            ),
            (
                t!(
                    "sg-tui-dlg-code-cash",
                    loan = out.closing_loan.format(lg),
                    social = out.closing_social.format(lg)
                ),
                Role::Normal,
            ),
        ];
        if !out.difference_loan.is_zero() || !out.difference_social.is_zero() {
            d.lines.push((
                t!(
                    "sg-tui-dlg-code-difference",
                    loan = out.difference_loan.format(lg),
                    social = out.difference_social.format(lg)
                ),
                Role::Warn,
            ));
        }
        d
    }

    // ---- keys -----------------------------------------------------------

    pub fn key(&mut self, app: &mut App, cmd: Option<Cmd>, key: &KeyEvent) -> Outcome {
        let fkey = matches!(key.code, KeyCode::F(_));
        if self.pending {
            return if cmd == Some(Cmd::Back) {
                Outcome::Cancel
            } else {
                Outcome::Keep
            };
        }
        if self.is_message() {
            return match (cmd, &self.kind) {
                (Some(Cmd::Back), _) => Outcome::Cancel,
                (Some(Cmd::Confirm), DKind::Code { .. }) => Outcome::Cancel,
                (Some(Cmd::Confirm), _) => match self.submit(app) {
                    Ok(e) => Outcome::Submit(e),
                    Err(m) => {
                        self.error = Some(m);
                        Outcome::Keep
                    }
                },
                _ => Outcome::Keep,
            };
        }
        let n = self.fields.len();
        match cmd {
            Some(Cmd::Back) => return Outcome::Cancel,
            Some(Cmd::NextField | Cmd::Down) => self.focus = (self.focus + 1) % n,
            Some(Cmd::PrevField | Cmd::Up) => self.focus = (self.focus + n - 1) % n,
            Some(Cmd::DeleteLine) => {
                if let DKind::Social { last: Some(id) } = self.kind
                    && let Some(org) = org_code(app)
                {
                    return Outcome::Submit(SgEffect::RemoveSocial { org, id });
                }
            }
            Some(Cmd::Confirm) => {
                if !fkey && self.focus + 1 < n {
                    self.focus += 1;
                    return Outcome::Keep;
                }
                return match self.submit(app) {
                    Ok(e) => Outcome::Submit(e),
                    Err(m) => {
                        self.error = Some(m);
                        Outcome::Keep
                    }
                };
            }
            _ => {
                if let Some(f) = self.fields.get_mut(self.focus)
                    && f.edit(key)
                {
                    self.error = None;
                }
            }
        }
        Outcome::Keep
    }

    fn fail<T>(&mut self, at: usize, msg: String) -> Result<T, String> {
        self.focus = at;
        Err(msg)
    }

    fn date_at(&mut self, i: usize) -> Result<NaiveDate, String> {
        match parse_day(self.fields[i].value()) {
            Ok(d) => Ok(d),
            Err(m) => self.fail(i, m),
        }
    }

    fn amount_at(&mut self, i: usize) -> Result<Fcfa, String> {
        let t = self.fields[i].value().to_string();
        if t.is_empty() {
            return self.fail(i, tr("sg-tui-amount-required"));
        }
        match money::parse(&t) {
            Ok(a) => Ok(a),
            Err(e) => self.fail(i, crate::i18n::message(&e)),
        }
    }

    fn count_at(&mut self, i: usize) -> Result<u32, String> {
        let t = self.fields[i].value().to_string();
        match t.parse::<u32>() {
            Ok(n) => Ok(n),
            Err(_) => self.fail(i, t!("sg-tui-bad-number", value = t)),
        }
    }

    fn submit(&mut self, app: &App) -> Result<SgEffect, String> {
        let Some(org) = org_code(app) else {
            return Err(String::new());
        };
        let msg = |e: &dyn crate::domain::Message| crate::i18n::message(e);
        match self.kind.clone() {
            DKind::StartCycle => {
                let start = self.date_at(0)?;
                let end = self.date_at(1)?;
                let frequency_days = self.count_at(2)?;
                let share_price = self.amount_at(3)?;
                let min_shares = self.count_at(4)?;
                let max_shares = self.count_at(5)?;
                let social_fee = self.amount_at(6)?;
                let mode = InterestMode::parse(self.fields[7].code()).unwrap_or(InterestMode::Flat);
                let rate = match parse_rate(self.fields[8].value()) {
                    Ok(r) => r,
                    Err(e) => return self.fail(8, msg(&e)),
                };
                let multiple = match parse_multiple(self.fields[9].value()) {
                    Ok(m) => m,
                    Err(e) => return self.fail(9, msg(&e)),
                };
                let max_term = self.count_at(10)?;
                let mut fines = vec![];
                for part in self.fields[11]
                    .value()
                    .split([' ', ',', ';'])
                    .filter(|p| !p.trim().is_empty())
                {
                    match FineType::parse(part) {
                        Ok(f) => fines.push((f.code, f.amount)),
                        Err(e) => return self.fail(11, msg(&e)),
                    }
                }
                let cycle = CycleDraft {
                    start,
                    end,
                    frequency_days,
                    share_price,
                    min_shares,
                    max_shares,
                    social_fee,
                    mode,
                    rate: if mode == InterestMode::None {
                        rust_decimal::Decimal::ZERO
                    } else {
                        rate
                    },
                    multiple,
                    max_term,
                    fines,
                };
                if let Err(e) = cycle.constitution().validate() {
                    return Err(msg(&e));
                }
                Ok(SgEffect::StartCycle { org, cycle })
            }
            DKind::Open { .. } => {
                let date = self.date_at(0)?;
                let loan = self.amount_at(1)?;
                let social = self.amount_at(2)?;
                Ok(SgEffect::Open {
                    org,
                    date,
                    loan,
                    social,
                    reason: self.fields[3].value().to_string(),
                })
            }
            DKind::Social { .. } => {
                let member = self.fields[0].value().to_string();
                if member.is_empty() {
                    return self.fail(0, tr("sg-tui-member-required"));
                }
                let amount = self.amount_at(2)?;
                let term_text = self.fields[5].value().to_string();
                let term = if term_text.is_empty() {
                    0
                } else {
                    self.count_at(5)?
                };
                Ok(SgEffect::Social {
                    org,
                    social: SocialDraft {
                        member,
                        kind: self.fields[1].code().to_string(),
                        amount,
                        reason: self.fields[3].code().to_string(),
                        note: self.fields[4].value().to_string(),
                        term,
                    },
                })
            }
            DKind::Close { .. } => {
                let loan = self.amount_at(0)?;
                let social = self.amount_at(1)?;
                Ok(SgEffect::Close {
                    org,
                    loan,
                    social,
                    reason: self.fields[2].value().to_string(),
                })
            }
            DKind::Reopen { number } => {
                let reason = self.fields[0].value().to_string();
                if reason.is_empty() {
                    return self.fail(0, tr("sg-tui-reason-required"));
                }
                Ok(SgEffect::Reopen {
                    org,
                    number,
                    reason,
                })
            }
            DKind::WriteOff { number } => {
                let reason = self.fields[0].value().to_string();
                if reason.is_empty() {
                    return self.fail(0, tr("sg-tui-reason-required"));
                }
                let approvers = vec![
                    self.fields[1].value().to_string(),
                    self.fields[2].value().to_string(),
                ];
                let date = self.date_at(3)?;
                Ok(SgEffect::WriteOff {
                    org,
                    number,
                    date,
                    reason,
                    approvers,
                })
            }
            DKind::AddMember => {
                let name = self.fields[0].value().to_string();
                if name.is_empty() {
                    return self.fail(0, tr("dlg-name-required"));
                }
                let role = MemberRole::parse(self.fields[2].code()).unwrap_or(MemberRole::Member);
                let joined = self.date_at(3)?;
                let number_text = self.fields[4].value().to_string();
                let number = if number_text.is_empty() {
                    None
                } else {
                    match number_text.parse::<i64>() {
                        Ok(n) => Some(n),
                        Err(_) => {
                            return self.fail(4, t!("sg-tui-bad-number", value = number_text));
                        }
                    }
                };
                Ok(SgEffect::AddMember {
                    org,
                    member: MemberDraft {
                        number,
                        name,
                        phone: self.fields[1].value().to_string(),
                        role,
                        joined,
                    },
                })
            }
            DKind::Leave { member, date } => Ok(SgEffect::Leave { org, member, date }),
            DKind::PostShareout { date } => Ok(SgEffect::PostShareout { org, date }),
            DKind::Code { .. } => Err(String::new()),
        }
    }

    /// A short note after a field: who a member field names, what the books
    /// expect a count to be.
    pub fn field_note(&self, app: &App, i: usize) -> Option<(String, Role)> {
        let f = self.fields.get(i)?;
        match (&self.kind, f.label) {
            (DKind::Social { .. }, "sg-tui-f-member") => {
                let q = f.value();
                if q.is_empty() {
                    return None;
                }
                let found: Vec<&SgMemberRow> = match q.trim_start_matches('#').parse::<i64>() {
                    Ok(n) => app.sg.members.iter().filter(|m| m.number == n).collect(),
                    Err(_) => {
                        let k = fold(q);
                        app.sg
                            .members
                            .iter()
                            .filter(|m| fold(&m.name).contains(&k))
                            .collect()
                    }
                };
                Some(match found.as_slice() {
                    [one] => (member_line(one), Role::Success),
                    [] => (tr("sg-tui-note-no-member"), Role::Error),
                    many => (
                        t!("sg-tui-note-many", count = many.len() as i64),
                        Role::Warn,
                    ),
                })
            }
            (DKind::Social { .. }, "sg-tui-f-term") => Some((tr("sg-tui-note-term"), Role::Muted)),
            (DKind::Open { loan, social }, l) | (DKind::Close { loan, social }, l)
                if l == "sg-tui-f-loan-count" || l == "sg-tui-f-social-count" =>
            {
                let expected = if l == "sg-tui-f-loan-count" {
                    *loan
                } else {
                    *social
                };
                match money::parse(f.value()) {
                    Ok(a) if a == expected => Some((tr("sg-tui-note-count-ok"), Role::Success)),
                    Ok(a) => Some((
                        t!(
                            "sg-tui-note-count-differs",
                            expected = amt0(expected),
                            difference = amt0(Fcfa::new(a.francs() - expected.francs()))
                        ),
                        Role::Warn,
                    )),
                    Err(_) => None,
                }
            }
            (DKind::Open { .. } | DKind::Close { .. }, "sg-tui-f-reason") => {
                Some((tr("sg-tui-note-reason-if-differs"), Role::Muted))
            }
            (DKind::AddMember, "sg-tui-f-number") => Some((tr("sg-tui-note-number"), Role::Muted)),
            (DKind::StartCycle, "sg-tui-f-fines") => Some((tr("sg-tui-note-fines"), Role::Muted)),
            (DKind::StartCycle, "sg-tui-f-rate") => Some((tr("sg-tui-note-rate"), Role::Muted)),
            _ => None,
        }
    }
}
