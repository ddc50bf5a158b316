# Messages of the ledger, periods, verification and errors.

period-bad-date = Date not recognised: “{ $input }”. Type DD/MM/YYYY (31/10/2026) or YYYY-MM-DD (2026-10-31).
period-bad-month = Month not recognised: “{ $input }”. Type YYYY-MM, for example 2026-10.
period-bad-year = Year not recognised: “{ $input }”. Type four digits, for example 2026.
period-out-of-range = “{ $input }” is outside the accepted years ({ $min }–{ $max }). Is the computer's clock right?
period-reversed = The period starts on { $from } and ends on { $to }: the start must come first.

ledger-too-few-lines = An entry has at least two lines: a debit and a credit.
ledger-too-many-lines = An entry has at most { $max } lines.
ledger-zero-amount = Line { $line }: the amount must be greater than zero.
ledger-amount-above-cap = Line { $line }: the amount is above the cap of { $cap } F CFA.
ledger-unbalanced = Unbalanced entry: debit { $debit } F CFA, credit { $credit } F CFA (difference { $difference } F CFA). Total debits must equal total credits.
ledger-overflow = The amounts are too large to add up.
ledger-empty-key = The entry's idempotency key is empty.
ledger-key-too-long = The idempotency key is longer than { $max } characters.
ledger-date-out-of-range = The date { $date } is outside the accepted years ({ $min }–{ $max }).
ledger-period-closed = The date { $date } falls in a closed period (closed through { $month }). Date the entry in an open period.
ledger-unknown-account = Account { $number } does not exist in this organisation's chart.
ledger-closed-account = Account { $number } is closed: it takes no more entries.
ledger-key-conflict = The key “{ $key }” was already used for entry No. { $number } with other content. Nothing was recorded.
ledger-unknown-entry = Entry { $number } not found.
ledger-already-reversed = Entry No. { $number } is already reversed by No. { $by }.
ledger-reversal-of-reversal = Entry No. { $number } is itself a reversal: record the correct entry instead.
ledger-same-account-both-sides = Every line is on the same account: the entry moves nothing.

lines-fields = Expected a line of the form account;D or C;amount;label (label optional).
lines-side = Side “{ $side }” not recognised: type D (debit) or C (credit).

verify-integrity = The file is damaged: { $detail }
verify-schema = A protection of the ledger is missing ({ $detail }): the file was changed outside jatebo.
verify-unbalanced = { $org }: entry No. { $number } does not balance.
verify-hash-mismatch = { $org }: entry No. { $number } was changed after it was recorded (its hash no longer matches).
verify-broken-link = { $org }: entry No. { $number } is no longer chained to the previous one.
verify-chain-gap = { $org }: entries are missing before No. { $number } (chain position { $expected } expected).
verify-number-gap = { $org }: numbering jumps from No. { $expected } to No. { $number }.
verify-wrong-year = { $org }: entry No. { $number } is numbered in another fiscal year than its date.
verify-truncated = { $org }: { $missing } entr(y/ies) missing after No. { $last }; the last one recorded was No. { $head }.
verify-head-mismatch = { $org }: the last entry (No. { $number }) is not the one the ledger recorded last.
verify-cache-mismatch = { $org }: the cached totals of account { $account } for { $month } do not match the entries.
verify-bad-reversal = { $org }: reversal No. { $number } does not exactly mirror the entry it cancels.
verify-closed-period = { $org }: entry No. { $number } was added to a period already closed (through { $month }).
verify-close-totals = { $org }: the totals of the { $period } close no longer match the entries (account { $account }).
verify-close-head = { $org }: the chain is no longer the one sealed at the { $period } close.
verify-audit-broken = The audit log was altered (row { $id }).

