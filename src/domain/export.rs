//! The rules of the auditor's monthly export, without IO: what a folder
//! holds (manifest and body), how text is kept from running as a spreadsheet
//! formula, the general ledger built from the month's entries, and the
//! checks `verify-export` makes of a folder's content and of its link with
//! the previous month's folder.

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ledger::{EntryNumber, PostedEntry, Side};
use super::money::Fcfa;
use super::period::Month;
use super::report::{TrialBalance, TrialRow, split};
use super::{Message, MsgArg};

/// Written in every manifest; `verify-export` refuses another.
pub const FORMAT: &str = "jatebo-export/1";

// ---- text cells ------------------------------------------------------------

/// Characters that make a spreadsheet read a cell as a formula (or that a
/// spreadsheet strips before doing so), when they open it.
fn is_trigger(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r' | '\n')
}

/// A text cell as it goes into a CSV file: text that a spreadsheet would run
/// as a formula gets a leading apostrophe, which spreadsheets show as "this
/// is text". Text that already starts with an apostrophe gets one more, so
/// that `restore` gives back exactly what was written.
pub fn neutralise(s: &str) -> Cow<'_, str> {
    match s.chars().next() {
        Some(c) if is_trigger(c) || c == '\'' => Cow::Owned(format!("'{s}")),
        _ => Cow::Borrowed(s),
    }
}

/// Whether `neutralise` changes this text.
pub fn needs_neutralising(s: &str) -> bool {
    matches!(neutralise(s), Cow::Owned(_))
}

/// The text a neutralised cell stands for.
pub fn restore(s: &str) -> &str {
    s.strip_prefix('\'').unwrap_or(s)
}

// ---- what a folder holds ----------------------------------------------------

/// One link of an organisation's chain: enough to follow it without the
/// entry's content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainLink {
    /// Position in the organisation's chain (0 is the genesis).
    pub position: i64,
    /// The entry at that position (none for the genesis).
    pub number: Option<EntryNumber>,
    pub date: Option<NaiveDate>,
    pub recorded_at: String,
    pub prev_hash: String,
    pub hash: String,
}

/// A chain head as the manifest gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    pub position: i64,
    pub number: Option<EntryNumber>,
    pub hash: String,
}

impl From<&ChainLink> for Head {
    fn from(l: &ChainLink) -> Head {
        Head {
            position: l.position,
            number: l.number,
            hash: l.hash.clone(),
        }
    }
}

/// An entry of the month, with the entry that reversed it if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportEntry {
    #[serde(flatten)]
    pub entry: PostedEntry,
    pub reversed_by: Option<EntryNumber>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgInfo {
    pub code: String,
    pub name: String,
    pub kind: String,
    /// The first link of the organisation's chain: two folders with different
    /// genesis hashes are not the books of the same organisation.
    pub genesis: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodInfo {
    /// `2026-10`.
    pub month: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Whether the month was closed when exported (no entry can be added to
    /// it any more).
    pub closed: bool,
}

/// The general ledger of one account over the month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlAccount {
    pub account: String,
    pub name: String,
    pub opening_debit: Fcfa,
    pub opening_credit: Fcfa,
    pub lines: Vec<GlLine>,
    pub debit: Fcfa,
    pub credit: Fcfa,
    pub closing_debit: Fcfa,
    pub closing_credit: Fcfa,
}

/// One movement of an account, with the balance after it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlLine {
    pub date: NaiveDate,
    pub number: EntryNumber,
    pub doc_ref: String,
    pub label: String,
    pub debit: Fcfa,
    pub credit: Fcfa,
    pub balance_debit: Fcfa,
    pub balance_credit: Fcfa,
}

