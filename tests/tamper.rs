//! Someone edits the ledger file behind jatebo's back (with any SQLite tool).
//! The guard triggers refuse the edit; whoever drops them first still gets
//! caught by `jatebo verify`, which names what was touched.
//!
//! Each test first checks that the edit is refused while the triggers are
//! in place, then drops the triggers it needs, makes the edit and puts the
//! triggers back exactly as they were, so that the finding under test is the
//! first one `verify` reports (a missing trigger is itself a finding; see
//! `a_dropped_trigger_alone_is_reported`).

mod common;

use common::{Ledger, code, stdout};
use rusqlite::{Connection, params};
use serde_json::Value;

fn open(l: &Ledger) -> Connection {
    Connection::open(&l.path).expect("open the ledger with rusqlite")
}

/// Runs `sql` and asserts that a guard trigger refuses it.
fn assert_refused(c: &Connection, sql: &str) {
    match c.execute_batch(sql) {
        Ok(()) => panic!("the triggers let this through: {sql}"),
        Err(e) => assert!(
            e.to_string().contains("jatebo:"),
            "refused, but not by a jatebo guard ({e}): {sql}"
        ),
    }
}

/// Drops the named triggers, runs `edit`, and recreates the triggers from
/// their original SQL.
fn with_triggers_dropped(c: &Connection, names: &[&str], edit: impl FnOnce(&Connection)) {
    let mut saved = Vec::new();
    for name in names {
        let sql: String = c
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1",
                [name],
                |r| r.get(0),
            )
            .unwrap_or_else(|e| panic!("trigger {name}: {e}"));
        c.execute_batch(&format!("DROP TRIGGER {name};")).unwrap();
        saved.push(sql);
    }
    edit(c);
    for sql in saved {
        c.execute_batch(&sql).unwrap();
    }
}

/// Row id of an entry of an organisation.
fn entry_id(c: &Connection, org: &str, number: &str) -> i64 {
    let (year, seq) = number.split_once('-').unwrap();
    c.query_row(
        "SELECT e.id FROM entries e JOIN orgs o ON o.id = e.org_id
         WHERE o.code = ?1 AND e.fiscal_year = ?2 AND e.seq = ?3",
        params![
            org,
            year.parse::<i64>().unwrap(),
            seq.parse::<i64>().unwrap()
        ],
        |r| r.get(0),
    )
    .unwrap_or_else(|e| panic!("entry {org} {number}: {e}"))
}

/// `verify` must fail with exit 3; returns (text output, JSON problems).
fn verify_fails(l: &Ledger) -> (String, Vec<Value>) {
    let o = l.run(&["verify"]);
    assert_eq!(code(&o), 3, "verify must report problems (exit 3):\n{o:?}");
    let text = stdout(&o);
    assert!(text.contains("VÉRIFICATION ÉCHOUÉE"), "{text}");
    let (c, v) = l.verify_json();
    assert_eq!(c, 3, "--json verify exit code: {v}");
    let problems = v["problems"].as_array().expect("problems").clone();
    assert!(!problems.is_empty());
    (text, problems)
}

/// The first problem's line in the text output (right after the header).
fn first_problem_line(text: &str) -> &str {
    text.lines()
        .nth(1)
        .expect("a first problem under the header")
}

/// An entry of `org` in `month` with exactly two lines, neither a reversal
/// nor reversed, in the middle of that month's entries.
fn plain_entry(l: &Ledger, org: &str, month: &str) -> Value {
    let j = l.json(&["--org", org, "journal", "--month", month]);
    let candidates: Vec<&Value> = j
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            e["lines"].as_array().unwrap().len() == 2
                && e["reverses"].is_null()
                && e["reversed_by"].is_null()
        })
        .collect();
    assert!(candidates.len() >= 3, "too few entries in {month}");
    candidates[candidates.len() / 2].clone()
}

