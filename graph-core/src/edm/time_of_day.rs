//! `Edm.TimeOfDay`: a clock time without a date or time zone.
//!
//! The text is kept: OData allows several spellings of one time
//! (`08:00`, `08:00:00`, `08:00:00.0000000`), and Graph writes 7 fractional
//! digits, which a value rebuilt from its fields would not reproduce.

use crate::error::Shortened;
use crate::GraphError;

use super::parse::Cursor;

/// The Graph type name used in error messages.
const KIND: &str = "TimeOfDay";

/// A valid value, quoted in error messages to show the expected form.
const EXAMPLE: &str = "08:00:00.0000000";

/// OData's limit on fractional-second digits in a time of day.
const MAX_FRACTION_DIGITS: usize = 12;

/// `Edm.TimeOfDay`: a time on a 24-hour clock with no date or time zone,
/// written `HH:MM[:SS[.fff…]]` as OData defines it. Graph uses it for
/// working hours and schedules (`"startTime": "08:00:00.0000000"`).
///
/// * Hours are `00`-`23`, minutes and seconds `00`-`59`. OData's grammar
///   also allows second `60` (a leap second); that is rejected, as in
///   [`DateTimeOffset`](crate::DateTimeOffset), since no Graph time has one.
/// * Seconds may be left out (`08:00`); a fraction needs seconds.
/// * Up to 12 fractional digits, as OData allows; digits past the 9th must
///   be `0`, because the value is kept to the nanosecond (Graph writes 7).
/// * The text received is kept: [`Display`](std::fmt::Display), [`as_str`] and
///   serialization give it back byte for byte.
///
/// # Equality is textual
///
/// `==` and [`Hash`] compare the text, so `08:00` and `08:00:00.0000000` are
/// different values although they name the same time; compare
/// [`nanoseconds_since_midnight`] for that.
///
/// With the `time` feature, a value converts into
/// [`time::Time`](https://docs.rs/time/0.3/time/struct.Time.html) (`From`)
/// and back (`From`).
///
/// ```
/// use graph_core::TimeOfDay;
///
/// let start: TimeOfDay = "08:30:00.5000000".parse()?;
/// assert_eq!((start.hour(), start.minute(), start.second()), (8, 30, 0));
/// assert_eq!(start.nanosecond(), 500_000_000);
/// assert_eq!(start.to_string(), "08:30:00.5000000");
///
/// // Equality is textual; compare the time itself through its nanoseconds.
/// let same: TimeOfDay = "08:30:00.5".parse()?;
/// assert_ne!(start, same);
/// assert_eq!(start.nanoseconds_since_midnight(), same.nanoseconds_since_midnight());
///
/// let json = graph_core::to_json(&start)?;
/// assert_eq!(json, br#""08:30:00.5000000""#);
/// assert_eq!(graph_core::from_json::<TimeOfDay>(&json)?, start);
///
/// let err = "24:00:00".parse::<TimeOfDay>().unwrap_err();
/// assert!(err.to_string().contains("hour 24 is out of range 0-23"));
/// # Ok::<(), graph_core::GraphError>(())
/// ```
///
/// [`as_str`]: TimeOfDay::as_str
/// [`nanoseconds_since_midnight`]: TimeOfDay::nanoseconds_since_midnight
#[derive(Clone)]
pub struct TimeOfDay {
    /// The text as received; the fields below are parsed from it.
    text: Box<str>,
    hour: u8,
    minute: u8,
    second: u8,
    nanosecond: u32,
}

impl TimeOfDay {
    /// The time `hour:minute:second`, with the fraction written only when
    /// `nanosecond` is not zero, and with as few digits as it needs
    /// (`new(8, 30, 0, 500_000_000)` is `08:30:00.5`). Fails when a field is
    /// out of range (`nanosecond` is at most `999_999_999`).
    ///
    /// ```
    /// use graph_core::TimeOfDay;
    ///
    /// assert_eq!(TimeOfDay::new(8, 0, 0, 0)?.as_str(), "08:00:00");
    /// assert_eq!(TimeOfDay::new(23, 59, 59, 1_000)?.as_str(), "23:59:59.000001");
    /// assert!(TimeOfDay::new(24, 0, 0, 0).is_err());
    /// # Ok::<(), graph_core::GraphError>(())
    /// ```
    pub fn new(hour: u8, minute: u8, second: u8, nanosecond: u32) -> Result<Self, GraphError> {
        let mut text = format!("{hour:02}:{minute:02}:{second:02}");
        let reason = if hour > 23 {
            format!("hour {hour} is out of range 0-23")
        } else if minute > 59 {
            format!("minute {minute} is out of range 0-59")
        } else if second == 60 {
            "second 60 is out of range 0-59 (leap seconds are not supported)".to_owned()
        } else if second > 59 {
            format!("second {second} is out of range 0-59")
        } else if nanosecond > 999_999_999 {
            format!("nanosecond {nanosecond} is out of range 0-999999999")
        } else {
            if nanosecond != 0 {
                let digits = format!("{nanosecond:09}");
                text.push('.');
                text.push_str(digits.trim_end_matches('0'));
            }
            return Ok(TimeOfDay {
                text: text.into(),
                hour,
                minute,
                second,
                nanosecond,
            });
        };
        Err(GraphError::InvalidValue {
            kind: KIND,
            value: Shortened::new(&text),
            reason,
        })
    }

