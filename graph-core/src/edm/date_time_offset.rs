//! `Edm.DateTimeOffset`: an RFC 3339 date-time with a UTC offset.
//!
//! The parser is hand-written (no date crate in the default build): the
//! format is small and fixed, and keeping the received text lets a value
//! round-trip byte for byte, which a date library would not do (it would
//! normalise `+03:00`, `t` or trailing fractional zeros).

#[cfg(feature = "time")]
use crate::GraphError;

use std::num::NonZeroU8;

use super::calendar::{self, days_from_civil};
use super::parse::Cursor;

/// The Graph type name used in error messages.
const KIND: &str = "DateTimeOffset";

/// A valid value, quoted in error messages to show the expected form.
const EXAMPLE: &str = "2016-12-31T23:57:57.7265241+03:00";

/// `Edm.DateTimeOffset`: a date and time of day with a UTC offset, as
/// [RFC 3339](https://www.rfc-editor.org/rfc/rfc3339#section-5.6) writes it:
/// `YYYY-MM-DDTHH:MM:SS[.fffffffff](Z|+hh:mm|-hh:mm)`.
///
/// * Up to 9 fractional digits (nanoseconds); `T` and `Z` may be lowercase.
/// * The UTC offset is required, and every field is checked: the day must
///   exist in its month (`2016-02-29` is valid, `2015-02-29` is not), hours
///   are `00`-`23`, minutes and seconds `00`-`59` (no leap seconds).
/// * The text received is kept: [`Display`](std::fmt::Display), [`as_str`] and
///   serialization give it back byte for byte (`.7265241+03:00` stays as is).
///
/// # Equality is textual
///
/// `==` and [`Hash`] compare the text, so `2016-12-31T20:57:57Z` and
/// `2016-12-31T23:57:57+03:00` are *different* values although they name the
/// same instant. To compare instants, compare [`unix_timestamp_nanos`].
///
/// With the `time` feature, a value converts into
/// [`time::OffsetDateTime`](https://docs.rs/time/0.3/time/struct.OffsetDateTime.html)
/// (`From`) and back (`TryFrom`).
///
/// ```
/// use graph_core::DateTimeOffset;
///
/// let at: DateTimeOffset = "2016-12-31T23:57:57.7265241+03:00".parse()?;
/// assert_eq!(at.to_string(), "2016-12-31T23:57:57.7265241+03:00");
/// assert_eq!((at.year(), at.month(), at.day()), (2016, 12, 31));
/// assert_eq!((at.hour(), at.minute(), at.second()), (23, 57, 57));
/// assert_eq!(at.nanosecond(), 726_524_100);
/// assert_eq!(at.offset_minutes(), 180);
///
/// // Equality is textual; the same instant in UTC is a different value.
/// let utc: DateTimeOffset = "2016-12-31T20:57:57.7265241Z".parse()?;
/// assert_ne!(at, utc);
/// assert_eq!(at.unix_timestamp_nanos(), utc.unix_timestamp_nanos());
///
/// // JSON carries the text unchanged.
/// let json = graph_core::to_json(&at)?;
/// assert_eq!(json, br#""2016-12-31T23:57:57.7265241+03:00""#);
/// assert_eq!(graph_core::from_json::<DateTimeOffset>(&json)?, at);
///
/// // Invalid dates are errors that say what is wrong.
/// let err = "2016-02-30T00:00:00Z".parse::<DateTimeOffset>().unwrap_err();
/// assert!(err.to_string().contains("day 30 is out of range for February 2016"));
/// # Ok::<(), graph_core::GraphError>(())
/// ```
///
/// [`as_str`]: DateTimeOffset::as_str
/// [`unix_timestamp_nanos`]: DateTimeOffset::unix_timestamp_nanos
#[derive(Clone)]
pub struct DateTimeOffset {
    /// The text as received, checked by `parse`: the accessors read the
    /// fields from it.
    text: InlineText,
}

impl DateTimeOffset {
    /// The text, exactly as parsed.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The year, `0`-`9999`, in the value's own offset (not UTC).
    pub fn year(&self) -> u16 {
        // At most 9999.
        (self.digits(0, 2) * 100 + self.digits(2, 2)) as u16
    }

    /// The month, `1`-`12`, in the value's own offset.
    pub fn month(&self) -> u8 {
        self.digits(5, 2) as u8
    }

    /// The day of the month, `1`-`31`, in the value's own offset.
    pub fn day(&self) -> u8 {
        self.digits(8, 2) as u8
    }

    /// The hour, `0`-`23`, in the value's own offset.
    pub fn hour(&self) -> u8 {
        self.digits(11, 2) as u8
    }

    /// The minute, `0`-`59`.
    pub fn minute(&self) -> u8 {
        self.digits(14, 2) as u8
    }

    /// The second, `0`-`59`.
    pub fn second(&self) -> u8 {
        self.digits(17, 2) as u8
    }

    /// The fractional second in nanoseconds, `0`-`999_999_999`
    /// (`.7265241` is `726_524_100`).
    pub fn nanosecond(&self) -> u32 {
        // The fraction, if any, runs from byte 20 to the offset: `Z` or
        // `+hh:mm`, at most 9 digits.
        let end = self.text.len() - self.offset_len();
        let count = end.saturating_sub(FRACTION);
        self.digits(FRACTION, count) * 10_u32.pow(9_u32.saturating_sub(count as u32))
    }

    /// The UTC offset in minutes, east positive: `+03:00` is `180`,
    /// `-05:30` is `-330`, `Z` (and `-00:00`) is `0`.
    pub fn offset_minutes(&self) -> i16 {
        if self.offset_len() == 1 {
            return 0;
        }
        let sign = self.text.len() - 6;
        // At most 23 * 60 + 59.
        let magnitude = (self.digits(sign + 1, 2) * 60 + self.digits(sign + 4, 2)) as i16;
        if self.text.as_bytes()[sign] == b'-' {
            -magnitude
        } else {
            magnitude
        }
    }

