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
confirm-quit-unsaved = An entry or a receipt is being typed and is not recorded. Quit anyway?

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
confirm-switch-unsaved = An entry or a receipt is being typed for this organisation. Switching organisation drops it. Go on?
tui-not-allowed = Your role does not allow this in this organisation.
form-doc-required = The document is required: the number of the receipt, invoice or paper behind the entry.
form-memo-required = The description is required: say in a few words what the entry records.

## Co-op: the Shop tab (sales, receipts, customers, day close, stock, production)
tab-shop = Shop
shop-tab-sales = Sales
shop-tab-receipts = Receipts
shop-tab-customers = Customers
shop-tab-day-close = Day close (Z)
shop-tab-stock = Stock
shop-tab-production = Production
key-shop = Shop (sales)
key-coop-stock = Stock
key-coop-production = Production
key-coop-receipts = Today's receipts
key-coop-customers = Customers
key-coop-day-close = Day close (Z)
key-item-new = New item
key-purchase = Purchase
key-adjust = Adjustment
key-stock-count = Stock count
key-run-new = Produce
key-sale-add = Add
key-sale-void = Drop the receipt
key-pay-cash = Cash
key-pay-orange = Orange Money
key-pay-moov = Moov Money
key-pay-wave = Wave
key-pay-bank = Bank transfer
key-pay-credit = On credit
key-sale-return = Goods back
key-customer-new = New customer
key-customer-edit = Change
key-customer-pay = Payment
key-aging = Aged balances
key-seal-day = Close the day
shop-unit-piece = pcs
shop-unit-kg = kg
shop-unit-litre = l
shop-unit-metre = m
shop-recorded = { $doc } recorded: { $amount }.
shop-recorded-entry = { $doc } recorded: { $amount } — entry No. { $entry }.
shop-busy = The ledger is busy with another jatebo open on the same file. Nothing was written. F8 to try again.
shop-already = { $doc } was already recorded: nothing more was written.

## Sales
sale-title = Receipt being typed · { $point } · { $date }
sale-count = { $count ->
    [0] no lines
    [one] 1 line
   *[other] { $count } lines
}
sale-col-no = No.
sale-col-item = Item
sale-col-qty = Qty
sale-col-price = Price
sale-col-discount = Discount
sale-col-amount = Amount
sale-col-reason = Reason
sale-empty = Type an item's code or part of its name, then Enter.
sale-add-item = Item
sale-add-qty = Qty
sale-reason-needed = reason?
sale-method = Payment
sale-method-cash = cash
sale-method-orange = Orange
sale-method-moov = Moov
sale-method-wave = Wave
sale-method-bank = bank
sale-method-credit = credit
sale-method-keys = { $keys } (or ←→ on this field)
sale-customer = Customer (optional)
sale-customer-required = Customer (required)
sale-customer-credit = { $name }: owes { $owed }, limit { $limit }
sale-total = TOTAL
sale-today = Today's receipts: { $count } · { $amount } · r: the list
sale-today-title = Today's last receipts (r: the list, goods back)
sale-recorded = Recorded: receipt { $receipt }, entry No. { $entry }.
sale-recorded-total = Total { $amount } ({ $method }). A new receipt starts.
sale-recorded-title = Sale recorded
sale-recorded-help = F8: the receipt to print · Enter: new receipt
sale-void-confirm = Drop the receipt being typed? Its lines are cleared (nothing is recorded).
sale-read-only-hint = Today's receipts are on r.

## Today's receipts
rcpt-title = Receipt { $receipt }
rcpt-summary = Receipts of { $date }: { $sales } sale(s), { $returns } return(s), net { $net }
rcpt-col-receipt = Receipt
rcpt-col-time = Time
rcpt-col-method = Payment
rcpt-col-what = Customer and items
rcpt-col-total = Amount
rcpt-empty = No receipt today.
rcpt-footer = Enter: the receipt · x: goods back · times in UTC (Bamako)
rcpt-return = return:
rcpt-return-of-return = A return is not taken back: choose the sale's receipt.
rcpt-view-help = ↑↓: scroll · Enter or Esc: close
rcpt-view-help-return = ↑↓: scroll · F8: goods brought back on this receipt · Enter: close

