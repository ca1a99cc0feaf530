// End-to-end tests of issue 6 in the app: the import dialog (an error with line:column,
// the text kept, then an import that Undo takes back), the export dialog (Terraform), share
// links (a round trip that keeps the saved work, a damaged link), and embed mode inside an
// <iframe> of a page served from another port (renders, steps, touches no storage).
// Screenshots go to test-results/interop-*.png.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const shots = resolve(here, "test-results");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const appPort = Number(process.env.E2E_PORT ?? 8181);
const hostPort = appPort + 1;

async function open(page, path = "./") {
  await page.goto(path);
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
}

async function axeViolations(page, include) {
  await page.waitForTimeout(400); // let colour transitions after a scheme change finish
  await page.evaluate(axeSource);
  return page.evaluate(async (include) => {
    const result = await window.axe.run(include ? { include: [include] } : document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, include);
}

async function shoot(page, name) {
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1440, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${shots}/interop-${name}-${scheme}-${width}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function importZoneText(page, text) {
  await page.locator("#open-import").click();
  await expect(page.locator("#import-dialog")).toBeVisible();
  await page.locator("#import-text").fill(text);
  await expect(page.locator("#import-summary")).toBeVisible();
  await page.locator("#import-apply").click();
  await expect(page.locator("#import-dialog")).toHaveCount(0);
}

test("a zone file with an error says line:column and keeps the text; fixed, it imports as one undo step", async ({ page }) => {
  await open(page);
  await page.locator("#open-import").click();
  const dialog = page.locator("#import-dialog");
  await expect(dialog).toBeVisible();
  const bad = "imported 300 IN A 192.0.2.77\nbroken 300 IN A 999.1.1.1\n";
  await page.locator("#import-text").fill(bad);
  await expect(page.locator("#import-error")).toContainText("pasted text:2:");
  await expect(page.locator("#import-text")).toHaveValue(bad);
  await expect(page.locator("#import-apply")).toBeDisabled();
  await shoot(page, "import-error");
  expect(await axeViolations(page, "#import-dialog")).toEqual([]);

  await page.locator("#import-text").fill("$INCLUDE other.zone\n");
  await expect(page.locator("#import-error")).toContainText("$INCLUDE");

  await page.locator("#import-text").fill("imported 300 IN A 192.0.2.77\n");
  await expect(page.locator("#import-error")).toBeHidden();
  await expect(page.locator("#import-summary")).toContainText("1 record set: 1 new");
  await page.locator("#import-apply").click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator("#zone-panel")).toContainText("192.0.2.77");
  await page.locator("#undo").click();
  await expect(page.locator("#zone-panel")).not.toContainText("192.0.2.77");

  // A picked file is read into the text area and named in the error.
  await page.locator("#open-import").click();
  await expect(dialog).toBeVisible();
  await page.locator("#import-file").setInputFiles({
    name: "example.com.zone",
    mimeType: "text/plain",
    buffer: Buffer.from("$TTL 300\nfromfile IN A 192.0.2.88\nbad IN AAAA nope\n"),
  });
  await expect(page.locator("#import-text")).toHaveValue(/fromfile IN A 192\.0\.2\.88/);
  await expect(page.locator("#import-error")).toContainText("example.com.zone:3:");
  // Escape closes the dialog.
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
});

test("the export dialog shows Terraform", async ({ page }) => {
  await open(page);
  await page.locator("#open-export").click();
  await expect(page.locator("#export-dialog")).toBeVisible();
  await page.locator("#export-kind").selectOption("terraform");
  await expect(page.locator("#export-preview")).toHaveValue(/resource "aws_route53_zone"/);
  await shoot(page, "export");
  expect(await axeViolations(page, "#export-dialog")).toEqual([]);
  await page.locator("#export-kind").selectOption("svg");
  await expect(page.locator("#export-preview")).toHaveValue(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  await page.locator("#export-kind").selectOption("zones");
  await expect(page.locator("#export-file")).toBeVisible();
});

test("a share link round trip keeps the saved work", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await open(page);
  await importZoneText(page, "linkonly 300 IN A 192.0.2.201\n");
  await page.locator("#open-share").click();
  await expect(page.locator("#share-dialog")).toBeVisible();
  const link = await page.locator("#share-link").inputValue();
  expect(link).toContain("#s1.");
  await expect(page.locator("#share-size")).toContainText("of 32768 characters");
  expect(await axeViolations(page, "#share-dialog")).toEqual([]);
  await page.keyboard.press("Escape");
  await page.locator("#undo").click();
  await importZoneText(page, "savedonly 300 IN A 192.0.2.202\n");
  // The save waits a moment after an edit (ui/views/app.rs use_save): the other tab opens
  // once this one has written its work.
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem("delegation-lab:doc") ?? ""))
    .toContain("192.0.2.202");

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.locator("body[data-app=ready]")).toHaveCount(1);
  await expect(other.locator("#shared-banner")).toContainText("This link holds a scenario");
  await expect(other.locator("#zone-panel")).toContainText("192.0.2.202");
  expect(new URL(other.url()).hash).toBe("");
  await shoot(other, "shared-banner");
  await other.locator("#shared-open").click();
  await expect(other.locator("#shared-banner")).toHaveCount(0);
  await expect(other.locator("#zone-panel")).toContainText("192.0.2.201");
  await expect(other.locator("#zone-panel")).not.toContainText("192.0.2.202");
  await other.locator("#undo").click();
  await expect(other.locator("#zone-panel")).toContainText("192.0.2.202");
  await expect(other.locator("#zone-panel")).not.toContainText("192.0.2.201");
});

