//! One AWS account in the accounts panel: a card headed by its label and id, holding what
//! the panel puts in it (the account's hosted zone list).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AccountCardProps {
    /// The account id (12 digits).
    pub id: AttrValue,
    /// Its label; empty for none.
    pub label: AttrValue,
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn AccountCard(props: &AccountCardProps) -> Html {
    let heading = format!("account-{}", props.id);
    let label = if props.label.is_empty() {
        AttrValue::from("AWS account")
    } else {
        props.label.clone()
    };
    html! {
        <article class="account-card" data-account={props.id.clone()} aria-labelledby={heading.clone()}>
            <h3 id={heading}>
                <span class="account-label">{ label }</span>
                <span class="account-id">{ props.id.clone() }</span>
            </h3>
            { props.children.clone() }
        </article>
    }
}
