# Groupes d'épargne (AVEC / VSLA) : cycles, membres, réunions, prêts,
# fonds social, partage, livrets. Les montants arrivent déjà groupés.

sg-bad-choice = « { $input } » n'est pas { $what ->
    [interest-mode] un mode d'intérêt connu (fixe, dégressif, avance, aucun)
    [late-policy] une règle de retard connue (reconduction, retard)
    [shareout-rule] une règle de partage connue (proportionnel, bénéfice-égal, propres-intérêts)
    [remainder-to] une destination du reliquat connue (cycle-suivant, fonds-social)
    [leaving-payout] une règle de départ connue (épargne, valeur)
    [attendance] une présence connue (p = présente, a = absente, r = représentée)
    [member-role] une fonction connue (membre, présidente, secrétaire, gardienne, compteuse, porteuse-de-clé)
    [social-reason] un motif connu (santé, funérailles, autre)
    [sheet-column] une colonne connue de la feuille de réunion (numero, nom, presence, fonds_social, parts, remboursement, amende, amende_payee, pret, duree)
    [shares] un nombre de parts
    [term] une durée en mois
   *[other] une valeur acceptée
}.
sg-bad-constitution = Règlement du cycle refusé : { $field ->
    [frequency] la fréquence des réunions doit être de 1 à 62 jours
    [share-price] le prix de la part doit être de 1 à 1 000 000 F CFA
    [shares] le nombre de parts par réunion doit aller d'un minimum à un maximum de 1 à 100
    [social-fee] la cotisation au fonds social doit être de 0 à 1 000 000 F CFA
    [rate] le taux mensuel doit être de 0 à 100 % (et 0 sans intérêt)
    [max-multiple] le plafond de prêt doit être de 0 à 20 fois l'épargne
    [max-term] la durée maximale d'un prêt doit être de 1 à 24 mois
    [rounding-unit] l'arrondi du partage doit être 1, 5, 10, 25, 50 ou 100 F
   *[other] une règle n'est pas valable
}.
sg-bad-fine = Amende mal écrite : « { $input } ». Écrivez un montant (300) ou des codes d'amende (retard+bruit, 2*retard) ; dans le règlement, code=montant (retard=100).
sg-unknown-fine = Le règlement ne connaît pas l'amende « { $input } ».
sg-bad-rate = « { $input } » n'est pas un taux valable (exemples : 10 pour 10 %, 2,5).
sg-negative = Montant négatif refusé ({ $field }) : tapez 0 ou un montant positif.
sg-too-large = Montant trop grand ({ $field }).
sg-inactive-member = Ce membre n'était pas membre du groupe à la date de la réunion (pas encore entrée ou déjà partie).
sg-absent-no-money = Une absente ne verse ni ne reçoit d'argent : marquez-la « représentée » si quelqu'un a apporté son argent.
sg-shares-out-of-range = { $shares } part(s) : le règlement demande de { $min } à { $max } part(s) par réunion.
sg-fine-paid-above-owed = Amende payée de { $paid } F CFA, mais elle ne doit que { $owed } F CFA d'amendes.
sg-no-loan = Ce membre n'a pas de prêt en cours à rembourser.
sg-repay-above-payoff = Remboursement de { $amount } F CFA : pour solder le prêt il faut exactement { $payoff } F CFA (intérêts du mois commencé compris) ; un remboursement partiel doit rester en dessous.
sg-loan-outstanding = Ce membre a encore un prêt en cours ({ $balance } F CFA de capital) : un seul prêt à la fois.
sg-term-too-long = Durée de { $term } mois : le règlement permet { $max } mois au plus.
sg-loan-above-limit = Prêt de { $amount } F CFA refusé : au plus { $limit } F CFA pour une épargne de { $savings } F CFA.
sg-loan-above-cash = Prêt de { $amount } F CFA refusé : la caisse du fonds de crédit n'aura que { $cash } F CFA.
sg-debt-above-share = Le membre N° { $member } doit { $debt } F CFA, plus que sa part ({ $gross } F CFA) : elle doit rembourser ou le prêt doit être passé en perte avant le partage.
sg-debt-not-netted = Le membre N° { $member } doit encore { $debt } F CFA et le règlement ne déduit pas les dettes au partage : elle doit d'abord rembourser.
sg-no-shares = Aucune part achetée dans ce cycle : il n'y a rien à partager.
sg-loss = Le fonds ne couvre pas l'épargne de tous les membres : le partage à bénéfice égal n'est pas possible ; choisissez le partage proportionnel.
sg-not-a-group = Cette organisation n'est pas un groupe d'épargne.
sg-no-cycle = Aucun cycle n'est commencé : commencez-en un avec « jatebo group start ».
sg-cycle-not-shared = Le cycle { $number } n'est pas encore partagé : faites le partage avant d'en commencer un autre.
sg-cycle-shared = Le cycle { $number } est partagé et fermé : commencez le cycle suivant.
sg-cycle-dates = La fin prévue du cycle doit venir après son début.
sg-unknown-member = Aucun membre ne correspond à « { $input } ».
sg-ambiguous-member = Plusieurs membres correspondent à « { $input } » : { $matches }. Donnez son numéro.
sg-member-exists = Le numéro de membre { $number } est déjà pris.
sg-meeting-open = La réunion N° { $number } du { $date } est encore ouverte : fermez-la d'abord.
sg-no-open-meeting = Aucune réunion n'est ouverte : ouvrez-en une avec « jatebo meeting open ».
sg-meeting-before = La date doit venir après celle de la dernière réunion ou du dernier partage ({ $last }).
sg-meeting-before-cycle = La réunion ne peut pas précéder le début du cycle ({ $start }).
sg-count-mismatch = Comptage de la caisse { $fund ->
    [loan] du fonds de crédit
   *[social] du fonds social
} : { $counted } F CFA comptés, les livres attendent { $expected } F CFA (écart { $difference } F CFA). Recomptez, ou donnez le motif de l'écart pour l'enregistrer.
sg-rows-missing = Il manque la ligne des membres { $members } : saisissez-les (ou remplissez les lignes par défaut) avant de fermer.
sg-unknown-meeting = Pas de réunion N° { $number } dans ce cycle.
sg-not-last-meeting = Seule la dernière réunion (N° { $last }) peut être rouverte, pas la N° { $number }.
sg-meeting-not-closed = La réunion N° { $number } n'est pas fermée.
sg-reopen-blocked = Un départ ou un passage en perte a été enregistré après cette réunion : elle ne peut plus être rouverte.
sg-unknown-loan = Pas de prêt N° { $number }.
sg-loan-closed = Le prêt N° { $number } est déjà soldé ou passé en perte.
sg-approvers-needed = Un passage en perte doit être approuvé par au moins deux utilisateurs (--approved-by deux fois).
sg-unknown-approver = « { $input } » n'est pas un utilisateur de ce registre.
sg-social-cash-short = Sortie de { $amount } F CFA refusée : la caisse du fonds social n'aura que { $cash } F CFA.
sg-already-left = Ce membre a quitté le groupe le { $date }.
sg-debt-above-savings = Elle doit { $debt } F CFA, plus que ce qu'elle reprend ({ $amount } F CFA) : elle doit rembourser d'abord.
sg-bad-social-kind = « { $input } » : choisissez aide, prêt ou remboursement.
sg-no-social-loan = Ce membre n'a pas de prêt du fonds social en cours.
sg-unknown-social = Pas de mouvement N° { $id } du fonds social dans cette réunion.

