//! Proleptic Gregorian calendar arithmetic: leap years, month lengths, day
//! numbers. `Edm.Date` and `Edm.DateTimeOffset` check and count with it;
//! it is crate-wide so that other date formats (HTTP-dates) can too.

/// The months' English names, January first (`MONTH_NAMES[month - 1]`).
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether `year` has a February 29th.
pub(crate) fn is_leap_year(year: u32) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

/// The number of days in `month` (`1`-`12`) of `year`.
pub(crate) fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Checks that `day` exists in `month` (`1`-`12`, checked by the caller) of
/// `year`; the error names the month: `day 29 is out of range for February
/// 2015`.
pub(crate) fn check_day(year: u32, month: u32, day: u32) -> Result<(), String> {
    if day != 0 && day <= days_in_month(year, month) {
        return Ok(());
    }
    let name = month
        .checked_sub(1)
        .and_then(|index| MONTH_NAMES.get(index as usize))
        .unwrap_or(&"month");
    Err(format!("day {day} is out of range for {name} {year}"))
}

/// Days from 1970-01-01 to the given proleptic Gregorian date, negative
/// before it (Howard Hinnant's `days_from_civil`).
pub(crate) fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    // Years start in March, so the leap day is the last day of the year.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(is_leap_year(2016));
        assert!(is_leap_year(2000));
        assert!(is_leap_year(0));
        assert!(!is_leap_year(1900));
        assert!(!is_leap_year(2015));
        assert_eq!(days_in_month(2016, 2), 29);
        assert_eq!(days_in_month(2100, 2), 28);
        assert_eq!(days_in_month(2015, 4), 30);
        assert_eq!(days_in_month(2015, 12), 31);
    }

    #[test]
    fn check_day_names_the_month() {
        assert_eq!(check_day(2016, 2, 29), Ok(()));
        assert_eq!(
            check_day(2015, 2, 29).unwrap_err(),
            "day 29 is out of range for February 2015"
        );
        assert_eq!(
            check_day(2015, 10, 0).unwrap_err(),
            "day 0 is out of range for October 2015"
        );
    }

    #[test]
    fn days_from_civil_counts_from_the_unix_epoch() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(2015, 10, 21), 16_729);
    }
}
