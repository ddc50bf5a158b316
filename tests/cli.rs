//! End-to-end tests of the command line: what a treasurer typing commands
//! sees (exit codes, translated messages, JSON) and what ends up in the file.

mod common;

use std::collections::HashSet;

use common::{Ledger, code, describe, expected_numbers, sidecar, stderr, stdout};
use serde_json::Value;

fn i(v: &Value) -> i64 {
    v.as_i64().unwrap_or_else(|| panic!("not an integer: {v}"))
}

/// The row of `account` in one organisation's `--json balance` report.
fn balance_row<'a>(report: &'a Value, account: &str) -> Option<&'a Value> {
    report["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["account"] == account)
}

// ---- demo, verify, balance -----------------------------------------------

#[test]
fn demo_is_verified_and_balanced() {
    let l = Ledger::new();
    let out = l.ok(&["demo"]);
    assert!(
        out.contains("Registre de démonstration créé"),
        "demo message: {out}"
    );
    assert!(l.path.exists());
    // The demo has users: reading needs a login too.
    let o = l.run(&["verify"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let mut l = l;
    l.login = Some(("NGO Auditor", "jatebo-demo"));

    let out = l.ok(&["verify"]);
    assert!(out.contains("tout est en ordre"), "{out}");
    assert!(out.contains("3 organisation(s)"), "{out}");

    let out = l.ok(&["balance"]);
    assert_eq!(
        out.matches("Équilibrée").count(),
        3,
        "one balanced trial balance per organisation:\n{out}"
    );
    assert!(!out.contains("ATTENTION"), "{out}");

    let reports = l.json(&["balance", "--year", "2026"]);
    let reports = reports.as_array().expect("array of reports");
    let orgs: HashSet<&str> = reports.iter().map(|r| r["org"].as_str().unwrap()).collect();
    assert_eq!(orgs, HashSet::from(["savon", "masques", "ton-sabali"]));
    for r in reports {
        let t = &r["totals"];
        assert!(i(&t["debit"]) > 0, "the demo has movements: {r}");
        for (d, c) in [
            ("opening_debit", "opening_credit"),
            ("debit", "credit"),
            ("closing_debit", "closing_credit"),
        ] {
            assert_eq!(i(&t[d]), i(&t[c]), "{}: {d} vs {c}", r["org"]);
        }
        assert_eq!(r["balanced"], true, "{}", r["org"]);
    }

    // The cash box of the soap cooperative: trial balance and chart agree.
    let tb = l.json(&["balance", "--org", "savon", "--year", "2026"]);
    assert_eq!(tb.as_array().unwrap().len(), 1);
    let row = balance_row(&tb[0], "5711").expect("5711 in the trial balance");
    let closing = i(&row["closing_debit"]) - i(&row["closing_credit"]);
    assert!(closing > 0, "the cash box holds money: {row}");
    let accounts = l.json(&["account", "list", "--org", "savon"]);
    let cash = accounts
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["number"] == "5711")
        .expect("5711 in the chart");
    assert_eq!(i(&cash["balance"]), closing, "{cash}");
}

#[test]
fn demo_refuses_a_ledger_that_is_not_empty() {
    let l = Ledger::demo();
    let orgs_before = l.json(&["org", "list"]);
    let before: Vec<Value> = ["savon", "masques", "ton-sabali"]
        .iter()
        .map(|o| l.journal(Some(o)))
        .collect();

    let err = l.fail(&["demo"]);
    assert!(err.contains("registre vide"), "{err}");
    let err = l.fail(&["--lang", "en", "demo"]);
    assert!(err.contains("empty ledger"), "{err}");

    let after: Vec<Value> = ["savon", "masques", "ton-sabali"]
        .iter()
        .map(|o| l.journal(Some(o)))
        .collect();
    assert_eq!(before, after, "the refused demo changed the journals");
    assert_eq!(orgs_before, l.json(&["org", "list"]));
    l.assert_verified();

    // One organisation and no entry is not empty either.
    let l = Ledger::with_coop();
    let err = l.fail(&["demo"]);
    assert!(err.contains("registre vide"), "{err}");
    assert_eq!(l.json(&["org", "list"]).as_array().unwrap().len(), 1);
    assert!(l.numbers(None).is_empty());
}

// ---- organisations and accounts -------------------------------------------

#[test]
fn organisations() {
    let l = Ledger::new();
    let out = l.ok(&["init"]);
    assert!(out.contains("Registre prêt"), "{out}");
    let out = l.ok(&[
        "org",
        "add",
        "--code",
        "savon-ton",
        "--name",
        "Coopérative des savonnières",
        "--kind",
        "coop",
    ]);
    assert!(out.contains("Organisation « savon-ton » créée"), "{out}");
    let out = l.ok(&[
        "org",
        "add",
        "--code",
        "sabali",
        "--name",
        "Groupe Sabali",
        "--kind",
        "savings",
    ]);
    assert!(out.contains("« sabali »"), "{out}");

    let err = l.fail(&[
        "org",
        "add",
        "--code",
        "Savon Ton",
        "--name",
        "X",
        "--kind",
        "coop",
    ]);
    assert!(err.contains("Code d'organisation"), "{err}");
    assert!(err.contains("invalide"), "{err}");
    let err = l.fail(&[
        "org", "add", "--code", "sabali", "--name", "Autre", "--kind", "coop",
    ]);
    assert!(
        err.contains("Une organisation a déjà le code « sabali »"),
        "{err}"
    );

    let orgs = l.json(&["org", "list"]);
    let orgs = orgs.as_array().unwrap();
    assert_eq!(orgs.len(), 2, "{orgs:?}");
    let by_code = |c: &str| orgs.iter().find(|o| o["code"] == c).unwrap().clone();
    assert_eq!(by_code("savon-ton")["kind"], "coop");
    assert_eq!(by_code("savon-ton")["name"], "Coopérative des savonnières");
    assert_eq!(by_code("sabali")["kind"], "savings");
    assert_eq!(i(&by_code("sabali")["entries"]), 0);

    // Two organisations: one must be chosen.
    let err = l.fail(&["journal"]);
    assert!(err.contains("--org"), "{err}");
    let err = l.fail(&["--org", "inconnue", "journal"]);
    assert!(err.contains("Organisation « inconnue » inconnue"), "{err}");
}

#[test]
fn accounts() {
    let l = Ledger::with_coop();
    let out = l.ok(&[
        "account",
        "add",
        "6058",
        "Frais divers",
        "--en",
        "Sundry costs",
    ]);
    assert!(out.contains("Compte 6058 créé : Frais divers."), "{out}");
    let err = l.fail(&["account", "add", "6058", "Encore"]);
    assert!(err.contains("Le compte 6058 existe déjà"), "{err}");
    let err = l.fail(&["account", "add", "0601", "Zéro"]);
    assert!(err.contains("jamais par 0"), "{err}");

    let out = l.ok(&["account", "rename", "6058", "--fr", "Frais variés"]);
    assert!(out.contains("Compte 6058 renommé : Frais variés."), "{out}");
    let out = l.ok(&["--lang", "en", "account", "list"]);
    assert!(out.contains("Sundry costs"), "English name kept:\n{out}");

    // Put 700 F on it: it cannot be closed while it has a balance.
    l.post("coop", "2026-03-02", "Apport", "5711=10000", "1013=10000");
    l.post("coop", "2026-03-03", "Frais", "6058=700", "5711=700");
    let err = l.fail(&["account", "close", "6058"]);
    assert!(
        err.contains("Le compte 6058 a un solde débiteur de 700 F CFA"),
        "{err}"
    );
    assert!(err.contains("soldez-le"), "{err}");

    // Cleared, it can be closed; closed, it takes no more entries.
    l.post(
        "coop",
        "2026-03-04",
        "Remboursement",
        "5711=700",
        "6058=700",
    );
    let out = l.ok(&["account", "close", "6058"]);
    assert!(out.contains("Compte 6058 fermé."), "{out}");
    let err = l.fail(&["account", "close", "6058"]);
    assert!(err.contains("déjà fermé"), "{err}");
    let before = l.journal(None);
    let err = l.fail(&[
        "entry",
        "add",
        "--date",
        "2026-03-05",
        "--ref",
        "X",
        "--memo",
        "x",
        "--debit",
        "6058=100",
        "--credit",
        "5711=100",
    ]);
    assert!(
        err.contains("Le compte 6058 est fermé : il ne reçoit plus d'écritures"),
        "{err}"
    );
    assert_eq!(before, l.journal(None));

    let open = l.json(&["account", "list"]);
    assert!(
        open.as_array()
            .unwrap()
            .iter()
            .all(|a| a["number"] != "6058"),
        "a closed account is hidden without --all"
    );
    let all = l.json(&["account", "list", "--all"]);
    let closed = all
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["number"] == "6058")
        .expect("--all lists closed accounts");
    assert_eq!(closed["closed"], true);
    assert_eq!(closed["name_fr"], "Frais variés");
    assert_eq!(i(&closed["balance"]), 0);
    let out = l.ok(&["account", "list", "--all"]);
    assert!(out.contains("Frais variés (fermé)"), "{out}");
}

