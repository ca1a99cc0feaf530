// The certificates panel (ACM): the article's certificate validated in the child zone
// (ISSUED, with its timeline and its lookup stepped through), the record in the parent zone
// (72 hours of NXDOMAIN from the child's servers, VALIDATION_TIMED_OUT), a bad request kept
// with its error at the field, the two outcomes side by side, axe, and screenshots.
import { test, expect } from "@playwright/test";
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const screens = resolve(here, "test-results/screens");
mkdirSync(screens, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

async function open(page) {
  await page.goto("./");
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
}

async function loadPreset(page, title) {
  await page.getByLabel("Preset scenario").selectOption({ label: title });
  await page.getByRole("button", { name: `Load the preset: ${title}` }).click();
  await expect(page.locator("#undo")).toHaveAttribute("aria-label", /Undo load preset/);
}

async function axe(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () =>
    (await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } })).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    ),
  );
}

/** Screenshots of the panel, light and dark, with the page as tall as its content (so the
 *  sticky header does not cover the panel), then the viewport back as it was. */
async function shoot(page, name) {
  const panel = page.locator("#certificates-panel");
  const size = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height });
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    await panel.screenshot({ path: `${screens}/${name}-${scheme}.png` });
    // The CAA search, when open, on its own.
    if (await panel.locator(".acm-caa").count()) {
      await panel.locator(".cert-caa").screenshot({ path: `${screens}/${name}-${scheme}-cert-caa.png` });
    }
  }
  if (size.width <= 400) {
    // Narrow: the parts one by one, readable at full size.
    for (const part of ["cert-head", "cert-records", "acm-lookup", "cert-timeline"]) {
      const el = panel.locator(`.${part}`).first();
      if (await el.count()) await el.screenshot({ path: `${screens}/${name}-dark-${part}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize(size);
}

const cert = (page) => page.locator("#certificates-panel .cert-card").first();
const status = (page) => cert(page).locator(".cert-head .status-badge");

test("the record in the child zone: validate now, ISSUED, the timeline and ACM's lookup", async ({ page }) => {
  await open(page);
  await loadPreset(page, "ACM: certificate validated in the child zone (issued)");
  await expect(status(page)).toHaveText("PENDING_VALIDATION");
  await expect(cert(page).locator(".acm-plan")).toContainText("In place: zone api.example.com holds this record.");
  await cert(page).getByRole("button", { name: "Validate now" }).click();
  await expect(status(page)).toHaveText("ISSUED");
  await expect(page.locator("#undo")).toHaveAttribute("aria-label", /run ACM's validation checks/);
  const timeline = cert(page).locator(".acm-timeline");
  await expect(timeline.locator(".result-badge")).toHaveText(["FOUND", "CAA_PERMITS"]);
  await expect(timeline.locator(".tl-status .status-badge")).toHaveText(["PENDING_VALIDATION", "ISSUED"]);
  await expect(cert(page).getByRole("button", { name: "Validate now" })).toBeDisabled();

  await cert(page).getByRole("button", { name: "Step through ACM's lookup" }).click();
  const steps = cert(page).locator(".acm-lookup .steps .step");
  const n = await steps.count();
  expect(n).toBeGreaterThan(2);
  await expect(cert(page).locator(".acm-step-count")).toHaveText(`Step 1 of ${n}`);
  await expect(steps.first().locator(".badge")).toHaveText("REFERRAL");
  await expect(page.locator(".node.asked")).not.toHaveCount(0);
  await cert(page).getByRole("button", { name: "Last" }).click();
  await expect(cert(page).locator(".acm-step-count")).toHaveText(`Step ${n} of ${n}`);
  await expect(steps.last().locator(".badge")).toHaveText("ANSWER");
  await expect(cert(page).locator(".acm-lookup .dig-text")).toContainText("acm-validations.aws.");
  const asked = await page.locator(".node.asked").getAttribute("data-zone");
  expect(asked).toBeTruthy();
  // Closing the lookup takes its zones off the diagram; opening it again starts at step 1.
  await cert(page).getByRole("button", { name: "Hide ACM's lookup" }).click();
  await expect(page.locator(".node.asked")).toHaveCount(0);
  await cert(page).getByRole("button", { name: "Step through ACM's lookup" }).click();
  await expect(cert(page).locator(".acm-step-count")).toHaveText(`Step 1 of ${n}`);
  await expect(page.locator(".node.asked")).not.toHaveCount(0);
  await cert(page).getByRole("button", { name: "Last" }).click();

  expect(await axe(page)).toEqual([]);
  await shoot(page, "acm-issued-1440");
  await page.setViewportSize({ width: 360, height: 800 });
  await shoot(page, "acm-issued-360");
});

test("the record in the parent zone: NXDOMAIN from the child's servers, timed out at 72 h", async ({ page }) => {
  await open(page);
  await loadPreset(page, "ACM: validation record in the parent zone (times out)");
  await expect(status(page)).toHaveText("PENDING_VALIDATION");
  await page.getByRole("button", { name: "+72 h (advance the clock 72 hours)" }).click();
  await expect(status(page)).toHaveText("VALIDATION_TIMED_OUT");
  const timeline = cert(page).locator(".acm-timeline");
  await expect(timeline.locator(".tl-since")).toHaveText(["+0h00m", "+0h00m", "+72h00m"]);
  await expect(timeline.locator(".tl-repeat")).toContainText("and 153 more checks until");
  await expect(timeline.locator(".tl-check .badge")).toHaveText("NXDOMAIN");
  await expect(timeline.locator(".tl-check .tl-why")).toContainText("a copy of the record is in zone example.com.");

  await cert(page).getByRole("button", { name: "Step through ACM's lookup" }).click();
  const lookup = cert(page).locator(".acm-lookup");
  await lookup.locator(".stepping").focus();
  await page.keyboard.press("End");
  const last = lookup.locator(".steps .step").last();
  await expect(last.locator(".badge")).toHaveText("NXDOMAIN");
  await expect(last.locator(".step-who")).toContainText("awsdns");
  await expect(lookup.locator(".step-meta")).toContainText("because it serves api.example.com");
  await expect(lookup.locator(".dig-text")).toContainText("status: NXDOMAIN");

  // The record belongs in the child zone: the link selects it.
  await cert(page).getByRole("link", { name: "Go to zone api.example.com (account 222222222222)" }).click();
  await expect(page.locator("#zone-heading")).toHaveText("api.example.com.");
  await expect(page.locator("#zone-panel")).toBeFocused();

  // The same lookup in the Resolve panel.
  await lookup.getByRole("button", { name: "Open in the Resolve panel" }).click();
  await expect(page.locator("#resolve-panel")).toBeVisible();

  expect(await axe(page)).toEqual([]);
  await shoot(page, "acm-in-parent-1440");
  await page.setViewportSize({ width: 360, height: 800 });
  await shoot(page, "acm-in-parent-360");
});

test("a bad request keeps what was typed and says what is wrong at the field", async ({ page }) => {
  await open(page);
  await page.fill("#acm-domain", "api.*.example.com");
  await page.fill("#acm-sans", "api.example.com");
  await page.click("#acm-request-submit");
  await expect(page.locator("#acm-domain-error")).toHaveText(
    "\"api.*.example.com\": the * is not the leftmost label; a wildcard may only be the whole leftmost label, as in *.api.example.com.",
  );
  await expect(page.locator("#acm-domain")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#acm-domain")).toBeFocused();
  await expect(page.locator("#acm-domain")).toHaveValue("api.*.example.com");
  await expect(page.locator("#acm-sans")).toHaveValue("api.example.com");
  await expect(page.locator("#certificates-panel .cert-card")).toHaveCount(0);
  expect(await axe(page)).toEqual([]);
  await page.locator(".acm-request").screenshot({ path: `${screens}/acm-request-error.png` });

  // Fixed, it becomes a pending certificate whose record the console can create.
  await page.fill("#acm-domain", "*.api.example.com");
  await expect(page.locator("#acm-domain-error")).toHaveCount(0);
  await page.click("#acm-request-submit");
  await expect(status(page)).toHaveText("PENDING_VALIDATION");
  await expect(page.locator("#acm-domain")).toHaveValue("");
  await expect(cert(page).locator(".cert-names .chip")).toHaveText(["*.api.example.com", "api.example.com"]);
  await expect(cert(page).locator(".acm-record")).toHaveCount(1);
  await cert(page).getByRole("button", { name: "Create records in Route 53" }).click();
  await expect(cert(page).locator(".acm-plan")).toContainText("In place: zone api.example.com");
  await page.getByRole("button", { name: "+5 min (advance the clock 5 minutes)" }).click();
  await expect(status(page)).toHaveText("ISSUED");
});

test("the article's two outcomes side by side, without touching the document", async ({ page }) => {
  await open(page);
  const revision = await page.locator(".app").getAttribute("data-revision");
  await page.click("#acm-compare-toggle");
  await expect(page.locator("#acm-compare-toggle")).toHaveAttribute("aria-expanded", "true");
  const child = page.locator('.acm-outcome[data-preset="acm-issued"]');
  const parent = page.locator('.acm-outcome[data-preset="acm-in-parent"]');
  await expect(child.locator(".status-badge")).toHaveText("ISSUED");
  await expect(child).toContainText("+0h00m");
  await expect(parent.locator(".status-badge")).toHaveText("VALIDATION_TIMED_OUT");
  await expect(parent).toContainText("+72h00m");
  await expect(parent.locator(".badge")).toHaveText("NXDOMAIN");
  await expect(parent.locator(".acm-outcome-reason")).toContainText("zone api.example.com.");
  await expect(page.locator(".app")).toHaveAttribute("data-revision", revision);
  await expect(page.locator("#certificates-panel .cert-card")).toHaveCount(0);
  expect(await axe(page)).toEqual([]);
  const compare = page.locator(".acm-compare");
  for (const width of [1440, 360]) {
    await page.setViewportSize({ width, height: 900 });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width, height });
    for (const scheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme: scheme });
      await compare.screenshot({ path: `${screens}/acm-compare-${width}-${scheme}.png` });
    }
  }
});

test("one certificate, names in two delegated zones: each record has its own lookup", async ({ page }) => {
  await open(page);
  await loadPreset(page, "ACM: one certificate, names in two delegated zones (issued)");
  await expect(cert(page).locator(".cert-names .chip")).toHaveText(["*.api.example.com", "api.example.com", "shop.example.com"]);
  const records = cert(page).locator(".acm-record");
  await expect(records).toHaveCount(2);
  await expect(records.first().locator(".acm-record-for")).toHaveText("For *.api.example.com, api.example.com");
  await page.getByRole("button", { name: "+5 min (advance the clock 5 minutes)" }).click();
  await expect(status(page)).toHaveText("ISSUED");
  await records.nth(1).getByRole("button", { name: "Step through ACM's lookup" }).click();
  await expect(records.first().locator(".acm-lookup")).toHaveCount(0);
  const lookup = records.nth(1).locator(".acm-lookup");
  await lookup.getByRole("button", { name: "Last" }).click();
  await expect(lookup.locator(".steps .step").last().locator(".badge")).toHaveText("ANSWER");
  await expect(lookup.locator(".step-meta")).toContainText("because it serves shop.example.com");
  expect(await axe(page)).toEqual([]);
});

test("CAA at example.com allows another CA only: FAILED (CAA_ERROR), and undo brings it back", async ({ page }) => {
  await open(page);
  await loadPreset(page, "ACM: CAA at example.com allows another CA only (fails)");
  await cert(page).getByRole("button", { name: "Validate now" }).click();
  await expect(status(page)).toHaveText("FAILED (CAA_ERROR)");
  const timeline = cert(page).locator(".acm-timeline");
  await expect(timeline.locator(".result-badge")).toHaveText(["FOUND", "CAA_FORBIDS"]);
  await expect(timeline.locator(".tl-status").last()).toContainText("A failed request is final");
  await shoot(page, "acm-caa-1440");
  await page.locator("#undo").click();
  await expect(status(page)).toHaveText("PENDING_VALIDATION");
});

test("the CAA search: the names climbed, the relevant set at example.com, each lookup stepped and replayed", async ({ page }) => {
  await open(page);
  await loadPreset(page, "ACM: CAA at example.com allows another CA only (fails)");
  await expect(cert(page).locator(".cert-caa")).toHaveCount(0);
  await cert(page).getByRole("button", { name: "Validate now" }).click();
  await expect(status(page)).toHaveText("FAILED (CAA_ERROR)");
  const checks = cert(page).locator(".acm-caa-check");
  await expect(checks).toHaveCount(1);
  await expect(checks.locator(".acm-caa-for")).toHaveText("*.api.example.com CAA_FORBIDS");
  const toggle = checks.locator(".acm-caa-toggle");
  await checks.getByRole("button", { name: "Step through the CAA search for *.api.example.com" }).click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(toggle).toHaveText("Hide the CAA search for *.api.example.com");

  const search = cert(page).locator(".acm-caa");
  await expect(search.locator(".acm-lookup-head")).toContainText("ACM's CAA check of *.api.example.com at");
  await expect(search.locator(".caa-stale")).toHaveCount(0);
  const stops = search.locator(".caa-stop");
  await expect(stops.locator(".caa-stop-name")).toHaveText(["api.example.com.", "example.com."]);
  await expect(stops.locator(".badge")).toHaveText(["NODATA", "NOERROR"]);
  await expect(stops.nth(0).locator(".caa-finding")).toHaveText("the name exists but has no CAA records; ACM asks the parent next");
  await expect(stops.nth(1).locator(".caa-finding")).toHaveText("1 CAA record: the relevant set");
  await expect(stops.nth(1)).toHaveClass(/caa-relevant/);
  await expect(search.locator(".caa-relevant-why")).toHaveText(
    "The relevant CAA set is at example.com.: the first name with CAA records climbing from api.example.com. (the name under the * of *.api.example.com) to its parents (RFC 8659 §3).",
  );
  await expect(search.locator(".caa-relevant-set")).toHaveText(/^example\.com\.\s+300\s+IN\s+CAA\s+0 issue "letsencrypt\.org"$/);
  await expect(search.locator(".caa-decision .result-badge")).toHaveText("Amazon may not issue (CAA_ERROR)");
  await expect(search.locator(".caa-reason")).toHaveText(
    "the relevant CAA set is at example.com.: 0 issue \"letsencrypt.org\"; issue lets only letsencrypt.org issue (there is no issuewild, so issue governs wildcard names too); Amazon would need issue \"amazon.com\" (or amazontrust.com, awstrust.com, amazonaws.com)",
  );

  // The first name's lookup is open; step to example.com's and to its last step.
  await expect(stops.nth(0).getByRole("button")).toHaveAttribute("aria-pressed", "true");
  await expect(search.locator(".caa-lookup-head")).toHaveText("The lookup of api.example.com. CAA, from the root:");
  await stops.nth(1).getByRole("button").click();
  await expect(stops.nth(1).getByRole("button")).toHaveAttribute("aria-pressed", "true");
  await expect(search.locator(".caa-lookup-head")).toHaveText("The lookup of example.com. CAA, from the root:");
  const steps = search.locator(".steps .step");
  const n = await steps.count();
  expect(n).toBeGreaterThan(1);
  await expect(search.locator(".caa-step-count")).toHaveText(`Step 1 of ${n}`);
  await expect(steps.first().locator(".badge")).toHaveText("REFERRAL");
  await search.locator(".caa-stepping").focus();
  await page.keyboard.press("End");
  await expect(search.locator(".caa-step-count")).toHaveText(`Step ${n} of ${n}`);
  await expect(steps.last().locator(".badge")).toHaveText("ANSWER");
  await expect(search.locator(".step-meta")).toHaveText("Asked example.com CAA because it serves example.com");
  await expect(search.locator(".step-detail .dig-text")).toContainText('issue "letsencrypt.org"');
  await expect(page.locator(".node.asked")).toHaveCount(1);
  await expect(page.locator(".node.asked .node-title")).toHaveText("example.com.");
  await expect(search.locator(".acm-query")).toHaveText("dig +trace example.com CAA");

  expect(await axe(page)).toEqual([]);
  await shoot(page, "acm-caa-search-1440");
  await page.setViewportSize({ width: 360, height: 800 });
  await shoot(page, "acm-caa-search-360");
  await page.setViewportSize({ width: 1440, height: 900 });

  // The same lookup in the Resolve panel.
  await search.getByRole("button", { name: "Open in the Resolve panel" }).click();
  await expect(page.locator("#resolve-name")).toHaveValue("example.com");
  await expect(page.locator("#resolve-type")).toHaveValue("CAA");
  await expect(page.locator("#resolve-outcome")).toContainText("letsencrypt.org");

  // The zones change under the recorded check: the replay says it no longer matches.
  await page.locator(".node", { has: page.locator(".node-title", { hasText: /^example\.com\.$/ }) }).click();
  await expect(page.locator("#zone-heading")).toHaveText("example.com.");
  await page.getByRole("button", { name: "Delete CAA record set example.com." }).click();
  await expect(search.locator(".caa-stale")).toContainText("The zones have changed since this check");
  await expect(search.locator(".acm-lookup-head strong")).toHaveText("CAA_FORBIDS");
  await expect(search.locator(".caa-stop-name")).toHaveText(["api.example.com.", "example.com.", "com."]);
  await expect(search.locator(".caa-decision .result-badge")).toHaveText("Amazon may issue");
  await expect(search.locator(".caa-decision")).toHaveClass(/result-ok/);
  await shoot(page, "acm-caa-search-stale");
  await page.locator("#undo").click();
  await expect(search.locator(".caa-stale")).toHaveCount(0);

  // Opening the validation lookup closes the CAA search, and the other way round.
  await cert(page).getByRole("button", { name: "Step through ACM's lookup" }).click();
  await expect(search).toHaveCount(0);
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
});

test("without CAA the search climbs to the top-level domain and any CA may issue", async ({ page }) => {
  await open(page);
  await loadPreset(page, "ACM: certificate validated in the child zone (issued)");
  await cert(page).getByRole("button", { name: "Validate now" }).click();
  await expect(status(page)).toHaveText("ISSUED");
  await cert(page).getByRole("button", { name: "Step through the CAA search for *.api.example.com" }).click();
  const search = cert(page).locator(".acm-caa");
  await expect(search.locator(".caa-stop-name")).toHaveText(["api.example.com.", "example.com.", "com."]);
  await expect(search.locator(".caa-stop .badge")).toHaveText(["NODATA", "NODATA", "NODATA"]);
  await expect(search.locator(".caa-relevant-set")).toHaveCount(0);
  await expect(search.locator(".caa-decision .result-badge")).toHaveText("Amazon may issue");
  await expect(search.locator(".caa-reason")).toHaveText("no CAA records at api.example.com., example.com., com.: any CA may issue");
  await search.locator(".caa-stop").nth(2).getByRole("button").click();
  await search.getByRole("button", { name: "Last" }).click();
  await expect(search.locator(".steps .step").last().locator(".badge")).toHaveText("NODATA");
  await expect(search.locator(".step-meta")).toHaveText("Asked com CAA because it serves com");
  await expect(search.locator(".acm-query")).toHaveText("dig +trace com CAA");
  await shoot(page, "acm-caa-none-1440");
  expect(await axe(page)).toEqual([]);
});
