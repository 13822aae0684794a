// docs/openapi.yaml against the server: every route `cahub serve` registers (host/server/*.cpp) is
// described there, every described path and method is registered, and a real server answers each
// described route with something other than httplib's "no such endpoint".
#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "integration/staffed_server.hpp"

using namespace cahub::testing;
using nlohmann::json;

namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  REQUIRE(in);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct Route {
  std::string method;  // GET, POST, PUT
  std::string path;    // as documented: /v1/orders/{id}
  bool operator<(const Route& o) const { return std::tie(path, method) < std::tie(o.path, o.method); }
};

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// The `paths:` of docs/openapi.yaml, read by indentation: a path is a two-space-indented key
// starting with `/`, its methods the four-space-indented `get:`/`post:`/`put:` (... ) keys under it.
std::set<Route> documented_routes() {
  std::istringstream in(read_text(fs::path(CAHUB_SOURCE_DIR) / "docs" / "openapi.yaml"));
  static const std::regex path_key(R"(^  (/[^:\s]*):\s*(#.*)?$)");
  static const std::regex method_key(R"(^    (get|post|put|delete|patch|head|options):\s*(#.*)?$)");
  std::set<Route> routes;
  std::string line, current;
  bool in_paths = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (line[0] != ' ') {  // a top-level key
      in_paths = line.rfind("paths:", 0) == 0;
      current.clear();
      continue;
    }
    if (!in_paths) continue;
    std::smatch m;
    if (std::regex_match(line, m, path_key)) current = m[1];
    else if (line.rfind("  ", 0) == 0 && line.size() > 2 && line[2] != ' ') current.clear();  // another key
    else if (!current.empty() && std::regex_match(line, m, method_key)) routes.insert({upper(m[1]), current});
  }
  return routes;
}

// `{name}` or a regex group `( ... )` becomes `{}`, `\.` becomes `.`: both sides compare in one form.
std::string normalised(const std::string& path) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const char c = path[i];
    if (c == '{' || c == '(') {
      const char close = c == '{' ? '}' : ')';
      int depth = 1;
      for (++i; i < path.size() && depth > 0; ++i) {
        if (path[i] == c) ++depth;
        else if (path[i] == close) --depth;
      }
      --i;
      out += "{}";
    } else if (c == '\\' && i + 1 < path.size()) {
      out += path[++i];
    } else {
      out += c;
    }
  }
  return out;
}

// A C++ string literal at `pos` ("..." or R"(...)"); its text, `pos` moved past it.
std::optional<std::string> literal_at(const std::string& text, std::size_t& pos) {
  if (text.compare(pos, 3, "R\"(") == 0) {
    const std::size_t end = text.find(")\"", pos + 3);
    if (end == std::string::npos) return std::nullopt;
    std::string s = text.substr(pos + 3, end - pos - 3);
    pos = end + 2;
    return s;
  }
  if (text[pos] == '"') {
    const std::size_t end = text.find('"', pos + 1);
    if (end == std::string::npos) return std::nullopt;
    std::string s = text.substr(pos + 1, end - pos - 1);
    pos = end + 1;
    return s;
  }
  return std::nullopt;
}

void skip_space(const std::string& text, std::size_t& pos) {
  while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
}

// Every `routes.get(` / `.post(` / `.put(` in host/server/*.cpp with its path template. A path built as
// `std::string(R"(prefix)") + name` inside a `for (...)` over names ({"issue", "carry_out"}) is
// registered once per name that loop's header lists.
std::set<Route> registered_routes() {
  std::set<Route> routes;
  static const std::regex registration(R"(routes\.(get|post|put)\()");
  static const std::regex loop_name(R"re("([A-Za-z0-9_./-]+)")re");
  for (const auto& entry : fs::directory_iterator(fs::path(CAHUB_SOURCE_DIR) / "host" / "server")) {
    if (entry.path().extension() != ".cpp") continue;
    const std::string text = read_text(entry.path());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), registration); it != std::sregex_iterator(); ++it) {
      const std::string method = upper((*it)[1]);
      std::size_t pos = static_cast<std::size_t>(it->position() + it->length());
      skip_space(text, pos);
      const bool wrapped = text.compare(pos, 12, "std::string(") == 0;
      if (wrapped) pos += 12;
      const auto path = literal_at(text, pos);
      INFO(entry.path().filename().string() << " at " << it->position());
      REQUIRE(path);
      if (wrapped) {
        skip_space(text, pos);
        REQUIRE(text[pos] == ')');
        ++pos;
      }
      skip_space(text, pos);
      if (text[pos] != '+') {
        routes.insert({method, normalised(*path)});
        continue;
      }
      // prefix + a loop variable: the names the enclosing for-statement's header lists.
      const std::size_t loop = text.rfind("for (", static_cast<std::size_t>(it->position()));
      REQUIRE(loop != std::string::npos);
      const std::string header = text.substr(loop, static_cast<std::size_t>(it->position()) - loop);
      std::size_t names = 0;
      for (auto n = std::sregex_iterator(header.begin(), header.end(), loop_name); n != std::sregex_iterator(); ++n, ++names)
        routes.insert({method, normalised(*path + (*n)[1].str())});
      REQUIRE(names > 0);
    }
  }
  return routes;
}

