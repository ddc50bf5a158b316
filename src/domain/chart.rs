//! Chart-of-accounts templates (SYSCOHADA revised 2017) and their parser.
//!
//! A template is a UTF-8 text embedded in the binary
//! (`assets/charts/*.csv`): one header line `number;name_fr;name_en`, then
//! one account per line, `;`-separated. Blank lines and lines starting with
//! `#` are skipped anywhere. There is no quoting: a name cannot contain `;`.
//!
//! A sub-account extends its parent's number (`3211` under `321`). An
//! account that has sub-accounts in a chart is a grouping account: postings
//! go to its sub-accounts (see [`has_sub_accounts`]).

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::account::{AccountError, AccountNumber, MAX_DIGITS, MIN_DIGITS};
use super::{Lang, Message, MsgArg};

// Accounts the software posts to automatically. The same numbers exist, as
// leaf accounts, in every template (a test checks it).

/// Cash box (Caisse en monnaie nationale; in a savings group, the loan-fund
/// box). Target of the daily close.
pub const CASH: &str = "5711";
/// Résultat net : bénéfice — the year-end result entry when positive.
pub const RESULT_PROFIT: &str = "131";
/// Résultat net : perte — the year-end result entry when negative.
pub const RESULT_LOSS: &str = "139";
/// Report à nouveau créditeur (profit carried forward).
pub const CARRY_FORWARD_CREDIT: &str = "121";
/// Report à nouveau débiteur (loss carried forward).
pub const CARRY_FORWARD_DEBIT: &str = "129";
/// Virements de fonds: transit account for moves between cash, bank and
/// wallets.
pub const FUND_TRANSFERS: &str = "585";
/// Écarts d'arrondi (charge): a rounding difference that costs a franc.
pub const ROUNDING_CHARGE: &str = "65881";
/// Écarts d'arrondi (produit): a rounding difference that gains a franc.
pub const ROUNDING_PRODUCT: &str = "75881";
/// Manquants de caisse: counted cash below expected cash at a close.
pub const CASH_SHORT: &str = "65882";
/// Excédents de caisse: counted cash above expected cash at a close.
pub const CASH_OVER: &str = "75882";

/// Every account above.
pub const COMMON_ACCOUNTS: &[&str] = &[
    CASH,
    RESULT_PROFIT,
    RESULT_LOSS,
    CARRY_FORWARD_CREDIT,
    CARRY_FORWARD_DEBIT,
    FUND_TRANSFERS,
    ROUNDING_CHARGE,
    ROUNDING_PRODUCT,
    CASH_SHORT,
    CASH_OVER,
];

/// Accounts of the producer-cooperative template (`coop.csv`) that the
/// software may post to by rule (year-end allocation, member accounts).
pub mod coop {
    /// Capital souscrit, appelé, versé, non amorti (parts sociales payées).
    pub const CAPITAL_PAID: &str = "1013";
    /// Capital souscrit, appelé, non versé (parts sociales pas encore payées).
    pub const CAPITAL_UNPAID: &str = "1012";
    /// Apporteurs, capital appelé, non versé (what members still owe on
    /// their parts).
    pub const MEMBERS_CAPITAL_DUE: &str = "4613";
    /// Réserve générale (AUSCOOP: ≥ 20 % of the net surplus).
    pub const GENERAL_RESERVE: &str = "1111";
    /// Réserve pour la formation (AUSCOOP: ≥ 20 % of the net surplus).
    pub const TRAINING_RESERVE: &str = "1112";
    /// Réserves facultatives (≤ 20 %).
    pub const OPTIONAL_RESERVES: &str = "1181";
    /// Associés, comptes courants: members' accounts (ristourne or interest
    /// credited, not yet paid).
    pub const MEMBER_ACCOUNTS: &str = "4621";
    /// Associés, dividendes à payer: interest on parts and ristournes
    /// payable.
    pub const DIVIDENDS_PAYABLE: &str = "465";
    pub const SUPPLIERS: &str = "4011";
    pub const CUSTOMERS: &str = "4111";
    /// Achats de matières premières et fournitures liées.
    pub const RAW_MATERIAL_PURCHASES: &str = "6021";
    /// Variations des stocks de matières premières et fournitures liées.
    pub const RAW_MATERIAL_STOCK_CHANGE: &str = "6032";
    /// Variations des stocks de produits finis.
    pub const FINISHED_GOODS_STOCK_CHANGE: &str = "736";
    /// Rabais, remises, ristournes accordés (commercial rebates to
    /// customers — not the cooperative ristourne to members, which is an
    /// allocation of the result).
    pub const SALES_REBATES: &str = "7029";

