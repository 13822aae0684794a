// Bad requests get one clear error and change nothing; a failed issue leaves no certificate behind.
#include "issuing_ca.hpp"

using cahub::Date;
using cahub::issuing::test::IssuingCa;
using nlohmann::json;
namespace testing = cahub::testing;

TEST_CASE("operations on an unknown serial answer not found and name the serial") {
  IssuingCa ca("bjca");
  for (const char* op : {"status", "freeze", "unfreeze", "revoke"}) {
    std::string message;
    CHECK(ca.status_of({{"op", op}, {"serial", "00ff"}}, &message) == CAHUB_ERROR_NOT_FOUND);
    CHECK_THAT(message, Catch::Contains("no certificate with serial 00FF"));
  }
  CHECK(ca.status_of({{"op", "status"}, {"serial", "not-hex"}}) == CAHUB_ERROR_INVALID_REQUEST);
}

TEST_CASE("malformed issue requests are refused, naming the field") {
  IssuingCa ca("netca");
  const json good = IssuingCa::new_order("o-1");
  struct Case {
    const char* what;
    json request;
    const char* message;
  };
  json bad_date = good, backwards = good, no_subject = good, no_uscc = good, unknown_business = good, unlock = good,
       bad_kind = good, long_name = good, control = good, bad_seals = good;
  bad_date["not_before"] = "2026-02-30";
  backwards["not_after"] = "2000-01-01";
  no_subject.erase("subject");
  no_uscc["subject"].erase("uscc");
  unknown_business["business"] = "upgrade";
  unlock["business"] = "unlock";
  bad_kind["subject"]["kind"] = "company";
  long_name["subject"]["unit_name"] = std::string(300, 'x');
  control["subject"]["unit_name"] = "a\nb";
  bad_seals["seals"] = json::array({"unit", "boss"});
  const Case cases[] = {
      {"not a date", bad_date, "\"not_before\" is \"2026-02-30\", not a date"},
      {"ends before it starts", backwards, "not_after is before not_before"},
      {"no subject", no_subject, "\"subject\" must be an object"},
      {"no USCC for a unit", no_uscc, "\"uscc\" is required"},
      {"unknown business", unknown_business, "\"business\" is \"upgrade\"; expected one of new, add"},
      {"a business that issues nothing", unlock, "this business issues no certificate"},
      {"unknown applicant kind", bad_kind, "\"kind\" is \"company\""},
      {"a name too long", long_name, "longer than 256 bytes"},
      {"a control character", control, "contains a control character"},
      {"an unknown seal", bad_seals, "\"seals\" lists \"boss\""},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    std::string message;
    CHECK(ca.status_of(c.request, &message) == CAHUB_ERROR_INVALID_REQUEST);
    CHECK_THAT(message, Catch::Contains(c.message));
  }
  std::string message;
  CHECK(ca.status_of({{"op", "upgrade"}}, &message) == CAHUB_ERROR_UNSUPPORTED);
  CHECK_THAT(message, Catch::Contains("unknown op \"upgrade\""));
  // None of it issued anything: the good request is the first certificate of this order.
  CHECK_FALSE(ca.call(good).contains("replayed"));
}

TEST_CASE("renewal and reissue need an existing, usable certificate of the same holder") {
  IssuingCa ca("hbca");
  const json old = ca.issue_new("o-new");
  json renew = {{"op", "issue"},
                {"order_id", "o-renew"},
                {"business", "renew"},
                {"subject", old.at("subject")},
                {"not_before", Date::today_utc8().iso()},
                {"not_after", Date::today_utc8().plus_years(2).iso()}};
  std::string message;
  CHECK(ca.status_of(renew, &message) == CAHUB_ERROR_INVALID_REQUEST);
  CHECK_THAT(message, Catch::Contains("previous_serial is required"));

  renew["previous_serial"] = "ABCDEF";
  CHECK(ca.status_of(renew) == CAHUB_ERROR_NOT_FOUND);

  renew["previous_serial"] = old.at("serial");
  json stranger = renew;
  stranger["subject"]["uscc"] = "91150100MA0N000002";
  CHECK(ca.status_of(stranger, &message) == CAHUB_ERROR_INVALID_REQUEST);
  CHECK_THAT(message, Catch::Contains("belongs to another subject"));

  ca.call({{"op", "freeze"}, {"serial", old.at("serial")}});
  CHECK(ca.status_of(renew, &message) == CAHUB_ERROR_INVALID_REQUEST);
  CHECK_THAT(message, Catch::Contains("is frozen; unfreeze it first"));
  ca.call({{"op", "unfreeze"}, {"serial", old.at("serial")}});
  CHECK(ca.call(renew).at("status") == "active");
}

