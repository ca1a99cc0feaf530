//! `delegation-lab check`: the built binary on the presets, JSON output, and bad input.

mod common;

fn check(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    common::run(&all)
}

/// The code column of each finding line.
fn codes(stdout: &str) -> Vec<(String, String)> {
    stdout
        .lines()
        .filter(|l| {
            ["error ", "warning ", "note "]
                .iter()
                .any(|p| l.starts_with(p))
        })
        .map(|l| {
            let mut words = l.split_whitespace();
            (
                words.next().unwrap().to_string(),
                words.next().unwrap().to_string(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn the_article_passes() {
    let (code, stdout, stderr) = check(&["--scenario", "article"]);
    assert_eq!(code, 0);
    assert_eq!(stderr, "");
    assert_eq!(codes(&stdout), pairs(&[("note", "TTL_DELEGATION_DIFFERS")]));
    assert!(stdout.ends_with("\n0 errors, 0 warnings, 1 note\n"));
}

#[test]
fn wrong_ns_fails_with_the_mismatch() {
    let (code, stdout, _) = check(&["--scenario", "wrong-ns"]);
    assert_eq!(code, 1);
    assert_eq!(
        codes(&stdout),
        pairs(&[
            ("error", "DELEGATION_NS_MISMATCH"),
            ("note", "ZONE_NOT_DELEGATED")
        ])
    );
    assert!(stdout.contains("\n    $ dig SOA api.example.com\n      SERVFAIL: "));
    assert!(stdout.contains("\n    fix 1: Set the NS records for api.example.com to the zone's name servers\n      UPSERT api.example.com. 300 NS "));
    assert!(stdout.ends_with("\n1 error, 0 warnings, 1 note\n"));
}

#[test]
fn recreated_fails_with_the_stale_delegation() {
    let (code, stdout, _) = check(&["--scenario", "recreated"]);
    assert_eq!(code, 1);
    assert_eq!(codes(&stdout), pairs(&[("error", "DELEGATION_STALE")]));
}

#[test]
fn every_broken_preset_fails() {
    for (preset, expected) in [
        ("quiz", "OCCLUDED_RECORDS"),
        ("validation-in-parent", "VALIDATION_RECORD_WRONG_ZONE"),
        ("not-delegated", "ZONE_NOT_DELEGATED"),
    ] {
        let (code, stdout, _) = check(&["--scenario", preset]);
        assert_eq!(code, 1, "{preset}");
        assert_eq!(
            codes(&stdout)[0],
            ("error".to_string(), expected.to_string())
        );
    }
}

#[test]
fn json_lists_the_findings_with_their_evidence() {
    let (code, stdout, _) = check(&["--scenario", "recreated", "--json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 1);
    let f = &list[0];
    assert_eq!(f["code"], "DELEGATION_STALE");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["symptom"]["question"]["name"], "api.example.com.");
    assert_eq!(f["symptom"]["question"]["rtype"], "SOA");
    assert_eq!(f["symptom"]["expect"], "answer");
    let last = f["evidence"].as_array().unwrap().last().unwrap();
    assert_eq!(last["command"], "dig SOA api.example.com");
    assert!(last["text"].as_str().unwrap().contains("status: SERVFAIL"));
    let edit = &f["fixes"][0]["edits"][0];
    assert_eq!(edit["edit"], "upsert_record_set");
    assert_eq!(edit["set"]["type"], "NS");
    assert_eq!(edit["set"]["values"].as_array().unwrap().len(), 4);
    let (code, stdout, _) = check(&["--json", "--scenario", "article"]);
    assert_eq!(code, 0);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout).unwrap()[0]["code"],
        "TTL_DELEGATION_DIFFERS"
    );
}

#[test]
fn a_scenario_file_is_checked() {
    let s = delegation_lab_engine::scenario::presets::build("quiz").unwrap();
    let path = std::env::temp_dir().join(format!("dl-check-{}.json", std::process::id()));
    std::fs::write(&path, s.to_json()).unwrap();
    let (code, stdout, _) = check(&["--scenario", path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(code, 1);
    assert_eq!(codes(&stdout)[0].1, "OCCLUDED_RECORDS");
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let (code, stdout, stderr) = check(&["--scenario", "no-such-thing"]);
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert_eq!(stderr.lines().count(), 1);
    assert!(stderr.starts_with(
        "delegation-lab check: no-such-thing is neither a preset (article, wrong-ns, "
    ));
    let (code, _, stderr) = check(&[]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "delegation-lab: the following required arguments were not provided: --scenario <SOURCE>\n"
    );
    let (code, _, stderr) = check(&["--scenario", "article", "--bogus"]);
    assert_eq!(code, 2);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}
