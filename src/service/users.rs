//! Users, roles and logins. Passphrases and PINs are kept as argon2id
//! hashes; failed logins are counted in the ledger file per typed name, so a
//! restart does not reset them and the answer never tells which names exist.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use super::{Actor, Books, clean, now};
use crate::domain::Lang;
use crate::domain::access::{
    self, Action, LoginState, Role, after_failure, check_passphrase, check_pin, may_attempt,
};
use crate::domain::text::fold;
use crate::error::{Error, Result};
use crate::store::{OrgRow, Reader, UserRow};

/// An argon2id hash (PHC string) of a secret, with a fresh random salt.
pub fn hash_secret(secret: &str) -> Result<String> {
    // 16 random bytes from the operating system's generator (via uuid v4).
    let salt =
        SaltString::encode_b64(uuid::Uuid::new_v4().as_bytes()).map_err(|e| Error::Database {
            detail: e.to_string(),
        })?;
    Argon2::default()
        .hash_password(secret.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Database {
            detail: e.to_string(),
        })
}

/// Whether `secret` matches `hash`. A malformed hash never matches.
pub fn verify_secret(secret: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(secret.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Checked against when the name is unknown, so that an unknown name takes as
/// long to refuse as a wrong passphrase.
fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| hash_secret("jatebo").unwrap_or_default())
}

fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The one permission check of the service layer: on a ledger that has no
/// user yet everything is allowed (that is how the first administrator is
/// made); otherwise the acting user's roles, read fresh from the file so a
/// role taken away applies at once, must allow the action.
pub fn authorize(r: &Reader<'_>, actor: &Actor, org: Option<i64>, action: Action) -> Result<()> {
    if !r.has_users()? {
        return Ok(());
    }
    let Some(user_id) = actor.user_id else {
        return Err(Error::LoginRequired);
    };
    access::check(&r.grants(user_id)?, org, action).map_err(Error::Access)
}

impl Books {
    pub fn has_users(&self) -> Result<bool> {
        self.store.read().has_users()
    }

    pub fn users(&self) -> Result<Vec<UserRow>> {
        self.store.read().users()
    }

    fn user(&self, name: &str) -> Result<UserRow> {
        self.store
            .read()
            .user_auth(&fold(name.trim()))?
            .map(|a| a.user)
            .ok_or_else(|| Error::UnknownUser {
                name: name.trim().to_string(),
            })
    }

    /// Checks a name and passphrase. Whatever is wrong (unknown name, wrong
    /// passphrase, disabled user, too many attempts) the answer is the same
    /// `LoginRefused`; failures slow further attempts down and lock the name
    /// for a while.
    pub fn login(&mut self, name: &str, passphrase: &str) -> Result<Actor> {
        self.check_secret(name, |auth| verify_secret(passphrase, &auth.pass_hash))
    }

    /// Re-unlocks a locked session with the user's short PIN (never a login).
    pub fn unlock_with_pin(&mut self, actor: &Actor, pin: &str) -> Result<()> {
        self.check_secret(&actor.name, |auth| {
            Some(auth.user.id) == actor.user_id
                && auth
                    .pin_hash
                    .as_deref()
                    .is_some_and(|h| verify_secret(pin, h))
        })
        .map(|_| ())
    }

    fn check_secret(
        &mut self,
        name: &str,
        matches: impl FnOnce(&crate::store::UserAuth) -> bool,
    ) -> Result<Actor> {
        let key = fold(name.trim());
        let now_s = unix_now();
        let state: LoginState = self.store.read().login_state(&key)?;
        if may_attempt(state, now_s).is_err() {
            return Err(Error::LoginRefused);
        }
        let auth = self.store.read().user_auth(&key)?;
        let ok = match &auth {
            Some(a) if !a.user.disabled => matches(a),
            _ => {
                // Same work as a real check, same answer.
                let _ = verify_secret("-", dummy_hash());
                false
            }
        };
        let stamp = now();
        match (ok, auth) {
            (true, Some(a)) => {
                self.store.write(|tx| {
                    tx.clear_login_state(&key)?;
                    tx.audit(&a.user.name, "user.login", "", "", &stamp)
                })?;
                Ok(Actor {
                    name: a.user.name.clone(),
                    user_id: Some(a.user.id),
                })
            }
            _ => {
                let next = after_failure(state, now_s);
                self.store.write(|tx| {
                    tx.save_login_state(&key, next)?;
                    tx.audit(
                        &key,
                        "user.login_failed",
                        "",
                        &next.failures.to_string(),
                        &stamp,
                    )
                })?;
                Err(Error::LoginRefused)
            }
        }
    }

    /// Adds a user. The very first user of a ledger is its administrator (for
    /// every organisation); after that only an administrator adds users.
    pub fn add_user(
        &mut self,
        by: &Actor,
        name: &str,
        passphrase: &str,
        lang: Lang,
    ) -> Result<UserRow> {
        let name = clean("name", name, 100, true)?;
        check_passphrase(passphrase).map_err(Error::Secret)?;
        let hash = hash_secret(passphrase)?;
        let key = fold(&name);
        let stamp = now();
        self.store.write(|tx| {
            let first = !tx.read().has_users()?;
            authorize(&tx.read(), by, None, Action::ManageUsers)?;
            if tx.read().user_auth(&key)?.is_some() {
                return Err(Error::UserExists { name: name.clone() });
            }
            let id = tx.insert_user(&name, &key, &hash, lang.code(), &stamp)?;
            if first {
                tx.set_role(id, None, Some(Role::Admin))?;
            }
            tx.audit(&by.name, "user.add", "", &name, &stamp)
        })?;
        self.user(&name)
    }

