//! The diagnostics panel: runs the diagnosis on the document whenever it changes, and lists
//! the findings by severity, each with its code,
//! explanation, the zones and records involved (links that select the zone), the evidence
//! (collapsible dig text), a button that shows the failing resolution in the resolve panel,
//! and its fixes (each applied as one undoable `Edit::Batch`). While a challenge runs, the
//! findings stay hidden until the user asks for them. The zones involved in errors and
//! warnings are reported through `on_flagged`, for the diagram.
//!
//! The diagnosis never holds the page: it runs in slices of at most [`SLICE_MS`] (a
//! [`Diagnoser`] kept between revisions, timed with `performance.now()`; it reuses each
//! origin's, delegation's, CNAME's, CAA name's and zone's results that an edit cannot have
//! changed, `diagnose::kept`, so an edit at 1,000 zones works out only what it touched,
//! and a reused step counts as one step of the progress), the first during
//! the render that follows an edit and the rest between frames. A small scenario is
//! diagnosed within the first slice, as before; a large one shows its progress ("Checking
//! 340 of 1,012 steps") with the previous findings marked as out of date meanwhile.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::ui::hooks::{App, use_app};

use crate::diagnose::{self, Diagnoser, Finding, Progress, Severity};
use crate::scenario::Scenario;
use crate::ui::numbers::thousands;
use crate::ui::panels::challenges::ChallengeAction;

#[derive(Properties, PartialEq, Clone, Default)]
pub struct DiagnosticsPanelProps {
    /// Receives the ids of the zones involved in errors and warnings (empty while hidden).
    #[prop_or_default]
    pub on_flagged: Callback<Vec<String>>,
}

