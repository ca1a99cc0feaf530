//! The hierarchy diagram's geometry: where every box and arrow goes. Which zone hangs under
//! which, where each delegation points and how healthy it is come from the engine
//! (`scenario::hierarchy`); this file only chooses what to show and places it.
//!
//! Layout: the Internet's zones (root, TLDs) in rows at the top; below them one column per
//! owner (AWS account), each drawn as a box holding that owner's hosted zones in rows by
//! depth, so a cross-account delegation is an arrow from one box into another. A delegation
//! that reaches no zone gets a dashed placeholder in an "unhosted" column. The name-server
//! infrastructure zones (`awsdns-NN.com` and the like) are hidden unless asked for, and so
//! are TLDs with nothing shown below them.
//!
//! Siblings: more than `SIBLING_LIMIT` zones under one parent in one owner's box are folded
//! into one "+N zones" box (with one arrow summing up their delegations' health) until it is
//! opened; the selected zone, flagged zones and the zones on the resolution shown stay
//! outside the fold, so what the user looks at is never hidden. A scenario of 1,000 zones
//! draws a few dozen boxes, not 1,000 boxes one pixel wide.
//!
//! The engine's hierarchy is kept between revisions ([`shared_hierarchy`]): one
//! [`engine::KeptHierarchy`] for the page, so an edit asks again only the delegations it can
//! have changed, and the second (compact) diagram beside a resolution reuses the first's.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use hickory_proto::rr::Name;

use crate::scenario::Scenario;
use crate::scenario::hierarchy::{self as engine, NodeKind};

pub const NODE_W: i32 = 208;
pub const NODE_H: i32 = 52;
const H_GAP: i32 = 24;
const COL_GAP: i32 = 40;
/// The least vertical room between a parent's box and the label block of its child.
const ARROW_GAP: i32 = 30;
const MARGIN: i32 = 16;
const GROUP_PAD: i32 = 14;
const GROUP_HEADER: i32 = 26;
/// Lines of NS names written on an arrow; more are summarised as "+N more".
pub const LABEL_LINES: usize = 4;
/// Characters of a zone name shown in a box before it is shortened.
const NAME_CHARS: usize = 26;
/// The most zones drawn side by side under one parent in one owner's box; more are folded.
pub const SIBLING_LIMIT: usize = 8;

/// What the diagram is asked to show besides the scenario.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct View {
    /// Whether the name-server infrastructure zones are drawn.
    pub show_infrastructure: bool,
    /// The folds the user opened (their `Fold::key`).
    pub open: BTreeSet<String>,
    /// Zones never folded away: the selection, flagged zones, the zones asked.
    pub keep: BTreeSet<String>,
}

/// A box standing for folded sibling zones (or, once opened, the control that folds them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fold {
    /// Names the fold: the parent zone and the owner.
    pub key: String,
    /// How many sibling zones it holds.
    pub count: usize,
    /// How many zones below those are hidden with them.
    pub below: usize,
    /// Whether it is open (its zones drawn, this box folds them again).
    pub open: bool,
    /// The first few names it holds, for its tooltip.
    pub sample: Vec<String>,
}

/// Who runs a zone: the Internet's registries, or an AWS account.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Owner {
    Internet,
    Account {
        id: String,
        label: String,
    },
    /// Placeholder for a delegation no zone answers for.
    Unhosted,
}

impl Owner {
    pub fn label(&self) -> String {
        match self {
            Owner::Internet => "Internet: root and TLD registries".into(),
            Owner::Account { id, label } if label.is_empty() => format!("AWS account {id}"),
            Owner::Account { id, label } => format!("{label} · {id}"),
            Owner::Unhosted => "No hosted zone".into(),
        }
    }
}

/// How a delegation arrow is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    /// Every delegated server answers for the zone and the NS sets match.
    Ok,
    /// The servers answer, but the parent's NS set differs from the zone's own.
    Mismatched,
    /// Some delegated servers do not answer for the zone.
    PartlyLame,
    /// No delegated server answers for the zone.
    Lame,
    /// The parent holds no delegation for the zone: resolvers never reach it.
    NotDelegated,
}

impl Health {
    fn of(h: &engine::Health) -> Self {
        match h {
            engine::Health::Ok => Health::Ok,
            engine::Health::Mismatched { .. } => Health::Mismatched,
            engine::Health::PartlyLame { .. } => Health::PartlyLame,
            engine::Health::Lame { .. } => Health::Lame,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Health::Ok => "delegation ok",
            Health::Mismatched => "NS mismatch",
            Health::PartlyLame => "partly lame",
            Health::Lame => "lame delegation",
            Health::NotDelegated => "not delegated",
        }
    }

    /// Whether the arrow is dashed: no server answers through it (as the legend shows).
    pub fn dashed(self) -> bool {
        matches!(self, Health::Lame | Health::NotDelegated)
    }

    /// How bad it is: ok first, not delegated last.
    fn rank(self) -> u8 {
        match self {
            Health::Ok => 0,
            Health::Mismatched => 1,
            Health::PartlyLame => 2,
            Health::Lame => 3,
            Health::NotDelegated => 4,
        }
    }

