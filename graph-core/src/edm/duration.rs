//! `Edm.Duration`: a signed length of time, as an ISO 8601 day-time duration.
//!
//! The text is kept: one length has many spellings (`PT90M`, `PT1H30M`,
//! `PT5400S`, `PT1H30M0.000S`), and Graph's are written back as received.

#[cfg(feature = "time")]
use crate::GraphError;

use std::ops::Neg;

use super::parse::Cursor;

/// The Graph type name used in error messages.
const KIND: &str = "Duration";

/// A valid value, quoted in error messages to show the expected form.
const EXAMPLE: &str = "PT1H30M";

/// `Edm.Duration`: a length of time, positive or negative, written as
/// OData defines it (XML Schema's `dayTimeDuration`, a subset of ISO 8601):
/// `[-]P[nD][T[nH][nM][n[.fff]S]]`, such as `PT1H30M`, `P1D`, `-PT0.5S`.
///
/// * Only days, hours, minutes and seconds: years and months (`P1Y`,
///   `P1M`) and weeks (`P1W`) are not `Edm.Duration` values, since their
///   length varies. Designators are upper case; `T` comes before the first
///   of hours, minutes or seconds; at least one component is required.
/// * Components need not be normalised (`PT36H`, `PT90M` are fine); only
///   seconds may have a fraction. Fractional digits past the 9th must be
///   `0`: the value is kept to the nanosecond.
/// * The total must fit [`std::time::Duration`]: at most
///   `u64::MAX` seconds (some 584 billion years).
/// * The text received is kept: [`Display`](std::fmt::Display), [`as_str`] and
///   serialization give it back byte for byte.
///
/// # Reading the length
///
/// [`magnitude`] gives the length as a [`std::time::Duration`], which is
/// what Rust's APIs (timeouts, `Instant` arithmetic) take, and
/// [`is_negative`] its sign, which `std::time::Duration` cannot hold.
/// [`total_nanoseconds`] gives both at once as an `i128` (like
/// [`DateTimeOffset::unix_timestamp_nanos`](crate::DateTimeOffset::unix_timestamp_nanos)),
/// for arithmetic and comparison; an `i128` holds every value exactly.
///
/// # Equality is textual
///
/// `==` and [`Hash`] compare the text, so `PT90M` and `PT1H30M` are
/// different values although they are equally long; compare
/// [`total_nanoseconds`] for that.
///
/// With the `time` feature, a value converts into
/// [`time::Duration`](https://docs.rs/time/0.3/time/type.Duration.html)
/// (`TryFrom`: it holds at most `i64::MAX` seconds) and back (`From`).
///
/// ```
/// use graph_core::Duration;
///
/// let meeting: Duration = "PT1H30M".parse()?;
/// assert_eq!(meeting.magnitude(), std::time::Duration::from_secs(5_400));
/// assert!(!meeting.is_negative());
/// assert_eq!(meeting.to_string(), "PT1H30M");
///
/// let early: Duration = "-PT0.5S".parse()?;
/// assert!(early.is_negative());
/// assert_eq!(early.total_nanoseconds(), -500_000_000);
///
/// // Equality is textual; compare lengths through total_nanoseconds.
/// let same: Duration = "PT90M".parse()?;
/// assert_ne!(meeting, same);
/// assert_eq!(meeting.total_nanoseconds(), same.total_nanoseconds());
///
/// // From a std::time::Duration, written with days, hours, minutes, seconds.
/// let built = Duration::from(std::time::Duration::from_millis(93_784_500));
/// assert_eq!(built.as_str(), "P1DT2H3M4.5S");
/// assert_eq!((-built).as_str(), "-P1DT2H3M4.5S");
///
/// let json = graph_core::to_json(&meeting)?;
/// assert_eq!(json, br#""PT1H30M""#);
/// assert_eq!(graph_core::from_json::<Duration>(&json)?, meeting);
///
/// let err = "P1Y".parse::<Duration>().unwrap_err();
/// assert!(err.to_string().contains("years are not allowed"));
/// # Ok::<(), graph_core::GraphError>(())
/// ```
///
/// [`as_str`]: Duration::as_str
/// [`magnitude`]: Duration::magnitude
/// [`is_negative`]: Duration::is_negative
/// [`total_nanoseconds`]: Duration::total_nanoseconds
#[derive(Clone)]
pub struct Duration {
    /// The text as received; the fields below are parsed from it.
    text: Box<str>,
    /// Whether the text starts with `-` (`-PT0S` included).
    minus: bool,
    /// The length, in whole seconds and the nanoseconds beyond them.
    seconds: u64,
    nanosecond: u32,
}

