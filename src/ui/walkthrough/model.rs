//! The walkthrough's judge (pure): the article's steps as a checklist, each ticked when the
//! engine sees it done in the scenario (a hosted zone exists, the parent's NS match the
//! child's servers, the validation CNAME is where ACM finds it, the diagnosis sees the
//! breakage) or in what the user ran (the article's four dig checks, each ticked only when it
//! answered as the article says it should, else with why not), never because a button was
//! pressed. Progress only grows: a step seen done stays ticked when the user goes on to
//! break the setup on purpose.

use std::collections::{BTreeMap, BTreeSet};

use hickory_proto::rr::{Name, RData, RecordType};
use serde::{Deserialize, Serialize};

use crate::aws::acm::history::CheckResult;
use crate::diagnose::{self, Code};
use crate::dns::name::n;
use crate::dns::resolve::{Mode, OutcomeKind, Resolution};
use crate::scenario::Scenario;

use super::why_not::{CnameHint, WhyNot};

/// The parent zone and the delegated child of the article.
pub const PARENT: &str = "example.com";
pub const CHILD: &str = "api.example.com";
/// The certificate the article requests.
pub const WILDCARD: &str = "*.api.example.com";

/// One step of the walkthrough.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemId {
    ChildZone,
    Delegate,
    Certificate,
    DigChecks,
    WrongNs,
    Recreated,
    Quiz,
}

/// The article's four dig checks (the `DigChecks` item is done with all four).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DigCheck {
    /// `dig NS api.example.com @8.8.8.8`: the public resolver returns the child's servers.
    NsViaResolver,
    /// `dig A something.api.example.com @<a child server>`: the child answers directly.
    DirectToChild,
    /// `dig +trace api.example.com`: root, com, the parent's referral, the child.
    Trace,
    /// `dig CNAME _xyz.api.example.com`: the validation record resolves.
    ValidationCname,
}

/// What the user does, where, and what it teaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub id: ItemId,
    pub title: &'static str,
    /// What to do, in one or two sentences.
    pub todo: &'static str,
    /// The panel to go to (an element id).
    pub panel: &'static str,
    /// The control to focus there (an element id, inside the panel or the panel itself, so
    /// the focus stays where the panel was brought into view).
    pub control: &'static str,
    /// What just happened, shown once the step is ticked.
    pub learned: &'static str,
}

/// The steps, in the article's order: the certificate comes before the dig checks, as the
/// last check asks for its validation CNAME.
pub const ITEMS: [Item; 7] = [
    Item {
        id: ItemId::ChildZone,
        title: "Create the child hosted zone in account B",
        todo: "In Accounts and hosted zones, create a hosted zone named api.example.com in Account B (api team).",
        panel: "accounts-panel",
        control: "create-zone",
        learned: "Route 53 gave the new zone its own four name servers (its delegation set). Nothing reaches them yet: example.com in account A does not point at them.",
    },
    Item {
        id: ItemId::Delegate,
        title: "Copy its four name servers into the parent in account A",
        todo: "Open api.example.com in the diagram and use \u{201c}Add these name servers to the parent\u{201d}, or add an NS record set api.example.com in example.com with the child's four servers.",
        panel: "zone-panel",
        control: "delegate-to-child",
        learned: "The parent now answers queries under api.example.com with a referral to the child's servers: that NS record set is the whole delegation, across accounts.",
    },
    Item {
        id: ItemId::Certificate,
        title: "Request *.api.example.com in ACM and put the validation CNAME in the right zone",
        todo: "In Certificates, request *.api.example.com from Account B, then create its validation CNAME in account B's api.example.com zone (the zone resolvers reach).",
        panel: "certificates-panel",
        control: "acm-domain",
        learned: "ACM looks the validation CNAME up from the root like any resolver, so it must be in the child zone: a copy in example.com sits below the delegation, where no one looks.",
    },
    Item {
        id: ItemId::DigChecks,
        title: "Run the article's four dig checks",
        todo: "In the dig console run: dig NS api.example.com @8.8.8.8; dig A something.api.example.com @ one of the child's servers; dig +trace api.example.com; dig CNAME with the certificate's validation name (the article's _abc123.api.example.com is an example; the console offers the real one).",
        panel: "console-panel",
        control: "console-line",
        learned: "The resolver returned the child's servers, the child answered for its own names, the trace went root \u{2192} com \u{2192} example.com's referral \u{2192} api.example.com, and the validation CNAME resolves from the child zone.",
    },
    Item {
        id: ItemId::WrongNs,
        title: "Break it: NS records copied from the wrong zone",
        todo: "Load the preset \u{201c}Parent NS copied from the wrong zone\u{201d} (or edit the parent's NS for api.example.com to other servers), then resolve www.api.example.com.",
        panel: "diagnostics-panel",
        control: "diagnostics-panel",
        learned: "Servers that do not host api.example.com answer REFUSED; with none left, resolvers give SERVFAIL for every name in the zone. The diagnosis names the mismatch.",
    },
    Item {
        id: ItemId::Recreated,
        title: "Break it: the child zone was recreated",
        todo: "Recreate api.example.com in Accounts and hosted zones (or load the preset \u{201c}Child zone recreated, parent still points at the old servers\u{201d}): the parent still points at the old servers.",
        panel: "accounts-panel",
        control: "accounts-heading",
        learned: "A recreated hosted zone gets a new delegation set; the parent's NS still name the old servers, which no longer host the zone, so the delegation is lame until the NS are updated.",
    },
    Item {
        id: ItemId::Quiz,
        title: "Answer the article's quiz",
        todo: "Start the challenge \u{201c}The apex A record that never answers\u{201d} from Challenges in the header and answer its question.",
        panel: "challenge",
        control: "challenge-select",
        learned: "After a delegation every name under api.example.com, its apex included, lives in the child zone; a record left in the parent is occluded, and resolvers get NODATA, not NXDOMAIN.",
    },
];

