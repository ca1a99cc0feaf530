//! The dig command as the command line and the web console both run it: its grammar as far
//! as the simulator speaks it (`[@SERVER] [+trace] [+short] [+norecurse] [+json] [TYPE] NAME`
//! in any order, plus `-t TYPE`, `-q NAME` and the display options `+[no]all`, `+[no]cmd`,
//! `+[no]comments`, `+[no]question`, `+[no]answer`, `+[no]authority`, `+[no]additional`,
//! `+[no]stats`), and running it on a scenario.

use std::net::Ipv4Addr;

use hickory_proto::rr::{Name, RecordType};

use crate::dns::answer::Question;
use crate::dns::dig::{self, Compression, DigContext, TraceHop};
use crate::dns::name::{NameError, parse_absolute};
use crate::dns::resolve::{self, Cache, Decision, PUBLIC_RESOLVER, Resolution};
use crate::dns::rtype::parse_type_mnemonic;
use crate::dns::server::Software;
use crate::dns::transport;
use crate::dns::world::World;
use crate::scenario::dig_suggest::ServerSuggestion;
use thiserror::Error;

/// A parsed dig command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigArgs {
    pub server: Option<String>,
    pub name: Name,
    pub rtype: RecordType,
    pub trace: bool,
    pub short: bool,
    pub recurse: bool,
    pub json: bool,
    /// Which parts of the default output print (`+noall +answer`, ...).
    pub display: dig::Display,
}

/// Why a dig command line was refused: one sentence for the user each.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DigError {
    #[error("@ must be followed by a server name or address, as in @8.8.8.8")]
    EmptyServer,
    #[error(
        "unknown option +{0}; this dig knows +trace, +short, +norecurse, +json and the display options +[no]all, +[no]cmd, +[no]comments, +[no]question, +[no]answer, +[no]authority, +[no]additional, +[no]stats"
    )]
    UnknownPlusOption(String),
    #[error("unknown option {0}")]
    UnknownOption(String),
    #[error("-t must be followed by a record type")]
    TypeMissing,
    #[error("-q must be followed by a name")]
    NameMissing,
    #[error("\"{0}\" is not a record type (A, AAAA, CNAME, NS, TXT, MX, CAA, SOA, DS, ...)")]
    BadType(String),
    #[error("\"{arg}\" is not a domain name: {source}")]
    BadName { arg: String, source: NameError },
    #[error("unexpected argument \"{arg}\": the name is already {name}")]
    ExtraArgument { arg: String, name: String },
    #[error("give a name to look up, as in: dig A www.api.example.com")]
    NoName,
    #[error(
        "the display options (+noall, +answer, ...) are not simulated with +trace; drop them, or ask one server with @"
    )]
    DisplayWithTrace,
    /// `@SERVER` names no server of the world; `hint` names who serves the name instead.
    #[error("{}", no_server_text(.spec, .hint.as_deref()))]
    NoSuchServer {
        spec: String,
        hint: Option<Box<ServerSuggestion>>,
    },
}

fn no_server_text(spec: &str, hint: Option<&ServerSuggestion>) -> String {
    match hint {
        Some(hint) => hint.message(),
        None => format!(
            "no server named {spec} in this scenario: give a server's name, alias or address, or 8.8.8.8 for the public resolver"
        ),
    }
}

