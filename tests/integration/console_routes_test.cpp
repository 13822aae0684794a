// What the console needs from `cahub serve` beyond the API: its page and files at `/` and
// `/console/...` with a strict Content-Security-Policy, nothing outside the embedded files, and
// per order the buttons the signed-in person may press (`actions`) or may not yet (`held_back`).
#include <catch2/catch.hpp>

#include <httplib.h>

#include "integration/staffed_server.hpp"

using namespace cahub::testing;
using nlohmann::json;
using Catch::Matchers::Contains;

namespace {

json codes(const json& list) {
  json out = json::array();
  for (const auto& a : list) out.push_back(a.is_string() ? a : a.at("action"));
  return out;
}

}  // namespace

TEST_CASE("cahub serve serves the console's page and files, and nothing else under /console") {
  StaffedServer desk;
  auto page = desk.client->Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK_THAT(page->get_header_value("Content-Type"), Contains("text/html"));
  CHECK_THAT(page->body, Contains("/console/js/main.js"));
  CHECK_THAT(page->get_header_value("Content-Security-Policy"), Contains("script-src 'self'"));
  CHECK_THAT(page->get_header_value("Content-Security-Policy"), Contains("frame-ancestors 'none'"));
  CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");

  // Every module the page loads is served, as JavaScript (a browser refuses a module otherwise).
  for (const char* path : {"/console/js/main.js", "/console/js/api.js", "/console/js/views/order_detail.js"}) {
    auto js = desk.client->Get(path);
    REQUIRE(js);
    INFO(path);
    CHECK(js->status == 200);
    CHECK_THAT(js->get_header_value("Content-Type"), Contains("text/javascript"));
  }
  auto css = desk.client->Get("/console/console.css");
  REQUIRE(css);
  CHECK_THAT(css->get_header_value("Content-Type"), Contains("text/css"));

  // Unknown files and climbing paths are 404 with the API's JSON error, and nothing is read from disk.
  for (const char* path : {"/console/nope.js", "/console/../CMakeLists.txt", "/console/js/../../console_assets.cpp"}) {
    auto missing = desk.client->Get(path);
    REQUIRE(missing);
    INFO(path);
    CHECK(missing->status == 404);
    CHECK(json::parse(missing->body)["error"]["code"] == "not_found");
  }
}

TEST_CASE("an order tells each staff member which actions they may take now, and why others wait") {
  StaffedServer desk;
  const std::string clerk = desk.sign_in("wang.fang");
  const std::string reviewer = desk.sign_in("zhao.li");
  const std::string admin = desk.sign_in("chen.jie");
  const json request = {{"region", "central"}, {"ca", "bjca"}, {"business", "new"}, {"channel", "onsite"},
                        {"applicant_details", {{"name", "按钮测试有限公司"}, {"uscc", "91350100M000100Y43"}}}};
  // Accepted by the admin, who may therefore not approve it (four eyes).
  auto [status, order] = desk.call("POST", "/v1/orders", admin, request, "buttons-1");
  REQUIRE(status == 201);
  const std::string id = order.at("id");
  auto act_as = [&](const std::string& token, const std::string& action) {
    const json now = desk.call("GET", "/v1/orders/" + id, token).second;
    auto [s, after] = desk.act(id, action, token, now);
    REQUIRE(s == 200);
  };

  CHECK(codes(desk.call("GET", "/v1/orders/" + id, clerk).second.at("actions")) == json{"cancel"});
  CHECK(codes(desk.call("GET", "/v1/orders/" + id, reviewer).second.at("actions")) == json{"start_review", "cancel"});
  act_as(admin, "start_review");

  // Under review with materials missing: the reviewer's approve is held back for the materials.
  const json seen_by_reviewer = desk.call("GET", "/v1/orders/" + id, reviewer).second;
  CHECK(codes(seen_by_reviewer.at("actions")) == json{"reject", "cancel"});
  REQUIRE(seen_by_reviewer.at("held_back").size() == 1);
  CHECK(seen_by_reviewer.at("held_back")[0].at("action") == "approve");
  CHECK(seen_by_reviewer.at("held_back")[0].at("code") == "materials_missing");
  // The admin accepted it: four eyes comes first. The clerk has no approve button at all.
  const json seen_by_admin = desk.call("GET", "/v1/orders/" + id, admin).second;
  REQUIRE(seen_by_admin.at("held_back").size() == 1);
  CHECK(seen_by_admin.at("held_back")[0].at("code") == "four_eyes");
  CHECK(desk.call("GET", "/v1/orders/" + id, clerk).second.at("held_back").empty());

  for (const auto& m : seen_by_reviewer.at("materials"))
    REQUIRE(desk.call("POST", "/v1/orders/" + id + "/materials/" + m.at("code").get<std::string>(), clerk).first == 200);
  CHECK(codes(desk.call("GET", "/v1/orders/" + id, reviewer).second.at("actions")) ==
        json{"reject", "approve", "cancel"});
  CHECK(desk.call("GET", "/v1/orders/" + id, reviewer).second.at("held_back").empty());
  act_as(reviewer, "approve");
  // Awaiting payment of a priced order: the clerk records it.
  CHECK(codes(desk.call("GET", "/v1/orders/" + id, clerk).second.at("actions")) == json{"record_payment", "cancel"});
}
