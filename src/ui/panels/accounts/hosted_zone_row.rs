//! One hosted zone in the accounts panel: its name, id and the four name servers Route 53
//! assigned, with Select, Recreate and Delete. A component of its own with plain props, so
//! that at 1,000 zones a change to one zone (or the selection) renders that row alone.

use yew::prelude::*;

use crate::ui::views::icon::Icon;

#[derive(Properties, PartialEq)]
pub struct HostedZoneRowProps {
    pub id: AttrValue,
    /// The zone's name as dig writes it.
    pub name: AttrValue,
    /// Its apex NS values.
    pub ns: Vec<String>,
    pub selected: bool,
    /// Each called with the zone's id.
    pub on_select: Callback<AttrValue>,
    pub on_recreate: Callback<AttrValue>,
    pub on_delete: Callback<AttrValue>,
}

#[function_component]
pub fn HostedZoneRow(props: &HostedZoneRowProps) -> Html {
    let with_id = |cb: &Callback<AttrValue>| {
        let (cb, id) = (cb.clone(), props.id.clone());
        Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
    };
    let name = &props.name;
    html! {
        <li class={classes!("hz", props.selected.then_some("selected"))} data-zone={props.id.clone()} data-name={name.clone()}>
            <div class="hz-head">
                <button type="button" class="hz-select" aria-pressed={props.selected.to_string()} onclick={with_id(&props.on_select)}>
                    <span class="sr-only">{ "Select hosted zone " }</span>
                    <code class="hz-name">{ name.clone() }</code>
                    <span class="hz-id">{ props.id.clone() }</span>
                </button>
                <div class="hz-actions">
                    <button type="button" class="btn btn-secondary btn-small" aria-label={format!("Recreate hosted zone {name}")}
                        onclick={with_id(&props.on_recreate)}>{ "Recreate" }</button>
                    <button type="button" class="btn btn-secondary btn-small btn-danger" aria-label={format!("Delete hosted zone {name}")}
                        onclick={with_id(&props.on_delete)}><Icon name="trash" /><span>{ "Delete" }</span></button>
                </div>
            </div>
            <ul class="hz-ns" aria-label={format!("Name servers Route 53 assigned to {name}")}>
                { for props.ns.iter().map(|s| html! { <li><code>{ s.clone() }</code></li> }) }
            </ul>
        </li>
    }
}
