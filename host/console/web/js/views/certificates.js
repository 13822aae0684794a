// The certificate registry: find a unit's certificates by name, USCC or serial, see which are
// inside their renewal window under the live rules, and start the renewal order from there.

import {h, fill} from "../dom.js";
import {t, pick} from "../i18n.js";
import {api, describeError} from "../api.js";
import {loadCatalog, regionName, caName} from "../catalog.js";

export async function render(main, {query, isCurrent}) {
  const q = query.get("q") || "";
  const input = h("input", {type: "search", name: "q", value: q, "aria-label": t("certs_search"), placeholder: t("certs_search")});
  const form = h("form", {class: "filters", role: "search", onsubmit: (e) => {
    e.preventDefault();
    window.location.hash = `/certificates?${new URLSearchParams({q: input.value.trim()})}`;
  }}, input, h("button", {type: "submit", class: "primary"}, t("search")));
  // The results change under the search box; the box itself (and the focus in it) stays.
  const results = h("div", {class: "results", "aria-live": "polite"}, h("p", {class: "loading"}, t("loading")));
  fill(main, h("h1", {}, t("certs_title")), form, results);
  input.focus();

  let catalog, answer;
  try {
    [catalog, answer] = await Promise.all([loadCatalog(), api("GET", `/v1/certificates?${new URLSearchParams({q})}`)]);
  } catch (error) {
    if (isCurrent()) fill(results, h("p", {class: "error", role: "alert"}, describeError(error)));
    return;
  }
  if (!isCurrent()) return;

  const rows = answer.certificates.map((c) => {
    let renewal = "—";
    if (c.renewal?.eligible) {
      const params = new URLSearchParams({region: c.region, ca: c.ca, business: "renew", name: c.holder,
                                          previous_serial: c.serial, cert_not_before: c.not_before, cert_not_after: c.not_after});
      // The registry knows a unit by its USCC and a person by the ID number.
      params.set(c.holder_kind === "person" ? "id_number" : "uscc", c.identity);
      params.set("applicant", c.holder_kind === "person" ? "person" : "org");
      renewal = h("a", {class: "button primary", href: `#/new?${params}`, dataset: {serial: c.serial}}, t("renew_now"));
    } else if (c.renewal) {
      // Why not: the rule's own words, in the reader's language.
      const reasons = (c.renewal.reason_details || []).map((r) => pick(r));
      renewal = h("span", {class: "hint"}, (reasons.length ? reasons : c.renewal.reasons || []).join("；"));
    }
    // A month or less left: the row a clerk calls about first.
    return h("tr", {class: c.days_left < 0 ? "expired" : c.status === "active" && c.days_left <= 30 ? "due_today" : ""},
      h("td", {}, c.holder), h("td", {class: "mono"}, c.identity),
      h("td", {}, caName(catalog, c.ca)), h("td", {}, regionName(catalog, c.region)),
      h("td", {class: "mono"}, c.serial),
      h("td", {}, c.not_after),
      h("td", {class: "num"}, c.days_left < 0 ? t("expired") : String(c.days_left)),
      h("td", {}, t(`cert_${c.status}`)),
      h("td", {}, renewal));
  });
  fill(results,
    rows.length === 0 ? h("p", {class: "empty"}, t("no_certificates")) :
    h("table", {class: "certificates"},
      h("thead", {}, h("tr", {}, ["col_holder", "identity", "col_ca", "col_region", "col_serial", "col_not_after",
                                  "col_days_left", "col_status", "col_renewal"].map((k) => h("th", {scope: "col"}, t(k))))),
      h("tbody", {}, rows)));
}
