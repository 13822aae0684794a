#pragma once
// What a caller asks: "what would business B with CA C in region R cost, need and yield?"
// The same structure feeds a quote and, later, an order. Validation lives in the pipeline's
// validate stage; this is plain data.

#include <optional>
#include <string>

#include "domain/date.hpp"
#include "domain/vocabulary.hpp"

namespace cahub {

// Circumstances that rules depend on but that the host cannot know by itself (yet).
// Defaults are the common case; docs/rules.md lists each with its CLI option.
struct Circumstances {
  bool registered = true;            // 主体入库: the unit is in the platform's subject database
  bool expert_in_database = true;    // an expert applicant is in the (provincial) expert database
  bool open_bid = false;             // an encrypted bid made with the certificate is not yet opened
  bool has_master_key = false;       // the unit already holds a master key
  bool delegated = false;            // someone applies on the holder's behalf (委托)
  bool legal_rep_in_person = false;  // the legal representative comes in person
  bool public_institution = false;   // 事业单位: not in the business registry
  bool agent_changed = false;        // the agent (经办人) differs from the one on record
  std::string former_ca;             // e.g. "jscca" for a certificate of the former Jiangsu CA
};

struct QuoteRequest {
  std::string region;  // region script id, e.g. "central"
  std::string ca;      // plugin id, e.g. "bjca"
  Business business = Business::New;
  ApplicantKind applicant = ApplicantKind::Org;
  Channel channel = Channel::Onsite;
  KeyType key = KeyType::Master;
  int years = 0;  // 0 = the region's default validity
  // The certificate the order is about (every business but new and add).
  std::optional<Date> cert_not_before;
  std::optional<Date> cert_not_after;
  std::optional<Date> first_issued;  // when its medium was first issued; absent when unknown
  std::optional<Defect> defect;      // reissue_damaged only
  Date today;                        // decided by the host, never by a script
  Circumstances circumstances;

  bool certificate_expired() const { return cert_not_after && *cert_not_after < today; }
};

}  // namespace cahub
