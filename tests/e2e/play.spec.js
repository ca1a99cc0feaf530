// The resolve panel plays by itself: the article's trace played to the answer, pause, speed,
// the keyboard (P / Space), the sequence view (one message per step drawn so far, the current
// one marked, a click jumps to its step), the certificates panel's "Open in the Resolve panel"
// filling and running the form, a bad query kept at the field, axe, and screenshots.
import { test, expect } from "@playwright/test";
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const screens = resolve(here, "test-results/screens");
mkdirSync(screens, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const panel = (page) => page.locator("#resolve-panel");
const count = (page) => panel(page).locator(".step-count");
const play = (page) => panel(page).locator("#resolve-play");
const messages = (page) => panel(page).locator(".sequence-svg .seq-msg");

async function open(page) {
  await page.goto("./");
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
}

async function trace(page, name = "www.api.example.com", type = "A") {
  await page.fill("#resolve-name", name);
  await page.selectOption("#resolve-type", type);
  await page.selectOption("#resolve-mode", "trace");
  await page.click("#resolve-run");
  await expect(count(page)).toHaveText(/^Step 1 of \d+$/);
}

async function shoot(page, name) {
  const size = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height });
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    await panel(page).screenshot({ path: `${screens}/${name}-${scheme}.png` });
    await panel(page).locator(".sequence").screenshot({ path: `${screens}/${name}-${scheme}-sequence.png` });
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize(size);
}

test("the article's trace plays by itself to the answer, and stops there", async ({ page }) => {
  await open(page);
  await trace(page);
  await expect(count(page)).toHaveText("Step 1 of 7");
  await expect(play(page)).toHaveText(/Play$/);
  await page.selectOption("#resolve-speed", "4");
  await play(page).click();
  await expect(play(page)).toHaveText(/Pause$/);
  await expect(count(page)).toHaveText("Step 7 of 7", { timeout: 5_000 });
  await expect(play(page)).toHaveText(/Play$/);
  await expect(messages(page)).toHaveCount(7);
  await expect(panel(page).locator(".steps .step").last()).toHaveClass(/current/);
  await expect(panel(page).locator("#resolve-outcome .outcome-label")).toHaveText("NOERROR");
  // At the last step, Play starts again from the first.
  await play(page).click();
  await expect(count(page)).toHaveText("Step 1 of 7");
  await play(page).click();
  await expect(play(page)).toHaveText(/Play$/);
});

test("pause stops, speed sets the pace, a manual step pauses, P and Space toggle", async ({ page }) => {
  await open(page);
  await trace(page);
  await page.selectOption("#resolve-speed", "2"); // 600 ms a step
  await play(page).click();
  await expect(count(page)).toHaveText("Step 2 of 7", { timeout: 2_000 });
  await play(page).click(); // pause
  await expect(play(page)).toHaveText(/Play$/);
  const paused = await count(page).textContent();
  await page.waitForTimeout(1_500);
  await expect(count(page)).toHaveText(paused);

  // 0.5×: 2.4 s a step, nothing moves within a second.
  await panel(page).getByRole("button", { name: "First" }).click();
  await page.selectOption("#resolve-speed", "0.5");
  await play(page).click();
  await page.waitForTimeout(1_000);
  await expect(count(page)).toHaveText("Step 1 of 7");
  await expect(count(page)).toHaveText("Step 2 of 7", { timeout: 3_000 });
  // A manual step pauses.
  await panel(page).getByRole("button", { name: "Next" }).click();
  await expect(play(page)).toHaveText(/Play$/);
  await expect(count(page)).toHaveText("Step 3 of 7");
  await page.waitForTimeout(2_600);
  await expect(count(page)).toHaveText("Step 3 of 7");

  // Keys on the stepping group: P plays, Space pauses, an arrow steps (and pauses).
  await page.selectOption("#resolve-speed", "4");
  await panel(page).locator(".stepping").focus();
  await page.keyboard.press("p");
  await expect(play(page)).toHaveText(/Pause$/);
  await page.keyboard.press(" ");
  await expect(play(page)).toHaveText(/Play$/);
  await page.keyboard.press("p");
  await expect(play(page)).toHaveText(/Pause$/);
  await page.keyboard.press("Home");
  await expect(play(page)).toHaveText(/Play$/);
  await expect(count(page)).toHaveText("Step 1 of 7");
});

