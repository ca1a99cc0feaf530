//! The iterative resolver as a step machine: from the closest known delegation (the root
//! hints when nothing is cached) it asks one server at a time, follows referrals, looks up
//! name-server addresses that came without glue as nested lookups, chases CNAMEs, tries the
//! next server after REFUSED or silence, and gives up with SERVFAIL and a reason when it
//! must. Every query is recorded as a [`Step`].

use std::net::Ipv4Addr;

use hickory_proto::op::ResponseCode;
use hickory_proto::rr::{Name, RData, Record, RecordType};

use crate::dns::answer::{Question, Reply, ReplyKind, ask, ns_targets};
use crate::dns::canon;
use crate::dns::name::Show;
use crate::dns::world::World;

use super::cache::{Cache, Cached, Trust};
use super::limits::{Limits, NEGATIVE_TTL_CAP};
use super::outcome::OutcomeKind;
use super::step::{Action, Decision, ServerRef, Step};

/// What one lookup (a question and its CNAME chain) ended with.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub kind: OutcomeKind,
    pub answer: Vec<Record>,
    pub authority: Vec<Record>,
    pub reason: String,
}

impl Found {
    fn fail(reason: String) -> Self {
        Self {
            kind: OutcomeKind::ServFail,
            answer: Vec::new(),
            authority: Vec::new(),
            reason,
        }
    }
}

/// One link of a chain: either the end, or a CNAME to start again from.
enum Link {
    Done(Found),
    Cname { records: Vec<Record>, target: Name },
}

pub(crate) struct Engine<'a> {
    world: &'a World,
    cache: &'a mut Cache,
    now: u64,
    limits: Limits,
    pub steps: Vec<Step>,
    queries: usize,
    next_id: u16,
    /// Name servers whose address lookup is under way (to catch circular dependencies).
    in_progress: Vec<Name>,
    /// The root hints: name and address (keyed canonically for quick matching).
    root_hints: Vec<(Vec<u8>, Ipv4Addr)>,
    root_names: Vec<Name>,
}

impl<'a> Engine<'a> {
    pub fn new(
        world: &'a World,
        cache: &'a mut Cache,
        now: u64,
        limits: Limits,
        first_id: u16,
    ) -> Self {
        let hints = world.root_hints();
        let root_names = hints.iter().map(|(n, _)| n.clone()).collect();
        let root_hints = hints.iter().map(|(n, ip)| (canon::key(n), *ip)).collect();
        Self {
            world,
            cache,
            now,
            limits,
            steps: Vec::new(),
            queries: 0,
            next_id: first_id,
            in_progress: Vec::new(),
            root_hints,
            root_names,
        }
    }

    /// Resolves `q` with its whole CNAME chain.
    pub fn lookup(&mut self, q: &Question, depth: u8) -> Found {
        let mut chain: Vec<Record> = Vec::new();
        let mut seen = vec![q.name.clone()];
        let mut current = q.clone();
        loop {
            match self.lookup_link(&current, q, depth) {
                Link::Done(mut found) => {
                    chain.append(&mut found.answer);
                    found.answer = chain;
                    return found;
                }
                Link::Cname {
                    mut records,
                    target,
                } => {
                    chain.append(&mut records);
                    let hops = chain
                        .iter()
                        .filter(|r| r.record_type() == RecordType::CNAME)
                        .count();
                    for r in &chain {
                        if !seen.contains(&r.name) {
                            seen.push(r.name.clone());
                        }
                    }
                    if seen.contains(&target) {
                        let path: Vec<String> = seen.iter().map(|n| n.to_string()).collect();
                        let reason =
                            format!("the CNAME chain loops: {} → {target}", path.join(" → "));
                        self.give_up_last(&reason);
                        return Found {
                            answer: chain,
                            ..Found::fail(reason)
                        };
                    }
                    if hops > self.limits.max_cname {
                        let reason = format!(
                            "the CNAME chain is longer than {} links, the most this resolver follows",
                            self.limits.max_cname
                        );
                        self.give_up_last(&reason);
                        return Found {
                            answer: chain,
                            ..Found::fail(reason)
                        };
                    }
                    seen.push(target.clone());
                    current = Question::new(target, q.rtype);
                }
            }
        }
    }

