// The HTTP front against clients that misbehave, on the real `cahub serve` (issue: "An HTTP front
// that holds under load and abuse"): slow and idle clients, bodies beyond the cap, ambiguous
// framing, more connections than allowed. Each limit is set low in the scratch cahub.toml so the
// tests take seconds, and each is checked from outside, as an attacker would see it.
#include <catch2/catch.hpp>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <fstream>
#include <memory>
#include <thread>
#include <vector>

#include "integration/cahub_cli.hpp"
#include "integration/raw_client.hpp"
#include "support/process.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub::testing;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

struct Front {
  ScratchFolder var;
  std::unique_ptr<ServerProcess> server;

  explicit Front(const std::string& server_settings) {
    var.write("cahub.toml", "[paths]\nvar = \"" + var.path().string() + "\"\ndatabase = \"" + var.file("cahub.db") +
                                "\"\n[server]\n" + server_settings);
    db_init({"--config", var.file("cahub.toml")});
    server = std::make_unique<ServerProcess>(
        CAHUB_BINARY, std::vector<std::string>{"serve", "--port", "0", "--config", var.file("cahub.toml"), "--rules",
                                               CAHUB_RULES_DIR, "--plugins", CAHUB_PLUGINS_DIR, "--log-level", "warn"});
  }
  int port() const { return server->port(); }

  // The slowest of `tries` GET /healthz, each on a new connection as a load balancer's probe.
  std::chrono::milliseconds slowest_health_check(int tries) const {
    std::chrono::milliseconds slowest{0};
    for (int i = 0; i < tries; ++i) {
      httplib::Client probe("127.0.0.1", port());
      probe.set_connection_timeout(2);
      probe.set_read_timeout(2);
      const auto start = std::chrono::steady_clock::now();
      auto r = probe.Get("/healthz");
      const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
      REQUIRE(r);
      REQUIRE(r->status == 200);
      slowest = std::max(slowest, took);
      std::this_thread::sleep_for(50ms);
    }
    return slowest;
  }

  // The server's resident memory now and at its peak, in kB (/proc/PID/status).
  std::pair<long, long> memory_kb() const {
    std::ifstream status("/proc/" + std::to_string(server->pid()) + "/status");
    long rss = -1, peak = -1;
    for (std::string line; std::getline(status, line);) {
      if (line.rfind("VmRSS:", 0) == 0) rss = std::stol(line.substr(6));
      if (line.rfind("VmHWM:", 0) == 0) peak = std::stol(line.substr(6));
    }
    return {rss, peak};
  }

  std::string metrics() const {
    std::ifstream in(var.file("metrics.token"));
    std::string token;
    std::getline(in, token);
    httplib::Client c("127.0.0.1", port());
    auto r = c.Get("/metrics", {{"Authorization", "Bearer " + token}});
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return r->body;
  }
};

// What reading a body up to the cap may take besides the cap: the parser's buffer, the string's
// growth by doubling, the drain. Under AddressSanitizer freed blocks wait in its quarantine and
// every block has red zones, so the same reading shows more.
// Glibc may also give a worker thread its own arena on its first large body. 12 MB besides the
// 4 MB cap is still sixteen times less than the 256 MB the test sends (CI once measured 12.3 MB
// growth under load with 8 MB of slack).
#if defined(__SANITIZE_ADDRESS__)
constexpr long kSlackKb = 24 * 1024;
#else
constexpr long kSlackKb = 12 * 1024;
#endif

std::string error_code_of(const std::string& answer) {
  const auto body = answer.find("\r\n\r\n");
  if (body == std::string::npos) return {};
  return json::parse(answer.substr(body + 4), nullptr, false).value("/error/code"_json_pointer, std::string());
}

}  // namespace

TEST_CASE("50 slow clients and 500 idle connections leave /healthz answering within 100 ms, then are cut off") {
  Front front("header_timeout_ms = 4000\nidle_timeout_ms = 4000\nmax_connections = 2000\n"
              "max_connections_per_address = 1000\n");
  std::vector<RawClient> idle, slow;
  for (int i = 0; i < 500; ++i) idle.emplace_back(front.port());
  for (int i = 0; i < 50; ++i) slow.emplace_back(front.port());
  for (const RawClient& c : idle) REQUIRE(c.connected());
  for (const RawClient& c : slow) REQUIRE(c.connected());

  // One header byte every 2 s from each slow client, as in the issue.
  const std::string request = "GET /healthz HTTP/1.1\r\nHost: cahub\r\n\r\n";
  std::atomic<bool> done{false};
  std::thread trickle([&] {
    for (std::size_t at = 0; !done && at < request.size(); ++at) {
      for (RawClient& c : slow) c.send(request.substr(at, 1));
      for (int i = 0; i < 20 && !done; ++i) std::this_thread::sleep_for(100ms);
    }
  });
  const auto slowest = front.slowest_health_check(20);
  CHECK(slowest < 100ms);

  // The header deadline cuts the slow ones off with 408; the idle ones are closed silently.
  std::this_thread::sleep_for(2500ms);
  done = true;
  trickle.join();
  int timed_out = 0, closed = 0;
  for (RawClient& c : slow) timed_out += status_of(c.receive(3000ms)) == 408;
  for (RawClient& c : idle) {
    c.receive(100ms);
    closed += c.closed();
  }
  CHECK(timed_out == 50);
  CHECK(closed == 500);
  CHECK_THAT(front.metrics(), Catch::Contains("cahub_http_requests_rejected_total{reason=\"header_timeout\"} 50"));
}

