//! DNSSEC record types as data, against real dig 9.18 and BIND 9.18 (`tests/fixtures/dnssec`,
//! `tests/fixtures/oracle/root`): the text of every record is read and printed back as dig
//! printed it, its wire octets are those dig showed with `+unknownformat`, zone files holding
//! them load, and the real root zone answers as BIND answered.

use std::path::{Path, PathBuf};

mod captured;

use captured::stable;
use delegation_lab::dns::dig::rdata_text;
use delegation_lab::dns::dnssec;
use delegation_lab::dns::resolve::Cache;
use delegation_lab::dns::rtype::parse_type_mnemonic;
use delegation_lab::dns::{Zone, n};
use delegation_lab::scenario::dig_command::run_line;
use delegation_lab::scenario::zone_folder::load_folder_path;
use delegation_lab::scenario::zonefile::{parse_zone_file, render_zone_file};
use hickory_proto::rr::{Name, RData};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The record lines of a dig capture or a zone dump: (type, data), whitespace runs made one.
fn records(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter(|l| !l.starts_with(';') && !l.trim().is_empty() && !l.starts_with("exit "))
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f[3].to_string(), f[4..].join(" "))
        })
        .collect()
}

/// Reads one record's data with the code under test.
fn parse(rtype: &str, data: &str) -> RData {
    let rtype = parse_type_mnemonic(rtype).unwrap();
    let tokens: Vec<&str> = data.split_whitespace().collect();
    dnssec::parse(rtype, &tokens, &Name::root()).unwrap_or_else(|e| panic!("{rtype} {data}: {e:?}"))
}

fn octets(rdata: &RData) -> Vec<u8> {
    match rdata {
        RData::Unknown { rdata, .. } => rdata.anything.clone(),
        other => panic!("{other:?}"),
    }
}

fn hex(text: &str) -> Vec<u8> {
    let s: String = text.split_whitespace().collect();
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v
}

#[test]
fn text_and_wire_match_dig_for_every_capture() {
    let dir = fixtures().join("dnssec/captures");
    let mut compared = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let Some(base) = name.strip_suffix("-rfc3597.txt") else {
            continue;
        };
        let text = read(&dir.join(format!("{base}.txt")));
        let generic = read(&path);
        let mut ours = Vec::new();
        for (rtype, data) in records(&text) {
            if !dnssec::handles(parse_type_mnemonic(&rtype).unwrap()) {
                continue;
            }
            let rdata = parse(&rtype, &data);
            assert_eq!(rdata_text(&rdata), data, "{base}: printed back");
            ours.push(octets(&rdata));
            compared += 1;
        }
        let theirs: Vec<Vec<u8>> = records(&generic)
            .into_iter()
            .filter(|(t, _)| parse_type_mnemonic(t).is_some_and(dnssec::handles))
            .map(|(_, data)| {
                let f: Vec<&str> = data.split_whitespace().collect();
                assert_eq!(f[0], "\\#");
                hex(&f[2..].join(""))
            })
            .collect();
        assert_eq!(sorted(ours), sorted(theirs), "{base}: wire octets");
    }
    assert!(compared >= 20, "only {compared} records compared");
}

#[test]
fn named_checkzone_text_is_printed_back() {
    let dump = read(&fixtures().join("dnssec/checkzone-dump.txt"));
    let mut compared = 0;
    for (rtype, data) in records(&dump) {
        let Some(t) = parse_type_mnemonic(&rtype) else {
            continue;
        };
        if dnssec::handles(t) {
            assert_eq!(rdata_text(&parse(&rtype, &data)), data);
            compared += 1;
        }
    }
    assert_eq!(compared, 17);
}

fn example_zone() -> Zone {
    let text = read(&fixtures().join("dnssec/zones/example.com.zone"));
    parse_zone_file(
        &text,
        &n("example.com."),
        "example.com.",
        "example.com.zone",
    )
    .unwrap()
}

#[test]
fn a_zone_file_with_every_type_loads_and_prints_as_bind_dumps_it() {
    let zone = example_zone();
    let dump = read(&fixtures().join("dnssec/checkzone-dump.txt"));
    let expected: Vec<(String, String)> = records(&dump);
    let ours: Vec<(String, String)> = zone
        .iter()
        .flat_map(|set| {
            set.values
                .iter()
                .map(|v| {
                    (
                        delegation_lab::dns::dig::type_text(set.rtype),
                        rdata_text(v),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(sorted(ours), sorted(expected));
    // Written out and read again, the zone is the same.
    let again = parse_zone_file(
        &render_zone_file(&zone),
        &n("example.com."),
        "example.com.",
        "again",
    )
    .unwrap();
    assert_eq!(again, zone);
}

#[test]
fn bad_dnssec_data_is_refused_where_it_was_typed() {
    let load = |line: &str| {
        let text = format!("$TTL 300\n@ SOA ns1 h 1 2 3 4 5\n@ NS ns1\n{line}\n");
        parse_zone_file(&text, &n("example.com."), "z", "z.zone")
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        load("child DS 2371 13 2 ABC"),
        "z.zone:4:20: bad DS record data: \"ABC\" is not hex: an even number of digits 0-9 and A-F"
    );
    assert_eq!(
        load("www NSEC next A BOGUS"),
        "z.zone:4:17: bad NSEC record data: \"BOGUS\" is not a record type"
    );
    assert_eq!(
        load("u TYPE65280 \\# 4 0102"),
        "z.zone:4:16: bad TYPE65280 record data: the length says 4 octets but the hex holds 2"
    );
    assert!(load("@ DNSKEY 257 3").contains("the DNSKEY record data is incomplete"));
}

#[test]
fn the_real_root_zone_refers_com_and_answers_its_ds() {
    let world = load_folder_path(&fixtures().join("oracle/root")).unwrap();
    let root = world.zones.iter().find(|z| z.origin.is_root()).unwrap();
    let records: usize = root.iter().map(|s| s.values.len()).sum();
    assert_eq!(records, 22_094);
    for (query, capture) in [
        (
            "+norecurse @a.root-servers.net NS com.",
            "root-referral-com",
        ),
        ("+norecurse @a.root-servers.net DS com.", "root-ds-com"),
        ("+norecurse @a.root-servers.net DNSKEY .", "root-dnskey"),
        ("+norecurse @a.root-servers.net NSEC com.", "root-nsec-com"),
        ("+norecurse @a.root-servers.net ZONEMD .", "root-zonemd"),
    ] {
        let run = run_line(&world, &mut Cache::new(), 0, query).unwrap();
        let real = read(&fixtures().join(format!("dnssec/captures/{capture}.txt")));
        assert_eq!(stable(&run.text), stable(&real), "{query}\n{}", run.text);
    }
}
