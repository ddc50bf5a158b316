//! Calendar months and reporting periods.
//!
//! The fiscal year is the calendar year (OHADA, AUDCIF art. 7: twelve months,
//! normally 1 January to 31 December). Entries are numbered per fiscal year.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Message, MsgArg};

/// Earliest and latest business dates the books accept.
pub const MIN_YEAR: i32 = 2000;
pub const MAX_YEAR: i32 = 2099;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeriodError {
    /// Not `AAAA-MM-JJ` / `JJ/MM/AAAA`.
    BadDate(String),
    /// Not `AAAA-MM`.
    BadMonth(String),
    BadYear(String),
    OutOfRange(String),
    /// `from` is after `to`.
    Reversed {
        from: String,
        to: String,
    },
}

impl Message for PeriodError {
    fn key(&self) -> &'static str {
        match self {
            PeriodError::BadDate(_) => "period-bad-date",
            PeriodError::BadMonth(_) => "period-bad-month",
            PeriodError::BadYear(_) => "period-bad-year",
            PeriodError::OutOfRange(_) => "period-out-of-range",
            PeriodError::Reversed { .. } => "period-reversed",
        }
    }
    fn args(&self) -> Vec<(&'static str, MsgArg)> {
        match self {
            PeriodError::BadDate(s)
            | PeriodError::BadMonth(s)
            | PeriodError::BadYear(s)
            | PeriodError::OutOfRange(s) => vec![
                ("input", s.clone().into()),
                ("min", i64::from(MIN_YEAR).into()),
                ("max", i64::from(MAX_YEAR).into()),
            ],
            PeriodError::Reversed { from, to } => {
                vec![("from", from.clone().into()), ("to", to.clone().into())]
            }
        }
    }
}

fn in_range(year: i32) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&year)
}

/// Parses a business date typed as `2026-10-31` (ISO) or `31/10/2026` (French).
pub fn parse_date(input: &str) -> Result<NaiveDate, PeriodError> {
    let s = input.trim();
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .map_err(|_| PeriodError::BadDate(s.to_string()))?;
    // chrono accepts years with more or fewer digits; insist on four.
    let four_digit = s.len() == 10;
    if !four_digit {
        return Err(PeriodError::BadDate(s.to_string()));
    }
    if !in_range(d.year()) {
        return Err(PeriodError::OutOfRange(s.to_string()));
    }
    Ok(d)
}

/// A calendar month, the unit of cached balances and of period closing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        (in_range(year) && (1..=12).contains(&month)).then_some(Month { year, month })
    }

    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// `2026-10`.
    pub fn parse(input: &str) -> Result<Month, PeriodError> {
        let s = input.trim();
        let bad = || PeriodError::BadMonth(s.to_string());
        let (y, m) = s.split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) {
            return Err(bad());
        }
        Month::new(year, month).ok_or_else(|| PeriodError::OutOfRange(s.to_string()))
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("valid month")
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().expect("valid date")
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn prev(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// The key used in the store (`2026-10`); sorts like the months.
    pub fn key(self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

pub fn parse_year(input: &str) -> Result<i32, PeriodError> {
    let s = input.trim();
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PeriodError::BadYear(s.to_string()));
    }
    let y: i32 = s.parse().map_err(|_| PeriodError::BadYear(s.to_string()))?;
    if !in_range(y) {
        return Err(PeriodError::OutOfRange(s.to_string()));
    }
    Ok(y)
}

/// An inclusive range of business dates, for reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl DateRange {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<DateRange, PeriodError> {
        if from > to {
            return Err(PeriodError::Reversed {
                from: from.to_string(),
                to: to.to_string(),
            });
        }
        Ok(DateRange { from, to })
    }

    pub fn month(m: Month) -> DateRange {
        DateRange {
            from: m.first_day(),
            to: m.last_day(),
        }
    }

    pub fn year(y: i32) -> DateRange {
        DateRange {
            from: NaiveDate::from_ymd_opt(y, 1, 1).expect("valid"),
            to: NaiveDate::from_ymd_opt(y, 12, 31).expect("valid"),
        }
    }

    /// A bound typed by a user: `2026`, `2026-10` or a full date. As a start
    /// it means the first day, as an end the last day.
    pub fn parse_bound(input: &str, is_end: bool) -> Result<NaiveDate, PeriodError> {
        let s = input.trim();
        if s.len() == 4 {
            let r = DateRange::year(parse_year(s)?);
            return Ok(if is_end { r.to } else { r.from });
        }
        if s.len() == 7 {
            let m = Month::parse(s)?;
            return Ok(if is_end { m.last_day() } else { m.first_day() });
        }
        parse_date(s)
    }

    /// Splits the range into the whole months it covers (served from cached
    /// monthly totals) and the partial days at either end (served from lines).
    pub fn split(self) -> RangeSplit {
        let first = Month::of(self.from);
        let last = Month::of(self.to);
        let mut partial = Vec::new();
        let start_whole = if self.from == first.first_day() {
            first
        } else {
            let end = if first == last {
                self.to
            } else {
                first.last_day()
            };
            partial.push(DateRange {
                from: self.from,
                to: end,
            });
            first.next()
        };
        let end_whole = if self.to == last.last_day() {
            last
        } else {
            if first != last || self.from == first.first_day() {
                let start = if first == last {
                    self.from
                } else {
                    last.first_day()
                };
                partial.push(DateRange {
                    from: start,
                    to: self.to,
                });
            }
            last.prev()
        };
        let whole = (start_whole <= end_whole).then_some((start_whole, end_whole));
        RangeSplit { whole, partial }
    }
}