## Customers
cust-col-code = Code
cust-col-name = Customer
cust-col-phone = Phone
cust-col-limit = Limit
cust-col-owed = Owes
cust-col-0-30 = 0–30 d
cust-col-31-60 = 31–60 d
cust-col-61-90 = 61–90 d
cust-col-90 = over 90 d
cust-col-total = Total owed
cust-total = Total
cust-empty = No customers. n: add one (health centre, NGO, school…).
cust-footer = { $count } customer(s) · owed in all { $owed } · i: aged balances
cust-owes = owes { $amount }
cust-saved = Customer { $code } saved: { $name }.
cust-aging-title = Aged balances on { $date } (by age of the invoice)
cust-aging-empty = No credit invoice is still owed.
cust-aging-footer = i or Esc: back to the customers · y: record a payment
cust-ledger-ok = Account 4111 Customers: { $amount }, equal to the total owed.
cust-ledger-differs = Account 4111 Customers: { $amount }, but the total owed is { $total }: run jatebo verify.

## Day close (Z)
zday-point = Sales point
zday-day = Day
zday-state-open = open
zday-state-sealed = closed
zday-all-sealed = Every day with sales is closed.
zday-unsealed = { $count ->
    [one] Day not closed: { $days }
   *[other] { $count } days not closed: { $days }
}
zday-sales = { $count ->
    [one] Sales ({ $count } receipt)
   *[other] Sales ({ $count } receipts)
}
zday-returns = Returns ({ $count })
zday-payments = Customer payments
zday-by-item = By item
zday-by-method = By way of paying
zday-no-sales = no sales
zday-cash-expected = Cash expected
zday-grand-total = Perpetual total
zday-count-title = Cash counted, note by note
zday-or-sum = or the sum
zday-counted = Cash counted: { $amount }
zday-expected = Cash expected: { $amount }
zday-no-difference = No difference
zday-short = Short: { $amount }
zday-over = Over: { $amount }
zday-count-hint = Type how many of each note and coin, or the sum.
zday-count-unreadable = A count does not read: digits only.
zday-reason = Reason
zday-reason-is = Reason: { $reason }
zday-recorded = Day closed
zday-closed-by = Closed by { $name } on { $at } (UTC)
zday-entry = Difference recorded by entry No. { $entry }
zday-read-only = Read only: your role cannot close a day.
zday-confirm-title = Close the day
zday-confirm = Close the day of { $date } at sales point “{ $point }”?
zday-confirm-note = After this, no sale, return or payment can be dated in that day at that sales point.
zday-sealed = Day of { $date } closed at sales point “{ $point }”.
zday-history = Past closes
zday-history-empty = No day closed yet.
zday-col-period = Day
zday-col-point = Point
zday-col-sales = Net sales
zday-col-expected = Expected
zday-col-counted = Counted
zday-col-difference = Difference
zday-col-by = By

## Stock
stock-col-code = Code
stock-col-name = Item
stock-col-kind = Kind
stock-col-qty = Quantity
stock-col-unit-cost = Unit cost
stock-col-value = Value
stock-col-reorder = Reorder
stock-col-move = Movement
stock-col-qty-move = Qty ±
stock-col-value-move = Value ±
stock-col-qty-after = Qty after
stock-col-value-after = Val. after
stock-col-reason = Reason
stock-empty = No items. n: add one (finished product or material).
stock-footer = { $count } items, { $products } products · value { $value } · { $low } at or below reorder (⚠)
stock-item-added = Item { $code } added: { $name }.
stock-ledger-title = { $code } { $name } · { $qty } · { $value } · average cost { $cost }
stock-ledger-empty = No movements.
stock-ledger-footer = { $count } movement(s) · Enter: the entry · Esc: back to the items

## Production
prod-col-run = Run
prod-col-recipe = Recipe
prod-col-batches = Batches
prod-col-made = Made
prod-col-cost = Cost
prod-col-unit-cost = Unit cost
prod-col-material = Material
prod-col-needed = Needed
prod-col-in-stock = In stock
prod-empty = No production run yet. n: produce.
prod-footer = { $count } run(s) · recipes: { $recipes } · n: produce
prod-no-recipe = No recipe: make one on the command line (jatebo recipe add).
prod-will-make = Will make { $qty } of { $product }.
prod-short = Materials are short: the run will be refused.
prod-done-title = Production recorded
prod-done = Run { $run } recorded — entry No. { $entry }.
prod-done-made = Made: { $qty } of { $product }, cost { $cost }
prod-done-unit-cost = Unit cost: { $cost } F CFA
prod-done-consumed = Materials consumed:

