// Nothing of one region reaches another region's customers (issue 12). Every region script of
// rules/ is asked, through the real pipeline and every real CA plugin, for every CA, business,
// channel, applicant kind and key type under a few circumstances, and every text of every answer
// (reasons, steps, limits, fee labels, materials and notes, validity notes, sources) is searched
// for the places, payees and memos of the other regions.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/quote_json.hpp"
#include "pipeline/quote_pipeline.hpp"
#include "pipeline/request_error.hpp"
#include "plugins/plugin_registry.hpp"
#include "rules/rule_book.hpp"

using namespace cahub;
using nlohmann::json;

namespace {

// What only one region's source says: its cities, offices, payee and memo, telephone prefixes.
// A CA's own name (北京数字认证股份有限公司, 内蒙古数字证书认证有限公司) is not a region's text and is
// not listed: NMGCA may be named in Jinan, Inner Mongolia's trading centre may not.
const std::map<std::string, std::vector<std::string>> kPlacesOf = {
    {"jinan", {"济南", "海辰大厦", "文化西路"}},
    {"qinghai", {"青海", "西宁", "文博大厦", "西川南路", "0971-"}},
    {"guangdong", {"广东政府采购", "广州", "德安大厦", "花园支行", "7443 9001"}},
    {"central", {"京版信息港", "裕民东路", "中直", "中共中央直属", "010-58515511"}},
    {"neimenggu", {"内蒙古自治区", "呼和浩特", "包头", "鄂尔多斯", "巴彦淖尔", "政采云", "400-0471-888", "赛罕区"}},
};

const std::vector<std::string> kCas = {"bjca", "netca", "hbca", "szca", "cfca", "nmgca", "snca"};

// A few circumstances that change which entries apply: as asked, with an expired certificate,
// with a quality defect on a medium first issued recently, and with every flag set.
std::vector<QuoteRequest> variants(QuoteRequest r) {
  std::vector<QuoteRequest> out;
  const Date today = r.today;
  if (concerns_existing_certificate(r.business)) {
    r.cert_not_before = today.plus_days(-300);
    r.cert_not_after = today.plus_days(20);
  }
  out.push_back(r);
  if (concerns_existing_certificate(r.business)) {
    QuoteRequest expired = r;
    expired.cert_not_before = today.plus_days(-800);
    expired.cert_not_after = today.plus_days(-400);
    out.push_back(expired);
  }
  if (r.business == Business::ReissueDamaged) {
    QuoteRequest defect = r;
    defect.defect = Defect::Quality;
    defect.first_issued = today.plus_days(-100);
    out.push_back(defect);
  }
  QuoteRequest flags = r;
  flags.circumstances = {false, false, true, true, true, true, true, true, "jscca"};
  out.push_back(flags);
  return out;
}

template <typename E> std::vector<E> every() {
  std::vector<E> out;
  for (std::size_t i = 0; i < code_count<E>(); ++i) out.push_back(static_cast<E>(i));
  return out;
}

struct Walk {
  std::map<std::string, std::vector<std::string>> leaks;  // "region/ca": what leaked, and where
  std::set<std::string> pairs_walked;                        // "region/ca"
  std::map<std::string, std::set<std::string>> own_places;   // region: its own places it named
  int answered = 0;
};

void search(const std::string& region, const std::string& ca, const json& answer, Walk& walk) {
  const std::string text = answer.dump();
  for (const auto& [other, places] : kPlacesOf)
    for (const auto& place : places) {
      if (text.find(place) == std::string::npos) continue;
      if (other == region) {
        walk.own_places[region].insert(place);
      } else {
        auto& found = walk.leaks[region + "/" + ca];
        if (found.size() < 5) found.push_back(other + "'s \"" + place + "\" in " + text.substr(0, 400));
      }
    }
}

}  // namespace

TEST_CASE("no quote of any region names another region's places, payees or memos (35 region x CA pairs)") {
  const std::filesystem::path var = std::filesystem::temp_directory_path() / ("cahub-isolation-" + std::to_string(::getpid()));
  rules::RuleBook book;
  REQUIRE(book.load_folder(CAHUB_RULES_DIR) == kPlacesOf.size());
  REQUIRE(book.refused().empty());
  plugins::PluginRegistry registry;
  registry.load_folder(CAHUB_PLUGINS_DIR, var);
  for (const auto& ca : kCas) REQUIRE(registry.find(ca));
  const pipeline::QuotePipeline pipeline(book, registry);

  Walk walk;
  for (const auto& [region, unused] : kPlacesOf)
    for (const auto& ca : kCas)
      for (Business b : every<Business>())
        for (Channel c : every<Channel>())
          for (ApplicantKind a : every<ApplicantKind>())
            for (KeyType k : every<KeyType>()) {
              QuoteRequest r;
              r.region = region;
              r.ca = ca;
              r.business = b;
              r.channel = c;
              r.applicant = a;
              r.key = k;
              r.today = *Date::parse("2026-06-01");
              for (const QuoteRequest& v : variants(r)) {
                try {
                  search(region, ca, pipeline::quote_to_json(pipeline.run(v), true), walk);
                  ++walk.answered;
                } catch (const pipeline::BadRequest& e) {
                  FAIL_CHECK(region << "/" << ca << " " << code_of(b) << " rejected: " << e.what());
                }
              }
              walk.pairs_walked.insert(region + "/" + ca);
            }
  std::filesystem::remove_all(var);

  CHECK(walk.pairs_walked.size() == kPlacesOf.size() * kCas.size());
  for (const auto& [pair, found] : walk.leaks) {
    std::string shown;
    for (const auto& f : found) shown += "\n  " + f;
    INFO(pair << shown);
    CHECK(found.empty());
  }
  // The search is alive: each region's own answers name at least one of its own places, so a
  // misspelt marker list cannot make the test pass by finding nothing anywhere.
  for (const auto& [region, places] : kPlacesOf) {
    INFO(region);
    CHECK_FALSE(walk.own_places[region].empty());
  }
  CHECK(walk.answered > 10000);
}
