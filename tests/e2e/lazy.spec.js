// End-to-end tests of issue 11 (code splitting, src/ui/lazy.rs): the panels and dialogs
// loaded on demand come from their own modules; a failed fetch says so in the panel's place,
// leaves the rest of the page working, and "Try again" fetches again; the embed of the trace
// fetches no split module. The walkthrough's break-it steps are judged by the diagnosis,
// loaded on demand too: a failed fetch says so in the checklist, and "Try again" ticks them.
// A share link's inflate code is fetched only when a page is opened with a link; a failed
// fetch says so (the full app's banner, the embed) and "Try again" opens the link.
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
  for (const name of ["record_dialog", "certificates", "accounts", "diagnostics", "import_dialog", "export_dialog", "share_dialog", "walk_breakages"]) {
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

test("the walkthrough's diagnosis: a failed fetch says so in the checklist, Try again ticks the step", async ({ page }) => {
  let fail = true;
  await page.route(/split_walk_breakages\.wasm$/, (route) => (fail ? route.abort() : route.continue()));
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  // The checklist open, the delegation built: the break-it steps await the diagnosis.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem("lazy-spec-seeded")) {
      sessionStorage.setItem("lazy-spec-seeded", "1");
      localStorage.setItem("delegation-lab:walkthrough", JSON.stringify({ done: ["child-zone", "delegate"], open: true, offered: true }));
    }
  });
  await page.goto("./");
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
  await page.locator("#preset-select").selectOption({ label: "Parent NS copied from the wrong zone" });
  await page.locator("#load-preset").click();
  const failed = page.locator(".walk-diagnosis-failed");
  await expect(failed).toContainText("Could not load the diagnosis that ticks the break-it steps");
  await expect(page.locator("#walk-wrong-ns")).toHaveAttribute("data-done", "false");
  await expect(page.locator("#diagram-heading")).toHaveText("Delegation hierarchy");
  fail = false;
  await failed.locator(".lazy-retry").click();
  await expect(page.locator("#walk-wrong-ns")).toHaveAttribute("data-done", "true");
  await expect(failed).toHaveCount(0);
  await expect(page.locator("#walk-recreated")).toHaveAttribute("data-done", "false");
  expect(errors).toEqual([]);
});

/// A share link made by the app's own share dialog.
async function shareLink(page) {
  await page.goto("./");
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
  await page.locator("#open-share").click();
  const link = await page.locator("#share-link").inputValue();
  expect(link).toContain("#s1.");
  return link.slice(link.indexOf("#"));
}

test("a share link's inflate code: fetched only for a link; a failed fetch says so, Try again opens it", async ({ page, baseURL }) => {
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  const fragment = await shareLink(page);
  await expect.poll(() => fetched.some((p) => p.endsWith("/pkg/split_walk_breakages.wasm"))).toBe(true);
  expect(fetched.filter((p) => p.endsWith("/pkg/split_inflate.wasm"))).toEqual([]);

  let fail = true;
  await page.route(/split_inflate\.wasm$/, (route) => (fail ? route.abort() : route.continue()));
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto("about:blank");
  await page.goto(new URL("./" + fragment, baseURL).href);
  await expect(page.locator("#shared-error")).toContainText("did not load");
  await expect(page.locator("#diagram-heading")).toHaveText("Delegation hierarchy");
  fail = false;
  await page.locator("#shared-retry").click();
  await expect(page.locator("#shared-banner")).toContainText("This link holds a scenario");
  await page.locator("#shared-open").click();
  await expect(page.locator("#shared-banner")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("an embed with a link: a failed fetch of the inflate code says so, Try again opens the scenario", async ({ page, baseURL }) => {
  const fragment = await shareLink(page);
  let fail = true;
  await page.route(/split_inflate\.wasm$/, (route) => (fail ? route.abort() : route.continue()));
  await page.goto("about:blank");
  await page.goto(new URL("./?embed=1&panel=trace" + fragment, baseURL).href);
  await expect(page.locator("#embed [role=alert]")).toContainText("the code that unpacks it did not load");
  fail = false;
  await page.locator("#embed .lazy-retry").click();
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
  await expect(page.locator(".embed-open")).toHaveAttribute("href", /#s1\./);
  await expect(page.locator("#embed [role=alert]")).toHaveCount(0);
});
