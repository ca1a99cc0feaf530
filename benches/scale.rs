//! The app's operations at scale (issue 14), natively: on one hosted zone of 25,000 record
//! sets and on 1,000 delegated hosted zones over 10 accounts (`scenario::scale`, the same
//! documents `delegation-lab generate` writes for the web benchmark):
//!
//! - load: reading the scenario JSON (`Scenario::from_json`);
//! - diagnose: the whole diagnosis (`diagnose::diagnose`);
//! - rediagnose after an edit: after one record set is added, a new `Diagnoser` (whole)
//!   and one that diagnosed the world before (kept: `diagnose::kept`);
//! - add a record: what the app does for one edit (a copy of the document for the undo
//!   history, the edit applied through Route 53's rules);
//! - resolve: a recursive resolution of a name in the generated zone(s), cold cache;
//! - hierarchy after adding a record: the diagram's hierarchy of the edited world, whole
//!   (`hierarchy`) and kept from the revision before (`KeptHierarchy`).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use delegation_lab::diagnose::{self, Diagnoser};
use delegation_lab::dns::resolve::{self, Cache};
use delegation_lab::dns::rrset::{RecordSet, parse_values};
use delegation_lab::dns::{Question, n};
use delegation_lab::scenario::edit::Edit;
use delegation_lab::scenario::hierarchy::{self, KeptHierarchy};
use delegation_lab::scenario::{Scenario, scale};
use hickory_proto::rr::RecordType;

/// An edit as the record form makes it: a new A record set in the zone of `origin`.
fn add_record(s: &Scenario, origin: &str) -> Edit {
    let zone = s
        .world
        .zones()
        .find(|z| z.origin == n(origin) && s.aws.hosted_zone(&z.id).is_some())
        .expect("the generated zone");
    Edit::PutRecordSet {
        zone_id: zone.id.clone(),
        replacing: None,
        set: RecordSet::new(
            n(&format!("added.{origin}")),
            RecordType::A,
            300,
            parse_values(RecordType::A, &["192.0.2.77"]).unwrap(),
        ),
    }
}

fn world(c: &mut Criterion, label: &str, s: &Scenario, edit_in: &str, ask: &str) {
    let json = s.to_json();
    let edit = add_record(s, edit_in);
    let q = Question::new(n(ask), RecordType::A);
    let mut group = c.benchmark_group(format!("scale {label}"));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    group.warm_up_time(Duration::from_secs(1));
    group.bench_function("load (from JSON)", |b| {
        b.iter_with_large_drop(|| Scenario::from_json(black_box(&json)).unwrap())
    });
    group.bench_function("diagnose (whole world)", |b| {
        b.iter_with_large_drop(|| diagnose::diagnose(black_box(s)))
    });
    group.bench_function("rediagnose after adding a record (whole)", |b| {
        let mut next = s.clone();
        edit.apply(&mut next).unwrap();
        b.iter_with_large_drop(|| {
            let mut d = Diagnoser::new();
            d.run(black_box(&next));
            d
        })
    });
    group.bench_function("rediagnose after adding a record (kept)", |b| {
        b.iter_batched(
            || {
                let mut d = Diagnoser::new();
                d.run(s);
                let mut next = s.clone();
                edit.apply(&mut next).unwrap();
                (d, next)
            },
            |(mut d, next)| {
                d.run(&next);
                (d, next)
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("add a record (undo snapshot + edit)", |b| {
        b.iter_with_large_drop(|| {
            let before = std::rc::Rc::new(s.clone());
            let mut next = (*before).clone();
            edit.apply(&mut next).unwrap();
            (before, next)
        })
    });
    group.bench_function("hierarchy after adding a record (whole)", |b| {
        let mut next = s.clone();
        edit.apply(&mut next).unwrap();
        b.iter_with_large_drop(|| hierarchy::hierarchy(black_box(&next)))
    });
    group.bench_function("hierarchy after adding a record (kept)", |b| {
        b.iter_batched(
            || {
                let mut kept = KeptHierarchy::new();
                kept.hierarchy(s);
                let mut next = s.clone();
                edit.apply(&mut next).unwrap();
                (kept, next)
            },
            |(mut kept, next)| {
                let h = kept.hierarchy(&next);
                (kept, next, h)
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("resolve (recursive, cold cache)", |b| {
        b.iter(|| resolve::recursive(black_box(&s.world), &mut Cache::new(), &q, s.clock))
    });
    group.finish();
}

fn scale(c: &mut Criterion) {
    let big = scale::big_zone(scale::BIG_ZONE_SETS);
    world(
        c,
        "big zone (25,000 sets)",
        &big,
        scale::APEX,
        "h12340.example.com.",
    );
    let many = scale::many_zones(scale::MANY_ZONES, scale::MANY_ZONES_ACCOUNTS);
    world(
        c,
        "many zones (1,000)",
        &many,
        "s500.example.com.",
        "www.s999.example.com.",
    );
}

criterion_group!(benches, scale);
criterion_main!(benches);
