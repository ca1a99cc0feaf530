//! `CNAME_AT_APEX`: a CNAME at a zone's apex, where the SOA and NS must be (RFC 1034 3.6.2
//! allows no other data beside a CNAME). Route 53 refuses it; a zone file can hold it, and
//! BIND then refuses to load the zone ("CNAME and other data").

use hickory_proto::rr::RecordType;

use crate::diagnose::context::{Context, t};
use crate::diagnose::finding::{Code, Finding, Severity};
use crate::diagnose::fix::{Edit, Fix};

pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for zone in &ctx.world.zones {
        let Some(cname) = zone.get(&zone.origin, RecordType::CNAME) else {
            continue;
        };
        let text = format!(
            "{} has a CNAME at its apex {} (to {}). The apex must hold the zone's SOA and NS records, and a CNAME allows no other data at its name, so BIND refuses to load such a zone and Route 53 refuses to create it. To point the apex at another name use an A/AAAA record (or a Route 53 alias), and delete the CNAME.",
            ctx.label(&zone.id),
            t(&zone.origin),
            cname.value_texts().join(" ")
        );
        let mut f = Finding::new(
            Code::CnameAtApex,
            Severity::Error,
            format!("{}: a CNAME at the zone apex", t(&zone.origin)),
            text,
        );
        f.involved = vec![ctx.involved_set(&zone.id, &zone.origin, RecordType::CNAME)];
        f.fixes = vec![Fix::new(
            format!("Delete the CNAME at {}", t(&zone.origin)),
            vec![Edit::DeleteRecordSet {
                zone_id: zone.id.clone(),
                name: zone.origin.clone(),
                rtype: RecordType::CNAME,
            }],
        )];
        out.push(f);
    }
    out
}