    fn lookup_link(&mut self, q: &Question, purpose: &Question, depth: u8) -> Link {
        if let Some(link) = self.cached(q, purpose, depth) {
            return link;
        }
        let (mut zone, mut servers) = self.closest_delegation(&q.name);
        let mut referrals = 0usize;
        'zone: loop {
            let mut failures: Vec<(Name, ServerFailure)> = Vec::new();
            for (ns, known) in self.order_servers(&servers) {
                let found = match known {
                    Some(ip) => Ok(ip),
                    None => self.address_of(&ns, depth),
                };
                let ip = match found {
                    Ok(ip) => ip,
                    Err(why) => {
                        failures.push((ns.clone(), why.into()));
                        continue;
                    }
                };
                if self.queries >= self.limits.max_queries {
                    let reason = format!(
                        "{} queries were sent for this question, the most this resolver sends for one",
                        self.limits.max_queries
                    );
                    self.give_up_last(&reason);
                    return Link::Done(Found::fail(reason));
                }
                self.queries += 1;
                let id = self.take_id();
                let server_ref = ServerRef {
                    name: ns.clone(),
                    ip,
                };
                let reply = self
                    .world
                    .server_by_ip(ip)
                    .map(|s| ask(self.world, s, q, false, id));
                let Some(reply) = reply else {
                    let why = format!(
                        "nothing answers at {ip} ({ns}): the query times out, so the resolver tries another server of {zone}"
                    );
                    failures.push((ns.clone(), ServerFailure::Silent { ip }));
                    self.push(
                        depth,
                        purpose,
                        server_ref,
                        &zone,
                        q,
                        None,
                        Decision::TryNextServer,
                        why,
                    );
                    continue;
                };
                match self.classify(&reply, &zone, q) {
                    Class::Failed(short) => {
                        let why =
                            format!("{ns} {short}, so the resolver tries another server of {zone}");
                        failures.push((ns.clone(), short));
                        self.push(
                            depth,
                            purpose,
                            server_ref,
                            &zone,
                            q,
                            Some(reply),
                            Decision::TryNextServer,
                            why,
                        );
                    }
                    Class::Referral { cut, names, glued } => {
                        referrals += 1;
                        let decision = Decision::FollowReferral {
                            zone: cut.clone(),
                            servers: names.clone(),
                            glue: glued.clone(),
                        };
                        let why = referral_why(&cut, &names, &glued);
                        self.cache_referral(&reply);
                        self.push(
                            depth,
                            purpose,
                            server_ref,
                            &zone,
                            q,
                            Some(reply),
                            decision,
                            why,
                        );
                        if referrals > self.limits.max_referrals {
                            let reason = format!(
                                "more than {} referrals for one name",
                                self.limits.max_referrals
                            );
                            self.give_up_last(&reason);
                            return Link::Done(Found::fail(reason));
                        }
                        zone = cut;
                        servers = names;
                        continue 'zone;
                    }
                    Class::Final(link, decision, why) => {
                        self.cache_final(q, &reply);
                        self.push(
                            depth,
                            purpose,
                            server_ref,
                            &zone,
                            q,
                            Some(reply),
                            decision,
                            why,
                        );
                        return link;
                    }
                }
            }
            let reason = summarize_failures(&zone, &failures);
            self.give_up_last(&reason);
            return Link::Done(Found::fail(reason));
        }
    }

    /// Answers from the cache (authoritative data only), recording a step when it does.
    fn cached(&mut self, q: &Question, purpose: &Question, depth: u8) -> Option<Link> {
        let hit = self.cache.answer(&q.name, q.rtype, self.now)?;
        let age = self.now.saturating_sub(hit.stored_at);
        let (link, decision, why) = match &hit.data {
            Cached::Records { records } => {
                if hit.rtype == RecordType::CNAME && q.rtype != RecordType::CNAME {
                    let target = cname_target(records)?;
                    let why = format!(
                        "the cache holds {} CNAME {target} (stored {age} s ago, {} s left), so the resolver follows it",
                        q.name, hit.remaining
                    );
                    (
                        Link::Cname {
                            records: records.clone(),
                            target: target.clone(),
                        },
                        Decision::ChaseCname { target },
                        why,
                    )
                } else {
                    let why = format!(
                        "the cache holds {} {} (stored {age} s ago, {} s left), so no server is asked",
                        q.name, q.rtype, hit.remaining
                    );
                    let found = Found {
                        kind: OutcomeKind::Answer,
                        answer: records.clone(),
                        authority: Vec::new(),
                        reason: format!(
                            "answered from the cache; the records expire in {} s",
                            hit.remaining
                        ),
                    };
                    (Link::Done(found), Decision::Answer, why)
                }
            }
            Cached::NxDomain { soa } => {
                let why = format!(
                    "the cache remembers that {} does not exist (negative caching, RFC 2308; {} s left), so no server is asked",
                    q.name, hit.remaining
                );
                let found = Found {
                    kind: OutcomeKind::NxDomain,
                    answer: Vec::new(),
                    authority: soa.iter().cloned().collect(),
                    reason: format!("NXDOMAIN from the cache, for {} s more", hit.remaining),
                };
                (Link::Done(found), Decision::NxDomain, why)
            }
            Cached::NoData { soa } => {
                let why = format!(
                    "the cache remembers that {} has no {} records (negative caching, RFC 2308; {} s left)",
                    q.name, q.rtype, hit.remaining
                );
                let found = Found {
                    kind: OutcomeKind::NoData,
                    answer: Vec::new(),
                    authority: soa.iter().cloned().collect(),
                    reason: format!("NODATA from the cache, for {} s more", hit.remaining),
                };
                (Link::Done(found), Decision::NoData, why)
            }
        };
        self.steps.push(Step {
            depth,
            purpose: purpose.clone(),
            action: Action::Cache {
                question: q.clone(),
                hit,
            },
            decision,
            why,
        });
        Some(link)
    }

    /// The deepest delegation the resolver knows for `name`: a cached NS set, or the root.
    fn closest_delegation(&self, name: &Name) -> (Name, Vec<Name>) {
        let key = canon::key(name);
        for labels in (1..=usize::from(name.num_labels())).rev() {
            if let Some(ns) =
                self.cache
                    .records_key(canon::ancestor(&key, labels), RecordType::NS, self.now)
            {
                let names = ns_targets(ns.iter());
                if !names.is_empty() {
                    return (name.trim_to(labels), names);
                }
            }
        }
        (Name::root(), self.root_names.clone())
    }

    /// Servers whose address is known first (as real resolvers prefer), otherwise in order.
    fn order_servers(&self, servers: &[Name]) -> Vec<(Name, Option<Ipv4Addr>)> {
        let with: Vec<(Name, Option<Ipv4Addr>)> = servers
            .iter()
            .map(|n| (n.clone(), self.known_address(n)))
            .collect();
        let (known, unknown): (Vec<_>, Vec<_>) = with.into_iter().partition(|(_, ip)| ip.is_some());
        known.into_iter().chain(unknown).collect()
    }

    fn known_address(&self, ns: &Name) -> Option<Ipv4Addr> {
        let key = canon::key(ns);
        if let Some((_, ip)) = self.root_hints.iter().find(|(k, _)| *k == key) {
            return Some(*ip);
        }
        self.cache
            .records_key(&key, RecordType::A, self.now)?
            .iter()
            .find_map(|r| match &r.data {
                RData::A(a) => Some(a.0),
                _ => None,
            })
    }

    /// The address of a name server: known, or looked up now as a nested resolution.
    fn address_of(&mut self, ns: &Name, depth: u8) -> Result<Ipv4Addr, NoAddress> {
        if let Some(ip) = self.known_address(ns) {
            return Ok(ip);
        }
        if self.cache.is_nxdomain(ns, self.now) {
            return Err(NoAddress::NxDomain);
        }
        if depth + 1 > self.limits.max_depth {
            return Err(NoAddress::TooDeep {
                max_depth: self.limits.max_depth,
            });
        }
        if self.in_progress.contains(ns) {
            return Err(NoAddress::Circular);
        }
        self.in_progress.push(ns.clone());
        let found = self.lookup(&Question::new(ns.clone(), RecordType::A), depth + 1);
        self.in_progress.pop();
        let ip = found.answer.iter().find_map(|r| match &r.data {
            RData::A(a) => Some(a.0),
            _ => None,
        });
        match (found.kind, ip) {
            (OutcomeKind::Answer, Some(ip)) => Ok(ip),
            (OutcomeKind::NxDomain, _) => Err(NoAddress::NxDomain),
            (OutcomeKind::NoData, _) => Err(NoAddress::NoA),
            _ => Err(NoAddress::Failed {
                reason: found.reason,
            }),
        }
    }

    fn classify(&self, reply: &Reply, zone: &Name, q: &Question) -> Class {
        let m = &reply.message;
        match m.metadata.response_code {
            ResponseCode::NoError | ResponseCode::NXDomain => {}
            ResponseCode::Refused => {
                return Class::Failed(ServerFailure::Lame { zone: zone.clone() });
            }
            ResponseCode::ServFail
                if m.answers
                    .iter()
                    .any(|r| r.record_type() == RecordType::CNAME) =>
            {
                let chain: Vec<String> = m.answers.iter().map(|r| r.name.to_string()).collect();
                return Class::Failed(ServerFailure::CnameServFail { chain });
            }
            other => {
                return Class::Failed(ServerFailure::Rcode(crate::dns::resolve::rcode_text(other)));
            }
        }
        match &reply.kind {
            ReplyKind::Refused => Class::Failed(ServerFailure::RefusedQuery),
            ReplyKind::Referral { cut } => {
                if !(cut != zone && zone.zone_of(cut) && cut.zone_of(&q.name)) {
                    return Class::Failed(ServerFailure::ReferralAside {
                        zone: zone.clone(),
                        cut: cut.clone(),
                    });
                }
                let names = ns_targets(m.authorities.iter().filter(|r| r.name == *cut));
                let glued: Vec<Name> = names
                    .iter()
                    .filter(|n| {
                        m.additionals
                            .iter()
                            .any(|r| r.name == **n && r.record_type() == RecordType::A)
                    })
                    .cloned()
                    .collect();
                Class::Referral {
                    cut: cut.clone(),
                    names,
                    glued,
                }
            }
            _ if !m.metadata.authoritative => {
                Class::Failed(ServerFailure::NotAuthoritative { zone: zone.clone() })
            }
            ReplyKind::Answer
            | ReplyKind::Cname { .. }
            | ReplyKind::NoData
            | ReplyKind::NxDomain => self.classify_authoritative(reply, zone, q),
        }
    }

    /// Reads an authoritative reply: follows the CNAME chain inside it as far as it stays in
    /// the zone the server was asked about (out-of-zone records are not trusted, as Unbound's
    /// scrubber drops them), then ends with records, NODATA, NXDOMAIN, or a CNAME to chase.
    fn classify_authoritative(&self, reply: &Reply, zone: &Name, q: &Question) -> Class {
        let m = &reply.message;
        // Unbound hands out the owner spelled as the client asked.
        let at_name = |t: RecordType| -> Vec<Record> {
            m.answers
                .iter()
                .filter(|r| r.name == q.name && r.record_type() == t)
                .map(|r| {
                    let mut r = r.clone();
                    r.name = q.name.clone();
                    r
                })
                .collect()
        };
        let finals = at_name(q.rtype);
        if !finals.is_empty() {
            let why = format!(
                "the server is authoritative for {} and answered with the {} records of {}",
                Show(zone),
                q.rtype,
                Show(&q.name)
            );
            let found = Found {
                kind: OutcomeKind::Answer,
                answer: finals,
                authority: Vec::new(),
                reason: format!("{} {} found", Show(&q.name), q.rtype),
            };
            return Class::Final(Link::Done(found), Decision::Answer, why);
        }
        let cnames = at_name(RecordType::CNAME);
        if let Some(target) = cname_target(&cnames) {
            // Unbound takes only the first link of a chain from a reply and asks again for
            // the target, even when the server sent the rest of the chain.
            let why = format!(
                "{} is an alias (CNAME) for {t}, so the resolver asks for {t} next",
                Show(&q.name),
                t = Show(&target)
            );
            return Class::Final(
                Link::Cname {
                    records: cnames,
                    target: target.clone(),
                },
                Decision::ChaseCname { target },
                why,
            );
        }
        let authority = negative_soa(m);
        if m.metadata.response_code == ResponseCode::NXDomain {
            let why = format!(
                "the server is authoritative for {zone} and says {} does not exist (NXDOMAIN)",
                q.name
            );
            let found = Found {
                kind: OutcomeKind::NxDomain,
                answer: Vec::new(),
                authority,
                reason: format!("{} does not exist in {}", q.name, reply_zone(reply)),
            };
            Class::Final(Link::Done(found), Decision::NxDomain, why)
        } else {
            let why = format!(
                "the server is authoritative for {zone}: {} exists but has no {} records (NODATA)",
                q.name, q.rtype
            );
            let found = Found {
                kind: OutcomeKind::NoData,
                answer: Vec::new(),
                authority,
                reason: format!(
                    "{} exists in {} but has no {} records",
                    q.name,
                    reply_zone(reply),
                    q.rtype
                ),
            };
            Class::Final(Link::Done(found), Decision::NoData, why)
        }
    }

    fn cache_referral(&mut self, reply: &Reply) {
        let m = &reply.message;
        for set in group(&m.authorities, RecordType::NS) {
            self.cache.put_records(set, Trust::Referral, self.now);
        }
        for set in group(&m.additionals, RecordType::A) {
            self.cache.put_records(set, Trust::Referral, self.now);
        }
    }

    fn cache_final(&mut self, q: &Question, reply: &Reply) {
        let m = &reply.message;
        // Only the records owned by the name asked are kept: the rest of a chain is asked
        // for again, as Unbound does.
        for t in [q.rtype, RecordType::CNAME] {
            for set in group(&m.answers, t)
                .into_iter()
                .filter(|g| g[0].name == q.name)
            {
                self.cache.put_records(set, Trust::Answer, self.now);
            }
        }
        let soa = negative_soa(m).into_iter().next();
        if m.answers.is_empty() {
            let nx = m.metadata.response_code == ResponseCode::NXDomain;
            self.cache
                .put_negative(q.name.clone(), q.rtype, nx, soa, self.now);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        depth: u8,
        purpose: &Question,
        server: ServerRef,
        zone: &Name,
        q: &Question,
        reply: Option<Reply>,
        decision: Decision,
        why: String,
    ) {
        self.steps.push(Step {
            depth,
            purpose: purpose.clone(),
            action: Action::Query {
                server,
                zone: zone.clone(),
                question: q.clone(),
                reply: reply.map(Box::new),
            },
            decision,
            why,
        });
    }

    /// Marks the last step as the point where the resolution gave up.
    fn give_up_last(&mut self, reason: &str) {
        if let Some(last) = self.steps.last_mut()
            && matches!(
                last.decision,
                Decision::TryNextServer
                    | Decision::ChaseCname { .. }
                    | Decision::FollowReferral { .. }
            )
        {
            let done = match last.decision {
                Decision::TryNextServer => {
                    "no other server is left to try, so the resolver gives up"
                }
                _ => "the resolver gives up",
            };
            let kept = last
                .why
                .split(", so the resolver")
                .next()
                .unwrap_or_default()
                .to_string();
            last.why = format!("{kept}; {done}");
            last.decision = Decision::GiveUp {
                reason: reason.to_string(),
            };
        }
    }

    fn take_id(&mut self) -> u16 {
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_mul(25173).wrapping_add(13849);
        id
    }
}

