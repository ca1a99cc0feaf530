//! Runs the built `delegation-lab` binary as a user runs it, for the command line's tests.

use std::process::{Command, Stdio};

/// Runs the binary with `args` and `stdin`: its exit code, stdout and stderr.
pub fn run_with(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_delegation-lab"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().expect("an exit code"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Runs the binary with `args` and nothing on stdin.
pub fn run(args: &[&str]) -> (i32, String, String) {
    run_with(args, "")
}
