//! Verification of a ledger's invariants, fed by the store one entry at a
//! time (in chain order) so a million entries need no more memory than a
//! handful of totals.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::ledger::{EntryNumber, PostedEntry, Side};
use super::period::Month;
use super::{Message, MsgArg};

/// Something wrong with the books. Each names where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// `PRAGMA integrity_check` did not answer `ok`.
    Integrity {
        detail: String,
    },
    /// A protection the schema should have is missing (e.g. a trigger dropped).
    Schema {
        detail: String,
    },
    Unbalanced {
        org: String,
        number: EntryNumber,
    },
    /// The stored hash is not the hash of the stored content: altered.
    HashMismatch {
        org: String,
        number: EntryNumber,
    },
    /// The entry does not point at the previous entry's hash.
    BrokenLink {
        org: String,
        number: EntryNumber,
    },
    /// Chain positions jump: entries were removed from the middle.
    ChainGap {
        org: String,
        expected: i64,
        number: EntryNumber,
    },
    /// Numbering within a fiscal year is not gapless.
    NumberGap {
        org: String,
        expected: EntryNumber,
        number: EntryNumber,
    },
    /// The entry's number is not in the fiscal year of its date.
    WrongYear {
        org: String,
        number: EntryNumber,
    },
    /// The organisation's recorded chain head is beyond the last entry: the
    /// last entries were deleted.
    Truncated {
        org: String,
        last: String,
        head: String,
        missing: i64,
    },
    /// The last entry is not the recorded chain head.
    HeadMismatch {
        org: String,
        number: String,
    },
    /// Cached monthly totals differ from the lines.
    CacheMismatch {
        org: String,
        account: String,
        month: String,
    },
    /// A reversal that does not mirror the entry it reverses.
    BadReversal {
        org: String,
        number: EntryNumber,
    },
    /// An entry dated in a month that was already closed when it was posted.
    ClosedPeriodViolation {
        org: String,
        number: EntryNumber,
        month: String,
    },
    /// The totals stored when a period was closed no longer match its lines.
    CloseTotals {
        org: String,
        period: String,
        account: String,
    },
    /// The chain head stored at a period close is not in the chain any more.
    CloseHead {
        org: String,
        period: String,
    },
    /// The audit log is not an unbroken append-only chain.
    AuditBroken {
        id: i64,
    },
    /// Rows of an entry disagree with each other (a line's date, an account
    /// of another organisation, an impossible date): edited outside jatebo.
    DamagedRow {
        org: String,
        number: EntryNumber,
    },
    /// The organisation's closed-through mark is not the last recorded close.
    ClosedThroughMismatch {
        org: String,
        recorded: String,
        mark: String,
    },
    /// A stock account's balance is not the value of the items it holds.
    StockMismatch {
        org: String,
        account: String,
        ledger: i64,
        stock: i64,
    },
    /// An item's level is not the sum of its stock-ledger rows.
    StockLedger {
        org: String,
        item: String,
    },
    /// A member's savings or loan account is not what the meetings recorded.
    MemberMismatch {
        org: String,
        account: String,
        ledger: i64,
        book: i64,
    },
    /// A meeting's closing code does not match the chain any more.
    MeetingCode {
        org: String,
        meeting: String,
        code: String,
    },
    /// The ledger is behind, or disagrees with, the chain heads recorded in
    /// its heads file: put back to an earlier copy, truncated or rewritten.
    KnownHeads {
        finding: super::safety::HeadFinding,
    },
    /// The heads file beside the ledger cannot be read.
    HeadsFile {
        detail: String,
    },
}

impl Problem {
    /// The entry the problem is about, if it is about one.
    pub fn entry(&self) -> Option<EntryNumber> {
        use Problem::*;
        match self {
            Unbalanced { number, .. }
            | HashMismatch { number, .. }
            | BrokenLink { number, .. }
            | ChainGap { number, .. }
            | NumberGap { number, .. }
            | WrongYear { number, .. }
            | BadReversal { number, .. }
            | DamagedRow { number, .. }
            | ClosedPeriodViolation { number, .. } => Some(*number),
            Truncated { last, .. } => EntryNumber::parse(last),
            _ => None,
        }
    }
}