    /// The word in a fold's summary: "97 ok", "3 lame".
    fn short(self) -> &'static str {
        match self {
            Health::Ok => "ok",
            Health::Mismatched => "NS mismatch",
            Health::PartlyLame => "partly lame",
            Health::Lame => "lame",
            Health::NotDelegated => "not delegated",
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            Health::Ok => "ok",
            Health::Mismatched | Health::PartlyLame => "warn",
            Health::Lame | Health::NotDelegated => "bad",
        }
    }
}

/// One box in the diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The zone's id, or `None` for a placeholder of a delegation that reaches no zone.
    pub zone_id: Option<String>,
    pub origin: Name,
    /// The name as drawn (shortened when long).
    pub title: String,
    /// The second line: "root zone", "top-level domain", the hosted zone id, ...
    pub subtitle: String,
    pub owner: Owner,
    pub record_sets: usize,
    /// Set on a box that stands for folded siblings.
    pub fold: Option<Fold>,
    pub x: i32,
    pub y: i32,
}

/// One delegation arrow, from a parent zone's box to a child's.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    /// The NS names the parent lists (empty when not delegated).
    pub ns: Vec<String>,
    pub health: Health,
    /// For the arrow into a fold: how many delegations it stands for, by health.
    pub summary: Vec<String>,
    /// The arrow as an SVG path: from the parent's bottom, a curve, then a straight drop
    /// beside the label block into the child's top.
    pub path: String,
    /// Where the label's first line starts (its baseline), and whether the lines end there
    /// (`text-anchor: end`, when the arrow comes from the right) or start there.
    pub label_x: i32,
    pub label_y: i32,
    pub label_end: bool,
}

/// A box around one owner's zones.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub owner: Owner,
    /// The owner's name as drawn, shortened to the box's width.
    pub caption: String,
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

/// Everything the diagram draws.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: i32,
    pub height: i32,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub groups: Vec<Group>,
    /// How many name-server infrastructure zones are hidden.
    pub hidden: usize,
}

impl Layout {
    pub fn node_for(&self, zone_id: &str) -> Option<usize> {
        self.nodes
            .iter()
            .position(|n| n.zone_id.as_deref() == Some(zone_id))
    }
}

fn shorten(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() <= NAME_CHARS {
        name.to_string()
    } else {
        let tail: String = chars[chars.len() - (NAME_CHARS - 1)..].iter().collect();
        format!("…{tail}")
    }
}

/// A group's caption in `width` pixels: the whole label, else an account's own label or its
/// id alone (whichever fits, the label first: the tooltip has both), else the label cut.
fn caption(owner: &Owner, width: i32) -> String {
    let full = owner.label();
    if let Owner::Account { id, label } = owner {
        for text in [&full, label, id] {
            if !text.is_empty() && fit(text, width) == *text {
                return text.clone();
            }
        }
    }
    fit(&full, width)
}

/// `text` cut to what fits in `width` pixels of the group caption's type (about 6.5 px a
/// character), with an ellipsis.
fn fit(text: &str, width: i32) -> String {
    let max = (width * 10 / 65).max(4) as usize;
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max - 1).collect();
    format!("{}…", kept.trim_end())
}

/// The nodes, arrows and tree parents of the diagram, before placement: the engine's
/// hierarchy, filtered, with placeholders and "not delegated" arrows added.
fn graph(
    s: &Scenario,
    h: &engine::Hierarchy,
    show_infrastructure: bool,
) -> (Vec<Node>, Vec<Edge>, Vec<Option<usize>>, usize) {
    let index: BTreeMap<&str, usize> = h
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.zone_id.as_str(), i))
        .collect();
    let mut nodes: Vec<Node> = h
        .nodes
        .iter()
        .map(|n| {
            let (owner, subtitle) = match &n.kind {
                NodeKind::Root => (Owner::Internet, "root zone".to_string()),
                NodeKind::Tld => (Owner::Internet, "top-level domain".to_string()),
                NodeKind::Other => (Owner::Internet, "name-server zone".to_string()),
                NodeKind::HostedZone {
                    account,
                    account_label,
                } => (
                    Owner::Account {
                        id: account.clone(),
                        label: account_label.clone(),
                    },
                    n.zone_id.clone(),
                ),
            };
            Node {
                zone_id: Some(n.zone_id.clone()),
                origin: n.origin.clone(),
                title: shorten(&n.origin.to_string()),
                subtitle,
                owner,
                record_sets: s.world.zone(&n.zone_id).map_or(0, |z| z.len()),
                fold: None,
                x: 0,
                y: 0,
            }
        })
        .collect();
    let mut parent: Vec<Option<usize>> = h
        .nodes
        .iter()
        .map(|n| n.parent.as_deref().and_then(|p| index.get(p).copied()))
        .collect();
    let mut edges = Vec::new();
    for e in &h.edges {
        let Some(&from) = index.get(e.parent.as_str()) else {
            continue;
        };
        let ns = e.ns.iter().map(Name::to_string).collect();
        let to = match e.child.as_deref().and_then(|c| index.get(c).copied()) {
            Some(to) => to,
            None => {
                nodes.push(Node {
                    zone_id: None,
                    origin: e.name.clone(),
                    title: shorten(&e.name.to_string()),
                    subtitle: "no zone answers".into(),
                    owner: Owner::Unhosted,
                    record_sets: 0,
                    fold: None,
                    x: 0,
                    y: 0,
                });
                parent.push(Some(from));
                nodes.len() - 1
            }
        };
        edges.push(Edge::new(from, to, ns, Health::of(&e.health)));
    }
    for (ci, p) in parent.iter().enumerate() {
        if let Some(pi) = *p
            && !edges.iter().any(|e| e.to == ci)
        {
            edges.push(Edge::new(pi, ci, Vec::new(), Health::NotDelegated));
        }
    }

    // What to show: every hosted zone and placeholder, and the zones above them; the root;
    // the infrastructure zones only when asked.
    let mut visible = vec![false; nodes.len()];
    let kinds: Vec<Option<&NodeKind>> = (0..nodes.len())
        .map(|i| h.nodes.get(i).map(|n| &n.kind))
        .collect();
    for (i, kind) in kinds.iter().enumerate() {
        let show = match kind {
            None | Some(NodeKind::HostedZone { .. }) | Some(NodeKind::Root) => true,
            Some(NodeKind::Other | NodeKind::Tld) => show_infrastructure,
        };
        if show {
            let mut at = Some(i);
            while let Some(j) = at {
                if visible[j] && j != i {
                    break;
                }
                visible[j] = true;
                at = parent[j];
            }
        }
    }
    let hidden = (0..h.nodes.len())
        .filter(|&i| !visible[i] && matches!(kinds[i], Some(NodeKind::Other)))
        .count();
    let (nodes, edges, parents) = retain(nodes, edges, &parent, &visible);
    (nodes, edges, parents, hidden)
}

