use delegation_lab::dns::resolve::{self, Action};
use delegation_lab::dns::{Question, n};
use delegation_lab::scenario::presets;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let s = presets::build(&args[1]).unwrap();
    let rtype = args[3].parse().unwrap();
    let r = resolve::trace(&s.world, &Question::new(n(&args[2]), rtype), s.clock);
    for st in &r.steps {
        if let Action::Query {
            server,
            zone,
            question,
            reply,
        } = &st.action
        {
            println!(
                "{}[{}] {} @{} ({}) for {} -> {:?}",
                "  ".repeat(st.depth as usize),
                question,
                server.name,
                server.ip,
                zone,
                st.purpose,
                reply.as_ref().map(|r| &r.kind)
            );
        }
        println!(
            "{}    => {:?}: {}",
            "  ".repeat(st.depth as usize),
            st.decision,
            st.why
        );
    }
    println!("OUTCOME {:?} {}", r.outcome.kind, r.outcome.reason);
    for a in &r.outcome.answer {
        println!("  {a}");
    }
    for a in &r.outcome.authority {
        println!("  AUTH {a}");
    }
}
