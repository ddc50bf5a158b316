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
confirm-quit-unsaved = Une écriture est en cours de saisie et n'est pas enregistrée. Quitter quand même ?

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
confirm-switch-unsaved = Une écriture est en cours de saisie pour cette organisation. Changer d'organisation l'abandonne. Continuer ?
tui-not-allowed = Votre rôle ne permet pas cette action dans cette organisation.
form-doc-required = La pièce est obligatoire : le numéro du reçu, de la facture ou du document qui justifie l'écriture.
form-memo-required = Le libellé est obligatoire : dites en quelques mots ce que l'écriture enregistre.