    pub const ALL: &[&str] = &[
        CAPITAL_PAID,
        CAPITAL_UNPAID,
        MEMBERS_CAPITAL_DUE,
        GENERAL_RESERVE,
        TRAINING_RESERVE,
        OPTIONAL_RESERVES,
        MEMBER_ACCOUNTS,
        DIVIDENDS_PAYABLE,
        SUPPLIERS,
        CUSTOMERS,
        RAW_MATERIAL_PURCHASES,
        RAW_MATERIAL_STOCK_CHANGE,
        FINISHED_GOODS_STOCK_CHANGE,
        SALES_REBATES,
    ];
}

/// Accounts of the savings-group template (`savings.csv`) that the meeting
/// and share-out post to.
pub mod savings {
    /// Associés, comptes courants – épargne des membres. Parent of the
    /// per-member sub-accounts (`4621001`…), created when members join.
    pub const MEMBER_SAVINGS: &str = "4621";
    /// Prêts aux associés (fonds de crédit). May get per-member
    /// sub-accounts the same way.
    pub const MEMBER_LOANS: &str = "2712";
    /// Intérêts courus sur prêts aux membres (interest due, not yet paid).
    pub const ACCRUED_INTEREST: &str = "2761";
    /// Intérêts de prêts.
    pub const LOAN_INTEREST: &str = "7712";
    /// Amendes (lateness, absence).
    pub const FINES: &str = "75883";
    /// Débiteurs divers: fines and other amounts owed by members.
    pub const MEMBERS_OWING: &str = "4711";
    /// Pertes sur créances – autres débiteurs: written-off loan-fund loan.
    pub const WRITE_OFFS: &str = "6515";
    /// Fonds social (caisse de solidarité), a class-1 fund that is never
    /// shared out. Contributions credit it, grants debit it directly.
    pub const SOCIAL_FUND: &str = "1121";
    /// Caisse – fonds social: the social fund's own cash line.
    pub const SOCIAL_FUND_CASH: &str = "5721";
    /// Prêts du fonds social (interest-free emergency loans), kept out of
    /// 2712 so loan-fund totals never include them.
    pub const SOCIAL_FUND_LOANS: &str = "2718";
    /// Associés, dividendes à payer – partage: what each member receives at
    /// the share-out, until paid.
    pub const SHARE_OUT_PAYABLE: &str = "465";
    /// Where the share-out rounding remainder goes: it stays in the loan
    /// fund for the next cycle, as "report à nouveau créditeur".
    pub const SHARE_OUT_REMAINDER: &str = "121";

    pub const ALL: &[&str] = &[
        MEMBER_SAVINGS,
        MEMBER_LOANS,
        ACCRUED_INTEREST,
        LOAN_INTEREST,
        FINES,
        MEMBERS_OWING,
        WRITE_OFFS,
        SOCIAL_FUND,
        SOCIAL_FUND_CASH,
        SOCIAL_FUND_LOANS,
        SHARE_OUT_PAYABLE,
        SHARE_OUT_REMAINDER,
    ];
}

/// The header every chart text starts with (after any comments).
pub const HEADER: [&str; 3] = ["number", "name_fr", "name_en"];

/// A built-in chart template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Template {
    /// Producer cooperative (SCOOPS): soap, cloth masks.
    Coop,
    /// Savings group (VSLA / AVEC).
    Savings,
}

