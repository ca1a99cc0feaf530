//! How a resolution ended: the rcode in words, the resolver's reason, the answer records and
//! dig's text. It is in the page from the start but hidden until the last step, so it does
//! not give the story away.

use yew::prelude::*;

use crate::dns::resolve::{OutcomeKind, Resolution};
use crate::scenario::dig_command::outcome_text;

/// The outcome of `r` (asked at `now`), shown once the steps have `reached` the end.
pub fn outcome_view(
    world: &crate::dns::world::World,
    r: &Resolution,
    now: u64,
    reached: bool,
) -> Html {
    let kind = r.outcome.kind;
    let (class, icon, words) = match kind {
        OutcomeKind::Answer => ("ok", "✓", "NOERROR: the answer"),
        OutcomeKind::NoData => (
            "warn",
            "∅",
            "NODATA: the name exists, with no records of this type",
        ),
        OutcomeKind::NxDomain => ("nx", "✗", "NXDOMAIN: the name does not exist"),
        OutcomeKind::Refused => (
            "refused",
            "⊘",
            "REFUSED: the server serves no zone for this name",
        ),
        OutcomeKind::ServFail => ("bad", "⚠", "SERVFAIL: the resolver could not get an answer"),
        OutcomeKind::Referral => ("info", "→", "REFERRAL: the server points elsewhere"),
        OutcomeKind::NoReply => ("bad", "…", "TIMEOUT: nothing answered"),
    };
    let text = outcome_text(world, r, now);
    html! {
        <div class={classes!("outcome", format!("outcome-{class}"))} id="resolve-outcome" hidden={!reached}>
            <p class="outcome-head"><span class="outcome-icon" aria-hidden="true">{ icon }</span>
                <strong class="outcome-label">{ kind.label() }</strong>{ " " }<span>{ words }</span></p>
            <p class="outcome-reason">{ r.outcome.reason.clone() }</p>
            if !r.outcome.answer.is_empty() {
                <ul class="outcome-records">
                    { for r.outcome.answer.iter().map(|rec| html! { <li><code>{ crate::dns::dig::record_line(rec) }</code></li> }) }
                </ul>
            }
            if let Some(t) = text { <pre class="dig-text" tabindex="0">{ t }</pre> }
        </div>
    }
}
