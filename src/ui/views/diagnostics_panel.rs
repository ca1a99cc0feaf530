//! The diagnostics panel: runs the diagnosis on the document whenever it changes (memoised
//! on the document's pointer), and lists the findings by severity, each with its code,
//! explanation, the zones and records involved (links that select the zone), the evidence
//! (collapsible dig text), a button that shows the failing resolution in the resolve panel,
//! and its fixes (each applied as one undoable `Edit::Batch`). While a challenge runs, the
//! findings stay hidden until the user asks for them. The zones involved in errors and
//! warnings are reported through `on_flagged`, for the diagram.

use yew::prelude::*;

use super::challenges::ChallengeHandle;
use crate::aws::route53::{Change, ChangeAction};
use crate::diagnose::{self, Finding, Fix, Severity};
use crate::scenario::Scenario;
use crate::ui::state::{Action, AppHandle, Edit, ViewState};

#[derive(Properties, PartialEq, Default)]
pub struct DiagnosticsPanelProps {
    /// Receives the ids of the zones involved in errors and warnings (empty while hidden).
    #[prop_or_default]
    pub on_flagged: Callback<Vec<String>>,
}

/// A fix as one undoable edit: the diagnosis's edits mapped to the app's.
pub fn fix_edit(fix: &Fix) -> Edit {
    let edits = fix
        .edits
        .iter()
        .map(|e| match e {
            diagnose::Edit::UpsertRecordSet { zone_id, set } => Edit::ChangeRecordSets {
                zone_id: zone_id.clone(),
                changes: vec![Change {
                    action: ChangeAction::Upsert,
                    set: set.clone(),
                }],
            },
            diagnose::Edit::DeleteRecordSet {
                zone_id,
                name,
                rtype,
            } => Edit::DeleteRecordSet {
                zone_id: zone_id.clone(),
                name: name.clone(),
                rtype: *rtype,
            },
            diagnose::Edit::SetRegistryDelegation { domain, servers } => {
                Edit::SetRegistryDelegation {
                    domain: domain.clone(),
                    servers: servers.clone(),
                }
            }
        })
        .collect();
    Edit::Batch {
        label: format!("fix: {}", fix.title),
        edits,
    }
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

/// The dig command that shows a finding's failing resolution step by step.
pub fn resolution_query(f: &Finding) -> Option<String> {
    f.symptom
        .as_ref()
        .map(|s| format!("dig +trace {} {}", s.question.name, s.question.rtype))
}

/// Asks the resolve panel to run `query` (a dig command line) and scrolls it into view.
pub fn show_query(app: &AppHandle, query: &str) {
    app.dispatch(Action::SetView(ViewState {
        selected_zone: None,
        query: Some(query.to_string()),
        step: None,
        autoplay: false,
    }));
    crate::ui::browser::scroll_to("resolve-panel");
}

fn severity_heading(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Errors",
        Severity::Warning => "Warnings",
        Severity::Note => "Notes",
    }
}

#[function_component]
pub fn DiagnosticsPanel(props: &DiagnosticsPanelProps) -> Html {
    let app = use_context::<AppHandle>().expect("the app provides its state");
    let challenge = use_context::<ChallengeHandle>();
    let findings = {
        let doc = app.doc.clone();
        // Keyed by the revision, which every document change bumps (a pointer could be
        // reused by the next document).
        use_memo(app.revision, move |_| diagnose::diagnose(&doc))
    };
    let hidden = challenge
        .as_ref()
        .is_some_and(|c| c.active.is_some() && !c.diagnostics_shown);
    {
        let on_flagged = props.on_flagged.clone();
        let findings = findings.clone();
        use_effect_with((app.revision, hidden), move |(_, hidden)| {
            on_flagged.emit(if *hidden {
                Vec::new()
            } else {
                flagged_zones(&findings)
            });
        });
    }

    if hidden {
        let on_show = {
            let challenge = challenge.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some(c) = &challenge {
                    c.set(c.with_diagnostics_shown());
                }
            })
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

    let line = summary(&findings);
    let clean =
        !diagnose::has_errors(&findings) && findings.iter().all(|f| f.severity == Severity::Note);
    html! {
        <section class="panel panel-diagnostics" id="diagnostics-panel" aria-labelledby="diagnostics-heading" tabindex="-1">
            <div class="panel-bar">
                <h2 id="diagnostics-heading">{ "Diagnostics" }</h2>
                <p class={classes!("diag-summary", if clean { "ok" } else if diagnose::has_errors(&findings) { "bad" } else { "warn" })}
                    id="diag-summary" role="status">{ line }</p>
            </div>
            { for [Severity::Error, Severity::Warning, Severity::Note].into_iter().filter_map(|sev| {
                let group: Vec<&Finding> = findings.iter().filter(|f| f.severity == sev).collect();
                (!group.is_empty()).then(|| html! {
                    <div class={classes!("diag-group", sev.as_str())}>
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

fn finding_view(f: &Finding, app: &AppHandle) -> Html {
    let doc: &Scenario = &app.doc;
    let show = resolution_query(f).map(|query| {
        let app = app.clone();
        let label = format!("Show the resolution: {}", query.trim_start_matches("dig "));
        let onclick = Callback::from(move |_: MouseEvent| show_query(&app, &query));
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
                        let onclick = Callback::from(move |_: MouseEvent| app.dispatch(Action::Select(id.clone())));
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
                let edit = fix_edit(fix);
                let changes = fix.describe(doc);
                let onclick = Callback::from(move |_: MouseEvent| app.dispatch(Action::Edit(edit.clone())));
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
