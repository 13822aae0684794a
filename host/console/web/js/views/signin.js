// Sign-in with a staff account made by `cahub staff add` (there is no default account).

import {h, fill, field} from "../dom.js";
import {t, errorText} from "../i18n.js";
import {api, describeError} from "../api.js";
import {startSession} from "../session.js";

export function render(main, {notice, onSignedIn}) {
  const login = h("input", {name: "login", autocomplete: "username", required: true, autocapitalize: "off", spellcheck: "false"});
  const password = h("input", {name: "password", type: "password", autocomplete: "current-password", required: true});
  const message = h("p", {class: notice ? "notice" : "error", role: "alert"}, notice ? errorText(notice) || t(notice) : "");
  const button = h("button", {type: "submit", class: "primary"}, t("sign_in"));
  const form = h("form", {class: "signin", onsubmit: async (e) => {
    e.preventDefault();
    button.disabled = true;
    button.textContent = t("working");
    message.className = "error";
    message.textContent = "";
    try {
      startSession(await api("POST", "/v1/login", {login: login.value.trim(), password: password.value}));
      onSignedIn();
    } catch (error) {
      message.textContent = describeError(error);
      password.value = "";
      password.focus();
    } finally {
      button.disabled = false;
      button.textContent = t("sign_in");
    }
  }}, field(t("login"), login), field(t("password"), password), message, button);
  fill(main, h("h1", {}, t("signin_title")), form);
  login.focus();
}
