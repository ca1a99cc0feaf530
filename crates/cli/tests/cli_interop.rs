//! `delegation-lab import`, `export`, `share` and `open-link`, run as a user runs them:
//! output, files written, exit codes, and one clear line on stderr for bad input.

mod common;

use std::path::PathBuf;

use common::{run, run_with};
use delegation_lab_engine::scenario::Scenario;
use delegation_lab_engine::scenario::presets;

/// A fresh directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("delegation-lab-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn load(path: &PathBuf) -> Scenario {
    Scenario::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn import_a_zone_file_then_dig_the_result() {
    let dir = scratch("zone");
    let zone = dir.join("api.zone");
    std::fs::write(&zone, "$TTL 60\nnew A 192.0.2.77\n").unwrap();
    let out = dir.join("out.json");
    let (code, stdout, stderr) = run(&[
        "import",
        "zone",
        zone.to_str().unwrap(),
        "--zone",
        "api.example.com",
        "--scenario",
        "article",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let s = load(&out);
    let child = s
        .aws
        .hosted_zones
        .iter()
        .find(|z| z.name.to_string() == "api.example.com.")
        .unwrap();
    assert_eq!(
        stdout,
        format!(
            "{} into api.example.com. ({}): 1 record set: 1 new, 0 replaced, 0 unchanged.\nThe text has no SOA or NS at api.example.com.; that is fine for a hosted zone, which keeps its own.\nWrote {}.\n",
            zone.display(),
            child.id,
            out.display()
        )
    );
    let (code, stdout, _) = run(&[
        "dig",
        "+short",
        "new.api.example.com",
        "--scenario",
        out.to_str().unwrap(),
    ]);
    assert_eq!((code, stdout.as_str()), (0, "192.0.2.77\n"));
}

#[test]
fn import_route53_json_from_standard_input() {
    let dir = scratch("r53");
    let out = dir.join("out.json");
    let listing = r#"{"ResourceRecordSets": [{"Name": "\\052.api.example.com.", "Type": "A", "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.5"}]}]}"#;
    let (code, stdout, stderr) = run_with(
        &[
            "import",
            "route53-json",
            "-",
            "--zone",
            "api.example.com.",
            "--scenario",
            "article",
            "--out",
            out.to_str().unwrap(),
        ],
        listing,
    );
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(
        stdout.starts_with("standard input into api.example.com. ("),
        "{stdout}"
    );
    let (_, stdout, _) = run(&[
        "dig",
        "+short",
        "x.api.example.com",
        "--scenario",
        out.to_str().unwrap(),
    ]);
    assert_eq!(stdout, "192.0.2.5\n");
}

#[test]
fn bad_imports_are_one_line_and_exit_2() {
    let dir = scratch("bad");
    let zone = dir.join("bad.zone");
    std::fs::write(&zone, "$TTL 60\n$INCLUDE x.zone\n").unwrap();
    let out = dir.join("out.json");
    let (code, stdout, stderr) = run(&[
        "import",
        "zone",
        zone.to_str().unwrap(),
        "--zone",
        "api.example.com",
        "--scenario",
        "article",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        format!(
            "delegation-lab import: {}:2:1: $INCLUDE is not supported: a zone is read from this one file only; copy the included records into it\n",
            zone.display()
        )
    );
    assert!(!out.exists());
    let (code, _, stderr) = run_with(
        &[
            "import",
            "route53-json",
            "-",
            "--zone",
            "api.example.com",
            "--scenario",
            "article",
            "--out",
            out.to_str().unwrap(),
        ],
        "[}",
    );
    assert_eq!(
        (code, stderr.as_str()),
        (
            2,
            "delegation-lab import: standard input:1:2: this is not JSON: expected value\n"
        )
    );
    let (code, _, stderr) = run(&[
        "import",
        "zone",
        "x.zone",
        "--scenario",
        "article",
        "--out",
        "o.json",
    ]);
    assert_eq!(code, 2);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("--zone"), "{stderr}");
}

#[test]
fn exports_print_or_write_files() {
    let (code, stdout, _) = run(&["export", "terraform", "--scenario", "article"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("resource \"aws_route53_zone\" \"api_example_com\" {\n"));
    let (code, stdout, _) = run(&["export", "cli", "--scenario", "article"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("#!/bin/sh\n"));
    let (code, stdout, _) = run(&["export", "json", "--scenario", "quiz"]);
    assert_eq!(code, 0);
    assert_eq!(
        Scenario::from_json(&stdout).unwrap(),
        presets::build("quiz").unwrap()
    );

    let dir = scratch("export");
    let zones = dir.join("zones-out");
    let (code, stdout, _) = run(&[
        "export",
        "zone-files",
        zones.to_str().unwrap(),
        "--scenario",
        "article",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        [
            "acm-validations.aws.zone",
            "example.com.zone",
            "api.example.com.zone"
        ]
        .iter()
        .map(|f| format!("{}\n", zones.join(f).display()))
        .collect::<String>()
    );
    let folder = dir.join("folder");
    let (code, _, _) = run(&[
        "export",
        "folder",
        folder.to_str().unwrap(),
        "--scenario",
        "article",
    ]);
    assert_eq!(code, 0);
    // The folder loads back as a scenario source and answers as the preset does.
    let (_, from_folder, _) = run(&[
        "dig",
        "+short",
        "www.api.example.com",
        "--scenario",
        folder.to_str().unwrap(),
    ]);
    let (_, from_preset, _) = run(&[
        "dig",
        "+short",
        "www.api.example.com",
        "--scenario",
        "article",
    ]);
    assert_eq!(from_folder, from_preset);
    assert_eq!(from_folder, "api.example.com.\n192.0.2.10\n");
}

#[test]
fn share_then_open_the_link() {
    let (code, link, stderr) = run(&[
        "share",
        "--scenario",
        "wrong-ns",
        "--query",
        "dig +trace api.example.com",
        "--step",
        "2",
    ]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(link.starts_with("#s1.") && link.ends_with('\n'));
    let dir = scratch("share");
    let out = dir.join("opened.json");
    let (code, stdout, _) = run(&["open-link", link.trim(), "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        format!(
            "Opened \"Parent NS copied from the wrong zone\"; wrote {}.\nView: {{\"query\":\"dig +trace api.example.com\",\"step\":2}}\n",
            out.display()
        )
    );
    assert_eq!(load(&out), presets::build("wrong-ns").unwrap());
    let (code, stdout, _) = run(&["share", "--scenario", "article", "--size"]);
    assert_eq!(code, 0);
    assert!(
        stdout.ends_with(" bytes\n") && stdout.contains(" characters of 32768 ("),
        "{stdout}"
    );

    let (code, stdout, stderr) = run(&[
        "open-link",
        &link.trim()[..200],
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        "delegation-lab open-link: this link is damaged or cut short (its data ends too early): copy the whole link again\n"
    );
}

/// An import file past the size limit is refused before it is read (moved from the hostile
/// input tests: it runs the binary).
#[test]
fn an_import_past_the_size_limit_is_refused_before_it_is_read() {
    let dir = std::env::temp_dir().join(format!("delegation-lab-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.zone");
    let file = std::fs::File::create(&big).unwrap();
    let limit = delegation_lab_engine::scenario::interop::MAX_IMPORT_BYTES as u64;
    file.set_len(limit + 1).unwrap();
    let out = dir.join("out.json");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_delegation-lab"))
        .args([
            "import",
            "zone",
            big.to_str().unwrap(),
            "--zone",
            "example.com",
        ])
        .args(["--scenario", "article", "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("larger than 16 MiB"), "{stderr}");
    assert!(!out.exists());
    let _ = std::fs::remove_dir_all(&dir);
}
