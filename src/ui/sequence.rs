//! The sequence view's model, free of the web: a resolution as lifelines (the client, then
//! each server in the order it was first asked) and one row per step (a query and its reply
//! between the client and a server, or a note for an answer taken from the cache), with the
//! labels the diagram prints.

use hickory_proto::rr::{Record, RecordType};

use crate::dns::answer::{Question, ReplyKind};
use crate::dns::resolve::{Action, Cached, Mode, Resolution, Step};
use crate::ui::resolve::plain;

/// One vertical line of the diagram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lifeline {
    pub name: String,
    /// The second line under the name (an address, or the client's role).
    pub detail: String,
}

/// What happened in a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// A query to the server of lifeline `server` (1 and more) and what came back.
    Exchange {
        server: usize,
        question: String,
        response: String,
        /// A CSS suffix for the response: ok, referral, nodata, nx, refused, timeout.
        tone: &'static str,
    },
    /// The resolver answered from its cache.
    Cache { note: String },
}

/// One step of the resolution, as drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub step: usize,
    /// 0 for the question asked, 1 and more inside a lookup of a name server's address.
    pub depth: u8,
    /// What the row's lookup is for, as `A ns-140.awsdns-17.com`.
    pub purpose: String,
    pub message: Message,
}

/// The whole diagram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sequence {
    /// Lifeline 0 is the client (dig, or the public resolver); then the servers.
    pub lifelines: Vec<Lifeline>,
    pub rows: Vec<Row>,
}

/// A question as the arrows print it: `A www.api.example.com`.
pub fn question_text(q: &Question) -> String {
    format!("{} {}", q.rtype, plain(&q.name))
}