/// The item with this id.
pub fn item(id: ItemId) -> &'static Item {
    ITEMS
        .iter()
        .find(|i| i.id == id)
        .expect("every id has an item")
}

/// Where the user stands; saved in localStorage.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    /// The steps seen done.
    pub done: BTreeSet<ItemId>,
    /// The dig checks that answered as the article says.
    pub checks: BTreeSet<DigCheck>,
    /// For a check run that did not answer so (and has not since): why not, in a sentence.
    pub why_not: BTreeMap<DigCheck, String>,
    /// Whether the checklist is shown (false once left; the header button resumes it).
    pub open: bool,
    /// Whether the first-visit offer was answered (started or declined).
    pub offered: bool,
}

impl Progress {
    /// The progress on a first visit: the offer shown.
    pub fn first_visit() -> Self {
        Self::default()
    }

    /// The progress of a walkthrough just started: nothing done, the checklist open.
    pub fn started() -> Self {
        Self {
            offered: true,
            open: true,
            ..Self::default()
        }
    }

    /// The progress with the checklist shown or hidden (the offer answered either way).
    pub fn shown(&self, open: bool) -> Self {
        Self {
            offered: true,
            open,
            ..self.clone()
        }
    }

    /// Ticks what the scenario shows done; true when something new was ticked.
    pub fn observe(&mut self, s: &Scenario) -> bool {
        let before = self.done.len();
        self.done.extend(judge(s));
        self.done.len() != before
    }

    /// Whether the break-it steps are waiting for the diagnosis of the document: the
    /// checklist is open, the delegation they break was built, and one is not ticked yet.
    pub fn awaits_diagnosis(&self) -> bool {
        self.offered
            && self.open
            && self.is_done(ItemId::Delegate)
            && !(self.is_done(ItemId::WrongNs) && self.is_done(ItemId::Recreated))
    }

    /// Ticks the break-it steps the diagnosis of the document saw, when it awaits them; true
    /// when something new was ticked.
    pub fn diagnosed(&mut self, found: Breakages) -> bool {
        if !self.awaits_diagnosis() {
            return false;
        }
        let before = self.done.len();
        self.done.extend(found.items());
        self.done.len() != before
    }

    /// Judges a resolution the user ran: a dig check that answered as the article says is
    /// ticked; one that did not keeps (or gets) why not. True when the progress changed.
    pub fn ran(&mut self, r: &Resolution, s: &Scenario) -> bool {
        let Some((check, verdict)) = dig_check(r, s) else {
            return false;
        };
        let before = (self.checks.len(), self.why_not.get(&check).cloned());
        match verdict {
            Ok(()) => {
                self.checks.insert(check);
                self.why_not.remove(&check);
            }
            // A check seen done stays done; only one not done yet says why not.
            Err(why) if !self.checks.contains(&check) => {
                self.why_not.insert(check, why.to_string());
            }
            Err(_) => {}
        }
        if self.checks.len() == 4 {
            self.done.insert(ItemId::DigChecks);
        }
        before != (self.checks.len(), self.why_not.get(&check).cloned())
    }

