//! Challenges in the app: the picker (in the header) that starts one by loading its broken
//! scenario as one undoable step, and the challenge card: the story, the symptom (with a
//! button that shows its resolution), up to three hints one at a time, the quiz's question
//! when there is one, and "Check my fix", which asks the engine whether the symptom now
//! resolves. Progress (which challenge, hints shown, the verdict, whether diagnostics are
//! shown) is a small state the App owns and shares by context as [`ChallengeHandle`].

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::ui::hooks::use_app;

use crate::diagnose::challenges::{CHALLENGES, Challenge, get};
use crate::ui::state::Action;

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

/// The challenge state the App shares.
pub type ChallengeHandle = UseStateHandle<ChallengeState>;

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
fn symptom_expectation(c: &Challenge) -> String {
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

#[function_component]
pub fn ChallengePicker() -> Html {
    let app = use_app();
    let challenge = use_context::<ChallengeHandle>().expect("the app provides the challenge");
    let chosen = use_state(|| 0usize);
    let on_change = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(i) = select.value().parse::<usize>() {
                chosen.set(i);
            }
        })
    };
    let on_start = {
        let (app, challenge, chosen) = (app.clone(), challenge.clone(), chosen.clone());
        Callback::from(move |_: MouseEvent| {
            let c = &CHALLENGES[*chosen];
            app.dispatch(Action::Replace {
                label: format!("start challenge “{}”", c.title),
                doc: c.start(),
            });
            challenge.set(ChallengeState::started(c.id));
        })
    };
    let title = CHALLENGES[*chosen].title;
    html! {
        <div class="challenge-picker">
            <label class="sr-only" for="challenge-select">{ "Challenge" }</label>
            <select id="challenge-select" class="preset-select" onchange={on_change}>
                { for CHALLENGES.iter().enumerate().map(|(i, c)| html! {
                    <option value={i.to_string()} selected={i == *chosen}>{ c.title }</option>
                }) }
            </select>
            <button type="button" class="btn btn-primary" id="start-challenge" onclick={on_start}
                aria-label={format!("Start challenge: {title}")}>{ "Start challenge" }</button>
        </div>
    }
}

#[function_component]
pub fn ChallengeCard() -> Html {
    let app = use_app();
    let state = use_context::<ChallengeHandle>().expect("the app provides the challenge");
    let picked = use_state(|| None::<char>);
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
        let (app, state) = (app.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::Replace {
                label: format!("start challenge “{}”", c.title),
                doc: c.start(),
            });
            state.set(ChallengeState::started(c.id));
        })
    };
    // Another document was loaded (a preset, an import, undo past the start).
    let elsewhere = app.doc.title != format!("Challenge: {}", c.title);
    let on_hint = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.set(ChallengeState {
                hints: state.hints + 1,
                ..(*state).clone()
            })
        })
    };
    let on_check = {
        let (state, app) = (state.clone(), app.clone());
        Callback::from(move |_: MouseEvent| {
            state.set(ChallengeState {
                verdict: Some(verdict(c, &app.doc)),
                ..(*state).clone()
            })
        })
    };
    let on_leave = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.set(ChallengeState::default()))
    };
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
                if let Some(quiz) = c.quiz {
                    { quiz_view(&quiz, &state, &picked) }
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

fn quiz_view(
    quiz: &crate::diagnose::challenges::Quiz,
    state: &ChallengeHandle,
    picked: &UseStateHandle<Option<char>>,
) -> Html {
    let on_submit = {
        let (state, picked) = (state.clone(), picked.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(letter) = *picked {
                state.set(ChallengeState {
                    answer: Some(letter),
                    ..(*state).clone()
                });
            }
        })
    };
    let answered = state.answer.and_then(|l| quiz.choice(l));
    html! {
        <form class="quiz" onsubmit={on_submit}>
            <fieldset>
                <legend>{ quiz.question }</legend>
                <blockquote class="quiz-setting"><p>{ quiz.setting }</p></blockquote>
                <p class="quiz-caveat" id="quiz-caveat"><strong>{ "Read with care: " }</strong>{ quiz.caveat }</p>
                { for quiz.choices.iter().map(|choice| {
                    let picked_now = picked.clone();
                    let letter = choice.letter;
                    let onchange = Callback::from(move |_: Event| picked_now.set(Some(letter)));
                    let id = format!("quiz-{letter}");
                    html! {
                        <div class={classes!("quiz-choice", answered.filter(|_| choice.correct).map(|_| "correct"))}>
                            <input type="radio" name="quiz" id={id.clone()} value={letter.to_string()}
                                checked={**picked == Some(letter)} onchange={onchange} />
                            <label for={id}><strong>{ format!("{letter}. ") }</strong>{ choice.text }</label>
                        </div>
                    }
                }) }
                <details class="quiz-hint">
                    <summary>{ "The article's hint" }</summary>
                    <p>{ quiz.hint }</p>
                </details>
                <button type="submit" class="btn btn-primary" id="quiz-answer" disabled={picked.is_none()}>{ "Answer" }</button>
            </fieldset>
            if let Some(choice) = answered {
                <div class={classes!("quiz-feedback", if choice.correct { "right" } else { "wrong" })} id="quiz-feedback" role="status">
                    <p>{ choice.feedback }</p>
                    if !choice.correct {
                        <p>{ format!("The answer is {}: {}", quiz.correct().letter, quiz.correct().feedback) }</p>
                    }
                    <p>{ "What a resolver really says: real servers give NODATA, not NXDOMAIN as the article puts it, for the apex api.example.com: NOERROR with an empty answer, because the name exists in the child zone (it holds the SOA and NS records). NXDOMAIN would mean the name does not exist at all. Now fix it: make api.example.com resolve, then check your fix." }</p>
                </div>
            }
        </form>
    }
}
