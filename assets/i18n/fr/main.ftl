# Messages du grand livre, des périodes, de la vérification et des erreurs.

period-bad-date = Date non reconnue : « { $input } ». Tapez JJ/MM/AAAA (31/10/2026) ou AAAA-MM-JJ (2026-10-31).
period-bad-month = Mois non reconnu : « { $input } ». Tapez AAAA-MM, par exemple 2026-10.
period-bad-year = Année non reconnue : « { $input } ». Tapez quatre chiffres, par exemple 2026.
period-out-of-range = « { $input } » est hors des années acceptées ({ $min }–{ $max }). L'horloge de l'ordinateur est-elle juste ?
period-reversed = La période commence le { $from } et finit le { $to } : le début doit précéder la fin.

ledger-too-few-lines = Une écriture a au moins deux lignes : un débit et un crédit.
ledger-too-many-lines = Une écriture a au plus { $max } lignes.
ledger-zero-amount = Ligne { $line } : le montant doit être supérieur à zéro.
ledger-amount-above-cap = Ligne { $line } : le montant dépasse le plafond de { $cap } F CFA.
ledger-unbalanced = Écriture déséquilibrée : débit { $debit } F CFA, crédit { $credit } F CFA (écart { $difference } F CFA). Le total des débits doit égaler celui des crédits.
ledger-overflow = Les montants sont trop grands pour être additionnés.
ledger-empty-key = La clé d'unicité de l'écriture est vide.
ledger-key-too-long = La clé d'unicité dépasse { $max } caractères.
ledger-date-out-of-range = La date { $date } est hors des années acceptées ({ $min }–{ $max }).
ledger-period-closed = La date { $date } tombe dans une période clôturée (clôturée jusqu'à { $month } inclus). Datez l'écriture dans une période ouverte.
ledger-unknown-account = Le compte { $number } n'existe pas dans le plan de cette organisation.
ledger-closed-account = Le compte { $number } est fermé : il ne reçoit plus d'écritures.
ledger-key-conflict = La clé « { $key } » a déjà servi pour l'écriture N° { $number }, avec un autre contenu. Rien n'a été enregistré.
ledger-unknown-entry = Écriture { $number } introuvable.
ledger-already-reversed = L'écriture N° { $number } est déjà contre-passée par N° { $by }.
ledger-reversal-of-reversal = L'écriture N° { $number } est elle-même une contre-passation : enregistrez plutôt l'écriture correcte.
ledger-same-account-both-sides = Toutes les lignes portent sur le même compte : l'écriture ne déplace rien.

lines-fields = Ligne attendue sous la forme compte;D ou C;montant;libellé (libellé facultatif).
lines-side = Sens « { $side } » non reconnu : tapez D (débit) ou C (crédit).

verify-integrity = Le fichier est endommagé : { $detail }
verify-schema = Une protection du registre manque ({ $detail }) : le fichier a été modifié hors de jatebo.
verify-unbalanced = { $org } : l'écriture N° { $number } n'est pas équilibrée.
verify-hash-mismatch = { $org } : l'écriture N° { $number } a été modifiée après son enregistrement (son empreinte ne correspond plus).
verify-broken-link = { $org } : l'écriture N° { $number } n'est plus chaînée à la précédente.
verify-chain-gap = { $org } : des écritures manquent avant N° { $number } (position { $expected } attendue dans la chaîne).
verify-number-gap = { $org } : la numérotation saute de N° { $expected } à N° { $number }.
verify-wrong-year = { $org } : l'écriture N° { $number } porte un numéro d'un autre exercice que sa date.
verify-truncated = { $org } : { $missing } écriture(s) manquent après N° { $last } ; la dernière enregistrée était N° { $head }.
verify-head-mismatch = { $org } : la dernière écriture (N° { $number }) n'est pas celle que le registre a enregistrée en dernier.
verify-cache-mismatch = { $org } : les totaux mémorisés du compte { $account } pour { $month } ne correspondent pas aux écritures.
verify-bad-reversal = { $org } : la contre-passation N° { $number } ne reprend pas exactement l'écriture qu'elle annule.
verify-closed-period = { $org } : l'écriture N° { $number } a été ajoutée dans une période déjà clôturée (jusqu'à { $month }).
verify-close-totals = { $org } : les totaux de la clôture { $period } ne correspondent plus aux écritures (compte { $account }).
verify-close-head = { $org } : la chaîne n'est plus celle scellée à la clôture { $period }.
verify-audit-broken = Le journal d'audit a été modifié (ligne { $id }).

