//! The import dialog's first row: what the text is (zone file, Route 53 JSON, scenario) and,
//! for the record imports, the hosted zone it goes into.

use yew::prelude::*;

use super::import::ImportKind;
use crate::scenario::Scenario;

/// The kind and hosted-zone selects; `on_kind` and `on_zone` are the selects' change events.
pub fn import_target(
    doc: &Scenario,
    kind: ImportKind,
    zone: &str,
    on_kind: Callback<Event>,
    on_zone: Callback<Event>,
) -> Html {
    html! {
        <div class="field-row">
            <div class="field">
                <label for="import-kind">{ "What it is" }</label>
                <select id="import-kind" onchange={on_kind}>
                    { for ImportKind::ALL.iter().map(|k| html! {
                        <option value={k.id()} selected={*k == kind}>{ k.label() }</option>
                    }) }
                </select>
            </div>
            if kind.needs_zone() {
                <div class="field">
                    <label for="import-zone">{ "Into hosted zone" }</label>
                    <select id="import-zone" onchange={on_zone}>
                        { for doc.aws.hosted_zones.iter().map(|hz| html! {
                            <option value={hz.id.clone()} selected={hz.id == zone}>
                                { format!("{} ({}, {})", hz.name, hz.id, hz.account) }
                            </option>
                        }) }
                    </select>
                </div>
            }
        </div>
    }
}