    /// The instant, as nanoseconds since 1970-01-01T00:00:00Z (negative
    /// before). Two values name the same instant exactly when these are
    /// equal, whatever their offsets; use this, not `==`, to compare instants.
    ///
    /// ```
    /// use graph_core::DateTimeOffset;
    ///
    /// let a: DateTimeOffset = "1970-01-01T01:00:00+01:00".parse()?;
    /// assert_eq!(a.unix_timestamp_nanos(), 0);
    /// # Ok::<(), graph_core::GraphError>(())
    /// ```
    pub fn unix_timestamp_nanos(&self) -> i128 {
        let days = days_from_civil(
            i64::from(self.year()),
            i64::from(self.month()),
            i64::from(self.day()),
        );
        let seconds = days * 86_400
            + i64::from(self.hour()) * 3_600
            + i64::from(self.minute()) * 60
            + i64::from(self.second())
            - i64::from(self.offset_minutes()) * 60;
        i128::from(seconds) * 1_000_000_000 + i128::from(self.nanosecond())
    }

    /// The number written by the `count` digits at `start` of the (checked)
    /// text.
    fn digits(&self, start: usize, count: usize) -> u32 {
        let bytes = self.text.as_bytes();
        bytes[start..start + count]
            .iter()
            .fold(0, |value, digit| value * 10 + u32::from(digit - b'0'))
    }

    /// The length of the UTC offset that ends the (checked) text: 1 for
    /// `Z`, 6 for `+hh:mm`.
    fn offset_len(&self) -> usize {
        match self.text.as_bytes().last() {
            Some(b'Z' | b'z') => 1,
            _ => 6,
        }
    }
}

/// Where the fractional digits start, after `YYYY-MM-DDTHH:MM:SS.`.
const FRACTION: usize = 20;

/// The longest valid text: `YYYY-MM-DDTHH:MM:SS.fffffffff+hh:mm`.
const MAX_LEN: usize = 35;

/// The text of a `DateTimeOffset`, kept in the value itself: a valid text
/// is short and ASCII, so reading one allocates nothing (a page of Graph
/// entities holds thousands). The bytes past `len` are always zero, so the
/// derived `==` and `Hash` compare and hash the text.
///
/// `repr(C, align(8))`: the bytes come first and start on a word boundary in
/// whatever holds the value (`Option`, `Result`, an entity), so every move
/// copies them in the same aligned words. Left to the default layout (align
/// 1, `len` first), each `Result` or `Option` around the value shifted them
/// by a byte, and each move then read words spanning two of the previous
/// move's stores, which waits for both to be written (a store-forwarding
/// stall): that made a page of entities read 4 to 6% slower. The price is
/// 3 bytes of padding.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(C, align(8))]
struct InlineText {
    /// The text, then zeros.
    bytes: [u8; 36],
    /// Never zero, so that `Option<DateTimeOffset>` needs no more room.
    len: NonZeroU8,
}

const _: () = assert!(MAX_LEN < 36);

impl InlineText {
    /// `text`, if it is 1 to [`MAX_LEN`] bytes (every valid one is).
    fn new(text: &str) -> Option<InlineText> {
        let source = text.as_bytes();
        let len = source.len();
        let mut bytes = [0; 36];
        if (20..=MAX_LEN).contains(&len) {
            // Every valid text (20 to 35 bytes): built in registers and
            // stored in whole words, not copied byte range by byte range,
            // for the same reason as the alignment (see the type).
            let word = |start: usize| {
                let chunk: [u8; 16] = source[start..start + 16].try_into().unwrap_or_default();
                u128::from_le_bytes(chunk)
            };
            let head = word(0);
            let bytes_16_to_20 = u128::from(u32::from_le_bytes(
                source[16..20].try_into().unwrap_or_default(),
            ));
            // Bytes 20 to `len`, then zeros: the 16 bytes that end at `len`,
            // shifted down past the `36 - len` of them that come before 20.
            let from_20 = word(len - 16)
                .checked_shr(8 * (36 - len) as u32)
                .unwrap_or(0);
            let middle = bytes_16_to_20 | from_20 << 32;
            let end = (from_20 >> 96) as u32;
            bytes[..16].copy_from_slice(&head.to_le_bytes());
            bytes[16..32].copy_from_slice(&middle.to_le_bytes());
            bytes[32..].copy_from_slice(&end.to_le_bytes());
        } else {
            bytes
                .get_mut(..len)
                .filter(|_| len <= MAX_LEN)?
                .copy_from_slice(source);
        }
        Some(InlineText {
            bytes,
            // At most MAX_LEN, checked just above.
            len: NonZeroU8::new(len as u8)?,
        })
    }
}

impl std::ops::Deref for InlineText {
    type Target = str;

    fn deref(&self) -> &str {
        // The bytes were copied from a `&str` and end where it ended, so
        // they are UTF-8 (ASCII, for a valid text): the fallback is never
        // used. Checking costs little next to writing the text anywhere.
        std::str::from_utf8(&self.bytes[..usize::from(self.len.get())]).unwrap_or_default()
    }
}

super::text_value!(
    DateTimeOffset,
    description = "an RFC 3339 date-time string",
    form = "RFC 3339"
);
super::keeps_text!(DateTimeOffset);

