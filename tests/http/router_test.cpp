// Request targets and route templates: what reaches a route, and what never does.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "http/router.hpp"

using namespace cahub::http;

namespace {

Request request(std::string method, std::string target) {
  Request r;
  r.method = std::move(method);
  REQUIRE(parse_target(target, r.path, r.query));
  return r;
}

std::string error_code(const Response& res) {
  return nlohmann::json::parse(res.body).at("error").at("code").get<std::string>();
}

}  // namespace

TEST_CASE("a target splits into its path as sent and its decoded query") {
  std::string path;
  NameValues query;
  REQUIRE(parse_target("/v1/orders?state=submitted&applicant=%E5%8D%95%E4%BD%8D+1&explain", path, query));
  CHECK(path == "/v1/orders");
  REQUIRE(query.size() == 3);
  CHECK(query[1] == std::pair<std::string, std::string>{"applicant", "单位 1"});
  CHECK(query[2] == std::pair<std::string, std::string>{"explain", ""});

  CHECK_FALSE(parse_target("http://elsewhere/v1/orders", path, query));  // not origin-form
  CHECK_FALSE(parse_target("", path, query));
  CHECK_FALSE(parse_target("/v1/orders?state=%G1", path, query));  // a malformed escape
  CHECK_FALSE(parse_target("/v1/orders?state=%4", path, query));   // cut short
}

TEST_CASE("a route template matches whole segments, decoded, and a slash never hides in one") {
  Router routes;
  std::string seen;
  routes.get("/v1/orders/{id}", [&](const Request& req, Response&) { seen = "order " + req.path_param("id"); });
  routes.get("/v1/orders/{id}/materials/{code}/file", [&](const Request& req, Response&) {
    seen = "file " + req.path_param("id") + " " + req.path_param("code");
  });
  routes.get("/console/{file*}", [&](const Request& req, Response&) { seen = "asset " + req.path_param("file"); });

  Response res;
  Request r = request("GET", "/v1/orders/ORD-2026-000001");
  CHECK(routes.dispatch(r, res) == "/v1/orders/{id}");
  CHECK(seen == "order ORD-2026-000001");

  r = request("GET", "/v1/orders/A%20B/materials/uscc_copy/file");
  CHECK(routes.dispatch(r, res) == "/v1/orders/{id}/materials/{code}/file");
  CHECK(seen == "file A B uscc_copy");

  r = request("GET", "/console/js/main.js");
  CHECK(routes.dispatch(r, res) == "/console/{file*}");
  CHECK(seen == "asset js/main.js");

  for (const char* target : {"/v1/orders/a%2Fb", "/v1/orders/", "/v1/orders", "/v1/orders/x/", "/v1/orders//",
                             "/v1/orders/%zz", "/console/"}) {
    INFO(target);
    Response missing;
    r = request("GET", target);
    CHECK(routes.dispatch(r, missing).empty());
    CHECK(missing.status == 404);
    CHECK(error_code(missing) == "not_found");
  }
}

TEST_CASE("HEAD is answered by the GET route, and another method by none") {
  Router routes;
  routes.get("/healthz", [](const Request&, Response& res) { res.set_content("{}", "application/json"); });
  Response res;
  Request head = request("HEAD", "/healthz");
  CHECK(routes.dispatch(head, res) == "/healthz");
  CHECK(res.body == "{}");  // the server drops the body when it writes a HEAD answer
  Response refused;
  Request post = request("POST", "/healthz");
  CHECK(routes.dispatch(post, refused).empty());
  CHECK(refused.status == 404);
}

TEST_CASE("whatever escapes a route goes to the exception handler, with a fresh answer") {
  Router routes;
  routes.get("/boom", [](const Request&, Response& res) {
    res.set_header("X-Half", "written");
    throw std::runtime_error("/srv/secret/path failed");
  });
  routes.on_exception([](const Request&, Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content("{\"error\":{\"code\":\"internal_error\"}}", "application/json");
  });
  Response res;
  Request r = request("GET", "/boom");
  CHECK(routes.dispatch(r, res) == "/boom");
  CHECK(res.status == 500);
  CHECK_FALSE(res.has_header("X-Half"));  // nothing the route half-wrote survives
  CHECK(res.body.find("/srv/secret") == std::string::npos);
}

TEST_CASE("a template is refused unless it starts with a slash and {name*} ends it") {
  Router routes;
  const auto nothing = [](const Request&, Response&) {};
  CHECK_THROWS_AS(routes.get("v1/orders", nothing), std::invalid_argument);
  CHECK_THROWS_AS(routes.get("/console/{file*}/more", nothing), std::invalid_argument);
}

TEST_CASE("a response header set twice keeps one value, found without case") {
  Response res;
  res.set_header("Content-Disposition", "attachment");
  res.set_header("content-disposition", "inline");
  CHECK(res.headers.size() == 1);
  CHECK(res.header("CONTENT-DISPOSITION") == "inline");
}
