// Where the first render's time goes: loads the built site in headless Chromium with the
// CPU profiler on, from navigation to the app's `app-rendered` mark, and prints the
// functions with the most self time. Build with names first:
//   PROFILE_NAMES=1 bash scripts/build-web.sh dist-prof && node scripts/profile-web.mjs dist-prof
import { spawn } from "node:child_process";
import { resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dir = resolve(root, process.argv[2] ?? "dist-prof");
const port = 8283;
const server = spawn(process.execPath, [resolve(root, "scripts/serve.mjs"), dir, String(port)], {
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((ok) => server.stdout.once("data", ok));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"],
});
const self = new Map();
let total = 0;
try {
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForSelector("body[data-app=ready]");
    const { profile } = await cdp.send("Profiler.stop");
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = profile.timeDeltas;
    profile.samples.forEach((id, k) => {
      const n = byId.get(id);
      const name = n.callFrame.functionName || `(${n.callFrame.url.split("/").pop() || "program"})`;
      self.set(name, (self.get(name) ?? 0) + (dt[k] ?? 0) / 1000);
      total += (dt[k] ?? 0) / 1000;
    });
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
console.log(`sampled ${(total / 5).toFixed(0)} ms per load; top self time per load:`);
for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
  console.log(`${(ms / 5).toFixed(1).padStart(7)} ms  ${name.slice(0, 140)}`);
}