    /// The text, exactly as parsed.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The hour, `0`-`23`.
    pub fn hour(&self) -> u8 {
        self.hour
    }

    /// The minute, `0`-`59`.
    pub fn minute(&self) -> u8 {
        self.minute
    }

    /// The second, `0`-`59`; `0` when the text has no seconds (`08:00`).
    pub fn second(&self) -> u8 {
        self.second
    }

    /// The fractional second in nanoseconds, `0`-`999_999_999`
    /// (`.5000000` is `500_000_000`).
    pub fn nanosecond(&self) -> u32 {
        self.nanosecond
    }

    /// Nanoseconds since midnight, `0` to `86_399_999_999_999`. Two values
    /// name the same time exactly when these are equal.
    pub fn nanoseconds_since_midnight(&self) -> u64 {
        let seconds =
            u64::from(self.hour) * 3_600 + u64::from(self.minute) * 60 + u64::from(self.second);
        seconds * 1_000_000_000 + u64::from(self.nanosecond)
    }
}

/// Parses `text`; the error is the reason it is invalid.
fn parse(text: &str) -> Result<TimeOfDay, String> {
    if text.is_empty() {
        return Err("the text is empty".to_owned());
    }
    let mut p = Cursor::new(text);
    let hour = p.hour()?;
    p.separator(b":", "`:` after the hour", ("hour", 2))?;
    let minute = p.minute()?;
    let mut second = 0;
    let mut nanosecond = 0;
    match p.peek() {
        None => {}
        Some(b':') => {
            p.pos += 1;
            second = p.second()?;
            match p.peek() {
                None => {}
                Some(b'.') => {
                    p.pos += 1;
                    nanosecond = p.fraction(Some(MAX_FRACTION_DIGITS))?;
                    if !p.at_end() {
                        return Err(format!(
                            "unexpected {} after the fractional second",
                            p.found()
                        ));
                    }
                }
                Some(b) if b.is_ascii_digit() => {
                    return Err(format!(
                        "the second must have exactly 2 digits, found {}",
                        p.found()
                    ))
                }
                Some(b'Z' | b'z' | b'+' | b'-') => {
                    return Err(format!(
                        "unexpected {}: an Edm.TimeOfDay has no UTC offset",
                        p.found()
                    ))
                }
                Some(_) => return Err(format!("unexpected {} after the second", p.found())),
            }
        }
        Some(b) if b.is_ascii_digit() => {
            return Err(format!(
                "the minute must have exactly 2 digits: expected `:` before the second \
                 or the end of the text, found {}",
                p.found()
            ))
        }
        Some(b'.') => {
            return Err(format!(
                "a fraction needs seconds: expected `:` before the second, found {}",
                p.found()
            ))
        }
        Some(_) => {
            return Err(format!(
                "expected `:` before the second or the end of the text, found {}",
                p.found()
            ))
        }
    }
    // The narrowing casts are lossless: every field was range-checked.
    Ok(TimeOfDay {
        text: text.into(),
        hour: hour as u8,
        minute: minute as u8,
        second: second as u8,
        nanosecond,
    })
}

super::text_value!(
    TimeOfDay,
    description = "an Edm.TimeOfDay string HH:MM:SS",
    form = "HH:MM[:SS[.fffffff]]"
);
super::keeps_text!(TimeOfDay);

#[cfg(feature = "time")]
impl From<&TimeOfDay> for time::Time {
    /// The same time, to the nanosecond. The text is not kept: converting
    /// back writes seconds always and fractional digits only as needed.
    fn from(value: &TimeOfDay) -> Self {
        time::Time::from_hms_nano(value.hour, value.minute, value.second, value.nanosecond)
            .expect("a parsed TimeOfDay has in-range components")
    }
}

