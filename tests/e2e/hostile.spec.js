// Hostile and damaged input in the app, one test per decoder's worst case: a zone file, a
// Route 53 listing and a scenario pasted into the import dialog, share links (a damaged one,
// one whose ids are paths, one whose retired delegation sets once froze the tab), a dig
// command line in the console, a value in the record form. Each time: the error shows where
// the input was given, no page error or console error, and nothing saved is lost (the saved
// scenario is the same after a reload).
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const fixture = JSON.parse(readFileSync(resolve(here, "fixtures/wrong-ns.json"), "utf8"));
const SAVED = "delegation-lab:doc";

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

async function open(page, path = "./") {
  await page.goto(path);
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
}

/// Opens the app, saves one record of our own, and returns the saved document.
async function withSavedWork(page) {
  await open(page);
  await page.locator("#open-import").click();
  await page.locator("#import-text").fill("keepme 300 IN A 192.0.2.213\n");
  await expect(page.locator("#import-summary")).toBeVisible();
  await page.locator("#import-apply").click();
  await expect(page.locator("#import-dialog")).toHaveCount(0);
  await expect(page.locator("#zone-panel")).toContainText("192.0.2.213");
  // Saved a moment after the change (the app does not make the edit wait for the write).
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key) ?? "", SAVED)).toContain("192.0.2.213");
  return page.evaluate((key) => localStorage.getItem(key), SAVED);
}

/// After a reload the saved scenario is the one saved before, and it still shows.
async function expectSavedIntact(page, saved) {
  await page.goto("about:blank");
  await open(page);
  expect(await page.evaluate((key) => localStorage.getItem(key), SAVED)).toBe(saved);
  await expect(page.locator("#zone-panel")).toContainText("192.0.2.213");
}

/// A share link's fragment holding `scenario` as it is (the app's own `share` refuses to
/// make links of invalid scenarios, a hand-made link does not).
function linkOf(scenario) {
  const packed = deflateSync(Buffer.from(JSON.stringify({ scenario })));
  return "#s1." + packed.toString("base64url");
}

async function pasteImport(page, kind, text) {
  await page.locator("#open-import").click();
  await expect(page.locator("#import-dialog")).toBeVisible();
  await page.locator("#import-kind").selectOption(kind);
  await page.locator("#import-text").fill(text);
}

test("a hostile zone file: the error at the text, the text kept, nothing saved lost", async ({ page }) => {
  const problems = guardPage(page);
  const saved = await withSavedWork(page);
  const hostile = "\u0000$ORIGIN ..\n@ IN SOA ( ( (\nü IN TXT \"\\999\"\n$TTL 99999999999999999999\n" + "x".repeat(5000);
  await pasteImport(page, "zone", hostile);
  await expect(page.locator("#import-error")).toContainText("pasted text:1:1: bad owner name");
  await expect(page.locator("#import-text")).toHaveValue(hostile);
  await expect(page.locator("#import-apply")).toBeDisabled();
  await page.locator("#import-text").fill("$TTL 4294967296\n@ IN A 192.0.2.1\n");
  await expect(page.locator("#import-error")).toContainText("bad $TTL \"4294967296\"");
  await page.keyboard.press("Escape");
  await expectSavedIntact(page, saved);
  expect(problems).toEqual([]);
});

test("a hostile Route 53 listing: the error names the JSON path", async ({ page }) => {
  const problems = guardPage(page);
  const saved = await withSavedWork(page);
  const listing = JSON.stringify({
    ResourceRecordSets: [
      { Name: "x.example.com.", Type: "A", TTL: 18446744073709551615n.toString(), ResourceRecords: [{ Value: "192.0.2.1" }] },
    ],
  }).replace('"18446744073709551615"', "18446744073709551615");
  await pasteImport(page, "route53", listing);
  await expect(page.locator("#import-error")).toContainText("ResourceRecordSets[0].TTL");
  await expect(page.locator("#import-error")).toContainText("Route 53 takes 0 to 2147483647 seconds");
  await page.locator("#import-text").fill('{"ResourceRecordSets":[{"Name":"x","Type":"A","TTL":1e400}]}');
  await expect(page.locator("#import-error")).toContainText("number out of range");
  await expect(page.locator("#import-apply")).toBeDisabled();
  await page.keyboard.press("Escape");
  await expectSavedIntact(page, saved);
  expect(problems).toEqual([]);
});

test("a hostile scenario pasted: a path as a zone id and a clock past year 9999 are refused", async ({ page }) => {
  const problems = guardPage(page);
  const saved = await withSavedWork(page);
  const id = fixture.aws.hosted_zones[1].id;
  const traversal = JSON.stringify(fixture).replaceAll(id, "../../../../x");
  await pasteImport(page, "scenario", traversal);
  await expect(page.locator("#import-error")).toContainText('the zone id "../../../../x" is not an id');
  await expect(page.locator("#import-apply")).toBeDisabled();
  const late = JSON.stringify({ ...fixture, clock: 1 }).replace('"clock":1', '"clock":18446744073709551615');
  await page.locator("#import-text").fill(late);
  await expect(page.locator("#import-error")).toContainText("past 9999-12-31T23:59:59Z");
  await page.keyboard.press("Escape");
  await expectSavedIntact(page, saved);
  expect(problems).toEqual([]);
});

