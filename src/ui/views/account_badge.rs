//! Which AWS account an action happens in, as a coloured badge ("Account A", "Account B"):
//! the words the diagram's account boxes use, one colour per account (by its place in the
//! scenario), the account id and label in full in its title. Shown in the zone header and
//! in the title of each dialog that acts on a hosted zone.

use yew::prelude::*;

use crate::scenario::Scenario;

/// The badge's short text: the label up to its parenthesis (`Account B (api team)` gives
/// `Account B`), or the label, or the id when it has none.
pub fn short_name(label: &str, id: &str) -> String {
    let short = label.split(" (").next().unwrap_or_default().trim();
    if short.is_empty() {
        id.to_string()
    } else {
        short.to_string()
    }
}

/// The badge of an account, or nothing for an id the scenario does not hold.
pub fn account_badge(doc: &Scenario, account_id: &str) -> Html {
    let Some((i, account)) = doc
        .aws
        .accounts
        .iter()
        .enumerate()
        .find(|(_, a)| a.id == account_id)
    else {
        return html! {};
    };
    let full = if account.label.is_empty() {
        format!("AWS account {}", account.id)
    } else {
        format!("AWS account {} · {}", account.id, account.label)
    };
    html! {
        <span class={classes!("account-badge", format!("account-{}", i % 4))} title={full.clone()}>
            <span class="sr-only">{ "In " }</span>{ short_name(&account.label, &account.id) }
        </span>
    }
}

/// The badge of the account that owns a hosted zone (nothing for a registry zone).
pub fn zone_account_badge(doc: &Scenario, zone_id: &str) -> Html {
    match doc.aws.hosted_zone(zone_id) {
        Some(hz) => account_badge(doc, &hz.account),
        None => html! {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_short_name_is_the_label_before_its_parenthesis() {
        assert_eq!(
            short_name("Account B (api team)", "222222222222"),
            "Account B"
        );
        assert_eq!(short_name("staging team", "333333333333"), "staging team");
        assert_eq!(short_name("", "333333333333"), "333333333333");
    }
}