test("a share link carries the resolution shown and its step", async ({ page, browser, baseURL }) => {
  await open(page);
  await page.locator("#resolve-run").click();
  await expect(page.locator(".step-count")).toHaveText("Step 1 of 7");
  await page.locator(".step-controls button", { hasText: "Next" }).click();
  await page.locator(".step-controls button", { hasText: "Next" }).click();
  await expect(page.locator(".step-count")).toHaveText("Step 3 of 7");
  await page.locator("#open-share").click();
  const link = await page.locator("#share-link").inputValue();
  const other = await (await browser.newContext({ baseURL })).newPage();
  await other.goto(link);
  await other.locator("#shared-open").click();
  await expect(other.locator(".step-count")).toHaveText("Step 3 of 7");
  await expect(other.locator("#resolve-name")).toHaveValue("www.api.example.com");
  await other.context().close();
});

test("a link pasted into the open app's address bar asks too", async ({ page }) => {
  await open(page);
  await page.locator("#open-share").click();
  const link = await page.locator("#share-link").inputValue();
  await page.keyboard.press("Escape");
  await expect(page.locator("#shared-banner")).toHaveCount(0);
  await page.evaluate((fragment) => { location.hash = fragment; }, link.slice(link.indexOf("#")));
  await expect(page.locator("#shared-banner")).toContainText("This link holds a scenario");
  expect(await page.evaluate(() => location.hash)).toBe("");
});

test("a damaged or newer link says so and loses nothing", async ({ page, baseURL }) => {
  await open(page);
  await importZoneText(page, "keepme 300 IN A 192.0.2.203\n");
  await page.goto("about:blank");
  await page.goto(new URL("./#s1.eJxLTEpWSE4sSi0GAB", baseURL).href);
  await expect(page.locator("#shared-error")).toContainText("damaged or cut short");
  await expect(page.locator("#zone-panel")).toContainText("192.0.2.203");
  await shoot(page, "damaged-link");
  await page.goto("about:blank");
  await page.goto(new URL("./#s7.abc", baseURL).href);
  await expect(page.locator("#shared-error")).toContainText("newer Delegation Lab");
  await page.locator("#shared-ignore").click();
  await expect(page.locator("#shared-banner")).toHaveCount(0);
  await expect(page.locator("#zone-panel")).toContainText("192.0.2.203");
});