test("the sequence view draws the steps so far, marks the current one, and a click jumps", async ({ page }) => {
  await open(page);
  await trace(page);
  const seq = panel(page).locator(".sequence-svg");
  // Lifelines: dig, the root, com, example.com's server, then api.example.com's.
  await expect(seq.locator(".seq-lifeline .seq-name")).toHaveText([
    "dig +trace",
    "a.root-servers.net",
    "a.gtld-servers.net",
    "ns-112.awsdns-14.com",
    "ns-140.awsdns-17.com",
  ]);
  await expect(messages(page)).toHaveCount(1);
  await expect(messages(page).first()).toHaveClass(/current/);
  await expect(messages(page).first().locator(".seq-q")).toHaveText("A www.api.example.com");
  await expect(messages(page).first().locator(".seq-r")).toHaveText("referral to com");
  await panel(page).getByRole("button", { name: "Last" }).click();
  await expect(messages(page)).toHaveCount(7);
  await expect(seq.locator(".seq-msg.current")).toHaveCount(1);
  await expect(messages(page).nth(6)).toHaveClass(/current/);
  await expect(messages(page).nth(6).locator(".seq-r")).toHaveText("NOERROR 1 A");
  await expect(seq.locator(".seq-msg.seq-depth-1")).toHaveCount(2);
  await expect(messages(page).nth(3).locator("title")).toHaveText(
    "Step 4: A ns-140.awsdns-17.com to a.gtld-servers.net; reply referral to awsdns-17.com (nested lookup of A ns-140.awsdns-17.com)",
  );
  await expect(panel(page).getByRole("button", { name: "Step 7: A api.example.com to ns-140.awsdns-17.com; reply NOERROR 1 A" })).toHaveCount(1);
  // Click a message: its step.
  await messages(page).nth(2).click();
  await expect(count(page)).toHaveText("Step 3 of 7");
  await expect(messages(page)).toHaveCount(3);
  await expect(messages(page).nth(2)).toHaveAttribute("aria-current", "step");
  await expect(panel(page).locator(".steps .step").nth(2)).toHaveClass(/current/);
  // The keyboard: Enter on a focused message.
  await messages(page).nth(0).focus();
  await page.keyboard.press("Enter");
  await expect(count(page)).toHaveText("Step 1 of 7");
  await expect(page.locator(".node.asked")).not.toHaveCount(0);
});

test("the certificates panel opens its lookup in the Resolve panel", async ({ page }) => {
  await open(page);
  const title = "ACM: certificate validated in the child zone (issued)";
  await page.getByLabel("Preset scenario").selectOption({ label: title });
  await page.getByRole("button", { name: `Load the preset: ${title}` }).click();
  const card = page.locator("#certificates-panel .cert-card").first();
  await card.getByRole("button", { name: "Validate now" }).click();
  await card.getByRole("button", { name: "Step through ACM's lookup" }).click();
  const query = (await card.locator(".acm-query").first().textContent()).trim();
  expect(query).toMatch(/^dig \+trace _[0-9a-f]+\.api\.example\.com CNAME$/);
  await card.getByRole("button", { name: "Open in the Resolve panel" }).first().click();
  const name = query.split(" ")[2];
  await expect(page.locator("#resolve-name")).toHaveValue(name);
  await expect(page.locator("#resolve-type")).toHaveValue("CNAME");
  await expect(page.locator("#resolve-mode")).toHaveValue("trace");
  await expect(count(page)).toHaveText(/^Step 1 of \d+$/);
  await expect(panel(page).locator("#resolve-outcome .outcome-label")).toHaveText("NOERROR");
  await expect(panel(page).locator("#resolve-outcome .outcome-records")).toContainText("acm-validations.aws");
  await expect(messages(page)).toHaveCount(1);
});

test("axe finds nothing; screenshots light and dark, wide and narrow", async ({ page }) => {
  await open(page);
  await trace(page);
  await panel(page).getByRole("button", { name: "Last" }).click();
  await messages(page).nth(4).click();
  await page.evaluate(axeSource);
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document.querySelector("#resolve-panel"), {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
    expect(violations).toEqual([]);
  }
  await shoot(page, "play-1440");
  await page.setViewportSize({ width: 360, height: 800 });
  // Narrow: the current message's server is scrolled into view inside the box.
  const box = panel(page).locator(".sequence-scroll");
  await panel(page).getByRole("button", { name: "First" }).click();
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeLessThan(100);
  await panel(page).getByRole("button", { name: "Last" }).click();
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(500);
  await shoot(page, "play-360");
  // Narrow: the sequence scrolls inside its box, the page does not.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
});
