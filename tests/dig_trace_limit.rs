//! `dig +trace` down a chain of 70 delegations, each on its own server, against real dig 9.18
//! (`tests/fixtures/deep`): dig prints 32 responses, the records of the 33rd, then
//! `dig: too many lookups`, and exits with status 1.

use std::path::Path;

use delegation_lab::dns::resolve::Cache;
use delegation_lab::scenario::dig_command::run_line;
use delegation_lab::scenario::zone_folder::load_folder_path;

/// The record lines (whitespace runs made one space), the servers of the Received lines and
/// the final message, with the exit status when the capture has one.
fn shape(text: &str) -> (Vec<String>, Vec<String>) {
    let records = text
        .lines()
        .filter(|l| !l.starts_with(';') && !l.trim().is_empty())
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let servers = text
        .lines()
        .filter_map(|l| l.strip_prefix(";; Received "))
        .map(|l| {
            l.split(" from ")
                .nth(1)
                .unwrap()
                .split(" in ")
                .next()
                .unwrap()
                .to_string()
        })
        .skip(1) // the first comes from the oracle's resolver, here the public resolver
        .collect();
    (records, servers)
}

#[test]
fn a_trace_past_dig_s_lookup_limit_stops_as_dig_does() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/deep");
    let world = load_folder_path(&dir).unwrap();
    let name = format!("www.{}example.com", "x.".repeat(70));
    let run = run_line(&world, &mut Cache::new(), 0, &format!("+trace {name}")).unwrap();
    let real = std::fs::read_to_string(dir.join("trace-too-many-lookups.txt")).unwrap();
    let real = real
        .strip_suffix("exit 1\n")
        .expect("dig exited with status 1");
    assert_eq!(shape(&run.text), shape(real), "{}", run.text);
    assert!(
        run.text
            .ends_with("IN\tNS ns-30.example.com.\ndig: too many lookups\n")
    );
    assert_eq!(run.exit_code, 1);
}

#[test]
fn a_trace_within_the_limit_ends_normally() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/deep");
    let world = load_folder_path(&dir).unwrap();
    let name = format!("www.{}example.com", "x.".repeat(20));
    let run = run_line(&world, &mut Cache::new(), 0, &format!("+trace {name}")).unwrap();
    assert_eq!(run.exit_code, 0);
    assert!(!run.text.contains("too many lookups"));
    // The 20th zone has no www: its NXDOMAIN (the SOA) ends the trace, after 24 responses.
    assert!(
        run.text
            .contains("example.com. 300 IN SOA\tns-20.example.com."),
        "{}",
        run.text
    );
    assert_eq!(run.text.matches(";; Received").count(), 24);
}
