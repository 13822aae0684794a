// The rules workbench, issue 16's scenario end to end on a service point that keeps its rules as
// releases in the store: a Neimenggu administrator raises CFCA's one-year new fee in the editor
// for the first day of next month, sees the check, the spec cases and the customer diff, and
// submits; a second Neimenggu administrator approves and schedules it; quotes dated before that
// day keep 250.00 and those from it show the new amount; a rollback from the history restores
// 250.00; and a Qinghai administrator can neither see nor touch Neimenggu's rules or orders.
//
// The quotes are asked of POST /v1/quote with `today` (the console's quote panel always quotes
// for today), with the first administrator's token.

import {test} from "node:test";
import assert from "node:assert/strict";
import {STAFF, chinaDay, uscc} from "./service_point.mjs";
import {consoleUnderTest, openConsole, signIn, signOut, assertNoProblems} from "./browser.mjs";
import {acceptOrder} from "./console_steps.mjs";

const NM1 = "bao.lin";   // 包林, Neimenggu administrator who drafts
const NM2 = "wu.ya";     // 乌雅, Neimenggu administrator who approves
const QH = "ma.qing";    // 马青, Qinghai administrator

const served = consoleUnderTest({rulesSource: "store", prepare: (service) => {
  service.addStaff(NM1, "包林", "admin", ["neimenggu"]);
  service.addStaff(NM2, "乌雅", "admin", ["neimenggu"]);
  service.addStaff(QH, "马青", "admin", ["qinghai"]);
}});

// The first day of next month and the day before it, in China time.
const today = chinaDay();
const [year, month] = today.split("-").map(Number);
const raiseDay = `${month === 12 ? year + 1 : year}-${String(month === 12 ? 1 : month + 1).padStart(2, "0")}-01`;
const dayBefore = new Date(Date.parse(`${raiseDay}T00:00:00Z`) - 86400 * 1000).toISOString().slice(0, 10);

