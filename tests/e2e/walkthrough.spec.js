// The newcomer's path (issue 12): the walkthrough from its first-visit offer to the quiz,
// with the keyboard and the mouse, every item ticking from what the engine sees (never from
// a button pressed), progress kept across a reload, axe on each step; one screen to step
// through a resolution; the article's own commands; and the fixes to what the app said wrong.
// Screenshots at 1440 and 360 wide, light and dark, go to test-results/screens/.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const screens = resolve(here, "test-results/screens");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

async function open(page, path = "./") {
  await page.goto(path);
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
}

async function axe(page) {
  // Colours are judged once their transitions (a button turning primary) have ended.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ") + " :: " + n.failureSummary) }));
  });
}

function guard(page) {
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  return problems;
}

const item = (page, id) => page.locator(`#walk-${id}`);
const done = (page, id) => expect(item(page, id)).toHaveAttribute("data-done", "true");
const notDone = (page, id) => expect(item(page, id)).toHaveAttribute("data-done", "false");

async function consoleRun(page, line) {
  await page.locator("#console-line").fill(line);
  await page.locator("#console-line").press("Enter");
}

async function loadPreset(page, title) {
  await page.locator("#preset-select").selectOption({ label: title });
  await page.locator("#load-preset").click();
}

async function shots(page, name, target) {
  for (const [width, height] of [[1440, 900], [360, 800]]) {
    for (const scheme of ["light", "dark"]) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator(target).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${screens}/${name}-${width}-${scheme}.png` });
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
}

test("the walkthrough, start to end, ticks from the engine and survives a reload", async ({ page }) => {
  test.setTimeout(120_000);
  const problems = guard(page);
  await open(page);
  // First visit: the offer.
  const offer = page.locator("#walkthrough");
  await expect(offer.locator("#walkthrough-heading")).toHaveText("Start here");
  expect(await axe(page)).toEqual([]);
  await shots(page, "walkthrough-offer", "#walkthrough");
  // Started with the keyboard: the starting scenario, one undo step.
  await page.locator("#walkthrough-start").focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#walkthrough-count")).toHaveText("0 of 7 done");
  await expect(page.locator("#undo")).toHaveAttribute("aria-label", /Undo start the walkthrough/);
  await expect(page.locator('#preset-select option:checked')).toHaveText("Walkthrough: the article step by step (changed)");
  for (const id of ["child-zone", "delegate", "dig-checks", "certificate", "wrong-ns", "recreated", "quiz"]) {
    await notDone(page, id);
  }
  expect(await axe(page)).toEqual([]);

  // 1. The child zone, in account B. "Go there" focuses the control; the keyboard does the rest.
  await page.locator("#walk-child-zone-go").click();
  await expect(page.locator("#create-zone")).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Create hosted zone" });
  await dialog.getByLabel("AWS account").selectOption("222222222222");
  await dialog.getByLabel("Domain name").fill("api.example.com");
  await dialog.getByLabel("Domain name").press("Enter");
  await expect(dialog).toHaveCount(0);
  await done(page, "child-zone");
  await expect(item(page, "child-zone")).toContainText("its own four name servers");
  await notDone(page, "delegate");
  expect(await axe(page)).toEqual([]);

  // 2. The delegation: "Go there" opens the child zone and focuses its delegate button.
  await page.locator("#walk-delegate-go").click();
  await expect(page.locator("#zone-heading")).toHaveText("api.example.com.");
  await expect(page.locator("#delegate-to-child")).toBeFocused();
  await page.keyboard.press("Enter");
  await done(page, "delegate");
  await expect(page.locator("#walkthrough-count")).toHaveText("2 of 7 done");
  expect(await axe(page)).toEqual([]);

  // A dig check ticks only when it answers as the article says: the validation CNAME asked
  // for before the certificate exists is NXDOMAIN, and the item says why not.
  await consoleRun(page, "dig CNAME _abc123.api.example.com");
  const cnameCheck = page.locator(".walk-checks li").nth(3);
  await expect(cnameCheck).toHaveAttribute("data-done", "false");
  await expect(cnameCheck.locator(".walk-why-not")).toContainText("No CNAME came back for _abc123.api.example.com");

  // 3. The certificate, and its validation CNAME where ACM finds it (the article's order:
  // the last dig check asks for it).
  await page.locator("#walk-certificate-go").click();
  await expect(page.locator("#acm-domain")).toBeFocused();
  await page.locator("#acm-account").selectOption("222222222222");
  await page.locator("#acm-domain").fill("*.api.example.com");
  await page.locator("#acm-request-submit").click();
  await notDone(page, "certificate");
  await page.locator("#certificates-panel").getByRole("button", { name: "Create records in Route 53" }).first().click();
  await done(page, "certificate");
  await expect(page.locator("#walkthrough-count")).toHaveText("3 of 7 done");
  expect(await axe(page)).toEqual([]);

  // 4. The four dig checks, typed into the console; the article's own server name and
  // validation name are offered with the scenario's real ones, in one click.
  await page.locator("#walk-dig-checks-go").click();
  await expect(page.locator("#console-line")).toBeFocused();
  await consoleRun(page, "dig NS api.example.com @8.8.8.8");
  await expect(page.locator('.walk-checks li[data-done="true"]')).toHaveCount(1);
  await consoleRun(page, "dig A something.api.example.com @ns-123.awsdns-45.com");
  const last = page.locator(".console-entry").last();
  await expect(last.locator(".dig-text")).toContainText("no server named ns-123.awsdns-45.com in this scenario (it is one of the article's example names");
  await expect(last.locator(".dig-text")).toContainText("api.example.com is served by ns-");
  await expect(page.locator('.walk-checks li[data-done="true"]')).toHaveCount(1);
  const offerButton = last.locator(".console-offer");
  await expect(offerButton).toHaveText(/^Run dig A something\.api\.example\.com @ns-\d+\.awsdns-\d+\./);
  await offerButton.click();
  await expect(page.locator(".console-entry").last().locator(".dig-text")).toContainText("status: NXDOMAIN");
  await expect(page.locator(".console-entry").last().locator(".dig-text")).toContainText("flags: qr aa rd;");
  await expect(page.locator('.walk-checks li[data-done="true"]')).toHaveCount(2);
  await consoleRun(page, "dig +trace api.example.com");
  await expect(page.locator('.walk-checks li[data-done="true"]')).toHaveCount(3);
  await notDone(page, "dig-checks");
  await consoleRun(page, "dig CNAME _abc123.api.example.com");
  const example = page.locator(".console-entry").last();
  await expect(example.locator(".dig-text")).toContainText("_abc123.api.example.com is the article's example validation name");
  await notDone(page, "dig-checks");
  await expect(example.locator(".console-offer")).toHaveText(/^Run dig CNAME _[0-9a-f]+\.api\.example\.com$/);
  await example.locator(".console-offer").click();
  await expect(page.locator(".console-entry").last().locator(".dig-text")).toContainText("acm-validations.aws.");
  await done(page, "dig-checks");
  await expect(cnameCheck.locator(".walk-why-not")).toHaveCount(0);
  expect(await axe(page)).toEqual([]);

  // "Go there" for the breakages and the quiz puts the focus in the panel it brings up.
  const focusIn = async (panel) => {
    const inside = await page.evaluate((id) => {
      const a = document.activeElement;
      const r = a.getBoundingClientRect();
      return {
        inside: !!document.getElementById(id)?.contains(a),
        inView: r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth,
      };
    }, panel);
    expect(inside, panel).toEqual({ inside: true, inView: true });
  };
  await page.locator("#walk-wrong-ns-go").click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("diagnostics-panel");
  await focusIn("diagnostics-panel");
  await page.locator("#walk-recreated-go").click();
  await expect(page.locator("#accounts-heading")).toBeFocused();
  await focusIn("accounts-panel");

  // 5 and 6. The two breakages the article names.
  await loadPreset(page, "Parent NS copied from the wrong zone");
  await done(page, "wrong-ns");
  await notDone(page, "recreated");
  await loadPreset(page, "Child zone recreated, parent still points at the old servers");
  await done(page, "recreated");
  expect(await axe(page)).toEqual([]);

  // Left and resumed, and kept across a reload.
  await page.locator("#walkthrough-leave").click();
  await expect(page.locator("#walkthrough")).toHaveCount(0);
  await expect(page.locator("#open-walkthrough")).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
  await expect(page.locator("#walkthrough")).toHaveCount(0);
  await page.locator("#open-walkthrough").click();
  await expect(page.locator("#walkthrough-count")).toHaveText("6 of 7 done");
  await done(page, "recreated");

  // 7. The quiz: a wrong answer ticks nothing, the right one does. Before the challenge is
  // started "Go there" focuses its picker; once it is, the quiz's first answer.
  await page.locator("#walk-quiz-go").click();
  await expect(page.locator("#challenge-select")).toBeFocused();
  await page.locator("#challenge-select").selectOption({ label: "The apex A record that never answers" });
  await page.locator("#start-challenge").click();
  const card = page.locator("#challenge");
  await page.locator("#walk-quiz-go").click();
  await expect.poll(() => page.evaluate(() => !!document.getElementById("challenge")?.contains(document.activeElement))).toBe(true);
  await focusIn("challenge");
  await expect(card.locator("#quiz-caveat")).toContainText("NODATA");
  await card.getByLabel(/^B\./).check();
  await page.locator("#quiz-answer").click();
  await notDone(page, "quiz");
  await card.getByLabel(/^C\./).check();
  await page.locator("#quiz-answer").click();
  await done(page, "quiz");
  await expect(page.locator("#walkthrough-count")).toContainText("7 of 7 done");
  expect(await axe(page)).toEqual([]);
  await shots(page, "walkthrough-done", "#walkthrough");
  await page.reload();
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
  await expect(page.locator("#walkthrough-count")).toContainText("7 of 7 done");
  expect(problems).toEqual([]);
});

test("one screen to step through: controls, the zone asked, the reason and dig's text together", async ({ page }) => {
  await open(page);
  await page.locator("#walkthrough-dismiss").click();
  await page.locator("#resolve-run").click();
  await page.locator(".step-controls").getByRole("button", { name: "Next" }).click();
  // The outcome waits for the last step.
  await expect(page.locator("#resolve-outcome")).toBeHidden();
  await expect(page.locator("#resolve-outcome-pending")).toContainText("The outcome shows at the last step");
  await page.evaluate(() => {
    const e = document.querySelector(".step-controls");
    window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 60);
  });
  const inView = async (selector) => {
    const box = await page.locator(selector).first().boundingBox();
    expect(box, selector).not.toBeNull();
    expect(box.y, selector).toBeGreaterThanOrEqual(0);
    expect(box.y + Math.min(box.height, 80), selector).toBeLessThanOrEqual(900);
  };
  await inView(".step-controls");
  await inView(".step-map .mini-node.asked");
  await inView(".stepping-side .step-why");
  await inView(".stepping-side .dig-text");
  await expect(page.locator(".step-map .mini-node.asked")).toHaveCount(1);
  await page.screenshot({ path: `${screens}/stepping-one-screen-1440-light.png` });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: `${screens}/stepping-one-screen-1440-dark.png` });
  await page.emulateMedia({ colorScheme: "light" });
  await page.locator(".step-controls").getByRole("button", { name: "Last" }).click();
  await expect(page.locator("#resolve-outcome")).toBeVisible();
  await expect(page.locator("#resolve-outcome-pending")).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await axe(page)).toEqual([]);
  // 360 px: the map scrolls, with the zone asked in view.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.locator(".step-controls").getByRole("button", { name: "First" }).click();
  await page.locator(".step-map").scrollIntoViewIfNeeded();
  const map = await page.locator(".step-map .diagram-scroll").boundingBox();
  const asked = await page.locator(".step-map .mini-node.asked").boundingBox();
  expect(asked.x).toBeGreaterThanOrEqual(map.x - 1);
  expect(asked.x + asked.width).toBeLessThanOrEqual(map.x + map.width + 1);
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${screens}/stepping-one-screen-360-${scheme}.png` });
  }
});

