# Montants en francs CFA et textes saisis (noms, libellés) : messages d'erreur de saisie.

## Montants

money-empty = Aucun montant : tapez un nombre entier de francs, par exemple 1 500.
money-negative = Le montant ne peut pas être négatif ici : tapez-le sans le signe moins, par exemple 1 500.
money-zero = Le montant doit être supérieur à zéro : tapez par exemple 1 500.
money-decimal = Les francs CFA n'ont pas de centimes : tapez un nombre entier, par exemple 1 500.
money-exponent = Écrivez le montant en chiffres, sans « e » : par exemple 1 000 000 au lieu de 1e6.
money-non-ascii-digit = Le chiffre « { $char } » ({ $codepoint }) n'est pas accepté : tapez le montant avec les chiffres 0 à 9, par exemple 1 500.
money-invalid-char = Le caractère « { $char } » n'a pas sa place dans un montant : tapez seulement des chiffres, par exemple 1 500 ou 1 500 F CFA.
money-bad-grouping = Séparateurs mal placés : groupez les chiffres par trois, comme dans 1 500 ou 1.234.567, ou tapez-les sans séparateur : 1500.
money-overflow = Ce nombre est beaucoup trop grand : vérifiez le nombre de chiffres.
money-above-cap = Montant trop élevé : le maximum est { $max_grouped } F CFA. Vérifiez le nombre de chiffres.
money-no-weights = Impossible de répartir ce montant : toutes les parts valent zéro.

## Textes saisis (noms, libellés)

text-control = Ce texte contient une tabulation, un retour à la ligne ou un autre caractère de contrôle : tapez-le sur une seule ligne, sans ces caractères.
text-bidi = Ce texte contient un caractère invisible qui change le sens d'écriture : retapez-le au clavier au lieu de le copier-coller.
text-zero-width = Ce texte contient un caractère invisible (espace de largeur nulle) : retapez-le au clavier au lieu de le copier-coller.
text-too-long = { $max ->
    [one] Texte trop long : { $max } caractère au maximum. Raccourcissez-le.
   *[other] Texte trop long : { $max } caractères au maximum. Raccourcissez-le.
}
text-empty = Ce champ est obligatoire : tapez au moins un caractère.
