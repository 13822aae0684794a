// The rules workbench's script editor: a plain <textarea> laid exactly over a <pre> that shows the
// same text coloured (js/lua_tokens.js), with a gutter of line numbers, both kept in step with the
// textarea's scrolling. Lines with a `rules check` finding carry a marker in the gutter and the
// message after the line's end; goToLine() puts the caret on a line (a finding's, when clicked).
//
// Why not CodeMirror 6 from npm: it comes as dozens of ES modules that import one another by bare
// package name, so the console would need a bundler step in the build (the console has none, and
// embeds web/ as it is) and ~400 KB, for three features we have here in ~200 lines: line numbers,
// colours and findings at their lines. And the person types into a real textarea, so everything a
// browser does for one keeps working as it is: keyboard use, undo, screen readers, and Chinese
// input methods (IME composition), which editors that draw their own text often get wrong.

import {h, fill} from "./dom.js";
import {luaLines} from "./lua_tokens.js";

// Line height in px: the textarea, the coloured copy and the gutter must agree on it exactly
// (console.css sets the same font and size on all three).
const LINE = 20;

// `label`: the textarea's accessible name. `onInput(text)` runs on every change of the text.
// Returns {element, textarea, value(), setValue(text), setReadOnly(flag), setFindings(list),
// goToLine(n)}; findings are [{line, message}], several on one line allowed.
export function scriptEditor({text = "", label, readOnly = false, onInput} = {}) {
  const gutter = h("div", {class: "gutter-lines"});
  const code = h("div", {class: "code-lines"});
  const textarea = h("textarea", {class: "code-input", spellcheck: false, wrap: "off", autocomplete: "off",
                                  autocapitalize: "off", "aria-label": label});
  textarea.setAttribute("autocorrect", "off");
  textarea.value = text;
  const element = h("div", {class: "script-editor"},
    h("div", {class: "gutter", "aria-hidden": "true"}, gutter),
    h("div", {class: "code"}, h("pre", {class: "code-view", "aria-hidden": "true"}, code), textarea));
  let findings = new Map();  // line → [message]
  let frame = 0;

  function paint() {
    frame = 0;
    const lines = luaLines(textarea.value);
    fill(code, lines.map((tokens, i) => {
      const messages = findings.get(i + 1);
      return h("div", {class: messages ? "code-line has-finding" : "code-line"},
        tokens.map((tok) => tok.kind === "plain" ? tok.text : h("span", {class: `tok-${tok.kind}`}, tok.text)),
        messages ? h("span", {class: "finding-inline"}, "  ◀ ", messages.join(" · ")) : null);
    }));
    fill(gutter, lines.map((_, i) => h("div", {class: findings.has(i + 1) ? "gutter-line has-finding" : "gutter-line",
                                               title: findings.get(i + 1)?.join("\n") || null},
      findings.has(i + 1) ? h("span", {class: "marker"}, "●") : null, String(i + 1))));
    follow();
  }
  // One repaint per frame however fast the keys come.
  function schedule() { if (!frame) frame = requestAnimationFrame(paint); }

  function follow() {
    code.style.transform = `translate(${-textarea.scrollLeft}px, ${-textarea.scrollTop}px)`;
    gutter.style.transform = `translateY(${-textarea.scrollTop}px)`;
  }

  textarea.addEventListener("input", () => {
    schedule();
    onInput?.(textarea.value);
  });
  textarea.addEventListener("scroll", follow);

  function setReadOnly(flag) {
    textarea.readOnly = flag;
    element.classList.toggle("read-only", flag);
  }
  setReadOnly(readOnly);
  paint();

  return {
    element,
    textarea,
    value: () => textarea.value,
    setValue(value) {
      textarea.value = value;
      paint();
    },
    setReadOnly,
    setFindings(list) {
      findings = new Map();
      for (const f of list || []) {
        if (!(f.line > 0)) continue;
        if (!findings.has(f.line)) findings.set(f.line, []);
        findings.get(f.line).push(f.message);
      }
      paint();
    },
    // Caret at the start of line `n`, scrolled to a third of the way down, and the focus there.
    goToLine(n) {
      const lines = textarea.value.split("\n");
      const line = Math.min(Math.max(n, 1), lines.length);
      const offset = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
      textarea.focus({preventScroll: true});
      textarea.setSelectionRange(offset, offset);
      textarea.scrollTop = Math.max(0, (line - 1) * LINE - textarea.clientHeight / 3);
      textarea.scrollLeft = 0;
      follow();
    },
  };
}
