//! The certificates panel (ACM): per account, its certificates with their status, names and
//! ARN; the validation records with copy buttons; the console's "Create records in Route 53"
//! (same account only, with the reason and a link to the zone where the record belongs when
//! it cannot); "Validate now" and the simulated clock; the status timeline; ACM's latest
//! lookup stepped through like a resolution (its zones highlighted in the diagram); ACM's CAA
//! search, each name climbed stepped through the same way (see [`super::caa_search`]); the
//! request form; and the article's two outcomes side by side, run on copies of their presets.

use std::rc::Rc;

use hickory_proto::rr::{Name, RecordType};

use yew::prelude::*;

use crate::ui::hooks::use_app;

use super::caa_search::{CaaSearchView, caa_search_view};
use crate::ui::views::step_list::{step_detail, step_list};

use super::caa::{CaaSearch, caa_domains, caa_search, latest_caa_check};
use super::lookup::{Lookup, ZoneRef, latest_check, latest_lookup, trace_query, zone_for};
use super::model::{
    RequestDraft, RequestErrors, RequestFieldError, check_request, default_account, result_class,
    since_request, status_class, status_text,
};
use super::outcomes::{Outcome, compare};
use crate::aws::acm::history::{Event as AcmEvent, iso_time};
use crate::aws::acm::{self, Certificate, CertificateStatus, Target};
use crate::dns::answer::Question;
use crate::ui::Doc;
use crate::ui::platform::browser;
use crate::ui::resolve::{clock_text, duration_text, plain, step_zone_ids};
use crate::ui::state::{Action, Edit};

#[derive(Properties, PartialEq, Clone)]
pub struct CertificatesPanelProps {
    /// Receives the zones of the lookup step shown, for the diagram.
    pub on_highlight: Callback<Vec<String>>,
}

/// The time steps the panel offers: label, accessible name, seconds.
const ADVANCE: [(&str, &str, u64); 4] = [
    ("+5 min", "advance the clock 5 minutes", 300),
    ("+1 h", "advance the clock 1 hour", 3600),
    ("+24 h", "advance the clock 24 hours", 86_400),
    ("+72 h", "advance the clock 72 hours", 259_200),
];

use crate::ui::platform::browser::focus;

fn field_value(e: &InputEvent) -> String {
    e.target_dyn_into::<web_sys::HtmlInputElement>()
        .map(|i| i.value())
        .or_else(|| {
            e.target_dyn_into::<web_sys::HtmlTextAreaElement>()
                .map(|t| t.value())
        })
        .unwrap_or_default()
}

