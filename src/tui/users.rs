//! The users screen's dialogs: add a user, change a role, set a passphrase,
//! set one's own PIN. Pure: a dialog turns keys into an effect.

use crossterm::event::{KeyCode, KeyEvent};

use super::app::Effect;
use super::input::Input;
use super::keymap::Cmd;
use crate::domain::Lang;
use crate::domain::access::{Role, check_passphrase, check_pin};
use crate::i18n::tr;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Add,
    Role { name: String },
    Passphrase { name: String },
    Pin,
}

/// A field: typed text, or a choice among (code, label) pairs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub label: &'static str,
    pub input: Input,
    pub choices: Vec<(String, String)>,
    pub pick: usize,
}

impl Field {
    fn text(label: &'static str, max: usize) -> Field {
        Field {
            label,
            input: Input::new(max),
            choices: vec![],
            pick: 0,
        }
    }

    fn secret(label: &'static str, max: usize) -> Field {
        Field {
            label,
            input: Input::secret(max),
            choices: vec![],
            pick: 0,
        }
    }

    fn choice(label: &'static str, choices: Vec<(String, String)>) -> Field {
        Field {
            label,
            input: Input::default(),
            choices,
            pick: 0,
        }
    }

    pub fn is_choice(&self) -> bool {
        !self.choices.is_empty()
    }

    fn code(&self) -> &str {
        self.choices
            .get(self.pick)
            .map(|(c, _)| c.as_str())
            .unwrap_or("")
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserForm {
    pub kind: Kind,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<String>,
}

/// What a key did to the dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Keep,
    Cancel,
    Submit(Effect),
}

fn roles(with_remove: bool) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = Role::ALL
        .iter()
        .map(|r| (r.code().to_string(), tr(&format!("role-{}", r.code()))))
        .collect();
    if with_remove {
        v.push(("-".into(), tr("users-role-remove")));
    }
    v
}

fn scopes(orgs: &[(String, String)]) -> Vec<(String, String)> {
    let mut v = vec![("*".to_string(), tr("users-all-orgs"))];
    v.extend(orgs.iter().cloned());
    v
}

impl UserForm {
    /// `orgs`: (code, name) of the organisations roles can be given in.
    pub fn add(orgs: &[(String, String)]) -> UserForm {
        let mut role = Field::choice("users-field-role", roles(false));
        role.pick = 1; // treasurer: the usual new user
        UserForm {
            kind: Kind::Add,
            fields: vec![
                Field::text("users-field-name", 100),
                Field::secret("users-field-passphrase", 200),
                Field::secret("users-field-confirm", 200),
                Field::choice(
                    "users-field-lang",
                    vec![
                        ("fr".into(), crate::i18n::tr_in(Lang::Fr, "lang-name")),
                        ("en".into(), crate::i18n::tr_in(Lang::En, "lang-name")),
                    ],
                ),
                role,
                Field::choice("users-field-org", scopes(orgs)),
            ],
            focus: 0,
            error: None,
        }
    }

    pub fn role(name: &str, orgs: &[(String, String)]) -> UserForm {
        UserForm {
            kind: Kind::Role { name: name.into() },
            fields: vec![
                Field::choice("users-field-role", roles(true)),
                Field::choice("users-field-org", scopes(orgs)),
            ],
            focus: 0,
            error: None,
        }
    }

    pub fn passphrase(name: &str) -> UserForm {
        UserForm {
            kind: Kind::Passphrase { name: name.into() },
            fields: vec![
                Field::secret("users-field-passphrase", 200),
                Field::secret("users-field-confirm", 200),
            ],
            focus: 0,
            error: None,
        }
    }

    pub fn pin() -> UserForm {
        UserForm {
            kind: Kind::Pin,
            fields: vec![
                Field::secret("users-field-pin", 8),
                Field::secret("users-field-confirm", 8),
            ],
            focus: 0,
            error: None,
        }
    }

    pub fn title(&self) -> String {
        match &self.kind {
            Kind::Add => tr("users-add-title"),
            Kind::Role { name } => crate::t!("users-role-title", name = name.clone()),
            Kind::Passphrase { name } => crate::t!("users-passphrase-title", name = name.clone()),
            Kind::Pin => tr("users-pin-title"),
        }
    }

    /// Handles a key (`cmd` is what the dialog scope made of it).
    pub fn key(&mut self, cmd: Option<Cmd>, key: &KeyEvent) -> Outcome {
        let n = self.fields.len();
        match cmd {
            Some(Cmd::Back) => return Outcome::Cancel,
            Some(Cmd::NextField | Cmd::Down) => self.focus = (self.focus + 1) % n,
            Some(Cmd::PrevField | Cmd::Up) => self.focus = (self.focus + n - 1) % n,
            Some(Cmd::Confirm) => {
                if self.focus + 1 < n && !matches!(key.code, KeyCode::F(_)) {
                    self.focus += 1;
                    return Outcome::Keep;
                }
                return match self.submit() {
                    Ok(e) => Outcome::Submit(e),
                    Err(msg) => {
                        self.error = Some(msg);
                        Outcome::Keep
                    }
                };
            }
            _ => {
                let f = &mut self.fields[self.focus];
                if f.is_choice() {
                    let len = f.choices.len();
                    match key.code {
                        KeyCode::Left => f.pick = (f.pick + len - 1) % len,
                        KeyCode::Right | KeyCode::Char(' ') => f.pick = (f.pick + 1) % len,
                        _ => {}
                    }
                } else {
                    f.input.handle(key);
                }
                self.error = None;
            }
        }
        Outcome::Keep
    }

