//! Every delegation, probed once for all the delegation checks: for each NS record set below
//! the apex of a (primary) zone, the zone it is meant for, the name servers that zone really
//! has, and what each named server does when a resolver tries it (serves the zone, refuses,
//! is silent, has no address, lacks glue). Each server's problem is then given to exactly one
//! cause, so one mistake gives one finding:
//!
//! 1. a name that is another name with the parent's origin appended (the missing trailing
//!    dot) → `NS_NAME_UNRESOLVABLE`;
//! 2. a server of a delegation set the child zone had before it was recreated →
//!    `DELEGATION_STALE` (`REGISTRY_NS_MISMATCH` at a registry);
//! 3. any other server not among the child's name servers, or one of those missing →
//!    `DELEGATION_NS_MISMATCH` (`REGISTRY_NS_MISMATCH` at a registry);
//! 4. one of the child's own name servers that has no address → `NS_NAME_UNRESOLVABLE`,
//!    no glue → `NS_MISSING_GLUE`, refuses or is silent → `LAME_DELEGATION(_PARTIAL)`.

use std::net::Ipv4Addr;

use hickory_proto::rr::{Name, RData, RecordType};

use super::context::{Context, and_list, t};
use super::evidence;
use super::finding::{Evidence, Involved, Severity};
use super::fix::Edit;
use super::symptom::Symptom;
use crate::dns::answer::{Question, ReplyKind, ask, ns_targets};
use crate::dns::resolve::OutcomeKind;
use crate::dns::rrset::RecordSet;
use crate::dns::zone::Zone;

/// What happens when a resolver tries one name server of a delegation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostStatus {
    /// It answers authoritatively for the delegated name, from this zone.
    Serves { zone_id: String },
    /// It answers, but not for the delegated name: REFUSED, or a referral or other
    /// non-authoritative reply (`how` says which).
    Lame { ip: Ipv4Addr, how: String },
    /// Nothing answers at its address.
    Unreachable { ip: Ipv4Addr },
    /// Its name has no address: `why` says what the resolver got.
    NoAddress { why: String },
    /// Its name is inside the delegated zone and the parent holds no address for it.
    NoGlue,
}

/// One name server of a delegation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Host {
    pub name: Name,
    pub status: HostStatus,
    /// For a name that is another name with the parent's origin appended (written without
    /// its trailing dot in a zone file): that other name.
    pub corrected: Option<Name>,
}

impl Host {
    /// The name the delegation was meant to hold.
    pub fn meant(&self) -> &Name {
        self.corrected.as_ref().unwrap_or(&self.name)
    }

    pub fn serves(&self) -> bool {
        matches!(self.status, HostStatus::Serves { .. })
    }
}

/// Why a server of a delegation is wrong (see the module's list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    TrailingDot,
    Stale,
    NotTheChilds,
    Unresolvable,
    NoGlue,
    Lame,
}

/// One delegation: an NS record set below a zone's apex.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delegation {
    pub parent: String,
    pub parent_origin: Name,
    /// The parent is a top-level domain: this is a registered domain's registry delegation.
    pub registry: bool,
    pub name: Name,
    pub set: RecordSet,
    pub hosts: Vec<Host>,
    /// The zone the delegation is meant for (the one its servers serve, else the primary
    /// zone of that name); `None` when no zone of that name exists.
    pub child: Option<String>,
    /// The child's name servers: its Route 53 delegation set, or its own apex NS.
    pub expected: Vec<Name>,
    /// Servers of delegation sets that zones of this name had before (recreated zones).
    pub retired: Vec<Name>,
}

impl Delegation {
    /// How many of the named servers answer for the zone.
    pub fn serving(&self) -> usize {
        self.hosts.iter().filter(|h| h.serves()).count()
    }

    /// Error when no named server answers for the zone (resolution fails), else warning.
    pub fn severity(&self) -> Severity {
        if self.serving() == 0 {
            Severity::Error
        } else {
            Severity::Warning
        }
    }

