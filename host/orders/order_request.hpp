#pragma once
// An order as staff ask for it, parsed once at the edge (edge/order_request_json.hpp): a quote
// request plus who applies and, for every business but new and add, the certificate concerned.
// Every field here has been checked for type, length and, where it has check characters, for them.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/quote_request.hpp"
#include "domain/vocabulary.hpp"

namespace cahub::orders {

// Who applies, as the clerk typed it (applicant_details). A unit is known by its USCC, a person
// by the resident ID number; an org_person certificate is the unit's, held by a named person.
struct ApplicantDetails {
  std::string name;         // the unit's or the person's name
  std::string uscc;         // org, org_person
  std::string id_number;    // person; org_person: the holder's
  std::string person_name;  // org_person: the holder
  std::string mobile, postcode, address;  // contact, checked when given (address: mail-in orders)
};

struct OrderRequest {
  QuoteRequest quote;  // what is quoted; the registry's facts are added at acceptance
  ApplicantDetails applicant;
  std::string previous_serial;  // the certificate concerned (empty for new and add)
  std::optional<RevocationReason> revocation_reason;  // revoke only
  // The body as received, kept for the record, and its canonical hash (one text per request):
  // a retry with the same idempotency key must send the same request.
  nlohmann::json as_received;
  std::string request_hash;

  // The customer's identity: the USCC of a unit, the ID number of a person.
  const std::string& identity() const {
    return quote.applicant == ApplicantKind::Person ? applicant.id_number : applicant.uscc;
  }
};

}  // namespace cahub::orders
