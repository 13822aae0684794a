// POST /v1/login under abuse, against the real `cahub serve`: a login guessed at is refused
// before its password is checked, and a flood of sign-ins leaves the server answering others.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "integration/staffed_server.hpp"

using namespace cahub::testing;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

httplib::Result post_login(httplib::Client& client, const std::string& login, const std::string& password) {
  return client.Post("/v1/login", json{{"login", login}, {"password", password}}.dump(), "application/json");
}

}  // namespace

TEST_CASE("after ten wrong passwords the eleventh sign-in is refused with Retry-After even with the right password") {
  StaffedServer desk;
  for (int i = 0; i < 10; ++i) {
    INFO("wrong password " << i + 1);
    auto r = post_login(*desk.client, "wang.fang", "not the passphrase");
    REQUIRE(r);
    CHECK(r->status == 401);
    CHECK(json::parse(r->body)["error"]["code"] == "bad_credentials");
  }
  auto refused = post_login(*desk.client, "wang.fang", "a long passphrase");
  REQUIRE(refused);
  CHECK(refused->status == 429);
  CHECK(json::parse(refused->body)["error"]["code"] == "sign_in_throttled");
  REQUIRE(refused->has_header("Retry-After"));
  const int wait = std::stoi(refused->get_header_value("Retry-After"));
  CHECK(wait >= 1);
  CHECK(wait <= 60);
  // Another login, from the same address, signs in: ten failures are well below the address's 30.
  CHECK_FALSE(desk.sign_in("zhao.li").empty());
}

TEST_CASE("eight parallel sign-in floods leave /healthz answering within 100 ms") {
  // Every flooding sign-in uses a login of its own and the address threshold is out of reach, so
  // none is throttled: each one that gets a turn costs a full password check. What keeps the
  // server answering is the bound on checks at once, not the throttle.
  StaffedServer desk("[sign_in]\nfailures_per_address = 1000000\n");
  const int port = desk.server->port();
  std::atomic<bool> stop{false};
  std::atomic<int> checked{0}, busy{0}, unexpected{0};
  std::vector<std::thread> floods;
  for (int t = 0; t < 8; ++t)
    floods.emplace_back([&, t] {
      httplib::Client client("127.0.0.1", port);  // a new connection per request, as a script would
      client.set_read_timeout(60);
      for (int i = 0; !stop; ++i) {
        auto r = post_login(client, "flood" + std::to_string(t) + "-" + std::to_string(i), "a guessed password");
        if (r && r->status == 401) ++checked;
        else if (r && r->status == 503 && r->get_header_value("Retry-After") == "1" &&
                 json::parse(r->body)["error"]["code"] == "sign_in_busy") ++busy;
        else ++unexpected;
      }
    });
  std::this_thread::sleep_for(1500ms);  // every turn and waiting place taken

  std::chrono::steady_clock::duration slowest{};
  for (int i = 0; i < 5; ++i) {
    httplib::Client probe("127.0.0.1", port);
    const auto start = std::chrono::steady_clock::now();
    auto r = probe.Get("/healthz");
    slowest = std::max(slowest, std::chrono::steady_clock::now() - start);
    REQUIRE(r);
    CHECK(r->status == 200);
    std::this_thread::sleep_for(200ms);
  }
  stop = true;
  for (auto& f : floods) f.join();

  INFO("slowest /healthz: " << std::chrono::duration_cast<std::chrono::milliseconds>(slowest).count() << " ms; "
                            << checked << " checked, " << busy << " busy");
  CHECK(slowest < 100ms);
  CHECK(checked > 0);
  CHECK(busy > 0);
  CHECK(unexpected == 0);
}
