//! The hierarchy diagram as inline SVG: owner boxes, zone boxes (buttons: click, Enter or
//! Space selects the zone), and delegation arrows labelled with their health and NS names.
//! Geometry comes from `hierarchy::layout_view`; colours and type come from `www/style.css`.
//! Many sibling zones are folded into one "+N zones" box (a button that opens the fold);
//! the zoom and pan controls are [`super::zoom`]'s.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use super::zoom::{ZoomBar, use_zoom};
use crate::ui::doc::Doc;
use crate::ui::panels::diagram::hierarchy::{
    self, Edge, Fold, LABEL_LINE_H, Layout, NODE_H, NODE_W, Node, Owner, View,
};

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
    /// A second, compact copy beside a resolution's steps: its drawing hidden from assistive
    /// technology (the main diagram says the same), a scroll region, its own marker ids.
    #[prop_or_default]
    pub compact: bool,
}

/// The document as the diagram reads it: the same while its world and accounts are, so
/// that storing a resolution in the resolver's cache (a new revision) does not lay out a
/// thousand zones again. The hierarchy and the layout read nothing else of it.
#[derive(Clone)]
struct Topology(Rc<Doc>);

impl PartialEq for Topology {
    fn eq(&self, other: &Self) -> bool {
        // The zones by pointer first: after an edit this differs without comparing the
        // servers' lists of a thousand zones.
        Rc::ptr_eq(&self.0, &other.0)
            || hierarchy::same_topology(&self.0.world, &self.0.aws, &other.0)
    }
}

