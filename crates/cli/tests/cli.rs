//! The command line, run as a user runs it: output, exit codes, and one clear line on
//! stderr for bad input.

mod common;

use common::run;

#[test]
fn presets_are_listed() {
    let (code, out, _) = run(&["presets"]);
    assert_eq!(code, 0);
    assert!(out.lines().next().unwrap().starts_with("article "));
    assert_eq!(
        out.lines().count(),
        delegation_lab_engine::scenario::presets::PRESETS.len()
    );
}

#[test]
fn dig_asks_the_public_resolver_by_default() {
    let (code, out, err) = run(&["dig", "A", "www.api.example.com", "--scenario", "article"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains(";; ->>HEADER<<- opcode: QUERY, status: NOERROR"));
    assert!(out.contains("www.api.example.com.\t300\tIN\tCNAME\tapi.example.com.\n"));
    assert!(out.contains(";; SERVER: 8.8.8.8#53(8.8.8.8) (UDP)"));
}

#[test]
fn dig_short_json_and_trace() {
    let (_, out, _) = run(&[
        "dig",
        "+short",
        "www.api.example.com",
        "--scenario",
        "article",
    ]);
    assert_eq!(out, "api.example.com.\n192.0.2.10\n");
    let (_, out, _) = run(&["dig", "+json", "A", "api.example.com", "--scenario", "quiz"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["rcode"], "NOERROR");
    assert_eq!(v["answer"], serde_json::json!([]));
    assert_eq!(
        v["authority"][0].as_str().unwrap().split(' ').nth(3),
        Some("SOA")
    );
    let (_, out, _) = run(&[
        "dig",
        "+trace",
        "+json",
        "api.example.com",
        "--scenario",
        "wrong-ns",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["rcode"], "SERVFAIL");
    let steps = v["steps"].as_array().unwrap();
    assert_eq!(steps.last().unwrap()["decision"]["kind"], "give_up");
    let (_, out, _) = run(&["dig", "+trace", "api.example.com", "--scenario", "article"]);
    assert_eq!(out.matches(";; Received ").count(), 5);
}

#[test]
fn dig_to_one_server_by_name_or_address() {
    let s = delegation_lab_engine::scenario::presets::build("article").unwrap();
    let child = s
        .aws
        .hosted_zones
        .iter()
        .find(|z| z.name.to_string() == "api.example.com.")
        .unwrap();
    let ns = child.name_servers()[0].to_string();
    let (code, out, _) = run(&[
        "dig",
        "A",
        "something.api.example.com",
        &format!("@{ns}"),
        "--scenario",
        "article",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("status: NXDOMAIN"));
    assert!(out.contains(";; flags: qr aa rd;"));
    assert!(out.contains(";; WARNING: recursion requested but not available"));
    let (code, out, _) = run(&[
        "dig",
        "A",
        "x.example.com",
        "@203.0.113.7",
        "--scenario",
        "article",
    ]);
    assert_eq!(
        code, 9,
        "nothing at that address: dig's exit status for no reply"
    );
    assert!(out.contains(";; no servers could be reached"));
}

#[test]
fn bad_input_is_one_line_on_stderr_with_exit_2() {
    for (args, message) in [
        (
            vec!["dig", "A", "x.com", "--scenario", "nope"],
            "delegation-lab dig: nope is neither a preset",
        ),
        (
            vec!["dig", "+bogus", "x.com"],
            "delegation-lab dig: unknown option +bogus",
        ),
        (
            vec!["dig", "A", "a..b"],
            "delegation-lab dig: \"a..b\" is not a domain name",
        ),
        (
            vec!["dig", "A", "x.com", "@ns-123.awsdns-45.com"],
            "delegation-lab dig: no server named ns-123.awsdns-45.com in this scenario",
        ),
    ] {
        let (code, out, err) = run(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty());
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with(message), "{err}");
    }
}

#[test]
fn a_zone_folder_and_a_scenario_file_are_sources() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/oracle/seed"
    );
    let (code, out, err) = run(&[
        "dig",
        "+short",
        "A",
        "www.api.example.com",
        "--scenario",
        dir,
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, "api.example.com.\n192.0.2.10\n");
    let file = std::env::temp_dir().join(format!("dl-cli-{}.json", std::process::id()));
    std::fs::write(
        &file,
        delegation_lab_engine::scenario::presets::build("quiz")
            .unwrap()
            .to_json(),
    )
    .unwrap();
    let (code, out, _) = run(&[
        "dig",
        "+short",
        "CNAME",
        "_abc123.api.example.com",
        "--scenario",
        file.to_str().unwrap(),
    ]);
    std::fs::remove_file(&file).unwrap();
    assert_eq!((code, out.as_str()), (0, "_def456.acm-validations.aws.\n"));
}

#[test]
fn generate_writes_a_scenario_that_loads() {
    let dir = std::env::temp_dir().join(format!("dl-generate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("zones.json");
    let path = file.to_str().unwrap();
    let (code, out, err) = run(&[
        "generate",
        "many-zones",
        "--zones",
        "12",
        "--accounts",
        "3",
        "--out",
        path,
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains("12 hosted zones"), "{out}");
    let text = std::fs::read_to_string(&file).unwrap();
    let s = delegation_lab_engine::scenario::Scenario::from_json(&text).unwrap();
    assert_eq!(s, delegation_lab_engine::scenario::scale::many_zones(12, 3));
    let (code, out, _) = run(&["dig", "+short", "www.s11.example.com", "--scenario", path]);
    assert_eq!((code, out.as_str()), (0, "s11.example.com.\n10.1.0.11\n"));

    let (code, _, err) = run(&["generate", "big-zone", "--sets", "1", "--out", path]);
    assert_eq!(code, 2);
    assert!(err.contains("--sets 1"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
