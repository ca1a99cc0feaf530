//! Imports into a hosted zone: BIND zone files, Route 53's JSON listing and scenario
//! documents, each with good input (what lands in the zone, the summary) and bad input (the
//! exact message, and nothing changed).

use delegation_lab::dns::n;
use delegation_lab::dns::resolve::{self, OutcomeKind};
use delegation_lab::dns::{Question, Zone};
use delegation_lab::scenario::Scenario;
use delegation_lab::scenario::edit::Edit;
use delegation_lab::scenario::interop::{
    ImportMode, export_json, export_zone_files, import_route53_json, import_scenario,
    import_zone_file,
};
use delegation_lab::scenario::presets;
use hickory_proto::rr::RecordType;

fn article() -> Scenario {
    presets::build("article").unwrap()
}

fn zone_id(s: &Scenario, name: &str) -> String {
    s.aws
        .hosted_zones
        .iter()
        .rev()
        .find(|z| z.name == n(name))
        .unwrap()
        .id
        .clone()
}

fn values(zone: &Zone, name: &str, rtype: RecordType) -> Vec<String> {
    zone.get(&n(name), rtype)
        .map(|s| s.value_texts())
        .unwrap_or_default()
}

fn answer(s: &Scenario, name: &str, rtype: RecordType) -> (OutcomeKind, Vec<String>) {
    let r = resolve::trace(&s.world, &Question::new(n(name), rtype), s.clock);
    let data = r
        .outcome
        .answer
        .iter()
        .map(|rec| delegation_lab::dns::dig::rdata_text(&rec.data))
        .collect();
    (r.outcome.kind, data)
}

const CHILD_FILE: &str = "$TTL 3600
$ORIGIN api.example.com.
@       IN SOA ns1.example.net. hostmaster.example.net. 2026112801 7200 900 1209600 300
@       IN NS  ns1.example.net.
@       IN NS  ns2.example.net.
@    300 IN A   192.0.2.10
mail        MX  10 mx.example.net.
$ORIGIN v2.api.example.com.
beta        A   198.51.100.7
";

#[test]
fn a_zone_file_merges_into_the_hosted_zone_as_one_edit() {
    let mut s = article();
    let child = zone_id(&s, "api.example.com");
    let import = import_zone_file(
        &s,
        "api.example.com",
        "api.zone",
        CHILD_FILE,
        ImportMode::Merge,
    )
    .unwrap();
    let ns: Vec<String> = s
        .aws
        .hosted_zone(&child)
        .unwrap()
        .name_servers()
        .iter()
        .map(|n| n.to_string())
        .collect();
    assert_eq!(
        import.summary,
        vec![
            format!(
                "api.zone into api.example.com. ({child}): 3 record sets: 2 new, 0 replaced, 1 unchanged."
            ),
            format!(
                "The file's SOA and NS at api.example.com. were not imported: Route 53 creates a hosted zone's own SOA and NS, and this zone's name servers ({}) stay as Route 53 assigned them.",
                ns.join(", ")
            ),
        ]
    );
    let Edit::Batch { label, edits } = &import.edit else {
        panic!("{:?}", import.edit)
    };
    assert_eq!(label, "import api.zone into api.example.com.");
    let [Edit::ChangeRecordSets { zone_id, changes }] = edits.as_slice() else {
        panic!("{edits:?}")
    };
    assert_eq!(*zone_id, child);
    let changed: Vec<String> = changes
        .iter()
        .map(|c| format!("{:?} {} {}", c.action, c.set.name, c.set.rtype))
        .collect();
    assert_eq!(
        changed,
        [
            "Upsert mail.api.example.com. MX",
            "Upsert beta.v2.api.example.com. A"
        ]
    );
    let before = s.clone();
    import.edit.apply(&mut s).unwrap();
    let zone = s.world.zone(&child).unwrap();
    assert_eq!(
        values(zone, "mail.api.example.com", RecordType::MX),
        vec!["10 mx.example.net."]
    );
    assert_eq!(
        zone.get(&n("beta.v2.api.example.com"), RecordType::A)
            .unwrap()
            .ttl,
        3600
    );
    // The hosted zone keeps its own SOA and NS, and its other records.
    let old = before.world.zone(&child).unwrap();
    assert_eq!(zone.soa(), old.soa());
    assert_eq!(zone.apex_ns(), old.apex_ns());
    assert_eq!(
        values(zone, "www.api.example.com", RecordType::CNAME),
        vec!["api.example.com."]
    );
    assert_eq!(
        answer(&s, "beta.v2.api.example.com", RecordType::A),
        (OutcomeKind::Answer, vec!["198.51.100.7".to_string()])
    );
}

