// Each bundled plugin issues real X.509 certificates, and `openssl verify -crl_check` agrees with
// the certificate's status after every operation.
#include <sys/stat.h>

#include <set>
#include <thread>

#include "issuing_ca.hpp"

using cahub::Date;
using cahub::issuing::test::IssuingCa;
using nlohmann::json;
namespace testing = cahub::testing;

namespace {
const char* const kProviders[] = {"bjca", "netca", "hbca", "szca", "cfca", "nmgca"};

unsigned mode_of(const std::filesystem::path& file) {
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  return st.st_mode & 0777;
}
}  // namespace

TEST_CASE("every provider issues a certificate that openssl verifies against its root and CRL") {
  const std::string id = GENERATE(from_range(std::begin(kProviders), std::end(kProviders)));
  INFO(id);
  IssuingCa ca(id);
  const json issued = ca.issue_new("order-" + id);
  CHECK(issued.at("status") == "active");
  CHECK(issued.at("serial").get<std::string>().size() == 32);
  CHECK(ca.verifies(issued));

  // The subject is the unit, with its USCC; the validity is the one the host computed, in China time.
  const std::string text = ca.certificate_text(issued);
  CHECK_THAT(text, Catch::Contains("O=内蒙古测试科技有限公司"));
  CHECK_THAT(text, Catch::Contains("organizationIdentifier=91150100MA0N000001"));
  CHECK_THAT(text, Catch::Contains("CA:FALSE"));
  CHECK_THAT(text, Catch::Contains("Digital Signature, Non Repudiation"));
  CHECK_THAT(text, Catch::Contains("16:00:00"));  // 00:00 China time is 16:00 UTC the day before
  CHECK_THAT(text, Catch::Contains("15:59:59"));

  // The CA key is private to the CA's user; the root and CRL are public. No request brought the
  // holder's key, so the CA made the pair and handed the private key over in this answer.
  CHECK(mode_of(ca.state_dir() / "ca.key.pem") == 0600);
  CHECK(mode_of(ca.state_dir() / "ca.cert.pem") == 0644);
  CHECK(issued.at("key_made_by_ca") == true);
  CHECK_THAT(issued.at("subscriber_key_pem").get<std::string>(), Catch::StartsWith("-----BEGIN PRIVATE KEY-----"));
}

TEST_CASE("freeze puts the certificate on the CRL on hold, unfreeze takes it off, revoke is for good") {
  const std::string id = GENERATE(from_range(std::begin(kProviders), std::end(kProviders)));
  INFO(id);
  IssuingCa ca(id);
  const json issued = ca.issue_new("order-1");
  const std::string serial = issued.at("serial");

  CHECK(ca.call({{"op", "freeze"}, {"serial", serial}}).at("status") == "frozen");
  CHECK(ca.verifies_as_revoked(issued));
  CHECK_THAT(ca.crl_text(), Catch::Contains("Certificate Hold"));

  CHECK(ca.call({{"op", "unfreeze"}, {"serial", serial}}).at("status") == "active");
  CHECK(ca.verifies(issued));
  CHECK_THAT(ca.crl_text(), !Catch::Contains(serial));

  const json revoked = ca.call({{"op", "revoke"}, {"serial", serial}, {"reason", "key_compromise"}});
  CHECK(revoked.at("status") == "revoked");
  CHECK(revoked.at("revocation_reason") == "key_compromise");
  CHECK(ca.verifies_as_revoked(issued));
  CHECK_THAT(ca.crl_text(), Catch::Contains("Key Compromise"));
  CHECK(ca.call({{"op", "status"}, {"serial", serial}}).at("status") == "revoked");

  // A revoked certificate stays revoked: it can be neither unfrozen nor frozen.
  CHECK(ca.status_of({{"op", "unfreeze"}, {"serial", serial}}) == CAHUB_ERROR_INVALID_REQUEST);
  CHECK(ca.status_of({{"op", "freeze"}, {"serial", serial}}) == CAHUB_ERROR_INVALID_REQUEST);
  CHECK(ca.verifies_as_revoked(issued));
}

