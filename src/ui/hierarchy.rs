//! The hierarchy diagram as data: which zone parents which (by the zones' origins), which
//! delegations point where (the parent's NS sets), each delegation's health, and where every
//! box and arrow goes. The SVG view (`views::diagram`) only draws what this computes.
//!
//! Layout: the Internet's zones (root, TLDs) in rows at the top; below them one column per
//! owner (AWS account), each drawn as a box holding that owner's hosted zones in rows by
//! depth, so a cross-account delegation is an arrow from one box into another. A delegation
//! to a name no zone holds gets a dashed placeholder in an "unhosted" column.

use std::collections::{BTreeMap, BTreeSet};

use hickory_proto::rr::{Name, RData};

use crate::dns::{World, Zone};

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

/// Who runs a zone: the Internet's registries, or an AWS account.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Owner {
    Internet,
    Account(String),
    /// Placeholder for a delegation no zone answers for.
    Unhosted,
}

impl Owner {
    pub fn label(&self) -> String {
        match self {
            Owner::Internet => "Internet: root and TLD registries".into(),
            Owner::Account(id) => format!("AWS account {id}"),
            Owner::Unhosted => "No hosted zone".into(),
        }
    }
}

/// The owner of a zone. TEMPORARY mapping until Route 53 accounts exist in the world: a
/// hosted zone's id is `<account>/<zone id>`; any other id is an Internet fixture.
pub fn owner_of(zone: &Zone) -> Owner {
    match zone.id.split_once('/') {
        Some((account, _)) => Owner::Account(account.to_string()),
        None => Owner::Internet,
    }
}

/// The zone id as the console shows it (without the owner prefix).
pub fn display_id(zone: &Zone) -> &str {
    zone.id
        .split_once('/')
        .map_or(zone.id.as_str(), |(_, id)| id)
}

/// Whether a parent's delegation reaches the child zone's servers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    /// The parent's NS names are exactly the servers of the child zone.
    Ok,
    /// Some NS names serve the child zone, some do not (or some of its servers are missing).
    Mismatched,
    /// None of the NS names serves the child zone: every answer is REFUSED or wrong.
    Lame,
    /// The parent holds no delegation for the child: resolvers never reach it.
    NotDelegated,
}

impl Health {
    pub fn label(self) -> &'static str {
        match self {
            Health::Ok => "delegation ok",
            Health::Mismatched => "NS mismatch",
            Health::Lame => "lame delegation",
            Health::NotDelegated => "not delegated",
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            Health::Ok => "ok",
            Health::Mismatched => "warn",
            Health::Lame | Health::NotDelegated => "bad",
        }
    }
}

/// One box in the diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The zone's id, or `None` for a placeholder of an unhosted delegation.
    pub zone_id: Option<String>,
    pub origin: Name,
    /// The name as drawn (shortened when long).
    pub title: String,
    /// The second line: "root zone", "top-level domain", the hosted zone id, "no hosted zone".
    pub subtitle: String,
    pub owner: Owner,
    pub record_sets: usize,
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
}

impl Layout {
    pub fn node_for(&self, zone_id: &str) -> Option<usize> {
        self.nodes
            .iter()
            .position(|n| n.zone_id.as_deref() == Some(zone_id))
    }
}

/// The NS names of an NS set, as text.
fn ns_names(values: &[RData]) -> Vec<Name> {
    values
        .iter()
        .filter_map(|v| match v {
            RData::NS(ns) => Some(ns.0.to_lowercase()),
            _ => None,
        })
        .collect()
}

/// How well the NS names `ns` reach the servers of zone `child`.
pub fn delegation_health(world: &World, ns: &[Name], child: &Zone) -> Health {
    let serving: BTreeSet<Name> = world
        .servers_of(&child.id)
        .map(|s| s.name.to_lowercase())
        .collect();
    let reaching = ns
        .iter()
        .filter(|name| {
            world
                .server_named(name)
                .is_some_and(|s| s.serves(&child.id))
        })
        .count();
    if reaching == 0 {
        Health::Lame
    } else if reaching == ns.len() && ns.len() >= serving.len() {
        Health::Ok
    } else {
        Health::Mismatched
    }
}