const OLD_LINE = /(fee \{ ca = "cfca", business = "new", key = "master", years = 1, [^\n]*?)fen = 25000/;

async function quoteOn(token, day) {
  const answer = await fetch(`${served.url}/v1/quote`, {
    method: "POST", headers: {"Content-Type": "application/json", Authorization: `Bearer ${token}`},
    body: JSON.stringify({region: "neimenggu", ca: "cfca", business: "new", key: "master", years: 1, today: day})});
  assert.equal(answer.status, 200, `quote on ${day}: ${answer.status}`);
  return answer.json();
}

async function call(token, method, path, body) {
  const answer = await fetch(`${served.url}${path}`, {
    method, headers: {"Content-Type": "application/json", Authorization: `Bearer ${token}`},
    body: body === undefined ? undefined : JSON.stringify(body)});
  const text = await answer.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return {status: answer.status, code: json?.error?.code, json};
}

async function openRules(page, query = "") {
  await page.getByRole("link", {name: "规则"}).click();
  if (query) await page.goto(`${served.url}/#/rules?${query}`);
  await page.locator("table.releases").waitFor();
}

async function regionOptions(page) {
  return page.locator("select[name=region] option").evaluateAll((os) => os.map((o) => o.value));
}

// The line (1-based) the editor's caret is on.
async function caretLine(editor) {
  return editor.evaluate((ta) => ta.value.slice(0, ta.selectionStart).split("\n").length);
}

test("a fee raise goes from a draft to the rules in force next month, with four eyes, and back by rollback", async () => {
  const nm1Token = await served.service.token(NM1);
  assert.equal((await quoteOn(nm1Token, raiseDay)).fee.total_fen, 25000, "the bundled script's price to begin with");

  // 1. The first Neimenggu administrator drafts from the release in force, in the editor.
  const page = await openConsole(served);
  await signIn(page, NM1);
  await openRules(page);
  assert.deepEqual(await regionOptions(page), ["neimenggu"], "the picker offers the administrator's region only");
  await page.locator("table.releases tr[data-release='1'] [data-status=in_force]").waitFor();
  await page.locator("input[name=draft_reason]").fill("CFCA 新办一年期调价");
  await page.locator("button[data-action=new_draft]").click();
  const release = page.locator("section.release[data-state=draft]");
  await release.waitFor();
  const draftNumber = Number(await release.getAttribute("data-release"));
  assert.equal(draftNumber, 2);
  const editor = release.locator("textarea.code-input").first();
  const original = await editor.inputValue();
  assert.match(original, OLD_LINE);
  const feeLine = original.slice(0, original.search(OLD_LINE)).split("\n").length;

  // A slip of the finger first: `fenn` is not a field. The check marks its line in the gutter,
  // says why at the line's end, and its entry in the list takes the caret there.
  await editor.fill(original.replace(OLD_LINE, "$1fenn = 28000"));
  await release.locator(`.gutter-line.has-finding`, {hasText: String(feeLine)}).waitFor();
  assert.match(await release.locator(".code-line.has-finding .finding-inline").first().textContent(), /fenn/);
  await release.locator(`ul.check-findings button[data-line="${feeLine}"]`).click();
  assert.equal(await caretLine(editor), feeLine, "clicking the finding puts the caret on its line");
  // Fixed with the keyboard from there: to the end of `fenn` and one Backspace.
  const lineText = original.split("\n")[feeLine - 1].replace(/fen = 25000/, "fenn = 28000");
  for (let i = 0; i < lineText.indexOf("fenn") + 4; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Backspace");
  assert.equal(await editor.inputValue(), original.replace(OLD_LINE, "$1fen = 28000"));
  // The line as coloured: the declaration, its text in quotes and the new amount each in its colour.
  const shown = release.locator(".script-editor").first().locator(".code-line").nth(feeLine - 1);
  await shown.locator(".tok-number", {hasText: "28000"}).waitFor();
  assert.equal(await shown.locator(".tok-declaration").first().textContent(), "fee");
  assert.equal(await shown.locator(".tok-string").first().textContent(), '"cfca"');

  // 2. The check comes clean; the spec case for 250 yuan fails and says so; the diff shows the row.
  await release.locator("section.check p.ok").waitFor();
  assert.equal(await release.locator(".gutter-line.has-finding").count(), 0);
  const specs = release.locator(".specs-summary");
  await specs.waitFor();
  const failed = Number(await specs.getAttribute("data-failed"));
  assert.ok(failed >= 1, "the 250-yuan cases fail");
  assert.match(await specs.textContent(), new RegExp(`\\d+ 通过，${failed} 失败`));
  assert.match(await release.locator("ul.spec-failures").textContent(), /CFCA new, 1 year: 250 yuan/);
  const row = page.locator("table.diff tr[data-aspect=fee][data-item=certificate]");
  await row.waitFor();
  const rowText = await row.textContent();
  assert.match(rowText, /250\.00/);
  assert.match(rowText, /280\.00/);
  assert.match(rowText, /新办 · 1 年/);

  await release.locator("button[data-action=save]").click();
  await page.locator("section.release[data-state=draft] p.status", {hasText: "已完成"}).waitFor();
  await page.locator("section.release[data-state=draft] button[data-action=submit]").click();
  const submitted = page.locator("section.release[data-state=submitted]");
  await submitted.waitFor();
  assert.equal(await submitted.locator("button[data-action=approve]").isDisabled(), true, "four eyes: not by its author");
  await submitted.locator("p.held", {hasText: "四眼"}).waitFor();
  assertNoProblems(page);
  await signOut(page);

  // 3. The second administrator approves and publishes it for the first day of next month.
  await signIn(page, NM2);
  await openRules(page, `region=neimenggu&release=${draftNumber}`);
  await page.locator("section.release[data-state=submitted] button[data-action=approve]").click();
  const approved = page.locator("section.release[data-state=approved]");
  await approved.waitFor();
  await approved.locator("input[name=effective_from]").fill(raiseDay);
  await approved.locator("button[data-action=publish]").click();
  await page.locator("section.release[data-state=published] [data-status=scheduled]").waitFor();
  await page.locator("table.releases tr[data-release='1'] [data-status=in_force]").waitFor();
  assert.match(await page.locator(`table.releases tr[data-release='${draftNumber}']`).textContent(), new RegExp(raiseDay));

  // 4. Quotes dated before that day keep 250.00; from that day they show 280.00.
  const before = await quoteOn(nm1Token, dayBefore);
  assert.equal(before.fee.total_fen, 25000);
  assert.equal(before.rules.release, 1);
  const from = await quoteOn(nm1Token, raiseDay);
  assert.equal(from.fee.total_fen, 28000);
  assert.equal(from.rules.release, draftNumber);

  // 5. A rollback from the history, to release 1: in force from today, so the raise never comes.
  await page.locator("table.releases button[data-rollback='1']").click();
  await page.locator("textarea[name=rollback_reason]").fill("价格通知撤销，恢复原价");
  await page.locator("button[data-action=confirm_rollback]").click();
  const rolledBack = page.locator("section.release[data-state=published]", {has: page.locator("[data-status=in_force]")});
  await rolledBack.waitFor();
  const rollbackNumber = Number(await rolledBack.getAttribute("data-release"));
  assert.ok(rollbackNumber > draftNumber);
  await page.locator(`table.releases tr[data-release='${draftNumber}'] [data-status=superseded]`).waitFor();
  assert.match(await page.locator(`table.releases tr[data-release='${rollbackNumber}']`).textContent(), /价格通知撤销/);
  const restored = await quoteOn(nm1Token, raiseDay);
  assert.equal(restored.fee.total_fen, 25000);
  assert.equal(restored.rules.release, rollbackNumber);
  assertNoProblems(page);
});

test("a Qinghai administrator can neither see nor touch Neimenggu's rules or orders", async () => {
  const page = await openConsole(served);
  await signIn(page, NM1);
  const order = await acceptOrder(page, {region: "neimenggu", ca: "cfca", channel: "onsite", name: "内蒙古区域隔离测试有限公司", uscc: uscc(610)});
  await signOut(page);

  // Signed in where the first administrator left off, on the order's own address: not found.
  await signIn(page, QH);
  await page.locator("main p.error", {hasText: "没有找到"}).waitFor();
  // The browser notes those two 404s (the order and its events) as failed loads: expected here.
  assert.equal(page.problems.filter((p) => /status of 404/.test(p)).length, 2);
  page.problems = page.problems.filter((p) => !/status of 404/.test(p));
  await openRules(page);
  assert.deepEqual(await regionOptions(page), ["qinghai"], "Neimenggu is not in the picker");
  await page.goto(`${served.url}/#/rules?region=neimenggu`);
  await page.locator("table.releases").waitFor();
  assert.equal(await page.locator("select[name=region]").inputValue(), "qinghai", "an address naming Neimenggu shows Qinghai's");
  await page.getByRole("link", {name: "订单队列"}).click();
  await page.locator("table.queue, p.empty").first().waitFor();
  assert.doesNotMatch(await page.locator("main").textContent(), new RegExp(order));
  assertNoProblems(page);

  const qh = await served.service.token(QH);
  const refused = [
    ["GET", "/v1/rules/neimenggu/releases"],
    ["GET", "/v1/rules/neimenggu/releases/1"],
    ["GET", "/v1/rules/neimenggu/export"],
    ["POST", "/v1/rules/neimenggu/evaluate", {script: "region { id = 'neimenggu' }"}],
    ["POST", "/v1/rules/neimenggu/releases", {script: "region { id = 'neimenggu' }", reason: "不是我的地区"}],
    ["POST", "/v1/rules/neimenggu/releases/1/withdraw", {version: 1, reason: "不是我的地区"}],
    ["POST", "/v1/rules/neimenggu/rollback", {to: 1, reason: "不是我的地区"}],
    ["POST", "/v1/quote", {region: "neimenggu", ca: "cfca", business: "new", today}],
  ];
  for (const [method, path, body] of refused) {
    const answer = await call(qh, method, path, body);
    assert.deepEqual([answer.status, answer.code], [403, "region_not_yours"], `${method} ${path}`);
  }
  const orderAnswer = await call(qh, "GET", `/v1/orders/${order}`);
  const missing = await call(qh, "GET", "/v1/orders/ORD-2099-999999");
  assert.deepEqual([orderAnswer.status, orderAnswer.code], [404, missing.code], "answered as if there were no such order");
  const list = await call(qh, "GET", "/v1/orders");
  assert.equal(list.status, 200);
  assert.ok(!JSON.stringify(list.json).includes(order), "nor listed");
  const rules = await call(qh, "GET", "/v1/rules");
  assert.deepEqual(rules.json.regions.map((r) => r.id), ["qinghai"]);
});

test("a platform administrator sees every region and the live scripts as before", async () => {
  const page = await openConsole(served);
  await signIn(page, STAFF.admin);
  await openRules(page);
  assert.deepEqual((await regionOptions(page)).sort(), ["central", "guangdong", "jinan", "neimenggu", "qinghai"]);
  await page.locator("details.live-scripts summary").click();
  await page.locator("table.rules").waitFor();
  assert.equal(await page.locator("table.rules tbody tr").count(), 5);
  assertNoProblems(page);
});

test("a decision on a release someone else acted on first is refused and the page shows why", async () => {
  // The first administrator drafts and submits over the API (as `cahub rules` would).
  const nm1 = await served.service.token(NM1);
  const base = "/v1/rules/neimenggu";
  const inForce = (await call(nm1, "GET", `${base}/releases`)).json.in_force;
  const script = (await call(nm1, "GET", `${base}/releases/${inForce}`)).json.script;
  const draft = await call(nm1, "POST", `${base}/releases`, {script: `${script}\n-- a comment only\n`, reason: "注释"});
  assert.equal(draft.status, 201);
  const submitted = await call(nm1, "POST", `${base}/releases/${draft.json.number}/submit`, {version: draft.json.version});
  assert.equal(submitted.status, 200);

  const page = await openConsole(served);
  await signIn(page, NM2);
  await openRules(page, `region=neimenggu&release=${draft.json.number}`);
  const release = page.locator("section.release[data-state=submitted]");
  await release.waitFor();
  // A rejection needs a reason: said in place, nothing sent.
  await release.locator("button[data-action=reject]").click();
  await release.locator("p.error[role=alert]", {hasText: "须写明原因"}).waitFor();

  // Meanwhile its author withdraws it; the approval, made on the page as it was, is refused.
  const withdrawn = await call(nm1, "POST", `${base}/releases/${draft.json.number}/withdraw`,
                               {version: submitted.json.version, reason: "改用下一版"});
  assert.equal(withdrawn.status, 200);
  await release.locator("button[data-action=approve]").click();
  await page.locator("section.release[data-state=withdrawn] p.error[role=alert]", {hasText: "其他人已先"}).waitFor();
  assert.match(await page.locator(`table.releases tr[data-release='${draft.json.number}']`).textContent(), /改用下一版/);
  assertNoProblems(page);
});
