//! How the walkthrough ticks itself: from what changed between two app states. The steps
//! the document shows are judged on every document change while the checklist is open; a
//! resolution asked (the form, a link, the console, a "show" button) is judged as a dig
//! check; the quiz counts once answered rightly. The reducer calls [`follow`] after every
//! action, so no component has to report anything. The break-it steps are the diagnosis's to
//! judge, loaded on demand: the card's `use_walkthrough_diagnosis` runs it on the document
//! while [`Progress::awaits_diagnosis`], and hands the reducer what it saw
//! ([`WalkthroughAction::Diagnosed`], for the revision it was run on).

use super::model::{Breakages, Progress};
use crate::ui::state::AppState;

/// Starting the walkthrough, or showing and hiding its checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalkthroughAction {
    /// Loads the starting scenario (one undo step) and opens the checklist, afresh.
    Start,
    /// Shows (`true`) or hides the checklist; either answers the first-visit offer.
    Show(bool),
    /// What the diagnosis of the document at `revision` saw of the break-it steps (ignored
    /// when the document has changed since: its own diagnosis follows).
    Diagnosed { revision: u64, found: Breakages },
}

/// The progress after the change from `before` to `after`, when it changed.
pub fn follow(before: &AppState, after: &AppState) -> Option<Progress> {
    let mut p = after.walkthrough.clone();
    let mut changed = false;
    let started = |p: &Progress| p.offered && p.open;
    if started(&p) && (after.revision != before.revision || !started(&before.walkthrough)) {
        changed |= p.observe(&after.doc);
    }
    let serial = |s: &AppState| s.asked.as_ref().map(|a| a.serial);
    if p.offered
        && serial(after) != serial(before)
        && let Some(asked) = &after.asked
    {
        changed |= p.ran(&asked.resolution, &after.doc);
    }
    if p.offered && after.challenge.quiz_answered_right() && !before.challenge.quiz_answered_right()
    {
        changed |= p.answered(true);
    }
    changed.then_some(p)
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use hickory_proto::rr::RecordType;
    use yew::Reducible;

    use super::*;
    use crate::dns::answer::Question;
    use crate::dns::n;
    use crate::scenario::edit::Edit;
    use crate::scenario::presets::ACCOUNT_B;
    use crate::ui::panels::challenges::ChallengeAction;
    use crate::ui::resolve::Resolver;
    use crate::ui::state::Action;
    use crate::ui::walkthrough::{ItemId, start_scenario};

    fn trace(name: &str) -> Action {
        Action::Ask {
            question: Question::new(n(name), RecordType::NS),
            resolver: Resolver::Trace,
            step: None,
            autoplay: false,
        }
    }

    #[test]
    fn nothing_ticks_before_the_walkthrough_is_started() {
        let s0 = Rc::new(AppState::new(crate::ui::doc::default_doc(), None));
        let s1 = s0.clone().reduce(trace("api.example.com"));
        assert!(s1.asked.is_some());
        assert_eq!(s1.walkthrough, Progress::first_visit());
    }

    #[test]
    fn the_walkthrough_ticks_from_edits_questions_and_the_quiz() {
        let s0 = Rc::new(AppState::new(crate::ui::doc::default_doc(), None));
        let s1 = s0
            .clone()
            .reduce(Action::Walkthrough(WalkthroughAction::Start));
        assert_eq!(*s1.doc, start_scenario());
        assert_eq!(s1.history.undo_label(), Some("start the walkthrough"));
        assert!(s1.walkthrough.offered && s1.walkthrough.open);
        assert!(s1.walkthrough.done.is_empty());

        // The child zone, created in account B: ticked from the document.
        let s2 = s1.reduce(Action::Edit(Edit::CreateHostedZone {
            account: ACCOUNT_B.into(),
            name: "api.example.com".into(),
            caller_reference: "walk".into(),
        }));
        assert_eq!(s2.error, None);
        assert!(s2.walkthrough.is_done(ItemId::ChildZone));

        // A dig check asked before the delegation: not ticked, and why not.
        let s3 = s2.reduce(trace("api.example.com"));
        assert!(!s3.walkthrough.why_not.is_empty(), "{:?}", s3.walkthrough);
        assert!(s3.walkthrough.checks.is_empty());

        // The quiz, answered rightly in its challenge.
        let quiz = crate::diagnose::challenges::CHALLENGES
            .iter()
            .find(|c| c.quiz.is_some())
            .unwrap();
        let right = quiz.quiz.as_ref().unwrap().correct().letter;
        let s4 = s3.reduce(Action::StartChallenge(quiz.id));
        assert_eq!(s4.challenge.active, Some(quiz.id));
        assert!(!s4.walkthrough.is_done(ItemId::Quiz));
        let s5 = s4.reduce(Action::Challenge(ChallengeAction::Answer(right)));
        assert!(s5.walkthrough.is_done(ItemId::Quiz));

        // Hidden, it keeps what was done.
        let hidden = s5.reduce(Action::Walkthrough(WalkthroughAction::Show(false)));
        assert!(!hidden.walkthrough.open);
        assert!(hidden.walkthrough.is_done(ItemId::Quiz));
    }

    #[test]
    fn the_break_it_steps_tick_from_the_diagnosis_of_the_revision_shown() {
        use crate::ui::walkthrough::model::breakages;
        let wrong = crate::scenario::presets::build("wrong-ns").unwrap();
        let built = Progress {
            done: [ItemId::ChildZone, ItemId::Delegate].into(),
            ..Progress::started()
        };
        let s0 = Rc::new(AppState {
            walkthrough: built.clone(),
            ..AppState::new(wrong, None)
        });
        assert!(s0.walkthrough.awaits_diagnosis());
        let found = breakages(&s0.doc);
        let diagnosed =
            |revision| Action::Walkthrough(WalkthroughAction::Diagnosed { revision, found });
        // A diagnosis of another revision (the document changed since) is ignored.
        let stale = s0.clone().reduce(diagnosed(s0.revision + 1));
        assert!(Rc::ptr_eq(&stale, &s0));
        // The revision shown: the mismatch ticks, nothing else.
        let s1 = s0.clone().reduce(diagnosed(s0.revision));
        assert!(s1.walkthrough.is_done(ItemId::WrongNs));
        assert!(!s1.walkthrough.is_done(ItemId::Recreated));
        assert_eq!(s1.revision, s0.revision);
        // Before the delegation was built, the same diagnosis ticks nothing.
        let early = Rc::new(AppState {
            walkthrough: Progress::started(),
            ..(*s0).clone()
        });
        let same = early.clone().reduce(diagnosed(early.revision));
        assert!(!same.walkthrough.is_done(ItemId::WrongNs));
    }

    #[test]
    fn a_challenge_starts_as_one_undo_step() {
        let c = crate::diagnose::challenges::get("wrong-ns").unwrap();
        let s0 = Rc::new(AppState::new(crate::ui::doc::default_doc(), None));
        let s1 = s0.clone().reduce(Action::StartChallenge(c.id));
        assert_eq!(*s1.doc, c.start());
        assert_eq!(
            s1.history.undo_label(),
            Some(format!("start challenge “{}”", c.title).as_str())
        );
        let s2 = s1.reduce(Action::Undo);
        assert_eq!(*s2.doc, *s0.doc);
        // The card stays, and says another document is open.
        assert_eq!(s2.challenge.active, Some(c.id));
        assert_eq!(
            s0.reduce(Action::StartChallenge("no-such-challenge"))
                .challenge
                .active,
            None
        );
    }
}