/// The nodes marked in `keep`, with their arrows and tree parents renumbered.
fn retain(
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    parent: &[Option<usize>],
    keep: &[bool],
) -> (Vec<Node>, Vec<Edge>, Vec<Option<usize>>) {
    let mut new_index = vec![None; nodes.len()];
    let mut kept = Vec::new();
    for (i, n) in nodes.into_iter().enumerate() {
        if keep[i] {
            new_index[i] = Some(kept.len());
            kept.push(n);
        }
    }
    let parents = (0..parent.len())
        .filter(|&i| keep[i])
        .map(|i| parent[i].and_then(|p| new_index[p]))
        .collect();
    let edges = edges
        .into_iter()
        .filter_map(|mut e| {
            e.from = new_index[e.from]?;
            e.to = new_index[e.to]?;
            Some(e)
        })
        .collect();
    (kept, edges, parents)
}

/// Folds siblings over `SIBLING_LIMIT` (per parent and owner) into one box each, except
/// those the view keeps (or above a zone it keeps); an opened fold gets a box that folds
/// it again.
fn fold_siblings(
    mut nodes: Vec<Node>,
    mut edges: Vec<Edge>,
    mut parent: Vec<Option<usize>>,
    view: &View,
) -> (Vec<Node>, Vec<Edge>, Vec<Option<usize>>) {
    let count = nodes.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (i, p) in parent.iter().enumerate() {
        if let Some(p) = *p {
            children[p].push(i);
        }
    }
    // A zone is kept when it, or a zone below it, is one the view keeps.
    let mut pinned = vec![false; count];
    for (i, n) in nodes.iter().enumerate() {
        if n.zone_id.as_ref().is_some_and(|id| view.keep.contains(id)) {
            let mut at = Some(i);
            while let Some(j) = at {
                if pinned[j] {
                    break;
                }
                pinned[j] = true;
                at = parent[j];
            }
        }
    }
    let mut show = vec![true; count];
    // Parents before their children, so a fold inside a folded zone is never made.
    let mut order: Vec<usize> = (0..count).filter(|&i| parent[i].is_none()).collect();
    let mut next = 0;
    while next < order.len() {
        order.extend(children[order[next]].iter().copied());
        next += 1;
    }
    for p in order {
        if !show[p] {
            continue;
        }
        let mut by_owner: BTreeMap<Owner, Vec<usize>> = BTreeMap::new();
        for &c in &children[p] {
            by_owner.entry(nodes[c].owner.clone()).or_default().push(c);
        }
        for (owner, mut list) in by_owner {
            if list.len() <= SIBLING_LIMIT {
                continue;
            }
            list.sort_by(|&a, &b| nodes[a].origin.cmp(&nodes[b].origin));
            let key = format!(
                "{}|{}",
                nodes[p]
                    .zone_id
                    .clone()
                    .unwrap_or_else(|| nodes[p].origin.to_string()),
                match &owner {
                    Owner::Account { id, .. } => id.as_str(),
                    Owner::Internet => "internet",
                    Owner::Unhosted => "unhosted",
                }
            );
            let open = view.open.contains(&key);
            let folded: Vec<usize> = if open {
                list.clone()
            } else {
                list.iter().copied().filter(|&c| !pinned[c]).collect()
            };
            if !open && folded.len() < 2 {
                continue;
            }
            let mut below = 0;
            if !open {
                let mut stack: Vec<usize> = folded.clone();
                while let Some(i) = stack.pop() {
                    show[i] = false;
                    below += children[i].len();
                    stack.extend(children[i].iter().copied());
                }
            }
            let sample = folded
                .iter()
                .take(5)
                .map(|&c| nodes[c].origin.to_string())
                .collect();
            let title = if open {
                format!("Fold {} zones", folded.len())
            } else {
                format!("+{} zones", folded.len())
            };
            nodes.push(Node {
                zone_id: None,
                origin: nodes[p].origin.clone(),
                title,
                subtitle: if open {
                    "show them as one box".into()
                } else {
                    "folded: open to show them".into()
                },
                owner,
                record_sets: 0,
                fold: Some(Fold {
                    key,
                    count: folded.len(),
                    below,
                    open,
                    sample,
                }),
                x: 0,
                y: 0,
            });
            parent.push(Some(p));
            show.push(true);
            let at = nodes.len() - 1;
            if !open {
                let mut by_health: BTreeMap<u8, (Health, usize)> = BTreeMap::new();
                for e in edges
                    .iter()
                    .filter(|e| e.from == p && folded.contains(&e.to))
                {
                    by_health.entry(e.health.rank()).or_insert((e.health, 0)).1 += 1;
                }
                let worst = by_health.values().last().map_or(Health::Ok, |(h, _)| *h);
                let mut edge = Edge::new(p, at, Vec::new(), worst);
                edge.summary = std::iter::once(format!("{} delegations", folded.len()))
                    .chain(
                        by_health
                            .values()
                            .map(|(h, n)| format!("{n} {}", h.short())),
                    )
                    .take(LABEL_LINES)
                    .collect();
                edges.push(edge);
            }
        }
    }
    retain(nodes, edges, &parent, &show)
}

