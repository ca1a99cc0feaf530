//! The simulated clock's range: from the Unix epoch to the last second of year 9999
//! (`9999-12-31T23:59:59Z`), the last time dig's and ACM's dates can print with a
//! four-digit year. A document holding a time past it is refused on load, and advancing
//! past it is refused with a message, so every sum of a time and a TTL or a timeout stays
//! far from `u64::MAX` (where it would panic in a debug build and wrap to 1970 in release).

use crate::aws::acm::history::iso_time;

/// `9999-12-31T23:59:59Z`, in seconds since the Unix epoch.
pub const MAX_CLOCK: u64 = 253_402_300_799;

/// A time the simulation cannot keep.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    /// A stored time past the end; `what` names it (`the clock`, `certificate …`).
    #[error(
        "{what} is {at} seconds after 1970, past {}, the last time the simulation keeps",
        iso_time(MAX_CLOCK)
    )]
    PastTheEnd { what: String, at: u64 },
    /// Advancing the clock from `clock` by `seconds` would pass the end.
    #[error(
        "the clock cannot go {seconds} seconds forward: it would pass {}, the last time the simulation keeps; it can advance at most {} seconds from {}",
        iso_time(MAX_CLOCK),
        MAX_CLOCK.saturating_sub(*clock),
        iso_time(*clock)
    )]
    TooFar { clock: u64, seconds: u64 },
}

/// Refuses a time past [`MAX_CLOCK`]; `what` names it (`the clock`, `certificate …`).
pub fn check(what: &str, at: u64) -> Result<(), ClockError> {
    if at > MAX_CLOCK {
        return Err(ClockError::PastTheEnd {
            what: what.to_string(),
            at,
        });
    }
    Ok(())
}

/// The clock `seconds` after `clock`, or why it cannot go there.
pub fn advanced(clock: u64, seconds: u64) -> Result<u64, ClockError> {
    match clock.checked_add(seconds) {
        Some(t) if t <= MAX_CLOCK => Ok(t),
        _ => Err(ClockError::TooFar { clock, seconds }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_second_is_the_end_of_year_9999() {
        assert_eq!(iso_time(MAX_CLOCK), "9999-12-31T23:59:59Z");
        assert_eq!(check("the clock", MAX_CLOCK), Ok(()));
        assert!(check("the clock", MAX_CLOCK + 1).is_err());
    }

    #[test]
    fn advancing_stops_at_the_last_second() {
        assert_eq!(advanced(10, 5), Ok(15));
        assert_eq!(advanced(MAX_CLOCK - 1, 1), Ok(MAX_CLOCK));
        let e = advanced(MAX_CLOCK - 1, u64::MAX).unwrap_err().to_string();
        assert!(e.contains("at most 1 seconds"), "{e}");
    }
}
