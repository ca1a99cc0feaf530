//! The resolve area: the resolve form (name, type, resolver), the step list with first /
//! previous / next / last controls and ← → Home End keys scoped to it, the current step's
//! detail (server, zone, why, the reproducing dig command and dig's text), the outcome, the
//! dig console, and the simulated clock with the resolver cache. The current step's zones are
//! reported through `on_highlight` for the diagram.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::step_list::{step_detail, step_list};

use crate::dns::resolve::{OutcomeKind, Resolution};
use crate::scenario::dig_command::{outcome_text, run_line};
use crate::scenario::dig_suggest::{suggest_server, suggest_validation};
use crate::ui::resolve::{self, Resolver, TYPES, clock_text, duration_text, plain, step_zone_ids};
use crate::ui::state::{Action, AppHandle, Edit, Shown};
use crate::ui::views::diagram::Diagram;
use crate::ui::views::sequence::SequenceView;

#[derive(Properties, PartialEq)]
pub struct ResolveAreaProps {
    pub on_highlight: Callback<Vec<String>>,
    /// Every resolution the user runs (the form, a link's query, the console), for the
    /// walkthrough's dig checks.
    #[prop_or_default]
    pub on_run: Callback<Rc<Resolution>>,
    /// Whether a query given by the view (an embed's `q=`) is also run in the dig console.
    #[prop_or_default]
    pub console_follows_view: bool,
}

fn input_value(e: &Event) -> String {
    e.target_dyn_into::<web_sys::HtmlInputElement>()
        .map(|i| i.value())
        .or_else(|| {
            e.target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
        })
        .unwrap_or_default()
}

/// One command run in the console: what was typed, what dig printed, and a command to run
/// instead when the server named does not exist.
#[derive(Clone, PartialEq)]
struct ConsoleEntry {
    command: String,
    printed: String,
    offer: Option<String>,
}

/// The handles a run sets: shared by the form, the view follower and the dig console.
#[derive(Clone)]
struct Runner {
    run: UseStateHandle<Option<Rc<(Resolution, u64)>>>,
    index: UseStateHandle<usize>,
    error: UseStateHandle<Option<String>>,
    playing: UseStateHandle<bool>,
    /// The dig command line of the question run (for share links).
    query: UseStateHandle<Option<String>>,
    on_run: Callback<Rc<Resolution>>,
}

impl Runner {
    /// Runs the question; shows `step` (clamped; else the first) and plays if `autoplay`.
    fn start(
        &self,
        state: &AppHandle,
        name: &str,
        rtype: &str,
        resolver: &Resolver,
        step: Option<usize>,
        autoplay: bool,
    ) {
        match resolve::run(&state.doc, name, rtype, resolver) {
            Ok((r, cache)) => {
                let last = r.steps.len().saturating_sub(1);
                self.error.set(None);
                self.query
                    .set(Some(resolve::query_line(name, rtype, resolver)));
                self.on_run.emit(Rc::new(r.clone()));
                self.run.set(Some(Rc::new((r, state.doc.clock))));
                self.index.set(step.unwrap_or(0).min(last));
                self.playing.set(autoplay);
                if let Some(cache) = cache {
                    state.dispatch(Action::SetCache(cache));
                }
            }
            Err(msg) => {
                self.playing.set(false);
                self.error.set(Some(msg));
            }
        }
    }
}

/// Play from where the steps are (from the first when at the last), or pause.
fn toggle_play(index: &UseStateHandle<usize>, playing: &UseStateHandle<bool>, n: usize) {
    if **playing {
        playing.set(false);
    } else if n > 1 {
        if **index + 1 >= n {
            index.set(0);
        }
        playing.set(true);
    }
}

/// What the step controls and the sequence view call back.
struct Controls<G: Fn(fn(usize, usize) -> usize) -> Callback<MouseEvent>> {
    go: G,
    on_keys: Callback<KeyboardEvent>,
    on_play: Callback<MouseEvent>,
    on_speed: Callback<Event>,
    on_select: Callback<usize>,
    playing: bool,
    speed: String,
}

