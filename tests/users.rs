//! Users, roles and logins through the service layer, on a real file.

use chrono::NaiveDate;
use jatebo::domain::Lang;
use jatebo::domain::access::{LOCK_AFTER, Role};
use jatebo::domain::ledger::{NewEntry, parse_lines};
use jatebo::domain::period::Month;
use jatebo::service::{Actor, Books, OrgKind};
use jatebo::store::OpenMode;
use jatebo::{Error, Result};

const PASS: &str = "kɔrɔ ni dɔgɔ";

fn entry(key: &str) -> NewEntry {
    NewEntry {
        date: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        doc_ref: "R".into(),
        memo: "apport".into(),
        idem_key: key.into(),
        lines: parse_lines("5711;D;1000\n1013;C;1000\n").unwrap(),
        source: None,
    }
}

/// A ledger with two organisations and an administrator, Awa.
fn setup() -> (tempfile::TempDir, Books, Actor) {
    let dir = tempfile::tempdir().unwrap();
    let mut books =
        Books::open(&dir.path().join("registre.db"), OpenMode::CreateIfMissing).unwrap();
    let boot = Actor::new("installation").unwrap();
    books
        .add_org(&boot, "savon", "Savon", OrgKind::Coop)
        .unwrap();
    books
        .add_org(&boot, "ton", "Ton Sabali", OrgKind::Savings)
        .unwrap();
    // Until the first user exists, anyone may write.
    let org = books.org("savon").unwrap();
    books.post(&boot, &org, entry("boot")).unwrap();
    books.add_user(&boot, "Awa Traoré", PASS, Lang::Fr).unwrap();
    let awa = books.login("awa traore", PASS).unwrap();
    (dir, books, awa)
}

fn is_denied(r: Result<impl std::fmt::Debug>) -> bool {
    matches!(r, Err(Error::Access(_)))
}

#[test]
fn the_first_user_is_administrator_and_then_writing_needs_a_login() {
    let (_dir, mut books, awa) = setup();
    let users = books.users().unwrap();
    assert_eq!(users.len(), 1);
    assert_eq!(users[0].roles, vec![("*".to_string(), Role::Admin)]);
    let org = books.org("savon").unwrap();
    let nobody = Actor::new("quelqu'un").unwrap();
    assert!(matches!(
        books.post(&nobody, &org, entry("k1")),
        Err(Error::LoginRequired)
    ));
    books.post(&awa, &org, entry("k1")).unwrap();
    // Logged-in names match however they are typed.
    assert!(books.login("AWA TRAORÉ", PASS).is_ok());
}

#[test]
fn a_wrong_passphrase_and_an_unknown_name_get_the_same_answer() {
    let (_dir, mut books, _) = setup();
    let a = books.login("Awa Traoré", "mauvaise phrase");
    let b = books.login("Personne", PASS);
    assert!(matches!(a, Err(Error::LoginRefused)));
    assert!(matches!(b, Err(Error::LoginRefused)));
}

#[test]
fn failures_slow_down_logins_and_survive_a_restart() {
    let (dir, mut books, _) = setup();
    for _ in 0..3 {
        assert!(books.login("Awa Traoré", "mauvaise").is_err());
    }
    // Right after the third failure even the right passphrase must wait.
    assert!(matches!(
        books.login("Awa Traoré", PASS),
        Err(Error::LoginRefused)
    ));
    let saved = books.store().read().login_state("awa traore").unwrap();
    assert_eq!(saved.failures, 3);
    drop(books);
    // The count is in the file: a new process finds it as it was (the
    // refusal during the delay was not counted).
    let mut books = Books::open(&dir.path().join("registre.db"), OpenMode::Existing).unwrap();
    assert_eq!(
        books.store().read().login_state("awa traore").unwrap(),
        saved
    );
    // And it still slows the right passphrase down. The 1-second delay of a
    // third failure can pass while a loaded machine reopens the file, so the
    // last failure is made to have happened just now.
    let now = chrono::Utc::now().timestamp();
    books
        .store()
        .raw_connection()
        .execute("UPDATE login_failures SET last_failure = ?1", [now])
        .unwrap();
    assert!(matches!(
        books.login("Awa Traoré", PASS),
        Err(Error::LoginRefused)
    ));
}

#[test]
fn enough_failures_lock_the_name_even_for_the_right_passphrase() {
    let (dir, mut books, _) = setup();
    // Skip the waiting: put the count one short of the lock, long ago.
    books
        .store()
        .raw_connection()
        .execute(
            "INSERT INTO login_failures VALUES ('awa traore', ?1, 0, 0)",
            [LOCK_AFTER - 1],
        )
        .unwrap();
    assert!(books.login("Awa Traoré", "mauvaise").is_err());
    assert!(books.login("Awa Traoré", PASS).is_err());
    drop(books);
    let mut books = Books::open(&dir.path().join("registre.db"), OpenMode::Existing).unwrap();
    assert!(
        books.login("Awa Traoré", PASS).is_err(),
        "the lock survives a restart"
    );
    // Once the lock has run out, the right passphrase works again.
    books
        .store()
        .raw_connection()
        .execute(
            "UPDATE login_failures SET locked_until = 1, last_failure = 0",
            [],
        )
        .unwrap();
    assert!(books.login("Awa Traoré", PASS).is_ok());
}

