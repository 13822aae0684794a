#pragma once
// The count hook that stops a runaway script (Redis' script timeout, by instructions).
//
// Armed around each host call into a script and cleared after it, so nothing is counted while
// the host itself works on the state. The hook fires every kHookInterval instructions and
// deducts from the call's budget; library functions charge their own work through charge()
// (see builtin_bounds.hpp), because the hook never fires inside a C function. The hook also
// checks a wall-clock backstop (SandboxLimits::milliseconds_per_call).
//
// Once the budget or the clock runs out the stop is sticky until the host's call returns and
// disarm() runs: the hook is re-armed to fire on every instruction and every new line and raises
// again each time, and the sandbox's own pcall and xpcall (guard_protected_calls) raise it again
// as they return, so a script's own pcall cannot swallow it. An xpcall message handler never
// runs for a stop (see guard_protected_calls for why it must not).

#include <chrono>
#include <cstdint>
#include <string>

struct lua_State;
struct lua_Debug;

namespace cahub::rules {

class InstructionBudget {
 public:
  enum class Stop { None, Instructions, WallClock };

  // Small because one instruction can itself be slow (`s .. s` on a string of several MiB): the
  // clock is seen at least this often. With a count hook set, Lua 5.4 already takes its slower
  // "trap" path on every instruction, so a smaller interval adds little.
  static constexpr int kHookInterval = 100;

  void arm(lua_State* L, std::uint64_t instructions, std::uint32_t milliseconds);
  void disarm(lua_State* L);

  // Charges `units` instructions' worth of work done inside a C function. Raises the stop (a Lua
  // error) when the budget or the clock has run out. Does nothing while disarmed.
  void charge(lua_State* L, std::uint64_t units);
  // Raises the stop again when the budget or the clock has run out during this call.
  void raise_if_stopped(lua_State* L);

  Stop stop() const { return stop_; }
  // "central.lua:3" where the stop first hit (empty when no script line was running).
  const std::string& stop_site() const { return stop_site_; }
  std::uint64_t limit() const { return limit_; }
  std::uint32_t milliseconds() const { return milliseconds_; }

  // Called by the hook trampoline.
  void on_hook(lua_State* L);

 private:
  void rearm_count(lua_State* L);
  [[noreturn]] void trip(lua_State* L, Stop why);
  [[noreturn]] void raise_stop(lua_State* L);

  bool armed_ = false;
  std::uint64_t limit_ = 0;
  std::uint64_t remaining_ = 0;
  int pending_ = 0;  // instructions the count hook was last armed for
  std::uint32_t milliseconds_ = 0;
  std::chrono::steady_clock::time_point deadline_{};
  Stop stop_ = Stop::None;
  std::string stop_site_;
};

// The text every stop raises inside Lua. The sandbox tells a stop from a script's own error by
// InstructionBudget::stop(), never by this text, so error("instruction limit exceeded") is
// just a runtime error.
constexpr const char* kInstructionLimitText = "instruction limit exceeded";
constexpr const char* kTimeLimitText = "time limit exceeded";

// "central.lua:12": the innermost frame that is running a script line, or "".
std::string innermost_script_line(lua_State* L);

// Replaces pcall and xpcall in the table at `globals_index` (the real global table, before the
// sandbox globals are filled) with versions that keep the stop sticky: both raise it again as
// they return, and xpcall skips the script's message handler for a stop. Inside a protected call.
void guard_protected_calls(lua_State* L, int globals_index);

}  // namespace cahub::rules
