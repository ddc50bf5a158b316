//! The clock (issue 7, part 6): a laptop whose clock was reset by a power
//! cut must not record entries stamped with a wrong time until a user
//! confirms the business date; the confirmation is logged. The real binary
//! runs under `faketime` (installed by `.ci/setup`).

mod common;

use common::{Ledger, code, describe, stderr, stdout};

/// `jatebo` with the system clock set to `at` (`YYYY-MM-DD HH:MM:SS`).
fn at_time(l: &Ledger, at: &str, args: &[&str]) -> std::process::Output {
    let mut inner = l.command(args);
    inner.env_remove("JATEBO_TODAY");
    common::under("faketime", &[at], &inner)
        .output()
        .expect("faketime must be installed (.ci/setup installs it)")
}

fn post_args(key: &str) -> Vec<String> {
    [
        "--org",
        "coop",
        "entry",
        "add",
        "--date",
        "2026-03-02",
        "--ref",
        key,
        "--memo",
        "Vente",
        "--key",
        key,
        "--debit",
        "5711=1000",
        "--credit",
        "70211=1000",
    ]
    .map(String::from)
    .to_vec()
}

fn entries(l: &Ledger) -> usize {
    l.numbers(Some("coop")).len()
}

/// Years from now, so the test keeps working after 2026.
fn shifted(days: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::days(days))
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

#[test]
fn a_clock_set_back_waits_for_a_confirmed_date_which_is_logged() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-03-02", "Vente", "5711=1000", "70211=1000");
    assert_eq!(entries(&l), 1);

    // The clock two days behind the last record.
    let behind = shifted(-2);
    let a = post_args("k-behind");
    let args: Vec<&str> = a.iter().map(String::as_str).collect();
    let o = at_time(&l, &behind, &args);
    assert_eq!(code(&o), 1, "{}", describe(&args, &o));
    assert!(
        stderr(&o).contains("avant la dernière opération enregistrée")
            && stderr(&o).contains("--confirm-date"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty());
    assert_eq!(entries(&l), 1, "nothing recorded");

    // Reset to the BIOS default: implausible, in English too.
    let mut en = vec!["--lang", "en"];
    en.extend_from_slice(&args);
    let o = at_time(&l, "2000-01-01 00:00:00", &en);
    assert_eq!(code(&o), 1, "{}", describe(&en, &o));
    assert!(
        stderr(&o).contains("The computer's clock says 2000-01-01, an implausible date"),
        "{}",
        stderr(&o)
    );
    assert_eq!(entries(&l), 1);

    // A confirmed date before the last record is refused.
    let yesterday = (chrono::Utc::now() - chrono::Duration::days(1))
        .format("%d/%m/%Y")
        .to_string();
    let mut c = vec!["--confirm-date", &yesterday];
    c.extend_from_slice(&args);
    let o = at_time(&l, &behind, &c);
    assert_eq!(code(&o), 1, "{}", describe(&c, &o));
    assert!(stderr(&o).contains("La date confirmée"), "{}", stderr(&o));
    assert_eq!(entries(&l), 1);

    // Today confirmed: recorded, and the confirmation is in the action log
    // with what the clock said.
    let today = chrono::Utc::now().format("%d/%m/%Y").to_string();
    let mut c = vec!["--confirm-date", &today];
    c.extend_from_slice(&args);
    let o = at_time(&l, &behind, &c);
    assert_eq!(code(&o), 0, "{}", describe(&c, &o));
    assert!(stdout(&o).contains("enregistrée"), "{}", stdout(&o));
    assert_eq!(entries(&l), 2);
    let audit = l.json(&["audit", "--limit", "5"]);
    let confirm = audit
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["action"] == "clock.confirm")
        .unwrap_or_else(|| panic!("no clock.confirm in {audit}"));
    let detail = confirm["detail"].as_str().unwrap();
    assert!(
        detail.starts_with(&format!("system={}", &behind[..10]))
            && detail.contains(&format!(
                "business={}",
                chrono::Utc::now().format("%Y-%m-%d")
            ))
            && detail.ends_with("(behind)"),
        "{detail}"
    );
    l.assert_verified();

    // A retry of an entry already recorded needs no confirmation (it
    // records nothing); the clock put right needs none either.
    let o = at_time(&l, &behind, &args);
    assert_eq!(code(&o), 0, "{}", describe(&args, &o));
    assert!(
        stdout(&o).contains("rien de nouveau n'a été écrit"),
        "{}",
        stdout(&o)
    );
    let a = post_args("k-now");
    let args: Vec<&str> = a.iter().map(String::as_str).collect();
    l.ok(&args);
    assert_eq!(entries(&l), 3);
}

#[test]
fn a_clock_far_ahead_is_asked_about_too() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-03-02", "Vente", "5711=1000", "70211=1000");
    let a = post_args("k-ahead");
    let args: Vec<&str> = a.iter().map(String::as_str).collect();
    let o = at_time(&l, &shifted(500), &args);
    assert_eq!(code(&o), 1, "{}", describe(&args, &o));
    assert!(stderr(&o).contains("plus d'un an après"), "{}", stderr(&o));
    assert_eq!(entries(&l), 1);
    // Within a year: no question.
    let o = at_time(&l, &shifted(200), &args);
    assert_eq!(code(&o), 0, "{}", describe(&args, &o));
}
