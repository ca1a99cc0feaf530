//! The hierarchy diagram as inline SVG: owner boxes, zone boxes (buttons: click, Enter or
//! Space selects the zone), and delegation arrows labelled with their health and NS names.
//! Geometry comes from `hierarchy::layout`; colours and type come from `www/style.css`.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::doc::Doc;
use crate::ui::hierarchy::{self, Edge, LABEL_LINE_H, Layout, NODE_H, NODE_W, Node, Owner};

#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    pub doc: Rc<Doc>,
    pub selected: Option<AttrValue>,
    /// Whether the name-server infrastructure zones (`awsdns-NN.com`, ...) are drawn.
    #[prop_or_default]
    pub show_infrastructure: bool,
    /// Zones to mark as "being asked" (the resolve panel's current step), besides the selection.
    #[prop_or_default]
    pub highlighted: Rc<Vec<String>>,
    /// Zones a diagnostics finding involves: their boxes and the delegations into them are
    /// marked (a badge, and words in their accessible names).
    #[prop_or_default]
    pub flagged: Rc<Vec<String>>,
    pub on_select: Callback<String>,
    /// A second, compact copy beside a resolution's steps: not focusable, hidden from
    /// assistive technology (the main diagram says the same), its own marker ids.
    #[prop_or_default]
    pub compact: bool,
}

/// Wider than this, the diagram scrolls rather than shrinking to its panel, so that its
/// labels stay at least 85% of their size (about 10 px).
const SHRINK_UP_TO: i32 = 860;

#[function_component]
pub fn Diagram(props: &DiagramProps) -> Html {
    let layout = use_memo(
        (props.doc.clone(), props.show_infrastructure),
        |(doc, infra)| hierarchy::layout(doc, *infra),
    );

    let Layout { width, height, .. } = *layout;
    let selected = props.selected.as_deref();
    let compact = props.compact;
    let prefix = if compact { "mini-arrow" } else { "arrow" };
    // Keep in view, when the diagram scrolls (small screens, a wide layout, the compact
    // copy): the zone the current step asks, else the root.
    let scroll = use_node_ref();
    {
        let focus = props
            .highlighted
            .first()
            .and_then(|id| layout.nodes.iter().find(|n| n.zone_id.as_ref() == Some(id)))
            .or_else(|| layout.nodes.iter().find(|n| n.origin.is_root()))
            .map(|n| (n.x + NODE_W / 2, n.y + NODE_H / 2));
        let scroll = scroll.clone();
        use_effect_with((focus, width, height), move |(focus, _, _)| {
            if let (Some((x, y)), Some(el)) = (focus, scroll.cast::<web_sys::Element>()) {
                if el.scroll_width() > el.client_width() {
                    el.set_scroll_left((x - el.client_width() / 2).max(0));
                }
                if el.scroll_height() > el.client_height() {
                    el.set_scroll_top((y - el.client_height() / 2).max(0));
                }
            }
        });
    }
    html! {
        <figure class={classes!("diagram", compact.then_some("compact"), (width > SHRINK_UP_TO).then_some("wide"))}>
            <div class="diagram-scroll" ref={scroll}>
                <svg class="diagram-svg" width={width.to_string()} height={height.to_string()}
                    viewBox={format!("0 0 {width} {height}")} role={(!compact).then_some("group")}
                    aria-hidden={compact.then_some("true")}
                    aria-label={(!compact).then_some("Delegation hierarchy: zones by owner, with the delegations between them")}>
                    <defs>
                        { for ["ok", "warn", "bad"].iter().map(|c| html! {
                            <marker id={format!("{prefix}-{c}")} class={format!("arrowhead {c}")} viewBox="0 0 10 10"
                                refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                                <path d="M 0 0 L 10 5 L 0 10 z" />
                            </marker>
                        }) }
                    </defs>
                    { for layout.groups.iter().map(|g| {
                        let class = match g.owner { Owner::Internet => "group internet", Owner::Account { .. } => "group account", Owner::Unhosted => "group unhosted" };
                        html! {
                            <g class={class}>
                                <title>{ g.owner.label() }</title>
                                <rect x={g.x.to_string()} y={g.y.to_string()} width={g.w.to_string()} height={g.h.to_string()} rx="14" />
                                <text class="group-label" x={(g.x + 14).to_string()} y={(g.y + 19).to_string()}>{ g.caption.clone() }</text>
                            </g>
                        }
                    }) }
                    { for layout.edges.iter().map(|e| edge_view(&layout, e, &props.flagged, compact)) }
                    { for layout.nodes.iter().map(|n| node_view(n, selected, &props.highlighted, &props.flagged, &props.on_select, compact)) }
                </svg>
            </div>
            <figcaption class="legend">
                <span class="legend-item ok"><span class="swatch" aria-hidden="true"></span>{ "delegation ok" }</span>
                <span class="legend-item warn"><span class="swatch" aria-hidden="true"></span>{ "NS mismatch or partly lame" }</span>
                <span class="legend-item bad"><span class="swatch" aria-hidden="true"></span>{ "lame or not delegated (dashed)" }</span>
                if !props.flagged.is_empty() {
                    <span class="legend-item flagged"><span class="flag-dot" aria-hidden="true">{ "!" }</span>{ "flagged by diagnostics" }</span>
                }
            </figcaption>
        </figure>
    }
}

