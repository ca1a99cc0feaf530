//! Importing `aws route53 list-resource-record-sets --hosted-zone-id Z… --output json`
//! into a hosted zone: the `ResourceRecordSets` list (or the bare list, as
//! `--query ResourceRecordSets` prints it), each with `Name` (octal escapes such as `\052`
//! for `*`, see [`decode_route53_name`]), `Type`, `TTL`, `ResourceRecords[{Value}]` or an
//! `AliasTarget {HostedZoneId, DNSName, EvaluateTargetHealth}`. A TXT value's
//! `\ooo` codes are octal, as Route 53 writes them (see [`super::route53_text`]).
//!
//! Alias targets get addresses, which the listing does not hold: the addresses of the record
//! the alias names when it is in the same zone, as Route 53 answers; otherwise a fixed
//! documentation address (see [`documentation_address`]), said in the summary. Record sets
//! with a routing policy (`SetIdentifier`) are refused: the simulation holds one record set
//! per name and type.

use std::net::IpAddr;

use hickory_proto::rr::{Name, RData, RecordType};
use serde::Deserialize;

use super::batch::{self, Import, ImportMode};
use super::route53_text::octal_to_decimal;
use super::{ImportError, decode_route53_name, documentation_address, find_hosted_zone};
use crate::dns::rrset::{ALIAS_TTL, AliasTarget, RecordSet, parse_values};
use crate::scenario::Scenario;

// Every field of the API's shapes is known, so that a misspelt one is refused with its
// path rather than ignored; the ones the simulation does not model are refused or noted.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
#[allow(dead_code)] // the paging fields are read to be known, not used
struct Listing {
    resource_record_sets: Vec<SetDoc>,
    #[serde(default)]
    is_truncated: bool,
    next_record_name: Option<String>,
    next_record_type: Option<String>,
    next_record_identifier: Option<String>,
    max_items: Option<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
struct SetDoc {
    name: String,
    #[serde(rename = "Type")]
    rtype: String,
    #[serde(rename = "TTL")]
    ttl: Option<u64>,
    resource_records: Option<Vec<ValueDoc>>,
    alias_target: Option<AliasDoc>,
    set_identifier: Option<String>,
    health_check_id: Option<String>,
    traffic_policy_instance_id: Option<String>,
    // The routing policies (each needs a SetIdentifier in Route 53).
    weight: Option<serde_json::Value>,
    region: Option<serde_json::Value>,
    geo_location: Option<serde_json::Value>,
    failover: Option<serde_json::Value>,
    multi_value_answer: Option<serde_json::Value>,
    cidr_routing_config: Option<serde_json::Value>,
    geo_proximity_location: Option<serde_json::Value>,
}

impl SetDoc {
    /// The first routing-policy field the set has, by its name in the listing.
    fn routing_field(&self) -> Option<&'static str> {
        [
            ("Weight", self.weight.is_some()),
            ("Region", self.region.is_some()),
            ("GeoLocation", self.geo_location.is_some()),
            ("Failover", self.failover.is_some()),
            ("MultiValueAnswer", self.multi_value_answer.is_some()),
            ("CidrRoutingConfig", self.cidr_routing_config.is_some()),
            (
                "GeoProximityLocation",
                self.geo_proximity_location.is_some(),
            ),
        ]
        .into_iter()
        .find_map(|(field, present)| present.then_some(field))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ValueDoc {
    #[serde(rename = "Value")]
    value: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
struct AliasDoc {
    hosted_zone_id: String,
    #[serde(rename = "DNSName")]
    dns_name: String,
    #[allow(dead_code)] // known, not simulated: a target here is always healthy
    evaluate_target_health: Option<bool>,
}

/// Reads `text` (named `file` in messages) as a Route 53 record-set listing and returns the
/// checked edit that puts its record sets into hosted zone `zone` (an id or a name).
pub fn import_route53_json(
    s: &Scenario,
    zone: &str,
    file: &str,
    text: &str,
    mode: ImportMode,
) -> Result<Import, ImportError> {
    let hz = find_hosted_zone(s, zone).map_err(|e| ImportError::file(file, e.to_string()))?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m)
            .to_string();
        ImportError {
            line: Some(e.line()),
            column: Some(e.column()),
            ..ImportError::file(file, format!("this is not JSON: {message}"))
        }
    })?;
    let (docs, truncated, prefix) = match value {
        serde_json::Value::Array(_) => (shape::<Vec<SetDoc>>(file, value)?, false, ""),
        serde_json::Value::Object(ref o) if o.contains_key("ResourceRecordSets") => {
            let listing: Listing = shape(file, value)?;
            (
                listing.resource_record_sets,
                listing.is_truncated,
                "ResourceRecordSets",
            )
        }
        _ => {
            return Err(ImportError::file(
                file,
                "this is not the output of `aws route53 list-resource-record-sets --output json`: it has no \"ResourceRecordSets\" list",
            ));
        }
    };

