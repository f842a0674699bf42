//! `Edm.Date`: a calendar date without a time zone, `YYYY-MM-DD`.
//!
//! The form has exactly one spelling per date, so the value is stored as its
//! fields (and is `Copy`) and written back byte for byte from them.

use crate::error::Shortened;
use crate::GraphError;
use serde::{Serialize, Serializer};
use std::fmt;

use super::calendar::{self, days_from_civil};
use super::parse::{in_range, Cursor};

/// The Graph type name used in error messages.
const KIND: &str = "Date";

/// A valid value, quoted in error messages to show the expected form.
const EXAMPLE: &str = "2016-12-31";

/// `Edm.Date`: a calendar day without a time or time zone, written
/// `YYYY-MM-DD` (Graph uses it for birthdays, due dates and the like).
///
/// * The year has exactly 4 digits, `0000`-`9999`, as in
///   [`DateTimeOffset`](crate::DateTimeOffset); OData's grammar also allows
///   negative and 5-digit years, which Graph does not use.
/// * The day must exist in its month: `2016-02-29` is valid, `2015-02-29`,
///   `1900-02-29` and `2016-04-31` are not.
/// * There is one spelling per date, so the text round-trips byte for byte
///   and `==`, [`Hash`] and [`Ord`] (chronological) compare dates.
///
/// With the `time` feature, a value converts into
/// [`time::Date`](https://docs.rs/time/0.3/time/struct.Date.html) (`From`)
/// and back (`TryFrom`, which fails outside years 0-9999).
///
/// ```
/// use graph_core::Date;
///
/// let due: Date = "2016-02-29".parse()?;
/// assert_eq!((due.year(), due.month(), due.day()), (2016, 2, 29));
/// assert_eq!(due.to_string(), "2016-02-29");
/// assert_eq!(due, Date::new(2016, 2, 29)?);
/// assert!(due < "2016-03-01".parse()?);
///
/// let json = graph_core::to_json(&due)?;
/// assert_eq!(json, br#""2016-02-29""#);
/// assert_eq!(graph_core::from_json::<Date>(&json)?, due);
///
/// let err = "2015-02-29".parse::<Date>().unwrap_err();
/// assert!(err.to_string().contains("day 29 is out of range for February 2015"));
/// # Ok::<(), graph_core::GraphError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    // Field order makes the derived `Ord` chronological.
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The date `year`-`month`-`day`, checked as [`FromStr`](std::str::FromStr) checks text:
    /// year `0`-`9999`, month `1`-`12`, a day that exists in that month.
    ///
    /// ```
    /// use graph_core::Date;
    ///
    /// assert_eq!(Date::new(2024, 2, 29)?.to_string(), "2024-02-29");
    /// assert!(Date::new(2023, 2, 29).is_err());
    /// # Ok::<(), graph_core::GraphError>(())
    /// ```
    pub fn new(year: u16, month: u8, day: u8) -> Result<Date, GraphError> {
        check(u32::from(year), u32::from(month), u32::from(day)).map_err(|reason| {
            GraphError::InvalidValue {
                kind: KIND,
                value: Shortened::new(&format!("{year:04}-{month:02}-{day:02}")),
                reason,
            }
        })?;
        Ok(Date { year, month, day })
    }

    /// The year, `0`-`9999`.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month, `1`-`12`.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month, `1`-`31`.
    pub fn day(&self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (negative
    /// before): the difference of two of these is the number of days between
    /// the dates.
    ///
    /// ```
    /// use graph_core::Date;
    ///
    /// assert_eq!(Date::new(1970, 1, 2)?.days_since_unix_epoch(), 1);
    /// assert_eq!(Date::new(1969, 12, 31)?.days_since_unix_epoch(), -1);
    /// # Ok::<(), graph_core::GraphError>(())
    /// ```
    pub fn days_since_unix_epoch(&self) -> i64 {
        days_from_civil(
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        )
    }
}

/// Checks a date's fields; the error is the reason they are invalid.
fn check(year: u32, month: u32, day: u32) -> Result<(), String> {
    in_range("year", year, 0..=9999)?;
    in_range("month", month, 1..=12)?;
    calendar::check_day(year, month, day)
}

/// Parses `text`; the error is the reason it is invalid.
fn parse(text: &str) -> Result<Date, String> {
    if text.is_empty() {
        return Err("the text is empty".to_owned());
    }
    let mut p = Cursor::new(text);
    if p.peek() == Some(b'-') {
        return Err("years before 0000 are not supported".to_owned());
    }
    let year = p.number(4, "year")?;
    p.separator(b"-", "`-` after the year", ("year", 4))?;
    let month = p.field(2, "month", 1..=12)?;
    p.separator(b"-", "`-` after the month", ("month", 2))?;
    let day = p.number(2, "day")?;
    check(year, month, day)?;
    match p.peek() {
        None => {}
        Some(b) if b.is_ascii_digit() => {
            return Err(format!(
                "the day must have exactly 2 digits, found {}",
                p.found()
            ))
        }
        Some(b'T' | b't') => {
            return Err(format!(
            "unexpected time at byte {}: an Edm.Date has no time of day (that is a DateTimeOffset)",
            p.pos
        ))
        }
        Some(_) => return Err(format!("unexpected {} after the day", p.found())),
    }
    // The narrowing casts are lossless: every field was range-checked.
    Ok(Date {
        year: year as u16,
        month: month as u8,
        day: day as u8,
    })
}

super::text_value!(
    Date,
    description = "an Edm.Date string YYYY-MM-DD",
    form = "YYYY-MM-DD"
);

impl fmt::Display for Date {
    /// Writes `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Date({self})")
    }
}

