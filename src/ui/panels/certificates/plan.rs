//! Where a validation record goes, as the console says it: in place, "Create records in
//! Route 53" can make it (same account), or it cannot and why; with a link to the zone the
//! record belongs in.

use yew::prelude::*;

use super::lookup::ZoneRef;
use crate::aws::acm::Target;
use crate::ui::Doc;
use crate::ui::platform::browser::focus;
use crate::ui::resolve::plain;

/// The plan for one record: `target` as ACM's console sees it, `belongs` the zone the record
/// belongs in (by delegation); `select_zone` shows a zone in the record panel.
pub fn plan_view(
    target: &Target,
    belongs: Option<ZoneRef>,
    doc: &Doc,
    select_zone: &Callback<String>,
) -> Html {
    let link = |zone: &ZoneRef| {
        let (cb, id) = (select_zone.clone(), zone.zone_id.clone());
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
                account: doc
                    .aws
                    .hosted_zone(zone_id)
                    .map(|z| z.account.clone())
                    .unwrap_or_default(),
            };
            let class = if warning.is_some() {
                "plan-warn"
            } else if *present {
                "plan-ok"
            } else {
                "plan-info"
            };
            html! {
                <div class={classes!("acm-plan", class)}>
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
