// The certificates page: a unit's certificate found by name, USCC or serial, its renewal window
// judged by the live rules, and the renewal order started from it with the certificate's facts.

import {test} from "node:test";
import assert from "node:assert/strict";
import {STAFF, uscc, chinaDay} from "./service_point.mjs";
import {consoleUnderTest, openConsole, signIn, assertNoProblems} from "./browser.mjs";
import {acceptOrder, openOrder, act, waitForState, receiveAllMaterials} from "./console_steps.mjs";

const unit = {name: "续期浏览器测试有限公司", uscc: uscc(400), serial: "BROWSER-BJCA-0400"};
const revoked = {name: "吊销浏览器测试有限公司", uscc: uscc(401), serial: ""};
const served = consoleUnderTest({prepare: (service) => {
  // A certificate the unit held before cahub: one year, its last day 20 days from today.
  service.cahubAs(STAFF.reviewer, ["certs", "import", "--ca", "bjca", "--region", "central", "--serial", unit.serial,
    "--unit-name", unit.name, "--uscc", unit.uscc, "--not-before", chinaDay(20 - 364), "--not-after", chinaDay(20)]);
  // One BJCA really issued (at its counter, before cahub), so that BJCA can revoke it.
  const issued = JSON.parse(service.cahub(["plugins", "operate", "bjca", JSON.stringify({op: "issue", order_id: "before-cahub-1",
    business: "new", subject: {kind: "org", unit_name: revoked.name, uscc: revoked.uscc},
    not_before: chinaDay(-100), not_after: chinaDay(265)})]));
  revoked.serial = issued.serial;
  service.cahubAs(STAFF.reviewer, ["certs", "import", "--ca", "bjca", "--region", "central", "--serial", revoked.serial,
    "--unit-name", revoked.name, "--uscc", revoked.uscc, "--not-before", chinaDay(-100), "--not-after", chinaDay(265)]);
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

test("a revocation is priced, paid and carried out at the CA from the console, and the registry shows it", async () => {
  const clerk = await openConsole(served);
  const reviewer = await openConsole(served);
  await signIn(clerk, STAFF.clerk);
  await signIn(reviewer, STAFF.reviewer);
  const id = await acceptOrder(clerk, {region: "central", ca: "bjca", business: "revoke", channel: "onsite",
    name: revoked.name, uscc: revoked.uscc, extra: async (page) => {
      // The serial finds the registered certificate and fills in its dates.
      await page.locator("input[name=previous_serial]").fill(revoked.serial);
      await page.locator(".field-message.ok", {hasText: revoked.name}).waitFor();
      assert.equal(await page.locator("input[name=cert_not_after]").inputValue(), chinaDay(265));
    }});
  await receiveAllMaterials(clerk);
  await openOrder(reviewer, id);
  await act(reviewer, "start_review", "审核中");
  await act(reviewer, "approve", "待缴费");
  // BJCA publishes no revocation fee in central: the reviewer sets it, the clerk takes it.
  await reviewer.locator("input[name=terms_total]").fill("50");
  await reviewer.locator("input[name=terms_reason]").fill("BJCA 服务网点电话确认");
  await reviewer.locator("section.terms").getByRole("button", {name: "设定"}).click();
  await reviewer.locator("dl.summary", {hasText: "¥50.00"}).waitFor();
  await openOrder(clerk, id);
  await clerk.getByRole("button", {name: "登记缴费"}).click();
  await waitForState(clerk, "已缴费");
  // No plain "complete": the certificate's status changes at the CA first.
  assert.equal(await clerk.locator('section.actions button[data-action="complete"]').count(), 0);
  await clerk.locator('section.actions button[data-action="carry_out"]').click();
  await waitForState(clerk, "已办结");

  await clerk.getByRole("link", {name: "证书"}).click();
  await clerk.getByRole("searchbox").fill(revoked.serial);
  await clerk.getByRole("searchbox").press("Enter");
  await clerk.locator("table.certificates tbody tr", {hasText: "已吊销"}).waitFor();
  // And the CA agrees.
  const status = JSON.parse(served.service.cahub(["plugins", "operate", "bjca", JSON.stringify({op: "status", serial: revoked.serial})]));
  assert.equal(status.status, "revoked");
  assertNoProblems(clerk);
  assertNoProblems(reviewer);
});
