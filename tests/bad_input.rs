//! The bad-input corpus (issue 7, part 8): what people mistype, paste or
//! find on a disk, through the real binary; and the parsers fuzzed with
//! proptest. Every refusal must exit 1 with a message and write nothing;
//! no input, however broken, may make jatebo panic or write to a file it
//! was only asked to read.
//!
//! Already covered in `tests/cli.rs` and not repeated here: the amounts
//! `-5`, `0`, `1e9`, `1,5`, `١٢٣` and `9223372036854775808`, the date
//! `31/02/2026` and a date in a closed month (`refused_entries_write_nothing`),
//! a foreign SQLite database and a ledger from a newer jatebo
//! (`another_sqlite_database_…`, `a_ledger_from_a_newer_jatebo_…`).
//!
//! `JATEBO_CORRUPT_CASES` (default 200) and `JATEBO_CORRUPT_SEED` set the
//! corrupted-file loop; `PROPTEST_CASES` the parser fuzzing.

mod common;

use common::{Ledger, code, describe, env_u64, stderr};
use jatebo::domain::money::{self, MAX_AMOUNT};
use jatebo::domain::period::{MAX_YEAR, MIN_YEAR, parse_date};
use jatebo::domain::savings::Constitution;
use jatebo::service::demo::Rng;
use jatebo::service::savings::{CycleInput, OpenInput, SgMemberInput};
use jatebo::service::{Actor, Books, OrgKind};
use proptest::prelude::*;

use chrono::{Datelike, NaiveDate};
use jatebo::domain::money::Fcfa;
use jatebo::domain::savings::MemberRole;

fn count(v: &serde_json::Value) -> usize {
    v.as_array().expect("an array").len()
}

