//! Two jatebo processes writing to the same ledger at the same time (two
//! laptops on a shared folder is not supported, but two terminals, or a
//! script retrying while the first attempt still runs, are).

mod common;

use std::collections::HashMap;
use std::process::{Output, Stdio};

use common::{Ledger, code, describe, expected_numbers, stderr, stdout};

/// Extracts `2026-000123` from a line of output.
fn number_in(text: &str) -> Option<String> {
    let pos = text.find("N° ")?;
    let rest = &text[pos + "N° ".len()..];
    let n: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    (!n.is_empty()).then_some(n)
}

fn assert_not_busy(args: &[&str], o: &Output) {
    let all = format!("{}{}", stdout(o), stderr(o));
    assert!(
        !all.contains("occupé") && !all.to_lowercase().contains("busy"),
        "a busy ledger reached the user:\n{}",
        describe(args, o)
    );
}

#[test]
fn same_key_from_two_processes_records_once() {
    let l = Ledger::with_coop();
    l.post("coop", "2026-03-01", "Apport", "5711=100000", "1013=100000");
    const ROUNDS: usize = 20;
    let mut keys = Vec::new();
    for round in 0..ROUNDS {
        let key = format!("recu-{round:03}");
        let amount = format!("{}", 100 + round);
        let debit = format!("5711={amount}");
        let credit = format!("70211={amount}");
        let memo = format!("Vente du marché n° {round}");
        let args = [
            "entry",
            "add",
            "--date",
            "2026-03-10",
            "--ref",
            &key,
            "--memo",
            &memo,
            "--debit",
            &debit,
            "--credit",
            &credit,
            "--key",
            &key,
        ];
        // Start both, then wait for both.
        let children: Vec<_> = (0..2)
            .map(|_| {
                l.command(&args)
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn jatebo")
            })
            .collect();
        let outputs: Vec<Output> = children
            .into_iter()
            .map(|c| c.wait_with_output().expect("wait for jatebo"))
            .collect();

        let mut recorded = 0;
        let mut already = 0;
        let mut numbers = Vec::new();
        for o in &outputs {
            assert_not_busy(&args, o);
            assert_eq!(code(o), 0, "round {round}:\n{}", describe(&args, o));
            assert!(
                o.stderr.is_empty(),
                "round {round}:\n{}",
                describe(&args, o)
            );
            let out = stdout(o);
            if out.starts_with("Déjà enregistrée sous le N° ") {
                already += 1;
            } else if out.starts_with("Écriture N° ") && out.contains(" enregistrée.") {
                recorded += 1;
            } else {
                panic!("round {round}: unexpected output:\n{}", describe(&args, o));
            }
            numbers.push(number_in(&out).expect("an entry number in the output"));
        }
        assert_eq!(
            (recorded, already),
            (1, 1),
            "round {round}: one must record, the other find it recorded:\n{}\n{}",
            describe(&args, &outputs[0]),
            describe(&args, &outputs[1])
        );
        assert_eq!(numbers[0], numbers[1], "round {round}: same number");
        assert_eq!(numbers[0], format!("2026-{:06}", round + 2));
        keys.push(key);
    }

    let journal = l.journal(None);
    let mut per_key: HashMap<String, usize> = HashMap::new();
    for e in journal.as_array().unwrap() {
        *per_key
            .entry(e["idem_key"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    for key in &keys {
        assert_eq!(per_key.get(key), Some(&1), "key {key}");
    }
    assert_eq!(
        common::numbers(&journal),
        expected_numbers(2026, ROUNDS + 1)
    );
    l.assert_verified();
}

#[test]
fn two_writers_in_parallel_number_without_gaps() {
    let l = Ledger::with_coop();
    const PER_WRITER: usize = 25;
    let path = l.path.clone();
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut outs = Vec::new();
                for i in 0..PER_WRITER {
                    let key = format!("poste-{w}-{i:02}");
                    let memo = format!("Apport du poste {w}, n° {i}");
                    let debit = format!("5711={}", 1000 + i);
                    let credit = format!("1013={}", 1000 + i);
                    let args = [
                        "entry",
                        "add",
                        "--date",
                        "2026-04-02",
                        "--ref",
                        &key,
                        "--memo",
                        &memo,
                        "--debit",
                        &debit,
                        "--credit",
                        &credit,
                        "--key",
                        &key,
                    ];
                    let o = common::run(&path, &args);
                    let owned: Vec<String> = args.iter().map(|s| s.to_string()).collect();
                    outs.push((owned, o));
                }
                outs
            })
        })
        .collect();

    let mut recorded = Vec::new();
    for w in writers {
        for (args, o) in w.join().expect("writer thread") {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            assert_not_busy(&args, &o);
            assert_eq!(code(&o), 0, "{}", describe(&args, &o));
            assert!(o.stderr.is_empty(), "{}", describe(&args, &o));
            let out = stdout(&o);
            assert!(out.starts_with("Écriture N° "), "{}", describe(&args, &o));
            recorded.push(number_in(&out).unwrap());
        }
    }
    recorded.sort();
    assert_eq!(
        recorded,
        expected_numbers(2026, 2 * PER_WRITER),
        "each process got its own number, none skipped"
    );

    let journal = l.journal(None);
    assert_eq!(
        common::numbers(&journal),
        expected_numbers(2026, 2 * PER_WRITER)
    );
    let total: i64 = journal
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["lines"][0]["amount"].as_i64().unwrap())
        .sum();
    let per_writer: i64 = (0..PER_WRITER as i64).map(|i| 1000 + i).sum();
    assert_eq!(total, 2 * per_writer);
    l.assert_verified();
}