/// Every write of the service × every role, against the domain's matrix.
#[test]
fn the_authorisation_matrix_holds_for_every_write() {
    let (_dir, mut books, awa) = setup();
    let savon = books.org("savon").unwrap();
    let ton = books.org("ton").unwrap();
    let mut users = Vec::new();
    for (i, role) in Role::ALL.into_iter().enumerate() {
        let name = format!("Utilisatrice {i}");
        books.add_user(&awa, &name, PASS, Lang::Fr).unwrap();
        books
            .set_role(&awa, &name, Some(&savon), Some(role))
            .unwrap();
        users.push((role, books.login(&name, PASS).unwrap()));
    }
    for (n, (role, who)) in users.iter().enumerate() {
        let keeper = matches!(role, Role::Admin | Role::Treasurer | Role::Facilitator);
        let closer = matches!(role, Role::Admin | Role::Treasurer);
        let post = books.post(who, &savon, entry(&format!("m{n}")));
        assert_eq!(post.is_ok(), keeper, "{role:?} post: {post:?}");
        let acc = books.add_account(who, &savon, &format!("471{n}"), "Divers", None);
        assert_eq!(acc.is_ok(), keeper, "{role:?} add account");
        let close = books.close_month(who, &savon, Month::new(2026, 1 + n as u32).unwrap());
        assert_eq!(close.is_ok(), closer, "{role:?} close month: {close:?}");
        // Global actions need an all-organisation grant: an organisation
        // administrator may not create organisations or users.
        assert!(is_denied(books.add_org(
            who,
            &format!("x{n}"),
            "X",
            OrgKind::Coop
        )));
        assert!(is_denied(books.add_user(
            who,
            &format!("Z{n}"),
            PASS,
            Lang::Fr
        )));
        // No role in the other organisation: nothing there.
        assert!(is_denied(books.post(who, &ton, entry(&format!("t{n}")))));
    }
}

#[test]
fn a_role_taken_away_applies_at_once_and_the_last_admin_stays() {
    let (_dir, mut books, awa) = setup();
    let savon = books.org("savon").unwrap();
    books
        .add_user(&awa, "Mariam Keïta", PASS, Lang::Fr)
        .unwrap();
    books
        .set_role(&awa, "Mariam Keïta", Some(&savon), Some(Role::Treasurer))
        .unwrap();
    let mariam = books.login("mariam keita", PASS).unwrap();
    books.post(&mariam, &savon, entry("a")).unwrap();
    books
        .set_role(&awa, "Mariam Keïta", Some(&savon), None)
        .unwrap();
    assert!(is_denied(books.post(&mariam, &savon, entry("b"))));
    // Awa is the only administrator: she cannot lose that role.
    assert!(matches!(
        books.set_role(&awa, "Awa Traoré", None, None),
        Err(Error::LastAdmin)
    ));
    assert!(matches!(
        books.set_role(&awa, "Awa Traoré", None, Some(Role::Auditor)),
        Err(Error::LastAdmin)
    ));
}

#[test]
fn passphrases_and_pins() {
    let (_dir, mut books, awa) = setup();
    books.add_user(&awa, "Aïcha Fané", PASS, Lang::En).unwrap();
    let aicha = books.login("aicha fane", PASS).unwrap();
    // Her own passphrase: yes. Someone else's: only an administrator.
    books
        .set_passphrase(&aicha, "Aïcha Fané", "nouvelle phrase")
        .unwrap();
    assert!(is_denied(books.set_passphrase(
        &aicha,
        "Awa Traoré",
        "x".repeat(9).as_str()
    )));
    assert!(books.login("aicha fane", PASS).is_err());
    let aicha = books.login("aicha fane", "nouvelle phrase").unwrap();
    assert!(matches!(
        books.set_passphrase(&aicha, "Aïcha Fané", "court"),
        Err(Error::Secret(_))
    ));
    books.set_passphrase(&awa, "Aïcha Fané", PASS).unwrap();
    // A PIN reopens her locked session only.
    books.set_pin(&aicha, Some("2468")).unwrap();
    assert!(books.unlock_with_pin(&aicha, "2468").is_ok());
    assert!(books.unlock_with_pin(&aicha, "1357").is_err());
    assert!(books.unlock_with_pin(&awa, "2468").is_err());
    assert!(matches!(
        books.set_pin(&aicha, Some("12")),
        Err(Error::Secret(_))
    ));
    // Stored as argon2id hashes, never as typed.
    let hashes: Vec<(String, Option<String>)> = {
        let c = books.store().raw_connection();
        let mut st = c.prepare("SELECT pass_hash, pin_hash FROM users").unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    for (p, pin) in hashes {
        assert!(p.starts_with("$argon2id$"), "{p}");
        assert!(!p.contains(PASS));
        if let Some(pin) = pin {
            assert!(pin.starts_with("$argon2id$"));
        }
    }
}
