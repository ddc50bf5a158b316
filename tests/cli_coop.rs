//! End-to-end tests of a cooperative's trade on the command line: items,
//! recipes, purchases, production runs, sales, customers, the daily close,
//! members — what the treasurer types, what she reads, and what ends up in
//! the books.

mod common;

use std::process::Output;

use common::{Ledger, code, describe, stderr, stdout};
use serde_json::Value;

/// The business day of every command unless a test says otherwise.
const TODAY: &str = "2026-11-20";

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
fn ok_on(l: &Ledger, today: &str, args: &[&str]) -> String {
    let o = run_on(l, today, args);
    assert_eq!(code(&o), 0, "expected success:\n{}", describe(args, &o));
    assert!(
        o.stderr.is_empty(),
        "unexpected stderr:\n{}",
        describe(args, &o)
    );
    stdout(&o)
}

fn ok(l: &Ledger, args: &[&str]) -> String {
    ok_on(l, TODAY, args)
}

/// `--json <args>` on `today`, parsed.
fn json_on(l: &Ledger, today: &str, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = ok_on(l, today, &all);
    serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("invalid JSON from jatebo {}: {e}\n{out}", all.join(" ")))
}

fn json(l: &Ledger, args: &[&str]) -> Value {
    json_on(l, TODAY, args)
}

/// A command that must be refused: exit 1, nothing on stdout, the reason on
/// stderr (returned).
fn fail(l: &Ledger, args: &[&str]) -> String {
    let o = run_on(l, TODAY, args);
    assert_eq!(code(&o), 1, "expected a refusal:\n{}", describe(args, &o));
    assert!(
        o.stdout.is_empty(),
        "a refusal prints nothing on stdout:\n{}",
        describe(args, &o)
    );
    let err = stderr(&o);
    assert!(
        err.contains("erreur") || err.contains("error"),
        "{}",
        describe(args, &o)
    );
    err
}

/// The closing balance (debit − credit) of `account` in the year's trial
/// balance of the only organisation.
fn closing(l: &Ledger, account: &str) -> (i64, i64) {
    let tb = json(l, &["balance", "--year", "2026"]);
    let row = tb[0]["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["account"] == account)
        .unwrap_or_else(|| panic!("{account} not in the trial balance: {tb}"));
    (i(&row["closing_debit"]), i(&row["closing_credit"]))
}

fn item<'a>(items: &'a Value, code: &str) -> &'a Value {
    items
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["code"] == code)
        .unwrap_or_else(|| panic!("no item {code} in {items}"))
}

/// Quantities in JSON are thousandths of the unit.
const U: i64 = 1000;

