//! End-to-end tests of a savings group on the command line: a 20-member
//! group's cycle (members, meetings, loans, a meeting read from the CSV
//! sheet, close, reopen, correct, close again, passbooks), the bad inputs a
//! facilitator types and what she reads then, and the share-out with the
//! group's indicators — what she types, what she reads, and what ends up
//! in the books.

mod common;

use std::process::Output;

use common::{Ledger, code, describe, stderr, stdout};
use serde_json::Value;

fn i(v: &Value) -> i64 {
    v.as_i64().unwrap_or_else(|| panic!("not an integer: {v}"))
}

fn run_on(l: &Ledger, today: &str, args: &[&str]) -> Output {
    l.command(args)
        .env("JATEBO_TODAY", today)
        .output()
        .expect("run jatebo")
}

/// A command that must succeed on `today`; its stdout.
fn ok(l: &Ledger, today: &str, args: &[&str]) -> String {
    let o = run_on(l, today, args);
    assert_eq!(code(&o), 0, "expected success:\n{}", describe(args, &o));
    assert!(
        o.stderr.is_empty(),
        "unexpected stderr:\n{}",
        describe(args, &o)
    );
    stdout(&o)
}

/// `--json <args>` on `today`, parsed.
fn json(l: &Ledger, today: &str, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = ok(l, today, &all);
    serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("invalid JSON from jatebo {}: {e}\n{out}", all.join(" ")))
}

/// A command that must be refused on `today`: exit 1, nothing on stdout,
/// the reason on stderr (returned).
fn fail(l: &Ledger, today: &str, args: &[&str]) -> String {
    let o = run_on(l, today, args);
    assert_eq!(code(&o), 1, "expected a refusal:\n{}", describe(args, &o));
    assert!(
        o.stdout.is_empty(),
        "a refusal prints nothing on stdout:\n{}",
        describe(args, &o)
    );
    let err = stderr(&o);
    assert!(err.contains("erreur"), "{}", describe(args, &o));
    err
}

/// How many entries the group's books hold.
fn entries(l: &Ledger) -> i64 {
    let orgs = json(l, "2026-01-01", &["org", "list"]);
    i(&orgs[0]["entries"])
}

/// An initialised ledger with one savings group, `sabali`.
fn group() -> Ledger {
    let l = Ledger::init();
    l.ok(&[
        "org",
        "add",
        "--code",
        "sabali",
        "--name",
        "Groupe Sabali",
        "--kind",
        "savings",
    ]);
    l
}

const NAMES: [&str; 20] = [
    "Aminata Traoré",
    "Fatoumata Diarra",
    "Kadiatou Coulibaly",
    "Awa Keïta",
    "Mariam Sangaré",
    "Oumou Sidibé",
    "Hawa Koné",
    "Salimata Doumbia",
    "Rokia Touré",
    "Assitan Dembélé",
    "Djénéba Cissé",
    "Bintou Camara",
    "Korotoumou Sissoko",
    "Nana Bagayoko",
    "Sitan Samaké",
    "Fanta Konaté",
    "Ramata Diallo",
    "Maimouna Fofana",
    "Tenin Kanté",
    "Sali Maïga",
];

/// The counts both boxes must hold at the close, as `meeting show`
/// computes them.
fn closing_counts(l: &Ledger, today: &str) -> (String, String) {
    let v = json(l, today, &["meeting", "show"]);
    (
        i(&v["closing_loan"]).to_string(),
        i(&v["closing_social"]).to_string(),
    )
}

/// Closes the open meeting with the computed counts; returns the closing
/// code.
fn close(l: &Ledger, today: &str) -> String {
    let (loan, social) = closing_counts(l, today);
    let out = json(
        l,
        today,
        &[
            "meeting",
            "close",
            "--loan-cash",
            &loan,
            "--social-cash",
            &social,
        ],
    );
    out["code"].as_str().expect("closing code").to_string()
}

/// Opens a meeting on `date` with the cash the last close left.
fn open(l: &Ledger, date: &str) -> String {
    let last = json(l, date, &["meeting", "show"]);
    let c = last["closes"].as_array().unwrap().last().unwrap().clone();
    ok(
        l,
        date,
        &[
            "meeting",
            "open",
            "--date",
            date,
            "--loan-cash",
            &i(&c["counted_loan"]).to_string(),
            "--social-cash",
            &i(&c["counted_social"]).to_string(),
        ],
    )
}

