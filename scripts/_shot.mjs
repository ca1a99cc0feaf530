import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";
const dir = process.argv[2] ?? "dist";
const server = spawn(process.execPath, ["scripts/serve.mjs", dir, "8286"], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((ok) => server.stdout.once("data", ok));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
for (const [w, scheme] of [[1440, "light"], [390, "dark"]]) {
  const page = await (await browser.newContext({ viewport: { width: w, height: 900 }, colorScheme: scheme })).newPage();
  await page.goto("http://127.0.0.1:8286/");
  await page.waitForSelector("body[data-app=ready]");
  await page.screenshot({ path: `/tmp/shot-${w}-${scheme}.png`, fullPage: true });
}
await browser.close(); server.kill();
