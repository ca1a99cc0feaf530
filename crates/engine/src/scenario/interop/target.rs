//! Which hosted zone an import goes into: given by its id (`Z…`) or by its name, with or
//! without the trailing dot. A name that several hosted zones share must be given by id.

use crate::aws::HostedZone;
use crate::dns::name::parse_absolute;
use crate::scenario::Scenario;

/// Why no hosted zone was found; `zones` lists the scenario's as `name (id)`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HostedZoneError {
    #[error("\"{spec}\" is neither a hosted zone id nor a zone name; {}", listed(.zones))]
    NotAZone { spec: String, zones: Vec<String> },
    #[error("no hosted zone is named {name}; {}", listed(.zones))]
    NoneNamed { name: String, zones: Vec<String> },
    #[error(
        "{} hosted zones are named {name} ({}); give the id of the one to import into",
        .ids.len(),
        .ids.join(", ")
    )]
    Ambiguous { name: String, ids: Vec<String> },
}

/// The sentence that lists a scenario's hosted zones.
fn listed(zones: &[String]) -> String {
    if zones.is_empty() {
        "this scenario has no hosted zones".to_string()
    } else {
        format!("this scenario has {}", zones.join(", "))
    }
}

/// The hosted zone `spec` names: an id, else a zone name that exactly one hosted zone has.
pub fn find_hosted_zone<'a>(
    s: &'a Scenario,
    spec: &str,
) -> Result<&'a HostedZone, HostedZoneError> {
    let spec = spec.trim();
    if let Some(hz) = s.aws.hosted_zone(spec) {
        return Ok(hz);
    }
    let id = spec.strip_prefix("/hostedzone/").unwrap_or(spec);
    if let Some(hz) = s.aws.hosted_zone(id) {
        return Ok(hz);
    }
    let zones = || -> Vec<String> {
        s.aws
            .hosted_zones
            .iter()
            .map(|z| format!("{} ({})", z.name, z.id))
            .collect()
    };
    let Ok(name) = parse_absolute(spec).map(|n| n.to_lowercase()) else {
        return Err(HostedZoneError::NotAZone {
            spec: spec.to_string(),
            zones: zones(),
        });
    };
    let named: Vec<&HostedZone> = s
        .aws
        .hosted_zones
        .iter()
        .filter(|z| z.name == name)
        .collect();
    match named.as_slice() {
        [one] => Ok(one),
        [] => Err(HostedZoneError::NoneNamed {
            name: name.to_string(),
            zones: zones(),
        }),
        many => Err(HostedZoneError::Ambiguous {
            name: name.to_string(),
            ids: many.iter().map(|z| z.id.clone()).collect(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets;

    #[test]
    fn by_id_or_by_name() {
        let s = presets::build("recreated").unwrap();
        let api = s
            .aws
            .hosted_zones
            .iter()
            .find(|z| z.name.to_string() == "api.example.com.")
            .unwrap();
        assert_eq!(find_hosted_zone(&s, &api.id).unwrap().id, api.id);
        assert_eq!(
            find_hosted_zone(&s, &format!("/hostedzone/{}", api.id))
                .unwrap()
                .id,
            api.id
        );
        assert_eq!(find_hosted_zone(&s, "API.example.com").unwrap().id, api.id);
        assert_eq!(
            find_hosted_zone(&s, "shop.example.com")
                .unwrap_err()
                .to_string(),
            format!(
                "no hosted zone is named shop.example.com.; this scenario has {}",
                s.aws
                    .hosted_zones
                    .iter()
                    .map(|z| format!("{} ({})", z.name, z.id))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        );
        assert!(matches!(
            find_hosted_zone(&s, "a b"),
            Err(HostedZoneError::NotAZone { spec, .. }) if spec == "a b"
        ));
    }
}