/// A replacing import matches the zone's sets to the file's by name without case, as DNS
/// does: a set the file spells in capitals is unchanged, not deleted and added again. The
/// import hands back the document its edit leaves.
#[test]
fn replace_mode_matches_names_without_case() {
    let s = article();
    let child = zone_id(&s, "api.example.com");
    let zone = s.world.zone(&child).unwrap();
    let origin = zone.origin.clone();
    // Every set but the apex SOA and NS, which an import never touches.
    let sets: Vec<_> = zone
        .iter()
        .filter(|set| set.name != origin || !matches!(set.rtype, RecordType::SOA | RecordType::NS))
        .collect();
    assert!(!sets.is_empty());
    let text: String = sets
        .iter()
        .flat_map(|set| {
            set.value_texts().into_iter().map(|value| {
                format!(
                    "{} {} IN {} {value}\n",
                    set.name.to_string().to_uppercase(),
                    set.ttl,
                    set.rtype
                )
            })
        })
        .collect();
    let import = import_zone_file(&s, &child, "upper.zone", &text, ImportMode::Replace).unwrap();
    assert!(
        import.summary[0].ends_with(&format!(
            "{n} record sets: 0 new, 0 replaced, {n} unchanged, 0 deleted (not in the file).",
            n = sets.len()
        )),
        "{}",
        import.summary[0]
    );
    assert!(import.changes_nothing());
    let mut applied = s.clone();
    import.edit.apply(&mut applied).unwrap();
    assert_eq!(*import.applied, applied);
    assert_eq!(import.after.as_deref(), applied.world.zone(&child));
}

#[test]
fn replace_mode_leaves_only_the_files_records() {
    let mut s = article();
    let child = zone_id(&s, "api.example.com");
    let import = import_zone_file(&s, &child, "api.zone", CHILD_FILE, ImportMode::Replace).unwrap();
    assert_eq!(
        import.summary[0],
        format!(
            "api.zone into api.example.com. ({child}): 3 record sets: 2 new, 0 replaced, 1 unchanged, 2 deleted (not in the file)."
        )
    );
    import.edit.apply(&mut s).unwrap();
    let zone = s.world.zone(&child).unwrap();
    let names: Vec<String> = zone
        .iter()
        .map(|set| format!("{} {}", set.name, set.rtype))
        .collect();
    assert_eq!(
        names,
        [
            "api.example.com. A",
            "api.example.com. NS",
            "api.example.com. SOA",
            "mail.api.example.com. MX",
            "beta.v2.api.example.com. A"
        ]
    );
}

#[test]
fn a_pasted_fragment_needs_no_soa_or_ns() {
    let s = article();
    let import = import_zone_file(
        &s,
        "api.example.com",
        "pasted text",
        "new 60 IN TXT \"hello\"\n",
        ImportMode::Merge,
    )
    .unwrap();
    assert_eq!(import.summary.len(), 2);
    assert_eq!(
        import.summary[1],
        "The text has no SOA or NS at api.example.com.; that is fine for a hosted zone, which keeps its own."
    );
    assert_eq!(import.added, 1);
}

#[test]
fn a_forgotten_final_dot_is_pointed_out() {
    let s = article();
    let parent = zone_id(&s, "example.com");
    let import = import_zone_file(
        &s,
        &parent,
        "example.com.zone",
        "$TTL 300\nshop NS ns-1.awsdns-00.com\nshop NS ns-600.awsdns-11.net.\nwww CNAME web\n",
        ImportMode::Merge,
    )
    .unwrap();
    assert_eq!(
        import.summary[2],
        "ns-1.awsdns-00.com.example.com. (the NS value at shop.example.com.) looks like ns-1.awsdns-00.com. without its final dot: a zone file reads a name without a final dot as relative to the origin; write ns-1.awsdns-00.com. if that is what was meant."
    );
    assert_eq!(import.summary.len(), 3, "{:?}", import.summary);
}

fn zone_error(s: &Scenario, zone: &str, text: &str, mode: ImportMode) -> String {
    import_zone_file(s, zone, "z.zone", text, mode)
        .unwrap_err()
        .to_string()
}

