#include "specs/spec_file.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "domain/date.hpp"
#include "pipeline/quote_request_json.hpp"
#include "pipeline/request_error.hpp"
#include "rules/lua_sandbox.hpp"
#include "rules/name_suggestions.hpp"
#include "rules/script_findings.hpp"

namespace cahub::specs {
namespace {

using nlohmann::json;
using rules::Finding;

constexpr std::string_view kCaseKeys[] = {"name",      "request",     "fee",         "total",   "materials", "has_materials",
                                          "lacks_materials", "eligible", "refused",     "validity", "years",   "review",
                                          "error",     "has_steps",   "lacks_steps", "review_days", "limits"};
constexpr std::string_view kMaterialFlags[] = {"copies", "stamped", "signed", "original"};
constexpr int kMaxDepth = 8;

// One defaults{} or case{} call as the script made it: its line and its table as JSON.
struct Declared {
  int line = 0;
  json table;
};

struct Collected {
  std::string file;
  std::vector<Declared> defaults;
  std::vector<Declared> cases;
  std::vector<Finding> findings;
};

// Lua values to JSON: text, whole numbers, true/false, lists (arrays) and tables with names
// (objects). A table with both, such as { "application_form", copies = 2 }, becomes an object
// whose positional values are under "1", "2", ...
json to_json(lua_State* L, int index, int depth, const std::string& path, Collected& out, int line) {
  index = lua_absindex(L, index);
  auto problem = [&](const std::string& message) {
    out.findings.push_back({out.file, line, rules::bounded_script_text(path + ": " + message, rules::kMaxFindingBytes)});
  };
  switch (lua_type(L, index)) {
    case LUA_TSTRING: return std::string(lua_tostring(L, index));
    case LUA_TBOOLEAN: return lua_toboolean(L, index) != 0;
    case LUA_TNUMBER:
      if (lua_isinteger(L, index)) return static_cast<std::int64_t>(lua_tointeger(L, index));
      problem("must be a whole number (amounts are in fen: 26000 means 260.00 CNY)");
      return nullptr;
    case LUA_TTABLE: break;
    default:
      problem(std::string("cannot be a ") + luaL_typename(L, index) + " in a spec");
      return nullptr;
  }
  if (depth > kMaxDepth) {
    problem("tables nested too deeply");
    return nullptr;
  }
  const auto n = static_cast<lua_Integer>(lua_rawlen(L, index));
  json named = json::object();
  std::vector<json> positional(static_cast<std::size_t>(n));
  bool has_names = false;
  lua_pushnil(L);
  while (lua_next(L, index)) {
    if (lua_type(L, -2) == LUA_TSTRING) {
      const std::string key = lua_tostring(L, -2);
      named[key] = to_json(L, -1, depth + 1, path + "." + key, out, line);
      has_names = true;
    } else if (lua_isinteger(L, -2) && lua_tointeger(L, -2) >= 1 && lua_tointeger(L, -2) <= n) {
      const auto i = static_cast<std::size_t>(lua_tointeger(L, -2));
      positional[i - 1] = to_json(L, -1, depth + 1, path + "[" + std::to_string(i) + "]", out, line);
    } else {
      problem("every value needs a name (name = value) or a place in a list");
    }
    lua_pop(L, 1);
  }
  if (!has_names) return json(positional);
  for (std::size_t i = 0; i < positional.size(); ++i) named[std::to_string(i + 1)] = std::move(positional[i]);
  return named;
}

int declare(lua_State* L) {
  auto& out = *static_cast<Collected*>(lua_touserdata(L, lua_upvalueindex(1)));
  const bool is_case = lua_toboolean(L, lua_upvalueindex(2));
  const char* what = is_case ? "case" : "defaults";
  lua_Debug caller;
  int line = 0;
  if (lua_getstack(L, 1, &caller) && lua_getinfo(L, "l", &caller)) line = std::max(caller.currentline, 0);
  if (lua_gettop(L) != 1 || lua_type(L, 1) != LUA_TTABLE) {
    out.findings.push_back({out.file, line, std::string(what) + ": expects one table: write " + what + " { ... } with braces"});
    return 0;
  }
  std::string failure;
  try {
    json table = to_json(L, 1, 0, what, out, line);
    (is_case ? out.cases : out.defaults).push_back({line, std::move(table)});
    return 0;
  } catch (const std::exception& e) {  // bad_alloc: Lua errors are not std::exception
    failure = e.what();
  }
  return luaL_error(L, "host error while reading a %s: %s", what, failure.c_str());
}

// Checks one case's shape; each problem is a finding at the case's line.
class CaseChecker {
 public:
  CaseChecker(const std::string& file, int line, std::vector<Finding>& findings)
      : file_(file), line_(line), findings_(findings) {}

