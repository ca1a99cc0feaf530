//! The walkthrough card: on a first visit, the offer ("Start here"); once started, the
//! article's steps as a checklist, each with what to do, a "Go there" button that brings up
//! the panel and focuses the control, and, once the engine sees it done, what just happened.
//! The progress is the app state's (`AppState::walkthrough`, ticked by `super::follow::follow`);
//! [`use_save_walkthrough`] keeps it in localStorage.

use yew::prelude::*;

use super::diagnosis::use_walkthrough_diagnosis;
use super::follow::WalkthroughAction;
use super::model::{DigCheck, ITEMS, ItemId, Progress};
use crate::ui::hooks::{App, use_app};

/// Saves the walkthrough's progress in localStorage whenever it changes.
#[hook]
pub fn use_save_walkthrough(progress: &Progress) {
    use_effect_with(progress.clone(), |_p| {
        #[cfg(target_arch = "wasm32")]
        let _ = super::store::save(&mut crate::ui::platform::storage::BrowserStore, _p);
    });
}

/// The first-visit offer or the checklist (nothing once left; the header button resumes).
#[function_component]
pub fn WalkthroughCard() -> Html {
    let state = use_app();
    let retry_diagnosis = use_walkthrough_diagnosis(&state);
    let p = &state.walkthrough;
    // Starting (or starting again) loads the starting scenario as one undoable step.
    let start = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.walkthrough(WalkthroughAction::Start);
            crate::ui::platform::browser::focus("walkthrough-heading");
        })
    };
    let set_open = |open: bool| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.walkthrough(WalkthroughAction::Show(open)))
    };
    if !p.offered {
        return html! {
            <section class="panel walkthrough walkthrough-offer" id="walkthrough" aria-labelledby="walkthrough-heading">
                <div class="walkthrough-head">
                    <h2 id="walkthrough-heading" tabindex="-1">{ "Start here" }</h2>
                    <p>{ "Just read the article? Build its delegation here in seven steps (child zone, delegation, the dig checks, the certificate, two breakages, the quiz); each ticks itself when the simulator sees it done." }</p>
                </div>
                <div class="walkthrough-actions">
                    <button type="button" class="btn btn-primary" id="walkthrough-start" onclick={start}
                        aria-describedby="walkthrough-start-note">{ "Start the walkthrough" }</button>
                    <button type="button" class="btn btn-ghost" id="walkthrough-dismiss" onclick={set_open(false)}>{ "Not now" }</button>
                </div>
                <p class="panel-note" id="walkthrough-start-note">{ "Starting loads a scenario with only example.com in account A; Undo brings back what you had. The Walkthrough button in the header resumes it later." }</p>
            </section>
        };
    }
    if !p.open {
        return html! {};
    }
    let done = ITEMS.iter().filter(|i| p.is_done(i.id)).count();
    let next = p.next().map(|i| i.id);
    let go = |id: ItemId| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| go_to(&state, id))
    };
    html! {
        <section class="panel walkthrough" id="walkthrough" aria-labelledby="walkthrough-heading">
            <div class="walkthrough-head">
                <h2 id="walkthrough-heading" tabindex="-1">{ "Walkthrough: the article step by step" }</h2>
                <p class="walkthrough-count" id="walkthrough-count" aria-live="polite">
                    { format!("{done} of {} done", ITEMS.len()) }
                    if done == ITEMS.len() { { " \u{2014} all of the article, done." } }
                </p>
                <progress class="walkthrough-progress" max={ITEMS.len().to_string()} value={done.to_string()}
                    aria-label="Walkthrough progress">{ format!("{done} of {}", ITEMS.len()) }</progress>
            </div>
            <ol class="walk-list">
                { for ITEMS.iter().enumerate().map(|(i, item)| {
                    let is_done = p.is_done(item.id);
                    let current = next == Some(item.id);
                    let id = format!("walk-{}", slug(item.id));
                    html! {
                        <li class={classes!("walk-item", is_done.then_some("done"), current.then_some("current"))}
                            id={id.clone()} data-done={is_done.to_string()}>
                            <span class="walk-tick" aria-hidden="true">{ if is_done { "\u{2713}".to_string() } else { (i + 1).to_string() } }</span>
                            <div class="walk-body">
                                <h3 class="walk-title" id={format!("{id}-title")}>
                                    <span class="sr-only">{ if is_done { "Done: " } else { "To do: " } }</span>
                                    { item.title }
                                </h3>
                                if is_done {
                                    <p class="walk-learned">{ item.learned }</p>
                                } else {
                                    <p class="walk-todo">{ item.todo }</p>
                                }
                                if item.id == ItemId::DigChecks {
                                    { dig_checks(p) }
                                }
                            </div>
                            <button type="button" class={classes!("btn", "btn-small", if current { "btn-primary" } else { "btn-secondary" })}
                                id={format!("{id}-go")} onclick={go(item.id)}
                                aria-describedby={format!("{id}-title")}>{ "Go there" }</button>
                        </li>
                    }
                }) }
            </ol>
            if let Some(retry) = retry_diagnosis {
                <p class="lazy-status walk-diagnosis-failed" role="alert">
                    { "Could not load the diagnosis that ticks the break-it steps (the network may be down). " }
                    <button type="button" class="btn btn-small btn-secondary lazy-retry" onclick={retry}>{ "Try again" }</button>
                </p>
            }
            <div class="walkthrough-actions">
                <button type="button" class="btn btn-secondary" id="walkthrough-restart" onclick={start}>{ "Start again" }</button>
                <button type="button" class="btn btn-ghost" id="walkthrough-leave" onclick={set_open(false)}>{ "Leave the walkthrough" }</button>
            </div>
        </section>
    }
}

