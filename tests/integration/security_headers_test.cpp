// Every kind of answer the real `cahub serve` gives carries the security headers of its content
// (host/server/response_headers.cpp): JSON answers and errors, file downloads, the console.
#include <catch2/catch.hpp>

#include "integration/staffed_server.hpp"

using namespace cahub::testing;
using nlohmann::json;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const json kCentralNew = {{"region", "central"},
                          {"ca", "bjca"},
                          {"business", "new"},
                          {"channel", "onsite"},
                          {"applicant_details", {{"name", "福州测试有限公司"},
                                                 {"uscc", "91350100M000100Y43"}}}};

void check_json_headers(const httplib::Result& r) {
  REQUIRE(r);
  CHECK_THAT(r->get_header_value("Content-Type"), StartsWith("application/json"));
  CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(r->get_header_value("Cache-Control") == "no-store");
  CHECK(r->get_header_value("Content-Security-Policy") == "default-src 'none'; frame-ancestors 'none'");
  CHECK(r->get_header_value_count("Content-Security-Policy") == 1);
  CHECK_FALSE(r->has_header("Content-Disposition"));
}

void check_download_headers(const httplib::Result& r) {
  REQUIRE(r);
  CHECK(r->status == 200);
  // The route's own, with the file name, and only that one.
  CHECK_THAT(r->get_header_value("Content-Disposition"), StartsWith("attachment; filename="));
  CHECK(r->get_header_value_count("Content-Disposition") == 1);
  CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(r->get_header_value("Cache-Control") == "no-store");
}

// An order of central/BJCA through to issued, its first material uploaded as a file: both kinds
// of download exist. Returns the order's id.
std::string issued_order_with_file(StaffedServer& desk, const std::string& clerk, const std::string& reviewer) {
  auto [status, order] = desk.call("POST", "/v1/orders", clerk, kCentralNew, "headers-1");
  INFO(order.dump());
  REQUIRE(status == 201);
  const std::string id = order.at("id");
  std::tie(std::ignore, order) = desk.act(id, "start_review", reviewer, order);
  const json required = order.at("materials");
  const std::string first = required[0].at("code");
  auto put = desk.client->Put("/v1/orders/" + id + "/materials/" + first + "/file?name=licence.pdf",
                              {{"Authorization", "Bearer " + clerk}}, "%PDF-1.7\nscan\n%%EOF\n", "application/pdf");
  REQUIRE(put);
  REQUIRE(put->status == 200);
  for (std::size_t i = 1; i < required.size(); ++i)
    desk.call("POST", "/v1/orders/" + id + "/materials/" + required[i].at("code").get<std::string>(), clerk,
              json{{"file_name", "scan.pdf"}, {"file_bytes", 1000}});
  std::tie(std::ignore, order) = desk.call("GET", "/v1/orders/" + id, clerk);
  std::tie(status, order) = desk.act(id, "approve", reviewer, order);
  REQUIRE(status == 200);
  const json payment = {{"version", order.at("version")}, {"method", "wechat"}, {"amount_fen", 26000}};
  std::tie(status, order) = desk.call("POST", "/v1/orders/" + id + "/payments", clerk, payment);
  REQUIRE(status == 201);
  std::tie(status, order) =
      desk.call("POST", "/v1/orders/" + id + "/issue", clerk, json{{"version", order.at("version")}});
  REQUIRE(status == 200);
  return id;
}

}  // namespace

TEST_CASE("every answer carries the security headers of its content type") {
  StaffedServer desk;
  const std::string clerk = desk.sign_in("wang.fang");
  const std::string reviewer = desk.sign_in("zhao.li");
  const httplib::Headers auth{{"Authorization", "Bearer " + clerk}};

  SECTION("JSON answers and every kind of error") {
    check_json_headers(desk.client->Get("/healthz"));
    check_json_headers(desk.client->Get("/v1/me", auth));
    check_json_headers(desk.client->Get("/v1/orders"));                          // 401, from the route
    check_json_headers(desk.client->Get("/v1/orders/no-such-order", auth));      // 404, from the desk
    check_json_headers(desk.client->Get("/v1/no-such-route"));                   // 404, from httplib
    check_json_headers(desk.client->Post("/v1/login", "{", "application/json"));  // 400
    auto unauthenticated = desk.client->Get("/v1/orders");
    REQUIRE(unauthenticated);
    CHECK(unauthenticated->get_header_value("WWW-Authenticate") == "Bearer");
  }

  SECTION("downloads: an uploaded material and an issued certificate") {
    const std::string id = issued_order_with_file(desk, clerk, reviewer);
    const json order = desk.call("GET", "/v1/orders/" + id, clerk).second;
    const std::string code = order.at("materials")[0].at("code");
    auto file = desk.client->Get("/v1/orders/" + id + "/materials/" + code + "/file", auth);
    check_download_headers(file);
    CHECK(file->get_header_value("Content-Type") == "application/pdf");
    auto pem = desk.client->Get("/v1/orders/" + id + "/certificate.pem", auth);
    check_download_headers(pem);
    CHECK_THAT(pem->body, StartsWith("-----BEGIN CERTIFICATE-----"));
    // A download route's error is JSON, with JSON's headers.
    check_json_headers(desk.client->Get("/v1/orders/" + id + "/materials/no_such_material/file", auth));
  }

  SECTION("the console keeps its own policy, once") {
    for (const char* path : {"/", "/console/js/main.js", "/console/console.css"}) {
      INFO(path);
      auto page = desk.client->Get(path);
      REQUIRE(page);
      CHECK(page->status == 200);
      CHECK_THAT(page->get_header_value("Content-Security-Policy"), Contains("default-src 'self'"));
      CHECK_THAT(page->get_header_value("Content-Security-Policy"), Contains("frame-ancestors 'none'"));
      CHECK(page->get_header_value_count("Content-Security-Policy") == 1);
      CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");
      CHECK(page->get_header_value("Cache-Control") == "no-cache");
      CHECK(page->get_header_value("Referrer-Policy") == "no-referrer");
      CHECK_FALSE(page->has_header("Content-Disposition"));
    }
  }
}
