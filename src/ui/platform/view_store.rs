//! Where the user was, across a reload of the same tab: the selected zone and the resolution
//! shown with its step, written to sessionStorage when the page goes away and read back at
//! start (the resolve panel then runs the query again, at that step, as it does for a share
//! link). A new tab starts at the default view. A zone that no longer exists is not selected.

use crate::ui::doc::Doc;
use crate::ui::platform::error::PlatformError;
use crate::ui::platform::storage::Store;
use crate::ui::view_state::ViewState;

/// The sessionStorage key of the view.
pub const VIEW_KEY: &str = "delegation-lab:view";

/// Writes the view (never playing: a reload stops a resolution that was playing).
pub fn save(store: &mut impl Store, view: &ViewState) -> Result<(), PlatformError> {
    let view = ViewState {
        autoplay: false,
        ..view.clone()
    };
    let text = serde_json::to_string(&view)?;
    store.set(VIEW_KEY, &text)
}

/// The view saved for this tab, kept only in what still applies to `doc` (a selected zone
/// it has); `None` when nothing is left of it.
pub fn restore(store: &impl Store, doc: &Doc) -> Option<ViewState> {
    let mut view: ViewState = serde_json::from_str(&store.get(VIEW_KEY)?).ok()?;
    view.autoplay = false;
    if view
        .selected_zone
        .as_deref()
        .is_some_and(|id| doc.world.zone(id).is_none())
    {
        view.selected_zone = None;
    }
    if view.query.is_none() {
        view.step = None;
    }
    (view != ViewState::default()).then_some(view)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::doc::default_doc;
    use crate::ui::platform::storage::MemoryStore;

    #[test]
    fn the_view_comes_back_without_playing() {
        let doc = default_doc();
        let zone = doc.world.zones.last().unwrap().id.clone();
        let view = ViewState {
            selected_zone: Some(zone),
            query: Some("dig +trace www.api.example.com A".into()),
            step: Some(2),
            autoplay: true,
        };
        let mut store = MemoryStore::default();
        save(&mut store, &view).unwrap();
        assert_eq!(
            restore(&store, &doc),
            Some(ViewState {
                autoplay: false,
                ..view
            })
        );
    }

    #[test]
    fn a_zone_that_is_gone_or_nothing_saved_restores_nothing() {
        let doc = default_doc();
        let mut store = MemoryStore::default();
        assert_eq!(restore(&store, &doc), None);
        let gone = ViewState {
            selected_zone: Some("ZGONE".into()),
            step: Some(4),
            ..ViewState::default()
        };
        save(&mut store, &gone).unwrap();
        assert_eq!(restore(&store, &doc), None);
        store.items.insert(VIEW_KEY.into(), "{".into());
        assert_eq!(restore(&store, &doc), None);
    }
}
