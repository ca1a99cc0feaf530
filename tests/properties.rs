//! Property tests: on random worlds (random delegations, glue or none, CNAMEs, loops, lame
//! servers), every resolution ends within its limits, with a reason, and never panics.

use std::net::Ipv4Addr;

use delegation_lab::dns::internet::{a_set, ns_set, soa_set};
use delegation_lab::dns::resolve::{self, Action, Cache, Limits, Mode, OutcomeKind};
use delegation_lab::dns::rrset::{RecordSet, parse_values};
use delegation_lab::dns::{NameServer, Question, Software, World, Zone, n};
use hickory_proto::rr::RecordType;
use proptest::prelude::*;

const LABELS: [&str; 4] = ["a", "b", "c", "d"];

/// A name from a path of label indexes under `example.`.
fn name_of(path: &[usize]) -> String {
    let mut parts: Vec<&str> = path.iter().map(|i| LABELS[*i % LABELS.len()]).collect();
    parts.reverse();
    parts.push("example.");
    parts.join(".")
}

#[derive(Debug, Clone)]
struct Plan {
    /// Zones below `example.` (as label paths), each on the server of the given index.
    zones: Vec<(Vec<usize>, usize)>,
    /// Delegations: (zone index, NS target path, glue?) .
    delegations: Vec<(usize, usize, bool)>,
    /// CNAMEs: (owner path, target path).
    cnames: Vec<(Vec<usize>, Vec<usize>)>,
    /// A records.
    addresses: Vec<Vec<usize>>,
    /// Questions.
    questions: Vec<Vec<usize>>,
}

fn plan() -> impl Strategy<Value = Plan> {
    let path = || prop::collection::vec(0usize..4, 1..4);
    (
        prop::collection::vec((path(), 0usize..4), 1..5),
        prop::collection::vec((0usize..5, 0usize..5, any::<bool>()), 0..6),
        prop::collection::vec((path(), path()), 0..6),
        prop::collection::vec(path(), 0..6),
        prop::collection::vec(path(), 1..5),
    )
        .prop_map(|(zones, delegations, cnames, addresses, questions)| Plan {
            zones,
            delegations,
            cnames,
            addresses,
            questions,
        })
}

