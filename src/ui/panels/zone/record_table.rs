//! The record table of one zone, like the Route 53 console's: name, type, TTL, values, with
//! edit and delete per record set, and a search by name and a filter by type above it.
//! Delegations and occluded data (below a delegation, never served) are marked. Values are
//! text nodes, so record text is never read as HTML.
//!
//! The table is virtualised so a zone of 25,000 record sets stays light: it scrolls in its
//! own box, its rows have one fixed height (set in `www/style.css` and measured here), and
//! only the rows in view and a few around them (`record_window`) are in the DOM, between
//! two spacer rows. `aria-rowcount` and `aria-rowindex` tell assistive technology where
//! each rendered row sits in the whole table.

use std::rc::Rc;

use hickory_proto::rr::RecordType;
use yew::prelude::*;

use super::record_filter::RecordFilter;
use crate::dns::{RecordSet, Zone};
use crate::ui::doc::Doc;
use crate::ui::panels::zone::record_query::{RecordQuery, types_in};
use crate::ui::panels::zone::record_window::{Viewport, window};
use crate::ui::views::icon::Icon;

/// A record set's key: its name and type.
pub use crate::ui::panels::zone::record_editor::SetKey;

/// A row's height in pixels until one has been measured (the desktop layout's).
const DEFAULT_ROW_H: u32 = 45;

#[derive(Properties, PartialEq)]
pub struct RecordTableProps {
    pub doc: Rc<Doc>,
    pub zone_id: AttrValue,
    pub on_edit: Callback<SetKey>,
    pub on_delete: Callback<SetKey>,
}

#[function_component]
pub fn RecordTable(props: &RecordTableProps) -> Html {
    let query = use_state(RecordQuery::default);
    let view = use_state_eq(Viewport::default);
    let row_h = use_state_eq(|| DEFAULT_ROW_H);
    let wrap = use_node_ref();
    // The keys of the record sets that match the query (none kept when nothing is filtered:
    // then the rows come straight from the zone).
    let matches = use_memo(
        (props.doc.clone(), props.zone_id.clone(), (*query).clone()),
        |(doc, id, query)| {
            let zone = doc.world.zone(id)?;
            (!query.is_empty()).then(|| {
                query
                    .select(zone)
                    .into_iter()
                    .map(|s| (s.name.clone(), s.rtype))
                    .collect::<Vec<SetKey>>()
            })
        },
    );
    let types = use_memo((props.doc.clone(), props.zone_id.clone()), |(doc, id)| {
        doc.world.zone(id).map(types_in).unwrap_or_default()
    });
    use_measure(&wrap, &view, &row_h);

    let Some(zone) = props.doc.world.zone(&props.zone_id) else {
        return html! {};
    };
    let total_sets = zone.len();
    let total = matches.as_ref().as_ref().map_or(total_sets, Vec::len);
    let w = window(total, *row_h, *view);
    let rows: Vec<&RecordSet> = match matches.as_ref() {
        Some(keys) => keys[w.start..w.end]
            .iter()
            .filter_map(|(name, rtype)| zone.get(name, *rtype))
            .collect(),
        None => zone.iter().skip(w.start).take(w.len()).collect(),
    };

    let on_scroll = {
        let (wrap, view, row_h) = (wrap.clone(), view.clone(), row_h.clone());
        Callback::from(move |_: Event| measure_view(&wrap, &view, *row_h))
    };
    let on_query = {
        let (query, wrap) = (query.clone(), wrap.clone());
        Callback::from(move |q: RecordQuery| {
            // A new query starts at the top of its results.
            if let Some(el) = wrap.cast::<web_sys::Element>() {
                el.set_scroll_top(0);
            }
            query.set(q);
        })
    };
    let spacer = |h: u32, class: &'static str| {
        (h > 0).then(|| {
            html! {
                <tr class={classes!("spacer", class)} aria-hidden="true">
                    <td colspan="5" height={h.to_string()}></td>
                </tr>
            }
        })
    };
    html! {
        <div class="record-table">
            <RecordFilter query={(*query).clone()} types={(*types).clone()} shown={total}
                total={total_sets} on_change={on_query} />
            <div class="table-wrap" ref={wrap} onscroll={on_scroll}>
                <table class="records" aria-rowcount={(total + 1).to_string()}>
                    <caption class="sr-only">{ format!("Record sets in {}", zone.origin) }</caption>
                    <colgroup>
                        <col class="col-name" /><col class="col-type" /><col class="col-ttl" />
                        <col class="col-value" /><col class="col-actions" />
                    </colgroup>
                    <thead>
                        <tr aria-rowindex="1">
                            <th scope="col">{ "Record name" }</th>
                            <th scope="col">{ "Type" }</th>
                            <th scope="col" class="num">{ "TTL (s)" }</th>
                            <th scope="col">{ "Value" }</th>
                            <th scope="col"><span class="sr-only">{ "Actions" }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { spacer(w.above, "above") }
                        { for rows.into_iter().enumerate().map(|(i, set)| row(zone, set, w.start + i, props)) }
                        { spacer(w.below, "below") }
                        if total == 0 {
                            <tr class="no-match"><td colspan="5">{ "No record set matches the filter." }</td></tr>
                        }
                    </tbody>
                </table>
            </div>
        </div>
    }
}

/// Measures, after each render, the height of a row and of the scrolling box, so the window
/// follows what the stylesheet draws (desktop rows, or the taller cards of a narrow screen).
#[hook]
fn use_measure(wrap: &NodeRef, view: &UseStateHandle<Viewport>, row_h: &UseStateHandle<u32>) {
    let (wrap, view, row_h) = (wrap.clone(), view.clone(), row_h.clone());
    use_effect(move || {
        let measured = wrap
            .cast::<web_sys::Element>()
            .and_then(|el| el.query_selector("tbody tr.rec").ok().flatten())
            .map(|tr| tr.client_height())
            .filter(|h| *h > 0);
        let h = measured.map_or(*row_h, |h| h as u32);
        row_h.set(h);
        measure_view(&wrap, &view, h);
    });
}

fn measure_view(wrap: &NodeRef, view: &UseStateHandle<Viewport>, row_h: u32) {
    if let Some(el) = wrap.cast::<web_sys::Element>() {
        let height = el.client_height();
        if height > 0 {
            view.set(Viewport::measure(
                f64::from(el.scroll_top()),
                f64::from(height),
                f64::from(row_h),
            ));
        }
    }
}

fn row(zone: &Zone, set: &RecordSet, index: usize, props: &RecordTableProps) -> Html {
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
    let name = set.name.to_string();
    let values = set.value_texts();
    html! {
        <tr key={format!("{name} {}", set.rtype)} class={classes!("rec", occluded.then_some("occluded"))}
            aria-rowindex={(index + 2).to_string()} data-name={name.clone()} data-type={crate::dns::rtype::type_mnemonic(set.rtype)}>
            <td class="rec-name" data-label="Record name" title={name.clone()}>
                <code>{ name }</code>
                if delegation { <span class="tag tag-accent">{ "delegation" }</span> }
                if occluded { <span class="tag tag-warn" title="Below a delegation: resolvers are sent to the child zone and never see this">{ "occluded: never served" }</span> }
            </td>
            <td data-label="Type"><span class="type-pill">{ crate::dns::rtype::type_mnemonic(set.rtype) }</span></td>
            <td class="num" data-label="TTL (s)">{ set.ttl.to_string() }</td>
            <td class="rec-values" data-label="Value" title={values.join("\n")}>
                <div class="values">
                    { for values.into_iter().map(|v| html! { <code class="value">{ v }</code> }) }
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
