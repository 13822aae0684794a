// A clerk and a reviewer take an order from acceptance to a downloaded certificate in the console,
// in Chinese, without the command line (issue 6, "Done means"); and the four-eyes rule as the
// console shows it.

import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {execFileSync} from "node:child_process";
import {STAFF, uscc} from "./service_point.mjs";
import {consoleUnderTest, openConsole, signIn, assertNoProblems} from "./browser.mjs";
import {acceptOrder, openOrder, act, stateOf, waitForState, receiveAllMaterials} from "./console_steps.mjs";

const served = consoleUnderTest();

// The smallest PNG header the host's content check recognises, and a body.
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

test("a clerk and a reviewer take an order from acceptance to a downloaded certificate, in Chinese", async () => {
  const clerk = await openConsole(served);
  const reviewer = await openConsole(served);
  await signIn(clerk, STAFF.clerk);
  await signIn(reviewer, STAFF.reviewer);
  assert.equal(await clerk.locator("html").getAttribute("lang"), "zh-CN");

  // Acceptance: a mistyped USCC is refused beside the field, in Chinese, before anything is sent.
  const code = uscc(101);
  const id = await acceptOrder(clerk, {region: "central", ca: "bjca", channel: "onsite", name: "福州浏览器测试有限公司",
    uscc: code.slice(0, 17) + (code[17] === "0" ? "1" : "0"),
    extra: async (page) => {
      const message = page.locator("#" + (await page.locator("input[name=uscc]").getAttribute("id")) + "-message");
      await message.filter({hasText: /校验码/}).waitFor();
      await page.locator("input[name=uscc]").fill(code);
      await message.filter({hasText: "校验通过"}).waitFor();
      // The live quote: BJCA's published fee for one certificate set, and the materials checklist.
      await page.locator(".quote-panel .fee tfoot", {hasText: "¥260.00"}).waitFor();
      assert.ok(await page.locator(".quote-panel ul.materials li").count() >= 3);
    }});
  assert.equal(await stateOf(clerk), "已受理");

  // Materials: one uploaded as a file, the others ticked off.
  await clerk.locator('ul.material-list li[data-code="uscc_copy"] input[type=file]').setInputFiles(
    {name: "licence.png", mimeType: "image/png", buffer: PNG});
  await clerk.locator('ul.material-list li.received[data-code="uscc_copy"]').waitFor();
  await receiveAllMaterials(clerk);
  await clerk.locator("section.materials", {hasText: "材料已齐全"}).waitFor();

  // Review: rejected with a reason, resubmitted by the clerk, approved by the reviewer.
  await openOrder(reviewer, id);
  await act(reviewer, "start_review", "审核中");
  await reviewer.locator('section.actions button[data-action="reject"]').click();
  await reviewer.locator(".field-message.error", {hasText: "原因"}).waitFor();  // a rejection needs its reason
  await act(reviewer, "reject", "已驳回", {note: "授权书未签字"});
  await openOrder(clerk, id);
  await clerk.locator("section.timeline", {hasText: "授权书未签字"}).waitFor();
  await act(clerk, "resubmit", "已重新提交");
  await openOrder(reviewer, id);
  await act(reviewer, "start_review", "审核中");
  await act(reviewer, "approve", "待缴费");

  // Payment at the quoted amount, then issuing at the CA.
  await openOrder(clerk, id);
  assert.equal(await clerk.locator("input[name=amount]").inputValue(), "260.00");
  await clerk.locator("select[name=method]").selectOption("wechat");
  await clerk.getByRole("button", {name: "登记缴费"}).click();
  await waitForState(clerk, "已缴费");
  await clerk.locator('section.actions button[data-action="issue"]').click();
  await waitForState(clerk, "已签发");
  const serial = (await clerk.locator("section.certificate dd.mono").first().textContent()).trim();
  assert.match(serial, /^[0-9A-F]+$/i);

  // The certificate downloads as PEM, and OpenSSL reads the same serial from it.
  const [download] = await Promise.all([clerk.waitForEvent("download"),
                                        clerk.locator('button[data-action="download_pem"]').click()]);
  const pem = readFileSync(await download.path(), "utf8");
  assert.match(pem, /^-----BEGIN CERTIFICATE-----/);
  const opensslSerial = execFileSync("openssl", ["x509", "-noout", "-serial"], {input: pem, encoding: "utf8"});
  assert.equal(opensslSerial.trim().replace(/^serial=/, "").toUpperCase(), serial.toUpperCase());

  // No CSR was chosen, so the CA made the key pair: its private key is offered once, and it is the
  // certificate's. After the download the page no longer holds it, nor does a reload.
  const [keyDownload] = await Promise.all([clerk.waitForEvent("download"),
                                           clerk.locator('a[data-action="download_key"]').click()]);
  const key = readFileSync(await keyDownload.path(), "utf8");
  assert.match(key, /^-----BEGIN PRIVATE KEY-----/);
  assert.equal(execFileSync("openssl", ["pkey", "-pubout"], {input: key, encoding: "utf8"}),
               execFileSync("openssl", ["x509", "-noout", "-pubkey"], {input: pem, encoding: "utf8"}));
  await clerk.reload();
  await waitForState(clerk, "已签发");
  assert.equal(await clerk.locator("section.holder-key").count(), 0);

  // Delivery.
  await act(clerk, "ready_for_pickup", "待领取");
  await act(clerk, "complete", "已办结");

  // The audit trail names who did what.
  const timeline = await clerk.locator("section.timeline").textContent();
  for (const who of [STAFF.clerk, STAFF.reviewer]) assert.ok(timeline.includes(who), `${who} in the timeline`);
  for (const what of ["受理", "驳回", "审核通过", "登记缴费", "签发证书", "SHA-256"]) assert.ok(timeline.includes(what), what);

  // The issued certificate is found by its serial on the certificates page.
  await clerk.getByRole("link", {name: "证书"}).click();
  await clerk.getByRole("searchbox").fill(serial.toLowerCase());
  await clerk.getByRole("searchbox").press("Enter");
  await clerk.locator("table.certificates tbody tr", {hasText: serial}).waitFor();
  assert.ok((await clerk.locator("table.certificates tbody tr").textContent()).includes("福州浏览器测试有限公司"));

  assertNoProblems(clerk);
  assertNoProblems(reviewer);
});

