//! `CNAME_WITH_OTHER_DATA`: a CNAME beside other records at the same name below the apex
//! (possible in an imported zone file; Route 53 refuses it). A resolver that finds the CNAME
//! follows it and never sees the other records; BIND refuses to load the zone.

use hickory_proto::rr::RecordType;

use crate::diagnose::context::{Context, and_list, t};
use crate::diagnose::finding::{Code, Finding, Severity};
use crate::diagnose::fix::{Edit, Fix};

pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for zone in &ctx.world.zones {
        for cname in zone.iter().filter(|s| s.rtype == RecordType::CNAME) {
            let name = &cname.name;
            if *name == zone.origin || zone.is_occluded(cname) {
                continue;
            }
            let others: Vec<RecordType> = zone
                .sets_at(name)
                .iter()
                .map(|s| s.rtype)
                .filter(|t| *t != RecordType::CNAME)
                .collect();
            if others.is_empty() {
                continue;
            }
            let types: Vec<String> = others.iter().map(|t| t.to_string()).collect();
            let text = format!(
                "{} in {} has a CNAME (to {}) and also {} records. A CNAME makes the name an alias and allows no other data beside it: resolvers follow the CNAME and never see the {} records, BIND refuses to load the zone, and Route 53 refuses the change. Keep either the CNAME or the other records.",
                t(name),
                ctx.label(&zone.id),
                cname.value_texts().join(" "),
                and_list(&types),
                and_list(&types)
            );
            let mut f = Finding::new(
                Code::CnameWithOtherData,
                Severity::Error,
                format!("{}: a CNAME beside other records", t(name)),
                text,
            );
            f.involved = std::iter::once(RecordType::CNAME)
                .chain(others.iter().copied())
                .map(|t| ctx.involved_set(&zone.id, name, t))
                .collect();
            f.fixes = vec![
                Fix::new(
                    format!("Keep the CNAME and delete the {} records", and_list(&types)),
                    others
                        .iter()
                        .map(|t| Edit::DeleteRecordSet {
                            zone_id: zone.id.clone(),
                            name: name.clone(),
                            rtype: *t,
                        })
                        .collect(),
                ),
                Fix::new(
                    format!("Delete the CNAME and keep the {} records", and_list(&types)),
                    vec![Edit::DeleteRecordSet {
                        zone_id: zone.id.clone(),
                        name: name.clone(),
                        rtype: RecordType::CNAME,
                    }],
                ),
            ];
            out.push(f);
        }
    }
    out
}
