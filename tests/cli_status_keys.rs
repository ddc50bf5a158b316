//! `jatebo status` (the home screen's figures) and `jatebo keys` (the TUI's
//! key table): the CLI equivalents of two TUI views.

mod common;

use common::{Ledger, code, describe, stdout};
use serde_json::Value;

fn post(l: &Ledger, date: &str, debit: &str, credit: &str) {
    l.ok(&[
        "--org", "coop", "entry", "add", "--date", date, "--ref", "R", "--memo", "vente",
        "--debit", debit, "--credit", credit,
    ]);
}

#[test]
fn status_shows_cash_today_and_what_needs_attention() {
    let l = Ledger::with_coop();
    post(&l, "2026-10-03", "5711=10000", "1013=10000");
    post(&l, "2026-11-21", "5711=1500", "70211=1500");
    post(&l, "2026-11-21", "5521=600", "70212=600");
    post(&l, "2027-11-22", "6025=100", "5711=100");
    let args = ["--org", "coop", "--json", "status"];
    let o = l
        .command(&args)
        .env("JATEBO_TODAY", "2026-11-21")
        .output()
        .unwrap();
    assert_eq!(
        code(&o),
        3,
        "warnings make exit 3:\n{}",
        describe(&args, &o)
    );
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["today_entries"], 2);
    assert_eq!(v["today_in"], 2100);
    assert_eq!(v["today_out"], 0);
    assert_eq!(v["money_total"], 10000 + 1500 + 600 - 100);
    let cash = v["money"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["number"] == "5711")
        .unwrap();
    assert_eq!(cash["balance"], 11400);
    let warnings = v["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w["kind"] == "months_open" && w["from"] == "2026-10" && w["to"] == "2026-10"),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w["kind"] == "future_entries" && w["count"] == 1),
        "{warnings:?}"
    );

    let args = ["--org", "coop", "status"];
    let o = l
        .command(&args)
        .env("JATEBO_TODAY", "2026-11-21")
        .output()
        .unwrap();
    let text = stdout(&o);
    assert!(text.contains("11 400 F CFA"), "{text}");
    assert!(
        text.contains("Mois terminé non clôturé : octobre 2026"),
        "{text}"
    );
    assert!(text.contains("le 22/11/2027"), "{text}");
}

#[test]
fn status_of_a_quiet_closed_organisation_is_all_good() {
    let l = Ledger::with_coop();
    let args = ["--org", "coop", "--lang", "en", "status"];
    let o = l
        .command(&args)
        .env("JATEBO_TODAY", "2026-11-21")
        .output()
        .unwrap();
    assert_eq!(code(&o), 0, "{}", describe(&args, &o));
    let text = stdout(&o);
    assert!(text.contains("No entries today."), "{text}");
    assert!(text.contains("Nothing to report."), "{text}");
}

#[test]
fn keys_lists_the_table_and_reports_clashes_from_the_settings_file() {
    let l = Ledger::init();
    let o = l
        .command(&["--json", "keys"])
        .env("JATEBO_CONFIG", l.dir.path().join("none.conf"))
        .output()
        .unwrap();
    assert_eq!(code(&o), 0);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let journal = v["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["command"] == "journal")
        .unwrap();
    assert_eq!(journal["keys"], serde_json::json!(["F4", "e"]));
    assert_eq!(journal["label"], "Journal");
    assert_eq!(v["problems"], serde_json::json!([]));

    let conf = l.dir.path().join("jatebo.conf");
    std::fs::write(&conf, "theme = sepia\n[keys]\nhome = F3\nfrobnicate = x\n").unwrap();
    let o = l
        .command(&["keys"])
        .env("JATEBO_CONFIG", &conf)
        .output()
        .unwrap();
    assert_eq!(code(&o), 3);
    let text = stdout(&o);
    assert!(text.contains("« sepia » refusée pour theme"), "{text}");
    assert!(text.contains("commande inconnue « frobnicate »"), "{text}");
    assert!(
        text.contains("la touche F3 sert à la fois à global.home et à global.accounts"),
        "{text}"
    );
}