test("damaged and hostile share links say why and lose nothing", async ({ page, baseURL }) => {
  const problems = guardPage(page);
  const saved = await withSavedWork(page);
  const id = fixture.aws.hosted_zones[1].id;
  const hostile = JSON.parse(JSON.stringify(fixture).replaceAll(id, "../../../../x"));
  for (const [fragment, message] of [
    [linkOf(hostile), 'the zone id "../../../../x" is not an id'],
    [linkOf({ ...fixture, clock: 253402300800 }), "past 9999-12-31T23:59:59Z"],
    ["#s1." + "A".repeat(40000), "damaged or cut short"],
    ["#s1.!!!", "cannot be in a link"],
  ]) {
    await page.goto("about:blank");
    await page.goto(new URL("./" + fragment, baseURL).href);
    await expect(page.locator("#shared-error")).toContainText(message);
    await expect(page.locator("#zone-panel")).toContainText("192.0.2.213");
  }
  await expectSavedIntact(page, saved);
  expect(problems).toEqual([]);
});

test("a link whose retired delegation sets use up a range opens, and recreating a zone does not freeze", async ({ page, baseURL }) => {
  const problems = guardPage(page);
  await open(page);
  const crowded = JSON.parse(JSON.stringify(fixture));
  crowded.aws.retired_sets = Array.from({ length: 512 }, (_, k) => ["api.example.com.", [k, 512, 1024, 1536]]);
  const fragment = linkOf(crowded);
  expect(fragment.length).toBeLessThan(8 * 1024);
  await page.goto("about:blank");
  await page.goto(new URL("./" + fragment, baseURL).href);
  await page.locator("#shared-open").click();
  await expect(page.locator("#shared-banner")).toHaveCount(0);
  const item = page.locator("li.hz[data-name='api.example.com.']");
  await item.getByRole("button", { name: "Recreate hosted zone api.example.com." }).click();
  const dialog = page.getByRole("dialog", { name: "Recreate api.example.com.?" });
  await dialog.getByRole("button", { name: "Recreate hosted zone" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator("li.hz[data-name='api.example.com.'] .hz-ns li")).toHaveCount(4);
  expect(problems).toEqual([]);
});

test("a hostile dig command line prints dig's error in the console", async ({ page }) => {
  const problems = guardPage(page);
  const saved = await withSavedWork(page);
  const lines = [
    ["dig @../../x -t TYPE65536 -q bücher.example.com", 'dig: "TYPE65536" is not a record type'],
    ["dig " + "a".repeat(70) + ".example.com", "is 70 octets long; a label may have at most 63"],
    ["dig -t", "dig: -t must be followed by a record type"],
    ["dig bücher.example.com", "xn--bcher-kva"],
    ["dig +trace +noall www.example.com", "not simulated with +trace"],
  ];
  for (const [i, [line, message]] of lines.entries()) {
    await page.fill("#console-line", line);
    await page.press("#console-line", "Enter");
    await expect(page.locator(".console-entry").nth(i).locator("pre")).toContainText(message);
  }
  await expectSavedIntact(page, saved);
  expect(problems).toEqual([]);
});

test("a hostile record value shows its error at the field and keeps every field", async ({ page }) => {
  const problems = guardPage(page);
  const saved = await withSavedWork(page);
  await page.getByRole("button", { name: "Add record" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a record set to example.com." });
  await dialog.getByLabel("Record type").selectOption("TXT");
  await dialog.getByLabel("Record name").fill("evil");
  const value = '"<img src=x onerror=alert(1)> \\';
  await dialog.getByLabel("Value").fill(value);
  await dialog.getByRole("button", { name: "Create record set" }).click();
  await expect(dialog.locator("#rec-values-error")).toContainText("a quote is not closed");
  await expect(dialog.getByLabel("Value")).toHaveValue(value);
  await dialog.getByLabel("Value").fill('"a" ( "b" )');
  await dialog.getByRole("button", { name: "Create record set" }).click();
  await expect(dialog.locator("#rec-values-error")).toContainText("without parentheses outside quotes");
  await dialog.getByLabel("TTL (seconds)").fill("99999999999999999999");
  await dialog.getByRole("button", { name: "Create record set" }).click();
  await expect(dialog.locator("#rec-ttl-error")).toBeVisible();
  await expect(dialog.getByLabel("Record name")).toHaveValue("evil");
  expect(await page.locator("#app img, #app script").count()).toBe(0);
  await page.keyboard.press("Escape");
  await expectSavedIntact(page, saved);
  expect(problems).toEqual([]);
});
