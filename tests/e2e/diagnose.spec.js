// Diagnostics and challenges: the wrong-ns preset shows the mismatched NS error, its fix is one
// undoable step that makes the trace succeed; the article has no problems; the quiz explains
// NODATA; the wrong-ns challenge is checked by the engine before and after a hand-made fix.
// axe-core finds nothing; screenshots light/dark at 1440 and 360 px.
import { test, expect } from "@playwright/test";
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const shots = resolve(here, "test-results");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
mkdirSync(shots, { recursive: true });

async function open(page) {
  // No transitions: axe and screenshots see the final colours, not a fade between schemes.
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("./");
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
}

async function loadPreset(page, label) {
  await page.getByLabel("Preset scenario").selectOption({ label });
  await page.locator("#load-preset").click();
}

async function resolveName(page, name, type) {
  await page.fill("#resolve-name", name);
  await page.selectOption("#resolve-type", type);
  await page.selectOption("#resolve-mode", "trace");
  await page.click("#resolve-run");
}

async function axe(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () =>
    (await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } })).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    ),
  );
}

// A panel (clipped from the full page, so the sticky top bar does not cover it) or, without a
// locator, the viewport from the top, light then dark.
async function shoot(page, name, locator) {
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    const path = resolve(shots, `${name}-${scheme}.png`);
    if (locator) {
      const box = await page.locator(locator).boundingBox();
      await page.screenshot({ path, fullPage: true, clip: box });
    } else {
      await page.screenshot({ path });
    }
  }
  await page.emulateMedia({ colorScheme: "light", reducedMotion: "reduce" });
}

test("wrong-ns: the mismatched NS error, its fix, and undo", async ({ page }) => {
  await open(page);
  await loadPreset(page, "Parent NS copied from the wrong zone");
  const panel = page.locator("#diagnostics-panel");
  const finding = panel.locator('li.diag-finding[data-code="DELEGATION_NS_MISMATCH"]');
  await expect(finding).toHaveCount(1);
  await expect(page.locator("#diag-summary")).toHaveText("1 error, 1 note");
  await expect(finding.locator(".diag-title")).toHaveText("api.example.com: the parent's NS records differ from the zone's name servers");
  // The diagram marks the delegation and both zones.
  await expect(page.locator("g.edge.flagged")).toHaveCount(1);
  await expect(page.locator("g.node .flag-badge")).toHaveCount(2);
  // Evidence opens; a zone link selects the zone.
  await finding.locator("details.diag-evidence summary").first().click();
  await expect(finding.locator("details.diag-evidence pre").first()).toBeVisible();
  await finding.getByRole("button", { name: /^Select zone api\.example\.com\./ }).click();
  await expect(page.locator("#zone-heading")).toHaveText("api.example.com.");

  expect(await axe(page)).toEqual([]);
  await shoot(page, "diagnose-wrong-ns-1440", "#diagnostics-panel");
  await page.setViewportSize({ width: 360, height: 800 });
  await shoot(page, "diagnose-wrong-ns-360", "#diagnostics-panel");
  await shoot(page, "diagnose-top-360");
  expect(await axe(page)).toEqual([]);
  await page.setViewportSize({ width: 1440, height: 900 });
  await shoot(page, "diagnose-top-1440");

  await finding.locator("button.diag-fix").click();
  await expect(finding).toHaveCount(0);
  await expect(page.locator("#diag-summary")).toContainText("No problems found");
  await expect(page.locator("g.edge.flagged")).toHaveCount(0);
  await expect(page.locator("#undo")).toHaveAttribute("aria-label", /Undo fix: Set the NS records for api\.example\.com/);
  await resolveName(page, "www.api.example.com", "A");
  await expect(page.locator("#resolve-outcome .outcome-label")).toHaveText("NOERROR");
  await expect(page.locator("#resolve-outcome .outcome-records")).toContainText("192.0.2.10");

  await page.locator("#undo").click();
  await expect(finding).toHaveCount(1);
  await expect(page.locator("#diag-summary")).toHaveText("1 error, 1 note");
});

test("the article's setup: no problems found", async ({ page }) => {
  await open(page);
  await loadPreset(page, "Parent NS copied from the wrong zone");
  await loadPreset(page, "Cross-account delegation (works)");
  await expect(page.locator("#diag-summary")).toHaveText("No problems found (1 note)");
  await expect(page.locator("li.diag-finding.error, li.diag-finding.warning")).toHaveCount(0);
  await expect(page.locator("g.node .flag-badge")).toHaveCount(0);
});

