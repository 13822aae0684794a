// A region's releases, newest first (GET /v1/rules/{region}/releases): number, status, who wrote
// it, when and why, who decided, and the day it takes effect; a link opens each, and a published
// one offers 回滚到此版本 to administrators (the host checks again who may).

import {h} from "../../dom.js";
import {t} from "../../i18n.js";
import {timeText} from "../../format.js";

// The status people read: a published release's derived status (in force, scheduled,
// superseded) for today, else its stored state.
export function statusOf(release) { return release.status || release.state; }

export function statusBadge(release) {
  const status = statusOf(release);
  return h("span", {class: `release-status s-${status}`, dataset: {status}}, t(`rstatus_${status}`));
}

export function releaseLink(region, n) { return `#/rules?region=${encodeURIComponent(region)}&release=${n}`; }

// Who decided (approved or rejected) and why; for a withdrawn release, who took it back and why.
function decision(r) {
  const who = r.state === "withdrawn" ? r.withdrawn_by : r.decided_by;
  const why = r.state === "withdrawn" ? r.withdrawn_reason : r.decision_reason;
  if (!who) return "";
  return why ? t("decided_by", {who, reason: why}) : who;
}

function effective(r) {
  if (r.state !== "published") return "";
  return r.effective_from || t("since_ever");
}

// `selected`: the number shown below the table. `onRollback(release)` when the caller may roll
// back (an administrator), else null.
export function historyTable(listing, {selected, onRollback}) {
  const releases = listing.releases || [];
  if (releases.length === 0) return h("p", {class: "empty"}, t("no_releases"));
  return h("table", {class: "releases"},
    h("thead", {}, h("tr", {}, ["col_release", "col_release_status", "col_author", "col_when", "col_reason", "col_decided",
                                "col_effective", "actions"].map((k) => h("th", {scope: "col"}, t(k))))),
    h("tbody", {}, releases.map((r) => h("tr", {class: r.number === selected ? "current" : null,
                                               dataset: {release: String(r.number), status: statusOf(r)}},
      h("td", {}, h("a", {href: releaseLink(listing.region, r.number), "aria-current": r.number === selected ? "true" : null},
                    t("release_n", {n: r.number}))),
      h("td", {}, statusBadge(r)),
      h("td", {}, r.author),
      h("td", {}, timeText(r.created_at)),
      h("td", {}, r.reason || "",
        r.rollback_of ? h("div", {class: "hint"}, t("rollback_of", {n: r.rollback_of}))
        : r.based_on ? h("div", {class: "hint"}, t("based_on", {n: r.based_on})) : null),
      h("td", {}, decision(r)),
      h("td", {}, effective(r), r.published_by ? h("div", {class: "hint"}, r.published_by) : null),
      h("td", {}, onRollback && r.state === "published"
        ? h("button", {type: "button", class: "link", dataset: {rollback: String(r.number)}, onclick: () => onRollback(r)},
            t("rollback_release"))
        : null)))));
}
