## The TUI's Reports tab: trial balance, general ledger, SMT, income
## statement, balance sheet, stock, receivables, indicators; the drill-down
## to the document; the export.

rep-tab = Reports
rep-tab-balance = Trial balance
rep-tab-ledger = Ledger
rep-tab-smt = Cash
rep-tab-income = Income
rep-tab-sheet = Bal. sheet
rep-tab-stock = Stock
rep-tab-aging = Receivables
rep-tab-indicators = Indicators

rep-title-balance = Trial balance
rep-title-ledger = General ledger
rep-title-smt = Receipts and payments (SMT)
rep-title-income = Income statement
rep-title-sheet = Balance sheet
rep-title-stock = Stock valuation
rep-title-aging = Customers' debts by age
rep-title-indicators = Group indicators
rep-title-range = { $title } · { $period } ({ $from } to { $to })
rep-title-at = { $title } at { $at } · { $period }
rep-title-all-balance = Consolidated trial balance
rep-title-all-smt = Consolidated receipts and payments (SMT)
rep-title-all-income = Consolidated income statement
rep-title-all-sheet = Consolidated balance sheet
rep-title-orgs = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisations
}
rep-title-all-range = { $title } · { $orgs } · { $period }
rep-title-all-at = { $title } at { $at } · { $orgs } · { $period }
rep-period-year = year { $year }

## Keys
rep-key-reports = Reports
rep-key-balance = Trial balance
rep-key-ledger = General ledger
rep-key-smt = Cash (SMT)
rep-key-income = Income statement
rep-key-sheet = Balance sheet
rep-key-stock = Stock valuation
rep-key-aging = Receivables
rep-key-indicators = Indicators
rep-key-prev = Prev.
rep-key-next = Next
rep-key-year = Year
rep-key-month = Month
rep-key-columns = Columns
rep-key-details = Accounts
rep-key-details-hide = No accounts
rep-key-export = Export
rep-key-document = Document
rep-key-all-orgs = All orgs
rep-key-one-org = One org
rep-all-no-drill = Consolidated: an account's detail is read in its own organisation.

## Columns
rep-col-opening = Opening
rep-col-movements = Movements
rep-col-closing = Closing
rep-col-receipts = Receipts
rep-col-payments = Payments
rep-col-ref = Ref
rep-col-heading = Heading
rep-col-amount = Amount
rep-col-gross = Gross
rep-col-depreciation = Deprec.
rep-col-net = Net
rep-col-item = Item
rep-col-qty = Quantity
rep-col-unit-cost = Unit cost
rep-col-value = Value
rep-col-items-value = Items
rep-col-ledger = Ledger
rep-col-move = Movement
rep-col-difference = Difference

rep-totals = Totals
rep-empty = Nothing in this period.

## Trial balance
rep-trial-empty = No balance and no movement in this period.
rep-trial-balanced = Balanced: debits = credits
rep-trial-unbalanced = NOT balanced: { $diffs }
rep-trial-diff = { $columns }: difference { $amount }
rep-trial-hidden = Space: other columns ({ $columns })

## General ledger
rep-gl-head = { $account } { $name } · opening
rep-gl-total = Total { $account } · closing
rep-gl-footer = { $count ->
    [one] 1 account
   *[other] { $count } accounts
} · debits { $debit } · credits { $credit }

## SMT
rep-smt-head = { $account } { $name } · opening balance { $opening }
rep-smt-transfer = ⇄ { $name } (internal transfer)
rep-smt-closing = Totals · closing balance { $amount }
rep-smt-all-head = All cash, bank and wallets · opening balance { $opening }
rep-smt-footer-ok = Closing balances = ledger · cash and bank: { $closing }
rep-smt-footer-bad = Differs from the ledger: { $closing } computed, { $ledger } in the ledger

## Income statement
rep-income-profit = Net result: profit of { $amount } (equal to classes 6 to 8)
rep-income-loss = Net result: loss of { $amount } (equal to classes 6 to 8)

## Balance sheet
rep-sheet-assets = ASSETS
rep-sheet-liabilities = EQUITY AND LIABILITIES
rep-sheet-ok = Assets = equity and liabilities: { $amount }
rep-sheet-bad = Assets { $assets } ≠ equity and liabilities { $liabilities }
rep-sheet-result = including a result not yet allocated of { $amount }

## Stock
rep-stock-accounts = Stock accounts
rep-aging-footer = What each customer owes, by age of the invoices (= account 4111).
rep-stock-ok = The stock equals the stock accounts: { $amount }
rep-stock-bad = The stock ({ $items }) differs from the stock accounts ({ $ledger })

## Drill-down
rep-crumb-entry = No. { $number }
rep-crumb-document = Document
rep-ledger-title = { $period } · opening balance on { $from }: { $opening }
rep-ledger-empty = No movement in this period.
rep-ledger-footer = { $count ->
    [one] 1 line
   *[other] { $count } lines
} · debits { $debit } · credits { $credit } · closing { $closing }

