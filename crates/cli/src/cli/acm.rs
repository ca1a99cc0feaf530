//! `delegation-lab acm ...`: request a certificate, press "Create records in Route 53",
//! run ACM's validation on the simulated clock, list certificates, and show the Terraform
//! view. Each command reads a scenario (`--scenario SOURCE`) and can write the updated one
//! (`--out FILE`); `--json` prints data for machines.

use std::fmt::Write;

use clap::Subcommand;
use serde_json::{Value, json};

use delegation_lab_engine::aws::acm::{
    self, Certificate, Check, Event, Target, history::elapsed_text, history::iso_time,
};
use delegation_lab_engine::dns::resolve::{Resolution, step_json};
use delegation_lab_engine::scenario::{Scenario, acm_ops, dig_command, source};

use super::error::CliError;

#[derive(Subcommand)]
pub enum AcmCommand {
    /// Request a public certificate with DNS validation:
    /// `acm request --account ID DOMAIN [--san NAME]... --scenario SOURCE`.
    Request {
        /// The 12-digit account that requests the certificate.
        #[arg(long)]
        account: String,
        /// The certificate's domain name, such as *.api.example.com.
        domain: String,
        /// Another name for the certificate (repeat for more).
        #[arg(long = "san", value_name = "NAME")]
        sans: Vec<String>,
        /// Then press the console's "Create records in Route 53" (same account only).
        #[arg(long)]
        create_records: bool,
        /// A preset name, a scenario JSON file or a zone folder.
        #[arg(long)]
        scenario: String,
        /// Write the updated scenario to FILE.
        #[arg(long, value_name = "FILE")]
        out: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Run ACM's checks of a certificate that are due, after moving the clock:
    /// `acm validate ARN [--advance HOURS] --scenario SOURCE`.
    Validate {
        arn: String,
        /// Hours to move the simulated clock forward first (decimals allowed).
        #[arg(long, value_name = "HOURS", allow_hyphen_values = true)]
        advance: Option<String>,
        #[arg(long)]
        scenario: String,
        #[arg(long, value_name = "FILE")]
        out: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List the certificates of a scenario.
    List {
        #[arg(long)]
        scenario: String,
        #[arg(long)]
        json: bool,
    },
    /// Show what Terraform's aws_acm_certificate_validation needs and waits for.
    Terraform {
        arn: String,
        #[arg(long)]
        scenario: String,
    },
}

/// Runs an `acm` command: the text to print, or a one-line error.
pub fn run(cmd: AcmCommand) -> Result<String, CliError> {
    match cmd {
        AcmCommand::Request {
            account,
            domain,
            sans,
            create_records,
            scenario,
            out,
            json,
        } => {
            let mut s = source::load(&scenario)?;
            let arn = acm_ops::request_certificate(&mut s, &account, &domain, &sans)?;
            let plans = if create_records {
                Some(acm_ops::create_records_in_route53(&mut s, &arn)?)
            } else {
                None
            };
            save(&s, out.as_deref())?;
            let cert = find(&s, &arn)?;
            Ok(if json {
                let mut v = acm::describe_json(cert);
                if let Some(plans) = &plans {
                    v["Route53Changes"] = Value::Array(plans.iter().map(plan_json).collect());
                }
                line(&v)
            } else {
                request_text(&s, cert, plans.as_deref())
            })
        }
        AcmCommand::Validate {
            arn,
            advance,
            scenario,
            out,
            json,
        } => {
            let seconds = match advance {
                Some(h) => hours(&h)?,
                None => 0,
            };
            let mut s = source::load(&scenario)?;
            find(&s, &arn)?;
            let checks: Vec<Check> = acm_ops::advance(&mut s, seconds)
                .into_iter()
                .filter(|c| c.arn == arn)
                .collect();
            save(&s, out.as_deref())?;
            let cert = find(&s, &arn)?;
            Ok(if json {
                validate_json(&s, cert, &checks)
            } else {
                validate_text(&s, cert, &checks)
            })
        }
        AcmCommand::List { scenario, json } => {
            let s = source::load(&scenario)?;
            Ok(if json {
                line(&Value::Array(
                    s.aws.certificates.iter().map(acm::describe_json).collect(),
                ))
            } else if s.aws.certificates.is_empty() {
                "no certificates in this scenario\n".into()
            } else {
                let mut t = String::new();
                for c in &s.aws.certificates {
                    let _ = writeln!(
                        t,
                        "{}  {:<20}  {}",
                        c.arn,
                        c.status.as_str(),
                        c.subject_alternative_names.join(", ")
                    );
                }
                t
            })
        }
        AcmCommand::Terraform { arn, scenario } => {
            let s = source::load(&scenario)?;
            let view = acm_ops::terraform_view(&s, &arn)?;
            Ok(view.text())
        }
    }
}

fn find<'a>(s: &'a Scenario, arn: &str) -> Result<&'a Certificate, CliError> {
    s.aws
        .certificates
        .iter()
        .find(|c| c.arn == arn)
        .ok_or_else(|| CliError::NoSuchCertificate {
            arn: arn.to_string(),
            known: s.aws.certificates.iter().map(|c| c.arn.clone()).collect(),
        })
}

