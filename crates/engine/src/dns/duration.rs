//! Durations in seconds as text (the one home for them): as people read them (`1h 2m 5s`,
//! for cache lifetimes and waits) and as Go prints them (`1h2m5s`, in Terraform's messages).

/// A duration for people: `59s`, `5m 0s`, `1h 2m 5s`.
pub fn duration_text(secs: impl Into<u64>) -> String {
    hms(secs.into(), " ")
}

/// A duration as Go's `time.Duration` prints whole seconds: `0s`, `5m0s`, `1h15m0s`.
pub fn go_duration_text(secs: u64) -> String {
    hms(secs, "")
}

/// Hours, minutes and seconds with `sep` between them, leading zero units left out.
fn hms(secs: u64, sep: &str) -> String {
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    match (h, m) {
        (0, 0) => format!("{s}s"),
        (0, _) => format!("{m}m{sep}{s}s"),
        _ => format!("{h}h{sep}{m}m{sep}{s}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_people_write_them() {
        assert_eq!(duration_text(3725u32), "1h 2m 5s");
        assert_eq!(duration_text(59u32), "59s");
        assert_eq!(duration_text(300u64), "5m 0s");
        assert_eq!(duration_text(3600u64), "1h 0m 0s");
    }

    #[test]
    fn durations_read_as_go_prints_them() {
        assert_eq!(go_duration_text(0), "0s");
        assert_eq!(go_duration_text(300), "5m0s");
        assert_eq!(go_duration_text(4500), "1h15m0s");
    }
}
