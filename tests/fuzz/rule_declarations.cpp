// Region scripts (the declaration reader, host/rules/declaration_reader.cpp, and the load checks
// around it) on any text, run in the real sandbox with small limits. Properties:
//   - loading never throws: a script gives compiled rules or findings, never both, never neither;
//   - every finding names the file, a line within the script (0 for the whole file) and says
//     something; findings come in line order;
//   - loading is deterministic: the same text gives the same findings (Lua's table order is not),
//     unless the wall-clock backstop stopped it, which a busy machine may make it do once only;
//   - what loads keeps the bounds the reader promises: the region id is the file's name, every
//     entry names its file:line, fees are 0..10^12 fen, copies 1..99, review days 0..365 with
//     min <= max, windows 0..3650 days, limits 1..1000, years 1..50.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "rules/compiled_rules.hpp"
#include "rules/instruction_budget.hpp"
#include "rules/region_rules.hpp"

using namespace cahub;
using namespace cahub::rules;
using cahub::fuzz::expect;

namespace {

// Small, so that a runaway script costs milliseconds: the limits themselves are tested elsewhere.
const SandboxLimits kLimits{.instructions_per_call = 200'000, .memory_bytes = 4u << 20, .milliseconds_per_call = 500};
const std::string kFile = "fuzz.lua";

std::string shown(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) out += f.text() + "\n";
  return out;
}

bool same(const std::vector<Finding>& a, const std::vector<Finding>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Finding& x, const Finding& y) {
    return x.file == y.file && x.line == y.line && x.message == y.message;
  });
}

void check_entry(const Declared& e, int lines, std::string_view what) {
  expect(e.line >= 1 && e.line <= lines, "an entry's line is in the script", what);
  expect(e.source == kFile + ":" + std::to_string(e.line), "an entry's source is file:line", e.source);
}

void check_years(const std::vector<int>& years) {
  for (int y : years) expect(y >= 1 && y <= kMaxYears, "validity years are 1..50");
}

void check_compiled(const RegionRules::Compiled& c, int lines) {
  expect(c.region.id == "fuzz", "a loaded script's region id is its file name", c.region.id);
  expect(!c.region.name.empty(), "a loaded region has a name");
  check_years(c.region.years);
  for (const FeeEntry& e : c.fees) {
    check_entry(e, lines, "fee");
    expect(!e.fen || (*e.fen >= 0 && *e.fen <= 1'000'000'000'000), "a fee is 0..10^12 fen");
    expect(!e.code.empty(), "a fee has a code");
  }
  for (const MaterialEntry& e : c.materials) {
    check_entry(e, lines, "material");
    expect(e.copies >= 1 && e.copies <= 99, "a material's copies are 1..99");
  }
  for (const ReviewEntry& e : c.reviews) {
    check_entry(e, lines, "review");
    expect(e.min_days >= 0 && e.min_days <= e.max_days && e.max_days <= 365, "review days are 0 <= min <= max <= 365");
  }
  for (const RenewalWindowEntry& e : c.renewal_windows) {
    check_entry(e, lines, "renewal_window");
    expect(e.days_before_expiry >= 0 && e.days_before_expiry <= 3650, "a renewal window is 0..3650 days");
  }
  for (const LimitEntry& e : c.order_limits) {
    check_entry(e, lines, "limit");
    expect(e.at_most >= 1 && e.at_most <= 1000, "a limit is 1..1000");
  }
  for (const YearsOffered& e : c.years_offered) {
    check_entry(e, lines, "years_offered");
    check_years(e.years);
  }
  for (const auto& e : c.refusals) check_entry(e, lines, "refuse");
  for (const auto& e : c.validities) check_entry(e, lines, "validity");
  for (const auto& e : c.offers) check_entry(e, lines, "offer");
  for (const auto& e : c.steps) check_entry(e, lines, "step");
}

bool timed_out(const LoadResult& r) {
  return std::any_of(r.findings.begin(), r.findings.end(),
                     [](const Finding& f) { return f.message.find(kTimeLimitText) != std::string::npos; });
}

// Lines as Lua's lexer counts them: "\n", "\r", "\r\n" and "\n\r" each end one.
int lines_of(std::string_view source) {
  int lines = 1;
  for (std::size_t i = 0; i < source.size(); ++i) {
    const char c = source[i];
    if (c != '\n' && c != '\r') continue;
    ++lines;
    if (i + 1 < source.size() && (source[i + 1] == '\n' || source[i + 1] == '\r') && source[i + 1] != c) ++i;
  }
  return lines;
}

LoadResult load(const std::string& source) {
  try {
    return RegionRules::load_text(kFile, source, kLimits);
  } catch (const std::exception& e) {
    fuzz::unexpected_exception("RegionRules::load_text", e);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string source(reinterpret_cast<const char*>(data), size);
  const int lines = lines_of(source);
  const LoadResult result = load(source);
  expect((result.rules == nullptr) != result.findings.empty(), "a script gives rules or findings, not both");
  for (const Finding& f : result.findings) {
    expect(f.file == kFile, "a finding names the file", f.text());
    expect(f.line >= 0 && f.line <= lines, "a finding's line is in the script", f.text());
    expect(!f.message.empty(), "a finding says something", f.text());
  }
  expect(std::is_sorted(result.findings.begin(), result.findings.end(),
                        [](const Finding& a, const Finding& b) { return a.line < b.line; }),
         "findings come in line order", shown(result.findings));
  if (result.rules) check_compiled(result.rules->compiled(), lines);

  // The wall-clock backstop is the one thing that may differ between two runs (a busy machine):
  // a script stopped by it is not compared.
  const LoadResult again = load(source);
  if (timed_out(result) || timed_out(again)) return 0;
  expect((again.rules == nullptr) == (result.rules == nullptr) && same(again.findings, result.findings),
         "loading a script is deterministic", shown(result.findings) + "--- then:\n" + shown(again.findings));
  return 0;
}
