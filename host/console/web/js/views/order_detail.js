// One order, from acceptance to delivery: what was asked and quoted, the materials as they arrive,
// review, price and validity where the sources leave them open, payment, issuing, delivery, and
// the audit trail of who did what. The buttons are the ones the host says this person may press
// now (GET /v1/orders/{id} "actions"); the host enforces the same rules again on every call.

import {h, fill, field, fieldMessage} from "../dom.js";
import {t, errorText} from "../i18n.js";
import {api, describeError, download} from "../api.js";
import {loadCatalog, regionName, caName, businessName, channelName, applicantName} from "../catalog.js";
import {money, fenFromYuan, yuanFromFen, stateLabel, timeText, chinaToday} from "../format.js";
import {maySetTerms} from "../session.js";
import {quoteView} from "../quote_view.js";
import {urgency} from "./queue.js";

// Businesses whose certificate changes status at the CA rather than being issued.
const ISSUES = new Set(["new", "add", "renew", "reissue_lost", "reissue_damaged", "change"]);
const TERMS_STATES = new Set(["submitted", "under_review", "rejected", "resubmitted", "approved", "awaiting_payment"]);
const NOTE_REQUIRED = new Set(["reject", "cancel"]);
const UPLOAD_LIMIT = 4 * 1024 * 1024;  // server.max_body_bytes by default; the CA's own limit is checked by the host
const UPLOAD_TYPES = /\.(jpe?g|png|bmp|pdf)$/i;

