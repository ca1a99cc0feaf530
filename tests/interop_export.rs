//! Exports of every preset: Terraform, AWS CLI commands and zone files compared with the
//! golden files in `tests/golden/export/<preset>/` (run with `UPDATE_GOLDEN=1` to write them
//! after a deliberate change, then read the diff); Terraform checked against `terraform fmt`'s
//! rules (and by `terraform fmt -check` itself when `terraform` is installed); the CLI's
//! change batches parsed as JSON; the zone folder loaded back into the same world.

use std::path::Path;

use delegation_lab::dns::n;
use delegation_lab::dns::resolve;
use delegation_lab::dns::{Question, rrset::RecordSet};
use delegation_lab::scenario::Scenario;
use delegation_lab::scenario::interop::{
    ImportMode, aws_cli, check_terraform_fmt, export_folder, export_zone_files,
    import_route53_json, terraform,
};
use delegation_lab::scenario::presets::{self, PRESETS};
use delegation_lab::scenario::zone_folder::load_folder;
use hickory_proto::rr::RecordType;
use serde_json::Value;

fn golden(preset: &str, file: &str, text: &str, mismatches: &mut Vec<String>) {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/golden/export/{preset}/{file}"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {}: run with UPDATE_GOLDEN=1", path.display()));
    if want != text {
        mismatches.push(format!(
            "{}\n--- recorded\n{want}\n--- now\n{text}",
            path.display()
        ));
    }
}

