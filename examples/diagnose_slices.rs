//! How the sliced diagnosis (`diagnose::Diagnoser`) spends its time on a scenario: the whole
//! diagnosis, then one unit of work at a time, timed natively: the time by stage, the
//! longest unit and where it is. A unit over a frame's budget is a long task in the app.
//!
//! `cargo run --profile bench --example diagnose_slices -- [big-zone|many-zones|FILE.json]`

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use delegation_lab::diagnose::{self, Diagnoser};
use delegation_lab::scenario::{Scenario, scale};

fn main() {
    let which = std::env::args().nth(1).unwrap_or_else(|| "big-zone".into());
    let s = match which.as_str() {
        "big-zone" => scale::big_zone(scale::BIG_ZONE_SETS),
        "many-zones" => scale::many_zones(scale::MANY_ZONES, scale::MANY_ZONES_ACCOUNTS),
        file => Scenario::from_json(&std::fs::read_to_string(file).expect("read the file"))
            .expect("a scenario"),
    };
    let t = Instant::now();
    let whole = diagnose::diagnose(&s);
    println!(
        "{which}: diagnose(): {:?}, {} findings",
        t.elapsed(),
        whole.len()
    );

    let mut d = Diagnoser::new();
    d.start(&s);
    let mut by_stage: BTreeMap<&str, (Duration, usize, Duration)> = BTreeMap::new();
    let t = Instant::now();
    while !d.is_current() {
        let stage = d.stage();
        let u = Instant::now();
        d.step(1);
        let took = u.elapsed();
        let e = by_stage.entry(stage).or_default();
        e.0 += took;
        e.1 += 1;
        e.2 = e.2.max(took);
    }
    println!(
        "sliced, one unit at a time: {:?}, {} units",
        t.elapsed(),
        d.progress().total
    );
    assert_eq!(d.findings().unwrap(), whole.as_slice());
    for (stage, (total, units, longest)) in by_stage {
        println!("  {stage:<45} {total:>12?} in {units:>6} units, longest {longest:?}");
    }
}