    /// The cause a server's problem is given to, if it has one.
    pub fn cause(&self, host: &Host) -> Option<Cause> {
        if host.corrected.is_some() {
            return Some(Cause::TrailingDot);
        }
        if !self.expected.contains(&host.name) {
            if self.retired.contains(&host.name) {
                return Some(Cause::Stale);
            }
            return Some(Cause::NotTheChilds);
        }
        match host.status {
            HostStatus::Serves { .. } => None,
            HostStatus::NoAddress { .. } => Some(Cause::Unresolvable),
            HostStatus::NoGlue => Some(Cause::NoGlue),
            HostStatus::Lame { .. } | HostStatus::Unreachable { .. } => Some(Cause::Lame),
        }
    }

    /// The servers whose problem has this cause.
    pub fn hosts_with(&self, cause: Cause) -> Vec<&Host> {
        self.hosts
            .iter()
            .filter(|h| self.cause(h) == Some(cause))
            .collect()
    }

    /// The child's name servers the delegation does not name (after trailing-dot fixes).
    pub fn missing(&self) -> Vec<Name> {
        self.expected
            .iter()
            .filter(|e| !self.hosts.iter().any(|h| h.meant() == *e))
            .cloned()
            .collect()
    }

    /// The edit that makes the delegation name `servers`: the parent's NS set (same TTL), or
    /// the registrar's name servers for a registry delegation.
    pub fn set_servers(&self, servers: Vec<Name>) -> Edit {
        if self.registry {
            return Edit::SetRegistryDelegation {
                domain: self.name.clone(),
                servers,
            };
        }
        Edit::UpsertRecordSet {
            zone_id: self.parent.clone(),
            set: crate::dns::internet::ns_set(self.name.clone(), servers, self.set.ttl),
        }
    }
}

/// Probes every delegation of every primary zone.
pub fn analyse(ctx: &Context) -> Vec<Delegation> {
    targets(ctx)
        .into_iter()
        .filter_map(|(parent, name)| probe_one(ctx, &parent, &name))
        .collect()
}

/// Every delegation to probe, in order: the parent zone's id and the delegated name.
pub fn targets(ctx: &Context) -> Vec<(String, Name)> {
    let mut out = Vec::new();
    for parent in ctx.world.zones() {
        if !ctx.is_primary(&parent.id) {
            continue;
        }
        for set in parent.delegations() {
            if parent.is_occluded(set) {
                continue;
            }
            out.push((parent.id.clone(), set.name.clone()));
        }
    }
    out
}

/// Probes one delegation of [`targets`].
pub fn probe_one(ctx: &Context, parent: &str, name: &Name) -> Option<Delegation> {
    let parent = ctx.world.zone(parent)?;
    let set = parent.get(name, RecordType::NS)?;
    Some(probe(ctx, parent, set))
}

fn probe(ctx: &Context, parent: &Zone, set: &RecordSet) -> Delegation {
    let name = set.name.clone();
    let mut hosts: Vec<Host> = ns_targets(set.records().iter())
        .into_iter()
        .map(|host| {
            let status = host_status(ctx, parent, &name, &host);
            Host {
                name: host,
                status,
                corrected: None,
            }
        })
        .collect();

    let twins: Vec<&Zone> = ctx
        .world
        .zones_named(&name)
        .filter(|z| z.id != parent.id)
        .collect();
    let served = |z: &Zone| {
        hosts
            .iter()
            .filter(|h| matches!(&h.status, HostStatus::Serves { zone_id } if *zone_id == z.id))
            .count()
    };
    let child = twins
        .iter()
        .filter(|z| served(z) > 0)
        .max_by_key(|z| served(z))
        .map(|z| z.id.clone())
        .or_else(|| ctx.primary(&name).map(|z| z.id.clone()));
    let expected = child
        .as_deref()
        .map(|id| expected_servers(ctx, id))
        .unwrap_or_default();
    let retired: Vec<Name> = ctx
        .scenario
        .aws
        .retired_sets
        .iter()
        .filter(|(origin, _)| crate::dns::name::parse_absolute(origin).is_ok_and(|o| o == name))
        .flat_map(|(_, set)| {
            set.iter()
                .map(|n| crate::aws::delegation_set::server_name(*n))
        })
        .collect();

    for host in &mut hosts {
        if matches!(host.status, HostStatus::NoAddress { .. }) {
            host.corrected = trailing_dot(ctx, parent, &host.name, &expected);
        }
    }
    Delegation {
        parent: parent.id.clone(),
        parent_origin: parent.origin.clone(),
        registry: ctx.is_registry(parent),
        name,
        set: set.clone(),
        hosts,
        child,
        expected,
        retired,
    }
}

