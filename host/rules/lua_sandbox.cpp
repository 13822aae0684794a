#include "rules/lua_sandbox.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "rules/builtin_bounds.hpp"
#include "rules/date_library.hpp"
#include "rules/name_suggestions.hpp"
#include "rules/rules_log.hpp"

namespace cahub::rules {

int sandbox_print(lua_State* L);

namespace {

// Registry keys (their addresses are unique per process).
const char kSandboxGlobals = 0;
const char kEnvironmentMeta = 0;

// What scripts keep from the base library. Everything else in it (dofile, loadfile, load,
// collectgarbage, rawset, setmetatable, getmetatable, print, warn, _G) is left out or replaced.
constexpr const char* kKeptBase[] = {"assert", "error",  "ipairs",   "next",     "pairs",  "pcall",  "rawequal", "rawget",
                                     "rawlen", "select", "tonumber", "tostring", "type",   "xpcall", "_VERSION"};
constexpr const char* kLibraries[] = {LUA_STRLIBNAME, LUA_TABLIBNAME, LUA_MATHLIBNAME, LUA_UTF8LIBNAME};
// Dropped from libraries: bytecode out (dump), binary packing nobody needs, and randomness,
// which would let a script answer differently on the per-thread replay of its declarations.
constexpr std::pair<const char*, const char*> kDropped[] = {
    {LUA_STRLIBNAME, "dump"},  {LUA_STRLIBNAME, "pack"},   {LUA_STRLIBNAME, "packsize"},
    {LUA_STRLIBNAME, "unpack"}, {LUA_MATHLIBNAME, "random"}, {LUA_MATHLIBNAME, "randomseed"}};
// Declared by the region script loader in each script's own environment; listed here only so
// that "unknown name" can suggest them.
constexpr std::string_view kDeclarationNames[] = {"region", "fee", "material", "refuse", "validity", "renewal_window"};

// What the sandbox leaves out on purpose: reading one says so instead of suggesting a neighbour
// ("rawset" is not a typo of "rawget").
constexpr std::string_view kLeftOut[] = {"io",           "os",           "debug",       "package",   "require",
                                         "dofile",       "loadfile",     "loadstring",  "module",    "collectgarbage",
                                         "rawset",       "setmetatable", "getmetatable", "coroutine", "warn",
                                         "_G"};

constexpr int kMaxPrintsPerCall = 100;
constexpr std::size_t kMaxPrintBytes = 2000;

[[noreturn]] void raise(lua_State* L) {
  lua_error(L);
  __builtin_unreachable();  // lua_error always unwinds, but is not declared [[noreturn]]
}

int protected_library_write(lua_State* L) {
  const char* library = lua_tostring(L, lua_upvalueindex(1));
  const char* key = luaL_tolstring(L, 2, nullptr);
  return luaL_error(L, "%s.%s is protected by the sandbox (library tables are read-only)", library, key);
}

int frozen_global_write(lua_State* L) {
  const char* key = luaL_tolstring(L, 2, nullptr);
  return luaL_error(L,
                    "cannot set global '%s': a rule function may not change the script's globals (it must answer "
                    "from its argument alone)",
                    key);
}

int unknown_name(lua_State* L) {
  if (lua_type(L, 2) != LUA_TSTRING) return 0;
  const char* name = lua_tostring(L, 2);
  std::string hint;
  if (std::find(std::begin(kLeftOut), std::end(kLeftOut), std::string_view(name)) != std::end(kLeftOut)) {
    hint = " (not available in region scripts)";
  } else {
    std::vector<std::string_view> known(std::begin(kDeclarationNames), std::end(kDeclarationNames));
    lua_pushnil(L);
    while (lua_next(L, 1)) {
      lua_pop(L, 1);
      if (lua_type(L, -1) == LUA_TSTRING) known.emplace_back(lua_tostring(L, -1));
    }
    hint = did_you_mean(name, known);
  }
  lua_pushfstring(L, "unknown name '%s'%s", name, hint.c_str());
  // Position of the script line that read the name, as luaL_error would add it.
  luaL_where(L, 1);
  lua_insert(L, -2);
  lua_concat(L, 2);
  raise(L);
}

int sandboxed_load(lua_State* L) {
  if (lua_type(L, 1) != LUA_TSTRING) return luaL_error(L, "load: the sandbox loads only source text (a string)");
  std::size_t len = 0;
  const char* text = lua_tolstring(L, 1, &len);
  const char* chunk_name = luaL_optstring(L, 2, "=(load)");
  const char* mode = luaL_optstring(L, 3, "t");
  if (std::strchr(mode, 'b') || (len > 0 && text[0] == LUA_SIGNATURE[0]))
    return luaL_error(L, "load: binary chunks are refused by the sandbox");
  if (luaL_loadbufferx(L, text, len, chunk_name, "t") != LUA_OK) {
    lua_pushnil(L);
    lua_insert(L, -2);
    return 2;  // nil, message: as the standard load reports a syntax error
  }
  if (!lua_isnone(L, 4))
    lua_pushvalue(L, 4);
  else
    LuaSandbox::push_environment(L);
  lua_setupvalue(L, -2, 1);
  return 1;
}

// "central.lua:12: message" -> ("central.lua:12", "message"). Only for a prefix that looks like
// a script position (no spaces, so Lua's `[string "..."]` names are left alone).
std::pair<std::string, std::string> split_position(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) return {{}, std::string(text)};
  std::size_t digits_end = colon + 1;
  while (digits_end < text.size() && text[digits_end] >= '0' && text[digits_end] <= '9') ++digits_end;
  if (digits_end == colon + 1 || text.substr(digits_end, 2) != ": ") return {{}, std::string(text)};
  if (text.substr(0, colon).find_first_of(" \t\n") != std::string_view::npos) return {{}, std::string(text)};
  return {std::string(text.substr(0, digits_end)), std::string(text.substr(digits_end + 2))};
}

std::string mebibytes(std::size_t bytes) {
  return bytes % (1u << 20) == 0 ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes) + " bytes";
}

