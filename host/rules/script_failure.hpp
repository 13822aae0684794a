#pragma once
// How a call into a script ended, as the host sees it. Each Lua outcome maps to its own kind so
// that a log, a finding or a RuleError can say plainly what happened and where.

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
