//! Small editing pieces: a one-line text field and a list cursor.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A one-line text field. The cursor counts characters, not bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Input {
    pub value: String,
    pub cursor: usize,
    /// Shown as dots (passphrases, PINs).
    pub secret: bool,
    /// Longest accepted value, in characters.
    pub max: usize,
    /// A value offered, not typed: the first character typed replaces it
    /// (as if it were selected); moving the cursor keeps it.
    pub offered: bool,
}

impl Input {
    pub fn new(max: usize) -> Input {
        Input {
            max,
            ..Default::default()
        }
    }

    pub fn secret(max: usize) -> Input {
        Input {
            secret: true,
            max,
            ..Default::default()
        }
    }

    pub fn with(value: &str, max: usize) -> Input {
        Input {
            value: value.to_string(),
            cursor: value.chars().count(),
            secret: false,
            max,
            offered: false,
        }
    }

    /// A value offered (the list price, what a customer owes): typing
    /// replaces it, the arrows keep it to edit.
    pub fn offer(value: &str, max: usize) -> Input {
        Input {
            offered: true,
            ..Input::with(value, max)
        }
    }

    pub fn set(&mut self, value: &str) {
        self.value = value.to_string();
        self.cursor = value.chars().count();
        self.offered = false;
    }

    pub fn clear(&mut self) {
        self.value.clear();
        self.cursor = 0;
        self.offered = false;
    }

    pub fn is_empty(&self) -> bool {
        self.value.trim().is_empty()
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.value
            .char_indices()
            .nth(chars)
            .map(|(i, _)| i)
            .unwrap_or(self.value.len())
    }

    /// Handles an editing key; returns whether it was one.
    pub fn handle(&mut self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if self.offered {
            self.offered = false;
            let plain_char = matches!(key.code, KeyCode::Char(_))
                && !ctrl
                && !key.modifiers.contains(KeyModifiers::ALT);
            if plain_char || matches!(key.code, KeyCode::Backspace | KeyCode::Delete) {
                self.clear();
                if !plain_char {
                    return true;
                }
            }
        }
        let len = self.value.chars().count();
        match key.code {
            KeyCode::Char('u') if ctrl => self.clear(),
            KeyCode::Char(_) if ctrl || key.modifiers.contains(KeyModifiers::ALT) => return false,
            KeyCode::Char(c) => {
                if c.is_control() || len >= self.max.max(1) {
                    return true;
                }
                let at = self.byte_at(self.cursor);
                self.value.insert(at, c);
                self.cursor += 1;
            }
            KeyCode::Backspace => {
                if self.cursor > 0 {
                    let at = self.byte_at(self.cursor - 1);
                    self.value.remove(at);
                    self.cursor -= 1;
                }
            }
            KeyCode::Delete => {
                if self.cursor < len {
                    let at = self.byte_at(self.cursor);
                    self.value.remove(at);
                }
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(len),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = len,
            _ => return false,
        }
        true
    }

    /// What is drawn: the value, or dots for a secret.
    pub fn shown(&self) -> String {
        if self.secret {
            "•".repeat(self.value.chars().count())
        } else {
            self.value.clone()
        }
    }

    /// What fits in a field `width` columns wide, scrolled sideways so the
    /// cursor stays visible, padded to the width; and the cursor's column
    /// in it.
    pub fn window(&self, width: usize) -> (String, u16) {
        use unicode_width::UnicodeWidthChar;
        let width = width.max(1);
        let shown: Vec<char> = self.shown().chars().collect();
        let cursor = self.cursor.min(shown.len());
        let col = |from: usize, to: usize| -> usize {
            shown[from..to].iter().map(|c| c.width().unwrap_or(0)).sum()
        };
        // Scroll only as far as needed for the cursor to be in the field.
        let mut start = 0;
        while col(start, cursor) >= width && start < cursor {
            start += 1;
        }
        let mut out = String::new();
        let mut used = 0;
        for c in &shown[start..] {
            let w = c.width().unwrap_or(0);
            if used + w > width {
                break;
            }
            out.push(*c);
            used += w;
        }
        out.push_str(&" ".repeat(width - used));
        (out, col(start, cursor) as u16)
    }
}

/// A cursor over a list of `len` rows shown `height` at a time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListNav {
    pub cursor: usize,
    pub offset: usize,
}

