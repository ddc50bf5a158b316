# Year-end surplus allocation of a cooperative (AUSCOOP).
# Répartition de l'excédent net d'une coopérative en fin d'exercice (AUSCOOP) :
# réserves légales, réserves facultatives, intérêts des parts sociales,
# report à nouveau et ristournes. Les montants arrivent déjà groupés ;
# les pourcentages arrivent en texte, avec une virgule décimale ($pct_comma…).

surplus-none = L'excédent de l'exercice est nul : il n'y a rien à répartir.
surplus-loss = L'exercice se termine par une perte de { $loss } F CFA : une perte ne se répartit pas, elle est reportée à nouveau sur l'exercice suivant.
surplus-rate-out-of-range = { $rate ->
    [general] Le taux de la réserve générale
    [training] Le taux de la réserve de formation
    [optional] Le taux des réserves facultatives
   *[interest] Le taux d'intérêt des parts sociales
} ({ $pct_comma } %) doit être compris entre 0 et 100 %.
surplus-optional-above-max = Les réserves facultatives ne peuvent pas dépasser { $max_comma } % de l'excédent ; la répartition prévue leur en donne { $pct_comma } %. Baissez leur taux.
surplus-negative-carried-forward = Le montant reporté à nouveau ne peut pas être négatif ({ $amount } F CFA) : tapez 0 ou un montant positif.
surplus-negative-reserve-balance = Le solde { $reserve ->
    [training] de la réserve de formation (compte 1112)
   *[general] de la réserve générale (compte 1111)
} est débiteur ({ $balance } F CFA) : une réserve ne peut pas être négative. Vérifiez les écritures de ce compte avant de répartir l'excédent.
surplus-duplicate-member = Le membre N° { $member } figure deux fois dans la liste : chaque membre ne doit y être qu'une fois.
surplus-negative-capital = Le capital du membre N° { $member } est négatif ({ $capital } F CFA) : vérifiez ses parts sociales.
surplus-negative-dealings = Les opérations du membre N° { $member } avec la coopérative sont négatives ({ $dealings } F CFA) : vérifiez-les.
surplus-reserve-below-minimum = { $reserve ->
    [training] La réserve de formation
   *[general] La réserve générale
} doit recevoir au moins { $minimum } F CFA ({ $capped ->
    [yes] ce qui lui manque pour égaler le capital de { $capital } F CFA
   *[no] { $legal_comma } % de l'excédent de { $surplus } F CFA
}) ; avec le taux prévu de { $pct_comma } %, elle ne recevrait que { $amount } F CFA. Augmentez son taux.
surplus-pool-negative = L'excédent ({ $surplus } F CFA) ne suffit pas : les réserves ({ $reserves } F CFA), les intérêts des parts sociales ({ $interest } F CFA) et le report à nouveau ({ $carried_forward } F CFA) le dépassent de { $excess } F CFA. Réduisez le report à nouveau, les réserves facultatives ou le taux d'intérêt.
surplus-no-dealings = Il reste { $pool } F CFA de ristournes à répartir, mais aucune opération des membres avec la coopérative n'est enregistrée : enregistrez d'abord les opérations de chaque membre, ou reportez ce montant à nouveau.
surplus-overflow = Les montants sont trop grands pour être calculés : vérifiez le nombre de chiffres.