#[cfg(feature = "time")]
impl From<TimeOfDay> for time::Time {
    /// The same time; see the `From<&TimeOfDay>` impl.
    fn from(value: TimeOfDay) -> Self {
        Self::from(&value)
    }
}

#[cfg(feature = "time")]
impl From<time::Time> for TimeOfDay {
    /// Writes `HH:MM:SS`, then the fraction with as few digits as it needs
    /// (none for a whole second), as [`TimeOfDay::new`] does.
    fn from(value: time::Time) -> Self {
        TimeOfDay::new(
            value.hour(),
            value.minute(),
            value.second(),
            value.nanosecond(),
        )
        .expect("time::Time has in-range components")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edm::testing;

    const SAMPLE: &str = "08:00:00.0000000";

    fn ok(text: &str) -> TimeOfDay {
        testing::ok(text)
    }

    fn err(text: &str) -> String {
        testing::err::<TimeOfDay>(text)
    }

    fn assert_err(text: &str, needle: &str) {
        testing::assert_err::<TimeOfDay>(text, needle)
    }

    #[test]
    fn valid_forms_round_trip_byte_for_byte() {
        for (text, fields) in [
            (SAMPLE, (8, 0, 0, 0)),
            ("08:00", (8, 0, 0, 0)),
            ("08:00:00", (8, 0, 0, 0)),
            ("23:59:59.999999999", (23, 59, 59, 999_999_999)),
            ("23:59:59.999999999000", (23, 59, 59, 999_999_999)),
            ("12:15:03.123", (12, 15, 3, 123_000_000)),
            ("17:30:00.5", (17, 30, 0, 500_000_000)),
            ("00:00", (0, 0, 0, 0)),
        ] {
            let value = ok(text);
            assert_eq!(value.as_str(), text);
            assert_eq!(value.to_string(), text);
            assert_eq!(format!("{value:?}"), format!("TimeOfDay({text:?})"));
            assert_eq!(
                (
                    value.hour(),
                    value.minute(),
                    value.second(),
                    value.nanosecond()
                ),
                fields,
                "{text}"
            );
            let json = serde_json::to_string(&value).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<TimeOfDay>(&json).unwrap(), value);
        }
    }

    #[test]
    fn new_writes_minimal_fraction() {
        assert_eq!(TimeOfDay::new(8, 0, 0, 0).unwrap().as_str(), "08:00:00");
        assert_eq!(
            TimeOfDay::new(8, 30, 0, 500_000_000).unwrap().as_str(),
            "08:30:00.5"
        );
        assert_eq!(
            TimeOfDay::new(23, 59, 59, 999_999_999).unwrap().as_str(),
            "23:59:59.999999999"
        );
        assert_eq!(
            TimeOfDay::new(0, 0, 0, 1).unwrap().as_str(),
            "00:00:00.000000001"
        );
        let message = |h, m, s, n| TimeOfDay::new(h, m, s, n).unwrap_err().to_string();
        assert!(message(24, 0, 0, 0).contains("hour 24 is out of range 0-23"));
        assert!(message(0, 60, 0, 0).contains("minute 60 is out of range 0-59"));
        assert!(message(0, 0, 60, 0).contains("leap seconds are not supported"));
        assert!(message(0, 0, 61, 0).contains("second 61 is out of range 0-59"));
        assert_eq!(
            message(255, 0, 0, 0),
            "invalid TimeOfDay `255:00:00`: hour 255 is out of range 0-23"
        );
        assert_eq!(
            message(0, 0, 0, 1_000_000_000),
            "invalid TimeOfDay `00:00:00`: nanosecond 1000000000 is out of range 0-999999999"
        );
        // Whatever `new` builds parses back to the same fields.
        for (h, m, s, n) in [
            (0, 0, 0, 1),
            (23, 59, 59, 999_999_999),
            (12, 0, 1, 120_000_000),
        ] {
            let built = TimeOfDay::new(h, m, s, n).unwrap();
            let parsed = ok(built.as_str());
            assert_eq!(parsed, built);
            assert_eq!(
                (
                    parsed.hour(),
                    parsed.minute(),
                    parsed.second(),
                    parsed.nanosecond()
                ),
                (h, m, s, n)
            );
        }
    }

