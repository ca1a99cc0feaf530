//! [`use_walkthrough_diagnosis`]: the break-it steps judged by the diagnosis, whose code is
//! loaded on demand (`ui::lazy_fn::WALK_BREAKAGES`), so the first module does without it.
//! While the progress awaits it (`Progress::awaits_diagnosis`), each revision of the document
//! is diagnosed and what was seen goes to the reducer (`WalkthroughAction::Diagnosed`), which
//! ticks the steps as `follow` ticks the others. A failed fetch is reported for the card to
//! say so, with a retry; the checklist keeps working meanwhile.

use yew::prelude::*;

use super::follow::WalkthroughAction;
use crate::ui::hooks::App;
use crate::ui::lazy_fn::{WALK_BREAKAGES, spawn};

/// Diagnoses each revision of the document for the break-it steps while they await it.
/// Returns the "Try again" callback when the diagnosis's module could not be fetched.
#[hook]
pub fn use_walkthrough_diagnosis(state: &App) -> Option<Callback<MouseEvent>> {
    let failed = use_state(|| false);
    let attempt = use_state(|| 0u32);
    let awaits = state.walkthrough.awaits_diagnosis();
    {
        let (state, failed) = (state.clone(), failed.clone());
        use_effect_with(
            (state.revision, awaits, *attempt),
            move |&(revision, awaits, _)| {
                if awaits {
                    let doc = state.doc.clone();
                    spawn(async move {
                        match WALK_BREAKAGES.load().await {
                            Ok(breakages) => {
                                failed.set(false);
                                state.walkthrough(WalkthroughAction::Diagnosed {
                                    revision,
                                    found: breakages(&doc),
                                });
                            }
                            Err(_) => failed.set(true),
                        }
                    });
                }
            },
        );
    }
    (*failed).then(|| {
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
    })
}