error-prefix = jatebo : erreur : { $message }
error-no-ledger = Aucun registre jatebo à { $path }. Créez-le avec « jatebo init » (ou « jatebo demo » pour essayer).
error-not-a-ledger = { $path } n'est pas un registre jatebo. Le fichier n'a pas été modifié.
error-too-new = { $path } a été écrit par une version plus récente de jatebo (schéma { $found }, cette version lit jusqu'au { $supported }). Le fichier n'a pas été modifié ; mettez jatebo à jour.
error-no-wal = SQLite refuse le mode WAL (mode obtenu : { $mode }). Le registre doit être sur un disque local, pas sur un dossier réseau.
error-busy = Le registre est occupé par un autre programme jatebo. Réessayez dans un instant.
error-disk-full = Le disque est plein : rien n'a été enregistré. Libérez de la place puis recommencez.
error-read-only = Le registre { $path } est en lecture seule : impossible d'écrire.
error-corrupt = Le fichier du registre est endommagé ({ $detail }). Rien n'a été modifié ; restaurez une sauvegarde : « jatebo doctor » les liste, « jatebo restore FICHIER » en remet une en place après l'avoir vérifiée.
error-refused = Le registre a refusé l'opération : { $detail }
error-write-failed = Impossible d'écrire sur le disque (disque plein ou en erreur) : rien n'a été enregistré. Libérez de la place ou vérifiez le disque, puis recommencez.
error-sync-failed = Le disque n'a pas confirmé l'écriture : l'opération est annulée, mais elle a pu atteindre le disque et réapparaître à la prochaine ouverture du registre. Vérifiez le disque, puis consultez le journal avant de recommencer (avec la même clé --key, rien n'est jamais enregistré deux fois).
error-export-disk-full = Le disque est plein : l'export vers { $path } n'a pas pu être écrit. Les fichiers commencés ont été effacés ; libérez de la place puis recommencez avec le même dossier.
error-export-write-failed = L'export vers { $path } n'a pas pu être écrit ({ $detail }). Les fichiers commencés ont été effacés ; recommencez.
error-database = Erreur du registre : { $detail }
error-io = Impossible d'utiliser { $path } : { $detail }
error-no-home = dossier personnel introuvable ; indiquez le registre avec --db
error-unknown-org = Organisation « { $code } » inconnue. « jatebo org list » affiche les organisations.
error-org-exists = Une organisation a déjà le code « { $code } ».
error-bad-org-code = Code d'organisation « { $code } » invalide : lettres minuscules sans accent, chiffres et tirets, 32 au plus (ex. savon-ton).
error-org-required = Précisez l'organisation avec --org (parmi : { $codes }).
error-account-exists = Le compte { $number } existe déjà.
error-account-has-balance = Le compte { $number } a un solde { $side ->
    [credit] créditeur
   *[debit] débiteur
} de { $balance } F CFA : soldez-le avant de le fermer.
error-account-already-closed = Le compte { $number } est déjà fermé.
error-missing-result-account = Le compte de résultat { $number } manque ou est fermé : rétablissez-le pour clôturer l'exercice.
error-already-closed = La période { $period } est déjà clôturée.
error-december-with-year = Décembre se clôture avec l'exercice : « jatebo period close --year { $year } ».
error-earlier-year-open = Clôturez d'abord l'exercice { $year }.
error-demo-needs-empty = Le registre { $path } contient déjà des comptes : la démonstration se crée dans un registre vide (choisissez-en un autre avec --db).
error-lines-file = Fichier de lignes, ligne { $line } : { $detail }
error-bad-line-arg = « { $arg } » : écrivez COMPTE=MONTANT, par exemple 5711=1500.
error-corrupt-entry = L'écriture N° { $number } est déséquilibrée dans le registre : lancez « jatebo verify ».
error-json = Sortie JSON impossible : { $detail }