#[test]
fn changed_amounts_are_caught_by_the_hash() {
    let l = Ledger::demo();
    let e = plain_entry(&l, "savon", "2026-10");
    let number = e["number"].as_str().unwrap().to_string();
    let c = open(&l);
    let id = entry_id(&c, "savon", &number);

    let lines_before: Vec<i64> = {
        let mut st = c
            .prepare("SELECT amount FROM entry_lines WHERE entry_id = ?1 ORDER BY line_no")
            .unwrap();
        st.query_map([id], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(lines_before.len(), 2);
    assert_eq!(lines_before[0], lines_before[1]);

    let bump = format!("UPDATE entry_lines SET amount = amount + 1000 WHERE entry_id = {id};");
    assert_refused(&c, &bump);
    assert_refused(
        &c,
        &format!("UPDATE entries SET memo = memo WHERE id = {id};"),
    );

    with_triggers_dropped(&c, &["entry_lines_no_update", "entries_no_update"], |c| {
        c.execute_batch(&bump).unwrap();
        // Keep the cached monthly totals in step, so only the hash can tell.
        c.execute_batch(&format!(
            "UPDATE account_month SET debit = debit + 1000
             WHERE (org_id, month, account_id) IN (
               SELECT e.org_id, substr(e.date, 1, 7), l.account_id
               FROM entry_lines l JOIN entries e ON e.id = l.entry_id
               WHERE l.entry_id = {id} AND l.side = 'D');
             UPDATE account_month SET credit = credit + 1000
             WHERE (org_id, month, account_id) IN (
               SELECT e.org_id, substr(e.date, 1, 7), l.account_id
               FROM entry_lines l JOIN entries e ON e.id = l.entry_id
               WHERE l.entry_id = {id} AND l.side = 'C');"
        ))
        .unwrap();
    });
    drop(c);

    // Still balanced: only the hash catches it.
    let shown = l.json(&["--org", "savon", "entry", "show", &number]);
    assert_eq!(shown["balanced"], true);
    assert_eq!(
        shown["lines"][0]["amount"].as_i64(),
        Some(lines_before[0] + 1000)
    );

    let (text, problems) = verify_fails(&l);
    let first = first_problem_line(&text);
    assert!(first.contains(&format!("N° {number}")), "{text}");
    assert!(
        first.contains("a été modifiée après son enregistrement"),
        "{text}"
    );
    assert!(text.contains("1 problème(s)"), "{text}");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["kind"], "hash_mismatch");
    assert_eq!(problems[0]["org"], "savon");
    assert_eq!(problems[0]["number"], number.as_str());
}

#[test]
fn a_dropped_trigger_alone_is_reported() {
    let l = Ledger::demo();
    l.assert_verified();
    let c = open(&l);
    c.execute_batch("DROP TRIGGER entries_no_delete;").unwrap();
    drop(c);
    let (text, problems) = verify_fails(&l);
    assert!(
        first_problem_line(&text).contains("Une protection du registre manque"),
        "{text}"
    );
    assert!(text.contains("entries_no_delete"), "{text}");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["kind"], "schema");
    assert!(
        problems[0]["detail"]
            .as_str()
            .unwrap()
            .contains("entries_no_delete")
    );
}

/// Deletes the lines, then the entry rows, of the given entries, the way
/// someone who knows SQLite would: foreign keys off (documents point at
/// their entries).
fn delete_entries(c: &Connection, ids: &[i64]) {
    c.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    with_triggers_dropped(c, &["entry_lines_no_delete", "entries_no_delete"], |c| {
        for id in ids {
            c.execute("DELETE FROM entry_lines WHERE entry_id = ?1", [id])
                .unwrap();
            c.execute("DELETE FROM entries WHERE id = ?1", [id])
                .unwrap();
        }
    });
}

