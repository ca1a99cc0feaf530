// Where an everyday action's time goes at scale: opens the 1,000-zone scenario (as
// scripts/bench-scale.mjs does) in the site built with names, then runs the CPU profiler
// around one select, one added record and one resolution, and prints the functions with the
// most self time for each. SCENARIO=big profiles the 25,000-record zone instead: the import
// (file picked to preview, Import to settled), then the same three actions. Build with names first:
//   PROFILE_NAMES=1 bash scripts/build-web.sh dist-prof && node scripts/profile-scale.mjs dist-prof
import { spawn } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { bigZoneFile, manyZonesScenario } from "./scale-scenarios.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dir = resolve(root, process.argv[2] ?? "dist-prof");
const TOP = Number(process.argv[3] ?? 25);
// PORT=… when another session serves on the default one.
const port = Number(process.env.PORT ?? 8288);
const url = `http://127.0.0.1:${port}/`;

const server = spawn(process.execPath, [resolve(root, "scripts/serve.mjs"), dir, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((ok) => server.stdout.once("data", ok));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

/// Runs `act` under the CPU profiler and prints the top self times.
async function profiled(page, label, act) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  await act();
  const { profile } = await cdp.send("Profiler.stop");
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nameOf = (f) => f.functionName || `(anonymous ${f.url.split("/").pop()}:${f.lineNumber})`;
  const inclusive = new Map();
  // CALLERS_OF=name: which of the app's functions call it, and for how long.
  const callersOf = process.env.CALLERS_OF;
  const callers = new Map();
  const self = new Map();
  const dt = profile.timeDeltas;
  let total = 0;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const name = nameOf(f);
    if (name === "(idle)" || name === "(program)") return;
    const t = (dt[i] ?? 0) / 1000;
    total += t;
    self.set(name, (self.get(name) ?? 0) + t);
    const seen = new Set();
    if (callersOf) {
      let hit = false;
      const chain = [];
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const own = nameOf(byId.get(at).callFrame).replace(/::h[0-9a-f]{16}$/, "");
        if (hit && (process.env.ALL_FRAMES || own.includes("delegation_lab::"))) chain.push(own.replace(/^.*delegation_lab::/, ""));
        if (own.endsWith(callersOf)) hit = true;
        if (chain.length === Number(process.env.DEPTH ?? 3)) break;
      }
      if (hit) callers.set(chain.join(" < "), (callers.get(chain.join(" < ")) ?? 0) + t);
    }
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const own = nameOf(byId.get(at).callFrame).replace(/::h[0-9a-f]{16}$/, "");
      if (own.includes("delegation_lab::") && !seen.has(own)) {
        seen.add(own);
        inclusive.set(own, (inclusive.get(own) ?? 0) + t);
      }
    }
  });
  // The longest stretch without idle (about the longest task), and what it spent its time in
  // (inclusive, every frame).
  let run = null, longest = null;
  profile.samples.forEach((id, i) => {
    const t = (dt[i] ?? 0) / 1000;
    if (nameOf(byId.get(id).callFrame) === "(idle)") {
      if (run && (!longest || run.ms > longest.ms)) longest = run;
      run = null;
      return;
    }
    run ??= { ms: 0, by: new Map() };
    run.ms += t;
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const own = nameOf(byId.get(at).callFrame).replace(/::h[0-9a-f]{16}$/, "").replace(/^.*delegation_lab(_engine)?::/, "");
      if (!seen.has(own)) {
        seen.add(own);
        run.by.set(own, (run.by.get(own) ?? 0) + t);
      }
    }
  });
  if (run && (!longest || run.ms > longest.ms)) longest = run;
  console.log(`\n${label}: ${total.toFixed(0)} ms of samples outside idle`);
  if (longest) {
    console.log(`  longest stretch without idle: ${longest.ms.toFixed(0)} ms; inclusive:`);
    for (const [name, t] of [...longest.by].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.STRETCH_TOP ?? 40))) {
      console.log(`  ${t.toFixed(1).padStart(8)} ms  ${name.slice(0, 150)}`);
    }
  }
  for (const [name, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`  ${t.toFixed(1).padStart(8)} ms  ${name.slice(0, 140)}`);
  }
  if (callersOf) {
    console.log(`  callers of ${callersOf}:`);
    for (const [name, t] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
      console.log(`  ${t.toFixed(1).padStart(8)} ms  ${name.slice(0, 160)}`);
    }
  }
  console.log(`  the app's own functions, with what they call:`);
  for (const [name, t] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`  ${t.toFixed(1).padStart(8)} ms  ${name.slice(0, 140)}`);
  }
  await cdp.detach();
}

const big = process.env.SCENARIO === "big";
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector("body[data-app=ready]");
  if (big) {
    await page.waitForTimeout(1000);
    await page.locator("#open-import").click();
    await profiled(page, "import: file picked to preview", async () => {
      await page.locator("#import-file").setInputFiles({ name: "example.com.zone", mimeType: "text/plain", buffer: Buffer.from(bigZoneFile()) });
      await page.waitForSelector("#import-summary", { timeout: 60_000 });
    });
    await profiled(page, "import: Import to settled", async () => {
      await page.locator("#import-apply").click();
      await page.waitForSelector("#import-dialog", { state: "detached", timeout: 60_000 });
      await page.waitForTimeout(3000);
    });
  } else {
    const many = manyZonesScenario(root);
    await page.evaluate((json) => localStorage.setItem("delegation-lab:doc", json), many.json);
    await page.goto(url);
    await page.waitForSelector("body[data-app=ready]", { timeout: 60_000 });
  }
  await page.waitForTimeout(4000);
  const box = async (origin) => page.evaluate((origin) => {
    for (const g of document.querySelectorAll("g.node[data-zone]")) {
      if (g.querySelector("title")?.textContent.startsWith(`Zone ${origin},`)) return `g.node[data-zone='${g.getAttribute("data-zone")}']`;
    }
    throw new Error(`no box for ${origin}`);
  }, origin);
  await page.locator(await box("com.")).click();
  await page.waitForTimeout(1000);
  const example = await box("example.com.");
  await profiled(page, "select example.com.", async () => {
    await page.locator(example).click();
    await page.waitForTimeout(1500);
  });
  await page.locator("#add-record").click();
  await page.locator("#rec-name").fill("profiled");
  await page.locator("#rec-values").fill("192.0.2.99");
  await profiled(page, "add a record", async () => {
    await page.locator("dialog[open] button[type=submit]").click();
    await page.waitForTimeout(3000);
  });
  await page.locator("#resolve-name").fill(big ? "h12345.example.com" : "www.s500.example.com");
  await profiled(page, "run a resolution", async () => {
    await page.locator("#resolve-run").click();
    await page.waitForTimeout(1500);
  });
} finally {
  await browser.close();
  server.kill();
}