impl Message for Problem {
    fn key(&self) -> &'static str {
        use Problem::*;
        match self {
            Integrity { .. } => "verify-integrity",
            Schema { .. } => "verify-schema",
            Unbalanced { .. } => "verify-unbalanced",
            HashMismatch { .. } => "verify-hash-mismatch",
            BrokenLink { .. } => "verify-broken-link",
            ChainGap { .. } => "verify-chain-gap",
            NumberGap { .. } => "verify-number-gap",
            WrongYear { .. } => "verify-wrong-year",
            Truncated { .. } => "verify-truncated",
            HeadMismatch { .. } => "verify-head-mismatch",
            CacheMismatch { .. } => "verify-cache-mismatch",
            BadReversal { .. } => "verify-bad-reversal",
            ClosedPeriodViolation { .. } => "verify-closed-period",
            CloseTotals { .. } => "verify-close-totals",
            CloseHead { .. } => "verify-close-head",
            AuditBroken { .. } => "verify-audit-broken",
            DamagedRow { .. } => "verify-damaged-row",
            ClosedThroughMismatch { .. } => "verify-closed-through",
            StockMismatch { .. } => "verify-stock-mismatch",
            StockLedger { .. } => "verify-stock-ledger",
            MemberMismatch { .. } => "verify-member-mismatch",
            MeetingCode { .. } => "verify-meeting-code",
            KnownHeads { finding } => finding.key(),
            HeadsFile { .. } => "verify-heads-file",
        }
    }

    fn args(&self) -> Vec<(&'static str, MsgArg)> {
        use Problem::*;
        let s = |v: &str| MsgArg::Text(v.to_string());
        match self {
            Integrity { detail } | Schema { detail } => vec![("detail", s(detail))],
            Unbalanced { org, number }
            | HashMismatch { org, number }
            | BrokenLink { org, number }
            | WrongYear { org, number }
            | DamagedRow { org, number }
            | BadReversal { org, number } => {
                vec![("org", s(org)), ("number", s(&number.to_string()))]
            }
            ChainGap {
                org,
                expected,
                number,
            } => vec![
                ("org", s(org)),
                ("expected", MsgArg::Int(*expected)),
                ("number", s(&number.to_string())),
            ],
            NumberGap {
                org,
                expected,
                number,
            } => vec![
                ("org", s(org)),
                ("expected", s(&expected.to_string())),
                ("number", s(&number.to_string())),
            ],
            Truncated {
                org,
                last,
                head,
                missing,
            } => vec![
                ("org", s(org)),
                ("last", s(last)),
                ("head", s(head)),
                ("missing", MsgArg::Int(*missing)),
            ],
            HeadMismatch { org, number } => vec![("org", s(org)), ("number", s(number))],
            StockMismatch {
                org,
                account,
                ledger,
                stock,
            } => vec![
                ("org", s(org)),
                ("account", s(account)),
                ("ledger", MsgArg::Amount(*ledger)),
                ("stock", MsgArg::Amount(*stock)),
            ],
            StockLedger { org, item } => vec![("org", s(org)), ("item", s(item))],
            MemberMismatch {
                org,
                account,
                ledger,
                book,
            } => vec![
                ("org", s(org)),
                ("account", s(account)),
                ("ledger", MsgArg::Amount(*ledger)),
                ("book", MsgArg::Amount(*book)),
            ],
            MeetingCode { org, meeting, code } => {
                vec![("org", s(org)), ("meeting", s(meeting)), ("code", s(code))]
            }
            KnownHeads { finding } => finding.args(),
            HeadsFile { detail } => vec![("detail", s(detail))],
            CacheMismatch {
                org,
                account,
                month,
            } => vec![
                ("org", s(org)),
                ("account", s(account)),
                ("month", s(month)),
            ],
            ClosedPeriodViolation { org, number, month } => vec![
                ("org", s(org)),
                ("number", s(&number.to_string())),
                ("month", s(month)),
            ],
            CloseTotals {
                org,
                period,
                account,
            } => vec![
                ("org", s(org)),
                ("period", s(period)),
                ("account", s(account)),
            ],
            CloseHead { org, period } => vec![("org", s(org)), ("period", s(period))],
            AuditBroken { id } => vec![("id", MsgArg::Int(*id))],
            ClosedThroughMismatch {
                org,
                recorded,
                mark,
            } => vec![
                ("org", s(org)),
                ("recorded", s(recorded)),
                ("mark", s(mark)),
            ],
        }
    }
}

