#include "rules/builtin_bounds.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include <lua.hpp>

#include "rules/lua_sandbox.hpp"

namespace cahub::rules {
namespace {

// How a bounded function's work is measured.
enum class Work {
  StringBytes,  // the bytes of its string arguments
  ByteRange,    // string.byte / utf8.codepoint(s, i, j): the values it returns
  Repetition,   // string.rep: the bytes of the result (capped)
  Pattern,      // find/match/gmatch/gsub: subject bytes, with the pattern caps
  ArgCount,     // one per argument (string.char, table.pack, utf8.char)
  TableLength,  // one per element of the table in argument 1 (table.concat)
  TableShift,   // insert/remove at a position: the elements moved
  Range,        // table.unpack(t, i, j): j - i + 1
  Move,         // table.move(a, f, e, t): e - f + 1
  Sort,         // table.sort: n·log2(n)/4
};

struct Bounded {
  const char* library;
  const char* name;
  Work work;
};

constexpr Bounded kBounded[] = {
    {"string", "byte", Work::ByteRange},      {"string", "char", Work::ArgCount},
    {"string", "find", Work::Pattern},        {"string", "format", Work::StringBytes},
    {"string", "gmatch", Work::Pattern},      {"string", "gsub", Work::Pattern},
    {"string", "lower", Work::StringBytes},   {"string", "match", Work::Pattern},
    {"string", "rep", Work::Repetition},      {"string", "reverse", Work::StringBytes},
    {"string", "sub", Work::StringBytes},     {"string", "upper", Work::StringBytes},
    {"table", "concat", Work::TableLength},   {"table", "insert", Work::TableShift},
    {"table", "move", Work::Move},            {"table", "pack", Work::ArgCount},
    {"table", "remove", Work::TableShift},    {"table", "sort", Work::Sort},
    {"table", "unpack", Work::Range},         {"utf8", "char", Work::ArgCount},
    {"utf8", "codepoint", Work::ByteRange},   {"utf8", "len", Work::StringBytes},
    {"utf8", "offset", Work::StringBytes},
};

std::uint64_t string_bytes(lua_State* L) {
  std::uint64_t bytes = 0;
  for (int i = 1, n = lua_gettop(L); i <= n; ++i)
    if (lua_type(L, i) == LUA_TSTRING) bytes += lua_rawlen(L, i);
  return bytes;
}

std::uint64_t span(lua_Integer from, lua_Integer to) {
  if (to < from) return 0;
  // Unsigned arithmetic: table.move(a, math.mininteger, math.maxinteger, ...) must not overflow.
  return static_cast<std::uint64_t>(to) - static_cast<std::uint64_t>(from) + 1;
}

std::uint64_t repetition_cost(lua_State* L) {
  std::size_t len = 0, sep_len = 0;
  luaL_checklstring(L, 1, &len);
  const lua_Integer n = luaL_checkinteger(L, 2);
  luaL_optlstring(L, 3, "", &sep_len);
  if (n <= 0) return 1;
  // In doubles: n may be 1e18, and the check only needs to know "too big".
  const double result = static_cast<double>(n) * static_cast<double>(len) + static_cast<double>(n - 1) * static_cast<double>(sep_len);
  if (result > static_cast<double>(kMaxRepBytes)) {
    char message[160];  // lua_pushfstring has no precision flags, hence snprintf
    std::snprintf(message, sizeof message, "string.rep: the result would be %.0f bytes; the sandbox allows at most %zu",
                  result, kMaxRepBytes);
    luaL_error(L, "%s", message);
  }
  // Lua's own rep loops n times even for an empty result: rep("", 1e9) would spin in C.
  if (result == 0) {
    lua_settop(L, 0);
    lua_pushliteral(L, "");
    return 0;  // answered here: the caller sees top == 1 and no original call is needed
  }
  return 1 + static_cast<std::uint64_t>(result) / 64;
}

std::uint64_t pattern_cost(lua_State* L, const char* name) {
  std::size_t subject_len = 0, pattern_len = 0;
  luaL_checklstring(L, 1, &subject_len);
  const char* pattern = luaL_checklstring(L, 2, &pattern_len);
  if (subject_len > kMaxPatternSubject)
    luaL_error(L, "string.%s: the subject is %d bytes; the sandbox matches patterns on at most %d", name,
               static_cast<int>(subject_len), static_cast<int>(kMaxPatternSubject));
  if (pattern_len > kMaxPatternBytes)
    luaL_error(L, "string.%s: the pattern is %d bytes; the sandbox allows at most %d", name,
               static_cast<int>(pattern_len), static_cast<int>(kMaxPatternBytes));
  const bool plain = std::strcmp(name, "find") == 0 && lua_toboolean(L, 4);
  if (!plain) {
    // gmatch ignores a leading ^ (it would stop the iteration), so it always pays the start factor.
    const bool anchor_allowed = std::strcmp(name, "gmatch") != 0;
    const double steps = pattern_worst_case_steps({pattern, pattern_len}, subject_len, anchor_allowed);
    if (steps > kMaxPatternSteps) {
      char message[240];
      std::snprintf(message, sizeof message,
                    "string.%s: this pattern could take up to %.3g steps on a subject of %zu bytes (the sandbox allows "
                    "%.3g); use fewer repetitions (* + - ?) or a shorter subject",
                    name, steps, subject_len, kMaxPatternSteps);
      luaL_error(L, "%s", message);
    }
  }
  return 1 + subject_len / 64;
}

std::uint64_t work_of(lua_State* L, const Bounded& b) {
  switch (b.work) {
    case Work::StringBytes:
      return 1 + string_bytes(L) / 64;
    case Work::ByteRange: {
      std::size_t len = 0;
      luaL_checklstring(L, 1, &len);
      const auto size = static_cast<lua_Integer>(len);
      // Lua's own rules: negative positions count from the end; j defaults to i.
      auto position = [&](lua_Integer p) { return p >= 0 ? p : std::max<lua_Integer>(size + p + 1, 0); };
      const lua_Integer i = std::max<lua_Integer>(position(luaL_optinteger(L, 2, 1)), 1);
      const lua_Integer j = std::min(position(luaL_optinteger(L, 3, i)), size);
      return 1 + span(i, j);
    }
    case Work::Repetition:
      return repetition_cost(L);
    case Work::Pattern:
      return pattern_cost(L, b.name);
    case Work::ArgCount:
      return 1 + static_cast<std::uint64_t>(lua_gettop(L));
    case Work::TableLength:
      luaL_checktype(L, 1, LUA_TTABLE);
      return 1 + lua_rawlen(L, 1);
    case Work::TableShift: {
      luaL_checktype(L, 1, LUA_TTABLE);
      const bool at_position = std::strcmp(b.name, "insert") == 0 ? lua_gettop(L) >= 3 : lua_gettop(L) >= 2;
      return 1 + (at_position ? lua_rawlen(L, 1) : 0);
    }
    case Work::Range: {
      luaL_checktype(L, 1, LUA_TTABLE);
      const lua_Integer from = luaL_optinteger(L, 2, 1);
      const lua_Integer to = lua_isnoneornil(L, 3) ? static_cast<lua_Integer>(lua_rawlen(L, 1)) : luaL_checkinteger(L, 3);
      return 1 + span(from, to);
    }
    case Work::Move:
      return 1 + span(luaL_checkinteger(L, 2), luaL_checkinteger(L, 3));
    case Work::Sort: {
      luaL_checktype(L, 1, LUA_TTABLE);
      const double n = static_cast<double>(lua_rawlen(L, 1));
      return 1 + static_cast<std::uint64_t>(n > 1 ? n * std::log2(n) / 4 : 0);
    }
  }
  return 1;
}

int bounded_call(lua_State* L) {
  const auto& bounded = kBounded[lua_tointeger(L, lua_upvalueindex(2))];
  const std::uint64_t work = work_of(L, bounded);
  if (work == 0) return lua_gettop(L);  // answered without the original (rep with an empty result)
  LuaSandbox::of(L).budget().charge(L, work);
  // The original runs in this frame: its argument errors still name 'find', 'rep', ...
  const lua_CFunction original = lua_tocfunction(L, lua_upvalueindex(1));
  return original(L);
}

}  // namespace

double pattern_worst_case_steps(std::string_view p, std::size_t subject_bytes, bool anchor_allowed) {
  int repetitions = 0;
  int optionals = 0;
  std::size_t i = 0;
  const bool anchored = anchor_allowed && !p.empty() && p[0] == '^';
  if (anchored) i = 1;
  // Mirrors lstrlib's classEnd: the first character after [ or [^ belongs to the set.
  auto skip_set = [&](std::size_t at) {
    ++at;
    if (at < p.size() && p[at] == '^') ++at;
    do {
      if (at >= p.size()) return p.size();
      if (p[at++] == '%' && at < p.size()) ++at;
    } while (at < p.size() && p[at] != ']');
    return at + 1;
  };
  while (i < p.size()) {
    const char c = p[i];
    if (c == '(' || c == ')') {
      ++i;
      continue;
    }
    if (c == '%' && i + 1 < p.size()) {
      const char d = p[i + 1];
      if (d == 'b') {  // %bxy: a scan to the balancing character
        ++repetitions;
        i += 4;
        continue;
      }
      if (d == 'f') {  // %f[set]: a frontier test, no backtracking of its own
        i = i + 2 < p.size() ? skip_set(i + 2) : p.size();
        continue;
      }
      if (d >= '0' && d <= '9') {  // a back reference compares a whole capture
        ++repetitions;
        i += 2;
        continue;
      }
      i += 2;
    } else if (c == '[') {
      i = skip_set(i);
    } else {
      ++i;
    }
    if (i < p.size()) {
      if (p[i] == '*' || p[i] == '+' || p[i] == '-') {
        ++repetitions;
        ++i;
      } else if (p[i] == '?') {
        ++optionals;
        ++i;
      }
    }
  }
  const double n = static_cast<double>(subject_bytes) + 1;
  return std::pow(n, repetitions + (anchored ? 0 : 1)) * std::pow(2.0, optionals);
}

void bound_costly_builtins(lua_State* L, int globals_index) {
  globals_index = lua_absindex(L, globals_index);
  for (std::size_t i = 0; i < std::size(kBounded); ++i) {
    const Bounded& b = kBounded[i];
    lua_getfield(L, globals_index, b.library);
    lua_getfield(L, -1, b.name);
    lua_pushinteger(L, static_cast<lua_Integer>(i));
    lua_pushcclosure(L, bounded_call, 2);
    lua_setfield(L, -2, b.name);
    lua_pop(L, 1);
  }
}

}  // namespace cahub::rules
