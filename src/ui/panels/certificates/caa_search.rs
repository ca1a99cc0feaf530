//! ACM's CAA search of one certificate name, as the certificates panel shows it: the names
//! climbed in order (each one a button that opens its lookup), which one held the relevant
//! set and why, that set as dig prints it, the decision with ACM's reason, and the chosen
//! name's lookup stepped through like a resolution (shared step list and detail), with the
//! way to replay it in the Resolve panel. The panel owns the state (which name, which step)
//! so that it can light the step's zones in the diagram.

use yew::prelude::*;

use super::caa::{CaaSearch, caa_query};
use super::model::result_class;
use crate::aws::acm::history::{CheckResult, iso_time};
use crate::dns::World;
use crate::ui::views::step_list::{step_detail, step_list};

/// What the CAA search view shows and reports.
pub struct CaaSearchView<'a> {
    pub search: &'a CaaSearch,
    pub world: &'a World,
    /// The name whose lookup is open (index into the names climbed).
    pub name: usize,
    /// The step of that lookup shown.
    pub step: usize,
    pub on_name: Callback<usize>,
    pub on_step: Callback<usize>,
    /// Replays the open name's lookup in the Resolve panel.
    pub to_resolve: Callback<MouseEvent>,
}

pub fn caa_search_view(v: &CaaSearchView) -> Html {
    let search = v.search;
    let stops = search.stops();
    let lookup = search.lookup(v.name);
    let stop = stops.get(v.name);
    let steps = lookup.map(|r| r.steps.as_slice()).unwrap_or_default();
    let n = steps.len();
    let index = v.step.min(n.saturating_sub(1));
    let go = |to: fn(usize, usize) -> usize| {
        let on_step = v.on_step.clone();
        Callback::from(move |_: MouseEvent| on_step.emit(to(index, n)))
    };
    let on_keys = {
        let on_step = v.on_step.clone();
        Callback::from(move |e: KeyboardEvent| {
            if n == 0 {
                return;
            }
            let next = match e.key().as_str() {
                "ArrowRight" => (index + 1).min(n - 1),
                "ArrowLeft" => index.saturating_sub(1),
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            on_step.emit(next);
        })
    };
    let lines = search.relevant_lines();
    // The decision shown is the replay's (it differs from the recorded one once the zones
    // have changed, and the warning above says so).
    let decision_class = result_class(if search.replay.permits {
        CheckResult::CaaPermits
    } else {
        CheckResult::CaaForbids
    });
    html! {
        <div class="acm-lookup acm-caa">
            <p class="acm-lookup-head">{ format!("ACM's CAA check of {} at {}: ", search.domain, iso_time(search.at)) }
                <strong>{ search.check.result.as_str() }</strong></p>
            if !search.same_as_recorded {
                <p class="acm-plan plan-warn caa-stale">{ "The zones have changed since this check: the search below, made again at the time of the check, finds something else than the check recorded. Validate again (with a new request if this one failed) to record a new check." }</p>
            }
            <p class="caa-climb-caption">{ "Names asked for CAA, in order (choose one to step through its lookup):" }</p>
            <ol class="caa-climb">
                { for stops.iter().enumerate().map(|(i, s)| {
                    let on_name = v.on_name.clone();
                    html! {
                        <li class={classes!("caa-stop", s.relevant.then_some("caa-relevant"), (i == v.name).then_some("current"))}>
                            <button type="button" class="caa-stop-btn" aria-pressed={(i == v.name).to_string()}
                                onclick={Callback::from(move |_: MouseEvent| on_name.emit(i))}>
                                <span class="caa-stop-n" aria-hidden="true">{ i + 1 }</span>
                                <code class="caa-stop-name">{ s.name.to_string() }</code>
                                <span class="badge">{ s.rcode.clone() }</span>
                                <span class="caa-finding">{ s.finding.clone() }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
            <p class="caa-relevant-why">{ search.relevant_text() }</p>
            if !lines.is_empty() {
                <pre class="dig-text caa-relevant-set" tabindex="0" aria-label="The relevant CAA set as dig prints it">{ lines.join("\n") }</pre>
            }
            <p class={classes!("caa-decision", decision_class)}>
                <span class={classes!("result-badge", decision_class)}>{ search.decision() }</span>
                { " " }<span class="caa-reason">{ search.replay.reason.clone() }</span></p>
            if let Some(stop) = stop {
                <div class="stepping acm-stepping caa-stepping" tabindex="0" role="group"
                    aria-label={format!("ACM's CAA lookup of {} (arrow keys, Home, End)", stop.name)} onkeydown={on_keys}>
                    <p class="caa-lookup-head">{ format!("The lookup of {} CAA, from the root:", stop.name) }</p>
                    <div class="step-controls">
                        <button type="button" class="btn btn-secondary" onclick={go(|_, _| 0)} disabled={index == 0}>{ "First" }</button>
                        <button type="button" class="btn btn-secondary" onclick={go(|i, _| i.saturating_sub(1))} disabled={index == 0}>{ "Previous" }</button>
                        <span class="step-count caa-step-count" aria-live="polite">{ format!("Step {} of {n}", index + 1) }</span>
                        <button type="button" class="btn btn-secondary" onclick={go(|i, n| (i + 1).min(n.saturating_sub(1)))} disabled={index + 1 >= n}>{ "Next" }</button>
                        <button type="button" class="btn btn-secondary" onclick={go(|_, n| n.saturating_sub(1))} disabled={index + 1 >= n}>{ "Last" }</button>
                    </div>
                    { step_list(steps, index, &format!("Steps of the CAA lookup of {}", stop.name)) }
                    if let Some(s) = steps.get(index) {
                        { step_detail(v.world, s, search.at) }
                    }
                </div>
                <div class="cert-actions">
                    <button type="button" class="btn btn-ghost" onclick={v.to_resolve.clone()}>
                        { "Open in the Resolve panel" }
                    </button>
                    <code class="acm-query">{ caa_query(&stop.name) }</code>
                </div>
            }
        </div>
    }
}