impl Template {
    pub fn all() -> &'static [Template] {
        &[Template::Coop, Template::Savings]
    }

    /// Stable code, for the command line and the ledger file.
    pub fn code(&self) -> &'static str {
        match self {
            Template::Coop => "coop",
            Template::Savings => "savings",
        }
    }

    /// The template with that code (surrounding spaces and case ignored).
    pub fn from_code(code: &str) -> Option<Template> {
        let code = code.trim();
        Template::all()
            .iter()
            .copied()
            .find(|t| t.code().eq_ignore_ascii_case(code))
    }

    /// Fluent key of the template's user-facing name.
    pub fn label_key(&self) -> &'static str {
        match self {
            Template::Coop => "chart-template-coop",
            Template::Savings => "chart-template-savings",
        }
    }

    /// The embedded template text.
    pub fn source(&self) -> &'static str {
        match self {
            Template::Coop => include_str!("../../assets/charts/coop.csv"),
            Template::Savings => include_str!("../../assets/charts/savings.csv"),
        }
    }

    /// The template's accounts, in file order.
    pub fn lines(&self) -> Vec<ChartLine> {
        parse_chart(self.source()).expect("embedded chart template parses (tested)")
    }
}

/// One account of a chart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartLine {
    pub number: AccountNumber,
    pub name_fr: String,
    pub name_en: String,
}

impl ChartLine {
    /// The account name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.name_fr,
            Lang::En => &self.name_en,
        }
    }
}

/// Why a chart text was refused. Line numbers are 1-based, counting every
/// line of the text (comments and blank lines included).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChartError {
    /// The first line that is neither blank nor a comment is not
    /// `number;name_fr;name_en`, or there is no such line.
    BadHeader,
    /// Not exactly three `;`-separated fields.
    BadLine { line: usize },
    /// The first field is not an account number.
    BadNumber { line: usize, error: AccountError },
    /// The French or English name is empty.
    EmptyName { line: usize },
    /// The number already appeared on an earlier line.
    Duplicate { line: usize, number: AccountNumber },
}

impl Message for ChartError {
    fn key(&self) -> &'static str {
        match self {
            ChartError::BadHeader => "chart-bad-header",
            ChartError::BadLine { .. } => "chart-bad-line",
            ChartError::BadNumber { error, .. } => match error {
                AccountError::Empty => "chart-bad-number-empty",
                AccountError::NotDigits => "chart-bad-number-not-digits",
                AccountError::TooShort => "chart-bad-number-too-short",
                AccountError::TooLong => "chart-bad-number-too-long",
                AccountError::BadClass => "chart-bad-number-bad-class",
            },
            ChartError::EmptyName { .. } => "chart-empty-name",
            ChartError::Duplicate { .. } => "chart-duplicate",
        }
    }

    fn args(&self) -> Vec<(&'static str, MsgArg)> {
        match self {
            ChartError::BadHeader => Vec::new(),
            ChartError::BadLine { line } | ChartError::EmptyName { line } => {
                vec![("line", MsgArg::from(*line))]
            }
            ChartError::BadNumber { line, error } => {
                let mut args = vec![("line", MsgArg::from(*line))];
                match error {
                    AccountError::TooShort => args.push(("min", MsgArg::from(MIN_DIGITS))),
                    AccountError::TooLong => args.push(("max", MsgArg::from(MAX_DIGITS))),
                    _ => {}
                }
                args
            }
            ChartError::Duplicate { line, number } => vec![
                ("line", MsgArg::from(*line)),
                ("number", MsgArg::from(number.as_str())),
            ],
        }
    }
}

fn is_skipped(line: &str) -> bool {
    line.is_empty() || line.starts_with('#')
}

fn is_header(line: &str) -> bool {
    let fields: Vec<String> = line
        .split(';')
        .map(|f| f.trim().to_ascii_lowercase())
        .collect();
    fields.len() == HEADER.len() && fields.iter().zip(HEADER).all(|(f, h)| f == h)
}

