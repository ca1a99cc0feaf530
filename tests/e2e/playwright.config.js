// Playwright drives Debian's Chromium (/usr/bin/chromium; `npx playwright install` is not
// used) against the built site, served under a sub-path to prove its URLs are relative.
import { defineConfig } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const port = Number(process.env.E2E_PORT ?? 8181);
export const base = "/lab/";

export default defineConfig({
  testDir: here,
  outputDir: resolve(here, "test-results/artifacts"),
  timeout: 30_000,
  expect: { timeout: 5_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: resolve(here, "test-results/results.json") }]],
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    browserName: "chromium",
    headless: true,
    viewport: { width: 1440, height: 900 },
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `node scripts/serve.mjs dist ${port} ${base}`,
    cwd: root,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