## Co-op dialogs
dlg-help = Tab: next field · ←→: choose · Enter: confirm · Esc: cancel
dlg-help-lines = Tab or Enter: next field · Ctrl+N / Ctrl+D: add / delete a line · F8: record · Esc: cancel
dlg-help-grid = Tab or Enter: next field · F8: record · Esc: cancel
dlg-none = (none)
dlg-date = Date
dlg-note = Note
dlg-supplier = Supplier
dlg-reference = Supplier's invoice
dlg-method = Payment
dlg-item = Item
dlg-reason = Reason
dlg-qty = Quantity
dlg-unit-cost = Unit cost
dlg-unit-cost-hint = if none in stock
dlg-code = Code
dlg-name = Name
dlg-kind = Kind
dlg-unit = Unit
dlg-price = Sale price
dlg-price-hint = products
dlg-reorder = Reorder level
dlg-stock-account = Stock account
dlg-sales-account = Sales account
dlg-purchase-account = Purchases account
dlg-flow-account = Account
dlg-recipe = Recipe
dlg-batches = Batches
dlg-batch-yields = one batch: { $qty }
dlg-customer = Customer
dlg-amount = Amount
dlg-invoice = Invoice
dlg-invoice-hint = empty: oldest first
dlg-phone = Phone
dlg-limit = Credit limit
dlg-col-item = Material
dlg-col-qty = Quantity
dlg-col-amount = Amount
dlg-col-code = Code
dlg-col-name = Item
dlg-col-book = Books
dlg-col-counted = Counted
dlg-col-sold = Sold
dlg-col-back = Back
dlg-col-difference = Difference
dlg-col-value = Value
dlg-purchase-title = Materials bought
dlg-purchase-total = Total { $amount } · paid from account { $account }
dlg-adjust-title = Stock adjustment
dlg-count-title = Physical count
dlg-count-hint = Type the quantity counted of the items counted (0 when none is left); the others do not change. F8: see the differences.
dlg-count-preview = { $count } difference(s), value { $value }.
dlg-count-confirm = F8: record the count (a change makes a new preview).
dlg-count-empty = Type at least one counted quantity.
dlg-item-title = New item
dlg-item-product-hint = A finished product is made and sold: it needs a price.
dlg-item-material-hint = A material is bought or given, and used by production runs.
dlg-run-title = Production run
dlg-batches-unreadable = The number of batches does not read (1, 2, 0.5…).
dlg-return-title = Goods back on receipt { $receipt }
dlg-return-hint = Type the quantity brought back of each item; the money goes back the way it came.
dlg-return-empty = Type the quantity brought back of at least one item.
dlg-payment-title = A customer pays
dlg-customer-new-title = New customer
dlg-customer-edit-title = Customer: { $name }
dlg-supplier-required = The supplier is required.
dlg-name-required = The name is required.
dlg-reason-required = The reason is required.
dlg-price-required = A product has a sale price.
dlg-no-account = No account of this kind in the chart: create it first.
dlg-unknown-item = Unknown item “{ $code }”.
dlg-unknown-product = No product “{ $code }”: type its code or part of its name.
dlg-unknown-material = No material “{ $code }”.
dlg-unknown-customer = Unknown customer “{ $code }”.
dlg-bad-unit-cost = “{ $value }” is not a unit cost (1,250 or 352.50).
dlg-bad-invoice = “{ $value }” is not an invoice number (12 or VTE-000012).