#[cfg(feature = "time")]
impl From<&DateTimeOffset> for time::OffsetDateTime {
    /// The same instant, in the same offset. Infallible: every valid
    /// `DateTimeOffset` is in `time`'s range. The text is not kept: converting
    /// back gives `time`'s RFC 3339 spelling (`.5` for `.500`, `Z` for `-00:00`).
    fn from(value: &DateTimeOffset) -> Self {
        fn convert(
            value: &DateTimeOffset,
        ) -> Result<time::OffsetDateTime, time::error::ComponentRange> {
            let month = time::Month::try_from(value.month())?;
            let date = time::Date::from_calendar_date(i32::from(value.year()), month, value.day())?;
            let clock = time::Time::from_hms_nano(
                value.hour(),
                value.minute(),
                value.second(),
                value.nanosecond(),
            )?;
            let offset =
                time::UtcOffset::from_whole_seconds(i32::from(value.offset_minutes()) * 60)?;
            Ok(date.with_time(clock).assume_offset(offset))
        }
        convert(value).expect("a parsed DateTimeOffset has in-range components")
    }
}

#[cfg(feature = "time")]
impl From<DateTimeOffset> for time::OffsetDateTime {
    /// The same instant, in the same offset; see the `From<&DateTimeOffset>` impl.
    fn from(value: DateTimeOffset) -> Self {
        Self::from(&value)
    }
}

#[cfg(feature = "time")]
impl TryFrom<time::OffsetDateTime> for DateTimeOffset {
    type Error = GraphError;

    /// Formats `value` as RFC 3339 (`T`, `Z` for UTC, fractional digits only
    /// as many as needed). Fails when RFC 3339 cannot express it: a year
    /// outside `0`-`9999`, an offset of 24 hours or more, or an offset with
    /// seconds.
    fn try_from(value: time::OffsetDateTime) -> Result<Self, GraphError> {
        use time::format_description::well_known::Rfc3339;

        let text = value
            .format(&Rfc3339)
            .map_err(|error| GraphError::InvalidValue {
                kind: KIND,
                value: crate::Shortened::new(&value.to_string()),
                reason: format!("cannot be written as RFC 3339: {error}"),
            })?;
        text.parse()
    }
}

/// Parses `text`; the error is the reason it is invalid.
fn parse(text: &str) -> Result<DateTimeOffset, String> {
    // Graph sends thousands of these per page, nearly all valid: check them
    // in one pass over the bytes, as cheaply as copying the text, and only
    // when that fails go through the text step by step for the reason.
    if !is_valid(text) {
        parse_step_by_step(text)?;
    }
    let text = InlineText::new(text).ok_or_else(|| format!("longer than {MAX_LEN} bytes"))?;
    Ok(DateTimeOffset { text })
}

/// Whether `text` is valid, checked in one pass and building no error. The
/// tests hold it to [`parse_step_by_step`], which says why a text is not.
fn is_valid(text: &str) -> bool {
    let bytes = text.as_bytes();
    // `YYYY-MM-DDTHH:MM:SS` is 19 bytes; the fraction and offset follow.
    let Some(head) = bytes.get(..19) else {
        return false;
    };
    let digit_at = |at: usize| {
        let value = head[at].wrapping_sub(b'0');
        (value < 10).then_some(u32::from(value))
    };
    let two = |at: usize| Some(digit_at(at)? * 10 + digit_at(at + 1)?);
    let (Some(century), Some(year_of_century), Some(month), Some(day)) =
        (two(0), two(2), two(5), two(8))
    else {
        return false;
    };
    let (Some(hour), Some(minute), Some(second)) = (two(11), two(14), two(17)) else {
        return false;
    };
    // `| 0x20` lower-cases ASCII letters, and makes nothing else a `t`.
    let separators = [head[4], head[7], head[10] | 0x20, head[13], head[16]];
    if separators != *b"--t::"
        || !(1..=12).contains(&month)
        || day == 0
        || day > calendar::days_in_month(century * 100 + year_of_century, month)
        || hour > 23
        || minute > 59
        || second > 59
    {
        return false;
    }

    let mut rest = &bytes[19..];
    if let [b'.', fraction @ ..] = rest {
        let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if !(1..=9).contains(&digits) {
            return false;
        }
        rest = &fraction[digits..];
    }
    match *rest {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            let pair = |tens: u8, ones: u8| {
                let (tens, ones) = (tens.wrapping_sub(b'0'), ones.wrapping_sub(b'0'));
                (tens < 10 && ones < 10).then(|| tens * 10 + ones)
            };
            matches!((pair(h1, h2), pair(m1, m2)), (Some(0..=23), Some(0..=59)))
        }
        _ => false,
    }
}

