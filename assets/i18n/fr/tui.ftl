# Interface plein écran (TUI).

## Onglets et touches
tab-home = Accueil
tab-accounts = Comptes
tab-journal = Journal
tab-new-entry = Saisie
tab-periods = Périodes
key-help = Aide
key-quit = Quitter
key-lock = Verrouiller
key-switch-org = Organisation
key-home = Accueil
key-accounts = Comptes
key-journal = Journal
key-new-entry = Saisie
key-periods = Périodes
key-next-tab = Onglet suivant
key-prev-tab = Onglet précédent
key-up = Monter
key-down = Descendre
key-page-up = Page précédente
key-page-down = Page suivante
key-first = Début
key-last = Fin
key-open = Ouvrir
key-back = Retour
key-filter = Filtrer
key-filter-panel = Filtres
key-clear-filter = Effacer les filtres
key-refresh = Actualiser / réessayer
key-reverse = Contre-passer
key-next-field = Champ suivant
key-prev-field = Champ précédent
key-post = Enregistrer
key-add-line = Ajouter une ligne
key-delete-line = Supprimer la ligne
key-balance = Solder
key-close-period = Clôturer
key-confirm = Valider
help-title = Touches de cet écran
help-footer = Une touche quelconque ferme cette aide. Les touches se changent dans jatebo.conf (voir le guide).

## Mois
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Premier lancement
wizard-title = Premier lancement — étape { $step } sur { $steps }
wizard-title-first = Premier lancement
wizard-welcome = Bienvenue dans jatebo. Choisissez votre langue.
lang-name = Français
wizard-list-help = ↑↓ : choisir · Entrée : valider · Échap : retour · Ctrl+C : quitter
wizard-choice-intro = Ce registre est vide. Que voulez-vous faire ?
wizard-create = Créer mes comptes (administrateur et organisation)
wizard-demo = Ouvrir le registre de démonstration (à côté, sans toucher au vôtre)
wizard-admin-intro = La première personne inscrite administre le registre : elle inscrit ensuite les autres.
wizard-name = Nom
wizard-passphrase = Phrase de passe
wizard-confirm = Confirmer
wizard-passphrase-rule = 8 caractères au moins. Une phrase facile à retenir vaut mieux qu'un mot compliqué.
wizard-name-required = Le nom est obligatoire.
wizard-pass-mismatch = Les deux phrases de passe ne sont pas identiques.
wizard-org-intro = La première organisation : une coopérative ou un groupe d'épargne.
wizard-org-code = Code court
wizard-org-name = Nom complet
wizard-org-kind = Type
wizard-org-rule = Code : lettres minuscules, chiffres et tirets (ex. savon). Espace change le type.
wizard-org-required = Le code et le nom de l'organisation sont obligatoires.
wizard-help = Tab ou Entrée : champ suivant · Échap : étape précédente · Ctrl+C : quitter

## Connexion et verrouillage
login-title = jatebo — connexion
login-name = Nom
login-passphrase = Phrase de passe
login-help = Entrée : valider · Tab : changer de champ · Échap : quitter
lock-title = Session verrouillée
lock-who = Session verrouillée : { $name }. Rien n'est affiché avant le déverrouillage.
lock-secret = Code PIN ou phrase
lock-help = Entrée : déverrouiller · Échap : changer d'utilisateur (la saisie en cours est abandonnée)
demo-hint = Registre de démonstration. Utilisatrices : { $users }.
    Phrase de passe de chacune : { $passphrase }

## Général
tui-loading = Chargement…
tui-no-org = Aucune organisation ne vous est ouverte. Demandez à l'administratrice de vous donner un rôle.
tui-no-org-short = aucune organisation
tui-read-only = Lecture seule : votre rôle ne permet pas de modifier les comptes de cette organisation.
tui-busy = Le registre est occupé par un autre jatebo ouvert sur le même fichier. Rien n'a été écrit. Ctrl+R pour réessayer.
tui-too-small = Agrandissez la fenêtre : { $min_width }×{ $min_height } au minimum (actuellement { $width }×{ $height }).
tui-panic = jatebo s'est arrêté sur une erreur interne. Vos écritures validées sont intactes. Un rapport a été écrit ici : { $path }
tui-panic-unwritten = jatebo s'est arrêté sur une erreur interne. Vos écritures validées sont intactes. Le rapport n'a pas pu être écrit : { $message }
config-problems = { $count ->
    [one] Un problème dans jatebo.conf : { $first }
   *[other] { $count } problèmes dans jatebo.conf, dont : { $first }
}
config-unreadable = ligne { $line } illisible : « { $text } »
config-bad-value = ligne { $line } : valeur « { $value } » refusée pour { $name }
keys-unknown-command = commande inconnue « { $name } »
keys-bad-key = touche « { $key } » non reconnue pour { $name }
keys-conflict = la touche { $key } sert à la fois à { $first } et à { $second }
list-count = { $shown } sur { $total }
notice-help = Entrée pour continuer.
confirm-title = Confirmer
confirm-help = Entrée : confirmer · Échap : annuler
confirm-quit-unsaved = Une écriture ou un reçu est en cours de saisie et n'est pas enregistré. Quitter quand même ?

