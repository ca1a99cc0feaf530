//! The resolve feature: asking a question and stepping through its resolution. The logic is
//! in `ui::resolve` (pure); the run shown lives in the app state (`state::Asked`, changed by
//! `Action::Ask`, `Action::Show` and `Action::ShowStep`). The components:
//!
//! - [`form`]: the question (name, type, resolver) and why it could not be asked;
//! - [`stepping`]: the steps with first / previous / next / last, play, and the ← → Home
//!   End P keys; the sequence diagram, the step map and the step's detail;
//! - [`outcome`]: how the resolution ended, hidden until the last step;
//! - [`console`]: the dig console (commands parsed here, once), its history and offers;
//! - [`clock`]: the simulated clock and the public resolver's cache.

pub mod clock;
pub mod console;
pub mod form;
pub mod outcome;
pub mod stepping;

use yew::prelude::*;

use crate::ui::hooks::use_app;

#[derive(Properties, PartialEq)]
pub struct ResolveAreaProps {
    /// Whether a query given by the view (an embed's `q=`) is also run in the dig console.
    #[prop_or_default]
    pub console_follows_view: bool,
}

/// The resolve panel, the dig console and the clock, in that order.
#[function_component]
pub fn ResolveArea(props: &ResolveAreaProps) -> Html {
    let state = use_app();
    html! {
        <>
        <section class="panel panel-resolve" id="resolve-panel" aria-labelledby="resolve-heading" tabindex="-1">
            <div class="panel-bar"><h2 id="resolve-heading">{ "Resolve" }</h2></div>
            <form::ResolveForm />
            if let Some(asked) = &state.asked {
                <stepping::Stepping asked={asked.clone()} doc={state.doc.clone()} />
            }
        </section>
        <console::DigConsole follows_view={props.console_follows_view} />
        <clock::ClockPanel />
        </>
    }
}
