//! The resolve panel's logic, free of the web: the form's fields and their validation, asking
//! a typed question of the document (trace, the public resolver with the scenario's cache,
//! or one server directly), a dig command line read into a question (share links, embeds),
//! a step's badge, the zones a step highlights, and the clock as text.

use hickory_proto::rr::RecordType;
use thiserror::Error;

use crate::dns::answer::{Question, ReplyKind};
use crate::dns::resolve::{self, Action as StepAction, Cache, Decision, Resolution, Step};
use crate::dns::{World, name};
use crate::scenario::Scenario;
use crate::scenario::dig_command::{DigArgs, DigError};

/// Why a question could not be asked: one sentence for the user each, shown at the resolve
/// form (a share link's or the console's line as well as the form's fields).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AskError {
    #[error(
        "The query is empty: write a dig command line, such as dig +trace www.api.example.com A."
    )]
    EmptyLine,
    #[error("Cannot read \"{line}\": {error}.")]
    Unreadable { line: String, error: DigError },
    #[error(
        "No server @{0} in this scenario: give a server's name, alias or address, or @8.8.8.8 for the public resolver."
    )]
    NoSuchServer(String),
    #[error("Enter a domain name, such as www.api.example.com.")]
    NoName,
    #[error(
        "\"{0}\" has a space in it; a domain name is labels joined by dots, such as www.api.example.com."
    )]
    SpaceInName(String),
    #[error("\"{text}\" is not a domain name: {error}")]
    NotAName {
        text: String,
        error: name::NameError,
    },
    #[error("{0} is not a record type the panel knows")]
    UnknownType(String),
    #[error("Choose a server to ask.")]
    NoServerChosen,
    #[error("No server answers at {0} any more; choose another.")]
    ServerGone(String),
}

/// The record types the panel offers.
pub const TYPES: [&str; 8] = ["A", "AAAA", "CNAME", "NS", "TXT", "MX", "CAA", "SOA"];

/// Who answers the question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolver {
    /// Iterative, from the root, with no cache (`dns::resolve::trace`).
    Trace,
    /// The public resolver 8.8.8.8 with the scenario's cache.
    Public,
    /// One server asked directly (by its IP), recursion desired or not.
    Direct { server_ip: String, rd: bool },
}

impl Resolver {
    /// The value of the form's resolver select.
    pub fn mode_value(&self) -> &'static str {
        match self {
            Resolver::Trace => "trace",
            Resolver::Public => "public",
            Resolver::Direct { .. } => "direct",
        }
    }
}

/// Reads a dig command line (`dig +trace www.api.example.com A`, `dig @ns-1.example A x`; the
/// leading `dig` may be left out) into a question and who answers it: `+trace` is the trace
/// from the root, `@server` (a name, alias or address in the scenario) a direct query to it
/// with recursion desired unless `+norecurse`, `@8.8.8.8` or no server the public resolver.
/// Share links, embed URLs and the view kept across a reload carry such lines; this is where
/// they are read.
pub fn parse_question(world: &World, line: &str) -> Result<(Question, Resolver), AskError> {
    let words = crate::scenario::dig_command::line_words(line);
    if words.is_empty() {
        return Err(AskError::EmptyLine);
    }
    let args =
        crate::scenario::dig_command::parse(&words).map_err(|error| AskError::Unreadable {
            line: line.trim().to_string(),
            error,
        })?;
    question_of(world, &args)
}

/// The question of dig's arguments, and who answers it (see [`parse_question`]).
pub fn question_of(world: &World, args: &DigArgs) -> Result<(Question, Resolver), AskError> {
    let resolver = if args.trace {
        Resolver::Trace
    } else {
        match &args.server {
            None => Resolver::Public,
            Some(spec) if spec.parse() == Ok(resolve::PUBLIC_RESOLVER) => Resolver::Public,
            Some(spec) => {
                let server = world
                    .find_server(spec)
                    .ok_or_else(|| AskError::NoSuchServer(spec.clone()))?;
                Resolver::Direct {
                    server_ip: server.ip.to_string(),
                    rd: args.recurse,
                }
            }
        }
    };
    Ok((Question::new(args.name.clone(), args.rtype), resolver))
}

