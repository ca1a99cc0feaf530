//! A diagnosis kept between revisions of a scenario and run in slices: [`Diagnoser::start`]
//! takes a revision (a cheap copy: zones are shared), [`Diagnoser::step`] does a bounded
//! amount of work and says how far it is, so an app can run it between frames and show
//! progress, and [`Diagnoser::run`] does it all at once. The findings are exactly those of
//! [`super::diagnose`].
//!
//! The core never reads the clock: a unit of work is one check, or one fix tried; the caller
//! decides how many units fit in its time slice.

use super::context::Context;
use super::finding::Finding;
use super::{checks, sort_findings, try_fixes};
use crate::scenario::Scenario;

/// How far a diagnosis has gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    pub fn finished(&self) -> bool {
        self.done >= self.total
    }
}

/// A diagnosis in progress, or finished, of one revision.
#[derive(Default)]
pub struct Diagnoser {
    /// The revision being diagnosed (or diagnosed last).
    scenario: Option<Scenario>,
    /// Findings of the checks run so far.
    found: Vec<Finding>,
    /// The next check to run.
    next_check: usize,
    /// The finished findings of `scenario`.
    done: Option<Vec<Finding>>,
}

impl Diagnoser {
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts diagnosing `scenario`, unless it is the revision diagnosed already.
    pub fn start(&mut self, scenario: &Scenario) {
        if self.scenario.as_ref() == Some(scenario) {
            return;
        }
        self.scenario = Some(scenario.clone());
        self.found.clear();
        self.next_check = 0;
        self.done = None;
    }

    /// How much work a whole diagnosis is, in units.
    pub fn progress(&self) -> Progress {
        let total = checks::CHECKS.len() + 1;
        Progress {
            done: if self.done.is_some() {
                total
            } else {
                self.next_check
            },
            total,
        }
    }

    /// Runs up to `units` units of work; returns the progress.
    pub fn step(&mut self, units: usize) -> Progress {
        let Some(scenario) = &self.scenario else {
            return self.progress();
        };
        if self.done.is_some() {
            return self.progress();
        }
        let ctx = Context::new(scenario);
        let mut left = units.max(1);
        while left > 0 && self.next_check < checks::CHECKS.len() {
            let (_, check) = checks::CHECKS[self.next_check];
            self.found.extend(check(&ctx));
            self.next_check += 1;
            left -= 1;
        }
        if left > 0 && self.next_check == checks::CHECKS.len() {
            let mut findings = std::mem::take(&mut self.found);
            try_fixes(scenario, &mut findings);
            sort_findings(&mut findings);
            self.done = Some(findings);
        }
        self.progress()
    }

    /// The findings of the last revision diagnosed to the end.
    pub fn findings(&self) -> Option<&[Finding]> {
        self.done.as_deref()
    }

    /// Diagnoses `scenario` to the end and returns its findings.
    pub fn run(&mut self, scenario: &Scenario) -> &[Finding] {
        self.start(scenario);
        while !self.step(usize::MAX).finished() {}
        self.done.as_deref().unwrap_or_default()
    }
}
