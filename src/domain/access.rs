//! Who may do what, and how failed logins slow down and lock. Pure rules:
//! every permission check of the program goes through [`check`].

use serde::{Deserialize, Serialize};

use super::{Message, MsgArg};

/// A user's role, per organisation (or for all of them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Everything, including users and organisations.
    Admin,
    /// A cooperative's books: accounts, entries, closes.
    Treasurer,
    /// A savings group's meetings: members' accounts and entries.
    Facilitator,
    /// Reads everything, writes nothing.
    Auditor,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Admin,
        Role::Treasurer,
        Role::Facilitator,
        Role::Auditor,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Treasurer => "treasurer",
            Role::Facilitator => "facilitator",
            Role::Auditor => "auditor",
        }
    }

    pub fn from_code(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == s.trim())
    }
}

/// Something a user asks to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Read the books of an organisation.
    Read,
    /// Post entries and reversals.
    Post,
    /// Add, rename, close or reopen accounts.
    ManageAccounts,
    /// Close months and years.
    ClosePeriod,
    /// Create organisations (no organisation yet: global).
    ManageOrgs,
    /// Create users, change their roles, reset passphrases.
    ManageUsers,
    /// Copy the whole ledger (every organisation) to a backup file.
    Backup,
    /// Replace the ledger with a backup.
    Restore,
}

impl Action {
    /// The code messages select their wording on.
    pub fn code(self) -> &'static str {
        match self {
            Action::Read => "read",
            Action::Post => "post",
            Action::ManageAccounts => "manage_accounts",
            Action::ClosePeriod => "close_period",
            Action::ManageOrgs => "manage_orgs",
            Action::ManageUsers => "manage_users",
            Action::Backup => "backup",
            Action::Restore => "restore",
        }
    }

    /// Actions that concern the whole ledger rather than one organisation.
    pub fn is_global(self) -> bool {
        matches!(
            self,
            Action::ManageOrgs | Action::ManageUsers | Action::Backup | Action::Restore
        )
    }
}

/// A role granted to a user, for one organisation or (None) all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Grant {
    pub org_id: Option<i64>,
    pub role: Role,
}

/// The matrix. Read it as: who may do this?
pub fn allowed(role: Role, action: Action) -> bool {
    use Action::*;
    match role {
        Role::Admin => true,
        // A backup holds every organisation's books: it needs a role granted
        // for all organisations (Backup is global), whichever role that is.
        Role::Treasurer => matches!(action, Read | Post | ManageAccounts | ClosePeriod | Backup),
        Role::Facilitator => matches!(action, Read | Post | ManageAccounts | Backup),
        Role::Auditor => matches!(action, Read | Backup),
    }
}

/// The role that applies in `org`: the one granted for it, else a role
/// granted for all organisations. Global actions (`org` None) look at
/// all-organisation grants only.
pub fn effective_role(grants: &[Grant], org: Option<i64>) -> Option<Role> {
    if let Some(id) = org
        && let Some(g) = grants.iter().find(|g| g.org_id == Some(id))
    {
        return Some(g.role);
    }
    grants.iter().find(|g| g.org_id.is_none()).map(|g| g.role)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccessError {
    /// The user's role does not allow the action here.
    Denied { action: Action, role: Option<Role> },
}

impl Message for AccessError {
    fn key(&self) -> &'static str {
        match self {
            AccessError::Denied { role: None, .. } => "access-no-role",
            AccessError::Denied { .. } => "access-denied",
        }
    }
    fn args(&self) -> Vec<(&'static str, MsgArg)> {
        match self {
            AccessError::Denied { action, role } => vec![
                ("action", MsgArg::Text(action.code().to_string())),
                (
                    "role",
                    MsgArg::Text(role.map(|r| r.code()).unwrap_or("").to_string()),
                ),
            ],
        }
    }
}

/// The one permission check.
pub fn check(grants: &[Grant], org: Option<i64>, action: Action) -> Result<(), AccessError> {
    let org = if action.is_global() { None } else { org };
    let role = effective_role(grants, org);
    match role {
        Some(r) if allowed(r, action) => Ok(()),
        _ => Err(AccessError::Denied { action, role }),
    }
}

// ---- failed logins ------------------------------------------------------

/// Failed attempts before any delay.
pub const FREE_ATTEMPTS: u32 = 2;
/// Consecutive failures that lock the name for [`LOCK_SECONDS`].
pub const LOCK_AFTER: u32 = 6;
pub const LOCK_SECONDS: i64 = 15 * 60;

/// Failed-login state of one typed name (whether or not such a user exists,
/// so that the answers never tell which names are real).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LoginState {
    pub failures: u32,
    /// Unix seconds of the last failure.
    pub last_failure: i64,
    /// Unix seconds until which attempts are refused.
    pub locked_until: i64,
}

/// Seconds to wait before the next attempt is even looked at: none for the
/// first attempts, then 1, 2, 4, 8… seconds, until the lock.
pub fn delay_seconds(failures: u32) -> i64 {
    if failures <= FREE_ATTEMPTS {
        0
    } else {
        1i64 << (failures - FREE_ATTEMPTS - 1).min(5)
    }
}

/// Whether an attempt may be made at `now`; otherwise how many seconds remain.
pub fn may_attempt(state: LoginState, now: i64) -> Result<(), i64> {
    if now < state.locked_until {
        return Err(state.locked_until - now);
    }
    let ready = state.last_failure + delay_seconds(state.failures);
    if state.failures > 0 && now < ready {
        return Err(ready - now);
    }
    Ok(())
}

