#pragma once
// The load `cahub bench orders` puts on a running order API, as a busy service point's clerks
// and reviewers would: clients on keep-alive connections first create orders, each for its own
// unit (so none blocks another: one open order per unit and CA), then take a share of them
// through the whole lifecycle — materials, review, approval by a reviewer (four eyes), payment,
// issuing by the CA plugin, pickup, completion. Every request is timed; any answer other than the
// expected one is counted and the first few are kept to be shown.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cli/bench_http_client.hpp"
#include "cli/latencies.hpp"

namespace cahub::cli {

// The kinds of request, in lifecycle order.
enum class OrderRequest { Create, ReceiveMaterial, StartReview, Approve, Payment, Issue, ReadyForPickup, Complete };
inline constexpr std::size_t order_request_kinds = 8;
std::string_view code_of(OrderRequest kind);

struct OrderLoadPlan {
  std::vector<Endpoint> targets;  // client c talks to targets[c % size]
  int clients = 32;
  std::uint32_t orders = 0;
  int lifecycle_percent = 0;  // of the orders, taken through the whole lifecycle afterwards
  std::uint32_t first_unit = 0;  // synthetic unit numbers first_unit … first_unit + orders - 1
  std::string region = "central";
  std::string ca = "bjca";
  std::string clerk_token;     // signed in as a clerk: accepts, receives, takes payment, issues
  std::string reviewer_token;  // signed in as a reviewer: reviews and approves
};

struct OrderLoadResult {
  double creation_seconds = 0;   // wall time of the creation phase
  double lifecycle_seconds = 0;  // wall time of the lifecycle phase
  std::uint32_t created = 0;
  std::uint32_t completed = 0;   // orders taken through the whole lifecycle
  std::array<Latencies, order_request_kinds> latencies;  // answered as expected, by OrderRequest
  std::uint64_t failures = 0;
  std::uint64_t retries = 0;  // creations sent again with their Idempotency-Key after no answer
  std::vector<std::string> first_failures;  // what the first few unexpected answers said

  std::uint64_t lifecycle_requests() const;
};

// Runs the plan against the API at plan.targets and returns when every client is done.
OrderLoadResult run_order_load(const OrderLoadPlan& plan);

}  // namespace cahub::cli