/// `--advance HOURS` as seconds.
fn hours(text: &str) -> Result<u64, CliError> {
    match text.trim().parse::<f64>() {
        Ok(h) if (0.0..=24.0 * 365.0).contains(&h) => Ok((h * 3600.0).round() as u64),
        _ => Err(CliError::Hours(text.to_string())),
    }
}

fn save(s: &Scenario, out: Option<&str>) -> Result<(), CliError> {
    if let Some(path) = out {
        std::fs::write(path, s.to_json()).map_err(|error| CliError::Write {
            path: path.to_string(),
            error,
        })?;
    }
    Ok(())
}

fn line(v: &Value) -> String {
    let mut t = serde_json::to_string(v).expect("json");
    t.push('\n');
    t
}

fn account_label(s: &Scenario, account: &str) -> String {
    match s.aws.account(account) {
        Some(a) if !a.label.is_empty() => format!("{account} ({})", a.label),
        _ => account.to_string(),
    }
}

fn records_text(cert: &Certificate) -> String {
    let mut t = String::new();
    for (record, domains) in cert.records() {
        let statuses: Vec<String> = domains
            .iter()
            .map(|d| {
                let status = cert
                    .domain_validations
                    .iter()
                    .find(|v| v.domain_name == *d)
                    .map(|v| v.status.as_str())
                    .unwrap_or("?");
                format!("{d} ({status})")
            })
            .collect();
        let _ = writeln!(t, "  {}", statuses.join(", "));
        let _ = writeln!(t, "    Name:  {}", record.name);
        let _ = writeln!(t, "    Type:  CNAME");
        let _ = writeln!(t, "    Value: {}", record.value);
    }
    t
}

fn request_text(s: &Scenario, cert: &Certificate, plans: Option<&[acm::RecordPlan]>) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "Requested {} in account {} at {}",
        cert.arn,
        account_label(s, &cert.account),
        iso_time(cert.requested_at)
    );
    let _ = writeln!(t, "Status: {}", cert.status);
    let _ = writeln!(
        t,
        "\nValidation records (a wildcard shares the record of the name under it):"
    );
    t.push_str(&records_text(cert));
    match plans {
        Some(plans) => {
            let _ = writeln!(t, "\nCreate records in Route 53:");
            for p in plans {
                let _ = match &p.target {
                    Target::Zone {
                        zone_id,
                        zone_name,
                        present,
                        warning,
                    } => {
                        let done = if *present {
                            "already present in"
                        } else {
                            "created in"
                        };
                        let _ = writeln!(t, "  {}: {done} {zone_name} ({zone_id})", p.name);
                        match warning {
                            Some(w) => writeln!(t, "    warning: {w}"),
                            None => Ok(()),
                        }
                    }
                    Target::NoZone { reason } => {
                        writeln!(t, "  {}: not created: {reason}", p.name)
                    }
                };
            }
        }
        None => {
            let _ = writeln!(
                t,
                "\nAdd each CNAME to the zone that answers for its name (or request again with --create-records), then run: delegation-lab acm validate {} --scenario FILE",
                cert.arn
            );
        }
    }
    t
}

fn check_line(r: &acm::CheckRecord, requested_at: u64) -> String {
    let mut t = format!(
        "{}  {:<7} {} for {}: {} {}: {}",
        iso_time(r.at),
        elapsed_text(r.at - requested_at),
        r.question,
        r.domains.join(", "),
        r.rcode,
        r.result.as_str(),
        r.reason
    );
    if r.repeated > 0 {
        let _ = write!(
            t,
            " [the same at {} later check{}, until {} ({})]",
            r.repeated,
            if r.repeated == 1 { "" } else { "s" },
            iso_time(r.last_at()),
            elapsed_text(r.last_at() - requested_at)
        );
    }
    t
}

