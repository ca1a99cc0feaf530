//! One account's hosted zones in the accounts panel, a page at a time, as the Route 53
//! console lists them: the first [`PAGE`] zones that match the panel's filter (by name or
//! id), "Show more" for the next page, and the selected zone always listed. A thousand zones
//! would otherwise put twenty thousand elements in the page, which every dialog that opens
//! or closes pays for in style and layout.

use std::rc::Rc;

use yew::prelude::*;

use super::hosted_zone_row::HostedZoneRow;
use crate::ui::doc::Doc;

/// Rows shown at first, and added by each "Show more".
pub const PAGE: usize = 20;

#[derive(Properties, PartialEq)]
pub struct HostedZoneListProps {
    pub doc: Rc<Doc>,
    pub account: AttrValue,
    /// What the user typed in the panel's filter (a part of a name or an id); empty for all.
    pub filter: AttrValue,
    pub selected: Option<AttrValue>,
    pub on_select: Callback<AttrValue>,
    pub on_recreate: Callback<AttrValue>,
    pub on_delete: Callback<AttrValue>,
}

/// The filter as typed, made once per render into a test of a zone's name and id: a part of
/// its name (with or without the final dot, any case) or of its id.
pub fn matcher(filter: &str) -> impl Fn(&str, &str) -> bool {
    let filter = filter.trim().trim_end_matches('.').to_ascii_lowercase();
    move |name, id| {
        filter.is_empty()
            || name.to_ascii_lowercase().contains(&filter)
            || id.to_ascii_lowercase().contains(&filter)
    }
}

#[function_component]
pub fn HostedZoneList(props: &HostedZoneListProps) -> Html {
    let limit = use_state(|| PAGE);
    let matches = matcher(&props.filter);
    let zones: Vec<_> = props
        .doc
        .aws
        .zones_of(&props.account)
        .filter(|hz| matches(&hz.name.to_string(), &hz.id))
        .collect();
    if zones.is_empty() {
        let note = if props.filter.trim().is_empty() {
            "No hosted zones yet.".to_string()
        } else {
            format!("No hosted zone here matches “{}”.", props.filter.trim())
        };
        return html! { <p class="panel-note">{ note }</p> };
    }
    let selected = props.selected.as_deref();
    let shown = zones
        .iter()
        .enumerate()
        .filter(|(i, hz)| *i < *limit || selected == Some(hz.id.as_str()))
        .map(|(_, hz)| *hz);
    let row = |hz: &crate::aws::HostedZone| {
        let ns = props
            .doc
            .world
            .zone(&hz.id)
            .and_then(|z| z.apex_ns())
            .map(|s| s.value_texts())
            .unwrap_or_default();
        html! {
            <HostedZoneRow key={hz.id.clone()} id={hz.id.clone()} name={hz.name.to_string()} {ns}
                selected={selected == Some(hz.id.as_str())}
                on_select={props.on_select.clone()} on_recreate={props.on_recreate.clone()}
                on_delete={props.on_delete.clone()} />
        }
    };
    let more = zones.len().saturating_sub(*limit);
    let show_more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + PAGE))
    };
    html! {
        <>
            <ul class="hz-list">{ for shown.map(row) }</ul>
            if more > 0 {
                <p class="hz-more">
                    <span>{ format!("{} of {} hosted zones shown.", zones.len() - more, zones.len()) }</span>
                    <button type="button" class="btn btn-secondary btn-small" onclick={show_more}
                        aria-label={format!("Show {} more hosted zones of account {}", more.min(PAGE), props.account)}>
                        { format!("Show {} more", more.min(PAGE)) }
                    </button>
                </p>
            }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::matcher;

    fn matches(filter: &str, name: &str, id: &str) -> bool {
        matcher(filter)(name, id)
    }

    #[test]
    fn a_zone_matches_a_part_of_its_name_or_id_in_any_case() {
        assert!(matches("", "api.example.com.", "Z1"));
        assert!(matches("API.example", "api.example.com.", "Z1"));
        assert!(matches("example.com.", "api.example.com.", "Z1"));
        assert!(matches("Z0A", "s1.example.com.", "Z0A1B2"));
        assert!(!matches("shop", "api.example.com.", "Z1"));
    }
}
