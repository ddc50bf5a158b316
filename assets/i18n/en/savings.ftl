# Savings groups (VSLA / AVEC): cycles, members, meetings, loans, social
# fund, share-out, passbooks. Amounts arrive already grouped.

sg-bad-choice = “{ $input }” is not { $what ->
    [interest-mode] a known interest mode (flat, declining, upfront, none)
    [late-policy] a known late rule (rollover, overdue)
    [shareout-rule] a known share-out rule (proportional, equal-profit, own-interest)
    [remainder-to] a known place for the remainder (next-cycle, social-fund)
    [leaving-payout] a known leaving rule (savings, value)
    [attendance] a known attendance (p = present, a = absent, r = represented)
    [member-role] a known office (member, president, secretary, box-keeper, money-counter, key-holder)
    [social-reason] a known reason (health, funeral, other)
    [sheet-column] a known meeting-sheet column (number, name, attendance, social, shares, repay, fine, fine_paid, loan, term)
    [shares] a number of shares
    [term] a term in months
   *[other] an accepted value
}.
sg-bad-constitution = Cycle rules refused: { $field ->
    [frequency] meetings must be 1 to 62 days apart
    [share-price] the share price must be 1 to 1,000,000 F CFA
    [shares] shares per meeting must go from a minimum to a maximum between 1 and 100
    [social-fee] the social fund contribution must be 0 to 1,000,000 F CFA
    [rate] the monthly rate must be 0 to 100 % (and 0 without interest)
    [max-multiple] the loan limit must be 0 to 20 times savings
    [max-term] the longest loan term must be 1 to 24 months
    [rounding-unit] share-out rounding must be 1, 5, 10, 25, 50 or 100 F
   *[other] a rule is not valid
}.
sg-bad-fine = Badly written fine: “{ $input }”. Write an amount (300) or fine codes (retard+bruit, 2*retard); in the rules, code=amount (retard=100).
sg-unknown-fine = The rules have no fine “{ $input }”.
sg-bad-rate = “{ $input }” is not a valid rate (examples: 10 for 10 %, 2.5).
sg-negative = Negative amount refused ({ $field }): type 0 or a positive amount.
sg-too-large = Amount too large ({ $field }).
sg-inactive-member = She was not a member of the group on the meeting's date (not yet joined or already left).
sg-absent-no-money = An absent member pays and receives nothing: mark her “represented” if someone brought her money.
sg-shares-out-of-range = { $shares } share(s): the rules ask for { $min } to { $max } share(s) per meeting.
sg-fine-paid-above-owed = Fine paid { $paid } F CFA, but she owes only { $owed } F CFA in fines.
sg-no-loan = She has no loan to repay.
sg-repay-above-payoff = Repayment of { $amount } F CFA: clearing the loan takes exactly { $payoff } F CFA (the started month's interest included); a part payment must stay below it.
sg-loan-outstanding = She still owes a loan ({ $balance } F CFA of principal): one loan at a time.
sg-term-too-long = Term of { $term } months: the rules allow { $max } months at most.
sg-loan-above-limit = Loan of { $amount } F CFA refused: at most { $limit } F CFA on savings of { $savings } F CFA.
sg-loan-above-cash = Loan of { $amount } F CFA refused: the loan-fund box will hold only { $cash } F CFA.
sg-debt-above-share = Member No. { $member } owes { $debt } F CFA, more than her part ({ $gross } F CFA): she must repay, or the loan be written off, before the share-out.
sg-debt-not-netted = Member No. { $member } still owes { $debt } F CFA and the rules do not net debts at the share-out: she must repay first.
sg-no-shares = No share was bought this cycle: there is nothing to share out.
sg-loss = The fund does not cover every member's savings: an equal-profit share-out is not possible; use the proportional rule.
sg-not-a-group = This organisation is not a savings group.
sg-no-cycle = No cycle has started: start one with “jatebo group start”.
sg-cycle-not-shared = Cycle { $number } is not shared out yet: share it out before starting another.
sg-cycle-shared = Cycle { $number } is shared out and closed: start the next cycle.
sg-cycle-dates = The planned end of the cycle must come after its start.
sg-unknown-member = No member matches “{ $input }”.
sg-ambiguous-member = Several members match “{ $input }”: { $matches }. Give her number.
sg-member-exists = Member number { $number } is already taken.
sg-meeting-open = Meeting No. { $number } of { $date } is still open: close it first.
sg-no-open-meeting = No meeting is open: open one with “jatebo meeting open”.
sg-meeting-before = The date must come after the last meeting or share-out ({ $last }).
sg-meeting-before-cycle = The meeting cannot come before the cycle's start ({ $start }).
sg-count-mismatch = Count of the { $fund ->
    [loan] loan fund
   *[social] social fund
} box: { $counted } F CFA counted, the books expect { $expected } F CFA (difference { $difference } F CFA). Count again, or give the reason for the difference to record it.
sg-rows-missing = Rows missing for members { $members }: enter them (or fill the default rows) before closing.
sg-unknown-meeting = No meeting No. { $number } in this cycle.
sg-not-last-meeting = Only the last meeting (No. { $last }) can be reopened, not No. { $number }.
sg-meeting-not-closed = Meeting No. { $number } is not closed.
sg-reopen-blocked = A departure or a write-off was recorded after this meeting: it can no longer be reopened.
sg-unknown-loan = No loan No. { $number }.
sg-loan-closed = Loan No. { $number } is already repaid or written off.
sg-approvers-needed = A write-off must be approved by at least two users (--approved-by twice).
sg-unknown-approver = “{ $input }” is not a user of this ledger.
sg-social-cash-short = Payout of { $amount } F CFA refused: the social fund box will hold only { $cash } F CFA.
sg-already-left = She left the group on { $date }.
sg-debt-above-savings = She owes { $debt } F CFA, more than she takes back ({ $amount } F CFA): she must repay first.
sg-bad-social-kind = “{ $input }”: choose grant, loan or repay.
sg-no-social-loan = She has no social fund loan to repay.
sg-unknown-social = No social fund movement No. { $id } at this meeting.

sg-warn-overdue = { $days } day(s) late: { $balance } F CFA of principal still owed.
sg-warn-social-fee = Social fund: { $paid } F CFA paid instead of { $fee } F CFA.
sg-warn-high-rate = Rate of { $rate } % a month: above 10 %, check with the group.

sg-memo-open-diff = Meeting No. { $number } of { $date }: cash difference at opening ({ $reason })
sg-memo-row = Meeting No. { $number } of { $date } – { $name }
sg-memo-social = Meeting No. { $number }: social fund, { $kind } ({ $reason }) – { $name }
sg-memo-close-diff = Meeting No. { $number } of { $date }: cash difference at closing ({ $reason })
sg-memo-reopen = Meeting No. { $number } reopened: { $reason }
sg-memo-shareout = End-of-cycle share-out, cycle { $cycle }
sg-memo-leave = Member No. { $number } { $name } leaves: her savings returned
sg-memo-writeoff = Loan No. { $number } of { $name } written off: { $reason } (approved by { $approvers })
sg-line-social = social fund
sg-line-shares = { $count } share(s)
sg-line-principal = principal repaid
sg-line-interest = interest
sg-line-fine = fine
sg-line-fine-paid = fine paid
sg-line-loan = loan No. { $number }
sg-line-upfront = first month's interest, loan No. { $number }
sg-line-return = return on savings at share-out
sg-line-remainder = share-out remainder moved to the social fund
sg-social-grant = grant
sg-social-loan = interest-free loan
sg-social-repay = repayment
sg-reason-health = health
sg-reason-funeral = funeral
sg-reason-other = other

error-sheet-line = Meeting sheet, line { $line }: { $detail } Nothing was recorded.
error-meeting-row = Member row { $detail } The meeting was not closed.
