# Export mensuel pour les auditeurs et sa vérification.

xp-col-number = N° écriture
xp-col-date = Date
xp-col-doc = Pièce
xp-col-memo = Libellé
xp-col-line = Ligne
xp-col-account = Compte
xp-col-account-name = Intitulé du compte
xp-col-label = Libellé de ligne
xp-col-debit = Débit
xp-col-credit = Crédit
xp-col-reverses = Annule
xp-col-reversed-by = Annulée par
xp-col-source = Origine
xp-col-author = Auteur
xp-col-recorded = Enregistrée le
xp-col-balance-debit = Solde débiteur
xp-col-balance-credit = Solde créditeur
xp-col-opening-debit = Solde d'ouverture débit
xp-col-opening-credit = Solde d'ouverture crédit
xp-col-closing-debit = Solde de clôture débit
xp-col-closing-credit = Solde de clôture crédit
xp-col-position = Position
xp-col-prev-hash = Empreinte précédente
xp-col-hash = Empreinte
xp-opening = Soldes d'ouverture
xp-account-total = Total du compte
xp-totals = Totaux
xp-journal-title = Journal jatebo
xp-sheet-journal = Journal
xp-sheet-ledger = Grand livre
xp-sheet-trial = Balance
xp-sheet-chain = Chaîne

xp-step-read = Lecture du registre
xp-step-file = Écriture de { $file }
xp-done = Export de { $org } pour { $month } écrit dans { $dir } : { $files } fichiers, { $entries } écritures, { $lines } lignes.
xp-done-totals = Total débit { $debit }, total crédit { $credit }.
xp-done-chain = Chaîne : de la position { $start } à la position { $end } (tête { $head }).
xp-done-open = Attention : { $month } n'est pas clôturé ; des écritures peuvent encore y être ajoutées. Clôturez le mois avant l'export définitif.
xp-file-line = { $file } : { $rows } lignes, SHA-256 { $sha }

xp-ok = OK — export { $org } { $month } intact : { $files } fichiers vérifiés, { $entries } écritures, débit = crédit = { $debit }, chaîne jusqu'à la position { $end }.
xp-ok-prev = OK — la chaîne de { $month } prolonge celle de l'export { $prev } sans réécriture.
xp-failed = ÉCHEC — { $count ->
    [one] 1 problème
   *[other] { $count } problèmes
  } dans { $dir } :
xp-no-manifest = manifest.json manque : l'export n'est pas terminé ou le manifeste a été retiré.
xp-bad-manifest = manifest.json illisible ({ $detail }).
xp-unknown-format = manifest.json : format « { $found } » inconnu (attendu jatebo-export/1).
xp-file-missing = { $file } manque.
xp-file-unlisted = { $file } n'est pas dans le manifeste (fichier ajouté ou export interrompu).
xp-file-size = { $file } : taille { $found } octets, le manifeste dit { $expected } : le fichier a été modifié ou tronqué.
xp-file-hash = { $file } : l'empreinte SHA-256 diffère du manifeste : le fichier a été modifié.
xp-bad-body = { $file } illisible ({ $detail }).
xp-file-differs = { $file } ne dit pas la même chose que livres.json (à partir de la ligne { $line }).
xp-manifest-differs = manifest.json ne correspond pas aux fichiers ({ $what }).
xp-entry-hash = livres.json : le contenu de l'écriture N° { $number } ne donne plus son empreinte : elle a été modifiée.
xp-entry-unbalanced = livres.json : l'écriture N° { $number } est déséquilibrée.
xp-entry-outside = livres.json : l'écriture N° { $number } est datée du { $date }, hors du mois exporté.
xp-entry-not-in-chain = livres.json : l'écriture N° { $number } n'est pas à sa place dans la chaîne.
xp-chain-broken = chaine.csv / livres.json : la chaîne est rompue à la position { $position }.
xp-trial-differs = balance : le compte { $account } ne découle pas des soldes d'ouverture et des écritures.
xp-trial-unbalanced = balance : les débits et les crédits ne sont pas égaux.
xp-prev-other-org = L'export précédent est celui d'une autre organisation ({ $code }).
xp-prev-not-earlier = L'export précédent ({ $month }) n'est pas d'un mois antérieur.
xp-prev-faulty = L'export précédent est lui-même défectueux : { $detail }
xp-chain-rewritten = Le registre a été réécrit depuis l'export de { $month } : la chaîne à la position { $position } n'est plus la même.
xp-chain-gap = La chaîne de cet export commence à la position { $to }, après la fin de l'export de { $month } (position { $from }) : les écritures enregistrées entre les deux ne figurent dans aucun des deux. Refaites l'export de { $month }.

error-export-refused = Export refusé, rien n'a été écrit : le registre ne passe pas ses contrôles ({ $detail }). Lancez « jatebo verify ».
error-export-dir-not-empty = Le dossier { $path } n'est pas vide : un export va dans un dossier nouveau ou vide. Choisissez un autre dossier.

cli-export = Exporter un mois de comptes pour l'auditeur (CSV, XLSX, JSON, journal hledger, manifeste)
cli-export-month = Mois à exporter (AAAA-MM)
cli-export-out = Dossier où écrire l'export (nouveau ou vide)
cli-export-bom = Commencer les CSV par une marque d'ordre des octets UTF-8 (pour Excel en français)
cli-verify-export = Vérifier un dossier d'export (et, avec le dossier du mois précédent, que la chaîne le prolonge)
cli-verify-export-dir = Dossier d'export à vérifier
cli-verify-export-prev = Dossier d'export du mois précédent
