//! The dig command as the command line and the web console both run it: its grammar as far
//! as the simulator speaks it (`[@SERVER] [+trace] [+short] [+norecurse] [+json] [TYPE] NAME`
//! in any order, plus `-t TYPE` and `-q NAME`), and running it on a scenario.

use hickory_proto::rr::{Name, RecordType};

use crate::dns::name::parse_absolute;

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
}

/// Reads dig's arguments. The error is one sentence for the user.
pub fn parse(args: &[String]) -> Result<DigArgs, String> {
    let mut server = None;
    let mut name: Option<Name> = None;
    let mut rtype: Option<RecordType> = None;
    let (mut trace, mut short, mut recurse, mut json) = (false, false, true, false);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if let Some(s) = arg.strip_prefix('@') {
            if s.is_empty() {
                return Err(
                    "@ must be followed by a server name or address, as in @8.8.8.8".into(),
                );
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
                _ => {
                    return Err(format!(
                        "unknown option +{opt}; this dig knows +trace, +short, +norecurse and +json"
                    ));
                }
            }
        } else if arg == "-t" {
            let t = it.next().ok_or("-t must be followed by a record type")?;
            rtype = Some(parse_type(t)?);
        } else if arg == "-q" {
            let q = it.next().ok_or("-q must be followed by a name")?;
            name = Some(parse_name(q)?);
        } else if arg.starts_with('-') {
            return Err(format!("unknown option {arg}"));
        } else if arg.eq_ignore_ascii_case("IN") {
            continue;
        } else if rtype.is_none() && looks_like_type(arg) {
            rtype = Some(parse_type(arg)?);
        } else if name.is_none() {
            name = Some(parse_name(arg)?);
        } else {
            return Err(format!(
                "unexpected argument \"{arg}\": the name is already {}",
                name.as_ref().map(|n| n.to_string()).unwrap_or_default()
            ));
        }
    }
    let name = name.ok_or("give a name to look up, as in: dig A www.api.example.com")?;
    Ok(DigArgs {
        server,
        name,
        rtype: rtype.unwrap_or(RecordType::A),
        trace,
        short,
        recurse,
        json,
    })
}

fn looks_like_type(arg: &str) -> bool {
    arg.to_ascii_uppercase()
        .parse::<RecordType>()
        .is_ok_and(|t| !matches!(t, RecordType::Unknown(_)))
        && !arg.contains('.')
}

fn parse_type(arg: &str) -> Result<RecordType, String> {
    let t: RecordType = arg.to_ascii_uppercase().parse().map_err(|_| {
        format!("\"{arg}\" is not a record type (A, AAAA, CNAME, NS, TXT, MX, CAA, SOA, ...)")
    })?;
    Ok(t)
}

fn parse_name(arg: &str) -> Result<Name, String> {
    parse_absolute(arg).map_err(|e| format!("\"{arg}\" is not a domain name: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(line: &str) -> Result<DigArgs, String> {
        parse(
            &line
                .split_whitespace()
                .map(String::from)
                .collect::<Vec<_>>(),
        )
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
    fn bad_input_says_what_is_wrong() {
        assert_eq!(
            p("+bogus x.com").unwrap_err(),
            "unknown option +bogus; this dig knows +trace, +short, +norecurse and +json"
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
