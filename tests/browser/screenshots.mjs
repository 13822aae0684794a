// Screenshots of the console's main pages for docs/screenshots/, taken on the demo service point
// (samples/demo/seed.sh) at 1366×768 in Chinese:  ./dev.sh screenshots
// The rules workbench is taken last, as the demo's two Inner Mongolia administrators change a fee.
// Not a test: it asserts nothing beyond the pages opening. Run it after changing how a page looks.

import {execFileSync, spawn} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync, mkdirSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {launch} from "./browser.mjs";

const root = resolve(import.meta.dirname, "../..");
const binary = process.env.CAHUB_BINARY || join(root, "build/bin/cahub");
const out = join(root, "docs/screenshots");
const folder = join(mkdtempSync(join(tmpdir(), "cahub-shots-")), "demo");
mkdirSync(out, {recursive: true});

execFileSync(join(root, "samples/demo/seed.sh"), [folder], {env: {...process.env, CAHUB: binary, CAHUB_PORT: "18080"}, stdio: "inherit"});
const accounts = readFileSync(join(folder, "demo-accounts.txt"), "utf8");
const password = (login) => new RegExp(`${login.replace(".", "\\.")}\\s+(\\S+)`).exec(accounts)[1];
const server = spawn(binary, ["serve", "--port", "0", "--config", join(folder, "cahub.toml"), "--log-level", "warn"],
                     {stdio: ["ignore", "pipe", "inherit"]});
const url = await new Promise((ok) => {
  let text = "";
  server.stdout.on("data", (d) => { text += d; const m = /listening on (\S+)/.exec(text); if (m) ok(m[1]); });
});

const browser = await launch();
try {
  const page = await (await browser.newContext({viewport: {width: 1366, height: 768}, locale: "zh-CN"})).newPage();
  await page.goto(url);
  await page.screenshot({path: join(out, "sign-in.png")});
  await page.getByLabel("账号").fill("zhao.li");
  await page.getByLabel("密码").fill(password("zhao.li"));
  await page.getByRole("button", {name: "登录"}).click();
  await page.locator("table.queue").waitFor();
  await page.screenshot({path: join(out, "queue.png")});

  await page.locator("table.queue a").first().click();
  await page.locator("section.timeline").waitFor();
  await page.screenshot({path: join(out, "order.png"), fullPage: true});

  await page.getByRole("link", {name: "新建订单"}).click();
  await page.locator("select[name=region]").selectOption("central");
  await page.locator("select[name=business]").selectOption("new");
  await page.locator("input[name=name]").fill("福州示例软件有限公司");
  await page.locator("input[name=uscc]").fill("91350100M000100Y4X");
  await page.locator(".quote-panel .verdict").waitFor();
  await page.locator(".field-message.error").first().waitFor();
  await page.screenshot({path: join(out, "new-order.png")});

  await page.getByRole("link", {name: "证书"}).click();
  await page.locator("table.certificates").waitFor();
  await page.screenshot({path: join(out, "certificates.png")});

  await page.getByRole("link", {name: "规则"}).click();
  await page.locator("table.releases").waitFor();
  await page.screenshot({path: join(out, "rules.png")});
  await workbench(browser);
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  server.kill("SIGTERM");
  rmSync(resolve(folder, ".."), {recursive: true, force: true});
}

// The workbench on the demo (rules.source = "store"): a draft by gao.yan raising CFCA's one-year
// price with a slip in it (the finding at its line), the same draft fixed (the check, the spec
// cases and the customer diff), and the history once bai.lu has approved it and scheduled it for
// the first day of next month.
async function workbench(browser) {
  const page = await (await browser.newContext({viewport: {width: 1366, height: 768}, locale: "zh-CN"})).newPage();
  const signIn = async (login) => {
    await page.goto(url);
    await page.getByLabel("账号").fill(login);
    await page.getByLabel("密码").fill(password(login));
    await page.getByRole("button", {name: "登录"}).click();
    await page.getByRole("link", {name: "规则"}).click();
    await page.locator("table.releases").waitFor();
  };
  await signIn("gao.yan");
  await page.locator("input[name=draft_reason]").fill("CFCA 新办一年期调价通知");
  await page.locator("button[data-action=new_draft]").click();
  const editor = page.locator("section.release[data-state=draft] textarea.code-input").first();
  await editor.waitFor();
  const text = await editor.inputValue();
  const line = /(fee \{ ca = "cfca", business = "new", key = "master", years = 1, [^\n]*?)fen = 25000/;
  await editor.fill(text.replace(line, "$1fenn = 28000"));
  await page.locator("ul.check-findings button").first().click();
  await page.locator(".code-line.has-finding").waitFor();
  await page.screenshot({path: join(out, "rules-editor.png")});
  await editor.fill(text.replace(line, "$1fen = 28000"));
  await page.locator("table.diff").waitFor();
  await page.locator("section.check p.ok").waitFor();
  // Back to the changed line (fill leaves the caret at the end of the text).
  const changed = text.slice(0, text.search(line)).split("\n").length;
  await editor.evaluate((ta, n) => {
    ta.setSelectionRange(0, 0);
    ta.scrollTop = (n - 4) * 20;
    ta.dispatchEvent(new Event("scroll"));
  }, changed);
  await page.screenshot({path: join(out, "rules-checks.png"), fullPage: true});
  await page.locator("button[data-action=submit]").click();
  await page.locator("section.release[data-state=submitted]").waitFor();
  await page.getByRole("button", {name: "退出"}).click();
  await signIn("bai.lu");
  await page.locator("section.release[data-state=submitted] button[data-action=approve]").click();
  await page.locator("section.release[data-state=approved]").waitFor();
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  const [year, month] = today.split("-").map(Number);
  const first = `${month === 12 ? year + 1 : year}-${String(month === 12 ? 1 : month + 1).padStart(2, "0")}-01`;
  await page.locator("input[name=effective_from]").fill(first);
  await page.locator("button[data-action=publish]").click();
  await page.locator("section.release[data-state=published]").waitFor();
  await page.locator("section.rules-history").scrollIntoViewIfNeeded();
  await page.locator("section.rules-history").screenshot({path: join(out, "rules-history.png")});
}
