// Who is signed in. The token lives in sessionStorage: it ends with the browser tab, is not sent
// to the server by the browser on its own (no cookie, so no cross-site request can use it), and a
// second tab signs in on its own.

const KEY = "cahub.session";
let expiryTimer = null;
const listeners = [];

export function currentSession() {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) || "null");
    if (s && s.token && Date.parse(s.expires_at) > Date.now()) return s;
  } catch {
    // A damaged entry is the same as none.
  }
  return null;
}

// `answer` is POST /v1/login's: {token, expires_at, staff: {login, name, role, regions}}.
export function startSession(answer) {
  sessionStorage.setItem(KEY, JSON.stringify({token: answer.token, expires_at: answer.expires_at, staff: answer.staff}));
  watchExpiry();
}

export function endSession(reason) {
  sessionStorage.removeItem(KEY);
  clearTimeout(expiryTimer);
  for (const fn of listeners) fn(reason);
}

// Whether the signed-in staff member works in region `id`: regions is "*" (all) or a list. The
// host answers another region's order as missing whatever the console shows; this keeps the
// console from offering what would be refused. A session stored before regions existed has all.
export function worksIn(id) {
  const regions = currentSession()?.staff?.regions;
  return regions === undefined || regions === "*" || (Array.isArray(regions) && regions.includes(id));
}

// `fn(reason)` runs when the session ends: signed out, expired, or refused by the server.
export function onSessionEnd(fn) { listeners.push(fn); }

// Ends the session on the dot when it expires, rather than at the next refused request, so
// nobody fills in a form only to lose it on submit.
export function watchExpiry() {
  clearTimeout(expiryTimer);
  const s = currentSession();
  if (!s) return;
  const left = Date.parse(s.expires_at) - Date.now();
  expiryTimer = setTimeout(() => endSession("session_expired"), Math.min(Math.max(left, 0), 2 ** 31 - 1));
}

export function role() { return currentSession()?.staff?.role || ""; }
export function login() { return currentSession()?.staff?.login || ""; }
// Reviewers and administrators set prices and validity the sources leave open.
export function maySetTerms() { return role() === "reviewer" || role() === "admin"; }
