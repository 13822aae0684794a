// Which script each region is serving now, since when, its SHA-256, and any edit that was refused
// with its error (GET /v1/rules): the rules page's view before the workbench, kept as it was.
// In `rules.source = "files"` mode it is what an administrator checks after editing a file.

import {h} from "../../dom.js";
import {t} from "../../i18n.js";
import {caName} from "../../catalog.js";
import {timeText} from "../../format.js";

export function liveScripts(catalog) {
  const {rules} = catalog;
  const refused = rules.refused || [];
  return [
    h("p", {class: "hint"}, t("rules_generation", {n: rules.generation})),
    refused.length === 0 ? h("p", {class: "ok"}, t("all_live")) : null,
    h("table", {class: "rules"},
      h("thead", {}, h("tr", {}, ["region", "col_file", "col_loaded_at", "col_sha", "col_accepts"].map((k) => h("th", {scope: "col"}, t(k))))),
      h("tbody", {}, rules.regions.map((r) => [
        h("tr", {class: r.refused_reload ? "refused" : "", dataset: {region: r.id}},
          h("td", {}, r.name, h("div", {class: "hint"}, r.name_en)),
          h("td", {class: "mono"}, r.release ? t("release_n", {n: r.release.number}) : (r.file || "").split("/").pop()),
          h("td", {}, timeText(r.loaded_at)),
          h("td", {class: "mono", title: r.sha256}, (r.sha256 || "").slice(0, 12)),
          h("td", {}, (r.accepts || []).map((c) => caName(catalog, c)).join("、"))),
        r.refused_reload ? h("tr", {class: "refused"}, h("td", {colspan: 5},
          h("p", {class: "error"}, t("refused_reload", {at: timeText(r.refused_reload.refused_at)})),
          h("ul", {class: "findings"}, r.refused_reload.findings.map((f) => h("li", {class: "mono"}, f))))) : null]))),
    refused.length ? [h("h3", {}, t("refused_files")),
      h("ul", {class: "findings"}, refused.map((f) => h("li", {},
        h("b", {class: "mono"}, f.file), " ", timeText(f.refused_at),
        h("ul", {}, f.findings.map((x) => h("li", {class: "mono"}, x))))))] : null,
  ];
}