/// The dig command line of a typed question: what [`parse_question`] reads back.
pub fn question_line(q: &Question, resolver: &Resolver) -> String {
    query_line(
        &plain(&q.name),
        &crate::dns::rtype::type_mnemonic(q.rtype),
        resolver,
    )
}

/// The dig command line of a question as the form holds it: what [`parse_question`] reads
/// back (share links carry it).
pub fn query_line(name: &str, rtype: &str, resolver: &Resolver) -> String {
    let name = name.trim();
    match resolver {
        Resolver::Trace => format!("dig +trace {name} {rtype}"),
        Resolver::Public => format!("dig @{} {name} {rtype}", resolve::PUBLIC_RESOLVER),
        Resolver::Direct {
            server_ip,
            rd: true,
        } => format!("dig @{server_ip} {name} {rtype}"),
        Resolver::Direct {
            server_ip,
            rd: false,
        } => {
            format!("dig @{server_ip} +norecurse {name} {rtype}")
        }
    }
}

/// Reads the name field: an absolute or relative name (a final dot is added).
pub fn parse_name(text: &str) -> Result<hickory_proto::rr::Name, AskError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(AskError::NoName);
    }
    if t.contains(char::is_whitespace) {
        return Err(AskError::SpaceInName(t.to_string()));
    }
    let absolute = if t.ends_with('.') {
        t.to_string()
    } else {
        format!("{t}.")
    };
    name::parse_absolute(&absolute).map_err(|error| AskError::NotAName {
        text: t.to_string(),
        error,
    })
}

/// Runs the question on the scenario: the form's text read into a typed question, then
/// [`ask`]. For the public resolver the cache it leaves is returned too, for the caller to
/// store in the document.
pub fn run(
    s: &Scenario,
    name_text: &str,
    rtype: &str,
    resolver: &Resolver,
) -> Result<(Resolution, Option<Cache>), AskError> {
    ask(s, &typed_question(name_text, rtype)?, resolver)
}

/// Reads the form's name and type fields into a typed question.
pub fn typed_question(name_text: &str, rtype: &str) -> Result<Question, AskError> {
    let name = parse_name(name_text)?;
    let rtype: RecordType = crate::dns::rtype::parse_type_mnemonic(rtype.trim())
        .ok_or_else(|| AskError::UnknownType(rtype.to_string()))?;
    Ok(Question::new(name, rtype))
}

/// Asks a typed question of the scenario: the one place the panel calls the engine. For the
/// public resolver the cache it leaves is returned too, for the caller to store in the
/// document.
pub fn ask(
    s: &Scenario,
    q: &Question,
    resolver: &Resolver,
) -> Result<(Resolution, Option<Cache>), AskError> {
    Ok(match resolver {
        Resolver::Trace => (resolve::trace(&s.world, q, s.clock), None),
        Resolver::Public => {
            let mut cache = s.resolver_cache.clone();
            let r = resolve::recursive(&s.world, &mut cache, q, s.clock);
            (r, Some(cache))
        }
        Resolver::Direct { server_ip, rd } => {
            let ip = server_ip.parse().map_err(|_| AskError::NoServerChosen)?;
            let server = s
                .world
                .server_by_ip(ip)
                .ok_or_else(|| AskError::ServerGone(server_ip.clone()))?;
            (resolve::direct(&s.world, server, q, *rd), None)
        }
    })
}

/// The play speeds offered: the select's value and its label.
pub const SPEEDS: [(&str, &str); 4] = [("0.5", "0.5×"), ("1", "1×"), ("2", "2×"), ("4", "4×")];

