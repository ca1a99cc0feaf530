//! Zone files and zone folders: the oracle's scenario folders load (and answer as the real
//! servers did), every class of bad input gives its exact message with file and line, and
//! zones and folders round-trip through their text.

use std::net::{IpAddr, Ipv4Addr};
use std::path::{Path, PathBuf};

use delegation_lab::dns::rrset::{AliasTarget, RecordSet};
use delegation_lab::dns::{NameServer, Question, ReplyKind, Software, World, Zone, ask, n};
use delegation_lab::scenario::zone_folder::{
    FolderError, export_folder, load_folder, load_folder_path,
};
use delegation_lab::scenario::zonefile::{parse_zone_file, render_zone_file};
use hickory_proto::rr::{RData, RecordType};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/oracle")
        .join(name)
}

fn load_fixture(name: &str) -> World {
    load_folder_path(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn ask_kind(world: &World, ip: &str, name: &str, rtype: RecordType) -> ReplyKind {
    let server = world.server_by_ip(ip.parse().unwrap()).unwrap();
    ask(world, server, &Question::new(n(name), rtype), false, 1).kind
}

const ORACLE_SCENARIOS: [&str; 4] = [
    "seed",
    "wrong-ns",
    "record-in-parent",
    "validation-in-parent",
];

#[test]
fn the_oracle_scenarios_load() {
    let seed = load_fixture("seed");
    assert_eq!((seed.servers.len(), seed.zones.len()), (7, 13));
    let ids: Vec<&str> = seed.zones.iter().map(|z| z.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            ".",
            "com.",
            "net.",
            "org.",
            "uk.",
            "aws.",
            "example.com.",
            "awsdns-00.com.",
            "awsdns-00.org.",
            "awsdns-00.net.",
            "awsdns-00.co.uk.",
            "api.example.com.",
            "acm-validations.aws."
        ]
    );
    let ns1 = seed.server_named(&n("ns-1025.awsdns-00.org.")).unwrap();
    assert_eq!(ns1.ip, Ipv4Addr::new(127, 0, 10, 3));
    assert_eq!(
        ns1.zones,
        ["example.com.", "awsdns-00.com.", "awsdns-00.org."]
    );
    assert_eq!(ns1.software, Software::Bind);
    let root = seed.zone(".").unwrap();
    assert_eq!(root.soa().unwrap().ttl, 86400);
    assert_eq!(
        root.get(&n("a.root-servers.net."), RecordType::A)
            .unwrap()
            .value_texts(),
        ["127.0.10.1"]
    );

    let wrong = load_fixture("wrong-ns");
    let lame = wrong.server_by_ip(Ipv4Addr::new(127, 0, 10, 8)).unwrap();
    assert!(lame.zones.is_empty());
    assert_eq!(
        ask_kind(&wrong, "127.0.10.8", "api.example.com.", RecordType::A),
        ReplyKind::Refused
    );

    // The occluded A in the parent is loaded and never served: the parent refers.
    let rip = load_fixture("record-in-parent");
    let parent = rip.zone("example.com.").unwrap();
    let occluded = parent.get(&n("api.example.com."), RecordType::A).unwrap();
    assert!(parent.is_occluded(occluded));
    assert_eq!(
        ask_kind(&rip, "127.0.10.3", "api.example.com.", RecordType::A),
        ReplyKind::Referral {
            cut: n("api.example.com.")
        }
    );
    assert_eq!(
        ask_kind(&rip, "127.0.10.5", "api.example.com.", RecordType::A),
        ReplyKind::NoData
    );

    let vip = load_fixture("validation-in-parent");
    let parent = vip.zone("example.com.").unwrap();
    let cname = parent
        .get(&n("_abc123.api.example.com."), RecordType::CNAME)
        .unwrap();
    assert!(parent.is_occluded(cname));
    assert_eq!(
        ask_kind(
            &vip,
            "127.0.10.5",
            "_abc123.api.example.com.",
            RecordType::CNAME
        ),
        ReplyKind::NxDomain
    );
}

#[test]
fn the_oracle_scenarios_round_trip() {
    for name in ORACLE_SCENARIOS {
        let world = load_fixture(name);
        let files = export_folder(&world);
        // Plain oracle folders need no zone list: ids are the origins, order is the default.
        assert!(
            !files[0].1.contains("\"zones\": [{"),
            "{name}: {}",
            files[0].1
        );
        let (topology, zones) = files.split_first().unwrap();
        assert_eq!(topology.0, "topology.json");
        let back = load_folder(&topology.1, zones).unwrap();
        assert_eq!(back, world, "{name}");
        assert_eq!(export_folder(&back), files, "{name}: export is stable");
    }
}

// ---------------------------------------------------------------- zone-file round trips

fn rich_zone() -> Zone {
    let text = r#"$ORIGIN example.com.
$TTL 300
@        900    IN SOA  ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400
@        172800 IN NS   ns-1.awsdns-00.com.
@        172800 IN NS   ns-513.awsdns-00.net.
@               IN MX   10 mail
@               IN MX   20 mail.example.net.
@               IN CAA  0 issue "amazon.com"
@               IN CAA  128 issuewild ";"
@               IN CAA  0 iodef "mailto:security@example.com"
@               IN TXT  "v=spf1 include:amazonses.com -all"
txt             IN TXT  "say \"hi\" to C:\\dir" "two  spaces" "tab\009end" "caf\195\169" plain
*.wild          IN A    192.0.2.20
*.wild          IN AAAA 2001:db8::20
www        60   IN CNAME api
api      172800 IN NS   ns-2.awsdns-00.com.
api      172800 IN NS   ns-514.awsdns-00.net.
api             IN A    192.0.2.10   ; occluded: below the cut
_abc123.api     IN CNAME _def456.acm-validations.aws.
deep.below.api  IN TXT  "also occluded"
mail            IN A    192.0.2.25
_sip._tcp       IN SRV  10 5 5060 sip.example.com.
"#;
    parse_zone_file(text, &n("example.com."), "Z0111", "example.com.zone").unwrap()
}

#[test]
fn a_rich_zone_round_trips() {
    let zone = rich_zone();
    assert_eq!(zone.len(), 15);
    let txt = zone.get(&n("txt.example.com."), RecordType::TXT).unwrap();
    let RData::TXT(data) = &txt.values[0] else {
        panic!()
    };
    let strings: Vec<&[u8]> = data.txt_data.iter().map(|s| &s[..]).collect();
    assert_eq!(
        strings,
        [
            &b"say \"hi\" to C:\\dir"[..],
            b"two  spaces",
            b"tab\tend",
            "café".as_bytes(),
            b"plain"
        ]
    );
    let text = render_zone_file(&zone);
    let back = parse_zone_file(&text, &n("example.com."), "Z0111", "x.zone").unwrap();
    assert_eq!(back, zone, "rendered:\n{text}");
    assert_eq!(render_zone_file(&back), text);
}

#[test]
fn rendering_is_a_bind_style_file() {
    let zone = parse_zone_file(
        "$TTL 300\n@ 900 SOA ns-1.awsdns-00.com. h.amazon.com. 1 7200 900 1209600 86400\n@ 172800 NS ns-1.awsdns-00.com.\nwww TXT \"a \\\"b\\\"\"\napi 172800 NS ns-2.awsdns-00.com.\n",
        &n("example.com."),
        "example.com.",
        "example.com.zone",
    )
    .unwrap();
    assert_eq!(
        render_zone_file(&zone),
        "$ORIGIN example.com.\n\
         example.com.      900     IN  SOA  ns-1.awsdns-00.com. h.amazon.com. 1 7200 900 1209600 86400\n\
         example.com.      172800  IN  NS   ns-1.awsdns-00.com.\n\
         api.example.com.  172800  IN  NS   ns-2.awsdns-00.com.\n\
         www.example.com.  300     IN  TXT  \"a \\\"b\\\"\"\n"
    );
}

// ---------------------------------------------------------------- folder round trips

fn route53_world() -> World {
    let mut a = rich_zone();
    a.id = "Z0111".into();
    let mut b = parse_zone_file(
        "$TTL 300\n@ 900 SOA ns-7.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400\n@ 172800 NS ns-7.awsdns-00.com.\n",
        &n("example.com."),
        "Z0222",
        "b",
    )
    .unwrap();
    b.upsert(RecordSet {
        name: n("cdn.example.com."),
        rtype: RecordType::A,
        ttl: 300,
        values: Vec::new(),
        alias: Some(AliasTarget {
            dns_name: n("d111111abcdef8.cloudfront.net."),
            hosted_zone_id: "Z2FDTNDATAQYW2".into(),
            addresses: vec![
                IpAddr::V4(Ipv4Addr::new(192, 0, 2, 80)),
                IpAddr::V4(Ipv4Addr::new(192, 0, 2, 81)),
            ],
        }),
    });
    let mut c = b.clone();
    c.id = "odd.id".into();
    let mut ns1 = NameServer::new(
        n("ns-1.awsdns-00.com."),
        Ipv4Addr::new(192, 0, 2, 1),
        Software::Route53,
    );
    ns1.aliases = vec![n("ns-513.awsdns-00.net.")];
    ns1.zones = vec!["Z0111".into()];
    let mut ns7 = NameServer::new(
        n("ns-7.awsdns-00.com."),
        Ipv4Addr::new(192, 0, 2, 7),
        Software::Route53,
    );
    ns7.zones = vec!["odd.id".into(), "Z0222".into()];
    let idle = NameServer::new(
        n("ns-9.awsdns-01.com."),
        Ipv4Addr::new(192, 0, 2, 9),
        Software::Bind,
    );
    World::new(vec![ns7, ns1, idle], vec![a, b, c])
}

#[test]
fn zones_of_one_origin_export_losslessly() {
    let world = route53_world();
    let files = export_folder(&world);
    let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "topology.json",
            "zones/example.com.zone",
            "zones/example.com~Z0222.zone",
            "zones/example.com~2.zone"
        ]
    );
    assert_eq!(
        files[0].1,
        r#"{
  "servers": [
    {"name":"ns-7.awsdns-00.com.","ip":"192.0.2.7","zones":["example.com.~2","example.com.~Z0222"],"software":"route53"},
    {"name":"ns-1.awsdns-00.com.","aliases":["ns-513.awsdns-00.net."],"ip":"192.0.2.1","zones":["example.com."],"software":"route53"},
    {"name":"ns-9.awsdns-01.com.","ip":"192.0.2.9","zones":[]}
  ],
  "zones": [
    {"zone":"example.com.","id":"Z0111"},
    {"zone":"example.com.~Z0222","id":"Z0222"},
    {"zone":"example.com.~2","id":"odd.id"}
  ]
}
"#
    );
    assert!(files[2].1.contains(
        ";$ALIAS cdn.example.com. A 300 d111111abcdef8.cloudfront.net. Z2FDTNDATAQYW2\n"
    ));
    let (topology, zones) = files.split_first().unwrap();
    assert_eq!(load_folder(&topology.1, zones).unwrap(), world);
}

