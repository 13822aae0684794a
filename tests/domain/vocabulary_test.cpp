#include <catch2/catch.hpp>

#include <cahub/plugin.h>

#include "domain/vocabulary.hpp"

using namespace cahub;

TEST_CASE("codes round-trip and unknown codes are refused") {
  for (std::size_t i = 0; i < code_count<Business>(); ++i) {
    const auto b = static_cast<Business>(i);
    CHECK(parse_code<Business>(code_of(b)) == b);
  }
  CHECK(parse_code<Business>("reissue_damaged") == Business::ReissueDamaged);
  CHECK_FALSE(parse_code<Business>("Renew"));
  CHECK_FALSE(parse_code<Business>("reissue"));
  CHECK(parse_code<Channel>("self_service") == Channel::SelfService);
  CHECK_FALSE(parse_code<Channel>("post"));
  CHECK(parse_code<ApplicantKind>("org_person") == ApplicantKind::OrgPerson);
  CHECK(parse_code<KeyType>("secondary") == KeyType::Secondary);
  CHECK(parse_code<Defect>("quality") == Defect::Quality);
}

TEST_CASE("the host's enums and the plugin ABI's codes agree") {
  // The plugin ABI passes these as integers; a drift would silently mis-route every request.
  CHECK(static_cast<int>(Business::New) == CAHUB_BUSINESS_NEW);
  CHECK(static_cast<int>(Business::Renew) == CAHUB_BUSINESS_RENEW);
  CHECK(static_cast<int>(Business::ReissueDamaged) == CAHUB_BUSINESS_REISSUE_DAMAGED);
  CHECK(static_cast<int>(Business::Revoke) == CAHUB_BUSINESS_REVOKE);
  CHECK(code_count<Business>() == CAHUB_BUSINESS_COUNT);
  CHECK(static_cast<int>(Channel::SelfService) == CAHUB_CHANNEL_SELF_SERVICE);
  CHECK(code_count<Channel>() == CAHUB_CHANNEL_COUNT);
  CHECK(static_cast<int>(ApplicantKind::OrgPerson) == CAHUB_APPLICANT_ORG_PERSON);
  CHECK(static_cast<int>(KeyType::Secondary) == CAHUB_KEY_SECONDARY);
  CHECK(static_cast<int>(Defect::Other) == CAHUB_DEFECT_OTHER);
}

TEST_CASE("which businesses yield a certificate and which concern an existing one") {
  CHECK(yields_certificate(Business::New));
  CHECK(yields_certificate(Business::ReissueLost));
  CHECK_FALSE(yields_certificate(Business::Unlock));
  CHECK_FALSE(yields_certificate(Business::Revoke));
  CHECK_FALSE(concerns_existing_certificate(Business::New));
  CHECK(concerns_existing_certificate(Business::Renew));
}