/// Everything an export says, as its JSON file holds it; the CSV files and
/// the plain-text journal are made from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Body {
    pub org: OrgInfo,
    pub period: PeriodInfo,
    /// The month's entries in date order (then recording order).
    pub entries: Vec<ExportEntry>,
    pub trial_balance: TrialBalance,
    pub general_ledger: Vec<GlAccount>,
    /// The chain from the link before the first entry dated in the month or
    /// later, to the last entry dated up to the month's end.
    pub chain: Vec<ChainLink>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub entries: u64,
    pub lines: u64,
    pub accounts: u64,
    pub chain_links: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub debit: Fcfa,
    pub credit: Fcfa,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainInfo {
    /// The link just before the month's first entry (the head of the chain
    /// as the month began, for books kept in order).
    pub start: Head,
    /// The last link of an entry dated up to the end of the month (the head
    /// of the chain as the month ended, for books kept in order).
    pub end: Head,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub name: String,
    pub sha256: String,
    pub bytes: u64,
    /// Data rows (CSV: without the header; XLSX: over all sheets; JSON and
    /// journal: entries).
    pub rows: u64,
}

/// `manifest.json`: written last, so a folder without one is an export that
/// did not finish.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub generator: String,
    pub org: OrgInfo,
    pub period: PeriodInfo,
    pub exported_at: String,
    pub exported_by: String,
    /// Language of the column headings.
    pub lang: super::Lang,
    /// Whether the CSV files start with a UTF-8 byte-order mark.
    pub csv_bom: bool,
    pub counts: Counts,
    pub totals: Totals,
    pub chain: ChainInfo,
    pub files: Vec<FileEntry>,
}

// ---- building ---------------------------------------------------------------

fn net(debit: Fcfa, credit: Fcfa) -> i128 {
    i128::from(debit.francs()) - i128::from(credit.francs())
}

/// The general ledger of the month: every account of the trial balance, its
/// opening balance, its lines in journal order with the running balance,
/// and its closing balance.
pub fn general_ledger(trial: &TrialBalance, entries: &[ExportEntry]) -> Vec<GlAccount> {
    let mut by_account: BTreeMap<&str, Vec<(&PostedEntry, usize)>> = BTreeMap::new();
    for e in entries {
        for (i, l) in e.entry.lines.iter().enumerate() {
            by_account
                .entry(l.account.as_str())
                .or_default()
                .push((&e.entry, i));
        }
    }
    let mut out = Vec::with_capacity(trial.rows.len());
    for row in &trial.rows {
        let mut balance = net(row.opening_debit, row.opening_credit);
        let (mut debit, mut credit) = (0i128, 0i128);
        let mut lines = Vec::new();
        for (e, i) in by_account.remove(row.account.as_str()).unwrap_or_default() {
            let l = &e.lines[i];
            let a = i128::from(l.amount.francs());
            let (d, c) = match l.side {
                Side::Debit => {
                    debit += a;
                    balance += a;
                    (l.amount, Fcfa::ZERO)
                }
                Side::Credit => {
                    credit += a;
                    balance -= a;
                    (Fcfa::ZERO, l.amount)
                }
            };
            let (bd, bc) = split(balance);
            lines.push(GlLine {
                date: e.date,
                number: e.number,
                doc_ref: e.doc_ref.clone(),
                label: if l.label.is_empty() {
                    e.memo.clone()
                } else {
                    l.label.clone()
                },
                debit: d,
                credit: c,
                balance_debit: bd,
                balance_credit: bc,
            });
        }
        let (cd, cc) = split(balance);
        out.push(GlAccount {
            account: row.account.clone(),
            name: row.name.clone(),
            opening_debit: row.opening_debit,
            opening_credit: row.opening_credit,
            lines,
            debit: split(debit).0,
            credit: split(credit).0,
            closing_debit: cd,
            closing_credit: cc,
        });
    }
    out
}

/// Debit and credit totals of the entries, in i128 then capped.
pub fn entry_totals(entries: &[ExportEntry]) -> Totals {
    let (mut d, mut c) = (0i128, 0i128);
    for e in entries {
        let (ed, ec) = e.entry.totals();
        d += ed;
        c += ec;
    }
    Totals {
        debit: split(d).0,
        credit: split(c).0,
    }
}

// ---- checking ---------------------------------------------------------------

