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

## Groupe d'épargne : l'onglet Groupe (réunion, prêts, partage, livret, indicateurs, membres)
sg-tui-tab = Groupe
sg-tui-tab-meeting = Réunion
sg-tui-tab-loans = Prêts
sg-tui-tab-shareout = Partage
sg-tui-tab-passbook = Livret
sg-tui-tab-indicators = Indicateurs
sg-tui-tab-members = Membres
sg-tui-key-group = Groupe (réunion)
sg-tui-key-loans = Prêts
sg-tui-key-shareout = Partage
sg-tui-key-passbook = Livret
sg-tui-key-indicators = Indicateurs
sg-tui-key-members = Membres
sg-tui-key-save-row = Enregistrer
sg-tui-key-fill = Par défaut
sg-tui-key-social = Fonds social
sg-tui-key-close = Fermer
sg-tui-key-open = Nouvelle réunion
sg-tui-key-reopen = Rouvrir
sg-tui-key-prev-meeting = Précédente
sg-tui-key-next-meeting = Suivante
sg-tui-key-start-cycle = Commencer un cycle
sg-tui-key-post-shareout = Enregistrer le partage
sg-tui-key-write-off = Passer en perte
sg-tui-key-member-add = Nouveau membre
sg-tui-key-member-leave = Départ
sg-tui-busy = Le registre est occupé par un autre jatebo ouvert sur le même fichier. Rien n'a été écrit : réessayez.
sg-tui-att-present = P
sg-tui-att-absent = A
sg-tui-att-represented = R
sg-tui-role-member = membre
sg-tui-role-president = présidente
sg-tui-role-secretary = secrétaire
sg-tui-role-box-keeper = gardienne
sg-tui-role-money-counter = compteuse
sg-tui-role-key-holder = porteuse de clé
sg-tui-mode-flat = fixe
sg-tui-mode-declining = dégressif
sg-tui-mode-upfront = avance
sg-tui-mode-none = sans intérêt
sg-tui-par-healthy = sain
sg-tui-par-watch = à surveiller
sg-tui-par-alarming = alarmant
sg-tui-remainder-next-cycle = reste dans la caisse pour le cycle suivant
sg-tui-remainder-social-fund = va au fonds social