entry-reversal-memo = Contre-passation de N° { $number } : { $reason }
year-close-memo = Détermination du résultat de l'exercice { $year }
ledger-negative-cash = Le compte { $number } (caisse ou porte-monnaie électronique) passerait à { $balance } F CFA le { $date } : on ne peut pas sortir plus que ce qu'il contient. Vérifiez le montant et la date, ou enregistrez d'abord l'entrée d'argent.
ledger-reserved-key = La clé « { $key } » commence par « { $prefix } », réservé aux écritures que jatebo fait lui-même : choisissez une autre clé.
ledger-reverse-closing-entry = L'écriture N° { $number } est la détermination du résultat d'un exercice clôturé : elle ne se contre-passe pas.
ledger-reversal-before-original = La contre-passation de N° { $number } ne peut pas être datée du { $date }, avant l'écriture qu'elle annule.
error-account-not-closed = Le compte { $number } n'est pas fermé.
error-account-moves-in-open-year = Le compte { $number } a des mouvements non soldés dans l'exercice { $year }, encore ouvert : il reste ouvert jusqu'à la clôture de cet exercice.
verify-damaged-row = { $org } : les lignes de l'écriture N° { $number } ne concordent plus avec elle (date ou compte modifié hors de jatebo).
verify-closed-through = { $org } : la marque de clôture dit « { $mark } » alors que la dernière clôture enregistrée va jusqu'à { $recorded } : des périodes ont été rouvertes hors de jatebo.
access-denied = Votre rôle ({ $role ->
    [admin] administrateur
    [treasurer] trésorière
    [facilitator] animatrice
   *[auditor] auditeur, lecture seule
}) ne permet pas { $action ->
    [read] de lire les livres
    [post] d'enregistrer des écritures
    [manage_accounts] de gérer les comptes
    [close_period] de clôturer une période
    [manage_orgs] de créer une organisation
    [backup] de sauvegarder tout le registre (il faut un rôle pour toutes les organisations)
    [restore] de restaurer le registre
   *[manage_users] de gérer les utilisateurs
} dans cette organisation.
access-no-role = Vous n'avez pas de rôle dans cette organisation : demandez à un administrateur.
secret-passphrase-too-short = La phrase de passe doit compter au moins { $min } caractères.
secret-bad-pin = Le code PIN doit compter de { $pin_min } à { $pin_max } chiffres.
error-login-required = Ce registre a des utilisateurs : indiquez qui vous êtes avec --user (la phrase de passe est demandée, ou lue dans JATEBO_PASSPHRASE).
error-login-refused = Connexion refusée : nom ou phrase de passe incorrect, ou trop d'essais (attendez quelques minutes).
error-passphrase-required = Phrase de passe nécessaire : tapez-la dans un terminal, ou donnez-la dans la variable JATEBO_PASSPHRASE.
error-passphrase-mismatch = Les deux saisies ne sont pas identiques : rien n'a été changé.
error-unknown-user = Utilisateur « { $name } » inconnu.
error-user-exists = Un utilisateur s'appelle déjà « { $name } ».
error-last-admin = Il doit rester au moins un administrateur pour toutes les organisations : rien n'a été changé.
verify-stock-mismatch = { $org } : le compte de stock { $account } dit { $ledger } alors que les articles qu'il tient valent { $stock } : le grand livre et l'inventaire ne concordent plus.
verify-stock-ledger = { $org } : le niveau de l'article « { $item } » n'est pas la somme de ses mouvements de stock : modifié hors de jatebo.
verify-member-mismatch = { $org } : le compte { $account } vaut { $ledger } F CFA dans le grand livre, mais les réunions enregistrées donnent { $book } F CFA : modifié hors de jatebo.
verify-meeting-code = { $org } : le code de fermeture { $code } de la réunion { $meeting } ne correspond plus à la chaîne des écritures : les livres ont été réécrits depuis.