  void problem(const std::string& message) { findings_.push_back({file_, line_, "case: " + message}); }

  bool is_date(const json& v) const { return v.is_string() && Date::parse(v.get<std::string>()).has_value(); }

  void amount(const std::string& what, const json& v) {
    if (!(v.is_number_integer() && v.get<std::int64_t>() >= 0) && v != "unpriced")
      problem(what + " must be an amount in fen (26000 means 260.00 CNY) or \"unpriced\", not " + v.dump());
  }

  void material_list(const std::string& what, const json& v, bool with_flags) {
    if (!v.is_array()) {
      problem(what + " must be a list of material codes, e.g. { \"application_form\", \"uscc_copy\" }");
      return;
    }
    for (const json& m : v) {
      if (m.is_string()) continue;
      if (!with_flags || !m.is_object() || !m.contains("1") || !m["1"].is_string()) {
        problem(what + ": each item is a material code" +
                (with_flags ? std::string(" or { \"code\", copies = 2, stamped = true }") : std::string()) + ", not " +
                m.dump());
        continue;
      }
      for (const auto& [key, flag] : m.items()) {
        if (key == "1") continue;
        if (key == "copies" ? !flag.is_number_integer() : !flag.is_boolean())
          problem(what + ": " + m["1"].get<std::string>() + "." + key + " must be " +
                  (key == "copies" ? "a whole number" : "true or false"));
        if (std::find(std::begin(kMaterialFlags), std::end(kMaterialFlags), key) == std::end(kMaterialFlags))
          problem(what + ": unknown material flag '" + key + "'" +
                  rules::did_you_mean(key, {std::begin(kMaterialFlags), std::end(kMaterialFlags)}));
      }
    }
  }

  // has_steps, lacks_steps, limits: a list of codes (an empty list for limits = none apply).
  void code_list(const std::string& what, const json& v, bool may_be_empty) {
    const bool ok = v.is_array() && (may_be_empty || !v.empty()) &&
                    std::all_of(v.begin(), v.end(), [](const json& c) { return c.is_string(); });
    if (!ok) problem(what + " must be a list of codes, e.g. { \"office\", \"payee\" }");
  }

  // review_days: N, { min, max } or "none" (no review time published or no review).
  void review_days(const json& v) {
    const bool pair = v.is_array() && v.size() == 2 && v[0].is_number_integer() && v[1].is_number_integer();
    if (!v.is_number_integer() && !pair && v != "none")
      problem("review_days must be a number of working days, { min, max } or \"none\", not " + v.dump());
  }

  void validity(const json& v) {
    if (v == "none") return;
    if (!v.is_object()) {
      problem("validity must be \"none\" or { from = \"YYYY-MM-DD\", to = \"YYYY-MM-DD\" or \"not published\", basis = ... }");
      return;
    }
    for (const auto& [key, value] : v.items()) {
      if (key == "from" && !is_date(value)) problem("validity.from must be a date \"YYYY-MM-DD\", not " + value.dump());
      else if (key == "to" && !is_date(value) && value != "not published")
        problem("validity.to must be a date \"YYYY-MM-DD\" or \"not published\", not " + value.dump());
      else if (key == "basis" && value != "today" && value != "old_expiry" && value != "kept")
        problem("validity.basis must be \"today\", \"old_expiry\" or \"kept\", not " + value.dump());
      else if (key == "convention" && !value.is_boolean())
        problem("validity.convention must be true (the service point's convention) or false (a published rule)");
      else if (key != "from" && key != "to" && key != "basis" && key != "convention")
        problem("validity: unknown field '" + key + "'" + rules::did_you_mean(key, {"from", "to", "basis", "convention"}));
    }
  }