/// Parses a chart text (see the module documentation for the format).
/// Fields are trimmed; a leading byte-order mark and CRLF line ends are
/// accepted. The first error found, in line order, is returned.
pub fn parse_chart(text: &str) -> Result<Vec<ChartLine>, ChartError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut header_seen = false;
    let mut seen: HashSet<AccountNumber> = HashSet::new();
    let mut out = Vec::new();
    for (idx, raw) in text.lines().enumerate() {
        let line = idx + 1;
        let trimmed = raw.trim();
        if is_skipped(trimmed) {
            continue;
        }
        if !header_seen {
            if !is_header(trimmed) {
                return Err(ChartError::BadHeader);
            }
            header_seen = true;
            continue;
        }
        let fields: Vec<&str> = trimmed.split(';').map(str::trim).collect();
        let [number, name_fr, name_en] = fields[..] else {
            return Err(ChartError::BadLine { line });
        };
        let number =
            AccountNumber::parse(number).map_err(|error| ChartError::BadNumber { line, error })?;
        if name_fr.is_empty() || name_en.is_empty() {
            return Err(ChartError::EmptyName { line });
        }
        if !seen.insert(number.clone()) {
            return Err(ChartError::Duplicate { line, number });
        }
        out.push(ChartLine {
            number,
            name_fr: name_fr.to_string(),
            name_en: name_en.to_string(),
        });
    }
    if !header_seen {
        return Err(ChartError::BadHeader);
    }
    Ok(out)
}

/// Writes lines back in the template format (header, then one line each).
/// Names must not contain `;` or line breaks.
pub fn render_chart(lines: &[ChartLine]) -> String {
    let mut s = HEADER.join(";");
    s.push('\n');
    for l in lines {
        s.push_str(&format!("{};{};{}\n", l.number, l.name_fr, l.name_en));
    }
    s
}