/// `entry add` in `coop` dated `date`, memo `memo`, one debit and one credit.
fn add_args(date: &str, memo: &str, debit: &str, credit: &str) -> Vec<String> {
    [
        "entry", "add", "--date", date, "--ref", "PJ-1", "--memo", memo, "--debit", debit,
        "--credit", credit,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn refs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

// ---- amounts -----------------------------------------------------------------------

#[test]
fn bad_amounts_are_refused_and_write_nothing() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-03-02", "Apport", "5711=10000", "1013=10000");
    let before = l.journal(None);

    // (amount as typed, fragment of the French message)
    let cases = [
        ("99999999999999999999", "beaucoup trop grand"),
        (
            "1000000000001",
            "Montant trop élevé : le maximum est 1 000 000 000 000 F CFA",
        ),
        (
            "1 000 000 000 001",
            "Montant trop élevé : le maximum est 1 000 000 000 000 F CFA",
        ),
        ("", "Aucun montant"),
        ("abc", "Le caractère « a » n'a pas sa place dans un montant"),
        ("   ", "Aucun montant"),
        ("1 5OO", "« O » n'a pas sa place"),
        ("１５００", "(U+FF11)"),
        ("1.5", "pas de centimes"),
        ("1e", "« e » n'a pas sa place"),
        ("1e6", "sans « e »"),
        ("--5", "négatif"),
    ];
    for (amount, fragment) in cases {
        let args = add_args(
            "2026-03-10",
            "essai",
            &format!("5711={amount}"),
            &format!("70211={amount}"),
        );
        let err = l.fail(&refs(&args));
        assert!(
            err.contains(fragment),
            "amount {amount:?}: expected {fragment:?} in {err}"
        );
        assert!(err.contains("jatebo : erreur :"), "French: {err}");
        assert_eq!(before, l.journal(None), "amount {amount:?} wrote something");
    }

    // The same refusal in English.
    let mut args = vec!["--lang".to_string(), "en".to_string()];
    args.extend(add_args(
        "2026-03-10",
        "essai",
        "5711=1000000000001",
        "70211=1000000000001",
    ));
    let err = l.fail(&refs(&args));
    assert!(err.contains("jatebo: error:"), "{err}");
    assert!(err.contains("Amount too large"), "{err}");
    // Grouped with spaces in English too, by design (see `MoneyError::args`).
    assert!(err.contains("1 000 000 000 000 F CFA"), "{err}");
    assert!(!err.contains("Montant"), "{err}");

    // The cap itself is accepted: the boundary is exactly 10¹² F.
    l.post(
        "coop",
        "2026-03-11",
        "Au plafond",
        "5711=1 000 000 000 000",
        "1013=1 000 000 000 000",
    );
    assert_eq!(count(&l.journal(None)), count(&before) + 1);
    let (c, v) = l.verify_json();
    assert_eq!(c, 0, "{v}");
}

// ---- names -------------------------------------------------------------------------

#[test]
fn invisible_control_and_overlong_names_are_refused_and_write_nothing() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-03-02", "Apport", "5711=10000", "1013=10000");
    let orgs = l.json(&["org", "list"]);
    let accounts = l.json(&["account", "list", "--all"]);
    let journal = l.journal(None);

    let long = "a".repeat(10_000);
    // (name, fragment of the French message)
    let names: Vec<(String, &str)> = vec![
        ("Traoré\u{202E}erèm".into(), "change le sens d'écriture"),
        ("Trao\u{200B}ré".into(), "espace de largeur nulle"),
        ("Trao\u{2060}ré".into(), "espace de largeur nulle"),
        ("Trao\u{7}ré".into(), "caractère de contrôle"),
        ("Trao\u{1b}[31mré".into(), "caractère de contrôle"),
        ("Traoré\nFané".into(), "caractère de contrôle"),
        ("Trao\u{85}ré".into(), "caractère de contrôle"),
        ("Traoré\u{2028}Fané".into(), "caractère de contrôle"),
        (long, "Texte trop long"),
        ("\u{00A0} \t".into(), "Ce champ est obligatoire"),
    ];
    for (name, fragment) in &names {
        let shown: String = name.chars().take(30).collect();
        // An organisation's name.
        let err = l.fail(&[
            "org", "add", "--code", "coop2", "--name", name, "--kind", "coop",
        ]);
        assert!(err.contains(fragment), "org name {shown:?}: {err}");
        // An account's name (French, then English).
        let err = l.fail(&["account", "add", "4711001", name]);
        assert!(err.contains(fragment), "account name {shown:?}: {err}");
        let err = l.fail(&["account", "add", "4711001", "Avance", "--en", name]);
        assert!(
            err.contains(fragment),
            "English account name {shown:?}: {err}"
        );
        // An entry's memo.
        let args = add_args("2026-03-10", name, "5711=100", "70211=100");
        let err = l.fail(&refs(&args));
        assert!(err.contains(fragment), "memo {shown:?}: {err}");
    }
    assert_eq!(
        orgs,
        l.json(&["org", "list"]),
        "an organisation was written"
    );
    assert_eq!(
        accounts,
        l.json(&["account", "list", "--all"]),
        "an account was written"
    );
    assert_eq!(journal, l.journal(None), "an entry was written");

    // The longest accepted name is accepted, one more character is not.
    let err = l.fail(&[
        "org",
        "add",
        "--code",
        "coop2",
        "--name",
        &"é".repeat(201),
        "--kind",
        "coop",
    ]);
    assert!(err.contains("200 caractères au maximum"), "{err}");
    l.ok(&[
        "org",
        "add",
        "--code",
        "coop2",
        "--name",
        &"é".repeat(200),
        "--kind",
        "coop",
    ]);
    let (c, v) = l.verify_json();
    assert_eq!(c, 0, "{v}");
}