/// "2 errors, 1 warning" or "No problems found".
pub fn summary(findings: &[Finding]) -> String {
    let (errors, warnings, notes) = diagnose::counts(findings);
    let part = |k: usize, one: &str, many: &str| match k {
        0 => None,
        1 => Some(format!("1 {one}")),
        k => Some(format!("{k} {many}")),
    };
    let parts: Vec<String> = [
        part(errors, "error", "errors"),
        part(warnings, "warning", "warnings"),
        part(notes, "note", "notes"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if errors + warnings == 0 && notes == 0 {
        "No problems found".into()
    } else if errors + warnings == 0 {
        format!("No problems found ({})", parts.join(", "))
    } else {
        parts.join(", ")
    }
}

/// The zones involved in errors and warnings (notes flag nothing).
pub fn flagged_zones(findings: &[Finding]) -> Vec<String> {
    let mut ids: Vec<String> = findings
        .iter()
        .filter(|f| f.severity != Severity::Note)
        .flat_map(|f| f.involved.iter().map(|i| i.zone_id.clone()))
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// The question whose trace shows a finding's failing resolution step by step.
pub fn resolution_question(f: &Finding) -> Option<crate::dns::answer::Question> {
    f.symptom.as_ref().map(|s| s.question.clone())
}

fn severity_heading(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Errors",
        Severity::Warning => "Warnings",
        Severity::Note => "Notes",
    }
}

/// The longest a slice of the diagnosis runs on the page's thread, in milliseconds.
pub const SLICE_MS: f64 = 12.0;

/// Runs the diagnosis for at most [`SLICE_MS`]: in the browser, timed by `performance.now()`;
/// elsewhere (server-side render tests) to the end, as there are no frames to keep.
fn run_slice(d: &mut Diagnoser) -> Progress {
    #[cfg(target_arch = "wasm32")]
    {
        let perf = web_sys::window().and_then(|w| w.performance());
        let now = move || perf.as_ref().map_or(0.0, |p| p.now());
        let start = now();
        while !d.is_current() {
            d.step(1);
            if now() - start >= SLICE_MS {
                break;
            }
        }
        d.progress()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        while !d.is_current() {
            d.step(usize::MAX);
        }
        d.progress()
    }
}

/// "Checking 340 of 1,012 steps…": the progress of a diagnosis still running.
pub fn progress_text(p: Progress) -> String {
    format!(
        "Checking {} of {} steps…",
        thousands(p.done.min(p.total)),
        thousands(p.total)
    )
}

/// The diagnosis of the current document, run in slices: the first now, the rest between
/// frames (each slice re-renders the panel). Returns the diagnoser, for its findings.
#[hook]
fn use_diagnosis(app: &App) -> Rc<RefCell<Diagnoser>> {
    let diagnoser = use_mut_ref(Diagnoser::new);
    let redraw = use_force_update();
    // The first slice, during the render that follows a change of the document.
    {
        let diagnoser = diagnoser.clone();
        let doc = app.doc.clone();
        // Keyed by the revision, which every document change bumps.
        use_memo(app.revision, move |_| {
            let mut d = diagnoser.borrow_mut();
            d.start(&doc);
            run_slice(&mut d);
        });
    }
    // The others, one per turn of the event loop, so the page paints and answers between.
    let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    {
        let diagnoser = diagnoser.clone();
        let timer = timer.clone();
        let current = diagnoser.borrow().is_current();
        use_effect_with((app.revision, current), move |(_, current)| {
            if !*current {
                schedule(diagnoser, timer.clone(), redraw);
            }
            move || drop(timer.borrow_mut().take())
        });
    }
    diagnoser
}

/// Runs the next slice on the next turn of the event loop, then the next, until done.
fn schedule(
    diagnoser: Rc<RefCell<Diagnoser>>,
    timer: Rc<RefCell<Option<gloo::timers::callback::Timeout>>>,
    redraw: UseForceUpdateHandle,
) {
    let next = timer.clone();
    let slot = gloo::timers::callback::Timeout::new(0, move || {
        let progress = run_slice(&mut diagnoser.borrow_mut());
        let done = progress.finished() && diagnoser.borrow().is_current();
        redraw.force_update();
        if !done {
            schedule(diagnoser, next, redraw);
        }
    });
    *timer.borrow_mut() = Some(slot);
}

#[function_component]
pub fn DiagnosticsPanel(props: &DiagnosticsPanelProps) -> Html {
    let app = use_app();
    let diagnoser = use_diagnosis(&app);
    let d = diagnoser.borrow();
    let current = d.is_current();
    let progress = d.progress();
    let findings: &[Finding] = d.findings().unwrap_or_default();
    let hidden = app.challenge.hides_diagnostics();
    {
        let on_flagged = props.on_flagged.clone();
        let flagged = flagged_zones(findings);
        use_effect_with((app.revision, current, hidden), move |(_, _, hidden)| {
            on_flagged.emit(if *hidden { Vec::new() } else { flagged });
        });
    }

    if hidden {
        let on_show = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| app.challenge(ChallengeAction::ShowDiagnostics))
        };
        return html! {
            <section class="panel panel-diagnostics" id="diagnostics-panel" aria-labelledby="diagnostics-heading" tabindex="-1">
                <div class="panel-bar">
                    <h2 id="diagnostics-heading">{ "Diagnostics" }</h2>
                    <p class="panel-note">{ "Hidden during the challenge: investigate with the tools first." }</p>
                </div>
                <div class="diag-reveal">
                    <button type="button" class="btn btn-secondary" id="show-diagnostics" onclick={on_show}>
                        { "Show diagnostics" }
                    </button>
                </div>
            </section>
        };
    }

    let line = if current || d.findings().is_none() && progress.total == 0 {
        summary(findings)
    } else {
        progress_text(progress)
    };
    let clean =
        !diagnose::has_errors(findings) && findings.iter().all(|f| f.severity == Severity::Note);
    let state = if !current {
        "checking"
    } else if clean {
        "ok"
    } else if diagnose::has_errors(findings) {
        "bad"
    } else {
        "warn"
    };
    html! {
        <section class="panel panel-diagnostics" id="diagnostics-panel" aria-labelledby="diagnostics-heading" tabindex="-1"
            aria-busy={(!current).then_some("true")}>
            <div class="panel-bar">
                <h2 id="diagnostics-heading">{ "Diagnostics" }</h2>
                <p class={classes!("diag-summary", state)} id="diag-summary" role="status">{ line }</p>
                if !current {
                    <progress class="diag-progress" max={progress.total.to_string()} value={progress.done.to_string()}
                        aria-label="Diagnosis progress"></progress>
                }
            </div>
            if !current && !findings.is_empty() {
                <p class="panel-note diag-stale" id="diag-stale">
                    { "These findings are from before the last change; they are being checked again." }
                </p>
            }
            { for [Severity::Error, Severity::Warning, Severity::Note].into_iter().filter_map(|sev| {
                let group: Vec<&Finding> = findings.iter().filter(|f| f.severity == sev).collect();
                (!group.is_empty()).then(|| html! {
                    <div class={classes!("diag-group", sev.as_str(), (!current).then_some("stale"))}>
                        <h3 class="diag-group-title">{ format!("{} ({})", severity_heading(sev), group.len()) }</h3>
                        <ul class="diag-list">
                            { for group.into_iter().map(|f| finding_view(f, &app)) }
                        </ul>
                    </div>
                })
            }) }
        </section>
    }
}

