//! When a dig command names a server (`@ns-123.awsdns-45.com`) that is not in the scenario
//! (the article's example names are placeholders: Route 53 picks each hosted zone's servers),
//! which servers do serve the name asked, and the same command with one of them instead: the
//! console offers it in one click, the command line prints it.

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

/// The servers that serve a name, for a command whose `@server` does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerSuggestion {
    /// The server as typed after `@`.
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
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().position(|w| w.starts_with('@'))?;
    let typed = words[at].trim_start_matches('@');
    if typed.is_empty() || typed.parse::<std::net::Ipv4Addr>().is_ok() {
        return None;
    }
    if world.find_server(typed).is_some() {
        return None;
    }
    let args: Vec<String> = words
        .iter()
        .filter(|w| **w != "dig")
        .map(|w| w.to_string())
        .collect();
    let qname = super::dig_command::parse(&args).ok()?.name;
    let (zone, servers) = serving(world, &qname)?;
    let first = plain(servers.first()?);
    let mut fixed: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    fixed[at] = format!("@{first}");
    if fixed.first().map(String::as_str) != Some("dig") {
        fixed.insert(0, "dig".into());
    }
    Some(ServerSuggestion {
        typed: typed.to_string(),
        zone,
        servers,
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
