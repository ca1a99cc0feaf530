//! Stepping through a resolution, shared by the resolve panel and the certificates panel's
//! lookups: the First / Previous / "Step i of n" / Next / Last bar, and the keys
//! (← → Home End) that move between steps.

use yew::prelude::*;

/// The step `key` asks for from step `i` of `n`, if it is a stepping key.
pub fn step_for_key(key: &str, i: usize, n: usize) -> Option<usize> {
    if n == 0 {
        return None;
    }
    match key {
        "ArrowRight" => Some((i + 1).min(n - 1)),
        "ArrowLeft" => Some(i.saturating_sub(1)),
        "Home" => Some(0),
        "End" => Some(n - 1),
        _ => None,
    }
}

/// A keydown handler that moves between `n` steps from `index` with the stepping keys.
pub fn on_step_keys(index: usize, n: usize, on_step: Callback<usize>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        if let Some(next) = step_for_key(&e.key(), index, n) {
            e.prevent_default();
            on_step.emit(next);
        }
    })
}

#[derive(Properties, PartialEq)]
pub struct StepButtonsProps {
    /// The step shown (0-based) and how many there are.
    pub index: usize,
    pub n: usize,
    /// A class for the "Step i of n" count besides `step-count`.
    #[prop_or_default]
    pub count_class: Option<AttrValue>,
    pub on_step: Callback<usize>,
    /// More controls after Last (the resolve panel's play and speed).
    #[prop_or_default]
    pub children: Html,
}

/// First, Previous, the count, Next, Last, then the children.
#[function_component]
pub fn StepButtons(props: &StepButtonsProps) -> Html {
    let (index, n) = (props.index, props.n);
    let go = |to: usize| {
        let on_step = props.on_step.clone();
        Callback::from(move |_: MouseEvent| on_step.emit(to))
    };
    let last = n.saturating_sub(1);
    html! {
        <div class="step-controls">
            <button type="button" class="btn btn-secondary" onclick={go(0)} disabled={index == 0}>{ "First" }</button>
            <button type="button" class="btn btn-secondary" onclick={go(index.saturating_sub(1))} disabled={index == 0}>{ "Previous" }</button>
            <span class={classes!("step-count", props.count_class.clone())} aria-live="polite">{ format!("Step {} of {n}", index + 1) }</span>
            <button type="button" class="btn btn-secondary" onclick={go((index + 1).min(last))} disabled={index + 1 >= n}>{ "Next" }</button>
            <button type="button" class="btn btn-secondary" onclick={go(last)} disabled={index + 1 >= n}>{ "Last" }</button>
            { props.children.clone() }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::step_for_key;

    #[test]
    fn keys_move_within_the_steps() {
        assert_eq!(step_for_key("ArrowRight", 0, 3), Some(1));
        assert_eq!(step_for_key("ArrowRight", 2, 3), Some(2));
        assert_eq!(step_for_key("ArrowLeft", 0, 3), Some(0));
        assert_eq!(step_for_key("Home", 2, 3), Some(0));
        assert_eq!(step_for_key("End", 0, 3), Some(2));
        assert_eq!(step_for_key("x", 0, 3), None);
        assert_eq!(step_for_key("End", 0, 0), None);
    }
}
