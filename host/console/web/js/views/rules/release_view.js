// One release of a region's rules: its facts (who drafted, submitted, decided, published, and
// why), the script and its cases in the editor (editable only for its author while a draft), what
// the host's check, spec cases and customer diff say of the text, re-evaluated as the author types
// (POST …/evaluate, debounced), and the steps the contract allows now (docs/rules.md, "Changing a
// region's rules"). The buttons follow the release's state and the caller's role; the host checks
// everything again (four eyes, regions, versions) and the page shows its refusal as it comes.

import {h, fill, debounce, field} from "../../dom.js";
import {t} from "../../i18n.js";
import {api, describeError, download} from "../../api.js";
import {timeText} from "../../format.js";
import {login, role} from "../../session.js";
import {scriptEditor} from "../../script_editor.js";
import {statusBadge, statusOf} from "./history.js";
import {checkView, specsView, diffView, findingsByFile} from "./evaluation.js";

const REASON_REQUIRED = new Set(["reject", "withdraw"]);

function facts(release) {
  const row = (label, who, at, why) => who ? [h("dt", {}, t(label)), h("dd", {}, who, at ? ` · ${timeText(at)}` : "", why ? `${t("colon")}${why}` : "")] : null;
  return h("dl", {class: "release-facts"},
    row("fact_author", release.author, release.created_at, release.reason),
    row("fact_submitted", release.submitted_by, release.submitted_at),
    row("fact_decided", release.decided_by, release.decided_at, release.decision_reason),
    row("fact_published", release.published_by, release.published_at),
    release.state === "published" ? [h("dt", {}, t("fact_effective")), h("dd", {}, release.effective_from || t("since_ever"))] : null,
    row("fact_withdrawn", release.withdrawn_by, release.withdrawn_at, release.withdrawn_reason),
    h("dt", {}, t("fact_sha")), h("dd", {class: "mono", title: release.sha256}, (release.sha256 || "").slice(0, 16)));
}

function events(release) {
  const list = release.events || [];
  if (list.length === 0) return null;
  return h("section", {class: "timeline", "aria-labelledby": "release-events"},
    h("h3", {id: "release-events"}, t("release_events")),
    h("ol", {}, list.map((e) => {
      const key = `revent_${(e.kind || "").replace(/^rules\./, "")}`;
      const word = t(key);
      return h("li", {}, h("time", {}, timeText(e.at)), " ", e.actor, " ", word === key ? e.kind : word, e.reason ? `${t("colon")}${e.reason}` : "");
    })));
}

