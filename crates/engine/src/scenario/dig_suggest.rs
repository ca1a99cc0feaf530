//! When a dig command names a server (`@ns-123.awsdns-45.com`) that is not in the scenario
//! (the article's example names are placeholders: Route 53 picks each hosted zone's servers),
//! which servers do serve the name asked, and the same command with one of them instead: the
//! console offers it in one click, the command line prints it. The same for the article's
//! example validation names (`_abc123.api.example.com`, `_def456.acm-validations.aws`: ACM
//! makes random ones per certificate): the scenario's real validation record instead.

use hickory_proto::rr::{Name, RecordType};

use crate::dns::name::plain;
use crate::dns::world::World;

/// The example name servers the article uses; Route 53 never hands out these exact ones.
pub const ARTICLE_SERVERS: [&str; 4] = [
    "ns-123.awsdns-45.com",
    "ns-456.awsdns-67.net",
    "ns-789.awsdns-01.org",
    "ns-012.awsdns-34.co.uk",
];

/// The article's example validation record: its name and its value.
pub const ARTICLE_VALIDATION_NAMES: [&str; 2] =
    ["_abc123.api.example.com", "_def456.acm-validations.aws"];

/// Which placeholder of the article a suggestion replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placeholder {
    /// A server after `@` that is not in the scenario.
    Server,
    /// The article's example validation name, asked for.
    ValidationName,
}

/// The servers that serve a name, for a command whose `@server` does not exist; or the real
/// validation record, for a command that asks for the article's example one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerSuggestion {
    pub placeholder: Placeholder,
    /// The server as typed after `@` (or the name as typed, for a validation name).
    pub typed: String,
    /// The zone that holds the name asked (the deepest one served by some server).
    pub zone: Name,
    /// That zone's servers.
    pub servers: Vec<Name>,
    /// The command line again, with the first of `servers` after `@`.
    pub command: String,
}

impl ServerSuggestion {
    /// One or two sentences: what is wrong, who serves the name, what to run instead.
    pub fn message(&self) -> String {
        if self.placeholder == Placeholder::ValidationName {
            return format!(
                "{} is the article's example validation name (ACM makes a random one for each certificate); this scenario's validation record is {}: try {}",
                self.typed.trim_end_matches('.'),
                plain(&self.zone),
                self.command
            );
        }
        let example = if is_article_example(&self.typed) {
            " (it is one of the article's example names; Route 53 gives each hosted zone its own four servers)"
        } else {
            ""
        };
        let servers: Vec<String> = self.servers.iter().map(plain).collect();
        format!(
            "no server named {} in this scenario{example}. {} is served by {}: try {}",
            self.typed.trim_end_matches('.'),
            plain(&self.zone),
            servers.join(", "),
            self.command
        )
    }
}

/// True for one of the article's placeholder server names.
pub fn is_article_example(typed: &str) -> bool {
    let typed = typed.trim_end_matches('.').to_ascii_lowercase();
    ARTICLE_SERVERS.contains(&typed.as_str())
}

/// For a command line (with or without the leading `dig`) whose `@server` is a name no
/// server in the world has: the zone holding the name asked and its servers, and the
/// command with the first of them. `None` when the server exists, is an address, or no
/// served zone holds the name.
pub fn suggest_server(world: &World, line: &str) -> Option<ServerSuggestion> {
    // It walks every zone.
    crate::dns::reads::note_all();
    let words: Vec<&str> = line.split_whitespace().collect();
    let Some(at) = words.iter().position(|w| w.starts_with('@')) else {
        return suggest_validation(world, line);
    };
    let typed = words[at].trim_start_matches('@');
    if typed.is_empty() || typed.parse::<std::net::Ipv4Addr>().is_ok() {
        return None;
    }
    if world.find_server(typed).is_some() {
        return suggest_validation(world, line);
    }
    let qname = asked_name(&words)?;
    let (zone, servers) = serving(world, &qname)?;
    let first = plain(servers.first()?);
    let mut fixed: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    fixed[at] = format!("@{first}");
    if fixed.first().map(String::as_str) != Some("dig") {
        fixed.insert(0, "dig".into());
    }
    Some(ServerSuggestion {
        placeholder: Placeholder::Server,
        typed: typed.to_string(),
        zone,
        servers,
        command: fixed.join(" "),
    })
}

/// The name a command line's words ask for (the words after `dig`), if they parse.
fn asked_name(words: &[&str]) -> Option<Name> {
    let args: Vec<String> = words
        .iter()
        .filter(|w| **w != "dig")
        .map(|w| w.to_string())
        .collect();
    Some(super::dig_command::parse(&args).ok()?.name)
}

