// Malformed bodies and parameters on every route of the real `cahub serve` that reads any: each is
// refused with a 4xx and a stable code, the refusal shows no SQL, exception or file-system text,
// and nothing is written. The cases are one table, sent to one server, so that adding a route or
// a field is one line and the whole run stays short.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <httplib.h>

#include "integration/cli_desk.hpp"
#include "integration/staffed_server.hpp"
#include "integration/test_identities.hpp"

using namespace cahub::testing;
using nlohmann::json;
using Catch::Matchers::Contains;

namespace {

const std::string kClerk = "wang.fang";
const std::string kReviewer = "zhao.li";

const json kCentralNew = {{"region", "central"},
                          {"ca", "bjca"},
                          {"business", "new"},
                          {"channel", "onsite"},
                          {"applicant_details", {{"name", "福州测试有限公司"}, {"uscc", "91350100M000100Y43"}}}};

// Texts that only reach a client when a bug lets an exception, a database error or a path out:
// they tell a caller about the schema, the JSON library or the server's files.
const std::vector<std::string> kLeakedTexts = {"constraint", "sqlite",        "select ",     "insert ",
                                               "json.exception", "type_error", "parse_error", "what()",
                                               "basic_string",   "std::",      "/tmp",        "/work",
                                               "/var",           ".pem",       ".db",         "[json."};

// Integers at and past the edges of what a double and an int64 hold, and numbers that are not
// whole: an amount is whole fen, so each of these is a field of the wrong type.
const std::vector<std::string> kBadAmounts = {"9007199254740992",     "9223372036854775807", "9223372036854775808",
                                              "18446744073709551615", "-1",                  "1.5",
                                              "\"26000\"",            "1e30"};

// One malformed request. The target and body may name the fixture, filled in when sent:
// {order} is an order awaiting payment, {spare} a submitted one, {material} one of {order}'s
// material codes, {order_version} and {spare_version} their versions at that moment (so that a
// body is wrong only where the case means it to be).
struct MalformedCase {
  std::string method;  // GET, POST or PUT
  std::string target;  // path and query
  std::string body;    // sent as is: it need not be JSON
  std::string code;    // the error.code expected; empty: any stable code
  std::string field;   // a key the message must name; empty: none
  int status = 0;      // the status expected; 0: any 4xx
  std::string as = kClerk;
};

MalformedCase any_4xx(std::string method, std::string target, std::string body, std::string as = kClerk) {
  return {std::move(method), std::move(target), std::move(body), "", "", 0, std::move(as)};
}

// A field of the wrong type: 400 bad_field, and the message says which field.
MalformedCase bad_field(std::string target, std::string body, std::string field, std::string as = kClerk) {
  return {"POST", std::move(target), std::move(body), "bad_field", std::move(field), 400, std::move(as)};
}

// The routes that read a JSON body, each with the staff member who may use it, so that a body
// reaches the route's own checks rather than stopping at a role check.
struct BodyRoute {
  std::string target;
  std::string as = kClerk;
  bool empty_is_valid = false;  // {} is a whole request here (ticking a material without its scan)
};
const std::vector<BodyRoute> kBodyRoutes = {{"/v1/login"},
                                            {"/v1/quote"},
                                            {"/v1/orders"},
                                            {"/v1/orders/{spare}/actions/start_review", kReviewer},
                                            {"/v1/orders/{order}/materials/{material}", kClerk, true},
                                            {"/v1/orders/{order}/payments"},
                                            {"/v1/orders/{order}/issue"},
                                            {"/v1/orders/{order}/carry_out"},
                                            {"/v1/orders/{order}/terms", kReviewer}};

// Text that is not JSON (cut short, or not UTF-8), and JSON that is not an object, on every route
// that reads a body.
std::vector<MalformedCase> not_an_object_cases() {
  std::vector<MalformedCase> cases;
  for (const BodyRoute& route : kBodyRoutes) {
    for (const char* broken : {"{", "[1,2", "{\"region\": ", "\xff\xfe"})
      cases.push_back({"POST", route.target, broken, "malformed_json", "", 400, route.as});
    for (const char* not_object : {"[]", "1", "\"x\"", "null"})
      cases.push_back(any_4xx("POST", route.target, not_object, route.as));
    // An empty body may be read as {}: then it is whatever {} is on that route.
    if (!route.empty_is_valid) cases.push_back(any_4xx("POST", route.target, "", route.as));
  }
  return cases;
}

// The valid order with `key` set to `value`; a key "applicant_details.x" sets x inside it.
std::string order_with(const std::string& key, const json& value, json body = kCentralNew) {
  if (key.rfind("applicant_details.", 0) == 0)
    body["applicant_details"][key.substr(std::string("applicant_details.").size())] = value;
  else
    body[key] = value;
  return body.dump();
}

// A revocation of a certificate the registry does not hold: the provider decides at carry-out,
// so the body alone must be right for an order to be accepted.
json revoke_body() {
  json body = kCentralNew;
  body["business"] = "revoke";
  body["previous_serial"] = "3F0A";
  return body;
}

constexpr char kNameWithNul[] = "福州\0测试有限公司";

// Every field of an order with a value of the wrong type, then strings no name can hold.
std::vector<MalformedCase> order_field_cases() {
  json renew = kCentralNew;
  renew["business"] = "renew";
  renew["cert_not_before"] = "2025-12-01";
  renew["cert_not_after"] = "2026-12-01";
  std::vector<MalformedCase> cases = {
      bad_field("/v1/orders", order_with("region", 1), "region"),
      bad_field("/v1/orders", order_with("ca", json::array()), "ca"),
      bad_field("/v1/orders", order_with("business", 5), "business"),
      bad_field("/v1/orders", order_with("channel", json::object()), "channel"),
      bad_field("/v1/orders", order_with("applicant", 5), "applicant"),
      bad_field("/v1/orders", order_with("key", true), "key"),
      bad_field("/v1/orders", order_with("registered", "yes"), "registered"),
      // years keeps the quote's own code (bad_years), which spec files and scripts already match on.
      {"POST", "/v1/orders", order_with("years", "3"), "bad_years", "years", 400},
      {"POST", "/v1/orders", order_with("years", 2.5), "bad_years", "years", 400},
      bad_field("/v1/orders", order_with("applicant_details", "x"), "applicant_details"),
      bad_field("/v1/orders", order_with("applicant_details.name", 1), "name"),
      bad_field("/v1/orders", order_with("applicant_details.uscc", 913501001234567890LL), "uscc"),
      bad_field("/v1/orders", order_with("previous_serial", 7, renew), "previous_serial"),
      bad_field("/v1/orders", order_with("revocation_reason", 1, revoke_body()), "revocation_reason"),
      {"POST", "/v1/orders", order_with("colour", "blue"), "unknown_field", "colour", 400},
      // A NUL or a bell in a name would be stored and printed on the certificate request; a name
      // of 100,000 characters is no unit's name.
      bad_field("/v1/orders", order_with("applicant_details.name", std::string(kNameWithNul, sizeof kNameWithNul - 1)),
                "name"),
      bad_field("/v1/orders", order_with("applicant_details.name", "福州\a测试有限公司"), "name"),
      bad_field("/v1/orders", order_with("applicant_details.name", std::string(100000, 'x')), "name"),
      // A reason the provider does not know is refused at acceptance, not at carry-out.
      any_4xx("POST", "/v1/orders", order_with("revocation_reason", "keyCompromise", revoke_body())),
  };
  // The quote reads the same request fields as an order (without who applies).
  json quote = kCentralNew;
  quote.erase("applicant_details");
  for (const auto& [key, value] : std::vector<std::pair<std::string, json>>{
           {"region", 1}, {"business", 5}, {"channel", json::object()}})
    cases.push_back(bad_field("/v1/quote", order_with(key, value, quote), key));
  for (const json& years : {json("3"), json(2.5)})
    cases.push_back({"POST", "/v1/quote", order_with("years", years, quote), "bad_years", "years", 400});
  cases.push_back({"POST", "/v1/quote", order_with("colour", "blue", quote), "unknown_field", "colour", 400});
  return cases;
}

// Sign-in, the workflow actions, and the version every change names.
std::vector<MalformedCase> action_cases() {
  std::vector<MalformedCase> cases = {
      bad_field("/v1/login", R"({"login": 123, "password": "a long passphrase"})", "login"),
      bad_field("/v1/login", R"({"login": "wang.fang", "password": []})", "password"),
      bad_field("/v1/orders/{spare}/actions/start_review", R"({"version": {spare_version}, "note": []})", "note",
                kReviewer),
      any_4xx("POST", "/v1/orders/{spare}/actions/bless", R"({"version": {spare_version}})", kReviewer),
      any_4xx("POST", "/v1/orders/ORD-2026-999999/actions/start_review", R"({"version": 1})", kReviewer),
  };
  // A version that is not the order's version as a whole number must never match one.
  for (const char* version : {"\"1\"", "1.5", "18446744073709551615", "-1", "null", "[]"}) {
    const std::string body = std::string(R"({"version": )") + version + "}";
    cases.push_back(any_4xx("POST", "/v1/orders/{spare}/actions/start_review", body, kReviewer));
    cases.push_back(any_4xx("POST", "/v1/orders/{order}/issue", body));
    cases.push_back(any_4xx("POST", "/v1/orders/{order}/carry_out", body));
  }
  return cases;
}

// A payment whose body is right but for `field`, which holds `value` (a JSON text).
std::string payment_with(const std::string& field, const std::string& value) {
  std::map<std::string, std::string> body = {
      {"version", "{order_version}"}, {"method", "\"wechat\""}, {"amount_fen", "26000"}};
  body[field] = value;
  std::string text = "{";
  for (const auto& [key, v] : body) text += (text.size() > 1 ? ", \"" : "\"") + key + "\": " + v;
  return text + "}";
}

std::vector<MalformedCase> payment_cases() {
  const std::string route = "/v1/orders/{order}/payments";
  std::vector<MalformedCase> cases = {
      bad_field(route, payment_with("method", "5"), "method"),
      bad_field(route, payment_with("voucher", "1"), "voucher"),
      bad_field(route, payment_with("adjustment_reason", "{}"), "adjustment_reason"),
      // A method the schema does not know: a stable refusal, not the database's CHECK text.
      any_4xx("POST", route, payment_with("method", "\"bitcoin\"")),
      any_4xx("POST", "/v1/orders/ORD-2026-999999/payments", payment_with("version", "1")),
  };
  for (const std::string& amount : kBadAmounts)
    cases.push_back(bad_field(route, payment_with("amount_fen", amount), "amount_fen"));
  return cases;
}

std::vector<MalformedCase> terms_cases() {
  const std::string route = "/v1/orders/{order}/terms";
  const auto terms = [](const std::string& fields) {
    return R"({"version": {order_version}, "reason": "BJCA price list", )" + fields + "}";
  };
  std::vector<MalformedCase> cases = {
      any_4xx("POST", route, terms(R"("years": 0)"), kReviewer),
      any_4xx("POST", route, terms(R"("years": 11)"), kReviewer),
      bad_field(route, terms(R"("years": "2")"), "years", kReviewer),
      bad_field(route, R"({"version": {order_version}, "total_fen": 100, "reason": 5})", "reason", kReviewer),
  };
  for (const std::string& amount : kBadAmounts)
    cases.push_back({"POST", route, terms("\"total_fen\": " + amount), "", "", 400, kReviewer});
  return cases;
}

// Ticking a material (with or without the size of its scan) and uploading the file itself.
std::vector<MalformedCase> material_cases() {
  const std::string route = "/v1/orders/{order}/materials/{material}";
  const std::string file = route + "/file";
  const std::string pdf = "%PDF-1.4\n" + std::string(200, 'x') + "\n%%EOF\n";
  return {
      bad_field(route, R"({"file_name": 1})", "file_name"),
      bad_field(route, R"({"file_bytes": "10"})", "file_bytes"),
      any_4xx("POST", route, R"({"file_name": "scan.pdf", "file_bytes": -5})"),
      any_4xx("POST", route, R"({"file_name": "scan.pdf", "file_bytes": 18446744073709551615})"),
      any_4xx("POST", "/v1/orders/{order}/materials/no_such_material", "{}"),
      any_4xx("PUT", file, pdf),  // no ?name=
      any_4xx("PUT", file + "?name=", pdf),
      any_4xx("PUT", file + "?name=..%2F..%2Fetc%2Fscan.pdf", pdf),
      any_4xx("PUT", file + "?name=scan%00.pdf", pdf),  // a NUL in a name, as in an applicant's
      any_4xx("PUT", file + "?name=scan.pdf", ""),
      any_4xx("PUT", file + "?name=scan.pdf", "{"),  // not a PDF by its content
      any_4xx("PUT", "/v1/orders/{order}/materials/no_such_material/file?name=scan.pdf", pdf),
  };
}

// Query parameters of the lists and the identifier check.
std::vector<MalformedCase> query_cases() {
  std::vector<MalformedCase> cases;
  for (const char* query : {"?state=nope", "?limit=0", "?limit=-1", "?limit=abc", "?limit=99999999999999999999",
                            "?cursor=garbage"})
    cases.push_back(any_4xx("GET", std::string("/v1/orders") + query, ""));
  for (const char* query : {"?limit=-1", "?limit=0", "?limit=99999999999999999999", "?status=x"})
    cases.push_back(any_4xx("GET", std::string("/v1/certificates") + query, ""));
  cases.push_back(any_4xx("GET", "/v1/identifiers/uscc", ""));  // no ?value=
  cases.push_back(any_4xx("GET", "/v1/identifiers/passport?value=x", ""));
  return cases;
}

std::vector<MalformedCase> all_cases() {
  std::vector<MalformedCase> cases;
  for (auto* table : {not_an_object_cases, order_field_cases, action_cases, payment_cases, terms_cases,
                      material_cases, query_cases}) {
    auto more = table();
    cases.insert(cases.end(), more.begin(), more.end());
  }
  // Without its Idempotency-Key an order is refused before its body is read.
  cases.push_back({"POST", "/v1/orders", kCentralNew.dump(), "idempotency_key_required", "", 400});
  return cases;
}

// What a malformed request must leave as it was: the audit trail's length, and every order's
// version and state.
struct Written {
  long events = 0;
  std::map<std::string, std::pair<long, std::string>> orders;  // id → (version, state)
  bool operator==(const Written&) const = default;
};

}  // namespace

