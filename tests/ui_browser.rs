//! The web app in a real browser (wasm-bindgen-test in headless Chromium): selecting zones
//! by mouse and keyboard, the record dialog's errors and kept input, undo/redo, and
//! localStorage (saving a moment after a change, or when the page goes away; a damaged save
//! kept aside).
#![cfg(target_arch = "wasm32")]

use delegation_lab::ui::platform::storage::{
    self, BrowserStore, DAMAGED_PREFIX, DOC_KEY, Notice, Store,
};
use delegation_lab::ui::state::Edit;
use delegation_lab::ui::views::app::{AppProps, default_doc};
use delegation_lab::ui::{App, AppState};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlTextAreaElement, KeyboardEvent,
    KeyboardEventInit,
};
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

/// example.com. and api.example.com. in the article preset (ids come from its seed).
const PARENT: &str = "ZPJXOFB6SRQKCW5PP467B";
const CHILD: &str = "ZFDEH0ZRZWVVR4PAT0KIW";

struct Mounted {
    host: Element,
    app: Option<AppHandle<App>>,
}

impl Mounted {
    async fn new() -> Self {
        clear_storage();
        let document = gloo::utils::document();
        let host = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&host).unwrap();
        let props = AppProps {
            initial: Some(AppState::new(default_doc(), None)),
        };
        let app = yew::Renderer::<App>::with_root_and_props(host.clone(), props).render();
        settle().await;
        Self {
            host,
            app: Some(app),
        }
    }

    fn find(&self, css: &str) -> Option<Element> {
        self.host.query_selector(css).unwrap()
    }

    fn get(&self, css: &str) -> Element {
        self.find(css)
            .unwrap_or_else(|| panic!("nothing matches {css}"))
    }

    fn text(&self, css: &str) -> String {
        self.get(css).text_content().unwrap_or_default()
    }

    async fn click(&self, css: &str) {
        self.get(css).unchecked_into::<HtmlElement>().click();
        settle().await;
    }

    async fn type_into(&self, css: &str, value: &str) {
        let el = self.get(css);
        if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
            input.set_value(value);
        } else {
            el.unchecked_ref::<HtmlTextAreaElement>().set_value(value);
        }
        el.dispatch_event(&bubbling("input")).unwrap();
        settle().await;
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.host.remove();
        clear_storage();
    }
}

fn bubbling(kind: &str) -> Event {
    let init = EventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    Event::new_with_event_init_dict(kind, &init).unwrap()
}

/// Waits until Yew has rendered everything pending and run its effects.
async fn settle() {
    yew::scheduler::flush().await;
}

fn clear_storage() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
}

#[wasm_bindgen_test]
async fn clicking_and_pressing_enter_on_a_zone_selects_it() {
    let app = Mounted::new().await;
    assert_eq!(app.text("#zone-heading"), "example.com.");
    app.get(&format!("g.node[data-zone='{CHILD}']"))
        .dispatch_event(&bubbling("click"))
        .unwrap();
    settle().await;
    assert_eq!(app.text("#zone-heading"), "api.example.com.");
    assert_eq!(
        app.get("g.node[aria-pressed=true]")
            .get_attribute("data-zone")
            .as_deref(),
        Some(CHILD)
    );

    let init = KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let enter = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    app.get(&format!("g.node[data-zone='{PARENT}']"))
        .dispatch_event(&enter)
        .unwrap();
    settle().await;
    assert_eq!(app.text("#zone-heading"), "example.com.");
    assert!(
        enter.default_prevented(),
        "Enter on a zone does not also scroll or submit"
    );
}

#[wasm_bindgen_test]
async fn an_invalid_value_is_reported_at_its_field_and_kept_then_a_valid_one_is_added_and_undone() {
    let app = Mounted::new().await;
    app.click("#add-record").await;
    let dialog = app
        .get("dialog")
        .unchecked_into::<web_sys::HtmlDialogElement>();
    assert!(dialog.open(), "the dialog opens as a modal");
    app.type_into("#rec-name", "app").await;
    app.type_into("#rec-values", "192.0.2.300").await;
    app.click("dialog button[type=submit]").await;
    assert_eq!(
        app.text("#rec-values-error"),
        "\"192.0.2.300\" is not an IPv4 address; an A record needs four numbers from 0 to 255 separated by dots, such as 192.0.2.10"
    );
    assert_eq!(
        app.get("#rec-values")
            .unchecked_into::<HtmlTextAreaElement>()
            .value(),
        "192.0.2.300"
    );
    assert_eq!(
        app.get("#rec-name")
            .unchecked_into::<HtmlInputElement>()
            .value(),
        "app"
    );
    let focused = gloo::utils::document().active_element().map(|e| e.id());
    assert_eq!(
        focused.as_deref(),
        Some("rec-values"),
        "focus moves to the field in error"
    );

    app.type_into("#rec-values", "192.0.2.44").await;
    assert!(
        app.find("#rec-values-error:not([hidden])").is_none(),
        "editing the field clears its error"
    );
    app.click("dialog button[type=submit]").await;
    assert!(app.find("dialog").is_none());
    assert_eq!(
        app.text("tr[data-name='app.example.com.'] .value"),
        "192.0.2.44"
    );
    assert_eq!(
        app.get("#undo").get_attribute("aria-label").as_deref(),
        Some("Undo add A app.example.com. (Ctrl+Z)")
    );

    app.click("#undo").await;
    assert!(app.find("tr[data-name='app.example.com.']").is_none());
    app.click("#redo").await;
    assert!(app.find("tr[data-name='app.example.com.']").is_some());
}

