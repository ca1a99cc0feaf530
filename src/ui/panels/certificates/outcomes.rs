//! The article's two outcomes side by side (pure): the acm-issued and acm-in-parent presets
//! (the validation record in the child zone, or in the parent zone) run until ACM is done,
//! on copies, so the user's document is not touched.

use crate::aws::acm::history::{CheckRecord, Event};
use crate::aws::acm::schedule::TIMEOUT;
use crate::scenario::Scenario;
use crate::scenario::edit::Edit;
use crate::scenario::presets;

use super::model::{since_request, status_class, status_text};

/// One column of the comparison: a preset run until ACM is done (72 simulated hours).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub preset: &'static str,
    /// Where the validation record was put: `api.example.com (account 222222222222)`.
    pub record_in: String,
    pub status: String,
    pub status_class: &'static str,
    /// When the final status came: `+0h00m` after the request.
    pub when: String,
    /// How many times ACM looked for the record.
    pub checks: u32,
    /// What the last look found, with the server that said so.
    pub last_check: String,
    /// The rcode of the last look: NOERROR, NXDOMAIN, ...
    pub rcode: String,
    /// Why the status is final, as ACM's history says.
    pub why: String,
}

/// Runs the acm-issued and acm-in-parent presets through 72 simulated hours, on copies:
/// the user's document is not touched.
pub fn compare() -> [Outcome; 2] {
    ["acm-issued", "acm-in-parent"].map(|id| {
        let mut s = presets::build(id).expect("the ACM presets exist");
        Edit::AdvanceClock { seconds: TIMEOUT }
            .apply(&mut s)
            .expect("advancing the clock always applies");
        outcome(&s, id)
    })
}

fn outcome(s: &Scenario, preset: &'static str) -> Outcome {
    let cert = s
        .aws
        .certificates
        .last()
        .expect("the preset has a certificate");
    let (record, _) = cert.records().into_iter().next().expect("one record");
    let record_in = s
        .world
        .zones
        .iter()
        .find(|z| {
            z.get(&record.name, hickory_proto::rr::RecordType::CNAME)
                .is_some()
        })
        .map(|z| {
            let account = s
                .aws
                .hosted_zone(&z.id)
                .map(|hz| format!(" (account {})", hz.account))
                .unwrap_or_default();
            format!("{}{account}", crate::ui::resolve::plain(&z.origin))
        })
        .unwrap_or_else(|| "nowhere".into());
    let lookups: Vec<&CheckRecord> = cert
        .history
        .iter()
        .filter_map(|e| match e {
            Event::Check(c) if !c.result.is_caa() => Some(c),
            _ => None,
        })
        .collect();
    let (at, why) = cert
        .history
        .iter()
        .rev()
        .find_map(|e| match e {
            Event::Status { at, why, .. } => Some((*at, why.clone())),
            Event::Check(_) => None,
        })
        .unwrap_or((cert.requested_at, String::new()));
    let last = lookups.last();
    Outcome {
        preset,
        record_in,
        status: status_text(cert),
        status_class: status_class(cert.status),
        when: since_request(cert, at),
        checks: lookups.iter().map(|c| c.repeated + 1).sum(),
        last_check: last.map(|c| c.reason.clone()).unwrap_or_default(),
        rcode: last.map(|c| c.rcode.clone()).unwrap_or_default(),
        why,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_outcomes_of_the_article() {
        let [child, parent] = compare();
        assert_eq!(child.record_in, "api.example.com (account 222222222222)");
        assert_eq!(child.status, "ISSUED");
        assert_eq!(child.when, "+0h00m");
        assert_eq!(child.checks, 1);
        assert_eq!(child.rcode, "NOERROR");
        assert_eq!(parent.record_in, "example.com (account 111111111111)");
        assert_eq!(parent.status, "VALIDATION_TIMED_OUT");
        assert_eq!(parent.status_class, "status-timed-out");
        assert_eq!(parent.when, "+72h00m");
        assert_eq!(parent.checks, 13 + 141);
        assert_eq!(parent.rcode, "NXDOMAIN");
        assert!(
            parent.last_check.contains("answered NXDOMAIN"),
            "{}",
            parent.last_check
        );
        assert!(
            parent.last_check.contains("zone api.example.com."),
            "{}",
            parent.last_check
        );
        assert!(parent.why.starts_with("72 hours passed"), "{}", parent.why);
    }
}