impl Serialize for Date {
    /// Writes the string `YYYY-MM-DD`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "time")]
impl From<Date> for time::Date {
    /// The same day. Infallible: years 0-9999 are in `time`'s range.
    fn from(value: Date) -> Self {
        // Month and day were checked when `value` was made.
        time::Month::try_from(value.month)
            .and_then(|month| {
                time::Date::from_calendar_date(i32::from(value.year), month, value.day)
            })
            .expect("a Date has in-range components")
    }
}

#[cfg(feature = "time")]
impl TryFrom<time::Date> for Date {
    type Error = GraphError;

    /// The same day; fails for a year outside `0`-`9999`, which `Edm.Date`'s
    /// `YYYY` cannot write.
    fn try_from(value: time::Date) -> Result<Self, GraphError> {
        let year = u16::try_from(value.year())
            .ok()
            .filter(|year| *year <= 9999)
            .ok_or_else(|| GraphError::InvalidValue {
                kind: KIND,
                value: Shortened::new(&value.to_string()),
                reason: format!("year {} is out of range 0-9999", value.year()),
            })?;
        Date::new(year, u8::from(value.month()), value.day())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edm::testing;

    fn ok(text: &str) -> Date {
        testing::ok(text)
    }

    fn err(text: &str) -> String {
        testing::err::<Date>(text)
    }

    fn assert_err(text: &str, needle: &str) {
        testing::assert_err::<Date>(text, needle)
    }

    #[test]
    fn valid_dates_round_trip() {
        for text in [
            "2016-12-31",
            "0000-01-01",
            "9999-12-31",
            "2016-02-29",
            "2000-02-29",
            "1970-01-01",
            "2024-04-30",
        ] {
            let value = ok(text);
            assert_eq!(value.to_string(), text);
            assert_eq!(format!("{value:?}"), format!("Date({text})"));
            let json = serde_json::to_string(&value).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), value);
        }
        let value = ok("2016-12-31");
        assert_eq!((value.year(), value.month(), value.day()), (2016, 12, 31));
    }

