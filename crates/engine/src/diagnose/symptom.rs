//! A symptom: a question whose resolution fails because of a problem, and what a working
//! resolution must give. Findings and challenges both decide "fixed" by resolving it again
//! with the engine (an iterative resolution from the root, empty cache), never by comparing
//! the scenario with one expected answer.

use hickory_proto::rr::{Name, RData, RecordType};
use serde::{Deserialize, Serialize};

use crate::dns::answer::Question;
use crate::dns::name::n;
use crate::dns::resolve::{self, OutcomeKind, Resolution};
use crate::dns::world::World;

/// What a working resolution of the symptom's question gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "expect", content = "value", rename_all = "snake_case")]
pub enum Expect {
    /// NOERROR with at least one record of the asked type (after any CNAMEs).
    Answer,
    /// The name is an alias for exactly this target (what ACM looks for).
    Cname(Name),
    /// Any conclusive answer: NOERROR, NODATA or NXDOMAIN, but not SERVFAIL.
    Conclusive,
}

/// A question and what it must give once the problem is fixed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Symptom {
    pub question: Question,
    #[serde(flatten)]
    pub expect: Expect,
}

impl Symptom {
    pub fn answer(name: Name, rtype: RecordType) -> Self {
        Self {
            question: Question::new(name, rtype),
            expect: Expect::Answer,
        }
    }

    /// A CNAME question that must give `target` (the validation record ACM asks for).
    pub fn cname(name: Name, target: Name) -> Self {
        Self {
            question: Question::new(name, RecordType::CNAME),
            expect: Expect::Cname(target),
        }
    }

    /// From text, for static tables: `Symptom::parse("www.api.example.com", A)`.
    pub fn parse(name: &str, rtype: RecordType) -> Self {
        Self::answer(n(name), rtype)
    }

    /// Resolves the question from the root with an empty cache.
    pub fn resolve(&self, world: &World, now: u64) -> Resolution {
        resolve::trace(world, &self.question, now)
    }

    /// Whether a resolution gives what the symptom expects.
    pub fn satisfied_by(&self, r: &Resolution) -> bool {
        let o = &r.outcome;
        match &self.expect {
            Expect::Answer => {
                o.kind == OutcomeKind::Answer
                    && o.answer
                        .iter()
                        .any(|rec| rec.record_type() == self.question.rtype)
            }
            Expect::Cname(target) => {
                o.kind == OutcomeKind::Answer
                    && o.answer.iter().any(|rec| {
                        rec.name == self.question.name
                            && matches!(&rec.data, RData::CNAME(c) if c.0 == *target)
                    })
            }
            Expect::Conclusive => matches!(
                o.kind,
                OutcomeKind::Answer | OutcomeKind::NoData | OutcomeKind::NxDomain
            ),
        }
    }

    /// Whether the world now gives what the symptom expects.
    pub fn holds(&self, world: &World, now: u64) -> bool {
        self.satisfied_by(&self.resolve(world, now))
    }

    /// The dig command a user runs to see it (the public resolver, empty cache).
    pub fn dig_command(&self) -> String {
        format!("dig {} {}", self.question.rtype, self.question.name)
    }
}
