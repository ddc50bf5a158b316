//! Names and labels as people type them: cleaned before they are stored,
//! folded for searching.
//!
//! Names carry accents (Traoré, Aïcha, Fané) and arrive in either Unicode
//! form depending on the keyboard or the file they come from: `é` as one
//! character (NFC) or as `e` plus a combining accent (NFD). [`clean`] stores
//! them in NFC so that equal names are equal bytes, and refuses characters
//! that are invisible or that would garble a terminal, an export or a
//! report (control characters, bidirectional overrides, zero-width marks).
//! [`fold`] gives the key a search compares: no case, no accents.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::{Message, MsgArg};

/// Why a text was refused. Shown to users through [`Message`] (keys
/// `text-…` in `assets/i18n/*/money.ftl`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextError {
    /// A control character (tab, line break, escape…) inside the text.
    Control,
    /// An invisible character that changes the direction of the text.
    Bidi,
    /// An invisible zero-width character.
    ZeroWidth,
    /// More than `max` characters.
    TooLong { max: usize },
    /// Nothing typed where something is required.
    Empty,
}

impl Message for TextError {
    fn key(&self) -> &'static str {
        match self {
            TextError::Control => "text-control",
            TextError::Bidi => "text-bidi",
            TextError::ZeroWidth => "text-zero-width",
            TextError::TooLong { .. } => "text-too-long",
            TextError::Empty => "text-empty",
        }
    }

    fn args(&self) -> Vec<(&'static str, MsgArg)> {
        match self {
            TextError::TooLong { max } => vec![("max", MsgArg::from(*max))],
            _ => Vec::new(),
        }
    }
}

/// Control characters: C0 (including tab, CR, LF), DEL, C1, and the Unicode
/// line and paragraph separators (U+2028, U+2029), which break a line just
/// as LF does.
fn is_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Bidirectional formatting characters: embeddings and overrides
/// (U+202A–U+202E), isolates (U+2066–U+2069), marks (U+200E, U+200F,
/// U+061C).
fn is_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// Zero-width characters: space, non-joiner, joiner, word joiner, and the
/// zero-width no-break space (U+FEFF, also a byte-order mark).
fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Cleans a one-line text (a name, a label): normalises it to NFC, trims
/// white space at both ends (including no-break spaces, and a tab or line
/// break pasted at an end), and changes nothing else. Refuses control
/// characters, bidirectional controls and zero-width characters anywhere
/// in what remains, more than `max_chars` characters (counted after NFC),
/// and an empty result when `required`.
pub fn clean(input: &str, max_chars: usize, required: bool) -> Result<String, TextError> {
    let normalized: String = input.nfc().collect();
    let trimmed = normalized.trim();
    for c in trimmed.chars() {
        if is_control(c) {
            return Err(TextError::Control);
        }
        if is_bidi(c) {
            return Err(TextError::Bidi);
        }
        if is_zero_width(c) {
            return Err(TextError::ZeroWidth);
        }
    }
    if trimmed.is_empty() {
        return if required {
            Err(TextError::Empty)
        } else {
            Ok(String::new())
        };
    }
    if trimmed.chars().count() > max_chars {
        return Err(TextError::TooLong { max: max_chars });
    }
    Ok(trimmed.to_string())
}