/// Lays out the diagram of a scenario, every fold closed and nothing kept out of them.
pub fn layout(s: &Scenario, show_infrastructure: bool) -> Layout {
    layout_view(
        s,
        &View {
            show_infrastructure,
            ..View::default()
        },
    )
}

/// Lays out the diagram of a scenario as `view` asks.
pub fn layout_view(s: &Scenario, view: &View) -> Layout {
    layout_of(s, &engine::hierarchy(s), view)
}

/// The page's hierarchy: the last one worked out, its world and accounts, and what it kept.
#[derive(Default)]
struct Shared {
    kept: engine::KeptHierarchy,
    last: Option<(
        crate::dns::world::World,
        crate::aws::Aws,
        Rc<engine::Hierarchy>,
    )>,
}

thread_local! {
    static SHARED: RefCell<Shared> = RefCell::new(Shared::default());
}

/// The engine's hierarchy of `s`, equal to `engine::hierarchy(s)`: the last one again while
/// the world and the accounts are the same (the zones compare by pointer first), else worked
/// out from the delegations kept since the last revision.
pub fn shared_hierarchy(s: &Scenario) -> Rc<engine::Hierarchy> {
    SHARED.with(|shared| {
        let mut shared = shared.borrow_mut();
        if let Some((world, aws, h)) = &shared.last
            && same_topology(world, aws, s)
        {
            return h.clone();
        }
        let h = Rc::new(shared.kept.hierarchy(s));
        shared.last = Some((s.world.clone(), s.aws.clone(), h.clone()));
        h
    })
}

/// Whether `s` has this world and these accounts, the zones compared by pointer first: an
/// edit replaces the zones it changes, so after one this answers without comparing the
/// servers' lists of a thousand zones. A zone copied but equal counts as a change (the
/// callers then work the hierarchy out again, to the same result).
pub fn same_topology(
    world: &crate::dns::world::World,
    aws: &crate::aws::Aws,
    s: &Scenario,
) -> bool {
    world.zones.len() == s.world.zones.len()
        && world
            .zones
            .iter()
            .zip(&s.world.zones)
            .all(|(a, b)| std::sync::Arc::ptr_eq(a, b))
        && world.servers == s.world.servers
        && *aws == s.aws
}

