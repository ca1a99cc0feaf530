//! Diagnostics: findings about a scenario and the fixes for them, and the article's failure
//! modes as challenges.
//!
//! [`diagnose`] runs every check in [`checks`] on a scenario and returns its [`Finding`]s,
//! errors first. Each finding has a stable [`Code`], a [`Severity`], the zones and record
//! sets involved, a short explanation, the evidence (dig commands run on the scenario, with
//! their text and resolution) and zero or more [`Fix`]es. A fix is a list of [`Edit`]s that
//! [`Fix::apply`] performs through the Route 53 rules as one change (all or nothing), so an
//! app can apply it as one undoable step. Every fix offered has been tried on a copy of the
//! scenario. A finding's [`Symptom`] is the resolution that fails because of it: it succeeds
//! once the problem is fixed, whichever way.
//!
//! # Layout
//!
//! - [`finding`]: the finding, its code, severity, evidence and involved zones.
//! - [`fix`]: edits and fixes, and applying them.
//! - [`symptom`]: a question and what a working resolution of it gives.
//! - [`context`]: what the checks share (which zones resolution reaches, the probed
//!   delegations, a resolver cache).
//! - [`delegation`]: every delegation probed server by server, each server's problem given
//!   to one cause.
//! - [`evidence`]: dig commands run on the scenario.
//! - [`kept`]: results kept between revisions, reused while what they read is the same.
//! - [`checks`]: one check per file.
//! - [`challenges`]: the article's quiz and failure modes as challenges to solve.

pub mod challenges;
pub mod checks;
pub mod context;
pub mod delegation;
pub mod diagnoser;
pub mod evidence;
pub mod finding;
pub mod fix;
pub mod kept;
pub mod symptom;

pub use diagnoser::{Diagnoser, Progress};
pub use finding::{Code, Evidence, Finding, Involved, RecordRef, Severity};
pub use fix::{Edit, Fix};
pub use symptom::{Expect, Symptom};

use crate::scenario::Scenario;
use context::Context;

/// Every finding about the scenario: errors first, then warnings, then notes; within a
/// severity by code, then by title.
pub fn diagnose(scenario: &Scenario) -> Vec<Finding> {
    let ctx = Context::new(scenario);
    let mut findings: Vec<Finding> = checks::CHECKS
        .iter()
        .flat_map(|(_, check, _)| check(&ctx))
        .collect();
    try_fixes(scenario, &mut findings);
    sort_findings(&mut findings);
    findings
}

/// Keeps only the fixes that apply cleanly under the Route 53 rules (each tried on a copy,
/// which shares every zone it does not change).
fn try_fixes(scenario: &Scenario, findings: &mut [Finding]) {
    for f in findings {
        try_fixes_of(scenario, f);
    }
}

fn try_fixes_of(scenario: &Scenario, f: &mut Finding) {
    f.fixes.retain(|fix| fix.edit().check(scenario).is_ok());
}

/// Errors first, then warnings, then notes; within a severity by code, then by title.
fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| (a.severity, a.code, &a.title).cmp(&(b.severity, b.code, &b.title)));
}

/// Whether any finding is an error (the command line's exit code 1).
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// How many findings of each severity: (errors, warnings, notes).
pub fn counts(findings: &[Finding]) -> (usize, usize, usize) {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
    )
}
