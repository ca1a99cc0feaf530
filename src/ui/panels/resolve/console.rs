//! The dig console: a dig command line is read here, once, run on the document as dig would
//! run it, and printed with dig's text. Its resolution opens in the resolve panel
//! (`Action::Show`, with the cache the public resolver left). A server that does not exist
//! gets dig's error and a command with one that serves the name, one click away; the
//! article's example validation name gets dig's NXDOMAIN and the scenario's real record.
//! ↑ and ↓ recall earlier commands. An embed's `q=` is run here too when asked.

use std::rc::Rc;

use yew::prelude::*;

use crate::scenario::dig_command::{self, DigError};
use crate::scenario::dig_suggest::suggest_validation;
use crate::ui::resolve;
use crate::ui::state::{Action, AppState};

/// One command run in the console: what was typed, what dig printed, and a command to run
/// instead when the server named does not exist.
#[derive(Clone, PartialEq)]
struct ConsoleEntry {
    command: String,
    printed: String,
    offer: Option<String>,
}

/// Runs `text` on the state's document: the console entry, and the action that opens its
/// resolution (none when nothing answered or the line was refused).
fn run_command(state: &AppState, text: &str) -> (ConsoleEntry, Option<Action>) {
    let doc = &state.doc;
    let words = dig_command::line_words(text);
    let mut cache = doc.resolver_cache.clone();
    let ran = dig_command::parse(&words).and_then(|args| {
        dig_command::run(&doc.world, &mut cache, doc.clock, &args, &words.join(" "))
            .map(|dig| (args, dig))
    });
    let (printed, offer, open) = match ran {
        Ok((args, dig)) => {
            let open = dig.resolution.and_then(|r| {
                let (question, resolver) = resolve::question_of(&doc.world, &args).ok()?;
                Some(Action::Show {
                    question,
                    resolver,
                    resolution: Rc::new(r),
                    cache: (cache != doc.resolver_cache).then_some(cache),
                })
            });
            // dig answers the article's example validation name as any other (NXDOMAIN);
            // the console then names the scenario's real one, with its command.
            match suggest_validation(&doc.world, text) {
                Some(hint) => (
                    format!("{}\n;; Delegation Lab: {}", dig.text, hint.message()),
                    Some(hint.command.clone()),
                    open,
                ),
                None => (dig.text, None, open),
            }
        }
        Err(e) => {
            let offer = match &e {
                DigError::NoSuchServer {
                    hint: Some(hint), ..
                } => Some(hint.command.clone()),
                _ => None,
            };
            (format!("dig: {e}"), offer, None)
        }
    };
    let entry = ConsoleEntry {
        command: text.to_string(),
        printed,
        offer,
    };
    (entry, open)
}

#[derive(Properties, PartialEq)]
pub struct DigConsoleProps {
    /// Whether a query given by the view (an embed's `q=`) is also run here.
    #[prop_or_default]
    pub follows_view: bool,
}

#[function_component]
pub fn DigConsole(props: &DigConsoleProps) -> Html {
    let state = crate::ui::hooks::use_app();
    let line = use_state(String::new);
    let out = use_state(Vec::<ConsoleEntry>::new);
    let history_pos = use_state(|| None::<usize>);

    let on_input = {
        let line = line.clone();
        Callback::from(move |e: InputEvent| {
            line.set(
                e.target_dyn_into::<web_sys::HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default(),
            )
        })
    };
    let run = {
        let (state, line, out, pos) = (
            state.clone(),
            line.clone(),
            out.clone(),
            history_pos.clone(),
        );
        Callback::from(move |text: String| {
            let (entry, open) = run_command(&state, &text);
            if let Some(open) = open {
                state.dispatch(open);
            }
            let mut all = (*out).clone();
            all.push(entry);
            out.set(all);
            line.set(String::new());
            pos.set(None);
        })
    };
    // An embed's `q=` on the dig panel: the command and dig's text here too (the resolve
    // panel steps through it as usual).
    {
        let (state, out) = (state.clone(), out.clone());
        let follow = props.follows_view;
        use_effect_with(state.view_serial, move |_| {
            let Some(query) = state.view.as_ref().and_then(|v| v.query.clone()) else {
                return;
            };
            if !follow || out.iter().any(|e| e.command == query) {
                return;
            }
            let (entry, _) = run_command(&state, &query);
            let mut all = (*out).clone();
            all.push(entry);
            out.set(all);
        });
    }
    let on_submit = {
        let (line, run) = (line.clone(), run.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = line.trim().to_string();
            if !text.is_empty() {
                run.emit(text);
            }
        })
    };
    let on_keys = {
        let (line, out, pos) = (line.clone(), out.clone(), history_pos.clone());
        Callback::from(move |e: KeyboardEvent| {
            let n = out.len();
            if n == 0 {
                return;
            }
            let p = match (e.key().as_str(), *pos) {
                ("ArrowUp", None) => n - 1,
                ("ArrowUp", Some(p)) => p.saturating_sub(1),
                ("ArrowDown", Some(p)) if p + 1 < n => p + 1,
                ("ArrowDown", _) => {
                    pos.set(None);
                    line.set(String::new());
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            pos.set(Some(p));
            line.set(out[p].command.clone());
        })
    };

    html! {
        <section class="panel panel-console" id="console-panel" aria-labelledby="console-heading" tabindex="-1">
            <div class="panel-bar"><h2 id="console-heading">{ "dig console" }</h2></div>
            <div class="console-out" role="log" aria-label="dig output">
                { for out.iter().map(|entry| html! {
                    <div class="console-entry">
                        <p class="console-cmd"><code>{ format!("$ dig {}", entry.command.trim_start_matches("dig ")) }</code></p>
                        <pre class="dig-text" tabindex="0">{ entry.printed.clone() }</pre>
                        if let Some(offer) = &entry.offer {
                            <button type="button" class="btn btn-secondary btn-small console-offer"
                                onclick={run.reform({ let offer = offer.clone(); move |_: MouseEvent| offer.clone() })}>
                                { format!("Run {offer}") }
                            </button>
                        }
                    </div>
                }) }
            </div>
            <form class="console-form" onsubmit={on_submit}>
                <label for="console-line" class="sr-only">{ "dig command" }</label>
                <span class="console-prompt" aria-hidden="true">{ "$" }</span>
                <input id="console-line" type="text" value={(*line).clone()} oninput={on_input}
                    onkeydown={on_keys} spellcheck="false" autocomplete="off"
                    placeholder="dig NS api.example.com @8.8.8.8" />
                <button type="submit" class="btn btn-secondary">{ "Run" }</button>
            </form>
            <p class="panel-note">{ "The last command's resolution opens in the Resolve panel to step through. ↑/↓ recall earlier commands." }</p>
        </section>
    }
}