#[test]
fn bad_zone_files_say_where_and_what() {
    let s = article();
    assert_eq!(
        zone_error(
            &s,
            "api.example.com",
            "$TTL 300\n$INCLUDE other.zone\n",
            ImportMode::Merge
        ),
        "z.zone:2:1: $INCLUDE is not supported: a zone is read from this one file only; copy the included records into it"
    );
    assert_eq!(
        zone_error(
            &s,
            "api.example.com",
            "$TTL 300\nx A 192.0.2.300\n",
            ImportMode::Merge
        ),
        "z.zone:2:5: bad A record data \"192.0.2.300\": expected an IPv4 address such as 192.0.2.1"
    );
    assert_eq!(
        zone_error(
            &s,
            "api.example.com",
            "$TTL 300\nwww.example.com. A 192.0.2.1\n",
            ImportMode::Merge
        ),
        "z.zone:2:1: www.example.com. is outside the zone api.example.com.: every name in this file must end in api.example.com. (a name without a trailing dot is relative to the origin, so write \"www\" or \"www.api.example.com.\" with the dot)"
    );
    assert_eq!(
        zone_error(&s, "nope.example.com", "", ImportMode::Merge),
        format!(
            "z.zone: no hosted zone is named nope.example.com.; this scenario has {}",
            s.aws
                .hosted_zones
                .iter()
                .map(|z| format!("{} ({})", z.name, z.id))
                .collect::<Vec<_>>()
                .join(", ")
        )
    );
}

#[test]
fn route53_rules_refuse_the_whole_import() {
    let s = article();
    let before = s.clone();
    // A pasted fragment with a CNAME at the apex: Route 53's refusal, not a line of text
    // the user never wrote.
    assert_eq!(
        zone_error(
            &s,
            "api.example.com",
            "$TTL 300\n@ CNAME example.com.\nok A 192.0.2.9\n",
            ImportMode::Merge
        ),
        "z.zone: nothing was imported: InvalidChangeBatch: [RRSet of type CNAME with DNS name api.example.com. is not permitted at apex in zone api.example.com.]"
    );
    assert_eq!(
        zone_error(
            &s,
            "api.example.com",
            "$TTL 300\n*.lab NS ns1.example.net.\n",
            ImportMode::Merge
        ),
        "z.zone: nothing was imported: InvalidChangeBatch: [RRSet of type NS with DNS name *.lab.api.example.com. is not permitted: NS records cannot have a wildcard name]"
    );
    // An UPSERT of A where a CNAME is: refused as Route 53 refuses it; replacing works.
    let text = "$TTL 300\nwww A 192.0.2.44\n";
    assert_eq!(
        zone_error(&s, "api.example.com", text, ImportMode::Merge),
        "z.zone: nothing was imported: InvalidChangeBatch: [RRSet of type A with DNS name www.api.example.com. is not permitted because a conflicting RRSet of type CNAME with the same DNS name already exists in zone api.example.com.]"
    );
    assert_eq!(s, before);
    let mut s = s;
    import_zone_file(&s, "api.example.com", "z.zone", text, ImportMode::Replace)
        .unwrap()
        .edit
        .apply(&mut s)
        .unwrap();
    assert_eq!(
        answer(&s, "www.api.example.com", RecordType::A),
        (OutcomeKind::Answer, vec!["192.0.2.44".to_string()])
    );
}

#[test]
fn exported_zone_files_import_back_unchanged() {
    for p in presets::PRESETS {
        let s = presets::build(p.id).unwrap();
        let files = export_zone_files(&s);
        assert_eq!(files.len(), s.aws.hosted_zones.len(), "{}", p.id);
        for (hz, (file, text)) in s.aws.hosted_zones.iter().zip(&files) {
            let import = import_zone_file(&s, &hz.id, file, text, ImportMode::Replace)
                .unwrap_or_else(|e| panic!("{}: {e}", p.id));
            assert!(
                import.changes_nothing(),
                "{} {file}: {:?}",
                p.id,
                import.summary
            );
        }
    }
}

