// Screenshots of the console's main pages for docs/screenshots/, taken on the demo service point
// (samples/demo/seed.sh) at 1366×768 in Chinese:  ./dev.sh screenshots
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
  await page.locator("table.rules").waitFor();
  await page.screenshot({path: join(out, "rules.png")});
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  server.kill("SIGTERM");
  rmSync(resolve(folder, ".."), {recursive: true, force: true});
}
