//! `delegation-lab check --scenario SOURCE [--json]`: the findings about a scenario, as text
//! for people or JSON for scripts. Exit code 1 when any finding is an error, so a team can
//! run it in CI on a planned setup; 0 otherwise.

use delegation_lab_engine::diagnose::{self, Finding, Severity};
use delegation_lab_engine::scenario::{Scenario, source};

use super::error::CliError;

/// Width the explanations are wrapped to.
const WIDTH: usize = 100;

/// Loads SOURCE and diagnoses it: (text to print, exit code), or a one-line error.
pub fn run(source: &str, json: bool) -> Result<(String, i32), CliError> {
    let scenario = source::load(source)?;
    let findings = diagnose::diagnose(&scenario);
    let code = i32::from(diagnose::has_errors(&findings));
    let text = if json {
        let mut t = serde_json::to_string_pretty(&findings).expect("findings serialise");
        t.push('\n');
        t
    } else {
        render(&scenario, &findings)
    };
    Ok((text, code))
}

/// The findings as text: each with its code, severity, explanation, what it involves, its
/// evidence (the dig commands and their outcome) and its fixes; then a count.
pub fn render(scenario: &Scenario, findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        out.push_str(&format!(
            "{:<8}{}  {}\n",
            f.severity.as_str(),
            f.code,
            f.title
        ));
        for line in wrap(&f.explanation, WIDTH - 4) {
            out.push_str(&format!("    {line}\n"));
        }
        if !f.involved.is_empty() {
            let items: Vec<String> = f
                .involved
                .iter()
                .map(|i| {
                    let zone = match &i.account {
                        Some(a) => format!("{} ({}, account {a})", i.zone, i.zone_id),
                        None => format!("{}", i.zone),
                    };
                    match &i.record {
                        Some(r) => format!("{} {} in {zone}", r.name, r.rtype),
                        None => zone,
                    }
                })
                .collect();
            out.push_str(&format!("    involves: {}\n", items.join("; ")));
        }
        for e in &f.evidence {
            out.push_str(&format!("    $ {}\n", e.command));
            out.push_str(&format!("      {}\n", e.summary));
        }
        for (i, fix) in f.fixes.iter().enumerate() {
            out.push_str(&format!("    fix {}: {}\n", i + 1, fix.title));
            for edit in fix.describe(scenario) {
                out.push_str(&format!("      {edit}\n"));
            }
        }
        out.push('\n');
    }
    let (e, w, n) = diagnose::counts(findings);
    let plural = |k: usize, what: &str| {
        if k == 1 {
            format!("1 {what}")
        } else {
            format!("{k} {what}s")
        }
    };
    if findings.is_empty() {
        out.push_str("no findings\n");
    } else {
        out.push_str(&format!(
            "{}, {}, {}\n",
            plural(e, Severity::Error.as_str()),
            plural(w, Severity::Warning.as_str()),
            plural(n, Severity::Note.as_str())
        ));
    }
    out
}

/// Greedy word wrap.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