## Accueil
home-money = Trésorerie (caisse, banque, mobile money)
home-balance = Solde
home-no-money = Aucun compte de trésorerie.
home-total = Total
home-today = Aujourd'hui, { $date }
home-activity = { $count ->
    [0] Aucune écriture aujourd'hui.
    [one] 1 écriture · encaissé { $received } · décaissé { $paid }
   *[other] { $count } écritures · encaissé { $received } · décaissé { $paid }
}
home-attention = À surveiller
home-month-open = Mois terminé non clôturé : { $month } (Périodes, F6).
balance-debit = D
balance-debit-word = débiteur
balance-credit-word = créditeur
balance-credit = C
home-all-good = Rien à signaler.
home-months-open = Mois terminés non clôturés : de { $from } à { $to } (Périodes, F6).
home-future = { $count ->
    [one] 1 écriture datée après aujourd'hui (le { $date }) : vérifiez l'année.
   *[other] { $count } écritures datées après aujourd'hui (la première le { $date }) : vérifiez l'année.
}
home-unbalanced = L'écriture N° { $number } n'est pas équilibrée dans le fichier : lancez « jatebo verify ».

## Comptes et grand livre
accounts-footer = { $count } comptes · Entrée : grand livre · / : filtrer
col-doc = Pièce
col-memo = Libellé
col-label = Détail ligne
col-amount = Montant
col-period = Période
col-kind = Type
col-closed-at = Clôture (UTC)
col-closed-by = Par
tui-ledger-title = grand livre { $year } · ouverture { $opening }
ledger-empty = Aucun mouvement sur cette année.
ledger-footer = { $count ->
    [one] 1 mouvement
   *[other] { $count } mouvements
} · solde final { $closing }

## Journal
journal-all = Tout le journal · f : filtrer par période, compte ou texte
journal-filtered = Filtré : { $filters } · x : effacer
journal-filter-period = période { $value }
journal-filter-account = compte { $value }
journal-filter-text = texte « { $value } »
journal-more-before = ▲ plus anciennes (↑, Début)
journal-more-after = ▼ plus récentes (↓, Fin)
journal-legend = ↺ contre-passée · ↩ contre-passation
filter-title = Filtrer le journal
filter-period = Période
filter-account = Compte
filter-text = Texte
filter-examples = Période : 2026-10, 10/2026, 2026 ou 05/10/2026. Texte : accents et majuscules sans importance.
filter-help = Entrée : appliquer · Tab : champ suivant · Échap : annuler
filter-bad-period = Période « { $value } » non reconnue (ex. 2026-10, 10/2026, 2026).
filter-bad-account = Numéro de compte « { $value } » non valable.

## Écriture
entry-origin = Document d'origine : { $source }
entry-title = Écriture N° { $number } du { $date }
entry-doc = Pièce : { $value }
entry-memo = Libellé : { $value }
entry-author = Saisie par { $name } le { $at } (heure UTC)
entry-source-manual = saisie manuelle
entry-prev-hash = Précédente : { $hash }
entry-balanced = équilibrée
entry-unbalanced = NON ÉQUILIBRÉE
reverse-title = Contre-passer l'écriture N° { $number }
reverse-intro = Une écriture validée ne se modifie pas : on passe une écriture inverse, liée à elle.
reverse-date = Date
reverse-reason = Motif
reverse-help = Entrée : contre-passer · Tab : changer de champ · Échap : annuler
reverse-reason-required = Le motif est obligatoire.
reverse-already = L'écriture N° { $number } est déjà contre-passée par N° { $by }.
reversed-number = Écriture N° { $number } contre-passée par N° { $by }.

