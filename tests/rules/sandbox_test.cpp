// The sandbox: every removed facility is really out of reach, runaway scripts stop, the host
// and the state stay usable afterwards, and print reaches the log.
#include <memory>
#include <string>

#include <catch2/catch.hpp>
#include <spdlog/sinks/ringbuffer_sink.h>

#include "rules/lua_sandbox.hpp"
#include "rules/name_suggestions.hpp"
#include "rules/rules_log.hpp"

using namespace cahub::rules;

namespace {

// Runs `source` as "test.lua" and returns what it returned, converted with tostring.
std::string value_of(LuaSandbox& sandbox, const std::string& source) {
  std::string result;
  const CallOutcome outcome = sandbox.execute("test.lua", source, &result);
  INFO(outcome.text());
  REQUIRE(outcome.ok());
  return result;
}

CallOutcome failure_of(LuaSandbox& sandbox, const std::string& source, const std::string& chunk = "test.lua") {
  const CallOutcome outcome = sandbox.execute(chunk, source);
  REQUIRE_FALSE(outcome.ok());
  return outcome;
}

// Runs `source` with a global `bytes` holding `value`.
CallOutcome execute_with(LuaSandbox& sandbox, const std::string& source, const std::string& value) {
  return sandbox.run([&](lua_State* L) -> int {
    LuaSandbox::push_environment(L);
    lua_pushlstring(L, value.data(), value.size());
    lua_setfield(L, -2, "bytes");
    if (LuaSandbox::load_text(L, "test.lua", source, -1) != LUA_OK) lua_error(L);
    lua_call(L, 0, 0);
    return 0;
  });
}

int write_chunk(lua_State*, const void* p, size_t size, void* out) {
  static_cast<std::string*>(out)->append(static_cast<const char*>(p), size);
  return 0;
}

// Bytecode made by an ordinary (unsandboxed) state: what an attacker would hand to load().
std::string bytecode_of(const char* source) {
  lua_State* L = luaL_newstate();
  REQUIRE(luaL_loadstring(L, source) == LUA_OK);
  std::string out;
  lua_dump(L, write_chunk, &out, 0);
  lua_close(L);
  return out;
}

}  // namespace

TEST_CASE("removed libraries and base functions are unknown names") {
  LuaSandbox sandbox;
  for (const char* name : {"io", "os", "debug", "package", "require", "dofile", "loadfile", "collectgarbage", "rawset",
                           "setmetatable", "getmetatable", "coroutine", "warn", "_G", "loadstring", "module"}) {
    INFO(name);
    const CallOutcome outcome = failure_of(sandbox, std::string("return ") + name);
    CHECK(outcome.failure == ScriptFailure::Runtime);
    CHECK(outcome.where == "test.lua:1");
    CHECK(outcome.message == std::string("unknown name '") + name + "' (not available in region scripts)");
  }
}

TEST_CASE("removed library functions are absent") {
  LuaSandbox sandbox;
  for (const char* name : {"string.dump", "string.pack", "string.unpack", "string.packsize", "math.random",
                           "math.randomseed"}) {
    INFO(name);
    CHECK(value_of(sandbox, std::string("return type(") + name + ")") == "nil");
  }
  // What stays works.
  CHECK(value_of(sandbox, "return string.format('%d-%s', 7, ('ab'):upper())") == "7-AB");
  CHECK(value_of(sandbox, "return table.concat({1, 2, 3}, ',')") == "1,2,3");
  CHECK(value_of(sandbox, "return math.max(3, 9) + utf8.len('中直')") == "11");
  CHECK(value_of(sandbox, "return select('#', pcall(error, 'x'))") == "2");
}

TEST_CASE("load compiles text only, into its own environment") {
  LuaSandbox sandbox;
  CHECK(value_of(sandbox, "return load('return 1 + 1')()") == "2");
  CHECK(value_of(sandbox, "local f, err = load('return +') return tostring(f) .. ' ' .. err") ==
        "nil (load):1: unexpected symbol near '+'");
  // A loaded chunk's globals stay in its own environment.
  CHECK(failure_of(sandbox, "load('leaked = 5')() return leaked").message == "unknown name 'leaked'");
  CHECK(failure_of(sandbox, "return load('return 1', 'x', 'b')").message ==
        "load: binary chunks are refused by the sandbox");
  CHECK(failure_of(sandbox, "return load(function() return nil end)").message ==
        "load: the sandbox loads only source text (a string)");

  const std::string bytecode = bytecode_of("return 42");
  const CallOutcome refused = execute_with(sandbox, "return load(bytes)", bytecode);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.message == "load: binary chunks are refused by the sandbox");
  // Even with "t" asked for explicitly and the signature in place.
  const CallOutcome refused_t = execute_with(sandbox, "return load(bytes, 'x', 't')", bytecode);
  REQUIRE_FALSE(refused_t.ok());

  // Scripts themselves are loaded as text only.
  const CallOutcome as_script = sandbox.execute("binary.lua", bytecode);
  REQUIRE_FALSE(as_script.ok());
  CHECK(as_script.text() == "binary.lua:1: precompiled (binary) Lua chunks are refused; give the script as text");
}