TEST_CASE("a 256 MB chunked body is refused at the cap with no growth in memory beyond it") {
  Front front("max_body_bytes = 4194304\n");
  // Warmed up first, so that the baseline holds what any first requests allocate, not only a
  // server that has answered nothing yet.
  (void)front.slowest_health_check(8);
  const long before_peak = front.memory_kb().second;
  RawClient c(front.port());
  REQUIRE(c.connected());
  REQUIRE(c.send("POST /v1/login HTTP/1.1\r\nHost: cahub\r\nContent-Type: application/json\r\n"
                 "Transfer-Encoding: chunked\r\n\r\n"));
  const std::string chunk = "10000\r\n" + std::string(0x10000, 'x') + "\r\n";  // 64 KiB a chunk
  std::size_t sent = 0;
  while (sent < (256u << 20) && c.send(chunk)) sent += 0x10000;
  const std::string answer = c.receive(5000ms);
  INFO("sent " << sent / 1024 << " KiB before the server closed; answer: " << answer.substr(0, 200));
  // Refused near the cap: what was sent beyond it is what the socket buffers and the short drain
  // after the refusal took, a few MB, not 256.
  CHECK(sent < (32u << 20));
  CHECK(status_of(answer) == 413);
  CHECK(error_code_of(answer) == "body_too_large");
  const long after_peak = front.memory_kb().second;
  INFO("peak resident memory " << before_peak << " kB before, " << after_peak << " kB after");
  CHECK(after_peak - before_peak < 4096 + kSlackKb);  // the 4 MB cap and some slack, not 256 MB
  CHECK(front.slowest_health_check(3) < 100ms);
}

TEST_CASE("a Content-Length beyond the cap is refused before the body is read") {
  Front front("max_body_bytes = 4194304\n");
  RawClient c(front.port());
  REQUIRE(c.send("POST /v1/quote HTTP/1.1\r\nHost: cahub\r\nContent-Length: 268435456\r\n\r\n"));
  const std::string answer = c.receive(3000ms);
  CHECK(status_of(answer) == 413);
  CHECK(error_code_of(answer) == "body_too_large");
}

TEST_CASE("ambiguous framing gets 400 bad_framing and the connection is closed") {
  Front front("");
  const std::vector<std::string> ambiguous = {
      "POST /v1/login HTTP/1.1\r\nHost: c\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
      "POST /v1/login HTTP/1.1\r\nHost: c\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      "POST /v1/login HTTP/1.1\r\nHost: c\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n",
      "POST /v1/login HTTP/1.1\r\nHost: c\r\nTransfer-Encoding: gzip\r\n\r\nhello",
      "POST /v1/login HTTP/1.1\r\nHost: c\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      "POST /v1/login HTTP/1.0\r\nHost: c\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
  };
  for (const std::string& request : ambiguous) {
    INFO(request);
    RawClient c(front.port());
    REQUIRE(c.send(request));
    const std::string answer = c.receive(3000ms);
    CHECK(status_of(answer) == 400);
    CHECK(error_code_of(answer) == "bad_framing");
    CHECK(c.closed());
  }
  // The same length twice is not ambiguous (RFC 9112 §6.3): that one is read.
  RawClient same(front.port());
  REQUIRE(same.send("POST /v1/login HTTP/1.1\r\nHost: c\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n{}"));
  CHECK(error_code_of(same.receive(3000ms)) != "bad_framing");
  CHECK_THAT(front.metrics(), Catch::Contains("cahub_http_requests_rejected_total{reason=\"bad_framing\"} 6"));
}

TEST_CASE("a body that stops arriving gets 408 at the body deadline") {
  Front front("body_timeout_ms = 1000\n");
  RawClient c(front.port());
  REQUIRE(c.send("POST /v1/login HTTP/1.1\r\nHost: c\r\nContent-Length: 100\r\n\r\n{\"login\":"));
  const auto start = std::chrono::steady_clock::now();
  const std::string answer = c.receive(5000ms);
  CHECK(status_of(answer) == 408);
  CHECK(error_code_of(answer) == "body_timeout");
  CHECK(std::chrono::steady_clock::now() - start < 3000ms);
}

