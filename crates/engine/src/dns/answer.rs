//! Authoritative answers: what one name server replies to one query, following RFC 1034
//! 4.3.2 as BIND and Route 53 do, with the reason for the reply in words.
//!
//! The server picks the closest zone it serves (REFUSED when it serves none above the name);
//! inside that zone a delegation below the apex gives a referral (AA clear, child NS in the
//! authority section, glue from the same zone in the additional section); otherwise the name's
//! data answers (AA set), a CNAME is followed inside the server's own data, a name that exists
//! without the type (empty non-terminals included) gives NODATA, a wildcard synthesises
//! (RFC 4592), and anything else is NXDOMAIN with the SOA (RFC 2308).

use hickory_proto::op::{Edns, Message, MessageType, OpCode, Query, ResponseCode};
use hickory_proto::rr::{Name, RData, Record, RecordType};
use serde::{Deserialize, Serialize};

use super::canon;
use super::rrset::{RecordSet, record};
use super::server::{NameServer, Software};
use super::world::World;
use super::zone::{Zone, parent_side};

/// How many CNAMEs a server follows inside its own data (BIND: 11 restarts; the 12th
/// CNAME gives SERVFAIL).
pub const MAX_SERVER_CNAME_HOPS: usize = 11;

/// One question to one server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub name: Name,
    #[serde(with = "crate::dns::rtype_serde")]
    pub rtype: RecordType,
}

impl Question {
    pub fn new(name: Name, rtype: RecordType) -> Self {
        Self { name, rtype }
    }
}

impl std::fmt::Display for Question {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.rtype, self.name)
    }
}

/// What kind of reply a server gave, for explanations and for the resolver's decisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReplyKind {
    /// The server serves no zone at or above the name.
    Refused,
    /// The name is at or below a delegation in the zone: go ask the child's servers.
    Referral { cut: Name },
    /// Records of the asked type (possibly after CNAMEs inside the server's data).
    Answer,
    /// The name is an alias and the server could not finish the chain in its own data.
    Cname { target: Name },
    /// The name exists but has no records of the asked type.
    NoData,
    /// The name does not exist.
    NxDomain,
}

/// A server's reply: the message as it goes on the wire, and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub message: Message,
    pub kind: ReplyKind,
    /// The id of the zone that answered (none when REFUSED).
    pub zone_id: Option<String>,
    /// The origin of that zone.
    pub zone_origin: Option<Name>,
    /// The wildcard that synthesised the answer, if one did.
    pub wildcard: Option<Name>,
    /// The server that replied.
    pub server: Name,
}

impl Reply {
    /// One sentence: why the server replied so.
    pub fn why(&self) -> String {
        let q = self.message.queries.first();
        let (qname, qtype) = q.map_or((Name::root(), RecordType::A), |q| {
            (q.name().clone(), q.query_type())
        });
        let server = &self.server;
        let Some(origin) = &self.zone_origin else {
            return format!(
                "{server} serves no zone that contains {qname}, so it refuses the query"
            );
        };
        match &self.kind {
            ReplyKind::Refused => format!("{server} refuses the query"),
            ReplyKind::Referral { cut } => format!(
                "{server} serves {origin}, where {cut} is delegated, so it is not authoritative for {qname} and refers the resolver to {cut}'s name servers"
            ),
            ReplyKind::Answer => match &self.wildcard {
                Some(star) => format!(
                    "{server} is authoritative for {origin}; {qname} has no records of its own, so the wildcard {star} answers for it"
                ),
                None => format!(
                    "{server} is authoritative for {origin} and has {qtype} records for {qname}"
                ),
            },
            ReplyKind::Cname { target } => format!(
                "{server} is authoritative for {origin}; {qname} is an alias, and the server does not hold {target}, so the resolver must follow it"
            ),
            ReplyKind::NoData => format!(
                "{server} is authoritative for {origin}; the name {qname} exists but has no {qtype} records (NODATA), so it answers NOERROR with an empty answer and the SOA"
            ),
            ReplyKind::NxDomain => format!(
                "{server} is authoritative for {origin}, and no name {qname} exists in it (NXDOMAIN)"
            ),
        }
    }
}