/// The state after a failed attempt at `now`.
pub fn after_failure(state: LoginState, now: i64) -> LoginState {
    // A lock that has run out starts a fresh count.
    let failures = if state.locked_until != 0 && now >= state.locked_until {
        1
    } else {
        state.failures + 1
    };
    LoginState {
        failures,
        last_failure: now,
        locked_until: if failures >= LOCK_AFTER {
            now + LOCK_SECONDS
        } else {
            0
        },
    }
}

/// Rules for a passphrase and a PIN.
pub const MIN_PASSPHRASE: usize = 8;
pub const PIN_DIGITS: std::ops::RangeInclusive<usize> = 4..=8;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SecretError {
    PassphraseTooShort,
    BadPin,
}

impl Message for SecretError {
    fn key(&self) -> &'static str {
        match self {
            SecretError::PassphraseTooShort => "secret-passphrase-too-short",
            SecretError::BadPin => "secret-bad-pin",
        }
    }
    fn args(&self) -> Vec<(&'static str, MsgArg)> {
        vec![
            ("min", MIN_PASSPHRASE.into()),
            ("pin_min", (*PIN_DIGITS.start()).into()),
            ("pin_max", (*PIN_DIGITS.end()).into()),
        ]
    }
}

pub fn check_passphrase(p: &str) -> Result<(), SecretError> {
    if p.chars().count() < MIN_PASSPHRASE {
        return Err(SecretError::PassphraseTooShort);
    }
    Ok(())
}

pub fn check_pin(p: &str) -> Result<(), SecretError> {
    if !PIN_DIGITS.contains(&p.len()) || !p.bytes().all(|b| b.is_ascii_digit()) {
        return Err(SecretError::BadPin);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(org: Option<i64>, role: Role) -> Grant {
        Grant { org_id: org, role }
    }

    /// Every role × every action, written out: the matrix a reviewer reads.
    #[test]
    fn the_matrix() {
        use Action::*;
        let table: [(Role, [bool; 6]); 4] = [
            //                    Read  Post  Accts Close Orgs  Users
            (Role::Admin, [true, true, true, true, true, true]),
            (Role::Treasurer, [true, true, true, true, false, false]),
            (Role::Facilitator, [true, true, true, false, false, false]),
            (Role::Auditor, [true, false, false, false, false, false]),
        ];
        let actions = [
            Read,
            Post,
            ManageAccounts,
            ClosePeriod,
            ManageOrgs,
            ManageUsers,
        ];
        for (role, row) in table {
            for (action, want) in actions.iter().zip(row) {
                assert_eq!(allowed(role, *action), want, "{role:?} {action:?}");
            }
        }
    }

    #[test]
    fn roles_are_per_organisation() {
        let grants = [g(Some(1), Role::Treasurer), g(Some(2), Role::Auditor)];
        assert!(check(&grants, Some(1), Action::Post).is_ok());
        assert!(check(&grants, Some(2), Action::Post).is_err());
        assert!(check(&grants, Some(2), Action::Read).is_ok());
        assert!(check(&grants, Some(3), Action::Read).is_err());
        // Global actions need an all-organisation grant.
        assert!(check(&grants, Some(1), Action::ManageUsers).is_err());
        let admin = [g(None, Role::Admin)];
        assert!(check(&admin, Some(7), Action::Post).is_ok());
        assert!(check(&admin, None, Action::ManageUsers).is_ok());
        // An organisation grant overrides an all-organisation one.
        let mixed = [g(None, Role::Treasurer), g(Some(2), Role::Auditor)];
        assert!(check(&mixed, Some(1), Action::Post).is_ok());
        assert!(check(&mixed, Some(2), Action::Post).is_err());
    }

    #[test]
    fn failed_logins_slow_down_then_lock() {
        let mut s = LoginState::default();
        let mut now = 1_000;
        // The first attempts wait for nothing.
        for _ in 0..FREE_ATTEMPTS {
            assert_eq!(may_attempt(s, now), Ok(()));
            s = after_failure(s, now);
        }
        assert_eq!(may_attempt(s, now), Ok(()));
        s = after_failure(s, now);
        assert_eq!(may_attempt(s, now), Err(1));
        now += 1;
        assert_eq!(may_attempt(s, now), Ok(()));
        s = after_failure(s, now);
        assert_eq!(may_attempt(s, now), Err(2));
        now += 2;
        while s.failures < LOCK_AFTER {
            now += delay_seconds(s.failures);
            s = after_failure(s, now);
        }
        assert_eq!(may_attempt(s, now), Err(LOCK_SECONDS));
        assert!(may_attempt(s, now + LOCK_SECONDS - 1).is_err());
        assert_eq!(may_attempt(s, now + LOCK_SECONDS), Ok(()));
        // After the lock, the count starts again.
        let s = after_failure(s, now + LOCK_SECONDS);
        assert_eq!(s.failures, 1);
        assert_eq!(s.locked_until, 0);
    }

    #[test]
    fn secrets() {
        assert!(check_passphrase("1234567").is_err());
        assert!(check_passphrase("kɔrɔ ni dɔgɔ").is_ok());
        assert!(check_pin("1234").is_ok());
        assert!(check_pin("123").is_err());
        assert!(check_pin("12a4").is_err());
        assert!(check_pin("123456789").is_err());
    }
}