fn row(meeting: &Value, number: i64) -> &Value {
    meeting["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["member"]["number"] == number)
        .unwrap_or_else(|| panic!("no row for member {number}"))
}

#[test]
fn a_twenty_member_cycle_with_a_sheet_a_reopened_meeting_and_passbooks() {
    let l = group();
    let start = ok(
        &l,
        "2026-01-05",
        &[
            "group",
            "start",
            "--start",
            "2026-01-05",
            "--end",
            "2026-12-31",
        ],
    );
    assert!(
        start.contains("Cycle 1 commencé le 05/01/2026 (fin prévue le 31/12/2026)."),
        "{start}"
    );
    assert!(
        start.contains("Prix de la part              500 F CFA"),
        "{start}"
    );
    for (k, name) in NAMES.iter().enumerate() {
        let mut args = vec!["member", "add", "--name", name, "--joined", "2026-01-05"];
        if k == 0 {
            args.extend(["--role", "présidente"]);
        }
        if k == 1 {
            args.extend(["--role", "secrétaire", "--phone", "76 12 34 56"]);
        }
        let out = ok(&l, "2026-01-05", &args);
        assert!(
            out.contains(&format!("Membre N° {} ajouté : {name}", k + 1)),
            "{out}"
        );
    }
    // Accents and case ignored when looking a member up.
    let found = json(&l, "2026-01-05", &["member", "list", "--search", "KEITA"]);
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(found[0]["name"], "Awa Keïta");
    let list = ok(&l, "2026-01-05", &["member", "list"]);
    assert!(list.contains("secrétaire"), "{list}");
    assert!(list.contains("20 membre(s)."), "{list}");

    // Meeting 1: everyone the default (1 share, 100 F social), members 1–10 five shares.
    let out = ok(
        &l,
        "2026-01-05",
        &["meeting", "open", "--loan-cash", "0", "--social-cash", "0"],
    );
    assert!(out.contains("Réunion N° 1 du 05/01/2026 ouverte"), "{out}");
    let out = ok(&l, "2026-01-05", &["meeting", "fill"]);
    assert!(out.contains("20 ligne(s) remplie(s) par défaut"), "{out}");
    for m in 1..=10 {
        ok(
            &l,
            "2026-01-05",
            &[
                "meeting",
                "record",
                "--member",
                &m.to_string(),
                "--shares",
                "5",
            ],
        );
    }
    assert_eq!(
        closing_counts(&l, "2026-01-05"),
        ("30000".to_string(), "2000".to_string())
    );
    close(&l, "2026-01-05");

    // Meeting 2: two loans.
    open(&l, "2026-01-19");
    ok(&l, "2026-01-19", &["meeting", "fill"]);
    for m in 3..=10 {
        ok(
            &l,
            "2026-01-19",
            &[
                "meeting",
                "record",
                "--member",
                &m.to_string(),
                "--shares",
                "5",
            ],
        );
    }
    let out = ok(
        &l,
        "2026-01-19",
        &[
            "meeting", "record", "--member", "aminata", "--shares", "5", "--loan", "10000",
        ],
    );
    assert!(
        out.contains("nouveau prêt 10 000 F CFA sur 3 mois"),
        "{out}"
    );
    ok(
        &l,
        "2026-01-19",
        &[
            "meeting", "record", "--member", "2", "--shares", "5", "--loan", "6 000", "--term", "2",
        ],
    );
    assert_eq!(
        closing_counts(&l, "2026-01-19"),
        ("44000".to_string(), "4000".to_string())
    );
    close(&l, "2026-01-19");
    let loans = json(&l, "2026-01-19", &["loan", "list"]);
    assert_eq!(loans.as_array().unwrap().len(), 2);

    // Meeting 3, from the sheet the facilitator filled on paper: shares,
    // social fund, two repayments, a fine, a new loan, one absent.
    open(&l, "2026-02-19");
    let mut sheet = String::from(
        "Numéro;Nom;Présence;Fonds social;Parts;Remboursement;Amende;Amende payée;Prêt;Durée\n",
    );
    for (k, name) in NAMES.iter().enumerate() {
        let n = k + 1;
        let line = match n {
            1 => format!("{n};{name};p;100;5;4 000;;;;"),
            2 => format!("{n};{name};p;100;5;2600;;;;"),
            3 => format!("{n};{name};p;100;5;;retard;100;;"),
            4 => format!("{n};{name};r;100;5;;;;8000;3"),
            5 => format!("{n};{name};p;100;1;;;;;"),
            6..=10 => format!("{n};{name};p;100;5;;;;;"),
            20 => format!("{n};{name};a;;;;absence;;;"),
            _ => format!("{n};{name};p;100;1;;;;;"),
        };
        sheet.push_str(&line);
        sheet.push('\n');
    }
    let path = l.dir.path().join("reunion-3.csv");
    std::fs::write(&path, &sheet).unwrap();
    let out = ok(
        &l,
        "2026-02-19",
        &["meeting", "import", path.to_str().unwrap()],
    );
    assert!(
        out.contains("20 ligne(s) enregistrée(s) dans la réunion N° 3"),
        "{out}"
    );
    assert!(out.contains("Toutes les lignes sont saisies."), "{out}");
    let out = ok(
        &l,
        "2026-02-19",
        &[
            "meeting", "social", "--member", "7", "--kind", "grant", "--amount", "1500",
            "--reason", "santé", "--note", "CSCom",
        ],
    );
    assert!(
        out.contains("aide de 1 500 F CFA pour Hawa Koné (N° 7), santé"),
        "{out}"
    );
    // The grid shows each repayment split into principal and interest.
    let v = json(&l, "2026-02-19", &["meeting", "show"]);
    let r1 = &row(&v, 1)["check"]["repayment"];
    assert_eq!((i(&r1["principal"]), i(&r1["interest"])), (3_000, 1_000));
    let r2 = &row(&v, 2)["check"]["repayment"];
    assert_eq!((i(&r2["principal"]), i(&r2["interest"])), (2_000, 600));
    assert_eq!(i(&row(&v, 20)["input"]["fine_levied"]), 200);
    let grid = ok(&l, "2026-02-19", &["meeting", "show"]);
    assert!(grid.contains("Réunion N° 3 du 19/02/2026"), "{grid}");
    assert!(grid.contains("Fermeture (calculée)"), "{grid}");
    // 44 000 + 55 shares + 4 000 + 2 600 + 100 of fine − 8 000 lent;
    // 4 000 + 19 × 100 − 1 500 granted.
    assert_eq!(
        closing_counts(&l, "2026-02-19"),
        ("70200".to_string(), "4400".to_string())
    );
    let (loan, social) = closing_counts(&l, "2026-02-19");
    let out = ok(
        &l,
        "2026-02-19",
        &[
            "meeting",
            "close",
            "--loan-cash",
            &loan,
            "--social-cash",
            &social,
        ],
    );
    assert!(out.contains("Réunion N° 3 du 19/02/2026 fermée"), "{out}");
    let first_code = out
        .lines()
        .find_map(|line| line.trim().strip_prefix("Code de fermeture : "))
        .and_then(|rest| rest.split(' ').next())
        .unwrap_or_else(|| panic!("no closing code:\n{out}"))
        .to_string();
    assert!(
        out.contains(&format!(
            "Code de fermeture : {first_code} — à recopier dans le cahier"
        )),
        "{out}"
    );
    let mariam = json(&l, "2026-02-19", &["passbook", "--member", "5"]);
    assert_eq!(i(&mariam["shares"]), 11);

    // Mariam bought 4 shares, not 1: reopen with a reason, correct her row
    // and close again.
    let out = ok(
        &l,
        "2026-02-19",
        &[
            "meeting",
            "reopen",
            "--reason",
            "parts de Mariam mal comptées",
        ],
    );
    assert!(
        out.contains("Réunion N° 3 du 19/02/2026 rouverte (parts de Mariam mal comptées)"),
        "{out}"
    );
    let out = ok(
        &l,
        "2026-02-19",
        &[
            "meeting",
            "record",
            "--member",
            "Mariam Sangare",
            "--shares",
            "4",
        ],
    );
    assert!(out.contains("4 part(s) = 2 000 F CFA"), "{out}");
    // Her other cells kept from the recorded row; the others untouched.
    let v = json(&l, "2026-02-19", &["meeting", "show"]);
    assert_eq!(i(&row(&v, 5)["input"]["social"]), 100);
    assert_eq!(i(&row(&v, 1)["input"]["repay"]), 4_000);
    assert_eq!(v["social"].as_array().unwrap().len(), 1);
    assert_eq!(
        closing_counts(&l, "2026-02-19"),
        ("71700".to_string(), "4400".to_string())
    );
    let second_code = close(&l, "2026-02-19");
    assert_ne!(first_code, second_code);
    let list = ok(&l, "2026-02-19", &["meeting", "list"]);
    assert!(list.contains("fermée, rouverte 1 fois"), "{list}");
    assert!(list.contains(&second_code), "{list}");

    l.assert_verified();

    // Her passbook: the corrected figures, the reversal visible.
    let pb = json(&l, "2026-02-19", &["passbook", "--member", "5"]);
    assert_eq!(i(&pb["shares"]), 14);
    assert_eq!(i(&pb["savings"]), 7_000);
    assert_eq!(i(&pb["ledger_savings"]), 7_000);
    let kinds: Vec<&str> = pb["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        vec!["meeting", "meeting", "meeting", "reversal", "meeting"]
    );
    let reversal = &pb["lines"][3];
    assert_eq!(i(&reversal["shares"]), -1);
    assert_eq!(reversal["note"], pb["lines"][2]["entry"]);
    let text = ok(&l, "2026-02-19", &["passbook", "--member", "5"]);
    let reversal_entry = reversal["entry"].as_str().unwrap();
    assert!(
        text.contains(&format!("annulée par {reversal_entry}")),
        "{text}"
    );
    assert!(
        text.contains("contre-passation de la réunion N° 3"),
        "{text}"
    );
    assert!(
        text.contains("Ce cycle : 14 part(s), épargne 7 000 F CFA"),
        "{text}"
    );
    assert!(
        text.lines().all(|line| line.chars().count() <= 80),
        "the passbook fits 80 columns:\n{text}"
    );
    // The borrowers' passbooks and the register agree.
    let pb1 = json(&l, "2026-02-19", &["passbook", "--member", "1"]);
    assert_eq!(i(&pb1["loan_balance"]), 7_000);
    let loans = json(&l, "2026-02-19", &["loan", "list"]);
    let balances: Vec<(String, i64)> = loans
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["name"].as_str().unwrap().to_string(),
                i(&x["status"]["balance"]),
            )
        })
        .collect();
    assert_eq!(
        balances,
        vec![
            ("Aminata Traoré".to_string(), 7_000),
            ("Fatoumata Diarra".to_string(), 4_000),
            ("Awa Keïta".to_string(), 8_000),
        ]
    );
    let register = ok(&l, "2026-02-19", &["loan", "list"]);
    assert!(
        register.contains("Registre des prêts au 19/02/2026"),
        "{register}"
    );
    assert!(register.contains("en cours"), "{register}");
    let show = ok(&l, "2026-02-19", &["loan", "show", "1"]);
    assert!(show.contains("Échéancier prévu :"), "{show}");
    assert!(
        show.contains("capital 3 000 F CFA, intérêts 1 000 F CFA"),
        "{show}"
    );
}

