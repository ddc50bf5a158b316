# Plan de comptes : numéros de compte, classes SYSCOHADA, modèles de plan et erreurs de lecture d'un plan.

## Numéro de compte

account-empty = Le numéro de compte est vide.
account-not-digits = Un numéro de compte ne contient que des chiffres (0 à 9), sans espace ni lettre.
account-too-short = Un numéro de compte a au moins { $min } chiffres.
account-too-long = Un numéro de compte a au plus { $max } chiffres.
account-bad-class = Un numéro de compte commence par le chiffre de sa classe, de 1 à 9, jamais par 0.

## Classes du plan SYSCOHADA révisé

account-class-1 = Comptes de ressources durables
account-class-2 = Comptes d'actif immobilisé
account-class-3 = Comptes de stocks
account-class-4 = Comptes de tiers
account-class-5 = Comptes de trésorerie
account-class-6 = Comptes de charges des activités ordinaires
account-class-7 = Comptes de produits des activités ordinaires
account-class-8 = Comptes des autres charges et des autres produits (HAO)
account-class-9 = Comptes des engagements hors bilan et de comptabilité analytique de gestion
account-class-unknown = Classe inconnue

## Modèles de plan de comptes

chart-template-coop = Coopérative de production (savon, masques)
chart-template-savings = Groupe d'épargne (AVEC)

## Lecture d'un plan de comptes

chart-bad-header = La première ligne du plan doit être : number;name_fr;name_en
chart-bad-line = Ligne { $line } : il faut exactement 3 champs séparés par « ; » (numéro;nom français;nom anglais).
chart-bad-number-empty = Ligne { $line } : le numéro de compte est vide.
chart-bad-number-not-digits = Ligne { $line } : le numéro de compte ne doit contenir que des chiffres.
chart-bad-number-too-short = Ligne { $line } : le numéro de compte doit avoir au moins { $min } chiffres.
chart-bad-number-too-long = Ligne { $line } : le numéro de compte doit avoir au plus { $max } chiffres.
chart-bad-number-bad-class = Ligne { $line } : le numéro de compte ne peut pas commencer par 0.
chart-empty-name = Ligne { $line } : le nom français et le nom anglais du compte sont obligatoires.
chart-duplicate = Ligne { $line } : le compte { $number } figure déjà plus haut dans le plan.
