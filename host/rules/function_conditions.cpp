#include "rules/function_conditions.hpp"

#include <algorithm>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "rules/name_suggestions.hpp"

namespace cahub::rules {
namespace {

using StateMap = std::unordered_map<std::uint64_t, std::unique_ptr<FunctionConditions>>;

// One thread's states, by the generation of the rules they were made for. The owner looks up and
// adds; when rules are unloaded, the thread destroying them drops their states on every thread
// (forget_generation), so an idle worker does not keep them. Hence the mutex, which the owner
// takes only for a lookup and so finds uncontended but for that moment.
struct ThreadStates {
  std::mutex mutex;
  StateMap by_generation;
  ThreadStates();
  ~ThreadStates();
};

// Every live thread's ThreadStates. A thread leaves before its states go, under this mutex, so
// forget_generation never reaches a thread that is ending.
// Never destroyed: rules held by a static may be destroyed after every other static.
std::mutex& threads_mutex() {
  static auto* m = new std::mutex;
  return *m;
}
std::vector<ThreadStates*>& threads() {
  static auto* all = new std::vector<ThreadStates*>;
  return *all;
}

ThreadStates::ThreadStates() {
  std::lock_guard lock(threads_mutex());
  threads().push_back(this);
}

ThreadStates::~ThreadStates() {
  std::lock_guard lock(threads_mutex());
  std::erase(threads(), this);
}

thread_local ThreadStates t_states;

// The state this thread used last, looked up without the lock. Safe without it: a state is closed
// only when its rules are destroyed, and a caller asking for this generation holds those rules;
// generations are never reused, so a stale entry is never asked for again.
thread_local std::uint64_t t_last_generation = 0;
thread_local FunctionConditions* t_last_state = nullptr;

int q_write(lua_State* L) {
  return luaL_error(L, "q is read-only: a rule function answers true or false and changes nothing");
}

// Reading an attribute that the request does not give (days_to_expiry of a new certificate)
// yields nil; reading a name that is no attribute at all is a typo and an error.
int q_unknown(lua_State* L) {
  if (lua_type(L, 2) == LUA_TSTRING) {
    const std::string_view name = lua_tostring(L, 2);
    if (parse_attribute(name)) return 0;
    std::vector<std::string_view> names;
    for (const auto& a : all_attributes()) names.push_back(a.name);
    const std::string hint = did_you_mean(name, names);
    return luaL_error(L, "q has no attribute '%s'%s", lua_tostring(L, 2), hint.c_str());
  }
  return 0;
}

void put_digits(char* at, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) at[i] = static_cast<char>('0' + value % 10);
}

void push_iso(lua_State* L, Date d) {
  // Formatted by hand rather than with Date::iso() or snprintf: this runs for every date of every
  // request that reaches a rule function, and snprintf alone was a tenth of a quote's time.
  const int year = d.year();
  if (year < 0 || year > 9999) {  // outside what ISO's four digits hold: never from a parsed date
    const std::string text = d.iso();
    lua_pushlstring(L, text.data(), text.size());
    return;
  }
  char buf[10];
  put_digits(buf, static_cast<unsigned>(year), 4);
  buf[4] = '-';
  put_digits(buf + 5, d.month(), 2);
  buf[7] = '-';
  put_digits(buf + 8, d.day(), 2);
  lua_pushlstring(L, buf, sizeof buf);
}

template <typename E> void push_code(lua_State* L, E value) {
  const std::string_view code = code_of(value);
  lua_pushlstring(L, code.data(), code.size());
}

}  // namespace

FunctionConditions& FunctionConditions::for_this_thread(const RegionRules::Compiled& compiled) {
  if (t_last_state && t_last_generation == compiled.generation) return *t_last_state;
  ThreadStates& mine = t_states;
  {
    std::lock_guard lock(mine.mutex);
    if (auto found = mine.by_generation.find(compiled.generation); found != mine.by_generation.end()) {
      t_last_generation = compiled.generation;
      return *(t_last_state = found->second.get());
    }
  }
  // Made outside the lock: running the script's top level is slow. The caller holds `compiled`,
  // so its generation cannot be forgotten meanwhile. References to other entries stay good
  // across the insert (unordered_map never moves its elements).
  std::unique_ptr<FunctionConditions> state;
  try {
    state = std::make_unique<FunctionConditions>(compiled);
  } catch (const RuleError&) {
    throw;
  } catch (const std::runtime_error& e) {  // the sandbox could not start: the memory budget is spent
    throw RuleError(compiled.file + ": cannot prepare the script's rule functions on this thread: " + e.what());
  }
  std::lock_guard lock(mine.mutex);
  t_last_generation = compiled.generation;
  return *(t_last_state = (mine.by_generation[compiled.generation] = std::move(state)).get());
}

std::size_t FunctionConditions::states_on_this_thread() {
  std::lock_guard lock(t_states.mutex);
  return t_states.by_generation.size();
}

void FunctionConditions::forget_generation(std::uint64_t generation) {
  std::vector<std::unique_ptr<FunctionConditions>> dropped;
  {
    std::lock_guard all(threads_mutex());
    for (ThreadStates* thread : threads()) {
      std::lock_guard lock(thread->mutex);
      if (auto found = thread->by_generation.find(generation); found != thread->by_generation.end()) {
        dropped.push_back(std::move(found->second));
        thread->by_generation.erase(found);
      }
    }
  }
  // Closed here, outside the locks. No thread is using them: a state is used only by its owner
  // while it holds the rules, and the rules are being destroyed.
  dropped.clear();
}

