//! When ACM looks. ACM documents only the end: it "makes repeated attempts to validate a
//! certificate for 72 hours and then times out" (API Reference, CertificateDetail.Status).
//! How often it retries is not documented. Users report issuance within minutes when the
//! record is in place early, and up to about two hours when it appears later (hashicorp/
//! terraform#17727), which fits frequent checks at first and sparser ones afterwards. The
//! simulation's choice, not ACM's published behaviour: a check at the request, every
//! 5 minutes during the first hour, then every 30 minutes until the 72-hour deadline.

/// How long ACM keeps trying: 72 hours.
pub const TIMEOUT: u64 = 72 * 3600;
/// The interval during the first hour.
pub const EARLY_INTERVAL: u64 = 5 * 60;
/// How long checks stay frequent.
pub const EARLY_PERIOD: u64 = 3600;
/// The interval after the first hour.
pub const LATE_INTERVAL: u64 = 30 * 60;

/// The time ACM gives up on a request made at `requested_at`.
pub fn deadline(requested_at: u64) -> u64 {
    requested_at.saturating_add(TIMEOUT)
}

/// The check after the one at `at`, or the deadline when no check comes before it.
pub fn next_check(requested_at: u64, at: u64) -> u64 {
    let elapsed = at.saturating_sub(requested_at);
    let step = if elapsed < EARLY_PERIOD {
        EARLY_INTERVAL
    } else {
        LATE_INTERVAL
    };
    at.saturating_add(step).min(deadline(requested_at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_thin_out_after_the_first_hour_and_stop_at_72_hours() {
        let t0 = 1_000;
        let mut times = vec![t0];
        while *times.last().unwrap() < deadline(t0) {
            times.push(next_check(t0, *times.last().unwrap()));
        }
        assert_eq!(times[1] - t0, 300);
        assert_eq!(times[12] - t0, 3600);
        assert_eq!(times[13] - t0, 3600 + 1800);
        assert_eq!(*times.last().unwrap(), t0 + 72 * 3600);
        // 13 checks in the first hour (0, 5, ..., 60 min), 142 more every 30 min until
        // 71h30m, then the deadline itself.
        assert_eq!(times.len(), 13 + 141 + 1);
    }
}
