//! The record table of one zone, like the Route 53 console's: name, type, TTL, values, with
//! edit and delete per record set. Delegations and occluded data (below a delegation, never
//! served) are marked. Values are text nodes, so record text is never read as HTML.

use hickory_proto::rr::{Name, RecordType};
use yew::prelude::*;

use super::icon::Icon;
use crate::dns::{RecordSet, Zone};

/// A record set's key: its name and type.
pub type SetKey = (Name, RecordType);

#[derive(Properties, PartialEq)]
pub struct RecordTableProps {
    pub zone: Zone,
    pub on_edit: Callback<SetKey>,
    pub on_delete: Callback<SetKey>,
}

#[function_component]
pub fn RecordTable(props: &RecordTableProps) -> Html {
    let zone = &props.zone;
    html! {
        <div class="table-wrap">
            <table class="records">
                <caption class="sr-only">{ format!("Record sets in {}", zone.origin) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Record name" }</th>
                        <th scope="col">{ "Type" }</th>
                        <th scope="col" class="num">{ "TTL (s)" }</th>
                        <th scope="col">{ "Value" }</th>
                        <th scope="col"><span class="sr-only">{ "Actions" }</span></th>
                    </tr>
                </thead>
                <tbody>
                    { for zone.iter().map(|set| row(zone, set, props)) }
                </tbody>
            </table>
        </div>
    }
}

fn row(zone: &Zone, set: &RecordSet, props: &RecordTableProps) -> Html {
    let key: SetKey = (set.name.clone(), set.rtype);
    let apex_fixed =
        set.name == zone.origin && matches!(set.rtype, RecordType::SOA | RecordType::NS);
    let delegation = set.rtype == RecordType::NS && set.name != zone.origin;
    let occluded = zone.is_occluded(set);
    let what = format!("{} record set {}", set.rtype, set.name);
    let on_edit = {
        let (cb, key) = (props.on_edit.clone(), key.clone());
        Callback::from(move |_: MouseEvent| cb.emit(key.clone()))
    };
    let on_delete = {
        let (cb, key) = (props.on_delete.clone(), key.clone());
        Callback::from(move |_: MouseEvent| cb.emit(key.clone()))
    };
    html! {
        <tr class={classes!(occluded.then_some("occluded"))} data-name={set.name.to_string()} data-type={set.rtype.to_string()}>
            <td class="rec-name" data-label="Record name">
                <code>{ set.name.to_string() }</code>
                if delegation { <span class="tag tag-accent">{ "delegation" }</span> }
                if occluded { <span class="tag tag-warn" title="Below a delegation: resolvers are sent to the child zone and never see this">{ "occluded: never served" }</span> }
            </td>
            <td data-label="Type"><span class="type-pill">{ set.rtype.to_string() }</span></td>
            <td class="num" data-label="TTL (s)">{ set.ttl.to_string() }</td>
            <td class="rec-values" data-label="Value">
                <div class="values">
                    { for set.value_texts().into_iter().map(|v| html! { <code class="value">{ v }</code> }) }
                </div>
            </td>
            <td class="rec-actions">
                <button type="button" class="btn btn-icon" aria-label={format!("Edit {what}")} title="Edit" onclick={on_edit}>
                    <Icon name="pencil" />
                </button>
                if apex_fixed {
                    <button type="button" class="btn btn-icon" aria-label={format!("Delete {what} (not possible: Route 53 keeps the apex {} set)", set.rtype)}
                        title={format!("Route 53 keeps the apex {} set for as long as the zone exists", set.rtype)} disabled=true>
                        <Icon name="trash" />
                    </button>
                } else {
                    <button type="button" class="btn btn-icon btn-danger" aria-label={format!("Delete {what}")} title="Delete" onclick={on_delete}>
                        <Icon name="trash" />
                    </button>
                }
            </td>
        </tr>
    }
}