 private:
  const std::string& file_;
  int line_;
  std::vector<Finding>& findings_;
};

SpecCase check_case(const Declared& d, const json& defaults, const std::string& file, const std::string& region,
                    std::vector<Finding>& findings) {
  CaseChecker check(file, d.line, findings);
  SpecCase c;
  c.file = file;
  c.line = d.line;
  c.expect = json::object();
  if (!d.table.is_object()) {
    check.problem("expects named fields: name = \"...\", request = { ... } and what the quote must show");
    return c;
  }
  const std::vector<std::string_view> known(std::begin(kCaseKeys), std::end(kCaseKeys));
  for (const auto& [key, value] : d.table.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      check.problem("unknown field '" + key + "'" + rules::did_you_mean(key, known));
      continue;
    }
    if (key == "name") {
      if (value.is_string() && !value.get<std::string>().empty()) c.name = value;
      else check.problem("name must be text in quotes");
    } else if (key == "request") {
      if (!value.is_object() && !(value.is_array() && value.empty())) check.problem("request must be a table of named fields, as POST /v1/quote takes them");
    } else if (key == "fee") {
      if (value.is_array() && value.empty()) {  // fee = {}: the quote has no fee line at all
        c.expect[key] = json::object();
        continue;
      }
      if (!value.is_object()) check.problem("fee must be a table of fee codes and amounts, e.g. { certificate_set = 26000 }");
      else for (const auto& [code, amount] : value.items()) check.amount("fee." + code, amount);
    } else if (key == "total") {
      check.amount("total", value);
    } else if (key == "materials" || key == "has_materials") {
      check.material_list(key, value, true);
    } else if (key == "lacks_materials") {
      check.material_list(key, value, false);
    } else if (key == "eligible" || key == "review") {
      if (!value.is_boolean()) check.problem(key + " must be true or false");
    } else if (key == "refused") {
      const bool ok = value.is_string() || (value.is_array() && !value.empty() &&
                                            std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); }));
      if (!ok) check.problem("refused must be a reason code or a list of them, e.g. \"bidding_lock\"");
    } else if (key == "validity") {
      check.validity(value);
    } else if (key == "years") {
      if (!value.is_number_integer() && value != "not published") check.problem("years must be a whole number or \"not published\"");
    } else if (key == "error") {
      if (!value.is_string()) check.problem("error must be the code of the rejection, e.g. \"years_not_allowed\"");
    } else if (key == "has_steps" || key == "lacks_steps" || key == "limits") {
      check.code_list(key, value, key == "limits");
    } else if (key == "review_days") {
      check.review_days(value);
    }
    if (key != "name" && key != "request") c.expect[key] = value;
  }
  if (c.name.empty() && !d.table.contains("name")) check.problem("name is required: say what the case shows");
  if (c.expect.empty()) check.problem("expects nothing: give fee, total, materials, refused, validity or another expectation");

  c.request = defaults.is_object() ? defaults : json::object();
  if (d.table.contains("request") && d.table["request"].is_object())
    for (const auto& [key, value] : d.table["request"].items()) c.request[key] = value;
  if (!c.request.contains("region")) c.request["region"] = region;
  if (!c.request.contains("today")) {
    check.problem("request has no today: give it in defaults{} or the case, so the case answers the same every day");
    return c;
  }
  // Refused by the host before any rule runs: a mistake in the spec, unless the case expects it.
  try {
    pipeline::parse_quote_request(c.request, Date::today_utc8());
  } catch (const pipeline::BadRequest& e) {
    if (c.expect.value("error", "") != e.code()) check.problem("request: " + std::string(e.what()));
  }
  return c;
}

}  // namespace