RegionRules::Compiled::~Compiled() { FunctionConditions::forget_generation(generation); }

FunctionConditions::FunctionConditions(const RegionRules::Compiled& compiled) : sandbox_(compiled.limits) {
  declarations_.file = compiled.file;
  declarations_.replay = true;
  const CallOutcome prepared = sandbox_.run([&](lua_State* L) -> int {
    LuaSandbox::push_environment(L);
    const int env = lua_gettop(L);
    install_declarations(L, env, declarations_);
    if (LuaSandbox::load_text(L, compiled.file, compiled.script, env) != LUA_OK) lua_error(L);
    lua_call(L, 0, 0);
    declarations_.closed = true;
    LuaSandbox::freeze_environment(L, env);

    lua_newtable(L);  // q's data
    lua_newtable(L);
    lua_pushcfunction(L, q_unknown);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_newtable(L);  // q itself: empty, reads through to the data, writes refused
    lua_newtable(L);
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, q_write);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    q_ = luaL_ref(L, LUA_REGISTRYINDEX);
    q_data_ = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
  });
  if (!prepared.ok())
    throw RuleError(compiled.file + ": cannot prepare the script's rule functions on this thread: " + prepared.text());
  if (declarations_.function_count != compiled.function_count)
    throw RuleError(compiled.file + ": the script declared " + std::to_string(declarations_.function_count) +
                    " rule functions when run again, but " + std::to_string(compiled.function_count) +
                    " when loaded; declarations must not depend on anything that changes");
  functions_ = std::move(declarations_.function_refs);
}

void FunctionConditions::remember_filled(const RequestFacts& facts) {
  // The texts are copied: the request they view is gone by the next call.
  q_ca_.assign(facts.ca);
  q_former_ca_.assign(facts.former_ca);
  q_facts_ = facts;
  q_facts_.ca = q_ca_;
  q_facts_.former_ca = q_former_ca_;
  q_filled_ = true;
}

void FunctionConditions::fill_q(lua_State* L, const RequestFacts& f) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, q_data_);
  const int q = lua_gettop(L);
  auto set = [&](const char* name) { lua_setfield(L, q, name); };
  auto set_optional_date = [&](const char* name, const std::optional<Date>& d) {
    if (d) push_iso(L, *d); else lua_pushnil(L);
    set(name);
  };
  auto set_optional_int = [&](const char* name, const std::optional<int>& n) {
    if (n) lua_pushinteger(L, *n); else lua_pushnil(L);
    set(name);
  };
  push_code(L, f.business), set("business");
  push_code(L, f.channel), set("channel");
  push_code(L, f.applicant), set("applicant");
  push_code(L, f.key), set("key");
  if (f.years > 0)
    lua_pushinteger(L, f.years), set("years");
  else
    lua_pushnil(L), set("years");  // the region publishes no validity period
  push_iso(L, f.today), set("today");
  set_optional_int("days_to_expiry", f.days_to_expiry);
  set_optional_int("days_since_expiry", f.days_since_expiry);
  set_optional_date("cert_not_before", f.cert_not_before);
  set_optional_date("cert_not_after", f.cert_not_after);
  set_optional_date("first_issued", f.first_issued);
  if (f.defect) push_code(L, *f.defect); else lua_pushnil(L);
  set("defect");
  lua_pushlstring(L, f.former_ca.data(), f.former_ca.size()), set("former_ca");
  lua_pushlstring(L, f.ca.data(), f.ca.size()), set("ca");
  for (const auto& a : all_attributes())
    if (a.kind == AttributeKind::Bool) {
      lua_pushboolean(L, f.flag(a.attribute));
      lua_setfield(L, q, a.name.data());  // attribute names are literals: NUL-terminated
    }
  lua_pop(L, 1);
}

bool FunctionConditions::evaluate(int slot, const RequestFacts& facts, bool& q_current, std::string_view entry_source,
                                  std::string_view role) {
  bool answer = false;
  const CallOutcome outcome = sandbox_.run([&](lua_State* L) -> int {
    // The stages of one quote ask with the same facts: q is filled once per quote, not per stage.
    if (!q_current && !(q_filled_ && facts == q_facts_)) {
      q_filled_ = false;  // until the fill below completes
      fill_q(L, facts);
      remember_filled(facts);
    }
    q_current = true;
    lua_rawgeti(L, LUA_REGISTRYINDEX, functions_[static_cast<std::size_t>(slot)]);
    lua_rawgeti(L, LUA_REGISTRYINDEX, q_);
    lua_call(L, 1, 1);
    if (lua_type(L, -1) != LUA_TBOOLEAN)
      return luaL_error(L, "the %s function must return true or false, not %s", std::string(role).c_str(),
                        luaL_typename(L, -1));
    answer = lua_toboolean(L, -1) != 0;
    return 0;
  });
  if (!outcome.ok()) {
    q_current = false;  // a stop may have come in the middle of filling it
    q_filled_ = false;
    throw RuleError(std::string(entry_source) + ": the " + std::string(role) + " function failed: " + outcome.text());
  }
  return answer;
}

}  // namespace cahub::rules
