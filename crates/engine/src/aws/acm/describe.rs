//! A certificate as `aws acm describe-certificate` prints it (the fields a DNS-validated
//! public certificate has), for `--json` output and for comparing with a real account.

use serde_json::{Value, json};

use super::certificate::Certificate;
use super::history::iso_time;

/// `{"Certificate": {...}}` as the AWS CLI prints it.
pub fn describe_json(cert: &Certificate) -> Value {
    let options: Vec<Value> = cert
        .domain_validations
        .iter()
        .map(|d| {
            json!({
                "DomainName": d.domain_name,
                "ValidationDomain": d.domain_name,
                "ValidationStatus": d.status.as_str(),
                "ResourceRecord": {
                    "Name": d.record.name.to_string(),
                    "Type": "CNAME",
                    "Value": d.record.value.to_string(),
                },
                "ValidationMethod": "DNS",
            })
        })
        .collect();
    let mut c = json!({
        "CertificateArn": cert.arn,
        "DomainName": cert.domain_name,
        "SubjectAlternativeNames": cert.subject_alternative_names,
        "DomainValidationOptions": options,
        "CreatedAt": iso_time(cert.requested_at),
        "Status": cert.status.as_str(),
        "Type": "AMAZON_ISSUED",
        "KeyAlgorithm": "RSA-2048",
    });
    let obj = c.as_object_mut().expect("an object");
    if let Some(t) = cert.issued_at {
        obj.insert("IssuedAt".into(), json!(iso_time(t)));
    }
    if let Some(r) = cert.failure_reason {
        obj.insert("FailureReason".into(), json!(r.as_str()));
    }
    json!({ "Certificate": c })
}