fn trace_of(s: &Scenario, r: &Resolution) -> String {
    let line = format!("+trace {} {}", r.question.rtype, r.question.name);
    dig_command::trace_text(&s.world, r, &line)
}

fn validate_text(s: &Scenario, cert: &Certificate, checks: &[Check]) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "Certificate {} ({}) in account {}",
        cert.arn,
        cert.subject_alternative_names.join(", "),
        account_label(s, &cert.account)
    );
    let _ = writeln!(
        t,
        "Clock: {} ({} since the request)",
        iso_time(s.clock),
        elapsed_text(s.clock.saturating_sub(cert.requested_at))
    );
    let _ = writeln!(t, "\nValidation records:");
    t.push_str(&records_text(cert));
    if checks.is_empty() {
        let _ = writeln!(
            t,
            "\nNo check was due{}.",
            match cert.next_check {
                Some(n) => format!(
                    "; the next is at {} ({})",
                    iso_time(n),
                    elapsed_text(n.saturating_sub(cert.requested_at))
                ),
                None => String::new(),
            }
        );
    }
    for c in checks {
        let _ = writeln!(
            t,
            "\n== Check: {}",
            check_line(&c.record, cert.requested_at)
        );
        for r in &c.lookups {
            let _ = writeln!(t, "{}", trace_of(s, r).trim_end());
        }
    }
    let _ = writeln!(t, "\nStatus history:");
    for e in &cert.history {
        let _ = match e {
            Event::Status {
                at,
                status,
                failure_reason,
                why,
            } => writeln!(
                t,
                "  {}  {:<7} {}{}: {why}",
                iso_time(*at),
                elapsed_text(at.saturating_sub(cert.requested_at)),
                status,
                failure_reason
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default()
            ),
            Event::Check(r) => writeln!(t, "  {}", check_line(r, cert.requested_at)),
        };
    }
    let _ = writeln!(
        t,
        "\nStatus: {}{}",
        cert.status,
        cert.failure_reason
            .map(|r| format!(" ({r})"))
            .unwrap_or_default()
    );
    if let Some(n) = cert.next_check {
        let what = if n >= acm::schedule::deadline(cert.requested_at) {
            "ACM gives up"
        } else {
            "next check"
        };
        let _ = writeln!(
            t,
            "{what} at {} ({})",
            iso_time(n),
            elapsed_text(n.saturating_sub(cert.requested_at))
        );
    }
    t
}

fn resolution_json(r: &Resolution) -> Value {
    json!({
        "question": r.question.to_string(),
        "outcome": r.outcome.kind.label(),
        "reason": r.outcome.reason,
        "steps": r.steps.iter().map(step_json).collect::<Vec<_>>(),
    })
}

fn validate_json(s: &Scenario, cert: &Certificate, checks: &[Check]) -> String {
    let checks: Vec<Value> = checks
        .iter()
        .map(|c| {
            let mut v = serde_json::to_value(&c.record).expect("json");
            v["lookups"] = Value::Array(c.lookups.iter().map(resolution_json).collect());
            v
        })
        .collect();
    let mut v = acm::describe_json(cert);
    v["Clock"] = json!(iso_time(s.clock));
    v["NextCheck"] = json!(cert.next_check.map(iso_time));
    v["Checks"] = Value::Array(checks);
    v["History"] = serde_json::to_value(&cert.history).expect("json");
    line(&v)
}

fn plan_json(p: &acm::RecordPlan) -> Value {
    let mut v = json!({
        "Name": p.name.to_string(),
        "Value": p.value.to_string(),
        "Domains": p.domains,
    });
    match &p.target {
        Target::Zone {
            zone_id,
            zone_name,
            present,
            warning,
        } => {
            v["HostedZoneId"] = json!(zone_id);
            v["HostedZoneName"] = json!(zone_name.to_string());
            v["Created"] = json!(!present);
            if let Some(w) = warning {
                v["Warning"] = json!(w);
            }
        }
        Target::NoZone { reason } => {
            v["Created"] = json!(false);
            v["Error"] = json!(reason);
        }
    }
    v
}