impl ListNav {
    pub fn clamp(&mut self, len: usize, height: usize) {
        let height = height.max(1);
        if len == 0 {
            *self = ListNav::default();
            return;
        }
        self.cursor = self.cursor.min(len - 1);
        if self.cursor < self.offset {
            self.offset = self.cursor;
        }
        if self.cursor >= self.offset + height {
            self.offset = self.cursor + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }

    pub fn move_by(&mut self, delta: isize, len: usize, height: usize) {
        let c = self.cursor as isize + delta;
        self.cursor = c.clamp(0, len.saturating_sub(1) as isize) as usize;
        self.clamp(len, height);
    }

    pub fn first(&mut self, len: usize, height: usize) {
        self.cursor = 0;
        self.clamp(len, height);
    }

    pub fn last(&mut self, len: usize, height: usize) {
        self.cursor = len.saturating_sub(1);
        self.clamp(len, height);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn edits_accented_text_by_character() {
        let mut i = Input::new(20);
        for c in "Traore".chars() {
            i.handle(&k(KeyCode::Char(c)));
        }
        i.handle(&k(KeyCode::Backspace));
        i.handle(&k(KeyCode::Char('é')));
        assert_eq!(i.value, "Traoré");
        i.handle(&k(KeyCode::Home));
        i.handle(&k(KeyCode::Delete));
        i.handle(&k(KeyCode::End));
        i.handle(&k(KeyCode::Left));
        i.handle(&k(KeyCode::Char('x')));
        assert_eq!(i.value, "raorxé");
        assert_eq!(i.cursor, 5);
    }

    #[test]
    fn an_offered_value_is_replaced_by_typing_and_kept_by_the_arrows() {
        let mut i = Input::offer("1 000", 16);
        i.handle(&k(KeyCode::Char('9')));
        assert_eq!(i.value, "9");
        let mut i = Input::offer("1 000", 16);
        i.handle(&k(KeyCode::End));
        i.handle(&k(KeyCode::Char('0')));
        assert_eq!(i.value, "1 0000");
        let mut i = Input::offer("21/11/2026", 10);
        i.handle(&k(KeyCode::Backspace));
        assert_eq!(i.value, "");
    }

    #[test]
    fn respects_the_length_limit_and_hides_secrets() {
        let mut i = Input::secret(4);
        for c in "123456".chars() {
            i.handle(&k(KeyCode::Char(c)));
        }
        assert_eq!(i.value, "1234");
        assert_eq!(i.shown(), "••••");
        assert!(!i.handle(&KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)));
    }

    #[test]
    fn a_long_value_scrolls_so_the_cursor_stays_visible() {
        let mut i = Input::new(100);
        i.set("Coopérative des teinturières de Ségou");
        let (text, col) = i.window(10);
        assert_eq!(text, " de Ségou ", "the end, and a cell for the cursor");
        assert_eq!(col, 9);
        i.handle(&k(KeyCode::Home));
        let (text, col) = i.window(10);
        assert_eq!(text, "Coopérativ");
        assert_eq!(col, 0);
        let short = Input::with("abc", 10);
        assert_eq!(short.window(6), ("abc   ".to_string(), 3));
    }

    #[test]
    fn list_cursor_stays_in_view() {
        let mut n = ListNav::default();
        n.move_by(15, 100, 10);
        assert_eq!((n.cursor, n.offset), (15, 6));
        n.move_by(-12, 100, 10);
        assert_eq!((n.cursor, n.offset), (3, 3));
        n.last(100, 10);
        assert_eq!((n.cursor, n.offset), (99, 90));
        n.clamp(5, 10);
        assert_eq!((n.cursor, n.offset), (4, 0));
        n.clamp(0, 10);
        assert_eq!(n, ListNav::default());
    }
}
