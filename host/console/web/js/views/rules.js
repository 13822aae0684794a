// 规则: the rules workbench. For one region at a time (the picker offers only the caller's regions,
// as GET /v1/rules answers them): the history of its releases, one release in the script editor
// with what the host's check, spec cases and customer diff say of it, and the steps from a draft
// to the rules in force (draft → submitted → approved → published, four eyes, rollback). Below,
// the scripts each region is serving now, as this page showed before the workbench.
// With `rules.source = "files"` the rules are edited as files on the server: the page then shows
// what is live, read only, and says so.
//
// Address: #/rules?region=ID&release=N (both optional), so a release can be linked and reloaded.

import {h, fill, field} from "../dom.js";
import {t, pick} from "../i18n.js";
import {api, describeError} from "../api.js";
import {loadCatalog} from "../catalog.js";
import {login, role} from "../session.js";
import {go} from "../router.js";
import {historyTable} from "./rules/history.js";
import {releaseView} from "./rules/release_view.js";
import {liveScripts} from "./rules/live_scripts.js";

// What the next render shows on top ({notice} or {error}): the outcome of the step just taken.
let flash = null;

function address(region, release) {
  return `/rules?region=${encodeURIComponent(region)}${release ? `&release=${release}` : ""}`;
}

// With no release named: the caller's own draft, else one waiting for a decision or a publish,
// else the one in force, else the newest.
function defaultRelease(listing) {
  const releases = listing.releases || [];
  return releases.find((r) => r.state === "draft" && r.author === login())?.number
    || releases.find((r) => r.state === "submitted" || r.state === "approved")?.number
    || listing.in_force || releases[0]?.number || null;
}

function picker(regions, current) {
  const select = h("select", {name: "region", onchange: () => go(address(select.value))},
    regions.map((r) => h("option", {value: r.id, selected: r.id === current}, pick({zh: r.name, en: r.name_en}))));
  return select;
}

// 新建草稿: the script and cases in force today, copied into a new draft of the caller's.
function newDraftForm(region, listing, message) {
  const reason = h("input", {type: "text", name: "draft_reason", maxlength: 500, placeholder: t("reason_hint_draft")});
  const button = h("button", {type: "button", class: "primary", dataset: {action: "new_draft"}, onclick: async () => {
    message.textContent = "";
    button.disabled = true;
    try {
      const base = `/v1/rules/${encodeURIComponent(region)}`;
      const source = listing.in_force ? await api("GET", `${base}/releases/${listing.in_force}`) : null;
      // The host records the release in force as the draft's base.
      const body = {script: source?.script || "", reason: reason.value.trim()};
      if (source?.spec) body.spec = source.spec;
      const draft = await api("POST", `${base}/releases`, body);
      flash = {notice: t("done_action")};
      go(address(region, draft.number));
    } catch (error) {
      button.disabled = false;
      message.textContent = describeError(error, "release");
    }
  }}, t("new_draft"));
  return h("div", {class: "new-draft"}, field(t("reason"), reason, t("new_draft_hint")), h("div", {class: "buttons"}, button));
}

// 回滚到此版本: one administrator, a reason, and the release's text in force from today.
function rollbackForm(region, target, box, message) {
  const reason = h("textarea", {name: "rollback_reason", rows: 2, maxlength: 500});
  const confirm = h("button", {type: "button", class: "danger", dataset: {action: "confirm_rollback"}, onclick: async () => {
    if (!reason.value.trim()) {
      message.textContent = t("reason_required_reject");
      reason.focus();
      return;
    }
    confirm.disabled = true;
    try {
      const made = await api("POST", `/v1/rules/${encodeURIComponent(region)}/rollback`, {to: target.number, reason: reason.value.trim()});
      flash = {notice: t("done_action")};
      go(address(region, made.number));
    } catch (error) {
      confirm.disabled = false;
      message.textContent = describeError(error, "release");
    }
  }}, t("confirm_rollback"));
  fill(box, h("section", {class: "panel rollback", "aria-labelledby": "rollback-heading"},
    h("h3", {id: "rollback-heading"}, t("rollback_title", {n: target.number})),
    h("p", {class: "hint"}, t("rollback_hint", {n: target.number})),
    field(t("reason"), reason),
    h("div", {class: "buttons"}, confirm, h("button", {type: "button", onclick: () => fill(box)}, t("cancel")))));
  reason.focus();
}

