//! The diagnosis kept between revisions (`Diagnoser`, `diagnose::kept`) finds exactly what a
//! whole diagnosis of each revision finds, after random sequences of edits of every kind
//! the diagnosis reads: records (addresses, glue, CNAMEs, CAA), delegations' NS sets, zones
//! created, recreated, deleted and delegated, registry delegations, accounts, certificates,
//! the clock and the resolver's cache; on the presets, on a small generated world and on the
//! 1,000-zone scale scenario. And it reuses what an edit cannot have changed.

use delegation_lab::diagnose::{self, Diagnoser, Finding};
use delegation_lab::dns::rrset::{RecordSet, parse_values};
use delegation_lab::dns::{Question, n, resolve};
use delegation_lab::scenario::edit::Edit;
use delegation_lab::scenario::{Scenario, presets, scale};
use hickory_proto::rr::{Name, RecordType};
use proptest::prelude::*;

fn set(name: &Name, rtype: RecordType, values: &[String]) -> RecordSet {
    let values: Vec<&str> = values.iter().map(String::as_str).collect();
    RecordSet::new(
        name.clone(),
        rtype,
        300,
        parse_values(rtype, &values).unwrap(),
    )
}

/// One random change, `kind` and `a`, `b` choosing what and where; `None` when the scenario
/// has nothing of that kind (no hosted zone, no certificate). Resolutions are stored in the
/// resolver's cache as the resolve panel does.
fn change(s: &mut Scenario, kind: u8, a: usize, b: usize, step: usize) -> Option<Edit> {
    let hosted: Vec<delegation_lab::aws::HostedZone> = s.aws.hosted_zones.clone();
    if hosted.is_empty() {
        return None;
    }
    let hz = &hosted[a % hosted.len()];
    let other = &hosted[b % hosted.len()];
    let origin = hz.name.clone();
    let zone_id = hz.id.clone();
    let zone = s.world.zone(&zone_id)?.clone();
    let under = |label: &str| n(&format!("{label}.{origin}"));
    // A name in this zone: a host, a name of another hosted zone below it (a delegation),
    // or the server name a delegation may point in.
    let name = match b % 4 {
        0 if origin.zone_of(&other.name) && other.name != origin => other.name.clone(),
        1 => under(&format!("x{}", b % 5)),
        2 => under("ns1"),
        _ => under("www"),
    };
    let servers = |drop_one: bool, inside: bool| -> Vec<String> {
        let mut names: Vec<String> = other.name_servers().iter().map(|n| n.to_string()).collect();
        if drop_one {
            names.pop();
        }
        if inside {
            names.push(format!("ns1.{}", name));
        }
        names
    };
    Some(match kind % 16 {
        // Addresses: a host, a server's name, glue below a delegation.
        0 | 1 => Edit::UpsertRecordSet {
            zone_id,
            set: set(&name, RecordType::A, &[format!("192.0.2.{}", step % 250)]),
        },
        // A delegation's NS set changed, added or pointed inside itself.
        2 | 3 => Edit::UpsertRecordSet {
            zone_id,
            set: set(
                &name,
                RecordType::NS,
                &servers(b.is_multiple_of(3), b % 4 == 1),
            ),
        },
        4 => {
            let deletable: Vec<&RecordSet> = zone
                .iter()
                .filter(|x| {
                    !(x.name == zone.origin && matches!(x.rtype, RecordType::SOA | RecordType::NS))
                })
                .collect();
            if deletable.is_empty() {
                return None;
            }
            let gone = deletable[b % deletable.len()];
            Edit::DeleteRecordSet {
                zone_id,
                name: gone.name.clone(),
                rtype: gone.rtype,
            }
        }
        5 => Edit::UpsertRecordSet {
            zone_id,
            set: set(
                &under(&format!("c{}", b % 3)),
                RecordType::CNAME,
                &[name.to_string()],
            ),
        },
        6 => Edit::UpsertRecordSet {
            zone_id,
            set: set(
                &if b.is_multiple_of(2) {
                    origin.clone()
                } else {
                    name
                },
                RecordType::CAA,
                &[if b.is_multiple_of(3) {
                    "0 issue \"amazon.com\"".to_string()
                } else {
                    "0 issue \"letsencrypt.org\"".to_string()
                }],
            ),
        },
        7 => Edit::RecreateHostedZone { zone_id },
        8 => Edit::CreateHostedZone {
            account: hz.account.clone(),
            name: format!("z{}.{}", b % 4, origin),
            caller_reference: format!("kept-{step}"),
        },
        9 => Edit::DeleteHostedZone { zone_id },
        10 => Edit::DelegateToChild {
            child_zone_id: zone_id,
            ttl: if b.is_multiple_of(2) { 300 } else { 172_800 },
        },
        11 => Edit::AdvanceClock {
            seconds: 600 * (1 + b as u64 % 200),
        },
        12 => Edit::RequestCertificate {
            account: hz.account.clone(),
            domain: name.to_string().trim_end_matches('.').to_string(),
            sans: Vec::new(),
        },
        13 => {
            let certs = &s.aws.certificates;
            if certs.is_empty() {
                return None;
            }
            Edit::CreateValidationRecords {
                arn: certs[b % certs.len()].arn.clone(),
            }
        }
        14 => Edit::CreateAccount {
            id: format!("{:012}", 100 + step),
            label: format!("account {step}"),
        },
        _ => {
            // A resolution stored in the resolver's cache (a revision of its own).
            let q = Question::new(name, RecordType::A);
            let (world, now) = (s.world.clone(), s.clock);
            resolve::recursive(&world, &mut s.resolver_cache, &q, now);
            return None;
        }
    })
}

