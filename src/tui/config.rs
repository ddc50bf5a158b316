//! The TUI's settings file, `jatebo.conf` in the user's config directory
//! (or the file named by `JATEBO_CONFIG`):
//!
//! ```text
//! theme = high-contrast      # default | high-contrast | mono
//! lock_minutes = 5           # auto-lock after this many idle minutes (1–240)
//! mouse = on                 # on | off
//!
//! [keys]
//! journal = F4, J            # command = keys; or scope.command = keys
//! ```
//!
//! A line that cannot be understood is reported and ignored; the rest still
//! applies.

use std::path::{Path, PathBuf};

use super::keymap::{KeyIssue, Keymap};
use super::theme::ThemeName;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub theme: ThemeName,
    pub lock_minutes: u32,
    pub mouse: bool,
    /// `[keys]` lines, in order.
    pub keys: Vec<(String, String)>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: ThemeName::Default,
            lock_minutes: 5,
            mouse: true,
            keys: Vec::new(),
        }
    }
}

/// Something wrong in the settings file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigIssue {
    /// Line number and the line.
    Unreadable {
        line: usize,
        text: String,
    },
    BadValue {
        line: usize,
        name: String,
        value: String,
    },
    Keys(KeyIssue),
}

pub const LOCK_MINUTES: std::ops::RangeInclusive<u32> = 1..=240;

impl Config {
    pub fn parse(text: &str) -> (Config, Vec<ConfigIssue>) {
        let mut cfg = Config::default();
        let mut issues = Vec::new();
        let mut section = String::new();
        for (i, raw) in text.lines().enumerate() {
            let line_no = i + 1;
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name.trim().to_string();
                if section != "keys" {
                    issues.push(ConfigIssue::Unreadable {
                        line: line_no,
                        text: raw.to_string(),
                    });
                }
                continue;
            }
            let Some((name, value)) = line.split_once('=') else {
                issues.push(ConfigIssue::Unreadable {
                    line: line_no,
                    text: raw.to_string(),
                });
                continue;
            };
            let (name, value) = (name.trim().to_string(), value.trim().to_string());
            let bad = |issues: &mut Vec<ConfigIssue>| {
                issues.push(ConfigIssue::BadValue {
                    line: line_no,
                    name: name.clone(),
                    value: value.clone(),
                })
            };
            match (section.as_str(), name.as_str()) {
                ("keys", _) => cfg.keys.push((name.clone(), value.clone())),
                ("", "theme") => match ThemeName::parse(&value) {
                    Some(t) => cfg.theme = t,
                    None => bad(&mut issues),
                },
                ("", "lock_minutes") => match value.parse::<u32>() {
                    Ok(m) if LOCK_MINUTES.contains(&m) => cfg.lock_minutes = m,
                    _ => bad(&mut issues),
                },
                ("", "mouse") => match value.as_str() {
                    "on" | "true" | "yes" | "oui" => cfg.mouse = true,
                    "off" | "false" | "no" | "non" => cfg.mouse = false,
                    _ => bad(&mut issues),
                },
                _ => issues.push(ConfigIssue::Unreadable {
                    line: line_no,
                    text: raw.to_string(),
                }),
            }
        }
        (cfg, issues)
    }

    /// The keymap with this file's `[keys]` applied, and what went wrong.
    pub fn keymap(&self) -> (Keymap, Vec<KeyIssue>) {
        let mut km = Keymap::default();
        let issues = km.apply(&self.keys);
        (km, issues)
    }
}

/// Where the settings file is: `JATEBO_CONFIG`, else the config directory.
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("JATEBO_CONFIG") {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("ml", "jatebo", "jatebo")
        .map(|d| d.config_dir().join("jatebo.conf"))
}

/// Reads the settings; a missing file is the defaults, an unreadable one is
/// the defaults plus an issue.
pub fn load(path: Option<&Path>) -> (Config, Vec<ConfigIssue>) {
    let Some(path) = path else {
        return (Config::default(), Vec::new());
    };
    match std::fs::read_to_string(path) {
        Ok(text) => Config::parse(&text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(e) => (
            Config::default(),
            vec![ConfigIssue::Unreadable {
                line: 0,
                text: e.to_string(),
            }],
        ),
    }
}

/// A settings problem in the user's language.
pub fn describe(issue: &ConfigIssue) -> String {
    match issue {
        ConfigIssue::Unreadable { line, text } => crate::t!(
            "config-unreadable",
            line = *line as i64,
            text = text.clone()
        ),
        ConfigIssue::BadValue { line, name, value } => crate::t!(
            "config-bad-value",
            line = *line as i64,
            name = name.clone(),
            value = value.clone()
        ),
        ConfigIssue::Keys(k) => describe_key_issue(k),
    }
}

/// A key binding problem in the user's language.
pub fn describe_key_issue(issue: &KeyIssue) -> String {
    match issue {
        KeyIssue::UnknownCommand { name } => crate::t!("keys-unknown-command", name = name.clone()),
        KeyIssue::BadKey { name, key } => {
            crate::t!("keys-bad-key", name = name.clone(), key = key.clone())
        }
        KeyIssue::Conflict { key, first, second } => crate::t!(
            "keys-conflict",
            key = key.clone(),
            first = format!("{}.{}", first.0.code(), first.1.code()),
            second = format!("{}.{}", second.0.code(), second.1.code())
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_settings_and_reports_each_bad_line() {
        let (cfg, issues) = Config::parse(
            "theme = high-contrast\nlock_minutes = 10 # ten\nmouse = off\n\
             nonsense\nlock_minutes = 0\ncolour = red\n[keys]\njournal = F4, J\n",
        );
        assert_eq!(cfg.theme, ThemeName::HighContrast);
        assert_eq!(cfg.lock_minutes, 10);
        assert!(!cfg.mouse);
        assert_eq!(cfg.keys, vec![("journal".into(), "F4, J".into())]);
        assert_eq!(issues.len(), 3, "{issues:?}");
        assert!(matches!(
            &issues[0],
            ConfigIssue::Unreadable { line: 4, .. }
        ));
        assert!(matches!(&issues[1], ConfigIssue::BadValue { line: 5, .. }));
        assert!(matches!(
            &issues[2],
            ConfigIssue::Unreadable { line: 6, .. }
        ));
    }

    #[test]
    fn missing_file_means_defaults() {
        let dir = std::env::temp_dir().join("jatebo-no-such-dir-for-config");
        let (cfg, issues) = load(Some(&dir.join("jatebo.conf")));
        assert_eq!(cfg, Config::default());
        assert!(issues.is_empty());
    }
}