sg-warn-overdue = En retard de { $days } jour(s) : { $balance } F CFA de capital restent dus.
sg-warn-social-fee = Fonds social : { $paid } F CFA versés au lieu de { $fee } F CFA.
sg-warn-high-rate = Taux de { $rate } % par mois : au-dessus de 10 %, vérifiez avec le groupe.

sg-memo-open-diff = Réunion N° { $number } du { $date } : écart de caisse à l'ouverture ({ $reason })
sg-memo-row = Réunion N° { $number } du { $date } – { $name }
sg-memo-social = Réunion N° { $number } : fonds social, { $kind } ({ $reason }) – { $name }
sg-memo-close-diff = Réunion N° { $number } du { $date } : écart de caisse à la fermeture ({ $reason })
sg-memo-reopen = Réunion N° { $number } rouverte : { $reason }
sg-memo-shareout = Partage de fin du cycle { $cycle }
sg-memo-leave = Départ du membre N° { $number } { $name } : remise de son épargne
sg-memo-writeoff = Prêt N° { $number } de { $name } passé en perte : { $reason } (approuvé par { $approvers })
sg-line-social = fonds social
sg-line-shares = { $count } part(s)
sg-line-principal = remboursement du capital
sg-line-interest = intérêts
sg-line-fine = amende
sg-line-fine-paid = amende payée
sg-line-loan = prêt N° { $number }
sg-line-upfront = intérêts du premier mois, prêt N° { $number }
sg-line-return = rémunération de l'épargne au partage
sg-line-remainder = reliquat du partage versé au fonds social
sg-social-grant = aide
sg-social-loan = prêt sans intérêt
sg-social-repay = remboursement
sg-reason-health = santé
sg-reason-funeral = funérailles
sg-reason-other = autre

error-sheet-line = Feuille de réunion, ligne { $line } : { $detail } Rien n'a été enregistré.
error-meeting-row = Ligne du membre { $detail } La réunion n'a pas été fermée.
