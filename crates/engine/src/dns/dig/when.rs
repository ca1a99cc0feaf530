//! The `;; WHEN:` date: dig formats the local time with `strftime("%a %b %d %H:%M:%S %Z %Y")`.
//! Here the time is the simulation's clock (seconds since the Unix epoch) shown in UTC, so it
//! reads `Sat Nov 28 11:26:47 UTC 2026`. No wall clock is read.

const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `Sat Nov 28 11:26:47 UTC 2026` for `secs` seconds after 1970-01-01 00:00:00 UTC.
pub fn when_text(secs: u64) -> String {
    let days = secs / 86_400;
    let rem = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{} {} {:02} {:02}:{:02}:{:02} UTC {}",
        WEEKDAYS[(days % 7) as usize],
        MONTHS[(month - 1) as usize],
        day,
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        year
    )
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`, for non-negative days).
pub fn civil_from_days(days: u64) -> (u64, u32, u32) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097; // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11], March-based
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch() {
        assert_eq!(when_text(0), "Thu Jan 01 00:00:00 UTC 1970");
    }

    #[test]
    fn the_capture_date() {
        // `date -u -d @1795865207` prints Sat Nov 28 11:26:47 UTC 2026.
        assert_eq!(when_text(1_795_865_207), "Sat Nov 28 11:26:47 UTC 2026");
    }

    #[test]
    fn leap_days_and_century_rules() {
        // 2024-02-29 12:00:00 UTC, a Thursday.
        assert_eq!(when_text(1_709_208_000), "Thu Feb 29 12:00:00 UTC 2024");
        // 2000-03-01 00:00:00 UTC (2000 is a leap year), a Wednesday.
        assert_eq!(when_text(951_868_800), "Wed Mar 01 00:00:00 UTC 2000");
        // 2100-03-01 00:00:00 UTC (2100 is not), a Monday.
        assert_eq!(when_text(4_107_542_400), "Mon Mar 01 00:00:00 UTC 2100");
        // The last second of 2026.
        assert_eq!(when_text(1_798_761_599), "Thu Dec 31 23:59:59 UTC 2026");
    }
}
