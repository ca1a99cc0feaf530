//! What the app's first render costs natively: building the default document, the diagram's
//! data, and a server-side render of the whole app. The browser runs the same code as wasm
//! (slower, and compiled lazily on first call); `scripts/bench-web.mjs` measures that.
//! Run: cargo run --release --example first_render

use std::time::Instant;

use delegation_lab::ui::views::app::App;
use yew::LocalServerRenderer;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    for round in 0..3 {
        let t = Instant::now();
        let doc = delegation_lab::ui::doc::default_doc();
        let built = t.elapsed();
        let t = Instant::now();
        let h = delegation_lab::scenario::hierarchy::hierarchy(&doc);
        let hier = t.elapsed();
        let t = Instant::now();
        let html = LocalServerRenderer::<App>::new().render().await;
        let ssr = t.elapsed();
        println!(
            "round {round}: default_doc {built:?}, hierarchy {hier:?} ({} nodes), app SSR {ssr:?} ({} bytes)",
            h.nodes.len(),
            html.len()
        );
    }
}
