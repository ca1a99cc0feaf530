//! Evidence: a dig command run on the scenario's world (the same code path as the dig
//! console and `delegation-lab dig`), kept with its text, its resolution and a one-line
//! summary of the outcome.

use super::context::{list, t};
use crate::dns::answer::ns_targets;
use crate::dns::resolve::{Cache, OutcomeKind, Resolution};
use crate::dns::world::World;
use crate::scenario::dig_command;

use super::finding::Evidence;

/// Runs `dig ARGS` (the words after `dig`) with an empty resolver cache at `now`.
pub fn dig(world: &World, now: u64, args: &str) -> Evidence {
    dig_with_cache(world, Cache::new(), now, args)
}

/// Runs `dig ARGS` with the resolver holding `cache` (the scenario's, to show what its
/// clients see now).
pub fn dig_with_cache(world: &World, mut cache: Cache, now: u64, args: &str) -> Evidence {
    let command = format!("dig {args}");
    match dig_command::run_line(world, &mut cache, now, args) {
        Ok(run) => {
            let summary = match &run.resolution {
                Some(r) => summary(r),
                None => {
                    "no reply: nothing answers at that address, so the query times out".to_string()
                }
            };
            Evidence {
                command,
                summary,
                text: run.text,
                resolution: run.resolution,
            }
        }
        Err(e) => Evidence {
            command,
            summary: e.to_string(),
            text: String::new(),
            resolution: None,
        },
    }
}

/// A direct query without recursion to one server (by name or address), as a resolver
/// sends it.
pub fn direct(world: &World, now: u64, rtype: &str, name: &str, server: &str) -> Evidence {
    dig(world, now, &format!("+norecurse {rtype} {name} @{server}"))
}

/// A question to the public recursive resolver.
pub fn recursive(world: &World, now: u64, rtype: &str, name: &str) -> Evidence {
    dig(world, now, &format!("{rtype} {name}"))
}

/// `LABEL: reason`, e.g. `SERVFAIL: every name server of api.example.com answered REFUSED`;
/// a referral lists the servers it names.
pub fn summary(r: &Resolution) -> String {
    let o = &r.outcome;
    if o.kind == OutcomeKind::Referral {
        let servers = ns_targets(o.authority.iter());
        let cut = o
            .authority
            .first()
            .map(|rec| t(&rec.name))
            .unwrap_or_default();
        return format!("REFERRAL: {cut} is delegated to {}", list(&servers));
    }
    format!("{}: {}", o.kind.label(), o.reason)
}