    /// Grants `role` to a user in `org` (None: every organisation), or takes
    /// it away (`role` None). At least one administrator for every
    /// organisation always remains.
    pub fn set_role(
        &mut self,
        by: &Actor,
        name: &str,
        org: Option<&OrgRow>,
        role: Option<Role>,
    ) -> Result<UserRow> {
        let user = self.user(name)?;
        let stamp = now();
        let detail = format!(
            "{}: {} = {}",
            user.name,
            org.map(|o| o.code.as_str()).unwrap_or("*"),
            role.map(|r| r.code()).unwrap_or("-")
        );
        self.store.write(|tx| {
            authorize(&tx.read(), by, None, Action::ManageUsers)?;
            tx.set_role(user.id, org.map(|o| o.id), role)?;
            let admins = tx
                .read()
                .users()?
                .into_iter()
                .filter(|u| !u.disabled && u.roles.contains(&("*".to_string(), Role::Admin)))
                .count();
            if admins == 0 {
                return Err(Error::LastAdmin);
            }
            tx.audit(&by.name, "user.role", "", &detail, &stamp)
        })?;
        self.user(name)
    }

    /// Sets a user's passphrase: one's own, or anyone's for an administrator.
    pub fn set_passphrase(&mut self, by: &Actor, name: &str, passphrase: &str) -> Result<()> {
        check_passphrase(passphrase).map_err(Error::Secret)?;
        let user = self.user(name)?;
        let hash = hash_secret(passphrase)?;
        let stamp = now();
        self.store.write(|tx| {
            if by.user_id != Some(user.id) {
                authorize(&tx.read(), by, None, Action::ManageUsers)?;
            }
            tx.set_pass_hash(user.id, &hash)?;
            tx.clear_login_state(&fold(&user.name))?;
            tx.audit(&by.name, "user.passwd", "", &user.name, &stamp)
        })
    }

    /// Sets (or removes) the acting user's own PIN.
    pub fn set_pin(&mut self, by: &Actor, pin: Option<&str>) -> Result<()> {
        let Some(user_id) = by.user_id else {
            return Err(Error::LoginRequired);
        };
        let hash = match pin {
            Some(p) => {
                check_pin(p).map_err(Error::Secret)?;
                Some(hash_secret(p)?)
            }
            None => None,
        };
        let stamp = now();
        self.store.write(|tx| {
            tx.set_pin_hash(user_id, hash.as_deref())?;
            tx.audit(&by.name, "user.pin", "", "", &stamp)
        })
    }
}

impl Books {
    /// The permission check for a screen or a command that holds no write
    /// transaction: `action` on `org` (None: a ledger-wide action).
    pub fn permit(&self, actor: &Actor, org: Option<&OrgRow>, action: Action) -> Result<()> {
        authorize(&self.store.read(), actor, org.map(|o| o.id), action)
    }

    /// Reading the books of every organisation at once (a consolidated
    /// report, `verify` of the whole file, the audit log): `Read` must hold in
    /// each of them, so a treasurer of one cooperative never sees another's
    /// figures through a ledger-wide command.
    pub fn permit_read_all(&self, actor: &Actor) -> Result<()> {
        let r = self.store.read();
        if !r.has_users()? {
            return Ok(());
        }
        let orgs = r.orgs()?;
        if orgs.is_empty() {
            return authorize(&r, actor, None, Action::Read);
        }
        for o in &orgs {
            authorize(&r, actor, Some(o.id), Action::Read)?;
        }
        Ok(())
    }

    /// The organisations whose books `actor` may read (all of them while the
    /// ledger has no user). Refused when there is none, so that an empty list
    /// never passes for "no organisation".
    pub fn readable_orgs(&self, actor: &Actor) -> Result<Vec<OrgRow>> {
        let orgs: Vec<OrgRow> = self
            .org_access(actor)?
            .into_iter()
            .filter(|(_, role)| access::allowed(*role, Action::Read))
            .map(|(o, _)| o)
            .collect();
        if orgs.is_empty() && self.has_users()? && !self.store.read().orgs()?.is_empty() {
            return Err(Error::Access(access::AccessError::Denied {
                action: Action::Read,
                role: None,
            }));
        }
        Ok(orgs)
    }

    /// The organisations a logged-in user may open, with the role there (a
    /// global grant opens them all).
    pub fn org_access(&self, actor: &Actor) -> Result<Vec<(OrgRow, Role)>> {
        let r = self.store.read();
        let orgs = r.orgs()?;
        if !r.has_users()? {
            return Ok(orgs.into_iter().map(|o| (o, Role::Admin)).collect());
        }
        let Some(user_id) = actor.user_id else {
            return Err(Error::LoginRequired);
        };
        let grants = r.grants(user_id)?;
        Ok(orgs
            .into_iter()
            .filter_map(|o| access::effective_role(&grants, Some(o.id)).map(|role| (o, role)))
            .collect())
    }

    /// The user row of a logged-in actor.
    pub fn me(&self, actor: &Actor) -> Result<UserRow> {
        self.user(&actor.name)
    }
}