// ---- entries ----------------------------------------------------------------

#[test]
fn entries_from_arguments_and_from_a_file() {
    let l = Ledger::with_coop();
    let out = l.ok(&[
        "entry",
        "add",
        "--date",
        "02/03/2026",
        "--ref",
        "AG-01",
        "--memo",
        "Apport des membres",
        "--debit",
        "5711=25000",
        "--credit",
        "1013=25000",
    ]);
    assert!(
        out.contains("Écriture N° 2026-000001 enregistrée."),
        "{out}"
    );
    assert!(out.contains("Empreinte : "), "{out}");

    let file = l.dir.path().join("lignes.txt");
    std::fs::write(
        &file,
        "compte;sens;montant;libellé\n5711;D;1 500;vente au comptant\n70211;C;1 500;savons\n",
    )
    .unwrap();
    let out = l.ok(&[
        "entry",
        "add",
        "--date",
        "2026-03-03",
        "--ref",
        "VTE-1",
        "--memo",
        "Ventes du jour",
        "--file",
        file.to_str().unwrap(),
    ]);
    assert!(
        out.contains("Écriture N° 2026-000002 enregistrée."),
        "{out}"
    );

    let e = l.json(&["entry", "show", "2026-000002"]);
    assert_eq!(e["date"], "2026-03-03");
    assert_eq!(e["doc_ref"], "VTE-1");
    assert_eq!(e["memo"], "Ventes du jour");
    assert_eq!(e["author"], "test");
    let lines = e["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["account"], "5711");
    assert_eq!(lines[0]["side"], "D");
    assert_eq!(i(&lines[0]["amount"]), 1500);
    assert_eq!(lines[0]["label"], "vente au comptant");
    assert_eq!(lines[1]["account"], "70211");
    assert_eq!(lines[1]["side"], "C");
    assert_eq!(i(&lines[1]["amount"]), 1500);
    assert_eq!(lines[1]["label"], "savons");

    let out = l.ok(&["entry", "show", "2026-2"]);
    assert!(out.contains("N° 2026-000002 du 03/03/2026"), "{out}");
    assert!(out.contains("vente au comptant"), "{out}");
    assert_eq!(l.numbers(None), expected_numbers(2026, 2));
    l.assert_verified();
}

#[test]
fn refused_entries_write_nothing() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-03-02", "Apport", "5711=10000", "1013=10000");
    let before = l.journal(None);
    let audit_before = l.json(&["audit"]);

    let add = |debit: &str, credit: &str| -> String {
        l.fail(&[
            "entry",
            "add",
            "--date",
            "2026-03-10",
            "--ref",
            "R",
            "--memo",
            "essai",
            "--debit",
            debit,
            "--credit",
            credit,
        ])
    };

    // Unbalanced: the difference is in the message.
    let err = add("5711=1000", "70211=900");
    assert!(err.contains("Écriture déséquilibrée"), "{err}");
    assert!(err.contains("écart 100 F CFA"), "{err}");

    // Unbalanced through a lines file too.
    let file = l.dir.path().join("lignes.txt");
    std::fs::write(&file, "compte;sens;montant\n5711;D;750\n70211;C;700\n").unwrap();
    let err = l.fail(&[
        "entry",
        "add",
        "--date",
        "2026-03-10",
        "--ref",
        "R",
        "--memo",
        "essai",
        "--file",
        file.to_str().unwrap(),
    ]);
    assert!(err.contains("écart 50 F CFA"), "{err}");

    // Each bad amount has its own clear message.
    let cases = [
        ("0", "supérieur à zéro"),
        ("1,5", "pas de centimes"),
        ("-5", "ne peut pas être négatif"),
        ("1e9", "sans « e »"),
        ("١٢٣", "« ١ » (U+0661)"),
        ("9223372036854775808", "beaucoup trop grand"),
    ];
    let mut messages = HashSet::new();
    for (amount, fragment) in cases {
        let err = add(&format!("5711={amount}"), &format!("70211={amount}"));
        assert!(err.contains(fragment), "amount {amount:?}: {err}");
        assert!(messages.insert(err.clone()), "same message twice: {err}");
    }

    // A bad amount in a lines file names the line.
    std::fs::write(&file, "compte;sens;montant\n5711;D;1,5\n70211;C;1\n").unwrap();
    let err = l.fail(&[
        "entry",
        "add",
        "--date",
        "2026-03-10",
        "--ref",
        "R",
        "--memo",
        "essai",
        "--file",
        file.to_str().unwrap(),
    ]);
    assert!(err.contains("ligne 2"), "{err}");
    assert!(err.contains("pas de centimes"), "{err}");

    let err = add("9999=100", "70211=100");
    assert!(
        err.contains("Le compte 9999 n'existe pas dans le plan"),
        "{err}"
    );
    let err = add("5711", "70211=100");
    assert!(err.contains("écrivez COMPTE=MONTANT"), "{err}");
    let err = add("5711=100", "5711=100");
    assert!(err.contains("même compte"), "{err}");
    // The cash box cannot give out more than it holds.
    let err = add("6021=20000", "5711=20000");
    assert!(err.contains("caisse"), "{err}");
    let err = l.fail(&[
        "entry",
        "add",
        "--date",
        "31/02/2026",
        "--ref",
        "R",
        "--memo",
        "m",
        "--debit",
        "5711=1",
        "--credit",
        "70211=1",
    ]);
    assert!(err.contains("Date non reconnue"), "{err}");

    // A date in a closed month.
    l.ok(&["period", "close", "--month", "2026-03"]);
    let before_closed = l.journal(None);
    let err = add("5711=100", "70211=100");
    assert!(err.contains("tombe dans une période clôturée"), "{err}");
    assert!(err.contains("2026-03"), "{err}");
    assert_eq!(before_closed, l.journal(None));

    assert_eq!(before, l.journal(None), "a refused entry was written");
    let audit_after = l.json(&["audit"]);
    // Only the month close was logged.
    assert_eq!(
        audit_after.as_array().unwrap().len(),
        audit_before.as_array().unwrap().len() + 1
    );
    l.assert_verified();
}

