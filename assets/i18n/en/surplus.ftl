# Year-end surplus allocation of a cooperative (AUSCOOP): legal reserves,
# optional reserves, interest on parts sociales, amount carried forward and
# ristournes. Amounts arrive already grouped; percentages arrive as text,
# with a decimal point ($pct…).

surplus-none = The year's surplus is zero: there is nothing to allocate.
surplus-loss = The year ended with a loss of { $loss } F CFA: a loss is not allocated, it is carried forward to next year.
surplus-rate-out-of-range = { $rate ->
    [general] The general reserve percentage
    [training] The training reserve percentage
    [optional] The optional reserves percentage
   *[interest] The interest rate on parts sociales
} ({ $pct }%) must be between 0 and 100%.
surplus-optional-above-max = Optional reserves may not exceed { $max }% of the surplus; the planned allocation gives them { $pct }%. Lower their percentage.
surplus-negative-carried-forward = The amount carried forward cannot be negative ({ $amount } F CFA): type 0 or a positive amount.
surplus-negative-reserve-balance = The balance of the { $reserve ->
    [training] training reserve (account 1112)
   *[general] general reserve (account 1111)
} is a debit ({ $balance } F CFA): a reserve cannot be negative. Check the entries of this account before allocating the surplus.
surplus-duplicate-member = Member No. { $member } appears twice in the list: each member must appear only once.
surplus-negative-capital = Member No. { $member }'s capital is negative ({ $capital } F CFA): check their parts sociales.
surplus-negative-dealings = Member No. { $member }'s dealings with the cooperative are negative ({ $dealings } F CFA): check them.
surplus-reserve-below-minimum = The { $reserve ->
    [training] training reserve
   *[general] general reserve
} must receive at least { $minimum } F CFA ({ $capped ->
    [yes] what it lacks to equal the capital of { $capital } F CFA
   *[no] { $legal }% of the surplus of { $surplus } F CFA
}); at the planned { $pct }% it would receive only { $amount } F CFA. Raise its percentage.
surplus-pool-negative = The surplus ({ $surplus } F CFA) is not enough: reserves ({ $reserves } F CFA), interest on parts sociales ({ $interest } F CFA) and the amount carried forward ({ $carried_forward } F CFA) exceed it by { $excess } F CFA. Reduce the amount carried forward, the optional reserves or the interest rate.
surplus-no-dealings = { $pool } F CFA of ristournes remain to be shared, but no member's dealings with the cooperative are recorded: record each member's dealings first, or carry this amount forward.
surplus-overflow = The amounts are too large to compute: check the number of digits.
