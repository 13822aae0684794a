#pragma once
// One sandboxed lua_State: what a region script may touch and how much it may cost.
//
// What a script sees (docs/rules.md, "What a script can use"):
//   - the base functions assert error ipairs next pairs pcall rawequal rawget rawlen select
//     tonumber tostring type xpcall _VERSION, a `print` that writes to the "rules" log and a
//     `load` that compiles text only;
//   - the libraries string, table, math, utf8 and the host's `date`, each behind a read-only proxy.
// What it never sees: io, os, debug, package/require, coroutine, dofile, loadfile,
// collectgarbage, rawset, setmetatable, getmetatable, warn, string.dump, string.pack/unpack,
// math.random (rules must answer the same on every thread and every run).
//
// Each script runs with its own _ENV table whose reads fall through to the shared sandbox
// globals, so a global written by one script is invisible to every other. Reading a name that
// is defined nowhere is an error (typo protection: `feee { ... }` names its line).
//
// Every call from the host goes through call(): one lua_pcall with a traceback handler, the
// instruction budget armed, and the outcome mapped to a ScriptFailure. Host code that builds Lua
// values runs through run() so that even a memory error there is an outcome and never a panic.
//
// Threading: a sandbox belongs to one thread at a time.

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

#include <lua.hpp>  // liblua5.4-c++ exports the C API with unmangled names, so lua.hpp's extern "C" links

#include "rules/instruction_budget.hpp"
#include "rules/memory_cap.hpp"
#include "rules/sandbox_limits.hpp"
#include "rules/script_failure.hpp"

namespace cahub::rules {

class LuaSandbox {
 public:
  // Throws std::runtime_error when the libraries do not even fit in limits.memory_bytes.
  explicit LuaSandbox(const SandboxLimits& limits = {});
  ~LuaSandbox();
  LuaSandbox(const LuaSandbox&) = delete;
  LuaSandbox& operator=(const LuaSandbox&) = delete;

  // The sandbox that owns L (kept in the state's extra space).
  static LuaSandbox& of(lua_State* L);

  lua_State* state() const { return L_; }
  const SandboxLimits& limits() const { return limits_; }
  InstructionBudget& budget() { return budget_; }
  MemoryCap& memory() { return memory_; }

  // Like lua_pcall on the function below `nargs` arguments, with the budget armed and a traceback
  // handler. On success `nresults` values are left; on failure nothing is left and the state is
  // ready for the next call.
  CallOutcome call(int nargs, int nresults);

  // Runs `body(L)` (returning how many values it pushed) as a protected call with the budget armed.
  // A Lua error or a std::exception from the body becomes the outcome. Leaves `nresults` values.
  template <typename Body> CallOutcome run(Body&& body, int nresults = 0) {
    using B = std::remove_reference_t<Body>;
    lua_pushcfunction(L_, &run_trampoline<B>);
    lua_pushlightuserdata(L_, static_cast<void*>(&body));
    return call(1, nresults);
  }

  // Loads `source` as `chunk_name` ("central.lua") in a fresh environment and calls it; with
  // `first_result`, the first value returned is converted with tostring into it. For `cahub`
  // diagnostics and the tests; region scripts are loaded by the script loader.
  CallOutcome execute(std::string_view chunk_name, std::string_view source, std::string* first_result = nullptr);

  // ---- For host code running inside a protected call (run() bodies, C functions). ----

  // Pushes a fresh script environment: reads fall through to the sandbox globals, writes stay in it.
  static void push_environment(lua_State* L);
  // Compiles text (binary chunks are refused with a clear message) as "@chunk_name", so that
  // positions read "central.lua:12". On success pushes the function with its _ENV set to the
  // table at `env_index` and returns LUA_OK; otherwise pushes the message and returns the status.
  static int load_text(lua_State* L, std::string_view chunk_name, std::string_view source, int env_index);
  // After a script's top level has run: its globals become read-only, so a rule function
  // cannot keep state in them between quotes (on a per-thread state that would make answers
  // depend on which thread and which earlier requests ran).
  static void freeze_environment(lua_State* L, int env_index);
  // Pushes a read-only proxy for the table at `table_index`; writes raise "<name> is protected
  // by the sandbox". The proxy cannot be iterated and has no reachable metatable.
  static void push_read_only_proxy(lua_State* L, int table_index, const char* name);

 private:
  template <typename B> static int run_trampoline(lua_State* L) {
    auto* body = static_cast<B*>(lua_touserdata(L, 1));
    lua_remove(L, 1);
    std::string failure;
    try {
      return (*body)(L);
    } catch (const std::exception& e) {  // a Lua error is not a std::exception: it passes through
      failure = e.what();
    }
    return raise_host_failure(L, failure);
  }
  static int raise_host_failure(lua_State* L, const std::string& what);
  static int message_handler(lua_State* L);
  CallOutcome failure_outcome(int status);

  SandboxLimits limits_;
  MemoryCap memory_;
  InstructionBudget budget_;
  lua_State* L_ = nullptr;
  int depth_ = 0;                // nested call()s: only the outermost arms and clears the budget
  std::string error_site_;       // set by the message handler
  std::string error_traceback_;  // set by the message handler
  int prints_this_call_ = 0;     // see sandbox_print
  friend int sandbox_print(lua_State* L);
};

}  // namespace cahub::rules