std::string describe(const Route& r) { return r.method + " " + r.path; }

// A documented path with its placeholders filled in with something the route's pattern accepts.
std::string filled(const std::string& path) {
  static const std::map<std::string, std::string> values = {
      {"id", "ORD-19700101-9999"}, {"code", "uscc_copy"}, {"action", "cancel"}, {"kind", "uscc"},
      {"file", "js/main.js"}, {"login", "zhao.li"}, {"region", "neimenggu"}, {"n", "1"},
      {"ca", "bjca"}, {"pem", "crl.pem"}};
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '{') {
      out += path[i];
      continue;
    }
    const std::size_t close = path.find('}', i);
    REQUIRE(close != std::string::npos);
    const std::string name = path.substr(i + 1, close - i - 1);
    INFO("placeholder {" << name << "} in " << path);
    REQUIRE(values.count(name) == 1);
    out += values.at(name);
    i = close;
  }
  return out;
}

}  // namespace

TEST_CASE("docs/openapi.yaml describes every route cahub serve registers, and no other") {
  const std::set<Route> documented = documented_routes();
  const std::set<Route> registered = registered_routes();
  REQUIRE(documented.size() >= 20);
  REQUIRE(registered.size() >= 20);
  // The loop-registered provider routes are found.
  CHECK(registered.count({"POST", "/v1/orders/{}/issue"}) == 1);
  CHECK(registered.count({"POST", "/v1/orders/{}/carry_out"}) == 1);

  std::set<Route> documented_normalised;
  for (const Route& r : documented) documented_normalised.insert({r.method, normalised(r.path)});
  for (const Route& r : registered) {
    INFO("registered but not in docs/openapi.yaml: " << describe(r));
    CHECK(documented_normalised.count(r) == 1);
  }
  for (const Route& r : documented) {
    INFO("in docs/openapi.yaml but not registered: " << describe(r));
    CHECK(registered.count({r.method, normalised(r.path)}) == 1);
  }
}

TEST_CASE("a real cahub serve answers every route docs/openapi.yaml describes") {
  const std::set<Route> documented = documented_routes();
  REQUIRE_FALSE(documented.empty());
  StaffedServer desk;
  const std::string token = desk.sign_in("wang.fang");
  const httplib::Headers headers{{"Authorization", "Bearer " + token}};
  const httplib::Headers own_session{{"Authorization", "Bearer " + desk.sign_in("wang.fang")}};
  for (const Route& r : documented) {
    const std::string path = filled(r.path);
    INFO(r.method << " " << path);
    REQUIRE((r.method == "GET" || r.method == "POST" || r.method == "PUT"));
    // Signing out ends the session it is sent with: a session of its own, so the routes after it
    // are still asked as a signed-in clerk.
    const httplib::Headers& sent = path == "/v1/logout" ? own_session : headers;
    httplib::Result res = r.method == "GET"    ? desk.client->Get(path, sent)
                          : r.method == "POST" ? desk.client->Post(path, sent, "{}", "application/json")
                                               : desk.client->Put(path + "?name=x.jpg", headers, "x", "application/octet-stream");
    REQUIRE(res);
    INFO("answered " << res->status << ": " << res->body.substr(0, 300));
    if (res->status != 404) continue;
    const json body = json::parse(res->body, nullptr, false);
    const bool no_such_endpoint = body.is_object() && body.contains("error") &&
                                  body["error"].value("code", "") == "not_found" &&
                                  body["error"].value("message", "").rfind("no such endpoint", 0) == 0;
    CHECK_FALSE(no_such_endpoint);
  }
  // And the check itself can tell: an undocumented path is httplib's own 404.
  auto missing = desk.client->Get("/v1/no-such-route", headers);
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(json::parse(missing->body)["error"]["message"].get<std::string>().rfind("no such endpoint", 0) == 0);
}
