//! Share links: every preset round-trips with its view state; damaged, truncated and newer
//! links are refused with a clear message; and the largest scenario a link carries within
//! the 32 KiB budget is measured and tested at the edge. To print the figure:
//! `cargo test --release --test interop_share capacity -- --nocapture`.

use delegation_lab::aws::rng::stable_hash;
use delegation_lab::aws::route53::{self, Change, ChangeAction};
use delegation_lab::dns::n;
use delegation_lab::dns::rrset::{RecordSet, parse_values};
use delegation_lab::scenario::Scenario;
use delegation_lab::scenario::interop::{
    LINK_BUDGET, LinkError, LinkFocus, encoded_size, open_link, share,
};
use delegation_lab::scenario::presets::{self, PRESETS};
use hickory_proto::rr::RecordType;

fn view() -> LinkFocus {
    LinkFocus {
        zone: Some("Z0123".into()),
        dig: Some("dig +trace api.example.com".into()),
        step: Some(4),
        play: false,
    }
}

#[test]
fn every_preset_round_trips_with_its_view() {
    for p in PRESETS {
        let s = presets::build(p.id).unwrap();
        let link = share(&s, Some(&view())).unwrap();
        assert!(link.starts_with("#s1."), "{link}");
        assert!(
            link[4..]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "{link}"
        );
        let opened = open_link(&link).unwrap();
        assert_eq!(opened.scenario, s, "{}", p.id);
        assert_eq!(opened.focus, Some(view()));
        // Without the view, and as a whole URL.
        let link = share(&s, None).unwrap();
        let opened = open_link(&format!("https://lab.example/app/?embed=1{link}")).unwrap();
        assert_eq!((opened.scenario, opened.focus), (s, None));
    }
}

fn error(link: &str) -> String {
    open_link(link).unwrap_err().to_string()
}

#[test]
fn damaged_truncated_and_newer_links_are_refused() {
    let link = share(&presets::build("article").unwrap(), None).unwrap();
    let cut = |len: usize| link[..len].to_string();
    // Cut inside a character group, and at a group boundary in the middle of the data.
    let inside = (link.len() / 2..).find(|l| (l - 4) % 4 == 1).unwrap();
    let boundary = (link.len() / 2..).find(|l| (l - 4) % 4 == 0).unwrap();
    assert_eq!(
        error(&cut(inside)),
        "this link is damaged or cut short (it ends in the middle of a character group): copy the whole link again"
    );
    assert_eq!(
        error(&cut(boundary)),
        "this link is damaged or cut short (its data ends too early): copy the whole link again"
    );
    // One character changed: the checksum (or the data itself) gives it away.
    let mut bytes = link.clone().into_bytes();
    let at = link.len() - 10;
    bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
    let damaged = String::from_utf8(bytes).unwrap();
    assert!(
        matches!(open_link(&damaged), Err(LinkError::Damaged(_))),
        "{:?}",
        open_link(&damaged).map(|_| ())
    );
    assert_eq!(
        error("#s1.abc$def"),
        "this link is damaged or cut short ('$' at character 8 cannot be in a link): copy the whole link again"
    );
    assert_eq!(
        error(&link.replacen("#s1.", "#s2.", 1)),
        "this link was made by a newer Delegation Lab (its format is s2, this one opens s1): open it in the newer version, or ask for the scenario file"
    );
    assert_eq!(
        error("#/presets/article"),
        "this is not a Delegation Lab share link: the part after # should start with s1."
    );
    assert_eq!(
        error(&pack("{\"view\": {}}")),
        "this link is damaged or cut short (its content is not a shared scenario: missing field `scenario` at line 1 column 12): copy the whole link again"
    );
    assert_eq!(
        error(&pack_bytes(b"{\"scenario\": \"\xff\"}")),
        "this link is damaged or cut short (its content is not a shared scenario: it is not UTF-8 text (byte 15)): copy the whole link again"
    );
}

/// A link made by hand around `payload`.
fn pack(payload: &str) -> String {
    pack_bytes(payload.as_bytes())
}

/// A link made by hand around bytes that need not be text.
fn pack_bytes(payload: &[u8]) -> String {
    use base64::Engine;
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(payload, 6);
    format!(
        "#s1.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
    )
}

