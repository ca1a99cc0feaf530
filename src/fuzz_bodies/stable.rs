//! The fuzz targets on stable, in every `cargo test`: each body runs on its committed seeds
//! (`fuzz/seeds/<target>/`) and on a fixed number of deterministic mutations of them, so
//! CI exercises the same round-trip checks as the nightly fuzzer on every run.

use std::path::PathBuf;

use super::mutate::Mutator;
use super::{Body, TARGETS};

/// Mutated inputs per target (a few seconds in all in a debug build).
const MUTATIONS: usize = 150;

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("no seeds in {}: {e}", dir.display()))
        .map(|entry| entry.expect("a seed").path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no seeds in {}", dir.display());
    files
        .iter()
        .map(|f| std::fs::read(f).expect("a seed reads"))
        .collect()
}

fn run(target: &str) {
    let body = TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .map(|(_, body)| *body)
        .expect("a target");
    let seeds = seeds(target);
    for seed in &seeds {
        feed(target, body, seed);
    }
    let mut m = Mutator::new(target.len() as u64 * 0x9e37_79b9);
    for i in 0..MUTATIONS {
        let input = &seeds[i % seeds.len()];
        let other = &seeds[(i / seeds.len() + 1) % seeds.len()];
        feed(target, body, &m.mutate(input, other));
    }
}

/// Runs one input; on a failure, names the input (to add it to the seeds or a test).
fn feed(target: &str, body: Body, input: &[u8]) {
    if std::panic::catch_unwind(|| body(input)).is_err() {
        panic!(
            "{target} fails on the input {:?}",
            String::from_utf8_lossy(input)
        );
    }
}

#[test]
fn zone_file() {
    run("zone_file");
}

#[test]
fn zone_folder() {
    run("zone_folder");
}

#[test]
fn scenario_json() {
    run("scenario_json");
}

#[test]
fn route53_json() {
    run("route53_json");
}

#[test]
fn share_link() {
    run("share_link");
}

#[test]
fn dig_line() {
    run("dig_line");
}

#[cfg(feature = "web")]
#[test]
fn record_form() {
    run("record_form");
}