/// The UDP payload size authoritative servers advertise in their OPT record.
pub fn edns_payload(software: Software) -> u16 {
    match software {
        Software::Bind => 1232,
        Software::Route53 => 4096,
    }
}

/// Asks `server` for `q`. `rd` is the query's recursion-desired bit, `id` its message id.
pub fn ask(world: &World, server: &NameServer, q: &Question, rd: bool, id: u16) -> Reply {
    let mut message = Message::new(id, MessageType::Response, OpCode::Query);
    message.metadata.recursion_desired = rd;
    message.add_query(Query::query(q.name.clone(), q.rtype));
    let mut edns = Edns::new();
    edns.set_max_payload(edns_payload(server.software));
    message.set_edns(edns);

    let zone = closest_zone(world, server, &q.name).map(|z| {
        // DS lives in the parent: at a child's apex, a server that also serves the parent
        // answers from the parent (RFC 4035 3.1.4.1).
        if q.rtype == RecordType::DS && z.origin == q.name && !q.name.is_root() {
            closest_zone(world, server, &q.name.base_name()).unwrap_or(z)
        } else {
            z
        }
    });
    let Some(zone) = zone else {
        message.metadata.response_code = ResponseCode::Refused;
        return Reply {
            message,
            kind: ReplyKind::Refused,
            zone_id: None,
            zone_origin: None,
            wildcard: None,
            server: server.name.clone(),
        };
    };

    let mut ctx = Ctx {
        world,
        server,
        rd,
        message,
        wildcard: None,
    };
    let kind = ctx.answer_in_zone(zone, q);
    Reply {
        message: ctx.message,
        kind,
        zone_id: Some(zone.id.clone()),
        zone_origin: Some(zone.origin.clone()),
        wildcard: ctx.wildcard,
        server: server.name.clone(),
    }
}

/// The zone served by `server` whose origin is the longest suffix of `name`.
/// Of several such zones of one origin, the one listed last on the server. Found from the
/// world's zones by origin, suffix by suffix (a name has a few; a server of a thousand hosted
/// zones would otherwise look at each of them for every question).
pub fn closest_zone<'a>(world: &'a World, server: &NameServer, name: &Name) -> Option<&'a Zone> {
    for labels in (0..=name.num_labels()).rev() {
        let suffix = name.trim_to(usize::from(labels));
        let named: Vec<&str> = world.zones_named(&suffix).map(|z| z.id.as_str()).collect();
        if named.is_empty() {
            continue;
        }
        if let Some(zone) = server
            .zones
            .iter()
            .rev()
            .filter(|id| named.contains(&id.as_str()))
            .find_map(|id| world.zone(id).filter(|z| z.origin == suffix))
        {
            return Some(zone);
        }
    }
    None
}

struct Ctx<'a> {
    world: &'a World,
    server: &'a NameServer,
    rd: bool,
    message: Message,
    wildcard: Option<Name>,
}

