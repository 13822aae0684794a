// Accepting an order at the counter: region → CA → business → applicant → channel, the applicant's
// numbers checked as they are typed (by the host's own GB 32100 / GB 11643 checks, so the console
// and the API never disagree), and the live quote beside the form.

import {h, fill, field, fieldMessage, debounce} from "../dom.js";
import {t, lang} from "../i18n.js";
import {api, describeError, idempotencyKey} from "../api.js";
import {loadCatalog, ownRegions, regionOf, pluginOf, regionName, caName, businessName, channelName, applicantName} from "../catalog.js";
import {isoDate} from "../format.js";
import {quoteView} from "../quote_view.js";
import {go} from "../router.js";

// Quote-request flags (docs/api.md) with the value the host assumes when they are left out.
const CONDITIONS = [
  ["registered", true], ["expert_in_database", true], ["delegated", false], ["legal_rep_in_person", false],
  ["public_institution", false], ["agent_changed", false], ["open_bid", false],
];

// Fills a select with [code, label] pairs, keeping the chosen code when it is still offered. A
// select with `preselect` starts at its first option (the quote assumes one anyway: onsite, a
// unit); the others wait for a choice unless only one is possible.
function options(select, list, {keep, preselect = false} = {}) {
  const before = keep ?? select.value;
  fill(select, h("option", {value: ""}, t("choose")), list.map(([code, label]) => h("option", {value: code}, label)));
  if (list.some(([code]) => code === before)) select.value = before;
  else if (list.length === 1 || (preselect && list.length)) select.value = list[0][0];
}