/// What `verify-export` finds wrong with a folder. Each names the file (or
/// the entry) concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportProblem {
    /// No manifest: the export did not finish, or the file was removed.
    NoManifest,
    /// The manifest cannot be read (`detail` is the parser's reason).
    BadManifest {
        detail: String,
    },
    /// A manifest of another format or version.
    UnknownFormat {
        found: String,
    },
    FileMissing {
        file: String,
    },
    /// A file in the folder that the manifest does not list.
    FileUnlisted {
        file: String,
    },
    FileSize {
        file: String,
        expected: u64,
        found: u64,
    },
    /// The file's SHA-256 is not the one in the manifest: it was changed.
    FileHash {
        file: String,
    },
    /// The JSON file cannot be read.
    BadBody {
        file: String,
        detail: String,
    },
    /// A file disagrees with the JSON file it was made from, first at `line`.
    FileDiffers {
        file: String,
        line: u64,
    },
    /// The manifest disagrees with the files on `what` (counts, totals,
    /// organisation, period, chain heads).
    ManifestDiffers {
        what: String,
    },
    /// An entry's content does not give its hash: it was altered.
    EntryHash {
        number: EntryNumber,
    },
    EntryUnbalanced {
        number: EntryNumber,
    },
    /// An entry dated outside the exported month.
    EntryOutside {
        number: EntryNumber,
        date: NaiveDate,
    },
    /// The entry is not in the chain at the position it claims.
    EntryNotInChain {
        number: EntryNumber,
    },
    /// The chain does not link at this position.
    ChainBroken {
        position: i64,
    },
    /// The trial balance does not follow from the entries (account).
    TrialDiffers {
        account: String,
    },
    /// Debits and credits of the trial balance differ.
    TrialUnbalanced,
    /// The previous folder is of another organisation.
    PrevOtherOrg {
        code: String,
    },
    /// The previous folder is not of an earlier month.
    PrevNotEarlier {
        month: String,
    },
    /// The previous folder is itself faulty (its first problem follows).
    PrevFaulty {
        detail: String,
    },
    /// The chain at the previous export's head differs now: the ledger was
    /// rewritten between the two exports.
    ChainRewritten {
        position: i64,
        month: String,
    },
    /// This export's chain starts after the previous export's head: entries
    /// recorded in between are in neither folder.
    ChainGap {
        from: i64,
        to: i64,
        month: String,
    },
}

impl Message for ExportProblem {
    fn key(&self) -> &'static str {
        use ExportProblem::*;
        match self {
            NoManifest => "xp-no-manifest",
            BadManifest { .. } => "xp-bad-manifest",
            UnknownFormat { .. } => "xp-unknown-format",
            FileMissing { .. } => "xp-file-missing",
            FileUnlisted { .. } => "xp-file-unlisted",
            FileSize { .. } => "xp-file-size",
            FileHash { .. } => "xp-file-hash",
            BadBody { .. } => "xp-bad-body",
            FileDiffers { .. } => "xp-file-differs",
            ManifestDiffers { .. } => "xp-manifest-differs",
            EntryHash { .. } => "xp-entry-hash",
            EntryUnbalanced { .. } => "xp-entry-unbalanced",
            EntryOutside { .. } => "xp-entry-outside",
            EntryNotInChain { .. } => "xp-entry-not-in-chain",
            ChainBroken { .. } => "xp-chain-broken",
            TrialDiffers { .. } => "xp-trial-differs",
            TrialUnbalanced => "xp-trial-unbalanced",
            PrevOtherOrg { .. } => "xp-prev-other-org",
            PrevNotEarlier { .. } => "xp-prev-not-earlier",
            PrevFaulty { .. } => "xp-prev-faulty",
            ChainRewritten { .. } => "xp-chain-rewritten",
            ChainGap { .. } => "xp-chain-gap",
        }
    }

    fn args(&self) -> Vec<(&'static str, MsgArg)> {
        use ExportProblem::*;
        let t = |s: &str| MsgArg::Text(s.to_string());
        match self {
            NoManifest | TrialUnbalanced => vec![],
            BadManifest { detail } | PrevFaulty { detail } => vec![("detail", t(detail))],
            UnknownFormat { found } => vec![("found", t(found))],
            FileMissing { file } | FileUnlisted { file } | FileHash { file } => {
                vec![("file", t(file))]
            }
            FileSize {
                file,
                expected,
                found,
            } => vec![
                ("file", t(file)),
                ("expected", MsgArg::Int(*expected as i64)),
                ("found", MsgArg::Int(*found as i64)),
            ],
            BadBody { file, detail } => vec![("file", t(file)), ("detail", t(detail))],
            FileDiffers { file, line } => {
                vec![("file", t(file)), ("line", MsgArg::Int(*line as i64))]
            }
            ManifestDiffers { what } => vec![("what", t(what))],
            EntryHash { number } | EntryUnbalanced { number } | EntryNotInChain { number } => {
                vec![("number", t(&number.to_string()))]
            }
            EntryOutside { number, date } => vec![
                ("number", t(&number.to_string())),
                ("date", MsgArg::Date(*date)),
            ],
            ChainBroken { position } => vec![("position", MsgArg::Int(*position))],
            TrialDiffers { account } => vec![("account", t(account))],
            PrevOtherOrg { code } => vec![("code", t(code))],
            PrevNotEarlier { month } => vec![("month", t(month))],
            ChainRewritten { position, month } => {
                vec![("position", MsgArg::Int(*position)), ("month", t(month))]
            }
            ChainGap { from, to, month } => vec![
                ("from", MsgArg::Int(*from)),
                ("to", MsgArg::Int(*to)),
                ("month", t(month)),
            ],
        }
    }
}