fn build(plan: &Plan) -> World {
    let mut world = World::default();
    let mut root = Zone::new(".", n("."));
    root.upsert(soa_set(n("."), "root.", "h.root.", 300, 1));
    root.upsert(ns_set(n("."), [n("root.")], 300));
    root.upsert(a_set(n("root."), Ipv4Addr::new(10, 0, 0, 1), 300));
    root.upsert(ns_set(n("example."), [n("ns0.example.")], 300));
    root.upsert(a_set(n("ns0.example."), Ipv4Addr::new(10, 0, 1, 0), 300));
    world.add_zone(root);
    let mut root_server = NameServer::new(n("root."), Ipv4Addr::new(10, 0, 0, 1), Software::Bind);
    root_server.zones.push(".".into());
    world.servers.push(root_server);

    let mut example = Zone::new("example.", n("example."));
    example.upsert(soa_set(n("example."), "ns0.example.", "h.example.", 300, 1));
    example.upsert(ns_set(n("example."), [n("ns0.example.")], 300));
    world.add_zone(example);
    for i in 0..4u8 {
        let mut s = NameServer::new(
            n(&format!("ns{i}.example.")),
            Ipv4Addr::new(10, 0, 1, i),
            Software::Bind,
        );
        if i == 0 {
            s.zones.push("example.".into());
        }
        world.servers.push(s);
    }
    for (path, server) in &plan.zones {
        let origin = n(&name_of(path));
        let id = origin.to_string();
        if world.zone(&id).is_some() {
            continue;
        }
        let mut z = Zone::new(id.clone(), origin.clone());
        z.upsert(soa_set(
            origin.clone(),
            "ns0.example.",
            "h.example.",
            300,
            1,
        ));
        z.upsert(ns_set(
            origin.clone(),
            [n(&format!("ns{server}.example."))],
            300,
        ));
        world.add_zone(z);
        world.servers[1 + server].zones.push(id);
    }
    let zone_ids: Vec<String> = world.zones.iter().map(|z| z.id.clone()).collect();
    for (zi, target, glue) in &plan.delegations {
        let Some(parent_id) = zone_ids.get(1 + zi % (zone_ids.len() - 1)) else {
            continue;
        };
        let Some(child) = plan.zones.get(zi % plan.zones.len().max(1)) else {
            continue;
        };
        let child_origin = n(&name_of(&child.0));
        let parent = world.zone_mut(parent_id).unwrap();
        if !parent.origin.zone_of(&child_origin) || parent.origin == child_origin {
            continue;
        }
        let ns_host = n(&format!("ns{}.example.", target % 4));
        parent.upsert(ns_set(child_origin, [ns_host.clone()], 300));
        if *glue && parent.origin.zone_of(&ns_host) {
            parent.upsert(a_set(
                ns_host,
                Ipv4Addr::new(10, 0, 1, (*target % 5) as u8),
                300,
            ));
        }
    }
    let example = world.zone_mut("example.").unwrap();
    for i in 0..4u8 {
        example.upsert(a_set(
            n(&format!("ns{i}.example.")),
            Ipv4Addr::new(10, 0, 1, i),
            300,
        ));
    }
    for (owner, target) in &plan.cnames {
        let owner = n(&name_of(owner));
        let Some(z) = world
            .zones
            .iter_mut()
            .filter(|z| z.origin.zone_of(&owner))
            .max_by_key(|z| z.origin.num_labels())
        else {
            continue;
        };
        if z.origin == owner || !z.sets_at(&owner).is_empty() {
            continue;
        }
        std::sync::Arc::make_mut(z).upsert(RecordSet::new(
            owner,
            RecordType::CNAME,
            60,
            parse_values(RecordType::CNAME, &[name_of(target)]).unwrap(),
        ));
    }
    for path in &plan.addresses {
        let owner = n(&name_of(path));
        let Some(z) = world
            .zones
            .iter_mut()
            .filter(|z| z.origin.zone_of(&owner))
            .max_by_key(|z| z.origin.num_labels())
        else {
            continue;
        };
        if z.get(&owner, RecordType::CNAME).is_none() {
            std::sync::Arc::make_mut(z).upsert(a_set(owner, Ipv4Addr::new(192, 0, 2, 1), 60));
        }
    }
    world
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_resolution_ends_within_its_limits_with_a_reason(plan in plan()) {
        let world = build(&plan);
        let limits = Limits::default();
        let mut cache = Cache::new();
        for q in &plan.questions {
            for rtype in [RecordType::A, RecordType::TXT] {
                let question = Question::new(n(&name_of(q)), rtype);
                for mode in [Mode::Trace, Mode::Recursive] {
                    let r = resolve::run(&world, &mut cache, &question, 1000, mode, limits);
                    let queries = r.steps.iter().filter(|s| matches!(s.action, Action::Query { .. })).count();
                    prop_assert!(queries <= limits.max_queries, "{} queries", queries);
                    prop_assert!(r.steps.iter().all(|s| s.depth <= limits.max_depth));
                    prop_assert!(!r.outcome.reason.is_empty());
                    prop_assert!(r.steps.iter().all(|s| !s.why.is_empty()));
                    let cnames = r.outcome.answer.iter().filter(|a| a.record_type() == RecordType::CNAME).count();
                    prop_assert!(cnames <= limits.max_cname + 1);
                    if r.outcome.kind == OutcomeKind::Answer {
                        prop_assert!(r.outcome.answer.iter().any(|a| a.record_type() == rtype));
                    }
                    let message = r.outcome.message.as_ref().unwrap();
                    prop_assert!(message.to_vec().is_ok());
                }
            }
        }
    }
}

#[test]
fn a_cname_loop_ends_in_servfail_naming_the_loop() {
    let plan = Plan {
        zones: vec![(vec![0], 1)],
        delegations: vec![(0, 1, true)],
        cnames: vec![(vec![0, 1], vec![0, 2]), (vec![0, 2], vec![0, 1])],
        addresses: vec![],
        questions: vec![],
    };
    let world = build(&plan);
    let r = resolve::trace(&world, &Question::new(n("b.a.example."), RecordType::A), 0);
    assert_eq!(r.outcome.kind, OutcomeKind::ServFail);
    // The server itself gives up on the loop (BIND answers SERVFAIL with each CNAME once).
    assert!(
        r.outcome.reason.contains(
            "answered SERVFAIL after following the CNAME chain b.a.example. → c.a.example. → …: the chain loops"
        ),
        "{}",
        r.outcome.reason
    );
    assert!(
        r.outcome.answer.is_empty(),
        "Unbound's SERVFAIL carries no records"
    );
}
