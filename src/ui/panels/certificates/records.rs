//! [`ValidationRecords`]: a certificate's validation records (name, type, value, each with a
//! copy button), where each goes ([`super::plan`]), and the button that opens ACM's latest
//! lookup of it ([`super::lookup_stepper`]).

use hickory_proto::rr::Name;
use yew::prelude::*;

use super::lookup::{latest_check, zone_for};
use super::lookup_stepper::LookupStepper;
use super::model::Open;
use super::plan::plan_view;
use crate::aws::acm::RecordPlan;
use crate::ui::hooks::use_app;

#[derive(Properties, PartialEq)]
pub struct ValidationRecordsProps {
    pub arn: AttrValue,
    /// The console's plan for each record.
    pub plans: Vec<RecordPlan>,
    /// The record whose lookup is open, if it is one of this certificate's.
    pub open: Option<Name>,
    pub on_open: Callback<Open>,
    /// Copies (what, text) to the clipboard.
    pub copy: Callback<(String, String)>,
    pub on_highlight: Callback<Vec<String>>,
}

/// A copy button for `text`, announced as "the `what`".
fn copy_button(copy: &Callback<(String, String)>, what: &str, text: String) -> Html {
    let (cb, what) = (copy.clone(), what.to_string());
    let label = format!("Copy the {what} {text}");
    html! {
        <button type="button" class="btn btn-icon btn-copy" aria-label={label} title={format!("Copy the {what}")}
            onclick={Callback::from(move |_: MouseEvent| cb.emit((what.clone(), text.clone())))}>
            <svg class="icon copy-icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" fill="none"
                stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
                <rect x="9" y="9" width="11" height="11" rx="2" />
                <path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1" />
            </svg>
        </button>
    }
}

#[function_component]
pub fn ValidationRecords(props: &ValidationRecordsProps) -> Html {
    let app = use_app();
    let Some(cert) = app.doc.aws.certificate(&props.arn) else {
        return Html::default();
    };
    let select_zone = {
        let app = app.clone();
        Callback::from(move |id: String| app.select_zone(id))
    };
    html! {
        <div class="cert-records">
            <h5>{ "Validation records" }</h5>
            <ul class="acm-records">
                { for cert.records().into_iter().map(|(record, domains)| {
                    let name = record.name.to_string();
                    let value = record.value.to_string();
                    let plan = props.plans.iter().find(|p| p.name == record.name);
                    let belongs = zone_for(&app.doc, &record.name);
                    let open = props.open.as_ref() == Some(&record.name);
                    let checked = latest_check(cert, &record.name).is_some();
                    let toggle = {
                        let cb = props.on_open.clone();
                        let key = Open::Lookup { arn: props.arn.to_string(), name: record.name.clone() };
                        Callback::from(move |_: MouseEvent| cb.emit(key.clone()))
                    };
                    html! {
                        <li class="acm-record">
                            <p class="acm-record-for">{ format!("For {}", domains.join(", ")) }</p>
                            <dl class="acm-record-fields">
                                <div><dt>{ "Name" }</dt><dd><code class="acm-record-name">{ name.clone() }</code>
                                    { copy_button(&props.copy, "record name", name) }</dd></div>
                                <div><dt>{ "Type" }</dt><dd><code>{ "CNAME" }</code></dd></div>
                                <div><dt>{ "Value" }</dt><dd><code class="acm-record-value">{ value.clone() }</code>
                                    { copy_button(&props.copy, "record value", value) }</dd></div>
                            </dl>
                            if let Some(p) = plan { { plan_view(&p.target, belongs, &app.doc, &select_zone) } }
                            <div class="cert-actions">
                                <button type="button" class="btn btn-ghost acm-lookup-toggle" disabled={!checked}
                                    aria-expanded={open.to_string()} onclick={toggle}>
                                    { if open { "Hide ACM's lookup" } else { "Step through ACM's lookup" } }
                                </button>
                                if !checked { <span class="hint">{ "ACM has not looked for this record yet." }</span> }
                            </div>
                            if open {
                                <LookupStepper arn={props.arn.clone()} name={record.name.clone()}
                                    on_highlight={props.on_highlight.clone()} />
                            }
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
