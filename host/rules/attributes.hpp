#pragma once
// The attributes a rule may test: the names in `when`/`unless` tables and the fields of the `q`
// table given to rule functions (docs/rules.md, "Attributes"). One list, so the checker, the
// compiled matcher and the `q` table can never disagree on a name.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "domain/date.hpp"
#include "domain/vocabulary.hpp"
#include "rules/region_rules.hpp"

namespace cahub::rules {

enum class Attribute : std::uint8_t {
  Business,
  Channel,
  Applicant,
  Key,
  Years,
  Today,
  Expired,
  DaysToExpiry,
  DaysSinceExpiry,
  CertNotBefore,
  CertNotAfter,
  FirstIssued,
  Defect,
  Registered,
  ExpertInDatabase,
  OpenBid,
  HasMasterKey,
  Delegated,
  LegalRepInPerson,
  PublicInstitution,
  AgentChanged,
  FormerCa,
  WarrantyCoversMedium,
  ProviderRequiresReview,
  Ca,  // the CA plugin id of the request: one region script, several providers' price lists
};

// The type of an attribute's value, which decides what a `when` table may compare it with.
enum class AttributeKind : std::uint8_t { Business, Channel, Applicant, Key, Defect, Years, Integer, Date, Bool, Text };

struct AttributeInfo {
  std::string_view name;
  Attribute attribute;
  AttributeKind kind;
};

std::span<const AttributeInfo> all_attributes();
const AttributeInfo& attribute_info(Attribute attribute);
std::optional<Attribute> parse_attribute(std::string_view name);

// One request as the rules see it, computed once per stage call from a RuleInput without
// allocating. Optional values are absent exactly when the request does not give them.
struct RequestFacts {
  Business business = Business::New;
  Channel channel = Channel::Onsite;
  ApplicantKind applicant = ApplicantKind::Org;
  KeyType key = KeyType::Master;
  int years = 0;
  Date today;
  std::optional<int> days_to_expiry;     // cert_not_after - today: negative once expired
  std::optional<int> days_since_expiry;  // max(0, today - cert_not_after)
  std::optional<Date> cert_not_before;
  std::optional<Date> cert_not_after;
  std::optional<Date> first_issued;      // absent when not given: never the certificate's start
  std::optional<cahub::Defect> defect;
  std::uint32_t flags = 0;               // one bit per Bool attribute, at its enum position
  std::string_view former_ca;            // "" when none
  std::string_view ca;                   // the plugin id the request names, e.g. "cfca"

  bool flag(Attribute a) const { return (flags >> static_cast<unsigned>(a)) & 1u; }
  // Same values (texts compared by content): a rule function's q need not be filled again.
  bool operator==(const RequestFacts&) const = default;

  // `default_years` applies when the input gives none (RuleInput::years == 0 and the request's 0).
  static RequestFacts of(const RuleInput& in, int default_years);
};

}  // namespace cahub::rules
