// Hot reload in the real `cahub serve`: scripts rewritten while quotes are being answered on
// several connections. A good change is served without a restart, a broken one is refused (the
// previous version goes on serving and GET /v1/rules says why), and no request fails meanwhile.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include <httplib.h>

#include "integration/cahub_cli.hpp"
#include "integration/staff_session.hpp"

using namespace cahub::testing;
using nlohmann::json;
using Catch::Matchers::Contains;

namespace {

const std::string kQuote = R"({"region":"central","ca":"bjca","business":"new","channel":"onsite","today":"2026-06-01"})";

std::string central_priced_at(const std::string& fen) {
  std::string text = read_bytes(std::string(CAHUB_RULES_DIR) + "/central.lua");
  text.replace(text.find("fen = 26000"), 11, "fen = " + fen);
  return text;
}

// Writes the whole file under another name and renames it over the script: readers see the old
// file or the new one, never a part.
void replace_atomically(const ScratchFolder& rules, const std::string& name, const std::string& text) {
  rules.write(name + ".tmp", text);
  std::filesystem::rename(rules / (name + ".tmp"), rules / name);
}

// Quotes central/new/onsite on its own connection until told to stop, counting what it gets.
class QuoteLoad {
 public:
  QuoteLoad(int port, const std::string& token) {
    for (int i = 0; i < 3; ++i)
      threads_.emplace_back([this, port, token] {
        httplib::Client client("127.0.0.1", port);
        client.set_bearer_token_auth(token);
        while (!stop_) {
          auto res = client.Post("/v1/quote", kQuote, "application/json");
          if (!res || res->status != 200) {
            ++failed_;
            continue;
          }
          ++answered_;
        }
      });
  }
  ~QuoteLoad() { stop(); }
  void stop() {
    stop_ = true;
    for (auto& t : threads_)
      if (t.joinable()) t.join();
  }
  int failed() const { return failed_; }
  int answered() const { return answered_; }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<int> failed_{0}, answered_{0};
  std::vector<std::thread> threads_;
};

// Polls until `done` or ten seconds pass; returns whether it happened.
bool eventually(const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

}  // namespace

TEST_CASE("cahub serve reloads an edited script under load, refuses a broken one, and fails no request") {
  ScratchFolder var, rules;
  rules.write("central.lua", read_bytes(std::string(CAHUB_RULES_DIR) + "/central.lua"));
  var.write("cahub.toml", "[paths]\nvar = \"" + var.path().string() + "\"\ndatabase = \"" + var.file("cahub.db") +
                              "\"\n[rules]\nwatch_milliseconds = 50\n");
  db_init({"--config", var.file("cahub.toml")});
  ServerProcess server(CAHUB_BINARY, {"serve", "--port", "0", "--config", var.file("cahub.toml"), "--rules",
                                      rules.path().string(), "--plugins", CAHUB_PLUGINS_DIR, "--log-level", "warn"});
  httplib::Client client("127.0.0.1", server.port());
  add_staff(var.file("cahub.toml"), "clerk", "clerk");
  const std::string token = sign_in(client, "clerk");
  client.set_bearer_token_auth(token);
  auto fee = [&]() -> json {
    auto res = client.Post("/v1/quote", kQuote, "application/json");
    return res && res->status == 200 ? json::parse(res->body)["fee"]["total_fen"] : json("failed");
  };
  auto rules_status = [&]() -> json {
    auto res = client.Get("/v1/rules");
    return res && res->status == 200 ? json::parse(res->body) : json::object();
  };
  auto refused_reload = [&]() -> json { return rules_status()["regions"][0].value("refused_reload", json()); };
  REQUIRE(fee() == 26000);
  const std::string first_hash = rules_status()["regions"][0]["sha256"];

  QuoteLoad load(server.port(), token);

  SECTION("a valid change is served, a broken one is refused and the previous version stays") {
    replace_atomically(rules, "central.lua", central_priced_at("28000"));
    CHECK(eventually([&] { return fee() == 28000; }));
    CHECK(rules_status()["regions"][0]["sha256"] != first_hash);

    replace_atomically(rules, "central.lua", central_priced_at("28000") + "\nfee { business = \"new\", code = \"x\" }\n");
    REQUIRE(eventually([&] { return !refused_reload().is_null(); }));
    CHECK_THAT(refused_reload()["findings"][0].get<std::string>(), Contains("central.lua:"));
    CHECK(rules_status()["refused"][0]["still_serving"] == "central");
    CHECK(fee() == 28000);

    // Fixing it clears the refusal.
    replace_atomically(rules, "central.lua", central_priced_at("26500"));
    CHECK(eventually([&] { return fee() == 26500; }));
    CHECK(refused_reload().is_null());
  }

  SECTION("a script written in place is refused while partial and served once complete") {
    const std::string complete = central_priced_at("30000");
    std::ofstream in_place(rules / "central.lua", std::ios::binary | std::ios::trunc);
    in_place << complete.substr(0, complete.size() / 2) << std::flush;
    REQUIRE(eventually([&] { return !refused_reload().is_null(); }));
    CHECK(fee() == 26000);

    in_place << complete.substr(complete.size() / 2) << std::flush;
    in_place.close();
    CHECK(eventually([&] { return fee() == 30000; }));
    CHECK(refused_reload().is_null());
  }

  load.stop();
  INFO(load.answered() << " quotes answered during the reloads");
  CHECK(load.answered() > 0);
  CHECK(load.failed() == 0);
  CHECK(server.stop() == 0);
}
