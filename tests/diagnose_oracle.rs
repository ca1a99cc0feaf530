//! The diagnosis of the oracle's zone folders: the scenarios recorded against real BIND and
//! Unbound, each built around one behaviour, get exactly the findings their problems call for.

mod common;

use common::findings;
use delegation_lab::diagnose::{Code, Severity};
use delegation_lab::scenario::source;

fn diagnosed(folder: &str) -> Vec<(Code, Severity, String)> {
    let s = source::load(&format!("tests/fixtures/oracle/{folder}")).unwrap();
    findings(&s)
        .into_iter()
        .map(|f| {
            let subject = f.title.split(':').next().unwrap_or_default().to_string();
            (f.code, f.severity, subject)
        })
        .collect()
}

fn expect(list: &[(Code, Severity, &str)]) -> Vec<(Code, Severity, String)> {
    list.iter()
        .map(|(c, s, n)| (*c, *s, n.to_string()))
        .collect()
}

use Code::*;
use Severity::{Error, Warning};

#[test]
fn scenarios_without_a_problem_have_no_finding() {
    for folder in [
        "empty-non-terminal",
        "negative-ttl",
        "record-types",
        "seed",
        "wildcard",
    ] {
        assert_eq!(diagnosed(folder), [], "{folder}");
    }
}

#[test]
fn lame_and_unresolvable_servers() {
    assert_eq!(
        diagnosed("lame-partial"),
        expect(&[
            (NsNameUnresolvable, Error, "allnx.example.com"),
            (LameDelegationPartial, Warning, "dead.example.com"),
            (LameDelegationPartial, Warning, "partial.example.com"),
            (NsNameUnresolvable, Warning, "nxns.example.com"),
        ])
    );
}

#[test]
fn trailing_dots() {
    assert_eq!(
        diagnosed("trailing-dot"),
        expect(&[
            (NsNameUnresolvable, Error, "api.example.com"),
            (NsNameUnresolvable, Warning, "api2.example.com"),
        ])
    );
}

#[test]
fn cname_chains() {
    assert_eq!(
        diagnosed("cname-chains"),
        expect(&[
            (CnameLoop, Error, "loop1.example.com"),
            (CnameLoop, Error, "loopx.example.com"),
            // The loop across two zones (example.com -> example.net -> example.com).
            (CnameLoop, Error, "loopz.example.com"),
            (CnameLoop, Error, "self.example.com"),
            (CnameChainTooLong, Error, "c1.example.com"),
            (CnameChainTooLong, Error, "d1.example.com"),
            (CnameChainTooLong, Error, "x12-1.example.com"),
            (CnameChainTooLong, Error, "x13-1.example.com"),
            (CnameChainTooLong, Error, "y1.example.com"),
            (CnameChainTooLong, Error, "z1.example.com"),
            (CnameToNxdomain, Warning, "nx-other.example.com"),
            (CnameToNxdomain, Warning, "nx.example.com"),
            (CnameToNxdomain, Warning, "samesrv-nx.example.com"),
        ])
    );
}

#[test]
fn the_articles_failures_as_zone_folders() {
    assert_eq!(
        diagnosed("wrong-ns"),
        expect(&[(DelegationNsMismatch, Error, "api.example.com")])
    );
    assert_eq!(
        diagnosed("record-in-parent"),
        expect(&[(OccludedRecords, Error, "api.example.com")])
    );
    assert_eq!(
        diagnosed("validation-in-parent"),
        expect(&[(ValidationRecordWrongZone, Error, "_abc123.api.example.com")])
    );
    // The parent names two of the child's four servers, and holds data below the cut.
    assert_eq!(
        diagnosed("same-server-parent-child"),
        expect(&[
            (OccludedRecords, Error, "api.example.com"),
            (DelegationNsMismatch, Warning, "api.example.com"),
        ])
    );
}

#[test]
fn delegations_to_zones_the_folder_does_not_hold() {
    let got = diagnosed("additional-data");
    assert!(
        got.iter()
            .all(|(c, s, _)| *c == DelegationToMissingZone && *s == Error)
    );
    assert_eq!(
        got.iter().map(|(_, _, n)| n.as_str()).collect::<Vec<_>>(),
        [
            "authns.example.com",
            "glueother.com",
            "inb.example.com",
            "otherzone.example.com",
            "sib.example.com"
        ]
    );
}