#[function_component]
pub fn CertificatesPanel(props: &CertificatesPanelProps) -> Html {
    let state = use_app();
    let draft = {
        let doc = state.doc.clone();
        use_state(move || RequestDraft {
            account: default_account(&doc),
            ..RequestDraft::default()
        })
    };
    let errors = use_state(RequestErrors::default);
    // The validation record (certificate ARN, record name) whose lookup is open, and the
    // step shown.
    let stepper = use_state(|| None::<(String, Name)>);
    let index = use_state(|| 0usize);
    // The CAA search (certificate ARN, certificate name) that is open, the name climbed
    // whose lookup is shown, and its step. One of the two steppers is open at a time.
    let caa_open = use_state(|| None::<(String, String)>);
    let caa_name = use_state(|| 0usize);
    let caa_step = use_state(|| 0usize);
    let copied = use_state(String::new);
    let compare_open = use_state(|| false);
    let doc = state.doc.clone();

    let lookup: Option<Rc<Lookup>> = {
        // Every document change bumps the revision.
        let key = ((*stepper).clone(), state.revision);
        let doc = doc.clone();
        let memo = use_memo(key, move |(open, _)| {
            let (arn, name) = open.as_ref()?;
            let cert = doc.aws.certificate(arn)?;
            latest_lookup(&doc, cert, name).map(Rc::new)
        });
        (*memo).clone()
    };
    let search: Option<Rc<CaaSearch>> = {
        let key = ((*caa_open).clone(), state.revision);
        let doc = doc.clone();
        let memo = use_memo(key, move |(open, _)| {
            let (arn, domain) = open.as_ref()?;
            let cert = doc.aws.certificate(arn)?;
            caa_search(&doc, cert, domain).map(Rc::new)
        });
        (*memo).clone()
    };
    let steps_len = lookup.as_ref().map_or(0, |l| l.resolution.steps.len());
    let current = (*index).min(steps_len.saturating_sub(1));
    let caa_current = {
        let n = search
            .as_ref()
            .and_then(|s| s.lookup(*caa_name))
            .map_or(0, |r| r.steps.len());
        (*caa_step).min(n.saturating_sub(1))
    };

    // The open step's zones light up in the diagram; closing the lookup clears them.
    {
        let on_highlight = props.on_highlight.clone();
        let cname_ids = lookup.as_ref().map(|l| {
            l.resolution
                .steps
                .get(current)
                .map(|s| step_zone_ids(&doc.world, s))
                .unwrap_or_default()
        });
        let caa_ids = search.as_ref().map(|s| {
            s.lookup(*caa_name)
                .and_then(|r| r.steps.get(caa_current))
                .map(|s| step_zone_ids(&doc.world, s))
                .unwrap_or_default()
        });
        let ids = cname_ids.or(caa_ids);
        let shown = use_mut_ref(|| false);
        use_effect_with(ids, move |ids| match ids {
            Some(ids) => {
                *shown.borrow_mut() = true;
                on_highlight.emit(ids.clone());
            }
            None if *shown.borrow() => {
                *shown.borrow_mut() = false;
                on_highlight.emit(Vec::new());
            }
            None => {}
        });
    }

    let edit = |edit: Edit| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Edit(edit.clone())))
    };
    let on_field = |which: fn(&mut RequestDraft, String), clear: fn(&mut RequestErrors)| {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |e: InputEvent| {
            let mut d = (*draft).clone();
            which(&mut d, field_value(&e));
            draft.set(d);
            let mut errs = (*errors).clone();
            clear(&mut errs);
            errs.general = None;
            errors.set(errs);
        })
    };
    let on_account = {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            draft.set(RequestDraft {
                account: value,
                ..(*draft).clone()
            });
            errors.set(RequestErrors {
                account: None,
                general: None,
                ..(*errors).clone()
            });
        })
    };
    let on_request = {
        let (state, draft, errors) = (state.clone(), draft.clone(), errors.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match check_request(&state.doc, &draft) {
                Ok(edit) => {
                    errors.set(RequestErrors::default());
                    draft.set(RequestDraft {
                        account: draft.account.clone(),
                        ..RequestDraft::default()
                    });
                    state.dispatch(Action::Edit(edit));
                }
                Err(errs) => {
                    let first = [
                        (errs.account.is_some(), "acm-account"),
                        (errs.domain.is_some(), "acm-domain"),
                        (errs.sans.is_some(), "acm-sans"),
                    ]
                    .into_iter()
                    .find_map(|(bad, id)| bad.then_some(id));
                    errors.set(errs);
                    if let Some(id) = first {
                        focus(id);
                    }
                }
            }
        })
    };
    let open_lookup = {
        let (stepper, index, caa_open) = (stepper.clone(), index.clone(), caa_open.clone());
        Callback::from(move |key: (String, Name)| {
            if stepper.as_ref() == Some(&key) {
                stepper.set(None);
            } else {
                stepper.set(Some(key));
                index.set(0);
                caa_open.set(None);
            }
        })
    };
    let open_caa = {
        let (caa_open, caa_name, caa_step) = (caa_open.clone(), caa_name.clone(), caa_step.clone());
        let stepper = stepper.clone();
        Callback::from(move |key: (String, String)| {
            if caa_open.as_ref() == Some(&key) {
                caa_open.set(None);
            } else {
                caa_open.set(Some(key));
                caa_name.set(0);
                caa_step.set(0);
                stepper.set(None);
            }
        })
    };
    let caa_view = search.as_ref().map(|search| {
        let name = (*caa_name).min(search.replay.climbed.len().saturating_sub(1));
        let to_resolve = {
            let state = state.clone();
            let question = search
                .replay
                .climbed
                .get(name)
                .map(|n| Question::new(n.clone(), RecordType::CAA));
            Callback::from(move |_: MouseEvent| {
                if let Some(q) = &question {
                    state.show_trace(q.clone());
                }
            })
        };
        let on_name = {
            let (caa_name, caa_step) = (caa_name.clone(), caa_step.clone());
            Callback::from(move |i: usize| {
                caa_name.set(i);
                caa_step.set(0);
            })
        };
        let on_step = {
            let caa_step = caa_step.clone();
            Callback::from(move |i: usize| caa_step.set(i))
        };
        caa_search_view(&CaaSearchView {
            search,
            world: &doc.world,
            name,
            step: caa_current,
            on_name,
            on_step,
            to_resolve,
        })
    });
    let copy = {
        let copied = copied.clone();
        Callback::from(move |(what, text): (String, String)| {
            let copied = copied.clone();
            browser::copy(&text, move |ok| {
                copied.set(if ok {
                    format!("Copied the {what}.")
                } else {
                    format!("Could not copy the {what}: select it and copy it by hand.")
                })
            });
        })
    };
    let go = |to: fn(usize, usize) -> usize| {
        let index = index.clone();
        Callback::from(move |_: MouseEvent| index.set(to(current, steps_len)))
    };
    let on_keys = {
        let index = index.clone();
        Callback::from(move |e: KeyboardEvent| {
            if steps_len == 0 {
                return;
            }
            let next = match e.key().as_str() {
                "ArrowRight" => (current + 1).min(steps_len - 1),
                "ArrowLeft" => current.saturating_sub(1),
                "Home" => 0,
                "End" => steps_len - 1,
                _ => return,
            };
            e.prevent_default();
            index.set(next);
        })
    };
    let stepper_view = lookup.as_ref().map(|l| {
        let to_resolve = {
            let state = state.clone();
            let question = Question::new(l.record.name.clone(), RecordType::CNAME);
            Callback::from(move |_: MouseEvent| state.show_trace(question.clone()))
        };
        lookup_view(l, current, &doc, go, on_keys.clone(), to_resolve)
    });
    let toggle_compare = {
        let open = compare_open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let outcomes = use_memo(*compare_open, |open| open.then(compare));

    let accounts: Vec<_> = doc
        .aws
        .accounts
        .iter()
        .filter(|a| {
            a.id != crate::scenario::presets::ACCOUNT_AWS
                || doc.aws.certificates_of(&a.id).next().is_some()
        })
        .collect();
    let select_zone = {
        let state = state.clone();
        Callback::from(move |id: String| state.dispatch(Action::Select(id)))
    };
    let ctx = CardContext {
        doc: &doc,
        edit: &edit,
        copy: &copy,
        select_zone: &select_zone,
        open_lookup: &open_lookup,
        open: stepper.as_ref(),
        stepper: stepper_view,
        open_caa: &open_caa,
        caa_open: caa_open.as_ref(),
        caa_view,
    };

    html! {
        <section class="panel panel-acm" id="certificates-panel" aria-labelledby="acm-heading" tabindex="-1">
            <div class="panel-bar">
                <h2 id="acm-heading">{ "Certificates (ACM)" }</h2>
                <p class="panel-note">{ "DNS validation as ACM runs it: a lookup from the root, CAA, 72 hours." }</p>
            </div>
            <div class="acm-clock" role="group" aria-labelledby="acm-clock-label">
                <p id="acm-clock-label"><span class="acm-clock-caption">{ "Simulated time" }</span>
                    <time id="acm-clock-now">{ clock_text(doc.clock) }</time></p>
                <div class="acm-advance">
                    { for ADVANCE.iter().map(|(label, name, secs)| html! {
                        <button type="button" class="btn btn-secondary"
                            onclick={edit(Edit::AdvanceClock { seconds: *secs })}>
                            <span class="acm-advance-label">{ *label }</span>
                            <span class="sr-only">{ format!(" ({name})") }</span>
                        </button>
                    }) }
                </div>
            </div>
            <p class="sr-only" aria-live="polite">{ (*copied).clone() }</p>
            <div class="acm-accounts">
                if doc.aws.certificates.is_empty() {
                    <p class="acm-none">{ "No certificates yet. Request one below, or load an ACM preset." }</p>
                }
                { for accounts.iter().map(|a| {
                    let certs: Vec<&Certificate> = doc.aws.certificates_of(&a.id).collect();
                    let heading = format!("acm-account-{}", a.id);
                    html! {
                        <section class="acm-account" aria-labelledby={heading.clone()}>
                            <h3 id={heading}>{ format!("Account {}", a.id) }
                                if !a.label.is_empty() { <span class="acm-account-label">{ format!(" · {}", a.label) }</span> }
                            </h3>
                            if certs.is_empty() {
                                <p class="acm-none">{ "No certificates in this account." }</p>
                            } else {
                                { for certs.iter().map(|c| card(c, &ctx)) }
                            }
                        </section>
                    }
                }) }
            </div>
            { request_form(&doc, &draft, &errors, on_field, on_account, on_request) }
            <section class="acm-compare" aria-labelledby="acm-compare-heading">
                <div class="acm-compare-bar">
                    <h3 id="acm-compare-heading">{ "The article's two outcomes" }</h3>
                    <button type="button" class="btn btn-secondary" id="acm-compare-toggle"
                        aria-expanded={compare_open.to_string()} aria-controls="acm-compare-body"
                        onclick={toggle_compare}>
                        { if *compare_open { "Hide the comparison" } else { "Compare the article's two outcomes" } }
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
        </section>
    }
}