#[test]
fn bad_input_is_refused_with_a_clear_message_and_nothing_recorded() {
    let l = group();
    ok(
        &l,
        "2026-01-01",
        &[
            "group",
            "start",
            "--start",
            "2026-01-01",
            "--end",
            "2026-12-31",
        ],
    );
    for name in ["Aminata Traoré", "Fatoumata Diarra", "Kadiatou Coulibaly"] {
        ok(
            &l,
            "2026-01-01",
            &["member", "add", "--name", name, "--joined", "2026-01-01"],
        );
    }
    // A cooperative's command on a savings group says so.
    let e = fail(
        &l,
        "2026-01-05",
        &[
            "member",
            "parts",
            "1",
            "--parts",
            "2",
            "--part-value",
            "5000",
        ],
    );
    assert!(e.contains("sont pour les coopératives"), "{e}");

    ok(
        &l,
        "2026-01-05",
        &["meeting", "open", "--loan-cash", "0", "--social-cash", "0"],
    );
    let before = entries(&l);
    // Shares above the maximum.
    let e = fail(
        &l,
        "2026-01-05",
        &["meeting", "record", "--member", "1", "--shares", "6"],
    );
    assert!(
        e.contains("6 part(s) : le règlement demande de 1 à 5 part(s) par réunion."),
        "{e}"
    );
    let v = json(&l, "2026-01-05", &["meeting", "show"]);
    assert_eq!(row(&v, 1)["saved"], false, "the refused row was not saved");
    for m in ["1", "2", "3"] {
        ok(
            &l,
            "2026-01-05",
            &["meeting", "record", "--member", m, "--shares", "5"],
        );
    }
    close(&l, "2026-01-05");
    let after_first = entries(&l);
    assert!(after_first > before);

    // An opening count that does not match, without a reason.
    let e = fail(
        &l,
        "2026-01-19",
        &[
            "meeting",
            "open",
            "--date",
            "2026-01-19",
            "--loan-cash",
            "7000",
            "--social-cash",
            "300",
        ],
    );
    assert!(
        e.contains(
            "Comptage de la caisse du fonds de crédit : 7 000 F CFA comptés, les livres attendent 7 500 F CFA"
        ),
        "{e}"
    );
    assert!(e.contains("donnez le motif de l'écart"), "{e}");
    // A meeting dated before the previous one.
    let e = fail(
        &l,
        "2026-01-19",
        &[
            "meeting",
            "open",
            "--date",
            "2026-01-03",
            "--loan-cash",
            "7500",
            "--social-cash",
            "300",
        ],
    );
    assert!(
        e.contains("La date doit venir après celle de la dernière réunion ou du dernier partage (05/01/2026)."),
        "{e}"
    );
    assert_eq!(entries(&l), after_first);
    assert_eq!(
        json(&l, "2026-01-19", &["meeting", "list"])
            .as_array()
            .unwrap()
            .len(),
        1,
        "no meeting was opened"
    );

    open(&l, "2026-01-19");
    // A loan above three times her savings (2 500 + 2 500 today).
    let e = fail(
        &l,
        "2026-01-19",
        &[
            "meeting", "record", "--member", "1", "--shares", "5", "--loan", "20000",
        ],
    );
    assert!(
        e.contains(
            "Prêt de 20 000 F CFA refusé : au plus 15 000 F CFA pour une épargne de 5 000 F CFA."
        ),
        "{e}"
    );
    // Within the limit but above the cash in the box (7 500 + her 2 500).
    let e = fail(
        &l,
        "2026-01-19",
        &[
            "meeting", "record", "--member", "1", "--shares", "5", "--loan", "12000",
        ],
    );
    assert!(
        e.contains(
            "Prêt de 12 000 F CFA refusé : la caisse du fonds de crédit n'aura que 10 000 F CFA."
        ),
        "{e}"
    );
    let v = json(&l, "2026-01-19", &["meeting", "show"]);
    assert_eq!(row(&v, 1)["saved"], false);
    assert_eq!(i(&v["totals"]["new_loans"]), 0);
    ok(&l, "2026-01-19", &["meeting", "fill"]);
    close(&l, "2026-01-19");
    let after_second = entries(&l);

    // Reopening a meeting that is not the last.
    let e = fail(
        &l,
        "2026-01-20",
        &["meeting", "reopen", "--number", "1", "--reason", "erreur"],
    );
    assert!(
        e.contains("Seule la dernière réunion (N° 2) peut être rouverte, pas la N° 1."),
        "{e}"
    );
    assert_eq!(entries(&l), after_second);

    // A sheet with a bad cell names its line and saves nothing.
    open(&l, "2026-02-02");
    let path = l.dir.path().join("feuille.csv");
    std::fs::write(&path, "numero;parts;pret\n1;2;\n2;deux;\n3;1;\n").unwrap();
    let e = fail(
        &l,
        "2026-02-02",
        &["meeting", "import", path.to_str().unwrap()],
    );
    assert!(e.contains("Feuille de réunion, ligne 3 :"), "{e}");
    assert!(e.contains("« deux » n'est pas un nombre de parts"), "{e}");
    assert!(e.contains("Rien n'a été enregistré."), "{e}");
    // A row the rules refuse, after good ones: still nothing saved.
    std::fs::write(&path, "numero;parts;pret\n1;2;\n2;3;\n3;9;\n").unwrap();
    let e = fail(
        &l,
        "2026-02-02",
        &["meeting", "import", path.to_str().unwrap()],
    );
    assert!(e.contains("Feuille de réunion, ligne 4 :"), "{e}");
    assert!(e.contains("9 part(s)"), "{e}");
    let v = json(&l, "2026-02-02", &["meeting", "show"]);
    assert!(
        v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["saved"] == false),
        "no row of a refused sheet is saved: {v}"
    );
    // An unreadable option value is a command-line error.
    let o = run_on(
        &l,
        "2026-02-02",
        &["meeting", "record", "--member", "1", "--shares", "deux"],
    );
    assert_eq!(code(&o), 2, "{}", describe(&[], &o));
    assert!(
        stderr(&o).contains("« deux » n'est pas un nombre entier positif."),
        "{}",
        stderr(&o)
    );
    // Closing with rows missing names them.
    let e = fail(
        &l,
        "2026-02-02",
        &[
            "meeting",
            "close",
            "--loan-cash",
            "15000",
            "--social-cash",
            "600",
        ],
    );
    assert!(e.contains("Il manque la ligne des membres 1, 2, 3"), "{e}");
    assert_eq!(entries(&l), after_second);
    // A sheet saved by a French spreadsheet (Windows-1252) reads as well.
    let latin: Vec<u8> =
        "Numéro;Nom;Parts\n1;Aminata Traoré;2\n2;Fatoumata Diarra;3\n3;Kadiatou Coulibaly;1\n"
            .chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap())
            .collect();
    std::fs::write(&path, latin).unwrap();
    let out = ok(
        &l,
        "2026-02-02",
        &["meeting", "import", path.to_str().unwrap()],
    );
    assert!(
        out.contains("3 ligne(s) enregistrée(s) dans la réunion N° 3"),
        "{out}"
    );
    let v = json(&l, "2026-02-02", &["meeting", "show"]);
    assert_eq!(i(&row(&v, 2)["input"]["shares"]), 3);
    l.assert_verified();

    // A savings group's member commands on a cooperative say so too.
    let coop = Ledger::with_coop();
    let e = fail(&coop, "2026-01-05", &["member", "show", "1"]);
    assert!(e.contains("sont pour les groupes d'épargne"), "{e}");
    let e = fail(
        &coop,
        "2026-01-05",
        &["member", "add", "--name", "Awa", "--role", "présidente"],
    );
    assert!(
        e.contains("--role et --number sont pour les groupes d'épargne"),
        "{e}"
    );
}