## Savings group: the Group tab (meeting, loans, share-out, passbook, indicators, members)
sg-tui-tab = Group
sg-tui-tab-meeting = Meeting
sg-tui-tab-loans = Loans
sg-tui-tab-shareout = Share-out
sg-tui-tab-passbook = Passbook
sg-tui-tab-indicators = Indicators
sg-tui-tab-members = Members
sg-tui-key-group = Group (meeting)
sg-tui-key-loans = Loans
sg-tui-key-shareout = Share-out
sg-tui-key-passbook = Passbook
sg-tui-key-indicators = Indicators
sg-tui-key-members = Members
sg-tui-key-save-row = Save row
sg-tui-key-fill = Defaults
sg-tui-key-social = Social fund
sg-tui-key-close = Close
sg-tui-key-open = New meeting
sg-tui-key-reopen = Reopen
sg-tui-key-prev-meeting = Previous
sg-tui-key-next-meeting = Next
sg-tui-key-start-cycle = Start a cycle
sg-tui-key-post-shareout = Post the share-out
sg-tui-key-write-off = Write off
sg-tui-key-member-add = New member
sg-tui-key-member-leave = Leaving
sg-tui-busy = The ledger is busy with another jatebo open on the same file. Nothing was written: try again.
sg-tui-att-present = P
sg-tui-att-absent = A
sg-tui-att-represented = R
sg-tui-role-member = member
sg-tui-role-president = president
sg-tui-role-secretary = secretary
sg-tui-role-box-keeper = box keeper
sg-tui-role-money-counter = money counter
sg-tui-role-key-holder = key holder
sg-tui-mode-flat = flat
sg-tui-mode-declining = declining
sg-tui-mode-upfront = upfront
sg-tui-mode-none = no interest
sg-tui-par-healthy = healthy
sg-tui-par-watch = to watch
sg-tui-par-alarming = alarming
sg-tui-remainder-next-cycle = stays in the box for the next cycle
sg-tui-remainder-social-fund = goes to the social fund

## The meeting
sg-tui-col-no = No.
sg-tui-col-name = Member
sg-tui-col-att = P
sg-tui-col-social = Social
sg-tui-col-social-short = Soc.
sg-tui-col-shares = Shares
sg-tui-col-shares-short = Shs
sg-tui-col-repay = Repaid
sg-tui-col-fine = Fine
sg-tui-col-paid = Paid
sg-tui-col-loan = Loan
sg-tui-col-term = Mths
sg-tui-col-split = Princ.+int.
sg-tui-col-savings = Savings
sg-tui-col-owes = Owes
sg-tui-meeting-open = Meeting no. { $number } of { $date } · open · { $saved }/{ $total } rows saved
sg-tui-meeting-closed = Meeting no. { $number } of { $date } · closed · code { $code }
sg-tui-reopened-times = reopened { $count } time(s)
sg-tui-cycle-shared = cycle { $number } shared out on { $date }
sg-tui-rules = share { $price } F, { $min } to { $max } shares, social { $fee } F
sg-tui-rules-long = Constitution: share of { $price } F, { $min } to { $max } shares per meeting, social fund { $fee } F; loans at { $rate } a month ({ $mode }), at most { $multiple } times savings, { $term } months at most.
sg-tui-cycle-line = Cycle { $number } started on { $start } · planned end { $end }
sg-tui-no-cycle = This group has no cycle yet: one must be started first (its constitution: share price, social fund, loans, fines).
sg-tui-no-cycle-start = n or F8: start a cycle with the usual constitution, to adjust.
sg-tui-no-cycle-cli = From the command line: jatebo group start (see the guide).
sg-tui-no-meeting = No meeting in this cycle yet.
sg-tui-no-members-yet = No members: add the members first (m, then n).
sg-tui-members-count = { $count ->
    [one] 1 member.
   *[other] { $count } members.
}
sg-tui-open-first = n or F8: open the meeting (date, count of both boxes).
sg-tui-row-info = No. { $number } { $name } · savings { $savings }
sg-tui-row-shares = { $shares } shares before
sg-tui-row-loan = loan no. { $number }: owes { $balance } by { $due }
sg-tui-row-payoff = { $amount } to clear it
sg-tui-row-fines-owed = fines owed { $amount }
sg-tui-days-late-short = { $days } d
sg-tui-row-split = Repayment: principal { $principal } + interest { $interest }
sg-tui-row-new-loan = New loan of { $amount } over { $months } months
sg-tui-row-upfront = first month's interest taken: { $amount }
sg-tui-checking = Checking…
sg-tui-row-closed = Closed meeting: read only.
sg-tui-row-typed = Row changed, not saved yet: Enter saves it, Esc drops the changes.
sg-tui-row-is-saved = ✓ Row saved.
sg-tui-row-not-saved = Not saved yet: Enter saves the row as shown.
sg-tui-row-entry = Entry no. { $entry }
sg-tui-row-saved = Row of no. { $number } { $name } saved.
sg-tui-grid-empty = No member of the group on this meeting's date (see when they joined, Members tab).
sg-tui-row-dropped = Changes to the row dropped.
sg-tui-bad-shares = “{ $value }” is not a number of shares.
sg-tui-bad-term = “{ $value }” is not a number of months.
sg-tui-bad-number = “{ $value }” is not a whole number.
sg-tui-nothing-to-fill = Every row is already saved.
sg-tui-filled = { $count ->
    [0] No row filled.
    [one] 1 row filled with the defaults (present, social fund, minimum shares).
   *[other] { $count } rows filled with the defaults (present, social fund, minimum shares).
}
sg-tui-close-typed = Rows are changed and not saved (no. { $members }): Enter to save them, or Esc on the row to drop the changes, before closing.
sg-tui-tot-attendance = Present { $present } · represented { $represented } · absent { $absent }
sg-tui-tot-rows = rows { $saved }/{ $total }
sg-tui-tot-social = social { $amount }
sg-tui-tot-shares = shares { $count } = { $amount }
sg-tui-tot-repay = repaid { $total } (princ. { $principal } + int. { $interest })
sg-tui-tot-fines = fines { $levied }, paid { $paid }
sg-tui-tot-loans = loans { $amount }
sg-tui-tot-upfront = interest taken { $amount }
sg-tui-tot-social-moves = social fund: { $count } movement(s), out { $out }, back { $back }
sg-tui-tot-loan-cash = Loan fund box: opening { $opening } → expected at the end { $closing }
sg-tui-tot-social-cash = Social fund box: { $opening } → { $closing }
sg-tui-opened = Meeting no. { $number } of { $date } open.
sg-tui-social-saved = Social fund updated.
sg-tui-closed = Meeting no. { $number } closed · code { $code }
sg-tui-reopened = Meeting no. { $number } reopened: its entries are reversed, its rows are back in the grid.
sg-tui-reopen-last-only = Only the last meeting (no. { $last }) can be reopened, not no. { $number }.
sg-tui-cycle-running = A cycle is running: share it out before starting another.
sg-tui-cycle-started = Cycle { $number } started on { $date }.

