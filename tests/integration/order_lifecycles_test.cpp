// Every business every region offers, through its whole lifecycle on a real `cahub serve`: the
// clerk accepts, the reviewer reviews and approves (four-eyes), materials are ticked off, what the
// sources leave unpriced or without a validity period is filled in by the reviewer with a reason,
// payment is taken, and the provider issues the certificate or changes the status of the one the
// order concerns; then delivery and completion, and an audit chain that verifies.
//
// Nothing here is a fixed table of combinations: the regions, the businesses each offers, the CAs
// it accepts, its applicants and channels come from GET /v1/rules, and the first combination the
// rules find eligible is run. A region or business the rules add later is covered without an edit.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <optional>
#include <set>

#include <httplib.h>

#include "integration/cahub_cli.hpp"
#include "integration/staffed_server.hpp"
#include "integration/test_identities.hpp"

using namespace cahub::testing;
using nlohmann::json;

namespace {

std::string plus_days(const std::string& iso, int days) {
  using namespace std::chrono;
  const int y = std::stoi(iso.substr(0, 4));
  const unsigned m = static_cast<unsigned>(std::stoi(iso.substr(5, 2)));
  const unsigned d = static_cast<unsigned>(std::stoi(iso.substr(8, 2)));
  const year_month_day out{sys_days{year{y} / month{m} / day{d}} + std::chrono::days{days}};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(out.year()), static_cast<unsigned>(out.month()),
                static_cast<unsigned>(out.day()));
  return text;
}

bool changes_status(const std::string& business) {
  return business == "freeze" || business == "unfreeze" || business == "revoke";
}
bool yields_certificate(const std::string& business) {
  return business != "unlock" && !changes_status(business);
}

// Who applies, in the shape an order takes and the shape a provider's subject takes.
struct Applicant {
  std::string kind;  // org, person, org_person
  json details;      // applicant_details of the order
  json subject;      // the provider's subject
};

Applicant applicant_number(const std::string& kind, int n) {
  const std::string unit = "福州生命周期测试" + std::to_string(n) + "有限公司";
  const std::string person = "林测试" + std::to_string(n);
  if (kind == "person")
    return {kind, {{"name", person}, {"id_number", id_number_for(n)}},
            {{"kind", "person"}, {"person_name", person}, {"id_number", id_number_for(n)}}};
  Applicant a{kind, {{"name", unit}, {"uscc", uscc_for(n)}}, {{"kind", kind}, {"unit_name", unit}, {"uscc", uscc_for(n)}}};
  if (kind == "org_person") {
    a.details["person_name"] = person;
    a.details["id_number"] = id_number_for(n);
    a.subject["person_name"] = person;
    a.subject["id_number"] = id_number_for(n);
  }
  return a;
}

// One region's desk: a clerk and a reviewer signed in on a real server.
class RegionDesk {
 public:
  explicit RegionDesk(const std::string& region_id) {
    clerk_ = server_.sign_in("wang.fang");
    reviewer_ = server_.sign_in("zhao.li");
    auto [status, rules] = server_.call("GET", "/v1/rules", clerk_);
    REQUIRE(status == 200);
    for (const auto& r : rules.at("regions"))
      if (r.at("id") == region_id) region_ = r;
    REQUIRE(region_.is_object());
    auto [quoted, quote] = server_.call("POST", "/v1/quote", clerk_, {{"region", region_id},
                                                                       {"ca", region_.at("accepts")[0]},
                                                                       {"business", "new"}});
    REQUIRE(quoted == 200);
    today_ = quote.at("today");  // the server's today in China, which the orders are accepted on
  }

  const json& region() const { return region_; }
  const std::string& today() const { return today_; }

