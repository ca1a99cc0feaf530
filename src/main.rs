//! The web app's entry point (`delegation-lab-web`): on wasm32 it mounts the app
//! (scripts/build-web.sh builds it). Natively there is nothing to run here: the command line
//! is the `delegation-lab` binary of `crates/cli`.

#[cfg(target_arch = "wasm32")]
fn main() {
    delegation_lab::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "delegation-lab-web is the web app's entry point, built for wasm32 (bash scripts/run.sh); the command line is `cargo run -p delegation-lab-cli --`"
    );
    std::process::exit(2);
}