    let mut notes = Vec::new();
    let mut sets: Vec<RecordSet> = Vec::with_capacity(docs.len());
    let mut first_at: Vec<usize> = Vec::with_capacity(docs.len());
    // Each set's index in `sets` by the canonical key of its name and its type, so a
    // listing of tens of thousands of sets is checked for repeats in linear time.
    let mut index: rustc_hash::FxHashMap<(Vec<u8>, RecordType), usize> =
        rustc_hash::FxHashMap::default();
    let mut aliases: Vec<(usize, AliasDoc)> = Vec::new();
    for (i, doc) in docs.into_iter().enumerate() {
        let at = |field: &str| format!("{prefix}[{i}]{field}");
        let name = decode_route53_name(&doc.name)
            .map_err(|e| ImportError::at_path(file, at(".Name"), e.to_string()))?;
        if !hz.name.zone_of(&name) {
            return Err(ImportError::at_path(
                file,
                at(".Name"),
                format!(
                    "{name} is not in the hosted zone {}: this listing seems to come from another zone; import it into the hosted zone of that name",
                    hz.name
                ),
            ));
        }
        let rtype = record_type(&doc.rtype)
            .map_err(|e| ImportError::at_path(file, at(".Type"), e.to_string()))?;
        if let Some(id) = &doc.set_identifier {
            return Err(ImportError::at_path(
                file,
                at(".SetIdentifier"),
                format!(
                    "{name} {rtype} has a routing policy (SetIdentifier \"{id}\"): the simulation holds one record set per name and type; keep one of them without SetIdentifier, Weight, Region, Failover or GeoLocation"
                ),
            ));
        }
        if let Some(field) = doc.routing_field() {
            return Err(ImportError::at_path(
                file,
                at(&format!(".{field}")),
                format!(
                    "{name} {rtype} has a routing policy ({field}): the simulation holds one record set per name and type, answered with simple routing; remove {field} (and SetIdentifier) to import it as a simple record set"
                ),
            ));
        }
        if doc.alias_target.is_some() && doc.resource_records.is_some() {
            return Err(ImportError::at_path(
                file,
                at(".AliasTarget"),
                format!(
                    "{name} {rtype} has both an AliasTarget and ResourceRecords; Route 53 refuses such a set (an alias answers with its target's records, it has none of its own): keep one of the two"
                ),
            ));
        }
        if let Some(id) = &doc.health_check_id {
            notes.push(format!(
                "{name} {rtype} has the health check {id}: the simulation has no health checks, so the record is answered as if healthy."
            ));
        }
        if let Some(id) = &doc.traffic_policy_instance_id {
            notes.push(format!(
                "{name} {rtype} was made by the traffic policy instance {id}: it is imported as a plain record set; the traffic policy itself is not simulated."
            ));
        }
        if let Some(&k) = index.get(&(crate::dns::canon::key(&name), rtype)) {
            return Err(ImportError::at_path(
                file,
                at(""),
                format!(
                    "a second record set {name} {rtype} (the first is {prefix}[{}]); a listing holds one record set of each name and type",
                    first_at[k]
                ),
            ));
        }
        let set = match doc.alias_target {
            Some(alias) => {
                if !matches!(rtype, RecordType::A | RecordType::AAAA) {
                    return Err(ImportError::at_path(
                        file,
                        at(".AliasTarget"),
                        format!(
                            "{name} is an alias of type {rtype}: the simulation models aliases of type A and AAAA only; replace it with a CNAME or the records it stands for"
                        ),
                    ));
                }
                let dns_name = decode_route53_name(&alias.dns_name).map_err(|e| {
                    ImportError::at_path(file, at(".AliasTarget.DNSName"), e.to_string())
                })?;
                aliases.push((sets.len(), alias));
                RecordSet {
                    name,
                    rtype,
                    ttl: ALIAS_TTL,
                    values: Vec::new(),
                    alias: Some(AliasTarget {
                        dns_name,
                        hosted_zone_id: String::new(),
                        addresses: Vec::new(),
                    }),
                }
            }
            None => {
                let Some(ttl) = doc.ttl else {
                    return Err(ImportError::at_path(
                        file,
                        at(""),
                        format!(
                            "{name} {rtype} has no TTL; a record set that is not an alias needs one, such as \"TTL\": 300"
                        ),
                    ));
                };
                let ttl = u32::try_from(ttl)
                    .ok()
                    .filter(|t| *t <= crate::aws::rules::MAX_TTL)
                    .ok_or_else(|| {
                        ImportError::at_path(
                            file,
                            at(".TTL"),
                            format!("{ttl} is not a TTL; Route 53 takes 0 to 2147483647 seconds"),
                        )
                    })?;
                let records = doc.resource_records.unwrap_or_default();
                if records.is_empty() {
                    return Err(ImportError::at_path(
                        file,
                        at(""),
                        format!("{name} {rtype} has neither ResourceRecords nor an AliasTarget"),
                    ));
                }
                // Route 53 writes a text value's special characters as octal codes.
                let texts = records
                    .iter()
                    .map(|v| match rtype {
                        RecordType::TXT => octal_to_decimal(&v.value),
                        _ => Ok(v.value.clone()),
                    })
                    .collect::<Result<Vec<String>, _>>()
                    .map_err(|e| {
                        ImportError::at_path(file, at(".ResourceRecords"), e.to_string())
                    })?;
                let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
                let values = parse_values(rtype, &texts).map_err(|e| {
                    ImportError::at_path(file, at(".ResourceRecords"), e.to_string())
                })?;
                RecordSet::new(name, rtype, ttl, values)
            }
        };
        index.insert((crate::dns::canon::key(&set.name), set.rtype), sets.len());
        sets.push(set);
        first_at.push(i);
    }