// The limit a failed start ran into, for its message.
std::string limit_hit(const MemoryCap& memory) {
  if (memory.last_refusal() == MemoryCap::Refusal::Process)
    return mebibytes(memory.total_limit()) + " for all Lua states of the process ([rules] total_memory_bytes)";
  return mebibytes(memory.limit());
}

}  // namespace

std::string CallOutcome::text() const { return where.empty() ? message : where + ": " + message; }

int sandbox_print(lua_State* L) {
  LuaSandbox& sandbox = LuaSandbox::of(L);
  const int n = lua_gettop(L);
  luaL_Buffer line;
  luaL_buffinit(L, &line);
  for (int i = 1; i <= n; ++i) {
    if (i > 1) luaL_addchar(&line, '\t');
    luaL_tolstring(L, i, nullptr);
    luaL_addvalue(&line);
  }
  luaL_pushresult(&line);
  std::size_t len = 0;
  const char* text = lua_tolstring(L, -1, &len);
  // A script printing in a loop must not flood the host's log.
  if (++sandbox.prints_this_call_ > kMaxPrintsPerCall + 1) return 0;
  try {
    std::string where = innermost_script_line(L);
    if (where.empty()) where = "script";
    auto log = rules_logger();
    if (sandbox.prints_this_call_ == kMaxPrintsPerCall + 1)
      log->warn("{}: further print output of this call is suppressed", where);
    else if (len > kMaxPrintBytes)
      log->info("{}: {} ...({} bytes not shown)", where, std::string_view(text, kMaxPrintBytes), len - kMaxPrintBytes);
    else
      log->info("{}: {}", where, std::string_view(text, len));
  } catch (const std::exception&) {
    // Logging is best effort; a script must not fail because a sink did.
  }
  return 0;
}