test("embedded in a page from another port, the app renders, steps and touches no storage", async ({ page, baseURL }) => {
  const appUrl = new URL(
    "?embed=1&preset=article&panel=trace&q=" + encodeURIComponent("dig +trace www.api.example.com A") + "&autoplay=1",
    baseURL,
  ).href;
  const host = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><title>Host</title></head><body>
      <h1>A docs page</h1>
      <iframe id="lab" title="Delegation Lab" src="${appUrl}" width="900" height="760"></iframe>
      </body></html>`);
  });
  await new Promise((ok) => host.listen(hostPort, "127.0.0.1", ok));
  try {
    await page.goto(`http://127.0.0.1:${hostPort}/`);
    await page.evaluate(() => localStorage.setItem("host-key", "host-value"));
    await page.reload();
    const frame = page.frameLocator("#lab");
    await expect(frame.locator("#embed")).toBeVisible();
    await expect(frame.locator(".embed-title")).not.toBeEmpty();
    await expect(frame.locator(".topbar")).toHaveCount(0);
    await expect(frame.locator(".embed-open")).toHaveAttribute("href", /#s1\./);
    await expect(frame.locator("#embed")).toHaveAttribute("data-view-serial", "1");
    // The query from the URL runs, and autoplay steps through it to the answer by itself.
    await expect(frame.locator(".step-count")).toHaveText("Step 7 of 7", { timeout: 20_000 });
    await expect(frame.locator("#resolve-outcome")).toContainText("NOERROR");
    // The step controls work in the frame.
    await frame.locator(".step-controls button", { hasText: "First" }).click();
    await expect(frame.locator(".step-count")).toHaveText("Step 1 of 7");
    await frame.locator(".step-controls button", { hasText: "Next" }).click();
    await expect(frame.locator(".step-count")).toHaveText("Step 2 of 7");
    await page.screenshot({ path: `${shots}/interop-embed-host.png` });
    // The host's storage is as it was; the app's was not written.
    expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage)))).toBe(
      JSON.stringify([["host-key", "host-value"]]),
    );
    const appFrame = page.frames().find((f) => f.url().startsWith(baseURL));
    expect(await appFrame.evaluate(() => localStorage.length)).toBe(0);
  } finally {
    await new Promise((ok) => host.close(ok));
  }
});

test("embed mode takes a forced dark theme and read-only", async ({ page }) => {
  await open(page, "./?embed=1&preset=quiz&panel=records&readonly=1&theme=dark");
  await expect(page.locator("html.theme-dark")).toHaveCount(1);
  await expect(page.locator("#embed.readonly")).toBeVisible();
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  await page.screenshot({ path: `${shots}/interop-embed-dark-records.png` });
  await open(page, "./?embed=1&preset=article&panel=diagram&theme=light");
  await page.setViewportSize({ width: 360, height: 700 });
  await page.screenshot({ path: `${shots}/interop-embed-diagram-360.png` });
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
});

