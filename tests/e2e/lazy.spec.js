// End-to-end tests of issue 11 (code splitting, src/ui/lazy.rs): the panels and dialogs
// loaded on demand come from their own modules; a failed fetch says so in the panel's place,
// leaves the rest of the page working, and "Try again" fetches again; the embed of the trace
// fetches no split module.
import { test, expect } from "@playwright/test";

const split = /\/pkg\/(split|chunk)_[^/]*\.wasm$/;

test("the lazy panels come from their own modules, fetched after the first screen", async ({ page }) => {
  const fetched = [];
  page.on("response", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto("./");
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
  await expect(page.locator("#certificates-panel h2")).toBeVisible();
  await expect(page.locator("#accounts-panel h2")).toBeVisible();
  await expect(page.locator("#diagnostics-panel h2")).toBeVisible();
  for (const name of ["record_dialog", "certificates", "accounts", "diagnostics", "import_dialog", "export_dialog", "share_dialog"]) {
    await expect.poll(() => fetched.some((p) => p.endsWith(`/pkg/split_${name}.wasm`))).toBe(true);
  }
  await page.locator("#open-import").click();
  await expect(page.locator("#import-dialog[open]")).toBeVisible();
});

test("a failed fetch says so, the page keeps working, and Try again loads the dialog", async ({ page }) => {
  let fail = true;
  await page.route(/split_export_dialog\.wasm$/, (route) => (fail ? route.abort() : route.continue()));
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto("./");
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
  await page.locator("#open-export").click();
  await expect(page.locator(".lazy-failed")).toContainText("Could not load the export dialog");
  await expect(page.locator("#diagram-heading")).toHaveText("Delegation hierarchy");
  fail = false;
  await page.locator(".lazy-retry").click();
  await expect(page.locator("#export-dialog[open]")).toBeVisible();
  expect(errors).toEqual([]);
});

test("the embed of the trace fetches no split module", async ({ page }) => {
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto("./?embed=1&panel=trace");
  await expect(page.locator("#embed")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(fetched.filter((p) => split.test(p))).toEqual([]);
});