impl Duration {
    /// The text, exactly as parsed.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the duration is shorter than zero. `-PT0S` is not: a minus
    /// sign on a zero length is kept in the text but has no effect.
    pub fn is_negative(&self) -> bool {
        self.minus && (self.seconds != 0 || self.nanosecond != 0)
    }

    /// The length without its sign: `-PT1H` and `PT1H` both give one hour.
    pub fn magnitude(&self) -> std::time::Duration {
        std::time::Duration::new(self.seconds, self.nanosecond)
    }

    /// The signed length in nanoseconds: `-PT0.5S` is `-500_000_000`. Two
    /// values are equally long exactly when these are equal.
    pub fn total_nanoseconds(&self) -> i128 {
        let magnitude = i128::from(self.seconds) * 1_000_000_000 + i128::from(self.nanosecond);
        if self.minus {
            -magnitude
        } else {
            magnitude
        }
    }

    /// The duration written in normal form: `P` and days, then `T` and
    /// hours, minutes and seconds, each only when not zero; `PT0S` for zero.
    fn format(minus: bool, length: std::time::Duration) -> Duration {
        use std::fmt::Write;

        let (seconds, nanosecond) = (length.as_secs(), length.subsec_nanos());
        let days = seconds / 86_400;
        let hours = seconds % 86_400 / 3_600;
        let minutes = seconds % 3_600 / 60;
        let secs = seconds % 60;
        let mut text = String::with_capacity(32);
        if minus {
            text.push('-');
        }
        text.push('P');
        // Writing to a String cannot fail.
        if days != 0 {
            let _ = write!(text, "{days}D");
        }
        if hours != 0 || minutes != 0 || secs != 0 || nanosecond != 0 || days == 0 {
            text.push('T');
            if hours != 0 {
                let _ = write!(text, "{hours}H");
            }
            if minutes != 0 {
                let _ = write!(text, "{minutes}M");
            }
            if secs != 0 || nanosecond != 0 || seconds == 0 {
                let _ = write!(text, "{secs}");
                if nanosecond != 0 {
                    let digits = format!("{nanosecond:09}");
                    text.push('.');
                    text.push_str(digits.trim_end_matches('0'));
                }
                text.push('S');
            }
        }
        Duration {
            text: text.into(),
            minus,
            seconds,
            nanosecond,
        }
    }
}

impl From<std::time::Duration> for Duration {
    /// The same (non-negative) length, in normal form: `P1DT2H3M4.5S`,
    /// `PT1H30M`, `PT0S`. Negate the result for a negative duration.
    fn from(length: std::time::Duration) -> Self {
        Duration::format(false, length)
    }
}

impl Neg for Duration {
    type Output = Duration;

    /// The same length with the other sign: adds or removes the leading `-`
    /// of the text (`PT1H` and `-PT1H`), keeping the rest as it is.
    fn neg(self) -> Duration {
        let text = match self.text.strip_prefix('-') {
            Some(rest) => rest.into(),
            None => format!("-{}", self.text).into(),
        };
        Duration {
            text,
            minus: !self.minus,
            ..self
        }
    }
}

/// Reads a run of ASCII digits (perhaps none) as a `u64`; the error says
/// where the number starts when it does not fit.
fn whole_number(p: &mut Cursor<'_>) -> Result<u64, String> {
    let start = p.pos;
    let mut value: u64 = 0;
    while let Some(b) = p.peek().filter(u8::is_ascii_digit) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(b - b'0')))
            .ok_or_else(|| {
                format!(
                    "the number at byte {start} is too large (at most {})",
                    u64::MAX
                )
            })?;
        p.pos += 1;
    }
    Ok(value)
}

