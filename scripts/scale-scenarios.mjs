// The two scenarios of the scale issue (14), for scripts/bench-scale.mjs and
// tests/e2e/scale.spec.js: a BIND zone file of 25,000 record sets for example.com., and a
// scenario of 1,000 hosted zones in 10 accounts, each delegated from example.com.
// The many-zones scenario comes from `delegation-lab generate many-zones` when the CLI has
// it, else from the generator below (the article's scenario with 997 zones added); set
// DELEGATION_LAB to the CLI's path (default: target/release, then target/debug).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/// The big zone: 25,000 record sets of the kinds a real zone holds.
export function bigZoneFile(count = 25_000) {
  const lines = ["$ORIGIN example.com.", "$TTL 300"];
  for (let i = 0; i < count; i++) {
    const [a, b, c] = [Math.floor(i / 62500) % 256, Math.floor(i / 250) % 250, i % 250];
    switch (i % 10) {
      case 5: lines.push(`h${i} 3600 IN AAAA 2001:db8::${i.toString(16)}`); break;
      case 6: lines.push(`t${i} IN TXT "v=spf1 include:_spf.example.com ~all" "id ${i}"`); break;
      case 7: lines.push(`c${i} IN CNAME h${i - 7}`); break;
      case 8: lines.push(`m${i} IN MX 10 h${i - 8}`); break;
      case 9: lines.push(`h${i} 60 IN A 10.${a}.${b}.${c}`, `h${i} 60 IN A 10.${a}.${b}.${c + 1}`); break;
      default: lines.push(`h${i} IN A 10.${a}.${b}.${c}`);
    }
  }
  return lines.join("\n") + "\n";
}

function cli(root) {
  for (const p of [process.env.DELEGATION_LAB, join(root, "target/release/delegation-lab"), join(root, "target/debug/delegation-lab")]) {
    if (p && existsSync(p)) return p;
  }
  throw new Error("no delegation-lab binary: cargo build --release -p delegation-lab-cli (or set DELEGATION_LAB)");
}

/// The many-zones scenario JSON: the engine's generator when the CLI has it.
export function manyZonesScenario(root) {
  const bin = cli(root);
  const help = execFileSync(bin, ["--help"], { encoding: "utf8" });
  if (/^\s+generate\b/m.test(help)) {
    const out = join(mkdtempSync(join(tmpdir(), "delegation-lab-scale-")), "many.json");
    execFileSync(bin, ["generate", "many-zones", "--out", out]);
    return { source: "delegation-lab generate many-zones", json: readFileSync(out, "utf8") };
  }
  const doc = JSON.parse(execFileSync(bin, ["export", "json", "--scenario", "article"], { encoding: "utf8", maxBuffer: 1 << 26 }));
  return { source: "the article's scenario with 997 zones added (bench-scale.mjs)", json: JSON.stringify(addZones(doc, 1000, 10)) };
}

/// Adds hosted zones s1.example.com. ... (named as the engine's generator names them) to the article's scenario until it holds
/// `total`, spread over `accounts` accounts, each on the delegation set api.example.com.
/// has (a reusable delegation set, as Route 53 allows), each delegated from example.com.
function addZones(doc, total, accounts) {
  const api = doc.aws.hosted_zones.find((z) => z.name === "api.example.com.");
  const parent = doc.aws.hosted_zones.find((z) => z.name === "example.com.");
  const apiZone = doc.world.zones.find((z) => z.id === api.id);
  const parentZone = doc.world.zones.find((z) => z.id === parent.id);
  const ns = apiZone.records.find((r) => r.type === "NS" && r.name === "api.example.com.").values;
  const soa = apiZone.records.find((r) => r.type === "SOA").values[0];
  const servers = doc.world.servers.filter((s) => s.zones.includes(api.id));
  for (let a = doc.aws.accounts.length; a < accounts; a++) {
    doc.aws.accounts.push({ id: String(300000000000 + a), label: `Team ${a + 1}` });
  }
  const ids = doc.aws.accounts.map((a) => a.id).filter((id) => id !== "999999999999");
  for (let i = 1; doc.aws.hosted_zones.length < total; i++) {
    const name = `s${i}.example.com.`;
    const id = `ZSCALE${String(i).padStart(15, "0")}`;
    doc.aws.hosted_zones.push({ id, account: ids[i % ids.length], name, caller_reference: name, delegation_set: api.delegation_set });
    doc.world.zones.push({
      id,
      origin: name,
      records: [
        { name, type: "NS", ttl: 172800, values: ns },
        { name, type: "SOA", ttl: 900, values: [soa] },
        { name, type: "A", ttl: 300, values: [`10.1.${Math.floor(i / 250) % 250}.${i % 250}`] },
        { name: `www.${name}`, type: "CNAME", ttl: 300, values: [name] },
      ],
    });
    for (const s of servers) s.zones.push(id);
    parentZone.records.push({ name, type: "NS", ttl: 172800, values: ns });
  }
  doc.title = "1,000 hosted zones in 10 accounts";
  return doc;
}