fn finding_view(f: &Finding, app: &App) -> Html {
    let doc: &Scenario = &app.doc;
    let show = resolution_question(f).map(|question| {
        let app = app.clone();
        let line = crate::ui::resolve::question_line(&question, &crate::ui::resolve::Resolver::Trace);
        let label = format!("Show the resolution: {}", line.trim_start_matches("dig "));
        let onclick = Callback::from(move |_: MouseEvent| {
            app.show_trace(question.clone())
        });
        html! {
            <button type="button" class="btn btn-secondary diag-show" aria-label={label} onclick={onclick}>
                { "Show the resolution" }
            </button>
        }
    });
    html! {
        <li class={classes!("diag-finding", f.severity.as_str())} data-code={f.code.as_str()}>
            <div class="diag-head">
                <span class={classes!("diag-sev", f.severity.as_str())}>{ f.severity.as_str() }</span>
                <code class="diag-code">{ f.code.as_str() }</code>
            </div>
            <h4 class="diag-title">{ f.title.clone() }</h4>
            <p class="diag-explanation">{ f.explanation.clone() }</p>
            if !f.involved.is_empty() {
                <ul class="diag-involved" aria-label="Zones and records involved">
                    { for f.involved.iter().map(|i| {
                        let app = app.clone();
                        let id = i.zone_id.clone();
                        let onclick = Callback::from(move |_: MouseEvent| app.select_zone(id.clone()));
                        let record = i.record.as_ref().map(|r| format!(" · {} {}", r.name, r.rtype));
                        let account = i.account.as_ref().map(|a| format!(" (account {a})"));
                        let present = doc.world.zone(&i.zone_id).is_some();
                        html! {
                            <li>
                                <button type="button" class="linkish" onclick={onclick} disabled={!present}
                                    aria-label={format!("Select zone {}{}{}", i.zone, account.clone().unwrap_or_default(), record.clone().unwrap_or_default())}>
                                    { i.zone.to_string() }{ account.unwrap_or_default() }{ record.unwrap_or_default() }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
            if !f.evidence.is_empty() {
                <p class="diag-subhead">{ "Evidence" }</p>
            }
            { for f.evidence.iter().map(|e| html! {
                <details class="diag-evidence">
                    <summary><code>{ e.command.clone() }</code><span class="diag-evidence-sum">{ e.summary.clone() }</span></summary>
                    <pre class="dig-text" tabindex="0">{ e.text.clone() }</pre>
                </details>
            }) }
            if show.is_some() {
                <div class="diag-actions">
                    { for show }
                </div>
            }
            { for f.fixes.iter().map(|fix| {
                let app = app.clone();
                let edit = fix.edit();
                let changes = fix.describe(doc);
                let onclick = Callback::from(move |_: MouseEvent| app.apply(edit.clone()));
                html! {
                    <div class="diag-fix-item">
                        <button type="button" class="btn btn-primary diag-fix" title={changes.join("\n")} onclick={onclick}>
                            { fix.title.clone() }
                        </button>
                        <ul class="diag-fix-changes" aria-label={format!("Changes made by: {}", fix.title)}>
                            { for changes.into_iter().map(|c| html! { <li><code>{ c }</code></li> }) }
                        </ul>
                    </div>
                }
            }) }
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_reads_as_steps_with_thousands_grouped() {
        let p = |done, total| progress_text(Progress { done, total });
        assert_eq!(p(340, 1012), "Checking 340 of 1,012 steps…");
        assert_eq!(p(0, 25_019), "Checking 0 of 25,019 steps…");
        assert_eq!(p(1_234_567, 9), "Checking 9 of 9 steps…");
    }
}
