// A script's error text is bounded wherever it goes: error(string.rep("E", 1 << 20)) must not put
// a megabyte into a log line, a finding or an HTTP answer.
#include <string>

#include <catch2/catch.hpp>

#include "rule_test_support.hpp"
#include "rules/lua_sandbox.hpp"
#include "rules/script_failure.hpp"
#include "rules/script_findings.hpp"

using namespace cahub::rules;
using namespace cahub::rules::test;

namespace {

const std::string kEllipsis = "\xE2\x80\xA6";  // U+2026

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

}  // namespace

TEST_CASE("bounded_script_text keeps short text and cuts long text with a marker", "[rules][errors]") {
  CHECK(bounded_script_text("central.lua:3: plain") == "central.lua:3: plain");
  const std::string exact(kMaxScriptErrorBytes, 'x');
  CHECK(bounded_script_text(exact) == exact);

  const std::string cut = bounded_script_text(std::string(1 << 20, 'E'));
  CHECK(cut.size() <= kMaxScriptErrorBytes);
  CHECK(cut.starts_with(std::string(400, 'E')));
  const std::size_t kept = cut.find(' ');
  REQUIRE(kept != std::string::npos);
  CHECK(cut.substr(kept) == " " + kEllipsis + "(" + std::to_string((1u << 20) - kept) + " more bytes)");
  CHECK(bounded_script_text(cut) == cut);  // bounding twice changes nothing

  // Never half a character: 中 is three bytes.
  std::string chinese;
  for (int i = 0; i < 1000; ++i) chinese += "中";
  const std::string cut_zh = bounded_script_text(chinese, 100);
  CHECK(cut_zh.size() <= 100);
  CHECK(valid_utf8(cut_zh));
  CHECK(cut_zh.starts_with("中中中"));
}

TEST_CASE("error(string.rep('E', 1 << 20)) comes back bounded, with its position", "[rules][errors]") {
  LuaSandbox sandbox;
  const CallOutcome outcome = sandbox.execute("big.lua", "error(string.rep('E', 1 << 20))");
  REQUIRE(outcome.failure == ScriptFailure::Runtime);
  CHECK(outcome.where == "big.lua:1");
  CHECK(outcome.message.size() <= kMaxScriptErrorBytes);
  CHECK(outcome.message.find("more bytes)") != std::string::npos);
  CHECK(outcome.text().size() <= kMaxScriptErrorBytes + outcome.where.size() + 2);
  CHECK(outcome.traceback.size() <= kMaxScriptTracebackBytes);
  // The state goes on working.
  std::string answer;
  CHECK(sandbox.execute("ok.lua", "return 1 + 1", &answer).ok());
  CHECK(answer == "2");
}

TEST_CASE("a region script's huge error, name or token is bounded in its finding", "[rules][errors]") {
  SECTION("error() at the top level") {
    const auto findings = findings_of(kRegionHeader + "error(string.rep('E', 1 << 20))\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].size() <= kMaxScriptErrorBytes + 32);
    CHECK(findings[0].starts_with("central.lua:"));
    CHECK(findings[0].find(": EEEE") != std::string::npos);
  }
  // 8 KiB is plenty to show the bound (16 times it) and keeps the parser's work small.
  SECTION("an unknown name 8 KiB long") {
    const auto findings = findings_of(kRegionHeader + "local x = " + std::string(1 << 13, 'a') + "\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].size() <= kMaxScriptErrorBytes + 32);
    CHECK(findings[0].find("unknown name 'aaaa") != std::string::npos);
  }
  SECTION("a syntax error near an 8 KiB string literal") {
    const auto findings = findings_of(kRegionHeader + "x = 1 \"" + std::string(1 << 13, 'S') + "\"\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].size() <= kMaxScriptErrorBytes + 32);
    CHECK(findings[0].find("syntax error") != std::string::npos);
  }
  SECTION("a declaration quoting an 8 KiB field name") {
    const auto findings = findings_of(kRegionHeader + "fee { business = \"new\", " + std::string(1 << 13, 'k') +
                                      " = 1, code = \"x\", label = \"x\", fen = 1 }\n");
    REQUIRE_FALSE(findings.empty());
    for (const auto& f : findings) CHECK(f.size() <= kMaxFindingBytes + 32);
  }
}

TEST_CASE("finding_at and syntax_finding bound what Lua hands them", "[rules][errors]") {
  CHECK(finding_at("a.lua", "a.lua:3", std::string(100000, 'm')).message.size() <= kMaxScriptErrorBytes);
  const Finding syntax = syntax_finding("a.lua", "a.lua:7: unexpected symbol near '" + std::string(100000, 'q') + "'");
  CHECK(syntax.line == 7);
  CHECK(syntax.message.size() <= kMaxScriptErrorBytes + 16);
}