/// The checks of a folder's body against its manifest: organisation,
/// period, chain heads, counts and totals; then `check_content`.
pub fn check_body(manifest: &Manifest, body: &Body) -> Vec<ExportProblem> {
    let mut out = Vec::new();
    let differs = |what: &str| ExportProblem::ManifestDiffers { what: what.into() };
    if body.org != manifest.org {
        out.push(differs("org"));
    }
    if body.period != manifest.period {
        out.push(differs("period"));
    }
    match (body.chain.first(), body.chain.last()) {
        (Some(first), Some(last)) => {
            if Head::from(first) != manifest.chain.start {
                out.push(differs("chain.start"));
            }
            if Head::from(last) != manifest.chain.end {
                out.push(differs("chain.end"));
            }
        }
        _ => out.push(differs("chain")),
    }
    if counts(body) != manifest.counts {
        out.push(differs("counts"));
    }
    if entry_totals(&body.entries) != manifest.totals {
        out.push(differs("totals"));
    }
    out.extend(check_content(body));
    out
}

/// What a folder's manifest counts.
pub fn counts(body: &Body) -> Counts {
    let lines: usize = body.entries.iter().map(|e| e.entry.lines.len()).sum();
    Counts {
        entries: body.entries.len() as u64,
        lines: lines as u64,
        accounts: body.trial_balance.rows.len() as u64,
        chain_links: body.chain.len() as u64,
    }
}

/// The checks of a body on its own (also made before anything is written):
/// every entry's hash recomputed from its content, balanced and dated in the
/// month; the chain followed link by link, every entry at its place in it;
/// the trial balance rebuilt from the opening balances and the entries, and
/// the general ledger rebuilt from those.
pub fn check_content(body: &Body) -> Vec<ExportProblem> {
    let mut out = Vec::new();
    let differs = |what: &str| ExportProblem::ManifestDiffers { what: what.into() };
    let month = Month::parse(&body.period.month).ok();
    if month.map(|m| (m.first_day(), m.last_day())) != Some((body.period.from, body.period.to)) {
        out.push(differs("period"));
    }
    // Entries.
    for e in &body.entries {
        let p = &e.entry;
        if p.compute_hash() != p.hash {
            out.push(ExportProblem::EntryHash { number: p.number });
        }
        if !p.is_balanced() {
            out.push(ExportProblem::EntryUnbalanced { number: p.number });
        }
        if p.date < body.period.from || p.date > body.period.to {
            out.push(ExportProblem::EntryOutside {
                number: p.number,
                date: p.date,
            });
        }
    }
    // The chain, link by link.
    for w in body.chain.windows(2) {
        if w[1].position != w[0].position + 1 || w[1].prev_hash != w[0].hash {
            out.push(ExportProblem::ChainBroken {
                position: w[1].position,
            });
        }
    }
    if let Some(first) = body.chain.first()
        && first.position == 0
        && first.hash != body.org.genesis
    {
        out.push(ExportProblem::ChainBroken { position: 0 });
    }
    let first_pos = body.chain.first().map_or(0, |l| l.position);
    for e in &body.entries {
        let p = &e.entry;
        let at = usize::try_from(p.chain_no - first_pos)
            .ok()
            .and_then(|i| body.chain.get(i));
        let ok = at.is_some_and(|l| {
            l.position == p.chain_no
                && l.number == Some(p.number)
                && l.hash == p.hash
                && l.prev_hash == p.prev_hash
                && l.date == Some(p.date)
        });
        if !ok || p.chain_no <= first_pos {
            out.push(ExportProblem::EntryNotInChain { number: p.number });
        }
    }
    let totals = entry_totals(&body.entries);
    // The trial balance follows from its openings and the entries.
    out.extend(check_trial(&body.trial_balance, &body.entries, &totals));
    if general_ledger(&body.trial_balance, &body.entries) != body.general_ledger {
        out.push(ExportProblem::FileDiffers {
            file: "general_ledger".into(),
            line: 0,
        });
    }
    out
}