test("Direct to one server prints the server asked, not 8.8.8.8", async ({ page }) => {
  await open(page);
  await page.locator("#walkthrough-dismiss").click();
  await page.locator("#resolve-mode").selectOption("direct");
  const child = page.locator("#resolve-server option", { hasText: "ns-140.awsdns-17.com" });
  await page.locator("#resolve-server").selectOption(await child.getAttribute("value"));
  await page.locator("#resolve-run").click();
  const text = page.locator("#resolve-outcome .dig-text");
  await expect(text).toContainText(";; SERVER: ");
  await expect(text).toContainText("(ns-140.awsdns-17.com) (UDP)");
  await expect(text).not.toContainText("8.8.8.8");
  await expect(text).toContainText(";; flags: qr aa;");
});

test("the header shows the scenario's own title, marked as changed", async ({ page }) => {
  await open(page);
  await page.locator("#walkthrough-dismiss").click();
  await expect(page.locator("#preset-select option:checked")).toHaveText("Cross-account delegation (works)");
  await expect(page.locator("#preset-description")).toContainText("everything resolves");
  // An edit: no longer the preset as shipped.
  await page.getByRole("button", { name: "Delete NS record set api.example.com." }).click();
  const confirm = page.getByRole("dialog");
  if (await confirm.count()) await confirm.getByRole("button", { name: /^Delete/ }).click();
  await expect(page.locator("#preset-select option:checked")).toHaveText("Cross-account delegation (works) (changed)");
  await expect(page.locator("#scenario-changed")).toHaveText("Changed");
  await expect(page.locator("#preset-description")).not.toContainText("everything resolves");
  await expect(page.locator("#load-preset")).toBeDisabled();
  // Undone: the preset again.
  await page.locator("#undo").click();
  await expect(page.locator("#preset-select option:checked")).toHaveText("Cross-account delegation (works)");
});

