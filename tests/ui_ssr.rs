//! The web app's views rendered to HTML natively (yew's server renderer) and read back with
//! CSS selectors: what they show for the fixture world, that record text is escaped, that
//! form errors sit at their fields.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use delegation_lab::dns::rrset::parse_values;
use delegation_lab::dns::{RecordSet, Zone, n};
use delegation_lab::ui::App;
use delegation_lab::ui::doc::default_doc;
use delegation_lab::ui::panels::diagram::svg::{Diagram, DiagramProps};
use delegation_lab::ui::panels::zone::record_dialog::{RecordDialog, RecordDialogProps};
use delegation_lab::ui::panels::zone::record_form::RecordDraft;
use delegation_lab::ui::panels::zone::record_table::{RecordTable, RecordTableProps};
use delegation_lab::ui::platform::storage::Notice;
use delegation_lab::ui::views::banner::{Banner, BannerProps};
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

async fn render_banner(notice: Notice) -> Html {
    render::<Banner>(BannerProps {
        notice,
        on_dismiss: Callback::noop(),
        on_load_other: Callback::noop(),
        on_keep: Callback::noop(),
    })
    .await
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
            "Account B (api team)",
            "AWS (ACM validation domain)",
        ]
    );
}

#[tokio::test]
async fn record_text_is_shown_as_text_never_as_markup() {
    let mut doc = default_doc();
    let zone = example_com(&mut doc);
    let attack = "<img src=x onerror=alert(1)>";
    // Built directly: `parse_value` still refuses parentheses inside a quoted TXT value.
    let values = vec![RData::TXT(TXT::new(vec![attack.to_string()]))];
    zone.upsert(RecordSet::new(
        n("xss.example.com."),
        RecordType::TXT,
        60,
        values,
    ));
    let html = render_table(doc).await;
    assert_eq!(
        text(one(&html, "tr[data-type=TXT] code.value")),
        format!("\"{attack}\"")
    );
    assert!(all(&html, "img").is_empty());
}

/// The hosted zone example.com. of a document.
fn example_com(doc: &mut delegation_lab::ui::Doc) -> &mut Zone {
    doc.world
        .zones
        .iter_mut()
        .find(|z| z.origin == n("example.com."))
        .map(std::sync::Arc::make_mut)
        .unwrap()
}

/// The record table of example.com. in `doc`.
async fn render_table(mut doc: delegation_lab::ui::Doc) -> Html {
    let zone_id = example_com(&mut doc).id.clone();
    render::<RecordTable>(RecordTableProps {
        doc: Rc::new(doc),
        zone_id: zone_id.into(),
        on_edit: Callback::noop(),
        on_delete: Callback::noop(),
    })
    .await
}

