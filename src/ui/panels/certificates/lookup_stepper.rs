//! [`LookupStepper`]: ACM's latest lookup of one validation record, replayed and stepped
//! through like a resolution (the step's zones lit in the diagram), with a warning when the
//! zones have changed since the check and the way to replay it in the Resolve panel.

use std::rc::Rc;

use hickory_proto::rr::{Name, RecordType};
use yew::prelude::*;

use super::highlight::use_report_highlight;
use super::lookup::{Lookup, latest_lookup, trace_query};
use crate::aws::acm::history::iso_time;
use crate::dns::answer::Question;
use crate::ui::hooks::use_app;
use crate::ui::resolve::step_zone_ids;
use crate::ui::views::step_controls::{StepButtons, on_step_keys};
use crate::ui::views::step_list::{step_detail, step_list};

#[derive(Properties, PartialEq)]
pub struct LookupStepperProps {
    /// The certificate's ARN and the validation record's name.
    pub arn: AttrValue,
    pub name: Name,
    /// Receives the zones of the step shown, for the diagram.
    pub on_highlight: Callback<Vec<String>>,
}

#[function_component]
pub fn LookupStepper(props: &LookupStepperProps) -> Html {
    let app = use_app();
    let index = use_state(|| 0usize);
    let lookup: Option<Rc<Lookup>> = {
        let doc = app.doc.clone();
        // Every document change bumps the revision.
        let key = (props.arn.clone(), props.name.clone(), app.revision);
        (*use_memo(key, move |(arn, name, _)| {
            let cert = doc.aws.certificate(arn)?;
            latest_lookup(&doc, cert, name).map(Rc::new)
        }))
        .clone()
    };
    let steps = lookup.as_ref().map_or(&[][..], |l| &l.resolution.steps[..]);
    let n = steps.len();
    let current = (*index).min(n.saturating_sub(1));
    let ids = steps
        .get(current)
        .map(|s| step_zone_ids(&app.doc.world, s))
        .unwrap_or_default();
    use_report_highlight(&props.on_highlight, ids);
    let Some(l) = lookup.as_ref() else {
        return Html::default();
    };
    let on_step = {
        let index = index.clone();
        Callback::from(move |i: usize| index.set(i))
    };
    let to_resolve = {
        let app = app.clone();
        let question = Question::new(l.record.name.clone(), RecordType::CNAME);
        Callback::from(move |_: MouseEvent| app.show_trace(question.clone()))
    };
    html! {
        <div class="acm-lookup">
            <p class="acm-lookup-head">{ format!("ACM's lookup of {} CNAME at {}: ", l.record.name, iso_time(l.at)) }
                <strong>{ l.check.rcode.clone() }</strong></p>
            if !l.same_as_recorded {
                <p class="acm-plan plan-warn">{ "The zones have changed since this check: the replay below finds something else than the check recorded. Validate again to record a new check." }</p>
            }
            <div class="stepping acm-stepping" tabindex="0" role="group" aria-label="ACM lookup steps (arrow keys, Home, End)"
                onkeydown={on_step_keys(current, n, on_step.clone())}>
                <StepButtons index={current} n={n} count_class="acm-step-count" on_step={on_step} />
                { step_list(steps, current, "ACM lookup steps") }
                if let Some(s) = steps.get(current) {
                    { step_detail(&app.doc.world, s, l.at) }
                }
                <p class="acm-lookup-result">{ l.check.reason.clone() }</p>
            </div>
            <div class="cert-actions">
                <button type="button" class="btn btn-ghost" onclick={to_resolve}>
                    { "Open in the Resolve panel" }
                </button>
                <code class="acm-query">{ trace_query(&l.record) }</code>
            </div>
        </div>
    }
}
