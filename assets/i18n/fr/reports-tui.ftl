## L'onglet États du TUI : balance, grand livre, SMT, compte de résultat,
## bilan, stock, créances, indicateurs ; le détail jusqu'à la pièce ; l'export.

rep-tab = États
rep-tab-balance = Balance
rep-tab-ledger = Grand livre
rep-tab-smt = Trésorerie
rep-tab-income = Résultat
rep-tab-sheet = Bilan
rep-tab-stock = Stock
rep-tab-aging = Créances
rep-tab-indicators = Indicateurs

rep-title-balance = Balance générale
rep-title-ledger = Grand livre
rep-title-smt = Recettes et dépenses (SMT)
rep-title-income = Compte de résultat
rep-title-sheet = Bilan
rep-title-stock = Valeur du stock
rep-title-aging = Créances clients par ancienneté
rep-title-indicators = Indicateurs du groupe
rep-title-range = { $title } · { $period } (du { $from } au { $to })
rep-title-at = { $title } au { $at } · { $period }
rep-title-all-balance = Balance générale consolidée
rep-title-all-smt = Recettes et dépenses consolidées (SMT)
rep-title-all-income = Compte de résultat consolidé
rep-title-all-sheet = Bilan consolidé
rep-title-orgs = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisations
}
rep-title-all-range = { $title } · { $orgs } · { $period }
rep-title-all-at = { $title } au { $at } · { $orgs } · { $period }
rep-period-year = exercice { $year }

## Touches
rep-key-reports = États
rep-key-balance = Balance
rep-key-ledger = Grand livre
rep-key-smt = Trésorerie (SMT)
rep-key-income = Compte de résultat
rep-key-sheet = Bilan
rep-key-stock = Valeur du stock
rep-key-aging = Créances
rep-key-indicators = Indicateurs
rep-key-prev = Préc.
rep-key-next = Suiv.
rep-key-year = Année
rep-key-month = Mois
rep-key-columns = Colonnes
rep-key-details = Comptes
rep-key-details-hide = Sans comptes
rep-key-export = Exporter
rep-key-document = Pièce
rep-key-all-orgs = Toutes les org.
rep-key-one-org = Une org.
rep-all-no-drill = Consolidé : le détail d'un compte se lit dans son organisation.

## Colonnes
rep-col-opening = Ouverture
rep-col-movements = Mouvements
rep-col-closing = Clôture
rep-col-receipts = Recettes
rep-col-payments = Dépenses
rep-col-ref = Réf
rep-col-heading = Rubrique
rep-col-amount = Montant
rep-col-gross = Brut
rep-col-depreciation = Amort.
rep-col-net = Net
rep-col-item = Article
rep-col-qty = Quantité
rep-col-unit-cost = Coût unit.
rep-col-value = Valeur
rep-col-items-value = Articles
rep-col-ledger = Grand livre
rep-col-move = Mouvement
rep-col-difference = Écart

rep-totals = Totaux
rep-empty = Rien sur cette période.

## Balance
rep-trial-empty = Aucun solde ni mouvement sur la période.
rep-trial-balanced = Balance équilibrée : débits = crédits
rep-trial-unbalanced = Balance NON équilibrée : { $diffs }
rep-trial-diff = { $columns } : écart { $amount }
rep-trial-hidden = Espace : autres colonnes ({ $columns })

## Grand livre
rep-gl-head = { $account } { $name } · ouverture
rep-gl-total = Total { $account } · clôture
rep-gl-footer = { $count ->
    [one] 1 compte
   *[other] { $count } comptes
} · débits { $debit } · crédits { $credit }

## SMT
rep-smt-head = { $account } { $name } · solde d'ouverture { $opening }
rep-smt-transfer = ⇄ { $name } (virement interne)
rep-smt-closing = Totaux · solde de clôture { $amount }
rep-smt-all-head = Toutes les trésoreries · solde d'ouverture { $opening }
rep-smt-footer-ok = Soldes de clôture = grand livre · trésorerie : { $closing }
rep-smt-footer-bad = Écart avec le grand livre : { $closing } calculés, { $ledger } au grand livre

## Compte de résultat
rep-income-profit = Résultat net : bénéfice de { $amount } (égal au solde des classes 6 à 8)
rep-income-loss = Résultat net : perte de { $amount } (égale au solde des classes 6 à 8)

## Bilan
rep-sheet-assets = ACTIF
rep-sheet-liabilities = PASSIF
rep-sheet-ok = Actif = passif : { $amount }
rep-sheet-bad = Actif { $assets } ≠ passif { $liabilities }
rep-sheet-result = dont résultat non encore affecté { $amount }

## Stock
rep-stock-accounts = Comptes de stock
rep-aging-footer = Ce que doit chaque client, par âge des factures (= compte 4111).
rep-stock-ok = Le stock égale les comptes de stock : { $amount }
rep-stock-bad = Le stock ({ $items }) diffère des comptes de stock ({ $ledger })

## Détail
rep-crumb-entry = N° { $number }
rep-crumb-document = Pièce
rep-ledger-title = { $period } · solde d'ouverture au { $from } : { $opening }
rep-ledger-empty = Aucun mouvement sur la période.
rep-ledger-footer = { $count ->
    [one] 1 ligne
   *[other] { $count } lignes
} · débits { $debit } · crédits { $credit } · clôture { $closing }

