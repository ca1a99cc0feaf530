//! Generated worlds for measuring the app at scale (issue 14): one hosted zone holding
//! many record sets ([`big_zone`]), and many hosted zones spread over accounts, each
//! delegated from one parent ([`many_zones`]). Both are built through the same Route 53
//! operations a user performs and are deterministic, so the native benches, the command
//! line (`delegation-lab generate`) and the web benchmark measure the very same scenarios.

use hickory_proto::rr::{Name, RecordType};

use super::document::Scenario;
use crate::aws::route53::{self, Change, ChangeAction, Route53Error};
use crate::dns::internet;
use crate::dns::name::n;
use crate::dns::rrset::{RecordSet, parse_values};

/// The seed of every generated scenario.
const SEED: u64 = 14;

/// The apex both worlds are built under.
pub const APEX: &str = "example.com.";

/// How many record sets [`big_zone`] holds in the measurements.
pub const BIG_ZONE_SETS: usize = 25_000;
/// How many hosted zones [`many_zones`] holds in the measurements.
pub const MANY_ZONES: usize = 1_000;
/// Over how many accounts [`many_zones`] spreads its zones.
pub const MANY_ZONES_ACCOUNTS: usize = 10;

fn set(name: &str, rtype: RecordType, ttl: u32, values: &[&str]) -> RecordSet {
    RecordSet::new(
        n(name),
        rtype,
        ttl,
        parse_values(rtype, values).expect("generated values are valid"),
    )
}

fn create_all(
    s: &mut Scenario,
    zone_id: &str,
    sets: impl IntoIterator<Item = RecordSet>,
) -> Result<(), Route53Error> {
    let changes: Vec<Change> = sets
        .into_iter()
        .map(|set| Change {
            action: ChangeAction::Create,
            set,
        })
        .collect();
    route53::change_record_sets(&mut s.world, &s.aws, zone_id, &changes)
}

/// The account id of account number `i` (twelve digits).
fn account_id(i: usize) -> String {
    format!("{:012}", 100_000_000_000_u64 + i as u64)
}

/// A scenario with one account and example.com registered to its hosted zone.
fn base(title: &str, accounts: usize) -> Result<(Scenario, String), Route53Error> {
    let mut s = Scenario::new(title, SEED);
    for i in 0..accounts.max(1) {
        route53::create_account(&mut s.aws, &account_id(i), &format!("Account {}", i + 1))?;
    }
    let apex = route53::create_hosted_zone(&mut s.world, &mut s.aws, &account_id(0), APEX, "apex")?;
    let ns = s
        .aws
        .hosted_zone(&apex)
        .map(|z| z.name_servers())
        .unwrap_or_default();
    internet::set_registry_delegation(&mut s.world, &n(APEX), &ns)
        .map_err(|e| Route53Error::InvalidInput(e.to_string()))?;
    Ok((s, apex))
}

/// The `i`-th generated record set under `origin`: addresses, TXT, CNAMEs and MX, every one
/// at its own name, pointing only at names that exist.
fn record(i: usize, origin: &str) -> RecordSet {
    let (a, b, c) = (i / 62_500 % 256, i / 250 % 250, i % 250);
    match i % 10 {
        0..=4 => set(
            &format!("h{i}.{origin}"),
            RecordType::A,
            300,
            &[&format!("10.{a}.{b}.{c}")],
        ),
        5 => set(
            &format!("h{i}.{origin}"),
            RecordType::AAAA,
            3600,
            &[&format!("2001:db8::{i:x}")],
        ),
        6 => set(
            &format!("t{i}.{origin}"),
            RecordType::TXT,
            300,
            &[
                "\"v=spf1 include:_spf.example.com ~all\"",
                &format!("\"id {i}\""),
            ],
        ),
        7 => set(
            &format!("c{i}.{origin}"),
            RecordType::CNAME,
            300,
            &[&format!("h{}.{origin}", i - 7)],
        ),
        8 => set(
            &format!("m{i}.{origin}"),
            RecordType::MX,
            300,
            &[&format!("10 h{}.{origin}", i - 8)],
        ),
        _ => set(
            &format!("h{i}.{origin}"),
            RecordType::A,
            60,
            &[&format!("10.{a}.{b}.{c}"), &format!("10.{a}.{b}.{}", c + 1)],
        ),
    }
}

