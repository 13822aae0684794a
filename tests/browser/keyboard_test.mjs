// Keyboard only, at 1366×768: sign in, move between pages and act on an order without a mouse;
// and the session's end, which sends the console back to sign-in with a readable notice; 退出, which
// ends the session on the server too.

import {test} from "node:test";
import assert from "node:assert/strict";
import {STAFF, PASSPHRASE, uscc} from "./service_point.mjs";
import {consoleUnderTest, openConsole, assertNoProblems} from "./browser.mjs";

const served = consoleUnderTest();

// Presses Tab until the focused element matches `predicate` (at most 40 times).
async function tabTo(page, description, predicate) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(predicate)) return;
  }
  assert.fail(`Tab never reached ${description}`);
}

test("sign in, navigate and act with the keyboard alone", async () => {
  const page = await openConsole(served);
  // A wrong password reads as a sentence, not as JSON.
  await page.keyboard.type(STAFF.reviewer);
  await page.keyboard.press("Tab");
  await page.keyboard.type("not the password");
  await page.keyboard.press("Enter");
  const alert = page.locator("form.signin p[role=alert]");
  await alert.filter({hasText: "账号或密码不正确"}).waitFor();
  assert.doesNotMatch(await alert.textContent(), /[{}]/);
  // After a refusal the password field has the focus, emptied.
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press("Enter");
  await page.getByRole("navigation", {name: "main"}).waitFor();

  // Make an order to work on (through the API, with the signed-in session's token).
  const id = await page.evaluate(async (code) => {
    const headers = {Authorization: `Bearer ${JSON.parse(sessionStorage.getItem("cahub.session")).token}`,
                     "Content-Type": "application/json", "Idempotency-Key": "keyboard-test-1"};
    const r = await fetch("/v1/orders", {method: "POST", headers, body: JSON.stringify({region: "central", ca: "bjca",
      business: "new", channel: "onsite", applicant_details: {name: "键盘测试有限公司", uscc: code}})});
    return (await r.json()).id;
  }, uscc(500));

  // Queue → the order, by Tab and Enter.
  await page.reload();
  await page.locator("table.queue").waitFor();
  await tabTo(page, "the order's link", `document.activeElement?.textContent === ${JSON.stringify(id)}`);
  await page.keyboard.press("Enter");
  await page.locator("main h1 .state", {hasText: "已受理"}).waitFor();
  await tabTo(page, "start review", `document.activeElement?.dataset?.action === "start_review"`);
  await page.keyboard.press("Enter");
  await page.locator("main h1 .state", {hasText: "审核中"}).waitFor();

  // The language switch, by keyboard.
  await tabTo(page, "the language switch", `document.activeElement?.textContent === "English"`);
  await page.keyboard.press("Enter");
  await page.locator("main h1 .state", {hasText: "under review"}).waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "en");

  // Certificates, by keyboard: the search box has the focus when the page opens.
  await tabTo(page, "the certificates link", `document.activeElement?.textContent === "Certificates"`);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", {name: "Certificates"}).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("type")), "search");
  assertNoProblems(page);
});

test("a session the host no longer accepts sends the console back to sign-in, saying why", async () => {
  const page = await openConsole(served);
  await page.getByLabel("账号").fill(STAFF.clerk);
  await page.getByLabel("密码").fill(PASSPHRASE);
  await page.getByRole("button", {name: "登录"}).click();
  await page.locator("table.queue, p.empty").first().waitFor();
  // The token no longer matches any session (as after an administrator ends it).
  await page.evaluate(() => {
    const s = JSON.parse(sessionStorage.getItem("cahub.session"));
    s.token = "0".repeat(64);
    sessionStorage.setItem("cahub.session", JSON.stringify(s));
  });
  await page.getByRole("link", {name: "证书"}).click();
  await page.getByRole("heading", {name: "员工登录"}).waitFor();
  await page.getByText(/会话.*重新登录/).waitFor();
  assertNoProblems(page);
});

test("退出 revokes the token on the server before the console forgets it", async () => {
  const page = await openConsole(served);
  await page.getByLabel("账号").fill(STAFF.clerk);
  await page.getByLabel("密码").fill(PASSPHRASE);
  await page.getByRole("button", {name: "登录"}).click();
  await page.locator("table.queue, p.empty").first().waitFor();
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem("cahub.session")).token);
  const me = () => page.evaluate(async (t) => (await fetch("/v1/me", {headers: {Authorization: `Bearer ${t}`}})).status, token);
  assert.equal(await me(), 200);
  await page.getByRole("button", {name: "退出"}).click();
  await page.getByRole("heading", {name: "员工登录"}).waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem("cahub.session")), null);
  // A copy of the token kept elsewhere is worth nothing now.
  assert.equal(await me(), 401);
  assertNoProblems(page);
});
