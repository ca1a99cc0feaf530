//! Loading a generated zone file of 25,000 records (`parse_zone_file`), and writing it back
//! (`render_zone_file`). The generated file is also written to `target/bench/big.zone`, so that
//! `scripts/bench-zone-load.sh` can time `named-checkzone` on the very same text. The real
//! root zone (`tests/fixtures/oracle/root/zones/root.zone`, 22,094 records with DS, DNSKEY,
//! NSEC, RRSIG and ZONEMD) is loaded too.

use std::fmt::Write;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use delegation_lab::dns::n;
use delegation_lab::scenario::zonefile::{parse_zone_file, render_zone_file};

/// How many records the generated zone holds.
pub const RECORDS: usize = 25_000;

/// A zone of example.com. with `records` records of every common kind: addresses, TXT with
/// blanks, CNAMEs, MX, and delegations with glue; names relative, TTLs from `$TTL` or given.
pub fn big_zone(records: usize) -> String {
    let mut out = String::with_capacity(records * 48);
    out.push_str("$ORIGIN example.com.\n$TTL 300\n");
    out.push_str("@ 900 IN SOA ns1 hostmaster 2024010101 7200 900 1209600 86400\n");
    out.push_str("@ 172800 IN NS ns1\n@ 172800 IN NS ns2.example.net.\nns1 IN A 192.0.2.53\n");
    let mut count = 4;
    let mut i = 0usize;
    while count < records {
        let (a, b) = ((i / 250) % 250, i % 250);
        // A delegation is two records (NS and glue); the last slot may have room for one.
        let kind = if i % 10 == 9 && count + 2 > records {
            0
        } else {
            i % 10
        };
        let _ = match kind {
            0..=4 => writeln!(out, "h{i} IN A 10.{}.{a}.{b}", i / 62_500),
            5 => writeln!(out, "h{i} 3600 IN AAAA 2001:db8::{i:x}"),
            6 => writeln!(
                out,
                "t{i} IN TXT \"v=spf1 include:_spf.example.com ~all\" \"id {i}\""
            ),
            7 => writeln!(out, "c{i} IN CNAME h{}", i - 7),
            8 => writeln!(out, "m{i} IN MX 10 h{}", i - 8),
            _ => {
                count += 1;
                writeln!(out, "d{i} 172800 IN NS ns1.d{i}\nns1.d{i} IN A 192.0.2.{b}")
            }
        };
        count += 1;
        i += 1;
    }
    out
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"))
}

fn zone_load(c: &mut Criterion) {
    let text = big_zone(RECORDS);
    let dir = target_dir().join("bench");
    std::fs::create_dir_all(&dir).expect("create target/bench");
    std::fs::write(dir.join("big.zone"), &text).expect("write target/bench/big.zone");

    let origin = n("example.com.");
    let zone = parse_zone_file(&text, &origin, "example.com.", "big.zone").expect("the zone loads");
    let records: usize = zone.iter().map(|s| s.values.len()).sum();
    assert_eq!(records, RECORDS);

    let mut group = c.benchmark_group("zone_load");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("parse_zone_file 25k records", |b| {
        // The zone is dropped outside the timing: freeing it is not loading it.
        b.iter_with_large_drop(|| {
            parse_zone_file(black_box(&text), &origin, "example.com.", "big.zone").unwrap()
        })
    });
    group.bench_function("render_zone_file 25k records", |b| {
        b.iter(|| render_zone_file(black_box(&zone)))
    });
    let root_file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/oracle/root/zones/root.zone");
    let root = std::fs::read_to_string(&root_file).expect("read the root zone fixture");
    let origin = n(".");
    group.bench_function("parse_zone_file root zone", |b| {
        b.iter_with_large_drop(|| {
            parse_zone_file(black_box(&root), &origin, ".", "root.zone").unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, zone_load);
criterion_main!(benches);