#[function_component]
pub fn ResolveArea(props: &ResolveAreaProps) -> Html {
    let state = use_context::<AppHandle>().expect("the app provides its state");
    let name = use_state(|| "www.api.example.com".to_string());
    let rtype = use_state(|| "A".to_string());
    let mode = use_state(|| "trace".to_string());
    let server = use_state(String::new);
    let rd = use_state(|| false);
    let error = use_state(|| None::<String>);
    let run = use_state(|| None::<Rc<(Resolution, u64)>>);
    let index = use_state(|| 0usize);
    let console_line = use_state(String::new);
    let console_out = use_state(Vec::<ConsoleEntry>::new);
    let history_pos = use_state(|| None::<usize>);
    let playing = use_state(|| false);
    let speed = use_state(|| "1".to_string());

    let query = use_state(|| None::<String>);
    let shown = use_context::<Shown>();

    // Report the current step's zones to the diagram, and the question and step to the app
    // (share links carry them).
    {
        let on_highlight = props.on_highlight.clone();
        let doc = state.doc.clone();
        let key = (run.as_ref().map(|r| Rc::as_ptr(r) as usize), *index);
        let run = run.clone();
        let query = (*query).clone();
        use_effect_with(key, move |(_, i)| {
            if let Some(shown) = shown {
                shown.set(query.clone(), run.as_ref().map(|_| *i));
            }
            let ids = run
                .as_ref()
                .and_then(|r| r.0.steps.get(*i).map(|s| step_zone_ids(&doc.world, s)))
                .unwrap_or_default();
            on_highlight.emit(ids);
        });
    }

    let set = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |e: Event| h.set(input_value(&e)))
    };
    let on_name = {
        let (name, error) = (name.clone(), error.clone());
        Callback::from(move |e: InputEvent| {
            let v = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            name.set(v);
            error.set(None);
        })
    };
    let on_rd = {
        let rd = rd.clone();
        Callback::from(move |_: Event| rd.set(!*rd))
    };
    let runner = Runner {
        run: run.clone(),
        index: index.clone(),
        error: error.clone(),
        playing: playing.clone(),
        query: query.clone(),
        on_run: props.on_run.clone(),
    };
    let on_submit = {
        let (state, name, rtype, mode, server, rd, runner) = (
            state.clone(),
            name.clone(),
            rtype.clone(),
            mode.clone(),
            server.clone(),
            rd.clone(),
            runner.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let resolver = match mode.as_str() {
                "public" => Resolver::Public,
                "direct" => Resolver::Direct {
                    server_ip: if server.is_empty() {
                        state
                            .doc
                            .world
                            .servers
                            .first()
                            .map(|s| s.ip.to_string())
                            .unwrap_or_default()
                    } else {
                        (*server).clone()
                    },
                    rd: *rd,
                },
                _ => Resolver::Trace,
            };
            runner.start(&state, &name, &rtype, &resolver, None, false);
        })
    };

    // Follow `AppState.view`: a new SetView with a query fills the form, runs it, and goes to
    // the step asked for (and plays, for embeds). A query that cannot be read is the form's
    // error; the fields keep what they had.
    {
        let (state, name, rtype, mode, server, rd, runner) = (
            state.clone(),
            name.clone(),
            rtype.clone(),
            mode.clone(),
            server.clone(),
            rd.clone(),
            runner.clone(),
        );
        use_effect_with(state.view_serial, move |_| {
            let Some(view) = state.view.clone() else {
                return;
            };
            let Some(line) = view.query else {
                return;
            };
            match resolve::parse_query(&state.doc.world, &line) {
                Ok(q) => {
                    name.set(q.name.clone());
                    rtype.set(q.rtype.clone());
                    mode.set(q.resolver.mode_value().to_string());
                    if let Resolver::Direct { server_ip, rd: r } = &q.resolver {
                        server.set(server_ip.clone());
                        rd.set(*r);
                    }
                    runner.start(
                        &state,
                        &q.name,
                        &q.rtype,
                        &q.resolver,
                        view.step,
                        view.autoplay,
                    );
                }
                Err(msg) => {
                    runner.playing.set(false);
                    runner.error.set(Some(msg));
                }
            }
        });
    }

    let steps_len = run.as_ref().map_or(0, |r| r.0.steps.len());
    // Play: one step per delay (1.2 s at 1×) until the last step, then stop.
    {
        let (index, playing) = (index.clone(), playing.clone());
        let key = (
            *playing,
            (*speed).clone(),
            *index,
            run.as_ref().map(|r| Rc::as_ptr(r) as usize),
        );
        use_effect_with(key, move |(on, speed, i, _)| {
            let mut timer = None;
            if *on {
                if *i + 1 >= steps_len {
                    playing.set(false);
                } else {
                    let next = *i + 1;
                    timer = Some(Timeout::new(resolve::play_delay_ms(speed), move || {
                        index.set(next)
                    }));
                }
            }
            move || drop(timer)
        });
    }
    let go = |to: fn(usize, usize) -> usize| {
        let (index, playing) = (index.clone(), playing.clone());
        Callback::from(move |_: MouseEvent| {
            playing.set(false);
            index.set(to(*index, steps_len))
        })
    };
    let on_play = {
        let (index, playing) = (index.clone(), playing.clone());
        Callback::from(move |_: MouseEvent| toggle_play(&index, &playing, steps_len))
    };
    let on_speed = {
        let speed = speed.clone();
        Callback::from(move |e: Event| speed.set(input_value(&e)))
    };
    let on_select = {
        let (index, playing) = (index.clone(), playing.clone());
        Callback::from(move |i: usize| {
            playing.set(false);
            index.set(i.min(steps_len.saturating_sub(1)))
        })
    };
    let on_keys = {
        let (index, playing) = (index.clone(), playing.clone());
        Callback::from(move |e: KeyboardEvent| {
            if steps_len == 0 {
                return;
            }
            // Keys typed into the speed select (or a button's own Space) stay theirs.
            let tag = e
                .target_dyn_into::<web_sys::Element>()
                .map(|t| t.tag_name().to_ascii_lowercase())
                .unwrap_or_default();
            if matches!(tag.as_str(), "select" | "input" | "textarea") {
                return;
            }
            let i = *index;
            let next = match e.key().as_str() {
                "ArrowRight" => (i + 1).min(steps_len - 1),
                "ArrowLeft" => i.saturating_sub(1),
                "Home" => 0,
                "End" => steps_len - 1,
                "p" | "P" => {
                    e.prevent_default();
                    toggle_play(&index, &playing, steps_len);
                    return;
                }
                " " if !matches!(tag.as_str(), "button" | "g") => {
                    e.prevent_default();
                    toggle_play(&index, &playing, steps_len);
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            playing.set(false);
            index.set(next);
        })
    };

    let on_console_input = {
        let line = console_line.clone();
        Callback::from(move |e: InputEvent| {
            line.set(
                e.target_dyn_into::<web_sys::HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default(),
            )
        })
    };
    // Runs one console command: prints dig's text (or its error, with the command offered
    // again with a server that exists when the one named does not) and opens its resolution.
    let run_console = {
        let (state, line, out, run, index, pos, playing, on_run) = (
            state.clone(),
            console_line.clone(),
            console_out.clone(),
            run.clone(),
            index.clone(),
            history_pos.clone(),
            playing.clone(),
            props.on_run.clone(),
        );
        Callback::from(move |text: String| {
            let mut cache = state.doc.resolver_cache.clone();
            let mut offer = None;
            let printed = match run_line(&state.doc.world, &mut cache, state.doc.clock, &text) {
                Ok(dig) => {
                    if let Some(r) = dig.resolution {
                        on_run.emit(Rc::new(r.clone()));
                        run.set(Some(Rc::new((r, state.doc.clock))));
                        index.set(0);
                        playing.set(false);
                    }
                    if cache != state.doc.resolver_cache {
                        state.dispatch(Action::SetCache(cache));
                    }
                    // dig answers the article's example validation name as any other (NXDOMAIN);
                    // the console then names the scenario's real one, with its command.
                    match suggest_validation(&state.doc.world, &text) {
                        Some(hint) => {
                            offer = Some(hint.command.clone());
                            format!("{}\n;; Delegation Lab: {}", dig.text, hint.message())
                        }
                        None => dig.text,
                    }
                }
                Err(msg) => {
                    offer = suggest_server(&state.doc.world, &text).map(|h| h.command);
                    format!("dig: {msg}")
                }
            };
            let mut all = (*out).clone();
            all.push(ConsoleEntry {
                command: text,
                printed,
                offer,
            });
            out.set(all);
            line.set(String::new());
            pos.set(None);
        })
    };
    // An embed's `q=` on the dig panel: the command and dig's text in the console too (the
    // Resolve panel steps through it as usual).
    {
        let (state, out) = (state.clone(), console_out.clone());
        let follow = props.console_follows_view;
        use_effect_with(state.view_serial, move |_| {
            let Some(line) = state.view.as_ref().and_then(|v| v.query.clone()) else {
                return;
            };
            if !follow || out.iter().any(|e| e.command == line) {
                return;
            }
            let mut cache = state.doc.resolver_cache.clone();
            let (printed, offer) =
                match run_line(&state.doc.world, &mut cache, state.doc.clock, &line) {
                    Ok(dig) => (dig.text, None),
                    Err(msg) => (
                        format!("dig: {msg}"),
                        suggest_server(&state.doc.world, &line).map(|h| h.command),
                    ),
                };
            let mut all = (*out).clone();
            all.push(ConsoleEntry {
                command: line,
                printed,
                offer,
            });
            out.set(all);
        });
    }
    let on_console_submit = {
        let (line, run_console) = (console_line.clone(), run_console.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = line.trim().to_string();
            if !text.is_empty() {
                run_console.emit(text);
            }
        })
    };
    let on_console_keys = {
        let (line, out, pos) = (
            console_line.clone(),
            console_out.clone(),
            history_pos.clone(),
        );
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

    let edit = |edit: Edit| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Edit(edit.clone())))
    };
    let doc = &state.doc;
    let now = doc.clock;

    html! {
        <>
        <section class="panel panel-resolve" id="resolve-panel" aria-labelledby="resolve-heading" tabindex="-1">
            <div class="panel-bar"><h2 id="resolve-heading">{ "Resolve" }</h2></div>
            <form class="resolve-form" onsubmit={on_submit} novalidate=true>
                <div class={classes!("field", error.is_some().then_some("invalid"))}>
                    <label for="resolve-name">{ "Name" }</label>
                    <input id="resolve-name" type="text" value={(*name).clone()} oninput={on_name}
                        spellcheck="false" autocomplete="off"
                        aria-invalid={error.is_some().to_string()}
                        aria-describedby={error.is_some().then_some("resolve-name-error")} />
                    if let Some(msg) = &*error {
                        <p class="field-error" id="resolve-name-error" role="alert">{ msg.clone() }</p>
                    }
                </div>
                <div class="field">
                    <label for="resolve-type">{ "Type" }</label>
                    <select id="resolve-type" onchange={set(&rtype)}>
                        { for TYPES.iter().map(|t| html! { <option value={*t} selected={*rtype == *t}>{ *t }</option> }) }
                    </select>
                </div>
                <div class="field">
                    <label for="resolve-mode">{ "Resolver" }</label>
                    <select id="resolve-mode" onchange={set(&mode)}>
                        <option value="trace" selected={*mode == "trace"}>{ "Trace from the root" }</option>
                        <option value="public" selected={*mode == "public"}>{ "Public resolver 8.8.8.8 (with cache)" }</option>
                        <option value="direct" selected={*mode == "direct"}>{ "Direct to one server" }</option>
                    </select>
                </div>
                if *mode == "direct" {
                    <div class="field">
                        <label for="resolve-server">{ "Server" }</label>
                        <select id="resolve-server" onchange={set(&server)}>
                            { for doc.world.servers.iter().map(|s| {
                                let ip = s.ip.to_string();
                                html! { <option value={ip.clone()} selected={*server == ip}>{ format!("{} ({ip})", plain(&s.name)) }</option> }
                            }) }
                        </select>
                    </div>
                    <label class="toggle">
                        <input type="checkbox" id="resolve-rd" checked={*rd} onchange={on_rd} />
                        <span>{ "Recursion desired" }</span>
                    </label>
                }
                <button type="submit" class="btn btn-primary" id="resolve-run">{ "Resolve" }</button>
            </form>
            if let Some(r) = run.as_ref() {
                { stepping(r, *index, doc, Controls { go, on_keys, on_play, on_speed, on_select, playing: *playing, speed: (*speed).clone() }) }
            }
        </section>
        <section class="panel panel-console" id="console-panel" aria-labelledby="console-heading" tabindex="-1">
            <div class="panel-bar"><h2 id="console-heading">{ "dig console" }</h2></div>
            <div class="console-out" role="log" aria-label="dig output">
                { for console_out.iter().map(|entry| html! {
                    <div class="console-entry">
                        <p class="console-cmd"><code>{ format!("$ dig {}", entry.command.trim_start_matches("dig ")) }</code></p>
                        <pre class="dig-text" tabindex="0">{ entry.printed.clone() }</pre>
                        if let Some(offer) = &entry.offer {
                            <button type="button" class="btn btn-secondary btn-small console-offer"
                                onclick={run_console.reform({ let offer = offer.clone(); move |_: MouseEvent| offer.clone() })}>
                                { format!("Run {offer}") }
                            </button>
                        }
                    </div>
                }) }
            </div>
            <form class="console-form" onsubmit={on_console_submit}>
                <label for="console-line" class="sr-only">{ "dig command" }</label>
                <span class="console-prompt" aria-hidden="true">{ "$" }</span>
                <input id="console-line" type="text" value={(*console_line).clone()} oninput={on_console_input}
                    onkeydown={on_console_keys} spellcheck="false" autocomplete="off"
                    placeholder="dig NS api.example.com @8.8.8.8" />
                <button type="submit" class="btn btn-secondary">{ "Run" }</button>
            </form>
            <p class="panel-note">{ "The last command's resolution opens in the Resolve panel to step through. ↑/↓ recall earlier commands." }</p>
        </section>
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
            { cache_table(doc, now) }
        </section>
        </>
    }
}

