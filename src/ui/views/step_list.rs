//! How a resolution's steps read, wherever one is stepped through (the resolve panel, ACM's
//! lookup): the list of steps with the current one marked, and the current step's detail —
//! why, what was asked of which zone, the dig command that reproduces it and dig's text.

use yew::prelude::*;

use crate::dns::World;
use crate::dns::resolve::{Action, Step};
use crate::scenario::dig_command::{step_command, step_text};
use crate::ui::resolve::{badge, decision_text, plain};

/// The steps, one line each (badge, server, decision), the `index`th marked current.
pub fn step_list(steps: &[Step], index: usize, label: &str) -> Html {
    html! {
        <ol class="steps" tabindex="0" aria-label={label.to_string()}>
            { for steps.iter().enumerate().map(|(i, s)| {
                let who = s.server().map(|sv| format!("{} ({})", plain(&sv.name), sv.ip)).unwrap_or_else(|| "cache".into());
                let b = badge(s);
                html! {
                    <li class={classes!("step", format!("depth-{}", s.depth.min(4)), (i == index).then_some("current"))}
                        aria-current={(i == index).then_some("step")}>
                        <span class={classes!("badge", format!("badge-{}", b.to_lowercase()))}>{ b }</span>
                        <span class="step-who">{ who }</span>
                        <span class="step-decision">{ decision_text(&s.decision) }</span>
                    </li>
                }
            }) }
        </ol>
    }
}

/// One step in full: why, what was asked, the reproducing dig command and dig's text (at
/// simulated time `now`).
pub fn step_detail(world: &World, s: &Step, now: u64) -> Html {
    html! {
        <div class="step-detail">
            <p class="step-why">{ s.why.clone() }</p>
            if let Action::Query { zone, question, .. } = &s.action {
                <p class="step-meta">{ format!("Asked {} {} because it serves {}", plain(&question.name), question.rtype, plain(zone)) }</p>
            }
            if let Some(cmd) = step_command(s) {
                <p class="step-cmd"><code>{ cmd }</code></p>
            }
            if let Some(text) = step_text(world, s, now) {
                <pre class="dig-text" tabindex="0" aria-label="dig output of this step">{ text }</pre>
            }
        </div>
    }
}