/// Lays out the diagram from the engine's hierarchy of `s` (computed once per revision of the
/// document: it asks every delegation's servers, while the view changes with every click).
pub fn layout_of(s: &Scenario, h: &engine::Hierarchy, view: &View) -> Layout {
    let (nodes, edges, parent, hidden) = graph(s, h, view.show_infrastructure);
    let (mut nodes, mut edges, parent) = fold_siblings(nodes, edges, parent, view);

    // 2. Depth-first order (children by name) and depth of every node.
    let mut children: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    for (i, p) in parent.iter().enumerate() {
        children.entry(*p).or_default().push(i);
    }
    for list in children.values_mut() {
        list.sort_by(|&a, &b| {
            (nodes[a].fold.is_some(), &nodes[a].origin)
                .cmp(&(nodes[b].fold.is_some(), &nodes[b].origin))
                .then(a.cmp(&b))
        });
    }
    let mut order = Vec::with_capacity(nodes.len());
    let mut depth = vec![0usize; nodes.len()];
    let mut stack: Vec<(usize, usize)> = children
        .get(&None)
        .into_iter()
        .flatten()
        .rev()
        .map(|&i| (i, 0))
        .collect();
    while let Some((i, d)) = stack.pop() {
        order.push(i);
        depth[i] = d;
        for &c in children.get(&Some(i)).into_iter().flatten().rev() {
            stack.push((c, d + 1));
        }
    }

    // 3. Rows: the Internet band first, then the owners' band.
    let internet_rows = order
        .iter()
        .filter(|&&i| nodes[i].owner == Owner::Internet)
        .map(|&i| depth[i] + 1)
        .max()
        .unwrap_or(0);
    let owned_min = order
        .iter()
        .filter(|&&i| nodes[i].owner != Owner::Internet)
        .map(|&i| depth[i])
        .min()
        .unwrap_or(0);
    let row_of = |i: usize| -> usize {
        if nodes[i].owner == Owner::Internet {
            depth[i]
        } else {
            internet_rows + depth[i] - owned_min
        }
    };
    let rows: Vec<usize> = (0..nodes.len()).map(row_of).collect();
    let row_count = rows.iter().max().map_or(0, |r| r + 1);
    // Each row leaves room above it for the labels of the arrows entering it, and for a
    // group's header where a group starts.
    let mut label_h = vec![0i32; row_count];
    for e in &edges {
        let lines = label_lines(e).len() as i32 + 1;
        let r = rows[e.to];
        label_h[r] = label_h[r].max(lines * LABEL_LINE_H + 8);
    }
    let mut group_starts = vec![false; row_count];
    {
        let mut seen: Vec<&Owner> = Vec::new();
        for &i in &order {
            if nodes[i].owner != Owner::Internet && !seen.contains(&&nodes[i].owner) {
                seen.push(&nodes[i].owner);
                let first = order
                    .iter()
                    .filter(|&&j| nodes[j].owner == nodes[i].owner)
                    .map(|&j| rows[j])
                    .min();
                if let Some(r) = first {
                    group_starts[r] = true;
                }
            }
        }
    }
    let mut ys = vec![MARGIN + GROUP_HEADER + GROUP_PAD; row_count];
    for r in 1..row_count {
        let header = if group_starts[r] {
            GROUP_HEADER + 2 * GROUP_PAD
        } else {
            0
        };
        ys[r] = ys[r - 1] + NODE_H + ARROW_GAP + label_h[r] + header;
    }
    let row_y = |row: usize| ys[row];

    // 4. Columns of owners, by account id (the placeholders' column last).
    let mut owners: Vec<Owner> = Vec::new();
    for &i in &order {
        let o = &nodes[i].owner;
        if *o != Owner::Internet && !owners.contains(o) {
            owners.push(o.clone());
        }
    }
    owners.sort_by_key(|o| match o {
        Owner::Account { id, .. } => (0, id.clone()),
        _ => (1, String::new()),
    });
    let mut groups = Vec::new();
    let mut x = MARGIN;
    for owner in &owners {
        let mut per_row: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &i in order.iter().filter(|&&i| nodes[i].owner == *owner) {
            per_row.entry(rows[i]).or_default().push(i);
        }
        let widest = per_row.values().map(Vec::len).max().unwrap_or(1) as i32;
        let inner_w = widest * NODE_W + (widest - 1) * H_GAP;
        for (&row, list) in &per_row {
            let row_w = list.len() as i32 * NODE_W + (list.len() as i32 - 1) * H_GAP;
            let mut nx = x + GROUP_PAD + (inner_w - row_w) / 2;
            for &i in list {
                nodes[i].x = nx;
                nodes[i].y = row_y(row);
                nx += NODE_W + H_GAP;
            }
        }
        let first = *per_row.keys().next().unwrap_or(&0);
        let last = *per_row.keys().last().unwrap_or(&0);
        let gy = row_y(first) - label_h[first] - GROUP_HEADER - GROUP_PAD;
        groups.push(Group {
            owner: owner.clone(),
            caption: String::new(),
            x,
            y: gy,
            w: inner_w + 2 * GROUP_PAD,
            h: row_y(last) + NODE_H + GROUP_PAD - gy,
        });
        x += inner_w + 2 * GROUP_PAD + COL_GAP;
    }
    let owned_w = if owners.is_empty() {
        0
    } else {
        x - COL_GAP - MARGIN
    };

    // 5. The Internet rows, centred over the whole width.
    let mut per_row: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &i in order.iter().filter(|&&i| nodes[i].owner == Owner::Internet) {
        per_row.entry(rows[i]).or_default().push(i);
    }
    let internet_inner = per_row
        .values()
        .map(|l| l.len() as i32 * NODE_W + (l.len() as i32 - 1) * H_GAP)
        .max()
        .unwrap_or(0);
    let content_w = owned_w
        .max(internet_inner + 2 * GROUP_PAD)
        .max(NODE_W + 2 * GROUP_PAD);
    // Bottom row first, each zone ordered by where its children are, so arrows cross less.
    for (&row, list) in per_row.iter_mut().rev() {
        let centre = |i: usize| -> i32 {
            let kids: Vec<i32> = edges
                .iter()
                .filter(|e| e.from == i)
                .map(|e| nodes[e.to].x)
                .collect();
            if kids.is_empty() {
                i32::MAX
            } else {
                kids.iter().sum::<i32>() / kids.len() as i32
            }
        };
        let mut keyed: Vec<(i32, usize)> = list.iter().map(|&i| (centre(i), i)).collect();
        keyed.sort_by_key(|&(c, i)| (c, nodes[i].origin.clone()));
        *list = keyed.into_iter().map(|(_, i)| i).collect();
        let row_w = list.len() as i32 * NODE_W + (list.len() as i32 - 1) * H_GAP;
        let mut nx = MARGIN + (content_w - row_w) / 2;
        for &i in list.iter() {
            nodes[i].x = nx;
            nodes[i].y = row_y(row);
            nx += NODE_W + H_GAP;
        }
    }
    for g in groups.iter_mut() {
        g.caption = caption(&g.owner, g.w - 2 * GROUP_PAD);
    }
    if let (Some(&first), Some(&last)) = (per_row.keys().next(), per_row.keys().last()) {
        groups.insert(
            0,
            Group {
                caption: fit(&Owner::Internet.label(), content_w - 2 * GROUP_PAD),
                owner: Owner::Internet,
                x: MARGIN,
                y: row_y(first) - GROUP_HEADER - GROUP_PAD,
                w: content_w,
                h: row_y(last) + NODE_H + 2 * GROUP_PAD + GROUP_HEADER - row_y(first),
            },
        );
    }

    for e in edges.iter_mut() {
        e.route(&nodes[e.from], &nodes[e.to], label_h[rows[e.to]]);
    }
    let height = nodes.iter().map(|n| n.y + NODE_H).max().unwrap_or(0) + GROUP_PAD + MARGIN;
    Layout {
        width: content_w + 2 * MARGIN,
        height,
        nodes,
        edges,
        groups,
        hidden,
    }
}

