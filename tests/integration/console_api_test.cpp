// The read routes a browser console is built on, against the real `cahub serve`: the session
// (/v1/me), the vocabulary, identifier checks, an order's audit events and the certificate
// registry with each certificate's renewal outlook under the bundled region rules.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <set>

#include <SQLiteCpp/Database.h>

#include "integration/china_dates.hpp"
#include "integration/staffed_server.hpp"
#include "integration/test_identities.hpp"

using namespace cahub::testing;
using nlohmann::json;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;

namespace {

// `cahub certs import` into the server's database, as the reviewer: a certificate held before
// cahub was used, with its last valid day `days_left` from today.
void import_certificate(StaffedServer& desk, const std::string& region, const std::string& serial,
                        const std::vector<std::string>& holder, int days_left) {
  std::vector<std::string> args{"-u", "CAHUB_TOKEN", "CAHUB_PASSWORD=a long passphrase", CAHUB_BINARY, "certs",
                                "import", "--ca", "bjca", "--region", region, "--serial", serial, "--not-before",
                                china_date_in(days_left - 365), "--not-after", china_date_in(days_left), "--as",
                                "zhao.li", "--config", desk.var.file("cahub.toml"), "--rules", CAHUB_RULES_DIR,
                                "--plugins", CAHUB_PLUGINS_DIR};
  args.insert(args.end(), holder.begin(), holder.end());
  const RunResult r = run("env", args, std::chrono::seconds(120));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

std::vector<std::string> serials_in(const json& answer) {
  std::vector<std::string> out;
  for (const auto& c : answer.at("certificates")) out.push_back(c.at("serial"));
  return out;
}

const json kCentralNew = {{"region", "central"},
                          {"ca", "bjca"},
                          {"business", "new"},
                          {"channel", "onsite"},
                          {"applicant_details", {{"name", "福州测试有限公司"}, {"uscc", "91350100M000100Y43"}}}};

}  // namespace

TEST_CASE("the console's read routes refuse a caller without a session", "[console_api]") {
  StaffedServer desk;
  for (const char* path : {"/v1/me", "/v1/vocabulary", "/v1/identifiers/uscc?value=91350100M000100Y43",
                           "/v1/certificates", "/v1/orders/ORD-2026-000001/events"}) {
    INFO(path);
    auto r = desk.client->Get(path);
    REQUIRE(r);
    CHECK(r->status == 401);
    CHECK(json::parse(r->body)["error"]["code"] == "unauthenticated");
    CHECK(desk.call("GET", path, std::string(64, 'f')).second["error"]["code"] == "bad_token");
  }
}

TEST_CASE("GET /v1/me names the signed-in staff member and when the session ends", "[console_api]") {
  StaffedServer desk;
  auto login = desk.client->Post("/v1/login", json{{"login", "zhao.li"}, {"password", "a long passphrase"}}.dump(),
                                 "application/json");
  REQUIRE(login);
  REQUIRE(login->status == 200);
  const json session = json::parse(login->body);
  auto [status, me] = desk.call("GET", "/v1/me", session.at("token"));
  CHECK(status == 200);
  CHECK(me == json{{"login", "zhao.li"}, {"name", "zhao.li"}, {"role", "reviewer"}, {"regions", "*"},
                   {"expires_at", session.at("expires_at")}});
  CHECK(desk.call("GET", "/v1/me", desk.sign_in("wang.fang")).second.at("role") == "clerk");
}

TEST_CASE("GET /v1/vocabulary gives every code with the host's labels", "[console_api]") {
  StaffedServer desk;
  auto [status, vocabulary] = desk.call("GET", "/v1/vocabulary", desk.sign_in("wang.fang"));
  REQUIRE(status == 200);
  const json& businesses = vocabulary.at("businesses");
  REQUIRE(businesses.size() == 10);
  CHECK(businesses[0] == json{{"code", "new"}, {"zh", "新办"}, {"en", "new certificate"}});
  CHECK(businesses[2] == json{{"code", "renew"}, {"zh", "续期"}, {"en", "renewal"}});
  CHECK(businesses[9] == json{{"code", "revoke"}, {"zh", "吊销"}, {"en", "revocation"}});
  REQUIRE(vocabulary.at("channels").size() == 4);
  CHECK(vocabulary.at("channels")[1] == json{{"code", "mail"}, {"zh", "邮寄"}, {"en", "by mail"}});
  CHECK(vocabulary.at("channels")[3].at("code") == "self_service");
  REQUIRE(vocabulary.at("applicants").size() == 3);
  CHECK(vocabulary.at("applicants")[2] == json{{"code", "org_person"}, {"zh", "机构个人"}, {"en", "person under a unit"}});
}

TEST_CASE("GET /v1/identifiers/{kind} checks a value as order acceptance does", "[console_api]") {
  StaffedServer desk;
  const std::string clerk = desk.sign_in("wang.fang");
  auto check = [&](const std::string& kind, const std::string& value) {
    auto [status, answer] = desk.call("GET", "/v1/identifiers/" + kind + "?value=" + value, clerk);
    INFO(kind << " " << value << " " << answer.dump());
    REQUIRE(status == 200);
    return answer;
  };
  CHECK(check("uscc", "91350100M000100Y43") == json{{"valid", true}});
  const json mistyped = check("uscc", "91350100M000100Y44");
  CHECK(mistyped.at("valid") == false);
  CHECK(mistyped.at("code") == "check_character");
  CHECK_THAT(mistyped.at("message").get<std::string>(), Contains("USCC"));
  CHECK_THAT(mistyped.at("message_zh").get<std::string>(), Contains("统一社会信用代码"));
  CHECK(check("id_number", id_number_for(7)) == json{{"valid", true}});
  CHECK(check("id_number", "350102198002300015").at("code") == "birth_date");  // 30 February
  CHECK(check("mobile", "13800138000") == json{{"valid", true}});
  CHECK(check("mobile", "23800138000").at("code") == "prefix");
  CHECK(check("postcode", "350001") == json{{"valid", true}});
  CHECK(check("postcode", "35000").at("code") == "length");
  CHECK(check("postcode", "").at("code") == "empty");

  auto [unknown_status, unknown] = desk.call("GET", "/v1/identifiers/passport?value=E12345678", clerk);
  CHECK(unknown_status == 404);
  CHECK(unknown["error"]["code"] == "unknown_identifier_kind");
  auto [missing_status, missing] = desk.call("GET", "/v1/identifiers/mobile", clerk);
  CHECK(missing_status == 400);
  CHECK(missing["error"]["code"] == "value_required");
}

TEST_CASE("GET /v1/orders/{id}/events gives that order's audit events in order", "[console_api]") {
  StaffedServer desk;
  const std::string clerk = desk.sign_in("wang.fang");
  auto [status, order] = desk.call("POST", "/v1/orders", clerk, kCentralNew, "events-1");
  REQUIRE(status == 201);
  const std::string id = order.at("id");
  // Another order in between, so the trail interleaves and the filter matters.
  json other = kCentralNew;
  other["applicant_details"] = {{"name", "另一家有限公司"}, {"uscc", uscc_for(2)}};
  auto [other_status, other_order] = desk.call("POST", "/v1/orders", clerk, other, "events-2");
  REQUIRE(other_status == 201);
  const std::string material = order.at("materials")[0].at("code");
  REQUIRE(desk.call("POST", "/v1/orders/" + id + "/materials/" + material, clerk, json::object()).first == 200);
  REQUIRE(desk.act(id, "cancel", desk.sign_in("zhao.li"), order, "applicant withdrew").first == 200);

  auto [events_status, answer] = desk.call("GET", "/v1/orders/" + id + "/events", clerk);
  INFO(answer.dump());
  REQUIRE(events_status == 200);
  const json& events = answer.at("events");
  REQUIRE(events.size() == 3);
  CHECK(events[0].at("kind") == "order.submitted");
  CHECK(events[0].at("actor") == "wang.fang");
  CHECK(events[1].at("kind") == "material.received");
  CHECK(events[1].at("payload").at("material") == material);
  CHECK(events[2].at("kind") == "order.cancel");
  CHECK(events[2].at("actor") == "zhao.li");
  for (std::size_t i = 0; i < events.size(); ++i) {
    CHECK_THAT(events[i].at("at").get<std::string>(), EndsWith("+08:00"));
    if (i > 0) CHECK(events[i].at("seq").get<int>() > events[i - 1].at("seq").get<int>());
  }
  // The other order's submission sits between them in the chain, but not in this order's events.
  CHECK(events[1].at("seq").get<int>() - events[0].at("seq").get<int>() == 2);
  auto [other_events_status, other_events] = desk.call("GET", "/v1/orders/" + other_order.at("id").get<std::string>() + "/events", clerk);
  CHECK(other_events_status == 200);
  CHECK(other_events.at("events").size() == 1);

  auto [unknown_status, unknown] = desk.call("GET", "/v1/orders/ORD-2026-999999/events", clerk);
  CHECK(unknown_status == 404);
  CHECK(unknown["error"]["code"] == "not_found");
}

TEST_CASE("GET /v1/certificates searches the registry and says whether each could be renewed today",
          "[console_api]") {
  StaffedServer desk;
  const std::string unit = uscc_for(1);
  // Qinghai takes renewals only in the last 30 days before expiry (renewal_window).
  import_certificate(desk, "qinghai", "5A0D01", {"--unit-name", "青海测试有限公司", "--uscc", unit}, 12);
  import_certificate(desk, "qinghai", "5A0D02", {"--unit-name", "西宁样例有限公司", "--uscc", uscc_for(2)}, 200);
  import_certificate(desk, "central", "5A0D03", {"--person-name", "张三", "--id-number", id_number_for(3)}, -5);
  import_certificate(desk, "qinghai", "5A0D04", {"--unit-name", "青海测试有限公司", "--uscc", unit}, 100);
  import_certificate(desk, "central", "5A0D05", {"--unit-name", "旧区域有限公司", "--uscc", uscc_for(6)}, 20);
  {
    SQLite::Database db(desk.var.file("cahub.db"), SQLite::OPEN_READWRITE);
    // A frozen certificate, as a carried-out freeze leaves it in the registry.
    db.exec("UPDATE certificates SET status = 'frozen' WHERE serial = '5A0D04'");
    // A certificate of a region whose script is no longer loaded.
    db.exec("UPDATE certificates SET region = 'atlantis' WHERE serial = '5A0D05'");
  }
  const std::string clerk = desk.sign_in("wang.fang");
  auto list = [&](const std::string& query) {
    auto [status, answer] = desk.call("GET", "/v1/certificates" + query, clerk);
    INFO(query << " " << answer.dump());
    REQUIRE(status == 200);
    CHECK(answer.at("today") == china_date_in(0));
    return answer;
  };

  const json all = list("");
  CHECK(serials_in(all).size() == 5);

  const json inside = list("?q=5a0d01");  // serials are hex: any case
  REQUIRE(serials_in(inside) == std::vector<std::string>{"5A0D01"});
  const json& near = inside.at("certificates")[0];
  CHECK(near.at("holder") == "青海测试有限公司");
  CHECK(near.at("identity") == unit);
  CHECK(near.at("holder_kind") == "org");
  CHECK(near.at("status") == "active");
  CHECK(near.at("days_left") == 12);
  CHECK(near.at("renewal").at("eligible") == true);
  CHECK(near.at("renewal").at("reasons").empty());

  const json early = list("?q=5A0D02").at("certificates")[0];
  CHECK(early.at("days_left") == 200);
  CHECK(early.at("renewal").at("eligible") == false);
  std::set<std::string> codes;
  for (const auto& r : early.at("renewal").at("reason_details")) codes.insert(r.at("code").get<std::string>());
  CHECK(codes.count("renewal_window") == 1);
  CHECK_FALSE(early.at("renewal").at("reasons").empty());

  // Imported after its last day, it is recorded as expired: no renewal outlook, days_left negative.
  const json expired = list("?q=" + id_number_for(3)).at("certificates")[0];
  CHECK(expired.at("serial") == "5A0D03");
  CHECK(expired.at("holder") == "张三");
  CHECK(expired.at("holder_kind") == "person");
  CHECK(expired.at("status") == "expired");
  CHECK(expired.at("days_left") == -5);
  CHECK(expired.at("renewal").is_null());

  // A region that is not loaded is a reason for that certificate, not a failed list.
  const json orphan = list("?q=5A0D05").at("certificates")[0];
  CHECK(orphan.at("renewal").at("eligible") == false);
  CHECK(orphan.at("renewal").at("reason_details")[0].at("code") == "unknown_region");
  CHECK_THAT(orphan.at("renewal").at("reasons")[0].get<std::string>(), Contains("atlantis"));

  // The unit's number finds both of its certificates; the frozen one has no renewal outlook.
  const json held = list("?q=" + unit);
  REQUIRE(serials_in(held) == std::vector<std::string>{"5A0D01", "5A0D04"});
  CHECK(held.at("certificates")[1].at("status") == "frozen");
  CHECK(held.at("certificates")[1].at("renewal").is_null());

  CHECK(serials_in(list("?q=%E6%A0%B7%E4%BE%8B")) == std::vector<std::string>{"5A0D02"});  // 样例, part of a name
  CHECK(serials_in(list("?status=frozen")) == std::vector<std::string>{"5A0D04"});
  CHECK(serials_in(list("?q=" + unit + "&status=active")) == std::vector<std::string>{"5A0D01"});
  CHECK(serials_in(list("?ca=netca")).empty());
  CHECK(serials_in(list("?q=nobody")).empty());
  CHECK(serials_in(list("?limit=1")).size() == 1);

  for (const char* bad : {"?limit=0", "?limit=501", "?limit=ten", "?limit=-1"}) {
    auto [status, error] = desk.call("GET", std::string("/v1/certificates") + bad, clerk);
    INFO(bad);
    CHECK(status == 400);
    CHECK(error["error"]["code"] == "bad_limit");
  }
  auto [status_status, status_error] = desk.call("GET", "/v1/certificates?status=lost", clerk);
  CHECK(status_status == 400);
  CHECK(status_error["error"]["code"] == "unknown_status");
}
