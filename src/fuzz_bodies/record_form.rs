//! The record form's four fields (name, type, TTL, values one per line), given as one text:
//! the first three lines, then the values. What validates fills the form back with the same
//! record set, and put into the article's `example.com.` zone (when Route 53's rules allow
//! it) round-trips through the scenario's JSON and its zone file. The form is the web app's,
//! so without the `web` feature the body does nothing (the `fuzzing` feature enables `web`).

#[cfg(feature = "web")]
use super::check;
#[cfg(feature = "web")]
use super::route53_json::{ZONE, article};
#[cfg(feature = "web")]
use crate::dns::name::n;
#[cfg(feature = "web")]
use crate::scenario::edit::Edit;
#[cfg(feature = "web")]
use crate::ui::panels::zone::record_form::RecordDraft;

#[cfg(not(feature = "web"))]
pub fn record_form(_data: &[u8]) {}

#[cfg(feature = "web")]
pub fn record_form(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut fields = text.splitn(4, '\n');
    let mut next = || fields.next().unwrap_or_default().to_string();
    let draft = RecordDraft {
        name: next(),
        rtype: next(),
        ttl: next(),
        values: next(),
    };
    let origin = n(ZONE);
    let Ok(set) = draft.validate(&origin) else {
        return;
    };
    let refilled = RecordDraft::from_set(&set, &origin);
    assert_eq!(
        refilled.validate(&origin).as_ref(),
        Ok(&set),
        "the form filled from the record set reads differently: {refilled:?}"
    );
    let mut s = article().clone();
    let zone_id = s
        .aws
        .hosted_zones
        .iter()
        .find(|hz| hz.name == origin)
        .map(|hz| hz.id.clone())
        .expect("the article has example.com.");
    let edit = Edit::PutRecordSet {
        zone_id,
        replacing: None,
        set,
    };
    if edit.apply(&mut s).is_ok() {
        check::scenario_round_trips(&s);
        check::zone_files_round_trip(&s);
    }
}