#[test]
fn names_typed_in_nfd_are_stored_in_nfc_and_found_either_way() {
    let nfc = "Traor\u{e9}";
    let nfd = "Traore\u{301}";
    assert_ne!(nfc, nfd);
    let l = Ledger::with_coop();

    l.ok(&["account", "add", "4711001", &format!("Avance {nfd}")]);
    let accounts = l.json(&["account", "list", "--all"]);
    let row = accounts
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["number"] == "4711001")
        .expect("the new account");
    assert_eq!(row["name"], format!("Avance {nfc}"), "{row}");
    assert_eq!(row["name_fr"], format!("Avance {nfc}"), "{row}");
    assert_eq!(row["name_en"], format!("Avance {nfc}"), "{row}");

    // A memo typed in NFD is stored in NFC; a search typed in NFD finds it,
    // and one typed in NFC finds a memo that was typed in NFD.
    l.post(
        "coop",
        "2026-03-02",
        &format!("Apport {nfd}"),
        "5711=1000",
        "1013=1000",
    );
    l.post("coop", "2026-03-03", "Apport Fané", "5711=500", "1013=500");
    let j = l.journal(None);
    assert_eq!(j[0]["memo"], format!("Apport {nfc}"), "{j}");
    for search in [nfd, nfc, "TRAORE", "traore\u{301}"] {
        let found = l.json(&["journal", "--text", search]);
        assert_eq!(count(&found), 1, "--text {search:?}: {found}");
        assert_eq!(found[0]["memo"], format!("Apport {nfc}"), "{found}");
    }
    // The account found by its NFD name through the journal of the account.
    l.post("coop", "2026-03-04", "Avance", "4711001=200", "5711=200");
    let found = l.json(&["journal", "--text", &format!("avance {nfd}")]);
    assert_eq!(
        count(&found),
        0,
        "the account name is not the memo: {found}"
    );
    let (c, v) = l.verify_json();
    assert_eq!(c, 0, "{v}");
}

// ---- dates -------------------------------------------------------------------------

#[test]
fn bad_dates_are_refused_and_write_nothing() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-03-02", "Apport", "5711=10000", "1013=10000");
    let before = l.journal(None);

    let out_of_range = "est hors des années acceptées (2000–2099)";
    let unreadable = "Date non reconnue";
    let cases = [
        ("1999-12-31", out_of_range),
        ("31/12/1999", out_of_range),
        ("2100-01-01", out_of_range),
        ("01/01/2100", out_of_range),
        ("2026-13-01", unreadable),
        ("2026-02-29", unreadable),
        ("2026-04-31", unreadable),
        ("00/01/2026", unreadable),
        ("2026-1-5", unreadable),
        ("26-03-10", unreadable),
        ("+2026-03-10", unreadable),
        ("20260310", unreadable),
        ("2026-03-10T00:00", unreadable),
        ("demain", unreadable),
        ("", unreadable),
        ("２０２６-03-10", unreadable),
    ];
    for (date, fragment) in cases {
        let args = add_args(date, "essai", "5711=100", "70211=100");
        let err = l.fail(&refs(&args));
        assert!(err.contains(fragment), "date {date:?}: {err}");
        assert_eq!(before, l.journal(None), "date {date:?} wrote something");
    }
    let mut args = vec!["--lang".to_string(), "en".to_string()];
    args.extend(add_args("2100-01-01", "essai", "5711=100", "70211=100"));
    let err = l.fail(&refs(&args));
    assert!(err.contains("jatebo: error:"), "{err}");
    assert!(!err.contains("hors des années"), "{err}");

    // A closed month, through the French date form and through a lines file.
    l.ok(&["period", "close", "--month", "2026-03"]);
    let closed = l.journal(None);
    let args = add_args("15/03/2026", "essai", "5711=100", "70211=100");
    let err = l.fail(&refs(&args));
    assert!(err.contains("tombe dans une période clôturée"), "{err}");
    let file = l.dir.path().join("lignes.txt");
    std::fs::write(&file, "5711;D;100\n70211;C;100\n").unwrap();
    let err = l.fail(&[
        "entry",
        "add",
        "--date",
        "2026-03-31",
        "--ref",
        "R",
        "--memo",
        "m",
        "--file",
        file.to_str().unwrap(),
    ]);
    assert!(err.contains("tombe dans une période clôturée"), "{err}");
    assert_eq!(closed, l.journal(None));
    // The day after is open.
    l.post("coop", "2026-04-01", "Vente", "5711=100", "70211=100");
    let (c, v) = l.verify_json();
    assert_eq!(c, 0, "{v}");

    // Both bounds are accepted (on a ledger of their own: a year 2000 left
    // open would stop 2026's months from being closed).
    let l = Ledger::with_coop();
    l.post("coop", "2000-01-01", "Premier jour", "5711=1", "1013=1");
    l.post("coop", "31/12/2099", "Dernier jour", "5711=1", "1013=1");
    assert_eq!(count(&l.journal(None)), 2);
}

