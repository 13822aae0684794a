// The certificates page: a unit's certificate found by name, USCC or serial, its renewal window
// judged by the live rules, and the renewal order started from it with the certificate's facts.

import {test} from "node:test";
import assert from "node:assert/strict";
import {STAFF, uscc, chinaDay} from "./service_point.mjs";
import {consoleUnderTest, openConsole, signIn, assertNoProblems} from "./browser.mjs";

const unit = {name: "续期浏览器测试有限公司", uscc: uscc(400), serial: "BROWSER-BJCA-0400"};
const served = consoleUnderTest({prepare: (service) => {
  // A certificate the unit held before cahub: one year, its last day 20 days from today.
  service.cahubAs(STAFF.reviewer, ["certs", "import", "--ca", "bjca", "--region", "central", "--serial", unit.serial,
    "--unit-name", unit.name, "--uscc", unit.uscc, "--not-before", chinaDay(20 - 364), "--not-after", chinaDay(20)]);
}});

test("a certificate near expiry is found by name, USCC or serial and its renewal starts from the list", async () => {
  const page = await openConsole(served);
  await signIn(page, STAFF.clerk);
  await page.getByRole("link", {name: "证书"}).click();
  for (const q of ["浏览器测试", unit.uscc, unit.serial.toLowerCase()]) {
    await page.getByRole("searchbox").fill(q);
    await page.getByRole("searchbox").press("Enter");
    await page.waitForURL(new RegExp(`q=${encodeURIComponent(q).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    const row = page.locator("table.certificates tbody tr", {hasText: unit.serial});
    await row.waitFor();
    assert.match(await row.textContent(), /20/);  // days left
  }
  await page.getByRole("searchbox").fill("没有这个单位");
  await page.getByRole("searchbox").press("Enter");
  await page.getByText("没有找到证书。").waitFor();

  await page.getByRole("searchbox").fill(unit.name);
  await page.getByRole("searchbox").press("Enter");
  await page.locator(`a[data-serial="${unit.serial}"]`).click();

  // The form arrives filled in: renewal of this certificate, with its dates from the registry.
  await page.getByRole("heading", {name: "新建订单"}).waitFor();
  assert.equal(await page.locator("select[name=business]").inputValue(), "renew");
  assert.equal(await page.locator("input[name=previous_serial]").inputValue(), unit.serial);
  assert.equal(await page.locator("input[name=cert_not_after]").inputValue(), chinaDay(20));
  await page.locator(".quote-panel .verdict", {hasText: "可以办理"}).waitFor();
  await page.getByRole("button", {name: "受理订单"}).click();
  await page.waitForURL(/#\/orders\/ORD-/);
  await page.locator("main h1 .state", {hasText: "已受理"}).waitFor();
  const summary = await page.locator("dl.summary").first().textContent();
  assert.ok(summary.includes(unit.serial), "the order names the certificate it renews");
  assert.ok(summary.includes("续期"));
  assertNoProblems(page);
});
