//! RRSIG's inception and expiration times (RFC 4034 section 3.2): seconds since 1970 on
//! the wire, `YYYYMMDDHHmmSS` in UTC in presentation text (a plain number of seconds is read
//! too). Calendar arithmetic only; nothing here reads a clock.

/// A time that [`parse`] cannot read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{text}\" is not a time; write YYYYMMDDHHmmSS in UTC, such as 20260101000000")]
pub struct DnssecTimeError {
    pub text: String,
}

/// Reads `YYYYMMDDHHmmSS` or a number of seconds.
pub fn parse(text: &str) -> Result<u32, DnssecTimeError> {
    let bad = || DnssecTimeError {
        text: text.to_string(),
    };
    if !text.bytes().all(|b| b.is_ascii_digit()) || text.is_empty() {
        return Err(bad());
    }
    if text.len() != 14 {
        return text.parse::<u32>().map_err(|_| bad());
    }
    let field = |range: std::ops::Range<usize>| text[range].parse::<i64>().unwrap_or(-1);
    let (year, month, day) = (field(0..4), field(4..6), field(6..8));
    let (hour, minute, second) = (field(8..10), field(10..12), field(12..14));
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if year < 1970 || day < 1 || day > days_in_month || hour > 23 || minute > 59 || second > 60 {
        return Err(bad());
    }
    let seconds = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
    u32::try_from(seconds).map_err(|_| bad())
}

/// Writes seconds since 1970 as `YYYYMMDDHHmmSS` in UTC.
pub fn text(seconds: u32) -> String {
    let seconds = i64::from(seconds);
    let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
    let rest = seconds.rem_euclid(86_400);
    format!(
        "{year:04}{month:02}{day:02}{:02}{:02}{:02}",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// Days since 1970-01-01 of a date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day counted from 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_known_dates() {
        // The root zone's SOA signature (and `date -u -d @1788541200`).
        assert_eq!(parse("20260904170000"), Ok(1_788_541_200));
        assert_eq!(text(1_788_541_200), "20260904170000");
        assert_eq!(text(0), "19700101000000");
        assert_eq!(text(u32::MAX), "21060207062815");
        assert_eq!(
            parse("20240229235959").map(text),
            Ok("20240229235959".into())
        );
        assert_eq!(parse("1798761599").map(text), Ok("20261231235959".into()));
    }

    #[test]
    fn bad_dates_are_refused() {
        for bad in [
            "20250229000000",
            "20261301000000",
            "x",
            "",
            "21060207062816",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