fn check_trial(tb: &TrialBalance, entries: &[ExportEntry], totals: &Totals) -> Vec<ExportProblem> {
    let mut out = Vec::new();
    let mut moves: BTreeMap<&str, (i128, i128)> = BTreeMap::new();
    for e in entries {
        for l in &e.entry.lines {
            let m = moves.entry(l.account.as_str()).or_default();
            match l.side {
                Side::Debit => m.0 += i128::from(l.amount.francs()),
                Side::Credit => m.1 += i128::from(l.amount.francs()),
            }
        }
    }
    let (mut sd, mut sc) = (0i128, 0i128);
    let mut cols = [0i128; 6];
    for r in &tb.rows {
        let (d, c) = moves.remove(r.account.as_str()).unwrap_or_default();
        let closing = net(r.opening_debit, r.opening_credit) + d - c;
        let (cd, cc) = split(closing);
        let opening_split = split(net(r.opening_debit, r.opening_credit));
        if (i128::from(r.debit.francs()), i128::from(r.credit.francs())) != (d, c)
            || (r.closing_debit, r.closing_credit) != (cd, cc)
            || (r.opening_debit, r.opening_credit) != opening_split
        {
            out.push(ExportProblem::TrialDiffers {
                account: r.account.clone(),
            });
        }
        sd += d;
        sc += c;
        for (slot, v) in cols.iter_mut().zip(row_values(r)) {
            *slot += i128::from(v.francs());
        }
    }
    for account in moves.keys() {
        out.push(ExportProblem::TrialDiffers {
            account: account.to_string(),
        });
    }
    let t = &tb.totals;
    let stated = [
        t.opening_debit,
        t.opening_credit,
        t.debit,
        t.credit,
        t.closing_debit,
        t.closing_credit,
    ];
    if stated
        .iter()
        .zip(cols)
        .any(|(s, c)| i128::from(s.francs()) != c)
        || (split(sd).0, split(sc).0) != (totals.debit, totals.credit)
    {
        out.push(ExportProblem::TrialDiffers {
            account: "totals".into(),
        });
    }
    if !t.balanced() {
        out.push(ExportProblem::TrialUnbalanced);
    }
    out
}

fn row_values(r: &TrialRow) -> [Fcfa; 6] {
    [
        r.opening_debit,
        r.opening_credit,
        r.debit,
        r.credit,
        r.closing_debit,
        r.closing_credit,
    ]
}

