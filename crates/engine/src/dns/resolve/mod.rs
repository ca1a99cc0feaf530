//! Resolution as a list of steps. Three ways to ask, as a user would:
//!
//! - [`trace`]: an iterative resolution from the root hints with an empty cache, like
//!   `dig +trace` (but also chasing CNAMEs and showing the lookups of name-server addresses).
//! - [`recursive`]: a public recursive resolver (like 8.8.8.8) with a cache that lives on the
//!   scenario's simulated clock; a question it has cached is answered without any query.
//! - [`direct`]: one query to one server (`dig @server`), nothing followed.

mod cache;
mod engine;
mod json;
mod limits;
mod outcome;
mod step;

use hickory_proto::op::ResponseCode;
use hickory_proto::rr::RecordType;

pub use cache::{Cache, CacheHit, Cached, Entry, Trust};
pub use json::step_json;
pub use limits::Limits;
pub use outcome::{Outcome, OutcomeKind, resolver_message};
pub use step::{Action, Decision, ServerRef, Step};

use crate::dns::answer::{Question, ReplyKind, ask};
use crate::dns::server::NameServer;
use crate::dns::world::World;
use engine::Engine;

/// The address the simulated public recursive resolver answers on.
pub const PUBLIC_RESOLVER: std::net::Ipv4Addr = std::net::Ipv4Addr::new(8, 8, 8, 8);

/// How a resolution was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Trace,
    Recursive,
    Direct,
}

/// A whole resolution: every step, and the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    pub question: Question,
    pub mode: Mode,
    pub steps: Vec<Step>,
    pub outcome: Outcome,
}

/// A message id that is the same every time for the same question (scenarios replay
/// identically), and differs between questions as real ids do.
pub fn message_id(q: &Question, salt: u16) -> u16 {
    let mut h: u32 = 2166136261;
    for b in q
        .name
        .to_lowercase()
        .to_string()
        .bytes()
        .chain(u16::from(q.rtype).to_be_bytes())
    {
        h = (h ^ u32::from(b)).wrapping_mul(16777619);
    }
    (h as u16) ^ (h >> 16) as u16 ^ salt
}

/// An iterative resolution from the root with an empty cache.
pub fn trace(world: &World, q: &Question, now: u64) -> Resolution {
    let mut cache = Cache::new();
    run(world, &mut cache, q, now, Mode::Trace, Limits::dig_trace())
}

/// A resolution by the public recursive resolver, using and filling `cache`.
pub fn recursive(world: &World, cache: &mut Cache, q: &Question, now: u64) -> Resolution {
    run(world, cache, q, now, Mode::Recursive, Limits::default())
}

/// A resolution with chosen limits (for tests of the bounds).
pub fn run(
    world: &World,
    cache: &mut Cache,
    q: &Question,
    now: u64,
    mode: Mode,
    limits: Limits,
) -> Resolution {
    let mut engine = Engine::new(world, cache, now, limits, message_id(q, 0x5a5a));
    let found = engine.lookup(q, 0);
    let id = message_id(q, 0);
    // A resolver that gives up answers SERVFAIL with empty sections, even after following
    // CNAMEs (Unbound 1.17 with a loop across two zones, `tests/fixtures/oracle/cname-chains`);
    // the chain stays in the outcome to explain it.
    let sent = match found.kind {
        OutcomeKind::ServFail => &[][..],
        _ => &found.answer[..],
    };
    let message = resolver_message(q, id, found.kind, sent, &found.authority);
    let outcome = Outcome {
        kind: found.kind,
        answer: found.answer,
        authority: found.authority,
        reason: found.reason,
        message: Some(message),
    };
    Resolution {
        question: q.clone(),
        mode,
        steps: engine.steps,
        outcome,
    }
}

/// One query to one server, as `dig @server` sends it (`rd` false for `+norecurse`).
pub fn direct(world: &World, server: &NameServer, q: &Question, rd: bool) -> Resolution {
    let reply = ask(world, server, q, rd, message_id(q, 0));
    let m = &reply.message;
    let kind = match &reply.kind {
        ReplyKind::Refused => OutcomeKind::Refused,
        ReplyKind::Referral { .. } => OutcomeKind::Referral,
        ReplyKind::NxDomain => OutcomeKind::NxDomain,
        ReplyKind::NoData => OutcomeKind::NoData,
        ReplyKind::Answer | ReplyKind::Cname { .. } => OutcomeKind::Answer,
    };
    let (decision, reason) = match &reply.kind {
        ReplyKind::Refused => (
            Decision::GiveUp {
                reason: "the server refused".into(),
            },
            reply.why(),
        ),
        ReplyKind::Referral { cut } => (
            Decision::FollowReferral {
                zone: cut.clone(),
                servers: crate::dns::answer::ns_targets(m.authorities.iter()),
                glue: Vec::new(),
            },
            format!("a referral to {cut}'s name servers: a direct query does not follow it"),
        ),
        ReplyKind::NxDomain => (Decision::NxDomain, reply.why()),
        ReplyKind::NoData => (Decision::NoData, reply.why()),
        ReplyKind::Cname { target } => (
            Decision::Answer,
            format!("an alias for {target}; a direct query does not follow it"),
        ),
        ReplyKind::Answer => (Decision::Answer, reply.why()),
    };
    let zone = reply
        .zone_origin
        .clone()
        .unwrap_or_else(hickory_proto::rr::Name::root);
    let step = Step {
        depth: 0,
        purpose: q.clone(),
        action: Action::Query {
            server: ServerRef {
                name: server.name.clone(),
                ip: server.ip,
            },
            zone,
            question: q.clone(),
            reply: Some(Box::new(reply.clone())),
        },
        decision,
        why: reply.why(),
    };
    let outcome = Outcome {
        kind,
        answer: m.answers.clone(),
        authority: m.authorities.clone(),
        reason,
        message: Some(reply.message),
    };
    Resolution {
        question: q.clone(),
        mode: Mode::Direct,
        steps: vec![step],
        outcome,
    }
}

/// The name dig prints for an rcode.
pub fn rcode_text(rcode: ResponseCode) -> &'static str {
    match rcode {
        ResponseCode::NoError => "NOERROR",
        ResponseCode::FormErr => "FORMERR",
        ResponseCode::ServFail => "SERVFAIL",
        ResponseCode::NXDomain => "NXDOMAIN",
        ResponseCode::NotImp => "NOTIMP",
        ResponseCode::Refused => "REFUSED",
        _ => "OTHER",
    }
}

/// Whether a type is one a resolver asks for when it needs a server's address.
pub fn is_address(rtype: RecordType) -> bool {
    matches!(rtype, RecordType::A | RecordType::AAAA)
}