/// Parses `text`; the error is the reason it is invalid.
fn parse(text: &str) -> Result<Duration, String> {
    if text.is_empty() {
        return Err("the text is empty".to_owned());
    }
    let mut p = Cursor::new(text);
    let minus = match p.peek() {
        Some(b'-') => {
            p.pos += 1;
            true
        }
        Some(b'+') => {
            return Err("a duration has no `+` sign: write `PT1H` or `-PT1H`".to_owned());
        }
        _ => false,
    };
    match p.peek() {
        Some(b'P') => p.pos += 1,
        Some(b'p') => return Err(format!("the `P` must be upper case, found {}", p.found())),
        _ => {
            return Err(format!(
                "expected `P` to start the duration, found {}",
                p.found()
            ))
        }
    }

    // Each component is a number and a designator, in the order D, T, H, M, S.
    let mut total: u64 = 0;
    let mut nanosecond = 0;
    let mut components = 0;
    let mut in_time = false;
    // The designators that may still come, by rank: D = 0, H = 1, M = 2, S = 3.
    let mut next_rank = 0;
    let too_long = || {
        format!(
            "the duration is too long: at most {} seconds (about 584 billion years)",
            u64::MAX
        )
    };
    loop {
        match p.peek() {
            None => break,
            Some(b'T') if !in_time => {
                p.pos += 1;
                in_time = true;
                next_rank = next_rank.max(1);
                if p.peek().is_none() {
                    return Err("expected hours, minutes or seconds after `T`, \
                         found the end of the text"
                        .to_owned());
                }
                continue;
            }
            Some(b'T') => return Err(format!("a second `T` at byte {}", p.pos)),
            Some(b) if b.is_ascii_digit() => {}
            Some(_) if components == 0 && !in_time => {
                return Err(format!(
                    "expected a number of days, or `T` and a time, after `P`, found {}",
                    p.found()
                ))
            }
            Some(_) if components == 0 || p.text.as_bytes()[p.pos - 1] == b'T' => {
                return Err(format!(
                    "expected a number of hours, minutes or seconds after `T`, found {}",
                    p.found()
                ))
            }
            Some(_) => return Err(format!("unexpected {} after the last component", p.found())),
        }
        let start = p.pos;
        let number = whole_number(&mut p)?;
        let mut fraction_nanos = None;
        if p.peek() == Some(b'.') {
            p.pos += 1;
            fraction_nanos = Some(p.fraction(None)?);
        }
        let designator = p.peek();
        let (rank, unit_seconds, name) = match designator {
            Some(b'D') => (0, 86_400, "days"),
            Some(b'H') => (1, 3_600, "hours"),
            Some(b'M') if in_time => (2, 60, "minutes"),
            Some(b'S') => (3, 1, "seconds"),
            Some(b'Y' | b'y') => {
                return Err(
                    "years are not allowed in an Edm.Duration (only days, hours, \
                     minutes and seconds), since their length varies"
                        .to_owned(),
                )
            }
            Some(b'M') => {
                return Err(
                    "months are not allowed in an Edm.Duration (only days, hours, \
                     minutes and seconds), since their length varies; \
                     for minutes write `PT…M`"
                        .to_owned(),
                )
            }
            Some(b'W' | b'w') => {
                return Err(
                    "weeks are not allowed in an Edm.Duration: write days (`P7D`)".to_owned(),
                )
            }
            Some(b'd' | b'h' | b'm' | b's') => {
                return Err(format!(
                    "designators must be upper case, found {}",
                    p.found()
                ))
            }
            _ => {
                return Err(format!(
                "expected a designator (D, H, M or S) after the number at byte {start}, found {}",
                p.found()
            ))
            }
        };
        if rank == 0 && in_time {
            return Err(format!(
                "days must come before `T`, found `D` at byte {}",
                p.pos
            ));
        }
        if rank > 0 && !in_time {
            return Err(format!(
                "{name} must come after `T` (as in `PT1H`), found {}",
                p.found()
            ));
        }
        if rank < next_rank {
            return Err(format!(
                "{name} out of order or repeated at byte {}: the order is D, T, H, M, S",
                p.pos
            ));
        }
        if let Some(nanos) = fraction_nanos {
            if rank != 3 {
                return Err(format!(
                    "only seconds may have a fraction, found one on the {name} at byte {start}"
                ));
            }
            nanosecond = nanos;
        }
        p.pos += 1;
        next_rank = rank + 1;
        components += 1;
        total = number
            .checked_mul(unit_seconds)
            .and_then(|seconds| seconds.checked_add(total))
            .ok_or_else(too_long)?;
    }
    if components == 0 {
        return Err(
            "expected at least one of days, hours, minutes or seconds after `P`, \
                    found the end of the text (zero is `PT0S`)"
                .to_owned(),
        );
    }
    Ok(Duration {
        text: text.into(),
        minus,
        seconds: total,
        nanosecond,
    })
}

