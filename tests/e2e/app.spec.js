// End-to-end tests of the built site in Chromium: loading, privacy (no request leaves the
// origin), CSP, accessibility (axe-core), the record form, undo, persistence across reloads,
// keyboard use and small screens. Screenshots of the main views go to test-results/screens/.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const screens = resolve(here, "test-results/screens");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Opens the app on a clean profile and waits for its first render. */
async function open(page) {
  await page.goto("./");
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
  await expect(page.locator("#zone-heading")).toHaveText("example.com.");
}

/** Runs axe-core (WCAG 2.x A and AA rules and best practices) and returns its violations. */
async function axeViolations(page) {
  // page.evaluate runs through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ") + " :: " + n.failureSummary),
    }));
  });
}

function guardPage(page) {
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("dialog", async (d) => {
    problems.push(`unexpected ${d.type()} dialog: ${d.message()}`);
    await d.dismiss();
  });
  return problems;
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
});

test("loads from a sub-path, and no request leaves the origin", async ({ page, baseURL }) => {
  const problems = guardPage(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await open(page);
  await page.waitForLoadState("networkidle");
  const origin = new URL(baseURL).origin;
  const outside = requests.filter((u) => !u.startsWith(origin + "/") && !u.startsWith("data:"));
  expect(outside).toEqual([]);
  const paths = requests.map((u) => new URL(u).pathname).sort();
  expect(paths).toEqual(
    expect.arrayContaining(["/lab/", "/lab/pkg/delegation_lab.js", "/lab/pkg/delegation_lab_bg.wasm", "/lab/www/style.css", "/lab/www/boot.js"]),
  );
  expect(paths.every((p) => p.startsWith("/lab/"))).toBe(true);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toMatch(/'unsafe-eval'/);
  expect(await page.locator("script:not([src])").count()).toBe(0);
  expect(await page.locator("[style]").count()).toBe(0);
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  await expect(page.locator("g.node[role=button]")).toHaveCount(6);
  expect(problems).toEqual([]);
  await page.screenshot({ path: `${screens}/main-light.png`, fullPage: true });
});

test("axe-core finds no violations in the main view, light and dark, and in the dialog", async ({ page }) => {
  await open(page);
  expect(await axeViolations(page)).toEqual([]);

  // Colours change with a short transition; let it finish before measuring contrast.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForTimeout(400);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${screens}/main-dark.png`, fullPage: true });

  await page.emulateMedia({ colorScheme: "light" });
  await page.waitForTimeout(400);
  await page.getByRole("button", { name: "Add record" }).click();
  await page.getByLabel("Value").fill("not an address");
  await page.getByRole("button", { name: "Create record set" }).click();
  await expect(page.locator("#rec-values-error")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test("an invalid value shows its error and keeps the input; a valid one is added; undo; reload restores", async ({ page }) => {
  const problems = guardPage(page);
  await open(page);
  const addButton = page.getByRole("button", { name: "Add record" });
  await addButton.click();
  const dialog = page.getByRole("dialog", { name: "Add a record set to example.com." });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Record name").fill("app");
  await dialog.getByLabel("TTL (seconds)").fill("60");
  await dialog.getByLabel("Value").fill("192.0.2.300");
  await dialog.getByRole("button", { name: "Create record set" }).click();

  const error = dialog.locator("#rec-values-error");
  await expect(error).toHaveText(
    '"192.0.2.300" is not an IPv4 address; an A record needs four numbers from 0 to 255 separated by dots, such as 192.0.2.10',
  );
  await expect(dialog.getByLabel("Value")).toHaveValue("192.0.2.300");
  await expect(dialog.getByLabel("Value")).toBeFocused();
  await expect(dialog.getByLabel("Value")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByLabel("Record name")).toHaveValue("app");
  await expect(dialog.getByLabel("TTL (seconds)")).toHaveValue("60");
  await page.screenshot({ path: `${screens}/dialog-error.png` });

  await dialog.getByLabel("Value").fill("192.0.2.44\n192.0.2.45");
  await dialog.getByRole("button", { name: "Create record set" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(addButton).toBeFocused();
  const row = page.locator("tr[data-name='app.example.com.'][data-type=A]");
  await expect(row.locator("code.value")).toHaveText(["192.0.2.44", "192.0.2.45"]);
  await expect(row.locator("td.num")).toHaveText("60");

  await page.getByRole("button", { name: "Undo add A app.example.com. (Ctrl+Z)" }).click();
  await expect(row).toHaveCount(0);
  await page.getByRole("button", { name: "Redo add A app.example.com. (Ctrl+Shift+Z)" }).click();
  await expect(row).toHaveCount(1);
  await page.keyboard.press("Control+z");
  await expect(row).toHaveCount(0);
  await page.keyboard.press("Control+Shift+Z");
  await expect(row).toHaveCount(1);

  await page.reload();
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
  await expect(row.locator("code.value")).toHaveText(["192.0.2.44", "192.0.2.45"]);
  // The tab's undo history survived the reload too (sessionStorage): undo, then redo.
  await page.getByRole("button", { name: "Undo add A app.example.com. (Ctrl+Z)" }).click();
  await expect(row).toHaveCount(0);
  await page.getByRole("button", { name: "Redo add A app.example.com. (Ctrl+Shift+Z)" }).click();
  await expect(row.locator("code.value")).toHaveText(["192.0.2.44", "192.0.2.45"]);
  // A new tab is a new session: the work is there, its undo history is not.
  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect(other.locator("body[data-app=ready]")).toHaveCount(1);
  await expect(other.locator("tr[data-name='app.example.com.'] code.value")).toHaveText(["192.0.2.44", "192.0.2.45"]);
  await expect(other.locator("#undo")).toBeDisabled();
  await other.close();
  expect(problems).toEqual([]);
});

test("text a user types is shown as text, never run as markup", async ({ page }) => {
  const problems = guardPage(page);
  await open(page);
  const attack = "<img src=x onerror=alert(1)>";
  await page.getByRole("button", { name: "Add record" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Value").fill(attack);
  await dialog.getByRole("button", { name: "Create record set" }).click();
  await expect(dialog.locator("#rec-values-error")).toContainText(`"${attack}" is not an IPv4 address`);
  await dialog.getByLabel("Record type").selectOption("TXT");
  await dialog.getByLabel("Record name").fill("markup");
  await dialog.getByLabel("Value").fill('"<img src=x onerror=alert.1> <script>alert.2</script>"');
  await dialog.getByRole("button", { name: "Create record set" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator("tr[data-name='markup.example.com.'] code.value")).toHaveText(
    "\"<img src=x onerror=alert.1> <script>alert.2</script>\"",
  );
  expect(await page.locator("#app img, #app script").count()).toBe(0);
  expect(problems).toEqual([]);
});

test("the keyboard reaches everything: zones, dialog, Escape", async ({ page }) => {
  await open(page);
  await page.keyboard.press("Tab");
  await expect(page.locator(".skip-link")).toBeFocused();
  const api = page.getByRole("button", { name: /^Zone api\.example\.com\./ });
  await api.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#zone-heading")).toHaveText("api.example.com.");
  await expect(api).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Space");
  await expect(page.locator("#zone-heading")).toHaveText("api.example.com.");

  const add = page.getByRole("button", { name: "Add record" });
  await add.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Record name")).toBeFocused();
  await page.keyboard.type("kept");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(add).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog").getByLabel("Record name")).toHaveValue("kept");
});

test("a damaged saved scenario is reported and kept aside, never dropped", async ({ page }) => {
  await page.goto("./");
  await page.evaluate(() => localStorage.setItem("delegation-lab:doc", '{"world": {"zones": ['));
  await page.reload();
  const banner = page.getByRole("alert").filter({ hasText: "Your saved scenario could not be opened" });
  await expect(banner).toContainText("delegation-lab:damaged:1");
  await expect(banner.getByRole("link", { name: "Download the saved text" })).toHaveAttribute(
    "href",
    "data:application/json;charset=utf-8,%7B%22world%22%3A%20%7B%22zones%22%3A%20%5B",
  );
  expect(await page.evaluate(() => localStorage.getItem("delegation-lab:damaged:1"))).toBe('{"world": {"zones": [');
  await expect(page.locator("#zone-heading")).toHaveText("example.com.");
  await page.screenshot({ path: `${screens}/damaged-banner.png` });
  await banner.getByRole("button", { name: "Dismiss" }).click();
  await expect(banner).toHaveCount(0);
});

test("usable at 360 px wide", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await open(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${screens}/narrow-360.png`, fullPage: true });
  const skip = page.getByRole("link", { name: "Skip to the records" });
  await skip.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#zone-panel")).toBeInViewport();
  await page.getByRole("button", { name: "Add record" }).click();
  await page.screenshot({ path: `${screens}/narrow-dialog.png` });
  const box = await page.getByRole("dialog").boundingBox();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
});

test("the jump bar brings each panel into view and moves the focus to it", async ({ page }) => {
  await open(page);
  const buttons = page.locator(".jumpbar button");
  const targets = await buttons.evaluateAll((all) => all.map((b) => b.dataset.target));
  for (const id of targets) {
    // Every button names a panel the page has.
    await expect(page.locator(`#${id}`), id).toHaveCount(1);
  }
  await page.getByRole("button", { name: "Certificates", exact: true }).click();
  await expect(page.locator("#certificates-panel")).toBeFocused();
  await expect(page.locator("#certificates-panel")).toBeInViewport();
  await page.getByRole("button", { name: "Hierarchy", exact: true }).click();
  await expect(page.locator("#diagram-panel")).toBeFocused();
});

test("two tabs on one saved scenario: the other tab's save is offered, never silently overwritten", async ({ page }) => {
  const addA = async (p, name, ip) => {
    await p.getByRole("button", { name: "Add record" }).click();
    const dialog = p.getByRole("dialog");
    await dialog.getByLabel("Record name").fill(name);
    await dialog.getByLabel("Value").fill(ip);
    await dialog.getByRole("button", { name: "Create record set" }).click();
    await expect(dialog).toHaveCount(0);
  };
  const saved = (p) => p.evaluate(() => localStorage.getItem("delegation-lab:doc") ?? "");
  await open(page);
  const other = await page.context().newPage();
  await open(other);

  // Tab A saves a record; tab B hears of it and stops saving until the user chooses.
  await addA(page, "from-a", "192.0.2.61");
  const banner = other.locator(".banner", { hasText: "Another tab changed the saved scenario" });
  await expect(banner).toContainText("Cross-account delegation (works)");
  await addA(other, "from-b", "192.0.2.62");
  // Past the moment a save would have been written.
  await other.waitForTimeout(1000);
  expect(await saved(other)).toContain("from-a");
  expect(await saved(other)).not.toContain("from-b");
  await other.screenshot({ path: `${screens}/other-tab-banner.png` });

  // B loads A's version: one undo step, so B's own work is one Ctrl+Z away.
  await other.locator("#other-tab-load").click();
  await expect(banner).toHaveCount(0);
  await expect(other.locator("tr[data-name='from-a.example.com.']")).toHaveCount(1);
  await expect(other.locator("tr[data-name='from-b.example.com.']")).toHaveCount(0);
  await expect(other.locator("#undo")).toHaveAttribute("aria-label", /Undo load the scenario another tab saved/);
  await other.locator("#undo").click();
  await expect(other.locator("tr[data-name='from-b.example.com.']")).toHaveCount(1);
  // That undo saved B's version; now A hears of it, and keeps its own.
  const bannerA = page.locator(".banner", { hasText: "Another tab changed the saved scenario" });
  await expect(bannerA).toBeVisible();
  await page.locator("#other-tab-keep").click();
  await expect(bannerA).toHaveCount(0);
  expect(await saved(page)).not.toContain("from-b");
  await expect(other.locator(".banner", { hasText: "Another tab changed the saved scenario" })).toBeVisible();
  await other.close();
});

test("a reload of the tab comes back to the zone selected and the resolution step shown", async ({ page }) => {
  await open(page);
  await page.getByRole("button", { name: /^Zone api\.example\.com\./ }).click();
  await expect(page.locator("#zone-heading")).toHaveText("api.example.com.");
  await page.locator("#resolve-run").click();
  await expect(page.locator(".step-count")).toHaveText("Step 1 of 7");
  await page.locator(".step-controls button", { hasText: "Next" }).click();
  await page.locator(".step-controls button", { hasText: "Next" }).click();
  await expect(page.locator(".step-count")).toHaveText("Step 3 of 7");
  await page.reload();
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
  await expect(page.locator("#zone-heading")).toHaveText("api.example.com.");
  await expect(page.locator(".step-count")).toHaveText("Step 3 of 7");
  await expect(page.locator("#resolve-name")).toHaveValue("www.api.example.com");
  // A new tab starts at the default view.
  const other = await page.context().newPage();
  await open(other);
  await expect(other.locator("#zone-heading")).toHaveText("example.com.");
  await expect(other.locator(".step-count")).toHaveCount(0);
  await other.close();
});
