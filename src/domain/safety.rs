//! Rules that keep a ledger file safe outside the database itself: the last
//! known chain heads (kept in a sidecar file, in every backup and export) and
//! what a ledger that is behind them means, which automatic backups to keep,
//! and which places are risky for a ledger file. No IO here: the store reads
//! the files, the mounts and the clock, and asks these functions.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// Format tag of the heads file, checked when it is read back.
pub const HEADS_FORMAT: &str = "jatebo-heads-1";

/// The tip of one organisation's hash chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgHead {
    /// Hash of the organisation's genesis: who the chain belongs to.
    pub genesis: String,
    /// Number of entries in the chain (the position of the last one).
    pub chain_no: i64,
    /// Hash of the last entry (the genesis hash when there is none).
    pub hash: String,
}

/// The tips of every chain of a ledger: each organisation's, and the audit
/// log's. This is what the sidecar file, a backup and an export record.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heads {
    /// By organisation code.
    pub orgs: BTreeMap<String, OrgHead>,
    /// Records in the audit log and the hash of the last one.
    pub audit_count: i64,
    pub audit_hash: String,
}

/// The heads file as written beside the ledger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeadsFile {
    pub format: String,
    /// When it was written (local time, `YYYY-MM-DDTHH:MM:SS`).
    pub written_at: String,
    pub heads: Heads,
}

/// What a comparison of a ledger with heads recorded earlier found. Any of
/// these means the file is not the one the heads were taken from, or has
/// been put back to an earlier state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HeadFinding {
    /// An organisation known before is not in the ledger any more.
    OrgMissing { org: String },
    /// The organisation has another genesis: another ledger's books.
    OtherGenesis { org: String },
    /// Fewer entries than known: entries were removed (rolled back or
    /// truncated).
    Behind { org: String, known: i64, found: i64 },
    /// The entry at the known position has another hash: the chain was
    /// rewritten or forked since.
    Rewritten { org: String, chain_no: i64 },
    /// The audit log is shorter than known.
    AuditBehind { known: i64, found: i64 },
    /// The audit record at the known position has another hash.
    AuditRewritten { position: i64 },
}

impl super::Message for HeadFinding {
    fn key(&self) -> &'static str {
        match self {
            HeadFinding::OrgMissing { .. } => "head-org-missing",
            HeadFinding::OtherGenesis { .. } => "head-other-genesis",
            HeadFinding::Behind { .. } => "head-behind",
            HeadFinding::Rewritten { .. } => "head-rewritten",
            HeadFinding::AuditBehind { .. } => "head-audit-behind",
            HeadFinding::AuditRewritten { .. } => "head-audit-rewritten",
        }
    }

    fn args(&self) -> Vec<(&'static str, super::MsgArg)> {
        use super::MsgArg::{Int, Text};
        match self {
            HeadFinding::OrgMissing { org } | HeadFinding::OtherGenesis { org } => {
                vec![("org", Text(org.clone()))]
            }
            HeadFinding::Behind { org, known, found } => vec![
                ("org", Text(org.clone())),
                ("known", Int(*known)),
                ("found", Int(*found)),
                ("missing", Int(known - found)),
            ],
            HeadFinding::Rewritten { org, chain_no } => {
                vec![("org", Text(org.clone())), ("position", Int(*chain_no))]
            }
            HeadFinding::AuditBehind { known, found } => {
                vec![("known", Int(*known)), ("found", Int(*found))]
            }
            HeadFinding::AuditRewritten { position } => vec![("position", Int(*position))],
        }
    }
}