/// How long a step shows while playing at `speed` (a value of [`SPEEDS`]; 1× is 1.2 s, and
/// anything unreadable plays at 1×).
pub fn play_delay_ms(speed: &str) -> u32 {
    match speed.parse::<f64>() {
        Ok(x) if x > 0.0 && x.is_finite() => (1200.0 / x).round() as u32,
        _ => 1200,
    }
}

/// The badge of a step: what the server said (or that the cache answered).
pub fn badge(step: &Step) -> &'static str {
    match &step.action {
        StepAction::Cache { .. } => "CACHE",
        StepAction::Query { reply: None, .. } => "TIMEOUT",
        StepAction::Query {
            reply: Some(reply), ..
        } => match reply.kind {
            ReplyKind::Refused => "REFUSED",
            ReplyKind::Referral { .. } => "REFERRAL",
            ReplyKind::NxDomain => "NXDOMAIN",
            ReplyKind::NoData => "NODATA",
            ReplyKind::Answer | ReplyKind::Cname { .. } => "ANSWER",
        },
    }
}

/// What the resolver decided after a step, in a few words.
pub fn decision_text(d: &Decision) -> String {
    let list =
        |names: &[hickory_proto::rr::Name]| names.iter().map(plain).collect::<Vec<_>>().join(", ");
    match d {
        Decision::FollowReferral { zone, servers, .. } => {
            format!("follow the referral to {} ({})", plain(zone), list(servers))
        }
        Decision::ChaseCname { target } => format!("chase the alias to {}", plain(target)),
        Decision::TryNextServer => "try the next server".into(),
        Decision::Answer => "answer found".into(),
        Decision::NoData => "no records of that type (NODATA)".into(),
        Decision::NxDomain => "the name does not exist (NXDOMAIN)".into(),
        Decision::GiveUp { reason } => format!("give up: {reason}"),
    }
}

