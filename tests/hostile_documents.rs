//! Documents made to harm (a share link, a pasted scenario): ids that would write outside the
//! export's folder or archive, names holding path separators, clocks at the end of time, and
//! retired delegation sets that once froze the tab. Each is refused on load with a clear
//! message or handled safely.

use delegation_lab::aws::route53;
use delegation_lab::dns::n;
use delegation_lab::scenario::acm_ops;
use delegation_lab::scenario::clock::MAX_CLOCK;
use delegation_lab::scenario::edit::Edit;
use delegation_lab::scenario::interop::{
    LinkError, export_folder, export_zone_files, open_link, share, zip,
};
use delegation_lab::scenario::zone_folder::load_folder;
use delegation_lab::scenario::{DocumentError, Inconsistency, Scenario, presets};
use serde_json::Value;

fn article() -> Scenario {
    presets::build("article").unwrap()
}

/// The article's document with `change` made to its JSON.
fn edited(change: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&article().to_json()).unwrap();
    change(&mut v);
    serde_json::to_string(&v).unwrap()
}

/// Renames the zone with id `from` (hosted zone, world zone, servers' lists) to `to`.
fn rename_zone_id(v: &mut Value, from: &str, to: &str) {
    let text = serde_json::to_string(v).unwrap().replace(from, to);
    *v = serde_json::from_str(&text).unwrap();
}