/// What the organisation row says about its chain.
#[derive(Clone, Debug)]
pub struct ChainHead {
    pub genesis: String,
    pub head_chain: i64,
    pub head_hash: String,
    pub head_number: String,
    /// The organisation's closed-through mark.
    pub closed_through: Option<Month>,
}

/// A recorded period close, as the checker needs it.
#[derive(Clone, Debug)]
pub struct CloseRecord {
    pub period: String,
    /// Last month the close covers.
    pub through: Month,
    pub head_chain: i64,
    pub head_hash: String,
}

/// Monthly debit/credit per account, as recomputed from lines.
pub type MonthTotals = BTreeMap<(String, String), (i128, i128)>;

/// Checks one organisation's chain, entry by entry, in chain order.
pub struct ChainChecker {
    org: String,
    prev_hash: String,
    next_chain: i64,
    last_seq: HashMap<i32, i64>,
    last_number: Option<EntryNumber>,
    closes: Vec<CloseRecord>,
    close_idx: usize,
    closed_through: Option<Month>,
    /// (account, month) → (debit, credit), recomputed from the lines.
    pub totals: MonthTotals,
    pub problems: Vec<Problem>,
    head: ChainHead,
}

impl ChainChecker {
    /// `closes` in the order they were made.
    pub fn new(org: &str, head: ChainHead, mut closes: Vec<CloseRecord>) -> ChainChecker {
        closes.sort_by_key(|c| c.head_chain);
        ChainChecker {
            org: org.to_string(),
            prev_hash: head.genesis.clone(),
            next_chain: 1,
            last_seq: HashMap::new(),
            last_number: None,
            closes,
            close_idx: 0,
            closed_through: None,
            totals: BTreeMap::new(),
            problems: Vec::new(),
            head,
        }
    }

    fn push(&mut self, p: Problem) {
        // Past a few hundred findings the list stops being useful.
        if self.problems.len() < 1000 {
            self.problems.push(p);
        }
    }

    /// Closes whose head is before `chain_no` were in force when it was
    /// posted. A close's stored head must be the hash the chain had there.
    fn advance_closes(&mut self, chain_no: i64) {
        while self.close_idx < self.closes.len()
            && self.closes[self.close_idx].head_chain < chain_no
        {
            let c = self.closes[self.close_idx].clone();
            if c.head_chain != chain_no - 1 || c.head_hash != self.prev_hash {
                self.push(Problem::CloseHead {
                    org: self.org.clone(),
                    period: c.period.clone(),
                });
            }
            if self.closed_through.is_none_or(|m| c.through > m) {
                self.closed_through = Some(c.through);
            }
            self.close_idx += 1;
        }
    }