    if truncated {
        notes.push("The listing says IsTruncated: it is one page only, and the record sets of the next pages were not imported; list again without --max-items (the AWS CLI then fetches every page).".to_string());
    }
    let zone = s.world.zone(&hz.id);
    for (index, doc) in aliases {
        let (name, rtype, target) = {
            let set = &sets[index];
            let target = set.alias.as_ref().expect("alias").dns_name.clone();
            (set.name.clone(), set.rtype, target)
        };
        let own = same_zone_addresses(&sets, zone, &target, rtype);
        let note = match &own {
            Some(_) => format!(
                "{name} {rtype} is an alias to {target} in the same zone: it answers with that record's addresses, as Route 53 does."
            ),
            None => {
                let addr = documentation_address(&target, rtype);
                format!(
                    "{name} {rtype} is an alias to {target} ({}): this simulation has no AWS resources behind it, so it answers with {addr}, a documentation address derived from the target's name.",
                    doc.hosted_zone_id
                )
            }
        };
        notes.push(note);
        let addresses = own.unwrap_or_else(|| vec![documentation_address(&target, rtype)]);
        let alias = sets[index].alias.as_mut().expect("alias");
        alias.hosted_zone_id = doc.hosted_zone_id;
        alias.addresses = addresses;
    }
    batch::build(s, hz, file, sets, mode, notes)
}

/// Converts the JSON value into `T`, with the JSON path of a value of the wrong shape.
fn shape<T: for<'de> Deserialize<'de>>(
    file: &str,
    value: serde_json::Value,
) -> Result<T, ImportError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let message = e.inner().to_string();
        if path == "." {
            ImportError::file(file, message)
        } else {
            ImportError::at_path(file, path, message)
        }
    })
}

/// A record type Route 53 does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "\"{text}\" is not a record type Route 53 knows (A, AAAA, CAA, CNAME, DS, MX, NAPTR, NS, PTR, SOA, SPF, SRV, TXT)"
)]
pub struct RecordTypeError {
    pub text: String,
}

fn record_type(text: &str) -> Result<RecordType, RecordTypeError> {
    let upper = text.trim().to_ascii_uppercase();
    match upper.parse::<RecordType>() {
        Ok(RecordType::Unknown(_)) | Err(_) => Err(RecordTypeError {
            text: text.to_string(),
        }),
        Ok(t) => Ok(t),
    }
}

/// The addresses of `target`'s own `rtype` records when the alias points inside the zone.
fn same_zone_addresses(
    sets: &[RecordSet],
    zone: Option<&crate::dns::Zone>,
    target: &Name,
    rtype: RecordType,
) -> Option<Vec<IpAddr>> {
    let found = sets
        .iter()
        .find(|s| s.name == *target && s.rtype == rtype && s.alias.is_none())
        .or_else(|| zone?.get(target, rtype).filter(|s| s.alias.is_none()))?;
    let addresses: Vec<IpAddr> = found
        .values
        .iter()
        .filter_map(|v| match v {
            RData::A(a) => Some(IpAddr::V4(a.0)),
            RData::AAAA(a) => Some(IpAddr::V6(a.0)),
            _ => None,
        })
        .collect();
    (!addresses.is_empty()).then_some(addresses)
}