/// True for the article's example validation name or value.
pub fn is_article_validation(name: &Name) -> bool {
    let text = plain(name).to_ascii_lowercase();
    ARTICLE_VALIDATION_NAMES.contains(&text.as_str())
}

/// For a command asking for the article's example validation name (or value) where the
/// scenario has no such record: the scenario's real validation CNAME (its name, or for the
/// value, its target) in the zone resolvers reach for it, and the command asking for that
/// instead. `None` when the name is not the example, a record of that name exists, or the
/// scenario has no validation CNAME yet.
pub fn suggest_validation(world: &World, line: &str) -> Option<ServerSuggestion> {
    // It walks every zone.
    crate::dns::reads::note_all();
    let words: Vec<&str> = line.split_whitespace().collect();
    let qname = asked_name(&words)?;
    if !is_article_validation(&qname) || world.zones.iter().any(|z| !z.sets_at(&qname).is_empty()) {
        return None;
    }
    let wants_value = plain(&qname).ends_with("acm-validations.aws");
    let acm = crate::dns::name::n("acm-validations.aws");
    // The validation CNAMEs of the zone resolvers reach for api.example.com (the article's
    // example is *.api.example.com's record; another domain's record is no substitute).
    let (zone, servers) = serving(world, &crate::dns::name::n("api.example.com"))?;
    let zone_id = world
        .zones_named(&zone)
        .find(|z| {
            world
                .servers_of(&z.id)
                .any(|s| servers.first() == Some(&s.name))
        })?
        .id
        .clone();
    let (name, target) = world
        .zone(&zone_id)?
        .iter()
        .filter(|set| set.rtype == RecordType::CNAME)
        .filter(|set| set.name.iter().next().is_some_and(|l| l.starts_with(b"_")))
        .find_map(|set| {
            set.records().iter().find_map(|r| match &r.data {
                hickory_proto::rr::RData::CNAME(c) if acm.zone_of(&c.0) => {
                    Some((set.name.clone(), c.0.clone()))
                }
                _ => None,
            })
        })?;
    let real = if wants_value { target } else { name };
    let typed = words
        .iter()
        .find(|w| crate::dns::name::parse_absolute(w).is_ok_and(|x| x == qname))
        .map_or_else(|| plain(&qname), |w| w.to_string());
    let mut fixed: Vec<String> = words
        .iter()
        .map(|w| {
            if *w == typed {
                plain(&real)
            } else {
                w.to_string()
            }
        })
        .collect();
    if fixed.first().map(String::as_str) != Some("dig") {
        fixed.insert(0, "dig".into());
    }
    Some(ServerSuggestion {
        placeholder: Placeholder::ValidationName,
        typed,
        zone: real,
        servers: Vec::new(),
        command: fixed.join(" "),
    })
}