#[test]
fn deleting_the_last_entries_is_caught() {
    let l = Ledger::demo();
    let numbers = l.numbers(Some("masques"));
    let orgs = l.json(&["org", "list"]);
    let masques = orgs
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["code"] == "masques")
        .unwrap();
    let n = masques["entries"].as_i64().unwrap() as usize;
    assert_eq!(numbers.len(), n);
    let head = format!("2026-{n:06}");
    let last_kept = format!("2026-{:06}", n - 2);
    assert_eq!(masques["head_number"], head.as_str());

    let c = open(&l);
    let ids = [
        entry_id(&c, "masques", &head),
        entry_id(&c, "masques", &format!("2026-{:06}", n - 1)),
    ];
    assert_refused(
        &c,
        &format!("DELETE FROM entry_lines WHERE entry_id = {};", ids[0]),
    );
    assert_refused(&c, &format!("DELETE FROM entries WHERE id = {};", ids[0]));
    delete_entries(&c, &ids);
    drop(c);

    // Every command now warns first: the heads file beside the ledger
    // knows the two entries.
    let o = l.run(&["--json", "journal", "--org", "masques"]);
    assert_eq!(code(&o), 0);
    let journal: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(common::numbers(&journal).len(), n - 2);
    assert!(
        common::stderr(&o).contains("masques : ce registre a"),
        "{}",
        common::stderr(&o)
    );
    let (text, problems) = verify_fails(&l);
    assert!(
        problems
            .iter()
            .any(|p| p["finding"]["kind"] == "behind" && p["finding"]["known"] == n as i64),
        "{problems:?}"
    );
    let first = first_problem_line(&text);
    assert!(
        first.contains(&format!("2 écriture(s) manquent après N° {last_kept}")),
        "{text}"
    );
    assert!(
        first.contains(&format!("la dernière enregistrée était N° {head}")),
        "{text}"
    );
    assert_eq!(problems[0]["kind"], "truncated", "{problems:?}");
    assert_eq!(problems[0]["org"], "masques");
    assert_eq!(problems[0]["last"], last_kept.as_str());
    assert_eq!(problems[0]["head"], head.as_str());
    assert_eq!(problems[0]["missing"], 2);
}

#[test]
fn deleting_an_entry_in_the_middle_is_caught() {
    let l = Ledger::demo();
    let victim = plain_entry(&l, "savon", "2026-10");
    let number = victim["number"].as_str().unwrap().to_string();
    let seq: i64 = number[5..].parse().unwrap();
    let next = format!("2026-{:06}", seq + 1);

    let c = open(&l);
    let id = entry_id(&c, "savon", &number);
    assert_refused(&c, &format!("DELETE FROM entries WHERE id = {id};"));
    delete_entries(&c, &[id]);
    drop(c);

    let (text, problems) = verify_fails(&l);
    let first = first_problem_line(&text);
    assert!(
        first.contains(&format!("des écritures manquent avant N° {next}")),
        "{text}"
    );
    assert!(
        first.contains(&format!("position {seq} attendue")),
        "{text}"
    );
    assert_eq!(problems[0]["kind"], "chain_gap", "{problems:?}");
    assert_eq!(problems[0]["org"], "savon");
    assert_eq!(problems[0]["number"], next.as_str());
    assert_eq!(problems[0]["expected"], seq);
}

#[test]
fn a_changed_memo_is_caught() {
    let l = Ledger::demo();
    let e = plain_entry(&l, "ton-sabali", "2026-11");
    let number = e["number"].as_str().unwrap().to_string();
    let c = open(&l);
    let id = entry_id(&c, "ton-sabali", &number);
    let edit = format!("UPDATE entries SET memo = 'Réunion annulée' WHERE id = {id};");
    assert_refused(&c, &edit);
    with_triggers_dropped(&c, &["entries_no_update"], |c| {
        c.execute_batch(&edit).unwrap()
    });
    drop(c);

    let shown = l.json(&["--org", "ton-sabali", "entry", "show", &number]);
    assert_eq!(shown["memo"], "Réunion annulée");
    let (text, problems) = verify_fails(&l);
    assert!(
        first_problem_line(&text).contains(&format!("ton-sabali : l'écriture N° {number}")),
        "{text}"
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["kind"], "hash_mismatch");
    assert_eq!(problems[0]["number"], number.as_str());
}

