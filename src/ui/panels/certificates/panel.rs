//! [`CertificatesPanel`]: the certificates panel (ACM): the simulated clock, then per
//! account its certificates ([`super::card`]), the request form ([`super::request_form`]) and
//! the article's two outcomes side by side ([`super::compare`]). The panel keeps what is open
//! below a certificate (one lookup or one CAA search at a time) and announces copies.

use yew::prelude::*;

use super::card::CertificateCard;
use super::clock_bar::AcmClock;
use super::compare::Outcomes;
use super::model::Open;
use super::request_form::RequestForm;
use crate::scenario::presets::ACCOUNT_AWS;
use crate::ui::hooks::use_app;
use crate::ui::platform::browser;

#[derive(Properties, PartialEq, Clone)]
pub struct CertificatesPanelProps {
    /// Receives the zones of the lookup step shown, for the diagram.
    pub on_highlight: Callback<Vec<String>>,
}

/// Copies (what, text) and says in `said` whether it worked.
fn copier(said: UseStateHandle<String>) -> Callback<(String, String)> {
    Callback::from(move |(what, text): (String, String)| {
        let said = said.clone();
        browser::copy(&text, move |ok| {
            said.set(if ok {
                format!("Copied the {what}.")
            } else {
                format!("Could not copy the {what}: select it and copy it by hand.")
            })
        });
    })
}

#[function_component]
pub fn CertificatesPanel(props: &CertificatesPanelProps) -> Html {
    let app = use_app();
    let open = use_state(|| None::<Open>);
    let copied = use_state(String::new);
    let on_open = {
        let open = open.clone();
        Callback::from(move |clicked: Open| open.set(Open::toggled(open.as_ref(), clicked)))
    };
    let copy = copier(copied.clone());
    let doc = &app.doc;
    // AWS's own account only when it holds certificates.
    let accounts = doc
        .aws
        .accounts
        .iter()
        .filter(|a| a.id != ACCOUNT_AWS || doc.aws.certificates_of(&a.id).next().is_some());
    let open_below = |arn: &str| {
        open.as_ref()
            .filter(
                |o| matches!(o, Open::Lookup { arn: a, .. } | Open::Caa { arn: a, .. } if a == arn),
            )
            .cloned()
    };
    html! {
        <section class="panel panel-acm" id="certificates-panel" aria-labelledby="acm-heading" tabindex="-1">
            <div class="panel-bar">
                <h2 id="acm-heading">{ "Certificates (ACM)" }</h2>
                <p class="panel-note">{ "DNS validation as ACM runs it: a lookup from the root, CAA, 72 hours." }</p>
            </div>
            <AcmClock />
            <p class="sr-only" aria-live="polite">{ (*copied).clone() }</p>
            <div class="acm-accounts">
                if doc.aws.certificates.is_empty() {
                    <p class="acm-none">{ "No certificates yet. Request one below, or load an ACM preset." }</p>
                }
                { for accounts.map(|a| {
                    let heading = format!("acm-account-{}", a.id);
                    let arns: Vec<String> = doc.aws.certificates_of(&a.id).map(|c| c.arn.clone()).collect();
                    html! {
                        <section class="acm-account" aria-labelledby={heading.clone()}>
                            <h3 id={heading}>{ format!("Account {}", a.id) }
                                if !a.label.is_empty() { <span class="acm-account-label">{ format!(" · {}", a.label) }</span> }
                            </h3>
                            if arns.is_empty() {
                                <p class="acm-none">{ "No certificates in this account." }</p>
                            } else {
                                { for arns.into_iter().map(|arn| html! {
                                    <CertificateCard key={arn.clone()} open={open_below(&arn)} arn={arn.clone()}
                                        on_open={on_open.clone()} copy={copy.clone()}
                                        on_highlight={props.on_highlight.clone()} />
                                }) }
                            }
                        </section>
                    }
                }) }
            </div>
            <RequestForm />
            <Outcomes />
        </section>
    }
}
