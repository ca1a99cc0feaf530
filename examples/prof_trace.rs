use delegation_lab::dns::resolve;
use delegation_lab::dns::{Question, n};
use delegation_lab::scenario::presets;
use hickory_proto::rr::RecordType;

fn main() {
    let s = presets::build("article").unwrap();
    let q = Question::new(n("www.api.example.com"), RecordType::A);
    for _ in 0..2000 {
        std::hint::black_box(resolve::trace(&s.world, &q, s.clock));
    }
}