/// Records counted by type in the order they come: `1 CNAME, 1 A`.
fn count_by_type<'a>(records: impl Iterator<Item = &'a Record>) -> String {
    let mut counts: Vec<(RecordType, usize)> = Vec::new();
    for r in records {
        match counts.iter_mut().find(|(t, _)| *t == r.record_type()) {
            Some((_, n)) => *n += 1,
            None => counts.push((r.record_type(), 1)),
        }
    }
    counts
        .iter()
        .map(|(t, n)| format!("{n} {t}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a step's server said, in a few words, and its tone.
pub fn response_text(step: &Step) -> (String, &'static str) {
    let Action::Query { reply, .. } = &step.action else {
        return (String::new(), "cache");
    };
    let Some(reply) = reply else {
        return ("timeout".into(), "timeout");
    };
    match &reply.kind {
        ReplyKind::Referral { cut } => (format!("referral to {}", plain(cut)), "referral"),
        ReplyKind::Answer | ReplyKind::Cname { .. } => (
            format!("NOERROR {}", count_by_type(reply.message.answers.iter()))
                .trim_end()
                .to_string(),
            "ok",
        ),
        ReplyKind::NoData => ("NODATA".into(), "nodata"),
        ReplyKind::NxDomain => ("NXDOMAIN".into(), "nx"),
        ReplyKind::Refused => ("REFUSED".into(), "refused"),
    }
}

/// The client's lifeline for a mode.
fn client(mode: Mode) -> Lifeline {
    let (name, detail) = match mode {
        Mode::Trace => ("dig +trace", "you, iterating"),
        Mode::Recursive => ("resolver", "8.8.8.8, with cache"),
        Mode::Direct => ("dig", "you"),
    };
    Lifeline {
        name: name.into(),
        detail: detail.into(),
    }
}

/// Lays a resolution out as a sequence diagram.
pub fn sequence(r: &Resolution) -> Sequence {
    let mut lifelines = vec![client(r.mode)];
    let mut ips = Vec::new();
    let rows = r
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let message = match &step.action {
                Action::Query {
                    server, question, ..
                } => {
                    let column = match ips.iter().position(|ip| *ip == server.ip) {
                        Some(p) => p + 1,
                        None => {
                            ips.push(server.ip);
                            lifelines.push(Lifeline {
                                name: plain(&server.name),
                                detail: server.ip.to_string(),
                            });
                            ips.len()
                        }
                    };
                    let (response, tone) = response_text(step);
                    Message::Exchange {
                        server: column,
                        question: question_text(question),
                        response,
                        tone,
                    }
                }
                Action::Cache { question, hit } => {
                    let what = match &hit.data {
                        Cached::Records { records } => count_by_type(records.iter()),
                        Cached::NxDomain { .. } => "NXDOMAIN".into(),
                        Cached::NoData { .. } => "NODATA".into(),
                    };
                    Message::Cache {
                        note: format!(
                            "cache: {} → {what} ({}s left)",
                            question_text(question),
                            hit.remaining
                        ),
                    }
                }
            };
            Row {
                step: i,
                depth: step.depth,
                purpose: question_text(&step.purpose),
                message,
            }
        })
        .collect();
    Sequence { lifelines, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets::build;
    use crate::ui::resolve::{Resolver, run};

    fn exchanges(s: &Sequence) -> Vec<(usize, String, String)> {
        s.rows
            .iter()
            .filter_map(|r| match &r.message {
                Message::Exchange {
                    server,
                    question,
                    response,
                    ..
                } => Some((*server, question.clone(), response.clone())),
                Message::Cache { .. } => None,
            })
            .collect()
    }

    #[test]
    fn the_article_trace_as_a_sequence() {
        let s = build("article").unwrap();
        let (r, _) = run(&s, "www.api.example.com", "A", &Resolver::Trace).unwrap();
        let seq = sequence(&r);
        assert_eq!(seq.rows.len(), r.steps.len());
        assert_eq!(seq.lifelines[0].name, "dig +trace");
        assert_eq!(seq.lifelines[1].name, "a.root-servers.net");
        assert_eq!(seq.lifelines[1].detail, "198.41.0.4");
        let ex = exchanges(&seq);
        let want = [
            (1, "A www.api.example.com", "referral to com"),
            (2, "A www.api.example.com", "referral to example.com"),
            (3, "A www.api.example.com", "referral to api.example.com"),
            (2, "A ns-140.awsdns-17.com", "referral to awsdns-17.com"),
            (4, "A ns-140.awsdns-17.com", "NOERROR 1 A"),
            (4, "A www.api.example.com", "NOERROR 1 CNAME, 1 A"),
            (4, "A api.example.com", "NOERROR 1 A"),
        ];
        let want: Vec<_> = want
            .iter()
            .map(|(c, q, r)| (*c, q.to_string(), r.to_string()))
            .collect();
        assert_eq!(ex, want);
        let names: Vec<_> = seq.lifelines.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "dig +trace",
                "a.root-servers.net",
                "a.gtld-servers.net",
                "ns-112.awsdns-14.com",
                "ns-140.awsdns-17.com"
            ]
        );
        let depths: Vec<u8> = seq.rows.iter().map(|r| r.depth).collect();
        assert_eq!(depths, [0, 0, 0, 1, 1, 0, 0]);
        assert_eq!(seq.rows[3].purpose, "A ns-140.awsdns-17.com");
    }

    #[test]
    fn the_public_resolver_notes_its_cache_hits() {
        let mut s = build("article").unwrap();
        let (_, cache) = run(&s, "www.api.example.com", "A", &Resolver::Public).unwrap();
        s.resolver_cache = cache.unwrap();
        let (r, _) = run(&s, "www.api.example.com", "A", &Resolver::Public).unwrap();
        let seq = sequence(&r);
        assert_eq!(seq.lifelines.len(), 1);
        assert_eq!(seq.lifelines[0].name, "resolver");
        let Message::Cache { note } = &seq.rows[0].message else {
            panic!("a cache hit")
        };
        assert!(
            note.starts_with("cache: A www.api.example.com → 1 CNAME ("),
            "{note}"
        );
    }

    #[test]
    fn negative_replies_read_as_their_rcode() {
        let quiz = build("quiz").unwrap();
        let (r, _) = run(&quiz, "api.example.com", "A", &Resolver::Trace).unwrap();
        let ex = exchanges(&sequence(&r));
        assert_eq!(ex.last().unwrap().2, "NODATA");
        let s = build("article").unwrap();
        let (r, _) = run(&s, "nope.example.com", "A", &Resolver::Trace).unwrap();
        assert_eq!(exchanges(&sequence(&r)).last().unwrap().2, "NXDOMAIN");
        let root = Resolver::Direct {
            server_ip: "198.41.0.4".into(),
            rd: false,
        };
        let (r, _) = run(&s, "www.api.example.com", "A", &root).unwrap();
        let seq = sequence(&r);
        assert_eq!(seq.lifelines[0].name, "dig");
        assert_eq!(exchanges(&seq)[0].2, "referral to com");
    }
}