TEST_CASE("library tables are read-only for scripts") {
  LuaSandbox sandbox;
  CHECK(failure_of(sandbox, "string.rep = nil").message == "string.rep is protected by the sandbox (library tables are read-only)");
  CHECK(failure_of(sandbox, "string.evil = function() end").message ==
        "string.evil is protected by the sandbox (library tables are read-only)");
  CHECK(failure_of(sandbox, "math.pi = 3").message == "math.pi is protected by the sandbox (library tables are read-only)");
  CHECK(failure_of(sandbox, "table.insert = print").message ==
        "table.insert is protected by the sandbox (library tables are read-only)");
  CHECK(failure_of(sandbox, "utf8.len = nil").message == "utf8.len is protected by the sandbox (library tables are read-only)");
  CHECK(failure_of(sandbox, "date.add_days = nil").message ==
        "date.add_days is protected by the sandbox (library tables are read-only)");
  // rawset would bypass __newindex: it is gone, and so is the proxy's metatable.
  CHECK(failure_of(sandbox, "rawset(string, 'rep', nil)").message ==
        "unknown name 'rawset' (not available in region scripts)");
  CHECK(value_of(sandbox, "return rawget(string, 'rep') == nil and next(string) == nil") == "true");
  // Iterating a library proxy yields nothing, so the real table never reaches a script.
  CHECK(value_of(sandbox, "local n = 0 for _ in pairs(string) do n = n + 1 end return n") == "0");
  // The shared string metatable: unreachable, and method calls keep using the sandbox's string
  // functions (the bounded rep below).
  CHECK(failure_of(sandbox, "return getmetatable('').__index").message ==
        "unknown name 'getmetatable' (not available in region scripts)");
  CHECK(failure_of(sandbox, "local s = 'x' s.rep = nil").message.find("attempt to index") != std::string::npos);
  CHECK(failure_of(sandbox, "return ('x'):rep(1e9)").message.find("string.rep: the result would be") != std::string::npos);
  CHECK(value_of(sandbox, "return ('ab'):rep(2)") == "abab");
}

TEST_CASE("a global written by one script is invisible to the next") {
  LuaSandbox sandbox;
  CHECK(value_of(sandbox, "shared = 'secret' print = nil string = nil _ENV.other = 1 return shared") == "secret");
  CHECK(failure_of(sandbox, "return shared").message == "unknown name 'shared'");
  CHECK(failure_of(sandbox, "return other").message == "unknown name 'other'");
  // The first script's `print = nil` and `string = nil` only shadowed them in its own environment.
  CHECK(value_of(sandbox, "return type(print) .. type(string.rep)") == "functionfunction");
}

TEST_CASE("reading a name defined nowhere is an error that suggests the likely one") {
  LuaSandbox sandbox;
  const CallOutcome outcome = failure_of(sandbox, "local x = 1\nreturn tostrin(x)");
  CHECK(outcome.text() == "test.lua:2: unknown name 'tostrin' (did you mean 'tostring'?)");
  CHECK(failure_of(sandbox, "feee {}").message == "unknown name 'feee' (did you mean 'fee'?)");
  // Two names as close ('string' and 'tostring' are both two edits away): the same one every
  // time, in every fresh state, whatever order its table hands the names over in.
  for (int i = 0; i < 20; ++i) {
    LuaSandbox fresh;
    CHECK(failure_of(fresh, "return restring").message == "unknown name 'restring' (did you mean 'string'?)");
  }
  CHECK(cahub::rules::closest_name("restring", {"tostring", "string"}) == "string");
  CHECK(cahub::rules::closest_name("restring", {"string", "tostring"}) == "string");
}

