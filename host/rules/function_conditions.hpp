#pragma once
// Function-valued `when`/`unless` conditions, evaluated on a Lua state owned by the calling
// thread (Envoy keeps one Lua state per worker the same way). Nothing here is shared between
// threads, so the stages need no lock.
//
// A thread's first evaluation for a loaded script makes its state: a fresh sandbox in which the
// script's top level runs again, with declarations that only collect the functions of function
// conditions as registry references, in call order. The load counted them in the same order, so
// slot i on every thread is the function of the i-th function condition. Scripts cannot read a
// clock or random numbers, so the replay declares exactly what the load did (checked by count).
//
// States are cached per thread, keyed by the load's generation id (unique per load, never an
// address that a later load could reuse). When rules are unloaded (a reload swapped them, the
// file was deleted) and the last holder lets go, their states are closed on every thread at once
// (forget_generation, from Compiled's destructor): an idle worker keeps nothing of old rules.
// All states draw on the process's LuaMemoryBudget ([rules] total_memory_bytes).
//
// The function gets one argument, q: a read-only table of the request's attributes (see
// attributes.hpp). Each state keeps one q, filled again only when a request's facts differ from
// the last ones it was filled with (the stages of one quote share them).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rules/attributes.hpp"
#include "rules/compiled_rules.hpp"
#include "rules/declaration_reader.hpp"
#include "rules/lua_sandbox.hpp"

namespace cahub::rules {

class FunctionConditions {
 public:
  // The calling thread's state for `compiled`, made on first use. Throws RuleError when the
  // script cannot be prepared on this thread.
  static FunctionConditions& for_this_thread(const RegionRules::Compiled& compiled);

  explicit FunctionConditions(const RegionRules::Compiled& compiled);
  FunctionConditions(const FunctionConditions&) = delete;
  FunctionConditions& operator=(const FunctionConditions&) = delete;

  // Calls the function in `slot` with q. `q_current` says q already holds `facts` (set here once
  // it does); the caller resets it for each new request. Throws RuleError naming `entry_source`
  // ("central.lua:12") and the failure's own file:line.
  bool evaluate(int slot, const RequestFacts& facts, bool& q_current, std::string_view entry_source,
                std::string_view role);

  // How many states the calling thread holds (for tests of the cache).
  static std::size_t states_on_this_thread();
  // Closes the states made for rules of this generation, on every thread. Only for rules being
  // destroyed (then no thread can be using those states).
  static void forget_generation(std::uint64_t generation);

 private:
  void fill_q(lua_State* L, const RequestFacts& facts);
  void remember_filled(const RequestFacts& facts);

  // Before the sandbox: the declaration closures inside the state point at it.
  ScriptDeclarations declarations_;
  LuaSandbox sandbox_;
  std::vector<int> functions_;  // registry references, by slot
  int q_data_ = LUA_NOREF;      // the table q reads through
  int q_ = LUA_NOREF;           // the read-only proxy handed to functions
  // What q_data_ holds, so that the next stage of the same quote (same facts) does not fill it
  // again. Its texts view q_ca_ and q_former_ca_, copies owned here: the request is gone by then.
  RequestFacts q_facts_{};
  std::string q_ca_, q_former_ca_;
  bool q_filled_ = false;
};

}  // namespace cahub::rules