/// The name servers a zone really has: its Route 53 delegation set, else its apex NS.
pub fn expected_servers(ctx: &Context, zone_id: &str) -> Vec<Name> {
    if let Some(hz) = ctx.scenario.aws.hosted_zone(zone_id) {
        return hz.name_servers();
    }
    ctx.world
        .zone(zone_id)
        .and_then(|z| z.apex_ns())
        .map(|ns| ns_targets(ns.records().iter()))
        .unwrap_or_default()
}

fn host_status(ctx: &Context, parent: &Zone, delegated: &Name, host: &Name) -> HostStatus {
    let glue = glue_address(parent, host);
    let ip = if delegated.zone_of(host) {
        match glue {
            Some(ip) => ip,
            None => return HostStatus::NoGlue,
        }
    } else if let Some(ip) = glue {
        ip
    } else {
        match address(ctx, host) {
            Ok(ip) => ip,
            Err(why) => {
                return HostStatus::NoAddress {
                    why: why.to_string(),
                };
            }
        }
    };
    let Some(server) = ctx.world.server_by_ip(ip) else {
        return HostStatus::Unreachable { ip };
    };
    let reply = ask(
        ctx.world,
        server,
        &Question::new(delegated.clone(), RecordType::SOA),
        false,
        0,
    );
    let authoritative = reply.message.metadata.authoritative
        && matches!(reply.kind, ReplyKind::Answer | ReplyKind::NoData)
        && reply.zone_origin.as_ref() == Some(delegated);
    match (authoritative, &reply.kind, reply.zone_id) {
        (true, _, Some(zone_id)) => HostStatus::Serves { zone_id },
        (_, ReplyKind::Refused, _) => HostStatus::Lame {
            ip,
            how: "answers REFUSED".into(),
        },
        (_, ReplyKind::Referral { cut }, _) => HostStatus::Lame {
            ip,
            how: format!(
                "answers with a referral to {} instead of answering for the zone",
                t(cut)
            ),
        },
        _ => HostStatus::Lame {
            ip,
            how: "answers, but not authoritatively for the zone".into(),
        },
    }
}

/// An address for `host` held by the parent at or below one of its cuts (glue).
fn glue_address(parent: &Zone, host: &Name) -> Option<Ipv4Addr> {
    parent.cut_for(host)?;
    parent
        .get(host, RecordType::A)?
        .values
        .iter()
        .find_map(|v| match v {
            RData::A(a) => Some(a.0),
            _ => None,
        })
}

/// Why a name server's name gives no address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
enum HostAddressError {
    #[error("the name does not exist (NXDOMAIN)")]
    NxDomain,
    #[error("the name exists but has no A record")]
    NoA,
    #[error("it cannot be resolved: {reason}")]
    Unresolved { reason: String },
}

/// Resolves a name server's address as a resolver does.
fn address(ctx: &Context, host: &Name) -> Result<Ipv4Addr, HostAddressError> {
    let r = ctx.resolve(&Question::new(host.clone(), RecordType::A));
    let ip = r.outcome.answer.iter().find_map(|rec| match &rec.data {
        RData::A(a) => Some(a.0),
        _ => None,
    });
    match (r.outcome.kind, ip) {
        (OutcomeKind::Answer, Some(ip)) => Ok(ip),
        (OutcomeKind::NxDomain, _) => Err(HostAddressError::NxDomain),
        (OutcomeKind::NoData, _) => Err(HostAddressError::NoA),
        _ => Err(HostAddressError::Unresolved {
            reason: r.outcome.reason,
        }),
    }
}