  // The first request the region's rules find eligible for `business`: over the CAs it accepts
  // (only `ca` when given), its channels and applicants, and the circumstances that open a
  // business (a unit that holds a master key may add a secondary one; a damaged key has a defect).
  std::optional<json> eligible_request(const std::string& business, const json& certificate_dates,
                                       const std::string& ca = {}) {
    const std::vector<json> circumstances = {json::object(), {{"has_master_key", true}, {"key", "secondary"}},
                                             {{"has_master_key", true}}, {{"defect", "quality"}}};
    for (const auto& accepted : region_.at("accepts")) {
      if (!ca.empty() && accepted != ca) continue;
      for (const auto& channel : region_.at("channels"))
        for (const auto& applicant : region_.at("applicants"))
          for (const auto& extra : circumstances) {
            json request = {{"region", region_.at("id")}, {"ca", accepted},       {"business", business},
                            {"channel", channel},         {"applicant", applicant}};
            if (business != "new") request.update(certificate_dates);
            request.update(extra);
            auto [status, quote] = server_.call("POST", "/v1/quote", clerk_, request);
            if (status == 200 && quote.at("eligible") == true) return request;
          }
    }
    return std::nullopt;
  }

  // The refusal codes of `business` with `ca`, over the region's channels and applicants.
  std::set<std::string> refusal_codes(const std::string& business, const std::string& ca, const json& certificate_dates) {
    std::set<std::string> codes;
    for (const auto& channel : region_.at("channels"))
      for (const auto& applicant : region_.at("applicants")) {
        json request = {{"region", region_.at("id")}, {"ca", ca}, {"business", business}, {"channel", channel},
                        {"applicant", applicant}};
        request.update(certificate_dates);
        auto [status, quote] = server_.call("POST", "/v1/quote", clerk_, request);
        REQUIRE(status == 200);
        for (const auto& r : quote.at("reason_details")) codes.insert(r.at("code").get<std::string>());
      }
    return codes;
  }

