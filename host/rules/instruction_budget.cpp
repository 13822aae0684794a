#include "rules/instruction_budget.hpp"

#include <algorithm>

#include <lua.hpp>

#include "rules/lua_sandbox.hpp"

namespace cahub::rules {
namespace {

void budget_hook(lua_State* L, lua_Debug* /*ar*/) { LuaSandbox::of(L).budget().on_hook(L); }

}  // namespace

std::string innermost_script_line(lua_State* L) {
  lua_Debug ar;
  for (int level = 0; lua_getstack(L, level, &ar); ++level)
    if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0)
      return std::string(ar.short_src) + ":" + std::to_string(ar.currentline);
  return {};
}

void InstructionBudget::arm(lua_State* L, std::uint64_t instructions, std::uint32_t milliseconds) {
  armed_ = true;
  limit_ = instructions;
  remaining_ = instructions;
  milliseconds_ = milliseconds;
  deadline_ = std::chrono::steady_clock::now() + std::chrono::milliseconds(milliseconds);
  stop_ = Stop::None;
  stop_site_.clear();
  rearm_count(L);
}

void InstructionBudget::disarm(lua_State* L) {
  lua_sethook(L, nullptr, 0, 0);
  armed_ = false;
  pending_ = 0;
}

void InstructionBudget::rearm_count(lua_State* L) {
  pending_ = static_cast<int>(std::min<std::uint64_t>(remaining_, kHookInterval));
  if (pending_ == 0) pending_ = 1;  // a zero budget stops at the first instruction
  lua_sethook(L, budget_hook, LUA_MASKCOUNT, pending_);
}

void InstructionBudget::on_hook(lua_State* L) {
  if (stop_ != Stop::None) raise_stop(L);  // sticky: every instruction and every line raises again
  remaining_ -= std::min<std::uint64_t>(remaining_, static_cast<std::uint64_t>(pending_));
  if (remaining_ == 0) trip(L, Stop::Instructions);
  if (std::chrono::steady_clock::now() >= deadline_) trip(L, Stop::WallClock);
  rearm_count(L);
}

void InstructionBudget::charge(lua_State* L, std::uint64_t units) {
  if (!armed_) return;
  if (stop_ != Stop::None) raise_stop(L);
  if (units >= remaining_) {
    remaining_ = 0;
    trip(L, Stop::Instructions);
  }
  remaining_ -= units;
  if (std::chrono::steady_clock::now() >= deadline_) trip(L, Stop::WallClock);
}

void InstructionBudget::trip(lua_State* L, Stop why) {
  stop_ = why;
  stop_site_ = innermost_script_line(L);
  lua_sethook(L, budget_hook, LUA_MASKCOUNT | LUA_MASKLINE, 1);
  raise_stop(L);
}

void InstructionBudget::raise_stop(lua_State* L) {
  // Written here rather than with luaL_error: in a hook, luaL_error's level 1 is the caller of
  // the running function, not the running line.
  const char* text = stop_ == Stop::WallClock ? kTimeLimitText : kInstructionLimitText;
  const std::string site = innermost_script_line(L);
  if (site.empty())
    lua_pushstring(L, text);
  else
    lua_pushfstring(L, "%s: %s", site.c_str(), text);
  lua_error(L);
  __builtin_unreachable();  // lua_error always unwinds, but is not declared [[noreturn]]
}

}  // namespace cahub::rules