#[function_component]
pub fn Diagram(props: &DiagramProps) -> Html {
    let open = use_state(BTreeSet::<String>::new);
    // Never folded away: what the user selected, what the diagnostics flag, what is asked.
    let keep: BTreeSet<String> = props
        .selected
        .iter()
        .map(|s| s.to_string())
        .chain(props.flagged.iter().cloned())
        .chain(props.highlighted.iter().cloned())
        .collect();
    // Who delegates to whom and how healthy each delegation is: asked of the engine once per
    // change of the world or the accounts, not again for a selection, a fold or a question
    // (a resolution changes only the resolver's cache).
    // The page's kept hierarchy: only the delegations an edit touches are asked again, and
    // the compact copy reuses the main diagram's.
    let delegations = use_memo(Topology(props.doc.clone()), |doc| {
        hierarchy::shared_hierarchy(&doc.0)
    });
    let layout = use_memo(
        (
            Topology(props.doc.clone()),
            delegations.clone(),
            props.show_infrastructure,
            (*open).clone(),
            keep,
        ),
        |(doc, delegations, infra, open, keep)| {
            hierarchy::layout_of(
                &doc.0,
                delegations,
                &View {
                    show_infrastructure: *infra,
                    open: open.clone(),
                    keep: keep.clone(),
                },
            )
        },
    );
    let on_fold = {
        let open = open.clone();
        Callback::from(move |key: String| {
            let mut next = (*open).clone();
            if !next.remove(&key) {
                next.insert(key);
            }
            open.set(next);
        })
    };

    let Layout { width, height, .. } = *layout;
    let zoom = use_zoom(width, height);
    let (shown_w, shown_h) = zoom.size();
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
        let scroll = if props.compact {
            scroll.clone()
        } else {
            zoom.scroller.clone()
        };
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
    let svg_body = html! {
        <>
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
                    { for layout.nodes.iter().map(|n| match &n.fold {
                        Some(fold) if !compact => fold_view(n, fold, &on_fold),
                        _ => node_view(n, selected, &props.highlighted, &props.flagged, &props.on_select, compact),
                    }) }
        </>
    };
    html! {
        <figure class={classes!("diagram", compact.then_some("compact"))}>
            if !compact {
                <ZoomBar handle={zoom.clone()} />
            }
            if compact {
                // Centred by the app on the zone asked; it scrolls by hand too (small
                // screens), so it is a region the keyboard reaches.
                <div class="diagram-scroll" ref={scroll.clone()} tabindex="0" role="region"
                    aria-label="The hierarchy around the zone asked: scroll to see the rest">
                    <svg class="diagram-svg" width={width.to_string()} height={height.to_string()}
                        viewBox={format!("0 0 {width} {height}")} aria-hidden="true" focusable="false">
                        { svg_body }
                    </svg>
                </div>
            } else {
                <div class={classes!("diagram-scroll", zoom.fitted().then_some("fit"))} ref={zoom.scroller.clone()}
                    tabindex="0" role="region"
                    aria-label="Diagram: scroll with the arrow keys or drag; + and − zoom, 0 fits it to the panel"
                    onkeydown={zoom.on_key()} onwheel={zoom.on_wheel()}
                    onpointerdown={zoom.on_pointer_down()} onpointermove={zoom.on_pointer_move()}
                    onpointerup={zoom.on_pointer_up()} onpointercancel={zoom.on_pointer_up()}>
                    <svg class="diagram-svg" width={shown_w} height={shown_h} ref={zoom.svg.clone()}
                        viewBox={format!("0 0 {width} {height}")} role="group"
                        aria-label="Delegation hierarchy: zones by owner, with the delegations between them">
                        { svg_body }
                    </svg>
                </div>
            }
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
    let marked =
        is_flagged(from) && (is_flagged(to) || (to.zone_id.is_none() && to.fold.is_none()));
    let class = e.health.class();
    let lines = hierarchy::label_lines(e);
    let target = match &to.fold {
        Some(fold) => format!("{} folded zones", fold.count),
        None => to.origin.to_string(),
    };
    let described = format!(
        "{} to {target}: {}{}{}",
        from.origin,
        if e.summary.is_empty() {
            e.health.label().to_string()
        } else {
            format!("worst {}", e.health.label())
        },
        if !e.summary.is_empty() {
            format!("; {}", e.summary.join(", "))
        } else if e.ns.is_empty() {
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

/// A box standing for folded sibling zones: a button that opens the fold (or, open, folds
/// the zones again).
fn fold_view(n: &Node, fold: &Fold, on_fold: &Callback<String>) -> Html {
    let (x, y) = (n.x, n.y);
    let owner = match &n.owner {
        Owner::Account { id, .. } => format!(" in account {id}"),
        _ => String::new(),
    };
    let label = if fold.open {
        format!(
            "Fold the {} zones under {}{owner} into one box",
            fold.count, n.origin
        )
    } else {
        let below = match fold.below {
            0 => String::new(),
            1 => " and 1 zone below them".to_string(),
            k => format!(" and {k} zones below them"),
        };
        let more = if fold.count > fold.sample.len() {
            ", …"
        } else {
            ""
        };
        format!(
            "{} more zones under {}{owner}{below}, folded ({}{more}): show them",
            fold.count,
            n.origin,
            fold.sample.join(", ")
        )
    };
    let onclick = {
        let (cb, key) = (on_fold.clone(), fold.key.clone());
        Callback::from(move |_: MouseEvent| cb.emit(key.clone()))
    };
    let onkeydown = {
        let (cb, key) = (on_fold.clone(), fold.key.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                cb.emit(key.clone());
            }
        })
    };
    let rect = |dx: i32, class: &'static str| {
        html! {
            <rect class={class} x={(x + dx).to_string()} y={(y - dx).to_string()} width={NODE_W.to_string()} height={NODE_H.to_string()} rx="10" />
        }
    };
    html! {
        <g class={classes!("node", "fold", fold.open.then_some("open"))} role="button" tabindex="0"
            aria-expanded={fold.open.to_string()} data-fold={fold.key.clone()} onclick={onclick} onkeydown={onkeydown}>
            <title>{ label }</title>
            <rect class="focus-ring" x={(x - 4).to_string()} y={(y - 4).to_string()} width={(NODE_W + 8).to_string()} height={(NODE_H + 8).to_string()} rx="13" />
            if !fold.open {
                { rect(6, "fold-stack") }
                { rect(3, "fold-stack") }
            }
            { rect(0, "node-box") }
            <text class="node-title" x={(x + 14).to_string()} y={(y + 22).to_string()}>{ n.title.clone() }</text>
            <text class="node-sub" x={(x + 14).to_string()} y={(y + 40).to_string()}>{ n.subtitle.clone() }</text>
        </g>
    }
}
