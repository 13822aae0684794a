#pragma once
// What library functions may cost. The count hook sees VM instructions only; a C function such
// as string.rep, string.find or table.sort runs to its end however much it does. So each library
// function whose work grows with its input is replaced by a wrapper that
//   1. charges the instruction budget for that work (1 per 64 bytes of string arguments or of
//      a string.rep result, 1 per value string.byte or utf8.codepoint returns, 1 per table
//      element walked or moved, n·log2(n)/4 for a sort), so a loop of cheap-looking calls runs
//      out of budget like any other loop; and
//   2. refuses outright what no region script needs and would run long inside one call:
//      - string.rep with a result over kMaxRepBytes;
//      - pattern functions (find, match, gmatch, gsub) on a subject over kMaxPatternSubject bytes,
//        with a pattern over kMaxPatternBytes, or whose backtracking could take more than
//        kMaxPatternSteps steps: the worst case of Lua's matcher is (n+1)^k · 2^q for k repetition
//        items (*, +, -, %b, back references) and q optional items (?), with one more factor n
//        when the pattern is not anchored with ^.
// The wrapper calls the original C function directly in its own frame, so error messages still
// name 'find', 'rep', ... and the semantics are otherwise Lua's.
//
// Not wrapped, and left to the wall-clock backstop (SandboxLimits::milliseconds_per_call) and
// the memory cap: VM string concatenation (`..`, one instruction however long the strings) and
// tonumber on a long string of digits.

#include <cstddef>
#include <string_view>

struct lua_State;

namespace cahub::rules {

constexpr std::size_t kMaxRepBytes = 1u << 20;
constexpr std::size_t kMaxPatternSubject = 64u << 10;
constexpr std::size_t kMaxPatternBytes = 256;
constexpr double kMaxPatternSteps = 1e7;  // ~10 ms of matching on a current CPU

// Replaces the costly functions inside the string, table and utf8 tables found in the table at
// `globals_index` (the real global table, before proxies are made). Inside a protected call.
void bound_costly_builtins(lua_State* L, int globals_index);

// The worst-case number of matcher steps for `pattern` on a subject of `subject_bytes` (see above).
double pattern_worst_case_steps(std::string_view pattern, std::size_t subject_bytes, bool anchor_allowed);

}  // namespace cahub::rules
