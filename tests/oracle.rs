//! Differential tests against real servers: every folder under `tests/fixtures/oracle/` holds
//! a zone folder, a list of queries and the answers real BIND 9.18 (direct queries) and
//! Unbound 1.17 (recursive queries) gave for them, recorded with the oracle. The simulator
//! must give the same rcode, AA bit and sections, record for record.

use std::path::{Path, PathBuf};

use delegation_lab::dns::dig;
use delegation_lab::dns::resolve::{self, Cache};
use delegation_lab::dns::rtype::parse_type_mnemonic;
use delegation_lab::dns::{Question, World, n};
use delegation_lab::scenario::zone_folder::load_folder_path;
use serde_json::{Value, json};

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/oracle");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("topology.json").exists())
        .collect();
    dirs.sort();
    dirs
}

/// The simulator's answer to one oracle query line, in the oracle's JSON form.
fn answer(world: &World, line: &str, rd: bool) -> Value {
    let mut words = line.split_whitespace();
    let rtype = parse_type_mnemonic(words.next().unwrap()).unwrap();
    let name = n(words.next().unwrap());
    let question = Question::new(name, rtype);
    match words.next() {
        Some(server) => {
            let Some(server) = world.find_server(server) else {
                return json!({"q": line, "rcode": "NO_SERVER", "aa": false, "answer": [], "authority": [], "additional": []});
            };
            let r = resolve::direct(world, server, &question, rd);
            let message = r.outcome.message.as_ref().unwrap();
            let mut v = dig::to_json(message);
            v["q"] = json!(line);
            if rd {
                v["rd"] = json!(message.metadata.recursion_desired);
                v["ra"] = json!(message.metadata.recursion_available);
            }
            v
        }
        None => {
            let r = resolve::recursive(world, &mut Cache::new(), &question, 0);
            let mut v = dig::to_json(r.outcome.message.as_ref().unwrap());
            let obj = v.as_object_mut().unwrap();
            obj.remove("aa");
            obj.remove("additional");
            obj.insert("q".into(), json!(line));
            v
        }
    }
}

fn check(dir: &Path, queries: &str, expected: &str, rd: bool) -> Vec<String> {
    let world = load_folder_path(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let queries = std::fs::read_to_string(dir.join(queries)).unwrap();
    let expected = std::fs::read_to_string(dir.join(expected)).unwrap();
    let lines: Vec<&str> = queries
        .lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter(|l| !l.is_empty())
        .collect();
    let wanted: Vec<Value> = expected
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines.len(),
        wanted.len(),
        "{}: one expected line per query",
        dir.display()
    );
    let mut diffs = Vec::new();
    for (line, want) in lines.iter().zip(wanted) {
        let got = answer(&world, line, rd);
        if got != want {
            diffs.push(format!(
                "{} [{line}]\n   real: {want}\n   ours: {got}",
                dir.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    diffs
}

#[test]
fn the_simulator_answers_as_bind_and_unbound_did() {
    let mut diffs = Vec::new();
    let mut count = 0;
    for dir in fixtures() {
        diffs.extend(check(&dir, "queries.txt", "expected.jsonl", false));
        if dir.join("rd1-queries.txt").exists() {
            diffs.extend(check(&dir, "rd1-queries.txt", "rd1-expected.jsonl", true));
        }
        count += 1;
    }
    assert!(count >= 13, "all recorded scenarios are checked ({count})");
    assert!(
        diffs.is_empty(),
        "{} answers differ from the real servers:\n{}",
        diffs.len(),
        diffs.join("\n")
    );
}