/// A cooperative with fabric, elastic, adult and child masks, their recipes,
/// a purchase of materials and a production run of each mask.
fn masks() -> Ledger {
    let l = Ledger::with_coop();
    let out = ok(
        &l,
        &[
            "item",
            "add",
            "fabric",
            "--name",
            "Tissu coton",
            "--kind",
            "material",
            "--unit",
            "metre",
            "--stock",
            "3221",
        ],
    );
    assert!(
        out.contains("Article « fabric » créé : Tissu coton"),
        "{out}"
    );
    ok(
        &l,
        &[
            "item",
            "add",
            "elastic",
            "--name",
            "Élastique",
            "--kind",
            "material",
            "--unit",
            "piece",
            "--stock",
            "3222",
            "--reorder",
            "50",
        ],
    );
    ok(
        &l,
        &[
            "item",
            "add",
            "adult",
            "--name",
            "Masque adulte",
            "--kind",
            "product",
            "--unit",
            "piece",
            "--price",
            "1000",
            "--reorder",
            "10",
            "--stock",
            "362",
            "--account",
            "70212",
        ],
    );
    let child = json(
        &l,
        &[
            "item",
            "add",
            "child",
            "--name",
            "Masque enfant",
            "--kind",
            "product",
            "--unit",
            "piece",
            "--price",
            "600",
            "--stock",
            "362",
            "--account",
            "70212",
        ],
    );
    assert_eq!(child["price"], 600);
    assert_eq!(child["flow_account"], "70212");
    assert_eq!(child["variation_account"], "736");

    let out = ok(
        &l,
        &[
            "recipe",
            "add",
            "masks-adult",
            "--name",
            "Fournée masques adultes",
            "--product",
            "adult",
            "--yield",
            "10",
            "--line",
            "fabric:2,5",
            "--line",
            "elastic:20",
        ],
    );
    assert!(
        out.contains("une fournée donne 10 pièces de Masque adulte"),
        "{out}"
    );
    ok(
        &l,
        &[
            "recipe",
            "add",
            "masks-child",
            "--name",
            "Fournée masques enfants",
            "--product",
            "child",
            "--yield",
            "10",
            "--line",
            "fabric:1.5",
            "--line",
            "elastic:20",
        ],
    );
    let recipes = json(&l, &["recipe", "list"]);
    assert_eq!(recipes.as_array().unwrap().len(), 2, "{recipes}");

    // 20 m of fabric for 25 000 F and 200 elastics for 4 000 F, owed to the
    // supplier: 1 250 F a metre, 20 F an elastic.
    let p = json(
        &l,
        &[
            "stock",
            "purchase",
            "--supplier",
            "Tissus Ségou",
            "--ref",
            "F-88",
            "--method",
            "credit",
            "--line",
            "fabric:20:25 000",
            "--line",
            "elastic:200:4000",
            "--key",
            "achat-f88",
        ],
    );
    assert_eq!(p["status"], "recorded", "{p}");
    assert_eq!(p["reference"], "ACH-000001");
    assert_eq!(i(&p["total"]), 29_000);

    // Two batches of adult masks: 5 m of fabric (6 250 F) and 40 elastics
    // (800 F) make 20 masks at 352,50 F.
    let out = ok(
        &l,
        &[
            "production",
            "masks-adult",
            "--batches",
            "2",
            "--key",
            "run-1",
        ],
    );
    assert!(out.contains("Fabrication FAB-000001 enregistrée"), "{out}");
    assert!(
        out.contains("20 pièces de Masque adulte, coût 7 050 F CFA"),
        "{out}"
    );
    assert!(out.contains("352,50 F CFA par pièce"), "{out}");
    assert!(out.contains("5 mètres"), "{out}");
    let run = json(&l, &["production", "masks-child", "--batches", "1"]);
    assert_eq!(run["reference"], "FAB-000002");
    assert_eq!(run["product"], "child");
    assert_eq!(i(&run["produced"]), 10 * U);
    assert_eq!(i(&run["cost"]), 2_275);
    assert!(run["doc"]["entry"].is_string(), "{run}");
    l
}