test("four eyes: whoever accepted an order may not approve it, and the console says so before the click", async () => {
  const admin = await openConsole(served);
  await signIn(admin, STAFF.admin);
  const id = await acceptOrder(admin, {region: "central", ca: "bjca", channel: "onsite", name: "四眼测试有限公司", uscc: uscc(102)});
  // A file whose content is not what its name says is refused in words, and nothing is ticked.
  await admin.locator('ul.material-list li[data-code="uscc_copy"] input[type=file]').setInputFiles(
    {name: "licence.jpg", mimeType: "image/jpeg", buffer: PNG});
  await admin.locator("p.error[role=alert]", {hasText: "文件内容与扩展名不符"}).waitFor();
  assert.equal(await admin.locator('ul.material-list li.missing[data-code="uscc_copy"]').count(), 1);
  await receiveAllMaterials(admin);
  await act(admin, "start_review", "审核中");
  assert.equal(await admin.locator('section.actions button[data-action="approve"]').count(), 0);
  const held = admin.locator('p.held[data-code="four_eyes"]');
  await held.waitFor();
  assert.match(await held.textContent(), /四眼/);
  assert.ok(await held.locator("button").isDisabled());

  // The API enforces it anyway: the same call made by hand with the admin's own token is refused.
  const refusal = await admin.evaluate(async (orderId) => {
    const headers = {Authorization: `Bearer ${JSON.parse(sessionStorage.getItem("cahub.session")).token}`,
                     "Content-Type": "application/json"};
    const order = await (await fetch(`/v1/orders/${orderId}`, {headers})).json();
    const r = await fetch(`/v1/orders/${orderId}/actions/approve`, {method: "POST", headers,
                                                                     body: JSON.stringify({version: order.version})});
    return {status: r.status, code: (await r.json()).error.code};
  }, id);
  assert.deepEqual(refusal, {status: 403, code: "four_eyes"});

  // Another reviewer may, and does.
  const reviewer = await openConsole(served);
  await signIn(reviewer, STAFF.reviewer);
  await openOrder(reviewer, id);
  await act(reviewer, "approve", "待缴费");
  assertNoProblems(admin);
  assertNoProblems(reviewer);
});

test("an unpriced order: a reviewer sets the price and validity with a reason, then it is paid and issued", async () => {
  const clerk = await openConsole(served);
  const reviewer = await openConsole(served);
  await signIn(clerk, STAFF.clerk);
  await signIn(reviewer, STAFF.reviewer);
  // Guangdong publishes no fee for NETCA's certificates: the quote says so and who sets it.
  const id = await acceptOrder(clerk, {region: "guangdong", ca: "netca", name: "广州未定价测试有限公司", uscc: uscc(103),
    extra: async (page) => {
      await page.locator(".quote-panel .unpriced").first().waitFor();
      await page.locator(".quote-panel .notice", {hasText: "复核员或管理员"}).waitFor();
    }});
  await receiveAllMaterials(clerk);
  assert.equal(await clerk.locator("section.terms").count(), 0, "a clerk does not set prices");

  await openOrder(reviewer, id);
  await act(reviewer, "start_review", "审核中");
  await act(reviewer, "approve", "待缴费");
  // The clerk cannot take payment yet: the button waits for a price, and says so.
  await openOrder(clerk, id);
  await clerk.locator('p.held[data-code="unpriced"]').waitFor();

  await openOrder(reviewer, id);
  const terms = reviewer.locator("section.terms");
  await terms.locator("input[name=terms_total]").fill("300");
  if (await terms.locator("input[name=terms_years]").count()) await terms.locator("input[name=terms_years]").fill("1");
  await terms.getByRole("button", {name: "设定"}).click();
  await reviewer.locator(".field-message.error, p.error[role=alert]").filter({hasText: /依据|reason/}).first().waitFor();
  await terms.locator("input[name=terms_reason]").fill("NETCA 广州营业厅电话确认价目");
  await terms.getByRole("button", {name: "设定"}).click();
  await reviewer.locator("dl.summary", {hasText: "¥300.00"}).waitFor();

  await openOrder(clerk, id);
  assert.equal(await clerk.locator("input[name=amount]").inputValue(), "300.00");
  await clerk.getByRole("button", {name: "登记缴费"}).click();
  await waitForState(clerk, "已缴费");
  await clerk.locator('section.actions button[data-action="issue"]').click();
  await waitForState(clerk, "已签发");
  await clerk.locator('button[data-action="download_pem"]').waitFor();
  const timeline = await clerk.locator("section.timeline").textContent();
  assert.ok(timeline.includes("NETCA 广州营业厅电话确认价目"), "the reason is in the audit trail");
  assertNoProblems(clerk);
  assertNoProblems(reviewer);
});
