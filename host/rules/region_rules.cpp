// RegionRules: what the pipeline asks of a loaded script besides the stages (those live in
// fee_schedule.cpp, materials_checklist.cpp, eligibility.cpp, validity_rules.cpp).
#include "rules/region_rules.hpp"

#include <algorithm>

#include "rules/compiled_rules.hpp"

namespace cahub::rules {

std::string Finding::text() const {
  // A problem of the whole file (no region{} at all, an unreadable file) has no line.
  return line > 0 ? file + ":" + std::to_string(line) + ": " + message : file + ": " + message;
}

RegionRules::RegionRules(std::unique_ptr<Compiled> compiled) : compiled_(std::move(compiled)) {}
RegionRules::~RegionRules() = default;

const std::string& RegionRules::id() const { return compiled_->region.id; }
const std::string& RegionRules::name() const { return compiled_->region.name; }
const std::string& RegionRules::name_en() const { return compiled_->region.name_en; }
const std::string& RegionRules::file() const { return compiled_->file; }
const std::string& RegionRules::content_sha256() const { return compiled_->sha256; }
const std::vector<std::string>& RegionRules::accepted_cas() const { return compiled_->region.accepts; }
const std::vector<int>& RegionRules::allowed_years() const { return compiled_->region.years; }
bool RegionRules::years_published() const { return compiled_->region.years_published; }
const std::vector<int>& RegionRules::allowed_years(std::string_view ca) const { return compiled_->years_for(ca); }

std::vector<std::pair<std::string, std::vector<int>>> RegionRules::years_by_ca() const {
  std::vector<std::pair<std::string, std::vector<int>>> out;
  for (const auto& y : compiled_->years_offered)
    for (const auto& ca : y.selector.cas) out.emplace_back(ca, y.years);
  std::sort(out.begin(), out.end());
  return out;
}

bool RegionRules::accepts(std::string_view ca) const {
  const auto& cas = compiled_->region.accepts;
  return std::find(cas.begin(), cas.end(), ca) != cas.end();
}

bool RegionRules::offers(Business business) const { return compiled_->region.businesses & code_bit(business); }
bool RegionRules::serves(ApplicantKind applicant) const { return compiled_->region.applicants & code_bit(applicant); }
bool RegionRules::offers_channel(Channel channel) const { return compiled_->region.channels & code_bit(channel); }

}  // namespace cahub::rules
