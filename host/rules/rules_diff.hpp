#pragma once
// `cahub rules diff OLD.lua NEW.lua`: what an edit of a region script changes for customers, not
// which lines of text changed.
//
// Both versions answer the same requests — every CA, business, applicant kind, channel, validity
// years and key type both versions offer, under each combination of the circumstances their
// when/unless tables test (delegated, expired, a quality defect, ...), on today's date and on
// each `effective` date of either version — and the answers are compared: each fee line (amount
// old → new, added, removed, priced ↔ unpriced), each material (added, removed, copies and
// flags), each refusal, the renewal window in force and the validity basis, and the region's
// agreement with each CA: whether it offers the request (offer{}), each step, the review time
// in force and each limit across orders. What region{} itself
// offers (CAs, businesses, channels, applicants, years) is compared directly. Rows that differ
// in the same way are merged, so one changed price reads as one row, with "any" for a dimension
// over which it does not vary.
//
// A function-valued condition is called with the circumstances' defaults (it cannot say which
// attributes it reads), so a change hidden behind one is found only for those defaults.

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "domain/date.hpp"
#include "rules/region_rules.hpp"

namespace cahub::rules {

struct CustomerChange {
  std::string aspect;  // "region", "fee", "material", "refusal", "renewal window", "validity", "offer",
                       // "step", "review", "limit"
  std::string item;    // fee or material code, reason code, business, or the region{} field
  std::string change;  // "changed", "added", "removed"
  // Where it applies: each a comma list of codes, or "any" (everything both versions offer).
  std::string ca, business, applicant, channel, years, key;
  std::string when;    // circumstances it depends on ("delegated", "expired"), or ""
  std::string from;    // the first date it applies, when it depends on an effective date, or ""
  std::string old_value, new_value;  // "—" where there is nothing
};

// Throws RuleError when a function condition fails on either version.
std::vector<CustomerChange> diff_for_customers(const RegionRules& old_rules, const RegionRules& new_rules, Date today);

// A table for people (one row per change), and the same as JSON for programs.
std::string render_changes(const std::vector<CustomerChange>& changes);
nlohmann::ordered_json changes_to_json(const std::vector<CustomerChange>& changes);

}  // namespace cahub::rules
