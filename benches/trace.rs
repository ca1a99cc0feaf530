//! The iterative trace of `A www.api.example.com` on the article's preset (target: ≤ 10 µs
//! median, native), and the same question through the recursive resolver with a warm cache.

use criterion::{Criterion, criterion_group, criterion_main};
use delegation_lab::dns::resolve::{self, Cache};
use delegation_lab::dns::{Question, n};
use delegation_lab::scenario::presets;
use hickory_proto::rr::RecordType;

fn bench(c: &mut Criterion) {
    let s = presets::build("article").unwrap();
    let q = Question::new(n("www.api.example.com"), RecordType::A);
    c.bench_function("trace A www.api.example.com (article)", |b| {
        b.iter(|| resolve::trace(std::hint::black_box(&s.world), &q, s.clock))
    });
    let mut cache = Cache::new();
    resolve::recursive(&s.world, &mut cache, &q, s.clock);
    c.bench_function("recursive A www.api.example.com, warm cache", |b| {
        b.iter(|| resolve::recursive(std::hint::black_box(&s.world), &mut cache, &q, s.clock))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