/// The search key of a text: without accents or other combining marks,
/// lowercase, in NFC. "Traoré", "TRAORE", "traore" and "Traore\u{301}" all
/// fold to "traore"; "Aïcha" to "aicha".
///
/// Marks are dropped again after lowercasing, because lowercasing can add
/// one (`İ` becomes `i` + U+0307), so that folding twice gives the same
/// key as folding once.
pub fn fold(s: &str) -> String {
    let unmarked: String = s.nfd().filter(|&c| !is_combining_mark(c)).collect();
    unmarked
        .to_lowercase()
        .nfd()
        .filter(|&c| !is_combining_mark(c))
        .nfc()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const MAX: usize = 80;

    #[test]
    fn keeps_ordinary_names() {
        assert_eq!(
            clean("Aïcha Traoré", MAX, true).as_deref(),
            Ok("Aïcha Traoré")
        );
        assert_eq!(clean("Fané", MAX, true).as_deref(), Ok("Fané"));
        // Inner spacing is not collapsed.
        assert_eq!(
            clean("Coop  Kènèya", MAX, true).as_deref(),
            Ok("Coop  Kènèya")
        );
    }

    #[test]
    fn trims_all_kinds_of_spaces() {
        assert_eq!(clean("  Fané  ", MAX, true).as_deref(), Ok("Fané"));
        assert_eq!(
            clean("\u{00A0}Fané\u{202F}\u{2009}", MAX, true).as_deref(),
            Ok("Fané")
        );
        assert_eq!(clean("Fané\n", MAX, true).as_deref(), Ok("Fané"));
        assert_eq!(clean("\tFané\r\n", MAX, true).as_deref(), Ok("Fané"));
    }

    #[test]
    fn nfd_input_is_stored_as_nfc() {
        let nfd = "Traore\u{301} A\u{308}icha";
        let nfc = "Traor\u{e9} \u{c4}icha";
        assert_ne!(nfd, nfc);
        assert_eq!(clean(nfd, MAX, true), clean(nfc, MAX, true));
        assert_eq!(clean(nfd, MAX, true).as_deref(), Ok(nfc));
    }

    #[test]
    fn length_is_counted_in_characters_after_nfc() {
        // 6 characters in NFC, 7 code points in NFD.
        assert_eq!(clean("Traore\u{301}", 6, true).as_deref(), Ok("Traoré"));
        assert_eq!(clean("Traoré", 5, true), Err(TextError::TooLong { max: 5 }));
        // Accented letters are one character each, not two bytes.
        assert_eq!(clean("éééé", 4, true).as_deref(), Ok("éééé"));
    }

    #[test]
    fn rejects_a_very_long_name() {
        let long = "a".repeat(10_000);
        assert_eq!(
            clean(&long, MAX, true),
            Err(TextError::TooLong { max: MAX })
        );
        assert_eq!(
            TextError::TooLong { max: MAX }.args(),
            vec![("max", MsgArg::Int(80))]
        );
    }

    #[test]
    fn rejects_control_characters_inside() {
        for s in [
            "Aïcha\tTraoré",
            "Aïcha\nTraoré",
            "Aïcha\rTraoré",
            "A\u{0}B",
            "A\u{1B}[31mB",
            "A\u{7F}B",
            "A\u{80}B",
            "A\u{85}B",
            "A\u{9F}B",
            "A\u{2028}B",
            "A\u{2029}B",
        ] {
            assert_eq!(clean(s, MAX, true), Err(TextError::Control), "{s:?}");
        }
    }

    #[test]
    fn rejects_bidi_controls() {
        for c in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
        ] {
            let s = format!("Fan{c}é");
            assert_eq!(clean(&s, MAX, true), Err(TextError::Bidi), "{c:?}");
            // Also at an end: they are not white space, so trimming keeps them.
            let s = format!("Fané{c}");
            assert_eq!(clean(&s, MAX, true), Err(TextError::Bidi), "{c:?}");
        }
    }

    #[test]
    fn rejects_zero_width_characters() {
        for c in ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}'] {
            let s = format!("Tra{c}oré");
            assert_eq!(clean(&s, MAX, true), Err(TextError::ZeroWidth), "{c:?}");
        }
        // A byte-order mark at the start of a pasted line.
        assert_eq!(clean("\u{FEFF}Fané", MAX, true), Err(TextError::ZeroWidth));
    }

    #[test]
    fn empty_only_when_required() {
        for s in ["", "   ", "\u{00A0}\u{202F}", "\n"] {
            assert_eq!(clean(s, MAX, true), Err(TextError::Empty), "{s:?}");
            assert_eq!(clean(s, MAX, false).as_deref(), Ok(""), "{s:?}");
        }
    }

    #[test]
    fn folds_case_and_accents() {
        for s in [
            "Traoré",
            "TRAORE",
            "traore",
            "Traore\u{301}",
            "TRAORÉ",
            "TRAORE\u{301}",
        ] {
            assert_eq!(fold(s), "traore", "{s:?}");
        }
        assert_eq!(fold("Aïcha"), "aicha");
        assert_eq!(fold("AÏCHA"), "aicha");
        assert_eq!(fold("Fané"), "fane");
        assert_eq!(fold("Kènèya Ton"), "keneya ton");
        assert_eq!(fold("İ"), "i");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn messages_exist_in_both_languages() {
        let files = [
            include_str!("../../assets/i18n/fr/money.ftl"),
            include_str!("../../assets/i18n/en/money.ftl"),
        ];
        for e in [
            TextError::Control,
            TextError::Bidi,
            TextError::ZeroWidth,
            TextError::TooLong { max: 1 },
            TextError::Empty,
        ] {
            assert!(e.key().starts_with("text-"));
            for ftl in files {
                let defined = ftl.lines().any(|l| {
                    l.strip_prefix(e.key())
                        .is_some_and(|rest| rest.trim_start().starts_with('='))
                });
                assert!(defined, "{} missing", e.key());
            }
        }
    }

    proptest! {
        #[test]
        fn fold_is_idempotent(s in any::<String>()) {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once);
        }

        #[test]
        fn fold_is_idempotent_on_names(s in "[a-zA-ZéèêëïîôüÉÈÏÎàçñ\u{300}-\u{36F} İ]{0,20}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once.clone());
            prop_assert!(!once.chars().any(is_combining_mark));
        }

        #[test]
        fn fold_ignores_the_normal_form(s in "[a-zA-ZéèêëïîôüÉÈÏÎàç ]{0,20}") {
            let nfd: String = s.nfd().collect();
            prop_assert_eq!(fold(&nfd), fold(&s));
        }

        #[test]
        fn clean_output_never_contains_a_control_char(
            s in prop_oneof![
                any::<String>(),
                "[ a-zé\t\r\n\u{0}\u{1B}\u{7F}\u{85}\u{A0}\u{200B}\u{202E}\u{2066}\u{FEFF}\u{2028}\u{301}]{0,12}",
            ]
        ) {
            if let Ok(out) = clean(&s, 1_000, false) {
                prop_assert!(!out.chars().any(|c| is_control(c) || is_bidi(c) || is_zero_width(c)));
                prop_assert_eq!(out.trim(), out.as_str());
                prop_assert!(out.chars().count() <= 1_000);
            }
        }

        #[test]
        fn clean_is_idempotent(s in any::<String>()) {
            if let Ok(out) = clean(&s, 1_000, false) {
                prop_assert_eq!(clean(&out, 1_000, false), Ok(out.clone()));
            }
        }
    }
}