    /// `consistent`: whether the store found the entry's rows agreeing with
    /// each other (see `Reader::for_each_entry`).
    pub fn feed(&mut self, e: &PostedEntry, consistent: bool) {
        let org = self.org.clone();
        if !consistent {
            self.push(Problem::DamagedRow {
                org: org.clone(),
                number: e.number,
            });
        }
        if e.chain_no != self.next_chain {
            self.push(Problem::ChainGap {
                org: org.clone(),
                expected: self.next_chain,
                number: e.number,
            });
        }
        self.advance_closes(e.chain_no);

        let expected_seq = self.last_seq.get(&e.number.year).copied().unwrap_or(0) + 1;
        if e.number.seq != expected_seq {
            self.push(Problem::NumberGap {
                org: org.clone(),
                expected: EntryNumber {
                    year: e.number.year,
                    seq: expected_seq,
                },
                number: e.number,
            });
        }
        self.last_seq.insert(e.number.year, e.number.seq);
        if chrono::Datelike::year(&e.date) != e.number.year {
            self.push(Problem::WrongYear {
                org: org.clone(),
                number: e.number,
            });
        }
        if !e.is_balanced() {
            self.push(Problem::Unbalanced {
                org: org.clone(),
                number: e.number,
            });
        }
        if e.prev_hash != self.prev_hash {
            self.push(Problem::BrokenLink {
                org: org.clone(),
                number: e.number,
            });
        }
        if e.compute_hash() != e.hash {
            self.push(Problem::HashMismatch {
                org: org.clone(),
                number: e.number,
            });
        }
        if let Some(m) = self.closed_through
            && Month::of(e.date) <= m
        {
            self.push(Problem::ClosedPeriodViolation {
                org: org.clone(),
                number: e.number,
                month: m.to_string(),
            });
        }
        let month = Month::of(e.date).key();
        for l in &e.lines {
            let slot = self
                .totals
                .entry((l.account.clone(), month.clone()))
                .or_insert((0, 0));
            match l.side {
                Side::Debit => slot.0 += i128::from(l.amount.francs()),
                Side::Credit => slot.1 += i128::from(l.amount.francs()),
            }
        }
        self.prev_hash = e.hash.clone();
        self.next_chain = e.chain_no + 1;
        self.last_number = Some(e.number);
    }

    /// After the last entry: the head must be where the organisation says.
    pub fn finish_chain(&mut self) {
        let found = self.next_chain - 1;
        let last = self
            .last_number
            .map(|n| n.to_string())
            .unwrap_or_else(|| "—".to_string());
        if self.head.head_chain > found {
            let p = Problem::Truncated {
                org: self.org.clone(),
                last,
                head: self.head.head_number.clone(),
                missing: self.head.head_chain - found,
            };
            self.push(p);
        } else if self.head.head_chain < found || self.head.head_hash != self.prev_hash {
            let p = Problem::HeadMismatch {
                org: self.org.clone(),
                number: last,
            };
            self.push(p);
        }
        // The closed-through mark must be the furthest recorded close.
        let recorded = self.closes.iter().map(|c| c.through).max();
        if recorded != self.head.closed_through {
            let show = |m: Option<Month>| m.map(|m| m.to_string()).unwrap_or_else(|| "—".into());
            let p = Problem::ClosedThroughMismatch {
                org: self.org.clone(),
                recorded: show(recorded),
                mark: show(self.head.closed_through),
            };
            self.push(p);
        }
        // Closes made after the last entry (or never reached: the chain was
        // cut before them).
        self.advance_closes(found + 1);
        while self.close_idx < self.closes.len() {
            let c = self.closes[self.close_idx].clone();
            self.push(Problem::CloseHead {
                org: self.org.clone(),
                period: c.period,
            });
            self.close_idx += 1;
        }
    }

    /// Compares the cached monthly totals with the recomputed ones.
    pub fn check_cache(&mut self, cached: &MonthTotals) {
        let mut keys: Vec<&(String, String)> = self.totals.keys().chain(cached.keys()).collect();
        keys.sort();
        keys.dedup();
        let mut found = Vec::new();
        for k in keys {
            let a = self.totals.get(k).copied().unwrap_or((0, 0));
            let b = cached.get(k).copied().unwrap_or((0, 0));
            if a != b {
                found.push(Problem::CacheMismatch {
                    org: self.org.clone(),
                    account: k.0.clone(),
                    month: k.1.clone(),
                });
            }
        }
        for p in found {
            self.push(p);
        }
    }

