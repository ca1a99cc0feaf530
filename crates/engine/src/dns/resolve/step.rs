//! One step of a resolution: a query to one server and its reply (or an answer taken from
//! the cache), with what the resolver decided next and why, in one sentence.

use std::net::Ipv4Addr;

use hickory_proto::rr::Name;

use crate::dns::answer::{Question, Reply};

use super::cache::CacheHit;

/// The server a step asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerRef {
    pub name: Name,
    pub ip: Ipv4Addr,
}

/// What happened in a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A query sent to one server. `reply` is `None` when nothing answers at that address
    /// (the query times out).
    Query {
        server: ServerRef,
        /// The zone the resolver believed this server serves: why it was chosen.
        zone: Name,
        question: Question,
        reply: Option<Box<Reply>>,
    },
    /// The resolver answered from its cache without asking anyone.
    Cache { question: Question, hit: CacheHit },
}

/// What the resolver does after a step. Each variant's contract:
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// The reply delegated `zone` to `servers`: ask them next. `glue` lists the servers whose
    /// addresses came with the referral; the others must be looked up first (nested steps).
    FollowReferral {
        zone: Name,
        servers: Vec<Name>,
        glue: Vec<Name>,
    },
    /// The name is an alias for `target`, whose data this server did not give: start again
    /// with `target` (the chain so far is kept for the final answer).
    ChaseCname { target: Name },
    /// This server gave nothing usable (REFUSED, no reply, a lame or upward referral): ask
    /// the next server of the same zone.
    TryNextServer,
    /// The records asked for were found: the resolution (or this nested lookup) is done.
    Answer,
    /// The name exists without records of the type (NOERROR, empty answer): done.
    NoData,
    /// The name does not exist: done.
    NxDomain,
    /// The resolution cannot go on; the client gets SERVFAIL. `reason` says why.
    GiveUp { reason: String },
}

/// One step of a resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// 0 for the question asked; 1 and more for lookups of a name server's address made
    /// on the way (one level per nesting).
    pub depth: u8,
    /// The question the lookup this step belongs to is answering.
    pub purpose: Question,
    pub action: Action,
    pub decision: Decision,
    /// Why the resolver decided so, in one sentence.
    pub why: String,
}

impl Step {
    /// The reply this step received, if it was a query that got one.
    pub fn reply(&self) -> Option<&Reply> {
        match &self.action {
            Action::Query { reply, .. } => reply.as_deref(),
            Action::Cache { .. } => None,
        }
    }

    /// The server this step asked, if it was a query.
    pub fn server(&self) -> Option<&ServerRef> {
        match &self.action {
            Action::Query { server, .. } => Some(server),
            Action::Cache { .. } => None,
        }
    }
}