super::text_value!(
    Duration,
    description = "an ISO 8601 duration string",
    form = "[-]P[nD][T[nH][nM][n[.f]S]]"
);
super::keeps_text!(Duration);

#[cfg(feature = "time")]
impl TryFrom<&Duration> for time::Duration {
    type Error = GraphError;

    /// The same signed length. Fails beyond `i64::MAX` seconds (some 292
    /// billion years), which `time::Duration` cannot hold.
    fn try_from(value: &Duration) -> Result<Self, GraphError> {
        let magnitude =
            time::Duration::try_from(value.magnitude()).map_err(|_| GraphError::InvalidValue {
                kind: KIND,
                value: crate::Shortened::new(&value.text),
                reason: format!(
                    "too long for time::Duration, which holds at most {} seconds",
                    i64::MAX
                ),
            })?;
        Ok(if value.minus { -magnitude } else { magnitude })
    }
}

#[cfg(feature = "time")]
impl TryFrom<Duration> for time::Duration {
    type Error = GraphError;

    /// The same signed length; see the `TryFrom<&Duration>` impl.
    fn try_from(value: Duration) -> Result<Self, GraphError> {
        Self::try_from(&value)
    }
}

#[cfg(feature = "time")]
impl From<time::Duration> for Duration {
    /// The same signed length, in the normal form that
    /// `From<std::time::Duration>` writes, with a leading `-` when negative.
    fn from(value: time::Duration) -> Self {
        Duration::format(value.is_negative(), value.unsigned_abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edm::testing;

    const SECOND: i128 = 1_000_000_000;

    fn ok(text: &str) -> Duration {
        testing::ok(text)
    }

    fn err(text: &str) -> String {
        testing::err::<Duration>(text)
    }

    fn assert_err(text: &str, needle: &str) {
        testing::assert_err::<Duration>(text, needle)
    }

    #[test]
    fn valid_forms_round_trip_byte_for_byte() {
        for (text, nanos) in [
            ("PT1H30M", 5_400 * SECOND),
            ("P1D", 86_400 * SECOND),
            ("-PT0.5S", -SECOND / 2),
            ("PT0S", 0),
            ("-PT0S", 0),
            ("P0D", 0),
            ("PT90M", 5_400 * SECOND),
            ("PT36H", 36 * 3_600 * SECOND),
            (
                "P1DT2H3M4.5S",
                (86_400 + 7_200 + 180 + 4) * SECOND + SECOND / 2,
            ),
            ("P1DT1S", 86_401 * SECOND),
            ("P10DT10M", (864_000 + 600) * SECOND),
            ("PT0.000000001S", 1),
            ("PT1.000000000000S", SECOND),
            ("PT12H59M10S", (12 * 3_600 + 59 * 60 + 10) * SECOND),
            ("PT12.123S", 12_123_000_000),
            ("-P3D", -3 * 86_400 * SECOND),
            ("P0001D", 86_400 * SECOND),
            ("PT18446744073709551615S", i128::from(u64::MAX) * SECOND),
        ] {
            let value = ok(text);
            assert_eq!(value.as_str(), text);
            assert_eq!(value.to_string(), text);
            assert_eq!(format!("{value:?}"), format!("Duration({text:?})"));
            assert_eq!(value.total_nanoseconds(), nanos, "{text}");
            assert_eq!(value.is_negative(), nanos < 0, "{text}");
            assert_eq!(value.magnitude().as_nanos(), nanos.unsigned_abs(), "{text}");
            let json = serde_json::to_string(&value).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<Duration>(&json).unwrap(), value);
        }
    }

    #[test]
    fn from_std_duration_writes_normal_form() {
        let from = |secs, nanos| Duration::from(std::time::Duration::new(secs, nanos));
        for (secs, nanos, text) in [
            (0, 0, "PT0S"),
            (0, 1, "PT0.000000001S"),
            (0, 500_000_000, "PT0.5S"),
            (59, 0, "PT59S"),
            (60, 0, "PT1M"),
            (3_600, 0, "PT1H"),
            (5_400, 0, "PT1H30M"),
            (86_400, 0, "P1D"),
            (86_401, 0, "P1DT1S"),
            (90_000, 0, "P1DT1H"),
            (93_784, 500_000_000, "P1DT2H3M4.5S"),
            (u64::MAX, 999_999_999, "P213503982334601DT7H15.999999999S"),
        ] {
            let value = from(secs, nanos);
            assert_eq!(value.as_str(), text);
            assert_eq!(value.magnitude(), std::time::Duration::new(secs, nanos));
            // The text parses back to the same length.
            let parsed = ok(text);
            assert_eq!(parsed, value);
            assert_eq!(parsed.total_nanoseconds(), value.total_nanoseconds());
        }
    }

    #[test]
    fn negation_flips_the_sign_and_keeps_the_rest() {
        let value = ok("PT90M");
        let negated = -value.clone();
        assert_eq!(negated.as_str(), "-PT90M");
        assert!(negated.is_negative());
        assert_eq!(negated.total_nanoseconds(), -value.total_nanoseconds());
        assert_eq!(negated.magnitude(), value.magnitude());
        assert_eq!(ok(negated.as_str()), negated);
        let back = -negated;
        assert_eq!(back, value);
        assert!(!back.is_negative());
        let zero = -ok("PT0S");
        assert_eq!(zero.as_str(), "-PT0S");
        assert!(!zero.is_negative());
        assert_eq!(zero.total_nanoseconds(), 0);
    }

    #[test]
    fn equality_is_textual_and_hash_agrees() {
        use std::collections::HashSet;
        let a = ok("PT1H30M");
        let b = ok("PT90M");
        let c = ok("PT5400S");
        assert_ne!(a, b);
        assert_eq!(a.total_nanoseconds(), b.total_nanoseconds());
        assert_eq!(a.total_nanoseconds(), c.total_nanoseconds());
        let set: HashSet<_> = [a.clone(), b, c, a].into_iter().collect();
        assert_eq!(set.len(), 3);
    }

    #[test]
    fn years_months_and_weeks_are_rejected() {
        assert_err("P1Y", "years are not allowed in an Edm.Duration");
        assert_err("P1Y2M", "years are not allowed");
        assert_err(
            "P1M",
            "months are not allowed in an Edm.Duration (only days, hours, minutes and seconds), \
             since their length varies; for minutes write `PT…M`",
        );
        assert_err(
            "P1W",
            "weeks are not allowed in an Edm.Duration: write days (`P7D`)",
        );
        assert_err("-P2Y", "years are not allowed");
    }

    #[test]
    fn structure_errors() {
        assert_err("", "the text is empty");
        assert_err(
            "P",
            "expected at least one of days, hours, minutes or seconds after `P`",
        );
        assert_err("-P", "expected at least one of days");
        assert_err(
            "PT",
            "expected hours, minutes or seconds after `T`, found the end of the text",
        );
        assert_err("P1DT", "expected hours, minutes or seconds after `T`");
        assert_err(
            "1H",
            "expected `P` to start the duration, found `1` at byte 0",
        );
        assert_err(
            "T1H",
            "expected `P` to start the duration, found `T` at byte 0",
        );
        assert_err(
            "-",
            "expected `P` to start the duration, found the end of the text",
        );
        assert_err(
            "--PT1H",
            "expected `P` to start the duration, found `-` at byte 1",
        );
        assert_err("+PT1H", "a duration has no `+` sign");
        assert_err("pt1h", "the `P` must be upper case, found `p` at byte 0");
        assert_err(
            "Pt1H",
            "expected a number of days, or `T` and a time, after `P`, found `t`",
        );
        assert_err(
            "PT1h",
            "designators must be upper case, found `h` at byte 3",
        );
        assert_err("P1d", "designators must be upper case, found `d` at byte 2");
        assert_err(
            "PT1H30m",
            "designators must be upper case, found `m` at byte 6",
        );
        assert_err(
            "PT1",
            "expected a designator (D, H, M or S) after the number at byte 2, found the end",
        );
        assert_err(
            "PT1X",
            "expected a designator (D, H, M or S) after the number at byte 2, found `X`",
        );
        assert_err(
            "P1H",
            "hours must come after `T` (as in `PT1H`), found `H` at byte 2",
        );
        assert_err("P1S", "seconds must come after `T`");
        assert_err("PT1D", "days must come before `T`, found `D` at byte 3");
        assert_err(
            "PT30M1H",
            "hours out of order or repeated at byte 6: the order is D, T, H, M, S",
        );
        assert_err("PT1H1H", "hours out of order or repeated");
        assert_err("P1D2D", "days out of order or repeated");
        assert_err("PT1S1M", "minutes out of order or repeated");
        assert_err("P1DT1HT1M", "a second `T` at byte 6");
        assert_err("PTT1H", "a second `T` at byte 2");
        assert_err("PT1H ", "unexpected ` ` at byte 4 after the last component");
        assert_err("PT1HZ", "unexpected `Z` at byte 4 after the last component");
        assert_err(
            "PT H",
            "expected a number of hours, minutes or seconds after `T`, found ` `",
        );
        assert_err(
            "P-1D",
            "expected a number of days, or `T` and a time, after `P`, found `-`",
        );
        assert_err(
            "PT-1H",
            "expected a number of hours, minutes or seconds after `T`, found `-`",
        );
        assert_err(
            " PT1H",
            "expected `P` to start the duration, found ` ` at byte 0",
        );
        assert_err("PT1HE", "unexpected `E` at byte 4 after the last component");
        assert_err("PT1H\u{0}", "unexpected `\\0` at byte 4");
        assert_err(
            "PT١H",
            "expected a number of hours, minutes or seconds after `T`, found `١`",
        );
        assert_err("PT1Hé", "unexpected `é` at byte 4");
    }

    #[test]
    fn fractions() {
        assert_eq!(ok("PT0.5S").total_nanoseconds(), SECOND / 2);
        assert_eq!(ok("PT1.123456789S").total_nanoseconds(), 1_123_456_789);
        assert_eq!(
            ok("PT1.123456789000000000000S").total_nanoseconds(),
            1_123_456_789
        );
        assert_err(
            "PT1.0000000001S",
            "fractional digits past the 9th must be 0 (the value is kept to the nanosecond), \
             found `1` at byte 13",
        );
        assert_err(
            "PT1.S",
            "expected a fractional digit after `.`, found `S` at byte 4",
        );
        assert_err(
            "PT.5S",
            "expected a number of hours, minutes or seconds after `T`, found `.`",
        );
        assert_err(
            "PT1.5H",
            "only seconds may have a fraction, found one on the hours at byte 2",
        );
        assert_err(
            "PT1.5M",
            "only seconds may have a fraction, found one on the minutes",
        );
        assert_err(
            "P1.5D",
            "only seconds may have a fraction, found one on the days",
        );
        assert_err(
            "PT1,5S",
            "expected a designator (D, H, M or S) after the number at byte 2, found `,`",
        );
        assert_err(
            "PT1.5",
            "expected a designator (D, H, M or S) after the number at byte 2, found the end",
        );
    }

    #[test]
    fn limits() {
        let max = ok("PT18446744073709551615.999999999S");
        assert_eq!(max.magnitude(), std::time::Duration::MAX);
        assert_eq!(
            max.total_nanoseconds(),
            i128::from(u64::MAX) * SECOND + 999_999_999
        );
        assert_eq!(
            (-max).total_nanoseconds(),
            -(i128::from(u64::MAX) * SECOND + 999_999_999)
        );
        assert_eq!(
            ok("P213503982334601DT7H15S").magnitude().as_secs(),
            u64::MAX
        );
        assert_err(
            "PT18446744073709551616S",
            "the number at byte 2 is too large (at most 18446744073709551615)",
        );
        assert_err(
            "P99999999999999999999999999D",
            "the number at byte 1 is too large",
        );
        assert_err(
            "P213503982334602D",
            "the duration is too long: at most 18446744073709551615 seconds",
        );
        assert_err("P213503982334601DT7H16S", "the duration is too long");
        assert_err(
            "PT18446744073709551615S1S",
            "seconds out of order or repeated at byte 24",
        );
        assert_err("PT18446744073709551615M", "the duration is too long");
    }

    #[test]
    fn error_value_is_the_text_shortened() {
        let long = format!("PT1H{}", "x".repeat(10_000));
        let (_, reason) = testing::shortened::<Duration>(&long);
        assert_eq!(reason, "unexpected `x` at byte 4 after the last component");
        assert_eq!(
            err("P1Y"),
            "invalid Duration `P1Y`: years are not allowed in an Edm.Duration (only days, \
             hours, minutes and seconds), since their length varies"
        );
    }

    #[test]
    fn serde_error_names_problem_and_expected_form() {
        let error = serde_json::from_str::<Duration>(r#""PT1h""#)
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with(
                "invalid Duration \"PT1h\": designators must be upper case, found `h` at byte 3; \
                 expected [-]P[nD][T[nH][nM][n[.f]S]] such as PT1H30M"
            ),
            "{error}"
        );
        let error = serde_json::from_str::<Duration>("3600")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("expected an ISO 8601 duration string such as PT1H30M"),
            "{error}"
        );
        let error = crate::from_json::<Vec<Duration>>(br#"["PT1H", "P1M"]"#)
            .unwrap_err()
            .to_string();
        assert!(error.contains("[1]"), "{error}");
        assert!(error.contains("months are not allowed"), "{error}");
    }

    /// Sums of components, written every way the grammar allows, give the
    /// sum of their lengths.
    #[test]
    fn component_combinations() {
        let units = [("D", 86_400_i128), ("H", 3_600), ("M", 60), ("S", 1)];
        for mask in 1..16u32 {
            for n in [0_i128, 1, 7, 59, 61, 1_000] {
                let mut text = String::from("P");
                let mut expected = 0;
                let mut in_time = false;
                for (i, (designator, seconds)) in units.iter().enumerate() {
                    if mask & (1 << i) == 0 {
                        continue;
                    }
                    if i > 0 && !in_time {
                        text.push('T');
                        in_time = true;
                    }
                    text.push_str(&format!("{n}{designator}"));
                    expected += n * seconds;
                }
                assert_eq!(ok(&text).total_nanoseconds(), expected * SECOND, "{text}");
                let negative = format!("-{text}");
                assert_eq!(
                    ok(&negative).total_nanoseconds(),
                    -expected * SECOND,
                    "{negative}"
                );
            }
        }
    }

    fn check_no_panic(text: &str) {
        if let Ok(value) = text.parse::<Duration>() {
            assert_eq!(value.as_str(), text);
            assert_eq!(
                value.total_nanoseconds().unsigned_abs(),
                value.magnitude().as_nanos()
            );
        }
        let _ = serde_json::from_value::<Duration>(serde_json::Value::String(text.into()));
    }

    #[test]
    fn generated_inputs_never_panic() {
        let mut checked = 0;
        let mut accepted = 0;
        for sample in [
            "P1DT2H3M4.5S",
            "-PT0.5S",
            "PT18446744073709551615.999999999S",
        ] {
            for text in crate::edm::mutations::of(sample) {
                check_no_panic(&text);
                checked += 1;
                accepted += usize::from(text.parse::<Duration>().is_ok());
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
        fn to_and_from_time_duration() {
            for text in [
                "PT1H30M",
                "-PT0.5S",
                "P1DT2H3M4.5S",
                "PT0S",
                "-PT0S",
                "-P3D",
            ] {
                let value = ok(text);
                let converted = time::Duration::try_from(&value).unwrap();
                assert_eq!(converted.whole_nanoseconds(), value.total_nanoseconds());
                let back = Duration::from(converted);
                assert_eq!(
                    back.total_nanoseconds(),
                    value.total_nanoseconds(),
                    "{text}"
                );
            }
            assert_eq!(
                Duration::from(time::Duration::minutes(-90)).as_str(),
                "-PT1H30M"
            );
            assert_eq!(Duration::from(time::Duration::ZERO).as_str(), "PT0S");
            assert_eq!(
                Duration::from(time::Duration::MIN).total_nanoseconds(),
                time::Duration::MIN.whole_nanoseconds()
            );
        }

        #[test]
        fn too_long_for_time_duration_is_an_error() {
            let value = ok("PT9223372036854775808S");
            let error = time::Duration::try_from(value).unwrap_err().to_string();
            assert!(error.contains("too long for time::Duration"), "{error}");
            assert!(time::Duration::try_from(ok("PT9223372036854775807S")).is_ok());
        }
    }
}
