//! Reports computed from totals: the six-column trial balance (balance
//! générale) and running balances.

use serde::{Deserialize, Serialize};

use super::money::Fcfa;

/// Totals of one account over a period, as the store sums them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountTotals {
    pub account: String,
    pub name: String,
    /// Net balance (debits − credits) of everything before the period.
    pub opening_net: i64,
    pub debit: i64,
    pub credit: i64,
}

/// One row of the trial balance as auditors read it: opening, movements and
/// closing, each in separate Débit and Crédit columns (never signed amounts).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrialRow {
    pub account: String,
    pub name: String,
    pub opening_debit: Fcfa,
    pub opening_credit: Fcfa,
    pub debit: Fcfa,
    pub credit: Fcfa,
    pub closing_debit: Fcfa,
    pub closing_credit: Fcfa,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrialTotals {
    pub opening_debit: Fcfa,
    pub opening_credit: Fcfa,
    pub debit: Fcfa,
    pub credit: Fcfa,
    pub closing_debit: Fcfa,
    pub closing_credit: Fcfa,
}

impl TrialTotals {
    /// Each pair of columns must agree when the books balance.
    pub fn balanced(&self) -> bool {
        self.opening_debit == self.opening_credit
            && self.debit == self.credit
            && self.closing_debit == self.closing_credit
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrialBalance {
    pub rows: Vec<TrialRow>,
    pub totals: TrialTotals,
}

/// A net balance (debits − credits) as auditors write it: in the Débit
/// column when positive, in the Crédit column otherwise (never signed).
/// Sums of many lines are i128; a figure beyond i64 is capped.
pub fn split(net: i128) -> (Fcfa, Fcfa) {
    let f = |v: i128| Fcfa::new(i64::try_from(v).unwrap_or(i64::MAX));
    if net >= 0 {
        (f(net), Fcfa::ZERO)
    } else {
        (Fcfa::ZERO, f(-net))
    }
}

/// Builds the trial balance. Accounts with nothing at all (no opening, no
/// movement) are left out unless `keep_empty`.
pub fn trial_balance(mut accounts: Vec<AccountTotals>, keep_empty: bool) -> TrialBalance {
    accounts.sort_by(|a, b| a.account.cmp(&b.account));
    let mut rows = Vec::with_capacity(accounts.len());
    // i128 sums: a million lines at the cap cannot overflow them.
    let mut t = [0i128; 6];
    for a in accounts {
        if !keep_empty && a.opening_net == 0 && a.debit == 0 && a.credit == 0 {
            continue;
        }
        let (od, oc) = split(i128::from(a.opening_net));
        let closing = a.opening_net + a.debit - a.credit;
        let (cd, cc) = split(i128::from(closing));
        let row = TrialRow {
            account: a.account,
            name: a.name,
            opening_debit: od,
            opening_credit: oc,
            debit: Fcfa::new(a.debit),
            credit: Fcfa::new(a.credit),
            closing_debit: cd,
            closing_credit: cc,
        };
        for (slot, v) in t.iter_mut().zip([
            row.opening_debit,
            row.opening_credit,
            row.debit,
            row.credit,
            row.closing_debit,
            row.closing_credit,
        ]) {
            *slot += i128::from(v.francs());
        }
        rows.push(row);
    }
    let f = |v: i128| Fcfa::new(i64::try_from(v).unwrap_or(i64::MAX));
    TrialBalance {
        rows,
        totals: TrialTotals {
            opening_debit: f(t[0]),
            opening_credit: f(t[1]),
            debit: f(t[2]),
            credit: f(t[3]),
            closing_debit: f(t[4]),
            closing_credit: f(t[5]),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(account: &str, opening_net: i64, debit: i64, credit: i64) -> AccountTotals {
        AccountTotals {
            account: account.into(),
            name: String::new(),
            opening_net,
            debit,
            credit,
        }
    }

    #[test]
    fn six_columns() {
        let tb = trial_balance(
            vec![
                t("7021", -10_000, 0, 2_500),
                t("5711", 10_000, 2_500, 1_000),
                t("6021", 0, 1_000, 0),
                t("4111", 0, 0, 0),
            ],
            false,
        );
        assert_eq!(tb.rows.len(), 3);
        assert_eq!(tb.rows[0].account, "5711");
        assert_eq!(tb.rows[0].opening_debit, Fcfa::new(10_000));
        assert_eq!(tb.rows[0].closing_debit, Fcfa::new(11_500));
        let sales = &tb.rows[2];
        assert_eq!(sales.opening_credit, Fcfa::new(10_000));
        assert_eq!(sales.closing_credit, Fcfa::new(12_500));
        assert_eq!(sales.closing_debit, Fcfa::ZERO);
        assert!(tb.totals.balanced());
        assert_eq!(tb.totals.debit, Fcfa::new(3_500));
        assert_eq!(tb.totals.closing_debit, Fcfa::new(12_500));
    }

    #[test]
    fn unbalanced_books_show_in_totals() {
        let tb = trial_balance(vec![t("5711", 0, 100, 0), t("7021", 0, 0, 90)], false);
        assert!(!tb.totals.balanced());
    }

    #[test]
    fn keep_empty_rows_on_request() {
        let tb = trial_balance(vec![t("4111", 0, 0, 0)], true);
        assert_eq!(tb.rows.len(), 1);
    }
}