impl Ctx<'_> {
    fn answer_in_zone(&mut self, zone: &Zone, q: &Question) -> ReplyKind {
        let mut qname = q.name.clone();
        let mut hops = 0usize;
        loop {
            // 3b: a delegation at or above the name (below the apex) gives a referral; the DS
            // and NSEC at the cut itself are the parent's own data.
            if let Some(cut) = zone
                .cut_for(&qname)
                .filter(|c| !(parent_side(q.rtype) && c.name == qname))
            {
                let cut = cut.name.clone();
                self.referral(zone, cut.clone());
                if hops > 0 {
                    // A chain that reaches a delegation in the same zone: the CNAMEs (AA set)
                    // and the referral for the rest, as BIND answers.
                    return ReplyKind::Cname { target: qname };
                }
                return ReplyKind::Referral { cut };
            }
            self.message.metadata.authoritative = true;

            let (sets, synthesised_from) = match self.sets_for(zone, &qname) {
                Lookup::Found(owner) => (owner, None),
                Lookup::Wildcard(star) => (star.clone(), Some(star)),
                Lookup::Empty => {
                    self.negative(zone);
                    return ReplyKind::NoData;
                }
                Lookup::Missing => {
                    // RFC 6604: after a chain the rcode is that of the last name.
                    self.message.metadata.response_code = ResponseCode::NXDomain;
                    self.negative(zone);
                    return ReplyKind::NxDomain;
                }
            };
            if let Some(star) = &synthesised_from
                && self.wildcard.is_none()
            {
                self.wildcard = Some(star.clone());
            }

            if q.rtype == RecordType::ANY && !zone.sets_at(&sets).is_empty() {
                let owner = if synthesised_from.is_some() {
                    qname.clone()
                } else {
                    zone.sets_at(&sets)[0].name.clone()
                };
                for set in zone.sets_at(&sets) {
                    set.push_records(&owner, &mut self.message.answers);
                }
                self.positive_authority(zone);
                return ReplyKind::Answer;
            }
            if let Some(set) = zone.get(&sets, q.rtype) {
                // BIND writes the owner as the zone spells it; a wildcard answers as the query.
                let owner = if synthesised_from.is_some() {
                    &qname
                } else {
                    &set.name
                };
                set.push_records(owner, &mut self.message.answers);
                if !self.keys_without_authority(q.rtype) {
                    self.positive_authority(zone);
                }
                self.additional_for_answer(zone, set);
                return ReplyKind::Answer;
            }
            if q.rtype != RecordType::CNAME
                && let Some(cname) = zone.get(&sets, RecordType::CNAME)
            {
                let Some(RData::CNAME(target)) = cname.values.first() else {
                    return ReplyKind::Answer;
                };
                let target = target.0.clone();
                if self.seen_in_answer(&qname) {
                    // A loop: BIND gives up with SERVFAIL, each CNAME listed once.
                    self.message.metadata.response_code = ResponseCode::ServFail;
                    return ReplyKind::Cname { target };
                }
                let owner = if synthesised_from.is_some() {
                    &qname
                } else {
                    &cname.name
                };
                cname.push_records(owner, &mut self.message.answers);
                hops += 1;
                if hops > MAX_SERVER_CNAME_HOPS {
                    // BIND restarts a lookup at most 11 times: the 12th CNAME ends in SERVFAIL.
                    self.message.metadata.response_code = ResponseCode::ServFail;
                    return ReplyKind::Cname { target };
                }
                let elsewhere =
                    closest_zone(self.world, self.server, &target).is_some_and(|z| z.id != zone.id);
                if !zone.origin.zone_of(&target) || elsewhere {
                    // BIND and Route 53 follow a chain only inside the zone that answers (not
                    // into another zone, even one this server serves); the answer then holds
                    // the CNAMEs alone, with no authority section.
                    return ReplyKind::Cname { target };
                }
                qname = target;
                continue;
            }
            self.negative(zone);
            return ReplyKind::NoData;
        }
    }

    /// Addresses for the targets of an NS or MX answer, from the answering zone only (BIND
    /// adds them with or without RD).
    fn additional_for_answer(&mut self, zone: &Zone, set: &RecordSet) {
        let targets: Vec<Name> = set
            .values
            .iter()
            .filter_map(|v| match v {
                RData::NS(ns) => Some(ns.0.clone()),
                RData::MX(mx) => Some(mx.exchange.clone()),
                _ => None,
            })
            .collect();
        self.add_addresses(zone, &targets);
    }

    fn add_addresses(&mut self, zone: &Zone, targets: &[Name]) {
        for target in targets {
            if !zone.origin.zone_of(target) || zone.cut_for(target).is_some() {
                continue;
            }
            for t in [RecordType::A, RecordType::AAAA] {
                // Never repeat what the answer or the additional section already holds.
                let present = |r: &Record| r.name == *target && r.record_type() == t;
                if let Some(addr) = zone.get(target, t)
                    && !self.message.additionals.iter().any(present)
                    && !self.message.answers.iter().any(present)
                {
                    self.message.additionals.extend(addr.records());
                }
            }
        }
    }

    fn seen_in_answer(&self, name: &Name) -> bool {
        self.message.answers.iter().any(|r| r.name == *name)
    }

    /// Finds where the data for `qname` lives: the name itself, a wildcard, or nowhere.
    fn sets_for(&self, zone: &Zone, qname: &Name) -> Lookup {
        let key = canon::key(qname);
        let sets = zone.sets_at_key(&key);
        // BIND keeps NSEC3 records in a tree of their own: their owner names do not exist
        // for queries (NXDOMAIN, `tests/fixtures/dnssec/captures/dnssec-nsec3.txt`).
        let nsec3_only = sets.iter().any(|s| s.rtype == RecordType::NSEC3)
            && sets
                .iter()
                .all(|s| matches!(s.rtype, RecordType::NSEC3 | RecordType::RRSIG));
        if !sets.is_empty() && !nsec3_only {
            return Lookup::Found(qname.clone());
        }
        if zone.key_exists(&key) && !nsec3_only {
            return Lookup::Empty;
        }
        // RFC 4592: the closest encloser is the longest existing ancestor; the source of
        // synthesis is the wildcard directly below it.
        let apex = usize::from(zone.origin.num_labels());
        let mut labels = usize::from(qname.num_labels());
        while labels > apex {
            labels -= 1;
            let encloser = canon::ancestor(&key, labels);
            if zone.key_exists(encloser) {
                let mut star_key = encloser.to_vec();
                star_key.extend_from_slice(b"*\0");
                if zone.sets_at_key(&star_key).is_empty() {
                    return Lookup::Missing;
                }
                let star =
                    Name::from_ascii("*").and_then(|s| s.append_domain(&qname.trim_to(labels)));
                return star.map_or(Lookup::Missing, Lookup::Wildcard);
            }
        }
        Lookup::Missing
    }

    fn referral(&mut self, zone: &Zone, cut: Name) {
        let Some(ns) = zone.get(&cut, RecordType::NS) else {
            return;
        };
        ns.push_records(&ns.name, &mut self.message.authorities);
        for value in &ns.values {
            let RData::NS(target) = value else { continue };
            let target = &target.0;
            // Glue: addresses the zone holds at or below a delegation, in bailiwick or for a
            // sibling. An address that is the zone's own data is not glue and is left out,
            // as BIND does; so are addresses from other zones on the server.
            if !zone.origin.zone_of(target) {
                continue;
            }
            let key = canon::key(target);
            if zone
                .cut_for_key(&key, usize::from(target.num_labels()))
                .is_none()
            {
                continue;
            }
            for t in [RecordType::A, RecordType::AAAA] {
                if let Some(addr) = zone.get_key(&key, t) {
                    addr.push_records(&addr.name, &mut self.message.additionals);
                }
            }
        }
    }

    /// BIND answers DS, DNSKEY, CDS and CDNSKEY with no authority section (observed with
    /// dig 9.18 against BIND 9.18, `tests/fixtures/dnssec` and `tests/fixtures/root`), which
    /// keeps these key answers small.
    fn keys_without_authority(&self, rtype: RecordType) -> bool {
        self.server.software == Software::Bind
            && matches!(
                rtype,
                RecordType::DS | RecordType::DNSKEY | RecordType::CDS | RecordType::CDNSKEY
            )
    }

    fn positive_authority(&mut self, zone: &Zone) {
        let include = match self.server.software {
            Software::Route53 => true,
            Software::Bind => !self.rd,
        };
        if !include {
            return;
        }
        if let Some(ns) = zone.apex_ns() {
            let already = self
                .message
                .answers
                .iter()
                .any(|r| r.record_type() == RecordType::NS && r.name == zone.origin);
            if !already {
                self.message.authorities.extend(ns.records());
                let targets = ns_targets(ns.records().iter());
                self.add_addresses(zone, &targets);
            }
        }
    }

    fn negative(&mut self, zone: &Zone) {
        if let Some(soa) = zone.soa() {
            // RFC 2308 section 3: the SOA's TTL is the smaller of its TTL and its minimum.
            let ttl = match soa.values.first() {
                Some(RData::SOA(s)) => soa.ttl.min(s.minimum),
                _ => soa.ttl,
            };
            for r in soa.records() {
                self.message
                    .authorities
                    .push(record(r.name.clone(), ttl, r.data.clone()));
            }
        }
    }
}

enum Lookup {
    Found(Name),
    Wildcard(Name),
    Empty,
    Missing,
}

/// The host names an NS record set points at.
pub fn ns_targets<'a>(records: impl Iterator<Item = &'a Record>) -> Vec<Name> {
    records
        .filter_map(|r| match &r.data {
            RData::NS(ns) => Some(ns.0.clone()),
            _ => None,
        })
        .collect()
}