TEST_CASE("an endless loop stops with an instruction limit, even under the script's own pcall") {
  // A generous clock, so that a slow (sanitizer) build still stops by count, not by time.
  LuaSandbox sandbox(SandboxLimits{.instructions_per_call = 100'000, .milliseconds_per_call = 60'000});
  SECTION("plain loop") {
    const CallOutcome outcome = failure_of(sandbox, "local n = 0\nwhile true do\n  n = n + 1\nend", "loop.lua");
    CHECK(outcome.failure == ScriptFailure::InstructionLimit);
    CHECK(outcome.where.starts_with("loop.lua:"));
    CHECK(outcome.text().find("instruction limit exceeded (100000 instructions per call)") != std::string::npos);
  }
  SECTION("pcall inside a loop cannot swallow the stop") {
    const CallOutcome outcome = failure_of(
        sandbox, "for i = 1, 1000 do pcall(function() while true do end end) end\nreturn 'escaped'", "loop.lua");
    CHECK(outcome.failure == ScriptFailure::InstructionLimit);
  }
  SECTION("nor can xpcall with a handler that loops") {
    const CallOutcome outcome = failure_of(
        sandbox, "while true do xpcall(function() while true do end end, function(m) return m end) end", "loop.lua");
    CHECK(outcome.failure == ScriptFailure::InstructionLimit);
  }
  SECTION("a script raising the same text is only a runtime error") {
    const CallOutcome outcome = failure_of(sandbox, "error('instruction limit exceeded')");
    CHECK(outcome.failure == ScriptFailure::Runtime);
  }
  // The state goes on: the next call has its full budget again.
  CHECK(value_of(sandbox, "local n = 0 for i = 1, 1000 do n = n + i end return n") == "500500");
}

TEST_CASE("an xpcall message handler never runs for a stop, so it cannot run with hooks off") {
  // Lua calls the message handler for an error raised inside a hook before it turns hooks back
  // on: a handler run for a stop would be unmetered, and the wall clock is checked in the hook too.
  auto sink = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(16);
  auto log = rules_logger();
  log->sinks().push_back(sink);
  LuaSandbox sandbox(SandboxLimits{.instructions_per_call = 100'000, .milliseconds_per_call = 60'000});
  const CallOutcome outcome = sandbox.execute(
      "loop.lua", "xpcall(function() while true do end end, function(m)\n  print('handler ran')\n  return m\nend)");
  log->sinks().pop_back();
  CHECK(outcome.failure == ScriptFailure::InstructionLimit);
  // REQUIRE: without the guard the next script would hang this test forever.
  REQUIRE(sink->last_raw().empty());

  SECTION("a handler that loops forever") {
    const CallOutcome looped =
        failure_of(sandbox, "xpcall(function() while true do end end, function(m) while true do end end)", "loop.lua");
    CHECK(looped.failure == ScriptFailure::InstructionLimit);
    CHECK(looped.where.starts_with("loop.lua:"));
  }
  SECTION("under the wall clock as well") {
    LuaSandbox timed(SandboxLimits{.instructions_per_call = 1'000'000'000'000, .milliseconds_per_call = 50});
    const CallOutcome looped = failure_of(
        timed, "local s = string.rep('x', 1 << 20)\nxpcall(function() while true do local z = s .. s end end, function(m) while true do end end)");
    CHECK(looped.failure == ScriptFailure::TimeLimit);
  }
  SECTION("nested handlers and pcalls inside the handler") {
    const CallOutcome nested = failure_of(sandbox,
                                          "xpcall(function()\n"
                                          "  xpcall(function() while true do end end, function(m)\n"
                                          "    pcall(function() while true do end end) while true do end end)\n"
                                          "end, function(m) while true do end end)",
                                          "loop.lua");
    CHECK(nested.failure == ScriptFailure::InstructionLimit);
  }
  SECTION("a handler still runs for the script's own error, and is metered there") {
    CHECK(value_of(sandbox, "local ok, m = xpcall(error, function(m) return 'handled ' .. m end, 'boom') return m") ==
          "handled boom");
    const CallOutcome looped = failure_of(sandbox, "xpcall(error, function(m) while true do end end, 'boom')", "loop.lua");
    CHECK(looped.failure == ScriptFailure::InstructionLimit);
  }
  CHECK(value_of(sandbox, "local n = 0 for i = 1, 1000 do n = n + i end return n") == "500500");
}

