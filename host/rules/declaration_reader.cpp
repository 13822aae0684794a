#include "rules/declaration_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <span>
#include <tuple>

#include <lua.hpp>

#include "rules/name_suggestions.hpp"
#include "rules/script_failure.hpp"

namespace cahub::rules {
namespace {

enum class Kind { Region, Fee, Material, Refuse, Validity, RenewalWindow, YearsOffered, Offer, Step, Review, Limit };
constexpr const char* kKindNames[] = {"region",        "fee",   "material", "refuse", "validity", "renewal_window",
                                      "years_offered", "offer", "step",     "review", "limit"};

using Keys = std::span<const std::string_view>;
constexpr std::string_view kRegionKeys[] = {"id",       "name",     "name_en",    "source", "accepts",
                                            "applicants", "channels", "businesses", "years"};
constexpr std::string_view kFeeKeys[] = {"business", "ca", "channel", "applicant", "key",  "years",    "when",     "unless",
                                         "code",     "label",   "fen",       "per_year", "effective"};
constexpr std::string_view kMaterialKeys[] = {"business", "ca", "channel", "applicant", "key",    "years",  "when",
                                              "unless",   "code",    "name",      "copies", "stamped", "signed",
                                              "original", "note"};
constexpr std::string_view kRefuseKeys[] = {"business", "ca", "channel", "applicant", "key", "years",
                                            "when",     "unless",  "code",      "zh",  "en"};
constexpr std::string_view kValidityKeys[] = {"business", "ca",     "channel", "applicant", "key",
                                              "years",    "when",   "unless",  "from",      "convention"};
// Offers are selectors only: route, `rules diff` and the console enumerate them without a rule.
constexpr std::string_view kOfferKeys[] = {"business", "ca", "channel", "applicant"};
constexpr std::string_view kStepKeys[] = {"business", "ca",     "channel", "applicant", "key", "years",
                                          "when",     "unless", "code",    "zh",        "en"};
constexpr std::string_view kReviewKeys[] = {"business", "ca", "channel", "applicant", "key", "years", "when", "unless", "working_days"};
// Limits are counted in the database, so they take the selectors it can match: no when/unless.
constexpr std::string_view kLimitKeys[] = {"business", "ca", "channel", "applicant", "key", "code",
                                           "counts",   "across", "at_most", "zh", "en"};
constexpr std::string_view kYearsOfferedKeys[] = {"ca", "years"};
constexpr std::string_view kRenewalWindowKeys[] = {"business", "ca", "channel", "applicant",         "key",
                                                   "years",    "when",    "unless", "days_before_expiry"};

constexpr Fen kMaxFen = 1'000'000'000'000;  // 10 billion CNY: beyond any certificate, far from overflow
constexpr int kMaxCopies = 99;
constexpr int kMaxWindowDays = 3650;
constexpr int kMaxReviewDays = 365;  // a review time is days or weeks; a year already means a typo
constexpr int kMaxLimit = 1000;

// A value as an administrator wrote it, for messages: 'onsite', 260.5, a function.
std::string shown(lua_State* L, int index) {
  switch (lua_type(L, index)) {
    case LUA_TSTRING: {
      std::size_t len = 0;
      const char* s = lua_tolstring(L, index, &len);
      std::string text(s, std::min<std::size_t>(len, 60));
      while (text.size() < len && !text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80)
        text.pop_back();  // do not cut a Chinese character in half
      if (text.size() < len && !text.empty()) text.pop_back(), text += "...";
      return "'" + text + "'";
    }
    case LUA_TNUMBER: {
      if (lua_isinteger(L, index)) return std::to_string(lua_tointeger(L, index));
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.14g", static_cast<double>(lua_tonumber(L, index)));
      std::string text = buf;
      if (text.find_first_of(".eEn") == std::string::npos) text += ".0";  // 26000.0 is not the integer 26000
      return text;
    }
    case LUA_TBOOLEAN:
      return lua_toboolean(L, index) ? "true" : "false";
    case LUA_TNIL:
      return "nothing";
    default:
      return std::string("a ") + luaL_typename(L, index);
  }
}

bool is_code_text(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

template <typename E> std::string known_codes() {
  std::string out;
  for (auto c : CodeList<E>::codes) out += (out.empty() ? "" : ", ") + std::string(c);
  return out;
}

template <typename E> std::vector<std::string_view> code_names() {
  return {CodeList<E>::codes.begin(), CodeList<E>::codes.end()};
}

std::vector<std::string_view> attribute_names() {
  std::vector<std::string_view> names;
  for (const auto& a : all_attributes()) names.push_back(a.name);
  return names;
}

// Reads one declaration's table (argument 1) and reports its problems as findings.
class EntryReader {
 public:
  EntryReader(lua_State* L, ScriptDeclarations& into, Kind kind, int line)
      : L_(L), into_(into), kind_(kKindNames[static_cast<int>(kind)]), line_(line) {}

  bool ok() const { return ok_; }
  int line() const { return line_; }
  std::string source() const { return into_.file + ":" + std::to_string(line_); }

  void problem(const std::string& message) {
    into_.findings.push_back({into_.file, line_, bounded_script_text(kind_ + ": " + message, kMaxFindingBytes)});
    ok_ = false;
  }

  // Typo protection: every field must be one this declaration knows.
  void check_keys(Keys allowed) {
    std::vector<std::string> unknown;
    bool positional = false;
    lua_pushnil(L_);
    while (lua_next(L_, 1)) {
      lua_pop(L_, 1);
      if (lua_type(L_, -1) != LUA_TSTRING) {
        positional = true;
        continue;
      }
      const std::string_view key = lua_tostring(L_, -1);
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) unknown.emplace_back(key);
    }
    std::sort(unknown.begin(), unknown.end());  // Lua's traversal order is not stable across runs
    const std::vector<std::string_view> candidates(allowed.begin(), allowed.end());
    for (const auto& key : unknown) problem("unknown field '" + key + "'" + did_you_mean(key, candidates));
    if (positional) problem("every value needs a name (write name = value)");
  }

  // ---- fields (each pushes the field, reads it, pops it) ----

  std::optional<std::string> text(const char* key, bool required) {
    Field f(L_, key);
    if (f.absent()) {
      if (required) problem(std::string(key) + " is required");
      return std::nullopt;
    }
    if (lua_type(L_, -1) != LUA_TSTRING) {
      problem(std::string(key) + " must be text in quotes, not " + shown(L_, -1));
      return std::nullopt;
    }
    std::size_t len = 0;
    const char* s = lua_tolstring(L_, -1, &len);
    if (required && len == 0) {
      problem(std::string(key) + " must not be empty");
      return std::nullopt;
    }
    return std::string(s, len);
  }

  // Codes such as a fee's `code`: lower-case ASCII, digits and _.
  std::optional<std::string> code(const char* key) {
    auto value = text(key, true);
    if (value && !is_code_text(*value)) {
      problem(std::string(key) + " must be lower-case letters, digits and _ (e.g. certificate_set), not '" + *value +
              "'");
      return std::nullopt;
    }
    return value;
  }

  std::optional<bool> flag(const char* key) {
    Field f(L_, key);
    if (f.absent()) return std::nullopt;
    if (lua_type(L_, -1) != LUA_TBOOLEAN) {
      problem(std::string(key) + " must be true or false, not " + shown(L_, -1));
      return std::nullopt;
    }
    return lua_toboolean(L_, -1) != 0;
  }

  std::optional<std::int64_t> whole_number(const char* key, std::int64_t min, std::int64_t max, bool required,
                                           const std::string& hint = {}) {
    Field f(L_, key);
    if (f.absent()) {
      if (required) problem(std::string(key) + " is required");
      return std::nullopt;
    }
    return whole_number_at(-1, key, min, max, hint);
  }

  std::optional<Date> date(const char* key) {
    Field f(L_, key);
    if (f.absent()) return std::nullopt;
    return date_at(-1, key);
  }

  // A code or a list of codes of E, as a bit set.
  template <typename E> std::optional<std::uint32_t> codes(const char* key, bool required) {
    Field f(L_, key);
    if (f.absent()) {
      if (required) problem(std::string(key) + " is required");
      return std::nullopt;
    }
    return codes_at<E>(-1, key);
  }

  std::optional<std::vector<int>> years(const char* key, bool required, const std::string& hint = {}) {
    Field f(L_, key);
    if (f.absent()) {
      if (required) problem(std::string(key) + " is required" + hint);
      return std::nullopt;
    }
    return years_at(-1, key);
  }

  // `key = "not published"`: the source says nothing, and the script says so instead of guessing.
  bool says_not_published(const char* key) {
    Field f(L_, key);
    return lua_type(L_, -1) == LUA_TSTRING && std::string_view(lua_tostring(L_, -1)) == "not published";
  }

  std::optional<std::vector<std::string>> ids(const char* key, bool required = true) {
    Field f(L_, key);
    if (f.absent()) {
      if (required) problem(std::string(key) + " is required");
      return std::nullopt;
    }
    std::vector<std::string> out;
    const bool good = each_value(-1, key, [&](int at) {
      if (lua_type(L_, at) != LUA_TSTRING || !is_code_text(lua_tostring(L_, at))) {
        problem(std::string(key) + ": " + shown(L_, at) + " is not an id (lower-case letters, digits and _, e.g. bjca)");
        return false;
      }
      out.emplace_back(lua_tostring(L_, at));
      return true;
    });
    if (!good) return std::nullopt;
    return out;
  }

  Selector selector(bool business_required) {
    Selector s;
    if (auto b = codes<Business>("business", business_required)) s.businesses = *b, s.written |= Selector::kBusiness;
    if (auto c = codes<Channel>("channel", false)) s.channels = *c, s.written |= Selector::kChannel;
    if (auto a = codes<ApplicantKind>("applicant", false)) s.applicants = *a, s.written |= Selector::kApplicant;
    if (auto k = codes<KeyType>("key", false)) s.keys = *k, s.written |= Selector::kKey;
    if (auto cas = ids("ca", false)) {
      std::sort(cas->begin(), cas->end());
      s.cas = std::move(*cas);
      s.written |= Selector::kCa;
    }
    if (auto y = years("years", false)) {
      s.years = 0;
      for (int n : *y) s.years |= year_bit(n);
      s.written |= Selector::kYears;
    }
    return s;
  }

  Condition condition(const char* key, int function_slot) {
    Condition c;
    Field f(L_, key);
    if (f.absent()) return c;
    if (lua_type(L_, -1) == LUA_TFUNCTION) {
      c.form = Condition::Form::Function;
      c.function_slot = function_slot;
      return c;
    }
    if (lua_type(L_, -1) != LUA_TTABLE) {
      problem(std::string(key) + " must be a table such as { open_bid = true } or a function(q), not " + shown(L_, -1));
      return c;
    }
    c.form = Condition::Form::Table;
    const int table = lua_gettop(L_);
    std::vector<std::string> names;
    lua_pushnil(L_);
    while (lua_next(L_, table)) {
      lua_pop(L_, 1);
      if (lua_type(L_, -1) == LUA_TSTRING)
        names.emplace_back(lua_tostring(L_, -1));
      else
        problem(std::string(key) + ": every condition needs an attribute name (write name = value)");
    }
    std::sort(names.begin(), names.end());
    if (names.empty()) problem(std::string(key) + " is empty: name at least one attribute, or leave " + key + " out");
    for (const auto& name : names) {
      const auto attribute = parse_attribute(name);
      if (!attribute) {
        problem(std::string(key) + ": unknown attribute '" + name + "'" + did_you_mean(name, attribute_names()));
        continue;
      }
      lua_getfield(L_, table, name.c_str());
      const std::string what = std::string(key) + "." + name;
      if (auto p = predicate(*attribute, what)) c.all_of.push_back(std::move(*p));
      lua_pop(L_, 1);
    }
    // Ordered by attribute (names were sorted), so equal tables compare equal for duplicates.
    return c;
  }

  // A validity `from`.
  std::optional<ValidityFrom> basis(const char* key) {
    auto value = text(key, true);
    if (!value) return std::nullopt;
    if (*value == "today") return ValidityFrom::Today;
    if (*value == "old_expiry_or_today") return ValidityFrom::OldExpiryOrToday;
    if (*value == "keep") return ValidityFrom::Keep;
    problem(std::string(key) + " must be 'today', 'old_expiry_or_today' or 'keep', not '" + *value + "'" +
            did_you_mean(*value, {"today", "old_expiry_or_today", "keep"}));
    return std::nullopt;
  }

  // One of a few fixed words (limit's counts, across), as its index in `words`.
  std::optional<int> choice(const char* key, std::initializer_list<std::string_view> words, bool required) {
    auto value = text(key, required);
    if (!value) return std::nullopt;
    int index = 0;
    std::string listed;
    for (std::string_view w : words) {
      if (*value == w) return index;
      listed += (listed.empty() ? "'" : ", '") + std::string(w) + "'";
      ++index;
    }
    problem(std::string(key) + " must be " + listed + ", not '" + *value + "'" +
            did_you_mean(*value, std::vector<std::string_view>(words)));
    return std::nullopt;
  }

  // review's working_days: N, { min, max }, { 0, max } ("within max") or "not published" (0, 0).
  std::optional<std::pair<int, int>> working_days(const char* key, int max_days) {
    if (says_not_published(key)) return std::pair{0, 0};
    const std::string hint = " of working days: N, { min, max }, or \"not published\"";
    Field f(L_, key);
    if (f.absent()) {
      problem(std::string(key) + " is required (a whole number" + hint + ")");
      return std::nullopt;
    }
    if (lua_type(L_, -1) != LUA_TTABLE) {
      auto n = whole_number_at(-1, key, 1, max_days, hint);
      if (!n) return std::nullopt;
      return std::pair{static_cast<int>(*n), static_cast<int>(*n)};
    }
    std::vector<int> bounds;
    const bool good = each_value(-1, key, [&](int at) {
      auto n = whole_number_at(at, key, 0, max_days, hint);
      if (n) bounds.push_back(static_cast<int>(*n));
      return n.has_value();
    });
    if (!good) return std::nullopt;
    if (bounds.size() != 2 || bounds[1] < 1 || bounds[0] > bounds[1]) {
      problem(std::string(key) + " as a list must be { min, max } with min <= max and max >= 1 (e.g. { 3, 5 }, or { 0, 5 } "
              "for \"within 5\")");
      return std::nullopt;
    }
    return std::pair{bounds[0], bounds[1]};
  }

 private:
  // Pushes t[key] on construction, pops it on destruction.
  class Field {
   public:
    Field(lua_State* L, const char* key) : L_(L) { lua_getfield(L, 1, key); }
    ~Field() { lua_pop(L_, 1); }
    Field(const Field&) = delete;
    Field& operator=(const Field&) = delete;
    bool absent() const { return lua_isnil(L_, -1); }

   private:
    lua_State* L_;
  };

  // Calls `one(index)` for the value at `index`, or for each element when it is a list.
  // `one` returns false after reporting a problem.
  template <typename One> bool each_value(int index, const std::string& what, One&& one) {
    index = lua_absindex(L_, index);
    if (lua_type(L_, index) != LUA_TTABLE) return one(index);
    const auto n = static_cast<lua_Integer>(lua_rawlen(L_, index));
    lua_Integer entries = 0;
    lua_pushnil(L_);
    while (lua_next(L_, index)) {
      lua_pop(L_, 1);
      ++entries;
    }
    if (n == 0) {
      problem(what + " lists nothing: name at least one value");
      return false;
    }
    if (entries != n) {
      problem(what + " must be a plain list such as { \"a\", \"b\" }");
      return false;
    }
    bool good = true;
    for (lua_Integer i = 1; i <= n; ++i) {
      lua_rawgeti(L_, index, i);
      if (lua_type(L_, -1) == LUA_TTABLE) {
        problem(what + ": a list inside a list is not allowed");
        good = false;
      } else {
        good = one(lua_gettop(L_)) && good;
      }
      lua_pop(L_, 1);
    }
    return good;
  }

  std::optional<std::int64_t> whole_number_at(int index, const std::string& what, std::int64_t min, std::int64_t max,
                                              const std::string& hint) {
    if (lua_type(L_, index) != LUA_TNUMBER || !lua_isinteger(L_, index)) {
      problem(what + " must be a whole number" + hint + ", not " + shown(L_, index));
      return std::nullopt;
    }
    const lua_Integer n = lua_tointeger(L_, index);
    if (n < min || n > max) {
      problem(what + " must be from " + std::to_string(min) + " to " + std::to_string(max) + ", not " +
              std::to_string(n));
      return std::nullopt;
    }
    return n;
  }

  std::optional<Date> date_at(int index, const std::string& what) {
    if (lua_type(L_, index) == LUA_TSTRING)
      if (auto d = Date::parse(lua_tostring(L_, index))) return d;
    problem(what + " must be a date written \"YYYY-MM-DD\" (e.g. \"2021-03-01\"), not " + shown(L_, index));
    return std::nullopt;
  }

  template <typename E> std::optional<std::uint32_t> codes_at(int index, const std::string& what) {
    std::uint32_t bits = 0;
    const bool good = each_value(index, what, [&](int at) {
      if (lua_type(L_, at) != LUA_TSTRING) {
        problem(what + " must be a " + std::string(CodeList<E>::what) + " code in quotes (" + known_codes<E>() +
                "), not " + shown(L_, at));
        return false;
      }
      const std::string_view text = lua_tostring(L_, at);
      const auto code = parse_code<E>(text);
      if (!code) {
        // "unknown business 'renw'", but "when.defect: unknown defect 'broken'".
        const std::string field = what == CodeList<E>::what ? "" : what + ": ";
        problem(field + "unknown " + std::string(CodeList<E>::what) + " '" + std::string(text) + "'" +
                did_you_mean(text, code_names<E>()) + "; known: " + known_codes<E>());
        return false;
      }
      bits |= code_bit(*code);
      return true;
    });
    if (!good) return std::nullopt;
    return bits;
  }

  std::optional<std::vector<int>> years_at(int index, const std::string& what) {
    std::vector<int> out;
    const bool good = each_value(index, what, [&](int at) {
      auto n = whole_number_at(at, what, 1, kMaxYears, " of years");
      if (n) out.push_back(static_cast<int>(*n));
      return n.has_value();
    });
    if (!good) return std::nullopt;
    return out;
  }

  // { at_least = N } / { at_most = N } / both: a table with names rather than a list of values.
  bool is_range(int index) {
    index = lua_absindex(L_, index);
    if (lua_type(L_, index) != LUA_TTABLE) return false;
    lua_pushnil(L_);
    if (!lua_next(L_, index)) return false;  // an empty table: each_value says it lists nothing
    const bool named = lua_type(L_, -2) == LUA_TSTRING;
    lua_pop(L_, 2);
    return named;
  }

  bool read_range(int index, const std::string& what, Predicate& p) {
    index = lua_absindex(L_, index);
    bool good = true;
    lua_pushnil(L_);
    while (lua_next(L_, index)) {
      const std::string key = lua_type(L_, -2) == LUA_TSTRING ? lua_tostring(L_, -2) : std::string();
      if (key == "at_least" || key == "at_most") {
        auto n = whole_number_at(-1, what + "." + key, -1'000'000, 1'000'000, "");
        if (n) (key == "at_least" ? p.at_least : p.at_most) = *n;
        good = good && n.has_value();
      } else {
        problem(what + ": a range has at_least and at_most only (e.g. { at_least = 366 }), not " +
                (key.empty() ? std::string("a value without a name") : "'" + key + "'") +
                did_you_mean(key, {"at_least", "at_most"}));
        good = false;
      }
      lua_pop(L_, 1);
    }
    if (good && p.at_least && p.at_most && *p.at_least > *p.at_most) {
      problem(what + ": at_least " + std::to_string(*p.at_least) + " is above at_most " + std::to_string(*p.at_most) +
              ", so nothing could match");
      good = false;
    }
    return good;
  }

  std::optional<Predicate> predicate(Attribute attribute, const std::string& what) {
    Predicate p;
    p.attribute = attribute;
    bool good = true;
    switch (attribute_info(attribute).kind) {
      case AttributeKind::Business:
        if (auto b = codes_at<Business>(-1, what)) p.bits = *b; else good = false;
        break;
      case AttributeKind::Channel:
        if (auto b = codes_at<Channel>(-1, what)) p.bits = *b; else good = false;
        break;
      case AttributeKind::Applicant:
        if (auto b = codes_at<ApplicantKind>(-1, what)) p.bits = *b; else good = false;
        break;
      case AttributeKind::Key:
        if (auto b = codes_at<KeyType>(-1, what)) p.bits = *b; else good = false;
        break;
      case AttributeKind::Defect:
        if (auto b = codes_at<Defect>(-1, what)) p.bits = *b; else good = false;
        break;
      case AttributeKind::Years:
        if (auto y = years_at(-1, what)) {
          for (int n : *y) p.bits |= year_bit(n);
        } else {
          good = false;
        }
        break;
      case AttributeKind::Integer:
        good = is_range(-1) ? read_range(-1, what, p) : each_value(-1, what, [&](int at) {
          auto n = whole_number_at(at, what, -1'000'000, 1'000'000, "");
          if (n) p.numbers.push_back(*n);
          return n.has_value();
        });
        break;
      case AttributeKind::Date:
        good = each_value(-1, what, [&](int at) {
          auto d = date_at(at, what);
          if (d) p.numbers.push_back(d->days());
          return d.has_value();
        });
        break;
      case AttributeKind::Bool:
        good = each_value(-1, what, [&](int at) {
          if (lua_type(L_, at) != LUA_TBOOLEAN) {
            problem(what + " must be true or false, not " + shown(L_, at));
            return false;
          }
          p.bits |= lua_toboolean(L_, at) ? 2u : 1u;
          return true;
        });
        break;
      case AttributeKind::Text:
        good = each_value(-1, what, [&](int at) {
          if (lua_type(L_, at) != LUA_TSTRING) {
            problem(what + " must be text in quotes, not " + shown(L_, at));
            return false;
          }
          p.texts.emplace_back(lua_tostring(L_, at));
          return true;
        });
        break;
    }
    if (!good) return std::nullopt;
    std::sort(p.numbers.begin(), p.numbers.end());
    std::sort(p.texts.begin(), p.texts.end());
    return p;
  }

  lua_State* L_;
  ScriptDeclarations& into_;
  std::string kind_;
  int line_;
  bool ok_ = true;
};

// The slot of a function-valued `key` (when/unless) of the declaration table, counted in call
// order on both the load and the replay run so that slot i names the same function on both.
int take_function(lua_State* L, ScriptDeclarations& into, const char* key) {
  if (lua_type(L, 1) != LUA_TTABLE) return -1;
  lua_getfield(L, 1, key);
  if (lua_type(L, -1) != LUA_TFUNCTION) {
    lua_pop(L, 1);
    return -1;
  }
  const int slot = into.function_count++;
  if (into.replay)
    into.function_refs.push_back(luaL_ref(L, LUA_REGISTRYINDEX));  // pops the function
  else
    lua_pop(L, 1);
  return slot;
}

template <typename Entry> void fill_common(EntryReader& r, Entry& e, bool business_required, int when_slot, int unless_slot) {
  e.line = r.line();
  e.source = r.source();
  e.selector = r.selector(business_required);
  e.when = r.condition("when", when_slot);
  e.unless = r.condition("unless", unless_slot);
}

void read_region(EntryReader& r, ScriptDeclarations& into) {
  r.check_keys(kRegionKeys);
  RegionDeclaration d;
  d.line = r.line();
  if (auto id = r.code("id")) d.id = *id;
  if (auto name = r.text("name", true)) d.name = *name;
  if (auto name_en = r.text("name_en", false)) d.name_en = *name_en;
  if (auto source = r.text("source", false)) d.source = *source;
  if (auto accepts = r.ids("accepts")) d.accepts = *accepts;
  if (auto a = r.codes<ApplicantKind>("applicants", true)) d.applicants = *a;
  if (auto c = r.codes<Channel>("channels", true)) d.channels = *c;
  if (auto b = r.codes<Business>("businesses", true)) d.businesses = *b;
  if (r.says_not_published("years")) {
    d.years_published = false;  // the source gives no validity period: quotes say so
  } else if (auto y = r.years("years", true,
                              " (the validity periods offered, e.g. { 1, 2 }; write years = \"not published\" "
                              "when the source gives none)")) {
    d.years = *y;
    for (int n : d.years) d.years_bits |= year_bit(n);
  }
  // Kept even when incomplete, so that a second region{} is still reported as one.
  into.regions.push_back(std::move(d));
}

void read_fee(EntryReader& r, ScriptDeclarations& into, int when_slot, int unless_slot) {
  r.check_keys(kFeeKeys);
  FeeEntry e;
  fill_common(r, e, true, when_slot, unless_slot);
  if (auto code = r.code("code")) e.code = *code;
  if (auto label = r.text("label", true)) e.label = *label;
  e.fen = r.whole_number("fen", 0, kMaxFen, false, " of fen (26000 means 260.00 CNY)");
  e.per_year = r.flag("per_year").value_or(false);
  e.effective = r.date("effective");
  if (r.ok()) into.fees.push_back(std::move(e));
}

void read_material(EntryReader& r, ScriptDeclarations& into, int when_slot, int unless_slot) {
  r.check_keys(kMaterialKeys);
  MaterialEntry e;
  fill_common(r, e, true, when_slot, unless_slot);
  if (auto code = r.code("code")) e.code = *code;
  if (auto name = r.text("name", true)) e.name = *name;
  e.copies = static_cast<int>(r.whole_number("copies", 1, kMaxCopies, false).value_or(1));
  e.stamped = r.flag("stamped").value_or(false);
  e.signed_by_hand = r.flag("signed").value_or(false);
  e.original_shown = r.flag("original").value_or(false);
  e.note = r.text("note", false).value_or("");
  if (r.ok()) into.materials.push_back(std::move(e));
}

void read_refusal(EntryReader& r, ScriptDeclarations& into, int when_slot, int unless_slot) {
  r.check_keys(kRefuseKeys);
  RefusalEntry e;
  fill_common(r, e, true, when_slot, unless_slot);
  if (auto code = r.code("code")) e.code = *code;
  if (auto zh = r.text("zh", true)) e.zh = *zh;
  if (auto en = r.text("en", true)) e.en = *en;
  if (r.ok()) into.refusals.push_back(std::move(e));
}

void read_validity(EntryReader& r, ScriptDeclarations& into, int when_slot, int unless_slot) {
  r.check_keys(kValidityKeys);
  ValidityEntry e;
  fill_common(r, e, true, when_slot, unless_slot);
  if (auto from = r.basis("from")) e.from = *from;
  e.convention = r.text("convention", false).value_or("");
  if (r.ok()) into.validities.push_back(std::move(e));
}

void read_renewal_window(EntryReader& r, ScriptDeclarations& into, int when_slot, int unless_slot) {
  r.check_keys(kRenewalWindowKeys);
  RenewalWindowEntry e;
  fill_common(r, e, false, when_slot, unless_slot);
  if (!(e.selector.written & Selector::kBusiness)) {
    e.selector.businesses = code_bit(Business::Renew);
  } else if (e.selector.businesses != code_bit(Business::Renew)) {
    r.problem("business must be 'renew' (or left out): the renewal window applies to renewals only");
  }
  if (auto days = r.whole_number("days_before_expiry", 0, kMaxWindowDays, true, " of days")) e.days_before_expiry = static_cast<int>(*days);
  if (r.ok()) into.renewal_windows.push_back(std::move(e));
}

void read_years_offered(EntryReader& r, ScriptDeclarations& into) {
  r.check_keys(kYearsOfferedKeys);
  YearsOffered e;
  e.line = r.line();
  e.source = r.source();
  if (auto cas = r.ids("ca")) {
    std::sort(cas->begin(), cas->end());
    e.selector.cas = std::move(*cas);
    e.selector.written = Selector::kCa;
  }
  if (auto y = r.years("years", true, " (the validity periods these CAs offer, e.g. { 1, 2, 4 })")) e.years = *y;
  if (r.ok()) into.years_offered.push_back(std::move(e));
}

void read_offer(EntryReader& r, ScriptDeclarations& into) {
  r.check_keys(kOfferKeys);
  OfferEntry e;
  e.line = r.line();
  e.source = r.source();
  e.selector = r.selector(true);
  if (r.ok()) into.offers.push_back(std::move(e));
}

void read_step(EntryReader& r, ScriptDeclarations& into, int when_slot, int unless_slot) {
  r.check_keys(kStepKeys);
  StepEntry e;
  fill_common(r, e, false, when_slot, unless_slot);
  if (auto code = r.code("code")) e.code = *code;
  if (auto zh = r.text("zh", true)) e.zh = *zh;
  if (auto en = r.text("en", true)) e.en = *en;
  if (r.ok()) into.steps.push_back(std::move(e));
}

void read_review(EntryReader& r, ScriptDeclarations& into, int when_slot, int unless_slot) {
  r.check_keys(kReviewKeys);
  ReviewEntry e;
  fill_common(r, e, false, when_slot, unless_slot);
  if (auto days = r.working_days("working_days", kMaxReviewDays)) std::tie(e.min_days, e.max_days) = *days;
  if (r.ok()) into.reviews.push_back(std::move(e));
}

void read_limit(EntryReader& r, ScriptDeclarations& into) {
  r.check_keys(kLimitKeys);
  LimitEntry e;
  e.line = r.line();
  e.source = r.source();
  e.selector = r.selector(false);
  if (auto code = r.code("code")) e.code = *code;
  if (auto zh = r.text("zh", true)) e.zh = *zh;
  if (auto en = r.text("en", true)) e.en = *en;
  if (auto counts = r.choice("counts", {"open_orders", "held", "issued"}, true)) e.counts = static_cast<LimitCounts>(*counts);
  if (auto across = r.choice("across", {"ca", "region"}, false)) e.across = static_cast<LimitAcross>(*across);
  if (auto n = r.whole_number("at_most", 1, kMaxLimit, true, " (how many may be open or held at once)"))
    e.at_most = static_cast<int>(*n);
  if (r.ok()) into.limits.push_back(std::move(e));
}

void declare(lua_State* L, ScriptDeclarations& into, Kind kind) {
  // Slots first, on both runs alike, before anything can return early.
  const int when_slot = take_function(L, into, "when");
  const int unless_slot = take_function(L, into, "unless");
  if (into.replay) return;

  lua_Debug caller;
  int line = 0;
  if (lua_getstack(L, 1, &caller) && lua_getinfo(L, "l", &caller)) line = std::max(caller.currentline, 0);
  EntryReader r(L, into, kind, line);
  if (lua_gettop(L) != 1 || lua_type(L, 1) != LUA_TTABLE) {
    const std::string name = kKindNames[static_cast<int>(kind)];
    r.problem("expects one table: write " + name + " { ... } with braces");
    return;
  }
  switch (kind) {
    case Kind::Region: read_region(r, into); break;
    case Kind::Fee: read_fee(r, into, when_slot, unless_slot); break;
    case Kind::Material: read_material(r, into, when_slot, unless_slot); break;
    case Kind::Refuse: read_refusal(r, into, when_slot, unless_slot); break;
    case Kind::Validity: read_validity(r, into, when_slot, unless_slot); break;
    case Kind::RenewalWindow: read_renewal_window(r, into, when_slot, unless_slot); break;
    case Kind::YearsOffered: read_years_offered(r, into); break;
    case Kind::Offer: read_offer(r, into); break;
    case Kind::Step: read_step(r, into, when_slot, unless_slot); break;
    case Kind::Review: read_review(r, into, when_slot, unless_slot); break;
    case Kind::Limit: read_limit(r, into); break;
  }
}

int declaration(lua_State* L) {
  auto& into = *static_cast<ScriptDeclarations*>(lua_touserdata(L, lua_upvalueindex(1)));
  const auto kind = static_cast<Kind>(lua_tointeger(L, lua_upvalueindex(2)));
  if (into.closed)
    return luaL_error(L, "%s { ... } may only be used at the top level of the script, not inside a rule function",
                      kKindNames[static_cast<int>(kind)]);
  std::string failure;
  try {
    declare(L, into, kind);
    return 0;
  } catch (const std::exception& e) {  // bad_alloc from a vector: Lua errors are not std::exception
    failure = e.what();
  }
  return luaL_error(L, "host error while reading a declaration: %s", failure.c_str());
}

}  // namespace

void install_declarations(lua_State* L, int env_index, ScriptDeclarations& into) {
  env_index = lua_absindex(L, env_index);
  for (int kind = 0; kind < static_cast<int>(std::size(kKindNames)); ++kind) {
    lua_pushlightuserdata(L, &into);
    lua_pushinteger(L, kind);
    lua_pushcclosure(L, declaration, 2);
    lua_setfield(L, env_index, kKindNames[kind]);
  }
}

}  // namespace cahub::rules
