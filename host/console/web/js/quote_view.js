// A quote as the counter reads it: eligible or why not, each fee line (or "unpriced" and who sets
// it), the materials checklist, the validity and the steps. Every line carries the rule that
// produced it (`--explain`: file:line of the region script, or the plugin) in its title, and
// inline when the reader asks for sources, so keyboard users see it too.

import {h} from "./dom.js";
import {t, pick} from "./i18n.js";
import {money} from "./format.js";

function source(src) {
  return src ? h("span", {class: "source"}, t("source"), ": ", src) : null;
}

export function quoteView(quote) {
  const items = quote.fee?.items || [];
  const eligible = quote.eligible;
  return h("div", {class: "quote"},
    h("p", {class: `verdict ${eligible ? "ok" : "refused"}`}, eligible ? t("eligible") : t("not_eligible")),
    (quote.reason_details || []).length
      ? h("ul", {class: "reasons"}, quote.reason_details.map((r) => h("li", {title: r.source || null}, pick(r), source(r.source))))
      : null,
    h("h3", {}, t("fee")),
    items.length === 0 ? h("p", {}, t("free")) :
    h("table", {class: "fee"},
      h("tbody", {}, items.map((item) => h("tr", {title: item.source || null},
        h("td", {}, item.label, source(item.source)),
        h("td", {class: "num"}, item.amount_fen === null ? h("span", {class: "unpriced"}, t("unpriced")) : money(item.amount_fen))))),
      h("tfoot", {}, h("tr", {}, h("th", {scope: "row"}, t("total")),
        h("td", {class: "num"}, quote.fee.total_fen === null ? h("span", {class: "unpriced"}, t("unpriced")) : money(quote.fee.total_fen))))),
    quote.fee?.total_fen === null && items.length ? h("p", {class: "notice"}, t("unpriced_who")) : null,
    h("h3", {}, t("materials")),
    h("ul", {class: "materials"}, (quote.materials || []).map((m) => h("li", {title: m.source || null},
      m.name, " ",
      h("span", {class: "tags"}, t("copies", {n: m.copies}), m.original ? ` · ${t("original")}` : "",
        m.stamped ? ` · ${t("stamped")}` : "", m.signed ? ` · ${t("signed")}` : ""),
      m.note ? h("div", {class: "hint"}, m.note) : null,
      source(m.source)))),
    h("h3", {}, t("validity")),
    quote.validity?.not_after
      ? h("p", {title: quote.validity.source || null}, `${quote.validity.not_before} → ${quote.validity.not_after}`,
          quote.years ? `（${t("years_n", {n: quote.years})}）` : "", source(quote.validity.source))
      : h("p", {title: quote.validity?.not_published || null}, t("validity_not_published"),
          quote.years_requested ? `（${t("years_requested", {n: quote.years_requested})}）` : ""),
    quote.validity?.convention
      ? h("p", {class: "notice", title: quote.validity.source || null}, t("validity_convention"), quote.validity.convention)
      : null,
    (quote.steps || []).length
      ? [h("h3", {}, t("steps")), h("ul", {class: "steps"}, quote.steps.map((s) => h("li", {title: s.source || null}, pick(s), source(s.source))))]
      : null,
    quote.review_working_days
      ? h("p", {}, t("review_days", {n: quote.review_working_days_min && quote.review_working_days_min !== quote.review_working_days
          ? `${quote.review_working_days_min}-${quote.review_working_days}` : quote.review_working_days}))
      : null,
    (quote.limits || []).length
      ? [h("h3", {}, t("limits")), h("ul", {class: "limits"}, quote.limits.map((l) => h("li", {title: l.source || null}, pick(l), source(l.source))))]
      : null);
}