test("the Share dialog gives docs authors the embed code of this scenario and its resolution", async ({ page, browser, baseURL }) => {
  await open(page);
  // Make the scenario this user's own, then show a resolution at its third step.
  await importZoneText(page, "embedded 300 IN A 192.0.2.204\n");
  await page.locator("#resolve-run").click();
  await page.locator(".step-controls button", { hasText: "Next" }).click();
  await page.locator(".step-controls button", { hasText: "Next" }).click();
  await expect(page.locator(".step-count")).toHaveText("Step 3 of 7");
  await page.locator("#open-share").click();
  const code = page.locator("#embed-code");
  // A resolution is shown: the trace panel, played, read-only, by default.
  await expect(page.locator("#embed-panel")).toHaveValue("trace");
  await expect(page.locator("#embed-autoplay")).toBeChecked();
  await expect(page.locator("#embed-readonly")).toBeChecked();
  await expect(code).toHaveValue(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/lab\/\?embed=1&amp;panel=trace&amp;autoplay=1&amp;readonly=1#s1\.[^"]+" title="Delegation Lab: [^"]+" width="900" height="820" loading="lazy"><\/iframe>$/);
  // The options change the code at once.
  await page.locator("#embed-panel").selectOption("records");
  await page.locator("#embed-theme").selectOption("dark");
  await page.locator("#embed-readonly").uncheck();
  await expect(page.locator("#embed-autoplay")).toBeDisabled();
  await expect(code).toHaveValue(/\?embed=1&amp;panel=records&amp;theme=dark#s1\./);
  await expect(code).toHaveValue(/height="560"/);
  expect(await axeViolations(page, "#share-dialog")).toEqual([]);
  await shoot(page, "embed-code");

  // What a reader sees: the embed of this scenario (with the imported record), not the preset.
  const href = await page.locator("#embed-preview").getAttribute("href");
  expect(href).toBe((await code.inputValue()).match(/src="([^"]+)"/)[1].replaceAll("&amp;", "&"));
  const reader = await (await browser.newContext({ baseURL })).newPage();
  await reader.goto(href);
  await expect(reader.locator("body[data-app=ready]")).toHaveCount(1);
  await expect(reader.locator("#embed")).toBeVisible();
  await expect(reader.locator("html.theme-dark")).toHaveCount(1);
  await expect(reader.locator("#embed.readonly")).toHaveCount(0);
  await expect(reader.locator("#embed")).toContainText("192.0.2.204");
  expect(await reader.evaluate(() => localStorage.length)).toBe(0);
  await reader.context().close();

  // Back to the trace panel: the embed opens the resolution at the step it was shared at.
  await page.locator("#embed-panel").selectOption("trace");
  const traceHref = await page.locator("#embed-preview").getAttribute("href");
  const second = await (await browser.newContext({ baseURL })).newPage();
  await second.goto(traceHref.replace("&autoplay=1", ""));
  await expect(second.locator(".step-count")).toHaveText("Step 3 of 7");
  await expect(second.locator("#resolve-name")).toHaveValue("www.api.example.com");
  await second.context().close();
});

test("Download all saves a multi-file export as one ZIP archive", async ({ page }) => {
  await open(page);
  await page.locator("#open-export").click();
  await page.locator("#export-kind").selectOption("folder");
  await expect(page.locator("#export-file option")).not.toHaveCount(0);
  const count = await page.locator("#export-file option").count();
  const downloads = [];
  page.on("download", (d) => downloads.push(d));
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-download-all").click()]);
  await expect(page.locator("#export-status")).toHaveText(`Downloaded delegation-lab-zone-folder.zip (${count} files).`);
  await page.waitForTimeout(300);
  expect(downloads.length).toBe(1);
  expect(download.suggestedFilename()).toBe("delegation-lab-zone-folder.zip");
  const bytes = readFileSync(await download.path());
  expect(bytes.subarray(0, 4).toString("binary")).toBe("PK\x03\x04");
  // Walk the local headers, inflating each entry.
  const entries = {};
  let at = 0;
  while (bytes.readUInt32LE(at) === 0x04034b50) {
    const method = bytes.readUInt16LE(at + 8);
    const size = bytes.readUInt32LE(at + 18);
    const nameLen = bytes.readUInt16LE(at + 26);
    const extraLen = bytes.readUInt16LE(at + 28);
    const name = bytes.subarray(at + 30, at + 30 + nameLen).toString("utf8");
    const body = bytes.subarray(at + 30 + nameLen + extraLen, at + 30 + nameLen + extraLen + size);
    entries[name] = (method === 8 ? inflateRawSync(body) : body).toString("utf8");
    at += 30 + nameLen + extraLen + size;
  }
  expect(Object.keys(entries).length).toBe(count);
  expect(Object.keys(entries)).toContain("topology.json");
  const zone = Object.entries(entries).find(([name]) => name.endsWith("example.com.zone") && !name.includes("api."));
  expect(zone, Object.keys(entries).join(", ")).toBeTruthy();
  expect(zone[1]).toContain("ns-112.awsdns-14.com.");
});
