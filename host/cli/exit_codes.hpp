#pragma once
// What `cahub` returns to a shell script. Stable: scripts and tests depend on them.
//
// The order and certificate commands answer like the HTTP API, one exit code per status class, so
// a script can tell "fix your input" from "reload and retry" from "not now" without parsing text;
// the stable code (`version_conflict`, `four_eyes`, ...) is on the one stderr line.

#include "domain/coded_error.hpp"

namespace cahub::cli {

constexpr int kExitOk = 0;           // done (a quote that says "not eligible" is still done)
constexpr int kExitFindings = 1;     // a check found problems (rules check, plugins check)
constexpr int kExitBadInput = 2;     // the caller's input is wrong: one line on stderr says what (HTTP 400)
constexpr int kExitStageFailure = 3; // a rule script or plugin failed while answering (HTTP 500, 502, 503)
constexpr int kExitNotFound = 4;     // no such order, material or certificate (HTTP 404)
constexpr int kExitConflict = 5;     // someone acted first, a reused idempotency key, an open order that blocks (HTTP 409)
constexpr int kExitRefused = 6;      // the workflow refuses: role, four-eyes, wrong state, not eligible; too many failed sign-ins (HTTP 403, 422, 429)
constexpr int kExitUnauthenticated = 7;  // unknown login, wrong password, expired session (HTTP 401)
// No usable database: `database_missing` (none at that path: `cahub db init` makes one, `cahub
// restore` brings a backup back), `database_read_only`, `database_in_use` (a restore while a
// server holds it). Never created behind the operator's back: a missing database is a lost one.
constexpr int kExitDatabase = 8;

// The one mapping of the error model's kinds (domain/coded_error.hpp) to exit codes.
constexpr int exit_code_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::BadInput: return kExitBadInput;
    case ErrorKind::Unauthenticated: return kExitUnauthenticated;
    case ErrorKind::Forbidden: case ErrorKind::Refused: case ErrorKind::TooManyRequests: return kExitRefused;
    case ErrorKind::NotFound: return kExitNotFound;
    case ErrorKind::Conflict: return kExitConflict;
    case ErrorKind::Upstream: case ErrorKind::Unavailable: case ErrorKind::Internal: return kExitStageFailure;
  }
  return kExitStageFailure;
}

}  // namespace cahub::cli
