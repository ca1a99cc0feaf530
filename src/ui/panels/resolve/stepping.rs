//! Stepping through the resolution asked: first / previous / next / last, play and pause at a
//! speed, the ← → Home End keys and P or Space scoped to the steps; the sequence diagram, the
//! step map (the hierarchy centred on the zone asked), the step's detail and the step list,
//! then the outcome. The step shown is the app state's (`Action::ShowStep`), so the diagram
//! and share links follow it; playing is this component's.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::outcome::outcome_view;
use crate::ui::Doc;
use crate::ui::hooks::{App, use_app};
use crate::ui::panels::diagram::svg::Diagram;
use crate::ui::resolve::{self, step_zone_ids};
use crate::ui::state::Asked;
use crate::ui::views::sequence::SequenceView;
use crate::ui::views::step_controls::{StepButtons, step_for_key};
use crate::ui::views::step_list::{step_detail, step_list};

#[derive(Properties, PartialEq)]
pub struct SteppingProps {
    pub asked: Rc<Asked>,
    pub doc: Rc<Doc>,
}

/// Play from where the steps are (from the first when at the last), or pause.
fn toggle_play(state: &App, playing: &UseStateHandle<bool>, index: usize, n: usize) {
    if **playing {
        playing.set(false);
    } else if n > 1 {
        if index + 1 >= n {
            state.show_step(0);
        }
        playing.set(true);
    }
}

#[function_component]
pub fn Stepping(props: &SteppingProps) -> Html {
    let state = use_app();
    let asked = &props.asked;
    let playing = use_state(|| false);
    let speed = use_state(|| "1".to_string());
    let n = asked.resolution.steps.len();
    let index = asked.step.min(n.saturating_sub(1));

    // A new run plays by itself when it was asked to (an embed's autoplay), else it waits.
    {
        let playing = playing.clone();
        let autoplay = asked.autoplay;
        use_effect_with(asked.serial, move |_| playing.set(autoplay));
    }
    // Play: one step per delay (1.2 s at 1×) until the last step, then stop.
    {
        let (state, playing) = (state.clone(), playing.clone());
        let key = (*playing, (*speed).clone(), index, asked.serial);
        use_effect_with(key, move |(on, speed, i, _)| {
            let mut timer = None;
            if *on {
                if *i + 1 >= n {
                    playing.set(false);
                } else {
                    let next = *i + 1;
                    timer = Some(Timeout::new(resolve::play_delay_ms(speed), move || {
                        state.show_step(next)
                    }));
                }
            }
            move || drop(timer)
        });
    }
    let go = {
        let (state, playing) = (state.clone(), playing.clone());
        Callback::from(move |i: usize| {
            playing.set(false);
            state.show_step(i)
        })
    };
    let on_play = {
        let (state, playing) = (state.clone(), playing.clone());
        Callback::from(move |_: MouseEvent| toggle_play(&state, &playing, index, n))
    };
    let on_speed = {
        let speed = speed.clone();
        Callback::from(move |e: Event| speed.set(crate::ui::platform::events::value_of(&e)))
    };
    let on_select = {
        let (state, playing) = (state.clone(), playing.clone());
        Callback::from(move |i: usize| {
            playing.set(false);
            state.show_step(i)
        })
    };
    let on_keys = {
        let (state, playing) = (state.clone(), playing.clone());
        Callback::from(move |e: KeyboardEvent| {
            if n == 0 {
                return;
            }
            // Keys typed into the speed select (or a button's own Space) stay theirs.
            let tag = e
                .target_dyn_into::<web_sys::Element>()
                .map(|t| t.tag_name().to_ascii_lowercase())
                .unwrap_or_default();
            if matches!(tag.as_str(), "select" | "input" | "textarea") {
                return;
            }
            let key = e.key();
            let toggles = matches!(key.as_str(), "p" | "P")
                || (key == " " && !matches!(tag.as_str(), "button" | "g"));
            if toggles {
                e.prevent_default();
                toggle_play(&state, &playing, index, n);
                return;
            }
            if let Some(next) = step_for_key(&key, index, n) {
                e.prevent_default();
                playing.set(false);
                state.show_step(next);
            }
        })
    };

    let doc = &props.doc;
    let (r, now) = (&asked.resolution, asked.now);
    let step = r.steps.get(index);
    let playing = *playing;
    html! {
        <div class="stepping" tabindex="0" role="group"
            aria-label="Resolution steps (arrow keys, Home, End; P or Space plays and pauses)"
            onkeydown={on_keys}>
            <StepButtons index={index} n={n} on_step={go}>
                <button type="button" id="resolve-play" class={classes!("btn", "btn-primary", "play-toggle", playing.then_some("playing"))}
                    onclick={on_play} disabled={n < 2} aria-keyshortcuts="P">
                    <span aria-hidden="true" class="play-icon">{ if playing { "❚❚" } else { "▶" } }</span>
                    { if playing { " Pause" } else { " Play" } }
                </button>
                <label class="play-speed">
                    <span>{ "Speed" }</span>
                    <select id="resolve-speed" onchange={on_speed}>
                        { for resolve::SPEEDS.iter().map(|(v, label)| html! {
                            <option value={*v} selected={*speed == *v}>{ *label }</option>
                        }) }
                    </select>
                </label>
            </StepButtons>
            // Beside the sequence (below it on small screens): the hierarchy centred on the
            // zone asked, the step's reason and dig's text, in one screen.
            <div class="stepping-side">
                <div class="step-map" title="The zone this step asks, in the delegation hierarchy">
                    <Diagram doc={doc.clone()} selected={None::<AttrValue>} compact=true
                        highlighted={Rc::new(step.map(|s| step_zone_ids(&doc.world, s)).unwrap_or_default())}
                        on_select={Callback::noop()} />
                </div>
                if let Some(s) = step {
                    { step_detail(&doc.world, s, now) }
                }
            </div>
            <div class="stepping-main">
                <SequenceView resolution={r.clone()} current={index} on_select={on_select} />
                { step_list(&r.steps, index, "Steps") }
            </div>
            // The end shows once the steps reach it (the last step is where it is decided);
            // before, it is in the page but hidden, so it does not give the story away.
            if index + 1 < n {
                <p class="outcome-pending" id="resolve-outcome-pending">
                    { format!("The outcome shows at the last step (step {n}): Last or End goes there.") }
                </p>
            }
            { outcome_view(&doc.world, r, now, index + 1 >= n) }
        </div>
    }
}
