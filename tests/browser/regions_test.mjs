// An order for every region through the New order form, the queue's filters and counts, and the
// form's checks as a clerk types: each refusal in place, in Chinese or English, never raw JSON.

import {test} from "node:test";
import assert from "node:assert/strict";
import {STAFF, uscc} from "./service_point.mjs";
import {consoleUnderTest, openConsole, signIn, assertNoProblems} from "./browser.mjs";

const served = consoleUnderTest();

async function options(page, name) {
  return page.locator(`select[name=${name}] option`).evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
}

test("a clerk accepts a new-certificate order in every region the host serves", async () => {
  const page = await openConsole(served);
  await signIn(page, STAFF.clerk);
  await page.getByRole("link", {name: "新建订单"}).click();
  const regions = await options(page, "region");
  assert.deepEqual([...regions].sort(), ["central", "guangdong", "jinan", "neimenggu", "qinghai"]);
  const accepted = {};
  for (const [i, region] of regions.entries()) {
    await page.getByRole("link", {name: "新建订单"}).click();
    await page.locator("select[name=region]").selectOption(region);
    // The CA list holds only the CAs this region accepts; take the first that issues new certificates.
    let chosen = null;
    for (const ca of await options(page, "ca")) {
      await page.locator("select[name=ca]").selectOption(ca);
      if ((await options(page, "business")).includes("new")) { chosen = ca; break; }
    }
    assert.ok(chosen, `${region}: a CA that issues new certificates`);
    await page.locator("select[name=business]").selectOption("new");
    await page.locator("select[name=applicant]").selectOption("org");
    if (!(await page.locator("select[name=channel]").inputValue()))
      await page.locator("select[name=channel]").selectOption((await options(page, "channel"))[0]);
    await page.locator("input[name=name]").fill(`${region}浏览器测试有限公司`);
    await page.locator("input[name=uscc]").fill(uscc(200 + i));
    await page.locator(".quote-panel .verdict", {hasText: "可以办理"}).waitFor();
    await page.getByRole("button", {name: "受理订单"}).click();
    await page.waitForURL(/#\/orders\/ORD-/);
    await page.locator("main h1 .state", {hasText: "已受理"}).waitFor();
    accepted[region] = /#\/orders\/(ORD-[A-Za-z0-9-]+)/.exec(page.url())[1];
  }

  // The queue: every order, counted per state, and a region filter that keeps only its own.
  await page.getByRole("link", {name: "订单队列"}).click();
  await page.locator("table.queue").waitFor();
  for (const id of Object.values(accepted)) await page.locator("table.queue a", {hasText: id}).waitFor();
  assert.match(await page.locator("ul.counts").textContent(), new RegExp(`已受理\\s*${regions.length}`));
  await page.locator("select[name=region]").selectOption("qinghai");
  await page.getByRole("button", {name: "筛选"}).click();
  await page.waitForURL(/region=qinghai/);
  await page.locator("table.queue tbody tr").first().waitFor();
  const rows = await page.locator("table.queue tbody tr a").allTextContents();
  assert.deepEqual(rows, [accepted.qinghai]);
  assertNoProblems(page);
});

test("the form checks numbers as they are typed and says why, in place", async () => {
  const page = await openConsole(served);
  await signIn(page, STAFF.clerk);
  await page.getByRole("link", {name: "新建订单"}).click();
  await page.locator("select[name=region]").selectOption("central");
  const message = async (name) => page.locator(`#${await page.locator(`input[name=${name}]`).getAttribute("id")}-message`);

  const code = uscc(300);
  await page.locator("input[name=uscc]").fill(code.slice(0, 17) + (code[17] === "1" ? "2" : "1"));
  await (await message("uscc")).filter({hasText: "校验码"}).waitFor();
  assert.equal(await page.locator("input[name=uscc]").getAttribute("aria-invalid"), "true");
  await page.locator("input[name=uscc]").fill("91110108ma0dem013a");
  await (await message("uscc")).filter({hasText: /大写|小写/}).waitFor();

  await page.locator("input[name=mobile]").fill("2381234567");
  await (await message("mobile")).filter({hasText: /11/}).waitFor();
  await page.locator("input[name=mobile]").fill("13812345678");
  await (await message("mobile")).filter({hasText: "校验通过"}).waitFor();
  await page.locator("input[name=postcode]").fill("35000");
  await (await message("postcode")).filter({hasText: /6/}).waitFor();

  // A refused order keeps the form and shows the host's reason, not JSON.
  await page.locator("select[name=ca]").selectOption("bjca");
  await page.locator("select[name=business]").selectOption("new");
  await page.locator("input[name=name]").fill("校验测试有限公司");
  await page.getByRole("button", {name: "受理订单"}).click();
  const alert = page.locator("form.new-order p.error[role=alert]");
  await alert.filter({hasText: /\S/}).waitFor();
  const text = await alert.textContent();
  assert.doesNotMatch(text, /[{}]/);
  assert.match(text, /uscc/);
  assert.match(page.url(), /#\/new/);

  // In English, the same check speaks English.
  await page.getByRole("button", {name: "Switch to English"}).click();
  await page.getByRole("heading", {name: "New order"}).waitFor();
  await page.locator("input[name=uscc]").fill(code.slice(0, 17) + (code[17] === "1" ? "2" : "1"));
  await (await message("uscc")).filter({hasText: /check character/i}).waitFor();
  assertNoProblems(page);
});