#[wasm_bindgen_test]
async fn closing_the_dialog_keeps_the_unsaved_input() {
    let app = Mounted::new().await;
    app.click("#add-record").await;
    app.type_into("#rec-name", "draft").await;
    app.type_into("#rec-values", "unfinished").await;
    app.get("dialog")
        .dispatch_event(&bubbling("cancel"))
        .unwrap(); // what Escape fires
    settle().await;
    assert!(app.find("dialog").is_none(), "Escape closes the dialog");
    app.click("#add-record").await;
    assert_eq!(
        app.get("#rec-name")
            .unchecked_into::<HtmlInputElement>()
            .value(),
        "draft"
    );
    assert_eq!(
        app.get("#rec-values")
            .unchecked_into::<HtmlTextAreaElement>()
            .value(),
        "unfinished"
    );
}

#[wasm_bindgen_test]
async fn every_change_is_saved_to_local_storage() {
    let app = Mounted::new().await;
    assert_eq!(
        BrowserStore.get(DOC_KEY),
        None,
        "nothing is written before a change"
    );
    app.click("tr[data-name='example.com.'][data-type='A'] button[aria-label^='Delete']")
        .await;
    // Written a moment later (the edit does not wait for it); at once if the page goes away.
    gloo::utils::window()
        .dispatch_event(&Event::new("pagehide").unwrap())
        .unwrap();
    let saved =
        storage::decode(&BrowserStore.get(DOC_KEY).expect("saved after the delete")).unwrap();
    let parent = saved.world.zone(PARENT).unwrap();
    let a = hickory_proto::rr::RecordType::A;
    assert!(
        parent
            .get(&delegation_lab::dns::n("example.com."), a)
            .is_none()
    );
    let mut expected = default_doc();
    Edit::DeleteRecordSet {
        zone_id: PARENT.into(),
        name: delegation_lab::dns::n("example.com."),
        rtype: a,
    }
    .apply(&mut expected)
    .unwrap();
    assert_eq!(saved, expected);
    app.click("#undo").await;
    // Or once the page has been left alone for a moment.
    yew::platform::time::sleep(std::time::Duration::from_millis(
        u64::from(delegation_lab::ui::hooks::SAVE_DELAY_MS) + 400,
    ))
    .await;
    assert_eq!(
        storage::decode(&BrowserStore.get(DOC_KEY).unwrap()).unwrap(),
        default_doc()
    );
}

#[wasm_bindgen_test]
fn a_damaged_save_in_local_storage_is_kept_aside() {
    clear_storage();
    let mut store = BrowserStore;
    store.set(DOC_KEY, "{\"world\":").unwrap();
    let restored = storage::restore(&mut store);
    assert_eq!(restored.doc, None);
    let key = format!("{DAMAGED_PREFIX}1");
    assert!(
        matches!(&restored.notice, Some(Notice::Damaged { kept_key: Some(k), .. }) if *k == key)
    );
    assert_eq!(store.get(&key).as_deref(), Some("{\"world\":"));
    clear_storage();
}

/// Mounts the app as if a panel (or a share link) had asked for `view` before the first render.
async fn mounted_with_view(view: delegation_lab::ui::state::ViewState) -> Mounted {
    clear_storage();
    let document = gloo::utils::document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    // As the app starts with a view kept across a reload: asked through the reducer.
    let initial = yew::Reducible::reduce(
        std::rc::Rc::new(AppState::new(default_doc(), None)),
        delegation_lab::ui::Action::SetView(view),
    );
    let props = AppProps {
        initial: Some((*initial).clone()),
    };
    let app = yew::Renderer::<App>::with_root_and_props(host.clone(), props).render();
    settle().await;
    settle().await;
    Mounted {
        host,
        app: Some(app),
    }
}

#[wasm_bindgen_test]
async fn the_resolve_panel_follows_the_view_query_step_and_autoplay() {
    use delegation_lab::ui::state::ViewState;
    let view = |query: &str, step: Option<usize>, autoplay: bool| ViewState {
        query: Some(query.into()),
        step,
        autoplay,
        ..ViewState::default()
    };
    let input =
        |app: &Mounted, css: &str| app.get(css).unchecked_into::<HtmlInputElement>().value();

    let app = mounted_with_view(view("dig +trace www.api.example.com CNAME", Some(2), false)).await;
    assert_eq!(input(&app, "#resolve-name"), "www.api.example.com");
    let rtype = app
        .get("#resolve-type")
        .unchecked_into::<web_sys::HtmlSelectElement>()
        .value();
    assert_eq!(rtype, "CNAME");
    assert!(
        app.text("#resolve-panel .step-count")
            .starts_with("Step 3 of ")
    );
    assert_eq!(
        app.host
            .query_selector_all("#resolve-panel .seq-msg")
            .unwrap()
            .length(),
        3
    );
    assert_eq!(app.text("#resolve-play").trim(), "▶ Play");
    drop(app);

    let app = mounted_with_view(view("dig +trace www.api.example.com", Some(99), false)).await;
    assert_eq!(app.text("#resolve-panel .step-count"), "Step 7 of 7");
    drop(app);

    let app = mounted_with_view(view("dig +trace www.api.example.com A", None, true)).await;
    assert_eq!(app.text("#resolve-panel .step-count"), "Step 1 of 7");
    assert_eq!(app.text("#resolve-play").trim(), "❚❚ Pause");
    drop(app);

    let app = mounted_with_view(view("dig +bogus x", Some(1), true)).await;
    assert_eq!(
        app.text("#resolve-name-error"),
        "Cannot read \"dig +bogus x\": unknown option +bogus; this dig knows +trace, +short, +norecurse, +json and the display options +[no]all, +[no]cmd, +[no]comments, +[no]question, +[no]answer, +[no]authority, +[no]additional, +[no]stats."
    );
    assert_eq!(input(&app, "#resolve-name"), "www.api.example.com");
    assert!(app.find("#resolve-panel .stepping").is_none());
}