## Pièces
rep-doc-manual-title = Écriture saisie à la main
rep-doc-manual = Elle n'a pas d'autre pièce que sa référence : { $reference } (à chercher dans le classeur des pièces).
rep-doc-manual-none = Elle n'a ni autre pièce ni référence de pièce.
rep-doc-receipt-title = Reçu de vente { $reference } du { $date }
rep-doc-return-title = Retour de marchandises { $reference } du { $date }
rep-doc-stock-title = { $kind } { $reference } du { $date }
rep-doc-kind-purchase = Achat
rep-doc-kind-donation = Don
rep-doc-kind-run = Fabrication
rep-doc-kind-adjust = Ajustement de stock
rep-doc-kind-count = Inventaire
rep-doc-payment-title = Encaissement { $reference } du { $date }
rep-doc-dayclose-title = Clôture Z du { $period } (point de vente { $point })
rep-doc-meeting-title = Réunion N° { $number } du { $date } (cycle { $cycle })
rep-doc-year-close = Clôture de l'exercice { $year }
rep-doc-year-close-note = Écriture de résultat passée par la clôture de l'exercice : les comptes des classes 6 à 8 sont soldés en 131 (bénéfice) ou 139 (perte).
rep-doc-parts = Souscription de parts sociales { $reference }
rep-doc-surplus = Affectation de l'excédent { $year }
rep-doc-leave = Départ de la membre N° { $number } { $name }
rep-doc-writeoff = Prêt N° { $number } de { $name } passé en perte
rep-doc-shareout = Partage du cycle { $cycle }
rep-doc-unknown = Document { $reference }
rep-doc-entry-footer = Écriture N° { $number } · origine : { $source }
rep-doc-memo = Libellé
rep-doc-amount = Montant
rep-doc-date = Date
rep-doc-by = Saisi par
rep-doc-supplier = Fournisseur
rep-doc-donor = Donateur
rep-doc-their-ref = Sa référence
rep-doc-method = Paiement
rep-doc-recipe = Recette
rep-doc-recipe-value = { $recipe } × { $batches } fournée(s)
rep-doc-total = Total
rep-doc-note = Note
rep-doc-no-moves = Aucun mouvement de stock.
rep-doc-customer = Client
rep-doc-point = Point de vente
rep-doc-invoice = Facture
rep-doc-sales-count = Nombre de ventes
rep-doc-sales-total = Total des ventes
rep-doc-returns-total = Total des retours
rep-doc-cash-expected = Caisse attendue
rep-doc-cash-counted = Caisse comptée
rep-doc-difference = Écart
rep-doc-reason = Motif
rep-doc-closed = Fermée par
rep-doc-code = Code de fermeture
rep-doc-boxes = prêts { $loan } · social { $social }
rep-doc-boxes-after = Caisses après la réunion
rep-doc-opened-cash = Caisses à l'ouverture
rep-doc-reopened = Fermeture annulée (réunion rouverte par { $by }) : { $reason }
rep-doc-attendance = Présence
rep-doc-attendance-value = { $present } présente(s) · { $represented } représentée(s) · { $absent } absente(s)
rep-doc-social = Fonds social
rep-doc-social-value = cotisations { $fees } · sorties { $out } · rentrées { $back }
rep-doc-savings = Épargne
rep-doc-netted = Compensé avec son prêt
rep-doc-payout = Versé
rep-doc-approved = Approuvé par
rep-doc-entry = Écriture
rep-doc-source = Origine

## Export
rep-export-title = Export mensuel · { $org }
rep-export-intro = Journal, grand livre, balance et chaîne du mois, en CSV, classeur, JSON et texte, avec un manifeste d'empreintes, pour l'auditeur ou l'ONG.
rep-export-month = Mois (MM/AAAA)
rep-export-folder = Dossier
rep-export-bom = Marque BOM (Excel)
rep-export-bom-yes = Oui
rep-export-bom-no = Non
rep-export-bom-help = Oui si Excel affiche mal les accents des fichiers CSV (Espace ou ← → pour changer).
rep-export-help = Tab : champ suivant · Entrée ou F8 : exporter · Échap : annuler
rep-export-wait = Export en cours…
rep-export-starting = Lecture du registre…
rep-export-writing = Écriture de { $file } ({ $step }/{ $steps })
rep-export-bad-month = Mois non reconnu : « { $value } » (par exemple 10/2026).
rep-export-no-folder = Indiquez le dossier où écrire l'export.
rep-export-done = Export terminé pour { $month } : { $count } fichiers et le manifeste.
rep-export-where = Dans { $dir }
rep-export-col-file = Fichier
rep-export-col-rows = Lignes
rep-export-col-bytes = Octets
rep-export-counts = { $entries } écritures · { $lines } lignes · { $accounts } comptes
rep-export-totals = Total débit { $debit } · total crédit { $credit }
rep-export-head = Chaîne à la fin du mois : position { $position }, écriture N° { $number }
rep-export-closed = Mois clôturé : ces fichiers ne changeront plus.
rep-export-open = Mois non clôturé : des écritures peuvent encore y être ajoutées.
rep-export-done-help = Entrée ou Échap : fermer. Pour vérifier le dossier plus tard : jatebo verify-export <dossier>.