const LISTING: &str = r#"{
    "ResourceRecordSets": [
        {"Name": "api.example.com.", "Type": "NS", "TTL": 172800,
         "ResourceRecords": [{"Value": "ns-1.awsdns-00.com."}]},
        {"Name": "api.example.com.", "Type": "SOA", "TTL": 900,
         "ResourceRecords": [{"Value": "ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"}]},
        {"Name": "\\052.api.example.com.", "Type": "A", "TTL": 60,
         "ResourceRecords": [{"Value": "192.0.2.80"}, {"Value": "192.0.2.81"}]},
        {"Name": "cdn.api.example.com.", "Type": "A",
         "AliasTarget": {"HostedZoneId": "Z2FDTNDATAQYW2", "DNSName": "d111111abcdef8.cloudfront.net.", "EvaluateTargetHealth": false}},
        {"Name": "apex-alias.api.example.com.", "Type": "A",
         "AliasTarget": {"HostedZoneId": "Z0000000000000000000A", "DNSName": "api.example.com.", "EvaluateTargetHealth": true}},
        {"Name": "api.example.com.", "Type": "TXT", "TTL": 300,
         "ResourceRecords": [{"Value": "\"v=spf1 -all\""}]},
        {"Name": "api.example.com.", "Type": "MX", "TTL": 300,
         "ResourceRecords": [{"Value": "10 mail.example.com"}]}
    ]
}"#;

#[test]
fn a_route53_listing_imports_with_wildcards_and_aliases() {
    let mut s = article();
    let child = zone_id(&s, "api.example.com");
    let import =
        import_route53_json(&s, &child, "records.json", LISTING, ImportMode::Merge).unwrap();
    let cdn = delegation_lab::scenario::interop::documentation_address(
        &n("d111111abcdef8.cloudfront.net"),
        RecordType::A,
    );
    assert_eq!(
        import.summary[0],
        format!(
            "records.json into api.example.com. ({child}): 5 record sets: 5 new, 0 replaced, 0 unchanged."
        )
    );
    assert!(
        import.summary[1]
            .starts_with("The file's SOA and NS at api.example.com. were not imported: "),
        "{}",
        import.summary[1]
    );
    assert_eq!(
        import.summary[2..],
        [
            format!(
                "cdn.api.example.com. A is an alias to d111111abcdef8.cloudfront.net. (Z2FDTNDATAQYW2): this simulation has no AWS resources behind it, so it answers with {cdn}, a documentation address derived from the target's name."
            ),
            "apex-alias.api.example.com. A is an alias to api.example.com. in the same zone: it answers with that record's addresses, as Route 53 does.".to_string(),
        ]
    );
    import.edit.apply(&mut s).unwrap();
    assert_eq!(
        answer(&s, "anything.api.example.com", RecordType::A),
        (
            OutcomeKind::Answer,
            vec!["192.0.2.80".to_string(), "192.0.2.81".to_string()]
        )
    );
    assert_eq!(
        answer(&s, "cdn.api.example.com", RecordType::A),
        (OutcomeKind::Answer, vec![cdn.to_string()])
    );
    assert_eq!(
        answer(&s, "apex-alias.api.example.com", RecordType::A),
        (OutcomeKind::Answer, vec!["192.0.2.10".to_string()])
    );
    assert_eq!(
        answer(&s, "api.example.com", RecordType::TXT),
        (OutcomeKind::Answer, vec!["\"v=spf1 -all\"".to_string()])
    );
    let zone = s.world.zone(&child).unwrap();
    assert_eq!(
        values(zone, "api.example.com", RecordType::MX),
        vec!["10 mail.example.com."]
    );
}

#[test]
fn a_bare_list_and_a_truncated_page_are_read() {
    let s = article();
    let list = r#"[{"Name": "x.api.example.com", "Type": "a", "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.1"}]}]"#;
    let import =
        import_route53_json(&s, "api.example.com", "l.json", list, ImportMode::Merge).unwrap();
    assert_eq!(import.added, 1);
    let page = r#"{"ResourceRecordSets": [], "IsTruncated": true, "NextRecordName": "z.api.example.com.", "MaxItems": "1"}"#;
    let import =
        import_route53_json(&s, "api.example.com", "p.json", page, ImportMode::Merge).unwrap();
    assert_eq!(
        import.summary[1],
        "The listing says IsTruncated: it is one page only, and the record sets of the next pages were not imported; list again without --max-items (the AWS CLI then fetches every page)."
    );
    assert!(import.changes_nothing());
}

fn json_error(text: &str) -> String {
    import_route53_json(
        &article(),
        "api.example.com",
        "r.json",
        text,
        ImportMode::Merge,
    )
    .unwrap_err()
    .to_string()
}

fn one(set: &str) -> String {
    json_error(&format!("{{\"ResourceRecordSets\": [{set}]}}"))
}

