//! The challenges: each starts unsolved with its symptom failing, is solved by the intended
//! repair, by the fix the diagnosis offers, and by another valid repair; a "repair" that
//! breaks what worked is not a solution.

mod common;

use std::collections::BTreeSet;

use common::*;
use delegation_lab::diagnose::challenges::{CHALLENGES, Challenge, get};
use delegation_lab::diagnose::{self, Edit, Fix, Severity};
use delegation_lab::dns::n;
use delegation_lab::scenario::Scenario;
use hickory_proto::rr::RecordType;

fn challenge(id: &str) -> &'static Challenge {
    get(id).unwrap_or_else(|| panic!("no challenge {id}"))
}

fn delete(s: &mut Scenario, zone: &str, name: &str, rtype: RecordType) {
    Fix::new(
        "delete",
        vec![Edit::DeleteRecordSet {
            zone_id: zone_id(s, zone),
            name: n(name),
            rtype,
        }],
    )
    .apply(s)
    .unwrap();
}

fn parent_ns(s: &mut Scenario, names: &[String]) {
    let v: Vec<&str> = names.iter().map(String::as_str).collect();
    upsert(
        s,
        "example.com",
        set("api.example.com", RecordType::NS, 300, &v),
    );
}

/// Starts unsolved; `intended` and `other` each solve it.
fn check(id: &str, intended: impl Fn(&mut Scenario), other: impl Fn(&mut Scenario)) {
    let c = challenge(id);
    let start = c.start();
    let progress = c.check(&start);
    assert!(!progress.fixed, "{id}: the symptom fails at the start");
    assert!(
        progress.broken.is_empty(),
        "{id}: what must keep working works at the start"
    );
    assert!(!c.is_solved(&start));
    for (how, repair) in [
        ("intended", &intended as &dyn Fn(&mut Scenario)),
        ("other", &other),
    ] {
        let mut s = start.clone();
        repair(&mut s);
        assert!(c.is_solved(&s), "{id}: solved by the {how} repair");
    }
    // The diagnosis finds the problem and its fix solves the challenge too.
    let errors: Vec<_> = diagnose::diagnose(&start)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{id}: one error: {errors:#?}");
    let mut s = start.clone();
    errors[0].fixes[0].apply(&mut s).unwrap();
    assert!(c.is_solved(&s), "{id}: solved by the diagnosis' fix");
}

#[test]
fn the_catalog() {
    assert!(CHALLENGES.len() >= 6);
    let ids: BTreeSet<&str> = CHALLENGES.iter().map(|c| c.id).collect();
    assert_eq!(ids.len(), CHALLENGES.len(), "ids are unique");
    assert_eq!(
        CHALLENGES.iter().map(|c| c.id).collect::<Vec<_>>(),
        [
            "quiz-apex-record",
            "wrong-ns",
            "recreated",
            "validation-in-parent",
            "wildcard-validation",
            "trailing-dot",
            "registrar-ns"
        ]
    );
    for c in &CHALLENGES {
        assert!(
            (1..=3).contains(&c.hints.len()),
            "{}: up to three hints",
            c.id
        );
        let s = c.start();
        assert_eq!(s.title, format!("Challenge: {}", c.title));
        assert_eq!(s.description, c.story);
    }
    assert!(get("nope").is_none());
}

#[test]
fn the_quiz_is_the_articles() {
    let c = challenge("quiz-apex-record");
    let quiz = c.quiz.unwrap();
    assert_eq!(quiz.question, "What is wrong?");
    assert_eq!(quiz.correct().letter, 'C');
    assert_eq!(quiz.choices.iter().filter(|c| c.correct).count(), 1);
    assert_eq!(quiz.choices.map(|c| c.letter), ['A', 'B', 'C', 'D']);
    assert!(quiz.choice('c').unwrap().feedback.starts_with("Correct!"));
    assert!(quiz.choice('a').unwrap().feedback.starts_with("Incorrect."));
    assert!(quiz.choice('e').is_none());
    assert!(
        c.explanation
            .contains("NOERROR with an empty answer (NODATA)")
    );
    assert!(c.explanation.contains("not NXDOMAIN"));
    // What the learner sees at the start agrees: NODATA, not NXDOMAIN.
    let progress = c.check(&c.start());
    assert_eq!(progress.resolution.outcome.kind.label(), "NODATA");
    for c in CHALLENGES.iter().filter(|c| c.id != "quiz-apex-record") {
        assert!(c.quiz.is_none());
    }
}

#[test]
fn quiz_apex_record() {
    check(
        "quiz-apex-record",
        |s| {
            upsert(
                s,
                "api.example.com",
                set("api.example.com", RecordType::A, 300, &["192.0.2.10"]),
            );
            delete(s, "example.com", "api.example.com", RecordType::A);
        },
        // Leaving the parent's copy in place still works: resolvers never see it.
        |s| {
            upsert(
                s,
                "api.example.com",
                set("api.example.com", RecordType::A, 60, &["192.0.2.99"]),
            )
        },
    );
}

#[test]
fn removing_the_delegation_is_not_a_solution() {
    let c = challenge("quiz-apex-record");
    let mut s = c.start();
    delete(&mut s, "example.com", "api.example.com", RecordType::NS);
    let progress = c.check(&s);
    assert!(progress.fixed, "the parent's A record now answers");
    assert_eq!(
        progress
            .broken
            .iter()
            .map(|q| q.to_string())
            .collect::<Vec<_>>(),
        ["CNAME www.api.example.com."]
    );
    assert!(!c.is_solved(&s));
}

#[test]
fn wrong_ns() {
    check(
        "wrong-ns",
        |s| {
            let ns = texts(&servers(s, "api.example.com"));
            parent_ns(s, &ns);
        },
        |s| {
            let ns = texts(&servers(s, "api.example.com"));
            parent_ns(s, &ns[1..3]);
        },
    );
}

#[test]
fn recreated() {
    check(
        "recreated",
        |s| {
            let ns = texts(&servers(s, "api.example.com"));
            parent_ns(s, &ns);
        },
        |s| {
            let ns = texts(&servers(s, "api.example.com"));
            parent_ns(s, &ns[..2]);
        },
    );
}

fn validation_cname() -> delegation_lab::dns::RecordSet {
    set(
        "_abc123.api.example.com",
        RecordType::CNAME,
        300,
        &["_def456.acm-validations.aws."],
    )
}

#[test]
fn validation_in_parent() {
    check(
        "validation-in-parent",
        |s| {
            upsert(s, "api.example.com", validation_cname());
            delete(
                s,
                "example.com",
                "_abc123.api.example.com",
                RecordType::CNAME,
            );
        },
        |s| upsert(s, "api.example.com", validation_cname()),
    );
    // A CNAME to another target does not validate.
    let c = challenge("validation-in-parent");
    let mut s = c.start();
    upsert(
        &mut s,
        "api.example.com",
        set(
            "_abc123.api.example.com",
            RecordType::CNAME,
            300,
            &["_other.acm-validations.aws."],
        ),
    );
    assert!(!c.is_solved(&s));
}

#[test]
fn wildcard_validation() {
    check(
        "wildcard-validation",
        |s| {
            let ns = texts(&servers(s, "api.example.com"));
            parent_ns(s, &ns);
        },
        // Without a delegation the parent answers for api.example.com names: the record
        // works there too.
        |s| upsert(s, "example.com", validation_cname()),
    );
}

#[test]
fn trailing_dot() {
    let c = challenge("trailing-dot");
    let start = c.start();
    let parent = start.world.zone(&zone_id(&start, "example.com")).unwrap();
    let written = texts(&delegation_lab::dns::answer::ns_targets(
        parent
            .get(&n("api.example.com"), RecordType::NS)
            .unwrap()
            .records()
            .iter(),
    ));
    let meant = texts(&servers(&start, "api.example.com"));
    assert_eq!(
        written,
        meant
            .iter()
            .map(|m| format!("{m}example.com."))
            .collect::<Vec<_>>()
    );
    check(
        "trailing-dot",
        |s| {
            let ns = texts(&servers(s, "api.example.com"));
            parent_ns(s, &ns);
        },
        // Two names fixed of four: resolvers use those two.
        |s| {
            let ns = texts(&servers(s, "api.example.com"));
            let mixed = vec![
                ns[0].clone(),
                ns[1].clone(),
                format!("{}example.com.", ns[2]),
                format!("{}example.com.", ns[3]),
            ];
            parent_ns(s, &mixed);
        },
    );
}

#[test]
fn registrar_ns() {
    let register = |s: &mut Scenario, count: usize| {
        let ns = servers(s, "example.com");
        Fix::new(
            "registrar",
            vec![Edit::SetRegistryDelegation {
                domain: n("example.com"),
                servers: ns[..count].to_vec(),
            }],
        )
        .apply(s)
        .unwrap();
    };
    check("registrar-ns", |s| register(s, 4), |s| register(s, 2));
}

#[test]
fn starting_scenarios_replay_identically() {
    // Built from the seed through Route 53: the same every time.
    for c in &CHALLENGES {
        assert_eq!(c.start(), c.start(), "{}", c.id);
    }
}

/// The quiz's story says where www's CNAME points: the data the challenge builds agrees.
#[test]
fn the_quiz_story_matches_its_data() {
    let c = challenge("quiz-apex-record");
    let s = c.start();
    let child = s
        .world
        .zones
        .iter()
        .find(|z| z.origin == n("api.example.com") && !z.is_empty())
        .expect("the child zone");
    let target = child
        .get(&n("www.api.example.com"), RecordType::CNAME)
        .and_then(|set| set.records().first().map(|r| r.data.to_string()))
        .expect("www's CNAME");
    let target = target.trim_end_matches('.');
    assert!(
        c.story
            .contains(&format!("CNAME www.api.example.com → {target} ")),
        "the story names another target than {target}: {}",
        c.story
    );
    // And the article's sentences that the answer contradicts are flagged as such.
    let quiz = c.quiz.expect("a quiz");
    assert!(quiz.setting.contains("returns NXDOMAIN"));
    assert!(quiz.caveat.contains("NODATA"));
    assert!(
        quiz.caveat
            .contains("was added to the child hosted zone in account B")
    );
}