fn edge_view(layout: &Layout, e: &Edge, flagged: &[String], compact: bool) -> Html {
    let prefix = if compact { "mini-arrow" } else { "arrow" };
    let from = &layout.nodes[e.from];
    let to = &layout.nodes[e.to];
    let is_flagged = |n: &Node| n.zone_id.as_ref().is_some_and(|id| flagged.contains(id));
    // A finding involves both ends (or the parent, when the child zone does not exist).
    let marked = is_flagged(from) && (is_flagged(to) || to.zone_id.is_none());
    let class = e.health.class();
    let lines = hierarchy::label_lines(e);
    let described = format!(
        "{} to {}: {}{}{}",
        from.origin,
        to.origin,
        e.health.label(),
        if e.ns.is_empty() {
            String::new()
        } else {
            format!(", NS {}", e.ns.join(", "))
        },
        if marked {
            "; flagged by diagnostics"
        } else {
            ""
        }
    );
    let backdrop = match to.owner {
        Owner::Internet => "in-internet",
        Owner::Account { .. } => "in-account",
        Owner::Unhosted => "in-none",
    };
    let x = e.label_x.to_string();
    html! {
        <g class={classes!("edge", class, backdrop, e.health.dashed().then_some("dashed"), marked.then_some("flagged"))}>
            <title>{ described }</title>
            <path d={e.path.clone()} marker-end={format!("url(#{prefix}-{class})")} />
            // The compact copy draws the arrows only: the labels are the main diagram's.
            if !compact {
                <text class="edge-label" x={x.clone()} y={e.label_y.to_string()} text-anchor={if e.label_end { "end" } else { "start" }}>
                    <tspan class="edge-health">{ e.health.label() }</tspan>
                    { for lines.iter().enumerate().map(|(i, l)| html! {
                        <tspan class="edge-ns" x={x.clone()} y={(e.label_y + (i as i32 + 1) * LABEL_LINE_H).to_string()}>{ l.clone() }</tspan>
                    }) }
                </text>
            }
        </g>
    }
}

fn node_view(
    n: &Node,
    selected: Option<&str>,
    highlighted: &[String],
    flagged: &[String],
    on_select: &Callback<String>,
    compact: bool,
) -> Html {
    let (x, y) = (n.x, n.y);
    let sets = match n.record_sets {
        1 => "1 record set".to_string(),
        k => format!("{k} record sets"),
    };
    let box_rect = html! {
        <rect class="node-box" x={x.to_string()} y={y.to_string()} width={NODE_W.to_string()} height={NODE_H.to_string()} rx="10" />
    };
    let texts = html! {
        <>
            <text class="node-title" x={(x + 14).to_string()} y={(y + 22).to_string()}>{ n.title.clone() }</text>
            <text class="node-sub" x={(x + 14).to_string()} y={(y + 40).to_string()}>{ n.subtitle.clone() }</text>
        </>
    };
    let Some(zone_id) = n.zone_id.clone() else {
        return html! {
            <g class={classes!(if compact { "mini-node" } else { "node" }, "ghost")}>
                <title>{ format!("{}: delegated, but no hosted zone of this name exists", n.origin) }</title>
                { box_rect }{ texts }
            </g>
        };
    };
    let is_selected = selected == Some(zone_id.as_str());
    let is_asked = highlighted.iter().any(|h| h == &zone_id);
    let owner = match &n.owner {
        Owner::Account { id, .. } => format!(", account {id}"),
        _ => String::new(),
    };
    let what = match n.owner {
        Owner::Account { .. } => format!("hosted zone {}", n.subtitle),
        _ => n.subtitle.clone(),
    };
    let is_flagged = flagged.contains(&zone_id);
    let label = format!(
        "Zone {}, {}{}, {}{}",
        n.origin,
        what,
        owner,
        sets,
        if is_flagged {
            ", flagged by diagnostics"
        } else {
            ""
        }
    );
    let onclick = {
        let (on_select, id) = (on_select.clone(), zone_id.clone());
        Callback::from(move |_: MouseEvent| on_select.emit(id.clone()))
    };
    let onkeydown = {
        let (on_select, id) = (on_select.clone(), zone_id.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                on_select.emit(id.clone());
            }
        })
    };
    let kind = match n.owner {
        Owner::Internet => "internet",
        _ => "hosted",
    };
    html! {
        // The compact copy's boxes are `mini-node`: the main diagram's `.node`s stay unique.
        <g class={classes!(if compact { "mini-node" } else { "node" }, kind, is_selected.then_some("selected"), is_asked.then_some("asked"))}
            role={(!compact).then_some("button")} tabindex={(!compact).then_some("0")}
            aria-pressed={(!compact).then(|| is_selected.to_string())} data-zone={(!compact).then_some(zone_id)}
            onclick={onclick} onkeydown={onkeydown}>
            // The accessible name (and a tooltip): an SVG title rather than aria-label, so the
            // name does not have to repeat the box's visible text word for word.
            <title>{ label }</title>
            <rect class="focus-ring" x={(x - 4).to_string()} y={(y - 4).to_string()} width={(NODE_W + 8).to_string()} height={(NODE_H + 8).to_string()} rx="13" />
            { box_rect }
            { texts }
            if is_flagged {
                <g class="flag-badge" aria-hidden="true">
                    <circle cx={(x + NODE_W - 14).to_string()} cy={(y + 14).to_string()} r="9" />
                    <text x={(x + NODE_W - 14).to_string()} y={(y + 18).to_string()} text-anchor="middle">{ "!" }</text>
                </g>
            }
        </g>
    }
}