/// One hosted zone (example.com, registered) with `sets` record sets in all: its SOA and NS
/// and `sets - 2` generated ones (A, AAAA, TXT, CNAME, MX), as an imported zone would be.
pub fn big_zone(sets: usize) -> Scenario {
    let build = || -> Result<Scenario, Route53Error> {
        let (mut s, apex) = base(&format!("One hosted zone of {sets} record sets"), 1)?;
        s.description = format!(
            "example.com in one account holds {sets} record sets (generated for measuring the app at scale)."
        );
        create_all(
            &mut s,
            &apex,
            (0..sets.saturating_sub(2)).map(|i| record(i, APEX)),
        )?;
        Ok(s)
    };
    build().expect("the generated big zone is valid")
}

/// `zones` hosted zones spread over `accounts` accounts: example.com (registered, in the
/// first account) and `zones - 1` subdomains `sN.example.com`, each in account `N mod
/// accounts`, each delegated from example.com with its own name servers, each holding an
/// apex address, `www` as a CNAME to it and a TXT record.
pub fn many_zones(zones: usize, accounts: usize) -> Scenario {
    let build = || -> Result<Scenario, Route53Error> {
        let (mut s, apex) = base(
            &format!("{zones} hosted zones in {accounts} accounts"),
            accounts,
        )?;
        s.description = format!(
            "example.com delegates {} subdomains, each a hosted zone in one of {accounts} accounts (generated for measuring the app at scale).",
            zones.saturating_sub(1)
        );
        let mut delegations = Vec::new();
        for i in 1..zones {
            let origin = format!("s{i}.{APEX}");
            let account = account_id(i % accounts.max(1));
            let id = route53::create_hosted_zone(
                &mut s.world,
                &mut s.aws,
                &account,
                &origin,
                &format!("s{i}"),
            )?;
            let (b, c) = (i / 250 % 250, i % 250);
            create_all(
                &mut s,
                &id,
                [
                    set(&origin, RecordType::A, 300, &[&format!("10.1.{b}.{c}")]),
                    set(&format!("www.{origin}"), RecordType::CNAME, 300, &[&origin]),
                    set(&origin, RecordType::TXT, 300, &[&format!("\"zone {i}\"")]),
                ],
            )?;
            let ns: Vec<Name> = s
                .aws
                .hosted_zone(&id)
                .map(|z| z.name_servers())
                .unwrap_or_default();
            // The TTL the zone's own NS set has (as the console's copy of it does).
            delegations.push(crate::dns::internet::ns_set(
                n(&origin),
                ns,
                route53::NS_TTL,
            ));
        }
        create_all(&mut s, &apex, delegations)?;
        Ok(s)
    };
    build().expect("the generated zones are valid")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::answer::Question;
    use crate::dns::resolve::{self, Cache};

    #[test]
    fn big_zone_holds_the_sets_asked_for_and_round_trips() {
        let s = big_zone(500);
        let zone = s.world.zones.iter().find(|z| z.origin == n(APEX)).unwrap();
        assert_eq!(zone.len(), 500);
        let back = Scenario::from_json(&s.to_json()).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn many_zones_delegates_every_zone_and_resolves() {
        let s = many_zones(30, 4);
        assert_eq!(s.aws.hosted_zones.len(), 30);
        assert_eq!(s.aws.accounts.len(), 4);
        let q = Question::new(n("www.s29.example.com."), RecordType::A);
        let r = resolve::recursive(&s.world, &mut Cache::new(), &q, s.clock);
        let answers: Vec<String> = r.outcome.answer.iter().map(|r| r.to_string()).collect();
        assert!(
            answers.iter().any(|a| a.contains("10.1.0.29")),
            "{answers:?}"
        );
    }
}