#[test]
fn same_key_records_once() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-03-02", "Apport", "5711=10000", "1013=10000");
    let args = [
        "entry",
        "add",
        "--date",
        "2026-03-05",
        "--ref",
        "VTE-9",
        "--memo",
        "Vente",
        "--debit",
        "5711=300",
        "--credit",
        "70211=300",
        "--key",
        "recu-0009",
    ];
    let first = l.ok(&args);
    assert!(
        first.contains("Écriture N° 2026-000002 enregistrée."),
        "{first}"
    );
    let second = l.ok(&args);
    assert!(
        second.contains("Déjà enregistrée sous le N° 2026-000002"),
        "{second}"
    );
    assert_eq!(l.numbers(None), expected_numbers(2026, 2));

    // Same key, other amount: refused, nothing written.
    let before = l.journal(None);
    let err = l.fail(&[
        "entry",
        "add",
        "--date",
        "2026-03-05",
        "--ref",
        "VTE-9",
        "--memo",
        "Vente",
        "--debit",
        "5711=400",
        "--credit",
        "70211=400",
        "--key",
        "recu-0009",
    ]);
    assert!(
        err.contains("La clé « recu-0009 » a déjà servi pour l'écriture N° 2026-000002"),
        "{err}"
    );
    assert!(err.contains("Rien n'a été enregistré"), "{err}");
    assert_eq!(before, l.journal(None));

    let mut json_args = vec!["--json"];
    json_args.extend_from_slice(&args);
    let v: Value = serde_json::from_str(&l.ok(&json_args)).unwrap();
    assert_eq!(v["status"], "already_recorded");
    assert_eq!(v["number"], "2026-000002");
    l.assert_verified();
}

