//! The web app's views rendered to HTML natively (yew's server renderer) and read back with
//! CSS selectors: what they show for the fixture world, that record text is escaped, that
//! form errors sit at their fields.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use delegation_lab::dns::rrset::parse_values;
use delegation_lab::dns::{RecordSet, Zone, n};
use delegation_lab::ui::App;
use delegation_lab::ui::doc::default_doc;
use delegation_lab::ui::record_form::RecordDraft;
use delegation_lab::ui::storage::Notice;
use delegation_lab::ui::views::banner::{Banner, BannerProps};
use delegation_lab::ui::views::diagram::{Diagram, DiagramProps};
use delegation_lab::ui::views::record_dialog::{RecordDialog, RecordDialogProps};
use delegation_lab::ui::views::record_table::{RecordTable, RecordTableProps};
use hickory_proto::rr::rdata::TXT;
use hickory_proto::rr::{RData, RecordType};
use scraper::{ElementRef, Html, Selector};
use yew::{BaseComponent, Callback, LocalServerRenderer};

async fn render<C: BaseComponent>(props: C::Properties) -> Html {
    let text = LocalServerRenderer::<C>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    Html::parse_fragment(&text)
}

fn all<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn one<'a>(html: &'a Html, css: &str) -> ElementRef<'a> {
    let found = all(html, css);
    assert_eq!(found.len(), 1, "exactly one {css}");
    found[0]
}

fn text(e: ElementRef) -> String {
    e.text().collect()
}

fn attr<'a>(e: ElementRef<'a>, name: &str) -> &'a str {
    e.value()
        .attr(name)
        .unwrap_or_else(|| panic!("no {name} on {:?}", e.value()))
}

#[tokio::test]
async fn the_app_shows_the_hierarchy_and_the_first_hosted_zone() {
    let html = render::<App>(Default::default()).await;
    let zones: Vec<String> = all(&html, "g.node[role=button] > title")
        .into_iter()
        .map(text)
        .collect();
    assert_eq!(
        zones,
        [
            "Zone ., root zone, 14 record sets",
            "Zone com., top-level domain, 9 record sets",
            "Zone aws., top-level domain, 4 record sets",
            "Zone acm-validations.aws., hosted zone ZQC0LNY5FZ3KKASQD6FRH, account 999999999999, 2 record sets",
            "Zone example.com., hosted zone ZPJXOFB6SRQKCW5PP467B, account 111111111111, 4 record sets",
            "Zone api.example.com., hosted zone ZFDEH0ZRZWVVR4PAT0KIW, account 222222222222, 5 record sets",
        ]
    );
    assert_eq!(
        attr(one(&html, "g.node[aria-pressed=true]"), "data-zone"),
        "ZPJXOFB6SRQKCW5PP467B"
    );
    assert_eq!(text(one(&html, "#zone-heading")), "example.com.");
    let rows: Vec<String> = all(&html, "table.records tbody tr")
        .into_iter()
        .map(|r| format!("{} {}", attr(r, "data-name"), attr(r, "data-type")))
        .collect();
    assert_eq!(
        rows,
        [
            "example.com. A",
            "example.com. NS",
            "example.com. SOA",
            "api.example.com. NS",
        ]
    );
    let undo = one(&html, "#undo");
    assert_eq!(
        (
            attr(undo, "aria-label"),
            undo.value().attr("disabled").is_some()
        ),
        ("Nothing to undo", true)
    );
    let health: Vec<String> = all(&html, ".edge-health").into_iter().map(text).collect();
    assert_eq!(health, ["delegation ok"; 5]);
    let groups: Vec<String> = all(&html, ".group-label").into_iter().map(text).collect();
    assert_eq!(
        groups,
        [
            "Internet: root and TLD registries",
            "Account A (root) · 111111111111",
            "Account B (api team) · 22222222…",
            "AWS (ACM validation domain) · 9…",
        ]
    );
}

#[tokio::test]
async fn record_text_is_shown_as_text_never_as_markup() {
    let mut zone = Zone::new("acct/Z1", n("example.com."));
    let attack = "<img src=x onerror=alert(1)>";
    // Built directly: `parse_value` still refuses parentheses inside a quoted TXT value.
    let values = vec![RData::TXT(TXT::new(vec![attack.to_string()]))];
    zone.upsert(RecordSet::new(
        n("xss.example.com."),
        RecordType::TXT,
        60,
        values,
    ));
    let html = render::<RecordTable>(RecordTableProps {
        zone,
        on_edit: Callback::noop(),
        on_delete: Callback::noop(),
    })
    .await;
    assert_eq!(text(one(&html, "code.value")), format!("\"{attack}\""));
    assert!(all(&html, "img").is_empty());
}

