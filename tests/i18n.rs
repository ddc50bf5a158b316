//! Every user-facing string comes from the translation files: the French and
//! English files carry the same keys, and every key the code uses exists.

use std::collections::BTreeSet;
use std::path::Path;

use jatebo::i18n::{SOURCES_EN, SOURCES_FR, has_key};

fn keys(sources: &[&str]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for src in sources {
        for line in src.lines() {
            let t = line.trim_end();
            if t.starts_with(' ') || t.starts_with('#') || t.starts_with('*') || t.starts_with('[')
            {
                continue;
            }
            if let Some((k, _)) = t.split_once(" =") {
                let k = k.trim();
                if !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                {
                    out.insert(k.to_string());
                }
            }
        }
    }
    out
}

#[test]
fn french_and_english_have_the_same_keys() {
    let fr = keys(SOURCES_FR);
    let en = keys(SOURCES_EN);
    assert!(fr.len() > 100, "only {} keys found", fr.len());
    let only_fr: Vec<_> = fr.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&fr).collect();
    assert!(only_fr.is_empty(), "missing in English: {only_fr:?}");
    assert!(only_en.is_empty(), "missing in French: {only_en:?}");
}

/// String literals that look like message keys, where the code uses them as
/// keys: `t!("…"`, `tr("…"`, and `=> "…"` arms of `Message::key`.
fn keys_used_in(dir: &Path, found: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).expect("src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            keys_used_in(&path, found);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read");
        // Keys handed around as values before being translated.
        // (The keymap's command names are not message keys.)
        let prefixes: &[&str] = if path.ends_with("tui/keymap.rs") {
            &[]
        } else {
            &["\"form-", "\"filter-"]
        };
        for prefix in prefixes {
            for (i, _) in text.match_indices(prefix) {
                let rest = &text[i + 1..];
                if let Some(end) = rest.find('"') {
                    found.insert(rest[..end].to_string());
                }
            }
        }
        for marker in ["t!(", "tr(", "tr_args(", "=> "] {
            for (i, _) in text.match_indices(marker) {
                // The key may sit on the next line (`t!(\n    "key",`).
                let rest = text[i + marker.len()..].trim_start();
                let Some(rest) = rest.strip_prefix('"') else {
                    continue;
                };
                let Some(end) = rest.find('"') else { continue };
                let key = &rest[..end];
                let looks_like_key = key.contains('-')
                    && key
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if looks_like_key {
                    found.insert(key.to_string());
                }
            }
        }
    }
}

#[test]
fn every_key_the_code_uses_exists_in_both_languages() {
    let mut used = BTreeSet::new();
    keys_used_in(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut used,
    );
    // Keys built at run time.
    for kind in ["coop", "savings"] {
        used.insert(format!("org-kind-{kind}"));
    }
    for role in ["admin", "treasurer", "facilitator", "auditor"] {
        used.insert(format!("role-{role}"));
    }
    for month in 1..=12 {
        used.insert(format!("month-{month}"));
    }
    for class in 1..=9 {
        used.insert(format!("account-class-{class}"));
    }
    assert!(
        used.len() > 80,
        "only {} keys found in the code",
        used.len()
    );
    let missing: Vec<_> = used.iter().filter(|k| !has_key(k)).collect();
    assert!(
        missing.is_empty(),
        "keys used in code but not translated: {missing:?}"
    );
}

#[test]
fn messages_render_without_isolation_marks() {
    jatebo::i18n::set_lang(jatebo::domain::Lang::Fr);
    let s = jatebo::t!("entry-recorded", number = "2026-000001");
    assert_eq!(s, "Écriture N° 2026-000001 enregistrée.");
    assert!(!s.contains('\u{2068}') && !s.contains('\u{2069}'));
    jatebo::i18n::set_lang(jatebo::domain::Lang::En);
    let s = jatebo::t!("org-entries", count = 1usize);
    assert_eq!(s, "1 entry");
    let s = jatebo::t!("org-entries", count = 2usize);
    assert_eq!(s, "2 entries");
    jatebo::i18n::set_lang(jatebo::domain::Lang::Fr);
    assert_eq!(jatebo::t!("org-entries", count = 0usize), "0 écriture");
}