## Documents
rep-doc-manual-title = Entry typed by hand
rep-doc-manual = It has no other document than its reference: { $reference } (to be found in the paper file).
rep-doc-manual-none = It has no other document and no document reference.
rep-doc-receipt-title = Sales receipt { $reference } of { $date }
rep-doc-return-title = Goods returned { $reference } of { $date }
rep-doc-stock-title = { $kind } { $reference } of { $date }
rep-doc-kind-purchase = Purchase
rep-doc-kind-donation = Donation
rep-doc-kind-run = Production run
rep-doc-kind-adjust = Stock adjustment
rep-doc-kind-count = Stock count
rep-doc-payment-title = Payment received { $reference } of { $date }
rep-doc-dayclose-title = Day close (Z) of { $period } (sales point { $point })
rep-doc-meeting-title = Meeting no. { $number } of { $date } (cycle { $cycle })
rep-doc-year-close = Year close { $year }
rep-doc-year-close-note = Result entry posted by the year close: the accounts of classes 6 to 8 are settled into 131 (profit) or 139 (loss).
rep-doc-parts = Members' shares bought { $reference }
rep-doc-surplus = Allocation of the { $year } surplus
rep-doc-leave = Member no. { $number } { $name } left
rep-doc-writeoff = Loan no. { $number } of { $name } written off
rep-doc-shareout = Share-out of cycle { $cycle }
rep-doc-unknown = Document { $reference }
rep-doc-entry-footer = Entry no. { $number } · source: { $source }
rep-doc-memo = Description
rep-doc-amount = Amount
rep-doc-date = Date
rep-doc-by = Recorded by
rep-doc-supplier = Supplier
rep-doc-donor = Donor
rep-doc-their-ref = Their reference
rep-doc-method = Paid by
rep-doc-recipe = Recipe
rep-doc-recipe-value = { $recipe } × { $batches } batch(es)
rep-doc-total = Total
rep-doc-note = Note
rep-doc-no-moves = No stock movement.
rep-doc-customer = Customer
rep-doc-point = Sales point
rep-doc-invoice = Invoice
rep-doc-sales-count = Number of sales
rep-doc-sales-total = Sales total
rep-doc-returns-total = Returns total
rep-doc-cash-expected = Cash expected
rep-doc-cash-counted = Cash counted
rep-doc-difference = Difference
rep-doc-reason = Reason
rep-doc-closed = Closed by
rep-doc-code = Closing code
rep-doc-boxes = loans { $loan } · social { $social }
rep-doc-boxes-after = Boxes after the meeting
rep-doc-opened-cash = Boxes at the opening
rep-doc-reopened = Close cancelled (meeting reopened by { $by }): { $reason }
rep-doc-attendance = Attendance
rep-doc-attendance-value = { $present } present · { $represented } represented · { $absent } absent
rep-doc-social = Social fund
rep-doc-social-value = fees { $fees } · out { $out } · back { $back }
rep-doc-savings = Savings
rep-doc-netted = Set against her loan
rep-doc-payout = Paid out
rep-doc-approved = Approved by
rep-doc-entry = Entry
rep-doc-source = Source

## Export
rep-export-title = Monthly export · { $org }
rep-export-intro = The month's journal, general ledger, trial balance and chain, as CSV, workbook, JSON and text, with a manifest of checksums, for the auditor or the NGO.
rep-export-month = Month (MM/YYYY)
rep-export-folder = Folder
rep-export-bom = BOM mark (Excel)
rep-export-bom-yes = Yes
rep-export-bom-no = No
rep-export-bom-help = Yes if Excel shows the CSV files' accents wrongly (Space or ← → to change).
rep-export-help = Tab: next field · Enter or F8: export · Esc: cancel
rep-export-wait = Exporting…
rep-export-starting = Reading the ledger…
rep-export-writing = Writing { $file } ({ $step }/{ $steps })
rep-export-bad-month = Month not recognised: “{ $value }” (for example 10/2026).
rep-export-no-folder = Say which folder to write the export into.
rep-export-done = Export done for { $month }: { $count } files and the manifest.
rep-export-where = In { $dir }
rep-export-col-file = File
rep-export-col-rows = Rows
rep-export-col-bytes = Bytes
rep-export-counts = { $entries } entries · { $lines } lines · { $accounts } accounts
rep-export-totals = Total debit { $debit } · total credit { $credit }
rep-export-head = Chain at the end of the month: position { $position }, entry no. { $number }
rep-export-closed = Month closed: these files will not change.
rep-export-open = Month not closed: entries may still be added to it.
rep-export-done-help = Enter or Esc: close. To check the folder later: jatebo verify-export <folder>.
