#include "specs/spec_runner.hpp"

#include <algorithm>
#include <map>

#include "domain/money.hpp"
#include "pipeline/quote_json.hpp"
#include "pipeline/quote_pipeline.hpp"
#include "pipeline/quote_request_json.hpp"
#include "pipeline/request_error.hpp"
#include "plugins/plugin_registry.hpp"
#include "rules/rule_book.hpp"

namespace cahub::specs {
namespace {

using nlohmann::json;

// 26000 -> "260.00 (26000 fen)"; null -> "unpriced".
std::string money(const json& fen) {
  if (fen.is_number_integer()) return format_cny(fen.get<Fen>()) + " (" + std::to_string(fen.get<Fen>()) + " fen)";
  return "unpriced";
}

std::string from(const json& item) {
  return item.contains("source") ? " from " + item["source"].get<std::string>() : std::string();
}

std::string material_code(const json& m) { return m.is_string() ? m.get<std::string>() : m["1"].get<std::string>(); }

// Compares one answered quote (quote_to_json with explain) with what the case expects.
class Comparison {
 public:
  explicit Comparison(const json& quote) : q_(quote) {}
  std::vector<std::string> differences;

  void fee(const json& expected) {
    std::map<std::string, json> got;
    for (const json& item : q_["fee"]["items"]) got.emplace(item["code"], item);
    for (const auto& [code, amount] : expected.items()) {
      const auto it = got.find(code);
      const json want = amount == "unpriced" ? json(nullptr) : amount;
      if (it == got.end())
        differ("fee " + code + ": expected " + money(want) + ", but the quote has no such line");
      else if (it->second["amount_fen"] != want)
        differ("fee " + code + ": expected " + money(want) + ", got " + money(it->second["amount_fen"]) + from(it->second));
    }
    for (const auto& [code, item] : got)
      if (!expected.contains(code)) differ("fee " + code + ": not expected, got " + money(item["amount_fen"]) + from(item));
  }

  void total(const json& expected) {
    const json want = expected == "unpriced" ? json(nullptr) : expected;
    if (q_["fee"]["total_fen"] != want)
      differ("total: expected " + money(want) + ", got " + money(q_["fee"]["total_fen"]) + unpriced_because());
  }

  void materials(const json& expected, bool exact) {
    std::vector<std::string> wanted;
    for (const json& m : expected) {
      const std::string code = material_code(m);
      wanted.push_back(code);
      const json* line = material(code);
      if (!line) {
        differ("material " + code + ": expected, but the quote does not list it");
        continue;
      }
      if (!m.is_object()) continue;
      for (const auto& [flag, value] : m.items())
        if (flag != "1" && (*line)[flag] != value)
          differ("material " + code + ": expected " + flag + " = " + value.dump() + ", got " + (*line)[flag].dump() +
                 from(*line));
    }
    if (!exact) return;
    for (const json& line : q_["materials"])
      if (std::find(wanted.begin(), wanted.end(), line["code"]) == wanted.end())
        differ("material " + line["code"].get<std::string>() + ": not expected, but listed" + from(line));
  }

  void lacks(const json& codes) {
    for (const json& code : codes)
      if (const json* line = material(code)) differ("material " + code.get<std::string>() + ": expected absent, but listed" + from(*line));
  }

  void eligible(const json& expected) {
    if (q_["eligible"] != expected) differ("eligible: expected " + expected.dump() + ", got " + q_["eligible"].dump() + reasons());
  }

  void refused(json expected) {
    if (expected.is_string()) expected = json::array({expected});
    std::vector<std::string> want = expected, got;
    for (const json& n : q_["reason_details"]) got.push_back(n["code"]);
    // As sets: the provider and the region may both give the same reason (bidding_lock).
    for (auto* codes : {&want, &got}) {
      std::sort(codes->begin(), codes->end());
      codes->erase(std::unique(codes->begin(), codes->end()), codes->end());
    }
    if (want != got) differ("refused: expected " + json(want).dump() + ", got " + json(got).dump() + reasons());
  }