fn stepping<G: Fn(fn(usize, usize) -> usize) -> Callback<MouseEvent>>(
    run: &Rc<(Resolution, u64)>,
    index: usize,
    doc: &Rc<crate::ui::Doc>,
    c: Controls<G>,
) -> Html {
    let (r, now) = (&run.0, run.1);
    let go = c.go;
    let n = r.steps.len();
    let index = index.min(n.saturating_sub(1));
    let step = r.steps.get(index);
    html! {
        <div class="stepping" tabindex="0" role="group"
            aria-label="Resolution steps (arrow keys, Home, End; P or Space plays and pauses)"
            onkeydown={c.on_keys}>
            <div class="step-controls">
                <button type="button" class="btn btn-secondary" onclick={go(|_, _| 0)} disabled={index == 0}>{ "First" }</button>
                <button type="button" class="btn btn-secondary" onclick={go(|i, _| i.saturating_sub(1))} disabled={index == 0}>{ "Previous" }</button>
                <span class="step-count" aria-live="polite">{ format!("Step {} of {n}", index + 1) }</span>
                <button type="button" class="btn btn-secondary" onclick={go(|i, n| (i + 1).min(n.saturating_sub(1)))} disabled={index + 1 >= n}>{ "Next" }</button>
                <button type="button" class="btn btn-secondary" onclick={go(|_, n| n.saturating_sub(1))} disabled={index + 1 >= n}>{ "Last" }</button>
                <button type="button" id="resolve-play" class={classes!("btn", "btn-primary", "play-toggle", c.playing.then_some("playing"))}
                    onclick={c.on_play} disabled={n < 2} aria-keyshortcuts="P">
                    <span aria-hidden="true" class="play-icon">{ if c.playing { "❚❚" } else { "▶" } }</span>
                    { if c.playing { " Pause" } else { " Play" } }
                </button>
                <label class="play-speed">
                    <span>{ "Speed" }</span>
                    <select id="resolve-speed" onchange={c.on_speed}>
                        { for resolve::SPEEDS.iter().map(|(v, label)| html! {
                            <option value={*v} selected={c.speed == *v}>{ *label }</option>
                        }) }
                    </select>
                </label>
            </div>
            // Beside the sequence (below it on small screens): the hierarchy centred on the
            // zone asked, the step's reason and dig's text, in one screen.
            <div class="stepping-side">
                <div class="step-map" title="The zone this step asks, in the delegation hierarchy">
                    <Diagram doc={doc.clone()} selected={None::<AttrValue>} compact=true
                        highlighted={Rc::new(step.map(|s| step_zone_ids(&doc.world, s)).unwrap_or_default())}
                        on_select={Callback::noop()} />
                </div>
                if let Some(s) = step {
                    { step_detail(&doc.world, s, now) }
                }
            </div>
            <div class="stepping-main">
                <SequenceView run={run.clone()} current={index} on_select={c.on_select} />
                { step_list(&r.steps, index, "Steps") }
            </div>
            // The end shows once the steps reach it (the last step is where it is decided);
            // before, it is in the page but hidden, so it does not give the story away.
            if index + 1 < n {
                <p class="outcome-pending" id="resolve-outcome-pending">
                    { format!("The outcome shows at the last step (step {n}): Last or End goes there.") }
                </p>
            }
            { outcome_view(&doc.world, r, now, index + 1 >= n) }
        </div>
    }
}

