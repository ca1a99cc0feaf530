//! The `delegation-lab` binary: the command-line tool natively, the web app on wasm32 (which
//! needs the `web` feature, on by default; build the command line with
//! `--no-default-features`, so that it links nothing web).

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::main());
}

#[cfg(all(target_arch = "wasm32", feature = "web"))]
fn main() {
    delegation_lab::ui::start();
}

#[cfg(all(target_arch = "wasm32", not(feature = "web")))]
compile_error!("the web app (wasm32) needs the `web` feature");