/// The link between the previous month's folder and this one (both already
/// checked on their own): same organisation, an earlier month, and the
/// previous head found unchanged in this folder's chain.
pub fn check_link(prev: &Manifest, cur: &Manifest, cur_chain: &[ChainLink]) -> Vec<ExportProblem> {
    if prev.org.code != cur.org.code || prev.org.genesis != cur.org.genesis {
        return vec![ExportProblem::PrevOtherOrg {
            code: prev.org.code.clone(),
        }];
    }
    if prev.period.month >= cur.period.month {
        return vec![ExportProblem::PrevNotEarlier {
            month: prev.period.month.clone(),
        }];
    }
    let head = &prev.chain.end;
    let first = cur_chain.first().map_or(0, |l| l.position);
    if head.position < first {
        return vec![ExportProblem::ChainGap {
            from: head.position,
            to: first,
            month: prev.period.month.clone(),
        }];
    }
    let at = usize::try_from(head.position - first)
        .ok()
        .and_then(|i| cur_chain.get(i));
    match at {
        Some(l)
            if l.position == head.position && l.hash == head.hash && l.number == head.number =>
        {
            vec![]
        }
        _ => vec![ExportProblem::ChainRewritten {
            position: head.position,
            month: prev.period.month.clone(),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_restored() {
        for s in [
            "=HYPERLINK(\"http://x\";\"clic\")",
            "+1",
            "-2",
            "@SUM(A1:A2)",
            "\t=1",
            "\r=1",
            "\n=1",
            "'=1",
            "'déjà",
        ] {
            let n = neutralise(s);
            assert!(n.starts_with('\''), "{s:?} → {n:?}");
            assert_eq!(restore(&n), s);
        }
        for s in ["Vente comptant", "\";=1+2", "Aïcha", "", "1+1"] {
            assert_eq!(neutralise(s), s);
            assert_eq!(restore(&neutralise(s)), s);
        }
    }

    fn link(position: i64, prev: &str, hash: &str) -> ChainLink {
        ChainLink {
            position,
            number: None,
            date: None,
            recorded_at: String::new(),
            prev_hash: prev.into(),
            hash: hash.into(),
        }
    }

    fn manifest(month: &str, end: &ChainLink) -> Manifest {
        Manifest {
            format: FORMAT.into(),
            generator: String::new(),
            org: OrgInfo {
                code: "savon".into(),
                name: String::new(),
                kind: String::new(),
                genesis: "g".into(),
            },
            period: PeriodInfo {
                month: month.into(),
                from: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
                to: NaiveDate::from_ymd_opt(2026, 1, 31).unwrap(),
                closed: false,
            },
            exported_at: String::new(),
            exported_by: String::new(),
            lang: super::super::Lang::Fr,
            csv_bom: false,
            counts: Counts::default(),
            totals: Totals::default(),
            chain: ChainInfo {
                start: end.into(),
                end: end.into(),
            },
            files: vec![],
        }
    }

    #[test]
    fn link_with_previous_month() {
        let chain = vec![link(3, "b", "c"), link(4, "c", "d"), link(5, "d", "e")];
        let cur = manifest("2026-10", &chain[2]);
        // The previous head is in this chain, unchanged.
        assert!(check_link(&manifest("2026-09", &chain[1]), &cur, &chain).is_empty());
        // Rewritten: same position, another hash.
        let other = link(4, "c", "X");
        assert_eq!(
            check_link(&manifest("2026-09", &other), &cur, &chain),
            vec![ExportProblem::ChainRewritten {
                position: 4,
                month: "2026-09".into()
            }]
        );
        // A head beyond this chain's end is not in it either.
        let beyond = link(9, "z", "y");
        assert!(matches!(
            check_link(&manifest("2026-09", &beyond), &cur, &chain)[..],
            [ExportProblem::ChainRewritten { position: 9, .. }]
        ));
        // Before its start: a gap.
        let before = link(1, "", "a");
        assert!(matches!(
            check_link(&manifest("2026-09", &before), &cur, &chain)[..],
            [ExportProblem::ChainGap { from: 1, to: 3, .. }]
        ));
        // Not an earlier month, or another organisation.
        assert!(matches!(
            check_link(&manifest("2026-10", &chain[1]), &cur, &chain)[..],
            [ExportProblem::PrevNotEarlier { .. }]
        ));
        let mut foreign = manifest("2026-09", &chain[1]);
        foreign.org.genesis = "h".into();
        assert!(matches!(
            check_link(&foreign, &cur, &chain)[..],
            [ExportProblem::PrevOtherOrg { .. }]
        ));
    }
}