#[test]
fn changed_cached_totals_are_caught() {
    let l = Ledger::demo();
    let c = open(&l);
    // No trigger guards the cache (every posting updates it); the edit goes
    // through, and only `verify` can tell.
    let changed = c
        .execute(
            "UPDATE account_month SET debit = debit + 5000
             WHERE org_id = (SELECT id FROM orgs WHERE code = 'savon') AND month = '2026-10'
               AND account_id = (SELECT a.id FROM accounts a JOIN orgs o ON o.id = a.org_id
                                 WHERE o.code = 'savon' AND a.number = '5711')",
            [],
        )
        .unwrap();
    assert_eq!(changed, 1);
    drop(c);

    let (text, problems) = verify_fails(&l);
    assert!(
        first_problem_line(&text)
            .contains("savon : les totaux mémorisés du compte 5711 pour 2026-10"),
        "{text}"
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["kind"], "cache_mismatch");
    assert_eq!(problems[0]["org"], "savon");
    assert_eq!(problems[0]["account"], "5711");
    assert_eq!(problems[0]["month"], "2026-10");
}

#[test]
fn an_entry_slipped_into_a_closed_month_is_caught() {
    let l = Ledger::demo();
    let orgs = l.json(&["org", "list"]);
    let savon = orgs
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["code"] == "savon")
        .unwrap()
        .clone();
    assert_eq!(savon["closed_through"], "2026-09");
    let n = savon["entries"].as_i64().unwrap();
    let new_number = format!("2026-{:06}", n + 1);

    let c = open(&l);
    let last = entry_id(&c, "savon", savon["head_number"].as_str().unwrap());
    // A copy of the last entry, dated in closed July, added at the end of
    // the chain with a fresh number.
    let insert = format!(
        "INSERT INTO entries (org_id, chain_no, fiscal_year, seq, date, recorded_at, doc_ref,
           memo, author, idem_key, content_hash, reverses, source, search_key, prev_hash, hash)
         SELECT org_id, chain_no + 1, fiscal_year, seq + 1, '2026-07-15', recorded_at, doc_ref,
           'Vente oubliée', author, 'glissee', content_hash, NULL, source, search_key, hash, hash
         FROM entries WHERE id = {last};
         INSERT INTO entry_lines (entry_id, line_no, account_id, side, amount, label, date)
         SELECT last_insert_rowid(), line_no, account_id, side, amount, label, '2026-07-15'
         FROM entry_lines WHERE entry_id = {last};"
    );
    assert_refused(&c, &insert);
    let count: i64 = c
        .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .unwrap();
    with_triggers_dropped(&c, &["entries_closed_period"], |c| {
        c.execute_batch(&insert).unwrap()
    });
    let after: i64 = c
        .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .unwrap();
    assert_eq!(after, count + 1);
    drop(c);

    let (text, problems) = verify_fails(&l);
    assert!(text.contains(&new_number), "{text}");
    assert!(
        problems
            .iter()
            .any(|p| p["kind"] == "closed_period_violation" && p["number"] == new_number.as_str()),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .all(|p| p["org"] == "savon" || p["org"].is_null()),
        "{problems:?}"
    );
}

#[test]
fn an_altered_audit_row_is_caught() {
    let l = Ledger::demo();
    let audit = l.json(&["audit"]);
    let rows = audit.as_array().unwrap();
    assert!(rows.len() > 10);
    let target = rows[rows.len() / 2]["id"].as_i64().unwrap();
    let c = open(&l);
    let edit = format!("UPDATE audit_log SET actor = 'quelqu''un' WHERE id = {target};");
    assert_refused(&c, &edit);
    assert_refused(&c, &format!("DELETE FROM audit_log WHERE id = {target};"));
    with_triggers_dropped(&c, &["audit_no_update"], |c| {
        c.execute_batch(&edit).unwrap()
    });
    drop(c);

    let (text, problems) = verify_fails(&l);
    assert!(
        first_problem_line(&text).contains(&format!(
            "Le journal d'audit a été modifié (ligne {target})"
        )),
        "{text}"
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["kind"], "audit_broken");
    assert_eq!(problems[0]["id"], target);
}