test("the quiz: answer, then the explanation mentions NODATA", async ({ page }) => {
  await open(page);
  await page.getByLabel("Challenge", { exact: true }).selectOption({ label: "The apex A record that never answers" });
  await page.locator("#start-challenge").click();
  const card = page.locator("#challenge");
  await expect(card.locator("#challenge-heading")).toHaveText("The apex A record that never answers");
  // Diagnostics stay hidden until asked.
  await expect(page.locator("#show-diagnostics")).toBeVisible();
  await expect(page.locator("li.diag-finding")).toHaveCount(0);
  await expect(page.locator("g.node .flag-badge")).toHaveCount(0);
  await expect(page.locator("#undo")).toHaveAttribute("aria-label", /Undo start challenge/);
  await shoot(page, "diagnostics-hidden-1440", "#diagnostics-panel");
  await expect(card.locator(".quiz legend")).toHaveText("What is wrong?");
  await expect(page.locator("#quiz-answer")).toBeDisabled();
  await card.getByLabel(/^A\. A records for zone apex/).check();
  await page.locator("#quiz-answer").click();
  const feedback = page.locator("#quiz-feedback");
  await expect(feedback).toContainText("Incorrect.");
  await expect(feedback).toContainText("The answer is C");
  await expect(feedback).toContainText("NODATA, not NXDOMAIN");
  await card.getByLabel(/^C\./).check();
  await page.locator("#quiz-answer").click();
  await expect(feedback).toContainText("Correct!");
  await expect(feedback).toContainText("NODATA");
  expect(await axe(page)).toEqual([]);
  await shoot(page, "challenge-quiz-1440", "#challenge");
  await page.setViewportSize({ width: 360, height: 800 });
  await shoot(page, "challenge-quiz-360", "#challenge");
  await shoot(page, "challenge-top-360");
  expect(await axe(page)).toEqual([]);
});

test("NS copied from the wrong zone: not yet, hints, fix by hand, solved", async ({ page }) => {
  await open(page);
  await page.getByLabel("Challenge", { exact: true }).selectOption({ label: "NS records copied from the wrong hosted zone" });
  await page.locator("#start-challenge").click();
  await expect(page.locator("#challenge-heading")).toHaveText("NS records copied from the wrong hosted zone");
  await page.locator("#show-symptom").click();

  await page.locator("#check-fix").click();
  await expect(page.locator("#challenge-verdict")).toContainText("Not yet: A www.api.example.com. still gives SERVFAIL");

  const hint = page.locator("#hint");
  await expect(hint).toHaveText("Show a hint");
  await hint.click();
  await expect(page.locator(".challenge-hints li")).toHaveCount(1);
  await expect(hint).toHaveText("Another hint (2 left)");
  await hint.click();
  await hint.click();
  await expect(page.locator(".challenge-hints li")).toHaveCount(3);
  await expect(page.locator(".challenge-hints li").nth(2)).toContainText("staging.example.com");
  await expect(hint).toBeDisabled();

  // Read the child zone's name servers, then write them in the parent's NS records.
  await page.locator('g.node[data-zone]').filter({ has: page.locator("title", { hasText: /^Zone api\.example\.com\./ }) }).click();
  await expect(page.locator("#zone-heading")).toHaveText("api.example.com.");
  const servers = await page.locator(".ns-list .chip").allTextContents();
  expect(servers).toHaveLength(4);
  await page.locator('g.node[data-zone]').filter({ has: page.locator("title", { hasText: /^Zone example\.com\./ }) }).click();
  await expect(page.locator("#zone-heading")).toHaveText("example.com.");
  await page.getByRole("button", { name: "Edit NS record set api.example.com." }).click();
  await page.fill("#rec-values", servers.join("\n"));
  await page.locator("dialog button[type=submit]").click();
  await expect(page.locator("dialog[open]")).toHaveCount(0);

  await page.locator("#check-fix").click();
  const verdict = page.locator("#challenge-verdict");
  await expect(verdict).toContainText("Solved!");
  await expect(verdict).toContainText("staging.example.com");
  await page.locator("#show-diagnostics").click();
  await expect(page.locator("#diag-summary")).toContainText("No problems found");
  expect(await axe(page)).toEqual([]);
  await shoot(page, "challenge-solved-1440", "#challenge");
  await page.setViewportSize({ width: 360, height: 800 });
  await shoot(page, "challenge-solved-360", "#challenge");
  await page.locator("#leave-challenge").click();
  await expect(page.locator("#challenge")).toHaveCount(0);
  await expect(page.locator("#show-diagnostics")).toHaveCount(0);
});
