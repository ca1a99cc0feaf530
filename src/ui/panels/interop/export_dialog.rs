//! The export dialog: scenario JSON, one zone file per hosted zone, the zone folder,
//! Terraform, AWS CLI commands and the diagram as an SVG file; each shown in a preview with
//! Download and Copy buttons (a file list when an export has several files, and "Download
//! all", which saves them as one ZIP archive).

use yew::prelude::*;

use crate::ui::platform::events::value_of;

use crate::ui::hooks::use_app;

use super::export::{ExportChoice, ExportFile};
use crate::scenario::interop::zip;
use crate::ui::platform::browser;
use crate::ui::views::icon::Icon;

#[derive(Properties, PartialEq, Clone)]
pub struct ExportDialogProps {
    pub on_close: Callback<()>,
}

/// The files of a choice, the diagram read from the page.
pub fn files_for(doc: &crate::scenario::Scenario, choice: ExportChoice) -> Vec<ExportFile> {
    choice.files(doc, || browser::outer_html_of(".diagram-svg"))
}

#[function_component]
pub fn ExportDialog(props: &ExportDialogProps) -> Html {
    let state = use_app();
    let dialog = use_node_ref();
    crate::ui::views::modal::use_modal(&dialog);
    let choice = use_state(|| ExportChoice::ALL[0]);
    let index = use_state(|| 0usize);
    let status = use_state(String::new);

    // Made once per document and choice (the JSON of 25,000 record sets is not free).
    let files = use_memo((state.revision, *choice), {
        let doc = state.doc.clone();
        move |(_, choice)| files_for(&doc, *choice)
    });
    let current = files
        .get((*index).min(files.len().saturating_sub(1)))
        .cloned();

    let on_choice = {
        let (choice, index, status) = (choice.clone(), index.clone(), status.clone());
        Callback::from(move |e: Event| {
            choice.set(ExportChoice::from_id(&value_of(&e)));
            index.set(0);
            status.set(String::new());
        })
    };
    let on_file = {
        let index = index.clone();
        Callback::from(move |e: Event| {
            index.set(value_of(&e).parse().unwrap_or(0));
        })
    };
    let on_download = {
        let (current, status) = (current.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(f) = &current {
                status.set(match browser::download(&f.name, f.mime, &f.text) {
                    Ok(()) => format!("Downloaded {}.", f.name),
                    Err(e) => format!("The download failed: {e}"),
                });
            }
        })
    };
    let on_download_all = {
        let (files, status, choice) = (files.clone(), status.clone(), choice.clone());
        Callback::from(move |_: MouseEvent| {
            // One archive: a browser saves it in one go, where many downloads would each ask.
            let name = choice.archive_name();
            let entries: Vec<(String, Vec<u8>)> = files
                .iter()
                .map(|f| (f.name.clone(), f.text.clone().into_bytes()))
                .collect();
            status.set(
                match browser::download_bytes(&name, "application/zip", &zip(&entries)) {
                    Ok(()) => format!("Downloaded {name} ({} files).", files.len()),
                    Err(e) => format!("The download of {name} failed: {e}"),
                },
            );
        })
    };
    let on_copy = {
        let (current, status) = (current.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(f) = &current {
                let (status, name) = (status.clone(), f.name.clone());
                browser::copy(&f.text, move |ok| {
                    status.set(if ok {
                        format!("Copied {name}.")
                    } else {
                        "The browser did not allow copying: select the text and copy it.".into()
                    })
                });
            }
        })
    };
    let (oncancel, close) = crate::ui::views::modal::close_handlers(&props.on_close);

    html! {
        <dialog class="dialog dialog-wide" id="export-dialog" ref={dialog} aria-labelledby="export-title" oncancel={oncancel}>
            <div class="form">
                <div class="dialog-head">
                    <h2 id="export-title">{ "Export" }</h2>
                    <button type="button" class="btn btn-icon" aria-label="Close" onclick={close.clone()}>
                        <Icon name="close" />
                    </button>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="export-kind">{ "Format" }</label>
                        <select id="export-kind" onchange={on_choice}>
                            { for ExportChoice::ALL.iter().map(|c| html! {
                                <option value={c.id()} selected={*c == *choice}>{ c.label() }</option>
                            }) }
                        </select>
                    </div>
                    if files.len() > 1 {
                        <div class="field">
                            <label for="export-file">{ format!("File ({} in all)", files.len()) }</label>
                            <select id="export-file" onchange={on_file}>
                                { for files.iter().enumerate().map(|(i, f)| html! {
                                    <option value={i.to_string()} selected={i == *index}>{ f.name.clone() }</option>
                                }) }
                            </select>
                        </div>
                    }
                </div>
                if let Some(f) = &current {
                    <div class="field">
                        <label for="export-preview">{ format!("Preview of {}", f.name) }</label>
                        <textarea id="export-preview" class="export-preview" rows="14" readonly=true spellcheck="false"
                            value={f.text.clone()} />
                    </div>
                } else {
                    <p class="hint">{ "There is nothing to export here: the diagram is not on the page." }</p>
                }
                <p class="hint" id="export-status" role="status">{ (*status).clone() }</p>
                <div class="dialog-actions">
                    <button type="button" class="btn btn-ghost" onclick={close}>{ "Close" }</button>
                    if files.len() > 1 {
                        <button type="button" class="btn btn-secondary" id="export-download-all" onclick={on_download_all}>
                            <Icon name="download" /><span>{ "Download all" }</span>
                        </button>
                    }
                    <button type="button" class="btn btn-secondary" id="export-copy" disabled={current.is_none()} onclick={on_copy}>
                        { "Copy" }
                    </button>
                    <button type="button" class="btn btn-primary" id="export-download" disabled={current.is_none()} onclick={on_download}>
                        <Icon name="download" /><span>{ "Download" }</span>
                    </button>
                </div>
            </div>
        </dialog>
    }
}