#[test]
fn reversal() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-03-02", "Apport", "5711=10000", "1013=10000");
    let n = l.post(
        "coop",
        "2026-03-03",
        "Vente saisie deux fois",
        "5711=500",
        "70211=500",
    );
    assert_eq!(n, "2026-000002");

    let out = l.ok(&[
        "entry",
        "reverse",
        &n,
        "--date",
        "2026-03-04",
        "--reason",
        "doublon",
    ]);
    assert!(
        out.contains("Écriture N° 2026-000003 enregistrée."),
        "{out}"
    );
    let out = l.ok(&["entry", "show", &n]);
    assert!(out.contains("contre-passée par N° 2026-000003"), "{out}");
    let original = l.json(&["entry", "show", &n]);
    assert_eq!(original["reversed_by"], "2026-000003");

    let mirror = l.json(&["entry", "show", "2026-000003"]);
    assert_eq!(mirror["reverses"], n.as_str());
    assert_eq!(mirror["reversed_by"], Value::Null);
    assert!(
        mirror["memo"]
            .as_str()
            .unwrap()
            .contains("Contre-passation de N° 2026-000002 : doublon"),
        "{mirror}"
    );
    let lines = mirror["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        (lines[0]["account"].as_str(), lines[0]["side"].as_str()),
        (Some("5711"), Some("C"))
    );
    assert_eq!(
        (lines[1]["account"].as_str(), lines[1]["side"].as_str()),
        (Some("70211"), Some("D"))
    );
    assert!(lines.iter().all(|l| i(&l["amount"]) == 500));
    let out = l.ok(&["entry", "show", "2026-000003"]);
    assert!(out.contains("contre-passe N° 2026-000002"), "{out}");
    let out = l.ok(&["journal"]);
    assert!(out.contains("[contre-passée]"), "{out}");

    let before = l.journal(None);
    let err = l.fail(&[
        "entry",
        "reverse",
        &n,
        "--date",
        "2026-03-05",
        "--reason",
        "encore",
        "--key",
        "autre-cle",
    ]);
    assert!(
        err.contains("L'écriture N° 2026-000002 est déjà contre-passée par N° 2026-000003"),
        "{err}"
    );
    let err = l.fail(&[
        "entry",
        "reverse",
        "2026-000003",
        "--date",
        "2026-03-05",
        "--reason",
        "annuler l'annulation",
    ]);
    assert!(err.contains("est elle-même une contre-passation"), "{err}");
    let err = l.fail(&[
        "entry",
        "reverse",
        "2026-000099",
        "--date",
        "2026-03-05",
        "--reason",
        "x",
    ]);
    assert!(err.contains("Écriture 2026-000099 introuvable"), "{err}");
    assert_eq!(before, l.journal(None));

    // The same command again is a retry, not a second reversal.
    let out = l.ok(&[
        "entry",
        "reverse",
        &n,
        "--date",
        "2026-03-04",
        "--reason",
        "doublon",
    ]);
    assert!(
        out.contains("Déjà enregistrée sous le N° 2026-000003"),
        "{out}"
    );
    assert_eq!(before, l.journal(None));
    l.assert_verified();
}

// ---- periods ------------------------------------------------------------------

#[test]
fn closing_a_month() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-02-10", "Apport", "5711=10000", "1013=10000");
    l.post("coop", "2026-03-10", "Vente", "5711=600", "70211=600");
    let out = l.ok(&["period", "close", "--month", "2026-03"]);
    assert!(out.contains("Période 2026-02 clôturée"), "{out}");
    assert!(out.contains("Période 2026-03 clôturée"), "{out}");

    let before = l.journal(None);
    for date in ["2026-03-31", "01/03/2026", "2026-02-01"] {
        let err = l.fail(&[
            "entry",
            "add",
            "--date",
            date,
            "--ref",
            "R",
            "--memo",
            "tard",
            "--debit",
            "5711=100",
            "--credit",
            "70211=100",
        ]);
        assert!(err.contains("tombe dans une période clôturée"), "{err}");
    }
    let err = l.fail(&["period", "close", "--month", "2026-03"]);
    assert!(
        err.contains("La période 2026-03 est déjà clôturée"),
        "{err}"
    );
    let err = l.fail(&["period", "close", "--month", "2026-12"]);
    assert!(err.contains("Décembre se clôture avec l'exercice"), "{err}");
    assert!(err.contains("--year 2026"), "{err}");
    assert_eq!(before, l.journal(None));

    // April is still open.
    l.post("coop", "2026-04-01", "Vente", "5711=100", "70211=100");
    let closes = l.json(&["period", "list"]);
    let periods: Vec<&str> = closes
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods, ["2026-02", "2026-03"]);
    let orgs = l.json(&["org", "list"]);
    assert_eq!(orgs[0]["closed_through"], "2026-03");
    l.assert_verified();
}

#[test]
fn closing_the_year_posts_the_result() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-02-01", "Apport", "5711=50000", "1013=50000");
    l.post("coop", "2026-03-05", "Vente", "5711=8000", "70211=8000");
    l.post(
        "coop",
        "2026-07-14",
        "Vente Orange Money",
        "5521=4500",
        "70211=4500",
    );
    l.post(
        "coop",
        "2026-04-01",
        "Huile de palme",
        "6021=9000",
        "5711=9000",
    );
    l.post("coop", "2026-05-05", "Loyer", "6222=1000", "5711=1000");
    let income = 8000 + 4500;
    let expenses = 9000 + 1000;
    let profit = income - expenses;

    let closes = l.json(&["period", "close", "--year", "2026"]);
    let periods: Vec<&str> = closes
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods.last(), Some(&"2026"), "{closes}");
    assert!(!periods.contains(&"2026-12"), "{closes}");

    let journal = l.journal(None);
    let last = journal.as_array().unwrap().last().unwrap();
    assert_eq!(last["date"], "2026-12-31");
    assert_eq!(last["doc_ref"], "CLOTURE-2026");
    let result_line = last["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["account"] == "131")
        .expect("the profit goes to 131");
    assert_eq!(result_line["side"], "C");
    assert_eq!(i(&result_line["amount"]), profit);
    assert_eq!(last["number"], "2026-000006");
    // The journal is in date order; the numbers are gapless all the same.
    let mut numbers = l.numbers(None);
    numbers.sort();
    assert_eq!(numbers, expected_numbers(2026, 6));

    let tb = l.json(&["balance", "--year", "2026"]);
    let report = &tb[0];
    assert_eq!(report["balanced"], true);
    for row in report["rows"].as_array().unwrap() {
        let account = row["account"].as_str().unwrap();
        if account.starts_with('6') || account.starts_with('7') {
            assert_eq!(i(&row["closing_debit"]), 0, "{row}");
            assert_eq!(i(&row["closing_credit"]), 0, "{row}");
        }
    }
    let r131 = balance_row(report, "131").expect("131 in the trial balance");
    assert_eq!(i(&r131["closing_credit"]), profit);
    assert_eq!(i(&r131["closing_debit"]), 0);
    assert!(balance_row(report, "139").is_none());

    let err = l.fail(&["period", "close", "--year", "2026"]);
    assert!(err.contains("La période 2026 est déjà clôturée"), "{err}");
    let err = l.fail(&[
        "entry",
        "add",
        "--date",
        "2026-12-15",
        "--ref",
        "R",
        "--memo",
        "tard",
        "--debit",
        "5711=100",
        "--credit",
        "70211=100",
    ]);
    assert!(err.contains("tombe dans une période clôturée"), "{err}");
    l.assert_verified();

    // A loss goes to 139.
    let l = Ledger::with_coop();
    l.post("coop", "2026-02-01", "Apport", "5711=50000", "1013=50000");
    l.post("coop", "2026-03-05", "Vente", "5711=800", "70211=800");
    l.post("coop", "2026-04-01", "Huile", "6021=2000", "5711=2000");
    l.ok(&["period", "close", "--year", "2026"]);
    let tb = l.json(&["balance", "--year", "2026"]);
    let r139 = balance_row(&tb[0], "139").expect("139 in the trial balance");
    assert_eq!(i(&r139["closing_debit"]), 1200);
    assert!(balance_row(&tb[0], "131").is_none());
    for row in tb[0]["rows"].as_array().unwrap() {
        let account = row["account"].as_str().unwrap();
        if account.starts_with('6') || account.starts_with('7') {
            assert_eq!(i(&row["closing_debit"]) + i(&row["closing_credit"]), 0);
        }
    }
    l.assert_verified();
}