// A failed comparison prints what was written, not "{?}".
template <> struct Catch::StringMaker<Written> {
  static std::string convert(const Written& w) {
    std::string text = std::to_string(w.events) + " audit events;";
    for (const auto& [id, at] : w.orders) text += " " + id + " v" + std::to_string(at.first) + " " + at.second;
    return text;
  }
};

namespace {

Written written(StaffedServer& server, const std::string& token) {
  Written w;
  auto [audit_status, audit] = server.call("GET", "/v1/audit/verify", token);
  REQUIRE(audit_status == 200);
  w.events = audit.at("events").get<long>();
  auto [list_status, list] = server.call("GET", "/v1/orders", token);
  REQUIRE(list_status == 200);
  for (const json& o : list.at("orders"))
    w.orders[o.at("id").get<std::string>()] = {o.at("version").get<long>(), o.at("state").get<std::string>()};
  return w;
}

// The orders a case may name.
struct Fixture {
  std::string order, spare, material;
};

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

std::string filled(std::string text, const Fixture& f, const Written& now) {
  replace_all(text, "{order_version}", std::to_string(now.orders.at(f.order).first));
  replace_all(text, "{spare_version}", std::to_string(now.orders.at(f.spare).first));
  replace_all(text, "{order}", f.order);
  replace_all(text, "{spare}", f.spare);
  replace_all(text, "{material}", f.material);
  return text;
}

// Sends one request; the status and the raw body, which may not be JSON at all.
std::pair<int, std::string> send(httplib::Client& client, const std::string& method, const std::string& target,
                                 const std::string& body, const std::string& token, const std::string& key) {
  httplib::Headers headers{{"Authorization", "Bearer " + token}};
  if (!key.empty()) headers.emplace("Idempotency-Key", key);
  httplib::Result r = method == "GET"   ? client.Get(target, headers)
                      : method == "PUT" ? client.Put(target, headers, body, "application/pdf")
                                        : client.Post(target, headers, body, "application/json");
  REQUIRE(r);
  return {r->status, r->body};
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The texts of kLeakedTexts found in `body`, comma-separated; empty when there are none.
std::string leaks_in(const std::string& body) {
  const std::string lower = lowercase(body);
  std::string found;
  for (const std::string& text : kLeakedTexts)
    if (lower.find(text) != std::string::npos) found += (found.empty() ? "" : ", ") + text;
  return found;
}

// The refusal's status and shape: {"error": {"code": C, "message": M}}, C a stable snake_case code.
void check_refusal(const MalformedCase& c, int status, const std::string& body) {
  CHECK(status >= 400);
  CHECK(status <= 499);
  if (c.status != 0) CHECK(status == c.status);
  CHECK(leaks_in(body) == "");
  const json answer = json::parse(body, nullptr, false);
  const bool shaped = answer.is_object() && answer.contains("error") && answer["error"].is_object() &&
                      answer["error"].value("code", json()).is_string() &&
                      answer["error"].value("message", json()).is_string();
  CHECK(shaped);
  if (!shaped) return;
  const std::string code = answer["error"]["code"];
  CHECK(std::regex_match(code, std::regex("^[a-z][a-z0-9_]*$")));
  if (!c.code.empty()) CHECK(code == c.code);
  if (!c.field.empty()) CHECK_THAT(answer["error"]["message"].get<std::string>(), Contains(c.field));
}

std::string describe(const MalformedCase& c, const std::string& target, const std::string& body) {
  const std::string shown =
      body.size() > 400 ? body.substr(0, 400) + "... (" + std::to_string(body.size()) + " bytes)" : body;
  return c.method + " " + target + " as " + c.as + " with body: " + shown;
}

// An order awaiting payment (reviewed, every material received, approved by another) and a
// submitted one, so that payments, terms and actions are refused for their bodies, not their state.
Fixture prepare_orders(StaffedServer& server, const std::string& clerk, const std::string& reviewer) {
  auto [status, order] = server.call("POST", "/v1/orders", clerk, kCentralNew, "fixture-order");
  REQUIRE(status == 201);
  const std::string id = order.at("id");
  std::tie(std::ignore, order) = server.act(id, "start_review", reviewer, order);
  const json required = order.at("materials");  // a copy: `order` is replaced in the loop
  for (const json& m : required)
    std::tie(std::ignore, order) =
        server.call("POST", "/v1/orders/" + id + "/materials/" + m.at("code").get<std::string>(), clerk,
                    json{{"file_name", "scan.pdf"}, {"file_bytes", 120000}});
  auto [approved_status, approved] = server.act(id, "approve", reviewer, order);
  INFO(approved.dump());
  REQUIRE(approved_status == 200);
  REQUIRE(approved.at("state") == "awaiting_payment");

  json spare_body = kCentralNew;
  spare_body["applicant_details"] = {{"name", "福州备用测试有限公司"}, {"uscc", uscc_for(7)}};
  auto [spare_status, spare] = server.call("POST", "/v1/orders", clerk, spare_body, "fixture-spare");
  REQUIRE(spare_status == 201);
  return {id, spare.at("id"), required.at(0).at("code")};
}

}  // namespace

TEST_CASE("malformed bodies and parameters get a 4xx with a stable code, leak nothing and write nothing",
          "[malformed]") {
  StaffedServer server;
  const std::map<std::string, std::string> tokens = {{kClerk, server.sign_in(kClerk)},
                                                     {kReviewer, server.sign_in(kReviewer)}};
  const Fixture fixture = prepare_orders(server, tokens.at(kClerk), tokens.at(kReviewer));
  int n = 0;
  for (const MalformedCase& c : all_cases()) {
    const Written before = written(server, tokens.at(kReviewer));
    const std::string target = filled(c.target, fixture, before);
    const std::string body = filled(c.body, fixture, before);
    // Every order gets its own key, so that a body is never answered as a replay of another.
    const bool keyed = c.target == "/v1/orders" && c.code != "idempotency_key_required";
    const std::string key = keyed ? "malformed-" + std::to_string(++n) : "";
    const auto [status, answer] = send(*server.client, c.method, target, body, tokens.at(c.as), key);
    INFO(describe(c, target, body) << "\nanswered " << status << ": " << answer.substr(0, 400));
    check_refusal(c, status, answer);
    CHECK(written(server, tokens.at(kReviewer)) == before);
  }
}

TEST_CASE("cahub order create refuses a JSON file with a field of the wrong type, naming the code", "[malformed]") {
  CliDesk desk;
  json body = kCentralNew;
  body["region"] = 1;
  desk.var.write("region.json", body.dump());
  const RunResult r = desk.cahub({"order", "create", "--json-file", desk.var.file("region.json"), "--idempotency-key",
                                  "k", "--as", kClerk},
                                 {}, {"CAHUB_PASSWORD=" + kPassphrase});
  INFO("stderr: " << r.err << "\nstdout: " << r.out);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Contains("bad_field"));
  CHECK_THAT(r.err, !Contains("type_error"));
  CHECK_THAT(r.err, !Contains("json.exception"));
  CHECK(desk.json_as(kReviewer, {"order", "list"}).at("orders").empty());
}
