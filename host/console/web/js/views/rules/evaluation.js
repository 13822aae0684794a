// What the host says of a release's text (the `evaluation` of GET …/releases/{n} and of POST
// …/evaluate): the `rules check` findings, each a button that takes the caret to its line; the
// spec cases as "N passed, N failed" with each failure; and the changes for customers against the
// release in force, one row per change (host/rules/rules_diff.hpp).

import {h} from "../../dom.js";
import {t} from "../../i18n.js";
import {caName, businessName, channelName, applicantName} from "../../catalog.js";

// "neimenggu.spec.lua:13" → {file: "neimenggu.spec.lua", line: 13}; a finding's text starts so.
export function placeOf(text) {
  const m = /^([^\s:]+\.lua):(\d+)/.exec(text || "");
  return m ? {file: m[1], line: Number(m[2])} : null;
}

// Which editor a finding belongs to: the spec's when it names the spec file, else the script's.
function editorOf(finding, region) {
  const file = finding.file || placeOf(finding.text)?.file;
  return file === `${region}.spec.lua` ? "spec" : "script";
}

function lineOf(finding) { return finding.line || placeOf(finding.text)?.line || 0; }

// The spec run's own problems: a script that fails its check fails the spec run too, with the
// same findings, which the check already shows once.
function specProblems(evaluation) {
  const seen = new Set((evaluation?.check?.findings || []).map((f) => f.text));
  return (evaluation?.specs?.findings || []).filter((f) => !seen.has(f.text));
}

// Every finding of the check and of the spec run, per editor:
// → {script: [{line, message}], spec: [...]}
export function findingsByFile(evaluation, region) {
  const out = {script: [], spec: []};
  for (const f of [...(evaluation?.check?.findings || []), ...specProblems(evaluation)])
    out[editorOf(f, region)].push({line: lineOf(f), message: f.message || f.text});
  return out;
}

// Findings as a list, each a button that takes the caret to its line. `onGo(editor, line)`:
// editor is "script" or "spec".
function findingList(findings, region, onGo) {
  return h("ul", {class: "check-findings"}, findings.map((f) => {
    const editor = editorOf(f, region);
    const line = lineOf(f);
    return h("li", {},
      line ? h("button", {type: "button", class: "link", dataset: {line: String(line), editor}, onclick: () => onGo(editor, line)},
               h("b", {}, editor === "spec" ? `${t("tab_spec")} ` : "", t("finding_at", {line})), t("colon"), f.message || f.text)
           : h("span", {class: "error"}, f.message || f.text));
  }));
}

export function checkView(evaluation, region, onGo) {
  const findings = evaluation?.check?.findings || [];
  return h("section", {class: "check", "aria-labelledby": "check-heading"},
    h("h3", {id: "check-heading"}, t("check_title")),
    findings.length === 0 ? h("p", {class: "ok"}, t("check_clean")) : [
      h("p", {class: "error"}, t("check_count", {n: findings.length})),
      findingList(findings, region, onGo)]);
}

export function specsView(evaluation, region, onGo) {
  const specs = evaluation?.specs;
  const failures = specs?.failures || [];
  const problems = specProblems(evaluation);
  return h("section", {class: "specs", "aria-labelledby": "specs-heading"},
    h("h3", {id: "specs-heading"}, t("specs_title")),
    // A spec file with problems runs none of its cases (docs/rules.md §14): its problems first.
    problems.length ? [h("p", {class: "error"}, t("spec_problems", {n: problems.length})), findingList(problems, region, onGo)] : null,
    !specs || (specs.passed + specs.failed + (specs.skipped || 0)) === 0
      ? (problems.length ? null
         : h("p", {class: "hint"}, (evaluation?.check?.findings || []).length && specs?.findings?.length ? t("specs_blocked") : t("specs_none")))
      : [
      h("p", {class: "specs-summary", "data-passed": String(specs.passed), "data-failed": String(specs.failed)},
        h("span", {class: specs.failed ? "failed" : "passed"}, t("specs_counts", {passed: specs.passed, failed: specs.failed})),
        specs.skipped ? h("span", {class: "hint"}, t("specs_skipped", {n: specs.skipped})) : null),
      failures.length ? h("ul", {class: "spec-failures"}, failures.map((f) => {
        const place = placeOf(f.where);
        return h("li", {},
          place && place.file === `${region}.spec.lua`
            ? h("button", {type: "button", class: "link mono", onclick: () => onGo("spec", place.line)}, f.where)
            : h("span", {class: "mono"}, f.where),
          " ", h("b", {}, f.name),
          h("ul", {class: "details"}, (f.details || []).map((d) => h("li", {class: "mono"}, d))));
      })) : null]);
}

function aspectName(aspect) {
  const key = `aspect_${aspect}`;
  const word = t(key);
  return word === key ? aspect : word;
}

function changeName(change) {
  const key = `change_${change}`;
  const word = t(key);
  return word === key ? change : word;
}

// Where a change applies, in the console's words: "CFCA · 新办 · 1 年", or 任意 for everything.
function whereText(catalog, c) {
  const list = (value, name) => value && value !== "any" ? value.split(",").map((v) => name(v.trim())).join("、") : null;
  const parts = [
    list(c.ca, (v) => caName(catalog, v)),
    list(c.business, (v) => businessName(catalog, v)),
    list(c.applicant, (v) => applicantName(catalog, v)),
    list(c.channel, (v) => channelName(catalog, v)),
    list(c.years, (v) => t("years_n", {n: v})),
    list(c.key, (v) => v === "master" ? t("key_master") : v === "secondary" ? t("key_secondary") : v),
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : t("any");
}

export function diffView(evaluation, catalog) {
  const diff = evaluation?.diff;
  const changes = diff?.changes || [];
  const heading = diff?.against ? t("diff_title", {n: diff.against}) : t("diff_title_none");
  return h("section", {class: "diff panel", "aria-labelledby": "diff-heading"},
    h("h3", {id: "diff-heading"}, heading),
    diff?.problem ? h("p", {class: "error"}, t("diff_problem"), t("colon"), diff.problem) : null,
    !diff || diff.against === null || diff.against === undefined ? h("p", {class: "hint"}, t("diff_no_base"))
    : changes.length === 0 ? h("p", {class: "ok"}, t("diff_none"))
    : h("table", {class: "diff"},
        h("thead", {}, h("tr", {}, ["diff_what", "diff_item", "diff_change", "diff_where", "diff_when", "diff_from", "diff_old", "diff_new"]
          .map((k) => h("th", {scope: "col"}, t(k))))),
        h("tbody", {}, changes.map((c) => h("tr", {dataset: {aspect: c.aspect, item: c.item}},
          h("td", {}, aspectName(c.aspect)),
          h("td", {class: "mono"}, c.item),
          h("td", {}, changeName(c.change)),
          h("td", {}, whereText(catalog, c)),
          h("td", {}, c.when || ""),
          h("td", {}, c.from || ""),
          h("td", {class: "old"}, c.old),
          h("td", {class: "new"}, c.new))))));
}