/// Parses `text` field by field, so that the error says what is wrong
/// where; the fields are `[year, month, day, hour, minute, second]`, the
/// nanosecond and the offset in minutes. Kept out of line: `parse` calls
/// it for invalid text only.
#[cold]
#[inline(never)]
fn parse_step_by_step(text: &str) -> Result<([u32; 6], u32, i16), String> {
    if text.is_empty() {
        return Err("the text is empty".to_owned());
    }
    let mut p = Cursor::new(text);

    let year = p.number(4, "year")?;
    p.separator(b"-", "`-` after the year", ("year", 4))?;
    let month = p.field(2, "month", 1..=12)?;
    p.separator(b"-", "`-` after the month", ("month", 2))?;
    let day = p.number(2, "day")?;
    calendar::check_day(year, month, day)?;
    p.separator(b"Tt", "`T` between the date and the time", ("day", 2))?;
    let hour = p.hour()?;
    p.separator(b":", "`:` after the hour", ("hour", 2))?;
    let minute = p.minute()?;
    p.separator(b":", "`:` after the minute", ("minute", 2))?;
    let second = p.second()?;

    let mut nanosecond = 0;
    let has_fraction = p.peek() == Some(b'.');
    if has_fraction {
        p.pos += 1;
        nanosecond = p.fraction(Some(9))?;
    }

    let offset_minutes = match p.peek() {
        None => return Err("missing UTC offset: add `Z` or `+hh:mm`".to_owned()),
        Some(b'Z' | b'z') => {
            p.pos += 1;
            0
        }
        Some(sign @ (b'+' | b'-')) => {
            p.pos += 1;
            let hours = p.number(2, "offset hours")?;
            if hours > 23 {
                return Err(format!("offset hours {hours} are out of range 0-23"));
            }
            p.separator(
                b":",
                "`:` between the offset hours and minutes",
                ("offset hours", 2),
            )?;
            let minutes = p.number(2, "offset minutes")?;
            if minutes > 59 {
                return Err(format!("offset minutes {minutes} are out of range 0-59"));
            }
            // At most 23 * 60 + 59 = 1439, which fits an i16.
            let magnitude = (hours * 60 + minutes) as i16;
            if sign == b'-' {
                -magnitude
            } else {
                magnitude
            }
        }
        Some(b) if b.is_ascii_digit() && !has_fraction => {
            return Err(format!(
                "the second must have exactly 2 digits, found {}",
                p.found()
            ))
        }
        Some(_) => {
            return Err(format!(
                "expected a UTC offset `Z`, `+hh:mm` or `-hh:mm`, found {}",
                p.found()
            ))
        }
    };

    if !p.at_end() {
        return Err(format!("unexpected {} after the UTC offset", p.found()));
    }

    Ok((
        [year, month, day, hour, minute, second],
        nanosecond,
        offset_minutes,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edm::calendar::days_in_month;
    use crate::edm::testing;

    const SAMPLE: &str = "2016-12-31T23:57:57.7265241+03:00";

    fn ok(text: &str) -> DateTimeOffset {
        testing::ok(text)
    }

    fn err(text: &str) -> String {
        testing::err::<DateTimeOffset>(text)
    }

    fn assert_err(text: &str, needle: &str) {
        testing::assert_err::<DateTimeOffset>(text, needle)
    }

    #[test]
    fn sample_round_trips_through_from_str_and_display() {
        let value = ok(SAMPLE);
        assert_eq!(value.to_string(), SAMPLE);
        assert_eq!(value.as_str(), SAMPLE);
        assert_eq!(format!("{value:?}"), format!("DateTimeOffset({SAMPLE:?})"));
        assert_eq!(value.year(), 2016);
        assert_eq!(value.month(), 12);
        assert_eq!(value.day(), 31);
        assert_eq!(value.hour(), 23);
        assert_eq!(value.minute(), 57);
        assert_eq!(value.second(), 57);
        assert_eq!(value.nanosecond(), 726_524_100);
        assert_eq!(value.offset_minutes(), 180);
    }

    #[test]
    fn sample_round_trips_through_serde_json() {
        let json = format!("\"{SAMPLE}\"");
        let value: DateTimeOffset = serde_json::from_str(&json).unwrap();
        assert_eq!(value.as_str(), SAMPLE);
        assert_eq!(serde_json::to_string(&value).unwrap(), json);

        // Inside a document, through the crate's own helpers.
        let doc: Vec<DateTimeOffset> =
            crate::from_json(format!("[{json}, \"1970-01-01t00:00:00z\"]").as_bytes()).unwrap();
        assert_eq!(
            crate::to_json(&doc).unwrap(),
            format!("[{json},\"1970-01-01t00:00:00z\"]").into_bytes()
        );
    }

    #[test]
    fn serde_error_names_problem_and_expected_form() {
        let error = serde_json::from_str::<DateTimeOffset>(r#""2016-02-30T00:00:00Z""#)
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with(
                "invalid DateTimeOffset \"2016-02-30T00:00:00Z\": \
                 day 30 is out of range for February 2016; \
                 expected RFC 3339 such as 2016-12-31T23:57:57.7265241+03:00"
            ),
            "{error}"
        );

        let error = serde_json::from_str::<DateTimeOffset>("42")
            .unwrap_err()
            .to_string();
        assert!(error.contains("RFC 3339 date-time string"), "{error}");

        let error = crate::from_json::<Vec<DateTimeOffset>>(br#"["2016-01-01T00:00:00"]"#)
            .unwrap_err()
            .to_string();
        assert!(error.contains("[0]"), "{error}");
        assert!(error.contains("missing UTC offset"), "{error}");
    }

    #[test]
    fn utc_and_lowercase_forms() {
        for text in [
            "2016-12-31T23:57:57Z",
            "2016-12-31t23:57:57Z",
            "2016-12-31T23:57:57z",
            "2016-12-31t23:57:57z",
        ] {
            let value = ok(text);
            assert_eq!(value.to_string(), text);
            assert_eq!(value.offset_minutes(), 0);
            assert_eq!(value.nanosecond(), 0);
            assert_eq!(
                value.unix_timestamp_nanos(),
                ok("2016-12-31T23:57:57Z").unix_timestamp_nanos()
            );
        }
    }

    #[test]
    fn fractional_digits() {
        assert_eq!(ok("2016-12-31T23:57:57.5Z").nanosecond(), 500_000_000);
        assert_eq!(ok("2016-12-31T23:57:57.000000001Z").nanosecond(), 1);
        assert_eq!(
            ok("2016-12-31T23:57:57.123456789Z").nanosecond(),
            123_456_789
        );
        assert_eq!(ok("2016-12-31T23:57:57.0Z").nanosecond(), 0);
        assert_eq!(
            ok("2016-12-31T23:57:57.10Z").as_str(),
            "2016-12-31T23:57:57.10Z"
        );
        assert_err(
            "2016-12-31T23:57:57.1234567890Z",
            "at most 9 fractional digits are allowed, found 10",
        );
        assert_err(
            "2016-12-31T23:57:57.12345678901234567890123Z",
            "at most 9 fractional digits are allowed",
        );
        assert_err(
            "2016-12-31T23:57:57.Z",
            "expected a fractional digit after `.`",
        );
        assert_err(
            "2016-12-31T23:57:57.",
            "expected a fractional digit after `.`",
        );
    }

    #[test]
    fn offsets() {
        assert_eq!(ok("2016-12-31T23:57:57-05:30").offset_minutes(), -330);
        assert_eq!(ok("2016-12-31T23:57:57+23:59").offset_minutes(), 1439);
        assert_eq!(ok("2016-12-31T23:57:57-23:59").offset_minutes(), -1439);
        assert_eq!(ok("2016-12-31T23:57:57-00:30").offset_minutes(), -30);
        assert_eq!(ok("2016-12-31T23:57:57-00:00").offset_minutes(), 0);
        assert_eq!(ok("2016-12-31T23:57:57+00:00").offset_minutes(), 0);
        // A negative offset: local time is behind UTC.
        assert_eq!(
            ok("1969-12-31T19:00:00-05:00").unix_timestamp_nanos(),
            0,
            "1969-12-31T19:00:00-05:00 is the epoch"
        );
        assert_eq!(
            ok("2016-12-31T18:27:57-05:30").unix_timestamp_nanos(),
            ok("2016-12-31T23:57:57Z").unix_timestamp_nanos()
        );
        assert_eq!(
            ok("2016-12-31T23:57:57-05:30").to_string(),
            "2016-12-31T23:57:57-05:30"
        );
    }

    #[test]
    fn missing_or_malformed_offset() {
        assert_err(
            "2016-12-31T23:57:57",
            "missing UTC offset: add `Z` or `+hh:mm`",
        );
        assert_err("2016-12-31T23:57:57.7265241", "missing UTC offset");
        assert_err(
            "2016-12-31T23:57:57+24:00",
            "offset hours 24 are out of range 0-23",
        );
        assert_err(
            "2016-12-31T23:57:57-99:00",
            "offset hours 99 are out of range 0-23",
        );
        assert_err(
            "2016-12-31T23:57:57+03:60",
            "offset minutes 60 are out of range 0-59",
        );
        assert_err(
            "2016-12-31T23:57:57+0300",
            "expected `:` between the offset hours and minutes",
        );
        assert_err(
            "2016-12-31T23:57:57+3:00",
            "expected 2-digit offset hours, found `:`",
        );
        assert_err(
            "2016-12-31T23:57:57+03:0",
            "expected 2-digit offset minutes, found the end",
        );
        assert_err(
            "2016-12-31T23:57:57+03",
            "expected `:` between the offset hours and minutes, found the end",
        );
        assert_err(
            "2016-12-31T23:57:57+",
            "expected 2-digit offset hours, found the end",
        );
        assert_err(
            "2016-12-31T23:57:57 +03:00",
            "expected a UTC offset `Z`, `+hh:mm` or `-hh:mm`, found ` ` at byte 19",
        );
        assert_err("2016-12-31T23:57:57UTC", "expected a UTC offset");
        assert_err(
            "2016-12-31T23:57:57.5x",
            "expected a UTC offset `Z`, `+hh:mm` or `-hh:mm`, found `x` at byte 21",
        );
    }

    #[test]
    fn trailing_garbage() {
        assert_err(
            "2016-12-31T23:57:57Z ",
            "unexpected ` ` at byte 20 after the UTC offset",
        );
        assert_err(
            "2016-12-31T23:57:57ZZ",
            "unexpected `Z` at byte 20 after the UTC offset",
        );
        assert_err(
            "2016-12-31T23:57:57+03:00:00",
            "unexpected `:` at byte 25 after the UTC offset",
        );
        assert_err("2016-12-31T23:57:57+03:001", "unexpected `1` at byte 25");
        assert_err("2016-12-31T23:57:57Z\n", "unexpected `\\n` at byte 20");
        assert_err("2016-12-31T23:57:57Zé", "unexpected `é` at byte 20");
    }

    #[test]
    fn out_of_range_fields() {
        assert_err("2016-13-01T00:00:00Z", "month 13 is out of range 1-12");
        assert_err("2016-00-01T00:00:00Z", "month 0 is out of range 1-12");
        assert_err(
            "2016-01-00T00:00:00Z",
            "day 0 is out of range for January 2016",
        );
        assert_err(
            "2016-01-32T00:00:00Z",
            "day 32 is out of range for January 2016",
        );
        assert_err(
            "2016-04-31T00:00:00Z",
            "day 31 is out of range for April 2016",
        );
        assert_err(
            "2016-02-30T00:00:00Z",
            "day 30 is out of range for February 2016",
        );
        assert_err(
            "2015-02-29T00:00:00Z",
            "day 29 is out of range for February 2015",
        );
        assert_err("2016-12-31T24:00:00Z", "hour 24 is out of range 0-23");
        assert_err("2016-12-31T23:60:00Z", "minute 60 is out of range 0-59");
        assert_err(
            "2016-12-31T23:59:60Z",
            "second 60 is out of range 0-59 (leap seconds are not supported)",
        );
        assert_err("2016-12-31T23:59:99Z", "second 99 is out of range 0-59");
        ok("2016-01-31T00:00:00Z");
        ok("2016-04-30T00:00:00Z");
        ok("2016-12-31T23:59:59Z");
        ok("2016-12-31T00:00:00Z");
        ok("0000-01-01T00:00:00Z");
        ok("9999-12-31T23:59:59.999999999-23:59");
    }

    #[test]
    fn leap_years() {
        ok("2016-02-29T00:00:00Z");
        ok("2000-02-29T00:00:00Z");
        ok("2400-02-29T00:00:00Z");
        ok("0000-02-29T00:00:00Z");
        assert_err(
            "1900-02-29T00:00:00Z",
            "day 29 is out of range for February 1900",
        );
        assert_err(
            "2100-02-29T00:00:00Z",
            "day 29 is out of range for February 2100",
        );
        assert_err(
            "2015-02-29T00:00:00Z",
            "day 29 is out of range for February 2015",
        );
        assert_err(
            "2016-02-30T00:00:00Z",
            "day 30 is out of range for February 2016",
        );
        assert_err(
            "2000-02-30T00:00:00Z",
            "day 30 is out of range for February 2000",
        );
    }

    #[test]
    fn field_widths_and_separators() {
        assert_err("", "the text is empty");
        assert_err(
            "2016",
            "expected `-` after the year, found the end of the text",
        );
        assert_err(
            "16-12-31T23:57:57Z",
            "expected 4-digit year, found `-` at byte 2",
        );
        assert_err(
            "20161-12-31T23:57:57Z",
            "the year must have exactly 4 digits: expected `-` after the year, found `1` at byte 4",
        );
        assert_err(
            "+2016-12-31T23:57:57Z",
            "expected 4-digit year, found `+` at byte 0",
        );
        assert_err(
            "2016-1-31T23:57:57Z",
            "expected 2-digit month, found `-` at byte 6",
        );
        assert_err(
            "2016-012-31T23:57:57Z",
            "the month must have exactly 2 digits",
        );
        assert_err(
            "2016-12-1T23:57:57Z",
            "expected 2-digit day, found `T` at byte 9",
        );
        assert_err(
            "2016-12-311T23:57:57Z",
            "the day must have exactly 2 digits",
        );
        assert_err(
            "2016-12-31 23:57:57Z",
            "expected `T` between the date and the time, found ` ` at byte 10",
        );
        assert_err(
            "2016-12-31",
            "expected `T` between the date and the time, found the end of the text",
        );
        assert_err(
            "2016-12-31T3:57:57Z",
            "expected 2-digit hour, found `:` at byte 12",
        );
        assert_err(
            "2016-12-31T233:57:57Z",
            "the hour must have exactly 2 digits",
        );
        assert_err(
            "2016-12-31T23:7:57Z",
            "expected 2-digit minute, found `:` at byte 15",
        );
        assert_err(
            "2016-12-31T23:577:57Z",
            "the minute must have exactly 2 digits",
        );
        assert_err(
            "2016-12-31T23:57Z",
            "expected `:` after the minute, found `Z` at byte 16",
        );
        assert_err(
            "2016-12-31T23:57:5Z",
            "expected 2-digit second, found `Z` at byte 18",
        );
        assert_err(
            "2016-12-31T23:57:577Z",
            "the second must have exactly 2 digits, found `7` at byte 19",
        );
        assert_err(
            "2016/12/31T23:57:57Z",
            "expected `-` after the year, found `/` at byte 4",
        );
        assert_err(
            " 2016-12-31T23:57:57Z",
            "expected 4-digit year, found ` ` at byte 0",
        );
    }

    #[test]
    fn non_ascii_is_rejected_without_panicking() {
        // Arabic-Indic and fullwidth digits are digits, but not ASCII ones.
        assert_err(
            "٢٠١٦-12-31T23:57:57Z",
            "expected 4-digit year, found `٢` at byte 0",
        );
        assert_err(
            "2016-１2-31T23:57:57Z",
            "expected 2-digit month, found `１` at byte 5",
        );
        assert_err("2016-12-31T23:57:57.7265241+03:0é", "found `é` at byte 32");
        assert_err("2016-12-31T23:57:57.72é", "found `é` at byte 22");
        assert_err("2016-12-31Т23:57:57Z", "found `Т` at byte 10"); // Cyrillic Te
        assert_err(
            "2016-12-31T23:57:57\u{2212}05:00",
            "found `\u{2212}` at byte 19",
        ); // minus sign
    }

    #[test]
    fn error_value_is_the_text_shortened() {
        let long = format!("{SAMPLE}{}", "x".repeat(10_000));
        let (value, reason) = testing::shortened::<DateTimeOffset>(&long);
        assert!(value.as_str().starts_with(SAMPLE));
        assert_eq!(reason, "unexpected `x` at byte 33 after the UTC offset");
        assert_eq!(
            err("2016-02-30T00:00:00Z"),
            "invalid DateTimeOffset `2016-02-30T00:00:00Z`: day 30 is out of range for February 2016"
        );
    }

    #[test]
    fn equality_is_textual_and_hash_agrees() {
        use std::collections::HashSet;
        let a = ok("2016-12-31T20:57:57Z");
        let b = ok("2016-12-31T23:57:57+03:00");
        let c = ok("2016-12-31t20:57:57z");
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_eq!(a, ok("2016-12-31T20:57:57Z"));
        assert_eq!(a.unix_timestamp_nanos(), b.unix_timestamp_nanos());
        assert_eq!(a.unix_timestamp_nanos(), c.unix_timestamp_nanos());
        let set: HashSet<_> = [a.clone(), b, c, a].into_iter().collect();
        assert_eq!(set.len(), 3);
    }

    #[test]
    fn unix_timestamp_nanos_of_known_instants() {
        assert_eq!(ok("1970-01-01T00:00:00Z").unix_timestamp_nanos(), 0);
        assert_eq!(ok("1970-01-01T01:00:00+01:00").unix_timestamp_nanos(), 0);
        assert_eq!(
            ok("1970-01-01T00:00:00.000000001Z").unix_timestamp_nanos(),
            1
        );
        assert_eq!(
            ok("1969-12-31T23:59:59.999999999Z").unix_timestamp_nanos(),
            -1
        );
        // 2017-01-01T00:00:00Z is 1_483_228_800 s; the sample is 20:57:57.7265241
        // UTC the day before, i.e. 3 h 2 min 3 s (10_923 s) earlier, less 0.2734759 s.
        assert_eq!(
            ok("2017-01-01T00:00:00Z").unix_timestamp_nanos(),
            1_483_228_800_000_000_000
        );
        assert_eq!(
            ok(SAMPLE).unix_timestamp_nanos(),
            (1_483_228_800 - 10_923) * 1_000_000_000 + 726_524_100
        );
        assert_eq!(ok(SAMPLE).unix_timestamp_nanos(), 1_483_217_877_726_524_100);
        // Well-known values: the 2^31 rollover and the first day of 1900 and 2000.
        assert_eq!(
            ok("2038-01-19T03:14:08Z").unix_timestamp_nanos(),
            (1_i128 << 31) * 1_000_000_000
        );
        assert_eq!(
            ok("1900-01-01T00:00:00Z").unix_timestamp_nanos(),
            -2_208_988_800_000_000_000
        );
        assert_eq!(
            ok("2000-01-01T00:00:00Z").unix_timestamp_nanos(),
            946_684_800_000_000_000
        );
        assert_eq!(
            ok("0000-01-01T00:00:00Z").unix_timestamp_nanos(),
            -62_167_219_200_000_000_000
        );
        assert_eq!(
            ok("9999-12-31T23:59:59Z").unix_timestamp_nanos(),
            253_402_300_799_000_000_000
        );
    }

    /// Walks every day from 1900-01-01 to 2100-01-01 by trying the next day,
    /// then the first of the next month, then of the next year: the valid
    /// days must be exactly consecutive instants, 73_049 of them.
    #[test]
    fn calendar_walk_agrees_with_timestamps() {
        let at = |y: u32, m: u32, d: u32| format!("{y:04}-{m:02}-{d:02}T12:00:00+12:00");
        let (mut y, mut m, mut d) = (1900, 1, 1);
        let mut previous = ok(&at(y, m, d)).unix_timestamp_nanos();
        assert_eq!(previous, -2_208_988_800_000_000_000);
        let mut days = 0;
        while (y, m, d) != (2100, 1, 1) {
            let next = [(y, m, d + 1), (y, m + 1, 1), (y + 1, 1, 1)]
                .into_iter()
                .find(|&(y, m, d)| at(y, m, d).parse::<DateTimeOffset>().is_ok())
                .unwrap();
            (y, m, d) = next;
            let now = ok(&at(y, m, d)).unix_timestamp_nanos();
            assert_eq!(now - previous, 86_400_000_000_000, "{}", at(y, m, d));
            previous = now;
            days += 1;
            // Days 29-31 that were skipped must be the invalid ones.
            if d == 1 {
                let (py, pm) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
                for day in 28..=32 {
                    let valid = at(py, pm, day).parse::<DateTimeOffset>().is_ok();
                    let last = days_in_month(py, pm);
                    assert_eq!(valid, day <= last, "{}", at(py, pm, day));
                }
            }
        }
        assert_eq!(days, 200 * 365 + 49);
    }

    #[test]
    fn value_is_its_text_and_option_costs_nothing() {
        // Every length a valid text can have (20, then 22 to 35 bytes) is kept.
        let mut lengths = Vec::new();
        for digits in 0..=9 {
            let fraction = ".123456789".get(..digits + 1).filter(|_| digits > 0);
            for offset in ["Z", "-23:59"] {
                let text = format!("2016-12-31T23:57:57{}{offset}", fraction.unwrap_or(""));
                assert_eq!(ok(&text).as_str(), text);
                lengths.push(text.len());
            }
        }
        lengths.sort_unstable();
        lengths.dedup();
        let expected: Vec<usize> = [20].into_iter().chain(22..=MAX_LEN).collect();
        assert_eq!(lengths, expected);
        // The text, its length, and padding to the alignment (see `InlineText`).
        assert_eq!(std::mem::size_of::<DateTimeOffset>(), 40);
        assert_eq!(
            std::mem::size_of::<Option<DateTimeOffset>>(),
            std::mem::size_of::<DateTimeOffset>()
        );
    }

    /// The fields as `parse_step_by_step` gives them.
    fn fields(value: &DateTimeOffset) -> ([u32; 6], u32, i16) {
        let [month, day, hour, minute, second] = [
            value.month(),
            value.day(),
            value.hour(),
            value.minute(),
            value.second(),
        ]
        .map(u32::from);
        (
            [value.year().into(), month, day, hour, minute, second],
            value.nanosecond(),
            value.offset_minutes(),
        )
    }

    /// The one-pass check accepts exactly what the step-by-step parser
    /// accepts (it may never let an invalid text through, and a valid one
    /// it missed would cost time), and the fields a value reads from its
    /// text are the ones the step-by-step parser read.
    #[test]
    fn one_pass_check_agrees_with_step_by_step_parser() {
        let agree = |text: &str| {
            let step_by_step = parse_step_by_step(text);
            assert_eq!(is_valid(text), step_by_step.is_ok(), "{text:?}");
            let value = text.parse::<DateTimeOffset>().ok();
            assert_eq!(value.as_ref().map(fields), step_by_step.ok(), "{text:?}");
            if let Some(value) = value {
                assert_eq!(value.as_str(), text);
            }
        };
        let mut texts = Vec::new();
        for sample in [
            SAMPLE,
            "2016-02-29t00:00:00z",
            "1999-12-31T23:59:59.123456789-23:59",
            "2016-12-31T23:57:57+03:00",
            "0000-01-01T00:00:00.1Z",
        ] {
            texts.extend(crate::edm::mutations::of(sample));
        }
        for year in [0, 1900, 2000, 2015, 2016, 2100, 9999] {
            for month in 0..=13 {
                for day in [0, 1, 28, 29, 30, 31, 32] {
                    texts.push(format!("{year:04}-{month:02}-{day:02}T12:00:00Z"));
                }
            }
        }
        for (hour, minute, second) in [(23, 59, 59), (24, 0, 0), (0, 60, 0), (0, 0, 60)] {
            texts.push(format!("2016-12-31T{hour:02}:{minute:02}:{second:02}Z"));
        }
        for offset in [
            "+23:59", "-23:59", "+24:00", "+00:60", "-00:00", "+0300", "+03:0",
        ] {
            texts.push(format!("2016-12-31T23:57:57{offset}"));
        }
        for fraction in [".", ".0", ".123456789", ".1234567890", ".000000000"] {
            texts.push(format!("2016-12-31T23:57:57{fraction}Z"));
        }
        let accepted = texts.iter().filter(|text| is_valid(text)).count();
        texts.iter().for_each(|text| agree(text));
        // The inputs hold both kinds, in numbers.
        assert!(
            accepted > 500 && accepted < texts.len() / 4,
            "{accepted} of {}",
            texts.len()
        );
    }

    fn check_no_panic(text: &str) {
        // Any panic fails the test; a success must round-trip.
        if let Ok(value) = text.parse::<DateTimeOffset>() {
            assert_eq!(value.as_str(), text);
            let _ = value.unix_timestamp_nanos();
        }
        let _ = serde_json::from_value::<DateTimeOffset>(serde_json::Value::String(text.into()));
    }

    #[test]
    fn generated_inputs_never_panic() {
        let mut checked = 0;
        let mut accepted = 0;
        for sample in [
            SAMPLE,
            "2016-02-29t00:00:00z",
            "1999-12-31T23:59:59.123456789-23:59",
        ] {
            let bytes = sample.as_bytes();
            // Every single-byte replacement that is still UTF-8 (ASCII ones).
            for i in 0..bytes.len() {
                for b in 0..=255u8 {
                    let mut mutated = bytes.to_vec();
                    mutated[i] = b;
                    if let Ok(text) = String::from_utf8(mutated) {
                        check_no_panic(&text);
                        checked += 1;
                        accepted += usize::from(text.parse::<DateTimeOffset>().is_ok());
                    }
                }
            }
            // Truncations at every byte, and removal of each byte.
            for i in 0..=bytes.len() {
                check_no_panic(&sample[..i]);
                check_no_panic(&sample[i..]);
                let mut removed = sample.to_owned();
                if i < bytes.len() {
                    removed.remove(i);
                }
                check_no_panic(&removed);
                checked += 3;
            }
            // Multibyte characters inserted at, or replacing, every position.
            for c in ['é', '€', '😀', '\u{0}', '٣', '１', '\u{FEFF}', '\u{10FFFF}'] {
                for i in 0..=bytes.len() {
                    let mut inserted = sample.to_owned();
                    inserted.insert(i, c);
                    check_no_panic(&inserted);
                    let mut replaced = sample.to_owned();
                    if i < bytes.len() {
                        replaced.replace_range(i..i + 1, c.encode_utf8(&mut [0; 4]));
                    }
                    check_no_panic(&replaced);
                    // And the multibyte text truncated at every byte that is a boundary.
                    for j in 0..=inserted.len() {
                        if let Some(prefix) = inserted.get(..j) {
                            check_no_panic(prefix);
                        }
                    }
                    checked += 2;
                }
            }
        }
        // Some single-digit mutations are valid (e.g. another minute); most are not.
        assert!(
            accepted > 50 && accepted < checked / 4,
            "{accepted} of {checked}"
        );
    }

    #[cfg(feature = "time")]
    mod time_conversions {
        use super::*;

        #[test]
        fn into_offset_date_time_keeps_instant_and_offset() {
            for text in [
                SAMPLE,
                "1970-01-01T00:00:00Z",
                "2016-02-29t12:34:56.000000001-05:30",
                "0000-01-01T00:00:00+23:59",
                "9999-12-31T23:59:59.999999999-23:59",
            ] {
                let value = ok(text);
                let converted = time::OffsetDateTime::from(&value);
                assert_eq!(
                    converted.unix_timestamp_nanos(),
                    value.unix_timestamp_nanos(),
                    "{text}"
                );
                assert_eq!(
                    converted.offset().whole_minutes(),
                    value.offset_minutes(),
                    "{text}"
                );
                assert_eq!(converted.nanosecond(), value.nanosecond());
                assert_eq!(i32::from(value.year()), converted.year());
                let back =
                    DateTimeOffset::try_from(time::OffsetDateTime::from(value.clone())).unwrap();
                assert_eq!(
                    back.unix_timestamp_nanos(),
                    value.unix_timestamp_nanos(),
                    "{text}"
                );
                assert_eq!(back.offset_minutes(), value.offset_minutes(), "{text}");
            }
        }

        #[test]
        fn from_offset_date_time_formats_rfc_3339() {
            let value = time::OffsetDateTime::from(ok(SAMPLE));
            assert_eq!(
                DateTimeOffset::try_from(value).unwrap().as_str(),
                "2016-12-31T23:57:57.7265241+03:00"
            );
            let utc = time::OffsetDateTime::UNIX_EPOCH;
            assert_eq!(
                DateTimeOffset::try_from(utc).unwrap().as_str(),
                "1970-01-01T00:00:00Z"
            );
        }

        #[test]
        fn unrepresentable_offset_date_times_are_errors() {
            let offset = time::UtcOffset::from_hms(1, 0, 30).unwrap();
            let error =
                DateTimeOffset::try_from(time::OffsetDateTime::UNIX_EPOCH.to_offset(offset))
                    .unwrap_err()
                    .to_string();
            assert!(error.contains("cannot be written as RFC 3339"), "{error}");

            let year_before_0 = time::Date::from_calendar_date(-1, time::Month::June, 1)
                .unwrap()
                .midnight()
                .assume_utc();
            let error = DateTimeOffset::try_from(year_before_0)
                .unwrap_err()
                .to_string();
            assert!(error.contains("cannot be written as RFC 3339"), "{error}");
        }
    }
}
