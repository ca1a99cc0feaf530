//! [`Outcomes`]: the article's two outcomes side by side (the validation record in the child
//! zone, or in the parent), run for 72 simulated hours on copies of their presets when the
//! user opens the comparison; the user's scenario is not changed.

use yew::prelude::*;

use super::outcomes::{Outcome, compare};

#[function_component]
pub fn Outcomes() -> Html {
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let outcomes = use_memo(*open, |open| open.then(compare));
    html! {
        <section class="acm-compare" aria-labelledby="acm-compare-heading">
            <div class="acm-compare-bar">
                <h3 id="acm-compare-heading">{ "The article's two outcomes" }</h3>
                <button type="button" class="btn btn-secondary" id="acm-compare-toggle"
                    aria-expanded={open.to_string()} aria-controls="acm-compare-body"
                    onclick={toggle}>
                    { if *open { "Hide the comparison" } else { "Compare the article's two outcomes" } }
                </button>
            </div>
            <p class="panel-note">{ "The same certificate for *.api.example.com, its validation record in the child zone or in the parent zone, run for 72 simulated hours on copies of the presets: your scenario is not changed." }</p>
            if let Some(pair) = (*outcomes).as_ref() {
                <div class="acm-compare-grid" id="acm-compare-body">
                    { outcome_column(&pair[0], "Record in the child zone") }
                    { outcome_column(&pair[1], "Record in the parent zone") }
                </div>
                <p class="acm-compare-lesson">{ "Once example.com delegates api.example.com, the child zone's servers are the only ones asked about names under it: a record for _….api.example.com must be in the child zone, whichever account owns it. A copy in the parent sits below the delegation, where no resolver looks." }</p>
            }
        </section>
    }
}

fn outcome_column(o: &Outcome, title: &str) -> Html {
    html! {
        <article class={classes!("acm-outcome", o.status_class)} data-preset={o.preset}>
            <h4>{ title }</h4>
            <p class="acm-outcome-where">{ "The validation CNAME is in zone " }<code>{ o.record_in.clone() }</code></p>
            <p><span class={classes!("status-badge", o.status_class)}>{ o.status.clone() }</span>
                <span class="acm-outcome-when">{ format!(" at {} after the request", o.when) }</span></p>
            <p class="acm-outcome-checks">{ format!("ACM looked {}; the last lookup: ", match o.checks { 1 => "once".to_string(), n => format!("{n} times") }) }
                <span class="badge">{ o.rcode.clone() }</span></p>
            <p class="acm-outcome-reason">{ o.last_check.clone() }</p>
            <p class="acm-outcome-why"><strong>{ "Why: " }</strong>{ o.why.clone() }</p>
        </article>
    }
}