/// The height of one line of an arrow's label.
pub const LABEL_LINE_H: i32 = 14;
/// How far from a box's side an arrow enters it.
const ARROW_INSET: i32 = 24;

impl Edge {
    fn new(from: usize, to: usize, ns: Vec<String>, health: Health) -> Self {
        Self {
            from,
            to,
            ns,
            health,
            summary: Vec::new(),
            path: String::new(),
            label_x: 0,
            label_y: 0,
            label_end: false,
        }
    }

    /// Routes the arrow: it enters the child on the side its parent is on, and the label sits
    /// on the inner side of the final drop, so the curve never crosses the text.
    fn route(&mut self, from: &Node, to: &Node, label_h: i32) {
        let (x1, y1) = (from.x + NODE_W / 2, from.y + NODE_H);
        let from_right = x1 > to.x + NODE_W / 2;
        let x2 = if from_right {
            to.x + NODE_W - ARROW_INSET
        } else {
            to.x + ARROW_INSET
        };
        let y2 = to.y - 2;
        let drop_top = to.y - label_h;
        let bend = ((drop_top - y1) / 2).max(8);
        self.path = if x1 == x2 {
            format!("M {x1} {y1} L {x2} {y2}")
        } else {
            format!(
                "M {x1} {y1} C {x1} {}, {x2} {}, {x2} {drop_top} L {x2} {y2}",
                y1 + bend,
                drop_top - bend
            )
        };
        self.label_end = from_right;
        self.label_x = if from_right { x2 - 9 } else { x2 + 9 };
        let lines = label_lines(self).len() as i32 + 1;
        self.label_y = to.y - 8 - (lines - 1) * LABEL_LINE_H - 4;
    }
}

