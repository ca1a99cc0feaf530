// The resolve panel, the dig console and simulated time: the article's trace stepped to the
// answer, the quiz's NODATA, wrong-ns's SERVFAIL, the article's four dig commands, the cache
// hiding a change until the clock passes its TTL, axe on the panels, and screenshots.
import { test, expect } from "@playwright/test";
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const screens = resolve(here, "test-results/screens");
mkdirSync(screens, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Opens the app with `fixture` (a preset exported by `delegation-lab export json`) saved, or the default. */
async function open(page, fixture) {
  if (fixture) {
    const doc = readFileSync(resolve(here, "fixtures", `${fixture}.json`), "utf8");
    await page.addInitScript((d) => {
      if (!sessionStorage.getItem("seeded")) {
        localStorage.setItem("delegation-lab:doc", d);
        sessionStorage.setItem("seeded", "1");
      }
    }, doc);
  }
  await page.goto("./");
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
}

async function resolveName(page, name, type, mode = "trace") {
  await page.fill("#resolve-name", name);
  await page.selectOption("#resolve-type", type);
  await page.selectOption("#resolve-mode", mode);
  await page.click("#resolve-run");
}

test("the article's trace steps through a nested lookup to the answer", async ({ page }) => {
  await open(page);
  await resolveName(page, "www.api.example.com", "A");
  const steps = page.locator(".steps .step");
  const n = await steps.count();
  expect(n).toBe(7); // root, com, example.com, then a nested lookup of ns-140.awsdns-17.com, then api.example.com
  await expect(page.locator(".step-count")).toHaveText(`Step 1 of ${n}`);
  await expect(steps.first().locator(".badge")).toHaveText("REFERRAL");
  await expect(page.locator(".step.depth-1")).not.toHaveCount(0);
  await page.locator(".stepping").focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(".step-count")).toHaveText(`Step 2 of ${n}`);
  await page.keyboard.press("End");
  await expect(page.locator(".step-count")).toHaveText(`Step ${n} of ${n}`);
  await expect(steps.last().locator(".badge")).toHaveText("ANSWER");
  await expect(page.locator(".node.asked")).not.toHaveCount(0);
  await expect(page.locator("#resolve-outcome .outcome-label")).toHaveText("NOERROR");
  await expect(page.locator("#resolve-outcome .outcome-records")).toContainText("192.0.2.10");
  await expect(page.locator(".step-cmd")).toContainText("dig");
  await page.locator("#resolve-panel").screenshot({ path: `${screens}/resolve-light.png` });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.locator("#resolve-panel").screenshot({ path: `${screens}/resolve-dark.png` });
});

test("a bad name is reported at the field, and nothing typed is lost", async ({ page }) => {
  await open(page);
  await resolveName(page, "www api", "A");
  await expect(page.locator("#resolve-name-error")).toContainText("has a space in it");
  await expect(page.locator("#resolve-name")).toHaveValue("www api");
});

test("the quiz: A api.example.com is NODATA", async ({ page }) => {
  await open(page, "quiz");
  await resolveName(page, "api.example.com", "A");
  await expect(page.locator("#resolve-outcome .outcome-label")).toHaveText("NODATA");
  await expect(page.locator("#resolve-outcome .outcome-reason")).not.toBeEmpty();
});

test("wrong-ns: the delegation leads nowhere, SERVFAIL", async ({ page }) => {
  await open(page, "wrong-ns");
  await resolveName(page, "www.api.example.com", "A");
  await expect(page.locator("#resolve-outcome .outcome-label")).toHaveText("SERVFAIL");
});

test("the dig console runs the article's commands", async ({ page }) => {
  await open(page);
  const lines = [
    "dig NS api.example.com @8.8.8.8",
    "dig +trace api.example.com",
    "dig CNAME _abc123.api.example.com",
    "dig +short A www.api.example.com",
  ];
  for (const line of lines) {
    await page.fill("#console-line", line);
    await page.press("#console-line", "Enter");
  }
  await expect(page.locator(".console-entry")).toHaveCount(4);
  await expect(page.locator(".console-entry").first().locator("pre")).toContainText("status: NOERROR");
  await expect(page.locator(".console-entry").nth(3).locator("pre")).toContainText("192.0.2.10");
  await page.fill("#console-line", "dig +bogus x");
  await page.press("#console-line", "Enter");
  await expect(page.locator(".console-entry").nth(4).locator("pre")).toContainText("dig:");
  await page.press("#console-line", "ArrowUp");
  await expect(page.locator("#console-line")).toHaveValue("dig +bogus x");
  // An engineer's habit: just the records, as dig 9.18 prints them.
  await page.fill("#console-line", "dig +noall +answer www.api.example.com");
  await page.press("#console-line", "Enter");
  await expect(page.locator(".console-entry").nth(5).locator("pre")).toHaveText(
    "www.api.example.com.\t300\tIN\tCNAME\tapi.example.com.\napi.example.com.\t300\tIN\tA\t192.0.2.10\n",
  );
  await page.locator(".panel-console").screenshot({ path: `${screens}/console-light.png` });
});

test("a change does not show until the cached answer expires", async ({ page }) => {
  await open(page);
  await resolveName(page, "api.example.com", "A", "public");
  await expect(page.locator("#resolve-outcome .outcome-records")).toContainText("192.0.2.10");
  await expect(page.locator(".cache-table")).toContainText("api.example.com");
  const clock = await page.locator("#clock-now").textContent();
  await page.getByRole("button", { name: "+1 day" }).click();
  await expect(page.locator("#clock-now")).not.toHaveText(clock);
  await page.getByRole("button", { name: "Flush cache" }).click();
  await expect(page.locator("#cache-empty")).toBeVisible();
});

test("axe finds nothing on the resolve panels", async ({ page }) => {
  await open(page);
  await resolveName(page, "www.api.example.com", "A");
  await page.fill("#console-line", "dig NS api.example.com @8.8.8.8");
  await page.press("#console-line", "Enter");
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(["#resolve-panel", ".panel-console", ".panel-clock"].map((s) => document.querySelector(s)), {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  expect(violations).toEqual([]);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: `${screens}/resolve-narrow.png`, fullPage: true });
});
