//! The certificates panel's request form and badges (pure, free of the web): what the form
//! holds, its errors as types at the field they belong to (never matched by their text),
//! the edit it makes, and a certificate's status and a check's result as badge text and
//! classes.

use hickory_proto::rr::Name;
use thiserror::Error;

use crate::aws::acm::history::{CheckResult, elapsed_text};
use crate::aws::acm::request::{MAX_NAMES, check_domain_name};
use crate::aws::acm::{AcmError, Certificate, CertificateStatus};
use crate::scenario::Scenario;
use crate::scenario::edit::{Edit, EditError};
use crate::scenario::presets::{ACCOUNT_AWS, ACCOUNT_B};

/// What the request form holds, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestDraft {
    pub account: String,
    pub domain: String,
    /// Subject alternative names, separated by commas, spaces or new lines.
    pub sans: String,
}

/// Why a field of the request form is refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RequestFieldError {
    #[error("Choose the account that requests the certificate.")]
    NoAccount,
    /// A name ACM's rules refuse (`AcmError::InvalidDomainName`), said for the field.
    #[error("{}", name_text(.0))]
    BadName(Box<AcmError>),
    /// More names than ACM's quota.
    #[error(
        "A certificate may have at most {max} names (ACM's default quota); this one has {found}. Remove {}.",
        .found - .max
    )]
    TooManyNames { max: usize, found: usize },
}

/// The form's errors, each at its field; `general` for what no field owns (ACM's refusal
/// once the document changed under the form).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestErrors {
    pub account: Option<RequestFieldError>,
    pub domain: Option<RequestFieldError>,
    pub sans: Option<RequestFieldError>,
    pub general: Option<Box<EditError>>,
}

impl RequestErrors {
    pub fn is_empty(&self) -> bool {
        self.account.is_none()
            && self.domain.is_none()
            && self.sans.is_none()
            && self.general.is_none()
    }
}

/// What the panel has open below a certificate: ACM's lookup of one validation record, or
/// its CAA search for one name. One at a time: opening one closes the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Open {
    /// The lookup of validation record `name` of certificate `arn`.
    Lookup { arn: String, name: Name },
    /// The CAA search for `domain`, a name of certificate `arn`.
    Caa { arn: String, domain: String },
}

impl Open {
    /// What is open after the user toggles `clicked`: closed when it was open, else it.
    pub fn toggled(current: Option<&Open>, clicked: Open) -> Option<Open> {
        (current != Some(&clicked)).then_some(clicked)
    }
}

/// The account a new request starts in: account B (the article's api team) when the
/// scenario has it, else the first account that is not AWS's own.
pub fn default_account(s: &Scenario) -> String {
    let users = || s.aws.accounts.iter().filter(|a| a.id != ACCOUNT_AWS);
    users()
        .find(|a| a.id == ACCOUNT_B)
        .or_else(|| users().next())
        .map(|a| a.id.clone())
        .unwrap_or_default()
}

