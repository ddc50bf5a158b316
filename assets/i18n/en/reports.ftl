# Financial statements: SMT, income statement, balance sheet, stock,
# general ledger, consolidated trial balance (jatebo report …).

cli-report-cmd = Financial statements: SMT, income statement, balance sheet, stock, general ledger, trial balance
cli-report-smt = Statement of receipts and payments (minimal cash-basis system) per cash box, bank and wallet
cli-report-income = Income statement (simplified SYSCOHADA layout)
cli-report-balance-sheet = Balance sheet at a date (simplified SYSCOHADA layout)
cli-report-stock = Stock value at a date, item by item, checked against the stock accounts
cli-report-ledger = General ledger: every account, with running balance
cli-report-trial = Trial balance, consolidated with --all-orgs
cli-report-all-orgs = Every organisation of the ledger, summed account by account
cli-report-at = Date of the statement (DD/MM/YYYY or YYYY-MM-DD; default: today)
cli-report-account = Only the accounts whose number starts with this (e.g. 57)

report-all-orgs = all organisations ({ $count })
report-col-receipts = Receipts
report-col-payments = Payments
report-col-ref = Ref.
report-col-gross = Gross
report-col-depreciation = Depr./impair.
report-col-net = Net
report-col-unit = Unit

report-smt-title = Statement of receipts and payments (SMT) — { $org } — { $from } to { $to } (F CFA)
report-smt-none = No cash, bank or electronic money movement.
report-smt-opening = Opening balance
report-smt-closing = Closing balance (opening + receipts − payments)
report-smt-ledger = Balance in the ledger
report-smt-transfers = Internal transfers
report-smt-summary = All treasury accounts
report-smt-unbalanced-entry = (unbalanced entry)
report-smt-account-bad = This balance does not match the ledger: run "jatebo verify".
report-smt-ok = Check: closing = opening + receipts − payments = ledger balance.
report-smt-bad = Check: a closing balance does not match the ledger.

report-income-title = Income statement — { $org } — { $from } to { $to } (F CFA)
report-income-profit = Net result: profit of { $amount } F CFA.
report-income-loss = Net result: loss of { $amount } F CFA.
report-income-ok = Check: net result = income − expenses of classes 6 to 8.
report-income-bad = Check: the net result does not match classes 6 to 8.

report-bs-title = Balance sheet — { $org } — at { $at } (F CFA)
report-bs-assets = ASSETS
report-bs-liabilities = EQUITY AND LIABILITIES
report-bs-open-result = of which result of the year not yet closed (classes 6 to 8)
report-bs-unclassified = Accounts outside the balance sheet and the income statement (class 9):
report-bs-ok = Check: total assets = total equity and liabilities = { $amount } F CFA.
report-bs-bad = Check: total assets { $actif } F CFA, total equity and liabilities { $passif } F CFA, difference { $difference } F CFA.

report-stock-title = Stock at { $at } — { $org } (F CFA)
report-stock-none = No item.
report-stock-ok = Check: value of the items = balance of each stock account.
report-stock-bad = Check: the value of the items differs from a stock account.

report-ledger-title = General ledger — { $org } — { $from } to { $to } (F CFA)
report-ledger-account-totals = Totals and closing balance
report-ledger-totals = General ledger totals
report-ledger-ok = Check: debits = credits, debit balances = credit balances.
report-ledger-bad = Check: the general ledger does not balance.

# Income statement (SYSCOHADA revised references).
report-line-ta = Sales of goods for resale
report-line-ra = Purchases of goods for resale
report-line-rb = Change in inventories of goods
report-line-xa = Trading margin
report-line-tb = Sales of manufactured products
report-line-tc = Work and services sold
report-line-td = Ancillary income
report-line-xb = Turnover
report-line-te = Stored production (or destocking)
report-line-tf = Capitalised production
report-line-tg = Operating grants
report-line-th = Other income
report-line-ti = Operating expense transfers
report-line-rc = Purchases of raw materials
report-line-rd = Change in raw material inventories
report-line-re = Other purchases
report-line-rf = Change in other supplies inventories
report-line-rg = Transport
report-line-rh = External services
report-line-ri = Taxes and duties
report-line-rj = Other expenses
report-line-xc = Value added
report-line-rk = Staff costs
report-line-xd = Gross operating surplus
report-line-tj = Depreciation and provision write-backs
report-line-rl = Depreciation and provision charges
report-line-xe = Operating result
report-line-tk = Financial income
report-line-tl = Financial provision write-backs
report-line-tm = Financial expense transfers
report-line-rm = Financial expenses
report-line-rn = Financial provision charges
report-line-xf = Financial result
report-line-xg = Result from ordinary activities
report-line-tn = Proceeds from disposals of fixed assets
report-line-to = Other non-ordinary income (HAO)
report-line-ro = Book value of fixed assets disposed of
report-line-rp = Other non-ordinary expenses (HAO)
report-line-xh = Non-ordinary result (HAO)
report-line-rq = Employee profit-sharing
report-line-rs = Income tax
report-line-xi = Net result

# Balance sheet, assets.
report-line-ad = Intangible assets
report-line-ai = Property, plant and equipment
report-line-ap = Advances on fixed assets
report-line-aq = Financial assets
report-line-az = Total fixed assets
report-line-bb = Inventories and work in progress
report-line-bh = Suppliers, advances paid
report-line-bi = Customers
report-line-bj = Other receivables
report-line-bg = Receivables
report-line-bk = Total current assets
report-line-bq = Short-term investments
report-line-br = Items for collection
report-line-bs = Bank, cash and equivalents
report-line-bt = Total cash (assets)
report-line-bz = Total assets

# Balance sheet, equity and liabilities.
report-line-ca = Capital
report-line-cf = Non-distributable reserves
report-line-cg = Free reserves
report-line-ch = Retained earnings
report-line-cj = Net result for the year
report-line-cl = Investment grants
report-line-cm = Regulated provisions
report-line-cp = Total equity
report-line-da = Borrowings and other financial debts
report-line-db = Lease liabilities
report-line-dc = Provisions for risks and charges
report-line-dd = Total financial debts
report-line-df = Total long-term funds
report-line-di = Customers, advances received
report-line-dj = Operating suppliers
report-line-dk = Tax and social security debts
report-line-dm = Other debts
report-line-dp = Total current liabilities
report-line-dq = Banks, discount credit
report-line-dr = Banks, short-term credit
report-line-dt = Total cash (liabilities)
report-line-dz = Total equity and liabilities
report-line-unknown = Other line
