// The validate stage and the request reader on their own: no region, no plugin.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "pipeline/quote_request_json.hpp"
#include "pipeline/request_error.hpp"
#include "pipeline/stages/stages.hpp"

using namespace cahub;
using namespace cahub::pipeline;
using nlohmann::json;

namespace {

const Date kToday = *Date::parse("2026-06-01");

QuoteRequest read(json body) {
  body.emplace("region", "central");
  body.emplace("ca", "bjca");
  return parse_quote_request(body, kToday);
}

std::string bad_request_code(const std::function<void()>& f) {
  try {
    f();
  } catch (const BadRequest& e) {
    return e.code();
  }
  return "no error";
}

}  // namespace

TEST_CASE("the request reader fills defaults for the common case") {
  QuoteRequest r = read({{"business", "new"}});
  CHECK(r.business == Business::New);
  CHECK(r.applicant == ApplicantKind::Org);
  CHECK(r.channel == Channel::Onsite);
  CHECK(r.key == KeyType::Master);
  CHECK(r.years == 0);
  CHECK(r.today == kToday);
  CHECK(r.circumstances.registered);
  CHECK(r.circumstances.expert_in_database);
  CHECK_FALSE(r.circumstances.open_bid);
  CHECK_FALSE(r.circumstances.delegated);
}

TEST_CASE("the request reader takes every field") {
  QuoteRequest r = read({{"business", "reissue_damaged"}, {"applicant", "org_person"}, {"channel", "mail"},
                         {"key", "secondary"}, {"years", 2}, {"today", "2026-07-01"},
                         {"cert_not_before", "2026-01-01"}, {"cert_not_after", "2027-01-01"},
                         {"first_issued", "2025-01-01"}, {"defect", "quality"}, {"registered", false},
                         {"open_bid", true}, {"public_institution", true}, {"former_ca", "jscca"}});
  CHECK(r.business == Business::ReissueDamaged);
  CHECK(r.applicant == ApplicantKind::OrgPerson);
  CHECK(r.channel == Channel::Mail);
  CHECK(r.key == KeyType::Secondary);
  CHECK(r.years == 2);
  CHECK(r.today.iso() == "2026-07-01");
  CHECK(r.first_issued->iso() == "2025-01-01");
  CHECK(r.defect == Defect::Quality);
  CHECK_FALSE(r.circumstances.registered);
  CHECK(r.circumstances.open_bid);
  CHECK(r.circumstances.public_institution);
  CHECK(r.circumstances.former_ca == "jscca");
}

TEST_CASE("the request reader refuses what it does not understand, with a stable code") {
  CHECK(bad_request_code([] { read({{"business", "renewal"}}); }) == "unknown_business");
  CHECK(bad_request_code([] { read({{"business", "new"}, {"channel", "fax"}}); }) == "unknown_channel");
  CHECK(bad_request_code([] { read({{"business", "new"}, {"applicant", "company"}}); }) == "unknown_applicant");
  CHECK(bad_request_code([] { read({{"business", "new"}, {"today", "2026-02-29"}}); }) == "bad_date");
  CHECK(bad_request_code([] { read({{"business", "new"}, {"years", 1.5}}); }) == "bad_years");
  CHECK(bad_request_code([] { read({{"business", "new"}, {"years", 0}}); }) == "bad_years");
  CHECK(bad_request_code([] { read({{"business", "new"}, {"years", "1"}}); }) == "bad_years");
  CHECK(bad_request_code([] { read({{"business", "new"}, {"open_bid", "yes"}}); }) == "bad_field");
  CHECK(bad_request_code([] { read({{"business", "new"}, {"colour", "red"}}); }) == "unknown_field");
  CHECK(bad_request_code([] { read({{"channel", "onsite"}}); }) == "missing_business");
  CHECK(bad_request_code([] { parse_quote_request(json::array(), kToday); }) == "bad_request");
}

TEST_CASE("an unknown field's long key is cut at a character boundary, not through a character") {
  // Found by tests/fuzz/request_json.cpp: 64 bytes of a Chinese key end inside its 22nd character.
  std::string key;
  for (int i = 0; i < 30; ++i) key += "统";  // 3 bytes each
  try {
    read({{"business", "new"}, {key, 1}});
    FAIL("an unknown field is refused");
  } catch (const BadRequest& e) {
    CHECK(e.code() == "unknown_field");
    const std::string message = e.what();
    CHECK_THAT(message, Catch::Contains("'" + key.substr(0, 63) + "…'"));
    CHECK_NOTHROW(json(message).dump());  // strict: throws on a broken character
  }
}

TEST_CASE("validate: certificate facts the business needs") {
  auto validated = [](json body) {
    QuoteContext ctx;
    ctx.request = read(std::move(body));
    return validate(ctx);
  };
  auto code = [&](json body) { return bad_request_code([&] { validated(std::move(body)); }); };

  CHECK(validated({{"business", "new"}}) == StageOutcome::Passed);
  CHECK(code({{"business", "renew"}}) == "missing_certificate_dates");
  CHECK(validated({{"business", "renew"}, {"cert_not_after", "2026-08-01"}}) == StageOutcome::Passed);
  CHECK(code({{"business", "reissue_lost"}, {"cert_not_after", "2026-08-01"}}) == "missing_certificate_dates");
  CHECK(code({{"business", "change"}, {"cert_not_before", "2026-08-01"}, {"cert_not_after", "2026-01-01"}}) ==
        "bad_certificate_dates");
  CHECK(code({{"business", "new"}, {"defect", "quality"}}) == "defect_not_applicable");
  CHECK(code({{"business", "reissue_damaged"}, {"cert_not_before", "2026-01-01"}, {"cert_not_after", "2027-01-01"},
              {"first_issued", "2026-07-01"}}) == "bad_first_issued");
}

// "证书介质质保期为一年，自证书初次发放日起计算" (seed 003): a renewal reuses the medium, so the
// certificate's start is not the medium's first issue; unknown stays unknown (audit C10).
TEST_CASE("validate: the medium's first issue is never taken from the certificate's start") {
  QuoteContext ctx;
  ctx.request = read({{"business", "reissue_damaged"}, {"cert_not_before", "2026-01-01"}, {"cert_not_after", "2027-01-01"}});
  validate(ctx);
  CHECK_FALSE(ctx.request.first_issued);
  QuoteContext given;
  given.request = read({{"business", "reissue_damaged"}, {"cert_not_before", "2026-01-01"}, {"cert_not_after", "2027-01-01"},
                        {"first_issued", "2025-01-01"}});
  validate(given);
  REQUIRE(given.request.first_issued);
  CHECK(given.request.first_issued->iso() == "2025-01-01");
}
