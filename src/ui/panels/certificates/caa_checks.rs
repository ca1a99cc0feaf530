//! [`CaaChecks`]: a certificate's CAA checks, one per name ACM checked with its result, each
//! with its search to open ([`super::caa_search`]).

use yew::prelude::*;

use super::caa::{caa_domains, latest_caa_check};
use super::caa_search::CaaStepper;
use super::model::{Open, result_class};
use crate::ui::hooks::use_app;

#[derive(Properties, PartialEq)]
pub struct CaaChecksProps {
    pub arn: AttrValue,
    /// The name whose search is open, if it is one of this certificate's.
    pub open: Option<String>,
    pub on_open: Callback<Open>,
    pub on_highlight: Callback<Vec<String>>,
}

#[function_component]
pub fn CaaChecks(props: &CaaChecksProps) -> Html {
    let app = use_app();
    let Some(cert) = app.doc.aws.certificate(&props.arn) else {
        return Html::default();
    };
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
                    let open = props.open.as_deref() == Some(domain.as_str());
                    let toggle = {
                        let cb = props.on_open.clone();
                        let key = Open::Caa { arn: props.arn.to_string(), domain: domain.clone() };
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
                            if open {
                                <CaaStepper arn={props.arn.clone()} domain={domain.clone()}
                                    on_highlight={props.on_highlight.clone()} />
                            }
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