test("a zone file's $ORIGIN picks its hosted zone; records below a delegation are warned about", async ({ page }) => {
  await open(page);
  await page.locator("#walkthrough-dismiss").click();
  await expect(page.locator("#zone-heading")).toHaveText("example.com.");
  await page.locator("#open-import").click();
  const dialog = page.locator("#import-dialog");
  const parent = await page.locator("#import-zone").inputValue();
  await page.locator("#import-text").fill("$TTL 300\n$ORIGIN api.example.com.\nwww2 IN A 192.0.2.10\n");
  // Preselected: the child's hosted zone (account B).
  await expect(page.locator("#import-zone option:checked")).toContainText("api.example.com.");
  await expect(page.locator("#import-zone option:checked")).toContainText("222222222222");
  await expect(dialog.locator("#import-warning")).toHaveCount(0);
  // Chosen back to the parent: the warning says where the records land.
  await page.locator("#import-zone").selectOption(parent);
  await expect(dialog.locator("#import-warning")).toContainText("1 record set lands below the delegation of api.example.com");
  expect(await axe(page)).toEqual([]);
  await dialog.screenshot({ path: `${screens}/import-below-delegation.png` });
});

test("embeds: the trace starts inside a 900x700 frame; panel=dig shows the command in the console", async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 700 });
  // One diagram only (the stepping view's map); the step controls, the zone asked, the
  // step's reason and dig's text all in the frame. As in the README's example, and without
  // autoplay.
  const readme = readFileSync(resolve(here, "../../README.md"), "utf8");
  const documented = readme.match(/<iframe src="https:\/\/YOUR-HOST\/lab\/(\?embed=1[^"]*)"/)[1].replaceAll("&amp;", "&");
  expect(documented).toContain("panel=trace");
  expect(documented).toContain("autoplay=1");
  const q = encodeURIComponent("dig +trace www.api.example.com A");
  for (const query of [documented, `?embed=1&preset=article&panel=trace&q=${q}&theme=light`]) {
    await open(page, `./${query}`);
    await expect(page.locator(".step-controls")).toBeVisible();
    await expect(page.locator(".diagram-svg")).toHaveCount(1);
    for (const selector of [".step-controls", ".step-map .mini-node.asked", ".stepping-side .step-why", ".stepping-side .step-meta", ".stepping-side .dig-text"]) {
      const box = await page.locator(selector).first().boundingBox();
      expect(box, `${query}: ${selector}`).not.toBeNull();
      expect(box.y, `${query}: ${selector}`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${query}: ${selector}`).toBeLessThanOrEqual(900 + 1);
      // Its top and at least its first lines inside the frame.
      expect(box.y + Math.min(box.height, 60), `${query}: ${selector}`).toBeLessThanOrEqual(700);
    }
  }
  await page.screenshot({ path: `${screens}/embed-trace-900x700.png` });
  await open(page, `./?embed=1&preset=article&panel=dig&q=${encodeURIComponent("dig NS api.example.com @8.8.8.8")}`);
  await expect(page.locator(".console-entry .console-cmd")).toHaveText("$ dig NS api.example.com @8.8.8.8");
  await expect(page.locator(".console-entry .dig-text")).toContainText("ANSWER SECTION");
});

test("the diagram: a lame delegation is dashed as the legend shows; the root in view at 360 px", async ({ page }) => {
  await open(page);
  await page.locator("#walkthrough-dismiss").click();
  await loadPreset(page, "Child zone recreated, parent still points at the old servers");
  const lame = page.locator("#diagram-panel g.edge.bad");
  await expect(lame.first()).toHaveClass(/dashed/);
  await expect(page.locator("#diagram-panel .legend-item.bad")).toContainText("dashed");
  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  await expect(page.locator("body[data-app=ready]")).toHaveCount(1);
  await page.locator("#diagram-panel").scrollIntoViewIfNeeded();
  const frame = await page.locator("#diagram-panel .diagram-scroll").boundingBox();
  const root = await page.locator('#diagram-panel g.node.internet').first().boundingBox();
  expect(root.x).toBeGreaterThanOrEqual(frame.x - 1);
  expect(root.x + root.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
  await page.screenshot({ path: `${screens}/diagram-360-root.png` });
  // The name-server zones shown: the diagram scrolls rather than shrinking its labels.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.locator("#show-infrastructure").check();
  const label = page.locator("#diagram-panel .edge-ns").first();
  const size = await label.evaluate((el) => {
    const svg = el.ownerSVGElement;
    const scale = svg.getBoundingClientRect().width / svg.width.baseVal.value;
    return parseFloat(getComputedStyle(el).fontSize) * scale;
  });
  expect(size).toBeGreaterThanOrEqual(10);
});