/// One sentence for why every server of a zone failed.
fn summarize_failures(zone: &Name, failures: &[(Name, ServerFailure)]) -> String {
    if failures.is_empty() {
        return format!("no name servers are known for {zone}");
    }
    let all_refused = failures
        .iter()
        .all(|(_, why)| matches!(why, ServerFailure::Lame { .. }));
    if all_refused {
        let names: Vec<String> = failures.iter().map(|(n, _)| n.to_string()).collect();
        return format!(
            "every name server of {zone} answered REFUSED ({}): none of them serves {zone}, so the delegation is lame",
            names.join(", ")
        );
    }
    let parts: Vec<String> = failures
        .iter()
        .map(|(n, why)| format!("{n} {why}"))
        .collect();
    format!(
        "no name server of {zone} gave an answer: {}",
        parts.join("; ")
    )
}

/// Why a name server's address is not known (the sentence follows the server's name).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
enum NoAddress {
    #[error("does not exist (NXDOMAIN), so it has no address")]
    NxDomain,
    #[error("has no known address, and looking it up would nest lookups deeper than {max_depth}")]
    TooDeep { max_depth: u8 },
    #[error("has no known address, and finding it needs its own address (a circular dependency)")]
    Circular,
    #[error("exists but has no A record")]
    NoA,
    #[error("has no address: {reason}")]
    Failed { reason: String },
}