    /// The quiz was answered; ticks it when the answer is the right one.
    pub fn answered(&mut self, correct: bool) -> bool {
        correct && self.done.insert(ItemId::Quiz)
    }

    pub fn is_done(&self, id: ItemId) -> bool {
        self.done.contains(&id)
    }

    /// The first step not yet done.
    pub fn next(&self) -> Option<&'static Item> {
        ITEMS.iter().find(|i| !self.is_done(i.id))
    }
}

/// The steps the scenario shows done now, but the break-it steps: those are the diagnosis's
/// to judge ([`breakages`]), loaded on demand, and count only after the setup they break was
/// built ([`Progress::awaits_diagnosis`]), so a broken preset loaded first does not tick them.
pub fn judge(s: &Scenario) -> Vec<ItemId> {
    let mut out = Vec::new();
    let parent_account = s
        .aws
        .hosted_zones
        .iter()
        .find(|z| z.name == n(PARENT))
        .map(|z| z.account.clone());
    let child = n(CHILD);
    let children: Vec<_> = s
        .aws
        .hosted_zones
        .iter()
        .filter(|z| z.name == child && Some(&z.account) != parent_account.as_ref())
        .collect();
    if !children.is_empty() {
        out.push(ItemId::ChildZone);
    }
    let delegated = parent_ns(s);
    let matches = |servers: Vec<Name>| {
        let a: BTreeSet<String> = servers
            .iter()
            .map(|x| x.to_lowercase().to_string())
            .collect();
        let b: BTreeSet<String> = delegated
            .iter()
            .map(|x| x.to_lowercase().to_string())
            .collect();
        !a.is_empty() && a == b
    };
    if children.iter().any(|z| matches(z.name_servers())) {
        out.push(ItemId::Delegate);
    }
    if !children.is_empty() && validation_found(s) {
        out.push(ItemId::Certificate);
    }
    out
}

/// The break-it steps the diagnosis sees in a scenario: its findings about the child's
/// delegation (the parent's NS set for the child is involved). It runs the whole diagnosis,
/// so the web build loads it on demand (`ui::lazy_fn::WALK_BREAKAGES`).
pub fn breakages(s: &Scenario) -> Breakages {
    let child = n(CHILD);
    let about_child = |f: &&diagnose::Finding| {
        f.involved
            .iter()
            .any(|i| i.record.as_ref().is_some_and(|r| r.name == child))
    };
    let codes: Vec<Code> = diagnose::diagnose(s)
        .iter()
        .filter(about_child)
        .map(|f| f.code)
        .collect();
    Breakages {
        wrong_ns: codes.contains(&Code::DelegationNsMismatch),
        recreated: codes.contains(&Code::DelegationStale),
    }
}

/// What the diagnosis said about the break-it steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Breakages {
    /// The parent's NS for the child name servers that do not host it (`WrongNs`).
    pub wrong_ns: bool,
    /// The parent's NS name the child's old, recreated zone's servers (`Recreated`).
    pub recreated: bool,
}

impl Breakages {
    /// The steps they tick.
    pub fn items(self) -> impl Iterator<Item = ItemId> {
        [
            self.wrong_ns.then_some(ItemId::WrongNs),
            self.recreated.then_some(ItemId::Recreated),
        ]
        .into_iter()
        .flatten()
    }
}

/// The parent's NS records for the child, as the parent hosted zone holds them.
fn parent_ns(s: &Scenario) -> Vec<Name> {
    let parent = n(PARENT);
    s.aws
        .hosted_zones
        .iter()
        .filter(|z| z.name == parent)
        .filter_map(|z| s.world.zone(&z.id))
        .filter_map(|z| z.get(&n(CHILD), RecordType::NS))
        .flat_map(|set| crate::dns::answer::ns_targets(set.records().iter()))
        .collect()
}