TEST_CASE("the sandbox's pcall and xpcall behave as Lua's own") {
  LuaSandbox sandbox;
  CHECK(value_of(sandbox, "local ok, a, b = pcall(function(x, y) return y, x end, 1, 2) return tostring(ok) .. a .. b") ==
        "true21");
  CHECK(value_of(sandbox, "return select('#', pcall(function() end))") == "1");
  CHECK(value_of(sandbox, "local ok, m = pcall(error, 'x', 0) return tostring(ok) .. ' ' .. m") == "false x");
  CHECK(value_of(sandbox, "local ok, m = pcall(error, {}) return type(m)") == "table");
  CHECK(value_of(sandbox, "local ok, m = pcall(nil) return m") == "attempt to call a nil value");
  CHECK(value_of(sandbox, "local ok, a, b = xpcall(function(x) return x * 2, x end, print, 21) return a .. b") == "4221");
  CHECK(value_of(sandbox, "return select('#', xpcall(function() return 1, 2, 3 end, print))") == "4");
  CHECK(value_of(sandbox, "local ok, m = xpcall(error, function(m) return m .. '!' end, 'x', 0) return tostring(ok) .. m") ==
        "falsex!");
  CHECK(value_of(sandbox, "local ok, m = xpcall(error, function() error('again') end) return tostring(ok) .. ' ' .. m") ==
        "false error in error handling");
  CHECK(value_of(sandbox, "return pcall(pcall, error, 'x')") == "true");
  CHECK(failure_of(sandbox, "pcall()").message == "bad argument #1 to 'pcall' (value expected)");
  CHECK(failure_of(sandbox, "xpcall(print)").message == "bad argument #2 to 'xpcall' (function expected, got no value)");
}