/// Why a name server gave no usable reply (the sentence follows the server's name).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
enum ServerFailure {
    #[error(transparent)]
    NoAddress(#[from] NoAddress),
    #[error("nothing answers at {ip}")]
    Silent { ip: Ipv4Addr },
    /// REFUSED: the server does not serve the zone.
    #[error("answered REFUSED: it does not serve {zone} (a lame delegation)")]
    Lame { zone: Name },
    #[error(
        "answered SERVFAIL after following the CNAME chain {} → …: the chain loops or is longer than the server follows",
        .chain.join(" → ")
    )]
    CnameServFail { chain: Vec<String> },
    #[error("answered {0}")]
    Rcode(&'static str),
    #[error("refused the query")]
    RefusedQuery,
    #[error(
        "is not authoritative for {zone}: it refers to {cut}, which is not below {zone} (a lame delegation)"
    )]
    ReferralAside { zone: Name, cut: Name },
    #[error("gave a reply that is not authoritative for {zone} (a lame delegation)")]
    NotAuthoritative { zone: Name },
}

enum Class {
    Failed(ServerFailure),
    Referral {
        cut: Name,
        names: Vec<Name>,
        glued: Vec<Name>,
    },
    Final(Link, Decision, String),
}

/// A name as written in a sentence that goes on after it: without its final dot (`co.uk;`,
/// never `co.uk.;`), the root as `.`. (A local copy of the UI's `plain`, which is being moved
/// into the core; this can use that one once it is there.)
fn prose(name: &Name) -> String {
    let text = Show(name).to_string();
    match text.strip_suffix('.') {
        Some(bare) if !bare.is_empty() => bare.to_string(),
        _ => text,
    }
}