#[test]
fn the_mask_cooperative_sells_closes_its_day_and_its_books_agree() {
    let l = masks();
    let items = json(&l, &["item", "list"]);
    assert_eq!(i(&item(&items, "adult")["qty"]), 20 * U);
    assert_eq!(i(&item(&items, "adult")["value"]), 7_050);
    assert_eq!(i(&item(&items, "fabric")["qty"]), 13_500);
    assert_eq!(i(&item(&items, "fabric")["value"]), 16_875);
    assert_eq!(item(&items, "fabric")["unit_cost"], "1250");

    // A cash sale to a neighbour: 3 adult masks and 2 child masks.
    let out = ok(&l, &["sale", "--line", "adult:3", "--line", "child:2"]);
    assert!(
        out.contains("Vente VTE-000001 enregistrée : 4 200 F CFA (espèces)"),
        "{out}"
    );
    assert!(out.contains("écriture N° 2026-"), "{out}");

    // The health centre buys on credit, within its limit.
    let c = json(
        &l,
        &[
            "customer",
            "add",
            "cscom",
            "--name",
            "CSCom de Ségou",
            "--phone",
            "76 00 00 00",
            "--limit",
            "50 000",
        ],
    );
    assert_eq!(i(&c["credit_limit"]), 50_000);
    let sale = json(
        &l,
        &[
            "sale",
            "--line",
            "adult:10",
            "--method",
            "credit",
            "--customer",
            "cscom",
            "--key",
            "cscom-1",
        ],
    );
    assert_eq!(sale["reference"], "VTE-000002");
    assert_eq!(i(&sale["total"]), 10_000);
    assert_eq!(sale["status"], "recorded");
    // The same key again records nothing.
    let again = json(
        &l,
        &[
            "sale",
            "--line",
            "adult:10",
            "--method",
            "credit",
            "--customer",
            "cscom",
            "--key",
            "cscom-1",
        ],
    );
    assert_eq!(again["status"], "already_recorded");
    assert_eq!(again["reference"], "VTE-000002");

    let customers = json(&l, &["customer", "list"]);
    assert_eq!(i(&customers[0]["owed"]), 10_000, "{customers}");
    let invoices = json(&l, &["customer", "invoices", "cscom"]);
    assert_eq!(invoices.as_array().unwrap().len(), 1, "{invoices}");
    assert_eq!(i(&invoices[0]["owed"]), 10_000);
    let aging = json(&l, &["customer", "aging", "--date", "2026-12-31"]);
    assert_eq!(i(&aging["totals"][1]), 10_000, "41 days old: {aging}");
    assert_eq!(i(&aging["total"]), 10_000);
    assert_eq!(i(&aging["ledger_balance"]), 10_000);
    assert_eq!(aging["balanced"], true);
    let out = ok(&l, &["customer", "aging"]);
    assert!(
        out.contains("Le compte 4111 Clients (10 000 F CFA) égale le total dû."),
        "{out}"
    );

    // The receipt of the cash sale.
    let receipt = ok(&l, &["sale", "receipt", "VTE-000001"]);
    for want in [
        "Coop Savon",
        "Reçu N° VTE-000001",
        "20/11/2026",
        "Masque adulte",
        "3 × 1 000",
        "2 × 600",
        "4 200 F CFA",
        "Paiement : espèces",
    ] {
        assert!(
            receipt.contains(want),
            "{want:?} missing from the receipt:\n{receipt}"
        );
    }
    let shown = json(&l, &["sale", "show", "2"]);
    assert_eq!(shown["customer"], "cscom");
    assert_eq!(shown["method"], "credit");
    assert_eq!(shown["lines"][0]["item"], "adult");
    assert_eq!(i(&shown["lines"][0]["amount"]), 10_000);

    // The Z before closing: 4 200 F of cash expected.
    let z = json(&l, &["close-day", "--counted", "4 100", "--dry-run"]);
    assert_eq!(z["sealed"], false);
    assert_eq!(i(&z["sales_total"]), 14_200);
    assert_eq!(i(&z["cash_expected"]), 4_200);
    assert_eq!(i(&z["difference_preview"]), -100);
    let out = ok(&l, &["close-day"]);
    assert!(
        out.contains("Espèces attendues dans la caisse : 4 200 F CFA"),
        "{out}"
    );
    assert!(out.contains("aperçu"), "{out}");
    let before = l.numbers(None);

    // 100 F short: refused without a reason, sealed with one.
    let err = fail(&l, &["close-day", "--counted", "4x1000 1x100"]);
    assert!(err.contains("indiquez la raison de l'écart"), "{err}");
    assert_eq!(before, l.numbers(None));
    let out = ok(
        &l,
        &[
            "close-day",
            "--date",
            "2026-11-20",
            "--counted",
            "4x1000 1x100",
            "--reason",
            "monnaie mal rendue",
        ],
    );
    assert!(out.contains("clôturée"), "{out}");
    assert!(out.contains("Espèces comptées : 4 100 F CFA"), "{out}");
    assert!(
        out.contains("Manquant : 100 F CFA (monnaie mal rendue)"),
        "{out}"
    );
    assert_eq!(
        l.numbers(None).len(),
        before.len() + 1,
        "one entry for the shortage"
    );
    let closes = json(&l, &["close-day", "list"]);
    assert_eq!(closes.as_array().unwrap().len(), 1, "{closes}");
    assert_eq!(i(&closes[0]["difference"]), -100);
    assert_eq!(i(&closes[0]["cash_counted"]), 4_100);
    let err = fail(
        &l,
        &["close-day", "--counted", "4100", "--reason", "encore"],
    );
    assert!(err.contains("déjà clôturée"), "{err}");

    // The health centre pays the next day by Orange Money.
    let pay = json_on(
        &l,
        "2026-11-21",
        &["customer", "pay", "cscom", "10 000", "--method", "orange"],
    );
    assert_eq!(pay["reference"], "ENC-000001");
    assert_eq!(i(&pay["total"]), 10_000);
    assert!(
        json(&l, &["customer", "invoices"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        i(&json(&l, &["customer", "invoices", "--all"])[0]["paid"]),
        10_000
    );
    let aging = json(&l, &["customer", "aging"]);
    assert_eq!(i(&aging["total"]), 0);
    assert_eq!(i(&aging["ledger_balance"]), 0);

    // The books: verified, balanced, the shortage at 65882, the cash box at
    // what was expected less 100 F, the wallet at the payment.
    l.assert_verified();
    assert_eq!(closing(&l, "65882"), (100, 0));
    assert_eq!(closing(&l, "5711"), (4_200 - 100, 0));
    assert_eq!(closing(&l, "5521"), (10_000, 0));
    assert_eq!(closing(&l, "4111"), (0, 0));
    assert_eq!(closing(&l, "4011"), (0, 29_000));
    assert_eq!(closing(&l, "70212"), (0, 14_200));
    let out = ok(&l, &["balance"]);
    assert!(out.contains("Équilibrée"), "{out}");

    // Stock accounts equal the items' values.
    let check = json(&l, &["stock", "check"]);
    assert_eq!(check["ok"], true, "{check}");
    let items = json(&l, &["item", "list"]);
    assert_eq!(i(&item(&items, "adult")["qty"]), 7 * U);
    assert_eq!(
        item(&items, "adult")["low"],
        true,
        "7 is below the reorder level of 10"
    );
    assert_eq!(i(&item(&items, "child")["qty"]), 8 * U);
    let out = ok(&l, &["stock", "check"]);
    assert!(
        out.contains("Les comptes de stock égalent la valeur des articles."),
        "{out}"
    );

    // The adult masks' stock card: made, then sold twice.
    let card = json(&l, &["item", "show", "adult"]);
    let moves = card["moves"].as_array().unwrap();
    let kinds: Vec<&str> = moves.iter().map(|m| m["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["produce", "sale", "sale"]);
    assert_eq!(i(&moves[2]["qty_after"]), 7 * U);
    let out = ok(&l, &["item", "show", "adult"]);
    assert!(out.contains("FAB-000001"), "{out}");
    assert!(out.contains("VTE-000002"), "{out}");
    assert!(out.contains("Stock bas"), "{out}");

    // The sales list and an English Z.
    let sales = json(&l, &["sale", "list"]);
    assert_eq!(sales.as_array().unwrap().len(), 2);
    let out = ok(&l, &["--lang", "en", "close-day", "--date", "2026-11-20"]);
    assert!(out.contains("Cash counted: 4,100 F CFA"), "{out}");
    assert!(out.contains("Short: 100 F CFA"), "{out}");
}

#[test]
fn a_refused_sale_records_nothing() {
    let l = masks();
    ok(&l, &["sale", "--line", "adult:3", "--line", "child:2"]);
    ok(
        &l,
        &["close-day", "--date", "2026-11-20", "--counted", "4 200"],
    );
    let tomorrow = "2026-11-21";
    let journal = l.journal(None);
    let items = json(&l, &["item", "list"]);
    let sales = json(&l, &["sale", "list"]);
    let unchanged = |what: &str| {
        assert_eq!(journal, l.journal(None), "{what}: the journal changed");
        assert_eq!(
            items,
            json(&l, &["item", "list"]),
            "{what}: the stock changed"
        );
        assert_eq!(
            sales,
            json(&l, &["sale", "list"]),
            "{what}: a sale was recorded"
        );
    };
    let refused = |line: &str, date: &str, want: &str| {
        let args = ["sale", "--line", line, "--date", date];
        let o = run_on(&l, tomorrow, &args);
        assert_eq!(code(&o), 1, "{}", describe(&args, &o));
        assert!(o.stdout.is_empty(), "{}", describe(&args, &o));
        let err = stderr(&o);
        assert!(
            err.contains(want),
            "{want:?} expected:\n{}",
            describe(&args, &o)
        );
        unchanged(line);
    };
    refused("masque:1", tomorrow, "Article inconnu « masque »");
    refused(
        "adult:0",
        tomorrow,
        "La quantité doit être supérieure à zéro",
    );
    refused(
        "adult:-2",
        tomorrow,
        "La quantité doit être supérieure à zéro",
    );
    refused(
        "adult:1:mille",
        tomorrow,
        "« mille » n'est pas un prix valable",
    );
    refused(
        "adult:1,5",
        tomorrow,
        "cet article se compte en pièces entières",
    );
    refused(
        "adult:500",
        tomorrow,
        "Stock insuffisant pour Masque adulte (adult) : 17 disponible(s), 500 demandé(s)",
    );
    refused(
        "adult:1",
        "2026-11-20",
        "La journée du 20/11/2026 est clôturée",
    );
    refused("adult:1:900", tomorrow, "indiquez la raison");
    refused("fabric:1", tomorrow, "« fabric » est une matière");

    // The same refusals in English.
    let args = ["--lang", "en", "sale", "--line", "masque:1"];
    let o = run_on(&l, tomorrow, &args);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("Unknown item “masque”"),
        "{}",
        describe(&args, &o)
    );
    // A credit sale needs a named customer.
    let err = fail(
        &l,
        &[
            "sale", "--line", "adult:1", "--method", "credit", "--date", tomorrow,
        ],
    );
    assert!(err.contains("client nommé"), "{err}");
    unchanged("credit without customer");

    // A line that is not ITEM:QTY is a wrong command line (exit 2).
    let args = ["sale", "--line", "adult"];
    let o = run_on(&l, tomorrow, &args);
    assert_eq!(code(&o), 2, "{}", describe(&args, &o));
    assert!(
        stderr(&o).contains("ARTICLE:QUANTITÉ"),
        "{}",
        describe(&args, &o)
    );
    unchanged("malformed line");

    // Accepted once corrected, with a price reason.
    let out = ok_on(
        &l,
        tomorrow,
        &[
            "sale",
            "--line",
            "adult:1:900",
            "--price-reason",
            "voisine fidèle",
            "--line",
            "child:1::10%",
        ],
    );
    assert!(
        out.contains("VTE-000002 enregistrée : 1 440 F CFA"),
        "{out}"
    );
    l.assert_verified();
}

#[test]
fn stock_documents_counts_and_returns() {
    let l = masks();
    // A donation at zero posts no entry; valued, it does.
    let before = l.numbers(None).len();
    let d = json(
        &l,
        &[
            "stock",
            "donation",
            "--donor",
            "ONG Kènèya",
            "--line",
            "fabric:10",
        ],
    );
    assert_eq!(d["reference"], "DON-000001");
    assert!(d["entry"].is_null(), "{d}");
    assert_eq!(l.numbers(None).len(), before);
    let out = ok(
        &l,
        &[
            "stock",
            "donation",
            "--donor",
            "ONG Kènèya",
            "--line",
            "elastic:50:1000",
        ],
    );
    assert!(out.contains("DON-000002 enregistré : 1 000 F CFA"), "{out}");

    // Damage takes stock out at its average cost.
    let out = ok(
        &l,
        &[
            "stock", "adjust", "elastic", "5", "--reason", "casse", "--note", "rats",
        ],
    );
    assert!(out.contains("AJU-000001 enregistré"), "{out}");
    let err = fail(
        &l,
        &["stock", "adjust", "elastic", "5", "--reason", "oubli"],
    );
    assert!(err.contains("Motif inconnu « oubli »"), "{err}");

    // A count previewed changes nothing; recorded, it sets the books.
    let items = json(&l, &["item", "list"]);
    let book = i(&item(&items, "fabric")["qty"]);
    let preview = json(
        &l,
        &[
            "stock",
            "count",
            "--line",
            "fabric:20",
            "--line",
            "elastic:0",
            "--dry-run",
        ],
    );
    assert_eq!(i(&preview[0]["difference"]), 20 * U - book, "{preview}");
    assert_eq!(i(&preview[1]["counted"]), 0);
    assert_eq!(items, json(&l, &["item", "list"]));
    let out = ok(
        &l,
        &[
            "stock",
            "count",
            "--line",
            "fabric:20",
            "--note",
            "inventaire",
        ],
    );
    assert!(out.contains("INV-000001 enregistré"), "{out}");
    assert_eq!(
        i(&item(&json(&l, &["item", "list"]), "fabric")["qty"]),
        20 * U
    );

    let moves = json(&l, &["stock", "moves", "--item", "elastic"]);
    let kinds: Vec<&str> = moves
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["purchase", "consume", "consume", "donation", "adjust"]
    );

    // A return goes back to stock and out of the till.
    ok(&l, &["sale", "--line", "adult:2"]);
    let out = ok(
        &l,
        &[
            "sale",
            "return",
            "1",
            "--line",
            "adult:1",
            "--reason",
            "couture défaite",
        ],
    );
    assert!(out.contains("RET-000001 enregistré : 1 000 F CFA"), "{out}");
    let err = fail(
        &l,
        &[
            "sale", "return", "1", "--line", "adult:2", "--reason", "encore",
        ],
    );
    assert!(err.contains("Retour refusé"), "{err}");
    let r = json(&l, &["sale", "show", "RET-000001"]);
    assert_eq!(r["kind"], "return");
    let z = json(&l, &["close-day"]);
    assert_eq!(i(&z["cash_expected"]), 1_000);
    assert_eq!(i(&z["returns_total"]), 1_000);

    assert_eq!(json(&l, &["stock", "check"])["ok"], true);
    l.assert_verified();
}

#[test]
fn members_and_their_parts() {
    let l = Ledger::with_coop();
    let m = json(
        &l,
        &[
            "member",
            "add",
            "--name",
            "Awa Traoré",
            "--parts",
            "2",
            "--part-value",
            "5000",
            "--method",
            "cash",
            "--date",
            "2026-11-01",
        ],
    );
    assert_eq!(i(&m["number"]), 1);
    assert_eq!(i(&m["capital"]), 10_000);
    let out = ok(
        &l,
        &[
            "member",
            "add",
            "--name",
            "Mariam Keïta",
            "--phone",
            "66 00 00 00",
        ],
    );
    assert!(out.contains("Membre n° 2 ajouté : Mariam Keïta"), "{out}");
    let out = ok(
        &l,
        &[
            "member",
            "parts",
            "2",
            "--parts",
            "1",
            "--part-value",
            "5000",
        ],
    );
    assert!(out.contains("capital 5 000 F CFA"), "{out}");
    ok(
        &l,
        &[
            "member", "dealings", "1", "--year", "2026", "--amount", "120000",
        ],
    );
    let list = json(&l, &["member", "list", "--year", "2026"]);
    assert_eq!(i(&list[0]["dealings"]), 120_000, "{list}");
    assert_eq!(i(&list[1]["dealings"]), 0);
    assert_eq!(i(&list[1]["parts"]), 1);
    let err = fail(
        &l,
        &[
            "member",
            "parts",
            "9",
            "--parts",
            "1",
            "--part-value",
            "5000",
        ],
    );
    assert!(err.contains("Pas de membre n° 9"), "{err}");
    assert_eq!(closing(&l, "1013"), (0, 15_000));
    assert_eq!(closing(&l, "5711"), (15_000, 0));
    l.assert_verified();
}

#[test]
fn month_close_of_a_sales_point() {
    let l = masks();
    ok(&l, &["sale", "--line", "adult:1"]);
    // The month is not over.
    let err = fail(&l, &["close-day", "month", "2026-11"]);
    assert!(err.contains("n'est pas encore finie"), "{err}");
    // Over, but a day of sales is still open.
    let args = ["close-day", "month", "2026-11"];
    let o = run_on(&l, "2026-12-02", &args);
    assert_eq!(code(&o), 1, "{}", describe(&args, &o));
    assert!(
        stderr(&o).contains("n'est pas encore clôturée"),
        "{}",
        describe(&args, &o)
    );
    ok(&l, &["close-day", "--counted", "1000"]);
    let z = json_on(&l, "2026-12-02", &["close-day", "month", "2026-11"]);
    assert_eq!(z["kind"], "month");
    assert_eq!(z["sealed"], true);
    assert_eq!(i(&z["sales_total"]), 1_000);
    assert_eq!(i(&z["grand_total"]), 1_000);
    let closes = json(&l, &["close-day", "list"]);
    assert_eq!(closes.as_array().unwrap().len(), 2, "{closes}");
}