#[test]
fn bad_listings_say_where_and_what() {
    assert_eq!(
        json_error("{\n  \"ResourceRecordSets\": [\n    {\"Name\" \"x\"}\n"),
        "r.json:3:13: this is not JSON: expected `:`"
    );
    assert_eq!(
        json_error("{\"HostedZones\": []}"),
        "r.json: this is not the output of `aws route53 list-resource-record-sets --output json`: it has no \"ResourceRecordSets\" list"
    );
    assert_eq!(
        one(
            r#"{"Name": "x.api.example.com.", "Type": "A", "TTL": "300", "ResourceRecords": [{"Value": "192.0.2.1"}]}"#
        ),
        "r.json: ResourceRecordSets[0].TTL: invalid type: string \"300\", expected u64"
    );
    assert_eq!(
        one(r#"{"Type": "A", "TTL": 300}"#),
        "r.json: ResourceRecordSets[0]: missing field `Name`"
    );
    assert_eq!(
        one(
            r#"{"Name": "x.api.example.com.", "Type": "A", "ResourceRecords": [{"Value": "192.0.2.1"}]}"#
        ),
        "r.json: ResourceRecordSets[0]: x.api.example.com. A has no TTL; a record set that is not an alias needs one, such as \"TTL\": 300"
    );
    assert_eq!(
        one(
            r#"{"Name": "x.api.example.com.", "Type": "A", "TTL": 300, "ResourceRecords": [{"Value": "192.0.2.256"}]}"#
        ),
        "r.json: ResourceRecordSets[0].ResourceRecords: \"192.0.2.256\" is not an IPv4 address; an A record needs four numbers from 0 to 255 separated by dots, such as 192.0.2.10"
    );
    assert_eq!(
        one(
            r#"{"Name": "www.example.com.", "Type": "A", "TTL": 300, "ResourceRecords": [{"Value": "192.0.2.1"}]}"#
        ),
        "r.json: ResourceRecordSets[0].Name: www.example.com. is not in the hosted zone api.example.com.: this listing seems to come from another zone; import it into the hosted zone of that name"
    );
    assert_eq!(
        one(
            r#"{"Name": "x.api.example.com.", "Type": "A", "SetIdentifier": "blue", "Weight": 10, "TTL": 300, "ResourceRecords": [{"Value": "192.0.2.1"}]}"#
        ),
        "r.json: ResourceRecordSets[0].SetIdentifier: x.api.example.com. A has a routing policy (SetIdentifier \"blue\"): the simulation holds one record set per name and type; keep one of them without SetIdentifier, Weight, Region, Failover or GeoLocation"
    );
    assert_eq!(
        one(
            r#"{"Name": "x.api.example.com.", "Type": "CNAME", "AliasTarget": {"HostedZoneId": "Z1", "DNSName": "y.example.com.", "EvaluateTargetHealth": false}}"#
        ),
        "r.json: ResourceRecordSets[0].AliasTarget: x.api.example.com. is an alias of type CNAME: the simulation models aliases of type A and AAAA only; replace it with a CNAME or the records it stands for"
    );
    assert_eq!(
        one(
            r#"{"Name": "x.api.example.com.", "Type": "AXFR2", "TTL": 1, "ResourceRecords": [{"Value": "1"}]}"#
        ),
        "r.json: ResourceRecordSets[0].Type: \"AXFR2\" is not a record type Route 53 knows (A, AAAA, CAA, CNAME, DS, MX, NAPTR, NS, PTR, SOA, SPF, SRV, TXT)"
    );
    assert_eq!(
        one(
            r#"{"Name": "x\\05.api.example.com.", "Type": "A", "TTL": 1, "ResourceRecords": [{"Value": "192.0.2.1"}]}"#
        ),
        "r.json: ResourceRecordSets[0].Name: \"x\\05.api.example.com.\" has a backslash not followed by three octal digits; Route 53 writes special characters as \\ and an octal code, such as \\052 for *"
    );
    let twice = r#"{"Name": "x.api.example.com.", "Type": "A", "TTL": 300, "ResourceRecords": [{"Value": "192.0.2.1"}]}"#;
    assert_eq!(
        one(&format!("{twice}, {twice}")),
        "r.json: ResourceRecordSets[1]: a second record set x.api.example.com. A (the first is ResourceRecordSets[0]); a listing holds one record set of each name and type"
    );
    // The same name in another case is the same set; the same name with another type is not.
    let upper = twice.replace("x.api", "X.API");
    let aaaa = r#"{"Name": "x.api.example.com.", "Type": "AAAA", "TTL": 300, "ResourceRecords": [{"Value": "2001:db8::1"}]}"#;
    assert_eq!(
        one(&format!("{twice}, {aaaa}, {upper}")),
        "r.json: ResourceRecordSets[2]: a second record set x.api.example.com. A (the first is ResourceRecordSets[0]); a listing holds one record set of each name and type"
    );
    assert_eq!(
        one(
            r#"{"Name": "api.example.com.", "Type": "CNAME", "TTL": 300, "ResourceRecords": [{"Value": "example.com"}]}"#
        ),
        "r.json: nothing was imported: InvalidChangeBatch: [RRSet of type CNAME with DNS name api.example.com. is not permitted at apex in zone api.example.com.]"
    );
}

#[test]
fn a_scenario_document_opens_as_itself() {
    for p in ["article", "acm-two-zones"] {
        let s = presets::build(p).unwrap();
        assert_eq!(import_scenario("s.json", &export_json(&s)).unwrap(), s);
    }
    assert_eq!(
        import_scenario("s.json", "{\"title\": \"x\"}")
            .unwrap_err()
            .to_string(),
        "s.json: this is not a Delegation Lab scenario: it has no \"version\" field"
    );
    assert_eq!(
        import_scenario("s.json", "{\"version\": 1, \"title\": 5}")
            .unwrap_err()
            .to_string(),
        "s.json: the scenario is damaged at line 1, column 25: invalid type: integer `5`, expected a string"
    );
}

#[test]
fn a_ds_at_a_delegation_imports_and_is_answered_by_the_parent() {
    let mut s = article();
    let parent = zone_id(&s, "example.com");
    let ds = "2371 13 2 1F987CC6583E92DF0890718C42A4D6D3BC22A3D7F7B3F5F4F2C4D4B5A6B7C8D9";
    let listing = format!(
        r#"[{{"Name": "api.example.com.", "Type": "DS", "TTL": 3600, "ResourceRecords": [{{"Value": "{}"}}]}}]"#,
        ds.to_lowercase()
    );
    let import = import_route53_json(&s, &parent, "ds.json", &listing, ImportMode::Merge).unwrap();
    import.edit.apply(&mut s).unwrap();
    // DS lives on the parent's side of the cut: example.com's servers answer it themselves.
    let expected = "2371 13 2 1F987CC6583E92DF0890718C42A4D6D3BC22A3D7F7B3F5F4F2C4D4B5 A6B7C8D9";
    assert_eq!(
        answer(&s, "api.example.com", RecordType::DS),
        (OutcomeKind::Answer, vec![expected.to_string()])
    );
    assert!(
        one(r#"{"Name": "api.example.com.", "Type": "DS", "TTL": 60, "ResourceRecords": [{"Value": "1 13 2 XYZ"}]}"#)
            .contains("\"XYZ\" is not hex"),
    );
}

#[test]
fn route53_text_values_have_octal_codes_in_and_out() {
    // Route 53 lists `é` in a TXT value as \303\251 (octal); the zone file writes \195\169.
    let mut s = article();
    let child = zone_id(&s, "api.example.com");
    let listing = r#"[{"Name": "t.api.example.com.", "Type": "TXT", "TTL": 60, "ResourceRecords": [{"Value": "\"caf\\303\\251\" \"tab\\011\""}]}]"#;
    let import = import_route53_json(&s, &child, "t.json", listing, ImportMode::Merge).unwrap();
    import.edit.apply(&mut s).unwrap();
    let zone = s.world.zone(&child).unwrap();
    assert_eq!(
        values(zone, "t.api.example.com", RecordType::TXT),
        [r#""caf\195\169" "tab\009""#]
    );
    let set = zone.get(&n("t.api.example.com"), RecordType::TXT).unwrap();
    match &set.values[0] {
        hickory_proto::rr::RData::TXT(txt) => {
            assert_eq!(&*txt.txt_data[0], "café".as_bytes());
            assert_eq!(&*txt.txt_data[1], b"tab\t");
        }
        other => panic!("{other:?}"),
    }
    // The AWS CLI export writes them back as Route 53 reads them.
    let script = delegation_lab::scenario::interop::aws_cli(&s);
    assert!(script.contains(r#"caf\\303\\251"#), "{script}");

    // Digits that cannot be octal are refused at the value.
    let bad = r#"[{"Name": "t.api.example.com.", "Type": "TXT", "TTL": 60, "ResourceRecords": [{"Value": "\"caf\\195\""}]}]"#;
    let err = import_route53_json(&s, &child, "t.json", bad, ImportMode::Merge)
        .unwrap_err()
        .to_string();
    assert!(err.contains("\\195 is not an octal code"), "{err}");
}