export async function render(main, {match, isCurrent}) {
  const id = match[1];
  // The holder's private key when the CA made the pair at issue: in this page's memory only, to be
  // downloaded once and handed over with the medium; cahub keeps no copy (docs/architecture.md).
  let handedKey = null;
  let status = h("p", {class: "status", role: "status", "aria-live": "polite"});
  let message = h("p", {class: "error", role: "alert", tabindex: "-1"});

  // Runs one call with the page's progress line. On success the order is read again, so the page
  // shows what the host holds. A refusal leaves the page as it was, with what the person typed,
  // and says why; only a version conflict (someone acted first) reloads, to show what changed.
  async function perform(label, call) {
    const disabled = [...main.querySelectorAll("button:not(:disabled)")];
    for (const b of disabled) b.disabled = true;
    status.textContent = label;
    main.setAttribute("aria-busy", "true");
    message.textContent = "";
    let failed = null;
    try {
      await call();
    } catch (error) {
      failed = error;
    }
    main.removeAttribute("aria-busy");
    status.textContent = "";
    if (failed && failed.code !== "version_conflict") {
      for (const b of disabled) b.disabled = false;
      message.textContent = describeError(failed);
      message.focus();
      return;
    }
    await load();
    // The page was rebuilt: put keyboard and screen-reader users on what changed, the refusal or
    // the heading with the order's new state, rather than back at the top of the document.
    if (failed) {
      message.textContent = describeError(failed);
      message.focus();
    } else {
      main.querySelector("h1")?.focus();
    }
  }

  async function load() {
    let catalog, order, events;
    try {
      [catalog, order, events] = await Promise.all([loadCatalog(), api("GET", `/v1/orders/${id}`),
                                                     api("GET", `/v1/orders/${id}/events`)]);
    } catch (error) {
      if (isCurrent()) fill(main, h("h1", {}, t("order_title", {id})), h("p", {class: "error", role: "alert"}, describeError(error)),
                            h("p", {}, h("a", {href: "#/queue"}, t("back_to_queue"))));
      return;
    }
    if (!isCurrent()) return;
    const keepMessage = message.textContent;
    status = h("p", {class: "status", role: "status", "aria-live": "polite"});
    message = h("p", {class: "error", role: "alert", tabindex: "-1"}, keepMessage);
    fill(main, ...page(catalog, order, events.events || []));
  }

  function page(catalog, order, events) {
    const urgent = urgency(order, chinaToday());
    const details = order.request?.applicant_details || {};
    const summary = h("dl", {class: "summary"},
      dt("col_applicant", order.applicant.name), dt("identity", order.applicant.identity, "mono"),
      dt("applicant_kind", applicantName(catalog, order.request?.applicant || order.applicant.kind)),
      dt("region", regionName(catalog, order.region)), dt("ca", caName(catalog, order.ca)),
      dt("business", businessName(catalog, order.business)), dt("channel", channelName(catalog, order.channel)),
      order.request?.previous_serial ? dt("previous_serial", order.request.previous_serial, "mono") : null,
      details.mobile ? dt("mobile", details.mobile) : null,
      details.postcode ? dt("postcode", details.postcode) : null,
      details.address ? dt("address", details.address) : null,
      dt("accepted_by", order.accepted_by), dt("created_at", timeText(order.created_at)),
      dt("due_on", order.due_on || "—"), dt("total", order.priced ? money(order.total_fen) : t("unpriced")),
      dt("validity", order.validity?.not_after ? `${order.validity.not_before} → ${order.validity.not_after}` : t("validity_not_published")),
      dt("version", String(order.version)));
    return [
      h("p", {}, h("a", {href: "#/queue"}, "← ", t("back_to_queue"))),
      h("h1", {tabindex: "-1"}, t("order_title", {id: order.id}), " ",
        h("span", {class: `state state-${order.state}`}, stateLabel(order.state)),
        urgent ? h("span", {class: `badge ${urgent}`}, t(urgent)) : null),
      status, message,
      h("div", {class: "two-columns"},
        h("div", {},
          summary,
          actionsSection(catalog, order),
          termsSection(order),
          paymentSection(order),
          holderKeySection(order),
          certificateSection(order),
          materialsSection(order)),
        h("div", {},
          timelineSection(order, events),
          h("details", {class: "frozen-quote"}, h("summary", {}, t("frozen_quote")), quoteView(order.quote || {}))))];
  }

  function dt(key, value, cls) {
    return [h("dt", {}, t(key)), h("dd", {class: cls || null}, value)];
  }

  function actionsSection(catalog, order) {
    const actions = (order.actions || []).filter((a) => {
      if (a === "record_payment") return false;                       // the payment form below
      return true;
    });
    // Asking the CA is not a workflow action but its own step, which the API names.
    const canIssue = order.provider_step === "issue";
    const canCarryOut = order.provider_step === "carry_out";
    const held = order.held_back || [];
    if (!actions.length && !canIssue && !canCarryOut && !held.length) return null;
    const note = h("textarea", {name: "note", rows: 2});
    const buttons = actions.map((action) => h("button", {type: "button", class: action === "cancel" || action === "reject" ? "danger" : "primary",
      dataset: {action},
      onclick: () => {
        if (NOTE_REQUIRED.has(action) && !note.value.trim()) {
          fieldMessage(note, t("note_required"));
          note.focus();
          return;
        }
        perform(t("working"), () => api("POST", `/v1/orders/${order.id}/actions/${action}`,
                                         {version: order.version, note: note.value.trim() || undefined}));
      }}, t(`action_${action}`)));
    // The medium's certificate request, when the holder's UKey made the key pair; without one the
    // CA makes the pair and the answer carries the private key, this once.
    const csr = h("input", {type: "file", accept: ".csr,.req,.pem,.p10", name: "csr"});
    if (canIssue)
      buttons.unshift(h("button", {type: "button", class: "primary", dataset: {action: "issue"},
        onclick: () => perform(t("issuing_progress"), async () => {
          const file = csr.files && csr.files[0];
          const body = {version: order.version};
          if (file) body.csr_pem = await file.text();
          const issued = await api("POST", `/v1/orders/${order.id}/issue`, body);
          if (issued && issued.subscriber_key_pem) handedKey = {order: order.id, pem: issued.subscriber_key_pem};
        })},
        t("issue")));
    if (canCarryOut)
      buttons.unshift(h("button", {type: "button", class: "primary", dataset: {action: "carry_out"},
        onclick: () => perform(t("carrying_out"), () => api("POST", `/v1/orders/${order.id}/carry_out`, {version: order.version}))},
        `${t("carry_out")}（${businessName(catalog, order.business)}）`));
    const heldNotes = held.map((x) => h("p", {class: "held", dataset: {action: x.action, code: x.code}},
      h("button", {type: "button", disabled: true}, t(`action_${x.action}`)), " ",
      t(`blocked_${x.code}`) !== `blocked_${x.code}` ? t(`blocked_${x.code}`) : x.message));
    return h("section", {class: "actions"}, h("h2", {}, t("actions")),
      actions.some((a) => NOTE_REQUIRED.has(a)) ? field(t("note"), note) : null,
      canIssue ? field(t("holder_csr"), csr, t("holder_csr_hint")) : null,
      h("div", {class: "buttons"}, buttons), heldNotes);
  }

  function termsSection(order) {
    if (!maySetTerms() || !TERMS_STATES.has(order.state)) return null;
    const needsPrice = !order.priced;
    const needsYears = ISSUES.has(order.business) && !order.validity?.not_after &&
                       !["reissue_lost", "reissue_damaged", "change"].includes(order.business);
    if (!needsPrice && !needsYears) return null;
    const total = h("input", {name: "terms_total", inputmode: "decimal", autocomplete: "off"});
    const years = h("input", {name: "terms_years", type: "number", min: 1, max: 10});
    const reason = h("input", {name: "terms_reason", autocomplete: "off"});
    return h("section", {class: "terms"}, h("h2", {}, t("terms")), h("p", {class: "hint"}, t("terms_hint")),
      h("form", {onsubmit: (e) => {
        e.preventDefault();
        if (!reason.value.trim()) {
          fieldMessage(reason, errorText("reason_required"));
          reason.focus();
          return;
        }
        const body = {version: order.version, reason: reason.value.trim()};
        if (needsPrice && total.value.trim()) {
          const fen = fenFromYuan(total.value);
          if (fen === null) return fieldMessage(total, t("bad_amount"));
          body.total_fen = fen;
        }
        if (needsYears && years.value) body.years = Number(years.value);
        perform(t("working"), () => api("POST", `/v1/orders/${order.id}/terms`, body));
      }},
        needsPrice ? field(t("terms_total"), total) : null, needsYears ? field(t("terms_years"), years) : null,
        field(t("terms_reason"), reason), h("button", {type: "submit", class: "primary"}, t("set_terms"))),
      (order.terms || []).map((x) => h("p", {class: "hint"}, t("terms_set_by", {who: x.set_by, at: timeText(x.set_at), reason: x.reason}))));
  }

  function paymentSection(order) {
    const payments = order.payments || [];
    const canPay = (order.actions || []).includes("record_payment");
    if (!canPay && !payments.length) return null;
    const method = h("select", {name: "method"},
      ["wechat", "alipay", "bank_transfer", "card", "cash"].map((m) => h("option", {value: m}, t(`method_${m}`))));
    const amount = h("input", {name: "amount", inputmode: "decimal", autocomplete: "off",
                               value: order.priced ? yuanFromFen(order.total_fen) : ""});
    const voucher = h("input", {name: "voucher", autocomplete: "off"});
    const adjustment = h("input", {name: "adjustment_reason", autocomplete: "off"});
    return h("section", {class: "payment"}, h("h2", {}, t("payment")),
      payments.length ? h("ul", {}, payments.map((p) => h("li", {},
        `${money(p.amount_fen)} · ${t(`method_${p.method}`)}${p.voucher ? ` · ${p.voucher}` : ""} · ${p.recorded_by} · ${timeText(p.recorded_at)}`,
        p.adjustment_reason ? ` · ${p.adjustment_reason}` : ""))) : null,
      canPay ? h("form", {onsubmit: (e) => {
        e.preventDefault();
        const fen = fenFromYuan(amount.value);
        if (fen === null) {
          fieldMessage(amount, t("bad_amount"));
          amount.focus();
          return;
        }
        const body = {version: order.version, method: method.value, amount_fen: fen};
        if (voucher.value.trim()) body.voucher = voucher.value.trim();
        if (adjustment.value.trim()) body.adjustment_reason = adjustment.value.trim();
        perform(t("working"), () => api("POST", `/v1/orders/${order.id}/payments`, body));
      }},
        field(t("method"), method), field(t("amount_yuan"), amount), field(t("voucher"), voucher, t("voucher_hint")),
        maySetTerms() ? field(t("adjustment_reason"), adjustment, t("adjustment_hint")) : null,
        h("button", {type: "submit", class: "primary"}, t("record_payment"))) : null);
  }

  // Shown once, after the issue that made the key: a download, and what to do with it.
  function holderKeySection(order) {
    if (!handedKey || handedKey.order !== order.id) return null;
    const url = URL.createObjectURL(new Blob([handedKey.pem], {type: "application/x-pem-file"}));
    const serial = order.certificate ? order.certificate.serial : order.id;
    return h("section", {class: "holder-key"}, h("h2", {}, t("holder_key")),
      h("p", {class: "warning"}, t("holder_key_once")),
      h("a", {href: url, download: `${serial}.key.pem`, class: "button primary", dataset: {action: "download_key"},
              onclick: () => setTimeout(() => { URL.revokeObjectURL(url); handedKey = null; }, 0)},
        t("download_key")));
  }

  function certificateSection(order) {
    const c = order.certificate;
    if (!c) return null;
    return h("section", {class: "certificate"}, h("h2", {}, t("certificate")),
      h("dl", {class: "summary"}, dt("serial", c.serial, "mono"), dt("not_before", c.not_before), dt("not_after", c.not_after),
        dt("status", t(`cert_${c.status}`))),
      h("button", {type: "button", class: "primary", dataset: {action: "download_pem"},
        onclick: () => perform(t("working"), () => download(`/v1/orders/${order.id}/certificate.pem`, `${c.serial}.pem`))},
        t("download_pem")));
  }

  function materialsSection(order) {
    const open = !["completed", "cancelled"].includes(order.state);
    return h("section", {class: "materials"},
      h("h2", {}, t("materials"), " ",
        h("span", {class: order.materials_complete ? "ok" : "badge overdue"},
          order.materials_complete ? t("materials_complete") : t("materials_incomplete"))),
      h("ul", {class: "material-list"}, (order.materials || []).map((m) => {
        const file = h("input", {type: "file", accept: ".jpg,.jpeg,.png,.bmp,.pdf", name: `file-${m.code}`,
                                 "aria-label": `${t("upload")}: ${m.name}`});
        file.addEventListener("change", () => {
          const chosen = file.files[0];
          if (!chosen) return;
          if (!UPLOAD_TYPES.test(chosen.name)) { message.textContent = t("upload_type"); return; }
          if (chosen.size > UPLOAD_LIMIT) { message.textContent = t("upload_too_large"); return; }
          perform(t("uploading"), () => api("PUT",
            `/v1/orders/${order.id}/materials/${m.code}/file?name=${encodeURIComponent(chosen.name)}`, chosen,
            {contentType: "application/octet-stream"}));
        });
        return h("li", {class: m.received ? "received" : "missing", dataset: {code: m.code}},
          h("span", {class: "tick", "aria-hidden": "true"}, m.received ? "✓" : "○"), " ",
          h("span", {class: "name"}, m.name), " ",
          h("span", {class: "hint"}, m.received ? `${t("received")} · ${m.received_by} · ${timeText(m.received_at)}` : t("not_received")),
          m.file_name ? h("span", {class: "hint"}, ` · ${m.file_name}`) : null,
          h("div", {class: "buttons"},
            open && !m.received ? h("button", {type: "button", dataset: {material: m.code},
              onclick: () => perform(t("working"), () => api("POST", `/v1/orders/${order.id}/materials/${m.code}`, {}))},
              t("mark_received")) : null,
            open ? h("label", {class: "upload"}, t("upload"), file) : null,
            m.file_sha256 ? h("button", {type: "button", class: "link",
              onclick: () => perform(t("working"), () => download(`/v1/orders/${order.id}/materials/${m.code}/file`, m.code))},
              t("download_file")) : null));
      })));
  }

  function timelineSection(order, events) {
    return h("section", {class: "timeline"}, h("h2", {}, t("timeline")),
      events.length === 0 ? h("p", {class: "hint"}, t("timeline_empty")) :
      h("ol", {}, events.map((e) => h("li", {},
        h("time", {datetime: e.at}, timeText(e.at)), " ", h("b", {}, e.actor), " ", eventText(e, order)))));
  }

  // "order.approve" → "审核通过 · 审核中 → 待缴费 · …": the kind in words, then what it changed.
  function eventText(e, order) {
    const p = e.payload || {};
    const [area, what] = e.kind.split(".");
    let label = e.kind;
    if (area === "order" && what === "submitted") label = t("event_submitted");
    else if (area === "order" && what === "terms_set") label = t("event_terms_set");
    else if (area === "order") label = t(`action_${what}`);
    else if (area === "material") label = t(`event_material_${what}`);
    else if (area === "payment") label = t("event_payment_recorded");
    else if (area === "certificate") label = what === "issued" ? t("event_certificate_issued") : t("event_carried_out", {what});
    const parts = [label];
    if (p.from && p.to) parts.push(`${stateLabel(p.from)} → ${stateLabel(p.to)}`);
    if (p.note) parts.push(`“${p.note}”`);
    if (p.material) parts.push((order.materials || []).find((m) => m.code === p.material)?.name || p.material);
    if (p.file_name) parts.push(p.file_name);
    if (p.sha256) parts.push(`SHA-256 ${p.sha256.slice(0, 12)}…`);
    if (p.amount_fen !== undefined) parts.push(money(p.amount_fen));
    if (p.total_fen !== undefined && p.total_fen !== null && area !== "payment") parts.push(money(p.total_fen));
    if (p.years) parts.push(`${p.years} → ${p.not_after}`);
    if (p.serial) parts.push(p.serial);
    if (p.reason) parts.push(p.reason);
    return parts.join(" · ");
  }

  fill(main, h("h1", {}, t("order_title", {id})), h("p", {class: "loading"}, t("loading")));
  await load();
}
