#pragma once
// What `cahub` returns to a shell script. Stable: scripts and tests depend on them.

namespace cahub::cli {

constexpr int kExitOk = 0;           // done (a quote that says "not eligible" is still done)
constexpr int kExitFindings = 1;     // a check found problems (rules check, plugins check)
constexpr int kExitBadInput = 2;     // the caller's input is wrong: one line on stderr says what
constexpr int kExitStageFailure = 3; // a rule script or plugin failed while answering

}  // namespace cahub::cli