TEST_CASE("library calls are charged to the instruction budget") {
  LuaSandbox sandbox(SandboxLimits{.instructions_per_call = 1'000'000, .milliseconds_per_call = 60'000});
  // Each upper() of 1 MiB is one VM instruction but 16,384 units of work.
  const CallOutcome upper = failure_of(sandbox, "local s = string.rep('x', 1 << 20)\nfor i = 1, 1000 do local u = s:upper() end");
  CHECK(upper.failure == ScriptFailure::InstructionLimit);
  CHECK(upper.where == "test.lua:2");
  const CallOutcome move = failure_of(sandbox, "table.move({}, 1, math.maxinteger, 1)");
  CHECK(move.failure == ScriptFailure::InstructionLimit);
  const CallOutcome unpack = failure_of(sandbox, "return table.unpack({}, 1, 1e8)");
  CHECK(unpack.failure == ScriptFailure::InstructionLimit);
  CHECK(value_of(sandbox, "return #table.pack(table.unpack({1, 2, 3}))") == "3");
  // string.byte pays per value returned, not per byte of its subject.
  CHECK(failure_of(sandbox, "local s = string.rep('x', 50000)\nfor i = 1, 100 do local n = select('#', s:byte(1, -1)) end")
            .failure == ScriptFailure::InstructionLimit);
  CHECK(value_of(sandbox, "local s = string.rep('x', 500000) local n = 0 for i = 1, 1000 do n = n + s:byte(i) end return n") ==
        "120000");
}

TEST_CASE("the wall clock stops what the instruction count cannot see") {
  LuaSandbox sandbox(SandboxLimits{.instructions_per_call = 1'000'000'000'000, .milliseconds_per_call = 50});
  // `s .. s` copies 2 MiB in a single instruction.
  const CallOutcome outcome = failure_of(sandbox, "local s = string.rep('x', 1 << 20)\nwhile true do local z = s .. s end");
  CHECK(outcome.failure == ScriptFailure::TimeLimit);
  CHECK(outcome.text() == "test.lua:2: time limit exceeded (50 ms per call)");
}

TEST_CASE("a memory bomb stops with a memory error and the state stays usable") {
  LuaSandbox sandbox(SandboxLimits{.memory_bytes = 4u << 20});
  const std::size_t before = sandbox.memory().in_use();
  const CallOutcome outcome =
      failure_of(sandbox, "local t = {}\nwhile true do t[#t + 1] = string.rep('x', 1000) end", "bomb.lua");
  CHECK(outcome.failure == ScriptFailure::OutOfMemory);
  CHECK(outcome.where == "bomb.lua:2");
  CHECK(outcome.message == "not enough memory (a script's heap is limited to 4 MiB)");
  CHECK(sandbox.memory().in_use() <= sandbox.memory().limit());
  // The bomb's table was collected: the next call has the heap again.
  CHECK(sandbox.memory().in_use() < before + (256u << 10));
  CHECK(value_of(sandbox, "local t = {} for i = 1, 1000 do t[i] = string.rep('y', 1000) end return #t") == "1000");
}

TEST_CASE("string.rep is bounded") {
  LuaSandbox sandbox;
  const CallOutcome huge = failure_of(sandbox, "return string.rep('x', 1e9)");
  CHECK(huge.failure == ScriptFailure::Runtime);
  CHECK(huge.message == "string.rep: the result would be 1000000000 bytes; the sandbox allows at most 1048576");
  CHECK(failure_of(sandbox, "return string.rep('x', 1 << 20, ',')").failure == ScriptFailure::Runtime);
  CHECK(value_of(sandbox, "return #string.rep('x', 1 << 20)") == "1048576");
  // Lua's own rep loops n times even for an empty result; the wrapper answers at once.
  CHECK(value_of(sandbox, "return string.rep('', 1e15) .. '|' .. string.rep('ab', 3, ',')") == "|ab,ab,ab");
  // Argument errors still name the function.
  CHECK(failure_of(sandbox, "return string.rep()").message == "bad argument #1 to 'rep' (string expected, got no value)");
}

TEST_CASE("pattern functions are bounded by subject, pattern and worst-case steps") {
  LuaSandbox sandbox;
  CHECK(failure_of(sandbox, "return string.find(string.rep('a', 70000), 'b')").message ==
        "string.find: the subject is 70000 bytes; the sandbox matches patterns on at most 65536");
  CHECK(failure_of(sandbox, "return ('abc'):match(string.rep('a', 300))").message ==
        "string.match: the pattern is 300 bytes; the sandbox allows at most 256");
  const CallOutcome backtracking = failure_of(sandbox, "return string.find(string.rep('a', 5000), '.-.-.-b')");
  CHECK(backtracking.message.starts_with("string.find: this pattern could take up to"));
  CHECK(failure_of(sandbox, "for w in string.gmatch(string.rep('a', 5000), 'a*a*') do end").failure ==
        ScriptFailure::Runtime);
  // What rules actually do stays allowed.
  CHECK(value_of(sandbox, "return select(2, ('2024-01-31'):match('^(%d+)-(%d+)-(%d+)$'))") == "01");
  CHECK(value_of(sandbox, "return (string.gsub('a b  c', '%s+', '_'))") == "a_b_c");
  CHECK(value_of(sandbox, "return string.find(string.rep('a', 60000) .. 'b', 'b', 1, true)") == "60001");
}

TEST_CASE("runtime errors name file:line and keep a traceback") {
  LuaSandbox sandbox;
  const CallOutcome outcome = failure_of(sandbox, "local function f(t)\n  return t.x\nend\nreturn f(nil)", "central.lua");
  CHECK(outcome.failure == ScriptFailure::Runtime);
  CHECK(outcome.where == "central.lua:2");
  CHECK(outcome.message == "attempt to index a nil value (local 't')");
  CHECK(outcome.traceback.find("stack traceback") != std::string::npos);
  CHECK(failure_of(sandbox, "error({})").message == "(error object is a table value)");
  CHECK(failure_of(sandbox, "error('plain', 0)").text() == "test.lua:1: plain");
}

TEST_CASE("a sandbox that cannot fit its libraries refuses to start") {
  CHECK_THROWS_WITH(LuaSandbox(SandboxLimits{.memory_bytes = 16u << 10}),
                    Catch::Contains("cannot") && Catch::Contains("16384 bytes"));
}

TEST_CASE("print goes to the rules log with the script position") {
  auto sink = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(16);
  sink->set_pattern("%n|%v");
  auto log = rules_logger();
  log->sinks().push_back(sink);
  LuaSandbox sandbox;
  const CallOutcome outcome = sandbox.execute("hello.lua", "local x = 42\nprint('hello', x, nil)");
  log->sinks().pop_back();
  REQUIRE(outcome.ok());
  const auto lines = sink->last_formatted();
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find("rules|hello.lua:2: hello\t42\tnil") == 0);
}

TEST_CASE("print cannot flood the log") {
  auto sink = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(1000);
  auto log = rules_logger();
  log->sinks().push_back(sink);
  LuaSandbox sandbox;
  const CallOutcome outcome = sandbox.execute("spam.lua", "for i = 1, 500 do print(i) end");
  log->sinks().pop_back();
  REQUIRE(outcome.ok());
  const auto lines = sink->last_raw();
  CHECK(lines.size() == 101);  // 100 lines, then one saying the rest is suppressed
}
