# Chart of accounts: account numbers, SYSCOHADA classes, chart templates and errors reading a chart.

## Account number

account-empty = The account number is empty.
account-not-digits = An account number has digits only (0 to 9), no spaces or letters.
account-too-short = An account number has at least { $min } digits.
account-too-long = An account number has at most { $max } digits.
account-bad-class = An account number starts with its class digit, 1 to 9, never 0.

## Classes of the revised SYSCOHADA chart

account-class-1 = Long-term resources (equity and long-term debt)
account-class-2 = Fixed assets
account-class-3 = Inventories
account-class-4 = Third parties (receivables and payables)
account-class-5 = Cash and cash equivalents
account-class-6 = Expenses of ordinary activities
account-class-7 = Income of ordinary activities
account-class-8 = Other expenses and other income (outside ordinary activities)
account-class-9 = Off-balance-sheet commitments and management accounting
account-class-unknown = Unknown class

## Chart templates

chart-template-coop = Producer cooperative (soap, masks)
chart-template-savings = Savings group (VSLA)

## Reading a chart of accounts

chart-bad-header = The first line of the chart must be: number;name_fr;name_en
chart-bad-line = Line { $line }: there must be exactly 3 fields separated by ";" (number;French name;English name).
chart-bad-number-empty = Line { $line }: the account number is empty.
chart-bad-number-not-digits = Line { $line }: the account number must contain digits only.
chart-bad-number-too-short = Line { $line }: the account number must have at least { $min } digits.
chart-bad-number-too-long = Line { $line }: the account number must have at most { $max } digits.
chart-bad-number-bad-class = Line { $line }: the account number cannot start with 0.
chart-empty-name = Line { $line }: the account needs both a French and an English name.
chart-duplicate = Line { $line }: account { $number } already appears earlier in the chart.