// ---- journal ------------------------------------------------------------------

#[test]
fn journal_filters() {
    let l = Ledger::with_coop();
    l.post(
        "coop",
        "2026-02-01",
        "Apport des membres",
        "5711=50000",
        "1013=50000",
    );
    l.post(
        "coop",
        "2026-03-05",
        "Facture du CSCom de Sabalibougou",
        "4111=3000",
        "70211=3000",
    );
    l.post(
        "coop",
        "2026-03-09",
        "Cotisation de Awa Traoré",
        "5711=500",
        "4621=500",
    );
    l.post(
        "coop",
        "2026-04-02",
        "Règlement cscom",
        "5211=3000",
        "4111=3000",
    );
    l.post("coop", "2026-04-03", "Huile", "6021=2000", "5711=2000");

    let numbers = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["journal"];
        all.extend_from_slice(args);
        common::numbers(&l.json(&all))
    };
    assert_eq!(numbers(&[]), expected_numbers(2026, 5));
    assert_eq!(
        numbers(&["--month", "2026-03"]),
        ["2026-000002", "2026-000003"]
    );
    assert_eq!(
        numbers(&["--account", "5711"]),
        ["2026-000001", "2026-000003", "2026-000005"]
    );
    assert_eq!(
        numbers(&["--account", "5711", "--month", "2026-04"]),
        ["2026-000005"]
    );
    assert_eq!(
        numbers(&["--text", "cscom"]),
        ["2026-000002", "2026-000004"]
    );
    assert_eq!(
        numbers(&["--text", "CSCOM"]),
        ["2026-000002", "2026-000004"]
    );
    assert_eq!(numbers(&["--text", "traore"]), ["2026-000003"]);
    assert_eq!(numbers(&["--text", "TRAORÉ"]), ["2026-000003"]);
    assert_eq!(numbers(&["--text", "100%"]), Vec::<String>::new());
    assert_eq!(numbers(&["--limit", "2"]), ["2026-000001", "2026-000002"]);
    assert_eq!(
        numbers(&["--text", "cscom", "--limit", "1"]),
        ["2026-000002"]
    );

    let out = l.ok(&["journal", "--text", "traore"]);
    assert!(out.contains("Cotisation de Awa Traoré"), "{out}");
    let out = l.ok(&["journal", "--text", "introuvable"]);
    assert!(out.contains("Aucune écriture pour ces critères."), "{out}");
    let err = l.fail(&["journal", "--month", "2026-13"]);
    assert!(err.contains("Mois non reconnu"), "{err}");
}

// ---- language ------------------------------------------------------------------

#[test]
fn english_messages() {
    let l = Ledger::new();
    let out = l.ok(&["--lang", "en", "init"]);
    assert!(out.contains("Ledger ready"), "{out}");
    let out = l.ok(&[
        "--lang",
        "en",
        "org",
        "add",
        "--code",
        "coop",
        "--name",
        "Soap coop",
        "--kind",
        "coop",
    ]);
    assert!(out.contains("Organisation “coop” created"), "{out}");
    let out = l.ok(&[
        "--lang",
        "en",
        "entry",
        "add",
        "--date",
        "2026-03-02",
        "--ref",
        "R1",
        "--memo",
        "Shares",
        "--debit",
        "5711=1000",
        "--credit",
        "1013=1000",
    ]);
    assert!(out.contains("Entry No. 2026-000001 recorded."), "{out}");
    let err = l.fail(&[
        "--lang",
        "en",
        "entry",
        "add",
        "--date",
        "2026-03-02",
        "--ref",
        "R1",
        "--memo",
        "x",
        "--debit",
        "5711=100",
        "--credit",
        "1013=90",
    ]);
    assert!(err.contains("jatebo: error: Unbalanced entry"), "{err}");
    assert!(err.contains("difference 10 F CFA"), "{err}");
    assert!(!err.contains("déséquilibrée"), "{err}");
    let out = l.ok(&["--lang", "en", "verify"]);
    assert!(out.contains("everything is in order"), "{out}");
    // French stays the default.
    let out = l.ok(&["verify"]);
    assert!(out.contains("tout est en ordre"), "{out}");
}

// ---- files that are not (usable) ledgers -----------------------------------------

fn assert_no_sidecars(path: &std::path::Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        let p = sidecar(path, suffix);
        assert!(!p.exists(), "{} was left behind", p.display());
    }
}

#[test]
fn a_text_file_is_not_a_ledger_and_is_left_untouched() {
    let l = Ledger::new();
    let mut text = String::new();
    let mut n = 0u32;
    while text.len() < 4096 {
        n += 1;
        text.push_str(&format!(
            "ligne {n} : liste des membres, cotisations du mois\n"
        ));
    }
    text.truncate(4096);
    std::fs::write(&l.path, &text).unwrap();
    let before = l.bytes();
    assert_eq!(before.len(), 4096);

    for args in [
        &["verify"][..],
        &["init"],
        &["demo"],
        &["journal"],
        &["org", "add", "--code", "x", "--name", "X", "--kind", "coop"],
    ] {
        let err = l.fail(args);
        assert!(err.contains("n'est pas un registre jatebo"), "{err}");
        assert!(err.contains("Le fichier n'a pas été modifié"), "{err}");
        assert_eq!(before, l.bytes(), "jatebo {args:?} changed the file");
        assert_no_sidecars(&l.path);
    }
    let err = l.fail(&["--lang", "en", "verify"]);
    assert!(err.contains("is not a jatebo ledger"), "{err}");
    assert_eq!(before, l.bytes());
}