    /// Compares the totals stored when `period` was closed (account →
    /// debit, credit over the months `from..=to`) with the recomputed ones.
    pub fn check_close_totals(
        &mut self,
        period: &str,
        months: (Month, Month),
        stored: &BTreeMap<String, (i128, i128)>,
        header: (i128, i128),
    ) {
        let (from, to) = (months.0.key(), months.1.key());
        let mut actual: BTreeMap<String, (i128, i128)> = BTreeMap::new();
        for ((account, month), (d, c)) in &self.totals {
            if *month >= from && *month <= to {
                let slot = actual.entry(account.clone()).or_insert((0, 0));
                slot.0 += d;
                slot.1 += c;
            }
        }
        actual.retain(|_, v| *v != (0, 0));
        let sum = actual
            .values()
            .fold((0i128, 0i128), |acc, v| (acc.0 + v.0, acc.1 + v.1));
        if sum != header {
            self.push(Problem::CloseTotals {
                org: self.org.clone(),
                period: period.to_string(),
                account: "—".to_string(),
            });
        }
        let stored: BTreeMap<String, (i128, i128)> = stored
            .iter()
            .filter(|(_, v)| **v != (0, 0))
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        if actual != stored {
            let account = actual
                .iter()
                .find(|(k, v)| stored.get(*k) != Some(v))
                .map(|(k, _)| k.clone())
                .or_else(|| stored.keys().find(|k| !actual.contains_key(*k)).cloned())
                .unwrap_or_default();
            self.push(Problem::CloseTotals {
                org: self.org.clone(),
                period: period.to_string(),
                account,
            });
        }
    }
}

/// A reversal must carry the same accounts and amounts as the entry it
/// reverses, with every side swapped.
pub fn mirrors(original: &PostedEntry, reversal: &PostedEntry) -> bool {
    if original.lines.len() != reversal.lines.len() {
        return false;
    }
    let key = |e: &PostedEntry, flip: bool| {
        let mut v: Vec<(String, &str, i64)> = e
            .lines
            .iter()
            .map(|l| {
                let side = if flip { l.side.opposite() } else { l.side };
                (l.account.clone(), side.code(), l.amount.francs())
            })
            .collect();
        v.sort();
        v
    };
    key(original, true) == key(reversal, false)
}

/// An audit-log row as stored.
#[derive(Clone, Debug)]
pub struct AuditRecord {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub org: String,
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
}

pub const AUDIT_GENESIS: &str = "jatebo/audit/genesis";

impl AuditRecord {
    pub fn compute_hash(&self) -> String {
        let mut c = super::ledger::Canonical::new("jatebo/audit/v1");
        c.str(&self.prev_hash)
            .int(self.id)
            .str(&self.at)
            .str(&self.actor)
            .str(&self.action)
            .str(&self.org)
            .str(&self.detail);
        c.digest_hex()
    }
}

