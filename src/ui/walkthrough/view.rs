//! The walkthrough card: on a first visit, the offer ("Start here"); once started, the
//! article's steps as a checklist, each with what to do, a "Go there" button that brings up
//! the panel and focuses the control, and, once the engine sees it done, what just happened.
//! [`use_walkthrough`] owns the progress: it ticks steps from the document on every change
//! and from the quiz's answer, and saves to localStorage; the resolve panel reports each
//! resolution run through the callback it returns.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::hooks::{App, use_app};

use super::model::{DigCheck, ITEMS, ItemId, Progress, start_scenario};
use crate::dns::resolve::Resolution;
use crate::ui::state::Action;
use crate::ui::views::challenges::ChallengeHandle;

/// The progress shared by the card and the header button.
pub type WalkthroughHandle = UseStateHandle<Progress>;

/// The progress (restored from localStorage), kept up to date with the document and the
/// quiz, and the callback for each resolution the user runs.
#[hook]
pub fn use_walkthrough(
    state: &App,
    challenge: &ChallengeHandle,
) -> (WalkthroughHandle, Callback<Rc<Resolution>>) {
    let progress = use_state(|| {
        #[cfg(target_arch = "wasm32")]
        {
            super::store::load(&crate::ui::platform::storage::BrowserStore).unwrap_or_default()
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            Progress::first_visit()
        }
    });
    // Tick what the document shows, on every change of it (only while started).
    {
        let (progress, doc) = (progress.clone(), state.doc.clone());
        let started = progress.offered && progress.open;
        use_effect_with((state.revision, started), move |(_, started)| {
            if *started {
                let mut p = (*progress).clone();
                if p.observe(&doc) {
                    progress.set(p);
                }
            }
        });
    }
    // The quiz, when answered right.
    {
        let progress = progress.clone();
        let correct = challenge
            .challenge()
            .and_then(|c| c.quiz.as_ref().zip(challenge.answer))
            .and_then(|(quiz, letter)| quiz.choice(letter))
            .is_some_and(|choice| choice.correct);
        use_effect_with(correct, move |correct| {
            let mut p = (*progress).clone();
            if p.offered && p.answered(*correct) {
                progress.set(p);
            }
        });
    }
    // Saved on every change.
    use_effect_with((*progress).clone(), |_p| {
        #[cfg(target_arch = "wasm32")]
        let _ = super::store::save(&mut crate::ui::platform::storage::BrowserStore, _p);
    });
    let on_run = {
        let (progress, doc) = (progress.clone(), state.doc.clone());
        Callback::from(move |r: Rc<Resolution>| {
            let mut p = (*progress).clone();
            if p.offered && p.ran(&r, &doc) {
                progress.set(p);
            }
        })
    };
    (progress, on_run)
}

#[derive(Properties, PartialEq)]
pub struct WalkthroughProps {
    pub progress: WalkthroughHandle,
}

/// The first-visit offer or the checklist (nothing once left; the header button resumes).
#[function_component]
pub fn WalkthroughCard(props: &WalkthroughProps) -> Html {
    let state = use_app();
    let progress = props.progress.clone();
    let p = (*progress).clone();
    // Starting (or starting again) loads the starting scenario as one undoable step.
    let start = {
        let (state, progress) = (state.clone(), progress.clone());
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Replace {
                label: "start the walkthrough".into(),
                doc: start_scenario(),
            });
            progress.set(Progress {
                offered: true,
                open: true,
                ..Progress::default()
            });
            crate::ui::platform::browser::focus("walkthrough-heading");
        })
    };
    let set_open = |open: bool| {
        let progress = progress.clone();
        Callback::from(move |_: MouseEvent| {
            progress.set(Progress {
                offered: true,
                open,
                ..(*progress).clone()
            })
        })
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
                                    { dig_checks(&p) }
                                }
                            </div>
                            <button type="button" class={classes!("btn", "btn-small", if current { "btn-primary" } else { "btn-secondary" })}
                                id={format!("{id}-go")} onclick={go(item.id)}
                                aria-describedby={format!("{id}-title")}>{ "Go there" }</button>
                        </li>
                    }
                }) }
            </ol>
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
        state.dispatch(Action::Select(child.id.clone()));
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

#[derive(Properties, PartialEq)]
pub struct WalkthroughButtonProps {
    pub progress: WalkthroughHandle,
}

/// The header's button: shows the checklist (resuming where the user left it) or hides it.
#[function_component]
pub fn WalkthroughButton(props: &WalkthroughButtonProps) -> Html {
    let progress = props.progress.clone();
    let open = progress.offered && progress.open;
    let onclick = {
        let progress = progress.clone();
        Callback::from(move |_: MouseEvent| {
            let open = !(progress.offered && progress.open);
            progress.set(Progress {
                offered: true,
                open,
                ..(*progress).clone()
            });
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