/// The deepest zone holding `qname` that some server serves, and its servers. Of several
/// hosted zones with that name, the one the parent delegates to, if any.
fn serving(world: &World, qname: &Name) -> Option<(Name, Vec<Name>)> {
    let served: Vec<_> = world
        .zones
        .iter()
        .filter(|z| z.origin.zone_of(qname))
        .filter(|z| world.servers_of(&z.id).next().is_some())
        .collect();
    let depth = served.iter().map(|z| z.origin.num_labels()).max()?;
    let deepest: Vec<_> = served
        .into_iter()
        .filter(|z| z.origin.num_labels() == depth)
        .collect();
    let delegated: Vec<Name> = world
        .parent_zones(&deepest[0].origin)
        .filter_map(|p| p.get(&deepest[0].origin, RecordType::NS))
        .flat_map(|set| crate::dns::answer::ns_targets(set.records().iter()))
        .collect();
    let zone = deepest
        .iter()
        .find(|z| {
            world
                .servers_of(&z.id)
                .any(|s| delegated.iter().any(|d| s.is_named(d)))
        })
        .unwrap_or(&deepest[0]);
    let servers = world.servers_of(&zone.id).map(|s| s.name.clone()).collect();
    Some((zone.origin.clone(), servers))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets;

    #[test]
    fn the_articles_example_server_gets_the_childs_real_one() {
        let s = presets::build("article").unwrap();
        let hint = suggest_server(
            &s.world,
            "dig A something.api.example.com @ns-123.awsdns-45.com",
        )
        .unwrap();
        assert_eq!(plain(&hint.zone), "api.example.com");
        assert_eq!(hint.servers.len(), 4);
        let first = plain(&hint.servers[0]);
        assert!(
            s.world
                .find_server(&first)
                .unwrap()
                .serves(&s.world.zones_named(&hint.zone).next().unwrap().id)
        );
        assert_eq!(
            hint.command,
            format!("dig A something.api.example.com @{first}")
        );
        let message = hint.message();
        assert!(
            message.starts_with(
                "no server named ns-123.awsdns-45.com in this scenario (it is one of the article's example names"
            ),
            "{message}"
        );
        assert!(
            message.ends_with(&format!("try {}", hint.command)),
            "{message}"
        );
        // Without `dig`, in another order, and the article's other example names.
        for line in [
            "@ns-456.awsdns-67.net NS api.example.com",
            "dig @ns-012.awsdns-34.co.uk. SOA api.example.com",
        ] {
            let hint = suggest_server(&s.world, line).unwrap();
            assert_eq!(plain(&hint.zone), "api.example.com", "{line}");
            assert!(hint.command.starts_with("dig @ns-"), "{}", hint.command);
        }
    }

    #[test]
    fn the_articles_example_validation_name_points_to_the_real_one() {
        let mut s = presets::build("article").unwrap();
        // The preset holds the article's literal record; without it (as in the
        // walkthrough), and with no validation record yet, there is nothing to point to.
        let wildcard = "*.api.example.com";
        let example = crate::dns::name::n("_abc123.api.example.com");
        for z in s.world.zones.iter_mut() {
            std::sync::Arc::make_mut(z).remove(&example, RecordType::CNAME);
        }
        assert_eq!(
            suggest_validation(&s.world, "dig CNAME _abc123.api.example.com"),
            None
        );
        let arn = crate::scenario::acm_ops::request_certificate(
            &mut s,
            presets::ACCOUNT_B,
            wildcard,
            &[],
        )
        .unwrap();
        let record = s.aws.certificate(&arn).unwrap().domain_validations[0]
            .record
            .clone();
        let child = s
            .aws
            .hosted_zones
            .iter()
            .find(|z| plain(&z.name) == "api.example.com" && z.account == presets::ACCOUNT_B)
            .unwrap()
            .id
            .clone();
        s.world
            .zone_mut(&child)
            .unwrap()
            .upsert(record.record_set(300));
        // Typed as the article writes it: the real name, in the same command.
        let hint = suggest_server(&s.world, "dig CNAME _abc123.api.example.com").unwrap();
        assert_eq!(hint.placeholder, Placeholder::ValidationName);
        let real = plain(&record.name);
        assert_eq!(hint.command, format!("dig CNAME {real}"));
        assert!(
            hint.message()
                .starts_with("_abc123.api.example.com is the article's example validation name"),
            "{}",
            hint.message()
        );
        assert!(hint.message().ends_with(&format!("try {}", hint.command)));
        // And the example value, without dig, with a trailing dot.
        let hint = suggest_server(&s.world, "CNAME _def456.acm-validations.aws.").unwrap();
        assert!(hint.command.starts_with("dig CNAME _"), "{}", hint.command);
        assert!(
            hint.command.ends_with(".acm-validations.aws"),
            "{}",
            hint.command
        );
        // dig itself answers as real dig does; the console adds the hint under its text.
        let mut cache = crate::dns::resolve::Cache::default();
        let run = crate::scenario::dig_command::run_line(
            &s.world,
            &mut cache,
            s.clock,
            "dig CNAME _abc123.api.example.com",
        )
        .unwrap();
        assert!(run.text.contains("status: NXDOMAIN"), "{}", run.text);
        // A real name, or another underscore name, is asked as typed.
        assert_eq!(suggest_server(&s.world, &format!("dig CNAME {real}")), None);
        assert_eq!(
            suggest_server(&s.world, "dig CNAME _other.api.example.com"),
            None
        );
        assert!(is_article_validation(&crate::dns::name::n(
            "_ABC123.api.example.com"
        )));
    }

    #[test]
    fn a_name_above_the_delegation_gets_the_parents_servers() {
        let s = presets::build("article").unwrap();
        let hint = suggest_server(&s.world, "dig A www.example.com @ns-789.awsdns-01.org").unwrap();
        assert_eq!(plain(&hint.zone), "example.com");
    }

    #[test]
    fn nothing_to_suggest_for_a_real_server_or_an_address() {
        let s = presets::build("article").unwrap();
        assert_eq!(
            suggest_server(&s.world, "dig A api.example.com @8.8.8.8"),
            None
        );
        assert_eq!(
            suggest_server(&s.world, "dig A api.example.com @192.0.2.99"),
            None
        );
        assert_eq!(suggest_server(&s.world, "dig A api.example.com"), None);
        let real = plain(&s.world.servers[0].name);
        assert_eq!(
            suggest_server(&s.world, &format!("dig A api.example.com @{real}")),
            None
        );
        assert!(!is_article_example("ns-1.example.net"));
        assert!(is_article_example("NS-123.awsdns-45.com."));
    }
}
