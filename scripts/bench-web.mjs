// Measures the built site (dist/) in headless Chromium, over 10 fresh loads:
// - first render: from navigation start to the first paint of the default scenario's page
//   (the Element Timing API's paint time of the hierarchy panel's heading, which carries
//   `elementtiming="first-screen"`);
// - interactive: to the app being rendered whole, the panels below the fold included (the
//   `app-settled` mark, set in the effect of the render that adds those deferred panels;
//   `app-rendered`, the first render's, came before them and missed a freeze after it);
// - the floor: the first contentful paint of an empty page (one paragraph, no CSS or
//   script) served the same way, in the same browser: what no page can beat here;
// - the total gzip size (level 9) of everything the first load transfers: the first module
//   (delegation_lab_bg.wasm) with the JS, CSS and HTML; the modules loaded on demand
//   (pkg/split_*.wasm, each with its shared pkg/chunk_*.wasm, see src/ui/lazy.rs) are
//   listed apart, since the app fetches them after the first screen;
// - the same first load for the embed `?embed=1&panel=trace` (it fetches no split module);
// - the time to open each panel loaded on demand the first time: from the click (or from the
//   first screen for the panels below it) to the panel shown, in a fresh page, with its
//   module not prefetched (the bench holds the app's prefetch back until then), with when
//   the split modules fetched by then had arrived.
// Prints the figures; targets: first render median <= 150 ms, first load <= 250 KB,
// embed trace <= 220 KB, a panel opened the first time <= 300 ms.
// Usage: node scripts/bench-web.mjs [dir=dist]   (build first: bash scripts/build-web.sh;
// BENCH_PORT=N serves it on N and N+1, default 8282)
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cpus, loadavg, tmpdir } from "node:os";
import { chromium } from "@playwright/test";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dir = resolve(root, process.argv[2] ?? "dist");
const port = Number(process.env.BENCH_PORT ?? 8282);
const url = `http://127.0.0.1:${port}/`;
const LOADS = 10;

