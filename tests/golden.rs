//! Golden dig text: the article's four commands on every preset, compared with the files in
//! `tests/golden/`. Run with `UPDATE_GOLDEN=1` to write them after a deliberate change, then
//! read the diff.

use std::path::Path;

use delegation_lab::dns::n;
use delegation_lab::dns::resolve::Cache;
use delegation_lab::scenario::dig_command::run_line;
use delegation_lab::scenario::presets::{self, PRESETS};

fn commands(preset: &str) -> Vec<(&'static str, String)> {
    let s = presets::build(preset).unwrap();
    // The article writes `@ns-123.awsdns-45.com`; here, the child zone's first real server.
    let child = s
        .aws
        .hosted_zones
        .iter()
        .rev()
        .find(|z| z.name == n("api.example.com"))
        .unwrap();
    let ns = child.name_servers()[0].to_string();
    vec![
        (
            "ns-via-resolver",
            "dig NS api.example.com @8.8.8.8".to_string(),
        ),
        (
            "child-direct",
            format!(
                "dig A something.api.example.com @{}",
                ns.trim_end_matches('.')
            ),
        ),
        ("trace", "dig +trace api.example.com".to_string()),
        (
            "validation-cname",
            "dig CNAME _abc123.api.example.com".to_string(),
        ),
    ]
}

#[test]
fn the_articles_commands_print_as_recorded() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut mismatches = Vec::new();
    for p in PRESETS {
        let s = presets::build(p.id).unwrap();
        for (slug, line) in commands(p.id) {
            // A refused command prints what the console prints (the article's example
            // names where the scenario has real ones: which to use instead).
            let text = match run_line(&s.world, &mut Cache::new(), s.clock, &line) {
                Ok(run) => format!("$ {line}\n{}", run.text),
                Err(e) => format!("$ {line}\ndig: {e}\n"),
            };
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("tests/golden/{}/{slug}.txt", p.id));
            if update {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &text).unwrap();
                continue;
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
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
