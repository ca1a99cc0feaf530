// The preset picker: every preset is listed with its description; loading one replaces the
// document as one undoable step, survives a reload, and passes axe-core.
import { test, expect } from "@playwright/test";
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const screens = resolve(here, "test-results/screens");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

async function open(page) {
  await page.goto("./");
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
}

test("pick a preset, load it, undo and redo it, a reload keeps it", async ({ page }) => {
  await open(page);
  const select = page.getByLabel("Preset scenario");
  await expect(select.locator("option")).toHaveCount(10);
  await expect(select).toHaveValue("0");
  await expect(page.locator("#preset-description")).toContainText("delegates api.example.com");

  await select.selectOption({ label: "Quiz: the apex A record in the parent zone" });
  await expect(page.locator("#preset-description")).toContainText("NODATA");
  await page.getByRole("button", { name: /Load the preset: Quiz/ }).click();

  // The quiz's parent zone holds the apex A of the child, below the delegation.
  await expect(page.locator("#zone-heading")).toHaveText("example.com.");
  await expect(page.locator("table.records")).toContainText("api.example.com.");
  await expect(page.locator("#undo")).toHaveAttribute("aria-label", /Undo load preset/);
  mkdirSync(screens, { recursive: true });
  await page.screenshot({ path: resolve(screens, "preset-quiz.png"), fullPage: true });

  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () =>
    (await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"] } })).violations.map((v) => v.id),
  );
  expect(violations).toEqual([]);

  // Undo brings the article back; redo the quiz again.
  await page.locator("#undo").click();
  await expect(page.getByLabel("Preset scenario")).toHaveValue("0");
  await page.locator("#redo").click();
  await expect(page.getByLabel("Preset scenario")).toHaveValue("3");

  // The loaded preset is the saved work: a reload keeps it, and its undo history (the tab's).
  await page.reload();
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
  await expect(page.getByLabel("Preset scenario")).toHaveValue("3");
  await page.locator("#undo").click();
  await expect(page.getByLabel("Preset scenario")).toHaveValue("0");
});