## The group's dialogs
sg-tui-dlg-help = Tab or Enter: next field · ←→: choose · F8: confirm · Esc: cancel
sg-tui-dlg-help-social = Tab: next field · F8: add · Ctrl+D: take back the last movement · Esc: cancel
sg-tui-dlg-help-confirm = Enter: confirm · Esc: cancel
sg-tui-f-date = Date
sg-tui-f-start = Cycle starts
sg-tui-f-end = Planned end
sg-tui-f-frequency = Days between meetings
sg-tui-f-share-price = Share price
sg-tui-f-min-shares = Minimum shares
sg-tui-f-max-shares = Maximum shares
sg-tui-f-social-fee = Social fund / meeting
sg-tui-f-mode = Interest
sg-tui-f-rate = Monthly rate (%)
sg-tui-f-multiple = Max loan (× savings)
sg-tui-f-max-term = Max term (months)
sg-tui-f-fines = Fines
sg-tui-f-loan-count = Loan fund box counted
sg-tui-f-social-count = Social fund box counted
sg-tui-f-reason = Reason
sg-tui-f-member = Member (no. or name)
sg-tui-f-social-kind = Movement
sg-tui-f-amount = Amount
sg-tui-f-social-reason = Why
sg-tui-f-note = Note
sg-tui-f-term = Term (months)
sg-tui-f-approver-1 = Approved by
sg-tui-f-approver-2 = and by
sg-tui-f-name = Name
sg-tui-f-phone = Phone
sg-tui-f-role = Office
sg-tui-f-joined = Joined the group
sg-tui-f-number = Number
sg-tui-note-count-ok = ✓ as the books say
sg-tui-note-count-differs = ⚠ books { $expected }, difference { $difference }
sg-tui-note-reason-if-differs = if a count differs
sg-tui-note-term = loan: empty = max term
sg-tui-note-no-member = no such member
sg-tui-note-many = { $count } members: say which
sg-tui-note-number = empty: the next one
sg-tui-note-fines = code=amount
sg-tui-note-rate = 10 for 10 %
sg-tui-amount-required = The amount is required.
sg-tui-member-required = The member is required (her number or her name).
sg-tui-reason-required = The reason is required.
sg-tui-dlg-cycle-title = Start a cycle
sg-tui-dlg-cycle-intro = The usual constitution is offered: change what the group decided. It is fixed for the whole cycle.
sg-tui-dlg-open-title = Open the meeting
sg-tui-dlg-open-intro = Open the box and count both boxes. If a count differs from the books, give the reason: the difference will be recorded.
sg-tui-dlg-social-title = Social fund: grant, interest-free loan or repayment
sg-tui-dlg-social-cash = Social fund box: { $opening } at the opening, { $closing } expected at the end.
sg-tui-dlg-social-none = No social fund movement at this meeting.
sg-tui-dlg-close-title = Close meeting no. { $number }
sg-tui-dlg-close-expected = The books expect: loan fund box { $loan } F, social fund box { $social } F.
sg-tui-dlg-close-missing = Rows not saved yet: no. { $members } (Ctrl+F fills them with the defaults).
sg-tui-dlg-close-intro = Count both boxes. Once closed, the meeting is final (only the last one can be reopened).
sg-tui-dlg-reopen-title = Reopen meeting no. { $number }
sg-tui-dlg-reopen-intro = Reopen meeting no. { $number } of { $date }: every entry it posted will be reversed (nothing is deleted) and its rows come back to the grid. The reopening is recorded with its reason.
sg-tui-dlg-writeoff-title = Write off loan no. { $number } ({ $name })
sg-tui-dlg-writeoff-intro = { $amount } is still owed: this amount will be written off as a loss.
sg-tui-dlg-writeoff-approvers = Two jatebo users must approve (their names).
sg-tui-dlg-member-title = New member
sg-tui-dlg-leave-title = { $name } leaves
sg-tui-dlg-leave-savings = { $shares } shares, { $savings } saved: she takes { $amount }.
sg-tui-dlg-leave-debt = What she owes (loan, fines): { $amount }.
sg-tui-dlg-leave-payout = She receives: { $amount }.
sg-tui-dlg-leave-confirm = Enter: record her leaving on { $date } · Esc: cancel
sg-tui-dlg-shareout-title = Share-out of cycle { $cycle }
sg-tui-dlg-shareout-intro = Pay { $amount } to { $count } members and close the cycle on { $date }?
sg-tui-dlg-shareout-final = The share-out is final: the cycle will be closed. The social fund stays.
sg-tui-dlg-code-title = Meeting no. { $number } closed
sg-tui-dlg-code-closed = Meeting no. { $number } of { $date } closed: { $entries } entry(ies).
sg-tui-dlg-code-cash = Loan fund box { $loan } · social fund box { $social }
sg-tui-dlg-code-difference = Differences recorded: loan fund { $loan }, social fund { $social }
sg-tui-dlg-code-copy = The secretary copies this code into the meeting notebook.
sg-tui-dlg-code-help = Enter: close. The code stays shown at the top of the meeting.