// ---- files -------------------------------------------------------------------------

#[test]
fn a_corrupted_ledger_never_crashes_a_read_and_is_never_written() {
    let cases = env_u64("JATEBO_CORRUPT_CASES", 200);
    let seed = env_u64("JATEBO_CORRUPT_SEED", 0x6A61_7465_626F);
    let l = Ledger::with_coop();
    l.post(
        "coop",
        "2026-03-02",
        "Apport Traoré",
        "5711=10000",
        "1013=10000",
    );
    l.post("coop", "2026-03-05", "Vente", "5711=2500", "70211=2500");
    l.ok(&["period", "close", "--month", "2026-03"]);
    l.post("coop", "2026-04-01", "Achat", "6021=1000", "5711=1000");
    let original = l.bytes();
    let pages = original.len() / 4096;
    assert!(pages >= 2, "a ledger of {} bytes", original.len());

    let copy = l.dir.path().join("copie.db");
    let mut rng = Rng(seed);
    let mut by_code = std::collections::BTreeMap::<i32, u32>::new();
    for case in 0..cases {
        let mut bytes = original.clone();
        // One to eight bytes changed; a third of the cases hit the first
        // page (file header and schema), where damage matters most.
        let flips = 1 + rng.below(8);
        for _ in 0..flips {
            let at = if rng.below(3) == 0 {
                rng.below(4096)
            } else {
                rng.below(bytes.len() as u64)
            } as usize;
            let mask = 1 + rng.below(255) as u8;
            bytes[at] ^= mask;
        }
        std::fs::write(&copy, &bytes).unwrap();
        for args in [&["verify"][..], &["--json", "balance"]] {
            let o = common::run(&copy, args);
            let what = format!(
                "case {case} (JATEBO_CORRUPT_SEED={seed:#x}):\n{}",
                describe(args, &o)
            );
            let c = code(&o);
            assert!(matches!(c, 0 | 1 | 3), "exit {c}, {what}");
            assert!(!stderr(&o).contains("panicked"), "{what}");
            if c == 1 {
                assert!(o.stdout.is_empty(), "a refusal printed on stdout: {what}");
                assert!(!o.stderr.is_empty(), "a refusal without a message: {what}");
                // A damaged file is refused with the way out.
                if stderr(&o).contains("endommagé") {
                    assert!(
                        stderr(&o).contains("jatebo restore"),
                        "no restore path: {what}"
                    );
                }
            }
            assert!(
                std::fs::read(&copy).unwrap() == bytes,
                "a read-only command changed the file: {what}"
            );
            *by_code.entry(c).or_default() += 1;
        }
        for suffix in ["-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(common::sidecar(&copy, suffix));
        }
    }
    eprintln!("corrupted ledger: {cases} cases, seed {seed:#x}, exit codes {by_code:?}");
    // The original was never touched.
    assert_eq!(original, l.bytes());
}