/// A certificate for `*.api.example.com` whose validation CNAME ACM finds (resolving from
/// the root, as ACM does).
fn validation_found(s: &Scenario) -> bool {
    s.aws
        .certificates
        .iter()
        .filter(|c| {
            c.domain_name == WILDCARD || c.subject_alternative_names.iter().any(|n| n == WILDCARD)
        })
        .flat_map(|c| c.domain_validations.iter())
        .filter(|v| v.domain_name == WILDCARD)
        .any(|v| {
            crate::aws::acm::check::check_record(&s.world, &s.aws, &v.record, s.clock).result
                == CheckResult::Found
        })
}

/// Which of the article's dig checks a resolution is, if any (by its question and how it was
/// asked), and whether it answered as the article says it should: `Err` says why not.
pub fn dig_check(r: &Resolution, s: &Scenario) -> Option<(DigCheck, Result<(), WhyNot>)> {
    let child = n(CHILD);
    let name = &r.question.name;
    if !child.zone_of(name) {
        return None;
    }
    let rtype = r.question.rtype;
    let check = match r.mode {
        Mode::Recursive if rtype == RecordType::NS && *name == child => DigCheck::NsViaResolver,
        Mode::Trace if *name == child => DigCheck::Trace,
        _ if rtype == RecordType::CNAME
            && name.iter().next().is_some_and(|l| l.starts_with(b"_")) =>
        {
            DigCheck::ValidationCname
        }
        Mode::Direct if rtype == RecordType::A => DigCheck::DirectToChild,
        _ => return None,
    };
    let verdict = match check {
        DigCheck::NsViaResolver => ns_verdict(r, s),
        DigCheck::DirectToChild => direct_verdict(r, s),
        DigCheck::Trace => trace_verdict(r, s),
        DigCheck::ValidationCname => cname_verdict(r, s),
    };
    Some((check, verdict))
}

/// What a resolution ended with, for a why-not sentence: `SERVFAIL (no name server of … )`.
fn ended(r: &Resolution) -> String {
    let reason = r.outcome.reason.trim_end_matches('.');
    if reason.is_empty() {
        r.outcome.kind.label().to_string()
    } else {
        format!("{} ({reason})", r.outcome.kind.label())
    }
}

/// Names as people write them, in a set (for comparing NS lists).
fn name_set<'a>(names: impl IntoIterator<Item = &'a Name>) -> BTreeSet<String> {
    names
        .into_iter()
        .map(|x| x.to_lowercase().to_string())
        .collect()
}

/// The hosted zones named api.example.com.
fn child_zones(s: &Scenario) -> impl Iterator<Item = &crate::aws::HostedZone> {
    let child = n(CHILD);
    s.aws.hosted_zones.iter().filter(move |z| z.name == child)
}

/// Whether the server at `ip` serves a hosted zone named api.example.com.
fn serves_child(s: &Scenario, ip: std::net::Ipv4Addr) -> bool {
    let child = n(CHILD);
    s.world.server_by_ip(ip).is_some_and(|server| {
        server
            .zones
            .iter()
            .filter_map(|id| s.world.zone(id))
            .any(|z| z.origin == child)
    })
}

/// `dig NS api.example.com @8.8.8.8` returns the child zone's name servers.
fn ns_verdict(r: &Resolution, s: &Scenario) -> Result<(), WhyNot> {
    let got: Vec<Name> = crate::dns::answer::ns_targets(r.outcome.answer.iter());
    if r.outcome.kind != OutcomeKind::Answer || got.is_empty() {
        return Err(WhyNot::NoChildServers { ended: ended(r) });
    }
    let got_set = name_set(&got);
    if child_zones(s).any(|z| name_set(&z.name_servers()) == got_set) {
        Ok(())
    } else {
        Err(WhyNot::OtherServers)
    }
}

/// `dig A something.api.example.com @<a child server>`: the child answers authoritatively.
fn direct_verdict(r: &Resolution, s: &Scenario) -> Result<(), WhyNot> {
    let Some(server) = r.steps.first().and_then(|step| step.server()) else {
        return Err(WhyNot::NoServer);
    };
    let shown = crate::dns::name::Show(&server.name).to_string();
    let shown = shown.trim_end_matches('.');
    if !serves_child(s, server.ip) {
        return Err(WhyNot::NotAChildServer {
            server: shown.to_string(),
            answered: r.outcome.kind.label(),
        });
    }
    let authoritative = r
        .outcome
        .message
        .as_ref()
        .is_some_and(|m| m.metadata.authoritative);
    let final_answer = matches!(
        r.outcome.kind,
        OutcomeKind::Answer | OutcomeKind::NoData | OutcomeKind::NxDomain
    );
    if final_answer && authoritative {
        Ok(())
    } else {
        Err(WhyNot::NotAuthoritative {
            server: shown.to_string(),
            ended: ended(r),
        })
    }
}