/// Reads dig's arguments.
pub fn parse(args: &[String]) -> Result<DigArgs, DigError> {
    let mut server = None;
    let mut name: Option<Name> = None;
    let mut rtype: Option<RecordType> = None;
    let (mut trace, mut short, mut recurse, mut json) = (false, false, true, false);
    let mut display = dig::Display::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if let Some(s) = arg.strip_prefix('@') {
            if s.is_empty() {
                return Err(DigError::EmptyServer);
            }
            server = Some(s.to_string());
        } else if let Some(opt) = arg.strip_prefix('+') {
            match opt {
                "trace" => trace = true,
                "notrace" => trace = false,
                "short" => short = true,
                "noshort" => short = false,
                "norecurse" | "norec" => recurse = false,
                "recurse" | "rec" => recurse = true,
                "json" => json = true,
                "all" => display = dig::Display::all(true),
                "noall" => display = dig::Display::all(false),
                _ => {
                    let (on, name) = match opt.strip_prefix("no") {
                        Some(name) => (false, name),
                        None => (true, opt),
                    };
                    match display.flag(name) {
                        Some(flag) => *flag = on,
                        None => return Err(DigError::UnknownPlusOption(opt.to_string())),
                    }
                }
            }
        } else if arg == "-t" {
            let t = it.next().ok_or(DigError::TypeMissing)?;
            rtype = Some(parse_type(t)?);
        } else if arg == "-q" {
            let q = it.next().ok_or(DigError::NameMissing)?;
            name = Some(parse_name(q)?);
        } else if arg.starts_with('-') {
            return Err(DigError::UnknownOption(arg.clone()));
        } else if arg.eq_ignore_ascii_case("IN") {
            continue;
        } else if rtype.is_none() && looks_like_type(arg) {
            rtype = Some(parse_type(arg)?);
        } else if name.is_none() {
            name = Some(parse_name(arg)?);
        } else {
            return Err(DigError::ExtraArgument {
                arg: arg.clone(),
                name: name.as_ref().map(|n| n.to_string()).unwrap_or_default(),
            });
        }
    }
    let name = name.ok_or(DigError::NoName)?;
    if trace && display != dig::Display::default() {
        return Err(DigError::DisplayWithTrace);
    }
    Ok(DigArgs {
        server,
        name,
        rtype: rtype.unwrap_or(RecordType::A),
        trace,
        short,
        recurse,
        json,
        display,
    })
}

/// A type mnemonic (`DS`, `ZONEMD`) or `TYPEnnn`, as dig reads one among its arguments.
fn looks_like_type(arg: &str) -> bool {
    parse_type_mnemonic(arg).is_some() && !arg.contains('.')
}

fn parse_type(arg: &str) -> Result<RecordType, DigError> {
    parse_type_mnemonic(arg).ok_or_else(|| DigError::BadType(arg.to_string()))
}

