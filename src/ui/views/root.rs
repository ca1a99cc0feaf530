//! What the page mounts: the embed layout when the address asks for it (`?embed=1`), else
//! the full app.

use yew::prelude::*;

use super::app::App;
use super::embed::Embed;
use crate::ui::embed_params::embed_params;
use crate::ui::platform::browser;

#[function_component]
pub fn Root() -> Html {
    let params = use_memo((), |_| browser::search().and_then(|s| embed_params(&s)));
    match &*params {
        Some(params) => {
            let fragment = browser::hash().filter(|h| h.len() > 1).map(AttrValue::from);
            html! { <Embed params={params.clone()} fragment={fragment} /> }
        }
        None => html! { <App /> },
    }
}
