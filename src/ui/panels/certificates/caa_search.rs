//! [`CaaStepper`]: ACM's CAA search of one certificate name: the names climbed in order
//! (each one a button that opens its lookup), which one held the relevant set and why, that
//! set as dig prints it, the decision with ACM's reason, and the chosen name's lookup stepped
//! through like a resolution (shared step list and detail; its zones lit in the diagram),
//! with the way to replay it in the Resolve panel.

use std::rc::Rc;

use hickory_proto::rr::RecordType;
use yew::prelude::*;

use super::caa::{CaaSearch, caa_query, caa_search};
use super::highlight::use_report_highlight;
use super::model::result_class;
use crate::aws::acm::history::{CheckResult, iso_time};
use crate::dns::answer::Question;
use crate::ui::hooks::use_app;
use crate::ui::resolve::step_zone_ids;
use crate::ui::views::step_controls::{StepButtons, on_step_keys};
use crate::ui::views::step_list::{step_detail, step_list};

#[derive(Properties, PartialEq)]
pub struct CaaStepperProps {
    /// The certificate's ARN and the name whose CAA search is shown.
    pub arn: AttrValue,
    pub domain: AttrValue,
    /// Receives the zones of the step shown, for the diagram.
    pub on_highlight: Callback<Vec<String>>,
}

#[function_component]
pub fn CaaStepper(props: &CaaStepperProps) -> Html {
    let app = use_app();
    // The name climbed whose lookup is shown, and its step.
    let name = use_state(|| 0usize);
    let step = use_state(|| 0usize);
    let search: Option<Rc<CaaSearch>> = {
        let doc = app.doc.clone();
        let key = (props.arn.clone(), props.domain.clone(), app.revision);
        (*use_memo(key, move |(arn, domain, _)| {
            let cert = doc.aws.certificate(arn)?;
            caa_search(&doc, cert, domain).map(Rc::new)
        }))
        .clone()
    };
    let chosen = search
        .as_ref()
        .map_or(0, |s| (*name).min(s.replay.climbed.len().saturating_sub(1)));
    let steps = search
        .as_ref()
        .and_then(|s| s.lookup(chosen))
        .map_or(&[][..], |r| &r.steps[..]);
    let index = (*step).min(steps.len().saturating_sub(1));
    let ids = steps
        .get(index)
        .map(|s| step_zone_ids(&app.doc.world, s))
        .unwrap_or_default();
    use_report_highlight(&props.on_highlight, ids);
    let Some(search) = search.as_ref() else {
        return Html::default();
    };
    let on_name = {
        let (name, step) = (name.clone(), step.clone());
        Callback::from(move |i: usize| {
            name.set(i);
            step.set(0);
        })
    };
    let on_step = {
        let step = step.clone();
        Callback::from(move |i: usize| step.set(i))
    };
    let to_resolve = {
        let app = app.clone();
        let question = search
            .replay
            .climbed
            .get(chosen)
            .map(|n| Question::new(n.clone(), RecordType::CAA));
        Callback::from(move |_: MouseEvent| {
            if let Some(q) = &question {
                app.show_trace(q.clone());
            }
        })
    };
    caa_search_view(&CaaSearchView {
        search,
        world: &app.doc.world,
        name: chosen,
        step: index,
        on_name,
        on_step,
        to_resolve,
    })
}

/// What the CAA search view shows and reports.
struct CaaSearchView<'a> {
    search: &'a CaaSearch,
    world: &'a crate::dns::World,
    /// The name whose lookup is open (index into the names climbed).
    name: usize,
    /// The step of that lookup shown.
    step: usize,
    on_name: Callback<usize>,
    on_step: Callback<usize>,
    /// Replays the open name's lookup in the Resolve panel.
    to_resolve: Callback<MouseEvent>,
}

fn caa_search_view(v: &CaaSearchView) -> Html {
    let search = v.search;
    let stops = search.stops();
    let lookup = search.lookup(v.name);
    let stop = stops.get(v.name);
    let steps = lookup.map(|r| r.steps.as_slice()).unwrap_or_default();
    let n = steps.len();
    let index = v.step.min(n.saturating_sub(1));
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
                    aria-label={format!("ACM's CAA lookup of {} (arrow keys, Home, End)", stop.name)} onkeydown={on_step_keys(index, n, v.on_step.clone())}>
                    <p class="caa-lookup-head">{ format!("The lookup of {} CAA, from the root:", stop.name) }</p>
                    <StepButtons index={index} n={n} count_class="caa-step-count" on_step={v.on_step.clone()} />
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
