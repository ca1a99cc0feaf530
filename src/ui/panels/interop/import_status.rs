//! Under the import dialog's text: the progress while checking or importing, then what the
//! import will change and the record sets it would leave below a delegation.

use yew::prelude::*;

use crate::ui::views::icon::Icon;

/// The progress while checking or importing, then what will change and the placement
/// warnings.
pub fn import_status(progress: Option<&str>, summary: &[String], warnings: &[String]) -> Html {
    html! {
        <>
        if let Some(what) = progress {
            <div class="import-progress" role="status" id="import-progress">
                <progress aria-label={what.to_string()}></progress>
                <span>{ what.to_string() }</span>
            </div>
        }
        if !summary.is_empty() && progress.is_none() {
            <div class="import-preview" aria-live="polite">
                <h3>{ "What will change" }</h3>
                <ul id="import-summary">{ for summary.iter().map(|s| html! { <li>{ s.clone() }</li> }) }</ul>
            </div>
        }
        if !warnings.is_empty() {
            <div class="import-warning" id="import-warning" role="status">
                <Icon name="alert" />
                <div>{ for warnings.iter().map(|w| html! { <p>{ w.clone() }</p> }) }</div>
            </div>
        }
        </>
    }
}