bool is_spec_file(const std::filesystem::path& file) { return file.filename().string().ends_with(".spec.lua"); }

std::filesystem::path spec_path_of(const std::filesystem::path& script) {
  std::filesystem::path spec = script;
  return spec.replace_extension(".spec.lua");
}

std::filesystem::path script_path_of(const std::filesystem::path& spec) {
  const std::string name = spec.filename().string();
  return spec.parent_path() / (name.substr(0, name.size() - std::string_view(".spec.lua").size()) + ".lua");
}

SpecFile read_spec_text(const std::string& chunk_name, const std::string& source, const rules::SandboxLimits& limits) {
  SpecFile spec;
  spec.file = chunk_name;
  spec.region = chunk_name.ends_with(".spec.lua") ? chunk_name.substr(0, chunk_name.size() - 9) : chunk_name;
  Collected collected;
  collected.file = chunk_name;
  std::unique_ptr<rules::LuaSandbox> sandbox;
  try {
    sandbox = std::make_unique<rules::LuaSandbox>(limits);
  } catch (const std::exception& e) {
    spec.findings.push_back({chunk_name, 0, e.what()});
    return spec;
  }
  std::optional<Finding> syntax;
  const rules::CallOutcome ran = sandbox->run([&](lua_State* L) -> int {
    rules::LuaSandbox::push_environment(L);
    const int env = lua_gettop(L);
    for (const bool is_case : {false, true}) {
      lua_pushlightuserdata(L, &collected);
      lua_pushboolean(L, is_case);
      lua_pushcclosure(L, declare, 2);
      lua_setfield(L, env, is_case ? "case" : "defaults");
    }
    const int status = rules::LuaSandbox::load_text(L, chunk_name, source, env);
    if (status == LUA_ERRSYNTAX) {
      syntax = rules::syntax_finding(chunk_name, lua_tostring(L, -1));
      return 0;
    }
    if (status != LUA_OK) lua_error(L);
    lua_call(L, 0, 0);
    return 0;
  });
  sandbox.reset();
  if (syntax) {
    spec.findings.push_back(*syntax);
    return spec;
  }
  if (!ran.ok()) spec.findings.push_back(rules::finding_at(chunk_name, ran.where, ran.message));

  spec.findings.insert(spec.findings.end(), collected.findings.begin(), collected.findings.end());
  json defaults = json::object();
  for (std::size_t i = 0; i < collected.defaults.size(); ++i) {
    const Declared& d = collected.defaults[i];
    if (i > 0) spec.findings.push_back({chunk_name, d.line, "defaults: given a second time (first at line " +
                                                                 std::to_string(collected.defaults[0].line) + ")"});
    else if (d.table.is_object()) defaults = d.table;
    else if (!(d.table.is_array() && d.table.empty()))
      spec.findings.push_back({chunk_name, d.line, "defaults: expects named request fields, e.g. { ca = \"bjca\", today = \"2026-06-01\" }"});
  }
  if (collected.cases.empty() && ran.ok()) spec.findings.push_back({chunk_name, 0, "no case { ... }: a spec needs at least one"});
  for (const Declared& d : collected.cases) spec.cases.push_back(check_case(d, defaults, chunk_name, spec.region, spec.findings));
  std::stable_sort(spec.findings.begin(), spec.findings.end(), [](const Finding& a, const Finding& b) { return a.line < b.line; });
  return spec;
}

SpecFile read_spec_file(const std::filesystem::path& file, const rules::SandboxLimits& limits) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    SpecFile spec;
    spec.file = file.filename().string();
    spec.findings.push_back({spec.file, 0, "cannot read " + file.string()});
    return spec;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return read_spec_text(file.filename().string(), std::move(text).str(), limits);
}

}  // namespace cahub::specs
