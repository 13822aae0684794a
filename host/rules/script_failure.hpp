#pragma once
// How a call into a script ended, as the host sees it. Each Lua outcome maps to its own kind so
// that a log, a finding or a RuleError can say plainly what happened and where.

#include <cstddef>
#include <string>

namespace cahub::rules {

enum class ScriptFailure {
  None,
  Runtime,           // LUA_ERRRUN: error(), a bad operation, a refused library call
  OutOfMemory,       // LUA_ERRMEM: the state reached SandboxLimits::memory_bytes
  ErrorHandler,      // LUA_ERRERR: the message handler itself failed
  InstructionLimit,  // the count hook stopped the script (SandboxLimits::instructions_per_call)
  TimeLimit,         // the wall-clock backstop (SandboxLimits::milliseconds_per_call)
};

// Text a script can make as long as it likes (error(string.rep("E", 1 << 20)), a 1 MB name in
// "unknown name '...'", a long token in a syntax error) reaches logs, findings and HTTP answers
// only this long. 512 bytes hold any real message with its position and a few names; tracebacks
// name one function per line and get more room.
constexpr std::size_t kMaxScriptErrorBytes = 512;
constexpr std::size_t kMaxScriptTracebackBytes = 4096;
// Host-made findings quote script values (keys, codes) inside a longer sentence.
constexpr std::size_t kMaxFindingBytes = 1024;

// `text` when it fits in `max_bytes`; otherwise its beginning, cut at a UTF-8 character boundary,
// followed by " …(N more bytes)", the whole at most `max_bytes` long (so bounding twice changes
// nothing). `max_bytes` must be at least 64.
std::string bounded_script_text(std::string text, std::size_t max_bytes = kMaxScriptErrorBytes);

struct CallOutcome {
  ScriptFailure failure = ScriptFailure::None;
  std::string where;      // "central.lua:12": innermost script line, empty when unknown
  std::string message;    // without the position prefix, e.g. "attempt to index a nil value"
  std::string traceback;  // Lua's stack traceback, for the log (runtime errors only)

  bool ok() const { return failure == ScriptFailure::None; }
  // "central.lua:12: instruction limit exceeded (1000000 instructions per call)"
  std::string text() const;
};

}  // namespace cahub::rules