    #[test]
    fn equality_is_textual_and_hash_agrees() {
        use std::collections::HashSet;
        let a = ok("08:00");
        let b = ok("08:00:00");
        let c = ok(SAMPLE);
        assert_ne!(a, b);
        assert_ne!(b, c);
        assert_eq!(a, ok("08:00"));
        assert_eq!(
            a.nanoseconds_since_midnight(),
            c.nanoseconds_since_midnight()
        );
        let set: HashSet<_> = [a.clone(), b, c, a].into_iter().collect();
        assert_eq!(set.len(), 3);
        assert_eq!(ok("00:00").nanoseconds_since_midnight(), 0);
        assert_eq!(
            ok("23:59:59.999999999").nanoseconds_since_midnight(),
            86_399_999_999_999
        );
        assert_eq!(
            ok("01:02:03.4").nanoseconds_since_midnight(),
            3_723_400_000_000
        );
    }

    #[test]
    fn fractional_digits() {
        assert_eq!(ok("00:00:00.000000001").nanosecond(), 1);
        assert_eq!(ok("00:00:00.100000000000").nanosecond(), 100_000_000);
        assert_err(
            "00:00:00.000000000001",
            "fractional digits past the 9th must be 0 (the value is kept to the nanosecond), \
             found `1` at byte 20",
        );
        assert_err(
            "00:00:00.1234567891",
            "past the 9th must be 0 (the value is kept to the nanosecond), found `1` at byte 18",
        );
        assert_err(
            "00:00:00.0000000000000",
            "at most 12 fractional digits are allowed, found 13",
        );
        assert_err(
            "00:00:00.00000000000000000000000000",
            "at most 12 fractional digits are allowed, found 26",
        );
        assert_err(
            "00:00:00.",
            "expected a fractional digit after `.`, found the end of the text",
        );
        assert_err(
            "00:00:00.Z",
            "expected a fractional digit after `.`, found `Z`",
        );
        assert_err(
            "00:00:00.5Z",
            "unexpected `Z` at byte 10 after the fractional second",
        );
        assert_err(
            "00:00:00.5 ",
            "unexpected ` ` at byte 10 after the fractional second",
        );
        assert_err("00:00:00.5é", "unexpected `é` at byte 10");
        assert_err(
            "00:00:00.５",
            "expected a fractional digit after `.`, found `５`",
        );
    }

    #[test]
    fn out_of_range_fields() {
        assert_err("24:00:00", "hour 24 is out of range 0-23");
        assert_err("99:00", "hour 99 is out of range 0-23");
        assert_err("23:60:00", "minute 60 is out of range 0-59");
        assert_err("23:60", "minute 60 is out of range 0-59");
        assert_err(
            "23:59:60",
            "second 60 is out of range 0-59 (leap seconds are not supported)",
        );
        assert_err("23:59:99", "second 99 is out of range 0-59");
        ok("23:59:59");
        ok("00:00:00");
    }

    #[test]
    fn malformed_text() {
        assert_err("", "the text is empty");
        assert_err("8:00", "expected 2-digit hour, found `:` at byte 1");
        assert_err("800", "hour 80 is out of range 0-23");
        assert_err(
            "080:00",
            "the hour must have exactly 2 digits: expected `:` after the hour, found `0` at byte 2",
        );
        assert_err(
            "08",
            "expected `:` after the hour, found the end of the text",
        );
        assert_err("08:", "expected 2-digit minute, found the end of the text");
        assert_err("08:0", "expected 2-digit minute, found the end of the text");
        assert_err(
            "08:000",
            "the minute must have exactly 2 digits: expected `:` before the second or the end \
             of the text, found `0` at byte 5",
        );
        assert_err(
            "08:00:",
            "expected 2-digit second, found the end of the text",
        );
        assert_err(
            "08:00:0",
            "expected 2-digit second, found the end of the text",
        );
        assert_err(
            "08:00:000",
            "the second must have exactly 2 digits, found `0` at byte 8",
        );
        assert_err(
            "08:00.5",
            "a fraction needs seconds: expected `:` before the second, found `.` at byte 5",
        );
        assert_err(
            "08-00-00",
            "expected `:` after the hour, found `-` at byte 2",
        );
        assert_err(
            "08:00 ",
            "expected `:` before the second or the end of the text, found ` ` at byte 5",
        );
        assert_err(
            "08:00:00Z",
            "unexpected `Z` at byte 8: an Edm.TimeOfDay has no UTC offset",
        );
        assert_err("08:00:00+01:00", "an Edm.TimeOfDay has no UTC offset");
        assert_err("08:00:00 ", "unexpected ` ` at byte 8 after the second");
        assert_err("08:00:00,5", "unexpected `,` at byte 8 after the second");
        assert_err(" 08:00:00", "expected 2-digit hour, found ` ` at byte 0");
        assert_err("T08:00:00", "expected 2-digit hour, found `T` at byte 0");
        assert_err("٠٨:00:00", "expected 2-digit hour, found `٠` at byte 0");
        assert_err("08:00:0٠", "expected 2-digit second, found `٠` at byte 7");
        assert_err(
            "08：00",
            "expected `:` after the hour, found `：` at byte 2",
        );
    }