const server = spawn(process.execPath, [resolve(root, "scripts/serve.mjs"), dir, String(port)], {
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((ok, fail) => {
  server.stdout.once("data", ok);
  server.once("exit", (code) => fail(new Error(`server exited with ${code}`)));
});

// The empty page of the floor, served by a second server.
const emptyDir = mkdtempSync(join(tmpdir(), "delegation-lab-floor-"));
writeFileSync(join(emptyDir, "index.html"), "<!doctype html><html lang=en><meta charset=utf-8><title>floor</title><p>Delegation Lab</p>");
const floorPort = port + 1;
const floorServer = spawn(process.execPath, [resolve(root, "scripts/serve.mjs"), emptyDir, String(floorPort)], {
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((ok) => floorServer.stdout.once("data", ok));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// Each file of a load once, with its size raw and gzipped. A file the page receives several
// times counts once (the icon sprite comes back once for each document that first names it:
// the page and the app's <use> elements), as a browser's cache makes it one download.
const sized = (responses) => {
  const seen = new Set();
  return responses.filter(Boolean).filter(([path]) => !seen.has(path) && seen.add(path))
    .map(([path, body]) => ({ path, raw: body.length, gzip: gzipSync(body, { level: 9 }).length }));
};

// The panels loaded on demand: name, the button that opens it (none: below the first
// screen, rendered once the first screen is done), what shows it opened.
const PANELS = [
  ["certificates", null, "#certificates-panel:not(.lazy-fallback) h2"],
  ["accounts", null, "#accounts-panel:not(.lazy-fallback) h2"],
  ["diagnostics", null, "#diagnostics-panel:not(.lazy-fallback) h2"],
  ["import", "#open-import", "dialog[open]"],
  ["export", "#open-export", "dialog[open]"],
  ["share", "#open-share", "dialog[open]"],
  ["record form", "#add-record", "dialog[open]"],
];
let embed = [];
const opens = [];
const paints = [];
const floors = [];
const times = [];
const starts = [];
const firsts = [];
let transfer = null;
try {
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const bodies = [];
    page.on("response", (r) => bodies.push(r.body().then((b) => [new URL(r.url()).pathname, b]).catch(() => null)));
    await page.goto(url);
    await page.waitForSelector("body[data-app=ready]");
    await page.waitForFunction(() => performance.getEntriesByName("app-settled").length > 0);
    const [p, t, s, r] = await page.evaluate(async () => [
      await new Promise((done) =>
        new PerformanceObserver((list) => {
          const first = list.getEntries().find((e) => e.identifier === "first-screen");
          if (first) done(first.renderTime || first.loadTime);
        }).observe({ type: "element", buffered: true })),
      performance.getEntriesByName("app-settled")[0].startTime,
      performance.getEntriesByName("app-start")[0].startTime,
      performance.getEntriesByName("app-rendered")[0].startTime,
    ]);
    firsts.push(r);
    paints.push(p);
    times.push(t);
    starts.push(s);
    if (i === 0) {
      await page.waitForLoadState("networkidle");
      transfer = sized(await Promise.all(bodies));
    }
    await context.close();
  }
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${floorPort}/`);
    floors.push(await page.evaluate(() => new Promise((done) =>
      new PerformanceObserver((list) => {
        const fcp = list.getEntries().find((e) => e.name === "first-contentful-paint");
        if (fcp) done(fcp.startTime);
      }).observe({ type: "paint", buffered: true }))));
    await context.close();
  }
  // The embed's first load.
  {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    const bodies = [];
    page.on("response", (r) => bodies.push(r.body().then((b) => [new URL(r.url()).pathname, b]).catch(() => null)));
    await page.goto(`${url}?embed=1&panel=trace`);
    await page.waitForSelector("#embed");
    await page.waitForLoadState("networkidle");
    embed = sized(await Promise.all(bodies));
    await context.close();
  }
  // Each panel opened the first time: the split modules are held back until the bench lets
  // them through (so the app's prefetch cannot load them first), then timed to the panel.
  for (const [name, open, shown] of PANELS) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    let release;
    const gate = new Promise((ok) => { release = ok; });
    await page.route(/\/pkg\/(split|chunk)_[^/]*\.wasm$/, async (route) => { await gate; await route.continue(); });
    await page.goto(url);
    await page.waitForSelector("body[data-app=ready]");
    const start = await page.evaluate(() => performance.now());
    if (open) await page.click(open);
    release();
    await page.waitForSelector(shown, { state: "visible" });
    const [end, fetched] = await page.evaluate(() => [
      performance.now(),
      Math.max(0, ...performance.getEntriesByType("resource")
        .filter((e) => /\/pkg\/(split|chunk)_[^/]*\.wasm$/.test(e.name))
        .map((e) => e.responseEnd)),
    ]);
    opens.push([name, end - start, fetched - start]);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
  floorServer.kill();
}

const load = loadavg().map((l) => l.toFixed(2)).join(" ");
console.log(`machine: ${cpus().length} cores, load average ${load} (other work on the machine slows every figure)`);
const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return (sorted[4] + sorted[5]) / 2;
};
const kb = (n) => (n / 1000).toFixed(1);
const list = (xs) => xs.map((t) => t.toFixed(0)).join(" ");
console.log(`first render (default scenario painted) over ${LOADS} fresh loads (ms): ${list(paints)}`);
console.log(`first render done (app-rendered mark) (ms): ${list(firsts)}`);
console.log(`interactive (every panel rendered, app-settled mark) (ms): ${list(times)}`);
console.log(`wasm ready (app-start mark): median ${median(starts).toFixed(0)} ms`);
console.log(`interactive: median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
console.log(`floor (an empty page's first paint, same server and browser): median ${median(floors).toFixed(0)} ms (${list(floors)})`);
console.log(`first render: median ${median(paints).toFixed(0)} ms, min ${Math.min(...paints).toFixed(0)} ms, max ${Math.max(...paints).toFixed(0)} ms (target <= 150 ms)`);
const lazy = (f) => /\/pkg\/(split|chunk)_[^/]*\.wasm$/.test(f.path);
const line = (f) => `  ${f.path.padEnd(34)} ${kb(f.raw).padStart(7)} KB raw  ${kb(f.gzip).padStart(7)} KB gzip`;
const first = transfer.filter((f) => !lazy(f));
console.log("first load transfers (the first module and the page):");
for (const f of first.sort((a, b) => b.gzip - a.gzip)) console.log(line(f));
const total = first.reduce((s, f) => s + f.gzip, 0);
console.log(`total gzip size of the first load: ${kb(total)} KB in ${first.length} files (target <= 250 KB)`);
const later = transfer.filter(lazy);
console.log("modules loaded on demand (prefetched after the first screen):");
for (const f of later.filter((f) => f.path.includes("/split_")).sort((a, b) => b.gzip - a.gzip)) console.log(line(f));
const chunks = later.filter((f) => f.path.includes("/chunk_"));
console.log(`  ${chunks.length} shared chunks: ${kb(chunks.reduce((s, f) => s + f.raw, 0))} KB raw, ${kb(chunks.reduce((s, f) => s + f.gzip, 0))} KB gzip`);
console.log(`all modules loaded on demand: ${kb(later.reduce((s, f) => s + f.gzip, 0))} KB gzip in ${later.length} files`);
console.log(`embed ?embed=1&panel=trace: ${kb(embed.reduce((s, f) => s + f.gzip, 0))} KB gzip in ${embed.length} files, ${embed.filter(lazy).length} split modules (target <= 220 KB)`);
console.log("opening a panel loaded on demand the first time (module not prefetched), ms:");
console.log("  (then: when the last split module fetched so far had arrived; the rest is compiling, the");
console.log("  other modules loading beside it, and the render)");
for (const [name, ms, fetched] of opens) {
  console.log(`  ${name.padEnd(14)} ${ms.toFixed(0).padStart(5)}   modules arrived at ${fetched.toFixed(0)}${ms > 300 ? "  (target <= 300 ms)" : ""}`);
}