// `reload(n, flash)`: shows release n afresh, with `flash` ({error} or {notice}) on top.
export function releaseView({region, listing, release, catalog, reload, flash}) {
  const me = login();
  const admin = role() === "admin";
  const editable = release.state === "draft" && release.author === me;
  const base = `/v1/rules/${encodeURIComponent(region)}`;
  const status = h("p", {class: "status", role: "status", "aria-live": "polite"}, flash?.notice || "");
  const message = h("p", {class: "error", role: "alert", tabindex: "-1"}, flash?.error || "");
  const evaluating = h("span", {class: "evaluating", "aria-live": "polite"});
  const unsaved = h("span", {class: "notice", hidden: true}, t("unsaved"));
  const checkBox = h("div");
  const specsBox = h("div");
  const diffBox = h("div");
  let dirty = false;

  const changed = () => {
    dirty = true;
    unsaved.hidden = false;
    evaluateSoon();
  };
  const editors = {
    script: scriptEditor({text: release.script || "", label: t("editor_label_script", {region}), readOnly: !editable, onInput: changed}),
    spec: scriptEditor({text: release.spec || "", label: t("editor_label_spec", {region}), readOnly: !editable, onInput: changed}),
  };
  const tabs = {};
  function show(name) {
    for (const [key, editor] of Object.entries(editors)) {
      editor.element.hidden = key !== name;
      tabs[key].setAttribute("aria-pressed", String(key === name));
    }
  }
  for (const key of Object.keys(editors))
    tabs[key] = h("button", {type: "button", dataset: {tab: key}, onclick: () => show(key)}, t(`tab_${key}`));
  // A release without cases has no spec tab to read, unless its author may write one.
  if (!release.spec && !editable) {
    tabs.spec.disabled = true;
    tabs.spec.title = t("no_spec");
  }
  show("script");
  function goTo(editor, line) {
    show(editor);
    editors[editor].goToLine(line);
  }

  function showEvaluation(evaluation) {
    const findings = findingsByFile(evaluation, region);
    editors.script.setFindings(findings.script);
    editors.spec.setFindings(findings.spec);
    fill(checkBox, checkView(evaluation, region, goTo));
    fill(specsBox, specsView(evaluation, region, goTo));
    fill(diffBox, diffView(evaluation, catalog));
  }

  // The text as the host takes it: the spec only when there is one.
  function texts() {
    const spec = editors.spec.value();
    return spec.trim() ? {script: editors.script.value(), spec} : {script: editors.script.value()};
  }

  // Only the answer to the latest text is shown. The host runs a few evaluations at a time and
  // answers evaluations_busy beyond that: the page then asks again a moment later, by itself.
  let evaluation = 0;
  const evaluateSoon = debounce(async () => {
    const mine = ++evaluation;
    evaluating.textContent = t("evaluating");
    let again = false;
    try {
      const answer = await api("POST", `${base}/evaluate`, texts());
      if (mine === evaluation) showEvaluation(answer);
    } catch (error) {
      again = error.code === "evaluations_busy";
      if (mine === evaluation && !again) message.textContent = describeError(error, "release");
    } finally {
      if (mine === evaluation && !again) evaluating.textContent = "";
    }
    if (again && mine === evaluation) setTimeout(() => { if (mine === evaluation) evaluateSoon(); }, 1000);
  }, 600);

  // Runs one step. Success shows the release afresh as the host holds it; a version conflict
  // (someone else acted first) does too, with the reason; any other refusal leaves the page and
  // what was typed as it was, and says why.
  async function perform(label, call) {
    const buttons = [...document.querySelectorAll("main button:not(:disabled)")];
    for (const b of buttons) b.disabled = true;
    status.textContent = label;
    message.textContent = "";
    try {
      const answer = await call();
      dirty = false;
      reload(answer?.number || release.number, {notice: t("done_action")});
    } catch (error) {
      status.textContent = "";
      if (error.code === "version_conflict") {
        reload(release.number, {error: describeError(error, "release")});
        return;
      }
      for (const b of buttons) b.disabled = false;
      message.textContent = error.local ? error.message : describeError(error, "release");
      message.focus();
    }
  }

  const reason = h("textarea", {name: "reason", rows: 2, maxlength: 500});
  if (editable) reason.value = release.reason || "";
  const needReason = (action) => {
    if (REASON_REQUIRED.has(action) && !reason.value.trim()) {
      message.textContent = t("reason_required_reject");
      reason.focus();
      return false;
    }
    return true;
  };
  const step = (action, label, extra = {}) => h("button", {type: "button", class: extra.primary ? "primary" : extra.danger ? "danger" : null,
                                                           dataset: {action}, disabled: extra.disabled || false,
    onclick: () => {
      if (!needReason(action)) return;
      perform(label, extra.call || (() => api("POST", `${base}/releases/${release.number}/${action}`,
                                              {version: release.version, reason: reason.value.trim() || undefined})));
    }}, label);

  async function save() {
    const body = {version: release.version, ...texts(), reason: reason.value.trim() || undefined};
    return api("PUT", `${base}/releases/${release.number}`, body);
  }
  // Submitting what is on screen: unsaved text is saved first, then submitted at its new version.
  async function submit() {
    const version = dirty ? (await save()).version : release.version;
    return api("POST", `${base}/releases/${release.number}/submit`, {version});
  }

  const publishWhen = h("input", {type: "date", name: "effective_from", min: listing.today, "aria-label": t("publish_on")});
  const publishNow = h("input", {type: "radio", name: "publish_when", value: "now", checked: true});
  const publishDay = h("input", {type: "radio", name: "publish_when", value: "day"});
  publishWhen.addEventListener("input", () => { publishDay.checked = true; });
  function publish() {
    if (publishDay.checked && !publishWhen.value) throw Object.assign(new Error(t("date_required")), {local: true});
    return api("POST", `${base}/releases/${release.number}/publish`,
               {version: release.version, effective_from: publishDay.checked ? publishWhen.value : undefined});
  }

  const state = release.state;
  const fourEyes = release.author === me || release.submitted_by === me;
  const steps = [];
  const notes = [];
  if (!admin) {
    notes.push(t("only_admins"));
  } else if (editable) {
    steps.push(step("save", t("save_draft"), {call: save}), step("submit", t("submit_release"), {primary: true, call: submit}),
               step("withdraw", t("withdraw_release"), {danger: true}));
  } else if (state === "submitted") {
    steps.push(step("approve", t("approve_release"), {primary: true, disabled: fourEyes}),
               step("reject", t("reject_release"), {danger: true, disabled: fourEyes}),
               step("withdraw", t("withdraw_release")));
    if (fourEyes) notes.push(t("held_four_eyes"));
  } else if (state === "approved") {
    steps.push(h("div", {class: "publish-when"},
                 h("label", {class: "check"}, publishNow, t("publish_now")),
                 h("label", {class: "check"}, publishDay, t("publish_on")), publishWhen),
               step("publish", t("publish_release"), {primary: true, call: publish}), step("withdraw", t("withdraw_release")));
  } else if (state === "published" && statusOf(release) === "scheduled") {
    steps.push(step("withdraw", t("withdraw_release"), {danger: true}));
  }
  const actions = steps.length || notes.length
    ? h("section", {class: "panel release-actions", "aria-labelledby": "release-actions"},
        h("h3", {id: "release-actions"}, t("release_actions")),
        steps.length ? field(t("reason"), reason, editable ? t("reason_hint_draft") : null) : null,
        h("div", {class: "buttons"}, steps),
        notes.map((n) => h("p", {class: "held"}, n)))
    : null;

  const exportButton = h("button", {type: "button", class: "link",
    onclick: () => download(`${base}/export?release=${release.number}`, `${region}.lua`).catch((e) => { message.textContent = describeError(e, "release"); })},
    t("export_script"));

  const element = h("section", {class: "release", dataset: {release: String(release.number), state}},
    h("h2", {}, t("release_n", {n: release.number}), " ", statusBadge(release)),
    status, message,
    h("div", {class: "workbench"},
      h("div", {class: "editor-column"},
        h("div", {class: "editor-tabs"}, Object.values(tabs), h("span", {class: "spacer"}), unsaved, " ", evaluating),
        editors.script.element, editors.spec.element,
        !editable ? h("p", {class: "hint"}, t("read_only_hint"), " ", exportButton) : null),
      h("div", {class: "side-column"},
        h("section", {class: "panel release-head"}, facts(release)),
        actions,
        h("section", {class: "panel"}, checkBox, specsBox))),
    diffBox,
    events(release));
  showEvaluation(release.evaluation);
  // A release waiting for a decision or a publish was evaluated when its text was last saved; if
  // another release has come into force since, the diff is asked again against today's, so the
  // approver reads what would change now (evaluating is for the region's administrators).
  const against = release.evaluation?.diff?.against ?? null;
  if (admin && ["submitted", "approved"].includes(release.state) && against !== (listing.in_force ?? null)) evaluateSoon();
  return element;
}
