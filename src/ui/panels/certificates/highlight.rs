//! The zones of the lookup step shown light up in the diagram: a stepper reports them while
//! it is open, and clears them when it closes.

use yew::prelude::*;

/// Reports `ids` through `on_highlight` whenever they change, and an empty list when the
/// component goes away.
#[hook]
pub fn use_report_highlight(on_highlight: &Callback<Vec<String>>, ids: Vec<String>) {
    {
        let on_highlight = on_highlight.clone();
        use_effect_with(ids, move |ids| on_highlight.emit(ids.clone()));
    }
    let on_highlight = on_highlight.clone();
    use_effect_with((), move |_| move || on_highlight.emit(Vec::new()));
}
