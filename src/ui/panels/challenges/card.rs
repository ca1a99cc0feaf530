//! [`ChallengeCard`]: the running challenge: its story, the symptom (with a button that
//! shows its resolution), the quiz when it has one, up to three hints one at a time, and
//! "Check my fix", which asks the engine whether the symptom now resolves. When another
//! document was loaded meanwhile, it says so and offers to restart.

use yew::prelude::*;

use super::model::{ChallengeAction, Verdict, symptom_expectation, symptom_query};
use super::quiz::QuizForm;
use crate::ui::hooks::use_app;

#[function_component]
pub fn ChallengeCard() -> Html {
    let app = use_app();
    let state = &app.challenge;
    let Some(c) = state.challenge() else {
        return html! {};
    };
    let symptom = symptom_query(c);
    let on_show_symptom = {
        let app = app.clone();
        let question = c.symptom().question.clone();
        Callback::from(move |_: MouseEvent| app.show_trace(question.clone()))
    };
    let on_restart = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.start_challenge(c.id))
    };
    // Another document was loaded (a preset, an import, undo past the start).
    let elsewhere = app.doc.title != format!("Challenge: {}", c.title);
    let does = |action: ChallengeAction| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.challenge(action))
    };
    let (on_hint, on_check, on_leave) = (
        does(ChallengeAction::Hint),
        does(ChallengeAction::Check),
        does(ChallengeAction::Leave),
    );
    let hints_left = c.hints.len().saturating_sub(state.hints);
    let solved = matches!(state.verdict, Some(Verdict::Solved));
    html! {
        <section class="panel panel-challenge" id="challenge" aria-labelledby="challenge-heading">
            <div class="panel-bar">
                <div>
                    <p class="eyebrow">{ "Challenge" }</p>
                    <h2 id="challenge-heading">{ c.title }</h2>
                </div>
                <button type="button" class="btn btn-ghost" id="leave-challenge" onclick={on_leave}>{ "Leave the challenge" }</button>
            </div>
            <div class="challenge-body">
                <p class="challenge-story">{ c.story }</p>
                if elsewhere {
                    <div class="challenge-elsewhere" role="status">
                        <p>{ "The document open now is not this challenge's setup: you loaded something else." }</p>
                        <button type="button" class="btn btn-secondary" id="restart-challenge" onclick={on_restart}>{ "Restart the challenge" }</button>
                    </div>
                }
                <div class="challenge-symptom">
                    <p><span class="challenge-label">{ "Symptom: " }</span>
                        <code>{ c.symptom().dig_command() }</code>{ symptom_expectation(c) }</p>
                    <button type="button" class="btn btn-secondary" id="show-symptom" onclick={on_show_symptom}
                        aria-label={format!("Show the symptom: {}", symptom.trim_start_matches("dig "))}>
                        { "Show the symptom" }
                    </button>
                </div>
                if let Some(quiz) = &c.quiz {
                    <QuizForm quiz={quiz} />
                }
                if state.hints > 0 {
                    <ol class="challenge-hints" aria-label="Hints">
                        { for c.hints.iter().take(state.hints).map(|h| html! { <li>{ *h }</li> }) }
                    </ol>
                }
                <div class="challenge-actions">
                    <button type="button" class="btn btn-primary" id="check-fix" onclick={on_check}>{ "Check my fix" }</button>
                    <button type="button" class="btn btn-secondary" id="hint" onclick={on_hint} disabled={hints_left == 0}>
                        { if state.hints == 0 { "Show a hint".to_string() } else if hints_left == 0 { "No more hints".to_string() } else { format!("Another hint ({hints_left} left)") } }
                    </button>
                </div>
                <div class="challenge-verdict-slot" aria-live="polite">
                    { match &state.verdict {
                        Some(Verdict::NotYet(why)) => html! {
                            <p class="challenge-verdict not-yet" id="challenge-verdict"><strong>{ "Not yet: " }</strong>{ why.clone() }</p>
                        },
                        Some(Verdict::Solved) => html! {
                            <div class="challenge-verdict solved" id="challenge-verdict">
                                <p><strong>{ "Solved!" }</strong>{ " The symptom resolves now." }</p>
                                <p>{ c.explanation }</p>
                            </div>
                        },
                        None => html! {},
                    } }
                </div>
                if solved {
                    <p class="sr-only">{ "Challenge solved." }</p>
                }
            </div>
        </section>
    }
}