## La réunion
sg-tui-col-no = N°
sg-tui-col-name = Membre
sg-tui-col-att = P
sg-tui-col-social = Social
sg-tui-col-social-short = Soc.
sg-tui-col-shares = Parts
sg-tui-col-shares-short = Pts
sg-tui-col-repay = Remb.
sg-tui-col-fine = Amende
sg-tui-col-paid = Payée
sg-tui-col-loan = Prêt
sg-tui-col-term = Mois
sg-tui-col-split = Cap.+int.
sg-tui-col-savings = Épargne
sg-tui-col-owes = Doit
sg-tui-meeting-open = Réunion N° { $number } du { $date } · ouverte · { $saved }/{ $total } lignes enregistrées
sg-tui-meeting-closed = Réunion N° { $number } du { $date } · fermée · code { $code }
sg-tui-reopened-times = rouverte { $count } fois
sg-tui-cycle-shared = cycle { $number } partagé le { $date }
sg-tui-rules = part { $price } F, { $min } à { $max } parts, social { $fee } F
sg-tui-rules-long = Règlement : part de { $price } F, { $min } à { $max } parts par réunion, fonds social { $fee } F ; prêts à { $rate } par mois ({ $mode }), au plus { $multiple } fois l'épargne, { $term } mois au plus.
sg-tui-cycle-line = Cycle { $number } commencé le { $start } · fin prévue le { $end }
sg-tui-no-cycle = Ce groupe n'a pas encore de cycle : il faut d'abord en commencer un (son règlement : prix de la part, fonds social, prêts, amendes).
sg-tui-no-cycle-start = n ou F8 : commencer un cycle avec le règlement habituel, à ajuster.
sg-tui-no-cycle-cli = En ligne de commande : jatebo group start (voir le guide).
sg-tui-no-meeting = Aucune réunion dans ce cycle pour l'instant.
sg-tui-no-members-yet = Aucun membre : ajoutez d'abord les membres (m, puis n).
sg-tui-members-count = { $count ->
    [one] 1 membre.
   *[other] { $count } membres.
}
sg-tui-open-first = n ou F8 : ouvrir la réunion (date, comptage des deux caisses).
sg-tui-row-info = N° { $number } { $name } · épargne { $savings }
sg-tui-row-shares = { $shares } parts avant
sg-tui-row-loan = prêt N° { $number } : doit { $balance } au { $due }
sg-tui-row-payoff = { $amount } pour solder
sg-tui-row-fines-owed = amendes dues { $amount }
sg-tui-days-late-short = { $days } j
sg-tui-row-split = Remboursement : capital { $principal } + intérêts { $interest }
sg-tui-row-new-loan = Nouveau prêt de { $amount } sur { $months } mois
sg-tui-row-upfront = intérêts du premier mois retenus : { $amount }
sg-tui-checking = Vérification…
sg-tui-row-closed = Réunion fermée : en lecture seule.
sg-tui-row-typed = Ligne modifiée, pas encore enregistrée : Entrée l'enregistre, Échap annule.
sg-tui-row-is-saved = ✓ Ligne enregistrée.
sg-tui-row-not-saved = Pas encore enregistrée : Entrée enregistre la ligne telle qu'affichée.
sg-tui-row-entry = Écriture N° { $entry }
sg-tui-row-saved = Ligne du N° { $number } { $name } enregistrée.
sg-tui-grid-empty = Aucun membre du groupe à la date de cette réunion (voir leur date d'entrée, onglet Membres).
sg-tui-row-dropped = Modifications de la ligne abandonnées.
sg-tui-bad-shares = « { $value } » n'est pas un nombre de parts.
sg-tui-bad-term = « { $value } » n'est pas une durée en mois.
sg-tui-bad-number = « { $value } » n'est pas un nombre entier.
sg-tui-nothing-to-fill = Toutes les lignes sont déjà enregistrées.
sg-tui-filled = { $count ->
    [0] Aucune ligne remplie.
    [one] 1 ligne remplie par défaut (présente, fonds social, parts minimum).
   *[other] { $count } lignes remplies par défaut (présente, fonds social, parts minimum).
}
sg-tui-close-typed = Des lignes sont modifiées sans être enregistrées (N° { $members }) : Entrée pour les enregistrer, ou Échap sur la ligne pour abandonner, avant de fermer.
sg-tui-tot-attendance = Présentes { $present } · représentées { $represented } · absentes { $absent }
sg-tui-tot-rows = lignes { $saved }/{ $total }
sg-tui-tot-social = social { $amount }
sg-tui-tot-shares = parts { $count } = { $amount }
sg-tui-tot-repay = remb. { $total } (cap. { $principal } + int. { $interest })
sg-tui-tot-fines = amendes { $levied }, payées { $paid }
sg-tui-tot-loans = prêts { $amount }
sg-tui-tot-upfront = intérêts retenus { $amount }
sg-tui-tot-social-moves = fonds social : { $count } mouvement(s), sorties { $out }, retours { $back }
sg-tui-tot-loan-cash = Caisse de crédit : ouverture { $opening } → fin attendue { $closing }
sg-tui-tot-social-cash = Caisse sociale : { $opening } → { $closing }
sg-tui-opened = Réunion N° { $number } du { $date } ouverte.
sg-tui-social-saved = Fonds social mis à jour.
sg-tui-closed = Réunion N° { $number } fermée · code { $code }
sg-tui-reopened = Réunion N° { $number } rouverte : ses écritures sont contre-passées, ses lignes reviennent dans la grille.
sg-tui-reopen-last-only = Seule la dernière réunion (N° { $last }) peut être rouverte, pas la N° { $number }.
sg-tui-cycle-running = Un cycle est en cours : il faut le partager avant d'en commencer un autre.
sg-tui-cycle-started = Cycle { $number } commencé le { $date }.

## Dialogues du groupe
sg-tui-dlg-help = Tab, Entrée : suivant · ←→ : choisir · F8 : valider · Échap : annuler
sg-tui-dlg-help-social = Tab : suivant · F8 : ajouter · Ctrl+D : retirer le dernier · Échap : annuler
sg-tui-dlg-help-confirm = Entrée : confirmer · Échap : annuler
sg-tui-f-date = Date
sg-tui-f-start = Début du cycle
sg-tui-f-end = Fin prévue
sg-tui-f-frequency = Jours entre réunions
sg-tui-f-share-price = Prix de la part
sg-tui-f-min-shares = Parts minimum
sg-tui-f-max-shares = Parts maximum
sg-tui-f-social-fee = Fonds social / réunion
sg-tui-f-mode = Intérêts
sg-tui-f-rate = Taux mensuel (%)
sg-tui-f-multiple = Prêt max (× épargne)
sg-tui-f-max-term = Durée max (mois)
sg-tui-f-fines = Amendes
sg-tui-f-loan-count = Caisse de crédit comptée
sg-tui-f-social-count = Caisse sociale comptée
sg-tui-f-reason = Motif
sg-tui-f-member = Membre (N° ou nom)
sg-tui-f-social-kind = Mouvement
sg-tui-f-amount = Montant
sg-tui-f-social-reason = Raison
sg-tui-f-note = Note
sg-tui-f-term = Durée (mois)
sg-tui-f-approver-1 = Approuvé par
sg-tui-f-approver-2 = et par
sg-tui-f-name = Nom
sg-tui-f-phone = Téléphone
sg-tui-f-role = Fonction
sg-tui-f-joined = Entrée dans le groupe
sg-tui-f-number = Numéro
sg-tui-note-count-ok = ✓ égal aux livres
sg-tui-note-count-differs = ⚠ livres { $expected }, écart { $difference }
sg-tui-note-reason-if-differs = si un comptage diffère
sg-tui-note-term = prêt : vide = durée max
sg-tui-note-no-member = aucun membre
sg-tui-note-many = { $count } membres : précisez
sg-tui-note-number = vide : le suivant
sg-tui-note-fines = code=montant
sg-tui-note-rate = 10 pour 10 %
sg-tui-amount-required = Le montant est obligatoire.
sg-tui-member-required = Le membre est obligatoire (son numéro ou son nom).
sg-tui-reason-required = Le motif est obligatoire.
sg-tui-dlg-cycle-title = Commencer un cycle
sg-tui-dlg-cycle-intro = Le règlement habituel est proposé : changez ce que le groupe a décidé. Il est fixé pour tout le cycle.
sg-tui-dlg-open-title = Ouvrir la réunion
sg-tui-dlg-open-intro = Ouvrez la caisse et comptez les deux caisses. Si un comptage diffère des livres, donnez le motif : l'écart sera enregistré.
sg-tui-dlg-social-title = Fonds social : aide, prêt sans intérêt ou remboursement
sg-tui-dlg-social-cash = Caisse sociale : { $opening } à l'ouverture, { $closing } attendus à la fin.
sg-tui-dlg-social-none = Aucun mouvement du fonds social à cette réunion.
sg-tui-dlg-close-title = Fermer la réunion N° { $number }
sg-tui-dlg-close-expected = Les livres attendent : caisse de crédit { $loan } F, caisse sociale { $social } F.
sg-tui-dlg-close-missing = Lignes pas encore enregistrées : N° { $members } (Ctrl+F les remplit par défaut).
sg-tui-dlg-close-intro = Comptez les deux caisses. Une fois fermée, la réunion est définitive (seule la dernière peut être rouverte).
sg-tui-dlg-reopen-title = Rouvrir la réunion N° { $number }
sg-tui-dlg-reopen-intro = Rouvrir la réunion N° { $number } du { $date } : toutes ses écritures seront contre-passées (rien n'est effacé) et ses lignes reviendront dans la grille. La réouverture est enregistrée avec son motif.
sg-tui-dlg-writeoff-title = Passer en perte le prêt N° { $number } ({ $name })
sg-tui-dlg-writeoff-intro = Il reste { $amount } à rembourser : ce montant sera passé en perte.
sg-tui-dlg-writeoff-approvers = Deux utilisatrices de jatebo doivent approuver (leurs noms).
sg-tui-dlg-member-title = Nouveau membre
sg-tui-dlg-leave-title = Départ de { $name }
sg-tui-dlg-leave-savings = { $shares } parts, { $savings } d'épargne : elle reprend { $amount }.
sg-tui-dlg-leave-debt = Ce qu'elle doit (prêt, amendes) : { $amount }.
sg-tui-dlg-leave-payout = Elle reçoit : { $amount }.
sg-tui-dlg-leave-confirm = Entrée : enregistrer son départ au { $date } · Échap : annuler
sg-tui-dlg-shareout-title = Partage du cycle { $cycle }
sg-tui-dlg-shareout-intro = Verser { $amount } à { $count } membres et fermer le cycle au { $date } ?
sg-tui-dlg-shareout-final = Le partage est définitif : le cycle sera fermé. Le fonds social reste.
sg-tui-dlg-code-title = Réunion N° { $number } fermée
sg-tui-dlg-code-closed = Réunion N° { $number } du { $date } fermée : { $entries } écriture(s).
sg-tui-dlg-code-cash = Caisse de crédit { $loan } · caisse sociale { $social }
sg-tui-dlg-code-difference = Écarts enregistrés : crédit { $loan }, social { $social }
sg-tui-dlg-code-copy = La secrétaire recopie ce code dans le cahier de la réunion.
sg-tui-dlg-code-help = Entrée : fermer. Le code reste affiché en haut de la réunion.

## Prêts
sg-tui-col-loan-no = N°
sg-tui-col-principal = Capital
sg-tui-col-lent = Capital
sg-tui-col-mode = Mode
sg-tui-col-disbursed = Versé le
sg-tui-col-due = Échéance
sg-tui-col-paid-total = Payé
sg-tui-col-balance = Reste
sg-tui-col-late = Retard
sg-tui-col-interest = Intérêts
sg-tui-col-remaining = Reste dû
sg-tui-loan-social = social
sg-tui-loan-written-off = en perte
sg-tui-loan-repaid = ✓ soldé
sg-tui-loan-rolled = reconduit
sg-tui-loans-empty = Aucun prêt dans ce cycle.
sg-tui-loans-footer = { $count } prêt(s) en cours · reste dû { $amount } · { $late } en retard · Entrée : échéancier
sg-tui-loan-title = Prêt N° { $number } · N° { $member } { $name } · { $principal }
sg-tui-loan-terms = { $mode } à { $rate } par mois sur { $term } mois · versé le { $disbursed } · échéance { $due }
sg-tui-loan-schedule = Échéancier
sg-tui-loan-payments = Paiements
sg-tui-loan-no-payment = Aucun paiement.
sg-tui-loan-footer = Payé : cap. { $paid }, int. { $interest } · reste { $balance } · pour solder { $payoff }
sg-tui-loan-closed = Le prêt N° { $number } est soldé ou déjà passé en perte.
sg-tui-written-off = Prêt N° { $number } de { $name } passé en perte : { $amount }.

## Partage
sg-tui-col-gross = Part
sg-tui-col-profit = Bénéfice
sg-tui-col-netted = Déduit
sg-tui-col-payout = Versé
sg-tui-shareout-preview = aperçu au { $date }
sg-tui-shareout-posted = enregistré le { $date }, écriture N° { $entry }
sg-tui-shareout-title = Partage du cycle { $cycle } · { $state }
sg-tui-shareout-fund = À partager : { $amount } · { $shares } parts achetées · épargne { $savings }
sg-tui-shareout-value = Valeur d'une part : { $value } F · rendement de l'épargne : { $rate }
sg-tui-shareout-remainder = Reliquat de l'arrondi : { $amount }, qui { $to }.
sg-tui-shareout-totals = Total versé { $payout } à { $count } membres · dettes déduites { $netted }
sg-tui-shareout-hint = F8 : enregistrer le partage (le cycle sera fermé ; le fonds social reste).
sg-tui-shareout-next-cycle = Le cycle est partagé. Onglet Réunion, n ou F8 : commencer le cycle suivant (les membres continuent).
sg-tui-shared-out = Partage du cycle { $cycle } enregistré : { $amount } versés, écriture N° { $entry }.

## Livret
sg-tui-passbook-pick = Entrée : le livret du membre · / : chercher un nom
sg-tui-col-date = Date
sg-tui-col-what = Opération
sg-tui-col-total-shares = Parts
sg-tui-col-total-savings = Épargne
sg-tui-col-role = Fonction
sg-tui-col-left = Départ
sg-tui-col-phone = Téléphone
sg-tui-col-joined = Entrée
sg-tui-pb-title = Livret de N° { $number } { $name } · part de { $price }
sg-tui-pb-meeting = Réunion { $number }
sg-tui-pb-reversal = ↩ Annul. réu. { $number }
sg-tui-pb-social = Fonds social
sg-tui-pb-netting = Dette déduite
sg-tui-pb-shareout = Partage
sg-tui-pb-leave = Départ
sg-tui-pb-writeoff = Perte
sg-tui-pb-empty = Aucune opération pour l'instant.
sg-tui-pb-totals = Parts { $shares } · épargne { $savings } · prêt restant { $loan } · amendes dues { $fines }
sg-tui-pb-ledger-ok = ✓ Égal à son compte d'épargne { $account } dans le grand livre.
sg-tui-pb-ledger-differs = Son compte d'épargne dans le grand livre dit { $amount } : lancez jatebo verify.
sg-tui-pb-reverses = annule l'écriture N° { $entry }

## Indicateurs
sg-tui-ind-title = Cycle { $cycle } au { $date } · { $meetings } réunion(s) fermée(s)
sg-tui-ind-members = Membres actifs
sg-tui-ind-attendance = Présence
sg-tui-ind-savings = Épargne du cycle
sg-tui-ind-savings-value = { $amount } ({ $shares } parts)
sg-tui-ind-loans = Prêts en cours
sg-tui-ind-loans-value = { $count } prêt(s), { $amount }
sg-tui-ind-par = Portefeuille à risque (retards)
sg-tui-ind-utilisation = Utilisation du fonds
sg-tui-ind-fund = Caisse de crédit · valeur du fonds
sg-tui-ind-fund-value = { $cash } · { $value }
sg-tui-ind-return = Rendement de l'épargne
sg-tui-ind-return-value = { $cycle } sur le cycle · { $year } par an
sg-tui-ind-social = Fonds social (caisse · réserve)
sg-tui-ind-social-value = { $cash } · { $reserve }
sg-tui-ind-written-off = Passé en perte
sg-tui-ind-with-loan = Membres ayant un prêt
sg-tui-ind-projected = Valeur projetée d'une part
sg-tui-ind-projected-value = { $value } F
sg-tui-ind-note = Portefeuille à risque : sain sous 5 %, alarmant à partir de 20 %. En ligne de commande : jatebo indicators --json.

## Membres
sg-tui-members-empty = Aucun membre. n : ajouter un membre.
sg-tui-members-footer = { $count } membre(s) actif(s), { $left } parti(s) · n : nouveau · d : départ · / : chercher
sg-tui-member-added = Membre N° { $number } ajouté : { $name }.
sg-tui-already-left = { $name } a quitté le groupe le { $date }.
sg-tui-left = Départ de { $name } enregistré : { $amount } remis.
