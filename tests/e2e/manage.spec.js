// Accounts and hosted zones: creating a zone and delegating to it from the child, the issue's
// flow (recreate the child zone, resolution fails, the diagram shows it, undo repairs it),
// errors at their fields with nothing typed lost, axe-core, and screenshots light/dark,
// wide/narrow.
import { test, expect } from "@playwright/test";
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const shots = resolve(here, "test-results");
mkdirSync(shots, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

async function open(page) {
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  await page.goto("./");
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
  return problems;
}

async function trace(page, name) {
  await page.fill("#resolve-name", name);
  await page.selectOption("#resolve-type", "A");
  await page.selectOption("#resolve-mode", "trace");
  await page.click("#resolve-run");
}

async function axe(page, selector) {
  await page.evaluate(axeSource);
  return page.evaluate(async (sel) => {
    const r = await window.axe.run(sel ? document.querySelector(sel) : document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, selector);
}

test("create a hosted zone, delegate from the child, add a record, and it resolves", async ({ page }) => {
  const problems = await open(page);
  const panel = page.locator("#accounts-panel");
  await panel.locator("#create-zone").click();
  const dialog = page.getByRole("dialog", { name: "Create hosted zone" });
  await expect(dialog).toBeVisible();
  // The account starts as the selected zone's (example.com, account A).
  await expect(dialog.getByLabel("AWS account")).toHaveValue("111111111111");
  // A bad name: the engine's message at the field, the text kept.
  await dialog.getByLabel("AWS account").selectOption("222222222222");
  await dialog.getByLabel("Domain name").fill("dev..example.com");
  await dialog.getByRole("button", { name: "Create hosted zone" }).click();
  await expect(dialog.locator("#new-zone-name-error")).toContainText("has an empty label");
  await expect(dialog.getByLabel("Domain name")).toHaveValue("dev..example.com");
  await expect(dialog.getByLabel("Domain name")).toBeFocused();
  await page.screenshot({ path: `${shots}/manage-create-error.png` });
  await dialog.getByLabel("Domain name").fill("dev.example.com");
  await dialog.getByRole("button", { name: "Create hosted zone" }).click();
  await expect(dialog).toHaveCount(0);

  await expect(page.locator("#zone-heading")).toHaveText("dev.example.com.");
  const item = panel.locator("li.hz[data-name='dev.example.com.']");
  await expect(item).toHaveClass(/selected/);
  await expect(item.locator(".hz-ns li")).toHaveCount(4);
  await expect(item.locator(".hz-ns li").first()).toHaveText(/^ns-\d+\.awsdns-\d\d\.com\.$/);
  await expect(page.locator(".ns-list code.chip")).toHaveCount(4);

  await expect(page.locator("#delegation-status")).toContainText("The parent zone example.com. has no NS records");
  await page.getByRole("button", { name: "Add these name servers to the parent" }).click();
  await expect(page.locator("#delegation-status")).toContainText("already delegates to these name servers");
  await expect(page.locator("#undo")).toHaveAttribute("aria-label", /delegate to the child zone/);

  await page.click("#add-record");
  const rec = page.getByRole("dialog");
  await rec.getByLabel("Record name").fill("www");
  await rec.getByLabel("Value").fill("192.0.2.77");
  await rec.getByRole("button", { name: "Create record set" }).click();
  await expect(rec).toHaveCount(0);

  await trace(page, "www.dev.example.com");
  await expect(page.locator("#resolve-outcome .outcome-label")).toHaveText("NOERROR");
  await expect(page.locator("#resolve-outcome .outcome-records")).toContainText("192.0.2.77");
  expect(problems).toEqual([]);
});

test("the issue's flow: recreate the child zone, resolution fails, undo repairs it", async ({ page }) => {
  const problems = await open(page);
  await trace(page, "www.api.example.com");
  await expect(page.locator("#resolve-outcome .outcome-label")).toHaveText("NOERROR");
  await expect(page.locator(".edge-health")).toHaveText(Array(5).fill("delegation ok"));
  const item = page.locator("li.hz[data-name='api.example.com.']");
  const oldNs = await item.locator(".hz-ns li").allTextContents();

  await item.getByRole("button", { name: "Recreate hosted zone api.example.com." }).click();
  const dialog = page.getByRole("dialog", { name: "Recreate api.example.com.?" });
  await expect(dialog).toContainText("NEW set of four name servers");
  await dialog.getByRole("button", { name: "Recreate hosted zone" }).click();
  await expect(dialog).toHaveCount(0);

  const recreated = page.locator("li.hz[data-name='api.example.com.']");
  await expect(recreated.locator(".hz-ns li")).toHaveCount(4);
  expect(await recreated.locator(".hz-ns li").allTextContents()).not.toEqual(oldNs);
  await expect(page.locator("#zone-heading")).toHaveText("api.example.com.");
  await expect(page.locator("#delegation-status")).toContainText("delegates to other name servers");
  await expect(page.locator(".edge.bad .edge-health")).toHaveText(["lame delegation"]);
  await page.screenshot({ path: `${shots}/manage-recreated-light.png`, fullPage: true });

  await trace(page, "www.api.example.com");
  await expect(page.locator("#resolve-outcome .outcome-label")).toHaveText("SERVFAIL");

  await page.locator("#undo").click();
  await expect(page.locator(".edge-health")).toHaveText(Array(5).fill("delegation ok"));
  // The record panel follows the zone back to its old id (src/ui/state.rs, successor).
  await expect(page.locator("#zone-heading")).toHaveText("api.example.com.");
  expect(await page.locator("li.hz[data-name='api.example.com.'] .hz-ns li").allTextContents()).toEqual(oldNs);
  await trace(page, "www.api.example.com");
  await expect(page.locator("#resolve-outcome .outcome-label")).toHaveText("NOERROR");

  // Redo the recreation, then repair it from the child: one action, one undo step.
  await page.locator("#redo").click();
  await expect(page.locator(".edge.bad .edge-health")).toHaveText(["lame delegation"]);
  // Redo brings the new zone back, and the record panel follows it there too.
  await expect(page.locator("#zone-heading")).toHaveText("api.example.com.");
  await page.getByRole("button", { name: "Replace the parent's name servers with these" }).click();
  await expect(page.locator("#delegation-status")).toContainText("already delegates to these name servers");
  await expect(page.locator(".edge-health")).toHaveText(Array(5).fill("delegation ok"));
  await expect(page.locator("#undo")).toHaveAttribute("aria-label", /Undo delegate to the child zone/);
  await trace(page, "www.api.example.com");
  await expect(page.locator("#resolve-outcome .outcome-label")).toHaveText("NOERROR");
  expect(problems).toEqual([]);
});

test("bad registry NS and refused deletes are reported where they belong, nothing lost", async ({ page }) => {
  await open(page);
  const reg = page.locator("li.registry-item[data-domain='example.com.']");
  await expect(reg.locator(".hz-ns li")).toHaveCount(4);
  await reg.getByRole("button", { name: "Edit the registry name servers of example.com." }).click();
  const field = page.locator("#registry-ns");
  await expect(field).toBeFocused();
  await field.fill("ns-1..awsdns-00.com");
  await page.getByRole("button", { name: "Save name servers" }).click();
  await expect(page.locator("#registry-ns-error")).toContainText('"ns-1..awsdns-00.com": the name ns-1..awsdns-00.com has an empty label');
  await expect(field).toHaveValue("ns-1..awsdns-00.com");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: `${shots}/manage-registry-error.png` });
  // "Use hosted zone X's name servers" fills the field; Escape closes the editor.
  await page.locator("#registry-use").selectOption({ index: 1 });
  await expect(field).toHaveValue(/^ns-\d+\.awsdns-\d\d\.com\.\n/);
  await field.press("Escape");
  await expect(field).toHaveCount(0);

  // Route 53 refuses to delete a zone holding records: the engine's message in the dialog.
  await page.getByRole("button", { name: "Delete hosted zone api.example.com." }).click();
  const dialog = page.getByRole("dialog", { name: "Delete api.example.com.?" });
  await dialog.getByRole("button", { name: "Delete hosted zone" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(
    "HostedZoneNotEmpty: The specified hosted zone contains non-required resource record sets and so cannot be deleted.",
  );
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);

  // AWS's own account is hidden until asked for.
  const aws = page.locator("article.account-card[data-account='999999999999']");
  await expect(aws).toHaveCount(0);
  await page.getByLabel("Show AWS's own account").check();
  await expect(aws.locator("li.hz[data-name='acm-validations.aws.']")).toHaveCount(1);

  // Escape closes the create dialog, and what was typed is still there when it reopens.
  await page.locator("#create-zone").click();
  await page.getByRole("dialog").getByLabel("Domain name").fill("half.typed");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.locator("#create-zone")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog").getByLabel("Domain name")).toHaveValue("half.typed");
  await page.keyboard.press("Escape");

  // A bad account id: the engine's message at the field.
  await page.locator("#create-account").click();
  const acct = page.getByRole("dialog", { name: "Create account" });
  await acct.getByLabel("Account id (12 digits)").fill("12345");
  await acct.getByRole("button", { name: "Create account" }).click();
  await expect(acct.locator("#new-account-id-error")).toContainText('"12345" is not an AWS account id');
  await expect(acct.getByLabel("Account id (12 digits)")).toHaveValue("12345");
  await acct.getByLabel("Account id (12 digits)").fill("333333333333");
  await acct.getByLabel("Label").fill("staging");
  await acct.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("article.account-card[data-account='333333333333']")).toContainText("staging");
});

test("axe finds nothing with the panel and its dialogs open; screenshots", async ({ page }) => {
  await open(page);
  expect(await axe(page)).toEqual([]);
  await page.locator("#accounts-panel").screenshot({ path: `${shots}/manage-panel-light.png` });
  await page.screenshot({ path: `${shots}/manage-app-light.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForTimeout(400);
  expect(await axe(page, "#accounts-panel")).toEqual([]);
  await page.locator("#accounts-panel").screenshot({ path: `${shots}/manage-panel-dark.png` });
  await page.screenshot({ path: `${shots}/manage-app-dark.png`, fullPage: true });
  await page.getByRole("button", { name: "Edit the registry name servers of example.com." }).click();
  await page.locator("#registry-ns").fill("bad..name");
  await page.getByRole("button", { name: "Save name servers" }).click();
  expect(await axe(page, "#accounts-panel")).toEqual([]);
  await page.locator("#create-zone").click();
  await page.getByRole("dialog").getByRole("button", { name: "Create hosted zone" }).click();
  await expect(page.locator("#new-zone-name-error")).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/manage-dialog-dark.png` });
  await page.keyboard.press("Escape");
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForTimeout(300);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.locator("#accounts-panel").screenshot({ path: `${shots}/manage-panel-narrow-light.png` });
  await page.screenshot({ path: `${shots}/manage-app-narrow-light.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForTimeout(300);
  await page.locator("#accounts-panel").screenshot({ path: `${shots}/manage-panel-narrow-dark.png` });
  await page.getByRole("button", { name: "Delete hosted zone api.example.com." }).click();
  await page.screenshot({ path: `${shots}/manage-confirm-narrow-dark.png` });
});
