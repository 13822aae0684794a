// The order queue: what is due first, at the top. Filters live in the address (#/queue?state=...)
// so a filtered queue can be bookmarked and the back button undoes a filter.

import {h, fill} from "../dom.js";
import {t} from "../i18n.js";
import {api, describeError} from "../api.js";
import {loadCatalog, ownRegions, regionName, caName, businessName} from "../catalog.js";
import {money, stateLabel, chinaToday} from "../format.js";

const STATES = ["submitted", "under_review", "rejected", "resubmitted", "approved", "awaiting_payment", "paid",
                "issuing", "carrying_out", "issued", "shipped", "ready_for_pickup", "completed", "cancelled"];
const FINAL = new Set(["completed", "cancelled"]);

function select(name, value, options) {
  return h("select", {name, id: `queue-${name}`},
    options.map(([code, label]) => h("option", {value: code, selected: code === value}, label)));
}

// How urgent an order is: overdue, due today, or neither (a closed order is never urgent).
export function urgency(order, today) {
  if (FINAL.has(order.state) || !order.due_on) return "";
  if (order.due_on < today) return "overdue";
  if (order.due_on === today) return "due_today";
  return "";
}

export async function render(main, {query, isCurrent}) {
  fill(main, h("h1", {}, t("queue_title")), h("p", {class: "loading"}, t("loading")));
  const wanted = {state: query.get("state") || "open", region: query.get("region") || "", ca: query.get("ca") || "",
                  business: query.get("business") || "", applicant: query.get("applicant") || ""};
  let catalog, answer;
  try {
    catalog = await loadCatalog();
    // The state and business are filtered here, not by the API, so the counts cover every state.
    const params = new URLSearchParams();
    for (const k of ["region", "ca", "applicant"]) if (wanted[k]) params.set(k, wanted[k]);
    answer = await api("GET", `/v1/orders?${params}`);
  } catch (error) {
    if (isCurrent()) fill(main, h("h1", {}, t("queue_title")), h("p", {class: "error", role: "alert"}, describeError(error)));
    return;
  }
  if (!isCurrent()) return;

  const today = chinaToday();
  const regions = ownRegions(catalog).map((r) => r.id);
  const cas = [...new Set(ownRegions(catalog).flatMap((r) => r.accepts))].sort();
  const form = h("form", {class: "filters", onsubmit: (e) => {
    e.preventDefault();
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) params.set(k, v);
    window.location.hash = `/queue?${params}`;
  }},
    h("label", {}, t("filter_state"), select("state", wanted.state,
      [["open", t("open_orders")], ["all", t("all")], ...STATES.map((s) => [s, stateLabel(s)])])),
    h("label", {}, t("filter_region"), select("region", wanted.region, [["", t("all")], ...regions.map((r) => [r, regionName(catalog, r)])])),
    h("label", {}, t("filter_ca"), select("ca", wanted.ca, [["", t("all")], ...cas.map((c) => [c, caName(catalog, c)])])),
    h("label", {}, t("filter_business"), select("business", wanted.business,
      [["", t("all")], ...catalog.vocabulary.businesses.map((b) => [b.code, businessName(catalog, b.code)])])),
    h("label", {}, t("filter_applicant"), h("input", {name: "applicant", value: wanted.applicant, type: "search"})),
    h("button", {type: "submit", class: "primary"}, t("apply_filters")),
    h("a", {href: "#/queue", class: "button"}, t("clear_filters")));

  const counts = answer.counts || {};
  const countLinks = h("ul", {class: "counts", "aria-label": t("counts_label")},
    STATES.filter((s) => counts[s]).map((s) => {
      const params = new URLSearchParams({...wanted, state: s});
      return h("li", {}, h("a", {href: `#/queue?${params}`, class: `state state-${s}`,
                                 "aria-current": wanted.state === s ? "true" : null},
        stateLabel(s), " ", h("b", {}, String(counts[s]))));
    }));

  const shown = answer.orders
    .filter((o) => wanted.state === "all" || (wanted.state === "open" ? !FINAL.has(o.state) : o.state === wanted.state))
    .filter((o) => !wanted.business || o.business === wanted.business)
    // The API sorts by due date already; keep undated orders last and break ties by id.
    .sort((a, b) => (a.due_on || "9999") < (b.due_on || "9999") ? -1 : (a.due_on || "9999") > (b.due_on || "9999") ? 1
                    : a.id < b.id ? -1 : 1);

  const rows = shown.map((o) => {
    const urgent = urgency(o, today);
    return h("tr", {class: urgent},
      h("td", {}, h("a", {href: `#/orders/${o.id}`}, o.id)),
      h("td", {}, o.applicant.name),
      h("td", {}, regionName(catalog, o.region)),
      h("td", {}, caName(catalog, o.ca)),
      h("td", {}, businessName(catalog, o.business)),
      h("td", {}, h("span", {class: `state state-${o.state}`}, stateLabel(o.state))),
      h("td", {}, o.due_on || "—", urgent ? h("span", {class: `badge ${urgent}`}, t(urgent)) : null),
      h("td", {class: "num"}, o.priced ? money(o.total_fen) : t("unpriced")));
  });

  fill(main, h("h1", {}, t("queue_title")), form, countLinks,
    shown.length === 0 ? h("p", {class: "empty"}, t("no_orders")) :
    h("table", {class: "queue"},
      h("thead", {}, h("tr", {}, ["col_order", "col_applicant", "col_region", "col_ca", "col_business", "col_state",
                                  "col_due", "col_total"].map((k) => h("th", {scope: "col"}, t(k))))),
      h("tbody", {}, rows)));
}