## Loans
sg-tui-col-loan-no = No.
sg-tui-col-principal = Principal
sg-tui-col-lent = Lent
sg-tui-col-mode = Mode
sg-tui-col-disbursed = Given on
sg-tui-col-due = Due
sg-tui-col-paid-total = Paid
sg-tui-col-balance = Owed
sg-tui-col-late = Late
sg-tui-col-interest = Interest
sg-tui-col-remaining = Remaining
sg-tui-loan-social = social
sg-tui-loan-written-off = written off
sg-tui-loan-repaid = ✓ repaid
sg-tui-loan-rolled = rolled over
sg-tui-loans-empty = No loan in this cycle.
sg-tui-loans-footer = { $count } loan(s) outstanding · owed { $amount } · { $late } late · Enter: schedule
sg-tui-loan-title = Loan no. { $number } · no. { $member } { $name } · { $principal }
sg-tui-loan-terms = { $mode } at { $rate } a month over { $term } months · given on { $disbursed } · due { $due }
sg-tui-loan-schedule = Schedule
sg-tui-loan-payments = Payments
sg-tui-loan-no-payment = No payment.
sg-tui-loan-footer = Paid: princ. { $paid }, int. { $interest } · owed { $balance } · payoff today { $payoff }
sg-tui-loan-closed = Loan no. { $number } is repaid or already written off.
sg-tui-written-off = Loan no. { $number } of { $name } written off: { $amount }.

