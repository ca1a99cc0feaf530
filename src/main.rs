//! The `delegation-lab` binary: the command-line tool natively, the web app on wasm32.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::main());
}

#[cfg(target_arch = "wasm32")]
fn main() {
    delegation_lab::ui::start();
}