/// The ids of the zones a step's server was chosen for: the zones of that origin the server
/// serves; when it serves none of them (a wrong or stale delegation, a server that does not
/// exist), the zones of that origin the step was asking about, so the map still shows where
/// the resolver was trying to go (none for a cache step).
pub fn step_zone_ids(world: &World, step: &Step) -> Vec<String> {
    let StepAction::Query { server, zone, .. } = &step.action else {
        return Vec::new();
    };
    let served: Vec<String> = world
        .server_by_ip(server.ip)
        .map(|ns| {
            ns.zones
                .iter()
                .filter(|id| world.zone(id).is_some_and(|z| &z.origin == zone))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    if !served.is_empty() {
        return served;
    }
    world
        .zones
        .iter()
        .filter(|z| &z.origin == zone)
        .map(|z| z.id.clone())
        .collect()
}

/// A name without its final dot, as people write it (the root stays "."): the core's.
pub use crate::dns::name::plain;

/// The simulated clock as `YYYY-MM-DD HH:MM:SS UTC`.
pub fn clock_text(seconds: u64) -> String {
    let rem = seconds % 86_400;
    let (y, m, d) = crate::dns::dig::when::civil_from_days(seconds / 86_400);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02} UTC",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// A duration in seconds for people: `1h 2m 5s` (the core's).
pub use crate::dns::duration::duration_text;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::resolve::OutcomeKind;
    use crate::scenario::presets::build;

    #[test]
    fn a_step_to_a_server_that_no_longer_serves_the_zone_still_shows_the_zone() {
        use crate::dns::name::n;
        for preset in ["wrong-ns", "recreated"] {
            let s = build(preset).unwrap();
            let q = Question::new(n("www.api.example.com"), RecordType::A);
            let r = crate::dns::resolve::trace(&s.world, &q, s.clock);
            let lame: Vec<&Step> = r
                .steps
                .iter()
                .filter(|step| match &step.action {
                    StepAction::Query { server, zone, .. } => {
                        *zone == n("api.example.com")
                            && !s.world.server_by_ip(server.ip).is_some_and(|ns| {
                                ns.zones
                                    .iter()
                                    .any(|id| s.world.zone(id).is_some_and(|z| &z.origin == zone))
                            })
                    }
                    StepAction::Cache { .. } => false,
                })
                .collect();
            assert!(
                !lame.is_empty(),
                "{preset}: a step to a server not serving the child"
            );
            for step in lame {
                let ids = step_zone_ids(&s.world, step);
                assert!(!ids.is_empty(), "{preset}: {}", step.why);
                for id in ids {
                    assert_eq!(s.world.zone(&id).unwrap().origin, n("api.example.com"));
                }
            }
        }
    }

    #[test]
    fn the_article_trace_reaches_the_answer_through_a_nested_lookup() {
        let s = build("article").unwrap();
        let (r, cache) = run(&s, "www.api.example.com", "A", &Resolver::Trace).unwrap();
        assert!(cache.is_none());
        assert_eq!(r.outcome.kind, OutcomeKind::Answer);
        let badges: Vec<_> = r.steps.iter().map(badge).collect();
        assert_eq!(badges.last(), Some(&"ANSWER"));
        assert!(r.steps.iter().any(|st| st.depth > 0));
        assert_eq!(badges[0], "REFERRAL");
    }

    #[test]
    fn the_quiz_gives_nodata_and_wrong_ns_servfail() {
        let quiz = build("quiz").unwrap();
        let (r, _) = run(&quiz, "api.example.com", "A", &Resolver::Trace).unwrap();
        assert_eq!(r.outcome.kind, OutcomeKind::NoData);
        let wrong = build("wrong-ns").unwrap();
        let (r, _) = run(&wrong, "www.api.example.com", "A", &Resolver::Trace).unwrap();
        assert_eq!(r.outcome.kind, OutcomeKind::ServFail);
    }

    #[test]
    fn a_typed_question_asks_what_the_form_text_asks() {
        let s = build("article").unwrap();
        let q = typed_question("www.api.example.com", "A").unwrap();
        assert_eq!(q.name.to_ascii(), "www.api.example.com.");
        let (typed, _) = ask(&s, &q, &Resolver::Trace).unwrap();
        let (text, _) = run(&s, "www.api.example.com", "A", &Resolver::Trace).unwrap();
        assert_eq!(typed, text);
        assert!(typed_question("www.api.example.com", "NOPE").is_err());
    }

    #[test]
    fn the_public_resolver_returns_its_cache() {
        let s = build("article").unwrap();
        let (_, cache) = run(&s, "www.api.example.com", "A", &Resolver::Public).unwrap();
        assert!(!cache.unwrap().is_empty());
    }

    #[test]
    fn bad_names_say_what_is_wrong() {
        assert_eq!(parse_name("").unwrap_err(), AskError::NoName);
        assert_eq!(
            parse_name("").unwrap_err().to_string(),
            "Enter a domain name, such as www.api.example.com."
        );
        assert_eq!(
            parse_name("www api").unwrap_err().to_string(),
            "\"www api\" has a space in it; a domain name is labels joined by dots, such as www.api.example.com."
        );
        let e = parse_name("a..b").unwrap_err();
        assert!(matches!(&e, AskError::NotAName { text, .. } if text == "a..b"));
        assert!(e.to_string().starts_with("\"a..b\" is not a domain name: "));
        assert_eq!(
            typed_question("example.com", "BOGUS").unwrap_err(),
            AskError::UnknownType("BOGUS".into())
        );
    }

    #[test]
    fn a_dig_line_is_read_into_a_question() {
        use crate::dns::name::n;
        let s = build("article").unwrap();
        let line = "dig +trace _x1.api.example.com CNAME";
        let (q, resolver) = parse_question(&s.world, line).unwrap();
        assert_eq!(
            (q, resolver.clone()),
            (
                Question::new(n("_x1.api.example.com."), RecordType::CNAME),
                Resolver::Trace
            )
        );
        assert_eq!(question_line(&q_of(&s, line), &resolver), line);
        let (q, r) = parse_question(&s.world, "  www.api.example.com ").unwrap();
        assert_eq!((q.rtype, r), (RecordType::A, Resolver::Public));
        let (q, r) = parse_question(&s.world, "dig @8.8.8.8 NS api.example.com").unwrap();
        assert_eq!((q.rtype, r), (RecordType::NS, Resolver::Public));
        let (_, r) = parse_question(&s.world, "dig @a.root-servers.net +norecurse com NS").unwrap();
        assert_eq!(
            r,
            Resolver::Direct {
                server_ip: "198.41.0.4".into(),
                rd: false
            }
        );
        assert_eq!(r.mode_value(), "direct");
        let (_, r) = parse_question(&s.world, "dig @198.41.0.4 com NS").unwrap();
        assert_eq!(
            r,
            Resolver::Direct {
                server_ip: "198.41.0.4".into(),
                rd: true
            }
        );
    }

    fn q_of(s: &Scenario, line: &str) -> Question {
        parse_question(&s.world, line).unwrap().0
    }

    #[test]
    fn a_bad_dig_line_says_what_is_wrong() {
        let s = build("article").unwrap();
        assert_eq!(
            parse_question(&s.world, "dig").unwrap_err(),
            AskError::EmptyLine
        );
        assert_eq!(
            parse_question(&s.world, "dig").unwrap_err().to_string(),
            "The query is empty: write a dig command line, such as dig +trace www.api.example.com A."
        );
        assert_eq!(
            parse_question(&s.world, "dig +bogus x")
                .unwrap_err()
                .to_string(),
            "Cannot read \"dig +bogus x\": unknown option +bogus; this dig knows +trace, +short, +norecurse, +json and the display options +[no]all, +[no]cmd, +[no]comments, +[no]question, +[no]answer, +[no]authority, +[no]additional, +[no]stats."
        );
        assert_eq!(
            parse_question(&s.world, "dig @ns.nowhere.test x").unwrap_err(),
            AskError::NoSuchServer("ns.nowhere.test".into())
        );
        assert_eq!(
            parse_question(&s.world, "dig @ns.nowhere.test x")
                .unwrap_err()
                .to_string(),
            "No server @ns.nowhere.test in this scenario: give a server's name, alias or address, or @8.8.8.8 for the public resolver."
        );
    }

    #[test]
    fn play_speeds_set_the_delay() {
        let delays: Vec<u32> = SPEEDS.iter().map(|(v, _)| play_delay_ms(v)).collect();
        assert_eq!(delays, vec![2400, 1200, 600, 300]);
        assert_eq!(play_delay_ms("fast"), 1200);
        assert_eq!(play_delay_ms("0"), 1200);
    }

    #[test]
    fn the_clock_reads_in_utc() {
        assert_eq!(clock_text(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(clock_text(1_795_305_600), "2026-11-22 00:00:00 UTC");
    }

    #[test]
    fn a_query_line_reads_back_as_the_same_question() {
        let doc = crate::ui::doc::default_doc();
        for resolver in [
            Resolver::Trace,
            Resolver::Public,
            Resolver::Direct {
                server_ip: "192.5.6.30".into(),
                rd: false,
            },
            Resolver::Direct {
                server_ip: "192.5.6.30".into(),
                rd: true,
            },
        ] {
            let line = query_line("www.api.example.com", "AAAA", &resolver);
            let (q, r) = parse_question(&doc.world, &line).unwrap();
            assert_eq!(
                (q.name.to_string(), q.rtype, &r),
                (
                    "www.api.example.com.".to_string(),
                    RecordType::AAAA,
                    &resolver
                ),
                "{line}"
            );
            assert_eq!(question_line(&q, &r), line);
        }
        assert_eq!(
            query_line(
                "x.example.com",
                "NS",
                &Resolver::Direct {
                    server_ip: "192.5.6.30".into(),
                    rd: false
                }
            ),
            "dig @192.5.6.30 +norecurse x.example.com NS"
        );
    }
}