    #[test]
    fn new_checks_like_from_str() {
        assert_eq!(Date::new(2016, 2, 29).unwrap(), ok("2016-02-29"));
        assert_eq!(Date::new(0, 1, 1).unwrap().to_string(), "0000-01-01");
        let message = |y, m, d| Date::new(y, m, d).unwrap_err().to_string();
        assert_eq!(
            message(2015, 2, 29),
            "invalid Date `2015-02-29`: day 29 is out of range for February 2015"
        );
        assert_eq!(
            message(10_000, 1, 1),
            "invalid Date `10000-01-01`: year 10000 is out of range 0-9999"
        );
        assert!(message(2016, 13, 1).contains("month 13 is out of range 1-12"));
        assert!(message(2016, 0, 1).contains("month 0 is out of range 1-12"));
        assert!(message(2016, 1, 0).contains("day 0 is out of range for January 2016"));
    }

    #[test]
    fn leap_years() {
        ok("2016-02-29");
        ok("2000-02-29");
        ok("2400-02-29");
        ok("0000-02-29");
        assert_err("1900-02-29", "day 29 is out of range for February 1900");
        assert_err("2100-02-29", "day 29 is out of range for February 2100");
        assert_err("2015-02-29", "day 29 is out of range for February 2015");
        assert_err("2016-02-30", "day 30 is out of range for February 2016");
    }

    #[test]
    fn out_of_range_fields() {
        assert_err("2016-13-01", "month 13 is out of range 1-12");
        assert_err("2016-00-01", "month 0 is out of range 1-12");
        assert_err("2016-01-00", "day 0 is out of range for January 2016");
        assert_err("2016-01-32", "day 32 is out of range for January 2016");
        assert_err("2016-04-31", "day 31 is out of range for April 2016");
        assert_err("2016-06-31", "day 31 is out of range for June 2016");
        assert_err("2016-09-31", "day 31 is out of range for September 2016");
        assert_err("2016-11-31", "day 31 is out of range for November 2016");
    }

    #[test]
    fn malformed_text() {
        assert_err("", "the text is empty");
        assert_err(
            "2016",
            "expected `-` after the year, found the end of the text",
        );
        assert_err("2016-12", "expected `-` after the month, found the end");
        assert_err(
            "2016-12-3",
            "expected 2-digit day, found the end of the text",
        );
        assert_err("16-12-31", "expected 4-digit year, found `-` at byte 2");
        assert_err("20161-12-31", "the year must have exactly 4 digits");
        assert_err("2016-1-31", "expected 2-digit month, found `-` at byte 6");
        assert_err("2016-012-31", "the month must have exactly 2 digits");
        assert_err(
            "2016-12-311",
            "the day must have exactly 2 digits, found `1` at byte 10",
        );
        assert_err(
            "2016/12/31",
            "expected `-` after the year, found `/` at byte 4",
        );
        assert_err("-0001-01-01", "years before 0000 are not supported");
        assert_err("+2016-12-31", "expected 4-digit year, found `+` at byte 0");
        assert_err(" 2016-12-31", "expected 4-digit year, found ` ` at byte 0");
        assert_err("2016-12-31 ", "unexpected ` ` at byte 10 after the day");
        assert_err("2016-12-31Z", "unexpected `Z` at byte 10 after the day");
        assert_err(
            "2016-12-31T00:00:00Z",
            "unexpected time at byte 10: an Edm.Date has no time of day",
        );
        assert_err("2016-12-31é", "unexpected `é` at byte 10");
        assert_err("٢٠١٦-12-31", "expected 4-digit year, found `٢` at byte 0");
        assert_err(
            "2016-１2-31",
            "expected 2-digit month, found `１` at byte 5",
        );
    }

    #[test]
    fn error_value_is_the_text_shortened() {
        let long = format!("2016-12-31{}", "x".repeat(10_000));
        let (_, reason) = testing::shortened::<Date>(&long);
        assert_eq!(reason, "unexpected `x` at byte 10 after the day");
        assert_eq!(
            err("2016-02-30"),
            "invalid Date `2016-02-30`: day 30 is out of range for February 2016"
        );
    }

