//! Runs a savings group's effects through the service layer (never SQL)
//! and brings back what the screens show. The only module of the group's
//! screens that touches the ledger.

use chrono::NaiveDate;

use super::{Data, SgDone, SgEffect};
use crate::domain::money::Fcfa;
use crate::domain::savings::SavingsError;
use crate::error::{Error, Result};
use crate::i18n;
use crate::service::savings::{
    CloseInput, CycleInput, OpenInput, SgMemberInput, SocialInput, accounts,
};
use crate::service::{Actor, Books};
use crate::store::OrgRow;
use crate::tui::log;

fn who(actor: Option<&Actor>) -> Result<&Actor> {
    actor.ok_or(Error::LoginRequired)
}

/// What the books say the loan fund's box and the social fund's box hold.
fn expected_cash(books: &Books, org: &OrgRow) -> Result<(Fcfa, Fcfa)> {
    let accounts = books.accounts(org, i18n::lang())?;
    let balance = |n: &str| {
        accounts
            .iter()
            .find(|a| a.number == n)
            .map_or(Fcfa::ZERO, |a| a.balance)
    };
    Ok((balance(accounts::LOAN_CASH), balance(accounts::SOCIAL_CASH)))
}

/// No cycle yet, or a cycle with no meeting: nothing to show, not an error.
fn nothing_yet(e: &Error) -> bool {
    matches!(
        e,
        Error::Savings(SavingsError::NoCycle | SavingsError::UnknownMeeting { .. })
    )
}

pub fn run(
    books: &mut Books,
    actor: Option<&Actor>,
    effect: &SgEffect,
    _today: NaiveDate,
) -> Result<SgDone> {
    Ok(match effect {
        SgEffect::Group { org: code } => {
            let o = books.org(code)?;
            let cycle = books.cycles(&o)?.pop();
            let meetings = if cycle.is_some() {
                books.meetings(&o)?
            } else {
                Vec::new()
            };
            SgDone::Group {
                cycle: cycle.map(Data),
                meetings,
                members: books.sg_members(&o)?,
                expected: expected_cash(books, &o)?,
            }
        }
        SgEffect::Meeting { org: code, number } => {
            let o = books.org(code)?;
            match books.meeting_view(&o, *number) {
                Ok(v) => SgDone::Meeting(Some(Data(v))),
                Err(e) if nothing_yet(&e) => SgDone::Meeting(None),
                Err(e) => return Err(e),
            }
        }
        SgEffect::Check {
            org: code,
            member,
            row,
        } => {
            let o = books.org(code)?;
            let result = books
                .check_meeting_row(&o, &member.to_string(), row)
                .map_err(|e| i18n::message(&e));
            SgDone::Checked {
                member: *member,
                row: row.clone(),
                result,
            }
        }
        SgEffect::SaveRow {
            org: code,
            member,
            row,
        } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            let view = books.record_row(a, &o, &member.to_string(), row.clone())?;
            SgDone::Saved {
                member: *member,
                view: Data(view),
            }
        }
        SgEffect::Fill { org: code } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            SgDone::Filled(Data(books.fill_default_rows(a, &o)?))
        }
        SgEffect::Open {
            org: code,
            date,
            loan,
            social,
            reason,
        } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            let v = books.open_meeting(
                a,
                &o,
                OpenInput {
                    date: *date,
                    loan_cash: *loan,
                    social_cash: *social,
                    reason: reason.clone(),
                },
            )?;
            log::info(&format!("meeting {} opened in {code}", v.meeting.number));
            SgDone::Opened(Data(v))
        }
        SgEffect::Social { org: code, social } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            let v = books.add_social(
                a,
                &o,
                SocialInput {
                    member: social.member.clone(),
                    kind: social.kind.clone(),
                    amount: social.amount,
                    reason: social.reason.clone(),
                    note: social.note.clone(),
                    term: social.term,
                },
            )?;
            SgDone::SocialChanged(Data(v))
        }
        SgEffect::RemoveSocial { org: code, id } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            SgDone::SocialChanged(Data(books.remove_social(a, &o, *id)?))
        }
        SgEffect::Close {
            org: code,
            loan,
            social,
            reason,
        } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            let out = books.close_meeting(
                a,
                &o,
                CloseInput {
                    loan_cash: *loan,
                    social_cash: *social,
                    reason: reason.clone(),
                },
            )?;
            log::info(&format!(
                "meeting {} closed in {code}: {}",
                out.meeting, out.code
            ));
            SgDone::Closed(Data(out))
        }
        SgEffect::Reopen {
            org: code,
            number,
            reason,
        } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            let v = books.reopen_meeting(a, &o, Some(*number), reason)?;
            log::info(&format!("meeting {number} reopened in {code}"));
            SgDone::Reopened(Data(v))
        }
        SgEffect::Loans { org: code, at } => {
            let o = books.org(code)?;
            match books.loans(&o, *at) {
                Ok(v) => SgDone::Loans(Data(v)),
                Err(e) if nothing_yet(&e) => SgDone::Loans(Data(Vec::new())),
                Err(e) => return Err(e),
            }
        }
        SgEffect::WriteOff {
            org: code,
            number,
            date,
            reason,
            approvers,
        } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            let l = books.write_off(a, &o, *number, *date, reason, approvers)?;
            log::info(&format!("loan {number} written off in {code}"));
            SgDone::WrittenOff(Data(l))
        }
        SgEffect::Shareout { org: code, date } => {
            let o = books.org(code)?;
            SgDone::Shareout(
                books
                    .shareout_preview(&o, *date)
                    .map(Data)
                    .map_err(|e| i18n::message(&e)),
            )
        }
        SgEffect::PostShareout { org: code, date } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            let v = books.post_shareout(a, &o, *date)?;
            log::info(&format!("share-out of cycle {} in {code}", v.cycle));
            SgDone::SharedOut(Data(v))
        }
        SgEffect::Passbook {
            org: code,
            member,
            at,
        } => {
            let o = books.org(code)?;
            SgDone::Passbook(Data(books.passbook(&o, &member.to_string(), *at)?))
        }
        SgEffect::Indicators { org: code, at } => {
            let o = books.org(code)?;
            SgDone::Indicators(
                books
                    .sg_indicators(&o, *at)
                    .map(Data)
                    .map_err(|e| i18n::message(&e)),
            )
        }
        SgEffect::AddMember { org: code, member } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            let m = books.add_sg_member(
                a,
                &o,
                SgMemberInput {
                    number: member.number,
                    name: member.name.clone(),
                    phone: member.phone.clone(),
                    role: member.role,
                    joined: member.joined,
                },
            )?;
            log::info(&format!("member {} added in {code}", m.number));
            SgDone::MemberAdded(m)
        }
        SgEffect::LeavePreview {
            org: code,
            member,
            date,
        } => {
            let o = books.org(code)?;
            SgDone::LeavePreview(Data(books.leave_preview(&o, &member.to_string(), *date)?))
        }
        SgEffect::Leave {
            org: code,
            member,
            date,
        } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            let plan = books.member_leave(a, &o, &member.to_string(), *date)?;
            log::info(&format!("member {member} left {code}"));
            SgDone::Left(Data(plan))
        }
        SgEffect::StartCycle { org: code, cycle } => {
            let a = who(actor)?;
            let o = books.org(code)?;
            let c = books.start_cycle(
                a,
                &o,
                CycleInput {
                    start: cycle.start,
                    planned_end: cycle.end,
                    constitution: cycle.constitution(),
                },
            )?;
            log::info(&format!("cycle {} started in {code}", c.number));
            SgDone::CycleStarted(Data(c))
        }
    })
}
