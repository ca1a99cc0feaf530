//! The sequence view: the resolution as a sequence diagram in SVG (no inline styles; classes
//! from www/style.css). A lifeline for the client and for each server asked, in order of first
//! contact; for each step up to the current one a query arrow and a dashed reply arrow (or a
//! cache note on the client), nested lookups shaded, the current step emphasised. Clicking a
//! message (or Enter / Space on it) selects its step.

use std::rc::Rc;

use yew::prelude::*;

use crate::dns::resolve::Resolution;
use crate::ui::sequence::{Message, sequence};

#[derive(Properties, PartialEq)]
pub struct SequenceProps {
    /// The resolution shown (the app state's `Asked`).
    pub resolution: Rc<Resolution>,
    pub current: usize,
    pub on_select: Callback<usize>,
}

const COL: i32 = 200;
const MARGIN: i32 = 12;
const HEAD: i32 = 46;
const TOP: i32 = HEAD + 14;
const ROW: i32 = 58;

fn x(column: usize) -> i32 {
    MARGIN + COL / 2 + column as i32 * COL
}

/// An arrow from `x1` to `x2` at `y`, its head at `x2`.
fn arrow(x1: i32, x2: i32, y: i32, class: &'static str) -> Html {
    let dir = if x2 > x1 { -1 } else { 1 };
    let head = format!(
        "{x2},{y} {},{} {},{}",
        x2 + dir * 8,
        y - 4,
        x2 + dir * 8,
        y + 4
    );
    html! {
        <>
            <line class={class} x1={x1.to_string()} y1={y.to_string()} x2={(x2 + dir * 7).to_string()} y2={y.to_string()} />
            <polygon class="seq-head" points={head} />
        </>
    }
}