fn outcome_view(world: &crate::dns::world::World, r: &Resolution, now: u64, reached: bool) -> Html {
    let kind = r.outcome.kind;
    let (class, icon, words) = match kind {
        OutcomeKind::Answer => ("ok", "✓", "NOERROR: the answer"),
        OutcomeKind::NoData => (
            "warn",
            "∅",
            "NODATA: the name exists, with no records of this type",
        ),
        OutcomeKind::NxDomain => ("nx", "✗", "NXDOMAIN: the name does not exist"),
        OutcomeKind::Refused => (
            "refused",
            "⊘",
            "REFUSED: the server serves no zone for this name",
        ),
        OutcomeKind::ServFail => ("bad", "⚠", "SERVFAIL: the resolver could not get an answer"),
        OutcomeKind::Referral => ("info", "→", "REFERRAL: the server points elsewhere"),
        OutcomeKind::NoReply => ("bad", "…", "TIMEOUT: nothing answered"),
    };
    let text = outcome_text(world, r, now);
    html! {
        <div class={classes!("outcome", format!("outcome-{class}"))} id="resolve-outcome" hidden={!reached}>
            <p class="outcome-head"><span class="outcome-icon" aria-hidden="true">{ icon }</span>
                <strong class="outcome-label">{ kind.label() }</strong>{ " " }<span>{ words }</span></p>
            <p class="outcome-reason">{ r.outcome.reason.clone() }</p>
            if !r.outcome.answer.is_empty() {
                <ul class="outcome-records">
                    { for r.outcome.answer.iter().map(|rec| html! { <li><code>{ crate::dns::dig::record_line(rec) }</code></li> }) }
                </ul>
            }
            if let Some(t) = text { <pre class="dig-text" tabindex="0">{ t }</pre> }
        </div>
    }
}

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
