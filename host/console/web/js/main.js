// The console's frame: header, navigation, language switch and the router that puts one view
// into <main>. Views live in views/, one per page; each exports render(main, params).

import {h, fill} from "./dom.js";
import {t, setLang, lang} from "./i18n.js";
import {currentSession, onSessionEnd, watchExpiry} from "./session.js";
import {roleLabel, timeText} from "./format.js";
import {signOut} from "./api.js";
import {go} from "./router.js";
import * as signin from "./views/signin.js";
import * as queue from "./views/queue.js";
import * as newOrder from "./views/new_order.js";
import * as orderDetail from "./views/order_detail.js";
import * as certificates from "./views/certificates.js";
import * as rules from "./views/rules.js";

const routes = [
  {pattern: /^\/queue$/, view: queue, nav: "queue"},
  {pattern: /^\/new$/, view: newOrder, nav: "new"},
  {pattern: /^\/orders\/([A-Za-z0-9-]+)$/, view: orderDetail, nav: "queue"},
  {pattern: /^\/certificates$/, view: certificates, nav: "certificates"},
  {pattern: /^\/rules$/, view: rules, nav: "rules"},
];

const app = document.getElementById("app");
let signInNotice = "";

// "#/orders/ORD-1?x=1" → {path: "/orders/ORD-1", query: URLSearchParams}
function location() {
  const raw = window.location.hash.replace(/^#/, "") || "/queue";
  const [path, search] = raw.split("?");
  return {path, query: new URLSearchParams(search || "")};
}

function header(active) {
  const s = currentSession();
  // Clicking the page one is on loads it afresh (the browser sees no change of address).
  const link = (name, path, label) =>
    h("a", {href: `#${path}`, class: active === name ? "active" : null, "aria-current": active === name ? "page" : null,
            onclick: () => { if (window.location.hash === `#${path}`) go(path); }},
      label);
  return h("header", {class: "top"},
    h("a", {class: "skip", href: "#content", onclick: (e) => { e.preventDefault(); document.getElementById("content")?.focus(); }},
      t("skip_to_content")),
    h("span", {class: "brand"}, t("app_name")),
    s ? h("nav", {"aria-label": "main"},
          link("queue", "/queue", t("nav_queue")),
          link("new", "/new", t("nav_new")),
          link("certificates", "/certificates", t("nav_certificates")),
          link("rules", "/rules", t("nav_rules"))) : null,
    h("span", {class: "spacer"}),
    s ? h("span", {class: "who", title: t("session_until", {time: timeText(s.expires_at)})},
          t("signed_in_as", {name: s.staff.name || s.staff.login, role: roleLabel(s.staff.role)})) : null,
    h("button", {type: "button", class: "link", lang: lang() === "zh" ? "en" : "zh-CN",
                 "aria-label": t("language_switch_label"),
                 onclick: () => { setLang(lang() === "zh" ? "en" : "zh"); render(); }},
      t("language_switch")),
    s ? h("button", {type: "button", class: "link", onclick: () => signOut()}, t("sign_out")) : null);
}

let renderCount = 0;
async function render() {
  const mine = ++renderCount;
  const {path, query} = location();
  const main = h("main", {id: "content", tabindex: "-1"});
  if (!currentSession()) {
    fill(app, header(null), main);
    signin.render(main, {notice: signInNotice, onSignedIn: () => { signInNotice = ""; watchExpiry(); render(); }});
    return;
  }
  const route = routes.find((r) => r.pattern.test(path));
  fill(app, header(route?.nav), main);
  if (!route) {
    fill(main, h("h1", {}, t("not_found_page")));
    return;
  }
  const params = {match: path.match(route.pattern), query, isCurrent: () => mine === renderCount};
  await route.view.render(main, params);
  // Keyboard and screen-reader users start at the new page's heading, not at the old focus.
  if (mine === renderCount && !main.contains(document.activeElement)) main.focus({preventScroll: true});
}

onSessionEnd((reason) => {
  signInNotice = reason === "signed_out" ? "" : "session_expired";
  render();
});

window.addEventListener("hashchange", render);
watchExpiry();
render();