/// `ns-1.awsdns-00.com.example.com.` in example.com → `ns-1.awsdns-00.com.` when that name
/// is one of the child's servers or resolves.
fn trailing_dot(ctx: &Context, parent: &Zone, host: &Name, expected: &[Name]) -> Option<Name> {
    let origin = &parent.origin;
    if origin.is_root() || !origin.zone_of(host) || host == origin {
        return None;
    }
    let keep = usize::from(host.num_labels() - origin.num_labels());
    if keep < 2 {
        return None;
    }
    let labels: Vec<&[u8]> = host.iter().take(keep).collect();
    let mut meant = Name::from_labels(labels).ok()?;
    meant.set_fqdn(true);
    if expected.contains(&meant) || address(ctx, &meant).is_ok() {
        Some(meant)
    } else {
        None
    }
}

/// What a server does, in words for an explanation.
pub fn status_text(host: &Host) -> String {
    match &host.status {
        HostStatus::Serves { .. } => "serves the zone".into(),
        HostStatus::Lame { how, .. } => how.clone(),
        HostStatus::Unreachable { ip } => format!("does not answer (nothing runs at {ip})"),
        HostStatus::NoAddress { why } => format!("has no address: {why}"),
        HostStatus::NoGlue => "has no address: its name is inside the delegated zone and the parent holds no glue for it".into(),
    }
}

/// `a (answers REFUSED), b (…)`.
pub fn hosts_text(hosts: &[&Host]) -> String {
    let items: Vec<String> = hosts
        .iter()
        .map(|h| format!("{} ({})", t(&h.name), status_text(h)))
        .collect();
    and_list(&items)
}

/// The parent's NS set and the child zone, as a finding names them.
pub fn involved(ctx: &Context, d: &Delegation) -> Vec<Involved> {
    let mut out = vec![ctx.involved_set(&d.parent, &d.name, RecordType::NS)];
    if let Some(child) = &d.child {
        out.push(ctx.involved(child));
    }
    out
}

/// The resolution that fails while a delegation is broken: the child's SOA.
pub fn symptom(d: &Delegation) -> Symptom {
    Symptom::answer(d.name.clone(), RecordType::SOA)
}

/// What shows a delegation's problem: the parent's referral, a direct query to each of
/// `hosts` (at most two), and the resolver's answer.
pub fn evidence(ctx: &Context, d: &Delegation, hosts: &[&Host]) -> Vec<Evidence> {
    let name = t(&d.name);
    let mut out = Vec::new();
    if let Some(server) = ctx.server_of(&d.parent) {
        out.push(evidence::direct(
            ctx.world,
            ctx.now,
            "NS",
            &name,
            &t(&server.name),
        ));
    }
    for host in hosts.iter().take(2) {
        let e = match &host.status {
            HostStatus::Lame { ip, .. } => {
                let at = if ctx.world.server_named(&host.name).is_some() {
                    t(&host.name)
                } else {
                    ip.to_string()
                };
                evidence::direct(ctx.world, ctx.now, "SOA", &name, &at)
            }
            HostStatus::Unreachable { ip } => {
                evidence::direct(ctx.world, ctx.now, "SOA", &name, &ip.to_string())
            }
            HostStatus::NoAddress { .. } => {
                evidence::recursive(ctx.world, ctx.now, "A", &t(&host.name))
            }
            HostStatus::Serves { .. } | HostStatus::NoGlue => continue,
        };
        out.push(e);
    }
    out.push(evidence::recursive(ctx.world, ctx.now, "SOA", &name));
    out
}

/// What resolvers see, then what to do (when `advice` is not empty), in one sentence.
pub fn effect(d: &Delegation, advice: &str) -> String {
    let total = d.hosts.len();
    let seen = match d.serving() {
        0 => format!(
            "No server the delegation names answers for {}, so resolvers return SERVFAIL for every name in it",
            t(&d.name)
        ),
        n => format!(
            "Resolvers still get answers from the {n} of {total} servers that work, but each try of a broken one costs a retry or a timeout"
        ),
    };
    if advice.is_empty() {
        format!("{seen}.")
    } else {
        format!("{seen}; {advice}.")
    }
}