## Saisie
form-date = Date
form-doc = Pièce
form-memo = Libellé
form-totals = Totaux
form-total-debit = Débit : { $amount }
form-total-credit = Crédit : { $amount }
form-balanced = équilibrée
form-difference = écart { $amount }
form-more-lines = { $count } ligne(s) plus bas
form-bad-date = Date « { $value } » non valable : écrivez JJ/MM/AAAA.
form-bad-account = Ligne { $line } : numéro de compte « { $value } » non valable.
form-unknown-account = Ligne { $line } : le compte { $value } n'existe pas dans ce plan (tapez un nom pour chercher).
form-closed-account = Ligne { $line } : le compte { $value } est fermé.
form-bad-amount = Ligne { $line } : { $value }
form-both-sides = Ligne { $line } : une ligne est au débit ou au crédit, pas les deux.
form-no-amount = Ligne { $line } : montant manquant.
form-two-lines = Une écriture a au moins deux lignes.
form-unbalanced = Écriture non équilibrée : écart de { $amount }. Ctrl+B met la différence sur la ligne courante.
posted-title = Écriture enregistrée
posted-number = Écriture enregistrée sous le N° { $number }.
posted-already = Déjà enregistrée sous le N° { $number } : rien de nouveau n'a été écrit.

## Périodes
periods-through = Clôturé jusqu'à : { $month }
periods-none-closed = aucun mois clôturé
periods-next = Prochaine période à clôturer : { $month } (m ou F8)
periods-nothing-to-close = Aucun mois terminé à clôturer.
periods-empty = Aucune clôture pour l'instant.
periods-closed = Période clôturée jusqu'à { $month }.
close-kind-month = mois
close-kind-year = exercice
confirm-close-month = Clôturer { $month } ? Plus aucune écriture ne pourra être datée dans ce mois ni avant.
confirm-close-year = Clôturer décembre et l'exercice { $year } ? Le résultat sera passé et l'exercice fermé définitivement.

## Organisations
org-title = Changer d'organisation
org-filter = Chercher
org-switch-none = Aucune organisation ne correspond.
org-help = ↑↓ : choisir · Entrée : ouvrir · Échap : annuler

## Utilisateurs
tab-users = Utilisateurs
key-users = Utilisateurs
key-user-add = Ajouter
key-user-role = Rôle
key-user-passphrase = Phrase de passe
key-user-pin = Mon PIN
users-col-name = Nom
users-col-lang = Langue
users-col-pin = PIN
users-col-roles = Rôles
users-all-orgs = toutes les organisations
users-disabled = désactivé
users-yes = oui
users-no = non
users-count = { $count ->
    [one] 1 utilisateur
   *[other] { $count } utilisateurs
}
users-admin-only = Seule une administratrice (rôle administrateur) gère les utilisateurs.
users-add-title = Ajouter un utilisateur
users-role-title = Rôle de { $name }
users-passphrase-title = Nouvelle phrase de passe de { $name }
users-pin-title = Mon code PIN
users-field-name = Nom
users-field-passphrase = Phrase de passe
users-field-confirm = Confirmer
users-field-lang = Langue
users-field-role = Rôle
users-field-org = Organisation
users-field-pin = PIN (4 à 8 chiffres)
users-role-in = { $scope } : { $role }
users-role-remove = retirer le rôle
users-dialog-help = Tab : champ suivant · ←→ : choisir · Entrée : valider · Échap : annuler. PIN vide : le retirer.
users-added = Utilisateur « { $name } » ajouté.
users-role-saved = Rôles de « { $name } » mis à jour.
users-passphrase-saved = Phrase de passe de « { $name } » changée.
users-pin-saved = Code PIN enregistré : il sert à déverrouiller votre session.
users-pin-removed = Code PIN retiré.
tui-needs-terminal = L'interface plein écran a besoin d'un terminal. Sans terminal (script, redirection), donnez une commande : jatebo --help.
keyname-enter = Entrée
keyname-esc = Échap
keyname-backtab = Maj+Tab
keyname-pgup = PgPréc
keyname-pgdn = PgSuiv
keyname-home = Début
keyname-end = Fin
keyname-space = Espace
confirm-switch-unsaved = Une écriture ou un reçu est en cours de saisie pour cette organisation. Changer d'organisation l'abandonne. Continuer ?
tui-not-allowed = Votre rôle ne permet pas cette action dans cette organisation.
form-doc-required = La pièce est obligatoire : le numéro du reçu, de la facture ou du document qui justifie l'écriture.
form-memo-required = Le libellé est obligatoire : dites en quelques mots ce que l'écriture enregistre.

