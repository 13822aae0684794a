#include "rules/attributes.hpp"

#include <array>

#include "cahub/plugin.h"

namespace cahub::rules {
namespace {

using K = AttributeKind;
using A = Attribute;

// In enum order: attribute_info() indexes it.
constexpr std::array<AttributeInfo, 25> kAttributes{{
    {"business", A::Business, K::Business},
    {"channel", A::Channel, K::Channel},
    {"applicant", A::Applicant, K::Applicant},
    {"key", A::Key, K::Key},
    {"years", A::Years, K::Years},
    {"today", A::Today, K::Date},
    {"expired", A::Expired, K::Bool},
    {"days_to_expiry", A::DaysToExpiry, K::Integer},
    {"days_since_expiry", A::DaysSinceExpiry, K::Integer},
    {"cert_not_before", A::CertNotBefore, K::Date},
    {"cert_not_after", A::CertNotAfter, K::Date},
    {"first_issued", A::FirstIssued, K::Date},
    {"defect", A::Defect, K::Defect},
    {"registered", A::Registered, K::Bool},
    {"expert_in_database", A::ExpertInDatabase, K::Bool},
    {"open_bid", A::OpenBid, K::Bool},
    {"has_master_key", A::HasMasterKey, K::Bool},
    {"delegated", A::Delegated, K::Bool},
    {"legal_rep_in_person", A::LegalRepInPerson, K::Bool},
    {"public_institution", A::PublicInstitution, K::Bool},
    {"agent_changed", A::AgentChanged, K::Bool},
    {"former_ca", A::FormerCa, K::Text},
    {"warranty_covers_medium", A::WarrantyCoversMedium, K::Bool},
    {"provider_requires_review", A::ProviderRequiresReview, K::Bool},
    {"ca", A::Ca, K::Text},
}};

constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < kAttributes.size(); ++i)
    if (static_cast<std::size_t>(kAttributes[i].attribute) != i) return false;
  return true;
}
static_assert(in_enum_order());
static_assert(kAttributes.size() <= 32, "RequestFacts::flags holds one bit per attribute");

constexpr std::uint32_t bit(Attribute a) { return 1u << static_cast<unsigned>(a); }

}  // namespace

std::span<const AttributeInfo> all_attributes() { return kAttributes; }

const AttributeInfo& attribute_info(Attribute attribute) { return kAttributes[static_cast<std::size_t>(attribute)]; }

std::optional<Attribute> parse_attribute(std::string_view name) {
  for (const auto& a : kAttributes)
    if (a.name == name) return a.attribute;
  return std::nullopt;
}

RequestFacts RequestFacts::of(const RuleInput& in, int default_years) {
  const QuoteRequest& r = in.request;
  RequestFacts f;
  f.business = r.business;
  f.channel = r.channel;
  f.applicant = r.applicant;
  f.key = r.key;
  f.years = in.years > 0 ? in.years : r.years > 0 ? r.years : default_years;
  f.today = r.today;
  f.cert_not_before = r.cert_not_before;
  f.cert_not_after = r.cert_not_after;
  f.first_issued = r.first_issued;  // unknown stays unknown: see validate.cpp (audit C10)
  f.defect = r.defect;
  f.former_ca = r.circumstances.former_ca;
  f.ca = r.ca;
  if (r.cert_not_after) {
    const int remaining = *r.cert_not_after - r.today;
    f.days_to_expiry = remaining;
    f.days_since_expiry = remaining < 0 ? -remaining : 0;
  }
  const Circumstances& c = r.circumstances;
  std::uint32_t flags = 0;
  if (r.certificate_expired()) flags |= bit(A::Expired);
  if (c.registered) flags |= bit(A::Registered);
  if (c.expert_in_database) flags |= bit(A::ExpertInDatabase);
  if (c.open_bid) flags |= bit(A::OpenBid);
  if (c.has_master_key) flags |= bit(A::HasMasterKey);
  if (c.delegated) flags |= bit(A::Delegated);
  if (c.legal_rep_in_person) flags |= bit(A::LegalRepInPerson);
  if (c.public_institution) flags |= bit(A::PublicInstitution);
  if (c.agent_changed) flags |= bit(A::AgentChanged);
  if (in.provider_facts & CAHUB_FACT_WARRANTY_COVERS_MEDIUM) flags |= bit(A::WarrantyCoversMedium);
  if (in.provider_facts & CAHUB_FACT_REQUIRES_REVIEW) flags |= bit(A::ProviderRequiresReview);
  f.flags = flags;
  return f;
}

}  // namespace cahub::rules