/// Applies the changes one after the other (those Route 53 refuses change nothing) and
/// compares the kept diagnosis with a whole one after each; every third revision is
/// diagnosed in slices of one unit.
fn follows(mut s: Scenario, changes: &[(u8, usize, usize)], label: &str) -> (usize, usize) {
    let mut d = Diagnoser::new();
    assert_eq!(
        d.run(&s),
        diagnose::diagnose(&s).as_slice(),
        "{label}: first"
    );
    let (mut reused, mut worked) = (0, 0);
    for (step, &(kind, a, b)) in changes.iter().enumerate() {
        let edit = change(&mut s, kind, a, b, step);
        if let Some(edit) = &edit {
            let _refused = edit.apply(&mut s);
        }
        let whole = diagnose::diagnose(&s);
        let kept: Vec<Finding> = if step % 3 == 2 {
            d.start(&s);
            while !d.is_current() {
                d.step(1);
            }
            d.findings().unwrap().to_vec()
        } else {
            d.run(&s).to_vec()
        };
        assert_eq!(kept, whole, "{label}: step {step}, after {edit:?}");
        let (r, w) = d.kept_counts();
        reused += r;
        worked += w;
    }
    (reused, worked)
}

/// A change: its kind and two choices (see [`change`]).
type Change = (u8, usize, usize);

fn changes(len: usize) -> impl Strategy<Value = Vec<(u8, usize, usize)>> {
    prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>()), 1..len)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn the_presets_after_random_edits(preset in 0..presets::PRESETS.len(), changes in changes(10)) {
        let p = &presets::PRESETS[preset];
        follows(presets::build(p.id).unwrap(), &changes, p.id);
    }

    #[test]
    fn a_generated_world_after_random_edits(changes in changes(12)) {
        follows(scale::many_zones(12, 2), &changes, "12 zones");
    }
}

fn zone_named(s: &Scenario, origin: &str) -> String {
    s.world
        .zones()
        .find(|z| z.origin == n(origin) && s.aws.hosted_zone(&z.id).is_some())
        .unwrap()
        .id
        .clone()
}

/// At 1,000 zones: a record added to one child works out again that child's origin and
/// delegation only; random edits after it still find what a whole diagnosis finds.
#[test]
fn at_a_thousand_zones_an_edit_works_out_what_it_touches() {
    let mut s = scale::many_zones(scale::MANY_ZONES, scale::MANY_ZONES_ACCOUNTS);
    let mut d = Diagnoser::new();
    assert_eq!(d.run(&s), diagnose::diagnose(&s).as_slice());
    let child = zone_named(&s, "s500.example.com.");
    Edit::UpsertRecordSet {
        zone_id: child,
        set: set(
            &n("added.s500.example.com."),
            RecordType::A,
            &["192.0.2.77".into()],
        ),
    }
    .apply(&mut s)
    .unwrap();
    assert_eq!(d.run(&s), diagnose::diagnose(&s).as_slice());
    let (reused, worked) = d.kept_counts();
    // Its origin, its delegation, its CAA decisions (the apex and the name added), its
    // CNAME and its zone's records below a delegation: a handful, not thousands.
    assert!(worked <= 10, "worked out again: {worked} (reused {reused})");
    assert!(reused >= 5000, "reused: {reused}");
    let mut rng = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng as usize
    };
    let changes: Vec<(u8, usize, usize)> = (0..4)
        .map(|_| ((next() % 256) as u8, next(), next()))
        .collect();
    follows(s, &changes, "1,000 zones");
}

/// Each kind of change the kept results depend on, one at a time on the preset where it
/// matters, against a whole diagnosis: a delegation's NS set, its glue, a zone removed and
/// added, an account, CAA, a CNAME, the clock and a certificate.
#[test]
fn each_kind_of_change_is_seen() {
    let cases: &[(&str, &[Change])] = &[
        ("wrong-ns", &[(2, 0, 0), (3, 1, 0), (2, 2, 3)]),
        ("article", &[(0, 0, 2), (0, 1, 2), (4, 0, 1), (4, 1, 2)]),
        ("recreated", &[(7, 0, 0), (10, 1, 0), (7, 1, 0)]),
        ("not-delegated", &[(8, 0, 0), (10, 2, 0), (9, 2, 0)]),
        ("acm-caa", &[(6, 0, 0), (6, 1, 3), (4, 0, 0)]),
        ("quiz", &[(5, 0, 0), (5, 1, 1), (4, 1, 2)]),
        (
            "acm-in-parent",
            &[(11, 0, 10), (12, 0, 1), (13, 0, 0), (11, 0, 150)],
        ),
        (
            "validation-in-parent",
            &[(14, 0, 0), (15, 0, 1), (11, 0, 3)],
        ),
    ];
    for (preset, changes) in cases {
        follows(presets::build(preset).unwrap(), changes, preset);
    }
}
