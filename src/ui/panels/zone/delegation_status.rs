//! What the parent says about the selected zone: it delegates to the zone's name servers,
//! has no NS records for it, or delegates to others, with "add these name servers to the
//! parent" (or "replace") as one undoable edit.

use yew::prelude::*;

use crate::ui::panels::accounts::delegation::ParentLink;
use crate::ui::panels::zone::record_form::capitalise;
use crate::ui::views::icon::Icon;

/// What the parent says about this zone, with "add these name servers to the parent" (or
/// "replace") when it does not delegate to them yet.
pub fn delegation_status(link: &ParentLink, on_delegate: Callback<MouseEvent>) -> Html {
    let parent = link.parent();
    let where_ = if parent.registry {
        format!("the {} registry", parent.origin)
    } else {
        format!("the parent zone {}", parent.origin)
    };
    match link {
        ParentLink::Same { .. } => html! {
            <p class="delegation-status ok" id="delegation-status">
                <Icon name="check" />
                <span>{ format!("{} already delegates to these name servers.", capitalise(&where_)) }</span>
            </p>
        },
        ParentLink::Missing { .. } => html! {
            <div class="delegation-status missing" id="delegation-status">
                <p>{ format!("{} has no NS records for this zone, so resolvers never reach it.", capitalise(&where_)) }</p>
                <button type="button" class="btn btn-primary btn-small" id="delegate-to-child" onclick={on_delegate}>
                    { "Add these name servers to the parent" }
                </button>
            </div>
        },
        ParentLink::Different { current, .. } => html! {
            <div class="delegation-status different" id="delegation-status">
                <p>{ format!("{} delegates to other name servers: {}.", capitalise(&where_),
                    current.iter().map(crate::ui::resolve::plain).collect::<Vec<_>>().join(", ")) }</p>
                <button type="button" class="btn btn-primary btn-small" id="delegate-to-child" onclick={on_delegate}>
                    { "Replace the parent's name servers with these" }
                </button>
            </div>
        },
    }
}