    #[test]
    fn serde_error_names_problem_and_expected_form() {
        let error = serde_json::from_str::<Date>(r#""2016-02-30""#)
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with(
                "invalid Date \"2016-02-30\": day 30 is out of range for February 2016; \
                 expected YYYY-MM-DD such as 2016-12-31"
            ),
            "{error}"
        );
        let error = serde_json::from_str::<Date>("20161231")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("expected an Edm.Date string YYYY-MM-DD"),
            "{error}"
        );
        let error = crate::from_json::<Vec<Date>>(br#"["2016-12-31", "2016-12-31T00:00:00Z"]"#)
            .unwrap_err()
            .to_string();
        assert!(error.contains("[1]"), "{error}");
        assert!(error.contains("has no time of day"), "{error}");
    }

    #[test]
    fn order_is_chronological_and_matches_day_numbers() {
        let mut dates: Vec<Date> = ["2016-12-31", "0000-01-01", "2016-02-29", "2016-03-01"]
            .into_iter()
            .map(ok)
            .collect();
        dates.sort();
        let texts: Vec<String> = dates.iter().map(Date::to_string).collect();
        assert_eq!(
            texts,
            ["0000-01-01", "2016-02-29", "2016-03-01", "2016-12-31"]
        );
        assert_eq!(ok("1970-01-01").days_since_unix_epoch(), 0);
        assert_eq!(ok("2000-01-01").days_since_unix_epoch(), 10_957);
        assert_eq!(ok("0000-01-01").days_since_unix_epoch(), -719_528);
        assert_eq!(ok("9999-12-31").days_since_unix_epoch(), 2_932_896);
    }

    /// Every day from 0000-01-01 to 9999-12-31 is valid and one day after
    /// the previous; every other `(month, day)` with day 29-32 is rejected.
    #[test]
    fn every_day_of_the_calendar() {
        let mut previous: Option<Date> = None;
        let mut days = 0;
        for year in 0..=9999u16 {
            for month in 1..=12u8 {
                for day in 1..=32u8 {
                    let text = format!("{year:04}-{month:02}-{day:02}");
                    let parsed = text.parse::<Date>();
                    let valid =
                        u32::from(day) <= calendar::days_in_month(year.into(), month.into());
                    assert_eq!(parsed.is_ok(), valid, "{text}");
                    if let Ok(date) = parsed {
                        if let Some(previous) = previous {
                            assert_eq!(
                                date.days_since_unix_epoch() - previous.days_since_unix_epoch(),
                                1,
                                "{text}"
                            );
                            assert!(previous < date);
                        }
                        previous = Some(date);
                        days += 1;
                    }
                }
            }
        }
        // 10_000 years, 2_425 of them leap years (every 4th, less 75 centuries).
        assert_eq!(days, 10_000 * 365 + 2_425);
    }

    fn check_no_panic(text: &str) {
        if let Ok(value) = text.parse::<Date>() {
            assert_eq!(value.to_string(), text);
        }
        let _ = serde_json::from_value::<Date>(serde_json::Value::String(text.into()));
    }

    #[test]
    fn generated_inputs_never_panic() {
        let mut checked = 0;
        let mut accepted = 0;
        for sample in ["2016-12-31", "2016-02-29", "0000-01-01"] {
            for text in crate::edm::mutations::of(sample) {
                check_no_panic(&text);
                checked += 1;
                accepted += usize::from(text.parse::<Date>().is_ok());
            }
        }
        assert!(
            accepted > 20 && accepted < checked / 4,
            "{accepted} of {checked}"
        );
    }

    #[cfg(feature = "time")]
    mod time_conversions {
        use super::*;

        #[test]
        fn to_and_from_time_date() {
            for text in ["2016-02-29", "0000-01-01", "9999-12-31", "1970-01-01"] {
                let value = ok(text);
                let converted = time::Date::from(value);
                assert_eq!(converted.year(), i32::from(value.year()));
                assert_eq!(u8::from(converted.month()), value.month());
                assert_eq!(converted.day(), value.day());
                assert_eq!(Date::try_from(converted).unwrap(), value);
            }
        }

        #[test]
        fn years_outside_0_to_9999_are_errors() {
            let before = time::Date::from_calendar_date(-1, time::Month::June, 1).unwrap();
            let error = Date::try_from(before).unwrap_err().to_string();
            assert!(error.contains("year -1 is out of range 0-9999"), "{error}");
        }
    }
}
