//! Replies too big for UDP or for any message, against real dig 9.18 and BIND 9.18
//! (`tests/fixtures/big`): dig is told TC, says so and asks again over TCP; ANY goes over TCP
//! from the start; a reply over 65,535 octets arrives with TC set and empty sections.

mod captured;

use std::path::{Path, PathBuf};

use captured::stable;
use delegation_lab::dns::resolve::Cache;
use delegation_lab::scenario::dig_command::run_line;
use delegation_lab::scenario::zone_folder::load_folder_path;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/big")
}

#[test]
fn replies_over_the_udp_payload_and_over_65535_octets_come_as_from_bind() {
    let world = load_folder_path(&fixtures()).unwrap();
    for (query, capture) in [
        ("@127.0.10.3 +norec TXT wide.example.com", "big-tc-retry"),
        ("@127.0.10.3 +norec NS many.example.com", "big-ns-100"),
        ("@127.0.10.3 +norec TXT huge.example.com", "big-txt-60k"),
        (
            "@127.0.10.3 +norec ANY huge.example.com",
            "big-any-over-64k",
        ),
    ] {
        let run = run_line(&world, &mut Cache::new(), 0, query).unwrap();
        let path = fixtures().join(format!("captures/{capture}.txt"));
        let real = std::fs::read_to_string(&path).unwrap();
        assert_eq!(stable(&run.text), stable(&real), "{query}\n{}", run.text);
        assert_eq!(
            run.text
                .starts_with(";; Truncated, retrying in TCP mode.\n"),
            real.starts_with(";; Truncated, retrying in TCP mode.\n"),
            "{query}"
        );
    }
}

#[test]
fn the_truncation_line_is_a_comment() {
    let world = load_folder_path(&fixtures()).unwrap();
    let run = run_line(
        &world,
        &mut Cache::new(),
        0,
        "@127.0.10.3 +norec +nocomments TXT wide.example.com",
    )
    .unwrap();
    assert!(!run.text.contains("Truncated"), "{}", run.text);
    assert!(run.text.contains("(TCP)"));
}
