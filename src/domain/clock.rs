//! Whether the computer's clock can be trusted for recording: a laptop
//! whose battery died may come back on 1 January 2000, and a date set far
//! ahead would stamp entries with a time that never was. Pure rules; the
//! store gives the times.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use super::{Message, MsgArg};

/// No ledger was kept with jatebo before this day: a clock showing an
/// earlier date has been reset.
pub const EARLIEST: NaiveDate = NaiveDate::from_ymd_opt(2025, 1, 1).expect("valid date");
/// A clock may be set back this much (time zones, a slightly fast clock
/// corrected) without any question.
pub const TOLERANCE_MINUTES: i64 = 10;
/// A clock more than this far ahead of the last record is asked about: a
/// group that meets twice a month does not leave its books for a year.
pub const MAX_GAP_DAYS: i64 = 366;

/// What is wrong with the clock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClockProblem {
    /// The clock is before the last thing recorded in the ledger.
    Behind {
        now: NaiveDateTime,
        last: NaiveDateTime,
    },
    /// The clock shows a date jatebo cannot have been used at.
    Implausible { now: NaiveDateTime },
    /// The clock is far after the last record.
    FarAhead {
        now: NaiveDateTime,
        last: NaiveDateTime,
    },
}

/// Judges the clock (`now`, UTC) against the last time recorded in the
/// ledger (UTC), if any.
pub fn judge(now: NaiveDateTime, last: Option<NaiveDateTime>) -> Option<ClockProblem> {
    if now.date() < EARLIEST || now.date() >= NaiveDate::from_ymd_opt(2100, 1, 1)? {
        return Some(ClockProblem::Implausible { now });
    }
    let last_t = last?;
    if now < last_t - Duration::minutes(TOLERANCE_MINUTES) {
        return Some(ClockProblem::Behind { now, last: last_t });
    }
    if now > last_t + Duration::days(MAX_GAP_DAYS) {
        return Some(ClockProblem::FarAhead { now, last: last_t });
    }
    None
}

/// Whether a business date a user confirms is acceptable: in the years
/// jatebo accepts, and not before the day of the last record.
pub fn confirmable(date: NaiveDate, last: Option<NaiveDateTime>) -> bool {
    date >= EARLIEST && date.year() < 2100 && last.is_none_or(|l| date >= l.date())
}

impl Message for ClockProblem {
    fn key(&self) -> &'static str {
        match self {
            ClockProblem::Behind { .. } => "clock-behind",
            ClockProblem::Implausible { .. } => "clock-implausible",
            ClockProblem::FarAhead { .. } => "clock-far-ahead",
        }
    }

    fn args(&self) -> Vec<(&'static str, MsgArg)> {
        let day = |t: &NaiveDateTime| MsgArg::Date(t.date());
        let time = |t: &NaiveDateTime| MsgArg::Text(t.format("%H:%M").to_string());
        match self {
            ClockProblem::Behind { now, last } => vec![
                ("now", day(now)),
                ("last", day(last)),
                ("last_time", time(last)),
            ],
            ClockProblem::Implausible { now } => vec![("now", day(now))],
            ClockProblem::FarAhead { now, last } => vec![("now", day(now)), ("last", day(last))],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn a_clock_reset_after_a_power_cut_is_caught() {
        let last = Some(t("2026-11-20 18:02"));
        assert_eq!(judge(t("2026-11-21 08:00"), last), None);
        assert_eq!(
            judge(t("2026-11-20 17:55"), last),
            None,
            "within 10 minutes"
        );
        assert_eq!(
            judge(t("2026-11-20 17:50"), last),
            Some(ClockProblem::Behind {
                now: t("2026-11-20 17:50"),
                last: t("2026-11-20 18:02")
            })
        );
        // The BIOS default after a flat battery.
        assert!(matches!(
            judge(t("2000-01-01 00:00"), None),
            Some(ClockProblem::Implausible { .. })
        ));
        // Reset to 2000 with records from 2026: implausible, not "behind"
        // nor "far ahead".
        assert_eq!(
            judge(t("2000-01-01 00:00"), last),
            Some(ClockProblem::Implausible {
                now: t("2000-01-01 00:00")
            })
        );
        assert!(matches!(
            judge(t("2024-12-31 23:59"), None),
            Some(ClockProblem::Implausible { .. })
        ));
        assert_eq!(judge(t("2025-01-01 00:00"), None), None);
        // Far ahead of the last record.
        assert!(matches!(
            judge(t("2038-01-19 03:14"), last),
            Some(ClockProblem::FarAhead { .. })
        ));
        assert_eq!(judge(t("2027-11-20 18:00"), last), None);
        assert!(judge(t("2100-01-01 00:00"), None).is_some());
    }

    #[test]
    fn a_confirmed_date_is_not_before_the_last_record() {
        let last = Some(t("2026-11-20 18:02"));
        assert!(confirmable(t("2026-11-20 00:00").date(), last));
        assert!(confirmable(t("2026-11-21 00:00").date(), last));
        assert!(!confirmable(t("2026-11-19 00:00").date(), last));
        assert!(!confirmable(t("2000-01-01 00:00").date(), None));
        assert!(!confirmable(t("2100-01-01 00:00").date(), None));
    }
}