#[tokio::test]
async fn occluded_records_and_delegations_are_marked() {
    let mut doc = default_doc();
    example_com(&mut doc).upsert(RecordSet::new(
        n("www.api.example.com."),
        RecordType::A,
        300,
        parse_values(RecordType::A, &["192.0.2.1"]).unwrap(),
    ));
    let html = render_table(doc).await;
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
async fn a_zone_of_25000_record_sets_renders_only_the_rows_in_view() {
    let mut doc = default_doc();
    let zone = example_com(&mut doc);
    for i in 0..25_000u32 {
        zone.upsert(RecordSet::new(
            n(&format!("host-{i:05}.example.com.")),
            RecordType::A,
            300,
            parse_values(
                RecordType::A,
                &[&format!("10.{}.{}.{}", i >> 16, (i >> 8) & 255, i & 255)],
            )
            .unwrap(),
        ));
    }
    let total = zone.len();
    assert_eq!(total, 25_004);
    let html = render_table(doc).await;
    let rows = all(&html, "tbody tr.rec");
    // The first screen (20 rows before the box is measured) and 8 rows of overscan.
    assert_eq!(rows.len(), 28);
    assert_eq!(
        attr(one(&html, "table.records"), "aria-rowcount"),
        (total + 1).to_string()
    );
    let indices: Vec<&str> = rows.iter().map(|r| attr(*r, "aria-rowindex")).collect();
    assert_eq!(indices.first(), Some(&"2"));
    assert_eq!(indices.last(), Some(&"29"));
    // The rest of the table is one spacer row of the height of the rows not rendered.
    assert!(all(&html, "tr.spacer.above").is_empty());
    let below = one(&html, "tr.spacer.below");
    assert_eq!(attr(below, "aria-hidden"), "true");
    assert_eq!(
        attr(one(&html, "tr.spacer.below td"), "height"),
        ((total - 28) * 45).to_string()
    );
    assert_eq!(
        text(one(&html, "#record-filter-status")),
        "25,004 record sets"
    );
    let types: Vec<String> = all(&html, "#record-filter-type option")
        .into_iter()
        .map(text)
        .collect();
    assert_eq!(types, ["All types", "A", "NS", "SOA"]);
}

#[tokio::test]
async fn the_record_filter_says_how_many_match_of_how_many() {
    use delegation_lab::ui::panels::zone::record_filter::{RecordFilter, RecordFilterProps};
    use delegation_lab::ui::panels::zone::record_query::RecordQuery;
    let html = render::<RecordFilter>(RecordFilterProps {
        query: RecordQuery {
            name: "host-1".into(),
            rtype: Some(RecordType::A),
        },
        types: vec![RecordType::A, RecordType::NS],
        shown: 10_000,
        total: 25_004,
        on_change: Callback::noop(),
    })
    .await;
    assert_eq!(
        text(one(&html, "#record-filter-status")),
        "10,000 of 25,004 record sets match"
    );
    assert_eq!(attr(one(&html, "#record-filter-name"), "value"), "host-1");
    assert_eq!(
        text(one(&html, "#record-filter-type option[selected]")),
        "A"
    );
    assert_eq!(
        attr(one(&html, "[role=search]"), "aria-label"),
        "Filter the record sets"
    );
}

#[tokio::test]
async fn many_sibling_zones_are_one_folded_box_and_the_selected_one_stays_out() {
    use delegation_lab::scenario::edit::Edit;
    let mut doc = default_doc();
    for i in 0..30 {
        let name = format!("team{i:02}.example.com.");
        Edit::CreateHostedZone {
            account: "222222222222".into(),
            name: name.clone(),
            caller_reference: name,
        }
        .apply(&mut doc)
        .unwrap();
    }
    let selected = doc
        .aws
        .hosted_zones
        .iter()
        .find(|z| z.name == n("team07.example.com."))
        .unwrap()
        .id
        .clone();
    let html = render::<Diagram>(DiagramProps {
        doc: Rc::new(doc),
        selected: Some(selected.clone().into()),
        show_infrastructure: false,
        highlighted: Default::default(),
        flagged: Default::default(),
        on_select: Callback::noop(),
        compact: false,
    })
    .await;
    let fold = one(&html, "g.node.fold");
    assert_eq!(
        (attr(fold, "role"), attr(fold, "aria-expanded")),
        ("button", "false")
    );
    assert_eq!(text(one(&html, "g.node.fold .node-title")), "+30 zones");
    assert!(
        text(one(&html, "g.node.fold > title")).starts_with(
            "30 more zones under example.com. in account 222222222222, folded (api.example.com., team00.example.com.,"
        ),
        "{}",
        text(one(&html, "g.node.fold > title"))
    );
    // The selected zone is drawn on its own, outside the fold.
    assert_eq!(
        attr(one(&html, "g.node.selected"), "data-zone"),
        selected.as_str()
    );
    let arrow = all(&html, "g.edge > title")
        .into_iter()
        .map(text)
        .find(|t| t.contains("delegations"))
        .unwrap();
    assert_eq!(
        arrow,
        "example.com. to 30 folded zones: worst not delegated; 30 delegations, 1 ok, 29 not delegated"
    );
    // The zoom controls, fitted to start with.
    assert_eq!(text(one(&html, "#zoom-level")), "Fit");
    assert_eq!(attr(one(&html, "#zoom-fit"), "aria-pressed"), "true");
    assert_eq!(attr(one(&html, ".diagram-scroll"), "tabindex"), "0");
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
        account: Default::default(),
        submit_label: "Create record set".into(),
        draft,
        errors,
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
    let html = render_banner(notice).await;
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
        flagged: Default::default(),
        on_select: Callback::noop(),
        compact: false,
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

fn zone_id(doc: &delegation_lab::ui::doc::Doc, origin: &str) -> String {
    doc.world
        .zones
        .iter()
        .find(|z| z.origin == n(origin))
        .unwrap()
        .id
        .clone()
}

// ---- Certificates panel (ACM) ----

async fn render_app(doc: delegation_lab::scenario::Scenario) -> Html {
    use delegation_lab::ui::AppState;
    use delegation_lab::ui::views::app::AppProps;
    render::<App>(AppProps {
        initial: Some(AppState::new(doc, None)),
    })
    .await
}

fn preset_after(
    id: &str,
    edits: &[delegation_lab::scenario::edit::Edit],
) -> delegation_lab::scenario::Scenario {
    let mut s = delegation_lab::scenario::presets::build(id).unwrap();
    for e in edits {
        e.apply(&mut s).unwrap();
    }
    s
}

fn texts(html: &Html, css: &str) -> Vec<String> {
    all(html, css)
        .into_iter()
        .map(|e| text(e).trim().to_string())
        .collect()
}

#[tokio::test]
async fn the_certificates_panel_starts_empty_with_its_request_form() {
    let html = render::<App>(Default::default()).await;
    assert_eq!(text(one(&html, "#acm-heading")), "Certificates (ACM)");
    assert_eq!(
        texts(&html, "#certificates-panel .acm-accounts > .acm-none"),
        ["No certificates yet. Request one below, or load an ACM preset."]
    );
    let accounts: Vec<&str> = all(&html, "#acm-account option")
        .into_iter()
        .map(|o| attr(o, "value"))
        .collect();
    assert_eq!(accounts, ["111111111111", "222222222222"]);
    assert_eq!(
        attr(one(&html, "#acm-account option[selected]"), "value"),
        "222222222222"
    );
    assert_eq!(
        attr(one(&html, "#acm-domain"), "aria-describedby"),
        "acm-domain-hint"
    );
    assert_eq!(
        texts(&html, ".acm-advance button .acm-advance-label"),
        ["+5 min", "+1 h", "+24 h", "+72 h"]
    );
    assert_eq!(
        attr(one(&html, "#acm-compare-toggle"), "aria-expanded"),
        "false"
    );
}

#[tokio::test]
async fn a_pending_certificate_shows_its_record_in_place_and_can_be_validated() {
    let html = render_app(preset_after("acm-issued", &[])).await;
    let card = one(&html, ".cert-card");
    assert_eq!(
        attr(
            one(&html, ".cert-card .cert-head .status-badge"),
            "data-status"
        ),
        "PENDING_VALIDATION"
    );
    assert!(attr(card, "data-arn").starts_with("arn:aws:acm:us-east-1:222222222222:certificate/"));
    assert_eq!(texts(&html, ".cert-title h4"), ["*.api.example.com"]);
    let name = texts(&html, ".acm-record-name").remove(0);
    assert!(
        name.starts_with('_') && name.ends_with(".api.example.com."),
        "{name}"
    );
    let value = texts(&html, ".acm-record-value").remove(0);
    assert!(value.ends_with(".acm-validations.aws."), "{value}");
    assert_eq!(
        attr(all(&html, ".btn-copy")[0], "aria-label"),
        format!("Copy the record name {name}")
    );
    assert_eq!(
        texts(&html, ".acm-plan p:first-child"),
        ["In place: zone api.example.com holds this record."]
    );
    let buttons = all(&html, ".cert-card > .cert-actions button");
    assert_eq!(
        buttons.iter().map(|b| text(*b)).collect::<Vec<_>>(),
        ["Create records in Route 53", "Validate now"]
    );
    assert!(buttons[0].value().attr("disabled").is_some());
    assert!(buttons[1].value().attr("disabled").is_none());
    let lookup = one(&html, ".acm-lookup-toggle");
    assert_eq!(text(lookup), "Step through ACM's lookup");
    assert!(lookup.value().attr("disabled").is_some());
    assert_eq!(
        texts(&html, ".acm-record .hint"),
        ["ACM has not looked for this record yet."]
    );
    assert!(
        text(one(&html, ".cert-next")).starts_with("A check is due (scheduled for 2026-"),
        "{}",
        text(one(&html, ".cert-next"))
    );
    assert_eq!(
        texts(&html, ".acm-timeline .tl-why"),
        ["requested with DNS validation: ACM waits for a CNAME per name"]
    );
}

#[tokio::test]
async fn a_record_in_the_parent_times_out_after_72_hours_with_nxdomain_checks() {
    use delegation_lab::scenario::edit::Edit;
    let html = render_app(preset_after(
        "acm-in-parent",
        &[Edit::AdvanceClock { seconds: 72 * 3600 }],
    ))
    .await;
    assert_eq!(
        texts(&html, ".cert-card .cert-head .status-badge"),
        ["VALIDATION_TIMED_OUT"]
    );
    assert_eq!(
        texts(&html, ".acm-timeline .tl-since"),
        ["+0h00m", "+0h00m", "+72h00m"]
    );
    assert_eq!(texts(&html, ".acm-timeline .result-badge"), ["NOT_FOUND"]);
    let repeat = texts(&html, ".tl-repeat").remove(0);
    assert!(repeat.starts_with("and 153 more checks until "), "{repeat}");
    let why = texts(&html, ".tl-check .tl-why").remove(0);
    assert!(why.contains("answered NXDOMAIN"), "{why}");
    assert!(
        why.contains("a copy of the record is in zone example.com."),
        "{why}"
    );
    // Timed out: nothing left to create or validate.
    let buttons = all(&html, ".cert-card > .cert-actions button");
    assert_eq!(buttons.len(), 2);
    assert!(buttons[1].value().attr("disabled").is_some());
    assert!(
        one(&html, ".acm-lookup-toggle")
            .value()
            .attr("disabled")
            .is_none()
    );
    assert!(all(&html, ".cert-next").is_empty());
    assert_eq!(
        texts(&html, ".acm-plan p:first-child"),
        ["The console can create it in zone api.example.com (same account)."]
    );
}

#[tokio::test]
async fn the_console_cannot_write_across_accounts_and_links_to_the_zone() {
    use delegation_lab::scenario::edit::Edit;
    let html = render_app(preset_after(
        "article",
        &[Edit::RequestCertificate {
            account: "222222222222".into(),
            domain: "example.com".into(),
            sans: vec![],
        }],
    ))
    .await;
    let blocked = text(one(&html, ".acm-plan.plan-blocked p:first-child"));
    assert!(
        blocked.starts_with("The console cannot create this record: no hosted zone in account 222222222222 matches _"),
        "{blocked}"
    );
    let link = one(&html, ".plan-blocked .acm-zone-link");
    assert_eq!(text(link), "Go to zone example.com (account 111111111111)");
    assert_eq!(attr(link, "href"), "#zone-panel");
    assert!(
        all(&html, ".cert-card > .cert-actions button")[0]
            .value()
            .attr("disabled")
            .is_some()
    );
}

#[tokio::test]
async fn between_checks_the_card_offers_the_next_one() {
    use delegation_lab::scenario::edit::Edit;
    let html = render_app(preset_after(
        "acm-in-parent",
        &[Edit::AdvanceClock { seconds: 60 }],
    ))
    .await;
    let buttons = all(&html, ".cert-card > .cert-actions button");
    assert_eq!(
        buttons.iter().map(|b| text(*b)).collect::<Vec<_>>(),
        [
            "Create records in Route 53",
            "Validate now",
            "Advance to the next check (+4m 0s)"
        ]
    );
    assert!(buttons[1].value().attr("disabled").is_some());
    assert!(
        text(one(&html, ".cert-next"))
            .ends_with("(+0h05m after the request): no check is due before then."),
        "{}",
        text(one(&html, ".cert-next"))
    );
}

#[tokio::test]
async fn the_diagnostics_panel_lists_the_mismatched_ns_with_its_fix() {
    let doc = delegation_lab::scenario::presets::build("wrong-ns").unwrap();
    let parent = zone_id(&doc, "example.com.");
    let html = render_app(doc).await;
    assert_eq!(text(one(&html, "#diag-summary")), "1 error, 1 note");
    let codes: Vec<&str> = all(&html, "li.diag-finding")
        .into_iter()
        .map(|f| attr(f, "data-code"))
        .collect();
    assert_eq!(codes, ["DELEGATION_NS_MISMATCH", "ZONE_NOT_DELEGATED"]);
    let finding = one(&html, "li.diag-finding.error");
    let title = finding
        .select(&Selector::parse(".diag-title").unwrap())
        .next()
        .unwrap();
    assert_eq!(
        text(title),
        "api.example.com: the parent's NS records differ from the zone's name servers"
    );
    let links: Vec<String> = finding
        .select(&Selector::parse(".diag-involved button").unwrap())
        .map(|b| attr(b, "aria-label").to_string())
        .collect();
    assert_eq!(
        links,
        [
            "Select zone example.com. (account 111111111111) · api.example.com. NS",
            "Select zone api.example.com. (account 222222222222)",
        ]
    );
    let fix = one(&html, "li.diag-finding.error button.diag-fix");
    assert_eq!(
        text(fix).trim(),
        "Set the NS records for api.example.com to the zone's name servers"
    );
    assert!(
        attr(fix, "title").ends_with(&format!("in example.com. ({parent}, account 111111111111)"))
    );
    assert_eq!(
        attr(
            one(&html, "li.diag-finding.error button.diag-show"),
            "aria-label"
        ),
        "Show the resolution: +trace api.example.com SOA"
    );
    // The evidence is collapsed dig text.
    let evidence = all(&html, "li.diag-finding.error details.diag-evidence");
    assert_eq!(evidence.len(), 4);
    assert!(evidence.iter().all(|d| d.value().attr("open").is_none()));
}

#[tokio::test]
async fn the_articles_setup_has_no_problems() {
    let html = render_app(default_doc()).await;
    assert_eq!(
        text(one(&html, "#diag-summary")),
        "No problems found (1 note)"
    );
    assert_eq!(all(&html, "li.diag-finding.error").len(), 0);
    // No challenge runs: no card, and the picker lists all seven.
    assert_eq!(all(&html, "#challenge").len(), 0);
    assert_eq!(all(&html, "#challenge-select option").len(), 7);
}

#[tokio::test]
async fn a_running_challenge_shows_its_card_and_hides_the_diagnostics() {
    use delegation_lab::diagnose::challenges::get;
    use delegation_lab::ui::panels::challenges::{ChallengeCard, ChallengeState};
    use delegation_lab::ui::views::diagnostics_panel::DiagnosticsPanel;
    use yew::prelude::*;

    #[function_component]
    fn Running() -> yew::Html {
        let c = get("wrong-ns").unwrap();
        let app = use_reducer(|| delegation_lab::ui::state::AppState {
            challenge: ChallengeState::started(c.id),
            ..delegation_lab::ui::state::AppState::new(c.start(), None)
        });
        html! {
            <ContextProvider<delegation_lab::ui::state::AppHandle> context={app}>
                <ChallengeCard />
                <DiagnosticsPanel />
            </ContextProvider<delegation_lab::ui::state::AppHandle>>
        }
    }
    let html = render::<Running>(()).await;
    assert_eq!(
        text(one(&html, "#challenge-heading")),
        "NS records copied from the wrong hosted zone"
    );
    assert_eq!(
        text(one(&html, ".challenge-symptom p")),
        "Symptom: dig A www.api.example.com. should give an A record, but does not."
    );
    assert_eq!(all(&html, "#restart-challenge").len(), 0);
    assert_eq!(text(one(&html, "#hint")), "Show a hint");
    assert_eq!(all(&html, ".challenge-hints li").len(), 0);
    assert_eq!(
        text(one(&html, "#show-diagnostics")).trim(),
        "Show diagnostics"
    );
    assert_eq!(all(&html, "li.diag-finding").len(), 0);
}

#[test]
fn a_fix_is_one_undo_step_and_undo_brings_the_finding_back() {
    use delegation_lab::diagnose::{Code, diagnose};
    use delegation_lab::ui::state::{Action, AppState};
    use delegation_lab::ui::views::diagnostics_panel::{flagged_zones, summary};
    use yew::Reducible;

    let doc = delegation_lab::scenario::presets::build("wrong-ns").unwrap();
    let (parent, child) = (
        zone_id(&doc, "example.com."),
        zone_id(&doc, "api.example.com."),
    );
    let s0 = Rc::new(AppState::new(doc, None));
    let findings = diagnose(&s0.doc);
    assert_eq!(findings[0].code, Code::DelegationNsMismatch);
    let mut flagged = vec![parent.clone(), child.clone()];
    flagged.sort();
    assert_eq!(flagged_zones(&findings), flagged);
    let s1 = s0.clone().reduce(Action::Edit(findings[0].fixes[0].edit()));
    assert_eq!(s1.error, None);
    assert_eq!(
        s1.history.undo_label(),
        Some("fix: Set the NS records for api.example.com to the zone's name servers")
    );
    let after = diagnose(&s1.doc);
    assert_eq!(summary(&after), "No problems found (2 notes)");
    assert!(after.iter().all(|f| f.code != Code::DelegationNsMismatch));
    let s2 = s1.reduce(Action::Undo);
    assert_eq!(*s2.doc, *s0.doc);
    assert_eq!(diagnose(&s2.doc)[0].code, Code::DelegationNsMismatch);
}

#[test]
fn a_challenge_is_checked_by_the_engine_whatever_the_fix() {
    use delegation_lab::diagnose::challenges::get;
    use delegation_lab::diagnose::diagnose;
    use delegation_lab::ui::panels::challenges::{Verdict, symptom_query, verdict};

    let c = get("wrong-ns").unwrap();
    assert_eq!(symptom_query(c), "dig +trace www.api.example.com. A");
    let mut doc = c.start();
    match verdict(c, &doc) {
        Verdict::NotYet(why) => assert!(
            why.starts_with("A www.api.example.com. still gives SERVFAIL: "),
            "{why}"
        ),
        Verdict::Solved => panic!("solved before any fix"),
    }
    let fix = diagnose(&doc)[0].fixes[0].clone();
    fix.apply(&mut doc).unwrap();
    assert_eq!(verdict(c, &doc), Verdict::Solved);
}

#[tokio::test]
async fn the_diagram_marks_flagged_delegations_in_words_and_with_a_badge() {
    let doc = Rc::new(delegation_lab::scenario::presets::build("wrong-ns").unwrap());
    let (parent, child) = (
        zone_id(&doc, "example.com."),
        zone_id(&doc, "api.example.com."),
    );
    let html = render::<Diagram>(DiagramProps {
        doc,
        selected: None,
        show_infrastructure: false,
        highlighted: Default::default(),
        flagged: Rc::new(vec![parent.clone(), child.clone()]),
        on_select: Callback::noop(),
        compact: false,
    })
    .await;
    let flagged: Vec<String> = all(&html, "g.edge.flagged > title")
        .into_iter()
        .map(text)
        .collect();
    assert_eq!(flagged.len(), 1);
    assert!(flagged[0].starts_with("example.com. to api.example.com.: "));
    assert!(flagged[0].ends_with("; flagged by diagnostics"));
    let badges: Vec<&str> = all(&html, "g.node")
        .into_iter()
        .filter(|g| {
            g.select(&Selector::parse("g.flag-badge").unwrap())
                .next()
                .is_some()
        })
        .map(|g| attr(g, "data-zone"))
        .collect();
    assert_eq!(badges, [parent.as_str(), child.as_str()]);
    assert_eq!(
        text(one(&html, ".legend-item.flagged")),
        "!flagged by diagnostics"
    );
    assert!(
        text(one(&html, &format!("g.node[data-zone={child}] > title")))
            .ends_with(", flagged by diagnostics")
    );
}

fn raw_texts(html: &Html, css: &str) -> Vec<String> {
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
        raw_texts(&html, "article.account-card h3"),
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
    use delegation_lab::ui::panels::accounts::model as manage;
    use yew::Reducible;
    let doc = default_doc();
    let edit = manage::create_zone(&doc, "222222222222", "dev.example.com").unwrap();
    // The reducer selects the zone the edit created.
    let state =
        Rc::new(AppState::new(doc, None)).reduce(delegation_lab::ui::state::Action::Edit(edit));
    let id = state.selected.clone().unwrap();
    assert!(state.doc.aws.hosted_zone(&id).is_some());
    let state = (*state).clone();
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

#[tokio::test]
async fn every_jump_bar_button_names_a_panel_of_the_page() {
    use delegation_lab::ui::views::jump_nav::PANELS;
    let html = render_app(delegation_lab::ui::doc::default_doc()).await;
    let targets: Vec<&str> = all(&html, ".jumpbar button")
        .into_iter()
        .map(|b| attr(b, "data-target"))
        .collect();
    assert_eq!(targets, PANELS.map(|(id, _)| id));
    for id in targets {
        let panel = one(&html, &format!("section#{id}"));
        assert_eq!(attr(panel, "tabindex"), "-1", "{id} takes the focus");
    }
}

#[tokio::test]
async fn the_sequence_view_draws_the_steps_so_far_with_no_inline_style() {
    use delegation_lab::ui::resolve::{Resolver, run};
    use delegation_lab::ui::views::sequence::{SequenceProps, SequenceView};
    let doc = default_doc();
    let (r, _) = run(&doc, "www.api.example.com", "A", &Resolver::Trace).unwrap();
    let props = SequenceProps {
        resolution: Rc::new(r),
        current: 3,
        on_select: Callback::noop(),
    };
    let out = LocalServerRenderer::<SequenceView>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    assert!(!out.contains("style="), "CSP: no inline style");
    let html = Html::parse_fragment(&out);
    let names: Vec<String> = all(&html, ".seq-lifeline .seq-name")
        .into_iter()
        .map(text)
        .collect();
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
    let steps: Vec<&str> = all(&html, "g.seq-msg")
        .into_iter()
        .map(|g| attr(g, "data-step"))
        .collect();
    assert_eq!(steps, ["0", "1", "2", "3"]);
    let current = one(&html, "g.seq-msg.current");
    assert_eq!(attr(current, "data-step"), "3");
    assert_eq!(attr(current, "aria-current"), "step");
    assert_eq!(
        text(one(&html, "g.seq-msg.current title")),
        "Step 4: A ns-140.awsdns-17.com to a.gtld-servers.net; reply referral to awsdns-17.com (nested lookup of A ns-140.awsdns-17.com)"
    );
    assert_eq!(all(&html, ".seq-band.seq-depth-1").len(), 1);
}

#[tokio::test]
async fn another_tabs_save_is_named_and_both_ways_out_are_offered() {
    let other = delegation_lab::scenario::presets::build("quiz").unwrap();
    let notice = Notice::ChangedElsewhere {
        raw: delegation_lab::ui::platform::storage::encode(&other),
    };
    let html = render_banner(notice).await;
    let banner = text(one(&html, "[role=alert]"));
    assert!(banner.contains("Another tab changed the saved scenario"));
    assert!(banner.contains(&format!(
        "It saved \u{201c}{}\u{201d} ({} hosted zones)",
        other.title,
        other.aws.hosted_zones.len()
    )));
    one(&html, "#other-tab-load");
    one(&html, "#other-tab-keep");
    // Unreadable text: only keeping this tab's version is offered.
    let html = render_banner(Notice::ChangedElsewhere { raw: "{".into() }).await;
    assert!(all(&html, "#other-tab-load").is_empty());
    one(&html, "#other-tab-keep");
}

#[tokio::test]
async fn a_caa_check_is_listed_with_its_result_and_its_search_closed() {
    use delegation_lab::scenario::edit::Edit;
    let html = render_app(preset_after("acm-caa", &[])).await;
    assert!(all(&html, ".cert-caa").is_empty());
    let mut s = preset_after("acm-caa", &[]);
    let arn = s.aws.certificates[0].arn.clone();
    Edit::ValidateCertificate { arn }.apply(&mut s).unwrap();
    let html = render_app(s).await;
    assert_eq!(
        texts(&html, ".acm-caa-for"),
        ["*.api.example.com CAA_FORBIDS"]
    );
    let toggle = one(&html, ".acm-caa-toggle");
    assert_eq!(
        text(toggle),
        "Step through the CAA search for *.api.example.com"
    );
    assert_eq!(attr(toggle, "aria-expanded"), "false");
    assert!(all(&html, ".acm-caa").is_empty());
}

#[tokio::test]
async fn the_zone_header_and_the_record_dialog_show_the_account_as_a_badge() {
    use delegation_lab::ui::views::account_badge::zone_account_badge;
    // The zone header: the selected example.com is account A's.
    let html = render::<App>(Default::default()).await;
    let badge = one(&html, ".panel-title .meta .account-badge");
    assert_eq!(text(badge).trim(), "In Account A");
    assert!(attr(badge, "class").contains("account-"));
    assert!(attr(badge, "title").contains("111111111111"));
    // A dialog acting on api.example.com: account B's badge in its title.
    let doc = default_doc();
    let child = doc
        .aws
        .hosted_zones
        .iter()
        .find(|z| z.name == n("api.example.com."))
        .unwrap()
        .id
        .clone();
    let props = RecordDialogProps {
        origin: n("api.example.com."),
        heading: "Add a record set to api.example.com.".into(),
        account: zone_account_badge(&doc, &child),
        submit_label: "Create record set".into(),
        draft: RecordDraft::default(),
        errors: Default::default(),
        attempt: 0,
        on_change: Callback::noop(),
        on_submit: Callback::noop(),
        on_close: Callback::noop(),
    };
    let html = render::<RecordDialog>(props).await;
    let badge = one(&html, ".dialog-title .account-badge");
    assert_eq!(text(badge).trim(), "In Account B");
    assert!(attr(badge, "title").contains("222222222222"));
}
