//! `aws acm request-certificate --validation-method DNS`: checks the names as ACM does (its
//! domain-name pattern: letters, digits and hyphens, a wildcard only as the whole leftmost
//! label, at least two labels, at most 253 characters; at most 10 names by default), draws
//! the certificate id from the AWS state's generator, and gives every name its validation
//! record. The certificate starts PENDING_VALIDATION; ACM's first look is at once.

use super::AcmError;
use super::certificate::{Certificate, CertificateStatus, DomainStatus, DomainValidation, REGION};
use super::history::Event;
use super::token::validation_record;
use crate::aws::Aws;

/// ACM's default quota of names per certificate (adjustable up to 100 on request).
pub const MAX_NAMES: usize = 10;

/// Requests a public certificate for `domain` and `sans` in `account`, at time `now`; `seed`
/// (the document's) makes the validation records. Names are compared without regard to case
/// or a final dot; a name given twice is kept once. Returns the new certificate's ARN.
pub fn request_certificate(
    aws: &mut Aws,
    seed: u64,
    now: u64,
    account: &str,
    domain: &str,
    sans: &[String],
) -> Result<String, AcmError> {
    if aws.account(account).is_none() {
        return Err(AcmError::NoSuchAccount(account.into()));
    }
    let mut names = vec![check_domain_name(domain, "domainName")?];
    for san in sans {
        let name = check_domain_name(san, "subjectAlternativeNames")?;
        if !names.contains(&name) {
            names.push(name);
        }
    }
    if names.len() > MAX_NAMES {
        return Err(AcmError::TooManyNames {
            max: MAX_NAMES,
            found: names.len(),
        });
    }
    let arn = format!(
        "arn:aws:acm:{REGION}:{account}:certificate/{}",
        uuid(&mut aws.rng)
    );
    let domain_validations = names
        .iter()
        .map(|name| DomainValidation {
            domain_name: name.clone(),
            status: DomainStatus::PendingValidation,
            record: validation_record(seed, account, name),
        })
        .collect();
    aws.certificates.push(Certificate {
        arn: arn.clone(),
        account: account.into(),
        domain_name: names[0].clone(),
        subject_alternative_names: names,
        status: CertificateStatus::PendingValidation,
        failure_reason: None,
        requested_at: now,
        issued_at: None,
        domain_validations,
        next_check: Some(now),
        history: vec![Event::Status {
            at: now,
            status: CertificateStatus::PendingValidation,
            failure_reason: None,
            why: "requested with DNS validation: ACM waits for a CNAME per name".into(),
        }],
    });
    Ok(arn)
}

/// A random (version 4) UUID from the AWS state's generator.
fn uuid(rng: &mut crate::aws::Rng) -> String {
    let hi = rng.next_u64();
    let lo = rng.next_u64();
    let hi = (hi & 0xffff_ffff_ffff_0fff) | 0x0000_0000_0000_4000;
    let lo = (lo & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000;
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xffff,
        lo >> 48,
        lo & 0xffff_ffff_ffff
    )
}

/// Checks one name against ACM's rules and returns it in lower case without a final dot.
pub fn check_domain_name(input: &str, field: &'static str) -> Result<String, AcmError> {
    let bad = |why: String| AcmError::InvalidDomainName {
        name: input.to_string(),
        field,
        why,
    };
    let name = input.trim().trim_end_matches('.').to_ascii_lowercase();
    if name.is_empty() {
        return Err(bad(
            "the name is empty; give a domain name such as api.example.com or *.api.example.com"
                .into(),
        ));
    }
    if name.len() > 253 {
        return Err(bad(format!(
            "the name is {} characters long; a domain name may have at most 253",
            name.len()
        )));
    }
    let body = name.strip_prefix("*.").unwrap_or(&name);
    let labels: Vec<&str> = body.split('.').collect();
    for label in &labels {
        if label.is_empty() {
            return Err(bad(
                "the name has an empty label (two dots in a row, or a leading dot)".into(),
            ));
        }
        if *label == "*" {
            return Err(bad(
                "the * is not the leftmost label; a wildcard may only be the whole leftmost label, as in *.api.example.com".into(),
            ));
        }
        if label.contains('*') {
            return Err(bad(format!(
                "the label \"{label}\" mixes * with other characters; a wildcard may only be the whole leftmost label, as in *.api.example.com"
            )));
        }
        if label.len() > 63 {
            return Err(bad(format!(
                "the label \"{label}\" is {} characters long; a label may have at most 63",
                label.len()
            )));
        }
        if let Some(c) = label
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
        {
            return Err(bad(format!(
                "the label \"{label}\" holds '{c}'; ACM takes only letters, digits and hyphens"
            )));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(bad(format!(
                "the label \"{label}\" starts or ends with a hyphen, which ACM does not allow"
            )));
        }
    }
    if labels.len() < 2 {
        return Err(bad(format!(
            "\"{body}\" is a top-level domain; ACM issues for names under a registered domain, such as api.example.com"
        )));
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(name: &str) -> String {
        check_domain_name(name, "domainName")
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn names_are_normalised() {
        assert_eq!(
            check_domain_name(" *.API.Example.com. ", "domainName").unwrap(),
            "*.api.example.com"
        );
        assert_eq!(
            check_domain_name("a-b.example.com", "domainName").unwrap(),
            "a-b.example.com"
        );
    }

    #[test]
    fn bad_names_say_what_is_wrong() {
        assert_eq!(
            err("api.*.example.com"),
            "ValidationException: Value 'api.*.example.com' at 'domainName' failed to satisfy constraint: the * is not the leftmost label; a wildcard may only be the whole leftmost label, as in *.api.example.com"
        );
        assert_eq!(
            err("*.com"),
            "ValidationException: Value '*.com' at 'domainName' failed to satisfy constraint: \"com\" is a top-level domain; ACM issues for names under a registered domain, such as api.example.com"
        );
        assert!(err("_x.example.com").contains("holds '_'"));
        assert!(
            err("*api.example.com").contains("the label \"*api\" mixes * with other characters")
        );
        assert!(err("a..example.com").contains("empty label"));
        assert!(err("-a.example.com").contains("hyphen"));
        assert!(err(&format!("{}.com", "a".repeat(64))).contains("at most 63"));
        assert!(err("").contains("the name is empty"));
    }
}