TEST_CASE("an issue that fails part-way records no certificate and leaves no key behind") {
  IssuingCa ca("cfca");
  const json lost = ca.issue_new("o-1");
  // The CRL's place is taken by a folder: the reissue's CRL (which revokes the lost certificate)
  // cannot be written, after the new certificate and its key were made, before they were recorded.
  std::filesystem::remove(ca.state_dir() / "crl.pem");
  std::filesystem::create_directories(ca.state_dir() / "crl.pem");
  testing::write_bytes(ca.state_dir() / "crl.pem" / "in-the-way", "x");  // not empty: no rename replaces it
  json reissue = IssuingCa::new_order("o-2");
  reissue["business"] = "reissue_lost";
  reissue["previous_serial"] = lost.at("serial");
  reissue["not_after"] = lost.at("not_after");
  std::string message;
  CHECK(ca.status_of(reissue, &message) == CAHUB_ERROR_PROVIDER);
  CHECK_THAT(message, Catch::Contains("crl.pem"));
  std::filesystem::remove_all(ca.state_dir() / "crl.pem");
  // Nothing of the failed attempt exists: the lost certificate is still active, the retry issues
  // afresh instead of replaying, and the key the failed attempt made went nowhere.
  CHECK(ca.call({{"op", "status"}, {"serial", lost.at("serial")}}).at("status") == "active");
  const json issued = ca.call(reissue);
  CHECK_FALSE(issued.contains("replayed"));
  CHECK(issued.contains("subscriber_key_pem"));
  CHECK(ca.verifies(issued));
  CHECK(ca.verifies_as_revoked(lost));
  for (const auto& entry : std::filesystem::recursive_directory_iterator(ca.state_dir()))
    if (entry.is_regular_file() && entry.path().filename() != "ca.key.pem")
      CHECK(testing::read_bytes(entry.path()).find("PRIVATE KEY-----") == std::string::npos);
}

TEST_CASE("a damaged ledger fails that plugin's operations with the file named, others go on") {
  testing::ScratchFolder scratch;
  scratch.write("var/ca/szca/ledger.sqlite", std::string(4096, 'z'));
  cahub::plugins::PluginRegistry registry;
  registry.load_folder(CAHUB_PLUGINS_DIR, scratch / "var");
  const auto szca = registry.find("szca");
  const auto bjca = registry.find("bjca");
  REQUIRE(szca);
  REQUIRE(bjca);
  try {
    (void)szca->operate(R"({"op": "ca"})");
    FAIL("a garbage ledger was accepted");
  } catch (const cahub::plugins::PluginError& e) {
    CHECK(e.status() == CAHUB_ERROR_PROVIDER);
    CHECK_THAT(e.what(), Catch::Contains("ledger.sqlite"));
  }
  CHECK(json::parse(bjca->operate(R"({"op": "ca"})")).contains("root_file"));
  // The garbage is left as it was for someone to look at, not overwritten.
  CHECK(testing::read_bytes(scratch / "var" / "ca" / "szca" / "ledger.sqlite") == std::string(4096, 'z'));
}

TEST_CASE("a set-up interrupted after the key was written finishes on the next use") {
  IssuingCa first("nmgca");
  (void)first.call({{"op", "ca"}});
  const std::string key = testing::read_bytes(first.state_dir() / "ca.key.pem");
  testing::ScratchFolder other;
  other.write("var/ca/nmgca/ca.key.pem", key);  // as if it crashed right after
  std::filesystem::permissions(other / "var" / "ca" / "nmgca" / "ca.key.pem", std::filesystem::perms::owner_read |
                                                                                   std::filesystem::perms::owner_write);
  cahub::plugins::PluginRegistry registry;
  registry.load_folder(CAHUB_PLUGINS_DIR, other / "var");
  const json ca = json::parse(registry.find("nmgca")->operate(R"({"op": "ca"})"));
  CHECK(std::filesystem::exists(ca.at("root_file").get<std::string>()));
  CHECK(testing::read_bytes(other / "var" / "ca" / "nmgca" / "ca.key.pem") == key);  // the same CA, not a new one
}

TEST_CASE("two hosts sharing one CA folder see each other's changes and one CRL") {
  testing::ScratchFolder scratch;
  cahub::plugins::PluginRegistry server, cli;  // as `cahub serve` and `cahub plugins operate` would
  server.load_folder(CAHUB_PLUGINS_DIR, scratch / "var");
  cli.load_folder(CAHUB_PLUGINS_DIR, scratch / "var");
  const json issued = json::parse(server.find("bjca")->operate(IssuingCa::new_order("shared").dump()));
  const json frozen = json::parse(
      cli.find("bjca")->operate(json{{"op", "freeze"}, {"serial", issued.at("serial")}}.dump()));
  CHECK(frozen.at("status") == "frozen");
  const json seen = json::parse(server.find("bjca")->operate(json{{"op", "status"}, {"serial", issued.at("serial")}}.dump()));
  CHECK(seen.at("status") == "frozen");
  CHECK(json::parse(server.find("bjca")->operate(R"({"op": "ca"})")).at("crl_pem").get<std::string>().size() >
        json::parse(R"("")").get<std::string>().size());
}
