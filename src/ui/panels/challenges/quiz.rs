//! [`QuizForm`]: the article's quiz inside its challenge: the setting, the caveat, the
//! choices, the article's hint, and once answered the feedback, with what a real resolver
//! says (NODATA, where the article says NXDOMAIN).

use yew::prelude::*;

use super::model::ChallengeAction;
use crate::diagnose::challenges::Quiz;
use crate::ui::hooks::use_app;

#[derive(Properties, PartialEq)]
pub struct QuizProps {
    pub quiz: &'static Quiz,
}

#[function_component]
pub fn QuizForm(props: &QuizProps) -> Html {
    let app = use_app();
    let quiz = props.quiz;
    let picked = use_state(|| None::<char>);
    let on_submit = {
        let (app, picked) = (app.clone(), picked.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(letter) = *picked {
                app.challenge(ChallengeAction::Answer(letter));
            }
        })
    };
    let answered = app.challenge.answer.and_then(|l| quiz.choice(l));
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
                                checked={*picked == Some(letter)} onchange={onchange} />
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
