//! A dig command line, as typed in the console (or given to `delegation-lab dig`), run on
//! the article's world: what parses is read back the same from its canonical words, and
//! running it answers with text (every name and type, every server spec, every option).

use super::route53_json::article;
use crate::dns::dig::Display;
use crate::dns::resolve::Cache;
use crate::scenario::dig_command::{DigArgs, parse, run_line};

pub fn dig_line(data: &[u8]) {
    let Ok(line) = std::str::from_utf8(data) else {
        return;
    };
    let words: Vec<String> = line.split_whitespace().map(String::from).collect();
    let words = match words.split_first() {
        Some((first, rest)) if first == "dig" => rest.to_vec(),
        _ => words,
    };
    let Ok(args) = parse(&words) else {
        return;
    };
    let canonical = canonical_words(&args);
    assert_eq!(
        parse(&canonical).as_ref(),
        Ok(&args),
        "the command reads differently from its canonical words {canonical:?}"
    );
    let s = article();
    let mut cache = Cache::new();
    let Ok(run) = run_line(&s.world, &mut cache, s.clock, line) else {
        return;
    };
    // `+short` and `+noall +answer` print nothing when there is no answer, as dig does.
    if !args.short && args.display == Display::default() {
        assert!(!run.text.is_empty(), "dig printed nothing for {line:?}");
    }
}

/// The arguments as words that say each part explicitly (`-t`, `-q`, every option).
fn canonical_words(a: &DigArgs) -> Vec<String> {
    let mut w: Vec<String> = Vec::new();
    if let Some(server) = &a.server {
        w.push(format!("@{server}"));
    }
    let flag = |on: bool, name: &str| format!("+{}{name}", if on { "" } else { "no" });
    w.push(flag(a.trace, "trace"));
    w.push(flag(a.short, "short"));
    w.push(flag(a.recurse, "recurse"));
    if a.json {
        w.push("+json".into());
    }
    let d = a.display;
    for (on, name) in [
        (d.cmd, "cmd"),
        (d.comments, "comments"),
        (d.question, "question"),
        (d.answer, "answer"),
        (d.authority, "authority"),
        (d.additional, "additional"),
        (d.stats, "stats"),
    ] {
        if !on {
            w.push(flag(on, name));
        }
    }
    w.extend(["-t".into(), crate::dns::rtype::type_mnemonic(a.rtype)]);
    w.extend(["-q".into(), crate::dns::name::text(&a.name)]);
    w
}