#[test]
fn another_sqlite_database_is_not_a_ledger_and_is_left_untouched() {
    let l = Ledger::new();
    {
        let c = rusqlite::Connection::open(&l.path).unwrap();
        c.execute_batch(
            "CREATE TABLE clients (id INTEGER PRIMARY KEY, nom TEXT);
             INSERT INTO clients (nom) VALUES ('Awa'), ('Fanta');",
        )
        .unwrap();
    }
    assert_no_sidecars(&l.path);
    let before = l.bytes();
    for args in [&["verify"][..], &["init"], &["demo"], &["org", "list"]] {
        let err = l.fail(args);
        assert!(err.contains("n'est pas un registre jatebo"), "{err}");
        assert_eq!(before, l.bytes(), "jatebo {args:?} changed the file");
        assert_no_sidecars(&l.path);
    }
}

#[test]
fn a_ledger_from_a_newer_jatebo_is_left_untouched() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-03-02", "Apport", "5711=1000", "1013=1000");
    {
        let c = rusqlite::Connection::open(&l.path).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = l.bytes();
    for args in [&["verify"][..], &["init"], &["journal"], &["demo"]] {
        let err = l.fail(args);
        assert!(err.contains("version plus récente"), "{err}");
        assert!(err.contains("schéma 99"), "{err}");
        assert_eq!(before, l.bytes(), "jatebo {args:?} changed the file");
    }
    // Not even the WAL companions appear beside it.
    assert_no_sidecars(&l.path);
}

#[test]
fn an_explicit_path_that_does_not_exist_is_not_created() {
    let l = Ledger::new();
    for args in [&["verify"][..], &["journal"], &["org", "list"]] {
        let err = l.fail(args);
        assert!(err.contains("Aucun registre jatebo"), "{err}");
        assert!(err.contains("jatebo init"), "{err}");
        assert!(!l.path.exists(), "jatebo {args:?} created the file");
        assert_no_sidecars(&l.path);
    }
    // Nor its directory.
    let nested = l.dir.path().join("sous-dossier").join("registre.db");
    let o = common::run(&nested, &["verify"]);
    assert_eq!(code(&o), 1, "{}", describe(&["verify"], &o));
    assert!(stderr(&o).contains("Aucun registre jatebo"));
    assert!(!nested.parent().unwrap().exists());
}

/// Without a command jatebo opens the full-screen interface; without a
/// terminal (here: pipes) it prints the help, says why, and exits 2 without
/// touching any ledger.
#[test]
fn no_arguments_without_a_terminal_prints_help() {
    let l = Ledger::new();
    let o = std::process::Command::new(common::bin())
        .env_remove("JATEBO_DB")
        .env_remove("JATEBO_ORG")
        .env_remove("JATEBO_LANG")
        .env("JATEBO_USER", "test")
        .output()
        .unwrap();
    assert_eq!(code(&o), 2, "{}", describe(&[], &o));
    let out = stdout(&o);
    assert!(out.contains("comptabilité en partie double"), "{out}");
    assert!(out.contains("Usage"), "{out}");
    assert!(out.contains("verify"), "{out}");
    assert!(
        stderr(&o).contains("a besoin d'un terminal"),
        "{}",
        stderr(&o)
    );

    // With only --db: help too, and the file is not created.
    let o = l.run(&[]);
    assert_eq!(code(&o), 2, "{}", describe(&[], &o));
    assert!(stdout(&o).contains("Usage"));
    assert!(!l.path.exists());
}

#[test]
fn output_cut_short_by_a_pipe_is_not_a_crash() {
    use std::io::Read;
    let l = Ledger::demo();
    let mut child = l
        .command(&["--json", "--org", "savon", "journal"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Read one byte, then close the pipe as `| head -c1` would.
    let mut out = child.stdout.take().unwrap();
    let mut one = [0u8; 1];
    out.read_exact(&mut one).unwrap();
    drop(out);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert_ne!(status.code(), Some(101), "{err}");
}

#[test]
fn a_second_reversal_with_other_details_is_refused_not_called_a_retry() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-03-02", "Apport", "5711=10000", "1013=10000");
    let n = l.post("coop", "2026-03-03", "Vente", "5711=500", "70211=500");
    let reverse = |date: &str, reason: &str| {
        vec![
            "entry".to_string(),
            "reverse".into(),
            n.clone(),
            "--date".into(),
            date.into(),
            "--reason".into(),
            reason.into(),
        ]
    };
    let args = reverse("2026-03-04", "doublon");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    l.ok(&args);
    // The identical command again is a retry…
    let out = l.ok(&args);
    assert!(
        out.contains("Déjà enregistrée sous le N° 2026-000003"),
        "{out}"
    );
    // …but other details under the default key are a second reversal.
    let args = reverse("2026-04-20", "autre motif");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let err = l.fail(&args);
    assert!(
        err.contains("déjà contre-passée par N° 2026-000003"),
        "{err}"
    );
    assert_eq!(l.numbers(None).len(), 3);
}

#[test]
fn amounts_and_dates_in_messages_are_written_the_french_way() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-03-02", "Apport", "5711=12500", "1013=12500");
    let err = l.fail(&["account", "close", "1013"]);
    assert!(
        err.contains("a un solde créditeur de 12 500 F CFA"),
        "{err}"
    );
    let err = l.fail(&[
        "entry",
        "add",
        "--date",
        "2026-03-03",
        "--ref",
        "R",
        "--memo",
        "m",
        "--debit",
        "6222=32500",
        "--credit",
        "5711=32500",
    ]);
    assert!(err.contains("passerait à -20 000 F CFA"), "{err}");
    let err = l.fail(&[
        "entry",
        "add",
        "--date",
        "2026-03-03",
        "--ref",
        "R",
        "--memo",
        "m",
        "--debit",
        "5711=1500",
        "--credit",
        "70211=3000",
    ]);
    assert!(err.contains("écart 1 500 F CFA"), "{err}");
    l.ok(&["period", "close", "--month", "2026-03"]);
    let err = l.fail(&[
        "entry",
        "add",
        "--date",
        "2026-03-20",
        "--ref",
        "R",
        "--memo",
        "m",
        "--debit",
        "5711=100",
        "--credit",
        "70211=100",
    ]);
    assert!(
        err.contains("La date 20/03/2026 tombe dans une période clôturée"),
        "{err}"
    );
    let err = l.fail(&[
        "--lang",
        "en",
        "entry",
        "add",
        "--date",
        "2026-03-20",
        "--ref",
        "R",
        "--memo",
        "m",
        "--debit",
        "5711=100",
        "--credit",
        "70211=100",
    ]);
    assert!(
        err.contains("The date 2026-03-20 falls in a closed period"),
        "{err}"
    );
}