// rules.source = "files": there are no releases; what is live is the table of loaded scripts,
// and edits are made to the files on the server.
function filesView(catalog) {
  return [
    h("p", {class: "notice files-mode"}, t("files_mode")),
    liveScripts(catalog),
  ];
}

export async function render(main, {query, isCurrent}) {
  const shown = flash;
  flash = null;
  fill(main, h("h1", {}, t("rules_title")), h("p", {class: "loading"}, t("loading")));
  const fail = (error) => {
    if (isCurrent()) fill(main, h("h1", {}, t("rules_title")), h("p", {class: "error", role: "alert"}, describeError(error, "release")));
  };
  let catalog;
  try {
    catalog = await loadCatalog({fresh: true});  // what is in force changes while serving: never a cached view
  } catch (error) {
    fail(error);
    return;
  }
  if (!isCurrent()) return;
  const regions = catalog.rules.regions;
  if (regions.length === 0) {
    fill(main, h("h1", {}, t("rules_title")), h("p", {class: "empty"}, t("workbench_no_regions")));
    return;
  }
  const region = regions.some((r) => r.id === query.get("region")) ? query.get("region") : regions[0].id;
  const base = `/v1/rules/${encodeURIComponent(region)}`;
  const message = h("p", {class: "error", role: "alert", tabindex: "-1"});
  const live = h("details", {class: "live-scripts"}, h("summary", {}, t("live_scripts")), liveScripts(catalog));

  let listing;
  try {
    listing = await api("GET", `${base}/releases`);
  } catch (error) {
    if (!isCurrent()) return;
    fill(main, h("h1", {}, t("rules_title")), h("div", {class: "rules-picker"}, field(t("workbench_region"), picker(regions, region))),
         h("p", {class: "error", role: "alert"}, describeError(error, "release")), live);
    live.open = true;
    return;
  }
  if (!isCurrent()) return;
  const head = h("div", {class: "rules-picker"},
    field(t("workbench_region"), picker(regions, region)),
    h("span", {class: "hint"}, t("workbench_today", {day: listing.today || ""})),
    h("span", {}, listing.in_force ? t("workbench_in_force", {n: listing.in_force}) : t("workbench_none_in_force")));

  if (listing.source === "files") {  // one table for every region: no region to pick
    fill(main, h("h1", {}, t("rules_title")), filesView(catalog));
    return;
  }

  const wanted = Number(query.get("release")) || defaultRelease(listing);
  let release = null;
  if (wanted) {
    try {
      release = await api("GET", `${base}/releases/${wanted}`);
    } catch (error) {
      message.textContent = describeError(error, "release");
    }
  }
  if (!isCurrent()) return;
  const admin = role() === "admin";
  const rollbackBox = h("div");
  const history = h("section", {class: "rules-history", "aria-labelledby": "history-heading"},
    h("h2", {id: "history-heading"}, t("history")),
    admin ? newDraftForm(region, listing, message) : null,
    historyTable(listing, {selected: release?.number, onRollback: admin ? (r) => rollbackForm(region, r, rollbackBox, message) : null}),
    rollbackBox);
  const reload = (n, next) => {
    flash = next;
    go(address(region, n));
  };
  fill(main, h("h1", {}, t("rules_title")), head, message,
    release ? releaseView({region, listing, release, catalog, reload, flash: shown}) : null,
    history, live);
  if (!release && shown?.error) message.textContent = shown.error;
}
