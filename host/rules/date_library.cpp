#include "rules/date_library.hpp"

#include <string>

#include <lua.hpp>

#include "domain/date.hpp"

namespace cahub::rules {
namespace {

constexpr lua_Integer kMaxDays = 3'000'000;  // ~8,200 years: past that every result is out of range anyway
constexpr lua_Integer kMaxYears = 8'100;

Date checked_date(lua_State* L, int arg, const char* function) {
  if (lua_type(L, arg) != LUA_TSTRING)
    luaL_error(L, "date.%s: argument %d must be a date written YYYY-MM-DD, got %s", function, arg, luaL_typename(L, arg));
  std::size_t len = 0;
  const char* text = lua_tolstring(L, arg, &len);
  const auto date = Date::parse({text, len});
  if (!date) luaL_error(L, "date.%s: '%s' is not a date (write YYYY-MM-DD, e.g. 2024-01-31)", function, text);
  return *date;
}

lua_Integer checked_count(lua_State* L, int arg, const char* function, lua_Integer limit) {
  int is_integer = 0;
  const lua_Integer n = lua_tointegerx(L, arg, &is_integer);
  if (!is_integer) luaL_error(L, "date.%s: argument %d must be a whole number", function, arg);
  if (n > limit || n < -limit) luaL_error(L, "date.%s: %I is too large", function, n);
  return n;
}

int push_checked_result(lua_State* L, Date result, const char* function) {
  if (result.year() < 1900 || result.year() > 9999)
    luaL_error(L, "date.%s: the result is outside the years 1900 to 9999", function);
  const std::string iso = result.iso();
  lua_pushlstring(L, iso.data(), iso.size());
  return 1;
}

int add_days(lua_State* L) {
  const Date from = checked_date(L, 1, "add_days");
  const auto n = checked_count(L, 2, "add_days", kMaxDays);
  return push_checked_result(L, from.plus_days(static_cast<std::int32_t>(n)), "add_days");
}

int add_years(lua_State* L) {
  const Date from = checked_date(L, 1, "add_years");
  const auto n = checked_count(L, 2, "add_years", kMaxYears);
  return push_checked_result(L, from.plus_years(static_cast<int>(n)), "add_years");
}

int days_between(lua_State* L) {
  const Date a = checked_date(L, 1, "days_between");
  const Date b = checked_date(L, 2, "days_between");
  lua_pushinteger(L, b - a);
  return 1;
}

int valid(lua_State* L) {
  std::size_t len = 0;
  const char* text = lua_type(L, 1) == LUA_TSTRING ? lua_tolstring(L, 1, &len) : nullptr;
  lua_pushboolean(L, text && Date::parse({text, len}).has_value());
  return 1;
}

}  // namespace

void push_date_library(lua_State* L) {
  static const luaL_Reg functions[] = {
      {"add_days", add_days}, {"add_years", add_years}, {"days_between", days_between}, {"valid", valid}, {nullptr, nullptr}};
  luaL_newlib(L, functions);
}

}  // namespace cahub::rules
