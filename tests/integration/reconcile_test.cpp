// An order a crash left waiting for its provider (issuing) is finished when `cahub serve` starts
// again: the provider says, by the order's id, whether it issued; the registry learns the
// certificate, or the order goes back to paid. The crash is made by editing the database of a
// stopped server into the state the crash would have left.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>
#include <filesystem>
#include <fstream>

#include "identifiers/synthetic_uscc.hpp"
#include "integration/staffed_server.hpp"

using namespace cahub::testing;
using nlohmann::json;

namespace {

json answer(const std::pair<int, json>& r, int status = 200) {
  INFO(r.second.dump());
  REQUIRE(r.first == status);
  return r.second;
}

// A central BJCA new-certificate order, taken to paid by a clerk and a reviewer.
json paid_order(StaffedServer& desk, const std::string& clerk, const std::string& reviewer, int unit) {
  const json request = {{"region", "central"}, {"ca", "bjca"}, {"business", "new"}, {"channel", "onsite"},
                        {"applicant_details", {{"name", "重启测试" + std::to_string(unit) + "有限公司"},
                                               {"uscc", cahub::identifiers::synthetic_uscc(9100 + unit)}}}};
  json order = answer(desk.call("POST", "/v1/orders", clerk, request, "reconcile-" + std::to_string(unit)), 201);
  const std::string id = order.at("id");
  order = answer(desk.act(id, "start_review", reviewer, order));
  for (const auto& m : json(order.at("materials")))
    order = answer(desk.call("POST", "/v1/orders/" + id + "/materials/" + m.at("code").get<std::string>(), clerk,
                             json::object()));
  order = answer(desk.act(id, "approve", reviewer, order));
  return answer(desk.call("POST", "/v1/orders/" + id + "/payments", clerk,
                          {{"version", order.at("version")}, {"method", "cash"}, {"amount_fen", order.at("total_fen")}}),
                201);
}

bool has_event(StaffedServer& desk, const std::string& token, const std::string& id, const std::string& kind,
               const std::string& actor) {
  const json events = answer(desk.call("GET", "/v1/orders/" + id + "/events", token)).at("events");
  for (const auto& e : events)
    if (e.at("kind") == kind && e.at("actor") == actor) return true;
  return false;
}

}  // namespace

TEST_CASE("orders a crash left issuing are finished by the provider's word when cahub serve starts again") {
  StaffedServer desk;
  std::string clerk = desk.sign_in("wang.fang");
  const std::string reviewer = desk.sign_in("zhao.li");
  const json lost = paid_order(desk, clerk, reviewer, 1);   // the CA issued; the host lost the record
  const json never = paid_order(desk, clerk, reviewer, 2);  // moved to issuing; the CA was never asked
  const json issued = answer(desk.call("POST", "/v1/orders/" + lost.at("id").get<std::string>() + "/issue", clerk,
                                       {{"version", lost.at("version")}}));
  const std::string serial = issued.at("certificate").at("serial");

  desk.server->stop();
  {
    SQLite::Database db(desk.var.file("cahub.db"), SQLite::OPEN_READWRITE);
    SQLite::Statement forget(db, "UPDATE orders SET state = 'issuing', certificate_id = NULL WHERE public_id = ?");
    forget.bind(1, lost.at("id").get<std::string>());
    REQUIRE(forget.exec() == 1);
    SQLite::Statement unregister(db, "DELETE FROM certificates WHERE serial = ?");
    unregister.bind(1, serial);
    REQUIRE(unregister.exec() == 1);
    SQLite::Statement in_flight(db, "UPDATE orders SET state = 'issuing', version = version + 1 WHERE public_id = ?");
    in_flight.bind(1, never.at("id").get<std::string>());
    REQUIRE(in_flight.exec() == 1);
  }
  desk.restart();
  clerk = desk.sign_in("wang.fang");  // sessions survive a restart, but a fresh one costs nothing here

  // The CA's certificate is the order's again, in the registry, recorded by the host itself.
  const json finished = answer(desk.call("GET", "/v1/orders/" + lost.at("id").get<std::string>(), clerk));
  CHECK(finished.at("state") == "issued");
  CHECK(finished.at("certificate").at("serial") == serial);
  const json registry = answer(desk.call("GET", "/v1/certificates?q=" + serial, clerk));
  REQUIRE(registry.at("certificates").size() == 1);
  CHECK(registry.at("certificates")[0].at("status") == "active");
  CHECK(has_event(desk, clerk, lost.at("id"), "certificate.issued", "system"));

  // Nothing was issued for the other: it is paid again, and can be cancelled or issued.
  json back = answer(desk.call("GET", "/v1/orders/" + never.at("id").get<std::string>(), clerk));
  CHECK(back.at("state") == "paid");
  CHECK(back.at("certificate").is_null());
  CHECK(has_event(desk, clerk, never.at("id"), "order.return_from_issuing", "system"));
  back = answer(desk.act(never.at("id"), "cancel", clerk, back));
  CHECK(back.at("state") == "cancelled");
  CHECK(answer(desk.call("GET", "/v1/audit/verify", clerk)).at("intact") == true);
}

TEST_CASE("a provider that fails without saying what it did leaves the order issuing, and the retry finishes it") {
  StaffedServer desk;
  const std::string clerk = desk.sign_in("wang.fang");
  const std::string reviewer = desk.sign_in("zhao.li");
  const json order = paid_order(desk, clerk, reviewer, 3);
  const std::string id = order.at("id");
  // The CA cannot make its key, root and ledger: a file stands where its folder was (the plugin
  // makes the folder when it loads, and what goes in it on its first operation). Its own error
  // names the path.
  const auto ca_folder = desk.var.path() / "ca" / "bjca";
  REQUIRE(std::filesystem::is_empty(ca_folder));
  std::filesystem::remove(ca_folder);
  { std::ofstream(ca_folder) << "not a folder"; }

  const auto [status, failed] = desk.call("POST", "/v1/orders/" + id + "/issue", clerk, {{"version", order.at("version")}});
  INFO(failed.dump());
  CHECK(status == 502);
  CHECK(failed.at("error").at("code") == "provider_failed");
  CHECK(failed.at("error").at("incident").get<std::string>().size() == 12);
  CHECK(failed.dump().find(desk.var.path().string()) == std::string::npos);  // the path is in the log only
  // Whether the CA issued is unknown, so the order waits in issuing, and cannot be cancelled.
  json waiting = answer(desk.call("GET", "/v1/orders/" + id, clerk));
  CHECK(waiting.at("state") == "issuing");
  CHECK(waiting.at("provider_step") == "issue");
  CHECK(desk.act(id, "cancel", clerk, waiting).first == 422);

  std::filesystem::remove(ca_folder);
  std::filesystem::create_directory(ca_folder);
  const json issued = answer(desk.call("POST", "/v1/orders/" + id + "/issue", clerk, {{"version", waiting.at("version")}}));
  CHECK(issued.at("state") == "issued");
  CHECK(issued.at("certificate").at("status") == "active");
}
