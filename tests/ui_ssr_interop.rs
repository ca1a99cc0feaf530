//! Issue 6's views rendered natively: the header's Import/Export/Share buttons, the shared
//! link banner (a scenario to open, a damaged link), embed mode's minimal chrome and its
//! start (preset, link, unknown preset), the share link and the zone-folder export.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use delegation_lab::scenario::interop::{open_link, share};
use delegation_lab::scenario::presets;
use delegation_lab::ui::App;
use delegation_lab::ui::embed_params::{EmbedPanel, EmbedParams, Theme, embed_params};
use delegation_lab::ui::link_open::Incoming;
use delegation_lab::ui::panels::interop::export::{ExportChoice, ExportKind};
use delegation_lab::ui::panels::interop::export_dialog::files_for;
use delegation_lab::ui::panels::interop::share_dialog::share_link;
use delegation_lab::ui::state::AppState;
use delegation_lab::ui::view_state::ViewState;
use delegation_lab::ui::views::embed::{Embed, EmbedProps, embed_start};
use delegation_lab::ui::views::shared_link_banner::{SharedLinkBanner, SharedLinkBannerProps};
use scraper::{Html, Selector};
use yew::{BaseComponent, Callback, LocalServerRenderer};

async fn render<C: BaseComponent>(props: C::Properties) -> Html {
    let text = LocalServerRenderer::<C>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    Html::parse_fragment(&text)
}