fn inconsistent(text: &str) -> String {
    match Scenario::from_json(text) {
        Err(DocumentError::Inconsistent(m)) => m.to_string(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_hosted_zone_id_that_is_a_path_is_refused_on_load_and_in_a_link() {
    let id = article().aws.hosted_zones[1].id.clone();
    let text = edited(|v| rename_zone_id(v, &id, "../../../../x"));
    assert_eq!(
        inconsistent(&text),
        "the zone id \"../../../../x\" is not an id: a zone id is a Route 53 id or the zone's name (such as example.com.), without spaces, '/' or '\\'"
    );
    let text = edited(|v| rename_zone_id(v, &id, "ZABC..DEF"));
    assert!(
        inconsistent(&text).starts_with("the hosted zone id \"ZABC..DEF\" is not a Route 53 id"),
        "{}",
        inconsistent(&text)
    );
    // The same document in a share link (made by hand: `share` only takes valid scenarios).
    let payload = format!(
        "{{\"scenario\":{}}}",
        edited(|v| rename_zone_id(v, &id, "../x"))
    );
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(payload.as_bytes(), 6);
    let link = format!(
        "#s1.{}",
        base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, packed)
    );
    assert!(matches!(
        open_link(&link),
        Err(LinkError::Scenario(DocumentError::Inconsistent(_)))
    ));
}

#[test]
fn zone_names_with_separators_export_under_safe_names_that_read_back() {
    // A label may hold a dot, written `\.`: the backslash is a path separator on Windows
    // and in many ZIP tools. A zone named so stays inside the export's folder.
    let mut s = article();
    let account = s.aws.hosted_zones[1].account.clone();
    route53::create_hosted_zone(&mut s.world, &mut s.aws, &account, r"a\.b.example.com", "r")
        .unwrap();
    let s = Scenario::from_json(&s.to_json()).unwrap();
    let files = export_zone_files(&s);
    let names: Vec<&str> = files.iter().map(|(f, _)| f.as_str()).collect();
    assert!(names.contains(&"a%5C.b.example.com.zone"), "{names:?}");
    for name in &names {
        assert!(!name.contains(['/', '\\']) && *name != "..", "{name}");
    }
    let folder = export_folder(&s);
    for (path, _) in &folder {
        let rest = path.strip_prefix("zones/").unwrap_or(path);
        assert!(!rest.contains(['/', '\\']), "{path}");
    }
    let back = load_folder(&folder[0].1, &folder[1..]).unwrap();
    assert_eq!(
        back, s.world,
        "the escaped file names read back as the zones' names"
    );
}

#[test]
fn a_zip_never_holds_an_entry_outside_its_folder() {
    let archive = zip(&[
        ("../../evil.zone".into(), b"x".to_vec()),
        ("/etc/passwd".into(), b"y".to_vec()),
        ("zones/ok.zone".into(), b"z".to_vec()),
    ]);
    let text = String::from_utf8_lossy(&archive);
    assert!(
        !text.contains("../") && !text.contains("\u{0}/etc"),
        "{text}"
    );
    assert!(text.contains("%2E%2E/%2E%2E/evil.zone"));
    assert!(text.contains("%00/etc/passwd"));
    assert!(text.contains("zones/ok.zone"));
}

#[test]
fn a_clock_past_year_9999_is_refused_on_load() {
    let text = edited(|v| v["clock"] = Value::from(u64::MAX - 5));
    assert_eq!(
        inconsistent(&text),
        "the clock is 18446744073709551610 seconds after 1970, past 9999-12-31T23:59:59Z, the last time the simulation keeps"
    );
    let s = presets::build("acm-issued").unwrap();
    let mut v: Value = serde_json::from_str(&s.to_json()).unwrap();
    v["aws"]["certificates"][0]["requested_at"] = Value::from(u64::MAX);
    let m = inconsistent(&serde_json::to_string(&v).unwrap());
    assert!(m.starts_with("a time of certificate arn:aws:acm:"), "{m}");
}

#[test]
fn advancing_the_clock_stops_at_the_last_second() {
    let mut s = presets::build("acm-issued").unwrap();
    s.clock = MAX_CLOCK - 10;
    let e = Edit::AdvanceClock { seconds: 3600 }
        .apply(&mut s)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with(
            "the clock cannot go 3600 seconds forward: it would pass 9999-12-31T23:59:59Z"
        ),
        "{e}"
    );
    assert_eq!(s.clock, MAX_CLOCK - 10, "a refused edit changes nothing");
    Edit::AdvanceClock { seconds: 10 }.apply(&mut s).unwrap();
    assert_eq!(s.clock, MAX_CLOCK);
    acm_ops::advance(&mut s, u64::MAX);
    assert_eq!(s.clock, MAX_CLOCK, "the engine's own advance saturates");
    // Resolution and the cache at the last second: no overflow.
    let mut cache = delegation_lab::dns::resolve::Cache::new();
    let r = delegation_lab::dns::resolve::recursive(
        &s.world,
        &mut cache,
        &delegation_lab::dns::Question::new(n("www.example.com"), hickory_proto::rr::RecordType::A),
        s.clock,
    );
    assert!(r.outcome.message.is_some());
}

#[test]
fn a_link_whose_retired_sets_cover_a_range_opens_and_creates_zones() {
    // The 4.4 KB link that froze the tab on its first "create hosted zone".
    let mut s = article();
    s.aws.retired_sets = (0..512u16)
        .map(|k| ("shop.example.com.".to_string(), [k, 512, 1024, 1536]))
        .collect();
    let link = share(&s, None).unwrap();
    assert!(link.len() < 8 * 1024, "{} characters", link.len());
    let mut opened = open_link(&link).unwrap().scenario;
    let account = opened.aws.hosted_zones[1].account.clone();
    let id = route53::create_hosted_zone(
        &mut opened.world,
        &mut opened.aws,
        &account,
        "shop.example.com",
        "r-1",
    )
    .unwrap();
    let id = route53::recreate_hosted_zone(&mut opened.world, &mut opened.aws, &id).unwrap();
    assert!(opened.aws.hosted_zone(&id).is_some());
}

/// Found by the scenario fuzzer: a zone without NS records (or SOA) at its origin was
/// accepted in a document, and its zone folder then refused, as BIND refuses such a zone.
/// The document refuses it on load, naming the zone.
#[test]
fn a_zone_without_soa_or_ns_at_its_origin_is_refused_on_load() {
    for rtype in ["NS", "SOA"] {
        let text = edited(|v| {
            let zones = v["world"]["zones"].as_array_mut().unwrap();
            let zone = zones
                .iter_mut()
                .find(|z| z["origin"] == "awsdns-40.com.")
                .unwrap();
            let records = zone["records"].as_array_mut().unwrap();
            records.retain(|r| !(r["name"] == "awsdns-40.com." && r["type"] == rtype));
        });
        match Scenario::from_json(&text) {
            Err(DocumentError::Inconsistent(Inconsistency::MissingApex {
                zone,
                rtype: missing,
                ..
            })) => assert_eq!(
                (zone.as_str(), missing.to_string()),
                ("awsdns-40.com.", rtype.to_string())
            ),
            other => panic!("{rtype}: expected the missing apex, got {other:?}"),
        }
        let e = inconsistent(&text);
        assert!(e.contains("at its origin awsdns-40.com."), "{rtype}: {e}");
    }
}
