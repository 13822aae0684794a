#include "rules/instruction_budget.hpp"

#include <algorithm>

#include <lua.hpp>

#include "rules/lua_sandbox.hpp"

namespace cahub::rules {
namespace {

void budget_hook(lua_State* L, lua_Debug* /*ar*/) { LuaSandbox::of(L).budget().on_hook(L); }

// Why the sandbox has its own pcall and xpcall.
//
// Lua 5.4 (ldo.c, luaD_hook) clears L->allowhook before it calls a hook and sets it again only
// when the hook returns. Our hook raises the stop, so it never returns: hooks stay off until the
// luaD_pcall that catches the error puts back the allowhook it saved. But before the error gets
// there, luaG_errormsg calls the active message handler, i.e. the script's xpcall handler runs
// with every hook off. No count hook, no line hook, and so no wall-clock check either (it lives
// in the hook): `xpcall(function() while true do end end, function(m) while true do end end)`
// ran forever, and any handler ran unmetered. The C API cannot turn hooks back on (allowhook is
// not reachable through it), so script code must never run in that state:
//   - the handler is skipped for a stop and the error passes through unchanged. Under the sticky
//     stop it would have been stopped at its first instruction anyway. Every error raised from
//     inside the hook is a stop, so every handler call with hooks off is skipped; a handler
//     called for a script's own error runs as in Lua, metered;
//   - pcall and xpcall raise the stop again as they return, so the stop does not depend on the
//     hook firing again in the caller either (it does in Lua 5.4.4, but only because trip()
//     re-armed the hook and the caller's next instruction meets it).
// Both are written here instead of calling Lua's own: luaB_pcall passes a continuation to
// lua_pcallk, which on a yield would finish in Lua's code and skip the check (the sandbox offers
// no coroutines, but the guard must not rest on that).

int guarded_message_handler(lua_State* L) {
  lua_settop(L, 1);  // the error object
  if (LuaSandbox::of(L).budget().stop() != InstructionBudget::Stop::None) return 1;
  lua_pushvalue(L, lua_upvalueindex(1));  // the script's handler
  lua_insert(L, 1);
  lua_call(L, 1, 1);
  return 1;
}

// Both finish as Lua's own (lbaselib.c, finishpcall): true and the results, or false and the error.
int finish_protected_call(lua_State* L, int status, int extra) {
  LuaSandbox::of(L).budget().raise_if_stopped(L);
  if (status != LUA_OK) {
    lua_pushboolean(L, 0);
    lua_insert(L, -2);
    return 2;
  }
  return lua_gettop(L) - extra;
}

int sandbox_pcall(lua_State* L) {
  luaL_checkany(L, 1);
  lua_pushboolean(L, 1);  // the first result
  lua_insert(L, 1);
  const int status = lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 0);
  return finish_protected_call(L, status, 0);
}

int sandbox_xpcall(lua_State* L) {
  const int n = lua_gettop(L);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_pushvalue(L, 2);
  lua_pushcclosure(L, guarded_message_handler, 1);
  lua_replace(L, 2);      // f, handler, args...
  lua_pushboolean(L, 1);  // the first result
  lua_pushvalue(L, 1);
  lua_rotate(L, 3, 2);  // f, handler, true, f, args...
  const int status = lua_pcall(L, n - 2, LUA_MULTRET, 2);
  return finish_protected_call(L, status, 2);
}

}  // namespace

void guard_protected_calls(lua_State* L, int globals_index) {
  globals_index = lua_absindex(L, globals_index);
  lua_pushcfunction(L, sandbox_pcall);
  lua_setfield(L, globals_index, "pcall");
  lua_pushcfunction(L, sandbox_xpcall);
  lua_setfield(L, globals_index, "xpcall");
}

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

void InstructionBudget::raise_if_stopped(lua_State* L) {
  if (armed_ && stop_ != Stop::None) raise_stop(L);
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
