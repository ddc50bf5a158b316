# Monthly export for auditors, and its verification.

xp-col-number = Entry No.
xp-col-date = Date
xp-col-doc = Document
xp-col-memo = Description
xp-col-line = Line
xp-col-account = Account
xp-col-account-name = Account name
xp-col-label = Line label
xp-col-debit = Debit
xp-col-credit = Credit
xp-col-reverses = Reverses
xp-col-reversed-by = Reversed by
xp-col-source = Source
xp-col-author = Author
xp-col-recorded = Recorded at
xp-col-balance-debit = Debit balance
xp-col-balance-credit = Credit balance
xp-col-opening-debit = Opening debit
xp-col-opening-credit = Opening credit
xp-col-closing-debit = Closing debit
xp-col-closing-credit = Closing credit
xp-col-position = Position
xp-col-prev-hash = Previous hash
xp-col-hash = Hash
xp-opening = Opening balances
xp-account-total = Account total
xp-totals = Totals
xp-journal-title = jatebo journal
xp-sheet-journal = Journal
xp-sheet-ledger = General ledger
xp-sheet-trial = Trial balance
xp-sheet-chain = Chain

xp-step-read = Reading the ledger
xp-step-file = Writing { $file }
xp-done = Export of { $org } for { $month } written to { $dir }: { $files } files, { $entries } entries, { $lines } lines.
xp-done-totals = Total debit { $debit }, total credit { $credit }.
xp-done-chain = Chain: from position { $start } to position { $end } (head { $head }).
xp-done-open = Note: { $month } is not closed; entries can still be added to it. Close the month before the final export.
xp-file-line = { $file }: { $rows } rows, SHA-256 { $sha }

xp-ok = OK — export { $org } { $month } intact: { $files } files checked, { $entries } entries, debit = credit = { $debit }, chain up to position { $end }.
xp-ok-prev = OK — the chain of { $month } extends that of the { $prev } export, nothing rewritten.
xp-failed = FAILED — { $count ->
    [one] 1 problem
   *[other] { $count } problems
  } in { $dir }:
xp-no-manifest = manifest.json is missing: the export did not finish, or the manifest was removed.
xp-bad-manifest = manifest.json cannot be read ({ $detail }).
xp-unknown-format = manifest.json: unknown format “{ $found }” (expected jatebo-export/1).
xp-file-missing = { $file } is missing.
xp-file-unlisted = { $file } is not in the manifest (a file added, or an interrupted export).
xp-file-size = { $file }: { $found } bytes, the manifest says { $expected }: the file was changed or truncated.
xp-file-hash = { $file }: its SHA-256 differs from the manifest: the file was changed.
xp-bad-body = { $file } cannot be read ({ $detail }).
xp-file-differs = { $file } does not say what livres.json says (from line { $line }).
xp-manifest-differs = manifest.json does not match the files ({ $what }).
xp-entry-hash = livres.json: the content of entry No. { $number } no longer gives its hash: it was altered.
xp-entry-unbalanced = livres.json: entry No. { $number } is unbalanced.
xp-entry-outside = livres.json: entry No. { $number } is dated { $date }, outside the exported month.
xp-entry-not-in-chain = livres.json: entry No. { $number } is not in its place in the chain.
xp-chain-broken = chaine.csv / livres.json: the chain is broken at position { $position }.
xp-trial-differs = trial balance: account { $account } does not follow from the opening balances and the entries.
xp-trial-unbalanced = trial balance: debits and credits differ.
xp-prev-other-org = The previous export is of another organisation ({ $code }).
xp-prev-not-earlier = The previous export ({ $month }) is not of an earlier month.
xp-prev-faulty = The previous export is itself faulty: { $detail }
xp-chain-rewritten = The ledger was rewritten since the { $month } export: the chain at position { $position } is no longer the same.
xp-chain-gap = This export's chain starts at position { $to }, after the end of the { $month } export (position { $from }): entries recorded in between are in neither. Export { $month } again.

error-export-refused = Export refused, nothing was written: the ledger fails its checks ({ $detail }). Run “jatebo verify”.
error-export-dir-not-empty = The folder { $path } is not empty: an export goes into a new or empty folder. Choose another folder.

cli-export = Export a month of books for the auditor (CSV, XLSX, JSON, hledger journal, manifest)
cli-export-month = Month to export (YYYY-MM)
cli-export-out = Folder to write the export to (new or empty)
cli-export-bom = Start the CSV files with a UTF-8 byte-order mark (for Excel in French)
cli-verify-export = Check an export folder (and, given last month's folder, that the chain extends it)
cli-verify-export-dir = Export folder to check
cli-verify-export-prev = Last month's export folder
