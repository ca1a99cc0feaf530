//! Runs the article's iterative trace of `A www.api.example.com` 2,000 times: a steady
//! workload for `valgrind --tool=callgrind` (instruction counts do not depend on how busy the
//! machine is), used by `scripts/bench-engine.sh` beside the criterion benchmark.

use delegation_lab::dns::resolve;
use delegation_lab::dns::{Question, n};
use delegation_lab::scenario::presets;
use hickory_proto::rr::RecordType;

/// How many traces one run makes.
const RUNS: usize = 2000;

fn main() {
    let s = presets::build("article").expect("the article preset");
    let q = Question::new(n("www.api.example.com"), RecordType::A);
    for _ in 0..RUNS {
        std::hint::black_box(resolve::trace(&s.world, &q, s.clock));
    }
}
