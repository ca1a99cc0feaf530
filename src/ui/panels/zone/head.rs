//! [`ZoneHead`]: the selected zone's head: what it is (a hosted zone and its id, the root, a
//! top-level domain, a registry zone), its name, its owner, how many record sets it holds,
//! its name servers, and "Add record".

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::doc::Doc;
use crate::ui::views::icon::Icon;

#[derive(Properties, PartialEq)]
pub struct ZoneHeadProps {
    pub doc: Rc<Doc>,
    pub zone_id: AttrValue,
    pub on_add: Callback<MouseEvent>,
}

#[function_component]
pub fn ZoneHead(props: &ZoneHeadProps) -> Html {
    let doc = &props.doc;
    let Some(zone) = doc.world.zone(&props.zone_id) else {
        return Html::default();
    };
    let hosted = doc.aws.hosted_zone(&props.zone_id);
    let owner_text = match hosted {
        Some(hz) => match doc.aws.account(&hz.account) {
            Some(a) if !a.label.is_empty() => format!("AWS account {} · {}", a.id, a.label),
            _ => format!("AWS account {}", hz.account),
        },
        None => "Internet registry".to_string(),
    };
    let kind = if hosted.is_some() {
        format!("Public hosted zone {}", props.zone_id)
    } else if zone.origin.is_root() {
        "The root zone".to_string()
    } else if zone.origin.num_labels() == 1 {
        "Top-level domain".to_string()
    } else {
        "Registry zone".to_string()
    };
    let name_servers: Vec<String> = zone
        .apex_ns()
        .map(|ns| ns.value_texts())
        .unwrap_or_default();
    let count = zone.len();
    html! {
        <>
        <div class="panel-head">
            <div class="panel-title">
                <p class="eyebrow">{ kind }</p>
                <h2 id="zone-heading"><code>{ zone.origin.to_string() }</code></h2>
                <p class="meta">
                    { crate::ui::views::account_badge::zone_account_badge(doc, &props.zone_id) }
                    <span>{ owner_text }</span>
                    <span aria-hidden="true">{ "·" }</span>
                    <span>{ if count == 1 { "1 record set".to_string() } else { format!("{count} record sets") } }</span>
                </p>
            </div>
            <button type="button" class="btn btn-primary" id="add-record" onclick={props.on_add.clone()}>
                <Icon name="plus" /><span>{ "Add record" }</span>
            </button>
        </div>
        if !name_servers.is_empty() {
            <div class="ns-list" aria-label="Name servers of this zone" role="group">
                <span class="ns-title">{ "Name servers" }</span>
                { for name_servers.iter().map(|n| html! { <code class="chip">{ n.clone() }</code> }) }
            </div>
        }
        </>
    }
}