TEST_CASE("a keep-alive connection left idle is closed at the idle deadline") {
  Front front("idle_timeout_ms = 1500\n");
  RawClient c(front.port());
  REQUIRE(c.send("GET /healthz HTTP/1.1\r\nHost: c\r\n\r\n"));
  CHECK(status_of(c.receive(300ms)) == 200);
  CHECK_FALSE(c.closed());  // kept alive for the next request
  std::this_thread::sleep_for(2000ms);
  c.receive(500ms);
  CHECK(c.closed());
}

TEST_CASE("connections beyond the per-address and total caps get 503 with Retry-After") {
  SECTION("per address") {
    Front front("max_connections_per_address = 4\n");
    std::vector<RawClient> held;
    for (int i = 0; i < 4; ++i) held.emplace_back(front.port());
    std::this_thread::sleep_for(200ms);  // accepted by now
    RawClient extra(front.port());
    const std::string answer = extra.receive(2000ms);
    CHECK(status_of(answer) == 503);
    CHECK(error_code_of(answer) == "address_full");
    CHECK_THAT(answer, Catch::Contains("Retry-After: 1"));
    held.clear();  // once they close, the address may connect again
    std::this_thread::sleep_for(200ms);
    CHECK(front.slowest_health_check(1) < 100ms);
  }
  SECTION("in all") {
    Front front("max_connections = 8\n");
    std::vector<RawClient> held;
    for (int i = 0; i < 8; ++i) held.emplace_back(front.port());
    std::this_thread::sleep_for(200ms);
    RawClient extra(front.port());
    const std::string answer = extra.receive(2000ms);
    CHECK(status_of(answer) == 503);
    CHECK(error_code_of(answer) == "server_full");
  }
}

TEST_CASE("HEAD answers GET's headers without the body, and Expect: 100-continue is honoured") {
  Front front("");
  RawClient head(front.port());
  REQUIRE(head.send("HEAD /healthz HTTP/1.1\r\nHost: c\r\nConnection: close\r\n\r\n"));
  const std::string answer = head.receive(2000ms);
  CHECK(status_of(answer) == 200);
  CHECK_THAT(answer, Catch::Contains("Content-Length: "));
  CHECK(answer.substr(answer.find("\r\n\r\n") + 4).empty());

  RawClient expecting(front.port());
  const std::string body = R"({"login":"nobody","password":"not a password at all"})";
  REQUIRE(expecting.send("POST /v1/login HTTP/1.1\r\nHost: c\r\nContent-Length: " + std::to_string(body.size()) +
                         "\r\nConnection: close\r\nExpect: 100-continue\r\n\r\n"));
  CHECK(expecting.receive(1000ms, 25).rfind("HTTP/1.1 100 Continue", 0) == 0);
  REQUIRE(expecting.send(body));
  // The body arrived and the route read it: the login it names is refused.
  CHECK(error_code_of(expecting.receive(10000ms)) == "bad_credentials");
}

TEST_CASE("a client that does not read its answers is disconnected at the write deadline") {
  Front front("write_timeout_ms = 1000\n");
  RawClient c(front.port());
  // A thousand pipelined requests for an 18 KB file: 18 MB of answers, more than the socket
  // buffers on both sides hold, so the server's write stalls while this client reads nothing.
  std::string requests;
  for (int i = 0; i < 1000; ++i) requests += "GET /console/js/i18n.js HTTP/1.1\r\nHost: c\r\n\r\n";
  REQUIRE(c.send(requests));
  std::this_thread::sleep_for(3000ms);
  CHECK(front.slowest_health_check(3) < 100ms);  // the stalled write holds no worker
  const std::string got = c.receive(5000ms, 64u << 20);
  INFO("read " << got.size() << " bytes before the server closed");
  CHECK(c.closed());
  CHECK(got.size() < 1000u * 18000u);
  CHECK_THAT(front.metrics(), Catch::Contains("cahub_http_requests_rejected_total{reason=\"write_timeout\"} 1"));
}

TEST_CASE("/metrics answers only its own token, kept in a file only the server's user can read") {
  Front front("");
  struct stat st{};
  REQUIRE(::stat(front.var.file("metrics.token").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  httplib::Client c("127.0.0.1", front.port());
  for (const httplib::Headers& headers :
       {httplib::Headers{}, httplib::Headers{{"Authorization", "Bearer not-the-token"}},
        httplib::Headers{{"Authorization", "Basic " + std::string(64, 'a')}}}) {
    auto r = c.Get("/metrics", headers);
    REQUIRE(r);
    CHECK(r->status == 401);
    CHECK(json::parse(r->body)["error"]["code"] == "bad_metrics_token");
  }
  CHECK_THAT(front.metrics(), Catch::Contains("cahub_http_requests_total{route=\"/metrics\",method=\"GET\",status=\"401\"} 3"));

  Front off("\n[metrics]\nenabled = false\n");
  httplib::Client c2("127.0.0.1", off.port());
  auto r = c2.Get("/metrics");
  REQUIRE(r);
  CHECK(r->status == 404);
}