/// Compares the current heads of a ledger with heads known from earlier.
/// `entry_hash(org, n)` gives the hash of the organisation's entry at chain
/// position `n` in the ledger now, `audit_hash(n)` that of audit record `n`
/// (None when there is no such entry). A ledger that has grown since is
/// fine as long as what was known is still there unchanged.
pub fn compare_heads(
    known: &Heads,
    now: &Heads,
    entry_hash: impl Fn(&str, i64) -> Option<String>,
    audit_hash: impl Fn(i64) -> Option<String>,
) -> Vec<HeadFinding> {
    let mut found = Vec::new();
    for (code, k) in &known.orgs {
        let Some(n) = now.orgs.get(code) else {
            found.push(HeadFinding::OrgMissing { org: code.clone() });
            continue;
        };
        if n.genesis != k.genesis {
            found.push(HeadFinding::OtherGenesis { org: code.clone() });
        } else if n.chain_no < k.chain_no {
            found.push(HeadFinding::Behind {
                org: code.clone(),
                known: k.chain_no,
                found: n.chain_no,
            });
        } else if k.chain_no > 0
            && (if n.chain_no == k.chain_no {
                n.hash != k.hash
            } else {
                entry_hash(code, k.chain_no).as_deref() != Some(k.hash.as_str())
            })
        {
            found.push(HeadFinding::Rewritten {
                org: code.clone(),
                chain_no: k.chain_no,
            });
        }
    }
    if now.audit_count < known.audit_count {
        found.push(HeadFinding::AuditBehind {
            known: known.audit_count,
            found: now.audit_count,
        });
    } else if known.audit_count > 0
        && (if now.audit_count == known.audit_count {
            now.audit_hash != known.audit_hash
        } else {
            audit_hash(known.audit_count).as_deref() != Some(known.audit_hash.as_str())
        })
    {
        found.push(HeadFinding::AuditRewritten {
            position: known.audit_count,
        });
    }
    found
}

/// Whether a ledger with heads `theirs` holds the books of the same ledger
/// as `ours`: every organisation they share has the same genesis, and they
/// share at least one (an empty ledger accepts anything).
pub fn same_books(ours: &Heads, theirs: &Heads) -> bool {
    if ours.orgs.is_empty() {
        return true;
    }
    let mut shared = 0;
    for (code, o) in &ours.orgs {
        if let Some(t) = theirs.orgs.get(code) {
            if t.genesis != o.genesis {
                return false;
            }
            shared += 1;
        }
    }
    shared > 0
}

/// Why a backup or a restore was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SafetyError {
    /// The backup file fails its checks (integrity, chain, totals).
    BackupDamaged {
        path: String,
        problems: usize,
        first: String,
    },
    /// The backup holds other books than this ledger's.
    BackupForeign { path: String },
    /// A file is already there; nothing is overwritten.
    Exists { path: String },
    /// Restoring would lose entries or replace the ledger: `--yes` confirms.
    RestoreNeedsConfirm,
    /// The file to restore is the ledger itself.
    RestoreSelf,
    /// Another process (a jatebo in another window or session) has the
    /// ledger open: it cannot be replaced under it.
    LedgerInUse { path: String },
}

impl super::Message for SafetyError {
    fn key(&self) -> &'static str {
        match self {
            SafetyError::BackupDamaged { .. } => "safety-backup-damaged",
            SafetyError::BackupForeign { .. } => "safety-backup-foreign",
            SafetyError::Exists { .. } => "safety-exists",
            SafetyError::RestoreNeedsConfirm => "safety-restore-confirm",
            SafetyError::RestoreSelf => "safety-restore-self",
            SafetyError::LedgerInUse { .. } => "safety-ledger-in-use",
        }
    }

    fn args(&self) -> Vec<(&'static str, super::MsgArg)> {
        use super::MsgArg::{Int, Text};
        match self {
            SafetyError::BackupDamaged {
                path,
                problems,
                first,
            } => vec![
                ("path", Text(path.clone())),
                ("problems", Int(*problems as i64)),
                ("first", Text(first.clone())),
            ],
            SafetyError::BackupForeign { path }
            | SafetyError::Exists { path }
            | SafetyError::LedgerInUse { path } => {
                vec![("path", Text(path.clone()))]
            }
            SafetyError::RestoreNeedsConfirm | SafetyError::RestoreSelf => vec![],
        }
    }
}

// ---- automatic backups ----------------------------------------------------

/// Automatic backups always kept, newest first.
pub const KEEP_NEWEST: usize = 10;
/// Beyond those, the newest backup of each of this many last days is kept.
pub const KEEP_DAYS: i64 = 30;

/// Which automatic backups to delete: all but the [`KEEP_NEWEST`] newest and
/// the newest of each day of the last [`KEEP_DAYS`] days (counted back from
/// `today`). Takes each backup's time; returns the indexes to delete.
/// Backups made by hand are never passed here.
pub fn backups_to_prune(times: &[NaiveDateTime], today: NaiveDate) -> Vec<usize> {
    let mut order: Vec<usize> = (0..times.len()).collect();
    order.sort_by(|&a, &b| times[b].cmp(&times[a]).then(b.cmp(&a)));
    let mut keep = vec![false; times.len()];
    for &i in order.iter().take(KEEP_NEWEST) {
        keep[i] = true;
    }
    let mut days_seen = std::collections::BTreeSet::new();
    for &i in &order {
        let day = times[i].date();
        let age = (today - day).num_days();
        if (0..KEEP_DAYS).contains(&age) && days_seen.insert(day) {
            keep[i] = true;
        }
    }
    let mut out: Vec<usize> = (0..times.len()).filter(|&i| !keep[i]).collect();
    out.sort_unstable();
    out
}

