// Talking to the cahub HTTP API (docs/api.md) from the console: the same origin, the signed-in
// staff member's token, and errors turned into ApiError with the API's stable code.

import {currentSession, endSession} from "./session.js";
import {errorText, t} from "./i18n.js";

export class ApiError extends Error {
  constructor(status, code, message, body) {
    super(message);
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

// One line for a person: what the code means in their language, then the API's specifics.
// `about` "release": the shared codes worded for a rule release (i18n.js errorText).
export function describeError(error, about) {
  if (!(error instanceof ApiError)) return t("error_network");
  const meaning = errorText(error.code, about);
  if (meaning && error.message && error.message !== meaning) return `${meaning}（${error.message}）`;
  return meaning || t("error_generic", {message: error.message || error.code});
}

const SESSION_ENDED = new Set(["unauthenticated", "bad_token", "session_expired"]);

// Calls the API and returns the parsed JSON answer (or the Response itself with raw: true).
// `body` is sent as JSON unless it is a Blob/File (an upload). Throws ApiError for any answer
// that is not 2xx; a 401 also ends the session it was sent with, and the console goes back to
// sign-in.
export async function api(method, path, body, {key, raw, contentType} = {}) {
  const headers = {};
  const session = currentSession();
  if (session) headers.Authorization = `Bearer ${session.token}`;
  if (key) headers["Idempotency-Key"] = key;
  let payload;
  if (body instanceof Blob) {
    payload = body;
    headers["Content-Type"] = contentType || body.type || "application/octet-stream";
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers["Content-Type"] = "application/json";
  }
  let response;
  try {
    response = await fetch(path, {method, headers, body: payload, cache: "no-store"});
  } catch {
    throw new ApiError(0, "network", t("error_network"));
  }
  if (response.ok) return raw ? response : response.json();
  let answer = null;
  try {
    answer = await response.json();
  } catch {
    // Not JSON (a proxy's page): the status is all there is.
  }
  const code = answer?.error?.code || `http_${response.status}`;
  const error = new ApiError(response.status, code, answer?.error?.message || response.statusText, answer);
  // Only the session the request was sent with ends: a late answer to a call made before sign-out
  // (a debounced quote, say) must not end the session of whoever signed in since.
  if (response.status === 401 && SESSION_ENDED.has(code) && path !== "/v1/login" && session &&
      currentSession()?.token === session.token) endSession(code);
  throw error;
}

// 退出: the server revokes the token first (POST /v1/logout), so that a copy of it left in the
// browser or a proxy's log signs nobody in; then the console forgets it. It forgets it whatever
// the answer: a token the server already refused is gone anyway, and with the server away the
// person still means to leave (the token then lapses at its expiry).
export async function signOut() {
  const session = currentSession();
  if (session) {
    try {
      await fetch("/v1/logout", {method: "POST", headers: {Authorization: `Bearer ${session.token}`}, cache: "no-store"});
    } catch {
      // The server cannot be reached: nothing more to do here.
    }
  }
  endSession("signed_out");
}

// A random key for POST /v1/orders, made once per form, so a double click or a retry after a
// dropped connection accepts one order, not two. getRandomValues works on plain http too.
export function idempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return "console-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

// Saves what a route answers as a file: the token goes in a header, so a plain <a href> cannot
// fetch it; the bytes are fetched, then handed to the browser as a download.
export async function download(path, fallbackName) {
  const response = await api("GET", path, undefined, {raw: true});
  const disposition = response.headers.get("Content-Disposition") || "";
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] || fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return name;
}
