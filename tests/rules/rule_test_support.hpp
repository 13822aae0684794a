#pragma once
// Helpers shared by the rule engine tests: a region header, loading a script that must load,
// and a request with the fields most tests leave alone.

#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "domain/date.hpp"
#include "domain/quote.hpp"
#include "domain/quote_request.hpp"
#include "rules/region_rules.hpp"

namespace cahub::rules::test {

// Ten lines, so the first entry after it is on line 11. BJCA offers everything region{} lists.
inline const std::string kRegionHeader = R"(region {
  id = "central", name = "中直机关采购管理系统",
  name_en = "Central government procurement",
  accepts = { "bjca" },
  applicants = { "org", "person" },
  channels = { "onsite", "online", "mail" },
  businesses = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "revoke", "freeze" },
  years = { 1, 2 },
}
offer { ca = "bjca", business = { "new", "renew", "reissue_lost", "reissue_damaged", "change", "unlock", "revoke", "freeze" } }
)";

inline Date day(const char* iso) {
  const auto d = Date::parse(iso);
  REQUIRE(d);
  return *d;
}

inline std::string joined(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings) out += f.text() + "\n";
  return out;
}

// The header plus `entries`, which must load without findings.
inline std::shared_ptr<const RegionRules> load_ok(const std::string& entries, const std::string& file = "central.lua",
                                                  const SandboxLimits& limits = {}) {
  LoadResult r = RegionRules::load_text(file, kRegionHeader + entries, limits);
  INFO(joined(r.findings));
  REQUIRE(r.findings.empty());
  REQUIRE(r.rules);
  return r.rules;
}

// The finding texts of a whole script (no header added).
inline std::vector<std::string> findings_of(const std::string& script, const std::string& file = "central.lua") {
  LoadResult r = RegionRules::load_text(file, script);
  std::vector<std::string> out;
  for (const auto& f : r.findings) out.push_back(f.text());
  if (!r.findings.empty()) CHECK_FALSE(r.rules);
  return out;
}

inline QuoteRequest request(Business business, Channel channel = Channel::Onsite,
                            ApplicantKind applicant = ApplicantKind::Org) {
  QuoteRequest r;
  r.region = "central";
  r.ca = "bjca";
  r.business = business;
  r.channel = channel;
  r.applicant = applicant;
  r.today = day("2024-06-01");
  if (concerns_existing_certificate(business)) {
    r.cert_not_before = day("2023-06-20");
    r.cert_not_after = day("2024-06-20");
  }
  return r;
}

}  // namespace cahub::rules::test
