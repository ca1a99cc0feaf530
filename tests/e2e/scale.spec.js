// End-to-end tests of issue 14 (scale): the scenario of 1,000 hosted zones in 10 accounts
// opened as the saved scenario, an edit that shows within a second (a generous bound: the
// figures are scripts/bench-scale.mjs's), the diagram folded, opened and zoomed, and a
// zone of 25,000 record sets whose table keeps a few dozen rows in the DOM and filters.
// Screenshots at 1440 and 360 px wide go to test-results/screens/.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bigZoneFile, manyZonesScenario } from "../../scripts/scale-scenarios.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const screens = resolve(here, "test-results/screens");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

async function axeViolations(page, include) {
  await page.evaluate(axeSource);
  return page.evaluate(async (include) => {
    const result = await window.axe.run(include ? { include: [include] } : document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ") + " :: " + n.failureSummary) }));
  }, include);
}

/** Opens the app with `json` as the scenario this browser saved. */
async function openSaved(page, json) {
  await page.goto("./");
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
  await page.evaluate((json) => localStorage.setItem("delegation-lab:doc", json), json);
  await page.reload();
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
}

test.describe.configure({ timeout: 120_000 });

test("1,000 hosted zones: folded in the diagram, and an edit shows within a second", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await openSaved(page, manyZonesScenario(root).json);
  await expect(page.locator("#zone-heading")).toHaveText("example.com.", { timeout: 30_000 });

  // Each account's zones under example.com. are one "+N zones" box: a few dozen boxes.
  const folds = page.locator("svg.diagram-svg g.node.fold");
  expect(await folds.count()).toBeGreaterThanOrEqual(9);
  expect(await page.locator("svg.diagram-svg g.node").count()).toBeLessThan(60);
  await expect(folds.first().locator("title")).toContainText("more zones under example.com.");

  // An edit: the new record set is in the table within a second of Create.
  await page.locator("#add-record").click();
  await page.locator("#rec-name").fill("a-edit-check");
  await page.locator("#rec-values").fill("192.0.2.7");
  await page.locator("dialog[open] button[type=submit]").click();
  await expect(page.locator("tr[data-name='a-edit-check.example.com.']")).toBeVisible({ timeout: 1_000 });

  // A fold opens on click and shows its zones; the box that replaces it folds them again.
  const first = folds.first();
  const count = Number((await first.locator(".node-title").textContent()).replace(/\D/g, ""));
  await first.click();
  await expect(page.locator("svg.diagram-svg g.node.fold.open")).toHaveCount(1);
  expect(await page.locator("svg.diagram-svg g.node.hosted").count()).toBeGreaterThan(count);

  // Zoom: the buttons set the size; Fit returns to the panel's width.
  const svg = page.locator("svg.diagram-svg");
  await page.locator("#zoom-fit").click();
  await expect(page.locator("#zoom-level")).toHaveText(/Fit|70%/);
  const before = Number(await svg.getAttribute("width"));
  await page.locator("#zoom-in").click();
  await expect(page.locator("#zoom-level")).toHaveText(/^\d+%$/);
  await page.locator(".diagram-scroll").focus();
  await page.keyboard.press("-");
  await page.keyboard.press("-");
  const zoomed = Number(await svg.getAttribute("width"));
  expect(zoomed).toBeLessThanOrEqual(before);
  await page.screenshot({ path: `${screens}/scale-zones-1440.png` });
  expect(await axeViolations(page, "#diagram-panel")).toEqual([]);

  // The accounts panel lists a page of each account's zones, and more on request; the
  // filter finds any zone by a part of its name.
  const accounts = page.locator("#accounts-panel");
  const team = accounts.locator("article.account-card[data-account='100000000003']");
  expect(await team.locator("li.hz").count()).toBe(20);
  await expect(team.locator(".hz-more")).toContainText("20 of ");
  await team.getByRole("button", { name: /^Show 20 more hosted zones/ }).click();
  await expect(team.locator("li.hz")).toHaveCount(40);
  expect(await accounts.locator("li.hz").count()).toBeLessThan(300);
  await accounts.getByLabel("Filter hosted zones by name or id").fill("s777.example");
  await expect(accounts.locator("li.hz")).toHaveCount(1);
  await expect(accounts.locator("li.hz[data-name='s777.example.com.']")).toHaveCount(1);
  expect(await axeViolations(page, "#accounts-panel")).toEqual([]);
  await accounts.getByLabel("Filter hosted zones by name or id").fill("");

  await page.setViewportSize({ width: 360, height: 780 });
  await page.screenshot({ path: `${screens}/scale-zones-360.png` });
  expect(errors).toEqual([]);
});

test("25,000 record sets: a few dozen rows in the DOM, scrolled and filtered", async ({ page }) => {
  await page.goto("./");
  await expect(page.locator("#zone-heading")).toHaveText("example.com.");
  await page.locator("#open-import").click();
  await page.locator("#import-file").setInputFiles({ name: "example.com.zone", mimeType: "text/plain", buffer: Buffer.from(bigZoneFile()) });
  await expect(page.locator("#import-summary")).toBeVisible({ timeout: 30_000 });
  await page.locator("#import-apply").click();
  await expect(page.locator("#import-dialog")).toHaveCount(0, { timeout: 30_000 });

  const table = page.locator("table.records");
  await expect(page.locator("#record-filter-status")).toHaveText(/^25,00\d record sets$/);
  const total = Number(await table.getAttribute("aria-rowcount"));
  expect(total).toBeGreaterThan(25_000);
  const rows = page.locator("table.records tbody tr.rec");
  expect(await rows.count()).toBeLessThan(60);

  // Scrolled to the middle: the rows there are rendered, with their place in the table.
  await page.locator(".table-wrap").evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
  await expect.poll(async () => Number(await rows.first().getAttribute("aria-rowindex"))).toBeGreaterThan(10_000);
  expect(await rows.count()).toBeLessThan(60);

  // Filter by name and type, as the Route 53 console does.
  await page.getByLabel("Search by name").fill("h1234");
  await page.getByLabel("Filter by type").selectOption("AAAA");
  await expect(page.locator("#record-filter-status")).toHaveText(/^\d+ of 25,00\d record sets match$/);
  await expect(rows.first()).toHaveAttribute("data-type", "AAAA");
  await expect(page.locator("tr[data-name='h12345.example.com.'][data-type=AAAA]")).toHaveCount(1);
  await page.screenshot({ path: `${screens}/scale-records-1440.png` });
  expect(await axeViolations(page, "#zone-panel")).toEqual([]);

  await page.getByLabel("Search by name").fill("no-such-name");
  await expect(page.locator("tr.no-match")).toHaveText("No record set matches the filter.");
  await page.getByLabel("Search by name").fill("");
  await page.getByLabel("Filter by type").selectOption("");
  await page.setViewportSize({ width: 360, height: 780 });
  await page.locator("#zone-panel").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${screens}/scale-records-360.png` });
});