fn parse_name(arg: &str) -> Result<Name, DigError> {
    parse_absolute(arg).map_err(|source| DigError::BadName {
        arg: arg.to_string(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        line.split_whitespace().map(String::from).collect()
    }

    /// The arguments, or the error as the user reads it.
    fn p(line: &str) -> Result<DigArgs, String> {
        parse(&words(line)).map_err(|e| e.to_string())
    }

    #[test]
    fn errors_are_told_apart_by_kind() {
        let kind = |line: &str| parse(&words(line)).unwrap_err();
        assert_eq!(kind("@ x.com"), DigError::EmptyServer);
        assert_eq!(kind("-t"), DigError::TypeMissing);
        assert_eq!(kind("x.com -z"), DigError::UnknownOption("-z".into()));
        assert!(matches!(kind("a..b"), DigError::BadName { arg, .. } if arg == "a..b"));
        assert_eq!(kind("+trace +noall x.com"), DigError::DisplayWithTrace);
    }

    #[test]
    fn the_articles_commands_parse() {
        let a = p("NS api.example.com @8.8.8.8").unwrap();
        assert_eq!(
            (a.rtype, a.name.to_string(), a.server.as_deref()),
            (RecordType::NS, "api.example.com.".into(), Some("8.8.8.8"))
        );
        let b = p("A something.api.example.com @ns-123.awsdns-45.com").unwrap();
        assert_eq!(b.server.as_deref(), Some("ns-123.awsdns-45.com"));
        let c = p("+trace api.example.com").unwrap();
        assert!(c.trace);
        assert_eq!(c.rtype, RecordType::A);
        let d = p("CNAME _abc123.api.example.com").unwrap();
        assert_eq!(d.rtype, RecordType::CNAME);
    }

    #[test]
    fn name_then_type_and_flags() {
        let a = p("api.example.com MX +short +norecurse").unwrap();
        assert_eq!(a.rtype, RecordType::MX);
        assert!(a.short && !a.recurse);
    }

    #[test]
    fn display_options_are_read_and_refused_with_trace() {
        let a = p("@ns-1.example +noall +answer +nocomments www.example.com").unwrap();
        assert_eq!(
            a.display,
            dig::Display {
                answer: true,
                ..dig::Display::all(false)
            }
        );
        let b = p("+nostats +noquestion example.com +all +nocmd").unwrap();
        assert_eq!(
            b.display,
            dig::Display {
                cmd: false,
                ..dig::Display::default()
            }
        );
        assert!(
            p("+trace +noall +answer example.com")
                .unwrap_err()
                .starts_with(
                    "the display options (+noall, +answer, ...) are not simulated with +trace"
                )
        );
    }

    #[test]
    fn bad_input_says_what_is_wrong() {
        assert_eq!(
            p("+bogus x.com").unwrap_err(),
            "unknown option +bogus; this dig knows +trace, +short, +norecurse, +json and the display options +[no]all, +[no]cmd, +[no]comments, +[no]question, +[no]answer, +[no]authority, +[no]additional, +[no]stats"
        );
        assert_eq!(
            p("A").unwrap_err(),
            "give a name to look up, as in: dig A www.api.example.com"
        );
        assert!(p("A a..b").unwrap_err().contains("empty label"));
        assert_eq!(p("-t").unwrap_err(), "-t must be followed by a record type");
        assert_eq!(
            p("@ x.com").unwrap_err(),
            "@ must be followed by a server name or address, as in @8.8.8.8"
        );
    }
}

/// What a dig command printed, and the resolution behind it (for stepping through it).
#[derive(Debug, Clone)]
pub struct DigRun {
    pub text: String,
    /// dig's exit status: 0 when a reply came (whatever its rcode), 9 when none did.
    pub exit_code: i32,
    pub resolution: Option<Resolution>,
}

/// The arguments of a dig command line: its words, without a leading `dig`.
pub fn line_words(line: &str) -> Vec<String> {
    let mut words: Vec<String> = line.split_whitespace().map(String::from).collect();
    if words.first().is_some_and(|w| w == "dig") {
        words.remove(0);
    }
    words
}

/// Runs a dig command line (the words after `dig`) on a world. `cache` is the public
/// resolver's cache (the CLI passes an empty one); `now` the simulated clock.
pub fn run_line(
    world: &World,
    cache: &mut Cache,
    now: u64,
    line: &str,
) -> Result<DigRun, DigError> {
    let words = line_words(line);
    let args = parse(&words)?;
    run(world, cache, now, &args, &words.join(" "))
}

/// Runs parsed dig arguments. `line` is echoed in dig's banner.
pub fn run(
    world: &World,
    cache: &mut Cache,
    now: u64,
    args: &DigArgs,
    line: &str,
) -> Result<DigRun, DigError> {
    let question = Question::new(args.name.clone(), args.rtype);
    let target = match &args.server {
        None => Target::Resolver,
        Some(spec) => match spec.parse::<Ipv4Addr>() {
            Ok(ip) if ip == PUBLIC_RESOLVER => Target::Resolver,
            Ok(ip) => match world.server_by_ip(ip) {
                Some(s) => Target::Server(s, spec.clone()),
                None => Target::Nothing(ip),
            },
            Err(_) => match world.find_server(spec) {
                Some(s) => Target::Server(s, spec.trim_end_matches('.').to_string()),
                None => {
                    // Who does serve the name, and the command with one of them.
                    return Err(DigError::NoSuchServer {
                        spec: spec.clone(),
                        hint: super::dig_suggest::suggest_server(world, line).map(Box::new),
                    });
                }
            },
        },
    };
    if args.trace {
        let resolution = resolve::trace(world, &question, now);
        let text = if args.json {
            json_text(&resolution, true)
        } else {
            trace_text(world, &resolution, line)
        };
        return Ok(DigRun {
            text,
            exit_code: trace_exit_code(world, &resolution),
            resolution: Some(resolution),
        });
    }
    let (resolution, ctx) = match target {
        Target::Nothing(ip) => {
            let text = timed_out_text(ip, line);
            return Ok(DigRun {
                text,
                exit_code: 9,
                resolution: None,
            });
        }
        Target::Resolver => {
            let r = resolve::recursive(world, cache, &question, now);
            let mut ctx = DigContext::new(line, PUBLIC_RESOLVER, now);
            ctx.server_name = args
                .server
                .clone()
                .unwrap_or_else(|| PUBLIC_RESOLVER.to_string());
            (r, ctx)
        }
        Target::Server(server, shown) => {
            let r = resolve::direct(world, server, &question, args.recurse);
            let mut ctx = DigContext::new(line, server.ip, now);
            ctx.server_name = shown;
            ctx.compression = Compression::from(server.software);
            (r, ctx)
        }
    };
    // dig asks over UDP with a 1232-octet payload: a larger reply is truncated and asked
    // again over TCP, and one over 65,535 octets cannot be sent whole at all.
    let delivery = transport::deliver(
        resolution.outcome.message.clone().expect("a reply"),
        ctx.compression,
        transport::DIG_UDP_PAYLOAD,
    );
    let mut ctx = ctx;
    ctx.transport = delivery.transport;
    let message = delivery.message;
    let text = if args.json {
        json_text(&resolution, false)
    } else if args.short {
        dig::render_short(&message)
    } else {
        dig::render_with(&message, &ctx, args.display)
    };
    Ok(DigRun {
        text,
        exit_code: 0,
        resolution: Some(resolution),
    })
}

enum Target<'a> {
    Resolver,
    Server(&'a crate::dns::NameServer, String),
    Nothing(Ipv4Addr),
}

/// `dig +trace`: the root NS from the public resolver, then each server's reply on the way
/// down to the first answer for the name (dig does not chase CNAMEs; its +trace stops).
/// `line` is what dig echoes in its banner (the words after `dig`).
pub fn trace_text(world: &World, resolution: &Resolution, line: &str) -> String {
    dig::render_trace(line, &trace_hops(world, resolution))
}

/// dig's exit status for `+trace`: 0, or 1 when it gave up after too many lookups.
pub fn trace_exit_code(world: &World, resolution: &Resolution) -> i32 {
    if dig::trace::gives_up(trace_hops(world, resolution).len()) {
        dig::trace::TOO_MANY_LOOKUPS_EXIT
    } else {
        0
    }
}

/// The responses `dig +trace` receives: the root NS from the public resolver, then each
/// server's reply on the way down.
fn trace_hops(world: &World, resolution: &Resolution) -> Vec<TraceHop> {
    let mut hops = Vec::new();
    if let Some((_, ip)) = world.root_hints().first()
        && let Some(root) = world.server_by_ip(*ip)
    {
        let q = Question::new(Name::root(), RecordType::NS);
        let mut m =
            crate::dns::answer::ask(world, root, &q, true, resolve::message_id(&q, 1)).message;
        m.metadata.authoritative = false;
        m.metadata.recursion_available = true;
        m.authorities.clear();
        m.additionals.clear();
        hops.push(TraceHop::from_ip(m, PUBLIC_RESOLVER));
    }
    for step in resolution.steps.iter().filter(|s| s.depth == 0) {
        let (Some(server), Some(reply)) = (step.server(), step.reply()) else {
            continue;
        };
        let software = world
            .server_by_ip(server.ip)
            .map_or(Software::Bind, |s| s.software);
        hops.push(
            TraceHop::new(reply.message.clone(), server.ip, &server.name)
                .with_compression(Compression::from(software)),
        );
        if !matches!(
            step.decision,
            Decision::FollowReferral { .. } | Decision::TryNextServer
        ) {
            break;
        }
    }
    hops
}

/// `+json`: the final message as the oracle writes it, with the steps for `+trace`.
fn json_text(resolution: &Resolution, with_steps: bool) -> String {
    let mut value = match &resolution.outcome.message {
        Some(m) => dig::to_json(m),
        None => serde_json::json!({ "rcode": "TIMEOUT" }),
    };
    if with_steps && let Some(obj) = value.as_object_mut() {
        obj.insert(
            "steps".into(),
            serde_json::Value::Array(resolution.steps.iter().map(resolve::step_json).collect()),
        );
    }
    let mut text = serde_json::to_string(&value).expect("json");
    text.push('\n');
    text
}

/// The dig command that reproduces one step of a resolution by hand, as a user would type
/// it: `dig @205.251.192.140 +norecurse A www.api.example.com.` (None for a cache step).
pub fn step_command(step: &resolve::Step) -> Option<String> {
    let resolve::Action::Query {
        server, question, ..
    } = &step.action
    else {
        return None;
    };
    Some(format!(
        "dig @{} +norecurse {} {}",
        server.ip, question.rtype, question.name
    ))
}

/// dig's text for one step: the reply that server gave, as `dig @server +norecurse` prints it.
pub fn step_text(world: &World, step: &resolve::Step, now: u64) -> Option<String> {
    let line = step_command(step)?;
    let args = line.trim_start_matches("dig ").to_string();
    let server = step.server()?;
    let Some(reply) = step.reply() else {
        return Some(timed_out_text(server.ip, &args));
    };
    let mut ctx = DigContext::new(args, server.ip, now);
    ctx.compression = world
        .server_by_ip(server.ip)
        .map_or(Compression::Full, |s| Compression::from(s.software));
    Some(dig::render(&reply.message, &ctx))
}

/// dig's text for a resolution's outcome, as the client that asked would see it: for a
/// direct query, the reply of the server asked (`;; SERVER:` its address, its flags, e.g.
/// `qr aa` from an authoritative server), as `dig @server` prints it; for a resolution by
/// the public resolver (or a trace), the resolver's reply from 8.8.8.8. `None` when nothing
/// answered.
pub fn outcome_text(world: &World, r: &Resolution, now: u64) -> Option<String> {
    let message = r.outcome.message.as_ref()?;
    let question = format!("{} {}", r.question.rtype, r.question.name);
    let server = match r.mode {
        resolve::Mode::Direct => r.steps.first().and_then(|s| s.server()),
        _ => None,
    };
    let ctx = match server {
        Some(server) => {
            let flag = if message.metadata.recursion_desired {
                ""
            } else {
                " +norecurse"
            };
            let shown = crate::dns::name::plain(&server.name);
            let mut ctx = DigContext::new(format!("@{shown}{flag} {question}"), server.ip, now);
            ctx.server_name = shown;
            ctx.compression = world
                .server_by_ip(server.ip)
                .map_or(Compression::Full, |s| Compression::from(s.software));
            ctx
        }
        None => DigContext::new(question, PUBLIC_RESOLVER, now),
    };
    Some(dig::render(message, &ctx))
}

/// What dig prints when nothing answers at `ip`: three timed-out tries, then no reply.
fn timed_out_text(ip: Ipv4Addr, args: &str) -> String {
    let tries = format!(";; communications error to {ip}#53: timed out\n").repeat(3);
    format!(
        "{tries}\n; <<>> DiG {} <<>> {args}\n; (1 server found)\n;; global options: +cmd\n;; no servers could be reached\n",
        dig::DIG_VERSION
    )
}

#[cfg(test)]
mod step_tests {
    use super::*;
    use crate::dns::name::n;
    use crate::scenario::presets;

    #[test]
    fn a_direct_outcome_names_the_server_asked_not_the_public_resolver() {
        let s = presets::build("article").unwrap();
        let server = s.world.find_server("ns-140.awsdns-17.com").unwrap();
        let q = Question::new(n("www.api.example.com"), RecordType::A);
        let r = resolve::direct(&s.world, server, &q, false);
        let text = outcome_text(&s.world, &r, s.clock).unwrap();
        assert!(
            text.contains(&format!(
                ";; SERVER: {}#53(ns-140.awsdns-17.com) (UDP)",
                server.ip
            )),
            "{text}"
        );
        assert!(text.contains(";; flags: qr aa;"), "{text}");
        assert!(text.contains("<<>> @ns-140.awsdns-17.com +norecurse A www.api.example.com."));
        assert!(!text.contains("8.8.8.8"), "{text}");
        // The public resolver's outcome still comes from 8.8.8.8, with RD RA and no AA.
        let mut cache = Cache::default();
        let r = resolve::recursive(&s.world, &mut cache, &q, s.clock);
        let text = outcome_text(&s.world, &r, s.clock).unwrap();
        assert!(
            text.contains(";; SERVER: 8.8.8.8#53(8.8.8.8) (UDP)"),
            "{text}"
        );
        assert!(text.contains(";; flags: qr rd ra;"), "{text}");
    }

    #[test]
    fn each_query_step_has_the_dig_command_that_reproduces_it() {
        let s = presets::build("article").unwrap();
        let r = resolve::trace(
            &s.world,
            &Question::new(n("www.api.example.com"), RecordType::A),
            s.clock,
        );
        assert_eq!(
            step_command(&r.steps[0]).unwrap(),
            "dig @198.41.0.4 +norecurse A www.api.example.com."
        );
        let text = step_text(&s.world, &r.steps[0], s.clock).unwrap();
        assert!(text.contains(
            "; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> @198.41.0.4 +norecurse A www.api.example.com."
        ));
        assert!(
            text.contains(";; flags: qr; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 2"),
            "{text}"
        );
        assert!(text.contains("com.\t\t\t172800\tIN\tNS\ta.gtld-servers.net."));
    }
}
