// Building the page from data. Every value reaches the page as a text node or an attribute, never
// as markup, so an applicant named "<img onerror=...>" is shown as typed and runs nothing.

// h("button", {class: "primary", onclick: fn}, "text", child, ...): one element. Attributes whose
// name starts with "on" become listeners; null, undefined and false attributes are left out.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") el.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(el.dataset, value);
    else if (name in el && typeof value !== "string") el[name] = value;  // value, checked, disabled...
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// Replaces everything inside `el` with `children`.
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

// Waits `ms` after the last call before running `fn`: a check or a quote per pause in typing,
// not per keystroke.
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// A field with its label and a place for the reason it is refused, tied together for screen
// readers (aria-describedby) and keyboard users (the label's for=).
let fieldCounter = 0;
export function field(label, control, hint) {
  const id = control.id || `f${++fieldCounter}`;
  control.id = id;
  const message = h("div", {class: "field-message", id: `${id}-message`, "aria-live": "polite"});
  control.setAttribute("aria-describedby", message.id);
  return h("div", {class: "field"}, h("label", {for: id}, label), control, hint ? h("div", {class: "hint"}, hint) : null,
           message);
}

// Shows `text` under a field built by field(); an empty text clears it.
export function fieldMessage(control, text, kind = "error") {
  const message = document.getElementById(`${control.id}-message`);
  if (!message) return;
  message.textContent = text || "";
  message.className = `field-message ${text ? kind : ""}`;
  control.setAttribute("aria-invalid", text && kind === "error" ? "true" : "false");
}
