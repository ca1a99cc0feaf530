//! [`ChallengePicker`] (in the header): choose one of the article's failure modes and start
//! it, which loads its broken setup as one undoable step.

use yew::prelude::*;

use crate::ui::platform::events::value_of;

use crate::diagnose::challenges::CHALLENGES;
use crate::ui::hooks::use_app;

#[function_component]
pub fn ChallengePicker() -> Html {
    let app = use_app();
    let chosen = use_state(|| 0usize);
    let on_change = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            if let Ok(i) = value_of(&e).parse::<usize>() {
                chosen.set(i);
            }
        })
    };
    let on_start = {
        let (app, chosen) = (app.clone(), chosen.clone());
        Callback::from(move |_: MouseEvent| app.start_challenge(CHALLENGES[*chosen].id))
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