#[test]
fn an_unknown_language_is_refused_and_a_bad_code_is_echoed_as_typed() {
    let l = Ledger::init();
    let o = l.run(&["--lang", "de", "org", "list"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("de"), "{}", stderr(&o));
    let err = l.fail(&[
        "org",
        "add",
        "--code",
        "Savon Ton",
        "--name",
        "x",
        "--kind",
        "coop",
    ]);
    assert!(err.contains("« Savon Ton »"), "{err}");
}

fn add(l: &Ledger, date: &str, debit: &str, credit: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "entry", "add", "--date", date, "--ref", "R", "--memo", "m", "--debit", debit, "--credit",
        credit,
    ];
    args.extend_from_slice(extra);
    l.run(&args)
}

#[test]
fn internal_keys_are_reserved_so_a_year_can_always_be_closed() {
    let l = Ledger::with_coop();
    for key in ["jatebo:year-close:2026", "JATEBO:reverse:2026-000001"] {
        let o = add(&l, "2026-03-02", "5711=3000", "70211=3000", &["--key", key]);
        assert_eq!(code(&o), 1);
        assert!(
            stderr(&o).contains("réservé aux écritures que jatebo fait lui-même"),
            "{}",
            stderr(&o)
        );
    }
    l.post("coop", "2026-03-02", "Vente", "5711=3000", "70211=3000");
    l.ok(&["period", "close", "--year", "2026"]);
    l.assert_verified();
}

#[test]
fn the_result_entry_of_a_closed_year_cannot_be_reversed() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-03-02", "Vente", "5711=3000", "70211=3000");
    l.ok(&["period", "close", "--year", "2026"]);
    let closing = l.numbers(None).last().cloned().unwrap();
    let err = l.fail(&[
        "entry",
        "reverse",
        &closing,
        "--date",
        "2027-01-05",
        "--reason",
        "oups",
    ]);
    assert!(err.contains("ne se contre-passe pas"), "{err}");
}

#[test]
fn a_reversal_cannot_be_dated_before_its_original() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-03-01", "Apport", "5711=10000", "1013=10000");
    let n = l.post("coop", "2026-03-10", "Vente", "5711=500", "70211=500");
    let err = l.fail(&[
        "entry",
        "reverse",
        &n,
        "--date",
        "2026-03-09",
        "--reason",
        "x",
    ]);
    assert!(
        err.contains("ne peut pas être datée du 09/03/2026"),
        "{err}"
    );
    l.ok(&[
        "entry",
        "reverse",
        &n,
        "--date",
        "2026-03-10",
        "--reason",
        "x",
    ]);
}

#[test]
fn a_charge_account_moving_in_an_open_year_stays_open_and_can_be_reopened() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-03-01", "Apport", "5711=10000", "1013=10000");
    let n = l.post("coop", "2026-03-02", "Achat", "6021=500", "5711=500");
    l.ok(&[
        "entry",
        "reverse",
        &n,
        "--date",
        "2027-01-05",
        "--reason",
        "x",
    ]);
    // All-time balance is zero, but 2026 still has 500 F on it.
    let err = l.fail(&["account", "close", "6021"]);
    assert!(err.contains("exercice 2026, encore ouvert"), "{err}");
    l.ok(&["period", "close", "--year", "2026"]);
    l.ok(&["period", "close", "--year", "2027"]);
    l.ok(&["account", "close", "6021"]);
    l.ok(&["account", "reopen", "6021"]);
    let err = l.fail(&["account", "reopen", "6021"]);
    assert!(err.contains("n'est pas fermé"), "{err}");
    l.assert_verified();
}

#[test]
fn a_backdated_payment_cannot_empty_the_cash_box_before_the_money_came_in() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-03-20", "Apport", "5711=1000", "1013=1000");
    let o = add(&l, "2026-03-01", "6222=800", "5711=800", &[]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("passerait à -800 F CFA le 01/03/2026"),
        "{}",
        stderr(&o)
    );
    // On or after the day the money came in, it is fine.
    let o = add(&l, "2026-03-20", "6222=800", "5711=800", &[]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn a_month_close_never_closes_an_earlier_december() {
    let l = Ledger::with_coop();
    l.ok(&["period", "close", "--month", "2025-06"]);
    l.post("coop", "2027-01-10", "Apport", "5711=1000", "1013=1000");
    let err = l.fail(&["period", "close", "--month", "2027-02"]);
    assert!(err.contains("Clôturez d'abord l'exercice 2025"), "{err}");
    l.ok(&["period", "close", "--year", "2025"]);
    l.ok(&["period", "close", "--year", "2026"]);
    l.ok(&["period", "close", "--month", "2027-02"]);
    l.assert_verified();
}

#[test]
fn balance_exits_3_on_unbalanced_books_in_json_too() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-03-02", "Apport", "5711=1000", "1013=1000");
    {
        let c = rusqlite::Connection::open(&l.path).unwrap();
        c.execute_batch(
            "DROP TRIGGER entry_lines_no_update;
             UPDATE entry_lines SET amount = 900 WHERE line_no = 2;
             UPDATE account_month SET credit = 900 WHERE credit = 1000;",
        )
        .unwrap();
    }
    for json in [false, true] {
        let mut args = vec!["balance", "--year", "2026"];
        if json {
            args.insert(0, "--json");
        }
        let o = l.run(&args);
        assert_eq!(code(&o), 3, "json={json}: {}", stdout(&o));
    }
}