/// What every certificate card needs from the panel.
struct CardContext<'a> {
    doc: &'a Doc,
    edit: &'a dyn Fn(Edit) -> Callback<MouseEvent>,
    copy: &'a Callback<(String, String)>,
    select_zone: &'a Callback<String>,
    open_lookup: &'a Callback<(String, Name)>,
    /// The validation record whose lookup is open: (certificate ARN, record name).
    open: Option<&'a (String, Name)>,
    stepper: Option<Html>,
    open_caa: &'a Callback<(String, String)>,
    /// The CAA search that is open: (certificate ARN, certificate name).
    caa_open: Option<&'a (String, String)>,
    caa_view: Option<Html>,
}

fn card(cert: &Certificate, ctx: &CardContext) -> Html {
    let id = cert.id().to_string();
    let title_id = format!("cert-{id}-title");
    let pending = cert.status == CertificateStatus::PendingValidation;
    let plans = crate::scenario::acm_ops::plan(ctx.doc, &cert.arn).unwrap_or_default();
    let to_create = plans
        .iter()
        .filter(|p| matches!(p.target, Target::Zone { present: false, .. }))
        .count();
    let due = cert
        .next_check
        .filter(|_| pending)
        .map(|at| (at, at <= ctx.doc.clock));
    html! {
        <article class={classes!("cert-card", status_class(cert.status))} id={format!("cert-{id}")}
            data-arn={cert.arn.clone()} aria-labelledby={title_id.clone()}>
            <header class="cert-head">
                <div class="cert-title">
                    <h4 id={title_id}><code>{ cert.domain_name.clone() }</code></h4>
                    <p class="cert-arn"><span class="sr-only">{ "ARN " }</span><code>{ cert.arn.clone() }</code></p>
                </div>
                <span class={classes!("status-badge", status_class(cert.status))} data-status={cert.status.as_str()}>
                    { status_text(cert) }
                </span>
            </header>
            <dl class="cert-facts">
                <div><dt>{ "Names" }</dt><dd class="cert-names">
                    { for cert.subject_alternative_names.iter().map(|n| html! { <code class="chip">{ n.clone() }</code> }) }
                </dd></div>
                <div><dt>{ "Requested" }</dt><dd>{ iso_time(cert.requested_at) }</dd></div>
                if let Some(at) = cert.issued_at {
                    <div><dt>{ "Issued" }</dt><dd>{ format!("{} ({})", iso_time(at), since_request(cert, at)) }</dd></div>
                }
                if let Some(at) = cert.next_check {
                    <div><dt>{ "Next check" }</dt><dd>{ format!("{} ({})", iso_time(at), since_request(cert, at)) }</dd></div>
                }
            </dl>
            { records_view(cert, &plans, ctx) }
            <div class="cert-actions">
                <button type="button" class="btn btn-secondary" disabled={to_create == 0 || !pending}
                    onclick={(ctx.edit)(Edit::CreateValidationRecords { arn: cert.arn.clone() })}>
                    { "Create records in Route 53" }
                </button>
                <button type="button" class="btn btn-primary" disabled={!matches!(due, Some((_, true)))}
                    onclick={(ctx.edit)(Edit::ValidateCertificate { arn: cert.arn.clone() })}>
                    { "Validate now" }
                </button>
                if let Some((at, false)) = due {
                    <button type="button" class="btn btn-secondary"
                        onclick={(ctx.edit)(Edit::AdvanceClock { seconds: at - ctx.doc.clock })}>
                        { format!("Advance to the next check (+{})", duration_text((at - ctx.doc.clock).min(u64::from(u32::MAX)) as u32)) }
                    </button>
                }
            </div>
            if let Some((at, is_due)) = due {
                <p class="cert-next">{ if is_due {
                    format!("A check is due (scheduled for {}): ACM looks when the clock moves on, or now with Validate now.", iso_time(at))
                } else {
                    format!("ACM looks next at {} ({} after the request): no check is due before then.", iso_time(at), since_request(cert, at))
                } }</p>
            }
            { caa_view(cert, ctx) }
            { timeline(cert) }
        </article>
    }
}

