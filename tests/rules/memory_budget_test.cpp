// All Lua states of the process together stay within [rules] total_memory_bytes: past it a state
// cannot start or grow, the script or request that asked fails with a memory error, and the
// states of unloaded rules are closed on every thread, idle ones included.
#include <condition_variable>
#include <mutex>
#include <thread>

#include <catch2/catch.hpp>

#include "rule_test_support.hpp"
#include "rules/function_conditions.hpp"
#include "rules/lua_sandbox.hpp"

using namespace cahub;
using namespace cahub::rules;
using namespace cahub::rules::test;
using Catch::Matchers::Contains;

namespace {

constexpr std::size_t MiB = 1u << 20;

// Makes `sandbox` hold `bytes` until it is destroyed (a string kept in its registry).
void hold(LuaSandbox& sandbox, std::size_t bytes) {
  const std::string big(bytes, 'x');
  REQUIRE(sandbox
              .run([&](lua_State* L) -> int {
                lua_pushlstring(L, big.data(), big.size());
                luaL_ref(L, LUA_REGISTRYINDEX);
                return 0;
              })
              .ok());
}

const char* kEightMiB = "local s = string.rep('x', 1 << 20) local t = {} for i = 1, 8 do t[i] = s .. i end return #t";

}  // namespace

TEST_CASE("states together cannot pass total_memory_bytes, each within its own cap", "[rules][memory]") {
  const std::size_t before = LuaMemoryBudget::process().taken();
  const SandboxLimits limits{.memory_bytes = 12 * MiB, .total_memory_bytes = 16 * MiB};
  {
    LuaSandbox holder(limits);
    hold(holder, 8 * MiB);
    LuaSandbox other(limits);
    const CallOutcome refused = other.execute("big.lua", kEightMiB);
    CHECK(refused.failure == ScriptFailure::OutOfMemory);
    CHECK(refused.message ==
          "not enough memory (all Lua states of the process together are limited to 16 MiB: [rules] total_memory_bytes)");
    CHECK(LuaMemoryBudget::process().taken() <= before + 16 * MiB);
  }
  // Alone, the same script fits its own cap: it was the total that stopped it.
  LuaSandbox alone(limits);
  std::string result;
  CHECK(alone.execute("big.lua", kEightMiB, &result).ok());
  CHECK(result == "8");
}

TEST_CASE("a state that cannot start within the total says so, and loading a script fails cleanly", "[rules][memory]") {
  const SandboxLimits limits{.memory_bytes = 4 * MiB, .total_memory_bytes = 4 * MiB};
  LuaSandbox holder(limits);
  hold(holder, 4 * MiB - holder.memory().in_use() - 1024);
  CHECK_THROWS_WITH(LuaSandbox(limits), Contains("[rules] total_memory_bytes"));
  const LoadResult loaded = RegionRules::load_text("central.lua", kRegionHeader, limits);
  CHECK_FALSE(loaded.rules);
  REQUIRE(loaded.findings.size() == 1);
  CHECK_THAT(loaded.findings[0].text(), Contains("total_memory_bytes"));
}

TEST_CASE("the budget is whole again once every state is closed", "[rules][memory]") {
  const std::size_t before = LuaMemoryBudget::process().taken();
  {
    LuaSandbox a, b;
    hold(a, MiB);
    CHECK(LuaMemoryBudget::process().taken() >= before + MiB);
  }
  CHECK(LuaMemoryBudget::process().taken() == before);
}

TEST_CASE("unloaded rules' states are closed on every thread, an idle one too", "[rules][memory]") {
  const std::string rule =
      R"(refuse { business = "new", code = "by_function", zh = "x", en = "x", when = function(q) return true end }
)";
  const std::size_t before = LuaMemoryBudget::process().taken();
  auto rules = load_ok(rule);
  auto refused = [&rules] {
    Quote q;
    rules->assess_eligibility(RuleInput{request(Business::New), 1, 0}, q);
    return !q.eligible;
  };
  CHECK(refused());
  CHECK(FunctionConditions::states_on_this_thread() == 1);

  std::mutex m;
  std::condition_variable cv;
  bool evaluated = false, released = false;
  std::size_t worker_states_after = 99;
  std::thread worker([&] {
    const bool answer = refused();
    std::unique_lock lock(m);
    evaluated = answer;
    cv.notify_all();
    cv.wait(lock, [&] { return released; });  // idle: it makes no state and asks the book nothing
    worker_states_after = FunctionConditions::states_on_this_thread();
  });
  {
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return evaluated; });
  }
  CHECK(LuaMemoryBudget::process().taken() > before);
  rules.reset();  // the last holder: both threads' states go now
  CHECK(FunctionConditions::states_on_this_thread() == 0);
  CHECK(LuaMemoryBudget::process().taken() == before);
  {
    std::lock_guard lock(m);
    released = true;
  }
  cv.notify_all();
  worker.join();
  CHECK(worker_states_after == 0);
}
