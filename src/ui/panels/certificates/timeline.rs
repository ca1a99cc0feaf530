//! A certificate's status timeline: each status change with why, and each ACM check with its
//! result, its answer code and its question (a run of identical checks folded into one).

use yew::prelude::*;

use super::model::{result_class, since_request, status_class};
use crate::aws::acm::Certificate;
use crate::aws::acm::history::{Event as AcmEvent, iso_time};

pub fn timeline(cert: &Certificate) -> Html {
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