#[test]
fn the_journal_of_an_unknown_account_is_an_error_not_an_empty_list() {
    let l = Ledger::with_coop();
    let err = l.fail(&["journal", "--account", "9999"]);
    assert!(err.contains("Le compte 9999 n'existe pas"), "{err}");
}

#[test]
fn the_income_statement_before_the_year_close_can_still_be_read() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-03-02", "Vente", "5711=3000", "70211=3000");
    l.post("coop", "2026-03-03", "Achat", "6021=1000", "5711=1000");
    l.ok(&["period", "close", "--year", "2026"]);
    let row = |v: &Value, acc: &str| -> (i64, i64) {
        let rows = v[0]["rows"].as_array().unwrap();
        rows.iter()
            .find(|r| r["account"] == acc)
            .map(|r| (i(&r["closing_debit"]), i(&r["closing_credit"])))
            .unwrap_or((0, 0))
    };
    let after = l.json(&["balance", "--year", "2026"]);
    assert_eq!(row(&after, "70211"), (0, 0));
    assert_eq!(row(&after, "131"), (0, 2000));
    let before = l.json(&["balance", "--year", "2026", "--before-closing"]);
    assert_eq!(row(&before, "70211"), (0, 3000));
    assert_eq!(row(&before, "6021"), (1000, 0));
    assert_eq!(row(&before, "131"), (0, 0));
    assert_eq!(before[0]["balanced"], true);
}

#[test]
fn repeating_a_reversal_in_the_other_language_is_still_a_retry() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-03-01", "Apport", "5711=10000", "1013=10000");
    let n = l.post("coop", "2026-03-02", "Vente", "5711=500", "70211=500");
    let args = [
        "entry",
        "reverse",
        n.as_str(),
        "--date",
        "2026-03-04",
        "--reason",
        "erreur",
    ];
    l.ok(&args);
    let mut en = vec!["--lang", "en"];
    en.extend_from_slice(&args);
    let out = l.ok(&en);
    assert!(out.contains("Already recorded as No. 2026-000003"), "{out}");
}

#[test]
fn once_the_ledger_has_users_writing_needs_a_login() {
    const PASS: &str = "kɔrɔ ni dɔgɔ";
    let l = Ledger::with_coop();
    let run_env = |args: &[&str], env: &[(&str, &str)]| {
        let mut c = l.command(args);
        for (k, v) in env {
            c.env(k, v);
        }
        c.output().unwrap()
    };
    let o = run_env(
        &["user", "add", "Awa Traoré"],
        &[("JATEBO_NEW_PASSPHRASE", PASS)],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("Utilisateur « Awa Traoré » ajouté."));

    let post = [
        "entry",
        "add",
        "--date",
        "2026-03-02",
        "--ref",
        "R",
        "--memo",
        "m",
        "--debit",
        "5711=1000",
        "--credit",
        "1013=1000",
    ];
    // No passphrase and no terminal.
    let o = run_env(&post, &[]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("Phrase de passe nécessaire"),
        "{}",
        stderr(&o)
    );
    // A wrong passphrase, or a name that does not exist: the same answer.
    for (user, pass) in [("Awa Traoré", "mauvaise phrase"), ("Personne", PASS)] {
        let mut args = vec!["--user", user];
        args.extend_from_slice(&post);
        let o = run_env(&args, &[("JATEBO_PASSPHRASE", pass)]);
        assert_eq!(code(&o), 1);
        assert!(stderr(&o).contains("Connexion refusée"), "{}", stderr(&o));
    }
    // Reading needs the login too, now that there are users.
    let as_admin = |args: &[&str]| -> serde_json::Value {
        let mut all = vec!["--user", "Awa Traoré", "--json"];
        all.extend_from_slice(args);
        let o = run_env(&all, &[("JATEBO_PASSPHRASE", PASS)]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    assert!(as_admin(&["journal"]).as_array().unwrap().is_empty());
    let mut args = vec!["--user", "awa traore"];
    args.extend_from_slice(&post);
    let o = run_env(&args, &[("JATEBO_PASSPHRASE", PASS)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let e = as_admin(&["entry", "show", "2026-000001"]);
    assert_eq!(e["author"], "Awa Traoré");

    // An auditor reads and never writes.
    let o = run_env(
        &[
            "--user",
            "Awa Traoré",
            "user",
            "add",
            "Auditrice ONG",
            "--role",
            "auditor",
        ],
        &[
            ("JATEBO_PASSPHRASE", PASS),
            ("JATEBO_NEW_PASSPHRASE", "lire seulement"),
        ],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let mut args = vec!["--user", "Auditrice ONG"];
    args.extend_from_slice(&post);
    let o = run_env(&args, &[("JATEBO_PASSPHRASE", "lire seulement")]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("ne permet pas d'enregistrer des écritures"),
        "{}",
        stderr(&o)
    );
    let users = as_admin(&["user", "list"]);
    let names: Vec<&str> = users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Auditrice ONG", "Awa Traoré"]);
    assert_eq!(users[0]["roles"][0], serde_json::json!(["*", "auditor"]));
    // The auditor reads; without a login nobody does.
    for read in [&["verify"][..], &["balance", "--year", "2026"]] {
        let mut args = vec!["--user", "Auditrice ONG"];
        args.extend_from_slice(read);
        let o = run_env(&args, &[("JATEBO_PASSPHRASE", "lire seulement")]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let o = run_env(read, &[]);
        assert_eq!(code(&o), 1, "{}", stdout(&o));
        assert!(
            stderr(&o).contains("Phrase de passe nécessaire"),
            "{}",
            stderr(&o)
        );
    }
}