/// The SANs field as a list: words separated by commas, spaces or new lines.
pub fn sans_list(text: &str) -> Vec<String> {
    text.split([',', ' ', '\n', '\t', ';'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// Why a name breaks ACM's rules, for the field: `"api.*.example.com": the * is not …`.
fn name_text(e: &AcmError) -> String {
    match e {
        AcmError::InvalidDomainName { name, why, .. } if name.trim().is_empty() => {
            format!("Enter a domain name: {why}.")
        }
        AcmError::InvalidDomainName { name, why, .. } => format!("\"{}\": {why}.", name.trim()),
        other => other.to_string(),
    }
}

/// Checks the form field by field and returns the edit to make, or the errors at their
/// fields. What ACM would refuse beyond the fields (the document changed under the form)
/// comes back as `general`.
pub fn check_request(s: &Scenario, draft: &RequestDraft) -> Result<Edit, RequestErrors> {
    let mut errors = RequestErrors::default();
    if s.aws.account(&draft.account).is_none() {
        errors.account = Some(RequestFieldError::NoAccount);
    }
    let domain = check_domain_name(&draft.domain, "domainName");
    if let Err(e) = &domain {
        errors.domain = Some(RequestFieldError::BadName(Box::new(e.clone())));
    }
    let sans = sans_list(&draft.sans);
    errors.sans = sans
        .iter()
        .find_map(|san| check_domain_name(san, "subjectAlternativeNames").err())
        .map(|e| RequestFieldError::BadName(Box::new(e)));
    if errors.sans.is_none() {
        let mut names: Vec<String> = domain.iter().cloned().collect();
        for san in &sans {
            let name = san.trim().trim_end_matches('.').to_ascii_lowercase();
            if !names.contains(&name) {
                names.push(name);
            }
        }
        if names.len() > MAX_NAMES {
            errors.sans = Some(RequestFieldError::TooManyNames {
                max: MAX_NAMES,
                found: names.len(),
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let edit = Edit::RequestCertificate {
        account: draft.account.clone(),
        domain: draft.domain.trim().to_string(),
        sans,
    };
    edit.check(s).map_err(|general| RequestErrors {
        general: Some(Box::new(general)),
        ..RequestErrors::default()
    })?;
    Ok(edit)
}

/// The status as the badge shows it: `FAILED (CAA_ERROR)` for a failure with its reason.
pub fn status_text(cert: &Certificate) -> String {
    match cert.failure_reason {
        Some(reason) => format!("{} ({reason})", cert.status),
        None => cert.status.to_string(),
    }
}

/// The badge's class: `status-pending`, `status-issued`, `status-failed`, `status-timed-out`.
pub fn status_class(status: CertificateStatus) -> &'static str {
    match status {
        CertificateStatus::PendingValidation => "status-pending",
        CertificateStatus::Issued => "status-issued",
        CertificateStatus::Failed => "status-failed",
        CertificateStatus::ValidationTimedOut => "status-timed-out",
    }
}

/// The class of a check's result in the timeline: found/permits are good, not found and
/// wrong value are pending, failures are bad.
pub fn result_class(result: CheckResult) -> &'static str {
    match result {
        CheckResult::Found | CheckResult::CaaPermits => "result-ok",
        CheckResult::NotFound | CheckResult::WrongValue => "result-pending",
        CheckResult::LookupFailed | CheckResult::CaaForbids => "result-bad",
    }
}

/// When, for the timeline: `+0h05m` after the request.
pub fn since_request(cert: &Certificate, at: u64) -> String {
    elapsed_text(at.saturating_sub(cert.requested_at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets;

    fn text(e: &Option<RequestFieldError>) -> Option<String> {
        e.as_ref().map(ToString::to_string)
    }

    fn draft(domain: &str, sans: &str) -> RequestDraft {
        RequestDraft {
            account: ACCOUNT_B.into(),
            domain: domain.into(),
            sans: sans.into(),
        }
    }

    #[test]
    fn a_good_request_becomes_one_edit() {
        let s = presets::build("article").unwrap();
        assert_eq!(default_account(&s), ACCOUNT_B);
        assert_eq!(
            check_request(
                &s,
                &draft(
                    " api.example.com ",
                    "*.api.example.com,\nwww.api.example.com"
                )
            ),
            Ok(Edit::RequestCertificate {
                account: ACCOUNT_B.into(),
                domain: "api.example.com".into(),
                sans: vec!["*.api.example.com".into(), "www.api.example.com".into()],
            })
        );
    }

    #[test]
    fn errors_sit_at_their_fields() {
        let s = presets::build("article").unwrap();
        let e = check_request(
            &s,
            &draft("api.*.example.com", "ok.example.com, bad_name.example.com"),
        )
        .unwrap_err();
        assert_eq!(
            text(&e.domain).as_deref(),
            Some(
                "\"api.*.example.com\": the * is not the leftmost label; a wildcard may only be the whole leftmost label, as in *.api.example.com."
            )
        );
        assert_eq!(
            text(&e.sans).as_deref(),
            Some(
                "\"bad_name.example.com\": the label \"bad_name\" holds '_'; ACM takes only letters, digits and hyphens."
            )
        );
        assert_eq!(e.account, None);
        assert!(matches!(
            e.domain.as_ref(),
            Some(RequestFieldError::BadName(b)) if matches!(**b, AcmError::InvalidDomainName { .. })
        ));
        let e = check_request(&s, &RequestDraft::default()).unwrap_err();
        assert_eq!(
            text(&e.account).as_deref(),
            Some("Choose the account that requests the certificate.")
        );
        assert_eq!(
            text(&e.domain).as_deref(),
            Some(
                "Enter a domain name: the name is empty; give a domain name such as api.example.com or *.api.example.com."
            )
        );
        let many: Vec<String> = (0..10).map(|i| format!("n{i}.example.com")).collect();
        let e = check_request(&s, &draft("example.com", &many.join(" "))).unwrap_err();
        assert_eq!(
            text(&e.sans).as_deref(),
            Some(
                "A certificate may have at most 10 names (ACM's default quota); this one has 11. Remove 1."
            )
        );
        assert_eq!(
            e.sans,
            Some(RequestFieldError::TooManyNames { max: 10, found: 11 })
        );
    }

    #[test]
    fn statuses_read_as_acm_writes_them() {
        let mut s = presets::build("acm-caa").unwrap();
        Edit::AdvanceClock { seconds: 60 }.apply(&mut s).unwrap();
        let cert = s.aws.certificates.last().unwrap();
        assert_eq!(status_text(cert), "FAILED (CAA_ERROR)");
        assert_eq!(status_class(cert.status), "status-failed");
    }

    #[test]
    fn one_thing_is_open_at_a_time_and_a_second_click_closes_it() {
        let lookup = Open::Lookup {
            arn: "arn:1".into(),
            name: Name::from_ascii("_x.api.example.com.").unwrap(),
        };
        let caa = Open::Caa {
            arn: "arn:1".into(),
            domain: "api.example.com".into(),
        };
        assert_eq!(Open::toggled(None, lookup.clone()), Some(lookup.clone()));
        assert_eq!(Open::toggled(Some(&lookup), lookup.clone()), None);
        assert_eq!(Open::toggled(Some(&lookup), caa.clone()), Some(caa));
    }
}
