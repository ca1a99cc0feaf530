//! [`AcmClock`]: the simulated time and the buttons that move it on (ACM's checks are
//! scheduled on it: 5 minutes to 72 hours after a request).

use yew::prelude::*;

use crate::scenario::edit::Edit;
use crate::ui::hooks::use_app;
use crate::ui::resolve::clock_text;

/// The time steps offered: label, accessible name, seconds.
const ADVANCE: [(&str, &str, u64); 4] = [
    ("+5 min", "advance the clock 5 minutes", 300),
    ("+1 h", "advance the clock 1 hour", 3600),
    ("+24 h", "advance the clock 24 hours", 86_400),
    ("+72 h", "advance the clock 72 hours", 259_200),
];

#[function_component]
pub fn AcmClock() -> Html {
    let app = use_app();
    html! {
        <div class="acm-clock" role="group" aria-labelledby="acm-clock-label">
            <p id="acm-clock-label"><span class="acm-clock-caption">{ "Simulated time" }</span>
                <time id="acm-clock-now">{ clock_text(app.doc.clock) }</time></p>
            <div class="acm-advance">
                { for ADVANCE.iter().map(|(label, name, secs)| {
                    let (app, seconds) = (app.clone(), *secs);
                    html! {
                        <button type="button" class="btn btn-secondary"
                            onclick={Callback::from(move |_: MouseEvent| app.apply(Edit::AdvanceClock { seconds }))}>
                            <span class="acm-advance-label">{ *label }</span>
                            <span class="sr-only">{ format!(" ({name})") }</span>
                        </button>
                    }
                }) }
            </div>
        </div>
    }
}
