# Command-line help and output.

cli-about = jatebo — double-entry bookkeeping in francs CFA for cooperatives and savings groups.
cli-db = Ledger file (default: in the user's data folder)
cli-lang = Language: fr (default) or en
cli-user = Name of the person acting (author of entries)
cli-org = Organisation code (optional when there is only one)
cli-json = Output as JSON (for scripts)
cli-init = Create an empty ledger
cli-org-cmd = Organisations (cooperatives, savings groups)
cli-org-add = Add an organisation with its SYSCOHADA chart of accounts
cli-org-code = Short code: lowercase, digits, dashes (e.g. soap-coop)
cli-org-name = Full name
cli-org-kind = Kind: coop (cooperative) or savings (savings group)
cli-org-list = List the organisations
cli-account-cmd = Chart of accounts
cli-account-add = Add an account
cli-account-number = Account number (SYSCOHADA digits, e.g. 5711)
cli-account-name-fr = Name in French
cli-account-name-en = Name in English
cli-account-list = List the accounts with their balance
cli-account-all = Include closed accounts
cli-account-rename = Rename an account
cli-account-close = Close an account (its balance must be zero)
cli-account-ledger = General ledger of one account, with running balance
cli-entry-cmd = Entries
cli-entry-add = Record a balanced entry
cli-entry-show = Show an entry
cli-entry-number = Entry number (e.g. 2026-000123)
cli-entry-reverse = Reverse an entry (correction)
cli-entry-date = Business date, confirmed by you (DD/MM/YYYY or YYYY-MM-DD)
cli-entry-reason = Reason for the correction
cli-entry-key = Idempotency key: the same key sent twice records once
cli-entry-ref = Supporting document reference (receipt, invoice…)
cli-entry-memo = Description of the entry
cli-entry-debit = Debit line: ACCOUNT=AMOUNT (repeatable)
cli-entry-credit = Credit line: ACCOUNT=AMOUNT (repeatable)
cli-entry-file = Lines file: account;D|C;amount;label per line
cli-journal = Journal: entries in order, with filters
cli-journal-account = Only entries touching this account
cli-journal-text = Text to find (ignoring accents and case)
cli-balance = Trial balance: opening, movements and closing in debit and credit
cli-from = Start (YYYY, YYYY-MM or a date)
cli-to = End (YYYY, YYYY-MM or a date)
cli-month = Month (YYYY-MM)
cli-year = Fiscal year (YYYY)
cli-limit = Maximum number of rows
cli-period-cmd = Periods (closing)
cli-period-close = Close a month or a fiscal year
cli-period-list = List the closes
cli-verify = Verify the ledger: balance, numbering, hash chain, totals
cli-audit = Audit log: who did what and when
cli-demo = Create a demo ledger (two cooperatives, one savings group)

init-done = Ledger ready: { $path }
org-added = Organisation “{ $code }” created: { $name } ({ $accounts } accounts).
org-none = No organisation yet. Add one with “jatebo org add”.
org-kind-coop = cooperative
org-kind-savings = savings group
org-closed-through = closed through { $month }
org-entries = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}
account-added = Account { $number } created: { $name }.
account-renamed = Account { $number } renamed: { $name }.
account-closed = Account { $number } closed.
account-closed-mark = closed
col-account = Account
col-name = Name
col-debit-balance = Debit balance
col-credit-balance = Credit balance
col-opening = Opening
col-movements = Movements
col-closing = Closing
col-debit = Debit
col-credit = Credit
col-totals = Totals
ledger-title = General ledger of account { $account }, { $from } to { $to } (F CFA)
entry-recorded = Entry No. { $number } recorded.
entry-already-recorded = Already recorded as No. { $number }: nothing new was written.
entry-hash = Hash: { $hash }
entry-header = No. { $number } of { $date } — document { $doc }
entry-meta = entered by { $author } at { $recorded }
entry-reverses = reverses No. { $number }
entry-reversed-by = reversed by No. { $number }
entry-source = source document: { $source }
journal-empty = No entry matches.
journal-reversed-mark = reversed
balance-title = Trial balance — { $org } — { $from } to { $to } (F CFA)
balance-balanced = Balanced: total debits = total credits.
balance-unbalanced = WARNING: the trial balance does not balance. Run “jatebo verify”.
period-closed = Period { $period } closed: debit { $debit }, credit { $credit }.
period-none = No closed period.
verify-ok = Ledger verified: { $orgs } organisation(s), { $entries } entr(y/ies); everything is in order.
verify-failed = VERIFICATION FAILED: { $count } problem(s). The first:
demo-done = Demo ledger created in { $path }: { $orgs } organisations, { $entries } entries.