  // A certificate the provider issued before this order (at its counter, before cahub was used),
  // with the dates given: `cahub plugins operate` on the server's own CA state.
  std::string provider_certificate(const std::string& ca, const Applicant& who, const std::string& not_before,
                                   const std::string& not_after) {
    const json request = {{"op", "issue"},         {"order_id", "before-cahub-" + std::to_string(++issued_before_)},
                          {"business", "new"},     {"subject", who.subject},
                          {"not_before", not_before}, {"not_after", not_after}};
    const RunResult r = run(CAHUB_BINARY, {"plugins", "operate", ca, request.dump(), "--config", server_.var.file("cahub.toml"),
                                           "--plugins", CAHUB_PLUGINS_DIR});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out).at("serial");
  }

  // Takes an order from acceptance to completed; returns the completed order.
  json run_lifecycle(const json& request, const Applicant& who, const std::string& key) {
    json body = request;
    body["applicant_details"] = who.details;
    auto [created, order] = server_.call("POST", "/v1/orders", clerk_, body, key);
    INFO(order.dump());
    REQUIRE(created == 201);
    const std::string id = order.at("id");
    const std::string path = "/v1/orders/" + id;
    const std::string business = order.at("business");
    CHECK(order.at("state") == "submitted");

    order = expect(server_.act(id, "start_review", reviewer_, order), "under_review");
    const json materials = order.at("materials");
    for (const auto& m : materials)
      order = expect(server_.call("POST", path + "/materials/" + m.at("code").get<std::string>(), clerk_, json::object()));
    CHECK(order.at("materials_complete") == true);
    // Four-eyes: the clerk who accepted may not approve, whatever the role; the reviewer may.
    CHECK(server_.act(id, "approve", clerk_, order).first == 403);
    order = expect(server_.act(id, "approve", reviewer_, order));

    // Where the sources publish no price, the reviewer sets it from the CA's price list; until then
    // the order cannot be paid.
    if (order.at("priced") == false) {
      CHECK(order.at("state") == "awaiting_payment");
      auto [refused, refusal] = server_.call("POST", path + "/payments", clerk_,
                                             {{"version", order.at("version")}, {"method", "wechat"}, {"amount_fen", 30000}});
      CHECK(refused == 422);
      CHECK(refusal["error"]["code"] == "unpriced");
      CHECK(server_.call("POST", path + "/terms", clerk_, {{"version", order.at("version")}, {"total_fen", 30000},
                                                           {"reason", "clerk"}}).first == 403);
      order = expect(server_.call("POST", path + "/terms", reviewer_,
                                  {{"version", order.at("version")}, {"total_fen", 30000},
                                   {"reason", "the CA's price list of 2026, confirmed by phone"}}));
      CHECK(order.at("total_fen") == 30000);
    }
    // Where the region publishes no validity period, the reviewer sets the years the CA sells
    // (a reissue or change keeps the old certificate's, which the provider knows).
    const json validity = order.at("quote").value("validity", json());
    const bool keeps_validity = business == "reissue_lost" || business == "reissue_damaged" || business == "change";
    if (yields_certificate(business) && !keeps_validity && (!validity.is_object() || validity["not_after"].is_null()))
      order = expect(server_.call("POST", path + "/terms", reviewer_,
                                  {{"version", order.at("version")}, {"years", 1},
                                   {"reason", "the applicant chose one year from the CA's offer"}}));
    if (order.at("state") == "awaiting_payment") {
      const bool transfer = order.at("total_fen").get<long long>() % 2 == 0;
      json payment = {{"version", order.at("version")}, {"amount_fen", order.at("total_fen")},
                      {"method", transfer ? "bank_transfer" : "cash"}};
      if (transfer) payment["voucher"] = "回单 " + id;
      order = expect(server_.call("POST", path + "/payments", clerk_, payment), "paid");
    } else {
      CHECK(order.at("state") == "approved");  // free: nothing to pay
    }

    if (yields_certificate(business)) {
      order = expect(server_.call("POST", path + "/issue", clerk_, {{"version", order.at("version")}}), "issued");
      REQUIRE(order.at("certificate").is_object());
      CHECK(order.at("certificate").at("status") == "active");
      auto pem = server_.client->Get(path + "/certificate.pem", {{"Authorization", "Bearer " + clerk_}});
      REQUIRE(pem);
      CHECK(pem->status == 200);
      CHECK(pem->body.rfind("-----BEGIN CERTIFICATE-----", 0) == 0);
      order = expect(server_.act(id, "ready_for_pickup", clerk_, order), "ready_for_pickup");
      order = expect(server_.act(id, "complete", clerk_, order), "completed");
    } else if (changes_status(business)) {
      // Completing is carrying it out: the provider changes the certificate's status.
      auto [plain, refusal] = server_.act(id, "complete", clerk_, order);
      CHECK(plain == 422);
      CHECK(refusal["error"]["code"] == "carry_out_required");
      order = expect(server_.call("POST", path + "/carry_out", clerk_, {{"version", order.at("version")}}), "completed");
    } else {
      order = expect(server_.act(id, "complete", clerk_, order), "completed");
    }
    return order;
  }

  json get(const std::string& path) {
    auto [status, body] = server_.call("GET", path, clerk_);
    REQUIRE(status == 200);
    return body;
  }

  // What a relying party sees: `openssl verify -crl_check` of the order's certificate against the
  // provider's root and its current CRL. Exit 0 when the certificate is good; otherwise the output
  // names the reason ("certificate revoked" for a hold as for a revocation).
  RunResult relying_party_check(const std::string& ca, const std::string& order_id) {
    auto pem = server_.client->Get("/v1/orders/" + order_id + "/certificate.pem", {{"Authorization", "Bearer " + clerk_}});
    REQUIRE(pem);
    REQUIRE(pem->status == 200);
    const auto file = server_.var.write("relying-party-" + order_id + ".pem", pem->body);
    return run("openssl", {"verify", "-CAfile", server_.var.file("ca/" + ca + "/ca.cert.pem"), "-crl_check", "-CRLfile",
                           server_.var.file("ca/" + ca + "/crl.pem"), file.string()});
  }

  // The provider's own view of a certificate.
  std::string provider_status(const std::string& ca, const std::string& serial) {
    const RunResult r = run(CAHUB_BINARY, {"plugins", "operate", ca, json{{"op", "status"}, {"serial", serial}}.dump(),
                                           "--config", server_.var.file("cahub.toml"), "--plugins", CAHUB_PLUGINS_DIR});
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out).at("status");
  }

 private:
  static json expect(const std::pair<int, json>& answer, const std::string& state = {}) {
    INFO(answer.second.dump());
    REQUIRE(answer.first / 100 == 2);
    if (!state.empty()) CHECK(answer.second.at("state") == state);
    return answer.second;
  }

  StaffedServer server_;
  std::string clerk_, reviewer_;
  json region_;
  std::string today_;
  int issued_before_ = 0;
};

}  // namespace