#[test]
fn an_exported_folder_loads_from_disk() {
    let world = route53_world();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("export-route53");
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in export_folder(&world) {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    std::fs::write(dir.join("zones/notes.txt"), "ignored").unwrap();
    assert_eq!(load_folder_path(&dir).unwrap(), world);
}

// ---------------------------------------------------------------- bad input, one per class

const SOA_NS: &str = "$TTL 300\n@ 900 IN SOA ns1.example.com. hostmaster.example.com. 1 7200 900 1209600 86400\n@ 172800 IN NS ns1\nns1 IN A 192.0.2.1\n";

fn zone_error(body: &str) -> String {
    parse_zone_file(
        &format!("{SOA_NS}{body}"),
        &n("example.com."),
        "example.com.",
        "example.com.zone",
    )
    .unwrap_err()
    .to_string()
}

#[test]
fn bad_owner_name() {
    assert_eq!(
        zone_error("w..x IN A 192.0.2.2\n"),
        "example.com.zone:5:1: bad owner name \"w..x\": the name w..x has an empty label (two dots in a row, or a leading dot)"
    );
}

#[test]
fn bad_record_data() {
    assert_eq!(
        zone_error("www IN A 300.1.2.3\n"),
        "example.com.zone:5:10: bad A record data \"300.1.2.3\": expected an IPv4 address such as 192.0.2.1"
    );
    assert_eq!(
        zone_error("www IN CNAME a..b\n"),
        "example.com.zone:5:14: bad CNAME record data \"a..b\": the name a..b has an empty label (two dots in a row, or a leading dot)"
    );
    assert_eq!(
        zone_error("@ IN CAA 0 issue\n"),
        "example.com.zone:5:12: the CAA record data is incomplete; expected flags, a tag and a value, such as 0 issue \"amazon.com\""
    );
    assert_eq!(
        zone_error("www IN A\n"),
        "example.com.zone:5:8: the A record has no data; expected an IPv4 address such as 192.0.2.1"
    );
}

#[test]
fn unknown_record_type() {
    assert_eq!(
        zone_error("www IN AAA 2001:db8::1\n"),
        "example.com.zone:5:8: unknown record type \"AAA\"; expected a type such as A, AAAA, CNAME, MX, NS, SOA, TXT or CAA"
    );
}

#[test]
fn include_is_refused() {
    assert_eq!(
        zone_error("$INCLUDE other.zone\n"),
        "example.com.zone:5:1: $INCLUDE is not supported: a zone is read from this one file only; copy the included records into it"
    );
}

#[test]
fn records_outside_the_origin() {
    assert_eq!(
        zone_error("www.example.org. IN A 192.0.2.2\n"),
        "example.com.zone:5:1: www.example.org. is outside the zone example.com.: every name in this file must end in example.com. (a name without a trailing dot is relative to the origin, so write \"www\" or \"www.example.com.\" with the dot)"
    );
    // A blank owner continues an owner that $ORIGIN moved out of the zone.
    assert_eq!(
        zone_error("$ORIGIN example.net.\nx A 192.0.2.3\n"),
        "example.com.zone:6:1: x.example.net. is outside the zone example.com.: every name in this file must end in example.com. (a name without a trailing dot is relative to the origin, so write \"www\" or \"www.example.com.\" with the dot)"
    );
}

#[test]
fn missing_soa() {
    let err = parse_zone_file(
        "$TTL 300\n@ NS ns1\nns1 A 192.0.2.1\n",
        &n("example.com."),
        "example.com.",
        "example.com.zone",
    )
    .unwrap_err();
    assert_eq!((err.line, err.column), (None, None));
    assert_eq!(
        err.to_string(),
        "example.com.zone: no SOA record at the zone's origin example.com.; a zone starts with one, such as \"example.com. 900 IN SOA ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400\""
    );
}

#[test]
fn cname_and_other_data() {
    assert_eq!(
        zone_error("www A 192.0.2.2\nwww CNAME ns1\n"),
        "example.com.zone:6:1: CNAME and other data: www.example.com. has a CNAME (line 6) and A data (line 5); a name that has a CNAME can have no other records, so remove one of them or move it to another name"
    );
}

#[test]
fn unbalanced_quotes() {
    assert_eq!(
        zone_error("www TXT \"open\n"),
        "example.com.zone:5:9: the quoted string that starts here is not closed on this line; add the closing '\"'"
    );
}

fn folder(topology: &str, zones: &[(&str, &str)]) -> Result<World, FolderError> {
    let zones: Vec<(String, String)> = zones
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect();
    load_folder(topology, &zones)
}

const ROOT: &str = "$TTL 86400\n. IN SOA a.root-servers.net. nstld.verisign-grs.com. 1 1800 900 604800 86400\n. IN NS a.root-servers.net.\na.root-servers.net. IN A 198.41.0.4\n";

#[test]
fn a_server_lists_a_zone_without_a_file() {
    let err = folder(
        r#"{"servers": [{"name": "a.root-servers.net.", "ip": "198.41.0.4", "zones": [".", "com."]}]}"#,
        &[("root.zone", ROOT)],
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "topology.json: servers[0].zones[1]: the zone com. has no file zones/com.zone; add the file or remove the zone from the list"
    );
}

#[test]
fn bad_topology_json() {
    let cases = [
        (
            "{\"servers\": [\n  {\"name\": \"a.\", \"ip\": \"198.41.0.4\" \"zones\": []}\n]}",
            "topology.json:2:37: servers[0]: expected `,` or `}`",
        ),
        (
            "{\"servers\": [\n  {\"name\": \"a.\", \"zones\": []}\n]}",
            "topology.json:2:29: servers[0]: missing field `ip`",
        ),
        (
            "{\"servers\": [{\"name\": \"a.\", \"ip\": \"198.41.0.4\", \"zones\": \".\"}]}",
            "topology.json:1:60: servers[0].zones: invalid type: string \".\", expected a sequence",
        ),
        (
            "{\"servers\": [{\"name\": \"a.\", \"ip\": \"1.2.3\", \"zones\": []}]}",
            "topology.json: servers[0].ip: \"1.2.3\" is not an IPv4 address; write four numbers from 0 to 255 separated by dots, such as 192.0.2.53",
        ),
        (
            "{\"servers\": [{\"name\": \"a.\", \"ip\": \"192.0.2.1\", \"zones\": []}, {\"name\": \"b.\", \"ip\": \"192.0.2.1\", \"zones\": []}]}",
            "topology.json: servers[1].ip: 192.0.2.1 is already the address of a. (servers[0]); give each server its own address",
        ),
        (
            "{\"servers\": [{\"name\": \"a.\", \"ip\": \"192.0.2.1\", \"zones\": [], \"software\": \"nsd\"}]}",
            "topology.json:1:77: servers[0].software: unknown variant `nsd`, expected `bind` or `route53`",
        ),
        (
            "{\"servers\": [{\"name\": \"a..b\", \"ip\": \"192.0.2.1\", \"zones\": []}]}",
            "topology.json: servers[0].name: bad server name \"a..b\": the name a..b has an empty label (two dots in a row, or a leading dot)",
        ),
    ];
    for (json, expected) in cases {
        assert_eq!(
            folder(json, &[]).unwrap_err().to_string(),
            expected,
            "{json}"
        );
    }
}

#[test]
fn a_zone_file_whose_name_is_not_a_domain() {
    let err = folder(r#"{"servers": []}"#, &[("zones/bad..name.zone", ROOT)]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "zones/bad..name.zone: the file name is not a zone's origin: the name bad..name has an empty label (two dots in a row, or a leading dot); name a zone file after its origin, such as example.com.zone (root.zone for the root)"
    );
}

#[test]
fn zone_file_errors_name_the_folder_file() {
    let err = folder(
        r#"{"servers": [{"name": "a.root-servers.net.", "ip": "198.41.0.4", "zones": ["."]}]}"#,
        &[(
            "root.zone",
            &format!("{ROOT}com. IN NS a.gtld-servers.net\ncom. IN A 1.2.3\n"),
        )],
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "zones/root.zone:6:11: bad A record data \"1.2.3\": expected an IPv4 address such as 192.0.2.1"
    );
}

mod property {
    use super::*;
    use hickory_proto::rr::rdata::{CAA, MX, TXT};
    use proptest::prelude::*;

    /// Labels hickory-proto accepts: letters, digits, inner hyphens, a leading underscore
    /// (it refuses an underscore elsewhere, as hostname rules do). Not an `xn--` label that
    /// is not Punycode (the crate refuses those, as IDNA does; the generator made one now and
    /// then, `xn--f---0e`).
    fn label() -> impl Strategy<Value = String> {
        "_?[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?"
            .prop_filter("not an A-label", |l| !l.starts_with("xn--"))
    }

    fn rdata() -> impl Strategy<Value = (RecordType, RData)> {
        prop_oneof![
            any::<[u8; 4]>().prop_map(|a| (RecordType::A, RData::A(Ipv4Addr::from(a).into()))),
            prop::collection::vec(prop::collection::vec(any::<u8>(), 0..40), 1..4).prop_map(|s| {
                (
                    RecordType::TXT,
                    RData::TXT(TXT::from_bytes(s.iter().map(Vec::as_slice).collect())),
                )
            }),
            (any::<u16>(), label()).prop_map(|(p, l)| {
                (
                    RecordType::MX,
                    RData::MX(MX::new(p, n(&format!("{l}.example.net.")))),
                )
            }),
            "[ -~]{0,30}".prop_map(|v| {
                let mut caa = CAA::new_issue(false, None, Vec::new());
                caa.value = v.into_bytes();
                (RecordType::CAA, RData::CAA(caa))
            }),
        ]
    }

    proptest! {
        #[test]
        fn rendered_zones_read_back_equal(
            records in prop::collection::vec((prop::collection::vec(label(), 0..3), any::<bool>(), 0u32..1_000_000, rdata()), 0..30)
        ) {
            let mut zone = rich_zone();
            for (labels, wildcard, ttl, (rtype, value)) in records {
                let mut labels: Vec<&str> = labels.iter().map(String::as_str).collect();
                if wildcard {
                    labels.insert(0, "*");
                }
                labels.push("example.com.");
                let name = n(&labels.join("."));
                if zone.sets_at(&name).iter().any(|s| s.rtype == RecordType::CNAME) || (rtype == RecordType::A && name == n("www.example.com.")) {
                    continue;
                }
                let mut set = zone.get(&name, rtype).cloned().unwrap_or_else(|| RecordSet::new(name.clone(), rtype, ttl, Vec::new()));
                if !set.values.contains(&value) { set.values.push(value); }
                zone.upsert(set);
            }
            let text = render_zone_file(&zone);
            let back = parse_zone_file(&text, &n("example.com."), "Z0111", "x.zone");
            prop_assert_eq!(back, Ok(zone), "{}", text);
        }

        /// A zone's count of record sets follows every upsert and removal, and a zone built
        /// from its sets in any order counts (and equals) the same.
        #[test]
        fn a_zone_counts_its_sets_through_upserts_and_removals(
            steps in prop::collection::vec((prop::collection::vec(label(), 0..2), any::<bool>(), rdata()), 0..40)
        ) {
            let mut zone = rich_zone();
            for (labels, remove, (rtype, value)) in steps {
                let mut labels: Vec<&str> = labels.iter().map(String::as_str).collect();
                labels.push("example.com.");
                let name = n(&labels.join("."));
                if remove {
                    zone.remove(&name, rtype);
                } else {
                    zone.upsert(RecordSet::new(name, rtype, 300, vec![value]));
                }
                prop_assert_eq!(zone.len(), zone.iter().count());
            }
            let mut sets: Vec<RecordSet> = zone.iter().cloned().collect();
            prop_assert_eq!(&zone.clone().into_sets().collect::<Vec<_>>(), &sets);
            let in_order = Zone::from_sets(zone.id.clone(), zone.origin.clone(), sets.clone());
            prop_assert_eq!(&in_order, &zone);
            sets.reverse();
            let reversed = Zone::from_sets(zone.id.clone(), zone.origin.clone(), sets);
            prop_assert_eq!(reversed.len(), zone.len());
            prop_assert_eq!(&reversed, &zone);
        }
    }
}

#[test]
fn owner_names_keep_their_case_and_underscores() {
    let zone = parse_zone_file(
        &format!("{SOA_NS}WWW.Example.COM. A 192.0.2.9\nmy_host CNAME Target_1.example.net.\n"),
        &n("example.com."),
        "example.com.",
        "example.com.zone",
    )
    .unwrap();
    let names: Vec<String> = zone.iter().map(|s| s.name.to_string()).collect();
    assert!(names.contains(&"WWW.Example.COM.".to_string()), "{names:?}");
    assert_eq!(
        zone.get(&n("my_host.example.com."), RecordType::CNAME)
            .unwrap()
            .value_texts(),
        ["Target_1.example.net."]
    );
}

#[test]
fn zones_are_built_from_sets_in_any_order() {
    let a = |name: &str, last: u8| {
        RecordSet::new(
            n(name),
            RecordType::A,
            300,
            vec![RData::A(Ipv4Addr::new(192, 0, 2, last).into())],
        )
    };
    let txt = RecordSet::new(
        n("b.example."),
        RecordType::TXT,
        60,
        vec![RData::TXT(hickory_proto::rr::rdata::TXT::new(vec![
            "x".into(),
        ]))],
    );
    let sorted = Zone::from_sets(
        "z",
        n("example."),
        [a("a.example.", 1), a("b.example.", 2), txt.clone()],
    );
    let shuffled = Zone::from_sets(
        "z",
        n("example."),
        [
            a("b.example.", 9),
            txt,
            a("a.example.", 1),
            a("b.example.", 2),
        ],
    );
    assert_eq!(shuffled, sorted);
    let names: Vec<(String, RecordType)> = sorted
        .iter()
        .map(|s| (s.name.to_string(), s.rtype))
        .collect();
    assert_eq!(
        names,
        [
            ("a.example.".to_string(), RecordType::A),
            ("b.example.".to_string(), RecordType::A),
            ("b.example.".to_string(), RecordType::TXT)
        ]
    );
}
