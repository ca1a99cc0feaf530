//! Where the user stands in a challenge (pure, tested natively): which one runs, the hints
//! shown, whether the diagnostics were revealed, the quiz's answer and the last verdict of
//! "Check my fix", asked of the engine. The app state holds it (`AppState::challenge`) and
//! changes it by [`ChallengeAction`]; starting one also loads its setup, in the reducer.

use crate::diagnose::challenges::{Challenge, get};

/// What the user does in a challenge (besides starting one: `Action::StartChallenge`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChallengeAction {
    /// Shows one more hint.
    Hint,
    /// Asks the engine whether the symptom resolves now (the verdict).
    Check,
    /// Submits the quiz's answer (a letter).
    Answer(char),
    /// Reveals the diagnostics, hidden while a challenge runs.
    ShowDiagnostics,
    /// Leaves the challenge.
    Leave,
}

/// Where the user stands in a challenge.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChallengeState {
    /// The running challenge's id.
    pub active: Option<&'static str>,
    /// How many hints are shown.
    pub hints: usize,
    /// Whether the user asked to see the diagnostics.
    pub diagnostics_shown: bool,
    /// The last check's verdict.
    pub verdict: Option<Verdict>,
    /// The quiz answer picked (a letter), once submitted.
    pub answer: Option<char>,
}

/// What "Check my fix" said.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    NotYet(String),
    Solved,
}

impl ChallengeState {
    pub fn started(id: &'static str) -> Self {
        Self {
            active: Some(id),
            ..Self::default()
        }
    }

    pub fn challenge(&self) -> Option<&'static Challenge> {
        get(self.active?)
    }

    pub fn with_diagnostics_shown(&self) -> Self {
        Self {
            diagnostics_shown: true,
            ..self.clone()
        }
    }
}

/// The verdict on the document for a challenge: solved, or why not yet.
pub fn verdict(c: &Challenge, doc: &crate::scenario::Scenario) -> Verdict {
    let p = c.check(doc);
    if p.solved() {
        return Verdict::Solved;
    }
    let q = &c.symptom().question;
    if !p.fixed {
        let o = &p.resolution.outcome;
        return Verdict::NotYet(format!(
            "{} {} still gives {}: {}",
            q.rtype,
            q.name,
            o.kind.label(),
            o.reason
        ));
    }
    let broken: Vec<String> = p
        .broken
        .iter()
        .map(|b| format!("{} {}", b.rtype, b.name))
        .collect();
    Verdict::NotYet(format!(
        "{} {} resolves now, but {} no longer does; keep what worked working.",
        q.rtype,
        q.name,
        broken.join(", ")
    ))
}

/// What the symptom should give, after its dig command.
pub fn symptom_expectation(c: &Challenge) -> String {
    match c.symptom.cname {
        Some(target) => format!(" should give the alias {target}, but does not."),
        None => {
            let rtype = c.symptom.rtype.to_string();
            // "an A", "an NS", "an MX" but "a CNAME", "a TXT": by how the letter is said.
            let article = if rtype
                .starts_with(['A', 'E', 'F', 'H', 'I', 'L', 'M', 'N', 'O', 'R', 'S', 'X'])
            {
                "an"
            } else {
                "a"
            };
            format!(" should give {article} {rtype} record, but does not.")
        }
    }
}

/// The symptom as a dig command for the resolve panel.
pub fn symptom_query(c: &Challenge) -> String {
    let s = c.symptom();
    format!("dig +trace {} {}", s.question.name, s.question.rtype)
}

impl ChallengeState {
    /// The state after `action`, with `doc` the document open now (for the verdict).
    pub fn after(&self, action: ChallengeAction, doc: &crate::scenario::Scenario) -> Self {
        let Some(c) = self.challenge() else {
            return self.clone();
        };
        match action {
            ChallengeAction::Hint => Self {
                hints: (self.hints + 1).min(c.hints.len()),
                ..self.clone()
            },
            ChallengeAction::Check => Self {
                verdict: Some(verdict(c, doc)),
                ..self.clone()
            },
            ChallengeAction::Answer(letter) => Self {
                answer: Some(letter),
                ..self.clone()
            },
            ChallengeAction::ShowDiagnostics => self.with_diagnostics_shown(),
            ChallengeAction::Leave => Self::default(),
        }
    }

    /// Whether the diagnostics panel is hidden (while a challenge runs, until revealed).
    pub fn hides_diagnostics(&self) -> bool {
        self.active.is_some() && !self.diagnostics_shown
    }

    /// Whether the quiz was answered, and rightly.
    pub fn quiz_answered_right(&self) -> bool {
        self.challenge()
            .and_then(|c| c.quiz.as_ref().zip(self.answer))
            .and_then(|(quiz, letter)| quiz.choice(letter))
            .is_some_and(|choice| choice.correct)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_stop_at_the_last_and_leaving_forgets_everything() {
        let c = get("wrong-ns").unwrap();
        let doc = c.start();
        let mut s = ChallengeState::started(c.id);
        assert!(s.hides_diagnostics());
        for _ in 0..c.hints.len() + 2 {
            s = s.after(ChallengeAction::Hint, &doc);
        }
        assert_eq!(s.hints, c.hints.len());
        s = s.after(ChallengeAction::ShowDiagnostics, &doc);
        assert!(!s.hides_diagnostics());
        s = s.after(ChallengeAction::Check, &doc);
        assert!(matches!(s.verdict, Some(Verdict::NotYet(_))));
        assert_eq!(
            s.after(ChallengeAction::Leave, &doc),
            ChallengeState::default()
        );
        // Nothing runs: nothing changes.
        let idle = ChallengeState::default();
        assert_eq!(idle.after(ChallengeAction::Hint, &doc), idle);
    }

    #[test]
    fn the_quiz_counts_only_its_right_answer() {
        let quiz = crate::diagnose::challenges::CHALLENGES
            .iter()
            .find(|c| c.quiz.is_some())
            .expect("the article's quiz is a challenge");
        let doc = quiz.start();
        let right = quiz.quiz.as_ref().unwrap().correct().letter;
        let wrong = quiz
            .quiz
            .as_ref()
            .unwrap()
            .choices
            .iter()
            .find(|c| !c.correct)
            .unwrap()
            .letter;
        let s = ChallengeState::started(quiz.id);
        assert!(!s.quiz_answered_right());
        assert!(
            !s.after(ChallengeAction::Answer(wrong), &doc)
                .quiz_answered_right()
        );
        assert!(
            s.after(ChallengeAction::Answer(right), &doc)
                .quiz_answered_right()
        );
    }
}