error-prefix = jatebo: error: { $message }
error-no-ledger = No jatebo ledger at { $path }. Create it with “jatebo init” (or “jatebo demo” to try it out).
error-not-a-ledger = { $path } is not a jatebo ledger. The file was not changed.
error-too-new = { $path } was written by a newer jatebo (schema { $found }; this version reads up to { $supported }). The file was not changed; update jatebo.
error-no-wal = SQLite refused WAL mode (got: { $mode }). Keep the ledger on a local disk, not a network folder.
error-busy = The ledger is busy with another jatebo program. Try again in a moment.
error-disk-full = The disk is full: nothing was recorded. Free some space and try again.
error-read-only = The ledger { $path } is read-only: cannot write.
error-corrupt = The ledger file is damaged ({ $detail }). Nothing was changed; restore a backup: “jatebo doctor” lists them, “jatebo restore FILE” puts one back after checking it.
error-refused = The ledger refused the operation: { $detail }
error-write-failed = Could not write to the disk (disk full or failing): nothing was recorded. Free some space or check the disk, then try again.
error-sync-failed = The disk did not confirm the write: the operation was cancelled, but it may have reached the disk and reappear the next time the ledger is opened. Check the disk, then look at the journal before trying again (with the same --key, nothing is ever recorded twice).
error-export-disk-full = The disk is full: the export to { $path } could not be written. The files it had started were removed; free some space, then try again with the same folder.
error-export-write-failed = The export to { $path } could not be written ({ $detail }). The files it had started were removed; try again.
error-database = Ledger error: { $detail }
error-io = Cannot use { $path }: { $detail }
error-no-home = home folder not found; give the ledger with --db
error-unknown-org = Unknown organisation “{ $code }”. “jatebo org list” shows the organisations.
error-org-exists = An organisation already has the code “{ $code }”.
error-bad-org-code = Invalid organisation code “{ $code }”: lowercase letters without accents, digits and dashes, at most 32 (e.g. soap-coop).
error-org-required = Say which organisation with --org (one of: { $codes }).
error-account-exists = Account { $number } already exists.
error-account-has-balance = Account { $number } has a { $side ->
    [credit] credit
   *[debit] debit
} balance of { $balance } F CFA: clear it before closing the account.
error-account-already-closed = Account { $number } is already closed.
error-missing-result-account = The result account { $number } is missing or closed: restore it to close the year.
error-already-closed = Period { $period } is already closed.
error-december-with-year = December is closed with the year: “jatebo period close --year { $year }”.
error-earlier-year-open = Close fiscal year { $year } first.
error-demo-needs-empty = The ledger { $path } already holds books: the demo is made in an empty ledger (choose another with --db).
error-lines-file = Lines file, line { $line }: { $detail }
error-bad-line-arg = “{ $arg }”: write ACCOUNT=AMOUNT, for example 5711=1500.
error-corrupt-entry = Entry No. { $number } is unbalanced in the ledger: run “jatebo verify”.
error-json = Cannot write JSON: { $detail }

entry-reversal-memo = Reversal of No. { $number }: { $reason }
year-close-memo = Result of fiscal year { $year }
ledger-negative-cash = Account { $number } (cash box or mobile wallet) would go to { $balance } F CFA on { $date }: you cannot take out more than it holds. Check the amount and the date, or record the money coming in first.
ledger-reserved-key = The key “{ $key }” starts with “{ $prefix }”, kept for the entries jatebo makes itself: choose another key.
ledger-reverse-closing-entry = Entry No. { $number } is the result entry of a closed fiscal year: it cannot be reversed.
ledger-reversal-before-original = The reversal of No. { $number } cannot be dated { $date }, before the entry it cancels.
error-account-not-closed = Account { $number } is not closed.
error-account-moves-in-open-year = Account { $number } has unsettled movements in fiscal year { $year }, still open: it stays open until that year is closed.
verify-damaged-row = { $org }: the lines of entry No. { $number } no longer agree with it (date or account changed outside jatebo).
verify-closed-through = { $org }: the closing mark says “{ $mark }” while the last recorded close goes through { $recorded }: periods were reopened outside jatebo.
access-denied = Your role ({ $role ->
    [admin] administrator
    [treasurer] treasurer
    [facilitator] facilitator
   *[auditor] auditor, read-only
}) does not allow { $action ->
    [read] reading the books
    [post] recording entries
    [manage_accounts] managing accounts
    [close_period] closing a period
    [manage_orgs] creating an organisation
    [backup] backing up the whole ledger (a role for all organisations is needed)
    [restore] restoring the ledger
   *[manage_users] managing users
} in this organisation.
access-no-role = You have no role in this organisation: ask an administrator.
secret-passphrase-too-short = The passphrase must have at least { $min } characters.
secret-bad-pin = The PIN must have { $pin_min } to { $pin_max } digits.
error-login-required = This ledger has users: say who you are with --user (the passphrase is asked, or read from JATEBO_PASSPHRASE).
error-login-refused = Login refused: wrong name or passphrase, or too many attempts (wait a few minutes).
error-passphrase-required = A passphrase is needed: type it in a terminal, or give it in the JATEBO_PASSPHRASE variable.
error-passphrase-mismatch = The two entries differ: nothing was changed.
error-unknown-user = Unknown user “{ $name }”.
error-user-exists = A user is already called “{ $name }”.
error-last-admin = At least one administrator for every organisation must remain: nothing was changed.
verify-stock-mismatch = { $org }: stock account { $account } says { $ledger } while the items it holds are worth { $stock }: the ledger and the inventory no longer agree.
verify-stock-ledger = { $org }: the level of item “{ $item }” is not the sum of its stock movements: changed outside jatebo.
verify-member-mismatch = { $org }: account { $account } holds { $ledger } F CFA in the ledger, but the recorded meetings give { $book } F CFA: changed outside jatebo.
verify-meeting-code = { $org }: closing code { $code } of meeting { $meeting } no longer matches the chain of entries: the books were rewritten since.
