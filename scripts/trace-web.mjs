// The main thread's timeline of one fresh load of the built site, from just before the app
// starts (`app-start` mark) to its first render (`app-rendered`): each task over 1.5 ms with
// its offset and duration (script, wasm compilation, style, layout, paint, timers).
// Usage: node scripts/trace-web.mjs [dir=dist]   (build first: bash scripts/build-web.sh)
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";

const dir = process.argv[2] ?? "dist";
const port = 8285;
const out = join(tmpdir(), "delegation-lab-trace.json");
const server = spawn(process.execPath, ["scripts/serve.mjs", dir, String(port)], {
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((ok) => server.stdout.once("data", ok));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
try {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await browser.startTracing(page, {
    path: out,
    categories: ["devtools.timeline", "v8", "v8.wasm", "blink.user_timing"],
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector("body[data-app=ready]");
  await browser.stopTracing();
} finally {
  await browser.close();
  server.kill();
}
const events = JSON.parse(readFileSync(out)).traceEvents;
const start = events.find((e) => e.name === "app-start");
const end = events.find((e) => e.name === "app-rendered");
console.log(`app-start to app-rendered: ${((end.ts - start.ts) / 1000).toFixed(1)} ms`);
console.log("offset ms  took ms  event (main thread)");
for (const e of events) {
  if (e.tid === start.tid && e.ph === "X" && e.dur > 1500 && e.ts >= start.ts - Number(process.env.BEFORE_MS ?? 30) * 1000 && e.ts <= end.ts) {
    console.log(`${((e.ts - start.ts) / 1000).toFixed(1).padStart(9)} ${(e.dur / 1000).toFixed(1).padStart(8)}  ${e.name}`);
  }
}
