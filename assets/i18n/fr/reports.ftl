# États financiers : SMT, compte de résultat, bilan, stock, grand livre,
# balance consolidée (jatebo report …).

cli-report-cmd = États financiers : SMT, compte de résultat, bilan, stock, grand livre, balance
cli-report-smt = État des recettes et des dépenses (système minimal de trésorerie) par caisse, banque et portefeuille
cli-report-income = Compte de résultat (présentation SYSCOHADA simplifiée)
cli-report-balance-sheet = Bilan à une date (présentation SYSCOHADA simplifiée)
cli-report-stock = Valeur du stock à une date, article par article, rapprochée des comptes de stock
cli-report-ledger = Grand livre : tous les comptes, avec solde progressif
cli-report-trial = Balance générale, consolidée avec --all-orgs
cli-report-all-orgs = Toutes les organisations du registre, additionnées compte par compte
cli-report-at = Date de l'état (JJ/MM/AAAA ou AAAA-MM-JJ ; par défaut : aujourd'hui)
cli-report-account = Seulement les comptes qui commencent par ce numéro (ex. 57)

report-all-orgs = toutes les organisations ({ $count })
report-col-receipts = Recettes
report-col-payments = Dépenses
report-col-ref = Réf.
report-col-gross = Brut
report-col-depreciation = Amort./dépr.
report-col-net = Net
report-col-unit = Unité

report-smt-title = État des recettes et des dépenses (SMT) — { $org } — du { $from } au { $to } (F CFA)
report-smt-none = Aucun mouvement de caisse, de banque ou de monnaie électronique.
report-smt-opening = Solde d'ouverture
report-smt-closing = Solde de clôture (ouverture + recettes − dépenses)
report-smt-ledger = Solde au grand livre
report-smt-transfers = Virements internes
report-smt-summary = Ensemble de la trésorerie
report-smt-unbalanced-entry = (écriture déséquilibrée)
report-smt-account-bad = Ce solde ne correspond pas au grand livre : lancez « jatebo verify ».
report-smt-ok = Contrôle : clôture = ouverture + recettes − dépenses = grand livre.
report-smt-bad = Contrôle : un solde de clôture ne correspond pas au grand livre.

report-income-title = Compte de résultat — { $org } — du { $from } au { $to } (F CFA)
report-income-profit = Résultat net : bénéfice de { $amount } F CFA.
report-income-loss = Résultat net : perte de { $amount } F CFA.
report-income-ok = Contrôle : résultat net = produits − charges des classes 6 à 8.
report-income-bad = Contrôle : le résultat net ne correspond pas aux classes 6 à 8.

report-bs-title = Bilan — { $org } — au { $at } (F CFA)
report-bs-assets = ACTIF
report-bs-liabilities = PASSIF
report-bs-open-result = dont résultat de l'exercice non clôturé (classes 6 à 8)
report-bs-unclassified = Comptes hors bilan et hors résultat (classe 9) :
report-bs-ok = Contrôle : total actif = total passif = { $amount } F CFA.
report-bs-bad = Contrôle : total actif { $actif } F CFA, total passif { $passif } F CFA, écart { $difference } F CFA.

report-stock-title = Stock au { $at } — { $org } (F CFA)
report-stock-none = Aucun article.
report-stock-ok = Contrôle : valeur des articles = solde de chaque compte de stock.
report-stock-bad = Contrôle : la valeur des articles diffère d'un compte de stock.

report-ledger-title = Grand livre — { $org } — du { $from } au { $to } (F CFA)
report-ledger-account-totals = Totaux et solde de clôture
report-ledger-totals = Totaux du grand livre
report-ledger-ok = Contrôle : débits = crédits, soldes débiteurs = soldes créditeurs.
report-ledger-bad = Contrôle : le grand livre n'est pas équilibré.

# Compte de résultat (références SYSCOHADA révisé).
report-line-ta = Ventes de marchandises
report-line-ra = Achats de marchandises
report-line-rb = Variation de stocks de marchandises
report-line-xa = Marge commerciale
report-line-tb = Ventes de produits fabriqués
report-line-tc = Travaux, services vendus
report-line-td = Produits accessoires
report-line-xb = Chiffre d'affaires
report-line-te = Production stockée (ou déstockage)
report-line-tf = Production immobilisée
report-line-tg = Subventions d'exploitation
report-line-th = Autres produits
report-line-ti = Transferts de charges d'exploitation
report-line-rc = Achats de matières premières
report-line-rd = Variation de stocks de matières premières
report-line-re = Autres achats
report-line-rf = Variation de stocks d'autres approvis.
report-line-rg = Transports
report-line-rh = Services extérieurs
report-line-ri = Impôts et taxes
report-line-rj = Autres charges
report-line-xc = Valeur ajoutée
report-line-rk = Charges de personnel
report-line-xd = Excédent brut d'exploitation
report-line-tj = Reprises d'amortissements et de provisions
report-line-rl = Dotations aux amortissements et provisions
report-line-xe = Résultat d'exploitation
report-line-tk = Revenus financiers et assimilés
report-line-tl = Reprises de provisions financières
report-line-tm = Transferts de charges financières
report-line-rm = Frais financiers et charges assimilées
report-line-rn = Dotations aux provisions financières
report-line-xf = Résultat financier
report-line-xg = Résultat des activités ordinaires
report-line-tn = Produits des cessions d'immobilisations
report-line-to = Autres produits HAO
report-line-ro = Valeur comptable des cessions d'immob.
report-line-rp = Autres charges HAO
report-line-xh = Résultat hors activités ordinaires
report-line-rq = Participation des travailleurs
report-line-rs = Impôts sur le résultat
report-line-xi = Résultat net

# Bilan, actif.
report-line-ad = Immobilisations incorporelles
report-line-ai = Immobilisations corporelles
report-line-ap = Avances et acomptes sur immob.
report-line-aq = Immobilisations financières
report-line-az = Total actif immobilisé
report-line-bb = Stocks et encours
report-line-bh = Fournisseurs, avances versées
report-line-bi = Clients
report-line-bj = Autres créances
report-line-bg = Créances et emplois assimilés
report-line-bk = Total actif circulant
report-line-bq = Titres de placement
report-line-br = Valeurs à encaisser
report-line-bs = Banques, caisse et assimilés
report-line-bt = Total trésorerie-actif
report-line-bz = Total général

# Bilan, passif.
report-line-ca = Capital
report-line-cf = Réserves indisponibles
report-line-cg = Réserves libres
report-line-ch = Report à nouveau
report-line-cj = Résultat net de l'exercice
report-line-cl = Subventions d'investissement
report-line-cm = Provisions réglementées
report-line-cp = Total capitaux propres et ressources assimilées
report-line-da = Emprunts et dettes financières diverses
report-line-db = Dettes de location-acquisition
report-line-dc = Provisions pour risques et charges
report-line-dd = Total dettes financières et ressources assimilées
report-line-df = Total ressources stables
report-line-di = Clients, avances reçues
report-line-dj = Fournisseurs d'exploitation
report-line-dk = Dettes fiscales et sociales
report-line-dm = Autres dettes
report-line-dp = Total passif circulant
report-line-dq = Banques, crédits d'escompte
report-line-dr = Banques, crédits de trésorerie
report-line-dt = Total trésorerie-passif
report-line-dz = Total général
report-line-unknown = Autre ligne