/// `dig +trace api.example.com`: the chain ends at the child's servers, with an answer (or
/// no records of the type: the name exists).
fn trace_verdict(r: &Resolution, s: &Scenario) -> Result<(), WhyNot> {
    let last = r.steps.iter().rev().find_map(|step| step.server());
    let resolved = matches!(r.outcome.kind, OutcomeKind::Answer | OutcomeKind::NoData);
    match last {
        Some(server) if resolved && serves_child(s, server.ip) => Ok(()),
        Some(server) if resolved => Err(WhyNot::TraceEndedElsewhere {
            server: crate::dns::name::Show(&server.name)
                .to_string()
                .trim_end_matches('.')
                .to_string(),
        }),
        _ => Err(WhyNot::TraceFailed { ended: ended(r) }),
    }
}

/// `dig CNAME _….api.example.com`: the validation CNAME is found where resolvers look.
fn cname_verdict(r: &Resolution, s: &Scenario) -> Result<(), WhyNot> {
    let name = &r.question.name;
    let cname = r.outcome.answer.iter().find_map(|rec| match &rec.data {
        RData::CNAME(c) if rec.name == *name => Some(c.0.clone()),
        _ => None,
    });
    let validation_names: Vec<Name> = s
        .aws
        .certificates
        .iter()
        .flat_map(|c| c.domain_validations.iter())
        .map(|v| v.record.name.clone())
        .collect();
    if let Some(target) = cname {
        let acm = n("acm-validations.aws").zone_of(&target);
        let a_validation = validation_names.iter().any(|v| v == name);
        if r.mode == Mode::Direct
            && !r
                .steps
                .first()
                .and_then(|x| x.server())
                .is_some_and(|x| serves_child(s, x.ip))
        {
            return Err(WhyNot::CnameNotFromChild);
        }
        return if acm || a_validation {
            Ok(())
        } else {
            Err(WhyNot::NotAValidation)
        };
    }
    let hint = match validation_names.iter().find(|v| child_of_api(v)) {
        Some(real) if real != name => CnameHint::AskFor {
            real: crate::dns::name::Show(real)
                .to_string()
                .trim_end_matches('.')
                .to_string(),
        },
        Some(_) => CnameHint::CreateRecord,
        None => CnameHint::RequestCertificate,
    };
    Err(WhyNot::NoCname {
        name: crate::dns::name::Show(name)
            .to_string()
            .trim_end_matches('.')
            .to_string(),
        ended: ended(r),
        hint,
    })
}

fn child_of_api(name: &Name) -> bool {
    n(CHILD).zone_of(name)
}

