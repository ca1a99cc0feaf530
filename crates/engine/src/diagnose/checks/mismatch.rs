//! `DELEGATION_NS_MISMATCH`: the parent's NS records for a delegation differ from the name
//! servers of the hosted zone they are meant for: copied from another zone, mistyped, or one
//! missing. (Servers of the child's own earlier delegation set are `DELEGATION_STALE`;
//! registry delegations are `REGISTRY_NS_MISMATCH`.)

use hickory_proto::rr::Name;

use crate::diagnose::context::{Context, and_list, list, t};
use crate::diagnose::delegation::{self, Cause, Delegation, Host};
use crate::diagnose::finding::{Code, Finding};
use crate::diagnose::fix::Fix;

pub fn check(ctx: &Context) -> Vec<Finding> {
    ctx.delegations
        .iter()
        .filter(|d| !d.registry && d.child.is_some())
        .filter(|d| d.hosts_with(Cause::Stale).is_empty())
        .filter_map(|d| finding(ctx, d))
        .collect()
}

fn finding(ctx: &Context, d: &Delegation) -> Option<Finding> {
    let wrong = d.hosts_with(Cause::NotTheChilds);
    let missing = d.missing();
    if wrong.is_empty() && missing.is_empty() {
        return None;
    }
    // A missing server that a wrong one is a typo of is already explained.
    let unexplained: Vec<Name> = missing
        .iter()
        .filter(|m| {
            !wrong
                .iter()
                .any(|h| near(h, std::slice::from_ref(m)).is_some())
        })
        .cloned()
        .collect();
    let child = d.child.as_deref()?;
    let named: Vec<Name> = d.hosts.iter().map(|h| h.name.clone()).collect();
    let mut text = vec![format!(
        "The NS records for {} in {} name {}, but {} is served by {}.",
        t(&d.name),
        ctx.label(&d.parent),
        list(&named),
        ctx.label(child),
        list(&d.expected)
    )];
    if !wrong.is_empty() {
        text.push(why_wrong(ctx, d, &wrong));
    }
    // When every server is wrong, the missing ones are all of them: already said.
    if !unexplained.is_empty() && (wrong.is_empty() || missing.len() < d.expected.len()) {
        text.push(format!(
            "The parent does not list {}; a delegation should name all of the zone's servers so that any of them can stand in for another.",
            list(&unexplained)
        ));
    }
    text.push(delegation::effect(
        d,
        "replace the parent's NS records with the zone's own name servers",
    ));
    let title = format!(
        "{}: the parent's NS records differ from the zone's name servers",
        t(&d.name)
    );
    let mut f = Finding::new(
        Code::DelegationNsMismatch,
        d.severity(),
        title,
        text.join(" "),
    );
    f.involved = delegation::involved(ctx, d);
    f.evidence = delegation::evidence(ctx, d, &wrong);
    f.fixes = vec![Fix::new(
        format!(
            "Set the NS records for {} to the zone's name servers",
            t(&d.name)
        ),
        vec![d.set_servers(d.expected.clone())],
    )];
    f.symptom = Some(delegation::symptom(d));
    Some(f)
}

/// Where the wrong servers come from: another hosted zone's set (copied from the wrong zone),
/// or nowhere (a typo).
fn why_wrong(ctx: &Context, d: &Delegation, wrong: &[&Host]) -> String {
    let others: Vec<(String, usize)> = ctx
        .world
        .zones
        .iter()
        .filter(|z| Some(z.id.as_str()) != d.child.as_deref() && z.id != d.parent)
        .map(|z| {
            let theirs = delegation::expected_servers(ctx, &z.id);
            // A server's own domain (awsdns-NN.com lists ns-N.awsdns-NN.com) is not a source.
            let shared = wrong
                .iter()
                .filter(|h| theirs.contains(&h.name) && !z.origin.zone_of(&h.name))
                .count();
            (z.id.clone(), shared)
        })
        .filter(|(_, shared)| *shared > 0)
        .collect();
    if let Some((source, shared)) = others.iter().max_by_key(|(_, n)| *n) {
        let source_text = ctx.label(source);
        let statuses = delegation::hosts_text(wrong);
        if *shared == wrong.len() {
            let subject = if wrong.len() == 1 {
                "That server belongs"
            } else {
                "Those servers belong"
            };
            return format!(
                "{subject} to {source_text}: the records were copied from the wrong hosted zone, and {} not host {}: {statuses}.",
                if wrong.len() == 1 {
                    "it does"
                } else {
                    "they do"
                },
                t(&d.name)
            );
        }
    }
    let items: Vec<String> = wrong
        .iter()
        .map(|h| {
            format!(
                "{} is not one of the zone's servers{} and {}",
                t(&h.name),
                near(h, &d.expected).map_or(String::new(), |n| format!(" (a typo of {}?)", t(&n))),
                delegation::status_text(h)
            )
        })
        .collect();
    format!("Of these, {}.", and_list(&items))
}

/// The expected server whose name differs from the host's by one character or one number.
fn near(host: &Host, expected: &[Name]) -> Option<Name> {
    let h = host.name.to_lowercase().to_string();
    expected
        .iter()
        .find(|e| {
            let e = e.to_lowercase().to_string();
            let (a, b) = (h.as_bytes(), e.as_bytes());
            if a.len() == b.len() {
                a.iter().zip(b).filter(|(x, y)| x != y).count() <= 2
            } else {
                let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
                long.len() - short.len() == 1
                    && (0..long.len())
                        .any(|i| long[..i] == short[..i] && long[i + 1..] == short[i..])
            }
        })
        .cloned()
}

#[cfg(test)]
mod tests {
    use crate::scenario::presets::{self, PRESETS};

    /// Two dots in a row where a sentence ends after a name (`…co.uk..`), an ellipsis aside.
    fn doubled_dot(text: &str) -> bool {
        text.replace("...", "\u{2026}").contains("..")
    }

    #[test]
    fn the_ns_mismatch_message_never_ends_a_name_with_two_dots() {
        let s = presets::build("wrong-ns").unwrap();
        let findings = crate::diagnose::diagnose(&s);
        let mismatch = findings
            .iter()
            .find(|f| f.code == crate::diagnose::Code::DelegationNsMismatch)
            .expect("the wrong-ns preset's mismatch");
        // The article's servers include one under co.uk: the sentence after it ends once.
        assert!(
            !doubled_dot(&mismatch.explanation),
            "{}",
            mismatch.explanation
        );
        assert!(!mismatch.explanation.contains("co.uk.."));
        // And no finding of any preset writes a name's final dot before a full stop.
        for info in PRESETS.iter() {
            let s = presets::build(info.id).unwrap();
            for f in crate::diagnose::diagnose(&s) {
                for text in [&f.title, &f.explanation] {
                    assert!(!doubled_dot(text), "{}: {text}", info.id);
                }
                for fix in &f.fixes {
                    assert!(!doubled_dot(&fix.title), "{}: {}", info.id, fix.title);
                }
            }
        }
    }
}