    fn value(&self, i: usize) -> &str {
        &self.fields[i].input.value
    }

    fn pair(&mut self, a: usize, b: usize) -> Result<String, String> {
        if self.value(a) != self.value(b) {
            self.fields[b].input.clear();
            self.focus = b;
            return Err(tr("wizard-pass-mismatch"));
        }
        Ok(self.value(a).to_string())
    }

    fn submit(&mut self) -> Result<Effect, String> {
        let org = |f: &Field| (f.code() != "*").then(|| f.code().to_string());
        match self.kind.clone() {
            Kind::Add => {
                let name = self.value(0).trim().to_string();
                if name.is_empty() {
                    self.focus = 0;
                    return Err(tr("wizard-name-required"));
                }
                if let Err(e) = check_passphrase(self.value(1)) {
                    self.focus = 1;
                    return Err(crate::i18n::message(&e));
                }
                let pass = self.pair(1, 2)?;
                let lang = Lang::from_tag(self.fields[3].code()).unwrap_or(Lang::Fr);
                let role = Role::from_code(self.fields[4].code()).unwrap_or(Role::Auditor);
                Ok(Effect::AddUser {
                    name,
                    pass,
                    lang,
                    role,
                    org: org(&self.fields[5]),
                })
            }
            Kind::Role { name } => Ok(Effect::SetRole {
                name,
                role: Role::from_code(self.fields[0].code()),
                org: org(&self.fields[1]),
            }),
            Kind::Passphrase { name } => {
                if let Err(e) = check_passphrase(self.value(0)) {
                    self.focus = 0;
                    return Err(crate::i18n::message(&e));
                }
                let pass = self.pair(0, 1)?;
                Ok(Effect::SetPassphrase { name, pass })
            }
            Kind::Pin => {
                let pin = self.pair(0, 1)?;
                if pin.is_empty() {
                    return Ok(Effect::SetPin { pin: None });
                }
                if let Err(e) = check_pin(&pin) {
                    self.focus = 0;
                    return Err(crate::i18n::message(&e));
                }
                Ok(Effect::SetPin { pin: Some(pin) })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn typed(f: &mut UserForm, s: &str) {
        for c in s.chars() {
            f.key(None, &k(KeyCode::Char(c)));
        }
    }

    #[test]
    fn add_user_checks_the_passphrase_and_picks_role_and_organisation() {
        let orgs = vec![("savon".to_string(), "Savonnières".to_string())];
        let mut f = UserForm::add(&orgs);
        typed(&mut f, "Kadiatou Coulibaly");
        f.key(Some(Cmd::NextField), &k(KeyCode::Tab));
        typed(&mut f, "court");
        f.focus = 5;
        let enter = k(KeyCode::Enter);
        assert_eq!(f.key(Some(Cmd::Confirm), &enter), Outcome::Keep);
        assert!(f.error.is_some());
        assert_eq!(f.focus, 1);
        f.fields[1].input.set("assez longue");
        f.fields[2].input.set("assez longue");
        f.focus = 4;
        f.key(None, &k(KeyCode::Right)); // facilitator
        f.focus = 5;
        f.key(None, &k(KeyCode::Right)); // savon
        let out = f.key(Some(Cmd::Confirm), &enter);
        assert_eq!(
            out,
            Outcome::Submit(Effect::AddUser {
                name: "Kadiatou Coulibaly".into(),
                pass: "assez longue".into(),
                lang: Lang::Fr,
                role: Role::Facilitator,
                org: Some("savon".into()),
            })
        );
    }

    #[test]
    fn pin_must_be_confirmed_and_empty_removes_it() {
        let mut f = UserForm::pin();
        typed(&mut f, "1234");
        f.focus = 1;
        typed(&mut f, "1243");
        let enter = k(KeyCode::Enter);
        assert_eq!(f.key(Some(Cmd::Confirm), &enter), Outcome::Keep);
        assert!(f.fields[1].input.value.is_empty());
        typed(&mut f, "1234");
        assert_eq!(
            f.key(Some(Cmd::Confirm), &enter),
            Outcome::Submit(Effect::SetPin {
                pin: Some("1234".into())
            })
        );
        let mut f = UserForm::pin();
        f.focus = 1;
        assert_eq!(
            f.key(Some(Cmd::Confirm), &enter),
            Outcome::Submit(Effect::SetPin { pin: None })
        );
    }

    #[test]
    fn role_can_be_removed() {
        let mut f = UserForm::role("Awa", &[]);
        f.key(None, &k(KeyCode::Left)); // wraps to "remove"
        f.focus = 1;
        assert_eq!(
            f.key(Some(Cmd::Confirm), &k(KeyCode::Enter)),
            Outcome::Submit(Effect::SetRole {
                name: "Awa".into(),
                role: None,
                org: None
            })
        );
    }
}
