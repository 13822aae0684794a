// A real service point for the browser tests: a scratch folder with its own cahub.toml and SQLite
// database, staff made with `cahub staff add`, certificates imported with `cahub certs import`,
// and the real `cahub serve` on a free loopback port. Paths come from ctest (tests/browser/
// CMakeLists.txt): CAHUB_BINARY, CAHUB_RULES_DIR, CAHUB_PLUGINS_DIR.

import {spawn, execFileSync} from "node:child_process";
import {mkdtempSync, writeFileSync, rmSync, cpSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

export const PASSPHRASE = "a long passphrase for the console";
export const STAFF = {clerk: "wang.fang", reviewer: "zhao.li", admin: "chen.jie"};
const NAMES = {"wang.fang": "王芳", "zhao.li": "赵丽", "chen.jie": "陈杰"};

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through ctest (./dev.sh test)`);
  return value;
}

export class ServicePoint {
  // `copyRules`: serve a private copy of the rules folder, so a test may edit a script.
  // `rulesSource`: "files" (the default: the folder, hot reloaded) or "store" (rule releases in
  // the database; `db init` imports each script as its region's release 1).
  constructor({copyRules = false, rulesSource} = {}) {
    this.binary = required("CAHUB_BINARY");
    this.folder = mkdtempSync(join(tmpdir(), "cahub-console-"));
    this.rules = required("CAHUB_RULES_DIR");
    if (copyRules) {
      cpSync(this.rules, join(this.folder, "rules"), {recursive: true});
      this.rules = join(this.folder, "rules");
    }
    this.config = join(this.folder, "cahub.toml");
    writeFileSync(this.config, [
      "[paths]", `var = "${this.folder}"`, `database = "${join(this.folder, "cahub.db")}"`,
      `rules = "${this.rules}"`, `plugins = "${required("CAHUB_PLUGINS_DIR")}"`,
      "[rules]", "watch_milliseconds = 200", ...(rulesSource ? [`source = "${rulesSource}"`] : []), ""].join("\n"));
    this.cahub(["db", "init"]);  // the one explicit first start: no other command creates a database
    // The administrator first, on the empty table; the administrator adds the others.
    this.cahub(["staff", "add", STAFF.admin, "--name", NAMES[STAFF.admin], "--role", "admin"], `${PASSPHRASE}\n`);
    for (const [role, login] of Object.entries(STAFF).filter(([role]) => role !== "admin"))
      this.cahub(["staff", "add", login, "--name", NAMES[login], "--role", role, "--as", STAFF.admin], `${PASSPHRASE}\n`,
                 {CAHUB_PASSWORD: PASSPHRASE});
  }

  // One more staff member, added by the administrator; `regions` (a list of region ids) makes a
  // region administrator, clerk or reviewer, who sees and acts on those regions only.
  addStaff(login, name, role, regions) {
    this.cahub(["staff", "add", login, "--name", name, "--role", role, ...(regions ? ["--regions", regions.join(",")] : []),
                "--as", STAFF.admin], `${PASSPHRASE}\n`, {CAHUB_PASSWORD: PASSPHRASE});
  }

  // A bearer token for calling the HTTP API directly, as `login` (POST /v1/login).
  async token(login) {
    const answer = await fetch(`${this.url}/v1/login`, {method: "POST", headers: {"Content-Type": "application/json"},
                                                        body: JSON.stringify({login, password: PASSPHRASE})});
    if (!answer.ok) throw new Error(`sign-in of ${login}: ${answer.status} ${await answer.text()}`);
    return (await answer.json()).token;
  }

  cahub(args, input, env = {}) {
    const {CAHUB_TOKEN, CAHUB_PASSWORD, ...inherited} = process.env;  // only what the call names
    return execFileSync(this.binary, [...args, "--config", this.config],
                        {input, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"], env: {...inherited, ...env}});
  }

  // Runs a `cahub` command as `login`, signed in the way a script would (CAHUB_TOKEN).
  cahubAs(login, args) {
    this.tokens ??= {};
    this.tokens[login] ??= this.cahub(["staff", "sign-in", login], `${PASSPHRASE}\n`).trim();
    return this.cahub(args, undefined, {CAHUB_TOKEN: this.tokens[login]});
  }

  // Starts `cahub serve --port 0` and resolves with its base URL once it prints the port.
  start() {
    this.server = spawn(this.binary, ["serve", "--port", "0", "--config", this.config, "--log-level", "warn"],
                        {stdio: ["ignore", "pipe", "pipe"]});
    let stderr = "";
    this.server.stderr.on("data", (d) => { stderr += d; });
    return new Promise((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`cahub serve did not start: ${stderr}`)), 30000);
      this.server.stdout.on("data", (d) => {
        out += d;
        const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          this.url = m[1];
          resolve(this.url);
        }
      });
      this.server.on("exit", (code) => { clearTimeout(timer); reject(new Error(`cahub serve exited ${code}: ${stderr}`)); });
    });
  }

  async stop() {
    if (this.server && this.server.exitCode === null) {
      const exited = new Promise((resolve) => this.server.once("exit", resolve));
      this.server.kill("SIGTERM");
      await exited;
    }
    rmSync(this.folder, {recursive: true, force: true});
  }
}

// A Unified Social Credit Code with valid check characters (GB 32100 over an organisation code
// with its GB 11714 check digit), different for every `n`: each test order needs its own
// applicant, since the host keeps one open order per applicant and CA.
export function uscc(n) {
  const org = String(10000000 + n).slice(-8);
  const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
  const orgSum = [...org].reduce((s, c, i) => s + Number(c) * orgWeights[i], 0);
  const orgCheck = 11 - (orgSum % 11);
  const code = `91350100${org}${orgCheck === 10 ? "X" : orgCheck === 11 ? "0" : orgCheck}`;
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...code].reduce((s, c, i) => s + alphabet.indexOf(c) * weights[i], 0);
  return code + alphabet[(31 - (sum % 31)) % 31];
}

// Today in China time, as cahub counts dates.
export function chinaDay(offsetDays = 0) {
  return new Date(Date.now() + 8 * 3600 * 1000 + offsetDays * 86400 * 1000).toISOString().slice(0, 10);
}
