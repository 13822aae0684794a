// Debian's Chromium, headless, driven by playwright-core (which downloads no browser of its own).
// Every page records what the browser console and the page's own errors say; a test ends by
// asserting there were none.

import assert from "node:assert/strict";
import {before, after} from "node:test";
import {PASSPHRASE, ServicePoint} from "./service_point.mjs";

const CHROMIUM = process.env.CAHUB_CHROMIUM || "/usr/bin/chromium";

// playwright-core is installed by ./dev.sh (npm ci in tests/browser); say so rather than failing
// with a bare module-resolution error.
const {chromium} = await import("playwright-core").catch(() => {
  throw new Error("playwright-core is not installed: run ./dev.sh test, or `npm ci` in tests/browser");
});

// The flags a closed network and a root CI user need: no sandbox (root), and none of Chromium's
// own background connections, which this machine's network refuses.
export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}

// For one test file: a service point running `cahub serve` and one Chromium, started before the
// file's tests and stopped after them. `prepare(service)` runs before the server starts (to import
// certificates, say). The returned object gains `service`, `url` and `browser` once started.
export function consoleUnderTest({copyRules = false, rulesSource, prepare} = {}) {
  const served = {};
  before(async () => {
    served.service = new ServicePoint({copyRules, rulesSource});
    if (prepare) prepare(served.service);
    served.url = await served.service.start();
    served.browser = await launch();
  });
  after(async () => {
    await served.browser?.close();
    await served.service?.stop();
  });
  return served;
}

// A signed-out staff member's window at 1366×768 (the smallest screen), in Chinese.
export async function openConsole({browser, url}, {lang = "zh"} = {}) {
  const context = await browser.newContext({viewport: {width: 1366, height: 768}, locale: "zh-CN", acceptDownloads: true});
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    // An API refusal the console turned into a readable message (400 bad input, 401 wrong
    // password, 403 four eyes, 409 conflict, 422 workflow) is also logged by Chromium as a failed
    // resource load; that is the browser reporting an answer, not the console failing. Anything
    // else counts, 404 and 5xx included.
    if (/^Failed to load resource: the server responded with a status of 4(00|01|03|09|22)/.test(msg.text())) return;
    page.problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (error) => page.problems.push(`page error: ${error.message}`));
  if (lang === "en") await context.addInitScript(() => localStorage.setItem("cahub.lang", "en"));
  await page.goto(url);
  return page;
}

export async function signIn(page, login) {
  await page.getByLabel(/账号|Login/).fill(login);
  await page.getByLabel(/密码|Password/).fill(PASSPHRASE);
  await page.getByRole("button", {name: /^(登录|Sign in)$/}).click();
  await page.getByRole("navigation", {name: "main"}).waitFor();
}

export async function signOut(page) {
  await page.getByRole("button", {name: /^(退出|Sign out)$/}).click();
  await page.getByRole("heading", {name: /员工登录|Staff sign-in/}).waitFor();
}

export function assertNoProblems(page) {
  assert.deepEqual(page.problems, [], "the browser console reported errors");
}