## Coopérative : l'onglet Boutique (ventes, reçus, clients, clôture Z, stock, fabrication)
tab-shop = Boutique
shop-tab-sales = Ventes
shop-tab-receipts = Reçus
shop-tab-customers = Clients
shop-tab-day-close = Clôture Z
shop-tab-stock = Stock
shop-tab-production = Fabrication
key-shop = Boutique (ventes)
key-coop-stock = Stock
key-coop-production = Fabrication
key-coop-receipts = Reçus du jour
key-coop-customers = Clients
key-coop-day-close = Clôture Z
key-item-new = Nouvel article
key-purchase = Achat
key-adjust = Ajustement
key-stock-count = Inventaire
key-run-new = Fabriquer
key-sale-add = Ajouter
key-sale-void = Abandonner le reçu
key-pay-cash = Espèces
key-pay-orange = Orange Money
key-pay-moov = Moov Money
key-pay-wave = Wave
key-pay-bank = Virement bancaire
key-pay-credit = À crédit
key-sale-return = Retour client
key-customer-new = Nouveau client
key-customer-edit = Modifier
key-customer-pay = Paiement
key-aging = Balance âgée
key-seal-day = Clôturer la journée
shop-unit-piece = pce
shop-unit-kg = kg
shop-unit-litre = l
shop-unit-metre = m
shop-recorded = { $doc } enregistré : { $amount }.
shop-recorded-entry = { $doc } enregistré : { $amount } — écriture N° { $entry }.
shop-busy = Le registre est occupé par un autre jatebo ouvert sur le même fichier. Rien n'a été écrit. F8 pour réessayer.
shop-already = { $doc } était déjà enregistré : rien de plus n'a été écrit.