#[tokio::test]
async fn occluded_records_and_delegations_are_marked() {
    let mut doc = default_doc();
    let zone = doc
        .world
        .zones
        .iter_mut()
        .find(|z| z.origin == n("example.com."))
        .unwrap();
    zone.upsert(RecordSet::new(
        n("www.api.example.com."),
        RecordType::A,
        300,
        parse_values(RecordType::A, &["192.0.2.1"]).unwrap(),
    ));
    let zone = zone.clone();
    let html = render::<RecordTable>(RecordTableProps {
        zone,
        on_edit: Callback::noop(),
        on_delete: Callback::noop(),
    })
    .await;
    assert_eq!(
        attr(one(&html, "tr:has(.tag-accent)"), "data-name"),
        "api.example.com."
    );
    let occluded = one(&html, "tr.occluded");
    assert_eq!(
        (attr(occluded, "data-name"), attr(occluded, "data-type")),
        ("www.api.example.com.", "A")
    );
    assert_eq!(
        text(one(&html, "tr.occluded .tag-warn")),
        "occluded: never served"
    );
    let locked: Vec<&str> = all(&html, "button[disabled]")
        .into_iter()
        .map(|b| attr(b, "aria-label"))
        .collect();
    assert_eq!(
        locked,
        [
            "Delete NS record set example.com. (not possible: Route 53 keeps the apex NS set)",
            "Delete SOA record set example.com. (not possible: Route 53 keeps the apex SOA set)",
        ]
    );
}

#[tokio::test]
async fn form_errors_sit_at_their_fields_and_the_input_is_kept() {
    let draft = RecordDraft {
        name: "www".into(),
        rtype: "A".into(),
        ttl: "300".into(),
        values: "192.0.2.300".into(),
    };
    let errors = draft.validate(&n("example.com.")).unwrap_err();
    let props = RecordDialogProps {
        origin: n("example.com."),
        heading: "Add a record set to example.com.".into(),
        submit_label: "Create record set".into(),
        draft,
        errors,
        general_error: None,
        attempt: 1,
        on_change: Callback::noop(),
        on_submit: Callback::noop(),
        on_close: Callback::noop(),
    };
    let html = render::<RecordDialog>(props).await;
    assert_eq!(
        text(one(&html, ".form-alert[role=alert]")),
        "One field needs attention; your input is kept."
    );
    assert_eq!(
        text(one(&html, "#rec-values-error")),
        "\"192.0.2.300\" is not an IPv4 address; an A record needs four numbers from 0 to 255 separated by dots, such as 192.0.2.10"
    );
    let values = one(&html, "textarea#rec-values");
    assert_eq!(
        (
            attr(values, "aria-invalid"),
            attr(values, "aria-describedby")
        ),
        ("true", "rec-values-hint rec-values-error")
    );
    assert_eq!(attr(one(&html, "#rec-name"), "value"), "www");
    assert_eq!(attr(one(&html, "#rec-name"), "aria-invalid"), "false");
    assert_eq!(
        text(one(&html, "#rec-name-hint")),
        "Full name: www.example.com. (leave empty for the zone's apex)"
    );
    assert_eq!(all(&html, "[aria-invalid=true]").len(), 1);
    assert_eq!(all(&html, ".field-error[hidden]").len(), 3);
    for control in all(&html, "input, select, textarea") {
        let id = attr(control, "id");
        assert_eq!(
            all(&html, &format!("label[for={id}]")).len(),
            1,
            "{id} has a label"
        );
    }
}

#[tokio::test]
async fn a_damaged_save_is_reported_with_its_key_and_a_download() {
    let notice = Notice::Damaged {
        kept_key: Some("delegation-lab:damaged:1".into()),
        error: "the saved scenario is not readable: EOF".into(),
        raw: "{\"a\"".into(),
    };
    let html = render::<Banner>(BannerProps {
        notice,
        on_dismiss: Callback::noop(),
    })
    .await;
    let banner = one(&html, "[role=alert]");
    assert!(text(banner).contains(
        "kept in this browser's storage under delegation-lab:damaged:1 and nothing was overwritten"
    ));
    let link = one(&html, "a[download]");
    assert_eq!(
        attr(link, "href"),
        "data:application/json;charset=utf-8,%7B%22a%22"
    );
    assert_eq!(attr(link, "download"), "delegation-lab-damaged.json");
}