/// See [`DateRange::split`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RangeSplit {
    /// First and last whole month, if any.
    pub whole: Option<(Month, Month)>,
    /// Partial-month pieces (zero, one or two).
    pub partial: Vec<DateRange>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn dates_in_both_forms() {
        assert_eq!(d("2026-10-31"), d("31/10/2026"));
        assert!(matches!(
            parse_date("31/02/2026"),
            Err(PeriodError::BadDate(_))
        ));
        assert!(matches!(
            parse_date("2026-1-5"),
            Err(PeriodError::BadDate(_))
        ));
        assert!(matches!(
            parse_date("1999-12-31"),
            Err(PeriodError::OutOfRange(_))
        ));
        assert!(matches!(parse_date("hier"), Err(PeriodError::BadDate(_))));
    }

    #[test]
    fn months() {
        let m = Month::parse("2026-12").unwrap();
        assert_eq!(m.next().to_string(), "2027-01");
        assert_eq!(m.prev().to_string(), "2026-11");
        assert_eq!(Month::parse("2024-02").unwrap().last_day(), d("2024-02-29"));
        assert!(Month::parse("2026-13").is_err());
        assert!(Month::parse("2026-1").is_err());
        assert!(Month::parse("26-10").is_err());
    }

    #[test]
    fn bounds() {
        assert_eq!(
            DateRange::parse_bound("2026", false).unwrap(),
            d("2026-01-01")
        );
        assert_eq!(
            DateRange::parse_bound("2026-02", true).unwrap(),
            d("2026-02-28")
        );
        assert_eq!(
            DateRange::parse_bound("2026-02-10", true).unwrap(),
            d("2026-02-10")
        );
        assert!(DateRange::new(d("2026-02-10"), d("2026-02-09")).is_err());
    }

    #[test]
    fn split_whole_and_partial_months() {
        let r = DateRange::new(d("2026-01-01"), d("2026-03-31")).unwrap();
        let s = r.split();
        assert_eq!(
            s.whole,
            Some((
                Month::parse("2026-01").unwrap(),
                Month::parse("2026-03").unwrap()
            ))
        );
        assert!(s.partial.is_empty());

        let r = DateRange::new(d("2026-01-15"), d("2026-03-10")).unwrap();
        let s = r.split();
        assert_eq!(
            s.whole,
            Some((
                Month::parse("2026-02").unwrap(),
                Month::parse("2026-02").unwrap()
            ))
        );
        assert_eq!(
            s.partial,
            vec![
                DateRange::new(d("2026-01-15"), d("2026-01-31")).unwrap(),
                DateRange::new(d("2026-03-01"), d("2026-03-10")).unwrap()
            ]
        );

        let r = DateRange::new(d("2026-05-03"), d("2026-05-20")).unwrap();
        let s = r.split();
        assert_eq!(s.whole, None);
        assert_eq!(s.partial, vec![r]);

        let r = DateRange::new(d("2026-05-01"), d("2026-05-20")).unwrap();
        let s = r.split();
        assert_eq!(s.whole, None);
        assert_eq!(s.partial, vec![r]);

        let r = DateRange::new(d("2026-05-03"), d("2026-05-31")).unwrap();
        let s = r.split();
        assert_eq!(s.whole, None);
        assert_eq!(s.partial, vec![r]);
    }

    /// Every day of the range is covered exactly once by the split.
    #[test]
    fn split_covers_every_day_once() {
        let days: Vec<NaiveDate> = (0..430)
            .map(|i| d("2025-12-01") + chrono::Duration::days(i))
            .collect();
        for (i, a) in days.iter().enumerate().step_by(7) {
            for b in days[i..].iter().step_by(5) {
                let s = DateRange::new(*a, *b).unwrap().split();
                let mut covered = 0i64;
                if let Some((m1, m2)) = s.whole {
                    covered += (m2.last_day() - m1.first_day()).num_days() + 1;
                }
                for p in &s.partial {
                    covered += (p.to - p.from).num_days() + 1;
                }
                assert_eq!(covered, (*b - *a).num_days() + 1, "{a}..{b}");
            }
        }
    }
}
