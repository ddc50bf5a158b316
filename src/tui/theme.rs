//! Themes name styles by what they mean (a warning, a selected row), not by
//! colour. Meaning never rests on colour alone: every warning, error or
//! selection also has a sign or a word, so the monochrome theme and
//! `NO_COLOR` lose nothing.

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeName {
    Default,
    /// Black on white, strong contrasts: for a screen in daylight.
    HighContrast,
    /// No colour at all: bold, reverse and underline only.
    Mono,
}

impl ThemeName {
    pub fn parse(s: &str) -> Option<ThemeName> {
        match s.trim() {
            "default" => Some(ThemeName::Default),
            "high-contrast" => Some(ThemeName::HighContrast),
            "mono" | "monochrome" => Some(ThemeName::Mono),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        const CODES: [(ThemeName, &str); 3] = [
            (ThemeName::Default, "default"),
            (ThemeName::HighContrast, "high-contrast"),
            (ThemeName::Mono, "mono"),
        ];
        CODES
            .iter()
            .find(|(t, _)| *t == self)
            .map(|(_, s)| *s)
            .unwrap_or("default")
    }
}

/// What a piece of the screen means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Normal,
    Muted,
    Title,
    Border,
    Tab,
    TabActive,
    Selected,
    Key,
    Warn,
    Error,
    Success,
    Input,
    InputFocus,
    /// A sum that should be zero and is not, a refused total.
    Alert,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
}

impl Theme {
    /// The theme asked for, unless `NO_COLOR` is set (then monochrome).
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        Theme {
            name: if no_color { ThemeName::Mono } else { name },
        }
    }

    pub fn style(&self, role: Role) -> Style {
        let s = Style::default();
        let b = Modifier::BOLD;
        match self.name {
            ThemeName::Default => match role {
                Role::Normal => s,
                Role::Muted => s.fg(Color::DarkGray),
                Role::Title => s.fg(Color::Cyan).add_modifier(b),
                Role::Border => s.fg(Color::DarkGray),
                Role::Tab => s.fg(Color::Gray),
                Role::TabActive => s.fg(Color::Black).bg(Color::Cyan).add_modifier(b),
                Role::Selected => s.add_modifier(Modifier::REVERSED),
                Role::Key => s.fg(Color::Yellow).add_modifier(b),
                Role::Warn => s.fg(Color::Yellow).add_modifier(b),
                Role::Error => s.fg(Color::Red).add_modifier(b),
                Role::Success => s.fg(Color::Green).add_modifier(b),
                Role::Input => s.add_modifier(Modifier::UNDERLINED),
                Role::InputFocus => s
                    .fg(Color::Black)
                    .bg(Color::Cyan)
                    .add_modifier(Modifier::UNDERLINED),
                Role::Alert => s.fg(Color::Red).add_modifier(b),
            },
            ThemeName::HighContrast => {
                let base = s.fg(Color::Black).bg(Color::White);
                match role {
                    Role::Normal | Role::Border | Role::Tab => base,
                    Role::Muted => base,
                    Role::Title => base.add_modifier(b | Modifier::UNDERLINED),
                    Role::TabActive | Role::Selected | Role::InputFocus => {
                        s.fg(Color::White).bg(Color::Black).add_modifier(b)
                    }
                    Role::Key => base.add_modifier(b),
                    Role::Warn => base.add_modifier(b),
                    Role::Error | Role::Alert => s.fg(Color::White).bg(Color::Red).add_modifier(b),
                    Role::Success => base.add_modifier(b),
                    Role::Input => base.add_modifier(Modifier::UNDERLINED),
                }
            }
            ThemeName::Mono => match role {
                Role::Normal | Role::Muted | Role::Border | Role::Tab => s,
                Role::Title | Role::Key | Role::Warn | Role::Success => s.add_modifier(b),
                Role::TabActive | Role::Selected | Role::InputFocus => {
                    s.add_modifier(Modifier::REVERSED | b)
                }
                Role::Error | Role::Alert => s.add_modifier(b | Modifier::UNDERLINED),
                Role::Input => s.add_modifier(Modifier::UNDERLINED),
            },
        }
    }

    /// The background of the whole screen.
    pub fn base(&self) -> Style {
        self.style(Role::Normal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_forces_monochrome() {
        let t = Theme::new(ThemeName::Default, true);
        assert_eq!(t.name, ThemeName::Mono);
        for role in [Role::Error, Role::Warn, Role::Selected, Role::TabActive] {
            let st = t.style(role);
            assert_eq!(st.fg, None, "{role:?}");
            assert_eq!(st.bg, None, "{role:?}");
        }
    }

    #[test]
    fn selection_and_errors_stand_out_without_colour_in_every_theme() {
        for name in [ThemeName::Default, ThemeName::HighContrast, ThemeName::Mono] {
            let t = Theme::new(name, false);
            let normal = t.style(Role::Normal);
            for role in [
                Role::Selected,
                Role::Error,
                Role::TabActive,
                Role::InputFocus,
            ] {
                let st = t.style(role);
                assert!(
                    st.add_modifier != normal.add_modifier || st.bg != normal.bg,
                    "{name:?} {role:?} looks like normal text"
                );
            }
        }
    }
}