#[test]
fn exports_of_the_presets_read_as_recorded() {
    let mut mismatches = Vec::new();
    for p in PRESETS {
        let s = presets::build(p.id).unwrap();
        golden(p.id, "main.tf", &terraform(&s), &mut mismatches);
        golden(p.id, "aws-cli.sh", &aws_cli(&s), &mut mismatches);
        let zones: String = export_zone_files(&s)
            .into_iter()
            .map(|(file, text)| format!("==> {file} <==\n{text}"))
            .collect();
        golden(p.id, "zone-files.txt", &zones, &mut mismatches);
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn terraform_follows_the_fmt_rules() {
    for p in PRESETS {
        let text = terraform(&presets::build(p.id).unwrap());
        if let Err(e) = check_terraform_fmt(&text) {
            panic!("{}: {e}\n{text}", p.id);
        }
    }
}

/// `terraform fmt -check` on every preset's export, when `terraform` is on this machine.
#[test]
fn terraform_fmt_itself_agrees_when_installed() {
    let probe = std::process::Command::new("terraform")
        .arg("version")
        .env("TF_CLI_CONFIG_FILE", "/dev/null")
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("terraform is not installed: checked against the documented rules only");
        return;
    }
    let dir = std::env::temp_dir().join(format!("delegation-lab-tf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for p in PRESETS {
        let text = terraform(&presets::build(p.id).unwrap());
        std::fs::write(dir.join(format!("{}.tf", p.id)), text).unwrap();
    }
    let out = std::process::Command::new("terraform")
        .args(["fmt", "-check", "-diff", "-no-color"])
        .arg(&dir)
        .env("TF_CLI_CONFIG_FILE", "/dev/null")
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        out.status.success(),
        "terraform fmt would change:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn terraform_references_the_child_zone_where_the_article_does() {
    let text = terraform(&presets::build("article").unwrap());
    assert!(text.contains(
        "resource \"aws_route53_record\" \"api_example_com_ns\" {\n  provider = aws.account_a_root\n  zone_id  = aws_route53_zone.example_com.zone_id\n  name     = \"api.example.com\"\n  type     = \"NS\"\n  ttl      = 300\n  records  = aws_route53_zone.api_example_com.name_servers\n}\n"
    ));
    assert_eq!(text.matches("provider \"aws\" {").count(), 2);
    assert!(
        !text.contains("\"aws_route53_zone\" \"acm_validations_aws\""),
        "{text}"
    );
    // No zone's own SOA or apex NS.
    assert!(!text.contains("\"SOA\""));
    // The certificate's validation records go to the child zone, in account B.
    let text = terraform(&presets::build("acm-in-parent").unwrap());
    let validation = text
        .split("resource \"aws_route53_record\" \"wildcard_api_example_com_validation\" {")
        .nth(1)
        .unwrap();
    assert!(validation.contains("  provider = aws.account_b_api_team\n  zone_id  = aws_route53_zone.api_example_com.zone_id\n"));
    assert!(text.contains(
        "validation_record_fqdns = [for record in aws_route53_record.wildcard_api_example_com_validation : record.fqdn]"
    ));
}

/// The JSON after `--change-batch` on each line of the script.
fn change_batches(script: &str) -> Vec<Value> {
    script
        .lines()
        .filter(|l| l.starts_with("aws route53 change-resource-record-sets "))
        .map(|l| {
            let quoted = l.split_once("--change-batch '").unwrap().1;
            let json = quoted.strip_suffix('\'').unwrap().replace("'\\''", "'");
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
        })
        .collect()
}

#[test]
fn the_cli_change_batches_are_valid_and_complete() {
    for p in PRESETS {
        let s = presets::build(p.id).unwrap();
        let script = aws_cli(&s);
        let creates = script
            .lines()
            .filter(|l| l.contains("=$(aws route53 create-hosted-zone --name "))
            .count();
        let exported: Vec<_> = s
            .aws
            .hosted_zones
            .iter()
            .filter(|hz| hz.name != n("acm-validations.aws"))
            .collect();
        assert_eq!(creates, exported.len(), "{}", p.id);
        let batches = change_batches(&script);
        let mut with_records = exported.iter().filter(|hz| {
            let z = s.world.zone(&hz.id).unwrap();
            z.iter().any(|set| !apex_own(z.origin == set.name, set))
        });
        for batch in &batches {
            let hz = with_records
                .next()
                .expect("one batch per zone with records");
            let zone = s.world.zone(&hz.id).unwrap();
            let obj = batch.as_object().unwrap();
            assert_eq!(
                obj.keys().collect::<Vec<_>>(),
                ["Changes", "Comment"],
                "{}",
                p.id
            );
            let changes = batch["Changes"].as_array().unwrap();
            let sets: Vec<&RecordSet> = zone
                .iter()
                .filter(|set| !apex_own(zone.origin == set.name, set))
                .collect();
            assert_eq!(changes.len(), sets.len());
            for (change, set) in changes.iter().zip(sets) {
                assert_eq!(change["Action"], "UPSERT");
                let rrs = &change["ResourceRecordSet"];
                assert_eq!(rrs["Name"], set.name.to_string());
                assert_eq!(rrs["Type"], set.rtype.to_string());
                assert_eq!(rrs["TTL"], set.ttl);
                let values: Vec<String> = rrs["ResourceRecords"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v["Value"].as_str().unwrap().to_string())
                    .collect();
                assert_eq!(values, set.value_texts());
            }
            // Route 53 reads the same record sets back from them.
            let listing = serde_json::json!({"ResourceRecordSets": changes
                .iter()
                .map(|c| c["ResourceRecordSet"].clone())
                .collect::<Vec<_>>()});
            let import = import_route53_json(
                &s,
                &hz.id,
                "batch.json",
                &listing.to_string(),
                ImportMode::Replace,
            )
            .unwrap();
            assert!(import.changes_nothing(), "{}: {:?}", p.id, import.summary);
        }
        assert!(with_records.next().is_none(), "{}", p.id);
    }
}

fn apex_own(at_apex: bool, set: &RecordSet) -> bool {
    at_apex && matches!(set.rtype, RecordType::SOA | RecordType::NS)
}

fn outcome_text(s: &delegation_lab::dns::World, name: &str, clock: u64) -> String {
    let r = resolve::trace(s, &Question::new(n(name), RecordType::A), clock);
    format!("{:?} {:?}", r.outcome.kind, r.outcome.answer)
}

#[test]
fn an_exported_folder_loads_back_into_the_same_world() {
    for p in PRESETS {
        let s: Scenario = presets::build(p.id).unwrap();
        let files = export_folder(&s);
        let (topology, zones) = files.split_first().unwrap();
        assert_eq!(topology.0, "topology.json");
        let world = load_folder(&topology.1, zones).unwrap_or_else(|e| panic!("{}: {e}", p.id));
        assert_eq!(world, s.world, "{}", p.id);
        for name in ["api.example.com", "www.api.example.com", "example.com"] {
            assert_eq!(
                outcome_text(&world, name, s.clock),
                outcome_text(&s.world, name, s.clock)
            );
        }
    }
}

#[test]
fn aliases_wildcards_and_txt_export_to_terraform_and_the_cli() {
    let mut s = presets::build("article").unwrap();
    let listing = r#"{"ResourceRecordSets": [
        {"Name": "\\052.api.example.com.", "Type": "A", "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.80"}]},
        {"Name": "cdn.api.example.com.", "Type": "A", "AliasTarget": {"HostedZoneId": "Z2FDTNDATAQYW2", "DNSName": "d111111abcdef8.cloudfront.net.", "EvaluateTargetHealth": false}},
        {"Name": "api.example.com.", "Type": "TXT", "TTL": 300, "ResourceRecords": [{"Value": "\"v=spf1 -all\""}, {"Value": "\"say \\\"hi\\\"\" \"${x}\""}]}
    ]}"#;
    import_route53_json(&s, "api.example.com", "l.json", listing, ImportMode::Merge)
        .unwrap()
        .edit
        .apply(&mut s)
        .unwrap();
    let text = terraform(&s);
    check_terraform_fmt(&text).unwrap();
    assert!(text.contains(
        "resource \"aws_route53_record\" \"cdn_api_example_com_a\" {\n  provider = aws.account_b_api_team\n  zone_id  = aws_route53_zone.api_example_com.zone_id\n  name     = \"cdn.api.example.com\"\n  type     = \"A\"\n\n  alias {\n    name                   = \"d111111abcdef8.cloudfront.net\"\n    zone_id                = \"Z2FDTNDATAQYW2\"\n    evaluate_target_health = false\n  }\n}\n"
    ), "{text}");
    assert!(text.contains("resource \"aws_route53_record\" \"wildcard_api_example_com_a\" {\n  provider = aws.account_b_api_team\n  zone_id  = aws_route53_zone.api_example_com.zone_id\n  name     = \"*.api.example.com\"\n"));
    assert!(
        text.contains("  records = [\n    \"v=spf1 -all\",\n    \"say \\\\\\\"hi\\\\\\\"\\\"\\\"$${x}\",\n  ]\n"),
        "{text}"
    );
    let script = aws_cli(&s);
    let batch = &change_batches(&script)[1];
    let changes = batch["Changes"].as_array().unwrap();
    let cdn = changes
        .iter()
        .find(|c| c["ResourceRecordSet"]["Name"] == "cdn.api.example.com.")
        .unwrap();
    assert_eq!(
        cdn["ResourceRecordSet"],
        serde_json::json!({"Name": "cdn.api.example.com.", "Type": "A", "AliasTarget": {
            "HostedZoneId": "Z2FDTNDATAQYW2", "DNSName": "d111111abcdef8.cloudfront.net.", "EvaluateTargetHealth": false}})
    );
    assert!(
        changes
            .iter()
            .any(|c| c["ResourceRecordSet"]["Name"] == "*.api.example.com.")
    );
}
