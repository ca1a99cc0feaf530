//! Challenges: the article's quiz and failure modes as puzzles. Each starts from a broken
//! scenario with a symptom (a resolution the user sees fail), offers up to three hints from
//! gentle to explicit, and ends with an explanation. A challenge is solved when the engine
//! resolves the symptom successfully and every name that worked at the start still works:
//! any repair counts, not only the one the hints describe.
//!
//! - [`catalog`]: the challenges, their texts and the quiz.
//! - [`setups`]: the broken starting scenarios, built through Route 53 as the presets are.

pub mod catalog;
pub mod setups;

use hickory_proto::rr::RecordType;

use super::symptom::{Expect, Symptom};
use crate::dns::answer::Question;
use crate::dns::name::n;
use crate::dns::resolve::Resolution;
use crate::scenario::Scenario;

pub use catalog::{CHALLENGES, get};

/// One answer of a multiple-choice question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub letter: char,
    pub text: &'static str,
    pub correct: bool,
    /// Why this answer is right or wrong.
    pub feedback: &'static str,
}

/// A multiple-choice question, shown with the challenge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quiz {
    /// The situation, as the article tells it.
    pub setting: &'static str,
    pub question: &'static str,
    pub choices: [Choice; 4],
    /// The article's hint.
    pub hint: &'static str,
    /// Where the article's telling does not hold, said before the question: what the user
    /// reads in `setting` and must not take as given.
    pub caveat: &'static str,
}

impl Quiz {
    /// The right answer.
    pub fn correct(&self) -> &Choice {
        self.choices
            .iter()
            .find(|c| c.correct)
            .expect("a quiz has a correct answer")
    }

    /// The choice with this letter (`A`–`D`, either case).
    pub fn choice(&self, letter: char) -> Option<&Choice> {
        let letter = letter.to_ascii_uppercase();
        self.choices.iter().find(|c| c.letter == letter)
    }
}

/// The question whose resolution fails at the start, as static text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SymptomSpec {
    pub name: &'static str,
    pub rtype: RecordType,
    /// For a CNAME question: the target it must give (what ACM looks for).
    pub cname: Option<&'static str>,
}

/// One challenge.
#[derive(Debug, Clone, Copy)]
pub struct Challenge {
    pub id: &'static str,
    pub title: &'static str,
    /// The situation the user is dropped into.
    pub story: &'static str,
    pub symptom: SymptomSpec,
    /// Questions that resolve at the start and must still resolve when solved (a repair that
    /// breaks them is not a solution).
    pub keep_working: &'static [(&'static str, RecordType)],
    /// Up to three hints, from a nudge to the answer.
    pub hints: &'static [&'static str],
    /// Shown once solved: what was wrong and why the repair works.
    pub explanation: &'static str,
    pub quiz: Option<Quiz>,
    build: fn() -> Scenario,
}

/// Where a scenario stands against a challenge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// The symptom's resolution now.
    pub resolution: Resolution,
    /// Whether it gives what it must.
    pub fixed: bool,
    /// Questions that worked at the start and fail now.
    pub broken: Vec<Question>,
}

impl Progress {
    pub fn solved(&self) -> bool {
        self.fixed && self.broken.is_empty()
    }
}

impl Challenge {
    /// The broken scenario the challenge starts from.
    pub fn start(&self) -> Scenario {
        let mut s = (self.build)();
        s.title = format!("Challenge: {}", self.title);
        s.description = self.story.to_string();
        s
    }

    /// The symptom as the engine checks it.
    pub fn symptom(&self) -> Symptom {
        let spec = self.symptom;
        match spec.cname {
            Some(target) => Symptom::cname(n(spec.name), n(target)),
            None => Symptom {
                question: Question::new(n(spec.name), spec.rtype),
                expect: Expect::Answer,
            },
        }
    }

    /// Where `scenario` stands: the symptom resolved again, and anything broken on the way.
    pub fn check(&self, scenario: &Scenario) -> Progress {
        let symptom = self.symptom();
        let resolution = symptom.resolve(&scenario.world, scenario.clock);
        let fixed = symptom.satisfied_by(&resolution);
        let broken = self
            .keep_working
            .iter()
            .map(|(name, rtype)| Symptom::answer(n(name), *rtype))
            .filter(|s| !s.holds(&scenario.world, scenario.clock))
            .map(|s| s.question)
            .collect();
        Progress {
            resolution,
            fixed,
            broken,
        }
    }

    /// Whether `scenario` solves the challenge.
    pub fn is_solved(&self, scenario: &Scenario) -> bool {
        self.check(scenario).solved()
    }
}
