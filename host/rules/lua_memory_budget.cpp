#include "rules/lua_memory_budget.hpp"

namespace cahub::rules {

LuaMemoryBudget& LuaMemoryBudget::process() {
  static LuaMemoryBudget budget;
  return budget;
}

bool LuaMemoryBudget::take(std::size_t bytes, std::size_t limit) noexcept {
  std::size_t now = taken_.load(std::memory_order_relaxed);
  do {
    if (now > limit || bytes > limit - now) return false;
  } while (!taken_.compare_exchange_weak(now, now + bytes, std::memory_order_relaxed));
  return true;
}

void LuaMemoryBudget::give_back(std::size_t bytes) noexcept { taken_.fetch_sub(bytes, std::memory_order_relaxed); }

}  // namespace cahub::rules