/// The four dig checks, each ticked once it answered as the article says; one that did not
/// says why not.
fn dig_checks(p: &Progress) -> Html {
    let checks = [
        (DigCheck::NsViaResolver, "dig NS api.example.com @8.8.8.8"),
        (
            DigCheck::DirectToChild,
            "dig A something.api.example.com @<one of the child's servers>",
        ),
        (DigCheck::Trace, "dig +trace api.example.com"),
        (
            DigCheck::ValidationCname,
            "dig CNAME _abc123.api.example.com (the certificate's validation name)",
        ),
    ];
    html! {
        <ul class="walk-checks" aria-label="The article's dig checks">
            { for checks.iter().map(|(check, command)| {
                let ran = p.checks.contains(check);
                let why_not = (!ran).then(|| p.why_not.get(check)).flatten();
                html! {
                    <li class={classes!(ran.then_some("done"), why_not.is_some().then_some("failed"))} data-done={ran.to_string()}>
                        <span class="walk-check-mark" aria-hidden="true">{ if ran { "\u{2713}" } else if why_not.is_some() { "\u{2717}" } else { "\u{25cb}" } }</span>
                        <span class="walk-check-text">
                            <span class="sr-only">{ if ran { "Passed: " } else if why_not.is_some() { "Not yet: " } else { "Not run yet: " } }</span>
                            <code>{ *command }</code>
                            if let Some(why) = why_not {
                                <span class="walk-why-not">{ why.clone() }</span>
                            }
                        </span>
                    </li>
                }
            }) }
        </ul>
    }
}

/// Brings up a step's panel and focuses its control; for the delegation, opens the child
/// zone first (its records panel has the delegate button).
fn go_to(state: &App, id: ItemId) {
    let item = super::model::item(id);
    if id == ItemId::Delegate
        && let Some(child) = state
            .doc
            .aws
            .hosted_zones
            .iter()
            .rfind(|z| z.name == crate::dns::name::n(super::model::CHILD))
    {
        state.select_zone(child.id.clone());
    }
    let (panel, control) = (item.panel, item.control);
    // After the render that shows the zone chosen. The quiz's panel is there once its
    // challenge is started: then the focus goes to its first answer, else to the picker.
    #[cfg(target_arch = "wasm32")]
    gloo::timers::callback::Timeout::new(30, move || {
        use crate::ui::platform::browser;
        if id == ItemId::Quiz && browser::exists(panel) {
            browser::scroll_to(panel);
            browser::focus_first(&format!("#{panel} input[type=radio], #{panel} button"));
        } else {
            browser::scroll_to(panel);
            browser::focus(control);
        }
    })
    .forget();
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (panel, control);
}

fn slug(id: ItemId) -> &'static str {
    match id {
        ItemId::ChildZone => "child-zone",
        ItemId::Delegate => "delegate",
        ItemId::DigChecks => "dig-checks",
        ItemId::Certificate => "certificate",
        ItemId::WrongNs => "wrong-ns",
        ItemId::Recreated => "recreated",
        ItemId::Quiz => "quiz",
    }
}

/// The header's button: shows the checklist (resuming where the user left it) or hides it.
#[function_component]
pub fn WalkthroughButton() -> Html {
    let state = use_app();
    let open = state.walkthrough.offered && state.walkthrough.open;
    let onclick = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let open = !open;
            state.walkthrough(WalkthroughAction::Show(open));
            if open {
                crate::ui::platform::browser::scroll_to("walkthrough");
            }
        })
    };
    html! {
        <button type="button" class="btn btn-secondary" id="open-walkthrough"
            aria-pressed={open.to_string()} onclick={onclick}>{ "Walkthrough" }</button>
    }
}