#[test]
fn a_foreign_sqlite_file_with_a_table_t_is_refused_in_both_languages() {
    let l = Ledger::new();
    {
        let c = rusqlite::Connection::open(&l.path).unwrap();
        c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    let before = l.bytes();
    for args in [&["verify"][..], &["balance"], &["account", "list"]] {
        let err = l.fail(args);
        assert!(err.contains("n'est pas un registre jatebo"), "{err}");
        assert!(err.contains("Le fichier n'a pas été modifié"), "{err}");
        assert_eq!(before, l.bytes(), "jatebo {args:?} changed the file");
    }
    let err = l.fail(&["--lang", "en", "init"]);
    assert!(err.contains("is not a jatebo ledger"), "{err}");
    assert_eq!(before, l.bytes());
}

#[test]
fn a_ledger_from_a_much_newer_jatebo_is_refused_by_every_command() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-03-02", "Apport", "5711=1000", "1013=1000");
    {
        let c = rusqlite::Connection::open(&l.path).unwrap();
        c.pragma_update(None, "user_version", i32::MAX).unwrap();
    }
    let before = l.bytes();
    let post = add_args("2026-03-03", "m", "5711=1", "70211=1");
    for args in [
        &["balance"][..],
        &["account", "list"],
        &["period", "close", "--month", "2026-03"],
        &refs(&post),
    ] {
        let err = l.fail(args);
        assert!(err.contains("version plus récente"), "{err}");
        assert_eq!(before, l.bytes(), "jatebo {args:?} changed the file");
    }
    let err = l.fail(&["--lang", "en", "verify"]);
    assert!(err.contains("newer"), "{err}");
    assert_eq!(before, l.bytes());
}

// ---- parsers, fuzzed ---------------------------------------------------------------