/// Whether a daily backup is due: none yet, or the newest is from an
/// earlier day than `now`, or (clock set back) from a later one.
pub fn daily_backup_due(newest: Option<NaiveDateTime>, now: NaiveDateTime) -> bool {
    newest.is_none_or(|t| t.date() != now.date())
}

// ---- where the file lives -------------------------------------------------

/// A mounted filesystem, as `/proc/mounts` lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mount {
    pub point: String,
    pub fs_type: String,
}

/// Why a place is risky for a ledger file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PlaceWarning {
    /// A USB stick or card: pulled out during a write, the file is damaged.
    Removable { mount: String, fs_type: String },
    /// A network share: file locking is unreliable, two laptops corrupt it.
    Network { mount: String, fs_type: String },
    /// A folder a sync service copies: it may copy a half-written file or
    /// bring back an old one.
    Synced { service: String },
}

impl PlaceWarning {
    pub fn key(&self) -> &'static str {
        match self {
            PlaceWarning::Removable { .. } => "place-removable",
            PlaceWarning::Network { .. } => "place-network",
            PlaceWarning::Synced { .. } => "place-synced",
        }
    }
}

const NETWORK_FS: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "sshfs",
    "fuse.sshfs",
    "9p",
    "afs",
    "davfs",
    "fuse.davfs",
    "fuse.rclone",
    "ncpfs",
    "glusterfs",
    "ceph",
];
/// Filesystems found on sticks and cards rather than on a laptop's disk.
const REMOVABLE_FS: &[&str] = &[
    "vfat", "exfat", "msdos", "fuseblk", "ntfs", "ntfs3", "iso9660", "udf",
];
const REMOVABLE_ROOTS: &[&str] = &["/media/", "/run/media/", "/mnt/"];
/// Folder names of sync services, as they appear in a path.
const SYNCED: &[(&str, &str)] = &[
    ("dropbox", "Dropbox"),
    ("onedrive", "OneDrive"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("mydrive", "Google Drive"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
    ("icloud", "iCloud"),
    ("mega", "MEGA"),
    ("pcloud", "pCloud"),
    ("syncthing", "Syncthing"),
    ("seafile", "Seafile"),
    ("box sync", "Box"),
];

/// What is risky about keeping a ledger at `path` (absolute, with symbolic
/// links resolved), given the mounted filesystems and the names of the
/// folders above it that contain a Syncthing marker (`.stfolder`).
pub fn place_warnings(path: &str, mounts: &[Mount], syncthing_marker: bool) -> Vec<PlaceWarning> {
    let mut out = Vec::new();
    // The mount the path lives on: the longest mount point that prefixes it.
    let mount = mounts
        .iter()
        .filter(|m| {
            m.point == "/"
                || path == m.point
                || path.starts_with(&format!("{}/", m.point.trim_end_matches('/')))
        })
        .max_by_key(|m| m.point.len());
    if let Some(m) = mount {
        let fs = m.fs_type.to_ascii_lowercase();
        if NETWORK_FS.contains(&fs.as_str()) || fs.starts_with("nfs") || fs.starts_with("smb") {
            out.push(PlaceWarning::Network {
                mount: m.point.clone(),
                fs_type: m.fs_type.clone(),
            });
        } else if m.point != "/"
            && (REMOVABLE_FS.contains(&fs.as_str())
                || REMOVABLE_ROOTS
                    .iter()
                    .any(|r| format!("{}/", m.point).starts_with(r)))
        {
            out.push(PlaceWarning::Removable {
                mount: m.point.clone(),
                fs_type: m.fs_type.clone(),
            });
        }
    }
    let lower = path.to_lowercase();
    let service = lower
        .split('/')
        .find_map(|part| {
            SYNCED
                .iter()
                .find(|(name, _)| part == *name || part.starts_with(&format!("{name} ")))
                .map(|(_, s)| (*s).to_string())
        })
        .or_else(|| syncthing_marker.then(|| "Syncthing".to_string()));
    if let Some(service) = service {
        out.push(PlaceWarning::Synced { service });
    }
    out
}

/// Parses `/proc/mounts` (octal escapes such as `\040` for a space are
/// decoded).
pub fn parse_mounts(text: &str) -> Vec<Mount> {
    fn unescape(s: &str) -> String {
        let b = s.as_bytes();
        let mut out = Vec::with_capacity(b.len());
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'\\'
                && i + 3 < b.len()
                && b[i + 1..i + 4].iter().all(|c| (b'0'..=b'7').contains(c))
            {
                let v = (b[i + 1] - b'0') * 64 + (b[i + 2] - b'0') * 8 + (b[i + 3] - b'0');
                out.push(v);
                i += 4;
            } else {
                out.push(b[i]);
                i += 1;
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    }
    text.lines()
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            let _dev = f.next()?;
            let point = unescape(f.next()?);
            let fs_type = f.next()?.to_string();
            Some(Mount { point, fs_type })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(genesis: &str, n: i64, hash: &str) -> OrgHead {
        OrgHead {
            genesis: genesis.into(),
            chain_no: n,
            hash: hash.into(),
        }
    }

    fn heads(orgs: &[(&str, OrgHead)], audit: (i64, &str)) -> Heads {
        Heads {
            orgs: orgs
                .iter()
                .map(|(c, h)| (c.to_string(), h.clone()))
                .collect(),
            audit_count: audit.0,
            audit_hash: audit.1.into(),
        }
    }

    #[test]
    fn a_ledger_that_grew_with_the_known_tip_unchanged_is_fine() {
        let known = heads(&[("savon", head("g", 10, "h10"))], (3, "a3"));
        let now = heads(&[("savon", head("g", 12, "h12"))], (5, "a5"));
        let f = compare_heads(
            &known,
            &now,
            |o, n| (o == "savon" && n == 10).then(|| "h10".to_string()),
            |n| (n == 3).then(|| "a3".to_string()),
        );
        assert!(f.is_empty(), "{f:?}");
        // Same heads: fine too.
        assert!(compare_heads(&known, &known, |_, _| None, |_| None).is_empty());
    }

    #[test]
    fn behind_rewritten_missing_and_foreign_are_told_apart() {
        let known = heads(
            &[
                ("savon", head("g1", 10, "h10")),
                ("masques", head("g2", 4, "m4")),
                ("ton", head("g3", 7, "t7")),
                ("old", head("g4", 1, "o1")),
            ],
            (9, "a9"),
        );
        let now = heads(
            &[
                ("savon", head("g1", 8, "h8")),
                ("masques", head("g2", 6, "m6")),
                ("ton", head("gX", 7, "t7")),
            ],
            (9, "aX"),
        );
        let f = compare_heads(&known, &now, |_, _| Some("other".into()), |_| None);
        assert_eq!(
            f,
            vec![
                HeadFinding::Rewritten {
                    org: "masques".into(),
                    chain_no: 4
                },
                HeadFinding::OrgMissing { org: "old".into() },
                HeadFinding::Behind {
                    org: "savon".into(),
                    known: 10,
                    found: 8
                },
                HeadFinding::OtherGenesis { org: "ton".into() },
                HeadFinding::AuditRewritten { position: 9 },
            ]
        );
        let shorter = heads(&[], (2, "a2"));
        assert_eq!(
            compare_heads(&heads(&[], (9, "a9")), &shorter, |_, _| None, |_| None),
            vec![HeadFinding::AuditBehind { known: 9, found: 2 }]
        );
        // Same length, other tip.
        let same_len = heads(&[("savon", head("g1", 10, "hX"))], (0, ""));
        assert_eq!(
            compare_heads(
                &heads(&[("savon", head("g1", 10, "h10"))], (0, "")),
                &same_len,
                |_, _| None,
                |_| None
            ),
            vec![HeadFinding::Rewritten {
                org: "savon".into(),
                chain_no: 10
            }]
        );
    }

    #[test]
    fn same_books_needs_a_shared_organisation_with_the_same_genesis() {
        let a = heads(&[("savon", head("g1", 3, "x"))], (0, ""));
        let b = heads(
            &[("savon", head("g1", 1, "y")), ("ton", head("g3", 1, "z"))],
            (0, ""),
        );
        let c = heads(&[("savon", head("gX", 3, "x"))], (0, ""));
        let d = heads(&[("ton", head("g3", 1, "z"))], (0, ""));
        assert!(same_books(&a, &b));
        assert!(!same_books(&a, &c));
        assert!(!same_books(&a, &d));
        assert!(same_books(&Heads::default(), &c));
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn rotation_keeps_the_newest_ten_and_one_a_day_for_thirty_days() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        // 3 backups a day for 40 days, in shuffled order.
        let mut times = Vec::new();
        for d in 0..40 {
            for h in [8, 12, 18] {
                let day = today - chrono::Duration::days(d);
                times.push(day.and_hms_opt(h, 0, 0).unwrap());
            }
        }
        times.reverse();
        let pruned = backups_to_prune(&times, today);
        let kept: Vec<NaiveDateTime> = (0..times.len())
            .filter(|i| !pruned.contains(i))
            .map(|i| times[i])
            .collect();
        // Newest 10: today's 3, the 3 of each of the two days before, and
        // the 18:00 of three days ago; then one a day (the newest) back to
        // day 29.
        assert_eq!(kept.len(), 10 + (30 - 4));
        assert!(kept.contains(&at("2026-11-18 18:00")));
        assert!(!kept.contains(&at("2026-11-18 12:00")));
        assert!(kept.contains(&at("2026-10-23 18:00")));
        assert!(!kept.contains(&at("2026-10-23 08:00")));
        assert!(
            !kept
                .iter()
                .any(|t| t.date() < at("2026-10-23 00:00").date())
        );
        // Few backups: nothing to delete.
        assert!(backups_to_prune(&times[..5], today).is_empty());
        assert!(backups_to_prune(&[], today).is_empty());
    }

    #[test]
    fn a_daily_backup_is_due_on_a_new_day_or_a_clock_set_back() {
        let now = at("2026-11-21 09:00");
        assert!(daily_backup_due(None, now));
        assert!(!daily_backup_due(Some(at("2026-11-21 08:00")), now));
        assert!(daily_backup_due(Some(at("2026-11-20 23:59")), now));
        assert!(daily_backup_due(Some(at("2027-01-01 08:00")), now));
    }

    #[test]
    fn places_on_sticks_shares_and_synced_folders_are_warned() {
        let mounts = parse_mounts(
            "/dev/sda2 / ext4 rw 0 0\n\
             /dev/sdb1 /media/awa/CLE\\040USB vfat rw 0 0\n\
             //srv/compta /mnt/compta cifs rw 0 0\n\
             /dev/sdc1 /data ext4 rw 0 0\n\
             srv:/x /home/awa/nfs nfs4 rw 0 0\n",
        );
        assert_eq!(mounts[1].point, "/media/awa/CLE USB");
        assert_eq!(
            place_warnings("/media/awa/CLE USB/jatebo.db", &mounts, false),
            vec![PlaceWarning::Removable {
                mount: "/media/awa/CLE USB".into(),
                fs_type: "vfat".into()
            }]
        );
        assert!(matches!(
            place_warnings("/mnt/compta/jatebo.db", &mounts, false)[..],
            [PlaceWarning::Network { .. }]
        ));
        assert!(matches!(
            place_warnings("/home/awa/nfs/j.db", &mounts, false)[..],
            [PlaceWarning::Network { .. }]
        ));
        assert_eq!(
            place_warnings("/home/awa/Dropbox/compta/jatebo.db", &mounts, false),
            vec![PlaceWarning::Synced {
                service: "Dropbox".into()
            }]
        );
        assert_eq!(
            place_warnings("/home/awa/OneDrive - ONG/jatebo.db", &mounts, false),
            vec![PlaceWarning::Synced {
                service: "OneDrive".into()
            }]
        );
        assert_eq!(
            place_warnings("/home/awa/docs/jatebo.db", &mounts, true),
            vec![PlaceWarning::Synced {
                service: "Syncthing".into()
            }]
        );
        // The laptop's own disks: nothing to say.
        assert!(
            place_warnings("/home/awa/.local/share/jatebo/jatebo.db", &mounts, false).is_empty()
        );
        assert!(place_warnings("/data/jatebo.db", &mounts, false).is_empty());
        // "megan" is not MEGA.
        assert!(place_warnings("/home/megan/jatebo.db", &mounts, false).is_empty());
    }
}