#[function_component]
pub fn SequenceView(props: &SequenceProps) -> Html {
    let seq = sequence(&props.resolution);
    let scroll = use_node_ref();
    // Keep the current message's server in view when the box scrolls (narrow screens).
    {
        let scroll = scroll.clone();
        let column = seq
            .rows
            .get(props.current)
            .map_or(0, |row| match &row.message {
                Message::Exchange { server, .. } => *server,
                Message::Cache { .. } => 0,
            });
        let key = (
            props.current,
            column,
            Rc::as_ptr(&props.resolution) as usize,
        );
        use_effect_with(key, move |(_, column, _)| {
            if let Some(el) = scroll.cast::<web_sys::Element>() {
                let (left, width) = (el.scroll_left(), el.client_width());
                // Both lifelines of the exchange with a little room; the server's end first.
                let (a, b) = (x(0) - 40, x(*column) + 40);
                let target = if b - a > width || b > left + width {
                    b - width
                } else if a < left {
                    a
                } else {
                    left
                };
                if target != left {
                    el.set_scroll_left(target.max(0));
                }
            }
        });
    }
    let width = 2 * MARGIN + COL * seq.lifelines.len() as i32;
    let height = TOP + ROW * seq.rows.len() as i32 + 10;
    let current = props.current.min(seq.rows.len().saturating_sub(1));
    let text = |x: i32, y: i32, class: &'static str, s: String| {
        html! { <text class={class} x={x.to_string()} y={y.to_string()} text-anchor="middle">{ s }</text> }
    };
    html! {
        <div class="sequence" id="sequence-view">
            <p class="sequence-caption" id="sequence-caption">
                { "Sequence: who was asked what, and what came back. Click a message to go to its step." }
            </p>
            <div class="sequence-scroll" ref={scroll} tabindex="0" role="region" aria-labelledby="sequence-caption">
            <svg class="sequence-svg" width={width.to_string()} height={height.to_string()}
                viewBox={format!("0 0 {width} {height}")} role="group" aria-label="Sequence diagram">
                // Row backgrounds first (nested lookups shaded, the current step marked), under
                // the lifelines; the messages, clickable, on top.
                { for seq.rows.iter().take(current + 1).map(|row| {
                    let y0 = TOP + row.step as i32 * ROW;
                    html! {
                        <g class={classes!("seq-band", format!("seq-depth-{}", row.depth.min(3)), (row.step == current).then_some("current"))}>
                            <rect class="seq-bg" x="2" y={(y0 + 1).to_string()} width={(width - 4).to_string()} height={(ROW - 2).to_string()} rx="8" />
                            if row.depth > 0 {
                                <rect class="seq-nest-bar" x="2" y={(y0 + 1).to_string()} width={(3 * row.depth as i32).to_string()} height={(ROW - 2).to_string()} />
                            }
                        </g>
                    }
                }) }
                { for seq.lifelines.iter().enumerate().map(|(i, l)| {
                    let cx = x(i);
                    html! {
                        <g class={classes!("seq-lifeline", (i == 0).then_some("seq-client"))} pointer-events="none">
                            <line class="seq-life" x1={cx.to_string()} y1={HEAD.to_string()} x2={cx.to_string()} y2={height.to_string()} />
                            <rect class="seq-box" x={(cx - COL / 2 + 8).to_string()} y="4" width={(COL - 16).to_string()} height={(HEAD - 8).to_string()} rx="8" />
                            { text(cx, 21, "seq-name", l.name.clone()) }
                            { text(cx, 36, "seq-detail", l.detail.clone()) }
                        </g>
                    }
                }) }
                { for seq.rows.iter().take(current + 1).map(|row| {
                    let y0 = TOP + row.step as i32 * ROW;
                    let i = row.step;
                    let is_current = i == current;
                    let (label, body) = match &row.message {
                        Message::Exchange { server, question, response, tone } => {
                            let (a, b) = (x(0), x(*server));
                            // Labels end near the server: in view when a narrow box
                            // scrolls to the server's end of the arrow.
                            let end = b - 16;
                            (
                                format!("Step {}: {question} to {}; reply {response}", i + 1, seq.lifelines[*server].name),
                                html! {
                                    <>
                                        <text class="seq-label seq-q" x={end.to_string()} y={(y0 + 15).to_string()} text-anchor="end">{ question.clone() }</text>
                                        { arrow(a, b, y0 + 21, "seq-arrow") }
                                        <text class={classes!("seq-label", "seq-r", format!("seq-tone-{tone}"))} x={end.to_string()} y={(y0 + 43).to_string()} text-anchor="end">{ response.clone() }</text>
                                        { arrow(b, a, y0 + 49, "seq-arrow seq-return") }
                                    </>
                                },
                            )
                        }
                        Message::Cache { note } => (
                            format!("Step {}: {note}", i + 1),
                            html! {
                                <>
                                    <rect class="seq-note" x={(x(0) + 10).to_string()} y={(y0 + 12).to_string()} width={(COL * 2 - 40).to_string()} height="32" rx="6" />
                                    <text class="seq-label seq-note-text" x={(x(0) + 20).to_string()} y={(y0 + 33).to_string()}>{ note.clone() }</text>
                                </>
                            },
                        ),
                    };
                    let label = if row.depth > 0 {
                        format!("{label} (nested lookup of {})", row.purpose)
                    } else {
                        label
                    };
                    let on_select = props.on_select.clone();
                    let onclick = Callback::from(move |_: MouseEvent| on_select.emit(i));
                    let on_select = props.on_select.clone();
                    let onkeydown = Callback::from(move |e: KeyboardEvent| {
                        if e.key() == "Enter" || e.key() == " " {
                            e.prevent_default();
                            e.stop_propagation();
                            on_select.emit(i);
                        }
                    });
                    html! {
                        <g class={classes!("seq-msg", format!("seq-depth-{}", row.depth.min(3)), is_current.then_some("current"))}
                            data-step={i.to_string()} role="button" tabindex="0"
                            aria-current={is_current.then_some("step")} {onclick} {onkeydown}>
                            <title>{ label }</title>
                            <rect class="seq-hit" x="2" y={(y0 + 1).to_string()} width={(width - 4).to_string()} height={(ROW - 2).to_string()} rx="8" />
                            { body }
                        </g>
                    }
                }) }
            </svg>
            </div>
            <p class="sequence-legend">
                <span class="seq-key seq-key-nested" aria-hidden="true"></span>
                { "Shaded: a lookup of a name server's address, made on the way. Dashed: the reply." }
            </p>
        </div>
    }
}
