# Backups, restore, the chain heads file and diagnosis (doctor).

cli-backup = Backs up the whole ledger (every organisation) into a verified file
cli-backup-out = File or folder of the backup (default: the backups/ folder beside the ledger)
cli-restore = Replaces the ledger with a backup after verifying it; the old ledger is kept beside it
cli-restore-file = The backup file to restore
cli-restore-yes = Confirms the restore (without it, jatebo checks and only says what it would do)
cli-doctor = Explains the state of the ledger file and what is around it, changing nothing

backup-done = Backup written and verified: { $path } ({ $orgs } { $orgs ->
    [one] organisation
   *[other] organisations
}, { $entries } { $entries ->
    [one] entry
   *[other] entries
}, { $kib } KiB).
backup-pruned = Old automatic backup deleted: { $path }
backup-auto-failed = Warning: today's automatic backup could not be made ({ $detail }). Your entries are recorded; run "jatebo backup" once the problem is solved.
backup-auto-done = Automatic backup: { $path }

restore-backup-holds = The backup { $path } is intact and holds: { $entries }.
restore-ledger-holds = The current ledger holds: { $entries }.
restore-no-ledger = The current ledger is missing or unreadable: the backup will replace it.
restore-entries-lost = Warning: the current ledger has entries the backup does not have ({ $entries }). They will not be in the restored ledger, but stay in the old file kept beside it.
restore-check-only = Nothing was changed. To restore, run the same command again with --yes.
restore-done = Ledger restored: { $path }
restore-kept-aside = The old ledger is kept as: { $path }

safety-backup-damaged = The backup { $path } is damaged ({ $problems } problems; the first: { $first }): it was not restored. Try an older backup.
safety-backup-foreign = The backup { $path } holds another ledger's books (the organisations do not have the same origin): it was not restored.
safety-exists = The file { $path } already exists: jatebo never overwrites a file. Choose another name.
safety-restore-confirm = Confirm the restore with --yes.
safety-restore-self = The backup and the ledger are the same file.
safety-ledger-in-use = The ledger { $path } is open in another jatebo (another window, or another session on this computer): it cannot be replaced while that one uses it. Close jatebo everywhere else, then run the restore again. Nothing was changed.

head-org-missing = The organisation { $org } was in this ledger and is not any more.
head-other-genesis = The organisation { $org } in this file is not the one this ledger held: this is somebody else's ledger.
head-behind = { $org }: this ledger has { $found } entries although it already had { $known }: the last { $missing } are missing (file put back to an older copy, or truncated).
head-rewritten = { $org }: the entry at chain position { $position } is not the one that was there: the chain was rewritten since.
head-audit-behind = The action log has { $found } records although it already had { $known }: the file was put back to an older state.
head-audit-rewritten = Record { $position } of the action log is not the one that was there.
verify-heads-file = The chain heads file beside the ledger cannot be read ({ $detail }).

place-removable = This ledger is on removable media ({ $mount }, { $fs }): pulled out during a write, the file can be damaged. Keep the ledger on the computer's disk and use the stick for backups.
place-network = This ledger is on a network share ({ $mount }, { $fs }): locks are unreliable there and two computers can damage it. Keep it on the computer's disk.
place-synced = This ledger is in a synced folder ({ $service }): syncing can copy a half-written file or bring back an old version. Keep it outside that folder; sync the backups instead.

doctor-missing = No ledger at { $path }.
doctor-file = Ledger: { $path } ({ $bytes } bytes).
doctor-permissions = The ledger can be read by other accounts on this computer (mode { $mode }): only you should be able to read it (chmod 600).
doctor-wal = A write-ahead log (-wal, { $bytes } bytes) is beside the ledger: it holds recorded entries not yet copied into the main file. Do not delete it: jatebo takes it up when the ledger is next opened.
doctor-in-use = Another jatebo has this ledger open right now (another window, or another session on this computer). Close it before restoring a backup.
doctor-journal = A -journal file is beside the ledger: a write was interrupted. Do not delete it: SQLite uses it to put the ledger back to its last complete state when it is next opened.
doctor-leftover = Temporary file left by an interrupted operation: { $path } (it is not the ledger; you may delete it yourself after checking).
doctor-replaced = Old ledger kept after a restore: { $name }
doctor-unreadable = The ledger cannot be read: { $detail }. Restore a backup (jatebo restore FILE).
doctor-verified = Ledger verified: { $orgs } { $orgs ->
    [one] organisation
   *[other] organisations
}, { $entries } { $entries ->
    [one] entry
   *[other] entries
}, chains intact.
doctor-rolled-back = The ledger is behind what it already held: it was replaced by an older copy or truncated. Look for the most recent copy (backups, old file) before recording anything.
doctor-no-heads = No chain heads file (.heads) beside the ledger yet: it will be written at the next write.
doctor-behind-backup = The backup { $backup } is further ahead than the ledger: { $detail }
doctor-no-backup = No backup in the ledger's backups/ folder: run "jatebo backup".
doctor-backups = { $count ->
    [one] One backup
   *[other] { $count } backups
}; the newest: { $newest } ({ $at } { $time }).
doctor-verdict-ok = Diagnosis: nothing abnormal. (jatebo doctor never changes or deletes anything.)
doctor-verdict-problems = Diagnosis: problems above need your attention. (jatebo doctor never changes or deletes anything.)
heads-warning = Warning: this ledger is behind what it already held ({ $detail }). Run "jatebo doctor" before recording anything.
heads-banner = Ledger behind what it already held: { $detail } — see "jatebo doctor".
cli-doctor-accept = Accepts the ledger as it is after it was found behind (no newer copy exists): the old heads file is kept beside it; administrator only
doctor-accepted = Ledger accepted as it is; the old chain heads file is kept as { $path }. The decision is written to the action log.
doctor-nothing-to-accept = The ledger is not behind its heads file: nothing to accept.

cli-confirm-date = Confirms today's date when the computer's clock looks wrong (before the last recorded operation, or implausible); written to the action log
clock-behind = The computer's clock says { $now }, before the last recorded operation ({ $last } at { $last_time } UTC): it was probably reset (power cut, flat battery). Nothing was recorded. Set the computer's date, or confirm today's date: add --confirm-date DD/MM/YYYY (on screen, the date is asked for).
clock-implausible = The computer's clock says { $now }, an implausible date: it was probably reset. Nothing was recorded. Set the computer's date, or confirm today's date: add --confirm-date DD/MM/YYYY.
clock-far-ahead = The computer's clock says { $now }, more than a year after the last recorded operation ({ $last }): check it. Nothing was recorded. Set the computer's date, or confirm today's date: add --confirm-date DD/MM/YYYY.
clock-date-refused = The confirmed date ({ $date }) is before the last recorded operation, or outside the accepted years: give the real date of today.
error-sync-failed-key = Key of this entry: { $key } — to try again with no risk of a duplicate, add --key { $key }.
tui-clock-title = Today's date to confirm
tui-clock-field = Today's date (DD/MM/YYYY)
tui-clock-help = Enter: confirm (written to the action log) · Esc: later (nothing will be recorded)
tui-clock-confirmed = Today's date confirmed: { $date }. Entries can be recorded.