## Ventes
sale-title = Reçu en cours · { $point } · { $date }
sale-count = { $count ->
    [0] aucune ligne
    [one] 1 ligne
   *[other] { $count } lignes
}
sale-col-no = N°
sale-col-item = Article
sale-col-qty = Qté
sale-col-price = Prix
sale-col-discount = Remise
sale-col-amount = Montant
sale-col-reason = Motif
sale-empty = Tapez le code ou une partie du nom d'un article, puis Entrée.
sale-add-item = Article
sale-add-qty = Qté
sale-reason-needed = motif ?
sale-method = Paiement
sale-method-cash = espèces
sale-method-orange = Orange
sale-method-moov = Moov
sale-method-wave = Wave
sale-method-bank = banque
sale-method-credit = crédit
sale-method-keys = { $keys } (ou ←→ sur ce champ)
sale-customer = Client (facultatif)
sale-customer-required = Client (obligatoire)
sale-customer-credit = { $name } : doit { $owed }, plafond { $limit }
sale-total = TOTAL
sale-today = Reçus du jour : { $count } · { $amount } · r : la liste
sale-today-title = Derniers reçus du jour (r : la liste, un retour)
sale-recorded = Enregistré : reçu { $receipt }, écriture N° { $entry }.
sale-recorded-total = Total { $amount } ({ $method }). Un nouveau reçu commence.
sale-recorded-title = Vente enregistrée
sale-recorded-help = F8 : voir le reçu à imprimer · Entrée : nouveau reçu
sale-void-confirm = Abandonner le reçu en cours ? Ses lignes seront effacées (rien n'est enregistré).
sale-read-only-hint = Les reçus du jour se consultent avec r.

## Reçus du jour
rcpt-title = Reçu { $receipt }
rcpt-summary = Reçus du { $date } : { $sales } vente(s), { $returns } retour(s), net { $net }
rcpt-col-receipt = Reçu
rcpt-col-time = Heure
rcpt-col-method = Paiement
rcpt-col-what = Client et articles
rcpt-col-total = Montant
rcpt-empty = Aucun reçu aujourd'hui.
rcpt-footer = Entrée : le reçu · x : retour client · heures UTC (Bamako)
rcpt-return = retour :
rcpt-return-of-return = Un retour ne se reprend pas : choisissez le reçu de la vente.
rcpt-view-help = ↑↓ : défiler · Entrée ou Échap : fermer
rcpt-view-help-return = ↑↓ : défiler · F8 : retour de marchandises sur ce reçu · Entrée : fermer

## Clients
cust-col-code = Code
cust-col-name = Client
cust-col-phone = Téléphone
cust-col-limit = Plafond
cust-col-owed = Doit
cust-col-0-30 = 0–30 j
cust-col-31-60 = 31–60 j
cust-col-61-90 = 61–90 j
cust-col-90 = + de 90 j
cust-col-total = Total dû
cust-total = Total
cust-empty = Aucun client. n : ajouter un client (centre de santé, ONG, école…).
cust-footer = { $count } client(s) · dû en tout { $owed } · i : balance âgée
cust-owes = doit { $amount }
cust-saved = Client { $code } enregistré : { $name }.
cust-aging-title = Balance âgée au { $date } (ancienneté des factures)
cust-aging-empty = Aucune facture à crédit ne reste due.
cust-aging-footer = i ou Échap : revenir à la liste des clients · y : enregistrer un paiement
cust-ledger-ok = Compte 4111 Clients : { $amount }, égal au total dû.
cust-ledger-differs = Compte 4111 Clients : { $amount }, mais le total dû est { $total } : lancez jatebo verify.

## Clôture Z
zday-point = Point de vente
zday-day = Journée
zday-state-open = ouverte
zday-state-sealed = clôturée
zday-all-sealed = Toutes les journées avec des ventes sont clôturées.
zday-unsealed = { $count ->
    [one] Journée non clôturée : { $days }
   *[other] { $count } journées non clôturées : { $days }
}
zday-sales = { $count ->
    [one] Ventes ({ $count } reçu)
   *[other] Ventes ({ $count } reçus)
}
zday-returns = Retours ({ $count })
zday-payments = Paiements de clients
zday-by-item = Par article
zday-by-method = Par mode de paiement
zday-no-sales = aucune vente
zday-cash-expected = Espèces attendues
zday-grand-total = Total perpétuel
zday-count-title = Espèces comptées, billet par billet
zday-or-sum = ou la somme
zday-counted = Espèces comptées : { $amount }
zday-expected = Espèces attendues : { $amount }
zday-no-difference = Aucun écart
zday-short = Manquant : { $amount }
zday-over = Excédent : { $amount }
zday-count-hint = Tapez le nombre de chaque billet et pièce, ou la somme.
zday-count-unreadable = Un nombre ne se lit pas : des chiffres seulement.
zday-reason = Raison de l'écart
zday-reason-is = Raison : { $reason }
zday-recorded = Journée clôturée
zday-closed-by = Clôturée par { $name } le { $at } (heure UTC)
zday-entry = Écart enregistré par l'écriture N° { $entry }
zday-read-only = Lecture seule : votre rôle ne permet pas de clôturer.
zday-confirm-title = Clôturer la journée
zday-confirm = Clôturer la journée du { $date } au point de vente « { $point } » ?
zday-confirm-note = Ensuite, plus aucune vente, retour ou paiement ne pourra être daté de ce jour à ce point de vente.
zday-sealed = Journée du { $date } clôturée au point de vente « { $point } ».
zday-history = Clôtures passées
zday-history-empty = Aucune journée clôturée.
zday-col-period = Journée
zday-col-point = Point
zday-col-sales = Ventes nettes
zday-col-expected = Attendu
zday-col-counted = Compté
zday-col-difference = Écart
zday-col-by = Par

## Stock
stock-col-code = Code
stock-col-name = Article
stock-col-kind = Genre
stock-col-qty = Quantité
stock-col-unit-cost = Coût unit.
stock-col-value = Valeur
stock-col-reorder = Seuil
stock-col-move = Mouvement
stock-col-qty-move = Qté ±
stock-col-value-move = Valeur ±
stock-col-qty-after = Qté après
stock-col-value-after = Val. après
stock-col-reason = Motif
stock-empty = Aucun article. n : ajouter un article (produit fini ou matière).
stock-footer = { $count } articles dont { $products } produits · valeur { $value } · { $low } sous le seuil (⚠)
stock-item-added = Article { $code } ajouté : { $name }.
stock-ledger-title = { $code } { $name } · { $qty } · { $value } · coût moyen { $cost }
stock-ledger-empty = Aucun mouvement.
stock-ledger-footer = { $count } mouvement(s) · Entrée : l'écriture · Échap : la liste des articles

## Fabrication
prod-col-run = Fabrication
prod-col-recipe = Recette
prod-col-batches = Fournées
prod-col-made = Produit
prod-col-cost = Coût
prod-col-unit-cost = Coût unit.
prod-col-material = Matière
prod-col-needed = Il faut
prod-col-in-stock = En stock
prod-empty = Aucune fabrication enregistrée. n : fabriquer.
prod-footer = { $count } fabrication(s) · recettes : { $recipes } · n : fabriquer
prod-no-recipe = Aucune recette : créez-en une en ligne de commande (jatebo recipe add).
prod-will-make = Produira { $qty } de { $product }.
prod-short = Il manque des matières : la fabrication sera refusée.
prod-done-title = Fabrication enregistrée
prod-done = Fabrication { $run } enregistrée — écriture N° { $entry }.
prod-done-made = Produit : { $qty } de { $product }, coût { $cost }
prod-done-unit-cost = Coût unitaire : { $cost } F CFA
prod-done-consumed = Matières consommées :

## Dialogues de la coopérative
dlg-help = Tab : champ suivant · ←→ : choisir · Entrée : valider · Échap : annuler
dlg-help-lines = Tab ou Entrée : champ suivant · Ctrl+N / Ctrl+D : ajouter / supprimer une ligne · F8 : enregistrer · Échap : annuler
dlg-help-grid = Tab ou Entrée : champ suivant · F8 : enregistrer · Échap : annuler
dlg-none = (aucun)
dlg-date = Date
dlg-note = Note
dlg-supplier = Fournisseur
dlg-reference = Facture du fournisseur
dlg-method = Paiement
dlg-item = Article
dlg-reason = Motif
dlg-qty = Quantité
dlg-unit-cost = Coût unitaire
dlg-unit-cost-hint = si rien en stock
dlg-code = Code
dlg-name = Nom
dlg-kind = Genre
dlg-unit = Unité
dlg-price = Prix de vente
dlg-price-hint = produits
dlg-reorder = Seuil d'alerte
dlg-stock-account = Compte de stock
dlg-sales-account = Compte de ventes
dlg-purchase-account = Compte d'achats
dlg-flow-account = Compte
dlg-recipe = Recette
dlg-batches = Fournées
dlg-batch-yields = une fournée : { $qty }
dlg-customer = Client
dlg-amount = Montant
dlg-invoice = Facture
dlg-invoice-hint = vide : la plus ancienne
dlg-phone = Téléphone
dlg-limit = Plafond de crédit
dlg-col-item = Matière
dlg-col-qty = Quantité
dlg-col-amount = Montant
dlg-col-code = Code
dlg-col-name = Article
dlg-col-book = Livres
dlg-col-counted = Compté
dlg-col-sold = Vendu
dlg-col-back = Rendu
dlg-col-difference = Écart
dlg-col-value = Valeur
dlg-purchase-title = Achat de matières
dlg-purchase-total = Total { $amount } · payé par le compte { $account }
dlg-adjust-title = Ajustement de stock
dlg-count-title = Inventaire physique
dlg-count-hint = Tapez la quantité comptée des articles comptés (0 s'il n'en reste plus) ; les autres ne changent pas. F8 : voir les écarts.
dlg-count-preview = { $count } écart(s), valeur { $value }.
dlg-count-confirm = F8 : enregistrer l'inventaire (un changement refait l'aperçu).
dlg-count-empty = Tapez au moins une quantité comptée.
dlg-item-title = Nouvel article
dlg-item-product-hint = Un produit fini se fabrique et se vend : il lui faut un prix.
dlg-item-material-hint = Une matière s'achète ou se reçoit en don, et sert aux fabrications.
dlg-run-title = Fabrication
dlg-batches-unreadable = Nombre de fournées illisible (1, 2, 0,5…).
dlg-return-title = Retour sur le reçu { $receipt }
dlg-return-hint = Tapez la quantité rendue de chaque article rapporté ; l'argent repart comme il était venu.
dlg-return-empty = Tapez la quantité rendue d'au moins un article.
dlg-payment-title = Paiement d'un client
dlg-customer-new-title = Nouveau client
dlg-customer-edit-title = Client : { $name }
dlg-supplier-required = Le fournisseur est obligatoire.
dlg-name-required = Le nom est obligatoire.
dlg-reason-required = Le motif est obligatoire.
dlg-price-required = Un produit a un prix de vente.
dlg-no-account = Aucun compte de ce genre dans le plan de comptes : créez-le d'abord.
dlg-unknown-item = Article inconnu « { $code } ».
dlg-unknown-product = Pas de produit « { $code } » : tapez son code ou une partie de son nom.
dlg-unknown-material = Pas de matière « { $code } ».
dlg-unknown-customer = Client inconnu « { $code } ».
dlg-bad-unit-cost = « { $value } » n'est pas un coût unitaire (1 250 ou 352,50).
dlg-bad-invoice = « { $value } » n'est pas un numéro de facture (12 ou VTE-000012).
