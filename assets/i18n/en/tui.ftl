# Full-screen interface (TUI).

## Tabs and keys
tab-home = Home
tab-accounts = Accounts
tab-journal = Journal
tab-new-entry = New entry
tab-periods = Periods
key-help = Help
key-quit = Quit
key-lock = Lock
key-switch-org = Organisation
key-home = Home
key-accounts = Accounts
key-journal = Journal
key-new-entry = New entry
key-periods = Periods
key-next-tab = Next tab
key-prev-tab = Previous tab
key-up = Up
key-down = Down
key-page-up = Page up
key-page-down = Page down
key-first = First
key-last = Last
key-open = Open
key-back = Back
key-filter = Filter
key-filter-panel = Filters
key-clear-filter = Clear filters
key-refresh = Refresh / retry
key-reverse = Reverse
key-next-field = Next field
key-prev-field = Previous field
key-post = Post
key-add-line = Add line
key-delete-line = Delete line
key-balance = Balance
key-close-period = Close
key-confirm = Confirm
help-title = Keys on this screen
help-footer = Any key closes this help. Keys can be changed in jatebo.conf (see the guide).

## Months
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## First run
wizard-title = First run — step { $step } of { $steps }
wizard-title-first = First run
wizard-welcome = Welcome to jatebo. Choose your language.
lang-name = English
wizard-list-help = ↑↓: choose · Enter: confirm · Esc: back · Ctrl+C: quit
wizard-choice-intro = This ledger is empty. What would you like to do?
wizard-create = Set up my books (administrator and organisation)
wizard-demo = Open the demo ledger (a separate file; yours is not touched)
wizard-admin-intro = The first person registered runs the ledger and then adds the others.
wizard-name = Name
wizard-passphrase = Passphrase
wizard-confirm = Confirm
wizard-passphrase-rule = At least 8 characters. An easy-to-remember phrase beats a complicated word.
wizard-name-required = The name is required.
wizard-pass-mismatch = The two passphrases are not the same.
wizard-org-intro = The first organisation: a cooperative or a savings group.
wizard-org-code = Short code
wizard-org-name = Full name
wizard-org-kind = Kind
wizard-org-rule = Code: lower-case letters, digits and hyphens (e.g. soap). Space changes the kind.
wizard-org-required = The organisation's code and name are required.
wizard-help = Tab or Enter: next field · Esc: previous step · Ctrl+C: quit

## Login and lock
login-title = jatebo — log in
login-name = Name
login-passphrase = Passphrase
login-help = Enter: log in · Tab: switch field · Esc: quit
lock-title = Session locked
lock-who = Locked session: { $name }. Nothing is shown until it is unlocked.
lock-secret = PIN or passphrase
lock-help = Enter: unlock · Esc: switch user (the entry being typed is dropped)
demo-hint = Demo ledger. Users: { $users }.
    Each one's passphrase: { $passphrase }

## General
tui-loading = Loading…
tui-no-org = No organisation is open to you. Ask an administrator to give you a role.
tui-no-org-short = no organisation
tui-read-only = Read only: your role does not allow changing this organisation's books.
tui-busy = The ledger is busy: another jatebo is open on the same file. Nothing was written. Ctrl+R to try again.
tui-too-small = Please enlarge the window: at least { $min_width }×{ $min_height } (now { $width }×{ $height }).
tui-panic = jatebo stopped on an internal error. Your posted entries are safe. A report was written here: { $path }
tui-panic-unwritten = jatebo stopped on an internal error. Your posted entries are safe. The report could not be written: { $message }
config-problems = { $count ->
    [one] One problem in jatebo.conf: { $first }
   *[other] { $count } problems in jatebo.conf, including: { $first }
}
config-unreadable = line { $line } unreadable: “{ $text }”
config-bad-value = line { $line }: value “{ $value }” refused for { $name }
keys-unknown-command = unknown command “{ $name }”
keys-bad-key = key “{ $key }” not recognised for { $name }
keys-conflict = key { $key } is bound to both { $first } and { $second }
list-count = { $shown } of { $total }
notice-help = Enter to continue.
confirm-title = Confirm
confirm-help = Enter: confirm · Esc: cancel
confirm-quit-unsaved = An entry is being typed and is not posted. Quit anyway?

## Home
home-money = Cash, bank and mobile money
home-balance = Balance
home-no-money = No cash or bank account.
home-total = Total
home-today = Today, { $date }
home-activity = { $count ->
    [0] No entries today.
    [one] 1 entry · received { $received } · paid out { $paid }
   *[other] { $count } entries · received { $received } · paid out { $paid }
}
home-attention = Needs attention
home-month-open = Finished month not closed: { $month } (Periods, F6).
balance-debit = Dr
balance-debit-word = debit
balance-credit-word = credit
balance-credit = Cr
home-all-good = Nothing to report.
home-months-open = Finished months not closed: { $from } to { $to } (Periods, F6).
home-future = { $count ->
    [one] 1 entry dated after today ({ $date }): check the year.
   *[other] { $count } entries dated after today (the first on { $date }): check the year.
}
home-unbalanced = Entry No. { $number } does not balance in the file: run “jatebo verify”.

## Accounts and general ledger
accounts-footer = { $count } accounts · Enter: general ledger · /: filter
col-doc = Document
col-memo = Description
col-label = Line label
col-amount = Amount
col-period = Period
col-kind = Kind
col-closed-at = Closed (UTC)
col-closed-by = By
tui-ledger-title = general ledger { $year } · opening { $opening }
ledger-empty = No movement this year.
ledger-footer = { $count ->
    [one] 1 movement
   *[other] { $count } movements
} · closing balance { $closing }