#[tokio::test]
async fn the_diagram_marks_the_selected_zone_and_names_every_arrow() {
    let doc = Rc::new(default_doc());
    let child = doc
        .world
        .zones
        .iter()
        .find(|z| z.origin == n("api.example.com."))
        .unwrap()
        .id
        .clone();
    let html = render::<Diagram>(DiagramProps {
        doc,
        selected: Some(child.clone().into()),
        show_infrastructure: false,
        highlighted: Default::default(),
        on_select: Callback::noop(),
    })
    .await;
    let selected = one(&html, "g.node.selected");
    assert_eq!(
        (attr(selected, "data-zone"), attr(selected, "aria-pressed")),
        (child.as_str(), "true")
    );
    let titles: Vec<String> = all(&html, "g.edge > title").into_iter().map(text).collect();
    assert_eq!(
        titles,
        [
            ". to aws.: delegation ok, NS ns1.dns.nic.aws.",
            ". to com.: delegation ok, NS a.gtld-servers.net.",
            "com. to example.com.: delegation ok, NS ns-112.awsdns-14.com., ns-583.awsdns-08.net., ns-1365.awsdns-42.org., ns-1918.awsdns-47.co.uk.",
            "aws. to acm-validations.aws.: delegation ok, NS ns-323.awsdns-40.com., ns-749.awsdns-29.net., ns-1130.awsdns-13.org., ns-1709.awsdns-21.co.uk.",
            "example.com. to api.example.com.: delegation ok, NS ns-140.awsdns-17.com., ns-708.awsdns-24.net., ns-1220.awsdns-24.org., ns-1938.awsdns-50.co.uk.",
        ]
    );
}

fn texts(html: &Html, css: &str) -> Vec<String> {
    all(html, css).into_iter().map(text).collect()
}

#[tokio::test]
async fn the_accounts_panel_lists_accounts_zones_and_their_name_servers() {
    let html = render::<App>(Default::default()).await;
    let panel = one(&html, "#accounts-panel");
    assert_eq!(attr(panel, "aria-labelledby"), "accounts-heading");
    // AWS's own account is hidden until asked for.
    assert_eq!(
        all(&html, "article.account-card")
            .into_iter()
            .map(|a| attr(a, "data-account"))
            .collect::<Vec<_>>(),
        ["111111111111", "222222222222"]
    );
    assert_eq!(
        texts(&html, "article.account-card h3"),
        [
            "Account A (root)111111111111",
            "Account B (api team)222222222222"
        ]
    );
    let doc = default_doc();
    for hz in doc
        .aws
        .hosted_zones
        .iter()
        .filter(|z| z.account != "999999999999")
    {
        let item = one(&html, &format!("li.hz[data-zone={}]", hz.id));
        assert_eq!(attr(item, "data-name"), hz.name.to_string());
        let ns: Vec<String> = item
            .select(&Selector::parse(".hz-ns li").unwrap())
            .map(text)
            .collect();
        assert_eq!(
            ns,
            hz.name_servers()
                .iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
        );
    }
    // The selected zone is marked, and every button says what it acts on.
    let selected = one(&html, "li.hz.selected");
    assert_eq!(attr(selected, "data-name"), "example.com.");
    assert_eq!(
        attr(one(&html, "li.hz.selected .hz-select"), "aria-pressed"),
        "true"
    );
    let labels: Vec<&str> = all(&html, "li.hz button[aria-label]")
        .into_iter()
        .map(|b| attr(b, "aria-label"))
        .collect();
    assert_eq!(
        labels,
        [
            "Recreate hosted zone example.com.",
            "Delete hosted zone example.com.",
            "Recreate hosted zone api.example.com.",
            "Delete hosted zone api.example.com.",
        ]
    );
    // The registry's NS for example.com are the apex zone's.
    let registry = one(&html, "li.registry-item[data-domain='example.com.']");
    let mut got: Vec<String> = registry
        .select(&Selector::parse(".hz-ns li").unwrap())
        .map(text)
        .collect();
    got.sort();
    let apex = doc
        .aws
        .hosted_zones
        .iter()
        .find(|z| z.name == n("example.com."))
        .unwrap();
    let mut want: Vec<String> = apex.name_servers().iter().map(|n| n.to_string()).collect();
    want.sort();
    assert_eq!(got, want);
    // The selected zone (example.com) is delegated by the registry already.
    assert_eq!(
        text(one(&html, "#delegation-status")),
        "The com. registry already delegates to these name servers."
    );
    assert!(all(&html, "#delegate-to-child").is_empty());
}

#[tokio::test]
async fn a_new_zone_offers_to_add_its_name_servers_to_the_parent() {
    use delegation_lab::ui::AppState;
    use delegation_lab::ui::manage;
    let mut doc = default_doc();
    let (edit, id) = manage::create_zone(&doc, "222222222222", "dev.example.com").unwrap();
    edit.apply(&mut doc).unwrap();
    let mut state = AppState::new(doc, None);
    state.selected = Some(id.clone());
    let html = render::<App>(delegation_lab::ui::views::app::AppProps {
        initial: Some(state),
    })
    .await;
    assert_eq!(text(one(&html, "#zone-heading")), "dev.example.com.");
    assert_eq!(
        text(one(&html, "#delegation-status p")),
        "The parent zone example.com. has no NS records for this zone, so resolvers never reach it."
    );
    assert_eq!(
        text(one(&html, "#delegate-to-child")).trim(),
        "Add these name servers to the parent"
    );
    assert_eq!(
        attr(one(&html, &format!("li.hz[data-zone={id}]")), "class"),
        "hz selected"
    );
}