TEST_CASE("every business of every region runs its whole lifecycle through the API") {
  const std::string region_id = GENERATE(as<std::string>{}, "central", "guangdong", "jinan", "neimenggu", "qinghai");
  RegionDesk desk(region_id);
  INFO("region " << region_id);
  const json businesses = desk.region().at("businesses");
  int unit = 100 * (1 + static_cast<int>(std::hash<std::string>{}(region_id) % 90));

  // A certificate near its expiry, so that renewal windows are open: issued by the provider
  // before the order, as a service point meets its existing customers.
  const json near_expiry = {{"cert_not_before", plus_days(desk.today(), -345)},
                            {"cert_not_after", plus_days(desk.today(), 20)}};
  std::set<std::string> ran;
  // Businesses region{} lists but no offer{} of the region makes with any CA it accepts: every
  // CA's quote refuses them with not_offered_by_ca_here. Listed exactly below, so an offer added
  // later makes this test run it.
  std::set<std::string> unreachable;
  auto reachable = [&](const std::string& business, const std::optional<json>& request) {
    if (request) return true;
    for (const auto& ca : desk.region().at("accepts"))
      CHECK(desk.refusal_codes(business, ca, near_expiry) == std::set<std::string>{"not_offered_by_ca_here"});
    unreachable.insert(business);
    return false;
  };

  // Certificates in the registry, made by a `new` order per CA, for the businesses that change a
  // certificate's status (freeze, unfreeze, revoke act on what cahub issued and knows).
  struct Registered {
    Applicant who;
    std::string serial, order_id;
  };
  std::map<std::string, Registered> registered;
  auto registered_for = [&](const std::string& ca) -> Registered& {
    if (auto found = registered.find(ca); found != registered.end()) return found->second;
    const auto request = desk.eligible_request("new", json::object(), ca);
    INFO("new with " << ca);
    REQUIRE(request);
    const Applicant who = applicant_number((*request)["applicant"], ++unit);
    const json order = desk.run_lifecycle(*request, who, region_id + "-new-" + ca);
    ran.insert("new");
    return registered[ca] = Registered{who, order.at("certificate").at("serial"), order.at("id")};
  };

  // new, with the region's first CA that takes it.
  {
    const auto request = desk.eligible_request("new", json::object());
    REQUIRE(request);
    (void)registered_for((*request)["ca"]);
  }

  // Everything that issues a certificate or unlocks a key, on a certificate near its expiry.
  for (const auto& b : businesses) {
    const std::string business = b;
    if (business == "new" || changes_status(business)) continue;
    INFO("business " << business);
    const auto request = desk.eligible_request(business, near_expiry);
    if (!reachable(business, request)) continue;
    const Applicant who = applicant_number((*request)["applicant"], ++unit);
    json body = *request;
    const std::string serial = desk.provider_certificate((*request)["ca"], who, near_expiry["cert_not_before"],
                                                         near_expiry["cert_not_after"]);
    body["previous_serial"] = serial;  // add too: NETCA adds a certificate on the strength of a valid one
    const json order = desk.run_lifecycle(body, who, region_id + "-" + business);
    CHECK(order.at("state") == "completed");
    if (yields_certificate(business)) {
      CHECK(order.at("certificate").at("serial") != serial);
      // A reissue or change replaces the old certificate: the provider revoked it (superseded).
      const bool replaces = business == "reissue_lost" || business == "reissue_damaged" || business == "change";
      CHECK(desk.provider_status((*request)["ca"], serial) == (replaces ? "revoked" : "active"));
      if (replaces) CHECK(order.at("certificate").at("not_after") == near_expiry["cert_not_after"]);
    }
    ran.insert(business);
  }

  // freeze → unfreeze → revoke on a registered certificate, in that order, checking the registry
  // (the status the new order's certificate shows) and the provider after each.
  for (const std::string business : {"freeze", "unfreeze", "revoke"}) {
    if (std::find(businesses.begin(), businesses.end(), business) == businesses.end()) continue;
    INFO("business " << business);
    const auto probe = desk.eligible_request(business, near_expiry);
    if (!reachable(business, probe)) continue;
    const std::string ca = (*probe)["ca"];
    Registered& cert = registered_for(ca);
    const json certificate = desk.get("/v1/orders/" + cert.order_id).at("certificate");
    // Unfreezing follows the freeze order above: the registry knows the certificate is frozen.
    if (business == "unfreeze") REQUIRE(certificate.at("status") == "frozen");
    (void)certificate;
    json body = {{"region", region_id},          {"ca", ca},
                 {"business", business},         {"channel", (*probe)["channel"]},
                 {"applicant", cert.who.kind},   {"previous_serial", cert.serial}};
    const json order = desk.run_lifecycle(body, cert.who, region_id + "-" + business);
    const std::string expected = business == "freeze" ? "frozen" : business == "revoke" ? "revoked" : "active";
    CHECK(desk.get("/v1/orders/" + cert.order_id).at("certificate").at("status") == expected);
    CHECK(desk.provider_status(ca, cert.serial) == expected);
    // The CRL agrees: a hold (certificateHold) and a revocation fail a relying party's check, and
    // an unfreeze releases the hold, so the certificate verifies again.
    const RunResult verified = desk.relying_party_check(ca, cert.order_id);
    INFO(verified.out << verified.err);
    if (expected == "active") {
      CHECK(verified.exit_code == 0);
    } else {
      CHECK(verified.exit_code != 0);
      CHECK_THAT(verified.out + verified.err, Catch::Matchers::Contains("certificate revoked"));
    }
    ran.insert(business);
  }

  std::set<std::string> offered;
  for (const auto& b : businesses) offered.insert(b);
  std::set<std::string> covered = ran;
  covered.insert(unreachable.begin(), unreachable.end());
  CHECK(covered == offered);
  // Every business a region lists is offered with some CA it accepts, and every plugin carries
  // out freeze, unfreeze and revoke through its issuing CA (ABI 2 capabilities): Jinan's staff
  // freeze and unfreeze e-seals for every CA (seed 000 五, 六), Guangdong takes 注销 on NETCA's form.
  CHECK(unreachable.empty());
  const json audit = desk.get("/v1/audit/verify");
  CHECK(audit.at("intact") == true);
}

TEST_CASE("the lifecycle test covers every region the rules folder holds") {
  StaffedServer server;
  const std::string clerk = server.sign_in("wang.fang");
  auto [status, rules] = server.call("GET", "/v1/rules", clerk);
  REQUIRE(status == 200);
  std::set<std::string> regions;
  for (const auto& r : rules.at("regions")) regions.insert(r.at("id"));
  CHECK(regions == std::set<std::string>{"central", "guangdong", "jinan", "neimenggu", "qinghai"});
}
