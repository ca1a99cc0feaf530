//! The diagnosis run in slices and kept between revisions (`Diagnoser`) finds exactly what
//! a whole diagnosis of each revision finds: on every preset, sliced one unit at a time,
//! and after a sequence of edits (fixes applied, records added and deleted) on one
//! diagnoser reused from revision to revision.

use delegation_lab::diagnose::{self, Diagnoser};
use delegation_lab::dns::n;
use delegation_lab::dns::rrset::{RecordSet, parse_values};
use delegation_lab::scenario::edit::Edit;
use delegation_lab::scenario::{Scenario, presets, scale};
use hickory_proto::rr::RecordType;

fn sliced(d: &mut Diagnoser, s: &Scenario) -> Vec<diagnose::Finding> {
    d.start(s);
    let mut last = d.progress();
    let mut slices = 0;
    while !d.is_current() {
        let p = d.step(1);
        assert!(p.done <= p.total, "{p:?}");
        assert!(
            p.done >= last.done || p.total > last.total,
            "{last:?} then {p:?}"
        );
        last = p;
        slices += 1;
        assert!(slices < 100_000, "the diagnosis never ends");
    }
    assert!(d.progress().finished());
    d.findings().unwrap().to_vec()
}

#[test]
fn every_preset_sliced_finds_what_a_whole_diagnosis_finds() {
    for p in presets::PRESETS {
        let s = presets::build(p.id).unwrap();
        let whole = diagnose::diagnose(&s);
        let mut d = Diagnoser::new();
        assert_eq!(sliced(&mut d, &s), whole, "preset {}", p.id);
        assert_eq!(d.run(&s), whole.as_slice(), "preset {} again", p.id);
    }
}

fn put(zone_id: &str, name: &str, rtype: RecordType, values: &[&str]) -> Edit {
    Edit::PutRecordSet {
        zone_id: zone_id.into(),
        replacing: None,
        set: RecordSet::new(n(name), rtype, 300, parse_values(rtype, values).unwrap()),
    }
}

#[test]
fn one_diagnoser_follows_a_sequence_of_edits() {
    for id in ["wrong-ns", "quiz", "acm-caa", "recreated", "not-delegated"] {
        let mut s = presets::build(id).unwrap();
        let mut d = Diagnoser::new();
        let parent = s
            .world
            .zones()
            .find(|z| z.origin == n("example.com.") && s.aws.hosted_zone(&z.id).is_some())
            .unwrap()
            .id
            .clone();
        let mut edits = vec![
            put(
                &parent,
                "caa.example.com.",
                RecordType::CAA,
                &["0 issue \"letsencrypt.org\""],
            ),
            put(&parent, "www.example.com.", RecordType::A, &["192.0.2.9"]),
            Edit::DeleteRecordSet {
                zone_id: parent.clone(),
                name: n("www.example.com."),
                rtype: RecordType::A,
            },
        ];
        // Then every fix offered, one after the other, as a user clicks them.
        for step in 0..8 {
            let whole = diagnose::diagnose(&s);
            assert_eq!(sliced(&mut d, &s), whole, "{id}, step {step}");
            let next = match (!edits.is_empty()).then(|| edits.remove(0)) {
                Some(e) => e,
                None => match whole.iter().flat_map(|f| &f.fixes).next() {
                    Some(fix) => {
                        fix.apply(&mut s).unwrap();
                        continue;
                    }
                    None => break,
                },
            };
            next.apply(&mut s).unwrap();
        }
    }
}

#[test]
fn a_generated_world_sliced_finds_what_a_whole_diagnosis_finds() {
    let mut s = scale::many_zones(25, 3);
    let mut d = Diagnoser::new();
    assert_eq!(sliced(&mut d, &s), diagnose::diagnose(&s));
    // Break one delegation: the child recreated, the parent still names the old servers.
    let child = s
        .world
        .zones()
        .find(|z| z.origin == n("s7.example.com."))
        .unwrap()
        .id
        .clone();
    Edit::RecreateHostedZone { zone_id: child }
        .apply(&mut s)
        .unwrap();
    let whole = diagnose::diagnose(&s);
    assert!(diagnose::has_errors(&whole), "{whole:#?}");
    assert_eq!(sliced(&mut d, &s), whole);
}

/// A resolution stores its answers in the public resolver's cache: a new revision, which the
/// diagnoser finishes by running the cache check again (the other checks' findings kept),
/// and still finds exactly what a whole diagnosis finds.
#[test]
fn a_resolution_reruns_only_the_cache_check() {
    use delegation_lab::dns::Question;
    use delegation_lab::dns::resolve;

    let ask = |s: &mut Scenario, name: &str| {
        let q = Question::new(n(name), RecordType::A);
        let (world, now) = (s.world.clone(), s.clock);
        resolve::recursive(&world, &mut s.resolver_cache, &q, now);
    };
    for id in ["article", "wrong-ns", "quiz"] {
        let mut s = presets::build(id).unwrap();
        let parent = s
            .world
            .zones()
            .find(|z| z.origin == n("example.com.") && s.aws.hosted_zone(&z.id).is_some())
            .unwrap()
            .id
            .clone();
        let mut d = Diagnoser::new();
        assert_eq!(sliced(&mut d, &s), diagnose::diagnose(&s), "{id}");
        let whole_steps = d.progress().total;
        // Not there yet: the resolver caches the NXDOMAIN.
        ask(&mut s, "later.example.com.");
        assert_eq!(sliced(&mut d, &s), diagnose::diagnose(&s), "{id}, asked");
        assert!(
            d.progress().total < whole_steps,
            "{id}: the cache check alone ({:?} of {whole_steps})",
            d.progress()
        );
        // Created: the cached negative answer is now a finding (the world changed: all again).
        put(&parent, "later.example.com.", RecordType::A, &["192.0.2.8"])
            .apply(&mut s)
            .unwrap();
        let whole = diagnose::diagnose(&s);
        assert!(
            whole.iter().any(|f| f.title.contains("later.example.com")),
            "{id}: {whole:#?}"
        );
        assert_eq!(sliced(&mut d, &s), whole, "{id}, created");
        // Asked again, and another name: the cache changes, the findings follow.
        ask(&mut s, "later.example.com.");
        ask(&mut s, "other.example.com.");
        assert_eq!(
            sliced(&mut d, &s),
            diagnose::diagnose(&s),
            "{id}, asked again"
        );
        s.resolver_cache = Default::default();
        assert_eq!(sliced(&mut d, &s), diagnose::diagnose(&s), "{id}, flushed");
    }
}
