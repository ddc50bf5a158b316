//! `jatebo surplus`: the year-end allocation of a cooperative's surplus on
//! the command line, with DOMAIN.md §4's worked example.

mod common;

use common::Ledger;

#[test]
fn the_general_assembly_allocates_the_worked_example() {
    let l = Ledger::with_coop();
    // Five members, 500 000 F of parts; dealings 20/30/25/15/10 %.
    let parts = [
        ("Awa Traoré", 20),
        ("Aïcha Coulibaly", 30),
        ("Fanta Koné", 10),
        ("Mariam Keïta", 20),
        ("Oumou Sangaré", 20),
    ];
    let dealings = [200_000, 300_000, 250_000, 150_000, 100_000];
    for (i, (name, n)) in parts.iter().enumerate() {
        l.ok(&[
            "member",
            "add",
            "--name",
            name,
            "--parts",
            &n.to_string(),
            "--part-value",
            "5000",
            "--date",
            "2025-01-15",
        ]);
        l.ok(&[
            "member",
            "dealings",
            &(i + 1).to_string(),
            "--year",
            "2025",
            "--amount",
            &dealings[i].to_string(),
        ]);
    }
    l.post(
        "coop",
        "2025-06-30",
        "Subvention de l'ONG",
        "5711=1000000",
        "7182=1000000",
    );
    let args = |cmd: &str| -> Vec<String> {
        [
            cmd,
            "2025",
            "--general",
            "20",
            "--training",
            "20",
            "--optional",
            "10",
            "--interest",
            "5",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    // Before the year is closed there is nothing to allocate.
    let mut preview: Vec<String> = vec!["surplus".into()];
    preview.extend(args("preview"));
    let refs: Vec<&str> = preview.iter().map(String::as_str).collect();
    let msg = l.fail(&refs);
    assert!(msg.contains("clôturez l'exercice"), "{msg}");
    l.ok(&["period", "close", "--year", "2025"]);
    let p = l.json(&refs);
    let a = &p["allocation"];
    assert_eq!(a["surplus"], 1_000_000);
    assert_eq!(a["general_reserve"], 200_000);
    assert_eq!(a["training_reserve"], 200_000);
    assert_eq!(a["optional_reserve"], 100_000);
    assert_eq!(a["interest"], 25_000);
    assert_eq!(a["ristourne"], 475_000);
    assert_eq!(p["members"][0]["ristourne"], 95_000);
    assert!(p["entry"].is_null());
    let text = l.ok(&refs);
    assert!(text.contains("95 000"), "{text}");
    assert!(text.contains("Aperçu seulement"), "{text}");
    // Posted once; the second time is refused.
    let mut post: Vec<String> = vec!["surplus".into()];
    post.extend(args("post"));
    post.extend(["--date".to_string(), "2026-03-14".to_string()]);
    let refs: Vec<&str> = post.iter().map(String::as_str).collect();
    let out = l.ok(&refs);
    assert!(out.contains("Enregistrée : écriture N° 2026-"), "{out}");
    let again = l.fail(&refs);
    assert!(again.contains("déjà réparti"), "{again}");
    let shown = l.json(&["surplus", "show", "2025"]);
    assert_eq!(shown["members"][1]["ristourne"], 142_500);
    // A policy below the legal minimum is refused with the figures.
    let bad = l.fail(&["surplus", "preview", "2025", "--general", "10"]);
    assert!(bad.contains("20"), "{bad}");
    l.ok(&["verify"]);
}
