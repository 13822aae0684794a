#pragma once
// Shared by the plugin tests: where the built plugins are, and small request/answer helpers.

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "domain/date.hpp"
#include "domain/quote_request.hpp"
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "plugins/plugin_registry.hpp"
#include "plugins/provider.hpp"

namespace cahub::plugins::test {

inline std::filesystem::path fixture_dir() { return CAHUB_TEST_FIXTURE_DIR; }
inline std::filesystem::path fixture(std::string_view file) { return fixture_dir() / file; }
inline std::filesystem::path bjca_dir() { return CAHUB_TEST_BJCA_DIR; }
inline std::filesystem::path var_dir() { return CAHUB_TEST_VAR_DIR; }

// A fixed "today", so that day counts in the tests are the ones written in them.
inline Date test_today() { return *Date::from_ymd(2024, 6, 15); }

inline QuoteRequest request(Business business, Channel channel, std::string region = "central") {
  QuoteRequest r;
  r.region = std::move(region);
  r.ca = "bjca";
  r.business = business;
  r.channel = channel;
  r.today = test_today();
  return r;
}

inline const Note* find_note(const std::vector<Note>& notes, std::string_view code) {
  const auto it = std::find_if(notes.begin(), notes.end(), [&](const Note& n) { return n.code == code; });
  return it == notes.end() ? nullptr : &*it;
}

inline bool has_step(const ProviderAssessment& a, std::string_view code) { return find_note(a.steps, code) != nullptr; }

// One real plugin from the host's plugin folder, with what every provider test asks of it.
class PluginUnderTest {
 public:
  // `id` names the plugin; `region` is the region its test requests come from.
  PluginUnderTest(std::string id, std::string region) : id_(std::move(id)), region_(std::move(region)) {}

  // Loaded once per test process; the handle keeps its library loaded after the registry goes.
  std::shared_ptr<const Provider> provider() const {
    if (!provider_) {
      PluginRegistry registry;
      registry.load_folder(bjca_dir(), var_dir());
      provider_ = registry.find(id_);
    }
    REQUIRE(provider_);
    return provider_;
  }

  QuoteRequest request(Business business, Channel channel, ApplicantKind applicant = ApplicantKind::Org) const {
    QuoteRequest r = test::request(business, channel, region_);
    r.ca = id_;
    r.applicant = applicant;
    return r;
  }

  ProviderAssessment assess(const QuoteRequest& r) const { return provider()->assess(r, 1); }

  // The code of the one refusal, after checking it is this plugin's and in both languages.
  std::string only_refusal(const ProviderAssessment& a) const {
    REQUIRE(a.refusals.size() == 1);
    CHECK(a.refusals[0].source == "plugin:" + id_);
    CHECK_FALSE(a.refusals[0].zh.empty());
    CHECK_FALSE(a.refusals[0].en.empty());
    return a.refusals[0].code;
  }

  // Every request the plugin can be asked (every business, channel and applicant kind, with and
  // without certificate dates), from every region: the step codes it ever answers with. Checks on
  // the way that the answer is the same whatever the region and never a review of its own, since
  // the platform's procedure and review times are the region scripts'.
  std::set<std::string> step_codes_everywhere() const {
    std::set<std::string> codes;
    for (Business b : all_codes<Business>())
      for (Channel c : all_codes<Channel>())
        for (ApplicantKind a : all_codes<ApplicantKind>())
          for (bool dated : {false, true}) {
            QuoteRequest r = request(b, c, a);
            if (dated) {
              r.cert_not_before = r.today.plus_days(-340);
              r.cert_not_after = r.today.plus_days(25);
            }
            const ProviderAssessment here = assess(r);
            INFO(code_of(b) << " " << code_of(c) << " " << code_of(a) << (dated ? " dated" : ""));
            CHECK_FALSE(here.requires_review());
            for (const char* region : {"central", "qinghai", "guangdong", "neimenggu", "jinan"}) {
              r.region = region;
              const ProviderAssessment there = assess(r);
              CHECK(there.steps.size() == here.steps.size());
              CHECK(there.refusals.size() == here.refusals.size());
              CHECK(there.facts == here.facts);
            }
            for (const Note& n : here.steps) codes.insert(n.code);
          }
    return codes;
  }

  // This plugin's entry in `cahub plugins list --json`.
  nlohmann::ordered_json described() const {
    PluginRegistry registry;
    registry.load_folder(bjca_dir(), var_dir());
    const auto j = registry.describe();
    const auto& plugins = j.at("plugins");
    const auto it = std::find_if(plugins.begin(), plugins.end(), [&](const auto& p) { return p.at("id") == id_; });
    REQUIRE(it != plugins.end());
    return *it;
  }

 private:
  std::string id_;
  std::string region_;
  mutable std::shared_ptr<const Provider> provider_;
};

}  // namespace cahub::plugins::test