/// `true` when some other account in `lines` is a sub-account of `number`:
/// `number` is then a grouping account and postings go to its sub-accounts.
pub fn has_sub_accounts(lines: &[ChartLine], number: &AccountNumber) -> bool {
    lines.iter().any(|l| l.number.is_strictly_under(number))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::{NormalBalance, normal_balance};
    use proptest::prelude::*;

    fn n(s: &str) -> AccountNumber {
        AccountNumber::parse(s).unwrap()
    }

    fn find<'a>(lines: &'a [ChartLine], number: &str) -> Option<&'a ChartLine> {
        lines.iter().find(|l| l.number.as_str() == number)
    }

    fn has(lines: &[ChartLine], number: &str) -> bool {
        find(lines, number).is_some()
    }

    #[test]
    fn embedded_templates_parse() {
        for t in Template::all() {
            let lines = parse_chart(t.source()).unwrap_or_else(|e| panic!("{t:?}: {e:?}"));
            assert!(!lines.is_empty(), "{t:?}");
            let unique: HashSet<_> = lines.iter().map(|l| &l.number).collect();
            assert_eq!(unique.len(), lines.len(), "{t:?} has duplicates");
            assert_eq!(t.lines(), lines);
        }
    }

    #[test]
    fn template_sizes_are_modest() {
        let coop = Template::Coop.lines().len();
        let savings = Template::Savings.lines().len();
        assert!((40..=70).contains(&coop), "coop has {coop} accounts");
        assert!(
            (25..=50).contains(&savings),
            "savings has {savings} accounts"
        );
    }

    #[test]
    fn template_files_start_with_the_header() {
        for t in Template::all() {
            let first = t.source().lines().next().unwrap();
            assert_eq!(first, "number;name_fr;name_en", "{t:?}");
        }
    }

    #[test]
    fn common_accounts_are_leaves_in_every_template() {
        for t in Template::all() {
            let lines = t.lines();
            for number in COMMON_ACCOUNTS {
                assert!(has(&lines, number), "{t:?} lacks {number}");
                assert!(
                    !has_sub_accounts(&lines, &n(number)),
                    "{t:?}: {number} has sub-accounts"
                );
            }
        }
        assert_eq!(CASH, "5711");
        assert_eq!(RESULT_PROFIT, "131");
        assert_eq!(RESULT_LOSS, "139");
    }

    #[test]
    fn common_accounts_mean_the_same_in_every_template() {
        let coop = Template::Coop.lines();
        let savings = Template::Savings.lines();
        for number in [
            RESULT_PROFIT,
            RESULT_LOSS,
            CARRY_FORWARD_DEBIT,
            FUND_TRANSFERS,
            ROUNDING_CHARGE,
            ROUNDING_PRODUCT,
            CASH_SHORT,
            CASH_OVER,
        ] {
            let a = find(&coop, number).unwrap();
            let b = find(&savings, number).unwrap();
            assert_eq!(a.name_fr, b.name_fr, "{number}");
            assert_eq!(a.name_en, b.name_en, "{number}");
        }
    }

    #[test]
    fn common_accounts_have_the_expected_names_and_sides() {
        for t in Template::all() {
            let lines = t.lines();
            let name = |s: &str| find(&lines, s).unwrap().name_fr.clone();
            assert_eq!(name(RESULT_PROFIT), "Résultat net : bénéfice");
            assert_eq!(name(RESULT_LOSS), "Résultat net : perte");
            assert_eq!(name(FUND_TRANSFERS), "Virements de fonds");
            assert_eq!(name(ROUNDING_CHARGE), "Écarts d'arrondi (charge)");
            assert_eq!(name(ROUNDING_PRODUCT), "Écarts d'arrondi (produit)");
            assert_eq!(name(CASH_SHORT), "Manquants de caisse");
            assert_eq!(name(CASH_OVER), "Excédents de caisse");
            assert!(name(CASH).starts_with("Caisse"));
            assert!(name(CARRY_FORWARD_CREDIT).starts_with("Report à nouveau créditeur"));
            assert_eq!(name(CARRY_FORWARD_DEBIT), "Report à nouveau débiteur");
        }
        use NormalBalance::*;
        for (s, side) in [
            (CASH, Debit),
            (RESULT_PROFIT, Credit),
            (RESULT_LOSS, Debit),
            (CARRY_FORWARD_CREDIT, Credit),
            (CARRY_FORWARD_DEBIT, Debit),
            (ROUNDING_CHARGE, Debit),
            (ROUNDING_PRODUCT, Credit),
            (CASH_SHORT, Debit),
            (CASH_OVER, Credit),
        ] {
            assert_eq!(normal_balance(&n(s)), side, "{s}");
        }
    }

    #[test]
    fn coop_template_contents() {
        let lines = Template::Coop.lines();
        for number in [
            "1013", "111", "1111", "1112", "1181", "2411", "2841", "321", "3211", "322", "3351",
            "361", "362", "4011", "4111", "4621", "465", "5211", "5521", "5522", "5523", "6021",
            "6032", "6317", "7021", "70211", "70212", "7029", "736", "7182",
        ] {
            assert!(has(&lines, number), "coop lacks {number}");
        }
        assert!(lines.iter().any(|l| l.number.is_strictly_under(&n("321"))));
        assert!(lines.iter().any(|l| l.number.is_under(&n("361"))));
        for number in coop::ALL {
            assert!(has(&lines, number), "coop lacks {number}");
            assert!(
                !has_sub_accounts(&lines, &n(number)),
                "{number} is a parent"
            );
        }
        assert_eq!(find(&lines, "1111").unwrap().number.class(), 1);
        assert_eq!(find(&lines, "111").unwrap().name_fr, "Réserve légale");
        assert!(has_sub_accounts(&lines, &n("7021")));
        assert!(has_sub_accounts(&lines, &n("321")));
    }

    #[test]
    fn savings_template_contents() {
        let lines = Template::Savings.lines();
        for number in [
            "4621", "2712", "7712", "465", "6515", "6055", "7588", "5721", "1121",
        ] {
            assert!(has(&lines, number), "savings lacks {number}");
        }
        for number in savings::ALL {
            assert!(has(&lines, number), "savings lacks {number}");
            assert!(
                !has_sub_accounts(&lines, &n(number)),
                "{number} is a parent"
            );
        }
        // The two funds never share a parent that per-member sub-accounts use.
        let social = [
            savings::SOCIAL_FUND,
            savings::SOCIAL_FUND_CASH,
            savings::SOCIAL_FUND_LOANS,
        ];
        for s in social {
            assert!(!n(s).is_under(&n(savings::MEMBER_SAVINGS)));
            assert!(!n(s).is_under(&n(savings::MEMBER_LOANS)));
            assert!(!n(s).is_under(&n(CASH)));
        }
        assert_eq!(
            normal_balance(&n(savings::SOCIAL_FUND)),
            NormalBalance::Credit
        );
        assert_eq!(
            normal_balance(&n(savings::MEMBER_SAVINGS)),
            NormalBalance::Credit
        );
        assert_eq!(
            normal_balance(&n(savings::MEMBER_LOANS)),
            NormalBalance::Debit
        );
    }

    #[test]
    fn templates_are_nfc_and_tidy() {
        for t in Template::all() {
            // Precomposed accents only (é, not e + U+0301): names must match
            // what users type once normalised to NFC.
            assert!(
                !t.source()
                    .chars()
                    .any(|c| ('\u{300}'..='\u{36f}').contains(&c)),
                "{t:?} has combining marks"
            );
            assert!(!t.source().contains('\r'), "{t:?} has CR line ends");
            assert!(!t.source().starts_with('\u{feff}'), "{t:?} has a BOM");
            for l in t.lines() {
                for name in [&l.name_fr, &l.name_en] {
                    assert!(!name.contains("  "), "{}: double space", l.number);
                    assert!(!name.contains('\u{a0}'), "{}: no-break space", l.number);
                }
            }
        }
    }

    #[test]
    fn template_codes() {
        for t in Template::all() {
            assert_eq!(Template::from_code(t.code()), Some(*t));
        }
        assert_eq!(Template::from_code("coop"), Some(Template::Coop));
        assert_eq!(Template::from_code(" Savings "), Some(Template::Savings));
        assert_eq!(Template::from_code("vsla"), None);
        assert_eq!(Template::from_code(""), None);
        assert_eq!(Template::Coop.label_key(), "chart-template-coop");
    }

    #[test]
    fn chart_line_name_by_lang() {
        let lines = Template::Coop.lines();
        let l = find(&lines, "139").unwrap();
        assert_eq!(l.name(Lang::Fr), "Résultat net : perte");
        assert_eq!(l.name(Lang::En), "Net result: loss");
    }

    #[test]
    fn parser_accepts_comments_blanks_crlf_bom_and_spaces() {
        let text = "\u{feff}# a comment before the header\r\n\r\n Number ; NAME_FR ; name_en \r\n# comment\r\n  \r\n 5711 ; Caisse ; Cash \r\n131;Résultat net : bénéfice;Net result: profit";
        let lines = parse_chart(text).unwrap();
        assert_eq!(
            lines,
            vec![
                ChartLine {
                    number: n("5711"),
                    name_fr: "Caisse".into(),
                    name_en: "Cash".into()
                },
                ChartLine {
                    number: n("131"),
                    name_fr: "Résultat net : bénéfice".into(),
                    name_en: "Net result: profit".into()
                },
            ]
        );
        assert_eq!(parse_chart("number;name_fr;name_en\n"), Ok(vec![]));
    }

    #[test]
    fn parser_rejects_bad_headers() {
        for text in [
            "",
            "\n\n# only comments\n",
            "5711;Caisse;Cash\n",
            "number;name_fr\n5711;Caisse;Cash\n",
            "number;name_en;name_fr\n",
            "number,name_fr,name_en\n",
            "number;name_fr;name_en;extra\n",
        ] {
            assert_eq!(parse_chart(text), Err(ChartError::BadHeader), "{text:?}");
        }
    }

    #[test]
    fn parser_rejects_bad_lines_with_their_line_number() {
        let h = "number;name_fr;name_en\n# comment\n5711;Caisse;Cash\n";
        let cases: Vec<(String, ChartError)> = vec![
            (
                format!("{h}131;Bénéfice\n"),
                ChartError::BadLine { line: 4 },
            ),
            (format!("{h}131\n"), ChartError::BadLine { line: 4 }),
            (format!("{h}131;a;b;c\n"), ChartError::BadLine { line: 4 }),
            (format!("{h}131;a;b;\n"), ChartError::BadLine { line: 4 }),
            (format!("{h}\n\n131,a,b\n"), ChartError::BadLine { line: 6 }),
            (
                format!("{h};a;b\n"),
                ChartError::BadNumber {
                    line: 4,
                    error: AccountError::Empty,
                },
            ),
            (
                format!("{h}57a1;a;b\n"),
                ChartError::BadNumber {
                    line: 4,
                    error: AccountError::NotDigits,
                },
            ),
            (
                format!("{h}5;a;b\n"),
                ChartError::BadNumber {
                    line: 4,
                    error: AccountError::TooShort,
                },
            ),
            (
                format!("{h}1234567890123;a;b\n"),
                ChartError::BadNumber {
                    line: 4,
                    error: AccountError::TooLong,
                },
            ),
            (
                format!("{h}0571;a;b\n"),
                ChartError::BadNumber {
                    line: 4,
                    error: AccountError::BadClass,
                },
            ),
            (
                format!("{h}131;;Profit\n"),
                ChartError::EmptyName { line: 4 },
            ),
            (
                format!("{h}131;Bénéfice;  \n"),
                ChartError::EmptyName { line: 4 },
            ),
            (
                format!("{h}131;a;b\n# x\n 5711 ;Caisse bis;Cash again\n"),
                ChartError::Duplicate {
                    line: 6,
                    number: n("5711"),
                },
            ),
        ];
        for (text, want) in cases {
            assert_eq!(parse_chart(&text), Err(want), "{text:?}");
        }
    }

    #[test]
    fn first_error_wins() {
        let text = "number;name_fr;name_en\n57x;a;b\n5711;;\n";
        assert_eq!(
            parse_chart(text),
            Err(ChartError::BadNumber {
                line: 2,
                error: AccountError::NotDigits
            })
        );
    }

    #[test]
    fn sub_accounts() {
        let lines = parse_chart("number;name_fr;name_en\n571;a;b\n5711;c;d\n572;e;f\n").unwrap();
        assert!(has_sub_accounts(&lines, &n("571")));
        assert!(has_sub_accounts(&lines, &n("57")));
        assert!(!has_sub_accounts(&lines, &n("5711")));
        assert!(!has_sub_accounts(&lines, &n("572")));
    }

    #[test]
    fn error_keys_and_args() {
        assert_eq!(ChartError::BadHeader.key(), "chart-bad-header");
        assert!(ChartError::BadHeader.args().is_empty());
        assert_eq!(
            ChartError::BadLine { line: 3 }.args(),
            vec![("line", MsgArg::Int(3))]
        );
        let e = ChartError::BadNumber {
            line: 7,
            error: AccountError::TooLong,
        };
        assert_eq!(e.key(), "chart-bad-number-too-long");
        assert_eq!(
            e.args(),
            vec![("line", MsgArg::Int(7)), ("max", MsgArg::Int(12))]
        );
        let e = ChartError::Duplicate {
            line: 9,
            number: n("5711"),
        };
        assert_eq!(e.key(), "chart-duplicate");
        assert_eq!(
            e.args(),
            vec![
                ("line", MsgArg::Int(9)),
                ("number", MsgArg::Text("5711".into()))
            ]
        );
    }

    // --- Fluent files: same keys in both languages, every error key and
    // every argument present. (A crude reader: `key = value` lines.)

    const FTL_FR: &str = include_str!("../../assets/i18n/fr/chart.ftl");
    const FTL_EN: &str = include_str!("../../assets/i18n/en/chart.ftl");

    fn ftl_messages(src: &str) -> Vec<(String, String)> {
        src.lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with(' ') && l.contains(" ="))
            .map(|l| {
                let (k, v) = l.split_once(" =").unwrap();
                (k.trim().to_string(), v.trim().to_string())
            })
            .collect()
    }

    fn all_errors() -> Vec<Box<dyn Message>> {
        let mut v: Vec<Box<dyn Message>> = vec![
            Box::new(ChartError::BadHeader),
            Box::new(ChartError::BadLine { line: 1 }),
            Box::new(ChartError::EmptyName { line: 1 }),
            Box::new(ChartError::Duplicate {
                line: 1,
                number: n("57"),
            }),
        ];
        for e in [
            AccountError::Empty,
            AccountError::NotDigits,
            AccountError::TooShort,
            AccountError::TooLong,
            AccountError::BadClass,
        ] {
            v.push(Box::new(e.clone()));
            v.push(Box::new(ChartError::BadNumber { line: 1, error: e }));
        }
        v
    }

    #[test]
    fn ftl_files_have_the_same_keys() {
        let fr: Vec<String> = ftl_messages(FTL_FR).into_iter().map(|m| m.0).collect();
        let en: Vec<String> = ftl_messages(FTL_EN).into_iter().map(|m| m.0).collect();
        assert_eq!(fr, en);
        let unique: HashSet<_> = fr.iter().collect();
        assert_eq!(unique.len(), fr.len(), "duplicate key");
        for k in &fr {
            assert!(
                k.starts_with("account-") || k.starts_with("chart-"),
                "{k}: keys here are account-* or chart-*"
            );
        }
    }

    #[test]
    fn ftl_files_cover_every_key_and_argument() {
        use crate::domain::account::class_key;
        for src in [FTL_FR, FTL_EN] {
            let msgs = ftl_messages(src);
            let get = |k: &str| {
                msgs.iter()
                    .find(|m| m.0 == k)
                    .map(|m| m.1.clone())
                    .unwrap_or_else(|| panic!("missing message {k}"))
            };
            for e in all_errors() {
                let text = get(e.key());
                let args = e.args();
                for (name, _) in &args {
                    assert!(
                        text.contains(&format!("{{ ${name} }}")),
                        "{}: ${name}",
                        e.key()
                    );
                }
                // No variable in the text that the error does not provide.
                for part in text.split("{ $").skip(1) {
                    let var = part.split(' ').next().unwrap();
                    assert!(args.iter().any(|(a, _)| *a == var), "{}: ${var}", e.key());
                }
            }
            for class in 0..=10 {
                assert!(!get(class_key(class)).is_empty());
            }
            for t in Template::all() {
                assert!(!get(t.label_key()).is_empty());
            }
        }
    }

    fn arb_name() -> impl Strategy<Value = String> {
        // Printable, no `;`, no line break, not starting with `#`, trimmed.
        "[A-Za-zÀ-ÿ0-9'(),.:–-]([A-Za-zÀ-ÿ0-9 '(),.:–-]{0,30}[A-Za-zÀ-ÿ0-9'(),.:–-])?"
    }

    proptest! {
        #[test]
        fn render_then_parse_round_trips(
            entries in proptest::collection::btree_map("[1-9][0-9]{1,11}", (arb_name(), arb_name()), 0..30)
        ) {
            let lines: Vec<ChartLine> = entries
                .into_iter()
                .map(|(num, (fr, en))| ChartLine { number: n(&num), name_fr: fr, name_en: en })
                .collect();
            let text = render_chart(&lines);
            prop_assert_eq!(parse_chart(&text), Ok(lines));
        }

        #[test]
        fn parser_never_panics(text in "(\\PC{0,40}\n){0,8}") {
            let _ = parse_chart(&text);
            let _ = parse_chart(&format!("number;name_fr;name_en\n{text}"));
        }

        #[test]
        fn errors_point_at_a_real_line(body in "([0-9a;# ]{0,12}\n){0,8}") {
            let text = format!("number;name_fr;name_en\n{body}");
            let count = text.lines().count();
            match parse_chart(&text) {
                Ok(_) | Err(ChartError::BadHeader) => {}
                Err(ChartError::BadLine { line })
                | Err(ChartError::BadNumber { line, .. })
                | Err(ChartError::EmptyName { line })
                | Err(ChartError::Duplicate { line, .. }) => {
                    prop_assert!(line >= 2 && line <= count, "line {} of {}", line, count);
                }
            }
        }
    }
}
