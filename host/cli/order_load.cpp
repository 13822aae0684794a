#include "cli/order_load.hpp"

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

#include "identifiers/synthetic_uscc.hpp"

namespace cahub::cli {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kFailuresShown = 5;

// Whether order number i (0-based) of the run is one taken through the lifecycle: spread evenly,
// lifecycle_percent of every hundred.
bool gets_lifecycle(std::uint32_t i, int lifecycle_percent) {
  return (static_cast<std::uint64_t>(i) * static_cast<std::uint64_t>(lifecycle_percent)) % 100 <
         static_cast<std::uint64_t>(lifecycle_percent);
}

// What the clients share: the plan and the tally of unexpected answers.
struct Tally {
  std::atomic<std::uint64_t> failures{0};
  std::atomic<std::uint64_t> retries{0};
  std::mutex mutex;
  std::vector<std::string> first;

  void fail(std::string what) {
    if (++failures > kFailuresShown) return;
    std::lock_guard lock(mutex);
    first.push_back(std::move(what));
  }
};

// One clerk's or reviewer's terminal: one keep-alive connection, its own latencies.
class Client {
 public:
  Client(const OrderLoadPlan& plan, const Endpoint& target, Tally& tally)
      : plan_(plan), tally_(tally), http_(target) {}

  // Creates order i of the plan; returns it when it is to go through the lifecycle.
  std::optional<json> create(std::uint32_t i) {
    const std::uint32_t unit = plan_.first_unit + i;
    const json body = {{"region", plan_.region},
                       {"ca", plan_.ca},
                       {"business", "new"},
                       {"channel", "onsite"},
                       {"applicant_details",
                        {{"name", "基准测试单位" + std::to_string(unit)}, {"uscc", identifiers::synthetic_uscc(unit)}}}};
    // Only an order taken further is read: a terminal that only accepts has no use for the answer.
    const bool further = gets_lifecycle(i, plan_.lifecycle_percent);
    auto created = post(OrderRequest::Create, "/v1/orders", plan_.clerk_token, body, 201,
                        "bench-" + std::to_string(unit), further);
    if (!created || !further) return std::nullopt;
    return created;
  }

  // Takes a created order to completed; false (and counted) if a step is refused.
  bool complete_lifecycle(json order) {
    const std::string id = order.at("id");
    const std::string base = "/v1/orders/" + id;
    const json materials = order.at("materials");
    for (const auto& m : materials) {
      auto next = post(OrderRequest::ReceiveMaterial, base + "/materials/" + m.at("code").get<std::string>(),
                       plan_.clerk_token, json{{"file_name", "scan.pdf"}, {"file_bytes", 120000}}, 200);
      if (!next) return false;
      order = std::move(*next);
    }
    const auto act = [&](OrderRequest kind, const std::string& path, const std::string& token, json body, int expected) {
      body["version"] = order.at("version");
      auto next = post(kind, base + path, token, body, expected);
      if (next) order = std::move(*next);
      return next.has_value();
    };
    return act(OrderRequest::StartReview, "/actions/start_review", plan_.reviewer_token, json::object(), 200) &&
           act(OrderRequest::Approve, "/actions/approve", plan_.reviewer_token, json::object(), 200) &&
           act(OrderRequest::Payment, "/payments", plan_.clerk_token,
               json{{"method", "wechat"}, {"amount_fen", order.at("total_fen")}}, 201) &&
           act(OrderRequest::Issue, "/issue", plan_.clerk_token, json::object(), 200) &&
           act(OrderRequest::ReadyForPickup, "/actions/ready_for_pickup", plan_.clerk_token, json::object(), 200) &&
           act(OrderRequest::Complete, "/actions/complete", plan_.clerk_token, json::object(), 200);
  }

  const std::array<Latencies, order_request_kinds>& latencies() const { return latencies_; }