  void validity(const json& expected) {
    const json& v = q_["validity"];
    if (expected == "none") {
      if (!v.is_null()) differ("validity: expected none, got " + v["not_before"].get<std::string>() + " → " + v["not_after"].dump() + from(v));
      return;
    }
    if (v.is_null()) {
      differ("validity: expected " + expected.dump() + ", but the quote has none");
      return;
    }
    const std::map<std::string, std::string> field{{"from", "not_before"}, {"to", "not_after"}, {"basis", "basis"}};
    for (const auto& [key, want] : expected.items()) {
      if (key == "convention") {
        if (v.contains("convention") != want.get<bool>())
          differ(want.get<bool>() ? "validity: expected a declared convention, but the quote states none" + from(v)
                                  : "validity: expected a published rule, but the quote states a convention: " +
                                        v["convention"].get<std::string>() + from(v));
        continue;
      }
      const json& got = v[field.at(key)];
      const json want_value = want == "not published" ? json(nullptr) : want;
      if (got != want_value)
        differ("validity " + key + ": expected " + want.get<std::string>() + ", got " +
               (got.is_null() ? std::string("not published") : got.get<std::string>()) + from(v));
    }
  }

  void years(const json& expected) {
    const json want = expected == "not published" ? json(nullptr) : expected;
    if (q_["years"] != want) differ("years: expected " + expected.dump() + ", got " + (q_["years"].is_null() ? std::string("not published") : q_["years"].dump()));
  }

  void review(const json& expected) {
    if (q_["requires_review"] != expected) differ("review: expected " + expected.dump() + ", got " + q_["requires_review"].dump());
  }

  // review_days = N means "within N" or exactly N (max N); { min, max } both bounds; "none".
  void review_days(const json& expected) {
    const json& max = q_["review_working_days"];
    const json& min = q_["review_working_days_min"];
    const std::string got = max.is_null() ? "none" : (min.is_null() ? "" : min.dump() + "-") + max.dump();
    bool same = false;
    if (expected == "none") same = max.is_null();
    else if (expected.is_number_integer()) same = max == expected;
    else same = max == expected[1] && (expected[0] == 0 ? min.is_null() : min == expected[0]);
    if (!same) differ("review_days: expected " + expected.dump() + ", got " + got);
  }

  // Step codes present (has) or absent (lacks); plugin and script steps alike.
  void steps(const json& codes, bool present) {
    for (const json& code : codes) {
      const json* step = nullptr;
      for (const json& s : q_["steps"])
        if (s["code"] == code) step = &s;
      if (present && !step) differ("step " + code.get<std::string>() + ": expected, but the quote does not list it");
      if (!present && step) differ("step " + code.get<std::string>() + ": expected absent, but listed" + from(*step));
    }
  }

  // Exactly these limit codes apply.
  void limits(const json& expected) {
    std::vector<std::string> want = expected, got;
    for (const json& l : q_["limits"]) got.push_back(l["code"]);
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    if (want != got) differ("limits: expected " + json(want).dump() + ", got " + json(got).dump());
  }

 private:
  void differ(std::string text) { differences.push_back(std::move(text)); }

  const json* material(const json& code) const {
    for (const json& line : q_["materials"])
      if (line["code"] == code) return &line;
    return nullptr;
  }

  std::string reasons() const {
    std::string out;
    for (const json& n : q_["reason_details"])
      out += (out.empty() ? " (" : "; ") + n["code"].get<std::string>() + from(n);
    return out.empty() ? out : out + ")";
  }

  std::string unpriced_because() const {
    const json& why = q_["fee"]["unpriced"];
    return why.empty() ? std::string() : " — " + why[0].get<std::string>();
  }

