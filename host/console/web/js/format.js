// Money, dates and codes as people read them. Money stays integer fen from end to end: parsing
// and printing work on the digits, never on floating-point yuan.

import {lang, t} from "./i18n.js";

// 26000 → "¥260.00"; null → "unpriced" (never 0: DOMAIN.md).
export function money(fen) {
  if (fen === null || fen === undefined) return t("unpriced");
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}¥${Math.trunc(abs / 100).toLocaleString("en-US")}.${String(abs % 100).padStart(2, "0")}`;
}

// "260", "260.5", "260.50" → 26050 fen; anything else → null.
export function fenFromYuan(text) {
  const m = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text || "");
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] || "0").padEnd(2, "0"));
}

export function yuanFromFen(fen) {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}

// "2026-11-23T09:30:00+08:00" → "2026-11-23 09:30" (the host writes China time everywhere).
export function timeText(iso) {
  if (!iso) return "";
  return iso.replace("T", " ").replace(/:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$/, "");
}

// Today in China time (UTC+8), as the host counts due dates.
export function chinaToday() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

export function stateLabel(state) { return t(`state_${state}`); }
export function roleLabel(role) { return t(`role_${role}`); }

export function isoDate(text) {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

export function numberText(n) { return Number(n).toLocaleString(lang() === "zh" ? "zh-CN" : "en-US"); }