/// Checks the audit chain; returns the first broken row.
pub fn check_audit<'a>(rows: impl IntoIterator<Item = &'a AuditRecord>) -> Option<Problem> {
    let mut prev = AUDIT_GENESIS.to_string();
    let mut expected_id = None;
    for r in rows {
        let id_ok = expected_id.is_none_or(|id| r.id == id);
        if !id_ok || r.prev_hash != prev || r.compute_hash() != r.hash {
            return Some(Problem::AuditBroken { id: r.id });
        }
        prev = r.hash.clone();
        expected_id = Some(r.id + 1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ledger::{PostedLine, genesis_hash};
    use crate::domain::money::Fcfa;
    use chrono::NaiveDate;

    fn chain(n: i64) -> (ChainHead, Vec<PostedEntry>) {
        let genesis = genesis_hash("soap", "2026-01-01T00:00:00Z");
        let mut prev = genesis.clone();
        let mut v = Vec::new();
        for i in 1..=n {
            let mut e = PostedEntry {
                number: EntryNumber { year: 2026, seq: i },
                chain_no: i,
                date: NaiveDate::from_ymd_opt(2026, 1 + (i as u32 % 3), 10).unwrap(),
                recorded_at: "2026-11-01T10:00:00Z".into(),
                doc_ref: format!("R{i}"),
                memo: "vente".into(),
                author: "awa".into(),
                idem_key: format!("k{i}"),
                reverses: None,
                source: None,
                lines: vec![
                    PostedLine {
                        line_no: 1,
                        account: "5711".into(),
                        side: Side::Debit,
                        amount: Fcfa::new(100 * i),
                        label: String::new(),
                    },
                    PostedLine {
                        line_no: 2,
                        account: "7021".into(),
                        side: Side::Credit,
                        amount: Fcfa::new(100 * i),
                        label: String::new(),
                    },
                ],
                prev_hash: prev.clone(),
                hash: String::new(),
            };
            e.hash = e.compute_hash();
            prev = e.hash.clone();
            v.push(e);
        }
        let head = ChainHead {
            genesis,
            head_chain: n,
            head_hash: prev,
            head_number: format!("2026-{n:06}"),
            closed_through: None,
        };
        (head, v)
    }

    fn run(head: ChainHead, entries: &[PostedEntry]) -> Vec<Problem> {
        let mut c = ChainChecker::new("soap", head, vec![]);
        for e in entries {
            c.feed(e, true);
        }
        c.finish_chain();
        c.problems
    }

    #[test]
    fn intact_chain_has_no_problem() {
        let (head, v) = chain(5);
        assert_eq!(run(head, &v), vec![]);
    }

    #[test]
    fn altered_amount_is_named() {
        let (head, mut v) = chain(5);
        v[2].lines[0].amount = Fcfa::new(1);
        v[2].lines[1].amount = Fcfa::new(1);
        let p = run(head, &v);
        assert_eq!(p[0].entry().unwrap().to_string(), "2026-000003");
        assert!(matches!(p[0], Problem::HashMismatch { .. }));
    }

    #[test]
    fn deleted_last_entries_are_detected() {
        let (head, v) = chain(5);
        let p = run(head, &v[..3]);
        assert_eq!(
            p,
            vec![Problem::Truncated {
                org: "soap".into(),
                last: "2026-000003".into(),
                head: "2026-000005".into(),
                missing: 2
            }]
        );
    }

    #[test]
    fn deleted_middle_entry_is_detected() {
        let (head, mut v) = chain(5);
        v.remove(1);
        let p = run(head, &v);
        assert!(p.contains(&Problem::ChainGap {
            org: "soap".into(),
            expected: 2,
            number: EntryNumber { year: 2026, seq: 3 }
        }));
    }

    #[test]
    fn entry_in_closed_month_after_close() {
        let (head, v) = chain(4);
        let closes = vec![CloseRecord {
            period: "2026-02".into(),
            through: Month::parse("2026-02").unwrap(),
            head_chain: 2,
            head_hash: v[1].hash.clone(),
        }];
        let head = ChainHead {
            closed_through: Month::parse("2026-02").ok(),
            ..head
        };
        let mut c = ChainChecker::new("soap", head, closes);
        for e in &v {
            c.feed(e, true);
        }
        c.finish_chain();
        // Entries 3 and 4 are dated January and February (month 1 + i % 3),
        // both posted after February was closed; entry 2 (March) is fine.
        let v = |seq| Problem::ClosedPeriodViolation {
            org: "soap".into(),
            number: EntryNumber { year: 2026, seq },
            month: "2026-02".into(),
        };
        assert_eq!(c.problems, vec![v(3), v(4)]);
    }

    #[test]
    fn mirror_check() {
        let (_, v) = chain(2);
        let mut r = v[0].clone();
        for l in &mut r.lines {
            l.side = l.side.opposite();
        }
        assert!(mirrors(&v[0], &r));
        assert!(!mirrors(&v[0], &v[0]));
        assert!(!mirrors(&v[0], &v[1]));
    }

    #[test]
    fn audit_chain() {
        let mut rows = Vec::new();
        let mut prev = AUDIT_GENESIS.to_string();
        for id in 1..=3 {
            let mut r = AuditRecord {
                id,
                at: "t".into(),
                actor: "awa".into(),
                action: "entry.post".into(),
                org: "soap".into(),
                detail: format!("{id}"),
                prev_hash: prev.clone(),
                hash: String::new(),
            };
            r.hash = r.compute_hash();
            prev = r.hash.clone();
            rows.push(r);
        }
        assert_eq!(check_audit(&rows), None);
        rows[1].detail = "x".into();
        assert_eq!(check_audit(&rows), Some(Problem::AuditBroken { id: 2 }));
    }
}