## Share-out
sg-tui-col-gross = Part
sg-tui-col-profit = Profit
sg-tui-col-netted = Netted
sg-tui-col-payout = Paid out
sg-tui-shareout-preview = preview on { $date }
sg-tui-shareout-posted = posted on { $date }, entry no. { $entry }
sg-tui-shareout-title = Share-out of cycle { $cycle } · { $state }
sg-tui-shareout-fund = To share: { $amount } · { $shares } shares bought · savings { $savings }
sg-tui-shareout-value = Value of a share: { $value } F · return on savings: { $rate }
sg-tui-shareout-remainder = Rounding remainder: { $amount }, which { $to }.
sg-tui-shareout-totals = Paid out { $payout } to { $count } members · debts netted { $netted }
sg-tui-shareout-hint = F8: post the share-out (the cycle will be closed; the social fund stays).
sg-tui-shareout-next-cycle = The cycle is shared out. Meeting tab, n or F8: start the next cycle (the members carry over).
sg-tui-shared-out = Share-out of cycle { $cycle } posted: { $amount } paid out, entry no. { $entry }.

## Passbook
sg-tui-passbook-pick = Enter: the member's passbook · /: find a name
sg-tui-col-date = Date
sg-tui-col-what = What
sg-tui-col-total-shares = Shares
sg-tui-col-total-savings = Savings
sg-tui-col-role = Office
sg-tui-col-left = Left
sg-tui-col-phone = Phone
sg-tui-col-joined = Joined
sg-tui-pb-title = Passbook of no. { $number } { $name } · share of { $price }
sg-tui-pb-meeting = Meeting { $number }
sg-tui-pb-reversal = ↩ Rev. mtg { $number }
sg-tui-pb-social = Social fund
sg-tui-pb-netting = Debt netted
sg-tui-pb-shareout = Share-out
sg-tui-pb-leave = Left
sg-tui-pb-writeoff = Written off
sg-tui-pb-empty = Nothing recorded yet.
sg-tui-pb-totals = Shares { $shares } · savings { $savings } · loan owed { $loan } · fines owed { $fines }
sg-tui-pb-ledger-ok = ✓ Equal to her savings account { $account } in the ledger.
sg-tui-pb-ledger-differs = Her savings account in the ledger says { $amount }: run jatebo verify.
sg-tui-pb-reverses = cancels entry no. { $entry }

## Indicators
sg-tui-ind-title = Cycle { $cycle } on { $date } · { $meetings } meeting(s) closed
sg-tui-ind-members = Active members
sg-tui-ind-attendance = Attendance
sg-tui-ind-savings = Savings this cycle
sg-tui-ind-savings-value = { $amount } ({ $shares } shares)
sg-tui-ind-loans = Loans outstanding
sg-tui-ind-loans-value = { $count } loan(s), { $amount }
sg-tui-ind-par = Portfolio at risk (overdue)
sg-tui-ind-utilisation = Loan fund utilisation
sg-tui-ind-fund = Loan fund box · fund value
sg-tui-ind-fund-value = { $cash } · { $value }
sg-tui-ind-return = Return on savings
sg-tui-ind-return-value = { $cycle } over the cycle · { $year } a year
sg-tui-ind-social = Social fund (box · reserve)
sg-tui-ind-social-value = { $cash } · { $reserve }
sg-tui-ind-written-off = Written off
sg-tui-ind-with-loan = Members with a loan
sg-tui-ind-projected = Projected value of a share
sg-tui-ind-projected-value = { $value } F
sg-tui-ind-note = Portfolio at risk: healthy under 5 %, alarming from 20 %. From the command line: jatebo indicators --json.

## Members
sg-tui-members-empty = No member. n: add a member.
sg-tui-members-footer = { $count } active member(s), { $left } left · n: new · d: leaving · /: find
sg-tui-member-added = Member no. { $number } added: { $name }.
sg-tui-already-left = { $name } left the group on { $date }.
sg-tui-left = { $name } left the group: { $amount } handed over.