LuaSandbox::LuaSandbox(const SandboxLimits& limits)
    : limits_(limits), memory_(limits.memory_bytes, limits.total_memory_bytes) {
  L_ = lua_newstate(&MemoryCap::allocate, &memory_);
  if (!L_) throw std::runtime_error("cannot create a Lua state within " + limit_hit(memory_));
  *static_cast<LuaSandbox**>(lua_getextraspace(L_)) = this;
  lua_atpanic(L_, [](lua_State* L) -> int {
    // Only reachable through a bug: every host use of the API runs inside call() or run().
    rules_logger()->critical("unprotected Lua error: {}", lua_tostring(L, -1) ? lua_tostring(L, -1) : "?");
    return 0;  // Lua aborts
  });

  const CallOutcome opened = run([](lua_State* L) -> int {
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    lua_settop(L, 0);
    lua_pushglobaltable(L);  // 1: the real globals; never handed to a script
    const int real = 1;

    for (const auto& [library, name] : kDropped) {
      lua_getfield(L, real, library);
      lua_pushnil(L);
      lua_setfield(L, -2, name);
      lua_pop(L, 1);
    }
    bound_costly_builtins(L, real);
    guard_protected_calls(L, real);  // before kKeptBase is copied: scripts get the guarded ones
    // Strings share one metatable whose __index is the real string table: getmetatable is not
    // offered, and even if a future change offered it, "" would not reveal the table.
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);

    lua_newtable(L);  // 2: the sandbox globals, shared by every script of this state
    const int sandbox = 2;
    for (const char* name : kKeptBase) {
      lua_getfield(L, real, name);
      lua_setfield(L, sandbox, name);
    }
    lua_pushcfunction(L, sandbox_print);
    lua_setfield(L, sandbox, "print");
    lua_pushcfunction(L, sandboxed_load);
    lua_setfield(L, sandbox, "load");
    for (const char* library : kLibraries) {
      lua_getfield(L, real, library);
      push_read_only_proxy(L, -1, library);
      lua_setfield(L, sandbox, library);
      lua_pop(L, 1);
    }
    push_date_library(L);
    push_read_only_proxy(L, -1, "date");
    lua_setfield(L, sandbox, "date");
    lua_pop(L, 1);

    lua_newtable(L);  // the sandbox globals' own metatable
    lua_pushcfunction(L, unknown_name);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "sandbox");
    lua_pushcclosure(L, protected_library_write, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, sandbox);
    lua_pushvalue(L, sandbox);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &kSandboxGlobals);

    lua_newtable(L);  // every script environment's metatable: reads fall through to the sandbox
    lua_pushvalue(L, sandbox);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_rawsetp(L, LUA_REGISTRYINDEX, &kEnvironmentMeta);
    lua_settop(L, 0);
    return 0;
  });
  if (!opened.ok()) {
    lua_close(L_);
    throw std::runtime_error("cannot open the Lua sandbox within " + limit_hit(memory_) + ": " + opened.text());
  }
  lua_gc(L_, LUA_GCCOLLECT);
  memory_.watch(L_);
}

LuaSandbox::~LuaSandbox() {
  memory_.watch(nullptr);
  lua_close(L_);
}

LuaSandbox& LuaSandbox::of(lua_State* L) { return **static_cast<LuaSandbox**>(lua_getextraspace(L)); }

CallOutcome LuaSandbox::call(int nargs, int nresults) {
  const int handler = lua_gettop(L_) - nargs;  // where the function is now, and the handler goes
  lua_pushcfunction(L_, &LuaSandbox::message_handler);
  lua_insert(L_, handler);
  const bool outermost = depth_++ == 0;
  if (outermost) {
    memory_.reset_refusal();
    error_site_.clear();
    error_traceback_.clear();
    prints_this_call_ = 0;
    budget_.arm(L_, limits_.instructions_per_call, limits_.milliseconds_per_call);
  }
  const int status = lua_pcall(L_, nargs, nresults, handler);
  if (outermost) budget_.disarm(L_);
  --depth_;
  if (status == LUA_OK && budget_.stop() == InstructionBudget::Stop::None) {
    lua_remove(L_, handler);
    return {};
  }
  CallOutcome outcome = failure_outcome(status);
  lua_settop(L_, handler - 1);
  // What a failed call left (a memory bomb's table, a stopped loop's garbage) is unreachable
  // now: collect it so the next call starts with the whole heap.
  if (outermost) lua_gc(L_, LUA_GCCOLLECT);
  return outcome;
}

CallOutcome LuaSandbox::failure_outcome(int status) {
  CallOutcome out;
  if (budget_.stop() != InstructionBudget::Stop::None) {
    const bool clock = budget_.stop() == InstructionBudget::Stop::WallClock;
    out.failure = clock ? ScriptFailure::TimeLimit : ScriptFailure::InstructionLimit;
    out.where = budget_.stop_site();
    out.message = clock ? std::string(kTimeLimitText) + " (" + std::to_string(budget_.milliseconds()) + " ms per call)"
                        : std::string(kInstructionLimitText) + " (" + std::to_string(budget_.limit()) +
                              " instructions per call)";
    return out;
  }
  const char* raw = lua_tostring(L_, -1);
  const std::string_view text = raw ? raw : "";
  switch (status) {
    case LUA_ERRMEM:
      out.failure = ScriptFailure::OutOfMemory;
      out.where = memory_.take_refusal_site();
      out.message = memory_.last_refusal() == MemoryCap::Refusal::Process
                        ? "not enough memory (all Lua states of the process together are limited to " +
                              mebibytes(memory_.total_limit()) + ": [rules] total_memory_bytes)"
                        : "not enough memory (a script's heap is limited to " + mebibytes(memory_.limit()) + ")";
      return out;
    case LUA_ERRERR:
      out.failure = ScriptFailure::ErrorHandler;
      out.where = error_site_;
      out.message = "error in error handling";
      return out;
    default: {
      out.failure = ScriptFailure::Runtime;
      auto [where, message] = split_position(text);
      out.where = bounded_script_text(where.empty() ? error_site_ : where);
      out.message = bounded_script_text(std::move(message));
      out.traceback = bounded_script_text(error_traceback_, kMaxScriptTracebackBytes);
      return out;
    }
  }
}