    #[test]
    fn error_value_is_the_text_shortened() {
        let long = format!("{SAMPLE}{}", "x".repeat(10_000));
        let (value, reason) = testing::shortened::<TimeOfDay>(&long);
        assert!(value.as_str().starts_with(SAMPLE));
        assert_eq!(
            reason,
            "unexpected `x` at byte 16 after the fractional second"
        );
        assert_eq!(
            err("24:00"),
            "invalid TimeOfDay `24:00`: hour 24 is out of range 0-23"
        );
    }

    #[test]
    fn serde_error_names_problem_and_expected_form() {
        let error = serde_json::from_str::<TimeOfDay>(r#""24:00:00""#)
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with(
                "invalid TimeOfDay \"24:00:00\": hour 24 is out of range 0-23; \
                 expected HH:MM[:SS[.fffffff]] such as 08:00:00.0000000"
            ),
            "{error}"
        );
        let error = serde_json::from_str::<TimeOfDay>("800")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("expected an Edm.TimeOfDay string HH:MM:SS"),
            "{error}"
        );
        let error = crate::from_json::<Vec<TimeOfDay>>(br#"["08:00", "8:00"]"#)
            .unwrap_err()
            .to_string();
        assert!(error.contains("[1]"), "{error}");
        assert!(error.contains("expected 2-digit hour"), "{error}");
    }

    /// Every minute of the day, with and without seconds, parses to the
    /// right number of nanoseconds; minute 60 and hour 24 never do.
    #[test]
    fn every_minute_of_the_day() {
        for hour in 0..=24u64 {
            for minute in 0..=60u64 {
                let short = format!("{hour:02}:{minute:02}");
                let long = format!("{short}:59.25");
                let valid = hour < 24 && minute < 60;
                assert_eq!(short.parse::<TimeOfDay>().is_ok(), valid, "{short}");
                assert_eq!(long.parse::<TimeOfDay>().is_ok(), valid, "{long}");
                if valid {
                    let at = (hour * 3_600 + minute * 60) * 1_000_000_000;
                    assert_eq!(ok(&short).nanoseconds_since_midnight(), at);
                    assert_eq!(ok(&long).nanoseconds_since_midnight(), at + 59_250_000_000);
                }
            }
        }
    }

    fn check_no_panic(text: &str) {
        if let Ok(value) = text.parse::<TimeOfDay>() {
            assert_eq!(value.as_str(), text);
            assert!(value.nanoseconds_since_midnight() < 86_400_000_000_000);
        }
        let _ = serde_json::from_value::<TimeOfDay>(serde_json::Value::String(text.into()));
    }

    #[test]
    fn generated_inputs_never_panic() {
        let mut checked = 0;
        let mut accepted = 0;
        for sample in [SAMPLE, "23:59:59.999999999000", "12:15"] {
            for text in crate::edm::mutations::of(sample) {
                check_no_panic(&text);
                checked += 1;
                accepted += usize::from(text.parse::<TimeOfDay>().is_ok());
            }
        }
        assert!(
            accepted > 50 && accepted < checked / 4,
            "{accepted} of {checked}"
        );
    }

    #[cfg(feature = "time")]
    mod time_conversions {
        use super::*;

        #[test]
        fn to_and_from_time_time() {
            for text in [SAMPLE, "08:00", "23:59:59.999999999", "12:15:03.123"] {
                let value = ok(text);
                let converted = time::Time::from(&value);
                assert_eq!(
                    converted.as_hms_nano(),
                    (
                        value.hour(),
                        value.minute(),
                        value.second(),
                        value.nanosecond()
                    )
                );
                let back = TimeOfDay::from(converted);
                assert_eq!(
                    back.nanoseconds_since_midnight(),
                    value.nanoseconds_since_midnight()
                );
            }
            assert_eq!(
                TimeOfDay::from(time::Time::from(ok(SAMPLE))).as_str(),
                "08:00:00"
            );
            assert_eq!(
                TimeOfDay::from(time::Time::from_hms_milli(12, 15, 3, 120).unwrap()).as_str(),
                "12:15:03.12"
            );
        }
    }
}
