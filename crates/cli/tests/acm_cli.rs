//! The `acm` commands of the command line: request, validate and their text, run as a user
//! runs them (the built binary).

mod common;

use common::run;

use delegation_lab_engine::scenario::{Scenario, presets};

/// The presets' clock: 2026-11-28 12:00:00 UTC.
const T0: u64 = 1_795_867_200;

fn preset(id: &str) -> (Scenario, String) {
    let s = presets::build(id).unwrap();
    let arn = s.aws.certificates[0].arn.clone();
    (s, arn)
}

#[test]
fn validate_prints_records_traces_and_history() {
    let (_, arn) = preset("acm-issued");
    let (code, out, err) = run(&["acm", "validate", &arn, "--scenario", "acm-issued"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains("\nValidation records:\n  *.api.example.com (SUCCESS)\n    Name:  _"));
    assert!(out.contains("; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> +trace CNAME _"));
    assert!(out.contains("; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> +trace CAA example.com.\n"));
    assert!(
        out.contains(";; Received 215 bytes from 205.251.192.112#53(ns-112.awsdns-14.com) in 0 ms")
    );
    assert!(out.contains("\nStatus history:\n  2026-11-28T12:00:00Z  +0h00m  PENDING_VALIDATION: requested with DNS validation"));
    assert!(out.contains("  2026-11-28T12:00:00Z  +0h00m  ISSUED: every name is validated and CAA lets Amazon issue\n"));
    assert!(out.ends_with("\nStatus: ISSUED\n"), "{out}");
}

#[test]
fn request_then_validate_through_a_file() {
    let dir = std::env::temp_dir().join(format!("acm-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("s.json");
    let file = file.to_str().unwrap();
    let (code, out, err) = run(&[
        "acm",
        "request",
        "--account",
        "111111111111",
        "*.api.example.com",
        "--create-records",
        "--scenario",
        "article",
        "--out",
        file,
        "--json",
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let arn = v["Certificate"]["CertificateArn"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(v["Certificate"]["Status"], "PENDING_VALIDATION");
    assert_eq!(v["Route53Changes"][0]["HostedZoneName"], "example.com.");
    assert!(
        v["Route53Changes"][0]["Warning"]
            .as_str()
            .unwrap()
            .starts_with("example.com. delegates api.example.com.")
    );

    let (code, out, _) = run(&[
        "acm",
        "validate",
        &arn,
        "--advance",
        "72",
        "--scenario",
        file,
        "--out",
        file,
        "--json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["Certificate"]["Status"], "VALIDATION_TIMED_OUT");
    assert_eq!(v["Checks"][0]["result"], "NOT_FOUND");
    assert_eq!(v["Checks"][0]["repeated"], 153);
    assert_eq!(v["Checks"][0]["lookups"][0]["outcome"], "NXDOMAIN");
    assert!(
        v["Checks"][0]["lookups"][0]["steps"]
            .as_array()
            .unwrap()
            .len()
            >= 4
    );
    assert_eq!(v["History"].as_array().unwrap().len(), 3);
    let saved = Scenario::from_json(&std::fs::read_to_string(file).unwrap()).unwrap();
    assert_eq!(saved.clock, T0 + 72 * 3600);

    let (code, out, _) = run(&["acm", "list", "--scenario", file]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        format!("{arn}  VALIDATION_TIMED_OUT  *.api.example.com\n")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn terraform_prints_the_validation_resource() {
    let (_, arn) = preset("acm-two-zones");
    let (code, out, _) = run(&["acm", "terraform", &arn, "--scenario", "acm-two-zones"]);
    assert_eq!(code, 0);
    assert!(out.contains("resource \"aws_acm_certificate_validation\" \"cert\" {\n"));
    assert_eq!(out.matches("resource \"aws_route53_record\"").count(), 2);
    assert!(out.contains("# validates *.api.example.com, api.example.com\n"));
}

#[test]
fn bad_input_is_one_line_on_stderr_with_exit_2() {
    let cases: [(&[&str], &str); 5] = [
        (
            &["acm", "validate", "arn:x", "--scenario", "article"],
            "delegation-lab acm: ResourceNotFoundException: Could not find certificate arn:x; this scenario has no certificates; request one with `delegation-lab acm request`\n",
        ),
        (
            &[
                "acm",
                "request",
                "--account",
                "222222222222",
                "a..b.com",
                "--scenario",
                "article",
            ],
            "delegation-lab acm: ValidationException: Value 'a..b.com' at 'domainName' failed to satisfy constraint: the name has an empty label (two dots in a row, or a leading dot)\n",
        ),
        (
            &[
                "acm",
                "request",
                "*.api.example.com",
                "--scenario",
                "article",
            ],
            "delegation-lab: the following required arguments were not provided: --account <ACCOUNT>\n",
        ),
        (
            &[
                "acm",
                "validate",
                "arn:x",
                "--advance",
                "-1",
                "--scenario",
                "article",
            ],
            "delegation-lab acm: --advance takes a number of hours from 0 to 8760, such as 1, 0.5 or 72, not \"-1\"\n",
        ),
        (
            &["acm", "list", "--scenario", "nope"],
            "delegation-lab acm: nope is neither a preset (article, wrong-ns, recreated, quiz, validation-in-parent, not-delegated, acm-issued, acm-in-parent, acm-caa, acm-two-zones), nor a zone folder, nor a scenario file\n",
        ),
    ];
    for (args, expected) in cases {
        let (code, out, err) = run(args);
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (2, "", expected),
            "{args:?}"
        );
    }
}
