//! The simulated clock (advanced by edits, so undo takes it back) and the public resolver's
//! cache with each entry's TTL left, flushed by an edit too.

use yew::prelude::*;

use crate::ui::hooks::use_app;
use crate::ui::resolve::{clock_text, duration_text, plain};
use crate::ui::state::Edit;

/// The clock panel: the time, the buttons that advance it, and the cache.
#[function_component]
pub fn ClockPanel() -> Html {
    let state = use_app();
    let edit = |edit: Edit| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.apply(edit.clone()))
    };
    let now = state.doc.clock;
    html! {
        <section class="panel panel-clock" id="clock-panel" aria-labelledby="clock-heading" tabindex="-1">
            <div class="panel-bar"><h2 id="clock-heading">{ "Simulated time and resolver cache" }</h2></div>
            <p class="clock">{ "Clock: " }<time id="clock-now">{ clock_text(now) }</time></p>
            <div class="clock-buttons">
                <button type="button" class="btn btn-secondary" onclick={edit(Edit::AdvanceClock { seconds: 60 })}>{ "+1 min" }</button>
                <button type="button" class="btn btn-secondary" onclick={edit(Edit::AdvanceClock { seconds: 300 })}>{ "+5 min" }</button>
                <button type="button" class="btn btn-secondary" onclick={edit(Edit::AdvanceClock { seconds: 3600 })}>{ "+1 h" }</button>
                <button type="button" class="btn btn-secondary" onclick={edit(Edit::AdvanceClock { seconds: 86_400 })}>{ "+1 day" }</button>
                <button type="button" class="btn btn-ghost" onclick={edit(Edit::FlushCache)}>{ "Flush cache" }</button>
            </div>
            { cache_table(&state.doc, now) }
        </section>
    }
}

/// The cache entries still alive at `now`.
fn cache_table(doc: &crate::ui::Doc, now: u64) -> Html {
    use crate::dns::resolve::Cached;
    let live: Vec<_> = doc
        .resolver_cache
        .entries()
        .filter(|e| e.remaining(now) > 0)
        .collect();
    if live.is_empty() {
        return html! { <p class="empty" id="cache-empty">{ "The resolver cache is empty." }</p> };
    }
    html! {
        <table class="cache-table">
            <caption class="sr-only">{ "Resolver cache" }</caption>
            <thead><tr><th scope="col">{ "Name" }</th><th scope="col">{ "Type" }</th><th scope="col">{ "Cached" }</th><th scope="col">{ "TTL left" }</th></tr></thead>
            <tbody>
                { for live.iter().map(|e| {
                    let what = match &e.data {
                        Cached::Records { records } => records.iter().map(|r| crate::dns::dig::rdata_text(&r.data)).collect::<Vec<_>>().join(", "),
                        Cached::NxDomain { .. } => "NXDOMAIN".into(),
                        Cached::NoData { .. } => "NODATA".into(),
                    };
                    html! { <tr><td>{ plain(&e.name) }</td><td>{ crate::dns::rtype::type_mnemonic(e.rtype) }</td><td class="cache-what">{ what }</td><td>{ duration_text(e.remaining(now)) }</td></tr> }
                }) }
            </tbody>
        </table>
    }
}