fn texts(html: &Html, css: &str) -> Vec<String> {
    html.select(&Selector::parse(css).unwrap())
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

#[tokio::test]
async fn the_header_offers_import_export_and_share() {
    let html = render::<App>(Default::default()).await;
    assert_eq!(
        texts(&html, ".interop-buttons button"),
        ["Import", "Export", "Share"]
    );
    assert!(texts(&html, "#shared-banner").is_empty());
}

#[tokio::test]
async fn a_shared_scenario_is_offered_not_opened() {
    let doc = presets::build("quiz").unwrap();
    let link = share(&doc, None).unwrap();
    let html = render::<SharedLinkBanner>(SharedLinkBannerProps {
        link: Rc::new(Incoming::Read(Box::new(open_link(&link)))),
        on_open: Callback::noop(),
        on_dismiss: Callback::noop(),
        on_retry: Callback::noop(),
    })
    .await;
    assert_eq!(texts(&html, "#shared-open"), ["Open it"]);
    assert_eq!(texts(&html, "#shared-ignore"), ["Ignore"]);
    assert!(texts(&html, ".banner-title")[0].starts_with("This link holds a scenario: "));
}

#[tokio::test]
async fn a_damaged_link_says_so() {
    let html = render::<SharedLinkBanner>(SharedLinkBannerProps {
        link: Rc::new(Incoming::Read(Box::new(open_link("#s1.AAAA")))),
        on_open: Callback::noop(),
        on_dismiss: Callback::noop(),
        on_retry: Callback::noop(),
    })
    .await;
    assert!(texts(&html, "#shared-open").is_empty());
    let message = &texts(&html, "#shared-error")[0];
    assert!(
        message.starts_with("This link is damaged or cut short ("),
        "{message}"
    );
}

#[tokio::test]
async fn a_link_being_unpacked_says_so_and_a_failed_fetch_offers_a_retry() {
    let banner = |link| SharedLinkBannerProps {
        link: Rc::new(link),
        on_open: Callback::noop(),
        on_dismiss: Callback::noop(),
        on_retry: Callback::noop(),
    };
    let html = render::<SharedLinkBanner>(banner(Incoming::Opening)).await;
    assert_eq!(
        texts(&html, ".banner-title"),
        ["Opening the shared link\u{2026}"]
    );
    assert!(texts(&html, "#shared-open").is_empty());
    let html = render::<SharedLinkBanner>(banner(Incoming::LoadFailed)).await;
    assert_eq!(texts(&html, "#shared-retry"), ["Try again"]);
    assert_eq!(texts(&html, "#shared-ignore"), ["Dismiss"]);
    assert!(texts(&html, "#shared-error")[0].contains("did not load"));
}

#[tokio::test]
async fn an_embed_with_a_link_says_it_is_opening_it_first() {
    let link = share(&presets::build("quiz").unwrap(), None).unwrap();
    let html = render::<Embed>(EmbedProps {
        params: embed_params("?embed=1&panel=trace&theme=dark").unwrap(),
        fragment: Some(link.into()),
    })
    .await;
    assert_eq!(texts(&html, ".app.embed.theme-dark").len(), 1);
    assert_eq!(
        texts(&html, ".embed-opening"),
        ["Opening the shared scenario\u{2026}"]
    );
    assert!(texts(&html, ".embed-open").is_empty());
}

#[tokio::test]
async fn an_embed_shows_one_panel_and_no_header() {
    let params = embed_params("?embed=1&preset=quiz&panel=records&readonly=1&theme=dark").unwrap();
    assert_eq!(params.panel, EmbedPanel::Records);
    let html = render::<Embed>(EmbedProps {
        params,
        fragment: None,
    })
    .await;
    assert_eq!(texts(&html, ".app.embed.readonly.theme-dark").len(), 1);
    assert!(texts(&html, ".topbar").is_empty());
    assert_eq!(texts(&html, ".embed-open"), ["Open in Delegation Lab"]);
    assert_eq!(texts(&html, ".panel-zone").len(), 1);
    assert!(texts(&html, ".panel-resolve").is_empty());
}

#[test]
fn an_embed_starts_from_the_link_then_the_preset() {
    let quiz = presets::build("quiz").unwrap();
    let view = ViewState {
        query: Some("dig +trace www.example.com A".into()),
        ..ViewState::default()
    };
    let link = share(&quiz, Some(&view.link_focus())).unwrap();
    let params = EmbedParams {
        preset: Some("article".into()),
        ..EmbedParams::default()
    };
    let (doc, got_view, message) = embed_start(&params, Some(open_link(&link)));
    assert_eq!((doc, got_view, message), (quiz, Some(view), None));
    let (doc, _, message) = embed_start(&params, None);
    assert_eq!(doc, presets::build("article").unwrap());
    assert_eq!(message, None);
    let nope = EmbedParams {
        preset: Some("nope".into()),
        theme: Some(Theme::Light),
        ..EmbedParams::default()
    };
    assert_eq!(
        embed_start(&nope, None).2.as_deref(),
        Some("There is no preset named \u{201c}nope\u{201d}.")
    );
}

#[test]
fn the_share_link_carries_the_selected_zone() {
    let state = AppState::new(presets::build("article").unwrap(), None);
    let link = share_link(&state, "https://lab.example/").unwrap();
    assert!(link.starts_with("https://lab.example/#s1."));
    let opened = open_link(&link).unwrap();
    assert_eq!(opened.focus.unwrap().zone, state.selected);
    // With a resolution shown, the link carries its question and step.
    use delegation_lab::ui::state::ViewState;
    use yew::Reducible;
    let state = std::rc::Rc::new(state).reduce(delegation_lab::ui::Action::SetView(ViewState {
        query: Some("dig +trace www.api.example.com A".into()),
        step: Some(3),
        ..ViewState::default()
    }));
    let link = share_link(&state, "https://lab.example/").unwrap();
    let focus = open_link(&link).unwrap().focus.unwrap();
    assert_eq!(
        (focus.dig.as_deref(), focus.step),
        (Some("dig +trace www.api.example.com A"), Some(3))
    );
    assert_eq!(*state.doc, opened.scenario);
}

#[test]
fn the_zone_folder_export_has_a_topology_and_zone_files() {
    let doc = presets::build("article").unwrap();
    let files = files_for(&doc, ExportChoice::Folder);
    assert!(files.len() > 2);
    assert!(files.iter().any(|f| f.mime == "application/json"));
    assert!(
        files_for(&doc, ExportChoice::Engine(ExportKind::Terraform))[0]
            .text
            .contains("resource \"aws_route53_zone\"")
    );
    assert!(files_for(&doc, ExportChoice::Svg).is_empty());
}