TEST_CASE("renewal issues a new certificate with the extended validity and leaves the old one valid") {
  IssuingCa ca("bjca");
  const json old = ca.issue_new("order-new", 1);
  const Date today = Date::today_utc8();
  const std::string old_end = old.at("not_after");
  const Date extended = Date::parse(old_end)->plus_years(1);  // unexpired: from the old expiry
  const json renewed = ca.call({{"op", "issue"},
                                {"order_id", "order-renew"},
                                {"business", "renew"},
                                {"previous_serial", old.at("serial")},
                                {"subject", old.at("subject")},
                                {"not_before", today.iso()},
                                {"not_after", extended.iso()}});
  CHECK(renewed.at("serial") != old.at("serial"));
  CHECK(renewed.at("not_after") == extended.iso());
  CHECK(renewed.at("previous_serial") == old.at("serial"));
  CHECK(ca.verifies(renewed));
  CHECK(ca.verifies(old));
}

TEST_CASE("reissue keeps the old validity and revokes the old certificate as superseded") {
  const std::string business = GENERATE("reissue_lost", "reissue_damaged", "change");
  INFO(business);
  IssuingCa ca("bjca");
  const json old = ca.issue_new("order-new", 2);
  json subject = old.at("subject");
  if (business == "change") subject["unit_name"] = "内蒙古测试科技集团有限公司";  // the unit was renamed
  json request = {{"op", "issue"},
                  {"order_id", "order-" + business},
                  {"business", business},
                  {"previous_serial", old.at("serial")},
                  {"subject", subject},
                  {"not_before", Date::today_utc8().iso()}};
  const json reissued = ca.call(request);  // not_after omitted: the old one's
  CHECK(reissued.at("not_after") == old.at("not_after"));
  CHECK(ca.verifies(reissued));
  CHECK(ca.verifies_as_revoked(old));
  const json old_now = ca.call({{"op", "status"}, {"serial", old.at("serial")}});
  CHECK(old_now.at("status") == "revoked");
  CHECK(old_now.at("revocation_reason") == "superseded");
  CHECK_THAT(ca.crl_text(), Catch::Contains("Superseded"));

  // A different end date is refused: a reissue does not extend anything.
  request["order_id"] = "order-other";
  request["previous_serial"] = reissued.at("serial");
  request["not_after"] = Date::parse(old.at("not_after").get<std::string>())->plus_years(1).iso();
  std::string message;
  CHECK(ca.status_of(request, &message) == CAHUB_ERROR_INVALID_REQUEST);
  CHECK_THAT(message, Catch::Contains("keeps the old validity"));
}

TEST_CASE("person and org_person certificates name the person and carry the ID number") {
  IssuingCa ca("bjca");
  const Date today = Date::today_utc8();
  const json issued = ca.call({{"op", "issue"},
                               {"order_id", "expert-1"},
                               {"business", "new"},
                               {"subject", {{"kind", "person"}, {"person_name", "张三"}, {"id_number", "11010519491231002X"}}},
                               {"not_before", today.iso()},
                               {"not_after", today.plus_years(1).plus_days(-1).iso()}});
  CHECK_THAT(ca.certificate_text(issued), Catch::Contains("Subject: C=CN, serialNumber=11010519491231002X, CN=张三"));
  CHECK(ca.verifies(issued));

  // An org_person certificate: the person, in the unit.
  const json both = ca.call({{"op", "issue"},
                             {"order_id", "org-person-1"},
                             {"business", "new"},
                             {"subject",
                              {{"kind", "org_person"},
                               {"unit_name", "内蒙古测试科技有限公司"},
                               {"uscc", "91150100MA0N000001"},
                               {"person_name", "李四"},
                               {"id_number", "150102199001011234"}}},
                             {"not_before", today.iso()},
                             {"not_after", today.plus_years(1).plus_days(-1).iso()}});
  CHECK_THAT(ca.certificate_text(both),
             Catch::Contains("Subject: C=CN, O=内蒙古测试科技有限公司, organizationIdentifier=91150100MA0N000001, "
                             "serialNumber=150102199001011234, CN=李四"));
  CHECK(ca.verifies(issued));
}