/// Strings that look like amounts: digits, separators of every kind,
/// signs, currency names, other scripts' digits.
fn amount_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[0-9]{1,4}",
        Just(" ".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{202f}".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just("-".to_string()),
        Just("\u{2212}".to_string()),
        Just("+".to_string()),
        Just("e".to_string()),
        Just("F".to_string()),
        Just("FCFA".to_string()),
        Just(" F CFA".to_string()),
        Just("XOF".to_string()),
        Just("١".to_string()),
        Just("５".to_string()),
        Just("000".to_string()),
        Just("999".to_string()),
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

fn check_amount(s: &str) -> Result<(), TestCaseError> {
    if let Ok(x) = money::parse(s) {
        prop_assert!(x.is_within_cap(), "{s:?} → {x}");
        prop_assert!(x >= Fcfa::ZERO, "{s:?} → {x}");
    }
    if let Ok(x) = money::parse_positive(s) {
        prop_assert!(x.is_within_cap(), "{s:?} → {x}");
        prop_assert!(x > Fcfa::ZERO, "{s:?} → {x}");
    }
    if let Ok(x) = money::parse_signed(s) {
        prop_assert!(x.is_within_cap(), "{s:?} → {x}");
    }
    Ok(())
}

fn check_date(s: &str) -> Result<(), TestCaseError> {
    if let Ok(d) = parse_date(s) {
        prop_assert!((MIN_YEAR..=MAX_YEAR).contains(&d.year()), "{s:?} → {d}");
        // What was accepted is read back the same in both forms.
        prop_assert_eq!(parse_date(&d.format("%Y-%m-%d").to_string()), Ok(d));
        prop_assert_eq!(parse_date(&d.format("%d/%m/%Y").to_string()), Ok(d));
    }
    Ok(())
}

/// A savings group with five members and an open meeting, in memory.
fn group_with_open_meeting() -> (Books, Actor, jatebo::store::OrgRow) {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let mut books = Books::in_memory().unwrap();
    let actor = Actor::new("Oumou").unwrap();
    let org = books
        .add_org(&actor, "sabali", "Groupe Sabali", OrgKind::Savings)
        .unwrap();
    books
        .start_cycle(
            &actor,
            &org,
            CycleInput {
                start: d("2026-01-05"),
                planned_end: d("2026-12-31"),
                constitution: Constitution::standard(),
            },
        )
        .unwrap();
    for name in ["Aminata Traoré", "Fatoumata Diarra", "Awa Keïta"] {
        books
            .add_sg_member(
                &actor,
                &org,
                SgMemberInput {
                    number: None,
                    name: name.to_string(),
                    phone: String::new(),
                    role: MemberRole::Member,
                    joined: d("2026-01-05"),
                },
            )
            .unwrap();
    }
    books
        .open_meeting(
            &actor,
            &org,
            OpenInput {
                date: d("2026-01-05"),
                loan_cash: Fcfa::ZERO,
                social_cash: Fcfa::ZERO,
                reason: String::new(),
            },
        )
        .unwrap();
    (books, actor, org)
}

/// Text that looks like a meeting sheet: a header of known and unknown
/// column names, rows of plausible and implausible cells, `;` or `,`.
fn sheet_like() -> impl Strategy<Value = String> {
    let header = prop_oneof![
        Just("numero"),
        Just("n°"),
        Just("nom"),
        Just("member"),
        Just("presence"),
        Just("attendance"),
        Just("fonds_social"),
        Just("parts"),
        Just("shares"),
        Just("remboursement"),
        Just("amende"),
        Just("amende_payee"),
        Just("pret"),
        Just("loan"),
        Just("duree"),
        Just("Parts"),
        Just("PRÉSENCE"),
        Just("autre"),
        Just(""),
    ];
    let cell = prop_oneof![
        "[0-9]{0,3}",
        "[0-9 ]{0,9}",
        Just("Aminata Traoré".to_string()),
        Just("Awa Keïta".to_string()),
        Just("Awa Keita".to_string()),
        Just("présent".to_string()),
        Just("absent".to_string()),
        Just("retard".to_string()),
        Just("excusé".to_string()),
        Just("retard+bruit".to_string()),
        Just("-1".to_string()),
        Just("99999999999999999999".to_string()),
        Just("\"a;b\"".to_string()),
        Just("\"".to_string()),
        "\\PC{0,6}",
    ];
    (
        proptest::sample::select(vec![";", ","]),
        proptest::collection::vec(header, 1..8),
        proptest::collection::vec(proptest::collection::vec(cell, 0..9), 0..5),
        any::<bool>(),
    )
        .prop_map(|(sep, head, rows, bom)| {
            let mut s = String::new();
            if bom {
                s.push('\u{feff}');
            }
            s.push_str(&head.join(sep));
            for r in rows {
                s.push('\n');
                s.push_str(&r.join(sep));
            }
            s
        })
}

fn check_sheet(text: &str) -> Result<(), TestCaseError> {
    let (mut books, actor, org) = group_with_open_meeting();
    let before = books.meeting_view(&org, None).unwrap();
    match books.import_sheet(&actor, &org, text) {
        Ok(_) => {}
        Err(e) => {
            // A refused sheet has a message and saves no row.
            prop_assert!(!e.to_string().is_empty());
            let after = books.meeting_view(&org, None).unwrap();
            prop_assert_eq!(format!("{before:?}"), format!("{after:?}"), "{:?}", text);
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn the_amount_parser_never_panics_on_any_text(s in any::<String>()) {
        check_amount(&s)?;
    }

    #[test]
    fn the_amount_parser_never_panics_on_amount_like_text(s in amount_like()) {
        check_amount(&s)?;
    }

    #[test]
    fn the_amount_parser_accepts_exactly_up_to_the_cap(n in 0i64..=2 * MAX_AMOUNT) {
        let grouped = Fcfa::new(n).format(jatebo::domain::Lang::Fr);
        for s in [n.to_string(), grouped] {
            match money::parse(&s) {
                Ok(x) => {
                    prop_assert!(n <= MAX_AMOUNT, "{s:?} accepted above the cap");
                    prop_assert_eq!(x, Fcfa::new(n));
                }
                Err(_) => prop_assert!(n > MAX_AMOUNT, "{s:?} refused within the cap"),
            }
        }
    }

    #[test]
    fn the_date_parser_never_panics_on_any_text(s in any::<String>()) {
        check_date(&s)?;
    }

    #[test]
    fn the_date_parser_never_panics_on_date_like_text(
        s in "[ ]?[0-9+-]{0,5}[-/][0-9]{0,3}[-/][0-9+-]{0,5}[ ]?"
    ) {
        check_date(&s)?;
    }

    #[test]
    fn the_sheet_parser_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        check_sheet(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn the_sheet_parser_never_panics_on_sheet_like_text(text in sheet_like()) {
        check_sheet(&text)?;
    }
}

// ---- the lines file of `entry add --file` and quantities ---------------------

/// Text that looks like a lines file: headers, comments, BOM, `;` or tab,
/// accounts, sides, amounts and labels, some of them wrong.
fn lines_like() -> impl Strategy<Value = String> {
    let account = prop_oneof![
        Just("5711".to_string()),
        Just("70211".to_string()),
        "[0-9]{1,13}",
        "[A-Za-z0-9 ]{0,6}",
    ];
    let side = prop_oneof![
        Just("D".to_string()),
        Just("C".to_string()),
        Just("débit".to_string()),
        Just("crédit".to_string()),
        "[A-Za-z]{0,6}",
    ];
    let amount = prop_oneof!["[0-9]{1,13}", "[0-9 ,.\\-e]{0,8}", any::<String>()];
    let label = prop_oneof![Just(String::new()), "[ -~]{0,20}", any::<String>()];
    let row = (
        account,
        side,
        amount,
        label,
        prop_oneof![Just(';'), Just('\t')],
        any::<bool>(),
    )
        .prop_map(|(a, s, m, l, sep, with_label)| {
            let mut r = format!("{a}{sep}{s}{sep}{m}");
            if with_label {
                r.push(sep);
                r.push_str(&l);
            }
            r
        });
    let line = prop_oneof![
        8 => row,
        1 => Just("compte;sens;montant;libellé".to_string()),
        1 => Just("# commentaire".to_string()),
        1 => Just(String::new()),
    ];
    (any::<bool>(), proptest::collection::vec(line, 0..12)).prop_map(|(bom, lines)| {
        let mut t = if bom {
            "\u{feff}".to_string()
        } else {
            String::new()
        };
        t.push_str(&lines.join("\n"));
        t
    })
}

proptest! {
    #[test]
    fn the_lines_file_parser_never_panics_and_keeps_what_it_accepts(text in lines_like()) {
        use jatebo::domain::ledger::{MAX_LABEL, parse_lines};
        match parse_lines(&text) {
            Ok(lines) => {
                for l in &lines {
                    prop_assert!(l.amount.francs() > 0 && l.amount.francs() <= MAX_AMOUNT);
                    prop_assert!(l.label.chars().count() <= MAX_LABEL);
                }
            }
            Err((n, _)) => prop_assert!(n >= 1 && n <= text.lines().count(), "line {n} of {text:?}"),
        }
    }

    #[test]
    fn the_lines_file_parser_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = jatebo::domain::ledger::parse_lines(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn the_quantity_parser_never_panics_and_reads_back(s in prop_oneof![any::<String>(), "[0-9 ,.\\-]{0,12}"]) {
        use jatebo::domain::coop::{Qty, Unit};
        for unit in Unit::ALL {
            if let Ok(q) = Qty::parse(&s, unit) {
                prop_assert!(q.milli() > 0, "{s:?} read as {q:?}");
                // What was accepted reads back the same from its own form.
                for lang in [jatebo::domain::Lang::Fr, jatebo::domain::Lang::En] {
                    let again = Qty::parse(&q.format(lang), unit);
                    prop_assert_eq!(again.ok(), Some(q), "{:?}", s);
                }
            }
        }
    }

    #[test]
    fn every_quantity_in_thousandths_reads_back(m in 1i64..=2_000_000_000, unit_i in 0usize..4) {
        use jatebo::domain::coop::{MAX_QTY, Qty, Unit};
        let unit = Unit::ALL[unit_i];
        let q = Qty::from_milli(m);
        for lang in [jatebo::domain::Lang::Fr, jatebo::domain::Lang::En] {
            let shown = q.format(lang);
            match Qty::parse(&shown, unit) {
                Ok(back) => {
                    prop_assert_eq!(back, q);
                    prop_assert!(m <= MAX_QTY, "{shown:?} accepted above the cap");
                }
                // Pieces are counted whole; nothing above the cap.
                Err(_) => prop_assert!(
                    (unit == Unit::Piece && m % 1000 != 0) || m > MAX_QTY,
                    "{shown:?} refused for {unit:?}"
                ),
            }
        }
    }
}