 private:
  // The answer as JSON (null unless `parse`), or nothing when it was not the expected one.
  std::optional<json> post(OrderRequest kind, const std::string& path, const std::string& token, const json& body,
                           int expected, const std::string& idempotency_key = {}, bool parse = true) {
    BenchHttpClient::Headers headers{{"Authorization", "Bearer " + token}};
    if (!idempotency_key.empty()) headers.emplace_back("Idempotency-Key", idempotency_key);
    const std::string text = body.dump();
    const auto sent = Clock::now();
    auto answer = http_.post(path, headers, text);
    if (!answer && !idempotency_key.empty()) {
      // The connection dropped (the server's idle deadline closed it as the request left, say). A
      // request with an Idempotency-Key is safe to send again, as a real client would: if the
      // first one was committed, this returns it.
      ++tally_.retries;
      answer = http_.post(path, headers, text);
      if (answer && answer->status == 200 && expected == 201) answer->status = 201;  // the first one had landed
    }
    const auto answered = Clock::now();
    const std::string what = std::string(code_of(kind)) + " " + path + ": ";
    if (!answer) {
      tally_.fail(what + "no answer (" + http_.error() + ")");
      return std::nullopt;
    }
    if (answer->status != expected) {
      tally_.fail(what + "HTTP " + std::to_string(answer->status) + " " + answer->body.substr(0, 300));
      return std::nullopt;
    }
    latencies_[static_cast<std::size_t>(kind)].add(answered - sent);
    return parse ? json::parse(answer->body) : json();
  }

  const OrderLoadPlan& plan_;
  Tally& tally_;
  BenchHttpClient http_;
  std::array<Latencies, order_request_kinds> latencies_;
};

// Runs `work(client index)` on one thread per client and returns the wall time in seconds.
template <typename Work>
double on_every_client(int clients, Work work) {
  const auto started = Clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) threads.emplace_back(work, c);
  for (auto& t : threads) t.join();
  return std::chrono::duration<double>(Clock::now() - started).count();
}

}  // namespace

std::string_view code_of(OrderRequest kind) {
  static constexpr std::array<std::string_view, order_request_kinds> codes = {
      "create", "receive_material", "start_review", "approve", "payment", "issue", "ready_for_pickup", "complete"};
  return codes[static_cast<std::size_t>(kind)];
}

std::uint64_t OrderLoadResult::lifecycle_requests() const {
  std::uint64_t n = 0;
  for (std::size_t k = 1; k < order_request_kinds; ++k) n += latencies[k].count();
  return n;
}

OrderLoadResult run_order_load(const OrderLoadPlan& plan) {
  Tally tally;
  const int clients = std::max(plan.clients, 1);
  std::vector<std::unique_ptr<Client>> terminals;
  if (plan.targets.empty()) throw std::invalid_argument("an order load needs at least one target");
  for (int c = 0; c < clients; ++c)
    terminals.push_back(std::make_unique<Client>(plan, plan.targets[static_cast<std::size_t>(c) % plan.targets.size()],
                                                 tally));
  // Client c creates orders c, c + clients, …, and later takes its own chosen ones further.
  std::vector<std::vector<json>> to_complete(static_cast<std::size_t>(clients));
  std::atomic<std::uint32_t> completed{0};

  OrderLoadResult result;
  result.creation_seconds = on_every_client(clients, [&](int c) {
    const auto mine = static_cast<std::size_t>(c);
    for (std::uint32_t i = static_cast<std::uint32_t>(c); i < plan.orders; i += static_cast<std::uint32_t>(clients))
      if (auto order = terminals[mine]->create(i)) to_complete[mine].push_back(std::move(*order));
  });
  result.lifecycle_seconds = on_every_client(clients, [&](int c) {
    const auto mine = static_cast<std::size_t>(c);
    for (json& order : to_complete[mine])
      if (terminals[mine]->complete_lifecycle(std::move(order))) ++completed;
  });

  for (const auto& t : terminals)
    for (std::size_t k = 0; k < order_request_kinds; ++k) result.latencies[k].merge(t->latencies()[k]);
  result.created = static_cast<std::uint32_t>(result.latencies[0].count());
  result.completed = completed;
  result.failures = tally.failures;
  result.retries = tally.retries;
  result.first_failures = std::move(tally.first);
  return result;
}

}  // namespace cahub::cli