fn records_view(cert: &Certificate, plans: &[acm::RecordPlan], ctx: &CardContext) -> Html {
    let copy = |what: &str, text: String, label: String| {
        let (cb, what) = (ctx.copy.clone(), what.to_string());
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
    };
    html! {
        <div class="cert-records">
            <h5>{ "Validation records" }</h5>
            <ul class="acm-records">
                { for cert.records().into_iter().map(|(record, domains)| {
                    let name = record.name.to_string();
                    let value = record.value.to_string();
                    let plan = plans.iter().find(|p| p.name == record.name);
                    let belongs = zone_for(ctx.doc, &record.name);
                    let key = (cert.arn.clone(), record.name.clone());
                    let open = ctx.open == Some(&key);
                    let checked = latest_check(cert, &record.name).is_some();
                    let toggle = {
                        let cb = ctx.open_lookup.clone();
                        Callback::from(move |_: MouseEvent| cb.emit(key.clone()))
                    };
                    html! {
                        <li class="acm-record">
                            <p class="acm-record-for">{ format!("For {}", domains.join(", ")) }</p>
                            <dl class="acm-record-fields">
                                <div><dt>{ "Name" }</dt><dd><code class="acm-record-name">{ name.clone() }</code>
                                    { copy("record name", name.clone(), format!("Copy the record name {name}")) }</dd></div>
                                <div><dt>{ "Type" }</dt><dd><code>{ "CNAME" }</code></dd></div>
                                <div><dt>{ "Value" }</dt><dd><code class="acm-record-value">{ value.clone() }</code>
                                    { copy("record value", value.clone(), format!("Copy the record value {value}")) }</dd></div>
                            </dl>
                            if let Some(p) = plan { { plan_view(&p.target, belongs, ctx) } }
                            <div class="cert-actions">
                                <button type="button" class="btn btn-ghost acm-lookup-toggle" disabled={!checked}
                                    aria-expanded={open.to_string()} onclick={toggle}>
                                    { if open { "Hide ACM's lookup" } else { "Step through ACM's lookup" } }
                                </button>
                                if !checked { <span class="hint">{ "ACM has not looked for this record yet." }</span> }
                            </div>
                            if open { { ctx.stepper.clone().unwrap_or_default() } }
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

fn plan_view(target: &Target, belongs: Option<ZoneRef>, ctx: &CardContext) -> Html {
    let link = |zone: &ZoneRef| {
        let (cb, id) = (ctx.select_zone.clone(), zone.zone_id.clone());
        html! {
            <a class="acm-zone-link" href="#zone-panel" onclick={Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                cb.emit(id.clone());
                focus("zone-panel");
            })}>
                { format!("Go to zone {} (account {})", zone.name, zone.account) }
            </a>
        }
    };
    match target {
        Target::Zone {
            zone_id,
            zone_name,
            present,
            warning,
        } => {
            let here = ZoneRef {
                zone_id: zone_id.clone(),
                name: plain(zone_name),
                account: ctx
                    .doc
                    .aws
                    .hosted_zone(zone_id)
                    .map(|z| z.account.clone())
                    .unwrap_or_default(),
            };
            html! {
                <div class={classes!("acm-plan", if warning.is_some() { "plan-warn" } else if *present { "plan-ok" } else { "plan-info" })}>
                    <p>{ if *present {
                        format!("In place: zone {} holds this record.", here.name)
                    } else {
                        format!("The console can create it in zone {} (same account).", here.name)
                    } }</p>
                    if let Some(w) = warning { <p class="acm-plan-warning">{ format!("Careful: {w}.") }</p> }
                    <p>{ link(belongs.as_ref().filter(|_| warning.is_some()).unwrap_or(&here)) }</p>
                </div>
            }
        }
        Target::NoZone { reason } => html! {
            <div class="acm-plan plan-blocked" role="note">
                <p><strong>{ "The console cannot create this record: " }</strong>{ format!("{reason}.") }</p>
                if let Some(zone) = &belongs { <p>{ link(zone) }</p> }
            </div>
        },
    }
}

/// The certificate's CAA checks, one per name ACM checked, each with its search to open.
fn caa_view(cert: &Certificate, ctx: &CardContext) -> Html {
    let domains = caa_domains(cert);
    if domains.is_empty() {
        return Html::default();
    }
    html! {
        <div class="cert-caa">
            <h5>{ "CAA check" }</h5>
            <p class="panel-note">{ "Once every name is validated, ACM looks for the CAA set relevant to each name (RFC 8659): the name itself, then each parent up to the top-level domain, until one has CAA records." }</p>
            <ul class="acm-caa-checks">
                { for domains.iter().map(|domain| {
                    let check = latest_caa_check(cert, domain);
                    let key = (cert.arn.clone(), domain.clone());
                    let open = ctx.caa_open == Some(&key);
                    let toggle = {
                        let cb = ctx.open_caa.clone();
                        Callback::from(move |_: MouseEvent| cb.emit(key.clone()))
                    };
                    html! {
                        <li class="acm-caa-check">
                            <p class="acm-caa-for"><code>{ domain.clone() }</code>{ " " }
                                if let Some(c) = check {
                                    <span class={classes!("result-badge", result_class(c.result))}>{ c.result.as_str() }</span>
                                }
                            </p>
                            <div class="cert-actions">
                                <button type="button" class="btn btn-ghost acm-caa-toggle" aria-expanded={open.to_string()} onclick={toggle}>
                                    { if open { "Hide the CAA search" } else { "Step through the CAA search" } }
                                    <span class="sr-only">{ format!(" for {domain}") }</span>
                                </button>
                            </div>
                            if open { { ctx.caa_view.clone().unwrap_or_default() } }
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

fn timeline(cert: &Certificate) -> Html {
    html! {
        <div class="cert-timeline">
            <h5>{ "Status timeline" }</h5>
            <ol class="acm-timeline">
                { for cert.history.iter().map(|e| match e {
                    AcmEvent::Status { at, status, failure_reason, why } => html! {
                        <li class={classes!("tl-event", "tl-status", status_class(*status))}>
                            <p class="tl-when"><time>{ iso_time(*at) }</time>{ " " }<span class="tl-since">{ since_request(cert, *at) }</span></p>
                            <p class="tl-what"><span class={classes!("status-badge", status_class(*status))}>
                                { match failure_reason { Some(r) => format!("{status} ({r})"), None => status.to_string() } }
                            </span></p>
                            <p class="tl-why">{ why.clone() }</p>
                        </li>
                    },
                    AcmEvent::Check(c) => html! {
                        <li class={classes!("tl-event", "tl-check", result_class(c.result))}>
                            <p class="tl-when"><time>{ iso_time(c.at) }</time>{ " " }<span class="tl-since">{ since_request(cert, c.at) }</span>
                                if c.repeated > 0 {
                                    <span class="tl-repeat">{ format!(" and {} more checks until {} ({})", c.repeated, iso_time(c.last_at()), since_request(cert, c.last_at())) }</span>
                                }
                            </p>
                            <p class="tl-what"><span class={classes!("result-badge", result_class(c.result))}>{ c.result.as_str() }</span>
                                { " " }<span class="badge">{ c.rcode.clone() }</span>{ " " }<code class="tl-question">{ c.question.clone() }</code></p>
                            <p class="tl-why">{ c.reason.clone() }</p>
                        </li>
                    },
                }) }
            </ol>
        </div>
    }
}

fn lookup_view(
    l: &Lookup,
    index: usize,
    doc: &Doc,
    go: impl Fn(fn(usize, usize) -> usize) -> Callback<MouseEvent>,
    on_keys: Callback<KeyboardEvent>,
    to_resolve: Callback<MouseEvent>,
) -> Html {
    let steps = &l.resolution.steps;
    let n = steps.len();
    let step = steps.get(index);
    html! {
        <div class="acm-lookup">
            <p class="acm-lookup-head">{ format!("ACM's lookup of {} CNAME at {}: ", l.record.name, iso_time(l.at)) }
                <strong>{ l.check.rcode.clone() }</strong></p>
            if !l.same_as_recorded {
                <p class="acm-plan plan-warn">{ "The zones have changed since this check: the replay below finds something else than the check recorded. Validate again to record a new check." }</p>
            }
            <div class="stepping acm-stepping" tabindex="0" role="group" aria-label="ACM lookup steps (arrow keys, Home, End)" onkeydown={on_keys}>
                <div class="step-controls">
                    <button type="button" class="btn btn-secondary" onclick={go(|_, _| 0)} disabled={index == 0}>{ "First" }</button>
                    <button type="button" class="btn btn-secondary" onclick={go(|i, _| i.saturating_sub(1))} disabled={index == 0}>{ "Previous" }</button>
                    <span class="step-count acm-step-count" aria-live="polite">{ format!("Step {} of {n}", index + 1) }</span>
                    <button type="button" class="btn btn-secondary" onclick={go(|i, n| (i + 1).min(n.saturating_sub(1)))} disabled={index + 1 >= n}>{ "Next" }</button>
                    <button type="button" class="btn btn-secondary" onclick={go(|_, n| n.saturating_sub(1))} disabled={index + 1 >= n}>{ "Last" }</button>
                </div>
                { step_list(steps, index, "ACM lookup steps") }
                if let Some(s) = step {
                    { step_detail(&doc.world, s, l.at) }
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

fn request_form(
    doc: &Doc,
    draft: &RequestDraft,
    errors: &RequestErrors,
    on_field: impl Fn(fn(&mut RequestDraft, String), fn(&mut RequestErrors)) -> Callback<InputEvent>,
    on_account: Callback<Event>,
    on_submit: Callback<SubmitEvent>,
) -> Html {
    let field_class =
        |e: &Option<RequestFieldError>| classes!("field", e.is_some().then_some("invalid"));
    let described =
        |e: &Option<RequestFieldError>, error_id: &'static str, hint_id: &'static str| {
            if e.is_some() {
                format!("{error_id} {hint_id}")
            } else {
                hint_id.to_string()
            }
        };
    let error_p = |e: &Option<RequestFieldError>, id: &'static str| match e {
        Some(e) => html! { <p class="field-error" id={id} role="alert">{ e.to_string() }</p> },
        None => Html::default(),
    };
    html! {
        <form class="acm-request" onsubmit={on_submit} novalidate=true aria-labelledby="acm-request-heading">
            <h3 id="acm-request-heading">{ "Request a certificate" }</h3>
            if let Some(g) = &errors.general {
                <p class="form-alert" role="alert">{ g.to_string() }</p>
            }
            <div class="acm-request-fields">
                <div class={field_class(&errors.account)}>
                    <label for="acm-account">{ "Account" }</label>
                    <select id="acm-account" onchange={on_account} aria-invalid={errors.account.is_some().to_string()}
                        aria-describedby={errors.account.is_some().then_some("acm-account-error")}>
                        { for doc.aws.accounts.iter().filter(|a| a.id != crate::scenario::presets::ACCOUNT_AWS).map(|a| html! {
                            <option value={a.id.clone()} selected={a.id == draft.account}>
                                { if a.label.is_empty() { a.id.clone() } else { format!("{} · {}", a.id, a.label) } }
                            </option>
                        }) }
                    </select>
                    { error_p(&errors.account, "acm-account-error") }
                </div>
                <div class={field_class(&errors.domain)}>
                    <label for="acm-domain">{ "Domain name" }</label>
                    <input id="acm-domain" type="text" value={draft.domain.clone()} spellcheck="false" autocomplete="off"
                        placeholder="*.api.example.com"
                        oninput={on_field(|d, v| d.domain = v, |e| e.domain = None)}
                        aria-invalid={errors.domain.is_some().to_string()}
                        aria-describedby={described(&errors.domain, "acm-domain-error", "acm-domain-hint")} />
                    { error_p(&errors.domain, "acm-domain-error") }
                    <p class="hint" id="acm-domain-hint">{ "A name such as api.example.com, or a wildcard: *.api.example.com." }</p>
                </div>
                <div class={field_class(&errors.sans)}>
                    <label for="acm-sans">{ "Other names (optional)" }</label>
                    <textarea id="acm-sans" rows="2" value={draft.sans.clone()} spellcheck="false" autocomplete="off"
                        placeholder="api.example.com"
                        oninput={on_field(|d, v| d.sans = v, |e| e.sans = None)}
                        aria-invalid={errors.sans.is_some().to_string()}
                        aria-describedby={described(&errors.sans, "acm-sans-error", "acm-sans-hint")} />
                    { error_p(&errors.sans, "acm-sans-error") }
                    <p class="hint" id="acm-sans-hint">{ "Subject alternative names, separated by commas or new lines; up to 10 names in all." }</p>
                </div>
            </div>
            <div class="acm-request-actions">
                <button type="submit" class="btn btn-primary" id="acm-request-submit">{ "Request certificate" }</button>
            </div>
        </form>
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