fn referral_why(cut: &Name, names: &[Name], glued: &[Name]) -> String {
    let list: Vec<String> = names.iter().map(prose).collect();
    let glue = match (glued.len(), names.len()) {
        (0, _) => "no glue came with it, so the resolver must first look up a server's address"
            .to_string(),
        (g, all) if g == all => "with their addresses (glue)".to_string(),
        (g, all) => format!("with glue for {g} of {all}"),
    };
    format!(
        "a referral: {} is delegated to {}; {glue}",
        prose(cut),
        list.join(", ")
    )
}

fn reply_zone(reply: &Reply) -> String {
    reply
        .zone_origin
        .as_ref()
        .map_or_else(String::new, |z| z.to_string())
}

fn cname_target(records: &[Record]) -> Option<Name> {
    records.iter().find_map(|r| match &r.data {
        RData::CNAME(c) => Some(c.0.clone()),
        _ => None,
    })
}

/// The SOA of a negative reply, its TTL capped as Unbound caps negative answers
/// (`cache-max-negative-ttl`, 3600 s).
fn negative_soa(m: &hickory_proto::op::Message) -> Vec<Record> {
    m.authorities
        .iter()
        .filter(|r| r.record_type() == RecordType::SOA)
        .map(|r| {
            let mut r = r.clone();
            r.ttl = r.ttl.min(NEGATIVE_TTL_CAP);
            r
        })
        .collect()
}

/// Groups the records of one type by owner name, in order of first appearance.
fn group(records: &[Record], rtype: RecordType) -> Vec<Vec<Record>> {
    let mut out: Vec<Vec<Record>> = Vec::new();
    for r in records.iter().filter(|r| r.record_type() == rtype) {
        match out.iter_mut().find(|g| g[0].name == r.name) {
            Some(g) => g.push(r.clone()),
            None => out.push(vec![r.clone()]),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::name::n;

    #[test]
    fn a_referrals_reason_writes_names_without_their_final_dot_mid_sentence() {
        let servers = [n("ns-1.awsdns-01.com"), n("ns-2.awsdns-02.co.uk")];
        let why = referral_why(&n("api.example.com"), &servers, &[]);
        assert!(
            why.starts_with(
                "a referral: api.example.com is delegated to ns-1.awsdns-01.com, ns-2.awsdns-02.co.uk; no glue"
            ),
            "{why}"
        );
        assert!(!why.contains(".;") && !why.contains(".,"), "{why}");
        assert_eq!(prose(&Name::root()), ".");
    }
}
