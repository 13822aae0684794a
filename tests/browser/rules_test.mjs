// The rules page with rules.source = "files": which script is live per region and since when, and
// an administrator's edit that failed its check, shown with its error while the previous version
// goes on serving. (The workbench, with releases in the store, is releases_test.mjs.)

import {test} from "node:test";
import assert from "node:assert/strict";
import {appendFileSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {STAFF} from "./service_point.mjs";
import {consoleUnderTest, openConsole, signIn, assertNoProblems} from "./browser.mjs";

const served = consoleUnderTest({copyRules: true});

test("the rules page shows each region's live script and a refused edit with its error", async () => {
  const page = await openConsole(served);
  await signIn(page, STAFF.admin);
  await page.getByRole("link", {name: "规则"}).click();
  await page.locator("table.rules").waitFor();
  assert.equal(await page.locator("table.rules tbody tr").count(), 5);
  await page.getByText("所有地区规则均已生效。").waitFor();
  // rules.source = "files" (service_point.mjs's default): no releases, and the page says where to edit.
  assert.match(await page.locator("p.files-mode").textContent(), /以文件修改/);
  assert.equal(await page.locator("button[data-action=new_draft]").count(), 0);

  const script = join(served.service.rules, "qinghai.lua");
  const good = readFileSync(script, "utf8");
  appendFileSync(script, "\nthis is not lua\n");
  // The watcher looks every 200 ms (service_point.mjs); the page asks afresh each time it opens.
  let refused = false;
  for (let i = 0; i < 50 && !refused; i++) {
    await page.getByRole("link", {name: "规则"}).click();
    await page.locator("table.rules").waitFor();
    refused = await page.locator("tr.refused").count() > 0;
    if (!refused) await page.waitForTimeout(200);
  }
  assert.ok(refused, "the refused edit shows");
  const text = await page.locator("table.rules").textContent();
  assert.match(text, /修改未生效/);
  assert.match(text, /qinghai\.lua/);

  writeFileSync(script, good);
  let live = false;
  for (let i = 0; i < 50 && !live; i++) {
    await page.waitForTimeout(200);
    await page.getByRole("link", {name: "规则"}).click();
    await page.locator("table.rules").waitFor();
    live = await page.locator("tr.refused").count() === 0;
  }
  assert.ok(live, "the repaired script is live again");
  assertNoProblems(page);
});