#[test]
fn a_scenario_from_a_newer_version_is_refused_by_its_document_version() {
    let s = presets::build("article").unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&s.to_json()).unwrap();
    json["version"] = 9.into();
    let link = pack(&serde_json::json!({"scenario": json}).to_string());
    assert_eq!(
        error(&link),
        "the scenario in this link cannot be opened: this scenario was saved by a newer Delegation Lab (document version 9); this one reads version 1 and older"
    );
}

const WORDS: [&str; 20] = [
    "www", "api", "mail", "db", "cache", "auth", "cdn", "static", "img", "admin", "status", "docs",
    "blog", "shop", "pay", "search", "vpn", "git", "ci", "metrics",
];

/// The article's scenario with `count` more record sets in the child zone, shaped like a
/// real zone: host names from common words and a number, four in five A records with
/// scattered documentation addresses, one in five a CNAME to another host.
fn grown(count: usize) -> Scenario {
    let mut s = presets::build("article").unwrap();
    let child = s
        .aws
        .hosted_zones
        .iter()
        .find(|z| z.name == n("api.example.com"))
        .unwrap()
        .id
        .clone();
    let host = |i: usize| {
        let h = stable_hash(&["grow", &i.to_string()]) as usize;
        format!("{}-{}.api.example.com", WORDS[h % WORDS.len()], i)
    };
    let changes: Vec<Change> = (0..count)
        .map(|i| {
            let h = stable_hash(&["addr", &i.to_string()]);
            let set = if i % 5 == 4 {
                let target = host((h as usize) % i.max(1));
                RecordSet::new(
                    n(&host(i)),
                    RecordType::CNAME,
                    300,
                    parse_values(RecordType::CNAME, &[target]).unwrap(),
                )
            } else {
                let block = ["192.0.2", "198.51.100", "203.0.113"][(h % 3) as usize];
                let addr = format!("{block}.{}", 1 + (h >> 8) % 254);
                RecordSet::new(
                    n(&host(i)),
                    RecordType::A,
                    [60, 300, 3600][((h >> 16) % 3) as usize],
                    parse_values(RecordType::A, &[addr]).unwrap(),
                )
            };
            Change {
                action: ChangeAction::Create,
                set,
            }
        })
        .collect();
    route53::change_record_sets(&mut s.world, &s.aws, &child, &changes).unwrap();
    s
}

/// The most extra record sets whose link fits the budget.
fn capacity() -> usize {
    let (mut fits, mut too_many) = (0, 4096);
    assert!(encoded_size(&grown(too_many), Some(&view())) > LINK_BUDGET);
    while too_many - fits > 1 {
        let mid = (fits + too_many) / 2;
        if encoded_size(&grown(mid), Some(&view())) <= LINK_BUDGET {
            fits = mid;
        } else {
            too_many = mid;
        }
    }
    fits
}

#[test]
fn capacity_the_largest_scenario_a_link_carries() {
    let fits = capacity();
    let s = grown(fits);
    let sets: usize = s
        .aws
        .hosted_zones
        .iter()
        .map(|hz| s.world.zone(&hz.id).unwrap().len())
        .sum();
    let link = share(&s, Some(&view())).unwrap();
    println!(
        "A {LINK_BUDGET}-character link carries the article's scenario plus {fits} record sets ({sets} in its hosted zones): its JSON is {} bytes, the link {} characters.",
        s.to_json().len(),
        link.len()
    );
    assert!(fits >= 1000, "only {fits} record sets fit");
    assert!(link.len() <= LINK_BUDGET && link.len() > LINK_BUDGET - 64);
    assert_eq!(open_link(&link).unwrap().scenario, s);
    let over = grown(fits + 1);
    assert_eq!(
        share(&over, Some(&view())).unwrap_err(),
        LinkError::TooLarge {
            chars: encoded_size(&over, Some(&view())),
            budget: LINK_BUDGET
        }
    );
    assert!(
        share(&over, Some(&view()))
            .unwrap_err()
            .to_string()
            .ends_with("more than the 32768 a link may have: share the scenario file instead (Export, JSON)")
    );
}