/// The lines written on a delegation arrow: the NS names, at most `LABEL_LINES`.
pub fn label_lines(edge: &Edge) -> Vec<String> {
    if !edge.summary.is_empty() {
        return edge.summary.clone();
    }
    if edge.ns.is_empty() {
        return vec!["no NS in the parent".into()];
    }
    if edge.ns.len() <= LABEL_LINES {
        return edge.ns.clone();
    }
    let mut lines: Vec<String> = edge.ns[..LABEL_LINES - 1].to_vec();
    lines.push(format!("+{} more", edge.ns.len() - (LABEL_LINES - 1)));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets;

    #[test]
    fn the_shared_hierarchy_follows_edits_and_is_reused_while_the_topology_is_the_same() {
        let mut s = preset("article");
        let first = shared_hierarchy(&s);
        assert_eq!(*first, engine::hierarchy(&s));
        let copy = s.clone();
        assert!(same_topology(&copy.world, &copy.aws, &s));
        assert!(Rc::ptr_eq(&first, &shared_hierarchy(&copy)), "reused");
        // A resolution changes only the resolver's cache: the same topology.
        s.resolver_cache = Default::default();
        assert!(same_topology(&copy.world, &copy.aws, &s));
        let parent = s
            .aws
            .hosted_zones
            .iter()
            .find(|z| z.name == crate::dns::name::n("example.com"))
            .unwrap()
            .id
            .clone();
        let edit = crate::scenario::edit::Edit::DeleteRecordSet {
            zone_id: parent,
            name: crate::dns::name::n("api.example.com"),
            rtype: hickory_proto::rr::RecordType::NS,
        };
        edit.apply(&mut s).unwrap();
        assert!(!same_topology(&copy.world, &copy.aws, &s));
        let after = shared_hierarchy(&s);
        assert_eq!(*after, engine::hierarchy(&s));
        assert_ne!(*after, *first, "the delegation is gone");
    }

    fn preset(id: &str) -> Scenario {
        presets::build(id).unwrap()
    }

    fn origins(l: &Layout) -> Vec<String> {
        l.nodes.iter().map(|n| n.origin.to_string()).collect()
    }

    fn arrows(l: &Layout) -> Vec<(String, String, Health, usize)> {
        l.edges
            .iter()
            .map(|e| {
                (
                    l.nodes[e.from].origin.to_string(),
                    l.nodes[e.to].origin.to_string(),
                    e.health,
                    e.ns.len(),
                )
            })
            .collect()
    }

    #[test]
    fn the_article_shows_the_hosted_zones_and_the_zones_above_them() {
        let l = layout(&preset("article"), false);
        assert_eq!(
            origins(&l),
            [
                ".",
                "com.",
                "aws.",
                "acm-validations.aws.",
                "example.com.",
                "api.example.com."
            ]
        );
        assert_eq!(l.hidden, 12, "the awsdns-NN name-server zones are hidden");
        assert_eq!(
            arrows(&l),
            [
                (".".into(), "aws.".into(), Health::Ok, 1),
                (".".into(), "com.".into(), Health::Ok, 1),
                ("com.".into(), "example.com.".into(), Health::Ok, 4),
                ("aws.".into(), "acm-validations.aws.".into(), Health::Ok, 4),
                (
                    "example.com.".into(),
                    "api.example.com.".into(),
                    Health::Ok,
                    4
                ),
            ]
        );
        let captions: Vec<&str> = l.groups.iter().map(|g| g.caption.as_str()).collect();
        assert_eq!(
            captions,
            [
                "Internet: root and TLD registries",
                "Account A (root) · 111111111111",
                "Account B (api team)",
                "AWS (ACM validation domain)",
            ]
        );
        // Rows: root, TLDs, registered domains, the delegated subdomain.
        let ys: Vec<i32> = l.nodes.iter().map(|n| n.y).collect();
        assert_eq!(ys, [56, 174, 174, 388, 388, 602]);
        // com. sits left of aws., above its child's column (account A comes first).
        assert!(l.nodes[1].x < l.nodes[2].x);
        assert_eq!(l.nodes[4].subtitle, "ZPJXOFB6SRQKCW5PP467B");
        assert_eq!(l.nodes[1].subtitle, "top-level domain");
        let com_to_example = &l.edges[2];
        assert_eq!(
            com_to_example.path,
            "M 294 226 C 294 268, 214 268, 214 310 L 214 386"
        );
        assert_eq!(
            (
                com_to_example.label_x,
                com_to_example.label_y,
                com_to_example.label_end
            ),
            (205, 320, true)
        );
    }

    #[test]
    fn name_server_zones_are_shown_on_request() {
        let l = layout(&preset("article"), true);
        assert_eq!((l.nodes.len(), l.edges.len(), l.hidden), (21, 20, 0));
        assert!(origins(&l).contains(&"awsdns-40.com.".to_string()));
    }

    #[test]
    fn failures_are_drawn_as_lame_or_not_delegated() {
        let health = |id: &str, to: &str| {
            let l = layout(&preset(id), false);
            arrows(&l)
                .into_iter()
                .find(|a| a.1 == to)
                .map(|a| (a.2, a.3))
        };
        assert_eq!(
            health("recreated", "api.example.com."),
            Some((Health::Lame, 4))
        );
        assert_eq!(
            health("wrong-ns", "api.example.com."),
            Some((Health::Lame, 4))
        );
        assert_eq!(
            health("wrong-ns", "staging.example.com."),
            Some((Health::NotDelegated, 0))
        );
        assert_eq!(
            health("not-delegated", "api.example.com."),
            Some((Health::NotDelegated, 0))
        );
    }

    #[test]
    fn groups_hold_their_nodes_and_never_overlap() {
        for (id, infra) in [
            ("article", false),
            ("article", true),
            ("wrong-ns", false),
            ("acm-two-zones", false),
        ] {
            let l = layout(&preset(id), infra);
            for n in &l.nodes {
                let g = l.groups.iter().find(|g| g.owner == n.owner).unwrap();
                assert!(
                    n.x >= g.x
                        && n.x + NODE_W <= g.x + g.w
                        && n.y >= g.y
                        && n.y + NODE_H <= g.y + g.h,
                    "{id}: {n:?} outside {g:?}"
                );
            }
            for (i, a) in l.groups.iter().enumerate() {
                for b in &l.groups[i + 1..] {
                    let apart = a.x + a.w <= b.x
                        || b.x + b.w <= a.x
                        || a.y + a.h <= b.y
                        || b.y + b.h <= a.y;
                    assert!(apart, "{id}: {a:?} overlaps {b:?}");
                }
            }
            assert!(
                l.nodes
                    .iter()
                    .all(|n| n.x + NODE_W <= l.width && n.y + NODE_H <= l.height)
            );
        }
    }

    /// The article with `k` more zones under example.com. in account B, each delegated.
    fn many_siblings(k: usize) -> Scenario {
        use crate::scenario::edit::Edit;
        let mut s = preset("article");
        for i in 0..k {
            let name = format!("s{i:02}.example.com.");
            Edit::CreateHostedZone {
                account: "222222222222".into(),
                name: name.clone(),
                caller_reference: name.clone(),
            }
            .apply(&mut s)
            .unwrap();
            let id = s.aws.hosted_zones.last().unwrap().id.clone();
            if i % 5 != 4 {
                Edit::DelegateToChild {
                    child_zone_id: id,
                    ttl: 300,
                }
                .apply(&mut s)
                .unwrap();
            }
        }
        s
    }

    fn folds(l: &Layout) -> Vec<(String, usize, bool)> {
        l.nodes
            .iter()
            .filter_map(|n| n.fold.as_ref())
            .map(|f| (f.key.clone(), f.count, f.open))
            .collect()
    }

    fn zone_id(s: &Scenario, name: &str) -> String {
        s.aws
            .hosted_zones
            .iter()
            .find(|z| z.name.to_string() == name)
            .unwrap()
            .id
            .clone()
    }

    #[test]
    fn siblings_up_to_the_limit_are_drawn_one_by_one() {
        let l = layout(&many_siblings(SIBLING_LIMIT - 1), false);
        assert!(folds(&l).is_empty());
        assert_eq!(l.nodes.len(), 6 + SIBLING_LIMIT - 1);
    }

    #[test]
    fn siblings_over_the_limit_are_folded_with_one_arrow_summing_their_health() {
        let s = many_siblings(20);
        let l = layout(&s, false);
        let parent = zone_id(&s, "example.com.");
        // api.example.com. and the 20 new zones, all in account B under example.com.
        assert_eq!(folds(&l), [(format!("{parent}|222222222222"), 21, false)]);
        let fold = l.nodes.iter().position(|n| n.fold.is_some()).unwrap();
        assert_eq!(l.nodes[fold].title, "+21 zones");
        let edge = l.edges.iter().find(|e| e.to == fold).unwrap();
        assert_eq!(l.nodes[edge.from].origin.to_string(), "example.com.");
        // Every fifth zone was never delegated: the arrow is as bad as the worst.
        assert_eq!(edge.health, Health::NotDelegated);
        assert_eq!(
            label_lines(edge),
            ["21 delegations", "17 ok", "4 not delegated"]
        );
        assert!(!origins(&l).contains(&"s03.example.com.".to_string()));
        // A few dozen boxes, not one per zone; the layout stays narrow.
        assert_eq!(l.nodes.len(), 6);
        assert!(l.width < 2_000, "{}", l.width);
    }

    #[test]
    fn the_selected_flagged_or_asked_zones_stay_outside_the_fold() {
        let s = many_siblings(20);
        let keep: BTreeSet<String> = [
            zone_id(&s, "s03.example.com."),
            zone_id(&s, "s11.example.com."),
        ]
        .into_iter()
        .collect();
        let l = layout_view(
            &s,
            &View {
                keep,
                ..View::default()
            },
        );
        let shown = origins(&l);
        assert!(shown.contains(&"s03.example.com.".to_string()));
        assert!(shown.contains(&"s11.example.com.".to_string()));
        assert_eq!(folds(&l)[0].1, 19);
        // The kept zones come first in their row, the fold last.
        let row: Vec<&str> = l
            .nodes
            .iter()
            .filter(|n| n.y == l.nodes.last().unwrap().y)
            .map(|n| n.title.as_str())
            .collect();
        assert_eq!(row, ["s03.example.com.", "s11.example.com.", "+19 zones"]);
    }

    #[test]
    fn an_opened_fold_draws_every_sibling_and_a_box_to_fold_them_again() {
        let s = many_siblings(20);
        let key = folds(&layout(&s, false))[0].0.clone();
        let l = layout_view(
            &s,
            &View {
                open: [key.clone()].into_iter().collect(),
                ..View::default()
            },
        );
        assert_eq!(folds(&l), [(key, 21, true)]);
        assert_eq!(l.nodes.len(), 6 + 20 + 1);
        let again = l.nodes.iter().find(|n| n.fold.is_some()).unwrap();
        assert_eq!(again.title, "Fold 21 zones");
        // No arrow into the control; one into each zone.
        let at = l.nodes.iter().position(|n| n.fold.is_some()).unwrap();
        assert!(l.edges.iter().all(|e| e.to != at));
        assert_eq!(l.edges.len(), 5 + 20);
    }

    #[test]
    fn long_names_and_ns_lists_are_summarised() {
        let edge = Edge::new(
            0,
            1,
            (1..=13).map(|i| format!("{i}.root.")).collect(),
            Health::Ok,
        );
        assert_eq!(
            label_lines(&edge),
            ["1.root.", "2.root.", "3.root.", "+10 more"]
        );
        assert_eq!(
            shorten("a-very-long-subdomain-name.example.com."),
            "…bdomain-name.example.com."
        );
        assert_eq!(shorten("api.example.com."), "api.example.com.");
        assert_eq!(
            fit("AWS (ACM validation domain) · 999999999999", 208),
            "AWS (ACM validation domain) · 9…"
        );
        let unnamed = Owner::Account {
            id: "999999999999".into(),
            label: "A label far too long to fit".into(),
        };
        assert_eq!(caption(&unnamed, 120), "999999999999");
        assert_eq!(caption(&unnamed, 60), "A label…");
    }
}
