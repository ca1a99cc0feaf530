//! The `delegation-lab` command line: the engine's worlds, dig and traces, checks, imports
//! and exports from a terminal (see `cli`). It links nothing web.

mod cli;

fn main() {
    std::process::exit(cli::main());
}
