# Amounts in francs CFA and typed text (names, labels): input error messages.

## Amounts

money-empty = No amount: type a whole number of francs, for example 1,500.
money-negative = The amount cannot be negative here: type it without the minus sign, for example 1,500.
money-zero = The amount must be more than zero: type for example 1,500.
money-decimal = Francs CFA have no cents: type a whole number, for example 1,500.
money-exponent = Write the amount in full, without "e": for example 1,000,000 instead of 1e6.
money-non-ascii-digit = The digit "{ $char }" ({ $codepoint }) is not accepted: type the amount with the digits 0 to 9, for example 1,500.
money-invalid-char = The character "{ $char }" does not belong in an amount: type digits only, for example 1,500 or 1,500 F CFA.
money-bad-grouping = Misplaced separators: group the digits in threes, as in 1,500 or 1 234 567, or type them with no separator: 1500.
money-overflow = This number is far too large: check the number of digits.
money-above-cap = Amount too large: the maximum is { $max_grouped } F CFA. Check the number of digits.
money-no-weights = Cannot split this amount: all the shares are zero.

## Typed text (names, labels)

text-control = This text contains a tab, a line break or another control character: type it on a single line, without those characters.
text-bidi = This text contains an invisible character that changes the writing direction: type it on the keyboard instead of pasting it.
text-zero-width = This text contains an invisible character (zero-width space): type it on the keyboard instead of pasting it.
text-too-long = { $max ->
    [one] Text too long: { $max } character at most. Please shorten it.
   *[other] Text too long: { $max } characters at most. Please shorten it.
}
text-empty = This field is required: type at least one character.