/// The zone parenting `zone` in the tree: the zone with the longest origin strictly above.
fn tree_parent(world: &World, zone: &Zone) -> Option<usize> {
    world
        .zones
        .iter()
        .enumerate()
        .filter(|(_, z)| z.origin != zone.origin && z.origin.zone_of(&zone.origin))
        .max_by_key(|(_, z)| z.origin.num_labels())
        .map(|(i, _)| i)
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

fn subtitle(zone: &Zone, owner: &Owner) -> String {
    match owner {
        Owner::Account(_) => display_id(zone).to_string(),
        _ if zone.origin.is_root() => "root zone".into(),
        _ if zone.origin.num_labels() == 1 => "top-level domain".into(),
        _ => "registry zone".into(),
    }
}

/// Lays out the diagram of `world`.
pub fn layout(world: &World) -> Layout {
    // 1. Nodes for every zone, then placeholders for delegations no zone of that name holds.
    let mut nodes: Vec<Node> = world
        .zones
        .iter()
        .map(|z| {
            let owner = owner_of(z);
            Node {
                zone_id: Some(z.id.clone()),
                origin: z.origin.clone(),
                title: shorten(&z.origin.to_string()),
                subtitle: subtitle(z, &owner),
                owner,
                record_sets: z.len(),
                x: 0,
                y: 0,
            }
        })
        .collect();
    let mut parent: Vec<Option<usize>> =
        world.zones.iter().map(|z| tree_parent(world, z)).collect();
    let mut edges = Vec::new();
    for (pi, p) in world.zones.iter().enumerate() {
        for cut in p.delegations().filter(|cut| !p.is_occluded(cut)) {
            let ns = ns_names(&cut.values);
            let ns_text: Vec<String> = ns.iter().map(Name::to_string).collect();
            let children: Vec<usize> = (0..world.zones.len())
                .filter(|&ci| world.zones[ci].origin == cut.name && parent[ci] == Some(pi))
                .collect();
            if children.is_empty() {
                nodes.push(Node {
                    zone_id: None,
                    origin: cut.name.clone(),
                    title: shorten(&cut.name.to_string()),
                    subtitle: "no hosted zone".into(),
                    owner: Owner::Unhosted,
                    record_sets: 0,
                    x: 0,
                    y: 0,
                });
                parent.push(Some(pi));
                edges.push(Edge::new(
                    pi,
                    nodes.len() - 1,
                    ns_text.clone(),
                    Health::Lame,
                ));
            }
            for ci in children {
                let health = delegation_health(world, &ns, &world.zones[ci]);
                edges.push(Edge::new(pi, ci, ns_text.clone(), health));
            }
        }
    }
    for (ci, p) in parent.iter().enumerate().take(world.zones.len()) {
        if let Some(pi) = *p
            && !edges.iter().any(|e| e.to == ci)
        {
            edges.push(Edge::new(pi, ci, Vec::new(), Health::NotDelegated));
        }
    }

    // 2. Depth-first order (children by name) and depth of every node.
    let mut children: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    for (i, p) in parent.iter().enumerate() {
        children.entry(*p).or_default().push(i);
    }
    for list in children.values_mut() {
        list.sort_by(|&a, &b| nodes[a].origin.cmp(&nodes[b].origin).then(a.cmp(&b)));
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

    // 4. Columns of owners, in order of first appearance.
    let mut owners: Vec<Owner> = Vec::new();
    for &i in &order {
        let o = &nodes[i].owner;
        if *o != Owner::Internet && !owners.contains(o) {
            owners.push(o.clone());
        }
    }
    if let Some(pos) = owners.iter().position(|o| *o == Owner::Unhosted) {
        let unhosted = owners.remove(pos);
        owners.push(unhosted);
    }
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
    for (&row, list) in &per_row {
        let row_w = list.len() as i32 * NODE_W + (list.len() as i32 - 1) * H_GAP;
        let mut nx = MARGIN + (content_w - row_w) / 2;
        for &i in list {
            nodes[i].x = nx;
            nodes[i].y = row_y(row);
            nx += NODE_W + H_GAP;
        }
    }
    if let (Some(&first), Some(&last)) = (per_row.keys().next(), per_row.keys().last()) {
        groups.insert(
            0,
            Group {
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
    use hickory_proto::rr::RecordType;

    use super::*;
    use crate::dns::rrset::parse_values;
    use crate::dns::{RecordSet, n};
    use crate::ui::fixture::{CHILD_ACCOUNT, PARENT_ACCOUNT, temporary_world};

    fn origins(l: &Layout) -> Vec<String> {
        l.nodes.iter().map(|n| n.origin.to_string()).collect()
    }

    #[test]
    fn the_fixture_is_a_chain_of_healthy_delegations() {
        let world = temporary_world();
        let l = layout(&world);
        assert_eq!(
            origins(&l),
            [".", "com.", "example.com.", "api.example.com."]
        );
        let arrows: Vec<(String, String, Health, usize)> = l
            .edges
            .iter()
            .map(|e| {
                (
                    l.nodes[e.from].origin.to_string(),
                    l.nodes[e.to].origin.to_string(),
                    e.health,
                    e.ns.len(),
                )
            })
            .collect();
        assert_eq!(
            arrows,
            [
                (".".into(), "com.".into(), Health::Ok, 1),
                ("com.".into(), "example.com.".into(), Health::Ok, 4),
                (
                    "example.com.".into(),
                    "api.example.com.".into(),
                    Health::Ok,
                    4
                ),
            ]
        );
        let owners: Vec<Owner> = l.groups.iter().map(|g| g.owner.clone()).collect();
        assert_eq!(
            owners,
            [
                Owner::Internet,
                Owner::Account(PARENT_ACCOUNT.into()),
                Owner::Account(CHILD_ACCOUNT.into())
            ]
        );
        // Rows: root, TLD, registered domain, subdomain; account columns side by side.
        let ys: Vec<i32> = l.nodes.iter().map(|n| n.y).collect();
        assert_eq!(ys, [56, 174, 388, 602]);
        assert_eq!(
            l.edges[0].path,
            "M 272 108 C 272 123, 192 123, 192 138 L 192 172"
        );
        assert_eq!(
            (l.edges[0].label_x, l.edges[0].label_y, l.edges[0].label_end),
            (201, 148, false)
        );
        assert!(
            l.edges[1].label_end,
            "the parent com. is to the right of example.com."
        );
        assert!(l.nodes[3].x > l.nodes[2].x + NODE_W);
        assert_eq!(l.nodes[2].subtitle, "Z0PARENTEXAMPLE1");
        assert_eq!(l.nodes[1].subtitle, "top-level domain");
    }

    #[test]
    fn groups_hold_their_nodes_and_never_overlap() {
        let l = layout(&temporary_world());
        for n in &l.nodes {
            let g = l.groups.iter().find(|g| g.owner == n.owner).unwrap();
            assert!(
                n.x >= g.x && n.x + NODE_W <= g.x + g.w && n.y >= g.y && n.y + NODE_H <= g.y + g.h,
                "{n:?} {g:?}"
            );
        }
        for (i, a) in l.groups.iter().enumerate() {
            for b in &l.groups[i + 1..] {
                let apart =
                    a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
                assert!(apart, "{a:?} overlaps {b:?}");
            }
        }
        assert!(
            l.nodes
                .iter()
                .all(|n| n.x + NODE_W <= l.width && n.y + NODE_H <= l.height)
        );
    }

    #[test]
    fn a_recreated_child_makes_the_delegation_lame_and_a_missing_one_is_shown() {
        let mut world = temporary_world();
        let child_id = world.zones[3].id.clone();
        for s in world.servers.iter_mut() {
            s.zones.retain(|z| *z != child_id);
        }
        let parent = world
            .zones_named(&n("example.com."))
            .next()
            .unwrap()
            .id
            .clone();
        let z = world.zone_mut(&parent).unwrap();
        z.upsert(RecordSet::new(
            n("dev.example.com."),
            RecordType::NS,
            300,
            parse_values(RecordType::NS, &["ns1.example.net"]).unwrap(),
        ));
        z.remove(&n("api.example.com."), RecordType::NS);
        world.servers[2].zones.clear();
        let l = layout(&world);
        let health = |to: &str| {
            l.edges
                .iter()
                .find(|e| l.nodes[e.to].origin.to_string() == to)
                .map(|e| e.health)
        };
        assert_eq!(health("api.example.com."), Some(Health::NotDelegated));
        assert_eq!(health("dev.example.com."), Some(Health::Lame));
        assert_eq!(health("example.com."), Some(Health::Mismatched));
        let dev = l
            .nodes
            .iter()
            .find(|node| node.origin == n("dev.example.com."))
            .unwrap();
        assert_eq!(
            (
                dev.zone_id.clone(),
                dev.owner.clone(),
                dev.subtitle.as_str()
            ),
            (None, Owner::Unhosted, "no hosted zone")
        );
    }

    #[test]
    fn long_ns_lists_are_summarised() {
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
    }
}