int LuaSandbox::message_handler(lua_State* L) {
  LuaSandbox& sandbox = of(L);
  lua_settop(L, 1);
  if (!lua_isstring(L, 1)) {  // error({}) or error(nil): scripts cannot give values a __tostring
    lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    lua_replace(L, 1);
  }
  lua_tostring(L, 1);  // error(42): the number becomes its text
  try {
    sandbox.error_site_ = innermost_script_line(L);
    luaL_traceback(L, L, nullptr, 1);
    sandbox.error_traceback_ = lua_tostring(L, -1);
    lua_pop(L, 1);
  } catch (const std::bad_alloc&) {
    // Keep the message: a missing traceback is no reason to lose the error.
  }
  return 1;
}

int LuaSandbox::raise_host_failure(lua_State* L, const std::string& what) {
  return luaL_error(L, "host error: %s", what.c_str());
}

CallOutcome LuaSandbox::execute(std::string_view chunk_name, std::string_view source, std::string* first_result) {
  return run([&](lua_State* L) -> int {
    push_environment(L);
    if (load_text(L, chunk_name, source, -1) != LUA_OK) raise(L);
    lua_call(L, 0, 1);
    if (first_result) {
      std::size_t len = 0;
      const char* text = luaL_tolstring(L, -1, &len);
      first_result->assign(text, len);
    }
    return 0;
  });
}

void LuaSandbox::push_environment(lua_State* L) {
  lua_newtable(L);
  lua_rawgetp(L, LUA_REGISTRYINDEX, &kEnvironmentMeta);
  lua_setmetatable(L, -2);
}

int LuaSandbox::load_text(lua_State* L, std::string_view chunk_name, std::string_view source, int env_index) {
  env_index = lua_absindex(L, env_index);
  const std::string name(chunk_name);
  if (source.starts_with(LUA_SIGNATURE)) {
    lua_pushfstring(L, "%s:1: precompiled (binary) Lua chunks are refused; give the script as text", name.c_str());
    return LUA_ERRSYNTAX;
  }
  const std::string source_name = "@" + name;
  const int status = luaL_loadbufferx(L, source.data(), source.size(), source_name.c_str(), "t");
  if (status != LUA_OK) return status;
  lua_pushvalue(L, env_index);
  lua_setupvalue(L, -2, 1);  // a main chunk's only upvalue is _ENV
  return LUA_OK;
}

void LuaSandbox::freeze_environment(lua_State* L, int env_index) {
  env_index = lua_absindex(L, env_index);
  lua_newtable(L);  // the frozen globals
  const int frozen = lua_gettop(L);
  lua_pushnil(L);
  while (lua_next(L, env_index)) {
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, frozen);
  }
  for (lua_pushnil(L); lua_next(L, env_index);) {  // clearing fields during traversal is allowed
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_pushnil(L);
    lua_rawset(L, env_index);
  }
  lua_rawgetp(L, LUA_REGISTRYINDEX, &kEnvironmentMeta);
  lua_setmetatable(L, frozen);
  lua_newtable(L);
  lua_pushvalue(L, frozen);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, frozen_global_write);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, env_index);
  lua_pop(L, 1);
}

void LuaSandbox::push_read_only_proxy(lua_State* L, int table_index, const char* name) {
  table_index = lua_absindex(L, table_index);
  lua_newtable(L);
  lua_newtable(L);
  lua_pushvalue(L, table_index);
  lua_setfield(L, -2, "__index");
  lua_pushstring(L, name);
  lua_pushcclosure(L, protected_library_write, 1);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
}

}  // namespace cahub::rules