## Journal
journal-all = Whole journal · f: filter by period, account or text
journal-filtered = Filtered: { $filters } · x: clear
journal-filter-period = period { $value }
journal-filter-account = account { $value }
journal-filter-text = text “{ $value }”
journal-more-before = ▲ older (↑, Home)
journal-more-after = ▼ newer (↓, End)
journal-legend = ↺ reversed · ↩ reversal
filter-title = Filter the journal
filter-period = Period
filter-account = Account
filter-text = Text
filter-examples = Period: 2026-10, 10/2026, 2026 or 2026-10-05. Text: accents and case do not matter.
filter-help = Enter: apply · Tab: next field · Esc: cancel
filter-bad-period = Period “{ $value }” not recognised (e.g. 2026-10, 10/2026, 2026).
filter-bad-account = Account number “{ $value }” is not valid.

## Entry
entry-origin = Source document: { $source }
entry-title = Entry No. { $number } dated { $date }
entry-doc = Document: { $value }
entry-memo = Description: { $value }
entry-author = Posted by { $name } at { $at } (UTC time)
entry-source-manual = manual entry
entry-prev-hash = Previous: { $hash }
entry-balanced = balanced
entry-unbalanced = NOT BALANCED
reverse-title = Reverse entry No. { $number }
reverse-intro = A posted entry is never edited: a linked opposite entry is posted instead.
reverse-date = Date
reverse-reason = Reason
reverse-help = Enter: reverse · Tab: switch field · Esc: cancel
reverse-reason-required = The reason is required.
reverse-already = Entry No. { $number } is already reversed by No. { $by }.
reversed-number = Entry No. { $number } reversed by No. { $by }.

## New entry
form-date = Date
form-doc = Document
form-memo = Description
form-totals = Totals
form-total-debit = Debit: { $amount }
form-total-credit = Credit: { $amount }
form-balanced = balanced
form-difference = difference { $amount }
form-more-lines = { $count } more line(s) below
form-bad-date = Date “{ $value }” is not valid: write DD/MM/YYYY.
form-bad-account = Line { $line }: account number “{ $value }” is not valid.
form-unknown-account = Line { $line }: account { $value } is not in this chart (type a name to search).
form-closed-account = Line { $line }: account { $value } is closed.
form-bad-amount = Line { $line }: { $value }
form-both-sides = Line { $line }: a line is a debit or a credit, not both.
form-no-amount = Line { $line }: the amount is missing.
form-two-lines = An entry has at least two lines.
form-unbalanced = Entry does not balance: difference of { $amount }. Ctrl+B puts the difference on the current line.
posted-title = Entry posted
posted-number = Entry posted as No. { $number }.
posted-already = Already posted as No. { $number }: nothing new was written.

## Periods
periods-through = Closed through: { $month }
periods-none-closed = no month closed
periods-next = Next period to close: { $month } (m or F8)
periods-nothing-to-close = No finished month to close.
periods-empty = No close yet.
periods-closed = Books closed through { $month }.
close-kind-month = month
close-kind-year = year
confirm-close-month = Close { $month }? No entry can then be dated in that month or before.
confirm-close-year = Close December and the { $year } financial year? The result is posted and the year closed for good.

## Organisations
org-title = Switch organisation
org-filter = Search
org-switch-none = No organisation matches.
org-help = ↑↓: choose · Enter: open · Esc: cancel

## Users
tab-users = Users
key-users = Users
key-user-add = Add
key-user-role = Role
key-user-passphrase = Passphrase
key-user-pin = My PIN
users-col-name = Name
users-col-lang = Lang.
users-col-pin = PIN
users-col-roles = Roles
users-all-orgs = all organisations
users-disabled = disabled
users-yes = yes
users-no = no
users-count = { $count ->
    [one] 1 user
   *[other] { $count } users
}
users-admin-only = Only an administrator manages users.
users-add-title = Add a user
users-role-title = Role of { $name }
users-passphrase-title = New passphrase for { $name }
users-pin-title = My PIN
users-field-name = Name
users-field-passphrase = Passphrase
users-field-confirm = Confirm
users-field-lang = Language
users-field-role = Role
users-field-org = Organisation
users-field-pin = PIN (4 to 8 digits)
users-role-in = { $scope }: { $role }
users-role-remove = take the role away
users-dialog-help = Tab: next field · ←→: choose · Enter: confirm · Esc: cancel. Empty PIN: remove it.
users-added = User “{ $name }” added.
users-role-saved = Roles of “{ $name }” updated.
users-passphrase-saved = Passphrase of “{ $name }” changed.
users-pin-saved = PIN saved: it unlocks your session.
users-pin-removed = PIN removed.
tui-needs-terminal = The full-screen interface needs a terminal. Without one (a script, a redirection), give a command: jatebo --help.
keyname-enter = Enter
keyname-esc = Esc
keyname-backtab = Shift+Tab
keyname-pgup = PgUp
keyname-pgdn = PgDn
keyname-home = Home
keyname-end = End
keyname-space = Space
confirm-switch-unsaved = An entry is being typed for this organisation. Switching organisation drops it. Go on?
tui-not-allowed = Your role does not allow this in this organisation.
form-doc-required = The document is required: the number of the receipt, invoice or paper behind the entry.
form-memo-required = The description is required: say in a few words what the entry records.