TEST_CASE("issuing the same order again returns the first certificate, and other details are refused") {
  IssuingCa ca("nmgca");
  const json first = ca.issue_new("order-7");
  const json again = ca.issue_new("order-7");
  CHECK(again.at("serial") == first.at("serial"));
  CHECK(again.at("replayed") == true);
  std::string message;
  CHECK(ca.status_of(IssuingCa::new_order("order-7", 2), &message) == CAHUB_ERROR_INVALID_REQUEST);
  CHECK_THAT(message, Catch::Contains("already has certificate " + first.at("serial").get<std::string>()));
  // The first answer carried the key the CA made; the replay does not, and nothing keeps it.
  CHECK(first.contains("subscriber_key_pem"));
  CHECK_FALSE(again.contains("subscriber_key_pem"));
  CHECK_FALSE(std::filesystem::exists(ca.state_dir() / "keys"));
}

TEST_CASE("serials are unique under concurrent issuing from several threads") {
  IssuingCa ca("szca");
  constexpr int kThreads = 4, kEach = 10;
  std::vector<std::vector<std::string>> serials(kThreads);
  std::vector<std::thread> workers;
  for (int t = 0; t < kThreads; ++t)
    workers.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i)
        serials[t].push_back(ca.issue_new("order-" + std::to_string(t) + "-" + std::to_string(i)).at("serial"));
    });
  for (auto& w : workers) w.join();
  std::set<std::string> distinct;
  for (const auto& list : serials) distinct.insert(list.begin(), list.end());
  CHECK(distinct.size() == kThreads * kEach);
}

TEST_CASE("a subscriber's own public key is certified instead of a generated one") {
  IssuingCa ca("cfca");
  testing::ScratchFolder keys;
  REQUIRE(testing::run("openssl", {"genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out",
                                   keys.file("subscriber.key")})
              .exit_code == 0);
  const auto pub = testing::run("openssl", {"pkey", "-in", keys.file("subscriber.key"), "-pubout"});
  REQUIRE(pub.exit_code == 0);
  json order = IssuingCa::new_order("own-key");
  order["public_key_pem"] = pub.out;
  const json issued = ca.call(order);
  CHECK_FALSE(issued.contains("subscriber_key_pem"));
  CHECK_FALSE(issued.contains("key_made_by_ca"));
  CHECK(ca.verifies(issued));
  // The certificate's key is the subscriber's: its public half matches.
  const auto cert = ca.scratch().write("own.pem", issued.at("certificate_pem").get<std::string>());
  CHECK(testing::run("openssl", {"x509", "-in", cert.string(), "-noout", "-pubkey"}).out == pub.out);

  order["order_id"] = "bad-key";
  order["public_key_pem"] = "-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n";
  CHECK(ca.status_of(order) == CAHUB_ERROR_INVALID_REQUEST);
}

TEST_CASE("the key algorithm is a per-plugin setting and an existing CA keeps its own") {
  cahub::plugins::PluginSettings settings{{"hbca", {{"key_algorithm", "ec-p256"}}}};
  IssuingCa ca("hbca", settings);
  CHECK(ca.call({{"op", "ca"}}).at("key_algorithm") == "ec-p256");
  const json issued = ca.issue_new("p256");
  CHECK_THAT(ca.certificate_text(issued), Catch::Contains("ecdsa-with-SHA256"));
  CHECK(ca.verifies(issued));
}

TEST_CASE("auto picks SM2 with SM3 when this OpenSSL verifies it, else ECDSA P-256") {
  IssuingCa ca("bjca");
  const json issued = ca.issue_new("auto");
  const std::string algorithm = ca.call({{"op", "ca"}}).at("key_algorithm");
  const std::string text = ca.certificate_text(issued);
  if (algorithm == "sm2")
    CHECK_THAT(text, Catch::Contains("SM2-with-SM3"));
  else
    CHECK_THAT(text, Catch::Contains("ecdsa-with-SHA256"));
  CHECK(ca.verifies(issued));  // whichever it is, the standard tools accept it
}

TEST_CASE("an unusable key_algorithm setting refuses the plugin at load with the reason") {
  testing::ScratchFolder scratch;
  cahub::plugins::PluginRegistry registry;
  registry.load_folder(CAHUB_PLUGINS_DIR, scratch / "var", {{"netca", {{"key_algorithm", "rsa"}}}});
  CHECK_FALSE(registry.find("netca"));
  CHECK(registry.find("bjca"));
  bool named = false;
  for (const auto& r : registry.refused())
    named = named || r.reason.find("key_algorithm must be \"auto\", \"sm2\" or \"ec-p256\", got \"rsa\"") != std::string::npos;
  CHECK(named);
}