/// The kinds `--json verify` reports.
fn kinds(problems: &[Value]) -> Vec<String> {
    problems
        .iter()
        .map(|p| p["kind"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn a_line_moved_to_another_date_is_caught() {
    // The line's date is not part of the hash; it must still agree with the
    // entry, or the account's ledger would show the payment on another day.
    let l = Ledger::demo();
    let e = plain_entry(&l, "savon", "2026-10");
    let number = e["number"].as_str().unwrap().to_string();
    let c = open(&l);
    let id = entry_id(&c, "savon", &number);
    assert_refused(
        &c,
        &format!("UPDATE entry_lines SET date = '2026-11-30' WHERE entry_id = {id}"),
    );
    with_triggers_dropped(&c, &["entry_lines_no_update"], |c| {
        c.execute(
            "UPDATE entry_lines SET date = '2026-11-30' WHERE entry_id = ?1 AND line_no = 1",
            [id],
        )
        .unwrap();
    });
    let (text, problems) = verify_fails(&l);
    assert!(first_problem_line(&text).contains(&number), "{text}");
    assert!(
        kinds(&problems).contains(&"damaged_row".to_string()),
        "{problems:?}"
    );
}

#[test]
fn an_impossible_date_is_reported_not_a_crash() {
    let l = Ledger::demo();
    let e = plain_entry(&l, "savon", "2026-10");
    let number = e["number"].as_str().unwrap().to_string();
    let c = open(&l);
    let id = entry_id(&c, "savon", &number);
    with_triggers_dropped(&c, &["entries_no_update"], |c| {
        c.execute("UPDATE entries SET date = '2026-02-30' WHERE id = ?1", [id])
            .unwrap();
    });
    let (text, problems) = verify_fails(&l);
    assert!(text.contains(&number), "{text}");
    let k = kinds(&problems);
    assert!(k.contains(&"damaged_row".to_string()), "{k:?}");
}

#[test]
fn close_totals_a_replaced_trigger_and_a_reopened_period_are_caught() {
    let l = Ledger::demo();
    let c = open(&l);
    // 1. The header totals of a close.
    assert_refused(&c, "UPDATE period_closes SET total_debit = 999999");
    with_triggers_dropped(&c, &["period_closes_no_update"], |c| {
        c.execute(
            "UPDATE period_closes SET total_debit = 999999, total_credit = 999999
             WHERE period = '2026-07' AND org_id = (SELECT id FROM orgs WHERE code = 'savon')",
            [],
        )
        .unwrap();
    });
    let (text, problems) = verify_fails(&l);
    assert!(text.contains("2026-07"), "{text}");
    assert_eq!(kinds(&problems), vec!["close_totals"], "{problems:?}");

    // 2. A guard replaced by one of the same name that does nothing.
    let l = Ledger::demo();
    let c = open(&l);
    c.execute_batch(
        "DROP TRIGGER entries_no_delete;
         CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries BEGIN SELECT 1; END;",
    )
    .unwrap();
    let (text, problems) = verify_fails(&l);
    assert!(text.contains("entries_no_delete"), "{text}");
    assert_eq!(kinds(&problems), vec!["schema"], "{problems:?}");

    // 3. Closed periods reopened by clearing the mark.
    let l = Ledger::demo();
    let c = open(&l);
    c.execute(
        "UPDATE orgs SET closed_through = NULL WHERE code = 'savon'",
        [],
    )
    .unwrap();
    let (text, problems) = verify_fails(&l);
    assert!(text.contains("2026-09"), "{text}");
    assert_eq!(
        kinds(&problems),
        vec!["closed_through_mismatch"],
        "{problems:?}"
    );
}