/// The walkthrough's starting point: the article's accounts and example.com in account A,
/// delegated from com, with no api.example.com zone yet and no delegation to it.
pub fn start_scenario() -> Scenario {
    let mut s = crate::scenario::presets::build("article").expect("the article preset");
    s.title = "Walkthrough: the article step by step".into();
    s.description = "Accounts A and B, example.com in account A. Build the delegation of api.example.com to account B as the article does.".into();
    let child = n(CHILD);
    for z in s.world.zones.iter_mut().filter(|z| z.origin != child) {
        std::sync::Arc::make_mut(z).remove(&child, RecordType::NS);
    }
    let ids: Vec<String> = s
        .aws
        .hosted_zones
        .iter()
        .filter(|z| z.name == child)
        .map(|z| z.id.clone())
        .collect();
    for id in ids {
        if let Some(z) = s.world.zone_mut(&id) {
            let extra: Vec<(Name, RecordType)> = z
                .iter()
                .filter(|r| {
                    !(r.name == child && matches!(r.rtype, RecordType::SOA | RecordType::NS))
                })
                .map(|r| (r.name.clone(), r.rtype))
                .collect();
            for (name, rtype) in extra {
                z.remove(&name, rtype);
            }
        }
        crate::aws::route53::delete_hosted_zone(&mut s.world, &mut s.aws, &id)
            .expect("an emptied zone can be deleted");
        // As if the zone had never been: creating it is the first step.
        s.aws.retired_sets.pop();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::route53;
    use crate::dns::answer::Question;
    use crate::dns::resolve::{self, Cache};
    use crate::scenario::acm_ops::request_certificate;
    use crate::scenario::presets::{ACCOUNT_A, ACCOUNT_B};

    fn zone_id(s: &Scenario, name: &str, account: &str) -> String {
        s.aws
            .hosted_zones
            .iter()
            .find(|z| z.name == n(name) && z.account == account)
            .map(|z| z.id.clone())
            .unwrap()
    }

    fn delegate(s: &mut Scenario, servers: Vec<Name>) {
        let parent = zone_id(s, PARENT, ACCOUNT_A);
        let values: Vec<_> = servers
            .into_iter()
            .map(|n| hickory_proto::rr::RData::NS(hickory_proto::rr::rdata::NS(n)))
            .collect();
        let set = crate::dns::rrset::RecordSet::new(n(CHILD), RecordType::NS, 300, values);
        s.world.zone_mut(&parent).unwrap().upsert(set);
    }

    #[test]
    fn the_start_has_nothing_done() {
        let s = start_scenario();
        assert!(judge(&s).is_empty());
        assert!(s.aws.hosted_zones.iter().all(|z| z.name != n(CHILD)));
        assert!(s.aws.hosted_zones.iter().any(|z| z.name == n(PARENT)));
    }

    #[test]
    fn each_setup_step_ticks_from_the_scenario() {
        let mut s = start_scenario();
        let mut p = Progress::first_visit();
        // A zone of that name in account A (the parent's own account) is not the step.
        route53::create_hosted_zone(&mut s.world, &mut s.aws, ACCOUNT_A, CHILD, "a").unwrap();
        assert!(!p.observe(&s));
        let id =
            route53::create_hosted_zone(&mut s.world, &mut s.aws, ACCOUNT_B, CHILD, "b").unwrap();
        assert!(p.observe(&s));
        assert_eq!(p.done, BTreeSet::from([ItemId::ChildZone]));
        assert_eq!(p.next().unwrap().id, ItemId::Delegate);
        // Three of the four servers is not the delegation the article asks for.
        let servers = s.aws.hosted_zone(&id).unwrap().name_servers();
        delegate(&mut s, servers[..3].to_vec());
        assert!(!p.observe(&s));
        delegate(&mut s, servers.clone());
        assert!(p.observe(&s));
        assert!(p.is_done(ItemId::Delegate));
        assert!(!p.is_done(ItemId::WrongNs));
    }

    #[test]
    fn the_four_dig_checks_tick_only_when_they_answer_as_the_article_says() {
        let mut s = crate::scenario::presets::build("article").unwrap();
        // Without the article's literal example record the preset holds (the walkthrough
        // starts without it): the real validation name is the one to ask for.
        for z in s.world.zones.iter_mut() {
            std::sync::Arc::make_mut(z).remove(&n("_abc123.api.example.com"), RecordType::CNAME);
        }
        let mut p = Progress::default();
        let q = |name: &str, t: RecordType| Question::new(n(name), t);
        let mut cache = Cache::default();
        // NS through the public resolver: the child's four servers.
        let r = resolve::recursive(&s.world, &mut cache, &q(CHILD, RecordType::NS), s.clock);
        assert!(p.ran(&r, &s));
        assert!(p.checks.contains(&DigCheck::NsViaResolver));
        // Asked again: nothing new.
        assert!(!p.ran(&r, &s));
        // A to a server of example.com is the check's shape but not its answer: why not.
        let parent_id = zone_id(&s, PARENT, ACCOUNT_A);
        let parent_server = s.world.servers_of(&parent_id).next().unwrap();
        let r = resolve::direct(
            &s.world,
            parent_server,
            &q("something.api.example.com", RecordType::A),
            false,
        );
        assert!(matches!(
            dig_check(&r, &s),
            Some((DigCheck::DirectToChild, Err(WhyNot::NotAChildServer { .. })))
        ));
        assert!(p.ran(&r, &s));
        assert!(!p.checks.contains(&DigCheck::DirectToChild));
        assert!(
            p.why_not[&DigCheck::DirectToChild].contains("does not serve api.example.com"),
            "{}",
            p.why_not[&DigCheck::DirectToChild]
        );
        let child_id = zone_id(&s, CHILD, ACCOUNT_B);
        let child_server = s.world.servers_of(&child_id).next().unwrap();
        let r = resolve::direct(
            &s.world,
            child_server,
            &q("something.api.example.com", RecordType::A),
            false,
        );
        assert!(p.ran(&r, &s));
        assert!(p.checks.contains(&DigCheck::DirectToChild));
        assert!(!p.why_not.contains_key(&DigCheck::DirectToChild));
        // A name outside the child is none of them.
        let r = resolve::trace(&s.world, &q("www.example.com", RecordType::A), s.clock);
        assert!(!p.ran(&r, &s));
        assert!(!p.is_done(ItemId::DigChecks));
        let r = resolve::trace(&s.world, &q(CHILD, RecordType::A), s.clock);
        assert!(p.ran(&r, &s));
        assert!(p.checks.contains(&DigCheck::Trace));
        // The validation CNAME before the record exists: not ticked, and why not.
        let arn = request_certificate(&mut s, ACCOUNT_B, WILDCARD, &[]).unwrap();
        let record = s.aws.certificate(&arn).unwrap().domain_validations[0]
            .record
            .clone();
        let validation = record.name.to_string();
        let r = resolve::recursive(
            &s.world,
            &mut cache,
            &q(&validation, RecordType::CNAME),
            s.clock,
        );
        assert!(matches!(
            dig_check(&r, &s),
            Some((
                DigCheck::ValidationCname,
                Err(WhyNot::NoCname {
                    hint: CnameHint::CreateRecord,
                    ..
                })
            ))
        ));
        assert!(p.ran(&r, &s));
        assert!(!p.checks.contains(&DigCheck::ValidationCname));
        assert!(
            p.why_not[&DigCheck::ValidationCname].contains("Create the validation CNAME"),
            "{}",
            p.why_not[&DigCheck::ValidationCname]
        );
        // The article's example name points to the real one.
        let r = resolve::recursive(
            &s.world,
            &mut cache,
            &q("_abc123.api.example.com", RecordType::CNAME),
            s.clock,
        );
        assert!(matches!(
            dig_check(&r, &s),
            Some((DigCheck::ValidationCname, Err(WhyNot::NoCname { hint: CnameHint::AskFor { real }, .. })))
                if real == validation.trim_end_matches('.')
        ));
        p.ran(&r, &s);
        assert!(
            p.why_not[&DigCheck::ValidationCname].contains(validation.trim_end_matches('.')),
            "{}",
            p.why_not[&DigCheck::ValidationCname]
        );
        assert!(!p.is_done(ItemId::DigChecks));
        // Once in the child zone, the query returns it: ticked, all four done.
        s.world
            .zone_mut(&child_id)
            .unwrap()
            .upsert(record.record_set(300));
        let mut fresh = Cache::default();
        let r = resolve::recursive(
            &s.world,
            &mut fresh,
            &q(&validation, RecordType::CNAME),
            s.clock,
        );
        assert!(p.ran(&r, &s));
        assert!(p.checks.contains(&DigCheck::ValidationCname));
        assert!(p.why_not.is_empty());
        assert!(p.is_done(ItemId::DigChecks));
    }

    #[test]
    fn without_the_delegation_the_checks_say_why_not() {
        let mut s = start_scenario();
        route53::create_hosted_zone(&mut s.world, &mut s.aws, ACCOUNT_B, CHILD, "b").unwrap();
        let mut p = Progress::default();
        let mut cache = Cache::default();
        let r = resolve::recursive(
            &s.world,
            &mut cache,
            &Question::new(n(CHILD), RecordType::NS),
            s.clock,
        );
        assert!(matches!(
            dig_check(&r, &s),
            Some((DigCheck::NsViaResolver, Err(WhyNot::NoChildServers { .. })))
        ));
        assert!(p.ran(&r, &s));
        assert!(p.checks.is_empty());
        assert!(
            p.why_not[&DigCheck::NsViaResolver].starts_with("The resolver returned"),
            "{}",
            p.why_not[&DigCheck::NsViaResolver]
        );
        let r = resolve::trace(&s.world, &Question::new(n(CHILD), RecordType::A), s.clock);
        assert!(matches!(
            dig_check(&r, &s),
            Some((
                DigCheck::Trace,
                Err(WhyNot::TraceFailed { .. } | WhyNot::TraceEndedElsewhere { .. })
            ))
        ));
        p.ran(&r, &s);
        assert!(!p.checks.contains(&DigCheck::Trace));
        assert!(p.why_not.contains_key(&DigCheck::Trace));
        // A check done stays done when a later run fails (the user breaking it on purpose).
        p.checks.insert(DigCheck::Trace);
        p.why_not.clear();
        assert!(!p.ran(&r, &s));
        assert!(p.why_not.is_empty());
    }

    #[test]
    fn the_checklist_follows_the_article_certificate_before_the_dig_checks() {
        let order: Vec<ItemId> = ITEMS.iter().map(|i| i.id).collect();
        let at = |id| order.iter().position(|x| *x == id).unwrap();
        assert!(at(ItemId::Delegate) < at(ItemId::Certificate));
        assert!(at(ItemId::Certificate) < at(ItemId::DigChecks));
        assert!(at(ItemId::DigChecks) < at(ItemId::WrongNs));
    }

    #[test]
    fn the_certificate_ticks_only_with_its_cname_where_acm_finds_it() {
        let mut s = crate::scenario::presets::build("article").unwrap();
        let arn = request_certificate(&mut s, ACCOUNT_B, WILDCARD, &[]).unwrap();
        assert!(!judge(&s).contains(&ItemId::Certificate));
        let record = s.aws.certificate(&arn).unwrap().domain_validations[0]
            .record
            .clone();
        // In the parent, below the delegation: ACM does not find it.
        let parent = zone_id(&s, PARENT, ACCOUNT_A);
        s.world
            .zone_mut(&parent)
            .unwrap()
            .upsert(record.record_set(300));
        assert!(!judge(&s).contains(&ItemId::Certificate));
        let child = zone_id(&s, CHILD, ACCOUNT_B);
        s.world
            .zone_mut(&child)
            .unwrap()
            .upsert(record.record_set(300));
        assert!(judge(&s).contains(&ItemId::Certificate));
    }

    #[test]
    fn the_breakages_tick_once_the_delegation_was_built() {
        let wrong = crate::scenario::presets::build("wrong-ns").unwrap();
        let recreated = crate::scenario::presets::build("recreated").unwrap();
        let found = breakages(&wrong);
        assert!(found.wrong_ns && !found.recreated);
        assert!(breakages(&recreated).recreated);
        // A working delegation is neither.
        let article = crate::scenario::presets::build("article").unwrap();
        assert_eq!(breakages(&article), Breakages::default());
        // Loaded first, before any delegation was built: not the step.
        let mut p = Progress::started();
        p.observe(&wrong);
        assert!(!p.awaits_diagnosis());
        assert!(!p.diagnosed(found));
        assert!(!p.is_done(ItemId::WrongNs));
        // Built, then broken: ticked, and only what the diagnosis saw.
        p.done.extend([ItemId::ChildZone, ItemId::Delegate]);
        assert!(p.awaits_diagnosis());
        assert!(p.diagnosed(found));
        assert!(p.is_done(ItemId::WrongNs) && !p.is_done(ItemId::Recreated));
        assert!(!p.diagnosed(found));
        assert!(p.diagnosed(breakages(&recreated)));
        assert!(p.is_done(ItemId::Recreated));
        // Both seen: nothing left to diagnose.
        assert!(!p.awaits_diagnosis());
        // A hidden checklist does not tick.
        let mut hidden = Progress {
            done: BTreeSet::from([ItemId::ChildZone, ItemId::Delegate]),
            ..Progress::started().shown(false)
        };
        assert!(!hidden.diagnosed(found));
    }

    #[test]
    fn progress_grows_and_survives_a_round_trip() {
        let mut p = Progress::first_visit();
        assert!(!p.answered(false));
        assert!(p.answered(true));
        assert!(!p.answered(true));
        p.open = true;
        let text = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<Progress>(&text).unwrap(), p);
        // What an older save lacks takes its default.
        assert_eq!(
            serde_json::from_str::<Progress>("{\"done\":[\"quiz\"]}")
                .unwrap()
                .done,
            BTreeSet::from([ItemId::Quiz])
        );
    }
}
