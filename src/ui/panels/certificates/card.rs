//! [`CertificateCard`]: one certificate: its name, ARN and status; its names and dates; its
//! validation records; "Create records in Route 53", "Validate now" and "Advance to the next
//! check"; when ACM looks next; its CAA checks; its status timeline.

use yew::prelude::*;

use super::caa_checks::CaaChecks;
use super::model::{Open, since_request, status_class, status_text};
use super::records::ValidationRecords;
use super::timeline::timeline;
use crate::aws::acm::history::iso_time;
use crate::aws::acm::{CertificateStatus, Target};
use crate::scenario::edit::Edit;
use crate::ui::hooks::use_app;
use crate::ui::resolve::duration_text;

#[derive(Properties, PartialEq)]
pub struct CertificateCardProps {
    pub arn: AttrValue,
    /// What the panel has open, if it is below this certificate.
    pub open: Option<Open>,
    pub on_open: Callback<Open>,
    /// Copies (what, text) to the clipboard.
    pub copy: Callback<(String, String)>,
    pub on_highlight: Callback<Vec<String>>,
}

#[function_component]
pub fn CertificateCard(props: &CertificateCardProps) -> Html {
    let app = use_app();
    let doc = &app.doc;
    let Some(cert) = doc.aws.certificate(&props.arn) else {
        return Html::default();
    };
    let edit = |edit: Edit| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.apply(edit.clone()))
    };
    let id = cert.id().to_string();
    let title_id = format!("cert-{id}-title");
    let pending = cert.status == CertificateStatus::PendingValidation;
    let plans = crate::scenario::acm_ops::plan(doc, &cert.arn).unwrap_or_default();
    let to_create = plans
        .iter()
        .filter(|p| matches!(p.target, Target::Zone { present: false, .. }))
        .count();
    let due = cert
        .next_check
        .filter(|_| pending)
        .map(|at| (at, at <= doc.clock));
    let (open_record, open_caa) = match &props.open {
        Some(Open::Lookup { name, .. }) => (Some(name.clone()), None),
        Some(Open::Caa { domain, .. }) => (None, Some(domain.clone())),
        None => (None, None),
    };
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
            <ValidationRecords arn={props.arn.clone()} plans={plans} open={open_record}
                on_open={props.on_open.clone()} copy={props.copy.clone()} on_highlight={props.on_highlight.clone()} />
            <div class="cert-actions">
                <button type="button" class="btn btn-secondary" disabled={to_create == 0 || !pending}
                    onclick={edit(Edit::CreateValidationRecords { arn: cert.arn.clone() })}>
                    { "Create records in Route 53" }
                </button>
                <button type="button" class="btn btn-primary" disabled={!matches!(due, Some((_, true)))}
                    onclick={edit(Edit::ValidateCertificate { arn: cert.arn.clone() })}>
                    { "Validate now" }
                </button>
                if let Some((at, false)) = due {
                    <button type="button" class="btn btn-secondary"
                        onclick={edit(Edit::AdvanceClock { seconds: at - doc.clock })}>
                        { format!("Advance to the next check (+{})", duration_text((at - doc.clock).min(u64::from(u32::MAX)) as u32)) }
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
            <CaaChecks arn={props.arn.clone()} open={open_caa} on_open={props.on_open.clone()}
                on_highlight={props.on_highlight.clone()} />
            { timeline(cert) }
        </article>
    }
}