  const json& q_;
};

CaseResult run_case(const SpecCase& c, const pipeline::QuotePipeline& pipeline, const plugins::PluginRegistry& plugins) {
  CaseResult result{c.where(), c.name, CaseOutcome::Passed, {}};
  const std::string ca = c.request.value("ca", "");
  if (!ca.empty() && !plugins.find(ca)) {
    result.outcome = CaseOutcome::Skipped;
    result.details.push_back("no CA plugin '" + ca + "' is loaded, so the pipeline cannot quote it");
    return result;
  }
  const std::string expected_error = c.expect.value("error", "");
  auto failed = [&](std::string why) {
    result.outcome = CaseOutcome::Failed;
    result.details.push_back(std::move(why));
    return result;
  };
  json quote;
  try {
    const auto ctx = pipeline.run(pipeline::parse_quote_request(c.request, Date::today_utc8()));
    quote = pipeline::quote_to_json(ctx, true);
  } catch (const pipeline::BadRequest& e) {
    if (e.code() == expected_error) return result;
    return failed("rejected (" + e.code() + "): " + e.what());
  } catch (const pipeline::StageFailure& e) {
    return failed("the " + e.stage() + " stage failed: " + e.what());
  }
  if (!expected_error.empty()) return failed("expected the request to be rejected (" + expected_error + "), but it was answered");

  Comparison compare(quote);
  const json& x = c.expect;
  if (x.contains("fee")) compare.fee(x["fee"]);
  if (x.contains("total")) compare.total(x["total"]);
  if (x.contains("materials")) compare.materials(x["materials"], true);
  if (x.contains("has_materials")) compare.materials(x["has_materials"], false);
  if (x.contains("lacks_materials")) compare.lacks(x["lacks_materials"]);
  if (x.contains("eligible")) compare.eligible(x["eligible"]);
  if (x.contains("refused")) compare.refused(x["refused"]);
  if (x.contains("validity")) compare.validity(x["validity"]);
  if (x.contains("years")) compare.years(x["years"]);
  if (x.contains("review")) compare.review(x["review"]);
  if (x.contains("review_days")) compare.review_days(x["review_days"]);
  if (x.contains("has_steps")) compare.steps(x["has_steps"], true);
  if (x.contains("lacks_steps")) compare.steps(x["lacks_steps"], false);
  if (x.contains("limits")) compare.limits(x["limits"]);
  if (!compare.differences.empty()) {
    result.outcome = CaseOutcome::Failed;
    result.details = std::move(compare.differences);
  }
  return result;
}

void run_cases(SpecRun& run, const rules::RuleBook& book, const SpecFile& spec, const plugins::PluginRegistry& plugins) {
  run.findings.insert(run.findings.end(), spec.findings.begin(), spec.findings.end());
  if (!run.findings.empty()) return;
  const pipeline::QuotePipeline pipeline(book, plugins);
  for (const SpecCase& c : spec.cases) run.cases.push_back(run_case(c, pipeline, plugins));
}

}  // namespace

SpecRun run_spec(const std::filesystem::path& script, const std::filesystem::path& spec_path,
                 const plugins::PluginRegistry& plugins, const rules::SandboxLimits& limits) {
  SpecRun run{script, spec_path, {}, {}};
  // Checked first on its own, so that a broken script is reported here once rather than also
  // logged by the book as a refusal.
  run.findings = rules::check_file(script, limits);
  rules::RuleBook book(limits);
  if (run.findings.empty()) run.findings = book.reload_file(script);
  run_cases(run, book, read_spec_file(spec_path, limits), plugins);
  return run;
}

SpecRun run_spec_text(const std::string& region, const std::string& script, const std::string& spec,
                      const plugins::PluginRegistry& plugins, const rules::SandboxLimits& limits) {
  SpecRun run{region + ".lua", region + ".spec.lua", {}, {}};
  rules::LoadResult loaded = rules::RegionRules::load_text(region + ".lua", script, limits);
  run.findings = std::move(loaded.findings);
  rules::RuleBook book(limits);
  // Release 0: a text under evaluation, not yet a release of the region.
  if (run.findings.empty()) book.load_releases({{region, {0, std::nullopt}, script}});
  run_cases(run, book, read_spec_text(region + ".spec.lua", spec, limits), plugins);
  return run;
}

}  // namespace cahub::specs