export async function render(main, {query, isCurrent}) {
  fill(main, h("h1", {}, t("new_title")), h("p", {class: "loading"}, t("loading")));
  let catalog;
  try {
    catalog = await loadCatalog();
  } catch (error) {
    if (isCurrent()) fill(main, h("h1", {}, t("new_title")), h("p", {class: "error", role: "alert"}, describeError(error)));
    return;
  }
  if (!isCurrent()) return;

  const el = {
    region: h("select", {name: "region", required: true}),
    ca: h("select", {name: "ca", required: true}),
    business: h("select", {name: "business", required: true}),
    applicant: h("select", {name: "applicant", required: true}),
    channel: h("select", {name: "channel", required: true}),
    years: h("select", {name: "years"}),
    key: h("select", {name: "key"}, h("option", {value: "master"}, t("key_master")), h("option", {value: "secondary"}, t("key_secondary"))),
    name: h("input", {name: "name", required: true, autocomplete: "off"}),
    uscc: h("input", {name: "uscc", autocomplete: "off", maxlength: 18, spellcheck: "false", class: "mono"}),
    id_number: h("input", {name: "id_number", autocomplete: "off", maxlength: 18, spellcheck: "false", class: "mono"}),
    person_name: h("input", {name: "person_name", autocomplete: "off"}),
    mobile: h("input", {name: "mobile", autocomplete: "off", inputmode: "numeric", maxlength: 11}),
    postcode: h("input", {name: "postcode", autocomplete: "off", inputmode: "numeric", maxlength: 6}),
    address: h("input", {name: "address", autocomplete: "off"}),
    previous_serial: h("input", {name: "previous_serial", autocomplete: "off", spellcheck: "false", class: "mono"}),
    cert_not_before: h("input", {name: "cert_not_before", placeholder: "YYYY-MM-DD", autocomplete: "off"}),
    cert_not_after: h("input", {name: "cert_not_after", placeholder: "YYYY-MM-DD", autocomplete: "off"}),
  };
  const conditions = Object.fromEntries(CONDITIONS.map(([code, dflt]) => [code, h("input", {type: "checkbox", name: code, checked: dflt})]));
  const showSources = h("input", {type: "checkbox", id: "show-sources"});
  const quotePanel = h("section", {class: "quote-panel", "aria-live": "polite", "aria-labelledby": "quote-heading"});
  const message = h("p", {class: "error", role: "alert"});
  const submit = h("button", {type: "submit", class: "primary"}, t("create_order"));
  let key = idempotencyKey();  // one order per filled-in form, however often it is submitted

  // What the chosen region says the chosen CA does there (its offer{} entries, GET /v1/rules),
  // narrowed as each choice is made; the CA's own applicant kinds narrow it further.
  const region = () => regionOf(catalog, el.region.value);
  const plugin = () => pluginOf(catalog, el.ca.value);
  function narrow() {
    const r = region(), p = plugin();
    options(el.ca, r ? r.accepts.map((c) => [c, caName(catalog, c)]) : []);
    const offer = r?.offers?.[el.ca.value];
    const byChannel = offer ? offer.channels : {};
    const offeredHere = (b) => Object.values(byChannel).some((list) => list.includes(b));
    options(el.business, r ? r.businesses.filter(offeredHere).map((b) => [b, businessName(catalog, b)]) : []);
    const served = (a) => (!offer || offer.applicants.includes(a)) && (!p || (p.applicants || []).includes(a));
    options(el.applicant, r ? r.applicants.filter(served).map((a) => [a, applicantName(catalog, a)]) : [], {preselect: true});
    const b = el.business.value;
    options(el.channel, r ? r.channels.filter((c) => !b || (byChannel[c] || []).includes(b)).map((c) => [c, channelName(catalog, c)]) : [],
            {preselect: true});
    const years = r ? (r.years_by_ca?.[el.ca.value] || r.years) : [];
    options(el.years, Array.isArray(years) ? years.map((y) => [String(y), String(y)]) : [], {keep: el.years.value});
    el.years.disabled = !Array.isArray(years);
    el.years.options[0].textContent = Array.isArray(years) ? t("years_default") : t("years_not_published");
    const kind = el.applicant.value || "org";
    // A unit gives its USCC; a person their ID number; a person's certificate under a unit both.
    show(el.uscc, kind !== "person");
    show(el.id_number, kind !== "org");
    show(el.person_name, kind === "org_person");
    el.name.closest(".field").querySelector("label").textContent = kind === "person" ? t("person_name") : t("unit_name");
    const concerns = b && b !== "new";
    for (const f of [el.previous_serial, el.cert_not_before, el.cert_not_after]) show(f, concerns);
    show(el.address, el.channel.value === "mail");
  }
  function show(control, visible) {
    const wrapper = control.closest(".field");
    if (wrapper) wrapper.hidden = !visible;
  }

  // The quote request the form describes: the same fields as POST /v1/quote and POST /v1/orders.
  function quoteRequest() {
    const q = {region: el.region.value, ca: el.ca.value, business: el.business.value,
               applicant: el.applicant.value || "org", channel: el.channel.value || "onsite", key: el.key.value};
    if (el.years.value && !el.years.disabled) q.years = Number(el.years.value);
    for (const d of ["cert_not_before", "cert_not_after"])
      if (el[d].value.trim() && !el[d].closest(".field").hidden) q[d] = el[d].value.trim();
    for (const [code, dflt] of CONDITIONS) if (conditions[code].checked !== dflt) q[code] = conditions[code].checked;
    return q;
  }

  let quoteSeq = 0;
  const refreshQuote = debounce(async () => {
    const mine = ++quoteSeq;
    if (!el.region.value || !el.ca.value || !el.business.value) {
      fill(quotePanel, h("h2", {id: "quote-heading"}, t("quote_title")), h("p", {class: "hint"}, t("quote_waiting")));
      return;
    }
    for (const d of ["cert_not_before", "cert_not_after"]) {
      const v = el[d].value.trim();
      fieldMessage(el[d], v && !isoDate(v) ? "YYYY-MM-DD" : "");
    }
    quotePanel.setAttribute("aria-busy", "true");
    quotePanel.querySelector(".quote")?.classList.add("stale");
    try {
      const quote = await api("POST", "/v1/quote?explain=1", quoteRequest());
      if (mine !== quoteSeq) return;  // an answer to an older form state
      fill(quotePanel, h("h2", {id: "quote-heading"}, t("quote_title")), quoteView(quote));
    } catch (error) {
      if (mine !== quoteSeq) return;
      fill(quotePanel, h("h2", {id: "quote-heading"}, t("quote_title")), h("p", {class: "error"}, describeError(error)));
    } finally {
      if (mine === quoteSeq) quotePanel.removeAttribute("aria-busy");
    }
  }, 250);

  // Checks an identifier with the host as it is typed and shows why it is refused, in place.
  function checkAs(control, kind) {
    const check = debounce(async () => {
      const value = control.value.trim();
      if (!value) return fieldMessage(control, "");
      try {
        const answer = await api("GET", `/v1/identifiers/${kind}?value=${encodeURIComponent(value)}`);
        if (control.value.trim() !== value) return;  // typed on meanwhile
        if (answer.valid) fieldMessage(control, t("valid"), "ok");
        else fieldMessage(control, lang() === "zh" ? answer.message_zh : answer.message);
      } catch (error) {
        fieldMessage(control, describeError(error));
      }
    }, 200);
    control.addEventListener("input", check);
    return check;
  }
  const checks = [checkAs(el.uscc, "uscc"), checkAs(el.id_number, "id_number"), checkAs(el.mobile, "mobile"),
                  checkAs(el.postcode, "postcode")];

  // A registered certificate fills in its own dates, so the renewal window is judged on facts.
  const lookUpCertificate = debounce(async () => {
    const serial = el.previous_serial.value.trim();
    if (!serial || !el.ca.value) return fieldMessage(el.previous_serial, "");
    try {
      const answer = await api("GET", `/v1/certificates?q=${encodeURIComponent(serial)}&ca=${encodeURIComponent(el.ca.value)}`);
      const cert = answer.certificates.find((c) => c.serial.toLowerCase() === serial.toLowerCase());
      if (el.previous_serial.value.trim() !== serial) return;
      if (!cert) return fieldMessage(el.previous_serial, "");
      el.cert_not_before.value = cert.not_before;
      el.cert_not_after.value = cert.not_after;
      fieldMessage(el.previous_serial, `${cert.holder} · ${t("not_after")} ${cert.not_after} · ${t(`cert_${cert.status}`)}`, "ok");
      refreshQuote();
    } catch (error) {
      fieldMessage(el.previous_serial, describeError(error));
    }
  }, 300);
  el.previous_serial.addEventListener("input", lookUpCertificate);

  const form = h("form", {class: "new-order", novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    message.textContent = "";
    const kind = el.applicant.value || "org";
    const details = {name: el.name.value.trim()};
    if (kind !== "person") details.uscc = el.uscc.value.trim();
    if (kind !== "org") details.id_number = el.id_number.value.trim();
    if (kind === "org_person") details.person_name = el.person_name.value.trim();
    for (const k of ["mobile", "postcode"]) if (el[k].value.trim()) details[k] = el[k].value.trim();
    if (el.channel.value === "mail" && el.address.value.trim()) details.address = el.address.value.trim();
    const body = {...quoteRequest(), applicant_details: details};
    if (el.previous_serial.value.trim() && el.business.value !== "new") body.previous_serial = el.previous_serial.value.trim();
    const missing = [el.region, el.ca, el.business, el.name].find((c) => !c.value.trim());
    if (missing) {
      message.textContent = `${missing.closest(".field").querySelector("label").textContent}: ${t("choose")}`;
      missing.focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = t("creating");
    try {
      const order = await api("POST", "/v1/orders", body, {key});
      key = idempotencyKey();
      go(`/orders/${order.id}`);
    } catch (error) {
      message.textContent = describeError(error);
      if (error.body?.quote) fill(quotePanel, h("h2", {id: "quote-heading"}, t("quote_title")), quoteView(error.body.quote));
      // A refused request accepted nothing; an edited form is a new order and gets a new key.
      if (error.status >= 400 && error.status < 500 && error.code !== "idempotency_conflict") key = idempotencyKey();
    } finally {
      submit.disabled = false;
      submit.textContent = t("create_order");
    }
  }},
    h("fieldset", {}, h("legend", {}, t("step_what")),
      field(t("region"), el.region), field(t("ca"), el.ca), field(t("business"), el.business),
      field(t("applicant_kind"), el.applicant), field(t("channel"), el.channel), field(t("years"), el.years),
      field(t("key_type"), el.key),
      field(t("previous_serial"), el.previous_serial, t("previous_serial_hint")),
      field(t("cert_not_before"), el.cert_not_before, t("date_hint")),
      field(t("cert_not_after"), el.cert_not_after, t("date_hint"))),
    h("fieldset", {}, h("legend", {}, t("step_who")),
      field(t("unit_name"), el.name), field(t("uscc"), el.uscc), field(t("holder_name"), el.person_name),
      field(t("id_number"), el.id_number), field(t("mobile"), el.mobile), field(t("postcode"), el.postcode),
      field(t("address"), el.address)),
    h("fieldset", {class: "conditions"}, h("legend", {}, t("situation")),
      CONDITIONS.map(([code]) => h("label", {class: "check"}, conditions[code], t(`cond_${code}`)))),
    message, submit);

  options(el.region, ownRegions(catalog).map((r) => [r.id, regionName(catalog, r.id)]), {keep: query.get("region") || ""});
  narrow();
  // A renewal started from the certificates page arrives with the certificate's facts.
  for (const k of ["ca", "business", "applicant", "channel"]) {
    if (query.get(k)) { el[k].value = query.get(k); narrow(); }
  }
  for (const k of ["name", "uscc", "id_number", "previous_serial", "cert_not_before", "cert_not_after"])
    if (query.get(k)) el[k].value = query.get(k);

  form.addEventListener("change", (e) => {
    if (["region", "ca", "business", "applicant", "channel"].includes(e.target.name)) narrow();
    refreshQuote();
  });
  form.addEventListener("input", (e) => { if (e.target.name?.startsWith("cert_")) refreshQuote(); });
  showSources.addEventListener("change", () => quotePanel.classList.toggle("with-sources", showSources.checked));

  fill(main, h("h1", {}, t("new_title")),
    h("div", {class: "two-columns"}, form,
      h("aside", {}, h("label", {class: "check"}, showSources, t("show_sources")), quotePanel)));
  for (const check of checks) check();
  if (query.get("previous_serial")) lookUpCertificate();
  refreshQuote();
  el.region.focus();
}
