//! The record table's search box and type filter, like the Route 53 console's, with a
//! status line saying how many record sets are shown of how many. The query is the
//! table's; this view only reports what is typed and picked.

use hickory_proto::rr::RecordType;
use yew::prelude::*;

use crate::ui::numbers::thousands;

use crate::ui::platform::events::value_of;

use crate::ui::panels::zone::record_query::RecordQuery;

#[derive(Properties, PartialEq)]
pub struct RecordFilterProps {
    pub query: RecordQuery,
    /// The record types present in the zone.
    pub types: Vec<RecordType>,
    /// How many record sets match, and how many the zone holds.
    pub shown: usize,
    pub total: usize,
    pub on_change: Callback<RecordQuery>,
}

#[function_component]
pub fn RecordFilter(props: &RecordFilterProps) -> Html {
    let on_name = {
        let (query, cb) = (props.query.clone(), props.on_change.clone());
        Callback::from(move |e: InputEvent| {
            let name = value_of(&e);
            cb.emit(RecordQuery {
                name,
                ..query.clone()
            })
        })
    };
    let on_type = {
        let (query, cb) = (props.query.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let value = value_of(&e);
            cb.emit(RecordQuery {
                rtype: value.parse().ok(),
                ..query.clone()
            })
        })
    };
    let status = if props.query.is_empty() {
        count(props.total)
    } else {
        format!("{} of {} match", thousands(props.shown), count(props.total))
    };
    html! {
        <div class="record-filter" role="search" aria-label="Filter the record sets">
            <div class="field filter-name">
                <label for="record-filter-name">{ "Search by name" }</label>
                <input id="record-filter-name" type="search" placeholder="www, api, _acme…"
                    spellcheck="false" autocomplete="off" value={props.query.name.clone()}
                    oninput={on_name} aria-describedby="record-filter-status" />
            </div>
            <div class="field filter-type">
                <label for="record-filter-type">{ "Filter by type" }</label>
                <select id="record-filter-type" onchange={on_type}>
                    <option value="" selected={props.query.rtype.is_none()}>{ "All types" }</option>
                    { for props.types.iter().map(|t| html! {
                        <option value={t.to_string()} selected={props.query.rtype == Some(*t)}>{ t.to_string() }</option>
                    }) }
                </select>
            </div>
            <p class="filter-status" id="record-filter-status" role="status">{ status }</p>
        </div>
    }
}

/// "1 record set", "25,006 record sets".
fn count(n: usize) -> String {
    match n {
        1 => "1 record set".into(),
        n => format!("{} record sets", thousands(n)),
    }
}