#[test]
fn share_out_and_indicators_of_a_small_group() {
    let l = group();
    ok(
        &l,
        "2026-01-05",
        &[
            "group",
            "start",
            "--start",
            "2026-01-05",
            "--end",
            "2026-06-30",
            "--social-fee",
            "0",
        ],
    );
    for name in ["Aminata Traoré", "Fatoumata Diarra", "Kadiatou Coulibaly"] {
        ok(
            &l,
            "2026-01-05",
            &["member", "add", "--name", name, "--joined", "2026-01-05"],
        );
    }
    let shares = [("1", "5"), ("2", "3"), ("3", "1")];
    let mut first = true;
    for date in ["2026-01-05", "2026-01-19", "2026-02-19"] {
        if first {
            ok(
                &l,
                date,
                &["meeting", "open", "--loan-cash", "0", "--social-cash", "0"],
            );
            first = false;
        } else {
            open(&l, date);
        }
        for (m, s) in shares {
            let mut args = vec!["meeting", "record", "--member", m, "--shares", s];
            if date == "2026-01-19" && m == "1" {
                args.extend(["--loan", "6000"]);
            }
            if date == "2026-02-19" && m == "1" {
                // One month of flat interest (600) clears the loan.
                args.extend(["--repay", "6600"]);
            }
            if date == "2026-02-19" && m == "2" {
                args.extend(["--fine", "retard", "--fine-paid", "100"]);
            }
            ok(&l, date, &args);
        }
        close(&l, date);
    }
    // 27 shares (13 500 F) and 14 200 F in the box: 525,9259 F a share,
    // rounded down to 5 F; 10 F left over for the next cycle.
    let p = json(
        &l,
        "2026-02-20",
        &["shareout", "preview", "--date", "2026-03-02"],
    );
    let payouts: Vec<i64> = p["plan"]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| i(&x["payout"]))
        .collect();
    assert_eq!(payouts, vec![7_885, 4_730, 1_575]);
    assert_eq!(i(&p["plan"]["remainder"]), 10);
    assert_eq!(
        i(&p["plan"]["total_payout"]) + i(&p["plan"]["remainder"]),
        14_200
    );
    assert_eq!(p["plan"]["value_per_share"], "525.9259");
    assert!(p["entry"].is_null());
    let text = ok(
        &l,
        "2026-02-20",
        &["shareout", "preview", "--date", "2026-03-02"],
    );
    assert!(text.contains("525,9259 F CFA"), "{text}");
    assert!(
        text.contains("10 F CFA, reporté au cycle suivant"),
        "{text}"
    );
    assert!(text.contains("Aperçu seulement"), "{text}");

    let ind = json(&l, "2026-02-20", &["indicators", "--as-of", "2026-02-19"]);
    assert_eq!(i(&ind["members"]), 3);
    assert_eq!(i(&ind["meetings"]), 3);
    assert_eq!(i(&ind["savings"]), 13_500);
    assert_eq!(i(&ind["shares"]), 27);
    assert_eq!(i(&ind["loans_out"]), 0);
    assert_eq!(i(&ind["loan_fund_cash"]), 14_200);
    assert_eq!(ind["attendance_rate"], "1");
    assert_eq!(ind["return_cycle"], "0.051852");
    assert_eq!(ind["par_level"], "healthy");
    let text = ok(&l, "2026-02-20", &["indicators", "--as-of", "2026-02-19"]);
    assert!(text.contains("Rendement de l'épargne (cycle)"), "{text}");
    assert!(text.contains("5,19 %"), "{text}");
    assert!(text.contains("14 200 F CFA"), "{text}");
    // While a loan is out, it shows.
    let ind = json(&l, "2026-02-20", &["indicators", "--as-of", "2026-01-19"]);
    assert_eq!(i(&ind["loans_out"]), 1);
    assert_eq!(i(&ind["outstanding"]), 6_000);

    let before = entries(&l);
    let out = ok(
        &l,
        "2026-03-02",
        &["shareout", "post", "--date", "2026-03-02"],
    );
    assert!(out.contains("Partage enregistré : écriture N° "), "{out}");
    assert!(out.contains("Le cycle 1 est fermé"), "{out}");
    assert_eq!(entries(&l), before + 1);
    l.assert_verified();
    let show = ok(&l, "2026-03-02", &["group", "show"]);
    assert!(show.contains("partagé le 02/03/2026"), "{show}");
    let e = fail(
        &l,
        "2026-03-09",
        &["meeting", "open", "--loan-cash", "10", "--social-cash", "0"],
    );
    assert!(e.contains("Le cycle 1 est partagé et fermé"), "{e}");
    let pb = ok(&l, "2026-03-02", &["passbook", "--member", "1"]);
    assert!(
        pb.contains("Partage : sa part 7 885 F CFA, remis 7 885 F CFA"),
        "{pb}"
    );
    // The next cycle keeps the members and the rules not changed.
    let out = ok(
        &l,
        "2026-03-09",
        &[
            "group",
            "start",
            "--end",
            "2027-02-28",
            "--share-price",
            "1000",
        ],
    );
    assert!(out.contains("Cycle 2 commencé le 09/03/2026"), "{out}");
    assert!(out.contains("1 000 F CFA"), "{out}");
    let g = json(&l, "2026-03-09", &["group", "show"]);
    assert_eq!(i(&g["cycle"]["number"]), 2);
    assert_eq!(i(&g["cycle"]["constitution"]["social_fee"]), 0);
    assert_eq!(i(&g["members"]), 3);
    let cycles = json(&l, "2026-03-09", &["group", "cycles"]);
    assert_eq!(cycles.as_array().unwrap().len(), 2);
}
