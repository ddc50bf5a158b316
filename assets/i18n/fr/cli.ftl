# Aide et sorties de la ligne de commande.

cli-about = jatebo — comptabilité en partie double en francs CFA pour les coopératives et les groupes d'épargne.
cli-db = Fichier du registre (par défaut : dans le dossier de données de l'utilisateur)
cli-lang = Langue : fr (par défaut) ou en
cli-user = Nom de la personne qui agit (auteur des écritures)
cli-org = Code de l'organisation (facultatif s'il n'y en a qu'une)
cli-json = Sortie en JSON (pour les scripts)
cli-init = Créer un registre vide
cli-org-cmd = Organisations (coopératives, groupes d'épargne)
cli-org-add = Ajouter une organisation avec son plan de comptes SYSCOHADA
cli-org-code = Code court : minuscules, chiffres, tirets (ex. savon-ton)
cli-org-name = Nom complet
cli-org-kind = Type : coop (coopérative) ou savings (groupe d'épargne)
cli-org-list = Lister les organisations
cli-account-cmd = Plan de comptes
cli-account-add = Ajouter un compte
cli-account-number = Numéro de compte (chiffres SYSCOHADA, ex. 5711)
cli-account-name-fr = Intitulé en français
cli-account-name-en = Intitulé en anglais
cli-account-list = Lister les comptes avec leur solde
cli-account-all = Inclure les comptes fermés
cli-account-rename = Renommer un compte
cli-account-close = Fermer un compte (son solde doit être nul)
cli-account-ledger = Grand livre d'un compte, avec solde progressif
cli-entry-cmd = Écritures
cli-entry-add = Enregistrer une écriture équilibrée
cli-entry-show = Afficher une écriture
cli-entry-number = Numéro d'écriture (ex. 2026-000123)
cli-entry-reverse = Contre-passer une écriture (correction)
cli-entry-date = Date de l'opération, confirmée par vous (JJ/MM/AAAA ou AAAA-MM-JJ)
cli-entry-reason = Motif de la correction
cli-entry-key = Clé d'unicité : la même clé envoyée deux fois n'enregistre qu'une fois
cli-entry-ref = Référence de la pièce justificative (reçu, facture…)
cli-entry-memo = Libellé de l'écriture
cli-entry-debit = Ligne au débit : COMPTE=MONTANT (répétable)
cli-entry-credit = Ligne au crédit : COMPTE=MONTANT (répétable)
cli-entry-file = Fichier de lignes : compte;D|C;montant;libellé par ligne
cli-journal = Livre-journal : écritures dans l'ordre, avec filtres
cli-journal-account = Seulement les écritures touchant ce compte
cli-journal-text = Texte à chercher (sans tenir compte des accents ni des majuscules)
cli-balance = Balance générale : ouverture, mouvements et clôture en débit et crédit
cli-from = Début (AAAA, AAAA-MM ou date)
cli-to = Fin (AAAA, AAAA-MM ou date)
cli-month = Mois (AAAA-MM)
cli-year = Exercice (AAAA)
cli-limit = Nombre maximal de lignes
cli-period-cmd = Périodes (clôtures)
cli-period-close = Clôturer un mois ou un exercice
cli-period-list = Lister les clôtures
cli-verify = Vérifier le registre : équilibre, numérotation, chaîne d'empreintes, totaux
cli-audit = Journal d'audit : qui a fait quoi et quand
cli-demo = Créer un registre de démonstration (deux coopératives, un groupe d'épargne)

init-done = Registre prêt : { $path }
org-added = Organisation « { $code } » créée : { $name } ({ $accounts } comptes).
org-none = Aucune organisation. Ajoutez-en une avec « jatebo org add ».
org-kind-coop = coopérative
org-kind-savings = groupe d'épargne
org-closed-through = clôturé jusqu'à { $month }
org-entries = { $count ->
    [one] { $count } écriture
   *[other] { $count } écritures
}
account-added = Compte { $number } créé : { $name }.
account-renamed = Compte { $number } renommé : { $name }.
account-closed = Compte { $number } fermé.
account-closed-mark = fermé
col-account = Compte
col-name = Intitulé
col-debit-balance = Solde débiteur
col-credit-balance = Solde créditeur
col-opening = Ouverture
col-movements = Mouvements
col-closing = Clôture
col-debit = Débit
col-credit = Crédit
col-totals = Totaux
ledger-title = Grand livre du compte { $account }, du { $from } au { $to } (F CFA)
entry-recorded = Écriture N° { $number } enregistrée.
entry-already-recorded = Déjà enregistrée sous le N° { $number } : rien de nouveau n'a été écrit.
entry-hash = Empreinte : { $hash }
entry-header = N° { $number } du { $date } — pièce { $doc }
entry-meta = saisie par { $author } le { $recorded }
entry-reverses = contre-passe N° { $number }
entry-reversed-by = contre-passée par N° { $number }
entry-source = document d'origine : { $source }
journal-empty = Aucune écriture pour ces critères.
journal-reversed-mark = contre-passée
balance-title = Balance générale — { $org } — du { $from } au { $to } (F CFA)
balance-balanced = Équilibrée : total des débits = total des crédits.
balance-unbalanced = ATTENTION : la balance n'est pas équilibrée. Lancez « jatebo verify ».
period-closed = Période { $period } clôturée : débit { $debit }, crédit { $credit }.
period-none = Aucune période clôturée.
verify-ok = Registre vérifié : { $orgs } organisation(s), { $entries } écriture(s) ; tout est en ordre.
verify-failed = VÉRIFICATION ÉCHOUÉE : { $count } problème(s). Le premier :
demo-done = Registre de démonstration créé dans { $path } : { $orgs } organisations, { $entries } écritures.
